/* summary.c - centroid + MMR extractive summary with per-sentence cites. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/summary.h"
#include "parallax/text.h"
#include "core/common_internal.h"
#include "compare/story_internal.h"
#include "compare/summary_internal.h"

#define MMR_LAMBDA 0.7
#define MAX_REDUNDANCY 0.5
#define CANDIDATES 300
#define MIN_TERMS 5
#define MAX_BYTES 500
#define HEADLINE_MAX_BYTES 300

/* A lede is written to say what the story is; a sentence further down,
 * however central its words, is often background (bench/headline.sh, the
 * untitled runs: a lede counting double puts more of the outlets' own
 * title words in the headline, 0.29 -> 0.37 on the half it was set on,
 * 0.28 -> 0.32 on the other; any weight from 1.25 up gives the same). */
#define LEDE_WEIGHT 2.0
/* With several outlets their echo says what is central, and a lede counts
 * a little more (bench/headline.sh, even half, the weight chosen there:
 * gist words in the titles 0.28 -> 0.34, outlets citing the gist 2.53 ->
 * 2.59; 1.5 and 2 put more title words in the gist but fewer outlets
 * behind it). */
#define SHARED_LEDE_WEIGHT 1.25
/* The gist is what happened, said by the story: a sentence mostly in
 * somebody's quotation marks is that person's words about it. */
#define GIST_MAX_QUOTED 0.5

typedef struct cand {
    size_t sentence;
    double score;  /* central, early, echoed: for the summary */
    double gist;   /* central and echoed, not too long: for its first line */
} cand;

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* What the outlets share (summary.h): per term, the centroid weight and
 * the number of outlets using it. */
typedef struct centre {
    double *c;
    double norm;
    uint32_t *outlets;
} centre;

static void centre_free(centre *ce)
{
    free(ce->c);
    free(ce->outlets);
}

/* Sentence indexes grouped by outlet: order[start[o] .. start[o + 1]). */
static int by_outlet(const px_story_text *s, size_t **order, size_t **start)
{
    *start = calloc(s->n_sources + 2, sizeof **start);
    *order = malloc((s->n_sentences + 1) * sizeof **order);
    if (!*start || !*order)
        return PX_ENOMEM;
    for (size_t i = 0; i < s->n_sentences; i++)
        (*start)[s->sentences[i].source + 1]++;
    for (size_t o = 0; o < s->n_sources; o++)
        (*start)[o + 1] += (*start)[o];
    size_t *fill = calloc(s->n_sources + 1, sizeof *fill);
    if (!fill)
        return PX_ENOMEM;
    for (size_t i = 0; i < s->n_sentences; i++) {
        size_t o = s->sentences[i].source;
        (*order)[(*start)[o] + fill[o]++] = i;
    }
    free(fill);
    return PX_OK;
}

/* Adds one outlet's sentences, as one unit vector, to the centre. */
static void add_outlet(const px_story_text *s, const size_t *sents, size_t n, uint32_t stamp, double *v,
                       uint32_t *mark, uint32_t *touched, centre *ce)
{
    size_t nt = 0;
    for (size_t k = 0; k < n; k++) {
        const px_story_sentence *ps = &s->sentences[sents[k]];
        if (ps->norm <= 0)
            continue;
        for (size_t j = 0; j < ps->n_terms; j++) {
            uint32_t t = ps->terms[j];
            if (mark[t] != stamp) {
                mark[t] = stamp;
                touched[nt++] = t;
            }
            v[t] += px_story_idf(s, t) / ps->norm;
        }
    }
    double norm = 0;
    for (size_t k = 0; k < nt; k++)
        norm += v[touched[k]] * v[touched[k]];
    norm = sqrt(norm);
    for (size_t k = 0; k < nt; k++) {
        uint32_t t = touched[k];
        ce->c[t] += norm > 0 ? v[t] / norm : 0;
        ce->outlets[t]++;
        v[t] = 0;
    }
}

