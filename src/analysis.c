/* analysis.c - compares stored stories and keeps their reports in the store
 * (see parallax/analysis.h). The renderers are the compare stage's own, so
 * a stored report is exactly what `parallax analyze` prints. */
#include <stdlib.h>
#include <string.h>

#include "parallax/analysis.h"

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

/* The story's articles, read back in date order; *n of them in *out, their
 * row ids in *rows_out. */
static int load_articles(px_store *s, int64_t story, px_article ***out, int64_t **rows_out, size_t *n,
                         px_error *err)
{
    row_list rows = {0};
    *out = NULL;
    *rows_out = NULL;
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
            rows.v[(*n)++] = rows.v[i];
    }
    if (rc) {
        for (size_t i = 0; i < *n; i++)
            px_article_free(v[i]);
        free(v);
        free(rows.v);
        *n = 0;
        return rc;
    }
    *out = v;
    *rows_out = rows.v;
    return PX_OK;
}

/* Each report article gets the store's "row" and "duplicate_of": the
 * report lists the articles in the order they were compared, rows[i]. */
static int add_rows(px_store *s, cJSON *story, const int64_t *rows, size_t n, px_error *err)
{
    cJSON *a;
    size_t i = 0;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(story, "articles")) {
        if (i >= n)
            break;
        int64_t canon;
        int rc = px_store_duplicate_of(s, rows[i], &canon, err);
        if (rc)
            return rc;
        cJSON_AddNumberToObject(a, "row", (double)rows[i]);
        cJSON_AddItemToObject(a, "duplicate_of", canon ? cJSON_CreateNumber((double)canon) : cJSON_CreateNull());
        i++;
    }
    return PX_OK;
}

/* The single STORY object of a one-story JSON report, unformatted, with
 * the store's rows. NULL in *out when out of memory. */
static int story_object(px_store *s, px_story_report *r, const int64_t *rows, size_t n, char **out,
                        px_error *err)
{
    px_buf b = {0};
    int rc = PX_OK;
    *out = NULL;
    if (px_report_json(&r, 1, &b) == PX_OK) {
        cJSON *root = cJSON_Parse(b.data);
        cJSON *one = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "stories"), 0);
        if (one && !(rc = add_rows(s, one, rows, n, err)))
            *out = cJSON_PrintUnformatted(one);
        cJSON_Delete(root);
    }
    px_buf_free(&b);
    return rc;
}

static int render(px_store *s, px_story_report *r, const int64_t *rows, size_t n,
                  const px_report_opts *text_opts, px_stored_analysis *out, px_error *err)
{
    px_buf text = {0}, html = {0};
    px_report_opts ro = {0};
    if (text_opts)
        ro = *text_opts;
    int rc = story_object(s, r, rows, n, &out->report, err);
    if (rc)
        return rc;
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
    return px_analyze_stored_story_with(s, story, o, NULL, out, err);
}

int px_analyze_stored_story_with(px_store *s, int64_t story, const px_compare_opts *o,
                                 const px_report_opts *text_opts, px_stored_analysis *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    px_article **arts;
    int64_t *rows;
    size_t n;
    int rc = load_articles(s, story, &arts, &rows, &n, err);
    if (rc)
        return rc;
    px_story_report *r = NULL;
    if (!n)
        rc = px_error_set(err, PX_EUSAGE, "story %lld has no article", (long long)story);
    else
        rc = px_compare_story(arts, n, o, &r, err);
    if (!rc)
        rc = render(s, r, rows, n, text_opts, out, err);
    px_story_report_free(r);
    for (size_t i = 0; i < n; i++)
        px_article_free(arts[i]);
    free(arts);
    free(rows);
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

/* The store's fields of one story, as an unformatted JSON object. */
static char *store_fields(const cJSON *sum, const char *analyzed_at)
{
    static const char *const keys[][2] = {
        {"id", "id"},           {"title", "title"},          {"first_date", "first_date"},
        {"last_date", "last_date"}, {"article_count", "articles"}, {"source_count", "sources"},
        {"coverage", "coverage"},
    };
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; o && i < sizeof keys / sizeof keys[0]; i++) {
        const cJSON *v = cJSON_GetObjectItem(sum, keys[i][1]);
        cJSON_AddItemToObject(o, keys[i][0], v ? cJSON_Duplicate(v, 1) : cJSON_CreateNull());
    }
    cJSON_AddItemToObject(o, "analyzed_at", analyzed_at ? cJSON_CreateString(analyzed_at) : cJSON_CreateNull());
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return text;
}

/* report is "{...}" and fields "{...}": one object with the members of
 * both. Joining the text spares parsing and printing a report that can run
 * to megabytes for a story of hundreds of articles. */
static char *join_objects(const char *report, const char *fields)
{
    size_t r = strlen(report), f = strlen(fields);
    while (r > 0 && report[r - 1] != '}')
        r--;
    if (r < 2 || f < 2 || fields[0] != '{')
        return NULL;
    char *out = malloc(r + f + 1);
    if (!out)
        return NULL;
    size_t n = r - 1;
    memcpy(out, report, n);
    int empty = report[0] == '{' && strspn(report + 1, " \t\r\n") == n - 1;
    if (!empty)
        out[n++] = ',';
    memcpy(out + n, fields + 1, f); /* includes the closing brace and NUL */
    return out;
}

int px_report_story_text(px_store *s, int64_t story, char **out, px_error *err)
{
    *out = NULL;
    cJSON *sum = NULL;
    int rc = px_store_story_summary(s, story, &sum, err);
    if (rc || !sum)
        return rc;
    px_stored_analysis an;
    int stored = 1;
    rc = px_store_get_analysis(s, story, &an, err);
    if (!rc && !an.report) {
        stored = 0;
        rc = px_analyze_stored_story(s, story, NULL, &an, err);
    }
    char *fields = rc ? NULL : store_fields(sum, stored ? an.updated : NULL);
    if (!rc && !(*out = fields ? join_objects(an.report, fields) : NULL))
        rc = px_error_set(err, PX_EFORMAT, "%s: the stored analysis of story %lld is not a JSON object "
                          "(or out of memory)", px_store_path(s), (long long)story);
    free(fields);
    cJSON_Delete(sum);
    px_stored_analysis_free(&an);
    return rc;
}

int px_report_story_json(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    char *text;
    *out = NULL;
    int rc = px_report_story_text(s, story, &text, err);
    if (rc || !text)
        return rc;
    *out = cJSON_Parse(text);
    free(text);
    return *out ? PX_OK : px_error_set(err, PX_EFORMAT, "%s: the stored analysis of story %lld is not valid JSON",
                                       px_store_path(s), (long long)story);
}
