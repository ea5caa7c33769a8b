/* test_numbers.c - what a figure is (values, kinds, scope), which figures
 * report one quantity, and whether outlets agree, conflict or report an
 * evolving figure: on the seeds and on small made-up articles. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "testutil.h"
#include "compare/numbers_internal.h"
#include "compare/quantity_model.h"

static px_article *article(const char *date, const char *source, const char *body)
{
    px_article *a = px_article_new();
    assert_non_null(a);
    if (date)
        px_set_str(&a->date, date);
    px_set_str(&a->source, source);
    px_set_str(&a->body, body);
    return a;
}

static const px_number *written(const px_number_list *l, const char *text)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].text, text) == 0)
            return &l->v[i];
    fail_msg("no number written \"%s\"", text);
    return NULL;
}

static int has_value(const px_number_list *l, double v)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].value == v)
            return 1;
    return 0;
}

/* The claims of n articles and their groups. */
typedef struct compared {
    px_number_list lists[4];
    const px_number_list *nl[4];
    px_number_groups g;
    size_t n;
} compared;

static void compare(compared *c, px_article *const *arts, size_t n)
{
    memset(c, 0, sizeof *c);
    c->n = n;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(px_numbers_extract(arts[i], &c->lists[i]), PX_OK);
        c->nl[i] = &c->lists[i];
    }
    assert_int_equal(px_numbers_group((const px_article *const *)arts, c->nl, n, &c->g, NULL), PX_OK);
}

static void compared_free(compared *c)
{
    px_number_groups_clear(&c->g);
    for (size_t i = 0; i < c->n; i++)
        px_number_list_clear(&c->lists[i]);
}

/* The group holding a claim of value v. */
static const px_number_group *group_with(const compared *c, double v)
{
    for (size_t g = 0; g < c->g.n; g++)
        for (size_t m = 0; m < c->g.v[g].n_members; m++) {
            px_ref r = c->g.v[g].members[m];
            if (c->nl[r.article]->v[r.item].value == v)
                return &c->g.v[g];
        }
    return NULL;
}

/* The seeds: the one disagreement shown is the Gaza death toll, 18,000
 * on the authority of the health authorities against 11,000; the poll's
 * 49% keeps Gallup from the sentence before. */
static void test_seed_disagreements(void **s)
{
    (void)s;
    tu_result r;
    tu_read_raw_one(&r, tu_shared("seeds"), NULL);
    assert_int_equal(r.n, 5);
    px_number_list lists[5];
    const px_number_list *nl[5];
    for (size_t i = 0; i < r.n; i++) {
        px_number_list_init(&lists[i]);
        assert_int_equal(px_numbers_extract(r.articles[i], &lists[i]), PX_OK);
        nl[i] = &lists[i];
    }
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group((const px_article *const *)r.articles, nl, r.n, &g, NULL), PX_OK);
    size_t shown = 0;
    int toll = 0;
    for (size_t k = 0; k < g.n; k++) {
        const px_number_group *q = &g.v[k];
        if (q->status == PX_QTY_AGREE || !px_number_group_shown(q))
            continue;
        shown++;
        int authorities = 0;
        for (size_t m = 0; m < q->n_members; m++) {
            const px_number *x = &nl[q->members[m].article]->v[q->members[m].item];
            authorities |= x->value == 18000 && x->attribution &&
                           strcmp(x->attribution, "Hamas-controlled Palestinian health authorities") == 0;
        }
        toll = authorities && q->min == 11000 && q->max == 18000;
        assert_non_null(q->evidence);
    }
    assert_int_equal(shown, 1);
    assert_true(toll);
    int gallup = 0;
    for (size_t i = 0; i < r.n; i++)
        for (size_t k = 0; k < lists[i].n; k++)
            if (strcmp(lists[i].v[k].text, "49%") == 0)
                gallup = lists[i].v[k].attribution && strstr(lists[i].v[k].attribution, "Gallup");
    assert_true(gallup);
    px_number_groups_clear(&g);
    for (size_t i = 0; i < r.n; i++)
        px_number_list_clear(&lists[i]);
    tu_result_free(&r);
}

