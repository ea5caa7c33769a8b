/* sentences.c - English sentence segmentation for news text.
 *
 * One pass over the text: a scan (16 bytes a step with SSE2) jumps to the
 * next byte that needs a look, a sentence mark or a newline, and a blank
 * line ends the paragraph. Only '.', '!', '?', the ellipsis and list
 * bullets can end a sentence; what decides is the word before the mark
 * (abbreviation, title, initialism, number) and the word after it (capital,
 * lower case, digit, a word that starts sentences). Rules are documented in
 * docs/text.md. Nothing is allocated except the output array (and, once in
 * a process, the hashed sets of a language's word lists: text/wordset.h). */
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

#include "text/text_internal.h"
#include "parallax/doc.h"
#include "parallax/text.h"
#include "text/textchar.h"
#include "text/word_lists.h"
#include "text/wordset.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define MAX_MARKERS 64

/* The English path is the hot one: helpers for other languages stay out
 * of line so that its functions keep their size. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define OUT_OF_LINE __attribute__((noinline))
#else
#define ALWAYS_INLINE inline
#define OUT_OF_LINE
#endif

/* A list item marker ("2.", "b)", "3.)", "• 10.") inside a paragraph: a
 * sentence starts at pos, and the marker's own punctuation up to skip is no
 * sentence end. */
typedef struct marker {
    size_t pos, skip;
} marker;

/* What the rules know of a language other than English (NULL: English). */
enum {
    LANG_ORDINAL_DOT = 1, /* "am 12. Juni": a number's period is an ordinal */
    LANG_LOW_QUOTES = 2,  /* „so“: U+201C and U+2018 close a quotation */
    LANG_NO_SPACES = 4,   /* Chinese, Japanese: no space after a sentence */
    LANG_DANDA = 8,       /* Hindi: "।" ends sentences, "." abbreviations */
    LANG_WIDE_MARKS = 16, /* sentence marks outside ASCII: 。！？ । ؟ */
    LANG_NO_STOPWORD_CUE = 32, /* the stopword list does not decide whether a
                                  capitalised word after an abbreviation starts
                                  a sentence (ru: 99.5 -> 99.2 span F1 on the UD
                                  dev text with it; the others unmeasured) */
    LANG_ARABIC_SCRIPT = 64    /* written in Arabic letters (D8-DB lead bytes) */
};

/* Which scan finds a language's sentence marks. Every scan but the ASCII
 * one stops at every mark of every script; they differ in which bytes
 * they look for, chosen to be rare in the language's own script. */
typedef enum mark_scan {
    SCAN_ASCII,      /* . ! ? and the E2 marks: English and other scripts with spaces */
    SCAN_ANY,        /* the marks of every script by their whole bytes */
    SCAN_ARABIC,     /* Arabic script */
    SCAN_DEVANAGARI, /* Devanagari */
    SCAN_CJK         /* Chinese, Japanese */
} mark_scan;

typedef struct lang_rules {
    char code[4];
    unsigned flags;
    mark_scan scan;
    const char *const *stopwords; /* NULL when the language has no list */
    size_t n_stopwords;
    const char *const *abbrevs;   /* data/abbrev/LANG.txt, NULL when none */
    /* The two lists as hashed sets (NULL when out of memory: the lists
     * are then searched): a look-up at each period costs one hash. */
    const px_word_set *stopword_set, *abbrev_set;
} lang_rules;

typedef struct splitter {
    const lang_rules *lang; /* NULL: English */
    const char *s;
    size_t len;    /* of the whole text */
    size_t pe;     /* end of the current paragraph; the text's end while
                    * the scan has not found it yet */
    size_t start;  /* start of the current sentence */
    px_spans *out;
    int rc;
    marker markers[MAX_MARKERS];
    size_t n_markers, next_marker;
} splitter;

static int push_span(px_spans *out, size_t a, size_t b)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 16;
        px_span *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return PX_ENOMEM;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n].start = a;
    out->v[out->n].end = b;
    out->n++;
    return PX_OK;
}

static inline int ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Out of line: rare in news text, and keeping it apart keeps the callers'
 * ASCII paths small. Every space above ASCII (U+00A0, U+1680, U+2000-U+205F,
 * U+3000, U+FEFF) opens on one of five lead bytes: any other character is
 * no space without decoding it, which in Chinese, Hindi or Arabic text is
 * nearly every character the splitter looks at. *n is set only for a
 * space, as the callers read it. */
static int wide_space_at(const char *s, size_t end, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE3) { /* kana, 。 and 、 too: the one space there is U+3000 */
        if (end - i < 3 || (unsigned char)s[i + 1] != 0x80 || (unsigned char)s[i + 2] != 0x80)
            return 0;
        *n = 3;
        return 1;
    }
    if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xEF)
        return 0;
    return tc_is_space(tc_decode(s, end, i, n));
}

static inline int is_space_at(const char *s, size_t end, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return ascii_space(c);
    }
    return wide_space_at(s, end, i, n);
}

int px_spans_push(px_spans *out, size_t a, size_t b) { return push_span(out, a, b); }

/* Ends the current sentence at b (trimmed) and starts the next one there. */
static void emit(splitter *sp, size_t b)
{
    const char *s = sp->s;
    size_t a = sp->start, n;
    sp->start = b;
    if (a + 1 < b && s[a] == ' ' && (unsigned char)(s[a + 1] - 0x21) < 0x5E)
        a++; /* the usual single space after the previous sentence */
    else
        while (a < b && is_space_at(s, b, a, &n))
            a += n;
    while (b > a) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c < 0x80) { /* no decoding for ASCII */
            if (!ascii_space(c))
                break;
            b--;
            continue;
        }
        size_t p = tc_prev_from(s, a, b);
        if (!is_space_at(s, b, p, &n))
            break;
        b = p;
    }
    if (b > a && sp->rc == PX_OK)
        sp->rc = push_span(sp->out, a, b);
}

/* ---- list markers ------------------------------------------------------- */

enum { STYLE_DOT = 1, STYLE_PAREN, STYLE_DOT_PAREN };

/* A marker at i: 1-2 digits (or one lower-case letter when letter is set)
 * then ".", ")" or ".)", then a space. Returns its end (after the
 * punctuation) or 0; *value and *style describe it. */
static size_t parse_marker(const char *s, size_t end, size_t i, int letter, int *value, int *style)
{
    size_t j = i;
    int v = 0;
    if (letter) {
        if (j >= end || s[j] < 'a' || s[j] > 'z')
            return 0;
        v = s[j++] - 'a' + 1;
    } else {
        while (j < end && j - i < 2 && s[j] >= '0' && s[j] <= '9')
            v = v * 10 + (s[j++] - '0');
        if (j == i || (j < end && s[j] >= '0' && s[j] <= '9'))
            return 0;
    }
    if (j + 1 < end && s[j] == '.' && s[j + 1] == ')')
        *style = STYLE_DOT_PAREN, j += 2;
    else if (j < end && s[j] == '.')
        *style = STYLE_DOT, j++;
    else if (j < end && s[j] == ')')
        *style = STYLE_PAREN, j++;
    else
        return 0;
    if (j >= end || s[j] != ' ')
        return 0;
    *value = v;
    return j;
}

