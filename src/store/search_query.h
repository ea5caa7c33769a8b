/* search_query.h - what a reader types into a search box, as an FTS5 query
 * over the store's index; and the index's tokenizer, which also indexes
 * each hyphenated word joined up (cease-fire as ceasefire). Not installed. */
#ifndef PARALLAX_SEARCH_QUERY_H
#define PARALLAX_SEARCH_QUERY_H

#include <sqlite3.h>

#include "parallax/common.h"

/* The longest query accepted, in bytes. */
#define PX_SEARCH_QUERY_MAX 2000

/* Translates a typed query into FTS5 query syntax in *fts (malloc'd):
 * words, hyphenated and dotted words (cease-fire, U.S.), "quoted phrases",
 * prefix*, title:word, ( ), NEAR(a b, N), and AND / OR / NOT when written
 * in capitals; other punctuation separates words. A hyphenated word also
 * matches its joined form (cease-fire finds ceasefire and the reverse,
 * with the tokenizer below). Errors name the character position in words
 * a reader understands (PX_EUSAGE). */
int px_search_translate(const char *typed, char **fts, px_error *err);

/* The same query as PostgreSQL tsquery text for to_tsquery(): each word
 * or phrase a quoted operand (split by the documents' own parser), & | !
 * for AND OR NOT, title: and text: as the weights A and B, NEAR(...) as
 * all of its phrases (tsquery has no unordered proximity). */
int px_search_translate_tsquery(const char *typed, char **tsq, px_error *err);

/* Chinese, Japanese and Korean are searched by overlapping pairs of
 * characters (search_query.c). Appends to out the text as a parser that
 * splits at spaces (PostgreSQL's) should index it: each run of those
 * scripts replaced by its pairs and its last character, between spaces;
 * returns 1, or 0 and appends nothing when the text holds no such run. */
int px_search_spaced_text(const char *s, size_t len, px_buf *out);

/* Registers the "pxjoin" FTS5 tokenizer on db: unicode61, plus, for a run
 * of words joined by single hyphens, the joined word at the same position
 * (documents only; queries are translated instead); CJK runs as their
 * pairs, in documents and queries. */
int px_search_register_tokenizer(sqlite3 *db);

#endif
