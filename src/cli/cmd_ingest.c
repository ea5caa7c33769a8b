/* cmd_ingest.c - `parallax ingest`: read articles into the store. */
#include <stdlib.h>

#include "cli.h"

static const char help[] =
    "usage: parallax ingest [OPTIONS] PATH...\n\n"
    "Reads articles (as `parallax read` does) and adds them to the store,\n"
    "one transaction per batch. Articles whose content is stored already are\n"
    "skipped, so ingesting the same input twice adds nothing. At the end,\n"
    "each story that received new articles is compared again (as `parallax\n"
    "analyze` does) and its report stored for show, report and the API.\n\n"
    "options:\n" CLI_DB_HELP CLI_INPUT_HELP
    "      --batch N        articles per transaction (default 500)\n"
    "      --no-analyze     do not refresh the analyses of the stories touched\n"
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

static int run_ingest(cli_input *ci, const char *db, size_t batch, int no_analyze)
{
    px_store *store = cli_open_store(db, 0);
    if (!store)
        return EXIT_INPUT;
    ingest_state st = {0};
    px_ingest_opts o = {.batch = batch, .no_analyze = no_analyze};
    px_error_clear(&st.err);
    if (px_ingest_new(&st.ingest, store, &o, &st.err) != PX_OK) {
        cli_error("%s", st.err.msg);
        px_store_close(store);
        return EXIT_INPUT;
    }
    cli_input_read(ci, add_article, &st);
    if (!st.failed && px_ingest_finish(st.ingest, &st.err) != PX_OK)
        st.failed = 1;
    if (st.failed)
        cli_error("%s", st.err.msg);
    const px_ingest_stats *s = px_ingest_stats_of(st.ingest);
    if (!ci->quiet)
        fprintf(stderr,
                "parallax: %s: %lld article%s read, %lld new, %lld stored already, %lld stor%s updated, "
                "%lld analys%s refreshed\n",
                px_store_path(store), s->seen, s->seen == 1 ? "" : "s", s->added, s->already,
                s->stories, s->stories == 1 ? "y" : "ies", s->analyzed, s->analyzed == 1 ? "is" : "es");
    px_ingest_free(st.ingest);
    px_store_close(store);
    return st.failed ? EXIT_INPUT : cli_input_exit_code(ci);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_INPUT_LONGOPTS, CLI_DB_LONGOPT,
                                             {"batch", required_argument, NULL, 0x301},
                                             {"no-analyze", no_argument, NULL, 0x302},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    cli_input ci;
    const char *db = NULL;
    size_t batch = 0;
    int no_analyze = 0;
    cli_input_init(&ci);
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_INPUT_SHORTOPTS "h", longopts, NULL)) != -1) {
        int r = cli_input_option(&ci, opt, optarg);
        if (r < 0) {
            cli_input_free(&ci);
            return EXIT_USAGE;
        }
        if (r)
            continue;
        if (opt == 0x300) {
            db = optarg;
        } else if (opt == 0x302) {
            no_analyze = 1;
        } else if (opt == 0x301 && parse_batch(optarg, &batch) == 0) {
            continue;
        } else if (opt == 'h') {
            fputs(help, stdout);
            cli_input_free(&ci);
            return EXIT_OK;
        } else {
            cli_input_free(&ci);
            return opt == 0x301 ? EXIT_USAGE : cli_usage_error("ingest", "unknown option");
        }
    }
    if (optind >= argc) {
        cli_input_free(&ci);
        return cli_usage_error("ingest", "no input given (use - for standard input)");
    }
    cli_input_finish(&ci, argc, argv);
    int rc = run_ingest(&ci, db, batch, no_analyze);
    cli_input_free(&ci);
    return rc;
}
