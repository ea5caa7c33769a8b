/* story.c - a story's sentences as stemmed term sequences, and the pairs of
 * sentences from different outlets that say much the same thing. */
#include <math.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/grow.h"
#include "core/map.h"
#include "parallax/doc.h"
#include "parallax/story.h"
#include "core/common_internal.h"
#include "compare/story_internal.h"
#include "text/doc_internal.h"

/* ---- vocabulary: the story's compact term ids ------------------------- */

/* One lexicon per language met (the articles' own, from their documents,
 * or the story's), and its term ids mapped to the story's. */
typedef struct story_lexicon {
    px_lexicon *lx;
    int owned;
    uint32_t *to_story; /* lexicon term id -> story term id + 1; 0 = not yet */
    size_t cap;
} story_lexicon;

struct px_story_vocab {
    px_map terms;       /* term text -> story term id */
    size_t terms_cap;   /* allocated entries of term_words, term_df */
    story_lexicon *lex;
    size_t n_lex, lex_cap;
};

static story_lexicon *add_lexicon(px_story_vocab *v, px_lexicon *lx, int owned)
{
    if (!lx || px_grow(&v->lex, &v->lex_cap, v->n_lex + 1, sizeof *v->lex, 4, 0) != PX_OK) {
        if (owned)
            px_lexicon_free(lx);
        return NULL;
    }
    v->lex[v->n_lex] = (story_lexicon){lx, owned, NULL, 0};
    return &v->lex[v->n_lex++];
}

/* The slot of a lexicon an article's document was built with. */
static story_lexicon *lexicon_slot(px_story_vocab *v, px_lexicon *lx)
{
    for (size_t i = 0; i < v->n_lex; i++)
        if (v->lex[i].lx == lx)
            return &v->lex[i];
    return add_lexicon(v, lx, 0);
}

/* A lexicon of the language (px_lexicons_get's rule), the story's own when
 * no article brought one. */
static story_lexicon *lexicon_for(px_story_vocab *v, const char *language)
{
    char lang[3] = "en";
    if (language && language[0] && language[1]) {
        lang[0] = (char)(language[0] | 0x20);
        lang[1] = (char)(language[1] | 0x20);
    }
    for (size_t i = 0; i < v->n_lex; i++)
        if (strcmp(px_lexicon_lang(v->lex[i].lx), lang) == 0)
            return &v->lex[i];
    return add_lexicon(v, px_lexicon_new(lang), 1);
}

/* The story's id of a lexicon term, interned on first use; -1 when out of
 * memory. Terms are the same across languages only when spelt the same. */
static long story_term(px_story_text *s, story_lexicon *sl, uint32_t lt, const char *word,
                       size_t wlen)
{
    if (lt < sl->cap && sl->to_story[lt])
        return (long)sl->to_story[lt] - 1;
    if (px_grow(&sl->to_story, &sl->cap, (size_t)lt + 1, sizeof *sl->to_story, 256, 1) != PX_OK)
        return -1;
    const char *term = px_lexicon_term(sl->lx, lt);
    px_story_vocab *v = s->vocab;
    int added = 0;
    uint32_t id = px_map_intern(&v->terms, term, strlen(term), &added);
    if (id == PX_MAP_NONE)
        return -1;
    if (added) {
        size_t cap = v->terms_cap;
        if (px_grow(&s->term_words, &cap, (size_t)id + 1, sizeof *s->term_words, 1024, 0) != PX_OK ||
            px_grow(&s->term_df, &v->terms_cap, (size_t)id + 1, sizeof *s->term_df, 1024, 0) != PX_OK ||
            !(s->term_words[id] = px_strndup(word, wlen)))
            return -1;
        s->term_df[id] = 0;
        s->terms = v->terms.keys;
        s->n_terms = v->terms.n;
    }
    sl->to_story[lt] = id + 1;
    return (long)id;
}

long px_story_term_id(const px_story_text *s, const char *term)
{
    uint32_t id = px_map_find(&s->vocab->terms, term, strlen(term));
    return id == PX_MAP_NONE ? -1 : (long)id;
}

