/*
 * parallax/article.h - the article model, publication dates and the JSON
 * form every command prints (documented in docs/formats.md).
 */
#ifndef PARALLAX_ARTICLE_H
#define PARALLAX_ARTICLE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One piece of text removed by cleaning, and why (e.g. "paywall"). */
typedef struct px_removal {
    char *text;
    char *reason;
} px_removal;

typedef struct px_article {
    char *id;             /* the input's own id when it has one, else 16 hex
                             digits: xxh64 of source + url (or + body) */
    char *source;         /* outlet display name */
    char *source_key;     /* key the outlet was matched by, or NULL */
    char *leaning;        /* from the sources file, or NULL */
    char *country;        /* from the sources file, or NULL */
    char *url;
    char *title;
    px_strlist authors;
    char *date;           /* ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ */
    int date_estimated;   /* 1: the input had no date; date is estimated
                             from its story and its own text (compare.h) */
    char *language;       /* BCP 47 tag, "en" unless known otherwise */
    px_strlist highlights;
    char *body;           /* paragraphs separated by "\n\n" */
    px_removal *removed;
    size_t n_removed;
    char *extra_json;     /* JSON object text with unknown input fields, or NULL */

    /* The document model of body (parallax/doc.h), built once after
     * cleaning (px_clean_attach_docs) and kept packed (px_doc_packed) for
     * every later stage to unpack and read, or NULL. Owned: freed with the
     * article by doc_free. Whatever changes body afterwards drops it first
     * (px_article_drop_doc). */
    struct px_doc_packed *doc;
    void (*doc_free)(struct px_doc_packed *doc);

    /* Provenance: where the article was read from. */
    char *input_path;     /* "-" for standard input */
    long input_line;      /* 1-based line for line-oriented inputs, else 0 */
    long long input_offset; /* byte offset of the record, -1 if not meaningful */
} px_article;

px_article *px_article_new(void);
void px_article_free(px_article *a);

/* Replaces *field with a copy of value (NULL allowed). */
int px_set_str(char **field, const char *value);
int px_set_strn(char **field, const char *value, size_t len);

/* Records that cleaning removed text for reason. */
int px_article_add_removal(px_article *a, const char *text, size_t len, const char *reason);

/* Sets a->id, unless the input gave one, from source, url and body.
 * Call after those are final. */
int px_article_compute_id(px_article *a);

/* What a report calls the article: its title, else the start of its first
 * line of text (cut at a character boundary to fit cap bytes), else its id.
 * Returns out. */
const char *px_article_label(const px_article *a, char *out, size_t cap);

/* Serialises the article as one line of JSON (no trailing newline).
 * Returns a malloc'd string or NULL when out of memory. */
char *px_article_to_json(const px_article *a);

/* Parses a date in any common form (2023-10-31, Oct. 31, 2023,
 * 31 October 2023, RFC 2822, ISO 8601 with offset) and writes its ISO 8601
 * form to out: YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ converted to UTC when a
 * time is given. Returns PX_OK or PX_EFORMAT. */
int px_date_parse(const char *text, char out[32]);

/* Days since 1970-01-01 for an ISO date produced by px_date_parse; returns
 * PX_EFORMAT when iso is not one. */
int px_date_days(const char *iso, long *days);

/* The ISO date (YYYY-MM-DD) of a day number from px_date_days. */
void px_date_from_days(long days, char out[11]);

/* The primary subtag of a language tag, lower case ("de" of "de-AT",
 * "zh" of "zh_Hant"), at most 7 letters; "en" for NULL or "", as an
 * article without a language is English. What "one language" means for
 * stories and their links across languages. */
void px_language_primary(const char *tag, char out[8]);

#ifdef __cplusplus
}
#endif
#endif
