/* test_analyze.c - `parallax analyze` as a user meets it: the JSON report
 * (docs/report-schema.md) on the seeds and the example corpus, the HTML
 * page, the terminal report, bad input and exit codes. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <strings.h>
#include <cjson/cJSON.h>

#include "testutil.h"

static char *run(const char *args, int *code)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s %s", tu_bin(), args);
    return tu_run(cmd, code);
}

static cJSON *analyze_json(const char *args)
{
    char full[2048];
    snprintf(full, sizeof full, "analyze --json -q %s", args);
    int code;
    char *out = run(full, &code);
    assert_int_equal(code, 0);
    cJSON *root = cJSON_Parse(out);
    free(out);
    assert_non_null(root);
    return root;
}

static cJSON *first_story(cJSON *root)
{
    cJSON *stories = cJSON_GetObjectItem(root, "stories");
    assert_true(cJSON_IsArray(stories));
    assert_int_equal(cJSON_GetArraySize(stories), 1);
    cJSON *story = cJSON_GetArrayItem(stories, 0);
    static const char *const fields[] = {"articles", "numbers", "conflicts", "agreements", "quotes",
                                         "entities", "framing", "consensus", "omissions", "timeline",
                                         "summary"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (!cJSON_GetObjectItem(story, fields[i]))
            fail_msg("stories[0] has no '%s'", fields[i]);
    return story;
}

static int in_array(cJSON *arr, const char *s)
{
    cJSON *it;
    cJSON_ArrayForEach(it, arr)
        if (cJSON_IsString(it) && strcmp(it->valuestring, s) == 0)
            return 1;
    return 0;
}

static void test_seeds_report(void **s)
{
    (void)s;
    char args[1024];
    snprintf(args, sizeof args, "--one-story %s", tu_shared("seeds"));
    cJSON *root = analyze_json(args);
    cJSON *story = first_story(root);
    cJSON *sources = cJSON_GetObjectItem(story, "sources");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(story, "articles")), 5);

    /* Every summary sentence cites at least its own, real, source. */
    cJSON *sum, *cite;
    int n_summary = 0;
    cJSON_ArrayForEach(sum, cJSON_GetObjectItem(story, "summary")) {
        cJSON *cites = cJSON_GetObjectItem(sum, "cites");
        assert_true(cJSON_GetArraySize(cites) >= 1);
        assert_string_equal(cJSON_GetArrayItem(cites, 0)->valuestring,
                            cJSON_GetObjectItem(sum, "source")->valuestring);
        cJSON_ArrayForEach(cite, cites)
            assert_true(in_array(sources, cite->valuestring));
        n_summary++;
    }
    assert_true(n_summary >= 3);

    /* The death toll: tens of thousands in one outlet against another,
     * with the authority behind a figure. */
    int toll = 0;
    cJSON *c, *claim;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(story, "conflicts")) {
        double lo = 1e18, hi = 0;
        int attributed = 0;
        cJSON_ArrayForEach(claim, cJSON_GetObjectItem(c, "claims")) {
            double v = cJSON_GetObjectItem(claim, "value")->valuedouble;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            attributed += cJSON_IsString(cJSON_GetObjectItem(claim, "attribution"));
        }
        if (hi >= 18000 && lo <= 11000 && attributed)
            toll = 1;
        /* nothing else is shown as a disagreement */
        if (cJSON_IsTrue(cJSON_GetObjectItem(c, "shown")))
            assert_true(hi >= 18000 && lo <= 11000);
        assert_true(cJSON_IsNumber(cJSON_GetObjectItem(c, "confidence")));
        assert_true(cJSON_IsString(cJSON_GetObjectItem(c, "evidence")));
        const char *status = cJSON_GetObjectItem(c, "status")->valuestring;
        assert_true(strcmp(status, "conflict") == 0 || strcmp(status, "evolving") == 0);
    }
    assert_true(toll);
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(story, "agreements"))
        assert_string_equal(cJSON_GetObjectItem(c, "status")->valuestring, "agree");

    /* The timeline reaches back to Oct. 7. */
    int oct7 = 0;
    cJSON *ev;
    cJSON_ArrayForEach(ev, cJSON_GetObjectItem(story, "timeline"))
        oct7 |= strcmp(cJSON_GetObjectItem(ev, "date")->valuestring, "2023-10-07") == 0;
    assert_true(oct7);
    cJSON_Delete(root);
}

