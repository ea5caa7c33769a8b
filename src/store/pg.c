/* pg.c - the PostgreSQL store (backend.h): the same tables and the same
 * JSON as the SQLite store (store.c), on a database server that several
 * processes and machines share. Full-text search is a tsvector per
 * article made with the text search configuration of its language
 * ('simple' where PostgreSQL has none), behind a GIN index; the typed
 * query language is translated by search_query.c. See docs/scale.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>

#include "core/common_internal.h"
#include "core/grow.h"
#include "core/map.h"
#include "store/backend.h"
#include "store/search_query.h"

/* Statements prepared on first use, kept for the connection. */
enum pg_stmt {
    PG_SOURCE_FIND,
    PG_SOURCE_INSERT,
    PG_SOURCE_UPDATE,
    PG_ARTICLE_FIND_HASH,
    PG_ARTICLE_INSERT,
    PG_ARTICLE_INSERT_NEW,
    PG_ARTICLE_FIND_INPUT,
    PG_ARTICLE_INSERT_AT,
    PG_ARTICLE_NEXT_ID,
    PG_STORY_FIND_KEY,
    PG_STORY_INSERT,
    PG_CONFIG_ADD,
    PG_STORY_TITLE_BEFORE,
    PG_STORY_MERGE,
    PG_COUNT
};

/* Row ids as SQLite gives them: one more than the largest (a sequence
 * would leave gaps where an interrupted ingest rolled back, and the ids
 * would differ from those of the same ingest into SQLite). Every insert
 * runs under the store's ingest lock; without it, two writers would fail
 * on the primary key, never share an id. */
#define NEXT_ID(table) "(SELECT coalesce(max(id), 0) + 1 FROM " table ")"

#define ARTICLE_INSERT_COLUMNS                                                                   \
    "id, ext_id, source_id, url, title, authors, date, language, highlights, text, removed, extra, " \
    "input_path, input_line, input_offset, content_hash, input_hash, search_config, tsv"
#define ARTICLE_INSERT_FIELDS                                                                  \
    "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::regconfig, " \
    "setweight(to_tsvector($17::regconfig, coalesce($18::text, $4, '')), 'A') || "            \
    "setweight(to_tsvector($17::regconfig, coalesce($19::text, $9)), 'B')"
#define ARTICLE_INSERT_VALUES NEXT_ID("articles") ", " ARTICLE_INSERT_FIELDS
/* The same values at the id $20 the ingest chose (pg_store.next_article). */
#define ARTICLE_INSERT_VALUES_AT "$20, " ARTICLE_INSERT_FIELDS

#define NOW_UTC "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* The assignments of a batch: $1 articles, $2 their stories, the last
 * assignment of an article winning as it would one by one (an article 0:
 * a story to refresh only). */
#define STORY_ASSIGN_MANY \
    "INSERT INTO story_articles(article_id, story_id) " \
    "SELECT DISTINCT ON (a) a, s FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS p(a, s, o) " \
    "WHERE a <> 0 ORDER BY a, o DESC " \
    "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id"
/* The counts, dates and title of each story of $1, which is counted stale
 * once for each time it is named. Both are planned at each run, never
 * prepared: a plan made while the tables were nearly empty (scans) would
 * stay with the connection as they grow. */
#define STORY_REFRESH_MANY \
    "UPDATE stories SET n_articles = g.n_articles, n_sources = g.n_sources, first_date = g.first_date, " \
    " last_date = g.last_date, title = g.title, updated = " NOW_UTC ", stale = stale + t.n " \
    "FROM (SELECT s, count(*) AS n FROM unnest($1::bigint[]) AS s GROUP BY s) t " \
    "CROSS JOIN LATERAL (SELECT count(*) AS n_articles, count(DISTINCT a.source_id) AS n_sources, " \
    "  min(a.date) AS first_date, max(a.date) AS last_date, " \
    "  (array_agg(a.title ORDER BY a.date IS NULL, a.date, a.id) " \
    "    FILTER (WHERE a.title IS NOT NULL AND a.title <> ''))[1] AS title " \
    "  FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = t.s) g " \
    "WHERE id = t.s"

static const char *const pg_sql[PG_COUNT] = {
    [PG_SOURCE_FIND] = "SELECT id, key, leaning, country FROM sources WHERE name = $1",
    [PG_SOURCE_INSERT] = "INSERT INTO sources(id, name, key, leaning, country) VALUES (" NEXT_ID("sources")
                         ", $1, $2, $3, $4) RETURNING id",
    [PG_SOURCE_UPDATE] = "UPDATE sources SET key = coalesce($2, key), leaning = coalesce($3, leaning), "
                         "country = coalesce($4, country) WHERE id = $1",
    [PG_ARTICLE_FIND_HASH] = "SELECT id FROM articles WHERE content_hash = $1",
    [PG_ARTICLE_INSERT] = "INSERT INTO articles(" ARTICLE_INSERT_COLUMNS ") VALUES (" ARTICLE_INSERT_VALUES ") RETURNING id",
    /* the content hash looked up and the article stored in one round trip:
     * (id, 1) when stored, (id of the stored copy, 0) when there was one */
    [PG_ARTICLE_INSERT_NEW] =
        "WITH old AS (SELECT id FROM articles WHERE content_hash = $15), "
        "new AS (INSERT INTO articles(" ARTICLE_INSERT_COLUMNS ") SELECT " ARTICLE_INSERT_VALUES
        "  WHERE NOT EXISTS (SELECT 1 FROM old) RETURNING id) "
        "SELECT id, 1 FROM new UNION ALL SELECT id, 0 FROM old",
    [PG_ARTICLE_FIND_INPUT] = "SELECT id FROM articles WHERE input_hash = $1",
    [PG_ARTICLE_INSERT_AT] = "INSERT INTO articles(" ARTICLE_INSERT_COLUMNS ") VALUES (" ARTICLE_INSERT_VALUES_AT ")",
    [PG_ARTICLE_NEXT_ID] = "SELECT " NEXT_ID("articles"),
    [PG_STORY_FIND_KEY] = "SELECT id FROM stories WHERE key = $1",
    /* the story of a key, made when there is none, in one round trip */
    [PG_STORY_INSERT] = "WITH old AS (SELECT id FROM stories WHERE key = $1), "
                        "new AS (INSERT INTO stories(id, key) SELECT " NEXT_ID("stories") ", $1 "
                        "  WHERE NOT EXISTS (SELECT 1 FROM old) RETURNING id) "
                        "SELECT id FROM old UNION ALL SELECT id FROM new",
    [PG_CONFIG_ADD] = "INSERT INTO search_configs(config) VALUES ($1::regconfig) ON CONFLICT DO NOTHING",
    /* a story's title when some story ended before $2: min() is one step
     * down the last_date index, where EXISTS (last_date < $2) was planned
     * as a scan of every story, the whole table when none is older (the
     * common case at a batch merge) */
    [PG_STORY_TITLE_BEFORE] = "SELECT title FROM stories WHERE id = $1 AND (SELECT min(last_date) FROM stories) < $2",
    /* the analysis goes with the story (ON DELETE CASCADE) */
    [PG_STORY_MERGE] = "WITH moved AS (UPDATE story_articles SET story_id = $2 WHERE story_id = $1) "
                       "DELETE FROM stories WHERE id = $1",
};

/* What an ingest holding the ingest lock knows of the rows no other
 * writer can change meanwhile: the sources (name -> id and the values
 * stored) and the stories (key -> id), so that an article costs no
 * round trip to look them up. Dropped when the lock is taken again,
 * on a rollback and on a merge of stories. */
typedef struct source_entry {
    int64_t id;
    char *key, *leaning, *country;
} source_entry;

typedef struct ingest_cache {
    px_map sources, stories;
    source_entry *source;
    int64_t *story;
    size_t cap_source, cap_story;
} ingest_cache;

typedef struct pg_store {
    px_store base;
    PGconn *conn;
    char prepared[PG_COUNT];
    char configs_seen[512]; /* " english simple ": registered in search_configs */
    unsigned cursors;       /* cursors declared, for unique names */
    int busy_ms;            /* the lock wait, lock_timeout */
    ingest_cache cache;     /* valid while this connection holds the ingest lock */
    int locked;             /* this connection holds the ingest lock */
    /* the id of the next article stored (0: ask the server); kept while
     * the lock is held, as the rows of the cache */
    int64_t next_article;
    /* an article insert sent without waiting for its end (add_article):
     * its result is read before anything else is sent (settle) */
    int insert_in_flight;
    /* story assignments not sent yet: sent as one statement before any
     * other query and before the commit (flush_assignments) */
    int64_t *pending_article, *pending_story;
    size_t n_pending, cap_pending_article, cap_pending_story;
} pg_store;

static pg_store *pg(px_store *s)
{
    return (pg_store *)s;
}

/* ---- errors ------------------------------------------------------------ */

/* The server's message without its trailing newline. */
static const char *server_message(PGconn *c, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", c ? PQerrorMessage(c) : "out of memory");
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = '\0';
    return buf;
}

static int pg_error(px_store *s, px_error *err, const char *doing)
{
    char msg[512];
    px_error_set(err, PX_EIO, "%s: %s: %s", s->path, doing, server_message(pg(s)->conn, msg, sizeof msg));
    if (err)
        snprintf(err->where, sizeof err->where, "%s", s->path);
    return PX_EIO;
}

/* url with the password (user:password@) left out, for messages. */
static char *url_without_password(const char *url)
{
    const char *scheme_end = strstr(url, "://");
    const char *at = scheme_end ? strchr(scheme_end + 3, '@') : NULL;
    const char *slash = scheme_end ? strchr(scheme_end + 3, '/') : NULL;
    const char *colon = scheme_end ? strchr(scheme_end + 3, ':') : NULL;
    px_buf b = {0};
    if (at && (!slash || at < slash) && colon && colon < at) {
        px_buf_append(&b, url, (size_t)(colon - url));
        px_buf_puts(&b, at);
    } else {
        px_buf_puts(&b, url);
    }
    char *q = strstr(b.data ? b.data : "", "password=");
    if (q) /* a password given as a URL parameter */
        b.len = (size_t)(q - b.data), b.data[b.len] = '\0', px_buf_puts(&b, "password=...");
    return px_buf_steal(&b);
}

/* ---- running statements ------------------------------------------------ */

