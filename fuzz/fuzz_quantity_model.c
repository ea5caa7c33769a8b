/* fuzz_quantity_model.c - the parser of the learned "two claims report one
 * quantity" weights (src/compare/quantity_model.h, data/quantity-model.tsv);
 * when the input parses, the model scores a fixed pair of signals. */
#include <stdint.h>
#include <stdlib.h>

#include "compare/quantity_model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_quantity_model m;
    px_error err;
    if (px_quantity_model_parse(&m, (const char *)data, size, "fuzz.tsv", &err) != PX_OK)
        return 0;
    double x[PX_QTY_FEATURES] = {0.4, 1, 0, 0, 1, 0, 1, 0.2};
    volatile double p = px_quantity_model_probability(&m, PX_QTY_PAIR_DIFFERENT, x) +
                        px_quantity_model_probability(&m, PX_QTY_PAIR_SAME, x);
    (void)p;
    return 0;
}