static size_t count_occurrences(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Counts the shown groups of one report array; each quantity without
 * characters HTML escapes must appear in the page. */
static size_t shown_groups(cJSON *root, const char *array, const char *html)
{
    size_t n = 0;
    cJSON *story, *g;
    cJSON_ArrayForEach(story, cJSON_GetObjectItem(root, "stories"))
        cJSON_ArrayForEach(g, cJSON_GetObjectItem(story, array)) {
            if (!cJSON_IsTrue(cJSON_GetObjectItem(g, "shown")))
                continue;
            n++;
            const char *counted = cJSON_GetStringValue(cJSON_GetObjectItem(g, "counted"));
            if (counted && !strpbrk(counted, "<>&\"'"))
                assert_non_null(strstr(html, counted));
        }
    return n;
}

/* An agreement cites an authority that at least a third of its articles
 * give: the mayor of one report in four speaks for no agreement, of two
 * in four for it. */
static char *agreement_report(int citing)
{
    char *paths[4];
    char args[4096] = "analyze -q --color never";
    static const char *const after[] = {
        "Crews cleared the roads of Vell and the harbour reopened on Tuesday.",
        "Schools in the town stayed shut while engineers checked the sea wall.",
        "Volunteers handed out blankets at the sports hall through the night.",
        "The ferry to Kador was cancelled until the wind dropped on Wednesday."};
    for (int i = 0; i < 4; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "Title: Storm in Vell\nSource: outlet%d.example\nDate: 2024-03-0%d\n\n"
                 "The storm destroyed 340 homes in Vell on Monday%s.\n\n%s\n",
                 i, 4 + i, i < citing ? ", the mayor said" : "", after[i]);
        paths[i] = tu_write_temp(text, strlen(text), ".txt");
        strncat(args, " ", sizeof args - strlen(args) - 1);
        strncat(args, paths[i], sizeof args - strlen(args) - 1);
    }
    int code;
    char *out = run(args, &code);
    assert_int_equal(code, 0);
    for (int i = 0; i < 4; i++) {
        remove(paths[i]);
        free(paths[i]);
    }
    return out;
}

static void test_agreement_cites_a_shared_authority(void **s)
{
    (void)s;
    char *one = agreement_report(1), *two = agreement_report(2);
    assert_non_null(strstr(one, "340 homes"));
    assert_non_null(strstr(two, "340 homes"));
    assert_null(strstr(one, "citing the mayor"));
    assert_non_null(strstr(two, "citing the mayor"));
    free(one);
    free(two);
}

/* The HTML page shows the figures outlets agree on beside those they
 * disagree on: as many of each as the JSON report marks shown. */
static void test_html_shows_agreements_and_conflicts(void **s)
{
    (void)s;
    char *path = tu_write_temp("", 0, ".html");
    char args[2048];
    snprintf(args, sizeof args, "analyze -q --json --html %s %s", path,
             tu_shared("data/stories/giveme5w1h-dev.jsonl"));
    int code;
    char *json = run(args, &code);
    assert_int_equal(code, 0);
    cJSON *root = cJSON_Parse(json);
    free(json);
    assert_non_null(root);
    snprintf(args, sizeof args, "cat %s", path);
    char *html = tu_run(args, &code);
    assert_int_equal(code, 0);
    size_t agree = shown_groups(root, "agreements", html);
    size_t disagree = shown_groups(root, "conflicts", html);
    assert_true(agree >= 5 && disagree >= 5);
    assert_int_equal(count_occurrences(html, "outlets agree)"), agree);
    assert_int_equal(count_occurrences(html, "(conflict, confidence") +
                         count_occurrences(html, "(evolving: later reports"), disagree);
    assert_true(count_occurrences(html, "<h2>Numbers outlets agree on</h2>") >= 30);
    free(html);
    cJSON_Delete(root);
    remove(path);
    free(path);
}

static void test_example_bridge_report(void **s)
{
    (void)s;
    cJSON *root = analyze_json("--one-story --sources examples/sources.csv examples/corpus/*bridge* "
                               "examples/corpus/*port-alder*");
    cJSON *story = first_story(root);
    /* National Tribune never mentions the 2023 inspection the others report. */
    cJSON *om, *fact;
    int tribune_omits_inspection = 0;
    cJSON_ArrayForEach(om, cJSON_GetObjectItem(story, "omissions")) {
        if (strcmp(cJSON_GetObjectItem(om, "source")->valuestring, "National Tribune") != 0)
            continue;
        cJSON_ArrayForEach(fact, cJSON_GetObjectItem(om, "omitted"))
            tribune_omits_inspection |= strstr(cJSON_GetObjectItem(fact, "text")->valuestring, "inspection") != NULL;
    }
    assert_true(tribune_omits_inspection);
    /* Liberty Ledger's loaded words. */
    cJSON *fr, *term;
    int crumbling = 0;
    cJSON_ArrayForEach(fr, cJSON_GetObjectItem(story, "framing")) {
        int ledger = strcmp(cJSON_GetObjectItem(fr, "source")->valuestring, "Liberty Ledger") == 0;
        cJSON_ArrayForEach(term, cJSON_GetObjectItem(fr, "terms"))
            if (strcmp(cJSON_GetObjectItem(term, "term")->valuestring, "crumbling") == 0) {
                assert_true(ledger);
                crumbling = 1;
            }
    }
    assert_true(crumbling);
    cJSON_Delete(root);
}

static void test_example_corpus_is_three_stories(void **s)
{
    (void)s;
    cJSON *root = analyze_json("--sources examples/sources.csv examples/corpus");
    cJSON *stories = cJSON_GetObjectItem(root, "stories"), *story;
    assert_int_equal(cJSON_GetArraySize(stories), 3);
    int sizes = 0;
    cJSON_ArrayForEach(story, stories)
        sizes |= 1 << cJSON_GetArraySize(cJSON_GetObjectItem(story, "articles"));
    assert_int_equal(sizes, (1 << 3) | (1 << 4) | (1 << 6)); /* comet, strike, bridge */
    cJSON_Delete(root);
}

