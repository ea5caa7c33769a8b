/* fuzz_sources.c - the sources file parser (CSV/TSV, quoted fields) and the
 * matching of articles against its rows by URL host, name and file name. */
#include <stdint.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_sources *s;
    px_error err;
    if (px_sources_parse(&s, (const char *)data, size, "fuzz", &err) != PX_OK)
        return 0;
    static const char *urls[] = {"https://www.harborherald.example/news/x", "http://a.b.c:8080/", "x", NULL};
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        px_article *a = px_article_new();
        px_set_str(&a->url, urls[i]);
        px_set_str(&a->source, i % 2 ? "Harbor Herald" : NULL);
        px_set_str(&a->input_path, "corpus/harbor-herald--bridge.txt");
        px_sources_apply(s, a);
        px_article_free(a);
    }
    px_sources_free(s);
    return 0;
}
