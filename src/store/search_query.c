/* search_query.c - a typed search query made into FTS5 syntax (the FTS5
 * grammar reads "cease-fire" as a column filter and "U.S." as a syntax
 * error; readers type both), and the FTS5 tokenizer that indexes each
 * hyphenated word also joined up. */
#include "store/search_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/textchar.h"
#include "core/common_internal.h"

#define MAX_PARTS 32
#define MAX_DEPTH 16  /* brackets inside brackets */
#define MAX_TERMS 64  /* words and phrases */

/* ---- words of scripts without spaces ------------------------------- */

/* Chinese and Japanese are written without spaces, and a Korean word
 * carries its particles: a search cannot find their words at spaces. Both
 * backends index a run of such characters (tc_is_cjk) as its overlapping
 * pairs of characters, and its last character alone beside the last pair,
 * so that every character of a run starts an indexed form; a typed run is
 * looked up as the phrase of its pairs, a lone character as every form it
 * starts. */

typedef int (*span_fn)(void *ctx, size_t start, size_t end);
typedef int (*pair_fn)(void *ctx, size_t start, size_t end, int tail);

/* Only a byte from 0xE3 up starts a code point from U+3000 up. */
static int may_hold_cjk(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0xE3)
            return 1;
    return 0;
}

/* The run of CJK characters at *i: each overlapping pair to pair(), or
 * the one character of a run of one; with tails, a longer run's last
 * character too. *i moves past the run. */
static int walk_run(const char *s, size_t len, size_t *i, int tails, pair_fn pair, void *ctx)
{
    size_t n, next, start = *i;
    tc_decode(s, len, start, &n);
    size_t end = start + n;
    int rc = 0, pairs = 0;
    while (rc == 0 && end < len && tc_is_cjk(tc_decode(s, len, end, &next))) {
        rc = pair(ctx, start, end + next, 0);
        pairs++;
        start = end;
        end += next;
    }
    if (rc == 0 && (!pairs || tails))
        rc = pair(ctx, start, end, pairs > 0);
    *i = end;
    return rc;
}

/* Hands s to plain() (the text between runs) and pair(), in text order. */
static int walk_cjk(const char *s, size_t len, int tails, span_fn plain, pair_fn pair, void *ctx)
{
    size_t i = 0, plain_from = 0, n;
    while (i < len) {
        if (!tc_is_cjk(tc_decode(s, len, i, &n))) {
            i += n;
            continue;
        }
        int rc = i > plain_from ? plain(ctx, plain_from, i) : 0;
        if (rc || (rc = walk_run(s, len, &i, tails, pair, ctx)))
            return rc;
        plain_from = i;
    }
    return len > plain_from ? plain(ctx, plain_from, len) : 0;
}

typedef struct {
    const char *s;
    px_buf *out;
    size_t pairs;
} spaced_ctx;

static int spaced_plain(void *ctx, size_t a, size_t b)
{
    spaced_ctx *c = ctx;
    px_buf_append(c->out, c->s + a, b - a);
    return 0;
}

static int spaced_pair(void *ctx, size_t a, size_t b, int tail)
{
    (void)tail; /* a word of its own for a parser that splits at spaces */
    spaced_ctx *c = ctx;
    c->pairs++;
    px_buf_puts(c->out, " ");
    px_buf_append(c->out, c->s + a, b - a);
    px_buf_puts(c->out, " ");
    return 0;
}

/* The document side (tails) or the query side of px_search_spaced_text. */
static int spaced_text(const char *s, size_t len, int tails, px_buf *out)
{
    if (!may_hold_cjk(s, len))
        return 0;
    size_t before = out->len;
    spaced_ctx c = {s, out, 0};
    walk_cjk(s, len, tails, spaced_plain, spaced_pair, &c);
    if (!c.pairs) {
        out->len = before; /* no run after all: bytes from 0xE3 up of another script */
        if (out->data)
            out->data[before] = '\0';
    }
    return c.pairs > 0;
}

int px_search_spaced_text(const char *s, size_t len, px_buf *out)
{
    return spaced_text(s, len, 1, out);
}

/* One CJK character alone: matched as the start of the indexed pairs. */
static int lone_cjk_char(const char *s, size_t len)
{
    size_t n;
    return len && tc_is_cjk(tc_decode(s, len, 0, &n)) && n == len;
}

