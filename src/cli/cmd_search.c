/* cmd_search.c - `parallax search`: full-text search of the store. */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "store/queries.h"

static const char help[] =
    "usage: parallax search [OPTIONS] QUERY\n\n"
    "Searches the titles and texts of the stored articles (words, \"phrases\",\n"
    "AND/OR/NOT, prefix*, title:word, NEAR(a b, N); Chinese, Japanese and\n"
    "Korean words inside runs written without spaces; docs/store.md) and\n"
    "prints the best matches with the matching words highlighted.\n\n"
    "options:\n" CLI_DB_HELP
    "      --source S       only articles of this outlet (name or key)\n"
    "      --since DATE     only articles dated on or after DATE\n"
    "      --limit N        at most N results (default 20)\n"
    "      --json           print the result as one JSON object (docs/api.md)\n"
    "  -h, --help           this help\n";

static void print_hits(const cJSON *res)
{
    const cJSON *hit;
    printf("%d match%s\n", (int)cJSON_GetNumberValue(cJSON_GetObjectItem(res, "total")),
           cJSON_GetNumberValue(cJSON_GetObjectItem(res, "total")) == 1 ? "" : "es");
    cJSON_ArrayForEach(hit, cJSON_GetObjectItem(res, "results")) {
        const char *date = cJSON_GetStringValue(cJSON_GetObjectItem(hit, "date"));
        const char *source = cJSON_GetStringValue(cJSON_GetObjectItem(hit, "source"));
        const char *title = cJSON_GetStringValue(cJSON_GetObjectItem(hit, "title"));
        const cJSON *story = cJSON_GetObjectItem(hit, "story");
        printf("\n#%d  %s  %s", (int)cJSON_GetNumberValue(cJSON_GetObjectItem(hit, "id")),
               date ? date : "undated", source ? source : "unknown source");
        if (cJSON_IsNumber(story))
            printf("  (story %d)", (int)story->valuedouble);
        printf("\n    %s\n    %s\n", title ? title : "(no title)",
               cJSON_GetStringValue(cJSON_GetObjectItem(hit, "snippet")));
    }
}

int cmd_search(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"source", required_argument, NULL, 's'},
                                             {"since", required_argument, NULL, 0x301},
                                             {"limit", required_argument, NULL, 'n'},
                                             {"json", no_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    px_search_query q = {0};
    int json = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "s:n:jh", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 's': q.source = optarg; break;
        case 0x301: q.since = optarg; break;
        case 'n':
            if ((q.limit = (int)cli_parse_id("search", "--limit", optarg)) <= 0)
                return EXIT_USAGE;
            break;
        case 'j': json = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("search", "unknown option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("search", "give exactly one QUERY (quote it when it has spaces)");
    q.q = argv[optind];
    int tty = isatty(1);
    q.mark_open = json ? "<mark>" : tty ? "\033[1m" : "**";
    q.mark_close = json ? "</mark>" : tty ? "\033[0m" : "**";
    q.html = json;
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    if (!store)
        return EXIT_INPUT;
    cJSON *res;
    px_error err;
    px_error_clear(&err);
    int rc = px_store_search(store, &q, &res, &err);
    px_store_close(store);
    return cli_query_done("search", rc, &err, res, json, print_hits);
}
