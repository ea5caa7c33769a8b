/* story_internal.h - what parallax/story.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_COMPARE_STORY_INTERNAL_H
#define PARALLAX_COMPARE_STORY_INTERNAL_H

#include "parallax/story.h"

/* Term id of a term text, or -1 when the story never uses it. */
long px_story_term_id(const px_story_text *s, const char *term);

/* Term id of a word as written in a text of language lang (lower-cased and
 * stemmed by the story's lexicon, parallax/doc.h): -1 when the story never
 * uses its term, PX_STORY_NO_TERM when the word has none (a stopword). */
#define PX_STORY_NO_TERM (-2)
long px_story_word_term(const px_story_text *s, const char *lang, const char *word, size_t len, int is_number);

/* Inverse sentence frequency of a term: log(n_sentences / df). */
double px_story_idf(const px_story_text *s, uint32_t term);

/* How often term j of a sentence occurs in it; *first (may be NULL) is
 * set to 1 when j is its first occurrence, else 0. */
size_t px_story_sentence_tf(const px_story_sentence *ps, size_t j, int *first);

/* Two per-term counters, zero between calls, so that comparing sentences
 * of n and m terms costs n + m, not n * m (the timeline compares each
 * dated sentence with up to 64 events of its day). */
typedef struct px_story_sim_scratch {
    uint32_t *a, *b;
} px_story_sim_scratch;
int px_story_sim_scratch_init(px_story_sim_scratch *w, const px_story_text *s);
void px_story_sim_scratch_free(px_story_sim_scratch *w);

/* px_story_similarity(s, a, b), the same value, with w's counters. */
double px_story_similarity_with(const px_story_text *s, size_t a, size_t b, px_story_sim_scratch *w);

/* Does sentence i leave a double quotation mark open? Then it is a piece
 * of a quote the sentence splitter cut ("Red flag is what it needs, we
 * need to stop the race.), not a sentence to show on its own. */
int px_story_sentence_is_quote_piece(const px_story_text *s, size_t i);
/* The share (0 to 1) of sentence i's bytes inside double quotation marks. */
double px_story_sentence_quoted_share(const px_story_text *s, size_t i);

/* Per sentence, a new array: 1 when the sentence goes on with a quote
 * that opened in an earlier sentence of its paragraph ("“We ran up the
 * hill. But then, the water was still rising.”": the second sentence),
 * or its first mark closes a quote whose opener was missed. Its meaning is
 * the quote's, not the outlet's. Curly and straight marks are read alike;
 * one pass over each article. NULL when out of memory. */
unsigned char *px_story_quote_continuations(const px_story_text *s);

/* Per term id, a new array: 1 when the term is a proper name (most of
 * its uses away from a sentence's start are capitalised) or a number.
 * NULL when out of memory. */
unsigned char *px_story_name_terms(const px_story_text *s);

/* Does sentence i open on a pronoun ("He was ...", "It took off ...",
 * "I've looked ...": a quote's later sentence without its marks)? Shown
 * alone, it does not say whom it is about. */
int px_story_sentence_opens_on_pronoun(const px_story_text *s, size_t i);

/* Does sentence i end as a sentence does (a full stop, a question or
 * exclamation mark, a closing quotation mark or bracket)? A short line
 * that does not is a heading, a subhead or a caption ("Explosion and
 * gunfire reported outside German consulate in Afghanistan"), not a
 * finding; some scraped text drops the full stop of a paragraph's last
 * sentence, so a long one still reads as prose. */
int px_story_sentence_ends_like_one(const px_story_text *s, size_t i);

/* Does sentence i lean on what came before it, or speak in another's
 * words: opening on a connective ("And police say ...", "But here, Intel
 * has ...") or on a quotation mark? It may stand in a summary, not open
 * one. */
/* Is sentence i one quotation and nothing else: a double mark opening
 * it, one closing it, none between (not "“...,” she said, “...”")? */
int px_story_sentence_is_one_quote(const px_story_text *s, size_t i);
/* Does sentence i open on a connective ("And", "But", "However")? */
int px_story_sentence_opens_on_connective(const px_story_text *s, size_t i);
int px_story_sentence_leans_on_before(const px_story_text *s, size_t i);

/* Is the term a number rather than a word? */
int px_story_term_is_number(const px_story_text *s, uint32_t term);

#endif