static int shared_centroid(const px_story_text *s, centre *ce)
{
    memset(ce, 0, sizeof *ce);
    size_t *order = NULL, *start = NULL;
    double *v = calloc(s->n_terms + 1, sizeof *v);
    uint32_t *mark = calloc(s->n_terms + 1, sizeof *mark), *touched = malloc((s->n_terms + 1) * sizeof *touched);
    ce->c = calloc(s->n_terms + 1, sizeof *ce->c);
    ce->outlets = calloc(s->n_terms + 1, sizeof *ce->outlets);
    int rc = v && mark && touched && ce->c && ce->outlets ? by_outlet(s, &order, &start) : PX_ENOMEM;
    for (size_t o = 0; rc == PX_OK && o < s->n_sources; o++)
        add_outlet(s, order + start[o], start[o + 1] - start[o], (uint32_t)o + 1, v, mark, touched, ce);
    if (rc == PX_OK) {
        for (size_t t = 0; t < s->n_terms; t++) {
            if (s->n_sources > 1 && ce->outlets[t] < 2)
                ce->c[t] = 0;
            ce->norm += ce->c[t] * ce->c[t];
        }
        ce->norm = sqrt(ce->norm);
    }
    free(order);
    free(start);
    free(v);
    free(mark);
    free(touched);
    if (rc != PX_OK)
        centre_free(ce);
    return rc;
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
    int ends = px_story_sentence_ends_like_one(s, i);
    /* A question or a dashed line is a subhead or a teaser ("— What does
     * the law firm have to say about all this?"), not a finding. */
    int question = last == '?', dashed = len && (body[ps->start] == '-' || !strncmp(body + ps->start, "\xe2\x80\x94", 3) ||
                                                 !strncmp(body + ps->start, "\xe2\x80\x93", 3));
    /* Nor does a sentence that opens on a pronoun: alone, it does not say
     * whom it is about. */
    return ps->n_terms >= MIN_TERMS && len <= MAX_BYTES && ends && !question && !dashed &&
           !px_story_sentence_is_quote_piece(s, i) && !px_story_sentence_opens_on_pronoun(s, i);
}

/* Summary candidates, best first; skip (the headline's sentence) is left
 * out so that the gist says it in other words. */
