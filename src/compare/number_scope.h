/* number_scope.h - the scope of a numeric claim (numbers.c); not installed. */
#ifndef PARALLAX_NUMBER_SCOPE_H
#define PARALLAX_NUMBER_SCOPE_H

#include "compare/claims_common.h"
#include "parallax/article.h"

/* The article's date, as the yardstick of "another time". */
typedef struct ns_date {
    int known;
    long days, year;
} ns_date;

void ns_date_init(ns_date *d, const char *iso);

/* Is the line s[0..len) a caption, credit, related-story link or fact box? */
int ns_line_is_furniture(const char *s, size_t len);

/* Does the sentence of tokens [lo, hi) speak of another time: a year other
 * than the article's, a date well before it, "last year", "earlier this
 * month", "years ago"? */
int ns_sentence_is_background(const cl_doc *d, size_t lo, size_t hi, const ns_date *date);

#endif
