/* test_read.c - the readers: plain text in the shapes of real scraped
 * files, JSON Lines, folders, compression, the sources file and bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "read/read_internal.h"
#include "testutil.h"
#include "read/read_internal.h"

static px_article *by_path_suffix(tu_result *r, const char *suffix)
{
    for (size_t i = 0; i < r->n; i++) {
        size_t n = strlen(r->articles[i]->input_path), k = strlen(suffix);
        if (n >= k && strcmp(r->articles[i]->input_path + n - k, suffix) == 0)
            return r->articles[i];
    }
    fail_msg("no article read from *%s", suffix);
    return NULL;
}

/* Options are optional: a caller that gives none reads with the defaults
 * and no diagnostics, raw or cleaned. */
static int count_and_free(px_article *a, void *ud)
{
    (*(size_t *)ud)++;
    px_article_free(a);
    return 0;
}

static void test_no_options_reads_with_defaults(void **s)
{
    (void)s;
    const char *paths[] = {tu_shared("seeds")};
    size_t raw = 0, cleaned = 0;
    assert_int_equal(px_read_paths(paths, 1, NULL, count_and_free, &raw), 0);
    assert_int_equal(px_read_clean_paths(paths, 1, NULL, NULL, count_and_free, &cleaned), 0);
    assert_int_equal(raw, 5);
    assert_int_equal(cleaned, 5);
}

static void test_seeds_shapes(void **s)
{
    (void)s;
    tu_result r;
    px_read_opts o = {0};
    tu_read_raw_one(&r, tu_shared("seeds"), &o);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.n, 5);
    px_article *a0 = by_path_suffix(&r, "000_9174a8464403a93b.txt");
    assert_int_equal(a0->highlights.n, 3);
    assert_null(a0->title);
    assert_true(strncmp(a0->highlights.items[0], "According to the report", 23) == 0);
    assert_true(strncmp(a0->body, "Vice President Kamala Harris", 28) == 0);
    px_article *a1 = by_path_suffix(&r, "001_df5b7f4de51ec65d.txt");
    assert_string_equal(a1->date, "2023-10-31");
    assert_true(strncmp(a1->body, "Former aides to Kamala Harris", 29) == 0);
    px_article *a2 = by_path_suffix(&r, "002_29bd39887e23459a.txt");
    assert_string_equal(a2->title, "Biden Cautions Netanyahu on Ground Offensive in Southern Gaza");
    assert_true(strncmp(a2->body, "President Biden warned", 22) == 0);
    px_article *a3 = by_path_suffix(&r, "003_5bd56814a8206494.txt");
    assert_null(a3->title); /* a first line ending in a full stop is body */
    /* blank-line paragraphs come out separated by one empty line */
    assert_non_null(strstr(a2->body, "\n\nDuring the call on Sunday"));
    for (size_t i = 0; i < r.n; i++) {
        assert_int_equal(strlen(r.articles[i]->id), 16);
        assert_string_equal(r.articles[i]->language, "en");
    }
    tu_result_free(&r);
}

static void test_txt_one_paragraph_per_line(void **s)
{
    (void)s;
    const char text[] = "First line of the story.\nSecond line of it.\n";
    px_article *a = px_article_new();
    assert_int_equal(px_parse_txt(text, strlen(text), a, NULL), PX_OK);
    assert_string_equal(a->body, "First line of the story.\n\nSecond line of it.");
    px_article_free(a);
}

static void test_txt_wrapped_paragraphs_are_joined(void **s)
{
    (void)s;
    const char text[] = "Markets Rally\n\nShares rose on\nThursday.\n\nBonds fell.\n";
    px_article *a = px_article_new();
    assert_int_equal(px_parse_txt(text, strlen(text), a, NULL), PX_OK);
    assert_string_equal(a->title, "Markets Rally");
    assert_string_equal(a->body, "Shares rose on Thursday.\n\nBonds fell.");
    px_article_free(a);
}