static void add_marker(splitter *sp, size_t pos, size_t skip)
{
    if (sp->n_markers < MAX_MARKERS)
        sp->markers[sp->n_markers++] = (marker){pos, skip};
}

/* A paragraph that starts with "1." / "1)" / "a." is a list when the next
 * numbers (letters) follow in order, each after a space and with the same
 * punctuation: "1. The first item 2. The second item". */
static void find_list(splitter *sp, size_t ps)
{
    const char *s = sp->s;
    for (int letter = 0; letter <= 1; letter++) {
        int value, style;
        size_t skip = parse_marker(s, sp->pe, ps, letter, &value, &style);
        if (!skip || value != 1)
            continue;
        size_t first = sp->n_markers;
        add_marker(sp, ps, skip);
        size_t i = skip;
        while (sp->n_markers < MAX_MARKERS) {
            size_t found = 0, found_skip = 0;
            for (size_t j = i + 1; j < sp->pe && !found; j++) {
                int v, st;
                size_t k;
                if (s[j - 1] == ' ' && (k = parse_marker(s, sp->pe, j, letter, &v, &st)) &&
                    v == value + 1 && st == style)
                    found = j, found_skip = k;
            }
            if (!found)
                break;
            add_marker(sp, found, found_skip);
            value++;
            i = found_skip;
        }
        /* Letters are only a list when at least two items follow in order;
         * a lone "a." is a word or an initial. Numbers stand alone. */
        if (letter && sp->n_markers - first < 2)
            sp->n_markers = first;
        if (sp->n_markers > first)
            return;
    }
}

/* ---- the words around a period ------------------------------------------ */

enum { W_PLAIN, W_TITLE, W_NEVER, W_NUMBER, W_MONTH, W_TIME, W_ABBREV, W_INITIAL };

/* Letters and periods only, every run of letters at most 3 long, at least
 * one inner period: U.S, a.m, Ph.D, U.S.A. */
static int is_initialism(const char *w, size_t n)
{
    int run = 0, dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') {
            if (!run)
                return 0;
            run = 0, dots++;
        } else if (((w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z') && run < 3) {
            run++;
        } else {
            return 0;
        }
    }
    return dots > 0 && run > 0;
}

/* Does w hold a period or a hyphen? Eight bytes at a time (a zero byte of
 * x ^ '.' is a period), since a per-byte loop's exit is a mispredicted
 * branch for every word. */
static uint64_t has_zero_byte(uint64_t v)
{
    return (v - 0x0101010101010101u) & ~v & 0x8080808080808080u;
}

static int chunk_has_mark(const char *p, size_t k)
{
    uint64_t x = tc_load_bytes(p, k);
    /* Padding bytes are 0 and match neither '.' nor '-'. */
    return (has_zero_byte(x ^ 0x2E2E2E2E2E2E2E2Eu) | has_zero_byte(x ^ 0x2D2D2D2D2D2D2D2Du)) != 0;
}

static int has_mark(const char *w, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        if (chunk_has_mark(w + i, 8))
            return 1;
    return i < n && chunk_has_mark(w + i, n - i);
}

static int lang_abbrev_kind(const lang_rules *lr, const char *w, size_t n);
static int is_ordinal(const char *w, size_t n);

/* marked: does w hold a period or hyphen (-1: not known yet)? */
static int kind_of_word(const lang_rules *lr, const char *w, size_t n, int marked)
{
    if (n == 0)
        return W_PLAIN;
    if (lr)
        return lang_abbrev_kind(lr, w, n);
    /* Without an inner period or hyphen only the table and the single
     * letter rules below can apply, and no table entry is longer than six
     * bytes: most words are decided here. */
    if (marked < 0)
        marked = has_mark(w, n);
    if (!marked && n > 6)
        return W_PLAIN;
    switch (px_abbrev_class(w, n)) {
    case PX_ABBR_TITLE: return W_TITLE;
    case PX_ABBR_NEVER: return W_NEVER;
    case PX_ABBR_NUMBER: return W_NUMBER;
    case PX_ABBR_MONTH: return W_MONTH;
    case PX_ABBR_GENERAL: return W_ABBREV;
    default: break;
    }
    if (!marked) {
        /* A single letter: an initial (Jonas E. Smith) or the pronoun I. */
        if (n == 1 && tc_is_letter((unsigned char)w[0]))
            return W_ABBREV;
        if (n == 2 && (unsigned char)w[0] >= 0xC0 && ((unsigned char)w[1] & 0xC0) == 0x80)
            return W_ABBREV;
        return W_PLAIN;
    }
    if (n == 3 && ((w[0] | 0x20) == 'a' || (w[0] | 0x20) == 'p') && w[1] == '.' &&
        (w[2] | 0x20) == 'm')
        return W_TIME;
    if (is_initialism(w, n))
        return W_ABBREV;
    /* Party and state after a name: D-Mo., R-Calif. */
    const char *hy = memchr(w, '-', n);
    if (hy && hy > w && hy - w <= 2) {
        size_t k = (size_t)(hy - w) + 1;
        if (px_abbrev_class(w + k, n - k) != PX_ABBR_NONE || (n - k <= 2 && n - k > 0))
            return W_ABBREV;
    }
    return W_PLAIN;
}

/* Words that may follow a time ("6 p.m. Tuesday", "9 a.m. Eastern") without
 * a sentence break. */
static int follows_time(const char *w, size_t n)
{
    static const char *const words[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
        "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Eastern", "Pacific",
        "Central", "Mountain", "ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "CST", "CDT",
        "MT", "GMT", "UTC", "BST", "CET", "local", NULL};
    for (const char *const *p = words; *p; p++)
        if (strlen(*p) == n && memcmp(*p, w, n) == 0)
            return 1;
    return 0;
}

/* The word after a possible boundary. */
typedef struct next_word {
    int end;      /* nothing follows in the paragraph */
    int opener;   /* it starts with a quotation mark or bracket */
    int upper, lower, digit;
    size_t ws, we; /* its letters (apostrophes included) */
} next_word;

/* Does the newline at i start a blank line, that is end a paragraph? */
static int blank_line_at(const char *s, size_t i, size_t len)
{
    if (s[i] != '\n')
        return 0;
    size_t j = i + 1;
    while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
        j++;
    return j < len && s[j] == '\n';
}

/* Case and digit of a character above ASCII from one look-up of its
 * category (three in tc_is_upper, tc_is_lower and tc_is_digit): in the
 * scripts without case, the next word after every sentence end. */
OUT_OF_LINE static void classify_wide(int32_t cp, next_word *nw)
{
    utf8proc_category_t c = utf8proc_category(cp);
    nw->upper = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
    nw->lower = c == UTF8PROC_CATEGORY_LL;
    nw->digit = c == UTF8PROC_CATEGORY_ND;
}

