/*
 * parallax/timeline.h - dates mentioned in news text, absolute ("Oct. 7",
 * "February 2023", "7 October 2023", "in 1961") and relative ("on Sunday",
 * "last week", "two years ago", "yesterday"), resolved against the
 * article's publication date, and the story's timeline built from them.
 *
 * Resolution rules (docs/report-schema.md, "timeline"): a weekday or a
 * month without a year is the most recent one on or before the article date,
 * unless the nearest verb cue before it in the sentence speaks of the future
 * ("will", "would", "plans", "scheduled", ...), then the next one on or after
 * it. A period ("last week", "in November", "2023") is given by its first
 * day and its grain.
 */
#ifndef PARALLAX_TIMELINE_H
#define PARALLAX_TIMELINE_H

#include "story.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum px_date_grain {
    PX_GRAIN_DAY = 0,
    PX_GRAIN_WEEK,  /* the week starting on the Monday given */
    PX_GRAIN_MONTH,
    PX_GRAIN_YEAR
} px_date_grain;

/* "day", "week", "month", "year". */
const char *px_date_grain_name(px_date_grain g);

typedef struct px_date_mention {
    size_t start, end;   /* byte offsets of the expression in the text */
    char date[11];       /* YYYY-MM-DD, first day of the period; "" when the
                            expression needs a reference date and had none */
    px_date_grain grain;
    int relative;        /* 1 when resolved against the reference date */
    int future;          /* 1 when it lies after the reference date */
} px_date_mention;

typedef struct px_date_mentions {
    px_date_mention *v;
    size_t n, cap;
} px_date_mentions;

/* Finds the date expressions of text (one sentence gives the best tense
 * cues, any text works) and resolves them against ref_date (ISO 8601, may
 * be NULL or malformed: relative expressions then stay unresolved, with an
 * empty date). Appends to out. */
int px_find_dates(const char *text, size_t len, const char *ref_date, px_date_mentions *out);
void px_date_mentions_free(px_date_mentions *m);

/* One dated event of the story: a sentence (or several alike, from several
 * outlets) that mentions the same date. */
typedef struct px_timeline_event {
    char date[11];
    px_date_grain grain;
    int future;            /* announced or expected, not yet happened */
    char *expression;      /* the date as written in the first sentence */
    char *text;            /* the first sentence that mentions it */
    size_t sentence;       /* its index in the story */
    size_t *sources;       /* outlets reporting it (story source indexes) */
    size_t n_sources;
    size_t *sentences;     /* every sentence merged into this event */
    size_t n_sentences;
} px_timeline_event;

typedef struct px_timeline {
    px_timeline_event *events; /* ordered by date, then grain (day first) */
    size_t n;
    size_t unresolved;         /* relative expressions in undated articles */
} px_timeline;

int px_timeline_build(const px_story_text *s, px_timeline *out, px_error *err);
void px_timeline_free(px_timeline *t);

#ifdef __cplusplus
}
#endif
#endif
