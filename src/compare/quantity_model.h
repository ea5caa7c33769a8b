/* quantity_model.h - the learned "two claims report one quantity": a
 * logistic regression over the signals numbers.c measures for a pair of
 * claims of different outlets (docs/claims.md, "Agree, conflict or
 * evolving"); not installed. The weights (data/quantity-model.tsv, made by
 * scripts/train-quantity-model) are embedded at build time. */
#ifndef PARALLAX_COMPARE_QUANTITY_MODEL_H
#define PARALLAX_COMPARE_QUANTITY_MODEL_H

#include <stddef.h>

#include "parallax/common.h"

enum {
    PX_QTY_FEAT_SIMILARITY, /* share of content words the two sentences share */
    PX_QTY_FEAT_OUTCOME,    /* the same thing is said of the counted ("killed") */
    PX_QTY_FEAT_NAMED,      /* the counted phrases share a word besides the head */
    PX_QTY_FEAT_MEASURED,   /* same unit and a thing named on both sides */
    PX_QTY_FEAT_ATTRIBUTED, /* both attributed */
    PX_QTY_FEAT_SAME_SOURCE,/* ... to the same authority */
    PX_QTY_FEAT_CLOSE,      /* figures within a factor of 2 */
    PX_QTY_FEAT_LOG_RATIO,  /* log of the larger figure over the smaller */
    PX_QTY_FEAT_LEAD,       /* both in the article's opening */
    PX_QTY_FEAT_TOLL,       /* a toll qualified alike on both sides */
    PX_QTY_FEAT_SPORT,      /* a game's tally */
    PX_QTY_FEAT_GENERIC,    /* a vague head noun with nothing said of it */
    PX_QTY_FEAT_SAME_BOUND, /* same bound (exact, at least, about, ...) */
    PX_QTY_FEAT_VAGUE,      /* either figure vague ("dozens") */
    PX_QTY_FEAT_SAME_COUNTED, /* the counted phrases are the same */
    PX_QTY_FEAT_UNNAMED,    /* money, percent or duration naming nothing */
    PX_QTY_FEAT_SAME_FIGURE,/* equal within rounding */
    PX_QTY_FEATURES
};

/* Two regressions over the same signals: one for two equal figures (do
 * they agree about one quantity?), one for two figures that conflict (are
 * they two states or two versions of one quantity?). */
typedef enum px_qty_pair_kind { PX_QTY_PAIR_SAME = 0, PX_QTY_PAIR_DIFFERENT = 1 } px_qty_pair_kind;

typedef struct px_quantity_model {
    double bias[2];
    double w[2][PX_QTY_FEATURES];
    double shown_from[2]; /* the probability from which a report shows the pair */
} px_quantity_model;

/* The name of feature i in the model file ("similarity"), or NULL. */
const char *px_quantity_feature_name(int i);
/* Parses the text format of data/quantity-model.tsv ("name<TAB>weight"
 * lines, '#' comments; "same.bias", "different.bias", "same.shown_from",
 * "different.shown_from" and every feature under both prefixes
 * ("same.similarity") exactly once). name labels error
 * messages ("NAME:LINE: ..."). */
int px_quantity_model_parse(px_quantity_model *out, const char *text, size_t len, const char *name,
                            px_error *err);
/* The embedded model, parsed once; NULL when it cannot be read. */
const px_quantity_model *px_quantity_model_default(void);
/* The model's probability that the pair reports one quantity. */
double px_quantity_model_probability(const px_quantity_model *m, px_qty_pair_kind kind,
                                     const double *x);

#endif