/* Ranges, clock times, scores, glued and hyphenated units. */
static void test_values_read_right(void **s)
{
    (void)s;
    px_article *a = article(
        "2016-07-15", "A",
        "A 31-year-old man drove the 25-ton truck at 40mph for 2km. About 5-6,000 people "
        "watched. The truck went at 20-25 mph. Between 50 and 60 people were hurt. The attack "
        "began at 2206 GMT. The Steelers won 34-6 and their record is 50-32-1. The company "
        "raised $38 billion.");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    const px_number *x = written(&l, "31-year-old");
    assert_int_equal(x->kind, PX_NUM_AGE);
    assert_true(x->value == 31);
    x = written(&l, "25-ton");
    assert_int_equal(x->kind, PX_NUM_MEASURE);
    assert_string_equal(x->unit, "t");
    assert_string_equal(written(&l, "40mph")->unit, "mph");
    assert_string_equal(written(&l, "2km")->unit, "km");
    x = written(&l, "About 5-6,000");
    assert_true(x->value == 5000 && x->high == 6000);
    assert_int_equal(x->bound, PX_BOUND_RANGE);
    x = written(&l, "20-25 mph");
    assert_true(x->value == 20 && x->high == 25);
    x = written(&l, "Between 50 and 60");
    assert_true(x->value == 50 && x->high == 60);
    assert_string_equal(x->counted, "people injured");
    assert_false(has_value(&l, 2206)); /* a clock time */
    /* a score and a record: a claim per figure, of their own kind */
    assert_int_equal(written(&l, "34")->kind, PX_NUM_SCORE);
    assert_int_equal(written(&l, "6")->kind, PX_NUM_SCORE);
    assert_int_equal(written(&l, "32")->kind, PX_NUM_SCORE);
    assert_null(written(&l, "32")->counted);
    assert_true(written(&l, "$38 billion")->value == 38e9);
    px_number_list_clear(&l);
    px_article_free(a);
}

/* Words that stand for figures, spelled compounds, ordinals, the rest of
 * a total, percentage points. */
static void test_figure_words(void **s)
{
    (void)s;
    px_article *a = article(
        "2016-07-15", "A",
        "There were no passengers on board. She was the only woman on the jury. There is no "
        "evidence. It was the only way out. A pair of passengers were removed. Five-year-old "
        "Tian fell. A two-carriage tram crashed on the 28th lap. All but three of the 45 miners "
        "were rescued. All but two were freed. Her lead rose to 5 points, with 49% support. The "
        "It rose to 85. One of the passengers was hurt. They backed a two-state solution and ended "
        "one-party rule in a two-horse race.");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    const px_number *x = written(&l, "no");
    assert_true(x->value == 0);
    assert_string_equal(x->counted, "passengers aboard");
    assert_true(written(&l, "only")->value == 1);
    size_t nos = 0, onlies = 0;
    for (size_t i = 0; i < l.n; i++)
        nos += strcmp(l.v[i].text, "no") == 0, onlies += strcmp(l.v[i].text, "only") == 0;
    assert_int_equal(nos, 1);    /* "no evidence" is no figure */
    assert_int_equal(onlies, 1); /* nor "the only way" */
    assert_true(written(&l, "pair")->value == 2);
    x = written(&l, "Five-year-old");
    assert_int_equal(x->kind, PX_NUM_AGE);
    assert_true(x->value == 5);
    x = written(&l, "two-carriage");
    assert_true(x->value == 2);
    assert_string_equal(x->counted, "tram");
    x = written(&l, "28th");
    assert_int_equal(x->kind, PX_NUM_ORDINAL);
    assert_true(x->value == 28);
    x = written(&l, "All but three");
    assert_true(x->value == 42);
    assert_string_equal(written(&l, "45")->counted, "total miners rescued");
    for (size_t i = 0; i < l.n; i++)
        assert_true(strcmp(l.v[i].text, "two") != 0); /* all but two of no total */
    x = written(&l, "5 points");
    assert_string_equal(x->unit, "percentage points");
    assert_true(written(&l, "85")->value == 85); /* a bare figure is read, not compared */
    assert_null(written(&l, "85")->counted);
    assert_true(written(&l, "One")->value == 1);
    for (size_t i = 0; i < l.n; i++) /* compounds English uses as one word count nothing */
        assert_true(strcmp(l.v[i].text, "two-state") && strcmp(l.v[i].text, "one-party") &&
                    strcmp(l.v[i].text, "two-horse"));
    px_number_list_clear(&l);
    px_article_free(a);
}

/* Halves, one of a unit, a dozen, "-plus", spelled ordinals; fractions
 * are no counts. */
