/* internal.h - helpers shared by the library's own modules; not installed. */
#ifndef PARALLAX_INTERNAL_H
#define PARALLAX_INTERNAL_H

#include "parallax/read.h"
#include "parallax/text.h"

/* 1 when s[0..len) is valid UTF-8. */
int px_utf8_valid(const char *s, size_t len);
int px_has_nul(const char *s, size_t len);

/* The outlet key in a file name "KEY--slug.ext", else its stem. */
int px_source_key_from_path(const char *path, char *out, size_t cap);
/* The host of an article URL without "www." (the outlet key of a web page). */
int px_source_key_from_url(const char *url, char *out, size_t cap);

/* The built-in background word table (data/background-en.tsv), embedded at
 * build time by scripts/embed-data. */
extern const char px_background_en_tsv[];
extern const size_t px_background_en_tsv_len;
/* The entity tagger model (data/ner-en.model), embedded the same way. */
extern const char px_ner_en_model[];
extern const size_t px_ner_en_model_len;

/* How an English abbreviation (without its final period) behaves at a
 * period: abbrev.c. */
enum {
    PX_ABBR_NONE = 0,
    PX_ABBR_GENERAL, /* Co., Inc., Jr., Calif.: may end a sentence */
    PX_ABBR_TITLE,   /* Mr., Sen., St.: a name follows, never ends a sentence */
    PX_ABBR_NUMBER,  /* No., p., Vol.: a number follows */
    PX_ABBR_MONTH,   /* Oct.: a day number usually follows */
    PX_ABBR_NEVER    /* e.g., i.e., vs.: never ends a sentence */
};
int px_abbrev_class(const char *w, size_t len);

#endif
