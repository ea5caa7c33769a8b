/* store.c - the SQLite store: schema and migrations, writing articles,
 * duplicate groups, stories and analyses, and the queries behind the
 * command line and the web API (see parallax/store.h, docs/store.md). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <sqlite3.h>
#include <zstd.h>

#include "parallax/store.h"
#include "core/grow.h"
#include "store/queries.h"
#include "read/read_internal.h"
#include "store/search_query.h"
#include "core/common_internal.h"
#include "store/store_internal.h"
#include "store/backend.h"

/* Prepared statements, made on first use and kept for the connection. */
enum stmt_id {
    ST_SOURCE_FIND,
    ST_SOURCE_INSERT,
    ST_SOURCE_UPDATE,
    ST_ARTICLE_FIND_HASH,
    ST_ARTICLE_INSERT,
    ST_ARTICLE_GET,
    ST_DUP_FIND,
    ST_DUP_INSERT,
    ST_DUP_SET,
    ST_STORY_FIND_KEY,
    ST_STORY_INSERT,
    ST_STORY_ASSIGN,
    ST_STORY_REFRESH,
    ST_STORY_MOVE,
    ST_STORY_DELETE,
    ST_ANALYSIS_PUT,
    ST_ARTICLE_FIND_INPUT,
    ST_STORY_STALE_GET,
    ST_STORY_STALE_CLEAR,
    ST_STORY_TITLE,
    ST_EVIDENCE_PUT,
    ST_EVIDENCE_NEAR,
    ST_LINKS_CLEAR,
    ST_LINK_PUT,
    ST_LINKS_OF,
    ST_DUPLICATE_OF,
    ST_ARTICLES_OF,
    ST_COUNT
};

/* A stored article row: its columns and joins (article_from_row, each_row). */
#define ARTICLE_COLUMNS                                                                         \
    "a.ext_id, s.name, s.key, s.leaning, s.country, a.url, a.title, a.authors, a.date, "       \
    "a.language, a.highlights, a.text, a.removed, a.extra, a.input_path, a.input_line, "       \
    "a.input_offset, a.id, sa.story_id, (SELECT key FROM stories WHERE id = sa.story_id), "      \
    "a.dup_relation IS NOT NULL "
#define ARTICLE_FROM                                                                            \
    "FROM articles a LEFT JOIN sources s ON s.id = a.source_id "                               \
    "LEFT JOIN story_articles sa ON sa.article_id = a.id "

static const char *const stmt_sql[ST_COUNT] = {
    [ST_SOURCE_FIND] = "SELECT id, key IS NOT ?2, leaning IS NOT ?3, country IS NOT ?4 "
                       "FROM sources WHERE name = ?1",
    [ST_SOURCE_INSERT] = "INSERT INTO sources(name, key, leaning, country) VALUES (?1, ?2, ?3, ?4)",
    [ST_SOURCE_UPDATE] = "UPDATE sources SET key = coalesce(?2, key), leaning = coalesce(?3, leaning), "
                         "country = coalesce(?4, country) WHERE id = ?1",
    [ST_ARTICLE_FIND_HASH] = "SELECT id FROM articles WHERE content_hash = ?1",
    [ST_ARTICLE_INSERT] =
        "INSERT INTO articles(ext_id, source_id, url, title, authors, date, language, highlights, "
        "text, removed, extra, input_path, input_line, input_offset, content_hash, input_hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    [ST_ARTICLE_GET] =
        "SELECT a.ext_id, s.name, s.key, s.leaning, s.country, a.url, a.title, a.authors, a.date, "
        "a.language, a.highlights, a.text, a.removed, a.extra, a.input_path, a.input_line, "
        "a.input_offset FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
    [ST_DUP_FIND] = "SELECT dup_group_id FROM articles WHERE id = ?1",
    [ST_DUP_INSERT] = "INSERT INTO dup_groups(canonical_article) VALUES (?1)",
    [ST_DUP_SET] = "UPDATE articles SET dup_group_id = ?2, dup_relation = ?3 WHERE id = ?1",
    [ST_STORY_FIND_KEY] = "SELECT id FROM stories WHERE key = ?1",
    [ST_STORY_INSERT] = "INSERT INTO stories(key) VALUES (?1)",
    [ST_STORY_ASSIGN] = "INSERT INTO story_articles(article_id, story_id) VALUES (?1, ?2) "
                        "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id",
    [ST_STORY_REFRESH] =
        "UPDATE stories SET "
        " n_articles = (SELECT count(*) FROM story_articles WHERE story_id = ?1),"
        " n_sources = (SELECT count(DISTINCT a.source_id) FROM story_articles sa "
        "   JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?1),"
        /* dated articles only: a story with none stays undated (and lists
         * last), never dated by when it was ingested */
        " first_date = (SELECT min(a.date) "
        "   FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?1),"
        " last_date = (SELECT max(a.date) "
        "   FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?1),"
        " title = (SELECT a.title FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "   WHERE sa.story_id = ?1 AND a.title IS NOT NULL AND a.title <> '' "
        "   ORDER BY a.date IS NULL, a.date, a.id LIMIT 1),"
        " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
        " stale = stale + 1 "
        "WHERE id = ?1",
    [ST_STORY_MOVE] = "UPDATE story_articles SET story_id = ?2 WHERE story_id = ?1",
    /* the analysis goes with it (ON DELETE CASCADE) */
    [ST_STORY_DELETE] = "DELETE FROM stories WHERE id = ?1",
    [ST_ANALYSIS_PUT] = "INSERT INTO analyses(story_id, report, text, html, updated) "
                        "VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                        "ON CONFLICT(story_id) DO UPDATE SET report = excluded.report, "
                        "text = excluded.text, html = excluded.html, updated = excluded.updated",
    [ST_ARTICLE_FIND_INPUT] = "SELECT id FROM articles WHERE input_hash = ?1",
    [ST_STORY_STALE_GET] = "SELECT stale FROM stories WHERE id = ?1",
    /* only when no article came in since the analysis read the story */
    [ST_STORY_STALE_CLEAR] = "UPDATE stories SET stale = 0 WHERE id = ?1 AND stale = ?2",
    [ST_STORY_TITLE] = "UPDATE stories SET title = ?2 WHERE id = ?1",
    [ST_EVIDENCE_PUT] = "INSERT INTO story_evidence(story_id, language, first_day, last_day, evidence) "
                        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(story_id) DO UPDATE SET "
                        "language = excluded.language, first_day = excluded.first_day, "
                        "last_day = excluded.last_day, evidence = excluded.evidence",
    [ST_EVIDENCE_NEAR] = "SELECT story_id, evidence FROM story_evidence "
                         "WHERE last_day >= ?3 AND first_day <= ?4 AND story_id <> ?1 AND language <> ?2",
    [ST_LINKS_CLEAR] = "DELETE FROM story_links WHERE story_id = ?1 OR other_id = ?1",
    [ST_LINK_PUT] = "INSERT OR REPLACE INTO story_links(story_id, other_id, score) VALUES (?1, ?2, ?3), (?2, ?1, ?3)",
    [ST_LINKS_OF] = "SELECT l.other_id, e.language, st.title, l.score FROM story_links l "
                    "JOIN stories st ON st.id = l.other_id "
                    "LEFT JOIN story_evidence e ON e.story_id = l.other_id "
                    "WHERE l.story_id = ?1 ORDER BY l.score DESC, l.other_id",
    [ST_DUPLICATE_OF] = "SELECT g.canonical_article, a.dup_relation FROM articles a "
                        "JOIN dup_groups g ON g.id = a.dup_group_id "
                        "WHERE a.id = ?1 AND g.canonical_article <> a.id",
    [ST_ARTICLES_OF] = "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "WHERE sa.story_id = ?1 ORDER BY a.date IS NULL, a.date, a.id",
};

typedef struct sq_store {
    px_store base;
    int lock_fd; /* the ingest lock, -1 when not held */
    sqlite3 *db;
    sqlite3_stmt *stmt[ST_COUNT];
} sq_store;

static sq_store *sq(px_store *s)
{
    return (sq_store *)s;
}

/* ---- errors ------------------------------------------------------------ */

