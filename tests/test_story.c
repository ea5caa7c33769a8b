/* test_story.c - what a careful reader finds when comparing outlets:
 * framing words, facts most outlets report and the one that leaves them
 * out, a summary whose every sentence cites real sources; and stories
 * that are empty, single, undated or huge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "compare/story_internal.h"

static long source_index(const px_story_text *s, const char *name_part)
{
    for (size_t i = 0; i < s->n_sources; i++)
        if (strstr(s->sources[i], name_part))
            return (long)i;
    return -1;
}

static int has_term(const px_source_framing *sf, const char *term)
{
    for (size_t k = 0; k < sf->n_terms; k++)
        if (strcmp(sf->terms[k].term, term) == 0)
            return 1;
    return 0;
}

static int has_label(const px_source_framing *sf, const char *label)
{
    for (size_t k = 0; k < sf->n_labels; k++)
        if (strstr(sf->labels[k].label, label))
            return 1;
    return 0;
}

/* A story of two articles written here, each in a temporary file. */
typedef struct written_story {
    char *paths[2];
    tu_result r;
    px_story_text *st;
} written_story;

static px_story_text *write_story(written_story *w, const char *const texts[2])
{
    for (int i = 0; i < 2; i++)
        w->paths[i] = tu_write_temp(texts[i], strlen(texts[i]), ".txt");
    w->st = tu_read_story(&w->r, (const char *const *)w->paths, 2, NULL);
    return w->st;
}

static void written_story_free(written_story *w)
{
    px_story_text_free(w->st);
    tu_result_free(&w->r);
    for (int i = 0; i < 2; i++) {
        unlink(w->paths[i]);
        free(w->paths[i]);
    }
}

static void test_seed_003_leans_on_loaded_words(void **s)
{
    (void)s;
    tu_result r;
    const char *dir = tu_shared("seeds");
    px_story_text *st = tu_read_story(&r, &dir, 1, NULL);
    assert_int_equal(st->n_sources, 5);
    px_framing f;
    assert_int_equal(px_framing_build(st, px_background_default(), &f, NULL), PX_OK);
    long i003 = source_index(st, "003_");
    assert_true(i003 >= 0);
    const px_source_framing *sf = &f.v[i003];
    /* the labels come from the actor table of the whole comparison */
    px_story_report *rep;
    assert_int_equal(px_compare_story(r.articles, r.n, NULL, &rep, NULL), PX_OK);
    long r003 = source_index(rep->story, "003_");
    assert_true(r003 >= 0);
    int loaded = has_term(sf, "regime") + has_term(sf, "crimes") + has_label(&rep->framing.v[r003], "resistance");
    px_story_report_free(rep);
    assert_true(loaded >= 3);
    /* No other outlet leans on "regime". */
    for (size_t i = 0; i < f.n; i++)
        if ((long)i != i003)
            assert_false(has_term(&f.v[i], "regime"));
    for (size_t i = 0; i < f.n; i++)
        for (size_t k = 0; k < f.v[i].n_terms; k++) {
            assert_true(f.v[i].terms[k].z >= PX_FRAMING_MIN_Z);
            assert_true(f.v[i].terms[k].count >= 2);
            if (k)
                assert_true(f.v[i].terms[k - 1].z >= f.v[i].terms[k].z);
        }
    px_framing_free(&f);
    px_story_text_free(st);
    tu_result_free(&r);
}

static void check_summary(const px_story_text *st, const px_summary *sm)
{
    assert_true(sm->n >= 1);
    for (size_t i = 0; i < sm->n; i++) {
        const px_summary_sentence *ss = &sm->v[i];
        const px_story_sentence *ps = &st->sentences[ss->sentence];
        assert_true(ss->n_cites >= 1);
        assert_int_equal(ss->cites[0], ps->source);
        for (size_t k = 0; k < ss->n_cites; k++)
            assert_true(ss->cites[k] < st->n_sources);
        assert_non_null(strstr(st->articles[ps->article]->body, ss->text));
    }
}