static void test_figure_phrases(void **s)
{
    (void)s;
    px_article *a = article(
        "2016-07-15", "A",
        "The flight turned back four hours into an 11-and-a-half hour journey. The search "
        "lasted two and a half days. He drove for more than a mile. About a dozen people were "
        "hurt and half a dozen cars burned. The ship carried 2,000-plus passengers. It came on "
        "the third pitch of the game. Three quarters of the voters agreed. He stayed for a "
        "second. Two New York City subway work trains collided. Officials said 84 people, "
        "including children, were killed. About 5,000\u20136,000 people fled. Two hundred and "
        "fifty homes burned. Nearly two dozen boats sank.");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    const px_number *x = written(&l, "11-and-a-half hour");
    assert_true(x->value == 11.5);
    assert_int_equal(x->kind, PX_NUM_DURATION);
    x = written(&l, "two and a half days");
    assert_true(x->value == 2.5);
    x = written(&l, "more than a mile");
    assert_true(x->value == 1);
    assert_int_equal(x->bound, PX_BOUND_LOWER);
    assert_string_equal(x->unit, "mile");
    x = written(&l, "About a dozen");
    assert_true(x->value == 12);
    assert_int_equal(x->bound, PX_BOUND_ABOUT);
    assert_true(written(&l, "half a dozen")->value == 6);
    x = written(&l, "About 5,000\u20136,000");
    assert_true(x->value == 5000 && x->high == 6000);
    assert_true(written(&l, "Two hundred and fifty")->value == 250);
    x = written(&l, "Nearly two dozen");
    assert_true(x->value == 24);
    assert_int_equal(x->bound, PX_BOUND_ABOUT);
    /* the head of a long noun phrase; the verb past an aside */
    assert_string_equal(written(&l, "Two")->counted, "subway work trains");
    assert_string_equal(written(&l, "84")->counted, "people killed");
    x = written(&l, "2,000-plus");
    assert_true(x->value == 2000);
    assert_int_equal(x->bound, PX_BOUND_LOWER);
    x = written(&l, "third");
    assert_int_equal(x->kind, PX_NUM_ORDINAL);
    assert_true(x->value == 3);
    for (size_t i = 0; i < l.n; i++) {
        assert_true(strcasecmp(l.v[i].text, "three") != 0); /* three quarters: a share */
        assert_true(strcmp(l.v[i].text, "a") != 0);       /* "for a second": no qualifier */
        assert_true(strcmp(l.v[i].text, "second") != 0);
    }
    px_number_list_clear(&l);
    px_article_free(a);
}

/* Captions, related-story lines and fact boxes are furniture; a figure in a
 * sentence about another year or an earlier date is background. */
static void test_scope(void **s)
{
    (void)s;
    px_article *a = article(
        "2016-07-15T09:00:00Z", "A",
        "At least 84 people were killed in Nice.\n"
        "READ MORE: 17 people were killed in Paris\n"
        "Hide Caption 17 of 25 Photos: 12 people injured\n"
        "Boosters: 2 Cores: 3 Engines: 27\n"
        "Seventeen people were killed in attacks in January 2015.\n"
        "The Nov. 13 Paris attacks killed 130 people.\n"
        "Last year's attack killed 12 people.\n"
        "Two people died in a September crash near Cannes.\n"
        "In March 2016, 40 people were hurt in Paris.\n"
        "In July, 30 people were hurt in Nice.\n");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_int_equal(written(&l, "At least 84")->scope, PX_SCOPE_EVENT);
    for (size_t i = 0; i < l.n; i++) {
        if (strcmp(l.v[i].text, "17") == 0 || l.v[i].value == 25 || l.v[i].value == 27)
            assert_int_equal(l.v[i].scope, PX_SCOPE_FURNITURE);
        if (l.v[i].value == 130 || strcmp(l.v[i].text, "Seventeen") == 0 ||
            (l.v[i].value == 12 && strstr(l.v[i].counted ? l.v[i].counted : "", "killed")))
            assert_int_equal(l.v[i].scope, PX_SCOPE_BACKGROUND);
    }
    /* a month without a day: a month that ended weeks before is another time */
    assert_int_equal(written(&l, "Two")->scope, PX_SCOPE_BACKGROUND);
    assert_int_equal(written(&l, "40")->scope, PX_SCOPE_BACKGROUND);
    assert_int_equal(written(&l, "30")->scope, PX_SCOPE_EVENT);
    px_number_list_clear(&l);
    px_article_free(a);
}

/* The verb after a counted phrase is its own only up to the next figure:
 * "treating 12 people, three of whom were seriously injured" counts 12
 * treated, not 12 injured. */
static void test_verb_stops_at_the_next_figure(void **s)
{
    (void)s;
    px_article *a = article("2024-03-02T09:00:00Z", "A",
                            "The Port Alder hospital said it was treating 12 people, three of whom were "
                            "seriously injured.");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_string_equal(written(&l, "12")->counted, "people treated");
    px_number_list_clear(&l);
    px_article_free(a);
}

/* A duration glued to a noun measures that noun ("a 17-minute rain
 * delay"), and outlets giving it alike agree; a bare duration names
 * nothing. */
