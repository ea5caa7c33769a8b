/*
 * parallax/dedup.h - copies: exact duplicates, near-duplicates and articles
 * that embed another one whole (syndication, trimmed or padded wire copy).
 *
 * The deduper is online: articles are added one at a time, in input order,
 * and each is compared with the articles kept in its window (the last
 * px_dedup_opts.window articles, so memory stays bounded on any stream).
 *
 *  - exact: the xxHash64 of the body, folded (px_fold) and with every run
 *    of white space made one space, equals that of an earlier article;
 *  - near: MinHash signatures over word shingles (px_dedup_opts.shingle
 *    consecutive folded word/number tokens) bucketed by LSH bands give the
 *    candidates; the Jaccard similarity of the two exact shingle sets is at
 *    least near_threshold;
 *  - contains: one shingle set lies inside the other for at least
 *    contain_threshold of its shingles (|A n B| / |A|), in either direction:
 *    a trimmed copy inside its original, or an original embedded in a page.
 *
 * The representative of a group is its first article in input order; a copy
 * of a copy joins the group of the article it matched. Empty bodies and
 * bodies with fewer than min_tokens tokens only ever match exactly (and an
 * empty body never matches).
 */
#ifndef PARALLAX_DEDUP_H
#define PARALLAX_DEDUP_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum px_dup_relation {
    PX_DUP_NONE = 0,   /* not a copy: the article represents its own group */
    PX_DUP_EXACT,      /* same normalised body */
    PX_DUP_NEAR,       /* Jaccard of shingle sets >= near_threshold */
    PX_DUP_CONTAINS    /* one shingle set inside the other >= contain_threshold */
} px_dup_relation;

/* "exact", "near", "contains" or "none". */
const char *px_dup_relation_name(px_dup_relation r);

typedef struct px_dedup_opts {
    unsigned shingle;          /* tokens per shingle (default 5) */
    unsigned bands, rows;      /* LSH: bands x rows MinHash values (default 32 x 4,
                                  so pairs with Jaccard 0.3 are candidates with
                                  probability 0.23 and with 0.5 with 0.87; see
                                  docs/dedup.md for why containment still works) */
    double near_threshold;     /* Jaccard for "near" (default 0.5) */
    double contain_threshold;  /* containment for "contains" (default 0.8) */
    unsigned min_tokens;       /* shorter bodies match only exactly (default 20) */
    size_t window;             /* articles kept for comparison (default 25000) */
    const char *language;      /* reserved; "en" */
} px_dedup_opts;

void px_dedup_opts_default(px_dedup_opts *o);

/* What px_dedup_add found for one article. */
typedef struct px_dup_match {
    px_dup_relation relation;
    uint64_t group;          /* group number: the input position (0-based) of
                                the representative */
    size_t matched;          /* input position of the article it matched
                                (itself when relation is NONE) */
    double similarity;       /* 1 for exact, Jaccard for near, containment for
                                contains, 0 for none */
} px_dup_match;

typedef struct px_deduper px_deduper;

/* opts may be NULL for the defaults. */
int px_deduper_new(px_deduper **out, const px_dedup_opts *opts, px_error *err);
void px_deduper_free(px_deduper *d);

/* Compares a->body with the window and adds it. Articles are numbered by
 * the order they are added, from 0. */
int px_dedup_add(px_deduper *d, const px_article *a, px_dup_match *out);

/* Same for a bare text (the body of an article). */
int px_dedup_add_text(px_deduper *d, const char *text, size_t len, px_dup_match *out);

/* A memo of what reading bodies gave (their shingles and signatures),
 * kept across dedupers: a deduper that uses it reads a body it holds (the
 * same text) without normalising, shingling or signing it again, with the
 * same matches. For the store's ingests, which read the stored articles
 * near their own back at every start. It always holds the readings of the
 * last `readings` bodies it kept (0: 100,000) and at most a quarter more,
 * and at most max_values 32-bit values (0: 16 M, 64 MB): past either bound
 * the oldest readings go. It serves the dedupers with the shingle and
 * signature sizes of the first one that used it (the others read as
 * without it). Only px_dedup_add and px_dedup_add_text use it. One memo
 * per thread. */
typedef struct px_dedup_memo px_dedup_memo;
px_dedup_memo *px_dedup_memo_new(size_t max_values, size_t readings);
void px_dedup_memo_free(px_dedup_memo *m);
/* Bodies whose reading it holds (tests, stats). */
size_t px_dedup_memo_readings(const px_dedup_memo *m);
/* m NULL: read without a memo. m must outlive its use by d. */
void px_deduper_use_memo(px_deduper *d, px_dedup_memo *m);

/* Exact shingle-set similarities of two texts, computed the way the deduper
 * does (for tests and tools): Jaccard and the containment of a in b and of b
 * in a. Returns PX_OK or PX_ENOMEM. */
int px_dedup_compare(const char *a, size_t alen, const char *b, size_t blen,
                     const px_dedup_opts *opts, double *jaccard, double *a_in_b,
                     double *b_in_a);

/* Articles added so far. */
size_t px_deduper_count(const px_deduper *d);

/* What the deduper holds, to check that memory follows the window. */
typedef struct px_dedup_stats {
    uint64_t articles;       /* added so far */
    size_t window_articles;  /* held in the window (at most opts.window) */
    size_t window_shingles;  /* shingles held for them */
    size_t table_entries;    /* LSH/exact table entries, dead ones included */
    size_t live_entries;     /* of which in the window */
    size_t table_slots;      /* slots of the key table */
} px_dedup_stats;

void px_deduper_stats(const px_deduper *d, px_dedup_stats *out);

#ifdef __cplusplus
}
#endif
#endif
