/* quotes_internal.h - what parallax/quotes.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_COMPARE_QUOTES_INTERNAL_H
#define PARALLAX_COMPARE_QUOTES_INTERNAL_H

#include "parallax/quotes.h"

/* "none", "person", "org", "document", "group". */
const char *px_speaker_kind_name(px_speaker_kind k);

/* The same over the article's document model (parallax/doc.h), which must
 * be of a->body: no second tokenising pass. */
int px_quotes_extract_doc(const px_article *a, const px_doc *doc, const px_entity_list *people,
                          px_quote_list *out);

#endif
