/* test_timeline.c - temporal expressions (timex.c) resolved against the
 * article date, and the timeline of real stories (seeds, example corpus). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* The first temporal expression of text resolved against ref. */
static px_timex first_timex(const char *text, const char *ref)
{
    px_timexes m = {0};
    assert_int_equal(px_timex_find(text, strlen(text), ref, &m), PX_OK);
    if (m.n == 0)
        fail_msg("no expression found in: %s", text);
    px_timex d = m.v[0];
    px_timexes_free(&m);
    return d;
}

/* The first expression of text has this TIMEX3 value (and day), grain and
 * future flag. */
static void expect(const char *text, const char *ref, const char *value, px_date_grain grain, int future)
{
    px_timex d = first_timex(text, ref);
    if (strcmp(d.value, value) != 0 || d.grain != grain || d.future != future)
        fail_msg("%s (ref %s): got %s %s future=%d, want %s %s future=%d", text, ref, d.value,
                 px_date_grain_name(d.grain), d.future, value, px_date_grain_name(grain), future);
}

/* The first expression of text is the words want, of this type and value. */
static void expect_span(const char *text, const char *ref, const char *want, px_timex_type type,
                        const char *value)
{
    px_timex d = first_timex(text, ref);
    if (d.end - d.start != strlen(want) || strncmp(text + d.start, want, strlen(want)) != 0 ||
        d.type != type || strcmp(d.value, value) != 0)
        fail_msg("%s: got '%.*s' %s %s, want '%s' %s %s", text, (int)(d.end - d.start), text + d.start,
                 px_timex_type_name(d.type), d.value, want, px_timex_type_name(type), value);
}

static size_t count_timexes(const char *text, const char *ref)
{
    px_timexes m = {0};
    assert_int_equal(px_timex_find(text, strlen(text), ref, &m), PX_OK);
    size_t n = m.n;
    px_timexes_free(&m);
    return n;
}

/* Expression k of text (resolved against ref) is the words want with this
 * value ("" for null). */
static void expect_nth(const char *text, const char *ref, size_t k, const char *want, const char *value)
{
    px_timexes m = {0};
    assert_int_equal(px_timex_find(text, strlen(text), ref, &m), PX_OK);
    if (m.n <= k)
        fail_msg("%s: %zu expressions, want at least %zu", text, m.n, k + 1);
    px_timex d = m.v[k];
    px_timexes_free(&m);
    if (d.end - d.start != strlen(want) || strncmp(text + d.start, want, strlen(want)) != 0 ||
        strcmp(d.value, value) != 0)
        fail_msg("%s: expression %zu is '%.*s' %s, want '%s' %s", text, k, (int)(d.end - d.start),
                 text + d.start, d.value, want, value);
}

static void test_weekdays_resolve_to_the_past_unless_the_verb_looks_ahead(void **s)
{
    (void)s;
    /* The example corpus: the bridge fell on Tuesday 2025-03-04. */
    expect("The bridge collapsed at 6:12 a.m. on Tuesday.", "2025-03-04", "2025-03-04T06:12", PX_GRAIN_TIME, 0);
    expect("Most were on their way to work when it fell early Tuesday.", "2025-03-05", "2025-03-04",
           PX_GRAIN_DAY, 0);
    expect("The governor's office said a decision was expected by Friday.", "2025-03-06", "2025-03-07",
           PX_GRAIN_DAY, 1);
    expect("A temporary ferry service would begin Monday.", "2025-03-06", "2025-03-10", PX_GRAIN_DAY, 1);
    expect("A federal mediator will meet separately with Corran Energy Systems and the union "
           "representing workers at its Millbrook battery plant on Wednesday.",
           "2025-03-04", "2025-03-05", PX_GRAIN_DAY, 1);
    expect("The strike began at 12:01 a.m. Sunday.", "2025-03-04", "2025-03-02T00:01", PX_GRAIN_TIME, 0);
    /* A fronted weekday takes the tense of the verb after it. */
    expect("On Friday, the two banks said they had stopped the sales.", "2018-02-05", "2018-02-02",
           PX_GRAIN_DAY, 0);
    /* "next"/"last" decide whatever the tense. */
    expect("They met again next Monday.", "2025-03-05", "2025-03-10", PX_GRAIN_DAY, 1);
    expect("They will meet, as they did last Wednesday.", "2025-03-05", "2025-02-26", PX_GRAIN_DAY, 0);
    /* "this past" is last, "this coming" next. */
    expect("The vote is this coming Friday.", "2000-01-12", "2000-01-14", PX_GRAIN_DAY, 1);
    expect("This past Sunday the mill burned.", "2000-01-12", "2000-01-09", PX_GRAIN_DAY, 0);
    expect("The river froze this past March.", "2000-01-12", "1999-03", PX_GRAIN_MONTH, 0);
    expect("It snowed this past weekend.", "2000-01-12", "2000-W01-WE", PX_GRAIN_WEEK, 0);
}

static void test_verbs_that_do_not_set_the_tense(void **s)
{
    (void)s;
    /* "paid" after "will be" is no past: the modal before it decides. */
    expect("The increased dividend will be paid Dec. 14 to holders.", "1989-10-26", "1989-12-14",
           PX_GRAIN_DAY, 1);
    expect("The new bridge will be opened in March.", "2024-11-20", "2025-03", PX_GRAIN_MONTH, 1);
    /* "plans" as a noun looks nowhere; "planning for" looks ahead. */
    expect("On Friday, when the mayor set aside vacation plans for a visit, the council voted.", "2024-06-10",
           "2024-06-07", PX_GRAIN_DAY, 0);
    expect("Officials are planning for the summit in April.", "2024-12-05", "2025-04", PX_GRAIN_MONTH, 1);
}

/* "the next day" counts from the day the text last named; with none, it
 * stays unresolved rather than becoming tomorrow. */
