/* ingest.c - stores articles with their duplicate groups and stories, one
 * transaction per batch (see parallax/ingest.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "parallax/analysis.h"
#include "parallax/cluster.h"
#include "parallax/dedup.h"
#include "parallax/ingest.h"
#include "core/grow.h"
#include "core/map.h"
#include "group/cluster_internal.h"
#include "core/common_internal.h"
#include "store/store_internal.h"

/* What a later copy of the article at a deduper position needs: the row
 * and clusterer story of its group's representative (the article's own
 * when it is not a copy), the story following the online merges. */
typedef struct position {
    int64_t row;    /* article row */
    uint64_t story; /* clusterer story id */
} position;

/* An online merge of the clusterer: story from became part of into. */
typedef struct merge {
    uint64_t from, into;
} merge;

struct px_ingest {
    px_store *store;
    px_ingest_opts o;
    px_ingest_stats st;
    px_deduper *dedup;
    px_clusterer *cluster;
    px_templates *templates; /* each outlet's template text, kept in the store */
    px_ingest_memo *memo;    /* o.memo, or own_memo */
    px_ingest_memo *own_memo;
    /* The positions of the deduper's window, by deduper position modulo
     * ring: a copy only ever matches an article of that window, so older
     * positions are not needed and memory does not grow with the input. */
    position *pos;
    size_t cap_pos, ring;
    uint64_t n_pos; /* positions given so far */
    /* The stories this ingest touched, in the order first touched. When
     * each record starts a story the list is as long as the input, so only
     * its newest TOUCHED_CHUNK entries stay in memory; the older ones go to
     * a temporary file (spill), read back in order by each_touched. Two
     * bits per story row (flags, rows are dense) say whether a story is in
     * the list now and whether it ever had an entry. A story merged away
     * only loses its first bit: its entry stays, dead, and is skipped when
     * read. Should its row come back (SQLite reuses the highest row id once
     * deleted), its live entry is its new one, whose index revived keeps. */
    int64_t *touched;
    size_t n_touched, cap_touched; /* entries in memory */
    uint64_t n_spilled;            /* entries before them, in spill */
    FILE *spill;
    int no_spill; /* no temporary file could be written: all in memory */
    unsigned char *flags;
    size_t cap_flags;
    px_map revived;      /* story row (its 8 bytes) -> id into live_entry */
    uint64_t *live_entry; /* the index of a revived story's live entry */
    size_t cap_live_entry;
    merge *merges; /* heard from the clusterer, not yet stored */
    size_t n_merges, cap_merges;
    int merge_oom; /* a merge could not be remembered */
    size_t in_batch; /* articles handled since the batch began */
    int open;        /* a transaction is open */
    int finished;    /* px_ingest_finish ran: the clusterer no longer
                        matches the store after its batch merge */
    int locked;      /* holds the store's ingest lock */
    int64_t templates_upto; /* the saved template text learned up to this row;
                               rows after it come from an unfinished ingest */
    uint64_t *replay_keys;  /* the stored story of each replayed article */
    uint64_t *replay_story; /* the story the replay put it in (merges followed) */
    size_t n_replay, cap_replay, cap_replay_story;
    long long replayed;     /* articles of an unfinished ingest placed again */
    char date_lo[11], date_hi[11]; /* days of the dated articles added */
};

/* Widens the range of days this ingest added articles on. */
static void note_date(px_ingest *g, const char *date)
{
    long days;
    if (!date || px_date_days(date, &days) != PX_OK)
        return;
    char day[11];
    snprintf(day, sizeof day, "%.10s", date);
    if (!g->date_lo[0] || strcmp(day, g->date_lo) < 0)
        memcpy(g->date_lo, day, sizeof day);
    if (!g->date_hi[0] || strcmp(day, g->date_hi) > 0)
        memcpy(g->date_hi, day, sizeof day);
}

/* One ingest at a time per store: two clusterers over one store would each
 * miss the other's articles and merge stories under each other
 * (px_store_lock_ingest). */
static int take_ingest_lock(px_store *s, const px_ingest_opts *o, px_error *err)
{
    return px_store_lock_ingest(s, o && o->lock_no_wait, o ? o->on_lock_wait : NULL, o ? o->lock_wait_ud : NULL,
                                err);
}

/* The entry of deduper position p, NULL once it left the window. */
static const position *position_at(const px_ingest *g, uint64_t p)
{
    if (p >= g->n_pos || g->n_pos - p > g->ring)
        return NULL;
    return &g->pos[p % g->ring];
}

/* The original a copy (match m) follows: the entry of the article it
 * matched, which names its group's representative; NULL for no copy. */
