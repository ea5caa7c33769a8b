/* search_latency.c - times px_store_search over many queries against a
 * store: the query words are taken from the stored titles (every 7th
 * title's longest word, and pairs of them), so they match real text.
 * Usage: search_latency DB [N_QUERIES]. Prints p50, p99 and max in ms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"
#include "store/queries.h"

typedef struct words {
    char **v;
    size_t n, cap;
    long seen;
} words;

static int take_word(const px_stored_article *sa, void *ud)
{
    words *w = ud;
    const char *t = sa->a->title;
    if (!t || w->seen++ % 7)
        return 0;
    char best[64] = "";
    for (const char *p = t; *p;) {
        size_t n = 0;
        while (p[n] && ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z')))
            n++;
        if (n > strlen(best) && n < sizeof best)
            snprintf(best, sizeof best, "%.*s", (int)n, p);
        p += n ? n : 1;
    }
    if (strlen(best) < 4)
        return 0;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 256;
        w->v = realloc(w->v, w->cap * sizeof *w->v);
    }
    w->v[w->n++] = px_strdup(best);
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: search_latency DB [N]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 2000;
    px_store *s;
    px_error err;
    if (px_store_open(&s, argv[1], PX_STORE_READONLY, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    words w = {0};
    px_store_each_article(s, take_word, &w, &err);
    px_store_counts c;
    px_store_counts_get(s, &c, &err);
    if (w.n < 2) {
        fprintf(stderr, "not enough titles to make queries\n");
        return 1;
    }
    double *ms = malloc((size_t)n * sizeof *ms);
    long hits = 0;
    srand(1);
    for (int i = 0; i < n; i++) {
        char q[160];
        const char *a = w.v[(size_t)rand() % w.n], *b = w.v[(size_t)rand() % w.n];
        if (i % 3 == 2)
            snprintf(q, sizeof q, "%s OR %s", a, b);
        else
            snprintf(q, sizeof q, "%s", a);
        px_search_query sq = {.q = q, .limit = 20};
        cJSON *res;
        double t0 = now_ms();
        if (px_store_search(s, &sq, &res, &err) == PX_OK) {
            hits += cJSON_GetArraySize(cJSON_GetObjectItem(res, "results"));
            cJSON_Delete(res);
        }
        ms[i] = now_ms() - t0;
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp);
    printf("search over %lld articles, %d queries (20 results, snippets): p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%.1f results/query)\n",
           c.articles, n, ms[n / 2], ms[(int)(n * 0.99)], ms[n - 1], (double)hits / n);
    for (size_t i = 0; i < w.n; i++)
        free(w.v[i]);
    free(w.v);
    free(ms);
    px_store_close(s);
    return 0;
}