static void test_duration_of_a_thing(void **s)
{
    (void)s;
    px_article *arts[2] = {
        article("2016-11-03T09:00:00Z", "A", "Play resumed after a 17-minute rain delay before the 10th inning. "
                                            "The game lasted four hours."),
        article("2016-11-03T10:00:00Z", "B", "There was a 17-minute rain delay before the 10th inning.")};
    compared c;
    compare(&c, arts, 2);
    const px_number *x = written(&c.lists[0], "17-minute");
    assert_int_equal(x->kind, PX_NUM_DURATION);
    assert_string_equal(x->counted, "rain delay");
    assert_null(written(&c.lists[0], "four hours")->counted);
    const px_number_group *delay = group_with(&c, 17);
    assert_non_null(delay);
    assert_int_equal(delay->status, PX_QTY_AGREE);
    assert_true(px_number_group_shown(delay));
    compared_free(&c);
    for (size_t i = 0; i < 2; i++)
        px_article_free(arts[i]);
}

/* Clock times written apart are no counts; a distance placing the event
 * ("72 km southeast of Padang") is its setting. */
static void test_clock_and_place(void **s)
{
    (void)s;
    px_article *a = article("2009-10-01", "A",
                            "The quake struck at 5 : 16 pm, 57 km southwest of Padang, at a depth of "
                            "85 km. It shook buildings until 6 pm and killed 75 people.\n");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_false(has_value(&l, 5));
    assert_false(has_value(&l, 16));
    assert_false(has_value(&l, 6));
    assert_int_equal(written(&l, "57 km")->scope, PX_SCOPE_BACKGROUND);
    assert_int_equal(written(&l, "85 km")->scope, PX_SCOPE_EVENT);
    assert_int_equal(written(&l, "75")->scope, PX_SCOPE_EVENT);
    px_number_list_clear(&l);
    px_article_free(a);
}

/* Sentences are alike by their distinct words: a word said thrice in one
 * sentence is one shared word, and likeness never passes 1. */
static void test_likeness_of_distinct_words(void **s)
{
    (void)s;
    px_article *arts[2] = {
        article("2016-11-03", "A", "Rescue crews, rescue crews and rescue crews: 12 rescue crews came to the tram."),
        article("2016-11-03", "B", "At the scene, 20 rescue crews came.")};
    compared c;
    compare(&c, arts, 2);
    const px_number_group *crews = group_with(&c, 12);
    assert_non_null(crews);
    const char *alike = strstr(crews->evidence, "sentences alike ");
    assert_non_null(alike);
    assert_true(atof(alike + strlen("sentences alike ")) <= 1.0);
    assert_non_null(strstr(crews->evidence, "the thing counted named alike"));
    compared_free(&c);
    for (size_t i = 0; i < 2; i++)
        px_article_free(arts[i]);
}

/* Money, a percent or a duration naming nothing is one quantity only
 * across aligned sentences. */
static void test_unnamed_figures_aligned(void **s)
{
    (void)s;
    px_article *arts[2] = {
        article("2017-12-07", "A", "The board of the bank met for four hours on Tuesday before the vote. "
                                   "It paid $5 million in fees."),
        article("2017-12-07", "B", "The board of the bank met for four hours on Tuesday before the vote, "
                                   "officials said. Its new office cost $9 million.")};
    compared c;
    compare(&c, arts, 2);
    assert_null(written(&c.lists[0], "four hours")->counted);
    const px_number_group *met = group_with(&c, 4);
    assert_non_null(met);
    assert_int_equal(met->status, PX_QTY_AGREE);
    assert_int_equal(met->n_articles, 2);
    assert_null(group_with(&c, 5e6)); /* $5 million and $9 million: no sentence in common */
    compared_free(&c);
    for (size_t i = 0; i < 2; i++)
        px_article_free(arts[i]);
}

/* Another named event in the story's window, the setting (figures owned
 * by a whole, their conversions), victims never an authority, owners. */
