/* fuzz_numbers.c - numeric claim extraction (values, ranges, scope) and
 * grouping across articles (status, confidence). */
#include <math.h>
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
        for (size_t k = 0; k < nums[i].n; k++) {
            const px_number *x = &nums[i].v[k];
            if (x->start > x->end || x->end > strlen(a[i]->body) || x->scope > PX_SCOPE_FURNITURE ||
                (x->bound == PX_BOUND_RANGE && !(x->high > x->value)))
                abort();
        }
    }
    const px_number_list *lists[2] = {&nums[0], &nums[1]};
    const px_article *arts[2] = {a[0], a[1]};
    px_number_groups g = {0};
    px_numbers_group(arts, lists, 2, &g, NULL);
    for (size_t k = 0; k < g.n; k++)
        if (g.v[k].status > PX_QTY_EVOLVING || !(g.v[k].confidence >= 0 && g.v[k].confidence <= 1) ||
            (g.v[k].n_articles >= 2 && !g.v[k].evidence))
            abort();
    px_number_groups_clear(&g);
    for (int i = 0; i < 2; i++) {
        px_number_list_clear(&nums[i]);
        px_article_free(a[i]);
    }
    return 0;
}
