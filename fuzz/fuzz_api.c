/* fuzz_api.c - one HTTP request, without sockets, through the API: request
 * target and query parsing, routing, POST body reading and ingest, search
 * queries into FTS5. Input: a method letter, the request target up to the
 * first newline, the rest is the body. The store is an in-memory database
 * kept across runs, so later requests see what earlier ones stored. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static px_api *api;

static const char *const methods[] = {"GET", "POST", "HEAD", "PUT", "DELETE", ""};
static const char *const types[] = {"application/x-ndjson", "text/plain", "text/html", NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!api) {
        px_api_opts o = {.db = ":memory:", .max_body = 1 << 16};
        if (px_api_new(&api, &o, NULL) != PX_OK)
            abort();
    }
    if (size < 2)
        return 0;
    const char *method = methods[data[0] % 6];
    const char *type = types[(data[0] >> 3) % 4];
    const char *rest = (const char *)data + 1;
    size_t n = size - 1;
    const char *nl = memchr(rest, '\n', n);
    size_t tlen = nl ? (size_t)(nl - rest) : n;
    char *target = malloc(tlen + 1);
    memcpy(target, rest, tlen);
    target[tlen] = '\0';
    const char *body = nl ? nl + 1 : NULL;
    size_t blen = nl ? n - tlen - 1 : 0;
    px_api_response r;
    px_api_handle(api, method, target, type, body, blen, &r);
    if (r.status < 200 || r.status > 599 || (r.len && !r.body))
        abort();
    px_api_response_free(&r);
    free(target);
    return 0;
}
