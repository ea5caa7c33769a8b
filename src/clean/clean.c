/* clean.c - strips what is not the article from its body: notices,
 * navigation, share prompts, related links, captions, credits, bylines
 * (rules in data/clean/LANG.rules, matched against whole paragraphs or
 * sentences), captions by their shape, and repeated or near-repeated
 * sentences. Every removal is recorded with its reason (docs/cleaning.md). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean_internal.h"
#include "core/article_internal.h"
#include "core/map.h"
#include "clean/clean_rules.h"
#include "core/grow.h"
#include "core/sort.h"
#include "parallax/clean.h"
#include "parallax/doc.h"
#include "parallax/text.h"
#include "text/textchar.h"
#include "core/common_internal.h"
#include "text/doc_internal.h"
#include "text/text_internal.h"

/* Paragraphs and sentences longer than this are never notices. */
#define MAX_NOTICE 1200
/* Cuts of head and tail rules in one paragraph, at most. */
#define MAX_CUTS 8
/* A first paragraph longer than this keeps its dateline (the match stays linear). */
#define MAX_HEAD 8192
#define HEAD_PARAGRAPHS 3
/* How many headline-shaped paragraphs a "Read more:" list may hold. */
#define MAX_LIST_ITEMS 8
/* Above this many sentences, only exact repeats are looked for. */
#define MAX_NEAR_COMPARE 3000
/* Sentences shorter than this (in words) are only exact repeats. */
#define NEAR_MIN_WORDS 8
/* Hard-wrapped text has no line longer than this (bytes). */
#define WRAP_WIDTH 100
/* Proper names remembered per sentence. */
#define MAX_NAMES 24
/* Names are compared on their first bytes (folded): the name key. Israel
 * and Israeli, Palestinian and Palestinians are one name. */
#define NAME_KEY_BYTES 5

typedef enum scope { SCOPE_LINE, SCOPE_LIST, SCOPE_SENTENCE, SCOPE_TAIL, SCOPE_HEAD, SCOPE_TITLE } scope;

typedef struct rule {
    char reason[32];
    scope scope;
    pcre2_code *re;
} rule;

struct px_cleaner {
    rule *rules;
    size_t n;
    pcre2_match_data *md;
    px_lexicon *lexicon; /* word forms: stopwords and stems, once each */
    px_lexicon *words;   /* the one read now: lexicon, or the lexicon of the
                            article's document when it is of the same
                            language (one lookup per form serves both) */
    const px_lexicon *keyed; /* whose terms term_key holds */
    uint64_t *term_key;  /* lexicon term -> hash of its stem, computed once */
    unsigned char *term_known;
    size_t term_cap;
    char lang[16];
};

/* ---- loading rules ---------------------------------------------------- */

static int parse_scope(const char *s, size_t n, scope *out)
{
    if (n == 4 && memcmp(s, "line", 4) == 0)
        *out = SCOPE_LINE;
    else if (n == 4 && memcmp(s, "list", 4) == 0)
        *out = SCOPE_LIST;
    else if (n == 8 && memcmp(s, "sentence", 8) == 0)
        *out = SCOPE_SENTENCE;
    else if (n == 4 && memcmp(s, "tail", 4) == 0)
        *out = SCOPE_TAIL;
    else if (n == 4 && memcmp(s, "head", 4) == 0)
        *out = SCOPE_HEAD;
    else if (n == 5 && memcmp(s, "title", 5) == 0)
        *out = SCOPE_TITLE;
    else
        return 0;
    return 1;
}

static const char *skip_blanks(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static const char *field_end(const char *p, const char *end)
{
    while (p < end && *p != ' ' && *p != '\t')
        p++;
    return p;
}

/* Parses one "REASON SCOPE PATTERN" line into c->rules. */
static int add_rule(px_cleaner *c, const char *line, const char *end, const char *name, long lineno,
                    px_error *err)
{
    const char *r = skip_blanks(line, end), *re = field_end(r, end);
    const char *s = skip_blanks(re, end), *se = field_end(s, end);
    const char *p = skip_blanks(se, end);
    while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
    rule ru = {0};
    if (re - r == 0 || (size_t)(re - r) >= sizeof ru.reason || p == end)
        return px_error_set(err, PX_EFORMAT, "%s:%ld: expected REASON SCOPE PATTERN", name, lineno);
    if (!parse_scope(s, (size_t)(se - s), &ru.scope))
        return px_error_set(err, PX_EFORMAT, "%s:%ld: unknown scope '%.*s' (line, list, sentence, tail, head or title)",
                            name, lineno, (int)(se - s), s);
    memcpy(ru.reason, r, (size_t)(re - r));
    px_buf pat = {0};
    px_buf_puts(&pat, "^(?:");
    px_buf_append(&pat, p, (size_t)(end - p));
    if (px_buf_puts(&pat, ")$"))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    int code;
    PCRE2_SIZE at;
    ru.re = pcre2_compile((PCRE2_SPTR)pat.data, pat.len,
                          PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &code,
                          &at, NULL);
    px_buf_free(&pat);
    if (!ru.re) {
        char msg[160];
        pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof msg);
        return px_error_set(err, PX_EFORMAT, "%s:%ld: bad pattern at offset %ld: %s", name, lineno,
                            (long)at - 4, msg);
    }
    pcre2_jit_compile(ru.re, PCRE2_JIT_COMPLETE); /* optional: matching works without JIT */
    rule *more = realloc(c->rules, (c->n + 1) * sizeof *more);
    if (!more) {
        pcre2_code_free(ru.re);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    c->rules = more;
    c->rules[c->n++] = ru;
    return PX_OK;
}

static int load_rules(px_cleaner *c, const char *text, const char *name, px_error *err)
{
    long lineno = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        lineno++;
        const char *q = skip_blanks(p, end);
        if (q < end && *q != '#' && *q != '\r') {
            int rc = add_rule(c, q, end, name, lineno, err);
            if (rc)
                return rc;
        }
        p = nl ? nl + 1 : end;
    }
    return PX_OK;
}

int px_cleaner_new_from_rules(px_cleaner **out, const char *lang, const char *rules,
                              const char *name, px_error *err)
{
    *out = NULL;
    px_cleaner *c = calloc(1, sizeof *c);
    if (!c)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    snprintf(c->lang, sizeof c->lang, "%s", lang ? lang : "en");
    int rc = load_rules(c, rules, name ? name : "rules", err);
    if (rc == PX_OK && !(c->md = pcre2_match_data_create(4, NULL)))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    /* without a stemmer for the language, words are compared unstemmed */
    if (rc == PX_OK && !(c->lexicon = px_lexicon_new(c->lang)))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    if (rc) {
        px_cleaner_free(c);
        return rc;
    }
    *out = c;
    return PX_OK;
}