static const position *original_of(const px_ingest *g, const px_dup_match *m)
{
    return m->relation != PX_DUP_NONE ? position_at(g, m->matched) : NULL;
}

/* The entry of the next deduper position: the original's for a copy
 * (canon, read after the merges of its placing), else the article's. */
static int remember_position(px_ingest *g, const position *canon, int64_t row, uint64_t story)
{
    position p = canon ? *canon : (position){row, story};
    size_t n = g->n_pos < g->ring ? (size_t)g->n_pos + 1 : g->ring;
    if (px_grow(&g->pos, &g->cap_pos, n, sizeof *g->pos, 1024, 0))
        return PX_ENOMEM;
    g->pos[g->n_pos++ % g->ring] = p;
    return PX_OK;
}

/* Entries of the touched list kept in memory: the rest is spilled. */
#define TOUCHED_CHUNK 1024

enum { TOUCHED = 1, LISTED = 2 }; /* a story's flags */

static int flag_of(const px_ingest *g, int64_t story, int flag)
{
    uint64_t r = (uint64_t)story;
    return r / 4 < g->cap_flags && (g->flags[r / 4] >> (r % 4 * 2) & flag);
}

static int set_flag(px_ingest *g, int64_t story, int flag, int on)
{
    uint64_t r = (uint64_t)story;
    if (px_grow(&g->flags, &g->cap_flags, (size_t)(r / 4) + 1, 1, 1024, 1))
        return PX_ENOMEM;
    unsigned bit = (unsigned)flag << (r % 4 * 2);
    g->flags[r / 4] = (unsigned char)(on ? g->flags[r / 4] | bit : g->flags[r / 4] & ~bit);
    return PX_OK;
}

/* Moves the entries in memory to the end of the spill file. Should the
 * file fail (no temporary directory, a full disk), the list stays in
 * memory from then on: more memory, the same stories. */
static void spill_touched(px_ingest *g)
{
    if (!g->spill && !(g->spill = tmpfile())) {
        g->no_spill = 1;
        return;
    }
    size_t bytes = g->n_touched * sizeof *g->touched;
    off_t at = (off_t)(g->n_spilled * sizeof *g->touched);
    if (pwrite(fileno(g->spill), g->touched, bytes, at) != (ssize_t)bytes) {
        g->no_spill = 1;
        return;
    }
    g->n_spilled += g->n_touched;
    g->n_touched = 0;
}

/* Notes that the entry about to be appended is the live one of story,
 * which had an entry before. */
static int note_revived(px_ingest *g, int64_t story)
{
    uint32_t id = px_map_intern(&g->revived, (const char *)&story, sizeof story, NULL);
    if (id == PX_MAP_NONE ||
        px_grow(&g->live_entry, &g->cap_live_entry, (size_t)id + 1, sizeof *g->live_entry, 16, 0))
        return PX_ENOMEM;
    g->live_entry[id] = g->n_spilled + g->n_touched;
    return PX_OK;
}

static int touch(px_ingest *g, int64_t story)
{
    if (story < 1) /* not a row: never stored, so not analysed either */
        return PX_OK;
    if (flag_of(g, story, TOUCHED))
        return PX_OK;
    if (g->n_touched == TOUCHED_CHUNK && !g->no_spill)
        spill_touched(g);
    if ((flag_of(g, story, LISTED) && note_revived(g, story)) ||
        px_grow(&g->touched, &g->cap_touched, g->n_touched + 1, sizeof *g->touched, 64, 0) ||
        set_flag(g, story, TOUCHED | LISTED, 1))
        return PX_ENOMEM;
    g->touched[g->n_touched++] = story;
    g->st.stories++;
    return PX_OK;
}

/* Is entry i (counted from the first, spilled ones included) of story
 * the story's live one? */
static int live_entry(const px_ingest *g, int64_t story, uint64_t i)
{
    if (!flag_of(g, story, TOUCHED))
        return 0; /* merged away */
    uint32_t id = g->revived.n ? px_map_find(&g->revived, (const char *)&story, sizeof story) : PX_MAP_NONE;
    return id == PX_MAP_NONE || g->live_entry[id] == i;
}

/* Calls fn for each story in the touched list, in the order first
 * touched, until it returns nonzero (then PX_ESTOP); PX_EIO when the
 * spilled entries cannot be read back. */
