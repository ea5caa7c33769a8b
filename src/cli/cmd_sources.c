/* cmd_sources.c - `parallax sources --template`: the outlets of a store as
 * a sources file to fill in (key,name,leaning,country), with article
 * counts. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/queries.h"

static const char help[] =
    "usage: parallax sources --template [DB]\n\n"
    "Prints the outlets seen in the store DB (default: --db, $PARALLAX_DB or\n"
    "parallax.db) as a sources file: CSV with the columns key,name,leaning,\n"
    "country,articles, most articles first. key is the key or web domain the\n"
    "outlet was matched by; leaning and country are empty until filled in.\n"
    "Read back with --sources (the articles column is ignored).\n\n"
    "options:\n" CLI_DB_HELP
    "      --template       print the CSV template (the only mode)\n"
    "  -h, --help           this help\n";

/* One CSV field, quoted when it holds a comma, a quote or a line break. */
static void csv_field(const char *v, int last)
{
    v = v ? v : "";
    if (strpbrk(v, ",\"\r\n")) {
        putchar('"');
        for (const char *p = v; *p; p++) {
            if (*p == '"')
                putchar('"');
            putchar(*p);
        }
        putchar('"');
    } else {
        fputs(v, stdout);
    }
    putchar(last ? '\n' : ',');
}

static void print_template(const cJSON *res)
{
    const cJSON *o;
    puts("key,name,leaning,country,articles");
    cJSON_ArrayForEach(o, cJSON_GetObjectItem(res, "sources")) {
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(o, "name"));
        const char *key = cJSON_GetStringValue(cJSON_GetObjectItem(o, "key"));
        csv_field(key ? key : name, 0);
        csv_field(name, 0);
        csv_field(cJSON_GetStringValue(cJSON_GetObjectItem(o, "leaning")), 0);
        csv_field(cJSON_GetStringValue(cJSON_GetObjectItem(o, "country")), 0);
        printf("%d\n", (int)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "articles")));
    }
}

int cmd_sources(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"template", no_argument, NULL, 't'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int template = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 't': template = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("sources", "unknown option");
        }
    }
    if (!template)
        return cli_usage_error("sources", "say what to print: --template");
    if (optind < argc && !db)
        db = argv[optind++];
    if (optind != argc)
        return cli_usage_error("sources", "unexpected argument '%s'", argv[optind]);
    px_store *store = cli_open_store(db, PX_STORE_READONLY);
    if (!store)
        return EXIT_INPUT;
    cJSON *res;
    px_error err;
    px_error_clear(&err);
    int rc = px_store_sources(store, &res, &err);
    px_store_close(store);
    if (rc != PX_OK) {
        cli_error("%s", err.msg);
        return EXIT_INPUT;
    }
    print_template(res);
    cJSON_Delete(res);
    return EXIT_OK;
}
