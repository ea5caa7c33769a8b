/* wordset.h - membership in the hand-written word lists of the claim
 * extractors and the date finder. Not installed. */
#ifndef PARALLAX_WORDSET_H
#define PARALLAX_WORDSET_H

#include <stddef.h>

/* Index of the first entry of the NULL-terminated list equal to s[0..len)
 * ignoring ASCII case, or -1. The list is turned into a hashed set on
 * first use (kept for the process's life), so a test is one lookup. The
 * set is found by the list's address: a list must be static (a compound
 * literal on the stack may share its address with another list later). */
int px_word_index(const char *const *list, const char *s, size_t len);

/* The same set for a caller that looks up many words in one list and
 * keeps the set (it never moves or changes), saving the search for it at
 * each look-up. first_field: the keys are the entries up to their first
 * space ("abs number" is found as "abs"). NULL when out of memory. */
typedef struct px_word_set px_word_set;
const px_word_set *px_word_set_of(const char *const *list, int first_field);
/* px_word_index in the set. */
int px_word_set_index(const px_word_set *set, const char *s, size_t len);

#endif
