/* internal.h - helpers shared by the library's own modules; not installed. */
#ifndef PARALLAX_INTERNAL_H
#define PARALLAX_INTERNAL_H

#include "parallax/read.h"

/* Replaces every invalid UTF-8 byte in b with U+FFFD. Returns how many were
 * replaced and sets *first_bad to the offset of the first (-1 if none). */
size_t px_utf8_repair(px_buf *b, long long *first_bad);
int px_has_nul(const char *s, size_t len);

/* The outlet key in a file name "KEY--slug.ext", else its stem. */
int px_source_key_from_path(const char *path, char *out, size_t cap);

/* The built-in background word table (data/background-en.tsv), embedded at
 * build time by scripts/embed-data. */
extern const char px_background_en_tsv[];
extern const size_t px_background_en_tsv_len;

#endif
