/* input.c - a byte stream over a file, standard input or memory that
 * decompresses gzip (any number of members) and zstd on the fly.
 * The format is decided by the magic bytes, never by the file name. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include "parallax/read.h"
#include "core/common_internal.h"
#include "read/read_internal.h"

#define RAW_CAP (64u << 10)
#define OUT_CAP (256u << 10)
#define MEMBERS_KEPT 4096u /* gzip member starts remembered for px_input_member_at */

enum codec { CODEC_PLAIN, CODEC_GZIP, CODEC_ZSTD };

struct px_input {
    char *name;
    FILE *fp;              /* NULL for memory inputs */
    int owns_fp;
    const unsigned char *mem;
    size_t mem_len, mem_pos;
    long long raw_size;

    unsigned char *raw;    /* compressed bytes not yet consumed */
    size_t raw_pos, raw_len;
    int raw_eof;
    long long raw_consumed;

    enum codec codec;
    z_stream z;
    int z_ready, z_member_done;
    ZSTD_DCtx *zstd;
    size_t zstd_hint;      /* 0 when the last frame was complete */

    unsigned char *out;
    size_t out_pos, out_len;
    long long out_consumed; /* decompressed bytes handed out */
    int out_eof;
    int failed;
    char failure[256];

    /* Where gzip members start: decompressed offset -> compressed offset,
       a ring of the last MEMBERS_KEPT. */
    struct member { long long out, raw; } *members;
    size_t n_members;       /* ever recorded */
    long long member_raw;   /* compressed offset of the member being inflated */
    char recovered[256];    /* corrupt data skipped, not yet reported */
    long long max_out;      /* decompressed bytes allowed, 0 = no cap */
    double max_expansion;   /* times the compressed bytes read, 0 = no cap */
    int passed_cap;         /* reading stopped at max_out or max_expansion */
};

static int fill_raw(px_input *in, px_error *err);

static void note_member(px_input *in)
{
    if (!in->members && !(in->members = malloc(MEMBERS_KEPT * sizeof *in->members)))
        return;
    long long out = in->out_consumed + (long long)(in->out_len - in->out_pos);
    struct member *m = &in->members[in->n_members % MEMBERS_KEPT];
    m->out = out;
    m->raw = in->member_raw = in->raw_consumed;
    in->n_members++;
}

/* After corrupt deflate data: skips to the next gzip member header. */
static int resync_gzip(px_input *in, px_error *err)
{
    long long bad_at = in->member_raw;
    for (;;) {
        for (size_t i = in->raw_pos; i + 3 <= in->raw_len; i++)
            if (in->raw[i] == 0x1f && in->raw[i + 1] == 0x8b && in->raw[i + 2] == 0x08) {
                in->raw_consumed += (long long)(i - in->raw_pos);
                in->raw_pos = i;
                inflateReset(&in->z);
                in->z_member_done = 0;
                snprintf(in->recovered, sizeof in->recovered,
                         "corrupt gzip member at offset %lld skipped up to the next member at %lld",
                         bad_at, in->raw_consumed);
                note_member(in);
                return PX_OK;
            }
        size_t keep = in->raw_len - in->raw_pos < 2 ? in->raw_len - in->raw_pos : 2;
        in->raw_consumed += (long long)(in->raw_len - in->raw_pos - keep);
        in->raw_pos = in->raw_len - keep;
        if (in->raw_eof) {
            snprintf(in->recovered, sizeof in->recovered,
                     "corrupt gzip member at offset %lld: nothing readable after it", bad_at);
            in->out_eof = 1;
            return PX_OK;
        }
        int rc = fill_raw(in, err);
        if (rc)
            return rc;
    }
}

static int fail(px_input *in, px_error *err, int code, const char *what)
{
    if (!in->failed) {
        in->failed = code;
        snprintf(in->failure, sizeof in->failure, "%s", what);
    }
    return px_error_set(err, in->failed, "%s", in->failure);
}

