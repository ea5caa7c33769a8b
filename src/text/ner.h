/* ner.h - the trained named-entity tagger (person, organisation, place,
 * other name) over the tokens of a text; not installed.
 *
 * A greedy left-to-right averaged perceptron over BILOU labels (docs/
 * claims.md, "Entity tagger"). The shipped model (data/ner-en.model) is
 * embedded at build time; scripts/train-ner makes it from CoNLL-2003
 * train. The training routines live here too, so that training and
 * tagging share one feature extractor. */
#ifndef PARALLAX_NER_H
#define PARALLAX_NER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "parallax/common.h"
#include "parallax/text.h"

typedef enum px_ner_type {
    PX_NER_PER = 0,
    PX_NER_ORG = 1,
    PX_NER_LOC = 2,
    PX_NER_MISC = 3,
    PX_NER_TYPES = 4
} px_ner_type;

/* "PER", "ORG", "LOC", "MISC"; px_ner_type_parse returns -1 for others. */
const char *px_ner_type_name(px_ner_type t);
int px_ner_type_parse(const char *s, size_t len);

/* A tagged name: tokens [first, last) of the token list. */
typedef struct px_ner_span {
    size_t first, last;
    px_ner_type type;
} px_ner_span;

typedef struct px_ner_spans {
    px_ner_span *v;
    size_t n, cap;
} px_ner_spans;

void px_ner_spans_free(px_ner_spans *s);

typedef struct px_ner_model px_ner_model;

/* Parses a model in the text format written by px_ner_train_write();
 * name labels error messages ("NAME:LINE: ..."). */
int px_ner_model_parse(px_ner_model **out, const char *text, size_t len, const char *name,
                       px_error *err);
void px_ner_model_free(px_ner_model *m);
/* The embedded English model, loaded once; NULL (and *err set once, when
 * err is not NULL) when it cannot be read. */
const px_ner_model *px_ner_default(px_error *err);

/* The types the training data gave the name (its words joined by single
 * spaces, any case): bit t set for px_ner_type t; 0 when it never saw it. */
unsigned px_ner_gazetteer_types(const px_ner_model *m, const char *name, size_t len);

/* Names in a language the tagger was not trained on (names_lang.c):
 * runs of capitalised words that lang's word lists and the text's other
 * capitals leave as names, typed by the training names and the given
 * names (else PX_NER_MISC); appended in text order to out. Nothing for a
 * script without capitals. Time linear in the tokens. */
int px_names_by_capitals(const char *lang, const char *text, const px_tokens *tk, const px_spans *ss,
                         px_ner_spans *out);

/* The type of the names the training data ends in word (any case), as
 * their head ("Airlines", "Ministry", "Cup"): when at least 3 of its
 * names of several words end in it and 80 % of those have one type other
 * than person; -1 otherwise, and for a word that is a place or a person
 * itself. */
int px_ner_head_type(const px_ner_model *m, const char *word, size_t len);

/* Tags text (tokens tk, sentences ss, both of text): appends the names
 * found, in text order, to out. Time linear in the tokens. */
int px_ner_tag(const px_ner_model *m, const char *text, const px_tokens *tk, const px_spans *ss,
               px_ner_spans *out);

/* ---- training ------------------------------------------------------------ */

typedef struct px_ner_trainer px_ner_trainer;

/* One training document: its text and gold names (byte offsets). */
typedef struct px_ner_gold {
    size_t start, end;
    px_ner_type type;
} px_ner_gold;

int px_ner_trainer_new(px_ner_trainer **out);
void px_ner_trainer_free(px_ner_trainer *t);
/* Adds a document; text is copied. */
int px_ner_trainer_add(px_ner_trainer *t, const char *text, const px_ner_gold *gold, size_t n_gold);
/* Runs `epochs` passes of the averaged perceptron over the documents whose
 * index i has (i % folds) != skip (skip == -1: all), documents shuffled
 * with seed. Names seen in the training documents form the gazetteer;
 * each document's gazetteer features come from the names of the other
 * documents' half (jackknife), so their weight reflects unseen text. */
int px_ner_train(px_ner_trainer *t, int epochs, unsigned seed, int folds, int skip);
/* The averaged model, features whose weights are all below prune left
 * out; NULL when out of memory. */
px_ner_model *px_ner_trainer_model(px_ner_trainer *t, double prune);
/* Writes that model in the text format px_ner_model_parse reads. */
int px_ner_trainer_write(px_ner_trainer *t, double prune, FILE *f);

#endif
