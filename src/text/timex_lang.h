/* timex_lang.h - dates written the way of one language other than English
 * ("12. Juni 2023", "le 3 mars", "el 3 de marzo de 2023", "gestern",
 * "12.06.2023" day first), read with its data/claims table; timex.c turns
 * what it finds into TIMEX3 values. Not installed. */
#ifndef PARALLAX_TIMEX_LANG_H
#define PARALLAX_TIMEX_LANG_H
#include <stddef.h>
#include "text/claims_lang.h"

typedef struct tl_date {
    int year, month, day; /* 0 when the text does not give them */
    int weekday;          /* 0 Sunday - 6 Saturday, -1 when none */
    int relative;         /* rel_days from the reference date */
    int rel_days;
} tl_date;

/* The date expression starting at token j of the sentence t[0..n): its
 * token count, 0 when there is none. */
size_t tl_match(const cl_lang *L, const char *text, const px_token *t, size_t n, size_t j, tl_date *d);
#endif
