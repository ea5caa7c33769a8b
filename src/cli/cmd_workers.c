/* cmd_workers.c - `parallax workers`: the work queue of distributed ingest. */
#include <stdlib.h>

#include "cli.h"
#include "store/queue.h"

static const char help[] =
    "usage: parallax workers --db postgresql://... [--json]\n\n"
    "Prints how many registered items are pending, running, done and\n"
    "failed, then each item not done: running ones with their worker and\n"
    "lease, failed ones with the reason.\n\n"
    "options:\n" CLI_DB_HELP
    "      --json           print the queue as one JSON object\n"
    "  -h, --help           this help\n";

static const char *field(const cJSON *o, const char *name)
{
    const char *v = cJSON_GetStringValue(cJSON_GetObjectItem(o, name));
    return v ? v : "-";
}

static void print_queue(const cJSON *q)
{
    printf("pending %.0f, running %.0f, done %.0f, failed %.0f\n",
           cJSON_GetNumberValue(cJSON_GetObjectItem(q, "pending")),
           cJSON_GetNumberValue(cJSON_GetObjectItem(q, "running")),
           cJSON_GetNumberValue(cJSON_GetObjectItem(q, "done")),
           cJSON_GetNumberValue(cJSON_GetObjectItem(q, "failed")));
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItem(q, "items")) {
        const char *state = field(it, "state");
        printf("%6.0f  %-8s %s", cJSON_GetNumberValue(cJSON_GetObjectItem(it, "id")), state, field(it, "path"));
        if (state[0] == 'r')
            printf("  (worker %s, lease until %s)", field(it, "worker"), field(it, "lease_until"));
        else if (state[0] == 'f')
            printf("  (%s)", field(it, "reason"));
        putchar('\n');
    }
}

int cmd_workers(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"json", no_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int json = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'j': json = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("workers", "unknown option");
        }
    }
    if (optind != argc)
        return cli_usage_error("workers", "unexpected argument '%s'", argv[optind]);
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    if (!store)
        return EXIT_INPUT;
    cJSON *q;
    px_error err;
    px_error_clear(&err);
    int rc = px_store_work_queue(store, &q, &err);
    px_store_close(store);
    return cli_query_done("workers", rc, &err, q, json, print_queue);
}