long px_story_word_term(const px_story_text *s, const char *lang, const char *word, size_t len, int is_number)
{
    story_lexicon *sl = lexicon_for(s->vocab, lang);
    uint32_t lt = sl ? px_lexicon_term_of(sl->lx, word, len, is_number) : PX_NO_TERM;
    if (lt == PX_NO_TERM)
        return PX_STORY_NO_TERM;
    return px_story_term_id(s, px_lexicon_term(sl->lx, lt));
}

typedef struct term_buf {
    uint32_t *ids;
    unsigned char *adj;
    size_t n, cap;
} term_buf;

static int term_buf_push(term_buf *b, uint32_t id, unsigned char adj)
{
    size_t cap = b->cap;
    if (px_grow(&b->ids, &cap, b->n + 1, sizeof *b->ids, 4096, 0) != PX_OK ||
        px_grow(&b->adj, &b->cap, b->n + 1, 1, 4096, 0) != PX_OK)
        return PX_ENOMEM;
    b->ids[b->n] = id;
    b->adj[b->n++] = adj;
    return PX_OK;
}

/* Appends the term of token k of d; returns 1 when it has one, 0 when not,
 * <0 on error. */
static int add_token(px_story_text *s, story_lexicon *sl, const px_doc *d, size_t k, term_buf *b,
                     unsigned char adj)
{
    uint32_t lt = d->tok[k].term;
    if (lt == PX_NO_TERM)
        return 0;
    size_t wlen = 0;
    const char *word = px_doc_form(d, k, &wlen);
    long id = story_term(s, sl, lt, word, wlen);
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

static int add_article_sentences(px_story_text *s, size_t ai, sent_buf *sb, term_buf *tb)
{
    const px_article *a = s->articles[ai];
    const char *body = a->body ? a->body : "";
    px_doc *d = &s->docs[ai];
    story_lexicon *sl;
    if (a->doc && a->doc->text == body) {
        /* the clean stage's, unpacked: no tokeniser or splitter pass */
        if (px_doc_unpack(a->doc, d) != PX_OK)
            return PX_ENOMEM;
        sl = lexicon_slot(s->vocab, d->lexicon);
    } else {
        sl = lexicon_for(s->vocab, a->language);
        if (!sl || px_doc_build(d, body, strlen(body), sl->lx) != PX_OK)
            return PX_ENOMEM;
    }
    if (!sl)
        return PX_ENOMEM;
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < d->sentences.n; i++) {
        px_story_sentence ps = {.article = ai, .source = s->article_source[ai], .index = i,
                                .start = d->sentences.v[i].start, .end = d->sentences.v[i].end};
        size_t first = tb->n;
        size_t prev_end = 0;
        int prev_term = 0;
        for (size_t k = d->first_token[i]; rc == PX_OK && k < d->first_token[i + 1]; k++) {
            const px_token *t = &d->tokens.v[k];
            if (t->end > ps.end)
                break;
            unsigned char adj = prev_term && only_space_between(body, prev_end, t->start)
                                    ? PX_TERM_ADJACENT : 0;
            if (t->start == ps.start)
                adj |= PX_TERM_INITIAL;
            else if (t->flags & PX_TOKF_CAPITALIZED)
                adj |= PX_TERM_CAPITALIZED;
            int r = add_token(s, sl, d, k, tb, adj);
            if (r < 0)
                rc = r;
            prev_term = r == 1;
            prev_end = t->end;
        }
        ps.n_terms = tb->n - first;
        if (rc == PX_OK)
            rc = sent_buf_push(sb, &ps, first);
    }
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

int px_story_sim_scratch_init(px_story_sim_scratch *w, const px_story_text *s)
{
    w->a = calloc(s->n_terms + 1, sizeof *w->a);
    w->b = calloc(s->n_terms + 1, sizeof *w->b);
    if (w->a && w->b)
        return PX_OK;
    px_story_sim_scratch_free(w);
    return PX_ENOMEM;
}

void px_story_sim_scratch_free(px_story_sim_scratch *w)
{
    free(w->a);
    free(w->b);
    w->a = w->b = NULL;
}

double px_story_similarity_with(const px_story_text *s, size_t a, size_t b, px_story_sim_scratch *w)
{
    const px_story_sentence *x = &s->sentences[a], *y = &s->sentences[b];
    if (x->norm <= 0 || y->norm <= 0)
        return 0;
    for (size_t i = 0; i < x->n_terms; i++)
        w->a[x->terms[i]]++;
    for (size_t k = 0; k < y->n_terms; k++)
        w->b[y->terms[k]]++;
    double dot = 0;
    for (size_t i = 0; i < x->n_terms; i++) { /* px_story_similarity's order and sums */
        uint32_t t = x->terms[i];
        size_t tx = w->a[t], ty = w->b[t];
        if (!tx)
            continue; /* not its first occurrence */
        w->a[t] = 0;
        double idf = px_story_idf(s, t);
        dot += (double)tx * (double)ty * idf * idf;
    }
    for (size_t k = 0; k < y->n_terms; k++)
        w->b[y->terms[k]] = 0;
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
    s->docs = calloc(n + 1, sizeof *s->docs);
    s->sources = calloc(n + 1, sizeof *s->sources);
    s->article_source = calloc(n + 1, sizeof *s->article_source);
    s->first_sentence = calloc(n + 1, sizeof *s->first_sentence);
    int rc = s->vocab && s->docs && s->sources && s->article_source && s->first_sentence ? PX_OK
                                                                                       : PX_ENOMEM;
    sent_buf sb = {0};
    term_buf tb = {0};
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        rc = add_source(s, i);
        s->first_sentence[i] = sb.n;
        if (rc == PX_OK)
            rc = add_article_sentences(s, i, &sb, &tb);
    }
    s->first_sentence[n] = sb.n;
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
    for (size_t i = 0; i < s->n_terms; i++)
        free(s->term_words[i]);
    for (size_t i = 0; s->docs && i < s->n_articles; i++)
        px_doc_free(&s->docs[i]);
    free(s->docs);
    free(s->sources);
    free(s->article_source);
    free(s->first_sentence);
    free(s->sentences);
    free(s->term_words);
    free(s->term_df);
    free(s->term_idf);
    free(s->pairs);
    if (s->vocab) {
        px_map_free(&s->vocab->terms);
        for (size_t i = 0; i < s->vocab->n_lex; i++) {
            if (s->vocab->lex[i].owned)
                px_lexicon_free(s->vocab->lex[i].lx);
            free(s->vocab->lex[i].to_story);
        }
        free(s->vocab->lex);
    }
    free(s->vocab);
    free(s->term_store);
    free(s->flag_store);
    free(s);
}

