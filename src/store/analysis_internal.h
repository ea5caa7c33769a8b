/* analysis_internal.h - what parallax/analysis.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_STORE_ANALYSIS_INTERNAL_H
#define PARALLAX_STORE_ANALYSIS_INTERNAL_H

#include "parallax/analysis.h"

/* One story as the API serves it, as unformatted JSON text (malloc'd): the
 * STORY object of the report schema (docs/report-schema.md; the stored
 * analysis, or one computed now when none is stored) with "row" and
 * "duplicate_of" in each article, plus the store's fields: "id", "title",
 * "first_date", "last_date", "article_count", "source_count", "coverage",
 * "analyzed_at" (null when computed now). NULL in *out and PX_OK when there
 * is no such story. */
int px_report_story_text(px_store *s, int64_t story, char **out, px_error *err);

#endif