typedef struct {
    const char *s;
    size_t len, i;
    px_buf out;
    px_error *err;
    int depth;         /* open brackets */
    int want_term;     /* start, after an operator or '(' */
    int column;        /* a column filter waits for its term */
    const char *op;    /* the operator waiting for its right-hand word */
    size_t op_at;
    int terms;
    int tsq;           /* writing a PostgreSQL tsquery instead of FTS5 */
    char weight;       /* tsquery: title: or text: weight ('A', 'B') */
    int weight_depth;  /* ... until this bracket closes; -1: the next term */
} qparse;

typedef struct {
    size_t start[MAX_PARTS], end[MAX_PARTS];
    int n;
    int all_hyphens;   /* every connector between parts is a hyphen */
    int prefix;        /* ends with '*' */
} word;

static int is_word_char(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int is_quote(int32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E;
}

static int is_digit_at(const qparse *p, size_t i)
{
    return i < p->len && p->s[i] >= '0' && p->s[i] <= '9';
}

static int32_t peek(const qparse *p, size_t i, size_t *n)
{
    if (i >= p->len) {
        *n = 0;
        return 0;
    }
    return tc_decode(p->s, p->len, i, n);
}

/* 1-based code point position of byte i, for messages. */
static size_t char_pos(const qparse *p, size_t i)
{
    size_t pos = 1;
    for (size_t k = 0; k < i && k < p->len; k++)
        pos += ((unsigned char)p->s[k] & 0xC0) != 0x80;
    return pos;
}

static int fail(qparse *p, size_t at, const char *fmt, const char *what)
{
    char msg[160];
    snprintf(msg, sizeof msg, fmt, what);
    return px_error_set(p->err, PX_EUSAGE, "%s (at character %zu)", msg, char_pos(p, at));
}

/* A connector joins two word parts: hyphens, dots, apostrophes, slashes,
 * ampersands; commas and colons only between digits (18,000; 9:30). */
static int connector_at(const qparse *p, size_t i, size_t *n, int *hyphen)
{
    int32_t cp = peek(p, i, n);
    *hyphen = is_hyphen(cp);
    if (*hyphen || cp == '.' || cp == '\'' || cp == 0x2019 || cp == '/' || cp == '&' || cp == '_') {
        size_t m;
        return is_word_char(peek(p, i + *n, &m));
    }
    if ((cp == ',' || cp == ':') && i > 0 && is_digit_at(p, i - 1) && is_digit_at(p, i + 1))
        return 1;
    return 0;
}

/* Reads the word at p->i: parts of word characters joined by connectors. */
static void read_word(qparse *p, word *w)
{
    memset(w, 0, sizeof *w);
    w->all_hyphens = 1;
    for (;;) {
        size_t n, start = p->i;
        while (p->i < p->len && is_word_char(peek(p, p->i, &n)))
            p->i += n;
        w->start[w->n] = start;
        w->end[w->n] = p->i;
        w->n++;
        int hyphen;
        if (w->n == MAX_PARTS || !connector_at(p, p->i, &n, &hyphen))
            break;
        w->all_hyphens &= hyphen;
        p->i += n;
    }
    if (p->i < p->len && p->s[p->i] == '*') {
        w->prefix = 1;
        p->i++;
    }
}

static int word_is(const qparse *p, const word *w, const char *lit)
{
    size_t n = strlen(lit);
    return w->n == 1 && !w->prefix && w->end[0] - w->start[0] == n && memcmp(p->s + w->start[0], lit, n) == 0;
}

static void put_parts(qparse *p, const word *w, const char *sep)
{
    for (int k = 0; k < w->n; k++) {
        if (k)
            px_buf_puts(&p->out, sep);
        px_buf_append(&p->out, p->s + w->start[k], w->end[k] - w->start[k]);
    }
}

static int lone_cjk_word(const qparse *p, const word *w)
{
    return w->n == 1 && lone_cjk_char(p->s + w->start[0], w->end[0] - w->start[0]);
}

/* A word as FTS5 sees it: "part", or a phrase of its parts; a hyphenated
 * word also as its parts joined up (the tokenizer indexes that form). */
/* ---- tsquery -------------------------------------------------------- */

/* The suffix of a tsquery operand: prefix match and column weight. */
static void put_tsq_suffix(qparse *p, int prefix)
{
    if (prefix || p->weight)
        px_buf_puts(&p->out, ":");
    if (prefix)
        px_buf_puts(&p->out, "*");
    if (p->weight)
        px_buf_append(&p->out, &p->weight, 1);
    if (p->weight_depth < 0)
        p->weight = 0;
}

/* A quoted tsquery operand: to_tsquery splits it with the same parser as
 * the documents, a phrase when it holds several words (CJK runs spaced
 * into their pairs, as pg.c indexes them). */
static void put_tsq_literal(qparse *p, const char *s, size_t n)
{
    px_buf spaced = {0};
    if (spaced_text(s, n, 0, &spaced)) {
        s = spaced.data;
        n = spaced.len;
    }
    px_buf_puts(&p->out, "'");
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'' || s[i] == '\\')
            px_buf_append(&p->out, s + i, 1);
        px_buf_append(&p->out, s + i, 1);
    }
    px_buf_puts(&p->out, "'");
    px_buf_free(&spaced);
}

