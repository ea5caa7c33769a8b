/* template.c - an outlet's template text, learned from its articles: the
 * lines and sentences (numbers masked) that recur in several different
 * articles of one outlet are the page furniture of its site, whatever the
 * language (docs/cleaning.md, "Template text"). Memory is bounded: past
 * max_lines remembered lines, the rarest are forgotten (lossy counting). */
#include <stdlib.h>
#include <string.h>

#include "clean/clean_internal.h"
#include "core/article_internal.h"
#include "core/grow.h"
#include "parallax/clean.h"
#include "text/textchar.h"
#include "core/common_internal.h"
#include "text/doc_internal.h"
#include "text/text_internal.h"

/* An outlet that has not yet published this many articles has no template. */
#define MIN_ARTICLES 3
/* Beyond MIN_ARTICLES, a template line is in at least one article in this
 * many of its outlet: a story's own repeated facts, in a large corpus,
 * stay below it. */
#define OUTLET_SHARE 200
/* Articles of the same story share this many of their sketch words. */
#define SAME_STORY 2
#define MAX_OUTLETS 65536

typedef struct line_entry {
    uint64_t outlet, key; /* key 0: empty slot */
    uint32_t articles;    /* articles of the outlet holding the line */
    uint32_t others;      /* of those, not of the first one's story */
    uint32_t sketch[PX_TEMPLATE_SKETCH]; /* of the first article holding it */
} line_entry;

typedef struct outlet_entry {
    uint64_t outlet; /* 0: empty slot */
    uint32_t articles;
} outlet_entry;

struct px_templates {
    line_entry *lines;
    size_t cap, n, max_lines;
    outlet_entry *outlets;
    size_t outlet_cap, n_outlets;
};

static uint64_t nonzero(uint64_t h)
{
    return h ? h : 1;
}

static size_t pow2_above(size_t n)
{
    size_t p = 16;
    while (p < n)
        p *= 2;
    return p;
}

int px_templates_new(px_templates **out, size_t max_lines)
{
    px_templates *t = calloc(1, sizeof *t);
    if (!t)
        return PX_ENOMEM;
    t->max_lines = max_lines ? max_lines : PX_TEMPLATE_DEFAULT_LINES;
    t->cap = pow2_above(t->max_lines + t->max_lines / 2);
    t->lines = calloc(t->cap, sizeof *t->lines);
    t->outlet_cap = 1024;
    t->outlets = calloc(t->outlet_cap, sizeof *t->outlets);
    if (!t->lines || !t->outlets) {
        px_templates_free(t);
        return PX_ENOMEM;
    }
    *out = t;
    return PX_OK;
}

void px_templates_free(px_templates *t)
{
    if (!t)
        return;
    free(t->lines);
    free(t->outlets);
    free(t);
}

size_t px_templates_size(const px_templates *t)
{
    return t->n;
}

/* ---- outlets ------------------------------------------------------------ */

static outlet_entry *outlet_slot(outlet_entry *v, size_t cap, uint64_t outlet)
{
    size_t i = (size_t)(outlet * 0x9E3779B97F4A7C15ull) & (cap - 1);
    while (v[i].outlet && v[i].outlet != outlet)
        i = (i + 1) & (cap - 1);
    return &v[i];
}

static int grow_outlets(px_templates *t)
{
    size_t cap = t->outlet_cap * 2;
    outlet_entry *v = calloc(cap, sizeof *v);
    if (!v)
        return PX_ENOMEM;
    for (size_t i = 0; i < t->outlet_cap; i++)
        if (t->outlets[i].outlet)
            *outlet_slot(v, cap, t->outlets[i].outlet) = t->outlets[i];
    free(t->outlets);
    t->outlets = v;
    t->outlet_cap = cap;
    return PX_OK;
}

