/* cmd_ingest.c - `parallax ingest`: read articles into the store. */
#include <stdlib.h>
#include <unistd.h>

#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: parallax ingest [OPTIONS] PATH...\n\n"
    "Reads articles (as `parallax read` does) and adds them to the store,\n"
    "one transaction per batch. Articles whose content is stored already are\n"
    "skipped, so ingesting the same input twice adds nothing. At the end,\n"
    "each story that received new articles is compared again (as `parallax\n"
    "analyze` does) and its report stored for show, report and the API,\n"
    "with every story an interrupted ingest left unanalysed. One ingest runs\n"
    "at a time on a database: a second waits for the first. When a database\n"
    "server goes away, the ingest connects again with growing pauses (for\n"
    "--retry seconds) and reads its input again: what was committed stays\n"
    "and is not stored twice (standard input cannot be read again).\n\n"
    "options:\n" CLI_DB_HELP CLI_INPUT_HELP
    "      --batch N        articles per transaction (default 500)\n"
    "      --no-analyze     do not refresh the analyses of the stories touched\n"
    "      --retry SECONDS  how long to try to reach a lost server (default 120)\n"
    "      --active-merge X least similarity to merge two open stories when an\n"
    "                       article brings them together (default 0.12; 0: never)\n"
    "      --final-merge X  at the end, least similarity to merge two stories of\n"
    "                       the window in a batch pass (default 0.05; 0: none)\n"
    "  -h, --help           this help\n";

typedef struct ingest_state {
    px_ingest *ingest;
    px_error err;
    int failed;
} ingest_state;

static int add_article(px_article *a, void *ud)
{
    ingest_state *st = ud;
    if (px_ingest_add(st->ingest, a, NULL, &st->err) != PX_OK) {
        st->failed = 1;
        return 1;
    }
    return 0;
}

static int parse_batch(const char *arg, size_t *batch)
{
    char *end;
    long n = strtol(arg, &end, 10);
    if (*arg == '\0' || *end || n < 1 || n > 1000000)
        return cli_usage_error("ingest", "--batch takes a number from 1 to 1000000, not '%s'", arg);
    *batch = (size_t)n;
    return 0;
}

static void say_waiting(const char *db, void *ud)
{
    (void)ud;
    fprintf(stderr, "parallax: %s: another ingest is running; waiting for it to finish\n", db);
}

static int reads_stdin(const cli_input *ci)
{
    for (size_t i = 0; i < ci->n_paths; i++)
        if (strcmp(ci->paths[i], "-") == 0)
            return 1;
    return 0;
}

/* One ingest of every input; 0, or 1 with st->err set. */
static int ingest_once(cli_input *ci, px_store *store, const px_ingest_opts *o, ingest_state *st)
{
    px_ingest_free(st->ingest);
    st->ingest = NULL;
    st->failed = 0;
    px_error_clear(&st->err);
    ci->errors = 0;
    ci->first_error[0] = '\0';
    if (px_ingest_new(&st->ingest, store, o, &st->err) != PX_OK)
        return 1;
    cli_input_read(ci, add_article, st);
    if (!st->failed && px_ingest_finish(st->ingest, &st->err) != PX_OK)
        st->failed = 1;
    return st->failed;
}

static int run_ingest(cli_input *ci, const char *db, px_ingest_opts o, int retry_s)
{
    px_store *store = cli_open_store(db, 0);
    if (!store)
        return EXIT_INPUT;
    ingest_state st = {0};
    cli_progress *bar = cli_progress_new("comparing stories", !ci->quiet && isatty(2));
    cli_progress_count_items(bar);
    o.analyze_progress = cli_progress_update;
    o.analyze_ud = bar;
    o.on_lock_wait = say_waiting;
    int failed = ingest_once(ci, store, &o, &st);
    while (failed && !reads_stdin(ci) && cli_store_reconnect(store, retry_s, &st.err))
        failed = ingest_once(ci, store, &o, &st);
    cli_progress_free(bar);
    if (failed)
        cli_error("%s", st.err.msg);
    if (!st.ingest) {
        px_store_close(store);
        return EXIT_INPUT;
    }
    const px_ingest_stats *s = px_ingest_stats_of(st.ingest);
    if (!ci->quiet)
        fprintf(stderr,
                "parallax: %s: %lld article%s read, %lld new, %lld stored already, %lld stor%s updated, "
                "%lld merged, %lld analys%s refreshed\n",
                px_store_path(store), s->seen, s->seen == 1 ? "" : "s", s->added, s->already,
                s->stories, s->stories == 1 ? "y" : "ies", s->merged, s->analyzed,
                s->analyzed == 1 ? "is" : "es");
    px_ingest_free(st.ingest);
    px_store_close(store);
    return failed ? EXIT_INPUT : cli_input_exit_code(ci);
}

typedef struct ingest_args {
    const char *db;
    px_ingest_opts o;
    int retry;
} ingest_args;

static int ingest_option(int opt, const char *arg, void *ud)
{
    ingest_args *a = ud;
    double x;
    if (opt == 0x300)
        a->db = arg;
    else if (opt == 0x302)
        a->o.no_analyze = 1;
    else if (opt == 0x303) {
        if (cli_number("--active-merge", arg, 0, 0.999, &x))
            return EXIT_USAGE;
        a->o.active_merge_threshold = x > 0 ? x : -1; /* 0 in the options is the default */
    } else if (opt == 0x304) {
        if (cli_number("--final-merge", arg, 0, 0.999, &x))
            return EXIT_USAGE;
        a->o.final_merge_threshold = x > 0 ? x : -1;
    } else if (opt == 0x305) {
        if (cli_number("--retry", arg, 0, 86400, &x))
            return EXIT_USAGE;
        a->retry = (int)x;
    } else
        return parse_batch(arg, &a->o.batch);
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option own[] = {CLI_DB_LONGOPT,
                                        {"batch", required_argument, NULL, 0x301},
                                        {"no-analyze", no_argument, NULL, 0x302},
                                        {"active-merge", required_argument, NULL, 0x303},
                                        {"final-merge", required_argument, NULL, 0x304},
                                        {"retry", required_argument, NULL, 0x305},
                                        {NULL, 0, NULL, 0}};
    cli_input ci;
    ingest_args a = {.retry = CLI_RETRY_DEFAULT};
    cli_input_init(&ci);
    int rc = cli_parse(&ci, "ingest", help, argc, argv, "", own, ingest_option, &a);
    if (rc != CLI_RUN)
        return rc;
    if (optind >= argc) {
        cli_input_free(&ci);
        return cli_usage_error("ingest", "no input given (use - for standard input)");
    }
    rc = run_ingest(&ci, a.db, a.o, a.retry);
    cli_input_free(&ci);
    return rc;
}
