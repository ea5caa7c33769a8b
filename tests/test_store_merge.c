/* test_store_merge.c - the online merge of open stories as the store sees
 * it: an article that bridges two stored stories makes them one (articles
 * moved, the newer story and its analysis removed, the merged story
 * analysed again), with the merge off they stay apart, re-ingesting
 * changes nothing and the removed story's id is a 404 in the API; the
 * batch merge at finish does the same for stories the online pass kept
 * apart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* A crane falls in a harbour; separately, an official resigns; then a
 * report ties the resignation to the crane. */
static const char crane[] =
    "{\"id\":\"crane\",\"source\":\"Northern Ledger\",\"title\":\"Harbour crane collapses in a gale\","
    "\"date\":\"2031-03-02\",\"text\":\"A harbour crane collapsed on Sunday night. Dock workers said the "
    "crane had shaken in the gale for an hour before it fell onto two container barges. Nobody was hurt, "
    "the harbour master said. Engineers began to examine the wreck of the crane at dawn.\"}\n";
static const char resigns[] =
    "{\"id\":\"resigns\",\"source\":\"Coastal Courier\",\"title\":\"Ilse Brannigan resigns\","
    "\"date\":\"2031-03-03\",\"text\":\"Ilse Brannigan resigned on Monday. In a short statement Brannigan "
    "cited unpaid maintenance contracts and a dispute with the city council over the budget. Council "
    "members thanked Brannigan for eleven years of service.\"}\n";
static const char bridge[] =
    "{\"id\":\"bridge\",\"source\":\"Evening Standardbearer\",\"title\":\"Brannigan quits after harbour "
    "crane collapse\",\"date\":\"2031-03-04\",\"text\":\"Ilse Brannigan resigned a day after a harbour "
    "crane collapsed in a gale onto two container barges. Brannigan said the crane had not been "
    "inspected because maintenance contracts were unpaid. Engineers examined the wreck of the crane, "
    "and council members asked Brannigan about the budget.\"}\n";

typedef struct fixture {
    char *db;
    char *first;  /* crane + resigns */
    char *second; /* bridge */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    char both[sizeof crane + sizeof resigns];
    snprintf(both, sizeof both, "%s%s", crane, resigns);
    f->db = tu_write_temp("", 0, ".db");
    unlink(f->db);
    f->first = tu_write_temp(both, strlen(both), ".jsonl");
    f->second = tu_write_temp(bridge, strlen(bridge), ".jsonl");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char side[300];
    unlink(f->db);
    snprintf(side, sizeof side, "%s-wal", f->db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", f->db);
    unlink(side);
    unlink(f->first);
    unlink(f->second);
    free(f->db);
    free(f->first);
    free(f->second);
    free(f);
    return 0;
}

/* Ingests path one article per transaction; rows receives the rows of
 * the first max_rows articles, in input order. */
static px_ingest_stats ingest(const char *db, const char *path, double active_merge, double final_merge,
                               int64_t *rows, size_t max_rows)
{
    px_store *s;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, db, 0, &err), PX_OK);
    px_ingest_opts io = {.batch = 1, .active_merge_threshold = active_merge, .final_merge_threshold = final_merge};
    tu_ingest c;
    px_ingest_stats st = tu_ingest_paths(s, &path, 1, NULL, &io, &c);
    px_store_close(s);
    if (rows)
        memcpy(rows, c.rows, (c.n < max_rows ? c.n : max_rows) * sizeof *rows);
    return st;
}

static px_store_counts counts(const char *db)
{
    px_store *s;
    px_error err;
    px_store_counts c;
    assert_int_equal(px_store_open(&s, db, PX_STORE_READONLY, &err), PX_OK);
    assert_int_equal(px_store_counts_get(s, &c, &err), PX_OK);
    px_store_close(s);
    return c;
}

/* Number of articles the stored analysis of story compares (-1: none). */
static int analysed_articles(px_store *s, int64_t story)
{
    px_stored_analysis an;
    px_error err;
    assert_int_equal(px_store_get_analysis(s, story, &an, &err), PX_OK);
    if (!an.report)
        return -1;
    cJSON *r = cJSON_Parse(an.report);
    assert_non_null(r);
    int n = cJSON_GetArraySize(cJSON_GetObjectItem(r, "articles"));
    cJSON_Delete(r);
    px_stored_analysis_free(&an);
    return n;
}

static int status_of(const char *db, int64_t story)
{
    px_api *api;
    px_error err;
    px_api_opts o = {.db = db, .connections = 1, .max_body = 1024};
    assert_int_equal(px_api_new(&api, &o, &err), PX_OK);
    char target[64];
    snprintf(target, sizeof target, "/api/stories/%lld", (long long)story);
    px_api_response r;
    px_api_handle(api, "GET", target, NULL, NULL, 0, &r);
    int status = r.status;
    if (status == 404)
        assert_non_null(strstr(r.content_type, "application/json"));
    px_api_response_free(&r);
    px_api_free(api);
    return status;
}

