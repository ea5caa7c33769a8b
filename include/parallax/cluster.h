/*
 * parallax/cluster.h - stories: articles about the same real-world event,
 * across outlets.
 *
 * Two modes (docs/cluster.md):
 *
 *  - ONLINE (px_clusterer_add): articles arrive in time order and each joins
 *    the most similar *active* story, or starts a new one. It never revisits
 *    the history: candidates come from an inverted index over the top
 *    weighted terms of the active stories, and a story leaves the active set
 *    (px_cluster_opts.on_close is called, and unless retain is set its memory
 *    is released) once the clock has moved window_days past its last
 *    article, or once it spans max_span_days; a story with no dated
 *    article, once window_articles articles have arrived after its last. When an article moves a
 *    story's centroid within active_merge_threshold of another active
 *    story, the two are merged (the older keeps its id, on_merge is
 *    called). Memory is bounded by the active window, not the stream length
 *    (px_clusterer_stats shows it).
 *    This is what `parallax cluster --stream`, `analyze` and the store use.
 *
 *  - BATCH (px_cluster_batch): over a finished corpus held with retain = 1,
 *    a refinement pass after the online one: stories whose centroids are
 *    similar are merged (centroid-linkage agglomeration over stories, without
 *    the active-window limit) and articles are moved to the story whose
 *    centroid suits them best. `parallax cluster` runs it by default.
 *
 * Representation: TF-IDF over stemmed, non-stopword, folded word tokens,
 * with extra weight for title terms, name-like tokens (capitalised words
 * that do not start a sentence, and runs of them as one multiword term) and
 * numbers; sublinear term frequency times the IDF squared (idf_power), so
 * that words a corpus repeats in its templates weigh little next to names;
 * L2-normalised. Document frequencies
 * come from every article the clusterer has seen or observed: call
 * px_clusterer_observe() over a corpus first to give the IDF a prior (the
 * CLI does this with the whole input in batch mode). The join score is the
 * mean cosine between the article and the story's members (average link,
 * from the centroid kept as the sum of their vectors), or the same average
 * link over titles alone scaled by threshold / title_threshold when that is
 * higher, times a time proximity factor 1 / (1 + days_apart / decay_days).
 *
 * Articles without a date take the clusterer's clock (the latest date seen
 * so far, i.e. their place in the input order) and are counted as undated.
 *
 * Everything is deterministic for the same input order. Story ids are the
 * xxHash64 of the id of the article that started the story, so they are
 * stable across runs of the same data.
 */
#ifndef PARALLAX_CLUSTER_H
#define PARALLAX_CLUSTER_H

#include <stdint.h>

#include "article.h"
#include "dedup.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A story as the clusterer shows it. Pointers stay valid until the next
 * call that changes the clusterer. */
typedef struct px_story {
    uint64_t id;
    const char *title;          /* title of the most central article (the
                                   one closest to the centroid); NULL when no
                                   article has a title */
    char *const *article_ids;   /* in the order they joined */
    const unsigned char *copy;  /* per article: 1 when attached as a copy */
    const unsigned char *undated; /* per article: 1 when it had no date */
    size_t n_articles;
    char *const *sources;       /* distinct sources, in order of appearance */
    size_t n_sources;
    const char *first, *last;   /* earliest and latest date (ISO, as given),
                                   NULL when no article had a date */
    int active;                 /* 1 while it can still take articles */
} px_story;

typedef void (*px_story_fn)(const px_story *s, void *ud);
/* Story from was merged into story into: from's id is no longer held. */
typedef void (*px_merge_fn)(uint64_t from, uint64_t into, void *ud);

/* The signals of an article-story (or story-story) pair that the learned
 * similarity combines (docs/cluster.md, "Scores"): average-link cosines of
 * the body vectors, the title vectors, the names (the name-like terms'
 * part of the body vectors), the numbers (figures, and a figure with the
 * word it counts) and the dates the texts mention (years, month and day,
 * month and year, weekdays and months); the log of 1 + the days between
 * their publication dates; and, for title and names, 1 when either side
 * has none (numbers and dates are 0 then: a text without figures or dates
 * says nothing against a story). */