static void test_html_page_is_self_contained(void **s)
{
    (void)s;
    char *path = tu_write_temp("", 0, ".html");
    char args[1024];
    snprintf(args, sizeof args, "analyze -q --html %s --sources examples/sources.csv examples/corpus", path);
    int code;
    char *printed = run(args, &code);
    assert_int_equal(code, 0);
    assert_string_equal(printed, ""); /* the page is written, the terminal report is not printed */
    free(printed);
    snprintf(args, sizeof args, "cat %s", path);
    char *html = tu_run(args, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(html, "<!DOCTYPE html>"));
    assert_non_null(strstr(html, "Liberty Ledger"));
    assert_non_null(strstr(html, "Timeline"));
    assert_non_null(strstr(html, "Coverage over time")); /* inline SVG chart */
    assert_non_null(strstr(html, "<svg viewBox"));
    assert_non_null(strstr(html, "<rect"));
    assert_non_null(strstr(html, "</html>"));
    assert_null(strstr(html, "src=\"http"));
    assert_null(strstr(html, "href=\"http"));
    assert_null(strstr(html, "<script src"));
    free(html);
    remove(path);
    free(path);
}

static void test_terminal_report_and_colours(void **s)
{
    (void)s;
    int code;
    char *out = run("analyze -q --sources examples/sources.csv examples/corpus", &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "Summary"));
    assert_non_null(strstr(out, "Timeline"));
    assert_null(strchr(out, '\033')); /* piped: no colour */
    free(out);
    out = run("analyze -q --color always --sources examples/sources.csv examples/corpus", &code);
    assert_non_null(strchr(out, '\033'));
    free(out);
    out = run("analyze -q --color never examples/corpus/cordillera-radio--comet-discovery.txt", &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "1 article · 1 outlet"));
    assert_null(strstr(out, "or more of 1)")); /* one outlet: no consensus section */
    assert_null(strstr(out, "Reported by most outlets"));
    free(out);
}

/* Days are whole, titles whole, plurals agree, an empty consensus says so
 * in words. */
static void test_terminal_report_lines(void **s)
{
    (void)s;
    static const char jsonl[] =
        "{\"id\":\"a\",\"source\":\"First Outlet\",\"date\":\"2016-07-14T00:00:00\",\"title\":\"A truck "
        "drove into a crowd celebrating Bastille Day on the Promenade des Anglais in Nice, killing dozens\","
        "\"text\":\"A truck drove into a crowd in Nice on Thursday night. Officials said dozens were killed.\"}\n"
        "{\"id\":\"b\",\"source\":\"Second Outlet\",\"date\":\"2016-07-15T08:30:00\",\"title\":\"Nice "
        "attack\",\"text\":\"The attacker in Nice was shot by police. Flags flew at half mast in Paris.\"}\n";
    char *path = tu_write_temp(jsonl, strlen(jsonl), ".jsonl");
    char args[1024];
    snprintf(args, sizeof args, "analyze -q --one-story --color never %s", path);
    int code;
    char *out = run(args, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "2 articles · 2 outlets"));
    assert_non_null(strstr(out, "2016-07-14   A truck"));
    assert_non_null(strstr(out, "2016-07-15"));
    assert_null(strstr(out, "2016-07-1…"));
    assert_non_null(strstr(out, "killing dozens")); /* the title's last words */
    assert_null(strstr(out, ") (0)"));
    free(out);
    remove(path);
    free(path);
}

/* On the seeds: --full lists partial quotes (the memo's "doubled down"
 * fragment), a speaker is one row whatever its case or the variant of
 * the name, and the report never prints "(N or more of M) (0)". */
static void test_seeds_quotes_and_speakers(void **s)
{
    (void)s;
    char args[1024];
    snprintf(args, sizeof args, "analyze -q --one-story --full --color never %s", tu_shared("seeds"));
    int code;
    char *out = run(args, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "Partial quotes"));
    assert_non_null(strstr(out, "doubled down on our unwavering military assistance"));
    assert_null(strstr(out, ") (0)"));
    free(out);
    snprintf(args, sizeof args, "--one-story %s", tu_shared("seeds"));
    cJSON *root = analyze_json(args);
    cJSON *quotes = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "stories"), 0), "quotes");
    assert_true(cJSON_GetArraySize(quotes) > 10);
    int joe = 0;
    cJSON *q, *p;
    cJSON_ArrayForEach(q, quotes)
    {
        const char *a = cJSON_GetStringValue(cJSON_GetObjectItem(q, "speaker"));
        if (!a)
            continue;
        joe += strcmp(a, "Joe Biden") == 0;
        assert_string_not_equal(a, "Biden");
        assert_string_not_equal(a, "President Biden");
        cJSON_ArrayForEach(p, quotes)
        {
            const char *b = cJSON_GetStringValue(cJSON_GetObjectItem(p, "speaker"));
            if (b && strcasecmp(a, b) == 0)
                assert_string_equal(a, b);
        }
    }
    assert_true(joe >= 2);
    cJSON_Delete(root);
}

/* Four of the five seeds are undated: each takes a date estimated from the
 * story (the one dated seed) and its own text, marked as estimated, never
 * today's; an article alone with no date to go by stays undated. */
