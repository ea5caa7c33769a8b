/* meta.c - page metadata: title, dates, authors, publisher, canonical URL
 * and language, from JSON-LD, OpenGraph and other <meta> tags, <time>,
 * bylines and the URL, in that order of trust. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>

#include "read/html/dom.h"
#include "core/common_internal.h"

void px_html_meta_clear(px_html_meta *m)
{
    free(m->title);
    free(m->date);
    free(m->modified);
    px_strlist_clear(&m->authors);
    free(m->publisher);
    free(m->canonical_url);
    free(m->language);
    free(m->description);
    memset(m, 0, sizeof *m);
}

/* What one pass over the document collects; the best is chosen at the end. */
typedef struct found {
    char *og_title, *ld_headline, *h1, *doc_title;
    char *ld_date, *meta_date, *time_date, *dateline_date;
    char *ld_modified, *meta_modified;
    px_strlist ld_authors, meta_authors, byline_authors;
    char *ld_publisher, *og_site;
    char *canonical, *og_url;
    char *html_lang, *meta_lang, *ld_lang, *og_locale;
    char *description;
} found;

static void found_free(found *f)
{
    char **fields[] = {&f->og_title, &f->ld_headline, &f->h1, &f->doc_title, &f->ld_date,
                       &f->meta_date, &f->time_date, &f->dateline_date, &f->ld_modified, &f->meta_modified,
                       &f->ld_publisher, &f->og_site, &f->canonical, &f->og_url, &f->html_lang,
                       &f->meta_lang, &f->ld_lang, &f->og_locale, &f->description};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(*fields[i]);
    px_strlist_clear(&f->ld_authors);
    px_strlist_clear(&f->meta_authors);
    px_strlist_clear(&f->byline_authors);
}

/* Sets *field to a trimmed copy of v unless already set or v is blank. */
static void take(char **field, const char *v)
{
    if (*field || !v)
        return;
    px_buf b = {0};
    px_buf_puts(&b, v);
    px_collapse_space(&b);
    if (b.len)
        *field = px_buf_steal(&b);
    px_buf_free(&b);
}

static void take_text(char **field, const GumboNode *n)
{
    if (*field)
        return;
    px_buf b = {0};
    if (px_dom_text(n, &b) == PX_OK && b.len && b.len < 1000)
        *field = px_buf_steal(&b);
    px_buf_free(&b);
}

static int list_has(const px_strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcasecmp(l->items[i], s) == 0)
            return 1;
    return 0;
}

/* Adds a person's name; URLs (article:author often is one) and blanks are
 * not names. A leading "By" is dropped; "A and B" and "A, B" are split. */
static void add_author(px_strlist *l, const char *raw)
{
    if (!raw)
        return;
    px_buf b = {0};
    px_buf_puts(&b, raw);
    px_collapse_space(&b);
    char *s = b.data ? b.data : "";
    if (strncasecmp(s, "by ", 3) == 0)
        s += 3;
    if (strstr(s, "://") || strchr(s, '@') || strlen(s) > 100) {
        px_buf_free(&b);
        return;
    }
    char *save = NULL;
    for (char *part = strtok_r(s, ",|", &save); part; part = strtok_r(NULL, ",|", &save)) {
        char *and = strstr(part, " and ");
        for (int twice = 0; twice < 2 && part; twice++) {
            if (and)
                *and = '\0';
            while (*part == ' ')
                part++;
            size_t n = strlen(part);
            while (n && part[n - 1] == ' ')
                part[--n] = '\0';
            if (n > 1 && !list_has(l, part) && l->n < 20)
                px_strlist_push(l, part);
            part = and ? and + 5 : NULL;
            and = NULL;
        }
    }
    px_buf_free(&b);
}

/* ---- JSON-LD ------------------------------------------------------------ */

static int is_article_type(const cJSON *t)
{
    static const char *const types[] = {"Article", "NewsArticle", "ReportageNewsArticle",
                                        "AnalysisNewsArticle", "OpinionNewsArticle",
                                        "BlogPosting", "BackgroundNewsArticle", "LiveBlogPosting",
                                        "ScholarlyArticle", "TechArticle", "Report", "WebPage",
                                        NULL};
    if (cJSON_IsArray(t)) {
        const cJSON *e;
        cJSON_ArrayForEach(e, t) if (is_article_type(e)) return 1;
        return 0;
    }
    if (!cJSON_IsString(t))
        return 0;
    for (const char *const *s = types; *s; s++)
        if (strcmp(t->valuestring, *s) == 0)
            return 1 + (strcmp(*s, "WebPage") != 0);
    return 0;
}

