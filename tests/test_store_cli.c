/* test_store_cli.c - the store commands as a user meets them: ingest,
 * search, stories, show, report, export; exit codes and messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "testutil.h"

static char db[256];

static int setup(void **state)
{
    (void)state;
    snprintf(db, sizeof db, "/tmp/parallax-cli-%d.db", (int)getpid());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[1600];
    snprintf(cmd, sizeof cmd, "rm -rf %s %s-wal %s-shm %s-ingest.lock %s.html %s-plain.db*", db, db, db, db, db, db);
    return system(cmd) == 0 ? 0 : -1;
}

static char *run(const char *args, int *code)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s", tu_bin(), args);
    return tu_run(cmd, code);
}

static char *runf(int *code, const char *fmt, const char *a, const char *b)
{
    char args[1024];
    snprintf(args, sizeof args, fmt, a, b);
    return run(args, code);
}

static void test_ingest_search_show_export(void **state)
{
    (void)state;
    int code;
    char *out = runf(&code, "ingest --db %s --sources examples/sources.csv %s 2>&1", db, "examples/corpus");
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "13 new"));
    assert_non_null(strstr(out, "3 analyses refreshed"));
    free(out);
    out = runf(&code, "ingest --db %s --sources examples/sources.csv %s 2>&1", db, "examples/corpus");
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "0 new, 13 stored already"));
    free(out);

    out = runf(&code, "search --db %s %s", db, "'mediator OR arbitration'");
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "Mediator to Meet Both Sides"));
    assert_non_null(strstr(out, "**")); /* highlight marks when piped */
    free(out);
    out = runf(&code, "search --db %s %s 2>&1", db, "'\"unclosed'");
    assert_int_equal(code, 2);
    assert_non_null(strstr(out, "the quotation mark is never closed"));
    free(out);
    out = runf(&code, "search --db %s --since %s bridge 2>&1", db, "yesterday");
    assert_int_equal(code, 2);
    free(out);

    out = runf(&code, "stories --db %s --json%s", db, "");
    assert_int_equal(code, 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "total")), 3);
    int first = (int)cJSON_GetNumberValue(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "stories"), 0), "id"));
    cJSON_Delete(j);
    free(out);

    char id[32];
    snprintf(id, sizeof id, "%d", first);
    out = runf(&code, "show --db %s %s", db, id);
    assert_int_equal(code, 0);
    /* the compare stage's terminal report, read from the store */
    assert_non_null(strstr(out, "analysed 20"));
    assert_non_null(strstr(out, "Summary"));
    assert_non_null(strstr(out, "Numbers that disagree"));
    assert_non_null(strstr(out, "Quotes"));
    assert_null(strstr(out, "\x1b["));
    /* --full is not stored: the story is compared again, every item listed */
    char *full = runf(&code, "show --db %s --full %s", db, id);
    assert_int_equal(code, 0);
    assert_non_null(strstr(full, "compared now"));
    assert_true(strlen(full) > strlen(out));
    free(full);
    free(out);
    out = runf(&code, "show --db %s --json %s", db, id);
    assert_int_equal(code, 0);
    j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "id")), first);
    assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(j, "conflicts")) > 0);
    assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(j, "omissions")) > 0);
    cJSON_Delete(j);
    free(out);
    out = runf(&code, "show --db %s %s 2>&1", db, "424242");
    assert_int_equal(code, 1);
    assert_non_null(strstr(out, "no story 424242"));
    free(out);

    /* --no-analyze: the story is still shown, compared on the spot */
    char db2[300];
    snprintf(db2, sizeof db2, "%s-plain.db", db);
    out = runf(&code, "ingest --no-analyze --db %s --sources examples/sources.csv %s 2>&1", db2,
               "examples/corpus/wire-feed.jsonl");
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "0 analyses refreshed"));
    free(out);
    out = runf(&code, "show --db %s %s", db2, "1");
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "not analysed in the store"));
    assert_non_null(strstr(out, "Summary"));
    free(out);

    out = runf(&code, "export --db %s --jsonl | wc -l%s", db, "");
    assert_int_equal(atoi(out), 13);
    free(out);

    char dir[300];
    snprintf(dir, sizeof dir, "%s.html", db);
    out = runf(&code, "report --db %s --all --html %s 2>&1", db, dir);
    assert_int_equal(code, 0);
    free(out);
    char page[400];
    snprintf(page, sizeof page, "%s/story-%d.html", dir, first);
    FILE *f = fopen(page, "r");
    assert_non_null(f);
    char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    /* the compare stage's HTML report: self-contained, no script or link */
    assert_non_null(strstr(buf, "<title>parallax report</title>"));
    assert_non_null(strstr(buf, "Tillman Bridge"));
    assert_null(strstr(buf, "src=\""));
    assert_null(strstr(buf, "href=\"http"));
}

