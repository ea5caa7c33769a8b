/* test_api.c - the JSON API answered directly (px_api_handle) and over a
 * real loopback socket (px_server): routes, status codes, JSON errors,
 * body limits, all-or-nothing POST ingest, static files. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <zlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <sqlite3.h>

#include "testutil.h"

typedef struct fixture {
    char *db;
    px_api *api;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->db = tu_write_temp("", 0, ".db");
    unlink(f->db);
    px_api_opts o = {.db = f->db, .connections = 2, .max_body = 64 << 10};
    px_error err;
    px_error_clear(&err);
    if (px_api_new(&f->api, &o, &err) != PX_OK) {
        print_error("%s\n", err.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char side[300];
    px_api_free(f->api);
    unlink(f->db);
    snprintf(side, sizeof side, "%s-wal", f->db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", f->db);
    unlink(side);
    snprintf(side, sizeof side, "%s-ingest.lock", f->db);
    unlink(side);
    free(f->db);
    free(f);
    return 0;
}

/* Sends one request of len body bytes; returns the parsed JSON body (NULL
 * when not JSON). */
static cJSON *call_len(fixture *f, const char *method, const char *target, const char *type,
                       const char *body, size_t len, int expect_status)
{
    px_api_response r;
    px_api_handle(f->api, method, target, type, body, len, &r);
    if (r.status != expect_status)
        fail_msg("%s %s: status %d, expected %d: %.*s", method, target, r.status, expect_status,
                 (int)r.len, r.body);
    cJSON *j = cJSON_ParseWithLength(r.body, r.len);
    if (r.status >= 400) {
        /* every error is {"error":{"code","message"}} */
        assert_non_null(j);
        cJSON *e = cJSON_GetObjectItem(j, "error");
        assert_true(cJSON_IsString(cJSON_GetObjectItem(e, "code")));
        assert_true(cJSON_IsString(cJSON_GetObjectItem(e, "message")));
        assert_non_null(strstr(r.content_type, "application/json"));
    }
    px_api_response_free(&r);
    return j;
}

static cJSON *call(fixture *f, const char *method, const char *target, const char *type,
                   const char *body, int expect_status)
{
    return call_len(f, method, target, type, body, body ? strlen(body) : 0, expect_status);
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    px_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        px_buf_append(&b, chunk, n);
    fclose(fp);
    return px_buf_steal(&b);
}

static double num(const cJSON *o, const char *key)
{
    return cJSON_GetNumberValue(cJSON_GetObjectItem(o, key));
}

static int article_count(fixture *f)
{
    cJSON *h = call(f, "GET", "/api/health", NULL, NULL, 200);
    int n = (int)num(h, "articles");
    cJSON_Delete(h);
    return n;
}

static void test_post_then_read_back(void **state)
{
    fixture *f = *state;
    cJSON *h = call(f, "GET", "/api/health", NULL, NULL, 200);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(h, "status")), "ok");
    assert_int_equal((int)num(h, "articles"), 0);
    cJSON_Delete(h);

    char *wire = slurp("examples/corpus/wire-feed.jsonl");
    cJSON *res = call(f, "POST", "/api/articles", "application/x-ndjson", wire, 201);
    assert_int_equal((int)num(res, "added"), 2);
    int row = (int)num(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "articles"), 0), "row");
    cJSON_Delete(res);
    /* the same body again stores nothing */
    res = call(f, "POST", "/api/articles", "application/x-ndjson", wire, 200);
    assert_int_equal((int)num(res, "added"), 0);
    assert_int_equal((int)num(res, "already"), 2);
    cJSON_Delete(res);
    free(wire);

    char target[64];
    snprintf(target, sizeof target, "/api/articles/%d", row);
    cJSON *a = call(f, "GET", target, NULL, NULL, 200);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(a, "id")), "atlas-20250304-0117");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(a, "extra"), "section")),
                        "U.S. News");
    int story = (int)num(a, "story");
    assert_true(story > 0);
    cJSON_Delete(a);

    snprintf(target, sizeof target, "/api/stories/%d", story);
    cJSON *s = call(f, "GET", target, NULL, NULL, 200);
    /* the report schema (docs/report-schema.md) plus the store's fields;
     * POST refreshed the story's analysis */
    cJSON *arts = cJSON_GetObjectItem(s, "articles");
    assert_int_equal(cJSON_GetArraySize(arts), 1);
    assert_int_equal((int)num(cJSON_GetArrayItem(arts, 0), "row"), row);
    assert_int_equal((int)num(s, "article_count"), 1);
    assert_int_equal((int)num(s, "id"), story);
    assert_true(cJSON_IsString(cJSON_GetObjectItem(s, "analyzed_at")));
    assert_true(cJSON_IsArray(cJSON_GetObjectItem(s, "quotes")));
    assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(s, "summary")) > 0);
    cJSON_Delete(s);

    cJSON *list = call(f, "GET", "/api/stories?since=2025-03-01", NULL, NULL, 200);
    assert_int_equal((int)num(list, "total"), 2);
    cJSON_Delete(list);
    list = call(f, "GET", "/api/stories?since=2025-03-05", NULL, NULL, 200);
    assert_int_equal((int)num(list, "total"), 0);
    cJSON_Delete(list);
    list = call(f, "GET", "/api/stories?q=mediator", NULL, NULL, 200);
    assert_int_equal((int)num(list, "total"), 1);
    cJSON_Delete(list);

    cJSON *hits = call(f, "GET", "/api/search?q=collapse+%22Sable+River%22&limit=5", NULL, NULL, 200);
    assert_int_equal((int)num(hits, "total"), 1);
    const char *snippet = cJSON_GetStringValue(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(hits, "results"), 0), "snippet"));
    assert_non_null(strstr(snippet, "<mark>"));
    cJSON_Delete(hits);
}

