/* clean_internal.h - what the cleaner and the template learner share; not
 * installed. */
#ifndef PARALLAX_CLEAN_INTERNAL_H
#define PARALLAX_CLEAN_INTERNAL_H

#include "parallax/text.h"
#include "parallax/clean.h"
#include "parallax/doc.h"

/* The paragraphs of an article body (clean.c): blocks between blank lines,
 * or each line of a block whose lines mostly end a sentence (a text that
 * puts one paragraph on each line, unlike hard-wrapped text). Appends to
 * out, spans without outer white space. */
int px_split_paragraphs(const char *body, px_spans *out);

/* px_clean_article(), and when lx is given, the cleaned body's document
 * (px_article.doc, built with lx) derived from the tokens and sentences
 * the cleaner read, without tokenising the cleaned body again (a language
 * whose rules are not the cleaner's gets none: px_clean_attach_docs
 * builds it). */
int px_clean_article_doc(px_cleaner *c, px_article *a, px_lexicon *lx);

/* A paragraph of a body rebuilt from an older one: where it was
 * (from..from_end, old offsets), where it is now (start..end), and
 * whether it was kept whole (else it is new text: some of its sentences
 * joined by spaces). */
typedef struct px_body_piece {
    size_t from, from_end, start, end;
    int whole;
} px_body_piece;

/* The document of a->body, rebuilt from pieces of an older body joined by
 * blank lines, attached to a (built with lx): the pieces kept whole take
 * the old body's tokens and sentences (sorted, old offsets), moved; the
 * others are tokenised and split. Exact because a paragraph tokenises and
 * splits alike on its own and between blank lines in a body. */
int px_doc_of_pieces(px_article *a, const px_body_piece *pc, size_t n, const px_tokens *tokens,
                     const px_spans *sentences, px_lexicon *lx);

/* px_templates_learn() then px_templates_apply(), the body split once. */
int px_templates_learn_apply(px_templates *t, px_article *a, size_t *removed);

/* px_read_input() with every article cleaned. */
int px_read_clean_input(px_input *in, const px_read_opts *o, const px_clean_opts *co,
                        px_article_fn fn, void *ud);

#endif
