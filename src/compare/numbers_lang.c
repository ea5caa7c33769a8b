/* numbers_lang.c - numeric claims written the way of one language other
 * than English (compare/numbers_lang.h). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/numbers_lang.h"
#include "text/timex_lang.h"

typedef struct nfig {
    size_t first, last;  /* tokens of the figure, qualifier to unit */
    double value;
    int vague;
    px_number_kind kind;
    const char *unit;
    px_bound bound;
    size_t qual_first;   /* first token of the qualifier, == number when none */
} nfig;

static int adjacent(const px_tokens *tk, size_t i)
{
    return i + 1 < tk->n && tk->v[i + 1].start == tk->v[i].end;
}

static int punct_is(const cl_doc *d, size_t i, char c)
{
    return i < d->tk.n && d->tk.v[i].kind == PX_TOK_PUNCT && d->text[d->tk.v[i].start] == c;
}

static int all_digits(const char *s, size_t len)
{
    for (size_t k = 0; k < len; k++)
        if (!isdigit((unsigned char)s[k]))
            return 0;
    return len > 0;
}

/* A blank of one space, a no-break or a narrow no-break space. */
static int thin_gap(const char *s, size_t a, size_t b)
{
    return (b - a == 1 && s[a] == ' ') || (b - a == 2 && memcmp(s + a, "\xc2\xa0", 2) == 0) ||
           (b - a == 3 && (memcmp(s + a, "\xe2\x80\xaf", 3) == 0 || memcmp(s + a, "\xe2\x80\x89", 3) == 0));
}

/* The digits of token i read with the language's group separator
 * ("1.000" is a thousand in German); -1 when the token is not such a
 * number (a date, a clock time, a code). */
static double token_value(const cl_lang *L, const char *w, size_t len)
{
    double v = 0;
    size_t run = 0, groups = 0;
    for (size_t k = 0; k < len; k++) {
        if (isdigit((unsigned char)w[k])) {
            v = v * 10 + (w[k] - '0');
            run++;
        } else if (w[k] == L->group && run && (groups ? run == 3 : run <= 3) && k + 1 < len) {
            run = 0;
            groups++;
        } else {
            return -1;
        }
    }
    return run && (!groups || run == 3) ? v : -1;
}

/* The number at token i with its decimal part and space-grouped digits:
 * "1.000,5", "3,5", "1 000"; the last token used in *last. */
static double number_at(const cl_lang *L, const cl_doc *d, size_t i, size_t *last)
{
    const px_token *t = &d->tk.v[i];
    const char *w = d->text + t->start;
    size_t len = t->end - t->start, skip = 0;
    if (t->flags & PX_TOKF_CURRENCY)
        while (skip < len && !isdigit((unsigned char)w[skip]))
            skip++;
    size_t end = len;
    if (t->flags & PX_TOKF_PERCENT)
        while (end > skip && !isdigit((unsigned char)w[end - 1]))
            end--;
    double v = token_value(L, w + skip, end - skip);
    *last = i;
    if (v < 0)
        return -1;
    while (L->space_group && end - skip <= 3 && *last + 1 < d->tk.n) {
        const px_token *n = &d->tk.v[*last + 1];
        if (n->kind != PX_TOK_NUMBER || n->end - n->start != 3 || !all_digits(d->text + n->start, 3) ||
            !thin_gap(d->text, d->tk.v[*last].end, n->start))
            break;
        v = v * 1000 + strtod(d->text + n->start, NULL);
        (*last)++;
        end = skip + 3;
    }
    if (adjacent(&d->tk, *last) && punct_is(d, *last + 1, L->decimal) && adjacent(&d->tk, *last + 1) &&
        *last + 2 < d->tk.n && d->tk.v[*last + 2].kind == PX_TOK_NUMBER) {
        const px_token *f = &d->tk.v[*last + 2];
        size_t flen = f->end - f->start;
        if (all_digits(d->text + f->start, flen) && flen <= 6) {
            v += strtod(d->text + f->start, NULL) / pow(10, (double)flen);
            *last += 2;
        }
    }
    return v;
}

