/* test_store_analysis.c - ingest keeps each touched story's comparison in
 * the store: refreshed once per ingest, skipped with no_analyze, read back
 * as the report schema with the store's fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "store/search_query.h"
#include "testutil.h"

/* Ingests paths with the example outlets; *last_row receives the row of
 * the last article read. */
static px_ingest_stats ingest(px_store *s, const char *const *paths, size_t n, int no_analyze,
                              int64_t *last_row)
{
    px_sources *sources;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_sources_load(&sources, "examples/sources.csv", &err), PX_OK);
    px_read_opts o = {.sources = sources};
    px_ingest_opts io = {.batch = 4, .no_analyze = no_analyze};
    tu_ingest c;
    px_ingest_stats st = tu_ingest_paths(s, paths, n, &o, &io, &c);
    px_sources_free(sources);
    if (last_row)
        *last_row = c.last_row;
    return st;
}

/* The stored report of story, parsed (fails when none is stored). */
static cJSON *stored_report(px_store *s, int64_t story, char **text, char **html)
{
    px_stored_analysis an;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_get_analysis(s, story, &an, &err), PX_OK);
    assert_non_null(an.report);
    cJSON *r = cJSON_Parse(an.report);
    assert_non_null(r);
    if (text)
        *text = px_strdup(an.text);
    if (html)
        *html = px_strdup(an.html);
    px_stored_analysis_free(&an);
    return r;
}

static int size_of(const cJSON *o, const char *key)
{
    return cJSON_GetArraySize(cJSON_GetObjectItem(o, key));
}

static int has_source(const cJSON *report, const char *source)
{
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(report, "articles"))
        if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(a, "source")), source) == 0)
            return 1;
    return 0;
}

static void test_ingest_stores_and_refreshes_analyses(void **state)
{
    (void)state;
    px_store *s;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, ":memory:", 0, &err), PX_OK);

    /* the corpus without one bridge article: three stories, three analyses */
    const char *first[] = {
        "examples/corpus/civic-dispatch--battery-strike.txt", "examples/corpus/civic-dispatch--bridge-victims.txt",
        "examples/corpus/cordillera-radio--comet-discovery.txt", "examples/corpus/liberty-ledger--bridge-cover-up.txt",
        "examples/corpus/liberty-ledger--comet-amateur.txt", "examples/corpus/meridian-times--battery-plant-strike.txt",
        "examples/corpus/meridian-times--new-comet.txt", "examples/corpus/meridian-times--port-alder-inspection.txt",
        "examples/corpus/national-tribune--bridge-repair-cost.txt", "examples/corpus/national-tribune--corran-strike.txt",
        "examples/corpus/wire-feed.jsonl", "examples/corpus/harbor-herald--bridge-collapse.txt"};
    int64_t bridge_row;
    px_ingest_stats st = ingest(s, first, 11, 0, NULL);
    assert_int_equal(st.analyzed, 3);
    assert_int_equal(st.analyzed, st.stories);
    px_store_counts c;
    assert_int_equal(px_store_counts_get(s, &c, &err), PX_OK);
    assert_int_equal(c.analyses, 3);
    /* the bridge story: the one the inspection article went into */
    int64_t bridge = tu_story_of(s, 8);
    cJSON *r = stored_report(s, bridge, NULL, NULL);
    assert_int_equal(size_of(r, "articles"), 5);
    assert_true(size_of(r, "conflicts") > 0);
    assert_true(size_of(r, "quotes") > 0);
    assert_true(size_of(r, "summary") > 0);
    assert_true(size_of(r, "timeline") > 0);
    assert_int_equal(size_of(r, "framing"), size_of(r, "sources"));
    assert_false(has_source(r, "Harbor Herald"));
    cJSON_Delete(r);

    /* one more article into that story: only its analysis is refreshed */
    st = ingest(s, &first[11], 1, 0, &bridge_row);
    assert_int_equal(st.added, 1);
    assert_int_equal(tu_story_of(s, bridge_row), bridge);
    assert_int_equal(st.analyzed, 1);
    char *text, *html;
    r = stored_report(s, bridge, &text, &html);
    assert_int_equal(size_of(r, "articles"), 6);
    assert_true(has_source(r, "Harbor Herald"));
    assert_non_null(strstr(text, "6 articles"));
    assert_non_null(strstr(text, "Summary"));
    assert_non_null(strstr(html, "<html"));
    assert_non_null(strstr(html, "Harbor Herald"));
    cJSON_Delete(r);
    free(text);
    free(html);

    /* with no_analyze the story grows but its analysis stays as it was */
    const char *html_in = "examples/html/harbor-herald--bridge-divers.html";
    int64_t divers_row;
    st = ingest(s, &html_in, 1, 1, &divers_row);
    assert_int_equal(st.added, 1);
    assert_int_equal(st.analyzed, 0);
    assert_int_equal(tu_story_of(s, divers_row), bridge);
    r = stored_report(s, bridge, NULL, NULL);
    assert_int_equal(size_of(r, "articles"), 6);
    cJSON_Delete(r);

    /* an explicit refresh catches up */
    assert_int_equal(px_refresh_analysis(s, bridge, NULL, &err), PX_OK);
    r = stored_report(s, bridge, NULL, NULL);
    assert_int_equal(size_of(r, "articles"), 7);
    cJSON_Delete(r);
    assert_int_equal(px_refresh_analysis(s, 424242, NULL, &err), PX_EUSAGE);
    px_store_close(s);
}

