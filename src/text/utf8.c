/* utf8.c - checking and repairing UTF-8 before any stage looks at text. */
#include <string.h>
#include <utf8proc.h>

#include "parallax/text.h"
#include "text/text_internal.h"

int px_utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

size_t px_utf8_repair(px_buf *b, long long *first_bad)
{
    size_t bad = 0, i = 0;
    *first_bad = -1;
    /* Fast path: scan until the first invalid sequence. */
    while (i < b->len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)b->data + i, (utf8proc_ssize_t)(b->len - i), &cp);
        if (n < 0)
            break;
        i += (size_t)n;
    }
    if (i == b->len)
        return 0;
    px_buf out = {0};
    px_buf_append(&out, b->data, i);
    while (i < b->len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)b->data + i, (utf8proc_ssize_t)(b->len - i), &cp);
        if (n < 0) {
            if (*first_bad < 0)
                *first_bad = (long long)i;
            bad++;
            px_buf_append(&out, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            px_buf_append(&out, b->data + i, (size_t)n);
            i += (size_t)n;
        }
    }
    px_buf_free(b);
    *b = out;
    return bad;
}

int px_has_nul(const char *s, size_t len)
{
    return memchr(s, '\0', len) != NULL;
}