/* The paragraph's end may not be known yet (pe is then the text's end), so
 * a blank line counts as the end too. */
static next_word look_ahead(const char *s, size_t i, size_t pe)
{
    next_word nw = {0};
    size_t n;
    while (i < pe && is_space_at(s, pe, i, &n) && !blank_line_at(s, i, pe))
        i += n;
    if (i >= pe || s[i] == '\n') {
        nw.end = 1;
        return nw;
    }
    int32_t cp = tc_decode(s, pe, i, &n);
    while (tc_is_opener(cp) && i + n < pe && !blank_line_at(s, i + n, pe)) {
        nw.opener = 1;
        i += n;
        cp = tc_decode(s, pe, i, &n);
    }
    if (cp < 0x80) {
        nw.upper = tc_is_upper(cp);
        nw.lower = tc_is_lower(cp);
        nw.digit = tc_is_digit(cp);
    } else {
        classify_wide(cp, &nw);
    }
    nw.ws = nw.we = i;
    return nw;
}

/* Finds where the next word ends (its letters and apostrophes); only the
 * rules that look at the word itself need it. */
static void measure_word(const char *s, size_t pe, next_word *nw)
{
    size_t n;
    if (nw->we > nw->ws)
        return;
    while (nw->we < pe) {
        int32_t cp = tc_decode(s, pe, nw->we, &n);
        if (!tc_is_letter(cp) && !tc_is_apostrophe(cp))
            break;
        nw->we += n;
    }
}

/* Does this capitalised word usually start a sentence (The, He, But, How,
 * It)? Those are the stopwords; names and nouns are not. */
static int starts_sentences_lang(const splitter *sp, next_word *nw, int initial);

/* initial: the period ends an initial or an ordinal, after which a name
 * or noun usually goes on (other languages only). */
static int starts_sentences(const splitter *sp, next_word *nw, int initial)
{
    const char *s = sp->s;
    size_t pe = sp->pe;
    char buf[24];
    if (sp->lang)
        return starts_sentences_lang(sp, nw, initial);
    measure_word(s, pe, nw);
    size_t n = nw->we - nw->ws;
    if (n == 0 || n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (s[nw->ws + i] >= 'A' && s[nw->ws + i] <= 'Z') ? (char)(s[nw->ws + i] + 32)
                                                                 : s[nw->ws + i];
    return px_is_stopword("en", buf, n);
}

static size_t words_between(const char *s, size_t a, size_t b)
{
    size_t words = 0;
    int in = 0;
    for (size_t i = a; i < b; i++) {
        int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        words += !sp && !in;
        in = !sp;
    }
    return words;
}

static size_t skip_lang_closers(const splitter *sp, size_t i);

/* Skips closing quotes and brackets from i; returns the new position. */
static size_t skip_closers(const splitter *sp, size_t i)
{
    const char *s = sp->s;
    size_t n, pe = sp->pe;
    if (sp->lang)
        return skip_lang_closers(sp, i);
    while (i < pe && tc_is_closer(tc_decode(s, pe, i, &n)))
        i += n;
    return i;
}

/* Start of the run of printable ASCII bytes ('!'..'~') that ends at i, not
 * before lo; *marked tells whether the run holds a period or a hyphen. Most
 * words are such runs; a wider byte stops it and is left to the caller.
 * With SSE2, 16 bytes per step and no branch per byte (word lengths vary
 * too much for the branch predictor). */
static size_t ascii_run_start(const char *s, size_t lo, size_t i, int *marked)
{
    int mk = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
    const __m128i dot = _mm_set1_epi8('.'), hyphen = _mm_set1_epi8('-');
    while (i >= lo + 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i - 16));
        __m128i word = _mm_and_si128(_mm_cmpgt_epi8(v, space), _mm_cmplt_epi8(v, del));
        unsigned other = ~(unsigned)_mm_movemask_epi8(word) & 0xFFFFu;
        unsigned marks =
            (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, hyphen)));
        if (other) {
            unsigned start = 32 - (unsigned)__builtin_clz(other); /* 1..16 */
            *marked = mk | ((marks >> start) != 0);
            return i - 16 + start;
        }
        mk |= marks != 0;
        i -= 16;
    }
#endif
    while (i > lo && (unsigned char)(s[i - 1] - 0x21) < 0x5E) {
        mk |= s[i - 1] == '.' || s[i - 1] == '-';
        i--;
    }
    *marked = mk;
    return i;
}

/* Does a quotation mark or bracket open at i (*n: its length)? Every
 * opener above ASCII starts with C2 AB or E2 80 (U+00AB, U+2018-U+2039):
 * the first letter of a word of another script is told from one without
 * decoding it. */
static inline int opener_at(const char *s, size_t end, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i], c1 = i + 1 < end ? (unsigned char)s[i + 1] : 0;
    if (c >= 0x80 && !(c == 0xC2 && c1 == 0xAB) && !(c == 0xE2 && c1 == 0x80))
        return 0;
    return tc_is_opener(tc_decode(s, end, i, n));
}

/* The word that ends at the period at i, without leading quotes/brackets;
 * *marked as for kind_of_word. */
static void word_before(const splitter *sp, size_t i, size_t *ws, int *marked)
{
    const char *s = sp->s;
    size_t run = ascii_run_start(s, sp->start, i, marked), a = run, n;
    if (a > sp->start && !ascii_space((unsigned char)s[a - 1])) {
        while (a > sp->start) {
            size_t p = tc_prev_from(s, sp->start, a);
            if (is_space_at(s, sp->pe, p, &n))
                break;
            a = p;
        }
        if (a != run)
            *marked = -1; /* the word reaches past the ASCII run */
    }
    while (a < i && opener_at(s, sp->pe, a, &n))
        a += n;
    *ws = a;
}

/* Is the single period at i (closers end at after) a sentence end? */
static int period_ends(const splitter *sp, size_t i, size_t after, next_word *nw)
{
    const char *s = sp->s;
    if (nw->end)
        return 1;
    if (nw->lower && !nw->opener)
        return 0; /* whatever the word before: "Co. at noon", "said. the" */
    int kind = W_PLAIN; /* a period inside closers ends no abbreviation */
    if (after == i + 1) {
        size_t ws;
        int marked;
        word_before(sp, i, &ws, &marked);
        kind = kind_of_word(sp->lang, s + ws, i - ws, marked);
        if (kind == W_PLAIN && sp->lang && (sp->lang->flags & LANG_ORDINAL_DOT) &&
            is_ordinal(s + ws, i - ws) && nw->upper && !nw->opener)
            return starts_sentences(sp, nw, 1);
    }
    switch (kind) {
    case W_TITLE:
    case W_NEVER:
        return 0;
    case W_NUMBER:
    case W_MONTH:
        if (nw->digit)
            return 0;
        /* fall through */
    case W_ABBREV:
    case W_INITIAL:
        if (nw->opener)
            return nw->upper || nw->digit;
        return nw->upper && starts_sentences(sp, nw, kind == W_INITIAL);
    case W_TIME:
        if (nw->opener)
            return 1;
        if (!nw->upper)
            return 0;
        measure_word(s, sp->pe, nw);
        return !follows_time(s + nw->ws, nw->we - nw->ws) && words_between(s, sp->start, i) >= 4;
    default:
        return !nw->lower || nw->opener;
    }
}