static int db_error(px_store *s, px_error *err, const char *doing)
{
    int code = sqlite3_extended_errcode(sq(s)->db);
    int primary = code & 0xff;
    const char *hint = "";
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        hint = " (another process holds a lock on the database; try again when it has finished)";
    else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        hint = " (the file is damaged or is not a parallax database)";
    else if (primary == SQLITE_READONLY)
        hint = " (the database is read-only)";
    else if (primary == SQLITE_FULL || code == SQLITE_IOERR_WRITE)
        hint = " (the disk is full or the file may not grow; what was committed before is kept)";
    int status = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB ? PX_EFORMAT : PX_EIO;
    px_error_set(err, status, "%s: %s: %s%s", s->path, doing, sqlite3_errmsg(sq(s)->db), hint);
    if (err)
        snprintf(err->where, sizeof err->where, "%s", s->path);
    return status;
}

/* ---- schema ------------------------------------------------------------ */

/* The search index made again with the pxjoin tokenizer and rebuilt
 * from the articles (a migration whose tokenizer changed). */
#define SEARCH_INDEX_AGAIN                                                                     \
    "DROP TRIGGER articles_fts_insert;"                                                        \
    "DROP TRIGGER articles_fts_delete;"                                                        \
    "DROP TRIGGER articles_fts_update;"                                                        \
    "DROP TABLE articles_fts;"                                                                 \
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"            \
    "  content_rowid='id', tokenize='porter pxjoin');"                                         \
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"                        \
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"     \
    "END;"                                                                                     \
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"                        \
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"                             \
    "  VALUES ('delete', old.id, old.title, old.text);"                                        \
    "END;"                                                                                     \
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"         \
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"                             \
    "  VALUES ('delete', old.id, old.title, old.text);"                                        \
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"     \
    "END;"                                                                                     \
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"

/* Migration i brings the schema from version i to i + 1. Append only. */
static const char *const migrations[] = {
    /* 0 -> 1 */
    "CREATE TABLE sources("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  key TEXT, leaning TEXT, country TEXT);"
    "CREATE TABLE dup_groups("
    "  id INTEGER PRIMARY KEY,"
    "  canonical_article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE);"
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  ext_id TEXT NOT NULL,"
    "  source_id INTEGER REFERENCES sources(id),"
    "  url TEXT, title TEXT,"
    "  authors TEXT NOT NULL DEFAULT '[]',"
    "  date TEXT, language TEXT,"
    "  highlights TEXT NOT NULL DEFAULT '[]',"
    "  text TEXT NOT NULL,"
    "  removed TEXT NOT NULL DEFAULT '[]',"
    "  extra TEXT,"
    "  input_path TEXT, input_line INTEGER, input_offset INTEGER,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  dup_group_id INTEGER REFERENCES dup_groups(id) ON DELETE SET NULL,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX articles_by_date ON articles(date);"
    "CREATE INDEX articles_by_source ON articles(source_id);"
    "CREATE INDEX articles_by_ext_id ON articles(ext_id);"
    "CREATE TABLE stories("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT UNIQUE,"
    "  title TEXT, first_date TEXT, last_date TEXT,"
    "  n_articles INTEGER NOT NULL DEFAULT 0,"
    "  n_sources INTEGER NOT NULL DEFAULT 0,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX stories_by_last_date ON stories(last_date);"
    "CREATE TABLE story_articles("
    "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
    "  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE);"
    "CREATE INDEX story_articles_by_story ON story_articles(story_id);"
    "CREATE TABLE analyses("
    "  story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,"
    "  report TEXT NOT NULL,"
    "  updated TEXT NOT NULL);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
    "  content_rowid='id', tokenize='porter unicode61');"
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    "END;"
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    "  VALUES ('delete', old.id, old.title, old.text);"
    "END;"
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    "  VALUES ('delete', old.id, old.title, old.text);"
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    "END;",
    /* 1 -> 2: the analysis keeps the terminal and HTML renderings next to
     * the JSON report, so show and report print what analyze prints
     * without comparing the articles again. */
    "ALTER TABLE analyses ADD COLUMN text TEXT;"
    "ALTER TABLE analyses ADD COLUMN html TEXT;"
    /* how a copy relates to its group's first article (dedup.h) */
    "ALTER TABLE articles ADD COLUMN dup_relation TEXT;",
    /* 2 -> 3: each outlet's template text, learned as articles come in
     * (px_templates, docs/cleaning.md); hashes as signed 64-bit integers. */
    "CREATE TABLE template_outlets("
    "  outlet INTEGER PRIMARY KEY, articles INTEGER NOT NULL);"
    "CREATE TABLE template_lines("
    "  outlet INTEGER NOT NULL, line INTEGER NOT NULL,"
    "  articles INTEGER NOT NULL, others INTEGER NOT NULL, sketch BLOB NOT NULL,"
    "  PRIMARY KEY(outlet, line)) WITHOUT ROWID;",
    /* 3 -> 4: durable analyses and exact resumes. stories.stale counts the
     * changes to a story since its analysis was stored; it is raised in the
     * transaction that changes the story and cleared when the analysis is
     * stored, so an interrupted ingest leaves its stories flagged for the
     * next one. articles.input_hash is the content hash of the article as
     * read, before template text is removed, so a resumed ingest recognises
     * what it stored already whatever the templates learned since.
     * settings.templates_upto: the last article row the saved template
     * text has learned from. */
    "ALTER TABLE stories ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;"
    "UPDATE stories SET stale = 1 WHERE id NOT IN (SELECT story_id FROM analyses);"
    "CREATE INDEX stories_stale ON stories(stale) WHERE stale > 0;"
    "ALTER TABLE articles ADD COLUMN input_hash TEXT;"
    "CREATE UNIQUE INDEX articles_by_input_hash ON articles(input_hash) WHERE input_hash IS NOT NULL;"
    "CREATE TABLE settings(name TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "INSERT INTO settings(name, value) SELECT 'templates_upto', coalesce(max(id), 0) FROM articles;",
    /* 4 -> 5: the search index also holds each hyphenated word joined up
     * (the pxjoin tokenizer, search_query.h), so that ceasefire finds
     * cease-fire; the index is rebuilt from the articles. */
    SEARCH_INDEX_AGAIN,
    /* 5 -> 6: Chinese, Japanese and Korean indexed as pairs of characters
     * (search_query.h); the index is made again the same way. */
    SEARCH_INDEX_AGAIN,
    /* 6 -> 7: related stories in other languages (docs/links.md): each
     * story's evidence, kept with its analysis, and the links between
     * stories, one row each way. A story analysed before has no evidence
     * until it is analysed again (`parallax reanalyze`). */
    "CREATE TABLE story_evidence("
    "  story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,"
    "  language TEXT NOT NULL, first_day INTEGER, last_day INTEGER, evidence TEXT NOT NULL);"
    "CREATE INDEX story_evidence_by_day ON story_evidence(last_day) WHERE last_day IS NOT NULL;"
    "CREATE TABLE story_links("
    "  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
    "  other_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
    "  score REAL NOT NULL, PRIMARY KEY(story_id, other_id)) WITHOUT ROWID;"
    "CREATE INDEX story_links_by_other ON story_links(other_id);",
    /* 7 -> 8: the story list's order (ORDER BY last_date DESC, id DESC)
     * read from an index instead of sorting every story per page */
    "CREATE INDEX IF NOT EXISTS stories_listed ON stories(last_date DESC, id DESC) WHERE n_articles > 0;",
};
#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])
_Static_assert(N_MIGRATIONS == PX_STORE_SCHEMA_VERSION, "one migration per schema version");

static int exec(px_store *s, const char *sql, px_error *err, const char *doing)
{
    if (sqlite3_exec(sq(s)->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, err, doing);
    return PX_OK;
}

static int user_version(px_store *s, int *version, px_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading the schema version");
    int rc = sqlite3_step(st);
    *version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return db_error(s, err, "reading the schema version");
    return PX_OK;
}

/* A non-empty database with user_version 0 that has no articles table was
 * made by something else; refuse it rather than add our tables to it. */
static int foreign_database(px_store *s)
{
    sqlite3_stmt *st;
    int foreign = 0;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            foreign = sqlite3_column_int(st, 0) > 0;
        sqlite3_finalize(st);
    }
    return foreign;
}

