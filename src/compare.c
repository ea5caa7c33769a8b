/* compare.c - runs every comparison over the articles of one story. */
#include <stdlib.h>
#include <string.h>

#include "parallax/compare.h"

typedef struct dated {
    size_t index;
    long day; /* undated articles take the day of the article before */
} dated;

static int by_day_then_input(const void *x, const void *y)
{
    const dated *a = x, *b = y;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

typedef struct collector {
    px_article *const *articles;
    size_t n;
    unsigned char *grouped;
    px_story_groups *out;
    int rc;
} collector;

/* Index of the first article not yet grouped whose id is id. */
static long article_with_id(const collector *c, const char *id)
{
    for (size_t i = 0; i < c->n; i++)
        if (!c->grouped[i] && c->articles[i]->id && strcmp(c->articles[i]->id, id) == 0)
            return (long)i;
    return -1;
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int add_group(collector *c, size_t *members, size_t n)
{
    if (!n) {
        free(members);
        return PX_OK;
    }
    px_story_group *v = realloc(c->out->v, (c->out->n + 1) * sizeof *v);
    if (!v) {
        free(members);
        return PX_ENOMEM;
    }
    qsort(members, n, sizeof *members, size_cmp);
    c->out->v = v;
    v[c->out->n++] = (px_story_group){members, n};
    return PX_OK;
}

static void collect_story(const px_story *st, void *ud)
{
    collector *c = ud;
    if (c->rc != PX_OK)
        return;
    size_t *members = malloc((st->n_articles + 1) * sizeof *members), n = 0;
    if (!members) {
        c->rc = PX_ENOMEM;
        return;
    }
    for (size_t k = 0; k < st->n_articles; k++) {
        long i = article_with_id(c, st->article_ids[k]);
        if (i >= 0) {
            c->grouped[i] = 1;
            members[n++] = (size_t)i;
        }
    }
    c->rc = add_group(c, members, n);
}

static int cluster_articles(px_clusterer *cl, px_article *const *articles, size_t n)
{
    dated *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return PX_ENOMEM;
    long last = 0;
    for (size_t i = 0; i < n; i++) {
        long day;
        if (articles[i]->date && px_date_days(articles[i]->date, &day) == PX_OK)
            last = day;
        order[i] = (dated){i, last};
    }
    qsort(order, n, sizeof *order, by_day_then_input);
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        rc = px_clusterer_observe(cl, articles[i]);
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        rc = px_clusterer_add(cl, articles[order[i].index], NULL);
    free(order);
    if (rc == PX_OK)
        rc = px_clusterer_close_all(cl);
    return rc == PX_OK ? px_cluster_batch(cl, 0) : rc;
}

int px_group_as_one_story(size_t n, px_story_groups *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return PX_OK;
    out->v = calloc(1, sizeof *out->v);
    if (out->v)
        out->v[0].articles = malloc(n * sizeof *out->v[0].articles);
    if (!out->v || !out->v[0].articles) {
        px_story_groups_free(out);
        return px_error_set(err, PX_ENOMEM, "out of memory grouping %zu articles", n);
    }
    for (size_t i = 0; i < n; i++)
        out->v[0].articles[i] = i;
    out->v[0].n = n;
    out->n = 1;
    return PX_OK;
}

int px_group_stories(px_article *const *articles, size_t n, px_story_groups *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return PX_OK;
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.retain = 1;
    px_clusterer *cl = NULL;
    int rc = px_clusterer_new(&cl, &o, err);
    if (rc != PX_OK)
        return rc;
    collector c = {articles, n, calloc(n, 1), out, PX_OK};
    rc = c.grouped ? cluster_articles(cl, articles, n) : PX_ENOMEM;
    if (rc == PX_OK) {
        px_clusterer_foreach(cl, collect_story, &c);
        rc = c.rc;
    }
    /* An article the clusterer did not place (it should place every one)
     * is a story of its own rather than lost. */
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        if (c.grouped[i])
            continue;
        size_t *one = malloc(sizeof *one);
        if (!one) {
            rc = PX_ENOMEM;
            break;
        }
        *one = i;
        rc = add_group(&c, one, 1);
    }
    free(c.grouped);
    px_clusterer_free(cl);
    if (rc != PX_OK) {
        px_story_groups_free(out);
        return px_error_set(err, rc, "cannot group %zu articles into stories: %s", n, px_status_name(rc));
    }
    return PX_OK;
}

void px_story_groups_free(px_story_groups *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++)
        free(g->v[i].articles);
    free(g->v);
    memset(g, 0, sizeof *g);
}

