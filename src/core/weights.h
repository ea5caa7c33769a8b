/* weights.h - the weight files of the learned models: one "NAME<TAB>WEIGHT"
 * a line, '#' comments, CRLF allowed. Internal. */
#ifndef PARALLAX_CORE_WEIGHTS_H
#define PARALLAX_CORE_WEIGHTS_H

#include <stddef.h>

#include "parallax/common.h"

/* The slot of a weight's name, or -1 when the model has none of that name. */
typedef int (*px_weight_slot_fn)(const char *s, size_t len);

/* Reads text (len bytes, called name in errors) into w[slot] for each line,
 * marking seen[slot]; both arrays hold n_slots. An unknown name, a name
 * given twice or a weight that is not a finite number is an error naming
 * name:line. Which slots must be seen is the caller's to check. */
int px_weights_read(const char *text, size_t len, const char *name, px_weight_slot_fn slot_of, double *w,
                    unsigned char *seen, size_t n_slots, px_error *err);

#endif
