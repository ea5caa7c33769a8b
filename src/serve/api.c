/* api.c - the JSON API and the embedded web UI, one request at a time,
 * without sockets (see parallax/server.h, docs/api.md). */
#include <arpa/inet.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax/analysis.h"
#include "parallax/clean.h"
#include "parallax/ingest.h"
#include "parallax/server.h"
#include "serve/web_assets.h"
#include "store/queries.h"
#include "store/analysis_internal.h"
#include "clean/clean_internal.h"
#include "core/common_internal.h"
#include "serve/server_internal.h"

#define MAX_PARAMS 32

struct px_api {
    px_store **stores;
    pthread_mutex_t *locks;
    unsigned n;
    atomic_uint next;
    size_t max_body;
    const px_sources *sources;
    pthread_mutex_t post_lock; /* one POST at a time: each is an ingest */
    int readonly;              /* the store could only be opened for reading */
    char *token;               /* required on writes when set */
    px_strlist allow_hosts;    /* host names served besides localhost and IPs */
};

/* One request being answered. */
typedef struct request {
    px_api *api;
    const char *method;
    char *path;                 /* decoded, without the query */
    char *keys[MAX_PARAMS], *values[MAX_PARAMS];
    int n_params;
    px_api_response *resp;
} request;

/* ---- responses --------------------------------------------------------- */

static void set_body(px_api_response *resp, int status, const char *type, char *owned)
{
    px_api_response_free(resp);
    resp->status = status;
    resp->content_type = type;
    resp->owned_body = owned;
    resp->body = owned ? owned : "";
    resp->len = owned ? strlen(owned) : 0;
}

void px_api_error(px_api_response *resp, int status, const char *code, const char *message)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *e = cJSON_AddObjectToObject(o, "error");
    cJSON_AddStringToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", message);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    set_body(resp, status, "application/json; charset=utf-8", s);
    resp->cache_control = "no-store";
}

void px_api_response_free(px_api_response *resp)
{
    free(resp->owned_body);
    memset(resp, 0, sizeof *resp);
}

/* Takes ownership of json. */
static void reply_json(request *r, int status, cJSON *json)
{
    char *s = json ? cJSON_PrintUnformatted(json) : NULL;
    cJSON_Delete(json);
    if (!s) {
        px_api_error(r->resp, 500, "internal", "out of memory");
        return;
    }
    set_body(r->resp, status, "application/json; charset=utf-8", s);
    r->resp->cache_control = "no-store";
}

/* Answers a failed library call: the caller's mistake is a 400, a busy
 * database 503, anything else 500. */
static void reply_failure(request *r, int rc, const px_error *err)
{
    if (rc == PX_EUSAGE)
        px_api_error(r->resp, 400, "bad_request", err->msg);
    else if (rc == PX_ENOMEM)
        px_api_error(r->resp, 500, "internal", "out of memory");
    else if (strstr(err->msg, "lock") || strstr(err->msg, "another ingest"))
        px_api_error(r->resp, 503, "busy", err->msg);
    else
        px_api_error(r->resp, 500, "internal", err->msg);
}

/* ---- the request target ------------------------------------------------ */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *px_url_decode(const char *src, size_t len, int plus_is_space)
{
    char *out = malloc(len + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '%') {
            int hi = i + 2 < len ? hexval((unsigned char)src[i + 1]) : -1;
            int lo = i + 2 < len ? hexval((unsigned char)src[i + 2]) : -1;
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
                free(out);
                return NULL;
            }
            *o++ = (char)(hi << 4 | lo);
            i += 2;
            continue;
        }
        if (c == '\0') {
            free(out);
            return NULL;
        }
        *o++ = plus_is_space && c == '+' ? ' ' : c;
    }
    *o = '\0';
    return out;
}

static void free_target(request *r)
{
    free(r->path);
    for (int i = 0; i < r->n_params; i++) {
        free(r->keys[i]);
        free(r->values[i]);
    }
}

