/* fuzz_dates.c - temporal expressions (timex.c). The first line of the
 * input is the reference date (any text: valid, malformed or empty), the
 * rest the text. Every expression must lie inside the text, in order, with
 * a well-formed day when it has one, and a value only when resolved. */
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
    px_timexes m = {0};
    if (px_timex_find(copy, body_len, ref_len ? ref : NULL, &m) == PX_OK) {
        for (size_t i = 0; i < m.n; i++) {
            const px_timex *x = &m.v[i];
            long days;
            if (x->start >= x->end || x->end > body_len || (i && x->start < m.v[i - 1].end))
                abort();
            if (x->date[0] && px_date_days(x->date, &days) != PX_OK)
                abort();
            if (strlen(x->value) >= sizeof x->value || x->type > PX_TIMEX_SET || x->grain > PX_GRAIN_NONE)
                abort();
        }
    }
    px_timexes_free(&m);
    free(copy);
    return 0;
}