int px_cleaner_new(px_cleaner **out, const char *lang, px_error *err)
{
    const px_rule_source *en = NULL, *found = NULL;
    for (const px_rule_source *s = px_rule_sources; s->lang; s++) {
        if (strcmp(s->lang, "en") == 0)
            en = s;
        if (lang && strncmp(s->lang, lang, strlen(s->lang)) == 0 &&
            (lang[strlen(s->lang)] == '\0' || lang[strlen(s->lang)] == '-'))
            found = s;
    }
    if (!found)
        found = en;
    if (!found) {
        *out = NULL;
        return px_error_set(err, PX_EUSAGE, "no cleaning rules built in");
    }
    px_buf text = {0};
    for (const char *const *l = found->lines; *l; l++)
        if (px_buf_puts(&text, *l) || px_buf_append(&text, "\n", 1)) {
            px_buf_free(&text);
            return px_error_set(err, PX_ENOMEM, "out of memory");
        }
    int rc = px_cleaner_new_from_rules(out, found == en ? "en" : lang, text.data ? text.data : "",
                                       found->name, err);
    px_buf_free(&text);
    return rc;
}

void px_cleaner_free(px_cleaner *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        pcre2_code_free(c->rules[i].re);
    free(c->rules);
    pcre2_match_data_free(c->md);
    px_lexicon_free(c->lexicon);
    free(c->term_key);
    free(c->term_known);
    free(c);
}

/* The first rule of scope sc (line and list count as one) that matches
 * s[0..n) entirely, or NULL. */
static const rule *match_rule(px_cleaner *c, const char *s, size_t n, int sentence)
{
    if (n == 0 || n > MAX_NOTICE)
        return NULL;
    for (size_t i = 0; i < c->n; i++) {
        if ((c->rules[i].scope == SCOPE_SENTENCE) != sentence || c->rules[i].scope == SCOPE_TAIL ||
            c->rules[i].scope == SCOPE_HEAD ||
            c->rules[i].scope == SCOPE_TITLE)
            continue;
        if (pcre2_match(c->rules[i].re, (PCRE2_SPTR)s, n, 0, 0, c->md, NULL) >= 0)
            return &c->rules[i];
    }
    return NULL;
}

/* ---- the shape of a paragraph ---------------------------------------------- */

static int lower_is_stopword(const char *w, size_t n)
{
    char buf[16];
    for (size_t i = 0; i < n; i++)
        buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
    return px_is_stopword("en", buf, n);
}

static int is_person_word(const char *w, size_t n)
{
    static const char *const words[] = {"I", "I'm", "I've", "we", "We", "you", "You", "my",
                                        "My", "our", "Our", "your", "Your", NULL};
    for (const char *const *p = words; *p; p++)
        if (strlen(*p) == n && memcmp(*p, w, n) == 0)
            return 1;
    return 0;
}

typedef struct shape {
    size_t words, lower_content; /* lower-case words that are not stopwords */
    int first_person;            /* I, we, you... : someone speaks, no caption does */
    int ends_in_stopword;        /* "... qualification for": a cut-off line */
    int closes;                  /* ends in . ! ? … (before closing quotes) or : ; , */
    int inner_stop;              /* a sentence mark before the end */
} shape;

static shape shape_of(const char *s, size_t n)
{
    shape sh = {0};
    size_t k;
    size_t end = n;
    while (end > 0) {
        size_t p = tc_prev(s, end);
        int32_t cp = tc_decode(s, n, p, &k);
        if (!tc_is_closer(cp) && !tc_is_space(cp))
            break;
        end = p;
    }
    if (end > 0) {
        size_t p = tc_prev(s, end);
        int32_t cp = tc_decode(s, n, p, &k);
        sh.closes = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':' || cp == ';' ||
                    cp == ',';
    }
    size_t i = 0;
    while (i < n) {
        int32_t cp = tc_decode(s, n, i, &k);
        if (!tc_is_letter(cp) && !tc_is_digit(cp)) {
            if ((cp == '.' || cp == '!' || cp == '?') && i + 1 < end && s[i + 1] == ' ')
                sh.inner_stop = 1;
            i += k;
            continue;
        }
        size_t ws = i;
        while (i < n) {
            cp = tc_decode(s, n, i, &k);
            if (!tc_is_alnum(cp) && !tc_is_apostrophe(cp) && !tc_is_hyphen(cp))
                break;
            i += k;
        }
        sh.words++;
        size_t wl = i - ws;
        int stop = px_is_stopword("en", s + ws, wl) ||
                   (s[ws] >= 'A' && s[ws] <= 'Z' && wl < 16 && lower_is_stopword(s + ws, wl));
        if (s[ws] >= 'a' && s[ws] <= 'z' && wl >= 3 && !stop)
            sh.lower_content++;
        sh.ends_in_stopword = stop;
        sh.first_person |= is_person_word(s + ws, wl);
    }
    return sh;
}

/* A picture caption: a short descriptive line with no closing punctuation
 * that is written as a sentence (it has lower-case content words), unlike a
 * Title Case headline or subhead; one clause (no comma, colon or dash), no
 * one speaking, not cut off after a function word. */
static int is_caption(const char *s, size_t n)
{
    if (n > MAX_NOTICE || memchr(s, ':', n) || memchr(s, ',', n) || memmem(s, n, " - ", 3) ||
        memmem(s, n, " \xE2\x80\x93 ", 5))
        return 0;
    size_t k;
    int32_t first = tc_decode(s, n, 0, &k);
    if (!tc_is_upper(first) && !tc_is_digit(first))
        return 0;
    shape sh = shape_of(s, n);
    return !sh.closes && !sh.inner_stop && !sh.first_person && !sh.ends_in_stopword &&
           sh.words >= 7 && sh.words <= 40 && sh.lower_content >= 1;
}

/* A headline-shaped line in a list of links: short, and not a sentence. */
static int is_link_line(const char *s, size_t n)
{
    if (n > 300)
        return 0;
    shape sh = shape_of(s, n);
    if (sh.words == 0 || sh.words > 20)
        return 0;
    size_t k;
    size_t last = tc_prev(s, n);
    int32_t cp = tc_decode(s, n, last, &k);
    return !sh.closes || cp == '?';
}

/* ---- repeats ---------------------------------------------------------------- */

typedef struct sentence {
    size_t para, start, end; /* byte offsets into the body */
    int keep;
    uint64_t *terms;         /* sorted, distinct hashes of content word stems */
    size_t n_terms;
    uint64_t term_bits;      /* bit (hash % 64) of each of its terms */
    uint64_t *seq;           /* hashes of all its folded words, in order */
    size_t n_seq;
    uint64_t numbers[8];     /* hashes of its first numbers (also in terms) */
    size_t n_numbers;
    uint64_t names[MAX_NAMES]; /* name keys of its first proper names */
    size_t n_names;
    uint64_t *words;         /* name keys of all its words, any case */
    size_t n_words;
    size_t n_content;        /* content words of two letters or more */
    size_t n_capitals;       /* of those, how many are capitalised */
    uint64_t hash;           /* of the folded text */
    size_t n_text_words;     /* word_count of its text */
} sentence;

/* The tokens a sentence's checks read: its paragraph's tokens that lie in
 * it, offsets from its start (scratch space, reused). */
static int own_tokens(const px_tokens *para, size_t from, size_t to, size_t start, px_tokens *out)
{
    out->n = 0;
    for (size_t i = from; i < to; i++) {
        px_token t = para->v[i];
        t.start -= start;
        t.end -= start;
        if (px_tokens_push(out, &t))
            return PX_ENOMEM;
    }
    return PX_OK;
}