/* A word as typed (PostgreSQL's parser reads cease-fire and U.S. as the
 * documents' parser did); a hyphenated word also as its parts joined up. */
static void put_tsq_word(qparse *p, const word *w, int phrase_only)
{
    int joined = w->n > 1 && w->all_hyphens && !phrase_only;
    char weight = p->weight;
    if (joined)
        px_buf_puts(&p->out, "(");
    put_tsq_literal(p, p->s + w->start[0], w->end[w->n - 1] - w->start[0]);
    put_tsq_suffix(p, w->prefix || lone_cjk_word(p, w));
    if (joined) {
        p->weight = weight;
        px_buf_puts(&p->out, " | ");
        px_buf joined_up = {0};
        for (int k = 0; k < w->n; k++)
            px_buf_append(&joined_up, p->s + w->start[k], w->end[k] - w->start[k]);
        put_tsq_literal(p, joined_up.data, joined_up.len);
        px_buf_free(&joined_up);
        put_tsq_suffix(p, w->prefix);
        px_buf_puts(&p->out, ")");
    }
}

/* FTS5 spelling of operators and phrase forms, or the tsquery one. */
static const char *op_text(const qparse *p, const char *fts5)
{
    if (!p->tsq)
        return fts5;
    if (strcmp(fts5, " AND ") == 0)
        return " & ";
    if (strcmp(fts5, " OR ") == 0)
        return " | ";
    return " & !"; /* NOT: FTS5's a NOT b is a AND NOT b */
}

static void put_word(qparse *p, const word *w, int phrase_only)
{
    if (p->tsq) {
        put_tsq_word(p, w, phrase_only);
        return;
    }
    const char *star = w->prefix || lone_cjk_word(p, w) ? "*" : "";
    int joined = w->n > 1 && w->all_hyphens && !phrase_only;
    if (joined)
        px_buf_puts(&p->out, "(");
    px_buf_puts(&p->out, "\"");
    put_parts(p, w, " ");
    px_buf_printf(&p->out, "\"%s", star);
    if (joined) {
        px_buf_puts(&p->out, " OR \"");
        put_parts(p, w, "");
        px_buf_printf(&p->out, "\"%s)", star);
    }
}

/* Before a term: an explicit AND when the previous term had no operator. */
static void begin_term(qparse *p)
{
    if (!p->want_term)
        px_buf_puts(&p->out, op_text(p, " AND "));
    p->want_term = 0;
    p->op = NULL;
    p->column = 0;
    p->terms++;
}

static void skip_to_word(qparse *p, int32_t close, int near)
{
    size_t n;
    while (p->i < p->len) {
        int32_t cp = peek(p, p->i, &n);
        if (is_word_char(cp) || cp == close || (close == ')' && is_quote(cp)) || (near && cp == ','))
            return;
        if (close == '"' && is_quote(cp))
            return;
        p->i += n;
    }
}

