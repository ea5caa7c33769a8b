/* testutil.h - shared helpers for the cmocka tests. Tests run from the
 * repository root; the shared evaluation data sits in ../shared unless
 * PARALLAX_SHARED says otherwise. */
#ifndef PARALLAX_TESTUTIL_H
#define PARALLAX_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parallax.h"
#include "store/queries.h"

/* Path of a file in the shared data folder (static buffer). */
const char *tu_shared(const char *rel);

/* Articles and diagnostics collected by tu_read(). */
typedef struct tu_result {
    px_article **articles;
    size_t n;
    int errors, warnings;
    char last_error[1024];
    int rc;
} tu_result;

/* Reads and cleans paths with default options (opts may be NULL). */
void tu_read(tu_result *r, const char *const *paths, size_t n, const px_read_opts *opts);
void tu_read_one(tu_result *r, const char *path, const px_read_opts *opts);
/* The same without the clean stage: the text as read. */
void tu_read_raw_one(tu_result *r, const char *path, const px_read_opts *opts);

/* Fails, listing what was found, unless the sentences sp of text are
 * exactly the NULL-terminated want; lang labels the message. */
void tu_expect_spans(const char *lang, const char *text, const px_spans *sp, const char *const *want);
void tu_result_free(tu_result *r);
/* A reader callback that appends each article to the tu_result ud. */
int tu_collect_article(px_article *a, void *ud);
/* Reads paths (no read errors allowed) and builds one story of them. */
px_story_text *tu_read_story(tu_result *r, const char *const *paths, size_t n, const px_sources *src);

/* Writes data to a fresh temporary file whose name ends in suffix; returns
 * its path (malloc'd). */
char *tu_write_temp(const void *data, size_t len, const char *suffix);
/* Runs a shell command, capturing stdout (malloc'd) and the exit code. */
char *tu_run(const char *cmd, int *exit_code);
/* The parallax binary under test (PARALLAX_BIN or build/asan/parallax). */
const char *tu_bin(void);

/* An ingest fed by px_read_paths(..., tu_ingest_add, &ctx): it records the
 * rows of the first TU_INGEST_ROWS articles and of the last, and stops the
 * reading (failed set, error printed) at the first error. */
#define TU_INGEST_ROWS 16
typedef struct tu_ingest {
    px_ingest *g;
    int64_t rows[TU_INGEST_ROWS];
    size_t n;
    int64_t last_row;
    int failed;
    char error[512]; /* why it failed */
} tu_ingest;
int tu_ingest_add(px_article *a, void *ud);
/* Ingests paths into s with read options ro and ingest options io (either
 * may be NULL), asserting that every step succeeds; returns the stats and,
 * when c is not NULL, leaves the rows in it (c->g is freed). */
px_ingest_stats tu_ingest_paths(px_store *s, const char *const *paths, size_t n, const px_read_opts *ro,
                                const px_ingest_opts *io, tu_ingest *c);
/* Collects the touched list (px_ingest_each_touched): up to cap stories
 * into v, *n counting them all. */
typedef struct tu_story_list {
    int64_t *v;
    size_t cap, *n;
} tu_story_list;
int tu_note_story(int64_t story, void *ud);
/* The story of a stored article (asserted to exist). */
int64_t tu_story_of(px_store *s, int64_t row);

#endif
