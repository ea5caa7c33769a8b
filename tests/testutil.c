/* testutil.c - see testutil.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

const char *tu_shared(const char *rel)
{
    static char buf[4096];
    const char *root = getenv("PARALLAX_SHARED");
    snprintf(buf, sizeof buf, "%s/%s", root ? root : "../shared", rel);
    return buf;
}

static void collect_diag(const px_diag *d, void *ud)
{
    tu_result *r = ud;
    if (d->severity == PX_ERROR)
        r->errors++;
    else
        r->warnings++;
    snprintf(r->last_error, sizeof r->last_error, "%s:%ld: %s", d->path, d->line, d->msg);
}

int tu_collect_article(px_article *a, void *ud)
{
    tu_result *r = ud;
    px_article **more = realloc(r->articles, (r->n + 1) * sizeof *more);
    assert_non_null(more);
    r->articles = more;
    r->articles[r->n++] = a;
    return 0;
}

static void read_paths(tu_result *r, const char *const *paths, size_t n, const px_read_opts *opts,
                       int clean)
{
    memset(r, 0, sizeof *r);
    px_read_opts o;
    if (opts)
        o = *opts;
    else
        memset(&o, 0, sizeof o);
    o.diag = collect_diag;
    o.diag_ud = r;
    r->rc = clean ? px_read_clean_paths(paths, n, &o, NULL, tu_collect_article, r)
                  : px_read_paths(paths, n, &o, tu_collect_article, r);
}

void tu_read(tu_result *r, const char *const *paths, size_t n, const px_read_opts *opts)
{
    read_paths(r, paths, n, opts, 1);
}

void tu_read_one(tu_result *r, const char *path, const px_read_opts *opts)
{
    read_paths(r, &path, 1, opts, 1);
}

void tu_read_raw_one(tu_result *r, const char *path, const px_read_opts *opts)
{
    read_paths(r, &path, 1, opts, 0);
}

void tu_result_free(tu_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        px_article_free(r->articles[i]);
    free(r->articles);
    memset(r, 0, sizeof *r);
}

char *tu_write_temp(const void *data, size_t len, const char *suffix)
{
    char *path = malloc(256);
    assert_non_null(path);
    snprintf(path, 256, "/tmp/parallax-test-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

char *tu_run(const char *cmd, int *exit_code)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    px_buf out = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        px_buf_append(&out, chunk, n);
    int status = pclose(p);
    *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return px_buf_steal(&out);
}

const char *tu_bin(void)
{
    const char *b = getenv("PARALLAX_BIN");
    return b ? b : "build/asan/parallax";
}

px_story_text *tu_read_story(tu_result *r, const char *const *paths, size_t n, const px_sources *src)
{
    px_read_opts o = {.sources = src};
    tu_read(r, paths, n, &o);
    assert_int_equal(r->errors, 0);
    px_story_text *st = NULL;
    assert_int_equal(px_story_text_new(&st, r->articles, r->n, NULL), PX_OK);
    return st;
}

int tu_ingest_add(px_article *a, void *ud)
{
    tu_ingest *c = ud;
    px_error err;
    px_error_clear(&err);
    if (px_ingest_add(c->g, a, &c->last_row, &err) != PX_OK) {
        fprintf(stderr, "ingest: %s\n", err.msg);
        snprintf(c->error, sizeof c->error, "%s", err.msg);
        c->failed = 1;
        return 1;
    }
    if (c->n < TU_INGEST_ROWS)
        c->rows[c->n++] = c->last_row;
    return 0;
}

px_ingest_stats tu_ingest_paths(px_store *s, const char *const *paths, size_t n, const px_read_opts *ro,
                                const px_ingest_opts *io, tu_ingest *c)
{
    static const px_read_opts no_ro;
    static const px_ingest_opts no_io;
    tu_ingest own = {0};
    c = c ? c : &own;
    memset(c, 0, sizeof *c);
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_ingest_new(&c->g, s, io ? io : &no_io, &err), PX_OK);
    assert_int_equal(px_read_clean_paths(paths, n, ro ? ro : &no_ro, NULL, tu_ingest_add, c), 0);
    assert_false(c->failed);
    assert_int_equal(px_ingest_finish(c->g, &err), PX_OK);
    px_ingest_stats st = *px_ingest_stats_of(c->g);
    px_ingest_free(c->g);
    c->g = NULL;
    return st;
}

int64_t tu_story_of(px_store *s, int64_t row)
{
    cJSON *a;
    px_error err;
    assert_int_equal(px_store_article_json(s, row, &a, &err), PX_OK);
    assert_non_null(a);
    int64_t story = (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(a, "story"));
    cJSON_Delete(a);
    assert_true(story > 0);
    return story;
}

void tu_expect_spans(const char *lang, const char *text, const px_spans *sp, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    int same = sp->n == n;
    for (size_t i = 0; same && i < n; i++)
        same = sp->v[i].end - sp->v[i].start == strlen(want[i]) &&
               memcmp(text + sp->v[i].start, want[i], strlen(want[i])) == 0;
    if (!same) {
        px_buf b = {0};
        for (size_t i = 0; i < sp->n; i++)
            px_buf_printf(&b, "\n  [%.*s]", (int)(sp->v[i].end - sp->v[i].start), text + sp->v[i].start);
        fail_msg("%s split of \"%s\" gave %zu sentences, want %zu:%s", lang, text, sp->n, n,
                 b.data ? b.data : "");
    }
}

int tu_note_story(int64_t story, void *ud)
{
    tu_story_list *l = ud;
    if (*l->n < l->cap)
        l->v[*l->n] = story;
    ++*l->n;
    return 0;
}
