/* links.c - related stories in other languages (parallax/links.h): each
 * story's evidence (names, figures, dates) as a sorted set of keys, how
 * many of the compared stories carry each key, and the score of what two
 * stories of different languages share, each shared key weighed by its
 * rarity. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "core/grow.h"
#include "core/sort.h"
#include "parallax/compare.h"
#include "parallax/links.h"
#include "parallax/text.h"
#include "text/text_internal.h"

#define KIND_SHIFT 62
#define KEY_MASK ((UINT64_C(1) << KIND_SHIFT) - 1)
/* A one-word name whose English stem is met this often in the background
 * corpus (2 million words of BBC and Reuters news) is too common to tell
 * two events apart: a country, a capital, a big company alone. */
#define COMMON_NAME_COUNT 50
/* Counts below this are too often the same by chance (three people, 12
 * vehicles); years are dates, not figures. */
#define LEAST_COUNT 100

static uint64_t key_of(unsigned kind, const void *data, size_t len)
{
    return ((uint64_t)kind << KIND_SHIFT) | (XXH64(data, len, 0x11a6) & KEY_MASK);
}

typedef struct keys {
    uint64_t *v;
    size_t n, cap;
} keys;

static int add_key(keys *k, uint64_t key)
{
    if (px_grow(&k->v, &k->cap, k->n + 1, sizeof *k->v, 64, 0))
        return PX_ENOMEM;
    k->v[k->n++] = key;
    return PX_OK;
}

/* Is the one word w (folded) common in news? Looked up in the English
 * background table: the only one parallax ships. */
static int common_word(px_stemmer *stemmer, const char *w, size_t n)
{
    return px_background_word_count(stemmer, w, n) >= COMMON_NAME_COUNT;
}

static uint64_t name_key(px_stemmer *stemmer, const char *name, int is_person)
{
    char *f = name ? px_fold_name(name, strlen(name)) : NULL;
    if (!f)
        return 0;
    /* a person by surname: "Elena Voss", "Voss" and "Mayor Voss" are one */
    const char *use = f;
    const char *sp = strrchr(f, ' ');
    if (is_person && sp)
        use = sp + 1;
    size_t n = strlen(use);
    int one_word = !strchr(use, ' ');
    uint64_t key = 0;
    if (n >= 3 && !(one_word && common_word(stemmer, use, n)))
        key = key_of(PX_EVIDENCE_NAME, use, n);
    free(f);
    return key;
}

uint64_t px_evidence_name_key(const char *name, int is_person)
{
    px_stemmer *stemmer = px_stemmer_new("en");
    uint64_t key = name_key(stemmer, name, is_person);
    px_stemmer_free(stemmer);
    return key;
}

static int add_names(keys *k, const px_entity_list *people)
{
    px_stemmer *stemmer = px_stemmer_new("en"); /* one for the story's names */
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < people->n; i++) {
        const px_entity *e = &people->v[i];
        if (e->kind != PX_ENTITY_PERSON && e->kind != PX_ENTITY_ORG && e->kind != PX_ENTITY_PLACE)
            continue;
        uint64_t key = name_key(stemmer, e->name, e->kind == PX_ENTITY_PERSON);
        if (key && add_key(k, key))
            rc = PX_ENOMEM;
    }
    px_stemmer_free(stemmer);
    return rc;
}

/* A year written as a count (1961, 2023) says when, not how many. */
static int year_like(double v)
{
    return v >= 1800 && v <= 2100 && v == floor(v);
}

static int figure_counts(const px_number *x)
{
    if (x->vague || x->value <= 0)
        return 0;
    switch (x->kind) {
    case PX_NUM_MONEY:
    case PX_NUM_PERCENT:
    case PX_NUM_MEASURE:
        return x->unit != NULL;
    case PX_NUM_COUNT:
        return x->value >= LEAST_COUNT && !year_like(x->value);
    default:
        return 0;
    }
}

static int add_numbers(keys *k, const px_story_report *r)
{
    for (size_t a = 0; a < r->story->n_articles; a++) {
        const px_number_list *l = &r->numbers[a];
        for (size_t i = 0; i < l->n; i++) {
            const px_number *x = &l->v[i];
            if (!figure_counts(x))
                continue;
            char text[96];
            int n = snprintf(text, sizeof text, "%d|%s|%.3g", (int)x->kind, x->unit ? x->unit : "", x->value);
            if (n > 0 && add_key(k, key_of(PX_EVIDENCE_NUMBER, text, (size_t)n)))
                return PX_ENOMEM;
        }
    }
    return PX_OK;
}

