/* warc.c - WARC records, one at a time, from a (decompressing) input.
 *
 * Bytes come from a small pending buffer first and then from the input: when
 * a Content-Length overshoots, the records it swallowed are put back there
 * so that they are still read. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax/warc.h"
#include "core/common_internal.h"
#include "read/read_internal.h"
#include "read/warc_internal.h"

#define MAX_HEAD_LINE (64u << 10)
#define MAX_HEADERS 128

struct px_warc {
    px_input *in;
    size_t max_record;
    px_buf pending;          /* bytes to read before the input's */
    size_t pending_pos;
    long long pending_base;  /* decompressed offset of pending.data[0] */
    px_buf line;
    px_strlist names, values;
    int input_failed;        /* the input itself failed: nothing more can be read */
};

static int input_error(px_warc *w, int rc)
{
    if (rc < 0)
        w->input_failed = 1;
    return rc;
}

/* ---- byte source --------------------------------------------------------- */

static size_t pending_left(const px_warc *w)
{
    return w->pending.len - w->pending_pos;
}

static long long src_offset(const px_warc *w)
{
    if (pending_left(w))
        return w->pending_base + (long long)w->pending_pos;
    return px_input_offset(w->in);
}

/* Reads one line (without CR LF) into w->line: 1, 0 at end, <0 error. */
static int src_getline(px_warc *w, px_error *err)
{
    if (!pending_left(w)) {
        int rc = px_input_getline(w->in, &w->line, MAX_HEAD_LINE, err);
        return rc == PX_ELIMIT ? rc : input_error(w, rc);
    }
    w->line.len = 0;
    const char *p = w->pending.data + w->pending_pos;
    const char *nl = memchr(p, '\n', pending_left(w));
    size_t n = nl ? (size_t)(nl - p) : pending_left(w);
    if (n > MAX_HEAD_LINE)
        return px_error_set(err, PX_ELIMIT, "line longer than %u bytes", MAX_HEAD_LINE);
    if (px_buf_append(&w->line, p, n))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    w->pending_pos += nl ? n + 1 : n;
    if (!nl) { /* the line goes on in the input */
        px_buf rest = {0};
        int rc = px_input_getline(w->in, &rest, MAX_HEAD_LINE, err);
        if (rc != PX_ELIMIT)
            input_error(w, rc);
        if (rc > 0 && px_buf_append(&w->line, rest.data, rest.len))
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
        px_buf_free(&rest);
        if (rc < 0)
            return rc;
    }
    if (w->line.len && w->line.data[w->line.len - 1] == '\r')
        w->line.data[--w->line.len] = '\0';
    return 1;
}

/* Reads n bytes, keeping at most keep of them in out (the rest is
 * discarded). Returns the number of bytes read (< n at end) or <0. */
static long long src_read(px_warc *w, long long n, size_t keep, px_buf *out, px_error *err)
{
    long long done = 0;
    char chunk[65536];
    while (done < n) {
        size_t want = (size_t)(n - done < (long long)sizeof chunk ? n - done : (long long)sizeof chunk);
        long got;
        if (pending_left(w)) {
            got = (long)(pending_left(w) < want ? pending_left(w) : want);
            memcpy(chunk, w->pending.data + w->pending_pos, (size_t)got);
            w->pending_pos += (size_t)got;
        } else {
            got = px_input_read(w->in, chunk, want, err);
            if (got < 0)
                return input_error(w, (int)got);
            if (got == 0)
                break;
        }
        if (out->len < keep) {
            size_t k = keep - out->len < (size_t)got ? keep - out->len : (size_t)got;
            if (px_buf_append(out, chunk, k))
                return px_error_set(err, PX_ENOMEM, "out of memory");
        }
        done += got;
    }
    return done;
}

/* Does the next data start with s? (peeks, consumes nothing) */
static int src_starts_with(px_warc *w, const char *s, px_error *err)
{
    size_t k = strlen(s), have = pending_left(w);
    if (have >= k)
        return memcmp(w->pending.data + w->pending_pos, s, k) == 0;
    if (have && memcmp(w->pending.data + w->pending_pos, s, have) != 0)
        return 0;
    const void *p;
    long n = input_error(w, (int)px_input_peek(w->in, &p, k - have, err));
    return n >= 0 && (size_t)n >= k - have && memcmp(p, s + have, k - have) == 0;
}

static void src_skip(px_warc *w, size_t k, px_error *err)
{
    px_buf none = {0};
    src_read(w, (long long)k, 0, &none, err);
}