static void test_other_event_setting_owner(void **s)
{
    (void)s;
    px_article *a = article(
        "2018-01-01T09:00:00Z", "A",
        "A plane crashed in Costa Rica, killing 12 people.\n"
        "Ten passengers died in the Costa Rica crash, officials said.\n"
        "The Costa Rica crash came a day after six people died in the Sydney seaplane crash.\n"
        "The network uses its 17 miles (27km) of track. The airline will train all 120,000 "
        "employees. Their two children were killed.\n"
        "Two Tunisian men, Bilal Labaoui and mechanic Abdelkader Toukabri, were also killed, "
        "said the ministry.\n"
        "Marcus Ericsson crashed on lap 13.\n");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_int_equal(written(&l, "12")->scope, PX_SCOPE_EVENT);
    assert_int_equal(written(&l, "six")->scope, PX_SCOPE_BACKGROUND);
    assert_int_equal(written(&l, "Ten")->scope, PX_SCOPE_EVENT);
    assert_int_equal(written(&l, "17 miles")->scope, PX_SCOPE_BACKGROUND);
    assert_int_equal(written(&l, "27km")->scope, PX_SCOPE_BACKGROUND);
    assert_int_equal(written(&l, "120,000")->scope, PX_SCOPE_BACKGROUND);
    assert_int_equal(written(&l, "two")->scope, PX_SCOPE_EVENT);
    assert_string_equal(written(&l, "Two")->attribution, "the ministry");
    const px_number *x = written(&l, "13");
    assert_int_equal(x->kind, PX_NUM_ORDINAL);
    assert_string_equal(x->owner, "ericsson");
    px_number_list_clear(&l);
    px_article_free(a);
}

/* Killed and injured are two quantities; a toll that rises in later
 * articles is evolving; two outlets at one time with different tolls
 * conflict; the same figure in two outlets is an agreement. */
static void test_agree_conflict_evolving(void **s)
{
    (void)s;
    px_article *arts[3] = {
        article("2016-07-14T22:00:00Z", "Early Wire",
                "At least 60 people were killed when a truck drove into a crowd in Nice, officials "
                "said. About 100 people were injured, officials said. The truck weighed 19 tons."),
        article("2016-07-15T10:00:00Z", "Morning Post",
                "The death toll of the truck attack in Nice rose to 84, officials said. About 100 "
                "people were injured, officials said. The truck weighed 25 tons."),
        article("2016-07-15T10:00:00Z", "Daily Sun",
                "At least 84 people were killed when a truck drove into a crowd in Nice, police "
                "said. About 200 people were injured in Nice, police said.")};
    compared c;
    compare(&c, arts, 3);
    const px_number_group *killed = group_with(&c, 60), *injured = group_with(&c, 100);
    assert_non_null(killed);
    assert_non_null(injured);
    assert_true(killed != injured);
    assert_int_equal(killed->status, PX_QTY_EVOLVING);
    assert_true(strstr(killed->key, "killed") != NULL);
    assert_int_equal(injured->status, PX_QTY_CONFLICT); /* 100 and 200 at the same hour */
    assert_true(px_number_group_shown(injured));
    const px_number_group *weight = group_with(&c, 19);
    assert_non_null(weight);
    assert_int_equal(weight->status, PX_QTY_CONFLICT);
    compared_free(&c);
    for (size_t i = 0; i < 3; i++)
        px_article_free(arts[i]);
}

/* A toll that rises across the day is evolving though one outlet was
 * ahead of another; an outlet's later article carries its own figure on. */
static void test_evolving_by_majority(void **s)
{
    (void)s;
    px_article *arts[4] = {
        article("2016-07-14T21:00:00Z", "Fast Wire", "At least 70 people were killed in Nice, officials said."),
        article("2016-07-14T22:00:00Z", "Slow Post", "At least 60 people were killed in Nice, officials said."),
        article("2016-07-15T06:00:00Z", "Morning Post", "At least 77 people were killed in Nice, officials said."),
        article("2016-07-15T10:00:00Z", "Daily Sun", "At least 84 people were killed in Nice, officials said.")};
    compared c;
    compare(&c, arts, 4);
    const px_number_group *killed = group_with(&c, 60);
    assert_non_null(killed);
    assert_int_equal(killed->status, PX_QTY_EVOLVING);
    compared_free(&c);
    for (size_t i = 0; i < 4; i++)
        px_article_free(arts[i]);

    px_article *own[2] = {
        article("2016-07-14T22:00:00Z", "Wire", "About 100 people were injured, officials said."),
        article("2016-07-15T22:00:00Z", "Wire", "About 202 people were injured, officials said.")};
    compare(&c, own, 2);
    const px_number_group *injured = group_with(&c, 100);
    assert_non_null(injured);
    assert_int_equal(injured->n_articles, 2);
    assert_int_equal(injured->status, PX_QTY_EVOLVING);
    compared_free(&c);
    for (size_t i = 0; i < 2; i++)
        px_article_free(own[i]);

    /* a report dated by its day only: which of two reports of that day came
     * first is not known, so that pair goes neither for nor against */
    px_article *day[3] = {
        article("2016-07-14", "Day Post", "At least 60 people were killed in Nice, officials said."),
        article("2016-07-14T22:00:00Z", "Night Wire", "At least 50 people were killed in Nice, officials said."),
        article("2016-07-16T10:00:00Z", "Weekend Sun", "At least 84 people were killed in Nice, officials said.")};
    compare(&c, day, 3);
    killed = group_with(&c, 84);
    assert_non_null(killed);
    assert_int_equal(killed->status, PX_QTY_EVOLVING);
    compared_free(&c);
    for (size_t i = 0; i < 3; i++)
        px_article_free(day[i]);
}