static void test_days_counted_from_the_last_day_named(void **s)
{
    (void)s;
    px_timexes m = {0};
    const char *t = "The vote was held on May 3. The next day, shares rose. The following morning, they "
                    "fell. He had arrived the day before.";
    assert_int_equal(px_timex_find(t, strlen(t), "2024-05-15", &m), PX_OK);
    assert_int_equal(m.n, 4);
    assert_string_equal(m.v[1].value, "2024-05-04");
    assert_string_equal(m.v[2].value, "2024-05-05TMO");
    assert_string_equal(m.v[3].value, "2024-05-04");
    assert_int_equal(m.v[3].end - m.v[3].start, strlen("the day before"));
    px_timexes_free(&m);
    px_timex d = first_timex("The day after the vote, the markets opened. The next day, shares rose.", "2024-05-15");
    assert_string_equal(d.value, "");
    assert_int_equal(d.date[0], 0);
    assert_false(d.future);
}

static void test_quarters_halves_and_ends_of_year(void **s)
{
    (void)s;
    expect_span("Profit fell in Q3.", "2024-05-15", "Q3", PX_TIMEX_DATE, "2023-Q3");
    expect_span("Profit rose in 2Q.", "2024-05-15", "2Q", PX_TIMEX_DATE, "2024-Q2");
    expect_span("In Q1 2023, sales rose.", "2024-05-15", "Q1 2023", PX_TIMEX_DATE, "2023-Q1");
    expect_span("In the first half of 2023, sales rose.", "2024-05-15", "the first half of 2023", PX_TIMEX_DATE,
                "2023-H1");
    expect_span("Sales will rise in the second half of the year.", "2024-05-15", "the second half of the year",
                PX_TIMEX_DATE, "2024-H2");
    assert_int_equal(count_timexes("He scored in the first half of the match.", "2024-05-15"), 0);
    expect_span("The plant will be finished by year's end.", "2024-05-15", "year's end", PX_TIMEX_DATE, "2024");
    expect_span("Prices rose in mid-2022.", "2024-05-15", "mid-2022", PX_TIMEX_DATE, "2022");
    expect_span("The bank was founded in the late 1800s.", "2024-05-15", "the late 1800s", PX_TIMEX_DATE, "18XX");
    expect_span("Kidnappings rose in recent years.", "2024-05-15", "recent years", PX_TIMEX_DURATION, "PXY");
}

/* A date whose abbreviated month the sentence splitter took for a full
 * stop is still one date; a future-tense date ten months ahead is ahead. */
static void test_dates_across_a_false_boundary_and_far_ahead(void **s)
{
    (void)s;
    expect_span("The vote was held Dec. 5.", "2024-05-15", "Dec. 5", PX_TIMEX_DATE, "2023-12-05");
    expect("The summit will be held on Dec. 5 in Rome.", "2024-05-15", "2024-12-05", PX_GRAIN_DAY, 1);
}

/* A release quoted in an article counts its "today" from its own
 * dateline; "today, May 2, 2022" is that day. */
static void test_quoted_dateline_and_appositive_date(void **s)
{
    (void)s;
    px_timexes m = {0};
    const char *t = "CITY GROUP WARNS TRAVELLERS (May 2, 2022) \xe2\x80\x93 The group today issued an advisory.";
    assert_int_equal(px_timex_find(t, strlen(t), "2022-07-10", &m), PX_OK);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.v[0].value, "2022-05-02");
    assert_string_equal(m.v[1].value, "2022-05-02");
    px_timexes_free(&m);
    expect("The advisory is in effect beginning today, May 2, 2022, until further notice.", "2022-07-10",
           "2022-05-02", PX_GRAIN_DAY, 0);
    /* A date in the middle of prose is no dateline. */
    t = "The law passed on May 2, 2022 - and it is in force today.";
    assert_int_equal(px_timex_find(t, strlen(t), "2022-07-10", &m), PX_OK);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.v[1].value, "2022-07-10");
    px_timexes_free(&m);
}

static void test_the_evening_before(void **s)
{
    (void)s;
    /* Dated on Sunday, a weekday with no tense that is tomorrow is
     * tomorrow, not six days ago. */
    expect("The cabinet vote is Monday.", "2023-12-10", "2023-12-11", PX_GRAIN_DAY, 1);
    /* Published at 03:32 UTC on Tuesday: Monday night is the night just
     * past, even in the future tense where it was written. */
    expect("On Monday night, the full moon will reach its peak.", "2018-01-02T03:32:00Z",
           "2018-01-01TNI", PX_GRAIN_TIME, 0);
    /* Dated Monday evening for Tuesday's papers: "headed Tuesday" is
     * tomorrow, not six days ago. */
    expect("Albright headed Tuesday to East Africa.", "1998-08-17", "1998-08-18", PX_GRAIN_DAY, 1);
    /* ... but the day something was said is behind: "told Wednesday" in a
     * text dated Tuesday is six days back. */
    expect("The minister was told Wednesday by his aide that he had lost.", "1991-12-03", "1991-11-27",
           PX_GRAIN_DAY, 0);
    expect("The council said Friday it would appeal.", "2024-06-13", "2024-06-07", PX_GRAIN_DAY, 0);
    /* A weekday named again without a tense keeps the day it had. */
    px_timexes m = {0};
    const char *t = "The ship hit the bridge late Tuesday. The ship involved in Tuesday's accident was "
                    "bound for Basel.";
    assert_int_equal(px_timex_find(t, strlen(t), "2017-12-30", &m), PX_OK);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.v[0].value, "2017-12-26");
    assert_string_equal(m.v[1].value, "2017-12-26");
    px_timexes_free(&m);
}

static void test_explicit_date_wins_over_weekday(void **s)
{
    (void)s;
    expect_span("Officials met on Monday, Nov. 27, in Doha.", "2023-12-10", "Monday, Nov. 27",
                PX_TIMEX_DATE, "2023-11-27");
    /* Separate in the sentence, the same day: the written date wins even
     * where the tense would have chosen another week. */
    px_timexes m = {0};
    const char *t = "The talks will resume Thursday (Dec. 7) in Cairo.";
    assert_int_equal(px_timex_find(t, strlen(t), "2023-12-08", &m), PX_OK);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.v[0].value, "2023-12-07");
    px_timexes_free(&m);
}

