/* fuzz_txt.c - the plain-text article parser and the date parser. */
#include <stdint.h>
#include <string.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_article *a = px_article_new();
    px_parse_txt((const char *)data, size, a, NULL);
    px_article_free(a);
    char buf[128], out[32];
    size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, data, n);
    buf[n] = '\0';
    if (px_date_parse(buf, out) == PX_OK) {
        long days;
        px_date_days(out, &days);
    }
    return 0;
}
