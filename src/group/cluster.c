/* cluster.c - online story clustering over TF-IDF article vectors (IDF
 * squared; a title vector as a second join score) with an inverted index
 * over the active stories, the online merge of active stories that come
 * close, and the batch refinement pass.
 * See parallax/cluster.h and docs/cluster.md. */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include <cjson/cJSON.h>

#include "parallax/cluster.h"
#include "parallax/doc.h"
#include "parallax/text.h"
#include "core/grow.h"
#include "core/sort.h"
#include "group/story_model.h"
#include "group/cluster_internal.h"
#include "group/dedup_internal.h"
#include "core/common_internal.h"
#include "text/doc_internal.h"
#include "text/text_internal.h"

#define NO_DAY LONG_MIN
#define POSTING_WALK 256 /* stories looked at per query term */
#define TITLE_TERMS 64   /* terms kept in a story's sum of title vectors */
#define CHANNEL_TERMS 64 /* terms kept in a story's sum of a channel's vectors */

/* The parts of the body vector that say which event it is: names, numbers
 * (counts of a thing), dates the text mentions. */
enum { CH_NAMES, CH_NUMBERS, CH_DATES, N_CHANNELS };

/* ---- sparse vectors ------------------------------------------------------ */

typedef struct term_w {
    uint32_t term;
    float w;
} term_w;

typedef struct vec {
    term_w *v;   /* sorted by term */
    uint32_t n;
} vec;

static int cmp_term(const void *a, const void *b)
{
    uint32_t x = ((const term_w *)a)->term, y = ((const term_w *)b)->term;
    return (x > y) - (x < y);
}

/* Heavier first, then by term: the order of cmp_weight_desc, written for
 * the selection loops to compare inline. */
static inline int weight_order(const term_w *x, const term_w *y)
{
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return (x->term > y->term) - (x->term < y->term);
}

static int cmp_weight_desc(const void *a, const void *b) { return weight_order(a, b); }

/* The entry that would stand at rank k (from 0) if v[0..n) were sorted by
 * cmp_weight_desc: quickselect over a scratch copy, linear on average. */
