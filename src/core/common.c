/* common.c - errors, owned string lists, byte buffers and hashing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "parallax/common.h"
#include "core/common_internal.h"

int px_error_set(px_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void px_error_clear(px_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

const char *px_status_name(int code)
{
    switch (code) {
    case PX_OK: return "ok";
    case PX_EIO: return "i/o error";
    case PX_EFORMAT: return "format error";
    case PX_ENOMEM: return "out of memory";
    case PX_ELIMIT: return "limit exceeded";
    case PX_EUSAGE: return "usage error";
    case PX_ESTOP: return "stopped";
    case PX_EEMPTY: return "no article text";
    default: return "unknown error";
    }
}

char *px_strndup(const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (!d)
        return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *px_strdup(const char *s)
{
    return s ? px_strndup(s, strlen(s)) : NULL;
}

int px_strlist_push_n(px_strlist *l, const char *s, size_t len)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return PX_ENOMEM;
        l->items = items;
        l->cap = cap;
    }
    char *copy = px_strndup(s, len);
    if (!copy)
        return PX_ENOMEM;
    l->items[l->n++] = copy;
    return PX_OK;
}

int px_strlist_push(px_strlist *l, const char *s)
{
    return px_strlist_push_n(l, s, strlen(s));
}

void px_strlist_clear(px_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

int px_buf_reserve(px_buf *b, size_t extra)
{
    if (extra > SIZE_MAX / 2 - b->len)
        return PX_ENOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return PX_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data)
        return PX_ENOMEM;
    b->data = data;
    b->cap = cap;
    return PX_OK;
}

int px_buf_append(px_buf *b, const char *s, size_t len)
{
    if (px_buf_reserve(b, len) != PX_OK)
        return PX_ENOMEM;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return PX_OK;
}

int px_buf_puts(px_buf *b, const char *s)
{
    return px_buf_append(b, s, strlen(s));
}

int px_buf_printf(px_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || px_buf_reserve(b, (size_t)n) != PX_OK)
        return PX_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return PX_OK;
}

char *px_buf_steal(px_buf *b)
{
    char *d = b->data ? b->data : px_strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void px_buf_free(px_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

uint64_t px_hash64(const void *data, size_t len, uint64_t seed)
{
    return XXH64(data, len, seed);
}

void px_hash_hex(const void *data, size_t len, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)XXH64(data, len, 0));
}
