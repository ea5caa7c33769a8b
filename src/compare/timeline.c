/* timeline.c - date expressions in news text, resolved against the
 * article date, and the story's ordered timeline. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax/text.h"
#include "parallax/timeline.h"

const char *px_date_grain_name(px_date_grain g)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    return g <= PX_GRAIN_YEAR ? names[g] : "day";
}

/* ---- token helpers ------------------------------------------------------ */

typedef struct scan {
    const char *text;
    const px_token *t;
    size_t n;
    int has_ref;
    long ref;           /* reference day number */
    long ref_year;
    int ref_month, ref_day;
} scan;

/* Token i's text without a trailing period. */
static size_t word_at(const scan *sc, size_t i, const char **w)
{
    const px_token *t = &sc->t[i];
    *w = sc->text + t->start;
    size_t len = t->end - t->start;
    if (len > 1 && (*w)[len - 1] == '.')
        len--;
    return len;
}

static int is_word(const scan *sc, size_t i, const char *word)
{
    if (i >= sc->n || (sc->t[i].kind != PX_TOK_WORD && sc->t[i].kind != PX_TOK_NUMBER))
        return 0;
    const char *w;
    size_t len = word_at(sc, i, &w);
    return ((unsigned char)w[0] | 0x20) == (unsigned char)word[0] && strlen(word) == len &&
           strncasecmp(w, word, len) == 0;
}

static int is_one_of(const scan *sc, size_t i, const char *const *words)
{
    for (; *words; words++)
        if (is_word(sc, i, *words))
            return 1;
    return 0;
}

static int capitalized(const scan *sc, size_t i)
{
    return i < sc->n && (sc->t[i].flags & PX_TOKF_CAPITALIZED);
}

static int weekday_at(const scan *sc, size_t i)
{
    static const char *const days[] = {"sunday", "monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday"};
    if (!capitalized(sc, i))
        return -1;
    for (int d = 0; d < 7; d++)
        if (is_word(sc, i, days[d]))
            return d;
    return -1;
}

static int month_at(const scan *sc, size_t i)
{
    if (i >= sc->n || sc->t[i].kind != PX_TOK_WORD || !capitalized(sc, i))
        return 0;
    const char *w;
    size_t len = word_at(sc, i, &w);
    if (len == 3 && strncasecmp(w, "may", 3) != 0 && sc->text[sc->t[i].start + 3] != '.')
        return 0; /* "Jan" alone is rarely a month; "Jan." is */
    return px_month_from_word(w, len);
}

/* A number token's value when it is digits with an optional ordinal
 * suffix (7, 7th, 2023); -1 otherwise. */
static long number_at(const scan *sc, size_t i)
{
    if (i >= sc->n || sc->t[i].kind != PX_TOK_NUMBER)
        return -1;
    const char *w = sc->text + sc->t[i].start;
    size_t len = sc->t[i].end - sc->t[i].start;
    long v = 0;
    size_t k = 0;
    for (; k < len && k < 6 && w[k] >= '0' && w[k] <= '9'; k++)
        v = v * 10 + (w[k] - '0');
    if (k == 0)
        return -1;
    if (k == len)
        return v;
    if (len - k == 2 && (strncasecmp(w + k, "st", 2) == 0 || strncasecmp(w + k, "nd", 2) == 0 ||
                         strncasecmp(w + k, "rd", 2) == 0 || strncasecmp(w + k, "th", 2) == 0))
        return v;
    return -1;
}

static int plain_year(const scan *sc, size_t i)
{
    long v = number_at(sc, i);
    return i < sc->n && sc->t[i].end - sc->t[i].start == 4 && v >= 1800 && v <= 2100 ? (int)v : 0;
}

