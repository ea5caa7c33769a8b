/* test_text.c - Unicode forms, tokens, stems and stopwords on news text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text/text_internal.h"

static void test_nfc_composes(void **s)
{
    (void)s;
    /* "Tomás" with a combining acute accent becomes the precomposed á. */
    const char decomposed[] = "Dr. Toma\xCC\x81s Urrutia";
    char *n = px_nfc(decomposed, strlen(decomposed));
    assert_string_equal(n, "Dr. Tom\xC3\xA1s Urrutia");
    free(n);
    n = px_nfc("plain ASCII", 11);
    assert_string_equal(n, "plain ASCII");
    free(n);
}

static void test_fold_matches_quote_styles(void **s)
{
    (void)s;
    const char curly[] = "\xE2\x80\x9CThis is the darkest day in Port Alder\xE2\x80\x99s history\xE2\x80\x9D";
    const char straight[] = "\"this is the DARKEST day in Port Alder's history\"";
    char *a = px_fold(curly, strlen(curly)), *b = px_fold(straight, strlen(straight));
    assert_string_equal(a, b);
    free(a);
    free(b);
    /* dashes, compatibility forms and case folding */
    const char text[] = "Israel\xE2\x80\x93Hamas \xEF\xAC\x81nal \xE2\x80\x94 STRA\xC3\x9F" "E";
    a = px_fold(text, strlen(text));
    assert_string_equal(a, "israel-hamas final - strasse");
    free(a);
}

/* Folding goes through utf8proc only around non-ASCII bytes; the rest is
 * folded as ASCII. A combining mark joins the ASCII letter before it, a
 * repaired byte stays a replacement character, and a text folded whole
 * equals its pieces folded apart and joined, wherever they are cut
 * between two ASCII characters. */
static void test_fold_in_pieces_equals_fold_whole(void **s)
{
    (void)s;
    const char piece[] = "Cafe\xCC\x81 \xE2\x80\x9CNo\xC3\xABl\xE2\x80\x9D, CAF\xE9 \xEF\xAC\x81ne. ";
    char *one = px_fold(piece, strlen(piece));
    assert_string_equal(one, "caf\xC3\xA9 \"no\xC3\xABl\", caf\xEF\xBF\xBD fine. ");
    px_buf long_text = {0}, want = {0};
    for (int i = 0; i < 1000; i++) {
        px_buf_printf(&long_text, "Line %d said %s", i, piece);
        px_buf_printf(&want, "line %d said %s", i, one);
    }
    char *all = px_fold(long_text.data, long_text.len);
    assert_string_equal(all, want.data);
    free(all);
    free(one);
    px_buf_free(&long_text);
    px_buf_free(&want);
}

static void test_invalid_utf8_is_repaired(void **s)
{
    (void)s;
    const char bad[] = "caf\xE9 au lait \xFF";
    char *n = px_nfc(bad, strlen(bad));
    assert_string_equal(n, "caf\xEF\xBF\xBD au lait \xEF\xBF\xBD");
    free(n);
    n = px_fold(bad, strlen(bad));
    assert_string_equal(n, "caf\xEF\xBF\xBD au lait \xEF\xBF\xBD");
    free(n);
}

static void test_code_point_offsets(void **s)
{
    (void)s;
    const char text[] = "\xE2\x80\x9CWe\xE2\x80\x9D said Tom\xC3\xA1s.";
    assert_int_equal(px_utf8_offset_to_cp(text, 0), 0);
    assert_int_equal(px_utf8_offset_to_cp(text, 3), 1);   /* after the opening quote */
    assert_int_equal(px_utf8_offset_to_cp(text, 8), 4);   /* after the closing quote */
    assert_int_equal(px_utf8_offset_to_cp(text, strlen(text)), 16);
}

/* Tokens of text as "kind:text" joined by '|'. */
static char *tokens_of(const char *text)
{
    static const char *kinds[] = {"W", "N", "U", "H", "P", "S"};
    px_tokens t = {0};
    assert_int_equal(px_tokenize(text, strlen(text), &t), PX_OK);
    px_buf b = {0};
    for (size_t i = 0; i < t.n; i++)
        px_buf_printf(&b, "%s%s:%.*s", i ? "|" : "", kinds[t.v[i].kind],
                      (int)(t.v[i].end - t.v[i].start), text + t.v[i].start);
    px_tokens_free(&t);
    return px_buf_steal(&b);
}

static void expect_tokens(const char *text, const char *want)
{
    char *got = tokens_of(text);
    if (strcmp(got, want) != 0)
        fail_msg("tokens of \"%s\"\n  want %s\n  got  %s", text, want, got);
    free(got);
}