enum {
    PX_STORY_FEAT_BODY,
    PX_STORY_FEAT_TITLE,
    PX_STORY_FEAT_NAMES,
    PX_STORY_FEAT_LOG_DAYS,
    PX_STORY_FEAT_NO_TITLE,
    PX_STORY_FEAT_NO_NAMES,
    PX_STORY_FEAT_NUMBERS,
    PX_STORY_FEAT_DATES,
    PX_STORY_FEATURES
};
/* "body", "title", ...; NULL out of range. */
const char *px_story_feature_name(int i);

/* Called for every story an article is scored against online (the
 * candidates of px_clusterer_add): the article, the story as it stands,
 * the signals and the score (in the units of the join threshold). */
typedef void (*px_pair_fn)(const px_article *a, const px_story *s, const double *features,
                           double score, void *ud);

typedef struct px_cluster_opts {
    double threshold;       /* least join score (default 0.12) */
    double merge_threshold; /* least story similarity for px_cluster_batch
                               to merge two stories (default 0.03) */
    double active_merge_threshold; /* online: a story whose centroid an
                               article moved is merged with the most similar
                               other active story when their similarity is
                               at least this (default 0.12; 0: stories never
                               merge online) */
    double title_threshold; /* an article whose title's average link with
                               the members' titles reaches this joins as if
                               it scored the join threshold (default 0.45;
                               0: titles only count in the full vector) */
    double window_days;     /* a story stays active this long after its last
                               article (default 30) */
    uint64_t window_articles; /* a story with no dated article has no
                               clock to leave the active set by: it leaves
                               it once this many articles have arrived after
                               its last one (default 100000; 0: never) */
    double decay_days;      /* time proximity scale (default 365) */
    double title_weight;    /* weight of a title term occurrence (default 3) */
    double entity_weight;   /* multiplier for name-like tokens (default 2) */
    double number_weight;   /* weight of a number token (default 0.5) */
    unsigned story_terms;   /* terms kept per story centroid (default 200) */
    unsigned index_terms;   /* top story terms in the inverted index (default 24) */
    unsigned query_terms;   /* top article terms used to find candidates (default 24) */
    unsigned max_candidates;/* stories scored in full per article (default 32) */
    double max_span_days;   /* a story also leaves the active set once it
                               spans this many days, however often it still
                               gets articles (default 90; 0: no limit), so
                               that no story holds a whole endless stream */
    double link_days;       /* px_cluster_batch: two dated stories none of
                               whose days are within this many days of the
                               other's (no chain of coverage links them)
                               merge only at the join threshold, not at the
                               merge threshold (default 90; 0: no limit) */
    int retain;             /* 1: keep closed stories (needed by px_cluster_batch);
                               0: member vectors are folded into the centroid
                               and dropped as articles join (one per story is
                               kept to choose the title) */
    const char *language;   /* stemmer and stopwords, default "en" */
    const px_background *background; /* document-frequency prior; NULL: the
                               built-in table for "en", none otherwise */
    double prior_docs;      /* weight of the background in the IDF, in
                               documents (default 20000, about the size of the
                               built-in background corpus; 0: no prior) */
    double idf_power;       /* a term weighs (1 + ln tf) * IDF^idf_power
                               (default 2: words that recur in a corpus's
                               templates, such as the figures lines of
                               earnings notes, weigh little next to names;
                               1 is plain TF-IDF) */
    px_story_fn on_close;   /* called when a story leaves the active set; with
                               retain = 0 it is freed right after */
    void *on_close_ud;
    px_merge_fn on_merge;   /* called after an online merge */
    void *on_merge_ud;
    px_pair_fn on_pair;     /* called for each scored candidate (training
                               data, `cluster --explain`); NULL: none */
    void *on_pair_ud;
} px_cluster_opts;

void px_cluster_opts_default(px_cluster_opts *o);

