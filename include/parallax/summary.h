/*
 * parallax/summary.h - a short extractive summary of a story in which every
 * sentence cites the outlets that report it.
 *
 * Method: centroid scoring with maximal marginal relevance. Each sentence's
 * TF-IDF vector is compared with the story centroid (the sum of all
 * sentence vectors); a sentence gains for being early in its article and for
 * being echoed by other outlets. Sentences are then picked greedily by
 * lambda * score - (1 - lambda) * (largest similarity to one already picked),
 * never picking one too alike to an earlier pick. A summary sentence cites
 * its own outlet and every outlet with a sentence at least PX_CITE_SIM alike.
 */
#ifndef PARALLAX_SUMMARY_H
#define PARALLAX_SUMMARY_H

#include "story.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_CITE_SIM 0.35f
#define PX_SUMMARY_DEFAULT 6

typedef struct px_summary_sentence {
    size_t sentence;     /* story sentence index */
    char *text;
    double score;
    size_t *cites;       /* outlets reporting it: its own first, then the
                            others in story source order */
    size_t n_cites;
} px_summary_sentence;

typedef struct px_summary {
    px_summary_sentence *v; /* in the order picked: most central first */
    size_t n;
} px_summary;

/* Picks at most max_sentences (PX_SUMMARY_DEFAULT when 0). */
int px_summary_build(const px_story_text *s, size_t max_sentences, px_summary *out, px_error *err);
void px_summary_free(px_summary *sm);

#ifdef __cplusplus
}
#endif
#endif