static void test_txt_short_lines_in_a_block_stay_apart(void **s)
{
    (void)s;
    const char text[] = "Body first.\n\nRead more:\nFirst Related Headline\nSecond One Here\n\n"
                        "Wrapped text goes on\nacross a line.\n";
    px_article *a = px_article_new();
    assert_int_equal(px_parse_txt(text, strlen(text), a, NULL), PX_OK);
    assert_string_equal(a->body, "Body first.\n\nRead more:\n\nFirst Related Headline\n\n"
                                 "Second One Here\n\nWrapped text goes on across a line.");
    px_article_free(a);
}

static void test_jsonl_fields_and_extra(void **s)
{
    (void)s;
    const char data[] =
        "{\"id\":\"a1\",\"url\":\"https://news.example/x\",\"source\":\"Wire\",\"title\":\"T\","
        "\"date\":\"Oct. 31, 2023\",\"authors\":[\"A B\",\"C D\"],\"text\":\"Body.\","
        "\"section\":\"world\",\"tags\":[1,2]}\n"
        "\n"
        "{\"title\":\"Second\",\"text\":\"More.\",\"author\":\"E F\"}\n";
    char *path = tu_write_temp(data, sizeof data - 1, ".jsonl");
    tu_result r;
    tu_read_one(&r, path, NULL);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.n, 2);
    px_article *a = r.articles[0];
    assert_string_equal(a->id, "a1");
    assert_string_equal(a->date, "2023-10-31");
    assert_int_equal(a->authors.n, 2);
    assert_string_equal(a->body, "Body.");
    assert_non_null(strstr(a->extra_json, "\"section\":\"world\""));
    assert_non_null(strstr(a->extra_json, "\"tags\":[1,2]"));
    assert_int_equal(a->input_line, 1);
    assert_int_equal(r.articles[1]->input_line, 3);
    assert_string_equal(r.articles[1]->authors.items[0], "E F");
    tu_result_free(&r);
    unlink(path);
    free(path);
}

static void test_malformed_json_line_is_reported_and_others_kept(void **s)
{
    (void)s;
    const char data[] = "{\"text\":\"one\"}\n{\"text\": oops}\n[1,2]\n{\"text\":\"four\"}\n";
    char *path = tu_write_temp(data, sizeof data - 1, ".jsonl");
    tu_result r;
    tu_read_one(&r, path, NULL);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.errors, 2);
    assert_int_equal(r.rc, 2);
    assert_non_null(strstr(r.last_error, ":3: expected a JSON object"));
    assert_non_null(strstr(r.last_error, path));
    tu_result_free(&r);
    unlink(path);
    free(path);
}

static void test_overlong_line_is_skipped(void **s)
{
    (void)s;
    size_t big = 3u << 20;
    char *data = malloc(big + 64);
    strcpy(data, "{\"text\":\"");
    memset(data + 9, 'x', big);
    strcpy(data + 9 + big, "\"}\n{\"text\":\"next\"}\n");
    char *path = tu_write_temp(data, strlen(data), ".jsonl");
    tu_result r;
    px_read_opts o = {.max_record = 1u << 20};
    tu_read_one(&r, path, &o);
    assert_int_equal(r.errors, 1);
    assert_non_null(strstr(r.last_error, ":1: line longer than 1 MiB (see --max-record)"));
    assert_int_equal(r.n, 1);
    assert_string_equal(r.articles[0]->body, "next");
    tu_result_free(&r);
    unlink(path);
    free(path);
    free(data);
}

