/* analysis.c - compares stored stories and keeps their reports in the store
 * (see parallax/analysis.h). The renderers are the compare stage's own, so
 * a stored report is exactly what `parallax analyze` prints. */
#include <stdlib.h>
#include <string.h>

#include "parallax/analysis.h"
#include "parallax/report.h"

typedef struct row_list {
    int64_t *v;
    size_t n, cap;
} row_list;

static int collect_row(const px_stored_article *sa, void *ud)
{
    row_list *l = ud;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        int64_t *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return 1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = sa->row;
    return 0;
}

/* The story's articles, read back in date order; *n of them in *out. */
static int load_articles(px_store *s, int64_t story, px_article ***out, size_t *n, px_error *err)
{
    row_list rows = {0};
    *out = NULL;
    *n = 0;
    int rc = px_store_each_article_of(s, story, collect_row, &rows, err);
    if (rc == PX_ESTOP)
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    px_article **v = rc ? NULL : calloc(rows.n + 1, sizeof *v);
    if (!rc && !v)
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < rows.n; i++) {
        rc = px_store_get_article(s, rows.v[i], &v[*n], err);
        if (!rc && v[*n])
            (*n)++;
    }
    free(rows.v);
    if (rc) {
        for (size_t i = 0; i < *n; i++)
            px_article_free(v[i]);
        free(v);
        *n = 0;
        return rc;
    }
    *out = v;
    return PX_OK;
}

/* The single STORY object of a one-story JSON report, unformatted. */
static char *story_object(px_story_report *r)
{
    px_buf b = {0};
    char *text = NULL;
    if (px_report_json(&r, 1, &b) == PX_OK) {
        cJSON *root = cJSON_Parse(b.data);
        cJSON *one = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "stories"), 0);
        text = one ? cJSON_PrintUnformatted(one) : NULL;
        cJSON_Delete(root);
    }
    px_buf_free(&b);
    return text;
}

static int render(px_story_report *r, px_stored_analysis *out, px_error *err)
{
    px_buf text = {0}, html = {0};
    px_report_opts ro = {0};
    out->report = story_object(r);
    int ok = out->report && px_report_text(&r, 1, &ro, &text) == PX_OK &&
             px_report_html(&r, 1, &html) == PX_OK;
    out->text = px_buf_steal(&text);
    out->html = px_buf_steal(&html);
    if (!ok || !out->text || !out->html) {
        px_stored_analysis_free(out);
        return px_error_set(err, PX_ENOMEM, "out of memory rendering an analysis");
    }
    return PX_OK;
}

int px_analyze_stored_story(px_store *s, int64_t story, const px_compare_opts *o,
                            px_stored_analysis *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    px_article **arts;
    size_t n;
    int rc = load_articles(s, story, &arts, &n, err);
    if (rc)
        return rc;
    px_story_report *r = NULL;
    if (!n)
        rc = px_error_set(err, PX_EUSAGE, "story %lld has no article", (long long)story);
    else
        rc = px_compare_story(arts, n, o, &r, err);
    if (!rc)
        rc = render(r, out, err);
    px_story_report_free(r);
    for (size_t i = 0; i < n; i++)
        px_article_free(arts[i]);
    free(arts);
    return rc;
}

int px_refresh_analysis(px_store *s, int64_t story, const px_compare_opts *o, px_error *err)
{
    px_stored_analysis an;
    int rc = px_analyze_stored_story(s, story, o, &an, err);
    if (!rc)
        rc = px_store_put_analysis(s, story, &an, err);
    px_stored_analysis_free(&an);
    return rc;
}

/* The stored article of the story's "articles_list" that report article a
 * describes: same id and outlet. */
static const cJSON *stored_match(const cJSON *list, const cJSON *a)
{
    const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(a, "id"));
    const char *src = cJSON_GetStringValue(cJSON_GetObjectItem(a, "source"));
    const cJSON *m;
    cJSON_ArrayForEach(m, list) {
        const char *mid = cJSON_GetStringValue(cJSON_GetObjectItem(m, "id"));
        const char *msrc = cJSON_GetStringValue(cJSON_GetObjectItem(m, "source"));
        if (id && mid && strcmp(id, mid) == 0 && (!src || !msrc || strcmp(src, msrc) == 0))
            return m;
    }
    return NULL;
}

static void copy_field(cJSON *to, const char *name, const cJSON *from, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(from, key);
    cJSON_AddItemToObject(to, name, v ? cJSON_Duplicate(v, 1) : cJSON_CreateNull());
}

/* Adds the store's fields to the report object rep. */
static void add_store_fields(cJSON *rep, const cJSON *stored, const char *analyzed_at)
{
    copy_field(rep, "id", stored, "id");
    copy_field(rep, "title", stored, "title");
    copy_field(rep, "first_date", stored, "first_date");
    copy_field(rep, "last_date", stored, "last_date");
    copy_field(rep, "article_count", stored, "articles");
    copy_field(rep, "source_count", stored, "sources");
    copy_field(rep, "coverage", stored, "coverage");
    cJSON_AddItemToObject(rep, "analyzed_at",
                          analyzed_at ? cJSON_CreateString(analyzed_at) : cJSON_CreateNull());
    const cJSON *list = cJSON_GetObjectItem(stored, "articles_list");
    cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(rep, "articles")) {
        const cJSON *m = stored_match(list, a);
        copy_field(a, "row", m, "row");
        copy_field(a, "duplicate_of", m, "duplicate_of");
    }
}

int px_report_story_json(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    *out = NULL;
    cJSON *stored = NULL;
    int rc = px_store_story(s, story, &stored, err);
    if (rc || !stored)
        return rc;
    px_stored_analysis an;
    int stored_an = 1;
    rc = px_store_get_analysis(s, story, &an, err);
    if (!rc && !an.report) {
        stored_an = 0;
        rc = px_analyze_stored_story(s, story, NULL, &an, err);
    }
    cJSON *rep = rc ? NULL : cJSON_Parse(an.report);
    if (!rc && !cJSON_IsObject(rep))
        rc = px_error_set(err, PX_EFORMAT, "%s: the stored analysis of story %lld is not a JSON object",
                          px_store_path(s), (long long)story);
    if (!rc) {
        add_store_fields(rep, stored, stored_an ? an.updated : NULL);
        *out = rep;
        rep = NULL;
    }
    cJSON_Delete(rep);
    cJSON_Delete(stored);
    px_stored_analysis_free(&an);
    return rc;
}
