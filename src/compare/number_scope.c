/* number_scope.c - which event a numeric claim speaks of: the article's
 * own (event), another time or event (background), or the page around the
 * story (furniture: captions, fact boxes, "READ MORE" lines). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/number_scope.h"
#include "core/article_internal.h"

/* A date in the text this many days before the article's is another event. */
#define BACKGROUND_DAYS 10

void ns_date_init(ns_date *d, const char *iso)
{
    memset(d, 0, sizeof *d);
    if (iso && px_date_days(iso, &d->days) == PX_OK) {
        d->known = 1;
        d->year = strtol(iso, NULL, 10);
    }
}

/* ---- furniture: the line ------------------------------------------------------ */

static int starts_with_word(const char *s, size_t len, const char *w)
{
    size_t wl = strlen(w);
    return len >= wl && strncasecmp(s, w, wl) == 0 && (len == wl || !isalpha((unsigned char)s[wl]));
}

static int contains(const char *s, size_t len, const char *w)
{
    return memmem(s, len, w, strlen(w)) != NULL;
}

/* "Boosters: 2 Cores: 3": two or more label-colon-figure pairs. */
static int is_fact_box(const char *s, size_t len)
{
    int pairs = 0;
    for (size_t i = 1; i + 2 < len && pairs < 2; i++)
        if (s[i] == ':' && isalpha((unsigned char)s[i - 1]) && s[i + 1] == ' ' &&
            isdigit((unsigned char)s[i + 2]))
            pairs++;
    return pairs >= 2;
}

/* A line that only frames the story: a caption, a credit, a link to
 * another story, a fact box. */
int ns_line_is_furniture(const char *s, size_t len)
{
    static const char *const openers[] = {
        "read more", "related", "see also", "more:", "also read", "read also", "watch",
        "video", "photo", "photos", "image", "caption", "click", "sign up", "subscribe",
        "follow", "share", "getty images", "advertisement", "recommended", NULL};
    static const char *const inside[] = {"Hide Caption", "Photos:", "READ MORE", "Read More",
                                         "Click here", "Getty Images", NULL};
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    for (size_t k = 0; openers[k]; k++)
        if (starts_with_word(s, len, openers[k]))
            return 1;
    for (size_t k = 0; inside[k]; k++)
        if (contains(s, len, inside[k]))
            return 1;
    return is_fact_box(s, len);
}

/* ---- background: the sentence ------------------------------------------------- */

static int tok_is(const cl_doc *d, size_t i, size_t hi, const char *w)
{
    return i < hi && cl_tok_is(d, i, w);
}

/* Phrases that place a sentence at another time: "last year's", "earlier
 * this month", "years ago". */
static int other_time_phrase(const cl_doc *d, size_t i, size_t hi)
{
    if (tok_is(d, i, hi, "last") &&
        (tok_is(d, i + 1, hi, "year") || tok_is(d, i + 1, hi, "month") ||
         tok_is(d, i + 1, hi, "year's") || tok_is(d, i + 1, hi, "year’s")))
        return 1;
    if (tok_is(d, i, hi, "earlier") && tok_is(d, i + 1, hi, "this") &&
        (tok_is(d, i + 2, hi, "month") || tok_is(d, i + 2, hi, "year")))
        return 1;
    if ((tok_is(d, i, hi, "years") || tok_is(d, i, hi, "months") || tok_is(d, i, hi, "decades")) &&
        tok_is(d, i + 1, hi, "ago"))
        return 1;
    return tok_is(d, i, hi, "previously") || tok_is(d, i, hi, "anniversary");
}

static long token_int(const cl_doc *d, size_t i, size_t *digits)
{
    const px_token *t = &d->tk.v[i];
    long v = 0;
    size_t k = t->start;
    for (; k < t->end && isdigit((unsigned char)d->text[k]) && k - t->start < 6; k++)
        v = v * 10 + (d->text[k] - '0');
    *digits = k == t->end ? k - t->start : 0;
    return v;
}

/* A year other than the article's: "in 2015", "the 2010 attacks". */
static int other_year(const cl_doc *d, size_t i, const ns_date *date)
{
    size_t digits;
    long y = token_int(d, i, &digits);
    return digits == 4 && y >= 1900 && y <= 2100 && y != date->year;
}

/* "Nov. 13" or "13 November" more than BACKGROUND_DAYS before the article
 * (the nearest such date not after it). */
static int month_of(const cl_doc *d, size_t i)
{
    const px_token *t = &d->tk.v[i];
    size_t len = t->end - t->start;
    if (len > 1 && d->text[t->end - 1] == '.')
        len--; /* Nov. */
    return t->kind == PX_TOK_WORD ? px_month_from_word(d->text + t->start, len) : 0;
}

static int other_date(const cl_doc *d, size_t i, size_t hi, const ns_date *date)
{
    int month = month_of(d, i);
    if (!month)
        return 0;
    size_t j = i + 1, digits;
    if (j < hi && d->text[d->tk.v[j].start] == '.')
        j++;
    if (j >= hi || d->tk.v[j].kind != PX_TOK_NUMBER)
        return 0;
    long day = token_int(d, j, &digits);
    if (!digits || digits > 2 || day < 1 || day > 31)
        return 0;
    long when = px_days_from_date(date->year, month, (int)day);
    if (when > date->days + 2)
        when = px_days_from_date(date->year - 1, month, (int)day);
    return date->days - when > BACKGROUND_DAYS;
}

