/* timex.c - temporal expressions found sentence by sentence over the
 * tokens of a text, typed and normalised to TIMEX3 values against the
 * article date (parallax/timex.h). Calendar arithmetic is date.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/grow.h"
#include "parallax/text.h"
#include "parallax/timex.h"
#include "text/wordset.h"
#include "core/article_internal.h"
#include "text/timex_internal.h"
#include "text/timex_lang.h"
#include "text/doc_internal.h"

const char *px_timex_type_name(px_timex_type t)
{
    static const char *const names[] = {"date", "time", "duration", "set"};
    return t <= PX_TIMEX_SET ? names[t] : "date";
}

const char *px_date_grain_name(px_date_grain g)
{
    static const char *const names[] = {"day",    "week",   "month",   "year", "quarter",
                                        "season", "decade", "century", "time", "none"};
    return g <= PX_GRAIN_NONE ? names[g] : "none";
}

/* ---- the reference date ------------------------------------------------ */

typedef struct ref_date {
    int ok;
    long day; /* day number (px_date_days) */
    long year;
    int month;
    int early; /* published before EARLY_HOUR UTC: the day before may still
                  be "today" where it was written */
} ref_date;

#define EARLY_HOUR 8

static long year_of(long day, int *month)
{
    char iso[11];
    px_date_from_days(day, iso);
    if (month)
        *month = (int)strtol(iso + 5, NULL, 10);
    return strtol(iso, NULL, 10);
}

