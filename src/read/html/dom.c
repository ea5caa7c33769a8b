/* dom.c - gumbo parsing with caps on size and depth, attribute access and
 * tree walks with an explicit stack (documents may be 100k levels deep). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/html/dom.h"
#include "core/common_internal.h"

/* Elements whose end tag may be left out or that have none: they do not
 * deepen the tree, so the depth estimate must not count them. */
static int never_nests(const char *name, size_t n)
{
    static const char *const names[] = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
        "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "keygen", "basefont", "frame",
        "image", "isindex", NULL};
    for (const char *const *s = names; *s; s++)
        if (strlen(*s) == n && strncasecmp(*s, name, n) == 0)
            return 1;
    return 0;
}

static uint32_t name_hash(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint32_t)tolower((unsigned char)p[i])) * 16777619u;
    return h;
}

/* Where the element depth first passes max, or len. A cheap tokeniser
 * keeps a stack of open element names: start tags push, an end tag pops
 * back to its element when that is open (stray end tags change nothing, as
 * in the HTML parser), comments and script/style text are skipped. */
static size_t depth_cut(const char *s, size_t len, int max)
{
    uint32_t *open = malloc(((size_t)max + 1) * sizeof *open);
    if (!open)
        return len;
    int depth = 0;
    size_t cut = len;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '<' || i + 1 >= len)
            continue;
        const char *p = s + i + 1;
        size_t left = len - i - 1;
        if (left >= 3 && memcmp(p, "!--", 3) == 0) {
            const char *e = memmem(p + 3, left - 3, "-->", 3);
            if (!e)
                break;
            i = (size_t)(e - s) + 2;
            continue;
        }
        int closing = *p == '/';
        if (closing)
            p++, left--;
        size_t n = 0;
        while (n < left && (isalnum((unsigned char)p[n]) || p[n] == '-'))
            n++;
        if (n == 0 || !isalpha((unsigned char)p[0]))
            continue;
        const char *gt = memchr(p + n, '>', left - n);
        if (!gt)
            break;
        if (closing) {
            uint32_t h = name_hash(p, n);
            for (int k = depth - 1; k >= 0 && k >= depth - 64; k--)
                if (open[k] == h) {
                    depth = k;
                    break;
                }
        } else if ((n == 6 && strncasecmp(p, "script", 6) == 0) ||
                   (n == 5 && strncasecmp(p, "style", 5) == 0)) {
            char end[10] = "</";
            memcpy(end + 2, p, n);
            size_t from = (size_t)(gt - s);
            const char *e = NULL;
            for (size_t j = from; j + n + 2 <= len && !e; j++)
                if (s[j] == '<' && strncasecmp(s + j, end, n + 2) == 0)
                    e = s + j;
            if (!e)
                break;
            i = (size_t)(e - s);
            continue;
        } else if (!never_nests(p, n) && gt[-1] != '/') {
            if (depth == max) {
                cut = i;
                break;
            }
            open[depth++] = name_hash(p, n);
        }
        i = (size_t)(gt - s);
    }
    free(open);
    return cut;
}

/* Copies html without what no reader here looks at, which is most of the
 * bytes of a modern page and most of the parsing time: the text of scripts
 * (except JSON-LD metadata), of styles, and comments. */
static int strip_raw_text(const char *s, size_t len, px_buf *out)
{
    size_t copied = 0;
    for (size_t i = 0; i + 4 < len; i++) {
        if (s[i] != '<')
            continue;
        const char *end_tag = NULL;
        size_t body = 0;
        if (memcmp(s + i, "<!--", 4) == 0) {
            const char *e = memmem(s + i + 4, len - i - 4, "-->", 3);
            if (!e)
                break;
            if (px_buf_append(out, s + copied, i - copied))
                return PX_ENOMEM;
            copied = i = (size_t)(e - s) + 3;
            i--;
            continue;
        }
        if (len - i > 7 && strncasecmp(s + i, "<script", 7) == 0 && !isalnum((unsigned char)s[i + 7]))
            end_tag = "</script";
        else if (len - i > 6 && strncasecmp(s + i, "<style", 6) == 0 && !isalnum((unsigned char)s[i + 6]))
            end_tag = "</style";
        if (!end_tag)
            continue;
        const char *gt = memchr(s + i, '>', len - i);
        if (!gt)
            break;
        body = (size_t)(gt - s) + 1;
        if (end_tag[2] == 's' && end_tag[3] == 'c' && memmem(s + i, body - i, "ld+json", 7))
            continue;
        size_t k = strlen(end_tag), j = body;
        while (j + k <= len && !(s[j] == '<' && strncasecmp(s + j, end_tag, k) == 0))
            j++;
        if (j + k > len)
            break;
        if (px_buf_append(out, s + copied, body - copied))
            return PX_ENOMEM;
        copied = j;
        i = j + k - 1;
    }
    return px_buf_append(out, s + copied, len - copied);
}