/* A game's tallies are their own kind and never a shown disagreement. */
static void test_sport_tallies(void **s)
{
    (void)s;
    px_article *arts[2] = {
        article("2016-11-03", "A", "The Cubs scored eight runs and the Indians had 10 innings."),
        article("2016-11-03", "B", "The Cubs scored two runs in the 10th and the game went eight innings.")};
    compared c;
    compare(&c, arts, 2);
    assert_int_equal(written(&c.lists[0], "eight")->kind, PX_NUM_SPORT);
    for (size_t g = 0; g < c.g.n; g++)
        assert_false(c.g.v[g].status != PX_QTY_AGREE && px_number_group_shown(&c.g.v[g]));
    compared_free(&c);
    px_article_free(arts[0]);
    px_article_free(arts[1]);
}

/* Attribution comes from the clause that holds the figure. */
static void test_attribution_clause(void **s)
{
    (void)s;
    px_article *a = article(
        NULL, "A",
        "North Korea fired four missiles after President Donald Trump said talks were over. "
        "Tens of thousands of homes have been razed and aid organizations warn of a catastrophe. "
        "A bridge collapsed, killing at least 12 people and injuring dozens, police said.");
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_null(written(&l, "four")->attribution);
    assert_null(written(&l, "Tens of thousands")->attribution);
    assert_string_equal(written(&l, "at least 12")->attribution, "police");
    px_number_list_clear(&l);
    px_article_free(a);
}

/* A thousand digits, a hundred thousand figures in one sentence, a number
 * broken by a line, mixed scripts: read without a crash, each figure once. */
static void test_hostile_numbers(void **s)
{
    (void)s;
    size_t n = 100000;
    char *body = malloc(n * 8 + 4000 * 8 + 2048);
    assert_non_null(body);
    size_t len = 0;
    for (size_t i = 0; i < 1000; i++)
        body[len++] = (char)('1' + i % 9);
    len += (size_t)sprintf(body + len, " people were killed. 18,\n000 people and ١٢ people and 5−6 "
                                         "people and 12-\nyear-old. About 0-6,000 people. ");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(body + len, "%zu, ", 1000 + i % 9000);
    for (size_t i = 0; i < 4000; i++) /* money naming nothing: compared by sentence */
        len += (size_t)sprintf(body + len, "$%zu, ", 1000 + i % 9000);
    body[len] = '\0';
    px_article *a = article("2020-01-01", "A", body);
    free(body);
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_true(l.n <= n + 4000 + 16);
    for (size_t i = 0; i < l.n; i++)
        assert_true(l.v[i].end > l.v[i].start);
    const px_number_list *nl[] = {&l, &l};
    const px_article *arts[] = {a, a};
    px_number_groups g = {0};
    assert_int_equal(px_numbers_group(arts, nl, 2, &g, NULL), PX_OK);
    px_number_groups_clear(&g);
    px_number_list_clear(&l);
    px_article_free(a);

    /* a figure of 10,000 halves in one token, a run of "a"s after a qualifier */
    char *halves = malloc(20000 * 11 + 20000 * 2 + 64);
    assert_non_null(halves);
    len = (size_t)sprintf(halves, "1");
    for (size_t i = 0; i < 20000; i++)
        len += (size_t)sprintf(halves + len, "-and-a-half");
    len += (size_t)sprintf(halves + len, " hour. more than");
    for (size_t i = 0; i < 20000; i++)
        len += (size_t)sprintf(halves + len, " a");
    sprintf(halves + len, " mile.");
    a = article("2020-01-01", "A", halves);
    free(halves);
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    assert_true(l.n <= 2);
    px_number_list_clear(&l);
    px_article_free(a);
}

/* The model file: every signal under both prefixes once, weights that
 * are numbers; errors name the file and the line. */
