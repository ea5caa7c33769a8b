/* test_article.c - dates, ids and the JSON form of an article. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "testutil.h"

static void expect_date(const char *in, const char *want)
{
    char out[32];
    assert_int_equal(px_date_parse(in, out), PX_OK);
    assert_string_equal(out, want);
}

static void test_dates_common_forms(void **s)
{
    (void)s;
    expect_date("2023-10-31", "2023-10-31");
    expect_date("2023/10/31", "2023-10-31");
    expect_date("Oct. 31, 2023", "2023-10-31");
    expect_date("October 31, 2023", "2023-10-31");
    expect_date("31 October 2023", "2023-10-31");
    expect_date("Sept. 4, 2024", "2024-09-04");
    expect_date("Tuesday, Oct. 31, 2023", "2023-10-31");
    expect_date("2023-10-31T08:00:00Z", "2023-10-31T08:00:00Z");
}

static void test_dates_with_zones_become_utc(void **s)
{
    (void)s;
    expect_date("Tue, 31 Oct 2023 08:00:00 +0000", "2023-10-31T08:00:00Z");
    expect_date("Tue, 31 Oct 2023 22:30:00 -0400", "2023-11-01T02:30:00Z");
    expect_date("2023-10-31T01:15:00+02:00", "2023-10-30T23:15:00Z");
    expect_date("2023-12-31T23:59:59.123-01:00", "2024-01-01T00:59:59Z");
    expect_date("Mon, 06 Nov 2023 10:00:00 GMT", "2023-11-06T10:00:00Z");
}

static void test_dates_rejected(void **s)
{
    (void)s;
    char out[32];
    assert_int_equal(px_date_parse("", out), PX_EFORMAT);
    assert_int_equal(px_date_parse("yesterday", out), PX_EFORMAT);
    assert_int_equal(px_date_parse("2023-02-30", out), PX_EFORMAT);
    assert_int_equal(px_date_parse("2023-13-01", out), PX_EFORMAT);
    assert_int_equal(px_date_parse("Feb. 29, 2023", out), PX_EFORMAT);
    assert_int_equal(px_date_parse("Feb. 29, 2024", out), PX_OK);
}

static void test_date_days(void **s)
{
    (void)s;
    long a, b;
    assert_int_equal(px_date_days("1970-01-01", &a), PX_OK);
    assert_int_equal(a, 0);
    assert_int_equal(px_date_days("2023-10-31T08:00:00Z", &b), PX_OK);
    assert_int_equal(px_date_days("2023-11-02", &a), PX_OK);
    assert_int_equal(a - b, 2);
    assert_int_equal(px_date_days("nonsense", &a), PX_EFORMAT);
}

static void test_id_depends_on_source_and_url(void **s)
{
    (void)s;
    px_article *a = px_article_new(), *b = px_article_new();
    px_set_str(&a->source, "Outlet");
    px_set_str(&a->url, "https://x.example/1");
    px_set_str(&b->source, "Outlet");
    px_set_str(&b->url, "https://x.example/2");
    px_article_compute_id(a);
    px_article_compute_id(b);
    assert_int_equal(strlen(a->id), 16);
    assert_string_not_equal(a->id, b->id);
    px_article_free(a);
    px_article_free(b);
}

static void test_json_round_trip(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->title, "A \"quoted\" title");
    px_set_str(&a->body, "First.\n\nSecond.");
    px_strlist_push(&a->authors, "Dana Whitfield");
    px_article_add_removal(a, "Subscribe now", 13, "paywall");
    px_set_str(&a->extra_json, "{\"section\":\"metro\"}");
    px_article_compute_id(a);
    char *json = px_article_to_json(a);
    cJSON *o = cJSON_Parse(json);
    assert_non_null(o);
    assert_string_equal(cJSON_GetObjectItem(o, "title")->valuestring, "A \"quoted\" title");
    assert_string_equal(cJSON_GetObjectItem(o, "text")->valuestring, "First.\n\nSecond.");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(o, "authors"), 0)->valuestring,
                        "Dana Whitfield");
    cJSON *rem = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "removed"), 0);
    assert_string_equal(cJSON_GetObjectItem(rem, "reason")->valuestring, "paywall");
    assert_string_equal(
        cJSON_GetObjectItem(cJSON_GetObjectItem(o, "extra"), "section")->valuestring, "metro");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(o, "date")));
    cJSON_Delete(o);
    free(json);
    px_article_free(a);
}

static void test_label_falls_back_to_text_then_id(void **st)
{
    (void)st;
    px_article *a = px_article_new();
    char out[16];
    px_set_str(&a->id, "abc123");
    assert_string_equal(px_article_label(a, out, sizeof out), "abc123");
    px_set_str(&a->body, "Caf\xc3\xa9s closed early on Friday.\nSecond line.");
    /* 15 bytes fit; the cut backs off rather than split a character */
    assert_string_equal(px_article_label(a, out, 5), "Caf");
    assert_string_equal(px_article_label(a, out, sizeof out), "Caf\xc3\xa9s closed e");
    px_set_str(&a->title, "Cafes close");
    assert_string_equal(px_article_label(a, out, sizeof out), "Cafes close");
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_common_forms),
        cmocka_unit_test(test_dates_with_zones_become_utc),
        cmocka_unit_test(test_dates_rejected),
        cmocka_unit_test(test_label_falls_back_to_text_then_id),
        cmocka_unit_test(test_date_days),
        cmocka_unit_test(test_id_depends_on_source_and_url),
        cmocka_unit_test(test_json_round_trip),
    };
    return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