static term_w rank_entry(const term_w *v, uint32_t n, uint32_t k, term_w *scratch)
{
    memcpy(scratch, v, (size_t)n * sizeof *scratch);
    uint32_t lo = 0, hi = n - 1;
    while (lo < hi) {
        term_w pivot = scratch[lo + (hi - lo) / 2];
        uint32_t i = lo, j = hi;
        while (i <= j) {
            while (weight_order(&scratch[i], &pivot) < 0)
                i++;
            while (weight_order(&scratch[j], &pivot) > 0)
                j--;
            if (i <= j) {
                term_w t = scratch[i];
                scratch[i++] = scratch[j];
                scratch[j] = t;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return scratch[k];
}

/* Vectors up to this long are ranked in a scratch copy on the stack (a
 * story's sums hold at most story_terms, 200 by default). */
#define KEEP_TOP_STACK 256

/* Keeps the keep heaviest entries of v (ties by term), sorted by term;
 * sorted says v already is. The order of the rest is kept, so a vector
 * sorted by term stays sorted without a second sort. */
static int keep_top(term_w *v, uint32_t *n, uint32_t keep, int sorted)
{
    if (*n > keep) {
        term_w small[KEEP_TOP_STACK];
        term_w *scratch = *n <= KEEP_TOP_STACK ? small : malloc((size_t)*n * sizeof *scratch);
        if (!scratch)
            return PX_ENOMEM;
        term_w last = rank_entry(v, *n, keep - 1, scratch);
        if (scratch != small)
            free(scratch);
        uint32_t k = 0;
        for (uint32_t i = 0; i < *n; i++)
            if (weight_order(&v[i], &last) <= 0)
                v[k++] = v[i];
        *n = k;
    }
    if (!sorted)
        qsort(v, *n, sizeof *v, cmp_term);
    return PX_OK;
}

/* The first index of v[from..n) whose term is at least term. */
static uint32_t seek_term(const vec *v, uint32_t from, uint32_t term)
{
    uint32_t lo = from, hi = v->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (v->v[mid].term < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A vector this many times shorter than the other is looked up in it term
 * by term rather than walked beside it. */
#define SEEK_RATIO 8

static double dot(const vec *a, const vec *b)
{
    double s = 0;
    uint32_t i = 0, j = 0;
    if (a->n * SEEK_RATIO < b->n || b->n * SEEK_RATIO < a->n) {
        const vec *few = a->n < b->n ? a : b, *many = few == a ? b : a;
        for (; i < few->n && j < many->n; i++) {
            j = seek_term(many, j, few->v[i].term);
            if (j < many->n && many->v[j].term == few->v[i].term)
                s += (double)a->v[few == a ? i : j].w * b->v[few == a ? j : i].w;
        }
        return s;
    }
    while (i < a->n && j < b->n) {
        if (a->v[i].term < b->v[j].term)
            i++;
        else if (a->v[i].term > b->v[j].term)
            j++;
        else
            s += (double)a->v[i++].w * b->v[j++].w;
    }
    return s;
}

static double norm(const vec *a)
{
    double s = 0;
    for (uint32_t i = 0; i < a->n; i++)
        s += (double)a->v[i].w * a->v[i].w;
    return sqrt(s);
}

/* a += b, then keeps the cap heaviest terms. */
static int vec_add(vec *a, const vec *b, uint32_t cap)
{
    term_w *m = malloc(((size_t)a->n + b->n) * sizeof *m);
    if (!m && a->n + b->n)
        return PX_ENOMEM;
    uint32_t i = 0, j = 0, k = 0;
    while (i < a->n || j < b->n) {
        if (j >= b->n || (i < a->n && a->v[i].term < b->v[j].term))
            m[k++] = a->v[i++];
        else if (i >= a->n || b->v[j].term < a->v[i].term)
            m[k++] = b->v[j++];
        else {
            m[k] = a->v[i++];
            m[k++].w += b->v[j++].w;
        }
    }
    if (keep_top(m, &k, cap, 1) != PX_OK) {
        free(m);
        return PX_ENOMEM;
    }
    free(a->v);
    a->v = m;
    a->n = k;
    return PX_OK;
}

/* ---- vocabulary ------------------------------------------------------------ */

typedef struct vocab {
    uint64_t *keys;   /* open addressing, 0 = empty */
    uint32_t *ids;
    size_t cap, n;
    uint32_t *df;
    float *bg;        /* per term: occurrences in the background corpus */
    uint64_t *key_of; /* per term: its key (what a reading memo keeps) */
    size_t df_cap;
    double docs;
    double tokens;    /* content tokens of the documents counted */
} vocab;

static int vocab_grow(vocab *v)
{
    size_t cap = v->cap ? v->cap * 2 : 1 << 14;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *ids = malloc(cap * sizeof *ids);
    if (!keys || !ids) {
        free(keys);
        free(ids);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < v->cap; i++)
        if (v->keys[i]) {
            size_t s = (size_t)(v->keys[i] * 0x9e3779b97f4a7c15ull >> 17) & (cap - 1);
            while (keys[s])
                s = (s + 1) & (cap - 1);
            keys[s] = v->keys[i];
            ids[s] = v->ids[i];
        }
    free(v->keys);
    free(v->ids);
    v->keys = keys;
    v->ids = ids;
    v->cap = cap;
    return PX_OK;
}

/* The id of the term with hash key, added when new; UINT32_MAX when out of
 * memory. */
static uint32_t vocab_id(vocab *v, uint64_t key)
{
    if (!key)
        key = 1;
    if ((v->n + 1) * 2 > v->cap && vocab_grow(v))
        return UINT32_MAX;
    size_t s = (size_t)(key * 0x9e3779b97f4a7c15ull >> 17) & (v->cap - 1);
    while (v->keys[s] && v->keys[s] != key)
        s = (s + 1) & (v->cap - 1);
    if (v->keys[s])
        return v->ids[s];
    if (v->n == v->df_cap) {
        size_t cap = v->df_cap ? v->df_cap * 2 : 1 << 13;
        uint32_t *df = realloc(v->df, cap * sizeof *df);
        if (df)
            v->df = df;
        float *bg = realloc(v->bg, cap * sizeof *bg);
        if (bg)
            v->bg = bg;
        uint64_t *key_of = realloc(v->key_of, cap * sizeof *key_of);
        if (key_of)
            v->key_of = key_of;
        if (!df || !bg || !key_of)
            return UINT32_MAX;
        v->df_cap = cap;
    }
    v->keys[s] = key;
    v->ids[s] = (uint32_t)v->n;
    v->df[v->n] = 0;
    v->bg[v->n] = 0;
    v->key_of[v->n] = key;
    return (uint32_t)v->n++;
}

/* Smoothed IDF over the running corpus blended with the background prior:
 * the background stands for prior_docs pseudo-documents as long as the
 * average document counted so far, and a word with background rate r per
 * token is in such a document with probability 1 - exp(-r * length)
 * (Poisson). With few documents the prior decides which words are generic;
 * as the corpus grows it takes over. Terms the background does not know
 * (names, name pairs, numbers, rare words) count as rare there. */
static double idf(const vocab *v, uint32_t term, double prior_docs, double bg_total)
{
    double df = v->df[term], docs = v->docs;
    if (prior_docs > 0 && bg_total > 0) {
        double len = v->docs > 0 ? v->tokens / v->docs : 0;
        double p = v->bg[term] > 0 ? 1.0 - exp(-(double)v->bg[term] / bg_total * len) : 0;
        df += prior_docs * p;
        docs += prior_docs;
    }
    return log((docs + 1.0) / (df + 1.0)) + 1.0;
}

static void vocab_free(vocab *v)
{
    free(v->keys);
    free(v->ids);
    free(v->df);
    free(v->bg);
    free(v->key_of);
    *v = (vocab){0};
}

/* The id of the term with hash key, UINT32_MAX when it has none. */
static uint32_t vocab_find(const vocab *v, uint64_t key)
{
    if (!key)
        key = 1;
    if (!v->cap)
        return UINT32_MAX;
    size_t s = (size_t)(key * 0x9e3779b97f4a7c15ull >> 17) & (v->cap - 1);
    while (v->keys[s] && v->keys[s] != key)
        s = (s + 1) & (v->cap - 1);
    return v->keys[s] ? v->ids[s] : UINT32_MAX;
}

/* ---- stories -------------------------------------------------------------- */

typedef struct story {
    uint64_t id;
    uint64_t seq;             /* creation order */
    size_t slot;              /* its index in px_clusterer.stories */
    uint64_t last_pos;        /* arrival position of its last article */
    char **ids;
    char **titles;            /* per article, may be NULL */
    vec *vecs;                /* per article, empty for copies and once freed */
    unsigned char *copy, *undated;
    size_t n, cap;
    char **sources;
    size_t n_sources, cap_sources;
    char first[32], last[32];
    char lang[8];             /* primary language subtag of its first article:
                                 a story never takes an article or a story of
                                 another language (docs/cluster.md) */
    long first_day, last_day; /* NO_DAY when no dated article */
    long *days;               /* retain = 1: the distinct days of its dated
                                 members, ascending (chained) */
    size_t n_days, cap_days;
    long clock_day;           /* latest clock day of an article, dated or not */
    long start_day;           /* clock day of its first article */
    int has_champion;         /* retain = 0: title_at is set */
    size_t title_at;          /* retain = 0: the titled member whose vector
                                 is kept, the most central one so far */
    vec centroid;             /* sum of the member vectors */
    vec title_sum;            /* sum of the members' title vectors */
    size_t n_title;           /* members with a title vector */
    vec ch_sum[N_CHANNELS];   /* per channel, the sum of the members' vectors */
    size_t n_ch[N_CHANNELS];  /* per channel, members with a vector */
    double centroid_norm;
    size_t n_vec;             /* members that have a vector (not copies) */
    uint32_t *indexed;        /* centroid terms in the inverted index */
    uint32_t n_indexed;
    uint32_t n_top;           /* top_known: indexed[0..n_top) are the centroid's
                                 top terms, indexed or not (the batch pass
                                 indexes every story again each round) */
    int top_known;
    char *title;              /* cached central title (owned copy) */
    int title_valid;
    int active;
    uint32_t version;         /* merges it took, for the batch pass's similarity memo */
    struct story_memo *memo;  /* the batch pass's similarities with later stories */
    double acc;               /* candidate scoring scratch */
    int touched;
    struct story *next_by_id;
} story;

/* What reading an article gives the clusterer, term by term in the order
 * of its tokens: the vocabulary id of each term and how it counts (a plain
 * word, a word read as a name, a pair of name words, a number). Reading
 * tokenises the title and the body once; the title vector, the document
 * frequencies and the body vector each replay the trace. */
enum { TRACE_PLAIN, TRACE_NAME, TRACE_PAIR, TRACE_NUMBER, TRACE_DATE_NUMBER, TRACE_DATE_WORD };
#define TRACE_KIND_SHIFT 29
#define TRACE_ID_MASK ((1u << TRACE_KIND_SHIFT) - 1)

typedef struct term_trace {
    uint32_t *e;      /* id | kind << TRACE_KIND_SHIFT */
    size_t n, cap;
    size_t n_title;   /* the first n_title entries are the title's */
    /* The entries that pair a figure with the word after it, whose key
     * is made of that word's vocabulary id (what a memo must make again
     * in another clusterer): their positions, ascending, and figures. */
    size_t *pair_at;
    uint64_t *pair_figure;
    size_t n_pairs, cap_pairs, cap_figures;
} term_trace;

/* An entry of the undated window: the arrival position of a story's last
 * article when it was made. A later join or merge makes it stale. */
typedef struct arrival {
    uint64_t pos;
    uint64_t story;           /* its id */
} arrival;

typedef struct posting {
    story **v;
    uint32_t n;
    size_t cap;
} posting;

/* An article is read with the lexicon of its language, so that another
 * language's stopwords never count as shared words (a French le, de, la)
 * and its words are stemmed as that language's. */
typedef struct lang_lexicon {
    char lang[8];
    px_lexicon *lex;          /* owned for o.language, else the set's */
    uint32_t *stem_vocab;     /* lexicon term -> vocabulary id + 1, 0 when not yet met */
    size_t stem_vocab_cap;
} lang_lexicon;

struct px_clusterer {
    px_cluster_opts o;
    lang_lexicon *lex;        /* per language met, the first o.language's:
                                 word forms (lower case, stopword, stem) */
    size_t n_lex, cap_lex;
    lang_lexicon *cur;        /* the one of the article being read */
    px_lexicons *lexicons;    /* the lexicons of languages other than o.language */
    px_tokens tokens;         /* of the text traced last (its body, after an article) */
    px_body_tokens_fn on_body; /* told each observed body's tokens */
    void *on_body_ud;
    vocab voc;
    story **stories;          /* held, in creation order (NULL holes) */
    size_t n_stories, cap_stories, n_held, n_active;
    uint64_t seq;
    story **by_id;            /* chained hash on id */
    size_t id_buckets;
    posting *post;            /* per term */
    size_t n_post;
    long clock;               /* latest day seen, NO_DAY before any */
    uint64_t next_pos;        /* arrival position of the next article */
    uint64_t pos;             /* ... of the article being placed */
    arrival *undated_heap;    /* min-heap on pos: the undated window */
    size_t n_undated_heap, cap_undated_heap;
    uint64_t *term_seen;      /* per term: the newest arrival position of an
                                 article that held it (forget_terms) */
    size_t term_seen_cap;
    size_t sweep_at;          /* the vocabulary size that calls forget_terms */
    px_cluster_stats st;      /* counters (held/active filled on demand) */
    const px_background *bg;  /* IDF prior, NULL for none */
    double bg_total;
    double doc_tokens;        /* content tokens of the article being read */
    const px_story_model *model; /* the learned similarity */
    term_trace trace;         /* the article being read */
    const term_trace *replay; /* px_cluster_corpus: the trace its observe pass kept */
    px_cluster_memo *memo;    /* traces kept across clusterers, NULL for none */
    uint32_t memo_generation; /* of the memo when memo_vocab was filled */
    uint32_t *memo_vocab;     /* memo term -> vocabulary id + 1, 0 when not yet met */
    size_t memo_vocab_cap;
    uint32_t *ch_terms[N_CHANNELS]; /* per channel, the article's terms of it */
    size_t n_ch_terms[N_CHANNELS], cap_ch_terms[N_CHANNELS];
    /* scratch */
    float *dense;             /* per term weight of the current article */
    size_t dense_cap;
    float *story_dense;       /* one story's sums scattered by term (story_scatter) */
    size_t story_dense_stride; /* terms per sum in story_dense: dense_cap + 1 */
    term_w *tf;
    size_t tf_n, tf_cap;
    uint32_t *tf_sorted;      /* make_vec's scratch: the terms of tf by id */
    size_t tf_sorted_cap;
    px_story view;
};

void px_story_id_hex(uint64_t id, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[id & 15];
        id >>= 4;
    }
    out[16] = '\0';
}

void px_cluster_opts_default(px_cluster_opts *o)
{
    memset(o, 0, sizeof *o);
    o->threshold = 0.12;
    o->merge_threshold = 0.03;
    o->window_days = 30;
    o->window_articles = 100000;
    o->decay_days = 365;
    o->title_weight = 3;
    o->entity_weight = 2;
    o->number_weight = 0.5;
    o->story_terms = 200;
    o->index_terms = 24;
    o->query_terms = 24;
    o->max_candidates = 32;
    o->language = "en";
    o->prior_docs = 20000;
    o->max_span_days = 90;
    o->link_days = 90;
    o->active_merge_threshold = 0.12;
    o->idf_power = 2;
    o->title_threshold = 0;
}

static int check_opts(const px_cluster_opts *o, px_error *err)
{
    if (!(o->threshold > 0 && o->threshold < 1) ||
        !(o->merge_threshold > 0 && o->merge_threshold < 1) ||
        !(o->active_merge_threshold >= 0 && o->active_merge_threshold < 1))
        return px_error_set(err, PX_EUSAGE, "thresholds must be between 0 and 1");
    if (!(o->title_threshold >= 0 && o->title_threshold < 1))
        return px_error_set(err, PX_EUSAGE, "thresholds must be between 0 and 1");
    if (!(o->idf_power > 0 && o->idf_power <= 4))
        return px_error_set(err, PX_EUSAGE, "the IDF power must be above 0 and at most 4");
    if (!(o->window_days > 0) || !(o->decay_days > 0))
        return px_error_set(err, PX_EUSAGE, "window and decay must be positive numbers of days");
    if (!(o->title_weight >= 0) || !(o->entity_weight >= 0) || !(o->number_weight >= 0))
        return px_error_set(err, PX_EUSAGE, "weights must not be negative");
    if (!(o->max_span_days >= 0) || !(o->link_days >= 0))
        return px_error_set(err, PX_EUSAGE, "the story span must not be negative");
    if (!(o->prior_docs >= 0))
        return px_error_set(err, PX_EUSAGE, "the background prior must not be negative");
    if (o->story_terms < 1 || o->index_terms < 1 || o->query_terms < 1 || o->max_candidates < 1)
        return px_error_set(err, PX_EUSAGE, "term and candidate counts must be at least 1");
    return PX_OK;
}

int px_clusterer_new(px_clusterer **out, const px_cluster_opts *opts, px_error *err)
{
    *out = NULL;
    px_cluster_opts o;
    if (opts)
        o = *opts;
    else
        px_cluster_opts_default(&o);
    if (!o.language)
        o.language = "en";
    int rc = check_opts(&o, err);
    if (rc)
        return rc;
    px_clusterer *c = calloc(1, sizeof *c);
    if (!c)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    c->o = o;
    c->clock = NO_DAY;
    px_stemmer *probe = px_stemmer_new(o.language);
    if (!probe) {
        free(c);
        return px_error_set(err, PX_EUSAGE, "no stemmer for language '%s'", o.language);
    }
    px_stemmer_free(probe);
    if (px_grow(&c->lex, &c->cap_lex, 1, sizeof *c->lex, 4, 1) ||
        !(c->lex[0].lex = px_lexicon_new(o.language))) {
        free(c->lex);
        free(c);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    snprintf(c->lex[0].lang, sizeof c->lex[0].lang, "%.2s", o.language);
    c->n_lex = 1;
    c->cur = &c->lex[0];
    if (o.prior_docs > 0) {
        c->bg = o.background ? o.background
                : strcmp(o.language, "en") == 0 ? px_background_default() : NULL;
        c->bg_total = px_background_total(c->bg);
    }
    if (!(c->model = px_story_model_default())) {
        px_clusterer_free(c);
        return px_error_set(err, PX_EFORMAT, "the built-in story model cannot be read");
    }
    c->id_buckets = 1024;
    c->by_id = calloc(c->id_buckets, sizeof *c->by_id);
    if (!c->by_id) {
        px_clusterer_free(c);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    *out = c;
    return PX_OK;
}

static void story_free_vectors(story *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->vecs[i].v);
        s->vecs[i] = (vec){0};
    }
    free(s->centroid.v);
    s->centroid = (vec){0};
    s->top_known = 0;
    free(s->title_sum.v);
    s->title_sum = (vec){0};
    for (int k = 0; k < N_CHANNELS; k++) {
        free(s->ch_sum[k].v);
        s->ch_sum[k] = (vec){0};
    }
    free(s->indexed);
    s->indexed = NULL;
    s->n_indexed = 0;
}

static void memo_free(story *s);

static void story_free(story *s)
{
    if (!s)
        return;
    story_free_vectors(s);
    memo_free(s);
    for (size_t i = 0; i < s->n; i++) {
        free(s->ids[i]);
        free(s->titles[i]);
    }
    for (size_t i = 0; i < s->n_sources; i++)
        free(s->sources[i]);
    free(s->ids);
    free(s->titles);
    free(s->vecs);
    free(s->copy);
    free(s->undated);
    free(s->days);
    free(s->sources);
    free(s->title);
    free(s);
}

void px_clusterer_free(px_clusterer *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_stories; i++)
        story_free(c->stories[i]);
    free(c->stories);
    free(c->undated_heap);
    free(c->term_seen);
    free(c->by_id);
    for (size_t i = 0; i < c->n_post; i++)
        free(c->post[i].v);
    free(c->post);
    vocab_free(&c->voc);
    for (size_t i = 0; i < c->n_lex; i++)
        free(c->lex[i].stem_vocab);
    if (c->lex)
        px_lexicon_free(c->lex[0].lex);
    free(c->lex);
    px_lexicons_free(c->lexicons);
    free(c->dense);
    free(c->story_dense);
    free(c->tf);
    free(c->tf_sorted);
    for (int k = 0; k < N_CHANNELS; k++)
        free(c->ch_terms[k]);
    free(c->trace.e);
    free(c->trace.pair_at);
    free(c->trace.pair_figure);
    free(c->memo_vocab);
    px_tokens_free(&c->tokens);
    free(c);
}

size_t px_clusterer_story_count(const px_clusterer *c)
{
    return c->n_held;
}

size_t px_clusterer_active_count(const px_clusterer *c)
{
    return c->n_active;
}

void px_clusterer_stats(const px_clusterer *c, px_cluster_stats *out)
{
    *out = c->st;
    out->held = c->n_held;
    out->active = c->n_active;
    out->terms = c->voc.n;
    out->postings = 0;
    for (size_t i = 0; i < c->n_post; i++)
        out->postings += c->post[i].n;
}

/* ---- article vectors ------------------------------------------------------- */

/* The vocabulary id of the term with hash key; stem (NULL for name pairs
 * and numbers) looks the term up in the background when it is new. */
static int term_of(px_clusterer *c, uint64_t key, const char *stem, size_t sl, uint32_t *id)
{
    size_t known = c->voc.n;
    *id = vocab_id(&c->voc, key);
    if (*id == UINT32_MAX || *id > TRACE_ID_MASK)
        return PX_ENOMEM;
    if (c->voc.n > known && stem && c->bg && sl < 64) {
        char z[64];
        memcpy(z, stem, sl);
        z[sl] = '\0';
        c->voc.bg[*id] = (float)px_background_count(c->bg, z);
    }
    return PX_OK;
}

static int trace_id(term_trace *t, uint32_t id, unsigned kind)
{
    if (px_grow(&t->e, &t->cap, t->n + 1, sizeof *t->e, 256, 0))
        return PX_ENOMEM;
    t->e[t->n++] = id | (uint32_t)kind << TRACE_KIND_SHIFT;
    return PX_OK;
}

static int trace_term(px_clusterer *c, term_trace *t, uint64_t key, unsigned kind)
{
    uint32_t id;
    return term_of(c, key, NULL, 0, &id) ? PX_ENOMEM : trace_id(t, id, kind);
}

/* The vocabulary id of the lexicon's term: hashed and looked up the first
 * time the clusterer meets the term, remembered after. */
static int stem_id(px_clusterer *c, uint32_t term, uint32_t *id)
{
    lang_lexicon *l = c->cur;
    if (term < l->stem_vocab_cap && l->stem_vocab[term]) {
        *id = l->stem_vocab[term] - 1;
        return PX_OK;
    }
    const char *stem = px_lexicon_term(l->lex, term);
    size_t sl = strlen(stem);
    if (term_of(c, XXH64(stem, sl, 0x53), stem, sl, id) ||
        px_grow(&l->stem_vocab, &l->stem_vocab_cap, (size_t)term + 1, sizeof *l->stem_vocab, 1 << 14, 1))
        return PX_ENOMEM;
    l->stem_vocab[term] = *id + 1;
    return PX_OK;
}

/* Counts w for term id in c->tf / c->dense, and notes that the article at
 * c->pos holds it. */
static int add_tf(px_clusterer *c, uint32_t id, double w)
{
    if (px_grow(&c->dense, &c->dense_cap, (size_t)id + 1, sizeof *c->dense, 1 << 14, 1) ||
        px_grow(&c->term_seen, &c->term_seen_cap, (size_t)id + 1, sizeof *c->term_seen, 1 << 14, 1))
        return PX_ENOMEM;
    if (c->pos > c->term_seen[id])
        c->term_seen[id] = c->pos;
    if (c->dense[id] == 0) {
        if (px_grow(&c->tf, &c->tf_cap, c->tf_n + 1, sizeof *c->tf, 512, 0))
            return PX_ENOMEM;
        c->tf[c->tf_n++] = (term_w){id, 0};
    }
    c->dense[id] += (float)w;
    return PX_OK;
}

static int note_term(uint32_t **v, size_t *n, size_t *cap, uint32_t term)
{
    if (px_grow(v, cap, *n + 1, sizeof **v, 64, 0))
        return PX_ENOMEM;
    (*v)[(*n)++] = term;
    return PX_OK;
}

/* Does the token start a sentence or a line (so its capital says nothing)? */
static int starts_sentence(const char *text, const px_tokens *t, size_t i)
{
    if (i == 0)
        return 1;
    const px_token *p = &t->v[i - 1];
    for (size_t k = p->end; k < t->v[i].start; k++)
        if (text[k] == '\n')
            return 1;
    if (p->kind != PX_TOK_PUNCT && p->kind != PX_TOK_SYMBOL)
        return 0;
    char ch = text[p->start];
    return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '"' ||
           (unsigned char)ch == 0xe2 /* curly quotes, dashes */;
}

/* 1-12 for a month's name or abbreviation, 13-19 for a weekday's name, 0
 * for any other lower-cased word. */
static int calendar_word(const char *low, size_t n)
{
#define CALENDAR_WORD(w) {w, sizeof w - 1}
    static const struct {
        const char *word;
        size_t len;
    } words[] = {
        CALENDAR_WORD("january"),   CALENDAR_WORD("february"), CALENDAR_WORD("march"),
        CALENDAR_WORD("april"),     CALENDAR_WORD("may"),      CALENDAR_WORD("june"),
        CALENDAR_WORD("july"),      CALENDAR_WORD("august"),   CALENDAR_WORD("september"),
        CALENDAR_WORD("october"),   CALENDAR_WORD("november"), CALENDAR_WORD("december"),
        CALENDAR_WORD("monday"),    CALENDAR_WORD("tuesday"),  CALENDAR_WORD("wednesday"),
        CALENDAR_WORD("thursday"),  CALENDAR_WORD("friday"),   CALENDAR_WORD("saturday"),
        CALENDAR_WORD("sunday")};
#undef CALENDAR_WORD
    static const char *const abbrev[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                         "aug", "sep", "oct", "nov", "dec"};
    if (n < 3 || n > 9)
        return 0;
    for (int i = 0; i < 19; i++)
        if (words[i].len == n && memcmp(words[i].word, low, n) == 0)
            return i + 1;
    for (int i = 0; i < 12; i++)
        if (n == 3 && memcmp(abbrev[i], low, 3) == 0)
            return i + 1;
    if (n == 4 && memcmp(low, "sept", 4) == 0)
        return 9;
    return 0;
}

/* The value of a number token of at most four digits, -1 for any other. */
static int small_number(const char *s, size_t n)
{
    if (n == 0 || n > 4)
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* What the previous token said about a date or a count: the month it
 * named (1-12), the day of the month it could be (1-31), the hash of the
 * figure it was (which the next word may count). */
typedef struct calendar_state {
    int month, day;
    uint64_t figure;
} calendar_state;

static int trace_date_pair(px_clusterer *c, term_trace *tr, int month, int value)
{
    return trace_term(c, tr, XXH64(&(int[2]){month, value}, 2 * sizeof(int), 0x64) ^ 0x64,
                      TRACE_DATE_NUMBER);
}

/* A number token: a year is a date, any other a figure; beside a month's
 * name, a day or a year makes a (month, value) date. */
static int trace_number(px_clusterer *c, term_trace *tr, const char *s, size_t n,
                        calendar_state *cal)
{
    int v = small_number(s, n);
    int year = n == 4 && v >= 1900 && v <= 2099;
    int day = v >= 1 && v <= 31;
    uint64_t key = XXH64(s, n, 0x4e) ^ 0x4e;
    int rc = trace_term(c, tr, key, year ? TRACE_DATE_NUMBER : TRACE_NUMBER);
    if (rc == PX_OK && cal->month && (year || day))
        rc = trace_date_pair(c, tr, cal->month, v);
    *cal = (calendar_state){0, day ? v : 0, year ? 0 : key};
    return rc;
}

/* A weekday's or month's name: a date word; after a day, a (month, day)
 * date. */
static int trace_calendar_word(px_clusterer *c, term_trace *tr, int which, calendar_state *cal)
{
    int rc = trace_term(c, tr, (uint64_t)which * 0x9e3779b97f4a7c15u ^ 0x6d, TRACE_DATE_WORD);
    if (rc == PX_OK && which <= 12 && cal->day)
        rc = trace_date_pair(c, tr, which, cal->day);
    *cal = (calendar_state){which <= 12 ? which : 0, 0, 0};
    return rc;
}

/* The key of a figure paired with the word after it (vocabulary id). */
static uint64_t figure_pair_key(uint64_t figure, uint32_t word)
{
    return (figure * 31 + word) ^ 0x6e;
}

static int trace_figure_pair(px_clusterer *c, term_trace *tr, uint64_t figure, uint32_t word)
{
    if (trace_term(c, tr, figure_pair_key(figure, word), TRACE_NUMBER) ||
        px_grow(&tr->pair_at, &tr->cap_pairs, tr->n_pairs + 1, sizeof *tr->pair_at, 16, 0) ||
        px_grow(&tr->pair_figure, &tr->cap_figures, tr->n_pairs + 1, sizeof *tr->pair_figure, 16, 0))
        return PX_ENOMEM;
    tr->pair_at[tr->n_pairs] = tr->n - 1;
    tr->pair_figure[tr->n_pairs++] = figure;
    return PX_OK;
}

/* Appends the terms of text (tokens tk) to t: stems, name-like words and
 * word pairs (with names), numbers and the word each counts, dates
 * (calendar words, years, month and day or year). */
static int trace_tokens(px_clusterer *c, const char *text, const px_tokens *tk, int names, term_trace *tr)
{
    const px_tokens t = *tk;
    int rc = PX_OK;
    uint64_t prev_name = 0; /* hash of the previous token when it was a name */
    calendar_state cal = {0};
    for (size_t i = 0; i < t.n && rc == PX_OK; i++) {
        const px_token *k = &t.v[i];
        const char *s = text + k->start;
        size_t n = k->end - k->start;
        if (k->kind == PX_TOK_NUMBER) {
            prev_name = 0;
            if (c->o.number_weight > 0)
                rc = trace_number(c, tr, s, n, &cal);
            continue;
        }
        if (k->kind != PX_TOK_WORD) {
            prev_name = 0;
            cal = (calendar_state){0};
            continue;
        }
        uint32_t form = px_lexicon_form_id(c->cur->lex, s, n, 0);
        if (form == PX_NO_TERM) {
            rc = PX_ENOMEM;
            break;
        }
        size_t ln;
        const char *low = px_lexicon_form(c->cur->lex, form, &ln);
        uint32_t term = px_lexicon_form_term(c->cur->lex, form);
        int capital = (k->flags & (PX_TOKF_CAPITALIZED | PX_TOKF_ALLCAPS)) != 0;
        int which = capital ? calendar_word(low, ln) : 0;
        if (which) {
            prev_name = 0;
            rc = trace_calendar_word(c, tr, which, &cal);
            continue;
        }
        int stop = term == PX_NO_TERM;
        int name = names && capital && !stop && !starts_sentence(text, &t, i);
        int name_word = names && capital && !stop;
        uint64_t word = name_word ? XXH64(low, ln, 0x57) : 0;
        if (name_word && prev_name)
            rc = trace_term(c, tr, (prev_name * 31 + word) ^ 0x2a, TRACE_PAIR);
        prev_name = word;
        uint64_t figure = cal.figure;
        cal = (calendar_state){0};
        if (stop || rc)
            continue;
        uint32_t id;
        rc = stem_id(c, term, &id);
        if (rc == PX_OK)
            rc = trace_id(tr, id, name ? TRACE_NAME : TRACE_PLAIN);
        if (rc == PX_OK && figure)
            rc = trace_figure_pair(c, tr, figure, id);
    }
    return rc;
}

/* Tokenises text into t (emptied first) and appends its terms to tr. */
static int trace_text(px_clusterer *c, const char *text, size_t len, int names, px_tokens *t, term_trace *tr)
{
    t->n = 0;
    return px_tokenize(text, len, t) == PX_OK ? trace_tokens(c, text, t, names, tr) : PX_ENOMEM;
}

/* A trace held until the corpus is vectorised: without its growth room. */
static void trace_fit(term_trace *t)
{
    uint32_t *e = t->n && t->n < t->cap ? realloc(t->e, t->n * sizeof *t->e) : NULL;
    if (e) {
        t->e = e;
        t->cap = t->n;
    }
}

static void trace_free(term_trace *t)
{
    free(t->e);
    free(t->pair_at);
    free(t->pair_figure);
    *t = (term_trace){0};
}

/* Makes the lexicon of a's language (its first two letters, as
 * px_lexicons_get reads a tag) the current one; o.language's when it has
 * none. */
static int use_language(px_clusterer *c, const px_article *a)
{
    char lang[8] = "";
    if (a->language && *a->language)
        snprintf(lang, sizeof lang, "%.2s", a->language);
    for (size_t i = 0; lang[0] && i < 2; i++)
        lang[i] = (char)tolower((unsigned char)lang[i]);
    if (!lang[0] || strcmp(lang, c->cur->lang) == 0) {
        if (!lang[0])
            c->cur = &c->lex[0];
        return PX_OK;
    }
    for (size_t i = 0; i < c->n_lex; i++)
        if (strcmp(c->lex[i].lang, lang) == 0) {
            c->cur = &c->lex[i];
            return PX_OK;
        }
    if (!c->lexicons && !(c->lexicons = px_lexicons_new()))
        return PX_ENOMEM;
    px_lexicon *lx = px_lexicons_get(c->lexicons, lang);
    if (!lx || px_grow(&c->lex, &c->cap_lex, c->n_lex + 1, sizeof *c->lex, 4, 1))
        return PX_ENOMEM;
    lang_lexicon *l = &c->lex[c->n_lex++];
    memcpy(l->lang, lang, sizeof l->lang);
    l->lex = lx;
    c->cur = l;
    return PX_OK;
}

/* Does a carry the document of its body that the clean stage made, with
 * px_tokenize's tokens? */
static int has_document_tokens(const px_article *a)
{
    const px_doc_packed *d = a->doc;
    return d && a->body && d->text == a->body && px_doc_packed_tokens_plain(d);
}

/* Reads a's title and body into t; *body: the body's tokens (NULL when it
 * has none), in c->tokens until the next article. The body's tokens come
 * from its document when it has one (unpacked: no tokeniser pass). */
static int trace_article(px_clusterer *c, const px_article *a, term_trace *t, const px_tokens **body)
{
    t->n = t->n_title = t->n_pairs = 0;
    if (use_language(c, a) != PX_OK)
        return PX_ENOMEM;
    int rc = a->title ? trace_text(c, a->title, strlen(a->title), 0, &c->tokens, t) : PX_OK;
    t->n_title = t->n;
    c->tokens.n = 0;
    *body = NULL;
    if (rc != PX_OK || !a->body)
        return rc;
    if (has_document_tokens(a)) {
        rc = px_doc_unpack_tokens(a->doc, &c->tokens);
        if (rc == PX_OK)
            rc = trace_tokens(c, a->body, &c->tokens, 1, t);
    } else {
        rc = trace_text(c, a->body, strlen(a->body), 1, &c->tokens, t);
    }
    *body = &c->tokens;
    return rc;
}

/* ---- the reading memo --------------------------------------------------- */

/* One article's trace in the memo: entries[at, at + n) of the memo, each a
 * memo term | kind << TRACE_KIND_SHIFT, the first n_title the title's. */
typedef struct memo_doc {
    size_t at;
    uint32_t n, n_title;
} memo_doc;

#define PAIR_SALT 0x70616972u

struct px_cluster_memo {
    size_t max_entries;
    size_t readings;      /* the last this many readings kept are always held */
    uint32_t generation;  /* bumped when emptied: clusterers drop their term caches */
    int bound;            /* the reading below is known */
    char language[16];    /* whose reading the traces are: they hold for */
    int numbers;          /* clusterers of the same language, numbers on or off */
    const px_background *bg; /* and background */
    vocab terms;          /* the traces' term keys, with each term's background count */
    uint8_t *pair;        /* per term: 1 for a figure paired with the word before it
                             in the trace (its key: the figure ^ PAIR_SALT) */
    size_t cap_pair;
    vocab docs;           /* article fingerprint -> index into doc */
    memo_doc *doc;
    size_t n_doc, cap_doc;
    uint32_t *e;
    size_t n_e, cap_e;
};

px_cluster_memo *px_cluster_memo_new(size_t max_entries, size_t readings)
{
    px_cluster_memo *m = calloc(1, sizeof *m);
    if (m) {
        m->max_entries = max_entries ? max_entries : (size_t)16 << 20;
        m->readings = readings ? readings : 100000;
    }
    return m;
}

size_t px_cluster_memo_readings(const px_cluster_memo *m)
{
    return m ? m->n_doc : 0;
}

size_t px_cluster_memo_terms(const px_cluster_memo *m)
{
    return m ? m->terms.n : 0;
}

static void memo_empty(px_cluster_memo *m)
{
    vocab_free(&m->terms);
    vocab_free(&m->docs);
    if (m->pair)
        memset(m->pair, 0, m->cap_pair * sizeof *m->pair);
    m->n_doc = m->n_e = 0;
    m->generation++;
}

void px_cluster_memo_free(px_cluster_memo *m)
{
    if (!m)
        return;
    memo_empty(m);
    free(m->pair);
    free(m->doc);
    free(m->e);
    free(m);
}

void px_clusterer_use_memo(px_clusterer *c, px_cluster_memo *m)
{
    c->memo = m;
    c->memo_generation = m ? m->generation - 1 : 0; /* the term cache starts empty */
}

/* Does the memo hold traces this clusterer would read the same way? The
 * first clusterer to use it decides. */
static int memo_fits(px_cluster_memo *m, const px_clusterer *c)
{
    int numbers = c->o.number_weight > 0;
    if (strlen(c->o.language) >= sizeof m->language)
        return 0;
    if (!m->bound) {
        m->bound = 1;
        snprintf(m->language, sizeof m->language, "%s", c->o.language);
        m->numbers = numbers;
        m->bg = c->bg;
    }
    return strcmp(m->language, c->o.language) == 0 && m->numbers == numbers && m->bg == c->bg;
}

/* What identifies an article's reading: its title (or none) and body. */
static uint64_t article_fingerprint(const px_article *a)
{
    uint64_t h = a->title ? XXH64(a->title, strlen(a->title), 0x6d656d6f) : 0x7469746c65;
    return a->body ? XXH64(a->body, strlen(a->body), h) : h ^ 0x626f6479;
}

/* Puts the memo's trace of an article into c->trace, as trace_article
 * would have: the same terms met in the same order get the same ids. */
static int memo_replay(px_clusterer *c, const px_cluster_memo *m, const memo_doc *d)
{
    term_trace *t = &c->trace;
    t->n = t->n_title = t->n_pairs = 0;
    if (c->memo_generation != m->generation) {
        if (c->memo_vocab)
            memset(c->memo_vocab, 0, c->memo_vocab_cap * sizeof *c->memo_vocab);
        c->memo_generation = m->generation;
    }
    for (uint32_t i = 0; i < d->n; i++) {
        uint32_t mid = m->e[d->at + i] & TRACE_ID_MASK, id;
        unsigned kind = m->e[d->at + i] >> TRACE_KIND_SHIFT;
        if (m->pair[mid]) { /* its key needs this clusterer's id of the word before */
            if (!t->n || trace_figure_pair(c, t, m->terms.key_of[mid] ^ PAIR_SALT, t->e[t->n - 1] & TRACE_ID_MASK))
                return PX_ENOMEM;
            continue;
        }
        if (mid < c->memo_vocab_cap && c->memo_vocab[mid]) {
            id = c->memo_vocab[mid] - 1;
        } else {
            size_t known = c->voc.n;
            id = vocab_id(&c->voc, m->terms.key_of[mid]);
            if (id == UINT32_MAX || id > TRACE_ID_MASK ||
                px_grow(&c->memo_vocab, &c->memo_vocab_cap, (size_t)mid + 1, sizeof *c->memo_vocab, 1 << 14, 1))
                return PX_ENOMEM;
            if (c->voc.n > known)
                c->voc.bg[id] = m->terms.bg[mid];
            c->memo_vocab[mid] = id + 1;
        }
        if (trace_id(t, id, kind))
            return PX_ENOMEM;
    }
    t->n_title = d->n_title;
    return PX_OK;
}

/* Moves the entries of doc k's reading to e[at...] (at is never past
 * where they stand), its terms renumbered in terms and pair (the new term
 * table being built). */
static int memo_move_doc(px_cluster_memo *m, size_t k, size_t at, vocab *terms, uint8_t **pair,
                         size_t *cap_pair)
{
    memo_doc d = m->doc[k];
    for (uint32_t i = 0; i < d.n; i++) {
        uint32_t e = m->e[d.at + i], mid = e & TRACE_ID_MASK;
        size_t known = terms->n;
        uint32_t id = vocab_id(terms, m->terms.key_of[mid]);
        if (id == UINT32_MAX || px_grow(pair, cap_pair, (size_t)id + 1, sizeof **pair, 1 << 14, 1))
            return PX_ENOMEM;
        if (terms->n > known) {
            terms->bg[id] = m->terms.bg[mid];
            (*pair)[id] = m->pair[mid];
        }
        m->e[at + i] = id | (e & ~TRACE_ID_MASK);
    }
    m->doc[k] = (memo_doc){at, d.n, d.n_title};
    return PX_OK;
}

/* Drops the readings kept before the first-th (the oldest), so that what
 * the memo holds follows the articles read last (an ingest's window) and
 * not how long it has run: the others move to the front, in order, with
 * their terms renumbered (the terms only dropped readings used go), and
 * the clusterers drop their term caches. Out of memory it empties. */
static void memo_drop_oldest(px_cluster_memo *m, size_t first)
{
    vocab terms = {0}, docs = {0};
    uint8_t *pair = NULL;
    size_t cap_pair = 0, at = 0, n = 0;
    int rc = PX_OK;
    for (size_t k = first; rc == PX_OK && k < m->n_doc; k++, n++) {
        size_t len = m->doc[k].n;
        rc = memo_move_doc(m, k, at, &terms, &pair, &cap_pair);
        if (rc == PX_OK && vocab_id(&docs, m->docs.key_of[k]) != n)
            rc = PX_ENOMEM;
        if (rc == PX_OK)
            m->doc[n] = m->doc[k];
        at += len;
    }
    memo_empty(m);
    if (rc != PX_OK) {
        vocab_free(&terms);
        vocab_free(&docs);
        free(pair);
        return;
    }
    free(m->pair);
    m->terms = terms;
    m->docs = docs;
    m->pair = pair;
    m->cap_pair = cap_pair;
    m->n_doc = n;
    m->n_e = at;
}

/* Makes room for a reading of n entries: past m->readings and a quarter
 * readings the oldest go down to m->readings, and past max_entries entries
 * down to half of it, so that dropping costs a constant per reading kept. */
static void memo_make_room(px_cluster_memo *m, size_t n)
{
    size_t first = 0;
    if (m->n_doc + 1 > m->readings + m->readings / 4)
        first = m->n_doc + 1 - m->readings;
    if (m->n_e + n > m->max_entries) {
        size_t kept = 0, k = m->n_doc;
        while (k > first && kept + m->doc[k - 1].n + n <= m->max_entries / 2)
            kept += m->doc[--k].n;
        first = k;
    }
    if (first)
        memo_drop_oldest(m, first);
}

/* Keeps c->trace, the reading of the article with fingerprint fp, in the
 * memo, the oldest readings dropped when it would grow past its bounds.
 * Failing to keep it changes nothing but speed. */
static void memo_keep(px_clusterer *c, px_cluster_memo *m, uint64_t fp)
{
    const term_trace *t = &c->trace;
    if (t->n > m->max_entries)
        return;
    memo_make_room(m, t->n);
    if (px_grow(&m->e, &m->cap_e, m->n_e + t->n + 1, sizeof *m->e, 4096, 0) ||
        px_grow(&m->doc, &m->cap_doc, m->n_doc + 1, sizeof *m->doc, 256, 0))
        return;
    for (size_t i = 0, p = 0; i < t->n; i++) {
        int pair = p < t->n_pairs && t->pair_at[p] == i;
        uint32_t id = t->e[i] & TRACE_ID_MASK;
        uint64_t key = pair ? t->pair_figure[p++] ^ PAIR_SALT : c->voc.key_of[id];
        size_t known = m->terms.n;
        uint32_t mid = vocab_id(&m->terms, key);
        if (mid == UINT32_MAX || mid > TRACE_ID_MASK ||
            px_grow(&m->pair, &m->cap_pair, (size_t)mid + 1, sizeof *m->pair, 1 << 14, 1))
            return;
        if (m->terms.n > known) {
            m->terms.bg[mid] = c->voc.bg[id];
            m->pair[mid] = (uint8_t)pair;
        } else if (m->pair[mid] != pair) {
            return; /* a figure's key met as a term's: not kept, to stay exact */
        }
        m->e[m->n_e + i] = mid | (t->e[i] & ~TRACE_ID_MASK);
    }
    size_t known = m->docs.n;
    uint32_t k = vocab_id(&m->docs, fp);
    if (k == UINT32_MAX || m->docs.n == known) /* out of memory, or kept already */
        return;
    m->doc[k] = (memo_doc){m->n_e, (uint32_t)t->n, (uint32_t)t->n_title};
    m->n_doc = k + 1;
    m->n_e += t->n;
}

/* Reads a into c->trace: from the memo when it holds a's reading, else by
 * tracing it (and keeping the trace there). */
static int read_article(px_clusterer *c, const px_article *a)
{
    px_cluster_memo *m = c->memo && memo_fits(c->memo, c) ? c->memo : NULL;
    uint64_t fp = m ? article_fingerprint(a) : 0;
    uint32_t k = fp ? vocab_find(&m->docs, fp) : UINT32_MAX;
    if (k != UINT32_MAX)
        return memo_replay(c, m, &m->doc[k]);
    const px_tokens *body;
    int rc = trace_article(c, a, &c->trace, &body);
    if (rc == PX_OK && fp)
        memo_keep(c, m, fp);
    return rc;
}

/* The weight of one occurrence of a term of the kind, in plain words. */
static double kind_weight(const px_clusterer *c, unsigned kind)
{
    switch (kind) {
    case TRACE_PLAIN:
    case TRACE_DATE_WORD:
        return 1.0;
    case TRACE_NUMBER:
    case TRACE_DATE_NUMBER:
        return c->o.number_weight;
    default:
        return c->o.entity_weight;
    }
}

/* The channel a traced kind feeds, -1 for none. */
static int channel_of_kind(unsigned kind)
{
    switch (kind) {
    case TRACE_NAME:
    case TRACE_PAIR:
        return CH_NAMES;
    case TRACE_NUMBER:
        return CH_NUMBERS;
    case TRACE_DATE_NUMBER:
    case TRACE_DATE_WORD:
        return CH_DATES;
    default:
        return -1;
    }
}

/* Counts the traced terms e[0..n) into c->tf / c->dense; base is the
 * weight of one plain occurrence. */
static int replay(px_clusterer *c, const uint32_t *e, size_t n, double base)
{
    int rc = PX_OK;
    for (size_t i = 0; i < n && rc == PX_OK; i++) {
        uint32_t id = e[i] & TRACE_ID_MASK;
        unsigned kind = e[i] >> TRACE_KIND_SHIFT;
        rc = add_tf(c, id, base * kind_weight(c, kind));
        int ch = channel_of_kind(kind);
        if (rc == PX_OK && ch >= 0)
            rc = note_term(&c->ch_terms[ch], &c->n_ch_terms[ch], &c->cap_ch_terms[ch], id);
        if (kind == TRACE_PLAIN || kind == TRACE_NAME || kind == TRACE_DATE_WORD)
            c->doc_tokens += 1;
    }
    return rc;
}

/* Collects the term frequencies of the traced article into c->tf / c->dense. */
static int collect_terms(px_clusterer *c, const term_trace *t)
{
    c->tf_n = 0;
    c->doc_tokens = 0;
    for (int k = 0; k < N_CHANNELS; k++)
        c->n_ch_terms[k] = 0;
    if (!t->n)
        return PX_OK; /* nothing traced: t->e may be NULL */
    int rc = PX_OK;
    if (c->o.title_weight > 0)
        rc = replay(c, t->e, t->n_title, c->o.title_weight);
    if (rc == PX_OK)
        rc = replay(c, t->e + t->n_title, t->n - t->n_title, 1.0);
    return rc;
}

static void clear_dense(px_clusterer *c)
{
    for (size_t i = 0; i < c->tf_n; i++)
        c->dense[c->tf[i].term] = 0;
    c->tf_n = 0;
}

static void count_df(px_clusterer *c)
{
    for (size_t i = 0; i < c->tf_n; i++)
        c->voc.df[c->tf[i].term]++;
    c->voc.docs += 1;
    c->voc.tokens += c->doc_tokens;
}

/* The TF-IDF weight of a collected term (c->dense holding its count). */
static float tfidf(const px_clusterer *c, uint32_t t)
{
    double w = pow(idf(&c->voc, t, c->o.prior_docs, c->bg_total), c->o.idf_power);
    float f = (float)((1.0 + log(c->dense[t])) * w);
    return f > 0 ? f : 1e-6f;
}

/* Divides v by the root of its squared norm plus floor²: a unit vector
 * when floor is 0. */
static void normalise(vec *v, double floor)
{
    double nn = sqrt(norm(v) * norm(v) + floor * floor);
    for (uint32_t i = 0; i < v->n; i++)
        v->v[i].w = (float)(v->v[i].w / nn);
}

/* The norm a numbers or dates vector is given at least: the weight of one
 * term found in 1 % of the documents. A date or figure that most texts
 * carry (a corpus's year, "Jan 31" in every quarterly note) weighs little
 * then, where a unit vector of it alone would make every two such texts
 * agree; one rare date shared weighs most of a cosine. */
static double channel_floor(const px_clusterer *c)
{
    return pow(log(100.0) + 1.0, c->o.idf_power);
}

/* Builds the normalised TF-IDF vector of the collected terms. */
static int make_vec(px_clusterer *c, vec *out)
{
    *out = (vec){0};
    if (!c->tf_n)
        return PX_OK;
    /* weighed in term order (a radix sort of the ids rather than a sort
     * of the vector after): keep_top keeps that order */
    if (px_grow(&c->tf_sorted, &c->tf_sorted_cap, c->tf_n, sizeof *c->tf_sorted, 512, 0))
        return PX_ENOMEM;
    for (size_t i = 0; i < c->tf_n; i++)
        c->tf_sorted[i] = c->tf[i].term;
    term_w *v = malloc(c->tf_n * sizeof *v);
    if (!v || px_sort_u32(c->tf_sorted, c->tf_n)) {
        free(v);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < c->tf_n; i++) {
        uint32_t t = c->tf_sorted[i];
        v[i] = (term_w){t, tfidf(c, t)};
    }
    uint32_t n = (uint32_t)c->tf_n;
    if (keep_top(v, &n, c->o.story_terms, 1) != PX_OK) {
        free(v);
        return PX_ENOMEM;
    }
    out->v = v;
    out->n = n;
    normalise(out, 0);
    /* the dense scratch now holds the normalised weights, for scoring */
    for (size_t i = 0; i < c->tf_n; i++)
        c->dense[c->tf[i].term] = 0;
    for (uint32_t i = 0; i < n; i++)
        c->dense[v[i].term] = v[i].w;
    return PX_OK;
}

/* The article's weights (in c->dense, after make_vec) of the terms read as
 * names: the part of the body vector that says which event
 * it is, beside the words that tell what kind of event it is. Not
 * normalised again: a template's capitalised words (the "Net", "Shr" and
 * "Revs" of earnings notes), which the IDF² makes light, stay light, where
 * a unit vector of them alone would make every two notes look alike. */
static int channel_vec(px_clusterer *c, uint32_t *terms, size_t n, int own_unit, vec *out)
{
    *out = (vec){0};
    if (!n)
        return PX_OK;
    if (px_sort_u32(terms, n))
        return PX_ENOMEM;
    term_w *v = malloc(n * sizeof *v);
    if (!v)
        return PX_ENOMEM;
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++) {
        float w = own_unit ? tfidf(c, terms[i]) : c->dense[terms[i]];
        if ((i && terms[i] == terms[i - 1]) || !(w > 0))
            continue;
        v[k++] = (term_w){terms[i], w};
    }
    if (!k) {
        free(v);
        return PX_OK;
    }
    out->v = v;
    out->n = k;
    if (own_unit)
        normalise(out, channel_floor(c));
    return PX_OK;
}

/* The channel vectors (names, numbers, dates) of the article just
 * vectorised. */
typedef struct channels {
    vec v[N_CHANNELS];
} channels;

/* The numbers and the dates: unit TF-IDF vectors of their own, made from
 * the counts in c->dense before make_vec (few, light terms that the body
 * vector's cut would drop). */
static int event_channels(px_clusterer *c, channels *ch)
{
    int rc = channel_vec(c, c->ch_terms[CH_NUMBERS], c->n_ch_terms[CH_NUMBERS], 1,
                         &ch->v[CH_NUMBERS]);
    if (rc == PX_OK)
        rc = channel_vec(c, c->ch_terms[CH_DATES], c->n_ch_terms[CH_DATES], 1, &ch->v[CH_DATES]);
    return rc;
}

static void channels_free(channels *ch)
{
    for (int k = 0; k < N_CHANNELS; k++)
        free(ch->v[k].v);
    *ch = (channels){0};
}

/* Adds the article's channel vectors to s. */
static int add_channels(story *s, const channels *ch)
{
    int rc = PX_OK;
    for (int k = 0; k < N_CHANNELS && rc == PX_OK; k++) {
        if (!ch->v[k].n)
            continue;
        s->n_ch[k]++;
        rc = vec_add(&s->ch_sum[k], &ch->v[k], CHANNEL_TERMS);
    }
    return rc;
}

/* Term frequencies, document frequencies, vector and channels of a, in
 * one go. */
static int article_vec(px_clusterer *c, const term_trace *t, vec *out, channels *ch)
{
    int rc = collect_terms(c, t);
    if (rc == PX_OK) {
        count_df(c);
        rc = event_channels(c, ch);
    }
    if (rc == PX_OK)
        rc = make_vec(c, out);
    if (rc == PX_OK)
        rc = channel_vec(c, c->ch_terms[CH_NAMES], c->n_ch_terms[CH_NAMES], 0, &ch->v[CH_NAMES]);
    return rc;
}

/* The normalised TF-IDF vector of a's title alone (empty without a title);
 * the title says what the event is, where a long body may wander. */
static int title_vec(px_clusterer *c, const px_article *a, const term_trace *t, vec *out)
{
    *out = (vec){0};
    if (!a->title || !*a->title)
        return PX_OK;
    c->tf_n = 0;
    c->doc_tokens = 0;
    int rc = replay(c, t->e, t->n_title, 1.0);
    if (rc == PX_OK)
        rc = make_vec(c, out);
    clear_dense(c);
    return rc;
}

/* Adds the title vector tv to s. */
static int add_title(story *s, const vec *tv)
{
    if (!tv->n)
        return PX_OK;
    s->n_title++;
    return vec_add(&s->title_sum, tv, TITLE_TERMS);
}

/* The document frequencies of a, from its trace (kept in t). */
static int observe_traced(px_clusterer *c, const px_article *a, term_trace *t)
{
    const px_tokens *body = NULL;
    int rc = trace_article(c, a, t, &body);
    if (rc == PX_OK && c->on_body)
        rc = c->on_body(c->on_body_ud, a, body);
    if (rc == PX_OK)
        rc = collect_terms(c, t);
    if (rc == PX_OK)
        count_df(c);
    clear_dense(c);
    return rc;
}

void px_clusterer_on_body_tokens(px_clusterer *c, px_body_tokens_fn fn, void *ud)
{
    c->on_body = fn;
    c->on_body_ud = ud;
}

int px_clusterer_observe(px_clusterer *c, const px_article *a)
{
    return observe_traced(c, a, &c->trace);
}

/* ---- the inverted index ---------------------------------------------------- */

static int posting_add(px_clusterer *c, uint32_t term, story *s)
{
    if (px_grow(&c->post, &c->n_post, (size_t)term + 1, sizeof *c->post, 1 << 12, 1))
        return PX_ENOMEM;
    posting *p = &c->post[term];
    if (px_grow(&p->v, &p->cap, (size_t)p->n + 1, sizeof *p->v, 4, 0))
        return PX_ENOMEM;
    p->v[p->n++] = s;
    return PX_OK;
}

static void posting_remove(px_clusterer *c, uint32_t term, const story *s)
{
    if (term >= c->n_post)
        return;
    posting *p = &c->post[term];
    for (uint32_t i = 0; i < p->n; i++)
        if (p->v[i] == s) {
            memmove(p->v + i, p->v + i + 1, (p->n - i - 1) * sizeof *p->v);
            p->n--;
            return;
        }
}

static void unindex(px_clusterer *c, story *s)
{
    for (uint32_t i = 0; i < s->n_indexed; i++)
        posting_remove(c, s->indexed[i], s);
    s->n_indexed = 0;
}

/* unindex() of every story at once: every posting is an indexed term of
 * a story, so the lists are emptied whole (removing the stories one by
 * one in creation order moved each list's tail once per story). */
static void unindex_all(px_clusterer *c)
{
    for (size_t i = 0; i < c->n_stories; i++)
        if (c->stories[i])
            c->stories[i]->n_indexed = 0;
    for (size_t t = 0; t < c->n_post; t++)
        c->post[t].n = 0;
}

static int has_term(const uint32_t *v, uint32_t n, uint32_t term)
{
    for (uint32_t i = 0; i < n; i++)
        if (v[i] == term)
            return 1;
    return 0;
}

/* Puts the top index_terms terms of s's centroid in the index, touching
 * only the postings of the terms that entered or left the top list. */
/* Indexes the top terms taken before, when the centroid has not changed
 * since: they are the ones reindex would take again. */
static int reindex_known(px_clusterer *c, story *s)
{
    int rc = PX_OK;
    for (uint32_t i = 0; i < s->n_top && rc == PX_OK; i++)
        rc = posting_add(c, s->indexed[i], s);
    s->n_indexed = s->n_top;
    if (rc)
        unindex(c, s);
    return rc;
}

static int reindex(px_clusterer *c, story *s)
{
    if (s->top_known && s->n_indexed == s->n_top)
        return PX_OK;
    if (s->top_known && s->n_indexed == 0)
        return reindex_known(c, s);
    uint32_t n = s->centroid.n;
    term_w *top = malloc((n ? n : 1) * sizeof *top);
    uint32_t *fresh = malloc((n ? n : 1) * sizeof *fresh);
    if (!top || !fresh) {
        free(top);
        free(fresh);
        return PX_ENOMEM;
    }
    if (n) /* an empty centroid (stopwords only) has no vector */
        memcpy(top, s->centroid.v, n * sizeof *top);
    if (keep_top(top, &n, c->o.index_terms, 1) != PX_OK) {
        free(top);
        free(fresh);
        return PX_ENOMEM;
    }
    for (uint32_t i = 0; i < n; i++)
        fresh[i] = top[i].term;
    free(top);
    for (uint32_t i = 0; i < s->n_indexed; i++)
        if (!has_term(fresh, n, s->indexed[i]))
            posting_remove(c, s->indexed[i], s);
    int rc = PX_OK;
    for (uint32_t i = 0; i < n && rc == PX_OK; i++)
        if (!has_term(s->indexed, s->n_indexed, fresh[i]))
            rc = posting_add(c, fresh[i], s);
    free(s->indexed);
    s->indexed = fresh;
    s->n_indexed = s->n_top = n;
    s->top_known = 1;
    if (rc)
        unindex(c, s);
    return rc;
}

/* ---- story bookkeeping ----------------------------------------------------- */

static story *find_story(const px_clusterer *c, uint64_t id)
{
    for (story *s = c->by_id[id % c->id_buckets]; s; s = s->next_by_id)
        if (s->id == id)
            return s;
    return NULL;
}

static void unlink_id(px_clusterer *c, story *s)
{
    story **pp = &c->by_id[s->id % c->id_buckets];
    while (*pp && *pp != s)
        pp = &(*pp)->next_by_id;
    if (*pp)
        *pp = s->next_by_id;
}

static int link_id(px_clusterer *c, story *s)
{
    if (c->n_held + 1 > c->id_buckets * 2) {
        size_t nb = c->id_buckets * 4;
        story **b = calloc(nb, sizeof *b);
        if (!b)
            return PX_ENOMEM;
        for (size_t i = 0; i < c->id_buckets; i++)
            for (story *x = c->by_id[i], *next; x; x = next) {
                next = x->next_by_id;
                x->next_by_id = b[x->id % nb];
                b[x->id % nb] = x;
            }
        free(c->by_id);
        c->by_id = b;
        c->id_buckets = nb;
    }
    s->next_by_id = c->by_id[s->id % c->id_buckets];
    c->by_id[s->id % c->id_buckets] = s;
    return PX_OK;
}

/* ---- the undated window ---------------------------------------------------- */

static int arrival_before(const arrival *a, const arrival *b)
{
    return a->pos < b->pos || (a->pos == b->pos && a->story < b->story);
}

static void swap_arrivals(arrival *a, arrival *b)
{
    arrival t = *a;
    *a = *b;
    *b = t;
}

/* Notes that s, which has no dated article, last grew at s->last_pos. */
static int note_undated(px_clusterer *c, const story *s)
{
    if (!c->o.window_articles || s->first_day != NO_DAY)
        return PX_OK;
    if (px_grow(&c->undated_heap, &c->cap_undated_heap, c->n_undated_heap + 1, sizeof *c->undated_heap,
                256, 0))
        return PX_ENOMEM;
    arrival *h = c->undated_heap;
    size_t i = c->n_undated_heap++;
    h[i] = (arrival){s->last_pos, s->id};
    for (; i > 0 && arrival_before(&h[i], &h[(i - 1) / 2]); i = (i - 1) / 2)
        swap_arrivals(&h[i], &h[(i - 1) / 2]);
    return PX_OK;
}

static arrival pop_undated(px_clusterer *c)
{
    arrival *h = c->undated_heap, top = h[0];
    h[0] = h[--c->n_undated_heap];
    for (size_t i = 0, n = c->n_undated_heap;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && arrival_before(&h[l], &h[m]))
            m = l;
        if (r < n && arrival_before(&h[r], &h[m]))
            m = r;
        if (m == i)
            break;
        swap_arrivals(&h[i], &h[m]);
        i = m;
    }
    return top;
}

static story *new_story(px_clusterer *c, uint64_t id)
{
    if (c->n_stories == c->cap_stories) {
        /* drop the holes left by freed stories before growing */
        size_t w = 0;
        for (size_t i = 0; i < c->n_stories; i++)
            if (c->stories[i]) {
                c->stories[i]->slot = w;
                c->stories[w++] = c->stories[i];
            }
        c->n_stories = w;
        if (w == c->cap_stories || w * 2 > c->cap_stories) {
            size_t cap = c->cap_stories ? c->cap_stories * 2 : 256;
            story **v = realloc(c->stories, cap * sizeof *v);
            if (!v)
                return NULL;
            c->stories = v;
            c->cap_stories = cap;
        }
    }
    story *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->id = id;
    s->seq = c->seq++;
    s->first_day = s->last_day = NO_DAY;
    s->clock_day = NO_DAY;
    s->start_day = NO_DAY;
    s->active = 1;
    s->slot = c->n_stories;
    if (link_id(c, s)) {
        free(s);
        return NULL;
    }
    c->stories[c->n_stories++] = s;
    c->n_held++;
    c->n_active++;
    c->st.stories_started++;
    return s;
}

static int add_source(story *s, const char *src)
{
    if (!src || !*src)
        return PX_OK;
    for (size_t i = 0; i < s->n_sources; i++)
        if (strcmp(s->sources[i], src) == 0)
            return PX_OK;
    if (px_grow(&s->sources, &s->cap_sources, s->n_sources + 1, sizeof *s->sources, 4, 0))
        return PX_ENOMEM;
    if (!(s->sources[s->n_sources] = px_strdup(src)))
        return PX_ENOMEM;
    s->n_sources++;
    return PX_OK;
}

static void note_date(story *s, const char *iso, long day)
{
    if (day == NO_DAY)
        return;
    if (s->first_day == NO_DAY || day < s->first_day ||
        (day == s->first_day && strcmp(iso, s->first) < 0)) {
        s->first_day = day;
        snprintf(s->first, sizeof s->first, "%s", iso);
    }
    if (s->last_day == NO_DAY || day > s->last_day ||
        (day == s->last_day && strcmp(iso, s->last) > 0)) {
        s->last_day = day;
        snprintf(s->last, sizeof s->last, "%s", iso);
    }
}

/* Adds day to s's sorted distinct days. Articles mostly come in date
 * order, so the place is looked for from the end. */
static int note_day(story *s, long day)
{
    size_t i = s->n_days;
    while (i > 0 && s->days[i - 1] > day)
        i--;
    if (i > 0 && s->days[i - 1] == day)
        return PX_OK;
    if (px_grow(&s->days, &s->cap_days, s->n_days + 1, sizeof *s->days, 4, 0))
        return PX_ENOMEM;
    memmove(s->days + i + 1, s->days + i, (s->n_days - i) * sizeof *s->days);
    s->days[i] = day;
    s->n_days++;
    return PX_OK;
}

/* The sorted distinct days of a and b, into a. */
static int merge_days(story *a, const story *b)
{
    if (!b->n_days)
        return PX_OK;
    size_t cap = a->n_days + b->n_days;
    long *v = malloc(cap * sizeof *v);
    if (!v)
        return PX_ENOMEM;
    size_t i = 0, j = 0, n = 0;
    while (i < a->n_days || j < b->n_days) {
        long d = j >= b->n_days || (i < a->n_days && a->days[i] <= b->days[j]) ? a->days[i++]
                                                                               : b->days[j++];
        if (!n || v[n - 1] != d)
            v[n++] = d;
    }
    free(a->days);
    a->days = v;
    a->n_days = n;
    a->cap_days = cap;
    return PX_OK;
}

static int grow_members(story *s)
{
    if (s->n < s->cap)
        return PX_OK;
    size_t cap = s->cap ? s->cap * 2 : 4;
    char **ids = realloc(s->ids, cap * sizeof *ids);
    if (ids)
        s->ids = ids;
    char **titles = realloc(s->titles, cap * sizeof *titles);
    if (titles)
        s->titles = titles;
    vec *vecs = realloc(s->vecs, cap * sizeof *vecs);
    if (vecs)
        s->vecs = vecs;
    unsigned char *copy = realloc(s->copy, cap);
    if (copy)
        s->copy = copy;
    unsigned char *undated = realloc(s->undated, cap);
    if (undated)
        s->undated = undated;
    if (!ids || !titles || !vecs || !copy || !undated)
        return PX_ENOMEM;
    s->cap = cap;
    return PX_OK;
}

/* Without retain nothing revisits the members, so a member's vector is
 * dropped once it is in the centroid, except the one of the titled member
 * closest to the current centroid: each newcomer challenges it, and the
 * winner's title is the story's. One vector per story instead of one per
 * article. */
static void fold_vector(px_clusterer *c, story *s, size_t i)
{
    size_t drop = i;
    if (s->titles[i]) {
        if (!s->has_champion) {
            s->has_champion = 1;
            s->title_at = i;
            drop = SIZE_MAX;
        } else if (dot(&s->vecs[i], &s->centroid) > dot(&s->vecs[s->title_at], &s->centroid)) {
            drop = s->title_at;
            s->title_at = i;
        }
        s->title_valid = 0;
    }
    if (drop != SIZE_MAX && s->vecs[drop].n) {
        free(s->vecs[drop].v);
        s->vecs[drop] = (vec){0};
        c->st.member_vectors--;
    }
}

/* Appends an article to s; v (may be empty) becomes the story's. */
static int same_language(const story *a, const story *b)
{
    return strcmp(a->lang, b->lang) == 0;
}

static int add_member(px_clusterer *c, story *s, const px_article *a, long day, vec *v,
                      int is_copy)
{
    int rc = grow_members(s);
    if (rc)
        return rc;
    if (!s->lang[0])
        px_language_primary(a->language, s->lang);
    char *id = px_strdup(a->id ? a->id : "");
    char *title = a->title ? px_strdup(a->title) : NULL;
    if (!id || (a->title && !title)) {
        free(id);
        free(title);
        return PX_ENOMEM;
    }
    size_t i = s->n++;
    s->ids[i] = id;
    s->titles[i] = title;
    s->vecs[i] = *v;
    *v = (vec){0};
    s->copy[i] = (unsigned char)is_copy;
    s->undated[i] = day == NO_DAY;
    if (day != NO_DAY) {
        note_date(s, a->date, day);
        if (c->o.retain && note_day(s, day))
            return PX_ENOMEM;
    }
    s->last_pos = c->pos;
    long clock_day = day != NO_DAY ? day : c->clock;
    if (clock_day != NO_DAY && (s->clock_day == NO_DAY || clock_day > s->clock_day))
        s->clock_day = clock_day;
    if (clock_day != NO_DAY && (s->start_day == NO_DAY || clock_day < s->start_day))
        s->start_day = clock_day;
    s->title_valid = 0;
    c->st.articles++;
    if (++c->st.held_articles > c->st.peak_held_articles)
        c->st.peak_held_articles = c->st.held_articles;
    rc = add_source(s, a->source);
    if (rc == PX_OK && s->vecs[i].n) {
        s->n_vec++;
        c->st.member_vectors++;
        rc = vec_add(&s->centroid, &s->vecs[i], c->o.story_terms);
        s->top_known = 0;
        s->centroid_norm = norm(&s->centroid);
        if (rc == PX_OK && s->active)
            rc = reindex(c, s);
        if (!c->o.retain)
            fold_vector(c, s, i);
    }
    return rc == PX_OK ? note_undated(c, s) : rc;
}

/* The title of the member closest to the centroid. */
static const char *central_title(story *s)
{
    if (s->title_valid)
        return s->title;
    double best = -1;
    const char *t = NULL;
    /* retain = 0: the choice made as the members joined */
    int chosen = s->has_champion && s->title_at < s->n;
    if (chosen)
        t = s->titles[s->title_at];
    for (size_t i = 0; i < s->n && !chosen; i++) {
        if (!s->titles[i])
            continue;
        double d = s->vecs[i].n ? dot(&s->vecs[i], &s->centroid) : 0;
        if (d > best) {
            best = d;
            t = s->titles[i];
        }
    }
    free(s->title);
    s->title = t ? px_strdup(t) : NULL;
    s->title_valid = 1;
    return s->title;
}

static const px_story *view_of(px_clusterer *c, story *s)
{
    px_story *v = &c->view;
    v->id = s->id;
    v->title = central_title(s);
    v->article_ids = s->ids;
    v->copy = s->copy;
    v->undated = s->undated;
    v->n_articles = s->n;
    v->sources = s->sources;
    v->n_sources = s->n_sources;
    v->first = s->first_day != NO_DAY ? s->first : NULL;
    v->last = s->last_day != NO_DAY ? s->last : NULL;
    v->active = s->active;
    return v;
}

static void remove_story(px_clusterer *c, size_t slot)
{
    story *s = c->stories[slot];
    unlink_id(c, s);
    if (s->active) {
        unindex(c, s);
        c->n_active--;
    }
    c->stories[slot] = NULL;
    c->n_held--;
    c->st.held_articles -= s->n;
    for (size_t i = 0; i < s->n; i++)
        if (s->vecs[i].n)
            c->st.member_vectors--;
    story_free(s);
}

static void close_story(px_clusterer *c, size_t slot)
{
    story *s = c->stories[slot];
    central_title(s);
    unindex(c, s);
    s->active = 0;
    c->n_active--;
    c->st.stories_closed++;
    if (c->o.on_close)
        c->o.on_close(view_of(c, s), c->o.on_close_ud);
    if (!c->o.retain)
        remove_story(c, slot);
}

static void age_out(px_clusterer *c)
{
    if (c->clock == NO_DAY)
        return;
    for (size_t i = 0; i < c->n_stories; i++) {
        story *s = c->stories[i];
        if (s && s->active && s->clock_day != NO_DAY &&
            ((double)(c->clock - s->clock_day) > c->o.window_days ||
             (c->o.max_span_days > 0 && s->start_day != NO_DAY &&
              (double)(c->clock - s->start_day) > c->o.max_span_days)))
            close_story(c, i);
    }
}

/* Closes the stories with no dated article that window_articles articles
 * have passed: pos - last_pos > window_articles. Each story's newest entry
 * decides; older ones (it grew or merged since) are dropped as they come up. */
static void close_undated_before(px_clusterer *c, uint64_t pos)
{
    while (c->n_undated_heap && pos > c->undated_heap[0].pos &&
           pos - c->undated_heap[0].pos > c->o.window_articles) {
        arrival top = pop_undated(c);
        story *s = find_story(c, top.story);
        if (s && s->active && s->first_day == NO_DAY && s->last_pos == top.pos)
            close_story(c, s->slot);
    }
}

/* ---- forgetting terms ------------------------------------------------------ */

/* A term that no held story refers to and no article of the last
 * window_articles holds is forgotten: its document frequency is dropped and
 * its id goes to the terms after it, so that the vocabulary follows the
 * active window instead of growing with the stream (a stream where each
 * article brings a number of its own). Ids are renumbered in their order,
 * so every sorted vector stays sorted and every sum keeps its order: until
 * a forgotten term comes back (then new, at the end, with its frequency
 * counted afresh), the stories are those of a clusterer that forgot
 * nothing. Only on a stream (retain = 0, window_articles set): the batch
 * pass revisits every member. */

static void mark_vec(unsigned char *keep, const vec *v)
{
    for (uint32_t i = 0; i < v->n; i++)
        keep[v->v[i].term] = 1;
}

static void renumber_vec(const uint32_t *to, vec *v)
{
    for (uint32_t i = 0; i < v->n; i++)
        v->v[i].term = to[v->v[i].term];
}

/* Marks in keep every term s refers to. */
static void mark_story(unsigned char *keep, const story *s)
{
    mark_vec(keep, &s->centroid);
    mark_vec(keep, &s->title_sum);
    for (int k = 0; k < N_CHANNELS; k++)
        mark_vec(keep, &s->ch_sum[k]);
    for (size_t i = 0; i < s->n; i++)
        mark_vec(keep, &s->vecs[i]);
    for (uint32_t i = 0; i < s->n_indexed; i++)
        keep[s->indexed[i]] = 1;
}

static void renumber_story(const uint32_t *to, story *s)
{
    renumber_vec(to, &s->centroid);
    renumber_vec(to, &s->title_sum);
    for (int k = 0; k < N_CHANNELS; k++)
        renumber_vec(to, &s->ch_sum[k]);
    for (size_t i = 0; i < s->n; i++)
        renumber_vec(to, &s->vecs[i]);
    for (uint32_t i = 0; i < s->n_indexed; i++)
        s->indexed[i] = to[s->indexed[i]];
}

/* Which terms stay: those an article of the last window_articles held, and
 * those a held story refers to. Returns how many. */
static size_t mark_kept(const px_clusterer *c, unsigned char *keep)
{
    for (size_t i = 0; i < c->voc.n; i++) {
        uint64_t seen = i < c->term_seen_cap ? c->term_seen[i] : 0;
        keep[i] = c->pos <= seen || c->pos - seen <= c->o.window_articles;
    }
    for (size_t i = 0; i < c->n_stories; i++)
        if (c->stories[i])
            mark_story(keep, c->stories[i]);
    size_t kept = 0;
    for (size_t i = 0; i < c->voc.n; i++)
        kept += keep[i];
    return kept;
}

/* Moves each kept term's data to its new id (to[i] <= i, rising), frees the
 * postings of the others, and hashes the kept keys again. */
static void compact_vocab(px_clusterer *c, const unsigned char *keep, const uint32_t *to)
{
    vocab *v = &c->voc;
    for (size_t i = 0; i < v->n; i++) {
        posting p = i < c->n_post ? c->post[i] : (posting){0};
        if (i < c->n_post)
            c->post[i] = (posting){0};
        if (!keep[i]) {
            free(p.v);
            continue;
        }
        uint32_t k = to[i];
        v->df[k] = v->df[i];
        v->bg[k] = v->bg[i];
        v->key_of[k] = v->key_of[i];
        if (i < c->term_seen_cap)
            c->term_seen[k] = c->term_seen[i], c->term_seen[i] = 0;
        if (k < c->n_post)
            c->post[k] = p;
    }
    size_t kept = v->n ? to[v->n - 1] + keep[v->n - 1] : 0;
    memset(v->keys, 0, v->cap * sizeof *v->keys);
    for (size_t k = 0; k < kept; k++) {
        size_t slot = (size_t)(v->key_of[k] * 0x9e3779b97f4a7c15ull >> 17) & (v->cap - 1);
        while (v->keys[slot])
            slot = (slot + 1) & (v->cap - 1);
        v->keys[slot] = v->key_of[k];
        v->ids[slot] = (uint32_t)k;
    }
    v->n = kept;
}

/* The caches of term ids by lexicon term and by memo term are emptied:
 * they fill again by key, which finds the new ids. */
static void forget_term_caches(px_clusterer *c)
{
    for (size_t i = 0; i < c->n_lex; i++)
        if (c->lex[i].stem_vocab)
            memset(c->lex[i].stem_vocab, 0, c->lex[i].stem_vocab_cap * sizeof *c->lex[i].stem_vocab);
    if (c->memo_vocab)
        memset(c->memo_vocab, 0, c->memo_vocab_cap * sizeof *c->memo_vocab);
}

/* Forgets the terms that left the window (see above). Run when the
 * vocabulary has grown by half of what the last run kept (or of the held
 * stories, whose vectors it reads), so that its cost per new term is
 * constant. Out of memory it forgets nothing. */
static void forget_terms(px_clusterer *c)
{
    size_t n = c->voc.n;
    unsigned char *keep = malloc(n ? n : 1);
    uint32_t *to = malloc((n ? n : 1) * sizeof *to);
    size_t kept = keep && to ? mark_kept(c, keep) : n;
    if (kept < n) {
        for (size_t i = 0, k = 0; i < n; i++)
            to[i] = (uint32_t)k, k += keep[i];
        compact_vocab(c, keep, to);
        for (size_t i = 0; i < c->n_stories; i++)
            if (c->stories[i])
                renumber_story(to, c->stories[i]);
        forget_term_caches(c);
        c->st.terms_forgotten += n - kept;
    }
    free(keep);
    free(to);
    size_t base = kept > c->n_held ? kept : c->n_held;
    c->sweep_at = c->voc.n + base / 2 + 256;
}

static int forgets_terms(const px_clusterer *c)
{
    return !c->o.retain && c->o.window_articles && !c->replay && c->pos > c->o.window_articles;
}

/* An article arrives: it takes the next position, the undated stories it
 * leaves window_articles behind close first, then the terms no one holds
 * any more may be forgotten. */
static void arrive(px_clusterer *c)
{
    c->pos = c->next_pos++;
    if (c->o.window_articles)
        close_undated_before(c, c->pos);
    if (forgets_terms(c) && c->voc.n >= c->sweep_at)
        forget_terms(c);
}

void px_clusterer_set_position(px_clusterer *c, uint64_t position) { c->next_pos = position; }

int px_clusterer_advance(px_clusterer *c, long day)
{
    if (c->clock == NO_DAY || day > c->clock) {
        c->clock = day;
        age_out(c);
    }
    return PX_OK;
}

int px_clusterer_close_all(px_clusterer *c)
{
    for (size_t i = 0; i < c->n_stories; i++)
        if (c->stories[i] && c->stories[i]->active)
            close_story(c, i);
    return PX_OK;
}

void px_clusterer_foreach(px_clusterer *c, px_story_fn fn, void *ud)
{
    for (size_t i = 0; i < c->n_stories; i++)
        if (c->stories[i])
            fn(view_of(c, c->stories[i]), ud);
}

/* ---- the online step --------------------------------------------------------- */

static long article_day(const px_article *a)
{
    long day;
    if (a->date && px_date_days(a->date, &day) == PX_OK)
        return day;
    return NO_DAY;
}

static double days_apart(const story *s, long day)
{
    if (day == NO_DAY || s->first_day == NO_DAY)
        return 0;
    if (day < s->first_day)
        return (double)(s->first_day - day);
    if (day > s->last_day)
        return (double)(day - s->last_day);
    return 0;
}

/* Average link: the mean cosine of the article in c->dense with the members
 * of s (the centroid is the sum of their unit vectors). Unlike the cosine
 * with the centroid it does not grow as a story gets more diffuse. */
static double score_story(const px_clusterer *c, const story *s)
{
    if (!s->n_vec)
        return 0;
    double d = 0;
    for (uint32_t i = 0; i < s->centroid.n; i++)
        d += (double)s->centroid.v[i].w * c->dense[s->centroid.v[i].term];
    return d / (double)s->n_vec;
}

/* Average link over one channel: the mean dot product between the
 * members' vectors on either side, from their sums (ab, or computed when
 * negative); -1 when a side has none. */
static double link_of(double ab, size_t na, size_t nb)
{
    return na && nb ? ab / ((double)na * (double)nb) : -1;
}

static double channel_link(const vec *a, size_t na, const vec *b, size_t nb)
{
    return na && nb ? link_of(dot(a, b), na, nb) : -1;
}

/* The score that stands for even odds: the default join threshold, so that
 * by default an article joins when the model gives it even odds or more. */
#define EVEN_ODDS_SCORE 0.12

/* The learned similarity in the units of a body cosine: the model's
 * log-odds divided by its body weight, shifted so that even odds score
 * EVEN_ODDS_SCORE. */
static double model_score(const px_clusterer *c, const double *x)
{
    return EVEN_ODDS_SCORE + px_story_model_evidence(c->model, x) / c->model->w[0];
}

/* The signals of a pair from its average links (title and the channels:
 * -1 when either side has none) and the days between them. */
static void pair_features(double body, double title, const double *links, double days,
                          double *x)
{
    static const int link_feat[N_CHANNELS] = {PX_STORY_FEAT_NAMES, PX_STORY_FEAT_NUMBERS,
                                              PX_STORY_FEAT_DATES};
    x[PX_STORY_FEAT_BODY] = body;
    x[PX_STORY_FEAT_TITLE] = title < 0 ? 0 : title;
    x[PX_STORY_FEAT_LOG_DAYS] = log1p(days);
    x[PX_STORY_FEAT_NO_TITLE] = title < 0;
    x[PX_STORY_FEAT_NO_NAMES] = links[CH_NAMES] < 0;
    for (int k = 0; k < N_CHANNELS; k++)
        x[link_feat[k]] = links[k] < 0 ? 0 : links[k];
}

static void article_features(const px_clusterer *c, const story *s, const vec *tv,
                             const channels *ch, long day, double *x)
{
    double links[N_CHANNELS];
    for (int k = 0; k < N_CHANNELS; k++)
        links[k] = channel_link(&ch->v[k], ch->v[k].n > 0, &s->ch_sum[k], s->n_ch[k]);
    pair_features(score_story(c, s), channel_link(tv, tv->n > 0, &s->title_sum, s->n_title),
                  links, days_apart(s, day), x);
}

/* The article's join score with s: the learned similarity over its
 * signals, or, with title_threshold set and when higher, its title's
 * average link with the members' titles scaled so that title_threshold
 * counts as the join threshold. */
static double join_score(const px_clusterer *c, const story *s, const vec *tv,
                         const channels *ch, long day, double *x)
{
    article_features(c, s, tv, ch, day, x);
    double sc = model_score(c, x);
    if (c->o.title_threshold > 0 && s->n_title && tv->n) {
        double t = dot(tv, &s->title_sum) / (double)s->n_title;
        t *= c->o.threshold / c->o.title_threshold;
        if (t > sc)
            sc = t;
    }
    return sc;
}

/* Higher acc first, then older: compared inline in top_by_acc's loop. */
static inline int acc_order(const story *x, const story *y)
{
    if (x->acc != y->acc)
        return x->acc > y->acc ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Moves the k best stories of v (by acc, then seq) to its front, in order;
 * cheaper than sorting all of v when k is small. */
static void top_by_acc(story **v, size_t n, size_t k)
{
    if (k > n)
        k = n;
    for (size_t i = 0; i < n; i++) {
        story *x = v[i];
        size_t last = i < k ? i : k;
        if (last == k && acc_order(x, v[k - 1]) >= 0)
            continue;
        /* x goes into the sorted prefix v[0..last) */
        size_t j = last;
        if (j == k)
            v[i] = v[--j]; /* the dropped k-th item takes x's old place */
        while (j > 0 && acc_order(x, v[j - 1]) < 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* The best active story for the vector v (its weights are in c->dense). */
static story *best_story(px_clusterer *c, const px_article *a, const vec *v, const vec *tv,
                         const channels *ch, long day, double *score)
{
    *score = 0;
    char lang[8];
    px_language_primary(a->language, lang);
    if (!v->n)
        return NULL;
    term_w *q = malloc(v->n * sizeof *q);
    if (!q)
        return NULL;
    memcpy(q, v->v, v->n * sizeof *q);
    uint32_t nq = v->n;
    if (keep_top(q, &nq, c->o.query_terms, 1) != PX_OK) {
        free(q);
        return NULL;
    }
    qsort(q, nq, sizeof *q, cmp_weight_desc);
    story **touched = NULL;
    size_t n_touched = 0, cap = 0;
    for (uint32_t i = 0; i < nq; i++) {
        if (q[i].term >= c->n_post)
            continue;
        const posting *p = &c->post[q[i].term];
        /* newest stories first; a term shared by very many stories says
         * little, so only the POSTING_WALK newest of them are looked at */
        uint32_t stop = p->n > POSTING_WALK ? p->n - POSTING_WALK : 0;
        for (uint32_t k = p->n; k-- > stop;) {
            story *s = p->v[k];
            if (!s->touched) {
                if (px_grow(&touched, &cap, n_touched + 1, sizeof *touched, 64, 0))
                    goto done;
                s->touched = 1;
                s->acc = 0;
                touched[n_touched++] = s;
            }
            s->acc += q[i].w;
        }
    }
    top_by_acc(touched, n_touched, c->o.max_candidates);
done:;
    /* With few active stories the index is no shortcut: score them all, so
     * that small inputs do not depend on which terms made the top lists. */
    if (c->n_active <= c->o.max_candidates) {
        for (size_t i = 0; i < n_touched; i++)
            touched[i]->touched = 0;
        n_touched = 0;
        story **all = realloc(touched, (c->n_active ? c->n_active : 1) * sizeof *all);
        if (all) {
            touched = all;
            for (size_t i = 0; i < c->n_stories; i++)
                if (c->stories[i] && c->stories[i]->active)
                    touched[n_touched++] = c->stories[i];
        }
    }
    story *best = NULL;
    for (size_t i = 0; i < n_touched; i++) {
        story *s = touched[i];
        s->touched = 0;
        if (i >= c->o.max_candidates || strcmp(s->lang, lang) != 0)
            continue;
        double x[PX_STORY_FEATURES];
        double sc = join_score(c, s, tv, ch, day, x);
        if (c->o.on_pair)
            c->o.on_pair(a, view_of(c, s), x, sc, c->o.on_pair_ud);
        if (sc > *score || (sc == *score && best && s->seq < best->seq)) {
            *score = sc;
            best = s;
        }
    }
    free(touched);
    free(q);
    return best;
}

static int merge_active_stories(px_clusterer *c, story **s);

static uint64_t story_id_for(const px_article *a, uint64_t seq)
{
    if (a->id && *a->id)
        return XXH64(a->id, strlen(a->id), 0x5707);
    return XXH64(&seq, sizeof seq, 0x5708);
}

/* What an article brings to a story: its body and title vectors and its
 * channels. The body's weights stay in c->dense until clear_dense. */
typedef struct article_vectors {
    vec body, title;
    channels ch;
} article_vectors;

static void article_vectors_free(article_vectors *av)
{
    free(av->body.v);
    free(av->title.v);
    channels_free(&av->ch);
}

static int article_vectors_make(px_clusterer *c, const px_article *a, article_vectors *av)
{
    *av = (article_vectors){0};
    const term_trace *t = c->replay;
    int rc = PX_OK;
    if (!t) {
        rc = read_article(c, a);
        t = &c->trace;
    }
    if (rc == PX_OK)
        rc = title_vec(c, a, t, &av->title);
    if (rc == PX_OK)
        rc = article_vec(c, t, &av->body, &av->ch);
    if (rc) {
        clear_dense(c);
        article_vectors_free(av);
    }
    return rc;
}

/* Makes a an article of s (which takes the body vector) and frees av. */
static int join_story(px_clusterer *c, story *s, const px_article *a, long day, article_vectors *av)
{
    int rc = add_member(c, s, a, day, &av->body, 0);
    if (rc == PX_OK)
        rc = add_title(s, &av->title);
    if (rc == PX_OK)
        rc = add_channels(s, &av->ch);
    article_vectors_free(av);
    return rc;
}

int px_clusterer_add(px_clusterer *c, const px_article *a, px_cluster_assignment *out)
{
    arrive(c);
    long day = article_day(a);
    if (day != NO_DAY)
        px_clusterer_advance(c, day);
    article_vectors av;
    int rc = article_vectors_make(c, a, &av);
    if (rc)
        return rc;
    double score;
    story *s = best_story(c, a, &av.body, &av.title, &av.ch, day, &score);
    clear_dense(c);
    int is_new = 0;
    if (!s || score < c->o.threshold) {
        uint64_t id = story_id_for(a, c->seq);
        while (find_story(c, id))
            id++;
        s = new_story(c, id);
        is_new = 1;
        score = 0;
        if (!s) {
            article_vectors_free(&av);
            return PX_ENOMEM;
        }
    }
    rc = join_story(c, s, a, day, &av);
    if (rc == PX_OK && c->o.active_merge_threshold > 0)
        rc = merge_active_stories(c, &s);
    if (out)
        *out = (px_cluster_assignment){s->id, is_new, score, day == NO_DAY};
    return rc;
}

int px_clusterer_restore(px_clusterer *c, const px_article *a, uint64_t story_id)
{
    arrive(c);
    long day = article_day(a);
    if (day != NO_DAY)
        px_clusterer_advance(c, day);
    story *s = find_story(c, story_id);
    if (!s && !(s = new_story(c, story_id)))
        return PX_ENOMEM;
    article_vectors av;
    int rc = article_vectors_make(c, a, &av);
    if (rc)
        return rc;
    clear_dense(c);
    return join_story(c, s, a, day, &av);
}

int px_clusterer_attach(px_clusterer *c, const px_article *a, uint64_t story_id)
{
    arrive(c); /* first: it may close the story */
    story *s = find_story(c, story_id);
    if (!s) {
        c->next_pos = c->pos; /* px_clusterer_place adds it at the same place */
        return PX_EUSAGE;
    }
    vec none = {0};
    return add_member(c, s, a, article_day(a), &none, 1);
}

int px_clusterer_place(px_clusterer *c, const px_article *a, const uint64_t *original_story,
                       px_cluster_assignment *out)
{
    if (original_story && px_clusterer_attach(c, a, *original_story) == PX_OK) {
        if (out)
            *out = (px_cluster_assignment){*original_story, 0, 0, article_day(a) == NO_DAY};
        return PX_OK;
    }
    return px_clusterer_add(c, a, out);
}

/* ---- batch refinement -------------------------------------------------------- */

/* retain = 0, after a merge: a keeps one member vector, the one of the two
 * titled champions (its own and the one at k, from the merged story) closer
 * to the merged centroid. */
static int keep_one_champion(px_clusterer *c, story *a, size_t k)
{
    size_t drop = k;
    if (!a->has_champion) {
        a->has_champion = 1;
        a->title_at = k;
        return PX_OK;
    }
    if (dot(&a->vecs[k], &a->centroid) > dot(&a->vecs[a->title_at], &a->centroid)) {
        drop = a->title_at;
        a->title_at = k;
    }
    if (a->vecs[drop].n) {
        free(a->vecs[drop].v);
        a->vecs[drop] = (vec){0};
        c->st.member_vectors--;
    }
    return PX_OK;
}

/* Moves every member of b into a and frees b. */
static int merge_into(px_clusterer *c, story *a, size_t b_slot)
{
    story *b = c->stories[b_slot];
    size_t base = a->n;
    for (size_t i = 0; i < b->n; i++) {
        int rc = grow_members(a);
        if (rc)
            return rc;
        size_t k = a->n++;
        a->ids[k] = b->ids[i];
        a->titles[k] = b->titles[i];
        a->vecs[k] = b->vecs[i];
        a->copy[k] = b->copy[i];
        a->undated[k] = b->undated[i];
        b->ids[i] = b->titles[i] = NULL;
        b->vecs[i] = (vec){0};
    }
    for (size_t i = 0; i < b->n_sources; i++)
        if (add_source(a, b->sources[i]))
            return PX_ENOMEM;
    if (b->first_day != NO_DAY) {
        note_date(a, b->first, b->first_day);
        note_date(a, b->last, b->last_day);
        if (merge_days(a, b))
            return PX_ENOMEM;
    }
    if (b->clock_day != NO_DAY && (a->clock_day == NO_DAY || b->clock_day > a->clock_day))
        a->clock_day = b->clock_day;
    if (b->start_day != NO_DAY && (a->start_day == NO_DAY || b->start_day < a->start_day))
        a->start_day = b->start_day;
    a->n_vec += b->n_vec;
    a->n_title += b->n_title;
    int rc = vec_add(&a->centroid, &b->centroid, c->o.story_terms);
    a->top_known = 0;
    if (rc == PX_OK)
        rc = vec_add(&a->title_sum, &b->title_sum, TITLE_TERMS);
    for (int k = 0; k < N_CHANNELS && rc == PX_OK; k++) {
        a->n_ch[k] += b->n_ch[k];
        rc = vec_add(&a->ch_sum[k], &b->ch_sum[k], CHANNEL_TERMS);
    }
    a->centroid_norm = norm(&a->centroid);
    a->title_valid = 0;
    a->version++;
    if (b->last_pos > a->last_pos)
        a->last_pos = b->last_pos;
    if (rc == PX_OK)
        rc = note_undated(c, a);
    if (b->has_champion)
        rc = rc ? rc : keep_one_champion(c, a, base + b->title_at);
    b->n = 0;
    remove_story(c, b_slot);
    return rc;
}

static double interval_gap(const story *a, const story *b)
{
    if (a->first_day == NO_DAY || b->first_day == NO_DAY)
        return 0;
    if (a->last_day < b->first_day)
        return (double)(b->first_day - a->last_day);
    if (b->last_day < a->first_day)
        return (double)(a->first_day - b->last_day);
    return 0;
}

/* Whether coverage links a and b in time: a day of one is within
 * link_days of a day of the other, so that their days together form a
 * chain with no longer gap (each story's own days are one: the online
 * pass's window made it, and the batch pass only merges linked stories;
 * a copy attached whatever its date is the exception). An event covered
 * day after day for months stays linked however long it runs; two events
 * of one kind a year apart are not. Undated members take no part, and a
 * story with no dated member is linked to every story. */
static int linked(const px_clusterer *c, const story *a, const story *b)
{
    double gap = c->o.link_days;
    if (!(gap > 0) || !a->n_days || !b->n_days)
        return 1;
    if (interval_gap(a, b) > gap)
        return 0;
    size_t i = 0, j = 0;
    while (i < a->n_days && j < b->n_days) {
        long d = a->days[i] - b->days[j];
        if ((double)(d < 0 ? -d : d) <= gap)
            return 1;
        if (d < 0)
            i++;
        else
            j++;
    }
    return 0;
}

/* The dot products of two stories' sums: centroids, titles, channels. */
typedef struct story_dots {
    double body, title, ch[N_CHANNELS];
} story_dots;

/* The learned similarity of two stories whose sums have the dot products
 * d: the same model as an article's, over the average links of the two
 * stories' members. */
static double average_link(const px_clusterer *c, const story *a, const story *b,
                           const story_dots *d)
{
    if (!a->n_vec || !b->n_vec)
        return 0;
    double x[PX_STORY_FEATURES], links[N_CHANNELS];
    for (int k = 0; k < N_CHANNELS; k++)
        links[k] = link_of(d->ch[k], a->n_ch[k], b->n_ch[k]);
    pair_features(link_of(d->body, a->n_vec, b->n_vec), link_of(d->title, a->n_title, b->n_title),
                  links, interval_gap(a, b), x);
    return model_score(c, x);
}

/* The dot product of v with a vector scattered in dense (indexed by term).
 * The products of shared terms are summed in term order as dot() sums
 * them, so the two give the same value. */
static double dot_dense(const vec *v, const float *dense)
{
    double d = 0;
    for (uint32_t i = 0; i < v->n; i++)
        d += (double)v->v[i].w * dense[v->v[i].term];
    return d;
}

static void scatter(float *dense, const vec *v, int on)
{
    for (uint32_t i = 0; i < v->n; i++)
        dense[v->v[i].term] = on ? v->v[i].w : 0;
}

/* One story's centroid, title and channel sums scattered by term, so that
 * its similarity with many others costs a walk over theirs only. */
typedef struct story_scatter {
    float *sum[2 + N_CHANNELS]; /* centroid, title sum, channel sums */
} story_scatter;

static const vec *story_sum(const story *s, int k)
{
    return k == 0 ? &s->centroid : k == 1 ? &s->title_sum : &s->ch_sum[k - 2];
}

/* Points sc at the clusterer's zeroed scatter space, sized for every term
 * met so far. */
static int story_scatter_init(px_clusterer *c, story_scatter *sc)
{
    size_t stride = c->dense_cap + 1;
    if (c->story_dense_stride != stride) {
        free(c->story_dense);
        c->story_dense = calloc((2 + N_CHANNELS) * stride, sizeof *c->story_dense);
        c->story_dense_stride = c->story_dense ? stride : 0;
        if (!c->story_dense)
            return PX_ENOMEM;
    }
    for (int k = 0; k < 2 + N_CHANNELS; k++)
        sc->sum[k] = c->story_dense + (size_t)k * stride;
    return PX_OK;
}

/* Scatters s into sc (on) or zeroes its entries again (off). */
static void story_scatter_set(story_scatter *sc, const story *s, int on)
{
    for (int k = 0; k < 2 + N_CHANNELS; k++)
        scatter(sc->sum[k], story_sum(s, k), on);
}

/* The learned similarity of stories s and o, s scattered in sc. */
static double scattered_similarity(const px_clusterer *c, const story *s, const story *o,
                                   const story_scatter *sc)
{
    story_dots d = {dot_dense(&o->centroid, sc->sum[0]), dot_dense(&o->title_sum, sc->sum[1]), {0}};
    for (int k = 0; k < N_CHANNELS; k++)
        d.ch[k] = dot_dense(&o->ch_sum[k], sc->sum[2 + k]);
    return average_link(c, s, o, &d);
}

/* Stories of at least this many articles with vectors are large: their
 * average link is a mean over so many pairs that a low one is not noise. */
#define LARGE_STORY 6

/* The merge threshold is below the join threshold because two stories
 * close in time confirm each other. When one of them has no date at all
 * nothing confirms it, so merging an undated story into a dated one takes
 * the evidence an article needs to join a story. Two large stories take
 * it too: each is one event told many times, and a low average link
 * between them (two fights of one boxer, a coach hired and the same coach
 * fired years later) says two events, where between a large story and an
 * article or two it may be the few articles' noise. */
static double pair_threshold(const px_clusterer *c, const story *a, const story *b,
                             double threshold)
{
    int undated_a = a->first_day == NO_DAY, undated_b = b->first_day == NO_DAY;
    int large = a->n_vec >= LARGE_STORY && b->n_vec >= LARGE_STORY;
    if ((undated_a != undated_b || large) && threshold < c->o.threshold)
        return c->o.threshold;
    return threshold;
}

/* Two stories that coverage does not link in time (linked) confirm each
 * other no more than an undated story does: merging them takes the
 * evidence an article needs to join (the join threshold), not the lower
 * merge threshold. Looked at only for a pair already above its pair
 * threshold, so the walk over their days is rare. */
static int time_allows(const px_clusterer *c, const story *a, const story *b, double sim)
{
    return sim >= c->o.threshold || linked(c, a, b);
}

/* Slot of story s; the stories array is in creation order and active
 * stories are the recent ones, so the walk starts at the end. */
static size_t slot_of_story(const px_clusterer *c, const story *s)
{
    for (size_t i = c->n_stories; i-- > 0;)
        if (c->stories[i] == s)
            return i;
    return SIZE_MAX;
}

/* Online, a story of one article is that article's join score with the
 * other story: below the join threshold it was not enough for the article
 * to join, and merging on less would only lower the threshold. The lower
 * merge threshold is for two stories that each have members that agree. */
static double active_pair_threshold(const px_clusterer *c, const story *a, const story *b)
{
    if (a->n_vec < 2 || b->n_vec < 2)
        return c->o.threshold > c->o.active_merge_threshold ? c->o.threshold
                                                            : c->o.active_merge_threshold;
    return pair_threshold(c, a, b, c->o.active_merge_threshold);
}

/* The active story most similar to s (scattered_similarity, at least its pair
 * threshold), found like an article's candidates: through the index over
 * s's own index terms, every active story when there are few. NULL when
 * none qualifies. */
static story *closest_active(px_clusterer *c, story *s)
{
    story **near = NULL;
    size_t n_near = 0, cap = 0;
    int all = c->n_active <= c->o.max_candidates + 1;
    if (all) {
        near = malloc((c->n_active ? c->n_active : 1) * sizeof *near);
        for (size_t i = 0; near && i < c->n_stories; i++) {
            story *o = c->stories[i];
            if (o && o != s && o->active)
                near[n_near++] = o;
        }
    } else {
        for (uint32_t t = 0; t < s->n_indexed; t++) {
            const posting *p = &c->post[s->indexed[t]];
            uint32_t stop = p->n > POSTING_WALK ? p->n - POSTING_WALK : 0;
            for (uint32_t k = p->n; k-- > stop;) {
                story *o = p->v[k];
                if (o == s)
                    continue;
                if (!o->touched) {
                    if (px_grow(&near, &cap, n_near + 1, sizeof *near, 64, 0))
                        goto done;
                    o->touched = 1;
                    o->acc = 0;
                    near[n_near++] = o;
                }
                o->acc += 1;
            }
        }
        top_by_acc(near, n_near, c->o.max_candidates);
    }
done:;
    story *best = NULL;
    double best_sim = 0;
    story_scatter sc;
    int scattered = n_near && story_scatter_init(c, &sc) == PX_OK;
    if (scattered)
        story_scatter_set(&sc, s, 1);
    for (size_t i = 0; i < n_near; i++) {
        story *o = near[i];
        o->touched = 0;
        if ((i >= c->o.max_candidates && !all) || !same_language(s, o))
            continue;
        if (!scattered)
            continue;
        double sim = scattered_similarity(c, s, o, &sc);
        if (sim < active_pair_threshold(c, s, o))
            continue;
        if (sim > best_sim || (sim == best_sim && best && o->seq < best->seq)) {
            best_sim = sim;
            best = o;
        }
    }
    if (scattered)
        story_scatter_set(&sc, s, 0);
    free(near);
    return best;
}

/* Online merge (active_merge_threshold): while the story s an article just changed
 * has an active story within the merge threshold, the two become one, the
 * older keeping its id. Only active stories take part, so the cost and the
 * memory stay those of the active window. *s is the surviving story. */
static int merge_active_stories(px_clusterer *c, story **s)
{
    int rc = PX_OK;
    story *o;
    while (rc == PX_OK && (o = closest_active(c, *s))) {
        story *keep = o->seq < (*s)->seq ? o : *s, *gone = keep == o ? *s : o;
        uint64_t from = gone->id;
        size_t slot = slot_of_story(c, gone);
        if (slot == SIZE_MAX)
            return PX_EUSAGE;
        rc = merge_into(c, keep, slot);
        if (rc == PX_OK)
            rc = reindex(c, keep);
        c->st.stories_merged++;
        *s = keep;
        if (c->o.on_merge)
            c->o.on_merge(from, keep->id, c->o.on_merge_ud);
    }
    return rc;
}

typedef struct pair {
    double sim;
    size_t a, b;   /* slots, a < b */
} pair;

static int cmp_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->sim != q->sim)
        return p->sim > q->sim ? -1 : 1;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    return (p->b > q->b) - (p->b < q->b);
}

/* The similarities of the pairs of stories the batch pass scored, kept
 * from one round to the next: a similarity depends on the two stories
 * only, and after the first round most stories are as they were, so only
 * pairs with a story that took a merge need their dot products again.
 * Each story keeps the similarities with its later candidates, at most
 * max_candidates of them, while its version stays the same. */
typedef struct pair_memo {
    uint32_t seq;      /* the other story's */
    uint32_t version;  /* the other story's version the similarity is of */
    double sim;
} pair_memo;

typedef struct story_memo {
    pair_memo *v;
    size_t n, cap;
    uint32_t version;  /* the story's own version the entries are of */
} story_memo;

static int cached_sim(const story *a, const story *b, double *sim)
{
    const story_memo *m = a->memo;
    if (!m || m->version != a->version)
        return 0;
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].seq == b->seq) {
            if (m->v[i].version != b->version)
                return 0;
            *sim = m->v[i].sim;
            return 1;
        }
    return 0;
}

static int cache_sim(story *a, const story *b, double sim)
{
    if (b->seq > UINT32_MAX)
        return PX_OK;
    if (!a->memo && !(a->memo = calloc(1, sizeof *a->memo)))
        return PX_ENOMEM;
    story_memo *m = a->memo;
    if (m->version != a->version) {
        m->n = 0;
        m->version = a->version;
    }
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].seq == b->seq) {
            m->v[i] = (pair_memo){(uint32_t)b->seq, b->version, sim};
            return PX_OK;
        }
    if (px_grow(&m->v, &m->cap, m->n + 1, sizeof *m->v, 8, 0))
        return PX_ENOMEM;
    m->v[m->n++] = (pair_memo){(uint32_t)b->seq, b->version, sim};
    return PX_OK;
}

