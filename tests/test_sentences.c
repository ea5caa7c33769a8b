/* test_sentences.c - every segmentation rule on news sentences, the
 * offsets, the Golden Rules set and the seeds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "testutil.h"

/* Splits text and compares with the NULL-terminated list want. */
static void expect_split(const char *text, const char *const *want)
{
    px_spans sp = {0};
    assert_int_equal(px_split_sentences(text, strlen(text), &sp), PX_OK);
    tu_expect_spans("en", text, &sp, want);
    px_spans_free(&sp);
}

#define SPLIT(text, ...) expect_split(text, (const char *const[]){__VA_ARGS__, NULL})

static void test_titles_never_end(void **s)
{
    (void)s;
    SPLIT("Mr. Netanyahu bluntly rejected the offer. Sen. Patricia Lowell said Gov. Walter Pryce "
          "and Rep. Cori Bush agreed.",
          "Mr. Netanyahu bluntly rejected the offer.",
          "Sen. Patricia Lowell said Gov. Walter Pryce and Rep. Cori Bush agreed.");
    SPLIT("Dr. Ravi Menon of St. Brigid's Medical Center spoke to Police Capt. Lorna Beck.",
          "Dr. Ravi Menon of St. Brigid's Medical Center spoke to Police Capt. Lorna Beck.");
}

static void test_months_and_numbers(void **s)
{
    (void)s;
    SPLIT("She has spoken with him since the Oct. 7 attacks. No. 10 Downing Street declined.",
          "She has spoken with him since the Oct. 7 attacks.", "No. 10 Downing Street declined.");
    SPLIT("The comet was found on Feb. 27, 2025, and confirmed later. It is faint.",
          "The comet was found on Feb. 27, 2025, and confirmed later.", "It is faint.");
    SPLIT("Shares fell 4.1% on Monday. The plant cost $3.2 billion.",
          "Shares fell 4.1% on Monday.", "The plant cost $3.2 billion.");
    SPLIT("The toll rose to 17. 18 families are waiting.", "The toll rose to 17.",
          "18 families are waiting.");
}

static void test_initialisms_at_and_not_at_boundary(void **s)
{
    (void)s;
    SPLIT("The strike hit a U.S. battery plant. It idled two lines.",
          "The strike hit a U.S. battery plant.", "It idled two lines.");
    SPLIT("Aid from the U.S. They said it would flow.", "Aid from the U.S.",
          "They said it would flow.");
    SPLIT("U.S. Rep. Cori Bush, D-Mo., introduced it.", "U.S. Rep. Cori Bush, D-Mo., introduced it.");
    SPLIT("said Sen. Josh Hawley, R-Mo. The vote failed.", "said Sen. Josh Hawley, R-Mo.",
          "The vote failed.");
    SPLIT("He lived in Red Mesa, Ariz. He had hunted comets for 14 years.",
          "He lived in Red Mesa, Ariz.", "He had hunted comets for 14 years.");
    SPLIT("Brennan-Holt Construction Co. said it did the work.",
          "Brennan-Holt Construction Co. said it did the work.");
}

static void test_times(void **s)
{
    (void)s;
    SPLIT("The span fell at 6:12 a.m. on Tuesday. Divers arrived at 7 a.m. The search went on.",
          "The span fell at 6:12 a.m. on Tuesday.", "Divers arrived at 7 a.m.",
          "The search went on.");
    SPLIT("He logged it at 9:48 p.m. Feb. 27 and told nobody.",
          "He logged it at 9:48 p.m. Feb. 27 and told nobody.");
    SPLIT("The strike began at 12:01 a.m. Sunday.", "The strike began at 12:01 a.m. Sunday.");
}

static void test_initials_and_pronoun_i(void **s)
{
    (void)s;
    SPLIT("Photo by J. Marsh for the Herald. Robert F. Kennedy Jr. said nothing.",
          "Photo by J. Marsh for the Herald.", "Robert F. Kennedy Jr. said nothing.");
    SPLIT("It was Plan B. The city had no Plan A.", "It was Plan B.", "The city had no Plan A.");
}

static void test_quotes(void **s)
{
    (void)s;
    /* a comma inside the quote: no end; a period inside it and a capital after: an end */
    SPLIT("\xE2\x80\x9CToo many people have died,\xE2\x80\x9D she said. \xE2\x80\x9CThe images are "
          "devastating.\xE2\x80\x9D Biden agreed.",
          "\xE2\x80\x9CToo many people have died,\xE2\x80\x9D she said.",
          "\xE2\x80\x9CThe images are devastating.\xE2\x80\x9D", "Biden agreed.");
    SPLIT("\"We will rebuild.\" she said. \"Why?\" he asked.", "\"We will rebuild.\" she said.",
          "\"Why?\" he asked.");
    SPLIT("\"They knew. They patched it,\" Dorsey said.", "\"They knew.", "They patched it,\" Dorsey said.");
    SPLIT("Really\xE2\x80\xBD Yes.", "Really\xE2\x80\xBD", "Yes.");
    SPLIT("He works at Yahoo! in the city. Was it safe? Nobody knew!", "He works at Yahoo! in the city.",
          "Was it safe?", "Nobody knew!");
}

