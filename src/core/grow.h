/* grow.h - growing a malloc'd array in place: the one growth helper of the
 * library. Not installed. */
#ifndef PARALLAX_GROW_H
#define PARALLAX_GROW_H

#include <stdlib.h>
#include <string.h>

#include "parallax/common.h"

/* Makes *v (of *cap items of size elem) hold at least need items, doubling
 * from first; with zero set the new items are zeroed. PX_OK or PX_ENOMEM
 * (then *v and *cap are unchanged). */
static inline int px_grow(void *v, size_t *cap, size_t need, size_t elem, size_t first, int zero)
{
    if (need <= *cap)
        return PX_OK;
    size_t n = *cap ? *cap : first;
    while (n < need)
        n *= 2;
    void *m = realloc(*(void **)v, n * elem);
    if (!m)
        return PX_ENOMEM;
    if (zero)
        memset((char *)m + *cap * elem, 0, (n - *cap) * elem);
    *(void **)v = m;
    *cap = n;
    return PX_OK;
}

#endif