static int each_touched(const px_ingest *g, int (*fn)(int64_t story, void *ud), void *ud)
{
    int64_t buf[TOUCHED_CHUNK];
    for (uint64_t i = 0; i < g->n_spilled;) {
        size_t n = g->n_spilled - i < TOUCHED_CHUNK ? (size_t)(g->n_spilled - i) : TOUCHED_CHUNK;
        if (pread(fileno(g->spill), buf, n * sizeof *buf, (off_t)(i * sizeof *buf)) != (ssize_t)(n * sizeof *buf))
            return PX_EIO;
        for (size_t k = 0; k < n; k++, i++)
            if (live_entry(g, buf[k], i) && fn(buf[k], ud))
                return PX_ESTOP;
    }
    for (size_t k = 0; k < g->n_touched; k++)
        if (live_entry(g, g->touched[k], g->n_spilled + k) && fn(g->touched[k], ud))
            return PX_ESTOP;
    return PX_OK;
}

static void forget_touched(px_ingest *g)
{
    free(g->flags);
    g->flags = NULL;
    g->cap_flags = 0;
    g->n_touched = 0;
    g->n_spilled = 0; /* the file is written over from its start */
    px_map_free(&g->revived);
    memset(&g->revived, 0, sizeof g->revived);
}

/* The clusterer's on_merge: it cannot fail, so the merge is only noted
 * here and stored by apply_merges once px_clusterer_add returns. */
static void note_merge(uint64_t from, uint64_t into, void *ud)
{
    px_ingest *g = ud;
    if (px_grow(&g->merges, &g->cap_merges, g->n_merges + 1, sizeof *g->merges, 8, 0)) {
        g->merge_oom = 1;
        return;
    }
    g->merges[g->n_merges++] = (merge){from, into};
}

/* Story from is gone: the touched list names into instead (once). The
 * entry of from stays where it stands, dead (skipped when read). */
static int retouch(px_ingest *g, int64_t from, int64_t into)
{
    if (from >= 1 && flag_of(g, from, TOUCHED)) {
        set_flag(g, from, TOUCHED, 0); /* its flags are there: no growth */
        g->st.stories--;
    }
    return touch(g, into);
}

/* Copies found later follow their representative's story through pos,
 * and the replay's check its articles'. */
static void follow_merge(px_ingest *g, const merge *m)
{
    size_t n = g->n_pos < g->ring ? (size_t)g->n_pos : g->ring;
    for (size_t i = 0; i < n; i++)
        if (g->pos[i].story == m->from)
            g->pos[i].story = m->into;
    for (size_t i = 0; i < g->n_replay; i++)
        if (g->replay_story[i] == m->from)
            g->replay_story[i] = m->into;
}

/* Stores one online merge: the articles of from move to into, from's row
 * (with its analysis) goes, and into is analysed again at finish. */
static int store_merge(px_ingest *g, const merge *m, px_error *err)
{
    follow_merge(g, m);
    char key[17];
    int64_t from_row, into_row;
    int rc;
    px_story_id_hex(m->from, key);
    if ((rc = px_store_story_by_key(g->store, key, &from_row, err)))
        return rc;
    if (!from_row) /* started by the article being placed: nothing stored */
        return PX_OK;
    px_story_id_hex(m->into, key);
    if ((rc = px_store_story_for_key(g->store, key, &into_row, err)) ||
        (rc = px_store_merge_stories(g->store, from_row, into_row, err)))
        return rc;
    g->st.merged++;
    return retouch(g, from_row, into_row) ? px_error_set(err, PX_ENOMEM, "out of memory") : PX_OK;
}

static int apply_merges(px_ingest *g, px_error *err)
{
    int rc = PX_OK;
    if (g->merge_oom)
        rc = px_error_set(err, PX_ENOMEM, "out of memory merging stories");
    for (size_t i = 0; !rc && i < g->n_merges; i++)
        rc = store_merge(g, &g->merges[i], err);
    g->n_merges = 0;
    g->merge_oom = 0;
    return rc;
}

/* Places a in a story (a copy: its original's, when known), with the
 * merges the clusterer made stored. */
static int cluster_place(px_ingest *g, const px_article *a, const uint64_t *original,
                         px_cluster_assignment *as, px_error *err)
{
    if (px_clusterer_place(g->cluster, a, original, as) != PX_OK)
        return px_error_set(err, PX_ENOMEM, "out of memory clustering articles");
    return apply_merges(g, err);
}

/* Puts a stored article back into the clusterer as place() first put it:
 * a copy only joins its story, it brings no weights of its own. */
static int cluster_restore(px_clusterer *c, const px_stored_article *sa, uint64_t story)
{
    if (sa->is_copy && px_clusterer_attach(c, sa->a, story) == PX_OK)
        return PX_OK;
    return px_clusterer_restore(c, sa->a, story);
}

/* An article an unfinished (killed) ingest stored: placed again exactly as
 * that ingest placed it, online merges included, so the clusterer becomes
 * the one it had in memory; its merges are in the store already. */