static void test_bridging_article_merges_stored_stories(void **state)
{
    fixture *f = *state;
    int64_t first[2], third;
    px_store *s;
    px_error err;

    px_ingest_stats st = ingest(f->db, f->first, 0, 0, first, 2);
    assert_int_equal(st.new_stories, 2);
    assert_int_equal(st.merged, 0);
    assert_int_equal(counts(f->db).analyses, 2);
    assert_int_equal(px_store_open(&s, f->db, PX_STORE_READONLY, &err), PX_OK);
    int64_t older = tu_story_of(s, first[0]), newer = tu_story_of(s, first[1]);
    px_store_close(s);
    assert_true(older > 0 && newer > 0 && older != newer);
    assert_int_equal(status_of(f->db, newer), 200);

    /* a later run: the two stories come back from the store, the bridging
     * article joins one and brings the other within the merge threshold */
    st = ingest(f->db, f->second, 0, 0, &third, 1);
    assert_int_equal(st.added, 1);
    assert_int_equal(st.merged, 1);
    assert_int_equal(st.stories, 1);
    assert_int_equal(st.analyzed, 1);

    assert_int_equal(px_store_open(&s, f->db, PX_STORE_READONLY, &err), PX_OK);
    assert_int_equal(tu_story_of(s, first[0]), older);
    assert_int_equal(tu_story_of(s, first[1]), older);
    assert_int_equal(tu_story_of(s, third), older);
    cJSON *gone;
    assert_int_equal(px_store_story(s, newer, &gone, &err), PX_OK);
    assert_null(gone);
    cJSON *sum;
    assert_int_equal(px_store_story_summary(s, older, &sum, &err), PX_OK);
    assert_non_null(sum);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(sum, "articles")), 3);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(sum, "sources")), 3);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(sum, "first_date")), "2031-03-02");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(sum, "last_date")), "2031-03-04");
    cJSON_Delete(sum);
    /* the merged story's analysis compares all three; the removed one's
     * analysis went with it */
    assert_int_equal(analysed_articles(s, older), 3);
    assert_int_equal(analysed_articles(s, newer), -1);
    px_store_close(s);
    px_store_counts c = counts(f->db);
    assert_int_equal(c.stories, 1);
    assert_int_equal(c.analyses, 1);
    assert_int_equal(c.articles, 3);
    assert_int_equal(status_of(f->db, newer), 404);
    assert_int_equal(status_of(f->db, older), 200);

    /* re-ingesting everything is a no-op */
    st = ingest(f->db, f->first, 0, 0, NULL, 0);
    assert_int_equal(st.added, 0);
    assert_int_equal(st.merged, 0);
    assert_int_equal(st.analyzed, 0);
    st = ingest(f->db, f->second, 0, 0, NULL, 0);
    assert_int_equal(st.added, 0);
    assert_int_equal(st.merged, 0);
    c = counts(f->db);
    assert_int_equal(c.stories, 1);
    assert_int_equal(c.articles, 3);
}

static void test_merge_off_keeps_stories_apart(void **state)
{
    fixture *f = *state;
    int64_t first[2], third;
    px_store *s;
    px_error err;
    ingest(f->db, f->first, -1, -1, first, 2);
    px_ingest_stats st = ingest(f->db, f->second, -1, -1, &third, 1);
    assert_int_equal(st.merged, 0);
    assert_int_equal(px_store_open(&s, f->db, PX_STORE_READONLY, &err), PX_OK);
    int64_t a = tu_story_of(s, first[0]), b = tu_story_of(s, first[1]);
    assert_true(a != b);
    /* the bridging article went to one of the two */
    int64_t c = tu_story_of(s, third);
    assert_true(c == a || c == b);
    px_store_close(s);
    assert_int_equal(counts(f->db).stories, 2);
}

/* With the online merge off, the batch pass at finish finds the two
 * stories the bridging article made close, and the store follows. */
static void test_final_batch_merge(void **state)
{
    fixture *f = *state;
    int64_t first[2], third;
    px_store *s;
    px_error err;
    px_ingest_stats st = ingest(f->db, f->first, -1, 0, first, 2);
    assert_int_equal(st.merged, 0);
    assert_int_equal(counts(f->db).stories, 2);
    st = ingest(f->db, f->second, -1, 0, &third, 1);
    assert_int_equal(st.merged, 1);
    assert_int_equal(st.analyzed, 1);
    assert_int_equal(px_store_open(&s, f->db, PX_STORE_READONLY, &err), PX_OK);
    int64_t story = tu_story_of(s, first[0]);
    assert_int_equal(tu_story_of(s, first[1]), story);
    assert_int_equal(tu_story_of(s, third), story);
    assert_int_equal(analysed_articles(s, story), 3);
    px_store_close(s);
    px_store_counts c = counts(f->db);
    assert_int_equal(c.stories, 1);
    assert_int_equal(c.analyses, 1);
}

/* A follow-up a year on, far outside the clusterer's window: the online
 * pass starts a story of its own, the batch merge at the end of its ingest
 * finds the old story by the words of its title and merges the two; an
 * unrelated story of the same days stays apart. */