static int weekday_of(long day)
{
    return (int)(((day % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday; Sunday = 0 */
}

static long monday_of(long day)
{
    return day - (weekday_of(day) + 6) % 7;
}

/* ---- tokens of one sentence ------------------------------------------- */

typedef struct sent {
    const char *text;
    const px_token *t;
    size_t n;
    const ref_date *ref;
    const cl_lang *lang; /* a language other than English, or NULL */
    int business;        /* the text is about a business (business_text) */
} sent;

static int is_kind(const sent *s, size_t i, px_token_kind k)
{
    return i < s->n && s->t[i].kind == k;
}

/* Length of token i without a possessive ('s, ’s) or a trailing period. */
static size_t word_len(const sent *s, size_t i)
{
    const char *w = s->text + s->t[i].start;
    size_t len = s->t[i].end - s->t[i].start;
    if (len > 2 && w[len - 1] == 's' && w[len - 2] == '\'')
        return len - 2;
    if (len > 4 && w[len - 1] == 's' && memcmp(w + len - 4, "\xe2\x80\x99", 3) == 0)
        return len - 4;
    if (len > 1 && w[len - 1] == '.')
        return len - 1;
    return len;
}

/* End of token i as part of an expression: without a possessive. */
static size_t span_end(const sent *s, size_t i)
{
    size_t len = word_len(s, i), full = s->t[i].end - s->t[i].start;
    const char *w = s->text + s->t[i].start;
    return full > len && w[full - 1] == '.' ? s->t[i].end : s->t[i].start + len;
}

/* Is token i the word (lower case) word? Called for most words at most
 * tokens: the first letter and the length rule out most before any copy. */
static int is_w(const sent *s, size_t i, const char *word)
{
    if (i >= s->n || (s->t[i].kind != PX_TOK_WORD && s->t[i].kind != PX_TOK_NUMBER))
        return 0;
    const char *w = s->text + s->t[i].start;
    if ((*w | 0x20) != *word)
        return 0;
    size_t len = word_len(s, i), want = strlen(word);
    return want == len && strncasecmp(w, word, len) == 0;
}

/* Index of token i's word in a NULL-terminated list, or -1. */
static int which(const sent *s, size_t i, const char *const *words)
{
    if (i >= s->n || (s->t[i].kind != PX_TOK_WORD && s->t[i].kind != PX_TOK_NUMBER))
        return -1;
    return px_word_index(words, s->text + s->t[i].start, word_len(s, i));
}

static int is_punct(const sent *s, size_t i, char c)
{
    return is_kind(s, i, PX_TOK_PUNCT) && s->text[s->t[i].start] == c;
}

static int cap(const sent *s, size_t i)
{
    return i < s->n && (s->t[i].flags & PX_TOKF_CAPITALIZED);
}

/* Digits with an optional ordinal suffix (7, 7th, 2023): the value, or -1. */
static long num(const sent *s, size_t i)
{
    if (!is_kind(s, i, PX_TOK_NUMBER))
        return -1;
    const char *w = s->text + s->t[i].start;
    size_t len = s->t[i].end - s->t[i].start, k = 0;
    long v = 0;
    for (; k < len && k < 7 && w[k] >= '0' && w[k] <= '9'; k++)
        v = v * 10 + (w[k] - '0');
    if (k == 0)
        return -1;
    if (k == len)
        return v;
    static const char *const ord[] = {"st", "nd", "rd", "th"};
    for (int o = 0; o < 4; o++)
        if (len - k == 2 && strncasecmp(w + k, ord[o], 2) == 0)
            return v;
    return -1;
}

static size_t tok_bytes(const sent *s, size_t i)
{
    return s->t[i].end - s->t[i].start;
}

/* A four-digit year token (1000-2999), or 0. */
static int year_at(const sent *s, size_t i)
{
    long v = num(s, i);
    return v >= 1000 && v <= 2999 && tok_bytes(s, i) == 4 ? (int)v : 0;
}

static const char *const count_words[] = {
    "zero",   "one",     "two",       "three",    "four",     "five",    "six",
    "seven",  "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", NULL};

/* A count in letters or digits of at most 3 digits; -1 when none. */
static long count_in(const char *w, size_t len)
{
    for (long k = 0; count_words[k]; k++)
        if (strlen(count_words[k]) == len && strncasecmp(w, count_words[k], len) == 0)
            return k;
    static const char *const tens[] = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL};
    for (long k = 0; tens[k]; k++)
        if (strlen(tens[k]) == len && strncasecmp(w, tens[k], len) == 0)
            return 30 + 10 * k;
    if ((len == 1 && (*w == 'a' || *w == 'A')) || (len == 2 && strncasecmp(w, "an", 2) == 0))
        return 1;
    long v = 0;
    size_t k = 0;
    for (; k < len && k < 4 && w[k] >= '0' && w[k] <= '9'; k++)
        v = v * 10 + (w[k] - '0');
    return k && k == len && k <= 3 ? v : -1;
}

/* A count that may be written "twenty-four". */
static long compound_count(const char *w, size_t len)
{
    const char *dash = memchr(w, '-', len);
    if (!dash)
        return count_in(w, len);
    long tens = count_in(w, (size_t)(dash - w)), ones = count_in(dash + 1, (size_t)(w + len - dash - 1));
    return tens >= 20 && tens % 10 == 0 && ones >= 1 && ones <= 9 ? tens + ones : -1;
}

/* ---- lexicon -------------------------------------------------------------- */

static const char *const weekday_words[] = {"sunday",   "monday", "tuesday", "wednesday",
                                            "thursday", "friday", "saturday", NULL};

typedef struct unit {
    const char *one, *many;
    const char *code; /* TIMEX3 duration letter(s) */
    int clock;        /* hours, minutes, seconds: PT... */
    px_date_grain grain;
} unit;

static const unit units[] = {
    {"day", "days", "D", 0, PX_GRAIN_DAY},           {"week", "weeks", "W", 0, PX_GRAIN_WEEK},
    {"month", "months", "M", 0, PX_GRAIN_MONTH},     {"year", "years", "Y", 0, PX_GRAIN_YEAR},
    {"quarter", "quarters", "Q", 0, PX_GRAIN_QUARTER}, {"decade", "decades", "DE", 0, PX_GRAIN_DECADE},
    {"century", "centuries", "CE", 0, PX_GRAIN_CENTURY}, {"hour", "hours", "H", 1, PX_GRAIN_TIME},
    {"minute", "minutes", "M", 1, PX_GRAIN_TIME},    {"second", "seconds", "S", 1, PX_GRAIN_TIME},
    {"weekend", "weekends", "WE", 0, PX_GRAIN_WEEK}, {NULL, NULL, NULL, 0, PX_GRAIN_NONE}};

/* The unit of word w (1 in *plural when plural); NULL when none. */
static const unit *unit_in(const char *w, size_t len, int *plural)
{
    for (const unit *u = units; u->one; u++) {
        if (strlen(u->one) == len && strncasecmp(w, u->one, len) == 0) {
            *plural = 0;
            return u;
        }
        if (strlen(u->many) == len && strncasecmp(w, u->many, len) == 0) {
            *plural = 1;
            return u;
        }
    }
    return NULL;
}

static const unit *unit_at(const sent *s, size_t i, int *plural)
{
    if (!is_kind(s, i, PX_TOK_WORD))
        return NULL;
    return unit_in(s->text + s->t[i].start, word_len(s, i), plural);
}

/* Direction words before a period or a name: -1 last, 1 next, 2 this. */
enum { DIR_NONE = 0, DIR_LAST = -1, DIR_NEXT = 1, DIR_THIS = 2 };

static int dir_at(const sent *s, size_t i)
{
    static const char *const last[] = {"last", "past", "previous", "prior", NULL};
    static const char *const next[] = {"next", "coming", "following", NULL};
    static const char *const this_[] = {"this", "current", NULL};
    if (which(s, i, last) >= 0)
        return DIR_LAST;
    if (which(s, i, next) >= 0)
        return DIR_NEXT;
    if (which(s, i, this_) >= 0)
        return DIR_THIS;
    return DIR_NONE;
}

/* The direction words at *k (last, next, this; "this past" is last and
 * "this coming" next), stepping *k over them. */
static int lead_dir(const sent *s, size_t *k)
{
    if (is_w(s, *k, "this") && (is_w(s, *k + 1, "past") || is_w(s, *k + 1, "coming"))) {
        int d = is_w(s, *k + 1, "past") ? DIR_LAST : DIR_NEXT;
        *k += 2;
        return d;
    }
    int d = dir_at(s, *k);
    if (d)
        (*k)++;
    return d;
}

/* Words after which a bare month name or year is a date. */
static const char *const date_preps[] = {
    "in",     "since",  "by",     "until", "till",   "from",  "through", "of",   "during",
    "before", "after",  "early",  "late",  "mid",    "around", "throughout", "last", "next",
    "this",   "that",   "between", "and",  "or",    "to",    "on",     "for",  "into", "as",
    "earlier", "later", "the",    "same",  "every",  "each",  "end",   "beginning", "start",
    "fiscal", "spring", "summer", "autumn", "winter", "fall", "circa",  "than", NULL};

/* ---- tense ----------------------------------------------------------------- */

static const char *const future_cues[] = {
    "will", "shall", "plans", "plan", "planned", "planning", "scheduled", "expected", "expects",
    "due", "upcoming", "tomorrow", "until", "intends", "aims", "hopes", "next", "wo",
    "would", "'ll", "going", "slated", "ahead", NULL};
static const char *const reporting[] = {"said", "says", "told", "announced", "reported",
                                        "added", "stated", NULL};
static const char *const present_cues[] = {"is", "are", "am", "remains", "stands", NULL};
static const char *const past_cues[] = {
    "was", "were", "had", "did", "told", "ago", "last", "since", "came", "went", "began",
    "took", "made", "met", "got", "left", "won", "lost", "fell", "rose", "saw", "gave", "held",
    "spoke", "wrote", "sent", "struck", "killed", "died", "earlier", "yesterday", "former", "ran",
    "led", "hit", "put", "shot", "found", "became", "broke", "paid", "sold", "bought", "kept",
    "brought", "thought", "felt", "heard", "knew", "stood", "fought", "drove", "flew", "sought",
    "caught", "taught", "built", "spent", "fled", "grew", "drew", "threw", "withdrew", "chose",
    "stole", "sank", "swore", "upheld", "withheld", "arose", "forgot", "understood", "overcame",
    "undertook", "hung", "dug", "sat", "laid", "shook", "rode", "wore", "sang", "swam", "forgave",
    "meant", "lent", "sprang", "froze", NULL};

/* CUE_REPORTED: the past of a reporting verb right next to the expression
 * ("said Friday"): what was said cannot lie ahead. */
enum { CUE_PRESENT = 2, CUE_REPORTED = -2 };

static const char *const plan_words[] = {"plan", "plans", "planned", "planning", NULL};

/* A future cue used as one: not "next to the embassy", not the noun in
 * "vacation plans for the trip" (a plan looks ahead with "to" after it;
 * "planned" and "planning" also with "for"). */
static int future_use(const sent *s, size_t i)
{
    if (is_w(s, i, "next") && is_w(s, i + 1, "to"))
        return 0;
    int plan = which(s, i, plan_words);
    if (plan >= 0 && !is_w(s, i + 1, "to") && !(plan >= 2 && is_w(s, i + 1, "for")))
        return 0;
    return 1;
}

/* A participle used as an adjective, after a determiner and at most one
 * adverb ("a still unspecified date", "the expected rise"): no past tense. */
static int adjective_participle(const sent *s, size_t i)
{
    static const char *const dets[] = {"a", "an", "the", "its", "their", "his", "her", "our", "this",
                                       "that", NULL};
    if (i > 0 && which(s, i - 1, dets) >= 0)
        return 1;
    if (i < 2 || which(s, i - 2, dets) < 0 || !is_kind(s, i - 1, PX_TOK_WORD))
        return 0;
    size_t len = word_len(s, i - 1);
    return is_w(s, i - 1, "still") || is_w(s, i - 1, "yet") ||
           (len > 3 && strncasecmp(s->text + s->t[i - 1].start + len - 2, "ly", 2) == 0);
}

/* The present of a scheduled event ("the trial begins Monday", "the rule
 * takes effect in July"): ahead, when the verb comes right before the
 * expression. */
static const char *const scheduled[] = {"begins", "starts", "opens", "resumes", "reopens", "convenes",
                                        "arrives", "departs", "leaves", "returns", "travels", "flies",
                                        "visits", "expires", "effect", "kicks", "premieres", "debuts",
                                        "airs", "concludes", "testifies", "ends", NULL};
#define SCHEDULE_REACH 4

/* +1 future, -1 past, CUE_PRESENT, 0 when token i says nothing of time.
 * A reporting verb ("said") tells the tense only right next to the
 * expression ("said Friday"); further away it introduces what was said. */
static int cue_at(const sent *s, size_t i, size_t distance, int forward)
{
    if (!is_kind(s, i, PX_TOK_WORD))
        return 0;
    static const char *const deadline[] = {"payable", "effective", "through", "record", "by", "expire",
                                           "expires", "expiring", "starting", "beginning", NULL};
    if (which(s, i, reporting) >= 0)
        return distance <= 2 ? CUE_REPORTED : forward ? -1 : 0;
    if (which(s, i, deadline) >= 0)
        return distance <= 2 ? CUE_PRESENT : 0;
    if (is_w(s, i, "am") && i > 0 && is_kind(s, i - 1, PX_TOK_NUMBER))
        return 0; /* 11:36 am */
    if (which(s, i, present_cues) >= 0) /* "are to resume": ahead */
        return is_w(s, i + 1, "to") && !is_w(s, i, "remains") && !is_w(s, i, "stands") ? 1 : CUE_PRESENT;
    if (which(s, i, future_cues) >= 0)
        return future_use(s, i);
    if (i > 0 && is_w(s, i - 1, "be"))
        return 0; /* "will be paid", "to be held": the modal before it decides */
    if (which(s, i, past_cues) >= 0)
        return -1;
    const char *w = s->text + s->t[i].start;
    size_t len = s->t[i].end - s->t[i].start;
    if ((s->t[i].flags & PX_TOKF_CONTRACTION) && len > 3 &&
        (strncasecmp(w + len - 3, "'ll", 3) == 0))
        return 1;
    if (which(s, i, scheduled) >= 0) /* "took effect": the verb before it decides */
        return distance <= SCHEDULE_REACH && !forward &&
               (!is_w(s, i, "effect") || is_w(s, i - 1, "takes") || is_w(s, i - 1, "take"));
    if (!cap(s, i) && len > 4 && strncasecmp(w + len - 2, "ed", 2) == 0 &&
        !(s->t[i].flags & PX_TOKF_HYPHENATED) && !adjective_participle(s, i))
        return -1;
    return 0;
}

#define TENSE_BACK 20
#define TENSE_AHEAD 10

/* The tense governing tokens [a, b): the nearest cue within the clause,
 * before or after them (before on a tie). */
static int tense_of(const sent *s, size_t a, size_t b)
{
    int back = 0, ahead = 0;
    size_t back_dist = (size_t)-1, ahead_dist = (size_t)-1;
    for (size_t k = a, steps = 0; k-- > 0 && steps < TENSE_BACK; steps++) {
        if (is_punct(s, k, ';'))
            break;
        if ((back = cue_at(s, k, a - k, 0)) != 0) {
            back_dist = a - k;
            break;
        }
    }
    for (size_t k = b; k < s->n && k < b + TENSE_AHEAD && k - b + 1 < back_dist; k++) {
        if (is_punct(s, k, ';') || (back && back != CUE_PRESENT && is_punct(s, k, ',')))
            break; /* "which are to resume Monday, stalled": the verb of its own clause */
        if ((ahead = cue_at(s, k, k - b + 1, 1)) != 0) {
            ahead_dist = k - b + 1;
            break;
        }
    }
    int c = ahead_dist < back_dist ? ahead : back;
    return c == CUE_PRESENT ? 0 : c;
}

/* ---- values ---------------------------------------------------------------- */

enum { ANCHOR_OR_REF = 2 };

typedef struct tval {
    px_timex_type type;
    px_date_grain grain;
    int has_day;      /* a calendar period: day is its first day */
    long day;
    int relative;     /* needs the reference date */
    int unresolved;   /* ... and had none */
    int weekday;      /* 0-6 for a weekday resolved by direction, else -1 */
    int tensed;       /* ... by the tense of its sentence */
    int latest_quarter; /* "the quarter": the text's latest one, when it has one */
    int yearless;       /* a month or day of a month written without a year, no next/last */
    int report_half;    /* "the second half" with no year: 1 or 2, a half of the year of the
                           text's latest quarter; no expression in a text with none (a match) */
    int bare_clock;   /* a clock time with no day: the day the text is on */
    int explicit_day; /* a day written with its month */
    int named;        /* built on a month or weekday name */
    int weekend;
    int anchored;     /* "the next day": shift days from the day the text last named;
                         "the following month", "that year": shift units of v->grain
                         from the period the text last named (ANCHOR_OR_REF: keep the
                         value counted from the article date when there is none) */
    long shift;
    int quarter_back; /* > 0: "a year ago", "the 1988 quarter": the text's latest
                         quarter that many years before, when it has one;
                         < 0: a quarter that is not the text's latest */
    char lit[32];     /* the value when it is not a calendar period */
    char tod[8];      /* time of day: "T15:00", "TMO" */
} tval;

static void tv_init(tval *v)
{
    memset(v, 0, sizeof *v);
    v->weekday = -1;
    v->grain = PX_GRAIN_NONE;
}

static void tv_period(tval *v, long day, px_date_grain g)
{
    v->has_day = 1;
    v->day = day;
    v->grain = g;
}

static void tv_lit(tval *v, px_timex_type type, const char *lit)
{
    v->type = type;
    snprintf(v->lit, sizeof v->lit, "%s", lit);
}

/* Marks v relative; with no reference date it stays unresolved. Returns
 * whether it can be resolved. */
static int tv_needs_ref(const sent *s, tval *v)
{
    v->relative = 1;
    if (!s->ref->ok) {
        v->unresolved = 1;
        return 0;
    }
    return 1;
}

static long quarter_start(long year, int q)
{
    return px_days_from_date(year, 3 * (q - 1) + 1, 1);
}

/* Quarter index (year * 4 + q - 1) of a day. */
static long quarter_index(long day)
{
    int m;
    long y = year_of(day, &m);
    return y * 4 + (m - 1) / 3;
}

static long month_index(long day)
{
    int m;
    long y = year_of(day, &m);
    return y * 12 + m - 1;
}

static long month_start(long idx)
{
    long y = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
    return px_days_from_date(y, (int)(idx - y * 12) + 1, 1);
}

static void iso_week(long day, long *year, int *week)
{
    long thursday = monday_of(day) + 3;
    long y = year_of(thursday, NULL);
    *year = y;
    *week = (int)((thursday - px_days_from_date(y, 1, 1)) / 7 + 1);
}

static void value_of(const tval *v, char out[32])
{
    if (v->unresolved) {
        out[0] = 0;
        return;
    }
    if (!v->has_day) {
        snprintf(out, 32, "%s", v->lit);
        return;
    }
    int m;
    long y = year_of(v->day, &m);
    char iso[11];
    px_date_from_days(v->day, iso);
    long wy;
    int wk;
    static const char *const seasons[] = {"WI", "WI", "SP", "SP", "SP", "SU",
                                          "SU", "SU", "FA", "FA", "FA", "WI"};
    switch (v->grain) {
    case PX_GRAIN_WEEK:
        iso_week(v->day, &wy, &wk);
        snprintf(out, 32, "%04ld-W%02d%s", wy, wk, v->weekend ? "-WE" : "");
        break;
    case PX_GRAIN_MONTH: snprintf(out, 32, "%.7s", iso); break;
    case PX_GRAIN_QUARTER: snprintf(out, 32, "%04ld-Q%d", y, (m - 1) / 3 + 1); break;
    case PX_GRAIN_SEASON: snprintf(out, 32, "%04ld-%s", y, seasons[m - 1]); break;
    case PX_GRAIN_YEAR: snprintf(out, 32, "%04ld", y); break;
    case PX_GRAIN_DECADE: snprintf(out, 32, "%03ldX", y / 10); break;
    case PX_GRAIN_CENTURY: snprintf(out, 32, "%02ldXX", y / 100); break;
    default: snprintf(out, 32, "%s%s", iso, v->tod); break;
    }
}

/* ---- direction -------------------------------------------------------------- */

#define HALF_YEAR 183
/* In the future tense, a day or month up to this far ahead is read forward
 * ("will be held Dec. 5", said in May). */
#define FUTURE_REACH 300
/* With no tense, a day or month this close ahead is read forward. */
#define NEAR_FUTURE 100
/* Even in the past tense, a day of a month this close ahead is read forward
 * when the one behind is more than half a year back. */
#define NEAR_DAYS 30

/* The weekday wd nearest the reference date in the direction dir (or, with
 * none, the tense; with neither, the past unless the day is at most two
 * days ahead and nearer that way). */
static long pick_weekday(const ref_date *r, int wd, int dir, int tense)
{
    int cur = weekday_of(r->day);
    long back = (cur - wd + 7) % 7, ahead = (wd - cur + 7) % 7;
    if (dir == DIR_LAST)
        return r->day - (back ? back : 7);
    if (dir == DIR_NEXT)
        return r->day + (ahead ? ahead : 7);
    if (dir == DIR_THIS)
        return monday_of(r->day) + (wd + 6) % 7;
    if (r->early && back == 1 && tense >= 0)
        return r->day - 1; /* Monday night, written on Monday evening */
    if (tense > 0)
        return r->day + ahead;
    if (tense < 0) /* six days back is rather tomorrow, in a text dated the evening before,
                      unless it is the day something was said */
        return back == 6 && tense != CUE_REPORTED ? r->day + 1 : r->day - back;
    return ahead <= 2 && ahead < back ? r->day + ahead : r->day - back;
}

/* Day month (day 0: the month) without a year: the occurrence chosen by
 * dir or tense. In the past by default, forward when the sentence speaks
 * of the future and that is within FUTURE_REACH days, or when the sentence has
 * no tense and it is nearer and within NEAR_FUTURE days. Returns -1 when the day does not
 * exist in the year found. */
static long pick_month_day(const ref_date *r, int month, int day, int dir, int tense)
{
    long y = r->year;
    long here = px_days_from_date(y, month, day ? day : 1);
    long here_end = day ? here : px_days_from_date(y, month, px_days_in_month(y, month));
    long past_y = here <= r->day ? y : y - 1;
    long next_y = here_end >= r->day ? y : y + 1;
    if (dir == DIR_LAST)
        past_y = here_end < r->day ? y : y - 1;
    if (dir == DIR_NEXT)
        next_y = here > r->day ? y : y + 1;
    long pick;
    if (dir == DIR_THIS)
        pick = y;
    else if (dir == DIR_LAST)
        pick = past_y;
    else if (dir == DIR_NEXT)
        pick = next_y;
    else {
        long ahead = px_days_from_date(next_y, month, day ? day : 1) - r->day;
        long back = r->day - px_days_from_date(past_y, month, day ? day : 1);
        pick = (tense > 0 && ahead <= FUTURE_REACH) || (tense == 0 && ahead <= NEAR_FUTURE && ahead < back) ||
                       (tense < 0 && day && ahead <= NEAR_DAYS && back > HALF_YEAR)
                   ? next_y
                   : past_y;
    }
    if (day && day > px_days_in_month(pick, month))
        return -1;
    return px_days_from_date(pick, month, day ? day : 1);
}

/* ---- matchers: each returns the tokens it used from j, 0 when none ------- */

static int month_at(const sent *s, size_t i)
{
    if (!is_kind(s, i, PX_TOK_WORD) || !cap(s, i))
        return 0;
    size_t len = word_len(s, i);
    const char *w = s->text + s->t[i].start;
    if (len == 3 && strncasecmp(w, "may", 3) != 0 && w[3] != '.')
        return 0; /* "Jan" alone is rarely a month; "Jan." is */
    if (len == 4 && strncasecmp(w, "sept", 4) != 0 && strncasecmp(w, "june", 4) != 0 &&
        strncasecmp(w, "july", 4) != 0)
        return 0;
    return px_month_from_word(w, len);
}

/* mid-October: the month of a "mid-" word, 0 when token i is none. */
static int mid_month(const sent *s, size_t i)
{
    if (!is_kind(s, i, PX_TOK_WORD) || !(s->t[i].flags & PX_TOKF_HYPHENATED) || tok_bytes(s, i) < 7 ||
        strncasecmp(s->text + s->t[i].start, "mid-", 4) != 0)
        return 0;
    const char *w = s->text + s->t[i].start + 4;
    size_t len = word_len(s, i) - 4;
    if (*w < 'A' || *w > 'Z' || (len <= 4 && w[len] != '.' && !(len == 4 && (strncasecmp(w, "june", 4) == 0 ||
                                                                          strncasecmp(w, "july", 4) == 0))))
        return 0; /* mid-Oct. and mid-June, not mid-Jan */
    return px_month_from_word(w, len);
}

static int weekday_at(const sent *s, size_t i)
{
    return cap(s, i) ? which(s, i, weekday_words) : -1;
}

/* Is token i the first word of its sentence (after opening punctuation)? */
static int sentence_initial(const sent *s, size_t i)
{
    while (i > 0 && is_kind(s, i - 1, PX_TOK_PUNCT))
        i--;
    return i == 0;
}

/* A capitalised word right before token j that makes it part of a name
 * ("Theresa May", "USA Today", "Black Friday"). */
static int name_before(const sent *s, size_t j)
{
    if (j == 0 || !cap(s, j - 1) || !is_kind(s, j - 1, PX_TOK_WORD) || sentence_initial(s, j - 1))
        return 0;
    if (which(s, j - 1, date_preps) >= 0 || dir_at(s, j - 1) || month_at(s, j - 1) ||
        weekday_at(s, j - 1) >= 0)
        return 0;
    return 1;
}

/* A capitalised word right after token j that makes it part of a name
 * ("April Ryan", "Sunday Times", "Today show" is lower case but listed). */
static int name_after(const sent *s, size_t j)
{
    static const char *const masthead[] = {"show", "program", "programme", "newspaper", "edition",
                                           NULL};
    if (which(s, j + 1, masthead) >= 0)
        return 1;
    if (!cap(s, j + 1) || !is_kind(s, j + 1, PX_TOK_WORD))
        return 0;
    return !month_at(s, j + 1) && weekday_at(s, j + 1) < 0 && which(s, j + 1, date_preps) < 0 &&
           !(s->t[j + 1].flags & PX_TOKF_ALLCAPS);
}

static size_t skip_comma(const sent *s, size_t k)
{
    return is_punct(s, k, ',') ? k + 1 : k;
}

static size_t spelled_year(const sent *s, size_t k, int *year);

/* Month Day[,] [Year] | Day Month [Year] | Month Year | [dir] Month. */
static size_t m_month(const sent *s, size_t j, tval *v)
{
    size_t k = j;
    int dir = lead_dir(s, &k);
    int month = month_at(s, k), day = 0, mid = 0;
    size_t end;
    if (!month && !dir && (month = mid_month(s, k)) != 0)
        mid = 1; /* mid-October: the month, and a date wherever it stands */
    if (mid) {
        end = k + 1;
    } else if (month) {
        long d = num(s, k + 1);
        if (d >= 1 && d <= 31 && tok_bytes(s, k + 1) <= 4) {
            day = (int)d;
            end = k + 2;
        } else {
            end = k + 1;
        }
    } else {
        long d = num(s, k);
        if (dir || d < 1 || d > 31 || !(month = month_at(s, k + 1)))
            return 0;
        day = (int)d;
        end = k + 2;
    }
    size_t at_year = day ? skip_comma(s, end) : end;
    if (!day && is_w(s, at_year, "of"))
        at_year++;
    int year = year_at(s, at_year), spelled = 0;
    size_t spelled_len = year ? 0 : spelled_year(s, at_year, &spelled);
    if (spelled_len) { /* January nineteen ninety-seven */
        year = spelled;
        at_year += spelled_len - 1;
    }
    v->named = 1;
    v->type = PX_TIMEX_DATE;
    if (year) {
        end = at_year + 1;
        if (day && day > px_days_in_month(year, month))
            return 0;
        tv_period(v, px_days_from_date(year, month, day ? day : 1), day ? PX_GRAIN_DAY : PX_GRAIN_MONTH);
        v->explicit_day = day != 0;
        return end - j;
    }
    if (!day) { /* a bare month name: only where it can only be a date */
        int context = dir || mid || (j > 0 && which(s, j - 1, date_preps) >= 0);
        if (!context || name_after(s, k) || name_before(s, j))
            return 0;
    } else if (name_before(s, j)) {
        return 0;
    }
    v->explicit_day = day != 0;
    int year_dir = dir_at(s, end) && is_w(s, end + 1, "year") && word_len(s, end + 1) == tok_bytes(s, end + 1)
                       ? dir_at(s, end)
                       : DIR_NONE;
    if (year_dir)
        end += 2; /* October this year, April next year */
    if (!tv_needs_ref(s, v))
        return end - j;
    if (year_dir) {
        long y = s->ref->year + (year_dir == DIR_THIS ? 0 : year_dir);
        if (day > px_days_in_month(y, month))
            return 0;
        tv_period(v, px_days_from_date(y, month, day ? day : 1), day ? PX_GRAIN_DAY : PX_GRAIN_MONTH);
        return end - j;
    }
    long at = pick_month_day(s->ref, month, day, dir, tense_of(s, j, end));
    if (at < 0)
        return 0;
    tv_period(v, at, day ? PX_GRAIN_DAY : PX_GRAIN_MONTH);
    v->yearless = !dir;
    return end - j;
}

/* [dir] Weekday [, Month Day[, Year]]: an explicit date after the weekday
 * gives the day. */
static size_t m_weekday(const sent *s, size_t j, tval *v)
{
    size_t k = j;
    int dir = lead_dir(s, &k);
    int wd = weekday_at(s, k);
    if (wd < 0)
        return 0;
    static const char *const named_days[] = {"black", "good", "super", "cyber", "ash", "holy",
                                             "bloody", "easter", "palm", "maundy", "fat", NULL};
    if (!dir && ((k > 0 && cap(s, k - 1) && which(s, k - 1, named_days) >= 0) || name_after(s, k)))
        return 0;
    if (k > 0 && is_w(s, k - 1, "on") && k > 1 && is_w(s, k - 2, "mail"))
        return 0; /* The Mail on Sunday */
    size_t after = skip_comma(s, k + 1);
    tval date;
    tv_init(&date);
    size_t used = month_at(s, after) || num(s, after) > 0 ? m_month(s, after, &date) : 0;
    if (used && date.explicit_day) {
        *v = date;
        return after + used - j;
    }
    v->type = PX_TIMEX_DATE;
    v->named = 1;
    v->weekday = wd;
    if (!tv_needs_ref(s, v))
        return k + 1 - j;
    int possessive = word_len(s, k) < tok_bytes(s, k); /* Wednesday's ruling: no tense */
    int tense = possessive ? 0 : tense_of(s, j, k + 1);
    v->tensed = tense != 0;
    tv_period(v, pick_weekday(s->ref, wd, dir, tense), PX_GRAIN_DAY);
    if (dir)
        v->weekday = -1; /* "last Monday" is settled by its word */
    return k + 1 - j;
}

static int quarter_ordinal(const char *w, size_t len);

/* 1990s, '90s, mid-1990s: a decade; 0 when the token is none. */
static int decade_in(const char *w, size_t len)
{
    if (len > 4 && strncasecmp(w, "mid-", 4) == 0)
        w += 4, len -= 4;
    if (len == 5 && w[4] == 's') {
        int y = atoi(w);
        return y >= 1000 && y % 10 == 0 && w[0] >= '1' && w[0] <= '2' ? y : 0;
    }
    return 0;
}

static const char *const tens_words[] = {"twenty", "thirty", "forty",  "fifty",
                                         "sixty",  "seventy", "eighty", "ninety", NULL};

/* Tens (20-90) plus ones of a word such as "ninety-six" or "ninety"; -1. */
static long tens_and_ones(const sent *s, size_t k)
{
    if (!is_kind(s, k, PX_TOK_WORD))
        return -1;
    const char *w = s->text + s->t[k].start;
    size_t len = word_len(s, k);
    const char *dash = memchr(w, '-', len);
    size_t head = dash ? (size_t)(dash - w) : len;
    for (int t = 0; tens_words[t]; t++)
        if (strlen(tens_words[t]) == head && strncasecmp(w, tens_words[t], head) == 0) {
            long ones = dash ? count_in(dash + 1, (size_t)(w + len - dash - 1)) : 0;
            return ones >= 0 && ones <= 9 ? 20 + 10 * t + ones : -1;
        }
    return -1;
}

/* "nineteen ninety-six", "two thousand": the tokens of a year in words
 * (0 when none); the year in *year. */
static size_t spelled_year(const sent *s, size_t k, int *year)
{
    if (is_w(s, k, "nineteen") || is_w(s, k, "eighteen")) {
        long rest = tens_and_ones(s, k + 1);
        if (rest < 0)
            return 0;
        *year = (is_w(s, k, "nineteen") ? 1900 : 1800) + (int)rest;
        return 2;
    }
    if (is_w(s, k, "two") && is_w(s, k + 1, "thousand") && k > 0 && is_w(s, k - 1, "year")) {
        *year = 2000;
        return 2;
    }
    return 0;
}

/* "the nineties": the decade of the last century; 0 when none. */
static int spelled_decade(const sent *s, size_t k)
{
    static const char *const decades[] = {"twenties", "thirties", "forties",  "fifties",
                                          "sixties",  "seventies", "eighties", "nineties", NULL};
    int d = which(s, k, decades);
    return d >= 0 ? 1920 + 10 * d : 0;
}

/* mid-2022, early-2023, late-1999: the year; 0 when token k is none. */
static int mid_year(const sent *s, size_t k)
{
    static const char *const parts[] = {"mid-", "early-", "late-", NULL};
    if (k >= s->n)
        return 0;
    const char *w = s->text + s->t[k].start;
    size_t len = tok_bytes(s, k);
    for (int p = 0; parts[p]; p++) {
        size_t n = strlen(parts[p]);
        if (len == n + 4 && strncasecmp(w, parts[p], n) == 0) {
            int y = 0;
            for (size_t d = n; d < len; d++) {
                if (w[d] < '0' || w[d] > '9')
                    return 0;
                y = y * 10 + (w[d] - '0');
            }
            return y >= 1000 && y <= 2999 ? y : 0;
        }
    }
    return 0;
}

/* In 1990, fiscal 1989, the 1990s, the '90s, nineteen ninety-six, the
 * nineties. */
/* FY2023, FY 2023: the fiscal year; 0 when token k starts none. *used
 * gets the tokens. */
static int fy_year(const sent *s, size_t k, size_t *used)
{
    if (k >= s->n || !is_kind(s, k, PX_TOK_WORD) || strncmp(s->text + s->t[k].start, "FY", 2) != 0)
        return 0;
    size_t len = tok_bytes(s, k);
    if (len == 2) {
        *used = 2;
        return year_at(s, k + 1);
    }
    const char *w = s->text + s->t[k].start + 2;
    for (size_t d = 0; d < len - 2; d++)
        if (w[d] < '0' || w[d] > '9')
            return 0;
    *used = 1;
    return len == 6 ? atoi(w) : 0;
}

/* The 21st century, the twentieth century: 20XX, 19XX; 0 when token k
 * starts none. */
static int ordinal_century(const sent *s, size_t k)
{
    static const char *const words[] = {"eighteenth", "nineteenth", "twentieth", "twenty-first", NULL};
    if (!is_w(s, k + 1, "century") || word_len(s, k + 1) != tok_bytes(s, k + 1))
        return 0;
    int w = which(s, k, words);
    if (w >= 0)
        return 18 + w;
    long n = num(s, k);
    return n >= 10 && n <= 29 && tok_bytes(s, k) == 4 ? (int)n : 0;
}

static size_t m_year(const sent *s, size_t j, tval *v)
{
    size_t k = j, fy_used = 0;
    int fy = fy_year(s, k, &fy_used), century = ordinal_century(s, k);
    if (fy >= 1900 && fy <= 2099) {
        v->type = PX_TIMEX_DATE;
        tv_period(v, px_days_from_date(fy, 1, 1), PX_GRAIN_YEAR);
        return fy_used;
    }
    if (century) { /* the 21st century began in 2001; its value is 20XX */
        v->type = PX_TIMEX_DATE;
        tv_period(v, px_days_from_date((century - 1) * 100, 1, 1), PX_GRAIN_CENTURY);
        return 2;
    }
    int fiscal = is_w(s, k, "fiscal");
    if (fiscal)
        k++;
    v->type = PX_TIMEX_DATE;
    int dec = 0;
    if (k < s->n && (is_kind(s, k, PX_TOK_NUMBER) || is_kind(s, k, PX_TOK_WORD))) {
        dec = decade_in(s->text + s->t[k].start, tok_bytes(s, k));
        if (dec) { /* the 1800s are a century, the 2000s a decade */
            tv_period(v, px_days_from_date(dec, 1, 1),
                      dec % 100 == 0 && dec % 1000 != 0 ? PX_GRAIN_CENTURY : PX_GRAIN_DECADE);
            return k + 1 - j;
        }
    }
    if (is_punct(s, k, '\'') && is_kind(s, k + 1, PX_TOK_NUMBER) && tok_bytes(s, k + 1) == 3 &&
        s->text[s->t[k + 1].end - 1] == 's' && tv_needs_ref(s, v)) {
        int yy = atoi(s->text + s->t[k + 1].start);
        if (yy % 10)
            return 0;
        long century = s->ref->year / 100 * 100;
        long y = century + yy > s->ref->year ? century - 100 + yy : century + yy;
        v->relative = 0;
        tv_period(v, px_days_from_date(y, 1, 1), PX_GRAIN_DECADE);
        return k + 2 - j;
    }
    int year_mid;
    size_t spelled = spelled_year(s, k, &dec);
    if (spelled) {
        tv_period(v, px_days_from_date(dec, 1, 1), PX_GRAIN_YEAR);
        return k + spelled - j;
    }
    if (j > 0 && is_w(s, j - 1, "the") && (dec = spelled_decade(s, k)) != 0) {
        tv_period(v, px_days_from_date(dec, 1, 1), PX_GRAIN_DECADE);
        return k + 1 - j;
    }
    if ((year_mid = mid_year(s, k)) != 0) {
        tv_period(v, px_days_from_date(year_mid, 1, 1), PX_GRAIN_YEAR);
        return k + 1 - j;
    }
    int year = year_at(s, k);
    /* 1988's third quarter: the tokens 1988 ' s */
    int possessive = is_kind(s, k + 1, PX_TOK_PUNCT) && (s->text[s->t[k + 1].start] == '\'' ||
                                                        (s->text[s->t[k + 1].start] & 0x80)) &&
                     is_w(s, k + 2, "s") && word_len(s, k + 2) == 1;
    if (!year || year < 1900 || year > 2099)
        return 0;
    static const char *const before_year[] = {"his", "her", "its", "their", "our", "my", "your",
                                              "a", "an", "due", "mid", NULL};
    int context = fiscal || possessive ||
                  (k > 0 && (which(s, k - 1, date_preps) >= 0 || which(s, k - 1, before_year) >= 0)) ||
                  is_punct(s, k - 1, '(');
    if (!context && !(is_punct(s, k + 1, ',') || is_punct(s, k + 1, '.') || is_punct(s, k + 1, ')')))
        return 0;
    if (k > 0 && (s->t[k - 1].flags & PX_TOKF_CURRENCY))
        return 0;
    tv_period(v, px_days_from_date(year, 1, 1), PX_GRAIN_YEAR);
    size_t after = possessive ? k + 3 : k + 1;
    int q = after < s->n ? quarter_ordinal(s->text + s->t[after].start, word_len(s, after)) : 0;
    if (q && is_w(s, after + 1, "quarter")) { /* the 1988 second quarter, 1988's third quarter */
        tv_period(v, quarter_start(year, q), PX_GRAIN_QUARTER);
        v->quarter_back = -1;
        return after + 2 - j;
    }
    if ((is_w(s, k + 1, "quarter") || is_w(s, k + 1, "period")) && s->ref->ok && year < s->ref->year) {
        v->quarter_back = (int)(s->ref->year - year);
        return k + 2 - j;
    }
    return k + 1 - j;
}

static size_t count_at(const sent *s, size_t k, long *n);
static void duration_lit(tval *v, long n, const unit *u);

/* A lower-case content word after token j: j is used as an adjective
 * ("daily updates", "the future firmware"). */
static int modifies_noun(const sent *s, size_t j)
{
    static const char *const function_words[] = {
        "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is",
        "are", "was", "were", "will", "would", "be", "has", "have", "had", "than", "that", "when",
        "since", "until", "before", "after", "because", "if", "while", "so", "it", "they", "we",
        "he", "she", "i", "you", "there", "this", "these", "those", "basis", "through", "into",
        "over", "under", "again", "also", "not", "only", "then", "now", "too", "following", NULL};
    return is_kind(s, j + 1, PX_TOK_WORD) && !cap(s, j + 1) && which(s, j + 1, function_words) < 0;
}

/* A capitalised word inside a sentence: part of a name (PS Now, USA
 * Today, Monthly Free Games), unless the whole word is upper case. */
static int title_word(const sent *s, size_t j)
{
    return cap(s, j) && !sentence_initial(s, j) && !(s->t[j].flags & PX_TOKF_ALLCAPS) &&
           !is_punct(s, j - 1, ':');
}

static const char *const determiners[] = {"the", "a", "an", "his", "her", "its", "their", "our",
                                          "my", "your", "this", "that", NULL};

/* "the current system", "a previously announced plan": an adjective. */
static int attributive(const sent *s, size_t j)
{
    return j > 0 && which(s, j - 1, determiners) >= 0 && !is_w(s, j, "past") && !is_w(s, j, "future") &&
           !is_w(s, j, "present");
}

/* the next day, the following morning, the previous day, the day before:
 * a day counted from the day the text last named (day_context); with none
 * named, unresolved. */
static size_t m_anchored_day(const sent *s, size_t j, tval *v)
{
    static const char *const after[] = {"next", "following", NULL};
    static const char *const before[] = {"previous", "preceding", NULL};
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    if (j == 0 || !is_w(s, j - 1, "the"))
        return 0;
    size_t used = 0;
    long shift = 0;
    if ((which(s, j, after) >= 0 || which(s, j, before) >= 0) &&
        (is_w(s, j + 1, "day") || which(s, j + 1, parts) >= 0)) {
        shift = which(s, j, after) >= 0 ? 1 : -1;
        used = is_w(s, j + 1, "day") ? 2 : 1; /* the part of the day: part_of_day */
    } else if (is_w(s, j, "day") && (is_w(s, j + 1, "before") || is_w(s, j + 1, "after")) &&
               (j + 2 >= s->n || is_kind(s, j + 2, PX_TOK_PUNCT))) {
        shift = is_w(s, j + 1, "after") ? 1 : -1; /* not "the day after the vote" */
        used = 2;
    }
    if (!used)
        return 0;
    v->type = PX_TIMEX_DATE;
    v->anchored = 1;
    v->shift = shift;
    if (tv_needs_ref(s, v))
        tv_period(v, s->ref->day + shift, PX_GRAIN_DAY);
    return used;
}

/* "by year end", "year's end", "the end of the year": this year. */
static int period_end_of_this_year(const sent *s, size_t j)
{
    if (is_w(s, j, "year-end"))
        return !attributive(s, j) && !modifies_noun(s, j);
    if (is_w(s, j, "year") && is_w(s, j + 1, "end"))
        return 1;
    return j >= 2 && is_w(s, j, "the") && is_w(s, j + 1, "year") && is_w(s, j - 1, "of") &&
           (is_w(s, j - 2, "end") || is_w(s, j - 2, "start") || is_w(s, j - 2, "beginning"));
}

/* "the year ended Sept. 30", "throughout the fiscal year": a year long;
 * "for the year," "earlier in the year": the article's year. j is the
 * word after "the" (an opener match_at steps over). */
static size_t the_year(const sent *s, size_t j, tval *v)
{
    static const char *const closing[] = {"ended", "ending", "ends", "through", NULL};
    size_t k = j + is_w(s, j, "fiscal");
    if (j == 0 || !is_w(s, j - 1, "the") || !is_w(s, k, "year") || word_len(s, k) != tok_bytes(s, k))
        return 0;
    size_t the = j - 1;
    if (which(s, k + 1, closing) >= 0 || (the > 0 && is_w(s, the - 1, "throughout"))) {
        tv_lit(v, PX_TIMEX_DURATION, "P1Y");
        return k + 1 - j;
    }
    int clause_end = k + 1 >= s->n || is_kind(s, k + 1, PX_TOK_PUNCT);
    int earlier_in = is_w(s, the - 1, "in") && the > 1 && (is_w(s, the - 2, "earlier") || is_w(s, the - 2, "later"));
    /* "for the year," ends its clause; "earlier in the year by heavy rains" need not,
       but "later in the year 1990" and "the year before" are other years */
    static const char *const year_of_another[] = {"before", "after", "of", "when", NULL};
    int ends = clause_end || (earlier_in && !is_kind(s, k + 1, PX_TOK_NUMBER) && which(s, k + 1, year_of_another) < 0);
    int in = the > 0 && (is_w(s, the - 1, "for") || earlier_in);
    if (!ends || !in || k > j)
        return 0;
    v->type = PX_TIMEX_DATE;
    if (tv_needs_ref(s, v))
        tv_period(v, px_days_from_date(s->ref->year, 1, 1), PX_GRAIN_YEAR);
    return k + 1 - j;
}

/* "earlier in the week", "late in the month": the week or month of the
 * day the text last named, else this one. j is the unit after "the". */
static size_t in_this_week_or_month(const sent *s, size_t j, tval *v)
{
    static const char *const whens[] = {"earlier", "later", "early", "late", NULL};
    int plural;
    const unit *u = unit_at(s, j, &plural);
    if (!u || plural || (u->grain != PX_GRAIN_WEEK && u->grain != PX_GRAIN_MONTH) || u->code[1] == 'E' ||
        j < 3 || !is_w(s, j - 1, "the") || !is_w(s, j - 2, "in") || which(s, j - 3, whens) < 0 ||
        is_w(s, j + 1, "of") || is_w(s, j + 1, "before") || is_w(s, j + 1, "after"))
        return 0;
    v->type = PX_TIMEX_DATE;
    v->anchored = ANCHOR_OR_REF;
    if (!tv_needs_ref(s, v))
        return 1;
    long day = s->ref->day;
    if (is_w(s, j - 3, "earlier") && (u->grain == PX_GRAIN_WEEK ? weekday_of(day) == 1 : day == month_start(month_index(day))))
        day--; /* said on a Monday, on the first: nothing of this one is earlier */
    tv_period(v, u->grain == PX_GRAIN_WEEK ? monday_of(day) : month_start(month_index(day)), u->grain);
    return 1;
}

/* "the week of March 6": the week of a day written in full. */
static size_t week_of(const sent *s, size_t j, tval *v)
{
    if (j == 0 || !is_w(s, j - 1, "the") || !is_w(s, j, "week") || !is_w(s, j + 1, "of"))
        return 0;
    tval date;
    tv_init(&date);
    size_t used = m_month(s, j + 2, &date);
    if (!used || !date.explicit_day || !date.has_day || date.unresolved)
        return 0;
    *v = date;
    v->explicit_day = 0;
    v->grain = PX_GRAIN_WEEK;
    v->day = monday_of(date.day);
    return 2 + used;
}

/* The ISO week holding the first (n = 1..4) or last (n = -1) Thursday of
 * the month that starts on day first: a week belongs to the month that
 * holds its Thursday. */
static long week_of_month(long first, int n)
{
    int y_m;
    long y = year_of(first, &y_m);
    long thursday = first + (4 - weekday_of(first) + 7) % 7;
    if (n < 0) {
        long last = px_days_from_date(y, y_m, px_days_in_month(y, y_m));
        thursday = last - (weekday_of(last) - 4 + 7) % 7;
    } else {
        thursday += 7L * (n - 1);
    }
    return monday_of(thursday);
}

/* "the first week of March", "the last week of April 1998": that week. */
static size_t m_week_of_month(const sent *s, size_t j, tval *v)
{
    static const char *const nths[] = {"first", "second", "third", "fourth", "last", "final", NULL};
    int nth = which(s, j, nths);
    if (nth < 0 || j == 0 || !is_w(s, j - 1, "the") || !is_w(s, j + 1, "week") || !is_w(s, j + 2, "of"))
        return 0;
    tval month;
    tv_init(&month);
    size_t used = m_month(s, j + 3, &month);
    if (!used || month.grain != PX_GRAIN_MONTH || !month.has_day || month.unresolved)
        return 0;
    *v = month;
    v->grain = PX_GRAIN_WEEK;
    v->day = week_of_month(month.day, nth >= 4 ? -1 : nth + 1);
    return 3 + used;
}

/* "the end of the month", "the middle of the month": this month. j is
 * "the" before "month". */
static int period_part_of_this_month(const sent *s, size_t j)
{
    static const char *const parts[] = {"end", "start", "beginning", "middle", NULL};
    return j >= 2 && is_w(s, j, "the") && is_w(s, j + 1, "month") && word_len(s, j + 1) == tok_bytes(s, j + 1) &&
           is_w(s, j - 1, "of") && which(s, j - 2, parts) >= 0;
}

/* Two-word phrases: these days, the near future, the full year. */
static size_t m_phrase(const sent *s, size_t j, tval *v)
{
    size_t used = the_year(s, j, v);
    if (!used)
        used = week_of(s, j, v);
    if (!used)
        used = m_week_of_month(s, j, v);
    if (!used)
        used = in_this_week_or_month(s, j, v);
    if (used)
        return used;
    v->type = PX_TIMEX_DATE;
    if (is_w(s, j, "these") && is_w(s, j + 1, "days")) {
        tv_lit(v, PX_TIMEX_DATE, "PRESENT_REF");
        return 2;
    }
    if ((is_w(s, j, "near") || is_w(s, j, "foreseeable")) && is_w(s, j + 1, "future")) {
        tv_lit(v, PX_TIMEX_DATE, "FUTURE_REF");
        return 2;
    }
    if (period_end_of_this_year(s, j)) {
        if (tv_needs_ref(s, v))
            tv_period(v, px_days_from_date(s->ref->year, 1, 1), PX_GRAIN_YEAR);
        return is_w(s, j, "year-end") ? 1 : 2;
    }
    if (period_part_of_this_month(s, j)) {
        if (tv_needs_ref(s, v))
            tv_period(v, month_start(month_index(s->ref->day)), PX_GRAIN_MONTH);
        return 2;
    }
    if (is_w(s, j, "full") && is_w(s, j + 1, "year") && j > 0 && is_w(s, j - 1, "the")) {
        if (tv_needs_ref(s, v))
            tv_period(v, px_days_from_date(s->ref->year, 1, 1), PX_GRAIN_YEAR);
        return 2;
    }
    if (is_w(s, j, "weekend") && j > 0 && is_w(s, j - 1, "the") && !is_w(s, j + 1, "of")) {
        if (tv_needs_ref(s, v)) {
            long week = monday_of(s->ref->day);
            int wd = weekday_of(s->ref->day);
            if (wd != 0 && wd != 6 && tense_of(s, j, j + 1) <= 0)
                week -= 7; /* the weekend just past */
            tv_period(v, week, PX_GRAIN_WEEK);
            v->weekend = 1;
        }
        return 1;
    }
    return 0;
}

/* Single words: today, yesterday, now, recently, soon, ... */
static size_t m_word(const sent *s, size_t j, tval *v)
{
    static const struct {
        const char *word;
        const char *lit; /* a reference value, or NULL for a day offset */
        int offset;
    } words[] = {
        {"today", NULL, 0},         {"yesterday", NULL, -1},    {"tomorrow", NULL, 1},
        {"tonight", NULL, 0},       {"now", "PRESENT_REF", 0},  {"currently", "PRESENT_REF", 0},
        {"presently", "PRESENT_REF", 0}, {"nowadays", "PRESENT_REF", 0}, {"current", "PRESENT_REF", 0},
        {"recently", "PAST_REF", 0}, {"recent", "PAST_REF", 0}, {"lately", "PAST_REF", 0},
        {"previously", "PAST_REF", 0}, {"formerly", "PAST_REF", 0},
        {"soon", "FUTURE_REF", 0},  {"future", "FUTURE_REF", 0}, {"past", "PAST_REF", 0},
        {"present", "PRESENT_REF", 0}, {NULL, NULL, 0}};
    int k = -1;
    for (int w = 0; words[w].word; w++)
        if (is_w(s, j, words[w].word))
            k = w;
    if (k < 0)
        return 0;
    v->type = PX_TIMEX_DATE;
    const char *w = words[k].word;
    if (!strcmp(w, "past") || !strcmp(w, "future") || !strcmp(w, "present")) {
        /* only "the past", "the future", "at present", "in future" */
        if (j == 0 || !(is_w(s, j - 1, "the") || is_w(s, j - 1, "at") || is_w(s, j - 1, "in")))
            return 0;
        int plural;
        long n;
        if (unit_at(s, j + 1, &plural) || count_at(s, j + 1, &n))
            return 0;
    }
    if (words[k].lit) {
        if (!strcmp(w, "recent")) { /* an adjective, but "in recent years": a stretch of years */
            int plural;
            const unit *u = unit_at(s, j + 1, &plural);
            if (!u || !plural)
                return 0;
            duration_lit(v, -1, u);
            return 2;
        }
        if (attributive(s, j) || title_word(s, j) || (!strcmp(w, "soon") && is_w(s, j - 1, "as") && is_w(s, j + 1, "as")))
            return 0;
        if ((!strcmp(w, "previously") || !strcmp(w, "formerly")) && !sentence_initial(s, j))
            return 0; /* "a previously announced plan", "formerly known as": a manner, not a time */
        if ((!strcmp(w, "future") || !strcmp(w, "current")) &&
            (modifies_noun(s, j) || is_w(s, j + 1, "or") || is_w(s, j + 1, "and")))
            return 0; /* future demand, current or former leaders */
        tv_lit(v, PX_TIMEX_DATE, words[k].lit);
        return 1;
    }
    if (title_word(s, j))
        return 0; /* USA Today, the Today show */
    if (!strcmp(w, "today") && is_w(s, j + 1, "show"))
        return 0;
    if (!strcmp(w, "tonight")) {
        v->type = PX_TIMEX_TIME;
        strcpy(v->tod, "TNI");
    }
    if (tv_needs_ref(s, v))
        tv_period(v, s->ref->day + words[k].offset, PX_GRAIN_DAY);
    return 1;
}

/* this/last/next week, month, year, quarter, weekend, decade; last night,
 * this morning. */
/* "the following month", "the previous year", "that week", "the same
 * year": a period counted from the one the text last named (day_context),
 * not from the article date as "next month" and "last year" are. The
 * tokens used, 0 when j starts none; the shift in *shift. */
static size_t narrative_period(const sent *s, size_t j, long *shift)
{
    static const char *const after[] = {"following", "subsequent", NULL};
    static const char *const before[] = {"previous", "preceding", "prior", NULL};
    int the = j > 0 && is_w(s, j - 1, "the");
    if (the && which(s, j, after) >= 0)
        *shift = 1;
    else if (the && which(s, j, before) >= 0)
        *shift = -1;
    else if ((the && is_w(s, j, "same")) || (is_w(s, j, "that") && !(j > 0 && is_w(s, j - 1, "at"))))
        *shift = 0;
    else
        return 0;
    int plural;
    const unit *u = unit_at(s, j + 1, &plural);
    if (!u || plural || word_len(s, j + 1) != tok_bytes(s, j + 1) ||
        !(u->grain == PX_GRAIN_WEEK || u->grain == PX_GRAIN_MONTH || u->grain == PX_GRAIN_YEAR) ||
        u->code[1] == 'E')
        return 0;
    return 2;
}

/* "the same period last year", "last year's quarter": in a report on a
 * quarter, that quarter a year before (quarter_context). j is "last". */
static int quarter_of_last_year(const sent *s, size_t j)
{
    static const char *const periods[] = {"quarter", "period", NULL};
    if (j > 0 && which(s, j - 1, periods) >= 0)
        return 1;
    return word_len(s, j + 1) < tok_bytes(s, j + 1) &&
           (which(s, j + 2, periods) >= 0 || quarter_ordinal(s->text + (j + 2 < s->n ? s->t[j + 2].start : 0),
                                                           j + 2 < s->n ? word_len(s, j + 2) : 0));
}

static size_t m_dir_unit(const sent *s, size_t j, tval *v)
{
    long shift = 0;
    size_t narrative = narrative_period(s, j, &shift);
    if (narrative && dir_at(s, j) == DIR_NONE) { /* that year, the same month */
        int plural;
        const unit *u = unit_at(s, j + 1, &plural);
        v->type = PX_TIMEX_DATE;
        v->anchored = 1;
        v->shift = shift;
        if (tv_needs_ref(s, v))
            tv_period(v, s->ref->day, u->grain);
        v->unresolved = 1; /* until day_context finds the period */
        return narrative;
    }
    int dir = dir_at(s, j);
    if (!dir || (dir == DIR_LAST && is_w(s, j, "past") && j > 0 && !is_w(s, j - 1, "the") && !is_w(s, j - 1, "this")))
        return 0;
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    static const char *const codes[] = {"TMO", "TAF", "TEV", "TNI"};
    int part = which(s, j + 1, parts), plural;
    if (cap(s, j) && cap(s, j + 1) && !sentence_initial(s, j))
        return 0; /* ABC's "This Week" */
    v->type = PX_TIMEX_DATE;
    size_t fiscal = is_w(s, j + 1, "fiscal");
    if (part >= 0) {
        if (dir == DIR_NEXT || (dir == DIR_LAST && part != 3))
            return 0;
        v->type = PX_TIMEX_TIME;
        strcpy(v->tod, codes[part]);
        if (tv_needs_ref(s, v))
            tv_period(v, s->ref->day - (dir == DIR_LAST), PX_GRAIN_DAY);
        return 2;
    }
    const unit *u = unit_at(s, j + 1 + fiscal, &plural);
    if (!u || plural || u->clock || u->grain == PX_GRAIN_DAY)
        return 0;
    if (!tv_needs_ref(s, v))
        return 2 + fiscal;
    int step = dir == DIR_THIS ? 0 : dir;
    const ref_date *r = s->ref;
    if (narrative) { /* the following year: from the text's year when it named one */
        v->anchored = ANCHOR_OR_REF;
        v->shift = shift;
    }
    switch (u->grain) {
    case PX_GRAIN_WEEK:
        tv_period(v, monday_of(r->day) + 7 * step, PX_GRAIN_WEEK);
        v->weekend = u->code[1] == 'E';
        break;
    case PX_GRAIN_MONTH: tv_period(v, month_start(month_index(r->day) + step), PX_GRAIN_MONTH); break;
    case PX_GRAIN_QUARTER: {
        long q = quarter_index(r->day) + step;
        tv_period(v, quarter_start(q / 4, (int)(q % 4) + 1), PX_GRAIN_QUARTER);
        break;
    }
    case PX_GRAIN_YEAR:
        tv_period(v, px_days_from_date(r->year + step, 1, 1), PX_GRAIN_YEAR);
        if (step < 0 && quarter_of_last_year(s, j))
            v->quarter_back = 1;
        break;
    case PX_GRAIN_DECADE:
        tv_period(v, px_days_from_date(r->year / 10 * 10 + 10 * step, 1, 1), PX_GRAIN_DECADE);
        break;
    default:
        tv_period(v, px_days_from_date(r->year / 100 * 100 + 100 * step, 1, 1), PX_GRAIN_CENTURY);
        break;
    }
    return 2 + fiscal;
}

/* Ordinal of a quarter word (first, 3rd; "third" of "third-quarter"): 1-4,
 * or 0. */
static int quarter_ordinal(const char *w, size_t len)
{
    static const char *const ords[] = {"first", "second", "third", "fourth",
                                       "1st",   "2nd",    "3rd",   "4th", NULL};
    for (int o = 0; ords[o]; o++)
        if (strlen(ords[o]) == len && strncasecmp(w, ords[o], len) == 0)
            return o % 4 + 1;
    return 0;
}

/* "third-quarter", "fiscal-first": the ordinal of a hyphenated quarter
 * word; 0 when token k is none. */
static int hyphen_quarter(const sent *s, size_t k)
{
    if (!is_kind(s, k, PX_TOK_WORD) || !(s->t[k].flags & PX_TOKF_HYPHENATED))
        return 0;
    const char *w = s->text + s->t[k].start;
    size_t len = word_len(s, k);
    const char *dash = memchr(w, '-', len);
    size_t rest = (size_t)(w + len - dash - 1);
    if (rest == 7 && strncasecmp(dash + 1, "quarter", 7) == 0)
        return quarter_ordinal(w, (size_t)(dash - w));
    if (dash - w == 6 && strncasecmp(w, "fiscal", 6) == 0 && is_w(s, k + 1, "quarter"))
        return quarter_ordinal(dash + 1, rest);
    return 0;
}

/* Which quarter, counted back from the reference date's, a quarter word
 * without an ordinal names: the latest (reported) one, or the one a year
 * before it; -1 when the word is none of those. */
static int quarter_lag(const sent *s, size_t k)
{
    static const char *const latest[] = {"latest", "recent", "same", "fiscal", "just-ended", NULL};
    static const char *const year_ago[] = {"year-ago", "year-earlier", "prior-year", NULL};
    if (which(s, k, latest) >= 0)
        return 1;
    if (which(s, k, year_ago) >= 0)
        return 5;
    return -1;
}

static void set_quarter(tval *v, long idx)
{
    tv_period(v, quarter_start(idx / 4, (int)(idx % 4) + 1), PX_GRAIN_QUARTER);
}

/* Q3, 3Q: the quarter's number, 0 when token k is neither. */
static int compact_quarter(const sent *s, size_t k)
{
    if (k >= s->n || tok_bytes(s, k) != 2 || !(is_kind(s, k, PX_TOK_WORD) || is_kind(s, k, PX_TOK_NUMBER)))
        return 0;
    const char *w = s->text + s->t[k].start;
    char q = w[0] == 'Q' ? w[1] : w[1] == 'Q' ? w[0] : 0;
    return q >= '1' && q <= '4' ? q - '0' : 0;
}

/* Q3, 3Q, Q3 2023, 2023 Q3: a quarter; without a year, the latest one of
 * that number (this year's unless it is still ahead in a past-tense
 * sentence). */
static size_t m_compact_quarter(const sent *s, size_t j, tval *v)
{
    int year = year_at(s, j), q;
    size_t k = year ? j + 1 : j;
    if (!(q = compact_quarter(s, k)))
        return 0;
    v->type = PX_TIMEX_DATE;
    if (!year && (year = year_at(s, k + 1)) != 0)
        k++;
    if (year) {
        tv_period(v, quarter_start(year, q), PX_GRAIN_QUARTER);
        return k + 1 - j;
    }
    if (!tv_needs_ref(s, v))
        return k + 1 - j;
    long y = s->ref->year;
    if (q > quarter_index(s->ref->day) % 4 + 1 && tense_of(s, j, k + 1) < 0)
        y--;
    set_quarter(v, y * 4 + q - 1);
    return k + 1 - j;
}

/* A text about a business or an economy (sales, profit, growth, sums of
 * money): a quarter or a half with no year is one of a year there, not of
 * a game. */
static const char *const business_words[] = {
        "sales", "profit", "profits", "earnings", "revenue", "revenues", "income", "loss", "losses",
        "results", "growth", "economy", "demand", "prices", "output", "shipments", "orders", "margins",
        "dividend", "shares", "volume", "deliveries", "spending", "exports", "imports", "costs", NULL};

/* Business words and sums of money it takes to make a text a business one. */
#define BUSINESS_CUES 1

static int business_text(const char *text, const px_token *t, size_t n)
{
    int cues = 0;
    sent all = {.text = text, .t = t, .n = n};
    for (size_t i = 0; i < n && cues < BUSINESS_CUES; i++)
        cues += (t[i].flags & (PX_TOKF_CURRENCY | PX_TOKF_PERCENT)) || which(&all, i, business_words) >= 0;
    return cues >= BUSINESS_CUES;
}

/* the first (second) half of 2023, of fiscal 2023, of the (this, last)
 * year: YYYY-H1. Without a year ("the first half" of a match) no date. */
static size_t m_half(const sent *s, size_t j, tval *v)
{
    int half = is_w(s, j, "first") ? 1 : is_w(s, j, "second") ? 2 : 0;
    if (!half && (is_w(s, j, "first-half") || is_w(s, j, "second-half")) && !attributive(s, j) &&
        s->business) {
        v->type = PX_TIMEX_DATE;
        v->report_half = is_w(s, j, "first-half") ? 1 : 2;
        return 1; /* second-half earnings */
    }
    if (half && is_w(s, j + 1, "half") && !is_w(s, j + 2, "of") && j > 0 && is_w(s, j - 1, "the") &&
        s->business) {
        v->type = PX_TIMEX_DATE;
        v->report_half = half;
        return 2; /* the second half (of the report's year) */
    }
    if (!half || !is_w(s, j + 1, "half") || !is_w(s, j + 2, "of"))
        return 0;
    size_t k = j + 3 + is_w(s, j + 3, "fiscal");
    long year = year_at(s, k);
    if (!year) {
        int dir = is_w(s, k, "the") ? DIR_THIS : dir_at(s, k);
        if (!dir || !is_w(s, k + 1, "year") || word_len(s, k + 1) != tok_bytes(s, k + 1))
            return 0;
        k++;
        if (!tv_needs_ref(s, v)) {
            v->type = PX_TIMEX_DATE;
            return k + 1 - j;
        }
        year = s->ref->year + (dir == DIR_THIS ? 0 : dir);
    }
    char lit[16];
    snprintf(lit, sizeof lit, "%04ld-H%d", year % 10000, half);
    tv_lit(v, PX_TIMEX_DATE, lit);
    return k + 1 - j;
}

/* "last year", "a year ago", "a year earlier" at token k: its tokens, else 0. */
static size_t year_back(const sent *s, size_t k)
{
    if (is_w(s, k, "last") && is_w(s, k + 1, "year") && word_len(s, k + 1) == tok_bytes(s, k + 1))
        return 2;
    if (is_w(s, k, "a") && is_w(s, k + 1, "year") && (is_w(s, k + 2, "ago") || is_w(s, k + 2, "earlier")))
        return 3;
    return 0;
}

/* Ordinal quarters: third quarter, third-quarter, the fourth quarter of
 * 1988, this year's third quarter, the latest quarter (or period), the
 * year-ago quarter; year-earlier alone. */
static size_t m_quarter(const sent *s, size_t j, tval *v)
{
    size_t k = j;
    int year_dir = DIR_NONE, lag = -1, q;
    if (dir_at(s, k) && is_w(s, k + 1, "year") && k + 1 < s->n && word_len(s, k + 1) < tok_bytes(s, k + 1)) {
        year_dir = dir_at(s, k); /* this year's */
        k += 2;
    }
    if ((lag = quarter_lag(s, k)) == 5 && quarter_ordinal(s->text + (k + 1 < s->n ? s->t[k + 1].start : 0),
                                                           k + 1 < s->n ? word_len(s, k + 1) : 0))
        k++, year_dir = DIR_LAST; /* the year-ago third quarter */
    if ((q = hyphen_quarter(s, k)) != 0) {
        k += is_w(s, k + 1, "quarter") ? 2 : 1;
    } else if (k < s->n && (q = quarter_ordinal(s->text + s->t[k].start, word_len(s, k))) != 0 &&
               (is_w(s, k + 1, "quarter") || (is_w(s, k + 1, "fiscal") && is_w(s, k + 2, "quarter")))) {
        k += is_w(s, k + 1, "fiscal") ? 3 : 2;
    } else if (lag > 0 && (is_w(s, k + 1, "quarter") || is_w(s, k + 1, "period"))) {
        k += 2;
    } else if (lag == 5) {
        k += 1; /* year-earlier results */
        v->type = PX_TIMEX_DATE;
        if (tv_needs_ref(s, v)) {
            tv_period(v, px_days_from_date(s->ref->year - 1, 1, 1), PX_GRAIN_YEAR);
        }
        return k - j;
    } else if (j > 0 && is_w(s, j - 1, "the") && is_w(s, k, "quarter") && !is_w(s, k + 1, "of")) {
        lag = 1;
        k += 1;
    } else {
        return 0;
    }
    v->type = PX_TIMEX_DATE;
    size_t at_year = is_w(s, k, "of") ? k + 1 : k;
    int year = year_at(s, at_year);
    if (year && q) {
        tv_period(v, quarter_start(year, q), PX_GRAIN_QUARTER);
        return at_year + 1 - j;
    }
    if (!year_dir && !s->business)
        return 0; /* a touchdown in the third quarter */
    if (!tv_needs_ref(s, v))
        return k - j;
    long cur = quarter_index(s->ref->day);
    size_t back = !q && lag == 1 ? year_back(s, k) : 0;
    if (back) { /* the same period last year, the quarter a year ago: a year before */
        tv_period(v, px_days_from_date(s->ref->year - 1, 1, 1), PX_GRAIN_YEAR);
        v->quarter_back = 1;
        return k + back - j;
    }
    if (!q) {
        set_quarter(v, cur - (tense_of(s, j, k) > 0 && lag == 1 ? 0 : lag));
        v->quarter_back = lag == 5 ? -1 : 0;
        v->latest_quarter = lag == 1;
        return k - j;
    }
    long y = s->ref->year;
    if (year_dir)
        y += year_dir == DIR_THIS ? 0 : year_dir;
    else if (q > cur % 4 + 1 && tense_of(s, j, k) < 0)
        y--;
    set_quarter(v, y * 4 + q - 1);
    return k - j;
}

/* A count before a unit: two, 10, a, a few, several; 'X' when vague.
 * Returns the tokens used (0 = none). */
static size_t count_at(const sent *s, size_t k, long *n)
{
    static const char *const vague[] = {"few", "several", "many", "some", "couple", NULL};
    if (is_w(s, k, "a") && which(s, k + 1, vague) >= 0) {
        *n = is_w(s, k + 1, "couple") ? 2 : -1;
        return is_w(s, k + 2, "of") ? 3 : 2;
    }
    if (which(s, k, vague) >= 0 && !is_w(s, k, "couple")) {
        *n = -1;
        return 1;
    }
    if (k >= s->n || (s->t[k].kind != PX_TOK_WORD && s->t[k].kind != PX_TOK_NUMBER) ||
        (s->t[k].flags & (PX_TOKF_CURRENCY | PX_TOKF_PERCENT)))
        return 0;
    long c = compound_count(s->text + s->t[k].start, s->t[k].end - s->t[k].start);
    if (c < 0)
        return 0;
    *n = c;
    if (c >= 1 && c <= 9 && is_w(s, k + 1, "hundred")) { /* a hundred years, two hundred days */
        *n = c * 100;
        return 2;
    }
    if (c >= 20 && c % 10 == 0 && !(s->t[k].flags & PX_TOKF_HYPHENATED) && is_kind(s, k + 1, PX_TOK_WORD)) {
        long ones = count_in(s->text + s->t[k + 1].start, word_len(s, k + 1));
        if (ones >= 1 && ones <= 9 && !is_w(s, k + 1, "a") && !is_w(s, k + 1, "an")) {
            *n = c + ones;
            return 2;
        }
    }
    return 1;
}

/* "1/2" (one token or three) or "and a half" at k: the tokens, else 0. */
static size_t half_at(const sent *s, size_t k)
{
    if (k < s->n && tok_bytes(s, k) == 3 && memcmp(s->text + s->t[k].start, "1/2", 3) == 0)
        return 1;
    if (num(s, k) == 1 && is_punct(s, k + 1, '/') && num(s, k + 2) == 2 && tok_bytes(s, k + 2) == 1)
        return 3;
    if (is_w(s, k, "and") && is_w(s, k + 1, "a") && is_w(s, k + 2, "half"))
        return 3;
    return 0;
}

static const char *const day_kinds[] = {"trading", "business", "working", "calendar", NULL};

/* A word between a count and its unit: "20 more years", "eight trading
 * days" (day_kinds: only before days). 1 when token k is one. */
static size_t count_filler(const sent *s, size_t k)
{
    static const char *const more[] = {"more", "additional", "extra", "further", NULL};
    return which(s, k, more) >= 0 || which(s, k, day_kinds) >= 0;
}

/* n and a half units, in the next smaller unit (PT5H30M, P18M); 0 for a
 * unit without one (weeks, months). */
static int half_duration_lit(tval *v, long n, const unit *u)
{
    if (!u || n < 0 || n > 999)
        return 0;
    v->type = PX_TIMEX_DURATION;
    if (u->clock && u->code[0] == 'H')
        snprintf(v->lit, sizeof v->lit, "PT%ldH30M", n);
    else if (u->clock && u->code[0] == 'M')
        snprintf(v->lit, sizeof v->lit, "PT%ldM30S", n);
    else if (u->grain == PX_GRAIN_DAY)
        snprintf(v->lit, sizeof v->lit, "P%ldDT12H", n);
    else if (u->grain == PX_GRAIN_YEAR)
        snprintf(v->lit, sizeof v->lit, "P%ldM", n * 12 + 6);
    else if (u->grain == PX_GRAIN_DECADE)
        snprintf(v->lit, sizeof v->lit, "P%ldY", n * 10 + 5);
    else if (u->grain == PX_GRAIN_CENTURY)
        snprintf(v->lit, sizeof v->lit, "P%ldY", n * 100 + 50);
    else
        return 0;
    return 1;
}

static void duration_lit(tval *v, long n, const unit *u)
{
    char count[8] = "X";
    if (n >= 0)
        snprintf(count, sizeof count, "%u", (unsigned)(n % 1000));
    if (u->grain == PX_GRAIN_WEEK && u->code[1] == 'E')
        snprintf(v->lit, sizeof v->lit, "P%sWE", count);
    else if ((u->grain == PX_GRAIN_DECADE || u->grain == PX_GRAIN_CENTURY) && n >= 0)
        snprintf(v->lit, sizeof v->lit, "P%uY", (unsigned)(n % 1000) * (u->grain == PX_GRAIN_DECADE ? 10 : 100));
    else if (u->grain == PX_GRAIN_DECADE || u->grain == PX_GRAIN_CENTURY)
        snprintf(v->lit, sizeof v->lit, "PXY"); /* decades, centuries: in years, as counted ones are */
    else
        snprintf(v->lit, sizeof v->lit, "P%s%s%s", u->clock ? "T" : "", count, u->code);
    v->type = PX_TIMEX_DURATION;
}

/* The period n units before (sign -1) or after the reference day. */
static void shifted_period(const sent *s, tval *v, long n, const unit *u, int sign)
{
    const ref_date *r = s->ref;
    long d = n * sign;
    switch (u->grain) {
    case PX_GRAIN_DAY: tv_period(v, r->day + d, PX_GRAIN_DAY); break;
    case PX_GRAIN_WEEK: tv_period(v, monday_of(r->day + 7 * d), PX_GRAIN_WEEK); break;
    case PX_GRAIN_MONTH: tv_period(v, month_start(month_index(r->day) + d), PX_GRAIN_MONTH); break;
    case PX_GRAIN_QUARTER: {
        long q = quarter_index(r->day) + d;
        tv_period(v, quarter_start(q / 4, (int)(q % 4) + 1), PX_GRAIN_QUARTER);
        break;
    }
    case PX_GRAIN_YEAR:
        tv_period(v, px_days_from_date(r->year + d, 1, 1), PX_GRAIN_YEAR);
        v->quarter_back = sign < 0 ? (int)n : 0;
        break;
    case PX_GRAIN_DECADE: tv_period(v, px_days_from_date(r->year + 10 * d, 1, 1), PX_GRAIN_DECADE); break;
    case PX_GRAIN_CENTURY: tv_period(v, px_days_from_date(r->year + 100 * d, 1, 1), PX_GRAIN_CENTURY); break;
    default: tv_lit(v, PX_TIMEX_DATE, sign < 0 ? "PAST_REF" : "FUTURE_REF"); break;
    }
}

/* 10-year, two-day, decades-long (not 30-year-old, an age): 1 when token
 * k is one. */
static int hyphen_duration(const sent *s, size_t k, tval *v)
{
    const char *w = s->text + s->t[k].start;
    size_t len = word_len(s, k);
    const char *dash = memchr(w, '-', len);
    if (!dash)
        return 0;
    int plural;
    if (len > 5 && strncasecmp(w + len - 5, "-long", 5) == 0) { /* decades-long: some units */
        const unit *u = unit_in(w, (size_t)(dash - w), &plural);
        if (!u || !plural || dash != w + len - 5)
            return 0;
        duration_lit(v, -1, u);
        return 1;
    }
    if (memchr(dash + 1, '-', (size_t)(w + len - dash - 1)))
        return 0;
    long cnt = count_in(w, (size_t)(dash - w));
    const unit *u = cnt > 0 ? unit_in(dash + 1, (size_t)(w + len - dash - 1), &plural) : NULL;
    if (!u || plural)
        return 0;
    duration_lit(v, cnt, u);
    return 1;
}

/* Words before "a year" that make it a rate: twice a year. */
static const char *const per_words[] = {"once", "twice", "times", "per", NULL};

/* [the past|last|next|first] N units [ago|earlier|later|from now]; 10-year;
 * for years. */
static size_t m_duration(const sent *s, size_t j, tval *v)
{
    size_t k = j;
    int dir = dir_at(s, k);
    int lead = dir == DIR_LAST || dir == DIR_NEXT || is_w(s, k, "first") || is_w(s, k, "final") ||
               is_w(s, k, "initial");
    if (lead)
        k++;
    long n;
    int plural;
    const unit *u = NULL;
    size_t c = count_at(s, k, &n);
    size_t half = c ? half_at(s, k + c) : 0; /* 5 1/2 hours, two and a half years */
    if (c) {
        c += half;
        c += count_filler(s, k + c);
        u = unit_at(s, k + c, &plural);
    }
    if (u && u->grain != PX_GRAIN_DAY && which(s, k + c - 1, day_kinds) >= 0)
        return 0; /* trading and business are days */
    size_t half_after = u && !half && n == 1 && !plural ? half_at(s, k + c + 1) : 0; /* a year and a half */
    if (half || half_after)
        return half_duration_lit(v, n, u) ? k + c + 1 + half_after - j : 0;
    if (u && (title_word(s, k + c) || (u->clock && u->code[0] == 'S' && !u->code[1] && n == 1 &&
                                       modifies_noun(s, k + c))))
        return 0; /* 60 Minutes; a second time */
    if (!u && (is_kind(s, k, PX_TOK_NUMBER) || is_kind(s, k, PX_TOK_WORD)) &&
        (s->t[k].flags & PX_TOKF_HYPHENATED))
        return hyphen_duration(s, k, v) ? k + 1 - j : 0;
    if (!u) { /* for years, in recent months, the next few weeks */
        static const char *const before[] = {"for", "over", "within", "recent", NULL};
        u = unit_at(s, k, &plural);
        int over_the = k > 1 && is_w(s, k - 1, "the") && is_w(s, k - 2, "over"); /* over the years */
        if (!u || !plural || !(lead || over_the || (k > 0 && which(s, k - 1, before) >= 0)))
            return 0;
        n = -1;
        c = 0;
    }
    size_t end = k + c + 1;
    static const char *const modals[] = {"could", "might", "may", "will", "would", "can", "should", NULL};
    if (!lead && n == 1 && is_w(s, k, "one") && u->grain == PX_GRAIN_DAY && !plural && j > 0 &&
        which(s, j - 1, modals) >= 0) {
        tv_lit(v, PX_TIMEX_DATE, "FUTURE_REF"); /* could one day */
        return end - j;
    }
    if (!lead && n == 1 && (is_w(s, k, "a") || is_w(s, k, "an")) && !plural && j > 0 && !is_w(s, end, "ago") && !is_w(s, end, "earlier") &&
        (which(s, j - 1, per_words) >= 0 ||
         is_kind(s, j - 1, PX_TOK_NUMBER))) {
        snprintf(v->lit, sizeof v->lit, "P%s1%s", u->clock ? "T" : "", u->code);
        v->type = PX_TIMEX_SET;
        return end - j;
    }
    static const char *const back[] = {"ago", "earlier", NULL};
    if (is_w(s, end, "old") || is_w(s, end, "older"))
        return 0; /* an age */
    int sign = which(s, end, back) >= 0 ? -1 : is_w(s, end, "hence") ? 1 : 0;
    if (!lead && sign) {
        v->type = PX_TIMEX_DATE;
        if (!tv_needs_ref(s, v))
            return end + 1 - j;
        if (n < 0)
            tv_lit(v, PX_TIMEX_DATE, sign < 0 ? "PAST_REF" : "FUTURE_REF");
        else
            shifted_period(s, v, n, u, sign);
        return end + 1 - j;
    }
    if (is_w(s, end, "from") && is_w(s, end + 1, "now")) {
        v->type = PX_TIMEX_DATE;
        if (tv_needs_ref(s, v))
            shifted_period(s, v, n, u, 1);
        return end + 2 - j;
    }
    duration_lit(v, n, u);
    return end - j;
}

/* "on Sundays", "Mondays and Fridays": a weekday in the plural is a set;
 * its number (0 Sunday), or -1. */
static int plural_weekday(const sent *s, size_t j)
{
    if (!cap(s, j) || !is_kind(s, j, PX_TOK_WORD) || title_word(s, j + 1))
        return -1;
    size_t len = word_len(s, j);
    const char *w = s->text + s->t[j].start;
    if (len < 7 || w[len - 1] != 's' || len != tok_bytes(s, j))
        return -1;
    int wd = px_word_index(weekday_words, w, len - 1);
    return wd >= 0 && j > 0 && (is_w(s, j - 1, "on") || is_w(s, j - 1, "and") || is_w(s, j - 1, "most")) ? wd : -1;
}

/* daily, weekly, every day, each Monday, each July, on Sundays, per year. */
static size_t m_set(const sent *s, size_t j, tval *v)
{
    static const char *const adverbs[] = {"daily", "weekly", "monthly", "annually", "yearly",
                                          "hourly", "nightly", "quarterly", NULL};
    static const char *const values[] = {"P1D", "P1W", "P1M", "P1Y", "P1Y", "PT1H", "P1D", "P3M"};
    int a = which(s, j, adverbs);
    if (a >= 0 && (attributive(s, j) || is_w(s, j - 1, "average") || is_w(s, j - 1, "initial") ||
                   modifies_noun(s, j) || title_word(s, j) || (j > 0 && title_word(s, j - 1))))
        return 0; /* the daily, its quarterly dividend, daily updates, the Zeitung daily */
    if (a >= 0) {
        tv_lit(v, PX_TIMEX_SET, values[a]);
        return 1;
    }
    int wds = plural_weekday(s, j);
    if (wds >= 0) {
        snprintf(v->lit, sizeof v->lit, "XXXX-WXX-%d", wds ? wds : 7);
        v->type = PX_TIMEX_SET;
        return 1;
    }
    if (!is_w(s, j, "every") && !is_w(s, j, "each") && !is_w(s, j, "per"))
        return 0;
    int month = month_at(s, j + 1);
    if (month && !is_kind(s, j + 2, PX_TOK_NUMBER)) { /* each July */
        snprintf(v->lit, sizeof v->lit, "XXXX-%02d", month);
        v->type = PX_TIMEX_SET;
        return 2;
    }
    int plural, wd = weekday_at(s, j + 1);
    if (wd >= 0) {
        snprintf(v->lit, sizeof v->lit, "XXXX-WXX-%d", wd ? wd : 7);
        v->type = PX_TIMEX_SET;
        return 2;
    }
    size_t k = j + 1;
    long n = 1;
    if (is_w(s, k, "other"))
        n = 2, k++;
    const unit *u = unit_at(s, k, &plural);
    if (!u || plural) {
        long c = count_in(s->text + (k < s->n ? s->t[k].start : 0), k < s->n ? word_len(s, k) : 0);
        if (c < 2 || !(u = unit_at(s, k + 1, &plural)))
            return 0;
        n = c;
        k++;
    }
    snprintf(v->lit, sizeof v->lit, "P%s%ld%s", u->clock ? "T" : "", n, u->code);
    v->type = PX_TIMEX_SET;
    return k + 1 - j;
}

/* "o'clock" at token k, one token or three (o ' clock): the tokens. */
static size_t oclock_at(const sent *s, size_t k)
{
    if (is_w(s, k, "o'clock") || is_w(s, k, "o\xe2\x80\x99" "clock"))
        return 1;
    if (is_w(s, k, "o") && is_kind(s, k + 1, PX_TOK_PUNCT) && is_w(s, k + 2, "clock"))
        return 3;
    return 0;
}

/* "in the morning" (1: a.m.), "in the afternoon", "in the evening", "at
 * night" (2: p.m.) after an hour: the tokens, the half of the day in
 * *suffix. */
static size_t hour_of_day_part(const sent *s, size_t k, int *suffix)
{
    if (is_w(s, k, "at") && is_w(s, k + 1, "night")) {
        *suffix = 2;
        return 2;
    }
    if (!is_w(s, k, "in") || !is_w(s, k + 1, "the"))
        return 0;
    if (is_w(s, k + 2, "morning"))
        *suffix = 1;
    else if (is_w(s, k + 2, "afternoon") || is_w(s, k + 2, "evening"))
        *suffix = 2;
    else
        return 0;
    return 3;
}

/* 3 p.m., 10:30 a.m., 3pm, 8 o'clock, 4 in the morning, noon, midnight. */
static size_t m_clock(const sent *s, size_t j, tval *v)
{
    static const char *const ampm[] = {"a.m", "p.m", "am", "pm", NULL};
    long h = -1, m = 0;
    size_t k = j;
    if ((is_w(s, k, "noon") || is_w(s, k, "midday") || is_w(s, k, "midnight")) && !is_w(s, k - 1, "high")) {
        h = is_w(s, k, "midnight") ? 0 : 12;
        k++;
    } else if (is_kind(s, k, PX_TOK_NUMBER)) {
        const char *w = s->text + s->t[k].start;
        size_t len = tok_bytes(s, k);
        char *e;
        h = strtol(w, &e, 10);
        if (e < w + len && *e == ':') {
            m = strtol(e + 1, &e, 10);
            if (e - w < 4)
                return 0;
        }
        int suffix = e < w + len ? -1 : 0;
        if (suffix && (size_t)(w + len - e) == 2 &&
            (strncasecmp(e, "am", 2) == 0 || strncasecmp(e, "pm", 2) == 0))
            suffix = e[0] == 'p' || e[0] == 'P' ? 2 : 1;
        else if (suffix)
            return 0;
        k++;
        size_t oclock = suffix ? 0 : oclock_at(s, k);
        if (oclock) { /* 8 o'clock: the hour as written, morning or evening unknown */
            if (h < 1 || h > 12)
                return 0;
            k += oclock;
            suffix = -1;
        }
        size_t part = suffix > 0 || e < w + len ? 0 : hour_of_day_part(s, k, &suffix);
        if (part) { /* at 4 in the morning, until 10 at night; not "10 at night school" */
            static const char *const preps[] = {"at", "by", "until", "till", "around", "about", "from",
                                                "to", "before", "after", "since", NULL};
            if (h < 1 || h > 12 || j == 0 || which(s, j - 1, preps) < 0 || modifies_noun(s, k + part - 1))
                return 0;
            k += part;
        }
        if (!suffix) {
            int ap = which(s, k, ampm);
            if (ap >= 0) {
                suffix = ap % 2 ? 2 : 1;
                k++;
            } else if (memchr(w, ':', len) == NULL) {
                return 0;
            } else if (!(j > 0 && (is_w(s, j - 1, "at") || is_w(s, j - 1, "by")))) {
                return 0;
            }
        }
        if (h < 0 || h > 23 || m < 0 || m > 59 || (suffix && (h < 1 || h > 12)))
            return 0;
        if (suffix == 2 && h < 12)
            h += 12;
        if (suffix == 1 && h == 12)
            h = 0;
    } else {
        return 0;
    }
    static const char *const zones[] = {"et", "est", "edt", "gmt", "utc", "bst", "pt", "pst", "pdt",
                                        "ct", "cst", "cdt", "cet", "cest", NULL};
    if (which(s, k, zones) >= 0)
        k++;
    v->type = PX_TIMEX_TIME;
    snprintf(v->tod, sizeof v->tod, "T%02ld:%02ld", h, m);
    if (tv_needs_ref(s, v))
        tv_period(v, s->ref->day, PX_GRAIN_TIME);
    v->bare_clock = 1;
    return k - j;
}

/* [dir] spring|summer|fall|autumn|winter [of] [year]. */
static size_t m_season(const sent *s, size_t j, tval *v)
{
    static const char *const names[] = {"spring", "summer", "fall", "autumn", "winter", NULL};
    static const int first_month[] = {3, 6, 9, 9, 12};
    size_t k = j;
    int dir = lead_dir(s, &k);
    int sn = which(s, k, names);
    if (sn < 0 || title_word(s, k) || (cap(s, k + 1) && !year_at(s, k + 1)))
        return 0; /* the Winter Olympics */
    static const char *const noun_after[] = {"from", "of", "in", "to", "out", NULL};
    if (sn == 2 && !dir && which(s, k + 1, noun_after) >= 0)
        return 0; /* the fall from the peaks */
    size_t at_year = is_w(s, k + 1, "of") ? k + 2 : k + 1;
    int year = year_at(s, at_year);
    int context = dir || year || (j > 0 && which(s, j - 1, date_preps) >= 0);
    if (!context || (sn == 2 && !dir && !year && !(j > 0 && (is_w(s, j - 1, "the") || is_w(s, j - 1, "this")))))
        return 0;
    v->type = PX_TIMEX_DATE;
    int month = first_month[sn];
    if (year) {
        tv_period(v, px_days_from_date(year, month, 1), PX_GRAIN_SEASON);
        return at_year + 1 - j;
    }
    if (!tv_needs_ref(s, v))
        return k + 1 - j;
    long y = s->ref->year;
    long start = px_days_from_date(y, month, 1);
    long end = px_days_from_date(month == 12 ? y + 1 : y, month == 12 ? 2 : month + 2, 28);
    if (month == 12 && s->ref->month <= 2) /* winter of last December */
        start = px_days_from_date(--y, 12, 1), end = px_days_from_date(y + 1, 2, 28);
    int tense = dir == DIR_LAST ? -1 : dir == DIR_NEXT ? 1 : dir == DIR_THIS ? 0 : tense_of(s, j, k + 1);
    if (tense < 0 && start > s->ref->day)
        y--;
    else if (tense > 0 && end < s->ref->day)
        y++;
    else if (dir == DIR_LAST && end >= s->ref->day)
        y--;
    tv_period(v, px_days_from_date(y, month, 1), PX_GRAIN_SEASON);
    return k + 1 - j;
}

/* The day of a holiday in year y; month and day 0 for Thanksgiving (the
 * fourth Thursday of November). */
static long holiday_day(long y, int month, int day)
{
    if (month)
        return px_days_from_date(y, month, day);
    long first = px_days_from_date(y, 11, 1);
    return first + (4 - weekday_of(first) + 7) % 7 + 21;
}

/* [last|next] Christmas (Day|Eve), New Year's (Day|Eve), Thanksgiving
 * (Day), Halloween, Valentine's Day. */
static size_t m_holiday(const sent *s, size_t j, tval *v)
{
    size_t k = j;
    int dir = lead_dir(s, &k);
    int month = 0, day = 0;
    size_t used = 1;
    if (is_w(s, k, "christmas") && cap(s, k)) {
        month = 12, day = is_w(s, k + 1, "eve") ? 24 : 25;
        used += is_w(s, k + 1, "eve") || is_w(s, k + 1, "day");
    } else if (is_w(s, k, "new") && cap(s, k) && is_w(s, k + 1, "year") && word_len(s, k + 1) < tok_bytes(s, k + 1)) {
        int eve = is_w(s, k + 2, "eve");
        month = eve ? 12 : 1, day = eve ? 31 : 1;
        used = 2 + (eve || is_w(s, k + 2, "day"));
    } else if (is_w(s, k, "thanksgiving") && cap(s, k)) {
        used += is_w(s, k + 1, "day");
    } else if (is_w(s, k, "halloween") && cap(s, k)) {
        month = 10, day = 31;
    } else if (is_w(s, k, "valentine") && cap(s, k) && is_w(s, k + 1, "day")) {
        month = 2, day = 14, used = 2;
    } else {
        return 0;
    }
    if (modifies_noun(s, k + used - 1))
        return 0; /* a Christmas market */
    v->type = PX_TIMEX_DATE;
    v->named = 1;
    int year = year_at(s, skip_comma(s, k + used));
    if (year) {
        tv_period(v, holiday_day(year, month, day), PX_GRAIN_DAY);
        return skip_comma(s, k + used) + 1 - j;
    }
    if (!tv_needs_ref(s, v))
        return k + used - j;
    long approx = pick_month_day(s->ref, month ? month : 11, month ? day : 25, dir, tense_of(s, j, k + used));
    tv_period(v, holiday_day(year_of(approx, NULL), month, day), PX_GRAIN_DAY);
    return k + used - j;
}

/* Bytes of the text m_numeric hands sscanf: the token (at most 10) and
 * more than any number of a date written so runs on after it. */
#define NUMERIC_WINDOW 64

/* 2023-10-07, 10/7/2023. */
static size_t m_numeric(const sent *s, size_t j, tval *v)
{
    if (!is_kind(s, j, PX_TOK_NUMBER))
        return 0;
    size_t len = tok_bytes(s, j);
    if (len < 8 || len > 10)
        return 0;
    /* sscanf reads from a copy of the token and what follows it: on the
     * text itself it would measure the whole rest of the text each time */
    char w[NUMERIC_WINDOW + 1];
    size_t n = strnlen(s->text + s->t[j].start, NUMERIC_WINDOW);
    memcpy(w, s->text + s->t[j].start, n);
    w[n] = '\0';
    int a, b, c, used = 0;
    char sep;
    if (sscanf(w, "%d%c%d", &a, &sep, &b) != 3 || (sep != '-' && sep != '/'))
        return 0;
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%%d%c%%d%c%%d%%n", sep, sep);
    if (sscanf(w, fmt, &a, &b, &c, &used) != 3 || (size_t)used != len)
        return 0;
    int y = a, m = b, d = c;
    if (a < 100) /* month/day/year */
        y = c, m = a, d = b;
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > px_days_in_month(y, m))
        return 0;
    v->type = PX_TIMEX_DATE;
    v->explicit_day = 1;
    tv_period(v, px_days_from_date(y, m, d), PX_GRAIN_DAY);
    return 1;
}

/* A date in the article's language other than English (timex_lang.c),
 * resolved as the English ones are, with no tense to go by. */
static size_t m_lang(const sent *s, size_t j, tval *v)
{
    tl_date d;
    size_t used = s->lang ? tl_match(s->lang, s->text, s->t, s->n, j, &d) : 0;
    if (!used)
        return 0;
    v->type = PX_TIMEX_DATE;
    v->named = d.month || d.weekday >= 0;
    v->explicit_day = d.day != 0;
    if (d.year && d.month && d.day > px_days_in_month(d.year, d.month))
        return 0;
    if (d.year) {
        px_date_grain g = d.day ? PX_GRAIN_DAY : d.month ? PX_GRAIN_MONTH : PX_GRAIN_YEAR;
        tv_period(v, px_days_from_date(d.year, d.month ? d.month : 1, d.day ? d.day : 1), g);
        return used;
    }
    if (!tv_needs_ref(s, v))
        return used;
    long day = d.relative ? s->ref->day + d.rel_days
               : d.weekday >= 0 ? pick_weekday(s->ref, d.weekday, DIR_NONE, 0)
                                : pick_month_day(s->ref, d.month, d.day, DIR_NONE, 0);
    if (day < 0 && !d.relative)
        return 0;
    if (d.weekday >= 0)
        v->weekday = d.weekday;
    tv_period(v, day, d.month && !d.day ? PX_GRAIN_MONTH : PX_GRAIN_DAY);
    return used;
}

typedef size_t (*matcher)(const sent *, size_t, tval *);

static const matcher matchers[] = {m_month,    m_weekday, m_year, m_word,  m_phrase,  m_anchored_day, m_dir_unit,
                                   m_quarter,  m_compact_quarter, m_half, m_duration, m_set, m_clock,   m_season,
                                   m_numeric, m_holiday};

/* Words that may open an expression: the early/late part of it. */
static const char *const openers[] = {"the", "early", "late", "mid", "earlier", "later", "end", "start",
                                      "beginning", NULL};
/* Openers that take "of": the end of, the start of. */
static const char *const bounds[] = {"end", "start", "beginning", NULL};

/* Morning, night... after a day: a time of that day. */
static size_t part_of_day(const sent *s, size_t k, tval *v)
{
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    static const char *const codes[] = {"TMO", "TAF", "TEV", "TNI"};
    int p = which(s, k, parts);
    if (p < 0 || v->grain != PX_GRAIN_DAY || v->tod[0])
        return 0;
    v->type = PX_TIMEX_TIME;
    strcpy(v->tod, codes[p]);
    return 1;
}

/* Every word in lower case that a matcher above tests at the first token
 * it is given (after lead_dir and the openers), or that match_at steps
 * over: direction words, openers, the words of m_word, m_phrase,
 * m_anchored_day, m_dir_unit, m_quarter, m_half, m_duration (counts,
 * vague counts, units), m_set, m_clock, m_season, m_holiday and m_year.
 * A matcher added or changed above that tests another word first must
 * list it here, or may_start rules that word out. */
static const char *const starters[] = {
    "last", "past", "previous", "prior", "next", "coming", "following", "this", "current",
    "the", "early", "late", "mid", "earlier", "later", "end", "start", "beginning",
    "fiscal", "nineteen", "eighteen", "two", "eighteenth", "nineteenth", "twentieth", "twenty-first",
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
    "today", "yesterday", "tomorrow", "tonight", "now", "currently", "presently", "nowadays",
    "recently", "recent", "lately", "previously", "formerly", "soon", "future", "present",
    "year", "week", "these", "near", "foreseeable", "year-end", "full", "weekend",
    "preceding", "day", "subsequent", "same", "that",
    "latest", "just-ended", "year-ago", "year-earlier", "prior-year", "first", "second", "third",
    "fourth", "quarter", "first-half", "second-half", "final", "initial",
    "a", "an", "few", "several", "many", "some", "couple",
    "zero", "one", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "days", "weeks", "month", "months", "years", "quarters", "decade", "decades", "century",
    "centuries", "hour", "hours", "minute", "minutes", "seconds", "weekends",
    "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly",
    "every", "each", "per", "noon", "midday", "midnight",
    "spring", "summer", "fall", "autumn", "winter",
    "christmas", "new", "thanksgiving", "halloween", "valentine", NULL};

/* Does capitalised word i name what only a capital starts: a month, a
 * weekday (or weekdays), a fiscal year (FY2023) or a quarter (Q3)? */
static int named_start(const sent *s, size_t i)
{
    const char *w = s->text + s->t[i].start;
    size_t len = word_len(s, i);
    if (px_month_from_word(w, len) || which(s, i, weekday_words) >= 0)
        return 1;
    if (len >= 7 && w[len - 1] == 's' && px_word_index(weekday_words, w, len - 1) >= 0)
        return 1; /* plural_weekday */
    return (w[0] == 'F' && w[1] == 'Y') || (w[0] == 'Q' && tok_bytes(s, i) == 2);
}

/* Can token i start an expression (or an opener of one)? Most tokens of
 * a text cannot: words that no matcher tests first. Those are ruled out
 * by a lookup or two instead of every matcher's tests; anything else (a
 * number, a hyphen, a letter other than a-z first, an apostrophe, a
 * language's own words) goes to the matchers. */
static int may_start(const sent *s, size_t i)
{
    if (i >= s->n)
        return 0;
    if (s->lang)
        return 1; /* m_lang: the language's own words */
    const px_token *t = &s->t[i];
    const char *w = s->text + t->start;
    if (t->kind == PX_TOK_PUNCT)
        return *w == '\'';
    int lower = *w >= 'a' && *w <= 'z', upper = *w >= 'A' && *w <= 'Z';
    if (t->kind != PX_TOK_WORD || (!lower && !upper) || (t->flags & PX_TOKF_HYPHENATED) ||
        memchr(w, '-', t->end - t->start))
        return 1;
    if (which(s, i, starters) >= 0)
        return 1;
    return (upper || (t->flags & PX_TOKF_CAPITALIZED)) && named_start(s, i);
}

/* The longest expression starting at token i; its token count (0: none)
 * and in *first its first token: "the" stays out of dates written with
 * names or digits (the Oct. 7 attacks, the 2018 Games). */
static size_t match_at(const sent *s, size_t i, tval *best, size_t *first)
{
    if (!may_start(s, i))
        return 0;
    size_t j = i;
    while (j < s->n && j - i < 2 && which(s, j, openers) >= 0 && !(which(s, j, bounds) >= 0 && !is_w(s, j + 1, "of")))
        j += which(s, j, bounds) >= 0 ? 2 : 1;
    if (j != i && !may_start(s, j))
        return 0;
    size_t best_n = m_lang(s, j, best), best_m = 0;
    int own = best_n > 0; /* the language's own reading wins a tie */
    for (size_t m = 0; m < sizeof matchers / sizeof matchers[0]; m++) {
        tval v;
        tv_init(&v);
        size_t n = matchers[m](s, j, &v);
        if (n > best_n) {
            best_n = n;
            best_m = m;
            *best = v;
            own = 0;
        }
    }
    if (!best_n)
        return 0;
    if (own) {
        *first = j;
        return j - i + best_n;
    }
    best_n += part_of_day(s, j + best_n, best);
    *first = i;
    if (j == i + 1 && is_w(s, i, "the") &&
        (matchers[best_m] == m_month || matchers[best_m] == m_weekday || matchers[best_m] == m_year ||
         matchers[best_m] == m_numeric))
        *first = j;
    return j - i + best_n;
}

/* ---- expressions of one sentence ----------------------------------------- */

typedef struct found {
    size_t first, last; /* tokens */
    tval v;
} found;

typedef struct finder {
    found *v;
    size_t n, cap;
} finder;

/* A weekday in a sentence that also gives a date written in full with the
 * same weekday within a week of it takes that date. Linear: the nearest
 * such date before and after each weekday. */
static void explicit_date_wins(found *f, size_t n)
{
    for (int pass = 0; pass < 2; pass++) {
        long last_day[7];
        int seen[7] = {0};
        for (size_t k = 0; k < n; k++) {
            size_t i = pass ? n - 1 - k : k;
            tval *v = &f[i].v;
            if (v->explicit_day && v->has_day) {
                int wd = weekday_of(v->day);
                seen[wd] = 1;
                last_day[wd] = v->day;
            } else if (v->weekday >= 0 && v->has_day && seen[v->weekday] &&
                       labs(last_day[v->weekday] - v->day) <= 7) {
                v->day = last_day[v->weekday];
                v->weekday = -1;
            }
        }
    }
}

/* "the 1969 team ... led in mid-August": a month without a year after a
 * year standing alone in the same sentence, both in the past, is in that
 * year. Linear: the last such year seen. */
static void sentence_year_wins(found *f, size_t n, const ref_date *r)
{
    long year = 0;
    for (size_t i = 0; i < n; i++) {
        tval *v = &f[i].v;
        if (v->grain == PX_GRAIN_YEAR && v->has_day && !v->relative && !v->unresolved)
            year = year_of(v->day, NULL);
        else if (v->yearless && year && r->ok && year < r->year && v->has_day && !v->unresolved &&
                 v->day <= r->day) {
            int m;
            long old_year = year_of(v->day, &m);
            long d = v->day - px_days_from_date(old_year, m, 1) + 1;
            if (d <= px_days_in_month(year, m))
                v->day = px_days_from_date(year, m, (int)d);
        }
    }
}

/* The same day or month one year later or earlier. */
static long same_date_in_year(long day, long year)
{
    int m;
    long y = year_of(day, &m);
    long d = day - px_days_from_date(y, m, 1) + 1;
    return d <= px_days_in_month(year, m) ? px_days_from_date(year, m, (int)d) : -1;
}

/* "from May 1 to June 30", "between Dec. 1 and Jan. 15": a range ends
 * after it starts. A month or day written without a year at either end
 * moves by a year when the range would run backwards. */
static void range_runs_forward(const sent *s, found *f, size_t n)
{
    static const char *const opens[] = {"from", "between", NULL};
    static const char *const closes[] = {"to", "until", "till", "through", "and", NULL};
    for (size_t i = 0; i + 1 < n; i++) {
        tval *a = &f[i].v, *b = &f[i + 1].v;
        if (f[i].first == 0 || which(s, f[i].first - 1, opens) < 0 || f[i + 1].first != f[i].last + 2 ||
            (which(s, f[i].last + 1, closes) < 0 && !is_punct(s, f[i].last + 1, '-')))
            continue;
        if (!a->has_day || !b->has_day || a->unresolved || b->unresolved || a->grain != b->grain ||
            (a->grain != PX_GRAIN_DAY && a->grain != PX_GRAIN_MONTH) || b->day >= a->day)
            continue;
        long moved;
        if (b->yearless && (moved = same_date_in_year(b->day, year_of(b->day, NULL) + 1)) >= a->day)
            b->day = moved;
        else if (a->yearless && (moved = same_date_in_year(a->day, year_of(a->day, NULL) - 1)) >= 0 &&
                 moved <= b->day)
            a->day = moved;
    }
}

/* "today, October 24, 2017": a relative day followed by a date written in
 * full is that date. */
static void appositive_date_wins(const sent *s, found *f, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        tval *day = &f[i].v, *date = &f[i + 1].v;
        if (day->relative && day->has_day && !day->unresolved && day->grain == PX_GRAIN_DAY && !day->named &&
            date->explicit_day && !date->relative && f[i + 1].first == f[i].last + 2 &&
            is_punct(s, f[i].last + 1, ','))
            day->day = date->day;
    }
}

