/* server.c - px_api behind libmicrohttpd: a thread pool, body and header
 * limits, loopback by default (see parallax/server.h). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <microhttpd.h>

#include "parallax/server.h"
#include "core/common_internal.h"
#include "serve/server_internal.h"

/* Connections one client address may hold at once. Loopback clients share
 * one address, so this is also the bound for local tools. */
#define PX_SERVER_PER_CLIENT 256

/* Connections at once: enough that a thousand slow clients leave room for
 * the others, within the descriptors the process may open (some kept for
 * the store, the listening socket and the library). */
#define PX_SERVER_MAX_CONNECTIONS 4096
#define PX_SERVER_SPARE_FDS 64

/* One open connection, watched while it has a request still arriving. */
typedef struct watched {
    struct watched *prev, *next;
    int fd;
    ino_t socket_id;        /* inode of its socket when it began */
    int receiving;          /* a request has not fully arrived yet */
    struct timespec deadline; /* it must have by then */
} watched;

/* The request deadline: libmicrohttpd's own timeout restarts with every
 * byte, so a client sending one byte now and then (slowloris) would hold
 * its connection for ever. A watchdog thread shuts the socket of every
 * connection whose request has not fully arrived in request_timeout.
 * libmicrohttpd (0.9.75) reports a connection closed before it closes the
 * descriptor, and the list changes only under the lock the watchdog holds
 * while it shuts sockets, so a listed descriptor is still the connection's;
 * the socket's inode is compared too, so that a library closing first
 * could only make the watchdog skip a reused descriptor, never cut it. */
typedef struct watchdog {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    int running, stop;
    unsigned timeout; /* seconds */
    watched *list;
} watchdog;

struct px_server {
    struct MHD_Daemon *daemon;
    px_api *api;
    unsigned port;
    watchdog dog;
};

static struct timespec deadline_in(unsigned seconds)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_sec += (time_t)seconds;
    return t;
}

static int passed(const struct timespec *deadline, const struct timespec *now)
{
    return now->tv_sec > deadline->tv_sec ||
           (now->tv_sec == deadline->tv_sec && now->tv_nsec >= deadline->tv_nsec);
}

static ino_t socket_id(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? st.st_ino : 0;
}

static void *watchdog_run(void *ud)
{
    watchdog *d = ud;
    pthread_mutex_lock(&d->lock);
    while (!d->stop) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        for (watched *w = d->list; w; w = w->next)
            if (w->receiving && passed(&w->deadline, &now)) {
                if (socket_id(w->fd) == w->socket_id)
                    shutdown(w->fd, SHUT_RDWR); /* libmicrohttpd then closes it */
                w->receiving = 0;
            }
        struct timespec tick = deadline_in(0);
        tick.tv_nsec += 200000000L;
        if (tick.tv_nsec >= 1000000000L) {
            tick.tv_sec++;
            tick.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&d->wake, &d->lock, &tick);
    }
    pthread_mutex_unlock(&d->lock);
    return NULL;
}

static int watchdog_start(watchdog *d, unsigned timeout)
{
    d->timeout = timeout;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int rc = pthread_mutex_init(&d->lock, NULL) || pthread_cond_init(&d->wake, &ca);
    pthread_condattr_destroy(&ca);
    if (rc || pthread_create(&d->thread, NULL, watchdog_run, d))
        return PX_ENOMEM;
    d->running = 1;
    return PX_OK;
}

static void watchdog_stop(watchdog *d)
{
    if (!d->running)
        return;
    pthread_mutex_lock(&d->lock);
    d->stop = 1;
    pthread_cond_signal(&d->wake);
    pthread_mutex_unlock(&d->lock);
    pthread_join(d->thread, NULL);
    pthread_cond_destroy(&d->wake);
    pthread_mutex_destroy(&d->lock);
    d->running = 0;
}

/* A request has fully arrived (received) or the next one may begin. */
static void set_receiving(watchdog *d, watched *w, int receiving)
{
    if (!w)
        return;
    pthread_mutex_lock(&d->lock);
    w->receiving = receiving;
    if (receiving)
        w->deadline = deadline_in(d->timeout);
    pthread_mutex_unlock(&d->lock);
}

static watched *watched_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    watchdog *d = &((px_server *)cls)->dog;
    watched *w = *socket_context;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (!ci || !(w = calloc(1, sizeof *w)))
            return; /* not watched: the library's idle timeout still applies */
        w->fd = ci->connect_fd;
        w->socket_id = socket_id(w->fd);
        w->receiving = 1;
        w->deadline = deadline_in(d->timeout);
        pthread_mutex_lock(&d->lock);
        w->next = d->list;
        if (d->list)
            d->list->prev = w;
        d->list = w;
        pthread_mutex_unlock(&d->lock);
        *socket_context = w;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && w) {
        pthread_mutex_lock(&d->lock);
        if (w->prev)
            w->prev->next = w->next;
        else
            d->list = w->next;
        if (w->next)
            w->next->prev = w->prev;
        pthread_mutex_unlock(&d->lock);
        free(w);
        *socket_context = NULL;
    }
}

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
    (void)toe;
    set_receiving(&((px_server *)cls)->dog, watched_of(c), 1); /* the next request's deadline */
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
        if (declared_too_large(c, max)) {
            set_receiving(&srv->dog, watched_of(c), 0);
            return send_error(c, 413, "too_large", "the body is larger than the server accepts");
        }
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
    set_receiving(&srv->dog, watched_of(c), 0); /* all of it arrived: answering may take long */
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

/* PX_SERVER_MAX_CONNECTIONS, or fewer when the descriptor limit (raised
 * towards its hard limit if need be) does not allow as many. */
static unsigned connection_limit(void)
{
    const rlim_t want = PX_SERVER_MAX_CONNECTIONS + PX_SERVER_SPARE_FDS;
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 1024;
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want && rl.rlim_max > rl.rlim_cur) {
        struct rlimit raised = {rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max,
                                rl.rlim_max};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            rl = raised;
    }
    if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
        return PX_SERVER_MAX_CONNECTIONS;
    return rl.rlim_cur > 2 * PX_SERVER_SPARE_FDS ? (unsigned)(rl.rlim_cur - PX_SERVER_SPARE_FDS)
                                                 : PX_SERVER_SPARE_FDS;
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
    if (watchdog_start(&s->dog, o && o->request_timeout ? o->request_timeout : 30)) {
        free(s);
        return px_error_set(err, PX_ENOMEM, "cannot start the request watchdog");
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | (ipv6 ? MHD_USE_IPv6 : 0);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, max_header,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit(),
        /* one client cannot take every connection (slow or idle ones) */
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)PX_SERVER_PER_CLIENT,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10,
        MHD_OPTION_URI_LOG_CALLBACK, remember_uri, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, request_done, s,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
        MHD_OPTION_END);
    if (!s->daemon) {
        watchdog_stop(&s->dog);
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
    watchdog_stop(&s->dog);
    free(s);
}