static void test_parentheses_and_ellipses(void **s)
{
    (void)s;
    SPLIT("The authority (which did the repairs in 2024.) declined to comment. Its director left.",
          "The authority (which did the repairs in 2024.) declined to comment.", "Its director left.");
    SPLIT("The memo said \xE2\x80\x9C[...] without clear redlines.\xE2\x80\x9D It was signed.",
          "The memo said \xE2\x80\x9C[...] without clear redlines.\xE2\x80\x9D", "It was signed.");
    SPLIT("He paused... then went on. She left.... Nobody followed.", "He paused... then went on.",
          "She left....", "Nobody followed.");
    SPLIT("\xE2\x80\x9CWe waited\xE2\x80\xA6 Nothing came,\xE2\x80\x9D he said.",
          "\xE2\x80\x9CWe waited\xE2\x80\xA6", "Nothing came,\xE2\x80\x9D he said.");
}

static void test_lists_and_headlines(void **s)
{
    (void)s;
    SPLIT("1. Stop the bombing 2. Free the hostages 3. Let aid in", "1. Stop the bombing",
          "2. Free the hostages", "3. Let aid in");
    SPLIT("\xE2\x80\xA2 Ceasefire now \xE2\x80\xA2 Aid for Gaza", "\xE2\x80\xA2 Ceasefire now",
          "\xE2\x80\xA2 Aid for Gaza");
    /* headlines without a full stop end at the paragraph break */
    SPLIT("Biden Cautions Allies on Offensive\n\nThe president warned on Sunday.",
          "Biden Cautions Allies on Offensive", "The president warned on Sunday.");
    /* single line breaks (hard wrapping) do not end a sentence */
    SPLIT("Engineers warned two years ago\nthat the bearings were corroding.",
          "Engineers warned two years ago\nthat the bearings were corroding.");
}

static void test_urls_and_emails(void **s)
{
    (void)s;
    SPLIT("Write to tips@harborherald.example. Visit www.harborherald.example/live. It updates.",
          "Write to tips@harborherald.example.", "Visit www.harborherald.example/live.",
          "It updates.");
}

static void test_offsets_and_whitespace(void **s)
{
    (void)s;
    const char text[] = "  First one.   Second one!\n\n\n  Third  ";
    px_spans sp = {0};
    assert_int_equal(px_split_sentences(text, strlen(text), &sp), PX_OK);
    assert_int_equal(sp.n, 3);
    assert_int_equal(sp.v[0].start, 2);
    assert_int_equal(sp.v[0].end, 12);
    assert_int_equal(sp.v[1].start, 15);
    assert_int_equal(sp.v[2].end, strlen(text) - 2);
    /* appends: out->n is not reset */
    assert_int_equal(px_split_sentences("One. Two.", 9, &sp), PX_OK);
    assert_int_equal(sp.n, 5);
    px_spans_free(&sp);
    assert_int_equal(px_split_sentences("", 0, &sp), PX_OK);
    assert_int_equal(sp.n, 0);
    assert_int_equal(px_split_sentences(" \n\n ", 4, &sp), PX_OK);
    assert_int_equal(sp.n, 0);
    px_spans_free(&sp);
}

/* A blank line (spaces, tabs and carriage returns allowed on it) ends the
 * paragraph and with it the sentence, whatever the word before; a single
 * line break does not. */
static void test_paragraph_breaks(void **s)
{
    (void)s;
    SPLIT("The vote passed.\n \t\r\nThe count begins today", "The vote passed.",
          "The count begins today");
    SPLIT("Aides met Sen.\n\nWarren on Friday.", "Aides met Sen.", "Warren on Friday.");
    SPLIT("Aides met Sen.\nWarren on Friday.", "Aides met Sen.\nWarren on Friday.");
    SPLIT("It began at 6 p.m.\r\n\r\n\"It was loud,\" she said.", "It began at 6 p.m.",
          "\"It was loud,\" she said.");
    SPLIT("It ended. \n\n(Reporting by the desk)", "It ended.", "(Reporting by the desk)");
    SPLIT("The talks ended \xE2\x80\xA6\n\nand began again.", "The talks ended \xE2\x80\xA6",
          "and began again.");
}

/* The same text at every alignment: the scans read up to 16 bytes at a
 * time, so where a mark or a word falls in memory must not matter. */