static void test_quantity_model_parse(void **s)
{
    (void)s;
    char good[4096];
    size_t len = 0;
    static const char *const prefix[] = {"same.", "different."};
    for (int k = 0; k < 2; k++) {
        len += (size_t)snprintf(good + len, sizeof good - len, "# %d\n%sbias\t-1\n%sshown_from\t0.%d\n",
                                k, prefix[k], prefix[k], 5 + k);
        for (int i = 0; i < PX_QTY_FEATURES; i++)
            len += (size_t)snprintf(good + len, sizeof good - len, "%s%s\t%d\n", prefix[k],
                                    px_quantity_feature_name(i), i == PX_QTY_FEAT_SIMILARITY ? 2 : 0);
    }
    px_quantity_model m;
    px_error err;
    assert_int_equal(px_quantity_model_parse(&m, good, len, "q.tsv", &err), PX_OK);
    assert_true(m.bias[PX_QTY_PAIR_DIFFERENT] == -1 && m.shown_from[PX_QTY_PAIR_DIFFERENT] == 0.6);
    double x[PX_QTY_FEATURES] = {0};
    x[PX_QTY_FEAT_SIMILARITY] = 0.5; /* log-odds -1 + 2 * 0.5 = 0 */
    assert_true(fabs(px_quantity_model_probability(&m, PX_QTY_PAIR_SAME, x) - 0.5) < 1e-12);
    x[PX_QTY_FEAT_SIMILARITY] = 1;
    assert_true(px_quantity_model_probability(&m, PX_QTY_PAIR_SAME, x) > 0.7);
    const char *bad_weight = "same.bias\t-2\nsame.similarity\tten\n";
    assert_int_not_equal(px_quantity_model_parse(&m, bad_weight, strlen(bad_weight), "q.tsv", &err), PX_OK);
    assert_non_null(strstr(err.msg, "q.tsv:2"));
    const char *unprefixed = "bias\t-2\n";
    assert_int_not_equal(px_quantity_model_parse(&m, unprefixed, strlen(unprefixed), "q.tsv", &err), PX_OK);
    assert_non_null(strstr(err.msg, "q.tsv:1"));
    const char *twice = "same.bias\t-2\nsame.bias\t1\n";
    assert_int_not_equal(px_quantity_model_parse(&m, twice, strlen(twice), "q.tsv", &err), PX_OK);
    assert_non_null(strstr(err.msg, "q.tsv:2"));
    assert_int_not_equal(px_quantity_model_parse(&m, good, len / 2, "q.tsv", &err), PX_OK);
    assert_non_null(strstr(err.msg, "missing"));
    /* the embedded model reads, and its thresholds are probabilities */
    assert_non_null(px_quantity_model_default());
    double agree = px_numbers_shown_from(PX_QTY_AGREE), conflict = px_numbers_shown_from(PX_QTY_CONFLICT);
    assert_true(agree > 0 && agree < 1 && conflict > 0 && conflict < 1);
}

typedef struct pair_count {
    size_t pairs, conflicting;
    double top_conflict;
} pair_count;

static int count_pair(void *ud, size_t group, px_ref a, px_ref b, int conflict, const double *x, double p)
{
    (void)group;
    pair_count *c = ud;
    assert_int_not_equal(a.article, b.article);
    assert_true(p >= 0 && p <= 1 && x[PX_QTY_FEAT_SIMILARITY] >= 0 && x[PX_QTY_FEAT_SIMILARITY] <= 1);
    c->pairs++;
    c->conflicting += conflict;
    if (conflict && p > c->top_conflict)
        c->top_conflict = p;
    return 0;
}

/* The pairs handed out for training are the ones the report weighs: a
 * group's confidence is its best disagreeing pair's probability. */
static void test_pairs_are_the_ones_weighed(void **s)
{
    (void)s;
    px_article *arts[2] = {
        article("2016-07-14T22:00:00Z", "Early Wire",
                "At least 60 people were killed when a truck drove into a crowd in Nice, officials "
                "said."),
        article("2016-07-15T10:00:00Z", "Daily Sun",
                "At least 84 people were killed when a truck drove into a crowd in Nice, police "
                "said.")};
    compared c;
    compare(&c, arts, 2);
    pair_count n = {0};
    assert_int_equal(px_numbers_each_pair((const px_article *const *)arts, c.nl, &c.g, count_pair, &n), PX_OK);
    const px_number_group *killed = group_with(&c, 60);
    assert_non_null(killed);
    assert_true(n.pairs >= 1 && n.conflicting >= 1);
    assert_true(fabs(killed->confidence - n.top_conflict) < 1e-9);
    compared_free(&c);
    for (size_t i = 0; i < 2; i++)
        px_article_free(arts[i]);
}

/* The pairs a learned grouping would weigh (`numbers --links`): claims of
 * one kind and unit from different outlets, never two of one outlet, with
 * signals that tell a toll from the injured. */
typedef struct link_seen {
    const compared *c;
    size_t pairs, same_outlet, killed_pair, killed_injured;
} link_seen;

