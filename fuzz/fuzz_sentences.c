/* fuzz_sentences.c - the tokenizer, the sentence splitter and the Unicode
 * forms on arbitrary bytes; checks that every span and token lies inside
 * the text and that spans are ordered. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    px_tokens t = {0};
    if (px_tokenize(s, size, &t) == PX_OK)
        for (size_t i = 0; i < t.n; i++)
            if (t.v[i].start >= t.v[i].end || t.v[i].end > size ||
                (i && t.v[i].start < t.v[i - 1].end))
                abort();
    px_tokens_free(&t);
    px_spans sp = {0};
    if (px_split_sentences(s, size, &sp) == PX_OK)
        for (size_t i = 0; i < sp.n; i++)
            if (sp.v[i].start >= sp.v[i].end || sp.v[i].end > size ||
                (i && sp.v[i].start < sp.v[i - 1].end))
                abort();
    px_spans_free(&sp);
    free(px_fold(s, size));
    free(px_nfc(s, size));
    char *z = malloc(size + 1);
    if (z) {
        memcpy(z, data, size);
        z[size] = '\0';
        px_utf8_offset_to_cp(z, strlen(z));
        free(z);
    }
    return 0;
}
