/* claims_lang.h - the words of one language that the claim extractors read
 * (data/claims/LANG.txt: quotation marks, verbs of saying, month and
 * weekday names, relative day words, number words, units and the number
 * separators), loaded once per language. English keeps its own tables in
 * the extractors; not installed. */
#ifndef PARALLAX_CLAIMS_LANG_H
#define PARALLAX_CLAIMS_LANG_H
#include <stddef.h>
#include "text/claims_common.h"
#include "core/map.h"
#include "parallax/text.h"

enum {
    CLW_SAY = 1u << 0,
    CLW_MONTH = 1u << 1,
    CLW_WEEKDAY = 1u << 2,
    CLW_RELATIVE = 1u << 3,
    CLW_NUMBER = 1u << 4,   /* a number word: zwei, deux, dos */
    CLW_SCALE = 1u << 5,    /* Millionen, milliards, mil millones */
    CLW_PERCENT = 1u << 6,
    CLW_POINTS = 1u << 7,   /* percentage points */
    CLW_CURRENCY = 1u << 8,
    CLW_YEARPREP = 1u << 9, /* words that make a following year a date */
    CLW_DAYLINK = 1u << 10, /* "de" in "3 de marzo de 2023" */
    CLW_VAGUE = 1u << 11,   /* Dutzende, milliers, decenas: number is representative */
    CLW_ABOUT = 1u << 12,   /* qualifiers: rund, environ, unos */
    CLW_LOWER = 1u << 13,   /* mehr als, plus de, más de */
    CLW_UPPER = 1u << 14,   /* bis zu, moins de, hasta */
    CLW_PRONOUN = 1u << 15, /* er, elle, ella: a speaker named before */
    CLW_ARTICLE = 1u << 16, /* der, le, el: "el alcalde Juan Pérez" */
    CLW_PLACEPREP = 1u << 17 /* en, à, em, nach: before a place */
};

typedef struct cl_word {
    unsigned kinds;
    int month;           /* 1-12 */
    int weekday;         /* 0 Sunday - 6 Saturday */
    int rel_days;        /* relative: days from the reference date */
    double number;       /* number word value */
    double scale;        /* scale factor */
    char unit[8];        /* currency code */
    char not_after[64];  /* relative: " w1 w2 " words that cancel it before */
} cl_word;

#define CL_MAX_QUOTE_PAIRS 8

typedef struct cl_lang {
    char code[8];
    px_map words;        /* lower-case word or "word word" phrase -> id */
    cl_word *w;          /* per id */
    size_t n_w, cap_w;
    char decimal, group; /* number separators: ',' and '.' in German */
    int dmy;             /* numeric dates are day.month.year */
    int space_group;     /* "1 000": digits grouped by spaces */
    char day_suffix[8];  /* "er" of French "1er" */
    const char *open[CL_MAX_QUOTE_PAIRS], *close[CL_MAX_QUOTE_PAIRS];
    size_t n_quotes;
} cl_lang;

/* The table of lang ("de-AT" finds "de"), loaded on first use; NULL for
 * English, unknown languages and when out of memory. Never freed: a few
 * tables live as long as the process. */
const cl_lang *cl_lang_get(const char *lang);

/* The entry of the word or two-word phrase at token i of text: tries the
 * phrase (tokens i and i+1) first, then the token with and without a
 * final period. *used gets the tokens it covers. NULL when none. */
const cl_word *cl_lang_word(const cl_lang *L, const char *text, const px_token *t, size_t n, size_t i,
                            size_t *used);

/* Is the word at token i (alone, not as part of a two-word phrase) an
 * entry of one of these kinds (CLW_ bits)? 0 when L is NULL. */
int cl_lang_word_is(const cl_lang *L, const char *text, const px_token *t, size_t n, size_t i, unsigned kinds);

/* cl_doc_init, with the sentences of lang when there is no document model
 * to borrow from. */
int cl_lang_doc_init(cl_doc *d, const char *text, const px_doc *doc, const char *lang);
#endif
