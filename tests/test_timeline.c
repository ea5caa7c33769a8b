/* test_timeline.c - date expressions resolved against the article date,
 * and the timeline of real stories (seeds, example corpus). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Resolves the first date expression of text; returns its mention. */
static px_date_mention first_date(const char *text, const char *ref)
{
    px_date_mentions m = {0};
    assert_int_equal(px_find_dates(text, strlen(text), ref, &m), PX_OK);
    if (m.n == 0)
        fail_msg("no date found in: %s", text);
    px_date_mention d = m.v[0];
    px_date_mentions_free(&m);
    return d;
}

static void expect(const char *text, const char *ref, const char *date, px_date_grain grain, int future)
{
    px_date_mention d = first_date(text, ref);
    if (strcmp(d.date, date) != 0 || d.grain != grain || d.future != future)
        fail_msg("%s (ref %s): got %s %s future=%d, want %s %s future=%d", text, ref, d.date,
                 px_date_grain_name(d.grain), d.future, date, px_date_grain_name(grain), future);
}

static void test_weekdays_resolve_to_the_past_unless_the_verb_looks_ahead(void **s)
{
    (void)s;
    /* The example corpus: the bridge fell on Tuesday 2025-03-04. */
    expect("The bridge collapsed at 6:12 a.m. on Tuesday.", "2025-03-04", "2025-03-04", PX_GRAIN_DAY, 0);
    expect("Most were on their way to work when it fell early Tuesday.", "2025-03-05", "2025-03-04",
           PX_GRAIN_DAY, 0);
    expect("The governor's office said a decision was expected by Friday.", "2025-03-06", "2025-03-07",
           PX_GRAIN_DAY, 1);
    expect("A temporary ferry service would begin Monday.", "2025-03-06", "2025-03-10", PX_GRAIN_DAY, 1);
    expect("A federal mediator will meet separately with Corran Energy Systems and the union "
           "representing workers at its Millbrook battery plant on Wednesday.",
           "2025-03-04", "2025-03-05", PX_GRAIN_DAY, 1);
    expect("The strike began at 12:01 a.m. Sunday.", "2025-03-04", "2025-03-02", PX_GRAIN_DAY, 0);
}

static void test_relative_periods(void **s)
{
    (void)s;
    expect("The authority closed one lane last week.", "2025-03-04", "2025-02-24", PX_GRAIN_WEEK, 0);
    expect("Bids are due next week.", "2025-03-06", "2025-03-10", PX_GRAIN_WEEK, 1);
    expect("It hired a contractor last year.", "2025-03-04", "2024-01-01", PX_GRAIN_YEAR, 0);
    expect("Engineers warned two years ago that the bearings were corroding.", "2025-03-06", "2023-01-01",
           PX_GRAIN_YEAR, 0);
    expect("The work was completed in November.", "2025-03-05", "2024-11-01", PX_GRAIN_MONTH, 0);
    expect("Officials met yesterday.", "2023-11-01", "2023-10-31", PX_GRAIN_DAY, 0);
    expect("It happened three days ago.", "2024-03-01", "2024-02-27", PX_GRAIN_DAY, 0);
}

static void test_absolute_dates(void **s)
{
    (void)s;
    expect("Hamas attacked Israel on Oct. 7, killing about 1,200 people.", "2023-10-31", "2023-10-07",
           PX_GRAIN_DAY, 0);
    expect("the brutal attack on October 7th", "2023-10-31", "2023-10-07", PX_GRAIN_DAY, 0);
    expect("In February 2023 the talks stalled.", "2024-05-01", "2023-02-01", PX_GRAIN_MONTH, 0);
    expect("It was signed on 7 October 2023.", NULL, "2023-10-07", PX_GRAIN_DAY, 0);
    expect("The bridge opened in 1961.", NULL, "1961-01-01", PX_GRAIN_YEAR, 0);
    /* A day and month in December read in January belong to the year before. */
    expect("The memo was written on Dec. 20.", "2024-01-10", "2023-12-20", PX_GRAIN_DAY, 0);
}

static void test_undated_articles_and_look_alikes(void **s)
{
    (void)s;
    px_date_mention d = first_date("Ten years ago, this telescope did not exist.", NULL);
    assert_string_equal(d.date, "");
    assert_true(d.relative);
    /* Without a reference date "Oct. 6" stays unresolved, and the comma after
     * it is not part of it. */
    const char *undated = "On Oct. 6, officials met.";
    d = first_date(undated, NULL);
    assert_string_equal(d.date, "");
    assert_int_equal(d.end - d.start, strlen("Oct. 6"));
    px_date_mentions m = {0};
    const char *plain = "Officials may decide to march on. Section 4 bearings failed. The 1,200 workers struck.";
    assert_int_equal(px_find_dates(plain, strlen(plain), "2025-03-04", &m), PX_OK);
    assert_int_equal(m.n, 0);
    assert_int_equal(px_find_dates("", 0, "not a date", &m), PX_OK);
    assert_int_equal(m.n, 0);
    px_date_mentions_free(&m);
}

static void test_seed_timeline_has_october_7(void **s)
{
    (void)s;
    tu_result r;
    const char *dir = tu_shared("seeds");
    px_story_text *st = tu_read_story(&r, &dir, 1, NULL);
    px_timeline t;
    assert_int_equal(px_timeline_build(st, &t, NULL), PX_OK);
    int found = 0;
    for (size_t i = 0; i < t.n; i++) {
        if (i > 0)
            assert_true(strcmp(t.events[i - 1].date, t.events[i].date) <= 0);
        assert_true(t.events[i].n_sources >= 1);
        if (strcmp(t.events[i].date, "2023-10-07") == 0 && t.events[i].grain == PX_GRAIN_DAY)
            found = 1;
    }
    assert_true(found);
    px_timeline_free(&t);
    px_story_text_free(st);
    tu_result_free(&r);
}

static void test_example_bridge_timeline(void **s)
{
    (void)s;
    px_sources *src = NULL;
    assert_int_equal(px_sources_load(&src, "examples/sources.csv", NULL), PX_OK);
    const char *paths[] = {"examples/corpus/harbor-herald--bridge-collapse.txt",
                           "examples/corpus/national-tribune--bridge-repair-cost.txt",
                           "examples/corpus/meridian-times--port-alder-inspection.txt"};
    tu_result r;
    px_story_text *st = tu_read_story(&r, paths, 3, src);
    px_timeline t;
    assert_int_equal(px_timeline_build(st, &t, NULL), PX_OK);
    int collapse = 0, jan5 = 0, ferry = 0;
    for (size_t i = 0; i < t.n; i++) {
        const px_timeline_event *ev = &t.events[i];
        if (strcmp(ev->date, "2025-03-04") == 0 && strstr(ev->text, "collapsed"))
            collapse = 1;
        if (strcmp(ev->date, "2025-01-05") == 0)
            jan5 = 1;
        if (strcmp(ev->date, "2025-03-10") == 0 && ev->future && strstr(ev->text, "ferry"))
            ferry = 1;
    }
    assert_true(collapse);
    assert_true(jan5);
    assert_true(ferry);
    px_timeline_free(&t);
    px_story_text_free(st);
    tu_result_free(&r);
    px_sources_free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekdays_resolve_to_the_past_unless_the_verb_looks_ahead),
        cmocka_unit_test(test_relative_periods),
        cmocka_unit_test(test_absolute_dates),
        cmocka_unit_test(test_undated_articles_and_look_alikes),
        cmocka_unit_test(test_seed_timeline_has_october_7),
        cmocka_unit_test(test_example_bridge_timeline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
