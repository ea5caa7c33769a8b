/* test_store.c - the SQLite store: schema, idempotent and incremental
 * ingest with stories, search, bad databases, injection attempts and a
 * kill -9 in the middle of an ingest. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>

#include "store/search_query.h"
#include "store/store_internal.h"
#include "testutil.h"

static char *temp_db(void)
{
    char *path = tu_write_temp("", 0, ".db");
    unlink(path);
    return path;
}

static void remove_db(char *path)
{
    char side[300];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-ingest.lock", path);
    unlink(side);
    free(path);
}

static px_store *open_store(const char *path)
{
    px_store *s;
    px_error err;
    px_error_clear(&err);
    int rc = px_store_open(&s, path, 0, &err);
    if (rc)
        fail_msg("%s", err.msg);
    return s;
}

/* Ingests paths with the example sources file; returns the stats. */
static px_ingest_stats ingest_paths(px_store *s, const char *const *paths, size_t n, size_t batch)
{
    px_sources *sources;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_sources_load(&sources, "examples/sources.csv", &err), PX_OK);
    px_read_opts o = {.sources = sources};
    px_ingest_opts io = {.batch = batch};
    px_ingest_stats st = tu_ingest_paths(s, paths, n, &o, &io, NULL);
    px_sources_free(sources);
    return st;
}

static px_store_counts counts(px_store *s)
{
    px_store_counts c;
    px_error err;
    assert_int_equal(px_store_counts_get(s, &c, &err), PX_OK);
    return c;
}

/* Story sizes, largest first, as "6,4,3". */
static void story_sizes(px_store *s, char *out, size_t cap)
{
    cJSON *res, *st;
    px_error err;
    px_story_query q = {0};
    assert_int_equal(px_store_stories(s, &q, &res, &err), PX_OK);
    int sizes[64], n = 0;
    cJSON_ArrayForEach(st, cJSON_GetObjectItem(res, "stories"))
        if (n < 64)
            sizes[n++] = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "articles"));
    cJSON_Delete(res);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (sizes[j] > sizes[i]) {
                int t = sizes[i];
                sizes[i] = sizes[j];
                sizes[j] = t;
            }
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%d", i ? "," : "", sizes[i]);
}

static void test_schema_and_reopen(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    px_store_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), PX_STORE_SCHEMA_VERSION);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    /* A schema from a newer parallax is refused, not altered. */
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, path, 0, &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "newer"));
    assert_non_null(strstr(err.msg, path));
    remove_db(path);
}

static void test_ingest_is_idempotent_and_groups_stories(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    const char *corpus = "examples/corpus";
    px_ingest_stats st = ingest_paths(s, &corpus, 1, 5);
    assert_int_equal(st.seen, 13);
    assert_int_equal(st.added, 13);
    assert_int_equal(st.batches, 3);
    px_store_counts c = counts(s);
    assert_int_equal(c.articles, 13);
    assert_int_equal(c.sources, 7);
    char sizes[128];
    story_sizes(s, sizes, sizeof sizes);
    assert_string_equal(sizes, "6,4,3"); /* the three events of examples/README.md */

    st = ingest_paths(s, &corpus, 1, 5);
    assert_int_equal(st.added, 0);
    assert_int_equal(st.already, 13);
    assert_int_equal(st.stories, 0);
    c = counts(s);
    assert_int_equal(c.articles, 13);
    assert_int_equal(c.stories, 3);
    px_store_close(s);
    remove_db(path);
}

/* Two runs, the second after reopening: the clusterer restored from the
 * store puts the new articles into the stories of the first run. */
static void test_incremental_ingest_continues_stories(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    const char *first[] = {"examples/corpus/harbor-herald--bridge-collapse.txt",
                           "examples/corpus/meridian-times--new-comet.txt",
                           "examples/corpus/civic-dispatch--battery-strike.txt"};
    px_ingest_stats st = ingest_paths(s, first, 3, 500);
    assert_int_equal(st.new_stories, 3);
    px_store_close(s);

    s = open_store(path);
    const char *corpus = "examples/corpus";
    st = ingest_paths(s, &corpus, 1, 500);
    assert_int_equal(st.added, 10);
    assert_int_equal(st.restored, 3);
    assert_int_equal(st.new_stories, 0);
    char sizes[128];
    story_sizes(s, sizes, sizeof sizes);
    assert_string_equal(sizes, "6,4,3");
    px_store_close(s);
    remove_db(path);
}

static void test_article_round_trip(void **state)
{
    (void)state;
    px_store *s = open_store(":memory:");
    px_article *a = px_article_new();
    px_error err;
    px_set_str(&a->source, "Harbor Herald");
    px_set_str(&a->leaning, "center-left");
    px_set_str(&a->title, "A title with 'quotes' and \"more\"");
    px_set_str(&a->body, "First paragraph.\n\nSecond paragraph with ünïcode.");
    px_set_str(&a->date, "2025-03-04");
    px_strlist_push(&a->authors, "Dana Whitfield");
    px_article_add_removal(a, "Subscribe now", 13, "paywall");
    px_set_str(&a->extra_json, "{\"section\":\"U.S. News\"}");
    px_article_compute_id(a);
    int64_t row;
    int added;
    assert_int_equal(px_store_begin(s, &err), PX_OK);
    assert_int_equal(px_store_add_article(s, a, &row, &added, &err), PX_OK);
    assert_int_equal(added, 1);
    assert_int_equal(px_store_commit(s, &err), PX_OK);
    px_article *b;
    assert_int_equal(px_store_get_article(s, row, &b, &err), PX_OK);
    assert_non_null(b);
    char *ja = px_article_to_json(a), *jb = px_article_to_json(b);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);
    px_article_free(b);
    assert_int_equal(px_store_get_article(s, row + 1, &b, &err), PX_OK);
    assert_null(b);
    px_article_free(a);
    px_store_close(s);
}