int px_story_sentence_is_quote_piece(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    const char *body = s->articles[ps->article]->body;
    int straight = 0, open = 0;
    for (size_t k = ps->start; body && k < ps->end; k++) {
        if (body[k] == '"')
            straight ^= 1;
        else if (k + 3 <= ps->end && !strncmp(body + k, "\xe2\x80\x9c", 3))
            open++;
        else if (k + 3 <= ps->end && !strncmp(body + k, "\xe2\x80\x9d", 3))
            open--;
    }
    return straight || open != 0;
}

/* The quotation mark at body[k] (1 or 3 bytes), or 0. */
static size_t quote_mark_at(const char *body, size_t k, size_t end)
{
    if (body[k] == '"')
        return 1;
    if (k + 3 <= end && (!strncmp(body + k, "\xe2\x80\x9c", 3) || !strncmp(body + k, "\xe2\x80\x9d", 3)))
        return 3;
    return 0;
}

int px_story_sentence_is_one_quote(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    const char *body = s->articles[ps->article]->body;
    size_t a = ps->start, e = ps->end, marks = 0, last = 0;
    while (a < e && isspace((unsigned char)body[a]))
        a++;
    while (e > a && isspace((unsigned char)body[e - 1]))
        e--;
    if (e - a < 2 || !quote_mark_at(body, a, e))
        return 0;
    for (size_t k = a; k < e;) {
        size_t m = quote_mark_at(body, k, e);
        if (!m) {
            k++;
            continue;
        }
        marks++;
        k += m;
        last = k;
    }
    return marks == 2 && last == e;
}

