/* cmd_export.c - `parallax export`: every stored article as JSON Lines. */
#include <stdlib.h>

#include "cli.h"

static const char help[] =
    "usage: parallax export [OPTIONS] --jsonl\n\n"
    "Prints every stored article as one line of JSON, in the article format\n"
    "of `parallax read` (docs/formats.md); `parallax ingest` reads it back.\n\n"
    "options:\n" CLI_DB_HELP
    "      --jsonl          JSON Lines (the only export format)\n"
    "  -h, --help           this help\n";

static int print_article(const px_stored_article *sa, void *ud)
{
    (void)ud;
    char *json = px_article_to_json(sa->a);
    if (!json)
        return 1;
    puts(json);
    free(json);
    return ferror(stdout) != 0;
}

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"jsonl", no_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'j': break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("export", "unknown option");
        }
    }
    if (optind != argc)
        return cli_usage_error("export", "unexpected argument '%s'", argv[optind]);
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    if (!store)
        return EXIT_INPUT;
    px_error err;
    px_error_clear(&err);
    int rc = px_store_each_article(store, print_article, NULL, &err);
    px_store_close(store);
    if (rc) {
        cli_error("%s", rc == PX_ESTOP ? "cannot write the export (out of memory or output closed)" : err.msg);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}
