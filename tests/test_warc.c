/* test_warc.c - WARC archives written here (plain and one gzip member per
 * record) read back as articles, and archives that are broken in the ways
 * crawls break: lying Content-Length, truncated and corrupt members,
 * oversized and binary records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "testutil.h"

static const char page_a[] =
    "<html><head><title>Ferry service doubles after bridge closure - Harbor Herald</title></head><body>"
    "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article>"
    "<p>The transit authority doubled ferry service across the Sable River on Wednesday, adding boats "
    "every fifteen minutes between the port district and the east side.</p>"
    "<p>Officials said the extra runs would continue until a temporary crossing is built, which could "
    "take most of the year.</p></article></body></html>";
static const char page_b[] =
    "<html><body><div class=story-body><p>Strikers at the Millbrook battery plant held a rally outside "
    "the main gate on Thursday, the fifth day of a walkout over wages and shift schedules.</p>"
    "<p>Company officials did not attend, but said in a statement that they were ready to return to "
    "talks at any time.</p></div></body></html>";
static const char page_c[] =
    "<html><head><meta property=article:published_time content=2025-03-01></head><body><main>"
    "<p>Astronomers confirmed the discovery of a new comet on Saturday, four days after two amateur "
    "observers first reported a faint smudge in the evening sky.</p></main></body></html>";

static void add_record(px_buf *w, const char *type, const char *uri, const char *date,
                       const char *ct, const char *block, size_t block_len, long long lie)
{
    px_buf_printf(w, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    if (uri)
        px_buf_printf(w, "WARC-Target-URI: %s\r\n", uri);
    px_buf_printf(w, "WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%08zx-0000-0000-0000-000000000000>\r\n"
                     "Content-Type: %s\r\nContent-Length: %lld\r\n\r\n",
                  date, w->len, ct, (long long)block_len + lie);
    px_buf_append(w, block, block_len);
    px_buf_append(w, "\r\n\r\n", 4);
}

static void add_http(px_buf *w, const char *uri, const char *date, const char *headers,
                     const char *body, size_t body_len, long long lie)
{
    px_buf b = {0};
    px_buf_printf(&b, "HTTP/1.1 200 OK\r\n%s\r\n", headers);
    px_buf_append(&b, body, body_len);
    add_record(w, "response", uri, date, "application/http; msgtype=response", b.data, b.len, lie);
    px_buf_free(&b);
}

static void gzip_into(px_buf *out, const char *data, size_t len)
{
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    px_buf_reserve(out, deflateBound(&z, len) + 64);
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)out->data + out->len;
    z.avail_out = (uInt)(out->cap - out->len - 1);
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len += z.total_out;
    deflateEnd(&z);
}

static void chunked(px_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        px_buf_printf(out, "%zx\r\n", k);
        px_buf_append(out, s + i, k);
        px_buf_puts(out, "\r\n");
    }
    px_buf_puts(out, "0\r\n\r\n");
}

/* The records of the round trip, each as its own buffer. */
static size_t build_records(px_buf recs[8])
{
    size_t n = 0;
    memset(recs, 0, 8 * sizeof *recs);
    add_record(&recs[n++], "warcinfo", NULL, "2025-03-05T09:00:00Z", "application/warc-fields",
               "software: test\r\n", 16, 0);
    px_buf body = {0};
    chunked(&body, page_a, sizeof page_a - 1);
    add_http(&recs[n++], "https://harborherald.example/news/ferries", "2025-03-05T09:00:01Z",
             "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n", body.data,
             body.len, 0);
    body.len = 0;
    add_record(&recs[n++], "request", "https://civicdispatch.example/strike-rally",
               "2025-03-06T10:00:00Z", "application/http; msgtype=request",
               "GET /strike-rally HTTP/1.1\r\n\r\n", 30, 0);
    gzip_into(&body, page_b, sizeof page_b - 1);
    add_http(&recs[n++], "https://civicdispatch.example/strike-rally", "2025-03-06T10:00:02Z",
             "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", body.data, body.len, 0);
    add_http(&recs[n++], "https://civicdispatch.example/logo.png", "2025-03-06T10:00:03Z",
             "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n\0\0", 10, 0);
    add_record(&recs[n++], "resource", "https://meridiantimes.example/comet", "2025-03-07T11:00:00Z",
               "text/html", page_c, sizeof page_c - 1, 0);
    px_buf_free(&body);
    return n;
}

static tu_result read_buf(const px_buf *b, const char *suffix, const px_read_opts *o)
{
    char *path = tu_write_temp(b->data, b->len, suffix);
    tu_result r;
    tu_read_one(&r, path, o);
    unlink(path);
    free(path);
    return r;
}

