/* test_links.c - related stories across languages (parallax/links.h): the
 * name form, the evidence keys, the link score and its threshold, the
 * store's text form of the evidence, and `parallax analyze` linking the
 * German and French examples to the English stories of the same events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <cjson/cJSON.h>

#include "store/analysis_internal.h"
#include "store/queries.h"
#include "store/store_internal.h"

#include "testutil.h"

static void expect_fold(const char *in, const char *want)
{
    char *f = px_fold_name(in, strlen(in));
    assert_non_null(f);
    assert_string_equal(f, want);
    free(f);
}

static void test_name_form_folds_case_marks_and_letters(void **s)
{
    (void)s;
    expect_fold("Tillman-Brücke", "tillman brucke");
    expect_fold("Élodie  Ferrand", "elodie ferrand");
    expect_fold("Straße", "strasse");
    expect_fold("Søren Ødegård", "soren odegard");
    expect_fold("Łukasz Wałęsa", "lukasz walesa");
    expect_fold("O'Neill’s", "o neill s");
    expect_fold("", "");
}

static void test_name_keys(void **s)
{
    (void)s;
    /* a person by surname, whatever the title or accents */
    uint64_t voss = px_evidence_name_key("Elena Voss", 1);
    assert_true(voss != 0);
    assert_true(voss == px_evidence_name_key("Voss", 1));
    assert_true(voss == px_evidence_name_key("Eléna VOSS", 1));
    assert_int_equal(PX_EVIDENCE_KIND(voss), PX_EVIDENCE_NAME);
    /* organisations and places by their whole name */
    uint64_t port = px_evidence_name_key("Port Alder", 0);
    assert_true(port != 0 && port != px_evidence_name_key("Alder", 0));
    /* a country or big city alone is too common to tell events apart */
    assert_true(px_evidence_name_key("Canada", 0) == 0);
    assert_true(px_evidence_name_key("Germany", 0) == 0);
    assert_true(px_evidence_name_key("London", 0) == 0);
    /* but a rare one-word name counts, and a short one never */
    assert_true(px_evidence_name_key("Millbrook", 0) != 0);
    assert_true(px_evidence_name_key("Li", 1) == 0);
}

static int cmp_key(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* Evidence with names, figures and dates given as small numbers, each made
 * a key of its kind. */
static px_story_evidence evidence(const char *lang, long first, long last, const unsigned *names, size_t nn,
                                  const unsigned *numbers, size_t nu, const unsigned *dates, size_t nd)
{
    px_story_evidence e = {.first_day = first, .last_day = last};
    snprintf(e.lang, sizeof e.lang, "%s", lang);
    e.keys = calloc(nn + nu + nd + 1, sizeof *e.keys);
    assert_non_null(e.keys);
    for (size_t i = 0; i < nn; i++)
        e.keys[e.n++] = ((uint64_t)PX_EVIDENCE_NAME << 62) | names[i];
    for (size_t i = 0; i < nu; i++)
        e.keys[e.n++] = ((uint64_t)PX_EVIDENCE_NUMBER << 62) | numbers[i];
    for (size_t i = 0; i < nd; i++)
        e.keys[e.n++] = ((uint64_t)PX_EVIDENCE_DATE << 62) | dates[i];
    qsort(e.keys, e.n, sizeof *e.keys, cmp_key); /* as px_story_evidence_build leaves them */
    return e;
}

/* Linking looks only at stories within the window of each other in date
 * order (time linear in the stories, not quadratic): it must accept exactly
 * the pairs that scoring every pair accepts, undated stories none. */
static void test_linking_in_date_order_equals_every_pair(void **s)
{
    (void)s;
    enum { N = 240, POOL = 40 };
    static const char *const langs[] = {"en", "de", "fr"};
    px_story_evidence ev[N];
    const char *titles[N];
    unsigned seed = 12345;
    for (size_t i = 0; i < N; i++) {
        unsigned names[6], figures[3];
        for (size_t k = 0; k < 6; k++)
            names[k] = (seed = seed * 1103515245u + 12345u) >> 16 & 0xFFFF, names[k] %= POOL;
        for (size_t k = 0; k < 3; k++)
            figures[k] = ((seed = seed * 1103515245u + 12345u) >> 16) % POOL;
        long first = 100 + (long)(((seed = seed * 1103515245u + 12345u) >> 16) % 60);
        long span = (long)(((seed = seed * 1103515245u + 12345u) >> 16) % 5);
        int undated = i % 17 == 0;
        ev[i] = evidence(langs[i % 3], undated ? PX_NO_DAY : first, undated ? PX_NO_DAY : first + span, names, 6,
                         figures, 3, NULL, 0);
        titles[i] = langs[i % 3];
    }
    px_story_links links[N];
    memset(links, 0, sizeof links);
    assert_int_equal(px_link_stories(ev, titles, N, links), PX_OK);
    px_link_df df;
    assert_int_equal(px_link_df_build(ev, N, &df), PX_OK);
    size_t accepted = 0, found = 0;
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j++) {
            if (i == j)
                continue;
            px_link_detail d;
            px_story_link_score(&ev[i], &ev[j], &df, &d);
            int want = px_story_link_accept(&d), have = 0;
            for (size_t k = 0; k < links[i].n; k++)
                have |= links[i].v[k].story == (int64_t)j + 1;
            assert_int_equal(want, have);
            accepted += (size_t)want;
        }
    for (size_t i = 0; i < N; i++) {
        found += links[i].n;
        if (ev[i].first_day == PX_NO_DAY)
            assert_int_equal(links[i].n, 0);
        px_story_links_free(&links[i]);
        px_story_evidence_free(&ev[i]);
    }
    assert_int_equal(found, accepted);
    assert_true(accepted > 0);
    px_link_df_free(&df);
}