static void test_seed_summary_cites_real_sources(void **s)
{
    (void)s;
    tu_result r;
    const char *dir = tu_shared("seeds");
    px_story_text *st = tu_read_story(&r, &dir, 1, NULL);
    px_summary sm;
    assert_int_equal(px_summary_build(st, 5, &sm, NULL), PX_OK);
    assert_int_equal(sm.n, 5);
    check_summary(st, &sm);
    /* Every outlet cited besides the sentence's own says much the same. */
    for (size_t i = 0; i < sm.n; i++)
        for (size_t k = 1; k < sm.v[i].n_cites; k++) {
            int echoed = 0;
            for (size_t j = 0; j < st->n_sentences && !echoed; j++)
                echoed = st->sentences[j].source == sm.v[i].cites[k] &&
                         px_story_similarity(st, j, sm.v[i].sentence) >= PX_CITE_SIM - 0.01;
            assert_true(echoed);
        }
    px_summary_free(&sm);
    px_story_text_free(st);
    tu_result_free(&r);
}

/* A quote that runs over two paragraphs leaves its first paragraph's
 * sentences with an open quotation mark: pieces of a quote, never summary
 * sentences, however many outlets carry them. And a framing label is a
 * descriptor the outlet writes ("militants"), not a word sharing its stem
 * ("forcing" with "forces"), taken from the actor table; the actor as
 * written ("Kador Front"). */
static void test_summary_skips_quote_pieces_and_labels_are_words(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "Title: Storm shuts Vell harbour\nSource: one.example\nDate: 2024-05-02\n\n"
        "The storm shut the harbour of Vell on Tuesday and the ferry company cancelled every crossing to Kador.\n\n"
        "\"We need to stop the crossings until the storm has passed over the harbour of Vell. Nobody should "
        "sail a ferry in this storm.\n\n"
        "\"The harbour of Vell stays shut until Thursday,\" the harbour master said.\n\n"
        "In the port, Kador Front militants blamed the storm. The harbour master kept the harbour shut, forcing Kador traders "
        "to wait.\n",
        "Title: Vell harbour closed by storm\nSource: two.example\nDate: 2024-05-02\n\n"
        "A storm shut the harbour of Vell on Tuesday, and every ferry crossing to Kador was cancelled.\n\n"
        "\"We need to stop the crossings until the storm has passed over the harbour of Vell. Nobody should "
        "sail a ferry in this storm.\n\n"
        "\"The harbour of Vell stays shut until Thursday,\" the harbour master told reporters.\n\n"
        "In the port, Kador Front rebels blamed the storm, and ferry crossings to Kador resume on Thursday.\n"};
    written_story w;
    px_story_text *st = write_story(&w, texts);
    px_summary sm;
    assert_int_equal(px_summary_build(st, 5, &sm, NULL), PX_OK);
    assert_true(sm.n >= 1);
    for (size_t i = 0; i < sm.n; i++) {
        size_t marks = 0;
        for (const char *c = sm.v[i].text; *c; c++)
            marks += *c == '"';
        if (marks % 2)
            fail_msg("a piece of a quote in the summary: %s", sm.v[i].text);
    }
    px_summary_free(&sm);
    px_story_report *rep;
    assert_int_equal(px_compare_story(w.r.articles, w.r.n, NULL, &rep, NULL), PX_OK);
    const px_framing *f = &rep->framing;
    int militants = 0;
    for (size_t i = 0; i < f->n; i++)
        for (size_t k = 0; k < f->v[i].n_labels; k++) {
            assert_null(strstr(f->v[i].labels[k].label, "forc"));
            assert_string_not_equal(f->v[i].labels[k].label, "traders"); /* no descriptor */
            if (strcmp(f->v[i].labels[k].label, "militants") == 0) {
                assert_string_equal(f->v[i].labels[k].actor, "Kador Front");
                militants++;
            }
        }
    assert_int_equal(militants, 1);
    px_story_report_free(rep);
    written_story_free(&w);
}

