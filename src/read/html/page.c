/* page.c - a web page to an article: decode, parse once, extract the main
 * text and read the metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/html/dom.h"
#include "read/read_internal.h"
#include "core/common_internal.h"

static void fill_from_meta(px_article *a, px_html_meta *m, const char *url, int *rc)
{
    if (!a->title && m->title)
        *rc |= px_set_str(&a->title, m->title);
    if (!a->date && m->date)
        *rc |= px_set_str(&a->date, m->date);
    if (!a->authors.n)
        for (size_t i = 0; i < m->authors.n; i++)
            *rc |= px_strlist_push(&a->authors, m->authors.items[i]);
    if (!a->url)
        *rc |= px_set_str(&a->url, url && *url ? url : m->canonical_url);
    if (!a->language && m->language)
        *rc |= px_set_str(&a->language, m->language);
    char host[256], name[256];
    if (!a->source && m->publisher && px_source_key_from_url(a->url, host, sizeof host) &&
        px_source_name_fits_host(m->publisher, host, name, sizeof name))
        *rc |= px_set_str(&a->source, name);
    else if (!a->source && m->publisher && !a->url)
        *rc |= px_set_str(&a->source, m->publisher);
}

int px_html_to_article(const char *html, size_t len, const char *url,
                       const char *http_content_type, px_article *a, px_error *err)
{
    px_buf utf8 = {0};
    px_charset_info cs;
    char warning[512] = "";
    int rc = px_html_decode(html, len, http_content_type, &utf8, &cs, err);
    if (rc) {
        px_buf_free(&utf8);
        return rc;
    }
    if (cs.invalid)
        snprintf(warning, sizeof warning, "%zu byte%s not valid %s replaced by U+FFFD", cs.invalid,
                 cs.invalid == 1 ? "" : "s", cs.name);
    else if (cs.declared_ignored)
        snprintf(warning, sizeof warning, "declared charset \"%.40s\" contradicted by the bytes; read as %s",
                 cs.declared, cs.name);
    px_dom d;
    rc = px_dom_parse(&d, utf8.data, utf8.len, err);
    if (rc) {
        px_buf_free(&utf8);
        return rc;
    }
    if (d.warning[0])
        snprintf(warning + strlen(warning), sizeof warning - strlen(warning), "%s%s",
                 warning[0] ? "; " : "", d.warning);
    px_buf body = {0};
    px_html_meta m;
    px_page_kind kind;
    rc = px_dom_extract(&d, &body, &kind);
    if (rc == PX_OK)
        rc = px_dom_metadata(&d, url, &m);
    px_dom_free(&d);
    px_buf_free(&utf8);
    if (rc) {
        px_buf_free(&body);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    int mem = 0;
    fill_from_meta(a, &m, url, &mem);
    px_html_meta_clear(&m);
    if (body.len == 0) {
        px_buf_free(&body);
        return px_error_set(err, PX_EEMPTY, "no article text found in the page");
    }
    if (kind.is_index) {
        px_buf_free(&body);
        return px_error_set(err, PX_EEMPTY, "not an article (index page: %s)", kind.why);
    }
    free(a->body);
    a->body = px_buf_steal(&body);
    px_buf_free(&body);
    if (mem)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    if (warning[0])
        px_error_set(err, PX_OK, "%s", warning);
    return PX_OK;
}
