/* fuzz_request.c - one request through the API with the headers that
 * decide who may call (Host, Origin, Sec-Fetch-Site, Authorization,
 * Content-Type), without sockets. Input: a method byte, then the request
 * target, Host, Origin, Sec-Fetch-Site, Authorization and Content-Type one
 * a line (an empty line is a header not sent), the rest is the body. The
 * API has a token and one allowed host name; whatever the headers say, a
 * write is only ever stored with the exact token. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax.h"

#define TOKEN "fuzz-token"
#define FIELDS 6

static px_api *api;
static const char *const allowed[] = {"news.example", NULL};
static const char *const methods[] = {"GET", "POST", "HEAD", "OPTIONS"};

/* The next line of data as a new string (NULL when empty: not sent). */
static char *next_field(const char **p, const char *end)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    size_t len = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
    char *s = NULL;
    if (len) {
        s = malloc(len + 1);
        if (!s)
            abort();
        memcpy(s, *p, len);
        s[len] = '\0';
    }
    *p = nl ? nl + 1 : end;
    return s;
}

/* The exact token; the scheme name is case-insensitive (RFC 9110 11.1). */
static int sends_token(const char *authorization)
{
    static const char scheme[] = "Bearer ";
    return authorization && strncasecmp(authorization, scheme, sizeof scheme - 1) == 0 &&
           strcmp(authorization + sizeof scheme - 1, TOKEN) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!api) {
        px_api_opts o = {.db = ":memory:", .max_body = 1 << 16, .token = TOKEN, .allow_hosts = allowed};
        if (px_api_new(&api, &o, NULL) != PX_OK)
            abort();
    }
    if (size < 1)
        return 0;
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    char *f[FIELDS];
    for (int i = 0; i < FIELDS; i++)
        f[i] = next_field(&p, end);
    px_api_request rq = {
        .method = methods[data[0] % 4],
        .target = f[0] ? f[0] : "/",
        .host = f[1],
        .origin = f[2],
        .sec_fetch_site = f[3],
        .authorization = f[4],
        .content_type = f[5],
        .body = p,
        .body_len = (size_t)(end - p),
    };
    px_api_response r;
    px_api_handle_request(api, &rq, &r);
    if (r.status < 200 || r.status > 599 || (r.len && !r.body))
        abort();
    int stored = strcmp(rq.method, "POST") == 0 && (r.status == 200 || r.status == 201);
    if (stored && !sends_token(rq.authorization))
        abort(); /* a write without the token */
    px_api_response_free(&r);
    for (int i = 0; i < FIELDS; i++)
        free(f[i]);
    return 0;
}
