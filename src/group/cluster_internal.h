/* cluster_internal.h - what parallax/cluster.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_GROUP_CLUSTER_INTERNAL_H
#define PARALLAX_GROUP_CLUSTER_INTERNAL_H

#include "parallax/cluster.h"
#include "parallax/text.h"

/* Moves the clock to day (days since 1970-01-01) and ages out the stories
 * it leaves behind. */
int px_clusterer_advance(px_clusterer *c, long day);

/* Called with the tokens (px_tokenize) of each article's body, body NULL
 * when it has none, as the clusterer observes it (px_clusterer_observe,
 * px_cluster_corpus: once per article, in input order), so that another
 * reader of the body need not tokenise it again; non-zero stops. */
typedef int (*px_body_tokens_fn)(void *ud, const px_article *a, const px_tokens *body);
void px_clusterer_on_body_tokens(px_clusterer *c, px_body_tokens_fn fn, void *ud);

/* The one rule of which articles of a story are compared (px_group_stories,
 * `parallax analyze`, the store's analyses): an article that copies
 * (dedup.h) another article of the same story is set aside, listed with the
 * article it copies, so that a copy never counts as a second source; the
 * others are compared. members: the story's n articles (indexes into the
 * caller's array); copy_of[k] and relation[k]: the article member k copies
 * and how, or PX_NOT_A_COPY. Fills out, articles and copies ascending;
 * PX_ENOMEM. */
int px_story_group_make(const size_t *members, size_t n, const size_t *copy_of,
                        const px_dup_relation *relation, px_story_group *out);
void px_story_group_free(px_story_group *g);

/* The story id as 16 lowercase hex digits. */
void px_story_id_hex(uint64_t id, char out[17]);

#endif
