/* warc_http.c - HTTP/1.x response heads and body decoding (chunked transfer
 * coding; gzip, deflate and brotli content coding through zlib and
 * libbrotlidec). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <brotli/decode.h>
#include <zlib.h>

#include "parallax/http.h"
#include "core/common_internal.h"

#define MAX_HEADERS 256

void px_http_response_clear(px_http_response *r)
{
    px_strlist_clear(&r->names);
    px_strlist_clear(&r->values);
    r->status = 0;
    r->body_offset = 0;
}

/* The next line of data[*pos..len): sets *start and *n (without CR LF) and moves
 * *pos past it. Returns 0 when no complete line is left. */
static int next_line(const char *data, size_t len, size_t *pos, const char **start, size_t *n)
{
    const char *p = data + *pos;
    const char *nl = memchr(p, '\n', len - *pos);
    if (!nl)
        return 0;
    *start = p;
    *n = (size_t)(nl - p);
    if (*n && p[*n - 1] == '\r')
        (*n)--;
    *pos = (size_t)(nl - data) + 1;
    return 1;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

static int parse_status_line(const char *line, size_t n, px_http_response *r, px_error *err)
{
    if (n < 12 || memcmp(line, "HTTP/1.", 7) != 0 || !isdigit((unsigned char)line[7]) ||
        line[8] != ' ')
        return px_error_set(err, PX_EFORMAT, "not an HTTP/1.x status line");
    int status = 0;
    for (size_t i = 9; i < 12; i++) {
        if (!isdigit((unsigned char)line[i]))
            return px_error_set(err, PX_EFORMAT, "bad HTTP status code");
        status = status * 10 + (line[i] - '0');
    }
    if (n > 12 && line[12] != ' ')
        return px_error_set(err, PX_EFORMAT, "bad HTTP status code");
    r->status = status;
    return PX_OK;
}

/* Appends a continuation line to the last header value. */
static int continue_header(px_http_response *r, const char *s, size_t n)
{
    if (!r->values.n)
        return PX_EFORMAT;
    px_buf b = {0};
    char **last = &r->values.items[r->values.n - 1];
    if (px_buf_puts(&b, *last) || px_buf_append(&b, " ", 1) || px_buf_append(&b, s, n)) {
        px_buf_free(&b);
        return PX_ENOMEM;
    }
    free(*last);
    *last = px_buf_steal(&b);
    return PX_OK;
}

int px_http_parse_head(const char *data, size_t len, px_http_response *r, px_error *err)
{
    px_http_response_clear(r);
    size_t pos = 0, n;
    const char *line;
    if (!next_line(data, len, &pos, &line, &n))
        return px_error_set(err, PX_EFORMAT, "no HTTP status line");
    int rc = parse_status_line(line, n, r, err);
    if (rc)
        return rc;
    for (;;) {
        if (!next_line(data, len, &pos, &line, &n))
            return px_error_set(err, PX_EFORMAT, "HTTP head not terminated by an empty line");
        if (n == 0)
            break;
        if (line[0] == ' ' || line[0] == '\t') {
            trim(&line, &n);
            if ((rc = continue_header(r, line, n)) != PX_OK)
                return px_error_set(err, rc, rc == PX_ENOMEM ? "out of memory"
                                                             : "HTTP continuation line without header");
            continue;
        }
        const char *colon = memchr(line, ':', n);
        if (!colon || colon == line)
            return px_error_set(err, PX_EFORMAT, "malformed HTTP header line");
        if (r->names.n >= MAX_HEADERS)
            return px_error_set(err, PX_ELIMIT, "more than %d HTTP headers", MAX_HEADERS);
        const char *name = line, *value = colon + 1;
        size_t name_len = (size_t)(colon - line), value_len = n - name_len - 1;
        trim(&name, &name_len);
        trim(&value, &value_len);
        if (px_strlist_push_n(&r->names, name, name_len) ||
            px_strlist_push_n(&r->values, value, value_len))
            return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    r->body_offset = pos;
    return PX_OK;
}

const char *px_http_header(const px_http_response *r, const char *name)
{
    for (size_t i = 0; i < r->names.n; i++)
        if (strcasecmp(r->names.items[i], name) == 0)
            return r->values.items[i];
    return NULL;
}

/* Does the comma-separated header value list contain token? */
static int has_token(const char *value, const char *token)
{
    size_t k = strlen(token);
    for (const char *p = value; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (strncasecmp(p, token, k) == 0 && (p[k] == '\0' || p[k] == ',' || p[k] == ' ' ||
                                               p[k] == ';' || p[k] == '\t'))
            return 1;
        p = strchr(p, ',');
    }
    return 0;
}

static int append_capped(px_buf *out, const char *s, size_t n, size_t max, px_error *err)
{
    if (out->len + n > max)
        return px_error_set(err, PX_ELIMIT, "decoded body larger than %zu bytes", max);
    if (px_buf_append(out, s, n))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    return PX_OK;
}

int px_http_dechunk(const char *body, size_t len, size_t max, px_buf *out, px_error *err)
{
    size_t pos = 0, n;
    const char *line;
    while (next_line(body, len, &pos, &line, &n)) {
        size_t size = 0, i = 0;
        for (; i < n && isxdigit((unsigned char)line[i]); i++) {
            if (size > (SIZE_MAX >> 4))
                return px_error_set(err, PX_EFORMAT, "chunk size overflows");
            int c = tolower((unsigned char)line[i]);
            size = size * 16 + (size_t)(isdigit(c) ? c - '0' : c - 'a' + 10);
        }
        if (i == 0)
            return px_error_set(err, PX_EFORMAT, "bad chunk size line at body offset %zu",
                                (size_t)(line - body));
        if (size == 0)
            return PX_OK; /* trailers, if any, are not needed */
        size_t avail = len - pos;
        int rc = append_capped(out, body + pos, size < avail ? size : avail, max, err);
        if (rc)
            return rc;
        if (size > avail)
            return px_error_set(err, PX_EFORMAT, "last chunk truncated (%zu of %zu bytes)",
                                avail, size);
        pos += size;
        if (pos < len && body[pos] == '\r')
            pos++;
        if (pos < len && body[pos] == '\n')
            pos++;
    }
    return px_error_set(err, PX_EFORMAT, "chunked body ends without a last chunk");
}

/* windowBits: 15+32 = zlib or gzip (auto), -15 = raw deflate. */
static int inflate_into(const char *in, size_t len, int window_bits, size_t max, px_buf *out,
                        px_error *err)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK)
        return px_error_set(err, PX_ENOMEM, "cannot start zlib decoder");
    unsigned char chunk[16384];
    int rc = PX_OK, zr = Z_OK;
    z.next_in = (unsigned char *)(uintptr_t)in;
    z.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
    while (rc == PX_OK) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        zr = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (got && (rc = append_capped(out, (char *)chunk, got, max, err)) != PX_OK)
            break;
        if (zr == Z_STREAM_END) {
            /* gzip members may follow one another */
            if (z.avail_in > 0 && window_bits > 0 && (inflateReset(&z), 1))
                continue;
            break;
        }
        if (zr == Z_BUF_ERROR || (zr == Z_OK && z.avail_in == 0 && got == 0)) {
            rc = px_error_set(err, PX_EFORMAT, "compressed body truncated");
            break;
        }
        if (zr != Z_OK) {
            rc = px_error_set(err, PX_EFORMAT, "corrupt compressed body: %s",
                              z.msg ? z.msg : "inflate failed");
            break;
        }
    }
    inflateEnd(&z);
    return rc;
}