static int score_candidates(const px_story_text *s, const centre *ce, long skip, cand **out, size_t *n_out)
{
    unsigned *echo = echo_counts(s);
    unsigned char *quoted = px_story_quote_continuations(s);
    cand *v = malloc((s->n_sentences + 1) * sizeof *v);
    if (!echo || !quoted || !v) {
        free(echo);
        free(quoted);
        free(v);
        return PX_ENOMEM;
    }
    double others = s->n_sources > 1 ? (double)(s->n_sources - 1) : 1;
    size_t n = 0;
    for (size_t i = 0; i < s->n_sentences; i++) {
        /* a quote's later sentences are the speaker's, without the
         * speaker's name */
        if (!eligible(s, i) || quoted[i] || (long)i == skip)
            continue;
        double echoed = fmin((double)echo[i], others) / others;
        double early = 1.0 / (1.0 + (double)s->sentences[i].index);
        double central = centroid_cosine(s, ce->c, ce->norm, i);
        const px_story_sentence *ps = &s->sentences[i];
        double gist = ps->end - ps->start <= HEADLINE_MAX_BYTES && !px_story_sentence_leans_on_before(s, i) &&
                              px_story_sentence_quoted_share(s, i) <= GIST_MAX_QUOTED
                          ? central + 0.25 * echoed
                          : 0;
        if (s->n_sources < 2 && ps->index == 0)
            gist *= LEDE_WEIGHT; /* one outlet: nothing is echoed, its lede says what it reports */
        else if (ps->index == 0)
            gist *= SHARED_LEDE_WEIGHT;
        v[n++] = (cand){i, central + 0.15 * early + 0.25 * echoed, gist};
    }
    qsort(v, n, sizeof *v, cand_cmp);
    free(echo);
    free(quoted);
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

/* Each candidate's redundancy: its greatest similarity to a sentence
 * picked so far, brought up to date with the latest pick. */
static void update_redundancy(const px_story_text *s, const cand *c, size_t n, const unsigned char *taken,
                              size_t picked, double *redundancy, px_story_sim_scratch *w)
{
    for (size_t i = 0; i < n; i++)
        if (!taken[i])
            redundancy[i] = fmax(redundancy[i], px_story_similarity_with(s, c[i].sentence, picked, w));
}

static int pick(const px_story_text *s, const cand *c, size_t n, size_t max, px_summary *out)
{
    unsigned char *taken = calloc(n + 1, 1);
    double *redundancy = calloc(n + 1, sizeof *redundancy);
    px_story_sim_scratch w = {0};
    out->v = calloc(max + 1, sizeof *out->v);
    int rc = taken && redundancy && out->v ? px_story_sim_scratch_init(&w, s) : PX_ENOMEM;
    while (rc == PX_OK && out->n < max) {
        long best = -1;
        double best_value = -1e9;
        for (size_t i = 0; i < n && !out->n; i++) /* the gist */
            if (c[i].gist > best_value) {
                best_value = c[i].gist;
                best = (long)i;
            }
        for (size_t i = 0; i < n && out->n; i++) {
            if (taken[i] || redundancy[i] > MAX_REDUNDANCY)
                continue;
            double value = MMR_LAMBDA * c[i].score - (1 - MMR_LAMBDA) * redundancy[i];
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
        if (rc == PX_OK && out->n < max)
            update_redundancy(s, c, n, taken, ss->sentence, redundancy, &w);
    }
    px_story_sim_scratch_free(&w);
    free(redundancy);
    free(taken);
    return rc;
}

/* ---- headline ---------------------------------------------------------- */

/* A title's terms as story term ids with counts; words the story's bodies
 * never use count against it at the highest idf. */
typedef struct title_terms {
    long id[32];
    unsigned tf[32];
    size_t n;
    size_t unknown;
} title_terms;

static void title_add(title_terms *tt, long id)
{
    if (id < 0) {
        tt->unknown++;
        return;
    }
    for (size_t k = 0; k < tt->n; k++)
        if (tt->id[k] == id) {
            tt->tf[k]++;
            return;
        }
    if (tt->n < 32) {
        tt->id[tt->n] = id;
        tt->tf[tt->n++] = 1;
    }
}

static int title_vector(const px_story_text *s, const px_article *a, title_terms *tt)
{
    memset(tt, 0, sizeof *tt);
    px_tokens toks = {0};
    int rc = px_tokenize(a->title, strlen(a->title), &toks);
    const char *lang = a->language ? a->language : "en";
    for (size_t k = 0; rc == PX_OK && k < toks.n; k++) {
        const px_token *t = &toks.v[k];
        if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER)
            continue;
        long id = px_story_word_term(s, lang, a->title + t->start, t->end - t->start, t->kind == PX_TOK_NUMBER);
        if (id != PX_STORY_NO_TERM)
            title_add(tt, id);
    }
    px_tokens_free(&toks);
    return rc;
}

static double title_cosine(const px_story_text *s, const centre *ce, const title_terms *tt, size_t *shared)
{
    double dot = 0, norm = 0, unknown_idf = log((double)s->n_sentences + 1);
    *shared = 0;
    for (size_t k = 0; k < tt->n; k++) {
        double w = tt->tf[k] * px_story_idf(s, (uint32_t)tt->id[k]);
        dot += w * ce->c[tt->id[k]];
        norm += w * w;
        *shared += ce->outlets[tt->id[k]] >= 2;
    }
    norm += (double)tt->unknown * unknown_idf * unknown_idf;
    return norm > 0 && ce->norm > 0 ? dot / (sqrt(norm) * ce->norm) : 0;
}

static size_t sentence_shared(const px_story_text *s, const centre *ce, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    size_t n = 0;
    for (size_t k = 0; k < ps->n_terms; k++) {
        int first;
        px_story_sentence_tf(ps, k, &first);
        n += first && ce->outlets[ps->terms[k]] >= 2;
    }
    return n;
}

/* Enough words the outlets share to say what the story is. */
static int shared_enough(const px_story_text *s, size_t shared)
{
    return s->n_sources < 2 || shared >= 2;
}

#define LEAD_SENTENCES 3

/* The largest share of these terms' weight (idf) that another outlet than
 * own opens an article with (its first three sentences): how far another
 * outlet leads with what the headline says. */
static double opening_share(const px_story_text *s, const title_terms *tt, size_t own)
{
    uint32_t *mask = calloc(s->n_sources + 1, sizeof *mask);
    if (!mask || !tt->n) {
        free(mask);
        return 0;
    }
    for (size_t i = 0; i < s->n_sentences; i++) {
        const px_story_sentence *ps = &s->sentences[i];
        if (ps->index >= LEAD_SENTENCES || ps->source == own)
            continue;
        for (size_t j = 0; j < ps->n_terms; j++)
            for (size_t k = 0; k < tt->n; k++)
                if ((long)ps->terms[j] == tt->id[k])
                    mask[ps->source] |= 1u << k;
    }
    double total = (double)tt->unknown * log((double)s->n_sentences + 1), best = 0;
    for (size_t k = 0; k < tt->n; k++)
        total += px_story_idf(s, (uint32_t)tt->id[k]);
    for (size_t o = 0; o < s->n_sources && total > 0; o++) {
        double found = 0;
        for (size_t k = 0; k < tt->n; k++)
            if (mask[o] & (1u << k))
                found += px_story_idf(s, (uint32_t)tt->id[k]);
        best = fmax(best, found / total);
    }
    free(mask);
    return best;
}

static void sentence_terms(const px_story_text *s, size_t i, title_terms *tt)
{
    memset(tt, 0, sizeof *tt);
    const px_story_sentence *ps = &s->sentences[i];
    for (size_t k = 0; k < ps->n_terms; k++)
        title_add(tt, (long)ps->terms[k]);
}

#define TITLE_CANDIDATES 5

/* Of the titles closest to the centre, the one that speaks for the most
 * outlets. */
static void best_title(const px_story_text *s, const centre *ce, px_headline *h)
{
    px_headline top[TITLE_CANDIDATES];
    title_terms terms[TITLE_CANDIDATES];
    size_t n = 0;
    for (size_t a = 0; a < s->n_articles; a++) {
        const px_article *art = s->articles[a];
        title_terms tt;
        if (!art->title || !*art->title || title_vector(s, art, &tt) != PX_OK)
            continue;
        size_t shared;
        double score = title_cosine(s, ce, &tt, &shared);
        if (!shared_enough(s, shared) || tt.n < 2 || score <= 0)
            continue;
        if (n == TITLE_CANDIDATES && top[n - 1].score >= score)
            continue; /* the five kept are all closer */
        size_t at = n < TITLE_CANDIDATES ? n++ : TITLE_CANDIDATES - 1;
        for (; at > 0 && top[at - 1].score < score; at--) {
            top[at] = top[at - 1];
            terms[at] = terms[at - 1];
        }
        top[at] = (px_headline){.from_title = 1, .article = a, .sentence = -1, .score = score, .shared_words = shared};
        terms[at] = tt;
    }
    for (size_t k = 0; k < n; k++) {
        top[k].opening_share = opening_share(s, &terms[k], s->article_source[top[k].article]);
        if (!h->score || top[k].opening_share > h->opening_share)
            *h = top[k];
    }
}


static void best_sentence(const px_story_text *s, const centre *ce, px_headline *h)
{
    double best = 0;
    for (size_t i = 0; i < s->n_sentences; i++) {
        const px_story_sentence *ps = &s->sentences[i];
        if (!eligible(s, i) || ps->end - ps->start > HEADLINE_MAX_BYTES)
            continue;
        size_t shared = sentence_shared(s, ce, i);
        double score = centroid_cosine(s, ce->c, ce->norm, i);
        double weighed = ps->index == 0 ? LEDE_WEIGHT * score : score;
        if (shared_enough(s, shared) && weighed > best) {
            best = weighed;
            *h = (px_headline){.article = ps->article, .sentence = (long)i, .score = score, .shared_words = shared};
        }
    }
    if (h->sentence >= 0) {
        title_terms tt;
        sentence_terms(s, (size_t)h->sentence, &tt);
        h->opening_share = opening_share(s, &tt, s->sentences[h->sentence].source);
    }
}

static int pick_headline(const px_story_text *s, const centre *ce, px_headline *out)
{
    px_headline title = {.sentence = -1}, sentence = {.sentence = -1};
    best_title(s, ce, &title);
    best_sentence(s, ce, &sentence);
    /* off-centre: no other outlet opens with most of what it says */
    int use_title = title.score > 0 && (sentence.score <= 0 || s->n_sources < 2 ||
                                        title.opening_share >= PX_TITLE_OPENING_SHARE);
    *out = use_title ? title : sentence;
    if (use_title)
        out->text = px_strdup(s->articles[title.article]->title);
    else if (sentence.score > 0) {
        const px_story_sentence *ps = &s->sentences[sentence.sentence];
        out->text = px_strndup(s->articles[ps->article]->body + ps->start, ps->end - ps->start);
    } else
        return PX_OK;
    return out->text ? PX_OK : PX_ENOMEM;
}

int px_summary_build(const px_story_text *s, size_t max_sentences, px_summary *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    out->headline.sentence = -1;
    if (!max_sentences)
        max_sentences = PX_SUMMARY_DEFAULT;
    cand *c = NULL;
    size_t n = 0;
    centre ce;
    int rc = shared_centroid(s, &ce);
    if (rc == PX_OK)
        rc = pick_headline(s, &ce, &out->headline);
    if (rc == PX_OK)
        rc = score_candidates(s, &ce, out->headline.sentence, &c, &n);
    if (rc == PX_OK)
        rc = pick(s, c, n, max_sentences, out);
    if (ce.c)
        centre_free(&ce);
    free(c);
    if (rc != PX_OK) {
        px_summary_free(out);
        return px_error_set(err, rc, "out of memory summarising");
    }
    return PX_OK;
}

/* ---- one line per outlet ------------------------------------------------ */

/* The first sentence of the outlet's first article that reads as one. */
static long outlet_lead(const px_story_text *s, size_t source)
{
    for (size_t a = 0; a < s->n_articles; a++) {
        if (s->article_source[a] != source)
            continue;
        for (size_t i = s->first_sentence[a]; i < s->first_sentence[a + 1]; i++)
            if (eligible(s, i))
                return (long)i;
        return s->first_sentence[a] < s->first_sentence[a + 1] ? (long)s->first_sentence[a] : -1;
    }
    return -1;
}

static long outlet_only(const px_consensus *c, size_t source, long lead)
{
    for (size_t i = 0; c && i < c->n_sources; i++) {
        const px_source_coverage *sc = &c->sources[i];
        if (sc->source != source)
            continue;
        for (size_t k = 0; k < sc->n_unique; k++)
            if ((long)sc->unique[k] != lead)
                return (long)sc->unique[k];
    }
    return -1;
}

int px_summary_outlets(const px_story_text *s, const px_consensus *c, px_summary *out, px_error *err)
{
    free(out->outlets);
    out->n_outlets = 0;
    out->outlets = calloc(s->n_sources + 1, sizeof *out->outlets);
    if (!out->outlets)
        return px_error_set(err, PX_ENOMEM, "out of memory summarising");
    for (size_t o = 0; s->n_sources > 1 && o < s->n_sources; o++) {
        long lead = outlet_lead(s, o);
        out->outlets[out->n_outlets++] = (px_outlet_gist){o, lead, outlet_only(c, o, lead)};
    }
    return PX_OK;
}

void px_summary_free(px_summary *sm)
{
    if (!sm)
        return;
    free(sm->headline.text);
    free(sm->outlets);
    for (size_t i = 0; i < sm->n; i++) {
        free(sm->v[i].text);
        free(sm->v[i].cites);
    }
    free(sm->v);
    memset(sm, 0, sizeof *sm);
}
