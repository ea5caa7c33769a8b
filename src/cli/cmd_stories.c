/* cmd_stories.c - `parallax stories`: list the stored stories. */
#include <stdlib.h>

#include "cli.h"
#include "store/queries.h"

static const char help[] =
    "usage: parallax stories [OPTIONS]\n\n"
    "Lists the stored stories, most recent first: id, dates, number of\n"
    "articles and outlets, and the headline.\n\n"
    "options:\n" CLI_DB_HELP
    "      --since DATE     only stories with an article on or after DATE\n"
    "  -q, --query Q        only stories with an article matching Q (FTS5)\n"
    "      --limit N        at most N stories (default 100)\n"
    "      --json           print the list as one JSON object (docs/api.md)\n"
    "  -h, --help           this help\n";

static void print_stories(const cJSON *res)
{
    const cJSON *st;
    printf("%5s  %-10s  %-10s  %4s  %4s  %s\n", "story", "first", "last", "arts", "srcs", "title");
    cJSON_ArrayForEach(st, cJSON_GetObjectItem(res, "stories")) {
        const char *first = cJSON_GetStringValue(cJSON_GetObjectItem(st, "first_date"));
        const char *last = cJSON_GetStringValue(cJSON_GetObjectItem(st, "last_date"));
        const char *title = cJSON_GetStringValue(cJSON_GetObjectItem(st, "title"));
        printf("%5d  %-10.10s  %-10.10s  %4d  %4d  %s\n",
               (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "id")), first ? first : "-",
               last ? last : "-", (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "articles")),
               (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "sources")),
               title ? title : "(untitled)");
    }
}

int cmd_stories(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"since", required_argument, NULL, 0x301},
                                             {"query", required_argument, NULL, 'q'},
                                             {"limit", required_argument, NULL, 'n'},
                                             {"json", no_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    px_story_query q = {0};
    int json = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "q:n:jh", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 0x301: q.since = optarg; break;
        case 'q': q.q = optarg; break;
        case 'n':
            if ((q.limit = (int)cli_parse_id("stories", "--limit", optarg)) <= 0)
                return EXIT_USAGE;
            break;
        case 'j': json = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("stories", "unknown option");
        }
    }
    if (optind != argc)
        return cli_usage_error("stories", "unexpected argument '%s'", argv[optind]);
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    if (!store)
        return EXIT_INPUT;
    cJSON *res;
    px_error err;
    px_error_clear(&err);
    int rc = px_store_stories(store, &q, &res, &err);
    px_store_close(store);
    return cli_query_done("stories", rc, &err, res, json, print_stories);
}
