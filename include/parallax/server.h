/*
 * parallax/server.h - the JSON API and web UI over the store (docs/api.md).
 *
 * Two layers: px_api answers one request given as plain values (method,
 * request target, body) and needs no socket, so tests and fuzzers call it
 * directly; px_server puts it behind libmicrohttpd, with a thread pool,
 * request body and header size limits, bound to 127.0.0.1 unless told
 * otherwise. Every error answer is JSON: {"error":{"code","message"}}.
 */
#ifndef PARALLAX_SERVER_H
#define PARALLAX_SERVER_H

#include "read.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_api_opts {
    const char *db;              /* database file (":memory:" allowed) */
    unsigned connections;        /* store connections shared by the request
                                    threads; 0 = 4 (always 1 for :memory:) */
    size_t max_body;             /* largest POST body; 0 = 16 MiB */
    int busy_ms;                 /* how long a request waits for another
                                    writer's lock before answering 503;
                                    0 = 5000 */
    const px_sources *sources;   /* outlet table applied to POSTed articles;
                                    may be NULL, must outlive the api */
    const char *token;           /* when set, POST needs "Authorization:
                                    Bearer TOKEN" (401 otherwise) */
    const char *const *allow_hosts; /* NULL-terminated host names served
                                    besides IP addresses and localhost
                                    (other Host headers: 403) */
} px_api_opts;

typedef struct px_api px_api;

int px_api_new(px_api **out, const px_api_opts *o, px_error *err);
void px_api_free(px_api *api);

typedef struct px_api_response {
    int status;
    const char *content_type;   /* static string */
    const char *body;           /* body bytes (owned when owned_body) */
    size_t len;
    char *owned_body;
    const char *cache_control;  /* static string or NULL */
} px_api_response;

/* Answers one request. target is the raw request target ("/api/search?q=a+b",
 * percent-encoded as sent); content_type may be NULL; body may be NULL when
 * body_len is 0. Always fills resp (free it with px_api_response_free). */
void px_api_handle(px_api *api, const char *method, const char *target, const char *content_type,
                   const char *body, size_t body_len, px_api_response *resp);
/* One request with the headers that decide who may call: Host (checked on
 * every request against DNS rebinding), and for writes Origin,
 * Sec-Fetch-Site (a page of another origin is refused: 403),
 * Authorization (the token) and a JSON Content-Type (415 otherwise, so no
 * form or no-cors fetch can write). A NULL header is one not sent. */
typedef struct px_api_request {
    const char *method, *target, *content_type;
    const char *body;
    size_t body_len;
    const char *host, *origin, *sec_fetch_site, *authorization;
} px_api_request;
void px_api_handle_request(px_api *api, const px_api_request *rq, px_api_response *resp);
/* The database could only be opened for reading: POST answers 503. */
int px_api_readonly(const px_api *api);
void px_api_response_free(px_api_response *resp);

/* Decodes %XX escapes (and '+' as space when plus_is_space) of src[0..len)
 * into a new string. NULL when an escape is malformed or decodes to a NUL
 * byte. */
char *px_url_decode(const char *src, size_t len, int plus_is_space);

typedef struct px_server_opts {
    const char *bind;        /* IPv4 or IPv6 address; NULL = "127.0.0.1" */
    unsigned port;           /* 0 = any free port (see px_server_port) */
    unsigned threads;        /* 0 = 4 */
    size_t max_header;       /* per-connection memory for the request line
                                and headers; 0 = 32 KiB (431 beyond) */
    unsigned request_timeout; /* seconds a request (headers and body) may
                                take to arrive, however steadily its bytes
                                trickle in; the connection is closed after
                                that; 0 = 30 */
} px_server_opts;

typedef struct px_server px_server;

/* Starts serving api in background threads; returns at once. */
int px_server_start(px_server **out, px_api *api, const px_server_opts *o, px_error *err);
unsigned px_server_port(const px_server *s);
/* Stops accepting, finishes the requests in flight and frees s. */
void px_server_stop(px_server *s);

#ifdef __cplusplus
}
#endif
#endif