static void test_bad_requests(void **state)
{
    fixture *f = *state;
    cJSON_Delete(call(f, "GET", "/api/search", NULL, NULL, 400));
    cJSON_Delete(call(f, "GET", "/api/search?q=%22open", NULL, NULL, 400));
    /* SQL typed into the search box is words to look for */
    cJSON_Delete(call(f, "GET", "/api/search?q=%27%3B%20DROP%20TABLE%20articles%3B%20--", NULL, NULL, 200));
    cJSON_Delete(call(f, "GET", "/api/search?q=x&limit=-1", NULL, NULL, 400));
    cJSON_Delete(call(f, "GET", "/api/search?q=x&limit=abc", NULL, NULL, 400));
    cJSON_Delete(call(f, "GET", "/api/search?q=x&source=%27%20OR%201%3D1%20--", NULL, NULL, 200));
    cJSON_Delete(call(f, "GET", "/api/stories?since=yesterday%27--", NULL, NULL, 400));
    cJSON_Delete(call(f, "GET", "/api/search?q=%zz", NULL, NULL, 400));
    cJSON_Delete(call(f, "GET", "/api/search?q=a%00b", NULL, NULL, 400));
    cJSON_Delete(call(f, "GET", "/api/stories/12abc", NULL, NULL, 404));
    cJSON_Delete(call(f, "GET", "/api/stories/999", NULL, NULL, 404));
    cJSON_Delete(call(f, "GET", "/api/articles/0", NULL, NULL, 404));
    cJSON_Delete(call(f, "GET", "/api/nothing", NULL, NULL, 404));
    cJSON_Delete(call(f, "GET", "/no/such/page.html", NULL, NULL, 404));
    cJSON_Delete(call(f, "DELETE", "/api/stories", NULL, NULL, 405));
    cJSON_Delete(call(f, "GET", "/api/articles", NULL, NULL, 405));
    cJSON_Delete(call(f, "GET", "relative", NULL, NULL, 400));
    assert_int_equal(article_count(f), 0);
}

