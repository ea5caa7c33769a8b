/* story.c - a story's sentences as stemmed term sequences, and the pairs of
 * sentences from different outlets that say much the same thing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/story.h"
#include "parallax/text.h"

/* ---- vocabulary: stem -> id, open addressing ------------------------- */

struct px_story_vocab {
    uint32_t *slots; /* id + 1, 0 = empty */
    size_t cap;
    size_t terms_cap; /* allocated entries of terms, term_words, term_df */
};

static int vocab_grow(px_story_text *s)
{
    px_story_vocab *v = s->vocab;
    size_t cap = v->cap ? v->cap * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return PX_ENOMEM;
    for (size_t i = 0; i < v->cap; i++) {
        if (!v->slots[i])
            continue;
        const char *t = s->terms[v->slots[i] - 1];
        size_t h = (size_t)px_hash64(t, strlen(t), 0) & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = v->slots[i];
    }
    free(v->slots);
    v->slots = slots;
    v->cap = cap;
    return PX_OK;
}

static long vocab_find(const px_story_text *s, const char *w, size_t len, size_t *slot)
{
    const px_story_vocab *v = s->vocab;
    if (!v->cap)
        return -1;
    size_t h = (size_t)px_hash64(w, len, 0) & (v->cap - 1);
    while (v->slots[h]) {
        const char *t = s->terms[v->slots[h] - 1];
        if (strncmp(t, w, len) == 0 && t[len] == '\0')
            return (long)v->slots[h] - 1;
        h = (h + 1) & (v->cap - 1);
    }
    if (slot)
        *slot = h;
    return -1;
}

static long vocab_intern(px_story_text *s, const char *stem, size_t len, const char *word, size_t wlen)
{
    if ((s->n_terms + 1) * 2 > s->vocab->cap && vocab_grow(s) != PX_OK)
        return -1;
    size_t slot = 0;
    long id = vocab_find(s, stem, len, &slot);
    if (id >= 0)
        return id;
    if (s->n_terms == s->vocab->terms_cap) {
        size_t cap = s->n_terms ? s->n_terms * 2 : 1024;
        char **t = realloc(s->terms, cap * sizeof *t);
        if (!t)
            return -1;
        s->terms = t;
        char **w = realloc(s->term_words, cap * sizeof *w);
        if (!w)
            return -1;
        s->term_words = w;
        uint32_t *df = realloc(s->term_df, cap * sizeof *df);
        if (!df)
            return -1;
        s->term_df = df;
        s->vocab->terms_cap = cap;
    }
    char *t = px_strndup(stem, len);
    char *w = px_strndup(word, wlen);
    if (!t || !w) {
        free(t);
        free(w);
        return -1;
    }
    s->terms[s->n_terms] = t;
    s->term_words[s->n_terms] = w;
    s->term_df[s->n_terms] = 0;
    s->vocab->slots[slot] = (uint32_t)s->n_terms + 1;
    return (long)s->n_terms++;
}

long px_story_term_id(const px_story_text *s, const char *stem)
{
    return vocab_find(s, stem, strlen(stem), NULL);
}

/* ---- words to terms ---------------------------------------------------- */

typedef struct stemmers {
    char lang[8][8];
    px_stemmer *st[8];
    size_t n;
} stemmers;

static px_stemmer *stemmer_for(stemmers *c, const char *language)
{
    char lang[8] = "en";
    if (language && language[0] && language[1]) {
        lang[0] = (char)(language[0] | 0x20);
        lang[1] = (char)(language[1] | 0x20);
    }
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->lang[i], lang) == 0)
            return c->st[i];
    if (c->n == 8)
        return NULL;
    memcpy(c->lang[c->n], lang, 3);
    c->st[c->n] = px_stemmer_new(lang);
    return c->st[c->n++];
}

