/*
 * parallax/numbers.h - numeric claims: what number, about what, on whose
 * authority, and the same quantity compared across the articles of a story.
 *
 * A claim is a number (digits, "1.4 million", "$17M", "49%", spelled
 * numbers "five", vague amounts "dozens", "thousands") with its qualifier
 * ("more than", "at least", "about", "nearly", "an estimated", "up to",
 * "fewer than"), unit, the noun phrase it counts ("people killed",
 * "Palestinians", "State Department employees") and the attribution of the
 * sentence ("according to Palestinian health authorities", "officials
 * said", "a Gallup poll"). Years, clock times, dates, street and section
 * numbers are not claims ("October 7", "2023", "6:12 a.m.", "Section 4").
 *
 * Offsets are byte offsets into a->body.
 */
#ifndef PARALLAX_NUMBERS_H
#define PARALLAX_NUMBERS_H

#include "entities.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum px_number_kind {
    PX_NUM_COUNT = 0,    /* 18,000 people; two diplomats; dozens */
    PX_NUM_MONEY = 1,    /* $1.2 billion (unit: currency code) */
    PX_NUM_PERCENT = 2,  /* 49%, 4.75 percent, 0.3 percentage points */
    PX_NUM_AGE = 3,      /* Tomasz Lindell, 34; a 61-year-old */
    PX_NUM_DURATION = 4, /* five weeks, 14 years (unit: day/week/month/year/hour/minute) */
    PX_NUM_MEASURE = 5,  /* 5 kilometers, 39 million miles, 1,900-foot */
    PX_NUM_SPORT = 6,    /* a game's tally: runs, innings, outs, laps, points */
    PX_NUM_SCORE = 7,    /* one side of a score, record or vote: "8-7", "50-32-1"
                            give a claim per figure */
    PX_NUM_ORDINAL = 8   /* a rank or place in a series: "the 28th lap", "16th" */
} px_number_kind;

/* "count", "money", "percent", "age", "duration", "measure", "sport",
 * "score", "ordinal". */
const char *px_number_kind_name(px_number_kind k);

/* What the qualifier says about the true value. */
typedef enum px_bound {
    PX_BOUND_EXACT = 0,  /* 17 */
    PX_BOUND_ABOUT = 1,  /* about, nearly, almost, an estimated, roughly */
    PX_BOUND_LOWER = 2,  /* more than, at least, over */
    PX_BOUND_UPPER = 3,  /* fewer than, less than, up to, under */
    PX_BOUND_RANGE = 4   /* 20-25 mph, between 50 and 60: value is the lower end */
} px_bound;

/* Which event a claim's sentence speaks of. */
typedef enum px_scope {
    PX_SCOPE_EVENT = 0,      /* the article's own event */
    PX_SCOPE_BACKGROUND = 1, /* another time or event: "in 2015", "last year's" */
    PX_SCOPE_FURNITURE = 2   /* captions, fact boxes, "READ MORE" lines */
} px_scope;

typedef struct px_number {
    px_number_kind kind;
    size_t start, end;   /* the number as written, qualifier included */
    char *text;          /* body[start:end] */
    double value;        /* 18000, 1200000000, 49; a range its lower end
                            (high: its upper end); vague amounts use a
                            representative value (dozens 24, thousands
                            2000) and set vague */
    double high;         /* upper end of a range, else value */
    int vague;
    char *unit;          /* "USD", "EUR", "GBP", "%", "percentage points",
                            "km", "mile", "week", ... or NULL for counts */
    char *qualifier;     /* as written, lower case ("more than"), or NULL */
    px_bound bound;
    char *counted;       /* the noun phrase counted ("people killed",
                            "hostages"), lower case, or NULL */
    char *attribution;   /* the authority ("Palestinian health
                            authorities", "police"), or NULL */
    char *owner;         /* the person an attribute belongs to (an age,
                            a lap, a measure naming no thing): the
                            nearest name the entity tagger calls a person
                            in the figure's clause, lower case, or NULL */
    px_scope scope;
    int update;          /* the sentence reports a change: "rose to",
                            "climbed to", "updated" */
    int part;            /* a part of a figure named with it: "three
                            Algerians were among the 84 killed" */
    size_t sentence_start, sentence_end;
} px_number;

typedef struct px_number_list {
    px_number *v;
    size_t n, cap;
} px_number_list;

void px_number_list_init(px_number_list *l);
void px_number_list_clear(px_number_list *l);

/* Appends the numeric claims of a->body to out, in text order. Returns
 * PX_OK or PX_ENOMEM. */
int px_numbers_extract(const px_article *a, px_number_list *out);

/* How the outlets' reports of one quantity relate. */
typedef enum px_quantity_status {
    PX_QTY_AGREE = 0,    /* same figure within rounding and bounds */
    PX_QTY_CONFLICT = 1, /* figures that cannot both be right */
    PX_QTY_EVOLVING = 2  /* later reports give a later state */
} px_quantity_status;

/* The confidence from which a group of this status is shown in the
 * report's main sections (the rest only with --full and in JSON): set with
 * the learned model (data/quantity-model.tsv) on the tuning half of the
 * quantity gold. */
double px_numbers_shown_from(px_quantity_status s);

/* Claims about the same quantity across articles. */
typedef struct px_number_group {
    char *key;           /* kind + unit + head noun + what is said of it,
                            e.g. "count||people|killed"; stable within one run */
    px_number_kind kind;
    char *unit;
    char *counted;       /* the most common counted phrase of the members */
    px_ref *members;     /* in the order of the input lists */
    size_t n_members;
    size_t n_articles;   /* distinct articles */
    int conflict;        /* values disagree beyond rounding and bounds */
    px_quantity_status status;
    double confidence;   /* 0..1: how surely the disagreeing figures are
                            reports of one quantity (agreements: 1) */
    char *evidence;      /* what the confidence rests on, for a reader */
    double min, max;
} px_number_group;

typedef struct px_number_groups {
    px_number_group *v;
    size_t n, cap;
} px_number_groups;

void px_number_groups_clear(px_number_groups *g);

/* Is the group shown in a report's main sections: an agreement of two
 * outlets' figures, or a disagreement of confidence at least
 * px_numbers_shown_from? */
int px_number_group_shown(const px_number_group *g);
/* What a group is about, for a reader: the thing counted ("people
 * killed"), else the quantity its unit measures ("speed in mph",
 * "distance in km"), else its kind ("money in USD", "measure"). Written
 * into buf (n bytes) when not the group's own text. */
const char *px_number_group_label(const px_number_group *g, char *buf, size_t n);

/* Groups the event claims of several articles by what they count (kind,
 * unit, the head noun of the counted phrase and what is said of it; claims
 * naming no quantity, background and furniture are left out), keeping only groups with
 * members from two or more articles. Two conflicting values inside one
 * article count different things (the Oct. 7 toll and the toll since), so
 * a key is split into quantities: each claim joins the one whose first
 * value is nearest on a log scale among those holding no conflicting claim
 * of its own article; keys of split groups get a "#N" suffix.
 * articles[i] (its date) may be NULL.
 * Conflict rule: two exact values differ by more than rounding (the coarser
 * of the two written precisions), or a bound is violated (a lower bound
 * above the other's upper bound, ...). Each group gets a status (agree, conflict, evolving: rising figures
 * in later articles or sentences saying the figure rose) and a confidence;
 * disagreements come first, by confidence. */
int px_numbers_group(const px_article *const *articles, const px_number_list *const *lists,
                     size_t n, px_number_groups *out, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
