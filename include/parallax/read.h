/*
 * parallax/read.h - reading articles from files, folders and standard input.
 *
 * Inputs are streamed: gzip (.gz, also concatenated members) and zstd (.zst)
 * are decompressed on the fly, whatever the file name says (the magic bytes
 * decide). Line-oriented formats never hold more than one record in memory.
 * A bad record or file is reported through px_read_opts.diag and reading goes
 * on with the next one.
 */
#ifndef PARALLAX_READ_H
#define PARALLAX_READ_H

#include <stdio.h>
#include "article.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- decompressing input stream --------------------------------------- */

typedef struct px_input px_input;

/* Opens path ("-" = standard input). */
int px_input_open(px_input **out, const char *path, px_error *err);
/* Reads from a caller-owned memory block (not copied; must outlive input). */
int px_input_open_memory(px_input **out, const void *data, size_t len,
                         const char *name, px_error *err);
void px_input_close(px_input *in);

/* Did reading stop because the input decompressed past its cap
 * (px_read_opts.max_decompressed, max_expansion)? The input was too large,
 * not malformed. */
int px_input_passed_cap(const px_input *in);

/* Reads everything that is left, at most max bytes (PX_ELIMIT beyond). */
int px_input_read_all(px_input *in, px_buf *out, size_t max, px_error *err);

/* ---- sources file ------------------------------------------------------ */

/* Maps outlet keys (domain or short name) to display name, leaning and
 * country. Format: CSV or TSV, header "key,name,leaning,country", see
 * docs/formats.md. */
typedef struct px_sources px_sources;

int px_sources_load(px_sources **out, const char *path, px_error *err);
/* The same from text in memory; name is what error messages call it. */
int px_sources_parse(px_sources **out, const char *text, size_t len, const char *name, px_error *err);
void px_sources_free(px_sources *s);
size_t px_sources_count(const px_sources *s);
/* Fills a->source/source_key/leaning/country from the first row whose key
 * matches the url's host, the article's source, or a key taken from the
 * input file name. Returns 1 when a row matched, 0 otherwise. */
int px_sources_apply(const px_sources *s, px_article *a);

/* ---- readers ----------------------------------------------------------- */

typedef enum px_severity { PX_WARNING = 1, PX_ERROR = 2 } px_severity;

/* A problem with one input or one record of it. */
typedef struct px_diag {
    px_severity severity;
    const char *path;
    long line;           /* 0 when not meaningful */
    long long offset;    /* -1 when not meaningful */
    const char *msg;
} px_diag;

typedef void (*px_diag_fn)(const px_diag *d, void *ud);
/* Receives ownership of a; returns 0 to go on, non-zero to stop reading. */
typedef int (*px_article_fn)(px_article *a, void *ud);

typedef struct px_read_opts {
    const char *source;          /* --source: outlet for every article */
    const px_sources *sources;   /* may be NULL */
    const char *language;        /* default language, "en" when NULL */
    size_t max_record;           /* largest line/record/file in bytes;
                                    0 = PX_DEFAULT_MAX_RECORD */
    long long max_decompressed;  /* a compressed input may decompress to
                                    at most this many bytes; 0 = no cap */
    double max_expansion;        /* nor, past its first PX_EXPANSION_FLOOR
                                    bytes, to more than this many times the
                                    compressed bytes read; 0 =
                                    PX_DEFAULT_MAX_EXPANSION, < 0 = no cap
                                    (--max-expansion) */
    int verbatim;                /* plain-text files: the body is the file's
                                    text as written (headline, date line and
                                    line breaks kept), so offsets into the
                                    body are offsets into the file; --raw */
    px_diag_fn diag;
    void *diag_ud;
    px_progress_fn progress;
    void *progress_ud;
} px_read_opts;

#define PX_DEFAULT_MAX_RECORD ((size_t)32 << 20)
/* Text and HTML compress 3 to 20 times; a gzip bomb 1,000 times. */
#define PX_DEFAULT_MAX_EXPANSION 100.0
#define PX_EXPANSION_FLOOR ((long long)64 << 20)

/* Reads every path (files, folders recursively in sorted order, "-" for
 * standard input) and hands each article to fn; o may be NULL (the
 * defaults, no diagnostics). Returns the number of inputs or records that
 * failed (each reported through diag), or PX_ESTOP when fn asked to stop. */
int px_read_paths(const char *const *paths, size_t n, const px_read_opts *o,
                  px_article_fn fn, void *ud);

/* Reads one already opened input whose format is guessed from its name and
 * first bytes. Same return value as px_read_paths. */
int px_read_input(px_input *in, const px_read_opts *o, px_article_fn fn, void *ud);

/* Parses one plain-text article (format in docs/formats.md). */
int px_parse_txt(const char *text, size_t len, px_article *a, px_error *err);
/* Parses one JSON Lines record. */
int px_parse_json_article(const char *json, size_t len, px_article *a, px_error *err);

/* Loads a background word table (parallax/text.h) from a file or "-":
 * lines "stem<TAB>count"; "#" lines are comments. */
int px_background_load(px_background **out, const char *path, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
