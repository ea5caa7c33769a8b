/*
 * parallax/timeline.h - the story's timeline: the dated events its articles
 * report, built from the temporal expressions of the timex stage
 * (parallax/timex.h), each resolved against its own article's date.
 *
 * Only calendar dates are events: a day, week, month or year (a clock time
 * counts as its day). Durations, sets, vague references (PRESENT_REF),
 * quarters, seasons, decades and the start of a span ("since 2001") are
 * left out. A period is given by its first day and its grain.
 */
#ifndef PARALLAX_TIMELINE_H
#define PARALLAX_TIMELINE_H

#include "story.h"
#include "timex.h"

#ifdef __cplusplus
extern "C" {
#endif

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
