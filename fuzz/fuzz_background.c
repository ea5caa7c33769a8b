/* fuzz_background.c - the background table parser (`analyze --background`,
 * "stem<TAB>count" lines): parse, look up, write back. */
#include <stdint.h>
#include <stdlib.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_background *b;
    px_error err;
    if (px_background_parse(&b, (const char *)data, size, &err) != PX_OK)
        return 0;
    (void)px_background_count(b, "bridg");
    (void)px_background_count(b, "");
    px_buf out = {0};
    px_background_write(b, 1, &out);
    px_buf_free(&out);
    px_background_free(b);
    return 0;
}