static int add_dates(keys *k, const px_timeline *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->events[i].grain == PX_GRAIN_DAY && add_key(k, key_of(PX_EVIDENCE_DATE, t->events[i].date, 10)))
            return PX_ENOMEM;
    return PX_OK;
}

static void publication_days(const px_story_text *s, px_story_evidence *e)
{
    e->first_day = e->last_day = PX_NO_DAY;
    for (size_t i = 0; i < s->n_articles; i++) {
        long d;
        if (!s->articles[i]->date || px_date_days(s->articles[i]->date, &d) != PX_OK)
            continue;
        if (e->first_day == PX_NO_DAY || d < e->first_day)
            e->first_day = d;
        if (e->last_day == PX_NO_DAY || d > e->last_day)
            e->last_day = d;
    }
}

/* Sorts the keys and keeps each once. */
static int distinct(keys *k)
{
    if (k->n > 1 && px_sort_u64(k->v, k->n) != PX_OK)
        return PX_ENOMEM;
    size_t w = 0;
    for (size_t i = 0; i < k->n; i++)
        if (!w || k->v[i] != k->v[w - 1])
            k->v[w++] = k->v[i];
    k->n = w;
    return PX_OK;
}

int px_story_evidence_build(const px_story_report *r, px_story_evidence *out)
{
    memset(out, 0, sizeof *out);
    const px_story_text *s = r->story;
    px_language_primary(s->n_articles ? s->articles[0]->language : NULL, out->lang);
    publication_days(s, out);
    keys k = {0};
    int rc = add_names(&k, &r->people);
    if (rc == PX_OK)
        rc = add_numbers(&k, r);
    if (rc == PX_OK)
        rc = add_dates(&k, &r->timeline);
    if (rc == PX_OK)
        rc = distinct(&k);
    if (rc != PX_OK) {
        free(k.v);
        return rc;
    }
    out->keys = k.v;
    out->n = k.n;
    return PX_OK;
}

void px_story_evidence_free(px_story_evidence *e)
{
    if (!e)
        return;
    free(e->keys);
    e->keys = NULL;
    e->n = 0;
}

/* Days between the two publication spans; -1 when either is undated. */
static long days_apart(const px_story_evidence *a, const px_story_evidence *b)
{
    if (a->first_day == PX_NO_DAY || b->first_day == PX_NO_DAY)
        return -1;
    if (a->last_day < b->first_day)
        return b->first_day - a->last_day;
    if (b->last_day < a->first_day)
        return a->first_day - b->last_day;
    return 0;
}

int px_link_df_build(const px_story_evidence *ev, size_t n, px_link_df *out)
{
    memset(out, 0, sizeof *out);
    out->stories = n;
    keys all = {0};
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < ev[i].n; j++)
            if (add_key(&all, ev[i].keys[j])) {
                free(all.v);
                return PX_ENOMEM;
            }
    if (all.n > 1 && px_sort_u64(all.v, all.n) != PX_OK) {
        free(all.v);
        return PX_ENOMEM;
    }
    out->count = calloc(all.n ? all.n : 1, sizeof *out->count);
    if (!out->count) {
        free(all.v);
        return PX_ENOMEM;
    }
    /* each story's keys are distinct, so a run of one key is its count */
    size_t w = 0;
    for (size_t i = 0; i < all.n; i++) {
        if (w && all.v[i] == all.v[w - 1]) {
            out->count[w - 1]++;
            continue;
        }
        all.v[w] = all.v[i];
        out->count[w++] = 1;
    }
    out->keys = all.v;
    out->n = w;
    return PX_OK;
}

void px_link_df_free(px_link_df *df)
{
    if (!df)
        return;
    free(df->keys);
    free(df->count);
    *df = (px_link_df){0};
}

double px_link_key_weight(const px_link_df *df, uint64_t key)
{
    if (!df)
        return 1.0;
    size_t lo = px_lower_bound_u64(df->keys, df->n, key);
    if (lo == df->n || df->keys[lo] != key)
        return 1.0;
    double w = log(((double)df->stories + PX_LINK_DF_PRIOR) / (double)df->count[lo]) / log(PX_LINK_DF_RARE);
    return w > 1.0 ? 1.0 : w < 0.0 ? 0.0 : w;
}

/* The names and figures of e: what the share is taken over. */
static size_t names_and_figures(const px_story_evidence *e)
{
    size_t c = 0;
    for (size_t i = 0; i < e->n; i++)
        c += PX_EVIDENCE_KIND(e->keys[i]) != PX_EVIDENCE_DATE;
    return c;
}

/* The shared keys of a and b (both sorted: one merge walk), counted by
 * kind; returns the weighted sum of the shared names and figures. */
