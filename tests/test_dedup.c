/* test_dedup.c - exact copies, near-duplicates and containment on real
 * articles (BBC bulk corpus) mutated the way syndication does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "testutil.h"
#include "group/dedup_internal.h"

/* The body of one BBC article, read the way parallax reads it (malloc'd). */
static char *bbc_body(const char *rel)
{
    char path[256];
    snprintf(path, sizeof path, "data/bulk/bbc/%s", rel);
    tu_result r;
    px_read_opts o = {0};
    tu_read_raw_one(&r, tu_shared(path), &o);
    assert_int_equal(r.n, 1);
    char *body = px_strdup(r.articles[0]->body);
    tu_result_free(&r);
    return body;
}

static px_dup_match add(px_deduper *d, const char *text)
{
    px_dup_match m;
    assert_int_equal(px_dedup_add_text(d, text, strlen(text), &m), PX_OK);
    return m;
}

static px_deduper *deduper(const px_dedup_opts *o)
{
    px_deduper *d;
    px_error err;
    assert_int_equal(px_deduper_new(&d, o, &err), PX_OK);
    return d;
}

/* Given the tokens of a text as written, the deduper finds what it finds
 * tokenising the folded text itself: also where capitals change the
 * tokens (an initial, "No.", a possessive in capitals, a web address) and
 * in text that is not ASCII. */
static void test_written_tokens_find_the_same_copies(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "Samsung vice chairman Jay Y. Lee was released on Monday after a court in Seoul suspended his sentence, "
        "a ruling that surprised prosecutors and investors alike.",
        "Samsung vice chairman Jay Y Lee was released on Monday after a court in Seoul suspended his sentence, "
        "a ruling that surprised prosecutors and investors alike.",
        "THE HARRIS' FARM AT No. 5 MILL LANE WAS SOLD AT AUCTION ON FRIDAY, SEE HTTP://EXAMPLE.COM/FARM FOR "
        "THE FULL LIST OF LOTS AND THE PRICES THEY FETCHED.",
        "The Harris' farm at no. 5 Mill Lane was sold at auction on Friday, see http://example.com/farm for "
        "the full list of lots and the prices they fetched.",
        "Caf\u00e9 owners in K\u00f6ln said the \u201cnew rules\u201d would cost them dearly this winter, "
        "the chamber of commerce reported on Tuesday.",
        "Cafe owners in Koln said the new rules would cost them dearly this winter, the chamber of commerce "
        "reported on Tuesday.",
        "The BANK OF ENGLAND put \u00a34bn into caf\u00e9s and shops, Mr Bailey told MPs at Westminster on "
        "Monday, and the pound rose against the euro.",
        "The Bank of England put \u00a34bn into cafes and shops, Mr Bailey told MPs at Westminster on Monday, "
        "and the pound rose against the euro.",
    };
    enum { N = sizeof texts / sizeof *texts };
    px_dedup_opts o;
    px_dedup_opts_default(&o);
    o.min_tokens = 5;
    px_deduper *own = deduper(&o), *given = deduper(&o);
    for (size_t i = 0; i < N; i++) {
        px_tokens t = {0};
        size_t len = strlen(texts[i]);
        assert_int_equal(px_tokenize(texts[i], len, &t), PX_OK);
        px_dup_match a = add(own, texts[i]), b;
        assert_int_equal(px_dedup_add_tokens(given, texts[i], len, &t, &b), PX_OK);
        assert_int_equal(a.relation, b.relation);
        assert_int_equal(a.group, b.group);
        assert_true(a.similarity == b.similarity);
        px_tokens_free(&t);
    }
    px_deduper_free(own);
    px_deduper_free(given);
}

/* A text whose folding changes only ASCII capitals ("£", "é"
 * fold to themselves) is read from its written tokens: the tokeniser sees
 * nothing more; one with curly quotes (folded to straight ones) is
 * tokenised again in its folded form. */