static px_store *example_store(char **path)
{
    *path = temp_db();
    px_store *s = open_store(*path);
    const char *corpus = "examples/corpus";
    ingest_paths(s, &corpus, 1, 500);
    return s;
}

static int search_total(px_store *s, const char *q, const char *source, const char *since, int *rc)
{
    px_search_query sq = {.q = q, .source = source, .since = since};
    cJSON *res = NULL;
    px_error err;
    px_error_clear(&err);
    *rc = px_store_search(s, &sq, &res, &err);
    int total = res ? (int)cJSON_GetNumberValue(cJSON_GetObjectItem(res, "total")) : -1;
    cJSON_Delete(res);
    return total;
}

static void test_search(void **state)
{
    (void)state;
    char *path;
    px_store *s = example_store(&path);
    px_search_query q = {.q = "collapsed bridge", .limit = 3};
    cJSON *res;
    px_error err;
    assert_int_equal(px_store_search(s, &q, &res, &err), PX_OK);
    cJSON *hits = cJSON_GetObjectItem(res, "results");
    assert_true(cJSON_GetArraySize(hits) == 3);
    const char *snippet = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(hits, 0), "snippet"));
    assert_non_null(strstr(snippet, "<mark>"));
    /* porter stemming: "collapsed" matches "collapse" and "collapses" */
    assert_non_null(strstr(snippet, "</mark>"));
    cJSON_Delete(res);

    int rc;
    int all = search_total(s, "comet", NULL, NULL, &rc);
    assert_int_equal(rc, PX_OK);
    assert_int_equal(all, 3);
    assert_int_equal(search_total(s, "comet", "Liberty Ledger", NULL, &rc), 1);
    assert_int_equal(search_total(s, "comet", "meridian-times", NULL, &rc), 1);
    assert_int_equal(search_total(s, "comet", NULL, "2025-03-04", &rc), 1);
    assert_int_equal(search_total(s, "comet", NULL, "not a date", &rc), -1);
    assert_int_equal(rc, PX_EUSAGE);
    assert_int_equal(search_total(s, "title:comet", NULL, NULL, &rc), 2);
    assert_int_equal(search_total(s, "\"unterminated", NULL, NULL, &rc), -1);
    assert_int_equal(rc, PX_EUSAGE);
    px_store_close(s);
    remove_db(path);
}

/* Filters and queries are bound parameters: SQL in them is text to match,
 * FTS syntax junk is a usage error, and the tables stay intact. */
static void test_injection_does_nothing(void **state)
{
    (void)state;
    char *path;
    px_store *s = example_store(&path);
    static const char *attacks[] = {
        "'; DROP TABLE articles; --", "\"; DROP TABLE articles; --", "bridge' OR '1'='1",
        "*", "NEAR(", "a AND", "OR OR", "\"", "'", ")", "^", "articles_fts:x", "x:y",
        "1; DELETE FROM stories", "bridge) OR (1=1", "\x01\x02", "col:", "NOT",
    };
    for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
        int rc;
        search_total(s, attacks[i], NULL, NULL, &rc);
        assert_true(rc == PX_OK || rc == PX_EUSAGE);
        assert_int_equal(search_total(s, "bridge", attacks[i], NULL, &rc), 0);
        assert_int_equal(rc, PX_OK);
        search_total(s, "bridge", NULL, attacks[i], &rc);
        assert_true(rc == PX_OK || rc == PX_EUSAGE);
        px_story_query sq = {.q = attacks[i], .since = attacks[i]};
        cJSON *res = NULL;
        px_error err;
        rc = px_store_stories(s, &sq, &res, &err);
        assert_true(rc == PX_OK || rc == PX_EUSAGE);
        cJSON_Delete(res);
    }
    px_store_counts c = counts(s);
    assert_int_equal(c.articles, 13);
    assert_int_equal(c.stories, 3);
    int rc;
    assert_int_equal(search_total(s, "bridge", NULL, NULL, &rc), 6);
    px_store_close(s);
    remove_db(path);
}

/* A story of undated articles is not dated by when it was ingested: its
 * dates are null and it lists after the dated stories. */