/* "a quoted phrase": its words in order, hyphenated words as their parts. */
static int read_phrase(qparse *p, int with_term)
{
    size_t open = p->i, n;
    peek(p, p->i, &n);
    p->i += n;
    size_t body = p->i; /* tsquery: the phrase as typed, read by the documents' parser */
    px_buf words = {0};
    for (;;) {
        skip_to_word(p, '"', 0);
        if (p->i >= p->len) {
            px_buf_free(&words);
            return fail(p, open, "%s", "the quotation mark is never closed: add one at the end of the phrase");
        }
        if (is_quote(peek(p, p->i, &n)))
            break;
        word w;
        read_word(p, &w);
        if (words.len)
            px_buf_puts(&words, " ");
        for (int k = 0; k < w.n; k++) {
            if (k)
                px_buf_puts(&words, " ");
            px_buf_append(&words, p->s + w.start[k], w.end[k] - w.start[k]);
        }
    }
    size_t body_end = p->i;
    p->i += n;
    int prefix = p->i < p->len && p->s[p->i] == '*';
    p->i += prefix;
    if (words.len) {
        if (with_term)
            begin_term(p);
        if (p->tsq) {
            put_tsq_literal(p, p->s + body, body_end - body);
            put_tsq_suffix(p, prefix);
        } else {
            px_buf_printf(&p->out, "\"%.*s\"%s", (int)words.len, words.data, prefix ? "*" : "");
        }
    }
    px_buf_free(&words);
    return PX_OK;
}

/* NEAR(a b "c d", N): phrases within N words of each other. */
static int read_near(qparse *p, size_t at)
{
    p->i++; /* '(' */
    begin_term(p);
    /* tsquery has no unordered proximity: its NEAR is all the phrases */
    px_buf_puts(&p->out, p->tsq ? "(" : "NEAR(");
    int phrases = 0;
    size_t n;
    for (;;) {
        skip_to_word(p, ')', 1);
        if (p->i >= p->len)
            return fail(p, at, "%s", "NEAR( is never closed: end it with )");
        int32_t cp = peek(p, p->i, &n);
        if (cp == ')' || cp == ',')
            break;
        size_t before = p->out.len;
        if (phrases++)
            px_buf_puts(&p->out, p->tsq ? " & " : " ");
        if (is_quote(cp)) {
            size_t opened = p->out.len;
            int rc = read_phrase(p, 0);
            if (rc)
                return rc;
            if (p->out.len == opened) { /* "" holds no words */
                p->out.len = before;
                p->out.data[before] = '\0';
                phrases--;
            }
            continue;
        }
        word w;
        read_word(p, &w);
        put_word(p, &w, 1);
    }
    if (!phrases)
        return fail(p, at, "%s", "NEAR( ) needs words inside: NEAR(bridge inspection, 5)");
    if (peek(p, p->i, &n) == ',') {
        p->i++;
        while (p->i < p->len && p->s[p->i] == ' ')
            p->i++;
        size_t d = p->i;
        while (is_digit_at(p, p->i) && p->i - d < 6)
            p->i++;
        if (d == p->i)
            return fail(p, d, "%s", "NEAR( , N) takes a number of words after the comma");
        if (!p->tsq)
            px_buf_printf(&p->out, ", %.*s", (int)(p->i - d), p->s + d);
        while (p->i < p->len && p->s[p->i] == ' ')
            p->i++;
    }
    if (p->i >= p->len || p->s[p->i] != ')')
        return fail(p, at, "%s", "NEAR( is never closed: end it with )");
    p->i++;
    px_buf_puts(&p->out, ")");
    return PX_OK;
}

static int read_operator(qparse *p, const char *op, size_t at)
{
    if (p->want_term) {
        if (p->op)
            return fail(p, at, "%s needs a word between it and the operator before it", op);
        return fail(p, at, "%s needs a word before it, as in: gaza NOT hamas", op);
    }
    char spaced[8];
    snprintf(spaced, sizeof spaced, " %s ", op);
    px_buf_puts(&p->out, op_text(p, spaced));
    p->want_term = 1;
    p->op = op;
    p->op_at = at;
    return PX_OK;
}

static int read_bracket(qparse *p, int32_t cp, size_t at)
{
    p->i++;
    if (cp == '(') {
        if (p->depth == MAX_DEPTH)
            return fail(p, at, "more than %s brackets inside each other", "16");
        begin_term(p);
        p->terms--; /* counted at its words */
        p->want_term = 1;
        p->depth++;
        px_buf_puts(&p->out, "(");
        return PX_OK;
    }
    if (!p->depth)
        return fail(p, at, "%s", "this ) closes no bracket");
    if (p->want_term)
        return fail(p, at, "%s", p->op ? "an operator needs a word after it before the )"
                                      : "the brackets hold no words");
    p->depth--;
    if (p->weight && p->depth == p->weight_depth)
        p->weight = 0;
    px_buf_puts(&p->out, ")");
    return PX_OK;
}