static int fill_raw(px_input *in, px_error *err)
{
    if (in->raw_pos > 0 && in->raw_pos < in->raw_len)
        memmove(in->raw, in->raw + in->raw_pos, in->raw_len - in->raw_pos);
    in->raw_len -= in->raw_pos;
    in->raw_pos = 0;
    if (in->raw_eof || in->raw_len == RAW_CAP)
        return PX_OK;
    size_t want = RAW_CAP - in->raw_len, got;
    if (in->fp) {
        got = fread(in->raw + in->raw_len, 1, want, in->fp);
        if (got < want) {
            if (ferror(in->fp))
                return fail(in, err, PX_EIO, strerror(errno ? errno : EIO));
            in->raw_eof = 1;
        }
    } else {
        got = in->mem_len - in->mem_pos < want ? in->mem_len - in->mem_pos : want;
        memcpy(in->raw + in->raw_len, in->mem + in->mem_pos, got);
        in->mem_pos += got;
        if (in->mem_pos == in->mem_len)
            in->raw_eof = 1;
    }
    in->raw_len += got;
    return PX_OK;
}

static int is_gzip(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

static int is_zstd(const unsigned char *p, size_t n)
{
    return n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd;
}

static int detect_codec(px_input *in, px_error *err)
{
    int rc = fill_raw(in, err);
    if (rc)
        return rc;
    if (is_gzip(in->raw, in->raw_len)) {
        in->codec = CODEC_GZIP;
        if (inflateInit2(&in->z, 15 + 16) != Z_OK)
            return fail(in, err, PX_ENOMEM, "cannot start gzip decoder");
        in->z_ready = 1;
        note_member(in);
    } else if (is_zstd(in->raw, in->raw_len)) {
        in->codec = CODEC_ZSTD;
        if (!(in->zstd = ZSTD_createDCtx()))
            return fail(in, err, PX_ENOMEM, "cannot start zstd decoder");
    }
    return PX_OK;
}

void px_input_limit(px_input *in, long long max_out, double max_expansion)
{
    in->max_out = max_out > 0 ? max_out : 0;
    in->max_expansion = max_expansion > 0 ? max_expansion : 0;
}

/* A compression bomb ends the input at the cap, with where it was met,
 * before it costs time or memory in proportion to its decompressed size. */
static int check_expansion(px_input *in, px_error *err)
{
    long long out = in->out_consumed + (long long)in->out_len;
    char what[256];
    if (in->max_out && out > in->max_out)
        snprintf(what, sizeof what,
                 "decompressed data passes the limit of %lld bytes at compressed offset %lld", in->max_out,
                 in->raw_consumed);
    else if (in->max_expansion && out > PX_EXPANSION_FLOOR && out > in->max_expansion * (double)in->raw_consumed)
        snprintf(what, sizeof what,
                 "decompressed data passes %g times its compressed size at compressed offset %lld "
                 "(decompressed offset %lld): a compression bomb? (--max-expansion)",
                 in->max_expansion, in->raw_consumed, out);
    else
        return PX_OK;
    in->passed_cap = 1;
    return fail(in, err, PX_EFORMAT, what); /* sticky: every later read fails too */
}

/* Decompresses into out[out_len..OUT_CAP). */
static int produce_gzip(px_input *in, px_error *err)
{
    for (;;) {
        if (in->raw_pos == in->raw_len) {
            int rc = fill_raw(in, err);
            if (rc)
                return rc;
        }
        if (in->z_member_done) {
            /* Another member may follow; zero padding after the last is tolerated. */
            while (in->raw_pos < in->raw_len && in->raw[in->raw_pos] == 0)
                in->raw_pos++, in->raw_consumed++;
            if (in->raw_pos == in->raw_len) {
                if (in->raw_eof) {
                    in->out_eof = 1;
                    return PX_OK;
                }
                continue;
            }
            if (in->raw_len - in->raw_pos < 2 && !in->raw_eof) {
                int rc = fill_raw(in, err);
                if (rc)
                    return rc;
            }
            if (!is_gzip(in->raw + in->raw_pos, in->raw_len - in->raw_pos))
                return fail(in, err, PX_EFORMAT, "trailing data after gzip stream is not gzip");
            inflateReset(&in->z);
            in->z_member_done = 0;
            note_member(in);
        }
        if (in->raw_pos == in->raw_len && in->raw_eof)
            return fail(in, err, PX_EFORMAT, "truncated gzip stream");
        in->z.next_in = in->raw + in->raw_pos;
        in->z.avail_in = (uInt)(in->raw_len - in->raw_pos);
        in->z.next_out = in->out + in->out_len;
        in->z.avail_out = (uInt)(OUT_CAP - in->out_len);
        int zr = inflate(&in->z, Z_NO_FLUSH);
        size_t used = (in->raw_len - in->raw_pos) - in->z.avail_in;
        in->raw_pos += used;
        in->raw_consumed += (long long)used;
        in->out_len = OUT_CAP - in->z.avail_out;
        if (zr == Z_STREAM_END)
            in->z_member_done = 1;
        else if (zr == Z_BUF_ERROR && in->raw_eof && in->raw_pos == in->raw_len)
            return fail(in, err, PX_EFORMAT, "truncated gzip stream");
        else if (zr == Z_DATA_ERROR && in->n_members > 1) {
            /* in a multi-member file, later members are still readable */
            int rc = resync_gzip(in, err);
            if (rc || in->out_eof)
                return rc;
        } else if (zr != Z_OK && zr != Z_BUF_ERROR)
            return fail(in, err, PX_EFORMAT, in->z.msg ? in->z.msg : "corrupt gzip data");
        if (in->out_len > 0 && (in->out_len == OUT_CAP || used == 0 || zr == Z_STREAM_END))
            return PX_OK;
        if (in->out_len == OUT_CAP)
            return PX_OK;
    }
}

static int produce_zstd(px_input *in, px_error *err)
{
    for (;;) {
        if (in->raw_pos == in->raw_len) {
            int rc = fill_raw(in, err);
            if (rc)
                return rc;
            if (in->raw_len == 0 && in->raw_eof) {
                if (in->zstd_hint)
                    return fail(in, err, PX_EFORMAT, "truncated zstd stream");
                in->out_eof = 1;
                return PX_OK;
            }
        }
        ZSTD_inBuffer ib = {in->raw, in->raw_len, in->raw_pos};
        ZSTD_outBuffer ob = {in->out, OUT_CAP, in->out_len};
        size_t r = ZSTD_decompressStream(in->zstd, &ob, &ib);
        if (ZSTD_isError(r))
            return fail(in, err, PX_EFORMAT, ZSTD_getErrorName(r));
        in->raw_consumed += (long long)(ib.pos - in->raw_pos);
        in->raw_pos = ib.pos;
        in->out_len = ob.pos;
        in->zstd_hint = r;
        if (in->out_len == OUT_CAP || (in->out_len > 0 && ib.pos == ib.size))
            return PX_OK;
    }
}

static int produce_plain(px_input *in, px_error *err)
{
    if (in->raw_pos == in->raw_len) {
        int rc = fill_raw(in, err);
        if (rc)
            return rc;
    }
    size_t n = in->raw_len - in->raw_pos, room = OUT_CAP - in->out_len;
    if (n > room)
        n = room;
    memcpy(in->out + in->out_len, in->raw + in->raw_pos, n);
    in->out_len += n;
    in->raw_pos += n;
    in->raw_consumed += (long long)n;
    if (n == 0 && in->raw_eof)
        in->out_eof = 1;
    return PX_OK;
}

/* Makes at least want (<= OUT_CAP) unread bytes available, unless at end. */
static int ensure(px_input *in, size_t want, px_error *err)
{
    if (in->failed)
        return fail(in, err, in->failed, in->failure);
    while (in->out_len - in->out_pos < want && !in->out_eof) {
        if (in->out_pos > 0) {
            memmove(in->out, in->out + in->out_pos, in->out_len - in->out_pos);
            in->out_len -= in->out_pos;
            in->out_pos = 0;
        }
        int rc = in->codec == CODEC_GZIP   ? produce_gzip(in, err)
                 : in->codec == CODEC_ZSTD ? produce_zstd(in, err)
                                           : produce_plain(in, err);
        if (!rc && in->codec != CODEC_PLAIN)
            rc = check_expansion(in, err);
        if (rc)
            return rc;
    }
    return PX_OK;
}

static int init(px_input *in, const char *name, px_error *err)
{
    in->name = px_strdup(name);
    in->raw = malloc(RAW_CAP);
    in->out = malloc(OUT_CAP);
    if (!in->name || !in->raw || !in->out)
        return px_error_set(err, PX_ENOMEM, "%s: out of memory", name);
    return detect_codec(in, err);
}

int px_input_open(px_input **out, const char *path, px_error *err)
{
    *out = NULL;
    px_input *in = calloc(1, sizeof *in);
    if (!in)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    in->raw_size = -1;
    if (strcmp(path, "-") == 0) {
        in->fp = stdin;
    } else {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            free(in);
            return px_error_set(err, PX_EIO, "is a directory");
        }
        in->fp = fopen(path, "rb");
        if (!in->fp) {
            int e = errno;
            free(in);
            return px_error_set(err, PX_EIO, "cannot open: %s", strerror(e));
        }
        in->owns_fp = 1;
        if (stat(path, &st) == 0)
            in->raw_size = (long long)st.st_size;
    }
    int rc = init(in, path, err);
    if (rc) {
        px_input_close(in);
        return rc;
    }
    *out = in;
    return PX_OK;
}