static void test_gzip_and_zstd_by_magic(void **s)
{
    (void)s;
    const char text[] = "Compressed Headline Here\n\nThe body of a compressed article.\n";
    /* gzip: two members, as `cat a.gz b.gz` makes */
    char gz[512];
    size_t gz_len = 0;
    for (int m = 0; m < 2; m++) {
        z_stream z = {0};
        assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
        const char *part = m == 0 ? text : "More text.\n";
        z.next_in = (Bytef *)part;
        z.avail_in = (uInt)strlen(part);
        z.next_out = (Bytef *)gz + gz_len;
        z.avail_out = (uInt)(sizeof gz - gz_len);
        assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
        gz_len = sizeof gz - z.avail_out;
        deflateEnd(&z);
    }
    char *gz_path = tu_write_temp(gz, gz_len, ".txt.gz");
    char zs[512];
    size_t zs_len = ZSTD_compress(zs, sizeof zs, text, strlen(text), 3);
    char *zs_path = tu_write_temp(zs, zs_len, ".txt.zst");
    tu_result r;
    tu_read_one(&r, gz_path, NULL);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.articles[0]->title, "Compressed Headline Here");
    assert_string_equal(r.articles[0]->body, "The body of a compressed article.\n\nMore text.");
    tu_result_free(&r);
    tu_read_one(&r, zs_path, NULL);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.articles[0]->body, "The body of a compressed article.");
    tu_result_free(&r);
    /* a truncated gzip stream is an error naming the file, not a crash */
    char *cut = tu_write_temp(gz, gz_len / 3, ".txt.gz");
    tu_read_one(&r, cut, NULL);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.errors, 1);
    assert_non_null(strstr(r.last_error, cut));
    assert_non_null(strstr(r.last_error, "truncated gzip"));
    tu_result_free(&r);
    unlink(gz_path);
    unlink(zs_path);
    unlink(cut);
    free(gz_path);
    free(zs_path);
    free(cut);
}

/* A JSON Lines record without text is kept (its title may still count)
 * but a warning names its line. */
/* A zstd bomb (80 MiB of one letter in a few KB) stops at the expansion
 * cap, naming where, after reading a bounded part of it. */
static void test_compression_bomb_stops_at_the_cap(void **s)
{
    (void)s;
    size_t big = (size_t)80 << 20;
    char *plain = malloc(big);
    assert_non_null(plain);
    memset(plain, 'a', big);
    size_t cap = ZSTD_compressBound(big);
    char *z = malloc(cap);
    assert_non_null(z);
    size_t zlen = ZSTD_compress(z, cap, plain, big, 1);
    free(plain);
    assert_false(ZSTD_isError(zlen));
    assert_true(zlen < (size_t)1 << 20);

    px_input *in;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_input_open_memory(&in, z, zlen, "bomb.zst", &err), PX_OK);
    px_input_limit(in, 0, PX_DEFAULT_MAX_EXPANSION);
    static char buf[1 << 16];
    long got, total = 0;
    while ((got = px_input_read(in, buf, sizeof buf, &err)) > 0)
        total += got;
    assert_true(got < 0);
    assert_int_equal(err.code, PX_EFORMAT);
    assert_non_null(strstr(err.msg, "compressed offset"));
    assert_true(total >= PX_EXPANSION_FLOOR && total < (long)big);
    px_input_close(in);

    /* without a cap the whole of it is read */
    assert_int_equal(px_input_open_memory(&in, z, zlen, "bomb.zst", &err), PX_OK);
    total = 0;
    while ((got = px_input_read(in, buf, sizeof buf, &err)) > 0)
        total += got;
    assert_int_equal(got, 0);
    assert_int_equal(total, (long)big);
    px_input_close(in);
    free(z);
}

/* An absolute cap (what the server applies to a posted body) is an error
 * naming the file; the records before it are kept. */