static void test_estimated_dates(void **s)
{
    (void)s;
    char args[1024];
    snprintf(args, sizeof args, "--one-story %s", tu_shared("seeds"));
    cJSON *root = analyze_json(args);
    char today[16];
    time_t now = time(NULL);
    strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
    cJSON *a;
    int estimated = 0;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(first_story(root), "articles"))
    {
        const char *date = cJSON_GetStringValue(cJSON_GetObjectItem(a, "date"));
        assert_non_null(date);
        assert_true(strncmp(date, today, 10) != 0);
        if (cJSON_IsTrue(cJSON_GetObjectItem(a, "date_estimated"))) {
            estimated++;
            assert_true(strncmp(date, "2023-10", 7) >= 0 && strncmp(date, "2024-12", 7) <= 0);
        }
    }
    assert_int_equal(estimated, 4);
    cJSON_Delete(root);
    int code;
    snprintf(args, sizeof args, "analyze -q --color never %s/004_b95e2509ac2ecda9.txt", tu_shared("seeds"));
    char *out = run(args, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "undated"));
    free(out);
    snprintf(args, sizeof args, "analyze -q --one-story --color never %s", tu_shared("seeds"));
    out = run(args, &code);
    assert_non_null(strstr(out, "≈2023-"));
    free(out);
}

/* Framing labels on the seeds are choices: Hamas is "terrorists" in some
 * outlets and a "resistance movement" in another; a label every outlet
 * uses alike ("Biden administration") is not listed; the actor is named
 * as the articles write it ("Hamas", not "hamas"). */
static void test_seeds_labels_are_contrasts(void **s)
{
    (void)s;
    char args[1024];
    snprintf(args, sizeof args, "--one-story %s", tu_shared("seeds"));
    cJSON *root = analyze_json(args);
    cJSON *f, *l;
    int terrorists = 0, resistance = 0;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(first_story(root), "framing"))
        cJSON_ArrayForEach(l, cJSON_GetObjectItem(f, "labels"))
        {
            const char *actor = cJSON_GetStringValue(cJSON_GetObjectItem(l, "actor"));
            const char *label = cJSON_GetStringValue(cJSON_GetObjectItem(l, "label"));
            assert_false(strcasecmp(actor, "biden") == 0 && strcmp(label, "administration") == 0);
            assert_string_not_equal(actor, "hamas");
            if (strcmp(actor, "Hamas") == 0) {
                terrorists += strstr(label, "terrorist") != NULL;
                resistance += strstr(label, "resistance") != NULL;
            }
        }
    assert_true(terrorists >= 1 && resistance >= 1);
    cJSON_Delete(root);
}

/* How each outlet names the actors, on the seeds: Hamas is "terrorists"
 * in one outlet and a "resistance movement" in another, each word only
 * that outlet's, and every word is in the sentence it cites. */
static void test_seeds_actor_table(void **s)
{
    (void)s;
    char args[1024];
    snprintf(args, sizeof args, "--one-story %s", tu_shared("seeds"));
    cJSON *root = analyze_json(args);
    cJSON *actor, *outlet, *word;
    int terrorists = 0, resistance = 0, rows = 0;
    cJSON_ArrayForEach(actor, cJSON_GetObjectItem(first_story(root), "actors"))
    {
        rows++;
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(actor, "name"));
        cJSON_ArrayForEach(outlet, cJSON_GetObjectItem(actor, "outlets"))
            cJSON_ArrayForEach(word, cJSON_GetObjectItem(outlet, "words"))
            {
                const char *w = cJSON_GetStringValue(cJSON_GetObjectItem(word, "word"));
                const char *sentence = cJSON_GetStringValue(cJSON_GetObjectItem(word, "sentence"));
                assert_non_null(strcasestr(sentence, w));
                /* "the Biden administration" is not Biden, "southern Gaza" a part of Gaza */
                assert_string_not_equal(w, "administration");
                assert_string_not_equal(w, "southern");
                if (strcmp(name, "Hamas") == 0) {
                    terrorists += strcmp(w, "terrorists") == 0 && cJSON_IsTrue(cJSON_GetObjectItem(word, "only_here"));
                    resistance += strcmp(w, "resistance movement") == 0;
                }
            }
    }
    assert_true(rows >= 1 && rows <= 8);
    assert_int_equal(terrorists, 1);
    assert_int_equal(resistance, 1);
    cJSON_Delete(root);
}

/* The JSON report of the records in path, compared as one story. */
static cJSON *analyze_one_story(const char *path)
{
    char args[1024];
    snprintf(args, sizeof args, "--one-story %s", path);
    return analyze_json(args);
}

static void drop_temp(char *path)
{
    unlink(path);
    free(path);
}

/* Words attached to an actor that the table must keep or leave out. */
static int actor_has_word(cJSON *root, const char *name, const char *word)
{
    cJSON *actor, *outlet, *w;
    cJSON_ArrayForEach(actor, cJSON_GetObjectItem(first_story(root), "actors"))
    {
        if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(actor, "name")), name) != 0)
            continue;
        cJSON_ArrayForEach(outlet, cJSON_GetObjectItem(actor, "outlets"))
            cJSON_ArrayForEach(w, cJSON_GetObjectItem(outlet, "words"))
                if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(w, "word")), word) == 0)
                    return 1;
    }
    return 0;
}

