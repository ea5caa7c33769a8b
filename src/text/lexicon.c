/* lexicon.c - word forms of one language, each lower-cased, classed and
 * stemmed once (parallax/doc.h). */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/map.h"
#include "parallax/doc.h"
#include "text/doc_internal.h"

typedef struct form_info {
    uint32_t term;
    unsigned wclass;
} form_info;

struct px_lexicon {
    char lang[8];
    px_stemmer *stemmer;   /* NULL when Snowball has none for lang */
    px_map written;        /* token bytes as written -> written id */
    uint32_t *written_form;/* written id -> form id */
    size_t written_cap;
    px_map forms;          /* lower-case form -> form id */
    form_info *info;       /* form id -> term and classes */
    size_t info_cap;
    px_map terms;          /* term text -> term id */
    unsigned char *term_number;
    size_t term_cap;
};

px_lexicon *px_lexicon_new(const char *lang)
{
    px_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->lang[0] = 'e';
    lx->lang[1] = 'n';
    if (lang && lang[0] && lang[1]) {
        lx->lang[0] = (char)(lang[0] | 0x20);
        lx->lang[1] = (char)(lang[1] | 0x20);
    }
    lx->stemmer = px_stemmer_new(lx->lang);
    return lx;
}

const char *px_lexicon_lang(const px_lexicon *lx) { return lx->lang; }

void px_lexicon_free(px_lexicon *lx)
{
    if (!lx)
        return;
    px_stemmer_free(lx->stemmer);
    px_map_free(&lx->written);
    px_map_free(&lx->forms);
    px_map_free(&lx->terms);
    free(lx->written_form);
    free(lx->info);
    free(lx->term_number);
    free(lx);
}

size_t px_lexicon_forms(const px_lexicon *lx) { return lx->forms.n; }
const char *px_lexicon_term(const px_lexicon *lx, uint32_t term) { return px_map_key(&lx->terms, term); }
int px_lexicon_term_is_number(const px_lexicon *lx, uint32_t term) { return lx->term_number[term]; }

const char *px_lexicon_form(const px_lexicon *lx, uint32_t form, size_t *len)
{
    if (len)
        *len = px_map_len(&lx->forms, form);
    return px_map_key(&lx->forms, form);
}

/* Lower-case (folding non-ASCII) without a possessive "'s" or "'". */
static char *lower_form(const char *w, size_t len, size_t *out_len)
{
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)w[i] < 0x80;
    char *f = ascii ? px_strndup(w, len) : px_fold(w, len);
    if (!f)
        return NULL;
    size_t n = strlen(f);
    if (ascii)
        for (size_t i = 0; i < n; i++)
            if (f[i] >= 'A' && f[i] <= 'Z')
                f[i] = (char)(f[i] + 32);
    if (n > 2 && f[n - 2] == '\'' && f[n - 1] == 's')
        n -= 2;
    else if (n > 1 && f[n - 1] == '\'')
        n -= 1;
    f[n] = '\0';
    *out_len = n;
    return f;
}

static int has_letter(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80 || ((ch | 32) >= 'a' && (ch | 32) <= 'z'))
            return 1;
    }
    return 0;
}

static uint32_t intern_term(px_lexicon *lx, const char *t, size_t len, int is_number)
{
    int added = 0;
    uint32_t id = px_map_intern(&lx->terms, t, len, &added);
    if (id == PX_MAP_NONE)
        return PX_NO_TERM;
    if (added) {
        if (px_grow(&lx->term_number, &lx->term_cap, (size_t)id + 1, 1, 256, 0) != PX_OK)
            return PX_NO_TERM;
        lx->term_number[id] = (unsigned char)is_number;
    }
    return id;
}

/* Classes and term of a new lower-case form. */
static int classify(px_lexicon *lx, const char *f, size_t n, int is_number, form_info *fi)
{
    fi->term = PX_NO_TERM;
    fi->wclass = is_number ? PX_WC_NUMBER : 0;
    if (!is_number && px_is_stopword(lx->lang, f, n))
        fi->wclass |= PX_WC_STOPWORD;
    if (n == 0 || (!is_number && (n < 2 || !has_letter(f, n) || (fi->wclass & PX_WC_STOPWORD))))
        return PX_OK;
    size_t sl = n;
    const char *stem = !is_number && lx->stemmer ? px_stem(lx->stemmer, f, n, &sl) : f;
    if (!stem) {
        stem = f;
        sl = n;
    }
    fi->term = intern_term(lx, stem, sl, is_number);
    if (fi->term == PX_NO_TERM)
        return PX_ENOMEM;
    fi->wclass |= PX_WC_TERM;
    return PX_OK;
}

/* The form id of a lower-case form, classified when new. */
static uint32_t form_of(px_lexicon *lx, const char *f, size_t n, int is_number)
{
    int added = 0;
    uint32_t id = px_map_intern(&lx->forms, f, n, &added);
    if (id == PX_MAP_NONE || !added)
        return id;
    if (px_grow(&lx->info, &lx->info_cap, (size_t)id + 1, sizeof *lx->info, 256, 0) != PX_OK ||
        classify(lx, f, n, is_number, &lx->info[id]) != PX_OK)
        return PX_MAP_NONE;
    return id;
}

/* The form id of a token as written: one hashed lookup once seen. */
uint32_t px_lexicon_form_id(px_lexicon *lx, const char *w, size_t len, int is_number)
{
    int added = 0;
    uint32_t wid = px_map_intern(&lx->written, w, len, &added);
    if (wid == PX_MAP_NONE)
        return PX_NO_TERM;
    if (!added)
        return lx->written_form[wid];
    if (px_grow(&lx->written_form, &lx->written_cap, (size_t)wid + 1, sizeof *lx->written_form, 256, 0))
        return PX_NO_TERM;
    size_t n = 0;
    char *f = lower_form(w, len, &n);
    uint32_t form = f ? form_of(lx, f, n, is_number) : PX_MAP_NONE;
    free(f);
    lx->written_form[wid] = form == PX_MAP_NONE ? PX_NO_TERM : form;
    return lx->written_form[wid];
}

uint32_t px_lexicon_form_term(const px_lexicon *lx, uint32_t form) { return lx->info[form].term; }
unsigned px_lexicon_form_class(const px_lexicon *lx, uint32_t form) { return lx->info[form].wclass; }

uint32_t px_lexicon_term_of(px_lexicon *lx, const char *word, size_t len, int is_number)
{
    uint32_t form = px_lexicon_form_id(lx, word, len, is_number);
    return form == PX_NO_TERM ? PX_NO_TERM : lx->info[form].term;
}
