/* analysis.c - compares stored stories and keeps their reports in the store
 * (see parallax/analysis.h). The renderers are the compare stage's own, so
 * a stored report is exactly what `parallax analyze` prints. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "parallax/analysis.h"
#include "report/report_json.h"
#include "store/queries.h"
#include "store/analysis_internal.h"
#include "group/cluster_internal.h"
#include "core/common_internal.h"
#include "store/store_internal.h"

typedef struct row_list {
    int64_t *v;
    size_t n, cap;
} row_list;

static int collect_row(const px_stored_article *sa, void *ud)
{
    row_list *l = ud;
    if (px_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 16, 0))
        return 1;
    l->v[l->n++] = sa->row;
    return 0;
}

/* A story read back from the store, in date order, and which of its
 * articles are compared and which copies set aside (px_story_group_make,
 * as `parallax analyze` does). */
typedef struct loaded {
    px_article **arts;
    int64_t *rows;      /* row of each */
    int64_t *canon;     /* per article: the row it copies, 0 when none */
    char (*relation)[16];
    size_t n;           /* articles loaded */
    px_story_group group;
} loaded;

static void loaded_free(loaded *l)
{
    for (size_t i = 0; i < l->n; i++)
        px_article_free(l->arts[i]);
    free(l->arts);
    free(l->rows);
    free(l->canon);
    free(l->relation);
    px_story_group_free(&l->group);
    memset(l, 0, sizeof *l);
}

static size_t index_of_row(const loaded *l, int64_t row)
{
    for (size_t i = 0; row && i < l->n; i++)
        if (l->rows[i] == row)
            return i;
    return PX_NOT_A_COPY;
}

static px_dup_relation relation_named(const char *name)
{
    for (px_dup_relation r = PX_DUP_EXACT; r <= PX_DUP_CONTAINS; r++)
        if (strcmp(px_dup_relation_name(r), name) == 0)
            return r;
    return PX_DUP_NEAR;
}

static int group_story(loaded *l)
{
    size_t n = l->n;
    size_t *members = malloc((n + 1) * sizeof *members), *copy_of = malloc((n + 1) * sizeof *copy_of);
    px_dup_relation *relation = malloc((n + 1) * sizeof *relation);
    int rc = members && copy_of && relation ? PX_OK : PX_ENOMEM;
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        members[i] = i;
        copy_of[i] = index_of_row(l, l->canon[i]);
        relation[i] = relation_named(l->relation[i]);
    }
    if (rc == PX_OK)
        rc = px_story_group_make(members, n, copy_of, relation, &l->group);
    free(members);
    free(copy_of);
    free(relation);
    return rc;
}

static int load_story(px_store *s, int64_t story, loaded *l, px_error *err)
{
    row_list rows = {0};
    memset(l, 0, sizeof *l);
    int rc = px_store_each_article_of(s, story, collect_row, &rows, err);
    if (rc == PX_ESTOP)
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    l->rows = rows.v;
    if (!rc) {
        l->arts = calloc(rows.n + 1, sizeof *l->arts);
        l->canon = calloc(rows.n + 1, sizeof *l->canon);
        l->relation = calloc(rows.n + 1, sizeof *l->relation);
        if (!l->arts || !l->canon || !l->relation)
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
    }
    for (size_t i = 0; !rc && i < rows.n; i++) {
        px_article *a = NULL;
        rc = px_store_get_article(s, rows.v[i], &a, err);
        if (!rc && a) {
            l->rows[l->n] = rows.v[i];
            l->arts[l->n++] = a;
            rc = px_store_duplicate_of(s, rows.v[i], &l->canon[l->n - 1], l->relation[l->n - 1], err);
        }
    }
    if (!rc && group_story(l))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    if (rc)
        loaded_free(l);
    return rc;
}

static cJSON *row_or_null(int64_t row)
{
    return row ? cJSON_CreateNumber((double)row) : cJSON_CreateNull();
}

/* Each compared article gets the store's "row" and "duplicate_of" (the
 * report lists them in the order they were compared), and each copy set
 * aside (docs/report-schema.md DUPLICATE) its "row" and "duplicate_of_row". */