int px_dom_parse(px_dom *d, const char *html, size_t len, px_error *err)
{
    memset(d, 0, sizeof *d);
    size_t n = len;
    if (n > PX_HTML_MAX_PARSE) {
        n = PX_HTML_MAX_PARSE;
        snprintf(d->warning, sizeof d->warning, "page larger than %zu MiB: parsed its first %zu MiB",
                 PX_HTML_MAX_PARSE >> 20, PX_HTML_MAX_PARSE >> 20);
    }
    size_t cut = depth_cut(html, n, PX_HTML_MAX_DEPTH);
    if (cut < n) {
        n = cut;
        snprintf(d->warning, sizeof d->warning,
                 "elements nested deeper than %d: page parsed up to byte %zu", PX_HTML_MAX_DEPTH, cut);
    }
    if (strip_raw_text(html, n, &d->text))
        return px_error_set(err, PX_ENOMEM, "out of memory parsing HTML");
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;
    d->out = gumbo_parse_with_options(&opts, d->text.data, d->text.len);
    d->parsed_len = n;
    if (!d->out)
        return px_error_set(err, PX_ENOMEM, "out of memory parsing HTML");
    return PX_OK;
}

void px_dom_free(px_dom *d)
{
    if (d->out)
        gumbo_destroy_output(&kGumboDefaultOptions, d->out);
    d->out = NULL;
    px_buf_free(&d->text);
}

const char *px_dom_attr(const GumboNode *n, const char *name)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

int px_dom_is(const GumboNode *n, GumboTag tag)
{
    return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

void px_dom_tag_name(const GumboNode *n, char *out, size_t cap)
{
    out[0] = '\0';
    if (n->type != GUMBO_NODE_ELEMENT || cap == 0)
        return;
    const char *name = gumbo_normalized_tagname(n->v.element.tag);
    size_t len = strlen(name);
    if (n->v.element.tag == GUMBO_TAG_UNKNOWN) {
        GumboStringPiece p = n->v.element.original_tag;
        gumbo_tag_from_original_text(&p);
        name = p.data ? p.data : "";
        len = p.data ? p.length : 0;
    }
    size_t k = 0;
    for (; k < len && k + 1 < cap; k++)
        out[k] = (char)tolower((unsigned char)name[k]);
    out[k] = '\0';
}

static int walk_push(px_dom_walk *w, const GumboNode *n)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        const GumboNode **s = realloc(w->stack, cap * sizeof *s);
        if (!s)
            return PX_ENOMEM;
        w->stack = s;
        w->cap = cap;
    }
    w->stack[w->n++] = n;
    return PX_OK;
}

int px_dom_walk_start(px_dom_walk *w, const GumboNode *root)
{
    memset(w, 0, sizeof *w);
    return walk_push(w, root);
}

static const GumboVector *children(const GumboNode *n)
{
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
        return &n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT)
        return &n->v.document.children;
    return NULL;
}

/* The stack holds nodes still to visit; the last node returned is kept
 * on top (marked by a NULL above it) until its children are pushed. */
const GumboNode *px_dom_walk_next(px_dom_walk *w, int skip_children)
{
    if (w->n >= 2 && w->stack[w->n - 1] == NULL) {
        const GumboNode *last = w->stack[w->n - 2];
        w->n -= 2;
        const GumboVector *c = skip_children ? NULL : children(last);
        for (size_t i = c ? c->length : 0; i-- > 0;)
            if (walk_push(w, c->data[i]))
                return NULL;
    }
    if (w->n == 0)
        return NULL;
    const GumboNode *n = w->stack[w->n - 1];
    if (walk_push(w, NULL))
        return NULL;
    return n;
}

void px_dom_walk_free(px_dom_walk *w)
{
    free(w->stack);
    memset(w, 0, sizeof *w);
}

static int is_invisible(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
        return 1;
    default:
        return 0;
    }
}

int px_dom_text(const GumboNode *root, px_buf *out)
{
    px_dom_walk w;
    if (px_dom_walk_start(&w, root))
        return PX_ENOMEM;
    size_t start = out->len;
    const GumboNode *n;
    int skip = 0, rc = PX_OK;
    while ((n = px_dom_walk_next(&w, skip)) != NULL) {
        skip = n != root && is_invisible(n);
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
            if (px_buf_puts(out, n->v.text.text) || px_buf_append(out, " ", 1))
                rc = PX_ENOMEM;
        } else if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BR) {
            rc |= px_buf_append(out, " ", 1);
        }
    }
    px_dom_walk_free(&w);
    if (rc)
        return PX_ENOMEM;
    /* collapse only what was appended */
    px_buf tail = {0};
    if (px_buf_append(&tail, out->data ? out->data + start : "", out->len - start))
        return PX_ENOMEM;
    px_collapse_space(&tail);
    out->len = start;
    rc = px_buf_append(out, tail.data, tail.len);
    px_buf_free(&tail);
    return rc;
}

/* U+00A0 (no-break space) counts as white space too. */
static size_t space_at(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    return 0;
}

void px_collapse_space(px_buf *b)
{
    size_t o = 0, i = 0;
    int pending = 0;
    while (i < b->len) {
        size_t k = space_at(b->data, i, b->len);
        if (k) {
            pending = o > 0;
            i += k;
            continue;
        }
        if (pending)
            b->data[o++] = ' ';
        pending = 0;
        b->data[o++] = b->data[i++];
    }
    b->len = o;
    if (b->data)
        b->data[o] = '\0';
}
