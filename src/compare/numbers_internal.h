/* numbers_internal.h - what parallax/numbers.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_COMPARE_NUMBERS_INTERNAL_H
#define PARALLAX_COMPARE_NUMBERS_INTERNAL_H

#include "parallax/numbers.h"

/* "exact", "about", "lower", "upper", "range". */
const char *px_bound_name(px_bound b);

/* "event", "background", "furniture". */
const char *px_scope_name(px_scope s);

/* The same over the article's document model (parallax/doc.h), which must
 * be of a->body: no second tokenising pass. */
int px_numbers_extract_doc(const px_article *a, const px_doc *doc, px_number_list *out);

/* "agree", "conflict", "evolving". */
const char *px_quantity_status_name(px_quantity_status s);

#endif
