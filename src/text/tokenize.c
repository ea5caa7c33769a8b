/* tokenize.c - words, numbers, URLs, handles and punctuation with their
 * byte offsets. Rules in docs/text.md. */
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

#include "text/text_internal.h"
#include "parallax/doc.h"
#include "parallax/text.h"
#include "text/textchar.h"

typedef struct scan {
    const char *s;
    size_t len;
} scan;

static int32_t cp_at(const scan *sc, size_t i, size_t *n)
{
    if (i >= sc->len) {
        *n = 0;
        return -1;
    }
    return tc_decode(sc->s, sc->len, i, n);
}

static int starts_with(const scan *sc, size_t i, const char *prefix)
{
    size_t n = strlen(prefix);
    if (i + n > sc->len)
        return 0;
    for (size_t k = 0; k < n; k++)
        if ((sc->s[i + k] | (prefix[k] >= 'a' ? 0x20 : 0)) != prefix[k])
            return 0;
    return 1;
}

static int push(px_tokens *out, size_t a, size_t b, px_token_kind kind, unsigned flags)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 64;
        px_token *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return PX_ENOMEM;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = (px_token){a, b, kind, flags};
    return PX_OK;
}

int px_tokens_push(px_tokens *out, const px_token *t)
{
    return push(out, t->start, t->end, t->kind, t->flags);
}

/* Characters that may not end a URL although they may appear inside. */
static int url_trailer(char c)
{
    return c && strchr(".,;:!?'\")]}", c) != NULL;
}

static size_t scan_url(const scan *sc, size_t i)
{
    size_t j = i, n;
    int parens = 0;
    while (j < sc->len) {
        int32_t cp = cp_at(sc, j, &n);
        if (tc_is_space(cp) || cp == '<' || cp == '>' || cp == '"' || cp == 0x201C ||
            cp == 0x201D || cp == 0x2019)
            break;
        parens += cp == '(';
        parens -= cp == ')';
        j += n;
    }
    while (j > i && url_trailer(sc->s[j - 1]) && !(sc->s[j - 1] == ')' && parens >= 0))
        parens += sc->s[--j] == ')';
    return j;
}

static int is_url_start(const scan *sc, size_t i)
{
    int c = sc->s[i] | 0x20;
    if (c != 'h' && c != 'w')
        return 0;
    return starts_with(sc, i, "http://") || starts_with(sc, i, "https://") ||
           (starts_with(sc, i, "www.") && i + 4 < sc->len && tc_is_alnum((unsigned char)sc->s[i + 4]));
}

/* Letters, digits, combining marks and '_' continue a word. */
static size_t scan_alnum(const scan *sc, size_t j)
{
    size_t n;
    for (;;) {
        int32_t cp = cp_at(sc, j, &n);
        if (cp < 0 || !(tc_is_alnum(cp) || cp == '_'))
            return j;
        j += n;
    }
}

/* After the joiner at j (of n bytes), does a letter or digit follow? */
static int joins(const scan *sc, size_t j, size_t n)
{
    size_t k;
    int32_t cp = cp_at(sc, j + n, &k);
    return cp >= 0 && tc_is_alnum(cp);
}

/* The token's letters decide CAPITALIZED and ALLCAPS. */
static unsigned case_flags(const scan *sc, size_t a, size_t b)
{
    size_t n, letters = 0, upper = 0;
    int first = -1;
    for (size_t i = a; i < b; i += n) {
        int32_t cp = cp_at(sc, i, &n);
        if (!tc_is_letter(cp))
            continue;
        letters++;
        int up = tc_is_upper(cp);
        upper += up;
        if (first < 0)
            first = up;
    }
    unsigned f = 0;
    if (first == 1)
        f |= PX_TOKF_CAPITALIZED;
    if (letters >= 2 && upper == letters)
        f |= PX_TOKF_ALLCAPS;
    return f;
}

/* Is the dotted token a host name (example.com, bbc.co.uk)? Its last part
 * is 2-6 lower-case letters and some part is longer than two letters. */
static int looks_like_host(const char *w, size_t n)
{
    const char *dot = NULL;
    size_t longest = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') {
            dot = w + i;
            run = 0;
        } else if (++run > longest) {
            longest = run;
        }
    }
    if (!dot || longest < 3)
        return 0;
    size_t tld = (size_t)(w + n - dot - 1);
    if (tld < 2 || tld > 6)
        return 0;
    for (const char *p = dot + 1; p < w + n; p++)
        if (*p < 'a' || *p > 'z')
            return 0;
    return 1;
}

/* A word: letters/digits joined by inner apostrophes, hyphens, periods and
 * '@' (e-mail). Returns its end; sets kind and flags. */