static int result_ok(PGresult *r)
{
    ExecStatusType st = PQresultStatus(r);
    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

static int flush_assignments(px_store *s, px_error *err);

/* Reads the end of the article insert in flight, if any: its error is
 * the error of whatever statement comes next (libpq would drop it
 * silently when the next one is sent). */
static int settle(px_store *s, px_error *err)
{
    pg_store *p = pg(s);
    if (!p->insert_in_flight)
        return PX_OK;
    p->insert_in_flight = 0;
    PGresult *r, *failed = NULL;
    while ((r = PQgetResult(p->conn))) {
        if (!failed && !result_ok(r))
            failed = r;
        else
            PQclear(r);
    }
    if (!failed)
        return PX_OK;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", PQresultErrorMessage(failed));
    PQclear(failed);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    px_error_set(err, PX_EIO, "%s: storing an article: %s", s->path, msg[0] ? msg : "the connection was lost");
    if (err)
        snprintf(err->where, sizeof err->where, "%s", s->path);
    return PX_EIO;
}

/* A statement whose result and errors do not matter (SET, ROLLBACK). */
static void pg_try(px_store *s, const char *sql)
{
    settle(s, NULL);
    PQclear(PQexec(pg(s)->conn, sql));
}

/* Runs sql with text parameters; NULL (and the error set) on failure.
 * pg_run leaves the story assignments not sent yet where they are: for
 * statements that neither read the story tables nor depend on them. */
static PGresult *pg_run(px_store *s, const char *sql, int n, const char *const *params, px_error *err,
                        const char *doing)
{
    if (settle(s, err))
        return NULL;
    PGresult *r = PQexecParams(pg(s)->conn, sql, n, NULL, params, NULL, NULL, 0);
    if (result_ok(r))
        return r;
    PQclear(r);
    pg_error(s, err, doing);
    return NULL;
}

/* pg_run after the story assignments not sent yet, so that sql sees them. */
static PGresult *pg_query(px_store *s, const char *sql, int n, const char *const *params, px_error *err,
                          const char *doing)
{
    return flush_assignments(s, err) ? NULL : pg_run(s, sql, n, params, err, doing);
}

/* Runs one or more statements without parameters. */
static int pg_exec(px_store *s, const char *sql, px_error *err, const char *doing)
{
    if (flush_assignments(s, err) || settle(s, err))
        return PX_EIO;
    PGresult *r = PQexec(pg(s)->conn, sql);
    int ok = result_ok(r);
    PQclear(r);
    return ok ? PX_OK : pg_error(s, err, doing);
}

/* The name of statement id, prepared on this connection when it is not
 * yet; 0 on failure. */
static int prepare(px_store *s, enum pg_stmt id, char name[16], px_error *err)
{
    pg_store *p = pg(s);
    snprintf(name, 16, "px%d", (int)id);
    if (settle(s, err))
        return 0;
    if (!p->prepared[id]) {
        PGresult *r = PQprepare(p->conn, name, pg_sql[id], 0, NULL);
        int ok = result_ok(r);
        PQclear(r);
        if (!ok) {
            pg_error(s, err, "preparing a statement");
            return 0;
        }
        p->prepared[id] = 1;
    }
    return 1;
}

static PGresult *pg_prepared(px_store *s, enum pg_stmt id, int n, const char *const *params, px_error *err,
                             const char *doing)
{
    char name[16];
    if (!prepare(s, id, name, err))
        return NULL;
    PGresult *r = PQexecPrepared(pg(s)->conn, name, n, params, NULL, NULL, 0);
    if (result_ok(r))
        return r;
    PQclear(r);
    pg_error(s, err, doing);
    return NULL;
}

/* The first column of the first row as an id (0 when no row). */
static int64_t first_id(PGresult *r)
{
    return PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : 0;
}

typedef struct { char s[24]; } num;

static num i64(int64_t v)
{
    num n;
    snprintf(n.s, sizeof n.s, "%lld", (long long)v);
    return n;
}

/* ---- what an ingest holding the lock knows (ingest_cache) -------------- */

static void forget_stories(ingest_cache *c)
{
    px_map_free(&c->stories);
    free(c->story);
    c->story = NULL;
    c->cap_story = 0;
}

static void forget_ingest(pg_store *p)
{
    ingest_cache *c = &p->cache;
    for (size_t i = 0; i < c->sources.n; i++) {
        free(c->source[i].key);
        free(c->source[i].leaning);
        free(c->source[i].country);
    }
    px_map_free(&c->sources);
    free(c->source);
    forget_stories(c);
    memset(c, 0, sizeof *c);
    p->next_article = 0;
}

static source_entry *cached_source(pg_store *p, const char *name)
{
    uint32_t id = px_map_find(&p->cache.sources, name, strlen(name));
    return id == PX_MAP_NONE ? NULL : &p->cache.source[id];
}

/* Replaces *field by a copy of v when v is given (the coalesce of the
 * statements); 0 when out of memory. */
static int keep_value(char **field, const char *v)
{
    if (!v)
        return 1;
    char *copy = strdup(v);
    if (!copy)
        return 0;
    free(*field);
    *field = copy;
    return 1;
}

/* The entry of a source stored with these values; NULL when out of memory. */
static source_entry *remember_source(pg_store *p, const char *name, int64_t id, const char *key, const char *leaning,
                                     const char *country)
{
    ingest_cache *c = &p->cache;
    int added;
    uint32_t at = px_map_intern(&c->sources, name, strlen(name), &added);
    if (at == PX_MAP_NONE || px_grow(&c->source, &c->cap_source, (size_t)at + 1, sizeof *c->source, 16, 1))
        return NULL;
    source_entry *e = &c->source[at];
    e->id = id;
    if (!keep_value(&e->key, key) || !keep_value(&e->leaning, leaning) || !keep_value(&e->country, country))
        return NULL;
    return e;
}

/* 1 when a names a value of its source that differs from the stored one. */
static int source_changes(const source_entry *e, const px_article *a)
{
    const char *given[3] = {a->source_key, a->leaning, a->country};
    const char *stored[3] = {e->key, e->leaning, e->country};
    for (int i = 0; i < 3; i++)
        if (given[i] && (!stored[i] || strcmp(given[i], stored[i]) != 0))
            return 1;
    return 0;
}

static int64_t cached_story(pg_store *p, const char *key)
{
    uint32_t id = px_map_find(&p->cache.stories, key, strlen(key));
    return id == PX_MAP_NONE ? 0 : p->cache.story[id];
}

static void forget_story(ingest_cache *c, int64_t row)
{
    for (size_t i = 0; i < c->stories.n; i++)
        if (c->story[i] == row)
            c->story[i] = 0;
}

static int remember_story(pg_store *p, const char *key, int64_t row)
{
    ingest_cache *c = &p->cache;
    uint32_t at = px_map_intern(&c->stories, key, strlen(key), NULL);
    if (at == PX_MAP_NONE || px_grow(&c->story, &c->cap_story, (size_t)at + 1, sizeof *c->story, 64, 1))
        return PX_ENOMEM;
    c->story[at] = row;
    return PX_OK;
}

/* ---- rows ------------------------------------------------------------- */

static const char *row_text(const store_row *r, int i)
{
    const PGresult *res = r->impl;
    return PQgetisnull(res, r->index, i) ? NULL : PQgetvalue(res, r->index, i);
}

static int row_is_null(const store_row *r, int i)
{
    return PQgetisnull(r->impl, r->index, i);
}

static int64_t row_int64(const store_row *r, int i)
{
    const char *v = row_text(r, i);
    return v ? strtoll(v, NULL, 10) : 0;
}

static double row_double(const store_row *r, int i)
{
    const char *v = row_text(r, i);
    return v ? strtod(v, NULL) : 0;
}

static size_t row_bytes(const store_row *r, int i)
{
    return (size_t)PQgetlength(r->impl, r->index, i);
}

static store_row row_at(const PGresult *res, int i)
{
    return (store_row){row_text, row_is_null, row_int64, row_double, row_bytes, res, i};
}

/* ---- schema ------------------------------------------------------------ */

/* The same tables as the SQLite store's schema version 7 (store.c), with
 * the search index as a tsvector column. Analyses are stored as text:
 * PostgreSQL compresses long values itself (TOAST). Entry i brings the
 * schema to version pg_migrations[i].version. Append only. */
static int respace_cjk_rows(px_store *s, px_error *err);

static const struct {
    int version;
    const char *sql;
    int (*step)(px_store *s, px_error *err); /* after sql: what SQL alone cannot do */
} pg_migrations[] = {
    {5, "CREATE FUNCTION px_day_shift(d text, days float8) RETURNS text LANGUAGE plpgsql STABLE AS $$"
        " BEGIN RETURN to_char(d::timestamptz - days * interval '1 day', 'YYYY-MM-DD');"
        " EXCEPTION WHEN others THEN RETURN NULL; END $$;"
        "CREATE TABLE sources("
        "  id BIGSERIAL PRIMARY KEY,"
        "  name TEXT COLLATE \"C\" NOT NULL UNIQUE,"
        "  key TEXT COLLATE \"C\", leaning TEXT COLLATE \"C\", country TEXT COLLATE \"C\");"
        "CREATE TABLE articles("
        "  id BIGSERIAL PRIMARY KEY,"
        "  ext_id TEXT COLLATE \"C\" NOT NULL,"
        "  source_id BIGINT REFERENCES sources(id),"
        "  url TEXT, title TEXT COLLATE \"C\","
        "  authors TEXT NOT NULL DEFAULT '[]',"
        "  date TEXT COLLATE \"C\", language TEXT,"
        "  highlights TEXT NOT NULL DEFAULT '[]',"
        "  text TEXT NOT NULL,"
        "  removed TEXT NOT NULL DEFAULT '[]',"
        "  extra TEXT,"
        "  input_path TEXT, input_line BIGINT, input_offset BIGINT,"
        "  content_hash TEXT NOT NULL UNIQUE,"
        "  dup_group_id BIGINT,"
        "  ingested_at TEXT NOT NULL DEFAULT " NOW_UTC ","
        "  dup_relation TEXT,"
        "  input_hash TEXT,"
        "  search_config regconfig NOT NULL DEFAULT 'simple',"
        "  tsv tsvector NOT NULL);"
        "CREATE TABLE dup_groups("
        "  id BIGSERIAL PRIMARY KEY,"
        "  canonical_article BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE);"
        "ALTER TABLE articles ADD FOREIGN KEY (dup_group_id) REFERENCES dup_groups(id) ON DELETE SET NULL;"
        "CREATE INDEX articles_by_date ON articles(date);"
        "CREATE INDEX articles_by_source ON articles(source_id);"
        "CREATE INDEX articles_by_ext_id ON articles(ext_id);"
        "CREATE UNIQUE INDEX articles_by_input_hash ON articles(input_hash) WHERE input_hash IS NOT NULL;"
        "CREATE INDEX articles_search ON articles USING GIN (tsv);"
        "CREATE TABLE search_configs(config regconfig PRIMARY KEY);"
        "CREATE TABLE stories("
        "  id BIGSERIAL PRIMARY KEY,"
        "  key TEXT COLLATE \"C\" UNIQUE,"
        "  title TEXT COLLATE \"C\", first_date TEXT COLLATE \"C\", last_date TEXT COLLATE \"C\","
        "  n_articles INTEGER NOT NULL DEFAULT 0,"
        "  n_sources INTEGER NOT NULL DEFAULT 0,"
        "  created TEXT NOT NULL DEFAULT " NOW_UTC ","
        "  updated TEXT NOT NULL DEFAULT " NOW_UTC ","
        "  stale BIGINT NOT NULL DEFAULT 0);"
        "CREATE INDEX stories_by_last_date ON stories(last_date);"
        "CREATE INDEX stories_stale ON stories(stale) WHERE stale > 0;"
        "CREATE TABLE story_articles("
        "  article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
        "  story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE);"
        "CREATE INDEX story_articles_by_story ON story_articles(story_id);"
        "CREATE TABLE analyses("
        "  story_id BIGINT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,"
        "  report TEXT NOT NULL, text TEXT, html TEXT,"
        "  updated TEXT NOT NULL);"
        "CREATE TABLE template_outlets(outlet BIGINT PRIMARY KEY, articles BIGINT NOT NULL);"
        "CREATE TABLE template_lines("
        "  outlet BIGINT NOT NULL, line BIGINT NOT NULL,"
        "  articles BIGINT NOT NULL, others BIGINT NOT NULL, sketch BYTEA NOT NULL,"
        "  PRIMARY KEY(outlet, line));"
        "CREATE TABLE settings(name TEXT PRIMARY KEY, value BIGINT);"
        "INSERT INTO settings(name, value) VALUES ('templates_upto', 0);"
        /* the work queue of distributed ingest (queue.h) */
        "CREATE TABLE work_items("
        "  id BIGSERIAL PRIMARY KEY,"
        "  path TEXT NOT NULL UNIQUE,"
        "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),"
        "  worker TEXT, attempts INTEGER NOT NULL DEFAULT 0, lease_until TIMESTAMPTZ,"
        "  articles BIGINT, reason TEXT,"
        "  enqueued TEXT NOT NULL DEFAULT " NOW_UTC ", finished TEXT);"
        "CREATE INDEX work_items_open ON work_items(id) WHERE state IN ('pending', 'running');", NULL},
    /* Chinese, Japanese and Korean searched by pairs of characters */
    {6, NULL, respace_cjk_rows},
    /* related stories in other languages (docs/links.md) */
    {7, "CREATE TABLE story_evidence("
        "  story_id BIGINT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,"
        "  language TEXT NOT NULL, first_day BIGINT, last_day BIGINT, evidence TEXT NOT NULL);"
        "CREATE INDEX story_evidence_by_day ON story_evidence(last_day) WHERE last_day IS NOT NULL;"
        "CREATE TABLE story_links("
        "  story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
        "  other_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
        "  score DOUBLE PRECISION NOT NULL, PRIMARY KEY(story_id, other_id));"
        "CREATE INDEX story_links_by_other ON story_links(other_id);", NULL},
    /* the story list's order read from an index, as on SQLite */
    {8, "CREATE INDEX IF NOT EXISTS stories_listed ON stories(last_date DESC NULLS LAST, id DESC) "
        "WHERE n_articles > 0;", NULL},
};
#define PG_N_MIGRATIONS (sizeof pg_migrations / sizeof pg_migrations[0])
_Static_assert(PX_STORE_SCHEMA_VERSION == 8, "add the PostgreSQL migration of the new schema version to pg_migrations");

/* The search vector of each stored article with CJK text, made again
 * from that text spaced into pairs of characters, as pgs_add_article
 * makes it. */
static int respace_cjk_rows(px_store *s, px_error *err)
{
    PGresult *rows = pg_query(s,
                              "SELECT id, search_config, coalesce(title, ''), text FROM articles "
                              "WHERE (coalesce(title, '') || text) ~ '[\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7a3]'",
                              0, NULL, err, "migrating the search index");
    if (!rows)
        return PX_EIO;
    int rc = PX_OK;
    for (int i = 0; rc == PX_OK && i < PQntuples(rows); i++) {
        px_buf title = {0}, text = {0};
        const char *t = PQgetvalue(rows, i, 2), *b = PQgetvalue(rows, i, 3);
        if (!px_search_spaced_text(t, strlen(t), &title))
            px_buf_puts(&title, t);
        if (!px_search_spaced_text(b, strlen(b), &text))
            px_buf_puts(&text, b);
        const char *params[4] = {PQgetvalue(rows, i, 0), PQgetvalue(rows, i, 1), title.data ? title.data : "",
                                 text.data ? text.data : ""};
        PGresult *r = pg_query(s,
                               "UPDATE articles SET tsv = setweight(to_tsvector($2::regconfig, $3), 'A') || "
                               "setweight(to_tsvector($2::regconfig, $4), 'B') WHERE id = $1::bigint",
                               4, params, err, "migrating the search index");
        rc = r ? PX_OK : PX_EIO;
        PQclear(r);
        px_buf_free(&title);
        px_buf_free(&text);
    }
    PQclear(rows);
    return rc;
}

/* Any parallax process migrating the same database waits for this lock. */
#define MIGRATION_LOCK "7055030001"

static int schema_version(px_store *s, int *version, px_error *err)
{
    PGresult *r = pg_query(s,
                           "SELECT CASE WHEN to_regclass('parallax_schema') IS NULL THEN -1 ELSE 0 END, "
                           "(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())",
                           0, NULL, err, "reading the schema version");
    if (!r)
        return PX_EIO;
    int missing = atoi(PQgetvalue(r, 0, 0)) < 0, tables = atoi(PQgetvalue(r, 0, 1));
    PQclear(r);
    *version = 0;
    if (missing)
        return tables ? px_error_set(err, PX_EFORMAT, "%s: a PostgreSQL database, but not a parallax one", s->path)
                      : PX_OK;
    if (!(r = pg_query(s, "SELECT max(version) FROM parallax_schema", 0, NULL, err, "reading the schema version")))
        return PX_EIO;
    *version = (int)first_id(r);
    PQclear(r);
    return PX_OK;
}

static int apply_migrations(px_store *s, int version, px_error *err)
{
    int rc = PX_OK;
    if (version == 0)
        rc = pg_exec(s, "CREATE TABLE parallax_schema(version INTEGER NOT NULL)", err, "migrating the schema");
    for (size_t i = 0; rc == PX_OK && i < PG_N_MIGRATIONS; i++) {
        if (pg_migrations[i].version <= version)
            continue;
        if (pg_migrations[i].sql)
            rc = pg_exec(s, pg_migrations[i].sql, err, "migrating the schema");
        if (rc == PX_OK && pg_migrations[i].step)
            rc = pg_migrations[i].step(s, err);
    }
    if (rc == PX_OK) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM parallax_schema; INSERT INTO parallax_schema VALUES (%d)",
                 PX_STORE_SCHEMA_VERSION);
        rc = pg_exec(s, sql, err, "migrating the schema");
    }
    return rc;
}

