/* fuzz_search.c - the translation of a typed search query into FTS5
 * syntax: any input either fails with a usage error or gives a query that
 * FTS5 runs without a syntax error (checked on a one-row index with the
 * store's tokenizer). The tsquery translation (the PostgreSQL store)
 * accepts exactly the same inputs and gives closed quotes and balanced
 * brackets. The input is also indexed as a document (the tokenizer's
 * document side: hyphen runs, CJK pairs) and spaced as PostgreSQL's
 * index text, which keeps every byte outside the runs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "parallax/common.h"
#include "store/search_query.h"

static sqlite3 *index_db(void)
{
    static sqlite3 *db;
    if (db)
        return db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || px_search_register_tokenizer(db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter pxjoin');"
                     "INSERT INTO t VALUES ('Cease-fire talks', 'The U.S. backed a cease-fire in Al-Aqsa.');",
                     NULL, NULL, NULL) != SQLITE_OK)
        abort();
    return db;
}

/* Quotes closed ('' inside a quote is one quote) and brackets balanced
 * outside quotes. */
static int tsquery_well_formed(const char *q)
{
    int depth = 0, quoted = 0;
    for (const char *c = q; *c; c++) {
        if (*c == '\'') {
            if (quoted && c[1] == '\'')
                c++;
            else
                quoted = !quoted;
        } else if (quoted && *c == '\\' && c[1]) {
            c++;
        } else if (!quoted && (*c == '(' || *c == ')')) {
            depth += *c == '(' ? 1 : -1;
            if (depth < 0)
                return 0;
        }
    }
    return !quoted && depth == 0;
}

static void check_tsquery(const char *typed, int fts_rc)
{
    char *tsq;
    px_error err;
    int rc = px_search_translate_tsquery(typed, &tsq, &err);
    if (rc != fts_rc || (rc == PX_OK && !tsquery_well_formed(tsq)))
        abort();
    if (rc == PX_OK)
        free(tsq);
}

/* The document side of the tokenizer and the spaced text: no failure,
 * and the spaced text is never shorter than the input. */
static void index_as_document(const char *text, size_t size)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(index_db(), "INSERT INTO t(rowid, title, text) VALUES (2, '', ?1)", -1, &st, NULL) !=
        SQLITE_OK)
        abort();
    sqlite3_bind_text(st, 1, text, (int)size, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        abort();
    sqlite3_finalize(st);
    if (sqlite3_exec(index_db(), "DELETE FROM t WHERE rowid = 2", NULL, NULL, NULL) != SQLITE_OK)
        abort();
    px_buf spaced = {0};
    if (px_search_spaced_text(text, size, &spaced) && spaced.len < size)
        abort();
    px_buf_free(&spaced);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *typed = malloc(size + 1);
    if (!typed)
        return 0;
    memcpy(typed, data, size);
    typed[size] = '\0';
    char *fts;
    px_error err;
    int rc = px_search_translate(typed, &fts, &err);
    check_tsquery(typed, rc);
    if (rc == PX_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(index_db(), "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL) != SQLITE_OK)
            abort();
        sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW)
            abort(); /* the translation let FTS5 syntax through */
        sqlite3_finalize(st);
        free(fts);
    }
    index_as_document(typed, size);
    free(typed);
    return 0;
}