static int replay_one(px_ingest *g, const px_stored_article *sa, uint64_t stored_story)
{
    px_dup_match m;
    px_cluster_assignment as;
    if (px_dedup_add(g->dedup, sa->a, &m))
        return 1;
    const position *canon = original_of(g, &m);
    uint64_t original = canon ? canon->story : 0;
    if (px_clusterer_place(g->cluster, sa->a, canon ? &original : NULL, &as) || g->merge_oom)
        return 1;
    for (size_t i = 0; i < g->n_merges; i++)
        follow_merge(g, &g->merges[i]);
    g->n_merges = 0;
    if (px_grow(&g->replay_keys, &g->cap_replay, g->n_replay + 1, sizeof *g->replay_keys, 256, 0) ||
        px_grow(&g->replay_story, &g->cap_replay_story, g->n_replay + 1, sizeof *g->replay_story, 256, 0) ||
        remember_position(g, canon, sa->row, as.story) || touch(g, sa->story))
        return 1;
    g->replay_story[g->n_replay] = as.story;
    g->replay_keys[g->n_replay++] = stored_story;
    note_date(g, sa->a->date);
    g->replayed++;
    return 0;
}

/* Puts an article of an open story back into the deduper and clusterer. */
static int restore_one(const px_stored_article *sa, void *ud)
{
    px_ingest *g = ud;
    uint64_t story;
    char *end;
    if (!sa->story_key)
        return 0;
    story = strtoull(sa->story_key, &end, 16);
    if (*end)
        return 0;
    px_clusterer_set_position(g->cluster, (uint64_t)sa->row);
    if (sa->row > g->templates_upto)
        return replay_one(g, sa, story);
    px_dup_match m;
    if (px_dedup_add(g->dedup, sa->a, &m) || remember_position(g, original_of(g, &m), sa->row, story) ||
        cluster_restore(g->cluster, sa, story))
        return 1;
    g->st.restored++;
    return 0;
}

/* Did the replay put every article where the unfinished ingest stored it? */
static int replay_matches_store(const px_ingest *g)
{
    for (size_t i = 0; i < g->n_replay; i++)
        if (g->replay_story[i] != g->replay_keys[i])
            return 0;
    return 1;
}

static void forget_restore(px_ingest *g)
{
    px_deduper_free(g->dedup);
    px_clusterer_free(g->cluster);
    g->dedup = NULL;
    g->cluster = NULL;
    g->n_pos = g->n_replay = 0;
    forget_touched(g);
    g->n_merges = 0;
    g->merge_oom = 0;
    g->replayed = 0;
    g->st.restored = g->st.stories = 0;
    g->date_lo[0] = g->date_hi[0] = 0;
}

/* The clusterer's options with the ingest's windows. */
static void cluster_opts(const px_ingest *g, px_cluster_opts *co)
{
    px_cluster_opts_default(co);
    if (g->o.window_days > 0)
        co->window_days = g->o.window_days;
    if (g->o.window_articles > 0)
        co->window_articles = g->o.window_articles;
}

static int restore_open_stories(px_ingest *g, const px_cluster_opts *co, px_error *err)
{
    px_dedup_opts dd;
    px_dedup_opts_default(&dd);
    dd.window = g->ring;
    int rc = px_deduper_new(&g->dedup, &dd, err);
    if (!rc)
        rc = px_clusterer_new(&g->cluster, co, err);
    if (!rc)
        px_clusterer_use_memo(g->cluster, g->memo ? g->memo->cluster : NULL);
    if (!rc)
        px_deduper_use_memo(g->dedup, g->memo ? g->memo->dedup : NULL);
    if (!rc)
        rc = px_store_each_window_article_in_order(g->store, co->window_days, co->window_articles,
                                                   g->templates_upto, restore_one, g, err);
    return rc;
}

/* The deduper and clusterer as the last ingest left them: the articles of
 * finished ingests restored into their stored stories, those of an
 * unfinished one replayed. Should the replay not land where the store says
 * (the store was changed in between), every article is restored instead. */
static int restore(px_ingest *g, px_error *err)
{
    px_cluster_opts co;
    cluster_opts(g, &co);
    if (g->o.active_merge_threshold)
        co.active_merge_threshold = g->o.active_merge_threshold > 0 ? g->o.active_merge_threshold : 0;
    /* an online merge moves the stored articles too (store_merge) */
    co.on_merge = note_merge;
    co.on_merge_ud = g;
    int rc = px_store_templates_upto(g->store, &g->templates_upto, err);
    if (!rc)
        rc = restore_open_stories(g, &co, err);
    if (!rc && !replay_matches_store(g)) {
        forget_restore(g);
        g->templates_upto = INT64_MAX;
        rc = restore_open_stories(g, &co, err);
        if (!rc)
            rc = px_store_templates_upto(g->store, &g->templates_upto, err);
    }
    if (rc == PX_ESTOP)
        rc = px_error_set(err, PX_ENOMEM, "out of memory restoring the open stories");
    return rc;
}

