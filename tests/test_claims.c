/* test_claims.c - numbers, quotes and entities on the seed articles, the
 * example corpus and hostile input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "text/ner.h"
#include "compare/quantity_model.h"
#include "testutil.h"

/* The article of r whose body contains needle. */
static px_article *article_with(const tu_result *r, const char *needle)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->articles[i]->body && strstr(r->articles[i]->body, needle))
            return r->articles[i];
    fail_msg("no article contains \"%s\"", needle);
    return NULL;
}

static const px_quote *quote_starting(const px_quote_list *l, const char *prefix)
{
    for (size_t i = 0; i < l->n; i++)
        if (strncmp(l->v[i].text, prefix, strlen(prefix)) == 0)
            return &l->v[i];
    fail_msg("no quote starts with \"%s\"", prefix);
    return NULL;
}

static const px_number *number_written(const px_number_list *l, const char *text)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].text, text) == 0)
            return &l->v[i];
    fail_msg("no number written \"%s\"", text);
    return NULL;
}

static void quotes_of(const px_article *a, px_entity_list *people, px_quote_list *quotes)
{
    px_entity_list_init(people);
    px_quote_list_init(quotes);
    assert_int_equal(px_entities_extract(a, people), PX_OK);
    assert_int_equal(px_quotes_extract(a, people, quotes), PX_OK);
}

static void test_seed_quotes_and_speakers(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds"), NULL);
    px_entity_list people;
    px_quote_list quotes;

    quotes_of(article_with(&r, "Too many innocent Palestinians"), &people, &quotes);
    const px_quote *q = quote_starting(&quotes, "Too many innocent Palestinians have been murdered");
    assert_string_equal(q->speaker, "Kamala Harris");
    assert_int_equal(q->kind, PX_QUOTE_SPEECH);
    assert_int_equal(q->n_pieces, 2); /* split around "she said." */
    q = quote_starting(&quotes, "In these types of battles");
    assert_string_equal(q->speaker, "Lloyd Austin");
    q = quote_starting(&quotes, "There is no daylight");
    assert_string_equal(q->speaker, "Kirsten Allen");
    assert_string_equal(q->cue, "told");
    q = quote_starting(&quotes, "indiscriminate");
    assert_int_equal(q->kind, PX_QUOTE_TERM);
    assert_null(q->speaker);
    q = quote_starting(&quotes, "They are starting to lose that support");
    assert_string_equal(q->speaker, "Joe Biden");
    /* said by someone close to the vice president's office about
     * Netanyahu, not by him */
    q = quote_starting(&quotes, "be more forceful in seeking long-term peace");
    assert_non_null(q->speaker);
    assert_null(strstr(q->speaker, "Netanyahu"));
    assert_non_null(strstr(q->speaker, "someone close to the vice president"));
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);

    quotes_of(article_with(&r, "going to be challenged to explain"), &people, &quotes);
    q = quote_starting(&quotes, "He is, I think, you know, going to be challenged");
    assert_string_equal(q->speaker, "Pramila Jayapal");
    q = quote_starting(&quotes, "Just as the United States would not agree to a cease-fire");
    assert_string_equal(q->speaker, "Benjamin Netanyahu");
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);

    quotes_of(article_with(&r, "We must publicly criticize"), &people, &quotes);
    q = quote_starting(&quotes, "We must publicly criticize Israel");
    assert_int_equal(q->speaker_kind, PX_SPEAKER_DOCUMENT);
    assert_non_null(strstr(q->speaker, "document"));
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    tu_result_free(&r);
}

static void test_seed_numbers_with_attribution(void **s)
{
    (void)s;
    tu_result r;
    /* raw: cleaning drops the first of the two near-identical toll sentences */
    px_read_opts raw = {0};
    tu_read_raw_one(&r, tu_shared("seeds"), &raw);
    px_number_list n;

    px_number_list_init(&n);
    assert_int_equal(px_numbers_extract(article_with(&r, "killed more than 18,000 people"), &n), PX_OK);
    const px_number *x = number_written(&n, "more than 18,000");
    assert_true(x->value == 18000);
    assert_int_equal(x->bound, PX_BOUND_LOWER);
    assert_string_equal(x->qualifier, "more than");
    assert_string_equal(x->counted, "people killed");
    assert_string_equal(x->attribution, "Palestinian health authorities");
    x = number_written(&n, "More than 18,000");
    assert_string_equal(x->attribution, "Hamas-controlled Palestinian health authorities");
    px_number_list_clear(&n);

    px_number_list_init(&n);
    assert_int_equal(px_numbers_extract(article_with(&r, "more than 11,000 Palestinians"), &n), PX_OK);
    x = number_written(&n, "more than 11,000");
    assert_string_equal(x->counted, "palestinians killed");
    x = number_written(&n, "More than five weeks");
    assert_int_equal(x->kind, PX_NUM_DURATION);
    assert_string_equal(x->unit, "week");
    assert_true(x->value == 5);
    px_number_list_clear(&n);

    px_number_list_init(&n);
    assert_int_equal(px_numbers_extract(article_with(&r, "an estimated 1,200 people"), &n), PX_OK);
    x = number_written(&n, "an estimated 1,200");
    assert_int_equal(x->bound, PX_BOUND_ABOUT);
    assert_string_equal(x->counted, "people killed");
    x = number_written(&n, "more than 1.4 million");
    assert_true(x->value == 1400000);
    px_number_list_clear(&n);

    px_number_list_init(&n);
    assert_int_equal(px_numbers_extract(article_with(&r, "Gallup poll"), &n), PX_OK);
    x = number_written(&n, "49%");
    assert_int_equal(x->kind, PX_NUM_PERCENT);
    assert_true(x->value == 49);
    /* the year of the poll and the date of the attack are no claims */
    for (size_t i = 0; i < n.n; i++) {
        assert_null(strstr(n.v[i].text, "2023"));
        assert_string_not_equal(n.v[i].text, "7");
    }
    px_number_list_clear(&n);
    tu_result_free(&r);
}

/* The entities of each hand-written body, merged across them. */
#define MERGE_MAX 8
typedef struct merged_bodies {
    px_article *a[MERGE_MAX];
    px_entity_list *lists[MERGE_MAX];
    size_t n;
    px_entity_list merged;
} merged_bodies;

static void merge_bodies(merged_bodies *m, const char *const *bodies, size_t n)
{
    assert_true(n <= MERGE_MAX);
    m->n = n;
    for (size_t i = 0; i < n; i++) {
        m->a[i] = px_article_new();
        px_set_str(&m->a[i]->body, bodies[i]);
        m->lists[i] = malloc(sizeof **m->lists);
        px_entity_list_init(m->lists[i]);
        assert_int_equal(px_entities_extract(m->a[i], m->lists[i]), PX_OK);
    }
    px_entity_list_init(&m->merged);
    assert_int_equal(px_entities_merge((const px_article *const *)m->a, m->lists, n, &m->merged, NULL), PX_OK);
}

static void merged_bodies_free(merged_bodies *m)
{
    px_entity_list_clear(&m->merged);
    for (size_t i = 0; i < m->n; i++) {
        px_entity_list_clear(m->lists[i]);
        free(m->lists[i]);
        px_article_free(m->a[i]);
    }
}

/* The merged role is the one most articles give, not the first seen. */
static void test_merged_role_by_majority(void **s)
{
    (void)s;
    static const char *bodies[] = {
        "Governor Dana Whitcombe toured the flooded district on Monday.",
        "Senator Dana Whitcombe said the levee had held for now.",
        "Dana Whitcombe, the senator, asked for federal help.",
        "Senator Dana Whitcombe returned to the capital on Tuesday.",
    };
    merged_bodies m;
    merge_bodies(&m, bodies, 4);
    const px_entity_list merged = m.merged;
    const px_entity *e = NULL;
    for (size_t i = 0; i < merged.n; i++)
        if (strcmp(merged.v[i].name, "Dana Whitcombe") == 0)
            e = &merged.v[i];
    assert_non_null(e);
    assert_non_null(e->role);
    assert_string_equal(e->role, "Senator");
    merged_bodies_free(&m);
}

/* A person's name the tagger cut at a hyphen ("Kim Jong" of "Kim Jong
 * Un") is the person named in full elsewhere ("Kim Jong-un"), under the
 * full name; a compound after a name ("Janet Jackson-style") is no name
 * of hers. */
static void test_name_cut_at_a_hyphen_merges(void **s)
{
    (void)s;
    static const char *bodies[] = {
        "North Korean leader Kim Jong Un held out an olive branch on Monday. Kim Jong Un spoke for "
        "half an hour.",
        "Kim Jong-un offered talks on Monday, officials in Seoul said.",
    };
    merged_bodies m;
    merge_bodies(&m, bodies, 2);
    const px_entity_list merged = m.merged;
    size_t kims = 0;
    for (size_t i = 0; i < merged.n; i++)
        if (strncmp(merged.v[i].name, "Kim", 3) == 0) {
            kims++;
            assert_string_equal(merged.v[i].name, "Kim Jong-un");
        }
    assert_int_equal(kims, 1);
    merged_bodies_free(&m);
}

/* A given name spelt two ways before one surname is one person
 * ("Mohammed" and "Mohamed"); two listed given names ("Andrew", "Andrea")
 * are two people, and so is a given name and a surname each spelt another
 * way ("Franck Muller", "Frank Miller"); a known given name alone is no
 * surname misspelt ("Kim" is not "Keim"). */
static void test_given_name_spellings_merge(void **s)
{
    (void)s;
    static const char *bodies[] = {
        "President Mohammed Harbi spoke in Cairo on Monday. Andrew Calloway said the talks went well. "
        "Franck Muller said the watches were late. Coach Tomas Keim praised the team.",
        "President Mohamed Harbi spoke in Cairo on Monday. Andrea Calloway said the talks went badly. "
        "Frank Miller said the film was late. Kim said the season was over.",
    };
    merged_bodies m;
    merge_bodies(&m, bodies, 2);
    const px_entity_list merged = m.merged;
    size_t harbi = 0, calloway = 0, muller_miller = 0;
    for (size_t i = 0; i < merged.n; i++) {
        harbi += strstr(merged.v[i].name, "Harbi") != NULL;
        calloway += strstr(merged.v[i].name, "Calloway") != NULL;
        muller_miller += strstr(merged.v[i].name, "Muller") || strstr(merged.v[i].name, "Miller");
    }
    assert_int_equal(harbi, 1);
    assert_int_equal(calloway, 2);
    assert_int_equal(muller_miller, 2);
    for (size_t i = 0; i < merged.n; i++)
        if (strcmp(merged.v[i].name, "Tomas Keim") == 0)
            assert_int_equal(merged.v[i].mentions, 1);
    merged_bodies_free(&m);
}

static void test_seed_entities_merge(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds"), NULL);
    px_entity_list **lists = calloc(r.n, sizeof *lists);
    for (size_t i = 0; i < r.n; i++) {
        lists[i] = malloc(sizeof **lists);
        px_entity_list_init(lists[i]);
        assert_int_equal(px_entities_extract(r.articles[i], lists[i]), PX_OK);
    }
    px_entity_list merged;
    px_entity_list_init(&merged);
    assert_int_equal(px_entities_merge((const px_article *const *)r.articles, lists, r.n, &merged, NULL), PX_OK);
    const px_entity *biden = NULL, *netanyahu = NULL, *harris = NULL;
    for (size_t i = 0; i < merged.n; i++) {
        if (strcmp(merged.v[i].name, "Joe Biden") == 0)
            biden = &merged.v[i];
        if (strcmp(merged.v[i].name, "Benjamin Netanyahu") == 0)
            netanyahu = &merged.v[i];
        if (strcmp(merged.v[i].name, "Kamala Harris") == 0)
            harris = &merged.v[i];
        assert_null(strstr(merged.v[i].name, "Netayanhu")); /* folded, not its own entity */
    }
    assert_non_null(biden);
    assert_non_null(netanyahu);
    assert_non_null(harris);
    assert_int_equal(biden->kind, PX_ENTITY_PERSON);
    assert_true(biden->n_sources >= 4);
    int mr = 0, president = 0, misspelt = 0;
    for (size_t i = 0; i < biden->variants.n; i++) {
        mr |= strcmp(biden->variants.items[i], "Mr. Biden") == 0;
        president |= strcmp(biden->variants.items[i], "President Biden") == 0;
    }
    for (size_t i = 0; i < netanyahu->variants.n; i++)
        misspelt |= strcmp(netanyahu->variants.items[i], "Netayanhu") == 0;
    assert_true(mr && president && misspelt);
    assert_int_equal(harris->gender, PX_GENDER_FEMALE);
    assert_string_equal(harris->role, "Vice President");
    /* one outlet's "President Benjamin Netanyahu" is outvoted */
    assert_string_equal(netanyahu->role, "Prime Minister");
    /* every input entity knows where it went */
    for (size_t i = 0; i < r.n; i++)
        for (size_t j = 0; j < lists[i]->n; j++)
            assert_true(lists[i]->v[j].merged >= 0 && (size_t)lists[i]->v[j].merged < merged.n);
    px_entity_list_clear(&merged);
    for (size_t i = 0; i < r.n; i++) {
        px_entity_list_clear(lists[i]);
        free(lists[i]);
    }
    free(lists);
    tu_result_free(&r);
}

/* The example corpus: the per-article lists of the bridge story. */
typedef struct story {
    tu_result r;
    px_entity_list *people;
    px_quote_list *quotes;
    px_number_list *numbers;
} story;

static void story_load(story *st)
{
    px_sources *src = NULL;
    assert_int_equal(px_sources_load(&src, "examples/sources.csv", NULL), PX_OK);
    px_read_opts o = {.sources = src};
    tu_read_one(&st->r, "examples/corpus", &o);
    px_sources_free(src);
    st->people = calloc(st->r.n, sizeof *st->people);
    st->quotes = calloc(st->r.n, sizeof *st->quotes);
    st->numbers = calloc(st->r.n, sizeof *st->numbers);
    for (size_t i = 0; i < st->r.n; i++) {
        quotes_of(st->r.articles[i], &st->people[i], &st->quotes[i]);
        assert_int_equal(px_numbers_extract(st->r.articles[i], &st->numbers[i]), PX_OK);
    }
}

static void story_free(story *st)
{
    for (size_t i = 0; i < st->r.n; i++) {
        px_entity_list_clear(&st->people[i]);
        px_quote_list_clear(&st->quotes[i]);
        px_number_list_clear(&st->numbers[i]);
    }
    free(st->people);
    free(st->quotes);
    free(st->numbers);
    tu_result_free(&st->r);
}

static void test_examples_quotes(void **s)
{
    (void)s;
    story st;
    story_load(&st);
    size_t civic = 0, harbor = 0;
    for (size_t i = 0; i < st.r.n; i++) {
        if (strstr(st.r.articles[i]->body, "We will find every person"))
            civic = i;
        if (strstr(st.r.articles[i]->body, "We are still treating this"))
            harbor = i;
    }
    const px_quote *q = quote_starting(&st.quotes[civic], "We will find every person");
    assert_int_equal(q->n_pieces, 2);
    assert_string_equal(q->speaker, "Elena Voss");
    q = quote_starting(&st.quotes[harbor], "We are still treating this");
    assert_string_equal(q->speaker, "Raymond Okafor");
    q = quote_starting(&st.quotes[harbor], "This is the darkest day");
    assert_string_equal(q->speaker, "Elena Voss");

    /* the same quote carried by several outlets */
    const px_quote_list **ql = calloc(st.r.n, sizeof *ql);
    for (size_t i = 0; i < st.r.n; i++)
        ql[i] = &st.quotes[i];
    px_quote_links links = {0};
    assert_int_equal(px_quotes_link(ql, st.r.n, &links, NULL), PX_OK);
    int darkest = 0, bearings = 0;
    for (size_t i = 0; i < links.n; i++) {
        if (strstr(links.v[i].text, "darkest day")) {
            darkest = 1;
            assert_true(links.v[i].n_members >= 3);
            assert_string_equal(links.v[i].speaker, "Elena Voss");
        }
        bearings |= strstr(links.v[i].text, "Section 4 bearings") != NULL;
    }
    assert_true(darkest && bearings);
    px_quote_links_clear(&links);
    free(ql);
    story_free(&st);
}

