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

/* Hands every pair of claims the grouping weighs (of different articles,
 * in one group) to fn with the signals of the learned model
 * (compare/quantity_model.h: PX_QTY_FEATURES values) and its probability
 * that the two report one quantity; conflict: the values disagree. Stops
 * at the first non-zero return of fn and returns it. For training the
 * model (`parallax numbers --pairs`). */
typedef int (*px_number_pair_fn)(void *ud, size_t group, px_ref a, px_ref b, int conflict,
                                 const double *features, double probability);
int px_numbers_each_pair(const px_article *const *articles, const px_number_list *const *lists,
                         const px_number_groups *groups, px_number_pair_fn fn, void *ud);

/* Hands every pair of claims the grouping may link (compared claims of
 * one kind and unit, of different outlets) to fn with the signals of the
 * learned grouping (compare/quantity_model.h: PX_LINK_FEATURES values);
 * conflict: the values disagree. For training it (`parallax numbers
 * --links`). Stops at the first non-zero return of fn and returns it. */
typedef int (*px_number_link_fn)(void *ud, px_ref a, px_ref b, int conflict, const double *features);
int px_numbers_each_link(const px_article *const *articles, const px_number_list *const *lists, size_t n,
                         px_number_link_fn fn, void *ud);

#endif
