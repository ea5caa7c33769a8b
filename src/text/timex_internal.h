/* timex_internal.h - what parallax/timex.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_TEXT_TIMEX_INTERNAL_H
#define PARALLAX_TEXT_TIMEX_INTERNAL_H

#include "parallax/timex.h"

/* px_timex_find over a document model (parallax/doc.h): no second
 * tokenising pass. */
int px_timex_find_doc(const px_doc *doc, const char *ref_date, px_timexes *out);

#endif
