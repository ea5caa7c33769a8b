/* fuzz_charset.c - any bytes through charset detection and conversion; the
 * first byte picks an HTTP Content-Type to go with them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const types[] = {NULL, "text/html; charset=utf-8",
                                        "text/html; charset=windows-1252", "text/html;charset=Shift_JIS",
                                        "text/html; charset=utf-16", "text/html; charset=bogus-x",
                                        "text/html; charset=gb2312", "text/html; charset=iso-2022-jp"};
    const char *ct = size ? types[data[0] % 8] : NULL;
    px_buf out = {0};
    px_charset_info info;
    if (px_html_decode((const char *)data, size, ct, &out, &info, NULL) == PX_OK) {
        /* the output is always valid UTF-8 without the input's NULs breaking it */
        if (out.data && strlen(out.data) > out.len)
            abort();
    }
    px_buf_free(&out);
    return 0;
}
