/* fuzz_http.c - any bytes as an HTTP response: head, chunked transfer
 * coding, gzip/deflate/br content coding. */
#include <stdint.h>
#include <stdlib.h>

#include "parallax/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_http_response r = {0};
    px_buf out = {0};
    if (px_http_parse_head((const char *)data, size, &r, NULL) == PX_OK)
        px_http_decode_body(&r, (const char *)data + r.body_offset, size - r.body_offset, 1u << 20,
                            &out, NULL);
    out.len = 0;
    px_http_dechunk((const char *)data, size, 1u << 20, &out, NULL);
    px_buf_free(&out);
    px_http_response_clear(&r);
    return 0;
}