static long count_word_at(const scan *sc, size_t i)
{
    static const char *const words[] = {"a", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve", NULL};
    for (long k = 0; words[k]; k++)
        if (is_word(sc, i, words[k]))
            return k ? k : 1;
    if (is_word(sc, i, "an"))
        return 1;
    long v = number_at(sc, i);
    return v > 0 && v < 1000 ? v : -1;
}

/* ---- tense cue ---------------------------------------------------------- */

static const char *const future_cues[] = {"will", "would", "'ll", "shall", "plans", "plan",
                                          "planned", "scheduled", "expected", "expects", "due",
                                          "upcoming", "next", "until", "tomorrow", NULL};
static const char *const past_cues[] = {"said", "says", "was", "were", "had", "did", "began",
                                        "told", "ago", "last", "since", "announced", NULL};

/* 1 when the nearest cue before token i (within its text) is a future one. */
static int future_before(const scan *sc, size_t i)
{
    for (size_t k = i, steps = 0; k-- > 0 && steps < 30; steps++) {
        if (sc->t[k].kind == PX_TOK_PUNCT && sc->text[sc->t[k].start] == ';')
            break;
        if (is_one_of(sc, k, future_cues))
            return 1;
        if (sc->t[k].flags & PX_TOKF_CONTRACTION) {
            const char *w = sc->text + sc->t[k].start;
            size_t len = sc->t[k].end - sc->t[k].start;
            if (len > 3 && strncasecmp(w + len - 2, "ll", 2) == 0)
                return 1;
        }
        if (is_one_of(sc, k, past_cues))
            return 0;
        if (sc->t[k].kind == PX_TOK_WORD) {
            const char *w;
            size_t len = word_at(sc, k, &w);
            if (len > 4 && strncasecmp(w + len - 2, "ed", 2) == 0)
                return 0;
        }
    }
    return 0;
}

/* ---- resolution ---------------------------------------------------------- */

static void set_day(px_date_mention *m, long days, px_date_grain g)
{
    px_date_from_days(days, m->date);
    m->grain = g;
}

static long monday_of(long days)
{
    long wd = ((days % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday: Monday = 0 */
    return days - wd;
}

static int weekday_of(long days)
{
    return (int)(((days % 7) + 7 + 4) % 7); /* Sunday = 0 */
}

static long shift_months(long year, int month, long delta, long *out_year)
{
    long idx = year * 12 + (month - 1) + delta;
    *out_year = idx / 12;
    return idx % 12 + 1;
}

static int push(px_date_mentions *out, const px_date_mention *m)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        px_date_mention *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return PX_ENOMEM;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = *m;
    return PX_OK;
}

/* Year for a month (and day) given without one. */
static long year_for(const scan *sc, int month, int day, int future)
{
    long y = sc->ref_year;
    long d = px_days_from_date(y, month, day ? day : 1);
    if (future) {
        long end = day ? d : px_days_from_date(y, month, px_days_in_month(y, month));
        return end < sc->ref ? y + 1 : y;
    }
    return d > sc->ref ? y - 1 : y;
}

static const char *const year_preps[] = {"in", "since", "by", "until", "from", "through", "of",
                                         "during", "before", "after", "early", "late", "mid",
                                         "around", "throughout", NULL};

/* Tries every pattern at token i; returns tokens consumed (0 = none). */
static size_t match_at(const scan *sc, size_t i, px_date_mention *m)
{
    memset(m, 0, sizeof *m);
    int month = month_at(sc, i);
    if (month) {
        long day = number_at(sc, i + 1);
        size_t k = i + 1;
        if (day >= 1 && day <= 31 && sc->t[i + 1].end - sc->t[i + 1].start <= 4) {
            k = i + 2;
            size_t at_year = k;
            if (k < sc->n && sc->t[k].kind == PX_TOK_PUNCT && sc->text[sc->t[k].start] == ',')
                at_year++;
            int year = plain_year(sc, at_year);
            long y;
            if (year)
                y = year, k = at_year + 1;
            else if (sc->has_ref)
                y = year_for(sc, month, (int)day, future_before(sc, i)), m->relative = 1;
            else
                return k - i; /* unresolvable: recorded with an empty date */
            if (day > px_days_in_month(y, month))
                return 0;
            set_day(m, px_days_from_date(y, month, (int)day), PX_GRAIN_DAY);
            return k - i;
        }
        int year = plain_year(sc, i + 1);
        if (year) {
            set_day(m, px_days_from_date(year, month, 1), PX_GRAIN_MONTH);
            return 2;
        }
        if (i == 0 || !is_one_of(sc, i - 1, year_preps))
            return 0;
        if (!sc->has_ref)
            return 1;
        m->relative = 1;
        set_day(m, px_days_from_date(year_for(sc, month, 0, future_before(sc, i)), month, 1),
                PX_GRAIN_MONTH);
        return 1;
    }
    long day = number_at(sc, i);
    if (day >= 1 && day <= 31 && (month = month_at(sc, i + 1)) != 0) {
        int year = plain_year(sc, i + 2);
        long y = year ? year : sc->ref_year;
        if ((!year && !sc->has_ref) || day > px_days_in_month(y, month))
            return 0;
        m->relative = !year;
        set_day(m, px_days_from_date(year ? year : year_for(sc, month, (int)day, future_before(sc, i)),
                                     month, (int)day),
                PX_GRAIN_DAY);
        return year ? 3 : 2;
    }
    int year = plain_year(sc, i);
    if (year && i > 0 && is_one_of(sc, i - 1, year_preps)) {
        set_day(m, px_days_from_date(year, 1, 1), PX_GRAIN_YEAR);
        return 1;
    }
    return 0;
}

/* Expressions that need the reference date. */
static size_t match_relative(const scan *sc, size_t i, px_date_mention *m)
{
    memset(m, 0, sizeof *m);
    m->relative = 1;
    int wd = weekday_at(sc, i);
    if (wd >= 0) {
        int cur = weekday_of(sc->ref);
        long back = (cur - wd + 7) % 7, ahead = (wd - cur + 7) % 7;
        int future = is_word(sc, i - 1, "next") || (i > 0 && future_before(sc, i));
        if (is_word(sc, i - 1, "last") && back == 0)
            back = 7;
        set_day(m, future ? sc->ref + ahead : sc->ref - back, PX_GRAIN_DAY);
        return 1;
    }
    if (is_word(sc, i, "today") || is_word(sc, i, "tonight")) {
        set_day(m, sc->ref, PX_GRAIN_DAY);
        return 1;
    }
    if (is_word(sc, i, "yesterday")) {
        set_day(m, sc->ref - 1, PX_GRAIN_DAY);
        return 1;
    }
    if (is_word(sc, i, "tomorrow")) {
        set_day(m, sc->ref + 1, PX_GRAIN_DAY);
        return 1;
    }
    int dir = is_word(sc, i, "last") || is_word(sc, i, "past") ? -1
              : is_word(sc, i, "next")                          ? 1
              : is_word(sc, i, "this")                          ? 0
                                                                : 2;
    if (dir != 2 && i + 1 < sc->n) {
        long y;
        if (is_word(sc, i + 1, "week")) {
            set_day(m, monday_of(sc->ref) + 7 * dir, PX_GRAIN_WEEK);
            return 2;
        }
        if (is_word(sc, i + 1, "month")) {
            long mo = shift_months(sc->ref_year, sc->ref_month, dir, &y);
            set_day(m, px_days_from_date(y, (int)mo, 1), PX_GRAIN_MONTH);
            return 2;
        }
        if (is_word(sc, i + 1, "year")) {
            set_day(m, px_days_from_date(sc->ref_year + dir, 1, 1), PX_GRAIN_YEAR);
            return 2;
        }
    }
    long count = count_word_at(sc, i);
    if (count > 0 && i + 2 < sc->n && is_word(sc, i + 2, "ago")) {
        const char *w;
        size_t len = word_at(sc, i + 1, &w);
        long y;
        if (len >= 3 && strncasecmp(w, "day", 3) == 0)
            set_day(m, sc->ref - count, PX_GRAIN_DAY);
        else if (len >= 4 && strncasecmp(w, "week", 4) == 0)
            set_day(m, monday_of(sc->ref - 7 * count), PX_GRAIN_WEEK);
        else if (len >= 5 && strncasecmp(w, "month", 5) == 0) {
            long mo = shift_months(sc->ref_year, sc->ref_month, -count, &y);
            set_day(m, px_days_from_date(y, (int)mo, 1), PX_GRAIN_MONTH);
        } else if (len >= 4 && strncasecmp(w, "year", 4) == 0 && count <= sc->ref_year)
            set_day(m, px_days_from_date(sc->ref_year - count, 1, 1), PX_GRAIN_YEAR);
        else
            return 0;
        return 3;
    }
    return 0;
}

/* Would match_relative match here if there were a reference date? */
static int looks_relative(const scan *sc, size_t i)
{
    scan probe = *sc;
    probe.has_ref = 1;
    probe.ref = 20000;
    probe.ref_year = 2024;
    probe.ref_month = 10;
    probe.ref_day = 4;
    px_date_mention m;
    return match_relative(&probe, i, &m) > 0;
}

int px_find_dates(const char *text, size_t len, const char *ref_date, px_date_mentions *out)
{
    px_tokens toks = {0};
    int rc = px_tokenize(text, len, &toks);
    if (rc != PX_OK) {
        px_tokens_free(&toks);
        return rc;
    }
    scan sc = {.text = text, .t = toks.v, .n = toks.n};
    long ref;
    if (ref_date && px_date_days(ref_date, &ref) == PX_OK) {
        sc.has_ref = 1;
        sc.ref = ref;
        char iso[11];
        px_date_from_days(ref, iso);
        sc.ref_year = strtol(iso, NULL, 10);
        sc.ref_month = (int)strtol(iso + 5, NULL, 10);
        sc.ref_day = (int)strtol(iso + 8, NULL, 10);
    }
    for (size_t i = 0; rc == PX_OK && i < toks.n;) {
        px_date_mention m;
        size_t used = match_at(&sc, i, &m);
        if (!used && sc.has_ref)
            used = match_relative(&sc, i, &m);
        else if (!used && looks_relative(&sc, i)) {
            memset(&m, 0, sizeof m);
            m.relative = 1;
            used = 1;
        }
        if (!used) {
            i++;
            continue;
        }
        m.start = toks.v[i].start;
        m.end = toks.v[i + used - 1].end;
        if (m.date[0] && sc.has_ref) {
            long d;
            m.future = px_date_days(m.date, &d) == PX_OK && d > sc.ref;
        }
        rc = push(out, &m);
        i += used;
    }
    px_tokens_free(&toks);
    return rc;
}

void px_date_mentions_free(px_date_mentions *m)
{
    if (!m)
        return;
    free(m->v);
    memset(m, 0, sizeof *m);
}

/* ---- timeline ------------------------------------------------------------- */

/* Mentions of the same date in sentences this similar are one event. */
#define SAME_EVENT_SIM 0.2

typedef struct tl_entry {
    char date[11];
    px_date_grain grain;
    int future;
    size_t sentence;
    size_t start, end; /* of the expression, in the article body */
} tl_entry;

static int entry_cmp(const void *a, const void *b)
{
    const tl_entry *x = a, *y = b;
    int c = strcmp(x->date, y->date);
    if (c)
        return c;
    if (x->grain != y->grain)
        return x->grain < y->grain ? -1 : 1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static int collect_entries(const px_story_text *s, tl_entry **out, size_t *n, size_t *unresolved)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    px_date_mentions dm = {0};
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < s->n_sentences; i++) {
        const px_story_sentence *ps = &s->sentences[i];
        const px_article *a = s->articles[ps->article];
        dm.n = 0;
        rc = px_find_dates(a->body + ps->start, ps->end - ps->start, a->date, &dm);
        for (size_t k = 0; rc == PX_OK && k < dm.n; k++) {
            if (!dm.v[k].date[0]) {
                (*unresolved)++;
                continue;
            }
            if (*n == cap) {
                cap = cap ? cap * 2 : 64;
                tl_entry *v = realloc(*out, cap * sizeof *v);
                if (!v) {
                    rc = PX_ENOMEM;
                    break;
                }
                *out = v;
            }
            tl_entry *e = &(*out)[(*n)++];
            memcpy(e->date, dm.v[k].date, sizeof e->date);
            e->grain = dm.v[k].grain;
            e->future = dm.v[k].future;
            e->sentence = i;
            e->start = ps->start + dm.v[k].start;
            e->end = ps->start + dm.v[k].end;
        }
    }
    px_date_mentions_free(&dm);
    return rc;
}

static int add_unique(size_t **v, size_t *n, size_t x)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i] == x)
            return PX_OK;
    size_t *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return PX_ENOMEM;
    nv[(*n)++] = x;
    *v = nv;
    return PX_OK;
}

