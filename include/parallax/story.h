/*
 * parallax/story.h - one story as the comparison stages see it: its
 * articles grouped by outlet, their sentences, each sentence as a sequence
 * of stemmed content-word terms, and the pairs of sentences from different
 * outlets that say much the same thing (TF-IDF cosine similarity).
 *
 * The story borrows its articles: they must outlive it. Everything else is
 * owned by the story. Building a story builds each article's document
 * model (parallax/doc.h) once; the comparisons all read from it.
 */
#ifndef PARALLAX_STORY_H
#define PARALLAX_STORY_H

#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sentence pairs at least this similar are kept in px_story_text.pairs. */
#define PX_STORY_MIN_SIM 0.25f
/* Sentences with fewer content words ("Advertisement.") are never paired. */
#define PX_STORY_MIN_TERMS 3

enum {
    PX_TERM_ADJACENT = 1 << 0,    /* follows the previous term with nothing
                                     but space between */
    PX_TERM_CAPITALIZED = 1 << 1, /* written with a capital, and not the
                                     sentence's first word */
    PX_TERM_INITIAL = 1 << 2      /* the sentence's first word, whose capital
                                     says nothing */
};

typedef struct px_story_sentence {
    size_t article;          /* index into px_story_text.articles */
    size_t source;           /* index into px_story_text.sources */
    size_t index;            /* position within its article, from 0 */
    size_t start, end;       /* byte offsets into the article's body */
    const uint32_t *terms;   /* term ids of its content words, in text order */
    const unsigned char *flags;    /* per term: PX_TERM_* bits */
    size_t n_terms;
    float norm;              /* Euclidean norm of its TF-IDF vector */
} px_story_sentence;

/* Two sentences of different outlets and their cosine similarity. */
typedef struct px_story_pair {
    uint32_t a, b;           /* sentence indexes, a < b */
    float sim;
} px_story_pair;

typedef struct px_story_vocab px_story_vocab;

typedef struct px_story_text {
    px_article *const *articles;  /* borrowed */
    size_t n_articles;
    px_doc *docs;                 /* per article: its document model, which
                                     every comparison reads */
    char **sources;               /* distinct outlet names, first-seen order */
    size_t n_sources;
    size_t *article_source;       /* per article: index into sources */
    size_t *first_sentence;       /* per article (+1 sentinel): its first sentence */
    px_story_sentence *sentences;
    size_t n_sentences;
    char **terms;                 /* term id -> term (parallax/doc.h); owned
                                     by the private vocabulary */
    char **term_words;            /* term id -> first word form seen, lower case */
    uint32_t *term_df;            /* term id -> sentences containing it */
    float *term_idf;              /* term id -> px_story_idf() */
    size_t n_terms;
    px_story_pair *pairs;         /* cross-outlet pairs with sim >= PX_STORY_MIN_SIM */
    size_t n_pairs;
    px_story_vocab *vocab;        /* private */
    uint32_t *term_store;         /* private */
    unsigned char *flag_store;    /* private */
} px_story_text;

/* Builds the story over articles[0..n) (n may be 0). An article without a
 * source is its own outlet, named by its id. */
int px_story_text_new(px_story_text **out, px_article *const *articles, size_t n, px_error *err);
void px_story_text_free(px_story_text *s);

/* TF-IDF cosine similarity of two sentences of the story. */
double px_story_similarity(const px_story_text *s, size_t a, size_t b);

#ifdef __cplusplus
}
#endif
#endif
