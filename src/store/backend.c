/* backend.c - the one place that chooses a database: px_store_open_wait
 * picks SQLite or PostgreSQL from the name, and every px_store_* call goes
 * to the chosen implementation (backend.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/common_internal.h"
#include "store/backend.h"

int px_store_is_pg_url(const char *name)
{
    return name && (strncmp(name, "postgresql://", 13) == 0 || strncmp(name, "postgres://", 11) == 0);
}

int px_store_open(px_store **out, const char *path, int flags, px_error *err)
{
    return px_store_open_wait(out, path, flags, 5000, err);
}

int px_store_open_wait(px_store **out, const char *path, int flags, int busy_ms, px_error *err)
{
    *out = NULL;
    if (!path || !*path)
        return px_error_set(err, PX_EUSAGE, "no database file given");
    if (px_store_is_pg_url(path))
        return px_pg_store_open(out, path, flags, busy_ms, err);
    return px_sqlite_store_open(out, path, flags, busy_ms, err);
}

void px_store_close(px_store *s)
{
    if (s)
        s->ops->close(s);
}

const char *px_store_path(const px_store *s)
{
    return s->path;
}

void px_store_content_hash(const px_article *a, char out[33])
{
    px_buf key = {0};
    px_buf_puts(&key, a->source ? a->source : "");
    px_buf_append(&key, "\x1f", 1);
    px_buf_puts(&key, a->title ? a->title : "");
    px_buf_append(&key, "\x1f", 1);
    px_buf_puts(&key, a->body ? a->body : "");
    const char *data = key.data ? key.data : "";
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)px_hash64(data, key.len, 0),
             (unsigned long long)px_hash64(data, key.len, 0x9e3779b97f4a7c15ULL));
    px_buf_free(&key);
}

void px_stored_analysis_free(px_stored_analysis *an)
{
    if (!an)
        return;
    free(an->headline);
    free(an->report);
    free(an->text);
    free(an->html);
    free(an->updated);
    memset(an, 0, sizeof *an);
}

/* ---- dispatch ------------------------------------------------------------ */

int px_store_begin(px_store *s, px_error *err) { return s->ops->begin(s, err); }
int px_store_commit(px_store *s, px_error *err) { return s->ops->commit(s, err); }
void px_store_rollback(px_store *s) { s->ops->rollback(s); }

int px_store_lock_ingest(px_store *s, int no_wait, void (*on_wait)(const char *db, void *ud), void *ud,
                         px_error *err)
{
    return s->ops->lock_ingest(s, no_wait, on_wait, ud, err);
}

void px_store_unlock_ingest(px_store *s) { s->ops->unlock_ingest(s); }

int px_store_add_article(px_store *s, const px_article *a, int64_t *row, int *added, px_error *err)
{
    return s->ops->add_article(s, a, NULL, row, added, err);
}

int px_store_add_article_read_as(px_store *s, const px_article *a, const char *input_hash, int64_t *row,
                                 int *added, px_error *err)
{
    return s->ops->add_article(s, a, input_hash, row, added, err);
}

int px_store_find_input(px_store *s, const char *input_hash, int64_t *row, px_error *err)
{
    return s->ops->find_input(s, input_hash, row, err);
}

int px_store_get_article(px_store *s, int64_t row, px_article **out, px_error *err)
{
    return s->ops->get_article(s, row, out, err);
}

int px_store_get_analysis(px_store *s, int64_t story, px_stored_analysis *out, px_error *err)
{
    return s->ops->get_analysis(s, story, out, err);
}

int px_store_story_stale(px_store *s, int64_t story, int64_t *stale, px_error *err)
{
    return s->ops->story_stale(s, story, stale, err);
}

int px_store_put_analysis(px_store *s, int64_t story, const px_stored_analysis *an, px_error *err)
{
    return s->ops->put_analysis(s, story, an, err);
}