static void test_scheduled_present_and_participles(void **s)
{
    (void)s;
    /* The present of a scheduled event looks ahead. */
    expect("The festival opens Friday.", "2024-05-14", "2024-05-17", PX_GRAIN_DAY, 1);
    expect("The new fare takes effect in March.", "2024-11-20", "2025-03", PX_GRAIN_MONTH, 1);
    /* ... its past does not. */
    expect("The levy took effect Aug. 9.", "2024-03-01", "2023-08-09", PX_GRAIN_DAY, 0);
    /* A participle after a determiner is an adjective, not a past tense:
     * the modal further back decides. */
    expect("The bonus will be paid on a still undecided date in February.", "2024-10-15", "2025-02",
           PX_GRAIN_MONTH, 1);
    /* "is to" looks ahead; a relative clause keeps its own verb. */
    expect("The hearings, which are to reopen Monday, were delayed.", "2024-05-15", "2024-05-20", PX_GRAIN_DAY, 1);
    expect("The mayor returns to the city Sunday.", "2024-05-15", "2024-05-19", PX_GRAIN_DAY, 1);
}

static void test_periods_counted_from_the_last_date_named(void **s)
{
    (void)s;
    /* "the following year", "that year": from the text's own time line, not
     * the article date. */
    expect_nth("The club was founded in 1971. The following year it won the league.", "2024-02-01", 1,
               "The following year", "1972");
    expect_nth("In May 2019 the mill closed. The following month its owner sold the land.", "2024-02-01", 1,
               "The following month", "2019-06");
    expect_nth("The bakery opened in 2004. That year it sold only bread.", "2024-02-01", 1, "That year", "2004");
    expect_nth("The bakery opened in 2004. The same year a rival moved in.", "2024-02-01", 1, "The same year",
               "2004");
    /* A month is not counted from a year. */
    expect_nth("The bakery opened in 2004. The following month was quiet.", "2024-02-01", 1,
               "The following month", "2024-03");
    /* "that year" with no year before it has no value; "the following
     * week" is counted from the article date. */
    expect_nth("That year was hard for farmers.", "2024-02-01", 0, "That year", "");
    /* ... nor from a year named long before, or counted from the article date */
    expect_nth("The bakery opened in 2004. It sold bread. It sold cakes. It sold pies. That year it closed.",
               "2024-02-01", 1, "That year", "");
    expect_nth("The bakery opened last year. That year it sold only bread.", "2024-02-01", 1, "That year", "");
    /* A clock time and its day apart by "local time on": one expression. */
    expect_span("The plane left at 11:36 am local time on Tuesday.", "2018-01-07", "11:36 am local time on Tuesday",
                PX_TIMEX_TIME, "2018-01-02T11:36");
    expect_nth("The panel will meet again the following week.", "2024-02-01", 0, "the following week",
               "2024-W06");
    /* A month without a year after a year standing alone in the same
     * sentence, both past, is in that year; not when it lies ahead. */
    expect_nth("In 1998 the club moved, and in March it lost its coach.", "2024-02-01", 1, "March", "1998-03");
    expect_nth("The coach, hired in 1998, will retire in March.", "2024-02-01", 1, "March", "2024-03");
    /* "next year" stays the article's. */
    expect_nth("The bakery opened in 2004. It will expand next year.", "2024-02-01", 1, "next year", "2025");
}

static void test_years_weeks_and_sets(void **s)
{
    (void)s;
    expect_span("Revenue rose in the year ended June 30.", "1999-12-01", "the year", PX_TIMEX_DURATION, "P1Y");
    expect_span("Margins should widen throughout the fiscal year.", "1999-12-01", "the fiscal year",
                PX_TIMEX_DURATION, "P1Y");
    expect_span("For the year, exports fell.", "1999-12-01", "the year", PX_TIMEX_DATE, "1999");
    expect_span("Frost slowed the harvest earlier in the year.", "1999-12-01", "the year", PX_TIMEX_DATE,
                "1999");
    expect_span("Sowing was held up earlier in the year by floods.", "1999-12-01", "the year", PX_TIMEX_DATE,
                "1999");
    assert_int_equal(count_timexes("The year was hard for farmers.", "1999-12-01"), 0);
    expect_span("The hearing was held the week of March 6.", "2000-04-01", "the week of March 6",
                PX_TIMEX_DATE, "2000-W10");
    expect_span("Exports were flat against the same period last year.", "1999-12-01", "the same period last year",
                PX_TIMEX_DATE, "1998");
    expect_nth("Profit rose in the third quarter. Costs were higher than in the same quarter last year.",
               "1999-12-01", 1, "the same quarter last year", "1998-Q3");
    expect_nth("Profit rose in the third quarter, above last year's third quarter.", "1999-12-01", 1,
               "last year's third quarter", "1998-Q3");
    expect_span("The vote closes at the end of the month.", "1999-12-01", "the end of the month",
                PX_TIMEX_DATE, "1999-12");
    expect_span("The ferry leaves at 8 o'clock.", "1999-12-01", "8 o'clock", PX_TIMEX_TIME, "1999-12-01T08:00");
    expect_span("The ferry leaves at 4 in the morning.", "1999-12-01", "4 in the morning", PX_TIMEX_TIME,
                "1999-12-01T04:00");
    expect_span("The bar closes at 11 at night.", "1999-12-01", "11 at night", PX_TIMEX_TIME, "1999-12-01T23:00");
    assert_int_equal(count_timexes("She teaches at 10 at night school.", "1999-12-01"), 0);
    expect_span("Rates rose in mid-October.", "1999-12-01", "mid-October", PX_TIMEX_DATE, "1999-10");
    expect_span("Over the years, the harbour silted up.", "1999-12-01", "the years", PX_TIMEX_DURATION, "PXY");
    expect_span("Shares have gained 20% since the start of the year.", "1999-12-01", "the start of the year",
                PX_TIMEX_DATE, "1999");
    expect_span("Profit fell from 1997's fourth quarter.", "1999-12-01", "1997's fourth quarter", PX_TIMEX_DATE,
                "1997-Q4");
    expect_span("They sailed last Thanksgiving following the storm.", "1999-12-01", "last Thanksgiving",
                PX_TIMEX_DATE, "1999-11-25");
    /* "the second half" is a half of the year a report speaks of, and of
     * nothing in a text that named no quarter (a match). */
    expect_nth("Sales fell in the third quarter. Profit should recover in the second half.", "1999-10-20", 1,
               "the second half", "1999-H2");
    assert_int_equal(count_timexes("The visitors scored twice in the second half.", "1999-10-20"), 0);
    /* Quarters and halves of a game: no dates in a text that is not about
     * money or business. */
    assert_int_equal(count_timexes("He was hurt in the third quarter. His partner was hurt in the second half.",
                                   "1999-10-20"),
                     0);
    expect_span("The mill's sales fell 4% in the third quarter.", "1999-10-20", "the third quarter", PX_TIMEX_DATE,
                "1999-Q3");
    expect_span("Output grew in FY2021.", "2023-05-01", "FY2021", PX_TIMEX_DATE, "2021");
    expect_span("Output grew in FY 2021.", "2023-05-01", "FY 2021", PX_TIMEX_DATE, "2021");
    expect_span("Cities will grow in the 21st century.", "2023-05-01", "21st century", PX_TIMEX_DATE, "20XX");
    expect_span("The offer ends Aug. 30.", "2023-02-01", "Aug. 30", PX_TIMEX_DATE, "2023-08-30");
    expect_span("The choir sings each December.", "2000-04-01", "each December", PX_TIMEX_SET, "XXXX-12");
    expect_span("The museum is closed on Mondays.", "2000-04-01", "Mondays", PX_TIMEX_SET, "XXXX-WXX-1");
}