/* ---- ellipses ------------------------------------------------------------ */

/* Measures the run of dots at i: "...", "....", ". . .", "…". Returns its end
 * and the number of dots in *dots. */
static size_t dot_run(const char *s, size_t i, size_t pe, int *dots)
{
    size_t j = i;
    *dots = 0;
    for (;;) {
        if (j < pe && s[j] == '.')
            (*dots)++, j++;
        else if (j + 2 < pe && memcmp(s + j, "\xE2\x80\xA6", 3) == 0)
            *dots += 3, j += 3;
        else if (*dots && j + 1 < pe && s[j] == ' ' && s[j + 1] == '.')
            j++;
        else
            break;
    }
    return j;
}

/* Handles the dots at i; returns where scanning goes on. */
static size_t on_dots(splitter *sp, size_t i)
{
    const char *s = sp->s;
    /* Most periods are followed by a letter or digit ("1.5", "bbc.co.uk")
     * or by one space and an ASCII letter: those are decided here, with the
     * same outcome as the general path below but without decoding. */
    if (i + 2 < sp->pe) {
        unsigned char c1 = (unsigned char)s[i + 1], c2 = (unsigned char)s[i + 2];
        if (c1 < 0x80 && tc_is_alnum(c1))
            return i + 1; /* inside a word, number or URL */
        if (c1 == ' ' && c2 >= 'a' && c2 <= 'z')
            return i + 1; /* lower case goes on: "Co. at noon" */
        if (c1 == ' ' && c2 >= 'A' && c2 <= 'Z') {
            next_word nw = {.upper = 1, .ws = i + 2, .we = i + 2};
            if (period_ends(sp, i, i + 1, &nw))
                emit(sp, i + 1);
            return i + 1;
        }
    }
    if (i + 1 == sp->pe || blank_line_at(s, i + 1, sp->pe)) { /* the paragraph's last byte */
        emit(sp, i + 1);
        return i + 1;
    }
    int dots;
    size_t g = dot_run(s, i, sp->pe, &dots);
    size_t n;
    if (dots == 1) {
        size_t after = skip_closers(sp, i + 1);
        if (after < sp->pe && !is_space_at(s, sp->pe, after, &n))
            return i + 1; /* inside a word, number, URL or "Jr.'s" */
        next_word nw = look_ahead(s, after, sp->pe);
        if (period_ends(sp, i, after, &nw))
            emit(sp, after);
        return after;
    }
    if (i > 0 && s[i - 1] == '[')
        return g; /* "[...]" marks an omission inside a quotation */
    int attached = i > sp->start && !is_space_at(s, sp->pe, tc_prev(s, i), &n);
    /* "word. . . . Next": the period ends the sentence and the ellipsis
     * opens the next one. */
    if (attached && dots >= 4 && s[i + 1] == ' ') {
        size_t after = skip_closers(sp, g);
        next_word nw = look_ahead(s, after, sp->pe);
        if (!nw.end && (after == sp->pe || is_space_at(s, sp->pe, after, &n)) && nw.upper) {
            emit(sp, i + 1);
            return g;
        }
    }
    size_t after = skip_closers(sp, g);
    if (after < sp->pe && !is_space_at(s, sp->pe, after, &n))
        return after;
    next_word nw = look_ahead(s, after, sp->pe);
    if (nw.end)
        return after;
    int ends;
    if (dots >= 4) /* an ellipsis and a period */
        ends = nw.upper || nw.opener || nw.digit;
    else { /* a pause: only a capital that is not the pronoun I starts anew */
        measure_word(s, sp->pe, &nw);
        ends = nw.upper && !(nw.we - nw.ws == 1 && s[nw.ws] == 'I');
    }
    if (ends)
        emit(sp, after);
    return after;
}

/* '!' and '?' (also "?!", "!!"): a sentence end unless lower case follows,
 * as in "Yahoo! in" or "'Why?' she asked". */
static size_t on_exclamation(splitter *sp, size_t i, size_t len)
{
    const char *s = sp->s;
    size_t j = i + len, n;
    while (j < sp->pe && (s[j] == '!' || s[j] == '?'))
        j++;
    size_t after = skip_closers(sp, j);
    if (after < sp->pe && !is_space_at(s, sp->pe, after, &n)) {
        if (sp->lang && (sp->lang->flags & LANG_NO_SPACES) && tc_decode(s, sp->pe, after, &n) >= 0x2E80)
            emit(sp, after); /* "？" or "?" then Chinese or Japanese */
        return after;
    }
    next_word nw = look_ahead(s, after, sp->pe);
    if (nw.end || !nw.lower || nw.opener)
        emit(sp, after);
    return after;
}

/* A bullet in running text starts a new item; a number marker right after
 * it ("• 10.") is part of the bullet. Returns where scanning goes on. */
static size_t on_bullet(splitter *sp, size_t i, size_t n)
{
    size_t k;
    if (i > sp->start && is_space_at(sp->s, sp->pe, tc_prev(sp->s, i), &k))
        emit(sp, i);
    size_t j = i + n;
    while (j < sp->pe && sp->s[j] == ' ')
        j++;
    int v, st;
    size_t m = parse_marker(sp->s, sp->pe, j, 0, &v, &st);
    return m ? m : i + n;
}

/* Which bytes need a look: sentence marks, the lead byte of U+2000-U+2FFF
 * (ellipsis, bullets, interrobang) and newlines (a blank line ends the
 * paragraph: one scan finds both). */
static const unsigned char special[256] = {['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1, ['\n'] = 1};

/* The first special byte in [i, limit), or limit. Nearly all bytes of news
 * text are letters and spaces, so this scan is most of the splitter's time:
 * with SSE2 it tests 16 bytes per step. Never reads at or past limit. */
static size_t next_special(const char *s, size_t i, size_t limit)
{
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!');
    const __m128i query = _mm_set1_epi8('?'), e2 = _mm_set1_epi8((char)0xE2);
    const __m128i nl = _mm_set1_epi8('\n');
    while (i + 16 <= limit) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, query), _mm_cmpeq_epi8(v, e2)));
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, nl));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i < limit && !special[(unsigned char)s[i]])
        i++;
    return i;
}

/* ---- other languages ---------------------------------------------------- */

