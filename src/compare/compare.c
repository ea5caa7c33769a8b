/* compare.c - runs every comparison over the articles of one story. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "parallax/compare.h"
#include "parallax/timeline.h"
#include "parallax/timex.h"
#include "compare/undated.h"
#include "compare/actors_internal.h"
#include "core/common_internal.h"
#include "compare/compare_internal.h"
#include "compare/entities_internal.h"
#include "compare/numbers_internal.h"
#include "compare/quotes_internal.h"
#include "compare/summary_internal.h"
#include "text/timex_internal.h"

static int extract_claims(px_story_report *r, int with_quotes, px_error *err)
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
        const px_doc *d = &s->docs[i];
        rc = px_entities_extract_doc(a, d, &r->entities[i]);
        if (rc == PX_OK)
            rc = px_numbers_extract_doc(a, d, &r->numbers[i]);
        if (rc == PX_OK && with_quotes)
            rc = px_quotes_extract_doc(a, d, &r->entities[i], &r->quotes[i]);
    }
    if (rc != PX_OK)
        return px_error_set(err, rc, "out of memory extracting claims");
    return PX_OK;
}

/* The merged entity a quote's speaker names, or -1. */
static long speaker_person(const px_story_report *r, size_t article, const px_quote *q)
{
    const px_entity_list *el = &r->entities[article];
    if (q->speaker_entity < 0 || (size_t)q->speaker_entity >= el->n)
        return -1;
    long m = el->v[q->speaker_entity].merged;
    return m >= 0 && (size_t)m < r->people.n ? m : -1;
}

/* A written form of a merged entity's name. */
typedef struct name_form {
    const char *form;
    long entity;
} name_form;

static int form_cmp(const void *x, const void *y)
{
    return strcasecmp(((const name_form *)x)->form, ((const name_form *)y)->form);
}

/* Every name and variant of the people and organisations, sorted to be
 * looked up without regard to case. */
static name_form *people_forms(const px_entity_list *people, size_t *n)
{
    size_t cap = 0;
    for (size_t i = 0; i < people->n; i++)
        cap += 1 + people->v[i].variants.n;
    name_form *v = malloc((cap + 1) * sizeof *v);
    if (!v)
        return NULL;
    *n = 0;
    for (size_t i = 0; i < people->n; i++) {
        const px_entity *e = &people->v[i];
        if (e->kind == PX_ENTITY_PLACE)
            continue;
        v[(*n)++] = (name_form){e->name, (long)i};
        for (size_t k = 0; k < e->variants.n; k++)
            v[(*n)++] = (name_form){e->variants.items[k], (long)i};
    }
    qsort(v, *n, sizeof *v, form_cmp);
    return v;
}

static int set_speaker(px_quote *q, const char *name)
{
    if (strcmp(name, q->speaker) == 0)
        return PX_OK;
    char *copy = strdup(name);
    if (!copy)
        return PX_ENOMEM;
    free(q->speaker);
    q->speaker = copy;
    return PX_OK;
}

static int speaker_cmp(const void *x, const void *y)
{
    return strcasecmp((*(px_quote *const *)x)->speaker, (*(px_quote *const *)y)->speaker);
}

/* Speakers not named as entities, grouped by their letters regardless of
 * case: a group that matches a person's name or variant takes that name,
 * else the form written with a lower-case first letter ("the draft letter"
 * over the sentence-initial "The draft letter"). */
static int unify_plain_speakers(px_quote **v, size_t n, const name_form *forms, size_t n_forms,
                                const px_entity_list *people)
{
    qsort(v, n, sizeof *v, speaker_cmp);
    for (size_t i = 0, j; i < n; i = j) {
        const char *best = v[i]->speaker;
        for (j = i + 1; j < n && strcasecmp(v[j]->speaker, v[i]->speaker) == 0; j++)
            if (isupper((unsigned char)best[0]) && islower((unsigned char)v[j]->speaker[0]))
                best = v[j]->speaker;
        name_form key = {v[i]->speaker, -1};
        const name_form *f = n_forms ? bsearch(&key, forms, n_forms, sizeof *forms, form_cmp) : NULL;
        char *name = strdup(f ? people->v[f->entity].name : best);
        if (!name)
            return PX_ENOMEM;
        for (size_t k = i; k < j; k++)
            if (set_speaker(v[k], name) != PX_OK) {
                free(name);
                return PX_ENOMEM;
            }
        free(name);
    }
    return PX_OK;
}

/* One name per speaker across the story, so that "Biden" and "Joe Biden",
 * "The draft letter" and "the draft letter" are one row of the quote
 * grid: the merged entity's name when the speaker is an entity or one of
 * its variants, else one written form. */