/* Tokens [a, b) are at most three of "on", "at", "local", "time" and a
 * comma: "11:36 am local time on Tuesday". */
static int joined_by_glue(const sent *s, size_t a, size_t b)
{
    static const char *const glue[] = {"on", "at", "local", "time", NULL};
    if (b - a > 3)
        return 0;
    for (size_t k = a; k < b; k++)
        if (which(s, k, glue) < 0 && !is_punct(s, k, ','))
            return 0;
    return 1;
}

/* The part of the day of a time of day "TAF" (1 morning, 2 afternoon, 3
 * evening, 4 night), 0 for a clock time. */
static int part_of_day_code(const char *tod)
{
    static const char *const codes[] = {"TMO", "TAF", "TEV", "TNI", NULL};
    for (int k = 0; codes[k]; k++)
        if (strcmp(tod, codes[k]) == 0)
            return k + 1;
    return 0;
}

/* "7:30 tonight", "at 4 this afternoon": a clock hour before noon said of
 * the afternoon, evening or night is after noon. tod is "Thh:mm". */
static void evening_hour(char tod[8], int part)
{
    int hour = (tod[1] - '0') * 10 + (tod[2] - '0');
    if (tod[0] != 'T' || hour >= 12 || part < 2 || (part == 4 && hour < 6))
        return;
    hour += 12;
    tod[1] = (char)('0' + hour / 10);
    tod[2] = (char)('0' + hour % 10);
}