static void test_written_tokens_serve_text_folding_only_capitals(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "The Treasury in London said on Monday that the £4bn package for cafés and small shops "
        "would be paid out before the spring budget.",
        "The Treasury in London said on Monday that the “£4bn package” for cafes and small "
        "shops would be paid out before the spring budget.",
    };
    px_dedup_opts o;
    px_dedup_opts_default(&o);
    o.min_tokens = 5;
    px_deduper *d = deduper(&o);
    for (size_t i = 0; i < 2; i++) {
        px_tokens t = {0};
        size_t len = strlen(texts[i]);
        assert_int_equal(px_tokenize(texts[i], len, &t), PX_OK);
        unsigned long long before = px_text_bytes_tokenized();
        px_dup_match m;
        assert_int_equal(px_dedup_add_tokens(d, texts[i], len, &t, &m), PX_OK);
        unsigned long long again = px_text_bytes_tokenized() - before;
        if (i == 0)
            assert_int_equal(again, 0);
        else
            assert_true(again > 0);
        px_tokens_free(&t);
    }
    px_deduper_free(d);
}

static void test_exact_copy_ignores_case_and_spacing(void **s)
{
    (void)s;
    char *a = bbc_body("politics/001.txt");
    px_buf b = {0};
    for (const char *p = a; *p; p++)
        px_buf_puts(&b, *p == ' ' ? "  " : (char[]){*p, 0});
    for (size_t i = 0; i < 10 && i < b.len; i++)
        if (b.data[i] >= 'a' && b.data[i] <= 'z')
            b.data[i] = (char)(b.data[i] - 32);
    px_deduper *d = deduper(NULL);
    assert_int_equal(add(d, a).relation, PX_DUP_NONE);
    px_dup_match m = add(d, b.data);
    assert_int_equal(m.relation, PX_DUP_EXACT);
    assert_int_equal(m.group, 0);
    assert_true(m.similarity == 1.0);
    px_deduper_free(d);
    px_buf_free(&b);
    free(a);
}

static void test_near_copy_with_ads_and_new_paragraph(void **s)
{
    (void)s;
    char *a = bbc_body("business/010.txt");
    px_buf b = {0};
    px_buf_puts(&b, "Advertisement\n\n");
    px_buf_puts(&b, a);
    px_buf_puts(&b, "\n\nSubscribe to our newsletter for the latest business news.\n\n"
                    "This story was updated with comment from the company.");
    px_deduper *d = deduper(NULL);
    add(d, a);
    px_dup_match m = add(d, b.data);
    assert_int_equal(m.relation, PX_DUP_NEAR);
    assert_true(m.similarity >= 0.5 && m.similarity < 1.0);
    assert_int_equal(m.matched, 0);
    px_deduper_free(d);
    px_buf_free(&b);
    free(a);
}

static void test_trimmed_copy_is_contained(void **s)
{
    (void)s;
    char *a = bbc_body("tech/020.txt");
    size_t len = strlen(a);
    char *cut = px_strndup(a, len * 2 / 5);
    px_deduper *d = deduper(NULL);
    add(d, a);
    px_dup_match m = add(d, cut);
    assert_int_equal(m.relation, PX_DUP_CONTAINS);
    assert_true(m.similarity >= 0.8);
    double j, a_in_b, b_in_a;
    assert_int_equal(px_dedup_compare(cut, strlen(cut), a, len, NULL, &j, &a_in_b, &b_in_a), PX_OK);
    assert_true(a_in_b > 0.95);
    assert_true(j < 0.5);
    assert_true(b_in_a < 0.5);
    px_deduper_free(d);
    free(cut);
    free(a);
}

static void test_article_embedded_in_a_page_is_a_copy(void **s)
{
    (void)s;
    char *a = bbc_body("sport/030.txt");
    char *other = bbc_body("entertainment/040.txt");
    char *third = bbc_body("politics/050.txt");
    px_buf page = {0};
    px_buf_puts(&page, other);
    px_buf_puts(&page, "\n\n");
    px_buf_puts(&page, a);
    px_buf_puts(&page, "\n\n");
    px_buf_puts(&page, third);
    px_deduper *d = deduper(NULL);
    add(d, a);
    px_dup_match m = add(d, page.data);
    assert_int_equal(m.relation, PX_DUP_CONTAINS);
    assert_int_equal(m.group, 0);
    px_deduper_free(d);
    px_buf_free(&page);
    free(a);
    free(other);
    free(third);
}

static void test_different_articles_on_one_topic_are_not_copies(void **s)
{
    (void)s;
    px_deduper *d = deduper(NULL);
    char name[32];
    for (int i = 1; i <= 40; i++) {
        snprintf(name, sizeof name, "politics/%03d.txt", i);
        char *a = bbc_body(name);
        px_dup_match m = add(d, a);
        assert_int_equal(m.relation, PX_DUP_NONE);
        free(a);
    }
    assert_int_equal(px_deduper_count(d), 40);
    px_deduper_free(d);
}

