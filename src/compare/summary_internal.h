/* summary_internal.h - what parallax/summary.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_COMPARE_SUMMARY_INTERNAL_H
#define PARALLAX_COMPARE_SUMMARY_INTERNAL_H

#include "parallax/summary.h"

/* Fills out->outlets from the story and its consensus (what only each
 * outlet reports); none for a story of one outlet, whose gist is its lede. */
int px_summary_outlets(const px_story_text *s, const px_consensus *c, px_summary *out, px_error *err);

#endif
