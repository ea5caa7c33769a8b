/* fuzz_timeline.c - date expression finding and resolution. The first
 * line of the input is the reference date (any text: valid, malformed or
 * empty), the rest the sentence. Every mention must lie inside the text and
 * carry a well-formed date or none. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nl = memchr(text, '\n', size);
    size_t ref_len = nl ? (size_t)(nl - text) : 0;
    char ref[64];
    snprintf(ref, sizeof ref, "%.*s", (int)(ref_len < 63 ? ref_len : 63), text);
    const char *body = nl ? nl + 1 : text;
    size_t body_len = size - (size_t)(body - text);
    char *copy = px_strndup(body, body_len);
    if (!copy)
        return 0;
    px_date_mentions m = {0};
    if (px_find_dates(copy, body_len, ref_len ? ref : NULL, &m) == PX_OK) {
        for (size_t i = 0; i < m.n; i++) {
            long days;
            if (m.v[i].start > m.v[i].end || m.v[i].end > body_len)
                abort();
            if (m.v[i].date[0] && px_date_days(m.v[i].date, &days) != PX_OK)
                abort();
        }
    }
    px_date_mentions_free(&m);
    free(copy);
    return 0;
}
