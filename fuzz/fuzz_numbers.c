/* fuzz_numbers.c - numeric claim extraction and grouping across articles. */
#include <stdlib.h>

#include "fuzz_claims_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_article *a[2];
    fuzz_two_articles(data, size, a);
    px_number_list nums[2];
    for (int i = 0; i < 2; i++) {
        px_number_list_init(&nums[i]);
        px_numbers_extract(a[i], &nums[i]);
        for (size_t k = 0; k < nums[i].n; k++)
            if (nums[i].v[k].start > nums[i].v[k].end || nums[i].v[k].end > strlen(a[i]->body))
                abort();
    }
    const px_number_list *lists[2] = {&nums[0], &nums[1]};
    const px_article *arts[2] = {a[0], a[1]};
    px_number_groups g = {0};
    px_numbers_group(arts, lists, 2, &g, NULL);
    px_number_groups_clear(&g);
    for (int i = 0; i < 2; i++) {
        px_number_list_clear(&nums[i]);
        px_article_free(a[i]);
    }
    return 0;
}
