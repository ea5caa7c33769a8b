/* compare.c - runs every comparison over the articles of one story. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/compare.h"

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
        const px_doc *d = &s->docs[i];
        rc = px_entities_extract_doc(a, d, &r->entities[i]);
        if (rc == PX_OK)
            rc = px_numbers_extract_doc(a, d, &r->numbers[i]);
        if (rc == PX_OK)
            rc = px_quotes_extract_doc(a, d, &r->entities[i], &r->quotes[i]);
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
    px_summary_free(&r->summary);
    px_story_text_free(r->story);
    free(r);
}

const char *px_report_article_source(const px_story_report *r, size_t article)
{
    const px_story_text *s = r->story;
    return article < s->n_articles ? s->sources[s->article_source[article]] : "";
}