static void test_decompressed_cap_names_the_file(void **s)
{
    (void)s;
    px_buf b = {0};
    for (int i = 0; i < 20000; i++)
        px_buf_printf(&b, "{\"id\":\"r%d\",\"title\":\"Record %d\",\"text\":\"Some words of record %d "
                          "that make a line of text long enough.\"}\n", i, i, i);
    uLongf glen = compressBound(b.len) + 64;
    unsigned char *gz = malloc(glen);
    z_stream zs = {0};
    assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = (unsigned char *)b.data;
    zs.avail_in = (uInt)b.len;
    zs.next_out = gz;
    zs.avail_out = (uInt)glen;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    char *path = tu_write_temp(gz, zs.total_out, ".jsonl");
    deflateEnd(&zs);
    free(gz);
    px_read_opts o = {.max_decompressed = 1 << 20};
    tu_result r;
    tu_read_raw_one(&r, path, &o);
    assert_true(r.errors >= 1);
    assert_non_null(strstr(r.last_error, path));
    assert_non_null(strstr(r.last_error, "limit of 1048576 bytes"));
    assert_true(r.n > 0 && r.n < 20000);
    tu_result_free(&r);
    tu_read_raw_one(&r, path, NULL);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.n, 20000);
    tu_result_free(&r);
    unlink(path);
    free(path);
    px_buf_free(&b);
}

static void test_jsonl_record_without_text_warns(void **s)
{
    (void)s;
    static const char jl[] = "{\"title\":\"Only a headline\"}\n{\"text\":\"A body.\"}\n";
    char *path = tu_write_temp(jl, sizeof jl - 1, ".jsonl");
    tu_result r;
    tu_read_one(&r, path, NULL);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.warnings, 1);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.articles[0]->title, "Only a headline");
    tu_result_free(&r);
    unlink(path);
    free(path);
}

/* An escaped NUL no longer cuts the text short, and a lone surrogate no
 * longer loses the record: both become U+FFFD, with a warning. An escaped
 * backslash before "u0000" is text, not an escape, and stays. */
static void test_jsonl_nul_and_lone_surrogate_are_repaired(void **s)
{
    (void)s;
    static const char jl[] =
        "{\"title\":\"Nul\",\"text\":\"Before the nul\\u0000 and after it.\"}\n"
        "{\"title\":\"Lone\",\"text\":\"A lone \\ud800 surrogate, then more.\"}\n"
        "{\"title\":\"Pair\",\"text\":\"A pair \\ud83d\\ude00 and a backslash \\\\u0000 text.\"}\n";
    char *path = tu_write_temp(jl, sizeof jl - 1, ".jsonl");
    tu_result r;
    tu_read_raw_one(&r, path, NULL);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.warnings, 2);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.articles[0]->body, "Before the nul\xef\xbf\xbd and after it.");
    assert_string_equal(r.articles[1]->body, "A lone \xef\xbf\xbd surrogate, then more.");
    assert_string_equal(r.articles[2]->body, "A pair \xf0\x9f\x98\x80 and a backslash \\u0000 text.");
    assert_non_null(strstr(r.last_error, "U+FFFD"));
    tu_result_free(&r);
    unlink(path);
    free(path);
}

/* A link back to a folder (to . or to a parent) is reported once and
 * every file is read once; two such links do not make the walk endless. */