int px_input_open_memory(px_input **out, const void *data, size_t len, const char *name,
                         px_error *err)
{
    *out = NULL;
    px_input *in = calloc(1, sizeof *in);
    if (!in)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    in->mem = data;
    in->mem_len = len;
    in->raw_size = (long long)len;
    if (len == 0)
        in->raw_eof = 1;
    int rc = init(in, name ? name : "(memory)", err);
    if (rc) {
        px_input_close(in);
        return rc;
    }
    *out = in;
    return PX_OK;
}

void px_input_close(px_input *in)
{
    if (!in)
        return;
    if (in->owns_fp)
        fclose(in->fp);
    if (in->z_ready)
        inflateEnd(&in->z);
    ZSTD_freeDCtx(in->zstd);
    free(in->members);
    free(in->raw);
    free(in->out);
    free(in->name);
    free(in);
}

long px_input_read(px_input *in, void *buf, size_t n, px_error *err)
{
    size_t done = 0;
    while (done < n) {
        int rc = ensure(in, 1, err);
        if (rc)
            return rc;
        size_t avail = in->out_len - in->out_pos;
        if (!avail)
            break;
        size_t k = avail < n - done ? avail : n - done;
        memcpy((char *)buf + done, in->out + in->out_pos, k);
        in->out_pos += k;
        in->out_consumed += (long long)k;
        done += k;
    }
    return (long)done;
}

