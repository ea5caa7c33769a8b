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
    if (rc == PX_OK && !(d->tok = malloc((d->tokens.n + 1) * sizeof *d->tok)))
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

const char *px_doc_form(const px_doc *d, size_t token, size_t *len)
{
    uint32_t f = d->tok[token].form;
    if (f == PX_NO_TERM) {
        *len = 0;
        return NULL;
    }
    return px_lexicon_form(d->lexicon, f, len);
}

int px_doc_tokens_plain(const px_doc *d) { return !px_writes_without_spaces(px_lexicon_lang(d->lexicon)); }

px_doc *px_doc_new(const char *text, size_t len, px_lexicon *lx)
{
    px_doc *d = malloc(sizeof *d);
    if (d && px_doc_build(d, text, len, lx) != PX_OK) {
        free(d);
        return NULL;
    }
    return d;
}

void px_doc_destroy(px_doc *d)
{
    if (!d)
        return;
    px_doc_free(d);
    free(d);
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