static int migrate(px_store *s, px_error *err)
{
    int version;
    int rc = user_version(s, &version, err);
    if (rc)
        return rc;
    if (version > (int)N_MIGRATIONS)
        return px_error_set(err, PX_EFORMAT,
                            "%s: database schema version %d is newer than this parallax knows (%d)",
                            s->path, version, (int)N_MIGRATIONS);
    if (version == (int)N_MIGRATIONS)
        return PX_OK;
    if (s->readonly)
        return px_error_set(err, PX_EFORMAT, "%s: database schema version %d needs migrating; open it "
                                             "for writing once", s->path, version);
    if ((rc = exec(s, "BEGIN IMMEDIATE", err, "starting the schema migration")))
        return rc;
    if (version == 0 && foreign_database(s)) {
        px_store_rollback(s);
        return px_error_set(err, PX_EFORMAT, "%s: an SQLite database, but not a parallax one", s->path);
    }
    for (int v = version; v < (int)N_MIGRATIONS; v++) {
        if ((rc = exec(s, migrations[v], err, "migrating the schema"))) {
            px_store_rollback(s);
            return rc;
        }
    }
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", (int)N_MIGRATIONS);
    if ((rc = exec(s, sql, err, "migrating the schema")) || (rc = exec(s, "COMMIT", err, "migrating the schema"))) {
        px_store_rollback(s);
        return rc;
    }
    return PX_OK;
}

static int configure(px_store *s, int busy_ms, px_error *err)
{
    int rc;
    sqlite3_busy_timeout(sq(s)->db, busy_ms);
    sqlite3_extended_result_codes(sq(s)->db, 1);
    if (px_search_register_tokenizer(sq(s)->db) != SQLITE_OK)
        return db_error(s, err, "registering the search tokenizer");
    if ((rc = exec(s, "PRAGMA foreign_keys = ON", err, "enabling foreign keys")))
        return rc;
    /* A larger page cache and memory-mapped reads: ingest re-reads the
     * FTS and story pages it has just written. */
    if ((rc = exec(s, "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456", err,
                   "sizing the page cache")))
        return rc;
    /* Reading the schema is the first access to the file's pages: a corrupt
     * file or one that is not a database fails here with a clear message. */
    if ((rc = exec(s, "SELECT count(*) FROM sqlite_schema", err, "reading the database")))
        return rc;
    if (!s->readonly && strcmp(s->path, ":memory:") != 0) {
        if ((rc = exec(s, "PRAGMA journal_mode = WAL", err, "switching to WAL mode")))
            return rc;
        if ((rc = exec(s, "PRAGMA synchronous = NORMAL", err, "setting synchronous mode")))
            return rc;
    }
    return migrate(s, err);
}

/* "file:PATH?immutable=1" with the path percent-encoded where a URI needs it. */
static char *immutable_uri(const char *path)
{
    px_buf b = {0};
    px_buf_puts(&b, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
            px_buf_printf(&b, "%%%02X", *p);
        else
            px_buf_append(&b, (const char *)p, 1);
    }
    px_buf_puts(&b, "?immutable=1");
    return px_buf_steal(&b);
}

