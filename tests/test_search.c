/* test_search.c - search takes what people type: the translation of typed
 * queries into FTS5 syntax, thirty typed queries with punctuation over a
 * store of real news (../shared/seeds and giveme5w1h-dev), hyphen and
 * compound forms folding together, errors in plain words, and the
 * migration of a schema version 2 index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "parallax.h"
#include "store/search_query.h"
#include "testutil.h"

static char *translate(const char *typed, int *rc, px_error *err)
{
    char *fts = NULL;
    px_error_clear(err);
    *rc = px_search_translate(typed, &fts, err);
    return fts;
}

static void expect_translation(const char *typed, const char *want)
{
    int rc;
    px_error err;
    char *fts = translate(typed, &rc, &err);
    if (rc != PX_OK)
        fail_msg("%s: %s", typed, err.msg);
    if (strcmp(fts, want) != 0)
        fail_msg("%s: got %s, want %s", typed, fts, want);
    free(fts);
}

static void test_translation(void **state)
{
    (void)state;
    expect_translation("gaza", "\"gaza\"");
    expect_translation("cease-fire", "(\"cease fire\" OR \"ceasefire\")");
    expect_translation("U.S.", "\"U S\"");
    expect_translation("Biden AND Harris", "\"Biden\" AND \"Harris\"");
    expect_translation("Biden and Harris", "\"Biden\" AND \"and\" AND \"Harris\"");
    expect_translation("\"immediate cease-fire\"", "\"immediate cease fire\"");
    expect_translation("gaza NOT hamas", "\"gaza\" NOT \"hamas\"");
    expect_translation("title:comet", "title : \"comet\"");
    expect_translation("bitcoin*", "\"bitcoin\"*");
    expect_translation("NEAR(bridge inspection, 8)", "NEAR(\"bridge\" \"inspection\", 8)");
    expect_translation("(gaza OR israel) biden", "(\"gaza\" OR \"israel\") AND \"biden\"");
    expect_translation("18,000 killed", "\"18 000\" AND \"killed\"");
    expect_translation("Panama Papers?", "\"Panama\" AND \"Papers\"");
    expect_translation("“curly quotes”", "\"curly quotes\"");
    expect_translation("经济", "\"经济\"");   /* the tokenizer makes pairs */
    expect_translation("经", "\"经\"*");      /* a lone character: what it starts */
    /* SQL and FTS5 syntax are text: only word characters reach the index */
    expect_translation("'; DROP TABLE articles; --", "\"DROP\" AND \"TABLE\" AND \"articles\"");
    expect_translation("articles_fts:x", "\"articles fts\" AND \"x\"");
}

static void expect_tsquery(const char *typed, const char *want)
{
    char *tsq = NULL;
    px_error err;
    px_error_clear(&err);
    if (px_search_translate_tsquery(typed, &tsq, &err) != PX_OK)
        fail_msg("%s: %s", typed, err.msg);
    if (strcmp(tsq, want) != 0)
        fail_msg("%s: got %s, want %s", typed, tsq, want);
    free(tsq);
}

/* The same typed queries as PostgreSQL tsquery text (the PostgreSQL
 * store); errors are the same as for FTS5. */
static void test_tsquery_translation(void **state)
{
    (void)state;
    expect_tsquery("gaza", "'gaza'");
    expect_tsquery("cease-fire", "('cease-fire' | 'ceasefire')");
    expect_tsquery("U.S.", "'U.S'");
    expect_tsquery("Biden AND Harris", "'Biden' & 'Harris'");
    expect_tsquery("Biden Harris", "'Biden' & 'Harris'");
    expect_tsquery("\"immediate cease-fire\"", "'immediate cease-fire'");
    expect_tsquery("gaza NOT hamas", "'gaza' & !'hamas'");
    expect_tsquery("gaza OR israel", "'gaza' | 'israel'");
    expect_tsquery("title:comet", "'comet':A");
    expect_tsquery("text:comet*", "'comet':*B");
    expect_tsquery("title:(comet OR asteroid) nasa", "('comet':A | 'asteroid':A) & 'nasa'");
    expect_tsquery("bitcoin*", "'bitcoin':*");
    expect_tsquery("NEAR(bridge inspection, 8)", "('bridge' & 'inspection')");
    expect_tsquery("(gaza OR israel) biden", "('gaza' | 'israel') & 'biden'");
    expect_tsquery("O'Brien", "'O''Brien'");
    /* CJK runs as the phrase of their pairs (pg.c indexes the pairs) */
    expect_tsquery("经济增长", "' 经济  济增  增长 '");
    expect_tsquery("经", "' 经 ':*");
    /* operators and quotes typed are text or dropped, never tsquery syntax */
    expect_tsquery("'; DROP TABLE articles; --", "'DROP' & 'TABLE' & 'articles'");
    expect_tsquery("a & b | !c", "'a' & 'b' & 'c'");
    int rc;
    px_error err;
    char *fts = translate("gaza AND", &rc, &err);
    assert_int_equal(rc, PX_EUSAGE);
    assert_null(fts);
    char *tsq = NULL;
    assert_int_equal(px_search_translate_tsquery("gaza AND", &tsq, &err), PX_EUSAGE);
    assert_null(tsq);
}