/* A body with one bad line stores nothing, not even its good lines. */
static void test_malformed_post_stores_nothing(void **state)
{
    fixture *f = *state;
    const char *mixed = "{\"source\":\"A\",\"title\":\"Good one\",\"text\":\"Fine text here.\"}\n"
                        "{\"source\":\"A\",\"title\":\"Broken\",\"text\":\"no closing\n";
    cJSON *e = call(f, "POST", "/api/articles", "application/x-ndjson", mixed, 400);
    const char *msg = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(e, "error"), "message"));
    assert_non_null(strstr(msg, ":2:")); /* names the line */
    cJSON_Delete(e);
    cJSON_Delete(call(f, "POST", "/api/articles", "application/x-ndjson", "", 400));
    cJSON_Delete(call(f, "POST", "/api/articles", "application/x-ndjson", "[1,2,3]\n", 400));
    cJSON_Delete(call(f, "POST", "/api/articles", "application/json", "{\"title\":\"x\",\"text\":}", 400));
    cJSON_Delete(call(f, "POST", "/api/articles", "application/json", "{\"title\":\"x\"", 400));
    cJSON_Delete(call(f, "POST", "/api/articles", "application/x-ndjson", "\n\n\n", 400));

    size_t big = (64 << 10) + 1;
    char *huge = malloc(big + 1);
    memset(huge, 'a', big);
    huge[big] = '\0';
    cJSON_Delete(call(f, "POST", "/api/articles", "application/x-ndjson", huge, 413));
    free(huge);
    assert_int_equal(article_count(f), 0);

    /* a plain-text body is what a form or a no-cors fetch of another site's
     * page sends: refused, JSON only */
    cJSON_Delete(call(f, "POST", "/api/articles", "text/plain",
                      "A Headline For The Text Body\n\nThe body of a plain text article.\n", 415));
    assert_int_equal(article_count(f), 0);
    cJSON *ok = call(f, "POST", "/api/articles", "application/json",
                     "{\"title\":\"A Headline For The Text Body\",\"text\":\"The body of a plain text article.\"}",
                     201);
    assert_int_equal((int)num(ok, "added"), 1);
    cJSON_Delete(ok);
    assert_int_equal(article_count(f), 1);
}

/* text gzipped in one member; *len gets its size */
static char *gzip_of(const char *text, size_t n, size_t *len)
{
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, n);
    char *out = malloc(cap);
    z.next_in = (unsigned char *)text;
    z.avail_in = (unsigned)n;
    z.next_out = (unsigned char *)out;
    z.avail_out = (unsigned)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    *len = z.total_out;
    deflateEnd(&z);
    return out;
}

/* A compressed body within the limit that decompresses past it is too
 * large (413), not malformed (400); a small compressed body with a broken
 * record is still a 400. Nothing is stored either way. */
static void test_compressed_body_past_the_limit_is_413(void **state)
{
    fixture *f = *state;
    const char *line = "{\"source\":\"A\",\"title\":\"Same record\",\"text\":\"The same text again.\"}\n";
    px_buf body = {0};
    while (body.len <= (256u << 10)) /* four times the fixture's 64 KiB limit */
        px_buf_append(&body, line, strlen(line));
    size_t zlen;
    char *z = gzip_of(body.data, body.len, &zlen);
    assert_true(zlen < (64u << 10));
    cJSON *e = call_len(f, "POST", "/api/articles", "application/x-ndjson", z, zlen, 413);
    const char *msg = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(e, "error"), "message"));
    assert_non_null(strstr(msg, "decompressed data passes the limit"));
    cJSON_Delete(e);
    free(z);
    px_buf_free(&body);
    assert_int_equal(article_count(f), 0);

    const char *broken = "{\"source\":\"A\",\"title\":\"Broken\",\"text\":\"no closing\n";
    z = gzip_of(broken, strlen(broken), &zlen);
    cJSON_Delete(call_len(f, "POST", "/api/articles", "application/x-ndjson", z, zlen, 400));
    free(z);
    assert_int_equal(article_count(f), 0);
}

static void test_static_files(void **state)
{
    fixture *f = *state;
    px_api_response r;
    px_api_handle(f->api, "GET", "/", NULL, NULL, 0, &r);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.content_type, "text/html"));
    assert_non_null(strstr(r.body, "<script src=\"app.js\"></script>"));
    px_api_response_free(&r);
    px_api_handle(f->api, "GET", "/app.js", NULL, NULL, 0, &r);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.content_type, "javascript"));
    px_api_response_free(&r);
    px_api_handle(f->api, "HEAD", "/style.css", NULL, NULL, 0, &r);
    assert_int_equal(r.status, 200);
    px_api_response_free(&r);
}

static void test_url_decode(void **state)
{
    (void)state;
    char *s = px_url_decode("a+b%20c%2B", 10, 1);
    assert_string_equal(s, "a b c+");
    free(s);
    s = px_url_decode("a+b", 3, 0);
    assert_string_equal(s, "a+b");
    free(s);
    assert_null(px_url_decode("%", 1, 1));
    assert_null(px_url_decode("%4", 2, 1));
    assert_null(px_url_decode("%G0", 3, 1));
    assert_null(px_url_decode("%00", 3, 1));
}