static int migrate(px_store *s, px_error *err)
{
    int version;
    int rc = schema_version(s, &version, err);
    if (rc || version == PX_STORE_SCHEMA_VERSION)
        return rc;
    if (version > PX_STORE_SCHEMA_VERSION)
        return px_error_set(err, PX_EFORMAT, "%s: database schema version %d is newer than this parallax knows (%d)",
                            s->path, version, PX_STORE_SCHEMA_VERSION);
    if (s->readonly)
        return px_error_set(err, PX_EFORMAT, "%s: database schema version %d needs migrating; open it "
                                             "for writing once", s->path, version);
    if ((rc = pg_exec(s, "BEGIN; SELECT pg_advisory_xact_lock(" MIGRATION_LOCK ")", err, "starting the schema migration")))
        return rc;
    /* another process may have migrated while this one waited */
    if ((rc = schema_version(s, &version, err)) == PX_OK && version < PX_STORE_SCHEMA_VERSION)
        rc = apply_migrations(s, version, err);
    if (rc == PX_OK)
        return pg_exec(s, "COMMIT", err, "migrating the schema");
    pg_try(s, "ROLLBACK");
    return rc;
}

static void ignore_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static const px_store_backend pg_backend;

/* The settings of a session, at open and after a reconnect. */
static int configure(px_store *s, px_error *err)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SET TimeZone = 'UTC'; SET lock_timeout = %d; SET default_transaction_read_only = %s",
             pg(s)->busy_ms, s->readonly ? "on" : "off");
    int rc = pg_exec(s, sql, err, "configuring the connection");
    /* article text compressed at a fraction of the default's CPU; a
     * server built without lz4 keeps its default */
    pg_try(s, "SET default_toast_compression = lz4");
    return rc;
}

