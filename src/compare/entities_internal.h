/* entities_internal.h - what parallax/entities.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_COMPARE_ENTITIES_INTERNAL_H
#define PARALLAX_COMPARE_ENTITIES_INTERNAL_H

#include "parallax/entities.h"

/* The same over the article's document model (parallax/doc.h), which must
 * be of a->body: no second tokenising pass. */
int px_entities_extract_doc(const px_article *a, const px_doc *doc, px_entity_list *out);

/* Index of the entity mentioned at byte range [start, end) of the body, or
 * -1: a mention overlapping the range. */
long px_entities_at(const px_entity_list *l, size_t start, size_t end);

/* Edit distance (Levenshtein over bytes, case folded for ASCII), capped at
 * max + 1 so long strings cost little. Used to fold misspellings. */
size_t px_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max);

/* A people's adjective ("French", "Kenyan", "Palestinian"): a name that
 * modifies what follows it ("French officials") rather than being called
 * it. The people themselves ("Palestinians") are not one. */
int px_entity_name_is_demonym(const char *s, size_t len);

#endif
