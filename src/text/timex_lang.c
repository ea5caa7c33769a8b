/* timex_lang.c - dates in the words and order of one language
 * (text/timex_lang.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/timex_lang.h"

typedef struct tl_sent {
    const cl_lang *L;
    const char *text;
    const px_token *t;
    size_t n;
} tl_sent;

static const cl_word *word_at(const tl_sent *s, size_t i, unsigned kind, size_t *used)
{
    const cl_word *w = cl_lang_word(s->L, s->text, s->t, s->n, i, used);
    return w && (w->kinds & kind) ? w : NULL;
}

static int punct_at(const tl_sent *s, size_t i, char c)
{
    return i < s->n && s->t[i].kind == PX_TOK_PUNCT && s->text[s->t[i].start] == c;
}

/* Leading digits of token i (at most 4) and how many there are. */
static long digits(const tl_sent *s, size_t i, size_t *nd)
{
    *nd = 0;
    if (i >= s->n || s->t[i].kind != PX_TOK_NUMBER)
        return -1;
    const char *w = s->text + s->t[i].start;
    size_t len = s->t[i].end - s->t[i].start;
    long v = 0;
    while (*nd < len && *nd < 5 && w[*nd] >= '0' && w[*nd] <= '9')
        v = v * 10 + (w[(*nd)++] - '0');
    return *nd ? v : -1;
}

static int year_at(const tl_sent *s, size_t i)
{
    size_t nd;
    long v = digits(s, i, &nd);
    return nd == 4 && s->t[i].end - s->t[i].start == 4 && v >= 1000 && v <= 2999 ? (int)v : 0;
}

/* A day of the month at token i: "12" "12." "1er" "1º"; its token count. */
static size_t day_at(const tl_sent *s, size_t i, int *day)
{
    size_t nd;
    long v = digits(s, i, &nd);
    if (v < 1 || v > 31 || nd > 2)
        return 0;
    size_t len = s->t[i].end - s->t[i].start;
    const char *suffix = s->L->day_suffix;
    *day = (int)v;
    if (len == nd) {
        if (punct_at(s, i + 1, '.') && s->t[i + 1].start == s->t[i].end)
            return 2;
        if (suffix[0] && i + 1 < s->n && s->t[i + 1].start == s->t[i].end &&
            s->t[i + 1].end - s->t[i + 1].start == strlen(suffix) &&
            memcmp(s->text + s->t[i + 1].start, suffix, strlen(suffix)) == 0)
            return 2;
        return 1;
    }
    return suffix[0] && len - nd == strlen(suffix) && memcmp(s->text + s->t[i].start + nd, suffix, len - nd) == 0
               ? 1
               : 0;
}

static size_t skip_link(const tl_sent *s, size_t k)
{
    size_t used;
    return word_at(s, k, CLW_DAYLINK, &used) ? k + used : k;
}

/* Month [de] [year]: its end token; 0 when no month at k. */
static size_t month_year(const tl_sent *s, size_t k, tl_date *d)
{
    size_t used;
    const cl_word *m = word_at(s, k, CLW_MONTH, &used);
    if (!m)
        return 0;
    d->month = m->month;
    size_t end = k + used, y = skip_link(s, end);
    if ((d->year = year_at(s, y)))
        end = y + 1;
    return end;
}

/* Day [.] [de] Month [[de] Year]. */
static size_t day_month(const tl_sent *s, size_t j, tl_date *d)
{
    size_t k = day_at(s, j, &d->day);
    if (!k)
        return 0;
    size_t end = month_year(s, skip_link(s, j + k), d);
    if (!end) {
        d->day = 0;
        return 0;
    }
    return end - j;
}

