/* test_cli.c - the parallax program as a user meets it: exit codes,
 * messages naming the file, JSON on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "testutil.h"

static char *run(const char *args, int *code)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s", tu_bin(), args);
    return tu_run(cmd, code);
}

static void test_version_and_usage(void **s)
{
    (void)s;
    int code;
    char *out = run("--version", &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "parallax " PX_VERSION));
    free(out);
    out = run("frobnicate 2>/dev/null", &code);
    assert_int_equal(code, 2);
    free(out);
    out = run("read --no-such-option 2>/dev/null", &code);
    assert_int_equal(code, 2);
    free(out);
    out = run("read --help", &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "usage: parallax read"));
    free(out);
}

static void test_read_seeds_prints_five_json_lines(void **s)
{
    (void)s;
    char args[1024];
    snprintf(args, sizeof args, "read %s", tu_shared("seeds"));
    int code;
    char *out = run(args, &code);
    assert_int_equal(code, 0);
    int lines = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        assert_true(cJSON_IsString(cJSON_GetObjectItem(o, "id")));
        assert_true(cJSON_IsString(cJSON_GetObjectItem(o, "text")));
        cJSON_Delete(o);
    }
    assert_int_equal(lines, 5);
    free(out);
}

static void test_stdin_and_failing_input_exit_code(void **s)
{
    (void)s;
    int code;
    char *out = run("read - < /dev/null 2>&1", &code);
    assert_int_equal(code, 1);
    assert_non_null(strstr(out, "-: error: empty file"));
    free(out);
    out = run("read --source Wire - 2>&1 <<'EOF'\n{\"text\":\"From stdin.\"}\nEOF", &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "\"source\":\"Wire\""));
    free(out);
    out = run("read /nonexistent.txt examples/sources.csv 2>&1 >/dev/null", &code);
    assert_int_equal(code, 1);
    assert_non_null(strstr(out, "/nonexistent.txt: error: cannot open"));
    free(out);
}

static void test_sentences_command(void **s)
{
    (void)s;
    int code;
    char *out = run("sentences --text - <<'EOF'\nAt 5 a.m. Mr. Smith left.\nHe went home. \xE2\x80\x9CWhy?\xE2\x80\x9D he asked.\nEOF", &code);
    assert_int_equal(code, 0);
    assert_string_equal(out, "At 5 a.m. Mr. Smith left.\nHe went home.\n\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.\n");
    free(out);
    /* articles: cleaned text, code point offsets */
    out = run("sentences - <<'EOF'\n{\"id\":\"x\",\"text\":\"\xE2\x80\x9CWe\xE2\x80\x9D left. Advertisement\\n\\nIt rained.\"}\nEOF", &code);
    assert_int_equal(code, 0);
    cJSON *o = cJSON_Parse(out);
    assert_non_null(o);
    cJSON *sents = cJSON_GetObjectItem(o, "sentences");
    assert_int_equal(cJSON_GetArraySize(sents), 3);
    cJSON *second = cJSON_GetArrayItem(sents, 1);
    assert_string_equal(cJSON_GetObjectItem(second, "text")->valuestring, "Advertisement");
    assert_int_equal(cJSON_GetObjectItem(second, "start")->valueint, 11);
    assert_int_equal(cJSON_GetObjectItem(second, "end")->valueint, 24);
    cJSON_Delete(o);
    free(out);
    out = run("sentences --text /nonexistent.txt 2>&1", &code);
    assert_int_equal(code, 1);
    assert_non_null(strstr(out, "/nonexistent.txt"));
    free(out);
}

static void test_read_cleans_unless_raw(void **s)
{
    (void)s;
    int code;
    char *out = run("read --show-removed examples/corpus/harbor-herald--bridge-collapse.txt 2>&1 >/dev/null", &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "removed [share-prompt]"));
    assert_non_null(strstr(out, ": Share this article"));
    free(out);
    out = run("read --raw examples/corpus/harbor-herald--bridge-collapse.txt", &code);
    assert_non_null(strstr(out, "Share this article"));
    assert_non_null(strstr(out, "\"removed\":[]"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_and_usage),
        cmocka_unit_test(test_read_seeds_prints_five_json_lines),
        cmocka_unit_test(test_stdin_and_failing_input_exit_code),
        cmocka_unit_test(test_sentences_command),
        cmocka_unit_test(test_read_cleans_unless_raw),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