/* What is done to an actor and what it is called are in its row; what it
 * does is not: "has allowed" (active), "wants to", "committing". */
static void test_actor_words_are_not_its_own_verbs(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"The embattled mayor Tomas Brenner "
        "has allowed the harbour works to resume after a week of protests in Port Alder. Tomas Brenner wants to "
        "reopen the quay by May, officials said. Critics say Brenner committing the town to the works was reckless. "
        "At a meeting on Monday, Brenner was cheered by dock workers who had feared for their jobs.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"Port Alder's reckless mayor Tomas "
        "Brenner has allowed the harbour works to resume despite a week of protests. Brenner wants to reopen the "
        "quay by May. Opponents of the works confronted Tomas Brenner at a meeting on Monday, where Brenner was "
        "jeered by residents who fear the noise.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    assert_true(actor_has_word(root, "Tomas Brenner", "embattled mayor"));
    assert_true(actor_has_word(root, "Tomas Brenner", "reckless mayor"));
    assert_true(actor_has_word(root, "Tomas Brenner", "cheered"));
    assert_true(actor_has_word(root, "Tomas Brenner", "jeered"));
    assert_false(actor_has_word(root, "Tomas Brenner", "allowed"));
    assert_false(actor_has_word(root, "Tomas Brenner", "wants"));
    assert_false(actor_has_word(root, "Tomas Brenner", "committing"));
    cJSON_Delete(root);
    drop_temp(path);
}

/* What the actor is called, not the words around it: a verb before a name
 * ("storms battered Port Alder"), a noun the name modifies ("Port Alder
 * residents", "the brutal Harbour Guard raid": "brutal" is the raid's),
 * a people's adjective ("French officials"), a word of position that
 * names a part of a place ("southern Port Alder"), a person's role before
 * a place and the noun after a person's name ("the Varga administration")
 * or a place's ("Port Alder authorities", in the framing labels too) are
 * not how an outlet names an actor; "the militia Harbour Guard" and "Harbour Guard
 * militants" are. */
static void test_actor_words_name_the_actor(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"Storms battered Port Alder on "
        "Monday. The brutal Harbour Guard raid left the quay in ruins, and French officials said Port Alder "
        "residents were warned. French officials sent help in southern Port Alder, where the militia Harbour "
        "Guard still holds the docks. Mayor Ilse Varga said help was coming, and the Varga administration sent ferries. "
        "Port Alder authorities closed the quay.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"Storms battered Port Alder on "
        "Monday, French officials said. The Harbour Guard militants raided the quay of Port Alder, and Port "
        "Alder residents fled. French officials said the Harbour Guard fighters took the docks. Mayor Ilse "
        "Varga said the ferries would come. Varga is keen to reopen the quay. Port Alder officials "
        "opened it again.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    assert_false(actor_has_word(root, "Port Alder", "battered"));
    assert_false(actor_has_word(root, "Port Alder", "residents"));
    assert_false(actor_has_word(root, "Harbour Guard", "brutal"));
    assert_false(actor_has_word(root, "Port Alder", "southern"));
    assert_false(actor_has_word(root, "Ilse Varga", "administration"));
    assert_false(actor_has_word(root, "Ilse Varga", "keen"));
    assert_true(actor_has_word(root, "Harbour Guard", "militia"));
    assert_true(actor_has_word(root, "Harbour Guard", "militants"));
    cJSON *actor, *f, *l;
    cJSON_ArrayForEach(actor, cJSON_GetObjectItem(first_story(root), "actors"))
        assert_string_not_equal(cJSON_GetStringValue(cJSON_GetObjectItem(actor, "name")), "French");
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(first_story(root), "framing"))
        cJSON_ArrayForEach(l, cJSON_GetObjectItem(f, "labels")) {
            assert_string_not_equal(cJSON_GetStringValue(cJSON_GetObjectItem(l, "actor")), "French");
            /* "Port Alder authorities" are the place's authorities */
            assert_string_not_equal(cJSON_GetStringValue(cJSON_GetObjectItem(l, "label")), "authorities");
            assert_string_not_equal(cJSON_GetStringValue(cJSON_GetObjectItem(l, "label")), "officials");
        }
    cJSON_Delete(root);
    drop_temp(path);
}

/* A place is not called by a person's role before it ("the president
 * Berlin", a transcript's broken phrase), by a word before a descriptor it
 * owns ("the experience Berlin authorities have": the authorities'
 * experience) nor by a verb after a pronoun ("I think Berlin"). */
static void test_place_words_are_not_its_owners(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"Storms hit Berlin on Monday. "
        "Aides did not want to trouble the president Berlin at this hour, given the experience Berlin "
        "authorities have of storms. Police in Berlin closed roads. I think Berlin will cope.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"Storms hit Berlin on Monday. "
        "Berlin officials said roads in Berlin were closed.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    assert_false(actor_has_word(root, "Berlin", "president"));
    assert_false(actor_has_word(root, "Berlin", "experience"));
    assert_false(actor_has_word(root, "Berlin", "think"));
    cJSON_Delete(root);
    drop_temp(path);
}

/* A name before a plural noun modifies it ("vocal Vell Rovers fans
 * waving", "the unmistakable Marsh masterpieces:"): the adjective before
 * describes the fans, not the actor; a verb in -s after the name leaves
 * the words before it the actor's ("the veteran coach Marsh writes that"). */