static int see_link(void *ud, px_ref a, px_ref b, int conflict, const double *x)
{
    link_seen *s = ud;
    const px_number *p = &s->c->nl[a.article]->v[a.item], *q = &s->c->nl[b.article]->v[b.item];
    s->pairs++;
    assert_int_equal(p->kind, q->kind);
    s->same_outlet += a.article == b.article || (a.article == 0 && b.article == 2);
    if (p->value == 60 && q->value == 84) {
        s->killed_pair++;
        assert_true(conflict);
        assert_true(x[PX_LINK_FEAT_SAME_KEY] == 1 && x[PX_LINK_FEAT_SAME_OUTCOME] == 1);
        assert_true(x[PX_LINK_FEAT_OTHER_OUTCOME] == 0 && x[PX_LINK_FEAT_SIMILARITY] > 0.5);
        assert_true(fabs(x[PX_LINK_FEAT_LOG_RATIO] - log(85.0 / 61.0)) < 1e-9);
    }
    if (p->value == 60 && q->value == 100) {
        s->killed_injured++;
        assert_true(x[PX_LINK_FEAT_SAME_KEY] == 0 && x[PX_LINK_FEAT_OTHER_OUTCOME] == 1);
        assert_true(x[PX_LINK_FEAT_SAME_HEAD] == 1 && x[PX_LINK_FEAT_PEOPLE] == 1);
    }
    return 0;
}

static void test_link_signals(void **s)
{
    (void)s;
    px_article *arts[3] = {
        article("2016-07-14T22:00:00Z", "Early Wire",
                "At least 60 people were killed when a truck drove into a crowd in Nice, officials "
                "said. The city closed 12 schools."),
        article("2016-07-15T10:00:00Z", "Daily Sun",
                "At least 84 people were killed when a truck drove into a crowd in Nice, police "
                "said. More than 100 people were injured."),
        article("2016-07-15T12:00:00Z", "Early Wire", "At least 70 people were killed in Nice.")};
    compared c;
    compare(&c, arts, 3);
    link_seen seen = {.c = &c};
    assert_int_equal(px_numbers_each_link((const px_article *const *)arts, c.nl, 3, see_link, &seen), PX_OK);
    assert_true(seen.pairs >= 3);
    assert_int_equal(seen.same_outlet, 0);
    assert_int_equal(seen.killed_pair, 1);
    assert_int_equal(seen.killed_injured, 1);
    compared_free(&c);
    for (size_t i = 0; i < 3; i++)
        px_article_free(arts[i]);
}

/* A group is labelled by what it counts, else by the quantity its unit
 * measures, else by its kind. */
static void test_group_labels(void **s)
{
    (void)s;
    char buf[64];
    px_number_group g;
    memset(&g, 0, sizeof g);
    g.kind = PX_NUM_MEASURE;
    g.unit = (char *)"mph";
    assert_string_equal(px_number_group_label(&g, buf, sizeof buf), "speed in mph");
    g.unit = (char *)"km";
    assert_string_equal(px_number_group_label(&g, buf, sizeof buf), "distance in km");
    g.unit = NULL;
    assert_string_equal(px_number_group_label(&g, buf, sizeof buf), "measure");
    g.kind = PX_NUM_MONEY;
    g.unit = (char *)"USD";
    assert_string_equal(px_number_group_label(&g, buf, sizeof buf), "money in USD");
    g.counted = (char *)"people killed";
    assert_string_equal(px_number_group_label(&g, buf, sizeof buf), "people killed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_disagreements),
        cmocka_unit_test(test_values_read_right),
        cmocka_unit_test(test_figure_words),
        cmocka_unit_test(test_figure_phrases),
        cmocka_unit_test(test_scope),
        cmocka_unit_test(test_verb_stops_at_the_next_figure),
        cmocka_unit_test(test_other_event_setting_owner),
        cmocka_unit_test(test_duration_of_a_thing),
        cmocka_unit_test(test_clock_and_place),
        cmocka_unit_test(test_unnamed_figures_aligned),
        cmocka_unit_test(test_likeness_of_distinct_words),
        cmocka_unit_test(test_agree_conflict_evolving),
        cmocka_unit_test(test_evolving_by_majority),
        cmocka_unit_test(test_sport_tallies),
        cmocka_unit_test(test_attribution_clause),
        cmocka_unit_test(test_hostile_numbers),
        cmocka_unit_test(test_quantity_model_parse),
        cmocka_unit_test(test_pairs_are_the_ones_weighed),
        cmocka_unit_test(test_link_signals),
        cmocka_unit_test(test_group_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
