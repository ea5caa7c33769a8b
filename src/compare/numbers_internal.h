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

/* The signals of a pair of claims for a learned grouping: are two claims
 * of one kind and unit, of different outlets, reports of one quantity
 * (numbers.c, link_features; measured in bench/conflicts_links.py, not
 * used by the report)? */
enum {
    PX_LINK_FEAT_SAME_KEY,      /* same head noun and same thing said of it */
    PX_LINK_FEAT_SAME_HEAD,     /* same head noun of the counted phrase */
    PX_LINK_FEAT_SAME_OUTCOME,  /* the same is said of both ("killed") */
    PX_LINK_FEAT_OTHER_OUTCOME, /* different things said ("killed", "injured") */
    PX_LINK_FEAT_ONE_OUTCOME,   /* something said of one only */
    PX_LINK_FEAT_COUNTED_ALIKE, /* share of the counted phrases' words in common */
    PX_LINK_FEAT_SIMILARITY,    /* share of the sentences' content words in common */
    PX_LINK_FEAT_LOG_RATIO,     /* log of the larger figure over the smaller */
    PX_LINK_FEAT_CLOSE,         /* figures within a factor of 2 */
    PX_LINK_FEAT_SAME_FIGURE,   /* equal within rounding */
    PX_LINK_FEAT_LEAD,          /* both in the article's opening */
    PX_LINK_FEAT_SAME_BOUND,    /* same bound (exact, at least, about, ...) */
    PX_LINK_FEAT_VAGUE,         /* either figure vague ("dozens") */
    PX_LINK_FEAT_SAME_SOURCE,   /* attributed to the same authority */
    PX_LINK_FEAT_UNNAMED,       /* money, percent or duration naming nothing */
    PX_LINK_FEAT_PEOPLE,        /* both count people at large */
    PX_LINK_FEATURES
};

/* Hands every pair of claims the grouping may link (compared claims of
 * one kind and unit, of different outlets) to fn with the signals of the
 * learned grouping (PX_LINK_FEATURES values, above);
 * conflict: the values disagree. For training it (`parallax numbers
 * --links`). Stops at the first non-zero return of fn and returns it. */
typedef int (*px_number_link_fn)(void *ud, px_ref a, px_ref b, int conflict, const double *features);
int px_numbers_each_link(const px_article *const *articles, const px_number_list *const *lists, size_t n,
                         px_number_link_fn fn, void *ud);

#endif
