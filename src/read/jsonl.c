/* jsonl.c - one article per JSON object (JSON Lines). Known fields fill the
 * article; every other field is kept verbatim in extra. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>

#include "parallax/html.h"
#include "parallax/read.h"
#include "core/common_internal.h"

static const char *const text_fields[] = {"text", "body", "content", "maintext", NULL};
static const char *const date_fields[] = {"date", "published", "published_at", "date_publish",
                                          "pubDate", "datePublished", NULL};

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return 1;
    return 0;
}

static int is_known(const char *name)
{
    static const char *const known[] = {"id", "url", "source", "title", "authors", "author",
                                        "language", "lang", "highlights", "html", NULL};
    return in_list(name, known) || in_list(name, text_fields) || in_list(name, date_fields);
}

static int take_string(cJSON *item, char **field)
{
    if (cJSON_IsString(item))
        return px_set_str(field, item->valuestring);
    if (cJSON_IsNumber(item)) {
        char num[64];
        snprintf(num, sizeof num, "%.17g", item->valuedouble);
        return px_set_str(field, num);
    }
    return PX_OK;
}

static int take_list(cJSON *item, px_strlist *l)
{
    if (cJSON_IsString(item) && *item->valuestring)
        return px_strlist_push(l, item->valuestring);
    cJSON *e;
    cJSON_ArrayForEach(e, item)
        if (cJSON_IsString(e) && *e->valuestring && px_strlist_push(l, e->valuestring))
            return PX_ENOMEM;
    return PX_OK;
}

static int take_date(cJSON *item, px_article *a, px_error *err)
{
    char iso[32];
    if (!cJSON_IsString(item) || !*item->valuestring)
        return PX_OK;
    if (px_date_parse(item->valuestring, iso) != PX_OK)
        return px_error_set(err, PX_EFORMAT, "unrecognised date \"%.40s\"", item->valuestring);
    return px_set_str(&a->date, iso);
}

static int hex4(const char *p, const char *end, unsigned *v)
{
    *v = 0;
    if (end - p < 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)p[i], d = c >= '0' && c <= '9'   ? c - '0'
                                       : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                       : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                              : -1;
        if (d < 0)
            return 0;
        *v = *v << 4 | (unsigned)d;
    }
    return 1;
}

/* Escapes the JSON parser would mishandle: \u0000 (it would end the C
 * string there, dropping the rest of the text) and a lone surrogate (it
 * would reject the whole record). Each becomes \ufffd, of the same length,
 * so byte positions in messages stay right. Returns a repaired copy (or
 * NULL when nothing needed repair) and the number of repairs. */
static char *repair_escapes(const char *json, size_t len, size_t *repairs, int *oom)
{
    char *copy = NULL;
    const char *end = json + len;
    int in_string = 0;
    *repairs = 0;
    for (const char *p = json; p < end; p++) {
        if (*p == '"') {
            in_string = !in_string;
            continue;
        }
        if (!in_string || *p != '\\')
            continue;
        if (p + 1 >= end)
            break;
        unsigned v, low;
        if (p[1] != 'u' || !hex4(p + 2, end, &v)) {
            p++; /* the escaped character, whatever it is */
            continue;
        }
        int paired = v >= 0xD800 && v <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u' &&
                     hex4(p + 8, end, &low) && low >= 0xDC00 && low <= 0xDFFF;
        if (paired) {
            p += 11;
            continue;
        }
        if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) {
            if (!copy && !(copy = px_strndup(json, len))) {
                *oom = 1;
                return NULL;
            }
            memcpy(copy + (p - json) + 2, "fffd", 4);
            ++*repairs;
        }
        p += 5;
    }
    return copy;
}

int px_parse_json_article(const char *json, size_t len, px_article *a, px_error *err)
{
    const char *end = NULL;
    size_t repairs;
    int oom = 0;
    char *repaired = repair_escapes(json, len, &repairs, &oom);
    if (oom)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    cJSON *o = cJSON_ParseWithLengthOpts(repaired ? repaired : json, len, &end, 0);
    if (repaired && end)
        end = json + (end - repaired);
    free(repaired);
    if (!o) {
        long at = end ? (long)(end - json) : 0;
        return px_error_set(err, PX_EFORMAT, "malformed JSON near byte %ld", at);
    }
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return px_error_set(err, PX_EFORMAT, "expected a JSON object");
    }
    int rc = PX_OK, date_rc = PX_OK;
    px_error date_err;
    const cJSON *html = NULL;
    cJSON *extra = cJSON_CreateObject(), *item, *next;
    for (item = o->child; item && rc == PX_OK; item = next) {
        next = item->next;
        const char *k = item->string ? item->string : "";
        if (strcasecmp(k, "id") == 0)
            rc = take_string(item, &a->id);
        else if (strcasecmp(k, "url") == 0)
            rc = take_string(item, &a->url);
        else if (strcasecmp(k, "source") == 0)
            rc = take_string(item, &a->source);
        else if (strcasecmp(k, "title") == 0)
            rc = take_string(item, &a->title);
        else if (strcasecmp(k, "language") == 0 || strcasecmp(k, "lang") == 0)
            rc = take_string(item, &a->language);
        else if (strcasecmp(k, "authors") == 0 || strcasecmp(k, "author") == 0)
            rc = take_list(item, &a->authors);
        else if (strcasecmp(k, "highlights") == 0)
            rc = take_list(item, &a->highlights);
        else if (strcasecmp(k, "html") == 0)
            html = item;
        else if (in_list(k, text_fields)) {
            if (!a->body)
                rc = take_string(item, &a->body);
        } else if (in_list(k, date_fields)) {
            if (!a->date && take_date(item, a, &date_err) != PX_OK)
                date_rc = PX_EFORMAT;
        } else if (!is_known(k) && extra) {
            cJSON_AddItemToObject(extra, k, cJSON_DetachItemViaPointer(o, item));
        }
    }
    if (rc == PX_OK && extra && extra->child) {
        char *s = cJSON_PrintUnformatted(extra);
        if (!s)
            rc = PX_ENOMEM;
        free(a->extra_json);
        a->extra_json = s;
    }
    cJSON_Delete(extra);
    /* a page: its extracted text is the body unless a text field gave one */
    px_error html_err;
    px_error_clear(&html_err);
    int html_rc = PX_OK;
    if (rc == PX_OK && !a->body && cJSON_IsString(html))
        html_rc = px_html_to_article(html->valuestring, strlen(html->valuestring), a->url, NULL, a,
                                     &html_err);
    cJSON_Delete(o);
    if (rc)
        return px_error_set(err, rc, "out of memory");
    if (html_rc)
        return px_error_set(err, html_rc, "html field: %s", html_err.msg);
    if (!a->body || !*a->body) /* kept (a title alone still counts), but said */
        return px_error_set(err, PX_OK, "no article text (no text, body, content, maintext or html field)");
    if (date_rc)
        return px_error_set(err, PX_OK, "%s", date_err.msg); /* a warning only */
    if (repairs)
        return px_error_set(err, PX_OK, "%zu escaped NUL%s or lone surrogate%s (\\u0000, \\ud800...) replaced "
                            "with U+FFFD", repairs, repairs == 1 ? "" : "s", repairs == 1 ? "" : "s");
    if (html_err.msg[0])
        return px_error_set(err, PX_OK, "html field: %s", html_err.msg);
    return PX_OK;
}
