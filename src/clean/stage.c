/* stage.c - the clean stage between the reader and a consumer: each article
 * is cleaned with the rules of its language before it is handed on. */
#include <stdio.h>
#include <string.h>

#include "parallax/clean.h"
#include "clean/clean_internal.h"
#include "text/doc_internal.h"

#define MAX_LANGUAGES 8

typedef struct clean_stage {
    const px_read_opts *o;
    px_templates *templates; /* may be NULL */
    px_lexicons *lexicons;   /* may be NULL: no documents */
    px_article_fn next;
    void *next_ud;
    int failures;
    px_cleaner *cleaners[MAX_LANGUAGES]; /* one per language met */
    char lang[MAX_LANGUAGES][16];
    size_t n;
} clean_stage;

static void report(clean_stage *st, px_severity sev, const px_article *a, const char *msg)
{
    if (sev == PX_ERROR)
        st->failures++;
    if (st->o && st->o->diag) {
        px_diag d = {sev, a->input_path ? a->input_path : "-", a->input_line, a->input_offset, msg};
        st->o->diag(&d, st->o->diag_ud);
    }
}

/* The cleaner for the article's language, made on first use; NULL (reported)
 * when it cannot be. */
static px_cleaner *cleaner_for(clean_stage *st, const px_article *a)
{
    const char *lang = a->language ? a->language : "en";
    for (size_t i = 0; i < st->n; i++)
        if (strcmp(st->lang[i], lang) == 0)
            return st->cleaners[i];
    px_cleaner *c = NULL;
    px_error err;
    px_error_clear(&err);
    if (px_cleaner_new(&c, lang, &err) != PX_OK) {
        report(st, PX_WARNING, a, err.msg);
        return NULL;
    }
    if (st->n == MAX_LANGUAGES)
        px_cleaner_free(st->cleaners[--st->n]);
    st->cleaners[st->n] = c;
    snprintf(st->lang[st->n], sizeof st->lang[0], "%s", lang);
    st->n++;
    return c;
}

static void drop_not_article(clean_stage *st, px_article *a, const char *why)
{
    char msg[300];
    snprintf(msg, sizeof msg, "not an article (%s): %.200s", why,
             a->title && *a->title ? a->title : a->id ? a->id : "");
    report(st, PX_WARNING, a, msg);
    px_article_free(a);
}

static int clean_then_next(px_article *a, void *ud)
{
    clean_stage *st = ud;
    px_cleaner *c = cleaner_for(st, a);
    size_t raw_len = a->body ? strlen(a->body) : 0;
    px_lexicon *lx = st->lexicons ? px_lexicons_get(st->lexicons, a->language) : NULL;
    int rc = st->lexicons && !lx ? PX_ENOMEM : c ? px_clean_article_doc(c, a, lx) : PX_OK;
    if (rc == PX_OK && st->templates && px_templates_learn_apply(st->templates, a, NULL))
        rc = PX_ENOMEM;
    if (rc != PX_OK) {
        report(st, PX_ERROR, a, "out of memory");
        px_article_free(a);
        return 0;
    }
    const char *why = c ? px_cleaner_not_article(c, a, raw_len) : NULL;
    if (why) {
        drop_not_article(st, a, why);
        return 0;
    }
    return st->next(a, st->next_ud);
}

static int finish(clean_stage *st, int rc)
{
    for (size_t i = 0; i < st->n; i++)
        px_cleaner_free(st->cleaners[i]);
    return rc == PX_ESTOP ? rc : rc + st->failures;
}

int px_clean_attach_docs(px_article *const *v, size_t n, px_lexicons *set)
{
    for (size_t i = 0; i < n; i++) {
        px_article *a = v[i];
        if (a->doc)
            continue;
        px_lexicon *lx = px_lexicons_get(set, a->language);
        const char *body = a->body ? a->body : "";
        if (!lx || !(a->doc = px_doc_packed_new(body, strlen(body), lx)))
            return PX_ENOMEM;
        a->doc_free = px_doc_packed_destroy;
    }
    return PX_OK;
}

int px_read_clean_paths(const char *const *paths, size_t n, const px_read_opts *o,
                        const px_clean_opts *co, px_article_fn fn, void *ud)
{
    clean_stage st = {.o = o,
                      .templates = co ? co->templates : NULL,
                      .lexicons = co ? co->lexicons : NULL,
                      .next = fn,
                      .next_ud = ud};
    return finish(&st, px_read_paths(paths, n, o, clean_then_next, &st));
}

int px_read_clean_input(px_input *in, const px_read_opts *o, const px_clean_opts *co,
                        px_article_fn fn, void *ud)
{
    clean_stage st = {.o = o,
                      .templates = co ? co->templates : NULL,
                      .lexicons = co ? co->lexicons : NULL,
                      .next = fn,
                      .next_ud = ud};
    return finish(&st, px_read_input(in, o, clean_then_next, &st));
}
