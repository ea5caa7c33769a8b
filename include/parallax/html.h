/*
 * parallax/html.h - web pages to articles: character set decoding, main-text
 * extraction and page metadata.
 *
 *   bytes --px_html_decode--> UTF-8 --px_html_extract--> main text
 *                                   --px_html_metadata--> title, date, ...
 *   px_html_to_article() does all three and fills a px_article.
 *
 * Pages are parsed with gumbo (the HTML5 algorithm). Nothing here recurses
 * over the document tree, so nesting depth cannot exhaust the stack; pages
 * nested deeper than PX_HTML_MAX_DEPTH or larger than PX_HTML_MAX_PARSE are
 * cut there (with a warning) because parsing them costs time quadratic in
 * the depth.
 */
#ifndef PARALLAX_HTML_H
#define PARALLAX_HTML_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_HTML_MAX_DEPTH 2000
#define PX_HTML_MAX_PARSE ((size_t)16 << 20)

/* ---- character set ------------------------------------------------------ */

typedef struct px_charset_info {
    char name[40];        /* the charset the bytes were decoded as ("UTF-8",
                             "windows-1252", "Shift_JIS", ...) */
    const char *how;      /* "bom", "http", "meta", "detected" or "default" */
    char declared[40];    /* what the HTTP header or <meta> said, or "" */
    int declared_ignored; /* 1: declared charset contradicted by the bytes */
    size_t invalid;       /* bytes that could not be decoded (now U+FFFD) */
} px_charset_info;

/* Decodes a page to UTF-8 into out (replacing its contents). The charset is
 * taken from, in order: a byte order mark, the charset parameter of
 * http_content_type (may be NULL), a <meta charset> or http-equiv
 * Content-Type in the first 8 KiB; a declaration is used only when the
 * bytes agree with it (bytes that are valid UTF-8 with non-ASCII text are
 * UTF-8 whatever the page says; a declared UTF-8 page full of invalid
 * sequences is windows-1252). Without any, valid UTF-8 is UTF-8 and
 * anything else windows-1252. Undecodable bytes become U+FFFD and are
 * counted in info->invalid. Returns PX_EFORMAT for binary data (images,
 * archives, PDF, or many control bytes), with err naming what was found. */
int px_html_decode(const char *data, size_t len, const char *http_content_type, px_buf *out,
                   px_charset_info *info, px_error *err);

/* The charset named by a Content-Type value ("text/html; charset=x"),
 * copied into out; 0 when there is none. */
int px_content_type_charset(const char *content_type, char *out, size_t cap);

/* ---- main text ---------------------------------------------------------- */

/* Extracts the article text of a UTF-8 page: paragraphs, headings inside
 * the article, list items, block quotes and preformatted blocks in document
 * order, separated by "\n\n" (list items and table rows one per
 * paragraph). Navigation, headers and footers, sidebars, related links,
 * comments, share bars, ads, cookie and newsletter boxes, captions and
 * credits are left out. The model is described in docs/extraction.md.
 * out is replaced; an empty result (no article found) is not an error.
 * Warnings (page cut at a limit) are put in err->msg with code PX_OK. */
int px_html_extract(const char *html, size_t len, px_buf *out, px_error *err);

/* ---- metadata ----------------------------------------------------------- */

typedef struct px_html_meta {
    char *title;          /* og:title, JSON-LD headline, <h1>, <title> minus site suffix */
    char *date;           /* ISO 8601 published date */
    char *modified;       /* ISO 8601 modified date */
    px_strlist authors;
    char *publisher;      /* JSON-LD publisher, og:site_name */
    char *canonical_url;  /* <link rel=canonical>, og:url */
    char *language;       /* <html lang>, content-language, og:locale (primary tag, lower case) */
    char *description;
} px_html_meta;

/* Reads the metadata of a UTF-8 page. page_url (may be NULL) supplies a
 * date found in the URL path when the page states none. */
int px_html_metadata(const char *html, size_t len, const char *page_url, px_html_meta *m,
                     px_error *err);
void px_html_meta_clear(px_html_meta *m);

/* ---- all together ------------------------------------------------------- */

/* Decodes, extracts and reads the metadata of a page into a: body, title,
 * authors, date, url (url, else the canonical URL), language, source
 * (publisher name when the page states one, else left for the reader to
 * fill). Fields already set in a are kept. PX_EFORMAT for binary payloads
 * and pages where no article text was found. Warnings (charset problems,
 * limits) come back in err->msg with code PX_OK. */
int px_html_to_article(const char *html, size_t len, const char *url,
                       const char *http_content_type, px_article *a, px_error *err);

#ifdef __cplusplus
}
#endif
#endif