static void test_tokens_words_and_contractions(void **s)
{
    (void)s;
    expect_tokens("Biden's aides don't agree.", "W:Biden's|W:aides|W:don't|W:agree|P:.");
    expect_tokens("Harris' pleas", "W:Harris'|W:pleas");
    expect_tokens("Port Alder\xE2\x80\x99s well-known bridge",
                  "W:Port|W:Alder\xE2\x80\x99s|W:well-known|W:bridge");
    expect_tokens("the Israel-Hamas conflict, a two-state solution",
                  "W:the|W:Israel-Hamas|W:conflict|P:,|W:a|W:two-state|W:solution");
}

static void test_tokens_numbers(void **s)
{
    (void)s;
    expect_tokens("killed more than 18,000 people", "W:killed|W:more|W:than|N:18,000|W:people");
    expect_tokens("1.4 million Palestinians", "N:1.4|W:million|W:Palestinians");
    expect_tokens("49% of Democrats", "N:49%|W:of|W:Democrats");
    expect_tokens("$17M a week, $1.2M and $3.2 billion",
                  "N:$17M|W:a|W:week|P:,|N:$1.2M|W:and|N:$3.2|W:billion");
    expect_tokens("at 6:12 a.m. on 2025-03-04", "W:at|N:6:12|W:a.m.|W:on|N:2025-03-04");
    expect_tokens("the 1990s and the 3rd round", "W:the|N:1990s|W:and|W:the|N:3rd|W:round");
    expect_tokens("after 9/11 and on 10/31/2023", "W:after|N:9/11|W:and|W:on|N:10/31/2023");
    expect_tokens("a 22-year-old driver", "W:a|N:22-year-old|W:driver");
    expect_tokens("$100.00. It", "N:$100.00|P:.|W:It");
}

static void test_tokens_flags(void **s)
{
    (void)s;
    const char text[] = "U.S. Rep. Cori Bush, D-Mo., said $17M was 49% of NATO funds";
    px_tokens t = {0};
    assert_int_equal(px_tokenize(text, strlen(text), &t), PX_OK);
    assert_int_equal(t.n, 14);
    assert_true(t.v[0].flags & PX_TOKF_INITIALISM);   /* U.S. */
    assert_int_equal(t.v[0].end - t.v[0].start, 4);
    assert_true(t.v[1].flags & PX_TOKF_ABBREV);       /* Rep. */
    assert_true(t.v[2].flags & PX_TOKF_CAPITALIZED);  /* Cori */
    assert_true(t.v[5].flags & PX_TOKF_INITIALISM);   /* D-Mo. */
    assert_true(t.v[5].flags & PX_TOKF_HYPHENATED);
    assert_int_equal(t.v[6].kind, PX_TOK_PUNCT);      /* , */
    assert_true(t.v[8].flags & PX_TOKF_CURRENCY);
    assert_true(t.v[10].flags & PX_TOKF_PERCENT);
    assert_true(t.v[12].flags & PX_TOKF_ALLCAPS);     /* NATO */
    /* offsets point into the text */
    assert_memory_equal(text + t.v[2].start, "Cori", 4);
    px_tokens_free(&t);
}

static void test_tokens_urls_handles_initials(void **s)
{
    (void)s;
    expect_tokens("See https://www.example.50.com/new-site/a_b.html. Then",
                  "W:See|U:https://www.example.50.com/new-site/a_b.html|P:.|W:Then");
    expect_tokens("(www.harborherald.example/live)", "P:(|U:www.harborherald.example/live|P:)");
    expect_tokens("Jane.Doe@example.com wrote", "U:Jane.Doe@example.com|W:wrote");
    expect_tokens("told @PortAlderPD and #bridge", "W:told|H:@PortAlderPD|W:and|H:#bridge");
    expect_tokens("Jonas E. Smith", "W:Jonas|W:E.|W:Smith");
    expect_tokens("Oct. 7 and Sen. Lowell", "W:Oct.|N:7|W:and|W:Sen.|W:Lowell");
    expect_tokens("wait... what", "W:wait|P:...|W:what");
    expect_tokens("politico.com reported", "U:politico.com|W:reported");
}

static void test_tokens_unicode_and_junk(void **s)
{
    (void)s;
    expect_tokens("\xE2\x80\x9CWe\xE2\x80\x9D \xE2\x80\x94 Ferrada", "P:\xE2\x80\x9C|W:We|P:\xE2\x80\x9D|P:\xE2\x80\x94|W:Ferrada");
    expect_tokens("Cerro Velado \xC2\xA9 2025", "W:Cerro|W:Velado|S:\xC2\xA9|N:2025");
    /* invalid bytes become symbols, never a crash */
    expect_tokens("a\xFF" "b", "W:a|S:\xFF|W:b");
    px_tokens t = {0};
    assert_int_equal(px_tokenize("", 0, &t), PX_OK);
    assert_int_equal(t.n, 0);
    px_tokens_free(&t);
}