static void test_link_score_and_threshold(void **s)
{
    (void)s;
    static const unsigned n3[] = {1, 2, 3}, n1[] = {1}, f4[] = {10, 11, 12, 13}, f1[] = {10},
                          d3[] = {20, 21, 22};
    px_story_evidence en = evidence("en", 100, 102, n3, 3, f4, 4, d3, 3);
    px_link_detail d;

    /* two names and two figures: a link (1 + 1 + 1 + 1 = 4) */
    static const unsigned n2[] = {1, 2}, f2[] = {10, 11};
    px_story_evidence de = evidence("de", 101, 101, n2, 2, f2, 2, NULL, 0);
    assert_true(px_story_link_score(&en, &de, NULL, &d) == 4.0);
    assert_int_equal(d.names, 2);
    assert_int_equal(d.numbers, 2);
    assert_true(px_story_link_accept(&d));
    px_story_evidence_free(&de);
    /* ... two names and one figure: 3, below the threshold */
    de = evidence("de", 101, 101, n2, 2, f1, 1, NULL, 0);
    assert_true(px_story_link_score(&en, &de, NULL, &d) == 3.0);
    assert_false(px_story_link_accept(&d));
    px_story_evidence_free(&de);

    /* figures and dates without a name are no link, however many */
    px_story_evidence fr = evidence("fr", 103, 104, NULL, 0, f4, 4, d3, 3);
    assert_true(px_story_link_score(&en, &fr, NULL, &d) == 5.0); /* 4 + dates capped at 1 */
    assert_int_equal(d.dates, 3);
    assert_false(px_story_link_accept(&d));
    px_story_evidence_free(&fr);

    /* one name, two figures and two dates: 1 + 2 + 1 = 4 */
    px_story_evidence es = evidence("es", 100, 100, n1, 1, f2, 2, d3, 2);
    assert_true(px_story_link_score(&en, &es, NULL, &d) == 4.0);
    assert_true(px_story_link_accept(&d));
    /* ... one name, one figure and the dates: 3 */
    px_story_evidence es2 = evidence("es", 100, 100, n1, 1, f1, 1, d3, 3);
    assert_true(px_story_link_score(&en, &es2, NULL, &d) == 3.0);
    assert_false(px_story_link_accept(&d));
    px_story_evidence_free(&es2);

    /* one language: never a link, whatever it shares */
    px_story_evidence en2 = evidence("en", 100, 102, n3, 3, f4, 4, d3, 3);
    assert_true(px_story_link_score(&en, &en2, NULL, &d) == 0);
    assert_false(px_story_link_accept(&d));
    px_story_evidence_free(&en2);

    /* published more than the window apart, or undated: no link */
    px_story_evidence late = evidence("de", 102 + PX_LINK_WINDOW_DAYS + 1, 120, n3, 3, f4, 4, NULL, 0);
    assert_true(px_story_link_score(&en, &late, NULL, &d) == 0);
    px_story_evidence edge = evidence("de", 102 + PX_LINK_WINDOW_DAYS, 120, n3, 3, NULL, 0, NULL, 0);
    assert_true(px_story_link_score(&en, &edge, NULL, &d) == 3.0); /* counted, though not a link */
    px_story_evidence undated = evidence("de", PX_NO_DAY, PX_NO_DAY, n3, 3, f4, 4, NULL, 0);
    assert_true(px_story_link_score(&en, &undated, NULL, &d) == 0);
    px_story_evidence_free(&late);
    px_story_evidence_free(&edge);
    px_story_evidence_free(&undated);

    /* the pairs of a set: each side lists the other */
    px_story_evidence set[] = {en, es};
    const char *titles[] = {"Bridge", "Puente"};
    px_story_links links[2] = {{0}};
    assert_int_equal(px_link_stories(set, titles, 2, links), PX_OK);
    assert_int_equal(links[0].n, 1);
    assert_int_equal(links[0].v[0].story, 2);
    assert_string_equal(links[0].v[0].lang, "es");
    assert_string_equal(links[0].v[0].title, "Puente");
    assert_int_equal(links[1].n, 1);
    assert_int_equal(links[1].v[0].story, 1);
    char langs[32];
    px_story_links_languages(&links[0], langs, sizeof langs);
    assert_string_equal(langs, "es");
    px_story_links_free(&links[0]);
    px_story_links_free(&links[1]);
    px_story_evidence_free(&es);
    px_story_evidence_free(&en);
}