/* The API's story object: the report schema plus the store's fields, with
 * each report article pointing at its stored row. */
static void test_report_story_json(void **state)
{
    (void)state;
    px_store *s;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, ":memory:", 0, &err), PX_OK);
    const char *corpus = "examples/corpus";
    int64_t row;
    ingest(s, &corpus, 1, 0, &row);
    int64_t story = tu_story_of(s, row);
    cJSON *j;
    assert_int_equal(px_report_story_json(s, story, &j, &err), PX_OK);
    assert_non_null(j);
    assert_int_equal((int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "id")), story);
    assert_true(cJSON_IsString(cJSON_GetObjectItem(j, "analyzed_at")));
    assert_true(cJSON_IsArray(cJSON_GetObjectItem(j, "coverage")));
    int n = size_of(j, "articles");
    assert_int_equal(n, (int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "article_count")));
    int found = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(j, "articles")) {
        int64_t r = (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(a, "row"));
        assert_true(r > 0);
        assert_int_equal(tu_story_of(s, r), story);
        found += r == row;
    }
    assert_int_equal(found, 1);
    cJSON_Delete(j);
    assert_int_equal(px_report_story_json(s, 424242, &j, &err), PX_OK);
    assert_null(j);
    px_store_close(s);
}

/* A copy is set aside from the comparison, as `analyze` does, and listed
 * in "duplicates" with the article it copies. */