/* Splits target into the decoded path and query parameters. */
static int parse_target(request *r, const char *target)
{
    if (!target || target[0] != '/')
        return px_api_error(r->resp, 400, "bad_request", "the request target must start with '/'"), -1;
    const char *q = strchr(target, '?');
    size_t plen = q ? (size_t)(q - target) : strlen(target);
    if (!(r->path = px_url_decode(target, plen, 0)))
        return px_api_error(r->resp, 400, "bad_request", "malformed %-escape in the path"), -1;
    for (const char *p = q ? q + 1 : NULL; p && *p;) {
        const char *amp = strchr(p, '&');
        size_t n = amp ? (size_t)(amp - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        if (n > 0) {
            if (r->n_params == MAX_PARAMS)
                return px_api_error(r->resp, 400, "bad_request", "too many query parameters"), -1;
            size_t klen = eq ? (size_t)(eq - p) : n;
            char *k = px_url_decode(p, klen, 1);
            char *v = eq ? px_url_decode(eq + 1, n - klen - 1, 1) : px_strdup("");
            if (!k || !v) {
                free(k);
                free(v);
                return px_api_error(r->resp, 400, "bad_request", "malformed %-escape in the query"), -1;
            }
            r->keys[r->n_params] = k;
            r->values[r->n_params++] = v;
        }
        p = amp ? amp + 1 : NULL;
    }
    return 0;
}

/* The first value of query parameter name, or NULL; "" counts as absent. */
static const char *param(const request *r, const char *name)
{
    for (int i = 0; i < r->n_params; i++)
        if (strcmp(r->keys[i], name) == 0)
            return *r->values[i] ? r->values[i] : NULL;
    return NULL;
}

/* Reads a non-negative integer parameter; -1 (and a 400) when malformed. */
static long long int_param(request *r, const char *name, long long dflt, long long max)
{
    const char *v = param(r, name);
    if (!v)
        return dflt;
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end || n < 0 || n > max) {
        char msg[160];
        snprintf(msg, sizeof msg, "parameter '%s' must be a number from 0 to %lld", name, max);
        px_api_error(r->resp, 400, "bad_request", msg);
        return -1;
    }
    return n;
}

/* "/api/stories/12" with prefix "/api/stories/" -> 12; 0 when not an id. */
static long long path_id(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(path, prefix, n) != 0)
        return 0;
    const char *p = path + n;
    long long id = 0;
    if (!*p || strlen(p) > 15)
        return 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        id = id * 10 + (*p - '0');
    }
    return id;
}

/* ---- store connections ------------------------------------------------- */

static unsigned lock_store(px_api *api)
{
    unsigned i = atomic_fetch_add(&api->next, 1) % api->n;
    pthread_mutex_lock(&api->locks[i]);
    return i;
}

static void unlock_store(px_api *api, unsigned i)
{
    pthread_mutex_unlock(&api->locks[i]);
}

/* The store for writing, else (a read-only folder or file) for reading:
 * the GET endpoints work and POST answers 503. */
static int open_api_store(px_api *api, const px_api_opts *o, px_store **s, px_error *err)
{
    int busy = o->busy_ms > 0 ? o->busy_ms : 5000;
    if (!api->readonly && px_store_open_wait(s, o->db, 0, busy, err) == PX_OK)
        return PX_OK;
    if (strcmp(o->db, ":memory:") == 0 || px_store_open_wait(s, o->db, PX_STORE_READONLY, busy, NULL) != PX_OK)
        return err ? err->code : PX_EIO;
    api->readonly = 1;
    return PX_OK;
}

