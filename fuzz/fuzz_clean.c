/* fuzz_clean.c - article cleaning on arbitrary bodies: paragraphs, rules,
 * captions, repeats. The removed text plus the kept body never exceed the
 * input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static px_cleaner *cleaner;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!cleaner && px_cleaner_new(&cleaner, "en", NULL) != PX_OK)
        abort();
    px_article *a = px_article_new();
    if (!a || px_set_strn(&a->body, (const char *)data, size) != PX_OK) {
        px_article_free(a);
        return 0;
    }
    size_t in = strlen(a->body);
    if (px_clean_article(cleaner, a) == PX_OK) {
        size_t out = strlen(a->body);
        for (size_t i = 0; i < a->n_removed; i++)
            out += strlen(a->removed[i].text);
        if (out > in + 1)
            abort();
    }
    px_article_free(a);
    return 0;
}