static void test_undated_story_lists_last(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    static const char jsonl[] =
        "{\"id\":\"u1\",\"source\":\"One\",\"title\":\"Orchard frost\",\"text\":\"A late frost damaged "
        "apple orchards across the valley, growers said.\"}\n"
        "{\"id\":\"d1\",\"source\":\"Two\",\"date\":\"2016-03-01\",\"title\":\"Harbour dredging\","
        "\"text\":\"The port authority began dredging the harbour channel on Tuesday.\"}\n";
    char *file = tu_write_temp(jsonl, strlen(jsonl), ".jsonl");
    const char *paths[] = {file};
    px_ingest_opts io = {.no_analyze = 1};
    tu_ingest_paths(s, paths, 1, NULL, &io, NULL);
    px_story_query q = {0};
    cJSON *res;
    px_error err;
    assert_int_equal(px_store_stories(s, &q, &res, &err), PX_OK);
    cJSON *list = cJSON_GetObjectItem(res, "stories");
    assert_int_equal(cJSON_GetArraySize(list), 2);
    cJSON *first = cJSON_GetArrayItem(list, 0), *last = cJSON_GetArrayItem(list, 1);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(first, "first_date")), "2016-03-01");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(last, "title")), "Orchard frost");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(last, "first_date")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(last, "last_date")));
    cJSON_Delete(res);
    px_store_close(s);
    remove_db(path);
    unlink(file);
    free(file);
}