static void add_store_rows(cJSON *story, const loaded *l)
{
    const px_story_group *g = &l->group;
    cJSON *a;
    size_t k = 0;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(story, "articles")) {
        if (k >= g->n)
            break;
        size_t i = g->articles[k++];
        cJSON_AddNumberToObject(a, "row", (double)l->rows[i]);
        cJSON_AddItemToObject(a, "duplicate_of", row_or_null(l->canon[i]));
    }
    k = 0;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(story, "duplicates")) {
        if (k >= g->n_copies)
            break;
        size_t i = g->copies[k++];
        cJSON_AddNumberToObject(a, "row", (double)l->rows[i]);
        cJSON_AddNumberToObject(a, "duplicate_of_row", (double)l->canon[i]);
    }
}

/* The STORY object of the report with the store's rows, unformatted; NULL
 * when out of memory. */
static char *story_object(px_story_report *r, const loaded *l)
{
    cJSON *one = px_report_story_object(r, 0);
    if (!one)
        return NULL;
    add_store_rows(one, l);
    char *out = cJSON_PrintUnformatted(one);
    cJSON_Delete(one);
    return out;
}

static int render(px_story_report *r, const loaded *l, const px_report_opts *text_opts,
                  px_stored_analysis *out, px_error *err)
{
    px_buf text = {0}, html = {0};
    px_report_opts ro = {0};
    if (text_opts)
        ro = *text_opts;
    out->report = story_object(r, l);
    if (r->summary.headline.text && !(out->headline = px_strdup(r->summary.headline.text))) {
        px_stored_analysis_free(out);
        return px_error_set(err, PX_ENOMEM, "out of memory rendering an analysis");
    }
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

/* Compares a stored story and renders it; with ev, also its evidence for
 * links to stories in other languages (parallax/links.h). */
static int analyze_story(px_store *s, int64_t story, const px_compare_opts *o, const px_report_opts *text_opts,
                         px_stored_analysis *out, px_story_evidence *ev, px_error *err)
{
    memset(out, 0, sizeof *out);
    loaded l;
    int rc = load_story(s, story, &l, err);
    if (rc)
        return rc;
    px_story_report *r = NULL;
    if (!l.group.n)
        rc = px_error_set(err, PX_EUSAGE, "story %lld has no article", (long long)story);
    else
        rc = px_compare_story_group(l.arts, &l.group, o, &r, err);
    if (!rc)
        rc = render(r, &l, text_opts, out, err);
    if (!rc && ev && px_story_evidence_build(r, ev) != PX_OK) {
        px_stored_analysis_free(out);
        rc = px_error_set(err, PX_ENOMEM, "out of memory reading a story's evidence");
    }
    px_story_report_free(r);
    loaded_free(&l);
    return rc;
}

int px_analyze_stored_story_with(px_store *s, int64_t story, const px_compare_opts *o,
                                 const px_report_opts *text_opts, px_stored_analysis *out, px_error *err)
{
    return analyze_story(s, story, o, text_opts, out, NULL, err);
}

/* The evidence of the stories near a story, gathered before any is scored:
 * how rare a shared name is depends on all of them. ev[0] is the story's
 * own. */
typedef struct link_scan {
    px_story_evidence *ev;
    int64_t *ids;
    size_t n, cap, cap_ids;
} link_scan;

static int scan_one(int64_t other, const char *text, void *ud)
{
    link_scan *k = ud;
    px_story_evidence o;
    if (px_story_evidence_parse(text, &o) != PX_OK)
        return PX_OK; /* unreadable evidence links nothing */
    if (px_grow(&k->ev, &k->cap, k->n + 1, sizeof *k->ev, 8, 0) ||
        px_grow(&k->ids, &k->cap_ids, k->n + 1, sizeof *k->ids, 8, 0)) {
        px_story_evidence_free(&o);
        return PX_ENOMEM;
    }
    k->ids[k->n] = other;
    k->ev[k->n++] = o;
    return PX_OK;
}

/* The stories of k that k->ev[0] links, the shared keys weighed by their
 * rarity among all of k's stories; others and scores get k->n entries. */
static int score_scan(const link_scan *k, int64_t *others, double *scores, size_t *n)
{
    px_link_df df;
    if (px_link_df_build(k->ev, k->n, &df) != PX_OK)
        return PX_ENOMEM;
    *n = 0;
    for (size_t i = 1; i < k->n; i++) {
        px_link_detail d;
        px_story_link_score(&k->ev[0], &k->ev[i], &df, &d);
        if (!px_story_link_accept(&d))
            continue;
        others[*n] = k->ids[i];
        scores[(*n)++] = d.score;
    }
    px_link_df_free(&df);
    return PX_OK;
}

static void scan_free(link_scan *k)
{
    for (size_t i = 1; i < k->n; i++) /* ev[0] is the caller's */
        px_story_evidence_free(&k->ev[i]);
    free(k->ev);
    free(k->ids);
}

/* Stores the story's evidence and makes its links again: with every story
 * of another language published within the window that the score takes.
 * The other stories' links to the rest stay as they were. */
static int link_story(px_store *s, int64_t story, const px_story_evidence *ev, px_error *err)
{
    char *text = px_story_evidence_to_text(ev);
    link_scan k = {0};
    if (!text || px_grow(&k.ev, &k.cap, 1, sizeof *k.ev, 8, 0) ||
        px_grow(&k.ids, &k.cap_ids, 1, sizeof *k.ids, 8, 0)) {
        free(text);
        scan_free(&k);
        return px_error_set(err, PX_ENOMEM, "out of memory storing a story's evidence");
    }
    k.ev[0] = *ev;
    k.ids[0] = story;
    k.n = 1;
    int rc = PX_OK;
    if (ev->first_day != PX_NO_DAY)
        rc = px_store_each_evidence_near(s, story, ev->lang, ev->first_day - PX_LINK_WINDOW_DAYS,
                                         ev->last_day + PX_LINK_WINDOW_DAYS, scan_one, &k, err);
    int64_t *others = calloc(k.n, sizeof *others);
    double *scores = calloc(k.n, sizeof *scores);
    size_t n = 0;
    if (rc == PX_OK && (!others || !scores || score_scan(&k, others, scores, &n) != PX_OK))
        rc = px_error_set(err, PX_ENOMEM, "out of memory linking a story");
    if (rc == PX_OK)
        rc = px_store_put_links(s, story, ev, text, others, scores, n, err);
    free(text);
    free(others);
    free(scores);
    scan_free(&k);
    return rc;
}

int px_refresh_analysis(px_store *s, int64_t story, const px_compare_opts *o, px_error *err)
{
    px_stored_analysis an = {0};
    int64_t stale; /* read before the articles: a change after it keeps the flag */
    int rc = px_store_story_stale(s, story, &stale, err);
    px_story_evidence ev = {0};
    if (!rc)
        rc = analyze_story(s, story, o, NULL, &an, &ev, err);
    if (!rc)
        rc = px_store_put_fresh_analysis(s, story, &an, stale, err);
    if (!rc)
        rc = link_story(s, story, &ev, err);
    px_story_evidence_free(&ev);
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
    static const char *const when_present[] = {"also_covered_in"};
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; o && i < sizeof keys / sizeof keys[0]; i++) {
        const cJSON *v = cJSON_GetObjectItem(sum, keys[i][1]);
        cJSON_AddItemToObject(o, keys[i][0], v ? cJSON_Duplicate(v, 1) : cJSON_CreateNull());
    }
    for (size_t i = 0; o && i < sizeof when_present / sizeof when_present[0]; i++) {
        const cJSON *v = cJSON_GetObjectItem(sum, when_present[i]);
        if (v)
            cJSON_AddItemToObject(o, when_present[i], cJSON_Duplicate(v, 1));
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
    cJSON *sum = NULL, *links = NULL;
    int rc = px_store_story_summary(s, story, &sum, err);
    if (rc || !sum)
        return rc;
    /* related stories in other languages, as they stand now */
    if ((rc = px_store_story_links(s, story, &links, err))) {
        cJSON_Delete(sum);
        return rc;
    }
    if (links)
        cJSON_AddItemToObject(sum, "also_covered_in", links);
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