static void memo_free(story *s)
{
    if (s->memo)
        free(s->memo->v);
    free(s->memo);
    s->memo = NULL;
}

/* One round: the pairs of stories above threshold found through a shared
 * index over every held story, merged best first, each story once. Returns
 * the number of merges or a negative error. */
static int merge_round(px_clusterer *c, double threshold)
{
    int rc = PX_OK, merged = 0;
    /* rebuilt in creation order, so every posting list is sorted by seq */
    unindex_all(c);
    for (size_t i = 0; i < c->n_stories && rc == PX_OK; i++)
        if (c->stories[i])
            rc = reindex(c, c->stories[i]);
    pair *pairs = NULL;
    size_t n_pairs = 0, cap = 0;
    size_t *slot_of = NULL;
    story **near = NULL;
    size_t n_near = 0, cap_near = 0;
    story_scatter sc;
    if (rc == PX_OK)
        rc = story_scatter_init(c, &sc);
    /* The stories are walked in creation order, the order of every posting
     * list: each list's stories before s are those of the walk that hold
     * the term, so counting them per term finds s's place in the list
     * (which a binary search found, reading a story at each step). */
    uint32_t *before = rc == PX_OK ? calloc(c->n_post ? c->n_post : 1, sizeof *before) : NULL;
    if (rc == PX_OK && !before)
        rc = PX_ENOMEM;
    for (size_t i = 0; i < c->n_stories && rc == PX_OK; i++) {
        story *s = c->stories[i];
        if (!s || !s->n_indexed)
            continue;
        /* later stories sharing index terms, ranked by how many they share */
        n_near = 0;
        for (uint32_t t = 0; t < s->n_indexed && rc == PX_OK; t++) {
            const posting *p = &c->post[s->indexed[t]];
            uint32_t k = ++before[s->indexed[t]]; /* the first story after s */
            uint32_t stop = p->n - k > POSTING_WALK ? k + POSTING_WALK : p->n;
            for (; k < stop; k++) {
                story *o = p->v[k];
                if (!o->touched) {
                    if (px_grow(&near, &cap_near, n_near + 1, sizeof *near, 256, 0)) {
                        rc = PX_ENOMEM;
                        break;
                    }
                    o->touched = 1;
                    o->acc = 0;
                    near[n_near++] = o;
                }
                o->acc += 1;
            }
        }
        top_by_acc(near, n_near, c->o.max_candidates);
        int scattered = 0;
        for (size_t k = 0; k < n_near; k++) {
            story *o = near[k];
            o->touched = 0;
            if (k >= c->o.max_candidates || rc || !same_language(s, o))
                continue;
            double sim;
            if (!cached_sim(s, o, &sim)) {
                if (!scattered) {
                    story_scatter_set(&sc, s, 1);
                    scattered = 1;
                }
                sim = scattered_similarity(c, s, o, &sc);
                if (cache_sim(s, o, sim)) {
                    rc = PX_ENOMEM;
                    continue;
                }
            }
            if (sim < pair_threshold(c, s, o, threshold) || !time_allows(c, s, o, sim))
                continue;
            if (px_grow(&pairs, &cap, n_pairs + 1, sizeof *pairs, 256, 0)) {
                rc = PX_ENOMEM;
                continue;
            }
            pairs[n_pairs++] = (pair){sim, i, (size_t)o->seq};
        }
        if (scattered)
            story_scatter_set(&sc, s, 0);
    }
    free(near);
    free(before);
    if (rc == PX_OK && n_pairs) {
        /* pairs[].b holds a seq; map seqs to slots */
        slot_of = malloc(c->seq * sizeof *slot_of);
        unsigned char *used = calloc(c->n_stories, 1);
        if (!slot_of || !used) {
            free(used);
            rc = PX_ENOMEM;
        } else {
            for (size_t i = 0; i < c->n_stories; i++)
                if (c->stories[i])
                    slot_of[c->stories[i]->seq] = i;
            for (size_t i = 0; i < n_pairs; i++)
                pairs[i].b = slot_of[pairs[i].b];
            qsort(pairs, n_pairs, sizeof *pairs, cmp_pair);
            for (size_t i = 0; i < n_pairs && rc == PX_OK; i++) {
                if (used[pairs[i].a] || used[pairs[i].b])
                    continue;
                used[pairs[i].a] = used[pairs[i].b] = 1;
                story *keep = c->stories[pairs[i].a];
                unindex(c, c->stories[pairs[i].b]);
                rc = merge_into(c, keep, pairs[i].b);
                merged++;
            }
            free(used);
        }
    }
    unindex_all(c);
    free(slot_of);
    free(pairs);
    return rc ? rc : merged;
}

