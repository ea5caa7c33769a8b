/* cluster_internal.h - what parallax/cluster.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_GROUP_CLUSTER_INTERNAL_H
#define PARALLAX_GROUP_CLUSTER_INTERNAL_H

#include "parallax/cluster.h"

/* Moves the clock to day (days since 1970-01-01) and ages out the stories
 * it leaves behind. */
int px_clusterer_advance(px_clusterer *c, long day);

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