/* Where px_clusterer_add put an article. */
typedef struct px_cluster_assignment {
    uint64_t story;
    int is_new;          /* 1 when the article started the story */
    double score;        /* join score (0 for a new story) */
    int undated;         /* 1 when the article had no usable date */
} px_cluster_assignment;

typedef struct px_clusterer px_clusterer;

/* opts may be NULL for the defaults. Fails with PX_EUSAGE on bad options or
 * an unknown language. */
int px_clusterer_new(px_clusterer **out, const px_cluster_opts *opts, px_error *err);
void px_clusterer_free(px_clusterer *c);

/* Counts a's terms in the document frequencies without clustering it. */
int px_clusterer_observe(px_clusterer *c, const px_article *a);

/* Online step: a joins the best active story or starts one. Ages out the
 * stories its date leaves behind first; then merges the
 * story with the active stories it came close to (out->story is the story
 * that holds a afterwards). out may be NULL. */
int px_clusterer_add(px_clusterer *c, const px_article *a, px_cluster_assignment *out);

/* Puts an article that was assigned to story in an earlier run back into it
 * (reopening a store: restore the articles of the active window, oldest
 * first). Creates the story when it is not known yet. */
int px_clusterer_restore(px_clusterer *c, const px_article *a, uint64_t story);

/* Adds a copy (px_dedup) to the story of its representative without
 * changing the story's centroid. PX_EUSAGE when the story is not held. */
int px_clusterer_attach(px_clusterer *c, const px_article *a, uint64_t story);

/* Places a in a story, the one rule of "a copy joins its original's story"
 * (`parallax cluster`, px_cluster_corpus, ingest): a copy whose original's
 * story is known (original_story not NULL) joins it without weighing in its
 * centroid (px_clusterer_attach); any other article, or a copy whose
 * original's story is no longer held, takes the online step
 * (px_clusterer_add). out may be NULL; a copy that joined has is_new 0 and
 * score 0. */
int px_clusterer_place(px_clusterer *c, const px_article *a, const uint64_t *original_story,
                       px_cluster_assignment *out);

/* The arrival position of the next article given to px_clusterer_add,
 * _restore, _attach or _place (the store gives its article id); later ones
 * count on from it. Without it the clusterer counts the articles itself
 * from 0. What window_articles measures. */
void px_clusterer_set_position(px_clusterer *c, uint64_t position);

/* A memo of what reading articles gave (their terms, in order), kept across
 * clusterers: a clusterer that uses it reads an article it holds (the same
 * title and body) without tokenising it again, and gets exactly the
 * vectors it would have made. For the store's ingests, which read the
 * same stored articles back at every start and batch merge. It always
 * holds the readings of the last `readings` articles it kept (0: 100,000,
 * the default window_articles) and at most a quarter more, and at most
 * max_entries terms (0: 16 M, 64 MB): past either bound the oldest
 * readings go, so that its memory follows the window an ingest reads back
 * and not the length of the stream. It serves the clusterers of the
 * language, number weight and background of the first one that used it
 * (the others read as without it). Not thread-safe: one memo per thread. */
typedef struct px_cluster_memo px_cluster_memo;
px_cluster_memo *px_cluster_memo_new(size_t max_entries, size_t readings);
void px_cluster_memo_free(px_cluster_memo *m);
/* What it holds: articles' readings and distinct terms (tests, stats). */
size_t px_cluster_memo_readings(const px_cluster_memo *m);
size_t px_cluster_memo_terms(const px_cluster_memo *m);
/* m NULL: read without a memo. m must outlive its use by c. */
void px_clusterer_use_memo(px_clusterer *c, px_cluster_memo *m);

/* Closes every active story (on_close is called for each), e.g. at the end
 * of a stream. */
int px_clusterer_close_all(px_clusterer *c);

/* Calls fn for every story held, in the order the stories were started. */
void px_clusterer_foreach(px_clusterer *c, px_story_fn fn, void *ud);

size_t px_clusterer_story_count(const px_clusterer *c);  /* held */
size_t px_clusterer_active_count(const px_clusterer *c);

