/* summary.c - centroid + MMR extractive summary with per-sentence cites. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/summary.h"

#define MMR_LAMBDA 0.7
#define MAX_REDUNDANCY 0.5
#define CANDIDATES 300
#define MIN_TERMS 5
#define MAX_BYTES 500

typedef struct cand {
    size_t sentence;
    double score;
} cand;

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* Sum of all sentence vectors, each normalised. */
static double *centroid(const px_story_text *s)
{
    double *c = calloc(s->n_terms + 1, sizeof *c);
    if (!c)
        return NULL;
    for (size_t i = 0; i < s->n_sentences; i++) {
        const px_story_sentence *ps = &s->sentences[i];
        if (ps->norm <= 0)
            continue;
        for (size_t k = 0; k < ps->n_terms; k++)
            c[ps->terms[k]] += px_story_idf(s, ps->terms[k]) / ps->norm;
    }
    return c;
}

static double centroid_cosine(const px_story_text *s, const double *c, double c_norm, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    if (ps->norm <= 0 || c_norm <= 0)
        return 0;
    double dot = 0;
    for (size_t k = 0; k < ps->n_terms; k++)
        dot += px_story_idf(s, ps->terms[k]) * c[ps->terms[k]];
    return dot / (ps->norm * c_norm);
}

/* Per sentence: how many sentences of other outlets echo it. */
static unsigned *echo_counts(const px_story_text *s)
{
    unsigned *e = calloc(s->n_sentences + 1, sizeof *e);
    if (!e)
        return NULL;
    for (size_t i = 0; i < s->n_pairs; i++)
        if (s->pairs[i].sim >= PX_CITE_SIM) {
            e[s->pairs[i].a]++;
            e[s->pairs[i].b]++;
        }
    return e;
}

static int eligible(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    const char *body = s->articles[ps->article]->body;
    size_t len = ps->end - ps->start;
    char last = len ? body[ps->end - 1] : 0;
    /* A sentence that does not end like one is a fragment or a heading. */
    int ends = last == '.' || last == '!' || last == '"' || last == '?' || (unsigned char)last >= 0x80;
    return ps->n_terms >= MIN_TERMS && len <= MAX_BYTES && ends;
}

static int score_candidates(const px_story_text *s, cand **out, size_t *n_out)
{
    double *c = centroid(s);
    unsigned *echo = echo_counts(s);
    cand *v = malloc((s->n_sentences + 1) * sizeof *v);
    if (!c || !echo || !v) {
        free(c);
        free(echo);
        free(v);
        return PX_ENOMEM;
    }
    double c_norm = 0;
    for (size_t t = 0; t < s->n_terms; t++)
        c_norm += c[t] * c[t];
    c_norm = sqrt(c_norm);
    double others = s->n_sources > 1 ? (double)(s->n_sources - 1) : 1;
    size_t n = 0;
    for (size_t i = 0; i < s->n_sentences; i++) {
        if (!eligible(s, i))
            continue;
        double echoed = fmin((double)echo[i], others) / others;
        double early = 1.0 / (1.0 + (double)s->sentences[i].index);
        v[n++] = (cand){i, centroid_cosine(s, c, c_norm, i) + 0.15 * early + 0.25 * echoed};
    }
    qsort(v, n, sizeof *v, cand_cmp);
    free(c);
    free(echo);
    *out = v;
    *n_out = n < CANDIDATES ? n : CANDIDATES;
    return PX_OK;
}

static int add_cite(px_summary_sentence *ss, size_t source)
{
    for (size_t i = 0; i < ss->n_cites; i++)
        if (ss->cites[i] == source)
            return PX_OK;
    size_t *v = realloc(ss->cites, (ss->n_cites + 1) * sizeof *v);
    if (!v)
        return PX_ENOMEM;
    v[ss->n_cites++] = source;
    ss->cites = v;
    return PX_OK;
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int cite(const px_story_text *s, px_summary_sentence *ss)
{
    int rc = add_cite(ss, s->sentences[ss->sentence].source);
    for (size_t i = 0; rc == PX_OK && i < s->n_pairs; i++) {
        const px_story_pair *p = &s->pairs[i];
        if (p->sim < PX_CITE_SIM || (p->a != ss->sentence && p->b != ss->sentence))
            continue;
        size_t other = p->a == ss->sentence ? p->b : p->a;
        rc = add_cite(ss, s->sentences[other].source);
    }
    if (ss->n_cites > 2)
        qsort(ss->cites + 1, ss->n_cites - 1, sizeof *ss->cites, size_cmp);
    return rc;
}

static int pick(const px_story_text *s, const cand *c, size_t n, size_t max, px_summary *out)
{
    unsigned char *taken = calloc(n + 1, 1);
    out->v = calloc(max + 1, sizeof *out->v);
    if (!taken || !out->v) {
        free(taken);
        return PX_ENOMEM;
    }
    int rc = PX_OK;
    while (rc == PX_OK && out->n < max) {
        long best = -1;
        double best_value = -1e9;
        for (size_t i = 0; i < n; i++) {
            if (taken[i])
                continue;
            double redundancy = 0;
            for (size_t k = 0; k < out->n; k++)
                redundancy = fmax(redundancy, px_story_similarity(s, c[i].sentence, out->v[k].sentence));
            if (redundancy > MAX_REDUNDANCY)
                continue;
            double value = MMR_LAMBDA * c[i].score - (1 - MMR_LAMBDA) * redundancy;
            if (value > best_value) {
                best_value = value;
                best = (long)i;
            }
        }
        if (best < 0)
            break;
        taken[best] = 1;
        px_summary_sentence *ss = &out->v[out->n++];
        const px_story_sentence *ps = &s->sentences[c[best].sentence];
        ss->sentence = c[best].sentence;
        ss->score = c[best].score;
        ss->text = px_strndup(s->articles[ps->article]->body + ps->start, ps->end - ps->start);
        rc = ss->text ? cite(s, ss) : PX_ENOMEM;
    }
    free(taken);
    return rc;
}

int px_summary_build(const px_story_text *s, size_t max_sentences, px_summary *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (!max_sentences)
        max_sentences = PX_SUMMARY_DEFAULT;
    cand *c = NULL;
    size_t n = 0;
    int rc = score_candidates(s, &c, &n);
    if (rc == PX_OK)
        rc = pick(s, c, n, max_sentences, out);
    free(c);
    if (rc != PX_OK) {
        px_summary_free(out);
        return px_error_set(err, rc, "out of memory summarising");
    }
    return PX_OK;
}

void px_summary_free(px_summary *sm)
{
    if (!sm)
        return;
    for (size_t i = 0; i < sm->n; i++) {
        free(sm->v[i].text);
        free(sm->v[i].cites);
    }
    free(sm->v);
    memset(sm, 0, sizeof *sm);
}
