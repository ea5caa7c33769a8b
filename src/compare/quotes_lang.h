/* quotes_lang.h - quotations in a language other than English: the
 * language's quotation marks and verbs of saying (data/claims/LANG.txt).
 * Not installed. */
#ifndef PARALLAX_QUOTES_LANG_H
#define PARALLAX_QUOTES_LANG_H
#include "text/claims_common.h"
#include "text/claims_lang.h"
#include "parallax/quotes.h"

/* Appends the quotes of the text of d (a->body) to out, in text order, with
 * the speaker named next to a verb of saying of L in the same sentence,
 * or inherited from the quote before in the same or previous paragraph. */
int px_quotes_extract_lang(const cl_lang *L, const cl_doc *d, px_quote_list *out);
#endif