int px_api_new(px_api **out, const px_api_opts *o, px_error *err)
{
    *out = NULL;
    px_api *api = calloc(1, sizeof *api);
    if (!api)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    pthread_mutex_init(&api->post_lock, NULL);
    if ((o->token && *o->token && !(api->token = px_strdup(o->token)))) {
        px_api_free(api);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    for (const char *const *h = o->allow_hosts; h && *h; h++)
        if (px_strlist_push(&api->allow_hosts, *h)) {
            px_api_free(api);
            return px_error_set(err, PX_ENOMEM, "out of memory");
        }
    api->n = o->connections ? o->connections : 4;
    if (strcmp(o->db, ":memory:") == 0)
        api->n = 1;
    api->max_body = o->max_body ? o->max_body : (size_t)16 << 20;
    api->sources = o->sources;
    api->stores = calloc(api->n, sizeof *api->stores);
    api->locks = calloc(api->n, sizeof *api->locks);
    if (!api->stores || !api->locks) {
        px_api_free(api);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    for (unsigned i = 0; i < api->n; i++) {
        int rc = open_api_store(api, o, &api->stores[i], err);
        if (rc) {
            px_api_free(api);
            return rc;
        }
        pthread_mutex_init(&api->locks[i], NULL);
    }
    *out = api;
    return PX_OK;
}

void px_api_free(px_api *api)
{
    if (!api)
        return;
    for (unsigned i = 0; api->stores && i < api->n; i++) {
        if (api->stores[i]) {
            px_store_close(api->stores[i]);
            pthread_mutex_destroy(&api->locks[i]);
        }
    }
    free(api->stores);
    free(api->locks);
    pthread_mutex_destroy(&api->post_lock);
    free(api->token);
    px_strlist_clear(&api->allow_hosts);
    free(api);
}

int px_api_readonly(const px_api *api)
{
    return api->readonly;
}

size_t px_api_max_body(const px_api *api)
{
    return api->max_body;
}

/* ---- GET endpoints ----------------------------------------------------- */

static void get_health(request *r)
{
    px_store_counts c;
    px_error err;
    px_error_clear(&err);
    unsigned i = lock_store(r->api);
    int rc = px_store_counts_get(r->api->stores[i], &c, &err);
    unlock_store(r->api, i);
    if (rc) {
        reply_failure(r, rc, &err);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "status", "ok");
    cJSON_AddStringToObject(o, "version", PX_VERSION);
    cJSON_AddNumberToObject(o, "schema", PX_STORE_SCHEMA_VERSION);
    cJSON_AddNumberToObject(o, "articles", (double)c.articles);
    cJSON_AddNumberToObject(o, "sources", (double)c.sources);
    cJSON_AddNumberToObject(o, "stories", (double)c.stories);
    cJSON_AddNumberToObject(o, "analyses", (double)c.analyses);
    reply_json(r, 200, o);
}

/* Reads limit and offset; 0 (and a 400 answer) when one is malformed. */
static int page_params(request *r, long long dflt, long long max, int *limit, int *offset)
{
    long long l = int_param(r, "limit", dflt, max), o = int_param(r, "offset", 0, 1 << 30);
    if (l < 0 || o < 0)
        return 0;
    *limit = (int)l;
    *offset = (int)o;
    return 1;
}

/* Answers with the result of a store query. */
static void reply_result(request *r, int rc, const px_error *err, cJSON *res)
{
    if (rc)
        reply_failure(r, rc, err);
    else
        reply_json(r, 200, res);
}

static void get_stories(request *r)
{
    px_story_query q = {.since = param(r, "since"), .q = param(r, "q")};
    if (!page_params(r, 100, 10000, &q.limit, &q.offset))
        return;
    cJSON *res;
    px_error err;
    px_error_clear(&err);
    unsigned i = lock_store(r->api);
    int rc = px_store_stories(r->api->stores[i], &q, &res, &err);
    unlock_store(r->api, i);
    reply_result(r, rc, &err, res);
}

static void not_found(request *r, const char *what, long long id)
{
    char msg[96];
    snprintf(msg, sizeof msg, "no %s with id %lld", what, id);
    px_api_error(r->resp, 404, "not_found", msg);
}

/* The story's stored report with the store's fields, sent as stored text:
 * a large story's report is megabytes of JSON, not worth parsing again. */
static void get_story(request *r, long long id)
{
    char *text;
    px_error err;
    px_error_clear(&err);
    unsigned i = lock_store(r->api);
    int rc = px_report_story_text(r->api->stores[i], id, &text, &err);
    unlock_store(r->api, i);
    if (rc)
        reply_failure(r, rc, &err);
    else if (!text)
        not_found(r, "story", id);
    else {
        set_body(r->resp, 200, "application/json; charset=utf-8", text);
        r->resp->cache_control = "no-store";
    }
}

static void get_article(request *r, long long id)
{
    cJSON *res;
    px_error err;
    px_error_clear(&err);
    unsigned i = lock_store(r->api);
    int rc = px_store_article_json(r->api->stores[i], id, &res, &err);
    unlock_store(r->api, i);
    if (rc)
        reply_failure(r, rc, &err);
    else if (!res)
        not_found(r, "article", id);
    else
        reply_json(r, 200, res);
}

static void get_search(request *r)
{
    px_search_query q = {.q = param(r, "q"), .source = param(r, "source"),
                         .since = param(r, "since"), .html = 1};
    if (!q.q) {
        px_api_error(r->resp, 400, "bad_request", "parameter 'q' (the search query) is required");
        return;
    }
    if (!page_params(r, 20, 1000, &q.limit, &q.offset))
        return;
    cJSON *res;
    px_error err;
    px_error_clear(&err);
    unsigned i = lock_store(r->api);
    int rc = px_store_search(r->api->stores[i], &q, &res, &err);
    unlock_store(r->api, i);
    reply_result(r, rc, &err, res);
}

/* ---- POST /api/articles ------------------------------------------------ */

typedef struct posted {
    px_article **v;
    size_t n;
    int errors;
    int out_of_memory;
    char first_error[600];
} posted;

static void posted_diag(const px_diag *d, void *ud)
{
    posted *p = ud;
    if (d->severity != PX_ERROR)
        return;
    if (!p->errors++) {
        if (d->line > 0)
            snprintf(p->first_error, sizeof p->first_error, "%s:%ld: %s", d->path, d->line, d->msg);
        else
            snprintf(p->first_error, sizeof p->first_error, "%s: %s", d->path, d->msg);
    }
}

static int posted_article(px_article *a, void *ud)
{
    posted *p = ud;
    px_article **more = realloc(p->v, (p->n + 1) * sizeof *more);
    if (!more) {
        px_article_free(a);
        p->errors++;
        p->out_of_memory = 1;
        snprintf(p->first_error, sizeof p->first_error, "out of memory");
        return 1;
    }
    p->v = more;
    p->v[p->n++] = a;
    return 0;
}

/* The name the readers guess the body's format from. */
static const char *body_name(const char *content_type)
{
    static const struct { const char *prefix, *name; } types[] = {
        {"application/x-ndjson", "request.jsonl"}, {"application/jsonl", "request.jsonl"},
        {"application/json", "request.jsonl"},     {"application/x-jsonlines", "request.jsonl"},
        {"text/html", "request.html"},             {"application/xhtml", "request.html"},
        {"text/plain", "request.txt"},
    };
    for (size_t i = 0; content_type && i < sizeof types / sizeof types[0]; i++)
        if (strncasecmp(content_type, types[i].prefix, strlen(types[i].prefix)) == 0)
            return types[i].name;
    return "request";
}

/* Stores every article in one transaction; answers with their rows. */
static void store_posted(request *r, posted *p)
{
    px_error err;
    px_error_clear(&err);
    pthread_mutex_lock(&r->api->post_lock);
    unsigned i = lock_store(r->api);
    px_ingest *g = NULL;
    /* an ingest from the command line holds the lock: answer 503, not wait */
    px_ingest_opts o = {.batch = p->n + 1, .lock_no_wait = 1};
    cJSON *res = cJSON_CreateObject(), *rows = cJSON_AddArrayToObject(res, "articles");
    int rc = px_ingest_new(&g, r->api->stores[i], &o, &err);
    for (size_t k = 0; !rc && k < p->n; k++) {
        int64_t row;
        px_article *a = p->v[k];
        p->v[k] = NULL;
        cJSON *one = cJSON_CreateObject();
        cJSON_AddStringToObject(one, "id", a->id ? a->id : "");
        rc = px_ingest_add(g, a, &row, &err);
        cJSON_AddNumberToObject(one, "row", (double)row);
        cJSON_AddItemToArray(rows, one);
    }
    if (!rc)
        rc = px_ingest_finish(g, &err);
    px_ingest_stats st = {0};
    if (g)
        st = *px_ingest_stats_of(g);
    cJSON_AddNumberToObject(res, "added", (double)st.added);
    cJSON_AddNumberToObject(res, "already", (double)st.already);
    px_ingest_free(g);
    unlock_store(r->api, i);
    pthread_mutex_unlock(&r->api->post_lock);
    if (rc) {
        cJSON_Delete(res);
        reply_failure(r, rc, &err);
        return;
    }
    reply_json(r, st.added ? 201 : 200, res);
}

static void post_articles(request *r, const char *content_type, const char *body, size_t len)
{
    if (len > r->api->max_body) {
        char msg[128];
        snprintf(msg, sizeof msg, "the body is larger than the limit of %zu bytes", r->api->max_body);
        px_api_error(r->resp, 413, "too_large", msg);
        return;
    }
    if (len == 0) {
        px_api_error(r->resp, 400, "bad_request", "empty body: send JSON Lines, HTML or text articles");
        return;
    }
    px_input *in;
    px_error err;
    px_error_clear(&err);
    if (px_input_open_memory(&in, body, len, body_name(content_type), &err) != PX_OK) {
        reply_failure(r, PX_ENOMEM, &err);
        return;
    }
    posted p = {0};
    /* the body limit holds for the decompressed body too */
    px_read_opts o = {.sources = r->api->sources, .max_record = r->api->max_body,
                      .max_decompressed = (long long)r->api->max_body, .diag = posted_diag, .diag_ud = &p};
    px_read_clean_input(in, &o, NULL, posted_article, &p);
    int too_large = px_input_passed_cap(in);
    px_input_close(in);
    if (too_large)
        px_api_error(r->resp, 413, "too_large", p.first_error);
    else if (p.out_of_memory)
        px_api_error(r->resp, 500, "internal", "out of memory");
    else if (p.errors)
        px_api_error(r->resp, 400, "bad_request", p.first_error);
    else if (!p.n)
        px_api_error(r->resp, 400, "bad_request", "no article in the body");
    else
        store_posted(r, &p);
    for (size_t k = 0; k < p.n; k++)
        px_article_free(p.v[k]);
    free(p.v);
}

/* ---- who may call ------------------------------------------------------ */

/* The host name of an authority ("example.org:8080", "[::1]:80"). */
static size_t authority_host(const char *auth, const char **host)
{
    *host = auth;
    if (auth[0] == '[') {
        const char *close = strchr(auth, ']');
        return close ? (size_t)(close - auth + 1) : strlen(auth);
    }
    const char *colon = strchr(auth, ':');
    return colon ? (size_t)(colon - auth) : strlen(auth);
}

static int is_ip_literal(const char *h, size_t n)
{
    char buf[64];
    unsigned char addr[16];
    if (n >= 2 && h[0] == '[' && h[n - 1] == ']') {
        h++;
        n -= 2;
        if (n >= sizeof buf)
            return 0;
        memcpy(buf, h, n);
        buf[n] = '\0';
        return inet_pton(AF_INET6, buf, addr) == 1;
    }
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, h, n);
    buf[n] = '\0';
    return inet_pton(AF_INET, buf, addr) == 1;
}

static int name_is(const char *h, size_t n, const char *name)
{
    return strlen(name) == n && strncasecmp(h, name, n) == 0;
}

/* A page that rebinds its own DNS name to 127.0.0.1 reaches the server
 * under that name: only addresses, localhost and the names given with
 * --allow-host are served. */
static int host_allowed(const px_api *api, const char *authority)
{
    const char *h;
    size_t n = authority_host(authority, &h);
    if (n == 0)
        return 0;
    if (is_ip_literal(h, n) || name_is(h, n, "localhost"))
        return 1;
    if (n > 10 && strncasecmp(h + n - 10, ".localhost", 10) == 0)
        return 1;
    for (size_t i = 0; i < api->allow_hosts.n; i++)
        if (name_is(h, n, api->allow_hosts.items[i]))
            return 1;
    return 0;
}

/* Origin "scheme://authority" -> authority; NULL when it has none ("null"). */
static const char *origin_authority(const char *origin)
{
    const char *p = strstr(origin, "://");
    return p && p[3] ? p + 3 : NULL;
}

static int is_json_type(const char *type)
{
    static const char *const json_types[] = {"application/json", "application/x-ndjson", "application/jsonl",
                                             "application/x-jsonlines", NULL};
    for (const char *const *t = json_types; type && *t; t++) {
        size_t n = strlen(*t);
        if (strncasecmp(type, *t, n) == 0 && (type[n] == '\0' || type[n] == ';' || type[n] == ' '))
            return 1;
    }
    return 0;
}

static int token_matches(const char *want, const char *authorization)
{
    static const char bearer[] = "Bearer ";
    if (!authorization || strncasecmp(authorization, bearer, sizeof bearer - 1) != 0)
        return 0;
    const char *got = authorization + sizeof bearer - 1;
    size_t n = strlen(want), m = strlen(got);
    unsigned diff = (unsigned)(n ^ m);
    for (size_t i = 0; i < n; i++) /* same time whatever matches */
        diff |= (unsigned char)want[i] ^ (unsigned char)(i < m ? got[i] : 0);
    return diff == 0;
}

/* A write must come from the server's own page or from a program: a page
 * of another origin can send a form or a no-cors fetch, which carries its
 * Origin (and Sec-Fetch-Site) and can only use the form content types. */
static int write_allowed(request *r, const px_api_request *rq)
{
    const char *site = rq->sec_fetch_site;
    if (site && strcasecmp(site, "same-origin") != 0 && strcasecmp(site, "none") != 0) {
        px_api_error(r->resp, 403, "cross_origin", "writes are not accepted from another site's page");
        return 0;
    }
    if (rq->origin) {
        const char *auth = origin_authority(rq->origin);
        int same = auth && (rq->host ? strcasecmp(auth, rq->host) == 0 : host_allowed(r->api, auth));
        if (!same) {
            px_api_error(r->resp, 403, "cross_origin", "writes are not accepted from another origin");
            return 0;
        }
    }
    if (r->api->token && !token_matches(r->api->token, rq->authorization)) {
        px_api_error(r->resp, 401, "unauthorized",
                     "this server takes writes with its token only: send 'Authorization: Bearer TOKEN'");
        return 0;
    }
    if (r->api->readonly) {
        px_api_error(r->resp, 503, "read_only", "the database is read-only here: POST cannot store articles");
        return 0;
    }
    if (!is_json_type(rq->content_type)) {
        px_api_error(r->resp, 415, "unsupported_media_type",
                     "POST articles as JSON Lines: Content-Type application/x-ndjson or application/json "
                     "(a page goes in an object's \"html\" field, text in \"text\")");
        return 0;
    }
    return 1;
}

/* ---- static files ------------------------------------------------------ */

static void get_asset(request *r)
{
    const px_web_asset *f = px_web_asset_find(strcmp(r->path, "/") == 0 ? "/index.html" : r->path);
    if (f) {
        px_api_response_free(r->resp);
        r->resp->status = 200;
        r->resp->content_type = f->type;
        r->resp->body = (const char *)f->data;
        r->resp->len = f->len;
        r->resp->cache_control = "no-cache";
        return;
    }
    px_api_error(r->resp, 404, "not_found", "no such page");
}

/* ---- routing ----------------------------------------------------------- */

static void method_not_allowed(request *r, const char *allowed)
{
    char msg[96];
    snprintf(msg, sizeof msg, "%s is not allowed here (allowed: %s)", r->method, allowed);
    px_api_error(r->resp, 405, "method_not_allowed", msg);
}

static void route(request *r, const px_api_request *rq)
{
    const char *content_type = rq->content_type, *body = rq->body;
    size_t len = body ? rq->body_len : 0;
    int get = strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
    int post = strcmp(r->method, "POST") == 0;
    const char *p = r->path;
    int is_api = strncmp(p, "/api/", 5) == 0 || strcmp(p, "/api") == 0;
    long long id;
    if (strcmp(p, "/api/articles") == 0 && post) {
        if (write_allowed(r, rq))
            post_articles(r, content_type, body, len);
    }
    else if (strcmp(p, "/api/articles") == 0)
        method_not_allowed(r, "POST");
    else if (!get)
        method_not_allowed(r, "GET, HEAD");
    else if (!is_api)
        get_asset(r);
    else if (strcmp(p, "/api/health") == 0)
        get_health(r);
    else if (strcmp(p, "/api/stories") == 0)
        get_stories(r);
    else if (strcmp(p, "/api/search") == 0)
        get_search(r);
    else if ((id = path_id(p, "/api/stories/")) > 0)
        get_story(r, id);
    else if ((id = path_id(p, "/api/articles/")) > 0)
        get_article(r, id);
    else
        px_api_error(r->resp, 404, "not_found", "no such API endpoint (see docs/api.md)");
}

void px_api_handle_request(px_api *api, const px_api_request *rq, px_api_response *resp)
{
    memset(resp, 0, sizeof *resp);
    request r = {.api = api, .method = rq->method ? rq->method : "", .resp = resp};
    if (rq->host && !host_allowed(api, rq->host)) {
        px_api_error(resp, 403, "forbidden_host",
                     "this host name is not served here (parallax serve --allow-host NAME serves it)");
        return;
    }
    if (parse_target(&r, rq->target) == 0)
        route(&r, rq);
    free_target(&r);
}

void px_api_handle(px_api *api, const char *method, const char *target, const char *content_type,
                   const char *body, size_t body_len, px_api_response *resp)
{
    px_api_request rq = {.method = method, .target = target, .content_type = content_type, .body = body,
                         .body_len = body_len};
    px_api_handle_request(api, &rq, resp);
}
