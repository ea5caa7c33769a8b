/* fuzz_clean.c - article cleaning on arbitrary bodies: paragraphs, rules,
 * captions, repeats, then template text learned from the cleaned body. The
 * removed text plus the kept body never exceed the input, but for the
 * paragraph breaks (a line of its own may become a paragraph: "\n" turns
 * into "\n\n"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static px_cleaner *cleaner;
static px_templates *templates;

static size_t newlines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static size_t out_size(const px_article *a)
{
    size_t out = strlen(a->body);
    for (size_t i = 0; i < a->n_removed; i++)
        out += strlen(a->removed[i].text);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!cleaner && px_cleaner_new(&cleaner, "en", NULL) != PX_OK)
        abort();
    /* bounded: learning over every input of a run must not grow without end */
    if (!templates && px_templates_new(&templates, 4096) != PX_OK)
        abort();
    px_article *a = px_article_new();
    if (!a || px_set_strn(&a->body, (const char *)data, size) != PX_OK ||
        px_set_str(&a->source, "fuzz") != PX_OK) {
        px_article_free(a);
        return 0;
    }
    size_t in = strlen(a->body), limit = in + 2 * newlines(a->body) + 1;
    if (px_clean_article(cleaner, a) == PX_OK) {
        if (out_size(a) > limit)
            abort();
        if (px_templates_learn(templates, a) == PX_OK && px_templates_apply(templates, a, NULL) == PX_OK &&
            out_size(a) > limit)
            abort();
        if (px_templates_size(templates) > 4096)
            abort();
    }
    px_article_free(a);
    return 0;
}