/* A clock time right before or after a day ("3 p.m. Tuesday", "Tuesday at
 * 3 p.m.", "7:30 tonight") is one expression of that day. */
static size_t merge_times(const sent *s, found *f, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        found *prev = out ? &f[out - 1] : NULL;
        found *cur = &f[i];
        if (prev) {
            found *clock = prev->v.grain == PX_GRAIN_TIME ? prev : cur->v.grain == PX_GRAIN_TIME ? cur : NULL;
            found *day = clock == prev ? cur : prev;
            int joined = joined_by_glue(s, prev->last + 1, cur->first);
            if (clock && day != clock && joined && day->v.grain == PX_GRAIN_DAY &&
                (!day->v.tod[0] || part_of_day_code(day->v.tod))) {
                tval v = day->v;
                memcpy(v.tod, clock->v.tod, sizeof v.tod);
                evening_hour(v.tod, part_of_day_code(day->v.tod));
                v.type = PX_TIMEX_TIME;
                v.bare_clock = 0;
                prev->last = cur->last;
                prev->v = v;
                continue;
            }
        }
        f[out++] = *cur;
    }
    return out;
}

/* The document's latest quarter, for "a year ago" in a quarterly report. */
#define NO_QUARTER (-1)

/* In a text that last spoke of a quarter, "a year ago" and "year-earlier"
 * name that quarter a year before; "the quarter" is that quarter. Only
 * quarters already over count. */