int px_cluster_batch(px_clusterer *c, double merge_threshold)
{
    if (!c->o.retain)
        return PX_EUSAGE;
    if (merge_threshold <= 0)
        merge_threshold = c->o.merge_threshold;
    int n;
    do {
        n = merge_round(c, merge_threshold);
    } while (n > 0);
    for (size_t i = 0; i < c->n_stories; i++)
        if (c->stories[i])
            memo_free(c->stories[i]);
    /* the active stories go back into the online index */
    for (size_t i = 0; i < c->n_stories && n >= 0; i++)
        if (c->stories[i] && c->stories[i]->active && reindex(c, c->stories[i]))
            n = PX_ENOMEM;
    return n < 0 ? n : PX_OK;
}

/* ---- grouping a finished corpus ------------------------------------------- */

typedef struct dated {
    size_t index;
    long day; /* undated articles take the day of the article before */
} dated;

static int by_day_then_input(const void *x, const void *y)
{
    const dated *a = x, *b = y;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* px_cluster_corpus without the batch pass: an online merge renames the
 * story that copies are attached to later, and the caller's on_merge
 * still hears of it. */
typedef struct corpus_merges {
    uint64_t *story_at;
    size_t n;
    px_merge_fn user;
    void *user_ud;
} corpus_merges;

static void corpus_on_merge(uint64_t from, uint64_t into, void *ud)
{
    corpus_merges *m = ud;
    for (size_t i = 0; i < m->n; i++)
        if (m->story_at[i] == from)
            m->story_at[i] = into;
    if (m->user)
        m->user(from, into, m->user_ud);
}

/* px_cluster_corpus; reader, when not NULL, is the deduper that reads the
 * bodies as they are observed: released once they all are. */
static int cluster_corpus(px_clusterer *c, px_article *const *articles, size_t n,
                          const px_dup_match *dups, int batch, px_deduper *reader)
{
    if (!c->o.retain)
        return PX_EUSAGE;
    dated *order = malloc((n + 1) * sizeof *order);
    uint64_t *story_at = calloc(n + 1, sizeof *story_at);
    /* each article is read once: the vectors replay what observing read */
    term_trace *traces = calloc(n + 1, sizeof *traces);
    int rc = order && story_at && traces ? PX_OK : PX_ENOMEM;
    /* With the batch pass to come, stories are merged there, over the whole
     * corpus and not in the order the articles came: online merges would
     * only make the result depend on that order. */
    px_cluster_opts saved = c->o;
    corpus_merges cm = {story_at, n, saved.on_merge, saved.on_merge_ud};
    if (batch) {
        c->o.active_merge_threshold = 0;
    } else {
        c->o.on_merge = corpus_on_merge;
        c->o.on_merge_ud = &cm;
    }
    long last = LONG_MIN;
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        long day = article_day(articles[i]);
        if (day != NO_DAY)
            last = day;
        order[i] = (dated){i, last};
        rc = observe_traced(c, articles[i], &traces[i]);
        trace_fit(&traces[i]);
    }
    /* the copies are known: what the deduper holds would only serve more
     * input, and the stories to come need the memory */
    px_deduper_release(reader);
    if (rc == PX_OK)
        qsort(order, n, sizeof *order, by_day_then_input);
    /* the representatives first, so that every copy finds its story */
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        size_t k = order[i].index;
        if (dups && dups[k].relation != PX_DUP_NONE)
            continue;
        px_cluster_assignment as;
        c->replay = &traces[k];
        rc = px_clusterer_add(c, articles[k], &as);
        story_at[k] = as.story;
        trace_free(&traces[k]);
    }
    for (size_t i = 0; rc == PX_OK && dups && i < n; i++) {
        size_t k = order[i].index;
        if (dups[k].relation == PX_DUP_NONE)
            continue;
        size_t rep = (size_t)dups[k].group;
        c->replay = &traces[k];
        rc = px_clusterer_place(c, articles[k], rep < n ? &story_at[rep] : NULL, NULL);
    }
    c->replay = NULL;
    c->o = saved;
    for (size_t i = 0; traces && i < n; i++)
        trace_free(&traces[i]);
    free(traces);
    free(order);
    free(story_at);
    if (rc == PX_OK && batch)
        rc = px_cluster_batch(c, 0);
    return rc;
}