static void test_copy_of_a_copy_joins_the_first_group(void **s)
{
    (void)s;
    char *a = bbc_body("business/100.txt");
    px_buf b = {0}, c = {0};
    px_buf_printf(&b, "%s\n\nRead more business news.", a);
    px_buf_printf(&c, "%s\n\nShare this story.", b.data);
    px_deduper *d = deduper(NULL);
    add(d, "An unrelated short text that is not long enough to shingle.");
    add(d, a);
    assert_int_equal(add(d, b.data).group, 1);
    px_dup_match m = add(d, c.data);
    assert_int_equal(m.group, 1);
    assert_int_equal(m.matched, 2);
    px_deduper_free(d);
    px_buf_free(&b);
    px_buf_free(&c);
    free(a);
}

static void test_empty_and_short_bodies(void **s)
{
    (void)s;
    px_deduper *d = deduper(NULL);
    assert_int_equal(add(d, "").relation, PX_DUP_NONE);
    assert_int_equal(add(d, "  \n ").relation, PX_DUP_NONE);
    assert_int_equal(add(d, "Shares rose 3 cts.").relation, PX_DUP_NONE);
    assert_int_equal(add(d, "shares rose 3 cts.").relation, PX_DUP_EXACT);
    /* a short text differing by one word is not matched: too little evidence */
    assert_int_equal(add(d, "Shares rose 4 cts.").relation, PX_DUP_NONE);
    px_dup_match m;
    assert_int_equal(px_dedup_add_text(d, NULL, 0, &m), PX_OK);
    assert_int_equal(m.relation, PX_DUP_NONE);
    px_deduper_free(d);
}

static void test_window_forgets_old_articles(void **s)
{
    (void)s;
    px_dedup_opts o;
    px_dedup_opts_default(&o);
    o.window = 2;
    char *a = bbc_body("tech/001.txt"), *b = bbc_body("tech/002.txt"), *c = bbc_body("tech/003.txt");
    px_deduper *d = deduper(&o);
    add(d, a);
    add(d, b);
    assert_int_equal(add(d, b).relation, PX_DUP_EXACT);
    add(d, c);
    assert_int_equal(add(d, a).relation, PX_DUP_NONE);
    px_dedup_stats st;
    px_deduper_stats(d, &st);
    assert_int_equal(st.articles, 5);
    assert_int_equal(st.window_articles, 2); /* c and a */
    assert_true(st.live_entries <= 2 * (o.bands + 1));
    assert_true(st.window_shingles > 0);
    px_deduper_free(d);
    free(a);
    free(b);
    free(c);
}

/* A released deduper keeps its statistics and takes no more articles (a
 * corpus grouped in one go lets go of its table once its copies are found). */
static void test_release_keeps_statistics(void **s)
{
    (void)s;
    char *a = bbc_body("tech/001.txt"), *b = bbc_body("tech/002.txt");
    px_deduper *d = deduper(NULL);
    add(d, a);
    add(d, b);
    assert_int_equal(add(d, b).relation, PX_DUP_EXACT);
    px_dedup_stats before, after;
    px_deduper_stats(d, &before);
    px_deduper_release(d);
    px_deduper_stats(d, &after);
    assert_memory_equal(&before, &after, sizeof before);
    assert_true(after.window_shingles > 0 && after.table_entries > 0);
    px_dup_match m;
    assert_int_equal(px_dedup_add_text(d, a, strlen(a), &m), PX_EUSAGE);
    px_deduper_release(d); /* twice is harmless */
    px_deduper_free(d);
    free(a);
    free(b);
}

static void test_bad_options_are_refused(void **s)
{
    (void)s;
    px_dedup_opts o;
    px_dedup_opts_default(&o);
    o.bands = 1000;
    px_deduper *d;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_deduper_new(&d, &o, &err), PX_EUSAGE);
    assert_null(d);
    assert_non_null(strstr(err.msg, "bands"));
}