int px_store_each_evidence_near(px_store *s, int64_t story, const char *lang, long lo, long hi,
                                store_evidence_fn fn, void *ud, px_error *err)
{
    return s->ops->each_evidence_near(s, story, lang, lo, hi, fn, ud, err);
}

int px_store_put_links(px_store *s, int64_t story, const px_story_evidence *e, const char *text,
                       const int64_t *others, const double *scores, size_t n, px_error *err)
{
    return s->ops->put_links(s, story, e, text, others, scores, n, err);
}

int px_store_story_links(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    *out = NULL;
    return s->ops->story_links(s, story, out, err);
}

int px_store_put_fresh_analysis(px_store *s, int64_t story, const px_stored_analysis *an, int64_t seen_stale,
                                px_error *err)
{
    return s->ops->put_fresh_analysis(s, story, an, seen_stale, err);
}

int px_store_stale_stories(px_store *s, int64_t **ids, size_t *n, px_error *err)
{
    return s->ops->stale_stories(s, ids, n, err);
}

int px_store_mark_all_stale(px_store *s, px_error *err) { return s->ops->mark_all_stale(s, err); }

int px_store_set_duplicate(px_store *s, int64_t article, int64_t canonical, const char *relation, px_error *err)
{
    return s->ops->set_duplicate(s, article, canonical, relation, err);
}

int px_store_duplicate_of(px_store *s, int64_t article, int64_t *canonical, char relation[16], px_error *err)
{
    return s->ops->duplicate_of(s, article, canonical, relation, err);
}

int px_store_story_for_key(px_store *s, const char *key, int64_t *story, px_error *err)
{
    return s->ops->story_for_key(s, key, 1, story, err);
}

int px_store_story_by_key(px_store *s, const char *key, int64_t *story, px_error *err)
{
    return s->ops->story_for_key(s, key, 0, story, err);
}

int px_store_assign_story(px_store *s, int64_t article, int64_t story, px_error *err)
{
    return s->ops->assign_story(s, article, story, err);
}

int px_store_merge_stories(px_store *s, int64_t from, int64_t into, px_error *err)
{
    return from == into ? PX_OK : s->ops->merge_stories(s, from, into, err);
}

int px_store_each_article(px_store *s, px_stored_article_fn fn, void *ud, px_error *err)
{
    return s->ops->each_article(s, fn, ud, err);
}

int px_store_each_article_of(px_store *s, int64_t story, px_stored_article_fn fn, void *ud, px_error *err)
{
    return s->ops->each_article_of(s, story, fn, ud, err);
}

int px_store_each_window_article(px_store *s, double window_days, uint64_t window_articles,
                                 px_stored_article_fn fn, void *ud, px_error *err)
{
    return s->ops->each_window_article(s, window_days, window_articles, fn, ud, err);
}

int px_store_each_window_article_in_order(px_store *s, double window_days, uint64_t window_articles,
                                          int64_t upto, px_stored_article_fn fn, void *ud, px_error *err)
{
    return s->ops->each_window_article_in_order(s, window_days, window_articles, upto, fn, ud, err);
}

int px_store_each_article_near(px_store *s, const char *lo, const char *hi, double window_days,
                               uint64_t window_articles, px_stored_article_fn fn, void *ud, px_error *err)
{
    return s->ops->each_article_near(s, lo, hi, window_days, window_articles, fn, ud, err);
}

int px_store_related_stories(px_store *s, int64_t story, const char *before, int limit, int64_t *ids, size_t *n,
                             px_error *err)
{
    return s->ops->related_stories(s, story, before, limit, ids, n, err);
}

int px_store_counts_get(px_store *s, px_store_counts *c, px_error *err) { return s->ops->counts(s, c, err); }

int px_store_load_templates(px_store *s, px_templates *t, px_error *err)
{
    return s->ops->load_templates(s, t, err);
}

int px_store_save_templates(px_store *s, const px_templates *t, px_error *err)
{
    return s->ops->save_templates(s, t, err);
}

