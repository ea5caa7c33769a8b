/* framing.c - distinctive words per outlet (weighted log-odds with an
 * informative Dirichlet prior) and the labels outlets attach to actors. */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/word_lists.h"
#include "parallax/framing.h"
#include "parallax/text.h"
#include "core/common_internal.h"
#include "core/grow.h"
#include "core/map.h"
#include "compare/descriptors.h"
#include "compare/entities_internal.h"
#include "compare/story_internal.h"
#include "text/text_internal.h"

/* ---- features: unigrams and adjacent bigrams ------------------------------ */

typedef struct feature {
    uint32_t t1, t2; /* t2 == UINT32_MAX for a unigram */
    size_t total;
} feature;

typedef struct features {
    px_map ids;   /* (t1, t2) -> feature id */
    feature *v;   /* per id */
    size_t cap;
} features;

static long feature_id(features *f, uint32_t t1, uint32_t t2)
{
    uint32_t key[2] = {t1, t2};
    int added = 0;
    uint32_t id = px_map_intern(&f->ids, (const char *)key, sizeof key, &added);
    if (id == PX_MAP_NONE)
        return -1;
    if (added) {
        if (px_grow(&f->v, &f->cap, (size_t)id + 1, sizeof *f->v, 4096, 0))
            return -1;
        f->v[id] = (feature){t1, t2, 0};
    }
    return (long)id;
}

static void features_free(features *f)
{
    px_map_free(&f->ids);
    free(f->v);
}

typedef struct use {
    uint32_t source, feature;
} use;

typedef struct uses {
    use *v;
    size_t n, cap;
} uses;

static int uses_push(uses *u, size_t source, long feature)
{
    if (feature < 0)
        return PX_ENOMEM;
    if (u->n == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 8192;
        use *v = realloc(u->v, cap * sizeof *v);
        if (!v)
            return PX_ENOMEM;
        u->v = v;
        u->cap = cap;
    }
    u->v[u->n++] = (use){(uint32_t)source, (uint32_t)feature};
    return PX_OK;
}

static int use_cmp(const void *a, const void *b)
{
    const use *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return x->feature < y->feature ? -1 : x->feature > y->feature;
}

/* A language's list of data/framing/LANG.txt, its length counted once,
 * and its "VARIANT CANONICAL" lines apart. */
typedef struct framing_list {
    const char *const *words;
    size_t n;
    const char **folds;
    size_t n_folds;
} framing_list;

static int framing_list_make(const char *lang, framing_list *fl)
{
    memset(fl, 0, sizeof *fl);
    fl->words = px_word_list(px_framing_sources, lang);
    if (!fl->words)
        return PX_OK;
    fl->n = px_word_list_len(fl->words);
    fl->folds = malloc((fl->n + 1) * sizeof *fl->folds);
    if (!fl->folds)
        return PX_ENOMEM;
    for (size_t i = 0; i < fl->n; i++)
        if (strchr(fl->words[i], ' '))
            fl->folds[fl->n_folds++] = fl->words[i];
    return PX_OK;
}

/* Words framing never shows (data/framing/LANG.txt and the stopwords):
 * function words beyond the stopword list and reporting verbs ("says",
 * "told"): every outlet uses them, and they say nothing of its framing. */
static int never_framing(const framing_list *fl, const char *lang, const char *word, const char *stem)
{
    return px_is_stopword(lang, word, strlen(word)) ||
           (fl->words && (px_word_list_has_n(fl->words, fl->n, word, strlen(word)) ||
                          px_word_list_has_n(fl->words, fl->n, stem, strlen(stem))));
}

/* The term a spelling variant folds into ("defence" into "defense"), by
 * the "VARIANT CANONICAL" stem lines of data/framing/LANG.txt; the term
 * itself when it has no other spelling in the story. */
static uint32_t canonical_term(const px_story_text *s, const framing_list *fl, uint32_t t)
{
    size_t n = strlen(s->terms[t]);
    for (size_t i = 0; i < fl->n_folds; i++)
        if (strncmp(fl->folds[i], s->terms[t], n) == 0 && fl->folds[i][n] == ' ') {
            long id = px_story_term_id(s, fl->folds[i] + n + 1);
            return id >= 0 ? (uint32_t)id : t;
        }
    return t;
}

