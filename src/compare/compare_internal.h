/* compare_internal.h - what parallax/compare.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_COMPARE_COMPARE_INTERNAL_H
#define PARALLAX_COMPARE_COMPARE_INTERNAL_H

#include "parallax/compare.h"

/* Lists article as a copy of of (an article of the story), with its
 * relation ("exact", "near" or "contains"). */
int px_story_report_add_copy(px_story_report *r, const px_article *article, const px_article *of,
                             const char *relation);

/* The outlet of article i of the report's story. */
const char *px_report_article_source(const px_story_report *r, size_t article);

#endif