static void quarter_context(tval *v, long *last_quarter, const ref_date *r)
{
    if (v->report_half && *last_quarter != NO_QUARTER)
        snprintf(v->lit, sizeof v->lit, "%04ld-H%d", *last_quarter / 4 % 10000, v->report_half);
    else if (v->quarter_back > 0 && *last_quarter != NO_QUARTER && v->grain == PX_GRAIN_YEAR)
        set_quarter(v, *last_quarter - 4L * v->quarter_back);
    else if (v->latest_quarter && *last_quarter != NO_QUARTER && !v->unresolved)
        set_quarter(v, *last_quarter);
    else if (v->has_day && !v->unresolved && v->grain == PX_GRAIN_QUARTER && v->quarter_back == 0 &&
             (!r->ok || quarter_index(v->day) < quarter_index(r->day)))
        *last_quarter = quarter_index(v->day); /* a quarter reported on, not one ahead */
}

/* What the text said so far: its latest quarter, the day each weekday was
 * resolved to, the last day named and in which sentence. */
typedef struct context {
    long last_quarter;
    long weekday_day[7];
    int weekday_seen[7];
    int has_day;
    long day;
    size_t day_sentence, sentence;
    int has_period; /* the last date the text named, of any grain, and where */
    long period_day;
    px_date_grain period_grain;
    size_t period_sentence;
    int period_written; /* written in full (1969, May 2019), not counted from the article date */
} context;