/* Memos that keep the readings of the last `readings` articles (the
 * clusterer's undated window: what the next start or batch merge reads
 * back), with the deduper's when with_dedup. */
static px_ingest_memo *ingest_memo_new(size_t readings, int with_dedup)
{
    px_ingest_memo *m = calloc(1, sizeof *m);
    if (m && ((with_dedup && !(m->dedup = px_dedup_memo_new(0, readings))) ||
              !(m->cluster = px_cluster_memo_new(0, readings)))) {
        px_ingest_memo_free(m);
        return NULL;
    }
    return m;
}

px_ingest_memo *px_ingest_memo_new(void)
{
    px_cluster_opts co;
    px_cluster_opts_default(&co);
    return ingest_memo_new((size_t)co.window_articles, 1);
}

void px_ingest_memo_free(px_ingest_memo *m)
{
    if (!m)
        return;
    px_dedup_memo_free(m->dedup);
    px_cluster_memo_free(m->cluster);
    free(m);
}

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
    px_dedup_opts dd;
    px_dedup_opts_default(&dd);
    g->ring = g->o.dedup_window ? g->o.dedup_window : dd.window;
    /* One ingest's deduper reads each body once: its own memo serves the
     * clusterer only, whose batch merge reads the window back (a worker's
     * memo, kept across ingests, serves both). */
    px_cluster_opts co;
    cluster_opts(g, &co);
    g->memo = g->o.memo ? g->o.memo : (g->own_memo = ingest_memo_new((size_t)co.window_articles, 0));
    int rc = take_ingest_lock(s, o, err);
    g->locked = rc == PX_OK;
    if (rc) {
        px_ingest_memo_free(g->own_memo);
        free(g);
        return rc;
    }
    rc = restore(g, err);
    if (rc == PX_OK && px_templates_new(&g->templates, 0))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    if (rc == PX_OK)
        rc = px_store_load_templates(s, g->templates, err);
    if (rc) {
        px_ingest_free(g);
        return rc;
    }
    *out = g;
    return PX_OK;
}

static int commit_batch(px_ingest *g, px_error *err)
{
    if (!g->open)
        return PX_OK;
    g->open = 0;
    int rc = px_store_commit(g->store, err);
    if (rc) {
        px_store_rollback(g->store);
        return rc;
    }
    g->in_batch = 0;
    g->st.batches++;
    if (g->o.on_commit)
        g->o.on_commit(&g->st, g->o.commit_ud);
    return PX_OK;
}

/* Links a new article to its duplicate group and story. */
static int place(px_ingest *g, const px_article *a, int64_t row, px_error *err)
{
    px_dup_match m;
    int rc;
    if (px_dedup_add(g->dedup, a, &m) != PX_OK)
        return px_error_set(err, PX_ENOMEM, "out of memory comparing articles");
    const position *canon = original_of(g, &m);
    uint64_t original = canon ? canon->story : 0;
    if (canon) {
        g->st.copies++;
        if ((rc = px_store_set_duplicate(g->store, row, canon->row, px_dup_relation_name(m.relation), err)))
            return rc;
    }
    px_cluster_assignment as;
    px_clusterer_set_position(g->cluster, (uint64_t)row);
    if ((rc = cluster_place(g, a, canon ? &original : NULL, &as, err)))
        return rc;
    uint64_t story = as.story;
    if (!canon)
        g->st.new_stories += as.is_new;
    if (remember_position(g, canon, row, story))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    char key[17];
    int64_t story_row;
    px_story_id_hex(story, key);
    if ((rc = px_store_story_for_key(g->store, key, &story_row, err)) ||
        (rc = px_store_assign_story(g->store, row, story_row, err)))
        return rc;
    return touch(g, story_row) ? px_error_set(err, PX_ENOMEM, "out of memory") : PX_OK;
}