static size_t scan_word(const scan *sc, size_t i, px_token_kind *kind, unsigned *flags)
{
    size_t j = scan_alnum(sc, i), n;
    int dotted = 0, at = 0;
    *kind = PX_TOK_WORD;
    for (;;) {
        int32_t cp = cp_at(sc, j, &n);
        if (cp < 0)
            break;
        if (tc_is_apostrophe(cp) && joins(sc, j, n)) {
            *flags |= PX_TOKF_CONTRACTION;
        } else if (tc_is_hyphen(cp) && joins(sc, j, n)) {
            *flags |= PX_TOKF_HYPHENATED;
        } else if (cp == '.' && joins(sc, j, n)) {
            dotted = 1;
        } else if (cp == '@' && !at && joins(sc, j, n)) {
            at = 1;
        } else {
            break;
        }
        j = scan_alnum(sc, j + n);
    }
    int32_t next = cp_at(sc, j, &n);
    const char *w = sc->s + i;
    size_t len = j - i;
    if (at) {
        *kind = PX_TOK_URL;
        return j;
    }
    if (dotted && looks_like_host(w, len)) {
        *kind = PX_TOK_URL;
        return j;
    }
    /* Harris' : a plural possessive keeps its apostrophe. */
    if (tc_is_apostrophe(next) && len > 1 && w[len - 1] == 's') {
        size_t k;
        int32_t after = cp_at(sc, j + n, &k);
        if (after < 0 || !tc_is_alnum(after)) {
            *flags |= PX_TOKF_CONTRACTION;
            return j + n;
        }
    }
    if (next != '.')
        return j;
    /* The period belongs to initialisms (U.S., a.m.), initials (E.),
     * abbreviations (Mr., Oct.) and party-state tags (D-Mo.). */
    const char *hy = memchr(w, '-', len);
    int single = len == 1 || (len == 2 && (unsigned char)w[0] >= 0xC0);
    if (dotted || (single && tc_is_upper(tc_decode(w, len, 0, &n)))) {
        *flags |= PX_TOKF_INITIALISM;
        return j + 1;
    }
    if (hy && hy - w <= 2 && hy > w && px_abbrev_class(hy + 1, (size_t)(w + len - hy - 1))) {
        *flags |= PX_TOKF_INITIALISM;
        return j + 1;
    }
    if (px_abbrev_class(w, len) != PX_ABBR_NONE) {
        *flags |= PX_TOKF_ABBREV;
        return j + 1;
    }
    return j;
}

/* Ordinal, decade and multiplier suffixes glued to a number: 3rd, 1990s,
 * 17M, 6pm, 5km. At most three letters. */
static size_t number_suffix(const scan *sc, size_t j)
{
    size_t k = j, n;
    while (k < sc->len && k - j <= 3 && tc_is_letter(cp_at(sc, k, &n)) && n == 1)
        k++;
    if (k == j || k - j > 3)
        return j;
    int32_t after = cp_at(sc, k, &n);
    if (after >= 0 && (tc_is_alnum(after) || after == '_'))
        return j;
    return k;
}

static int digit_at(const scan *sc, size_t i)
{
    return i < sc->len && sc->s[i] >= '0' && sc->s[i] <= '9';
}

/* 18,000  1.4  1026.253.553  6:12  10/31/2023  2023-10-31  49%  3rd. */
static size_t scan_number(const scan *sc, size_t i, unsigned *flags)
{
    size_t j = i, n;
    while (digit_at(sc, j))
        j++;
    for (;;) {
        char c = j < sc->len ? sc->s[j] : 0;
        if (c == ',' && digit_at(sc, j + 1) && digit_at(sc, j + 2) && digit_at(sc, j + 3) &&
            !digit_at(sc, j + 4)) {
            j += 4;
        } else if ((c == '.' || c == '/' || c == ':') && digit_at(sc, j + 1)) {
            j += 1;
            while (digit_at(sc, j))
                j++;
        } else if (c == '-' && j - i == 4 && digit_at(sc, j + 1) && digit_at(sc, j + 2) &&
                   j + 3 < sc->len && sc->s[j + 3] == '-') {
            j += 1;
            while (digit_at(sc, j) || (j < sc->len && sc->s[j] == '-' && digit_at(sc, j + 1)))
                j++;
        } else {
            break;
        }
    }
    if (j < sc->len && sc->s[j] == '%') {
        *flags |= PX_TOKF_PERCENT;
        return j + 1;
    }
    j = number_suffix(sc, j);
    /* 22-year-old */
    while (j < sc->len && tc_is_hyphen(cp_at(sc, j, &n)) && joins(sc, j, n)) {
        *flags |= PX_TOKF_HYPHENATED;
        j = scan_alnum(sc, j + n);
    }
    return j;
}

static int is_currency(int32_t cp)
{
    return cp == '$' || cp == 0xA3 || cp == 0x20AC || cp == 0xA5 || cp == 0x20B9;
}

static int has_capital(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] >= 'A' && w[i] <= 'Z')
            return 1;
    return 0;
}

static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* Is w an abbreviation in one case and not in the other ("No")? */
static int abbrev_depends_on_case(const char *w, size_t n)
{
    char low[6];
    if (n == 0 || n > sizeof low)
        return 0; /* no abbreviation is longer */
    for (size_t i = 0; i < n; i++)
        low[i] = ascii_lower(w[i]);
    return (px_abbrev_class(w, n) == PX_ABBR_NONE) != (px_abbrev_class(low, n) == PX_ABBR_NONE);
}

