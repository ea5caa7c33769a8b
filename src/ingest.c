/* ingest.c - stores articles in batches, one transaction per batch (see
 * parallax/ingest.h). */
#include <stdlib.h>

#include "parallax/ingest.h"

struct px_ingest {
    px_store *store;
    px_ingest_opts o;
    px_ingest_stats st;
    size_t in_batch; /* articles handled since the batch began */
    int open;        /* a transaction is open */
};

int px_ingest_new(px_ingest **out, px_store *s, const px_ingest_opts *o, px_error *err)
{
    *out = NULL;
    px_ingest *g = calloc(1, sizeof *g);
    if (!g)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    g->store = s;
    if (o)
        g->o = *o;
    if (!g->o.batch)
        g->o.batch = 500;
    *out = g;
    return PX_OK;
}

static int commit_batch(px_ingest *g, px_error *err)
{
    if (!g->open)
        return PX_OK;
    int rc = px_store_commit(g->store, err);
    if (rc) {
        px_store_rollback(g->store);
        g->open = 0;
        return rc;
    }
    g->open = 0;
    g->in_batch = 0;
    g->st.batches++;
    if (g->o.on_commit)
        g->o.on_commit(&g->st, g->o.commit_ud);
    return PX_OK;
}

int px_ingest_add(px_ingest *g, px_article *a, int64_t *row_out, px_error *err)
{
    int rc = PX_OK;
    if (!g->open) {
        if ((rc = px_store_begin(g->store, err))) {
            px_article_free(a);
            return rc;
        }
        g->open = 1;
    }
    int64_t row;
    int added;
    g->st.seen++;
    rc = px_store_add_article(g->store, a, &row, &added, err);
    px_article_free(a);
    if (rc)
        return rc;
    if (row_out)
        *row_out = row;
    if (added)
        g->st.added++;
    else
        g->st.already++;
    if (++g->in_batch >= g->o.batch)
        return commit_batch(g, err);
    return PX_OK;
}

int px_ingest_finish(px_ingest *g, px_error *err)
{
    return commit_batch(g, err);
}

const px_ingest_stats *px_ingest_stats_of(const px_ingest *g)
{
    return &g->st;
}

void px_ingest_free(px_ingest *g)
{
    if (!g)
        return;
    if (g->open)
        px_store_rollback(g->store);
    free(g);
}
