/* quotes_lang.c - quotations marked and attributed the way of one language
 * other than English (compare/quotes_lang.h). */
#include <stdlib.h>
#include <string.h>

#include "compare/quotes_lang.h"

/* A quoted piece: its text without the marks, and the marks' span. */
typedef struct qpiece {
    size_t start, end;           /* inside the marks, blanks trimmed */
    size_t mark_start, mark_end; /* the marks included */
} qpiece;

static int blank_at(const char *s, size_t i, size_t len, size_t *w)
{
    if (i < len && (s[i] == ' ' || s[i] == '\t')) {
        *w = 1;
        return 1;
    }
    /* no-break and narrow no-break spaces, as French typesetting puts
     * inside « » */
    if (i + 1 < len && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0) {
        *w = 2;
        return 1;
    }
    if (i + 2 < len && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0xaf) {
        *w = 3;
        return 1;
    }
    return 0;
}

static void trim(const char *s, size_t *a, size_t *b)
{
    size_t w;
    while (*a < *b && blank_at(s, *a, *b, &w))
        *a += w;
    for (int moved = 1; moved && *b > *a;) {
        moved = 0;
        for (size_t k = 1; k <= 3 && k <= *b - *a; k++)
            if (blank_at(s, *b - k, *b, &w) && w == k) {
                *b -= k;
                moved = 1;
                break;
            }
    }
}

static int starts(const char *s, size_t len, size_t i, const char *mark)
{
    size_t m = strlen(mark);
    return i + m <= len && memcmp(s + i, mark, m) == 0;
}

/* The pieces of one paragraph [a, b): an opening mark of one of the
 * language's pairs to the next closing mark of the same pair; a mark that
 * is never closed in its paragraph is dropped. */
static int paragraph_pieces(const cl_lang *L, const char *s, size_t a, size_t b, qpiece **v, size_t *n,
                            size_t *cap)
{
    for (size_t i = a; i < b;) {
        size_t q = 0;
        while (q < L->n_quotes && !starts(s, b, i, L->open[q]))
            q++;
        if (q == L->n_quotes) {
            i++;
            continue;
        }
        size_t open_len = strlen(L->open[q]), close_len = strlen(L->close[q]), k = i + open_len;
        while (k < b && !starts(s, b, k, L->close[q]))
            k++;
        if (k >= b) {
            i += open_len;
            continue;
        }
        qpiece p = {.start = i + open_len, .end = k, .mark_start = i, .mark_end = k + close_len};
        trim(s, &p.start, &p.end);
        if (p.end > p.start) {
            if (CL_GROW(*v, *cap, *n))
                return PX_ENOMEM;
            (*v)[(*n)++] = p;
        }
        i = k + close_len;
    }
    return PX_OK;
}

static int find_pieces(const cl_lang *L, const char *s, size_t len, qpiece **v, size_t *n)
{
    size_t cap = 0;
    for (size_t a = 0; a < len;) {
        const char *nl = memchr(s + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - s) : len;
        if (paragraph_pieces(L, s, a, b, v, n, &cap))
            return PX_ENOMEM;
        a = b + 1;
    }
    return PX_OK;
}

static size_t words_in(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (s[i] != ' ' && (i == a || s[i - 1] == ' '))
            n++;
    return n;
}

/* ---- speakers ----------------------------------------------------------- */

typedef struct cue {
    size_t verb, verb_end;   /* tokens of the verb of saying */
    size_t name_s, name_e;   /* bytes of the speaker's words, equal when none */
    int pronoun;             /* the speaker is a pronoun: the one before */
} cue;

static int is_word(const px_tokens *tk, size_t i)
{
    return i < tk->n && tk->v[i].kind == PX_TOK_WORD;
}

static int capitalised(const px_tokens *tk, size_t i)
{
    return is_word(tk, i) && (tk->v[i].flags & PX_TOKF_CAPITALIZED);
}

/* The speaker named from token k on: up to four capitalised words ("Olaf
 * Scholz", "Bundeskanzler Olaf Scholz"), after a short determiner and a
 * role noun when they come first ("el alcalde Juan Pérez" names Juan
 * Pérez); a determiner and a noun alone ("le ministre") name a role, when
 * the noun is no stopword ("que los" is none). */
static int stopword(const cl_doc *d, const char *lang, size_t i)
{
    return px_is_stopword(lang, d->text + d->tk.v[i].start, d->tk.v[i].end - d->tk.v[i].start);
}

/* A role's name set off by a comma within a few words after it
 * (", Rita Sousa"): the name's first token, *end past its last; 0 when
 * none. */