static const px_article *by_url(const tu_result *r, const char *url)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->articles[i]->url && strcmp(r->articles[i]->url, url) == 0)
            return r->articles[i];
    fail_msg("no article for %s", url);
    return NULL;
}

static void check_round_trip(const tu_result *r)
{
    assert_int_equal(r->errors, 0);
    assert_int_equal(r->n, 3);
    const px_article *a = by_url(r, "https://harborherald.example/news/ferries");
    assert_true(strncmp(a->body, "The transit authority doubled", 29) == 0);
    assert_non_null(strstr(a->body, "most of the year."));
    assert_null(strstr(a->body, "Home"));
    assert_string_equal(a->date, "2025-03-05T09:00:01Z"); /* capture date: the page has none */
    assert_string_equal(a->title, "Ferry service doubles after bridge closure");
    const px_article *b = by_url(r, "https://civicdispatch.example/strike-rally");
    assert_true(strncmp(b->body, "Strikers at the Millbrook", 25) == 0);
    assert_string_equal(b->date, "2025-03-06T10:00:02Z");
    const px_article *c = by_url(r, "https://meridiantimes.example/comet");
    assert_string_equal(c->date, "2025-03-01"); /* the page's own date wins */
    assert_non_null(strstr(c->extra_json, "\"type\":\"resource\""));
    assert_non_null(strstr(a->extra_json, "\"record_id\":\"urn:uuid:"));
}

static void test_warc_round_trip(void **s)
{
    (void)s;
    px_buf recs[8], all = {0};
    size_t n = build_records(recs);
    long long offsets[8];
    for (size_t i = 0; i < n; i++) {
        offsets[i] = (long long)all.len;
        px_buf_append(&all, recs[i].data, recs[i].len);
    }
    tu_result r = read_buf(&all, ".warc", NULL);
    check_round_trip(&r);
    const px_article *a = by_url(&r, "https://harborherald.example/news/ferries");
    assert_int_equal(a->input_offset, offsets[1]);
    tu_result_free(&r);

    /* .warc.gz, one member per record: offsets are those of the members */
    px_buf gz = {0};
    for (size_t i = 0; i < n; i++) {
        offsets[i] = (long long)gz.len;
        gzip_into(&gz, recs[i].data, recs[i].len);
    }
    r = read_buf(&gz, ".warc.gz", NULL);
    check_round_trip(&r);
    const px_article *b = by_url(&r, "https://civicdispatch.example/strike-rally");
    assert_int_equal(b->input_offset, offsets[3]);
    char want[64];
    snprintf(want, sizeof want, "\"offset\":%lld", offsets[5]);
    assert_non_null(strstr(by_url(&r, "https://meridiantimes.example/comet")->extra_json, want));
    tu_result_free(&r);

    /* found by content whatever the name */
    r = read_buf(&all, ".dat", NULL);
    assert_int_equal(r.n, 3);
    tu_result_free(&r);
    for (size_t i = 0; i < n; i++)
        px_buf_free(&recs[i]);
    px_buf_free(&all);
    px_buf_free(&gz);
}

static void test_content_length_lies(void **s)
{
    (void)s;
    for (int lie = -1; lie <= 1; lie += 2) {
        px_buf w = {0};
        add_record(&w, "resource", "https://a.example/1", "2025-03-01T00:00:00Z", "text/html", page_a,
                   sizeof page_a - 1, 0);
        /* this record claims 40 bytes more (or fewer) than it has */
        add_record(&w, "resource", "https://a.example/2", "2025-03-01T00:00:00Z", "text/html", page_b,
                   sizeof page_b - 1, lie * 40);
        add_record(&w, "resource", "https://a.example/3", "2025-03-01T00:00:00Z", "text/html", page_c,
                   sizeof page_c - 1, 0);
        tu_result r = read_buf(&w, ".warc", NULL);
        assert_int_equal(r.errors, 1);
        assert_non_null(strstr(r.last_error, "Content-Length"));
        assert_int_equal(r.n, 2);
        by_url(&r, "https://a.example/1");
        by_url(&r, "https://a.example/3");
        tu_result_free(&r);
        px_buf_free(&w);
    }
}

/* A Content-Length that runs past the end of the file (by far, or by a
 * little more than the rest) hides none of the records after it; the error
 * names the file and the offset of the lying record. */