static uint64_t name_key(const char *folded, size_t n)
{
    return px_hash64(folded, n < NAME_KEY_BYTES ? n : NAME_KEY_BYTES, 3);
}

/* Is the word token k of s, which starts with a capital, a proper name? Not
 * when it starts the sentence, or follows a colon, a dash, an opening quote
 * or a sentence mark, where any word may be capitalised. */
static int capital_is_name(const char *s, const px_tokens *t, size_t k)
{
    size_t first = 0, n;
    while (first < t->n && t->v[first].kind != PX_TOK_WORD && t->v[first].kind != PX_TOK_NUMBER)
        first++;
    if (k == first)
        return 0;
    if (t->v[k - 1].kind != PX_TOK_PUNCT)
        return 1;
    int32_t cp = tc_decode(s, t->v[k - 1].end, t->v[k - 1].start, &n);
    return !(cp == ':' || cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '.' || cp == '?' ||
             cp == '!' || tc_is_opener(cp));
}

/* A token's folded text: ASCII lower-cased into buf (as px_fold would),
 * anything else folded into a new string left in *owned. NULL when out of
 * memory. */
static const char *fold_token(const char *w, size_t wl, char *buf, size_t cap, char **owned, size_t *fl)
{
    *owned = NULL;
    size_t i = 0;
    for (; i < wl && i < cap && (unsigned char)w[i] < 0x80; i++)
        buf[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i] == '`' ? '\'' : w[i];
    if (i == wl) {
        *fl = wl;
        return buf;
    }
    if (!(*owned = px_fold(w, wl)))
        return NULL;
    *fl = strlen(*owned);
    return *owned;
}

/* Collects the proper names of the sentence s (its original text, not
 * folded, and its tokens t): capitalised words that are not stopwords. */
static int collect_names(px_cleaner *c, const char *s, const px_tokens *t, sentence *out)
{
    for (size_t k = 0; k < t->n; k++) {
        size_t n1;
        if (t->v[k].kind != PX_TOK_WORD ||
            !tc_is_upper(tc_decode(s, t->v[k].end, t->v[k].start, &n1)))
            continue;
        char buf[64], *owned;
        size_t fl;
        const char *f = fold_token(s + t->v[k].start, t->v[k].end - t->v[k].start, buf, sizeof buf, &owned, &fl);
        if (!f)
            return PX_ENOMEM;
        if (!px_is_stopword(c->lang, f, fl)) {
            out->n_capitals += fl >= 2;
            if (out->n_names < MAX_NAMES && capital_is_name(s, t, k))
                out->names[out->n_names++] = name_key(f, fl);
        }
        free(owned);
    }
    return PX_OK;
}

static size_t word_count(const char *s, size_t n)
{
    size_t words = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        words += !sp && !in;
        in = !sp;
    }
    return words;
}

/* The hash of the stem of a lexicon term (a sentence's content term). */
static int stem_key(px_cleaner *c, uint32_t term, uint64_t *key)
{
    if (term >= c->term_cap || !c->term_known[term]) {
        size_t cap = c->term_cap;
        if (px_grow(&c->term_key, &cap, (size_t)term + 1, sizeof *c->term_key, 1 << 12, 0) ||
            px_grow(&c->term_known, &c->term_cap, (size_t)term + 1, 1, 1 << 12, 1))
            return PX_ENOMEM;
        const char *stem = px_lexicon_term(c->words, term);
        c->term_key[term] = px_hash64(stem, strlen(stem), 1);
        c->term_known[term] = 1;
    }
    *key = c->term_key[term];
    return PX_OK;
}

/* Is the number token w[0..wl) its own term (the lexicon's term of a
 * number is its lower-case form without a possessive): digits and the
 * marks that join them, no letter, no apostrophe? */
static int plain_number(const char *w, size_t wl)
{
    for (size_t i = 0; i < wl; i++)
        if (!((w[i] >= '0' && w[i] <= '9') || w[i] == '.' || w[i] == ',' || w[i] == ':' || w[i] == '/' ||
              w[i] == '-'))
            return 0;
    return wl > 0;
}

/* Adds the word or number token w[0..wl) (folded) to the sentence's
 * sequence, words and content terms; *m counts the terms. A plain number
 * read with the cleaner's own lexicon is hashed as its term without being
 * interned there: on a stream every record may bring a number of its own
 * (a count, a time, a day), and the lexicon would keep each for ever. */
static int add_word(px_cleaner *c, const char *w, size_t wl, int number, sentence *out, size_t *m)
{
    out->seq[out->n_seq++] = px_hash64(w, wl, 2);
    if (!number)
        out->words[out->n_words++] = name_key(w, wl);
    if (number && c->words == c->lexicon && plain_number(w, wl)) {
        out->n_content += wl >= 2;
        out->terms[(*m)++] = px_hash64(w, wl, 1);
        if (out->n_numbers < 8)
            out->numbers[out->n_numbers++] = out->terms[*m - 1];
        return PX_OK;
    }
    uint32_t form = px_lexicon_form_id(c->words, w, wl, number);
    if (form == PX_NO_TERM)
        return PX_ENOMEM;
    if (px_lexicon_form_class(c->words, form) & PX_WC_STOPWORD)
        return PX_OK;
    out->n_content += wl >= 2;
    uint32_t term = px_lexicon_form_term(c->words, form);
    if (term == PX_NO_TERM)
        out->terms[(*m)++] = px_hash64(w, wl, 1);
    else if (stem_key(c, term, &out->terms[(*m)++]))
        return PX_ENOMEM;
    if (number && out->n_numbers < 8)
        out->numbers[out->n_numbers++] = out->terms[*m - 1];
    return PX_OK;
}

/* Sorts the sentence's m terms and keeps each once. */
static int distinct_terms(sentence *out, size_t m)
{
    if (px_sort_u64(out->terms, m))
        return PX_ENOMEM;
    size_t u = 0;
    out->term_bits = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || out->terms[u - 1] != out->terms[i]) {
            out->term_bits |= 1ull << (out->terms[i] & 63);
            out->terms[u++] = out->terms[i];
        }
    out->n_terms = u;
    return PX_OK;
}

/* The proper names of s, whose folded text has the tokens t: when they are
 * the tokens of s as written (px_tokens_fold_alike) they serve; else s is
 * tokenised as written. */
static int sentence_names(px_cleaner *c, const char *s, size_t n, const px_tokens *t, sentence *out)
{
    if (px_is_ascii(s, n) && px_tokens_fold_alike(s, n, t))
        return collect_names(c, s, t, out);
    px_tokens own = {0};
    int rc = px_tokenize(s, n, &own) ? PX_ENOMEM : collect_names(c, s, &own, out);
    px_tokens_free(&own);
    return rc;
}

/* Does the folded sentence f split into the tokens s has as written, at
 * the same offsets? When folding lowered ASCII capitals and changed
 * nothing else (its other characters fold to themselves: "£", "é"; not a
 * curly quote, a dash or a backquote), px_tokens_fold_alike knows, as it
 * does for dedup. */