/* A month named without a day ("a September crash", "in June 2016") that ended
 * more than BACKGROUND_DAYS before the article (its latest occurrence not
 * after the article's month). The sentence's first word is left out: "May"
 * opening a sentence is the verb as often as the month. */
static int other_month(const cl_doc *d, size_t i, size_t lo, size_t hi, const ns_date *date)
{
    if (i == lo || !isupper((unsigned char)d->text[d->tk.v[i].start]))
        return 0;
    int month = month_of(d, i);
    if (!month)
        return 0;
    size_t j = i + 1;
    if (j < hi && d->text[d->tk.v[j].start] == '.')
        j++;
    long year = date->year;
    if (j < hi && d->tk.v[j].kind == PX_TOK_NUMBER) {
        size_t digits;
        year = token_int(d, j, &digits);
        if (digits != 4)
            return 0; /* "June 3": a date, its own rule */
    } else if (px_days_from_date(year, month, 1) > date->days) {
        year--;
    }
    long end = month == 12 ? px_days_from_date(year + 1, 1, 1) : px_days_from_date(year, month + 1, 1);
    return date->days - end > BACKGROUND_DAYS;
}

int ns_sentence_is_background(const cl_doc *d, size_t lo, size_t hi, const ns_date *date)
{
    for (size_t i = lo; i < hi; i++) {
        if (other_time_phrase(d, i, hi))
            return 1;
        if (date->known && ((d->tk.v[i].kind == PX_TOK_NUMBER && other_year(d, i, date)) ||
                            other_date(d, i, hi, date) || other_month(d, i, lo, hi, date)))
            return 1;
    }
    return 0;
}

/* ---- another named event ------------------------------------------------------ */

/* The opening of an article that names its own event: its first
 * sentences, up to so many bytes. */
#define LEAD_BYTES 400
#define LEAD_SENTENCES 2

static int is_capitalised_word(const char *s, size_t len)
{
    return len > 1 && isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1]) &&
           !px_is_stopword("en", s, len);
}

static void lead_add(ns_lead *l, const char *s, size_t len)
{
    if (l->n < NS_LEAD_NAMES && is_capitalised_word(s, len)) {
        l->w[l->n] = s;
        l->len[l->n++] = len;
    }
}

void ns_lead_init(ns_lead *l, const char *title, const cl_doc *d)
{
    l->n = 0;
    for (const char *t = title; t && *t && l->n < NS_LEAD_NAMES;) {
        while (*t && !isalpha((unsigned char)*t))
            t++;
        const char *w = t;
        while (isalpha((unsigned char)*t))
            t++;
        lead_add(l, w, (size_t)(t - w));
    }
    size_t end = d->ss.n > LEAD_SENTENCES ? d->ss.v[LEAD_SENTENCES - 1].end : d->len;
    if (end > LEAD_BYTES)
        end = LEAD_BYTES;
    for (size_t i = 0; i < d->tk.n && d->tk.v[i].start < end; i++)
        if (d->tk.v[i].kind == PX_TOK_WORD)
            lead_add(l, d->text + d->tk.v[i].start, d->tk.v[i].end - d->tk.v[i].start);
}

static int in_lead(const ns_lead *l, const char *s, size_t len)
{
    for (size_t k = 0; k < l->n; k++)
        if (l->len[k] == len && strncasecmp(l->w[k], s, len) == 0)
            return 1;
    return 0;
}

static int is_event_noun(const cl_doc *d, size_t i)
{
    static const char *const nouns[] = {
        "crash", "crashes", "attack", "attacks", "shooting", "shootings", "bombing", "bombings",
        "explosion", "blast", "accident", "disaster", "earthquake", "quake", "derailment",
        "massacre", "collision", "hurricane", "storm", "flood", "floods", "fire", "siege",
        "rampage", "tragedy", "sinking", "raid", "riot", "riots", NULL};
    return d->tk.v[i].kind == PX_TOK_WORD && islower((unsigned char)d->text[d->tk.v[i].start]) &&
           cl_tok_in(d->text, &d->tk.v[i], nouns); /* not "London Fire Brigade" */
}

int ns_sentence_names_other_event(const cl_doc *d, size_t lo, size_t hi, const ns_lead *lead)
{
    for (size_t i = lo + 1; i < hi; i++) {
        if (!is_event_noun(d, i))
            continue;
        /* the names of the three words before the noun, the sentence's
         * first word excepted (capitalised anyway) */
        int named = 0, own = 0;
        for (size_t k = i > lo + 3 ? i - 3 : lo + 1; k < i; k++) {
            const px_token *t = &d->tk.v[k];
            /* a date is no name: "the Oct. 7 attack" is placed by the date rule */
            if (t->kind != PX_TOK_WORD || !is_capitalised_word(d->text + t->start, t->end - t->start) ||
                month_of(d, k) || cl_is_calendar_word(d->text + t->start, t->end - t->start))
                continue;
            named = 1;
            own |= in_lead(lead, d->text + t->start, t->end - t->start);
        }
        if (named && !own)
            return 1;
    }
    return 0;
}
