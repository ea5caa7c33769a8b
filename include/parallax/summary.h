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
 *
 * The centroid is what the outlets share: each outlet's sentences summed
 * into one unit vector per outlet (so that a long or prolific outlet does
 * not outweigh the others), the outlets' vectors added, and, with two or
 * more outlets, only the terms two or more outlets use kept. The first
 * summary sentence is the story's gist.
 *
 * The headline is a title close to that centroid: of the five closest, the
 * one the most other outlets open with (at least half of its content words
 * in the first three sentences of one of their articles). When no article
 * has a title, or no other outlet opens with the best title's words (it
 * is off-centre: one outlet's sub-event), it is the sentence closest to
 * the centroid, an article's lede counting double. Either way it has at least two words two or more outlets
 * use.
 */
#ifndef PARALLAX_SUMMARY_H
#define PARALLAX_SUMMARY_H

#include "consensus.h"
#include "story.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_CITE_SIM 0.35f
#define PX_SUMMARY_DEFAULT 6
#define PX_TITLE_OPENING_SHARE 0.3

typedef struct px_summary_sentence {
    size_t sentence;     /* story sentence index */
    char *text;
    double score;
    size_t *cites;       /* outlets reporting it: its own first, then the
                            others in story source order */
    size_t n_cites;
} px_summary_sentence;

typedef struct px_headline {
    char *text;          /* NULL when no title or sentence qualifies */
    int from_title;      /* 1: an article's title; 0: a sentence of it */
    size_t article;      /* the article it comes from */
    long sentence;       /* its story sentence when from a sentence, else -1 */
    double score;        /* cosine with the shared centroid */
    size_t shared_words; /* its content words two or more outlets use */
    double opening_share; /* the largest share of its words' weight (idf)
                            another outlet opens an article with (its first
                            three sentences) */
} px_headline;

/* One line per outlet: what it leads with and what only it reports. */
typedef struct px_outlet_gist {
    size_t source;
    long lead;           /* story sentence its first article leads with, or -1 */
    long only;           /* its most informative sentence no other outlet
                            reports (px_consensus), or -1 */
} px_outlet_gist;

typedef struct px_summary {
    px_headline headline;
    px_summary_sentence *v; /* in the order picked: most central first; v[0]
                               is the gist */
    size_t n;
    px_outlet_gist *outlets; /* in story source order (px_summary_outlets);
                                none when the story has one outlet */
    size_t n_outlets;
} px_summary;

/* Picks the headline and at most max_sentences (PX_SUMMARY_DEFAULT when 0). */
int px_summary_build(const px_story_text *s, size_t max_sentences, px_summary *out, px_error *err);
void px_summary_free(px_summary *sm);

#ifdef __cplusplus
}
#endif
#endif
