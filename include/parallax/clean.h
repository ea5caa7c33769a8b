/*
 * parallax/clean.h - the clean stage: what is not the article's own words
 * (notices, navigation, captions, credits, bylines, repeated sentences) is
 * taken out of each article's body, every removal recorded with its reason
 * (docs/cleaning.md).
 *
 * The reader (parallax/read.h) never cleans: a pipeline that wants clean
 * text reads through px_read_clean_paths(), which puts this stage between
 * the reader and the consumer.
 */
#ifndef PARALLAX_CLEAN_H
#define PARALLAX_CLEAN_H

#include "read.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- rules --------------------------------------------------------------- */

typedef struct px_cleaner px_cleaner;

/* Loads the built-in cleaning rules of lang (data/clean/LANG.rules; falls
 * back to "en"). */
int px_cleaner_new(px_cleaner **out, const char *lang, px_error *err);
/* Same from rule text in the format of docs/cleaning.md; name labels
 * error messages ("NAME:LINE: ..."). */
int px_cleaner_new_from_rules(px_cleaner **out, const char *lang, const char *rules,
                              const char *name, px_error *err);
void px_cleaner_free(px_cleaner *c);
/* Removes from a->body (and highlights) the lines that are not the article:
 * notices, navigation, captions, bylines, repeated sentences. Every removal
 * is recorded in a->removed with its reason. */
int px_clean_article(px_cleaner *c, px_article *a);

/* ---- reading clean articles ------------------------------------------------ */

/* px_read_paths() with every article cleaned (with the built-in rules of
 * its language) before fn receives it. Same return value. */
int px_read_clean_paths(const char *const *paths, size_t n, const px_read_opts *o,
                        px_article_fn fn, void *ud);
/* px_read_input() with every article cleaned. */
int px_read_clean_input(px_input *in, const px_read_opts *o, px_article_fn fn, void *ud);

#ifdef __cplusplus
}
#endif
#endif
