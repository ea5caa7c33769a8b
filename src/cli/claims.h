/* claims.h - what the claim commands (quotes, numbers, entities) share:
 * option parsing around a per-article callback, code point offsets and
 * JSON output. */
#ifndef PARALLAX_CLI_CLAIMS_H
#define PARALLAX_CLI_CLAIMS_H

#include <cjson/cJSON.h>
#include "cli.h"
#include "report/report_json.h"

/* Parses the input options and --help of command name, reads every input
 * and hands each article to fn (which owns it). Returns the exit code. */
int cli_article_command(int argc, char **argv, const char *name, const char *help,
                        px_article_fn fn, void *ud);

/* Converts byte offsets of one text to code point offsets; cheap when the
 * offsets asked for mostly increase. */
typedef struct cli_cp_cursor {
    const char *text;
    size_t byte, cp;
} cli_cp_cursor;

void cli_cp_init(cli_cp_cursor *c, const char *text);
size_t cli_cp(cli_cp_cursor *c, size_t byte);

/* Adds "start"/"end" (code points) for the byte span to o. */
void cli_json_span(cJSON *o, cli_cp_cursor *c, const char *start_key, const char *end_key,
                   size_t start, size_t end);
/* Adds text[start:end] as a string. */
void cli_json_slice(cJSON *o, const char *key, const char *text, size_t start, size_t end);
/* A new object with the article's id, source and date and the claim kind. */
cJSON *cli_claim_object(const px_article *a, const char *kind);
/* Prints o as one line on stdout and deletes it. */
void cli_json_print(cJSON *o);

#endif