/* Per term: its canonical term, or UINT32_MAX when framing skips it. */
static uint32_t *framing_terms(const px_story_text *s)
{
    const char *lang = s->n_articles && s->articles[0]->language ? s->articles[0]->language : "en";
    framing_list fl;
    uint32_t *canon = malloc((s->n_terms + 1) * sizeof *canon);
    if (framing_list_make(lang, &fl) != PX_OK || !canon) {
        free(fl.folds);
        free(canon);
        return NULL;
    }
    for (size_t t = 0; t < s->n_terms; t++)
        canon[t] = never_framing(&fl, lang, s->term_words[t], s->terms[t])
                       ? UINT32_MAX
                       : canonical_term(s, &fl, (uint32_t)t);
    free(fl.folds);
    return canon;
}

/* ---- the language of each sentence ---------------------------------------- */

/* The languages with a stopword list (English and data/stopwords). */
#define MAX_STOP_LANGS 32

typedef struct stop_langs {
    const char *code[MAX_STOP_LANGS];
    int source[MAX_STOP_LANGS]; /* its index in px_stopword_sources; -1: px_is_stopword's English */
    size_t n;
    uint32_t *mask;          /* per term: bit l set when it is a stopword of code[l] */
} stop_langs;

static void stop_lang_add(stop_langs *sl, const char *code, int source)
{
    int english = (code[0] | 0x20) == 'e' && (code[1] | 0x20) == 'n';
    sl->code[sl->n] = code;
    sl->source[sl->n++] = english ? -1 : source;
}

static int stop_langs_make(const px_story_text *s, stop_langs *sl)
{
    sl->n = 0;
    stop_lang_add(sl, "en", -1);
    for (int r = 0; px_stopword_sources[r].lang && sl->n < MAX_STOP_LANGS; r++)
        stop_lang_add(sl, px_stopword_sources[r].lang, r);
    sl->mask = calloc(s->n_terms + 1, sizeof *sl->mask);
    if (!sl->mask)
        return PX_ENOMEM;
    for (size_t t = 0; t < s->n_terms; t++) {
        size_t len = strlen(s->term_words[t]);
        int english = px_is_stopword("en", s->term_words[t], len);
        uint32_t lists = px_stopword_lists_of(s->term_words[t], len);
        for (size_t l = 0; l < sl->n; l++)
            if (sl->source[l] < 0 ? english : (int)(lists >> sl->source[l]) & 1)
                sl->mask[t] |= 1u << l;
    }
    return PX_OK;
}

/* The bit of lang among sl's languages, or 0 when it has no stopword list. */
static uint32_t lang_bit(const stop_langs *sl, const char *lang)
{
    for (size_t l = 0; lang && l < sl->n; l++)
        if (strncmp(lang, sl->code[l], 2) == 0 && (!lang[2] || lang[2] == '-'))
            return 1u << l;
    return 0;
}

/* A sentence in another language than its article's: at least this many
 * of its distinct lower-case words, and this share of them, are function
 * words of one other language. An English article's ad note in German
 * ("Hier erfahrt ihr bei finanzen.net, wie ihr Bitcoins kaufen könnt") or
 * a post quoted in Spanish: their words are not the outlet's choice of
 * words, and their function words are not in the stopword list of the
 * article's language. Capitalised words do not count: names ("Le Roi de
 * Lahore") are not the language of a sentence; nor do repeats ("war" is
 * German for "was", and one English sentence may say "war" three times). */
#define FOREIGN_MIN_WORDS 3
#define FOREIGN_SHARE 0.25

static int seen_before(const px_story_sentence *ps, size_t k)
{
    for (size_t j = 0; j < k; j++)
        if (ps->terms[j] == ps->terms[k] && !(ps->flags[j] & PX_TERM_CAPITALIZED))
            return 1;
    return 0;
}

static int foreign_sentence(const stop_langs *sl, const px_story_sentence *ps, uint32_t own)
{
    uint32_t hits[MAX_STOP_LANGS] = {0}, words = 0;
    for (size_t k = 0; k < ps->n_terms; k++) {
        if ((ps->flags[k] & PX_TERM_CAPITALIZED) || seen_before(ps, k))
            continue;
        words++;
        for (size_t l = 0; l < sl->n; l++)
            hits[l] += (sl->mask[ps->terms[k]] >> l) & 1u;
    }
    for (size_t l = 0; l < sl->n; l++)
        if ((1u << l) != own && hits[l] >= FOREIGN_MIN_WORDS && hits[l] >= FOREIGN_SHARE * words)
            return 1;
    return 0;
}

