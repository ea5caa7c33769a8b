/* fuzz_quotes.c - quote extraction, speaker resolution and linking. */
#include <stdlib.h>

#include "fuzz_claims_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_article *a[2];
    fuzz_two_articles(data, size, a);
    px_entity_list people[2];
    px_quote_list quotes[2];
    for (int i = 0; i < 2; i++) {
        px_entity_list_init(&people[i]);
        px_quote_list_init(&quotes[i]);
        px_entities_extract(a[i], &people[i]);
        px_quotes_extract(a[i], i ? NULL : &people[i], &quotes[i]);
        for (size_t q = 0; q < quotes[i].n; q++) {
            const px_quote *x = &quotes[i].v[q];
            if (x->start > x->end || x->end > strlen(a[i]->body))
                abort();
            for (size_t p = 0; p < x->n_pieces; p++)
                if (x->piece_start[p] > x->piece_end[p] || x->piece_end[p] > x->end)
                    abort();
        }
    }
    const px_quote_list *lists[2] = {&quotes[0], &quotes[1]};
    px_quote_links links = {0};
    px_quotes_link(lists, 2, &links, NULL);
    px_quote_links_clear(&links);
    for (int i = 0; i < 2; i++) {
        px_quote_list_clear(&quotes[i]);
        px_entity_list_clear(&people[i]);
        px_article_free(a[i]);
    }
    return 0;
}
