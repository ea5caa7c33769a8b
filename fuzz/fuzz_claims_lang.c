/* fuzz_claims_lang.c - quotes, numbers, dates and names of an article in
 * German, French, Spanish, Italian or Portuguese (the first byte picks
 * the language): the per-language tables of data/claims and the names
 * read from them (names_lang.c) take any text without a crash or a
 * hang. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_claims_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"de", "fr", "es", "it", "pt"};
    if (size < 1)
        return 0;
    px_article *a = fuzz_article(data + 1, size - 1, "2023-10-01");
    px_set_str(&a->language, langs[data[0] % (sizeof langs / sizeof *langs)]);
    px_quote_list q;
    px_quote_list_init(&q);
    px_quotes_extract(a, NULL, &q);
    px_quote_list_clear(&q);
    px_number_list n;
    px_number_list_init(&n);
    px_numbers_extract(a, &n);
    px_number_list_clear(&n);
    px_timexes t = {0};
    px_timex_find_lang(a->body, strlen(a->body), a->date, a->language, &t);
    px_timexes_free(&t);
    px_entity_list e;
    px_entity_list_init(&e);
    px_entities_extract(a, &e);
    px_entity_list_clear(&e);
    px_article_free(a);
    return 0;
}
