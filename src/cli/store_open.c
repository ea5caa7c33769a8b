/* store_open.c - the --db option and opening the store for a command. */
#include <stdlib.h>

#include "cli.h"

const char *cli_db_path(const char *given)
{
    if (given && *given)
        return given;
    const char *env = getenv("PARALLAX_DB");
    return env && *env ? env : "parallax.db";
}

px_store *cli_open_store(const char *given, int flags)
{
    px_store *s;
    px_error err;
    px_error_clear(&err);
    if (px_store_open(&s, cli_db_path(given), flags, &err) != PX_OK) {
        cli_error("%s", err.msg);
        return NULL;
    }
    return s;
}

long long cli_parse_id(const char *cmd, const char *what, const char *arg)
{
    char *end;
    long long id = strtoll(arg, &end, 10);
    if (*arg == '\0' || *end || id <= 0) {
        cli_usage_error(cmd, "%s must be a positive number, not '%s'", what, arg);
        return 0;
    }
    return id;
}

int cli_query_done(const char *cmd, int rc, const px_error *err, cJSON *res, int json,
                   void (*print)(const cJSON *res))
{
    if (rc == PX_EUSAGE)
        return cli_usage_error(cmd, "%s", err->msg);
    if (rc) {
        cli_error("%s", err->msg);
        return EXIT_INPUT;
    }
    if (json) {
        char *s = cJSON_PrintUnformatted(res);
        puts(s ? s : "{}");
        free(s);
    } else {
        print(res);
    }
    cJSON_Delete(res);
    return EXIT_OK;
}
