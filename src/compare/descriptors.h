/* descriptors.h - the nouns news text uses to call a political or armed
 * actor something ("Hamas terrorists", "the Assad regime", "the jihadist
 * group Islamic State"): one list, read by the actor table and, through
 * it, the framing labels. Not installed. */
#ifndef PARALLAX_COMPARE_DESCRIPTORS_H
#define PARALLAX_COMPARE_DESCRIPTORS_H

#include "parallax/text.h"

/* Is the word w[0..n) one of them (descriptors.c), in any capitals? */
int px_is_descriptor_word(const char *w, size_t n);
/* Is token t of text one of them? */
int px_is_actor_descriptor(const char *text, const px_token *t);

#endif
