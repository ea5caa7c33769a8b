/* number_scope.h - the scope of a numeric claim (numbers.c); not installed. */
#ifndef PARALLAX_NUMBER_SCOPE_H
#define PARALLAX_NUMBER_SCOPE_H

#include "text/claims_common.h"
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

/* The names of the article's own event: the capitalised words of its
 * title and opening sentences. */
#define NS_LEAD_NAMES 48
typedef struct ns_lead {
    const char *w[NS_LEAD_NAMES];
    size_t len[NS_LEAD_NAMES];
    size_t n;
} ns_lead;

/* Collects the lead names of an article: its title (may be NULL) and its
 * first two sentences (at most 400 bytes). */
void ns_lead_init(ns_lead *l, const char *title, const cl_doc *d);

/* Does the sentence of tokens [lo, hi) name another event: an event noun
 * led by a name the lead does not use ("the Sydney seaplane crash" in an
 * article about a crash in Costa Rica, "the Charlie Hebdo attacks")? */
int ns_sentence_names_other_event(const cl_doc *d, size_t lo, size_t hi, const ns_lead *lead);

#endif