/* Lower-cases (folding non-ASCII) and drops a possessive "'s" or "'". */
static char *normalise_word(const char *w, size_t len, size_t *out_len)
{
    char *f;
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)w[i] >= 0x80)
            ascii = 0;
    if (ascii) {
        f = px_strndup(w, len);
        if (f)
            for (size_t i = 0; i < len; i++)
                if (f[i] >= 'A' && f[i] <= 'Z')
                    f[i] = (char)(f[i] + 32);
    } else {
        f = px_fold(w, len);
    }
    if (!f)
        return NULL;
    size_t n = strlen(f);
    if (n > 2 && f[n - 2] == '\'' && f[n - 1] == 's')
        n -= 2;
    else if (n > 1 && f[n - 1] == '\'')
        n -= 1;
    f[n] = '\0';
    *out_len = n;
    return f;
}

typedef struct term_buf {
    uint32_t *ids;
    unsigned char *adj;
    size_t n, cap;
} term_buf;

static int term_buf_push(term_buf *b, uint32_t id, unsigned char adj)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        uint32_t *ids = realloc(b->ids, cap * sizeof *ids);
        if (!ids)
            return PX_ENOMEM;
        b->ids = ids;
        unsigned char *a = realloc(b->adj, cap);
        if (!a)
            return PX_ENOMEM;
        b->adj = a;
        b->cap = cap;
    }
    b->ids[b->n] = id;
    b->adj[b->n++] = adj;
    return PX_OK;
}

int px_story_term_of(const char *word, size_t len, int is_number, px_stemmer *st,
                     const char *lang, char **out)
{
    *out = NULL;
    size_t n = 0;
    char *w = normalise_word(word, len, &n);
    if (!w)
        return PX_ENOMEM;
    if (n == 0 || (!is_number && (n < 2 || px_is_stopword(lang, w, n)))) {
        free(w);
        return PX_OK;
    }
    if (is_number || !st) {
        *out = w;
        return PX_OK;
    }
    size_t stem_len = 0;
    const char *stem = px_stem(st, w, n, &stem_len);
    *out = stem ? px_strndup(stem, stem_len) : NULL;
    free(w);
    return *out ? PX_OK : PX_ENOMEM;
}

/* Appends the term of one token; returns 1 when it became a term, 0 when
 * it was skipped, <0 on error. */
static int add_token(px_story_text *s, px_stemmer *st, const char *lang, const char *body,
                     const px_token *t, term_buf *b, unsigned char adj)
{
    if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER)
        return 0;
    const char *word = body + t->start;
    size_t len = t->end - t->start;
    char *term = NULL;
    if (px_story_term_of(word, len, t->kind == PX_TOK_NUMBER, st, lang, &term) != PX_OK)
        return PX_ENOMEM;
    if (!term)
        return 0;
    size_t wlen = 0;
    char *display = normalise_word(word, len, &wlen);
    long id = display ? vocab_intern(s, term, strlen(term), display, wlen) : -1;
    free(term);
    free(display);
    if (id < 0)
        return PX_ENOMEM;
    return term_buf_push(b, (uint32_t)id, adj) == PX_OK ? 1 : PX_ENOMEM;
}

/* ---- building ---------------------------------------------------------- */

static int add_source(px_story_text *s, size_t article)
{
    const px_article *a = s->articles[article];
    const char *name = a->source && a->source[0] ? a->source : a->id ? a->id : "unknown";
    for (size_t i = 0; i < s->n_sources; i++)
        if (strcmp(s->sources[i], name) == 0) {
            s->article_source[article] = i;
            return PX_OK;
        }
    char *copy = px_strdup(name);
    if (!copy)
        return PX_ENOMEM;
    s->sources[s->n_sources] = copy;
    s->article_source[article] = s->n_sources++;
    return PX_OK;
}

typedef struct sent_buf {
    px_story_sentence *v;
    size_t n, cap;
    size_t *term_start; /* per sentence, offset into the term buffer */
} sent_buf;

