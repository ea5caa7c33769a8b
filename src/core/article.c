/* article.c - the article model and its JSON form (docs/formats.md). */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "parallax/article.h"
#include "core/article_internal.h"
#include "core/common_internal.h"

px_article *px_article_new(void)
{
    px_article *a = calloc(1, sizeof *a);
    if (a)
        a->input_offset = -1;
    return a;
}

void px_article_free(px_article *a)
{
    if (!a)
        return;
    px_article_drop_doc(a);
    free(a->id);
    free(a->source);
    free(a->source_key);
    free(a->leaning);
    free(a->country);
    free(a->url);
    free(a->title);
    px_strlist_clear(&a->authors);
    free(a->date);
    free(a->language);
    px_strlist_clear(&a->highlights);
    free(a->body);
    for (size_t i = 0; i < a->n_removed; i++) {
        free(a->removed[i].text);
        free(a->removed[i].reason);
    }
    free(a->removed);
    free(a->extra_json);
    free(a->input_path);
    free(a);
}

void px_article_drop_doc(px_article *a)
{
    if (a->doc && a->doc_free)
        a->doc_free(a->doc);
    a->doc = NULL;
}

int px_set_strn(char **field, const char *value, size_t len)
{
    char *copy = NULL;
    if (value && !(copy = px_strndup(value, len)))
        return PX_ENOMEM;
    free(*field);
    *field = copy;
    return PX_OK;
}

int px_set_str(char **field, const char *value)
{
    return px_set_strn(field, value, value ? strlen(value) : 0);
}

int px_article_add_removal(px_article *a, const char *text, size_t len, const char *reason)
{
    px_removal *r = realloc(a->removed, (a->n_removed + 1) * sizeof *r);
    if (!r)
        return PX_ENOMEM;
    a->removed = r;
    r = &a->removed[a->n_removed];
    r->text = px_strndup(text, len);
    r->reason = px_strdup(reason);
    if (!r->text || !r->reason) {
        free(r->text);
        free(r->reason);
        return PX_ENOMEM;
    }
    a->n_removed++;
    return PX_OK;
}

const char *px_article_label(const px_article *a, char *out, size_t cap)
{
    const char *from = a->title && *a->title ? a->title : a->body && *a->body ? a->body : a->id;
    size_t n = from ? strcspn(from, "\n") : 0;
    if (!cap)
        return out;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)from[n] & 0xC0) == 0x80)
            n--; /* do not split a UTF-8 sequence */
    }
    if (n)
        memcpy(out, from, n);
    out[n] = '\0';
    return out;
}

int px_article_compute_id(px_article *a)
{
    if (a->id && *a->id)
        return PX_OK;
    px_buf key = {0};
    px_buf_puts(&key, a->source ? a->source : "");
    px_buf_append(&key, "\x1f", 1);
    if (a->url && *a->url)
        px_buf_puts(&key, a->url);
    else
        px_buf_puts(&key, a->body ? a->body : "");
    char hex[17];
    px_hash_hex(key.data ? key.data : "", key.len, hex);
    px_buf_free(&key);
    return px_set_str(&a->id, hex);
}

static void add_string(cJSON *o, const char *name, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, name, value);
    else
        cJSON_AddNullToObject(o, name);
}

static void add_list(cJSON *o, const char *name, const px_strlist *l)
{
    cJSON *arr = cJSON_AddArrayToObject(o, name);
    for (size_t i = 0; arr && i < l->n; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(l->items[i]));
}

static void add_removed(cJSON *o, const px_article *a)
{
    cJSON *arr = cJSON_AddArrayToObject(o, "removed");
    for (size_t i = 0; arr && i < a->n_removed; i++) {
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "text", a->removed[i].text);
        cJSON_AddStringToObject(r, "reason", a->removed[i].reason);
        cJSON_AddItemToArray(arr, r);
    }
}

static void add_input(cJSON *o, const px_article *a)
{
    cJSON *in = cJSON_AddObjectToObject(o, "input");
    if (!in)
        return;
    add_string(in, "path", a->input_path);
    if (a->input_line > 0)
        cJSON_AddNumberToObject(in, "line", (double)a->input_line);
    if (a->input_offset >= 0)
        cJSON_AddNumberToObject(in, "offset", (double)a->input_offset);
}

char *px_article_to_json(const px_article *a)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    add_string(o, "id", a->id);
    add_string(o, "source", a->source);
    add_string(o, "leaning", a->leaning);
    add_string(o, "country", a->country);
    add_string(o, "url", a->url);
    add_string(o, "title", a->title);
    add_list(o, "authors", &a->authors);
    add_string(o, "date", a->date);
    add_string(o, "language", a->language);
    add_list(o, "highlights", &a->highlights);
    add_string(o, "text", a->body ? a->body : "");
    add_removed(o, a);
    cJSON *extra = a->extra_json ? cJSON_Parse(a->extra_json) : NULL;
    cJSON_AddItemToObject(o, "extra", extra ? extra : cJSON_CreateObject());
    add_input(o, a);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

void px_language_primary(const char *tag, char out[8])
{
    size_t n = 0;
    if (!tag || !*tag)
        tag = "en";
    while (tag[n] && tag[n] != '-' && tag[n] != '_' && n < 7) {
        char c = tag[n];
        out[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    out[n] = '\0';
}
