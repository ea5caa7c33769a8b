/*
 * parallax/links.h - related stories in other languages. Stories never
 * cross a language (the clusterer keeps them apart); two stories of
 * different languages about one event are linked, never merged, on
 * evidence that does not depend on the words of either language: the
 * names they share, the figures with their units, the dates they resolve,
 * and publication days close together (docs/links.md).
 */
#ifndef PARALLAX_LINKS_H
#define PARALLAX_LINKS_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

struct px_story_report;

/* What a story offers to a link: its language, the days its articles were
 * published, and its evidence as sorted, distinct 64-bit keys whose top
 * two bits say the kind (PX_EVIDENCE_*). */
enum { PX_EVIDENCE_NAME = 1, PX_EVIDENCE_NUMBER = 2, PX_EVIDENCE_DATE = 3 };
#define PX_EVIDENCE_KIND(key) ((unsigned)((key) >> 62))

typedef struct px_story_evidence {
    char lang[8];             /* primary subtag of the first article's language */
    long first_day, last_day; /* days since 1970-01-01; PX_NO_DAY when undated */
    uint64_t *keys;
    size_t n;
} px_story_evidence;

#define PX_NO_DAY (-2147483647L - 1)

/* A link needs publication spans within PX_LINK_WINDOW_DAYS of each other,
 * at least one shared name, a score of PX_LINK_THRESHOLD and a share of
 * PX_LINK_SHARE. The score adds each shared name or figure at its weight
 * (1 for a rare one, less for one that many of the compared stories carry,
 * px_link_df) and half a point a shared date (at most one point from
 * dates); the share is the shared names and figures over the names and
 * figures of the story that has fewer. */
#define PX_LINK_WINDOW_DAYS 7
#define PX_LINK_THRESHOLD 3.5
#define PX_LINK_SHARE 0.15
#define PX_LINK_DATE_WEIGHT 0.5
#define PX_LINK_DATE_CAP 1.0
/* The weight of a key met in df of n stories: ln((n + PRIOR) / df) /
 * ln(RARE), at most 1. A key in at most (n + PRIOR) / RARE of the stories
 * weighs 1; one in every story of many weighs little (0.21 in all of 30).
 * PRIOR stories without the key stand for what a few stories cannot tell:
 * among 7 stories a key in two weighs 1, in three 0.88, in all 0.54. */
#define PX_LINK_DF_PRIOR 20.0
#define PX_LINK_DF_RARE 12.0

/* The evidence of a compared story: the names of people, organisations and
 * places (px_fold_name; a person by surname; a one-word name common in
 * news, such as a country alone, left out), the figures with a unit and the
 * counts from 100 that are not years (value to 3 significant digits), the
 * days the timeline resolves. */
int px_story_evidence_build(const struct px_story_report *r, px_story_evidence *out);
void px_story_evidence_free(px_story_evidence *e);

/* The key of a name as px_story_evidence_build makes it, or 0 when the
 * name gives none (too short, or a common one-word name). */
uint64_t px_evidence_name_key(const char *name, int is_person);

/* How many of the compared stories carry each key: the rarity of a shared
 * name or figure among them. */
typedef struct px_link_df {
    uint64_t *keys; /* sorted, distinct */
    uint32_t *count;
    size_t n;
    size_t stories;
} px_link_df;

/* Counts the keys of ev[0..n) (undated stories too: they still say what is
 * common). */
int px_link_df_build(const px_story_evidence *ev, size_t n, px_link_df *out);
void px_link_df_free(px_link_df *df);
/* The weight of key (PX_LINK_DF_*); 1 when df is NULL or does not hold it. */
double px_link_key_weight(const px_link_df *df, uint64_t key);

/* What two stories share and the score of it; 0 (and nothing counted)
 * when they are of one language, undated, or published too far apart. */
typedef struct px_link_detail {
    size_t names, numbers, dates;
    double score;
    double share; /* shared names and figures over the smaller story's */
} px_link_detail;

/* df weighs the shared names and figures; NULL weighs each 1. */
double px_story_link_score(const px_story_evidence *a, const px_story_evidence *b, const px_link_df *df,
                           px_link_detail *d);
/* Does the score (and what it rests on) make a link? */
int px_story_link_accept(const px_link_detail *d);

/* The evidence as text and back, for the store: "lang first last key..."
 * (days as numbers, "-" when undated; keys in hex). */
char *px_story_evidence_to_text(const px_story_evidence *e);
int px_story_evidence_parse(const char *text, px_story_evidence *out);

/* A linked story, as a report shows it. */
typedef struct px_story_link {
    int64_t story;            /* its number in the report (analyze) or its
                                 id in the store */
    char lang[8];
    char *title;
    double score;
} px_story_link;

typedef struct px_story_links {
    px_story_link *v;
    size_t n, cap;
} px_story_links;

/* The distinct languages of l, in its order, joined by ", " ("de, fr");
 * "" when l is empty. Truncated to cap. */
void px_story_links_languages(const px_story_links *l, char *out, size_t cap);
void px_story_links_free(px_story_links *l);

/* Links every pair of evidence[0..n) that px_story_link_accept takes, the
 * shared keys weighed by their rarity among all n; links[i] gets story
 * j + 1 (with titles[j]) for each accepted pair. */
int px_link_stories(const px_story_evidence *evidence, const char *const *titles, size_t n,
                    px_story_links *links);

#ifdef __cplusplus
}
#endif
#endif
