/* cmd_worker.c - `parallax worker`: takes registered files from the work
 * queue and ingests them. Reading, extraction and cleaning run in
 * parallel in every worker; storing an item (duplicates, stories, the
 * analyses of the stories it touched) waits until every item registered
 * before it is stored, and runs under the store's ingest lock, which also
 * makes the clusterer restore its window from the database: the stories
 * come out as ingesting the items one after another in order. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "core/grow.h"
#include "store/queue.h"

static const char help[] =
    "usage: parallax worker --db postgresql://... [OPTIONS]\n\n"
    "Takes the first registered item (`parallax enqueue`) no other worker\n"
    "holds, reads it, and stores its articles once every item registered\n"
    "before it is stored; then the next. Run several, on one machine or many:\n"
    "they read in parallel and take turns to store. An item is held under a\n"
    "lease: a worker that dies loses it back to the queue when the lease\n"
    "runs out, and what it had stored is not stored twice. An item that\n"
    "cannot be read is marked failed with the reason; the others go on.\n"
    "When the database server goes away, the worker connects again with\n"
    "growing pauses (for --retry seconds) and does its item again: what\n"
    "was committed stays, and is not stored twice.\n\n"
    "options:\n" CLI_DB_HELP CLI_INPUT_HELP
    "      --lease SECONDS  how long an item is held without news (default 300)\n"
    "      --retry SECONDS  how long to try to reach a lost server (default 120)\n"
    "      --once           stop when nothing is pending or running (default:\n"
    "                       wait for more work)\n"
    "      --no-analyze     do not refresh the analyses of the stories touched\n"
    "  -h, --help           this help\n";

typedef struct worker {
    cli_input ci;
    px_store *store;
    char name[128];
    int lease, once, no_analyze, retry;
    px_article **articles;
    size_t n, cap;
    px_ingest_memo *memo;  /* every item's ingest reads the stored articles
                              near it back: read once, kept for the next */
} worker;

static void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static int collect(px_article *a, void *ud)
{
    worker *w = ud;
    if (px_grow(&w->articles, &w->cap, w->n + 1, sizeof *w->articles, 256, 0)) {
        px_article_free(a);
        return 1;
    }
    w->articles[w->n++] = a;
    return 0;
}

static void drop_articles(worker *w)
{
    for (size_t i = 0; i < w->n; i++)
        px_article_free(w->articles[i]);
    w->n = 0;
}

/* Waits until the items before this one are stored: 1 then, 0 when one of
 * them waits for a worker (this item goes back; take that one first), -1
 * on an error. */
static int wait_turn(worker *w, int64_t id, px_error *err)
{
    long renew_every = w->lease * 500L < 5000 ? w->lease * 500L : 5000; /* well within the lease */
    for (long waited = 0;; waited += 100) {
        int turn;
        if (px_store_work_turn(w->store, id, &turn, err) != PX_OK)
            return -1;
        if (turn != 0)
            return turn > 0;
        if (waited % renew_every == 0 && px_store_renew_work(w->store, id, w->name, w->lease, err) != PX_OK)
            return -1;
        pause_ms(100);
    }
}

/* Stores the articles read, as one ingest under the store's lock. */
static int store_articles(worker *w, long long *added, px_error *err)
{
    px_ingest_opts o = {.no_analyze = w->no_analyze, .memo = w->memo};
    px_ingest *g = NULL;
    int rc = px_ingest_new(&g, w->store, &o, err);
    for (size_t i = 0; rc == PX_OK && i < w->n; i++) {
        rc = px_ingest_add(g, w->articles[i], NULL, err);
        w->articles[i] = NULL;
    }
    if (rc == PX_OK)
        rc = px_ingest_finish(g, err);
    if (g)
        *added = px_ingest_stats_of(g)->added;
    px_ingest_free(g);
    for (size_t i = 0; i < w->n; i++)
        px_article_free(w->articles[i]);
    w->n = 0;
    return rc;
}

/* One item: read, wait for its turn, store, mark it. Returns 0 or -1 on a
 * database error, with err set (the lease gives the item back). */
static int work_on_held(worker *w, const px_work_item *item, int again, px_error *err)
{
    if (again && px_store_renew_work(w->store, item->id, w->name, w->lease, err))
        return -1;
    w->ci.errors = 0;
    w->ci.first_error[0] = '\0';
    w->ci.paths = (const char **)&item->path;
    w->ci.n_paths = 1;
    int read_rc = cli_input_read(&w->ci, collect, w);
    int turn = wait_turn(w, item->id, err);
    if (turn <= 0) {
        drop_articles(w);
        if (turn < 0)
            return -1;
        return px_store_release_work(w->store, item->id, err) == PX_OK ? 0 : -1;
    }
    long long added = 0;
    if (px_store_renew_work(w->store, item->id, w->name, w->lease, err) != PX_OK ||
        store_articles(w, &added, err) != PX_OK) {
        drop_articles(w);
        return -1;
    }
    char reason[400] = "";
    if (read_rc != PX_OK && !w->ci.errors)
        snprintf(reason, sizeof reason, "%s: cannot be read", item->path);
    else if (w->ci.errors)
        snprintf(reason, sizeof reason, "%d error%s reading; the first: %s", w->ci.errors,
                 w->ci.errors == 1 ? "" : "s", w->ci.first_error);
    return px_store_finish_work(w->store, item->id, *reason ? reason : NULL, added, err) == PX_OK ? 0 : -1;
}

