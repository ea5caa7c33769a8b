/* undated.c - dates for the undated articles of a story: the time an
 * article counts from an event the story dates ("five weeks into the
 * war"), else the story's median date; marked as estimated. */
#include <stdlib.h>
#include <string.h>

#include "compare/undated.h"
#include "core/grow.h"
#include "core/map.h"
#include "parallax/timex.h"
#include "text/claims_common.h"
#include "text/timex_internal.h"

static int long_cmp(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* The days of a TIMEX3 duration in one unit ("P5W" 35, "P3D" 3, "P2M"
 * 61); -1 for any other value. */
static long duration_days(const char *value)
{
    if (value[0] != 'P')
        return -1;
    char *end;
    long n = strtol(value + 1, &end, 10);
    if (end == value + 1 || n <= 0 || n > 1000 || end[0] == '\0' || end[1] != '\0')
        return -1;
    switch (end[0]) {
    case 'D': return n;
    case 'W': return 7 * n;
    case 'M': return (n * 3044 + 50) / 100; /* 30.44 days a month */
    case 'Y': return (n * 36525 + 50) / 100;
    default: return -1;
    }
}

static int form_in(const px_doc *d, size_t t, const char *const *words)
{
    size_t len;
    const char *f = px_doc_form(d, t, &len);
    for (; f && *words; words++)
        if (strlen(*words) == len && memcmp(*words, f, len) == 0)
            return 1;
    return 0;
}

/* The term of the event a time counts from, in the tokens from t on:
 * "into|after|since the [Oct. 7] attack" gives "attack" (the last word of
 * the phrase; numbers are passed over); PX_NO_TERM when they do not read
 * so ("after Monday", "into Gaza"). */
static uint32_t event_counted_from(const px_doc *d, size_t t)
{
    static const char *const from[] = {"into", "after", "since", NULL};
    static const char *const det[] = {"the", "its", "his", "her", "their", "this", "that", NULL};
    size_t n = d->tokens.n;
    if (t + 2 >= n || !form_in(d, t, from) || !form_in(d, t + 1, det))
        return PX_NO_TERM;
    uint32_t sentence = d->tok[t].sentence, head = PX_NO_TERM;
    for (size_t k = t + 2; k < n && k < t + 6 && d->tok[k].sentence == sentence; k++) {
        if (d->tokens.v[k].kind == PX_TOK_NUMBER)
            continue;
        if (d->tokens.v[k].kind != PX_TOK_WORD || (d->tok[k].wclass & PX_WC_STOPWORD) ||
            d->tok[k].term == PX_NO_TERM)
            break;
        head = d->tok[k].term;
    }
    return head;
}

/* The events the undated articles count from ("five weeks into the
 * war"), by lexicon and term, and the day the story dates each. */
typedef struct events {
    px_map keys; /* the lexicon's address, then the term */
    long *day;   /* by id: the day, -1 when the story dates none */
    size_t cap;
} events;

typedef struct dated_event {
    uint32_t id;
    long day;
} dated_event;

static size_t event_key(char key[sizeof(void *) + sizeof(uint32_t)], const px_lexicon *lx, uint32_t term)
{
    memcpy(key, &lx, sizeof lx);
    memcpy(key + sizeof lx, &term, sizeof term);
    return sizeof lx + sizeof term;
}

static uint32_t event_id(const events *ev, const px_lexicon *lx, uint32_t term)
{
    char key[sizeof(void *) + sizeof(uint32_t)];
    return px_map_find(&ev->keys, key, event_key(key, lx, term));
}

static int by_event_then_day(const void *x, const void *y)
{
    const dated_event *a = x, *b = y;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    return a->day < b->day ? -1 : a->day > b->day;
}

/* A past day named (with a day) at expression x of document d, into
 * *day; 0 when x names none. Its token in *t. */
static int past_day_at(const px_doc *d, const px_timex *x, long *day, size_t *t)
{
    *t = cl_token_at(&d->tokens, x->start);
    return x->date[0] && x->grain == PX_GRAIN_DAY && !x->future && !x->since && *t < d->tokens.n &&
           px_date_days(x->date, day) == PX_OK;
}

/* Each event's day from the days named beside it (v[0..n), sorted here):
 * the one named most often, the earliest on a tie. */
static void most_named_days(dated_event *v, size_t n, events *ev)
{
    if (n)
        qsort(v, n, sizeof *v, by_event_then_day);
    size_t best_n = 0;
    for (size_t a = 0, b; a < n; a = b) {
        if (a == 0 || v[a].id != v[a - 1].id)
            best_n = 0;
        for (b = a; b < n && v[b].id == v[a].id && v[b].day == v[a].day; b++)
            ;
        if (b - a > best_n) {
            best_n = b - a;
            ev->day[v[a].id] = v[a].day;
        }
    }
}

/* The day the story dates each event: of the past days named (with a day)
 * in sentences that also name the event, the one named most often, the
 * earliest on a tie. One pass over the story's expressions for all the
 * events (each sentence's terms looked up), not one per event: a long text
 * counts from thousands. tx[i] are the expressions of article i. */
static int date_events(const px_story_text *s, const px_timexes *tx, events *ev)
{
    dated_event *v = NULL;
    size_t n = 0, cap = 0;
    /* by event: the stamp of the expression that last dated it */
    uint32_t *seen = ev->keys.n ? malloc(ev->keys.n * sizeof *seen) : NULL;
    if (ev->keys.n && (!seen || px_grow(&ev->day, &ev->cap, ev->keys.n, sizeof *ev->day, 16, 0) != PX_OK)) {
        free(seen);
        return PX_ENOMEM;
    }
    for (size_t e = 0; e < ev->keys.n; e++)
        seen[e] = 0, ev->day[e] = -1;
    uint32_t stamp = 0;
    int rc = PX_OK;
    for (size_t i = 0; ev->keys.n && rc == PX_OK && i < s->n_articles; i++) {
        const px_doc *d = &s->docs[i];
        for (size_t k = 0; rc == PX_OK && k < tx[i].n; k++) {
            long day;
            size_t t;
            if (!past_day_at(d, &tx[i].v[k], &day, &t))
                continue;
            stamp++;
            uint32_t sentence = d->tok[t].sentence;
            for (size_t w = d->first_token[sentence]; rc == PX_OK && w < d->first_token[sentence + 1]; w++) {
                uint32_t id = d->tok[w].term == PX_NO_TERM ? PX_MAP_NONE : event_id(ev, d->lexicon, d->tok[w].term);
                if (id == PX_MAP_NONE || seen[id] == stamp)
                    continue; /* no event, or this expression already counted for it */
                seen[id] = stamp;
                rc = px_grow(&v, &cap, n + 1, sizeof *v, 64, 0);
                if (rc == PX_OK)
                    v[n++] = (dated_event){id, day};
            }
        }
    }
    most_named_days(v, n, ev);
    free(v);
    free(seen);
    return rc;
}

/* The event each duration of tx counts from ("five weeks into the war":
 * the term of "war", the duration in *days), or PX_NO_TERM. */
static uint32_t counted_from(const px_doc *d, const px_timex *x, long *days)
{
    *days = x->type == PX_TIMEX_DURATION ? duration_days(x->value) : -1;
    return *days > 0 ? event_counted_from(d, cl_token_at(&d->tokens, x->end)) : PX_NO_TERM;
}

/* Whether the text counts a time from an event ("after the attack"). */
static int counts_from_event(const px_doc *d, const px_timexes *tx)
{
    long days;
    for (size_t k = 0; k < tx->n; k++)
        if (counted_from(d, &tx->v[k], &days) != PX_NO_TERM)
            return 1;
    return 0;
}

/* Adds the events article document d counts from to ev. */
static int add_events(events *ev, const px_doc *d, const px_timexes *tx)
{
    for (size_t k = 0; k < tx->n; k++) {
        long days;
        uint32_t event = counted_from(d, &tx->v[k], &days);
        char key[sizeof(void *) + sizeof(uint32_t)];
        if (event != PX_NO_TERM &&
            px_map_intern(&ev->keys, key, event_key(key, d->lexicon, event), NULL) == PX_MAP_NONE)
            return PX_ENOMEM;
    }
    return PX_OK;
}

/* The latest day article i can be dated by the times its text counts from
 * events of the story (the event's day plus the duration); -1 when it
 * counts from none the story dates. */
static long counted_day(const px_story_text *s, const px_timexes *tx, size_t i, const events *ev)
{
    const px_doc *d = &s->docs[i];
    long best = -1;
    for (size_t k = 0; k < tx[i].n; k++) {
        long days;
        uint32_t event = counted_from(d, &tx[i].v[k], &days);
        uint32_t id = event != PX_NO_TERM ? event_id(ev, d->lexicon, event) : PX_MAP_NONE;
        long from = id != PX_MAP_NONE ? ev->day[id] : -1;
        if (from >= 0 && from + days > best)
            best = from + days;
    }
    return best;
}

/* The latest past day article i's text names with its year ("on 7 October
 * 2023"); -1 when none. */
static long latest_named_day(const px_timexes *tx)
{
    long best = -1;
    for (size_t k = 0; k < tx->n; k++) {
        const px_timex *x = &tx->v[k];
        long d;
        if (x->date[0] && x->grain == PX_GRAIN_DAY && !x->future && !x->since && !x->relative &&
            px_date_days(x->date, &d) == PX_OK && d > best)
            best = d;
    }
    return best;
}

static int has_date(const px_article *a)
{
    long d;
    return a->date && px_date_days(a->date, &d) == PX_OK;
}

/* The median day of the dated articles; -1 when none is dated. */
static long median_day(const px_story_text *s)
{
    long *days = malloc((s->n_articles + 1) * sizeof *days);
    if (!days)
        return -2;
    size_t nd = 0;
    for (size_t i = 0; i < s->n_articles; i++)
        if (has_date(s->articles[i]))
            px_date_days(s->articles[i]->date, &days[nd++]);
    if (nd)
        qsort(days, nd, sizeof *days, long_cmp);
    long median = nd ? days[(nd - 1) / 2] : -1;
    free(days);
    return median;
}

int px_estimate_undated(const px_story_text *s)
{
    size_t n = s->n_articles, undated = 0;
    for (size_t i = 0; i < n; i++)
        undated += !has_date(s->articles[i]);
    if (!undated)
        return PX_OK;
    long median = median_day(s);
    px_timexes *tx = calloc(n + 1, sizeof *tx);
    if (median == -2 || !tx) {
        free(tx);
        return PX_ENOMEM;
    }
    /* every article's expressions, the undated ones resolved against the
     * median (relative days only serve to date the events counted from) */
    char ref[11];
    if (median >= 0)
        px_date_from_days(median, ref);
    int rc = PX_OK, counts = 0;
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        if (!has_date(s->articles[i])) {
            rc = px_timex_find_doc(&s->docs[i], median >= 0 ? ref : NULL, &tx[i]);
            counts = counts || counts_from_event(&s->docs[i], &tx[i]);
        }
    /* the dated articles' expressions only to date an event counted from */
    for (size_t i = 0; rc == PX_OK && counts && i < n; i++)
        if (has_date(s->articles[i]))
            rc = px_timex_find_doc(&s->docs[i], s->articles[i]->date, &tx[i]);
    /* the events the undated articles count from, each dated once */
    events ev = {0};
    for (size_t i = 0; rc == PX_OK && counts && i < n; i++)
        if (!has_date(s->articles[i]))
            rc = add_events(&ev, &s->docs[i], &tx[i]);
    if (rc == PX_OK)
        rc = date_events(s, tx, &ev);
    long *est = calloc(n + 1, sizeof *est);
    for (size_t i = 0; rc == PX_OK && est && i < n; i++) {
        est[i] = -1;
        if (has_date(s->articles[i]))
            continue;
        long counted = counted_day(s, tx, i, &ev), own = latest_named_day(&tx[i]);
        est[i] = counted >= 0 ? counted : median;
        est[i] = own > est[i] ? own : est[i];
    }
    /* dates set after every estimate: an estimate never dates an event */
    for (size_t i = 0; rc == PX_OK && est && i < n; i++) {
        if (est[i] < 0)
            continue;
        char iso[11];
        px_date_from_days(est[i], iso);
        if ((rc = px_set_str(&s->articles[i]->date, iso)) == PX_OK)
            s->articles[i]->date_estimated = 1;
    }
    if (!est)
        rc = PX_ENOMEM;
    px_map_free(&ev.keys);
    free(ev.day);
    for (size_t i = 0; i < n; i++)
        px_timexes_free(&tx[i]);
    free(tx);
    free(est);
    return rc;
}
