/* fuzz_claims_input.h - turns fuzz bytes into two articles with valid
 * UTF-8 bodies (as the readers deliver them), split at the first form feed. */
#ifndef FUZZ_CLAIMS_INPUT_H
#define FUZZ_CLAIMS_INPUT_H

#include <stdint.h>
#include <string.h>

#include "parallax.h"

static px_article *fuzz_article(const uint8_t *data, size_t size, const char *date)
{
    px_buf b = {0};
    px_buf_append(&b, (const char *)data, size);
    if (!b.data)
        px_buf_append(&b, "", 0);
    long long bad;
    px_utf8_repair(&b, &bad);
    px_article *a = px_article_new();
    a->body = px_strndup(b.data ? b.data : "", strlen(b.data ? b.data : ""));
    px_set_str(&a->source, date);
    px_set_str(&a->date, date);
    px_buf_free(&b);
    return a;
}

static void fuzz_two_articles(const uint8_t *data, size_t size, px_article *out[2])
{
    const uint8_t *ff = memchr(data, '\f', size);
    size_t first = ff ? (size_t)(ff - data) : size;
    out[0] = fuzz_article(data, first, "2023-10-01");
    out[1] = ff ? fuzz_article(ff + 1, size - first - 1, "2023-10-05") : fuzz_article(data, 0, "2023-10-05");
}

#endif