static int written_tokens_fold_alike(const char *s, size_t n, const char *f, size_t fl, const px_tokens *t)
{
    if (fl != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (f[i] != (s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i]))
            return 0;
    return px_tokens_fold_alike(s, n, t);
}

/* Folds the sentence, hashes it, and collects its content terms and its
 * names. written: the sentence's tokens as written, or NULL; its terms
 * come from them when its folded text splits alike, else from a
 * tokenisation of the folded text. */
static int fingerprint(px_cleaner *c, const char *s, size_t n, const px_tokens *written, sentence *out)
{
    char *f = px_fold(s, n);
    if (!f)
        return PX_ENOMEM;
    size_t fl = strlen(f);
    out->hash = px_hash64(f, fl, 0);
    px_tokens own = {0};
    const px_tokens *ft = written && written_tokens_fold_alike(s, n, f, fl, written) ? written : &own;
    if (ft == &own && px_tokenize(f, fl, &own)) {
        free(f);
        return PX_ENOMEM;
    }
    const px_tokens t = *ft;
    size_t cap = t.n ? t.n : 1, m = 0;
    out->terms = malloc(cap * sizeof *out->terms);
    out->seq = malloc(cap * sizeof *out->seq);
    out->words = malloc(cap * sizeof *out->words);
    int rc = out->terms && out->seq && out->words ? PX_OK : PX_ENOMEM;
    for (size_t i = 0; rc == PX_OK && i < t.n; i++)
        if (t.v[i].kind == PX_TOK_WORD || t.v[i].kind == PX_TOK_NUMBER)
            rc = add_word(c, f + t.v[i].start, t.v[i].end - t.v[i].start, t.v[i].kind == PX_TOK_NUMBER,
                          out, &m);
    if (rc == PX_OK)
        rc = distinct_terms(out, m);
    /* Names only matter to near-repeats, which need eight words. */
    if (rc == PX_OK && word_count(s, n) >= NEAR_MIN_WORDS)
        rc = written ? collect_names(c, s, written, out) : sentence_names(c, s, n, &t, out);
    px_tokens_free(&own);
    free(f);
    return rc;
}

static size_t shared_terms(const sentence *a, const sentence *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n_terms && j < b->n_terms) {
        if (a->terms[i] == b->terms[j])
            n++, i++, j++;
        else if (a->terms[i] < b->terms[j])
            i++;
        else
            j++;
    }
    return n;
}

/* At least shared_terms(a, b): a term of a that b holds has its bit in
 * b's term_bits. A few steps without branches, where the merge of the two
 * lists branches on every step; most pairs of the near-repeat check share
 * too little to pass on this bound alone. */
static size_t shared_bound(const sentence *a, const sentence *b)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_terms; i++)
        n += (b->term_bits >> (a->terms[i] & 63)) & 1;
    return n;
}

static int contains(const uint64_t *v, size_t n, uint64_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] == x)
            return 1;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Does a hold a number that b does not? */
static int has_own_number(const sentence *a, const sentence *b)
{
    for (size_t i = 0; i < a->n_numbers; i++)
        if (!contains(b->terms, b->n_terms, a->numbers[i]))
            return 1;
    return 0;
}

/* Does a name someone or something that b does not mention, capitalised or
 * not ("the Transit Authority", "the transit authority")? */
static int has_own_name(const sentence *a, const sentence *b)
{
    for (size_t i = 0; i < a->n_names; i++) {
        size_t j = 0; /* only pairs that share most terms get here: a scan will do */
        while (j < b->n_words && b->words[j] != a->names[i])
            j++;
        if (j == b->n_words)
            return 1;
    }
    return 0;
}

/* A list of names rather than prose: fixtures, line-ups, award picks, where
 * most content words are names. Two such lists that share most names are
 * still different lists (another pairing, another order, one name swapped),
 * so lists are only ever exact repeats. */
static int is_name_list(const sentence *a)
{
    return a->n_capitals >= 3 && a->n_capitals * 3 >= a->n_content * 2;
}

/* The longest run of words the two sentences have in common, in order. */
static size_t longest_common_run(const sentence *a, const sentence *b)
{
    size_t best = 0;
    /* Diagonals of the match matrix: no allocation, O(n*m) on short input. */
    for (long d = -(long)b->n_seq + 1; d < (long)a->n_seq; d++) {
        size_t run = 0;
        for (long i = d > 0 ? d : 0, j = i - d; i < (long)a->n_seq && j < (long)b->n_seq; i++, j++) {
            run = a->seq[i] == b->seq[j] ? run + 1 : 0;
            if (run > best)
                best = run;
        }
    }
    return best;
}

/* Two sentences say the same thing when most content terms of the shorter
 * one are in the other, or when half are and a long stretch of wording is
 * the same (a standfirst restating the lead). Six shared terms at least,
 * so that names alone do not make a match. When each has a number the
 * other lacks, or each a name the other does not mention, they are
 * parallel sentences about different things in the same frame: two death
 * tolls, two festivals, two award winners. (A number on one side and a
 * name on the other is a retelling: "in 2023" and "two years ago" in
 * "Port Alder".) Lists of names are left to the exact comparison. */
static int near_repeat(const sentence *a, const sentence *b)
{
    size_t small = a->n_terms < b->n_terms ? a->n_terms : b->n_terms;
    size_t bound = a->n_terms < b->n_terms ? shared_bound(a, b) : shared_bound(b, a);
    if (bound < 6 || small == 0 || bound * 10 < small * 5)
        return 0; /* shared_terms would fail the same test */
    size_t shared = shared_terms(a, b);
    if (shared < 6 || shared * 10 < small * 5)
        return 0;
    if (has_own_number(a, b) && has_own_number(b, a))
        return 0;
    if (has_own_name(a, b) && has_own_name(b, a))
        return 0;
    if (is_name_list(a) || is_name_list(b))
        return 0;
    if (shared * 10 >= small * 8)
        return 1;
    return longest_common_run(a, b) >= 8;
}

/* ---- the article ----------------------------------------------------------- */

typedef struct para {
    size_t start, end;
    int keep;
    size_t tok0, tok1; /* its tokens in work.tokens (kept paragraphs) */
} para;

typedef struct work {
    px_cleaner *c;
    px_article *a;
    const char *body;
    para *paras;
    size_t n_paras;
    sentence *sents;
    size_t n_sents, cap_sents;
    px_tokens tokens;  /* of the kept paragraphs, as written, body offsets */
    px_tokens scratch; /* one sentence's tokens */
    px_body_piece *pieces; /* of the cleaned body, when its document is derived */
    size_t n_pieces;
    int rc;
} work;

static void record(work *w, size_t start, size_t end, const char *reason)
{
    if (w->rc == PX_OK)
        w->rc = px_article_add_removal(w->a, w->body + start, end - start, reason);
}

/* Does the line s[start..end) end a sentence or a quote? */
static int line_closes(const char *s, size_t start, size_t end)
{
    size_t k;
    while (end > start && tc_is_space(tc_decode(s, end, tc_prev_from(s, start, end), &k)))
        end = tc_prev_from(s, start, end);
    if (end == start)
        return 1;
    int32_t cp = tc_decode(s, end, tc_prev_from(s, start, end), &k);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':' || tc_is_closer(cp);
}

