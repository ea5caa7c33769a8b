/* cmd_reanalyze.c - `parallax reanalyze`: refresh the stored analyses that
 * an interrupted ingest (or --no-analyze) left out of date. */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
    "usage: parallax reanalyze [OPTIONS]\n\n"
    "Compares again every stored story whose analysis is missing or out of\n"
    "date (an ingest that was interrupted, ran with --no-analyze or failed\n"
    "before its analyses were stored marks them) and stores the reports.\n"
    "Every ingest does this too; this command does only that. It waits for\n"
    "an ingest running on the same database to finish.\n\n"
    "options:\n" CLI_DB_HELP
    "      --all            compare every story again, not only the stale ones\n"
    "  -q, --quiet          no progress or summary on stderr\n"
    "  -h, --help           this help\n";

static void say_waiting(const char *db, void *ud)
{
    (void)ud;
    fprintf(stderr, "parallax: %s: another ingest is running; waiting for it to finish\n", db);
}

int cmd_reanalyze(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"all", no_argument, NULL, 'a'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int all = 0, quiet = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'a': all = 1; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("reanalyze", "unknown option");
        }
    }
    if (optind != argc)
        return cli_usage_error("reanalyze", "unexpected argument '%s'", argv[optind]);
    px_store *store = cli_open_store(db, 0);
    if (!store)
        return EXIT_INPUT;
    cli_progress *bar = cli_progress_new("comparing stories", !quiet && isatty(2));
    cli_progress_count_items(bar);
    px_ingest_opts o = {.analyze_progress = cli_progress_update, .analyze_ud = bar, .on_lock_wait = say_waiting};
    px_error err;
    px_error_clear(&err);
    long long done;
    int rc = px_ingest_reanalyze(store, &o, all, &done, &err);
    cli_progress_free(bar);
    if (rc)
        cli_error("%s", err.msg);
    if (!quiet)
        fprintf(stderr, "parallax: %s: %lld analys%s refreshed\n", px_store_path(store), done,
                done == 1 ? "is" : "es");
    px_store_close(store);
    return rc ? EXIT_INPUT : EXIT_OK;
}
