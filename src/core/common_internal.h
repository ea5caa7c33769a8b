/* common_internal.h - what parallax/common.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_CORE_COMMON_INTERNAL_H
#define PARALLAX_CORE_COMMON_INTERNAL_H

#include "parallax/common.h"

/* Fills err (when non-NULL) and returns code. msg is a printf format. */
int px_error_set(px_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

int px_strlist_push_n(px_strlist *l, const char *s, size_t len);

/* 64-bit xxHash of a byte string, as 16 lowercase hex digits in out[17]. */
void px_hash_hex(const void *data, size_t len, char out[17]);
uint64_t px_hash64(const void *data, size_t len, uint64_t seed);

#endif