/* work_on_held, but an item whose lease ran out and another worker took
 * meanwhile (a long wait; a reconnect, again) is left to that worker. */
static int work_on(worker *w, const px_work_item *item, int again, px_error *err)
{
    int rc = work_on_held(w, item, again, err);
    if (rc && err->code == PX_ESTOP) { /* another worker took it: its turn now */
        drop_articles(w);
        px_error_clear(err);
        return 0;
    }
    return rc;
}

static int queue_empty(worker *w, int *empty, px_error *err)
{
    cJSON *q;
    if (px_store_work_queue(w->store, &q, err) != PX_OK)
        return -1;
    *empty = cJSON_GetNumberValue(cJSON_GetObjectItem(q, "pending")) == 0 &&
             cJSON_GetNumberValue(cJSON_GetObjectItem(q, "running")) == 0;
    cJSON_Delete(q);
    return 0;
}

static int run_worker(worker *w)
{
    px_error err;
    px_error_clear(&err);
    for (;;) {
        px_work_item item;
        if (px_store_claim_work(w->store, w->name, w->lease, &item, &err) != PX_OK) {
            if (cli_store_reconnect(w->store, w->retry, &err))
                continue;
            break;
        }
        if (item.id) {
            int rc = work_on(w, &item, 0, &err);
            while (rc && cli_store_reconnect(w->store, w->retry, &err))
                rc = work_on(w, &item, 1, &err);
            if (rc && err.msg[0] && !strstr(err.msg, item.path))
                cli_error("%s: %s", item.path, err.msg), px_error_clear(&err);
            px_work_item_free(&item);
            if (rc)
                break;
            continue;
        }
        int empty;
        if (queue_empty(w, &empty, &err)) {
            if (cli_store_reconnect(w->store, w->retry, &err))
                continue;
            break;
        }
        if (empty && w->once)
            return EXIT_OK;
        pause_ms(500);
    }
    if (err.msg[0])
        cli_error("%s", err.msg);
    return err.code == PX_EUSAGE ? EXIT_USAGE : EXIT_INPUT;
}

static int worker_option(worker *w, int opt, const char *arg, const char **db)
{
    double x;
    switch (opt) {
    case 0x300: *db = arg; return 0;
    case 0x301:
        if (cli_number("--lease", arg, 1, 86400, &x))
            return EXIT_USAGE;
        w->lease = (int)x;
        return 0;
    case 0x302: w->once = 1; return 0;
    case 0x303: w->no_analyze = 1; return 0;
    case 0x304:
        if (cli_number("--retry", arg, 0, 86400, &x))
            return EXIT_USAGE;
        w->retry = (int)x;
        return 0;
    default: return cli_usage_error("worker", "unknown option");
    }
}

int cmd_worker(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             CLI_INPUT_LONGOPTS,
                                             {"lease", required_argument, NULL, 0x301},
                                             {"once", no_argument, NULL, 0x302},
                                             {"no-analyze", no_argument, NULL, 0x303},
                                             {"retry", required_argument, NULL, 0x304},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    worker w = {.lease = 300, .retry = CLI_RETRY_DEFAULT};
    const char *db = NULL;
    int opt, rc = 0;
    cli_input_init(&w.ci);
    optind = 1;
    while (rc == 0 && (opt = getopt_long(argc, argv, CLI_INPUT_SHORTOPTS "h", longopts, NULL)) != -1) {
        int r = cli_input_option(&w.ci, opt, optarg);
        if (r < 0)
            rc = EXIT_USAGE;
        else if (r == 0 && opt == 'h') {
            fputs(help, stdout);
            rc = -1;
        } else if (r == 0)
            rc = worker_option(&w, opt, optarg, &db);
    }
    if (rc == 0 && optind != argc)
        rc = cli_usage_error("worker", "unexpected argument '%s' (register files with parallax enqueue)", argv[optind]);
    if (rc == 0 && !(w.store = cli_open_store(db, 0)))
        rc = EXIT_INPUT;
    if (rc == 0 && !(w.memo = px_ingest_memo_new())) {
        cli_error("out of memory");
        rc = EXIT_INPUT;
    }
    if (rc == 0) {
        char host[64] = "";
        gethostname(host, sizeof host - 1);
        snprintf(w.name, sizeof w.name, "%s:%ld", host, (long)getpid());
        rc = run_worker(&w);
    }
    px_store_close(w.store);
    px_ingest_memo_free(w.memo);
    free(w.articles);
    cli_input_free(&w.ci);
    return rc < 0 ? EXIT_OK : rc;
}