#define ONE_ARTICLE "{\"title\":\"A Title\",\"text\":\"Some body text here.\"}"

static int handle(px_api *api, const px_api_request *rq)
{
    px_api_response r;
    px_api_handle_request(api, rq, &r);
    int status = r.status;
    px_api_response_free(&r);
    return status;
}

/* A page of another site can send a form or a no-cors fetch to a local
 * server, or rebind its own name to 127.0.0.1 and read it: neither stores
 * nor reads anything. The server's own page and programs still can. */
static void test_web_pages_cannot_abuse_the_api(void **state)
{
    fixture *f = *state;
    px_api_request rq = {.method = "POST", .target = "/api/articles", .content_type = "application/json",
                         .body = ONE_ARTICLE, .body_len = strlen(ONE_ARTICLE), .host = "127.0.0.1:8080"};
    /* a form or no-cors fetch: a simple content type, the page's Origin */
    static const char *const simple_types[] = {"text/plain", "application/x-www-form-urlencoded",
                                               "multipart/form-data; boundary=x", NULL};
    for (const char *const *t = simple_types; *t; t++) {
        px_api_request form = rq;
        form.content_type = *t;
        form.origin = "http://attacker.example";
        assert_true(handle(f->api, &form) >= 400);
        form.origin = NULL; /* even without Origin: not JSON, not stored */
        assert_int_equal(handle(f->api, &form), 415);
    }
    px_api_request cross = rq;
    cross.origin = "http://attacker.example";
    assert_int_equal(handle(f->api, &cross), 403);
    cross.origin = "null"; /* sandboxed frames and file: pages */
    assert_int_equal(handle(f->api, &cross), 403);
    cross.origin = NULL;
    cross.sec_fetch_site = "cross-site";
    assert_int_equal(handle(f->api, &cross), 403);
    cross.sec_fetch_site = "same-site"; /* another port of the same host */
    assert_int_equal(handle(f->api, &cross), 403);
    cross.sec_fetch_site = NULL;
    cross.origin = "http://127.0.0.1:9999"; /* another loopback port */
    assert_int_equal(handle(f->api, &cross), 403);
    assert_int_equal(article_count(f), 0);

    /* DNS rebinding: the page's own name pointing at 127.0.0.1 */
    px_api_request get = {.method = "GET", .target = "/api/stories", .host = "attacker.example:8080"};
    assert_int_equal(handle(f->api, &get), 403);
    get.target = "/";
    assert_int_equal(handle(f->api, &get), 403);
    static const char *const served[] = {"127.0.0.1:8080", "localhost:8080", "[::1]:8080", "10.0.0.7",
                                         "LOCALHOST", NULL};
    for (const char *const *h = served; *h; h++) {
        get.host = *h;
        assert_int_equal(handle(f->api, &get), 200);
    }

    /* the server's own page, and a program (no Origin) */
    px_api_request own = rq;
    own.origin = "http://127.0.0.1:8080";
    own.sec_fetch_site = "same-origin";
    assert_int_equal(handle(f->api, &own), 201);
    assert_int_equal(article_count(f), 1);
}

/* With a token (always when bound beyond loopback), writes need it, and a
 * host name given with --allow-host is served. */
static void test_token_and_allowed_hosts(void **state)
{
    fixture *f = *state;
    px_api_free(f->api);
    static const char *const hosts[] = {"news.lan", NULL};
    px_api_opts o = {.db = f->db, .connections = 1, .token = "s3cret-token", .allow_hosts = hosts};
    px_error err;
    assert_int_equal(px_api_new(&f->api, &o, &err), PX_OK);
    px_api_request rq = {.method = "POST", .target = "/api/articles", .content_type = "application/x-ndjson",
                         .body = ONE_ARTICLE, .body_len = strlen(ONE_ARTICLE), .host = "news.lan:8080"};
    assert_int_equal(handle(f->api, &rq), 401);
    rq.authorization = "Bearer wrong";
    assert_int_equal(handle(f->api, &rq), 401);
    rq.authorization = "Bearer s3cret-token-and-more";
    assert_int_equal(handle(f->api, &rq), 401);
    assert_int_equal(article_count(f), 0);
    rq.authorization = "Bearer s3cret-token";
    assert_int_equal(handle(f->api, &rq), 201);
    rq.host = "other.lan";
    assert_int_equal(handle(f->api, &rq), 403);
    assert_int_equal(article_count(f), 1);
}

