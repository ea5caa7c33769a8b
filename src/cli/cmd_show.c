/* cmd_show.c - `parallax show`: one stored story's report on the terminal. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/queries.h"

static const char help[] =
    "usage: parallax show [OPTIONS] STORY\n\n"
    "Prints the stored analysis of a story: the report `parallax analyze`\n"
    "prints (numbers that disagree, quotes, people, framing, consensus and\n"
    "omissions, timeline, summary), after a line naming the story in the\n"
    "store and, when it has any, its related stories in other languages\n"
    "(\"Also covered in: de, fr\"). A story ingested with --no-analyze is\n"
    "compared now (not stored).\n\n"
    "options:\n" CLI_DB_HELP
    "      --json           print the report JSON with the store's fields (docs/api.md)\n"
    "      --full           list every item (compares the story now)\n"
    "      --color WHEN     never (default: the stored report), always or auto\n"
    "                       (colours compare the story now); NO_COLOR is respected\n"
    "  -h, --help           this help\n";

static const char *str(const cJSON *o, const char *key, const char *dflt)
{
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(o, key));
    return s ? s : dflt;
}

static int num(const cJSON *o, const char *key)
{
    return (int)cJSON_GetNumberValue(cJSON_GetObjectItem(o, key));
}

/* "Also covered in: de, fr" and the related stories in other languages,
 * as the store links them now (docs/links.md); nothing when none. */
static int print_links(px_store *store, long long id)
{
    cJSON *links = NULL, *l;
    px_error err;
    px_error_clear(&err);
    if (px_store_story_links(store, id, &links, &err) != PX_OK) {
        cli_error("%s", err.msg);
        return EXIT_INPUT;
    }
    if (!links)
        return EXIT_OK;
    fputs("Also covered in: ", stdout);
    int k = 0;
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(links, "languages"))
        printf("%s%s", k++ ? ", " : "", l->valuestring);
    fputs("\n", stdout);
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(links, "stories"))
        printf("  [%s] story %d %s\n", str(l, "language", "?"), num(l, "id"), str(l, "title", "(untitled)"));
    fputs("\n", stdout);
    cJSON_Delete(links);
    return EXIT_OK;
}

/* The store's header line, then the renderer's text: the stored one,
 * unless the options ask for a rendering that is not stored. */
static int print_text(px_store *store, long long id, const cJSON *story, const px_report_opts *ro)
{
    px_stored_analysis an = {0};
    px_error err;
    px_error_clear(&err);
    int fresh = ro->full || ro->color;
    int rc = fresh ? PX_OK : px_store_get_analysis(store, id, &an, &err);
    const char *when = an.updated;
    if (!rc && !an.text) {
        px_stored_analysis_free(&an);
        rc = px_analyze_stored_story_with(store, id, NULL, ro, &an, &err);
        when = NULL;
    }
    if (rc) {
        cli_error("%s", err.msg);
        return EXIT_INPUT;
    }
    printf("Story %d in %s: %d article%s from %d outlet%s, %s to %s; %s%s\n\n", num(story, "id"),
           px_store_path(store), num(story, "articles"), num(story, "articles") == 1 ? "" : "s",
           num(story, "sources"), num(story, "sources") == 1 ? "" : "s", str(story, "first_date", "?"),
           str(story, "last_date", "?"), when ? "analysed " : fresh ? "compared now" : "not analysed in the store, compared now",
           when ? when : "");
    if (print_links(store, id) != EXIT_OK) {
        px_stored_analysis_free(&an);
        return EXIT_INPUT;
    }
    fputs(an.text, stdout);
    px_stored_analysis_free(&an);
    return EXIT_OK;
}

static int show(px_store *store, long long id, int json, const px_report_opts *ro, const char *db)
{
    cJSON *story;
    px_error err;
    px_error_clear(&err);
    int rc = json ? px_report_story_json(store, id, &story, &err) : px_store_story_summary(store, id, &story, &err);
    if (!rc && !story) {
        cli_error("no story %lld in %s", id, cli_db_path(db));
        return EXIT_INPUT;
    }
    if (json || rc)
        return cli_query_done("show", rc, &err, story, 1, NULL);
    rc = print_text(store, id, story, ro);
    cJSON_Delete(story);
    return rc;
}

int cmd_show(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"json", no_argument, NULL, 'j'},
                                             {"full", no_argument, NULL, 'f'},
                                             {"color", required_argument, NULL, 'c'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL, *color = "never";
    int json = 0, opt;
    px_report_opts ro = {0};
    optind = 1;
    while ((opt = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'j': json = 1; break;
        case 'f': ro.full = 1; break;
        case 'c':
            if (cli_color("show", optarg) < 0)
                return EXIT_USAGE;
            color = optarg;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("show", "unknown option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("show", "give one STORY id (see `parallax stories`)");
    ro.color = cli_color("show", color) == 1;
    long long id = cli_parse_id("show", "STORY", argv[optind]);
    if (!id)
        return EXIT_USAGE;
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    if (!store)
        return EXIT_INPUT;
    int rc = show(store, id, json, &ro, db);
    px_store_close(store);
    return rc;
}