static int open_as(px_store *s, const char *name, int oflags, int busy_ms, px_error *err)
{
    if (sqlite3_open_v2(name, &sq(s)->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return sq(s)->db ? db_error(s, err, "cannot open the database")
                     : px_error_set(err, PX_ENOMEM, "%s: out of memory", s->path);
    return configure(s, busy_ms, err);
}

/* Reading a WAL database needs its -shm file, which SQLite creates next to
 * it: in a read-only folder (or of a read-only file) that fails. Nothing
 * can write there either, so the file is opened as immutable: no locks, no
 * side files. */
static int open_read_only_folder(px_store *s, int busy_ms, px_error *err)
{
    int primary = sqlite3_errcode(sq(s)->db) & 0xff;
    if (primary != SQLITE_READONLY && primary != SQLITE_CANTOPEN)
        return -1;
    sqlite3_close(sq(s)->db);
    sq(s)->db = NULL;
    char *uri = immutable_uri(s->path);
    if (!uri)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    int rc = open_as(s, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, busy_ms, err);
    free(uri);
    return rc;
}

static const px_store_backend sqlite_backend;

int px_sqlite_store_open(px_store **out, const char *path, int flags, int busy_ms, px_error *err)
{
    *out = NULL;
    sq_store *q = calloc(1, sizeof *q);
    px_store *s = q ? &q->base : NULL;
    if (!s || !(s->path = px_strdup(path))) {
        free(q);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    s->ops = &sqlite_backend;
    q->lock_fd = -1;
    s->readonly = (flags & PX_STORE_READONLY) != 0;
    int oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = open_as(s, path, oflags, busy_ms, err);
    if (rc && s->readonly && sq(s)->db && strcmp(path, ":memory:") != 0) {
        px_error first;
        if (err)
            first = *err;
        int again = open_read_only_folder(s, busy_ms, err);
        if (again == -1 && err)
            *err = first;
        rc = again == -1 ? rc : again;
    }
    if (rc) {
        px_store_close(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

static void sq_unlock_ingest(px_store *s)
{
    if (sq(s)->lock_fd >= 0)
        close(sq(s)->lock_fd);
    sq(s)->lock_fd = -1;
}

/* flock(2) on DB-ingest.lock, released by the kernel when the process
 * dies, so a killed ingest never leaves it held. */
static int sq_lock_ingest(px_store *s, int no_wait, void (*on_wait)(const char *db, void *ud), void *ud,
                          px_error *err)
{
    const char *db = s->path;
    if (strcmp(db, ":memory:") == 0)
        return PX_OK;
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s-ingest.lock", db) >= sizeof path)
        return px_error_set(err, PX_EUSAGE, "%s: path too long", db);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return px_error_set(err, PX_EIO, "%s: cannot open the ingest lock: %s", path, strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || no_wait) {
            int e = errno;
            close(fd);
            return e == EWOULDBLOCK
                       ? px_error_set(err, PX_EIO, "%s: another ingest is running on this database", db)
                       : px_error_set(err, PX_EIO, "%s: cannot lock: %s", path, strerror(e));
        }
        if (on_wait)
            on_wait(db, ud);
        int rc;
        while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
            ;
        if (rc != 0) {
            int e = errno;
            close(fd);
            return px_error_set(err, PX_EIO, "%s: cannot lock: %s", path, strerror(e));
        }
    }
    sq_unlock_ingest(s);
    sq(s)->lock_fd = fd;
    return PX_OK;
}

static void sq_close(px_store *s)
{
    sq_unlock_ingest(s);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(sq(s)->stmt[i]);
    sqlite3_close(sq(s)->db);
    free(s->path);
    free(sq(s));
}

/* ---- statements -------------------------------------------------------- */

static sqlite3_stmt *stmt(px_store *s, enum stmt_id id, px_error *err)
{
    if (!sq(s)->stmt[id] &&
        sqlite3_prepare_v3(sq(s)->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &sq(s)->stmt[id], NULL) !=
            SQLITE_OK) {
        db_error(s, err, "preparing a statement");
        return NULL;
    }
    sqlite3_reset(sq(s)->stmt[id]);
    sqlite3_clear_bindings(sq(s)->stmt[id]);
    return sq(s)->stmt[id];
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Binds an owned string; frees it whatever happens. */
static void bind_owned(sqlite3_stmt *st, int i, char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, free);
    else
        sqlite3_bind_null(st, i);
}

/* Steps a statement that returns no rows (or whose rows are ignored). */
static int run(px_store *s, sqlite3_stmt *st, px_error *err, const char *doing)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        int status = db_error(s, err, doing);
        sqlite3_reset(st);
        return status;
    }
    sqlite3_reset(st);
    return PX_OK;
}

/* ---- transactions ------------------------------------------------------ */

static int sq_begin(px_store *s, px_error *err)
{
    return exec(s, "BEGIN IMMEDIATE", err, "starting a transaction");
}

static int sq_commit(px_store *s, px_error *err)
{
    return exec(s, "COMMIT", err, "committing");
}

static void sq_rollback(px_store *s)
{
    if (!sqlite3_get_autocommit(sq(s)->db))
        sqlite3_exec(sq(s)->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The row id of the article's source, inserted or updated as needed. */
static int source_row(px_store *s, const px_article *a, sqlite3_int64 *row, px_error *err)
{
    *row = 0;
    if (!a->source || !*a->source)
        return PX_OK;
    sqlite3_stmt *st = stmt(s, ST_SOURCE_FIND, err);
    if (!st)
        return err ? err->code : PX_EIO;
    bind_text(st, 1, a->source);
    bind_text(st, 2, a->source_key);
    bind_text(st, 3, a->leaning);
    bind_text(st, 4, a->country);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *row = sqlite3_column_int64(st, 0);
        int changed = (a->source_key && sqlite3_column_int(st, 1)) ||
                      (a->leaning && sqlite3_column_int(st, 2)) ||
                      (a->country && sqlite3_column_int(st, 3));
        sqlite3_reset(st);
        if (!changed)
            return PX_OK;
        st = stmt(s, ST_SOURCE_UPDATE, err);
        if (!st)
            return err ? err->code : PX_EIO;
        sqlite3_bind_int64(st, 1, *row);
    } else if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        st = stmt(s, ST_SOURCE_INSERT, err);
        if (!st)
            return err ? err->code : PX_EIO;
        bind_text(st, 1, a->source);
    } else {
        sqlite3_reset(st);
        return db_error(s, err, "looking up a source");
    }
    bind_text(st, 2, a->source_key);
    bind_text(st, 3, a->leaning);
    bind_text(st, 4, a->country);
    if ((rc = run(s, st, err, "storing a source")))
        return rc;
    if (!*row)
        *row = sqlite3_last_insert_rowid(sq(s)->db);
    return PX_OK;
}

/* Runs a prepared one-parameter lookup whose first column is a row id;
 * *row is 0 when nothing matched. */
static int lookup_row(px_store *s, enum stmt_id id, const char *key, int64_t *row, px_error *err,
                      const char *doing)
{
    sqlite3_stmt *st = stmt(s, id, err);
    if (!st)
        return err ? err->code : PX_EIO;
    bind_text(st, 1, key);
    int rc = sqlite3_step(st);
    *row = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(s, err, doing);
    return PX_OK;
}

static int sq_find_input(px_store *s, const char *input_hash, int64_t *row, px_error *err)
{
    return lookup_row(s, ST_ARTICLE_FIND_INPUT, input_hash, row, err, "looking up an article");
}

static int sq_add_article(px_store *s, const px_article *a, const char *input_hash, int64_t *row,
                                 int *added, px_error *err)
{
    char hash[33];
    int64_t existing;
    px_store_content_hash(a, hash);
    if (added)
        *added = 0;
    int rc = lookup_row(s, ST_ARTICLE_FIND_HASH, hash, &existing, err, "looking up an article");
    if (rc)
        return rc;
    if (existing) {
        if (row)
            *row = existing;
        return PX_OK;
    }
    sqlite3_int64 source;
    if ((rc = source_row(s, a, &source, err)))
        return rc;
    sqlite3_stmt *st = stmt(s, ST_ARTICLE_INSERT, err);
    if (!st)
        return err ? err->code : PX_EIO;
    bind_text(st, 1, a->id ? a->id : hash);
    if (source)
        sqlite3_bind_int64(st, 2, source);
    bind_text(st, 3, a->url);
    bind_text(st, 4, a->title);
    bind_owned(st, 5, store_strlist_json(&a->authors));
    bind_text(st, 6, a->date);
    bind_text(st, 7, a->language);
    bind_owned(st, 8, store_strlist_json(&a->highlights));
    bind_text(st, 9, a->body ? a->body : "");
    bind_owned(st, 10, store_removed_json(a));
    bind_text(st, 11, a->extra_json);
    bind_text(st, 12, a->input_path);
    if (a->input_line > 0)
        sqlite3_bind_int64(st, 13, a->input_line);
    if (a->input_offset >= 0)
        sqlite3_bind_int64(st, 14, a->input_offset);
    bind_text(st, 15, hash);
    bind_text(st, 16, input_hash);
    if ((rc = run(s, st, err, "storing an article")))
        return rc;
    if (row)
        *row = sqlite3_last_insert_rowid(sq(s)->db);
    if (added)
        *added = 1;
    return PX_OK;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* A statement's current row as backend.h's store_row. */
static const char *row_text(const store_row *r, int i)
{
    return (const char *)sqlite3_column_text((sqlite3_stmt *)r->impl, i);
}

static int row_is_null(const store_row *r, int i)
{
    return sqlite3_column_type((sqlite3_stmt *)r->impl, i) == SQLITE_NULL;
}

static int64_t row_int64(const store_row *r, int i)
{
    return sqlite3_column_int64((sqlite3_stmt *)r->impl, i);
}

static double row_double(const store_row *r, int i)
{
    return sqlite3_column_double((sqlite3_stmt *)r->impl, i);
}

static size_t row_bytes(const store_row *r, int i)
{
    return (size_t)sqlite3_column_bytes((sqlite3_stmt *)r->impl, i);
}

static store_row row_of(sqlite3_stmt *st)
{
    return (store_row){row_text, row_is_null, row_int64, row_double, row_bytes, st, 0};
}

static px_article *article_from_row(sqlite3_stmt *st)
{
    store_row r = row_of(st);
    return store_row_article(&r);
}

static int sq_get_article(px_store *s, int64_t row, px_article **out, px_error *err)
{
    *out = NULL;
    sqlite3_stmt *st = stmt(s, ST_ARTICLE_GET, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, row);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = article_from_row(st);
        sqlite3_reset(st);
        return *out ? PX_OK : px_error_set(err, PX_ENOMEM, "out of memory");
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading an article");
}

/* ---- duplicates, stories, analyses ------------------------------------- */

static int dup_group_of(px_store *s, int64_t article, int64_t *group, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_DUP_FIND, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, article);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        return px_error_set(err, PX_EUSAGE, "%s: no article with row id %lld", s->path, (long long)article);
    }
    *group = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? PX_OK : db_error(s, err, "reading a duplicate group");
}

static int set_dup_group(px_store *s, int64_t article, int64_t group, const char *relation, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_DUP_SET, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, group);
    bind_text(st, 3, relation);
    return run(s, st, err, "setting a duplicate group");
}

static int sq_set_duplicate(px_store *s, int64_t article, int64_t canonical, const char *relation,
                           px_error *err)
{
    int64_t group;
    int rc = dup_group_of(s, canonical, &group, err);
    if (rc)
        return rc;
    if (!group) {
        sqlite3_stmt *st = stmt(s, ST_DUP_INSERT, err);
        if (!st)
            return err ? err->code : PX_EIO;
        sqlite3_bind_int64(st, 1, canonical);
        if ((rc = run(s, st, err, "creating a duplicate group")))
            return rc;
        group = sqlite3_last_insert_rowid(sq(s)->db);
        if ((rc = set_dup_group(s, canonical, group, NULL, err)))
            return rc;
    }
    return article == canonical ? PX_OK : set_dup_group(s, article, group, relation, err);
}

static int sq_story_for_key(px_store *s, const char *key, int create, int64_t *story, px_error *err)
{
    int rc = lookup_row(s, ST_STORY_FIND_KEY, key, story, err, "looking up a story");
    if (rc || *story || !create)
        return rc;
    sqlite3_stmt *st = stmt(s, ST_STORY_INSERT, err);
    if (!st)
        return err ? err->code : PX_EIO;
    bind_text(st, 1, key);
    if ((rc = run(s, st, err, "creating a story")))
        return rc;
    *story = sqlite3_last_insert_rowid(sq(s)->db);
    return PX_OK;
}

/* Recomputes a story's title, dates and counts from its articles. */
static int refresh_story(px_store *s, int64_t story, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_STORY_REFRESH, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    return run(s, st, err, "updating a story");
}

static int sq_assign_story(px_store *s, int64_t article, int64_t story, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_STORY_ASSIGN, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, story);
    int rc = run(s, st, err, "assigning an article to a story");
    return rc ? rc : refresh_story(s, story, err);
}

static int sq_merge_stories(px_store *s, int64_t from, int64_t into, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_STORY_MOVE, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, into);
    int rc = run(s, st, err, "moving a story's articles");
    if (rc)
        return rc;
    if (!(st = stmt(s, ST_STORY_DELETE, err)))
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, from);
    if ((rc = run(s, st, err, "removing a merged story")))
        return rc;
    return refresh_story(s, into, err);
}