static double shared(const px_story_evidence *a, const px_story_evidence *b, const px_link_df *df,
                     px_link_detail *z)
{
    double weight = 0;
    for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
        if (a->keys[i] < b->keys[j]) {
            i++;
        } else if (a->keys[i] > b->keys[j]) {
            j++;
        } else {
            unsigned kind = PX_EVIDENCE_KIND(a->keys[i]);
            z->names += kind == PX_EVIDENCE_NAME;
            z->numbers += kind == PX_EVIDENCE_NUMBER;
            z->dates += kind == PX_EVIDENCE_DATE;
            if (kind != PX_EVIDENCE_DATE)
                weight += px_link_key_weight(df, a->keys[i]);
            i++, j++;
        }
    }
    return weight;
}

double px_story_link_score(const px_story_evidence *a, const px_story_evidence *b, const px_link_df *df,
                           px_link_detail *d)
{
    px_link_detail z = {0};
    long apart = days_apart(a, b);
    if (strcmp(a->lang, b->lang) != 0 && apart >= 0 && apart <= PX_LINK_WINDOW_DAYS) {
        double weight = shared(a, b, df, &z);
        double dates = PX_LINK_DATE_WEIGHT * (double)z.dates;
        z.score = weight + (dates < PX_LINK_DATE_CAP ? dates : PX_LINK_DATE_CAP);
        size_t na = names_and_figures(a), nb = names_and_figures(b);
        size_t fewer = na < nb ? na : nb;
        z.share = fewer ? (double)(z.names + z.numbers) / (double)fewer : 0.0;
    }
    if (d)
        *d = z;
    return z.score;
}

int px_story_link_accept(const px_link_detail *d)
{
    /* a small margin: a score summed from weights of 1 and 0.5 is exact,
     * one from logarithms may fall a rounding short */
    return d->names >= 1 && d->score >= PX_LINK_THRESHOLD - 1e-9 && d->share >= PX_LINK_SHARE - 1e-9;
}

char *px_story_evidence_to_text(const px_story_evidence *e)
{
    px_buf b = {0};
    int rc = px_buf_printf(&b, "%s", e->lang[0] ? e->lang : "en");
    if (e->first_day == PX_NO_DAY)
        rc = rc ? rc : px_buf_puts(&b, " - -");
    else
        rc = rc ? rc : px_buf_printf(&b, " %ld %ld", e->first_day, e->last_day);
    for (size_t i = 0; rc == PX_OK && i < e->n; i++)
        rc = px_buf_printf(&b, " %llx", (unsigned long long)e->keys[i]);
    if (rc != PX_OK) {
        px_buf_free(&b);
        return NULL;
    }
    return px_buf_steal(&b);
}

/* Days a story may lie from 1970 either way (about 27,000 years): day
 * differences never overflow. */
#define MAX_DAY 10000000L

/* One day of the text form: a number, or "-" for none. */
static int parse_day(const char **p, long *day)
{
    while (**p == ' ')
        (*p)++;
    if (**p == '-' && ((*p)[1] == ' ' || !(*p)[1])) {
        (*p)++;
        *day = PX_NO_DAY;
        return PX_OK;
    }
    char *end;
    if (!(isdigit((unsigned char)**p) || (**p == '-' && isdigit((unsigned char)(*p)[1]))))
        return PX_EFORMAT;
    *day = strtol(*p, &end, 10);
    if ((*end && *end != ' ') || *day < -MAX_DAY || *day > MAX_DAY)
        return PX_EFORMAT; /* "12c3": a day runs into what follows */
    *p = end;
    return PX_OK;
}

int px_story_evidence_parse(const char *text, px_story_evidence *out)
{
    memset(out, 0, sizeof *out);
    const char *p = text ? text : "";
    size_t n = strcspn(p, " ");
    if (n == 0 || n >= sizeof out->lang)
        return PX_EFORMAT;
    memcpy(out->lang, p, n);
    p += n;
    if (parse_day(&p, &out->first_day) || parse_day(&p, &out->last_day) ||
        (out->first_day == PX_NO_DAY) != (out->last_day == PX_NO_DAY))
        return PX_EFORMAT; /* a story is dated at both ends or at neither */
    keys k = {0};
    for (;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char *end = (char *)p;
        unsigned long long v = isxdigit((unsigned char)*p) ? strtoull(p, &end, 16) : 0;
        if (end == p || (*end && *end != ' ')) { /* hex digits and nothing else */
            free(k.v);
            return PX_EFORMAT;
        }
        if (add_key(&k, (uint64_t)v)) {
            free(k.v);
            return PX_ENOMEM;
        }
        p = end;
    }
    if (distinct(&k) != PX_OK) {
        free(k.v);
        return PX_ENOMEM;
    }
    out->keys = k.v;
    out->n = k.n;
    return PX_OK;
}