static void test_folder_links_are_followed_once(void **s)
{
    (void)s;
    char dir[] = "/tmp/px-loop-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[600], sub[64];
    snprintf(p, sizeof p, "%s/a.txt", dir);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("Only one article lives in this folder.\n", f);
    fclose(f);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    snprintf(p, sizeof p, "%s/self", dir);
    assert_int_equal(symlink(".", p), 0);
    snprintf(p, sizeof p, "%s/up", sub);
    assert_int_equal(symlink("..", p), 0);
    snprintf(p, sizeof p, "%s/same.txt", sub);
    assert_int_equal(symlink("../a.txt", p), 0);
    tu_result r;
    const char *paths[] = {dir};
    tu_read(&r, paths, 1, NULL);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.warnings, 2); /* self and sub/up */
    assert_non_null(strstr(r.last_error, "loop"));
    tu_result_free(&r);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_bad_inputs_are_reported_and_reading_goes_on(void **s)
{
    (void)s;
    char *empty = tu_write_temp("", 0, ".txt");
    char *binary = tu_write_temp("\x7f" "ELF\0\0\1\2junk", 12, ".txt");
    char *latin1 = tu_write_temp("Price Rise\n\nIt cost \xa3" "5 today.\n", 29, ".txt");
    char *good = tu_write_temp("A fine sentence.\n", 17, ".txt");
    const char *paths[] = {empty, "/nonexistent/file.txt", binary, latin1, good};
    tu_result r;
    tu_read(&r, paths, 5, NULL);
    assert_int_equal(r.errors, 3); /* empty, missing, binary */
    assert_int_equal(r.warnings, 1); /* invalid UTF-8 repaired */
    assert_int_equal(r.n, 2);
    assert_non_null(strstr(r.articles[0]->body, "It cost \xEF\xBF\xBD" "5 today."));
    assert_string_equal(r.articles[1]->body, "A fine sentence.");
    tu_result_free(&r);
    for (size_t i = 0; i < 5; i++)
        if (i != 1) {
            unlink(paths[i]);
            free((char *)paths[i]);
        }
}

/* TSV from memory with quoted fields; an empty key names its line. */
static void test_sources_parse_quoted_and_bad(void **s)
{
    (void)s;
    static const char tsv[] = "key\tname\tleaning\tcountry\n"
                              "# a comment\n"
                              "post.example\t\"The \"\"Post\"\", Daily\"\tleft\tUS\n";
    px_sources *src;
    px_error err;
    assert_int_equal(px_sources_parse(&src, tsv, sizeof tsv - 1, "mem.tsv", &err), PX_OK);
    assert_int_equal(px_sources_count(src), 1);
    px_article *a = px_article_new();
    px_set_str(&a->url, "https://news.post.example/2025/x");
    assert_int_equal(px_sources_apply(src, a), 1);
    assert_string_equal(a->source, "The \"Post\", Daily");
    assert_string_equal(a->leaning, "left");
    px_article_free(a);
    px_sources_free(src);
    static const char bad[] = "a.example,A\n,No key\n";
    assert_int_equal(px_sources_parse(&src, bad, sizeof bad - 1, "bad.csv", &err), PX_EFORMAT);
    assert_null(src);
    assert_non_null(strstr(err.msg, "bad.csv:2: empty key"));
}

static void test_sources_file(void **s)
{
    (void)s;
    const char csv[] = "key,name,leaning,country\n"
                       "herald.example,The Herald,center-left,US\n"
                       "\"wire\",\"Wire, Inc.\",wire,GB\n"
                       "ledger,Liberty Ledger,right,US\n";
    char *path = tu_write_temp(csv, sizeof csv - 1, ".csv");
    px_sources *src;
    assert_int_equal(px_sources_load(&src, path, NULL), PX_OK);
    assert_int_equal(px_sources_count(src), 3);
    px_article *a = px_article_new();
    px_set_str(&a->url, "https://www.news.herald.example/2025/story");
    assert_int_equal(px_sources_apply(src, a), 1);
    assert_string_equal(a->source, "The Herald");
    assert_string_equal(a->leaning, "center-left");
    px_article_free(a);
    a = px_article_new();
    px_set_str(&a->source, "WIRE");
    assert_int_equal(px_sources_apply(src, a), 1);
    assert_string_equal(a->source, "Wire, Inc.");
    assert_string_equal(a->country, "GB");
    px_article_free(a);
    a = px_article_new();
    px_set_str(&a->input_path, "corpus/ledger--bridge.txt");
    assert_int_equal(px_sources_apply(src, a), 1);
    assert_string_equal(a->source, "Liberty Ledger");
    px_article_free(a);
    px_sources_free(src);
    unlink(path);
    free(path);
}