/* Analyses are stored zstd-compressed: the JSON, terminal and HTML
 * renderings repeat the same sentences and markup, and compress about
 * tenfold, which keeps a store of many stories small. */
static int bind_compressed(sqlite3_stmt *st, int i, const char *v)
{
    if (!v) {
        sqlite3_bind_null(st, i);
        return PX_OK;
    }
    size_t len = strlen(v), cap = ZSTD_compressBound(len);
    void *z = malloc(cap ? cap : 1);
    if (!z)
        return PX_ENOMEM;
    size_t n = ZSTD_compress(z, cap, v, len, 3);
    if (ZSTD_isError(n)) {
        free(z);
        return PX_ENOMEM;
    }
    sqlite3_bind_blob(st, i, z, (int)n, free);
    return PX_OK;
}

static int sq_put_analysis(px_store *s, int64_t story, const px_stored_analysis *an, px_error *err)
{
    if (!an || !an->report)
        return px_error_set(err, PX_EUSAGE, "an analysis needs its JSON report");
    sqlite3_stmt *st = stmt(s, ST_ANALYSIS_PUT, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    if (bind_compressed(st, 2, an->report) || bind_compressed(st, 3, an->text) ||
        bind_compressed(st, 4, an->html)) {
        sqlite3_clear_bindings(st);
        return px_error_set(err, PX_ENOMEM, "out of memory compressing an analysis");
    }
    int rc = run(s, st, err, "storing an analysis");
    if (rc || !an->headline || !*an->headline)
        return rc;
    /* the story is named by what its articles share (summary.h) */
    if (!(st = stmt(s, ST_STORY_TITLE, err)))
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    bind_text(st, 2, an->headline);
    return run(s, st, err, "naming a story");
}

static int sq_story_stale(px_store *s, int64_t story, int64_t *stale, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_STORY_STALE_GET, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    int rc = sqlite3_step(st);
    *stale = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading a story");
}

static int sq_put_fresh_analysis(px_store *s, int64_t story, const px_stored_analysis *an, int64_t seen_stale,
                                px_error *err)
{
    int own = sqlite3_get_autocommit(sq(s)->db);
    int rc = own ? px_store_begin(s, err) : PX_OK;
    if (!rc)
        rc = px_store_put_analysis(s, story, an, err);
    sqlite3_stmt *st = rc ? NULL : stmt(s, ST_STORY_STALE_CLEAR, err);
    if (!rc && !st)
        rc = err ? err->code : PX_EIO;
    if (!rc) {
        sqlite3_bind_int64(st, 1, story);
        sqlite3_bind_int64(st, 2, seen_stale);
        rc = run(s, st, err, "marking an analysis current");
    }
    if (own && !rc)
        rc = px_store_commit(s, err);
    if (own && rc)
        px_store_rollback(s);
    return rc;
}

static int sq_stale_stories(px_store *s, int64_t **ids, size_t *n, px_error *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT id FROM stories WHERE stale > 0 ORDER BY id", -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "listing the stories to analyse");
    size_t cap = 0;
    int step, rc = PX_OK;
    while (rc == PX_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (px_grow(ids, &cap, *n + 1, sizeof **ids, 64, 0))
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
        else
            (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    if (rc == PX_OK && step != SQLITE_DONE)
        rc = db_error(s, err, "listing the stories to analyse");
    sqlite3_finalize(st);
    if (rc) {
        free(*ids);
        *ids = NULL;
        *n = 0;
    }
    return rc;
}

static int sq_mark_all_stale(px_store *s, px_error *err)
{
    return exec(s, "UPDATE stories SET stale = stale + 1", err, "marking the stories to analyse");
}

/* A column as a new string: a zstd frame (BLOB) is decompressed, text is
 * copied as it is (schema version 1 stored plain text). */
static char *col_dup(sqlite3_stmt *st, int i, int *bad)
{
    int type = sqlite3_column_type(st, i); /* before any conversion */
    const void *v = sqlite3_column_blob(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    if (!v)
        return NULL;
    if (type != SQLITE_BLOB)
        return px_strndup(v, n);
    unsigned long long size = ZSTD_getFrameContentSize(v, n);
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > ((size_t)1 << 31)) {
        *bad = 1;
        return NULL;
    }
    char *out = malloc((size_t)size + 1);
    size_t got = out ? ZSTD_decompress(out, (size_t)size, v, n) : 0;
    if (!out || ZSTD_isError(got) || got != size) {
        free(out);
        *bad = 1;
        return NULL;
    }
    out[got] = '\0';
    return out;
}

static int sq_get_analysis(px_store *s, int64_t story, px_stored_analysis *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT report, text, html, updated FROM analyses WHERE story_id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading an analysis");
    sqlite3_bind_int64(st, 1, story);
    int rc = sqlite3_step(st), bad = 0;
    if (rc == SQLITE_ROW) {
        out->report = col_dup(st, 0, &bad);
        out->text = col_dup(st, 1, &bad);
        out->html = col_dup(st, 2, &bad);
        out->updated = col_dup(st, 3, &bad);
    }
    sqlite3_finalize(st);
    if (bad) {
        px_stored_analysis_free(out);
        return px_error_set(err, PX_EFORMAT, "%s: the stored analysis of story %lld cannot be read "
                            "(out of memory or damaged); ingest refreshes it", s->path, (long long)story);
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading an analysis");
}

static int sq_duplicate_of(px_store *s, int64_t article, int64_t *canonical, char relation[16], px_error *err)
{
    *canonical = 0;
    if (relation)
        relation[0] = '\0';
    sqlite3_stmt *st = stmt(s, ST_DUPLICATE_OF, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, article);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *canonical = sqlite3_column_int64(st, 0);
        const char *r = (const char *)sqlite3_column_text(st, 1);
        if (relation)
            snprintf(relation, 16, "%s", r ? r : "");
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading a duplicate group");
}

/* ---- iterating articles ------------------------------------------------ */

static int each_row(px_store *s, sqlite3_stmt *st, px_stored_article_fn fn, void *ud, px_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        px_article *a = article_from_row(st);
        if (!a)
            return px_error_set(err, PX_ENOMEM, "out of memory");
        px_stored_article item = {
            .row = sqlite3_column_int64(st, 17),
            .story = sqlite3_column_type(st, 18) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 18),
            .story_key = col_text(st, 19),
            .is_copy = sqlite3_column_int(st, 20),
            .a = a,
        };
        int stop = fn(&item, ud);
        px_article_free(a);
        if (stop)
            return px_error_set(err, PX_ESTOP, "stopped");
    }
    return rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading articles");
}

/* Runs sql (one optional parameter: a number) and hands over every row. */
/* param (when not NULL) is ?1, window_articles ?2, upto ?3. */
static int each_query(px_store *s, const char *sql, const double *param, uint64_t window_articles,
                      int64_t upto, px_stored_article_fn fn, void *ud, px_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading articles");
    if (param) {
        sqlite3_bind_double(st, 1, *param);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)window_articles);
        sqlite3_bind_int64(st, 3, upto);
    }
    int rc = each_row(s, st, fn, ud, err);
    sqlite3_finalize(st);
    return rc;
}

/* The undated stories the clusterer keeps open (px_cluster_opts.
 * window_articles, article ids as arrival positions): those holding one of
 * the last N placed articles (counted back from row UPTO when it is
 * lower), or every one when N is 0. */
#define UNDATED_OPEN(N, UPTO)                                                                   \
    "(st.last_date IS NULL AND (" N " = 0 OR st.id IN (SELECT story_id FROM story_articles "   \
    "   WHERE article_id >= min((SELECT max(article_id) FROM story_articles), " UPTO ") - " N ")))"

static int sq_each_article_near(px_store *s, const char *lo, const char *hi, double window_days,
                               uint64_t window_articles, px_stored_article_fn fn, void *ud, px_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db,
                           "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "JOIN stories st ON st.id = sa.story_id "
                           "WHERE " UNDATED_OPEN("?4", "?5") " OR (st.last_date >= date(?1, printf('-%f days', ?3)) "
                           "  AND st.first_date <= date(?2, printf('+%f days', ?3))) "
                           "ORDER BY st.last_date, st.id, a.date IS NULL, a.date, a.id",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading articles");
    bind_text(st, 1, lo);
    bind_text(st, 2, hi);
    sqlite3_bind_double(st, 3, window_days);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)window_articles);
    sqlite3_bind_int64(st, 5, INT64_MAX);
    int rc = each_row(s, st, fn, ud, err);
    sqlite3_finalize(st);
    return rc;
}

