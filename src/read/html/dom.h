/* dom.h - the gumbo document tree as the HTML modules use it: parsing with
 * the size and depth caps, attribute lookup and walks without recursion.
 * Internal to the library. */
#ifndef PARALLAX_DOM_H
#define PARALLAX_DOM_H

#include <gumbo.h>
#include "parallax/html.h"

typedef struct px_dom {
    GumboOutput *out;
    px_buf text;          /* the html given to the parser (gumbo points into it) */
    size_t parsed_len;    /* bytes given to the parser (after the caps) */
    char warning[200];    /* "" or why the page was cut */
} px_dom;

/* Parses UTF-8 html; cuts it at PX_HTML_MAX_PARSE bytes or where the
 * nesting of elements first passes PX_HTML_MAX_DEPTH (d->warning says so). */
int px_dom_parse(px_dom *d, const char *html, size_t len, px_error *err);
void px_dom_free(px_dom *d);

const char *px_dom_attr(const GumboNode *n, const char *name);
int px_dom_is(const GumboNode *n, GumboTag tag);
/* The element's tag name, lower case (also for unknown tags). */
void px_dom_tag_name(const GumboNode *n, char *out, size_t cap);

/* Pre-order walk over the subtree of a node without recursion. */
typedef struct px_dom_walk {
    const GumboNode **stack;
    size_t n, cap;
} px_dom_walk;

int px_dom_walk_start(px_dom_walk *w, const GumboNode *root);
/* The next node, or NULL at the end. With skip_children set, the children
 * of the node returned last are not visited. */
const GumboNode *px_dom_walk_next(px_dom_walk *w, int skip_children);
void px_dom_walk_free(px_dom_walk *w);

/* Appends the text inside n with white space collapsed to single spaces
 * (script, style and similar content left out). */
int px_dom_text(const GumboNode *n, px_buf *out);
/* Removes leading/trailing white space of b and collapses runs inside. */
void px_collapse_space(px_buf *b);

/* What the extraction saw of the page as a whole: an index of other pages
 * (a section front, search results, a list of teasers) is not an article. */
typedef struct px_page_kind {
    int is_index;
    char why[160];       /* for the warning: what makes it an index */
} px_page_kind;

/* The main text and the metadata of a parsed page (see parallax/html.h);
 * kind (may be NULL) receives what kind of page it is. */
int px_dom_extract(const px_dom *d, px_buf *out, px_page_kind *kind);
int px_dom_metadata(const px_dom *d, const char *page_url, px_html_meta *m);

#endif