static void test_names_before_plural_nouns_describe_nothing(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell Rovers lost the cup final "
        "on Monday. The stadium was overtaken by vocal Vell Rovers fans waving flags. Critics mocked the "
        "unmistakable Ian Marsh masterpieces: all of them were late.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell Rovers lost the cup final "
        "on Monday, and the veteran coach Ian Marsh writes that the club will recover.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    assert_false(actor_has_word(root, "Vell Rovers", "vocal"));
    assert_false(actor_has_word(root, "Ian Marsh", "unmistakable"));
    cJSON_Delete(root);
    drop_temp(path);
}

/* A fact most outlets report is shown by a member that reads on its own:
 * not a quote without its speaker, not a sentence leaning on the one
 * before ("And ..."). */
static void test_facts_shown_by_sentences_that_stand_alone(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell dam burst on Monday "
        "night. \u201cThe water reached the school roof within an hour of the burst.\u201d\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell dam burst on Monday "
        "night. And the water reached the school roof within an hour of the burst.\"}\n"
        "{\"source\":\"gamma.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell dam burst on Monday "
        "night. The water reached the school roof within an hour of the burst, villagers said.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    cJSON *fact;
    int roof = 0;
    cJSON_ArrayForEach(fact, cJSON_GetObjectItem(cJSON_GetObjectItem(first_story(root), "consensus"), "facts"))
    {
        const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(fact, "text"));
        if (!strstr(text, "roof"))
            continue;
        roof++;
        assert_string_equal(text, "The water reached the school roof within an hour of the burst, villagers said.");
    }
    assert_int_equal(roof, 1);
    cJSON_Delete(root);
    drop_temp(path);
}

/* The tail of a quote opened in an earlier sentence ("But then, the
 * water was still rising.”) is no fact of the story and counts no outlet
 * as reporting one, however alike its few words are to other outlets'
 * sentences; nor is it what only its outlet reports. */
static void test_quote_tails_are_no_facts(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell dam burst on Monday "
        "night. \u201cWe ran up the hill with the children. But then, the water was still rising. The whole lower "
        "village was under water by midnight and the school roof had gone.\u201d Villagers fled the valley.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell dam burst on Monday "
        "night. The water was still rising in the valley, officials said. Villagers fled the valley.\"}\n"
        "{\"source\":\"gamma.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell dam burst on Monday "
        "night. Officials said the water was still rising in the valley. Villagers fled the valley.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    cJSON *fact, *src;
    int dam = 0, rising = 0;
    cJSON_ArrayForEach(fact, cJSON_GetObjectItem(cJSON_GetObjectItem(first_story(root), "consensus"), "facts"))
    {
        const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(fact, "text"));
        assert_null(strstr(text, "But then"));
        dam += strstr(text, "dam burst") != NULL;
        if (!strstr(text, "still rising"))
            continue;
        rising++;
        cJSON_ArrayForEach(src, cJSON_GetObjectItem(fact, "sources"))
            assert_string_not_equal(cJSON_GetStringValue(src), "alpha.example");
    }
    assert_true(dam >= 1);
    assert_int_equal(rising, 1);
    cJSON *outlet, *only;
    cJSON_ArrayForEach(outlet, cJSON_GetObjectItem(first_story(root), "omissions"))
        cJSON_ArrayForEach(only, cJSON_GetObjectItem(outlet, "only_here"))
            assert_null(strstr(cJSON_GetStringValue(cJSON_GetObjectItem(only, "text")), "school roof"));
    cJSON_Delete(root);
    drop_temp(path);
}

/* A subhead between paragraphs ("Divers reach the sunken ferry hull at
 * dawn") is no sentence: never what only its outlet reports, even where
 * cleaning left it (here --raw: cleaning would take it for a caption). */
static void test_subheads_are_no_exclusives(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell ferry sank off the "
        "harbour on Monday night, the coastguard said.\\n\\nDivers reach the sunken ferry hull at dawn near the "
        "old lighthouse\\n\\nThe crew of twelve were rescued by fishing boats before midnight.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"The Vell ferry sank off the "
        "harbour on Monday night, the coastguard said. The crew of twelve were rescued by fishing boats before "
        "midnight.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    char args[1024];
    snprintf(args, sizeof args, "--raw --one-story %s", path);
    cJSON *root = analyze_json(args);
    cJSON *outlet, *only;
    int lines = 0;
    cJSON_ArrayForEach(outlet, cJSON_GetObjectItem(first_story(root), "omissions"))
        cJSON_ArrayForEach(only, cJSON_GetObjectItem(outlet, "only_here"))
        {
            lines++;
            assert_null(strstr(cJSON_GetStringValue(cJSON_GetObjectItem(only, "text")), "Divers reach"));
        }
    assert_int_equal(lines, 0);
    cJSON_Delete(root);
    drop_temp(path);
}

/* A sentence all inside a quote that goes on after it ("“I called my
 * wife this morning.") is the speaker's time, no entry of the timeline;
 * the story's own dated sentences are. */