long px_input_peek(px_input *in, const void **data, size_t n, px_error *err)
{
    if (n > OUT_CAP)
        n = OUT_CAP;
    int rc = ensure(in, n, err);
    if (rc)
        return rc;
    *data = in->out + in->out_pos;
    size_t avail = in->out_len - in->out_pos;
    return (long)(avail < n ? avail : n);
}

int px_input_getline(px_input *in, px_buf *line, size_t max, px_error *err)
{
    line->len = 0;
    if (line->data)
        line->data[0] = '\0';
    int too_long = 0, any = 0;
    for (;;) {
        int rc = ensure(in, 1, err);
        if (rc)
            return rc;
        size_t avail = in->out_len - in->out_pos;
        if (!avail)
            break;
        any = 1;
        unsigned char *start = in->out + in->out_pos;
        unsigned char *nl = memchr(start, '\n', avail);
        size_t k = nl ? (size_t)(nl - start) : avail;
        if (!too_long && line->len + k > max)
            too_long = 1;
        if (!too_long && px_buf_append(line, (const char *)start, k))
            return px_error_set(err, PX_ENOMEM, "out of memory");
        size_t step = nl ? k + 1 : k;
        in->out_pos += step;
        in->out_consumed += (long long)step;
        if (nl)
            break;
    }
    if (too_long) {
        line->len = 0;
        return px_error_set(err, PX_ELIMIT, "line longer than %g MiB (see --max-record)", (double)max / (1 << 20));
    }
    if (!any)
        return 0;
    if (line->len && line->data[line->len - 1] == '\r')
        line->data[--line->len] = '\0';
    if (!line->data && px_buf_append(line, "", 0))
        return PX_ENOMEM;
    return 1;
}