/* title:word and text:word search one column. */
static int column_filter(qparse *p, const word *w)
{
    if (p->column || p->i >= p->len || p->s[p->i] != ':' || !(word_is(p, w, "title") || word_is(p, w, "text")))
        return 0;
    size_t n;
    int32_t next = peek(p, p->i + 1, &n);
    if (!(is_word_char(next) || is_quote(next) || next == '('))
        return 0;
    p->i++;
    begin_term(p);
    p->terms--;
    p->want_term = 1;
    p->column = 1;
    if (p->tsq) { /* title words weigh A, text words B (pg.c) */
        p->weight = word_is(p, w, "title") ? 'A' : 'B';
        p->weight_depth = next == '(' ? p->depth : -1;
    } else {
        px_buf_printf(&p->out, "%.*s : ", (int)(w->end[0] - w->start[0]), p->s + w->start[0]);
    }
    /* the filtered term follows without an AND */
    return 1;
}

static int read_token(qparse *p)
{
    size_t n, at = p->i;
    int32_t cp = peek(p, p->i, &n);
    if (is_quote(cp))
        return read_phrase(p, 1);
    if (cp == '(' || cp == ')')
        return read_bracket(p, cp, at);
    if (!is_word_char(cp)) {
        p->i += n;
        return PX_OK;
    }
    word w;
    read_word(p, &w);
    if (word_is(p, &w, "AND") || word_is(p, &w, "OR") || word_is(p, &w, "NOT"))
        return read_operator(p, word_is(p, &w, "AND") ? "AND" : word_is(p, &w, "OR") ? "OR" : "NOT", at);
    if (word_is(p, &w, "NEAR") && p->i < p->len && p->s[p->i] == '(')
        return read_near(p, at);
    if (column_filter(p, &w))
        return PX_OK;
    begin_term(p);
    put_word(p, &w, 0);
    return PX_OK;
}

static int translate(const char *typed, int tsq, char **fts, px_error *err)
{
    *fts = NULL;
    qparse p = {.s = typed ? typed : "", .err = err, .want_term = 1, .tsq = tsq, .weight_depth = -1};
    p.len = strlen(p.s);
    if (p.len > PX_SEARCH_QUERY_MAX)
        return px_error_set(err, PX_EUSAGE, "the search is longer than %d characters", PX_SEARCH_QUERY_MAX);
    int rc = PX_OK;
    while (rc == PX_OK && p.i < p.len) {
        rc = read_token(&p);
        if (rc == PX_OK && p.terms > MAX_TERMS)
            rc = fail(&p, p.i, "more than %s words or phrases: search for fewer", "64");
    }
    if (rc == PX_OK && p.op)
        rc = fail(&p, p.op_at, "%s needs a word after it", p.op);
    else if (rc == PX_OK && p.column)
        rc = px_error_set(err, PX_EUSAGE, "title: and text: need a word after them");
    else if (rc == PX_OK && p.depth)
        rc = px_error_set(err, PX_EUSAGE, "a ( is never closed: end it with )");
    else if (rc == PX_OK && !p.terms)
        rc = px_error_set(err, PX_EUSAGE, "the search has no words to look for");
    if (rc) {
        px_buf_free(&p.out);
        return rc;
    }
    *fts = px_buf_steal(&p.out);
    return *fts ? PX_OK : px_error_set(err, PX_ENOMEM, "out of memory");
}

int px_search_translate(const char *typed, char **fts, px_error *err)
{
    return translate(typed, 0, fts, err);
}

int px_search_translate_tsquery(const char *typed, char **tsq, px_error *err)
{
    return translate(typed, 1, tsq, err);
}

/* ---- the index's tokenizer ------------------------------------------- */

typedef struct {
    fts5_tokenizer inner;
    Fts5Tokenizer *inner_tok;
} join_tokenizer;

typedef int (*token_fn)(void *, int, const char *, int, int, int);

/* A run of tokens joined by single hyphens, and its parts joined up. */
typedef struct {
    void *ctx;
    token_fn emit;
    const char *text;
    char joined[128];
    int joined_len, parts, start, end, fits;
} join_state;