static int deflate_body(const char *in, size_t len, size_t max, px_buf *out, px_error *err)
{
    /* "deflate" is meant to be zlib-wrapped but servers often send raw. */
    size_t start = out->len;
    int rc = inflate_into(in, len, 15 + 32, max, out, err);
    if (rc == PX_EFORMAT && out->len == start)
        rc = inflate_into(in, len, -15, max, out, err);
    return rc;
}

static int brotli_body(const char *in, size_t len, size_t max, px_buf *out, px_error *err)
{
    BrotliDecoderState *s = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!s)
        return px_error_set(err, PX_ENOMEM, "cannot start brotli decoder");
    const uint8_t *next_in = (const uint8_t *)in;
    size_t avail_in = len;
    uint8_t chunk[16384];
    int rc = PX_OK;
    for (;;) {
        uint8_t *next_out = chunk;
        size_t avail_out = sizeof chunk;
        BrotliDecoderResult r =
            BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &next_out, NULL);
        size_t got = sizeof chunk - avail_out;
        if (got && (rc = append_capped(out, (char *)chunk, got, max, err)) != PX_OK)
            break;
        if (r == BROTLI_DECODER_RESULT_SUCCESS)
            break;
        if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            rc = px_error_set(err, PX_EFORMAT, "brotli body truncated");
            break;
        }
        if (r == BROTLI_DECODER_RESULT_ERROR) {
            rc = px_error_set(err, PX_EFORMAT, "corrupt brotli body: %s",
                              BrotliDecoderErrorString(BrotliDecoderGetErrorCode(s)));
            break;
        }
    }
    BrotliDecoderDestroyInstance(s);
    return rc;
}

static int decode_content(const char *enc, const char *in, size_t len, size_t max, px_buf *out,
                          px_error *err)
{
    if (!enc || !*enc || has_token(enc, "identity"))
        return append_capped(out, in, len, max, err);
    if (has_token(enc, "gzip") || has_token(enc, "x-gzip"))
        return inflate_into(in, len, 15 + 32, max, out, err);
    if (has_token(enc, "deflate"))
        return deflate_body(in, len, max, out, err);
    if (has_token(enc, "br"))
        return brotli_body(in, len, max, out, err);
    return px_error_set(err, PX_EFORMAT, "unsupported Content-Encoding \"%.40s\"", enc);
}

int px_http_decode_body(const px_http_response *r, const char *body, size_t len, size_t max,
                        px_buf *out, px_error *err)
{
    const char *te = px_http_header(r, "Transfer-Encoding");
    const char *ce = px_http_header(r, "Content-Encoding");
    if (!te || !has_token(te, "chunked"))
        return decode_content(ce, body, len, max, out, err);
    px_buf raw = {0};
    /* compressed chunks are capped at max as well: compression only shrinks */
    int rc = px_http_dechunk(body, len, max, &raw, err);
    if (rc == PX_OK || (rc == PX_EFORMAT && raw.len)) {
        px_error inner;
        px_error_clear(&inner);
        int rc2 = decode_content(ce, raw.data ? raw.data : "", raw.len, max, out, &inner);
        if (rc2 != PX_OK && (rc == PX_OK || rc2 != PX_EFORMAT)) {
            rc = rc2;
            if (err)
                *err = inner;
        }
    }
    px_buf_free(&raw);
    return rc;
}
