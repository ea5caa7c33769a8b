/* wordset.h - membership in the hand-written word lists of the claim
 * extractors and the date finder. Not installed. */
#ifndef PARALLAX_WORDSET_H
#define PARALLAX_WORDSET_H

#include <stddef.h>

/* Index of the first entry of the NULL-terminated list equal to s[0..len)
 * ignoring ASCII case, or -1. The list is turned into a hashed set on
 * first use (kept for the process's life), so a test is one lookup. */
int px_word_index(const char *const *list, const char *s, size_t len);

#endif