typedef struct collector {
    px_article *const *articles;
    size_t n;
    unsigned char *grouped;
    const px_dup_match *dups;
    px_story_groups *out;
    int rc;
} collector;

/* Index of the first article not yet grouped whose id is id. */
static long article_with_id(const collector *c, const char *id)
{
    for (size_t i = 0; i < c->n; i++)
        if (!c->grouped[i] && c->articles[i]->id && strcmp(c->articles[i]->id, id) == 0)
            return (long)i;
    return -1;
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int is_member(const size_t *sorted, size_t n, size_t i)
{
    return bsearch(&i, sorted, n, sizeof *sorted, size_cmp) != NULL;
}

void px_story_group_free(px_story_group *g)
{
    free(g->articles);
    free(g->copies);
    free(g->copy_of);
    free(g->relation);
    memset(g, 0, sizeof *g);
}

typedef struct member {
    size_t index, copy_of;
    px_dup_relation relation;
} member;

static int member_cmp(const void *a, const void *b)
{
    return size_cmp(&((const member *)a)->index, &((const member *)b)->index);
}

int px_story_group_make(const size_t *members, size_t n, const size_t *copy_of,
                        const px_dup_relation *relation, px_story_group *out)
{
    memset(out, 0, sizeof *out);
    member *m = malloc((n + 1) * sizeof *m);
    size_t *sorted = malloc((n + 1) * sizeof *sorted);
    out->articles = malloc((n + 1) * sizeof *out->articles);
    out->copies = malloc((n + 1) * sizeof *out->copies);
    out->copy_of = malloc((n + 1) * sizeof *out->copy_of);
    out->relation = malloc((n + 1) * sizeof *out->relation);
    int rc = m && sorted && out->articles && out->copies && out->copy_of && out->relation ? PX_OK
                                                                                          : PX_ENOMEM;
    for (size_t k = 0; rc == PX_OK && k < n; k++) {
        m[k] = (member){members[k], copy_of[k], relation[k]};
        sorted[k] = members[k];
    }
    if (rc == PX_OK) {
        qsort(m, n, sizeof *m, member_cmp);
        qsort(sorted, n, sizeof *sorted, size_cmp);
    }
    for (size_t k = 0; rc == PX_OK && k < n; k++) {
        if (m[k].copy_of != PX_NOT_A_COPY && m[k].copy_of != m[k].index &&
            is_member(sorted, n, m[k].copy_of)) {
            out->copies[out->n_copies] = m[k].index;
            out->copy_of[out->n_copies] = m[k].copy_of;
            out->relation[out->n_copies++] = m[k].relation;
        } else {
            out->articles[out->n++] = m[k].index;
        }
    }
    free(m);
    free(sorted);
    if (rc != PX_OK)
        px_story_group_free(out);
    return rc;
}

/* Takes g (freed on failure). */
static int add_group(collector *c, px_story_group *g)
{
    if (!g->n && !g->n_copies) {
        px_story_group_free(g);
        return PX_OK;
    }
    px_story_group *v = realloc(c->out->v, (c->out->n + 1) * sizeof *v);
    if (!v) {
        px_story_group_free(g);
        return PX_ENOMEM;
    }
    c->out->v = v;
    v[c->out->n++] = *g;
    return PX_OK;
}

static void collect_story(const px_story *st, void *ud)
{
    collector *c = ud;
    if (c->rc != PX_OK)
        return;
    size_t cap = st->n_articles + 1, n = 0;
    size_t *members = malloc(cap * sizeof *members), *copy_of = malloc(cap * sizeof *copy_of);
    px_dup_relation *relation = malloc(cap * sizeof *relation);
    px_story_group g;
    c->rc = members && copy_of && relation ? PX_OK : PX_ENOMEM;
    for (size_t k = 0; c->rc == PX_OK && k < st->n_articles; k++) {
        long i = article_with_id(c, st->article_ids[k]);
        if (i < 0)
            continue;
        c->grouped[i] = 1;
        int copy = st->copy[k] && c->dups && c->dups[i].relation != PX_DUP_NONE;
        members[n] = (size_t)i;
        copy_of[n] = copy ? (size_t)c->dups[i].group : PX_NOT_A_COPY;
        relation[n++] = copy ? c->dups[i].relation : PX_DUP_NONE;
    }
    if (c->rc == PX_OK)
        c->rc = px_story_group_make(members, n, copy_of, relation, &g);
    if (c->rc == PX_OK)
        c->rc = add_group(c, &g);
    free(members);
    free(copy_of);
    free(relation);
}

int px_group_as_one_story(size_t n, px_story_groups *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return PX_OK;
    out->v = calloc(1, sizeof *out->v);
    if (out->v)
        out->v[0].articles = malloc(n * sizeof *out->v[0].articles);
    if (!out->v || !out->v[0].articles) {
        px_story_groups_free(out);
        return px_error_set(err, PX_ENOMEM, "out of memory grouping %zu articles", n);
    }
    for (size_t i = 0; i < n; i++)
        out->v[0].articles[i] = i;
    out->v[0].n = n;
    out->n = 1;
    return PX_OK;
}

/* The deduper reading each body's tokens as the clusterer observes it. */
int px_cluster_corpus(px_clusterer *c, px_article *const *articles, size_t n,
                      const px_dup_match *dups, int batch)
{
    return cluster_corpus(c, articles, n, dups, batch, NULL);
}

typedef struct dedup_feed {
    px_deduper *dd;
    px_dup_match *dups;
    size_t next, n;
} dedup_feed;

static int dedup_observed(void *ud, const px_article *a, const px_tokens *body)
{
    dedup_feed *f = ud;
    if (f->next >= f->n)
        return PX_EUSAGE;
    const char *text = a->body ? a->body : "";
    return px_dedup_add_tokens(f->dd, text, strlen(text), body, &f->dups[f->next++]);
}

int px_cluster_corpus_dedup(px_clusterer *c, px_deduper *dd, px_article *const *articles, size_t n,
                            px_dup_match *dups, int batch)
{
    memset(dups, 0, n * sizeof *dups);
    dedup_feed feed = {dd, dups, 0, n};
    if (dd)
        px_clusterer_on_body_tokens(c, dedup_observed, &feed);
    int rc = cluster_corpus(c, articles, n, dups, batch, dd);
    px_clusterer_on_body_tokens(c, NULL, NULL);
    if (rc == PX_OK && dd && feed.next != n)
        rc = PX_EUSAGE;
    return rc;
}

/* Groups the articles of a finished corpus; copies are set aside by the
 * deduper and listed with the group of the article they copy. The deduper
 * reads the bodies as the clusterer tokenised them. */
int px_group_stories(px_article *const *articles, size_t n, px_story_groups *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return PX_OK;
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.retain = 1;
    px_clusterer *cl = NULL;
    px_deduper *dd = NULL;
    int rc = px_clusterer_new(&cl, &o, err);
    if (rc == PX_OK)
        rc = px_deduper_new(&dd, NULL, err);
    if (rc != PX_OK) {
        px_clusterer_free(cl);
        return rc;
    }
    px_dup_match *dups = calloc(n, sizeof *dups);
    collector c = {articles, n, calloc(n, 1), dups, out, PX_OK};
    rc = c.grouped && dups ? PX_OK : PX_ENOMEM;
    if (rc == PX_OK)
        rc = px_cluster_corpus_dedup(cl, dd, articles, n, dups, 1);
    if (rc == PX_OK) {
        px_clusterer_foreach(cl, collect_story, &c);
        rc = c.rc;
    }
    /* An article the clusterer did not place (it should place every one)
     * is a story of its own rather than lost. */
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        if (c.grouped[i])
            continue;
        size_t none = PX_NOT_A_COPY;
        px_dup_relation unrelated = PX_DUP_NONE;
        px_story_group one;
        rc = px_story_group_make(&i, 1, &none, &unrelated, &one);
        if (rc == PX_OK)
            rc = add_group(&c, &one);
    }
    free(c.grouped);
    free(dups);
    px_deduper_free(dd);
    px_clusterer_free(cl);
    if (rc != PX_OK) {
        px_story_groups_free(out);
        return px_error_set(err, rc, "cannot group %zu articles into stories: %s", n, px_status_name(rc));
    }
    return PX_OK;
}