static int sent_buf_push(sent_buf *sb, const px_story_sentence *ps, size_t term_start)
{
    if (sb->n == sb->cap) {
        size_t cap = sb->cap ? sb->cap * 2 : 256;
        px_story_sentence *v = realloc(sb->v, cap * sizeof *v);
        if (!v)
            return PX_ENOMEM;
        sb->v = v;
        size_t *ts = realloc(sb->term_start, cap * sizeof *ts);
        if (!ts)
            return PX_ENOMEM;
        sb->term_start = ts;
        sb->cap = cap;
    }
    sb->v[sb->n] = *ps;
    sb->term_start[sb->n++] = term_start;
    return PX_OK;
}

static int only_space_between(const char *body, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (body[i] != ' ' && body[i] != '\t')
            return 0;
    return 1;
}

static int add_article_sentences(px_story_text *s, size_t ai, stemmers *sc, sent_buf *sb, term_buf *tb)
{
    const px_article *a = s->articles[ai];
    const char *body = a->body ? a->body : "";
    size_t len = strlen(body);
    const char *lang = a->language ? a->language : "en";
    px_stemmer *st = stemmer_for(sc, lang);
    px_spans spans = {0};
    px_tokens toks = {0};
    int rc = px_split_sentences(body, len, &spans);
    if (rc == PX_OK)
        rc = px_tokenize(body, len, &toks);
    size_t k = 0;
    for (size_t i = 0; rc == PX_OK && i < spans.n; i++) {
        px_story_sentence ps = {.article = ai, .source = s->article_source[ai],
                                .index = i, .start = spans.v[i].start, .end = spans.v[i].end};
        size_t first = tb->n;
        size_t prev_end = 0;
        int prev_term = 0;
        while (k < toks.n && toks.v[k].start < ps.start)
            k++;
        for (; rc == PX_OK && k < toks.n && toks.v[k].end <= ps.end; k++) {
            unsigned char adj = prev_term && only_space_between(body, prev_end, toks.v[k].start)
                                    ? PX_TERM_ADJACENT : 0;
            if ((toks.v[k].flags & PX_TOKF_CAPITALIZED) && toks.v[k].start > ps.start)
                adj |= PX_TERM_CAPITALIZED;
            int r = add_token(s, st, lang, body, &toks.v[k], tb, adj);
            if (r < 0)
                rc = r;
            prev_term = r == 1;
            prev_end = toks.v[k].end;
        }
        ps.n_terms = tb->n - first;
        if (rc == PX_OK)
            rc = sent_buf_push(sb, &ps, first);
    }
    px_spans_free(&spans);
    px_tokens_free(&toks);
    return rc;
}

size_t px_story_sentence_tf(const px_story_sentence *ps, size_t j, int *first)
{
    size_t tf = 0;
    int earlier = 0;
    for (size_t k = 0; k < ps->n_terms; k++)
        if (ps->terms[k] == ps->terms[j]) {
            tf++;
            earlier |= k < j;
        }
    if (first)
        *first = !earlier;
    return tf;
}

static int compute_df_and_norms(px_story_text *s)
{
    for (size_t i = 0; i < s->n_sentences; i++) {
        px_story_sentence *ps = &s->sentences[i];
        for (size_t j = 0; j < ps->n_terms; j++) {
            int first;
            px_story_sentence_tf(ps, j, &first);
            s->term_df[ps->terms[j]] += first;
        }
    }
    s->term_idf = malloc((s->n_terms + 1) * sizeof *s->term_idf);
    if (!s->term_idf)
        return PX_ENOMEM;
    for (size_t t = 0; t < s->n_terms; t++)
        s->term_idf[t] = s->term_df[t] ? (float)log(((double)s->n_sentences + 1) / (double)s->term_df[t]) : 0;
    for (size_t i = 0; i < s->n_sentences; i++) {
        px_story_sentence *ps = &s->sentences[i];
        double sum = 0;
        for (size_t j = 0; j < ps->n_terms; j++) {
            int first;
            double w = (double)px_story_sentence_tf(ps, j, &first) * px_story_idf(s, ps->terms[j]);
            if (first)
                sum += w * w;
        }
        ps->norm = (float)sqrt(sum);
    }
    return PX_OK;
}