/* Does the mark of len bytes at body[k] close a quote by where it stands:
 * after a sentence mark, before a space or the sentence's end ("Gone,"
 * he said)? */
static int closes_by_place(const char *body, size_t k, size_t len, size_t start, size_t end)
{
    unsigned char before = k > start ? (unsigned char)body[k - 1] : ' ';
    return before && strchr(".,!?", before) && (k + len >= end || body[k + len] == ' ');
}

/* A single quotation mark at body[k] (1 or 3 bytes) that opens (+1) or
 * closes (-1) a quote, told from an apostrophe by what stands around it:
 * an opening one after a space or the sentence's start and before a
 * letter, a closing one where closes_by_place says ("'Gone,' he said";
 * not "don't", "the Smiths' house"). 0 otherwise. */
static int single_quote_at(const char *body, size_t k, size_t start, size_t end, size_t *len)
{
    int straight = body[k] == '\'';
    int curly_open = k + 3 <= end && !strncmp(body + k, "\xe2\x80\x98", 3);
    int curly_close = k + 3 <= end && !strncmp(body + k, "\xe2\x80\x99", 3);
    if (!straight && !curly_open && !curly_close)
        return 0;
    *len = straight ? 1 : 3;
    unsigned char after = k + *len < end ? (unsigned char)body[k + *len] : ' ';
    if ((straight || curly_open) && (k == start || body[k - 1] == ' ') && (isalpha(after) || after >= 0x80))
        return 1;
    if ((straight || curly_close) && closes_by_place(body, k, *len, start, end))
        return -1;
    return 0;
}

/* The share of sentence i's bytes inside quotation marks; a sentence that
 * closes a quote it did not open ("... astonishing,' Lintner said.") is
 * inside it up to that mark. */
double px_story_sentence_quoted_share(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    const char *body = s->articles[ps->article]->body;
    size_t inside = 0, len = ps->end - ps->start, m;
    int in = 0, seen = 0;
    for (size_t k = ps->start; body && k < ps->end;) {
        int dir = 0;
        if ((m = quote_mark_at(body, k, ps->end)) != 0)
            dir = body[k] != '"' ? (!strncmp(body + k, "\xe2\x80\x9c", 3) ? 1 : -1)
                  : in || closes_by_place(body, k, 1, ps->start, ps->end) ? -1 : 1;
        else
            dir = single_quote_at(body, k, ps->start, ps->end, &m);
        if (dir) {
            if (dir < 0 && !in && !seen)
                inside = k - ps->start; /* the tail of a quote opened before */
            in = dir > 0;
            seen = 1;
            k += m;
            continue;
        }
        inside += in;
        k++;
    }
    return len ? (double)inside / (double)len : 0;
}

/* A mark closes a quote when it follows a word and no word follows it:
 * pages mix curly and straight marks, and write "”" for both. */
static int mark_closes(const char *body, size_t k, size_t w, size_t lo, size_t end)
{
    int after_word = k > lo && !isspace((unsigned char)body[k - 1]) && body[k - 1] != '(';
    int before_word = k + w < end && !isspace((unsigned char)body[k + w]) && !ispunct((unsigned char)body[k + w]);
    return after_word && !before_word;
}

/* Walks the marks of body[from, to), updating *open; returns 1 when the
 * first of them closes a quote that was not open (its opener missed). */
static int walk_marks(const char *body, size_t from, size_t to, int *open, int *opened)
{
    int first = 1, missed = 0;
    for (size_t k = from; k < to; k++) {
        size_t w = quote_mark_at(body, k, to);
        if (!w)
            continue;
        int closes = mark_closes(body, k, w, from, to);
        missed |= first && closes && !*open;
        *opened |= !closes;
        *open = !closes;
        first = 0;
        k += w - 1;
    }
    return missed;
}

