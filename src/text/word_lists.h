/* word_lists.h - word lists of data/, embedded at build time by
 * scripts/embed-rules (build/gen/word_lists.c): the stopwords of each
 * language and the words framing never shows. Not installed. */
#ifndef PARALLAX_WORD_LISTS_H
#define PARALLAX_WORD_LISTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_rule_source {
    const char *lang; /* "en" */
    const char *name; /* "data/clean/en.rules", for error messages */
    const char *const *lines; /* the file's lines, NULL-terminated */
} px_rule_source;

/* data/stopwords/LANG.txt: one word a line, sorted (C order). */
extern const px_rule_source px_stopword_sources[];
/* data/abbrev/LANG.txt: abbreviations the sentence splitter knows. */
extern const px_rule_source px_abbrev_sources[];
/* data/claims/LANG.txt: the words the claim extractors read in languages
 * other than English (text/claims_lang.h). */
extern const px_rule_source px_claims_sources[];
/* data/framing/LANG.txt: words framing never shows, and spelling folds. */
extern const px_rule_source px_framing_sources[];

/* The list of lang ("de-AT" finds "de") among lists, or NULL. */
const char *const *px_word_list(const px_rule_source *lists, const char *lang);
/* Is w[0..len) in the sorted NULL-terminated list? */
int px_word_list_has(const char *const *list, const char *w, size_t len);
/* The same for a list of known length n (px_word_list_len), for callers
 * that look up many words in one list. */
size_t px_word_list_len(const char *const *list);
int px_word_list_has_n(const char *const *list, size_t n, const char *w, size_t len);
/* Which of the first 32 lists of px_stopword_sources hold w[0..len)
 * (bit r: px_stopword_sources[r]), as px_word_list_has tells, in one
 * hashed lookup. */
uint32_t px_stopword_lists_of(const char *w, size_t len);

#endif