/* Counts of a half (5 1/2 hours, a year and a half) are in the next
 * smaller unit; "more" and a kind of day may stand between a count and
 * its unit; "a hundred" is a count. */
static void test_durations_with_halves_and_words_between(void **s)
{
    (void)s;
    expect_span("The crew rested for 3 1/2 hours.", "2001-06-01", "3 1/2 hours", PX_TIMEX_DURATION, "PT3H30M");
    expect_span("The vote took two and a half hours.", "2001-06-01", "two and a half hours", PX_TIMEX_DURATION,
                "PT2H30M");
    expect_span("The repairs took a year and a half.", "2001-06-01", "a year and a half", PX_TIMEX_DURATION,
                "P18M");
    expect_span("The bridge stays shut for 12 more days.", "2001-06-01", "12 more days", PX_TIMEX_DURATION,
                "P12D");
    expect_span("Buyers have five business days to cancel.", "2001-06-01", "five business days",
                PX_TIMEX_DURATION, "P5D");
    expect_span("The mill ran for almost a hundred years.", "2001-06-01", "a hundred years", PX_TIMEX_DURATION,
                "P100Y");
    assert_int_equal(count_timexes("The union has three trading partners.", "2001-06-01"), 0);
}

/* Weeks named from a month (a week belongs to the month of its Thursday),
 * "earlier in the week" (said on a Monday: the week before), the quarter
 * of a report a year back, a clock time with the part of the day. */
static void test_weeks_of_a_month_and_parts_of_periods(void **s)
{
    (void)s;
    expect_span("Shipments resume in the first week of March.", "2001-02-10", "the first week of March",
                PX_TIMEX_DATE, "2001-W09");
    expect_span("Stocks sagged in the last week of January.", "2001-02-10", "the last week of January",
                PX_TIMEX_DATE, "2001-W04");
    expect_span("The mayor resigned earlier in the week.", "2001-02-08", "the week", PX_TIMEX_DATE, "2001-W06");
    expect_span("The mayor resigned earlier in the week.", "2001-02-05", "the week", PX_TIMEX_DATE, "2001-W05");
    expect_span("Tolls will rise later in the month.", "2001-02-08", "the month", PX_TIMEX_DATE, "2001-02");
    expect_nth("The bank earned more in the third quarter. In the quarter a year ago, it lost $2 million.",
               "2001-10-25", 1, "the quarter a year ago", "2000-Q3");
    expect_span("The ferry sails at 7:30 tonight.", "2001-02-08", "7:30 tonight", PX_TIMEX_TIME,
                "2001-02-08T19:30");
    expect_span("Guards heard shots at 11:40 last night.", "2001-02-08", "11:40 last night", PX_TIMEX_TIME,
                "2001-02-07T23:40");
}

/* A range runs forward: its end, written without a year, is not put
 * before its start, nor its start after its end. */
static void test_a_range_runs_forward(void **s)
{
    (void)s;
    expect_nth("The fair runs from May 1 to June 30.", "2001-03-18", 1, "June 30", "2001-06-30");
    expect_nth("The fair ran from Oct. 1 to Jan. 31, 2001.", "2001-12-01", 0, "Oct. 1", "2000-10-01");
    expect_nth("Sign-up is open between Nov. 1, 2001 and Jan. 31.", "2001-10-20", 1, "Jan. 31", "2002-01-31");
}

/* The date finder tries its matchers only at a token that one of them
 * tests first (may_start in timex.c): every kind of first word still
 * starts its expression, in lower case, with a capital, a hyphen or a
 * digit. */
