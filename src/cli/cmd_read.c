/* cmd_read.c - `parallax read`: articles in, one JSON object per line out. */
#include <stdlib.h>

#include "cli.h"

static const char help[] =
    "usage: parallax read [OPTIONS] [PATH...]\n\n"
    "Reads articles and prints each as one line of JSON (docs/formats.md).\n"
    "PATH may be a file (.txt, .jsonl, .ndjson, optionally .gz or .zst), a\n"
    "folder (read recursively in sorted order) or - for standard input.\n\n"
    "options:\n" CLI_INPUT_HELP
    "      --show-removed   print what cleaning removed to stderr\n"
    "  -h, --help           this help\n";

typedef struct read_state {
    int show_removed;
} read_state;

static int print_article(px_article *a, void *ud)
{
    read_state *st = ud;
    char *json = px_article_to_json(a);
    if (json) {
        fputs(json, stdout);
        fputc('\n', stdout);
        free(json);
    }
    if (st->show_removed)
        for (size_t i = 0; i < a->n_removed; i++)
            fprintf(stderr, "removed [%s] %s: %s\n", a->removed[i].reason, a->id,
                    a->removed[i].text);
    px_article_free(a);
    return 0;
}

int cmd_read(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_INPUT_LONGOPTS,
                                             {"show-removed", no_argument, NULL, 0x200},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    cli_input ci;
    read_state st = {0};
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
        if (opt == 'h') {
            fputs(help, stdout);
            cli_input_free(&ci);
            return EXIT_OK;
        }
        if (opt == 0x200) {
            st.show_removed = 1;
            continue;
        }
        cli_input_free(&ci);
        return cli_usage_error("read", "unknown option");
    }
    cli_input_finish(&ci, argc, argv);
    cli_input_read(&ci, print_article, &st);
    cli_input_free(&ci);
    return cli_input_exit_code(&ci);
}