static int links_add(px_story_links *l, int64_t story, const char *lang, const char *title, double score)
{
    char *t = title ? px_strdup(title) : NULL;
    if ((title && !t) || px_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 4, 0)) {
        free(t);
        return PX_ENOMEM;
    }
    px_story_link *k = &l->v[l->n++];
    *k = (px_story_link){.story = story, .title = t, .score = score};
    snprintf(k->lang, sizeof k->lang, "%s", lang ? lang : "");
    return PX_OK;
}

void px_story_links_languages(const px_story_links *l, char *out, size_t cap)
{
    size_t w = 0;
    if (cap)
        out[0] = '\0';
    for (size_t i = 0; i < l->n; i++) {
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(l->v[j].lang, l->v[i].lang) == 0;
        if (seen)
            continue;
        int n = snprintf(out + w, cap > w ? cap - w : 0, "%s%s", w ? ", " : "", l->v[i].lang);
        if (n < 0 || w + (size_t)n >= cap)
            break;
        w += (size_t)n;
    }
}

static int by_score(const void *x, const void *y)
{
    const px_story_link *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->story > b->story) - (a->story < b->story);
}

/* Highest score first, then by story. */
static void links_sort(px_story_links *l)
{
    if (l->n > 1)
        qsort(l->v, l->n, sizeof *l->v, by_score);
}

void px_story_links_free(px_story_links *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].title);
    free(l->v);
    *l = (px_story_links){0};
}

static int one_language(const px_story_evidence *evidence, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(evidence[i].lang, evidence[0].lang) != 0)
            return 0;
    return 1;
}

/* The dated stories' indexes by first day: a story can link only those
 * that start at most PX_LINK_WINDOW_DAYS after it ends, so each looks
 * ahead in this order no further (undated stories link none). */
static size_t *by_first_day(const px_story_evidence *evidence, size_t n, size_t *n_dated)
{
    uint64_t *key = malloc((n + 1) * sizeof *key);
    size_t *order = malloc((n + 1) * sizeof *order);
    size_t m = 0;
    for (size_t i = 0; key && order && i < n; i++)
        if (evidence[i].first_day != PX_NO_DAY) /* days from 1970, two centuries either way */
            key[m++] = (uint64_t)(evidence[i].first_day + (1L << 20)) << 32 | (uint64_t)i;
    if (!key || !order || (m > 1 && px_sort_u64(key, m) != PX_OK)) {
        free(key);
        free(order);
        return NULL;
    }
    for (size_t k = 0; k < m; k++)
        order[k] = (size_t)(key[k] & 0xFFFFFFFFu);
    free(key);
    *n_dated = m;
    return order;
}

static int link_pair(const px_story_evidence *evidence, const char *const *titles, const px_link_df *df, size_t i,
                     size_t j, px_story_links *links)
{
    px_link_detail d;
    px_story_link_score(&evidence[i], &evidence[j], df, &d);
    if (!px_story_link_accept(&d))
        return PX_OK;
    if (links_add(&links[i], (int64_t)j + 1, evidence[j].lang, titles[j], d.score) ||
        links_add(&links[j], (int64_t)i + 1, evidence[i].lang, titles[i], d.score))
        return PX_ENOMEM;
    return PX_OK;
}

int px_link_stories(const px_story_evidence *evidence, const char *const *titles, size_t n,
                    px_story_links *links)
{
    if (one_language(evidence, n))
        return PX_OK;
    px_link_df df;
    size_t m = 0, *order = by_first_day(evidence, n, &m);
    if (!order)
        return PX_ENOMEM;
    if (px_link_df_build(evidence, n, &df) != PX_OK) {
        free(order);
        return PX_ENOMEM;
    }
    int rc = PX_OK;
    for (size_t a = 0; rc == PX_OK && a < m; a++) {
        const px_story_evidence *e = &evidence[order[a]];
        for (size_t b = a + 1; rc == PX_OK && b < m; b++) {
            if (evidence[order[b]].first_day > e->last_day + PX_LINK_WINDOW_DAYS)
                break;
            size_t i = order[a] < order[b] ? order[a] : order[b], j = order[a] ^ order[b] ^ i;
            rc = link_pair(evidence, titles, &df, i, j, links);
        }
    }
    px_link_df_free(&df);
    free(order);
    if (rc != PX_OK)
        return rc;
    /* each list in one order whatever the order pairs were met in */
    for (size_t i = 0; i < n; i++)
        links_sort(&links[i]);
    return PX_OK;
}
