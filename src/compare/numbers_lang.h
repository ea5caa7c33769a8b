/* numbers_lang.h - numeric claims in a language other than English: its
 * separators ("1.000,5", "1 000"), number words, scale words, units,
 * qualifiers (data/claims/LANG.txt). Not installed. */
#ifndef PARALLAX_NUMBERS_LANG_H
#define PARALLAX_NUMBERS_LANG_H
#include "text/claims_common.h"
#include "text/claims_lang.h"
#include "parallax/numbers.h"

/* Appends the numeric claims of the text of d to out, in text order:
 * counts, money and percentages with the qualifier and the counted noun;
 * dates, years, clock times and ordinals are not claims. */
int px_numbers_extract_lang(const cl_lang *L, const cl_doc *d, px_number_list *out);
#endif