static void test_every_first_word_still_starts_an_expression(void **s)
{
    (void)s;
    static const struct {
        const char *text, *want;
        px_timex_type type;
        const char *value;
    } cases[] = {
        {"They met a few days ago.", "a few days ago", PX_TIMEX_DATE, "PAST_REF"},
        {"The vote came several weeks later.", "several weeks", PX_TIMEX_DURATION, "PXW"},
        {"She left twenty-four hours later.", "twenty-four hours", PX_TIMEX_DURATION, "PT24H"},
        {"The club meets every other week.", "every other week", PX_TIMEX_SET, "P2W"},
        {"Prices are checked daily by the clerks.", "daily", PX_TIMEX_SET, "P1D"},
        {"Fees rose in recent years.", "recent years", PX_TIMEX_DURATION, "PXY"},
        {"The plant reopened the following year.", "the following year", PX_TIMEX_DATE, "2000"},
        {"The bridge reopened that week.", "that week", PX_TIMEX_DATE, ""},
        {"The figures are due by year-end.", "year-end", PX_TIMEX_DATE, "1999"},
        {"Bus fares are lower these days.", "these days", PX_TIMEX_DATE, "PRESENT_REF"},
        {"Rates will stay low for the foreseeable future.", "the foreseeable future", PX_TIMEX_DATE, "FUTURE_REF"},
        {"The shop opens at noon.", "noon", PX_TIMEX_TIME, "1999-12-01T12:00"},
        {"The ferry sank in nineteen ninety-six.", "nineteen ninety-six", PX_TIMEX_DATE, "1996"},
        {"Jazz clubs thrived in the nineties.", "nineties", PX_TIMEX_DATE, "199X"},
        {"The budget for fiscal 2023 grew.", "fiscal 2023", PX_TIMEX_DATE, "2023"},
        {"Sales fell in the year-ago quarter.", "the year-ago quarter", PX_TIMEX_DATE, "1998-Q3"},
        {"Profit rose in the first half of 2023.", "the first half of 2023", PX_TIMEX_DATE, "2023-H1"},
        {"Exports rose this spring.", "this spring", PX_TIMEX_DATE, "1999-SP"},
        {"Turnout was high yesterday.", "yesterday", PX_TIMEX_DATE, "1999-11-30"},
        {"The mine closed two decades ago.", "two decades ago", PX_TIMEX_DATE, "197X"},
        {"Output grew in Q3 2023.", "Q3 2023", PX_TIMEX_DATE, "2023-Q3"},
        {"The road reopens on Christmas Eve.", "Christmas Eve", PX_TIMEX_DATE, "1999-12-24"},
        {"Sales rose in the latest quarter.", "the latest quarter", PX_TIMEX_DATE, "1999-Q3"},
        {"They met again the previous day.", "the previous day", PX_TIMEX_DATE, ""},
        {"Officials met in mid-2022.", "mid-2022", PX_TIMEX_DATE, "2022"},
        {"It will be decided within months.", "months", PX_TIMEX_DURATION, "PXM"},
        {"The lab runs two tests per hour.", "per hour", PX_TIMEX_SET, "PT1H"},
        {"The strike ended at midnight.", "midnight", PX_TIMEX_TIME, "1999-12-01T00:00"},
        {"Sales rose in the third-quarter of 2023.", "the third-quarter of 2023", PX_TIMEX_DATE, "2023-Q3"},
        {"Nurses work on Mondays.", "Mondays", PX_TIMEX_SET, "XXXX-WXX-1"},
        {"The talks resume in January.", "January", PX_TIMEX_DATE, "2000-01"},
        {"Fees were cut the same month.", "the same month", PX_TIMEX_DATE, ""},
        {"Ticket sales collapsed this past week.", "past week", PX_TIMEX_DATE, "1999-W47"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_span(cases[i].text, "1999-12-01", cases[i].want, cases[i].type, cases[i].value);
}

static void test_relative_periods(void **s)
{
    (void)s;
    expect("The authority closed one lane last week.", "2025-03-04", "2025-W09", PX_GRAIN_WEEK, 0);
    expect("Bids are due next week.", "2025-03-06", "2025-W11", PX_GRAIN_WEEK, 1);
    expect("It hired a contractor last year.", "2025-03-04", "2024", PX_GRAIN_YEAR, 0);
    expect("Engineers warned two years ago that the bearings were corroding.", "2025-03-06", "2023",
           PX_GRAIN_YEAR, 0);
    expect("The work was completed in November.", "2025-03-05", "2024-11", PX_GRAIN_MONTH, 0);
    expect("Officials met yesterday.", "2023-11-01", "2023-10-31", PX_GRAIN_DAY, 0);
    expect("It happened three days ago.", "2024-03-01", "2024-02-27", PX_GRAIN_DAY, 0);
    expect("Profit rose in the third quarter.", "1989-10-30", "1989-Q3", PX_GRAIN_QUARTER, 0);
    expect("Sales fell last spring.", "2024-01-15", "2023-SP", PX_GRAIN_SEASON, 0);
    expect("Prices doubled in the 1990s.", NULL, "199X", PX_GRAIN_DECADE, 0);
}

static void test_types_and_values(void **s)
{
    (void)s;
    expect_span("The talks lasted three days.", "2024-01-10", "three days", PX_TIMEX_DURATION, "P3D");
    expect_span("He signed a 10-year lease.", "2024-01-10", "10-year", PX_TIMEX_DURATION, "P10Y");
    expect_span("It fell over the last twenty four hours.", "2024-01-10", "the last twenty four hours",
                PX_TIMEX_DURATION, "PT24H");
    expect_span("Prices are checked daily.", "2024-01-10", "daily", PX_TIMEX_SET, "P1D");
    expect_span("Cleaners earn $15 an hour.", "2024-01-10", "an hour", PX_TIMEX_SET, "PT1H");
    /* Decades and centuries are counted in years, as "two decades" (P20Y) is. */
    expect_span("The harbour stood empty for decades.", "2024-01-10", "decades", PX_TIMEX_DURATION, "PXY");
    expect_span("It ended a years-long feud.", "2024-01-10", "years-long", PX_TIMEX_DURATION, "PXY");
    expect_span("The market opens every Monday.", "2024-01-10", "every Monday", PX_TIMEX_SET, "XXXX-WXX-1");
    expect_span("Prices are high now.", "2024-01-10", "now", PX_TIMEX_DATE, "PRESENT_REF");
    expect_span("The plant closed at 3 p.m. Tuesday.", "2024-01-10", "3 p.m. Tuesday", PX_TIMEX_TIME,
                "2024-01-09T15:00");
    expect_span("He was rescued on Thanksgiving Day.", "1999-12-01", "Thanksgiving Day", PX_TIMEX_DATE,
                "1999-11-25");
    expect_span("In nineteen ninety-one he was convicted.", "1998-01-08", "nineteen ninety-one",
                PX_TIMEX_DATE, "1991");
    expect_span("Numbers fell through the nineties.", "1998-01-08", "nineties", PX_TIMEX_DATE, "199X");
    /* A clock time with no day is on the day the text last named. */
    px_timexes c = {0};
    const char *crash = "The plane took off at 12:10 p.m. Sunday. Officials heard of the crash around 12:20 p.m.";
    assert_int_equal(px_timex_find(crash, strlen(crash), "2018-01-01", &c), PX_OK);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.v[1].value, "2017-12-31T12:20");
    px_timexes_free(&c);
    /* In a report on quarters, "a year ago" is the same quarter a year
     * before. */
    px_timexes m = {0};
    const char *t = "Net income rose in the third quarter. It was $5 million a year ago.";
    assert_int_equal(px_timex_find(t, strlen(t), "1989-10-30", &m), PX_OK);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.v[1].value, "1988-Q3");
    px_timexes_free(&m);
}

