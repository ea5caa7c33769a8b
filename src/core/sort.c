/* sort.c - least-significant-digit radix sort (core/sort.h). */
#include <stdlib.h>
#include <string.h>

#include "parallax/common.h"
#include "core/sort.h"

#define DIGIT_BITS 11
#define DIGITS 3
#define BUCKETS (1u << DIGIT_BITS)
_Static_assert(DIGITS * DIGIT_BITS >= 32, "the digits cover 32 bits");
/* Below this many items insertion sort beats the counting passes. */
#define SMALL 48

static void insertion_sort(uint32_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

static unsigned digit(uint32_t x, unsigned d) { return (x >> (d * DIGIT_BITS)) & (BUCKETS - 1); }

int px_sort_u32(uint32_t *v, size_t n)
{
    if (n < SMALL) {
        insertion_sort(v, n);
        return PX_OK;
    }
    uint32_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return PX_ENOMEM;
    size_t count[DIGITS][BUCKETS];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++)
        for (unsigned d = 0; d < DIGITS; d++)
            count[d][digit(v[i], d)]++;
    uint32_t *from = v, *to = tmp;
    for (unsigned d = 0; d < DIGITS; d++) {
        size_t sum = 0;
        for (unsigned b = 0; b < BUCKETS; b++) {
            size_t c = count[d][b];
            count[d][b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[d][digit(from[i], d)]++] = from[i];
        uint32_t *t = from;
        from = to;
        to = t;
    }
    if (from != v)
        memcpy(v, from, n * sizeof *v);
    free(tmp);
    return PX_OK;
}

#define BYTE_DIGITS 8

static void insertion_sort_u64(uint64_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

int px_sort_u64(uint64_t *v, size_t n)
{
    if (n < SMALL) {
        insertion_sort_u64(v, n);
        return PX_OK;
    }
    uint64_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return PX_ENOMEM;
    size_t count[BYTE_DIGITS][256];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++)
        for (unsigned d = 0; d < BYTE_DIGITS; d++)
            count[d][(v[i] >> (d * 8)) & 0xff]++;
    uint64_t *from = v, *to = tmp;
    for (unsigned d = 0; d < BYTE_DIGITS; d++) {
        size_t sum = 0;
        for (unsigned b = 0; b < 256; b++) {
            size_t c = count[d][b];
            count[d][b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[d][(from[i] >> (d * 8)) & 0xff]++] = from[i];
        uint64_t *t = from;
        from = to;
        to = t;
    }
    free(tmp); /* an even number of passes ends in v */
    return PX_OK;
}

size_t px_lower_bound_u64(const uint64_t *v, size_t n, uint64_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
