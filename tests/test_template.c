/* Template text learned from a corpus (src/template.c): lines that recur in
 * several articles of different stories of one outlet go, a story's own
 * repeated facts stay, memory stays bounded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parallax.h"

static const char *const STORIES[] = {
    "Flood waters rose along the Severn River near Gloucester on Monday.",
    "The Bundesbank in Frankfurt cut its growth forecast for Germany.",
    "Voters in Manitoba elect a new premier after a long campaign.",
    "The Lisbon Marathon drew record crowds under a clear sky.",
    "Engineers at Toyota unveiled a hydrogen truck in Nagoya.",
};

static const char *const DETAILS[] = {
    "Sandbags were handed out at the town hall.",
    "Economists had expected a smaller cut.",
    "Turnout was higher than at the last election.",
    "The winner finished in just over two hours.",
    "The truck will go on sale next spring.",
};

static px_article *article(const char *source, const char *body)
{
    px_article *a = px_article_new();
    assert_non_null(a);
    assert_int_equal(px_set_str(&a->body, body), PX_OK);
    if (source)
        assert_int_equal(px_set_str(&a->source, source), PX_OK);
    assert_int_equal(px_set_str(&a->language, "en"), PX_OK);
    return a;
}

/* An article of story k with a template line (its year as given). */
static px_article *templated(const char *source, size_t k, int year)
{
    char body[512];
    snprintf(body, sizeof body,
             "%s\n\n%s\n\n"
             "Copyright %d Harbor Herald. All rights reserved.\n\nAdvertisement Continue reading the main story",
             STORIES[k], DETAILS[k], year);
    return article(source, body);
}

static void free_all(px_article **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        px_article_free(v[i]);
}

static size_t count_reason(const px_article *a, const char *reason)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_removed; i++)
        n += strcmp(a->removed[i].reason, reason) == 0;
    return n;
}

static void test_template_lines_of_one_outlet_go(void **s)
{
    (void)s;
    px_article *v[6];
    for (size_t i = 0; i < 5; i++)
        v[i] = templated("harbor-herald", i, 2014 + (int)i); /* the year differs: numbers are masked */
    v[5] = templated("other-outlet", 0, 2020);
    assert_int_equal(px_templates_clean_all(v, 6, 0), PX_OK);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(count_reason(v[i], "template"), 2);
        assert_null(strstr(v[i]->body, "Copyright"));
        assert_null(strstr(v[i]->body, "Advertisement"));
        assert_non_null(strstr(v[i]->body, STORIES[i]));
        assert_non_null(strstr(v[i]->body, DETAILS[i]));
    }
    /* the same lines in one article of another outlet are its own business */
    assert_int_equal(v[5]->n_removed, 0);
    assert_non_null(strstr(v[5]->body, "Copyright 2020"));
    free_all(v, 6);
}

/* Cleaning a corpus splits each body into sentences once, for learning
 * and for removal alike, and removes what learning every article, then
 * applying to every one, removes. */
static void test_each_body_is_split_once(void **s)
{
    (void)s;
    px_article *v[6], *w[6];
    size_t bytes = 0;
    for (size_t i = 0; i < 6; i++) {
        v[i] = templated("harbor-herald", i % 5, 2014 + (int)i);
        w[i] = templated("harbor-herald", i % 5, 2014 + (int)i);
        bytes += strlen(v[i]->body);
    }
    unsigned long long split0 = px_text_bytes_split();
    assert_int_equal(px_templates_clean_all(v, 6, 0), PX_OK);
    unsigned long long split = px_text_bytes_split() - split0;
    assert_true(split > bytes / 2);
    assert_true(split <= bytes);
    px_templates *t;
    assert_int_equal(px_templates_new(&t, 0), PX_OK);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(px_templates_learn(t, w[i]), PX_OK);
    for (size_t i = 0; i < 6; i++) {
        size_t removed = 0;
        assert_int_equal(px_templates_apply(t, w[i], &removed), PX_OK);
        assert_int_equal(removed, 2);
        assert_string_equal(v[i]->body, w[i]->body);
        assert_int_equal(v[i]->n_removed, w[i]->n_removed);
    }
    px_templates_free(t);
    free_all(v, 6);
    free_all(w, 6);
}

/* One outlet, three articles on one story repeating a background fact: a
 * fact, not a template (every article is of the same story). */
static void test_a_storys_repeated_fact_stays(void **s)
{
    (void)s;
    static const char *const bodies[] = {
        "Rescuers in Baoding County searched the Zhongmengchang well for a third day.\n\n"
        "The well in Baoding was 40 metres deep and had been abandoned for five years.",
        "Crews from Baoding drilled beside the Zhongmengchang well overnight.\n\n"
        "The well in Baoding was 40 metres deep and had been abandoned for five years.",
        "Hope faded in Baoding as the Zhongmengchang rescue went on.\n\n"
        "The well in Baoding was 40 metres deep and had been abandoned for five years.",
    };
    px_article *v[3];
    for (size_t i = 0; i < 3; i++)
        v[i] = article("daily-courier", bodies[i]);
    assert_int_equal(px_templates_clean_all(v, 3, 0), PX_OK);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(v[i]->n_removed, 0);
        assert_non_null(strstr(v[i]->body, "40 metres deep"));
    }
    free_all(v, 3);
}