static void test_stems(void **s)
{
    (void)s;
    px_stemmer *st = px_stemmer_new("en");
    assert_non_null(st);
    size_t n;
    const char *r = px_stem(st, "negotiations", 12, &n);
    assert_int_equal(n, 6);
    assert_memory_equal(r, "negoti", 6);
    r = px_stem(st, "bombings", 8, &n);
    assert_int_equal(n, 4);
    assert_memory_equal(r, "bomb", 4);
    r = px_stem(st, "crumbling", 9, &n);
    assert_memory_equal(r, "crumbl", n);
    px_stemmer_free(st);
    assert_null(px_stemmer_new("xx"));
    st = px_stemmer_new("de-DE");
    assert_non_null(st);
    px_stemmer_free(st);
}

static void test_stopwords(void **s)
{
    (void)s;
    assert_true(px_is_stopword("en", "the", 3));
    assert_true(px_is_stopword("en", "they", 4));
    assert_true(px_is_stopword("en", "don't", 5));
    assert_true(px_is_stopword("en", "don\xE2\x80\x99t", 7));
    assert_true(px_is_stopword(NULL, "how", 3));
    assert_false(px_is_stopword("en", "bridge", 6));
    assert_false(px_is_stopword("en", "th", 2));
    assert_false(px_is_stopword("en", "thee", 4));
    assert_false(px_is_stopword("fr", "the", 3));
}

static int same_tokens(const px_tokens *a, const px_tokens *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].start != b->v[i].start || a->v[i].end != b->v[i].end || a->v[i].kind != b->v[i].kind)
            return 0;
    return 1;
}

/* Where px_tokens_fold_alike says a text and its lower case split alike
 * (given the tokens of either), they do: checked on many texts made of
 * the pieces where case matters; and it says no for each such piece. */
static void test_fold_alike_means_same_tokens(void **s)
{
    (void)s;
    static const char *const pieces[] = {"Jay", "Y", "y", ".", " ", "No", "no", "St", "HARRIS", "Harris", "'",
                                         "s", "S", "D-Mo", "U.S", "Example.COM", "bbc.co.uk", "HTTP", "http",
                                         "://", "www", "WWW", "3", "rd", "-", ",", "Lee", "Sunday", "\n"};
    enum { PIECES = sizeof pieces / sizeof *pieces, TEXTS = 20000 };
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    size_t alike = 0;
    for (int k = 0; k < TEXTS; k++) {
        char text[128] = "", lower[128];
        size_t n = 0;
        for (int p = 0; p < 8; p++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *piece = pieces[(seed >> 33) % PIECES];
            size_t m = strlen(piece);
            memcpy(text + n, piece, m);
            n += m;
        }
        text[n] = '\0';
        for (size_t i = 0; i <= n; i++)
            lower[i] = text[i] >= 'A' && text[i] <= 'Z' ? (char)(text[i] + 32) : text[i];
        px_tokens a = {0}, b = {0};
        assert_int_equal(px_tokenize(text, n, &a), PX_OK);
        assert_int_equal(px_tokenize(lower, n, &b), PX_OK);
        int from_written = px_tokens_fold_alike(text, n, &a), from_lower = px_tokens_fold_alike(text, n, &b);
        if (from_written || from_lower) {
            if (!same_tokens(&a, &b))
                fail_msg("\"%s\" said to tokenise alike in lower case", text);
            alike++;
        }
        px_tokens_free(&a);
        px_tokens_free(&b);
    }
    assert_true(alike > TEXTS / 10); /* the test saw both answers */
    assert_true(alike < TEXTS);
    static const char *const differ[] = {"Jay Y. Lee", "at No. 5", "THE HARRIS' FARM", "see Example.COM now",
                                         "HTTP://x.org"};
    for (size_t i = 0; i < sizeof differ / sizeof *differ; i++) {
        px_tokens t = {0};
        assert_int_equal(px_tokenize(differ[i], strlen(differ[i]), &t), PX_OK);
        assert_false(px_tokens_fold_alike(differ[i], strlen(differ[i]), &t));
        px_tokens_free(&t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nfc_composes),
        cmocka_unit_test(test_fold_matches_quote_styles),
        cmocka_unit_test(test_fold_in_pieces_equals_fold_whole),
        cmocka_unit_test(test_invalid_utf8_is_repaired),
        cmocka_unit_test(test_code_point_offsets),
        cmocka_unit_test(test_tokens_words_and_contractions),
        cmocka_unit_test(test_tokens_numbers),
        cmocka_unit_test(test_tokens_flags),
        cmocka_unit_test(test_tokens_urls_handles_initials),
        cmocka_unit_test(test_tokens_unicode_and_junk),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_fold_alike_means_same_tokens),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