/* Text where paragraphs are single lines (no blank line between them)
 * breaks most of its lines after a sentence, or has long lines; hard-wrapped
 * text breaks short lines anywhere. */
static int lines_are_paragraphs(const char *s, size_t start, size_t end)
{
    size_t breaks = 0, closing = 0, lines = 0, long_lines = 0, line = start;
    for (size_t i = start; i <= end; i++)
        if (i == end || s[i] == '\n') {
            lines++;
            long_lines += i - line > WRAP_WIDTH;
            if (i < end) {
                breaks++;
                closing += line_closes(s, line, i);
            }
            line = i + 1;
        }
    return breaks > 0 && (closing * 2 >= breaks || long_lines * 3 >= lines);
}

static int add_span(px_spans *out, const char *b, size_t s, size_t e)
{
    size_t k;
    while (s < e && tc_is_space(tc_decode(b, e, s, &k)))
        s += k;
    while (e > s && tc_is_space(tc_decode(b, e, tc_prev_from(b, s, e), &k)))
        e = tc_prev_from(b, s, e);
    if (e == s)
        return PX_OK;
    if (px_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16, 0))
        return PX_ENOMEM;
    out->v[out->n++] = (px_span){s, e};
    return PX_OK;
}

/* A line broken inside a hyphenated word ("the 17th-\ncentury palace"),
 * as a page's text wrapped it: the next line goes on with its paragraph. */
static int broken_after_hyphen(const char *b, size_t line, size_t nl, size_t end)
{
    return nl >= line + 2 && b[nl - 1] == '-' && isalnum((unsigned char)b[nl - 2]) && nl + 1 < end &&
           islower((unsigned char)b[nl + 1]);
}

int px_split_paragraphs(const char *b, px_spans *out)
{
    size_t len = strlen(b), i = 0;
    while (i < len) {
        const char *sep = strstr(b + i, "\n\n");
        size_t end = sep ? (size_t)(sep - b) : len;
        if (lines_are_paragraphs(b, i, end)) {
            for (size_t line = i, j = i; j <= end; j++)
                if (j == end || (b[j] == '\n' && !broken_after_hyphen(b, line, j, end))) {
                    if (add_span(out, b, line, j))
                        return PX_ENOMEM;
                    line = j + 1;
                }
        } else if (add_span(out, b, i, end)) {
            return PX_ENOMEM;
        }
        i = sep ? end + 2 : len;
    }
    return PX_OK;
}

static int split_paragraphs(work *w)
{
    px_spans sp = {0};
    int rc = px_split_paragraphs(w->body, &sp);
    if (rc == PX_OK && sp.n && !(w->paras = malloc(sp.n * sizeof *w->paras)))
        rc = PX_ENOMEM;
    for (size_t i = 0; rc == PX_OK && i < sp.n; i++)
        w->paras[w->n_paras++] = (para){.start = sp.v[i].start, .end = sp.v[i].end, .keep = 1};
    px_spans_free(&sp);
    return rc;
}

/* Does rule r cut from paragraph i of n bytes? A tail rule looks at short
 * paragraphs; a head rule (a dateline) at the article's first few (a
 * "Video" label may come before the lede). */
static int cuts_from(const rule *r, size_t i, size_t n)
{
    return (r->scope == SCOPE_TAIL && n <= MAX_NOTICE) ||
           (r->scope == SCOPE_HEAD && i < HEAD_PARAGRAPHS && n <= MAX_HEAD);
}

/* Tail and head rules cut a label glued to a paragraph (group 1 of the
 * pattern: "... a report has found Politics." keeps "... a report has
 * found.", "PARIS — A truck ..." keeps "A truck ..."), editing the body
 * before it is split; last paragraph first, so that the earlier offsets
 * stay valid. */
static int trim_tails(px_cleaner *c, px_article *a)
{
    px_spans sp = {0};
    if (px_split_paragraphs(a->body, &sp))
        return PX_ENOMEM;
    int rc = PX_OK;
    for (size_t i = sp.n; rc == PX_OK && i-- > 0;) {
        const char *s = a->body + sp.v[i].start;
        size_t n = sp.v[i].end - sp.v[i].start;
        /* after a cut the rules read the shortened paragraph again: a
         * dateline and a pointer to a picture, or two pointers ("Teague
         * (left) and Burrell (right)"), all go */
        for (size_t r = 0, cuts = 0; rc == PX_OK && r < c->n && cuts < MAX_CUTS; r++) {
            if (!cuts_from(&c->rules[r], i, n) ||
                pcre2_match(c->rules[r].re, (PCRE2_SPTR)s, n, 0, 0, c->md, NULL) < 2)
                continue;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
            if (ov[2] == PCRE2_UNSET || ov[3] <= ov[2])
                continue;
            size_t from = sp.v[i].start + ov[2], to = sp.v[i].start + ov[3];
            rc = px_article_add_removal(a, a->body + from, to - from, c->rules[r].reason);
            memmove(a->body + from, a->body + to, strlen(a->body + to) + 1);
            n -= to - from;
            cuts++;
            r = (size_t)-1;
        }
    }
    px_spans_free(&sp);
    return rc;
}

/* Line rules, lists of links and captions decide on whole paragraphs. */
/* Reads a picture counter "k/N" at s[i] (after a space or the start, before
 * a space or the end); returns the index past it, or 0. */
static size_t picture_counter(const char *s, size_t n, size_t i, unsigned *k, unsigned *total)
{
    if (i > 0 && s[i - 1] != ' ')
        return 0;
    unsigned a = 0, b = 0;
    size_t j = i, digits = 0;
    for (; j < n && isdigit((unsigned char)s[j]) && digits < 3; j++, digits++)
        a = a * 10 + (unsigned)(s[j] - '0');
    if (!digits || j >= n || s[j] != '/')
        return 0;
    size_t d0 = ++j;
    for (; j < n && isdigit((unsigned char)s[j]) && j - d0 < 3; j++)
        b = b * 10 + (unsigned)(s[j] - '0');
    if (j == d0 || (j < n && s[j] != ' ') || a == 0 || a > b)
        return 0;
    *k = a;
    *total = b;
    return j;
}

/* A gallery glued into one paragraph after its title ("Tram derailment 8
 * show all Tram derailment 1/8 The scene ... PA 2/8 Police ... 3/8 ..."):
 * three or more pictures numbered in order out of one total. Too long for
 * the rules (MAX_NOTICE), and the same in every language. */
static int is_numbered_gallery(const char *s, size_t n)
{
    unsigned last = 0, total = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned k, t;
        size_t end = picture_counter(s, n, i, &k, &t);
        if (!end)
            continue;
        if (t == total && k == last + 1)
            run++;
        else
            run = 1, total = t;
        last = k;
        if (run >= 3)
            return 1;
        i = end - 1;
    }
    return 0;
}

/* How a word of a line is written, for the kicker test below. */
typedef enum word_case { WORD_CAPS, WORD_MIXED, WORD_LOWER, WORD_OTHER } word_case;

/* Reads the word at s[*i] (skipping what is not a word, noting whether a
 * space was among it) and says how it is written; a capital alone ("A",
 * "I") opens a headline like any capitalised word. Returns 0 at the end. */