/* Any of the words of a title, each quoted, in titles, as an FTS5 query. */
static char *any_word_query(const char *title)
{
    px_buf q = {0};
    for (const unsigned char *p = (const unsigned char *)title; *p;) {
        const unsigned char *w = p;
        while (*p && (isalnum(*p) || *p >= 0x80))
            p++;
        if (p - w >= 3)
            px_buf_printf(&q, "%s\"%.*s\"", q.len ? " OR " : "title : (", (int)(p - w), (const char *)w);
        while (*p && !(isalnum(*p) || *p >= 0x80))
            p++;
    }
    if (!q.len)
        return NULL;
    px_buf_puts(&q, ")");
    return px_buf_steal(&q);
}

static int sq_related_stories(px_store *s, int64_t story, const char *before, int limit, int64_t *ids, size_t *n,
                             px_error *err)
{
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db,
                           "SELECT title FROM stories WHERE id = ?1 "
                           "AND EXISTS (SELECT 1 FROM stories o WHERE o.last_date < ?2)",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading a story");
    sqlite3_bind_int64(st, 1, story);
    bind_text(st, 2, before);
    char *q = sqlite3_step(st) == SQLITE_ROW && col_text(st, 0) ? any_word_query(col_text(st, 0)) : NULL;
    sqlite3_finalize(st);
    if (!q)
        return PX_OK;
    int rc = sqlite3_prepare_v2(sq(s)->db,
                                "SELECT story_id FROM (SELECT sa.story_id AS story_id, articles_fts.rank AS r "
                                "  FROM articles_fts JOIN story_articles sa ON sa.article_id = articles_fts.rowid "
                                "  JOIN stories o ON o.id = sa.story_id "
                                "  WHERE articles_fts MATCH ?1 AND sa.story_id <> ?2 AND o.last_date < ?4 "
                                "  ORDER BY articles_fts.rank LIMIT 200) GROUP BY story_id ORDER BY min(r) LIMIT ?3",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        free(q);
        return db_error(s, err, "finding related stories");
    }
    bind_text(st, 1, q);
    sqlite3_bind_int64(st, 2, story);
    sqlite3_bind_int(st, 3, limit);
    bind_text(st, 4, before);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && (int)*n < limit)
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    free(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PX_OK : db_error(s, err, "finding related stories");
}

#define WINDOW_ARTICLES                                                                         \
    "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "JOIN stories st ON st.id = sa.story_id "            \
    "WHERE " UNDATED_OPEN("?2", "?3")                                                           \
    "   OR st.last_date >= (SELECT date(max(last_date), printf('-%f days', ?1)) FROM stories) "

static int sq_each_window_article(px_store *s, double window_days, uint64_t window_articles,
                                 px_stored_article_fn fn, void *ud, px_error *err)
{
    return each_query(s, WINDOW_ARTICLES "ORDER BY st.last_date, st.id, a.date IS NULL, a.date, a.id",
                      &window_days, window_articles, INT64_MAX, fn, ud, err);
}

static int sq_each_window_article_in_order(px_store *s, double window_days, uint64_t window_articles,
                                           int64_t upto, px_stored_article_fn fn, void *ud, px_error *err)
{
    return each_query(s, WINDOW_ARTICLES "ORDER BY a.id", &window_days, window_articles, upto, fn, ud, err);
}

static int sq_each_article_of(px_store *s, int64_t story, px_stored_article_fn fn, void *ud,
                             px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_ARTICLES_OF, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_double(st, 1, (double)story);
    int rc = each_row(s, st, fn, ud, err);
    sqlite3_reset(st);
    return rc;
}

static int sq_each_article(px_store *s, px_stored_article_fn fn, void *ud, px_error *err)
{
    return each_query(s, "SELECT " ARTICLE_COLUMNS ARTICLE_FROM "ORDER BY a.id", NULL, 0, 0, fn, ud, err);
}

/* ---- queries ----------------------------------------------------------- */

static long long count_of(px_store *s, const char *sql, px_error *err, int *rc)
{
    sqlite3_stmt *st;
    long long n = 0;
    if (sqlite3_prepare_v2(sq(s)->db, sql, -1, &st, NULL) != SQLITE_OK) {
        *rc = db_error(s, err, "counting");
        return 0;
    }
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    else
        *rc = db_error(s, err, "counting");
    sqlite3_finalize(st);
    return n;
}

static int sq_counts_get(px_store *s, px_store_counts *c, px_error *err)
{
    int rc = PX_OK;
    c->articles = count_of(s, "SELECT count(*) FROM articles", err, &rc);
    c->sources = count_of(s, "SELECT count(*) FROM sources", err, &rc);
    c->stories = count_of(s, "SELECT count(*) FROM stories WHERE n_articles > 0", err, &rc);
    c->dup_groups = count_of(s, "SELECT count(*) FROM dup_groups", err, &rc);
    c->analyses = count_of(s, "SELECT count(*) FROM analyses", err, &rc);
    return rc;
}

/* The typed query has been translated (search_query.h), so FTS5 should not
 * reject it; if it does, the message still speaks of the search, not SQL. */
static int query_error(px_store *s, px_error *err, const char *q)
{
    const char *msg = sqlite3_errmsg(sq(s)->db);
    if (q && (strstr(msg, "fts5") || strstr(msg, "syntax error") || strstr(msg, "no such column") ||
              strstr(msg, "unterminated") || strstr(msg, "unknown special query")))
        return px_error_set(err, PX_EUSAGE, "search \"%s\" could not be run; try fewer operators or "
                                            "punctuation", q);
    return db_error(s, err, "searching");
}

/* The typed query as FTS5 syntax (*match NULL for an empty query when
 * allowed). */
static int translate_query(const char *typed, int allow_empty, char **match, px_error *err)
{
    *match = NULL;
    if (!typed || !*typed)
        return allow_empty ? PX_OK : px_error_set(err, PX_EUSAGE, "empty search query");
    px_error e = {0};
    int rc = px_search_translate(typed, match, &e);
    if (rc)
        return px_error_set(err, rc, "search \"%s\": %s", typed, e.msg);
    return PX_OK;
}

#define SEARCH_WHERE                                                                            \
    "WHERE articles_fts MATCH ?1 "                                                             \
    "AND (?2 IS NULL OR s.name = ?2 COLLATE NOCASE OR s.key = ?2 COLLATE NOCASE) "            \
    "AND (?3 IS NULL OR a.date >= ?3) "

static void bind_search(sqlite3_stmt *st, const px_search_query *q, const char *match, const char *since)
{
    bind_text(st, 1, match);
    bind_text(st, 2, q->source && *q->source ? q->source : NULL);
    bind_text(st, 3, *since ? since : NULL);
}

static cJSON *search_hit(sqlite3_stmt *st, const px_search_query *q)
{
    store_row r = row_of(st);
    return store_row_search_hit(&r, q);
}

static int search_match(px_store *s, const px_search_query *q, const char *match, cJSON **out, px_error *err)
{
    char since[32] = "";
    int rc = store_normalise_since(q->since, since, err);
    if (rc)
        return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db,
                           "SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                           "LEFT JOIN sources s ON s.id = a.source_id " SEARCH_WHERE,
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "searching");
    bind_search(st, q, match, since);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = query_error(s, err, q->q);
        sqlite3_finalize(st);
        return rc;
    }
    long long total = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(sq(s)->db,
                           "SELECT a.id, a.ext_id, s.name, s.leaning, a.url, a.title, a.date, sa.story_id, "
                           "snippet(articles_fts, -1, char(2), char(3), '…', 24), bm25(articles_fts, 4.0, 1.0) "
                           "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                           "LEFT JOIN sources s ON s.id = a.source_id "
                           "LEFT JOIN story_articles sa ON sa.article_id = a.id " SEARCH_WHERE
                           "ORDER BY bm25(articles_fts, 4.0, 1.0), a.id LIMIT ?4 OFFSET ?5",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "searching");
    bind_search(st, q, match, since);
    sqlite3_bind_int(st, 4, store_clamp_limit(q->limit, 20, 1000));
    sqlite3_bind_int(st, 5, q->offset > 0 ? q->offset : 0);
    cJSON *res = cJSON_CreateObject();
    cJSON_AddStringToObject(res, "query", q->q);
    cJSON_AddNumberToObject(res, "total", (double)total);
    cJSON *hits = cJSON_AddArrayToObject(res, "results");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        cJSON_AddItemToArray(hits, search_hit(st, q));
    if (rc != SQLITE_DONE) {
        rc = query_error(s, err, q->q);
        sqlite3_finalize(st);
        cJSON_Delete(res);
        return rc;
    }
    sqlite3_finalize(st);
    *out = res;
    return PX_OK;
}

