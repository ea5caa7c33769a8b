/* backend.h - the store interface that each database implements: SQLite
 * (store.c, the embedded default) and PostgreSQL (pg.c, a shared server).
 * px_store_open_wait picks the implementation from the database name and
 * every px_store_* function dispatches through the table below
 * (backend.c); nothing else looks at which database is behind a store.
 * Not installed. */
#ifndef PARALLAX_STORE_BACKEND_H
#define PARALLAX_STORE_BACKEND_H

#include "store/queries.h"
#include "store/queue.h"
#include "store/store_internal.h"

typedef struct px_store_backend px_store_backend;

/* What every implementation's handle starts with. */
struct px_store {
    const px_store_backend *ops;
    char *path;   /* as given; a PostgreSQL URL without its password */
    int readonly;
};

struct px_store_backend {
    void (*close)(px_store *s);
    int (*begin)(px_store *s, px_error *err);
    int (*commit)(px_store *s, px_error *err);
    void (*rollback)(px_store *s);
    int (*lock_ingest)(px_store *s, int no_wait, void (*on_wait)(const char *db, void *ud), void *ud,
                       px_error *err);
    void (*unlock_ingest)(px_store *s);
    int (*add_article)(px_store *s, const px_article *a, const char *input_hash, int64_t *row, int *added,
                       px_error *err);
    int (*find_input)(px_store *s, const char *input_hash, int64_t *row, px_error *err);
    int (*get_article)(px_store *s, int64_t row, px_article **out, px_error *err);
    int (*get_analysis)(px_store *s, int64_t story, px_stored_analysis *out, px_error *err);
    int (*story_stale)(px_store *s, int64_t story, int64_t *stale, px_error *err);
    int (*put_analysis)(px_store *s, int64_t story, const px_stored_analysis *an, px_error *err);
    int (*put_fresh_analysis)(px_store *s, int64_t story, const px_stored_analysis *an, int64_t seen_stale,
                              px_error *err);
    int (*stale_stories)(px_store *s, int64_t **ids, size_t *n, px_error *err);
    int (*mark_all_stale)(px_store *s, px_error *err);
    int (*set_duplicate)(px_store *s, int64_t article, int64_t canonical, const char *relation, px_error *err);
    int (*duplicate_of)(px_store *s, int64_t article, int64_t *canonical, char relation[16], px_error *err);
    int (*story_for_key)(px_store *s, const char *key, int create, int64_t *story, px_error *err);
    int (*assign_story)(px_store *s, int64_t article, int64_t story, px_error *err);
    int (*merge_stories)(px_store *s, int64_t from, int64_t into, px_error *err);
    int (*each_article)(px_store *s, px_stored_article_fn fn, void *ud, px_error *err);
    int (*each_article_of)(px_store *s, int64_t story, px_stored_article_fn fn, void *ud, px_error *err);
    int (*each_window_article)(px_store *s, double window_days, uint64_t window_articles,
                               px_stored_article_fn fn, void *ud, px_error *err);
    int (*each_window_article_in_order)(px_store *s, double window_days, uint64_t window_articles, int64_t upto,
                                        px_stored_article_fn fn, void *ud, px_error *err);
    int (*each_article_near)(px_store *s, const char *lo, const char *hi, double window_days,
                             uint64_t window_articles, px_stored_article_fn fn, void *ud, px_error *err);
    int (*related_stories)(px_store *s, int64_t story, const char *before, int limit, int64_t *ids, size_t *n,
                           px_error *err);
    int (*counts)(px_store *s, px_store_counts *c, px_error *err);
    int (*load_templates)(px_store *s, px_templates *t, px_error *err);
    int (*save_templates)(px_store *s, const px_templates *t, px_error *err);
    int (*templates_upto)(px_store *s, int64_t *row, px_error *err);
    int (*search)(px_store *s, const px_search_query *q, cJSON **out, px_error *err);
    int (*sources)(px_store *s, cJSON **out, px_error *err);
    int (*stories)(px_store *s, const px_story_query *q, cJSON **out, px_error *err);
    int (*story_summary)(px_store *s, int64_t story, cJSON **out, px_error *err);
    int (*story_articles)(px_store *s, int64_t story, cJSON *list, px_error *err);
    /* related stories in other languages (store_internal.h) */
    int (*each_evidence_near)(px_store *s, int64_t story, const char *lang, long lo, long hi,
                              store_evidence_fn fn, void *ud, px_error *err);
    int (*put_links)(px_store *s, int64_t story, const px_story_evidence *e, const char *text,
                     const int64_t *others, const double *scores, size_t n, px_error *err);
    int (*story_links)(px_store *s, int64_t story, cJSON **out, px_error *err);
    int (*article_json)(px_store *s, int64_t row, cJSON **out, px_error *err);
    /* the work queue (queue.h); NULL where the database has none */
    int (*enqueue)(px_store *s, const char *path, int *added, px_error *err);
    int (*claim_work)(px_store *s, const char *worker, int lease_s, px_work_item *item, px_error *err);
    int (*renew_work)(px_store *s, int64_t id, const char *worker, int lease_s, px_error *err);
    int (*work_turn)(px_store *s, int64_t id, int *turn, px_error *err);
    int (*release_work)(px_store *s, int64_t id, px_error *err);
    int (*finish_work)(px_store *s, int64_t id, const char *failure, long long articles, px_error *err);
    int (*work_queue)(px_store *s, cJSON **out, px_error *err);
    /* a database server's connection (queue.h); NULL for an embedded file */
    int (*lost)(px_store *s);
    int (*reconnect)(px_store *s, px_error *err);
};

/* The implementations' openers: path is the name as given. */
int px_sqlite_store_open(px_store **out, const char *path, int flags, int busy_ms, px_error *err);
int px_pg_store_open(px_store **out, const char *url, int flags, int busy_ms, px_error *err);

/* 1 when name is a PostgreSQL connection URL (postgresql:// or
 * postgres://). */
int px_store_is_pg_url(const char *name);

/* ---- what both implementations share ---------------------------------- */

/* One result row, read column by column, whatever the database. */
typedef struct store_row {
    const char *(*text)(const struct store_row *r, int col); /* NULL for SQL NULL */
    int (*is_null)(const struct store_row *r, int col);
    int64_t (*int64)(const struct store_row *r, int col);
    double (*dbl)(const struct store_row *r, int col);
    size_t (*bytes)(const struct store_row *r, int col);
    const void *impl;
    int index;
} store_row;

/* The article of a row of the columns a.ext_id, source name, key, leaning,
 * country, url, title, authors, date, language, highlights, text, removed,
 * extra, input_path, input_line, input_offset (ARTICLE_COLUMNS). */
px_article *store_row_article(const store_row *r);

/* The JSON objects of queries.h from rows of the column lists the
 * implementations share (see the SQL of store.c). */
cJSON *store_row_article_json(const store_row *r, int with_text);
cJSON *store_row_story_summary(const store_row *r, cJSON *coverage);
cJSON *store_row_coverage(const store_row *r);
cJSON *store_row_search_hit(const store_row *r, const px_search_query *q);
cJSON *store_row_source(const store_row *r);
/* Adds one related story of the columns other id, language, title, score
 * to links ({"languages": [...], "stories": [...]}, made on first use). */
void store_row_link(const store_row *r, cJSON **links);

/* Article JSON arrays as stored ("[...]") of an article's lists. */
char *store_strlist_json(const px_strlist *l);
char *store_removed_json(const px_article *a);

int store_clamp_limit(int limit, int dflt, int max);
int store_normalise_since(const char *since, char out[32], px_error *err);

#endif