static const char *ld_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsString(v))
        return v->valuestring;
    if (cJSON_IsObject(v)) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
        if (cJSON_IsString(name))
            return name->valuestring;
    }
    if (cJSON_IsArray(v) && cJSON_IsString(cJSON_GetArrayItem(v, 0)))
        return cJSON_GetArrayItem(v, 0)->valuestring;
    return NULL;
}

static void ld_authors(const cJSON *a, px_strlist *out)
{
    if (cJSON_IsString(a)) {
        add_author(out, a->valuestring);
    } else if (cJSON_IsObject(a)) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(a, "name");
        if (cJSON_IsString(name))
            add_author(out, name->valuestring);
    } else if (cJSON_IsArray(a)) {
        const cJSON *e;
        cJSON_ArrayForEach(e, a) ld_authors(e, out);
    }
}

static void ld_article(const cJSON *o, found *f)
{
    take(&f->ld_headline, ld_string(o, "headline"));
    take(&f->ld_date, ld_string(o, "datePublished"));
    take(&f->ld_modified, ld_string(o, "dateModified"));
    take(&f->ld_lang, ld_string(o, "inLanguage"));
    take(&f->ld_publisher, ld_string(o, "publisher"));
    if (!f->ld_authors.n)
        ld_authors(cJSON_GetObjectItemCaseSensitive(o, "author"), &f->ld_authors);
}

/* Visits the objects of a JSON-LD document without recursion: top level,
 * arrays and @graph. Article types win over WebPage. */
static void ld_scan(const cJSON *root, found *f)
{
    const cJSON *queue[64];
    size_t head = 0, tail = 0;
    queue[tail++] = root;
    const cJSON *page = NULL;
    while (head < tail) {
        const cJSON *o = queue[head++];
        if (cJSON_IsArray(o)) {
            const cJSON *e;
            cJSON_ArrayForEach(e, o) if (tail < 64) queue[tail++] = e;
            continue;
        }
        if (!cJSON_IsObject(o))
            continue;
        const cJSON *graph = cJSON_GetObjectItemCaseSensitive(o, "@graph");
        if (graph && tail < 64)
            queue[tail++] = graph;
        int t = is_article_type(cJSON_GetObjectItemCaseSensitive(o, "@type"));
        if (t == 2)
            ld_article(o, f);
        else if (t == 1 && !page)
            page = o;
        if (!f->ld_publisher) {
            const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "@type");
            if (cJSON_IsString(type) && (!strcmp(type->valuestring, "NewsMediaOrganization") ||
                                         !strcmp(type->valuestring, "Organization")))
                take(&f->ld_publisher, ld_string(o, "name"));
        }
    }
    if (page && !f->ld_date)
        ld_article(page, f);
}

static void ld_json(const GumboNode *script, found *f)
{
    const GumboVector *k = &script->v.element.children;
    if (k->length == 0 || ((GumboNode *)k->data[0])->type != GUMBO_NODE_TEXT)
        return;
    const char *text = ((GumboNode *)k->data[0])->v.text.text;
    cJSON *root = cJSON_Parse(text);
    if (root)
        ld_scan(root, f);
    cJSON_Delete(root);
}

/* ---- <meta> ------------------------------------------------------------- */

static void meta_tag(const GumboNode *n, found *f)
{
    const char *key = px_dom_attr(n, "property");
    if (!key)
        key = px_dom_attr(n, "name");
    if (!key)
        key = px_dom_attr(n, "itemprop");
    const char *v = px_dom_attr(n, "content");
    const char *equiv = px_dom_attr(n, "http-equiv");
    if (equiv && v && !strcasecmp(equiv, "content-language"))
        take(&f->meta_lang, v);
    if (!key || !v)
        return;
    static const char *const date_keys[] = {
        "article:published_time", "datePublished", "date", "pubdate", "publishdate",
        "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "og:published_time", "cxenseparse:recs:publishtime",
        "article.published", "published_time", "original-publish-date", NULL};
    static const char *const modified_keys[] = {"article:modified_time", "dateModified",
                                                "og:updated_time", "dcterms.modified", NULL};
    static const char *const author_keys[] = {"author", "article:author", "dc.creator",
                                              "sailthru.author", "parsely-author", "byl", NULL};
    for (const char *const *k = date_keys; *k; k++)
        if (!strcasecmp(key, *k))
            take(&f->meta_date, v);
    for (const char *const *k = modified_keys; *k; k++)
        if (!strcasecmp(key, *k))
            take(&f->meta_modified, v);
    for (const char *const *k = author_keys; *k; k++)
        if (!strcasecmp(key, *k))
            add_author(&f->meta_authors, v);
    if (!strcasecmp(key, "og:title"))
        take(&f->og_title, v);
    else if (!strcasecmp(key, "og:site_name"))
        take(&f->og_site, v);
    else if (!strcasecmp(key, "og:url"))
        take(&f->og_url, v);
    else if (!strcasecmp(key, "og:locale"))
        take(&f->og_locale, v);
    else if (!strcasecmp(key, "description") || !strcasecmp(key, "og:description"))
        take(&f->description, v);
    else if (!strcasecmp(key, "language") || !strcasecmp(key, "dc.language"))
        take(&f->meta_lang, v);
}