static int join_create(void *api_ptr, const char **argv, int argc, Fts5Tokenizer **out)
{
    fts5_api *api = api_ptr;
    void *inner_ctx;
    join_tokenizer *t = calloc(1, sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    int rc = api->xFindTokenizer(api, "unicode61", &inner_ctx, &t->inner);
    if (rc == SQLITE_OK)
        rc = t->inner.xCreate(inner_ctx, argv, argc, &t->inner_tok);
    if (rc != SQLITE_OK) {
        free(t);
        return rc;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void join_delete(Fts5Tokenizer *tk)
{
    join_tokenizer *t = (join_tokenizer *)tk;
    t->inner.xDelete(t->inner_tok);
    free(t);
}

static int hyphen_between(const char *text, int a, int b)
{
    const unsigned char *u = (const unsigned char *)text + a;
    if (b - a == 1)
        return u[0] == '-';
    return b - a == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x91);
}

/* The joined word goes right after the run's last part, at its position. */
static int flush_run(join_state *s)
{
    int rc = SQLITE_OK;
    if (s->parts > 1 && s->fits)
        rc = s->emit(s->ctx, FTS5_TOKEN_COLOCATED, s->joined, s->joined_len, s->start, s->end);
    s->parts = s->joined_len = 0;
    s->fits = 1;
    return rc;
}

static int on_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
    join_state *s = ctx;
    int rc;
    if (!(s->parts && hyphen_between(s->text, s->end, start)) && (rc = flush_run(s)) != SQLITE_OK)
        return rc;
    if ((rc = s->emit(s->ctx, flags, tok, n, start, end)) != SQLITE_OK)
        return rc;
    if (!s->parts++)
        s->start = start;
    s->end = end;
    if (s->joined_len + n <= (int)sizeof s->joined) {
        memcpy(s->joined + s->joined_len, tok, (size_t)n);
        s->joined_len += n;
    } else {
        s->fits = 0;
    }
    return SQLITE_OK;
}

/* A piece of text between CJK runs goes to unicode61 (then, for a
 * document, through the hyphen joining), its offsets made the whole
 * text's; a pair goes to FTS5 as it is. */
typedef struct {
    join_tokenizer *t;
    int flags;
    const char *text;
    void *fts_ctx;      /* FTS5's */
    token_fn fts_emit;
    join_state *join;   /* a document's hyphen joining; NULL for a query */
    size_t base;
} piece_ctx;

static int shifted_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
    piece_ctx *c = ctx;
    start += (int)c->base;
    end += (int)c->base;
    return c->join ? on_token(c->join, flags, tok, n, start, end) : c->fts_emit(c->fts_ctx, flags, tok, n, start, end);
}

static int piece_plain(void *ctx, size_t a, size_t b)
{
    piece_ctx *c = ctx;
    c->base = a;
    return c->t->inner.xTokenize(c->t->inner_tok, c, c->flags, c->text + a, (int)(b - a), shifted_token);
}

static int piece_pair(void *ctx, size_t a, size_t b, int tail)
{
    piece_ctx *c = ctx;
    int rc = c->join ? flush_run(c->join) : SQLITE_OK;
    return rc != SQLITE_OK ? rc
                           : c->fts_emit(c->fts_ctx, tail ? FTS5_TOKEN_COLOCATED : 0, c->text + a, (int)(b - a),
                                         (int)a, (int)b);
}

static int join_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text, int len, token_fn emit)
{
    join_tokenizer *t = (join_tokenizer *)tk;
    int query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    join_state s = {.ctx = ctx, .emit = emit, .text = text, .fits = 1};
    if (!may_hold_cjk(text, (size_t)len))
        return query ? t->inner.xTokenize(t->inner_tok, ctx, flags, text, len, emit)
                     : t->inner.xTokenize(t->inner_tok, &s, flags, text, len, on_token);
    piece_ctx c = {t, flags, text, ctx, emit, query ? NULL : &s, 0};
    int rc = walk_cjk(text, (size_t)len, !query, piece_plain, piece_pair, &c);
    return rc == SQLITE_OK && !query ? flush_run(&s) : rc;
}

int px_search_register_tokenizer(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return SQLITE_ERROR;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    if (!api)
        return SQLITE_ERROR;
    fts5_tokenizer join = {join_create, join_delete, join_tokenize};
    return api->xCreateTokenizer(api, "pxjoin", api, &join, NULL);
}