/* The gist is said by the story, not by someone it quotes: a sentence
 * every outlet carries that is mostly a quotation (in double marks, or the
 * tail of a quote in single marks opened before) is never the gist,
 * however central its words and however many outlets carry it. */
static void test_gist_is_no_quote(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "Title: Ferry hits pier at Vell\nSource: one.example\nDate: 2024-05-02\n\n"
        "Crews worked through the night at the docks after Tuesday's accident, officials said.\n\n"
        "\"The ferry hit the pier of Vell harbour hard and four passengers were hurt,\" the harbour master said.\n\n"
        "'Everyone on the deck fell over when the bow struck the concrete,' a passenger said.\n\n"
        "\"We could not stop in time. The current pushed the bow into the pier and every deck shook,\" the "
        "captain said.\n",
        "Title: Four hurt as ferry strikes Vell pier\nSource: two.example\nDate: 2024-05-02\n\n"
        "The harbour company will review its safety rules, its chief executive announced.\n\n"
        "\"The ferry hit the pier of Vell harbour hard and four passengers were hurt,\" the harbour master told "
        "reporters.\n\n"
        "'We heard a crash and then the lights of the cabin went out,' a passenger said.\n"};
    written_story w;
    px_story_text *st = write_story(&w, texts);
    size_t doubled = 0, single = 0, tails = 0;
    for (size_t i = 0; i < st->n_sentences; i++) {
        const px_story_sentence *ps = &st->sentences[i];
        const char *text = st->articles[ps->article]->body + ps->start;
        double share = px_story_sentence_quoted_share(st, i);
        size_t len = ps->end - ps->start;
        int tail = memmem(text, len, ",\" ", 3) && text[0] != '"'; /* a quote opened before */
        doubled += text[0] == '"';
        single += text[0] == '\'';
        tails += tail;
        if (text[0] == '"' || text[0] == '\'' || tail)
            assert_true(share > 0.5);
        else
            assert_true(share < 0.01);
    }
    assert_true(doubled >= 1 && single >= 1 && tails >= 1);
    px_summary sm;
    assert_int_equal(px_summary_build(st, 3, &sm, NULL), PX_OK);
    assert_true(sm.n >= 1);
    assert_null(strstr(sm.v[0].text, "\""));
    assert_null(strstr(sm.v[0].text, "' a passenger"));
    px_summary_free(&sm);
    written_story_free(&w);
}

/* Transcript lines open on the speaker's name in capitals ("REYES: ...");
 * the capital there says nothing, so the name written mid-sentence
 * ("correspondent Ana Reyes") decides that "reyes" is a name, which
 * framing never shows. And a sentence of names alone ("So did Governor Ada
 * Lindqvist.") is no fact that two outlets report, however alike to
 * "Governor Ada Lindqvist opened ..." it is. */
static void test_names_at_sentence_start_and_name_only_facts(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "Title: Flood in Oster\nSource: radio.example\nDate: 2024-03-04\n\n"
        "The river Oster flooded the lower town on Sunday, our correspondent Ana Reyes reports.\n\n"
        "REYES: The water rose through the night and reached the market square by morning.\n\n"
        "REYES: Boats took families from the roofs of the lower town.\n\n"
        "REYES: The council opened the school as a shelter for the families.\n\n"
        "REYES: Volunteers carried sandbags to the old bridge all day.\n\n"
        "The mayor asked for help from the army. So did Governor Ada Lindqvist.\n",
        "Title: Oster flood forces evacuation\nSource: paper.example\nDate: 2024-03-04\n\n"
        "The river Oster flooded the lower town on Sunday and boats took families from their roofs.\n\n"
        "Governor Ada Lindqvist opened a relief fund for the town on Monday.\n\n"
        "The council opened the school as a shelter, and the mayor asked the army for help.\n"};
    written_story w;
    px_story_text *st = write_story(&w, texts);
    px_framing f;
    assert_int_equal(px_framing_build(st, px_background_default(), &f, NULL), PX_OK);
    for (size_t i = 0; i < f.n; i++)
        for (size_t k = 0; k < f.v[i].n_terms; k++)
            assert_null(strstr(f.v[i].terms[k].term, "reyes"));
    px_framing_free(&f);
    px_consensus c;
    assert_int_equal(px_consensus_build(st, &c, NULL), PX_OK);
    int shelter = 0;
    for (size_t i = 0; i < c.n_facts; i++) {
        assert_null(strstr(c.facts[i].text, "So did"));
        shelter += strstr(c.facts[i].text, "shelter") != NULL;
    }
    assert_int_equal(shelter, 1);
    px_consensus_free(&c);
    written_story_free(&w);
}