/* What the clusterer holds, to check that memory follows the active window
 * and not the stream. */
typedef struct px_cluster_stats {
    uint64_t articles;         /* added, restored or attached so far */
    uint64_t stories_started;
    uint64_t stories_closed;
    uint64_t stories_merged;   /* merged into another story online */
    size_t held, active;       /* stories */
    size_t held_articles;      /* members of the held stories */
    size_t peak_held_articles; /* the most ever held at once */
    size_t member_vectors;     /* member vectors held (with retain = 0, at
                                  most one per story) */
    size_t terms;              /* vocabulary: distinct terms held */
    uint64_t terms_forgotten;  /* dropped once no held story and no article
                                  of the last window_articles held them
                                  (docs/cluster.md, "Ageing") */
    size_t postings;           /* entries in the inverted index */
} px_cluster_stats;

void px_clusterer_stats(const px_clusterer *c, px_cluster_stats *out);

/* Batch refinement over a finished corpus (needs retain = 1): merges stories
 * whose centroid similarity, with time proximity, is at least
 * merge_threshold (most similar pair first, average link), then moves each
 * article to the story that fits it best. merge_threshold <= 0 uses
 * px_cluster_opts.merge_threshold. */
int px_cluster_batch(px_clusterer *c, double merge_threshold);

/* ---- grouping a finished corpus ------------------------------------------ */

/* Clusters a finished corpus into c (made with retain = 1): every article
 * is observed for the IDF, the articles that are not copies are added
 * online in date order (an undated one takes the date of the article
 * before it in the input), each copy is attached to the story of its
 * representative (dups[i].group, an index into articles; dups NULL: no
 * copies), then px_cluster_batch runs when batch is set. */
int px_cluster_corpus(px_clusterer *c, px_article *const *articles, size_t n,
                      const px_dup_match *dups, int batch);

/* px_cluster_corpus with the copies found on the way: the deduper dd reads
 * each body as the clusterer tokenises it for the IDF (one tokeniser pass
 * for both), in input order, and dups[i] (n entries, filled here) gets
 * article i's match; dd NULL: no copies. dd is done with once every body
 * is read: it then lets go of its window (its statistics stay; it takes
 * no more articles), so that it does not hold its memory through the
 * clustering. The routine behind `parallax cluster` and px_group_stories. */
int px_cluster_corpus_dedup(px_clusterer *c, px_deduper *dd, px_article *const *articles, size_t n,
                            px_dup_match *dups, int batch);

typedef struct px_story_group {
    size_t *articles;    /* indexes into the article array, ascending */
    size_t n;
    size_t *copies;      /* articles set aside as copies (dedup.h) of an
                            article of the group, ascending */
    size_t *copy_of;     /* per copy: the index of the article it copies */
    px_dup_relation *relation; /* per copy: exact, near or contains */
    size_t n_copies;
} px_story_group;

typedef struct px_story_groups {
    px_story_group *v;
    size_t n;
} px_story_groups;

/* copy_of of an article that copies none. */
#define PX_NOT_A_COPY SIZE_MAX

/* Groups articles into stories the way `parallax cluster` does: copies
 * (exact, near or contained, dedup.h) are set aside first and listed with
 * the group of the article they copy, so a copy never counts as a second
 * source; the others are clustered online in date order (undated ones keep
 * their input place) and the batch pass merges similar stories. Groups come
 * in the order the stories were started. Every article lands in exactly one
 * group, in articles or in copies; with n == 0 there is none. */
int px_group_stories(px_article *const *articles, size_t n, px_story_groups *out, px_error *err);
/* Every article in one story (the caller knows they belong together), no
 * copies set aside. */
int px_group_as_one_story(size_t n, px_story_groups *out, px_error *err);
void px_story_groups_free(px_story_groups *g);

/* The story as one line of JSON (docs/formats.md, "Story JSON"), no
 * trailing newline. malloc'd; NULL when out of memory. */
char *px_story_to_json(const px_story *s);

#ifdef __cplusplus
}
#endif
#endif
