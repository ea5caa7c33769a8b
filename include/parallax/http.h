/*
 * parallax/http.h - HTTP/1.x responses as archived in WARC files: the
 * response head (status line and headers) and the body decoded from its
 * transfer encoding (chunked) and content encoding (gzip, deflate, br).
 */
#ifndef PARALLAX_HTTP_H
#define PARALLAX_HTTP_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_http_response {
    int status;             /* e.g. 200 */
    px_strlist names;       /* header names as sent, in order */
    px_strlist values;      /* their values, leading/trailing blanks removed;
                               continuation lines are joined with a space */
    size_t body_offset;     /* where the body starts in the parsed bytes */
} px_http_response;

/* Parses "HTTP/1.x NNN reason\r\n" and the headers up to the empty line.
 * Bare "\n" line ends are accepted. PX_EFORMAT (err says why) when data does
 * not start with an HTTP/1.x status line or the head is not terminated. */
int px_http_parse_head(const char *data, size_t len, px_http_response *r, px_error *err);
/* The value of the first header called name (case-insensitive), or NULL. */
const char *px_http_header(const px_http_response *r, const char *name);
void px_http_response_clear(px_http_response *r);

/* Undoes Transfer-Encoding: chunked and then Content-Encoding gzip/x-gzip,
 * deflate (zlib or raw) or br on body, appending the result to out. At most
 * max decoded bytes are produced (PX_ELIMIT beyond). A body whose chunks or
 * compressed stream end early is decoded as far as it goes and PX_EFORMAT is
 * returned with out holding what was decoded. An unknown content encoding
 * is PX_EFORMAT with out left empty. */
int px_http_decode_body(const px_http_response *r, const char *body, size_t len, size_t max,
                        px_buf *out, px_error *err);

/* Undoes only chunked transfer coding (exposed for tests and fuzzing). */
int px_http_dechunk(const char *body, size_t len, size_t max, px_buf *out, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
