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

static int sentence_has_term(const px_doc *d, uint32_t sentence, uint32_t term)
{
    for (size_t t = d->first_token[sentence]; t < d->first_token[sentence + 1]; t++)
        if (d->tok[t].term == term)
            return 1;
    return 0;
}

/* The day the story dates an event: of the past days named (with a day)
 * in sentences that also name the event, the one named most often, the
 * earliest on a tie; -1 when none. tx[i] are the expressions of article i. */
static long event_day(const px_story_text *s, const px_timexes *tx, const px_lexicon *lx, uint32_t term)
{
    long best = -1;
    size_t best_n = 0, nd = 0, cap = 0;
    long *days = NULL;
    for (size_t i = 0; i < s->n_articles; i++) {
        const px_doc *d = &s->docs[i];
        if (d->lexicon != lx)
            continue; /* another language's terms */
        for (size_t k = 0; k < tx[i].n; k++) {
            const px_timex *x = &tx[i].v[k];
            long day;
            size_t t = cl_token_at(&d->tokens, x->start);
            if (!x->date[0] || x->grain != PX_GRAIN_DAY || x->future || x->since || t >= d->tokens.n ||
                px_date_days(x->date, &day) != PX_OK || !sentence_has_term(d, d->tok[t].sentence, term))
                continue;
            if (nd == cap) {
                long *more = realloc(days, (cap = cap ? 2 * cap : 16) * sizeof *days);
                if (!more)
                    break; /* out of memory: estimate from what was seen */
                days = more;
            }
            days[nd++] = day;
        }
    }
    if (nd)
        qsort(days, nd, sizeof *days, long_cmp);
    for (size_t a = 0, b; a < nd; a = b) {
        for (b = a; b < nd && days[b] == days[a]; b++)
            ;
        if (b - a > best_n) {
            best_n = b - a;
            best = days[a];
        }
    }
    free(days);
    return best;
}

/* Whether the text counts a time from an event ("after the attack"). */
static int counts_from_event(const px_doc *d, const px_timexes *tx)
{
    for (size_t k = 0; k < tx->n; k++)
        if (tx->v[k].type == PX_TIMEX_DURATION && duration_days(tx->v[k].value) > 0 &&
            event_counted_from(d, cl_token_at(&d->tokens, tx->v[k].end)) != PX_NO_TERM)
            return 1;
    return 0;
}

/* The days event_day gave, by lexicon and term: event_day reads every
 * expression of the story, and a long text counts from the same events
 * many times ("after the war" in every other paragraph). */
typedef struct event_days {
    px_map seen; /* key: the lexicon's address and the term */
    long *day;   /* by id */
    size_t cap;
} event_days;

/* event_day, remembered, into *day; PX_ENOMEM when out of memory. */
static int event_day_once(const px_story_text *s, const px_timexes *tx, const px_lexicon *lx, uint32_t term,
                          event_days *memo, long *day)
{
    char key[sizeof lx + sizeof term];
    memcpy(key, &lx, sizeof lx);
    memcpy(key + sizeof lx, &term, sizeof term);
    int added = 0;
    uint32_t id = px_map_intern(&memo->seen, key, sizeof key, &added);
    if (id == PX_MAP_NONE || px_grow(&memo->day, &memo->cap, (size_t)id + 1, sizeof *memo->day, 16, 0) != PX_OK)
        return PX_ENOMEM;
    if (added)
        memo->day[id] = event_day(s, tx, lx, term);
    *day = memo->day[id];
    return PX_OK;
}

/* The latest day article i can be dated by the times its text counts from
 * events of the story ("five weeks into the war": the war's day plus 35),
 * into *best; -1 when it counts from none the story dates. */
static int counted_day(const px_story_text *s, const px_timexes *tx, size_t i, event_days *memo, long *best)
{
    const px_doc *d = &s->docs[i];
    *best = -1;
    for (size_t k = 0; k < tx[i].n; k++) {
        const px_timex *x = &tx[i].v[k];
        long days = x->type == PX_TIMEX_DURATION ? duration_days(x->value) : -1;
        uint32_t event = days > 0 ? event_counted_from(d, cl_token_at(&d->tokens, x->end)) : PX_NO_TERM;
        long from = -1;
        if (event != PX_NO_TERM && event_day_once(s, tx, d->lexicon, event, memo, &from) != PX_OK)
            return PX_ENOMEM;
        if (from >= 0 && from + days > *best)
            *best = from + days;
    }
    return PX_OK;
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
    long *est = calloc(n + 1, sizeof *est);
    event_days memo = {0};
    for (size_t i = 0; rc == PX_OK && est && i < n; i++) {
        est[i] = -1;
        if (has_date(s->articles[i]))
            continue;
        long counted, own = latest_named_day(&tx[i]);
        if ((rc = counted_day(s, tx, i, &memo, &counted)) != PX_OK)
            break;
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
    px_map_free(&memo.seen);
    free(memo.day);
    for (size_t i = 0; i < n; i++)
        px_timexes_free(&tx[i]);
    free(tx);
    free(est);
    return rc;
}