double px_story_idf(const px_story_text *s, uint32_t term)
{
    return term < s->n_terms && s->term_idf ? s->term_idf[term] : 0;
}

int px_story_term_is_number(const px_story_text *s, uint32_t term)
{
    return term < s->n_terms && s->terms[term][0] >= '0' && s->terms[term][0] <= '9';
}

double px_story_similarity(const px_story_text *s, size_t a, size_t b)
{
    const px_story_sentence *x = &s->sentences[a], *y = &s->sentences[b];
    if (x->norm <= 0 || y->norm <= 0)
        return 0;
    double dot = 0;
    for (size_t i = 0; i < x->n_terms; i++) {
        uint32_t t = x->terms[i];
        int first;
        size_t tx = px_story_sentence_tf(x, i, &first), ty = 0;
        if (!first)
            continue;
        for (size_t k = 0; k < y->n_terms; k++)
            ty += y->terms[k] == t;
        double idf = px_story_idf(s, t);
        dot += (double)tx * (double)ty * idf * idf;
    }
    return dot / ((double)x->norm * (double)y->norm);
}

/* ---- similar pairs via an inverted index -------------------------------- */

typedef struct postings {
    uint32_t *start; /* per term: first posting (n_terms + 1) */
    uint32_t *sent;  /* sentence ids grouped by term */
    float *weight;   /* tf-idf weight / norm */
} postings;

static int build_postings(const px_story_text *s, postings *p)
{
    size_t total = 0;
    for (size_t i = 0; i < s->n_terms; i++)
        total += s->term_df[i];
    p->start = calloc(s->n_terms + 1, sizeof *p->start);
    p->sent = malloc((total + 1) * sizeof *p->sent);
    p->weight = malloc((total + 1) * sizeof *p->weight);
    uint32_t *fill = calloc(s->n_terms + 1, sizeof *fill);
    if (!p->start || !p->sent || !p->weight || !fill) {
        free(fill);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < s->n_terms; i++)
        p->start[i + 1] = p->start[i] + s->term_df[i];
    for (size_t i = 0; i < s->n_sentences; i++) {
        const px_story_sentence *ps = &s->sentences[i];
        if (ps->norm <= 0)
            continue;
        for (size_t j = 0; j < ps->n_terms; j++) {
            uint32_t t = ps->terms[j];
            int first;
            size_t tf = px_story_sentence_tf(ps, j, &first);
            if (!first)
                continue;
            uint32_t at = p->start[t] + fill[t]++;
            p->sent[at] = (uint32_t)i;
            p->weight[at] = (float)((double)tf * px_story_idf(s, t) / ps->norm);
        }
    }
    free(fill);
    return PX_OK;
}

static int push_pair(px_story_text *s, size_t *cap, uint32_t a, uint32_t b, float sim)
{
    if (s->n_pairs == *cap) {
        size_t c = *cap ? *cap * 2 : 256;
        px_story_pair *v = realloc(s->pairs, c * sizeof *v);
        if (!v)
            return PX_ENOMEM;
        s->pairs = v;
        *cap = c;
    }
    s->pairs[s->n_pairs++] = (px_story_pair){a, b, sim};
    return PX_OK;
}

/* Terms in more sentences than this add little to a cosine and much to the
 * cost, so they do not generate candidates (they still count in norms). */
static uint32_t candidate_df_limit(const px_story_text *s)
{
    size_t lim = s->n_sentences / 20;
    return (uint32_t)(lim < 200 ? 200 : lim);
}