/* n distinct small numbers from first: names or figures for evidence(). */
static void run_of(unsigned *v, size_t n, unsigned first)
{
    for (size_t i = 0; i < n; i++)
        v[i] = first + (unsigned)i;
}

static void test_link_weighs_keys_by_rarity(void **s)
{
    (void)s;
    enum { N = 30 };
    /* two stories of one event share two names, a figure and two dates: 4
     * points when every key weighs 1 */
    static const unsigned names[] = {1, 2}, fig[] = {10}, days[] = {20, 21};
    px_story_evidence set[N];
    set[0] = evidence("en", 100, 100, names, 2, fig, 1, days, 2);
    set[1] = evidence("de", 100, 100, names, 2, fig, 1, days, 2);
    px_link_detail d;
    px_story_link_score(&set[0], &set[1], NULL, &d);
    assert_true(d.score == 4.0 && px_story_link_accept(&d));
    /* ... but the names are a head of state's and a capital's, carried by
     * every other story too (published later: none of them links) */
    for (size_t i = 2; i < N; i++)
        set[i] = evidence("fr", 500, 500, names, 2, NULL, 0, NULL, 0);
    px_link_df df;
    assert_int_equal(px_link_df_build(set, N, &df), PX_OK);
    assert_int_equal(df.stories, N);
    double common = px_link_key_weight(&df, set[0].keys[0]);
    /* ln((30 + 20) / 30) / ln 12 */
    assert_true(common > 0.2 && common < 0.21);
    assert_true(px_link_key_weight(&df, ((uint64_t)PX_EVIDENCE_NUMBER << 62) | 10) == 1.0); /* in 2 */
    assert_true(px_link_key_weight(&df, ((uint64_t)PX_EVIDENCE_NAME << 62) | 99) == 1.0);   /* in none */
    assert_true(px_link_key_weight(NULL, set[0].keys[0]) == 1.0);
    px_story_link_score(&set[0], &set[1], &df, &d);
    assert_int_equal(d.names, 2); /* still shared, still counted */
    assert_true(d.score < 2.5 && !px_story_link_accept(&d));
    const char *titles[N] = {0};
    px_story_links links[N];
    memset(links, 0, sizeof links);
    assert_int_equal(px_link_stories(set, titles, N, links), PX_OK);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(links[i].n, 0);
    px_link_df_free(&df);

    /* the same pair sharing two names only they carry links */
    static const unsigned rare[] = {3, 4};
    px_story_evidence_free(&set[0]);
    px_story_evidence_free(&set[1]);
    set[0] = evidence("en", 100, 100, rare, 2, fig, 1, days, 2);
    set[1] = evidence("de", 100, 100, rare, 2, fig, 1, days, 2);
    assert_int_equal(px_link_stories(set, titles, N, links), PX_OK);
    assert_int_equal(links[0].n, 1);
    assert_int_equal(links[0].v[0].story, 2);
    assert_true(links[0].v[0].score == 4.0);
    for (size_t i = 0; i < N; i++) {
        px_story_links_free(&links[i]);
        px_story_evidence_free(&set[i]);
    }

    /* among a few stories a key cannot be told common: shared by two of
     * seven it weighs 1 */
    px_story_evidence few[7];
    for (size_t i = 0; i < 7; i++)
        few[i] = evidence(i ? "de" : "en", 100, 100, rare, i < 2 ? 2 : 0, NULL, 0, NULL, 0);
    assert_int_equal(px_link_df_build(few, 7, &df), PX_OK);
    assert_true(px_link_key_weight(&df, few[0].keys[0]) == 1.0);
    px_link_df_free(&df);
    for (size_t i = 0; i < 7; i++)
        px_story_evidence_free(&few[i]);
}