int px_ingest_add(px_ingest *g, px_article *a, int64_t *row_out, px_error *err)
{
    int rc = PX_OK;
    if (g->finished) {
        px_article_free(a);
        return px_error_set(err, PX_EUSAGE, "articles added after the ingest was finished");
    }
    if (!g->open) {
        if ((rc = px_store_begin(g->store, err))) {
            px_article_free(a);
            return rc;
        }
        g->open = 1;
    }
    int64_t row = 0;
    int added = 0;
    char input_hash[33];
    g->st.seen++;
    px_store_content_hash(a, input_hash);
    rc = px_store_find_input(g->store, input_hash, &row, err);
    if (!rc && row) {
        /* stored already; an ingest interrupted before it saved its template
         * text learns again from what it stored, as if never stopped */
        if (row > g->templates_upto && px_templates_learn(g->templates, a))
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
    } else if (!rc) {
        /* the outlet's template learned so far, this article included */
        if (px_templates_learn(g->templates, a) || px_templates_apply(g->templates, a, NULL))
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
        if (!rc)
            rc = px_store_add_article_read_as(g->store, a, input_hash, &row, &added, err);
    }
    if (!rc && added) {
        note_date(g, a->date);
        rc = place(g, a, row, err);
    }
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

/* ---- the batch merge at finish ------------------------------------------ */

/* A window article in the batch clusterer: its id and stored story. */
typedef struct window_article {
    char *id;
    int64_t story;
} window_article;

/* A stored story of the window and the batch story holding most of its
 * articles (its "home"). */
typedef struct stored_home {
    int64_t story;
    uint64_t home;
    size_t best; /* articles in home */
} stored_home;

typedef struct final_merge {
    px_clusterer *c;
    window_article *art;
    size_t n_art, cap_art;
    stored_home *home;
    size_t n_home, cap_home;
    int rc;
} final_merge;

static int restore_window(const px_stored_article *sa, void *ud)
{
    final_merge *f = ud;
    char *end;
    if (!sa->story_key || !sa->a->id)
        return 0;
    uint64_t story = strtoull(sa->story_key, &end, 16);
    if (*end)
        return 0;
    if (px_grow(&f->art, &f->cap_art, f->n_art + 1, sizeof *f->art, 256, 0) ||
        !(f->art[f->n_art].id = px_strdup(sa->a->id)))
        return 1;
    f->art[f->n_art++].story = sa->story;
    if (px_grow(&f->home, &f->cap_home, f->n_home + 1, sizeof *f->home, 64, 0))
        return 1;
    f->home[f->n_home++] = (stored_home){sa->story, 0, 0};
    return px_clusterer_restore(f->c, sa->a, story) != PX_OK;
}

static int cmp_article_id(const void *x, const void *y)
{
    return strcmp(((const window_article *)x)->id, ((const window_article *)y)->id);
}

static int cmp_story(const void *x, const void *y)
{
    int64_t a = ((const stored_home *)x)->story, b = ((const stored_home *)y)->story;
    return (a > b) - (a < b);
}

static stored_home *home_of(final_merge *f, int64_t story)
{
    stored_home key = {story, 0, 0};
    return bsearch(&key, f->home, f->n_home, sizeof key, cmp_story);
}

/* For one batch story: how many of its articles each stored story has
 * there; a stored story takes the batch story with the most as its home. */
static void count_homes(const px_story *s, void *ud)
{
    final_merge *f = ud;
    for (size_t i = 0; i < s->n_articles; i++) {
        window_article key = {s->article_ids[i], 0};
        window_article *w = bsearch(&key, f->art, f->n_art, sizeof key, cmp_article_id);
        stored_home *h = w ? home_of(f, w->story) : NULL;
        if (!h || h->home == s->id)
            continue;
        size_t n = 0;
        for (size_t k = 0; k < s->n_articles; k++) {
            window_article kk = {s->article_ids[k], 0};
            window_article *v = bsearch(&kk, f->art, f->n_art, sizeof kk, cmp_article_id);
            n += v && v->story == h->story;
        }
        if (n > h->best) {
            h->best = n;
            h->home = s->id;
        }
    }
}

static int cmp_home(const void *x, const void *y)
{
    const stored_home *a = x, *b = y;
    if (a->home != b->home)
        return (a->home > b->home) - (a->home < b->home);
    return (a->story > b->story) - (a->story < b->story);
}

/* Stored stories that share a home become one, the oldest row keeping its
 * id, through the same path as the online merges, in the open transaction
 * that finishes the ingest. */
static int merge_homes(px_ingest *g, final_merge *f, px_error *err)
{
    qsort(f->home, f->n_home, sizeof *f->home, cmp_home);
    int rc = PX_OK;
    for (size_t start = 0, end; !rc && start < f->n_home; start = end) {
        const stored_home *into = &f->home[start];
        for (end = start + 1; end < f->n_home && f->home[end].home == into->home; end++)
            ;
        for (size_t i = start + 1; !rc && into->home && i < end; i++) {
            rc = px_store_merge_stories(g->store, f->home[i].story, into->story, err);
            if (!rc && retouch(g, f->home[i].story, into->story))
                rc = px_error_set(err, PX_ENOMEM, "out of memory");
            g->st.merged += !rc;
        }
    }
    return rc;
}

#define RELATED_STORIES 5

static int has_story(const int64_t *v, size_t n, int64_t story)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == story)
            return 1;
    return 0;
}