/* A fact is shown by a member that names what it is about: "The ferry
 * left ...", not "It left ..." (the sentence before says what "it" is). */
static void test_fact_shown_by_a_sentence_that_names_its_subject(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "Title: Ferry lost off Vell\nSource: one.example\nDate: 2024-06-01\n\n"
        "The Kador ferry sank on Saturday.\n\n"
        "It left the harbour of Vell at noon with forty passengers and sank ten minutes later.\n",
        "Title: Vell ferry sinks\nSource: two.example\nDate: 2024-06-01\n\n"
        "The ferry left the harbour of Vell at noon with forty passengers and sank ten minutes later.\n\n"
        "Divers searched the bay all afternoon.\n"};
    written_story w;
    px_story_text *st = write_story(&w, texts);
    px_consensus c;
    assert_int_equal(px_consensus_build(st, &c, NULL), PX_OK);
    int found = 0;
    for (size_t i = 0; i < c.n_facts; i++)
        if (strstr(c.facts[i].text, "forty passengers")) {
            assert_true(strncmp(c.facts[i].text, "The ferry", 9) == 0);
            found = 1;
        }
    assert_true(found);
    px_consensus_free(&c);
    written_story_free(&w);
}

static const char *const bridge[] = {"examples/corpus/harbor-herald--bridge-collapse.txt",
                                     "examples/corpus/liberty-ledger--bridge-cover-up.txt",
                                     "examples/corpus/civic-dispatch--bridge-victims.txt",
                                     "examples/corpus/meridian-times--port-alder-inspection.txt",
                                     "examples/corpus/national-tribune--bridge-repair-cost.txt"};

static void test_bridge_framing_and_omission(void **s)
{
    (void)s;
    px_sources *src = NULL;
    assert_int_equal(px_sources_load(&src, "examples/sources.csv", NULL), PX_OK);
    tu_result r;
    px_story_text *st = tu_read_story(&r, bridge, 5, src);
    assert_int_equal(st->n_sources, 5);

    px_framing f;
    assert_int_equal(px_framing_build(st, px_background_default(), &f, NULL), PX_OK);
    long ledger = source_index(st, "Liberty Ledger"), meridian = source_index(st, "Meridian Times");
    assert_true(has_term(&f.v[ledger], "crumbling"));
    assert_true(has_term(&f.v[ledger], "negligence"));
    assert_false(has_term(&f.v[meridian], "crumbling"));
    assert_false(has_term(&f.v[meridian], "negligence"));
    px_framing_free(&f);

    px_consensus c;
    assert_int_equal(px_consensus_build(st, &c, NULL), PX_OK);
    assert_int_equal(c.majority, 3);
    long tribune = source_index(st, "National Tribune");
    int inspection_omitted = 0;
    for (size_t k = 0; k < c.sources[tribune].n_omitted; k++) {
        const px_fact *fact = &c.facts[c.sources[tribune].omitted[k]];
        assert_true(fact->n_sources >= c.majority);
        if (strstr(fact->text, "inspection") || strstr(fact->text, "bearings"))
            inspection_omitted = 1;
    }
    assert_true(inspection_omitted);
    for (size_t i = 0; i < c.n_facts; i++) {
        assert_true(c.facts[i].n_sources >= 2);
        assert_int_equal(i < c.n_consensus, c.facts[i].n_sources >= c.majority);
    }
    px_consensus_free(&c);

    px_summary sm;
    assert_int_equal(px_summary_build(st, 0, &sm, NULL), PX_OK);
    check_summary(st, &sm);
    px_summary_free(&sm);
    px_story_text_free(st);
    tu_result_free(&r);
    px_sources_free(src);
}

