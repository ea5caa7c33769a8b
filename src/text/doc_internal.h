/* doc_internal.h - what parallax/doc.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_TEXT_DOC_INTERNAL_H
#define PARALLAX_TEXT_DOC_INTERNAL_H

#include "parallax/doc.h"

/* Its language ("en"): documents built with it are tokenized and split
 * into sentences by that language's rules. */
const char *px_lexicon_lang(const px_lexicon *lx);

/* A form's text (and length) and term (PX_NO_TERM when none). */
const char *px_lexicon_form(const px_lexicon *lx, uint32_t form, size_t *len);

/* px_doc_build then px_doc_pack, on the heap (an article's
 * px_article.doc): NULL when out of memory; px_doc_packed_destroy frees
 * it. */
px_doc_packed *px_doc_packed_new(const char *text, size_t len, px_lexicon *lx);
void px_doc_packed_destroy(px_doc_packed *p);

/* A document from tokens and sentences its maker already has, with no
 * tokeniser or splitter pass: they must be those px_doc_build would make
 * of text (the clean stage's, derived through its removals). Takes
 * tokens and sentences over (left empty). px_doc_packed_from_parts packs
 * it on the heap (NULL when out of memory). */
int px_doc_from_parts(px_doc *d, const char *text, size_t len, px_lexicon *lx, px_tokens *tokens,
                      px_spans *sentences);
px_doc_packed *px_doc_packed_from_parts(const char *text, size_t len, px_lexicon *lx, px_tokens *tokens,
                                        px_spans *sentences);

/* Are p's tokens those px_tokenize() makes of its text (its language is
 * written with spaces), so that a reader wanting those may take them? */
int px_doc_packed_tokens_plain(const px_doc_packed *p);
/* Only the tokens of p, into out (emptied first): what grouping reads. */
int px_doc_unpack_tokens(const px_doc_packed *p, px_tokens *out);

/* Only the tokens and sentence spans of p, into tokens and sentences
 * (emptied first): what a reader that only cuts the text needs (the
 * template learner's units). */
int px_doc_unpack_parts(const px_doc_packed *p, px_tokens *tokens, px_spans *sentences);

uint32_t px_lexicon_form_term(const px_lexicon *lx, uint32_t form);

#endif