/* Sentence marks of other scripts: 。！？． (Chinese, Japanese), । ॥
 * (Devanagari), ؟ ۔ (Arabic script). Their bytes: 。 E3 80 82, ！ EF BC 81,
 * ？ EF BC 9F, ． EF BC 8E, । E0 A5 A4, ॥ E0 A5 A5, ؟ D8 9F, ۔ DB 94. Their lead bytes
 * also open every Devanagari letter (E0), most kana (E3) and half the
 * Arabic letters (D8): a scan that stopped at each lead byte would stop at
 * nearly every character of those scripts, so it matches whole marks. */
static inline int wide_mark_at(const char *s, size_t i, size_t limit)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t n = limit - i;
    switch (u[0]) {
    case 0xD8:
        return n >= 2 && u[1] == 0x9F;
    case 0xDB:
        return n >= 2 && u[1] == 0x94;
    case 0xE0:
        return n >= 3 && u[1] == 0xA5 && (u[2] == 0xA4 || u[2] == 0xA5);
    case 0xE3:
        return n >= 3 && u[1] == 0x80 && u[2] == 0x82;
    case 0xEF:
        return n >= 3 && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F || u[2] == 0x8E);
    default:
        return 0;
    }
}

/* The length of the mark of another script at i, or 0, without
 * decoding (an invalid or overlong sequence is no mark in either). */
static size_t wide_mark_len(const char *s, size_t i, size_t limit)
{
    if (i >= limit || !wide_mark_at(s, i, limit))
        return 0;
    return (unsigned char)s[i] < 0xE0 ? 2 : 3;
}

/* Quotation marks and dashes (E2 80 93/94/98/99/9C/9D) share the lead
 * byte of the ellipsis and the bullets; in scripts whose text is mostly
 * multi-byte they are common, and nothing is done at them. */
static int plain_punctuation_at(const char *s, size_t i, size_t limit)
{
    const unsigned char *u = (const unsigned char *)s + i;
    return limit - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
           (u[2] == 0x93 || u[2] == 0x94 || u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9C || u[2] == 0x9D);
}

static int wide_stop_at(const char *s, size_t i, size_t limit)
{
    return (special[(unsigned char)s[i]] && !plain_punctuation_at(s, i, limit)) || wide_mark_at(s, i, limit);
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The candidates for a stop of the wide scans among the 16 bytes at p
 * (p[0..17] are read), one bit each: wide_stop_at confirms them, so a
 * test may take more than the stops but never fewer. Each scan takes the
 * bytes of the sentence marks that are rare in its own script, so that
 * it seldom stops for nothing and tests few bytes. */
static inline __m128i byte_is(__m128i v, unsigned char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c)); }

static inline __m128i load16(const char *p) { return _mm_loadu_si128((const __m128i *)(const void *)p); }

/* . ! ? and newlines: the stops of every scan. */
static inline __m128i ascii_stops(__m128i v)
{
    return _mm_or_si128(_mm_or_si128(byte_is(v, '.'), byte_is(v, '!')),
                        _mm_or_si128(byte_is(v, '?'), byte_is(v, '\n')));
}

/* E2 unless a quotation mark or dash follows (E2 80 90-9F). */
static inline __m128i e2_stops(__m128i v, __m128i w, __m128i x)
{
    __m128i quote = _mm_and_si128(byte_is(w, 0x80), byte_is(_mm_and_si128(x, _mm_set1_epi8((char)0xF0)), 0x90));
    return _mm_andnot_si128(quote, byte_is(v, 0xE2));
}

/* Any script: a lead byte with its mark's second byte (and for the
 * full-width forms and 。 the third, since ， and 、 share the first two,
 * and for । ॥ the third, since E0 A5 also opens the Devanagari vowel
 * signs). */
static ALWAYS_INLINE unsigned any_candidates(const char *p)
{
    __m128i v = load16(p), w = load16(p + 1), x = load16(p + 2);
    __m128i hit = _mm_or_si128(ascii_stops(v), e2_stops(v, w, x));
    hit = _mm_or_si128(hit, _mm_and_si128(byte_is(v, 0xD8), byte_is(w, 0x9F)));
    hit = _mm_or_si128(hit, _mm_and_si128(byte_is(v, 0xDB), byte_is(w, 0x94)));
    hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(byte_is(v, 0xE0), byte_is(w, 0xA5)),
                                          _mm_or_si128(byte_is(x, 0xA4), byte_is(x, 0xA5))));
    hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(byte_is(v, 0xE3), byte_is(w, 0x80)), byte_is(x, 0x82)));
    hit = _mm_or_si128(hit, _mm_andnot_si128(byte_is(x, 0x8C), _mm_and_si128(byte_is(v, 0xEF), byte_is(w, 0xBC))));
    return (unsigned)_mm_movemask_epi8(hit);
}

/* Arabic script: D8-DB open every letter; E0, E2, E3 and EF are rare and
 * stand for their marks by themselves, and ؟ and ۔ are found by their
 * second bytes (9F, 94), rare in the script. */
static ALWAYS_INLINE unsigned arabic_candidates(const char *p)
{
    __m128i v = load16(p), w = load16(p + 1);
    __m128i hit = _mm_or_si128(ascii_stops(v), _mm_or_si128(_mm_or_si128(byte_is(v, 0xE0), byte_is(v, 0xE2)),
                                                            _mm_or_si128(byte_is(v, 0xE3), byte_is(v, 0xEF))));
    hit = _mm_or_si128(hit, _mm_or_si128(byte_is(w, 0x9F), byte_is(w, 0x94)));
    return (unsigned)_mm_movemask_epi8(hit);
}

/* Devanagari: E0 A4 and E0 A5 open every letter and sign; । ॥ are the
 * only E0 A5 A4/A5; the lead bytes of the other marks are rare. */
static ALWAYS_INLINE unsigned devanagari_candidates(const char *p)
{
    __m128i v = load16(p), w = load16(p + 1), x = load16(p + 2);
    __m128i hit = _mm_or_si128(ascii_stops(v), _mm_or_si128(_mm_or_si128(byte_is(v, 0xD8), byte_is(v, 0xDB)),
                                                            _mm_or_si128(byte_is(v, 0xE3), byte_is(v, 0xEF))));
    hit = _mm_or_si128(hit, _mm_or_si128(byte_is(v, 0xE2), _mm_and_si128(byte_is(w, 0xA5),
                                                                        _mm_or_si128(byte_is(x, 0xA4), byte_is(x, 0xA5)))));
    return (unsigned)_mm_movemask_epi8(hit);
}

/* Chinese and Japanese: E3 opens the kana and 、「」, EF the full-width
 * forms, E2 the quotation marks; among them only 。 has the bytes 80 82
 * after its lead byte, and only ！？． BC 81, BC 9F, BC 8E. The lead
 * bytes of the other marks are rare. */