/* Two articles are not enough, whatever their stories. */
static void test_two_articles_are_not_a_template(void **s)
{
    (void)s;
    px_article *v[2] = {templated("harbor-herald", 0, 2014), templated("harbor-herald", 1, 2015)};
    assert_int_equal(px_templates_clean_all(v, 2, 0), PX_OK);
    assert_int_equal(v[0]->n_removed + v[1]->n_removed, 0);
    free_all(v, 2);
}

/* A sentence of the template inside a paragraph goes; the paragraph's
 * other sentences stay. */
static void test_template_sentence_inside_a_paragraph(void **s)
{
    (void)s;
    px_article *v[5];
    char body[512];
    for (size_t i = 0; i < 5; i++) {
        snprintf(body, sizeof body, "%s Scroll down for video.", STORIES[i]);
        v[i] = article("harbor-herald", body);
    }
    assert_int_equal(px_templates_clean_all(v, 5, 0), PX_OK);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(v[i]->body, STORIES[i]);
        assert_int_equal(count_reason(v[i], "template"), 1);
    }
    free_all(v, 5);
}

/* A page that is all template ends empty, without harm. */
static void test_page_all_template(void **s)
{
    (void)s;
    px_article *v[5];
    for (size_t i = 0; i < 4; i++)
        v[i] = templated("harbor-herald", i, 2014);
    v[4] = article("harbor-herald", "Copyright 2019 Harbor Herald. All rights reserved.\n\n"
                                    "Advertisement Continue reading the main story");
    assert_int_equal(px_templates_clean_all(v, 5, 0), PX_OK);
    assert_string_equal(v[4]->body, "");
    assert_int_equal(count_reason(v[4], "template"), 2);
    free_all(v, 5);
}

/* 100,000 tiny articles from one site, each with a line of its own and one
 * shared line: the table never holds more than its limit, and the shared
 * line is still known at the end. */
static void test_bounded_memory(void **s)
{
    (void)s;
    px_templates *t;
    assert_int_equal(px_templates_new(&t, 1000), PX_OK);
    char body[256];
    for (size_t i = 0; i < 100000; i++) {
        snprintf(body, sizeof body, "Item %zx-%s is in stock.\n\nSign in to see prices.", i * 2654435761u,
                 STORIES[i % 5] + (i % 7));
        px_article *a = article("bulk-shop", body);
        assert_int_equal(px_templates_learn(t, a), PX_OK);
        px_article_free(a);
        assert_true(px_templates_size(t) <= 1000);
    }
    px_article *a = article("bulk-shop", "A new line.\n\nSign in to see prices.");
    assert_int_equal(px_templates_apply(t, a, NULL), PX_OK);
    assert_string_equal(a->body, "A new line.");
    px_article_free(a);
    px_templates_free(t);
}

static int copy_line(const px_template_line *l, void *ud)
{
    return px_templates_restore_line(ud, l);
}

static int copy_outlet(uint64_t outlet, uint32_t articles, void *ud)
{
    return px_templates_restore_outlet(ud, outlet, articles);
}

/* What is learned can be stored and restored (the store's table). */
static void test_restore(void **s)
{
    (void)s;
    px_templates *t, *u;
    assert_int_equal(px_templates_new(&t, 0), PX_OK);
    assert_int_equal(px_templates_new(&u, 0), PX_OK);
    for (size_t i = 0; i < 5; i++) {
        px_article *a = templated("harbor-herald", i, 2014);
        assert_int_equal(px_templates_learn(t, a), PX_OK);
        px_article_free(a);
    }
    assert_int_equal(px_templates_each(t, copy_line, copy_outlet, u), PX_OK);
    assert_int_equal(px_templates_size(u), px_templates_size(t));
    px_article *a = templated("harbor-herald", 2, 2031);
    size_t removed;
    assert_int_equal(px_templates_apply(u, a, &removed), PX_OK);
    assert_int_equal(removed, 2);
    px_article_free(a);
    px_templates_free(t);
    px_templates_free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template_lines_of_one_outlet_go),
        cmocka_unit_test(test_each_body_is_split_once),
        cmocka_unit_test(test_a_storys_repeated_fact_stays),
        cmocka_unit_test(test_two_articles_are_not_a_template),
        cmocka_unit_test(test_template_sentence_inside_a_paragraph),
        cmocka_unit_test(test_page_all_template),
        cmocka_unit_test(test_bounded_memory),
        cmocka_unit_test(test_restore),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