/* Every error speaks of the search in plain words and where it went
 * wrong, never of SQL or FTS5. */
static void test_errors_in_plain_words(void **state)
{
    (void)state;
    static const struct {
        const char *typed, *says;
    } cases[] = {
        {"\"unclosed phrase", "quotation mark is never closed"},
        {"NOT hamas", "NOT needs a word before it"},
        {"gaza AND", "AND needs a word after it (at character 6)"},
        {"gaza AND OR israel", "OR needs a word between it and the operator before it"},
        {"(gaza", "( is never closed"},
        {"gaza)", ") closes no bracket (at character 5)"},
        {"()", "the brackets hold no words"},
        {"NEAR(gaza israel", "NEAR( is never closed"},
        {"NEAR(gaza israel, x)", "takes a number of words"},
        {"?!...", "no words to look for"},
        {"", "no words to look for"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc;
        px_error err;
        char *fts = translate(cases[i].typed, &rc, &err);
        assert_null(fts);
        assert_int_equal(rc, PX_EUSAGE);
        if (!strstr(err.msg, cases[i].says))
            fail_msg("%s: message '%s' lacks '%s'", cases[i].typed, err.msg, cases[i].says);
        assert_null(strstr(err.msg, "fts5"));
        assert_null(strstr(err.msg, "syntax error"));
        assert_null(strstr(err.msg, "column"));
    }
    char *big = malloc(PX_SEARCH_QUERY_MAX + 2);
    memset(big, 'a', PX_SEARCH_QUERY_MAX + 1);
    big[PX_SEARCH_QUERY_MAX + 1] = '\0';
    int rc;
    px_error err;
    assert_null(translate(big, &rc, &err));
    assert_int_equal(rc, PX_EUSAGE);
    free(big);
}

static char *temp_db(void)
{
    char *path = tu_write_temp("", 0, ".db");
    unlink(path);
    return path;
}

static void remove_db(char *path)
{
    char side[600];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    unlink(path);
    free(path);
}

static px_store *open_store(const char *path)
{
    px_store *s;
    px_error err;
    px_error_clear(&err);
    if (px_store_open(&s, path, 0, &err) != PX_OK)
        fail_msg("%s", err.msg);
    return s;
}

static px_store *real_news_store(char **path)
{
    *path = temp_db();
    px_store *s = open_store(*path);
    char seeds[4096], stories[4096];
    snprintf(seeds, sizeof seeds, "%s", tu_shared("seeds"));
    snprintf(stories, sizeof stories, "%s", tu_shared("data/stories/giveme5w1h-dev.jsonl"));
    const char *paths[] = {seeds, stories};
    px_ingest_opts io = {.no_analyze = 1};
    tu_ingest_paths(s, paths, 2, NULL, &io, NULL);
    return s;
}

/* The total of a search; -1 and the message in err when it fails. */
static int search_total(px_store *s, const char *q, px_error *err)
{
    px_search_query sq = {.q = q};
    cJSON *res = NULL;
    px_error_clear(err);
    int rc = px_store_search(s, &sq, &res, err);
    int total = rc == PX_OK ? (int)cJSON_GetNumberValue(cJSON_GetObjectItem(res, "total")) : -1;
    cJSON_Delete(res);
    return total;
}

/* Thirty queries as people type them, with hyphens, dots, apostrophes,
 * quotes, brackets and stray punctuation: each answers, and each of those
 * about the seeds' story or the giveme5w1h events finds something. */
static void test_thirty_typed_queries_answer(void **state)
{
    (void)state;
    char *path;
    px_store *s = real_news_store(&path);
    static const char *typed[] = {
        "cease-fire",
        "ceasefire",
        "Al-Aqsa",
        "Hamas-controlled",
        "U.S.",
        "U.S. officials",
        "\"immediate cease-fire\"",
        "Harris' pleas",
        "Biden's",
        "Biden AND Harris",
        "Biden and Harris",
        "Gaza OR Israel",
        "Gaza NOT Hamas",
        "(Gaza OR Israel) Biden",
        "NEAR(Biden Netanyahu, 10)",
        "title:Gaza",
        "Panama Papers?",
        "bitcoin*",
        "9/11",
        "18,000",
        "Costa Rica: plane crash",
        "Nice, France",
        "Croydon tram (derailment)",
        "New Year's Eve",
        "“World Series”",
        "Cubs!",
        "don't",
        "e-mail",
        "S. Korea",
        "Kimi Raikkonen / Ferrari",
    };
    assert_int_equal(sizeof typed / sizeof typed[0], 30);
    for (size_t i = 0; i < 30; i++) {
        px_error err;
        int total = search_total(s, typed[i], &err);
        if (total < 0)
            fail_msg("'%s' did not answer: %s", typed[i], err.msg);
        if (total == 0 && strcmp(typed[i], "e-mail") != 0 && strcmp(typed[i], "Gaza NOT Hamas") != 0)
            fail_msg("'%s' found nothing", typed[i]);
    }
    px_store_close(s);
    remove_db(path);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ids of the articles a search finds, as a sorted list. */
static void hit_ids(px_store *s, const char *q, px_strlist *out)
{
    px_search_query sq = {.q = q, .limit = 1000};
    cJSON *res = NULL;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_store_search(s, &sq, &res, &err), PX_OK);
    cJSON *h;
    cJSON_ArrayForEach(h, cJSON_GetObjectItem(res, "results"))
    {
        char id[32];
        snprintf(id, sizeof id, "%012.0f", cJSON_GetNumberValue(cJSON_GetObjectItem(h, "id")));
        px_strlist_push(out, id);
    }
    cJSON_Delete(res);
    qsort(out->items, out->n, sizeof *out->items, cmp_str);
}

static void assert_same_hits(px_store *s, const char *a, const char *b)
{
    px_strlist x = {0}, y = {0};
    hit_ids(s, a, &x);
    hit_ids(s, b, &y);
    assert_true(x.n > 0);
    if (x.n != y.n)
        fail_msg("'%s' finds %zu articles, '%s' %zu", a, x.n, b, y.n);
    for (size_t i = 0; i < x.n; i++)
        assert_string_equal(x.items[i], y.items[i]);
    px_strlist_clear(&x);
    px_strlist_clear(&y);
}

/* An article writing "cease-fire" and one writing "ceasefire" are both
 * found by either spelling; the phrase "cease fire" finds the hyphenated
 * one too. */
static void test_hyphen_and_compound_fold(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    char *dir = tu_write_temp("", 0, ".jsonl");
    FILE *f = fopen(dir, "w");
    fputs("{\"id\":\"h1\",\"source\":\"One\",\"title\":\"Talks\",\"text\":\"Both sides agreed to a cease-fire "
          "on Tuesday in the Al-Aqsa compound.\"}\n"
          "{\"id\":\"h2\",\"source\":\"Two\",\"title\":\"Truce\",\"text\":\"A ceasefire began on Tuesday near "
          "Alaqsa.\"}\n"
          "{\"id\":\"h3\",\"source\":\"Three\",\"title\":\"Fire\",\"text\":\"Crews put out a fire; the blaze "
          "did not cease until dawn.\"}\n",
          f);
    fclose(f);
    const char *paths[] = {dir};
    px_ingest_opts io = {.no_analyze = 1};
    tu_ingest_paths(s, paths, 1, NULL, &io, NULL);
    px_error err;
    assert_int_equal(search_total(s, "cease-fire", &err), 2);
    assert_int_equal(search_total(s, "ceasefire", &err), 2);
    assert_int_equal(search_total(s, "Al-Aqsa", &err), 2);
    assert_int_equal(search_total(s, "alaqsa", &err), 2);
    assert_int_equal(search_total(s, "\"cease fire\"", &err), 1);
    assert_int_equal(search_total(s, "cease fire", &err), 2); /* both words anywhere: h1 and h3 */
    assert_same_hits(s, "cease-fire", "ceasefire");
    /* both spellings are highlighted (in the hyphenated one, the part at
     * the joined form's position) */
    px_search_query sq = {.q = "ceasefire", .limit = 5, .mark_open = "[", .mark_close = "]"};
    cJSON *res;
    assert_int_equal(px_store_search(s, &sq, &res, &err), PX_OK);
    char *all = cJSON_PrintUnformatted(res);
    assert_non_null(strstr(all, "cease-[fire]"));
    assert_non_null(strstr(all, "[ceasefire]"));
    free(all);
    cJSON_Delete(res);
    px_store_close(s);
    remove_db(path);
    unlink(dir);
    free(dir);
}

/* The store at path with its search index as versions before 5 made it
 * (unicode61: no joined forms, CJK runs whole) and the schema version set
 * back to version. */
static void index_as_older_version(const char *path, int version)
{
    sqlite3 *db;
    char sql[512];
    snprintf(sql, sizeof sql,
             "DROP TABLE story_links; DROP TABLE story_evidence;" /* version 7 */
             "DROP TABLE articles_fts;"
             "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
             "  content_rowid='id', tokenize='porter unicode61');"
             "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
             "PRAGMA user_version = %d;",
             version);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(px_search_register_tokenizer(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* A version 2 store (index without joined forms) is migrated on open:
 * the index is rebuilt and ceasefire finds cease-fire. */
static void test_migrates_version_4_index(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    static const char line[] = "{\"id\":\"m1\",\"source\":\"One\",\"text\":\"A cease-fire held.\"}\n";
    char *file = tu_write_temp(line, strlen(line), ".jsonl");
    const char *paths[] = {file};
    px_ingest_opts io = {.no_analyze = 1};
    tu_ingest_paths(s, paths, 1, NULL, &io, NULL);
    px_store_close(s);
    index_as_older_version(path, 4);
    s = open_store(path);
    px_error err;
    assert_int_equal(search_total(s, "ceasefire", &err), 1);
    assert_int_equal(search_total(s, "cease-fire", &err), 1);
    px_store_close(s);
    remove_db(path);
    unlink(file);
    free(file);
}

/* Chinese, Japanese and Korean (examples/lang, written without spaces or
 * with particles on words) are found by any word of two or more
 * characters, by a phrase only where its characters follow each other, and
 * by a lone character wherever it stands; the others' text is not. */
static void test_cjk_words_found(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    const char *paths[] = {"examples/lang/zh.jsonl", "examples/lang/ja.jsonl", "examples/lang/ko.jsonl",
                           "examples/lang/de.jsonl"};
    px_ingest_opts io = {.no_analyze = 1};
    tu_ingest_paths(s, paths, 4, NULL, &io, NULL);
    px_error err;
    assert_int_equal(search_total(s, "就业", &err), 2);       /* both Chinese articles */
    assert_int_equal(search_total(s, "经济增长目标", &err), 1);
    assert_int_equal(search_total(s, "经济增长速度", &err), 0); /* its pairs, not in a row */
    assert_int_equal(search_total(s, "新区", &err), 2);
    assert_int_equal(search_total(s, "座", &err), 1);          /* a lone character... */
    assert_int_equal(search_total(s, "会", &err), 1);          /* ...also last in its run */
    assert_int_equal(search_total(s, "title:就业", &err), 1);
    assert_int_equal(search_total(s, "地震", &err), 2);
    assert_int_equal(search_total(s, "防災訓練 NOT 給水車", &err), 1);
    assert_int_equal(search_total(s, "\"避難経路\"", &err), 1);
    assert_int_equal(search_total(s, "다리", &err), 1);        /* 다리를: a particle on the word */
    assert_int_equal(search_total(s, "기자회견", &err), 1);
    assert_int_equal(search_total(s, "Elbe", &err), 1);
    px_search_query sq = {.q = "给水车", .limit = 5, .mark_open = "[", .mark_close = "]"};
    cJSON *res;
    assert_int_equal(px_store_search(s, &sq, &res, &err), PX_OK);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(res, "total")), 0); /* simplified 给: Chinese */
    cJSON_Delete(res);
    sq.q = "給水車";
    assert_int_equal(px_store_search(s, &sq, &res, &err), PX_OK);
    char *all = cJSON_PrintUnformatted(res);
    assert_non_null(strstr(all, "[給水"));
    free(all);
    cJSON_Delete(res);
    px_store_close(s);
    remove_db(path);
}

/* A version 5 store (CJK runs indexed whole) is migrated on open: the
 * index is rebuilt and a word inside a run is found. */
static void test_migrates_version_5_index(void **state)
{
    (void)state;
    char *path = temp_db();
    px_store *s = open_store(path);
    const char *paths[] = {"examples/lang/zh.jsonl"};
    px_ingest_opts io = {.no_analyze = 1};
    tu_ingest_paths(s, paths, 1, NULL, &io, NULL);
    px_store_close(s);
    index_as_older_version(path, 5);
    s = open_store(path);
    px_error err;
    assert_int_equal(search_total(s, "就业", &err), 2);
    px_store_close(s);
    remove_db(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_translation),
        cmocka_unit_test(test_tsquery_translation),
        cmocka_unit_test(test_errors_in_plain_words),
        cmocka_unit_test(test_thirty_typed_queries_answer),
        cmocka_unit_test(test_hyphen_and_compound_fold),
        cmocka_unit_test(test_migrates_version_4_index),
        cmocka_unit_test(test_cjk_words_found),
        cmocka_unit_test(test_migrates_version_5_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
