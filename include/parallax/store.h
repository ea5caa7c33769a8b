/*
 * parallax/store.h - the embedded SQLite store: sources, articles (all
 * metadata, cleaned text, what cleaning removed), duplicate groups, stories,
 * the articles of each story and each story's analysis, with full-text
 * search over titles and texts (FTS5, porter + unicode61).
 *
 * One database file, WAL journal, foreign keys on, a busy timeout so that a
 * locked database is an error after a bounded wait, never a hang. The schema is versioned with
 * PRAGMA user_version and migrated on open (docs/store.md).
 *
 * Writes happen inside px_store_begin()/px_store_commit(): callers group
 * many articles into one transaction; a crash loses at most the batch that
 * was not committed. Re-adding an article whose content hash is stored
 * already does nothing (idempotent ingest).
 *
 * The queries that answer in the JSON shapes of docs/api.md (search, story
 * lists, one story, one article) are the command line's and the web API's:
 * src/store/queries.h.
 */
#ifndef PARALLAX_STORE_H
#define PARALLAX_STORE_H

#include <stdint.h>

#include "article.h"
#include "clean.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_STORE_SCHEMA_VERSION 8

typedef struct px_store px_store;

enum {
    PX_STORE_READONLY = 1 << 0, /* open an existing database without writing */
};

/* Opens (creating when needed, unless PX_STORE_READONLY) and migrates the
 * database at path (":memory:" for a private in-memory one). A file that is
 * not a parallax database, a corrupt one, or one locked by another writer
 * past busy_ms milliseconds is an error naming the file. */
int px_store_open(px_store **out, const char *path, int flags, px_error *err);
/* The same with the lock wait given in milliseconds (px_store_open waits
 * 5000). */
int px_store_open_wait(px_store **out, const char *path, int flags, int busy_ms, px_error *err);
void px_store_close(px_store *s);
const char *px_store_path(const px_store *s);

/* ---- writing ----------------------------------------------------------- */

int px_store_begin(px_store *s, px_error *err);
int px_store_commit(px_store *s, px_error *err);

/* Stores a. *row receives the article's row id (new or already stored);
 * *added is 1 when it was new, 0 when the same content was stored already.
 * Either may be NULL. */
int px_store_add_article(px_store *s, const px_article *a, int64_t *row, int *added,
                         px_error *err);

/* Reads the stored article with row id row into a new px_article (NULL in
 * *out and PX_OK when there is none). */
int px_store_get_article(px_store *s, int64_t row, px_article **out, px_error *err);

/* The analysis of one story (parallax/analysis.h computes it): the STORY
 * object of docs/report-schema.md as JSON, and the same report rendered
 * for the terminal (no colours) and as an HTML page. */
typedef struct px_stored_analysis {
    char *report;  /* required */
    char *text;    /* may be NULL */
    char *html;    /* may be NULL */
    char *updated; /* when it was stored (UTC, ISO 8601); set by reads only */
    char *headline; /* the report's headline (summary.h); when set, storing
                       the analysis makes it the story's title. Not read back */
} px_stored_analysis;

/* Reads the stored analysis of a story into *out (all NULL and PX_OK when
 * there is none); free it with px_stored_analysis_free. */
int px_store_get_analysis(px_store *s, int64_t story, px_stored_analysis *out, px_error *err);
void px_stored_analysis_free(px_stored_analysis *an);

/* Durable analyses: every change to a story (an article assigned, a story
 * merged in) raises its stale count in the same transaction. *stale is the
 * count now (0: the stored analysis is current); px_store_put_fresh_analysis
 * stores an analysis made after reading seen_stale and clears the count
 * only when nothing changed since, in one transaction. */
int px_store_story_stale(px_store *s, int64_t story, int64_t *stale, px_error *err);

/* ---- reading ----------------------------------------------------------- */

/* One stored article as the iterators below hand it over; everything is
 * valid during the call only. */
typedef struct px_stored_article {
    int64_t row;           /* article row id */
    int64_t story;         /* story row id, 0 when in none */
    const char *story_key; /* the story's clusterer key, or NULL */
    int is_copy;           /* a duplicate of an earlier article (dup_relation) */
    const px_article *a;
} px_stored_article;

/* Returns 0 to go on, non-zero to stop (the iterator returns PX_ESTOP). */
typedef int (*px_stored_article_fn)(const px_stored_article *sa, void *ud);

/* Every stored article in row order (export). */
int px_store_each_article(px_store *s, px_stored_article_fn fn, void *ud, px_error *err);

typedef struct px_store_counts {
    long long articles, sources, stories, dup_groups, analyses;
} px_store_counts;
int px_store_counts_get(px_store *s, px_store_counts *c, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
