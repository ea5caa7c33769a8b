/* rows.c - what the store implementations share: articles and the JSON
 * objects of queries.h made from result rows, whichever database returned
 * them, so that both answer with the same objects. */
#include <stdlib.h>
#include <string.h>

#include "core/common_internal.h"
#include "read/read_internal.h"
#include "store/backend.h"

/* ---- article lists as stored ----------------------------------------- */

char *store_strlist_json(const px_strlist *l)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < l->n; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(l->items[i]));
    char *s = arr ? cJSON_PrintUnformatted(arr) : NULL;
    cJSON_Delete(arr);
    return s;
}

char *store_removed_json(const px_article *a)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < a->n_removed; i++) {
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "text", a->removed[i].text);
        cJSON_AddStringToObject(r, "reason", a->removed[i].reason);
        cJSON_AddItemToArray(arr, r);
    }
    char *s = arr ? cJSON_PrintUnformatted(arr) : NULL;
    cJSON_Delete(arr);
    return s;
}

static int strlist_from_json(px_strlist *l, const char *json)
{
    cJSON *arr = json ? cJSON_Parse(json) : NULL;
    int rc = PX_OK;
    cJSON *it;
    cJSON_ArrayForEach(it, arr)
        if (cJSON_IsString(it) && px_strlist_push(l, it->valuestring))
            rc = PX_ENOMEM;
    cJSON_Delete(arr);
    return rc;
}

static int removed_from_json(px_article *a, const char *json)
{
    cJSON *arr = json ? cJSON_Parse(json) : NULL;
    int rc = PX_OK;
    cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(it, "text"));
        const char *reason = cJSON_GetStringValue(cJSON_GetObjectItem(it, "reason"));
        if (text && reason && px_article_add_removal(a, text, strlen(text), reason))
            rc = PX_ENOMEM;
    }
    cJSON_Delete(arr);
    return rc;
}

px_article *store_row_article(const store_row *r)
{
    px_article *a = px_article_new();
    if (!a)
        return NULL;
    const char *(*t)(const store_row *, int) = r->text;
    int rc = px_set_str(&a->id, t(r, 0)) | px_set_str(&a->source, t(r, 1)) | px_set_str(&a->source_key, t(r, 2)) |
             px_set_str(&a->leaning, t(r, 3)) | px_set_str(&a->country, t(r, 4)) | px_set_str(&a->url, t(r, 5)) |
             px_set_str(&a->title, t(r, 6)) | strlist_from_json(&a->authors, t(r, 7)) |
             px_set_str(&a->date, t(r, 8)) | px_set_str(&a->language, t(r, 9)) |
             strlist_from_json(&a->highlights, t(r, 10)) | px_set_str(&a->body, t(r, 11)) |
             removed_from_json(a, t(r, 12)) | px_set_str(&a->extra_json, t(r, 13)) |
             px_set_str(&a->input_path, t(r, 14));
    a->input_line = r->is_null(r, 15) ? 0 : (long)r->int64(r, 15);
    a->input_offset = r->is_null(r, 16) ? -1 : r->int64(r, 16);
    if (rc) {
        px_article_free(a);
        return NULL;
    }
    return a;
}

/* ---- JSON ------------------------------------------------------------ */

static void add_string(cJSON *o, const char *name, const store_row *r, int i)
{
    const char *v = r->text(r, i);
    if (v)
        cJSON_AddStringToObject(o, name, v);
    else
        cJSON_AddNullToObject(o, name);
}

static void add_id(cJSON *o, const char *name, const store_row *r, int i)
{
    if (r->is_null(r, i))
        cJSON_AddNullToObject(o, name);
    else
        cJSON_AddNumberToObject(o, name, (double)r->int64(r, i));
}

static void add_json(cJSON *o, const char *name, const store_row *r, int i, int array)
{
    const char *v = r->text(r, i);
    cJSON *j = v ? cJSON_Parse(v) : NULL;
    if (!j)
        j = array ? cJSON_CreateArray() : cJSON_CreateObject();
    cJSON_AddItemToObject(o, name, j);
}

cJSON *store_row_article_json(const store_row *r, int with_text)
{
    cJSON *o = cJSON_CreateObject();
    add_id(o, "row", r, 0);
    add_string(o, "id", r, 1);
    add_string(o, "source", r, 2);
    add_string(o, "leaning", r, 3);
    add_string(o, "country", r, 4);
    add_string(o, "url", r, 5);
    add_string(o, "title", r, 6);
    add_json(o, "authors", r, 7, 1);
    add_string(o, "date", r, 8);
    add_string(o, "language", r, 9);
    add_json(o, "highlights", r, 10, 1);
    if (with_text)
        add_string(o, "text", r, 11);
    else
        cJSON_AddNumberToObject(o, "chars", (double)r->bytes(r, 11));
    add_json(o, "removed", r, 12, 1);
    if (with_text) {
        add_json(o, "extra", r, 13, 0);
        cJSON *in = cJSON_AddObjectToObject(o, "input");
        add_string(in, "path", r, 14);
        if (!r->is_null(r, 15))
            cJSON_AddNumberToObject(in, "line", (double)r->int64(r, 15));
        if (!r->is_null(r, 16))
            cJSON_AddNumberToObject(in, "offset", (double)r->int64(r, 16));
    }
    add_id(o, "story", r, 17);
    add_id(o, "duplicate_of", r, 18);
    add_string(o, "ingested", r, 19);
    return o;
}

