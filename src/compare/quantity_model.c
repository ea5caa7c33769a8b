/* quantity_model.c - the learned "two claims report one quantity"
 * (quantity_model.h). */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "compare/quantity_model.h"
#include "core/common_internal.h"
#include "core/weights.h"

extern const char px_quantity_model_en_tsv[];
extern const size_t px_quantity_model_en_tsv_len;

static const char *const feature_names[PX_QTY_FEATURES] = {
    "similarity", "outcome", "named", "measured", "attributed", "same_source",
    "close", "log_ratio", "lead", "toll", "sport", "generic",
    "same_bound", "vague", "same_counted", "unnamed", "same_figure",
};

const char *px_quantity_feature_name(int i)
{
    return i >= 0 && i < PX_QTY_FEATURES ? feature_names[i] : NULL;
}

/* Per kind: the features, then the bias, then the threshold. */
#define SLOT_BIAS PX_QTY_FEATURES
#define SLOT_SHOWN (PX_QTY_FEATURES + 1)
#define SLOTS (PX_QTY_FEATURES + 2)

static const char *slot_name(int slot)
{
    return slot == SLOT_BIAS ? "bias" : slot == SLOT_SHOWN ? "shown_from" : feature_names[slot];
}

static int feature_slot(const char *s, size_t len)
{
    if (len == 4 && memcmp(s, "bias", 4) == 0)
        return SLOT_BIAS;
    if (len == 10 && memcmp(s, "shown_from", 10) == 0)
        return SLOT_SHOWN;
    for (int i = 0; i < PX_QTY_FEATURES; i++)
        if (strlen(feature_names[i]) == len && memcmp(feature_names[i], s, len) == 0)
            return i;
    return -1;
}

static const char *const kind_prefix[2] = {"same.", "different."};

/* The slot of "same.NAME" / "different.NAME": kind * SLOTS + slot; -1
 * when unknown. */
static int feature_index(const char *s, size_t len)
{
    for (int kind = 0; kind < 2; kind++) {
        size_t pl = strlen(kind_prefix[kind]);
        if (len > pl && memcmp(s, kind_prefix[kind], pl) == 0) {
            int k = feature_slot(s + pl, len - pl);
            return k < 0 ? -1 : kind * SLOTS + k;
        }
    }
    return -1;
}

int px_quantity_model_parse(px_quantity_model *out, const char *text, size_t len, const char *name,
                            px_error *err)
{
    double w[2 * SLOTS] = {0};
    unsigned char seen[2 * SLOTS] = {0};
    int rc = px_weights_read(text, len, name, feature_index, w, seen, 2 * SLOTS, err);
    if (rc)
        return rc;
    for (int k = 0; k < 2 * SLOTS; k++)
        if (!seen[k])
            return px_error_set(err, PX_EFORMAT, "%s: feature %s%s missing", name,
                                kind_prefix[k / SLOTS], slot_name(k % SLOTS));
    px_quantity_model m = {0};
    for (int kind = 0; kind < 2; kind++) {
        const double *kw = w + kind * SLOTS;
        memcpy(m.w[kind], kw, sizeof m.w[kind]);
        m.bias[kind] = kw[SLOT_BIAS];
        m.shown_from[kind] = kw[SLOT_SHOWN];
    }
    *out = m;
    return PX_OK;
}

static px_quantity_model default_model;
static int default_ok;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void load_default(void)
{
    default_ok = px_quantity_model_parse(&default_model, px_quantity_model_en_tsv,
                                         px_quantity_model_en_tsv_len, "data/quantity-model.tsv",
                                         NULL) == PX_OK;
}

const px_quantity_model *px_quantity_model_default(void)
{
    pthread_once(&default_once, load_default);
    return default_ok ? &default_model : NULL;
}

double px_quantity_model_probability(const px_quantity_model *m, px_qty_pair_kind kind,
                                     const double *x)
{
    double e = m->bias[kind];
    for (int i = 0; i < PX_QTY_FEATURES; i++)
        e += m->w[kind][i] * x[i];
    return 1 / (1 + exp(-e));
}