static void test_absolute_dates(void **s)
{
    (void)s;
    expect("Hamas attacked Israel on Oct. 7, killing about 1,200 people.", "2023-10-31", "2023-10-07",
           PX_GRAIN_DAY, 0);
    expect("the brutal attack on October 7th", "2023-10-31", "2023-10-07", PX_GRAIN_DAY, 0);
    expect("after the horrific attacks of Oct. 7, Netanyahu said", "2023-12-04", "2023-10-07", PX_GRAIN_DAY, 0);
    expect("In February 2023 the talks stalled.", "2024-05-01", "2023-02", PX_GRAIN_MONTH, 0);
    expect("It was signed on 7 October 2023.", NULL, "2023-10-07", PX_GRAIN_DAY, 0);
    expect("The bridge opened in 1961.", NULL, "1961", PX_GRAIN_YEAR, 0);
    expect("The memo was written on Dec. 20.", "2024-01-10", "2023-12-20", PX_GRAIN_DAY, 0);
    /* A date a few weeks ahead with no tense is ahead; far ahead it is not. */
    expect("The rights expire Nov. 21.", "1989-11-02", "1989-11-21", PX_GRAIN_DAY, 1);
    expect("The Oct. 7 attacks changed everything.", "2024-03-01", "2023-10-07", PX_GRAIN_DAY, 0);
}

static void test_names_and_furniture_are_not_dates(void **s)
{
    (void)s;
    const char *names[] = {
        "She told USA Today about it.",
        "He appeared on the Today show.",
        "Theresa May spoke to reporters.",
        "The Sunday Times reported the deal.",
        "He told CBS's 60 Minutes that he would run.",
        "You can stream it on PS Now.",
        "Officials may decide to march on.",
        "Section 4 bearings failed. The 1,200 workers struck.",
        "He read it in the Neue Zeitung daily.",
        "A truck drove into a Christmas market.",
        "January February March April May June July August",
        "Archive: December 2023 (4) November 2023 (12) October 2023 (9) September 2023 (3)",
        "Best budget phones of 2022 ranked Wed, June 8, 2022 Our team tests the 2022 models Play slideshow 1 of 9",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (count_timexes(names[i], "2023-12-10") != 0)
            fail_msg("found a date in: %s", names[i]);
    assert_int_equal(count_timexes("", "not a date"), 0);
    /* "previously" inside a clause is a manner; opening one, a time. */
    assert_int_equal(count_timexes("The board rejected a previously announced plan.", "2023-12-10"), 0);
    expect_span("Previously, the board had rejected it.", "2023-12-10", "Previously", PX_TIMEX_DATE, "PAST_REF");
    /* The weekday written in full is prose, not a listing stamp. */
    assert_int_equal(count_timexes("The phones went on sale on Wednesday, June 8, 2022 in Seoul.", "2023-12-10"), 1);
    /* "since 2001" starts a span; "since the Oct. 7 attacks" names the day. */
    px_timex d = first_timex("Trends since 2001 show a decline.", "2023-12-10");
    assert_true(d.since);
    d = first_timex("He has spoken with Herzog since the Oct. 7 attacks.", "2023-12-10");
    assert_false(d.since);
    assert_string_equal(d.value, "2023-10-07");
}

static void test_undated_articles_stay_unresolved(void **s)
{
    (void)s;
    px_timex d = first_timex("Ten years ago, this telescope did not exist.", NULL);
    assert_string_equal(d.value, "");
    assert_true(d.relative);
    /* Without a reference date "Oct. 6" stays unresolved, and the comma
     * after it is not part of it. */
    const char *undated = "On Oct. 6, officials met.";
    d = first_timex(undated, NULL);
    assert_string_equal(d.value, "");
    assert_int_equal(d.end - d.start, strlen("Oct. 6"));
    d = first_timex(undated, "garbage");
    assert_string_equal(d.value, "");
}

/* One very long sentence and a giant document: every expression is found
 * once and lies inside the text (linear work is measured in bench/). */
static void test_giant_inputs(void **s)
{
    (void)s;
    const char unit[] = "on Monday and ";
    size_t reps = 100000 / 3, len = reps * (sizeof unit - 1);
    char *big = malloc(len + 1);
    assert_non_null(big);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * (sizeof unit - 1), unit, sizeof unit - 1);
    big[len] = 0;
    px_timexes m = {0};
    assert_int_equal(px_timex_find(big, len, "2024-05-01", &m), PX_OK);
    assert_int_equal(m.n, reps);
    for (size_t i = 0; i < m.n; i++) {
        assert_true(m.v[i].end <= len);
        assert_string_equal(m.v[i].value, "2024-04-29");
    }
    px_timexes_free(&m);
    free(big);
}

