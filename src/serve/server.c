/* server.c - px_api behind libmicrohttpd: a thread pool, body and header
 * limits, loopback by default (see parallax/server.h). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <microhttpd.h>

#include "parallax/server.h"
#include "core/common_internal.h"
#include "serve/server_internal.h"

/* Connections one client address may hold at once. Loopback clients share
 * one address, so this is also the bound for local tools. */
#define PX_SERVER_PER_CLIENT 256

struct px_server {
    struct MHD_Daemon *daemon;
    px_api *api;
    unsigned port;
};

/* What one request has received so far. */
typedef struct request_state {
    char *target;   /* raw request target, as sent */
    px_buf body;
    int started;
    int too_large;
} request_state;

/* libmicrohttpd calls this first with the raw URI, before decoding it; the
 * api wants the raw form, so it becomes the request's state. */
static void *remember_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls, (void)c;
    request_state *st = calloc(1, sizeof *st);
    if (st)
        st->target = px_strdup(uri ? uri : "/");
    return st;
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)c, (void)toe;
    request_state *st = *con_cls;
    if (!st)
        return;
    free(st->target);
    px_buf_free(&st->body);
    free(st);
    *con_cls = NULL;
}

static enum MHD_Result send_response(struct MHD_Connection *c, px_api_response *r)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(r->len, (void *)r->body, MHD_RESPMEM_MUST_COPY);
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
    if (r->cache_control)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, r->cache_control);
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *code,
                                  const char *msg)
{
    px_api_response r = {0};
    px_api_error(&r, status, code, msg);
    enum MHD_Result ret = send_response(c, &r);
    px_api_response_free(&r);
    return ret;
}

static int declared_too_large(struct MHD_Connection *c, size_t max)
{
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    return cl && strtoull(cl, NULL, 10) > max;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    (void)url, (void)version;
    px_server *srv = cls;
    request_state *st = *con_cls;
    size_t max = px_api_max_body(srv->api);
    if (!st)
        return send_error(c, 500, "internal", "out of memory");
    if (!st->started) {
        st->started = 1;
        if (declared_too_large(c, max))
            return send_error(c, 413, "too_large", "the body is larger than the server accepts");
        return MHD_YES;
    }
    if (*upload_size) {
        if (!st->too_large && st->body.len + *upload_size > max) {
            st->too_large = 1;
            px_buf_free(&st->body);
        }
        if (!st->too_large && px_buf_append(&st->body, upload, *upload_size) != PX_OK)
            st->too_large = 1;
        *upload_size = 0;
        return MHD_YES;
    }
    if (st->too_large)
        return send_error(c, 413, "too_large", "the body is larger than the server accepts");
    px_api_request rq = {
        .method = method,
        .target = st->target,
        .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
        .body = st->body.data,
        .body_len = st->body.len,
        .host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
        .origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"),
        .sec_fetch_site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site"),
        .authorization = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
    };
    px_api_response r;
    px_api_handle_request(srv->api, &rq, &r);
    enum MHD_Result ret = send_response(c, &r);
    px_api_response_free(&r);
    return ret;
}

static int bind_address(const char *bind, unsigned port, struct sockaddr_storage *ss, int *ipv6)
{
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, bind, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
        *ipv6 = 0;
        return 0;
    }
    if (inet_pton(AF_INET6, bind, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        *ipv6 = 1;
        return 0;
    }
    return -1;
}

int px_server_start(px_server **out, px_api *api, const px_server_opts *o, px_error *err)
{
    *out = NULL;
    const char *bind = o && o->bind ? o->bind : "127.0.0.1";
    unsigned port = o ? o->port : 0;
    unsigned threads = o && o->threads ? o->threads : 4;
    size_t max_header = o && o->max_header ? o->max_header : (size_t)32 << 10;
    if (port > 65535)
        return px_error_set(err, PX_EUSAGE, "port %u is out of range (0-65535)", port);
    struct sockaddr_storage ss;
    int ipv6;
    if (bind_address(bind, port, &ss, &ipv6))
        return px_error_set(err, PX_EUSAGE, "'%s' is not an IPv4 or IPv6 address", bind);
    px_server *s = calloc(1, sizeof *s);
    if (!s)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    s->api = api;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | (ipv6 ? MHD_USE_IPv6 : 0);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, max_header,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1024,
        /* one client cannot take every connection (slow or idle ones) */
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)PX_SERVER_PER_CLIENT,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10,
        MHD_OPTION_URI_LOG_CALLBACK, remember_uri, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, request_done, NULL,
        MHD_OPTION_END);
    if (!s->daemon) {
        free(s);
        return px_error_set(err, PX_EIO, "cannot listen on %s port %u (in use, or not allowed)", bind,
                            port);
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : port;
    *out = s;
    return PX_OK;
}

unsigned px_server_port(const px_server *s)
{
    return s->port;
}

void px_server_stop(px_server *s)
{
    if (!s)
        return;
    MHD_stop_daemon(s->daemon);
    free(s);
}