/* Sentences over which a clock time stays on the day last named. */
#define DAY_REACH 3

/* "around 12:20 p.m." after "12:10 p.m. Sunday": Sunday, not the
 * publication day. */
/* Can a period of grain unit be counted from one of grain named ("the
 * following month" after a day or a month, not after a year)? */
static int anchors(px_date_grain named, px_date_grain unit)
{
    switch (unit) {
    case PX_GRAIN_WEEK: return named == PX_GRAIN_DAY || named == PX_GRAIN_TIME || named == PX_GRAIN_WEEK;
    case PX_GRAIN_MONTH: return named == PX_GRAIN_DAY || named == PX_GRAIN_TIME || named == PX_GRAIN_MONTH;
    case PX_GRAIN_YEAR: return named != PX_GRAIN_DECADE && named != PX_GRAIN_CENTURY && named != PX_GRAIN_NONE;
    default: return 0;
    }
}

/* Sentences over which "that year" still speaks of the period last named. */
#define PERIOD_REACH 3

/* "the following month", "that year": v->shift units from the period the
 * text last named ("that year" only from one written in full). */
static void period_context(tval *v, const context *c)
{
    if (!c->has_period || !anchors(c->period_grain, v->grain) || c->sentence - c->period_sentence > PERIOD_REACH ||
        (v->anchored != ANCHOR_OR_REF && !c->period_written)) {
        if (v->anchored != ANCHOR_OR_REF)
            v->unresolved = 1; /* "that year" in a text that named none */
        return;
    }
    int m;
    long y = year_of(c->period_day, &m);
    v->unresolved = 0;
    if (v->grain == PX_GRAIN_WEEK)
        v->day = monday_of(c->period_day) + 7 * v->shift;
    else if (v->grain == PX_GRAIN_MONTH)
        v->day = month_start(month_index(c->period_day) + v->shift);
    else
        v->day = px_days_from_date(y + v->shift, 1, 1);
}