static ALWAYS_INLINE unsigned cjk_candidates(const char *p)
{
    __m128i v = load16(p), w = load16(p + 1), x = load16(p + 2);
    __m128i hit = _mm_or_si128(ascii_stops(v), _mm_or_si128(_mm_or_si128(byte_is(v, 0xD8), byte_is(v, 0xDB)),
                                                            _mm_or_si128(byte_is(v, 0xE0), e2_stops(v, w, x))));
    hit = _mm_or_si128(hit, _mm_and_si128(byte_is(w, 0x80), byte_is(x, 0x82)));
    hit = _mm_or_si128(hit, _mm_and_si128(byte_is(w, 0xBC), _mm_or_si128(_mm_or_si128(byte_is(x, 0x81), byte_is(x, 0x9F)),
                                                                        byte_is(x, 0x8E))));
    return (unsigned)_mm_movemask_epi8(hit);
}

typedef unsigned (*candidates_fn)(const char *p);

/* The first candidate of mask (bits for s[i..]) that wide_stop_at
 * confirms, or limit. */
static size_t first_wide_stop(const char *s, size_t i, size_t limit, unsigned mask)
{
    for (; mask; mask &= mask - 1) {
        size_t k = i + (size_t)__builtin_ctz(mask);
        if (wide_stop_at(s, k, limit))
            return k;
    }
    return limit;
}

static ALWAYS_INLINE size_t scan_wide(const char *s, size_t i, size_t limit, candidates_fn candidates)
{
    char tail[18];
    while (i < limit) {
        const char *p = s + i;
        unsigned valid = 0xFFFFu;
        if (limit - i < 18) {
            /* The last bytes (every short text, every paragraph's end) are
             * tested on a copy padded with zeros, which are no mark. */
            size_t n = limit - i; /* 1-17 */
            memset(tail, 0, sizeof tail);
            memcpy(tail, p, n);
            p = tail;
            valid = n < 16 ? (1u << n) - 1 : 0xFFFFu;
        }
        unsigned mask = candidates(p) & valid;
        if (mask) {
            size_t k = first_wide_stop(s, i, limit, mask);
            if (k < limit)
                return k;
        }
        i += 16;
    }
    return limit;
}
#endif

/* The first byte in [i, limit) that next_special stops at or that starts
 * a mark of another script, or limit. */
static size_t next_special_wide(const char *s, size_t i, size_t limit, mark_scan scan)
{
#if defined(__SSE2__) && defined(__GNUC__)
    switch (scan) {
    case SCAN_ARABIC: return scan_wide(s, i, limit, arabic_candidates);
    case SCAN_DEVANAGARI: return scan_wide(s, i, limit, devanagari_candidates);
    case SCAN_CJK: return scan_wide(s, i, limit, cjk_candidates);
    default: return scan_wide(s, i, limit, any_candidates);
    }
#else
    (void)scan;
    while (i < limit && !wide_stop_at(s, i, limit))
        i++;
    return i;
#endif
}

/* A mark of another script ends the sentence whatever follows: these
 * scripts have no case, and Chinese and Japanese no space, to tell more. */
static size_t on_wide_mark(splitter *sp, size_t i, size_t n)
{
    size_t j = i + n, k, after;
    for (;;) { /* "？”。" is one end */
        while ((k = wide_mark_len(sp->s, j, sp->pe)) != 0)
            j += k;
        after = skip_closers(sp, j);
        if (!wide_mark_len(sp->s, after, sp->pe))
            break;
        j = after;
    }
    /* 「本当に？」と彼は聞いた: a quotation inside the sentence. */
    if (after > j && after < sp->pe) {
        int32_t cp = tc_decode(sp->s, sp->pe, after, &k);
        if (cp >= 0x3041 && cp <= 0x309F)
            return after;
    }
    emit(sp, after);
    return after;
}

/* Is the last part of w (after its last period) at most three code
 * points long? */
static int short_word(const char *w, size_t n)
{
    const char *dot = memrchr(w, '.', n);
    size_t a = dot ? (size_t)(dot - w) + 1 : 0, cps = 0, k;
    for (size_t i = a; i < n; i += k, cps++)
        tc_decode(w, n, i, &k);
    return cps > 0 && cps <= 3;
}

/* 1-3 digits: "12." in "am 12. Juni" */
static int is_ordinal(const char *w, size_t n)
{
    if (n == 0 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] < '0' || w[i] > '9')
            return 0;
    return 1;
}

static int is_closer_in(const splitter *sp, int32_t cp)
{
    if (tc_is_closer(cp))
        return 1;
    switch (cp) {
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011: case 0x3009: case 0x300B: case 0xFF02:
        return 1;
    case 0x201C: case 0x2018:
        return (sp->lang->flags & LANG_LOW_QUOTES) != 0;
    default:
        return 0;
    }
}

/* Every closer above ASCII opens on one of these pairs of bytes (U+00BB:
 * C2 BB, U+2018-U+203A: E2 80, U+3009-U+3011: E3 80, U+FF02 and U+FF09:
 * EF BC): after a sentence mark of Chinese or Japanese, the next character
 * is nearly always a Han letter or kana (E3 81-E3 83) that is told from a
 * closer without decoding it. */
static int may_close(const char *s, size_t i, size_t pe)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return 1;
    unsigned char c1 = i + 1 < pe ? (unsigned char)s[i + 1] : 0;
    return (c == 0xC2 && c1 == 0xBB) || ((c == 0xE2 || c == 0xE3) && c1 == 0x80) || (c == 0xEF && c1 == 0xBC);
}

/* Closers as in skip_closers, with the language's quotation marks, and a
 * closing "''" written after a space ("gelukt. ''"). */
OUT_OF_LINE static size_t skip_lang_closers(const splitter *sp, size_t i)
{
    const char *s = sp->s;
    size_t n, pe = sp->pe;
    while (i < pe && may_close(s, i, pe) && is_closer_in(sp, tc_decode(s, pe, i, &n)))
        i += n;
    /* A closing mark after a space: "gelukt. ''", "fini. »" */
    size_t j = i;
    while (j < pe && is_space_at(s, pe, j, &n) && !blank_line_at(s, j, pe))
        j += n;
    if (j == i || j >= pe)
        return i;
    size_t end = j;
    if (j + 2 <= pe && s[j] == '\'' && s[j + 1] == '\'')
        end = j + 2;
    else if (j + 1 < pe && (unsigned char)s[j] == 0xC2 && (unsigned char)s[j + 1] == 0xBB)
        end = j + 2; /* U+00BB, told without decoding */
    if (end > j && (end == pe || is_space_at(s, pe, end, &n)))
        return end;
    return i;
}

/* Writes the lower-case form of the character at s[i] to out (at most 4
 * bytes); *n is its length in s. */
static size_t put_lower(const char *s, size_t end, size_t i, size_t *n, char *out)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        out[0] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        return 1;
    }
    int32_t cp = utf8proc_tolower(tc_decode(s, end, i, n));
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

/* The lower-case form of the next word (up to size - 1 bytes); 0 when it
 * does not fit. */
static size_t lower_word(const splitter *sp, next_word *nw, char *buf, size_t size)
{
    measure_word(sp->s, sp->pe, nw);
    size_t len = 0, n;
    for (size_t i = nw->ws; i < nw->we; i += n) {
        if (len + 4 >= size)
            return 0;
        len += put_lower(sp->s, nw->we, i, &n, buf + len);
    }
    return len;
}