static int sq_search(px_store *s, const px_search_query *q, cJSON **out, px_error *err)
{
    *out = NULL;
    char *match;
    int rc = translate_query(q->q, 0, &match, err);
    if (rc == PX_OK)
        rc = search_match(s, q, match, out, err);
    free(match);
    return rc;
}

static int sq_sources(px_store *s, cJSON **out, px_error *err)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db,
                           "SELECT s.name, s.key, s.leaning, s.country, count(a.id), "
                           "  (SELECT a2.url FROM articles a2 WHERE a2.source_id = s.id AND a2.url IS NOT NULL "
                           "   ORDER BY a2.id LIMIT 1) "
                           "FROM sources s LEFT JOIN articles a ON a.source_id = s.id "
                           "GROUP BY s.id ORDER BY 5 DESC, s.name",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "listing sources");
    cJSON *res = cJSON_CreateObject();
    cJSON *list = cJSON_AddArrayToObject(res, "sources");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_row r = row_of(st);
        cJSON_AddItemToArray(list, store_row_source(&r));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        cJSON_Delete(res);
        return db_error(s, err, "listing sources");
    }
    *out = res;
    return PX_OK;
}

static sqlite3_stmt *coverage_stmt(px_store *s)
{
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(sq(s)->db,
                       "SELECT coalesce(s.leaning, 'unknown'), s.name, count(*), min(a.date), max(a.date) "
                       "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                       "LEFT JOIN sources s ON s.id = a.source_id WHERE sa.story_id = ?1 "
                       "GROUP BY 1, 2 ORDER BY 1, 2",
                       -1, &st, NULL);
    return st;
}

/* Articles per outlet of one story; cov_st comes from coverage_stmt(). */
static cJSON *story_coverage(sqlite3_stmt *cov_st, int64_t story)
{
    cJSON *cov = cJSON_CreateArray();
    if (!cov_st)
        return cov;
    sqlite3_reset(cov_st);
    sqlite3_bind_int64(cov_st, 1, story);
    while (sqlite3_step(cov_st) == SQLITE_ROW) {
        store_row r = row_of(cov_st);
        cJSON_AddItemToArray(cov, store_row_coverage(&r));
    }
    sqlite3_reset(cov_st);
    return cov;
}

#define STORY_COLUMNS                                                                           \
    "st.id, st.title, st.first_date, st.last_date, st.n_articles, st.n_sources, "              \
    "EXISTS (SELECT 1 FROM analyses an WHERE an.story_id = st.id), st.updated "

static cJSON *story_summary(sqlite3_stmt *cov_st, sqlite3_stmt *st)
{
    store_row r = row_of(st);
    return store_row_story_summary(&r, story_coverage(cov_st, sqlite3_column_int64(st, 0)));
}

#define STORIES_WHERE                                                                           \
    "WHERE st.n_articles > 0 AND (?1 IS NULL OR st.last_date >= ?1) "                          \
    "AND (?2 IS NULL OR st.id IN (SELECT sa.story_id FROM articles_fts "                       \
    "  JOIN story_articles sa ON sa.article_id = articles_fts.rowid WHERE articles_fts MATCH ?2)) "

static int stories_match(px_store *s, const px_story_query *q, const char *match, cJSON **out, px_error *err)
{
    char since[32] = "";
    int rc = store_normalise_since(q->since, since, err);
    if (rc)
        return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT count(*) FROM stories st " STORIES_WHERE, -1, &st, NULL) !=
        SQLITE_OK)
        return db_error(s, err, "listing stories");
    bind_text(st, 1, *since ? since : NULL);
    bind_text(st, 2, match);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = query_error(s, err, match ? q->q : NULL);
        sqlite3_finalize(st);
        return rc;
    }
    long long total = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(sq(s)->db,
                           "SELECT " STORY_COLUMNS "FROM stories st " STORIES_WHERE
                           "ORDER BY st.last_date DESC, st.id DESC LIMIT ?3 OFFSET ?4",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "listing stories");
    bind_text(st, 1, *since ? since : NULL);
    bind_text(st, 2, match);
    sqlite3_bind_int(st, 3, store_clamp_limit(q->limit, 100, 10000));
    sqlite3_bind_int(st, 4, q->offset > 0 ? q->offset : 0);
    cJSON *res = cJSON_CreateObject();
    cJSON_AddNumberToObject(res, "total", (double)total);
    cJSON *list = cJSON_AddArrayToObject(res, "stories");
    sqlite3_stmt *cov_st = coverage_stmt(s);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        cJSON_AddItemToArray(list, story_summary(cov_st, st));
    sqlite3_finalize(cov_st);
    if (rc != SQLITE_DONE) {
        rc = query_error(s, err, match ? q->q : NULL);
        sqlite3_finalize(st);
        cJSON_Delete(res);
        return rc;
    }
    sqlite3_finalize(st);
    *out = res;
    return PX_OK;
}

static int sq_stories(px_store *s, const px_story_query *q, cJSON **out, px_error *err)
{
    *out = NULL;
    char *match;
    int rc = translate_query(q->q, 1, &match, err);
    if (rc == PX_OK)
        rc = stories_match(s, q, match, out, err);
    free(match);
    return rc;
}

#define ARTICLE_JSON_COLUMNS                                                                    \
    "a.id, a.ext_id, s.name, s.leaning, s.country, a.url, a.title, a.authors, a.date, "        \
    "a.language, a.highlights, a.text, a.removed, a.extra, a.input_path, a.input_line, "       \
    "a.input_offset, sa.story_id, "                                                            \
    "(SELECT g.canonical_article FROM dup_groups g WHERE g.id = a.dup_group_id "               \
    "   AND g.canonical_article <> a.id), a.ingested_at "

static cJSON *article_json_row(sqlite3_stmt *st, int with_text)
{
    store_row r = row_of(st);
    return store_row_article_json(&r, with_text);
}

static int sq_article_json(px_store *s, int64_t row, cJSON **out, px_error *err)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT " ARTICLE_JSON_COLUMNS ARTICLE_FROM "WHERE a.id = ?1", -1,
                           &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading an article");
    sqlite3_bind_int64(st, 1, row);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = article_json_row(st, 1);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading an article");
}

static int story_articles_json(px_store *s, int64_t story, cJSON *list, px_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db,
                           "SELECT " ARTICLE_JSON_COLUMNS ARTICLE_FROM
                           "WHERE sa.story_id = ?1 ORDER BY a.date IS NULL, a.date, a.id",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading a story");
    sqlite3_bind_int64(st, 1, story);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        cJSON_AddItemToArray(list, article_json_row(st, 0));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading a story");
}

static int sq_story_summary(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT " STORY_COLUMNS "FROM stories st WHERE st.id = ?1 AND st.n_articles > 0",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading a story");
    sqlite3_bind_int64(st, 1, story);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading a story");
    }
    sqlite3_stmt *cov_st = coverage_stmt(s);
    *out = story_summary(cov_st, st);
    sqlite3_finalize(cov_st);
    sqlite3_finalize(st);
    return *out ? PX_OK : px_error_set(err, PX_ENOMEM, "out of memory");
}

/* ---- template text ------------------------------------------------------------ */