static void test_corrupt_and_foreign_files(void **state)
{
    (void)state;
    px_store *s;
    px_error err;
    const char junk[] = "this is not an SQLite database, just some text that is long enough "
                        "to fill a header and then some more bytes to make it look like a file\n";
    char *path = tu_write_temp(junk, sizeof junk - 1, ".db");
    px_error_clear(&err);
    assert_int_not_equal(px_store_open(&s, path, 0, &err), PX_OK);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "not a parallax database"));
    unlink(path);
    free(path);

    /* A real database whose pages were overwritten in the middle. */
    char *db = temp_db();
    s = open_store(db);
    const char *corpus = "examples/corpus";
    ingest_paths(s, &corpus, 1, 500);
    px_store_close(s);
    FILE *f = fopen(db, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    char garbage[4096];
    memset(garbage, 0xA5, sizeof garbage);
    fseek(f, 0, SEEK_SET);
    fwrite(garbage, 1, 100 < size ? 100 : (size_t)size, f);
    fclose(f);
    px_error_clear(&err);
    assert_int_not_equal(px_store_open(&s, db, 0, &err), PX_OK);
    assert_non_null(strstr(err.msg, db));
    remove_db(db);

    /* Another program's SQLite database is refused, not taken over. */
    char *other = temp_db();
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(other, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    px_error_clear(&err);
    assert_int_equal(px_store_open(&s, other, 0, &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "not a parallax one"));
    remove_db(other);
}

static void test_locked_database_is_an_error_not_a_hang(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    px_store_close(s);
    sqlite3 *holder;
    assert_int_equal(sqlite3_open(path, &holder), SQLITE_OK);
    assert_int_equal(sqlite3_exec(holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    px_error err;
    px_error_clear(&err);
    /* Opening reads through WAL; writing must wait for the lock, then fail. */
    int rc = px_store_open_wait(&s, path, 0, 200, &err);
    if (rc == PX_OK) {
        rc = px_store_begin(s, &err);
        px_store_close(s);
    }
    assert_int_not_equal(rc, PX_OK);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "lock"));
    sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(holder);

    /* An exclusive locking-mode holder keeps even readers out. */
    assert_int_equal(sqlite3_open(path, &holder), SQLITE_OK);
    assert_int_equal(sqlite3_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                          "INSERT INTO stories(key) VALUES ('x'); COMMIT;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    px_error_clear(&err);
    assert_int_not_equal(px_store_open_wait(&s, path, 0, 200, &err), PX_OK);
    assert_non_null(strstr(err.msg, "lock"));
    sqlite3_close(holder);
    remove_db(path);
}

/* ---- crash safety --------------------------------------------------------- */

#define CRASH_ARTICLES 1500
#define CRASH_BATCH 100

static const char *const words[] = {
    "harbor", "council", "budget", "river", "bridge", "strike", "union", "plant", "battery", "comet",
    "telescope", "election", "mayor", "court", "ruling", "storm", "flood", "school", "hospital", "rail",
    "port", "tariff", "export", "wheat", "drought", "vaccine", "trial", "senate", "festival", "museum",
};

/* A JSON Lines file of distinct synthetic articles. */
static char *write_crash_input(void)
{
    px_buf b = {0};
    unsigned seed = 12345;
    for (int i = 0; i < CRASH_ARTICLES; i++) {
        px_buf_printf(&b, "{\"id\":\"crash-%d\",\"source\":\"Outlet %d\",\"date\":\"2025-03-%02d\","
                          "\"title\":\"Report %d\",\"text\":\"",
                      i, i % 7, 1 + i % 28, i);
        for (int w = 0; w < 60; w++) {
            seed = seed * 1103515245u + 12345u;
            px_buf_printf(&b, "%s%s", w ? " " : "", words[(seed >> 16) % 30]);
        }
        px_buf_printf(&b, " number %d.\"}\n", i);
    }
    char *path = tu_write_temp(b.data, b.len, ".jsonl");
    px_buf_free(&b);
    return path;
}

static void report_commit(const px_ingest_stats *st, void *ud)
{
    int fd = *(int *)ud;
    long long n = st->added;
    if (write(fd, &n, sizeof n) != (ssize_t)sizeof n)
        _exit(3);
}

static void child_ingest(const char *db, const char *input, int fd)
{
    px_store *s;
    px_error err;
    if (px_store_open(&s, db, 0, &err) != PX_OK)
        _exit(2);
    px_ingest_opts io = {.batch = CRASH_BATCH, .on_commit = report_commit, .commit_ud = &fd};
    tu_ingest c = {0};
    if (px_ingest_new(&c.g, s, &io, &err) != PX_OK)
        _exit(2);
    px_read_opts o = {0};
    px_read_clean_paths(&input, 1, &o, NULL, tu_ingest_add, &c);
    px_ingest_finish(c.g, &err);
    _exit(0);
}

static long long count_rows(const char *db_path, int *integrity_ok)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long n = -1;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(px_search_register_tokenizer(db), SQLITE_OK); /* the index's tokenizer */
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    *integrity_ok = sqlite3_step(st) == SQLITE_ROW &&
                    strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM articles", -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    /* The full-text index is kept in step with the articles by triggers. */
    assert_int_equal(sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    return n;
}

static void test_kill_during_ingest_loses_nothing_committed(void **state)
{
    (void)state;
    char *db = temp_db(), *input = write_crash_input();
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        child_ingest(db, input, fds[1]);
    }
    close(fds[1]);
    long long committed = 0, n;
    int reports = 0;
    while (reports < 3 && read(fds[0], &n, sizeof n) == (ssize_t)sizeof n) {
        committed = n;
        reports++;
    }
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    close(fds[0]);
    assert_int_equal(reports, 3);
    assert_true(WIFSIGNALED(status)); /* killed mid-ingest, not finished */

    int ok;
    long long stored = count_rows(db, &ok);
    assert_true(ok);
    assert_true(stored >= committed);
    assert_int_equal(stored % CRASH_BATCH, 0); /* whole batches only */
    assert_true(stored < CRASH_ARTICLES);

    /* Reopen and ingest everything: the rest is added, once. */
    px_store *s = open_store(db);
    px_error err;
    px_ingest_opts io = {.batch = 500};
    tu_ingest c = {0};
    assert_int_equal(px_ingest_new(&c.g, s, &io, &err), PX_OK);
    px_read_opts o = {0};
    const char *in = input;
    assert_int_equal(px_read_clean_paths(&in, 1, &o, NULL, tu_ingest_add, &c), 0);
    assert_int_equal(px_ingest_finish(c.g, &err), PX_OK);
    assert_int_equal(px_ingest_stats_of(c.g)->added, CRASH_ARTICLES - stored);
    assert_int_equal(px_ingest_stats_of(c.g)->already, stored);
    px_ingest_free(c.g);
    px_store_close(s);
    assert_int_equal(count_rows(db, &ok), CRASH_ARTICLES);
    assert_true(ok);
    unlink(input);
    free(input);
    remove_db(db);
}

static long long sql_count(const char *db_path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long n = -1;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

#define STORIES_SQL "SELECT count(*) FROM stories WHERE n_articles > 0"
#define ANALYSED_SQL "SELECT count(*) FROM stories s JOIN analyses a ON a.story_id = s.id WHERE s.stale = 0"
#define STALE_SQL "SELECT count(*) FROM stories WHERE stale > 0"

/* Every story has a current analysis. */
static void assert_all_analysed(const char *db)
{
    long long stories = sql_count(db, STORIES_SQL);
    assert_true(stories > 0);
    assert_int_equal(sql_count(db, ANALYSED_SQL), stories);
    assert_int_equal(sql_count(db, STALE_SQL), 0);
}

/* One ingest of input into db. */
/* The clusterer's undated window the ingests below use (0: its default). */
static uint64_t window_articles;

static void ingest_file(const char *db, const char *input, size_t batch, int no_analyze)
{
    px_store *s = open_store(db);
    px_ingest_opts io = {.batch = batch, .no_analyze = no_analyze, .window_articles = window_articles};
    const char *in = input;
    tu_ingest_paths(s, &in, 1, NULL, &io, NULL);
    px_store_close(s);
}

/* One string naming every story by its articles and every copy by its
 * original (content hashes, sorted): equal for two stores exactly when they
 * grouped the same articles the same way. */
static char *grouping_of(const char *db_path)
{
    static const char *const sql =
        "SELECT coalesce((SELECT group_concat(g, ';') FROM (SELECT g FROM (SELECT group_concat(h, ',') AS g "
        "  FROM (SELECT sa.story_id AS sid, a.content_hash AS h FROM story_articles sa "
        "        JOIN articles a ON a.id = sa.article_id ORDER BY h) GROUP BY sid) ORDER BY g)), '') || '|' || "
        "coalesce((SELECT group_concat(p, ';') FROM (SELECT a.content_hash || '>' || c.content_hash AS p "
        "  FROM articles a JOIN dup_groups d ON d.id = a.dup_group_id "
        "  JOIN articles c ON c.id = d.canonical_article ORDER BY p)), '')";
    sqlite3 *db;
    sqlite3_stmt *st;
    char *out = NULL;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        out = px_strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    assert_non_null(out);
    return out;
}

/* The on_commit of an ingest that dies, as under kill -9 (no cleanup, no
 * rollback), right after its n-th commit. */
static void die_at_commit(const px_ingest_stats *st, void *ud)
{
    if ((long long)st->batches >= *(const long long *)ud)
        _exit(0);
}

/* An ingest of input into db killed right after its n-th commit. */
static void ingest_killed_after(const char *db, const char *input, size_t batch, long long n)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        px_store *s;
        px_error err;
        if (px_store_open(&s, db, 0, &err) != PX_OK)
            _exit(2);
        px_ingest_opts io = {.batch = batch, .no_analyze = 1, .on_commit = die_at_commit, .commit_ud = &n,
                             .window_articles = window_articles};
        tu_ingest c = {0};
        if (px_ingest_new(&c.g, s, &io, &err) != PX_OK)
            _exit(2);
        px_read_opts o = {0};
        px_read_clean_paths(&input, 1, &o, NULL, tu_ingest_add, &c);
        px_ingest_finish(c.g, &err);
        _exit(3); /* finished before its n-th commit */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

#define KILL_INPUT "data/bulk/bbc/politics" /* 417 real articles */
#define DISK_LIMIT (1200 << 10) /* bytes any file of the store may grow to */

/* An ingest in a process whose files may not grow past DISK_LIMIT (what a
 * full disk looks like to it): it must fail with an error naming the
 * database and leave it intact and reopenable. Returns the articles kept. */
static long long ingest_until_disk_full(const char *db, const char *input, size_t batch)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        px_store *s;
        px_error err;
        px_error_clear(&err);
        if (px_store_open(&s, db, 0, &err) != PX_OK)
            _exit(2);
        signal(SIGXFSZ, SIG_IGN); /* writes past the limit fail with EFBIG */
        struct rlimit lim = {DISK_LIMIT, DISK_LIMIT};
        if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
            _exit(2);
        px_ingest_opts io = {.batch = batch, .no_analyze = 1};
        tu_ingest c = {0};
        if (px_ingest_new(&c.g, s, &io, &err) != PX_OK)
            _exit(3);
        px_read_opts o = {0};
        px_read_clean_paths(&input, 1, &o, NULL, tu_ingest_add, &c);
        int failed = c.failed ? 1 : px_ingest_finish(c.g, &err) != PX_OK;
        const char *msg = c.failed ? c.error : err.msg;
        px_ingest_free(c.g);
        px_store_close(s);
        /* the failure names the database and says the disk is full */
        _exit(failed && strstr(msg, db) && strstr(msg, "full") ? 0 : 4);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    int ok;
    long long stored = count_rows(db, &ok);
    assert_true(ok);
    return stored;
}

#define KILL_BATCH 50

/* Killed after any commit and resumed, an ingest ends exactly as an
 * uninterrupted one: the same articles in the same stories, the same
 * copies of the same originals, the same template text, every story
 * analysed. Commits 1, 4 and 8 store batches of articles (8 the last full
 * one); commit 9 the rest with the batch merge and the template text,
 * before the analyses. */
static void test_kill_then_resume_equals_clean_run(void **state)
{
    (void)state;
    char input[4096];
    snprintf(input, sizeof input, "%s", tu_shared(KILL_INPUT));
    char *clean = temp_db();
    ingest_file(clean, input, KILL_BATCH, 0);
    assert_all_analysed(clean);
    char *want = grouping_of(clean);
    long long templates = sql_count(clean, "SELECT count(*) FROM template_lines");
    static const long long kill_after[] = {1, 4, 8, 9};
    for (size_t k = 0; k < sizeof kill_after / sizeof kill_after[0]; k++) {
        char *killed = temp_db();
        ingest_killed_after(killed, input, KILL_BATCH, kill_after[k]);
        assert_true(sql_count(killed, STALE_SQL) > 0); /* flagged with the articles */
        ingest_file(killed, input, KILL_BATCH, 0);
        assert_all_analysed(killed);
        char *got = grouping_of(killed);
        if (strcmp(got, want) != 0)
            fail_msg("killed after commit %lld and resumed: %lld stories, %lld in one run", kill_after[k],
                     sql_count(killed, STORIES_SQL), sql_count(clean, STORIES_SQL));
        assert_int_equal(sql_count(killed, "SELECT count(*) FROM template_lines"), templates);
        free(got);
        remove_db(killed);
    }
    /* A full disk is a kill that says why: the same resume. */
    char *full = temp_db();
    long long stored = ingest_until_disk_full(full, input, KILL_BATCH);
    assert_true(stored > 0 && stored % KILL_BATCH == 0); /* whole batches, none lost */
    ingest_file(full, input, KILL_BATCH, 0);
    assert_all_analysed(full);
    char *got = grouping_of(full);
    assert_string_equal(got, want);
    free(got);
    remove_db(full);
    free(want);
    remove_db(clean);
}

/* Records of one undated sentence each about 4 of 30 topic words (as
 * bench/ingest-memory.sh makes them): too short to be near copies, alike
 * enough to join stories now and then; with copies, every seventh repeats
 * the text of the fifth before it under a title of its own in another
 * outlet (an exact copy, not a template line). */
static char *write_records(int n, int copies)
{
    static const char *const words[] = {
        "council", "budget", "river",   "school", "minister", "strike",  "harbour", "festival",
        "court",   "storm",  "hospital", "railway", "election", "market", "bridge",  "museum",
        "police",  "farmers", "airport", "energy", "water",    "housing", "tax",     "union",
        "fire",    "flood",  "trade",   "bank",   "team",     "match"};
    px_buf b = {0};
    unsigned seed = 7;
    const char *text_words[5][4]; /* of the last five records, by i % 5 */
    for (int i = 0; i < n; i++) {
        const char *w[4];
        for (int k = 0; k < 4; k++) {
            seed = seed * 1103515245u + 12345u;
            w[k] = words[(seed >> 16) % 30];
        }
        int day = copies && i % 7 == 6 ? i - 5 : i;
        if (day != i) /* the words of record day, drawn again */
            for (int k = 0; k < 4; k++)
                w[k] = text_words[day % 5][k];
        for (int k = 0; k < 4; k++)
            text_words[i % 5][k] = w[k];
        px_buf_printf(&b,
                      "{\"source\": \"S%d\", \"title\": \"%c%s %s %d\", \"text\": \"The %s and the %s met "
                      "on day %d about the %s and %s.\"}\n",
                      (day != i) + i % 5, w[0][0] - 32, w[0] + 1, w[1], i, w[0], w[1], day, w[2], w[3]);
    }
    char *path = tu_write_temp(b.data, b.len, ".jsonl");
    px_buf_free(&b);
    return path;
}

/* With a window of 30 articles for stories without a dated article (these
 * records have none), stories close by arrival; a resume restores the
 * stories the window kept open when the killed ingest began and replays
 * what it stored, and ends as the uninterrupted run does, which differs
 * from the run with the default window. */
static void test_kill_then_resume_with_a_small_undated_window(void **state)
{
    (void)state;
    char *input = write_records(300, 0);
    char *wide = temp_db();
    ingest_file(wide, input, KILL_BATCH, 1);
    char *default_window = grouping_of(wide);
    remove_db(wide);
    window_articles = 30;
    char *clean = temp_db();
    ingest_file(clean, input, KILL_BATCH, 1);
    char *want = grouping_of(clean);
    assert_string_not_equal(want, default_window);
    static const long long kill_after[] = {1, 3, 5, 6};
    for (size_t k = 0; k < sizeof kill_after / sizeof kill_after[0]; k++) {
        char *killed = temp_db();
        ingest_killed_after(killed, input, KILL_BATCH, kill_after[k]);
        ingest_file(killed, input, KILL_BATCH, 1);
        char *got = grouping_of(killed);
        if (strcmp(got, want) != 0)
            fail_msg("killed after commit %lld and resumed: %lld stories, %lld in one run", kill_after[k],
                     sql_count(killed, STORIES_SQL), sql_count(clean, STORIES_SQL));
        free(got);
        remove_db(killed);
    }
    window_articles = 0;
    free(want);
    free(default_window);
    remove_db(clean);
    unlink(input);
    free(input);
}

/* An ingest that checks after every article that what it holds follows
 * its windows (bounded) and notes the most it held. */
typedef struct held_check {
    tu_ingest c;
    px_ingest_held most;
    size_t max_readings, max_positions;
} held_check;

static int add_and_check_held(px_article *a, void *ud)
{
    held_check *h = ud;
    if (tu_ingest_add(a, &h->c))
        return 1;
    px_ingest_held now;
    px_ingest_held_of(h->c.g, &now);
    assert_true(now.memo_readings <= h->max_readings);
    assert_true(now.positions <= h->max_positions);
    if (now.memo_terms > h->most.memo_terms)
        h->most.memo_terms = now.memo_terms;
    if (now.dedup_memo_readings > h->most.dedup_memo_readings)
        h->most.dedup_memo_readings = now.dedup_memo_readings;
    return 0;
}

/* Ingests input with the small windows below (memo NULL: the ingest's own)
 * checking what it holds; returns the grouping. */
static char *ingest_checking_held(const char *input, px_ingest_memo *memo, held_check *h)
{
    char *db = temp_db();
    px_store *s = open_store(db);
    px_ingest_opts io = {.batch = 100, .no_analyze = 1, .window_articles = 30, .dedup_window = 40, .memo = memo};
    px_error err;
    memset(h, 0, sizeof *h);
    h->max_readings = memo ? SIZE_MAX : 30 + 30 / 4; /* a memo given keeps its own bound */
    h->max_positions = 40;
    assert_int_equal(px_ingest_new(&h->c.g, s, &io, &err), PX_OK);
    px_read_opts o = {0};
    assert_int_equal(px_read_clean_paths(&input, 1, &o, NULL, add_and_check_held, h), 0);
    assert_false(h->c.failed);
    assert_int_equal(px_ingest_finish(h->c.g, &err), PX_OK);
    px_ingest_free(h->c.g);
    px_store_close(s);
    /* the copies were found: each seventh record copies the fifth before */
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles a JOIN dup_groups d ON d.id = a.dup_group_id "
                                   "WHERE d.canonical_article <> a.id"),
                     2000 / 7);
    char *grouping = grouping_of(db);
    remove_db(db);
    return grouping;
}

