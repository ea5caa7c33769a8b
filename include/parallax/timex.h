/*
 * parallax/timex.h - temporal expressions in news text: dates ("Oct. 7",
 * "last week", "the third quarter"), times ("3 p.m.", "Tuesday night"),
 * durations ("two years", "10-year") and sets ("daily", "every Monday"),
 * typed and normalised to TIMEX3 values resolved against the article's
 * publication date (docs/dates.md).
 *
 * Resolution rules: an explicit date in the same sentence wins over a
 * weekday naming the same day; "next", "last" and "this" decide the
 * direction of a weekday, month or season, and otherwise the tense of the
 * sentence (future-tense sentences resolve forward, past-tense ones back,
 * present-tense ones to the nearest); a day of a month without a year is
 * never more than half a year away in the direction chosen. Names and
 * mastheads that contain day or month words ("USA Today", "the Today show",
 * "Theresa May", "The Sunday Times") are not expressions, nor are runs of
 * month or day names (archive and calendar widgets).
 */
#ifndef PARALLAX_TIMEX_H
#define PARALLAX_TIMEX_H

#include <stddef.h>

#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum px_timex_type {
    PX_TIMEX_DATE = 0,
    PX_TIMEX_TIME,
    PX_TIMEX_DURATION,
    PX_TIMEX_SET
} px_timex_type;

/* "date", "time", "duration", "set". */
const char *px_timex_type_name(px_timex_type t);

typedef enum px_date_grain {
    PX_GRAIN_DAY = 0,
    PX_GRAIN_WEEK,  /* the week starting on the Monday given */
    PX_GRAIN_MONTH,
    PX_GRAIN_YEAR,
    PX_GRAIN_QUARTER,
    PX_GRAIN_SEASON,
    PX_GRAIN_DECADE,
    PX_GRAIN_CENTURY,
    PX_GRAIN_TIME,  /* a clock time or a part of a day */
    PX_GRAIN_NONE   /* PRESENT_REF and the like, durations, sets */
} px_date_grain;

/* "day", "week", "month", "year", "quarter", "season", "decade",
 * "century", "time", "none". */
const char *px_date_grain_name(px_date_grain g);

typedef struct px_timex {
    size_t start, end;  /* byte offsets of the expression in the text */
    px_timex_type type;
    char value[32];     /* TIMEX3 value ("2013-03-22", "2013-W11", "P3D",
                           "PRESENT_REF", "XXXX-WXX-1"); "" when the
                           expression needs a reference date and had none */
    px_date_grain grain;
    char date[11];      /* first day of the calendar period named, when
                           there is one (YYYY-MM-DD), else "" */
    int relative;       /* resolved against (or needing) the reference date */
    int future;         /* lies after the reference date */
    int since;          /* the start of a span ("since 2001"), not an event */
} px_timex;

typedef struct px_timexes {
    px_timex *v;
    size_t n, cap;
} px_timexes;

/* Finds the temporal expressions of text, sentence by sentence, and
 * resolves them against ref_date (ISO 8601; NULL or malformed: relative
 * expressions stay unresolved, with an empty value). Appends to out in
 * text order. Time and memory are linear in len. */
int px_timex_find(const char *text, size_t len, const char *ref_date, px_timexes *out);
/* The same for text in lang (ISO 639-1; NULL: English): German, French,
 * Spanish, Italian and Portuguese also get their month and weekday names,
 * day-first dates ("12. Juni 2023", "le 3 mars", "el 3 de marzo de 2023",
 * "12.06.2023") and relative day words ("gestern", "hier", "ayer") from
 * data/claims/LANG.txt; English expressions are found as well. */
int px_timex_find_lang(const char *text, size_t len, const char *ref_date, const char *lang,
                       px_timexes *out);
void px_timexes_free(px_timexes *t);

#ifdef __cplusplus
}
#endif
#endif
