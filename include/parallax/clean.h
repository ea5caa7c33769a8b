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

#include "doc.h"
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
/* Sentence pairs the repeat check has compared since the process started
 * (exact and near): a measure of its work for tests and benchmarks. */
unsigned long long px_clean_pairs_compared(void);

/* ---- is it an article? ---------------------------------------------------- */

/* Why a cleaned article is not an article, or NULL when it is one: its
 * title matches a title rule (a search, error or index page: the rule's
 * reason), or cleaning removed more than half of its raw_len bytes of body
 * and left fewer than 40 words ("little-text": a gallery, a promotion). */
const char *px_cleaner_not_article(px_cleaner *c, const px_article *a, size_t raw_len);

/* ---- template text, learned from a corpus ------------------------------- */

/* Lines and sentences that recur, numbers masked, in several articles of
 * one outlet (at least 3, and 1 in 200 of its articles, not all of one
 * story) are its site's template: "Advertisement Continue reading the main
 * story", "Scroll down for video", a copyright line. No language rules;
 * the outlet is the article's source. Memory is bounded by max_lines. */
typedef struct px_templates px_templates;

#define PX_TEMPLATE_DEFAULT_LINES ((size_t)1 << 17)
#define PX_TEMPLATE_SKETCH 8

/* max_lines: how many distinct lines are remembered (0: the default);
 * past it the rarest are forgotten. */
int px_templates_new(px_templates **out, size_t max_lines);
void px_templates_free(px_templates *t);
/* Counts the lines and sentences of a cleaned article under its outlet. */
int px_templates_learn(px_templates *t, const px_article *a);
/* Removes the outlet's template lines and sentences from a->body, each
 * recorded with reason "template"; *removed (may be NULL) counts them. */
int px_templates_apply(const px_templates *t, px_article *a, size_t *removed);
/* A whole corpus at once: learns every article, then cleans every one. */
int px_templates_clean_all(px_article **v, size_t n, size_t max_lines);
/* Lines remembered now (at most max_lines). */
size_t px_templates_size(const px_templates *t);

/* What is remembered, to be stored and restored (the store keeps it). */
typedef struct px_template_line {
    uint64_t outlet, key;          /* hashes of the source and of the line */
    uint32_t articles, others;     /* articles with it; not of the first one's story */
    uint32_t sketch[PX_TEMPLATE_SKETCH]; /* the first article's story sketch */
} px_template_line;
typedef int (*px_template_line_fn)(const px_template_line *l, void *ud);
typedef int (*px_template_outlet_fn)(uint64_t outlet, uint32_t articles, void *ud);
/* Calls outlet_fn for every outlet, then line_fn for every line; a
 * non-zero return stops (PX_ESTOP). */
int px_templates_each(const px_templates *t, px_template_line_fn line_fn,
                      px_template_outlet_fn outlet_fn, void *ud);
int px_templates_restore_outlet(px_templates *t, uint64_t outlet, uint32_t articles);
int px_templates_restore_line(px_templates *t, const px_template_line *l);

/* ---- the document model ---------------------------------------------------- */

/* The last step of cleaning: builds the document model of each article's
 * final body (a->doc, parallax/doc.h) with the lexicon of its language in
 * set, so that grouping and comparing read it instead of tokenising and
 * splitting again; an article the clean stage gave its document
 * (px_clean_opts.lexicons, derived from what cleaning read) keeps it, and
 * only the others are tokenised and split here (--raw, a language cleaned
 * by another's rules). Each is packed as soon as it is built (px_doc_packed):
 * a corpus waiting to be grouped holds about 5 bytes a token, not 40. An
 * article that has one keeps it. set must outlive the
 * articles. PX_ENOMEM. */
int px_clean_attach_docs(px_article *const *v, size_t n, px_lexicons *set);

/* ---- reading clean articles ------------------------------------------------ */

typedef struct px_clean_opts {
    px_templates *templates; /* may be NULL; else every cleaned article is
                                learned, then its outlet's template lines
                                removed (online: an outlet's first articles
                                keep theirs) */
    px_lexicons *lexicons;   /* may be NULL; else each cleaned article gets
                                its document (px_article.doc, built with its
                                language's lexicon from this set) from the
                                tokens and sentences cleaning read, when
                                the cleaner's rules are its language's */
} px_clean_opts;

/* px_read_paths() with every article cleaned (with the built-in rules of
 * its language) before fn receives it; a record that is not an article
 * (px_cleaner_not_article) is reported as a warning and dropped. co may be
 * NULL. Same return value. */
int px_read_clean_paths(const char *const *paths, size_t n, const px_read_opts *o,
                        const px_clean_opts *co, px_article_fn fn, void *ud);

#ifdef __cplusplus
}
#endif
#endif
