/*
 * parallax/framing.h - the words and phrases each outlet of a story leans
 * on, and the labels it attaches to the actors it names.
 *
 * Statistic: the weighted log-odds ratio with an informative Dirichlet
 * prior of Monroe, Colaresi & Quinn (2008, "Fightin' Words"). For outlet i,
 * term w (a stem, or two adjacent stems as a phrase) with counts y_i and
 * y_j in outlet i and in the other outlets of the story, and prior
 * pseudo-counts a_w = a0 * pi_w:
 *
 *   d  = log((y_i + a_w) / (n_i + a0 - y_i - a_w))
 *      - log((y_j + a_w) / (n_j + a0 - y_j - a_w))
 *   z  = d / sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
 *
 * pi_w mixes the story's pooled frequencies with a background corpus
 * (word frequencies of general news, data/background-en.tsv). The same
 * statistic with the background corpus in place of the other outlets gives
 * z_background. Numbers and proper names (terms mostly written with a
 * capital mid-sentence) are left to the entity and number extractors.
 */
#ifndef PARALLAX_FRAMING_H
#define PARALLAX_FRAMING_H

#include "actors.h"
#include "story.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A term is reported for an outlet when it uses it at least twice, its z
 * against the other outlets is at least PX_FRAMING_MIN_Z (a few uses carry
 * little evidence: three uses against none give z near 1.8) and, for
 * single words, its z against the background corpus is at least
 * PX_FRAMING_MIN_Z_BACKGROUND (so that common words do not crowd out the
 * loaded ones). */
#define PX_FRAMING_MIN_Z 1.0
#define PX_FRAMING_MIN_Z_BACKGROUND 1.96
/* At most this many terms per outlet. */
#define PX_FRAMING_MAX_TERMS 12
/* Total prior pseudo-count a0. */
#define PX_FRAMING_PRIOR 500.0

/* ---- framing -------------------------------------------------------------- */

typedef struct px_framing_term {
    char *term;          /* as first written, lower case: "regime", "war crimes" */
    int phrase;          /* 1 for a two-word phrase */
    size_t count;        /* uses by this outlet */
    size_t others;       /* uses by the other outlets of the story */
    double z;            /* vs the other outlets (vs the background corpus
                            when the story has one outlet) */
    double z_background; /* vs the background corpus */
} px_framing_term;

/* A descriptive noun an outlet writes next to a name: "Hamas terrorists",
 * "militant group Hamas", "Israel's regime". */
typedef struct px_actor_label {
    char *actor;         /* the name as first written ("Hamas"); outlets'
                            labels are grouped by it without regard to case */
    char *label;         /* the descriptor words, lower case */
    size_t count;
} px_actor_label;

typedef struct px_source_framing {
    size_t source;       /* index into px_story_text.sources */
    size_t n_words;      /* content words counted */
    px_framing_term *terms; /* most distinctive first */
    size_t n_terms;
    px_actor_label *labels; /* most frequent first; with two or more
                               outlets, only actors the outlets label in
                               more than one way */
    size_t n_labels;
} px_source_framing;

typedef struct px_framing {
    px_source_framing *v; /* one per outlet, in story source order */
    size_t n;
} px_framing;

/* bg may be NULL (the story's own pooled counts then form the prior).
 * The outlets' labels are left empty: px_framing_label_actors fills them
 * from the actor table. */
int px_framing_build(const px_story_text *s, const px_background *bg, px_framing *out, px_error *err);
/* The labels each outlet attaches to the actors it names ("Hamas"
 * "terrorists"): the descriptor nouns among the words of the actor table
 * (px_actors_build), and, with two or more outlets, only where the outlets
 * label an actor in more than one way. */
int px_framing_label_actors(px_framing *f, const px_story_text *s, const px_entity_list *people,
                            const px_actor_table *t);
void px_framing_free(px_framing *f);

#ifdef __cplusplus
}
#endif
#endif