static void test_link_needs_a_share_of_the_smaller_story(void **s)
{
    (void)s;
    unsigned big_a[40], big_b[40], small[8];
    run_of(big_a, 40, 1);   /* names 1..40 */
    run_of(big_b, 40, 37);  /* names 37..76: four shared with big_a */
    run_of(small, 8, 37);   /* names 37..44: the same four shared */
    static const unsigned days[] = {20, 21};
    px_story_evidence a = evidence("en", 100, 100, big_a, 40, NULL, 0, days, 2);
    px_story_evidence b = evidence("de", 100, 100, big_b, 40, NULL, 0, days, 2);
    px_link_detail d;
    /* four names and the dates: 5 points, but 4 of 40 is a tenth of
     * either story's names: two long stories that meet by chance */
    px_story_link_score(&a, &b, NULL, &d);
    assert_true(d.score == 5.0);
    assert_true(d.share == 0.1);
    assert_false(px_story_link_accept(&d));
    /* the same four names are half of a short story's */
    px_story_evidence c = evidence("fr", 100, 100, small, 8, NULL, 0, days, 2);
    px_story_link_score(&a, &c, NULL, &d);
    assert_true(d.score == 5.0 && d.share == 0.5);
    assert_true(px_story_link_accept(&d));
    /* dates are no part of the share: a story with none but dates shares nothing */
    px_story_evidence dates_only = evidence("es", 100, 100, NULL, 0, NULL, 0, days, 2);
    px_story_link_score(&a, &dates_only, NULL, &d);
    assert_true(d.share == 0.0 && !px_story_link_accept(&d));
    /* two names, a figure and one date: 3.5, just enough */
    static const unsigned n2[] = {1, 2}, f1[] = {90}, d1[] = {20};
    px_story_evidence x = evidence("en", 100, 100, n2, 2, f1, 1, d1, 1);
    px_story_evidence y = evidence("de", 100, 100, n2, 2, f1, 1, d1, 1);
    px_story_link_score(&x, &y, NULL, &d);
    assert_true(d.score == PX_LINK_THRESHOLD && px_story_link_accept(&d));
    px_story_evidence_free(&a);
    px_story_evidence_free(&b);
    px_story_evidence_free(&c);
    px_story_evidence_free(&dates_only);
    px_story_evidence_free(&x);
    px_story_evidence_free(&y);
}