static int collect_uses(const px_story_text *s, const unsigned char *name, const uint32_t *canon,
                        const stop_langs *sl, features *f, uses *u)
{
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < s->n_sentences; i++) {
        const px_story_sentence *ps = &s->sentences[i];
        const char *lang = s->articles[ps->article]->language;
        uint32_t own = lang_bit(sl, lang ? lang : "en");
        if (foreign_sentence(sl, ps, own))
            continue;
        for (size_t k = 0; rc == PX_OK && k < ps->n_terms; k++) {
            uint32_t t = canon[ps->terms[k]];
            /* a function word of this article's language (the story's other
               articles may be in another) */
            if (t == UINT32_MAX || (sl->mask[ps->terms[k]] & own))
                continue;
            if (!name[t])
                rc = uses_push(u, ps->source, feature_id(f, t, UINT32_MAX));
            if (rc != PX_OK || k == 0 || !(ps->flags[k] & PX_TERM_ADJACENT))
                continue;
            uint32_t p = canon[ps->terms[k - 1]];
            if (p == UINT32_MAX || (sl->mask[ps->terms[k - 1]] & own))
                continue;
            int numbers = px_story_term_is_number(s, p) || px_story_term_is_number(s, t);
            if (!numbers && p != t && (!name[p] || !name[t]))
                rc = uses_push(u, ps->source, feature_id(f, p, t));
        }
    }
    return rc;
}

/* ---- the statistic --------------------------------------------------------- */

static double log_odds_z(double yi, double ni, double yj, double nj, double a, double a0)
{
    double li = log((yi + a) / fmax(ni + a0 - yi - a, 1e-9));
    double lj = log((yj + a) / fmax(nj + a0 - yj - a, 1e-9));
    return (li - lj) / sqrt(1.0 / (yi + a) + 1.0 / (yj + a));
}

typedef struct totals {
    size_t *uni, *bi;        /* per source */
    size_t all_uni, all_bi;
} totals;

static char *feature_text(const px_story_text *s, const feature *f)
{
    if (f->t2 == UINT32_MAX)
        return px_strdup(s->term_words[f->t1]);
    px_buf b = {0};
    px_buf_printf(&b, "%s %s", s->term_words[f->t1], s->term_words[f->t2]);
    return b.data;
}

static int term_cmp(const void *a, const void *b)
{
    const px_framing_term *x = a, *y = b;
    return x->z < y->z ? 1 : x->z > y->z ? -1 : strcmp(x->term, y->term);
}

/* Scores the features one outlet uses; its uses are u[0..n). */
static int score_source(const px_story_text *s, const px_background *bg, const features *f,
                        const use *u, size_t n, const totals *tt, px_source_framing *out)
{
    size_t src = out->source;
    px_framing_term *cand = NULL;
    size_t n_cand = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && u[j].feature == u[i].feature)
            j++;
        const feature *ft = &f->v[u[i].feature];
        double yi = (double)(j - i);
        i = j;
        if (yi < 2)
            continue;
        int phrase = ft->t2 != UINT32_MAX;
        double ni = (double)(phrase ? tt->bi[src] : tt->uni[src]);
        double nall = (double)(phrase ? tt->all_bi : tt->all_uni);
        double yj = (double)ft->total - yi, nj = nall - ni;
        double pi = (double)ft->total / fmax(nall, 1);
        double bgc = phrase ? 0 : px_background_count(bg, s->terms[ft->t1]);
        double bgn = px_background_total(bg);
        if (bgc > 0 && bgn > 0)
            pi = 0.5 * pi + 0.5 * bgc / bgn;
        double a = PX_FRAMING_PRIOR * pi;
        double z_bg = bgn > 0 && !phrase
                          ? log_odds_z(yi, ni, bgc, bgn, a, PX_FRAMING_PRIOR)
                          : 0;
        double z = s->n_sources > 1 ? log_odds_z(yi, ni, yj, nj, a, PX_FRAMING_PRIOR) : z_bg;
        if (z < PX_FRAMING_MIN_Z || (bgc > 0 && z_bg < PX_FRAMING_MIN_Z_BACKGROUND))
            continue;
        px_framing_term *nc = realloc(cand, (n_cand + 1) * sizeof *nc);
        if (!nc)
            goto oom;
        cand = nc;
        cand[n_cand] = (px_framing_term){feature_text(s, ft), phrase, (size_t)yi, (size_t)yj, z, z_bg};
        if (!cand[n_cand++].term)
            goto oom;
    }
    if (n_cand)
        qsort(cand, n_cand, sizeof *cand, term_cmp);
    for (size_t k = PX_FRAMING_MAX_TERMS; k < n_cand; k++)
        free(cand[k].term);
    out->terms = cand;
    out->n_terms = n_cand < PX_FRAMING_MAX_TERMS ? n_cand : PX_FRAMING_MAX_TERMS;
    return PX_OK;