void px_story_groups_free(px_story_groups *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++)
        px_story_group_free(&g->v[i]);
    free(g->v);
    memset(g, 0, sizeof *g);
}

/* ---- JSON -------------------------------------------------------------------- */

static void add_ids(cJSON *o, const char *name, const px_story *s, const unsigned char *only)
{
    cJSON *arr = cJSON_AddArrayToObject(o, name);
    for (size_t i = 0; arr && i < s->n_articles; i++)
        if (!only || only[i])
            cJSON_AddItemToArray(arr, cJSON_CreateString(s->article_ids[i]));
}

char *px_story_to_json(const px_story *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    char hex[17];
    px_story_id_hex(s->id, hex);
    cJSON_AddStringToObject(o, "story", hex);
    if (s->title)
        cJSON_AddStringToObject(o, "title", s->title);
    else
        cJSON_AddNullToObject(o, "title");
    add_ids(o, "articles", s, NULL);
    cJSON *src = cJSON_AddArrayToObject(o, "sources");
    for (size_t i = 0; src && i < s->n_sources; i++)
        cJSON_AddItemToArray(src, cJSON_CreateString(s->sources[i]));
    if (s->first)
        cJSON_AddStringToObject(o, "first", s->first);
    else
        cJSON_AddNullToObject(o, "first");
    if (s->last)
        cJSON_AddStringToObject(o, "last", s->last);
    else
        cJSON_AddNullToObject(o, "last");
    add_ids(o, "copies", s, s->copy);
    add_ids(o, "undated", s, s->undated);
    char *out = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return out;
}