int px_pg_store_open(px_store **out, const char *url, int flags, int busy_ms, px_error *err)
{
    *out = NULL;
    pg_store *p = calloc(1, sizeof *p);
    px_store *s = p ? &p->base : NULL;
    if (!s || !(s->path = url_without_password(url))) {
        free(p);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    s->ops = &pg_backend;
    s->readonly = (flags & PX_STORE_READONLY) != 0;
    p->conn = PQconnectdb(url);
    int rc = PX_OK;
    if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
        char msg[512];
        rc = px_error_set(err, PX_EIO, "%s: cannot connect to the database server: %s", s->path,
                          server_message(p->conn, msg, sizeof msg));
    } else {
        PQsetNoticeProcessor(p->conn, ignore_notice, NULL);
        /* a lock held by another writer is an error after busy_ms, never a hang */
        p->busy_ms = busy_ms > 0 ? busy_ms : 1;
        rc = configure(s, err);
    }
    if (rc == PX_OK)
        rc = migrate(s, err);
    if (rc) {
        px_store_close(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

/* libpq may notice a closed connection only when it next reads from it
 * (a send that failed does not): a statement settles the question. */
static int pgs_lost(px_store *s)
{
    PGconn *c = pg(s)->conn;
    settle(s, NULL);
    if (PQstatus(c) == CONNECTION_OK)
        PQclear(PQexec(c, "SELECT 1"));
    return PQstatus(c) == CONNECTION_BAD;
}

/* What the session kept is gone with it: statements, the rows the ingest
 * lock made safe to remember, the assignments not sent. */
static int pgs_reconnect(px_store *s, px_error *err)
{
    pg_store *p = pg(s);
    p->n_pending = 0;
    p->insert_in_flight = 0; /* its result went with the connection */
    forget_ingest(p);
    memset(p->prepared, 0, sizeof p->prepared);
    PQreset(p->conn);
    if (PQstatus(p->conn) != CONNECTION_OK) {
        char msg[512];
        return px_error_set(err, PX_EIO, "%s: cannot connect to the database server: %s", s->path,
                            server_message(p->conn, msg, sizeof msg));
    }
    return configure(s, err);
}

static void pgs_close(px_store *s)
{
    forget_ingest(pg(s));
    free(pg(s)->pending_article);
    free(pg(s)->pending_story);
    PQfinish(pg(s)->conn);
    free(s->path);
    free(pg(s));
}

/* ---- transactions ------------------------------------------------------ */

static int pgs_begin(px_store *s, px_error *err)
{
    return pg_exec(s, "BEGIN", err, "starting a transaction");
}

static int pgs_commit(px_store *s, px_error *err)
{
    return pg_exec(s, "COMMIT", err, "committing");
}

static void pgs_rollback(px_store *s)
{
    pg(s)->n_pending = 0;
    forget_ingest(pg(s)); /* rows the transaction made are gone */
    settle(s, NULL);
    if (PQtransactionStatus(pg(s)->conn) != PQTRANS_IDLE)
        pg_try(s, "ROLLBACK");
}

/* ---- the ingest lock --------------------------------------------------- */

/* A session advisory lock: the server releases it when the connection
 * ends, so an ingest that dies never leaves it held. */
#define INGEST_LOCK "7055030002"

static int pgs_lock_ingest(px_store *s, int no_wait, void (*on_wait)(const char *db, void *ud), void *ud,
                           px_error *err)
{
    forget_ingest(pg(s)); /* another writer may have changed the rows since */
    PGresult *r = pg_query(s, "SELECT pg_try_advisory_lock(" INGEST_LOCK ")", 0, NULL, err, "taking the ingest lock");
    if (!r)
        return PX_EIO;
    int got = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    pg(s)->locked = got;
    if (got)
        return PX_OK;
    if (no_wait)
        return px_error_set(err, PX_EIO, "%s: another ingest is running on this database", s->path);
    if (on_wait)
        on_wait(s->path, ud);
    /* lock_timeout bounds waits for row locks, not for this one */
    pg_try(s, "SET lock_timeout = 0");
    r = pg_query(s, "SELECT pg_advisory_lock(" INGEST_LOCK ")", 0, NULL, err, "taking the ingest lock");
    char restore[64];
    snprintf(restore, sizeof restore, "SET lock_timeout = %d", pg(s)->busy_ms);
    pg_try(s, restore);
    PQclear(r);
    pg(s)->locked = r != NULL;
    return r ? PX_OK : PX_EIO;
}

static void pgs_unlock_ingest(px_store *s)
{
    pg(s)->locked = 0;
    forget_ingest(pg(s));
    /* the search index's pending entries (up to 4 MB, scanned whole by
     * every search until a vacuum merges them) merged into the index by
     * the ingest that made them; a user who does not own the index leaves
     * them to the vacuum */
    pg_try(s, "SELECT gin_clean_pending_list('articles_search')");
    pg_try(s, "SELECT pg_advisory_unlock_all()");
}

/* ---- articles ---------------------------------------------------------- */

/* PostgreSQL's text search configuration for a language code; the
 * statement falls back to 'simple' for a name the server does not have. */
static const char *search_config(const char *lang)
{
    static const char *const names[][2] = {
        {"ar", "arabic"},     {"da", "danish"},   {"de", "german"},    {"el", "greek"},
        {"en", "english"},    {"es", "spanish"},  {"fi", "finnish"},   {"fr", "french"},
        {"hu", "hungarian"},  {"id", "indonesian"}, {"ga", "irish"},   {"it", "italian"},
        {"lt", "lithuanian"}, {"ne", "nepali"},   {"nl", "dutch"},     {"no", "norwegian"},
        {"nb", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},
        {"sv", "swedish"},    {"ta", "tamil"},    {"tr", "turkish"},   {"hy", "armenian"},
        {"eu", "basque"},     {"ca", "catalan"},  {"hi", "hindi"},     {"sr", "serbian"},
        {"yi", "yiddish"},
    };
    for (size_t i = 0; lang && i < sizeof names / sizeof names[0]; i++)
        if (strncmp(lang, names[i][0], 2) == 0 && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            return names[i][1];
    return "simple";
}

/* The configuration, or 'simple' when this server has none of that name,
 * recorded in search_configs (searches look in each one recorded). */
static int config_for(px_store *s, const char *lang, char out[64], px_error *err)
{
    pg_store *p = pg(s);
    const char *want = search_config(lang);
    char key[70];
    snprintf(key, sizeof key, " %s ", want);
    snprintf(out, 64, "%s", want);
    if (strstr(p->configs_seen, key))
        return PX_OK;
    const char *params[1] = {want};
    PGresult *r = pg_query(s, "SELECT count(*) FROM pg_ts_config WHERE cfgname = $1", 1, params, err,
                           "looking up a text search configuration");
    if (!r)
        return PX_EIO;
    if (first_id(r) == 0)
        snprintf(out, 64, "simple");
    PQclear(r);
    params[0] = out;
    if (!(r = pg_prepared(s, PG_CONFIG_ADD, 1, params, err, "recording a text search configuration")))
        return PX_EIO;
    PQclear(r);
    size_t have = strlen(p->configs_seen);
    if (strcmp(out, want) == 0 && have + strlen(key) < sizeof p->configs_seen)
        strcat(p->configs_seen, key + (have ? 1 : 0)); /* " a b " */
    return PX_OK;
}

static int lookup_id(px_store *s, enum pg_stmt id, const char *key, int64_t *row, px_error *err, const char *doing)
{
    const char *params[1] = {key};
    PGresult *r = pg_prepared(s, id, 1, params, err, doing);
    *row = r ? first_id(r) : 0;
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static const char *value_or_null(PGresult *r, int col)
{
    return PQgetisnull(r, 0, col) ? NULL : PQgetvalue(r, 0, col);
}

/* The source of a as the cache knows it, read or stored when it does not
 * yet; NULL (and err set) on failure. */
static source_entry *source_entry_of(px_store *s, const px_article *a, px_error *err)
{
    source_entry *e = cached_source(pg(s), a->source);
    if (e)
        return e;
    const char *params[4] = {a->source, a->source_key, a->leaning, a->country};
    PGresult *r = pg_prepared(s, PG_SOURCE_FIND, 1, params, err, "looking up a source");
    if (!r)
        return NULL;
    if (PQntuples(r) > 0) {
        e = remember_source(pg(s), a->source, first_id(r), value_or_null(r, 1), value_or_null(r, 2),
                            value_or_null(r, 3));
    } else {
        PQclear(r);
        if (!(r = pg_prepared(s, PG_SOURCE_INSERT, 4, params, err, "storing a source")))
            return NULL;
        e = remember_source(pg(s), a->source, first_id(r), a->source_key, a->leaning, a->country);
    }
    PQclear(r);
    if (!e)
        px_error_set(err, PX_ENOMEM, "out of memory");
    return e;
}

static int source_row(px_store *s, const px_article *a, int64_t *row, px_error *err)
{
    *row = 0;
    if (!a->source || !*a->source)
        return PX_OK;
    source_entry *e = source_entry_of(s, a, err);
    if (!e)
        return err ? err->code : PX_EIO;
    *row = e->id;
    if (!source_changes(e, a))
        return PX_OK;
    num id = i64(e->id);
    const char *params[4] = {id.s, a->source_key, a->leaning, a->country};
    PGresult *r = pg_prepared(s, PG_SOURCE_UPDATE, 4, params, err, "storing a source");
    PQclear(r);
    if (!r)
        return PX_EIO;
    if (!keep_value(&e->key, a->source_key) || !keep_value(&e->leaning, a->leaning) ||
        !keep_value(&e->country, a->country))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    return PX_OK;
}

static int pgs_find_input(px_store *s, const char *input_hash, int64_t *row, px_error *err)
{
    return lookup_id(s, PG_ARTICLE_FIND_INPUT, input_hash, row, err, "looking up an article");
}

/* 1 when storing a needs nothing but its own insert: its source is known
 * and unchanged and its search configuration recorded, so that a copy of
 * a stored article (found by the insert itself) changes nothing. */
static int needs_only_insert(pg_store *p, const px_article *a, int64_t *source, char config[64])
{
    *source = 0;
    if (a->source && *a->source) {
        const source_entry *e = cached_source(p, a->source);
        if (!e || source_changes(e, a))
            return 0;
        *source = e->id;
    }
    char key[70];
    snprintf(key, sizeof key, " %s ", search_config(a->language));
    snprintf(config, 64, "%s", search_config(a->language));
    return strstr(p->configs_seen, key) != NULL;
}

/* What an article's insert is sent with (ARTICLE_INSERT_FIELDS, $1 to
 * $19); the strings made for it are kept in v and freed by
 * insert_values_free. */
typedef struct insert_values {
    const char *params[20];
    num nums[3];
    char *authors, *highlights, *removed;
    px_buf spaced_title, spaced_body; /* what the search index reads: CJK runs spaced into pairs */
} insert_values;

static void insert_values_free(insert_values *v)
{
    free(v->authors);
    free(v->highlights);
    free(v->removed);
    px_buf_free(&v->spaced_title);
    px_buf_free(&v->spaced_body);
}

/* 0 when out of memory (insert_values_free frees what was made). */
static int insert_values_make(insert_values *v, const px_article *a, const char *hash, const char *input_hash,
                              int64_t source, const char *config)
{
    memset(v, 0, sizeof *v);
    v->authors = store_strlist_json(&a->authors);
    v->highlights = store_strlist_json(&a->highlights);
    v->removed = store_removed_json(a);
    v->nums[0] = i64(source), v->nums[1] = i64(a->input_line), v->nums[2] = i64(a->input_offset);
    int title_spaced = a->title && px_search_spaced_text(a->title, strlen(a->title), &v->spaced_title);
    int body_spaced = a->body && px_search_spaced_text(a->body, strlen(a->body), &v->spaced_body);
    const char *params[19] = {
        a->id ? a->id : hash, source ? v->nums[0].s : NULL, a->url, a->title, v->authors, a->date, a->language,
        v->highlights, a->body ? a->body : "", v->removed, a->extra_json, a->input_path,
        a->input_line > 0 ? v->nums[1].s : NULL, a->input_offset >= 0 ? v->nums[2].s : NULL, hash, input_hash,
        config, title_spaced ? v->spaced_title.data : NULL, body_spaced ? v->spaced_body.data : NULL,
    };
    memcpy(v->params, params, sizeof params);
    return v->authors && v->highlights && v->removed && (!title_spaced || v->spaced_title.data) &&
           (!body_spaced || v->spaced_body.data);
}

/* The ingest holding the lock stores an article without waiting for the
 * server to index it: the copy check is a look-up of the content hash,
 * the id is the next one (no other writer can take it), and the insert
 * (tsvector and GIN entries, most of the server's work) is read back only
 * before the next statement, so that the server indexes an article while
 * the client clusters it and reads the next one. */
static int add_article_in_flight(px_store *s, const px_article *a, const char *hash, const char *input_hash,
                                 int64_t source, const char *config, int64_t *row, int *added, px_error *err)
{
    pg_store *p = pg(s);
    int64_t existing;
    int rc = lookup_id(s, PG_ARTICLE_FIND_HASH, hash, &existing, err, "looking up an article");
    if (rc == PX_OK && existing) {
        if (row)
            *row = existing;
        return PX_OK;
    }
    if (rc == PX_OK && !p->next_article) {
        PGresult *r = pg_prepared(s, PG_ARTICLE_NEXT_ID, 0, NULL, err, "storing an article");
        p->next_article = r ? first_id(r) : 0;
        PQclear(r);
        rc = r ? PX_OK : PX_EIO;
    }
    char name[16];
    if (rc || !prepare(s, PG_ARTICLE_INSERT_AT, name, err))
        return rc ? rc : PX_EIO;
    insert_values v;
    num id = i64(p->next_article);
    if (!insert_values_make(&v, a, hash, input_hash, source, config))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    v.params[19] = id.s;
    if (rc == PX_OK && !PQsendQueryPrepared(p->conn, name, 20, v.params, NULL, NULL, 0))
        rc = pg_error(s, err, "storing an article");
    insert_values_free(&v);
    if (rc)
        return rc;
    p->insert_in_flight = 1;
    if (row)
        *row = p->next_article;
    if (added)
        *added = 1;
    p->next_article++;
    return PX_OK;
}

static int pgs_add_article(px_store *s, const px_article *a, const char *input_hash, int64_t *row, int *added,
                           px_error *err)
{
    char hash[33], config[64];
    int64_t source;
    px_store_content_hash(a, hash);
    if (added)
        *added = 0;
    int rc = PX_OK, one_trip = needs_only_insert(pg(s), a, &source, config);
    if (one_trip && pg(s)->locked)
        return add_article_in_flight(s, a, hash, input_hash, source, config, row, added, err);
    if (!one_trip) {
        int64_t existing;
        rc = lookup_id(s, PG_ARTICLE_FIND_HASH, hash, &existing, err, "looking up an article");
        if (rc == PX_OK && existing) {
            if (row)
                *row = existing;
            return PX_OK;
        }
        if (rc || (rc = source_row(s, a, &source, err)) || (rc = config_for(s, a->language, config, err)))
            return rc;
    }
    insert_values v;
    PGresult *r = NULL;
    if (!insert_values_make(&v, a, hash, input_hash, source, config))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    else if (!(r = pg_prepared(s, one_trip ? PG_ARTICLE_INSERT_NEW : PG_ARTICLE_INSERT, 19, v.params, err,
                               "storing an article")))
        rc = PX_EIO;
    insert_values_free(&v);
    if (rc)
        return rc;
    pg(s)->next_article = 0; /* the server chose the id */
    if (row)
        *row = first_id(r);
    if (added)
        *added = !one_trip || strcmp(PQgetvalue(r, 0, 1), "1") == 0;
    PQclear(r);
    return PX_OK;
}

#define ARTICLE_COLUMNS                                                                         \
    "a.ext_id, s.name, s.key, s.leaning, s.country, a.url, a.title, a.authors, a.date, "       \
    "a.language, a.highlights, a.text, a.removed, a.extra, a.input_path, a.input_line, "       \
    "a.input_offset, a.id, sa.story_id, (SELECT key FROM stories WHERE id = sa.story_id), "      \
    "(a.dup_relation IS NOT NULL)::int "
#define ARTICLE_FROM                                                                            \
    "FROM articles a LEFT JOIN sources s ON s.id = a.source_id "                               \
    "LEFT JOIN story_articles sa ON sa.article_id = a.id "

static int pgs_get_article(px_store *s, int64_t row, px_article **out, px_error *err)
{
    *out = NULL;
    num id = i64(row);
    const char *params[1] = {id.s};
    PGresult *r = pg_query(s, "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "WHERE a.id = $1", 1, params, err,
                           "reading an article");
    if (!r)
        return PX_EIO;
    int rc = PX_OK;
    if (PQntuples(r) > 0) {
        store_row sr = row_at(r, 0);
        if (!(*out = store_row_article(&sr)))
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
    }
    PQclear(r);
    return rc;
}

/* Hands over every row of r (ARTICLE_COLUMNS) to fn. */
static int each_result_row(PGresult *r, px_stored_article_fn fn, void *ud, px_error *err)
{
    int n = PQntuples(r);
    for (int i = 0; i < n; i++) {
        store_row sr = row_at(r, i);
        px_article *a = store_row_article(&sr);
        if (!a)
            return px_error_set(err, PX_ENOMEM, "out of memory");
        px_stored_article item = {
            .row = sr.int64(&sr, 17),
            .story = sr.int64(&sr, 18),
            .story_key = sr.text(&sr, 19),
            .is_copy = sr.int64(&sr, 20) != 0,
            .a = a,
        };
        int stop = fn(&item, ud);
        px_article_free(a);
        if (stop)
            return px_error_set(err, PX_ESTOP, "stopped");
    }
    return PX_OK;
}

/* Runs a query of ARTICLE_COLUMNS with a cursor, a batch of rows at a
 * time, so that memory stays bounded however many articles match. */
static int each_query(px_store *s, const char *sql, int n, const char *const *params, px_stored_article_fn fn,
                      void *ud, px_error *err)
{
    int own = PQtransactionStatus(pg(s)->conn) == PQTRANS_IDLE;
    if (own && pg_exec(s, "BEGIN", err, "reading articles"))
        return PX_EIO;
    char cursor[32], fetch[64];
    snprintf(cursor, sizeof cursor, "px_articles_%u", ++pg(s)->cursors); /* a callback may open another */
    snprintf(fetch, sizeof fetch, "FETCH 500 FROM %s", cursor);
    px_buf decl = {0};
    px_buf_printf(&decl, "DECLARE %s NO SCROLL CURSOR FOR %s", cursor, sql);
    PGresult *r = pg_query(s, decl.data, n, params, err, "reading articles");
    px_buf_free(&decl);
    int rc = r ? PX_OK : PX_EIO;
    PQclear(r);
    while (rc == PX_OK) {
        if (!(r = pg_query(s, fetch, 0, NULL, err, "reading articles"))) {
            rc = PX_EIO;
            break;
        }
        int got = PQntuples(r);
        rc = each_result_row(r, fn, ud, err);
        PQclear(r);
        if (got == 0)
            break;
    }
    if (rc != PX_EIO) {
        char close[48];
        snprintf(close, sizeof close, "CLOSE %s", cursor);
        pg_try(s, close);
    }
    if (own)
        pg_try(s, rc == PX_EIO ? "ROLLBACK" : "COMMIT");
    return rc;
}

static int pgs_each_article(px_store *s, px_stored_article_fn fn, void *ud, px_error *err)
{
    return each_query(s, "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "ORDER BY a.id", 0, NULL, fn, ud, err);
}

static int pgs_each_article_of(px_store *s, int64_t story, px_stored_article_fn fn, void *ud, px_error *err)
{
    num id = i64(story);
    const char *params[1] = {id.s};
    return each_query(s,
                      "SELECT " ARTICLE_COLUMNS ARTICLE_FROM
                      "WHERE sa.story_id = $1 ORDER BY a.date IS NULL, a.date, a.id",
                      1, params, fn, ud, err);
}

static num days(double d)
{
    num n;
    snprintf(n.s, sizeof n.s, "%.6f", d);
    return n;
}

/* The undated stories the clusterer keeps open (px_cluster_opts.
 * window_articles, article ids as arrival positions): those holding one of
 * the last N placed articles (counted back from row UPTO when it is
 * lower), or every one when N is 0. */
#define UNDATED_OPEN(N, UPTO)                                                                   \
    "(st.last_date IS NULL AND (" N " = 0 OR st.id IN (SELECT story_id FROM story_articles "   \
    "   WHERE article_id >= least((SELECT max(article_id) FROM story_articles), " UPTO ") - " N ")))"

#define WINDOW_ARTICLES                                                                         \
    "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "JOIN stories st ON st.id = sa.story_id "            \
    "WHERE " UNDATED_OPEN("$2::bigint", "$3::bigint")                                           \
    "   OR st.last_date >= (SELECT px_day_shift(max(last_date), $1::float8) FROM stories) "

static int pgs_each_window_article(px_store *s, double window_days, uint64_t window_articles,
                                   px_stored_article_fn fn, void *ud, px_error *err)
{
    num w = days(window_days), n = i64((int64_t)window_articles), u = i64(INT64_MAX);
    const char *params[3] = {w.s, n.s, u.s};
    return each_query(s, WINDOW_ARTICLES "ORDER BY st.last_date NULLS FIRST, st.id, a.date IS NULL, a.date, a.id", 3,
                      params, fn, ud, err);
}

static int pgs_each_window_article_in_order(px_store *s, double window_days, uint64_t window_articles,
                                            int64_t upto, px_stored_article_fn fn, void *ud, px_error *err)
{
    num w = days(window_days), n = i64((int64_t)window_articles), u = i64(upto);
    const char *params[3] = {w.s, n.s, u.s};
    return each_query(s, WINDOW_ARTICLES "ORDER BY a.id", 3, params, fn, ud, err);
}

static int pgs_each_article_near(px_store *s, const char *lo, const char *hi, double window_days,
                                 uint64_t window_articles, px_stored_article_fn fn, void *ud, px_error *err)
{
    num w = days(window_days), n = i64((int64_t)window_articles), u = i64(INT64_MAX);
    const char *params[5] = {lo, hi, w.s, n.s, u.s};
    return each_query(s,
                      "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "JOIN stories st ON st.id = sa.story_id "
                      "WHERE " UNDATED_OPEN("$4::bigint", "$5::bigint") " OR (st.last_date >= px_day_shift($1, $3::float8) "
                      "  AND st.first_date <= px_day_shift($2, -$3::float8)) "
                      "ORDER BY st.last_date NULLS FIRST, st.id, a.date IS NULL, a.date, a.id",
                      5, params, fn, ud, err);
}

/* ---- duplicates, stories, analyses ------------------------------------- */

static int pgs_set_duplicate(px_store *s, int64_t article, int64_t canonical, const char *relation, px_error *err)
{
    num c = i64(canonical), a = i64(article);
    const char *params[3] = {c.s, NULL, NULL};
    PGresult *r = pg_run(s, "SELECT dup_group_id FROM articles WHERE id = $1", 1, params, err,
                           "reading a duplicate group");
    if (!r)
        return PX_EIO;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return px_error_set(err, PX_EUSAGE, "%s: no article with row id %lld", s->path, (long long)canonical);
    }
    int64_t group = first_id(r);
    PQclear(r);
    if (!group) {
        if (!(r = pg_run(s,
                           "WITH g AS (INSERT INTO dup_groups(id, canonical_article) VALUES (" NEXT_ID("dup_groups") ", $1) RETURNING id) "
                           "UPDATE articles SET dup_group_id = g.id, dup_relation = NULL FROM g "
                           "WHERE articles.id = $1 RETURNING g.id",
                           1, params, err, "creating a duplicate group")))
            return PX_EIO;
        group = first_id(r);
        PQclear(r);
    }
    if (article == canonical)
        return PX_OK;
    num g = i64(group);
    const char *set[3] = {a.s, g.s, relation};
    r = pg_run(s, "UPDATE articles SET dup_group_id = $2, dup_relation = $3 WHERE id = $1", 3, set, err,
                 "setting a duplicate group");
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static int pgs_duplicate_of(px_store *s, int64_t article, int64_t *canonical, char relation[16], px_error *err)
{
    *canonical = 0;
    if (relation)
        relation[0] = '\0';
    num a = i64(article);
    const char *params[1] = {a.s};
    PGresult *r = pg_query(s,
                           "SELECT g.canonical_article, a.dup_relation FROM articles a "
                           "JOIN dup_groups g ON g.id = a.dup_group_id "
                           "WHERE a.id = $1 AND g.canonical_article <> a.id",
                           1, params, err, "reading a duplicate group");
    if (!r)
        return PX_EIO;
    if (PQntuples(r) > 0) {
        *canonical = first_id(r);
        if (relation)
            snprintf(relation, 16, "%s", PQgetvalue(r, 0, 1));
    }
    PQclear(r);
    return PX_OK;
}

static int pgs_story_for_key(px_store *s, const char *key, int create, int64_t *story, px_error *err)
{
    if ((*story = cached_story(pg(s), key)))
        return PX_OK;
    int rc = create ? lookup_id(s, PG_STORY_INSERT, key, story, err, "creating a story")
                    : lookup_id(s, PG_STORY_FIND_KEY, key, story, err, "looking up a story");
    if (!rc && *story && remember_story(pg(s), key, *story))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    return rc;
}

/* "{1,2,3}": ids as a PostgreSQL array literal. */
static char *id_array(const int64_t *ids, size_t n)
{
    px_buf b = {0};
    int rc = px_buf_puts(&b, "{");
    for (size_t i = 0; i < n; i++)
        rc |= px_buf_printf(&b, i ? ",%lld" : "%lld", (long long)ids[i]);
    rc |= px_buf_puts(&b, "}");
    if (rc) {
        px_buf_free(&b);
        return NULL;
    }
    return px_buf_steal(&b);
}

/* Sends the assignments of the batch and refreshes their stories: two
 * statements however many articles (one each would be two round trips per
 * article). */
static int flush_assignments(px_store *s, px_error *err)
{
    pg_store *p = pg(s);
    if (!p->n_pending)
        return PX_OK;
    char *articles = id_array(p->pending_article, p->n_pending);
    char *stories = id_array(p->pending_story, p->n_pending);
    p->n_pending = 0;
    int rc = PX_OK;
    PGresult *r = NULL;
    if (!articles || !stories) {
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    } else {
        const char *params[2] = {articles, stories};
        if (!(r = pg_query(s, STORY_ASSIGN_MANY, 2, params, err, "assigning articles to stories")))
            rc = PX_EIO;
        PQclear(r);
        params[0] = stories;
        if (!rc && !(r = pg_query(s, STORY_REFRESH_MANY, 1, params, err, "updating stories")))
            rc = PX_EIO;
        PQclear(r);
    }
    free(articles);
    free(stories);
    return rc;
}

#define MAX_PENDING 4096

/* Notes that story is to be refreshed before the next query, with the
 * assignment of article to it unless article is 0. */
static int pend_refresh(px_store *s, int64_t article, int64_t story, px_error *err)
{
    pg_store *p = pg(s);
    size_t need = p->n_pending + 1;
    if (px_grow(&p->pending_article, &p->cap_pending_article, need, sizeof *p->pending_article, 256, 0) ||
        px_grow(&p->pending_story, &p->cap_pending_story, need, sizeof *p->pending_story, 256, 0))
        return px_error_set(err, PX_ENOMEM, "out of memory");
    p->pending_article[p->n_pending] = article;
    p->pending_story[p->n_pending++] = story;
    return p->n_pending >= MAX_PENDING ? flush_assignments(s, err) : PX_OK;
}

static int pgs_assign_story(px_store *s, int64_t article, int64_t story, px_error *err)
{
    return pend_refresh(s, article, story, err);
}

static int pgs_merge_stories(px_store *s, int64_t from, int64_t into, px_error *err)
{
    pg_store *p = pg(s);
    forget_story(&p->cache, from);
    for (size_t i = 0; i < p->n_pending; i++) /* the rows not sent yet move too */
        if (p->pending_story[i] == from)
            p->pending_story[i] = into;
    num f = i64(from), t = i64(into);
    const char *params[2] = {f.s, t.s};
    PGresult *r = pg_prepared(s, PG_STORY_MERGE, 2, params, err, "merging two stories");
    PQclear(r);
    return r ? pend_refresh(s, 0, into, err) : PX_EIO;
}

static int pgs_put_analysis(px_store *s, int64_t story, const px_stored_analysis *an, px_error *err)
{
    if (!an || !an->report)
        return px_error_set(err, PX_EUSAGE, "an analysis needs its JSON report");
    num id = i64(story);
    const char *params[4] = {id.s, an->report, an->text, an->html};
    PGresult *r = pg_query(s,
                           "INSERT INTO analyses(story_id, report, text, html, updated) "
                           "VALUES ($1, $2, $3, $4, " NOW_UTC ") "
                           "ON CONFLICT(story_id) DO UPDATE SET report = excluded.report, "
                           "text = excluded.text, html = excluded.html, updated = excluded.updated",
                           4, params, err, "storing an analysis");
    PQclear(r);
    if (!r || !an->headline || !*an->headline)
        return r ? PX_OK : PX_EIO;
    /* the story is named by what its articles share (summary.h) */
    const char *title[2] = {id.s, an->headline};
    r = pg_query(s, "UPDATE stories SET title = $2 WHERE id = $1", 2, title, err, "naming a story");
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static int pgs_story_stale(px_store *s, int64_t story, int64_t *stale, px_error *err)
{
    num id = i64(story);
    const char *params[1] = {id.s};
    PGresult *r = pg_query(s, "SELECT stale FROM stories WHERE id = $1", 1, params, err, "reading a story");
    *stale = r ? first_id(r) : 0;
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static int pgs_put_fresh_analysis(px_store *s, int64_t story, const px_stored_analysis *an, int64_t seen_stale,
                                  px_error *err)
{
    int own = PQtransactionStatus(pg(s)->conn) == PQTRANS_IDLE;
    int rc = own ? pgs_begin(s, err) : PX_OK;
    if (!rc)
        rc = pgs_put_analysis(s, story, an, err);
    if (!rc) {
        num id = i64(story), seen = i64(seen_stale);
        const char *params[2] = {id.s, seen.s};
        /* only when no article came in since the analysis read the story */
        PGresult *r = pg_query(s, "UPDATE stories SET stale = 0 WHERE id = $1 AND stale = $2", 2, params, err,
                               "marking an analysis current");
        rc = r ? PX_OK : PX_EIO;
        PQclear(r);
    }
    if (own && !rc)
        rc = pgs_commit(s, err);
    if (own && rc)
        pgs_rollback(s);
    return rc;
}

static int pgs_stale_stories(px_store *s, int64_t **ids, size_t *n, px_error *err)
{
    *ids = NULL;
    *n = 0;
    PGresult *r = pg_query(s, "SELECT id FROM stories WHERE stale > 0 ORDER BY id", 0, NULL, err,
                           "listing the stories to analyse");
    if (!r)
        return PX_EIO;
    size_t rows = (size_t)PQntuples(r), cap = 0;
    int rc = PX_OK;
    if (rows && px_grow(ids, &cap, rows, sizeof **ids, 64, 0))
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    for (size_t i = 0; rc == PX_OK && i < rows; i++)
        (*ids)[(*n)++] = strtoll(PQgetvalue(r, (int)i, 0), NULL, 10);
    PQclear(r);
    return rc;
}

static int pgs_mark_all_stale(px_store *s, px_error *err)
{
    return pg_exec(s, "UPDATE stories SET stale = stale + 1", err, "marking the stories to analyse");
}

static char *value_dup(PGresult *r, int col)
{
    return PQgetisnull(r, 0, col) ? NULL : px_strdup(PQgetvalue(r, 0, col));
}

static int pgs_get_analysis(px_store *s, int64_t story, px_stored_analysis *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    num id = i64(story);
    const char *params[1] = {id.s};
    PGresult *r = pg_query(s, "SELECT report, text, html, updated FROM analyses WHERE story_id = $1", 1, params,
                           err, "reading an analysis");
    if (!r)
        return PX_EIO;
    int found = PQntuples(r) > 0;
    if (found) {
        out->report = value_dup(r, 0);
        out->text = value_dup(r, 1);
        out->html = value_dup(r, 2);
        out->updated = value_dup(r, 3);
    }
    PQclear(r);
    if (found && (!out->report || !out->updated)) {
        px_stored_analysis_free(out);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    return PX_OK;
}

/* ---- search ------------------------------------------------------------ */

/* "(to_tsquery('english', $1) || to_tsquery('simple', $1))": the typed
 * query tsq (sent as param) in every configuration the articles were
 * indexed with, one configuration for each distinct query they make of it
 * (most stem a word alike; each query term more costs the index look-ups,
 * the rank and the snippets alike, and ts_rank and ts_headline read
 * repeated terms once, so the results are the same). */
static int tsquery_sql(px_store *s, const char *param, const char *tsq, px_buf *out, px_error *err)
{
    const char *params[1] = {tsq};
    PGresult *r = pg_query(s,
                           "SELECT min(config::text) FROM search_configs "
                           "GROUP BY to_tsquery(config, $1)::text ORDER BY 1",
                           1, params, err, "searching");
    if (!r)
        return PX_EIO;
    px_buf_puts(out, "(");
    int n = PQntuples(r);
    for (int i = 0; i < n; i++) {
        char *quoted = PQescapeLiteral(pg(s)->conn, PQgetvalue(r, i, 0), strlen(PQgetvalue(r, i, 0)));
        px_buf_printf(out, "%sto_tsquery(%s::regconfig, %s)", i ? " || " : "", quoted ? quoted : "'simple'", param);
        PQfreemem(quoted);
    }
    if (!n)
        px_buf_printf(out, "to_tsquery('simple', %s)", param);
    px_buf_puts(out, ")");
    PQclear(r);
    return PX_OK;
}

static int translate_query(const char *typed, int allow_empty, char **tsq, px_error *err)
{
    *tsq = NULL;
    if (!typed || !*typed)
        return allow_empty ? PX_OK : px_error_set(err, PX_EUSAGE, "empty search query");
    px_error e = {0};
    int rc = px_search_translate_tsquery(typed, tsq, &e);
    return rc ? px_error_set(err, rc, "search \"%s\": %s", typed, e.msg) : PX_OK;
}

#define SEARCH_WHERE                                                                            \
    "WHERE a.tsv @@ q.q "                                                                      \
    "AND ($2::text IS NULL OR lower(s.name) = lower($2) OR lower(s.key) = lower($2)) "         \
    "AND ($3::text IS NULL OR a.date >= $3) "

static int search_run(px_store *s, const px_search_query *q, const char *tsq, cJSON **out, px_error *err)
{
    char since[32] = "";
    int rc = store_normalise_since(q->since, since, err);
    if (rc)
        return rc;
    px_buf query = {0}, sql = {0};
    if ((rc = tsquery_sql(s, "$1", tsq, &query, err)))
        return rc;
    char limit[16], offset[16], options[96];
    snprintf(limit, sizeof limit, "%d", store_clamp_limit(q->limit, 20, 1000));
    snprintf(offset, sizeof offset, "%d", q->offset > 0 ? q->offset : 0);
    snprintf(options, sizeof options, "StartSel=\"\x02\", StopSel=\"\x03\", MaxWords=24, MinWords=12, "
                                      "MaxFragments=1, FragmentDelimiter=\"…\"");
    const char *params[6] = {tsq, q->source && *q->source ? q->source : NULL, *since ? since : NULL, limit, offset,
                             options};
    px_buf_printf(&sql,
                  "WITH q AS (SELECT %s AS q), matches AS MATERIALIZED ("
                  " SELECT a.id, -ts_rank('{0.1, 0.2, 0.4, 1.0}', a.tsv, q.q) AS rank "
                  " FROM articles a CROSS JOIN q LEFT JOIN sources s ON s.id = a.source_id " SEARCH_WHERE "), "
                  "hits AS (SELECT m.id, m.rank, (SELECT count(*) FROM matches) AS total FROM matches m "
                  " ORDER BY m.rank, m.id LIMIT $4 OFFSET $5) "
                  "SELECT a.id, a.ext_id, s.name, s.leaning, a.url, a.title, a.date, sa.story_id, "
                  " ts_headline(a.search_config, a.text, q.q, $6), h.rank, h.total "
                  "FROM hits h JOIN articles a ON a.id = h.id CROSS JOIN q "
                  "LEFT JOIN sources s ON s.id = a.source_id "
                  "LEFT JOIN story_articles sa ON sa.article_id = a.id ORDER BY h.rank, a.id",
                  query.data);
    PGresult *r = pg_query(s, sql.data, 6, params, err, "searching");
    px_buf_free(&sql);
    long long total = 0;
    if (r && PQntuples(r) == 0 && q->offset > 0) { /* past the end: count alone */
        px_buf_printf(&sql, "WITH q AS (SELECT %s AS q) SELECT count(*) FROM articles a CROSS JOIN q "
                            "LEFT JOIN sources s ON s.id = a.source_id " SEARCH_WHERE, query.data);
        PGresult *c = pg_query(s, sql.data, 3, params, err, "searching");
        total = c ? first_id(c) : 0;
        PQclear(c);
        px_buf_free(&sql);
    }
    px_buf_free(&query);
    if (!r)
        return PX_EIO;
    cJSON *res = cJSON_CreateObject();
    cJSON_AddStringToObject(res, "query", q->q);
    int n = PQntuples(r);
    if (n > 0)
        total = strtoll(PQgetvalue(r, 0, 10), NULL, 10);
    cJSON_AddNumberToObject(res, "total", (double)total);
    cJSON *hits = cJSON_AddArrayToObject(res, "results");
    for (int i = 0; i < n; i++) {
        store_row sr = row_at(r, i);
        cJSON_AddItemToArray(hits, store_row_search_hit(&sr, q));
    }
    PQclear(r);
    *out = res;
    return PX_OK;
}

static int pgs_search(px_store *s, const px_search_query *q, cJSON **out, px_error *err)
{
    *out = NULL;
    char *tsq;
    int rc = translate_query(q->q, 0, &tsq, err);
    if (rc == PX_OK)
        rc = search_run(s, q, tsq, out, err);
    free(tsq);
    return rc;
}

/* Any of the words of a title (three letters or more) in titles, as
 * tsquery text. */
static char *any_title_word(const char *title)
{
    px_buf q = {0};
    for (const unsigned char *p = (const unsigned char *)title; *p;) {
        const unsigned char *w = p;
        while (*p && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                      *p >= 0x80))
            p++;
        if (p - w >= 3)
            px_buf_printf(&q, "%s'%.*s':A", q.len ? " | " : "", (int)(p - w), (const char *)w);
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                       *p >= 0x80))
            p++;
    }
    return px_buf_steal(&q);
}

static int pgs_related_stories(px_store *s, int64_t story, const char *before, int limit, int64_t *ids, size_t *n,
                               px_error *err)
{
    *n = 0;
    num id = i64(story);
    const char *params[4] = {id.s, before, NULL, NULL};
    PGresult *r = flush_assignments(s, err) ? NULL
                                            : pg_prepared(s, PG_STORY_TITLE_BEFORE, 2, params, err, "reading a story");
    if (!r)
        return PX_EIO;
    char *words = PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? any_title_word(PQgetvalue(r, 0, 0)) : NULL;
    PQclear(r);
    if (!words)
        return PX_OK;
    px_buf query = {0}, sql = {0};
    int rc = tsquery_sql(s, "$3", words, &query, err);
    char lim[16];
    snprintf(lim, sizeof lim, "%d", limit);
    params[2] = words;
    params[3] = lim;
    if (rc == PX_OK) {
        px_buf_printf(&sql,
                      "SELECT story_id FROM (SELECT sa.story_id, -ts_rank(a.tsv, q.q) AS r "
                      "  FROM (SELECT %s AS q) q JOIN articles a ON a.tsv @@ q.q "
                      "  JOIN story_articles sa ON sa.article_id = a.id JOIN stories o ON o.id = sa.story_id "
                      "  WHERE sa.story_id <> $1 AND o.last_date < $2 ORDER BY r LIMIT 200) m "
                      "GROUP BY story_id ORDER BY min(r), story_id LIMIT $4::int",
                      query.data);
        if (!(r = pg_query(s, sql.data, 4, params, err, "finding related stories")))
            rc = PX_EIO;
    }
    for (int i = 0; rc == PX_OK && i < PQntuples(r) && (int)*n < limit; i++)
        ids[(*n)++] = strtoll(PQgetvalue(r, i, 0), NULL, 10);
    if (rc == PX_OK)
        PQclear(r);
    px_buf_free(&query);
    px_buf_free(&sql);
    free(words);
    return rc;
}

/* ---- the JSON queries --------------------------------------------------- */

static int pgs_counts(px_store *s, px_store_counts *c, px_error *err)
{
    PGresult *r = pg_query(s,
                           "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sources), "
                           "(SELECT count(*) FROM stories WHERE n_articles > 0), (SELECT count(*) FROM dup_groups), "
                           "(SELECT count(*) FROM analyses)",
                           0, NULL, err, "counting");
    if (!r)
        return PX_EIO;
    long long *v[5] = {&c->articles, &c->sources, &c->stories, &c->dup_groups, &c->analyses};
    for (int i = 0; i < 5; i++)
        *v[i] = strtoll(PQgetvalue(r, 0, i), NULL, 10);
    PQclear(r);
    return PX_OK;
}

static int pgs_sources(px_store *s, cJSON **out, px_error *err)
{
    *out = NULL;
    PGresult *r = pg_query(s,
                           "SELECT s.name, s.key, s.leaning, s.country, count(a.id), "
                           "  (SELECT a2.url FROM articles a2 WHERE a2.source_id = s.id AND a2.url IS NOT NULL "
                           "   ORDER BY a2.id LIMIT 1) "
                           "FROM sources s LEFT JOIN articles a ON a.source_id = s.id "
                           "GROUP BY s.id ORDER BY 5 DESC, s.name",
                           0, NULL, err, "listing sources");
    if (!r)
        return PX_EIO;
    cJSON *res = cJSON_CreateObject();
    cJSON *list = cJSON_AddArrayToObject(res, "sources");
    for (int i = 0; i < PQntuples(r); i++) {
        store_row sr = row_at(r, i);
        cJSON_AddItemToArray(list, store_row_source(&sr));
    }
    PQclear(r);
    *out = res;
    return PX_OK;
}

/* Articles per outlet of the stories in ids ("{1,2,3}"), in one query:
 * the rows come in the order of ids, each story's as SQLite orders them.
 * Counted per source id (a source's name is unique) before the sources
 * are joined, to the few rows of the page. */
static PGresult *coverage_of(px_store *s, const char *ids)
{
    const char *params[1] = {ids};
    return pg_query(s,
                    "SELECT coalesce(s.leaning, 'unknown'), s.name, c.n, c.first, c.last, c.story_id "
                    "FROM (SELECT sa.story_id, a.source_id, count(*) AS n, min(a.date) AS first, max(a.date) AS last "
                    "      FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                    "      WHERE sa.story_id = ANY($1::bigint[]) GROUP BY 1, 2) c "
                    "LEFT JOIN sources s ON s.id = c.source_id "
                    "ORDER BY array_position($1::bigint[], c.story_id), 1, 2 NULLS FIRST",
                    1, params, NULL, "reading a story");
}

/* The coverage of story from the rows of coverage_of, from *next on. */
static cJSON *coverage_rows(PGresult *r, int *next, const char *story)
{
    cJSON *cov = cJSON_CreateArray();
    for (; r && *next < PQntuples(r) && strcmp(PQgetvalue(r, *next, 5), story) == 0; (*next)++) {
        store_row sr = row_at(r, *next);
        cJSON_AddItemToArray(cov, store_row_coverage(&sr));
    }
    return cov;
}

static cJSON *story_coverage(px_store *s, const char *story)
{
    char ids[32];
    snprintf(ids, sizeof ids, "{%s}", story);
    PGresult *r = coverage_of(s, ids);
    int next = 0;
    cJSON *cov = coverage_rows(r, &next, story);
    PQclear(r);
    return cov;
}

#define STORY_COLUMNS                                                                           \
    "st.id, st.title, st.first_date, st.last_date, st.n_articles, st.n_sources, "              \
    "EXISTS (SELECT 1 FROM analyses an WHERE an.story_id = st.id)::int, st.updated "

/* The story rows of r with their coverage, read for all of them at once. */
static void add_story_rows(px_store *s, PGresult *r, cJSON *list)
{
    px_buf ids = {0};
    for (int i = 0; i < PQntuples(r); i++)
        px_buf_printf(&ids, "%c%s", i ? ',' : '{', PQgetvalue(r, i, 0));
    px_buf_puts(&ids, ids.len ? "}" : "{}");
    PGresult *cov = coverage_of(s, ids.data);
    px_buf_free(&ids);
    int next = 0;
    for (int i = 0; i < PQntuples(r); i++) {
        store_row sr = row_at(r, i);
        cJSON_AddItemToArray(list, store_row_story_summary(&sr, coverage_rows(cov, &next, PQgetvalue(r, i, 0))));
    }
    PQclear(cov);
}

static int pgs_stories(px_store *s, const px_story_query *q, cJSON **out, px_error *err)
{
    *out = NULL;
    char since[32] = "", *tsq = NULL;
    int rc = store_normalise_since(q->since, since, err);
    if (rc == PX_OK)
        rc = translate_query(q->q, 1, &tsq, err);
    px_buf query = {0}, where = {0}, sql = {0};
    if (rc == PX_OK && tsq)
        rc = tsquery_sql(s, "$2", tsq, &query, err);
    if (rc) {
        free(tsq);
        return rc;
    }
    px_buf_puts(&where, "WHERE st.n_articles > 0 AND ($1::text IS NULL OR st.last_date >= $1) ");
    if (tsq)
        px_buf_printf(&where, "AND st.id IN (SELECT sa.story_id FROM articles a "
                              "JOIN story_articles sa ON sa.article_id = a.id WHERE a.tsv @@ %s) ", query.data);
    else
        px_buf_puts(&where, "AND $2::text IS NULL ");
    char limit[16], offset[16];
    snprintf(limit, sizeof limit, "%d", store_clamp_limit(q->limit, 100, 10000));
    snprintf(offset, sizeof offset, "%d", q->offset > 0 ? q->offset : 0);
    const char *params[4] = {*since ? since : NULL, tsq, limit, offset};
    px_buf_printf(&sql, "SELECT count(*) FROM stories st %s", where.data);
    PGresult *c = pg_query(s, sql.data, 2, params, err, "listing stories");
    sql.len = 0;
    px_buf_printf(&sql, "SELECT " STORY_COLUMNS "FROM stories st %s "
                        "ORDER BY st.last_date DESC NULLS LAST, st.id DESC LIMIT $3::int OFFSET $4::int", where.data);
    PGresult *r = c ? pg_query(s, sql.data, 4, params, err, "listing stories") : NULL;
    px_buf_free(&sql);
    px_buf_free(&where);
    px_buf_free(&query);
    free(tsq);
    if (!r) {
        PQclear(c);
        return PX_EIO;
    }
    cJSON *res = cJSON_CreateObject();
    cJSON_AddNumberToObject(res, "total", (double)first_id(c));
    add_story_rows(s, r, cJSON_AddArrayToObject(res, "stories"));
    PQclear(c);
    PQclear(r);
    *out = res;
    return PX_OK;
}

static int pgs_story_summary(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    *out = NULL;
    num id = i64(story);
    const char *params[1] = {id.s};
    PGresult *r = pg_query(s, "SELECT " STORY_COLUMNS "FROM stories st WHERE st.id = $1 AND st.n_articles > 0", 1,
                           params, err, "reading a story");
    if (!r)
        return PX_EIO;
    if (PQntuples(r) > 0) {
        store_row sr = row_at(r, 0);
        *out = store_row_story_summary(&sr, story_coverage(s, id.s));
    }
    PQclear(r);
    return PX_OK;
}

#define ARTICLE_JSON_COLUMNS                                                                    \
    "a.id, a.ext_id, s.name, s.leaning, s.country, a.url, a.title, a.authors, a.date, "        \
    "a.language, a.highlights, a.text, a.removed, a.extra, a.input_path, a.input_line, "       \
    "a.input_offset, sa.story_id, "                                                            \
    "(SELECT g.canonical_article FROM dup_groups g WHERE g.id = a.dup_group_id "               \
    "   AND g.canonical_article <> a.id), a.ingested_at "

static int pgs_story_articles(px_store *s, int64_t story, cJSON *list, px_error *err)
{
    num id = i64(story);
    const char *params[1] = {id.s};
    PGresult *r = pg_query(s,
                           "SELECT " ARTICLE_JSON_COLUMNS ARTICLE_FROM
                           "WHERE sa.story_id = $1 ORDER BY a.date IS NULL, a.date, a.id",
                           1, params, err, "reading a story");
    if (!r)
        return PX_EIO;
    for (int i = 0; i < PQntuples(r); i++) {
        store_row sr = row_at(r, i);
        cJSON_AddItemToArray(list, store_row_article_json(&sr, 0));
    }
    PQclear(r);
    return PX_OK;
}

static int pgs_article_json(px_store *s, int64_t row, cJSON **out, px_error *err)
{
    *out = NULL;
    num id = i64(row);
    const char *params[1] = {id.s};
    PGresult *r = pg_query(s, "SELECT " ARTICLE_JSON_COLUMNS ARTICLE_FROM "WHERE a.id = $1", 1, params, err,
                           "reading an article");
    if (!r)
        return PX_EIO;
    if (PQntuples(r) > 0) {
        store_row sr = row_at(r, 0);
        *out = store_row_article_json(&sr, 1);
    }
    PQclear(r);
    return PX_OK;
}

/* ---- template text ------------------------------------------------------ */

/* n bytes from 2n hex digits (checked by the caller's length; a digit that
 * is not one reads as 0). Every ingest reads and writes the whole template
 * text, tens of thousands of sketches: no scanf or printf per byte. */
static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
}

static void hex_decode(const char *hex, unsigned char *out, size_t n)
{
    for (size_t k = 0; k < n; k++)
        out[k] = (unsigned char)(hex_digit(hex[2 * k]) << 4 | hex_digit(hex[2 * k + 1]));
}

static int pgs_load_templates(px_store *s, px_templates *t, px_error *err)
{
    PGresult *r = pg_query(s, "SELECT outlet, articles FROM template_outlets", 0, NULL, err, "reading template text");
    if (!r)
        return PX_EIO;
    int rc = PX_OK;
    for (int i = 0; rc == PX_OK && i < PQntuples(r); i++)
        rc = px_templates_restore_outlet(t, (uint64_t)strtoll(PQgetvalue(r, i, 0), NULL, 10),
                                         (uint32_t)strtoll(PQgetvalue(r, i, 1), NULL, 10));
    PQclear(r);
    if (rc == PX_OK && !(r = pg_query(s, "SELECT outlet, line, articles, others, encode(sketch, 'hex') "
                                         "FROM template_lines", 0, NULL, err, "reading template text")))
        return PX_EIO;
    for (int i = 0; rc == PX_OK && i < PQntuples(r); i++) {
        px_template_line l = {(uint64_t)strtoll(PQgetvalue(r, i, 0), NULL, 10),
                              (uint64_t)strtoll(PQgetvalue(r, i, 1), NULL, 10),
                              (uint32_t)strtoll(PQgetvalue(r, i, 2), NULL, 10),
                              (uint32_t)strtoll(PQgetvalue(r, i, 3), NULL, 10), {0}};
        const char *hex = PQgetvalue(r, i, 4);
        if (strlen(hex) == 2 * sizeof l.sketch)
            hex_decode(hex, (unsigned char *)l.sketch, sizeof l.sketch);
        rc = px_templates_restore_line(t, &l);
    }
    if (r)
        PQclear(r);
    return rc == PX_ENOMEM ? px_error_set(err, PX_ENOMEM, "out of memory") : rc;
}

/* The template text as COPY rows (text format), one buffer per table. */
typedef struct template_rows {
    px_buf lines, outlets;
} template_rows;

static int template_outlet_row(uint64_t outlet, uint32_t articles, void *ud)
{
    template_rows *t = ud;
    return px_buf_printf(&t->outlets, "%lld\t%u\n", (long long)outlet, articles) ? PX_ENOMEM : PX_OK;
}

static int template_line_row(const px_template_line *l, void *ud)
{
    template_rows *t = ud;
    int rc = px_buf_printf(&t->lines, "%lld\t%lld\t%lld\t%lld\t\\\\x", (long long)l->outlet, (long long)l->key,
                           (long long)l->articles, (long long)l->others);
    static const char digits[] = "0123456789abcdef";
    const unsigned char *bytes = (const unsigned char *)l->sketch;
    char hex[2 * sizeof l->sketch + 1];
    for (size_t i = 0; i < sizeof l->sketch; i++) {
        hex[2 * i] = digits[bytes[i] >> 4];
        hex[2 * i + 1] = digits[bytes[i] & 15];
    }
    hex[sizeof hex - 1] = '\n';
    rc |= px_buf_append(&t->lines, hex, sizeof hex);
    return rc ? PX_ENOMEM : PX_OK;
}

/* Sends rows with COPY: one round trip for a table of any size. */
static int copy_rows(px_store *s, const char *copy_sql, const px_buf *rows, px_error *err)
{
    PGconn *c = pg(s)->conn;
    if (settle(s, err))
        return PX_EIO;
    PGresult *r = PQexec(c, copy_sql);
    int ok = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!ok)
        return pg_error(s, err, "writing template text");
    ok = (!rows->len || PQputCopyData(c, rows->data, (int)rows->len) == 1) & (PQputCopyEnd(c, NULL) == 1);
    while ((r = PQgetResult(c))) {
        ok &= result_ok(r);
        PQclear(r);
    }
    return ok ? PX_OK : pg_error(s, err, "writing template text");
}

static int pgs_templates_upto(px_store *s, int64_t *row, px_error *err)
{
    PGresult *r = pg_query(s, "SELECT value FROM settings WHERE name = 'templates_upto'", 0, NULL, err,
                           "reading template text");
    *row = r ? first_id(r) : 0;
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static int pgs_save_templates(px_store *s, const px_templates *t, px_error *err)
{
    int rc = pg_exec(s, "DELETE FROM template_outlets; DELETE FROM template_lines;"
                        "INSERT INTO settings(name, value) SELECT 'templates_upto', coalesce(max(id), 0) FROM articles "
                        "ON CONFLICT(name) DO UPDATE SET value = excluded.value;",
                     err, "writing template text");
    if (rc)
        return rc;
    template_rows rows = {{0}, {0}};
    if (px_templates_each(t, template_line_row, template_outlet_row, &rows) != PX_OK)
        rc = px_error_set(err, PX_ENOMEM, "out of memory");
    if (!rc)
        rc = copy_rows(s, "COPY template_lines(outlet, line, articles, others, sketch) FROM STDIN", &rows.lines, err);
    if (!rc)
        rc = copy_rows(s, "COPY template_outlets(outlet, articles) FROM STDIN", &rows.outlets, err);
    px_buf_free(&rows.lines);
    px_buf_free(&rows.outlets);
    return rc;
}

/* ---- the work queue ------------------------------------------------------ */

static int pgs_enqueue(px_store *s, const char *path, int *added, px_error *err)
{
    const char *params[1] = {path};
    PGresult *r = pg_query(s, "INSERT INTO work_items(path) VALUES ($1) ON CONFLICT (path) DO NOTHING", 1, params,
                           err, "registering work");
    if (!r)
        return PX_EIO;
    *added = atoi(PQcmdTuples(r)) > 0;
    PQclear(r);
    return PX_OK;
}

/* Another worker's lock on an item means it is being taken: skip it. */
static int pgs_claim_work(px_store *s, const char *worker, int lease_s, px_work_item *item, px_error *err)
{
    char lease[16];
    snprintf(lease, sizeof lease, "%d", lease_s);
    const char *params[2] = {worker, lease};
    PGresult *r = pg_query(s,
                           "UPDATE work_items w SET state = 'running', worker = $1, attempts = attempts + 1, "
                           " lease_until = now() + $2::int * interval '1 second' "
                           "WHERE w.id = (SELECT id FROM work_items "
                           "  WHERE state = 'pending' OR (state = 'running' AND lease_until < now()) "
                           "  ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                           "RETURNING w.id, w.path",
                           2, params, err, "taking work");
    if (!r)
        return PX_EIO;
    int rc = PX_OK;
    if (PQntuples(r) > 0) {
        item->id = first_id(r);
        if (!(item->path = px_strdup(PQgetvalue(r, 0, 1))))
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
    }
    PQclear(r);
    return rc;
}

static int pgs_renew_work(px_store *s, int64_t id, const char *worker, int lease_s, px_error *err)
{
    num i = i64(id);
    char lease[16];
    snprintf(lease, sizeof lease, "%d", lease_s);
    const char *params[3] = {i.s, lease, worker};
    PGresult *r = pg_query(s, "UPDATE work_items SET lease_until = now() + $2::int * interval '1 second' "
                              "WHERE id = $1 AND state = 'running' AND worker = $3", 3, params, err,
                           "renewing a lease");
    if (!r)
        return PX_EIO;
    int held = atoi(PQcmdTuples(r)) > 0;
    PQclear(r);
    return held ? PX_OK : px_error_set(err, PX_ESTOP, "%s: work item %lld is no longer held by %s", s->path,
                                       (long long)id, worker);
}

static int pgs_work_turn(px_store *s, int64_t id, int *turn, px_error *err)
{
    num i = i64(id);
    const char *params[1] = {i.s};
    PGresult *r = pg_query(s,
                           "SELECT count(*) FILTER (WHERE state = 'running' AND lease_until >= now()), "
                           " count(*) FILTER (WHERE state = 'pending' OR lease_until < now()) "
                           "FROM work_items WHERE id < $1 AND state IN ('pending', 'running')",
                           1, params, err, "reading the queue");
    if (!r)
        return PX_EIO;
    long long running = atoll(PQgetvalue(r, 0, 0)), waiting = atoll(PQgetvalue(r, 0, 1));
    PQclear(r);
    *turn = waiting ? -1 : running ? 0 : 1;
    return PX_OK;
}

static int pgs_release_work(px_store *s, int64_t id, px_error *err)
{
    num i = i64(id);
    const char *params[1] = {i.s};
    PGresult *r = pg_query(s, "UPDATE work_items SET state = 'pending', worker = NULL, lease_until = NULL, "
                              "attempts = greatest(attempts - 1, 0) WHERE id = $1", 1, params, err, "releasing work");
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static int pgs_finish_work(px_store *s, int64_t id, const char *failure, long long articles, px_error *err)
{
    num i = i64(id), n = i64(articles);
    const char *params[3] = {i.s, failure, n.s};
    PGresult *r = pg_query(s,
                           "UPDATE work_items SET state = CASE WHEN $2::text IS NULL THEN 'done' ELSE 'failed' END, "
                           " reason = $2, articles = $3, lease_until = NULL, finished = " NOW_UTC " WHERE id = $1",
                           3, params, err, "finishing work");
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static int pgs_work_queue(px_store *s, cJSON **out, px_error *err)
{
    PGresult *c = pg_query(s,
                           "SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'running'), "
                           " count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed') "
                           "FROM work_items",
                           0, NULL, err, "reading the queue");
    if (!c)
        return PX_EIO;
    PGresult *r = pg_query(s,
                           "SELECT id, path, state, worker, attempts, articles, reason, "
                           " to_char(lease_until AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                           "FROM work_items WHERE state <> 'done' ORDER BY id LIMIT 1000",
                           0, NULL, err, "reading the queue");
    if (!r) {
        PQclear(c);
        return PX_EIO;
    }
    cJSON *res = cJSON_CreateObject();
    static const char *const states[4] = {"pending", "running", "done", "failed"};
    for (int i = 0; i < 4; i++)
        cJSON_AddNumberToObject(res, states[i], (double)atoll(PQgetvalue(c, 0, i)));
    PQclear(c);
    cJSON *items = cJSON_AddArrayToObject(res, "items");
    static const char *const fields[8] = {"id", "path", "state", "worker", "attempts", "articles", "reason",
                                          "lease_until"};
    for (int i = 0; i < PQntuples(r); i++) {
        cJSON *o = cJSON_CreateObject();
        for (int f = 0; f < 8; f++) {
            if (PQgetisnull(r, i, f))
                cJSON_AddNullToObject(o, fields[f]);
            else if (f == 0 || f == 4 || f == 5)
                cJSON_AddNumberToObject(o, fields[f], (double)atoll(PQgetvalue(r, i, f)));
            else
                cJSON_AddStringToObject(o, fields[f], PQgetvalue(r, i, f));
        }
        cJSON_AddItemToArray(items, o);
    }
    PQclear(r);
    *out = res;
    return PX_OK;
}

/* ---- related stories in other languages -------------------------------- */

static int put_evidence(px_store *s, int64_t story, const px_story_evidence *e, const char *text,
                        px_error *err)
{
    num id = i64(story), lo = i64(e->first_day), hi = i64(e->last_day);
    int undated = e->first_day == PX_NO_DAY;
    const char *params[5] = {id.s, e->lang, undated ? NULL : lo.s, undated ? NULL : hi.s, text};
    PGresult *r = pg_run(s,
                         "INSERT INTO story_evidence(story_id, language, first_day, last_day, evidence) "
                         "VALUES ($1, $2, $3, $4, $5) ON CONFLICT(story_id) DO UPDATE SET "
                         "language = excluded.language, first_day = excluded.first_day, "
                         "last_day = excluded.last_day, evidence = excluded.evidence",
                         5, params, err, "storing a story's evidence");
    PQclear(r);
    return r ? PX_OK : PX_EIO;
}

static int pgs_each_evidence_near(px_store *s, int64_t story, const char *lang, long lo, long hi,
                                  store_evidence_fn fn, void *ud, px_error *err)
{
    num id = i64(story), l = i64(lo), h = i64(hi);
    const char *params[4] = {id.s, lang, l.s, h.s};
    PGresult *r = pg_run(s,
                         "SELECT story_id, evidence FROM story_evidence "
                         "WHERE last_day >= $3 AND first_day <= $4 AND story_id <> $1 AND language <> $2",
                         4, params, err, "reading stories' evidence");
    if (!r)
        return PX_EIO;
    int rc = PX_OK;
    for (int i = 0; rc == PX_OK && i < PQntuples(r); i++)
        rc = fn(strtoll(PQgetvalue(r, i, 0), NULL, 10), PQgetvalue(r, i, 1), ud);
    PQclear(r);
    return rc ? px_error_set(err, rc, "out of memory linking a story") : PX_OK;
}

static int set_links(px_store *s, int64_t story, const int64_t *others, const double *scores, size_t n,
                     px_error *err)
{
    num id = i64(story);
    const char *clear[1] = {id.s};
    PGresult *r = pg_run(s, "DELETE FROM story_links WHERE story_id = $1 OR other_id = $1", 1, clear, err,
                         "clearing a story's links");
    PQclear(r);
    for (size_t i = 0; r && i < n; i++) {
        num o = i64(others[i]);
        char score[32];
        snprintf(score, sizeof score, "%.17g", scores[i]);
        const char *params[3] = {id.s, o.s, score};
        r = pg_run(s,
                   "INSERT INTO story_links(story_id, other_id, score) VALUES ($1, $2, $3), ($2, $1, $3) "
                   "ON CONFLICT(story_id, other_id) DO UPDATE SET score = excluded.score",
                   3, params, err, "linking two stories");
        PQclear(r);
    }
    return r ? PX_OK : PX_EIO;
}

static int pgs_put_links(px_store *s, int64_t story, const px_story_evidence *e, const char *text,
                         const int64_t *others, const double *scores, size_t n, px_error *err)
{
    int own = PQtransactionStatus(pg(s)->conn) == PQTRANS_IDLE;
    int rc = own ? pgs_begin(s, err) : PX_OK;
    if (!rc)
        rc = put_evidence(s, story, e, text, err);
    if (!rc)
        rc = set_links(s, story, others, scores, n, err);
    if (own && !rc)
        rc = pgs_commit(s, err);
    if (own && rc)
        pgs_rollback(s);
    return rc;
}

static int pgs_story_links(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    num id = i64(story);
    const char *params[1] = {id.s};
    PGresult *r = pg_query(s,
                           "SELECT l.other_id, e.language, st.title, l.score FROM story_links l "
                           "JOIN stories st ON st.id = l.other_id "
                           "LEFT JOIN story_evidence e ON e.story_id = l.other_id "
                           "WHERE l.story_id = $1 ORDER BY l.score DESC, l.other_id",
                           1, params, err, "reading a story's links");
    if (!r)
        return PX_EIO;
    for (int i = 0; i < PQntuples(r); i++) {
        store_row sr = row_at(r, i);
        store_row_link(&sr, out);
    }
    PQclear(r);
    return PX_OK;
}

static const px_store_backend pg_backend = {
    .close = pgs_close,
    .begin = pgs_begin,
    .commit = pgs_commit,
    .rollback = pgs_rollback,
    .lock_ingest = pgs_lock_ingest,
    .unlock_ingest = pgs_unlock_ingest,
    .add_article = pgs_add_article,
    .find_input = pgs_find_input,
    .get_article = pgs_get_article,
    .get_analysis = pgs_get_analysis,
    .story_stale = pgs_story_stale,
    .put_analysis = pgs_put_analysis,
    .put_fresh_analysis = pgs_put_fresh_analysis,
    .stale_stories = pgs_stale_stories,
    .mark_all_stale = pgs_mark_all_stale,
    .set_duplicate = pgs_set_duplicate,
    .duplicate_of = pgs_duplicate_of,
    .story_for_key = pgs_story_for_key,
    .assign_story = pgs_assign_story,
    .merge_stories = pgs_merge_stories,
    .each_evidence_near = pgs_each_evidence_near,
    .put_links = pgs_put_links,
    .story_links = pgs_story_links,
    .each_article = pgs_each_article,
    .each_article_of = pgs_each_article_of,
    .each_window_article = pgs_each_window_article,
    .each_window_article_in_order = pgs_each_window_article_in_order,
    .each_article_near = pgs_each_article_near,
    .related_stories = pgs_related_stories,
    .counts = pgs_counts,
    .load_templates = pgs_load_templates,
    .save_templates = pgs_save_templates,
    .templates_upto = pgs_templates_upto,
    .search = pgs_search,
    .sources = pgs_sources,
    .stories = pgs_stories,
    .story_summary = pgs_story_summary,
    .story_articles = pgs_story_articles,
    .article_json = pgs_article_json,
    .enqueue = pgs_enqueue,
    .claim_work = pgs_claim_work,
    .renew_work = pgs_renew_work,
    .work_turn = pgs_work_turn,
    .release_work = pgs_release_work,
    .finish_work = pgs_finish_work,
    .work_queue = pgs_work_queue,
    .lost = pgs_lost,
    .reconnect = pgs_reconnect,
};