static void test_evidence_text_round_trip(void **s)
{
    (void)s;
    static const unsigned n[] = {7, 3}, f[] = {9};
    px_story_evidence e = evidence("de", 20150, 20152, n, 2, f, 1, NULL, 0);
    char *text = px_story_evidence_to_text(&e);
    assert_non_null(text);
    px_story_evidence back;
    assert_int_equal(px_story_evidence_parse(text, &back), PX_OK);
    assert_string_equal(back.lang, "de");
    assert_int_equal(back.first_day, 20150);
    assert_int_equal(back.last_day, 20152);
    assert_int_equal(back.n, 3);
    px_link_detail d;
    /* the same keys, so sorted alike: everything shared with an "en" copy */
    px_story_evidence en = back;
    memcpy(en.lang, "en", 3);
    px_story_link_score(&e, &en, NULL, &d);
    assert_int_equal(d.names, 2);
    assert_int_equal(d.numbers, 1);
    free(text);
    px_story_evidence_free(&back);
    px_story_evidence_free(&e);

    px_story_evidence undated = evidence("fr", PX_NO_DAY, PX_NO_DAY, NULL, 0, NULL, 0, NULL, 0);
    text = px_story_evidence_to_text(&undated);
    assert_string_equal(text, "fr - -");
    assert_int_equal(px_story_evidence_parse(text, &back), PX_OK);
    assert_true(back.first_day == PX_NO_DAY && back.n == 0);
    free(text);
    px_story_evidence_free(&undated);
    assert_int_equal(px_story_evidence_parse("", &back), PX_EFORMAT);
    assert_int_equal(px_story_evidence_parse("de 1 2 zz", &back), PX_EFORMAT);
    /* what could not have been written: a day run into a key, one end
     * dated and not the other, a key with a sign, a day past any story
     * (its differences would overflow) */
    static const char *const bad[] = {"de 12c3 13 ab", "de - 12 ab", "de 12 - ab", "de 1 2 -ab",
                                      "de 1 2 ab+", "de 0 -99999999999999999999 ab"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(px_story_evidence_parse(bad[i], &back), PX_EFORMAT);
}

/* The story of the JSON report whose articles include id, or NULL. */
static cJSON *story_with(cJSON *root, const char *id)
{
    cJSON *st;
    cJSON_ArrayForEach(st, cJSON_GetObjectItem(root, "stories")) {
        cJSON *a;
        cJSON_ArrayForEach(a, cJSON_GetObjectItem(st, "articles")) {
            cJSON *aid = cJSON_GetObjectItem(a, "id");
            if (cJSON_IsString(aid) && strcmp(aid->valuestring, id) == 0)
                return st;
        }
    }
    return NULL;
}

static const char *languages_of(cJSON *story, char *buf, size_t cap)
{
    buf[0] = '\0';
    cJSON *also = cJSON_GetObjectItem(story, "also_covered_in");
    cJSON *l;
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(also, "languages")) {
        size_t n = strlen(buf);
        snprintf(buf + n, cap - n, "%s%s", n ? "," : "", l->valuestring);
    }
    return buf;
}

/* A comparison for the links only reads the same evidence as the full
 * one, and leaves what links do not read empty. */
static void test_links_only_comparison_gives_the_same_evidence(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, "examples/xlang", NULL);
    assert_true(r.n >= 2);
    px_error err;
    px_story_report *full, *lean;
    px_compare_opts only = {.links_only = 1};
    assert_int_equal(px_compare_story(r.articles, r.n, NULL, &full, &err), PX_OK);
    assert_int_equal(px_compare_story(r.articles, r.n, &only, &lean, &err), PX_OK);
    px_story_evidence a, b;
    assert_int_equal(px_story_evidence_build(full, &a), PX_OK);
    assert_int_equal(px_story_evidence_build(lean, &b), PX_OK);
    assert_true(a.n > 0);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.keys, b.keys, a.n * sizeof *a.keys);
    assert_string_equal(full->summary.headline.text, lean->summary.headline.text);
    size_t quotes = 0;
    for (size_t i = 0; i < r.n; i++)
        quotes += lean->quotes[i].n;
    assert_int_equal(quotes, 0);
    assert_int_equal(lean->consensus.n_facts, 0);
    px_story_evidence_free(&a);
    px_story_evidence_free(&b);
    px_story_report_free(full);
    px_story_report_free(lean);
    tu_result_free(&r);
}

