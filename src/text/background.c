/* background.c - the background word table: stem -> count over a general
 * news corpus, the prior that framing and clustering weigh words against. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/map.h"
#include "parallax/text.h"
#include "text/text_internal.h"
#include "core/common_internal.h"

struct px_background {
    px_map stems;    /* stem -> id */
    double *counts;  /* id -> occurrences */
    size_t cap;
    double total;
};

static long bg_find(const px_background *b, const char *w, size_t len)
{
    uint32_t id = px_map_find(&b->stems, w, len);
    return id == PX_MAP_NONE ? -1 : (long)id;
}

int px_background_add(px_background *b, const char *w, size_t len, double count)
{
    if (memchr(w, '\0', len))
        return PX_EUSAGE; /* stems are C strings: a NUL inside would make two keys alike */
    int added = 0;
    uint32_t id = px_map_intern(&b->stems, w, len, &added);
    if (id == PX_MAP_NONE ||
        px_grow(&b->counts, &b->cap, (size_t)id + 1, sizeof *b->counts, 4096, 1) != PX_OK)
        return PX_ENOMEM;
    b->counts[id] += count;
    b->total += count;
    return PX_OK;
}

int px_background_parse(px_background **out, const char *text, size_t len, px_error *err)
{
    *out = NULL;
    px_background *b = calloc(1, sizeof *b);
    if (!b)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    long line = 0;
    double total = 0;
    for (size_t i = 0; i < len;) {
        size_t eol = i;
        while (eol < len && text[eol] != '\n')
            eol++;
        line++;
        const char *tab = memchr(text + i, '\t', eol - i);
        if (eol - i > 7 && memcmp(text + i, "#total\t", 7) == 0) {
            char num[32];
            snprintf(num, sizeof num, "%.*s", (int)(eol - i - 7 < 31 ? eol - i - 7 : 31), text + i + 7);
            total = strtod(num, NULL);
        }
        if (text[i] != '#' && eol > i) {
            char num[32];
            size_t nl = tab ? (size_t)(text + eol - tab - 1) : 0;
            char *end = NULL;
            double c = -1;
            if (tab && nl > 0 && nl < sizeof num) {
                memcpy(num, tab + 1, nl);
                num[nl] = '\0';
                c = strtod(num, &end);
            }
            if (!tab || tab == text + i || c < 0 || !end || (*end && *end != '\r') ||
                memchr(text + i, '\0', (size_t)(tab - text - i))) {
                px_background_free(b);
                if (err)
                    err->line = line;
                return px_error_set(err, PX_EFORMAT,
                                    "background table line %ld: expected 'stem<TAB>count'", line);
            }
            if (px_background_add(b, text + i, (size_t)(tab - text - i), c) == PX_ENOMEM) {
                px_background_free(b);
                return px_error_set(err, PX_ENOMEM, "out of memory");
            }
        }
        i = eol + 1;
    }
    if (total > b->total)
        b->total = total; /* the table may list only the more frequent stems */
    *out = b;
    return PX_OK;
}

px_background *px_background_new(void)
{
    return calloc(1, sizeof(px_background));
}

static int by_count_desc(const void *a, const void *b, void *table)
{
    const px_background *t = table;
    double x = t->counts[*(const size_t *)a], y = t->counts[*(const size_t *)b];
    if (x != y)
        return x < y ? 1 : -1;
    return strcmp(px_map_key(&t->stems, (uint32_t)*(const size_t *)a),
                  px_map_key(&t->stems, (uint32_t)*(const size_t *)b));
}

int px_background_write(const px_background *b, double min_count, px_buf *out)
{
    size_t n = b->stems.n;
    size_t *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, by_count_desc, (void *)b);
    int rc = px_buf_printf(out, "#total\t%.0f\n", b->total);
    for (size_t i = 0; rc == PX_OK && i < n && b->counts[order[i]] >= min_count; i++)
        rc = px_buf_printf(out, "%s\t%.0f\n", px_map_key(&b->stems, (uint32_t)order[i]),
                           b->counts[order[i]]);
    free(order);
    return rc;
}

void px_background_free(px_background *b)
{
    if (!b)
        return;
    px_map_free(&b->stems);
    free(b->counts);
    free(b);
}

double px_background_count(const px_background *b, const char *stem)
{
    long at = b ? bg_find(b, stem, strlen(stem)) : -1;
    return at >= 0 ? b->counts[at] : 0;
}

double px_background_total(const px_background *b)
{
    return b ? b->total : 0;
}

static px_background *default_bg;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void load_default(void)
{
    px_background_parse(&default_bg, px_background_en_tsv, px_background_en_tsv_len, NULL);
}

const px_background *px_background_default(void)
{
    pthread_once(&default_once, load_default);
    return default_bg;
}


/* The English background count of a lower-case word, looked up by its
 * Snowball stem (stemmer: English, the caller's; NULL counts 0): how many
 * documents of general news use it. */
double px_background_word_count(px_stemmer *stemmer, const char *word, size_t len)
{
    if (!stemmer)
        return 0;
    size_t sl;
    const char *stem = px_stem(stemmer, word, len, &sl);
    char z[64];
    if (!stem || sl >= sizeof z)
        return 0;
    memcpy(z, stem, sl);
    z[sl] = '\0';
    return px_background_count(px_background_default(), z);
}
