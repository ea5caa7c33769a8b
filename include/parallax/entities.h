/*
 * parallax/entities.h - people, organisations and places named in an
 * article, and the same names merged across the articles of a story.
 *
 * Extraction is heuristic and gazetteer-light: capitalised word runs, with
 * title/role prefixes (President, Vice President, Prime Minister, Sen.,
 * Rep., Gov., Defense Secretary, Mr., Ms., Dr., ...) taken apart from the
 * name, organisation cues (Department, Ministry, Agency, Party, Council,
 * University, Inc., ...), a small documented list of countries and cities
 * (docs/claims.md), possessives stripped ("Biden's" -> "Biden") and
 * sentence-initial capitals handled. Within one article, short forms are
 * resolved to the full name they abbreviate ("Mr. Biden", "Biden" ->
 * "Joe Biden").
 *
 * All offsets are byte offsets into a->body (UTF-8).
 */
#ifndef PARALLAX_ENTITIES_H
#define PARALLAX_ENTITIES_H

#include "article.h"
#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An item of a per-article list inside a set of articles: used by the
 * cross-article helpers of entities, numbers and quotes. */
typedef struct px_ref {
    size_t article; /* index into the articles/lists arrays passed in */
    size_t item;    /* index into that article's list */
} px_ref;

typedef enum px_entity_kind {
    PX_ENTITY_PERSON = 0,
    PX_ENTITY_ORG = 1,
    PX_ENTITY_PLACE = 2,
    PX_ENTITY_OTHER = 3 /* a named thing we cannot type (events, works) */
} px_entity_kind;

/* "person", "org", "place", "other". */
const char *px_entity_kind_name(px_entity_kind k);

typedef enum px_gender {
    PX_GENDER_UNKNOWN = 0,
    PX_GENDER_FEMALE = 1,
    PX_GENDER_MALE = 2
} px_gender;

/* How many mentions of an entity one source has. */
typedef struct px_source_count {
    char *source;         /* outlet display name ("" when unknown) */
    size_t articles;      /* articles of that source naming the entity */
    size_t mentions;
} px_source_count;

typedef struct px_entity {
    char *name;           /* canonical name: the longest full form seen,
                             without title or possessive ("Joe Biden") */
    px_entity_kind kind;
    char *role;           /* most frequent title/role written with it
                             ("President", "Defense Secretary"), or NULL */
    px_gender gender;     /* from Mr./Ms., first names, he/she references */
    px_strlist variants;  /* distinct surface forms as written, title
                             included, possessive stripped, first-seen order */
    size_t mentions;      /* total mentions */
    px_source_count *sources; /* per source (one entry per article list) */
    size_t n_sources;
    long merged;          /* index in the merged list after
                             px_entities_merge(), else -1 */
    int kind_by_context;  /* kind set by the words around the mentions
                             ("Amazon's headquarters") or a country name,
                             not by the tagger's votes: it wins the merge */
} px_entity;

/* One place in the body where an entity is named. */
typedef struct px_mention {
    size_t start, end;    /* the name itself, possessive excluded */
    size_t role_start;    /* where a title/role prefix starts (== start if none) */
    size_t entity;        /* index into px_entity_list.v */
    int possessive;       /* written "Biden's" / "Harris'" */
} px_mention;

typedef struct px_entity_list {
    px_entity *v;
    size_t n, cap;
    px_mention *mentions; /* in text order; empty in a merged list */
    size_t n_mentions, cap_mentions;
} px_entity_list;

void px_entity_list_init(px_entity_list *l);
void px_entity_list_clear(px_entity_list *l); /* frees contents, keeps l usable */

/* Appends the entities named in a->body to out (out should be empty).
 * Returns PX_OK or PX_ENOMEM. */
int px_entities_extract(const px_article *a, px_entity_list *out);

/* Merges the per-article lists of a story into out: variants merged across
 * articles by surname/containment ("President Biden", "Mr. Biden",
 * "Joe Biden"), misspellings folded by edit distance to a more frequent
 * variant ("Netayanhu" -> "Netanyahu", "Vos" -> "Voss"), counts kept per
 * source. Sets lists[i]->v[j].merged. articles[i] gives each list's source
 * and may be NULL. out is sorted by mentions, most first. */
int px_entities_merge(const px_article *const *articles, px_entity_list *const *lists,
                      size_t n, px_entity_list *out, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
