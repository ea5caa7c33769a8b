/* claims.c - shared plumbing of the quotes, numbers and entities commands. */
#include <stdlib.h>
#include <string.h>

#include "claims.h"

int cli_article_command(int argc, char **argv, const char *name, const char *help,
                        px_article_fn fn, void *ud)
{
    cli_input ci;
    cli_input_init(&ci);
    int rc = cli_parse(&ci, name, help, argc, argv, "", NULL, NULL, NULL);
    if (rc != CLI_RUN)
        return rc;
    cli_input_read(&ci, fn, ud);
    cli_input_free(&ci);
    return cli_input_exit_code(&ci);
}

void cli_cp_init(cli_cp_cursor *c, const char *text)
{
    c->text = text;
    c->byte = c->cp = 0;
}

size_t cli_cp(cli_cp_cursor *c, size_t byte)
{
    if (byte < c->byte)
        c->byte = c->cp = 0;
    for (; c->byte < byte && c->text[c->byte]; c->byte++)
        if (((unsigned char)c->text[c->byte] & 0xC0) != 0x80)
            c->cp++;
    return c->cp;
}

void cli_json_span(cJSON *o, cli_cp_cursor *c, const char *start_key, const char *end_key,
                   size_t start, size_t end)
{
    cJSON_AddNumberToObject(o, start_key, (double)cli_cp(c, start));
    cJSON_AddNumberToObject(o, end_key, (double)cli_cp(c, end));
}

void cli_json_slice(cJSON *o, const char *key, const char *text, size_t start, size_t end)
{
    char *s = px_strndup(text + start, end - start);
    px_json_str(o, key, s ? s : "");
    free(s);
}

void cli_json_print(cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    if (s) {
        fputs(s, stdout);
        fputc('\n', stdout);
        free(s);
    }
    cJSON_Delete(o);
}

cJSON *cli_claim_object(const px_article *a, const char *kind)
{
    cJSON *o = cJSON_CreateObject();
    px_json_str(o, "article", a->id);
    px_json_str(o, "source", a->source);
    px_json_str(o, "date", a->date);
    cJSON_AddStringToObject(o, "kind", kind);
    return o;
}
