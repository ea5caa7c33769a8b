/*
 * parallax/text.h - the text core every later stage stands on: Unicode
 * normalisation, tokens, sentences, stems, stopwords and article cleaning.
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
/* Replaces every invalid UTF-8 byte in b with U+FFFD. Returns how many were
 * replaced and sets *first_bad to the offset of the first (-1 if none). */
size_t px_utf8_repair(px_buf *b, long long *first_bad);
/* Code point index of byte offset off in s. */
size_t px_utf8_offset_to_cp(const char *s, size_t off);

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

/* ---- cleaning ----------------------------------------------------------- */

typedef struct px_cleaner px_cleaner;

/* Loads the built-in cleaning rules of lang (data/clean/LANG.rules; falls
 * back to "en"). */
int px_cleaner_new(px_cleaner **out, const char *lang, px_error *err);
/* Same from rule text in the format of docs/cleaning.md; name labels
 * error messages ("NAME:LINE: ..."). */
int px_cleaner_new_from_rules(px_cleaner **out, const char *lang, const char *rules,
                              const char *name, px_error *err);
void px_cleaner_free(px_cleaner *c);
/* Removes from a->body (and highlights) the lines that are not the article:
 * notices, navigation, captions, bylines, repeated sentences. Every removal
 * is recorded in a->removed with its reason. */
int px_clean_article(px_cleaner *c, px_article *a);
/* Why a cleaned article is not an article, or NULL when it is one: its
 * title matches a title rule (a search, error or index page: the rule's
 * reason), or cleaning removed more than half of its raw_len bytes of body
 * and left fewer than 40 words ("little-text": a gallery, a promotion). */
const char *px_cleaner_not_article(px_cleaner *c, const px_article *a, size_t raw_len);

/* ---- template text, learned from a corpus ------------------------------- */

/* Lines and sentences that recur, numbers masked, in several articles of
 * one outlet (at least 3, and 1 in 200 of its articles, not all of one
 * story) are its site's template: "Advertisement Continue reading the main
 * story", "Scroll down for video", a copyright line. No language rules;
 * the outlet is the article's source. Memory is bounded by max_lines. */
typedef struct px_templates px_templates;

#define PX_TEMPLATE_DEFAULT_LINES ((size_t)1 << 17)
#define PX_TEMPLATE_SKETCH 8

/* max_lines: how many distinct lines are remembered (0: the default);
 * past it the rarest are forgotten. */
int px_templates_new(px_templates **out, size_t max_lines);
void px_templates_free(px_templates *t);
/* Counts the lines and sentences of a cleaned article under its outlet. */
int px_templates_learn(px_templates *t, const px_article *a);
/* Removes the outlet's template lines and sentences from a->body, each
 * recorded with reason "template"; *removed (may be NULL) counts them. */
int px_templates_apply(const px_templates *t, px_article *a, size_t *removed);
/* A whole corpus at once: learns every article, then cleans every one. */
int px_templates_clean_all(px_article **v, size_t n, size_t max_lines);
/* Lines remembered now (at most max_lines). */
size_t px_templates_size(const px_templates *t);

/* What is remembered, to be stored and restored (the store keeps it). */
typedef struct px_template_line {
    uint64_t outlet, key;          /* hashes of the source and of the line */
    uint32_t articles, others;     /* articles with it; not of the first one's story */
    uint32_t sketch[PX_TEMPLATE_SKETCH]; /* the first article's story sketch */
} px_template_line;
typedef int (*px_template_line_fn)(const px_template_line *l, void *ud);
typedef int (*px_template_outlet_fn)(uint64_t outlet, uint32_t articles, void *ud);
/* Calls outlet_fn for every outlet, then line_fn for every line; a
 * non-zero return stops (PX_ESTOP). */
int px_templates_each(const px_templates *t, px_template_line_fn line_fn,
                      px_template_outlet_fn outlet_fn, void *ud);
int px_templates_restore_outlet(px_templates *t, uint64_t outlet, uint32_t articles);
int px_templates_restore_line(px_templates *t, const px_template_line *l);

#ifdef __cplusplus
}
#endif
#endif
