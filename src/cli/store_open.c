/* store_open.c - the --db option and opening the store for a command. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "store/queue.h"

static int hex_value(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Puts the password of len bytes at from (percent-escapes decoded, as libpq
 * reads a URL) in $PGPASSWORD, where libpq looks for it. */
static void export_password(const char *from, size_t len)
{
    char *pw = malloc(len + 1);
    if (!pw)
        return;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        int hi = i + 2 < len && from[i] == '%' ? hex_value((unsigned char)from[i + 1]) : -1;
        int lo = hi >= 0 ? hex_value((unsigned char)from[i + 2]) : -1;
        if (lo >= 0) {
            pw[n++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            pw[n++] = from[i];
        }
    }
    pw[n] = '\0';
    setenv("PGPASSWORD", pw, 1);
    memset(pw, 0, n);
    free(pw);
}

/* Removes len bytes at at from the string that holds them, clearing the
 * bytes freed at its end. */
static void cut(char *at, size_t len)
{
    size_t rest = strlen(at + len);
    memmove(at, at + len, rest + 1);
    memset(at + rest + 1, 0, len);
}

/* The password of one PostgreSQL URL (user:password@ or password=) moved
 * out of the argument into $PGPASSWORD. */
static void move_password(char *arg)
{
    char *scheme = strstr(arg, "postgresql://");
    char *host = scheme ? scheme + 13 : (scheme = strstr(arg, "postgres://")) ? scheme + 11 : NULL;
    if (!host)
        return;
    size_t authority = strcspn(host, "/?#");
    char *at = NULL;
    for (size_t i = 0; i < authority; i++)
        if (host[i] == '@')
            at = host + i;
    char *colon = at ? memchr(host, ':', (size_t)(at - host)) : NULL;
    if (colon) {
        export_password(colon + 1, (size_t)(at - colon - 1));
        cut(colon, (size_t)(at - colon));
    }
    char *param = strstr(host, "password=");
    if (param && (param[-1] == '?' || param[-1] == '&')) {
        size_t value = strcspn(param + 9, "&");
        export_password(param + 9, value);
        size_t len = 9 + value;
        if (param[len] == '&')
            len++;
        else
            param--, len++; /* the last parameter goes with its separator */
        cut(param, len);
    }
}

void cli_hide_db_passwords(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        move_password(argv[i]);
}

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

static void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int cli_store_reconnect(px_store *s, int retry_s, px_error *why)
{
    if (!px_store_lost(s))
        return 0;
    cli_error("%s; connecting again", why->msg);
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long pause = 250;; pause = pause < 8000 ? pause * 2 : 8000) {
        pause_ms(pause);
        px_error err;
        px_error_clear(&err);
        if (px_store_reconnect(s, &err) == PX_OK) {
            cli_error("%s: connected again", px_store_path(s));
            px_error_clear(why);
            return 1;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= retry_s) {
            cli_error("%s (gave up after %d s)", err.msg, retry_s);
            return 0;
        }
    }
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
