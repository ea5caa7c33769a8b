/* date.c - publication dates in the forms news text uses, normalised to
 * ISO 8601 (UTC when a time is known). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax/article.h"
#include "core/article_internal.h"

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"};

/* Accepts full names, 3-letter forms and "Sept". */
int px_month_from_word(const char *w, size_t len)
{
    if (len < 3)
        return 0;
    if (len == 4 && strncasecmp(w, "sept", 4) == 0)
        return 9;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(month_names[m]);
        if ((len == 3 || len == full) && len <= full && strncasecmp(w, month_names[m], len) == 0)
            return m + 1;
    }
    return 0;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(long y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : dm[m - 1];
}

typedef struct when {
    long year;
    int month, day;
    int has_time;
    int hour, min, sec;
    int zone_min; /* offset east of UTC in minutes */
} when;

static int valid(const when *w)
{
    return w->year >= 1000 && w->year <= 9999 && w->month >= 1 && w->month <= 12 &&
           w->day >= 1 && w->day <= days_in_month(w->year, w->month) && w->hour >= 0 &&
           w->hour <= 23 && w->min >= 0 && w->min <= 59 && w->sec >= 0 && w->sec <= 60;
}

static int format(const when *w, char out[32])
{
    if (!valid(w))
        return PX_EFORMAT;
    if (!w->has_time) {
        snprintf(out, 32, "%04ld-%02d-%02d", w->year, w->month, w->day);
        return PX_OK;
    }
    long days = days_from_civil(w->year, w->month, w->day);
    long secs = days * 86400L + w->hour * 3600L + w->min * 60L + (w->sec > 59 ? 59 : w->sec) -
                w->zone_min * 60L;
    long day = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    long rem = secs - day * 86400;
    long y;
    int m, d;
    civil_from_days(day, &y, &m, &d);
    int hh = (int)(rem / 3600) % 24, mm = (int)(rem / 60 % 60), ss = (int)(rem % 60);
    if (y < 1000 || y > 9999)
        return PX_EFORMAT;
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, m % 13, d % 32, hh, mm, ss);
    return PX_OK;
}

static int read_int(const char **p, int maxdigits, long *v)
{
    const char *s = *p;
    long n = 0;
    int k = 0;
    while (k < maxdigits && isdigit((unsigned char)s[k]))
        n = n * 10 + (s[k++] - '0');
    if (!k)
        return 0;
    *v = n;
    *p = s + k;
    return k;
}

/* Parses "Z", "+05:30", "-0400", "GMT", "UTC", "EST" and friends. */
static int parse_zone(const char *p, int *zone_min)
{
    static const struct { const char *name; int min; } named[] = {
        {"Z", 0}, {"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"EST", -300}, {"EDT", -240},
        {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480},
        {"PDT", -420}, {"BST", 60}, {"CET", 60}, {"CEST", 120}};
    while (*p == ' ')
        p++;
    if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1;
        long h, m = 0;
        p++;
        const char *start = p;
        int k = read_int(&p, 4, &h);
        if (k == 4) {
            m = h % 100;
            h /= 100;
        } else if (k >= 1 && k <= 2 && *p == ':') {
            p++;
            if (!read_int(&p, 2, &m))
                return 0;
        } else if (k < 1 || k > 2) {
            (void)start;
            return 0;
        }
        *zone_min = sign * (int)(h * 60 + m);
        return 1;
    }
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        size_t n = strlen(named[i].name);
        if (strncasecmp(p, named[i].name, n) == 0 && !isalpha((unsigned char)p[n])) {
            *zone_min = named[i].min;
            return 1;
        }
    }
    return 0;
}

