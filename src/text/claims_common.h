/* claims_common.h - word lists and token helpers shared by the claim
 * extractors (entities.c, quotes.c, numbers.c); not installed. */
#ifndef PARALLAX_CLAIMS_COMMON_H
#define PARALLAX_CLAIMS_COMMON_H

#include <stddef.h>
#include "core/grow.h"
#include "parallax/doc.h"
#include "parallax/text.h"

/* Room for item n of arr (px_grow, doubling from 16). */
#define CL_GROW(arr, cap, n) px_grow(&(arr), &(cap), (size_t)(n) + 1, sizeof *(arr), 16, 0)

/* Case-insensitive (ASCII) comparison of s[0..len) with the word w. */
int cl_eq(const char *s, size_t len, const char *w);
/* Is s[0..len) one of the NULL-terminated list (case-insensitive)? */
int cl_in(const char *s, size_t len, const char *const *list);
/* Token t of text equals w / is in list. */
int cl_tok_eq(const char *text, const px_token *t, const char *w);
int cl_tok_in(const char *text, const px_token *t, const char *const *list);

/* Length of s[0..len) without a trailing possessive ('s, ’s, ', ’). */
size_t cl_strip_possessive(const char *s, size_t len);

/* Index of the sentence holding byte off (the last starting at or before). */
size_t cl_sentence_at(const px_spans *ss, size_t off);
/* Index of the first token starting at or after off. */
size_t cl_token_at(const px_tokens *tk, size_t off);

/* Lower-cased copy of s[0..len) (ASCII letters only). */
char *cl_lower(const char *s, size_t len);
/* Copy of s[0..len) with runs of white space made one space, trimmed. */
char *cl_squeeze(const char *s, size_t len);

/* Verbs and phrases that attribute speech or a figure: said, told, ... */
int cl_is_say_verb(const char *s, size_t len);
/* Words that are (part of) a title or role: President, Sen., Mayor, ... */
int cl_is_role_word(const char *s, size_t len);
/* Words that may precede a role word inside a title: Vice, Prime, Defense. */
int cl_is_role_modifier(const char *s, size_t len);
/* Lower-case nouns for a person named by role: spokesman, secretary, ... */
int cl_is_role_noun(const char *s, size_t len);
/* Nouns for a document or statement that can "say": memo, report, ... */
int cl_is_document_noun(const char *s, size_t len);
/* Nouns for unnamed groups of people: officials, sources, aides, ... */
int cl_is_group_noun(const char *s, size_t len);
/* A common given name: 1 female, 2 male (px_gender), 0 not in the lists. */
int cl_given_name_gender(const char *s, size_t len);
/* Common Chinese and Korean family names, which come first in a name
 * written in their order ("Zhao Zicong", "Moon Jae-in"): the word a story
 * names such a person by again. */
int cl_is_family_name_first(const char *s, size_t len);
/* Month and weekday names (full and abbreviated). */
int cl_is_calendar_word(const char *s, size_t len);
/* "Well", "Yes", "Oh": a word that opens a spoken sentence before a comma
 * (any case). */
int cl_is_discourse_marker(const char *s, size_t len);


/* A text with its tokens and sentences: its own, or borrowed from the
 * article's document model (parallax/doc.h). */
typedef struct cl_doc {
    const char *text;
    size_t len;
    px_tokens tk;
    px_spans ss;
    int owned; /* tk and ss were made by cl_doc_init */
} cl_doc;

/* Tokenises text, or, when doc is not NULL, borrows doc's tokens and
 * sentences (doc must be of text and outlive d). */
int cl_doc_init(cl_doc *d, const char *text, const px_doc *doc);
void cl_doc_free(cl_doc *d);

enum { CL_MARK_STRAIGHT, CL_MARK_OPEN, CL_MARK_CLOSE };
/* Length of the double quotation mark at s[i] (0 if none) and its type:
 * " (straight), “ „ « (open), ” » (close). */
size_t cl_quote_mark(const char *s, size_t len, size_t i, int *type);

/* Token i is the word w / a lower-case say verb / a quotation mark. */
int cl_tok_is(const cl_doc *q, size_t i, const char *w);
int cl_tok_say(const cl_doc *q, size_t i);
int cl_tok_quote(const cl_doc *q, size_t i);
/* The noun phrase ending before token v (not before token lo), skipping an
 * appositive between commas: "the memo", "Mayor Elena Voss". Byte span in
 * *s, *e; 0 when there is none. */
int cl_phrase_before(const cl_doc *q, size_t lo, size_t v, size_t *s, size_t *e);
/* The noun phrase starting at token v, before token hi: "Lloyd Austin". */
int cl_phrase_after(const cl_doc *q, size_t v, size_t hi, size_t *s, size_t *e);

#endif