static void test_content_length_past_the_end(void **s)
{
    (void)s;
    const long long lies[] = {1000000000000LL, 100 << 10};
    for (size_t i = 0; i < 2; i++) {
        px_buf w = {0};
        add_record(&w, "resource", "https://a.example/1", "2025-03-01T00:00:00Z", "text/html", page_a,
                   sizeof page_a - 1, 0);
        size_t liar_at = w.len;
        add_record(&w, "resource", "https://a.example/2", "2025-03-01T00:00:00Z", "text/html", page_b,
                   sizeof page_b - 1, lies[i]);
        add_record(&w, "resource", "https://a.example/3", "2025-03-01T00:00:00Z", "text/html", page_c,
                   sizeof page_c - 1, 0);
        add_record(&w, "resource", "https://a.example/4", "2025-03-01T00:00:00Z", "text/html", page_a,
                   sizeof page_a - 1, 0);
        tu_result r = read_buf(&w, ".warc", NULL);
        assert_int_equal(r.errors, 1);
        assert_non_null(strstr(r.last_error, "Content-Length"));
        assert_non_null(strstr(r.last_error, ".warc"));
        char at[64];
        snprintf(at, sizeof at, "offset %zu", liar_at);
        assert_non_null(strstr(r.last_error, at));
        assert_int_equal(r.n, 3);
        by_url(&r, "https://a.example/1");
        by_url(&r, "https://a.example/3");
        by_url(&r, "https://a.example/4");
        tu_result_free(&r);
        px_buf_free(&w);
    }
}

static void test_truncated_and_corrupt_members(void **s)
{
    (void)s;
    px_buf recs[8], gz = {0};
    size_t n = build_records(recs);
    size_t ends[8];
    for (size_t i = 0; i < n; i++) {
        gzip_into(&gz, recs[i].data, recs[i].len);
        ends[i] = gz.len;
    }
    /* cut in the middle of the last member */
    px_buf cut = {0};
    px_buf_append(&cut, gz.data, ends[n - 1] - 30);
    tu_result r = read_buf(&cut, ".warc.gz", NULL);
    assert_int_equal(r.n, 2);
    assert_true(r.errors >= 1);
    assert_non_null(strstr(r.last_error, "truncated gzip"));
    tu_result_free(&r);
    /* garbage inside the member of the first HTML record: the rest is read */
    px_buf bad = {0};
    px_buf_append(&bad, gz.data, gz.len);
    memset(bad.data + ends[0] + 40, 0xA5, 60);
    r = read_buf(&bad, ".warc.gz", NULL);
    assert_int_equal(r.n, 2);
    by_url(&r, "https://civicdispatch.example/strike-rally");
    by_url(&r, "https://meridiantimes.example/comet");
    assert_true(r.errors >= 1);
    tu_result_free(&r);
    for (size_t i = 0; i < n; i++)
        px_buf_free(&recs[i]);
    px_buf_free(&gz);
    px_buf_free(&cut);
    px_buf_free(&bad);
}

static void test_oversized_and_binary_records(void **s)
{
    (void)s;
    px_buf w = {0};
    size_t big = 300000;
    char *huge = malloc(big);
    memset(huge, 'a', big);
    memcpy(huge, "<p>", 3);
    add_http(&w, "https://a.example/big", "2025-03-01T00:00:00Z", "Content-Type: text/html\r\n", huge, big, 0);
    add_http(&w, "https://a.example/bin", "2025-03-01T00:00:00Z", "Content-Type: text/html\r\n",
             "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18, 0);
    add_record(&w, "resource", "https://a.example/ok", "2025-03-01T00:00:00Z", "text/html", page_c,
               sizeof page_c - 1, 0);
    px_read_opts o = {.max_record = 100000};
    tu_result r = read_buf(&w, ".warc", &o);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.errors, 2);
    by_url(&r, "https://a.example/ok");
    assert_non_null(strstr(r.last_error, "PNG"));
    tu_result_free(&r);
    free(huge);
    px_buf_free(&w);
}

static void test_not_warc_in_the_middle(void **s)
{
    (void)s;
    px_buf w = {0};
    add_record(&w, "resource", "https://a.example/1", "2025-03-01T00:00:00Z", "text/html", page_a,
               sizeof page_a - 1, 0);
    px_buf_puts(&w, "this line is garbage\r\nand so is this\r\n");
    add_record(&w, "resource", "https://a.example/3", "2025-03-01T00:00:00Z", "text/html", page_c,
               sizeof page_c - 1, 0);
    tu_result r = read_buf(&w, ".warc", NULL);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.errors, 1);
    assert_non_null(strstr(r.last_error, "not a WARC record header"));
    tu_result_free(&r);
    px_buf_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_warc_round_trip),
        cmocka_unit_test(test_content_length_lies),
        cmocka_unit_test(test_content_length_past_the_end),
        cmocka_unit_test(test_truncated_and_corrupt_members),
        cmocka_unit_test(test_oversized_and_binary_records),
        cmocka_unit_test(test_not_warc_in_the_middle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