/* restore_related's walk over the touched list: the stories read so far. */
typedef struct related_walk {
    px_ingest *g;
    final_merge *f;
    const char *before; /* older stories were not read */
    int64_t *seen;
    size_t n_seen, cap_seen;
    int rc;
    px_error *err;
} related_walk;

static int see(related_walk *w, int64_t story)
{
    if (px_grow(&w->seen, &w->cap_seen, w->n_seen + 1, sizeof *w->seen, 64, 0))
        return PX_ENOMEM;
    w->seen[w->n_seen++] = story;
    return PX_OK;
}

/* The few older stories whose titles best match touched story's. */
static int restore_related_to(int64_t story, void *ud)
{
    related_walk *w = ud;
    int64_t related[RELATED_STORIES];
    size_t n = 0;
    w->rc = px_store_related_stories(w->g->store, story, w->before, RELATED_STORIES, related, &n, w->err);
    for (size_t k = 0; !w->rc && k < n; k++) {
        if (has_story(w->seen, w->n_seen, related[k]))
            continue;
        if ((w->rc = see(w, related[k])))
            break;
        w->rc = px_store_each_article_of(w->g->store, related[k], restore_window, w->f, w->err);
    }
    return w->rc != PX_OK;
}

/* Beside the stories near in time, the few older ones whose titles best
 * match the title of each story this ingest touched: a late article on an
 * old story (a follow-up a year on) would otherwise stay apart. */
static int restore_related(px_ingest *g, final_merge *f, double window_days, px_error *err)
{
    long lo;
    if (!g->date_lo[0] || px_date_days(g->date_lo, &lo) != PX_OK)
        return PX_OK; /* undated articles only: the active window was read */
    char before[11];
    px_date_from_days(lo - (long)window_days, before);
    related_walk w = {.g = g, .f = f, .before = before, .err = err};
    for (size_t i = 0; !w.rc && i < f->n_home; i++)
        if (!has_story(w.seen, w.n_seen, f->home[i].story))
            w.rc = see(&w, f->home[i].story);
    int rc = w.rc ? w.rc : each_touched(g, restore_related_to, &w);
    free(w.seen);
    if (rc == PX_EIO)
        return px_error_set(err, PX_EIO, "cannot read back the stories this ingest touched (a temporary file)");
    if (rc == PX_ESTOP)
        rc = w.rc;
    return rc == PX_ENOMEM ? px_error_set(err, PX_ENOMEM, "out of memory") : rc;
}

static void final_merge_free(final_merge *f)
{
    px_clusterer_free(f->c);
    for (size_t i = 0; i < f->n_art; i++)
        free(f->art[i].id);
    free(f->art);
    free(f->home);
}

/* The clusterer's batch pass (px_cluster_batch) over the stories near the
 * articles this ingest added (within the window of their dates, and the
 * undated ones; the open stories when it added only undated articles),
 * read back from the store: it merges the stories the online pass kept
 * apart, as `cluster` does in one pass. Bounded by the dates the ingest
 * covers, not the store. */
static int batch_merge(px_ingest *g, px_error *err)
{
    px_cluster_opts co;
    cluster_opts(g, &co);
    uint64_t window_articles = co.window_articles;
    co.retain = 1;
    co.active_merge_threshold = 0;
    co.window_articles = 0; /* it only restores, then merges: nothing to close */
    final_merge f = {0};
    int rc = px_clusterer_new(&f.c, &co, err);
    if (!rc)
        px_clusterer_use_memo(f.c, g->memo ? g->memo->cluster : NULL);
    if (!rc)
        rc = g->date_lo[0] ? px_store_each_article_near(g->store, g->date_lo, g->date_hi, co.window_days,
                                                        window_articles, restore_window, &f, err)
                           : px_store_each_window_article(g->store, co.window_days, window_articles,
                                                          restore_window, &f, err);
    if (!rc)
        rc = restore_related(g, &f, co.window_days, err);
    if (rc == PX_ESTOP)
        rc = px_error_set(err, PX_ENOMEM, "out of memory restoring the open stories");
    if (!rc && px_cluster_batch(f.c, g->o.final_merge_threshold) != PX_OK)
        rc = px_error_set(err, PX_ENOMEM, "out of memory merging stories");
    if (!rc) {
        /* one entry per stored story */
        qsort(f.home, f.n_home, sizeof *f.home, cmp_story);
        size_t k = 0;
        for (size_t i = 0; i < f.n_home; i++)
            if (!k || f.home[k - 1].story != f.home[i].story)
                f.home[k++] = f.home[i];
        f.n_home = k;
        qsort(f.art, f.n_art, sizeof *f.art, cmp_article_id);
        px_clusterer_foreach(f.c, count_homes, &f);
        rc = merge_homes(g, &f, err);
    }
    final_merge_free(&f);
    return rc;
}

