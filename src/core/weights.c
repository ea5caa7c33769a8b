/* weights.c - reading the weight files of the learned models (weights.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/weights.h"
#include "core/common_internal.h"

static int parse_weight(const char *s, size_t len, double *w)
{
    char num[64];
    if (len == 0 || len >= sizeof num)
        return 0;
    memcpy(num, s, len);
    num[len] = '\0';
    char *end;
    *w = strtod(num, &end);
    return *end == '\0' && isfinite(*w);
}

static int read_line(const char *s, size_t len, const char *name, long line, px_weight_slot_fn slot_of,
                     double *w, unsigned char *seen, size_t n_slots, px_error *err)
{
    const char *tab = memchr(s, '\t', len);
    if (!tab)
        return px_error_set(err, PX_EFORMAT, "%s:%ld: expected NAME<TAB>WEIGHT", name, line);
    int k = slot_of(s, (size_t)(tab - s));
    if (k < 0 || (size_t)k >= n_slots)
        return px_error_set(err, PX_EFORMAT, "%s:%ld: unknown feature", name, line);
    if (seen[k])
        return px_error_set(err, PX_EFORMAT, "%s:%ld: feature given twice", name, line);
    if (!parse_weight(tab + 1, len - (size_t)(tab + 1 - s), &w[k]))
        return px_error_set(err, PX_EFORMAT, "%s:%ld: bad weight", name, line);
    seen[k] = 1;
    return PX_OK;
}

int px_weights_read(const char *text, size_t len, const char *name, px_weight_slot_fn slot_of, double *w,
                    unsigned char *seen, size_t n_slots, px_error *err)
{
    long line = 0;
    for (size_t i = 0; i < len;) {
        const char *eol = memchr(text + i, '\n', len - i);
        size_t n = eol ? (size_t)(eol - (text + i)) : len - i;
        line++;
        size_t content = n && text[i + n - 1] == '\r' ? n - 1 : n;
        if (content && text[i] != '#') {
            int rc = read_line(text + i, content, name, line, slot_of, w, seen, n_slots, err);
            if (rc)
                return rc;
        }
        i += eol ? n + 1 : n;
    }
    return PX_OK;
}
