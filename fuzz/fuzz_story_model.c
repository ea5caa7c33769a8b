/* fuzz_story_model.c - the parser of the learned story similarity's weights
 * (src/group/story_model.h, data/story-model.tsv); when the input parses,
 * the model scores a fixed pair of signals. */
#include <stdint.h>
#include <stdlib.h>

#include "group/story_model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_story_model m;
    px_error err;
    if (px_story_model_parse(&m, (const char *)data, size, "fuzz.tsv", &err) != PX_OK)
        return 0;
    double x[PX_STORY_FEATURES] = {0.2, 0.1, 0.05, 1.0, 0, 0};
    volatile double e = px_story_model_evidence(&m, x);
    (void)e;
    return 0;
}
