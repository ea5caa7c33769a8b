/*
 * parallax/analysis.h - the comparison of stored stories: runs the compare
 * stage (parallax/compare.h) over the articles a story holds in the store
 * and keeps its report there, as JSON (docs/report-schema.md) and rendered
 * by the report renderers (parallax/report.h) for the terminal and as an
 * HTML page. Ingest refreshes the analyses of the stories it touched;
 * `show`, `report` and the API read them back.
 */
#ifndef PARALLAX_ANALYSIS_H
#define PARALLAX_ANALYSIS_H

#include "compare.h"
#include "report.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Compares the stored articles of story (in date order) and fills *out with
 * the three renderings; nothing is written. PX_EUSAGE when the story has no
 * article. o may be NULL. */
int px_analyze_stored_story(px_store *s, int64_t story, const px_compare_opts *o,
                            px_stored_analysis *out, px_error *err);

/* The same with options for the terminal rendering (colours, width, every
 * item); text_opts may be NULL. */
int px_analyze_stored_story_with(px_store *s, int64_t story, const px_compare_opts *o,
                                 const px_report_opts *text_opts, px_stored_analysis *out, px_error *err);

/* The same, then stores the result (replacing the story's analysis). */
int px_refresh_analysis(px_store *s, int64_t story, const px_compare_opts *o, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
