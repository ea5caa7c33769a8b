/* fuzz_warc.c - any bytes as a WARC file: record heads, lengths, resync,
 * HTTP decoding and extraction of whatever records parse. */
#include <stdint.h>
#include <stdlib.h>

#include "parallax.h"
#include "parallax/warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_input *in;
    if (px_input_open_memory(&in, data, size, "fuzz.warc", NULL) != PX_OK)
        return 0;
    px_warc *w;
    if (px_warc_open(&w, in, 1u << 20, NULL) == PX_OK) {
        px_warc_record rec = {0};
        for (int i = 0; i < 1000; i++) {
            int rc = px_warc_next(w, &rec, NULL);
            if (rc == 0 || rc == PX_EIO || rc == PX_ENOMEM)
                break;
            if (rc == 1) {
                px_http_response r = {0};
                if (px_http_parse_head(rec.block.data, rec.block.len, &r, NULL) == PX_OK) {
                    px_buf body = {0};
                    px_http_decode_body(&r, rec.block.data + r.body_offset,
                                        rec.block.len - r.body_offset, 1u << 20, &body, NULL);
                    px_buf_free(&body);
                }
                px_http_response_clear(&r);
            }
        }
        px_warc_record_clear(&rec);
        px_warc_free(w);
    }
    px_input_close(in);
    return 0;
}