static void test_analyze_links_the_examples(void **s)
{
    (void)s;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s analyze --json -q examples/corpus examples/xlang", tu_bin());
    int code;
    char *out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    cJSON *root = cJSON_Parse(out);
    free(out);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "stories")), 7);
    char buf[64];
    cJSON *de_bridge = story_with(root, "rheinpost-20250305-brueckeneinsturz");
    cJSON *fr_bridge = story_with(root, "lecho-20250306-pont-tillman");
    cJSON *fr_strike = story_with(root, "lecho-20250304-greve-corran");
    cJSON *de_festival = story_with(root, "rheinpost-20250305-weinfest");
    cJSON *en_bridge = story_with(root, "atlas-20250304-0117");
    cJSON *en_strike = story_with(root, "atlas-20250304-0342");
    assert_true(de_bridge && fr_bridge && fr_strike && de_festival && en_bridge && en_strike);
    /* the bridge in three languages, each listing the two others */
    assert_string_equal(languages_of(en_bridge, buf, sizeof buf), "fr,de");
    assert_string_equal(languages_of(de_bridge, buf, sizeof buf), "en,fr");
    assert_string_equal(languages_of(fr_bridge, buf, sizeof buf), "en,de");
    assert_string_equal(languages_of(fr_strike, buf, sizeof buf), "en");
    assert_string_equal(languages_of(en_strike, buf, sizeof buf), "fr");
    /* the wine festival shares a figure (4.1 %) and days, not the event */
    assert_null(cJSON_GetObjectItem(de_festival, "also_covered_in"));
    /* a link names the story by its number in the report, with its title */
    cJSON *first = cJSON_GetArrayItem(
        cJSON_GetObjectItem(cJSON_GetObjectItem(fr_strike, "also_covered_in"), "stories"), 0);
    assert_int_equal(cJSON_GetObjectItem(first, "story")->valueint,
                     cJSON_GetObjectItem(en_strike, "story")->valueint);
    assert_true(cJSON_GetObjectItem(first, "score")->valuedouble >= PX_LINK_THRESHOLD);
    assert_true(cJSON_IsString(cJSON_GetObjectItem(first, "title")));
    cJSON_Delete(root);

    /* the terminal report says it under the headline */
    snprintf(cmd, sizeof cmd, "%s analyze -q --color never examples/corpus examples/xlang", tu_bin());
    out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "Also covered in: fr, de\n"));
    assert_non_null(strstr(out, "Also covered in: en\n"));
    free(out);

    /* the HTML page says it under the story title */
    char *page = tu_write_temp("", 0, ".html");
    snprintf(cmd, sizeof cmd, "%s analyze -q --html %s examples/corpus examples/xlang", tu_bin(), page);
    free(tu_run(cmd, &code));
    assert_int_equal(code, 0);
    FILE *f = fopen(page, "rb");
    assert_non_null(f);
    static char html[1 << 20];
    size_t n = fread(html, 1, sizeof html - 1, f);
    html[n] = '\0';
    fclose(f);
    unlink(page);
    free(page);
    assert_non_null(strstr(html, "<p class=also-covered>Also covered in: <b>fr, de</b></p>"));
    assert_non_null(strstr(html, "Brückeneinsturz in Port Alder"));

    /* one language: no link and no key */
    snprintf(cmd, sizeof cmd, "%s analyze --json -q examples/corpus", tu_bin());
    out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    assert_null(strstr(out, "also_covered_in"));
    free(out);
}

/* The stored story whose title starts with prefix (0 when none). */
static int64_t story_titled(px_store *s, const char *prefix)
{
    px_story_query q = {.limit = 100};
    cJSON *list = NULL, *st;
    px_error err;
    assert_int_equal(px_store_stories(s, &q, &list, &err), PX_OK);
    int64_t id = 0;
    cJSON_ArrayForEach(st, cJSON_GetObjectItem(list, "stories")) {
        const char *t = cJSON_GetStringValue(cJSON_GetObjectItem(st, "title"));
        if (t && strncmp(t, prefix, strlen(prefix)) == 0)
            id = (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "id"));
    }
    cJSON_Delete(list);
    return id;
}

/* The languages the store links story to, "a,b" ("" for none), and the
 * ids of the linked stories in ids. */
static void stored_links(px_store *s, int64_t story, char *langs, size_t cap, int64_t *ids, size_t *n)
{
    cJSON *links = NULL, *l;
    px_error err;
    assert_int_equal(px_store_story_links(s, story, &links, &err), PX_OK);
    langs[0] = '\0';
    *n = 0;
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(links, "languages")) {
        size_t k = strlen(langs);
        snprintf(langs + k, cap - k, "%s%s", k ? "," : "", l->valuestring);
    }
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(links, "stories"))
        ids[(*n)++] = (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(l, "id"));
    cJSON_Delete(links);
}

