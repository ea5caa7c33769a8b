/* cmd_sentences.c - `parallax sentences`: articles in, their sentences out
 * (JSON Lines with code point offsets), or plain text in, one sentence per
 * line out (--text). Formats in docs/text.md. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "cli.h"

static const char help[] =
    "usage: parallax sentences [OPTIONS] [PATH...]\n\n"
    "Splits the body of every article into sentences and prints one JSON object\n"
    "per article: {\"id\":..., \"sentences\":[{\"text\":..., \"start\":..., \"end\":...}]}.\n"
    "start and end are code point offsets into the article's cleaned \"text\"\n"
    "(end exclusive). Articles are read as by 'parallax read' (and cleaned\n"
    "unless --raw).\n\n"
    "options:\n" CLI_INPUT_HELP
    "  -t, --text           input is plain UTF-8 text (each file one text), not\n"
    "                       articles; print one sentence per line\n"
    "  -h, --help           this help\n";

static void print_article_sentences(const px_article *a, const px_spans *sp)
{
    const char *body = a->body ? a->body : "";
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", a->id ? a->id : "");
    cJSON *arr = cJSON_AddArrayToObject(o, "sentences");
    size_t cp = 0, at = 0; /* code point offset of byte offset at */
    for (size_t i = 0; arr && i < sp->n; i++) {
        cp += px_utf8_offset_to_cp(body + at, sp->v[i].start - at);
        size_t start = cp;
        cp += px_utf8_offset_to_cp(body + sp->v[i].start, sp->v[i].end - sp->v[i].start);
        at = sp->v[i].end;
        char *text = px_strndup(body + sp->v[i].start, sp->v[i].end - sp->v[i].start);
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "text", text ? text : "");
        cJSON_AddNumberToObject(s, "start", (double)start);
        cJSON_AddNumberToObject(s, "end", (double)cp);
        cJSON_AddItemToArray(arr, s);
        free(text);
    }
    char *json = cJSON_PrintUnformatted(o);
    if (json) {
        fputs(json, stdout);
        fputc('\n', stdout);
    }
    free(json);
    cJSON_Delete(o);
}

static int on_article(px_article *a, void *ud)
{
    (void)ud;
    px_spans sp = {0};
    const char *body = a->body ? a->body : "";
    if (px_split_sentences_lang(body, strlen(body), a->language, &sp) == PX_OK)
        print_article_sentences(a, &sp);
    else
        cli_error("%s: out of memory", a->input_path ? a->input_path : "-");
    px_spans_free(&sp);
    px_article_free(a);
    return 0;
}

/* One sentence per line: line breaks inside a sentence become spaces. */
static void print_plain(const char *text, const px_spans *sp)
{
    for (size_t i = 0; i < sp->n; i++) {
        for (size_t k = sp->v[i].start; k < sp->v[i].end; k++) {
            char c = text[k];
            fputc(c == '\n' || c == '\r' ? ' ' : c, stdout);
        }
        fputc('\n', stdout);
    }
}

static int split_text_file(cli_input *ci, const char *path)
{
    px_input *in;
    px_error err;
    px_error_clear(&err);
    px_buf text = {0};
    size_t max = ci->opts.max_record ? ci->opts.max_record : PX_DEFAULT_MAX_RECORD;
    if (px_input_open(&in, path, &err) != PX_OK || px_input_read_all(in, &text, max, &err) != PX_OK) {
        cli_error("%s: %s", path, err.msg[0] ? err.msg : "cannot read");
        px_buf_free(&text);
        return 1;
    }
    px_input_close(in);
    long long first_bad;
    size_t bad = text.data ? px_utf8_repair(&text, &first_bad) : 0;
    if (bad && !ci->quiet)
        fprintf(stderr, "parallax: %s@%lld: warning: invalid UTF-8 (%zu bytes) replaced by U+FFFD\n",
                path, first_bad, bad);
    px_spans sp = {0};
    int rc = 0;
    const char *lang = ci->opts.language;
    if (!lang && text.data)
        lang = px_detect_language(text.data, text.len);
    if (text.data && px_split_sentences_lang(text.data, text.len, lang, &sp) != PX_OK) {
        cli_error("%s: out of memory", path);
        rc = 1;
    } else if (text.data) {
        print_plain(text.data, &sp);
    }
    px_spans_free(&sp);
    px_buf_free(&text);
    return rc;
}

static int sentences_option(int opt, const char *arg, void *ud)
{
    (void)arg;
    *(int *)ud = opt == 't';
    return 0;
}

int cmd_sentences(int argc, char **argv)
{
    static const struct option own[] = {{"text", no_argument, NULL, 't'}, {NULL, 0, NULL, 0}};
    cli_input ci;
    int plain = 0;
    cli_input_init(&ci);
    int rc = cli_parse(&ci, "sentences", help, argc, argv, "t", own, sentences_option, &plain);
    if (rc != CLI_RUN)
        return rc;
    if (plain) {
        int failed = 0;
        for (size_t i = 0; i < ci.n_paths; i++)
            failed |= split_text_file(&ci, ci.paths[i]);
        cli_input_free(&ci);
        return failed ? EXIT_INPUT : EXIT_OK;
    }
    cli_input_read(&ci, on_article, NULL);
    cli_input_free(&ci);
    return cli_input_exit_code(&ci);
}