/* What an ingest holds follows its windows, not its input: through 2,000
 * undated records (each with a number of its own, a term no other record
 * has), with a window of 30 articles and a deduper's window of 40, the
 * reading memo never holds more than 37 readings (the window and a quarter)
 * and 200 terms, the positions kept for copies never more than 40, and
 * the deduper keeps no memo of its own. Dropping the oldest readings
 * changes nothing: the grouping equals that of an ingest given a memo that
 * keeps every reading. */
static void test_ingest_memory_follows_the_window(void **state)
{
    (void)state;
    char *input = write_records(2000, 1);
    held_check bounded, kept;
    char *want = ingest_checking_held(input, NULL, &bounded);
    assert_true(bounded.most.memo_terms < 200); /* 69; over 1,700 without dropping */
    assert_int_equal(bounded.most.dedup_memo_readings, 0);
    px_ingest_memo *all = px_ingest_memo_new(); /* keeps the last 100,000 */
    assert_non_null(all);
    char *got = ingest_checking_held(input, all, &kept);
    assert_true(kept.most.memo_terms > 1500); /* a number of each record's own */
    assert_string_equal(got, want);
    px_ingest_memo_free(all);
    free(got);
    free(want);
    unlink(input);
    free(input);
}

/* n records that share no word. */
static char *write_distinct_records(int n)
{
    px_buf b = {0};
    for (int i = 0; i < n; i++) {
        char w[3][8];
        for (int k = 0; k < 3; k++) /* i in base 26, one letter per digit, told apart by k */
            snprintf(w[k], sizeof w[k], "%c%c%c%c", 'a' + k, 'a' + i / 676 % 26, 'a' + i / 26 % 26, 'a' + i % 26);
        px_buf_printf(&b, "{\"source\": \"S%d\", \"title\": \"%s %s\", \"text\": \"%s %s %s.\"}\n", i % 7, w[0],
                      w[1], w[0], w[1], w[2]);
    }
    char *path = tu_write_temp(b.data, b.len, ".jsonl");
    px_buf_free(&b);
    return path;
}