/* Is the next word one letter followed by a period (another initial)? */
static int one_letter_initial(const splitter *sp, const next_word *nw)
{
    size_t len = nw->we - nw->ws, cont = 0;
    for (size_t i = 1; i < len; i++)
        cont += ((unsigned char)sp->s[nw->ws + i] & 0xc0) == 0x80;
    return len > 0 && cont == len - 1 && nw->we < sp->pe && sp->s[nw->we] == '.';
}

/* Does the capitalised next word usually start a sentence (a function
 * word of the language)? Without a stopword list: after an abbreviation
 * yes, after an initial or ordinal (a name or noun goes on) no. */
OUT_OF_LINE static int starts_sentences_lang(const splitter *sp, next_word *nw, int initial)
{
    char buf[32];
    if (!sp->lang->stopwords)
        return !initial;
    size_t n = lower_word(sp, nw, buf, sizeof buf);
    if (initial && one_letter_initial(sp, nw))
        return 0; /* "А. С. Петров": Russian "с" is a stopword, here an initial */
    if (n == 0)
        return 0;
    if (sp->lang->stopword_set)
        return px_word_set_index(sp->lang->stopword_set, buf, n) >= 0;
    return px_word_list_has_n(sp->lang->stopwords, sp->lang->n_stopwords, buf, n);
}

/* No entry of data/abbrev is longer ("c.-à-d"): longer words skip the list. */
#define MAX_ABBREV_BYTES 8

/* The line of the abbreviation list whose first field is low[0..k), or
 * NULL. */
static const char *abbrev_line(const lang_rules *lr, const char *low, size_t k)
{
    if (lr->abbrev_set) {
        int at = px_word_set_index(lr->abbrev_set, low, k);
        return at < 0 || lr->abbrevs[at][k] != ' ' ? NULL : lr->abbrevs[at];
    }
    for (const char *const *l = lr->abbrevs; *l; l++)
        if ((*l)[0] == low[0] && strncmp(*l, low, k) == 0 && (*l)[k] == ' ')
            return *l;
    return NULL;
}

/* The lower case of w (at most MAX_ABBREV_BYTES bytes) in low; its
 * length. A word of ASCII bytes, most words of the Latin scripts, is
 * lowered at once. */
static size_t lower_short_word(const char *w, size_t n, char low[static 32])
{
    uint64_t x = tc_load_bytes(w, n);
    if (!(x & 0x8080808080808080u)) {
        x = tc_lower_ascii8(x);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x);
#endif
        memcpy(low, &x, sizeof x);
        return n;
    }
    size_t k = 0, cl;
    for (size_t i = 0; i < n && k + 4 < 32; i += cl)
        k += put_lower(w, n, i, &cl, low + k);
    return k;
}

/* An abbreviation of the language's list: a line "abbreviation kind"
 * (kind: general, title, number, never), lower case, without the final
 * period; "#" starts a comment. Case matters only for the first letter. */
OUT_OF_LINE static int lang_abbrev_kind(const lang_rules *lr, const char *w, size_t n)
{
    size_t m;
    int32_t first = tc_decode(w, n, 0, &m);
    if (m == n && tc_is_upper(first))
        return W_INITIAL; /* "А. С. Петров"; a list's "с" is lower case */
    if (lr->abbrevs && n <= MAX_ABBREV_BYTES) {
        char low[32];
        size_t k = lower_short_word(w, n, low);
        const char *line = abbrev_line(lr, low, k);
        if (line) {
            const char *sp = line + k;
            switch (sp[1]) {
            case 't': return W_TITLE;
            case 'n': return sp[2] == 'u' ? W_NUMBER : W_NEVER;
            default: return W_ABBREV;
            }
        }
    }
    if ((lr->flags & LANG_DANDA) && (unsigned char)w[n - 1] >= 0x80 && short_word(w, n))
        return W_NEVER; /* "बी.सी." */
    int has_dot = memchr(w, '.', n) != NULL;
    if (has_dot && is_initialism(w, n))
        return W_ABBREV;
    /* A single letter (first, decoded above): an initial. */
    if (m == n && tc_is_letter(first))
        return W_INITIAL;
    return W_PLAIN;
}

/* End of the paragraph that starts at i: the next blank line, or len. */
static size_t paragraph_end(const char *s, size_t i, size_t len)
{
    for (;;) {
        const char *nl = memchr(s + i, '\n', len - i);
        if (!nl)
            return len;
        if (blank_line_at(s, (size_t)(nl - s), len))
            return (size_t)(nl - s);
        i = (size_t)(nl - s) + 1;
    }
}

/* Splits the paragraph that starts at ps and returns where the next one
 * starts. Its end is found by the scan for sentence marks, so the text is
 * read once; only a paragraph that may be a list is measured first. */
/* wide: look for the sentence marks of other scripts too. A constant in
 * each of the two callers below, so English keeps a scan of its own. */
static ALWAYS_INLINE size_t split_paragraph(splitter *sp, size_t ps, int wide)
{
    const char *s = sp->s;
    sp->start = ps;
    sp->pe = sp->len;
    sp->n_markers = sp->next_marker = 0;
    if ((s[ps] >= '0' && s[ps] <= '9') || (s[ps] >= 'a' && s[ps] <= 'z')) {
        sp->pe = paragraph_end(s, ps, sp->len);
        find_list(sp, ps);
    }
    size_t i = ps, end = sp->pe;
    while (i < sp->pe) {
        if (sp->next_marker < sp->n_markers && i >= sp->markers[sp->next_marker].pos) {
            const marker *m = &sp->markers[sp->next_marker++];
            emit(sp, m->pos);
            i = m->skip;
            continue;
        }
        size_t limit = sp->next_marker < sp->n_markers ? sp->markers[sp->next_marker].pos : sp->pe;
        i = wide ? next_special_wide(s, i, limit, sp->lang->scan) : next_special(s, i, limit);
        if (i >= limit)
            continue;
        unsigned char c = (unsigned char)s[i];
        size_t was = i, wide_len;
        if (c == '\n') {
            if (blank_line_at(s, i, sp->len)) {
                end = i;
                break;
            }
            i++;
        } else if (c == '.') {
            i = on_dots(sp, i);
        } else if (c == '!' || c == '?') {
            i = on_exclamation(sp, i, 1);
        } else if (wide && (wide_len = wide_mark_len(s, i, sp->pe)) != 0) {
            i = on_wide_mark(sp, i, wide_len); /* told by its bytes: no decoding */
        } else {
            size_t n;
            int32_t cp = tc_decode(s, sp->pe, i, &n);
            if (cp == 0x2026)
                i = on_dots(sp, i);
            else if (tc_is_bullet(cp))
                i = on_bullet(sp, i, n);
            else if (cp == 0x203D)
                i = on_exclamation(sp, i, n);
            else
                i += n;
        }
        if (i <= was) /* every handler moves on; this only guards the loop */
            i = was + 1;
    }
    emit(sp, end);
    if (end >= sp->len)
        return sp->len;
    size_t j = end + 1; /* past the blank line */
    while (s[j] != '\n')
        j++;
    return j + 1;
}