oom:
    for (size_t k = 0; k < n_cand; k++)
        free(cand[k].term);
    free(cand);
    return PX_ENOMEM;
}

/* ---- actor labels -------------------------------------------------------- */

static int add_label(px_source_framing *sf, const char *actor, const char *label, size_t count)
{
    for (size_t i = 0; i < sf->n_labels; i++)
        if (strcasecmp(sf->labels[i].actor, actor) == 0 && strcmp(sf->labels[i].label, label) == 0) {
            sf->labels[i].count += count;
            return PX_OK;
        }
    px_actor_label *v = realloc(sf->labels, (sf->n_labels + 1) * sizeof *v);
    if (!v)
        return PX_ENOMEM;
    sf->labels = v;
    v[sf->n_labels] = (px_actor_label){px_strdup(actor), px_strdup(label), count};
    if (!v[sf->n_labels].actor || !v[sf->n_labels].label) {
        free(v[sf->n_labels].actor);
        free(v[sf->n_labels].label);
        return PX_ENOMEM;
    }
    sf->n_labels++;
    return PX_OK;
}

static int label_cmp(const void *a, const void *b)
{
    const px_actor_label *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    int c = strcasecmp(x->actor, y->actor);
    return c ? c : strcmp(x->label, y->label);
}

/* Labels compared as one word whatever their number: "official" and
 * "officials" are the same label, not a choice between two. */
static int label_word_cmp(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    na -= na > 1 && a[na - 1] == 's';
    nb -= nb > 1 && b[nb - 1] == 's';
    int c = strncmp(a, b, na < nb ? na : nb);
    return c ? c : (na > nb) - (na < nb);
}

static int pair_cmp(const void *a, const void *b)
{
    const px_actor_label *x = *(px_actor_label *const *)a, *y = *(px_actor_label *const *)b;
    int c = strcasecmp(x->actor, y->actor);
    return c ? c : label_word_cmp(x->label, y->label);
}

/* With two or more outlets, a label is a choice only when the outlets call
 * the actor by more than one label ("terrorists" here, "resistance
 * movement" there); an actor every labelling outlet names alike ("Biden
 * administration") is dropped: it contrasts nothing. */
static int keep_contrasts(px_framing *out)
{
    size_t n = 0;
    for (size_t i = 0; i < out->n; i++)
        n += out->v[i].n_labels;
    px_actor_label **all = malloc((n + 1) * sizeof *all);
    unsigned char *keep = calloc(n + 1, 1);
    if (!all || !keep) {
        free(all);
        free(keep);
        return PX_ENOMEM;
    }
    n = 0;
    for (size_t i = 0; i < out->n; i++)
        for (size_t k = 0; k < out->v[i].n_labels; k++)
            all[n++] = &out->v[i].labels[k];
    qsort(all, n, sizeof *all, pair_cmp);
    for (size_t i = 0, j; i < n; i = j) {
        size_t distinct = 1;
        for (j = i + 1; j < n && strcasecmp(all[j]->actor, all[i]->actor) == 0; j++)
            distinct += label_word_cmp(all[j]->label, all[j - 1]->label) != 0;
        for (size_t k = i; k < j; k++)
            keep[k] = distinct > 1;
    }
    /* mark the dropped ones through their count, then compact each list */
    for (size_t k = 0; k < n; k++)
        if (!keep[k])
            all[k]->count = 0;
    for (size_t i = 0; i < out->n; i++) {
        px_source_framing *sf = &out->v[i];
        size_t m = 0;
        for (size_t k = 0; k < sf->n_labels; k++) {
            if (sf->labels[k].count) {
                sf->labels[m++] = sf->labels[k];
            } else {
                free(sf->labels[k].actor);
                free(sf->labels[k].label);
            }
        }
        sf->n_labels = m;
    }
    free(all);
    free(keep);
    return PX_OK;
}

