/* fuzz_analyze.c - the whole comparison over a small random story: the
 * input is split at form feeds into up to eight articles, each
 * "SOURCE|DATE|BODY"; the story is compared and rendered in all three
 * formats. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

#define MAX_ARTICLES 8

static px_article *make_article(const char *s, size_t len)
{
    px_article *a = px_article_new();
    if (!a)
        return NULL;
    const char *bar1 = memchr(s, '|', len);
    const char *bar2 = bar1 ? memchr(bar1 + 1, '|', len - (size_t)(bar1 + 1 - s)) : NULL;
    if (bar2) {
        px_set_strn(&a->source, s, (size_t)(bar1 - s));
        px_set_strn(&a->date, bar1 + 1, (size_t)(bar2 - bar1 - 1));
        px_set_strn(&a->body, bar2 + 1, len - (size_t)(bar2 + 1 - s));
    } else {
        px_set_strn(&a->body, s, len);
    }
    px_set_str(&a->id, "fuzz");
    return a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_article *arts[MAX_ARTICLES];
    size_t n = 0;
    const char *s = (const char *)data, *end = s + size;
    while (s <= end && n < MAX_ARTICLES) {
        const char *ff = memchr(s, '\f', (size_t)(end - s));
        const char *e = ff ? ff : end;
        px_article *a = make_article(s, (size_t)(e - s));
        if (a)
            arts[n++] = a;
        if (!ff)
            break;
        s = ff + 1;
    }
    px_story_report *r = NULL;
    if (px_compare_story(arts, n, NULL, &r, NULL) == PX_OK) {
        px_buf b = {0};
        px_report_json(&r, 1, &b);
        px_report_text(&r, 1, NULL, &b);
        px_report_html(&r, 1, &b);
        px_buf_free(&b);
        px_story_report_free(r);
    }
    for (size_t i = 0; i < n; i++)
        px_article_free(arts[i]);
    return 0;
}
