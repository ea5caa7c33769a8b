/* doc.c - the document model (parallax/doc.h): one pass of the tokeniser,
 * the sentence splitter and the lexicon over an article's text. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "parallax/doc.h"
#include "text/doc_internal.h"
#include "text/text_internal.h"

void px_doc_free(px_doc *d)
{
    px_tokens_free(&d->tokens);
    px_spans_free(&d->sentences);
    free(d->tok);
    free(d->first_token);
    free(d->cp_at);
    memset(d, 0, sizeof *d);
}

static int is_lead_byte(char c)
{
    return ((unsigned char)c & 0xC0) != 0x80;
}

static int index_code_points(px_doc *d)
{
    size_t n = d->len / PX_DOC_CP_STEP + 1, cp = 0;
    if (!(d->cp_at = malloc(n * sizeof *d->cp_at)))
        return PX_ENOMEM;
    for (size_t k = 0, i = 0; k < n; k++) {
        for (size_t end = k * PX_DOC_CP_STEP; i < end; i++)
            cp += is_lead_byte(d->text[i]);
        d->cp_at[k] = cp;
    }
    return PX_OK;
}

size_t px_doc_cp_offset(const px_doc *d, size_t byte)
{
    if (byte > d->len)
        byte = d->len;
    size_t k = byte / PX_DOC_CP_STEP, cp = d->cp_at ? d->cp_at[k] : 0;
    for (size_t i = d->cp_at ? k * PX_DOC_CP_STEP : 0; i < byte; i++)
        cp += is_lead_byte(d->text[i]);
    return cp;
}

/* Sentence index and first token of each sentence: a token belongs to the
 * last sentence starting at or before it. */
static int place_tokens(px_doc *d)
{
    size_t ns = d->sentences.n;
    d->first_token = malloc((ns + 1) * sizeof *d->first_token);
    if (!d->first_token)
        return PX_ENOMEM;
    size_t s = 0;
    d->first_token[0] = 0;
    for (size_t i = 0; i < d->tokens.n; i++) {
        while (s + 1 < ns && d->sentences.v[s + 1].start <= d->tokens.v[i].start)
            d->first_token[++s] = i;
        d->tok[i].sentence = (uint32_t)s;
    }
    while (s + 1 <= ns)
        d->first_token[++s] = d->tokens.n;
    return PX_OK;
}

static int look_up_words(px_doc *d)
{
    for (size_t i = 0; i < d->tokens.n; i++) {
        const px_token *t = &d->tokens.v[i];
        px_doc_token *dt = &d->tok[i];
        dt->term = dt->form = PX_NO_TERM;
        dt->wclass = 0;
        if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER)
            continue;
        int number = t->kind == PX_TOK_NUMBER;
        dt->form = px_lexicon_form_id(d->lexicon, d->text + t->start, t->end - t->start, number);
        if (dt->form == PX_NO_TERM)
            return PX_ENOMEM;
        dt->term = px_lexicon_form_term(d->lexicon, dt->form);
        dt->wclass = px_lexicon_form_class(d->lexicon, dt->form);
    }
    return PX_OK;
}

/* The lexicon's work over tokens and sentences already in d. */
static int finish_doc(px_doc *d)
{
    int rc = PX_OK;
    if (!(d->tok = malloc((d->tokens.n + 1) * sizeof *d->tok)))
        rc = PX_ENOMEM;
    if (rc == PX_OK)
        rc = place_tokens(d);
    if (rc == PX_OK)
        rc = look_up_words(d);
    if (rc == PX_OK)
        rc = index_code_points(d);
    if (rc != PX_OK) {
        px_doc_free(d);
        return rc;
    }
    return PX_OK;
}

int px_doc_build(px_doc *d, const char *text, size_t len, px_lexicon *lx)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = len;
    d->lexicon = lx;
    const char *lang = px_lexicon_lang(lx);
    int rc = px_tokenize_lang(text, len, lang, &d->tokens);
    if (rc == PX_OK)
        rc = px_split_sentences_lang(text, len, lang, &d->sentences);
    if (rc != PX_OK) {
        px_doc_free(d);
        return rc;
    }
    return finish_doc(d);
}

int px_doc_from_parts(px_doc *d, const char *text, size_t len, px_lexicon *lx, px_tokens *tokens,
                      px_spans *sentences)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = len;
    d->lexicon = lx;
    d->tokens = *tokens;
    d->sentences = *sentences;
    memset(tokens, 0, sizeof *tokens);
    memset(sentences, 0, sizeof *sentences);
    return finish_doc(d);
}

const char *px_doc_form(const px_doc *d, size_t token, size_t *len)
{
    uint32_t f = d->tok[token].form;
    if (f == PX_NO_TERM) {
        *len = 0;
        return NULL;
    }
    return px_lexicon_form(d->lexicon, f, len);
}

/* ---- a lexicon per language ------------------------------------------------- */

typedef struct lang_lexicon {
    char lang[3];
    px_lexicon *lx;
} lang_lexicon;

