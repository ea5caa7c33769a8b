/* text_internal.h - text-core helpers the library's own modules share; not
 * installed. */
#ifndef PARALLAX_TEXT_INTERNAL_H
#define PARALLAX_TEXT_INTERNAL_H

#include <stddef.h>

#include "parallax/text.h"

/* 1 when s[0..len) is valid UTF-8. */
int px_utf8_valid(const char *s, size_t len);
int px_has_nul(const char *s, size_t len);

/* The built-in background word table (data/background-en.tsv), embedded at
 * build time by scripts/embed-data. */
extern const char px_background_en_tsv[];
extern const size_t px_background_en_tsv_len;

/* How an English abbreviation (without its final period) behaves at a
 * period: abbrev.c. */
enum {
    PX_ABBR_NONE = 0,
    PX_ABBR_GENERAL, /* Co., Inc., Jr., Calif.: may end a sentence */
    PX_ABBR_TITLE,   /* Mr., Sen., St.: a name follows, never ends a sentence */
    PX_ABBR_NUMBER,  /* No., p., Vol.: a number follows */
    PX_ABBR_MONTH,   /* Oct.: a day number usually follows */
    PX_ABBR_NEVER    /* e.g., i.e., vs.: never ends a sentence */
};
int px_abbrev_class(const char *w, size_t len);

/* Is every byte of s[0..len) ASCII? */
int px_is_ascii(const char *s, size_t len);

/* Do the text s[0..n) and its lower-case form split into the same tokens,
 * when that form is s with its ASCII capitals lowered (px_fold of an
 * ASCII text, or of one whose other characters fold to themselves: same
 * byte offsets; the callers check that)? t are the tokens of either. Case
 * changes a token only where capitals meet a period (an initial "Y.", an
 * abbreviation only in capitals "No."), in a possessive ending in a
 * capital S ("HARRIS'") and in web addresses ("HTTP://", "Example.COM");
 * a text with any of those answers 0, so that its caller tokenises each
 * form. One tokenisation then serves the text as written (names, capitals)
 * and folded (hashes of lower-case words). */
int px_tokens_fold_alike(const char *s, size_t n, const px_tokens *t);

/* Is lang written without spaces between words (zh, ja, th, lo, km, my),
 * so that px_tokenize_lang cuts words px_tokenize would not? */
int px_writes_without_spaces(const char *lang);

/* Appends a copy of t to out. */
int px_tokens_push(px_tokens *out, const px_token *t);
/* Appends the span [a, b) to out. */
int px_spans_push(px_spans *out, size_t a, size_t b);
/* Sentences by ICU's break iterator for lang's locale: sentences_icu.c. */
int px_split_sentences_icu(const char *text, size_t len, const char *lang, px_spans *out);

/* The size of the background corpus. */
double px_background_total(const px_background *b);
/* The built-in English table's count of the lower-case word's stem (0 for
 * a word it does not hold). */
double px_background_word_count(px_stemmer *stemmer, const char *word, size_t len);

/* Has Snowball a stemmer for lang ("pt-BR" counts as "pt")? */
int px_has_stemmer(const char *lang);

#endif