static void test_cli_prints_groups(void **s)
{
    (void)s;
    char *a = bbc_body("politics/200.txt");
    px_buf in = {0};
    char *ja = NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", "orig");
    cJSON_AddStringToObject(o, "text", a);
    ja = cJSON_PrintUnformatted(o);
    px_buf_printf(&in, "%s\n", ja);
    cJSON_ReplaceItemInObject(o, "id", cJSON_CreateString("copy"));
    free(ja);
    ja = cJSON_PrintUnformatted(o);
    px_buf_printf(&in, "%s\n{\"id\":\"other\",\"text\":\"Something else entirely.\"}\n", ja);
    char *path = tu_write_temp(in.data, in.len, ".jsonl");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s dedup -q %s", tu_bin(), path);
    int code;
    char *out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "\"representative\":\"orig\""));
    assert_non_null(strstr(out, "{\"id\":\"copy\",\"similarity\":1,\"relation\":\"exact\",\"of\":\"orig\"}"));
    assert_null(strstr(out, "other"));
    free(out);
    unlink(path);
    free(path);
    free(ja);
    cJSON_Delete(o);
    px_buf_free(&in);
    free(a);
}

/* A memo kept by one deduper serves another with the same matches
 * (exact, near, contained, none), whatever order the first read the
 * bodies in; a memo too small to keep a body changes nothing either. */
static void test_memo_changes_no_match(void **s)
{
    (void)s;
    char *orig = bbc_body("business/001.txt");
    char *other = bbc_body("sport/001.txt");
    size_t n = strlen(orig);
    char *trimmed = px_strdup(orig);
    trimmed[n * 3 / 4] = '\0';
    char *near = malloc(n + 64);
    assert_non_null(near);
    snprintf(near, n + 64, "%s Advertisement: subscribe today.", orig);
    const char *texts[] = {orig, other, near, trimmed, orig, "", "Short note.", other};
    enum { N = sizeof texts / sizeof *texts };
    px_dup_match plain[N];
    px_deduper *d = deduper(NULL);
    for (size_t i = 0; i < N; i++)
        plain[i] = add(d, texts[i]);
    px_deduper_free(d);
    assert_int_equal(plain[2].relation, PX_DUP_NEAR);
    assert_int_equal(plain[4].relation, PX_DUP_EXACT);
    px_dedup_memo *memo = px_dedup_memo_new(0, 0), *tiny = px_dedup_memo_new(1, 0);
    assert_true(memo && tiny);
    /* few keeps the last 2 readings: it drops the older ones as it goes */
    px_dedup_memo *few = px_dedup_memo_new(0, 2);
    assert_non_null(few);
    px_dedup_memo *memos[] = {memo, memo, tiny, few, few};
    for (size_t round = 0; round < 5; round++) {
        d = deduper(NULL);
        px_deduper_use_memo(d, memos[round]);
        for (size_t k = 0; k < N; k++) {
            size_t i = round == 0 ? N - 1 - k : k; /* the memo filled backwards first */
            px_dup_match m = add(d, texts[i]);
            if (round == 0)
                continue;
            assert_int_equal(m.relation, plain[i].relation);
            assert_int_equal(m.group, plain[i].group);
            assert_int_equal(m.matched, plain[i].matched);
            assert_true(m.similarity == plain[i].similarity);
        }
        px_deduper_free(d);
    }
    assert_true(px_dedup_memo_readings(few) > 0 && px_dedup_memo_readings(few) <= 2);
    px_dedup_memo_free(few);
    px_dedup_memo_free(memo);
    px_dedup_memo_free(tiny);
    free(orig);
    free(other);
    free(trimmed);
    free(near);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_copy_ignores_case_and_spacing),
        cmocka_unit_test(test_near_copy_with_ads_and_new_paragraph),
        cmocka_unit_test(test_trimmed_copy_is_contained),
        cmocka_unit_test(test_article_embedded_in_a_page_is_a_copy),
        cmocka_unit_test(test_different_articles_on_one_topic_are_not_copies),
        cmocka_unit_test(test_copy_of_a_copy_joins_the_first_group),
        cmocka_unit_test(test_empty_and_short_bodies),
        cmocka_unit_test(test_window_forgets_old_articles),
        cmocka_unit_test(test_release_keeps_statistics),
        cmocka_unit_test(test_bad_options_are_refused),
        cmocka_unit_test(test_cli_prints_groups),
        cmocka_unit_test(test_written_tokens_find_the_same_copies),
        cmocka_unit_test(test_written_tokens_serve_text_folding_only_capitals),
        cmocka_unit_test(test_memo_changes_no_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
