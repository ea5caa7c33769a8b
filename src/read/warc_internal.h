/* warc_internal.h - what parallax/warc.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_READ_WARC_INTERNAL_H
#define PARALLAX_READ_WARC_INTERNAL_H

#include "parallax/warc.h"

/* The value of a named header of the record's own WARC head (case does
 * not matter), or NULL. Valid until the next px_warc_next. */
const char *px_warc_header(const px_warc *w, const char *name);

#endif