static size_t apposed_name(const cl_doc *d, size_t k, size_t hi, size_t *end)
{
    const px_tokens *tk = &d->tk;
    for (size_t i = k; i < hi && i < k + 4; i++) {
        if (is_word(tk, i)) {
            if (capitalised(tk, i))
                return 0; /* a name of a place or body, not after a comma */
            continue;
        }
        if (tk->v[i].end - tk->v[i].start != 1 || d->text[tk->v[i].start] != ',')
            return 0;
        size_t j = i + 1;
        while (j < hi && j - (i + 1) < 4 && capitalised(tk, j))
            j++;
        if (j - (i + 1) < 2)
            return 0; /* one capitalised word: a place as often as a name */
        *end = j;
        return i + 1;
    }
    return 0;
}

static size_t name_after(const cl_lang *L, const cl_doc *d, size_t k, size_t hi, size_t *s, size_t *e)
{
    const px_tokens *tk = &d->tk;
    const char *lang = L->code;
    size_t i = k;
    int det = is_word(tk, i) && !capitalised(tk, i) && i + 1 < hi &&
              cl_lang_word_is(L, d->text, d->tk.v, d->tk.n, i, CLW_ARTICLE);
    if (det)
        i++; /* der, la, el */
    if (det && is_word(tk, i) && !capitalised(tk, i) && capitalised(tk, i + 1) && i + 1 < hi)
        i++; /* el alcalde */
    size_t j = i;
    while (j < hi && j - i < 4 && capitalised(tk, j))
        j++;
    if (j == i && det && is_word(tk, i) && !stopword(d, lang, i)) {
        size_t named = apposed_name(d, i + 1, hi, &j);
        if (named) {
            *s = tk->v[named].start; /* "a presidente da câmara, Rita Sousa" */
            *e = tk->v[j - 1].end;
            return j - k;
        }
        i = k; /* "le ministre", "el portavoz" */
        j = k + 2;
    }
    if (j == i)
        return 0;
    *s = tk->v[i].start;
    *e = tk->v[j - 1].end;
    return j - k;
}

static int is_comma(const cl_doc *d, size_t i)
{
    return i < d->tk.n && d->tk.v[i].end - d->tk.v[i].start == 1 && d->text[d->tk.v[i].start] == ',';
}

/* Capitalised words right before token v (not before lo), or a name of
 * two or more words set off by commas right before it ("O ministro da
 * Fazenda, Rubens Ricupero, disse"). */
static size_t name_before(const cl_doc *d, size_t lo, size_t v, size_t *s, size_t *e)
{
    const px_tokens *tk = &d->tk;
    size_t end = v > lo && is_comma(d, v - 1) ? v - 1 : v;
    size_t i = end;
    while (i > lo && end - i < 4 && capitalised(tk, i - 1))
        i--;
    if (i == end || (end < v && (end - i < 2 || i == lo || !is_comma(d, i - 1))))
        return 0;
    *s = tk->v[i].start;
    *e = tk->v[end - 1].end;
    return end - i;
}

/* Is token i inside one of the quote's marks? */
static int quoted(const qpiece *p, size_t np, const px_token *t)
{
    for (size_t k = 0; k < np; k++)
        if (t->start >= p[k].mark_start && t->end <= p[k].mark_end)
            return 1;
    return 0;
}

/* The verb of saying nearest the quote in tokens [lo, hi), outside every
 * quote of the article, with the words that name its speaker. */
static int find_cue(const cl_lang *L, const cl_doc *d, const qpiece *all, size_t np, size_t lo, size_t hi,
                    size_t near, cue *c)
{
    size_t best = (size_t)-1;
    for (size_t i = lo; i < hi; i++) {
        size_t used;
        const cl_word *w = cl_lang_word(L, d->text, d->tk.v, hi, i, &used);
        if (!w || !(w->kinds & CLW_SAY) || quoted(all, np, &d->tk.v[i]))
            continue;
        size_t dist = i > near ? i - near : near - i;
        if (best != (size_t)-1 && dist >= best)
            continue;
        cue k = {.verb = i, .verb_end = i + used};
        size_t after = i + used;
        if (cl_lang_word_is(L, d->text, d->tk.v, d->tk.n, after, CLW_PRONOUN) ||
            (i > lo && cl_lang_word_is(L, d->text, d->tk.v, d->tk.n, i - 1, CLW_PRONOUN) &&
             (i - 1 == lo || !capitalised(&d->tk, i - 1))))
            k.pronoun = 1;
        else if (!name_after(L, d, after, hi, &k.name_s, &k.name_e) || quoted(all, np, &d->tk.v[after]))
            if (!name_before(d, lo, i, &k.name_s, &k.name_e)) {
                k.name_s = k.name_e = 0;
                /* «…», añadió. / «…», ha aggiunto: Italian, Spanish and
                 * Portuguese drop the subject pronoun; only right after
                 * the quote, where the subject can be no other noun */
                k.pronoun = i >= near && i <= near + 1;
            }
        best = dist;
        *c = k;
    }
    return best != (size_t)-1;
}

/* ---- quotes --------------------------------------------------------------- */