static int next_word_case(const char *s, size_t n, size_t *i, word_case *out, size_t *letters,
                          int *spaced)
{
    size_t k;
    *spaced = 0;
    while (*i < n) {
        int32_t cp = tc_decode(s, n, *i, &k);
        if (tc_is_alnum(cp))
            break;
        *spaced |= tc_is_space(cp);
        *i += k;
    }
    if (*i >= n)
        return 0;
    size_t upper = 0, lower = 0, digits = 0;
    int32_t first = tc_decode(s, n, *i, &k);
    while (*i < n) {
        int32_t cp = tc_decode(s, n, *i, &k);
        if (!tc_is_alnum(cp) && !tc_is_apostrophe(cp) && !tc_is_hyphen(cp))
            break;
        upper += (size_t)tc_is_upper(cp);
        lower += (size_t)tc_is_lower(cp);
        digits += (size_t)tc_is_digit(cp);
        *i += k;
    }
    *letters = upper + lower;
    if (digits || !*letters)
        *out = WORD_OTHER;
    else if (!lower && upper > 1)
        *out = WORD_CAPS;
    else
        *out = tc_is_upper(first) ? WORD_MIXED : WORD_LOWER;
    return 1;
}

/* A box of promoted headlines run into one paragraph, each opened by a
 * kicker in capitals ("More on space SKY HIGH Probe finds ice on a moon
 * TALL STORY Astronaut says he grew ..."): three or more runs of two or
 * more words in capitals, apart by spaces, each followed by a capitalised
 * word and a headline in lower case, the first near the paragraph's start
 * (a label at most before it). Figures in a table ("NEW HAVEN 12 UND MAY
 * UNC") are not headlines, nor are tickers and initials ("MGM/UA",
 * "TBRS.T"); a word or two in capitals for emphasis in a sentence is one
 * run, followed by lower case. */
static int is_kicker_list(const char *s, size_t n)
{
    enum { MAX_LABEL = 64, MIN_KICKERS = 3, MIN_KICKER_LETTERS = 5, MIN_HEADLINE_WORDS = 2 };
    size_t i = 0, kickers = 0, caps = 0, caps_letters = 0, lower_after = 0, run_start = 0;
    int open = 0; /* a kicker was read and its headline is being counted */
    word_case wc;
    size_t letters, at = 0;
    int spaced;
    while (next_word_case(s, n, &i, &wc, &letters, &spaced)) {
        size_t word_start = at;
        at = i;
        if (wc == WORD_CAPS) {
            if (caps > 0 && !spaced)
                caps = 0; /* "MGM/UA": one name, not two words */
            if (caps++ == 0)
                run_start = word_start, caps_letters = 0;
            caps_letters += letters;
            continue;
        }
        if (wc == WORD_MIXED && caps >= 2 && caps_letters >= MIN_KICKER_LETTERS) {
            if (open && lower_after < MIN_HEADLINE_WORDS)
                return 0; /* the run before had no headline */
            if (kickers == 0 && run_start > MAX_LABEL)
                return 0;
            kickers++, open = 1, lower_after = 0;
        } else if (wc == WORD_LOWER) {
            lower_after++;
        }
        caps = 0;
    }
    return kickers >= MIN_KICKERS && lower_after >= MIN_HEADLINE_WORDS;
}

static void clean_paragraphs(work *w)
{
    const rule *list = NULL;
    size_t list_items = 0;
    for (size_t i = 0; i < w->n_paras; i++) {
        para *p = &w->paras[i];
        const char *s = w->body + p->start;
        size_t n = p->end - p->start;
        if (list && list_items < MAX_LIST_ITEMS && is_link_line(s, n)) {
            p->keep = 0;
            record(w, p->start, p->end, list->reason);
            list_items++;
            continue;
        }
        list = NULL;
        const rule *r = match_rule(w->c, s, n, 0);
        if (r) {
            p->keep = 0;
            record(w, p->start, p->end, r->reason);
            if (r->scope == SCOPE_LIST)
                list = r, list_items = 0;
        } else if (is_kicker_list(s, n)) {
            p->keep = 0;
            record(w, p->start, p->end, "related-links");
        } else if (i > 0 && (is_caption(s, n) || is_numbered_gallery(s, n))) { /* a first paragraph is the lead */
            p->keep = 0;
            record(w, p->start, p->end, "caption");
        }
    }
}

static int ascii_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The first token of [lo, hi) that ends after pos (hi if none): tokens are
 * in text order and do not overlap, so their ends rise. A binary search,
 * because a paragraph of a million sentences would make a scan from its
 * first token quadratic. */
