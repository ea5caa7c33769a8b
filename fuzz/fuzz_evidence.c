/* fuzz_evidence.c - the stored evidence of a story ("lang first last
 * key...", read back from the store to link stories across languages):
 * parse, score against itself, write back and parse again to the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    px_story_evidence e;
    if (px_story_evidence_parse(text, &e) == PX_OK) {
        px_link_detail d;
        (void)px_story_link_score(&e, &e, NULL, &d);
        char *back = px_story_evidence_to_text(&e);
        px_story_evidence again;
        if (back && px_story_evidence_parse(back, &again) == PX_OK) {
            if (again.n != e.n || strcmp(again.lang, e.lang) != 0 || again.first_day != e.first_day ||
                again.last_day != e.last_day || (e.n && memcmp(again.keys, e.keys, e.n * sizeof *e.keys)))
                abort(); /* what is written reads back the same */
            px_story_evidence_free(&again);
        }
        free(back);
        px_story_evidence_free(&e);
    }
    free(text);
    return 0;
}