static void test_timeline_leaves_out_quoted_sentences(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"The ferry had been refitted on "
        "Friday, the harbour office said.\\n\\n\u201cI called my wife this morning. We drove to the quay at "
        "noon,\u201d the skipper said.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    cJSON *ev;
    int refitted = 0;
    cJSON_ArrayForEach(ev, cJSON_GetObjectItem(first_story(root), "timeline"))
    {
        const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(ev, "text"));
        assert_null(strstr(text, "I called my wife"));
        refitted += strstr(text, "refitted") != NULL;
    }
    assert_int_equal(refitted, 1);
    cJSON_Delete(root);
    drop_temp(path);
}

/* The gist opens the story: never on a sentence that leans on the one
 * before it ("And the Vell dam burst ..."), however many outlets echo it,
 * nor on a quote. */
static void test_gist_stands_on_its_own(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"text\":\"Rain fell for a week in the hills "
        "above Vell. And the Vell dam burst on Monday night, officials said. The valley below was flooded within "
        "hours of the Vell dam bursting.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"text\":\"Farmers had warned about the old "
        "wall for years. And the Vell dam burst on Monday night, officials said. Villagers fled as the Vell dam "
        "burst and the valley flooded.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    cJSON *gist = cJSON_GetArrayItem(cJSON_GetObjectItem(first_story(root), "summary"), 0);
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(gist, "text"));
    assert_non_null(text);
    assert_true(strncmp(text, "And ", 4) != 0);
    assert_non_null(strstr(text, "Vell dam"));
    cJSON_Delete(root);
    drop_temp(path);
}

/* With one outlet nothing is echoed: the gist is its lede, and no
 * per-outlet line repeats it. */
static void test_one_outlet_gist_is_its_lede(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"title\":\"Harbour works resume\",\"text\":\"The harbour works in Port Alder "
        "resumed on Monday after a week of protests. Port Alder quay turns 300 Port Alder harbour engine of "
        "growth Adapting the harbour works to change with a new focus on the quay. Residents fear the noise.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    cJSON *story = first_story(root);
    cJSON *gist = cJSON_GetArrayItem(cJSON_GetObjectItem(story, "summary"), 0);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(gist, "text")),
                        "The harbour works in Port Alder resumed on Monday after a week of protests.");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(story, "outlet_lines")), 0);
    cJSON_Delete(root);
    drop_temp(path);
}

/* A question is a subhead or a teaser, never the gist, however many
 * outlets repeat it; a quote two articles of one outlet carry names that
 * outlet once. */
static void test_no_question_gist_and_outlets_named_once(void **s)
{
    (void)s;
    static const char a[] =
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-02\",\"title\":\"Harbour works resume\",\"text\":\"The harbour works in Port Alder resumed on Monday after a week of protests by residents. What does the harbour authority have to say about the harbour works in Port Alder? \\\"We will finish the quay by May,\\\" said Tomas Brenner, the mayor of Port Alder.\"}\n"
        "{\"source\":\"alpha.example\",\"date\":\"2025-03-03\",\"title\":\"Port Alder works go on\",\"text\":\"Works on the Port Alder harbour went on for a second day on Tuesday. What does the harbour authority have to say about the harbour works in Port Alder? \\\"We will finish the quay by May,\\\" said Tomas Brenner, the mayor of Port Alder.\"}\n"
        "{\"source\":\"beta.example\",\"date\":\"2025-03-02\",\"title\":\"Port Alder harbour works restart\",\"text\":\"Port Alder restarted its harbour works on Monday despite protests by residents. What does the harbour authority have to say about the harbour works in Port Alder? \\\"We will finish the quay by May,\\\" said Tomas Brenner, the mayor of Port Alder.\"}\n";
    char *path = tu_write_temp(a, sizeof a - 1, ".jsonl");
    cJSON *root = analyze_one_story(path);
    cJSON *gist = cJSON_GetArrayItem(cJSON_GetObjectItem(first_story(root), "summary"), 0);
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(gist, "text"));
    assert_non_null(text);
    assert_null(strchr(text, '?'));
    cJSON_Delete(root);
    char args[1024];
    snprintf(args, sizeof args, "analyze -q --one-story %s", path);
    int code;
    char *out = run(args, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "carried by alpha.example, beta.example\n"));
    free(out);
    drop_temp(path);
}