/* Another program holding the write lock: POST answers 503 "busy" after
 * the bounded wait and stores nothing; reads go on (WAL). */
static void test_locked_database(void **state)
{
    fixture *f = *state;
    px_api_free(f->api);
    px_api_opts o = {.db = f->db, .connections = 1, .busy_ms = 200};
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_api_new(&f->api, &o, &err), PX_OK);
    sqlite3 *holder;
    assert_int_equal(sqlite3_open(f->db, &holder), SQLITE_OK);
    assert_int_equal(sqlite3_exec(holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    cJSON *e = call(f, "POST", "/api/articles", "application/json", ONE_ARTICLE, 503);
    cJSON *err_obj = cJSON_GetObjectItem(e, "error");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(err_obj, "code")), "busy");
    assert_non_null(strstr(cJSON_GetStringValue(cJSON_GetObjectItem(err_obj, "message")), "lock"));
    cJSON_Delete(e);
    cJSON_Delete(call(f, "GET", "/api/stories", NULL, NULL, 200));
    sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(holder);
    assert_int_equal(article_count(f), 0);
    cJSON_Delete(call(f, "POST", "/api/articles", "application/json", ONE_ARTICLE, 201));
    assert_int_equal(article_count(f), 1);
}

/* A corrupt database file stops the API from starting, naming the file. */
static void test_corrupt_database(void **state)
{
    (void)state;
    const char junk[] = "not a database at all, only text long enough to look like a header....\n"
                        "and another line so that the file is more than a hundred bytes long.\n";
    char *path = tu_write_temp(junk, sizeof junk - 1, ".db");
    px_api *api = NULL;
    px_api_opts o = {.db = path};
    px_error err;
    px_error_clear(&err);
    assert_int_not_equal(px_api_new(&api, &o, &err), PX_OK);
    assert_null(api);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "not a parallax database"));
    unlink(path);
    free(path);
}

/* ---- over a socket -------------------------------------------------------- */

static char *http(unsigned port, const char *request)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    size_t len = strlen(request), off = 0;
    while (off < len) {
        ssize_t w = write(fd, request + off, len - off);
        if (w <= 0)
            break; /* the server may answer and close before reading it all */
        off += (size_t)w;
    }
    px_buf out = {0};
    char chunk[4096];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0)
        px_buf_append(&out, chunk, (size_t)n);
    close(fd);
    return px_buf_steal(&out);
}