static int add_and_check_touched(px_article *a, void *ud)
{
    tu_ingest *c = ud;
    if (tu_ingest_add(a, c))
        return 1;
    px_ingest_held now;
    px_ingest_held_of(c->g, &now);
    assert_true(now.touched <= 1024); /* the older entries in a temporary file */
    return 0;
}

/* The list of stories an ingest touched keeps at most 1,024 entries in
 * memory, whatever the input: through 2,500 records that share no word
 * (nearly each a story of its own), the older entries go to a temporary file (2,048 of them), and
 * the list read back is every story once, in the order first touched
 * (into a new store, the order of their rows). */
static void test_touched_list_follows_no_input_length(void **state)
{
    (void)state;
    enum { N = 2500 };
    char *db = temp_db(), *input = write_distinct_records(N);
    px_store *s = open_store(db);
    px_ingest_opts io = {.batch = 500, .no_analyze = 1};
    px_error err;
    tu_ingest c = {0};
    assert_int_equal(px_ingest_new(&c.g, s, &io, &err), PX_OK);
    px_read_opts o = {0};
    assert_int_equal(px_read_clean_paths((const char *const *)&input, 1, &o, NULL, add_and_check_touched, &c), 0);
    assert_false(c.failed);
    assert_int_equal(px_ingest_finish(c.g, &err), PX_OK);
    px_ingest_held held;
    px_ingest_held_of(c.g, &held);
    assert_int_equal(held.touched_spilled, 2048);
    static int64_t touched[N + 1];
    size_t n = 0;
    assert_int_equal(px_ingest_each_touched(c.g, tu_note_story, &(tu_story_list){touched, N + 1, &n}), PX_OK);
    assert_true(n > 2048 && n <= N); /* 2,377: a few records share a story */
    assert_int_equal(px_ingest_stats_of(c.g)->stories, n);
    px_ingest_free(c.g);
    px_store_close(s);
    assert_int_equal(sql_count(db, STORIES_SQL), n);
    for (size_t i = 0; i < n; i++)
        if (touched[i] != (int64_t)i + 1)
            fail_msg("touched list entry %zu: story %lld", i, (long long)touched[i]);
    remove_db(db);
    unlink(input);
    free(input);
}

