/* consensus.c - facts aligned across outlets, omissions and unique facts. */
#include <stdlib.h>
#include <string.h>

#include "parallax/consensus.h"
#include "core/common_internal.h"
#include "compare/story_internal.h"

static size_t find_root(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static int push_index(size_t **v, size_t *n, size_t x)
{
    size_t *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return PX_ENOMEM;
    nv[(*n)++] = x;
    *v = nv;
    return PX_OK;
}

static int has_index(const size_t *v, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

/* How a member reads on its own: 2 a whole sentence that names what it is
 * about, 1 a whole sentence opening on a pronoun, leaning on the one
 * before ("And how many ...") or all inside quotation marks (a quote
 * without its speaker: "“There were so many people on the ground.”"), 0 a
 * piece of a quote, which reads as a stray quotation mark. */
static int reads_alone(const px_story_text *s, size_t i)
{
    if (px_story_sentence_is_quote_piece(s, i))
        return 0;
    return px_story_sentence_opens_on_pronoun(s, i) || px_story_sentence_opens_on_connective(s, i) ||
                   px_story_sentence_is_one_quote(s, i)
               ? 1
               : 2;
}

/* The member with the largest summed similarity to the other members,
 * among those that read best on their own. */
static size_t central_member(const px_story_text *s, const px_fact *f)
{
    size_t best = f->sentences[0];
    double best_sum = -1;
    int best_alone = -1;
    size_t n = f->n_sentences < 40 ? f->n_sentences : 40;
    for (size_t i = 0; i < n; i++) {
        int alone = reads_alone(s, f->sentences[i]);
        if (alone < best_alone)
            continue;
        if (alone > best_alone)
            best_sum = -1;
        double sum = 0;
        for (size_t j = 0; j < n; j++)
            if (i != j)
                sum += px_story_similarity(s, f->sentences[i], f->sentences[j]);
        if (sum > best_sum) {
            best_sum = sum;
            best = f->sentences[i];
            best_alone = alone;
        }
    }
    return best;
}

static int fact_cmp(const void *a, const void *b)
{
    const px_fact *x = a, *y = b;
    if (x->n_sources != y->n_sources)
        return x->n_sources < y->n_sources ? 1 : -1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* Does the sentence say anything beyond names? "So did Chancellor Angela
 * Merkel." is all names, and alike to every sentence that names her. */
static int says_more_than_names(const px_story_text *s, const unsigned char *name, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    for (size_t k = 0; k < ps->n_terms; k++)
        if (!name[ps->terms[k]])
            return 1;
    return 0;
}


/* Per pair: 2 when it makes two sentences one fact, 1 when it only
 * shows that an outlet reports a fact (a looser likeness: outlets
 * paraphrase), 0 when it counts for neither. */
static unsigned char *pair_roles(const px_story_text *s, const unsigned char *quoted)
{
    unsigned char *name = px_story_name_terms(s);
    unsigned char *role = calloc(s->n_pairs + 1, 1);
    if (name && role)
        for (size_t i = 0; i < s->n_pairs; i++) {
            size_t a = s->pairs[i].a, b = s->pairs[i].b;
            /* a quote's later sentences are the speaker's, not a fact */
            if (says_more_than_names(s, name, a) && says_more_than_names(s, name, b) && !quoted[a] && !quoted[b])
                role[i] = s->pairs[i].sim >= PX_FACT_SIM ? 2 : 1;
        }
    free(name);
    if (!name) {
        free(role);
        return NULL;
    }
    return role;
}

static int group_facts(const px_story_text *s, const unsigned char *quoted, px_consensus *c)
{
    size_t *parent = malloc((s->n_sentences + 1) * sizeof *parent);
    long *fact_of_root = malloc((s->n_sentences + 1) * sizeof *fact_of_root);
    unsigned char *role = pair_roles(s, quoted);
    int rc = parent && fact_of_root && role ? PX_OK : PX_ENOMEM;
    for (size_t i = 0; rc == PX_OK && i < s->n_sentences; i++) {
        parent[i] = i;
        fact_of_root[i] = -1;
    }
    for (size_t i = 0; rc == PX_OK && i < s->n_pairs; i++)
        if (role[i] == 2)
            parent[find_root(parent, s->pairs[i].a)] = find_root(parent, s->pairs[i].b);
    for (size_t i = 0; rc == PX_OK && i < s->n_pairs; i++) {
        if (role[i] != 2)
            continue;
        size_t r = find_root(parent, s->pairs[i].a);
        if (fact_of_root[r] >= 0)
            continue;
        px_fact *v = realloc(c->facts, (c->n_facts + 1) * sizeof *v);
        if (!v) {
            rc = PX_ENOMEM;
            break;
        }
        c->facts = v;
        memset(&v[c->n_facts], 0, sizeof *v);
        fact_of_root[r] = (long)c->n_facts++;
    }
    for (size_t i = 0; rc == PX_OK && i < s->n_sentences; i++) {
        long f = fact_of_root[find_root(parent, i)];
        if (f < 0)
            continue;
        px_fact *fact = &c->facts[f];
        rc = push_index(&fact->sentences, &fact->n_sentences, i);
        size_t src = s->sentences[i].source;
        if (rc == PX_OK && !has_index(fact->sources, fact->n_sources, src))
            rc = push_index(&fact->sources, &fact->n_sources, src);
    }
    for (size_t i = 0; rc == PX_OK && i < s->n_pairs; i++) {
        const px_story_pair *p = &s->pairs[i];
        if (!role[i])
            continue;
        long fa = fact_of_root[find_root(parent, p->a)], fb = fact_of_root[find_root(parent, p->b)];
        size_t sa = s->sentences[p->a].source, sb = s->sentences[p->b].source;
        if (fa >= 0 && !has_index(c->facts[fa].sources, c->facts[fa].n_sources, sb))
            rc = push_index(&c->facts[fa].sources, &c->facts[fa].n_sources, sb);
        if (rc == PX_OK && fb >= 0 && !has_index(c->facts[fb].sources, c->facts[fb].n_sources, sa))
            rc = push_index(&c->facts[fb].sources, &c->facts[fb].n_sources, sa);
    }
    free(parent);
    free(fact_of_root);
    free(role);
    return rc;
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int finish_facts(const px_story_text *s, px_consensus *c)
{
    for (size_t i = 0; i < c->n_facts; i++) {
        px_fact *f = &c->facts[i];
        qsort(f->sources, f->n_sources, sizeof *f->sources, size_cmp);
        f->sentence = central_member(s, f);
        const px_story_sentence *ps = &s->sentences[f->sentence];
        f->text = px_strndup(s->articles[ps->article]->body + ps->start, ps->end - ps->start);
        if (!f->text)
            return PX_ENOMEM;
    }
    if (c->n_facts > 1)
        qsort(c->facts, c->n_facts, sizeof *c->facts, fact_cmp);
    while (c->n_consensus < c->n_facts && c->facts[c->n_consensus].n_sources >= c->majority)
        c->n_consensus++;
    return PX_OK;
}

/* How much a sentence says: the summed IDF of its distinct terms. */
static double informativeness(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    double sum = 0;
    for (size_t k = 0; k < ps->n_terms; k++) {
        int first;
        px_story_sentence_tf(ps, k, &first);
        if (first)
            sum += px_story_idf(s, ps->terms[k]);
    }
    return sum;
}

typedef struct scored {
    size_t sentence;
    double score;
} scored;

static int scored_cmp(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* A sentence that may stand as what only its outlet reports: six content
 * words or more, and the end of a sentence unless it is long (a heading or
 * a subhead has neither). */
static int reads_as_prose(const px_story_text *s, size_t i)
{
    size_t terms = s->sentences[i].n_terms;
    return terms >= 6 && (terms >= 12 || px_story_sentence_ends_like_one(s, i));
}

static int find_unique(const px_story_text *s, const unsigned char *quoted, px_consensus *c)
{
    unsigned char *shared = calloc(s->n_sentences + 1, 1);
    scored *cand = malloc((s->n_sentences + 1) * sizeof *cand);
    int rc = shared && cand ? PX_OK : PX_ENOMEM;
    for (size_t i = 0; rc == PX_OK && i < s->n_pairs; i++)
        shared[s->pairs[i].a] = shared[s->pairs[i].b] = 1;
    for (size_t src = 0; rc == PX_OK && src < s->n_sources && s->n_sources > 1; src++) {
        size_t n = 0;
        for (size_t a = 0; a < s->n_articles; a++) {
            if (s->article_source[a] != src)
                continue;
            for (size_t i = s->first_sentence[a]; i < s->first_sentence[a + 1]; i++)
                if (!shared[i] && !quoted[i] && reads_as_prose(s, i))
                    cand[n++] = (scored){i, informativeness(s, i)};
        }
        qsort(cand, n, sizeof *cand, scored_cmp);
        px_source_coverage *sc = &c->sources[src];
        for (size_t k = 0; rc == PX_OK && k < n && k < PX_MAX_UNIQUE; k++)
            rc = push_index(&sc->unique, &sc->n_unique, cand[k].sentence);
    }
    free(shared);
    free(cand);
    return rc;
}

static int find_omissions(const px_story_text *s, px_consensus *c)
{
    int rc = PX_OK;
    for (size_t src = 0; rc == PX_OK && src < s->n_sources; src++) {
        px_source_coverage *sc = &c->sources[src];
        for (size_t f = 0; rc == PX_OK && f < c->n_consensus && sc->n_omitted < PX_MAX_OMISSIONS; f++)
            if (!has_index(c->facts[f].sources, c->facts[f].n_sources, src))
                rc = push_index(&sc->omitted, &sc->n_omitted, f);
    }
    return rc;
}

int px_consensus_build(const px_story_text *s, px_consensus *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    out->majority = (s->n_sources + 1) / 2;
    if (out->majority < 2)
        out->majority = 2;
    out->n_sources = s->n_sources;
    out->sources = calloc(s->n_sources + 1, sizeof *out->sources);
    /* a quote's later sentences are neither facts nor exclusives */
    unsigned char *quoted = px_story_quote_continuations(s);
    int rc = out->sources && quoted ? PX_OK : PX_ENOMEM;
    for (size_t i = 0; rc == PX_OK && i < s->n_sources; i++)
        out->sources[i].source = i;
    if (rc == PX_OK)
        rc = group_facts(s, quoted, out);
    if (rc == PX_OK)
        rc = finish_facts(s, out);
    if (rc == PX_OK)
        rc = find_omissions(s, out);
    if (rc == PX_OK)
        rc = find_unique(s, quoted, out);
    free(quoted);
    if (rc != PX_OK) {
        px_consensus_free(out);
        return px_error_set(err, rc, "out of memory aligning facts");
    }
    return PX_OK;
}

void px_consensus_free(px_consensus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_facts; i++) {
        free(c->facts[i].text);
        free(c->facts[i].sentences);
        free(c->facts[i].sources);
    }
    for (size_t i = 0; i < c->n_sources; i++) {
        free(c->sources[i].omitted);
        free(c->sources[i].unique);
    }
    free(c->facts);
    free(c->sources);
    memset(c, 0, sizeof *c);
}