struct px_lexicons {
    lang_lexicon *v;
    size_t n, cap;
};

px_lexicons *px_lexicons_new(void) { return calloc(1, sizeof(px_lexicons)); }

void px_lexicons_free(px_lexicons *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++)
        px_lexicon_free(set->v[i].lx);
    free(set->v);
    free(set);
}

px_lexicon *px_lexicons_get(px_lexicons *set, const char *language)
{
    char lang[3] = "en";
    if (language && language[0] && language[1]) {
        lang[0] = (char)(language[0] | 0x20);
        lang[1] = (char)(language[1] | 0x20);
    }
    for (size_t i = 0; i < set->n; i++)
        if (memcmp(set->v[i].lang, lang, 3) == 0)
            return set->v[i].lx;
    if (px_grow(&set->v, &set->cap, set->n + 1, sizeof *set->v, 4, 0) != PX_OK)
        return NULL;
    lang_lexicon *l = &set->v[set->n];
    memcpy(l->lang, lang, 3);
    if (!(l->lx = px_lexicon_new(lang)))
        return NULL;
    set->n++;
    return l->lx;
}

/* ---- a document at rest --------------------------------------------------- */

/* Unsigned LEB128: seven bits a byte, low first. Offsets and form ids are
 * small, so most of a token fits in four or five bytes. */