/* A database in a folder nobody may write: the reading commands work (no
 * -shm or -wal file can be made there), ingest says what is wrong. As root
 * the commands run as nobody, since root writes anywhere. */
static void test_read_only_folder(void **state)
{
    (void)state;
    char dir[] = "/tmp/px-ro-XXXXXX", ro_db[64], as[96] = "", args[512];
    assert_non_null(mkdtemp(dir));
    snprintf(ro_db, sizeof ro_db, "%s/store.db", dir);
    int code;
    char *out = runf(&code, "ingest -q --db %s %s 2>&1", ro_db, "examples/corpus");
    assert_int_equal(code, 0);
    free(out);
    assert_int_equal(chmod(dir, 0555), 0);
    if (geteuid() == 0) {
        if (system("setpriv --reuid 65534 --regid 65534 --clear-groups true 2>/dev/null") != 0) {
            print_message("skipped: running as root without setpriv\n");
            chmod(dir, 0755);
            return;
        }
        snprintf(as, sizeof as, "setpriv --reuid 65534 --regid 65534 --clear-groups ");
    }
    static const char *const reading[][2] = {
        {"stories --db %s", "Tillman Bridge"},
        {"search --db %s mediator", "matches"},
        {"show --db %s 1", "Story 1"},
        {"stories --json --db %s", "\"stories\""},
    };
    for (size_t i = 0; i < sizeof reading / sizeof reading[0]; i++) {
        char sub[256];
        snprintf(sub, sizeof sub, reading[i][0], ro_db);
        snprintf(args, sizeof args, "%s%s %s 2>&1", as, tu_bin(), sub);
        out = tu_run(args, &code);
        if (code != 0 || !strstr(out, reading[i][1]))
            fail_msg("%s: exit %d: %s", sub, code, out);
        free(out);
    }
    snprintf(args, sizeof args, "%s%s ingest --db %s examples/corpus 2>&1", as, tu_bin(), ro_db);
    out = tu_run(args, &code);
    assert_int_not_equal(code, 0);
    assert_non_null(strstr(out, ro_db));
    free(out);
    chmod(dir, 0755);
    snprintf(args, sizeof args, "rm -rf '%s'", dir);
    assert_int_equal(system(args), 0);
}

/* Without a sources file, web pages are named by their own metadata
 * (JSON-LD publisher, og:site_name); `sources --template` lists the
 * outlets seen with their article counts as a sources file that reads
 * back. */
static void test_sources_template(void **state)
{
    (void)state;
    int code;
    char *out = runf(&code, "ingest -q --db %s %s", db, "examples/html examples/corpus");
    assert_int_equal(code, 0);
    free(out);
    out = runf(&code, "sources --template %s%s", db, "");
    assert_int_equal(code, 0);
    assert_true(strncmp(out, "key,name,leaning,country,articles\n", 34) == 0);
    assert_non_null(strstr(out, "harborherald.example,Harbor Herald,,,1\n")); /* from the page's metadata */
    assert_non_null(strstr(out, "\nmeridian-times,meridian-times,,,")); /* no metadata: the file name key */
    char csv[300];
    snprintf(csv, sizeof csv, "%s.csv", db);
    FILE *f = fopen(csv, "w");
    fputs(out, f);
    fclose(f);
    free(out);
    out = runf(&code, "read --sources %s %s", csv, "examples/html");
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "\"source\":\"Harbor Herald\""));
    free(out);
    remove(csv);
    out = runf(&code, "sources %s%s 2>&1", db, "");
    assert_int_equal(code, 2);
    free(out);
}

static void test_bad_databases(void **state)
{
    (void)state;
    int code;
    FILE *f = fopen(db, "w");
    assert_non_null(f);
    fputs("definitely not a database, but long enough to have a header of sorts....\n"
          "and more lines of text so that the file is larger than one hundred bytes.\n", f);
    fclose(f);
    char *out = runf(&code, "stories --db %s 2>&1%s", db, "");
    assert_int_equal(code, 1);
    assert_non_null(strstr(out, db));
    assert_non_null(strstr(out, "not a parallax database"));
    free(out);
    out = runf(&code, "ingest --db %s %s 2>&1", db, "examples/corpus");
    assert_int_equal(code, 1);
    assert_non_null(strstr(out, db));
    free(out);
    out = runf(&code, "stories --db %s/missing/x.db 2>&1%s", db, "");
    assert_int_equal(code, 1);
    assert_non_null(strstr(out, "cannot open"));
    free(out);
    out = run("serve --port 99999 2>&1", &code);
    assert_int_equal(code, 2);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_ingest_search_show_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sources_template, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_databases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_only_folder, setup, teardown),
    };
    return cmocka_run_group_tests_name("store_cli", tests, NULL, NULL);
}