/* Runs every analysis over a story and checks nothing breaks. */
static void analyse_all(px_story_text *st)
{
    px_framing f;
    px_consensus c;
    px_timeline t;
    px_summary sm;
    assert_int_equal(px_framing_build(st, px_background_default(), &f, NULL), PX_OK);
    assert_int_equal(f.n, st->n_sources);
    assert_int_equal(px_consensus_build(st, &c, NULL), PX_OK);
    assert_int_equal(px_timeline_build(st, &t, NULL), PX_OK);
    assert_int_equal(px_summary_build(st, 3, &sm, NULL), PX_OK);
    assert_true(sm.n <= 3);
    if (st->n_sources < 2) {
        assert_int_equal(c.n_facts, 0);
        assert_int_equal(st->n_pairs, 0);
    }
    px_framing_free(&f);
    px_consensus_free(&c);
    px_timeline_free(&t);
    px_summary_free(&sm);
}

static void test_empty_single_and_undated_stories(void **s)
{
    (void)s;
    px_story_text *st = NULL;
    assert_int_equal(px_story_text_new(&st, NULL, 0, NULL), PX_OK);
    assert_int_equal(st->n_sentences, 0);
    analyse_all(st);
    px_story_text_free(st);

    tu_result r;
    tu_read_one(&r, "examples/corpus/cordillera-radio--comet-discovery.txt", NULL);
    assert_int_equal(r.n, 1);
    assert_null(r.articles[0]->date);
    assert_int_equal(px_story_text_new(&st, r.articles, 1, NULL), PX_OK);
    analyse_all(st);
    px_timeline t;
    assert_int_equal(px_timeline_build(st, &t, NULL), PX_OK);
    assert_true(t.unresolved >= 1); /* "Ten years ago" has nothing to count from */
    px_timeline_free(&t);
    px_story_text_free(st);
    tu_result_free(&r);

    px_article *blank = px_article_new();
    assert_int_equal(px_set_str(&blank->body, ""), PX_OK);
    assert_int_equal(px_story_text_new(&st, &blank, 1, NULL), PX_OK);
    analyse_all(st);
    px_story_text_free(st);
    px_article_free(blank);
}

static void test_ten_megabyte_article(void **s)
{
    (void)s;
    px_buf b = {0};
    for (int i = 0; b.len < (10u << 20); i++)
        px_buf_printf(&b, "Officials said on Tuesday that %d more trucks crossed the river near pier %d. "
                          "The port reported delays of %d hours.%s",
                      i % 977, i % 131, i % 17, i % 5 == 4 ? "\n\n" : " ");
    px_article *a = px_article_new();
    a->body = px_buf_steal(&b);
    assert_int_equal(px_set_str(&a->date, "2025-03-06"), PX_OK);
    px_article *two[2] = {a, px_article_new()};
    assert_int_equal(px_set_str(&two[1]->body, "Trucks crossed the river on Tuesday, the port said."), PX_OK);
    assert_int_equal(px_set_str(&two[1]->source, "Other Outlet"), PX_OK);
    px_story_text *st = NULL;
    assert_int_equal(px_story_text_new(&st, two, 2, NULL), PX_OK);
    assert_true(st->n_sentences > 100000);
    analyse_all(st);
    px_story_text_free(st);
    px_article_free(two[0]);
    px_article_free(two[1]);
}

