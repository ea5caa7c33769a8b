/* descriptors.h - the nouns news text uses to call a political or armed
 * actor something ("Hamas terrorists", "the Assad regime", "the jihadist
 * group Islamic State"): one list for the framing labels and the actor
 * table. Not installed. */
#ifndef PARALLAX_COMPARE_DESCRIPTORS_H
#define PARALLAX_COMPARE_DESCRIPTORS_H

#include "parallax/text.h"

/* NULL-terminated, lower case. */
extern const char *const px_actor_descriptors[];

/* Is token t of text one of them, in any capitals? */
int px_is_actor_descriptor(const char *text, const px_token *t);

#endif