static void test_late_follow_up_joins_its_old_story(void **state)
{
    fixture *f = *state;
    static const char old[] =
        "{\"id\":\"p1\",\"source\":\"One\",\"date\":\"2016-04-04\",\"title\":\"Panama Papers leak exposes "
        "offshore companies of world leaders\",\"text\":\"A leak of 11 million files from the Panama law firm "
        "Mossack Fonseca has exposed how world leaders and celebrities hid wealth in offshore companies. The "
        "Panama Papers were obtained by a German newspaper and shared with journalists around the world.\"}\n"
        "{\"id\":\"p2\",\"source\":\"Two\",\"date\":\"2016-04-05\",\"title\":\"What the Panama Papers "
        "reveal about offshore wealth\",\"text\":\"The Panama Papers, 11 million files leaked from the law firm "
        "Mossack Fonseca, show how offshore companies were used by world leaders to hide wealth. Journalists "
        "around the world studied the leak for a year.\"}\n"
        "{\"id\":\"o1\",\"source\":\"Three\",\"date\":\"2016-04-05\",\"title\":\"Storm floods coastal "
        "towns\",\"text\":\"Heavy rain flooded several coastal towns overnight, and rescue crews moved residents "
        "to shelters as the river rose above its banks.\"}\n";
    static const char late[] =
        "{\"id\":\"p3\",\"source\":\"Four\",\"date\":\"2017-05-02\",\"title\":\"A year after the Panama "
        "Papers leak, Mossack Fonseca files still shake world leaders\",\"text\":\"A year after 11 million files "
        "leaked from the Panama law firm Mossack Fonseca exposed offshore companies, world leaders named in the "
        "Panama Papers still face questions about hidden wealth.\"}\n";
    char *first = tu_write_temp(old, strlen(old), ".jsonl"), *second = tu_write_temp(late, strlen(late), ".jsonl");
    int64_t rows[3], follow_up;
    ingest(f->db, first, -1, 0, rows, 3);
    assert_int_equal(counts(f->db).stories, 2);
    px_ingest_stats st = ingest(f->db, second, -1, 0, &follow_up, 1);
    assert_int_equal(st.merged, 1);
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(&s, f->db, PX_STORE_READONLY, &err), PX_OK);
    assert_int_equal(tu_story_of(s, follow_up), tu_story_of(s, rows[0]));
    assert_int_equal(tu_story_of(s, rows[1]), tu_story_of(s, rows[0]));
    assert_true(tu_story_of(s, rows[2]) != tu_story_of(s, rows[0]));
    px_store_close(s);
    assert_int_equal(counts(f->db).stories, 2);
    unlink(first);
    unlink(second);
    free(first);
    free(second);
}

/* All three in one run and one transaction: the story the second article
 * started is merged before it was ever committed. */
static void test_merge_within_one_batch(void **state)
{
    fixture *f = *state;
    char all[sizeof crane + sizeof resigns + sizeof bridge];
    snprintf(all, sizeof all, "%s%s%s", crane, resigns, bridge);
    char *path = tu_write_temp(all, strlen(all), ".jsonl");
    px_store *s;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, f->db, 0, &err), PX_OK);
    px_ingest_opts io = {.batch = 100};
    tu_ingest c = {0};
    assert_int_equal(px_ingest_new(&c.g, s, &io, &err), PX_OK);
    const char *p = path;
    assert_int_equal(px_read_clean_paths(&p, 1, &(px_read_opts){0}, NULL, tu_ingest_add, &c), 0);
    assert_false(c.failed);
    assert_int_equal(px_ingest_finish(c.g, &err), PX_OK);
    const px_ingest_stats *st = px_ingest_stats_of(c.g);
    assert_int_equal(st->merged, 1);
    assert_int_equal(st->stories, 1);
    int64_t touched[2];
    size_t n = 0;
    assert_int_equal(px_ingest_each_touched(c.g, tu_note_story, &(tu_story_list){touched, 2, &n}), PX_OK);
    assert_int_equal(n, 1);
    assert_int_equal(touched[0], tu_story_of(s, c.rows[0]));
    assert_int_equal(tu_story_of(s, c.rows[1]), touched[0]);
    assert_int_equal(tu_story_of(s, c.rows[2]), touched[0]);
    assert_int_equal(analysed_articles(s, touched[0]), 3);
    /* the ingest is over: its clusterer no longer matches the store */
    px_article *late = px_article_new();
    assert_non_null(late);
    assert_int_equal(px_ingest_add(c.g, late, NULL, &err), PX_EUSAGE);
    px_ingest_free(c.g);
    px_store_close(s);
    px_store_counts k = counts(f->db);
    assert_int_equal(k.stories, 1);
    assert_int_equal(k.analyses, 1);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bridging_article_merges_stored_stories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_off_keeps_stories_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_final_batch_merge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_within_one_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_late_follow_up_joins_its_old_story, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