static int extract_claims(px_story_report *r, px_error *err)
{
    const px_story_text *s = r->story;
    size_t n = s->n_articles;
    r->entities = calloc(n + 1, sizeof *r->entities);
    r->numbers = calloc(n + 1, sizeof *r->numbers);
    r->quotes = calloc(n + 1, sizeof *r->quotes);
    if (!r->entities || !r->numbers || !r->quotes)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        px_entity_list_init(&r->entities[i]);
        px_number_list_init(&r->numbers[i]);
        px_quote_list_init(&r->quotes[i]);
    }
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        const px_article *a = s->articles[i];
        rc = px_entities_extract(a, &r->entities[i]);
        if (rc == PX_OK)
            rc = px_numbers_extract(a, &r->numbers[i]);
        if (rc == PX_OK)
            rc = px_quotes_extract(a, &r->entities[i], &r->quotes[i]);
    }
    if (rc != PX_OK)
        return px_error_set(err, rc, "out of memory extracting claims");
    return PX_OK;
}

static int link_claims(px_story_report *r, px_error *err)
{
    const px_story_text *s = r->story;
    size_t n = s->n_articles;
    const px_article **arts = calloc(n + 1, sizeof *arts);
    px_entity_list **ents = calloc(n + 1, sizeof *ents);
    const px_number_list **nums = calloc(n + 1, sizeof *nums);
    const px_quote_list **quotes = calloc(n + 1, sizeof *quotes);
    int rc = arts && ents && nums && quotes ? PX_OK : px_error_set(err, PX_ENOMEM, "out of memory");
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        arts[i] = s->articles[i];
        ents[i] = &r->entities[i];
        nums[i] = &r->numbers[i];
        quotes[i] = &r->quotes[i];
    }
    if (rc == PX_OK)
        rc = px_entities_merge(arts, ents, n, &r->people, err);
    if (rc == PX_OK)
        rc = px_numbers_group(arts, nums, n, &r->number_groups, err);
    if (rc == PX_OK)
        rc = px_quotes_link(quotes, n, &r->quote_links, err);
    free(arts);
    free(ents);
    free(nums);
    free(quotes);
    return rc;
}

int px_compare_story(px_article *const *articles, size_t n, const px_compare_opts *o,
                     px_story_report **out, px_error *err)
{
    *out = NULL;
    px_story_report *r = calloc(1, sizeof *r);
    if (!r)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    px_entity_list_init(&r->people);
    const px_background *bg = o && o->background ? o->background : px_background_default();
    enum { STAGES = 7 };
    int rc = PX_OK;
    for (int stage = 0; rc == PX_OK && stage < STAGES; stage++) {
        switch (stage) {
        case 0: rc = px_story_text_new(&r->story, articles, n, err); break;
        case 1: rc = extract_claims(r, err); break;
        case 2: rc = link_claims(r, err); break;
        case 3: rc = px_framing_build(r->story, bg, &r->framing, err); break;
        case 4: rc = px_consensus_build(r->story, &r->consensus, err); break;
        case 5: rc = px_timeline_build(r->story, &r->timeline, err); break;
        default: rc = px_summary_build(r->story, o ? o->summary_sentences : 0, &r->summary, err);
        }
        if (o && o->progress)
            o->progress(stage + 1, STAGES, o->progress_ud);
    }
    if (rc != PX_OK) {
        px_story_report_free(r);
        return rc;
    }
    *out = r;
    return PX_OK;
}

void px_story_report_free(px_story_report *r)
{
    if (!r)
        return;
    size_t n = r->story ? r->story->n_articles : 0;
    for (size_t i = 0; i < n; i++) {
        if (r->entities)
            px_entity_list_clear(&r->entities[i]);
        if (r->numbers)
            px_number_list_clear(&r->numbers[i]);
        if (r->quotes)
            px_quote_list_clear(&r->quotes[i]);
    }
    free(r->entities);
    free(r->numbers);
    free(r->quotes);
    px_entity_list_clear(&r->people);
    px_number_groups_clear(&r->number_groups);
    px_quote_links_clear(&r->quote_links);
    px_framing_free(&r->framing);
    px_consensus_free(&r->consensus);
    px_timeline_free(&r->timeline);
    px_summary_free(&r->summary);
    px_story_text_free(r->story);
    free(r);
}

const char *px_report_article_source(const px_story_report *r, size_t article)
{
    const px_story_text *s = r->story;
    return article < s->n_articles ? s->sources[s->article_source[article]] : "";
}