/* Is the last word of w a descriptor noun ("resistance movement",
 * "terrorists"), not any word an outlet puts before a name ("iconic")? */
static int ends_in_descriptor(const char *w)
{
    const char *last = strrchr(w, ' ');
    last = last ? last + 1 : w;
    return px_is_descriptor_word(last, strlen(last));
}

int px_framing_label_actors(px_framing *f, const px_story_text *s, const px_entity_list *people,
                            const px_actor_table *t)
{
    int rc = PX_OK;
    for (size_t r = 0; rc == PX_OK && r < t->n; r++) {
        const char *actor = people->v[t->rows[r].entity].name;
        for (size_t c = 0; rc == PX_OK && c < t->rows[r].n_cells; c++) {
            const px_actor_cell *cell = &t->rows[r].cells[c];
            for (size_t w = 0; rc == PX_OK && w < cell->n_words; w++)
                if (cell->source < f->n && ends_in_descriptor(cell->words[w].word))
                    rc = add_label(&f->v[cell->source], actor, cell->words[w].word, cell->words[w].count);
        }
    }
    if (rc == PX_OK && s->n_sources > 1)
        rc = keep_contrasts(f);
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].n_labels > 1)
            qsort(f->v[i].labels, f->v[i].n_labels, sizeof *f->v[i].labels, label_cmp);
    return rc;
}

/* ---- building ------------------------------------------------------------- */

int px_framing_build(const px_story_text *s, const px_background *bg, px_framing *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    features f = {0};
    uses u = {0};
    totals tt = {0};
    unsigned char *name = px_story_name_terms(s);
    uint32_t *canon = framing_terms(s);
    stop_langs sl;
    int sl_rc = stop_langs_make(s, &sl);
    out->v = calloc(s->n_sources + 1, sizeof *out->v);
    tt.uni = calloc(s->n_sources + 1, sizeof *tt.uni);
    tt.bi = calloc(s->n_sources + 1, sizeof *tt.bi);
    int rc = name && canon && sl_rc == PX_OK && out->v && tt.uni && tt.bi ? PX_OK : PX_ENOMEM;
    if (rc == PX_OK) {
        out->n = s->n_sources;
        for (size_t i = 0; i < s->n_sources; i++)
            out->v[i].source = i;
        rc = collect_uses(s, name, canon, &sl, &f, &u);
    }
    for (size_t i = 0; rc == PX_OK && i < u.n; i++) {
        feature *ft = &f.v[u.v[i].feature];
        ft->total++;
        int phrase = ft->t2 != UINT32_MAX;
        (phrase ? tt.bi : tt.uni)[u.v[i].source]++;
        *(phrase ? &tt.all_bi : &tt.all_uni) += 1;
        out->v[u.v[i].source].n_words += !phrase;
    }
    if (rc == PX_OK && u.n)
        qsort(u.v, u.n, sizeof *u.v, use_cmp);
    for (size_t i = 0; rc == PX_OK && i < u.n;) {
        size_t j = i;
        while (j < u.n && u.v[j].source == u.v[i].source)
            j++;
        rc = score_source(s, bg, &f, u.v + i, j - i, &tt, &out->v[u.v[i].source]);
        i = j;
    }
    free(canon);
    free(sl.mask);
    free(name);
    features_free(&f);
    free(u.v);
    free(tt.uni);
    free(tt.bi);
    if (rc != PX_OK) {
        px_framing_free(out);
        return px_error_set(err, rc, "out of memory computing framing");
    }
    return PX_OK;
}

void px_framing_free(px_framing *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        px_source_framing *sf = &f->v[i];
        for (size_t k = 0; k < sf->n_terms; k++)
            free(sf->terms[k].term);
        for (size_t k = 0; k < sf->n_labels; k++) {
            free(sf->labels[k].actor);
            free(sf->labels[k].label);
        }
        free(sf->terms);
        free(sf->labels);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}