/* An ingest that stored its articles but not their analyses (killed, out
 * of disk, or --no-analyze) leaves its stories flagged: the next ingest
 * rebuilds them even when it brings nothing new, and so does reanalyze. */
static void test_missing_analyses_are_rebuilt(void **state)
{
    (void)state;
    char *db = temp_db(), *input = write_crash_input();
    ingest_file(db, input, 500, 1);
    long long stories = sql_count(db, STORIES_SQL);
    assert_true(stories > 0);
    assert_int_equal(sql_count(db, "SELECT count(*) FROM analyses"), 0);
    assert_int_equal(sql_count(db, STALE_SQL), stories);

    ingest_file(db, input, 500, 0); /* nothing new */
    assert_all_analysed(db);

    px_store *s = open_store(db);
    px_error err;
    long long done;
    assert_int_equal(px_ingest_reanalyze(s, NULL, 0, &done, &err), PX_OK);
    assert_int_equal(done, 0); /* nothing stale */
    assert_int_equal(px_ingest_reanalyze(s, NULL, 1, &done, &err), PX_OK);
    assert_int_equal(done, stories);
    px_store_close(s);
    assert_all_analysed(db);
    unlink(input);
    free(input);
    remove_db(db);
}

/* One ingest at a time: a second one waits for the lock, or refuses at
 * once when asked not to wait, naming the database. */