static void test_store_links_related_stories_only(void **state)
{
    (void)state;
    char *path = tu_write_temp("", 0, ".db");
    unlink(path);
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(&s, path, 0, &err), PX_OK);
    /* the English stories first, the others in a later ingest: each new
     * story's analysis links it, and the older story sees the link */
    const char *en[] = {"examples/corpus"}, *other[] = {"examples/xlang"};
    tu_ingest_paths(s, en, 1, NULL, NULL, NULL);
    tu_ingest_paths(s, other, 1, NULL, NULL, NULL);
    int64_t en_bridge = story_titled(s, "Tillman Bridge Collapses"), de_bridge = story_titled(s, "Brückeneinsturz"),
            fr_bridge = story_titled(s, "Effondrement du pont"), fr_strike = story_titled(s, "Grève"),
            en_strike = story_titled(s, "Corran Strike"), festival = story_titled(s, "Kesselbach"),
            comet = story_titled(s, "Arizona Backyard");
    assert_true(en_bridge && de_bridge && fr_bridge && fr_strike && en_strike && festival && comet);
    char langs[64];
    int64_t ids[8];
    size_t n;
    stored_links(s, en_bridge, langs, sizeof langs, ids, &n);
    assert_string_equal(langs, "fr,de");
    assert_int_equal(n, 2);
    assert_true((ids[0] == fr_bridge && ids[1] == de_bridge));
    stored_links(s, de_bridge, langs, sizeof langs, ids, &n);
    assert_string_equal(langs, "en,fr");
    stored_links(s, fr_strike, langs, sizeof langs, ids, &n);
    assert_string_equal(langs, "en");
    assert_true(n == 1 && ids[0] == en_strike);
    stored_links(s, festival, langs, sizeof langs, ids, &n);
    assert_string_equal(langs, "");
    stored_links(s, comet, langs, sizeof langs, ids, &n);
    assert_string_equal(langs, "");

    /* analysing a story again makes its links again, not twice */
    assert_int_equal(px_refresh_analysis(s, de_bridge, NULL, &err), PX_OK);
    stored_links(s, en_bridge, langs, sizeof langs, ids, &n);
    assert_int_equal(n, 2);

    /* the API's story object carries them; the report JSON stored does not */
    char *text = NULL;
    assert_int_equal(px_report_story_text(s, de_bridge, &text, &err), PX_OK);
    cJSON *story = cJSON_Parse(text);
    free(text);
    cJSON *also = cJSON_GetObjectItem(story, "also_covered_in");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(also, "stories")), 2);
    cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(also, "stories"), 0);
    assert_int_equal((int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(first, "id")), en_bridge);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(first, "language")), "en");
    cJSON_Delete(story);
    px_stored_analysis an;
    assert_int_equal(px_store_get_analysis(s, de_bridge, &an, &err), PX_OK);
    assert_null(strstr(an.report, "also_covered_in"));
    px_stored_analysis_free(&an);
    px_store_close(s);

    /* `parallax show` prints them under its header line */
    char cmd[1024];
    int code;
    snprintf(cmd, sizeof cmd, "%s show --db %s %lld", tu_bin(), path, (long long)en_bridge);
    char *out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "\nAlso covered in: fr, de\n"));
    assert_non_null(strstr(out, "Brückeneinsturz in Port Alder"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s show --db %s %lld", tu_bin(), path, (long long)festival);
    out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    assert_null(strstr(out, "Also covered in"));
    free(out);

    /* a version 6 store (no evidence, no links) migrates on open; the
     * links come back with the analyses */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "DROP TABLE story_links; DROP TABLE story_evidence; PRAGMA user_version = 6;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(px_store_open(&s, path, 0, &err), PX_OK);
    stored_links(s, en_bridge, langs, sizeof langs, ids, &n);
    assert_string_equal(langs, "");
    assert_int_equal(px_refresh_analysis(s, de_bridge, NULL, &err), PX_OK);
    assert_int_equal(px_refresh_analysis(s, en_bridge, NULL, &err), PX_OK);
    stored_links(s, en_bridge, langs, sizeof langs, ids, &n);
    assert_string_equal(langs, "de"); /* the French story is not analysed again yet */
    px_store_close(s);
    static const char *const side[] = {"", "-wal", "-shm", "-ingest.lock"};
    for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
        char p[600];
        snprintf(p, sizeof p, "%s%s", path, side[i]);
        unlink(p);
    }
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_form_folds_case_marks_and_letters),
        cmocka_unit_test(test_name_keys),
        cmocka_unit_test(test_link_score_and_threshold),
        cmocka_unit_test(test_link_weighs_keys_by_rarity),
        cmocka_unit_test(test_link_needs_a_share_of_the_smaller_story),
        cmocka_unit_test(test_evidence_text_round_trip),
        cmocka_unit_test(test_linking_in_date_order_equals_every_pair),
        cmocka_unit_test(test_links_only_comparison_gives_the_same_evidence),
        cmocka_unit_test(test_analyze_links_the_examples),
        cmocka_unit_test(test_store_links_related_stories_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
