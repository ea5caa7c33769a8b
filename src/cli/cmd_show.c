/* cmd_show.c - `parallax show`: one stored story on the terminal. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: parallax show [OPTIONS] STORY\n\n"
    "Prints a stored story: its coverage by outlet and leaning, its articles\n"
    "with what cleaning removed, and the stored analysis.\n\n"
    "options:\n" CLI_DB_HELP
    "      --json           print the story as one JSON object (docs/api.md)\n"
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

static void print_coverage(const cJSON *story)
{
    const cJSON *c;
    printf("\nCoverage\n");
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(story, "coverage"))
        printf("  %-24s %-13s %2d article%s  %s\n", str(c, "source", "unknown"), str(c, "leaning", "unknown"),
               num(c, "articles"), num(c, "articles") == 1 ? " " : "s", str(c, "first_date", "undated"));
}

static void print_articles(const cJSON *story)
{
    const cJSON *a, *r;
    int i = 0;
    printf("\nArticles\n");
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(story, "articles_list")) {
        printf("  [%d] %s  %s  (article %d)\n      %s\n", ++i, str(a, "date", "undated"),
               str(a, "source", "unknown"), num(a, "row"), str(a, "title", "(untitled)"));
        cJSON_ArrayForEach(r, cJSON_GetObjectItem(a, "removed"))
            printf("      removed (%s): %.100s%s\n", str(r, "reason", "?"), str(r, "text", ""),
                   strlen(str(r, "text", "")) > 100 ? "..." : "");
    }
}

/* The analysis is a JSON report (docs/report-schema.md); without a renderer
 * for every section here, print each section's size and its text lines. */
static void print_analysis(const cJSON *story)
{
    const cJSON *an = cJSON_GetObjectItem(story, "analysis"), *sec;
    if (!cJSON_IsObject(an)) {
        printf("\nNo analysis stored for this story yet.\n");
        return;
    }
    printf("\nAnalysis\n");
    cJSON_ArrayForEach(sec, an) {
        if (cJSON_IsString(sec))
            printf("  %s: %s\n", sec->string, sec->valuestring);
        else if (cJSON_IsArray(sec))
            printf("  %s: %d item%s\n", sec->string, cJSON_GetArraySize(sec),
                   cJSON_GetArraySize(sec) == 1 ? "" : "s");
    }
}

static void print_story(const cJSON *story)
{
    printf("Story %d: %s\n%d articles from %d outlets, %s to %s\n", num(story, "id"),
           str(story, "title", "(untitled)"), num(story, "articles"), num(story, "sources"),
           str(story, "first_date", "?"), str(story, "last_date", "?"));
    print_coverage(story);
    print_analysis(story);
    print_articles(story);
}

int cmd_show(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"json", no_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int json = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'j': json = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("show", "unknown option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("show", "give one STORY id (see `parallax stories`)");
    long long id = cli_parse_id("show", "STORY", argv[optind]);
    if (!id)
        return EXIT_USAGE;
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    if (!store)
        return EXIT_INPUT;
    cJSON *story;
    px_error err;
    px_error_clear(&err);
    int rc = px_store_story(store, id, &story, &err);
    px_store_close(store);
    if (!rc && !story) {
        cli_error("no story %lld in %s", id, cli_db_path(db));
        return EXIT_INPUT;
    }
    return cli_query_done("show", rc, &err, story, json, print_story);
}