static int class_has(const GumboNode *n, const char *word)
{
    const char *c = px_dom_attr(n, "class");
    return c && strcasestr(c, word) != NULL;
}

/* Does the element's class or id name a dateline ("dateline", "pubdate",
 * "published", "byline", "timestamp", "posted")? Not "updated": that is
 * another date. */
static int names_dateline(const GumboNode *n)
{
    static const char *const words[] = {"date", "publish", "byline", "timestamp", "posted", NULL};
    const char *attrs[] = {px_dom_attr(n, "class"), px_dom_attr(n, "id")};
    for (size_t a = 0; a < 2; a++) {
        if (!attrs[a] || strcasestr(attrs[a], "update"))
            continue;
        for (const char *const *w = words; *w; w++)
            if (strcasestr(attrs[a], *w))
                return 1;
    }
    return 0;
}

/* The date in a short visible line ("Published March 7, 2025 · By …"):
 * read from the first word at which px_date_parse finds one. */
static void take_dateline(char **field, const GumboNode *n)
{
    char *text = NULL;
    take_text(&text, n);
    char iso[32];
    size_t len = text ? strlen(text) : 0;
    for (const char *p = text; len < 160 && p && *p && !*field; p++)
        if ((p == text || p[-1] == ' ') && isalnum((unsigned char)*p) && px_date_parse(p, iso) == PX_OK)
            *field = px_strdup(iso);
    free(text);
}

static void visit(const GumboNode *n, found *f)
{
    const char *v;
    switch (n->v.element.tag) {
    case GUMBO_TAG_HTML:
        take(&f->html_lang, px_dom_attr(n, "lang"));
        break;
    case GUMBO_TAG_TITLE:
        take_text(&f->doc_title, n);
        break;
    case GUMBO_TAG_H1:
        take_text(&f->h1, n);
        break;
    case GUMBO_TAG_META:
        meta_tag(n, f);
        break;
    case GUMBO_TAG_LINK:
        v = px_dom_attr(n, "rel");
        if (v && !strcasecmp(v, "canonical"))
            take(&f->canonical, px_dom_attr(n, "href"));
        break;
    case GUMBO_TAG_SCRIPT:
        v = px_dom_attr(n, "type");
        if (v && !strcasecmp(v, "application/ld+json"))
            ld_json(n, f);
        break;
    case GUMBO_TAG_TIME:
        v = px_dom_attr(n, "datetime");
        if (!f->time_date && v)
            take(&f->time_date, v);
        break;
    default:
        break;
    }
    if (!f->dateline_date && names_dateline(n))
        take_dateline(&f->dateline_date, n);
    v = px_dom_attr(n, "itemprop");
    if (v && !strcasecmp(v, "datePublished") && !f->time_date)
        take(&f->time_date, px_dom_attr(n, "datetime") ? px_dom_attr(n, "datetime")
                                                        : px_dom_attr(n, "content"));
    if (!f->byline_authors.n && ((v && !strcasecmp(v, "author")) || class_has(n, "byline") ||
                                 (px_dom_attr(n, "rel") && !strcasecmp(px_dom_attr(n, "rel"), "author")))) {
        char *text = NULL;
        take_text(&text, n);
        if (text && strlen(text) < 80)
            add_author(&f->byline_authors, text);
        free(text);
    }
}

/* ---- choosing ----------------------------------------------------------- */

/* "Headline | Site" or "Headline - Site": drops the part after the last
 * separator when what is left is long enough to be a headline. */
static char *strip_site_suffix(const char *title)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ",
                                       " \xC2\xBB ", NULL};
    const char *cut = NULL;
    for (const char *const *s = seps; *s; s++) {
        const char *p = title, *last = NULL;
        while ((p = strstr(p, *s)) != NULL)
            last = p++;
        if (last && (!cut || last > cut))
            cut = last;
    }
    if (cut && cut - title >= 15)
        return px_strndup(title, (size_t)(cut - title));
    return px_strdup(title);
}

