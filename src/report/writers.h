/* writers.h - each report format in three steps (a document's head, one
 * story, its tail), so a caller can write stories as they are compared
 * (parallax/report.h px_report_begin). Not installed. */
#ifndef PARALLAX_REPORT_WRITERS_H
#define PARALLAX_REPORT_WRITERS_H

#include "parallax/report.h"

int px_report_json_begin(px_buf *out);
int px_report_json_story(const px_story_report *r, size_t index, px_buf *out);
int px_report_json_end(px_buf *out);

/* r is NULL and n 0 for a corpus without stories. */
int px_report_text_story(const px_story_report *r, size_t index, size_t n, const px_report_opts *opts,
                         px_buf *b);

int px_report_html_begin(size_t n, size_t articles, px_buf *b);
int px_report_html_story(const px_story_report *r, size_t index, size_t n, px_buf *b);
int px_report_html_end(px_buf *b);

#endif
