/*
 * parallax/consensus.h - facts several outlets report, what each outlet
 * leaves out, and what only it reports.
 *
 * A fact is a group of sentences from two or more outlets that say much the
 * same thing: sentences are joined when their TF-IDF cosine similarity
 * (px_story_text.pairs) is at least PX_FACT_SIM, and the groups are the
 * connected components. An outlet reports a fact when one of its sentences
 * is in the group or at least PX_STORY_MIN_SIM alike to a member (outlets
 * paraphrase). A fact is consensus when at least
 * px_consensus.majority outlets report it: half of the story's outlets,
 * rounded up, and never fewer than two. An outlet omits a consensus fact
 * when none of its sentences is in the group; a sentence is unique to its
 * outlet when no sentence of another outlet is even loosely alike
 * (PX_STORY_MIN_SIM).
 */
#ifndef PARALLAX_CONSENSUS_H
#define PARALLAX_CONSENSUS_H

#include "story.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_FACT_SIM 0.4f
/* At most this many omissions and unique facts are listed per outlet. */
#define PX_MAX_OMISSIONS 10
#define PX_MAX_UNIQUE 5

typedef struct px_fact {
    size_t sentence;      /* the member most alike to the others */
    char *text;           /* that sentence */
    size_t *sentences;    /* every member sentence, in story order */
    size_t n_sentences;
    size_t *sources;      /* outlets reporting it, ascending */
    size_t n_sources;
} px_fact;

typedef struct px_source_coverage {
    size_t source;
    size_t *omitted;      /* consensus facts it leaves out (indexes into facts) */
    size_t n_omitted;
    size_t *unique;       /* its sentences no other outlet reports, most
                             informative first (story sentence indexes) */
    size_t n_unique;
} px_source_coverage;

typedef struct px_consensus {
    px_fact *facts;       /* most outlets first */
    size_t n_facts;
    size_t n_consensus;   /* facts[0..n_consensus) are consensus facts */
    size_t majority;
    px_source_coverage *sources; /* one per outlet, in story source order */
    size_t n_sources;
} px_consensus;

int px_consensus_build(const px_story_text *s, px_consensus *out, px_error *err);
void px_consensus_free(px_consensus *c);

#ifdef __cplusplus
}
#endif
#endif
