/* cmd_report.c - `parallax report`: stored stories as standalone HTML. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "store/queries.h"

static const char help[] =
    "usage: parallax report [OPTIONS] --html DIR (STORY... | --all)\n\n"
    "Writes each story as DIR/story-ID.html, the stored analysis as the HTML\n"
    "page `parallax analyze --html` writes (self-contained, opens without a\n"
    "server), and DIR/index.html linking them. A story ingested with\n"
    "--no-analyze is compared now (not stored).\n\n"
    "options:\n" CLI_DB_HELP
    "      --html DIR       folder to write the pages into (created if needed)\n"
    "      --all            every stored story\n"
    "  -h, --help           this help\n";

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

static void append_escaped(px_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': px_buf_puts(b, "&lt;"); break;
        case '>': px_buf_puts(b, "&gt;"); break;
        case '&': px_buf_puts(b, "&amp;"); break;
        case '"': px_buf_puts(b, "&quot;"); break;
        default: px_buf_append(b, s, 1);
        }
    }
}

/* The story's stored HTML report, or one rendered now when none is stored. */
static int story_html(px_store *store, long long id, px_stored_analysis *an)
{
    px_error err;
    px_error_clear(&err);
    int rc = px_store_get_analysis(store, id, an, &err);
    if (!rc && !an->html) {
        px_stored_analysis_free(an);
        rc = px_analyze_stored_story(store, id, NULL, an, &err);
    }
    if (rc)
        cli_error("story %lld: %s", id, err.msg);
    return rc ? -1 : 0;
}

static int write_story(px_store *store, long long id, const char *dir, px_buf *index)
{
    cJSON *story;
    px_error err;
    px_error_clear(&err);
    if (px_store_story_summary(store, id, &story, &err) != PX_OK) {
        cli_error("%s", err.msg);
        return -1;
    }
    if (!story) {
        cli_error("no story %lld in %s", id, px_store_path(store));
        return -1;
    }
    px_stored_analysis an;
    char path[4096];
    snprintf(path, sizeof path, "%s/story-%lld.html", dir, id);
    int rc = story_html(store, id, &an) == 0 ? write_file(path, an.html) : -1;
    px_buf_printf(index, "<li><a href=\"story-%lld.html\">", id);
    append_escaped(index, cJSON_GetStringValue(cJSON_GetObjectItem(story, "title")));
    px_buf_printf(index, "</a> (%d articles, ",
                  (int)cJSON_GetNumberValue(cJSON_GetObjectItem(story, "articles")));
    append_escaped(index, cJSON_GetStringValue(cJSON_GetObjectItem(story, "first_date")));
    px_buf_puts(index, " to ");
    append_escaped(index, cJSON_GetStringValue(cJSON_GetObjectItem(story, "last_date")));
    px_buf_puts(index, ")</li>\n");
    px_stored_analysis_free(&an);
    cJSON_Delete(story);
    return rc;
}

static int all_story_ids(px_store *store, long long **ids, size_t *n)
{
    cJSON *res, *st;
    px_error err;
    px_error_clear(&err);
    px_story_query q = {.limit = 10000};
    if (px_store_stories(store, &q, &res, &err) != PX_OK) {
        cli_error("%s", err.msg);
        return -1;
    }
    *n = 0;
    *ids = calloc((size_t)cJSON_GetArraySize(cJSON_GetObjectItem(res, "stories")) + 1, sizeof **ids);
    cJSON_ArrayForEach(st, cJSON_GetObjectItem(res, "stories"))
        (*ids)[(*n)++] = (long long)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "id"));
    cJSON_Delete(res);
    return 0;
}

static int write_reports(px_store *store, const char *dir, long long *ids, size_t n)
{
    px_buf index = {0};
    int failed = 0;
    px_buf_puts(&index, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<title>parallax stories</title></head><body>\n<h1>Stories</h1>\n<ul>\n");
    for (size_t i = 0; i < n; i++)
        failed |= write_story(store, ids[i], dir, &index) != 0;
    px_buf_puts(&index, "</ul>\n</body></html>\n");
    char path[4096];
    snprintf(path, sizeof path, "%s/index.html", dir);
    failed |= write_file(path, index.data) != 0;
    px_buf_free(&index);
    if (!failed)
        fprintf(stderr, "parallax: wrote %zu stor%s to %s/\n", n, n == 1 ? "y" : "ies", dir);
    return failed ? EXIT_INPUT : EXIT_OK;
}

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"html", required_argument, NULL, 'o'},
                                             {"all", no_argument, NULL, 'a'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL, *dir = NULL;
    int all = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:ah", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'o': dir = optarg; break;
        case 'a': all = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("report", "unknown option");
        }
    }
    if (!dir)
        return cli_usage_error("report", "--html DIR is required");
    if (all == (optind < argc))
        return cli_usage_error("report", "give STORY ids or --all (not both)");
    size_t n = all ? 0 : (size_t)(argc - optind);
    long long *ids = all ? NULL : calloc(n + 1, sizeof *ids);
    for (size_t i = 0; !all && i < n; i++) {
        if (!(ids[i] = cli_parse_id("report", "STORY", argv[optind + (int)i]))) {
            free(ids);
            return EXIT_USAGE;
        }
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        cli_error("%s: cannot create the folder: %s", dir, strerror(errno));
        free(ids);
        return EXIT_INPUT;
    }
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    int rc = EXIT_INPUT;
    if (store && (!all || all_story_ids(store, &ids, &n) == 0))
        rc = write_reports(store, dir, ids, n);
    px_store_close(store);
    free(ids);
    return rc;
}