static void day_context(tval *v, context *c)
{
    if (v->bare_clock && c->has_day && c->sentence - c->day_sentence <= DAY_REACH) {
        v->day = c->day;
        return;
    }
    if (v->anchored && v->has_day && v->grain != PX_GRAIN_DAY)
        period_context(v, c);
    if (v->anchored && v->grain == PX_GRAIN_DAY && v->has_day && !v->unresolved) {
        if (!c->has_day) {
            v->unresolved = 1; /* the day after an event the text never dated */
            return;
        }
        v->day = c->day + v->shift;
    }
    if (v->has_day && !v->unresolved && !v->bare_clock &&
        (v->grain == PX_GRAIN_DAY || v->grain == PX_GRAIN_TIME)) {
        c->has_day = 1;
        c->day = v->day;
        c->day_sentence = c->sentence;
    }
    if (v->has_day && !v->unresolved && v->grain != PX_GRAIN_NONE) {
        c->has_period = 1;
        c->period_day = v->day;
        c->period_grain = v->grain;
        c->period_sentence = c->sentence;
        c->period_written = !v->relative;
    }
}

/* A weekday with no tense of its own is the day the same weekday was
 * resolved to before in the text ("late Tuesday" ... "Tuesday's accident"). */
static void weekday_context(tval *v, context *c)
{
    if (v->weekday < 0 || !v->has_day || v->unresolved)
        return;
    if (c->weekday_seen[v->weekday] && !v->tensed) {
        v->day = c->weekday_day[v->weekday];
        return;
    }
    if (!c->weekday_seen[v->weekday]) {
        c->weekday_seen[v->weekday] = 1;
        c->weekday_day[v->weekday] = v->day;
    }
}