static int new_event(const px_story_text *s, const tl_entry *e, px_timeline_event *ev)
{
    memset(ev, 0, sizeof *ev);
    const px_story_sentence *ps = &s->sentences[e->sentence];
    const char *body = s->articles[ps->article]->body;
    memcpy(ev->date, e->date, sizeof ev->date);
    ev->grain = e->grain;
    ev->future = e->future;
    ev->sentence = e->sentence;
    ev->expression = px_strndup(body + e->start, e->end - e->start);
    ev->text = px_strndup(body + ps->start, ps->end - ps->start);
    if (!ev->expression || !ev->text)
        return PX_ENOMEM;
    if (add_unique(&ev->sentences, &ev->n_sentences, e->sentence) != PX_OK)
        return PX_ENOMEM;
    return add_unique(&ev->sources, &ev->n_sources, ps->source);
}

static void event_free(px_timeline_event *ev)
{
    free(ev->expression);
    free(ev->text);
    free(ev->sources);
    free(ev->sentences);
}

/* Events of the same date compared with a new mention, latest first: bounds
 * the cost when thousands of sentences name the same day. */
#define MERGE_WINDOW 64

/* Adds entry e to an event of the same date already in t[first..] when its
 * sentence is alike; returns 1 if merged. */
static int merge_into(const px_story_text *s, px_timeline *t, size_t first, const tl_entry *e, int *rc)
{
    if (t->n - first > MERGE_WINDOW)
        first = t->n - MERGE_WINDOW;
    for (size_t k = first; k < t->n; k++) {
        px_timeline_event *ev = &t->events[k];
        if (ev->grain != e->grain || strcmp(ev->date, e->date) != 0)
            continue;
        if (ev->sentence != e->sentence &&
            px_story_similarity(s, ev->sentence, e->sentence) < SAME_EVENT_SIM)
            continue;
        *rc = add_unique(&ev->sentences, &ev->n_sentences, e->sentence);
        if (*rc == PX_OK)
            *rc = add_unique(&ev->sources, &ev->n_sources, s->sentences[e->sentence].source);
        return 1;
    }
    return 0;
}

int px_timeline_build(const px_story_text *s, px_timeline *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    tl_entry *e = NULL;
    size_t n = 0;
    int rc = collect_entries(s, &e, &n, &out->unresolved);
    if (rc == PX_OK && n) {
        qsort(e, n, sizeof *e, entry_cmp);
        out->events = calloc(n, sizeof *out->events);
        if (!out->events)
            rc = PX_ENOMEM;
    }
    size_t group_first = 0;
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        if (i > 0 && (strcmp(e[i].date, e[i - 1].date) != 0 || e[i].grain != e[i - 1].grain))
            group_first = out->n;
        if (merge_into(s, out, group_first, &e[i], &rc))
            continue;
        rc = new_event(s, &e[i], &out->events[out->n]);
        out->n++;
    }
    free(e);
    if (rc != PX_OK) {
        px_timeline_free(out);
        return px_error_set(err, rc, "out of memory building the timeline");
    }
    return PX_OK;
}

void px_timeline_free(px_timeline *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        event_free(&t->events[i]);
    free(t->events);
    memset(t, 0, sizeof *t);
}
