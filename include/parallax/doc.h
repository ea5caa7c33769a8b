/*
 * parallax/doc.h - the document model: an article's text tokenised, split
 * into sentences, lower-cased, stemmed and word-classed in one pass. Every
 * stage after cleaning reads this structure instead of tokenising again.
 *
 * Word forms are looked up once per distinct form in a lexicon (one per
 * language): the lower-case form, its term (stem) and its word-class bits
 * are computed the first time a form is met and shared by every later
 * occurrence in every document built with that lexicon.
 *
 * What a term is, is decided here and nowhere else: a word token's term is
 * the stem of its lower-case (folded) form with a possessive 's or '
 * dropped, unless that form is a stopword of the language, shorter than
 * two bytes or without a letter; a number token's term is the number as
 * written. Everything else has no term.
 */
#ifndef PARALLAX_DOC_H
#define PARALLAX_DOC_H

#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_NO_TERM UINT32_MAX

/* Word-class bits of a word form. */
enum {
    PX_WC_STOPWORD = 1u << 0, /* a function word of the language */
    PX_WC_NUMBER = 1u << 1,   /* a number token */
    PX_WC_TERM = 1u << 2      /* has a term (see above) */
};

typedef struct px_lexicon px_lexicon;

/* A lexicon for lang (ISO 639-1; NULL: "en"). NULL when out of memory. */
px_lexicon *px_lexicon_new(const char *lang);
void px_lexicon_free(px_lexicon *lx);
/* How many distinct word forms it has met. */
size_t px_lexicon_forms(const px_lexicon *lx);
/* The text of a term id (a stem, or a number as written). */
const char *px_lexicon_term(const px_lexicon *lx, uint32_t term);
/* Is the term a number rather than a word? */
int px_lexicon_term_is_number(const px_lexicon *lx, uint32_t term);
/* The lower-case form id of a word or number as written, interning it
 * (one hashed lookup once the written form was seen); PX_NO_TERM when out
 * of memory. */
uint32_t px_lexicon_form_id(px_lexicon *lx, const char *word, size_t len, int is_number);
/* A form's word classes. */
unsigned px_lexicon_form_class(const px_lexicon *lx, uint32_t form);
/* The term of one word (lower-cased and stemmed as a document token would
 * be), interning it; PX_NO_TERM when the word has none or memory ran out. */
uint32_t px_lexicon_term_of(px_lexicon *lx, const char *word, size_t len, int is_number);

/* A lexicon per language, made on first use: what the documents of a
 * multilingual corpus are built with. The set must outlive them. */
typedef struct px_lexicons px_lexicons;

px_lexicons *px_lexicons_new(void);
void px_lexicons_free(px_lexicons *set);
/* The lexicon of a language tag: its first two letters in lower case,
 * "en" when the tag is NULL or shorter. NULL when out of memory. */
px_lexicon *px_lexicons_get(px_lexicons *set, const char *language);

/* One token as the document model sees it. */
typedef struct px_doc_token {
    uint32_t term;     /* term id in the lexicon, PX_NO_TERM when none */
    uint32_t form;     /* lower-case form id in the lexicon (word and number
                          tokens), PX_NO_TERM for other tokens */
    uint32_t sentence; /* index of the sentence holding it */
    unsigned wclass;   /* PX_WC_* bits */
} px_doc_token;

typedef struct px_doc {
    const char *text;        /* borrowed: the text the offsets index */
    size_t len;
    px_tokens tokens;        /* every token, with byte offsets, kind, flags */
    px_doc_token *tok;       /* per token: term, form, sentence, classes */
    px_spans sentences;
    size_t *first_token;     /* per sentence (+1 sentinel): its first token */
    px_lexicon *lexicon;     /* borrowed */
    size_t *cp_at;           /* code points before byte k * PX_DOC_CP_STEP */
} px_doc;

/* Byte offsets become code point offsets (for output) through one table
 * per document, a checkpoint every PX_DOC_CP_STEP bytes: each conversion
 * scans at most that many bytes, whatever the length of the text. */
#define PX_DOC_CP_STEP 64
size_t px_doc_cp_offset(const px_doc *d, size_t byte);

/* Builds the model of text[0..len) with lexicon lx (which must outlive the
 * document). On failure d is left empty. */
int px_doc_build(px_doc *d, const char *text, size_t len, px_lexicon *lx);
void px_doc_free(px_doc *d);
/* The lower-case form of a word or number token (the lexicon's copy). */
const char *px_doc_form(const px_doc *d, size_t token, size_t *len);

/* A document at rest: what an article holds between cleaning and the
 * stages that read its document (px_article.doc). The tokens (offsets,
 * kind, flags, word form) and sentence spans of a px_doc in variable-length
 * integers, about 5 bytes a token against the 40 of a px_doc: the cost of
 * an article's document while its story waits to be grouped and compared.
 * Unpacking runs neither the tokeniser nor the splitter: terms and word
 * classes come from the lexicon by form, each token's sentence from the
 * spans, and the result equals the px_doc that was packed. */
typedef struct px_doc_packed {
    const char *text;         /* borrowed, as in the px_doc */
    size_t len;
    px_lexicon *lexicon;      /* borrowed */
    size_t n_tokens, n_sentences;
    unsigned char *bytes;     /* owned */
    size_t n_bytes;
} px_doc_packed;

int px_doc_pack(const px_doc *d, px_doc_packed *out);
/* Rebuilds the px_doc (owned by the caller: px_doc_free). On failure d is
 * left empty. */
int px_doc_unpack(const px_doc_packed *p, px_doc *d);
void px_doc_packed_free(px_doc_packed *p);

/* Tokeniser and sentence-splitter passes over text made since the process
 * started, in bytes: a measuring aid for the benchmarks. */
unsigned long long px_text_bytes_tokenized(void);
unsigned long long px_text_bytes_split(void);

#ifdef __cplusplus
}
#endif
#endif