static int push_timex(px_timexes *out, const sent *s, found *f, context *c)
{
    quarter_context(&f->v, &c->last_quarter, s->ref);
    if (f->v.report_half && !f->v.lit[0])
        return PX_OK; /* the second half of a match, not of a year */
    weekday_context(&f->v, c);
    day_context(&f->v, c);
    if (px_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16, 0) != PX_OK)
        return PX_ENOMEM;
    px_timex *x = &out->v[out->n++];
    memset(x, 0, sizeof *x);
    x->start = s->t[f->first].start;
    x->end = span_end(s, f->last);
    x->type = f->v.type;
    value_of(&f->v, x->value);
    x->grain = f->v.unresolved || !f->v.has_day ? PX_GRAIN_NONE : f->v.grain;
    if (f->v.type == PX_TIMEX_TIME && f->v.has_day)
        x->grain = PX_GRAIN_TIME;
    if (f->v.has_day && !f->v.unresolved && (f->v.type == PX_TIMEX_DATE || f->v.type == PX_TIMEX_TIME))
        px_date_from_days(f->v.day, x->date);
    x->relative = f->v.relative;
    x->future = x->date[0] && s->ref->ok && f->v.day > s->ref->day;
    x->since = f->first > 0 && is_w(s, f->first - 1, "since");
    return PX_OK;
}

/* Runs of this many name-built expressions with nothing but digits and
 * punctuation between them are an archive or calendar widget. */
#define FURNITURE_RUN 3

static int letters_between(const char *text, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z'))
            return 1;
    return 0;
}

/* Drops out->v[from..] runs of widget-like expressions. */
static void drop_furniture(const char *text, px_timexes *out, const unsigned char *named, size_t from)
{
    size_t w = from;
    for (size_t i = from; i < out->n;) {
        size_t j = i + 1;
        if (named[i - from])
            while (j < out->n && named[j - from] && !letters_between(text, out->v[j - 1].end, out->v[j].start))
                j++;
        if (j - i >= FURNITURE_RUN && named[i - from]) {
            i = j;
            continue;
        }
        for (; i < j; i++)
            out->v[w++] = out->v[i];
    }
    out->n = w;
}

/* "Tue, March 22, 2016": the stamp of a listing (related links, a
 * gallery), not prose, which writes the weekday in full. */
static int listing_stamp_at(const sent *s, size_t i)
{
    static const char *const short_days[] = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs",
                                             "fri", "sat", "sun", NULL};
    if (!cap(s, i) || which(s, i, short_days) < 0 || !is_punct(s, i + 1, ',') || !month_at(s, i + 2))
        return 0;
    return num(s, i + 3) >= 1 && num(s, i + 3) <= 31 && year_at(s, skip_comma(s, i + 4));
}

/* A sentence holding a listing stamp is furniture: none of its dates is
 * an event of the text. */
static int listing_sentence(const sent *s)
{
    for (size_t i = 0; i + 4 < s->n; i++)
        if (listing_stamp_at(s, i))
            return 1;
    return 0;
}

static int find_in_sentence(const sent *s, finder *f)
{
    f->n = 0;
    if (listing_sentence(s))
        return PX_OK;
    for (size_t i = 0; i < s->n;) {
        tval v;
        tv_init(&v);
        size_t first = i;
        size_t used = match_at(s, i, &v, &first);
        if (!used) {
            i++;
            continue;
        }
        if (px_grow(&f->v, &f->cap, f->n + 1, sizeof *f->v, 16, 0) != PX_OK)
            return PX_ENOMEM;
        f->v[f->n++] = (found){.first = first, .last = i + used - 1, .v = v};
        i += used;
    }
    explicit_date_wins(f->v, f->n);
    sentence_year_wins(f->v, f->n, s->ref);
    range_runs_forward(s, f->v, f->n);
    appositive_date_wins(s, f->v, f->n);
    f->n = merge_times(s, f->v, f->n);
    return PX_OK;
}

/* A sentence boundary put after an abbreviated month whose day opens the
 * next sentence ("was held Dec." | "5."). */
static int split_after_month(const sent *s, const px_tokens *toks, size_t next)
{
    if (s->n == 0 || next >= toks->n || toks->v[next].kind != PX_TOK_NUMBER)
        return 0;
    const px_token *last = &s->t[s->n - 1];
    if (last->end - last->start < 2 || s->text[last->end - 1] != '.' || !month_at(s, s->n - 1))
        return 0;
    size_t len = toks->v[next].end - toks->v[next].start;
    long day = strtol(s->text + toks->v[next].start, NULL, 10);
    return len <= 2 && day >= 1 && day <= 31;
}

/* Tokens before a dateline's date, none of them a lower-case word:
 * "WASHINGTON ,". */
#define DATELINE_LEAD 4

/* A sentence with a dated dateline, "(October 24, 2017) -" anywhere or
 * "October 24, 2017 --" at its start, a release quoted in the text: its
 * own date (into *r) is the day its relative words count from, not the
 * article's. */
static int dateline_of(const sent *s, const finder *f, ref_date *r)
{
    if (f->n == 0 || !s->ref->ok)
        return 0;
    const found *d = &f->v[0];
    if (!d->v.explicit_day || d->v.relative || !d->v.has_day || d->v.day == s->ref->day)
        return 0;
    size_t k = d->last + 1;
    int bracketed = d->first > 0 && is_punct(s, d->first - 1, '(') && is_punct(s, k, ')');
    if (!bracketed && d->first > DATELINE_LEAD)
        return 0;
    for (size_t i = 0; !bracketed && i < d->first; i++)
        if (is_kind(s, i, PX_TOK_WORD) && !cap(s, i))
            return 0; /* prose before it: "The law passed on May 2, 2022 - and ..." */
    k += bracketed;
    if (!is_kind(s, k, PX_TOK_PUNCT) || !(is_punct(s, k, '-') || (s->text[s->t[k].start] & 0x80)))
        return 0; /* a dash: '-', or the UTF-8 en and em dashes */
    *r = *s->ref;
    r->day = d->v.day;
    r->year = year_of(r->day, &r->month);
    r->early = 0;
    return 1;
}

static void ref_init(ref_date *r, const char *ref)
{
    memset(r, 0, sizeof *r);
    if (ref && px_date_days(ref, &r->day) == PX_OK) {
        r->ok = 1;
        r->year = year_of(r->day, &r->month);
        r->early = strlen(ref) >= 13 && ref[10] == 'T' && atoi(ref + 11) < EARLY_HOUR &&
                   !(ref[11] == '0' && ref[12] == '0' && strncmp(ref + 13, ":00:00", 6) == 0);
    }
}

/* Every expression of text, sentence by sentence, over its tokens and
 * sentences. */
static int find_all(const char *text, const px_tokens *tk, const px_spans *ss, const char *ref_date_iso,
                    const char *lang, px_timexes *out)
{
    const cl_lang *own_words = cl_lang_get(lang);
    ref_date ref;
    ref_init(&ref, ref_date_iso);
    finder f = {0};
    unsigned char *named = NULL;
    size_t named_cap = 0, from = out->n;
    context ctx = {.last_quarter = NO_QUARTER};
    const px_tokens toks = *tk;
    const px_spans sents = *ss;
    int business = business_text(text, toks.v, toks.n);
    int rc = PX_OK;
    size_t t = 0;
    for (size_t k = 0; rc == PX_OK && k < sents.n; k++) {
        ctx.sentence = k;
        while (t < toks.n && toks.v[t].start < sents.v[k].start)
            t++;
        size_t first = t;
        while (t < toks.n && toks.v[t].end <= sents.v[k].end)
            t++;
        sent s = {.text = text, .t = toks.v + first, .n = t - first, .ref = &ref, .lang = own_words,
                  .business = business};
        while (k + 1 < sents.n && split_after_month(&s, &toks, t)) {
            k++; /* "held Dec." | "5.": one sentence again */
            while (t < toks.n && toks.v[t].end <= sents.v[k].end)
                t++;
            s.n = t - first;
        }
        rc = find_in_sentence(&s, &f);
        ref_date dateline;
        if (rc == PX_OK && dateline_of(&s, &f, &dateline)) {
            s.ref = &dateline; /* "(October 24, 2017) - The group today ...": that day */
            rc = find_in_sentence(&s, &f);
        }
        for (size_t i = 0; rc == PX_OK && i < f.n; i++) {
            size_t before = out->n;
            rc = push_timex(out, &s, &f.v[i], &ctx);
            if (rc == PX_OK && out->n > before)
                rc = px_grow(&named, &named_cap, out->n - from, 1, 64, 0);
            if (rc == PX_OK && out->n > before)
                named[out->n - from - 1] = (unsigned char)f.v[i].v.named;
        }
    }
    if (rc == PX_OK && out->n > from)
        drop_furniture(text, out, named, from);
    free(named);
    free(f.v);
    return rc;
}

int px_timex_find(const char *text, size_t len, const char *ref_date_iso, px_timexes *out)
{
    return px_timex_find_lang(text, len, ref_date_iso, NULL, out);
}

int px_timex_find_lang(const char *text, size_t len, const char *ref_date_iso, const char *lang,
                       px_timexes *out)
{
    px_tokens toks = {0};
    px_spans sents = {0};
    int rc = px_tokenize(text, len, &toks);
    if (rc == PX_OK)
        rc = lang ? px_split_sentences_lang(text, len, lang, &sents) : px_split_sentences(text, len, &sents);
    if (rc == PX_OK)
        rc = find_all(text, &toks, &sents, ref_date_iso, lang, out);
    px_spans_free(&sents);
    px_tokens_free(&toks);
    return rc;
}

int px_timex_find_doc(const px_doc *doc, const char *ref_date, px_timexes *out)
{
    return find_all(doc->text, &doc->tokens, &doc->sentences, ref_date, px_lexicon_lang(doc->lexicon), out);
}

void px_timexes_free(px_timexes *t)
{
    if (!t)
        return;
    free(t->v);
    memset(t, 0, sizeof *t);
}
