/* article_internal.h - what parallax/article.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_CORE_ARTICLE_INTERNAL_H
#define PARALLAX_CORE_ARTICLE_INTERNAL_H

#include "parallax/article.h"

/* Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
long px_days_from_date(long year, int month, int day);

/* Days in month (1-12) of year; 0 for a month out of range. */
int px_days_in_month(long year, int month);

/* Month number (1-12) of an English month name, its 3-letter form or
 * "Sept" (any case); 0 when it is none. */
int px_month_from_word(const char *w, size_t len);

/* Frees a->doc, if any: whatever changes a->body calls it first. */
void px_article_drop_doc(px_article *a);

#endif