static void test_second_ingest_is_refused_while_one_runs(void **state)
{
    (void)state;
    char *db = temp_db();
    px_store *a = open_store(db), *b = open_store(db);
    px_error err;
    px_ingest *first, *second;
    assert_int_equal(px_ingest_new(&first, a, NULL, &err), PX_OK);
    px_ingest_opts nowait = {.lock_no_wait = 1};
    px_error_clear(&err);
    assert_int_not_equal(px_ingest_new(&second, b, &nowait, &err), PX_OK);
    assert_non_null(strstr(err.msg, "another ingest is running"));
    assert_non_null(strstr(err.msg, db));
    px_ingest_free(first);
    assert_int_equal(px_ingest_new(&second, b, &nowait, &err), PX_OK);
    px_ingest_free(second);
    px_store_close(a);
    px_store_close(b);
    remove_db(db);
}

/* Two ingests of disjoint inputs started together both succeed (one waits
 * for the other) and every story ends analysed. */
static void test_concurrent_ingests_both_succeed(void **state)
{
    (void)state;
    char *db = temp_db(), *input = write_crash_input();
    char *halves[2];
    FILE *f = fopen(input, "r");
    assert_non_null(f);
    px_buf part[2] = {{0}, {0}};
    char line[8192];
    for (int i = 0; fgets(line, sizeof line, f) && i < 600; i++)
        px_buf_puts(&part[i % 2], line);
    fclose(f);
    for (int i = 0; i < 2; i++) {
        halves[i] = tu_write_temp(part[i].data, part[i].len, ".jsonl");
        px_buf_free(&part[i]);
    }
    ingest_file(db, halves[0], 50, 1); /* create the schema first */
    pid_t pids[2];
    for (int i = 0; i < 2; i++) {
        pids[i] = fork();
        assert_true(pids[i] >= 0);
        if (pids[i] == 0) {
            px_store *s;
            px_error err;
            px_ingest_opts io = {.batch = 50};
            tu_ingest c = {0};
            if (px_store_open(&s, db, 0, &err) || px_ingest_new(&c.g, s, &io, &err))
                _exit(2);
            const char *in = halves[i];
            px_read_opts o = {0};
            if (px_read_clean_paths(&in, 1, &o, NULL, tu_ingest_add, &c) || c.failed)
                _exit(3);
            if (px_ingest_finish(c.g, &err)) {
                fprintf(stderr, "%s\n", err.msg);
                _exit(4);
            }
            px_ingest_free(c.g);
            px_store_close(s);
            _exit(0);
        }
    }
    for (int i = 0; i < 2; i++) {
        int status;
        waitpid(pids[i], &status, 0);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), 600);
    assert_all_analysed(db);
    for (int i = 0; i < 2; i++) {
        unlink(halves[i]);
        free(halves[i]);
    }
    unlink(input);
    free(input);
    remove_db(db);
}

/* Template text learned by one ingest stays in the store: the next ingest
 * removes it from a new article of the same outlet at once. */
static void test_templates_persist_per_outlet(void **st)
{
    (void)st;
    static const char *const leads[] = {
        "Flood waters rose along the Severn River near Gloucester on Monday.",
        "The Bundesbank in Frankfurt cut its growth forecast for Germany.",
        "Voters in Manitoba elect a new premier after a long campaign.",
        "Engineers at Toyota unveiled a hydrogen truck in Nagoya.",
    };
    char *path = temp_db();
    char *files[4];
    for (size_t i = 0; i < 4; i++) {
        char body[400];
        int n = snprintf(body, sizeof body,
                         "{\"id\":\"t%zu\",\"source\":\"harbor-herald\",\"title\":\"Story %zu\",\"text\":"
                         "\"%s\\n\\nScroll down for video\\n\\nCopyright 20%02zu Harbor Herald.\"}\n",
                         i, i, leads[i], 14 + i);
        files[i] = tu_write_temp(body, (size_t)n, ".jsonl");
    }
    px_store *s = open_store(path);
    ingest_paths(s, (const char *const *)files, 3, 100);
    px_store_close(s);
    s = open_store(path);
    ingest_paths(s, (const char *const *)files + 3, 1, 100);
    cJSON *a = NULL;
    px_error err;
    assert_int_equal(px_store_article_json(s, 4, &a, &err), PX_OK);
    assert_non_null(a);
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(a, "text"));
    assert_string_equal(text, leads[3]);
    cJSON_Delete(a);
    px_store_close(s);
    for (size_t i = 0; i < 4; i++) {
        unlink(files[i]);
        free(files[i]);
    }
    remove_db(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_and_reopen),
        cmocka_unit_test(test_undated_story_lists_last),
        cmocka_unit_test(test_ingest_is_idempotent_and_groups_stories),
        cmocka_unit_test(test_incremental_ingest_continues_stories),
        cmocka_unit_test(test_article_round_trip),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_injection_does_nothing),
        cmocka_unit_test(test_corrupt_and_foreign_files),
        cmocka_unit_test(test_locked_database_is_an_error_not_a_hang),
        cmocka_unit_test(test_kill_during_ingest_loses_nothing_committed),
        cmocka_unit_test(test_kill_then_resume_equals_clean_run),
        cmocka_unit_test(test_kill_then_resume_with_a_small_undated_window),
        cmocka_unit_test(test_ingest_memory_follows_the_window),
        cmocka_unit_test(test_touched_list_follows_no_input_length),
        cmocka_unit_test(test_missing_analyses_are_rebuilt),
        cmocka_unit_test(test_second_ingest_is_refused_while_one_runs),
        cmocka_unit_test(test_concurrent_ingests_both_succeed),
        cmocka_unit_test(test_templates_persist_per_outlet),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