static size_t first_token_ending_after(const px_tokens *t, size_t lo, size_t hi, size_t pos)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->v[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The sentence's tokens from its paragraph's (into w->scratch), or NULL
 * when they may not be those of its own text: a token runs over its edge,
 * or an edge is not at white space, where the tokeniser could read on. */
static const px_tokens *sentence_tokens(work *w, const para *p, size_t start, size_t end)
{
    const char *b = w->body;
    if ((start > p->start && !ascii_space(b[start - 1])) || (end < p->end && !ascii_space(b[end])))
        return NULL;
    size_t from = first_token_ending_after(&w->tokens, p->tok0, p->tok1, start), to;
    if (from < p->tok1 && w->tokens.v[from].start < start)
        return NULL;
    for (to = from; to < p->tok1 && w->tokens.v[to].start < end; to++)
        if (w->tokens.v[to].end > end)
            return NULL;
    if (own_tokens(&w->tokens, from, to, start, &w->scratch)) {
        w->rc = PX_ENOMEM;
        return NULL;
    }
    return &w->scratch;
}

static int add_sentence(work *w, size_t para_i, size_t start, size_t end)
{
    if (w->n_sents == w->cap_sents) {
        size_t cap = w->cap_sents ? w->cap_sents * 2 : 32;
        sentence *more = realloc(w->sents, cap * sizeof *more);
        if (!more)
            return PX_ENOMEM;
        w->sents = more;
        w->cap_sents = cap;
    }
    sentence *s = &w->sents[w->n_sents];
    memset(s, 0, sizeof *s);
    s->para = para_i;
    s->start = start;
    s->end = end;
    s->keep = 1;
    w->n_sents++;
    s->n_text_words = word_count(w->body + start, end - start);
    const px_tokens *t = sentence_tokens(w, &w->paras[para_i], start, end);
    return w->rc ? w->rc : fingerprint(w->c, w->body + start, end - start, t, s);
}

/* Tokenises the paragraph as written, once: its sentences' checks read
 * these tokens, and so does the cleaned body's document. */
static int tokenize_paragraph(work *w, para *p)
{
    p->tok0 = w->tokens.n;
    if (px_tokenize(w->body + p->start, p->end - p->start, &w->tokens))
        return PX_ENOMEM;
    p->tok1 = w->tokens.n;
    for (size_t i = p->tok0; i < p->tok1; i++) {
        w->tokens.v[i].start += p->start;
        w->tokens.v[i].end += p->start;
    }
    return PX_OK;
}

static int split_kept_sentences(work *w)
{
    px_spans sp = {0};
    for (size_t i = 0; i < w->n_paras && w->rc == PX_OK; i++) {
        para *p = &w->paras[i];
        if (!p->keep)
            continue;
        sp.n = 0;
        if (px_split_sentences_lang(w->body + p->start, p->end - p->start, w->c->lang, &sp) ||
            tokenize_paragraph(w, p))
            w->rc = PX_ENOMEM;
        for (size_t k = 0; k < sp.n && w->rc == PX_OK; k++)
            w->rc = add_sentence(w, i, p->start + sp.v[k].start, p->start + sp.v[k].end);
    }
    px_spans_free(&sp);
    return w->rc;
}

static _Atomic unsigned long long pairs_compared;

unsigned long long px_clean_pairs_compared(void)
{
    return pairs_compared;
}

static void count_pair(void)
{
    atomic_fetch_add_explicit(&pairs_compared, 1, memory_order_relaxed);
}

static int same_text(const work *w, const sentence *a, const sentence *b)
{
    count_pair();
    if (a->hash != b->hash)
        return 0;
    char *x = px_fold(w->body + a->start, a->end - a->start);
    char *y = px_fold(w->body + b->start, b->end - b->start);
    int same = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* The earlier sentences of each text hash: exact repeats are found by
 * lookup, not by comparing every pair (linear in the sentences). */
typedef struct by_hash {
    px_map map;       /* sentence hash -> id */
    size_t *last;     /* id -> latest sentence with that hash, + 1 */
    size_t cap;
    size_t *prev;     /* sentence -> previous one with the same hash, + 1 */
} by_hash;

static int by_hash_add(by_hash *h, const sentence *sents, size_t i)
{
    uint32_t id = px_map_intern(&h->map, (const char *)&sents[i].hash, sizeof sents[i].hash, NULL);
    if (id == PX_MAP_NONE || px_grow(&h->last, &h->cap, (size_t)id + 1, sizeof *h->last, 64, 1))
        return PX_ENOMEM;
    h->prev[i] = h->last[id];
    h->last[id] = i + 1;
    return PX_OK;
}

/* An earlier kept sentence with the same text as s, or NULL. */
static sentence *earlier_copy(const work *w, const by_hash *h, const sentence *s)
{
    uint32_t id = px_map_find(&h->map, (const char *)&s->hash, sizeof s->hash);
    for (size_t k = id == PX_MAP_NONE ? 0 : h->last[id]; k; k = h->prev[k - 1]) {
        sentence *e = &w->sents[k - 1];
        if (e != s && e->keep && same_text(w, e, s))
            return e;
    }
    return NULL;
}

/* Sentence rules, then repeats: the later copy goes, unless it is the
 * fuller telling of the earlier one, in which case the earlier goes.
 * Near repeats are looked for among the first MAX_NEAR_COMPARE sentences
 * only, so that their pairwise comparison stays bounded. */
static void clean_sentences(work *w)
{
    by_hash h = {0};
    if (!(h.prev = calloc(w->n_sents ? w->n_sents : 1, sizeof *h.prev)))
        w->rc = PX_ENOMEM;
    for (size_t i = 0; i < w->n_sents && w->rc == PX_OK; i++) {
        sentence *s = &w->sents[i];
        const rule *r = match_rule(w->c, w->body + s->start, s->end - s->start, 1);
        if (r) {
            s->keep = 0;
            record(w, s->start, s->end, r->reason);
            continue;
        }
        size_t words = s->n_text_words;
        if (words < 5)
            continue;
        if (earlier_copy(w, &h, s)) {
            s->keep = 0;
            record(w, s->start, s->end, "repeat");
            continue;
        }
        if (by_hash_add(&h, w->sents, i)) {
            w->rc = PX_ENOMEM;
            break;
        }
        if (i >= MAX_NEAR_COMPARE || words < NEAR_MIN_WORDS)
            continue;
        for (size_t j = 0; j < i; j++) {
            sentence *e = &w->sents[j];
            if (!e->keep || e->n_text_words < NEAR_MIN_WORDS)
                continue;
            count_pair();
            if (!near_repeat(e, s))
                continue;
            /* The earlier one stays (the lede before its restatement),
             * unless it is a caption glued into the text or the later one
             * is the fuller telling, holding all but one of its terms. */
            size_t shared = shared_terms(e, s);
            int fuller = s->n_terms > e->n_terms && shared + 1 >= e->n_terms;
            if (fuller || (is_caption(w->body + e->start, e->end - e->start) &&
                           !is_caption(w->body + s->start, s->end - s->start))) {
                e->keep = 0;
                record(w, e->start, e->end, "near-repeat");
                continue; /* s may repeat another earlier sentence too */
            }
            s->keep = 0;
            record(w, s->start, s->end, "near-repeat");
            break;
        }
    }
    px_map_free(&h.map);
    free(h.last);
    free(h.prev);
}

/* Notes where paragraph i went in the cleaned body (when its document is
 * to be derived). */
static void add_piece(work *w, size_t i, size_t start, size_t end, int whole)
{
    if (w->pieces)
        w->pieces[w->n_pieces++] = (px_body_piece){w->paras[i].start, w->paras[i].end, start, end, whole};
}

/* The body from the kept paragraphs; a paragraph that lost sentences is
 * rebuilt from the ones it kept. */
static int rebuild_body(work *w)
{
    px_buf out = {0};
    size_t si = 0;
    for (size_t i = 0; i < w->n_paras; i++) {
        const para *p = &w->paras[i];
        if (!p->keep)
            continue;
        size_t first = si, kept = 0, total = 0;
        while (si < w->n_sents && w->sents[si].para == i) {
            kept += w->sents[si].keep;
            total++;
            si++;
        }
        if (total && kept == 0)
            continue;
        if (out.len)
            px_buf_append(&out, "\n\n", 2);
        if (kept == total) {
            px_buf_append(&out, w->body + p->start, p->end - p->start);
            add_piece(w, i, out.len - (p->end - p->start), out.len, 1);
            continue;
        }
        size_t start = out.len;
        int any = 0;
        for (size_t k = first; k < si; k++)
            if (w->sents[k].keep) {
                if (any)
                    px_buf_append(&out, " ", 1);
                px_buf_append(&out, w->body + w->sents[k].start, w->sents[k].end - w->sents[k].start);
                any = 1;
            }
        add_piece(w, i, start, out.len, 0);
    }
    if (!out.data && px_buf_append(&out, "", 0))
        return PX_ENOMEM;
    /* the body may wait for a whole corpus: without its growth room */
    size_t len = out.len;
    char *body = px_buf_steal(&out), *fit = body ? realloc(body, len + 1) : NULL;
    free(w->a->body);
    w->a->body = fit ? fit : body;
    return w->a->body ? PX_OK : PX_ENOMEM;
}

/* ---- the cleaned body's document ------------------------------------------- */

/* Would a document of the cleaned body split and tokenise as the cleaner
 * did? Its language's rules must be the cleaner's (the cleaner of a
 * language without rules uses English), and a language written without
 * spaces is tokenised otherwise. */
static int derives_doc(const px_cleaner *c, const px_lexicon *lx)
{
    const char *lang = px_lexicon_lang(lx);
    size_t n = strcspn(c->lang, "-_");
    if (px_writes_without_spaces(lang) || n != strlen(lang))
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((c->lang[i] | 0x20) != lang[i])
            return 0;
    return 1;
}

/* Appends to t and s the tokens and sentences of the old body (sorted,
 * cursors *ti and *si) that lie in a piece kept whole, moved to its place
 * in the new body. */
static int move_piece(const px_body_piece *pc, const px_tokens *ot, const px_spans *os, size_t *ti,
                      size_t *si, px_tokens *t, px_spans *s)
{
    while (*ti < ot->n && ot->v[*ti].start < pc->from)
        ++*ti;
    for (; *ti < ot->n && ot->v[*ti].end <= pc->from_end; ++*ti) {
        px_token k = ot->v[*ti];
        k.start = k.start - pc->from + pc->start;
        k.end = k.end - pc->from + pc->start;
        if (px_tokens_push(t, &k))
            return PX_ENOMEM;
    }
    while (*si < os->n && os->v[*si].start < pc->from)
        ++*si;
    for (; *si < os->n && os->v[*si].end <= pc->from_end; ++*si)
        if (px_spans_push(s, os->v[*si].start - pc->from + pc->start, os->v[*si].end - pc->from + pc->start))
            return PX_ENOMEM;
    return PX_OK;
}

/* A paragraph rebuilt from some of its sentences is new text: it is
 * tokenised and split on its own (a paragraph splits alike alone and in
 * its body, as the blank lines around it end any sentence). */
static int split_rebuilt(const char *body, const px_body_piece *pc, const char *lang, px_tokens *t,
                         px_spans *s)
{
    size_t t0 = t->n, s0 = s->n;
    if (px_tokenize_lang(body + pc->start, pc->end - pc->start, lang, t) ||
        px_split_sentences_lang(body + pc->start, pc->end - pc->start, lang, s))
        return PX_ENOMEM;
    for (size_t i = t0; i < t->n; i++)
        t->v[i].start += pc->start, t->v[i].end += pc->start;
    for (size_t i = s0; i < s->n; i++)
        s->v[i].start += pc->start, s->v[i].end += pc->start;
    return PX_OK;
}

int px_doc_of_pieces(px_article *a, const px_body_piece *pc, size_t n, const px_tokens *tokens,
                     const px_spans *sentences, px_lexicon *lx)
{
    px_tokens t = {0};
    px_spans s = {0};
    size_t ti = 0, si = 0;
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        rc = pc[i].whole ? move_piece(&pc[i], tokens, sentences, &ti, &si, &t, &s)
                         : split_rebuilt(a->body, &pc[i], px_lexicon_lang(lx), &t, &s);
    px_article_drop_doc(a);
    if (rc == PX_OK && !(a->doc = px_doc_packed_from_parts(a->body, strlen(a->body), lx, &t, &s)))
        rc = PX_ENOMEM;
    if (a->doc)
        a->doc_free = px_doc_packed_destroy;
    px_tokens_free(&t);
    px_spans_free(&s);
    return rc;
}

/* The cleaned body's document from the tokens and sentences of the raw
 * body's kept paragraphs: the body is its kept paragraphs joined by blank
 * lines, and each paragraph tokenises and splits alike on its own and in
 * a body, so no paragraph kept whole is read again. */
static int derive_doc(work *w, px_lexicon *lx)
{
    px_spans sents = {0};
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < w->n_sents; i++)
        rc = px_spans_push(&sents, w->sents[i].start, w->sents[i].end);
    if (rc == PX_OK)
        rc = px_doc_of_pieces(w->a, w->pieces, w->n_pieces, &w->tokens, &sents, lx);
    px_spans_free(&sents);
    return rc;
}

static int clean_highlights(px_cleaner *c, px_article *a)
{
    size_t k = 0;
    for (size_t i = 0; i < a->highlights.n; i++) {
        char *h = a->highlights.items[i];
        const rule *r = match_rule(c, h, strlen(h), 0);
        if (r) {
            int rc = px_article_add_removal(a, h, strlen(h), r->reason);
            free(h);
            if (rc)
                return rc;
        } else {
            a->highlights.items[k++] = h;
        }
    }
    a->highlights.n = k;
    return PX_OK;
}

int px_clean_article(px_cleaner *c, px_article *a)
{
    return px_clean_article_doc(c, a, NULL);
}

/* The cleaner reads words with lx (of its language) from now on; the stem
 * hashes it remembers are of another lexicon's terms when it changes. */
static void use_lexicon(px_cleaner *c, px_lexicon *lx)
{
    c->words = lx;
    if (c->keyed != lx && c->term_known)
        memset(c->term_known, 0, c->term_cap);
    c->keyed = lx;
}

int px_clean_article_doc(px_cleaner *c, px_article *a, px_lexicon *lx)
{
    px_article_drop_doc(a); /* made of the body cleaning changes */
    int rc = clean_highlights(c, a);
    if (rc || !a->body || !*a->body)
        return rc;
    if ((rc = trim_tails(c, a)))
        return rc;
    use_lexicon(c, lx && derives_doc(c, lx) ? lx : c->lexicon);
    work w = {.c = c, .a = a, .body = a->body, .rc = PX_OK};
    w.rc = split_paragraphs(&w);
    if (w.rc == PX_OK)
        clean_paragraphs(&w);
    if (w.rc == PX_OK)
        split_kept_sentences(&w);
    if (w.rc == PX_OK)
        clean_sentences(&w);
    if (w.rc == PX_OK && lx && derives_doc(c, lx) &&
        !(w.pieces = malloc((w.n_paras ? w.n_paras : 1) * sizeof *w.pieces)))
        w.rc = PX_ENOMEM;
    if (w.rc == PX_OK)
        w.rc = rebuild_body(&w);
    if (w.rc == PX_OK && w.pieces)
        w.rc = derive_doc(&w, lx);
    for (size_t i = 0; i < w.n_sents; i++) {
        free(w.sents[i].terms);
        free(w.sents[i].seq);
        free(w.sents[i].words);
    }
    free(w.sents);
    free(w.paras);
    free(w.pieces);
    px_tokens_free(&w.tokens);
    px_tokens_free(&w.scratch);
    return w.rc;
}

/* Below this many words, a page that cleaning mostly emptied has no
 * article left: a gallery, a promotion, an author box. */
#define ARTICLE_MIN_WORDS 40

const char *px_cleaner_not_article(px_cleaner *c, const px_article *a, size_t raw_len)
{
    if (a->title && *a->title)
        for (size_t i = 0; i < c->n; i++)
            if (c->rules[i].scope == SCOPE_TITLE && strlen(a->title) <= MAX_NOTICE &&
                pcre2_match(c->rules[i].re, (PCRE2_SPTR)a->title, strlen(a->title), 0, 0, c->md, NULL) >= 0)
                return c->rules[i].reason;
    size_t len = a->body ? strlen(a->body) : 0;
    if (raw_len > 0 && len * 2 < raw_len && word_count(a->body ? a->body : "", len) < ARTICLE_MIN_WORDS)
        return "little-text";
    return NULL;
}
