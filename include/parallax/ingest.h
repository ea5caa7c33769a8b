/*
 * parallax/ingest.h - adding articles to the store incrementally.
 *
 * Each new article is stored, compared with the recent ones for copies
 * (parallax/dedup.h: a copy joins the duplicate group and the story of the
 * article it copies) and otherwise given to the online story clusterer
 * (parallax/cluster.h), which puts it in the best open story or starts one.
 * On px_ingest_new the clusterer is restored from the store: the articles
 * of the stories still inside the clusterer's window go back into their
 * stories, so clustering goes on across runs as if it had never stopped.
 * An article whose content is stored already is skipped (idempotent).
 * When an article brings two open stories close enough, the clusterer
 * merges them online (cluster.h, active_merge_threshold) and the store
 * follows in the same transaction: the newer story's articles move to the
 * older one, the newer story's row and analysis are removed (its id is
 * then unknown to the queries), and the older one counts as touched.
 *
 * Writes go in transactions of `batch` articles. A crash loses at most the
 * batch in progress; everything committed stays. px_ingest_finish()
 * commits the rest, merges the stored stories of the window that the
 * clusterer's batch pass puts together, and then refreshes the analysis
 * (parallax/analysis.h) of every story that received new articles, once
 * per story and ingest, unless no_analyze is set.
 */
#ifndef PARALLAX_INGEST_H
#define PARALLAX_INGEST_H

#include "cluster.h"
#include "dedup.h"
#include "read.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_ingest_stats {
    long long seen;      /* articles handed to px_ingest_add */
    long long added;     /* new articles stored */
    long long already;   /* articles whose content was stored already */
    long long batches;   /* transactions committed */
    long long copies;    /* new articles that copy another one */
    long long stories;   /* stories that received new articles */
    long long new_stories; /* of which started in this ingest */
    long long merged;    /* stored stories merged into another one */
    long long restored;  /* articles put back into the clusterer on open */
    long long analyzed;  /* stories whose analysis was refreshed */
} px_ingest_stats;

/* Called after each committed batch with the totals so far. */
typedef void (*px_ingest_commit_fn)(const px_ingest_stats *st, void *ud);

typedef struct px_ingest_opts {
    size_t batch;                /* articles per transaction; 0 = 500 */
    double window_days;          /* clusterer window; 0 = its default */
    uint64_t window_articles;    /* the clusterer's window of stories with
                                    no dated article, in articles (cluster.h,
                                    article ids as arrival positions); 0 =
                                    its default */
    size_t dedup_window;         /* articles the deduper compares a new one
                                    with (dedup.h); 0 = its default */
    int no_analyze;              /* leave the stories' analyses as they are */
    double active_merge_threshold; /* least similarity to merge two open
                                    stories online (cluster.h); 0 = the
                                    clusterer's default, < 0 = never */
    double final_merge_threshold; /* at finish, the clusterer's batch merge
                                    (px_cluster_batch) runs over the stories
                                    of the window and the stored stories it
                                    puts together are merged; its merge
                                    threshold, 0 = the clusterer's default
                                    (0.05), < 0 = no batch merge */
    px_progress_fn analyze_progress; /* after each analysis: stories done, total */
    void *analyze_ud;
    px_ingest_commit_fn on_commit;
    void *commit_ud;
    /* One ingest at a time per database (a lock file beside it, DB-ingest.lock):
     * a second waits for the first, calling on_lock_wait once before it
     * does, or fails at once ("another ingest is running") with lock_no_wait. */
    int lock_no_wait;
    void (*on_lock_wait)(const char *db, void *ud);
    void *lock_wait_ud;
    /* What reading the articles gave the deduper and the clusterer, kept
     * for the next read of the same articles (dedup.h, cluster.h): an
     * ingest reads the stored articles near its own back at its start and
     * at its batch merge. NULL: the ingest keeps one of its own (the
     * clusterer's reading of the last window_articles articles and more
     * recent ones); a caller that runs ingests one after another (a
     * worker) gives one that outlives them. */
    struct px_ingest_memo *memo;
} px_ingest_opts;

/* The memos of an ingest's deduper and clusterer (px_ingest_opts.memo). */
typedef struct px_ingest_memo {
    px_dedup_memo *dedup;
    px_cluster_memo *cluster;
} px_ingest_memo;

/* NULL when out of memory. */
px_ingest_memo *px_ingest_memo_new(void);
void px_ingest_memo_free(px_ingest_memo *m);

typedef struct px_ingest px_ingest;

/* Starts an ingest into s (which must stay open until px_ingest_free). */
int px_ingest_new(px_ingest **out, px_store *s, const px_ingest_opts *o, px_error *err);
/* Stores a (ownership passes to the ingest, whatever the result); *row
 * (may be NULL) receives its row id, new or already stored. */
int px_ingest_add(px_ingest *g, px_article *a, int64_t *row, px_error *err);
/* Commits the last batch, runs the batch merge over the window (unless
 * final_merge_threshold < 0; stored in its own transaction), then
 * refreshes the analyses of the stories that received new articles (each
 * write its own transaction). It ends the ingest: afterwards only the
 * stats, the touched list and px_ingest_free remain. */
int px_ingest_finish(px_ingest *g, px_error *err);
const px_ingest_stats *px_ingest_stats_of(const px_ingest *g);
/* Calls fn with the row id of each story that received new articles or
 * took in a merged story, in the order they first did (a story merged
 * away is left out), until fn returns nonzero (then PX_ESTOP). PX_EIO
 * when the older part of the list, kept in a temporary file, cannot be
 * read back. */
int px_ingest_each_touched(const px_ingest *g, int (*fn)(int64_t story, void *ud), void *ud);
/* Refreshes the analysis of every stale story (those an interrupted ingest
 * or --no-analyze left; with all, every story) under the ingest lock;
 * *done counts them. */
int px_ingest_reanalyze(px_store *s, const px_ingest_opts *o, int all, long long *done, px_error *err);
/* Rolls back an unfinished batch and frees g. */
void px_ingest_free(px_ingest *g);

#ifdef __cplusplus
}
#endif
#endif
