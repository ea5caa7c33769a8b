/* dedup_internal.h - what the group stage's own modules add to
 * parallax/dedup.h; not installed. */
#ifndef PARALLAX_GROUP_DEDUP_INTERNAL_H
#define PARALLAX_GROUP_DEDUP_INTERNAL_H

#include "parallax/dedup.h"
#include "parallax/text.h"

/* px_dedup_add_text() reading the tokens of text as written (px_tokenize),
 * when a caller already has them, instead of tokenising again; written
 * may be NULL. Same result as px_dedup_add_text(). */
int px_dedup_add_tokens(px_deduper *d, const char *text, size_t len, const px_tokens *written,
                        px_dup_match *out);

/* Frees what only later additions read (the window's shingles, the key
 * table) once the last body is added: a corpus grouped in one go
 * (px_cluster_corpus_dedup) holds them only while its copies are found.
 * px_deduper_stats still reports the figures of that moment; adding again
 * answers PX_EUSAGE. */
void px_deduper_release(px_deduper *d);

#endif