static void set_date(char **out, const char *const *candidates, size_t n)
{
    char iso[32];
    for (size_t i = 0; i < n && !*out; i++)
        if (candidates[i] && px_date_parse(candidates[i], iso) == PX_OK)
            *out = px_strdup(iso);
}

/* /2019/11/18/, /2019-11-18/, /20191118/ in a URL path. */
static int url_date(const char *url, char iso[32])
{
    if (!url)
        return 0;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    for (; p && *p; p++) {
        int y, m, d, used = 0;
        if (*p != '/' && *p != '-' && *p != '_')
            continue;
        if ((sscanf(p + 1, "%4d/%2d/%2d%n", &y, &m, &d, &used) == 3 ||
             sscanf(p + 1, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3) &&
            used == 10 && y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
            !isdigit((unsigned char)p[1 + used])) {
            snprintf(iso, 32, "%04d-%02d-%02d", y, m, d);
            return 1;
        }
        if (sscanf(p + 1, "%4d/%2d/%n", &y, &m, &used) == 2 && used == 8 && 0) {
            /* year/month only: too vague for a publication day */
        }
    }
    return 0;
}

static char *language_tag(const char *v)
{
    if (!v)
        return NULL;
    char tag[16];
    size_t n = 0;
    while (v[n] && isalpha((unsigned char)v[n]) && n < 8)
        n++;
    if (n < 2 || n > 3)
        return NULL;
    for (size_t i = 0; i < n; i++)
        tag[i] = (char)tolower((unsigned char)v[i]);
    tag[n] = '\0';
    return px_strdup(tag);
}

static void copy_list(px_strlist *to, const px_strlist *from)
{
    for (size_t i = 0; i < from->n; i++)
        px_strlist_push(to, from->items[i]);
}

static void choose(found *f, const char *page_url, px_html_meta *m)
{
    const char *title = f->og_title ? f->og_title : f->ld_headline ? f->ld_headline : f->h1;
    if (title) {
        m->title = strip_site_suffix(title);
        if (m->title && strlen(m->title) < 5) { /* a stub like "Home": fall back */
            free(m->title);
            m->title = NULL;
        }
    }
    if (!m->title && f->doc_title)
        m->title = strip_site_suffix(f->doc_title);
    const char *dates[] = {f->ld_date, f->meta_date, f->time_date};
    set_date(&m->date, dates, 3);
    char iso[32];
    if (!m->date && (url_date(page_url, iso) || url_date(f->canonical, iso)))
        m->date = px_strdup(iso);
    if (!m->date && f->dateline_date)
        m->date = px_strdup(f->dateline_date);
    const char *mods[] = {f->ld_modified, f->meta_modified};
    set_date(&m->modified, mods, 2);
    copy_list(&m->authors, f->ld_authors.n ? &f->ld_authors
                           : f->meta_authors.n ? &f->meta_authors : &f->byline_authors);
    take(&m->publisher, f->ld_publisher ? f->ld_publisher : f->og_site);
    take(&m->canonical_url, f->canonical && strstr(f->canonical, "://") ? f->canonical : f->og_url);
    const char *langs[] = {f->ld_lang, f->html_lang, f->meta_lang, f->og_locale};
    for (size_t i = 0; i < 4 && !m->language; i++)
        m->language = language_tag(langs[i]);
    take(&m->description, f->description);
}

int px_dom_metadata(const px_dom *d, const char *page_url, px_html_meta *m)
{
    memset(m, 0, sizeof *m);
    found f;
    memset(&f, 0, sizeof f);
    px_dom_walk w;
    if (px_dom_walk_start(&w, d->out->root))
        return PX_ENOMEM;
    const GumboNode *n;
    while ((n = px_dom_walk_next(&w, 0)) != NULL)
        if (n->type == GUMBO_NODE_ELEMENT)
            visit(n, &f);
    px_dom_walk_free(&w);
    choose(&f, page_url, m);
    found_free(&f);
    return PX_OK;
}

int px_html_metadata(const char *html, size_t len, const char *page_url, px_html_meta *m,
                     px_error *err)
{
    memset(m, 0, sizeof *m);
    px_dom d;
    int rc = px_dom_parse(&d, html, len, err);
    if (rc)
        return rc;
    rc = px_dom_metadata(&d, page_url, m);
    px_dom_free(&d);
    return rc ? px_error_set(err, rc, "out of memory") : PX_OK;
}
