/* txt.c - one article per plain-text file (format in docs/formats.md):
 * an optional headline line followed by a blank line, an optional
 * " date YYYY-MM-DD" line (the body may go on after the date), optional
 * "- " highlight bullets, then the body. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/read.h"
#include "core/common_internal.h"

typedef struct line {
    const char *s;
    size_t len;
} line;

static int is_blank(line l)
{
    for (size_t i = 0; i < l.len; i++)
        if (!isspace((unsigned char)l.s[i]))
            return 0;
    return 1;
}

static line trimmed(line l)
{
    while (l.len && isspace((unsigned char)l.s[0]))
        l.s++, l.len--;
    while (l.len && isspace((unsigned char)l.s[l.len - 1]))
        l.len--;
    return l;
}

static line next_line(const char **p, const char *end)
{
    line l = {*p, 0};
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    l.len = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
    *p = nl ? nl + 1 : end;
    if (l.len && l.s[l.len - 1] == '\r')
        l.len--;
    return l;
}

/* " date 2023-10-31 rest..." -> date in iso, rest in *rest. */
static int date_line(line l, char iso[32], line *rest)
{
    l = trimmed(l);
    if (l.len < 6 || strncmp(l.s, "date", 4) != 0 || !(l.s[4] == ' ' || l.s[4] == ':'))
        return 0;
    const char *p = l.s + 5, *end = l.s + l.len;
    while (p < end && (*p == ' ' || *p == ':'))
        p++;
    const char *d = p;
    while (p < end && !isspace((unsigned char)*p))
        p++;
    char tmp[64];
    size_t n = (size_t)(p - d);
    if (!n || n >= sizeof tmp)
        return 0;
    memcpy(tmp, d, n);
    tmp[n] = '\0';
    if (px_date_parse(tmp, iso) != PX_OK)
        return 0;
    rest->s = p;
    rest->len = (size_t)(end - p);
    *rest = trimmed(*rest);
    return 1;
}

static int bullet(line l, line *item)
{
    l = trimmed(l);
    if (l.len > 2 && (l.s[0] == '-' || l.s[0] == '*') && l.s[1] == ' ') {
        item->s = l.s + 2;
        item->len = l.len - 2;
        *item = trimmed(*item);
        return 1;
    }
    if (l.len > 4 && memcmp(l.s, "\xE2\x80\xA2 ", 4) == 0) { /* U+2022 bullet */
        item->s = l.s + 4;
        item->len = l.len - 4;
        *item = trimmed(*item);
        return 1;
    }
    return 0;
}

/* A headline is short, has several words and no closing punctuation. */
static int looks_like_headline(line l)
{
    l = trimmed(l);
    if (l.len < 8 || l.len > 250)
        return 0;
    unsigned char last = (unsigned char)l.s[l.len - 1];
    if (strchr(".!,;:", last))
        return 0;
    if (l.len >= 3 && (memcmp(l.s + l.len - 3, "\xE2\x80\x9D", 3) == 0) &&
        l.len >= 4 && strchr(".!,", l.s[l.len - 4]))
        return 0;
    int words = 1;
    for (size_t i = 0; i < l.len; i++)
        words += l.s[i] == ' ';
    return words >= 2;
}

/* Are most of the longer words capitalised, as in a headline? */
static int title_case(line l)
{
    int words = 0, caps = 0;
    for (size_t i = 0; i < l.len;) {
        while (i < l.len && l.s[i] == ' ')
            i++;
        size_t start = i;
        while (i < l.len && l.s[i] != ' ')
            i++;
        if (i - start > 3) {
            words++;
            caps += isupper((unsigned char)l.s[start]) != 0;
        }
    }
    return words > 0 && caps * 10 >= words * 6;
}

/* Inside a blank-line separated block, is the break after l a hard wrap
 * (join with a space) rather than a line of its own (a list item, a
 * "Read more:" heading and the headlines under it)? Wrapped lines are long,
 * or stop mid-sentence: on a lower-case word or a comma, or before a
 * lower-case continuation. */
static int is_wrap(line l, line next)
{
    if (!l.len || !next.len)
        return 0;
    unsigned char last = (unsigned char)l.s[l.len - 1], first = (unsigned char)next.s[0];
    if (last == ':')
        return 0;
    if (l.len >= 60)
        return 1;
    if ((islower(last) || last == ',') && !title_case(l))
        return 1;
    return !strchr(".!?\"')", last) && (islower(first) || isdigit(first));
}

/* Appends the body lines: blank-line separated blocks become paragraphs
 * (hard-wrapped lines inside a block are joined by a space); without blank
 * lines each line is a paragraph. */
static int build_body(px_buf *body, const line *lines, size_t n)
{
    int has_blank = 0, seen_text = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_blank(lines[i]))
            has_blank |= seen_text;
        else
            seen_text = 1;
    }
    line prev = {NULL, 0};
    for (size_t i = 0; i < n; i++) {
        line l = trimmed(lines[i]);
        if (!l.len) {
            prev.len = 0;
            continue;
        }
        if (body->len) {
            int join = has_blank && is_wrap(prev, l);
            px_buf_append(body, join ? " " : "\n\n", join ? 1 : 2);
        }
        if (px_buf_append(body, l.s, l.len))
            return PX_ENOMEM;
        prev = l;
    }
    return PX_OK;
}

int px_parse_txt(const char *text, size_t len, px_article *a, px_error *err)
{
    const char *p = text, *end = text + len;
    size_t n = 0, cap = 64;
    line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    while (p < end) {
        if (n == cap) {
            line *more = realloc(lines, (cap *= 2) * sizeof *lines);
            if (!more) {
                free(lines);
                return px_error_set(err, PX_ENOMEM, "out of memory");
            }
            lines = more;
        }
        lines[n++] = next_line(&p, end);
    }
    size_t i = 0;
    while (i < n && is_blank(lines[i]))
        i++;
    char iso[32];
    line rest;
    /* headline: followed by a blank line (or by a date line) */
    if (i < n && !date_line(lines[i], iso, &rest) && !bullet(lines[i], &rest) &&
        looks_like_headline(lines[i]) &&
        (i + 1 >= n || is_blank(lines[i + 1]) || date_line(lines[i + 1], iso, &rest))) {
        line t = trimmed(lines[i]);
        px_set_strn(&a->title, t.s, t.len);
        i++;
    }
    px_buf body = {0};
    int rc = PX_OK;
    for (; i < n && rc == PX_OK; i++) {
        line item;
        if (is_blank(lines[i]))
            continue;
        if (!a->date && date_line(lines[i], iso, &rest)) {
            px_set_str(&a->date, iso);
            if (rest.len) {
                lines[i] = rest;
                break;
            }
            continue;
        }
        if (bullet(lines[i], &item)) {
            rc = px_strlist_push_n(&a->highlights, item.s, item.len);
            continue;
        }
        break;
    }
    if (rc == PX_OK)
        rc = build_body(&body, lines + i, n - i);
    free(lines);
    if (rc) {
        px_buf_free(&body);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    free(a->body);
    a->body = px_buf_steal(&body);
    if (!a->body)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    if (!*a->body && !a->title)
        return px_error_set(err, PX_EFORMAT, "no article text");
    return PX_OK;
}
