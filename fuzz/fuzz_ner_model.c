/* fuzz_ner_model.c - the entity tagger's model parser (src/ner.h): the
 * input up to its first form feed is the model, the rest a text tagged
 * with it when it parses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/ner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *ff = memchr(s, '\f', size);
    size_t model_len = ff ? (size_t)(ff - s) : size;
    px_ner_model *m;
    px_error err;
    if (px_ner_model_parse(&m, s, model_len, "fuzz.model", &err) != PX_OK)
        return 0;
    size_t text_len = ff ? size - model_len - 1 : 0;
    char *text = malloc(text_len + 1);
    if (text) {
        memcpy(text, ff ? ff + 1 : "", text_len);
        text[text_len] = 0;
        px_tokens tk = {0};
        px_spans ss = {0};
        px_ner_spans out = {0};
        if (!px_tokenize(text, strlen(text), &tk) && !px_split_sentences(text, strlen(text), &ss))
            px_ner_tag(m, text, &tk, &ss, &out);
        px_ner_spans_free(&out);
        px_tokens_free(&tk);
        px_spans_free(&ss);
        free(text);
    }
    px_ner_model_free(m);
    return 0;
}