static int put_varint(px_buf *b, uint64_t v)
{
    unsigned char tmp[10];
    size_t n = 0;
    do {
        tmp[n++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    return px_buf_append(b, (const char *)tmp, n);
}

static uint64_t get_varint(const unsigned char **p)
{
    uint64_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
        unsigned char c = *(*p)++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
}

/* An offset as the signed step from the previous span's end (zig-zag), so
 * that spans need not be ordered for the packing to be exact. */
static int put_step(px_buf *b, size_t at, size_t prev)
{
    int64_t d = (int64_t)at - (int64_t)prev;
    return put_varint(b, ((uint64_t)d << 1) ^ (uint64_t)(d >> 63));
}

static size_t get_step(const unsigned char **p, size_t prev)
{
    uint64_t z = get_varint(p);
    int64_t d = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
    return (size_t)((int64_t)prev + d);
}

static int has_form(px_token_kind k) { return k == PX_TOK_WORD || k == PX_TOK_NUMBER; }

/* Per token: its start, its length, its kind and flags, and (words and
 * numbers) its form; then per sentence its start and length. The term,
 * word classes and sentence index of a token are not kept: the lexicon
 * gives the first two by form, the sentence spans the third. */
static int pack_spans(const px_doc *d, px_buf *b)
{
    int rc = PX_OK;
    size_t prev = 0;
    for (size_t i = 0; rc == PX_OK && i < d->tokens.n; i++) {
        const px_token *t = &d->tokens.v[i];
        rc = put_step(b, t->start, prev);
        if (rc == PX_OK)
            rc = put_varint(b, t->end - t->start);
        if (rc == PX_OK)
            rc = put_varint(b, (uint64_t)t->kind | (uint64_t)t->flags << 3);
        if (rc == PX_OK && has_form(t->kind))
            rc = put_varint(b, d->tok[i].form);
        prev = t->end;
    }
    prev = 0;
    for (size_t i = 0; rc == PX_OK && i < d->sentences.n; i++) {
        rc = put_step(b, d->sentences.v[i].start, prev);
        if (rc == PX_OK)
            rc = put_varint(b, d->sentences.v[i].end - d->sentences.v[i].start);
        prev = d->sentences.v[i].end;
    }
    return rc;
}

int px_doc_pack(const px_doc *d, px_doc_packed *out)
{
    memset(out, 0, sizeof *out);
    px_buf b = {0};
    if (pack_spans(d, &b) != PX_OK) {
        px_buf_free(&b);
        return PX_ENOMEM;
    }
    /* exactly its size: a packed document may wait the whole run */
    unsigned char *bytes = b.len ? realloc(b.data, b.len) : NULL;
    if (b.len && !bytes) {
        px_buf_free(&b);
        return PX_ENOMEM;
    }
    if (!b.len)
        px_buf_free(&b);
    *out = (px_doc_packed){.text = d->text, .len = d->len, .lexicon = d->lexicon,
                           .n_tokens = d->tokens.n, .n_sentences = d->sentences.n,
                           .bytes = bytes, .n_bytes = b.len};
    return PX_OK;
}

void px_doc_packed_free(px_doc_packed *p)
{
    free(p->bytes);
    memset(p, 0, sizeof *p);
}

/* Decodes the tokens into out->v[0..n) (room made by the caller); the form
 * of each, PX_NO_TERM when it has none, into forms when not NULL. Returns
 * where the sentences begin. */
static const unsigned char *unpack_tokens(const px_doc_packed *p, px_token *out, px_doc_token *forms)
{
    const unsigned char *q = p->bytes;
    size_t prev = 0;
    for (size_t i = 0; i < p->n_tokens; i++) {
        px_token *t = &out[i];
        t->start = get_step(&q, prev);
        t->end = t->start + (size_t)get_varint(&q);
        uint64_t kf = get_varint(&q);
        t->kind = (px_token_kind)(kf & 7);
        t->flags = (unsigned)(kf >> 3);
        uint32_t form = has_form(t->kind) ? (uint32_t)get_varint(&q) : PX_NO_TERM;
        if (forms)
            forms[i].form = form;
        prev = t->end;
    }
    return q;
}

int px_doc_unpack_tokens(const px_doc_packed *p, px_tokens *out)
{
    out->n = 0;
    if (px_grow(&out->v, &out->cap, p->n_tokens + 1, sizeof *out->v, 64, 0))
        return PX_ENOMEM;
    unpack_tokens(p, out->v, NULL);
    out->n = p->n_tokens;
    return PX_OK;
}

/* Decodes the sentence spans that follow the tokens (at q) into out. */
static void unpack_sentences(const px_doc_packed *p, const unsigned char *q, px_span *out)
{
    size_t prev = 0;
    for (size_t i = 0; i < p->n_sentences; i++) {
        out[i].start = get_step(&q, prev);
        out[i].end = out[i].start + (size_t)get_varint(&q);
        prev = out[i].end;
    }
}

int px_doc_unpack_parts(const px_doc_packed *p, px_tokens *tokens, px_spans *sentences)
{
    tokens->n = sentences->n = 0;
    if (px_grow(&tokens->v, &tokens->cap, p->n_tokens + 1, sizeof *tokens->v, 64, 0) ||
        px_grow(&sentences->v, &sentences->cap, p->n_sentences + 1, sizeof *sentences->v, 16, 0))
        return PX_ENOMEM;
    unpack_sentences(p, unpack_tokens(p, tokens->v, NULL), sentences->v);
    tokens->n = p->n_tokens;
    sentences->n = p->n_sentences;
    return PX_OK;
}

/* Terms and word classes by form, as look_up_words found them. */
static void restore_words(px_doc *d)
{
    for (size_t i = 0; i < d->tokens.n; i++) {
        px_doc_token *dt = &d->tok[i];
        dt->term = dt->form == PX_NO_TERM ? PX_NO_TERM : px_lexicon_form_term(d->lexicon, dt->form);
        dt->wclass = dt->form == PX_NO_TERM ? 0 : px_lexicon_form_class(d->lexicon, dt->form);
    }
}

static int unpack_all(const px_doc_packed *p, px_doc *d)
{
    size_t nt = p->n_tokens, ns = p->n_sentences;
    d->tokens.v = malloc((nt + 1) * sizeof *d->tokens.v);
    d->tok = malloc((nt + 1) * sizeof *d->tok);
    d->sentences.v = malloc((ns + 1) * sizeof *d->sentences.v);
    if (!d->tokens.v || !d->tok || !d->sentences.v)
        return PX_ENOMEM;
    d->tokens.cap = nt + 1;
    d->sentences.cap = ns + 1;
    unpack_sentences(p, unpack_tokens(p, d->tokens.v, d->tok), d->sentences.v);
    d->tokens.n = nt;
    d->sentences.n = ns;
    restore_words(d);
    int rc = place_tokens(d);
    return rc == PX_OK ? index_code_points(d) : rc;
}

int px_doc_unpack(const px_doc_packed *p, px_doc *d)
{
    memset(d, 0, sizeof *d);
    d->text = p->text;
    d->len = p->len;
    d->lexicon = p->lexicon;
    if (unpack_all(p, d) != PX_OK) {
        px_doc_free(d);
        return PX_ENOMEM;
    }
    return PX_OK;
}

/* d (built, or empty after a failure) packed on the heap; d is freed. */
static px_doc_packed *packed_of(px_doc *d, int built)
{
    px_doc_packed *p = built ? malloc(sizeof *p) : NULL;
    int rc = p ? px_doc_pack(d, p) : PX_ENOMEM;
    px_doc_free(d);
    if (rc != PX_OK) {
        free(p);
        return NULL;
    }
    return p;
}

px_doc_packed *px_doc_packed_new(const char *text, size_t len, px_lexicon *lx)
{
    px_doc d;
    return packed_of(&d, px_doc_build(&d, text, len, lx) == PX_OK);
}

px_doc_packed *px_doc_packed_from_parts(const char *text, size_t len, px_lexicon *lx, px_tokens *tokens,
                                        px_spans *sentences)
{
    px_doc d;
    return packed_of(&d, px_doc_from_parts(&d, text, len, lx, tokens, sentences) == PX_OK);
}

void px_doc_packed_destroy(px_doc_packed *p)
{
    if (!p)
        return;
    px_doc_packed_free(p);
    free(p);
}

int px_doc_packed_tokens_plain(const px_doc_packed *p)
{
    return !px_writes_without_spaces(px_lexicon_lang(p->lexicon));
}