static const cl_word *word(const cl_lang *L, const cl_doc *d, size_t i, unsigned kind, size_t *used)
{
    const cl_word *w = cl_lang_word(L, d->text, d->tk.v, d->tk.n, i, used);
    return w && (w->kinds & kind) ? w : NULL;
}

static const char *symbol_unit(const char *w, size_t len)
{
    static const struct { const char *sym, *code; } syms[] = {
        {"$", "USD"}, {"\xe2\x82\xac", "EUR"}, {"\xc2\xa3", "GBP"}};
    for (size_t k = 0; k < sizeof syms / sizeof *syms; k++)
        if (len >= strlen(syms[k].sym) && memcmp(w, syms[k].sym, strlen(syms[k].sym)) == 0)
            return syms[k].code;
    return NULL;
}

/* Scale and unit words after the number: "2,5 Millionen Euro",
 * "3 %", "12 pour cent", "5 puntos porcentuales". */
static void read_unit(const cl_lang *L, const cl_doc *d, nfig *f)
{
    size_t k = f->last + 1, used;
    const cl_word *w = word(L, d, k, CLW_SCALE, &used);
    if (w && !(w->kinds & CLW_NUMBER && f->value >= 1000)) {
        f->value *= w->scale;
        f->last = k + used - 1;
        k += used;
    }
    if ((w = word(L, d, k, CLW_POINTS, &used))) {
        f->kind = PX_NUM_PERCENT;
        f->unit = "percentage points";
    } else if ((w = word(L, d, k, CLW_PERCENT, &used))) {
        f->kind = PX_NUM_PERCENT;
        f->unit = "%";
    } else if ((w = word(L, d, k, CLW_CURRENCY, &used))) {
        f->kind = PX_NUM_MONEY;
        f->unit = w->unit;
    }
    if (w)
        f->last = k + used - 1;
}

/* A qualifier ending right before token i: "mehr als", "environ". */
static void read_qualifier(const cl_lang *L, const cl_doc *d, size_t i, nfig *f)
{
    f->qual_first = i;
    for (size_t back = 2; back >= 1; back--) {
        size_t used;
        if (i < back)
            continue;
        const cl_word *w = word(L, d, i - back, CLW_ABOUT | CLW_LOWER | CLW_UPPER, &used);
        if (!w || used != back)
            continue;
        f->bound = w->kinds & CLW_ABOUT ? PX_BOUND_ABOUT : w->kinds & CLW_LOWER ? PX_BOUND_LOWER : PX_BOUND_UPPER;
        f->qual_first = i - back;
        return;
    }
}

/* Not a claim: a year standing alone, an ordinal or a date ("12. Juni",
 * "3. Liga"), a clock time ("14 Uhr" is left to the dates). */
static int not_a_claim(const cl_doc *d, size_t i, const nfig *f)
{
    const px_token *t = &d->tk.v[i];
    size_t len = t->end - t->start;
    if (t->kind == PX_TOK_NUMBER && len > 1 && d->text[t->start] == '0' && isdigit((unsigned char)d->text[t->start + 1]))
        return 1; /* "000", "07": a code or the tail of a figure read apart */
    if (f->kind == PX_NUM_COUNT && f->last == i && len == 4 && f->value >= 1000 && f->value <= 2999 &&
        all_digits(d->text + t->start, len))
        return 1;
    if (f->last == i && adjacent(&d->tk, i) && punct_is(d, i + 1, '.')) {
        size_t s = cl_sentence_at(&d->ss, t->start);
        if (d->ss.n && d->tk.v[i + 1].end < d->ss.v[s].end)
            return 1; /* a German ordinal: the period does not end the sentence */
    }
    return 0;
}

/* Words after the figure that say what it counts: up to two words that are
 * not function words ("Menschen", "personnes blessées"). */