/* Makes data[from..len) the next bytes to read. */
static int src_push_back(px_warc *w, const char *data, size_t len, long long base, px_error *err)
{
    px_buf rest = {0};
    if (px_buf_append(&rest, data, len) ||
        px_buf_append(&rest, w->pending.data ? w->pending.data + w->pending_pos : "", pending_left(w))) {
        px_buf_free(&rest);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    px_buf_free(&w->pending);
    w->pending = rest;
    w->pending_pos = 0;
    w->pending_base = base;
    return PX_OK;
}

/* ---- records --------------------------------------------------------------- */

int px_warc_open(px_warc **out, px_input *in, size_t max_record, px_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    (*out)->in = in;
    (*out)->max_record = max_record ? max_record : PX_DEFAULT_MAX_RECORD;
    return PX_OK;
}

void px_warc_free(px_warc *w)
{
    if (!w)
        return;
    px_buf_free(&w->pending);
    px_buf_free(&w->line);
    px_strlist_clear(&w->names);
    px_strlist_clear(&w->values);
    free(w);
}

void px_warc_record_clear(px_warc_record *rec)
{
    free(rec->type);
    free(rec->target_uri);
    free(rec->date);
    free(rec->record_id);
    free(rec->content_type);
    px_buf_free(&rec->block);
    memset(rec, 0, sizeof *rec);
}

const char *px_warc_header(const px_warc *w, const char *name)
{
    for (size_t i = 0; i < w->names.n; i++)
        if (strcasecmp(w->names.items[i], name) == 0)
            return w->values.items[i];
    return NULL;
}

static int is_version_line(const px_buf *l)
{
    return l->len >= 8 && memcmp(l->data, "WARC/", 5) == 0 && isdigit((unsigned char)l->data[5]);
}

/* Skips lines up to the next "WARC/" version line, which is left as the
 * current line; returns 1 when found, 0 at end, <0 on input failure. */
static int resync(px_warc *w, long long *line_offset, px_error *err)
{
    for (;;) {
        *line_offset = src_offset(w);
        int rc = src_getline(w, err);
        if (rc == PX_ELIMIT)
            continue;
        if (rc <= 0)
            return rc;
        if (is_version_line(&w->line))
            return 1;
    }
}

/* Skips to the next record and leaves its version line to be read again.
 * Returns the bytes skipped, or <0 when the input failed. */
static long long skip_to_next_record(px_warc *w, long long from, px_error *err)
{
    long long found_at;
    px_error quiet;
    int rc = resync(w, &found_at, &quiet);
    if (rc < 0) {
        if (err)
            *err = quiet;
        return rc;
    }
    if (rc == 0)
        return src_offset(w) - from;
    px_buf l = {0};
    if (px_buf_append(&l, w->line.data, w->line.len) || px_buf_append(&l, "\r\n", 2) ||
        src_push_back(w, l.data, l.len, found_at, err)) {
        px_buf_free(&l);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    px_buf_free(&l);
    return found_at - from;
}

static int read_headers(px_warc *w, px_error *err)
{
    px_strlist_clear(&w->names);
    px_strlist_clear(&w->values);
    for (;;) {
        int rc = src_getline(w, err);
        if (rc == 0)
            return px_error_set(err, PX_EFORMAT, "record head cut short by the end of the file");
        if (rc < 0)
            return rc;
        if (w->line.len == 0)
            return PX_OK;
        const char *l = w->line.data;
        if ((l[0] == ' ' || l[0] == '\t') && w->values.n) /* continuation */
            continue;
        const char *colon = memchr(l, ':', w->line.len);
        if (!colon)
            return px_error_set(err, PX_EFORMAT, "malformed WARC header line \"%.60s\"", l);
        if (w->names.n >= MAX_HEADERS)
            return px_error_set(err, PX_EFORMAT, "more than %d WARC headers", MAX_HEADERS);
        const char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        size_t vn = w->line.len - (size_t)(v - l);
        while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
            vn--;
        if (px_strlist_push_n(&w->names, l, (size_t)(colon - l)) || px_strlist_push_n(&w->values, v, vn))
            return px_error_set(err, PX_ENOMEM, "out of memory");
    }
}

static int copy_header(px_warc *w, const char *name, char **field)
{
    const char *v = px_warc_header(w, name);
    if (!v)
        return PX_OK;
    /* WARC-Target-URI may be written <uri> (WARC 1.0 examples do) */
    size_t n = strlen(v);
    if (n >= 2 && v[0] == '<' && v[n - 1] == '>')
        return px_set_strn(field, v + 1, n - 2);
    return px_set_str(field, v);
}

/* The first record head ("WARC/1." after a blank line) inside a block a
 * lying Content-Length made too long, or NULL. */
static const char *record_head_in(const px_buf *block)
{
    const char *b = block->data;
    for (const char *p = b; p && (p = memmem(p, block->len - (size_t)(p - b), "\nWARC/1.", 8)) != NULL; p++)
        if ((p > b && p[-1] == '\n') || (p - b >= 2 && p[-1] == '\r' && p[-2] == '\n'))
            return p + 1;
    return NULL;
}

/* Puts the block's bytes from head on back to be read as records. */
static int put_back_from(px_warc *w, const px_buf *block, const char *head, long long block_offset,
                         px_error *err)
{
    size_t at = (size_t)(head - block->data);
    return src_push_back(w, head, block->len - at, block_offset + (long long)at, err);
}

/* The block ends with CR LF CR LF. When it does not, Content-Length lied:
 * if a record header sits inside the block it was too long, and what
 * follows that header is put back to be read again. */
static int check_trailer(px_warc *w, px_warc_record *rec, long long block_offset, int kept_all,
                         px_error *err)
{
    if (src_starts_with(w, "\r\n\r\n", err)) {
        src_skip(w, 4, err);
        return PX_OK;
    }
    if (src_starts_with(w, "\n\n", err)) {
        src_skip(w, 2, err);
        return PX_OK;
    }
    const char *hit = kept_all ? record_head_in(&rec->block) : NULL;
    if (hit) {
        int rc = put_back_from(w, &rec->block, hit, block_offset, err);
        if (rc)
            return rc;
    } else {
        long long skipped = skip_to_next_record(w, src_offset(w), err);
        if (skipped < 0)
            return (int)skipped;
    }
    return px_error_set(err, PX_EFORMAT,
                        "record at offset %lld: Content-Length %lld does not match the record (%s); record skipped",
                        rec->offset, rec->content_length,
                        hit ? "a record header starts inside the block" : "no CR LF CR LF after the block");
}

/* The file ended inside the block. When the block holds record heads,
 * Content-Length lied: those records are read again, not lost. */
static int cut_short(px_warc *w, px_warc_record *rec, long long block_offset, long long got, px_error *err)
{
    const char *hit = record_head_in(&rec->block);
    if (hit) {
        int rc = put_back_from(w, &rec->block, hit, block_offset, err);
        if (rc)
            return rc;
    }
    return px_error_set(err, PX_EFORMAT,
                        "record at offset %lld cut short: Content-Length %lld but only %lld bytes left%s",
                        rec->offset, rec->content_length, got,
                        hit ? "; the records inside it are read again" : "");
}

static int next_record(px_warc *w, px_warc_record *rec, px_error *err);

int px_warc_next(px_warc *w, px_warc_record *rec, px_error *err)
{
    if (w->input_failed)
        return px_error_set(err, PX_EIO, "input failed earlier");
    int rc = next_record(w, rec, err);
    if (rc < 0 && w->input_failed) {
        if (err)
            err->code = PX_EIO;
        return PX_EIO;
    }
    return rc;
}

static int next_record(px_warc *w, px_warc_record *rec, px_error *err)
{
    px_warc_record_clear(rec);
    long long start;
    int rc;
    /* skip blank lines between records */
    do {
        const void *p;
        if (!pending_left(w) && input_error(w, (int)px_input_peek(w->in, &p, 1, err)) < 0)
            return PX_EIO;
        start = src_offset(w);
        rc = src_getline(w, err);
    } while (rc == 1 && w->line.len == 0);
    if (rc <= 0 && rc != PX_ELIMIT)
        return rc;
    rec->data_offset = start;
    rec->offset = px_input_member_at(w->in, start);
    if (rec->offset < 0)
        rec->offset = start;
    const long long where = rec->offset;
    if (rc == PX_ELIMIT || !is_version_line(&w->line)) {
        long long skipped = skip_to_next_record(w, start, err);
        if (skipped < 0)
            return (int)skipped;
        return px_error_set(err, PX_EFORMAT, "not a WARC record header at offset %lld; skipped %lld bytes",
                            where, skipped);
    }
    snprintf(rec->version, sizeof rec->version, "%.*s", (int)(w->line.len < 15 ? w->line.len : 15), w->line.data);
    if ((rc = read_headers(w, err)) != PX_OK)
        return rc;
    if (copy_header(w, "WARC-Type", &rec->type) || copy_header(w, "WARC-Target-URI", &rec->target_uri) ||
        copy_header(w, "WARC-Date", &rec->date) || copy_header(w, "WARC-Record-ID", &rec->record_id) ||
        copy_header(w, "Content-Type", &rec->content_type))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    const char *cl = px_warc_header(w, "Content-Length");
    char *end = NULL;
    long long len = cl ? strtoll(cl, &end, 10) : -1;
    if (!cl || end == cl || *end || len < 0)
        return px_error_set(err, PX_EFORMAT, "record at offset %lld has no valid Content-Length", where);
    rec->content_length = len;
    /* Up to max_record bytes are kept even of a larger block: when the
     * file ends before the block does, the records it swallowed are there. */
    size_t keep = len > (long long)w->max_record ? w->max_record : (size_t)len;
    long long block_offset = src_offset(w);
    long long got = src_read(w, len, keep, &rec->block, err);
    if (got < 0)
        return (int)got;
    if (!rec->block.data && px_buf_append(&rec->block, "", 0))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    if (got < len)
        return cut_short(w, rec, block_offset, got, err);
    if ((rc = check_trailer(w, rec, block_offset, keep == (size_t)len, err)) != PX_OK)
        return rc;
    if (keep < (size_t)len) {
        px_buf_free(&rec->block);
        return px_error_set(err, PX_ELIMIT,
                            "record at offset %lld: block of %.1f MiB is larger than %g MiB (see --max-record); "
                            "skipped",
                            where, (double)len / (1 << 20), (double)w->max_record / (1 << 20));
    }
    return 1;
}
