/*
 * parallax/text.h - the text core every later stage stands on: Unicode
 * normalisation, tokens, sentences, stems, stopwords and the background word table.
 *
 * All offsets are byte offsets into the UTF-8 text that was passed in.
 * px_utf8_offset_to_cp() converts them to code point offsets for output
 * formats that promise those.
 */
#ifndef PARALLAX_TEXT_H
#define PARALLAX_TEXT_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Unicode ------------------------------------------------------------ */

/* NFC form of s (storage form). malloc'd; NULL when out of memory. */
char *px_nfc(const char *s, size_t len);
/* Matching form: NFKC, case folded, curly quotes/apostrophes made straight,
 * dashes made '-'. Used wherever two texts are compared. malloc'd. */
char *px_fold(const char *s, size_t len);
/* Name form, for names compared across languages: case folded, accents and
 * other marks dropped (é → e, ß → ss), ø æ œ ł đ ð þ ı spelt plainly, and
 * every run of what is not a letter or digit one space ("Tillman-Brücke" →
 * "tillman brucke"). malloc'd; NULL when out of memory. */
char *px_fold_name(const char *s, size_t len);
/* Replaces every invalid UTF-8 byte in b with U+FFFD. Returns how many were
 * replaced and sets *first_bad to the offset of the first (-1 if none). */
size_t px_utf8_repair(px_buf *b, long long *first_bad);
/* Code point index of byte offset off in s. */
size_t px_utf8_offset_to_cp(const char *s, size_t off);

/* ---- languages --------------------------------------------------------- */

/* The language of text, from its first 4 KiB: an ISO 639-1 code (static
 * string), or NULL when the text is too short to tell (under 12 letters)
 * or the fingerprints are not installed. Chinese, Japanese and Korean are
 * told by script, the rest by libexttextcat's n-gram fingerprints. */
const char *px_detect_language(const char *text, size_t len);
/* Is lang (ISO 639-1, optionally with a region: "de-AT") a language
 * parallax knows (docs/text.md, "Languages")? */
int px_language_known(const char *lang);

/* ---- tokens ------------------------------------------------------------- */

typedef enum px_token_kind {
    PX_TOK_WORD,     /* letters, with inner apostrophes/hyphens/periods: don't, well-known, U.S. */
    PX_TOK_NUMBER,   /* 18,000  1.4  49%  $17M  2023  1990s  3rd */
    PX_TOK_URL,      /* https://x.example/a, www.x.example, name@example.com */
    PX_TOK_HANDLE,   /* @handle, #hashtag */
    PX_TOK_PUNCT,    /* one punctuation mark (or an ellipsis "...") */
    PX_TOK_SYMBOL    /* anything else that is not space */
} px_token_kind;

enum {
    PX_TOKF_CAPITALIZED = 1 << 0, /* first letter upper case */
    PX_TOKF_ALLCAPS = 1 << 1,     /* every letter upper case, two or more */
    PX_TOKF_INITIALISM = 1 << 2,  /* U.S., D-Mo. style: ends in a period that belongs to it */
    PX_TOKF_CONTRACTION = 1 << 3, /* don't, Harris' , Biden's */
    PX_TOKF_HYPHENATED = 1 << 4,
    PX_TOKF_CURRENCY = 1 << 5,    /* number with a currency sign */
    PX_TOKF_PERCENT = 1 << 6,     /* number with % */
    PX_TOKF_ABBREV = 1 << 7       /* Mr., Sen., Oct., Co.: the period belongs to it */
};

typedef struct px_token {
    size_t start, end; /* byte offsets, end exclusive */
    px_token_kind kind;
    unsigned flags;
} px_token;

typedef struct px_tokens {
    px_token *v;
    size_t n, cap;
} px_tokens;

/* Appends the tokens of text to out (out->n is not reset). */
int px_tokenize(const char *text, size_t len, px_tokens *out);
/* The same for text in language lang: in languages written without spaces
 * (zh, ja, th, lo, km, my) runs of their letters are cut into words by
 * ICU's word break iterator; other languages are tokenized as above. */
int px_tokenize_lang(const char *text, size_t len, const char *lang, px_tokens *out);
void px_tokens_free(px_tokens *t);

/* ---- sentences ---------------------------------------------------------- */

typedef struct px_span {
    size_t start, end; /* byte offsets, end exclusive, no outer white space */
} px_span;

typedef struct px_spans {
    px_span *v;
    size_t n, cap;
} px_spans;

/* Splits English news text into sentences; paragraph breaks ("\n\n") always
 * end a sentence. Appends to out. */
int px_split_sentences(const char *text, size_t len, px_spans *out);

/* How sentences are found: the own rules (English abbreviations, titles,
 * initials, lists; with each language's abbreviations and sentence
 * marks), ICU's sentence break iterator, or whichever of the two measured
 * better for the language (docs/text.md, "Sentences in other languages"). */
typedef enum px_split_method {
    PX_SPLIT_BEST = 0,
    PX_SPLIT_RULES,
    PX_SPLIT_ICU
} px_split_method;

/* Splits text in language lang (ISO 639-1, "de-AT" as "de"; NULL: "en")
 * into sentences by the best method for it. Appends to out. */
int px_split_sentences_lang(const char *text, size_t len, const char *lang, px_spans *out);
/* The same by a chosen method (to compare them). */
int px_split_sentences_with(const char *text, size_t len, const char *lang, px_split_method how,
                            px_spans *out);
/* The method px_split_sentences_lang uses for lang. */
px_split_method px_split_method_for(const char *lang);
void px_spans_free(px_spans *s);

/* ---- stems and stopwords ------------------------------------------------ */

typedef struct px_stemmer px_stemmer;

/* lang: ISO 639-1 code ("en"); NULL when Snowball has no such stemmer. */
px_stemmer *px_stemmer_new(const char *lang);
void px_stemmer_free(px_stemmer *s);
/* Stem of a lower-case word. The result lives until the next call on s. */
const char *px_stem(px_stemmer *s, const char *word, size_t len, size_t *out_len);
/* Is the lower-case word a stopword of lang (docs/stopwords.md)? */
int px_is_stopword(const char *lang, const char *word, size_t len);

/* ---- background corpus -------------------------------------------------- */

typedef struct px_background px_background;

/* The built-in English table (stems of general news, see docs/framing.md).
 * Owned by the library; do not free. NULL only when out of memory. */
const px_background *px_background_default(void);
/* Parses a table held in memory. */
int px_background_parse(px_background **out, const char *text, size_t len, px_error *err);
void px_background_free(px_background *b);
/* An empty table to fill with px_background_add (to build one). */
px_background *px_background_new(void);
int px_background_add(px_background *b, const char *stem, size_t len, double count);
/* Writes the table in the load format, most frequent first, skipping stems
 * seen fewer than min_count times. */
int px_background_write(const px_background *b, double min_count, px_buf *out);
/* Occurrences of stem in the background corpus. */
double px_background_count(const px_background *b, const char *stem);

#ifdef __cplusplus
}
#endif
#endif