/* hh:mm[:ss[.fff]] [am|pm] [zone] */
static int parse_time(const char *p, when *w)
{
    long h, m, s = 0;
    if (!read_int(&p, 2, &h) || *p != ':')
        return 0;
    p++;
    if (read_int(&p, 2, &m) != 2)
        return 0;
    if (*p == ':') {
        p++;
        if (!read_int(&p, 2, &s))
            return 0;
        if (*p == '.' || *p == ',')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    while (*p == ' ')
        p++;
    if (strncasecmp(p, "pm", 2) == 0 || strncasecmp(p, "p.m.", 4) == 0) {
        if (h < 12)
            h += 12;
        p += p[1] == '.' ? 4 : 2;
    } else if (strncasecmp(p, "am", 2) == 0 || strncasecmp(p, "a.m.", 4) == 0) {
        if (h == 12)
            h = 0;
        p += p[1] == '.' ? 4 : 2;
    }
    w->has_time = 1;
    w->hour = (int)h;
    w->min = (int)m;
    w->sec = (int)s;
    w->zone_min = 0;
    parse_zone(p, &w->zone_min);
    return 1;
}

/* 2023-10-31, 2023/10/31, 2023-10-31T08:00:00+02:00, 20231031 */
static int parse_numeric(const char *p, when *w)
{
    long y, m, d;
    if (read_int(&p, 4, &y) != 4)
        return 0;
    char sep = *p;
    if (sep == '-' || sep == '/' || sep == '.') {
        p++;
        if (!read_int(&p, 2, &m) || *p != sep)
            return 0;
        p++;
        if (!read_int(&p, 2, &d))
            return 0;
    } else {
        if (read_int(&p, 2, &m) != 2 || read_int(&p, 2, &d) != 2)
            return 0;
    }
    w->year = y;
    w->month = (int)m;
    w->day = (int)d;
    if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1])))
        parse_time(p + 1, w);
    else if (*p && *p != ' ' && *p != '"')
        return isalpha((unsigned char)*p) ? 0 : 1;
    return 1;
}

/* Weekday? Day Month Year / Month Day, Year, then an optional time. */
static int parse_words(const char *p, when *w)
{
    long nums[3];
    int n_nums = 0, month = 0;
    const char *after = p;
    while (*p && (n_nums < 2 || !month)) {
        if (isalpha((unsigned char)*p)) {
            const char *s = p;
            while (isalpha((unsigned char)*p))
                p++;
            int m = px_month_from_word(s, (size_t)(p - s));
            if (m && !month)
                month = m;
        } else if (isdigit((unsigned char)*p)) {
            long v = 0;
            const char *s = p;
            read_int(&p, 4, &v);
            if (*p == ':') { /* a time before the date: not a form we accept */
                p = s;
                break;
            }
            if (n_nums < 3)
                nums[n_nums++] = v;
        } else {
            p++;
        }
        after = p;
    }
    if (!month || n_nums < 2)
        return 0;
    long day = nums[0], year = nums[1];
    if (nums[0] > 31) {
        year = nums[0];
        day = nums[1];
    }
    w->year = year;
    w->month = month;
    w->day = (int)day;
    p = after;
    while (*p == ' ' || *p == ',' || *p == '.' || (*p == 'a' && p[1] == 't' && p[2] == ' '))
        p += (*p == 'a') ? 3 : 1;
    if (isdigit((unsigned char)*p))
        parse_time(p, w);
    return 1;
}

int px_date_parse(const char *text, char out[32])
{
    when w;
    memset(&w, 0, sizeof w);
    if (!text)
        return PX_EFORMAT;
    while (isspace((unsigned char)*text))
        text++;
    int ok = isdigit((unsigned char)text[0]) && isdigit((unsigned char)text[1]) &&
                     isdigit((unsigned char)text[2]) && isdigit((unsigned char)text[3])
                 ? parse_numeric(text, &w)
                 : parse_words(text, &w);
    if (!ok)
        return PX_EFORMAT;
    return format(&w, out);
}

int px_date_days(const char *iso, long *days)
{
    long y, m, d;
    const char *p = iso;
    if (!iso || read_int(&p, 4, &y) != 4 || *p++ != '-' || read_int(&p, 2, &m) != 2 ||
        *p++ != '-' || read_int(&p, 2, &d) != 2)
        return PX_EFORMAT;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, (int)m))
        return PX_EFORMAT;
    *days = days_from_civil(y, (int)m, (int)d);
    return PX_OK;
}

void px_date_from_days(long days, char out[11])
{
    long y;
    int m, d;
    civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999)
        y = y < 0 ? 0 : 9999;
    snprintf(out, 11, "%04ld-%02d-%02d", y, m, d);
}

long px_days_from_date(long year, int month, int day)
{
    return days_from_civil(year, month, day);
}

int px_days_in_month(long year, int month)
{
    return month >= 1 && month <= 12 ? days_in_month(year, month) : 0;
}
