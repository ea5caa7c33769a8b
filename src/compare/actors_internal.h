/* actors_internal.h - what parallax/actors.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_COMPARE_ACTORS_INTERNAL_H
#define PARALLAX_COMPARE_ACTORS_INTERNAL_H

#include "parallax/actors.h"

/* Builds the table from the per-article entity lists (with their
 * mentions, merged into people by px_entities_merge). */
int px_actors_build(const px_story_text *s, const px_entity_list *per_article, const px_entity_list *people,
                    px_actor_table *out, px_error *err);
void px_actors_free(px_actor_table *t);

#endif
