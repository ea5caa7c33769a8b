/* story_model.c - the learned article-story similarity (story_model.h). */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "group/story_model.h"
#include "core/common_internal.h"
#include "core/weights.h"

extern const char px_story_model_en_tsv[];
extern const size_t px_story_model_en_tsv_len;

static const char *const feature_names[PX_STORY_FEATURES] = {
    "body", "title", "names", "log_days", "no_title", "no_names", "numbers", "dates",
};

const char *px_story_feature_name(int i)
{
    return i >= 0 && i < PX_STORY_FEATURES ? feature_names[i] : NULL;
}

static int feature_index(const char *s, size_t len)
{
    if (len == 4 && memcmp(s, "bias", 4) == 0)
        return PX_STORY_FEATURES;
    for (int i = 0; i < PX_STORY_FEATURES; i++)
        if (strlen(feature_names[i]) == len && memcmp(feature_names[i], s, len) == 0)
            return i;
    return -1;
}

int px_story_model_parse(px_story_model *out, const char *text, size_t len, const char *name,
                         px_error *err)
{
    double w[PX_STORY_FEATURES + 1] = {0};
    unsigned char seen[PX_STORY_FEATURES + 1] = {0};
    int rc = px_weights_read(text, len, name, feature_index, w, seen, PX_STORY_FEATURES + 1, err);
    if (rc)
        return rc;
    for (int k = 0; k <= PX_STORY_FEATURES; k++)
        if (!seen[k])
            return px_error_set(err, PX_EFORMAT, "%s: feature %s missing", name,
                                k == PX_STORY_FEATURES ? "bias" : feature_names[k]);
    if (!(w[0] > 0))
        return px_error_set(err, PX_EFORMAT, "%s: the body weight must be positive", name);
    px_story_model m = {0};
    memcpy(m.w, w, sizeof m.w);
    m.bias = w[PX_STORY_FEATURES];
    *out = m;
    return PX_OK;
}

static px_story_model default_model;
static int default_ok;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void load_default(void)
{
    default_ok = px_story_model_parse(&default_model, px_story_model_en_tsv,
                                      px_story_model_en_tsv_len, "data/story-model.tsv",
                                      NULL) == PX_OK;
}

const px_story_model *px_story_model_default(void)
{
    pthread_once(&default_once, load_default);
    return default_ok ? &default_model : NULL;
}

double px_story_model_evidence(const px_story_model *m, const double *x)
{
    double e = m->bias;
    for (int i = 0; i < PX_STORY_FEATURES; i++)
        e += m->w[i] * x[i];
    return e;
}
