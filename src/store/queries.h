/* queries.h - the store's queries in the JSON shapes of docs/api.md, so the
 * command line and the web API print the same objects: cJSON trees the
 * caller frees with cJSON_Delete(). Not installed: the public API
 * (parallax/store.h) carries no third-party type. */
#ifndef PARALLAX_STORE_QUERIES_H
#define PARALLAX_STORE_QUERIES_H

#include <cjson/cJSON.h>

#include "parallax/analysis.h"
#include "parallax/store.h"
#include "store/analysis_internal.h"

typedef struct px_search_query {
    const char *q;      /* FTS5 query; a syntax error is PX_EUSAGE */
    const char *source; /* outlet name or key, NULL = any */
    const char *since;  /* date in any form px_date_parse accepts, NULL = any */
    int limit;          /* 0 = 20; at most 1000 */
    int offset;
    /* The snippet wraps each matched term in mark_open ... mark_close
     * (default "<mark>" ... "</mark>"); html = 1 escapes the text around
     * them for HTML. */
    const char *mark_open, *mark_close;
    int html;
} px_search_query;

/* {"query":..., "total":N, "results":[{"id","ext_id","source","leaning",
 * "url","title","date","story","snippet","rank"}]}, best match first. */
int px_store_search(px_store *s, const px_search_query *q, cJSON **out, px_error *err);

/* The outlets seen: {"sources":[{"name","key","leaning","country",
 * "articles"}]}, most articles first. key is the sources-file key that
 * matched it, else the host of one of its article URLs (without "www."),
 * else NULL. */
int px_store_sources(px_store *s, cJSON **out, px_error *err);

typedef struct px_story_query {
    const char *since; /* stories whose last date is on or after it */
    const char *q;     /* only stories with an article matching this FTS5 query */
    int limit;         /* 0 = 100; at most 10000 */
    int offset;
} px_story_query;

/* {"total":N, "stories":[{"id","title","first_date","last_date",
 * "articles","sources","coverage":[{"leaning","articles"}],"has_analysis"}]}
 * newest first. */
int px_store_stories(px_store *s, const px_story_query *q, cJSON **out, px_error *err);
/* One story's entry of the list above ({"id","title",...,"has_analysis"}).
 * NULL in *out and PX_OK when there is no such story. */
int px_store_story_summary(px_store *s, int64_t story, cJSON **out, px_error *err);
/* The related stories of a story in other languages (docs/links.md):
 * {"languages": ["de", "fr"], "stories": [{"id", "language", "title",
 * "score"}, ...]}, highest score first; NULL in *out when it has none. */
int px_store_story_links(px_store *s, int64_t story, cJSON **out, px_error *err);
/* One story: the fields above plus "articles_list" (article summaries with
 * "removed") and "analysis" (the stored report, or null). NULL in *out and
 * PX_OK when there is no such story. */
int px_store_story(px_store *s, int64_t story, cJSON **out, px_error *err);
/* One article in full (docs/formats.md article JSON plus "row", "story",
 * "duplicate_of"). NULL in *out and PX_OK when there is none. */
int px_store_article_json(px_store *s, int64_t row, cJSON **out, px_error *err);

/* px_report_story_text() (parallax/analysis.h) as a tree. */
int px_report_story_json(px_store *s, int64_t story, cJSON **out, px_error *err);

#endif
