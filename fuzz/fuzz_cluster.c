/* fuzz_cluster.c - a random set of articles through dedup, online
 * clustering (with a tiny window so stories age out), restore/attach, the
 * batch pass and the story JSON. Records are separated by "\n\n"; in each,
 * the first line is the date, the second the title, the rest the body. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static px_article *record(const char *p, size_t n, unsigned i)
{
    px_article *a = px_article_new();
    if (!a)
        return NULL;
    const char *nl = memchr(p, '\n', n);
    size_t dl = nl ? (size_t)(nl - p) : n;
    char iso[32];
    char *date = px_strndup(p, dl < 40 ? dl : 40);
    if (date && px_date_parse(date, iso) == PX_OK)
        px_set_str(&a->date, iso);
    free(date);
    if (nl) {
        const char *t = nl + 1, *end = p + n;
        const char *nl2 = memchr(t, '\n', (size_t)(end - t));
        px_set_strn(&a->title, t, nl2 ? (size_t)(nl2 - t) : (size_t)(end - t));
        if (nl2)
            px_set_strn(&a->body, nl2 + 1, (size_t)(end - nl2 - 1));
    }
    char id[16];
    snprintf(id, sizeof id, "a%u", i);
    px_set_str(&a->id, id);
    px_set_str(&a->source, i % 3 ? "one" : "two");
    return a;
}

static void to_json(const px_story *s, void *ud)
{
    (void)ud;
    free(px_story_to_json(s));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_cluster_opts co;
    px_cluster_opts_default(&co);
    co.retain = size % 2;
    co.window_days = 2;
    co.index_terms = 4;
    co.max_candidates = 2;
    px_dedup_opts dopts;
    px_dedup_opts_default(&dopts);
    dopts.window = 8;
    dopts.min_tokens = 3;
    px_clusterer *c = NULL;
    px_deduper *d = NULL;
    if (px_clusterer_new(&c, &co, NULL) != PX_OK || px_deduper_new(&d, &dopts, NULL) != PX_OK)
        goto out;
    const char *p = (const char *)data, *end = p + size;
    uint64_t last = 0;
    for (unsigned i = 0; p < end && i < 64; i++) {
        const char *sep = NULL;
        for (const char *q = p; q + 1 < end; q++)
            if (q[0] == '\n' && q[1] == '\n') {
                sep = q;
                break;
            }
        size_t n = sep ? (size_t)(sep - p) : (size_t)(end - p);
        px_article *a = record(p, n, i);
        if (a) {
            px_dup_match m;
            px_cluster_assignment as = {0};
            px_dedup_add(d, a, &m);
            if (m.relation != PX_DUP_NONE && i % 2)
                px_clusterer_attach(c, a, last);
            else if (i % 5 == 4)
                px_clusterer_restore(c, a, last);
            else if (px_clusterer_add(c, a, &as) == PX_OK)
                last = as.story;
            px_clusterer_observe(c, a);
            px_article_free(a);
        }
        p += n + (sep ? 2 : 0);
    }
    if (co.retain)
        px_cluster_batch(c, 0);
    px_clusterer_foreach(c, to_json, NULL);
    px_clusterer_close_all(c);
out:
    px_clusterer_free(c);
    px_deduper_free(d);
    return 0;
}