static _Atomic unsigned long long bytes_split;

unsigned long long px_text_bytes_split(void) { return bytes_split; }

static size_t split_paragraph_english(splitter *sp, size_t ps) { return split_paragraph(sp, ps, 0); }
static size_t split_paragraph_wide(splitter *sp, size_t ps) { return split_paragraph(sp, ps, 1); }

static int split_rules(const char *text, size_t len, const lang_rules *lang, px_spans *out)
{
    atomic_fetch_add_explicit(&bytes_split, len, memory_order_relaxed);
    splitter sp;
    sp.lang = lang;
    sp.s = text;
    sp.len = len;
    sp.out = out;
    sp.rc = PX_OK;
    size_t i = 0;
    while (i < len && sp.rc == PX_OK)
        i = lang && lang->scan != SCAN_ASCII ? split_paragraph_wide(&sp, i)
                                                     : split_paragraph_english(&sp, i);
    return sp.rc;
}

int px_split_sentences(const char *text, size_t len, px_spans *out)
{
    return split_rules(text, len, NULL, out);
}

/* What the rules need to know of languages other than English beyond
 * their word lists. */
static const struct {
    const char *code;
    unsigned flags;
} lang_flags[] = {
    {"cs", LANG_ORDINAL_DOT | LANG_LOW_QUOTES}, {"da", LANG_ORDINAL_DOT | LANG_NO_STOPWORD_CUE},
    {"de", LANG_ORDINAL_DOT | LANG_LOW_QUOTES}, {"fi", LANG_ORDINAL_DOT | LANG_NO_STOPWORD_CUE},
    {"ar", LANG_WIDE_MARKS | LANG_ARABIC_SCRIPT}, {"fa", LANG_WIDE_MARKS | LANG_ARABIC_SCRIPT},
    {"ur", LANG_WIDE_MARKS | LANG_ARABIC_SCRIPT}, {"ko", LANG_WIDE_MARKS},
    {"hi", LANG_DANDA | LANG_WIDE_MARKS},       {"mr", LANG_DANDA | LANG_WIDE_MARKS},
    {"ne", LANG_DANDA | LANG_WIDE_MARKS},
    {"hr", LANG_ORDINAL_DOT | LANG_LOW_QUOTES}, {"hu", LANG_ORDINAL_DOT | LANG_NO_STOPWORD_CUE},
    {"ja", LANG_NO_SPACES | LANG_WIDE_MARKS},                     {"no", LANG_ORDINAL_DOT | LANG_NO_STOPWORD_CUE},
    {"pl", LANG_ORDINAL_DOT},                   {"sk", LANG_ORDINAL_DOT | LANG_LOW_QUOTES},
    {"sl", LANG_ORDINAL_DOT | LANG_LOW_QUOTES}, {"sr", LANG_ORDINAL_DOT},
    {"tr", LANG_ORDINAL_DOT | LANG_NO_STOPWORD_CUE}, {"zh", LANG_NO_SPACES | LANG_WIDE_MARKS},
    {"ru", LANG_NO_STOPWORD_CUE},               {"sv", LANG_NO_STOPWORD_CUE},
};

static mark_scan scan_of(unsigned flags)
{
    if (!(flags & LANG_WIDE_MARKS))
        return SCAN_ASCII;
    if (flags & LANG_ARABIC_SCRIPT)
        return SCAN_ARABIC;
    if (flags & LANG_DANDA)
        return SCAN_DEVANAGARI;
    return flags & LANG_NO_SPACES ? SCAN_CJK : SCAN_ANY;
}

/* Builds the rules of the language code (lower case, at most 3 bytes). */
static void build_rules(const char *code, lang_rules *lr)
{
    memset(lr, 0, sizeof *lr);
    memcpy(lr->code, code, strlen(code));
    for (size_t i = 0; i < sizeof lang_flags / sizeof lang_flags[0]; i++)
        if (strcmp(lang_flags[i].code, lr->code) == 0)
            lr->flags = lang_flags[i].flags;
    lr->scan = scan_of(lr->flags);
    lr->stopwords = lr->flags & LANG_NO_STOPWORD_CUE ? NULL : px_word_list(px_stopword_sources, lr->code);
    lr->n_stopwords = lr->stopwords ? px_word_list_len(lr->stopwords) : 0;
    lr->abbrevs = px_word_list(px_abbrev_sources, lr->code);
    lr->stopword_set = lr->stopwords ? px_word_set_of(lr->stopwords, 0) : NULL;
    lr->abbrev_set = lr->abbrevs ? px_word_set_of(lr->abbrevs, 1) : NULL;
}

/* The rules of lang; NULL for English (the built-in rules). Finding a
 * language's lists and flags takes a dozen string comparisons, as long as
 * splitting a short text (a UD item of Arabic: a third of its time), so
 * each thread keeps the rules of the last language it split. */
static const lang_rules *rules_of(const char *lang)
{
    static _Thread_local lang_rules last;
    char code[sizeof last.code] = {0};
    size_t n = 0; /* the code's length, up to "-" or "_" ("de-AT") */
    while (lang && n < sizeof code && lang[n] && lang[n] != '-' && lang[n] != '_')
        n++;
    if (n == 0 || n >= sizeof code || (n == 2 && (lang[0] | 0x20) == 'e' && (lang[1] | 0x20) == 'n'))
        return NULL;
    for (size_t i = 0; i < n; i++)
        code[i] = (char)(lang[i] | 0x20);
    if (memcmp(code, last.code, sizeof code) != 0)
        build_rules(code, &last);
    return &last;
}

/* Languages whose sentences ICU finds better than the own rules, by span
 * F1 on the UD dev text (bench/sentences-ud.sh, BENCHMARKS.md). */
static const char *const icu_languages[] = {NULL};

px_split_method px_split_method_for(const char *lang)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;
    for (const char *const *l = icu_languages; *l; l++)
        if (n == strlen(*l) && strncasecmp(lang, *l, n) == 0)
            return PX_SPLIT_ICU;
    return PX_SPLIT_RULES;
}

int px_split_sentences_with(const char *text, size_t len, const char *lang, px_split_method how,
                            px_spans *out)
{
    if (how == PX_SPLIT_BEST)
        how = px_split_method_for(lang);
    if (how == PX_SPLIT_ICU)
        return px_split_sentences_icu(text, len, lang, out);
    return split_rules(text, len, rules_of(lang), out);
}

int px_split_sentences_lang(const char *text, size_t len, const char *lang, px_spans *out)
{
    return px_split_sentences_with(text, len, lang, PX_SPLIT_BEST, out);
}

void px_spans_free(px_spans *s)
{
    if (!s)
        return;
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