/* The seeds' file texts, lower-cased (ASCII), to look headline words up in. */
static size_t seed_texts(char **texts, size_t cap)
{
    size_t n = 0;
    char cmd[1024];
    for (int i = 0; i < 5 && n < cap; i++) {
        snprintf(cmd, sizeof cmd, "cat %s/00%d_*.txt", tu_shared("seeds"), i);
        int code;
        char *t = tu_run(cmd, &code);
        assert_int_equal(code, 0);
        for (char *p = t; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        texts[n++] = t;
    }
    return n;
}

/* A reader can tell from the headline and the gist what the seeds' story
 * is: the headline is not the one title (about a later sub-event that
 * only one outlet leads with), its words come from two or more outlets'
 * text, it is the lede of an article (the sentence written to say what the
 * story is, not a central-sounding line of background further down), the
 * gist is cited by two or more outlets, and every outlet gets a line with
 * what it leads with. */
static void test_seeds_headline_and_gist(void **s)
{
    (void)s;
    char args[1024];
    snprintf(args, sizeof args, "--one-story %s", tu_shared("seeds"));
    cJSON *root = analyze_json(args);
    cJSON *story = first_story(root);
    cJSON *h = cJSON_GetObjectItem(story, "headline");
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(h, "text"));
    assert_non_null(text);
    assert_null(strstr(text, "Cautions Netanyahu"));
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(h, "from")), "sentence");

    char *texts[5];
    size_t nt = seed_texts(texts, 5);
    assert_int_equal(nt, 5);
    size_t shared_words = 0;
    char word[64];
    for (const char *p = text; *p;) {
        size_t len = 0;
        while (*p && !isalpha((unsigned char)*p))
            p++;
        while (isalpha((unsigned char)*p) && len < sizeof word - 1)
            word[len++] = (char)tolower((unsigned char)*p++);
        word[len] = '\0';
        if (len < 5)
            continue; /* content words only */
        size_t outlets = 0;
        for (size_t k = 0; k < nt; k++)
            outlets += strstr(texts[k], word) != NULL;
        shared_words += outlets >= 2;
    }
    assert_true(shared_words >= 4);
    for (size_t k = 0; k < nt; k++)
        free(texts[k]);

    cJSON *gist = cJSON_GetArrayItem(cJSON_GetObjectItem(story, "summary"), 0);
    assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(gist, "cites")) >= 2);
    cJSON *lines = cJSON_GetObjectItem(story, "outlet_lines"), *line;
    assert_int_equal(cJSON_GetArraySize(lines), 5);
    int headline_is_a_lede = 0;
    cJSON_ArrayForEach(line, lines) {
        const char *lead = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(line, "lead"), "text"));
        assert_non_null(lead);
        headline_is_a_lede |= strcmp(lead, text) == 0;
    }
    assert_true(headline_is_a_lede);
    cJSON_Delete(root);
}

/* With no path at a terminal, analyze prints its usage and exits 2
 * instead of waiting on the keyboard. */
static void test_no_input_at_a_terminal(void **s)
{
    (void)s;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "timeout 20 script -qec '%s analyze' /dev/null < /dev/null", tu_bin());
    int code;
    char *out = tu_run(cmd, &code);
    assert_int_equal(code, 2);
    assert_non_null(strstr(out, "usage: parallax analyze"));
    assert_non_null(strstr(out, "no input"));
    free(out);
}

static void test_bad_input_and_exit_codes(void **s)
{
    (void)s;
    int code;
    /* An empty folder: no article, so no story, and no error either. */
    char *empty_dir = tu_write_temp("", 0, ".d");
    remove(empty_dir);
    char args[1024];
    snprintf(args, sizeof args, "mkdir %s && %s analyze --json -q %s; rc=$?; rmdir %s; exit $rc", empty_dir,
             tu_bin(), empty_dir, empty_dir);
    char *out = tu_run(args, &code);
    free(empty_dir);
    assert_int_equal(code, 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "stories")), 0);
    cJSON_Delete(root);
    free(out);
    out = run("analyze --summary 0 examples/corpus 2>/dev/null", &code);
    assert_int_equal(code, 2);
    free(out);
    out = run("analyze --background /no/such/table examples/corpus 2>&1", &code);
    assert_int_equal(code, 2);
    assert_non_null(strstr(out, "/no/such/table"));
    free(out);
    /* A missing input is named; the others are still analysed. */
    out = run("analyze --json examples/corpus/wire-feed.jsonl /no/such/file.txt 2>/dev/null", &code);
    assert_int_equal(code, 1);
    root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON_Delete(root);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seeds_report),
        cmocka_unit_test(test_example_bridge_report),
        cmocka_unit_test(test_example_corpus_is_three_stories),
        cmocka_unit_test(test_html_page_is_self_contained),
        cmocka_unit_test(test_html_shows_agreements_and_conflicts),
        cmocka_unit_test(test_agreement_cites_a_shared_authority),
        cmocka_unit_test(test_terminal_report_and_colours),
        cmocka_unit_test(test_terminal_report_lines),
        cmocka_unit_test(test_seeds_quotes_and_speakers),
        cmocka_unit_test(test_seeds_headline_and_gist),
        cmocka_unit_test(test_actor_words_are_not_its_own_verbs),
        cmocka_unit_test(test_actor_words_name_the_actor),
        cmocka_unit_test(test_place_words_are_not_its_owners),
        cmocka_unit_test(test_names_before_plural_nouns_describe_nothing),
        cmocka_unit_test(test_facts_shown_by_sentences_that_stand_alone),
        cmocka_unit_test(test_quote_tails_are_no_facts),
        cmocka_unit_test(test_gist_stands_on_its_own),
        cmocka_unit_test(test_subheads_are_no_exclusives),
        cmocka_unit_test(test_timeline_leaves_out_quoted_sentences),
        cmocka_unit_test(test_one_outlet_gist_is_its_lede),
        cmocka_unit_test(test_no_question_gist_and_outlets_named_once),
        cmocka_unit_test(test_estimated_dates),
        cmocka_unit_test(test_seeds_labels_are_contrasts),
        cmocka_unit_test(test_seeds_actor_table),
        cmocka_unit_test(test_no_input_at_a_terminal),
        cmocka_unit_test(test_bad_input_and_exit_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
