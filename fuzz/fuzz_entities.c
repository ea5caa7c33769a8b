/* fuzz_entities.c - entity extraction and the cross-article merge. */
#include <stdlib.h>

#include "fuzz_claims_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_article *a[2];
    fuzz_two_articles(data, size, a);
    px_entity_list lists[2];
    for (int i = 0; i < 2; i++) {
        px_entity_list_init(&lists[i]);
        px_entities_extract(a[i], &lists[i]);
        for (size_t m = 0; m < lists[i].n_mentions; m++)
            if (lists[i].mentions[m].entity >= lists[i].n ||
                lists[i].mentions[m].end > strlen(a[i]->body))
                abort();
    }
    px_entity_list *ptrs[2] = {&lists[0], &lists[1]};
    const px_article *arts[2] = {a[0], a[1]};
    px_entity_list merged;
    px_entity_list_init(&merged);
    px_entities_merge(arts, ptrs, 2, &merged, NULL);
    px_entity_list_clear(&merged);
    for (int i = 0; i < 2; i++) {
        px_entity_list_clear(&lists[i]);
        px_article_free(a[i]);
    }
    return 0;
}
