/* fuzz_extract.c - any bytes as a web page: decoding, parsing, main-text
 * extraction and metadata. */
#include <stdint.h>
#include <stdlib.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_article *a = px_article_new();
    if (!a)
        return 0;
    px_html_to_article((const char *)data, size, "https://fuzz.example/2024/01/02/x", NULL, a, NULL);
    char *json = px_article_to_json(a);
    free(json);
    px_article_free(a);
    return 0;
}
