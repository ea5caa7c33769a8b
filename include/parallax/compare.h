/*
 * parallax/compare.h - one story seen from every side: the orchestrator
 * that runs every comparison over the articles of a story and holds the
 * results the renderers (parallax/report.h) and the store read.
 *
 * Pipeline: read -> clean -> px_group_stories (cluster.h: copies set aside,
 * stories grouped) -> px_compare_story for each story -> render.
 */
#ifndef PARALLAX_COMPARE_H
#define PARALLAX_COMPARE_H

#include "actors.h"
#include "cluster.h"
#include "consensus.h"
#include "entities.h"
#include "framing.h"
#include "links.h"
#include "numbers.h"
#include "quotes.h"
#include "story.h"
#include "summary.h"
#include "timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- comparison ------------------------------------------------------------ */

typedef struct px_compare_opts {
    const px_background *background; /* NULL: px_background_default() */
    size_t summary_sentences;        /* 0: PX_SUMMARY_DEFAULT */
    px_progress_fn progress;         /* called after each stage with the
                                        stages done and their number */
    void *progress_ud;
    int links_only;                  /* compare only what the links across
                                        languages read (links.h): people and
                                        places, figures, the timeline and the
                                        headline; quotes, framing, actors,
                                        facts and the summary's outlet lines
                                        are left empty */
} px_compare_opts;

/* An article set aside as a copy of one of the story's articles before
 * the comparison (cluster.h), so that it never counts as a second outlet's
 * confirmation; reports list it. The articles are borrowed. */
typedef struct px_story_copy {
    const px_article *article;
    const px_article *of;     /* the compared article it copies */
    char relation[16];        /* "exact", "near" or "contains" (dedup.h) */
} px_story_copy;

typedef struct px_story_report {
    px_story_text *story;                 /* articles (borrowed), outlets, sentences */
    /* per article (story->n_articles entries each) */
    px_entity_list *entities;
    px_number_list *numbers;
    px_quote_list *quotes;
    /* across the story */
    px_entity_list people;           /* merged entities, most mentioned first */
    px_number_groups number_groups;  /* conflicted groups first */
    px_quote_links quote_links;
    px_framing framing;
    px_actor_table actors;           /* the words each outlet attaches to the main actors */
    px_consensus consensus;
    px_timeline timeline;
    px_summary summary;
    px_story_copy *copies;           /* px_story_report_add_copy, input order */
    size_t n_copies;
    px_article **members;            /* px_compare_story_group: the compared
                                        articles (the array is owned) */
    px_story_links links;            /* related stories in other languages
                                        (links.h), filled by whoever sees the
                                        other stories: analyze, the store */
} px_story_report;

/* Compares articles[0..n) as one story. The articles are borrowed and must
 * outlive the report. o may be NULL. n may be 0 (an empty report). Before
 * the timeline is built (after the numbers are grouped, so that an
 * estimate never explains a conflict), an undated article is given a date
 * estimated from the story and its own text: the time it counts from an
 * event the story dates ("five weeks into the war"), else the median date
 * of the story's dated articles; never before the latest day it names with
 * a year; date_estimated set. With nothing to go by it stays undated. */
int px_compare_story(px_article *const *articles, size_t n, const px_compare_opts *o,
                     px_story_report **out, px_error *err);
void px_story_report_free(px_story_report *r);

/* Compares the story g of articles (cluster.h): g->articles are compared,
 * g->copies set aside and listed with the article they copy. articles are
 * borrowed. */
int px_compare_story_group(px_article *const *articles, const px_story_group *g,
                           const px_compare_opts *o, px_story_report **out, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
