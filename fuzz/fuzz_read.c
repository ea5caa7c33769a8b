/* fuzz_read.c - any bytes through the input layer (gzip/zstd detection and
 * decompression) and every reader chosen by content sniffing. Inputs of odd
 * length may decompress to 4 KiB only, so that the cap is crossed inside
 * gzip members, zstd frames and records. */
#include <stdint.h>
#include <stdlib.h>

#include "parallax.h"

static int drop(px_article *a, void *ud)
{
    (void)ud;
    char *json = px_article_to_json(a);
    free(json);
    px_article_free(a);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_input *in;
    if (px_input_open_memory(&in, data, size, "fuzz", NULL) != PX_OK)
        return 0;
    px_read_opts o = {.max_record = 1u << 20, .max_decompressed = size % 2 ? 4096 : 0};
    px_read_input(in, &o, drop, NULL);
    px_input_close(in);
    return 0;
}