static void test_server_on_loopback(void **state)
{
    fixture *f = *state;
    px_server *srv;
    px_error err;
    px_server_opts o = {.port = 0, .threads = 2, .max_header = 8 << 10};
    assert_int_equal(px_server_start(&srv, f->api, &o, &err), PX_OK);
    unsigned port = px_server_port(srv);
    assert_true(port > 0);

    char *resp = http(port, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assert_non_null(strstr(resp, "HTTP/1.1 200"));
    assert_non_null(strstr(resp, "\"status\":\"ok\""));
    free(resp);

    resp = http(port, "GET /api/search?q=%22x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assert_non_null(strstr(resp, "HTTP/1.1 400"));
    assert_non_null(strstr(resp, "\"error\""));
    free(resp);

    const char *jsonl = "{\"source\":\"Wire\",\"title\":\"Posted over HTTP\",\"text\":\"Body text.\"}\n";
    char req[1024];
    snprintf(req, sizeof req,
             "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
             "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
             strlen(jsonl), jsonl);
    resp = http(port, req);
    assert_non_null(strstr(resp, "HTTP/1.1 201"));
    free(resp);

    /* a declared body over the limit is refused before it is read */
    resp = http(port, "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999\r\n"
                      "Connection: close\r\n\r\n");
    assert_non_null(strstr(resp, "HTTP/1.1 413"));
    assert_non_null(strstr(resp, "too_large"));
    free(resp);
    assert_int_equal(article_count(f), 1); /* only the article posted above */

    /* headers larger than the connection's memory are refused */
    px_buf big = {0};
    px_buf_puts(&big, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");
    for (int i = 0; i < 20000; i++)
        px_buf_puts(&big, "a");
    px_buf_puts(&big, "\r\nConnection: close\r\n\r\n");
    resp = http(port, big.data);
    assert_null(strstr(resp, "HTTP/1.1 200"));
    free(resp);
    px_buf_free(&big);
    px_server_stop(srv);

    /* only loopback unless told otherwise; a bad address is an error */
    o.bind = "not-an-address";
    assert_int_equal(px_server_start(&srv, f->api, &o, &err), PX_EUSAGE);
}

/* A connection to the server from the loopback address src (127.0.0.x:
 * a client of its own), reads giving up after a few seconds. */
static int connect_from(const char *src, unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct timeval tv = {.tv_sec = 5};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in me = {.sin_family = AF_INET};
    inet_pton(AF_INET, src, &me.sin_addr);
    assert_int_equal(bind(fd, (struct sockaddr *)&me, sizeof me), 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    return fd;
}

/* One GET of /api/health from src: does it answer 200? */
static int health_answers(const char *src, unsigned port)
{
    int fd = connect_from(src, port);
    const char req[] = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    int ok = send(fd, req, sizeof req - 1, MSG_NOSIGNAL) == (ssize_t)(sizeof req - 1);
    char buf[512] = {0};
    ok = ok && read(fd, buf, sizeof buf - 1) > 0 && strstr(buf, "HTTP/1.1 200") != NULL;
    close(fd);
    return ok;
}

static int closed_by_server(int fd)
{
    char c;
    ssize_t n = recv(fd, &c, 1, 0); /* gives up after SO_RCVTIMEO */
    return n == 0 || (n < 0 && errno == ECONNRESET);
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

#define IDLE_CLIENTS 300 /* more than one client may hold */
#define SLOW_CLIENTS 40

/* An idle flood from one client and slowloris clients (a header byte now
 * and then, each resetting the library's idle timeout) neither keep others
 * out nor hold their connections past the request deadline. */
static void test_idle_and_slow_clients_do_not_lock_others_out(void **state)
{
    fixture *f = *state;
    px_server *srv;
    px_error err;
    px_server_opts o = {.threads = 2, .request_timeout = 2};
    assert_int_equal(px_server_start(&srv, f->api, &o, &err), PX_OK);
    unsigned port = px_server_port(srv);
    static int idle[IDLE_CLIENTS], slow[SLOW_CLIENTS];
    for (int i = 0; i < IDLE_CLIENTS; i++)
        idle[i] = connect_from("127.0.0.2", port);
    const char start[] = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < SLOW_CLIENTS; i++) {
        slow[i] = connect_from("127.0.0.3", port);
        assert_int_equal(send(slow[i], start, sizeof start - 1, MSG_NOSIGNAL), (ssize_t)(sizeof start - 1));
    }
    assert_true(health_answers("127.0.0.1", port));
    for (int round = 0; round < 15; round++) { /* 3 s of trickle, past the 2 s deadline */
        for (int i = 0; i < SLOW_CLIENTS; i++)
            send(slow[i], "X", 1, MSG_NOSIGNAL);
        sleep_ms(200);
    }
    assert_true(health_answers("127.0.0.1", port));
    for (int i = 0; i < SLOW_CLIENTS; i++) {
        if (!closed_by_server(slow[i]))
            fail_msg("slow client %d still connected after the request deadline", i);
        close(slow[i]);
    }
    for (int i = 0; i < IDLE_CLIENTS; i++) {
        assert_true(closed_by_server(idle[i]));
        close(idle[i]);
    }
    assert_true(health_answers("127.0.0.2", port)); /* the flooding client may come back */
    px_server_stop(srv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_post_then_read_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_requests, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_post_stores_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compressed_body_past_the_limit_is_413, setup, teardown),
        cmocka_unit_test_setup_teardown(test_static_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_locked_database, setup, teardown),
        cmocka_unit_test_setup_teardown(test_web_pages_cannot_abuse_the_api, setup, teardown),
        cmocka_unit_test_setup_teardown(test_token_and_allowed_hosts, setup, teardown),
        cmocka_unit_test(test_corrupt_database),
        cmocka_unit_test(test_url_decode),
        cmocka_unit_test_setup_teardown(test_server_on_loopback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_idle_and_slow_clients_do_not_lock_others_out, setup, teardown),
    };
    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