static char *counted_after(const cl_lang *L, const cl_doc *d, size_t k)
{
    size_t s = k, e = k;
    while (e < d->tk.n && e - s < 2 && d->tk.v[e].kind == PX_TOK_WORD &&
           !px_is_stopword(L->code, d->text + d->tk.v[e].start, d->tk.v[e].end - d->tk.v[e].start))
        e++;
    if (e == s)
        return NULL;
    char *c = cl_squeeze(d->text + d->tk.v[s].start, d->tk.v[e - 1].end - d->tk.v[s].start);
    for (char *p = c; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return c;
}

static int emit(const cl_lang *L, const cl_doc *d, const nfig *f, px_number_list *out)
{
    if (CL_GROW(out->v, out->cap, out->n))
        return PX_ENOMEM;
    px_number *x = &out->v[out->n];
    memset(x, 0, sizeof *x);
    x->kind = f->kind;
    x->start = d->tk.v[f->qual_first].start;
    x->end = d->tk.v[f->last].end;
    x->value = x->high = f->value;
    x->vague = f->vague;
    x->bound = f->bound;
    out->n++; /* px_number_list_clear frees x from here on */
    size_t s = cl_sentence_at(&d->ss, x->start);
    x->sentence_start = d->ss.n ? d->ss.v[s].start : 0;
    x->sentence_end = d->ss.n ? d->ss.v[s].end : d->len;
    if (!(x->text = strndup(d->text + x->start, x->end - x->start)))
        return PX_ENOMEM;
    if (f->unit && !(x->unit = strdup(f->unit)))
        return PX_ENOMEM;
    if (f->qual_first < f->first &&
        !(x->qualifier = cl_lower(d->text + x->start, d->tk.v[f->first - 1].end - x->start)))
        return PX_ENOMEM;
    if (f->kind == PX_NUM_COUNT)
        x->counted = counted_after(L, d, f->last + 1);
    return PX_OK;
}

/* The figure at token i (a number or a number word); its tokens in f. */
static int figure_at(const cl_lang *L, const cl_doc *d, size_t i, nfig *f)
{
    memset(f, 0, sizeof *f);
    f->first = i;
    const px_token *t = &d->tk.v[i];
    size_t used;
    if (t->kind == PX_TOK_NUMBER) {
        f->value = number_at(L, d, i, &f->last);
        if (f->value < 0)
            return 0;
        if (t->flags & PX_TOKF_PERCENT) {
            f->kind = PX_NUM_PERCENT;
            f->unit = "%";
        } else if ((t->flags & PX_TOKF_CURRENCY) && (f->unit = symbol_unit(d->text + t->start, t->end - t->start))) {
            f->kind = PX_NUM_MONEY;
        } else if (i > 0 && d->tk.v[i - 1].end == t->start &&
                   (f->unit = symbol_unit(d->text + d->tk.v[i - 1].start, d->tk.v[i - 1].end - d->tk.v[i - 1].start))) {
            f->kind = PX_NUM_MONEY;
        }
    } else {
        const cl_word *w = word(L, d, i, CLW_NUMBER, &used);
        if (!w || (t->flags & PX_TOKF_CAPITALIZED && !(w->kinds & CLW_VAGUE) && i > 0 &&
                   d->tk.v[i - 1].kind != PX_TOK_PUNCT))
            return 0;
        f->value = w->number;
        f->vague = (w->kinds & CLW_VAGUE) != 0;
        f->last = i + used - 1;
    }
    if (f->kind == PX_NUM_COUNT)
        read_unit(L, d, f);
    read_qualifier(L, d, i, f);
    return 1;
}

int px_numbers_extract_lang(const cl_lang *L, const cl_doc *d, px_number_list *out)
{
    int rc = PX_OK;
    for (size_t i = 0; i < d->tk.n && !rc;) {
        tl_date date;
        size_t in_date = tl_match(L, d->text, d->tk.v, d->tk.n, i, &date);
        if (in_date) {
            i += in_date;
            continue;
        }
        nfig f;
        if (figure_at(L, d, i, &f) && !not_a_claim(d, i, &f)) {
            rc = emit(L, d, &f, out);
            i = f.last + 1;
        } else {
            i++;
        }
    }
    return rc;
}
