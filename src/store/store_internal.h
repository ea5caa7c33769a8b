/* store_internal.h - what parallax/store.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_STORE_STORE_INTERNAL_H
#define PARALLAX_STORE_STORE_INTERNAL_H

#include "parallax/ingest.h"
#include "parallax/links.h"
#include "parallax/store.h"

/* One ingest at a time per store (SQLite: flock(2) on DB-ingest.lock;
 * PostgreSQL: a session advisory lock), released when the holder exits or
 * dies. Waits for the holder, calling on_wait(db, ud) once first, or fails
 * at once ("another ingest is running") with no_wait. */
int px_store_lock_ingest(px_store *s, int no_wait, void (*on_wait)(const char *db, void *ud), void *ud,
                         px_error *err);
void px_store_unlock_ingest(px_store *s);

/* Undoes everything since px_store_begin(). Never fails visibly. */
void px_store_rollback(px_store *s);

/* The content hash that makes ingest idempotent: xxh64 (twice, 32 hex
 * digits) over source, title and text. */
void px_store_content_hash(const px_article *a, char out[33]);

/* px_store_add_article, remembering input_hash (px_store_content_hash of
 * the article as it was read, before template text was removed);
 * px_store_find_input finds the row of an input stored already (0 when
 * none). */
int px_store_add_article_read_as(px_store *s, const px_article *a, const char *input_hash, int64_t *row,
                                 int *added, px_error *err);

int px_store_find_input(px_store *s, const char *input_hash, int64_t *row, px_error *err);

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

/* Stores (replacing) the analysis of a story. */
int px_store_put_analysis(px_store *s, int64_t story, const px_stored_analysis *an, px_error *err);

int px_store_put_fresh_analysis(px_store *s, int64_t story, const px_stored_analysis *an, int64_t seen_stale,
                                px_error *err);

/* Related stories in other languages (parallax/links.h, docs/links.md).
 * px_store_each_evidence_near calls fn with the stored evidence (the text
 * of px_story_evidence_to_text) of every other story of another language
 * whose publication days come within [lo, hi]; px_store_put_links stores
 * story's evidence e (as text) and replaces every link of story, both
 * directions, by the ones given, in one transaction. */
typedef int (*store_evidence_fn)(int64_t other, const char *text, void *ud);
int px_store_each_evidence_near(px_store *s, int64_t story, const char *lang, long lo, long hi,
                                store_evidence_fn fn, void *ud, px_error *err);
int px_store_put_links(px_store *s, int64_t story, const px_story_evidence *e, const char *text,
                       const int64_t *others, const double *scores, size_t n, px_error *err);

/* The stories whose analysis is missing or out of date, by row id (*ids is
 * malloc'd); px_store_mark_all_stale flags every story. */
int px_store_stale_stories(px_store *s, int64_t **ids, size_t *n, px_error *err);

int px_store_mark_all_stale(px_store *s, px_error *err);

/* The articles of the stories still open for new articles: those whose
 * last date is at most window_days before the newest story's, and the
 * undated ones (no dated article) holding one of the window_articles
 * newest placed articles or the newest (all of them when 0: the
 * clusterer's px_cluster_opts.window_articles, article ids as arrival
 * positions), oldest story first, each story's articles in date order
 * (what the batch merge at the end of an ingest reads). */
int px_store_each_window_article(px_store *s, double window_days, uint64_t window_articles,
                                 px_stored_article_fn fn, void *ud, px_error *err);

/* The same articles in the order they were stored: what an online
 * clusterer replays when the store is reopened, so that each article's
 * weights see the same corpus counts as when it was first placed. The
 * undated window counts back from row upto when it is below the newest
 * placed article: the stories open when an unfinished ingest (whose
 * articles come after upto) began, and every story it touched. */
int px_store_each_window_article_in_order(px_store *s, double window_days, uint64_t window_articles,
                                          int64_t upto, px_stored_article_fn fn, void *ud, px_error *err);

/* The articles of the stories that lie within window_days of the dates
 * [lo, hi] (ISO days; their date range overlaps [lo - window, hi +
 * window]) and of the undated stories still open (as above), oldest story
 * first: what the batch
 * merge at the end of an ingest looks at when the ingest added articles
 * dated lo to hi. */
int px_store_each_article_near(px_store *s, const char *lo, const char *hi, double window_days,
                               uint64_t window_articles, px_stored_article_fn fn, void *ud, px_error *err);

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

/* Each outlet's template text (px_templates): restored into t, and saved
 * from t in place of what was stored (inside px_store_begin/commit). */
int px_store_load_templates(px_store *s, px_templates *t, px_error *err);
int px_store_save_templates(px_store *s, const px_templates *t, px_error *err);
/* The last article row the saved template text learned from. */
int px_store_templates_upto(px_store *s, int64_t *row, px_error *err);

/* What an ingest holds that could grow with its input, to check that it
 * follows the windows instead (tests). */
typedef struct px_ingest_held {
    size_t memo_readings;       /* articles the clusterer's reading memo holds */
    size_t memo_terms;          /* and their distinct terms */
    size_t dedup_memo_readings; /* bodies the deduper's memo holds */
    size_t positions;           /* deduper positions remembered for copies */
    size_t touched;             /* entries of the touched-stories list in memory */
    uint64_t touched_spilled;   /* and in its temporary file */
} px_ingest_held;
void px_ingest_held_of(const px_ingest *g, px_ingest_held *out);

#endif
