/* cmd_extract.c - `parallax extract`: web pages and crawl archives in, the
 * article of each page out (JSON Lines, or the bare main text). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: parallax extract [OPTIONS] [PATH...]\n\n"
    "Extracts the article (main text and metadata) of every web page in\n"
    "PATH: .html/.htm files, .warc/.warc.gz crawl archives (every HTML\n"
    "response or resource record), JSON Lines with an \"html\" field; other\n"
    "formats are read as by `parallax read`. Prints one JSON object per\n"
    "article per line (docs/formats.md); records of a WARC carry\n"
    "extra.warc with their offset and id.\n\n"
    "options:\n" CLI_INPUT_HELP
    "  -t, --text           print only the main text of each article,\n"
    "                       articles separated by a line holding a form feed\n"
    "  -h, --help           this help\n";

typedef struct extract_state {
    int text_only;
    long printed;
} extract_state;

static int print_article(px_article *a, void *ud)
{
    extract_state *st = ud;
    if (st->text_only) {
        if (st->printed++)
            fputs("\f\n", stdout);
        fputs(a->body ? a->body : "", stdout);
        fputc('\n', stdout);
    } else {
        char *json = px_article_to_json(a);
        if (json) {
            fputs(json, stdout);
            fputc('\n', stdout);
            free(json);
        }
    }
    px_article_free(a);
    return 0;
}

static int extract_option(int opt, const char *arg, void *ud)
{
    (void)arg;
    ((extract_state *)ud)->text_only = opt == 't';
    return 0;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option own[] = {{"text", no_argument, NULL, 't'}, {NULL, 0, NULL, 0}};
    cli_input ci;
    extract_state st = {0, 0};
    cli_input_init(&ci);
    int rc = cli_parse(&ci, "extract", help, argc, argv, "t", own, extract_option, &st);
    if (rc != CLI_RUN)
        return rc;
    cli_input_read(&ci, print_article, &st);
    cli_input_free(&ci);
    return cli_input_exit_code(&ci);
}
