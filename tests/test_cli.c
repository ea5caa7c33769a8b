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

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len + 4096 + 1 > cap) {
            cap = (cap ? cap * 2 : 8192) + 4096;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t got = fread(buf + *len, 1, cap - *len - 1, f);
        *len += got;
        if (!got)
            break;
    }
    fclose(f);
    buf[*len] = 0;
    return buf;
}

/* Byte offset of each code point of s (and of its end), so that a code
 * point slice [a, b) is the bytes [at[a], at[b]). */
static size_t *code_point_starts(const char *s, size_t len, size_t *n)
{
    size_t *at = malloc((len + 1) * sizeof *at);
    assert_non_null(at);
    *n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            at[(*n)++] = i;
    at[*n] = len;
    return at;
}

/* With --raw every quote's pieces, sliced out of the input file by their
 * code point offsets, are the quote: on every PolNeAR text (a headline, a
 * blank line, the body), train and dev. */
static void test_raw_quote_offsets_index_the_input_file(void **s)
{
    (void)s;
    static const char *const splits[] = {"data/quotes/polnear/train/text", "data/quotes/polnear/dev/text"};
    size_t checked = 0, headline_quotes = 0;
    for (size_t k = 0; k < 2; k++) {
        char dir[1024], args[1200];
        snprintf(dir, sizeof dir, "%s", tu_shared(splits[k]));
        snprintf(args, sizeof args, "quotes --raw -q %s", dir);
        int code;
        char *out = run(args, &code);
        assert_int_equal(code, 0);
        for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
            cJSON *q = cJSON_Parse(line);
            assert_non_null(q);
            char path[2048];
            snprintf(path, sizeof path, "%s/%s.txt", dir, cJSON_GetObjectItem(q, "source")->valuestring);
            size_t len, n_cp;
            char *text = slurp(path, &len);
            size_t *at = code_point_starts(text, len, &n_cp);
            char joined[65536];
            size_t used = 0;
            const cJSON *piece;
            cJSON_ArrayForEach(piece, cJSON_GetObjectItem(q, "pieces")) {
                size_t a = (size_t)cJSON_GetObjectItem(piece, "start")->valuedouble;
                size_t b = (size_t)cJSON_GetObjectItem(piece, "end")->valuedouble;
                assert_true(a <= b && b <= n_cp);
                size_t bytes = at[b] - at[a];
                assert_true(used + bytes + 2 < sizeof joined);
                if (used)
                    joined[used++] = ' ';
                memcpy(joined + used, text + at[a], bytes);
                used += bytes;
            }
            joined[used] = 0;
            const char *quote = cJSON_GetObjectItem(q, "text")->valuestring;
            if (strcmp(joined, quote) != 0)
                fail_msg("%s: \"%s\" at the offsets, quote \"%s\"", path, joined, quote);
            size_t first = (size_t)cJSON_GetObjectItem(q, "start")->valuedouble;
            const char *blank = strstr(text, "\n\n");
            headline_quotes += blank && text + at[first] < blank;
            checked++;
            free(at);
            free(text);
            cJSON_Delete(q);
        }
        free(out);
    }
    assert_true(checked > 5000);
    assert_true(headline_quotes > 0); /* the headline is part of the raw text */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_and_usage),
        cmocka_unit_test(test_read_seeds_prints_five_json_lines),
        cmocka_unit_test(test_stdin_and_failing_input_exit_code),
        cmocka_unit_test(test_sentences_command),
        cmocka_unit_test(test_read_cleans_unless_raw),
        cmocka_unit_test(test_raw_quote_offsets_index_the_input_file),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
