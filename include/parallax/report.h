/*
 * parallax/report.h - the three renderings of compared stories: JSON
 * (schema in docs/report-schema.md), a terminal report and one
 * self-contained HTML page. Renderers write into a px_buf; the caller
 * decides where it goes.
 */
#ifndef PARALLAX_REPORT_H
#define PARALLAX_REPORT_H

#include "compare.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_report_opts {
    int color;    /* terminal: ANSI colours */
    int width;    /* terminal: columns, 0 = 100 */
    int full;     /* terminal: every item, not just the first few per section */
} px_report_opts;

/* The full result as one JSON document (pretty-printed, ends in "\n"). */
int px_report_json(px_story_report *const *stories, size_t n, px_buf *out);
/* A readable report, one section block per story. o may be NULL. */
int px_report_text(px_story_report *const *stories, size_t n, const px_report_opts *o, px_buf *out);
/* One HTML page with inline CSS and SVG, no network access. */
int px_report_html(px_story_report *const *stories, size_t n, px_buf *out);

/* The same documents written one story at a time, so a caller can compare
 * a story, write it, flush out and free the story before the next:
 * px_report_begin once (the number of stories, and of their articles for
 * the HTML page's header), px_report_story for stories 0 .. n_stories-1 in
 * order, px_report_end once. The result is byte for byte what the calls
 * above write. o (text only) may be NULL. */
typedef enum px_report_format { PX_REPORT_JSON, PX_REPORT_TEXT, PX_REPORT_HTML } px_report_format;

int px_report_begin(px_report_format f, size_t n_stories, size_t n_articles, px_buf *out);
int px_report_story(px_report_format f, const px_story_report *r, size_t index, size_t n_stories,
                    const px_report_opts *o, px_buf *out);
int px_report_end(px_report_format f, px_buf *out);

#ifdef __cplusplus
}
#endif
#endif
