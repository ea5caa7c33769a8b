/* story_model.h - the learned article-story similarity: a logistic
 * regression over the signals the clusterer measures (docs/cluster.md,
 * "Scores"); not installed. The weights (data/story-model.tsv, made by
 * scripts/train-story-model) are embedded at build time. */
#ifndef PARALLAX_STORY_MODEL_H
#define PARALLAX_STORY_MODEL_H

#include <stddef.h>

#include "parallax/cluster.h"

typedef struct px_story_model {
    double bias;
    double w[PX_STORY_FEATURES];
} px_story_model;

/* Parses the text format of data/story-model.tsv ("name<TAB>weight" lines,
 * '#' comments; "bias" and every feature named by px_story_feature_name
 * exactly once). name labels error messages ("NAME:LINE: ..."). */
int px_story_model_parse(px_story_model *out, const char *text, size_t len, const char *name,
                         px_error *err);
/* The embedded model, parsed once; NULL when it cannot be read. */
const px_story_model *px_story_model_default(void);
/* The model's log-odds that the pair is one event. */
double px_story_model_evidence(const px_story_model *m, const double *x);

#endif