static int sq_load_templates(px_store *s, px_templates *t, px_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT outlet, articles FROM template_outlets", -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading template text");
    int rc = PX_OK, step;
    while (rc == PX_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = px_templates_restore_outlet(t, (uint64_t)sqlite3_column_int64(st, 0),
                                         (uint32_t)sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    if (rc == PX_OK && sqlite3_prepare_v2(sq(s)->db, "SELECT outlet, line, articles, others, sketch FROM template_lines",
                                          -1, &st, NULL) != SQLITE_OK)
        return db_error(s, err, "reading template text");
    while (rc == PX_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        px_template_line l = {(uint64_t)sqlite3_column_int64(st, 0), (uint64_t)sqlite3_column_int64(st, 1),
                              (uint32_t)sqlite3_column_int64(st, 2), (uint32_t)sqlite3_column_int64(st, 3), {0}};
        if ((size_t)sqlite3_column_bytes(st, 4) == sizeof l.sketch)
            memcpy(l.sketch, sqlite3_column_blob(st, 4), sizeof l.sketch);
        rc = px_templates_restore_line(t, &l);
    }
    sqlite3_finalize(st);
    return rc == PX_ENOMEM ? px_error_set(err, PX_ENOMEM, "out of memory") : rc;
}

typedef struct template_writer {
    sqlite3_stmt *outlet, *line;
} template_writer;

static int write_template_outlet(uint64_t outlet, uint32_t articles, void *ud)
{
    template_writer *w = ud;
    sqlite3_reset(w->outlet);
    sqlite3_bind_int64(w->outlet, 1, (sqlite3_int64)outlet);
    sqlite3_bind_int64(w->outlet, 2, articles);
    return sqlite3_step(w->outlet) != SQLITE_DONE;
}

static int write_template_line(const px_template_line *l, void *ud)
{
    template_writer *w = ud;
    sqlite3_reset(w->line);
    sqlite3_bind_int64(w->line, 1, (sqlite3_int64)l->outlet);
    sqlite3_bind_int64(w->line, 2, (sqlite3_int64)l->key);
    sqlite3_bind_int64(w->line, 3, l->articles);
    sqlite3_bind_int64(w->line, 4, l->others);
    sqlite3_bind_blob(w->line, 5, l->sketch, sizeof l->sketch, SQLITE_STATIC);
    return sqlite3_step(w->line) != SQLITE_DONE;
}

static int sq_templates_upto(px_store *s, int64_t *row, px_error *err)
{
    sqlite3_stmt *st;
    *row = 0;
    if (sqlite3_prepare_v2(sq(s)->db, "SELECT value FROM settings WHERE name = 'templates_upto'", -1, &st, NULL) !=
        SQLITE_OK)
        return db_error(s, err, "reading template text");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *row = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PX_OK : db_error(s, err, "reading template text");
}

static int sq_save_templates(px_store *s, const px_templates *t, px_error *err)
{
    template_writer w = {NULL, NULL};
    int rc = exec(s, "DELETE FROM template_outlets; DELETE FROM template_lines;"
                     "INSERT INTO settings(name, value) SELECT 'templates_upto', coalesce(max(id), 0) FROM articles WHERE 1 "
                     "ON CONFLICT(name) DO UPDATE SET value = excluded.value;",
                  err, "writing template text");
    if (rc)
        return rc;
    if (sqlite3_prepare_v2(sq(s)->db, "INSERT INTO template_outlets(outlet, articles) VALUES (?, ?)", -1, &w.outlet,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(sq(s)->db,
                           "INSERT INTO template_lines(outlet, line, articles, others, sketch) VALUES (?, ?, ?, ?, ?)",
                           -1, &w.line, NULL) != SQLITE_OK)
        rc = db_error(s, err, "writing template text");
    if (rc == PX_OK && px_templates_each(t, write_template_line, write_template_outlet, &w) != PX_OK)
        rc = db_error(s, err, "writing template text");
    sqlite3_finalize(w.outlet);
    sqlite3_finalize(w.line);
    return rc;
}

/* ---- related stories in other languages -------------------------------- */

static int put_evidence(px_store *s, int64_t story, const px_story_evidence *e, const char *text,
                        px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_EVIDENCE_PUT, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    bind_text(st, 2, e->lang);
    if (e->first_day == PX_NO_DAY) {
        sqlite3_bind_null(st, 3);
        sqlite3_bind_null(st, 4);
    } else {
        sqlite3_bind_int64(st, 3, e->first_day);
        sqlite3_bind_int64(st, 4, e->last_day);
    }
    bind_text(st, 5, text);
    return run(s, st, err, "storing a story's evidence");
}

static int sq_each_evidence_near(px_store *s, int64_t story, const char *lang, long lo, long hi,
                                 store_evidence_fn fn, void *ud, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_EVIDENCE_NEAR, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    bind_text(st, 2, lang);
    sqlite3_bind_int64(st, 3, lo);
    sqlite3_bind_int64(st, 4, hi);
    int rc, fn_rc = PX_OK;
    while (fn_rc == PX_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        fn_rc = fn(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1), ud);
    int done = fn_rc != PX_OK || rc == SQLITE_DONE;
    sqlite3_reset(st);
    if (fn_rc != PX_OK)
        return px_error_set(err, fn_rc, "out of memory linking a story");
    return done ? PX_OK : db_error(s, err, "reading stories' evidence");
}

static int set_links(px_store *s, int64_t story, const int64_t *others, const double *scores, size_t n,
                     px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_LINKS_CLEAR, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    int rc = run(s, st, err, "clearing a story's links");
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        if (!(st = stmt(s, ST_LINK_PUT, err)))
            return err ? err->code : PX_EIO;
        sqlite3_bind_int64(st, 1, story);
        sqlite3_bind_int64(st, 2, others[i]);
        sqlite3_bind_double(st, 3, scores[i]);
        rc = run(s, st, err, "linking two stories");
    }
    return rc;
}

static int sq_put_links(px_store *s, int64_t story, const px_story_evidence *e, const char *text,
                        const int64_t *others, const double *scores, size_t n, px_error *err)
{
    int own = sqlite3_get_autocommit(sq(s)->db);
    int rc = own ? px_store_begin(s, err) : PX_OK;
    if (!rc)
        rc = put_evidence(s, story, e, text, err);
    if (!rc)
        rc = set_links(s, story, others, scores, n, err);
    if (own && !rc)
        rc = px_store_commit(s, err);
    if (own && rc)
        px_store_rollback(s);
    return rc;
}

static int sq_story_links(px_store *s, int64_t story, cJSON **out, px_error *err)
{
    sqlite3_stmt *st = stmt(s, ST_LINKS_OF, err);
    if (!st)
        return err ? err->code : PX_EIO;
    sqlite3_bind_int64(st, 1, story);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_row r = row_of(st);
        store_row_link(&r, out);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        cJSON_Delete(*out);
        *out = NULL;
        return db_error(s, err, "reading a story's links");
    }
    return PX_OK;
}

static const px_store_backend sqlite_backend = {
    .close = sq_close,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .lock_ingest = sq_lock_ingest,
    .unlock_ingest = sq_unlock_ingest,
    .add_article = sq_add_article,
    .find_input = sq_find_input,
    .get_article = sq_get_article,
    .get_analysis = sq_get_analysis,
    .story_stale = sq_story_stale,
    .put_analysis = sq_put_analysis,
    .put_fresh_analysis = sq_put_fresh_analysis,
    .stale_stories = sq_stale_stories,
    .mark_all_stale = sq_mark_all_stale,
    .set_duplicate = sq_set_duplicate,
    .duplicate_of = sq_duplicate_of,
    .story_for_key = sq_story_for_key,
    .assign_story = sq_assign_story,
    .merge_stories = sq_merge_stories,
    .each_evidence_near = sq_each_evidence_near,
    .put_links = sq_put_links,
    .story_links = sq_story_links,
    .each_article = sq_each_article,
    .each_article_of = sq_each_article_of,
    .each_window_article = sq_each_window_article,
    .each_window_article_in_order = sq_each_window_article_in_order,
    .each_article_near = sq_each_article_near,
    .related_stories = sq_related_stories,
    .counts = sq_counts_get,
    .load_templates = sq_load_templates,
    .save_templates = sq_save_templates,
    .templates_upto = sq_templates_upto,
    .search = sq_search,
    .sources = sq_sources,
    .stories = sq_stories,
    .story_summary = sq_story_summary,
    .story_articles = story_articles_json,
    .article_json = sq_article_json,
};