/* 12.06.2023 or 12/06/2023, day first. */
static size_t numeric(const tl_sent *s, size_t j, tl_date *d)
{
    if (!s->L->dmy || j >= s->n || s->t[j].kind != PX_TOK_NUMBER)
        return 0;
    const char *w = s->text + s->t[j].start;
    size_t len = s->t[j].end - s->t[j].start;
    char *e;
    long day = strtol(w, &e, 10);
    if (e == w || (*e != '.' && *e != '/') || e - w > 2)
        return 0;
    char sep = *e;
    const char *m0 = e + 1;
    long month = strtol(m0, &e, 10);
    if (e == m0 || *e != sep || e - m0 > 2)
        return 0;
    const char *y0 = e + 1;
    long year = strtol(y0, &e, 10);
    if (e - y0 != 4 || (size_t)(e - w) != len || month < 1 || month > 12 || day < 1 || day > 31)
        return 0;
    d->day = (int)day;
    d->month = (int)month;
    d->year = (int)year;
    return 1;
}

static int initial(const tl_sent *s, size_t j)
{
    while (j > 0 && s->t[j - 1].kind == PX_TOK_PUNCT)
        j--;
    return j == 0;
}

/* gestern, hier, ayer: lower case (German "Morgen" is the morning) unless
 * the sentence starts with it, and not after a word that makes it a noun
 * ("la mañana"). */
static size_t relative(const tl_sent *s, size_t j, tl_date *d)
{
    size_t used;
    const cl_word *r = word_at(s, j, CLW_RELATIVE, &used);
    if (!r || ((s->t[j].flags & PX_TOKF_CAPITALIZED) && !initial(s, j)))
        return 0;
    if (j > 0 && s->t[j - 1].kind == PX_TOK_WORD) {
        char prev[40];
        size_t len = s->t[j - 1].end - s->t[j - 1].start;
        if (len + 3 < sizeof prev) {
            prev[0] = ' ';
            for (size_t k = 0; k < len; k++)
                prev[k + 1] = (char)tolower((unsigned char)s->text[s->t[j - 1].start + k]);
            prev[len + 1] = ' ';
            prev[len + 2] = 0;
            if (strstr(r->not_after, prev))
                return 0;
        }
    }
    d->relative = 1;
    d->rel_days = r->rel_days;
    return used;
}

/* Weekday [,] [day month year]: the date when one follows. */
static size_t weekday(const tl_sent *s, size_t j, tl_date *d)
{
    size_t used;
    const cl_word *w = word_at(s, j, CLW_WEEKDAY, &used);
    if (!w)
        return 0;
    size_t k = j + used;
    if (punct_at(s, k, ','))
        k++;
    size_t date = day_month(s, k, d);
    if (date)
        return k + date - j;
    d->weekday = w->weekday;
    return used;
}

/* A month alone or a year alone only after a word that makes it a date:
 * "im Juni", "en mars", "seit 2019", "en 2023". */
static size_t after_prep(const tl_sent *s, size_t j, tl_date *d)
{
    size_t used, p = j;
    int prep = 0;
    for (size_t back = 1; back <= 2 && back <= j && !prep; back++)
        prep = word_at(s, j - back, CLW_YEARPREP, &used) && j - back + used == j;
    if (!prep)
        return 0;
    if ((d->year = year_at(s, p)))
        return 1;
    size_t end = month_year(s, p, d);
    return end ? end - j : 0;
}

size_t tl_match(const cl_lang *L, const char *text, const px_token *t, size_t n, size_t j, tl_date *d)
{
    tl_sent s = {.L = L, .text = text, .t = t, .n = n};
    size_t (*const forms[])(const tl_sent *, size_t, tl_date *) = {weekday, day_month, numeric, relative,
                                                                     after_prep};
    size_t best = 0;
    tl_date found;
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        tl_date cand = {.weekday = -1};
        size_t used = forms[f](&s, j, &cand);
        if (used > best) {
            best = used;
            found = cand;
        }
    }
    if (best)
        *d = found;
    else
        *d = (tl_date){.weekday = -1};
    return best;
}