static px_quote_kind kind_of(const cl_doc *d, const qpiece *p)
{
    size_t words = words_in(d->text, p->start, p->end);
    if (words <= 2)
        return PX_QUOTE_TERM;
    char last = d->text[p->end - 1];
    size_t b = p->mark_start;
    while (b > 0 && (d->text[b - 1] == ' '))
        b--;
    char before = b ? d->text[b - 1] : '\n';
    if (last == '.' || last == '!' || last == '?' || last == ',' || before == ':' || before == '\n' ||
        before == '.' || words >= 8)
        return PX_QUOTE_SPEECH;
    return PX_QUOTE_PARTIAL;
}

static int set_speaker(px_quote *x, const cl_doc *d, const cue *c, const px_quote *prev)
{
    x->cue = cl_squeeze(d->text + d->tk.v[c->verb].start, d->tk.v[c->verb_end - 1].end - d->tk.v[c->verb].start);
    if (!x->cue)
        return PX_ENOMEM;
    if (c->name_e > c->name_s) {
        x->speaker = cl_squeeze(d->text + c->name_s, c->name_e - c->name_s);
        x->speaker_kind = PX_SPEAKER_PERSON;
        x->mention_start = c->name_s;
        x->mention_end = c->name_e;
        return x->speaker ? PX_OK : PX_ENOMEM;
    }
    if (c->pronoun && prev && prev->speaker) {
        x->speaker = strdup(prev->speaker);
        x->speaker_kind = prev->speaker_kind;
        x->mention_start = prev->mention_start;
        x->mention_end = prev->mention_end;
        return x->speaker ? PX_OK : PX_ENOMEM;
    }
    return PX_OK;
}

/* The last quote before out->v[before] that is not a term, when it has a
 * speaker and is in the same or the previous paragraph as byte at. */
static const px_quote *previous_speaker(const px_quote_list *out, size_t before, size_t from, const char *text,
                                        size_t at)
{
    for (size_t i = before; i > from; i--) {
        const px_quote *q = &out->v[i - 1];
        if (q->kind == PX_QUOTE_TERM)
            continue;
        size_t breaks = 0;
        for (size_t k = q->end; k < at && breaks < 2; k++)
            breaks += text[k] == '\n' && (k + 1 >= at || text[k + 1] != '\n');
        return breaks < 2 && q->speaker ? q : NULL;
    }
    return NULL;
}

static int emit(const cl_lang *L, const cl_doc *d, const qpiece *all, size_t np, size_t k, px_quote_list *out,
                size_t from)
{
    const qpiece *p = &all[k];
    if (CL_GROW(out->v, out->cap, out->n))
        return PX_ENOMEM;
    px_quote *x = &out->v[out->n];
    memset(x, 0, sizeof *x);
    x->speaker_entity = -1;
    x->n_pieces = 1;
    x->piece_start = malloc(sizeof *x->piece_start);
    x->piece_end = malloc(sizeof *x->piece_end);
    x->text = strndup(d->text + p->start, p->end - p->start);
    x->start = p->start;
    x->end = p->end;
    out->n++; /* px_quote_list_clear frees x from here on */
    if (!x->piece_start || !x->piece_end || !x->text)
        return PX_ENOMEM;
    x->piece_start[0] = p->start;
    x->piece_end[0] = p->end;
    x->kind = kind_of(d, p);
    size_t s = cl_sentence_at(&d->ss, p->start), e = cl_sentence_at(&d->ss, p->end ? p->end - 1 : 0);
    x->sentence_start = d->ss.n ? d->ss.v[s].start : 0;
    x->sentence_end = d->ss.n ? d->ss.v[e].end : d->len;
    if (x->kind == PX_QUOTE_TERM)
        return PX_OK;
    /* the quote's own sentence, and the one after when the quote ends one */
    size_t hi_byte = e + 1 < d->ss.n && d->ss.v[e].end <= p->mark_end ? d->ss.v[e + 1].end : x->sentence_end;
    size_t lo = cl_token_at(&d->tk, x->sentence_start), hi = cl_token_at(&d->tk, hi_byte);
    const px_quote *prev = previous_speaker(out, out->n - 1, from, d->text, p->mark_start);
    cue c;
    if (find_cue(L, d, all, np, lo, hi, cl_token_at(&d->tk, p->mark_end), &c))
        return set_speaker(x, d, &c, prev);
    if (prev && x->kind == PX_QUOTE_SPEECH) {
        x->speaker = strdup(prev->speaker);
        x->speaker_kind = prev->speaker_kind;
        x->mention_start = prev->mention_start;
        x->mention_end = prev->mention_end;
        return x->speaker ? PX_OK : PX_ENOMEM;
    }
    return PX_OK;
}

int px_quotes_extract_lang(const cl_lang *L, const cl_doc *d, px_quote_list *out)
{
    qpiece *p = NULL;
    size_t np = 0, from = out->n;
    int rc = find_pieces(L, d->text, d->len, &p, &np);
    for (size_t k = 0; !rc && k < np; k++)
        rc = emit(L, d, p, np, k, out, from);
    free(p);
    return rc;
}