cJSON *store_row_coverage(const store_row *r)
{
    cJSON *o = cJSON_CreateObject();
    add_string(o, "leaning", r, 0);
    add_string(o, "source", r, 1);
    cJSON_AddNumberToObject(o, "articles", (double)r->int64(r, 2));
    add_string(o, "first_date", r, 3);
    add_string(o, "last_date", r, 4);
    return o;
}

cJSON *store_row_story_summary(const store_row *r, cJSON *coverage)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", (double)r->int64(r, 0));
    add_string(o, "title", r, 1);
    add_string(o, "first_date", r, 2);
    add_string(o, "last_date", r, 3);
    cJSON_AddNumberToObject(o, "articles", (double)r->int64(r, 4));
    cJSON_AddNumberToObject(o, "sources", (double)r->int64(r, 5));
    cJSON_AddBoolToObject(o, "has_analysis", r->int64(r, 6) != 0);
    add_string(o, "updated", r, 7);
    cJSON_AddItemToObject(o, "coverage", coverage ? coverage : cJSON_CreateArray());
    return o;
}

/* The snippet marks matches with \x02 ... \x03; turn them into the
 * caller's marks, escaping the rest for HTML when asked. */
static char *format_snippet(const char *raw, const px_search_query *q)
{
    const char *open = q->mark_open ? q->mark_open : "<mark>";
    const char *close = q->mark_close ? q->mark_close : "</mark>";
    px_buf b = {0};
    for (const char *p = raw ? raw : ""; *p; p++) {
        if (*p == '\x02')
            px_buf_puts(&b, open);
        else if (*p == '\x03')
            px_buf_puts(&b, close);
        else if (*p == '\n' || *p == '\r' || *p == '\t')
            px_buf_puts(&b, b.len && b.data[b.len - 1] == ' ' ? "" : " ");
        else if (q->html && *p == '<')
            px_buf_puts(&b, "&lt;");
        else if (q->html && *p == '>')
            px_buf_puts(&b, "&gt;");
        else if (q->html && *p == '&')
            px_buf_puts(&b, "&amp;");
        else if (q->html && *p == '"')
            px_buf_puts(&b, "&quot;");
        else
            px_buf_append(&b, p, 1);
    }
    return px_buf_steal(&b);
}

cJSON *store_row_search_hit(const store_row *r, const px_search_query *q)
{
    cJSON *o = cJSON_CreateObject();
    add_id(o, "id", r, 0);
    add_string(o, "ext_id", r, 1);
    add_string(o, "source", r, 2);
    add_string(o, "leaning", r, 3);
    add_string(o, "url", r, 4);
    add_string(o, "title", r, 5);
    add_string(o, "date", r, 6);
    add_id(o, "story", r, 7);
    char *snippet = format_snippet(r->text(r, 8), q);
    cJSON_AddStringToObject(o, "snippet", snippet ? snippet : "");
    free(snippet);
    cJSON_AddNumberToObject(o, "rank", r->dbl(r, 9));
    return o;
}

/* name, key, leaning, country, articles, the URL of one of its articles */
cJSON *store_row_source(const store_row *r)
{
    cJSON *o = cJSON_CreateObject();
    add_string(o, "name", r, 0);
    const char *key = r->text(r, 1), *url = r->text(r, 5);
    char host[256];
    if (!key && url && px_source_key_from_url(url, host, sizeof host))
        key = host;
    if (key)
        cJSON_AddStringToObject(o, "key", key);
    else
        cJSON_AddNullToObject(o, "key");
    add_string(o, "leaning", r, 2);
    add_string(o, "country", r, 3);
    cJSON_AddNumberToObject(o, "articles", (double)r->int64(r, 4));
    return o;
}

int store_clamp_limit(int limit, int dflt, int max)
{
    if (limit <= 0)
        return dflt;
    return limit > max ? max : limit;
}

int store_normalise_since(const char *since, char out[32], px_error *err)
{
    if (!since || !*since)
        return PX_OK;
    if (px_date_parse(since, out) != PX_OK)
        return px_error_set(err, PX_EUSAGE, "'%s' is not a date (try YYYY-MM-DD)", since);
    return PX_OK;
}

void store_row_link(const store_row *r, cJSON **links)
{
    if (!*links) {
        *links = cJSON_CreateObject();
        cJSON_AddArrayToObject(*links, "languages");
        cJSON_AddArrayToObject(*links, "stories");
    }
    const char *lang = r->text(r, 1);
    lang = lang ? lang : "";
    cJSON *langs = cJSON_GetObjectItem(*links, "languages"), *l;
    int seen = 0;
    cJSON_ArrayForEach(l, langs)
        seen |= strcmp(l->valuestring, lang) == 0;
    if (!seen)
        cJSON_AddItemToArray(langs, cJSON_CreateString(lang));
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", (double)r->int64(r, 0));
    cJSON_AddStringToObject(o, "language", lang);
    add_string(o, "title", r, 2);
    cJSON_AddNumberToObject(o, "score", r->dbl(r, 3));
    cJSON_AddItemToArray(cJSON_GetObjectItem(*links, "stories"), o);
}