static int unify_speakers(px_story_report *r)
{
    const px_story_text *s = r->story;
    size_t total = 0, n = 0, n_forms = 0;
    for (size_t a = 0; a < s->n_articles; a++)
        total += r->quotes[a].n;
    px_quote **plain = malloc((total + 1) * sizeof *plain);
    name_form *forms = people_forms(&r->people, &n_forms);
    int rc = plain && forms ? PX_OK : PX_ENOMEM;
    for (size_t a = 0; rc == PX_OK && a < s->n_articles; a++)
        for (size_t k = 0; rc == PX_OK && k < r->quotes[a].n; k++) {
            px_quote *q = &r->quotes[a].v[k];
            if (!q->speaker)
                continue;
            long m = speaker_person(r, a, q);
            if (m >= 0)
                rc = set_speaker(q, r->people.v[m].name);
            else
                plain[n++] = q;
        }
    if (rc == PX_OK)
        rc = unify_plain_speakers(plain, n, forms, n_forms, &r->people);
    free(plain);
    free(forms);
    return rc;
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
    if (rc == PX_OK && unify_speakers(r) != PX_OK)
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
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
    int rc = PX_OK, all = !(o && o->links_only);
    for (int stage = 0; rc == PX_OK && stage < STAGES; stage++) {
        switch (stage) {
        case 0: rc = px_story_text_new(&r->story, articles, n, err); break;
        case 1: rc = extract_claims(r, all, err); break;
        case 2: rc = link_claims(r, err); break;
        case 3:
            if (all)
                rc = px_framing_build(r->story, bg, &r->framing, err);
            if (rc == PX_OK && all)
                rc = px_actors_build(r->story, r->entities, &r->people, &r->actors, err);
            if (rc == PX_OK && all && px_framing_label_actors(&r->framing, r->story, &r->people, &r->actors))
                rc = px_error_set(err, PX_ENOMEM, "out of memory labelling actors");
            break;
        case 4:
            if (all)
                rc = px_consensus_build(r->story, &r->consensus, err);
            break;
        case 5:
            /* after the numbers are grouped: an estimated date is no
             * evidence that a figure came later */
            if (px_estimate_undated(r->story) != PX_OK)
                rc = px_error_set(err, PX_ENOMEM, "out of memory");
            else
                rc = px_timeline_build(r->story, &r->timeline, err);
            break;
        default:
            rc = px_summary_build(r->story, o ? o->summary_sentences : 0, &r->summary, err);
            if (rc == PX_OK && all)
                rc = px_summary_outlets(r->story, &r->consensus, &r->summary, err);
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

int px_story_report_add_copy(px_story_report *r, const px_article *article, const px_article *of,
                             const char *relation)
{
    px_story_copy *v = realloc(r->copies, (r->n_copies + 1) * sizeof *v);
    if (!v)
        return PX_ENOMEM;
    r->copies = v;
    px_story_copy *c = &v[r->n_copies++];
    c->article = article;
    c->of = of;
    snprintf(c->relation, sizeof c->relation, "%s", relation ? relation : "");
    return PX_OK;
}

int px_compare_story_group(px_article *const *articles, const px_story_group *g,
                           const px_compare_opts *o, px_story_report **out, px_error *err)
{
    *out = NULL;
    px_article **members = malloc((g->n + 1) * sizeof *members);
    if (!members)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    for (size_t k = 0; k < g->n; k++)
        members[k] = articles[g->articles[k]];
    int rc = px_compare_story(members, g->n, o, out, err);
    if (rc != PX_OK) {
        free(members);
        return rc;
    }
    (*out)->members = members;
    for (size_t k = 0; k < g->n_copies; k++)
        if (px_story_report_add_copy(*out, articles[g->copies[k]], articles[g->copy_of[k]],
                                     px_dup_relation_name(g->relation[k])) != PX_OK) {
            px_story_report_free(*out);
            *out = NULL;
            return px_error_set(err, PX_ENOMEM, "out of memory");
        }
    return PX_OK;
}

void px_story_report_free(px_story_report *r)
{
    if (!r)
        return;
    free(r->copies);
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
    px_actors_free(&r->actors);
    px_summary_free(&r->summary);
    px_story_links_free(&r->links);
    px_story_text_free(r->story);
    free(r->members);
    free(r);
}

const char *px_report_article_source(const px_story_report *r, size_t article)
{
    const px_story_text *s = r->story;
    return article < s->n_articles ? s->sources[s->article_source[article]] : "";
}