static void test_examples_death_toll_conflict(void **s)
{
    (void)s;
    story st;
    story_load(&st);
    const px_number_list **nl = calloc(st.r.n, sizeof *nl);
    for (size_t i = 0; i < st.r.n; i++)
        nl[i] = &st.numbers[i];
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group((const px_article *const *)st.r.articles, nl, st.r.n, &g, NULL),
                     PX_OK);
    const px_number_group *toll = NULL;
    for (size_t i = 0; i < g.n; i++)
        if (strstr(g.v[i].key, "killed"))
            toll = &g.v[i];
    assert_non_null(toll);
    assert_true(toll->conflict);
    assert_true(toll->n_articles >= 4);
    int police = 0, fire = 0;
    for (size_t i = 0; i < toll->n_members; i++) {
        const px_number *x = &nl[toll->members[i].article]->v[toll->members[i].item];
        police |= x->value == 12 && x->attribution && strcmp(x->attribution, "police") == 0;
        fire |= x->value == 14 && x->attribution && strstr(x->attribution, "Fire Department");
    }
    assert_true(police && fire);
    px_number_groups_clear(&g);
    free(nl);
    story_free(&st);
}

/* Seed 000 gives both the Oct. 7 toll (1,200) and the Gaza toll (more than
 * 18,000): one article does not disagree with itself, so they are two
 * quantities; 002 agrees on the first, 003's 11,000 disputes the second. */
static void test_seed_tolls_are_two_quantities(void **s)
{
    (void)s;
    tu_result r;
    px_read_opts o = {0};
    tu_read_raw_one(&r, tu_shared("seeds"), &o);
    assert_int_equal(r.n, 5);
    px_number_list *lists = calloc(r.n, sizeof *lists);
    const px_number_list **nl = calloc(r.n, sizeof *nl);
    for (size_t i = 0; i < r.n; i++) {
        assert_int_equal(px_numbers_extract(r.articles[i], &lists[i]), PX_OK);
        nl[i] = &lists[i];
    }
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group((const px_article *const *)r.articles, nl, r.n, &g, NULL), PX_OK);
    const px_number_group *oct7 = NULL, *gaza = NULL;
    for (size_t i = 0; i < g.n; i++) {
        if (!strstr(g.v[i].key, "killed"))
            continue;
        if (g.v[i].min == 1200 && g.v[i].max == 1200)
            oct7 = &g.v[i];
        if (g.v[i].min == 11000 && g.v[i].max == 18000)
            gaza = &g.v[i];
    }
    assert_non_null(oct7);
    assert_false(oct7->conflict);
    assert_int_equal(oct7->n_articles, 2);
    assert_non_null(gaza);
    assert_true(gaza->conflict);
    int ministry = 0;
    for (size_t i = 0; i < gaza->n_members; i++) {
        const px_number *x = &nl[gaza->members[i].article]->v[gaza->members[i].item];
        ministry |= x->value == 18000 && x->attribution && strstr(x->attribution, "health authorities");
    }
    assert_true(ministry);
    px_number_groups_clear(&g);
    for (size_t i = 0; i < r.n; i++)
        px_number_list_clear(&lists[i]);
    free(lists);
    free(nl);
    tu_result_free(&r);
}

/* The entities of a hand-written body. */
static void entities_of(const char *body, px_entity_list *out)
{
    px_article *a = px_article_new();
    px_set_str(&a->body, body);
    px_entity_list_init(out);
    assert_int_equal(px_entities_extract(a, out), PX_OK);
    px_article_free(a);
}

static const px_entity *entity_named(const px_entity_list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].name, name) == 0)
            return &l->v[i];
    return NULL;
}

/* Capitals that do not make names: a Title Case headline, a word opening
 * the sentence, a word in capitals before a name, a name printed twice,
 * and a name ending in a word the text writes in lower case. */
static void test_names_from_page_shapes(void **s)
{
    (void)s;
    px_entity_list l;
    entities_of("Sailors Rescued After Blaze On Freighter Near Duisburg Harbour\n\n"
                "Nine sailors were rescued near Duisburg on Tuesday after a blaze on a freighter, "
                "the harbour police said. The freighter was towed away.",
                &l);
    for (size_t i = 0; i < l.n; i++) {
        assert_null(strstr(l.v[i].name, "Rescued"));
        assert_null(strstr(l.v[i].name, "Sailors"));
        assert_null(strstr(l.v[i].name, "Freighter"));
        assert_false(l.v[i].kind == PX_ENTITY_PERSON && strstr(l.v[i].name, "Duisburg"));
    }
    assert_non_null(entity_named(&l, "Duisburg"));
    px_entity_list_clear(&l);

    entities_of("EXCLUSIVE Daniel Harper visits the steel plant in Ohio.\n\n"
                "Maria Lopez Maria Lopez's plan won the vote in Toledo on Monday, and "
                "Daniel Harper praised it.\n\n"
                "Eventually Toledo agreed to the plan as well, officials said.",
                &l);
    const px_entity *e = entity_named(&l, "Daniel Harper");
    assert_non_null(e);
    assert_int_equal(e->kind, PX_ENTITY_PERSON);
    e = entity_named(&l, "Maria Lopez");
    assert_non_null(e);
    assert_int_equal(e->kind, PX_ENTITY_PERSON);
    for (size_t i = 0; i < l.n; i++) {
        assert_null(strstr(l.v[i].name, "EXCLUSIVE Daniel"));
        assert_null(strstr(l.v[i].name, "Lopez Maria"));
        assert_null(strstr(l.v[i].name, "Eventually"));
    }
    px_entity_list_clear(&l);
}

static void test_unbalanced_quotes_do_not_derail(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body,
               "He said \"this never closes and the rest of the paragraph goes on.\n\n"
               "A plain paragraph with a \u201cstray mark and \u201canother one.\n\n"
               "\u201cWe will be back next year,\u201d said Maria Lopez. \u201d\n\n"
               "\"Nothing else changes here,\" the coach said.\n\n"
               "\u201cThe mill stays open for now,\u201c said Tom Brandt. \u201cWe will see.\u201d");
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    const px_quote *q = quote_starting(&quotes, "We will be back next year");
    assert_string_equal(q->speaker, "Maria Lopez");
    q = quote_starting(&quotes, "Nothing else changes here");
    assert_string_equal(q->speaker, "the coach");
    /* a curly opening mark typed where the closing one belongs */
    q = quote_starting(&quotes, "The mill stays open for now,");
    assert_string_equal(q->text, "The mill stays open for now, We will see.");
    assert_int_equal(q->n_pieces, 2);
    assert_string_equal(q->speaker, "Tom Brandt");
    for (size_t i = 0; i < quotes.n; i++)
        assert_null(strchr(quotes.v[i].text, '\n'));
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
}

static void test_quote_across_paragraphs(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body, "Ms. Ortega spoke first. \u201cWe waited for years.\n\n"
                         "\u201cNow we are done waiting,\u201d she said.");
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    assert_int_equal(quotes.n, 1);
    assert_int_equal(quotes.v[0].n_pieces, 2);
    assert_string_equal(quotes.v[0].text, "We waited for years. Now we are done waiting,");
    assert_string_equal(quotes.v[0].speaker, "Ortega");
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
}

/* The speaker parallax gives the quote starting with prefix in body
 * (hand-written sentences, one rule each); "" when it has none. */
static char *speaker_in(const char *body, const char *prefix)
{
    px_article *a = px_article_new();
    px_set_str(&a->body, body);
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    const px_quote *q = quote_starting(&quotes, prefix);
    char *r = px_strdup(q && q->speaker ? q->speaker : "");
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
    return r;
}

typedef struct speaker_case {
    const char *body, *quote, *speaker;
} speaker_case;

static void check_speakers(const speaker_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = speaker_in(c[i].body, c[i].quote);
        char msg[1024];
        int bad = strcmp(got, c[i].speaker) != 0;
        snprintf(msg, sizeof msg, "case %zu: speaker \"%s\", expected \"%s\" in: %s", i, got,
                 c[i].speaker, c[i].body);
        free(got);
        if (bad)
            fail_msg("%s", msg);
    }
}