static int find_pairs(px_story_text *s)
{
    if (s->n_sources < 2 || !s->n_sentences)
        return PX_OK;
    postings p = {0};
    float *acc = calloc(s->n_sentences, sizeof *acc);
    uint32_t *touched = malloc(s->n_sentences * sizeof *touched);
    int rc = acc && touched ? build_postings(s, &p) : PX_ENOMEM;
    size_t cap = 0;
    uint32_t limit = candidate_df_limit(s);
    for (size_t i = 0; rc == PX_OK && i < s->n_sentences; i++) {
        const px_story_sentence *ps = &s->sentences[i];
        size_t n_touched = 0;
        if (ps->n_terms < PX_STORY_MIN_TERMS)
            continue;
        for (size_t j = 0; j < ps->n_terms; j++) {
            uint32_t t = ps->terms[j];
            if (s->term_df[t] > limit)
                continue;
            int first;
            size_t tf = px_story_sentence_tf(ps, j, &first);
            if (!first || ps->norm <= 0)
                continue;
            float wi = (float)((double)tf * px_story_idf(s, t) / ps->norm);
            for (uint32_t q = p.start[t]; q < p.start[t + 1]; q++) {
                uint32_t o = p.sent[q];
                if (o <= i || s->sentences[o].source == ps->source ||
                    s->sentences[o].n_terms < PX_STORY_MIN_TERMS)
                    continue;
                if (acc[o] == 0)
                    touched[n_touched++] = o;
                acc[o] += wi * p.weight[q];
            }
        }
        for (size_t k = 0; k < n_touched; k++) {
            uint32_t o = touched[k];
            if (acc[o] >= PX_STORY_MIN_SIM && rc == PX_OK)
                rc = push_pair(s, &cap, (uint32_t)i, o, acc[o]);
            acc[o] = 0;
        }
    }
    free(acc);
    free(touched);
    free(p.start);
    free(p.sent);
    free(p.weight);
    return rc;
}

int px_story_text_new(px_story_text **out, px_article *const *articles, size_t n, px_error *err)
{
    *out = NULL;
    px_story_text *s = calloc(1, sizeof *s);
    if (!s)
        return px_error_set(err, PX_ENOMEM, "out of memory building a story");
    s->articles = articles;
    s->n_articles = n;
    s->vocab = calloc(1, sizeof *s->vocab);
    s->sources = calloc(n + 1, sizeof *s->sources);
    s->article_source = calloc(n + 1, sizeof *s->article_source);
    s->first_sentence = calloc(n + 1, sizeof *s->first_sentence);
    int rc = s->vocab && s->sources && s->article_source && s->first_sentence ? PX_OK : PX_ENOMEM;
    stemmers sc = {0};
    sent_buf sb = {0};
    term_buf tb = {0};
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        rc = add_source(s, i);
        s->first_sentence[i] = sb.n;
        if (rc == PX_OK)
            rc = add_article_sentences(s, i, &sc, &sb, &tb);
    }
    s->first_sentence[n] = sb.n;
    for (size_t i = 0; i < sc.n; i++)
        px_stemmer_free(sc.st[i]);
    s->sentences = sb.v;
    s->n_sentences = sb.n;
    s->term_store = tb.ids;
    s->flag_store = tb.adj;
    for (size_t i = 0; i < sb.n; i++) {
        sb.v[i].terms = tb.ids ? tb.ids + sb.term_start[i] : NULL;
        sb.v[i].flags = tb.adj ? tb.adj + sb.term_start[i] : NULL;
    }
    free(sb.term_start);
    if (rc == PX_OK) {
        rc = compute_df_and_norms(s);
        if (rc == PX_OK)
            rc = find_pairs(s);
    }
    if (rc != PX_OK) {
        px_story_text_free(s);
        return px_error_set(err, rc, "out of memory building a story of %zu articles", n);
    }
    *out = s;
    return PX_OK;
}

void px_story_text_free(px_story_text *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_sources; i++)
        free(s->sources[i]);
    for (size_t i = 0; i < s->n_terms; i++) {
        free(s->terms[i]);
        free(s->term_words[i]);
    }
    free(s->sources);
    free(s->article_source);
    free(s->first_sentence);
    free(s->sentences);
    free(s->terms);
    free(s->term_words);
    free(s->term_df);
    free(s->term_idf);
    free(s->pairs);
    if (s->vocab)
        free(s->vocab->slots);
    free(s->vocab);
    free(s->term_store);
    free(s->flag_store);
    free(s);
}
