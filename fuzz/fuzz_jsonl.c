/* fuzz_jsonl.c - one JSON Lines record into an article and back to JSON. */
#include <stdint.h>
#include <stdlib.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_article *a = px_article_new();
    if (px_parse_json_article((const char *)data, size, a, NULL) == PX_OK) {
        px_article_compute_id(a);
        free(px_article_to_json(a));
    }
    px_article_free(a);
    return 0;
}