static px_article *story_article(const char *source, const char *body)
{
    px_article *a = px_article_new();
    assert_int_equal(px_set_str(&a->source, source), PX_OK);
    assert_int_equal(px_set_str(&a->language, "en"), PX_OK);
    assert_int_equal(px_set_str(&a->body, body), PX_OK);
    return a;
}

/* An English article with a note in German (an ad, a pointer to the
 * original): the note's function words are not the outlet's framing, and
 * the outlet's own distinctive words still are. */
static void test_framing_skips_sentences_in_another_language(void **s)
{
    (void)s;
    static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    static const char *const verbs[] = {"smashed", "fell", "dropped"};
    static const char *const names[] = {"Ticker", "Daily", "Herald"};
    px_article *a[3];
    for (size_t i = 0; i < 3; i++) {
        px_buf b = {0};
        for (size_t d = 0; d < 8; d++)
            assert_int_equal(px_buf_printf(&b, "Bitcoin prices were %s on %s as traders sold coins. ",
                                           verbs[i], days[d % 5]), PX_OK);
        for (int k = 0; i == 0 && k < 3; k++)
            assert_int_equal(px_buf_puts(&b, "Hier erfahrt ihr bei finanzen.net, wie ihr Bitcoins "
                                             "kaufen k\xc3\xb6nnt. Und ihr k\xc3\xb6nnt uns auf Twitter "
                                             "folgen, wie ihr wollt. "), PX_OK);
        a[i] = story_article(names[i], b.data);
        px_buf_free(&b);
    }
    px_story_text *st = NULL;
    assert_int_equal(px_story_text_new(&st, a, 3, NULL), PX_OK);
    px_framing f;
    assert_int_equal(px_framing_build(st, px_background_default(), &f, NULL), PX_OK);
    const px_source_framing *sf = &f.v[source_index(st, "Ticker")];
    assert_true(has_term(sf, "smashed"));
    const char *german[] = {"ihr", "k\xc3\xb6nnt", "wie", "bei"};
    for (size_t i = 0; i < sizeof german / sizeof german[0]; i++)
        if (has_term(sf, german[i]))
            fail_msg("framing term \"%s\" from a sentence in German", german[i]);
    px_framing_free(&f);
    px_story_text_free(st);
    for (size_t i = 0; i < 3; i++)
        px_article_free(a[i]);
}

/* The background table parser: counts summed, the #total line honoured,
 * malformed lines (no count, a NUL inside a stem) named by number. */
static void test_background_table_parse(void **s)
{
    (void)s;
    static const char ok[] = "#total\t1000\nbridg\t12\ncollaps\t3\nbridg\t1\n";
    px_background *b;
    px_error err;
    assert_int_equal(px_background_parse(&b, ok, sizeof ok - 1, &err), PX_OK);
    assert_true(px_background_count(b, "bridg") == 13);
    assert_true(px_background_count(b, "collaps") == 3);
    assert_true(px_background_count(b, "river") == 0);
    px_background_free(b);
    static const char no_count[] = "bridg\t12\ncollaps\n";
    assert_int_equal(px_background_parse(&b, no_count, sizeof no_count - 1, &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "line 2"));
    static const char nul[] = "g\0x\t4\ng\t2\n";
    assert_int_equal(px_background_parse(&b, nul, sizeof nul - 1, &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "line 1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_summary_skips_quote_pieces_and_labels_are_words),
        cmocka_unit_test(test_gist_is_no_quote),
        cmocka_unit_test(test_names_at_sentence_start_and_name_only_facts),
        cmocka_unit_test(test_fact_shown_by_a_sentence_that_names_its_subject),
        cmocka_unit_test(test_seed_003_leans_on_loaded_words),
        cmocka_unit_test(test_seed_summary_cites_real_sources),
        cmocka_unit_test(test_bridge_framing_and_omission),
        cmocka_unit_test(test_empty_single_and_undated_stories),
        cmocka_unit_test(test_ten_megabyte_article),
        cmocka_unit_test(test_framing_skips_sentences_in_another_language),
        cmocka_unit_test(test_background_table_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