static void test_position_independence(void **s)
{
    (void)s;
    const char text[] =
        "Representatives.  Counterintelligence officials met Gov. Alma Reyes at 6 p.m. Tuesday. "
        "Shares rose 1.25% to $11.1bn (U.S.A. figures). Ms. Park said: \"Extraordinarily "
        "unhelpful.\" Then\xC2\xA0silence\xE2\x80\xA6 Nothing more. \xE2\x80\xA2 One item "
        "\xE2\x80\xA2 Another item.\n\nThe R-Calif. caucus, D-Mo. too, and St. Louis officials "
        "attended. Whywouldanyonewriteawordthislong? Nobody knows!\n\n1. First 2. Second";
    size_t n = strlen(text);
    px_spans want = {0};
    assert_int_equal(px_split_sentences(text, n, &want), PX_OK);
    assert_true(want.n >= 12);
    char buf[sizeof text + 48];
    for (size_t pad = 1; pad <= 40; pad++) {
        memset(buf, ' ', pad);
        memcpy(buf + pad, text, n);
        px_spans got = {0};
        assert_int_equal(px_split_sentences(buf, pad + n, &got), PX_OK);
        assert_int_equal(got.n, want.n);
        for (size_t i = 0; i < want.n; i++) {
            assert_int_equal(got.v[i].start, want.v[i].start + pad);
            assert_int_equal(got.v[i].end, want.v[i].end + pad);
        }
        px_spans_free(&got);
    }
    px_spans_free(&want);
}

static void test_golden_rules(void **s)
{
    (void)s;
    FILE *f = fopen(tu_shared("data/sentences/golden-rules-en.jsonl"), "r");
    if (!f)
        skip();
    char line[4096];
    int cases = 0, passed = 0;
    while (fgets(line, sizeof line, f)) {
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        const char *text = cJSON_GetObjectItem(o, "text")->valuestring;
        cJSON *want = cJSON_GetObjectItem(o, "sentences");
        px_spans sp = {0};
        assert_int_equal(px_split_sentences(text, strlen(text), &sp), PX_OK);
        int same = (size_t)cJSON_GetArraySize(want) == sp.n;
        for (size_t i = 0; same && i < sp.n; i++) {
            const char *w = cJSON_GetArrayItem(want, (int)i)->valuestring;
            same = strlen(w) == sp.v[i].end - sp.v[i].start &&
                   memcmp(w, text + sp.v[i].start, strlen(w)) == 0;
        }
        if (!same)
            print_message("golden rule %d fails: %s\n", cJSON_GetObjectItem(o, "id")->valueint, text);
        passed += same;
        cases++;
        px_spans_free(&sp);
        cJSON_Delete(o);
    }
    fclose(f);
    assert_int_equal(cases, 48);
    assert_int_equal(passed, 48);
}

/* Every seed sentence the splitter returns ends in closing punctuation or
 * is a whole paragraph (a headline or caption), and none starts in lower
 * case: a wrong split shows up as one or the other. */
static void test_seed_sentences_are_whole(void **s)
{
    (void)s;
    tu_result r;
    px_read_opts o = {0};
    tu_read_raw_one(&r, tu_shared("seeds"), &o);
    assert_int_equal(r.n, 5);
    size_t total = 0;
    for (size_t k = 0; k < r.n; k++) {
        const char *body = r.articles[k]->body;
        px_spans sp = {0};
        assert_int_equal(px_split_sentences(body, strlen(body), &sp), PX_OK);
        for (size_t i = 0; i < sp.n; i++) {
            const char *a = body + sp.v[i].start;
            size_t n = sp.v[i].end - sp.v[i].start;
            int para_start = sp.v[i].start == 0 || body[sp.v[i].start - 1] == '\n';
            int para_end = body[sp.v[i].end] == '\0' || body[sp.v[i].end] == '\n';
            if (!(para_start && para_end)) {
                char last = a[n - 1];
                int closes = strchr(".!?\"')", last) || (n >= 3 && (unsigned char)a[n - 3] == 0xE2);
                if (!closes || (*a >= 'a' && *a <= 'z'))
                    fail_msg("seed %zu: suspicious sentence [%.*s]", k, (int)n, a);
            }
        }
        total += sp.n;
        px_spans_free(&sp);
    }
    /* read and counted by hand: 29 + 20 + 20 + 13 + 22 (raw, notices included) */
    assert_int_equal(total, 104);
    tu_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_titles_never_end),
        cmocka_unit_test(test_months_and_numbers),
        cmocka_unit_test(test_initialisms_at_and_not_at_boundary),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_initials_and_pronoun_i),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_parentheses_and_ellipses),
        cmocka_unit_test(test_lists_and_headlines),
        cmocka_unit_test(test_urls_and_emails),
        cmocka_unit_test(test_offsets_and_whitespace),
        cmocka_unit_test(test_paragraph_breaks),
        cmocka_unit_test(test_position_independence),
        cmocka_unit_test(test_golden_rules),
        cmocka_unit_test(test_seed_sentences_are_whole),
    };
    return cmocka_run_group_tests_name("sentences", tests, NULL, NULL);
}
