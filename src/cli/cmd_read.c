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

static int read_option(int opt, const char *arg, void *ud)
{
    (void)arg;
    ((read_state *)ud)->show_removed = opt == 0x200;
    return 0;
}

int cmd_read(int argc, char **argv)
{
    static const struct option own[] = {{"show-removed", no_argument, NULL, 0x200},
                                        {NULL, 0, NULL, 0}};
    cli_input ci;
    read_state st = {0};
    cli_input_init(&ci);
    int rc = cli_parse(&ci, "read", help, argc, argv, "", own, read_option, &st);
    if (rc != CLI_RUN)
        return rc;
    px_templates *templates = NULL;
    if (!ci.raw && px_templates_new(&templates, 0)) {
        cli_error("out of memory");
        cli_input_free(&ci);
        return EXIT_INPUT;
    }
    ci.clean.templates = templates;
    cli_input_read(&ci, print_article, &st);
    px_templates_free(templates);
    cli_input_free(&ci);
    return cli_input_exit_code(&ci);
}
