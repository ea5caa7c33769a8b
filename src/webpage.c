/* webpage.c - standalone story pages: web/index.html with web/style.css,
 * web/app.js and the story's JSON inlined (see parallax/server.h). */
#include <stdlib.h>
#include <string.h>

#include "parallax/server.h"
#include "web_assets.h"

/* Appends s, breaking every "</" so that inlined text cannot close the
 * <script> or <style> element it sits in. */
static void append_inline(px_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '<' && i + 1 < len && s[i + 1] == '/')
            px_buf_puts(b, "<\\/");
        else
            px_buf_append(b, &s[i], 1);
        if (s[i] == '<' && i + 1 < len && s[i + 1] == '/')
            i++;
    }
}

static void append_asset(px_buf *b, const char *path)
{
    const px_web_asset *a = px_web_asset_find(path);
    if (a)
        append_inline(b, (const char *)a->data, a->len);
}

char *px_web_story_page(const cJSON *story)
{
    const px_web_asset *index = px_web_asset_find("/index.html");
    char *json = cJSON_PrintUnformatted(story);
    if (!index || !json) {
        free(json);
        return NULL;
    }
    const char *html = (const char *)index->data;
    const char *link = strstr(html, "<link rel=\"stylesheet\" href=\"style.css\">");
    const char *script = strstr(html, "<script src=\"app.js\"></script>");
    px_buf b = {0};
    if (!link || !script || script < link) {
        free(json);
        return NULL;
    }
    px_buf_append(&b, html, (size_t)(link - html));
    px_buf_puts(&b, "<style>\n");
    append_asset(&b, "/style.css");
    px_buf_puts(&b, "</style>");
    const char *after_link = link + strlen("<link rel=\"stylesheet\" href=\"style.css\">");
    px_buf_append(&b, after_link, (size_t)(script - after_link));
    px_buf_puts(&b, "<script id=\"story-data\" type=\"application/json\">");
    append_inline(&b, json, strlen(json));
    px_buf_puts(&b, "</script>\n<script>\n");
    append_asset(&b, "/app.js");
    px_buf_puts(&b, "</script>");
    px_buf_puts(&b, script + strlen("<script src=\"app.js\"></script>"));
    free(json);
    return px_buf_steal(&b);
}