/* One comparison per stale story after all its new articles are in:
 * comparing is far costlier than storing, so it never runs per article.
 * The stale stories are those this ingest touched and any an interrupted
 * ingest (or --no-analyze) left behind. */
static int refresh_stale(px_store *s, const px_ingest_opts *o, long long *done, px_error *err)
{
    int64_t *ids;
    size_t n;
    int rc = px_store_stale_stories(s, &ids, &n, err);
    for (size_t i = 0; !rc && i < n; i++) {
        rc = px_refresh_analysis(s, ids[i], NULL, err);
        if (rc)
            break;
        ++*done;
        if (o->analyze_progress)
            o->analyze_progress(*done, (long long)n, o->analyze_ud);
    }
    free(ids);
    return rc;
}

static int refresh_analyses(px_ingest *g, px_error *err)
{
    return refresh_stale(g->store, &g->o, &g->st.analyzed, err);
}

int px_ingest_reanalyze(px_store *s, const px_ingest_opts *o, int all, long long *done, px_error *err)
{
    px_ingest_opts dflt = {0};
    *done = 0;
    if (!o)
        o = &dflt;
    int rc = take_ingest_lock(s, o, err);
    int locked = rc == PX_OK;
    if (!rc && all)
        rc = px_store_mark_all_stale(s, err);
    if (!rc)
        rc = refresh_stale(s, o, done, err);
    if (locked)
        px_store_unlock_ingest(s);
    return rc;
}

/* The last articles, the batch merge and the template text are committed
 * together: until then the articles after templates_upto count as an
 * unfinished ingest's, replayed and merged again by the next one. */
int px_ingest_finish(px_ingest *g, px_error *err)
{
    g->finished = 1;
    /* Done with: the batch merge builds its own clusterer, and the two
     * windows would otherwise peak together. */
    px_clusterer_free(g->cluster);
    px_deduper_free(g->dedup);
    g->cluster = NULL;
    g->dedup = NULL;
    int rc = PX_OK;
    if (!g->open && !(rc = px_store_begin(g->store, err)))
        g->open = 1;
    if (!rc && g->o.final_merge_threshold >= 0 && (g->st.added || g->replayed))
        rc = batch_merge(g, err);
    if (!rc)
        rc = px_store_save_templates(g->store, g->templates, err);
    if (!rc)
        rc = commit_batch(g, err);
    if (!rc && !g->o.no_analyze)
        rc = refresh_analyses(g, err);
    return rc;
}

const px_ingest_stats *px_ingest_stats_of(const px_ingest *g)
{
    return &g->st;
}

void px_ingest_held_of(const px_ingest *g, px_ingest_held *out)
{
    out->memo_readings = g->memo ? px_cluster_memo_readings(g->memo->cluster) : 0;
    out->memo_terms = g->memo ? px_cluster_memo_terms(g->memo->cluster) : 0;
    out->dedup_memo_readings = g->memo ? px_dedup_memo_readings(g->memo->dedup) : 0;
    out->positions = g->n_pos < g->ring ? (size_t)g->n_pos : g->ring;
    out->touched = g->n_touched;
    out->touched_spilled = g->n_spilled;
}

int px_ingest_each_touched(const px_ingest *g, int (*fn)(int64_t story, void *ud), void *ud)
{
    return each_touched(g, fn, ud);
}

void px_ingest_free(px_ingest *g)
{
    if (!g)
        return;
    if (g->open)
        px_store_rollback(g->store);
    px_deduper_free(g->dedup);
    px_clusterer_free(g->cluster);
    px_templates_free(g->templates);
    px_ingest_memo_free(g->own_memo);
    free(g->pos);
    free(g->touched);
    free(g->flags);
    if (g->spill)
        fclose(g->spill);
    px_map_free(&g->revived);
    free(g->live_entry);
    free(g->merges);
    free(g->replay_keys);
    free(g->replay_story);
    if (g->locked)
        px_store_unlock_ingest(g->store);
    free(g);
}