static void test_copies_point_at_their_original(void **state)
{
    (void)state;
    const char jsonl[] =
        "{\"source\":\"First Outlet\",\"date\":\"2025-05-01\",\"title\":\"Council Approves Harbor Budget\","
        "\"text\":\"The city council approved a harbor budget of 40 million dollars on Thursday. "
        "The mayor said the vote was close. Dock workers welcomed the money for repairs.\"}\n"
        "{\"source\":\"Second Outlet\",\"date\":\"2025-05-02\",\"title\":\"Council Approves Harbor Budget\","
        "\"text\":\"The city council approved a harbor budget of 40 million dollars on Thursday. "
        "The mayor said the vote was close. Dock workers welcomed the money for repairs.\"}\n";
    char *path = tu_write_temp(jsonl, sizeof jsonl - 1, ".jsonl");
    px_store *s;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, ":memory:", 0, &err), PX_OK);
    int64_t last;
    const char *paths[] = {path};
    px_ingest_stats st = ingest(s, paths, 1, 0, &last);
    assert_int_equal(st.copies, 1);
    cJSON *j;
    assert_int_equal(px_report_story_json(s, tu_story_of(s, last), &j, &err), PX_OK);
    /* as analyze does: the copy is set aside, not compared */
    cJSON *arts = cJSON_GetObjectItem(j, "articles");
    assert_int_equal(cJSON_GetArraySize(arts), 1);
    cJSON *orig = cJSON_GetArrayItem(arts, 0);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(orig, "duplicate_of")));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "sources")), 1);
    cJSON *dups = cJSON_GetObjectItem(j, "duplicates");
    assert_int_equal(cJSON_GetArraySize(dups), 1);
    cJSON *copy = cJSON_GetArrayItem(dups, 0);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(copy, "relation")), "exact");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(copy, "source")), "Second Outlet");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(copy, "duplicate_of")),
                        cJSON_GetStringValue(cJSON_GetObjectItem(orig, "id")));
    assert_int_equal((int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(copy, "row")), last);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(copy, "duplicate_of_row")),
                     cJSON_GetNumberValue(cJSON_GetObjectItem(orig, "row")));
    cJSON_Delete(j);
    px_store_close(s);
    unlink(path);
    free(path);
}

/* A schema version 1 database (plain-text reports, no renderings) is
 * migrated on open and its report still reads back. */
static void test_migrates_version_1(void **state)
{
    (void)state;
    char *path = tu_write_temp("", 0, ".db");
    unlink(path);
    px_store *s;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, path, 0, &err), PX_OK);
    px_store_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(px_search_register_tokenizer(db), SQLITE_OK); /* the index's tokenizer */
    assert_int_equal(sqlite3_exec(db,
                                  "ALTER TABLE analyses DROP COLUMN text; ALTER TABLE analyses DROP COLUMN html;"
                                  "ALTER TABLE articles DROP COLUMN dup_relation;"
                                  "DROP TABLE template_outlets; DROP TABLE template_lines;"
                                  "DROP INDEX stories_stale; ALTER TABLE stories DROP COLUMN stale;"
                                  "DROP INDEX articles_by_input_hash; ALTER TABLE articles DROP COLUMN input_hash;"
                                  "DROP TABLE settings;"
                                  "DROP TABLE story_links; DROP TABLE story_evidence;"
                                  "INSERT INTO stories(key, n_articles) VALUES ('00000000000000aa', 1);"
                                  "INSERT INTO stories(key, n_articles) VALUES ('00000000000000bb', 1);"
                                  "INSERT INTO analyses(story_id, report, updated) VALUES "
                                  "(1, '{\"story\":1,\"summary\":[]}', '2025-01-01T00:00:00Z');"
                                  "PRAGMA user_version = 1;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(px_store_open(&s, path, 0, &err), PX_OK);
    px_stored_analysis an;
    assert_int_equal(px_store_get_analysis(s, 1, &an, &err), PX_OK);
    assert_string_equal(an.report, "{\"story\":1,\"summary\":[]}");
    /* version 4: a story without a stored analysis is stale, one with is not */
    int64_t stale;
    assert_int_equal(px_store_story_stale(s, 1, &stale, &err), PX_OK);
    assert_int_equal(stale, 0);
    assert_int_equal(px_store_story_stale(s, 2, &stale, &err), PX_OK);
    assert_true(stale > 0);
    assert_null(an.text);
    assert_null(an.html);
    px_stored_analysis_free(&an);
    px_store_close(s);
    char side[300];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-ingest.lock", path);
    unlink(side);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ingest_stores_and_refreshes_analyses),
        cmocka_unit_test(test_report_story_json),
        cmocka_unit_test(test_copies_point_at_their_original),
        cmocka_unit_test(test_migrates_version_1),
    };
    return cmocka_run_group_tests_name("store_analysis", tests, NULL, NULL);
}