int px_store_templates_upto(px_store *s, int64_t *row, px_error *err)
{
    return s->ops->templates_upto(s, row, err);
}

int px_store_search(px_store *s, const px_search_query *q, cJSON **out, px_error *err)
{
    return s->ops->search(s, q, out, err);
}

int px_store_sources(px_store *s, cJSON **out, px_error *err) { return s->ops->sources(s, out, err); }

int px_store_stories(px_store *s, const px_story_query *q, cJSON **out, px_error *err)
{
    return s->ops->stories(s, q, out, err);
}

int px_store_story_summary(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    return s->ops->story_summary(s, story, out, err);
}

int px_store_article_json(px_store *s, int64_t row, cJSON **out, px_error *err)
{
    return s->ops->article_json(s, row, out, err);
}

static cJSON *story_analysis(px_store *s, int64_t story)
{
    px_stored_analysis an;
    cJSON *report = NULL;
    if (px_store_get_analysis(s, story, &an, NULL) == PX_OK && an.report)
        report = cJSON_Parse(an.report);
    px_stored_analysis_free(&an);
    return report ? report : cJSON_CreateNull();
}

int px_store_story(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    cJSON *o;
    int rc = px_store_story_summary(s, story, &o, err);
    *out = NULL;
    if (rc || !o)
        return rc;
    cJSON *list = cJSON_AddArrayToObject(o, "articles_list");
    if ((rc = s->ops->story_articles(s, story, list, err))) {
        cJSON_Delete(o);
        return rc;
    }
    cJSON_AddItemToObject(o, "analysis", story_analysis(s, story));
    *out = o;
    return PX_OK;
}

/* ---- the work queue ------------------------------------------------------- */

static int no_queue(px_store *s, px_error *err)
{
    return px_error_set(err, PX_EUSAGE, "%s: the work queue needs a PostgreSQL database (--db postgresql://...)",
                        s->path);
}

int px_store_enqueue(px_store *s, const char *path, int *added, px_error *err)
{
    return s->ops->enqueue ? s->ops->enqueue(s, path, added, err) : no_queue(s, err);
}

int px_store_claim_work(px_store *s, const char *worker, int lease_s, px_work_item *item, px_error *err)
{
    memset(item, 0, sizeof *item);
    return s->ops->claim_work ? s->ops->claim_work(s, worker, lease_s, item, err) : no_queue(s, err);
}

int px_store_renew_work(px_store *s, int64_t id, const char *worker, int lease_s, px_error *err)
{
    return s->ops->renew_work ? s->ops->renew_work(s, id, worker, lease_s, err) : no_queue(s, err);
}

int px_store_work_turn(px_store *s, int64_t id, int *turn, px_error *err)
{
    return s->ops->work_turn ? s->ops->work_turn(s, id, turn, err) : no_queue(s, err);
}

int px_store_release_work(px_store *s, int64_t id, px_error *err)
{
    return s->ops->release_work ? s->ops->release_work(s, id, err) : no_queue(s, err);
}

int px_store_finish_work(px_store *s, int64_t id, const char *failure, long long articles, px_error *err)
{
    return s->ops->finish_work ? s->ops->finish_work(s, id, failure, articles, err) : no_queue(s, err);
}

int px_store_work_queue(px_store *s, cJSON **out, px_error *err)
{
    *out = NULL;
    return s->ops->work_queue ? s->ops->work_queue(s, out, err) : no_queue(s, err);
}

int px_store_lost(px_store *s)
{
    return s && s->ops->lost && s->ops->lost(s);
}

int px_store_reconnect(px_store *s, px_error *err)
{
    return s->ops->reconnect ? s->ops->reconnect(s, err)
                             : px_error_set(err, PX_EUSAGE, "%s: not a database server's store", s->path);
}

void px_work_item_free(px_work_item *it)
{
    if (it) {
        free(it->path);
        memset(it, 0, sizeof *it);
    }
}