static void test_seeds_october_7(void **s)
{
    (void)s;
    tu_result r;
    const char *dir = tu_shared("seeds");
    tu_read(&r, &dir, 1, NULL);
    assert_true(r.n >= 5);
    int dated = 0, undated = 0;
    for (size_t a = 0; a < r.n; a++) {
        const px_article *art = r.articles[a];
        px_timexes m = {0};
        assert_int_equal(px_timex_find(art->body, strlen(art->body), art->date, &m), PX_OK);
        for (size_t i = 0; i < m.n; i++) {
            const char *w = art->body + m.v[i].start;
            if (strncmp(w, "Oct. 7", 6) != 0 && strncmp(w, "October 7", 9) != 0)
                continue;
            if (art->date) {
                assert_string_equal(m.v[i].value, "2023-10-07");
                assert_false(m.v[i].future);
                dated++;
            } else {
                assert_string_equal(m.v[i].value, "");
                undated++;
            }
        }
        px_timexes_free(&m);
    }
    assert_true(dated >= 2);
    assert_true(undated >= 1);
    tu_result_free(&r);
}

static void test_seed_timeline_has_october_7(void **s)
{
    (void)s;
    tu_result r;
    const char *dir = tu_shared("seeds");
    px_story_text *st = tu_read_story(&r, &dir, 1, NULL);
    px_timeline t;
    assert_int_equal(px_timeline_build(st, &t, NULL), PX_OK);
    int found = 0;
    for (size_t i = 0; i < t.n; i++) {
        if (i > 0)
            assert_true(strcmp(t.events[i - 1].date, t.events[i].date) <= 0);
        assert_true(t.events[i].n_sources >= 1);
        if (strcmp(t.events[i].date, "2023-10-07") == 0 && t.events[i].grain == PX_GRAIN_DAY)
            found = 1;
    }
    assert_true(found);
    px_timeline_free(&t);
    px_story_text_free(st);
    tu_result_free(&r);
}

/* A sentence that names several dates is placed once, at its most
 * precise date (the first of equals), not once per date. */
static void test_one_place_per_sentence(void **s)
{
    (void)s;
    static const char text[] = "Title: Driver retires\nDate: 2016-11-13\n\n"
                               "Tomas Ferrand raced for the team from 1994 to 2003, its longest career.\n\n"
                               "Ferrand was born on September 30, 1975 in Lyon and made his debut in 1994.\n\n"
                               "He said on Sunday that he would not race again.\n";
    char *path = tu_write_temp(text, sizeof text - 1, ".txt");
    const char *paths[] = {path};
    tu_result r;
    px_story_text *st = tu_read_story(&r, paths, 1, NULL);
    px_timeline t;
    assert_int_equal(px_timeline_build(st, &t, NULL), PX_OK);
    int career = 0, born = 0;
    for (size_t i = 0; i < t.n; i++) {
        const px_timeline_event *ev = &t.events[i];
        for (size_t k = 0; k < i; k++)
            for (size_t a = 0; a < ev->n_sentences; a++)
                for (size_t b = 0; b < t.events[k].n_sentences; b++)
                    assert_true(ev->sentences[a] != t.events[k].sentences[b]);
        career += strstr(ev->text, "longest career") != NULL;
        born += strstr(ev->text, "born") != NULL;
        if (strstr(ev->text, "longest career"))
            assert_true(strncmp(ev->date, "1994", 4) == 0 && ev->grain == PX_GRAIN_YEAR);
        if (strstr(ev->text, "born"))
            assert_string_equal(ev->date, "1975-09-30");
    }
    assert_int_equal(career, 1);
    assert_int_equal(born, 1);
    px_timeline_free(&t);
    px_story_text_free(st);
    tu_result_free(&r);
    unlink(path);
    free(path);
}

static void test_example_bridge_timeline(void **s)
{
    (void)s;
    px_sources *src = NULL;
    assert_int_equal(px_sources_load(&src, "examples/sources.csv", NULL), PX_OK);
    const char *paths[] = {"examples/corpus/harbor-herald--bridge-collapse.txt",
                           "examples/corpus/national-tribune--bridge-repair-cost.txt",
                           "examples/corpus/meridian-times--port-alder-inspection.txt"};
    tu_result r;
    px_story_text *st = tu_read_story(&r, paths, 3, src);
    px_timeline t;
    assert_int_equal(px_timeline_build(st, &t, NULL), PX_OK);
    int collapse = 0, jan5 = 0, ferry = 0;
    for (size_t i = 0; i < t.n; i++) {
        const px_timeline_event *ev = &t.events[i];
        if (strcmp(ev->date, "2025-03-04") == 0 && strstr(ev->text, "collapsed"))
            collapse = 1;
        if (strcmp(ev->date, "2025-01-05") == 0)
            jan5 = 1;
        if (strcmp(ev->date, "2025-03-10") == 0 && ev->future && strstr(ev->text, "ferry"))
            ferry = 1;
    }
    assert_true(collapse);
    assert_true(jan5);
    assert_true(ferry);
    px_timeline_free(&t);
    px_story_text_free(st);
    tu_result_free(&r);
    px_sources_free(src);
}

static px_article *story_article(const char *source, const char *date, const char *body)
{
    px_article *a = px_article_new();
    assert_non_null(a);
    assert_int_equal(px_set_str(&a->source, source), PX_OK);
    assert_int_equal(px_set_str(&a->body, body), PX_OK);
    if (date)
        assert_int_equal(px_set_str(&a->date, date), PX_OK);
    return a;
}

/* An undated article that counts a time from an event ("three days after
 * the attack") is dated that long after the day the story gives the
 * event; one that counts from an event the story never dates, or counts
 * nothing, takes the story's median date; a dated article keeps its own. */
static void test_undated_article_counts_from_the_story_event(void **s)
{
    (void)s;
    px_article *v[4];
    v[0] = story_article("Daily A", "2024-03-01", "Gunmen attacked the market in Sadr on Feb. 2, officials said. "
                         "The attack on Feb. 2 killed ten people.");
    v[1] = story_article("Daily B", NULL, "Three days after the attack, traders in Sadr reopened their stalls "
                         "under police guard.");
    v[2] = story_article("Daily C", NULL, "Two years after the flood, the market in Sadr was rebuilt by traders "
                         "who lost their stalls.");
    v[3] = story_article("Daily D", NULL, "The market in Sadr reopened with police guarding the stalls, "
                         "traders said.");
    px_story_report *rep = NULL;
    assert_int_equal(px_compare_story(v, 4, NULL, &rep, NULL), PX_OK);
    assert_string_equal(v[0]->date, "2024-03-01");
    assert_false(v[0]->date_estimated);
    assert_string_equal(v[1]->date, "2024-02-05");
    assert_true(v[1]->date_estimated);
    assert_string_equal(v[2]->date, "2024-03-01"); /* no flood in the story: the median */
    assert_true(v[2]->date_estimated);
    assert_string_equal(v[3]->date, "2024-03-01");
    px_story_report_free(rep);
    for (size_t i = 0; i < 4; i++)
        px_article_free(v[i]);
}