/* The subject of a say verb is a noun phrase, never a clause fragment. */
static void test_speaker_is_a_noun_phrase(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        /* a one-word name ending in -ly is no adverb */
        {"Dana Kelly ran the count. \"Turnout was higher than anyone thought,\" Kelly said.",
         "Turnout was higher", "Dana Kelly"},
        /* a coordinated predicate: the fragment before "said" is no speaker */
        {"Mayor Tom Brandt toured the flooded streets on Sunday and said the town would "
         "\"rebuild every single bridge.\"",
         "rebuild every single bridge", "Tom Brandt"},
        /* a subordinate clause: the subject follows "when" */
        {"Spokeswoman Maria Lopez was on stage. The hall went quiet when she told them the plant would "
         "\"stay open for good this time.\"",
         "stay open for good", "Maria Lopez"},
        /* a hyphenated noun phrase */
        {"\"Why did nobody ask us first?\" the 43-year-old asked.", "Why did nobody ask",
         "the 43-year-old"},
        /* an introduction before the subject is no name */
        {"Mia Chen praised the plan. \u201cIt works.\u201d At the same time, the mayor added, "
         "\u201cwe cannot pay for all of it this year.\u201d",
         "It works", "the mayor"},
        /* a partial quote running on: the later clause has its own subject */
        {"Tom Ridley said he was \"kind of riding the fence\" until Rosa Vega said she would run.",
         "kind of riding the fence", "Tom Ridley"},
        /* a pronoun right before the verb, after adverbials */
        {"Maria Lopez has mellowed, but even now at 86 she still says things like \"nobody "
         "asked me first.\"",
         "nobody asked me first", "Maria Lopez"},
        /* two introductions before the subject */
        {"Mayor Tom Ridley spoke next. Once in his early 20s, when his mother asked, he laughed and "
         "said, \"I never believed in ghosts at all.\"",
         "I never believed", "Tom Ridley"},
        /* a title before a name, in lower case */
        {"\"The numbers do not add up at all,\" budget analyst Priya Natarajan wrote.",
         "The numbers do not add up", "Priya Natarajan"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* A capitalised introduction that names nobody is no speaker: the
 * subject follows its comma; a lone determiner or sentence adverb is no
 * subject at all. */
static void test_capital_introduction_is_no_speaker(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Rosa Vega lost the vote on Monday. Hours later, Vega signed a letter urging the "
         "board to \"reopen the library at once.\"",
         "reopen the library", "Rosa Vega"},
        {"Early in the campaign, Tom Ridley branded the plan \"a gift to the landlords "
         "downtown.\"",
         "a gift to the landlords", "Tom Ridley"},
        {"Eight years ago, Nora Quist backed the levy and warned of \"a fiscal cliff for "
         "every school.\"",
         "a fiscal cliff", "Nora Quist"},
        {"Specifically, the audit faults the board for \"years of neglect at the docks.\"",
         "years of neglect", "the audit"},
        /* a pronoun before a comma is the subject, not an introduction */
        {"Mayor Tom Brandt took questions. He, on the other hand, stayed calm:\n\n\"There is "
         "no rush at all for this town.\"",
         "There is no rush", "Tom Brandt"},
        /* a clause with a verb is no introduction */
        {"Corvex has rejected the charge, saying the offer was \"no more than a "
         "possibility at this stage.\"",
         "no more than a possibility", "Corvex"},
        /* a determiner takes its noun, never stands alone */
        {"The rationale of the council was \"a matter of public safety for everyone.\"",
         "a matter of public safety", "The rationale"},
        /* a sentence adverb alone names nobody */
        {"Domestically the reaction was \"swift and harsh and very loud.\"",
         "swift and harsh", ""},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Without a cue or a clause subject, the last subject pronoun before the
 * quote names its speaker; a name may be an object, so the first name only
 * when there is no such pronoun. */
static void test_subject_pronoun_before_quote(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Maria Lopez spoke last. At the meeting that Tom Ridley had called she branded the "
         "plan \"a gift to the landlords downtown.\"",
         "a gift to the landlords", "Maria Lopez"},
        {"Tom Ridley attacked Rosa Vega on Sunday, branding her \"a friend of every "
         "developer in town.\"",
         "a friend of every developer", "Tom Ridley"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Reporting idioms beyond single verbs: "points out", "puts it",
 * "assured", and naming verbs whose subject stands right before them. */
static void test_reporting_idioms(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"The hall was full when Tom Brandt arrived. \"We never promised anyone a new "
         "bridge,\" he points out.",
         "We never promised", "Tom Brandt"},
        {"Mayor Rosa Vega spoke too. As the Harbor Gazette puts it, the council is \"out of "
         "ideas and out of money.\"",
         "out of ideas", "Harbor Gazette"},
        {"\"Your plan is brilliant and fair,\" Tom Ridley assured Maria Lopez.",
         "Your plan is brilliant", "Tom Ridley"},
        /* a naming verb with its subject named right before it */
        {"The dispute turned on what Tom Ridley called \"a plain act of bad faith by the "
         "board.\"",
         "a plain act of bad faith", "Tom Ridley"},
        {"Maria Lopez left the council in May. The plan is what she calls \"a gift to "
         "the landlords downtown.\"",
         "a gift to the landlords", "Maria Lopez"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* A surname two people of the article share goes to the one the
 * mention's pronoun or title fits, else to the one named last before it. */
static void test_shared_surname_resolves_by_pronoun_and_proximity(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"President Barack Obama spoke at the rally. First lady Michelle Obama campaigned in "
         "Ohio on Monday. Obama said he is \"surprised and troubled by the news from the capital.\"",
         "surprised and troubled", "Barack Obama"},
        {"President Barack Obama spoke at the rally. First lady Michelle Obama campaigned in "
         "Ohio on Monday. Obama said she was \"very proud of the young voters today.\"",
         "very proud of the young", "Michelle Obama"},
        {"Michelle Obama spoke in Denver. Later, Barack Obama met the governor. \"We will not "
         "give up on this bill,\" Obama said.",
         "We will not give up", "Barack Obama"},
        {"Barack Obama met the governor. Later, Michelle Obama spoke in Denver. \"We will not "
         "give up on this bill,\" Obama said.",
         "We will not give up", "Michelle Obama"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* A name the tagger opened ends before a run of words in lower case
 * ("Cash Warren welcomed their new arrival on": the name is no longer
 * than Warren), on a possessive inside it, and goes on through "of" to a
 * capitalised word ("the Bank of England"); an editor's brackets are no
 * part of a name ("[Tom] Brandt"). */
static void test_names_end_before_lower_case_words(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body, "Her husband Cash Warren welcomed their new arrival on Monday. Toshiba's "
                         "European storage division grew. The Bank of England raised rates again. "
                         "\"I met [Tom] Brandt at the bank,\" she said.");
    px_entity_list people;
    px_entity_list_init(&people);
    assert_int_equal(px_entities_extract(a, &people), PX_OK);
    int bank = 0, brandt = 0;
    for (size_t i = 0; i < people.n; i++) {
        assert_null(strstr(people.v[i].name, "welcomed"));
        assert_null(strchr(people.v[i].name, ']')); /* an editor's brackets */
        brandt |= strcmp(people.v[i].name, "Tom Brandt") == 0;
        assert_false(strstr(people.v[i].name, "Toshiba") && strstr(people.v[i].name, "European"));
        bank |= strcmp(people.v[i].name, "Bank of England") == 0;
    }
    assert_true(bank);
    assert_true(brandt);
    px_entity_list_clear(&people);
    px_article_free(a);
}

/* A person's given name alone is that person when no other person of
 * the article has it (and a Chinese family name, written first); with two
 * people of that given name it stays apart. */
static void test_given_name_resolves_to_the_one_person(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Singer Maria Lopez married her partner on Saturday. Maria told fans: \"It was the "
         "happiest day of my whole life.\"",
         "It was the happiest", "Maria Lopez"},
        /* a Chinese family name comes first, and the story uses it again */
        {"Police officer Zhao Zicong found the boy on Monday. Zhao told reporters: \"The boy "
         "was cold but he was safe and well.\"",
         "The boy was cold", "Zhao Zicong"},
        {"Maria Lopez met Maria Keane at the premiere on Saturday. Maria told fans: \"It was "
         "the happiest day of my whole life.\"",
         "It was the happiest", "Maria"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* A Korean name's given name of two syllables joined by a hyphen says its
 * first word is the family name the story uses again ("Moon Jae-in ...
 * Moon"); a known given name alone is no misspelt surname ("Kim" is not
 * "Keim"); a conjunction opening the sentence is no part of the name
 * after it, nor a comma its end; a headline in capitals holds only the
 * names the text also writes in its sentences. */
static void test_family_names_given_names_and_clause_openers(void **s)
{
    (void)s;
    px_entity_list l;
    entities_of("South Korean President Park Min-ji said the talks would help.\n\n"
                "A spokesman for Park said they were still reading the speech, and Park agreed "
                "to meet her on Friday.\n\n"
                "Coach Tomas Keim praised the team on Sunday. Later, Kim said the season was over.\n\n"
                "Although Vellmar Rovers lost, the fans cheered.\n\n"
                "Their three children, Zachary, William, and Matthew were at the temple.\n\n"
                "The airline said it would listen to their issues and answer for them, and that "
                "its travel warning was news to it.\n\n"
                "VELLMAR UNION ISSUES TRAVEL WARNING FOR ATLAS AIRWAYS (May 2, 2025) - The Vellmar "
                "Union warned members against Atlas Airways on Monday.",
                &l);
    const px_entity *park = entity_named(&l, "Park Min-ji");
    assert_non_null(park);
    assert_int_equal(park->mentions, 3);
    assert_null(entity_named(&l, "Park"));
    const px_entity *keim = entity_named(&l, "Tomas Keim");
    assert_non_null(keim);
    assert_int_equal(keim->mentions, 1);
    for (size_t i = 0; i < l.n; i++)
        assert_null(strstr(l.v[i].name, "Although"));
    assert_non_null(entity_named(&l, "Vellmar Rovers"));
    for (size_t i = 0; i < l.n; i++) {
        assert_null(strchr(l.v[i].name, ','));
        assert_null(strstr(l.v[i].name, "ISSUES"));
        assert_null(strstr(l.v[i].name, "TRAVEL"));
    }
    const px_entity *vellmar = entity_named(&l, "Vellmar Union");
    assert_non_null(vellmar);
    assert_int_equal(vellmar->mentions, 2);
    px_entity_list_clear(&l);
}

/* The name before a long appositive speaks, whatever "and" it holds; a
 * verb of saying in the passive ("a shift predicted by the model") gives
 * its subject no voice, but "responded by saying" does; a clause before
 * the first comma is no name. */
static void test_long_appositives_and_passive_cues(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"The lens bent the light of the star. That is an effect predicted by the old theory of "
         "gravity.\n\n\"We are thrilled with what we found,\" Dr. Lena Ortiz, a professor of "
         "physics and astronomy at the college and the head of the new survey, said in a statement.",
         "We are thrilled", "Lena Ortiz"},
        /* an adverb closing the subject is no part of it; a determiner
         * alone is no one */
        {"The actor repeatedly refused, saying: \"For the last time, I will not play that "
         "part again.\"",
         "For the last time", "The actor"},
        {"Another item on sale at the fair was an \"electric potato peeler for busy cooks\".",
         "electric potato peeler", ""},
        {"The ferry company sent a statement. Two officials responded by saying: \"We have "
         "always put the safety of passengers first and we always will.\"",
         "We have always put", "Two officials"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Speakers are people or organisations: not a place, an event the tagger
 * took for a name, the name modifying the real head, a person named as an
 * object, nor the speaker of the next sentence. */
static void test_speaker_is_a_person_or_organisation(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Tourists filled the Promenade for Bastille Day. He said the day was a \"symbol of "
         "liberty for the whole country.\"",
         "symbol of liberty", "He"},
        {"Crowds gathered in Chicago on Sunday night. Chicago has been \"waiting for this "
         "moment for a very long time.\"",
         "waiting for this moment", ""},
        {"All staff were \"safe and uninjured,\" the German foreign ministry said.",
         "safe and uninjured", "the German foreign ministry"},
        {"Three aides said the plan was late. And someone close to the mayor's office said the "
         "city should take a harder line on Tom Brandt and \"be more careful with the public "
         "money.\"",
         "be more careful", "someone close to the mayor's office"},
        {"Prime Minister Ana Ruiz tweeted: \"We are shocked by tonight's attack. Our thoughts "
         "are with the victims.\" President Tom Brandt tweeted: \"It is a sad day for the whole "
         "of Europe and for us.\"",
         "We are shocked", "Ana Ruiz"},
        {"Prime Minister Ana Ruiz tweeted: \"We are shocked by tonight's attack. Our thoughts "
         "are with the victims.\" President Tom Brandt tweeted: \"It is a sad day for the whole "
         "of Europe and for us.\"",
         "It is a sad day", "Tom Brandt"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Speakers an editor would laugh at: a word opening a spoken sentence
 * ("Well,") taken for a name, a describing word kept before the name,
 * a witness's words given to an official named further back because the
 * witness's name carries neither a known given name nor a title (a name
 * next to a verb of saying is a person; a body such as "Transport
 * Police" is not), and a weekday before a say verb. */
static void test_speaker_is_no_interjection_or_modifier(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Paul Vance, a nurse, described the night. \"People ran past us. Well, my brother "
         "grabbed my arm and we ran too.\"\n\nThe harbour was closed at noon. He told "
         "reporters he saw the lorry. \"The lorry came straight down the road and did not "
         "stop.\"",
         "The lorry came straight", "Paul Vance"},
        {"Speaking to his followers, notorious Abu-Kalem urged: \"Strike them wherever you "
         "find them, in the streets and in the markets.\"",
         "Strike them wherever", "Abu-Kalem"},
        {"Mayor Tomas Brandt said on Friday that the city would mourn for three days.\n"
         "\u201cWe will not give in,\u201d he said in a statement outside the town hall.\n"
         "\u201cWe were dancing when we saw people running everywhere,\u201d said Odile "
         "Ferrand, 15, who was at a bar near the beach.\n"
         "\u201cNobody told us what was happening, and I heard shots,\u201d she said. "
         "\u201cI waited at the bar because I thought it was a false alarm.\u201d",
         "Nobody told us", "Odile Ferrand"},
        {"\"We will build the new bridge by the spring,\" Tuesday said.", "We will build", ""},
        {"Mayor Tomas Brandt visited the depot. Ifeoma Adeyemi said her husband was on the "
         "tram and was badly cut.\n\"People were screaming and the lights went out,\" she "
         "said.",
         "People were screaming", "Ifeoma Adeyemi"},
        {"The driver was held, British Transport Police said. Tomas Brandt, who was among "
         "the injured, described the crash.\n\"Everyone just went flying,\" he said.",
         "Everyone just went", "Tomas Brandt"}, /* not the police: the man who, after an
                                                   * aside, described the crash */
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
    /* "Well" opening a quoted sentence is no name at all */
    px_entity_list people;
    entities_of("\"Well, my brother grabbed my arm,\" Marta Quist said. Yes, the lorry stopped.",
                &people);
    assert_null(entity_named(&people, "Well"));
    assert_null(entity_named(&people, "Yes"));
    assert_non_null(entity_named(&people, "Marta Quist"));
    px_entity_list_clear(&people);
}

/* Speakers the tagger does not know, signatures and bare reporting
 * clauses: a title makes a name, a function word after a closing mark is
 * a surname, a dash signs a quote paragraph, `.” X said.` is a cue, and a
 * pronoun cue stands for the quote's previous speaker when nobody else
 * was named in between. */
static void test_speaker_titles_signatures_and_pronouns(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        /* a title before a surname the tagger does not know */
        {"The ruling came late. Dr. Okonkwo stated: \"The harbour board is not about "
         "fairness anymore.\"",
         "The harbour board", "Dr. Okonkwo"},
        {"The ruling came late.\n\nMs. Abernathy-Quill stated:\n\n\"The harbour board is "
         "not about fairness anymore. It is about one man.\"",
         "The harbour board", "Ms. Abernathy-Quill"},
        /* a capitalised function word right after the closing mark is a
         * surname, and so is one inside a sentence; at a sentence start it
         * is not */
        {"\"The eruption of protest in the square is a reminder that the vote matters,\" "
         "Will wrote in his column.",
         "The eruption of protest", "Will"},
        {"The economy was booming then. \"The circumstances change when you go through a "
         "flood like we did,\" From said.",
         "The circumstances change", "From"},
        {"\"We will build the new bridge by the spring,\" Tuesday said.", "We will build", ""},
        /* a signature under a quote paragraph */
        {"The council met on Monday.\n\n\"The whole idea of a rigged council is something we "
         "hear about all the time, and it needs to stop.\"\n\n- Marta Delgado, Springfield.",
         "The whole idea", "Marta Delgado"},
        {"The council met on Monday.\n\n\u201cWe learned that from the clerk and nobody "
         "else.\u201d\n\n\u2014Mayor Tomas Brandt, writing after the vote.",
         "We learned that", "Tomas Brandt"},
        /* no signature: the paragraph does not open with the quote */
        {"Ana Ruiz spoke last. She called the plan \"a waste of time and money.\"\n\n- "
         "Reuters.",
         "a waste of time", "Ana Ruiz"},
        /* a bare reporting clause after a quote ending in a full stop,
         * not one ending in a colon (it introduces the next quote) */
        {"The mayor caused an uproar on Monday.\n\n\u201cIf you are listening, I hope you can "
         "find the missing files.\u201d Moreno said.",
         "If you are listening", "Moreno"},
        {"Lena Tarrow spoke for an hour. \u201cIt is probably going to be close to two "
         "million dollars.\u201d Tom Hale then said:\n\n\u201cWe will win anyway.\u201d",
         "It is probably going", "Lena Tarrow"},
        /* a pronoun cue: the quote's previous speaker, whom nobody
         * replaced as subject */
        {"After Senator Rita Alvarez spoke, Grace Holloway said: \u201cNo one should feel "
         "what I have seen.\u201d\n\u201cWe have to act before the next fire comes,\u201d she "
         "continued.",
         "We have to act", "Grace Holloway"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Subjects that are not speakers: a passive verb of saying, the object of
 * a preposition; a kinship word takes the name in its appositive, and a
 * person named before asides and a verb of saying can be a pronoun's
 * antecedent. */
static void test_speaker_passive_preposition_and_kin(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"The roads were flooded. Scenes on the bridge have been described as \"like something "
         "out of a disaster film\" by drivers.",
         "like something out", ""},
        {"Lena Marsh will retire next month and after the final race in Lisbon said: \"I will "
         "never forget this day.\"",
         "I will never forget", "Lena Marsh"},
        {"Tom Rask left the company a month before its senior vice president boasted about a "
         "plan to spend \"a million dollars on the hunt\" for critics.",
         "a million dollars", "its senior vice president"},
        {"\u201cI must say that he surprised me,\u201d said father, Joost, who raced in the "
         "nineties.",
         "I must say that", "Joost"},
        {"Pieter Vandermolen, 30, from Leuven, said he recalled the bus speeding up, adding: "
         "\"Everyone just went flying.\"",
         "Everyone just went flying", "Pieter Vandermolen"},
        /* a sentence reporting someone else's statement between two
         * pieces ends the first quote: the coach's words are not Pike's */
        {"Coach Ramos said:\n\n\"We will have to wait and see, but I will not cry about "
         "injuries because we will have 11 players to play on Tuesday.\" Pike said he was "
         "unsure what caused Brook's injury. \"I do not know what happened.\" he said.",
         "We will have to wait", "Ramos"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Pieces of one statement: a cue clause with a long appositive between
 * two pieces joins them when the second has no cue of its own, and so
 * does "and" between two fragments of running speech; a second piece with
 * its own cue, or capitalised slogans, stay apart. */
static void test_quote_pieces_of_one_statement(void **s)
{
    (void)s;
    static const struct {
        const char *body, *prefix, *text;
        size_t pieces;
    } cases[] = {
        {"\u201cWe will not close the clinic,\u201d said Dana Whitfield, director of the Harbor "
         "Health League, a group that runs three clinics in the county. \u201cNobody here "
         "wants that.\u201d",
         "We will not close", "We will not close the clinic, Nobody here wants that.", 2},
        {"\u201cWe will not close the clinic,\u201d said Dana Whitfield, director of the Harbor "
         "Health League, a group that runs three clinics in the county. \u201cNobody here "
         "wants that,\u201d Tom Reyes added.",
         "We will not close", "We will not close the clinic,", 1},
        {"The plan was \u201cflawed from the very start\u201d and \u201ca waste of public "
         "money,\u201d Mara Quint said.",
         "flawed from the very", "flawed from the very start a waste of public money,", 2},
        {"Supporters waved signs reading \u201cBuild It Now\u201d and \u201cSave Our "
         "Town\u201d outside the hall.",
         "Build It Now", "Build It Now", 1},
        /* each cue reports one statement: a piece with a cue of its own
         * after it is not joined to the one before */
        {"\u201cThe new bridge will be open by spring,\u201d Mara Quint told the "
         "council. \u201cI have never seen a project run this smoothly,\u201d the "
         "engineer said.",
         "The new bridge", "The new bridge will be open by spring,", 1},
        {"\u201cThe new bridge will be open by spring,\u201d Mara Quint told the "
         "council. \u201cI have never seen a project run this smoothly.\u201d",
         "The new bridge",
         "The new bridge will be open by spring, I have never seen a project run this smoothly.", 2},
        /* a cue clause of over 30 words, an appositive with relative clauses */
        {"\u201cWe will keep the clinic open,\u201d said Dana Whitfield, who now runs the "
         "Harbor Gym \u2014 which to this day hosts a class named for her, who was the guest "
         "of honor when the gym reopened in 2010 after the flood. \u201cNobody here wants that.\u201d",
         "We will keep", "We will keep the clinic open, Nobody here wants that.", 2},
        /* a quote left open at its paragraph's end goes on in the next,
         * unless that part has a cue of its own */
        {"\u201cThe stereotypes are still strong here,\u201d he said. \u201cThey think "
         "every new family is the same.\n\n\u201cAnd they still think we ride camels,\u201d "
         "he said with a grin.",
         "The stereotypes", "The stereotypes are still strong here, They think every new family is the same.", 2},
        /* a paragraph that is only a quote with no cue goes on with the
         * quote and cue closing the paragraph before */
        {"\u201cWe will keep the clinic open,\u201d Dana Whitfield said.\n\n"
         "\u201cNobody here wants that to change.\u201d\n\nThe vote is on Monday.",
         "We will keep", "We will keep the clinic open, Nobody here wants that to change.", 2},
        /* ... not after a sentence of its own following the cue, nor when
         * the paragraph has more than the quote */
        {"\u201cWe will keep the clinic open,\u201d Dana Whitfield said. The council "
         "meets on Monday.\n\n\u201cNobody here wants that to change.\u201d",
         "We will keep", "We will keep the clinic open,", 1},
        {"\u201cWe will keep the clinic open,\u201d Dana Whitfield said.\n\n"
         "\u201cNobody here wants that to change,\u201d Tom Reyes shot back with a laugh.",
         "We will keep", "We will keep the clinic open,", 1},
        /* a partial quote whose sentence a reporting clause closes goes on
         * in the next piece */
        {"The mayor \u201ckept the clinic open for every family\u201d in the 2008 budget, "
         "said city historian Dana Whitfield. \u201cThat was her doing more than anyone's.\u201d",
         "kept the clinic open",
         "kept the clinic open for every family That was her doing more than anyone's.", 2},
        /* ... not when the next piece has a cue of its own */
        {"The mayor \u201ckept the clinic open for every family\u201d in the 2008 budget, "
         "said city historian Dana Whitfield. \u201cThat was her doing,\u201d Tom Brandt said.",
         "kept the clinic open", "kept the clinic open for every family", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        px_article *a = px_article_new();
        px_set_str(&a->body, cases[i].body);
        px_entity_list people;
        px_quote_list quotes;
        quotes_of(a, &people, &quotes);
        const px_quote *q = quote_starting(&quotes, cases[i].prefix);
        assert_string_equal(q->text, cases[i].text);
        assert_int_equal(q->n_pieces, cases[i].pieces);
        px_quote_list_clear(&quotes);
        px_entity_list_clear(&people);
        px_article_free(a);
    }
}

/* Speakers found through the grammar of attribution: nouns naming speech
 * and their possessors, verbs of saying whose clause holds a pronoun,
 * participles after "with", the agent of "asked by", polls reported
 * through their respondents, colons after a subordinate clause. */
static void test_speaker_possessors_complements_and_polls(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        /* the reporting clause closing a partial quote's sentence speaks
         * for it and for the piece after it */
        {"The mayor \u201ckept the clinic open for every family\u201d in the 2008 budget, "
         "said city historian Dana Whitfield. \u201cThat was her doing more than anyone's.\u201d",
         "kept the clinic open", "Dana Whitfield"},
        /* a word of saying used as a noun is no cue: "Brandt's remarks" */
        {"Council leader Ana Ruiz said Tom Brandt's remarks \u201chave done "
         "real damage to the town.\u201d",
         "have done real damage", "Ana Ruiz"},
        /* "put" reports only as "put it"; the one noting it reports the quote */
        {"Tom Brandt praised Ana Ruiz, noting that she has put together "
         "\u201cthe best volunteer team this city has seen.\u201d",
         "the best volunteer team", "Tom Brandt"},
        /* the possessor of a noun naming speech: "her remark that" */
        {"Ana Ruiz opened the fair on Monday. The crowd cheered her remark that "
         "\u201cevery child deserves a park within walking distance.\u201d",
         "every child deserves", "Ana Ruiz"},
        /* ... before the quote ("Brandt's “...” promise") */
        {"Voters still recall Tom Brandt's \u201ca bridge for every town\u201d "
         "promise from the last campaign.",
         "a bridge for every town", "Tom Brandt"},
        /* ... or introducing it with a colon */
        {"Tom Brandt posted a reply. From Ana Ruiz's blog post: \u201cThe "
         "council has not answered a single letter we sent.\u201d",
         "The council has not answered", "Ana Ruiz"},
        /* ... but not when a verb of saying reports the whole clause */
        {"Tom Brandt said on Monday that Ana Ruiz's claim that the fund is "
         "empty is \u201csimply not true at all.\u201d",
         "simply not true", "Tom Brandt"},
        /* a pronoun reported by a verb before it: that verb's subject speaks */
        {"Tom Brandt met the board. The veteran senator said he rarely asks "
         "colleagues for favours, \u201cexcept when the town itself is at "
         "stake.\u201d",
         "except when the town", "The veteran senator"},
        /* ... with an age before the name, whoever "he" stands for */
        {"Tom Brandt won the vote. 72-year-old Ana Ruiz, a retired teacher, "
         "endorsed Brandt, saying he \u201chas the patience this job "
         "demands.\u201d",
         "has the patience", "Ana Ruiz"},
        /* the reporting clause closing the sentence reaches across a term */
        {"Turnout was \u201cfar lower than in any year we have records "
         "for\u201d as voters waited to see how the \u201cstorm season\u201d "
         "played out, Ana Ruiz said.",
         "far lower than", "Ana Ruiz"},
        /* "with X noting" */
        {"The debate turned sour, with Tom Brandt noting the folly of building "
         "\u201ca stadium nobody in this town asked for.\u201d",
         "a stadium nobody", "Tom Brandt"},
        /* "asked by X" */
        {"Ana Ruiz was asked by moderator Tom Brandt whether the plan would "
         "risk \u201cadding yet another costly programme to the budget.\u201d",
         "adding yet another", "Tom Brandt"},
        /* a share of respondents reports what the poll named before found */
        {"The Harbor Institute poll has bad news for the mayor. 30 percent of "
         "likely voters say they would \u201cnever vote for him again,\u201d "
         "the highest share yet.",
         "never vote for him", "The Harbor Institute poll"},
        /* before a colon, the main clause after a subordinate one */
        {"When Tom Brandt suggested that the city would sue the county, Ana "
         "Ruiz fired back: \u201cIf they sue us, they will lose.\u201d",
         "If they sue us", "Ana Ruiz"},
        /* terms in marks do not stop a sentence introducing the next quote */
        {"People should not wave around words like \u201cmaybe\u201d and "
         "\u201cperhaps\u201d, Tom Brandt told reporters.\n\n\u201cThis is "
         "reckless talk.\u201d",
         "This is reckless", "Tom Brandt"},
        /* a relative clause right after the mark is about the quoted words */
        {"Ana Ruiz proposed a \u201cchief housing inspector\u201d who reports "
         "directly to the mayor.",
         "chief housing inspector", "Ana Ruiz"},
        /* "began" reports only with the words at once */
        {"Ana Ruiz sent an email as the council meeting began vowing to "
         "\u201cfight for every single vote in this county.\u201d",
         "fight for every single", "Ana Ruiz"},
        /* "Even before ..." opens a subordinate clause, not a name */
        {"Even before Ana Ruiz took the stage, her campaign sent a text message "
         "to supporters saying: \u201cWe were just declared the winner.\u201d",
         "We were just declared", "Ana Ruiz"},
        /* a state after a town's comma belongs to the introduction */
        {"At a conference that month in Aspen, Colo., the retired judge Ana "
         "Ruiz ended her speech with a line: \u201cEvery obstacle yields to "
         "stern resolve.\u201d",
         "Every obstacle yields", "Ana Ruiz"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Whom a he or she after a quote stands for: the one who speaks in the
 * sentence before, over long appositives and inverted cues; an unnamed
 * role that reports; the subject outside a relative clause; the person a
 * pronoun chain goes on about; a surname the tagger left out. */
static void test_pronoun_speakers_and_roles(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        /* an unnamed role that spoke just before: "he added" goes on about
         * it, not the person named in its words or earlier */
        {"Striker Tom Brandt is to begin talks with the club as he looks for a new "
         "team.\n\n\"Brandt will be in our main stand to watch the match on Sunday,\" "
         "said a club official, who declined to be named. \"Then he will meet some "
         "important people of the club,\" he added.",
         "Then he will meet", "a club official"},
        /* a long appositive before the verb of saying: still the one speaking */
        {"\"We have the votes,\" said Oskar Brandvold, a budget analyst at the "
         "Northfield Institute.\n\nTomas Weller, director of the policy research "
         "program at the Eastbridge Institute in Carden, told reporters the plan "
         "was a surprise.\n\n\"Nobody expected the cuts to go this far,\" he said.",
         "Nobody expected", "Tomas Weller"},
        /* an inverted cue: the name after "said", not the sentence's first */
        {"\"The plan is sound,\" Karl Marsh said on Monday.\n\nKarl Marsh may slow "
         "the rollout before the vote, said Oskar Brandvold, an analyst at a budget "
         "office.\n\n\"The reserve is too thin for that,\" he said.",
         "The reserve is too thin", "Oskar Brandvold"},
        /* an unnamed role reporting in the sentence before */
        {"\"We have the votes,\" Mayor Karl Marsh said.\n\nA ministry spokesman in "
         "Carden said the count was finished by noon.\n\n\"Every ballot has been "
         "checked twice,\" he said.",
         "Every ballot", "A ministry spokesman"},
        /* ... but "the" role points back at someone named: not a new speaker */
        {"\"We have the votes,\" Mayor Karl Marsh said.\n\nThe mayor said the count "
         "was finished by noon.\n\n\"Every ballot has been checked twice,\" he said.",
         "Every ballot", "Karl Marsh"},
        /* a name inside a relative clause is no antecedent */
        {"Mr. Weller, a former mayor, criticised the delay on Friday. Citing the "
         "audit, which Mr. Marsh strongly opposed, he said, \"The numbers speak "
         "for themselves.\"",
         "The numbers speak", "Weller"},
        /* a pronoun chain: the names in "She told X" are objects */
        {"\"It is a hard choice,\" Maria Ostrova said of the vote. She told Bobo "
         "Kessel, the keeper, that the bear was gone. She also thanked the zoo "
         "staff.\n\n\"There are no winners here,\" she said.",
         "There are no winners", "Maria Ostrova"},
        /* a surname opening a sentence that the tagger leaves out */
        {"Brian Kelly, a flight buff who runs a travel blog, agreed.\n\nKelly said "
         "that such a mix-up was \"not really that uncommon.\"",
         "not really that", "Brian Kelly"},
        /* a role with the name in an appositive is that person */
        {"The rebels' spokesman, Ali Noor, said by telephone that the fighters were "
         "sent \"to destroy the depot and everyone guarding it.\"",
         "to destroy the depot", "Ali Noor"},
        /* "it" for the organisation the sentence before credits */
        {"\"We will reopen on Monday,\" the mayor said.\n\nRiver crossings have "
         "been closed since May, according to the Harbor Transit Authority. It said "
         "the ferries were \"too old to run safely in winter.\"",
         "too old to run", "Harbor Transit Authority"},
        /* a name after "and" with its own verb is a subject, not the
         * object of the preposition before it */
        {"\"He can get better,\" added Tom Keegan, the manager.\n\nDan Fowler's late "
         "strike helped the club to a win at Carrow Road and Keegan praised the rival "
         "coach afterwards. \"I feel for the other coach,\" he said.",
         "I feel for the other", "Tom Keegan"},
        /* names joined by "and" after a preposition stay objects */
        {"\"I like pressure,\" said Gavin Hale after the match.\n\nNone more so than "
         "Hale, who can expect the same spotlight as the likes of Jonny Wood and Brian "
         "Dorsey. The confident 23-year-old is undaunted. \"It makes me "
         "concentrate,\" he said.",
         "It makes me concentrate", "Gavin Hale"},
        /* a title between a team and a full name makes a person of it,
         * whatever the tagger's kind */
        {"\"We lost the plot,\" said Tom Reyes, the coach.\n\nLater, in the "
         "clubhouse, Rovers midfielder Addo Kwarteng smiled. \"This team thrives on "
         "its fans,\" he said.",
         "This team thrives", "Addo Kwarteng"},
        /* words heard from those the subject sees, not the one seeing */
        {"\"It was a long night,\" said Tom Reyes, the coach.\n\nWhen he finally "
         "reached the room he was startled to see the players shouting and "
         "screaming: \"We did it!\"",
         "We did it", "the players"},
        /* a given name's gender keeps a she from a man named in between */
        {"\"It was a fair question,\" Hillary Vance told the host.\n\nThe host, Joe "
         "Marlow, pressed her on the budget. \"It is going to be a hard year,\" she "
         "said.",
         "It is going to be", "Hillary Vance"},
        /* the object of a verb whose subject is a pronoun is no speaker */
        {"Asked who leads the party, he said Ryan Coles. \"I would say Ryan for "
         "now,\" Tom Brandt said.\n\n\"We can always have differences,\" he said.",
         "We can always", "Tom Brandt"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Pieces of one statement around a cue that ends in a nested quote or an
 * abbreviation, or holds a show's name, are one quote; a capitalised name
 * after an owner is a title, a term. */
static void test_quote_pieces_nested_marks_and_titles(void **s)
{
    (void)s;
    static const struct {
        const char *body, *prefix;
        size_t pieces;
        px_quote_kind kind;
    } cases[] = {
        {"\u201cI told him, \u2018Thank you for coming,\u2019\u201d Ana Ruiz said. "
         "\u201cHe did not know what to say to that.\u201d",
         "I told him", 2, PX_QUOTE_SPEECH},
        {"\u201cWe will fight for every vote in this state,\u201d Ana Ruiz told "
         "reporters after a forum in Fort Mill, S.C. \u201cNobody will outwork us "
         "here.\u201d",
         "We will fight", 2, PX_QUOTE_SPEECH},
        {"Ana Ruiz appeared on CNN\u2019s \u201cState of the Union,\u201d where she "
         "defended the plan.",
         "State of the Union", 1, PX_QUOTE_TERM},
        /* a show's name inside the cue is part of the cue */
        {"\u201cTom Brandt is a fraud,\u201d Ana Ruiz said Sunday on NBC\u2019s \u201cMeet "
         "the Press.\u201d \u201cListening to him is painful.\u201d",
         "Tom Brandt is a fraud", 2, PX_QUOTE_SPEECH},
        /* ... and so is a short term in marks */
        {"\u201cWe will keep the clinic open,\u201d said Dana Whitfield before a "
         "\u201cno-frills\u201d dinner at the town hall. \u201cNobody here wants that.\u201d",
         "We will keep", 2, PX_QUOTE_SPEECH},
        /* a title and its subtitle are a term, even with the comma */
        {"Her memoir, \u201cHarbor Lights: How a Small Town Saved Its Clinic,\u201d "
         "came out in May.",
         "Harbor Lights", 1, PX_QUOTE_TERM},
        /* the noun of a work before a title in capitals */
        {"She co-hosts the weekly podcast \u201cSo, That Was Tuesday.\u201d Listen below.",
         "So, That Was Tuesday", 1, PX_QUOTE_TERM},
        {"The actor, star of the cult classic \u201cHarbor Nights and Days,\u201d will vote "
         "for the mayor.",
         "Harbor Nights and Days", 1, PX_QUOTE_TERM},
        /* a sentence in title case with no colon stays speech */
        {"\u201cWe Will Not Close The Clinic,\u201d Ana Ruiz said.",
         "We Will Not Close", 1, PX_QUOTE_SPEECH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        px_article *a = px_article_new();
        px_set_str(&a->body, cases[i].body);
        px_entity_list people;
        px_quote_list quotes;
        quotes_of(a, &people, &quotes);
        const px_quote *q = quote_starting(&quotes, cases[i].prefix);
        assert_non_null(q);
        assert_int_equal(q->n_pieces, cases[i].pieces);
        assert_int_equal(q->kind, cases[i].kind);
        px_quote_list_clear(&quotes);
        px_entity_list_clear(&people);
        px_article_free(a);
    }
}

/* Curly marks inside a quote a straight mark opened are words quoted
 * within it: the quote runs on past them, and into the next paragraph it
 * continues in. */
static void test_quote_marks_nested_in_straight(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Mayor Ana Ruiz stated:\n\n\"The council has forgotten what \u201cpublic "
         "service\u201d means. It serves its own friends now.\n\n\"The harbour plan "
         "is the worst example of this. We will stop it.\"",
         "The council has forgotten", "Ana Ruiz"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
    px_article *a = px_article_new();
    px_set_str(&a->body, "\"We never used the word \u201cclosure\u201d in the letter, and we "
                         "never will,\" Tom Brandt said.");
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    const px_quote *q = quote_starting(&quotes, "We never used");
    assert_int_equal(q->n_pieces, 1);
    assert_string_equal(q->text, "We never used the word \u201cclosure\u201d in the letter, and "
                                 "we never will,");
    assert_string_equal(q->speaker, "Tom Brandt");
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
}

/* "adding" between two pieces reports a second statement: the pieces are
 * two quotes, both the speaker's. */
static void test_adding_reports_a_statement_of_its_own(void **s)
{
    (void)s;
    static const struct {
        const char *body, *first, *second, *speaker;
    } cases[] = {
        {"\"The budget is a disgrace,\" Ana Ruiz said, adding, \"Nobody on the council read it "
         "before the vote.\"",
         "The budget is", "Nobody on the council", "Ana Ruiz"},
        {"\u201cWe will appeal the ruling,\u201d the company said in a statement, adding: "
         "\u201cOur customers will not pay more this year.\u201d",
         "We will appeal", "Our customers", "the company"},
        {"Ana Ruiz chairs the board. \"I think it is fair,\" she said, adding that she had "
         "spoken to the union. \"They know where I stand.\"",
         "I think it is fair", "They know where", "Ana Ruiz"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        px_article *a = px_article_new();
        px_set_str(&a->body, cases[i].body);
        px_entity_list people;
        px_quote_list quotes;
        quotes_of(a, &people, &quotes);
        assert_int_equal(quotes.n, 2);
        const px_quote *first = quote_starting(&quotes, cases[i].first);
        const px_quote *second = quote_starting(&quotes, cases[i].second);
        assert_int_equal(first->n_pieces, 1);
        assert_string_equal(first->speaker, cases[i].speaker);
        assert_non_null(second->speaker);
        assert_string_equal(second->speaker, cases[i].speaker);
        px_quote_list_clear(&quotes);
        px_entity_list_clear(&people);
        px_article_free(a);
    }
}

/* A piece introduced by its own cue, then a new sentence whose cue ends
 * in a comma before the next piece: that cue is the next piece's (two
 * quotes, the first keeps the cue before it); without a cue before the first piece the cue between them
 * reports both, one quote. */
static void test_new_sentence_cue_after_a_cued_piece(void **s)
{
    (void)s;
    static const struct {
        const char *body, *prefix, *speaker;
        size_t n, pieces;
    } cases[] = {
        {"The panel asked Mara Quint, \u201cWould you run for the seat again?\u201d She "
         "answered, \u201cNot this year, and not the next one either.\u201d",
         "Not this year", "Mara Quint", 2, 1},
        {"Tom Brandt told the council, \u201cThe bridge will open in May.\u201d He added, "
         "\u201cNobody should expect the tolls to fall.\u201d",
         "The bridge will open", "Tom Brandt", 2, 1},
        {"\u201cThe bridge will open in May.\u201d Tom Brandt said, \u201cNobody should "
         "expect the tolls to fall.\u201d",
         "The bridge will open", "Tom Brandt", 1, 2},
        /* ... nor the first piece's speaker */
        {"Ana Ruiz wrote back to Tom Brandt with, \u201cWhy now? Was that on the way to the "
         "airport?\u201d Brandt then writes back, \u201cYou look well in that photo.\u201d",
         "Why now?", "Ana Ruiz", 2, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        px_article *a = px_article_new();
        px_set_str(&a->body, cases[i].body);
        px_entity_list people;
        px_quote_list quotes;
        quotes_of(a, &people, &quotes);
        assert_int_equal(quotes.n, cases[i].n);
        const px_quote *q = quote_starting(&quotes, cases[i].prefix);
        assert_int_equal(q->n_pieces, cases[i].pieces);
        assert_non_null(q->speaker);
        assert_string_equal(q->speaker, cases[i].speaker);
        px_quote_list_clear(&quotes);
        px_entity_list_clear(&people);
        px_article_free(a);
    }
}

/* A partial quote reported by a participle of saying speaks for the
 * cue-less quote after it; an introduction ending in a town goes on over
 * its state: neither the state nor a speaker named further back speaks. */
static void test_reported_partial_and_town_then_state(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Mara Quint attacked the plan on Tuesday. \"He bet on the crash,\" she said.\n\n"
         "Tom Brandt shot back in a statement, saying he had \"made a lot of money in bad "
         "years.\"\n\n\"Frankly, that is the kind of thinking this town needs right now.\"",
         "Frankly, that is", "Tom Brandt"},
        {"Mara Quint spent the last day in the north. Speaking at a town hall in Dover, "
         "Delaware, Tom Brandt went after her, calling her \"a total waste of time.\"",
         "a total waste", "Tom Brandt"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* Cue clauses that hold lists, conjunctions and colons: a list inside an
 * appositive before the verb, two quotes coordinated by "and" sharing the
 * cue after the last, a colon ending a clause after asides, a name right
 * before the quote's colon, an inverted cue between commas; pieces that
 * are not one quote: a second cue after a finished sentence, a piece
 * running on from words of a new sentence (whose pronoun cue still speaks
 * for the quote before); a full stop after the closing mark ends the
 * quote's sentence. */
static void test_speaker_lists_conjunctions_and_colons(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"The new rules \u201cwill not fix the whole problem, but they are a start,\u201d Mara "
         "Quint, deputy director for parks, roads, and bridges, said on the call.",
         "will not fix the whole", "Mara Quint"},
        {"Bikes are \u201cthe quiet revolution of our streets\u201d and \u201cgood for "
         "everyone,\u201d Tomas Berro, the former mayor of Oakdale, proclaimed to a crowd.",
         "the quiet revolution", "Tomas Berro"},
        {"And, when the hosts turned to gossip \u2014 as they often do \u2014 Lena Ruiz called "
         "them on it:\n\n\u201cThese questions show why nobody trusts the panel. Everyone "
         "watching knows it.\u201d",
         "These questions show", "Lena Ruiz"},
        /* two cues: two quotes, each with its own speaker */
        {"Pia Olsen met the inspector on Monday. \u201cThat never happened,\u201d Olsen said. "
         "Tomas Brandt then asked, \u201cWas I going to stay behind all by myself?\u201d",
         "Was I going to stay", "Tomas Brandt"},
        {"Pia Olsen met the inspector on Monday. \u201cThat never happened,\u201d Olsen said. "
         "Tomas Brandt then asked, \u201cWas I going to stay behind all by myself?\u201d",
         "That never happened", "Pia Olsen"},
        /* a piece inside a new sentence is a quote of its own */
        {"\u201cWe want to show some mercy here,\u201d Jon Pratt said. \u201cWe are patient "
         "people.\u201d The north, he said, was \u201cwhere we have our best chance to win "
         "this thing.\u201d",
         "where we have our best", "Jon Pratt"},
        {"Mayor Tomas Brandt spoke to the council on Monday. \"Some people make all sorts of "
         "claims about the budget.\" He admitted to a \"growing sense of frustration\" about "
         "the delays.",
         "Some people make", "Tomas Brandt"},
        {"Mayor Tomas Brandt spoke to the council on Monday. \"Some people make all sorts of "
         "claims about the budget.\" He admitted to a \"growing sense of frustration\" about "
         "the delays.",
         "growing sense of", "Tomas Brandt"},
        {"The bank said lending to landlords \"continues to grow faster than the rest of the "
         "market\". Overall, the lender Harbor Mutual said that \"the fundamentals remain "
         "strong\".",
         "continues to grow", "The bank"},
        /* the agent of a passive verb of saying, between "by" and "as" */
        {"The new laptop was described by Ana Ruiz as \"the best machine we have ever "
         "built\".",
         "the best machine", "Ana Ruiz"},
        {"The mayor announced plans to merge 35 offices into nine - described by one staff "
         "union as a \"bonfire of the offices\".",
         "bonfire of the offices", "one staff union"},
        /* a name right before the colon introduces the quote, unless it
         * is the one addressed */
        {"The early lead does not surprise pollster Dana Shaw: \u201cLesser-known candidates "
         "who win early see the biggest boost.\u201d",
         "Lesser-known candidates", "Dana Shaw"},
        {"TURNOUT IS UP IN THE NORTH - Dana Shaw: \u201cTurnout among young voters rose in "
         "every county we surveyed.\u201d",
         "Turnout among young", "Dana Shaw"},
        {"Governor Ana Ruiz delivered a blunt message to Tom Brandt: \u201cIt is time to stop "
         "attacking your rivals and get on message.\u201d",
         "It is time to stop", "Ana Ruiz"},
        /* an inverted cue between commas: the name after the verb, not
         * the one spoken to */
        {"The hardest part, says Ana Ruiz, a historian at the city library, is that she was "
         "\u201cone of the most careful archivists of her day.\u201d",
         "one of the most careful", "Ana Ruiz"},
        {"Tom Brandt, who sat on the county board, told Reuters, \u201cOf the three plans, I "
         "like the last one best.\u201d",
         "Of the three plans", "Tom Brandt"},
        /* a describing word before a group noun, an ampersand inside a
         * name, `commented`: each a subject after the quote */
        {"Tom Brandt sold the files. \u201cThe harm done by the defendant is beyond "
         "counting,\u201d federal prosecutors wrote in their filing.",
         "The harm done", "federal prosecutors"},
        {"Tom Brandt worked at the plant for years. \u201cWe are all shaken, he was a friend "
         "to everyone,\u201d one B&R Lighting worker told the local radio.",
         "We are all shaken", "one B&R Lighting worker"},
        {"Tom Brandt spoke first. He would make a better chair than Ruiz \u201cwhatever "
         "happens next,\u201d one reader commented.",
         "whatever happens next", "one reader"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* "X said, according to Y": X speaks, Y relayed the quote. */
static void test_relayed_quote_keeps_speaker(void **s)
{
    (void)s;
    static const char *const bodies[] = {
        "Peter Welch spoke on the radio. \"I will be voting for him on March 1,\" Welch said, "
        "according to Vermont Public Radio.",
        "Peter Welch spoke on the radio. According to Vermont Public Radio, Welch said: \"I "
        "will be voting for him on March 1.\"",
        /* the outlet's cue closes a sentence whose own speaker reports */
        "Peter Welch spoke on the radio. Welch said on air that \"I will be voting for him on March "
        "1,\" Vermont Public Radio reported.",
        "Peter Welch spoke on the radio. Welch said the vote was close and that \"I will be "
        "voting for him on March 1,\" according to Vermont Public Radio.",
    };
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        px_article *a = px_article_new();
        px_set_str(&a->body, bodies[i]);
        px_entity_list people;
        px_quote_list quotes;
        quotes_of(a, &people, &quotes);
        const px_quote *q = quote_starting(&quotes, "I will be voting");
        assert_string_equal(q->speaker, "Peter Welch");
        assert_non_null(q->relay);
        assert_string_equal(q->relay, "Vermont Public Radio");
        px_quote_list_clear(&quotes);
        px_entity_list_clear(&people);
        px_article_free(a);
    }
    /* the speaker's own "according to" is no relay */
    px_article *a = px_article_new();
    px_set_str(&a->body, "\"The bridge will open in May,\" according to Mayor Rosa Vega.");
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    const px_quote *q = quote_starting(&quotes, "The bridge will open");
    assert_string_equal(q->speaker, "Rosa Vega");
    assert_null(q->relay);
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
}

/* The mention of the quote starting with prefix, as written in body. */
static char *mention_in(const char *body, const char *prefix)
{
    px_article *a = px_article_new();
    px_set_str(&a->body, body);
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    const px_quote *q = quote_starting(&quotes, prefix);
    char *r = q && q->mention_end > q->mention_start
                  ? px_strndup(a->body + q->mention_start, q->mention_end - q->mention_start)
                  : px_strdup("");
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
    return r;
}

/* A quote inside a relative clause is said by the phrase the pronoun
 * stands for; the pronoun is the mention. The clause ends at a comma, at
 * a subject of its own or at an auxiliary of the main clause. */
static void test_relative_clause_speaker(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"Mayor Rosa Vega, who called the audit \"a witch hunt from start to finish,\" left "
         "early.",
         "a witch hunt", "Rosa Vega"},
        {"The new leaflet, which promises to \"cut every fare in half by June,\" went out "
         "on Friday.",
         "cut every fare", "The new leaflet"},
        {"Tom Ridley praised Nora Quist, who quit the race on Sunday, as \"a woman who never "
         "gave up.\"",
         "a woman who never", "Tom Ridley"},
        {"Tom Ridley attacked the port board, which he called \"a club for insiders only.\"",
         "a club for insiders", "Tom Ridley"},
        {"Maria Lopez warned that the clerks who run the count could \"lose every ballot in "
         "the county.\"",
         "lose every ballot", "Maria Lopez"},
        /* a verb of saying before the pronoun: the clause is reported speech */
        {"Tom Ridley said the new rules, which give \"every member a second vote,\" were "
         "unfair.",
         "every member a second vote", "Tom Ridley"},
        /* the cue of a quote before does not make it reported speech */
        {"\"People are angry,\" said Councilwoman Rosa Vega, who thinks the old board of the "
         "harbor and the port \"needs to listen for once in its life.\"",
         "needs to listen", "Rosa Vega"},
        /* the antecedent is the noun phrase right before the pronoun */
        {"On Monday they unveiled a poster which shows the mayor under the words \"Who "
         "pays for the new bridge now?\"",
         "Who pays for the new bridge", "a poster"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
    char *m = mention_in(cases[0].body, cases[0].quote);
    assert_string_equal(m, "who");
    free(m);
    m = mention_in(cases[1].body, cases[1].quote);
    assert_string_equal(m, "which");
    free(m);
    m = mention_in(cases[6].body, cases[6].quote);
    assert_string_equal(m, "who");
    free(m);
}

/* Where the cue stands: after a question, behind a party label or an
 * appositive, closing the sentence, or in the sentence before. */
static void test_speaker_cue_positions(void **s)
{
    (void)s;
    static const speaker_case cases[] = {
        {"\"Who will pay for the new roof?\" Councilwoman Ruth Abara asked.",
         "Who will pay", "Ruth Abara"},
        {"\"The vote was never close at all,\" Sen. Paul Greer (D-Ore.) said.",
         "The vote was never close", "Paul Greer"},
        /* two names joined by "and": the first named speaks */
        {"\"The data do not support the claim,\" analysts Ana Ruiz and Tom Brandt wrote "
         "on Friday.",
         "The data do not support", "Ana Ruiz"},
        /* a place before the title is no speaker */
        {"\"We will fix every road this year,\" New Jersey Gov. Maria Lopez said.",
         "We will fix every road", "Maria Lopez"},
        {"\"We will reopen the mill by spring,\" Rep. Joan Tully (R-Ohio), a member of "
         "the panel, said on Friday.",
         "We will reopen the mill", "Joan Tully"},
        /* the reporting clause closing the sentence governs a partial quote */
        {"Mayor Hank Ostrow spoke later. Donations were \"flat for about a month or "
         "two\" as donors waited to see the result, he said.",
         "flat for about a month", "Hank Ostrow"},
        /* a colon ending the paragraph before */
        {"Governor Lena Marsh spoke to the crowd. She said:\n\n\"We have built this "
         "state together and we will keep building it.\"",
         "We have built this state", "Lena Marsh"},
        /* bylines under a run of reader quotes */
        {"Readers wrote in.\n\n\u201cThe bridge is a disgrace.\u201d \u2015 Carla Benton / "
         "\u201cFix the road first.\u201d \u2015 Miguel Soto\n\nMore next week.",
         "Fix the road first", "Miguel Soto"},
        {"Readers wrote in.\n\n\u201cThe bridge is a disgrace.\u201d \u2015 Carla Benton / "
         "\u201cFix the road first.\u201d \u2015 Miguel Soto\n\nMore next week.",
         "The bridge is a disgrace", "Carla Benton"},
        /* a dateline before the subject */
        {"BRISTOL, March 3 (Wire) \u2014 The harbour board said the quay would \"stay shut "
         "until the summer.\"",
         "stay shut until", "The harbour board"},
        /* no say verb: the subject of the quote's own sentence */
        {"The county flyer urges residents to \"boil all tap water for three days.\"",
         "boil all tap water", "The county flyer"},
        /* a partial quote right after a statement, same paragraph, no cue */
        {"The hall was full. \"She has kept every friend she ever made,\" Tom Brandt "
         "said on Monday at the union hall downtown. That makes her \"a reliable and "
         "decent person\" in any race.",
         "a reliable and decent person", "Tom Brandt"},
        /* a short reply with its cue speaks for the quote after it */
        {"Judge Ellen Park left the room.\n\n\u201cIt\u2019s over,\u201d she said of the long trial, "
         "in which she had heard dozens of witnesses over many months.\n\n"
         "\u201cFor me, anyway.\u201d",
         "For me, anyway", "Ellen Park"},
        /* a subordinate clause before the subject */
        {"Though the rules let members send proxies, the council decided it would \"fill "
         "every vacancy in person.\"",
         "fill every vacancy", "the council"},
        /* a given name ending in -ed opens no participle phrase */
        {"Parker Eaton spoke first.\n\nJared Potts echoed:\n\n\u201cHe speaks his mind "
         "and that is what the country needs.\u201d",
         "He speaks his mind", "Jared Potts"},
        /* the subject of the sentence before speaks */
        {"Dr. Omar Haddad praised the new clinic on Monday.\n\n\"It will change how "
         "this town looks after its children.\"",
         "It will change how", "Omar Haddad"},
    };
    check_speakers(cases, sizeof cases / sizeof *cases);
}

/* A figure counts the quantity it names: a title is no count, a percent
 * may name its quantity before it, and a figure naming none is grouped
 * only with figures of aligned sentences. */
/* A group's counted phrase is shown as the text writes it after the
 * figure ("10 U.S. citizens"), though the claims compare it in lower
 * case. */
static void test_group_counted_as_written(void **s)
{
    (void)s;
    px_article *a = px_article_new(), *b = px_article_new();
    px_set_str(&a->body, "The crash killed 10 U.S. citizens and two pilots, officials said.");
    px_set_str(&b->body, "Officials said the crash killed 10 U.S. citizens on Sunday.");
    px_number_list la, lb;
    px_number_list_init(&la);
    px_number_list_init(&lb);
    assert_int_equal(px_numbers_extract(a, &la), PX_OK);
    assert_int_equal(px_numbers_extract(b, &lb), PX_OK);
    const px_number_list *nl[] = {&la, &lb};
    const px_article *arts[] = {a, b};
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group(arts, nl, 2, &g, NULL), PX_OK);
    int found = 0;
    for (size_t k = 0; k < g.n; k++)
        if (g.v[k].counted && strcasecmp(g.v[k].counted, "u.s. citizens killed") == 0) {
            assert_string_equal(g.v[k].counted, "U.S. citizens killed");
            found = 1;
        }
    assert_true(found);
    assert_string_equal(number_written(&la, "10")->counted, "u.s. citizens killed");
    px_number_groups_clear(&g);
    px_number_list_clear(&la);
    px_number_list_clear(&lb);
    px_article_free(a);
    px_article_free(b);
}

static void test_numbers_name_their_quantity(void **s)
{
    (void)s;
    px_article *a = px_article_new(), *b = px_article_new();
    px_set_str(&a->body, "She spoke to \"60 Minutes\" on Sunday. The approval rating fell to "
                         "38 percent. Turnout was 61 percent, up from 12%. Prices on the coast "
                         "rose by 5%.");
    px_set_str(&b->body, "The approval rating fell to 41 percent. Turnout was 58 percent, up "
                         "from 9%. Inflation hit 7% in the northern provinces.");
    px_number_list la, lb;
    px_number_list_init(&la);
    px_number_list_init(&lb);
    assert_int_equal(px_numbers_extract(a, &la), PX_OK);
    assert_int_equal(px_numbers_extract(b, &lb), PX_OK);
    for (size_t i = 0; i < la.n; i++)
        assert_true(la.v[i].value != 60); /* the programme's title */
    assert_string_equal(number_written(&la, "38 percent")->counted, "approval rating");
    assert_string_equal(number_written(&la, "61 percent")->counted, "turnout");
    assert_null(number_written(&la, "12%")->counted);

    const px_number_list *nl[] = {&la, &lb};
    const px_article *arts[] = {a, b};
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group(arts, nl, 2, &g, NULL), PX_OK);
    /* approval, turnout, and the 12% and 9% of the aligned sentences; the
     * 5% and 7% of unrelated sentences stay out */
    assert_int_equal(g.n, 3);
    for (size_t k = 0; k < g.n; k++) {
        const char *first = NULL;
        for (size_t m = 0; m < g.v[k].n_members; m++) {
            const px_number *x = &nl[g.v[k].members[m].article]->v[g.v[k].members[m].item];
            assert_true(x->value != 5 && x->value != 7);
            if (!x->counted) {
                assert_true(x->value == 12 || x->value == 9);
                continue;
            }
            if (!first)
                first = x->counted;
            assert_string_equal(x->counted, first);
        }
    }
    px_number_groups_clear(&g);
    px_number_list_clear(&la);
    px_number_list_clear(&lb);
    px_article_free(a);
    px_article_free(b);
}

/* "850 of the plant's 1,450 workers" counts workers; reports of one
 * quantity differ by source and date, not by orders of magnitude. */
static void test_numbers_partitive_and_magnitude(void **s)
{
    (void)s;
    px_article *a = px_article_new(), *b = px_article_new();
    px_set_str(&a->body, "The company says fewer than 850 of the plant's 1,450 hourly workers "
                         "have walked out. The bus carried 11 passengers when it fell.");
    px_set_str(&b->body, "About 1,200 hourly workers have walked out, the union said. The bridge "
                         "carried 1.4 million passengers a year.");
    px_number_list la, lb;
    px_number_list_init(&la);
    px_number_list_init(&lb);
    assert_int_equal(px_numbers_extract(a, &la), PX_OK);
    assert_int_equal(px_numbers_extract(b, &lb), PX_OK);
    assert_string_equal(number_written(&la, "fewer than 850")->counted, "hourly workers");
    const px_number_list *nl[] = {&la, &lb};
    const px_article *arts[] = {a, b};
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group(arts, nl, 2, &g, NULL), PX_OK);
    int workers_conflict = 0;
    for (size_t k = 0; k < g.n; k++) {
        int has_850 = 0, has_1200 = 0, has_11 = 0, has_million = 0;
        for (size_t m = 0; m < g.v[k].n_members; m++) {
            double v = nl[g.v[k].members[m].article]->v[g.v[k].members[m].item].value;
            has_850 |= v == 850, has_1200 |= v == 1200, has_11 |= v == 11, has_million |= v > 1e6;
        }
        if (has_850 && has_1200)
            workers_conflict = g.v[k].conflict;
        assert_false(has_11 && has_million); /* two quantities, no disagreement */
    }
    assert_true(workers_conflict);
    px_number_groups_clear(&g);
    px_number_list_clear(&la);
    px_number_list_clear(&lb);
    px_article_free(a);
    px_article_free(b);
}

/* A figure's authority is who states it: not the subject of a passive
 * verb of saying, not a narrative verb, not a bare conjunction. */
static void test_number_attribution_needs_an_authority(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body, "Supporters were asked to bring 40 folding chairs. "
                         "Since a strike began on Sunday, 12 workers have quit. "
                         "He counted the boats and emailed 30 photos to the museum. "
                         "The river rose 2 meters overnight, the county said.");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_null(number_written(&l, "40")->attribution);
    assert_null(number_written(&l, "12")->attribution);
    const char *photos = number_written(&l, "30")->attribution;
    assert_true(!photos || strcmp(photos, "and") != 0);
    assert_string_equal(number_written(&l, "2 meters")->attribution, "the county");
    px_number_list_clear(&l);
    px_article_free(a);
}

/* The share of a poll's respondents takes the poll named in the
 * sentences before ("78% of Republicans surveyed"), unless the sentence
 * says who asked them ("surveyed by"); a poll is named from its
 * determiner ("However the Atlas poll" is the Atlas poll), and an
 * election ("an expected Spring poll") is no authority. */
static void test_respondents_take_the_poll_before(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body, "Support for the plan had fallen, according to a Vellmar poll taken in March. "
                         "It found that 41% of voters backed it.\n\n"
                         "Meanwhile, 63% of farmers surveyed said they opposed it.\n\n"
                         "However the Atlas poll, which questioned 900 adults, found 25% were unsure.\n\n"
                         "More than 4,000 people were surveyed by the Kell Institute last year.\n\n"
                         "Six lobbies plan to be heard ahead of an expected spring poll.");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_non_null(strstr(number_written(&l, "63%")->attribution, "Vellmar poll"));
    assert_string_equal(number_written(&l, "25%")->attribution, "the Atlas poll");
    const char *kell = number_written(&l, "More than 4,000")->attribution;
    assert_true(!kell || !strstr(kell, "poll"));
    const char *lobbies = number_written(&l, "Six")->attribution;
    assert_true(!lobbies || strlen(lobbies) > 3);
    px_number_list_clear(&l);
    px_article_free(a);
}

/* A lone capital letter is nobody: the "C" of a comet's designation. */
/* The kind of the entity named name in body, or -1 when there is none. */
static int entity_kind(const char *body, const char *name)
{
    px_article *a = px_article_new();
    px_set_str(&a->body, body);
    px_entity_list e;
    px_entity_list_init(&e);
    assert_int_equal(px_entities_extract(a, &e), PX_OK);
    int kind = -1;
    for (size_t i = 0; i < e.n; i++)
        if (strcmp(e.v[i].name, name) == 0)
            kind = (int)e.v[i].kind;
    px_entity_list_clear(&e);
    px_article_free(a);
    return kind;
}

/* An uncommon given name opening a sentence stays part of the name when
 * the tagger has context for it (an age after a comma, the surname alone
 * later); a sentence adverb before a name never joins it. */
static void test_unknown_given_name_at_sentence_start(void **s)
{
    (void)s;
    assert_int_equal(entity_kind("Ysolde Marrack, 52, ran the mill for years. The vote was close. "
                                 "Later that day Marrack resigned.",
                                 "Ysolde Marrack"),
                     PX_ENTITY_PERSON);
    assert_int_equal(entity_kind("Meanwhile Congress said it would wait. The vote was close. "
                                 "Later that day Congress adjourned.",
                                 "Meanwhile Congress"),
                     -1);
    assert_int_equal(entity_kind("Meanwhile Congress said it would wait. The vote was close. "
                                 "Later that day Congress adjourned.",
                                 "Congress"),
                     PX_ENTITY_ORG);
}

/* A one-word name that only ever reports ("obtained by Politico",
 * "Politico said", "she told Politico") is no place: places do not report;
 * a capital that reports and is a place elsewhere stays a place. */
static void test_sources_are_no_places(void **s)
{
    (void)s;
    static const char body[] = "The memo, obtained by Politico, asks the council to vote again. The council "
                               "met on Monday.";
    assert_int_equal(entity_kind(body, "Politico"), PX_ENTITY_ORG);
    static const char capital[] = "Officials in Washington met on Monday. Washington said it would wait.";
    assert_int_equal(entity_kind(capital, "Washington"), PX_ENTITY_PLACE);
}

/* A one-word name's kind from the company it keeps: nouns only a
 * business has ("Amazon's headquarters", "its shares") make an
 * organisation of a name the training data knows as a river; place
 * cues seen twice make a place of a town it knows as a football club;
 * a country's chief of staff keeps it a place; the noun after a name
 * tells a platform, a product and a stop. */
static void test_kind_from_telling_contexts(void **s)
{
    (void)s;
    static const char company[] = "Amazon's headquarters will move to a new site next year. The "
                                  "move was planned for months. Amazon's shares rose 3 percent on "
                                  "Monday, and Amazon's chief executive praised the staff.";
    assert_int_equal(entity_kind(company, "Amazon"), PX_ENTITY_ORG);
    static const char town[] = "The barge hit a bridge near Duisburg late on Tuesday. Passengers "
                               "were taken to the city of Duisburg by bus. Police in Duisburg "
                               "closed the river for a day.";
    assert_int_equal(entity_kind(town, "Duisburg"), PX_ENTITY_PLACE);
    static const char chief[] = "Rain fell in Lisbon all week. Lisbon's chief of staff met the "
                                "mayor in Lisbon on Friday.";
    assert_int_equal(entity_kind(chief, "Lisbon"), PX_ENTITY_PLACE);
    /* the noun after the name: a platform, a product, a stop */
    static const char platform[] = "The singer shared the news in an Instagram post on Monday. "
                                   "Fans flooded her Instagram account with messages.";
    assert_int_equal(entity_kind(platform, "Instagram"), PX_ENTITY_ORG);
    static const char product[] = "Engineers at Corvell showed the Ardent smart glasses on Monday. "
                                  "The Ardent glasses weigh 50 grams, and the Ardent specs cost "
                                  "less than a phone.";
    assert_int_equal(entity_kind(product, "Ardent"), PX_ENTITY_OTHER);
    static const char stop[] = "The tram left the rails near the Wexcombe tram stop at night. "
                               "Buses served Wexcombe station until noon.";
    assert_int_equal(entity_kind(stop, "Wexcombe"), PX_ENTITY_PLACE);
}

/* A name written whole between quotation marks is a title, whatever its
 * words look like; a person quoted once among plain mentions stays one. */
static void test_quoted_names_are_titles(void **s)
{
    (void)s;
    static const char songs_utf8[] = "The band closed with \xe2\x80\x9cMarta Vance,\xe2\x80\x9d a ballad from 2004. "
                                     "Critics had called \xe2\x80\x9cMarta Vance\xe2\x80\x9d its best song.";
    assert_int_equal(entity_kind(songs_utf8, "Marta Vance"), PX_ENTITY_OTHER);
    static const char album[] = "Dana Hollis released 'Copper Harbour' on Friday. Fans in Leeds lined up "
                                "to hear 'Copper Harbour' at the store.";
    assert_int_equal(entity_kind(album, "Copper Harbour"), PX_ENTITY_OTHER);
    static const char person[] = "Marta Vance said the vote would come soon. Her rivals mocked "
                                 "\"Marta Vance\" in an advert. Marta Vance ignored them, and Marta "
                                 "Vance won.";
    assert_int_equal(entity_kind(person, "Marta Vance"), PX_ENTITY_PERSON);
}

/* A personal honorific makes a person of a name the tagger read as a
 * firm ("Ms Vale"); a trade opening the sentence before a person's name is
 * the role, not part of the name ("Model Ilse Varga said"). */
static void test_honorifics_and_trades_before_names(void **s)
{
    (void)s;
    static const char firm_like[] = "A flight from Denver with Nova Vale and Tom Hale on board turned back on "
                                    "Tuesday.\n\nTom Hale and Nova Vale were heading to Oslo for a holiday.\n\n"
                                    "Nova Vale tweeted the whole trip. Ms Vale said the crew was kind.";
    assert_int_equal(entity_kind(firm_like, "Nova Vale"), PX_ENTITY_PERSON);
    static const char trade[] = "The plane landed in Oslo at noon, the airline said. Model Ilse Varga said "
                                "in a post that she had been on board. Varga thanked the crew.";
    assert_int_equal(entity_kind(trade, "Ilse Varga"), PX_ENTITY_PERSON);
    assert_int_equal(entity_kind(trade, "Model Ilse Varga"), -1);
    static const char film[] = "Star Quill Harbour opened in cinemas on Friday. Critics praised the film.";
    assert_int_equal(entity_kind(film, "Quill Harbour"), -1);
}

/* The name an entity shows is one the article uses as its name: a
 * lost full stop glues "Since" to a team's name once ("the Ferrets Since
 * 1962 ..."), the other mentions say "Ferrets". */
static void test_name_the_article_uses(void **s)
{
    (void)s;
    static const char body[] =
        "The Ferrets won the league on Sunday, their first title since 1962. Fans had waited "
        "decades for the Ferrets Since 1962 the club had lost every final. The Ferrets paraded "
        "through the town on Monday. Coach Dana Hollis said the Ferrets deserved it.";
    assert_int_equal(entity_kind(body, "Ferrets"), PX_ENTITY_ORG);
    assert_int_equal(entity_kind(body, "Ferrets Since"), -1);
}

/* A particle in lower case links one name, not two and a fragment: the
 * promenade of a French city is a place, "Anglais" alone is no entity. */
static void test_particle_joins_one_name(void **s)
{
    (void)s;
    static const char body[] = "The truck drove along the Promenade des Anglais in Nice on Thursday "
                               "night. Crowds on the Promenade des Anglais had watched fireworks.";
    assert_int_equal(entity_kind(body, "Promenade des Anglais"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(body, "Anglais"), -1);
    assert_int_equal(entity_kind(body, "Promenade"), -1);
}

/* A common word that the article only ever writes joined to another
 * capitalised word by "and" or "of the" is part of that longer name, not
 * a name of its own ("Partners" of a firm, "Woods" of an album title,
 * even when the tagger left the first word out of the name); two known
 * names linked by "and" stay two, and so do two given names. */
static void test_fragments_join_their_longer_name(void **s)
{
    (void)s;
    static const char firm[] = "The bridge was designed by the architects Hollander and Partners, "
                               "the city said on Tuesday. Work starts in the spring.";
    assert_int_equal(entity_kind(firm, "Hollander and Partners"), PX_ENTITY_ORG);
    assert_int_equal(entity_kind(firm, "Partners"), -1);
    static const char album[] = "The singer released \u201cSong of the Woods\u201d on Friday. "
                                "Critics said Song of the Woods was her weakest record.";
    assert_int_equal(entity_kind(album, "Woods"), -1);
    static const char places[] = "Fighting spread across Israel and Gaza on Monday. Israel said "
                                 "its jets struck Gaza overnight.";
    assert_int_equal(entity_kind(places, "Israel"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(places, "Gaza"), PX_ENTITY_PLACE);
    static const char people[] = "Hannah and Mia Kessler opened the bakery in 2019, the sisters said.";
    assert_int_equal(entity_kind(people, "Hannah and Mia Kessler"), -1);
}

/* Across articles, the kind one article's telling contexts decided
 * ("Amazon's headquarters", "Amazon's shares") outweighs the tagger's
 * kind in articles that say nothing of it. */
static void test_merged_kind_from_telling_contexts(void **s)
{
    (void)s;
    static const char *const bodies[] = {
        "Amazon's headquarters will move to a new site next year. The move was planned for "
        "months. Amazon's shares rose 3 percent on Monday, and Amazon's chief executive praised "
        "the plan.",
        "Amazon will open a warehouse near Toledo. Amazon hired 300 workers there last year.",
        "Amazon will build a depot near Dayton. Amazon plans to hire 200 workers.",
    };
    px_article *a[3];
    px_entity_list l[3], *lists[3], merged;
    for (size_t i = 0; i < 3; i++) {
        a[i] = px_article_new();
        px_set_str(&a[i]->body, bodies[i]);
        px_entity_list_init(&l[i]);
        assert_int_equal(px_entities_extract(a[i], &l[i]), PX_OK);
        lists[i] = &l[i];
    }
    px_entity_list_init(&merged);
    assert_int_equal(px_entities_merge((const px_article *const *)a, lists, 3, &merged, NULL), PX_OK);
    int kind = -1;
    for (size_t i = 0; i < merged.n; i++)
        if (strcmp(merged.v[i].name, "Amazon") == 0)
            kind = (int)merged.v[i].kind;
    assert_int_equal(kind, PX_ENTITY_ORG);
    px_entity_list_clear(&merged);
    for (size_t i = 0; i < 3; i++) {
        px_entity_list_clear(&l[i]);
        px_article_free(a[i]);
    }
}

/* A country or a continent is a place whatever the tagger makes of its
 * context ("South Korea warned", "Antarctica lost"); a name of several
 * words ending in a noun of geography ("Sound", "Sea") is a place. */
static void test_countries_and_geography_are_places(void **s)
{
    (void)s;
    static const char body[] = "South Korea warned on Monday that talks had stalled. South Korea "
                               "said it would wait. Antarctica lost more ice than expected, "
                               "Antarctica researchers found. The ship anchored in Kellet Sound "
                               "before the storm, and Kellet Sound froze.";
    assert_int_equal(entity_kind(body, "South Korea"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(body, "Antarctica"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(body, "Kellet Sound"), PX_ENTITY_PLACE);
}

/* The trained tagger gives kinds an editor would accept, and the other
 * names of the United States merge into one place. */
/* A people's adjective after a point of the compass names no place; an
 * ocean or a county so named stays one. */
static void test_compass_and_people_adjective(void **s)
{
    (void)s;
    static const char body[] =
        "North Korean officials met South Korean envoys in Seoul on Monday. The North Korean "
        "delegation left early.\n\nA storm crossed the South Atlantic, and rain fell in West "
        "Lothian and across the South Atlantic coast.";
    int korean = entity_kind(body, "North Korean");
    assert_true(korean == PX_ENTITY_OTHER || korean == -1);
    assert_int_not_equal(entity_kind(body, "South Atlantic"), PX_ENTITY_OTHER);
}

static void test_tagger_kinds_and_country_aliases(void **s)
{
    (void)s;
    static const char body[] =
        "SAN JOSE, Costa Rica (AP) \xE2\x80\x94 A small plane operated by Nature Air crashed in "
        "Costa Rica on Sunday, officials said.\n\nThe crash came on Bastille Day, a spokesman "
        "for the Hyatt Regency Nice said. He said that the US and America would help, as "
        "would the United States.";
    assert_int_equal(entity_kind(body, "Costa Rica"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(body, "Nature Air"), PX_ENTITY_ORG);
    assert_int_not_equal(entity_kind(body, "Hyatt Regency Nice"), PX_ENTITY_PERSON);
    assert_int_not_equal(entity_kind(body, "Bastille Day"), PX_ENTITY_PERSON);
    assert_int_equal(entity_kind(body, "United States"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(body, "US"), -1);
    assert_int_equal(entity_kind(body, "America"), -1);
}

/* Head words learned from a model's own names: three names or more
 * ending in a word, 80 % of one type, never people (surnames) or a word
 * that names a place itself. */
static void test_head_words_learned_from_names(void **s)
{
    (void)s;
    static const char text[] = "parallax-ner 1\n"
                               "g\tORG\tnorland airlines\ng\tORG\tkestrel airlines\n"
                               "g\tORG\tbay airlines\ng\tMISC\tharbour cup\n"
                               "g\tMISC\tnorth cup\ng\tMISC\twest cup\ng\tORG\tcity cup\n"
                               "g\tMISC\tsouth cup\ng\tPER\tanna smith\ng\tPER\tjon smith\n"
                               "g\tPER\tli smith\ng\tORG\tdinamo tarvik\ng\tORG\tsport tarvik\n"
                               "g\tORG\tbank tarvik\ng\tLOC\ttarvik\n";
    px_ner_model *m = NULL;
    px_error err;
    assert_int_equal(px_ner_model_parse(&m, text, sizeof text - 1, "heads.model", &err), PX_OK);
    assert_int_equal(px_ner_head_type(m, "Airlines", 8), PX_NER_ORG);
    assert_int_equal(px_ner_head_type(m, "CUP", 3), PX_NER_MISC); /* 4 of 5 */
    assert_int_equal(px_ner_head_type(m, "Smith", 5), -1);        /* a surname */
    assert_int_equal(px_ner_head_type(m, "Tarvik", 6), -1);       /* a place itself */
    assert_int_equal(px_ner_head_type(m, "Orchard", 7), -1);
    px_ner_model_free(m);
    const px_ner_model *d = px_ner_default(&err);
    assert_int_equal(px_ner_head_type(d, "Ministry", 8), PX_NER_ORG);
    assert_int_equal(px_ner_head_type(d, "Corp", 4), PX_NER_ORG);
}

/* The words of a name and the word after it type it over the tagger: a
 * head word (learned or listed), a place noun in lower case after it, a
 * digit in a name of several words, an acronym among words in lower case;
 * a person named with a given name keeps the tagger's kind. */
static void test_kinds_from_head_words_and_context(void **s)
{
    (void)s;
    static const char heads[] =
        "Passengers of Norvik Airlines waited for hours. Later the crowd gathered at Kessler "
        "Plaza, near the Tamsin River, and marched to Brenford Hall. Staff of the Ministry of "
        "Harbours said the Orvel Papers were forged.";
    assert_int_equal(entity_kind(heads, "Norvik Airlines"), PX_ENTITY_ORG);
    assert_int_equal(entity_kind(heads, "Kessler Plaza"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(heads, "Tamsin River"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(heads, "Brenford Hall"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(heads, "Orvel Papers"), PX_ENTITY_OTHER);
    static const char after[] =
        "Divers searched the Velmar river for a second day. The ship hit a pillar of the A17 "
        "motorway before it sank in the Velmar river.";
    assert_int_equal(entity_kind(after, "Velmar"), PX_ENTITY_PLACE);
    assert_int_equal(entity_kind(after, "A17"), PX_ENTITY_PLACE);
    static const char products[] =
        "Buyers queued for the Zentra X5 Pro on Friday, and the Korvex 7 Orion sold out. "
        "Engineers at ORBIX said the batteries were fine.";
    assert_int_equal(entity_kind(products, "Zentra X5 Pro"), PX_ENTITY_OTHER);
    assert_int_not_equal(entity_kind(products, "ORBIX"), PX_ENTITY_PERSON);
    assert_int_not_equal(entity_kind(products, "ORBIX"), PX_ENTITY_PLACE);
    static const char people[] = "Michael Park said the vote was close. Park said he would stay.";
    assert_int_equal(entity_kind(people, "Michael Park"), PX_ENTITY_PERSON);
}

/* Capitals that come from the sentence, not a name: a participle opening
 * a clause, a discourse marker before a comma, an article or pronoun that
 * opens a sentence whose full stop the text lost; a picture agency's
 * credit run into a caption's name is split off it. */
static void test_names_split_from_clause_words_and_credits(void **s)
{
    (void)s;
    px_entity_list l;
    entities_of("Impeaching Varlow would split the party, aides to Senator Dana Varlow said. "
                "Plus, the budget is late.\n\n"
                "Associated Press Ysolde Marrack waves after the race in Vellmar.\n\n"
                "Marrack, 31, said she would race again.\n\n"
                "Photograph: Kell Agency The crowd at Vellmar cheered her, and Tarn Wire They "
                "waved flags on the bridge. Vellmar plays in Serie A. The crowd cheered the Vell Rovers "
                "Since 1921, the club has won the cup twice.",
                &l);
    assert_non_null(entity_named(&l, "Kell Agency"));
    for (size_t i = 0; i < l.n; i++) {
        assert_null(strstr(l.v[i].name, "Agency The"));
        assert_null(strstr(l.v[i].name, "Wire They"));
        assert_string_not_equal(l.v[i].name, "Serie");
        assert_null(strstr(l.v[i].name, "Since"));
        assert_null(strstr(l.v[i].name, "Impeaching"));
        assert_null(strstr(l.v[i].name, "Press Ysolde"));
        assert_string_not_equal(l.v[i].name, "Plus");
    }
    const px_entity *e = entity_named(&l, "Ysolde Marrack");
    assert_non_null(e);
    assert_int_equal(e->kind, PX_ENTITY_PERSON);
    px_entity_list_clear(&l);
}

/* Titles of works are other names: quoted whole, or with a capitalised
 * function word inside; an event named with a possessive is one name, as
 * the same name with a curly apostrophe; a name ends on a capital; a
 * nationality opens no person's name. */
static void test_titles_events_and_name_edges(void **s)
{
    (void)s;
    static const char body[] =
        "The singer closed with \u201cGlass Harbour,\u201d then played Hold Me Closer and "
        "\u201cSilver Tide.\u201d Crowds gathered on New Year\u2019s Eve in the square, and the "
        "New Year's Eve party went on. In the Wave Mechanics eddy is the swirl of the water. "
        "British Transport police said the road was closed.";
    assert_int_equal(entity_kind(body, "Glass Harbour"), PX_ENTITY_OTHER);
    assert_int_equal(entity_kind(body, "Silver Tide"), PX_ENTITY_OTHER);
    int k = entity_kind(body, "Hold Me Closer");
    assert_true(k == -1 || k == PX_ENTITY_OTHER);
    assert_int_equal(entity_kind(body, "New Year's Eve"), PX_ENTITY_OTHER);
    assert_int_equal(entity_kind(body, "Eve"), -1);
    assert_int_equal(entity_kind(body, "Wave Mechanics eddy"), -1);
    assert_int_not_equal(entity_kind(body, "British Transport"), PX_ENTITY_PERSON);
}

/* A story that names a person only by the full name and a title with the
 * surname ("Ms. Vell") still names a person: the thing rule (a name never
 * given by its surname) needs the surname without the given name. */
static void test_title_and_surname_is_a_surname_mention(void **s)
{
    (void)s;
    static const char *const bodies[] = {
        "Talia Vell, a spokeswoman for the fair, said the gates would open at noon. "
        "Ms. Vell said the crowd was calm.",
        "Talia Vell said the fair would go on. Talia Vell added that the gates would open.",
        "The fair opened, Talia Vell said. Talia Vell said it was calm.",
    };
    px_article *a[3];
    px_entity_list l[3], merged;
    px_entity_list *lp[3];
    const px_article *ap[3];
    static const char *const srcs[] = {"one.example", "two.example", "three.example"};
    for (size_t i = 0; i < 3; i++) {
        a[i] = px_article_new();
        px_set_str(&a[i]->body, bodies[i]);
        px_set_str(&a[i]->source, srcs[i]);
        px_entity_list_init(&l[i]);
        assert_int_equal(px_entities_extract(a[i], &l[i]), PX_OK);
        lp[i] = &l[i];
        ap[i] = a[i];
    }
    px_entity_list_init(&merged);
    assert_int_equal(px_entities_merge(ap, lp, 3, &merged, NULL), PX_OK);
    const px_entity *e = entity_named(&merged, "Talia Vell");
    assert_non_null(e);
    assert_true(e->mentions >= 6);
    assert_int_equal(e->kind, PX_ENTITY_PERSON);
    px_entity_list_clear(&merged);
    for (size_t i = 0; i < 3; i++) {
        px_entity_list_clear(&l[i]);
        px_article_free(a[i]);
    }
}

/* A name the tagger calls an organisation is a person when the article
 * names it again by its last word alone, tagged a person ("Hale said");
 * a single word after "the" is nobody's name. */
static void test_surname_alone_makes_a_person(void **s)
{
    (void)s;
    assert_int_equal(entity_kind("Brixton Hale said the deal was done. Hale said he was pleased.",
                                 "Brixton Hale"),
                     PX_ENTITY_PERSON);
    assert_int_equal(entity_kind("The model Crissa Tenley posted a photo. Tenley said she was thrilled.",
                                 "Crissa Tenley"),
                     PX_ENTITY_PERSON);
    assert_int_equal(entity_kind("Staff of Norvik Airlines waited. Airlines said nothing.", "Norvik Airlines"),
                     PX_ENTITY_ORG);
    assert_int_not_equal(entity_kind("The glasses were first shown to the Quillon, which reported "
                                     "the price on Monday.",
                                     "Quillon"),
                         PX_ENTITY_PERSON);
}

/* A surname alone tagged a person goes to the person of that surname
 * before an organisation whose name holds the word; a month ending a
 * person's name after a given name is the surname; a place named with a
 * word in "-ing" keeps it. */
static void test_surname_prefers_person_over_organisation(void **s)
{
    (void)s;
    static const char body[] =
        "Laurie Vantner, a lawyer at Vantner Law Group, wrote to the council. "
        "\"The tanks are too small,\" Vantner said. A Downing Street spokesman said Prime "
        "Minister Theresa May was told.";
    px_article *a = px_article_new();
    px_set_str(&a->body, body);
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    const px_quote *q = quote_starting(&quotes, "The tanks");
    assert_non_null(q);
    assert_string_equal(q->speaker, "Laurie Vantner");
    assert_non_null(entity_named(&people, "Theresa May"));
    assert_null(entity_named(&people, "Street"));
    const px_entity *e = entity_named(&people, "Downing Street");
    assert_non_null(e);
    assert_int_not_equal(e->kind, PX_ENTITY_PERSON);
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
    char *who = speaker_in("Donald Trump founded Trump University in 2005. Critics sued Trump "
                           "University. \"We taught well,\" Trump told reporters.",
                           "We taught");
    assert_string_equal(who, "Donald Trump");
    free(who);
}

/* A capital standing for its government ("urging Korvask to") reads as a
 * person to the tagger; a one-word name with no title and no he/she of
 * its own, written after "in" elsewhere, is the place. A person with a
 * pronoun stays one. */
static void test_capital_for_its_government_is_a_place(void **s)
{
    (void)s;
    assert_int_equal(entity_kind("The United States is urging Korvask to stop the tests. Korvask "
                                 "should talk, an envoy said. Diplomats in Korvask were told to wait.",
                                 "Korvask"),
                     PX_ENTITY_PLACE);
    assert_int_equal(entity_kind("Reporters met Sharpton on Monday. Sharpton said he would march. "
                                 "The crowd believed in Sharpton.",
                                 "Sharpton"),
                     PX_ENTITY_PERSON);
}

/* The common noun right before a name heads its appositive and gives its
 * kind: a trade or role makes a person, a kind of firm an organisation. */
static void test_appositive_noun_gives_the_kind(void **s)
{
    (void)s;
    assert_int_equal(entity_kind("The tower was designed by firm Hadley Brown.", "Hadley Brown"),
                     PX_ENTITY_ORG);
    assert_int_equal(entity_kind("The deal was signed by carmaker Tessaly Rowe.", "Tessaly Rowe"),
                     PX_ENTITY_ORG);
    assert_int_equal(entity_kind("The show was hosted by singer Bellamy Kross.", "Bellamy Kross"),
                     PX_ENTITY_PERSON);
    char *who = speaker_in("Committee chairman Labour MP Jean Corston said: \"Each death is one too "
                           "many.\"",
                           "Each death");
    assert_string_equal(who, "Jean Corston");
    free(who);
}

/* "Biden" alone matches both, but Joe and Jill Biden stay two people. */
static void test_different_given_names_do_not_merge(void **s)
{
    (void)s;
    static const char *const bodies[] = {
        "President Joe Biden spoke on Monday in Washington. Biden said the talks went well.",
        "First lady Jill Biden visited a school in Ohio. Biden said teachers need support.",
        "Biden will travel to Paris next week, the White House said."};
    px_article *a[3];
    px_entity_list l[3], merged;
    px_entity_list *lp[3];
    for (size_t i = 0; i < 3; i++) {
        a[i] = px_article_new();
        px_set_str(&a[i]->body, bodies[i]);
        px_entity_list_init(&l[i]);
        lp[i] = &l[i];
        assert_int_equal(px_entities_extract(a[i], &l[i]), PX_OK);
    }
    px_entity_list_init(&merged);
    assert_int_equal(px_entities_merge((const px_article *const *)a, lp, 3, &merged, NULL), PX_OK);
    int joe = 0, jill = 0;
    for (size_t i = 0; i < merged.n; i++) {
        joe += strcmp(merged.v[i].name, "Joe Biden") == 0;
        jill += strcmp(merged.v[i].name, "Jill Biden") == 0;
    }
    assert_int_equal(joe, 1);
    assert_int_equal(jill, 1);
    px_entity_list_clear(&merged);
    for (size_t i = 0; i < 3; i++) {
        px_entity_list_clear(&l[i]);
        px_article_free(a[i]);
    }
}

/* A model file that is not one, or has a broken line, is refused with the
 * line named; a good one loads. */
static void test_tagger_model_errors(void **s)
{
    (void)s;
    px_ner_model *m = NULL;
    px_error err;
    static const char wrong[] = "hello\n";
    assert_int_equal(px_ner_model_parse(&m, wrong, sizeof wrong - 1, "x.model", &err), PX_EFORMAT);
    assert_null(m);
    assert_non_null(strstr(err.msg, "x.model:1:"));
    static const char broken[] = "parallax-ner 1\ng\tPER\tjoe biden\nf\tw=joe\t1:2.5 99:1\n";
    assert_int_equal(px_ner_model_parse(&m, broken, sizeof broken - 1, "x.model", &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "x.model:3:"));
    static const char good[] = "parallax-ner 1\ng\tPER\tjoe biden\nf\tw=joe\t1:2.5 4:1\n";
    assert_int_equal(px_ner_model_parse(&m, good, sizeof good - 1, "x.model", &err), PX_OK);
    px_ner_model_free(m);
    assert_non_null(px_ner_default(&err));
}

/* `entities --mentions`: one line per mention whose start/end index the
 * input text in code points, with the merged entity's name. */
static void test_cli_entity_mentions(void **s)
{
    (void)s;
    static const char text[] = "{\"id\": \"m1\", \"text\": \"\xC3\x89lys\xC3\xA9""e talks: "
                               "President Joe Biden met Emmanuel Macron in Paris. Biden said "
                               "Macron was right.\"}\n";
    char *path = tu_write_temp(text, sizeof text - 1, ".jsonl");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s entities --raw --mentions %s", tu_bin(), path);
    int code;
    char *out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    static const char raw[] = "\xC3\x89lys\xC3\xA9""e talks: President Joe Biden met Emmanuel "
                              "Macron in Paris. Biden said Macron was right.";
    int n = 0, biden = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"), n++) {
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        const char *t = cJSON_GetObjectItem(o, "text")->valuestring;
        size_t start = (size_t)cJSON_GetObjectItem(o, "start")->valuedouble;
        size_t end = (size_t)cJSON_GetObjectItem(o, "end")->valuedouble;
        /* code points to bytes: two characters before "talks" take two bytes each */
        size_t bs = start >= 7 ? start + 2 : start, be = end + 2;
        assert_true(be <= sizeof raw - 1);
        assert_int_equal(strlen(t), be - bs);
        assert_memory_equal(raw + bs, t, be - bs);
        assert_string_equal(cJSON_GetObjectItem(o, "article")->valuestring, "m1");
        if (strcmp(t, "Biden") == 0 || strcmp(t, "Joe Biden") == 0) {
            assert_string_equal(cJSON_GetObjectItem(o, "entity")->valuestring, "Joe Biden");
            assert_string_equal(cJSON_GetObjectItem(o, "kind")->valuestring, "person");
            biden++;
        }
        cJSON_Delete(o);
    }
    assert_int_equal(biden, 2);
    assert_true(n >= 5);
    free(out);
    remove(path);
    free(path);
}

static void test_lone_letter_is_no_entity(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body, "The comet, catalogued as C/2025 H4, was found by Gil Halloran.");
    px_entity_list e;
    px_entity_list_init(&e);
    assert_int_equal(px_entities_extract(a, &e), PX_OK);
    int halloran = 0;
    for (size_t i = 0; i < e.n; i++) {
        assert_string_not_equal(e.v[i].name, "C");
        halloran |= strcmp(e.v[i].name, "Gil Halloran") == 0;
    }
    assert_true(halloran);
    px_entity_list_clear(&e);
    px_article_free(a);
}

/* A group holds one quantity: the head noun of what is counted, not its
 * first modifier. */
static void test_number_groups_by_head_noun(void **s)
{
    (void)s;
    px_article *a = px_article_new(), *b = px_article_new();
    px_set_str(&a->body, "The town has 40 government buildings, and 12 Israeli soldiers guard "
                         "the gate.");
    px_set_str(&b->body, "The town has 55 government officials, and 14 soldiers guard the gate.");
    px_number_list la, lb;
    px_number_list_init(&la);
    px_number_list_init(&lb);
    assert_int_equal(px_numbers_extract(a, &la), PX_OK);
    assert_int_equal(px_numbers_extract(b, &lb), PX_OK);
    const px_number_list *nl[] = {&la, &lb};
    const px_article *arts[] = {a, b};
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group(arts, nl, 2, &g, NULL), PX_OK);
    assert_int_equal(g.n, 1); /* soldiers; buildings and officials apart */
    assert_non_null(strstr(g.v[0].key, "soldier"));
    assert_int_equal(g.v[0].n_members, 2);
    px_number_groups_clear(&g);
    px_number_list_clear(&la);
    px_number_list_clear(&lb);
    px_article_free(a);
    px_article_free(b);
}

/* A quote continuing an earlier one keeps that quote's speaker and the
 * words that named it (a paragraph holding more than the quote, so that
 * the two stay apart). */
static void test_continued_quote_keeps_mention(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body, "\"We will not close the shelter this winter,\" she said.\n\n"
                         "\"Not while I am in charge of this city.\" The council votes in May.");
    px_entity_list people;
    px_quote_list quotes;
    quotes_of(a, &people, &quotes);
    const px_quote *first = quote_starting(&quotes, "We will not close");
    const px_quote *next = quote_starting(&quotes, "Not while I am");
    assert_non_null(next->speaker);
    assert_string_equal(next->speaker, first->speaker);
    assert_null(next->cue);
    assert_int_equal(next->mention_start, first->mention_start);
    assert_true(next->mention_end > next->mention_start);
    assert_memory_equal(a->body + next->mention_start, "she", 3);
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
}

static void test_huge_article_and_empty_input(void **s)
{
    (void)s;
    static const char para[] =
        "\u201cWe counted 1,234 ballots,\u201d said Dana Reyes, adding that \"at least 56 "
        "people\" waited. The \u201cstray mark of 7 percent\n\n";
    size_t target = 10u << 20, plen = strlen(para);
    char *body = malloc(target + 1);
    size_t n = 0;
    while (n + plen <= target) {
        memcpy(body + n, para, plen);
        n += plen;
    }
    body[n] = '\0';
    px_article *a = px_article_new();
    a->body = body;
    px_number_list nums;
    px_number_list_init(&nums);
    assert_int_equal(px_numbers_extract(a, &nums), PX_OK);
    assert_true(nums.n >= 2 * (n / plen));
    px_number_list_clear(&nums);
    px_quote_list quotes;
    px_quote_list_init(&quotes);
    assert_int_equal(px_quotes_extract(a, NULL, &quotes), PX_OK);
    assert_true(quotes.n >= n / plen);
    assert_string_equal(quotes.v[quotes.n - 1].speaker, "Dana Reyes");
    px_quote_list_clear(&quotes);
    px_article_free(a);

    a = px_article_new(); /* no body at all */
    px_entity_list e;
    px_entity_list_init(&e);
    px_quote_list_init(&quotes);
    px_number_list_init(&nums);
    assert_int_equal(px_entities_extract(a, &e), PX_OK);
    assert_int_equal(px_quotes_extract(a, &e, &quotes), PX_OK);
    assert_int_equal(px_numbers_extract(a, &nums), PX_OK);
    assert_int_equal(e.n + quotes.n + nums.n, 0);
    px_article_free(a);
}

/* A quote split around its reporting clause reads as one, with the
 * hand-over comma gone and the break marked. */
static void test_quote_display_joins_pieces(void **s)
{
    (void)s;
    px_article *a = px_article_new();
    px_set_str(&a->body, "\xe2\x80\x9cThe river rose faster than anyone planned for,\xe2\x80\x9d "
                         "Mayor Lena Ortiz said. \xe2\x80\x9c" "Frankly, we were lucky.\xe2\x80\x9d");
    px_quote_list quotes;
    px_quote_list_init(&quotes);
    assert_int_equal(px_quotes_extract(a, NULL, &quotes), PX_OK);
    assert_int_equal(quotes.n, 1);
    assert_int_equal(quotes.v[0].n_pieces, 2);
    px_buf b = {0};
    assert_int_equal(px_quote_display(&quotes.v[0], a->body, &b), PX_OK);
    assert_string_equal(b.data, "The river rose faster than anyone planned for \xe2\x80\xa6 Frankly, we were lucky.");
    px_buf_free(&b);
    px_quote_list_clear(&quotes);
    px_article_free(a);
}

/* Code point offsets from `parallax quotes --raw` and `numbers --raw` index
 * the body that `parallax read --raw` prints. */
static char *cp_slice(const char *s, long start, long end)
{
    long cp = 0;
    const char *a = NULL, *b = NULL;
    for (const char *p = s;; p++) {
        if ((((unsigned char)*p) & 0xC0) != 0x80) {
            if (cp == start)
                a = p;
            if (cp == end) {
                b = p;
                break;
            }
            if (!*p)
                break;
            cp++;
        }
    }
    assert_non_null(a);
    assert_non_null(b);
    return px_strndup(a, (size_t)(b - a));
}

static void check_offsets(const char *cmd, cJSON *bodies)
{
    char full[512];
    snprintf(full, sizeof full, "%s %s --raw examples/corpus", tu_bin(), cmd);
    int code;
    char *out = tu_run(full, &code);
    assert_int_equal(code, 0);
    int checked = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        const char *id = cJSON_GetObjectItem(o, "article")->valuestring;
        const char *body = cJSON_GetObjectItem(bodies, id)->valuestring;
        cJSON *pieces = cJSON_GetObjectItem(o, "pieces");
        if (!pieces || cJSON_GetArraySize(pieces) == 1) {
            char *slice = cp_slice(body, (long)cJSON_GetObjectItem(o, "start")->valuedouble,
                                   (long)cJSON_GetObjectItem(o, "end")->valuedouble);
            assert_string_equal(slice, cJSON_GetObjectItem(o, "text")->valuestring);
            free(slice);
            checked++;
        }
        cJSON_Delete(o);
    }
    assert_true(checked > 20);
    free(out);
}

static void test_cli_offsets_are_code_points_into_raw_body(void **s)
{
    (void)s;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s read --raw examples/corpus", tu_bin());
    int code;
    char *out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    cJSON *bodies = cJSON_CreateObject();
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        cJSON_AddStringToObject(bodies, cJSON_GetObjectItem(o, "id")->valuestring,
                                cJSON_GetObjectItem(o, "text")->valuestring);
        cJSON_Delete(o);
    }
    free(out);
    check_offsets("quotes", bodies);
    check_offsets("numbers", bodies);
    cJSON_Delete(bodies);
}

/* `numbers --pairs` writes the pairs the grouping weighs, one line each
 * with both claims, the conflict flag, the probability and every signal;
 * a pairs file that cannot be written is an error naming it. */
static void test_cli_numbers_pairs(void **s)
{
    (void)s;
    const char *jsonl =
        "{\"id\":\"a\",\"source\":\"Early Wire\",\"date\":\"2016-07-14T22:00:00Z\",\"text\":"
        "\"At least 60 people were killed when a truck drove into a crowd in Nice, officials said.\"}\n"
        "{\"id\":\"b\",\"source\":\"Daily Sun\",\"date\":\"2016-07-15T10:00:00Z\",\"text\":"
        "\"At least 84 people were killed when a truck drove into a crowd in Nice, police said.\"}\n";
    char *in = tu_write_temp(jsonl, strlen(jsonl), ".jsonl");
    char *pairs = tu_write_temp("", 0, ".tsv");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s numbers -q --pairs %s %s", tu_bin(), pairs, in);
    int code;
    char *out = tu_run(cmd, &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(out, "\"value\":84"));
    free(out);
    FILE *f = fopen(pairs, "r");
    assert_non_null(f);
    char *tsv = calloc(1, 65536);
    assert_non_null(tsv);
    assert_true(fread(tsv, 1, 65535, f) > 0);
    fclose(f);
    char *line = strtok(tsv, "\n");
    assert_non_null(line);
    size_t fields = 1;
    for (const char *c = line; *c; c++)
        fields += *c == '\t';
    assert_int_equal(fields, 12 + PX_QTY_FEATURES);
    assert_non_null(strstr(line, "At least 60"));
    assert_non_null(strstr(line, "At least 84"));
    free(tsv);
    snprintf(cmd, sizeof cmd, "%s numbers -q --pairs /nonexistent-dir/p.tsv %s 2>&1", tu_bin(), in);
    out = tu_run(cmd, &code);
    assert_int_not_equal(code, 0);
    assert_non_null(strstr(out, "/nonexistent-dir/p.tsv"));
    free(out);
    unlink(in);
    unlink(pairs);
    free(in);
    free(pairs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_quotes_and_speakers),
        cmocka_unit_test(test_seed_numbers_with_attribution),
        cmocka_unit_test(test_seed_entities_merge),
        cmocka_unit_test(test_merged_role_by_majority),
        cmocka_unit_test(test_given_name_spellings_merge),
        cmocka_unit_test(test_name_cut_at_a_hyphen_merges),
        cmocka_unit_test(test_examples_quotes),
        cmocka_unit_test(test_examples_death_toll_conflict),
        cmocka_unit_test(test_seed_tolls_are_two_quantities),
        cmocka_unit_test(test_names_from_page_shapes),
        cmocka_unit_test(test_unbalanced_quotes_do_not_derail),
        cmocka_unit_test(test_quote_across_paragraphs),
        cmocka_unit_test(test_speaker_is_a_noun_phrase),
        cmocka_unit_test(test_speaker_cue_positions),
        cmocka_unit_test(test_capital_introduction_is_no_speaker),
        cmocka_unit_test(test_relative_clause_speaker),
        cmocka_unit_test(test_subject_pronoun_before_quote),
        cmocka_unit_test(test_reporting_idioms),
        cmocka_unit_test(test_shared_surname_resolves_by_pronoun_and_proximity),
        cmocka_unit_test(test_given_name_resolves_to_the_one_person),
        cmocka_unit_test(test_family_names_given_names_and_clause_openers),
        cmocka_unit_test(test_names_end_before_lower_case_words),
        cmocka_unit_test(test_long_appositives_and_passive_cues),
        cmocka_unit_test(test_speaker_is_a_person_or_organisation),
        cmocka_unit_test(test_relayed_quote_keeps_speaker),
        cmocka_unit_test(test_speaker_is_no_interjection_or_modifier),
        cmocka_unit_test(test_speaker_titles_signatures_and_pronouns),
        cmocka_unit_test(test_speaker_passive_preposition_and_kin),
        cmocka_unit_test(test_speaker_lists_conjunctions_and_colons),
        cmocka_unit_test(test_speaker_possessors_complements_and_polls),
        cmocka_unit_test(test_pronoun_speakers_and_roles),
        cmocka_unit_test(test_quote_pieces_nested_marks_and_titles),
        cmocka_unit_test(test_quote_marks_nested_in_straight),
        cmocka_unit_test(test_adding_reports_a_statement_of_its_own),
        cmocka_unit_test(test_new_sentence_cue_after_a_cued_piece),
        cmocka_unit_test(test_reported_partial_and_town_then_state),
        cmocka_unit_test(test_quote_pieces_of_one_statement),
        cmocka_unit_test(test_numbers_name_their_quantity),
        cmocka_unit_test(test_group_counted_as_written),
        cmocka_unit_test(test_number_groups_by_head_noun),
        cmocka_unit_test(test_continued_quote_keeps_mention),
        cmocka_unit_test(test_huge_article_and_empty_input),
        cmocka_unit_test(test_cli_offsets_are_code_points_into_raw_body),
        cmocka_unit_test(test_cli_numbers_pairs),
        cmocka_unit_test(test_quote_display_joins_pieces),
        cmocka_unit_test(test_numbers_partitive_and_magnitude),
        cmocka_unit_test(test_lone_letter_is_no_entity),
        cmocka_unit_test(test_tagger_kinds_and_country_aliases),
        cmocka_unit_test(test_compass_and_people_adjective),
        cmocka_unit_test(test_sources_are_no_places),
        cmocka_unit_test(test_kind_from_telling_contexts),
        cmocka_unit_test(test_quoted_names_are_titles),
        cmocka_unit_test(test_honorifics_and_trades_before_names),
        cmocka_unit_test(test_countries_and_geography_are_places),
        cmocka_unit_test(test_name_the_article_uses),
        cmocka_unit_test(test_particle_joins_one_name),
        cmocka_unit_test(test_fragments_join_their_longer_name),
        cmocka_unit_test(test_merged_kind_from_telling_contexts),
        cmocka_unit_test(test_head_words_learned_from_names),
        cmocka_unit_test(test_kinds_from_head_words_and_context),
        cmocka_unit_test(test_names_split_from_clause_words_and_credits),
        cmocka_unit_test(test_titles_events_and_name_edges),
        cmocka_unit_test(test_title_and_surname_is_a_surname_mention),
        cmocka_unit_test(test_surname_alone_makes_a_person),
        cmocka_unit_test(test_surname_prefers_person_over_organisation),
        cmocka_unit_test(test_capital_for_its_government_is_a_place),
        cmocka_unit_test(test_appositive_noun_gives_the_kind),
        cmocka_unit_test(test_different_given_names_do_not_merge),
        cmocka_unit_test(test_tagger_model_errors),
        cmocka_unit_test(test_cli_entity_mentions),
        cmocka_unit_test(test_unknown_given_name_at_sentence_start),
        cmocka_unit_test(test_number_attribution_needs_an_authority),
        cmocka_unit_test(test_respondents_take_the_poll_before),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