unsigned char *px_story_quote_continuations(const px_story_text *s)
{
    unsigned char *flag = calloc(s->n_sentences + 1, 1);
    for (size_t a = 0; flag && a < s->n_articles; a++) {
        const char *body = s->articles[a]->body;
        int open = 0;
        size_t prev_end = 0;
        for (size_t i = s->first_sentence[a]; body && i < s->first_sentence[a + 1]; i++) {
            const px_story_sentence *ps = &s->sentences[i];
            size_t gap = ps->start > prev_end ? ps->start : prev_end;
            if (memchr(body + prev_end, '\n', gap - prev_end))
                open = 0; /* quotes reopen in every paragraph */
            int opened = 0;
            walk_marks(body, prev_end, gap, &open, &opened);
            int continued = open && !opened;
            opened = 0;
            int missed = walk_marks(body, gap, ps->end, &open, &opened);
            flag[i] = (unsigned char)(continued || missed);
            prev_end = ps->end > gap ? ps->end : gap;
        }
    }
    return flag;
}

/* Uses at a sentence's start say nothing: "NELSON: ..." lines of a
 * transcript must not outvote "Soraya Nelson" written mid-sentence. */
unsigned char *px_story_name_terms(const px_story_text *s)
{
    uint32_t *caps = calloc(s->n_terms + 1, sizeof *caps);
    uint32_t *all = calloc(s->n_terms + 1, sizeof *all);
    unsigned char *name = calloc(s->n_terms + 1, 1);
    if (caps && all && name) {
        for (size_t i = 0; i < s->n_sentences; i++) {
            const px_story_sentence *ps = &s->sentences[i];
            for (size_t k = 0; k < ps->n_terms; k++) {
                if (ps->flags[k] & PX_TERM_INITIAL)
                    continue;
                all[ps->terms[k]]++;
                caps[ps->terms[k]] += (ps->flags[k] & PX_TERM_CAPITALIZED) != 0;
            }
        }
        for (size_t t = 0; t < s->n_terms; t++)
            name[t] = caps[t] * 2 > all[t] || px_story_term_is_number(s, (uint32_t)t);
    }
    free(caps);
    free(all);
    if (!caps || !all) {
        free(name);
        return NULL;
    }
    return name;
}

int px_story_sentence_ends_like_one(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    const char *body = s->articles[ps->article]->body;
    char last = ps->end > ps->start ? body[ps->end - 1] : 0;
    return last == '.' || last == '!' || last == '"' || last == '\'' || last == ')' || last == '?' ||
           (unsigned char)last >= 0x80;
}

/* Does sentence i open on a word of the list, in any capitals? */
static int opens_on(const px_story_text *s, size_t i, const char *const *words)
{
    const px_story_sentence *ps = &s->sentences[i];
    const char *body = s->articles[ps->article]->body;
    size_t k = ps->start, n = 0;
    while (k + n < ps->end && isalpha((unsigned char)body[k + n]))
        n++;
    for (size_t p = 0; n && words[p]; p++)
        if (strlen(words[p]) == n && strncasecmp(body + k, words[p], n) == 0)
            return 1;
    return 0;
}

int px_story_sentence_opens_on_pronoun(const px_story_text *s, size_t i)
{
    static const char *const pronouns[] = {"he", "she", "it", "they", "his", "her", "its", "their",
                                           "this", "these", "those", "that", "i", "we", "you", "my",
                                           "our", NULL};
    return opens_on(s, i, pronouns);
}

int px_story_sentence_opens_on_connective(const px_story_text *s, size_t i)
{
    static const char *const connectives[] = {"and", "but", "or", "so", "yet", "nor", "also", "however",
                                              "meanwhile", "still", "instead", "then", "moreover",
                                              "furthermore", "besides", NULL};
    return opens_on(s, i, connectives);
}

int px_story_sentence_leans_on_before(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    const char *body = s->articles[ps->article]->body;
    int quote = body[ps->start] == '"' || body[ps->start] == '\'' ||
                (ps->end - ps->start >= 3 && (!strncmp(body + ps->start, "\xe2\x80\x9c", 3) ||
                                              !strncmp(body + ps->start, "\xe2\x80\x98", 3)));
    return quote || px_story_sentence_opens_on_connective(s, i);
}