int px_input_read_all(px_input *in, px_buf *out, size_t max, px_error *err)
{
    out->len = 0;
    for (;;) {
        int rc = ensure(in, 1, err);
        if (rc)
            return rc;
        size_t avail = in->out_len - in->out_pos;
        if (!avail)
            break;
        if (out->len + avail > max)
            return px_error_set(err, PX_ELIMIT, "larger than %g MiB (see --max-record)", (double)max / (1 << 20));
        if (px_buf_append(out, (const char *)in->out + in->out_pos, avail))
            return px_error_set(err, PX_ENOMEM, "out of memory");
        in->out_pos += avail;
        in->out_consumed += (long long)avail;
    }
    if (!out->data && px_buf_append(out, "", 0))
        return PX_ENOMEM;
    return PX_OK;
}

const char *px_input_name(const px_input *in) { return in->name; }
long long px_input_offset(const px_input *in) { return in->out_consumed; }
long long px_input_raw_offset(const px_input *in) { return in->raw_consumed; }
int px_input_passed_cap(const px_input *in) { return in->passed_cap; }
long long px_input_raw_size(const px_input *in) { return in->raw_size; }

long long px_input_member_at(const px_input *in, long long offset)
{
    if (in->codec != CODEC_GZIP || !in->members)
        return -1;
    size_t kept = in->n_members < MEMBERS_KEPT ? in->n_members : MEMBERS_KEPT;
    /* newest first: the member with the largest start at or before offset */
    for (size_t k = 0; k < kept; k++) {
        const struct member *m = &in->members[(in->n_members - 1 - k) % MEMBERS_KEPT];
        if (m->out <= offset)
            return k + 1 == kept && in->n_members > MEMBERS_KEPT && m->out < offset ? -1 : m->raw;
    }
    return -1;
}

int px_input_take_recovery(px_input *in, char *msg, size_t cap)
{
    if (!in->recovered[0])
        return 0;
    snprintf(msg, cap, "%s", in->recovered);
    in->recovered[0] = '\0';
    return 1;
}

int px_background_load(px_background **out, const char *path, px_error *err)
{
    px_input *in = NULL;
    px_buf buf = {0};
    *out = NULL;
    int rc = px_input_open(&in, path, err);
    if (rc == PX_OK)
        rc = px_input_read_all(in, &buf, PX_DEFAULT_MAX_RECORD, err);
    px_input_close(in);
    if (rc == PX_OK)
        rc = px_background_parse(out, buf.data ? buf.data : "", buf.len, err);
    if (rc != PX_OK && err && !err->where[0])
        snprintf(err->where, sizeof err->where, "%s", path);
    px_buf_free(&buf);
    return rc;
}