/* Would the word w (with capitals, without a final period) keep a period
 * that follows it in one case and not in the other (scan_word)? */
static int period_depends_on_case(const char *w, size_t n)
{
    if (n == 1)
        return 1; /* an initial */
    const char *hy = memchr(w, '-', n);
    if (hy && hy - w <= 2 && abbrev_depends_on_case(hy + 1, (size_t)(w + n - hy - 1)))
        return 1; /* a party-state tag */
    return abbrev_depends_on_case(w, n);
}

/* Is the dotted word w a host name once lower-cased (looks_like_host)? */
static int host_when_lower(const char *w, size_t n)
{
    char low[256];
    if (n > sizeof low)
        return 1;
    for (size_t i = 0; i < n; i++)
        low[i] = ascii_lower(w[i]);
    return looks_like_host(low, n);
}

static int web_prefix(const char *w, size_t n)
{
    return (n == 4 && strncasecmp(w, "http", 4) == 0) || (n == 5 && strncasecmp(w, "https", 5) == 0) ||
           (n == 3 && strncasecmp(w, "www", 3) == 0);
}

/* Does the word token w[0..n) (with capitals), followed in the text by
 * next, split the same in both cases? */
static int word_fold_alike(const char *w, size_t n, char next)
{
    /* without the period or the possessive's apostrophe it kept */
    size_t base = n - (n > 1 && (w[n - 1] == '.' || w[n - 1] == '\''));
    int dotted = memchr(w, '.', base) != NULL;
    if (web_prefix(w, n) || (dotted && host_when_lower(w, base)))
        return 0;
    if (n >= 2 && ((w[n - 1] == '\'' && w[n - 2] == 'S') || (w[n - 1] == 'S' && next == '\'')))
        return 0; /* a possessive in capitals */
    if (dotted)
        return 1; /* initialisms keep their period in any case */
    if (base < n && w[n - 1] == '.')
        return !period_depends_on_case(w, base);
    return next != '.' || !period_depends_on_case(w, n);
}

int px_tokens_fold_alike(const char *s, size_t n, const px_tokens *t)
{
    if (memchr(s, '`', n))
        return 0;
    for (size_t k = 0; k < t->n; k++) {
        const px_token *tk = &t->v[k];
        const char *w = s + tk->start;
        size_t wl = tk->end - tk->start;
        if (!has_capital(w, wl) || tk->kind == PX_TOK_NUMBER || tk->kind == PX_TOK_PUNCT ||
            tk->kind == PX_TOK_SYMBOL || tk->kind == PX_TOK_HANDLE)
            continue;
        if (tk->kind != PX_TOK_WORD || !word_fold_alike(w, wl, tk->end < n ? s[tk->end] : 0))
            return 0;
    }
    return 1;
}

static _Atomic unsigned long long bytes_tokenized;

unsigned long long px_text_bytes_tokenized(void) { return bytes_tokenized; }

int px_tokenize(const char *text, size_t len, px_tokens *out)
{
    atomic_fetch_add_explicit(&bytes_tokenized, len, memory_order_relaxed);
    scan sc = {text, len};
    size_t i = 0, n;
    while (i < len) {
        int32_t cp = cp_at(&sc, i, &n);
        if (tc_is_space(cp)) {
            i += n;
            continue;
        }
        size_t j;
        px_token_kind kind;
        unsigned flags = 0;
        size_t k;
        if (is_url_start(&sc, i)) {
            j = scan_url(&sc, i), kind = PX_TOK_URL;
        } else if ((cp == '@' || cp == '#') && i + 1 < len &&
                   (tc_is_alnum(cp_at(&sc, i + 1, &k)) || text[i + 1] == '_')) {
            j = scan_alnum(&sc, i + 1), kind = PX_TOK_HANDLE;
        } else if (is_currency(cp) && digit_at(&sc, i + n)) {
            j = scan_number(&sc, i + n, &flags), kind = PX_TOK_NUMBER;
            flags |= PX_TOKF_CURRENCY;
        } else if (tc_is_digit(cp)) {
            j = cp < 0x80 ? scan_number(&sc, i, &flags) : scan_alnum(&sc, i);
            kind = PX_TOK_NUMBER;
        } else if (tc_is_letter(cp)) {
            j = scan_word(&sc, i, &kind, &flags);
        } else if (cp == '.' && i + 2 < len && text[i + 1] == '.' && text[i + 2] == '.') {
            j = i + 3;
            while (j < len && text[j] == '.')
                j++;
            kind = PX_TOK_PUNCT;
        } else {
            utf8proc_category_t c = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
            j = i + n;
            kind = (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ? PX_TOK_PUNCT
                                                                              : PX_TOK_SYMBOL;
        }
        if (kind == PX_TOK_WORD || kind == PX_TOK_NUMBER)
            flags |= case_flags(&sc, i, j);
        if (push(out, i, j, kind, flags))
            return PX_ENOMEM;
        i = j;
    }
    return PX_OK;
}

void px_tokens_free(px_tokens *t)
{
    if (!t)
        return;
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}