/* The day the story gives an event is the day named most often in the
 * sentences that name it, each expression counted once however often its
 * sentence names the event, the earlier day on a tie. */
static void test_event_day_is_the_most_named_earliest_on_a_tie(void **s)
{
    (void)s;
    px_article *v[2];
    v[0] = story_article("Daily A", "2024-03-01", "The attack on Feb. 4 followed an earlier attack, officials said. "
                         "The attack on Feb. 2 killed ten people.");
    v[1] = story_article("Daily B", NULL, "Three days after the attack, traders in Sadr reopened their stalls "
                         "under police guard.");
    px_story_report *rep = NULL;
    assert_int_equal(px_compare_story(v, 2, NULL, &rep, NULL), PX_OK);
    assert_string_equal(v[1]->date, "2024-02-05"); /* Feb. 2 and Feb. 4 once each: Feb. 2, plus three days */
    assert_true(v[1]->date_estimated);
    px_story_report_free(rep);
    for (size_t i = 0; i < 2; i++)
        px_article_free(v[i]);
}

/* An undated article takes the story's date, but may have been written
 * later: what it names after that estimate ("a poll from December") is not
 * put in the timeline as a future date; a dated article's future stays. */
static void test_estimated_date_places_nothing_in_the_future(void **s)
{
    (void)s;
    px_article *v[3];
    v[0] = story_article("Daily A", "2024-10-31", "The council voted on the harbour plan on Oct. 29, officials said. "
                         "The harbour plan will be put to a referendum in December.");
    v[1] = story_article("Daily B", "2024-10-31", "The harbour plan passed the council on Oct. 29 by one vote.");
    v[2] = story_article("Daily C", NULL, "The harbour plan passed the council on Oct. 29. Most residents back "
                         "the harbour plan, according to a poll from December.");
    px_story_report *rep = NULL;
    assert_int_equal(px_compare_story(v, 3, NULL, &rep, NULL), PX_OK);
    assert_true(v[2]->date_estimated);
    const px_timeline *t = &rep->timeline;
    int december = 0, october_29 = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->events[i].date, "2024-12-01") == 0) {
            december++;
            assert_non_null(strstr(t->events[i].text, "referendum")); /* the dated article's */
        }
        october_29 += strcmp(t->events[i].date, "2024-10-29") == 0;
        assert_true(!t->events[i].future || strcmp(t->events[i].date, "2024-12-01") == 0);
    }
    assert_int_equal(december, 1);
    assert_true(october_29 >= 1);
    assert_true(t->unresolved >= 1);
    px_story_report_free(rep);
    for (size_t i = 0; i < 3; i++)
        px_article_free(v[i]);
}

/* "More than five weeks into the war" in an undated seed: the story dates
 * the war's start on Oct. 7, 2023 (from the dated seed's "Oct. 7
 * attacks"), so the seed is dated 35 days later. */
static void test_seed_counted_from_october_7(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds"), NULL);
    px_story_report *rep = NULL;
    assert_int_equal(px_compare_story(r.articles, r.n, NULL, &rep, NULL), PX_OK);
    int seen = 0;
    for (size_t i = 0; i < r.n; i++)
        if (strstr(r.articles[i]->body, "five weeks into the war")) {
            seen++;
            assert_true(r.articles[i]->date_estimated);
            assert_string_equal(r.articles[i]->date, "2023-11-11");
        }
    assert_int_equal(seen, 1);
    px_story_report_free(rep);
    tu_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekdays_resolve_to_the_past_unless_the_verb_looks_ahead),
        cmocka_unit_test(test_verbs_that_do_not_set_the_tense),
        cmocka_unit_test(test_days_counted_from_the_last_day_named),
        cmocka_unit_test(test_quarters_halves_and_ends_of_year),
        cmocka_unit_test(test_dates_across_a_false_boundary_and_far_ahead),
        cmocka_unit_test(test_quoted_dateline_and_appositive_date),
        cmocka_unit_test(test_the_evening_before),
        cmocka_unit_test(test_explicit_date_wins_over_weekday),
        cmocka_unit_test(test_scheduled_present_and_participles),
        cmocka_unit_test(test_periods_counted_from_the_last_date_named),
        cmocka_unit_test(test_years_weeks_and_sets),
        cmocka_unit_test(test_relative_periods),
        cmocka_unit_test(test_every_first_word_still_starts_an_expression),
        cmocka_unit_test(test_types_and_values),
        cmocka_unit_test(test_absolute_dates),
        cmocka_unit_test(test_names_and_furniture_are_not_dates),
        cmocka_unit_test(test_undated_articles_stay_unresolved),
        cmocka_unit_test(test_giant_inputs),
        cmocka_unit_test(test_seeds_october_7),
        cmocka_unit_test(test_seed_timeline_has_october_7),
        cmocka_unit_test(test_one_place_per_sentence),
        cmocka_unit_test(test_durations_with_halves_and_words_between),
        cmocka_unit_test(test_a_range_runs_forward),
        cmocka_unit_test(test_weeks_of_a_month_and_parts_of_periods),
        cmocka_unit_test(test_example_bridge_timeline),
        cmocka_unit_test(test_undated_article_counts_from_the_story_event),
        cmocka_unit_test(test_event_day_is_the_most_named_earliest_on_a_tie),
        cmocka_unit_test(test_seed_counted_from_october_7),
        cmocka_unit_test(test_estimated_date_places_nothing_in_the_future),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
