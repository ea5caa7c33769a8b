/* queue.h - the work queue of distributed ingest: files registered once
 * (`parallax enqueue`), taken by workers on any machine (`parallax
 * worker`) under a lease, each stored in the order it was registered.
 * PostgreSQL only (SELECT ... FOR UPDATE SKIP LOCKED); on an SQLite store
 * every call is a usage error. Not installed. */
#ifndef PARALLAX_STORE_QUEUE_H
#define PARALLAX_STORE_QUEUE_H

#include <stdint.h>
#include <cjson/cJSON.h>

#include "parallax/store.h"

typedef struct px_work_item {
    int64_t id;  /* 0: nothing to take */
    char *path;
} px_work_item;

/* Registers path; *added is 0 when it was registered already. */
int px_store_enqueue(px_store *s, const char *path, int *added, px_error *err);
/* Takes the first item that is pending or whose lease ran out, for
 * lease_s seconds, in the name of worker. */
int px_store_claim_work(px_store *s, const char *worker, int lease_s, px_work_item *item, px_error *err);
/* Holds item id lease_s seconds more; PX_ESTOP when worker no longer
 * holds it (its lease ran out and another worker took it). */
int px_store_renew_work(px_store *s, int64_t id, const char *worker, int lease_s, px_error *err);
/* Whether item id may be stored now: *turn 1 when every item registered
 * before it is done or failed; 0 while some still run under a lease; -1
 * when one waits for a worker (pending, or its lease ran out). */
int px_store_work_turn(px_store *s, int64_t id, int *turn, px_error *err);
/* Gives an item back to the queue untouched. */
int px_store_release_work(px_store *s, int64_t id, px_error *err);
/* Marks an item done (failure NULL) or failed with its reason. */
int px_store_finish_work(px_store *s, int64_t id, const char *failure, long long articles, px_error *err);
/* {"pending":N,"running":N,"done":N,"failed":N,"open":N,"items":[{"id","path","state",
 * "worker","attempts","articles","reason","lease_until"}]}: the items
 * not done, in order. */
int px_store_work_queue(px_store *s, cJSON **out, px_error *err);
void px_work_item_free(px_work_item *it);

/* After a call failed: 1 when the database server went away (a restart,
 * a lost network), so that px_store_reconnect may bring the store back;
 * 0 otherwise (and always for SQLite). */
int px_store_lost(px_store *s);
/* Connects again with the same settings; the transaction, the ingest
 * lock and whatever was not committed are gone. PX_EIO while the server
 * cannot be reached. */
int px_store_reconnect(px_store *s, px_error *err);

#endif
