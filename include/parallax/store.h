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

#define PX_STORE_SCHEMA_VERSION 5

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
/* Opened with PX_STORE_READONLY (or fell back to it: see px_api_new). */
int px_store_is_readonly(const px_store *s);
const char *px_store_path(const px_store *s);
/* Milliseconds a statement waits for another connection's lock (default
 * 5000). */
void px_store_set_busy_timeout(px_store *s, int ms);

/* ---- writing ----------------------------------------------------------- */

int px_store_begin(px_store *s, px_error *err);
int px_store_commit(px_store *s, px_error *err);
/* Undoes everything since px_store_begin(). Never fails visibly. */
void px_store_rollback(px_store *s);

/* The content hash that makes ingest idempotent: xxh64 (twice, 32 hex
 * digits) over source, title and text. */
void px_store_content_hash(const px_article *a, char out[33]);

/* Stores a. *row receives the article's row id (new or already stored);
 * *added is 1 when it was new, 0 when the same content was stored already.
 * Either may be NULL. */
int px_store_add_article(px_store *s, const px_article *a, int64_t *row, int *added,
                         px_error *err);
/* The same, remembering input_hash (px_store_content_hash of the article as
 * it was read, before template text was removed); px_store_find_input
 * finds the row of an input stored already (0 when none). */
int px_store_add_article_read_as(px_store *s, const px_article *a, const char *input_hash, int64_t *row,
                                 int *added, px_error *err);
int px_store_find_input(px_store *s, const char *input_hash, int64_t *row, px_error *err);

/* Reads the stored article with row id row into a new px_article (NULL in
 * *out and PX_OK when there is none). */
int px_store_get_article(px_store *s, int64_t row, px_article **out, px_error *err);

/* Puts article into the duplicate group whose first member is canonical
 * (creating the group); canonical == article leaves a group of one.
 * relation says how it copies canonical ("exact", "near", "contains";
 * px_dup_relation_name), may be NULL. */
int px_store_set_duplicate(px_store *s, int64_t article, int64_t canonical, const char *relation,
                           px_error *err);

/* The row of the first article of article's duplicate group when article
 * copies it, else 0; relation (may be NULL) receives how it copies it, ""
 * when not known. */
int px_store_duplicate_of(px_store *s, int64_t article, int64_t *canonical, char relation[16], px_error *err);

/* The story whose clusterer key (16 hex digits, parallax/cluster.h story
 * id) is key, created when there is none yet. */
int px_store_story_for_key(px_store *s, const char *key, int64_t *story, px_error *err);
/* The same without creating it: 0 in *story when there is none. */
int px_store_story_by_key(px_store *s, const char *key, int64_t *story, px_error *err);
/* Assigns article to story (an article belongs to at most one story; a
 * second call moves it) and refreshes the story's title, dates and counts. */
int px_store_assign_story(px_store *s, int64_t article, int64_t story, px_error *err);
/* Moves every article of story from into story into (an online merge of
 * the clusterer), removes story from with its analysis, and refreshes
 * into's title, dates and counts. The analysis of into is left as it was:
 * the caller refreshes it. */
int px_store_merge_stories(px_store *s, int64_t from, int64_t into, px_error *err);
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

/* Stores (replacing) the analysis of a story. */
int px_store_put_analysis(px_store *s, int64_t story, const px_stored_analysis *an, px_error *err);
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
int px_store_put_fresh_analysis(px_store *s, int64_t story, const px_stored_analysis *an, int64_t seen_stale,
                                px_error *err);
/* The stories whose analysis is missing or out of date, by row id (*ids is
 * malloc'd); px_store_mark_all_stale flags every story. */
int px_store_stale_stories(px_store *s, int64_t **ids, size_t *n, px_error *err);
int px_store_mark_all_stale(px_store *s, px_error *err);

/* ---- reading ----------------------------------------------------------- */

/* One stored article as the iterators below hand it over; everything is
 * valid during the call only. */
typedef struct px_stored_article {
    int64_t row;           /* article row id */
    int64_t story;         /* story row id, 0 when in none */
    const char *story_key; /* the story's clusterer key, or NULL */
    const px_article *a;
} px_stored_article;

/* Returns 0 to go on, non-zero to stop (the iterator returns PX_ESTOP). */
typedef int (*px_stored_article_fn)(const px_stored_article *sa, void *ud);

/* The articles of the stories still open for new articles: those whose
 * last date is at most window_days before the newest story's, oldest story
 * first, each story's articles in date order. This is what an online
 * clusterer restores when the store is reopened. */
int px_store_each_window_article(px_store *s, double window_days, px_stored_article_fn fn,
                                 void *ud, px_error *err);
/* The articles of the stories that lie within window_days of the dates
 * [lo, hi] (ISO days; their date range overlaps [lo - window, hi +
 * window]) and of the undated stories, oldest story first: what the batch
 * merge at the end of an ingest looks at when the ingest added articles
 * dated lo to hi. */
int px_store_each_article_near(px_store *s, const char *lo, const char *hi, double window_days,
                               px_stored_article_fn fn, void *ud, px_error *err);
/* Up to limit other stories that ended before the day before (ISO) and
 * whose titles best match the words of the story's title (full-text
 * search, any of the words), best first, into ids[] (*n of them): the old
 * stories a merge pass should look at beside the ones near in time. Costs
 * one indexed lookup when no story ended before that day. */
int px_store_related_stories(px_store *s, int64_t story, const char *before, int limit, int64_t *ids, size_t *n,
                             px_error *err);
/* Every article of one story, in date order. */
int px_store_each_article_of(px_store *s, int64_t story, px_stored_article_fn fn, void *ud,
                             px_error *err);
/* Every stored article in row order (export). */
int px_store_each_article(px_store *s, px_stored_article_fn fn, void *ud, px_error *err);

typedef struct px_store_counts {
    long long articles, sources, stories, dup_groups, analyses;
} px_store_counts;
int px_store_counts_get(px_store *s, px_store_counts *c, px_error *err);

/* Each outlet's template text (px_templates): restored into t, and saved
 * from t in place of what was stored (inside px_store_begin/commit). */
int px_store_load_templates(px_store *s, px_templates *t, px_error *err);
int px_store_save_templates(px_store *s, const px_templates *t, px_error *err);
/* The last article row the saved template text learned from. */
int px_store_templates_upto(px_store *s, int64_t *row, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