/* A page's publisher name is the outlet only when it names the site. */
static void test_publisher_name_must_name_the_host(void **s)
{
    (void)s;
    static const struct {
        const char *name, *host, *want; /* want NULL: the host names it */
    } cases[] = {
        {"Wall Street Journal", "wsj.com", "Wall Street Journal"},
        {"Los Angeles Times", "latimes.com", "Los Angeles Times"},
        {"Houston Chronicle", "chron.com", "Houston Chronicle"},
        {"NBC 5 Dallas-Fort Worth", "nbcdfw.com", "NBC 5 Dallas-Fort Worth"},
        {"ProFootballTalk", "profootballtalk.nbcsports.com", "ProFootballTalk"},
        {"The Paradigm", "theparadigmng.com", "The Paradigm"},
        {"Daily Planet | News, Sport and Weather", "dailyplanet.example", "Daily Planet"},
        {"Weather and more - Metro Herald", "metroherald.co.uk", "Metro Herald"},
        {"\xe5\x9b\xbd\xe9\x9a\x9b", "example.jp", "\xe5\x9b\xbd\xe9\x9a\x9b"},
        {"Blogger", "dailyplanet.example", NULL},        /* the platform */
        {"U.S.", "reuters.com", NULL},                   /* a section */
        {"MSN", "cnn.com", NULL},                        /* a syndicator */
        {"nj", "nj.com", NULL},                          /* a slug */
        {"@planet", "planet.example", NULL},             /* a handle, then a slug */
        {"Como Weekly", "example.co.uk", NULL},         /* "co" names no outlet */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[256];
        int fits = px_source_name_fits_host(cases[i].name, cases[i].host, out, sizeof out);
        if (!cases[i].want) {
            if (fits)
                fail_msg("%s on %s taken as %s", cases[i].name, cases[i].host, out);
            continue;
        }
        assert_int_equal(fits, 1);
        assert_string_equal(out, cases[i].want);
    }
}

static void test_example_corpus(void **s)
{
    (void)s;
    px_sources *src;
    assert_int_equal(px_sources_load(&src, "examples/sources.csv", NULL), PX_OK);
    px_read_opts o = {.sources = src};
    tu_result r;
    tu_read_raw_one(&r, "examples/corpus", &o);
    assert_int_equal(r.errors, 0);
    assert_true(r.n >= 8 && r.n <= 14);
    int with_leaning = 0;
    for (size_t i = 0; i < r.n; i++) {
        with_leaning += r.articles[i]->leaning != NULL;
        assert_true(strlen(r.articles[i]->body) > 200);
    }
    assert_int_equal(with_leaning, (int)r.n);
    tu_result_free(&r);
    px_sources_free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seeds_shapes),
        cmocka_unit_test(test_no_options_reads_with_defaults),
        cmocka_unit_test(test_txt_one_paragraph_per_line),
        cmocka_unit_test(test_txt_wrapped_paragraphs_are_joined),
        cmocka_unit_test(test_txt_short_lines_in_a_block_stay_apart),
        cmocka_unit_test(test_jsonl_fields_and_extra),
        cmocka_unit_test(test_malformed_json_line_is_reported_and_others_kept),
        cmocka_unit_test(test_overlong_line_is_skipped),
        cmocka_unit_test(test_gzip_and_zstd_by_magic),
        cmocka_unit_test(test_compression_bomb_stops_at_the_cap),
        cmocka_unit_test(test_decompressed_cap_names_the_file),
        cmocka_unit_test(test_bad_inputs_are_reported_and_reading_goes_on),
        cmocka_unit_test(test_sources_file),
        cmocka_unit_test(test_jsonl_record_without_text_warns),
        cmocka_unit_test(test_jsonl_nul_and_lone_surrogate_are_repaired),
        cmocka_unit_test(test_folder_links_are_followed_once),
        cmocka_unit_test(test_sources_parse_quoted_and_bad),
        cmocka_unit_test(test_publisher_name_must_name_the_host),
        cmocka_unit_test(test_example_corpus),
    };
    return cmocka_run_group_tests_name("read", tests, NULL, NULL);
}