/* The outlet's entry, added when add is set (NULL when there is no room). */
static outlet_entry *outlet_of(px_templates *t, uint64_t outlet, int add)
{
    outlet_entry *e = outlet_slot(t->outlets, t->outlet_cap, outlet);
    if (e->outlet || !add)
        return e->outlet ? e : NULL;
    if (t->n_outlets >= MAX_OUTLETS)
        return NULL;
    if ((t->n_outlets + 1) * 2 > t->outlet_cap) {
        if (grow_outlets(t))
            return NULL;
        e = outlet_slot(t->outlets, t->outlet_cap, outlet);
    }
    e->outlet = outlet;
    t->n_outlets++;
    return e;
}

static uint64_t outlet_key(const px_article *a)
{
    return a->source && *a->source ? nonzero(px_hash64(a->source, strlen(a->source), 11)) : 0;
}

/* ---- lines ---------------------------------------------------------------- */

static line_entry *line_slot(line_entry *v, size_t cap, uint64_t outlet, uint64_t key)
{
    size_t i = (size_t)((key ^ (outlet * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull) & (cap - 1);
    while (v[i].key && (v[i].key != key || v[i].outlet != outlet))
        i = (i + 1) & (cap - 1);
    return &v[i];
}

/* Forgets the lines seen in the fewest articles until at most three
 * quarters of max_lines are left. */
static int prune(px_templates *t)
{
    line_entry *v = calloc(t->cap, sizeof *v);
    if (!v)
        return PX_ENOMEM;
    for (uint32_t below = 2; t->n > t->max_lines * 3 / 4; below *= 2) {
        size_t n = 0;
        for (size_t i = 0; i < t->cap; i++)
            if (t->lines[i].key && t->lines[i].articles < below)
                t->lines[i].key = 0;
            else if (t->lines[i].key)
                n++;
        t->n = n;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->lines[i].key)
            *line_slot(v, t->cap, t->lines[i].outlet, t->lines[i].key) = t->lines[i];
    free(t->lines);
    t->lines = v;
    return PX_OK;
}

static int same_story(const uint32_t *a, const uint32_t *b)
{
    size_t common = 0;
    for (size_t i = 0; i < PX_TEMPLATE_SKETCH; i++)
        for (size_t j = 0; j < PX_TEMPLATE_SKETCH; j++)
            common += a[i] && a[i] == b[j];
    return common >= SAME_STORY;
}

static int count_line(px_templates *t, uint64_t outlet, uint64_t key, const uint32_t *sketch)
{
    if (t->n >= t->max_lines && prune(t))
        return PX_ENOMEM;
    line_entry *e = line_slot(t->lines, t->cap, outlet, key);
    if (!e->key) {
        e->outlet = outlet;
        e->key = key;
        memcpy(e->sketch, sketch, sizeof e->sketch);
        t->n++;
    } else if (!same_story(e->sketch, sketch)) {
        e->others++;
    }
    e->articles++;
    return PX_OK;
}

/* The key of a line: its folded text with every run of digits as one "0"
 * and every run of white space as one space, hashed. */
static uint64_t line_key(const char *s, size_t n)
{
    char *f = px_fold(s, n);
    if (!f)
        return 0;
    size_t o = 0;
    for (size_t i = 0; f[i]; i++) {
        char c = f[i];
        int digit = c >= '0' && c <= '9', space = c == ' ' || c == '\n' || c == '\t';
        if (digit && o > 0 && f[o - 1] == '0')
            continue;
        if (space && (o == 0 || f[o - 1] == ' '))
            continue;
        f[o++] = digit ? '0' : space ? ' ' : c;
    }
    uint64_t h = nonzero(px_hash64(f, o, 5));
    free(f);
    return h;
}

/* ---- the story sketch ----------------------------------------------------- */

static void sketch_add(uint32_t *sk, uint32_t h)
{
    if (!h)
        h = 1;
    for (size_t i = 0; i < PX_TEMPLATE_SKETCH; i++) {
        if (sk[i] == h)
            return;
        if (!sk[i] || h < sk[i]) {
            memmove(sk + i + 1, sk + i, (PX_TEMPLATE_SKETCH - 1 - i) * sizeof *sk);
            sk[i] = h;
            return;
        }
    }
}

/* Adds the words of s (with tokens t) to the sketch: capitalised ones
 * (names, mostly; not a paragraph's first word, unless all are) in pass 0,
 * any word of four bytes or more in pass 1. Returns how many it added. */
static size_t sketch_words(const char *s, const px_tokens *t, const char *lang, int pass, int skip_first,
                           uint32_t *sk, int *oom)
{
    size_t added = 0;
    for (size_t i = 0, words = 0; i < t->n; i++) {
        size_t k, wl = t->v[i].end - t->v[i].start;
        const char *w = s + t->v[i].start;
        if (t->v[i].kind != PX_TOK_WORD || (words++ == 0 && skip_first) || wl < (pass ? 4u : 3u))
            continue;
        if (pass == 0 && !tc_is_upper(tc_decode(w, wl, 0, &k)))
            continue;
        char *f = px_fold(w, wl);
        if (!f) {
            *oom = 1;
            break;
        }
        if (!px_is_stopword(lang, f, strlen(f))) {
            sketch_add(sk, (uint32_t)px_hash64(f, strlen(f), 7));
            added++;
        }
        free(f);
    }
    return added;
}

#define SKETCH_TEXTS 3 /* the title and the first two paragraphs */

/* The tokens of t (sorted) within start..end, offsets from start. */
static int tokens_within(const px_tokens *t, size_t start, size_t end, px_tokens *out)
{
    for (size_t i = 0; i < t->n && t->v[i].start < end; i++) {
        if (t->v[i].start < start)
            continue;
        px_token k = t->v[i];
        k.start -= start;
        k.end -= start;
        if (px_tokens_push(out, &k))
            return PX_ENOMEM;
    }
    return PX_OK;
}

/* A few words that tell the article's story apart: the smallest hashes of
 * the capitalised words of its title and first two paragraphs (where the
 * story names its people and places, rarely the template), or of their
 * long words when they have few capitals (scripts without case). Each of
 * those texts is tokenised once for both passes. */
static int story_sketch(const px_article *a, const px_tokens *doc, uint32_t *sk)
{
    memset(sk, 0, PX_TEMPLATE_SKETCH * sizeof *sk);
    const char *lang = a->language ? a->language : "en";
    const char *text[SKETCH_TEXTS] = {0};
    px_tokens toks[SKETCH_TEXTS] = {{0}};
    px_spans paras = {0};
    int oom = px_split_paragraphs(a->body, &paras) != PX_OK;
    if (a->title && !oom) {
        text[0] = a->title;
        oom = px_tokenize(a->title, strlen(a->title), &toks[0]) != PX_OK;
    }
    for (size_t i = 0; i < paras.n && i < 2 && !oom; i++) {
        size_t s = paras.v[i].start, e = paras.v[i].end;
        text[i + 1] = a->body + s;
        oom = (doc ? tokens_within(doc, s, e, &toks[i + 1]) : px_tokenize(text[i + 1], e - s, &toks[i + 1])) !=
              PX_OK;
    }
    for (int pass = 0; pass < 2 && !oom; pass++) {
        size_t added = 0;
        for (size_t i = 0; i < SKETCH_TEXTS && !oom; i++)
            if (text[i])
                added += sketch_words(text[i], &toks[i], lang, pass, i > 0, sk, &oom);
        if (added >= 3)
            break;
    }
    for (size_t i = 0; i < SKETCH_TEXTS; i++)
        px_tokens_free(&toks[i]);
    px_spans_free(&paras);
    return oom ? PX_ENOMEM : PX_OK;
}

/* ---- the lines of an article ---------------------------------------------- */

typedef struct unit {
    size_t start, end; /* byte offsets into the body */
    size_t para;       /* its paragraph */
    int whole;         /* the whole paragraph (else one of its sentences) */
    uint64_t key;
} unit;

typedef struct units {
    unit *v;
    size_t n, cap;
    int from_doc; /* its sentences are the article's document's */
} units;

/* The article's document cut: its tokens and sentences (body offsets). */
typedef struct doc_parts {
    px_tokens tokens;
    px_spans sentences;
} doc_parts;

static void doc_parts_free(doc_parts *d)
{
    px_tokens_free(&d->tokens);
    px_spans_free(&d->sentences);
}

/* Does the splitter read lang by the rules of the lexicon's language (lx
 * names a language by its two letters; no language is English)? */
static int same_rules(const char *lang, const char *lx)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;
    if (n == 0)
        return strcmp(lx, "en") == 0;
    return n == 2 && (lang[0] | 0x20) == lx[0] && (lang[1] | 0x20) == lx[1];
}

/* The tokens and sentences of the article's document, when it has one of
 * its body whose sentences are those units_of would split with the
 * article's language and whose tokens px_tokenize's; else none (*ok 0). */
static int doc_parts_of(const px_article *a, doc_parts *d, int *ok)
{
    *ok = 0;
    const px_doc_packed *p = a->doc;
    if (!p || p->text != a->body || !px_doc_packed_tokens_plain(p) ||
        !same_rules(a->language, px_lexicon_lang(p->lexicon)))
        return PX_OK;
    if (px_doc_unpack_parts(p, &d->tokens, &d->sentences))
        return PX_ENOMEM;
    *ok = 1;
    return PX_OK;
}

static int add_unit(units *u, size_t start, size_t end, size_t para, int whole, const char *body)
{
    if (px_grow(&u->v, &u->cap, u->n + 1, sizeof *u->v, 32, 0))
        return PX_ENOMEM;
    uint64_t key = line_key(body + start, end - start);
    if (!key)
        return PX_ENOMEM;
    u->v[u->n++] = (unit){start, end, para, whole, key};
    return PX_OK;
}

/* Are the paragraphs the body's blocks between blank lines, each holding
 * whole sentences of the document (sorted spans)? Then each paragraph's
 * sentences are those the splitter finds in it alone: a document's
 * sentences never cross a blank line, and the splitter splits a block
 * alike on its own and in its body. */
static int cut_alike(const char *body, const px_spans *paras, const px_spans *sents)
{
    size_t len = strlen(body), k = 0;
    for (size_t i = 0; i < paras->n; i++) {
        size_t s = paras->v[i].start, e = paras->v[i].end;
        if ((s > 0 && (s < 2 || body[s - 1] != '\n' || body[s - 2] != '\n')) ||
            (e < len && (body[e] != '\n' || body[e + 1] != '\n')))
            return 0;
        for (; k < sents->n && sents->v[k].start < e; k++)
            if (sents->v[k].start < s || sents->v[k].end > e)
                return 0;
    }
    return k == sents->n;
}

/* The sentences of the paragraph s..e: the document's (doc, from *k on),
 * else split. */
static int paragraph_sentences(const char *body, const char *lang, size_t s, size_t e, const px_spans *doc,
                               size_t *k, px_spans *out)
{
    out->n = 0;
    if (!doc)
        return px_split_sentences_lang(body + s, e - s, lang, out) ? PX_ENOMEM : PX_OK;
    for (; *k < doc->n && doc->v[*k].start < e; ++*k)
        if (px_spans_push(out, doc->v[*k].start - s, doc->v[*k].end - s))
            return PX_ENOMEM;
    return PX_OK;
}

/* Every paragraph of the body, and the sentences of those that have more
 * than one; the sentences are the document's (doc) when they cut alike. */
static int units_of(const char *body, const char *lang, const doc_parts *doc, units *u)
{
    px_spans paras = {0}, sents = {0};
    int rc = px_split_paragraphs(body, &paras);
    const px_spans *ds = rc == PX_OK && doc && cut_alike(body, &paras, &doc->sentences) ? &doc->sentences : NULL;
    u->from_doc = ds != NULL;
    for (size_t i = 0, k = 0; rc == PX_OK && i < paras.n; i++) {
        size_t s = paras.v[i].start, e = paras.v[i].end;
        rc = add_unit(u, s, e, i, 1, body);
        if (rc == PX_OK)
            rc = paragraph_sentences(body, lang, s, e, ds, &k, &sents);
        for (size_t j = 0; rc == PX_OK && sents.n > 1 && j < sents.n; j++)
            rc = add_unit(u, s + sents.v[j].start, s + sents.v[j].end, i, 0, body);
    }
    px_spans_free(&paras);
    px_spans_free(&sents);
    return rc;
}

/* Has the article an outlet and a body, whose units can be counted? */
static int has_units(const px_article *a)
{
    return a->body && *a->body && outlet_key(a);
}

/* The units of a->body (none without an outlet), from its document when
 * it has one that serves; doc keeps the document's parts (or is empty). */
static int article_units(const px_article *a, units *u, doc_parts *doc)
{
    int ok = 0, rc = has_units(a) ? doc_parts_of(a, doc, &ok) : PX_OK;
    if (rc == PX_OK && has_units(a))
        rc = units_of(a->body, a->language, ok ? doc : NULL, u);
    return rc;
}

static int cmp_key(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Counts the units u of a cleaned article under its outlet. */
static int learn_units(px_templates *t, const px_article *a, const units *u, const doc_parts *doc)
{
    uint64_t outlet = outlet_key(a);
    if (!outlet || !a->body || !*a->body)
        return PX_OK;
    outlet_entry *o = outlet_of(t, outlet, 1);
    if (!o)
        return PX_OK; /* too many outlets: this one is not learned */
    uint32_t sketch[PX_TEMPLATE_SKETCH];
    int rc = story_sketch(a, u->from_doc ? &doc->tokens : NULL, sketch);
    uint64_t *keys = rc == PX_OK ? malloc((u->n ? u->n : 1) * sizeof *keys) : NULL;
    if (rc == PX_OK && !keys)
        rc = PX_ENOMEM;
    if (rc == PX_OK) {
        o = outlet_of(t, outlet, 0); /* the table may have moved */
        o->articles++;
        for (size_t i = 0; i < u->n; i++)
            keys[i] = u->v[i].key;
        qsort(keys, u->n, sizeof *keys, cmp_key); /* an article counts once per line */
        for (size_t i = 0; rc == PX_OK && i < u->n; i++)
            if (i == 0 || keys[i] != keys[i - 1])
                rc = count_line(t, outlet, keys[i], sketch);
    }
    free(keys);
    return rc;
}

int px_templates_learn(px_templates *t, const px_article *a)
{
    units u = {0};
    doc_parts doc = {{0}, {0}};
    int rc = article_units(a, &u, &doc);
    if (rc == PX_OK)
        rc = learn_units(t, a, &u, &doc);
    free(u.v);
    doc_parts_free(&doc);
    return rc;
}

/* In enough articles of the outlet, and of more than one story. */
static int is_template(const px_templates *t, uint64_t outlet, uint32_t outlet_articles, uint64_t key)
{
    const line_entry *e = line_slot(t->lines, t->cap, outlet, key);
    if (!e->key)
        return 0;
    uint32_t need = outlet_articles / OUTLET_SHARE;
    if (need < MIN_ARTICLES)
        need = MIN_ARTICLES;
    return e->articles >= need && e->others >= 1;
}

/* Notes where kept unit k went in the rebuilt body: a paragraph kept
 * whole is a piece of its own, the kept sentences of a paragraph one
 * rebuilt piece. */
static void note_piece(px_body_piece *pc, size_t *n, const unit *k, int same_para, size_t start, size_t end)
{
    if (same_para) {
        pc[*n - 1].end = end;
        return;
    }
    pc[(*n)++] = (px_body_piece){k->start, k->end, start, end, k->whole};
}

/* The body from the kept units; its document, when the units were cut
 * from the article's (doc), is derived from that one. */
static int rebuild(px_article *a, const units *u, const char *keep, const doc_parts *doc)
{
    px_buf out = {0};
    px_lexicon *lx = u->from_doc && a->doc ? a->doc->lexicon : NULL;
    doc_parts own = {{0}, {0}};
    int ok = 1;
    if (lx && !doc && (doc_parts_of(a, &own, &ok) || !ok))
        lx = NULL; /* (cannot fail to serve: the units were cut from it) */
    if (!doc)
        doc = &own;
    px_body_piece *pc = lx ? malloc((u->n ? u->n : 1) * sizeof *pc) : NULL;
    if (lx && !pc) {
        doc_parts_free(&own);
        return PX_ENOMEM;
    }
    size_t last_para = (size_t)-1, n = 0;
    for (size_t i = 0; i < u->n; i++) {
        if (!keep[i])
            continue;
        int same = u->v[i].para == last_para;
        if (!same && out.len)
            px_buf_append(&out, "\n\n", 2);
        else if (same)
            px_buf_append(&out, " ", 1);
        last_para = u->v[i].para;
        px_buf_append(&out, a->body + u->v[i].start, u->v[i].end - u->v[i].start);
        if (pc)
            note_piece(pc, &n, &u->v[i], same, out.len - (u->v[i].end - u->v[i].start), out.len);
    }
    if (!out.data && px_buf_append(&out, "", 0)) {
        free(pc);
        doc_parts_free(&own);
        return PX_ENOMEM;
    }
    char *body = px_buf_steal(&out);
    int rc = body ? PX_OK : PX_ENOMEM;
    if (body) {
        free(a->body);
        a->body = body;
    }
    if (rc == PX_OK && pc)
        rc = px_doc_of_pieces(a, pc, n, &doc->tokens, &doc->sentences, lx);
    else
        px_article_drop_doc(a);
    free(pc);
    doc_parts_free(&own);
    return rc;
}

/* Removes the template units of u (the units of a->body) from a. */
static int apply_units(const px_templates *t, px_article *a, const units *uv, const doc_parts *doc,
                       size_t *removed)
{
    if (removed)
        *removed = 0;
    uint64_t outlet = outlet_key(a);
    if (!outlet || !a->body || !*a->body)
        return PX_OK;
    const outlet_entry *o = outlet_slot(t->outlets, t->outlet_cap, outlet);
    if (!o->outlet || o->articles < MIN_ARTICLES)
        return PX_OK;
    const units u = *uv;
    int rc = PX_OK;
    /* keep[i]: unit i goes into the body; a paragraph kept whole stands for
     * its sentences, a paragraph that loses a sentence by its other ones. */
    char *keep = rc == PX_OK ? calloc(u.n ? u.n : 1, 1) : NULL;
    size_t n_removed = 0;
    if (rc == PX_OK && !keep)
        rc = PX_ENOMEM;
    for (size_t i = 0; rc == PX_OK && i < u.n;) {
        size_t end = i + 1;
        while (end < u.n && !u.v[end].whole)
            end++;
        if (is_template(t, outlet, o->articles, u.v[i].key)) {
            rc = px_article_add_removal(a, a->body + u.v[i].start, u.v[i].end - u.v[i].start, "template");
            n_removed++;
        } else {
            size_t dropped = 0;
            for (size_t k = i + 1; rc == PX_OK && k < end; k++)
                if (is_template(t, outlet, o->articles, u.v[k].key)) {
                    rc = px_article_add_removal(a, a->body + u.v[k].start, u.v[k].end - u.v[k].start,
                                                "template");
                    dropped++;
                } else {
                    keep[k] = 1;
                }
            if (!dropped)
                memset(keep + i + 1, 0, end - i - 1), keep[i] = 1;
            n_removed += dropped;
        }
        i = end;
    }
    if (rc == PX_OK && n_removed)
        rc = rebuild(a, &u, keep, doc);
    free(keep);
    if (removed)
        *removed = n_removed;
    return rc;
}

int px_templates_apply(const px_templates *t, px_article *a, size_t *removed)
{
    units u = {0};
    doc_parts doc = {{0}, {0}};
    int rc = article_units(a, &u, &doc);
    if (rc == PX_OK)
        rc = apply_units(t, a, &u, &doc, removed);
    else if (removed)
        *removed = 0;
    free(u.v);
    doc_parts_free(&doc);
    return rc;
}

int px_templates_learn_apply(px_templates *t, px_article *a, size_t *removed)
{
    units u = {0};
    doc_parts doc = {{0}, {0}};
    int rc = article_units(a, &u, &doc);
    if (rc == PX_OK)
        rc = learn_units(t, a, &u, &doc);
    if (rc == PX_OK)
        rc = apply_units(t, a, &u, &doc, removed);
    else if (removed)
        *removed = 0;
    free(u.v);
    doc_parts_free(&doc);
    return rc;
}

/* ---- persistence ------------------------------------------------------------ */

int px_templates_each(const px_templates *t, px_template_line_fn line_fn, px_template_outlet_fn outlet_fn,
                      void *ud)
{
    for (size_t i = 0; i < t->outlet_cap; i++)
        if (t->outlets[i].outlet && outlet_fn(t->outlets[i].outlet, t->outlets[i].articles, ud))
            return PX_ESTOP;
    for (size_t i = 0; i < t->cap; i++) {
        const line_entry *e = &t->lines[i];
        if (!e->key)
            continue;
        px_template_line l = {e->outlet, e->key, e->articles, e->others, {0}};
        memcpy(l.sketch, e->sketch, sizeof l.sketch);
        if (line_fn(&l, ud))
            return PX_ESTOP;
    }
    return PX_OK;
}

int px_templates_restore_outlet(px_templates *t, uint64_t outlet, uint32_t articles)
{
    outlet_entry *o = outlet ? outlet_of(t, outlet, 1) : NULL;
    if (o)
        o->articles = articles;
    return PX_OK;
}

int px_templates_restore_line(px_templates *t, const px_template_line *l)
{
    if (!l->key || !l->outlet)
        return PX_OK;
    if (t->n >= t->max_lines && prune(t))
        return PX_ENOMEM;
    line_entry *e = line_slot(t->lines, t->cap, l->outlet, l->key);
    if (!e->key)
        t->n++;
    *e = (line_entry){l->outlet, l->key, l->articles, l->others, {0}};
    memcpy(e->sketch, l->sketch, sizeof e->sketch);
    return PX_OK;
}

int px_templates_clean_all(px_article **v, size_t n, size_t max_lines)
{
    px_templates *t;
    int rc = px_templates_new(&t, max_lines);
    /* Each body is split once: its units serve the learning and the
     * removal (a few words per sentence, while the bodies are held anyway). */
    units *u = rc == PX_OK ? calloc(n ? n : 1, sizeof *u) : NULL;
    if (rc == PX_OK && !u)
        rc = PX_ENOMEM;
    /* A document's parts are unpacked for the units and the sketch, and
     * again for the few articles that lose template units. */
    doc_parts doc = {{0}, {0}};
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        rc = article_units(v[i], &u[i], &doc);
        if (rc == PX_OK)
            rc = learn_units(t, v[i], &u[i], &doc);
    }
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        rc = apply_units(t, v[i], &u[i], NULL, NULL);
    doc_parts_free(&doc);
    for (size_t i = 0; u && i < n; i++)
        free(u[i].v);
    free(u);
    px_templates_free(t);
    return rc;
}
