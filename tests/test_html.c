/* test_html.c - web pages: charset decoding, main-text extraction,
 * metadata, HTTP bodies and pathological pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <brotli/encode.h>

#include "testutil.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
    s[n] = '\0';
    fclose(fp);
    *len = (size_t)n;
    return s;
}

/* ---- charset ------------------------------------------------------------ */

static void test_charset_meta_latin1(void **s)
{
    (void)s;
    const char page[] = "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>caf\xe9 "
                        "\x93quoted\x94</p></body></html>";
    px_buf out = {0};
    px_charset_info info;
    assert_int_equal(px_html_decode(page, sizeof page - 1, NULL, &out, &info, NULL), PX_OK);
    assert_string_equal(info.name, "WINDOWS-1252");
    assert_string_equal(info.how, "meta");
    /* windows-1252, not strict latin-1: 0x93/0x94 are curly quotes */
    assert_non_null(strstr(out.data, "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d"));
    px_buf_free(&out);
}

static void test_charset_declared_wrongly(void **s)
{
    (void)s;
    /* UTF-8 bytes on a page that claims latin-1: the bytes win */
    const char utf8_page[] = "<meta charset=iso-8859-1><p>Ren\xc3\xa9\x65 Gagnon \xe2\x80\x94 ok</p>";
    px_buf out = {0};
    px_charset_info info;
    assert_int_equal(px_html_decode(utf8_page, sizeof utf8_page - 1, NULL, &out, &info, NULL), PX_OK);
    assert_string_equal(info.name, "UTF-8");
    assert_int_equal(info.declared_ignored, 1);
    assert_non_null(strstr(out.data, "Ren\xc3\xa9\x65 Gagnon \xe2\x80\x94"));
    /* latin-1 bytes on a page that claims UTF-8 */
    const char latin_page[] = "<meta charset=utf-8><p>Ren\xe9\x65, na\xefve, d\xe9j\xe0 vu</p>";
    assert_int_equal(px_html_decode(latin_page, sizeof latin_page - 1, NULL, &out, &info, NULL), PX_OK);
    assert_string_equal(info.name, "WINDOWS-1252");
    assert_non_null(strstr(out.data, "na\xc3\xafve, d\xc3\xa9j\xc3\xa0 vu"));
    px_buf_free(&out);
}

static void test_charset_http_header_bom_and_binary(void **s)
{
    (void)s;
    px_buf out = {0};
    px_charset_info info;
    const char page[] = "<meta charset=utf-8><p>\xa4</p>";
    /* the HTTP header is trusted over <meta> when the bytes allow it */
    assert_int_equal(px_html_decode(page, sizeof page - 1, "text/html; charset=ISO-8859-15", &out, &info, NULL), PX_OK);
    assert_string_equal(info.how, "http");
    assert_non_null(strstr(out.data, "\xe2\x82\xac")); /* euro sign in latin-9 */
    const char utf16[] = "\xff\xfe<\0p\0>\0h\0i\0";
    assert_int_equal(px_html_decode(utf16, sizeof utf16 - 1, NULL, &out, &info, NULL), PX_OK);
    assert_string_equal(info.how, "bom");
    assert_string_equal(out.data, "<p>hi");
    px_error err;
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_int_equal(px_html_decode(png, sizeof png - 1, "text/html", &out, &info, &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "PNG"));
    unsigned char noise[4096];
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (unsigned char)(i * 7919u >> 3);
    assert_int_equal(px_html_decode((char *)noise, sizeof noise, NULL, &out, &info, &err), PX_EFORMAT);
    char ct[40];
    assert_int_equal(px_content_type_charset("text/html;charset=\"Shift_JIS\"", ct, sizeof ct), 1);
    assert_string_equal(ct, "Shift_JIS");
    assert_int_equal(px_content_type_charset("text/html", ct, sizeof ct), 0);
    px_buf_free(&out);
}

/* ---- extraction --------------------------------------------------------- */

static void test_example_page_chrome_removed(void **s)
{
    (void)s;
    size_t len;
    char *page = slurp("examples/html/harbor-herald--bridge-divers.html", &len);
    px_article *a = px_article_new();
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_html_to_article(page, len, NULL, NULL, a, &err), PX_OK);
    /* the story, in order, with its sub-heading */
    const char *p1 = strstr(a->body, "PORT ALDER \xe2\x80\x94 Divers working from two barges");
    const char *h2 = strstr(a->body, "\n\nQuestions about last year's repairs\n\n");
    const char *last = strstr(a->body, "would stay free until further notice.");
    assert_true(p1 == a->body);
    assert_non_null(h2);
    assert_non_null(last);
    assert_true(p1 < h2 && h2 < last);
    assert_non_null(strstr(a->body, "Three people are still listed as missing.\n\nQuestions"));
    /* and none of the page around it */
    const char *chrome[] = {"cookies", "Accept all", "Politics", "Share on", "A crane lifts",
                            "Advertisement", "newsletter", "Related", "Families wait",
                            "riverwatcher", "every single day", "All rights reserved",
                            "Tillman Bridge Port Alder", "Divers Recover Bus"};
    for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
        if (strstr(a->body, chrome[i]))
            fail_msg("page chrome \"%s\" kept in the body", chrome[i]);
    assert_string_equal(a->title, "Divers Recover Bus From Sable River as Search Enters Third Day");
    assert_int_equal(a->authors.n, 2);
    assert_string_equal(a->authors.items[1], "Luis Ortega");
    assert_string_equal(a->date, "2025-03-06T19:20:00Z");
    assert_string_equal(a->source, "Harbor Herald");
    assert_string_equal(a->language, "en");
    assert_string_equal(a->url, "https://harborherald.example/news/2025/03/06/divers-recover-bus-sable-river");
    px_article_free(a);
    free(page);
}

static void test_table_layout_latin1_page(void **s)
{
    (void)s;
    tu_result r;
    px_read_opts o = {0};
    tu_read_raw_one(&r, "examples/html/meridian-times--strike-talks.htm", &o);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.n, 1);
    px_article *a = r.articles[0];
    assert_true(strncmp(a->body, "MILLBROOK", 9) == 0);
    assert_non_null(strstr(a->body, "Ren\xc3\xa9\x65 Gagnon"));
    assert_non_null(strstr(a->body, "\xc2\xabnot as wide as people think\xc2\xbb"));
    assert_non_null(strstr(a->body, "halted for six days."));
    assert_null(strstr(a->body, "Subscribe"));
    assert_null(strstr(a->body, "Markets"));
    assert_null(strstr(a->body, "Facebook"));
    assert_null(strstr(a->body, "Privacy"));
    assert_string_equal(a->title, "Corran Strike Talks Resume With Mediator");
    assert_string_equal(a->authors.items[0], "Priya Ramanathan");
    assert_string_equal(a->date, "2025-03-07"); /* from the visible dateline */
    tu_result_free(&r);
}

/* Short paragraphs between long ones stay; a teaser list does not. */
static void test_short_paragraphs_and_lists(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=nav><a href=/>Home</a> <a href=/a>World</a></div>"
        "<div class=post><p>The council met on Monday evening to vote on the budget, which had been "
        "delayed twice since January because of a dispute over road repairs.</p>"
        "<p>It passed.</p>"
        "<p>Members who voted against it said the plan cut too deeply into the parks department, "
        "which would lose four of its nine staff positions next year.</p>"
        "<ul><li>Roads: $4.1 million, up from $3.2 million last year.</li>"
        "<li>Parks: $0.9 million, down from $1.3 million last year.</li></ul>"
        "<p>The mayor said she would sign the budget on Friday, after a final review of the figures by the city's finance office.</p></div>"
        "<div class=related><ul><li><a href=/x>Council delays budget vote again</a></li>"
        "<li><a href=/y>Parks staff rally outside city hall</a></li></ul></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "road repairs.\n\nIt passed.\n\nMembers who"));
    assert_non_null(strstr(out.data, "\n\nRoads: $4.1 million, up from $3.2 million last year.\n\nParks:"));
    assert_null(strstr(out.data, "Council delays"));
    assert_null(strstr(out.data, "Home"));
    px_buf_free(&out);
}

/* A list between paragraphs whose items each link their name is the
 * article; a list of links below it is not. */
static void test_linked_list_between_prose(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div><a href=/>Home</a> <a href=/n>News</a> <a href=/s>Sport</a></div>"
        "<div><h1>The best tools of the year</h1>"
        "<p>We tested dozens of tools over the summer, and these are the ones that held up after "
        "months of daily use in the workshop.</p><ul>"
        "<li><a href=/a>Hammer</a>: solid and cheap</li><li><a href=/b>Saw</a>: cuts straight</li>"
        "<li><a href=/c>Drill</a>: long battery life</li>"
        "<li><a href=/d>Level</a>: accurate to a millimetre</li></ul>"
        "<p>Prices were checked in November, and they change often, so look again before you buy "
        "anything from the list above.</p></div>"
        "<div><ul><li><a href=/x>Other story one about something</a></li>"
        "<li><a href=/y>Other story two about other things</a></li></ul></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "workshop.\n\nHammer: solid and cheap\n\nSaw: cuts straight\n\n"
                                     "Drill: long battery life\n\nLevel: accurate to a millimetre\n\n"
                                     "Prices were"));
    assert_null(strstr(out.data, "Other story"));
    px_buf_free(&out);
}

/* A blog post set apart by line breaks, not paragraphs: short lines of
 * dialogue in a row between its prose stay, and so does a last line whose
 * sentence ends inside German quotes. */
static void test_short_lines_between_prose(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div><a href=/>Blog</a> <a href=/about>About</a> <a href=/a>Archive</a></div>"
        "<div><h1>Ein Wochenende im Harz</h1><div>Wir sind am Freitag fr\xc3\xbch losgefahren, "
        "weil der Wetterbericht f\xc3\xbcr Samstag Regen angesagt hatte und wir vorher noch wandern "
        "wollten.<br><br>\xe2\x80\x9e" "Das schaffen wir nie.\xe2\x80\x9c<br><br>\xe2\x80\x9e"
        "Doch.\xe2\x80\x9c<br><br>\xe2\x80\x9e" "Na gut.\xe2\x80\x9c<br><br>Am Abend sa\xc3\x9f" "en wir m\xc3\xbc" "de, "
        "aber gl\xc3\xbc" "cklich in der kleinen Pension am Waldrand und planten die n\xc3\xa4" "chste "
        "Tour.<br><br>Sie lachte nur: \xe2\x80\x9e" "Dann nehmen wir eben den Schirm mit und gehen "
        "trotzdem los.\xe2\x80\x9c</div></div>"
        "<div><a href=/prev>\xc3\x84lterer Beitrag</a> <a href=/next>Neuerer Beitrag</a></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "wandern wollten.\n\n\xe2\x80\x9e" "Das schaffen wir nie.\xe2\x80\x9c"
                                     "\n\n\xe2\x80\x9e" "Doch.\xe2\x80\x9c\n\n\xe2\x80\x9e" "Na gut.\xe2\x80\x9c"
                                     "\n\nAm Abend"));
    assert_non_null(strstr(out.data, "Tour.\n\nSie lachte nur:"));
    assert_null(strstr(out.data, "Beitrag"));
    px_buf_free(&out);
}

/* A forum thread: its posts, each under a linked author name, are the
 * page's only prose, so they are the content, not a comment thread, even
 * when the menus around them hold more text. */
static void test_forum_thread_is_content(void **s)
{
    (void)s;
    px_buf page = {0};
    assert_int_equal(px_buf_puts(&page, "<html><body><ul>"), PX_OK);
    for (int i = 0; i < 25; i++) {
        char item[160];
        snprintf(item, sizeof item, "<li><a href=/f%d>Forum section %d about bikes and parts</a> "
                                    "last post by someone on a weekday</li>", i, i);
        assert_int_equal(px_buf_puts(&page, item), PX_OK);
    }
    const char *posts[] = {
        "My chain keeps slipping on the smallest cog when I climb out of the saddle. I replaced "
        "the chain last month, but the cassette is old. Could the cassette be worn?",
        "Almost certainly the cassette. A new chain on a worn cassette skips under load, and the "
        "smallest cogs wear fastest because they have the fewest teeth.",
        "Check the limit screws first, it costs nothing. If the indexing is right and it still "
        "skips, replace the cassette and the chainrings will probably be fine.",
        "Thanks, a new cassette fixed it. The old one had teeth that looked like shark fins."};
    assert_int_equal(px_buf_puts(&page, "</ul><div><h1>Chain keeps slipping</h1>"), PX_OK);
    for (size_t i = 0; i < sizeof posts / sizeof posts[0]; i++) {
        char post[400];
        snprintf(post, sizeof post, "<div><div><a href=/u/%zu>rider%zu</a></div><div>%s</div></div>",
                 i, i, posts[i]);
        assert_int_equal(px_buf_puts(&page, post), PX_OK);
    }
    assert_int_equal(px_buf_puts(&page, "</div></body></html>"), PX_OK);
    px_buf out = {0};
    assert_int_equal(px_html_extract(page.data, page.len, &out, NULL), PX_OK);
    const char *at = out.data;
    for (size_t i = 0; i < sizeof posts / sizeof posts[0]; i++) {
        const char *p = strstr(at, posts[i]);
        if (!p)
            fail_msg("post %zu of the thread missing", i);
        at = p;
    }
    assert_null(strstr(out.data, "Forum section"));
    px_buf_free(&out);
    px_buf_free(&page);
}

/* A section front: headlines over one-line teasers, or headlines alone,
 * with a line of text of its own. */
static char *index_page(int with_teasers, int related_only)
{
    static const char *heads[] = {
        "Council approves new budget after a long night", "Storm closes coastal roads for a second day",
        "Local team wins the title with a late goal", "School board delays its vote on reading",
        "Police search for a driver after the crash", "Museum reopens after two years of repairs",
        "Farmers warn of a poor harvest this autumn", "City plans new bike lanes along the river"};
    px_buf b = {0};
    int rc = px_buf_puts(&b, "<html><body><div><a href=/>Home</a> <a href=/n>News</a></div>"
                             "<h1>Local news</h1>");
    if (related_only)
        rc |= px_buf_puts(&b, "<p>The council met on Monday evening to vote on the budget, which had "
                              "been delayed twice since January because of a dispute over road "
                              "repairs. Members who voted against it said the plan cut too deeply "
                              "into the parks department, which would lose four of its nine staff "
                              "positions next year, and the mayor said she would sign it on Friday "
                              "after a final review of the figures by the city's finance office. "
                              "Residents who spoke at the meeting were divided: some wanted the "
                              "roads fixed first, others asked the council to keep the parks open "
                              "all year, and a few asked why the vote had taken so long.</p>");
    else
        rc |= px_buf_puts(&b, "<p>Updated every hour.</p>");
    rc |= px_buf_puts(&b, "<div>");
    for (size_t i = 0; i < (related_only ? 5 : 8); i++) {
        char item[400];
        snprintf(item, sizeof item, "<div><h2><a href=/n%zu>%s</a></h2>%s</div>", i, heads[i],
                 with_teasers ? "<p>What happened, where and when, in one sentence that sums up "
                                "the story below it.</p>"
                              : "");
        rc |= px_buf_puts(&b, item);
    }
    rc |= px_buf_puts(&b, "</div></body></html>");
    assert_int_equal(rc, PX_OK);
    return px_buf_steal(&b);
}

static void test_index_pages_not_articles(void **s)
{
    (void)s;
    for (int teasers = 0; teasers < 2; teasers++) {
        char *page = index_page(teasers, 0);
        px_article *a = px_article_new();
        px_error err;
        px_error_clear(&err);
        assert_int_equal(px_html_to_article(page, strlen(page), NULL, NULL, a, &err), PX_EEMPTY);
        assert_non_null(strstr(err.msg, "not an article (index page: "));
        assert_non_null(strstr(err.msg, teasers ? "a list of 8 teasers" : "% of its text is links"));
        px_article_free(a);
        free(page);
    }
    /* an article over a list of related stories with teasers is an article */
    char *page = index_page(1, 1);
    px_article *a = px_article_new();
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_html_to_article(page, strlen(page), NULL, NULL, a, &err), PX_OK);
    assert_non_null(strstr(a->body, "The council met on Monday evening"));
    px_article_free(a);
    free(page);
}

/* A visible dateline is the last resort for the date: after JSON-LD,
 * <meta>, <time> and the URL; an "updated" line is not the publication. */
static void test_visible_dateline(void **s)
{
    (void)s;
    static const char page[] =
        "<html><body><div class=updated>Updated 9 March 2025</div>"
        "<p class=\"story-meta pubdate\">By Ana Silva \xc2\xb7 Published 4 March 2025, 10:15</p>"
        "<p>The ferry resumed service on Tuesday.</p></body></html>";
    px_html_meta m;
    assert_int_equal(px_html_metadata(page, sizeof page - 1, NULL, &m, NULL), PX_OK);
    assert_non_null(m.date);
    assert_true(strncmp(m.date, "2025-03-04", 10) == 0);
    px_html_meta_clear(&m);
    assert_int_equal(px_html_metadata(page, sizeof page - 1, "https://x.example/2025/02/28/ferry", &m, NULL),
                     PX_OK);
    assert_string_equal(m.date, "2025-02-28"); /* the URL's date comes first */
    px_html_meta_clear(&m);
}

static void test_metadata_sources(void **s)
{
    (void)s;
    const char page[] =
        "<html lang=\"fr-CA\"><head><title>Le pont rouvre enfin | Le Journal</title>"
        "<meta name=\"author\" content=\"Marie Tremblay\">"
        "<meta property=\"og:site_name\" content=\"Le Journal\"></head>"
        "<body><h1>Le pont rouvre</h1><p>Texte.</p></body></html>";
    px_html_meta m;
    assert_int_equal(px_html_metadata(page, sizeof page - 1,
                                      "https://journal.example/2024/05/17/pont", &m, NULL), PX_OK);
    assert_string_equal(m.title, "Le pont rouvre"); /* <h1> before <title> */
    assert_string_equal(m.date, "2024-05-17");       /* from the URL */
    assert_string_equal(m.authors.items[0], "Marie Tremblay");
    assert_string_equal(m.publisher, "Le Journal");
    assert_string_equal(m.language, "fr");
    px_html_meta_clear(&m);
    const char page2[] = "<title>A headline long enough to keep - Site Name</title><p>x</p>";
    assert_int_equal(px_html_metadata(page2, sizeof page2 - 1, NULL, &m, NULL), PX_OK);
    assert_string_equal(m.title, "A headline long enough to keep");
    assert_null(m.date);
    px_html_meta_clear(&m);
    /* JSON-LD in a @graph beats OpenGraph for the date; broken JSON-LD is ignored */
    const char page3[] =
        "<script type=application/ld+json>{\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"NewsArticle\","
        "\"headline\":\"H\",\"datePublished\":\"2023-10-31T08:00:00+01:00\",\"author\":{\"name\":\"By Ann Lee\"}}]}</script>"
        "<script type=application/ld+json>{broken</script>"
        "<meta property=article:published_time content=2020-01-01>";
    assert_int_equal(px_html_metadata(page3, sizeof page3 - 1, NULL, &m, NULL), PX_OK);
    assert_string_equal(m.date, "2023-10-31T07:00:00Z");
    assert_string_equal(m.authors.items[0], "Ann Lee");
    px_html_meta_clear(&m);
}

static void test_deeply_nested_page(void **s)
{
    (void)s;
    size_t n = 100000;
    const char open[] = "<div>", para[] = "<p>After all those boxes, one sentence of text, which is here.</p>";
    char *page = malloc(n * 5 + sizeof para);
    for (size_t i = 0; i < n; i++)
        memcpy(page + i * 5, open, 5);
    memcpy(page + n * 5, para, sizeof para);
    px_buf out = {0};
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_html_extract(page, strlen(page), &out, &err), PX_OK);
    assert_non_null(strstr(err.msg, "nested deeper than"));
    /* stray end tags close nothing: still too deep */
    for (size_t i = 0; i < n; i += 2)
        memcpy(page + i * 5, "</a> ", 5);
    px_error_clear(&err);
    assert_int_equal(px_html_extract(page, strlen(page), &out, &err), PX_OK);
    assert_non_null(strstr(err.msg, "nested deeper than"));
    /* 100k boxes closed right away: the page is read in full */
    free(page);
    page = malloc(n * 11 + sizeof para);
    for (size_t i = 0; i < n; i++)
        memcpy(page + i * 11, "<div></div>", 11);
    memcpy(page + n * 11, para, sizeof para);
    px_error_clear(&err);
    assert_int_equal(px_html_extract(page, strlen(page), &out, &err), PX_OK);
    assert_string_equal(err.msg, "");
    assert_non_null(strstr(out.data, "one sentence of text"));
    px_buf_free(&out);
    free(page);
}

/* A 200 MB page is refused by the record cap without being held whole,
 * and the next input is still read. */
static void test_huge_page_capped(void **s)
{
    (void)s;
    char path[] = "/tmp/px-huge-XXXXXX.html";
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    /* sparse: the file system need not write 200 MB for the reader to see them */
    assert_int_equal(write(fd, "<html><body><p>", 15), 15);
    assert_int_equal(ftruncate(fd, (off_t)200 << 20), 0);
    close(fd);
    const char *paths[] = {path, "examples/html/meridian-times--strike-talks.htm"};
    tu_result r;
    tu_read(&r, paths, 2, NULL);
    assert_int_equal(r.errors, 1);
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.last_error, "larger than"));
    tu_result_free(&r);
    unlink(path);
}

/* ---- HTTP ---------------------------------------------------------------- */

static void test_http_head_and_bodies(void **s)
{
    (void)s;
    const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
    px_http_response r = {0};
    assert_int_equal(px_http_parse_head(head, sizeof head - 1, &r, NULL), PX_OK);
    assert_int_equal(r.status, 200);
    assert_string_equal(px_http_header(&r, "content-type"), "text/html; charset=utf-8");
    px_buf out = {0};
    assert_int_equal(px_http_decode_body(&r, head + r.body_offset, sizeof head - 1 - r.body_offset,
                                         1 << 20, &out, NULL), PX_OK);
    assert_string_equal(out.data, "Hello, world");
    px_http_response_clear(&r);
    /* a chunk cut short keeps what arrived */
    out.len = 0;
    px_error err;
    assert_int_equal(px_http_dechunk("a\r\nshort", 9, 100, &out, &err), PX_EFORMAT);
    assert_string_equal(out.data, "short");
    assert_int_equal(px_http_parse_head("GET / HTTP/1.1\r\n\r\n", 18, &r, &err), PX_EFORMAT);
    assert_int_equal(px_http_parse_head("HTTP/1.1 200 OK\r\nX: y\r\n", 23, &r, &err), PX_EFORMAT);
    px_http_response_clear(&r);

    const char text[] = "<p>compressed body, compressed body, compressed body</p>";
    unsigned char z[256], raw[256], br[256];
    uLongf zn = sizeof z;
    assert_int_equal(compress2(z, &zn, (const Bytef *)text, sizeof text - 1, 9), Z_OK);
    z_stream d = {0};
    deflateInit2(&d, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    d.next_in = (Bytef *)text;
    d.avail_in = sizeof text - 1;
    d.next_out = raw;
    d.avail_out = sizeof raw;
    deflate(&d, Z_FINISH);
    size_t rawn = sizeof raw - d.avail_out;
    deflateEnd(&d);
    size_t brn = sizeof br;
    assert_true(BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, sizeof text - 1, (const uint8_t *)text, &brn, br));
    struct { const char *enc; const unsigned char *data; size_t n; } cases[] = {
        {"deflate", z, zn}, {"deflate", raw, rawn}, {"br", br, brn}};
    for (size_t i = 0; i < 3; i++) {
        char h[128];
        int hn = snprintf(h, sizeof h, "HTTP/1.0 200 OK\nContent-Encoding: %s\n\n", cases[i].enc);
        assert_int_equal(px_http_parse_head(h, (size_t)hn, &r, NULL), PX_OK);
        out.len = 0;
        assert_int_equal(px_http_decode_body(&r, (const char *)cases[i].data, cases[i].n, 1 << 20, &out, NULL), PX_OK);
        assert_string_equal(out.data, text);
        out.len = 0;
        assert_int_equal(px_http_decode_body(&r, (const char *)cases[i].data, cases[i].n, 10, &out, &err), PX_ELIMIT);
        px_http_response_clear(&r);
    }
    px_buf_free(&out);
}

/* JSON Lines records may carry the page instead of the text. */
static void test_jsonl_html_field(void **s)
{
    (void)s;
    const char data[] =
        "{\"url\":\"https://x.example/2024/02/03/a\",\"html\":\"<html><body><nav><a href=/>Home</a></nav>"
        "<article><p>The first paragraph of the story is long enough to count as prose, with commas.</p>"
        "</article></body></html>\",\"section\":\"local\"}\n"
        "{\"html\":\"<html><body></body></html>\"}\n";
    char *path = tu_write_temp(data, sizeof data - 1, ".jsonl");
    tu_result r;
    tu_read_one(&r, path, NULL);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.errors, 1);
    assert_non_null(strstr(r.last_error, ":2: html field: no article text"));
    px_article *a = r.articles[0];
    assert_true(strncmp(a->body, "The first paragraph", 19) == 0);
    assert_string_equal(a->date, "2024-02-03");
    assert_null(strstr(a->extra_json, "html"));
    assert_non_null(strstr(a->extra_json, "local"));
    tu_result_free(&r);
    unlink(path);
    free(path);
}

/* A grid of short cells inside the article is data and is kept; a grid of
 * links beside it is a menu and is not. */
static void test_data_table_kept(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><table><tr><td><a href=/a>News</a></td><td><a href=/b>Sport</a></td></tr>"
        "<tr><td><a href=/c>Weather</a></td><td><a href=/d>Travel</a></td></tr>"
        "<tr><td><a href=/e>Jobs</a></td><td><a href=/f>Homes</a></td></tr></table>"
        "<div class=story><p>The rowing club published the results of Saturday's regatta, "
        "held on the lower lake in a strong crosswind, on its notice board.</p>"
        "<table><tr><th>Place</th><th>Crew</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Northbank Eight</td><td>6:02</td></tr>"
        "<tr><td>2</td><td>Mill Lane</td><td>6:09</td></tr>"
        "<tr><td>3</td><td>Old Quay</td><td>6:15</td></tr></table>"
        "<p>Officials said the times were slower than last year because of the wind, "
        "which turned twice during the afternoon races.</p></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    const char *first = strstr(out.data, "notice board."), *row = strstr(out.data, "Mill Lane\n\n6:09");
    const char *last = strstr(out.data, "Officials said");
    assert_non_null(first);
    assert_non_null(strstr(out.data, "Place\n\nCrew\n\nTime"));
    assert_non_null(row);
    assert_non_null(last);
    assert_true(first < row && row < last);
    assert_null(strstr(out.data, "Weather"));
    px_buf_free(&out);
}

/* A post embedded from a social network is quoted by the article and kept,
 * even inside a box named "social"; the share bar next to it is not. */
static void test_embedded_post_kept(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><article><div class=body>"
        "<p>The ferry company apologised on Tuesday after a second cancellation in a week left "
        "dozens of commuters waiting on the pier in the rain.</p>"
        "<p>Passengers were quick to complain online, and some posted pictures of the empty berth.</p>"
        "<div class=social-embed><blockquote class=\"twitter-tweet\"><p lang=en>Stood on the pier "
        "for forty minutes, no boat and no announcement. <a href=https://t.example/x>t.example/x</a></p>"
        "&mdash; Island Commuter (@islandcommuter) <a href=https://x.example/s/1>May 3, 2022</a>"
        "</blockquote></div>"
        "<p>The company said a crew shortage was to blame and promised a full timetable from Monday, "
        "when two new deckhands start work.</p></div>"
        "<div class=social-share><a href=/s1>Share on Facebook</a> <a href=/s2>Share by email</a></div>"
        "</article></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    const char *before = strstr(out.data, "pictures of the empty berth.");
    const char *post = strstr(out.data, "Stood on the pier for forty minutes");
    const char *after = strstr(out.data, "The company said");
    assert_non_null(before);
    assert_non_null(post);
    assert_non_null(after);
    assert_true(before < post && post < after);
    assert_non_null(strstr(out.data, "Island Commuter (@islandcommuter)"));
    assert_null(strstr(out.data, "Share on"));
    px_buf_free(&out);
}

/* Inside the article's box, a run of short paragraphs (a numbered list
 * written as paragraphs) is the article; short paragraphs outside it and
 * paragraphs made of one link are not. */
static void test_paragraph_runs_in_article(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=sidebar><p>Popular now</p><p>Weather</p></div>"
        "<div class=entry-content><p>Our weekly list of second-hand finds is here again, with "
        "prices checked on Thursday morning at the three shops in the old market hall.</p>"
        "<p>1) Oak table</p><p>2) Brass lamp</p><p>3) Six glasses</p>"
        "<p>4) Blue rug</p><p><a href=/shop>market-hall.example/shop</a></p>"
        "<p>Prices change quickly, so call the shop before you travel, and ask whether the "
        "item is still on the floor.</p></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "old market hall.\n\n1) Oak table\n\n2) Brass lamp"
                                     "\n\n3) Six glasses\n\n4) Blue rug\n\nPrices change"));
    assert_null(strstr(out.data, "Popular now"));
    assert_null(strstr(out.data, "market-hall.example"));
    px_buf_free(&out);
}

/* A list without links inside the article is the article, however short
 * its items; a list of links inside the same box is not. */
static void test_unlinked_list_in_article(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><article><p>This loaf needs no kneading and very little attention: mix it "
        "in the evening, leave it covered overnight, and bake it before breakfast.</p>"
        "<ul><li>500 g flour</li><li>2 tsp salt</li><li>1 tsp yeast</li><li>400 ml water</li></ul>"
        "<p>Bake it in a heavy pot with the lid on for half an hour, then without the lid until "
        "the crust is a deep brown.</p>"
        "<ul><li><a href=/r1>Quick rye rolls</a></li><li><a href=/r2>Seeded flatbread</a></li>"
        "<li><a href=/r3>Soda bread</a></li></ul></article></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "before breakfast.\n\n500 g flour\n\n2 tsp salt\n\n"
                                     "1 tsp yeast\n\n400 ml water\n\nBake it"));
    assert_null(strstr(out.data, "rye rolls"));
    px_buf_free(&out);
}

/* One word alone between paragraphs is a label, not the article; a
 * one-word sentence is. */
static void test_one_word_labels(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=story><p>The library will open on Sundays from March, the first "
        "change to its hours since the new building opened eleven years ago.</p>"
        "<div>Advertisement</div>"
        "<p>Was the change overdue?</p><p>Yes.</p>"
        "<p>Readers have asked for Sunday hours in every survey the library has run, and staff "
        "say the cost is covered by the new budget.</p><p>Comments</p></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "eleven years ago.\n\nWas the change overdue?\n\nYes.\n\nReaders"));
    assert_null(strstr(out.data, "Advertisement"));
    assert_null(strstr(out.data, "Comments"));
    px_buf_free(&out);
}

/* A photo credit written straight into a <figure> is not the article;
 * a table in a <figure> still is. */
static void test_figure_credit_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><article><p>Volunteers planted four hundred oak saplings along the river on "
        "Saturday, the first stage of a plan to shade the water for trout.</p>"
        "<figure><img src=a.jpg><figcaption>Volunteers at work.</figcaption>"
        "<span>Jo Marsh/River Trust Photo Agency</span></figure>"
        "<p>The trust hopes to plant another thousand trees next winter, if it can raise "
        "the money for guards that keep the deer away from the young trees.</p>"
        "<figure><table><tr><td>Year</td><td>Trees</td></tr><tr><td>2023</td><td>400</td></tr>"
        "<tr><td>2024</td><td>1000</td></tr></table></figure></article></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "for trout.\n\nThe trust hopes"));
    assert_null(strstr(out.data, "Jo Marsh"));
    assert_null(strstr(out.data, "Volunteers at work"));
    assert_non_null(strstr(out.data, "2024\n\n1000"));
    px_buf_free(&out);
}

/* A photo credit line ("Photo: Ann Reed, AP", "Ann Reed | Reuters") and
 * the short text beside it in its box are a caption, with no class or
 * image to say so (a gallery's list or a picture the page loads later); a
 * sentence that names an agency is the article. */
static void test_credit_line_captions_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div><p>The ferry to the island will run twice a day from May, the "
        "operator said on Monday, after a winter of single crossings.</p>"
        "<ul><li><div>Photo: Ann Reed, AP</div><div>Passengers board the morning ferry at the "
        "harbour, April 2, 2024.</div></li></ul>"
        "<p>The island's council, as AP reported on Friday, asked for the change a year ago, "
        "and the operator agreed once the new boat was in service.</p>"
        "<div><div>The new boat at the quay before its first crossing</div>"
        "<div>Ann Reed | Reuters</div></div>"
        "<p>Tickets go on sale next week, and islanders will keep their discount on every "
        "crossing, the operator added in a statement.</p></div>"
        "</body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_null(strstr(out.data, "Ann Reed"));
    assert_null(strstr(out.data, "Passengers board"));
    assert_null(strstr(out.data, "The new boat at the quay"));
    assert_non_null(strstr(out.data, "as AP reported on Friday"));
    assert_non_null(strstr(out.data, "single crossings."));
    assert_non_null(strstr(out.data, "in a statement."));
    px_buf_free(&out);
}

/* A caption outside <figure>: a small box holding an image and its title
 * and credit in plain <div>s, with no class to name it, is not the article.
 * A short post written between its pictures is: its box holds more
 * blocks than a caption. */
static void test_image_box_caption_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div><div><p>The ferry to the island will run twice a day from May, the "
        "operator said on Monday, after a winter of single crossings.</p>"
        "<div><div><picture><img src=boat.jpg></picture></div><div><div>Passengers board the "
        "morning ferry at the harbour, April 2, 2024.</div><div>Ann Reed / Coast Photos</div>"
        "</div></div>"
        "<p>Tickets go on sale next week, and islanders will keep their discount on every "
        "crossing, the operator added in a statement.</p></div></div>"
        "</body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "single crossings.\n\nTickets go on sale"));
    assert_null(strstr(out.data, "Passengers board"));
    assert_null(strstr(out.data, "Ann Reed"));
    px_buf_free(&out);

    const char post[] =
        "<html><body><div><div><img src=a.jpg></div>"
        "<div>We planted beans, peas and two rows of lettuce in the garden this year.</div>"
        "<div>The peas came up first, after only nine days of sun.</div>"
        "<div>Next year we will try tomatoes, if the slugs allow it.</div>"
        "<div>The beans were the best we have grown in ten years.</div>"
        "<div><img src=b.jpg></div></div><div><a href=/>Home</a></div></body></html>";
    assert_int_equal(px_html_extract(post, sizeof post - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "We planted beans"));
    assert_non_null(strstr(out.data, "Next year we will try tomatoes"));
    px_buf_free(&out);
}

/* Past the end of an article with no class names to mark its boxes: share
 * links, tags, the next post, then an author's bio and a comment that read
 * like prose. What follows a wide gap of left-out blocks and is small
 * beside the text before it is cut; a box of links inside the article,
 * with much of the article after it, is not a cut. A heading with nothing
 * under it and bare ranks do not end the text either. */
static char *page_with_gap(int long_tail)
{
    px_buf b = {0};
    px_buf_puts(&b, "<html><body><div><h1>New bridge opens</h1>");
    const char *para =
        "<p>The new footbridge over the river opened on Saturday morning, three years after "
        "the old one was closed, and hundreds of people crossed it in the first hour.</p>";
    for (int i = 0; i < 5; i++)
        px_buf_puts(&b, para);
    px_buf_puts(&b, "<ul>");
    const char *links[] = {"Facebook", "Twitter", "Pinterest", "Reddit", "Email",
                           "Council news", "Transport", "Next post: the bus timetable"};
    for (int i = 0; i < 8; i++) {
        px_buf_puts(&b, "<li><a href=/x>");
        px_buf_puts(&b, links[i]);
        px_buf_puts(&b, "</a></li>");
    }
    px_buf_puts(&b, "</ul>");
    if (long_tail)
        for (int i = 0; i < 4; i++)
            px_buf_puts(&b, "<p>Engineers will watch the bridge through its first winter, the "
                            "council said, and the old piers will be removed in the spring.</p>");
    else
        px_buf_puts(&b, "<p>Sam is a local reporter who has covered the council for ten years "
                        "and lives by the river with two dogs.</p>"
                        "<div>Pat Lee, May 4, 2024</div><p>I walked over it this morning with my "
                        "children, and it is wonderful to have it back after so long.</p>"
                        "<h3>Most popular</h3><ol><li>1</li><li>2</li></ol>");
    px_buf_puts(&b, "</div></body></html>");
    return b.data;
}

static void test_tail_after_gap_cut(void **s)
{
    (void)s;
    px_buf out = {0};
    char *page = page_with_gap(0);
    assert_int_equal(px_html_extract(page, strlen(page), &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "hundreds of people crossed it in the first hour."));
    assert_null(strstr(out.data, "two dogs"));
    assert_null(strstr(out.data, "my children"));
    assert_null(strstr(out.data, "Most popular"));
    free(page);
    page = page_with_gap(1);
    assert_int_equal(px_html_extract(page, strlen(page), &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "removed in the spring."));
    free(page);
    px_buf_free(&out);

    const char ranks[] =
        "<html><body><div><p>The new footbridge over the river opened on Saturday morning, "
        "three years after the old one was closed.</p><p>Hundreds of people crossed it in the "
        "first hour, and the council said it was pleased.</p><h2>Most popular</h2>"
        "<ol><li>1</li><li>2</li><li>3</li></ol></div></body></html>";
    assert_int_equal(px_html_extract(ranks, sizeof ranks - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "the council said it was pleased."));
    assert_null(strstr(out.data, "Most popular"));
    assert_null(strstr(out.data, "\n\n1"));
    px_buf_free(&out);
}

/* The next and previous posts under an article: a linked headline over a
 * one-line summary and a dateline. The summary sells another page; a
 * paragraph after an inline linked headline ("Read more: ...") that the
 * article goes on after is the article. */
static void test_teaser_summary_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div><p>The council approved the new cycle lanes on Tuesday, after two "
        "years of consultation with residents and shop owners along the route.</p>"
        "<p><a href=/a>Read more: how the lanes were planned in other towns</a></p>"
        "<p>Work starts in March.</p>"
        "<p>The lanes will run from the station to the hospital, and the council expects "
        "the work to take about eight months to finish.</p>"
        "<h5><a href=/b>Market square to close for repairs next month</a></h5>"
        "<p>The square will be shut to traffic for six weeks</p>"
        "<div>Ann Reed 2024-05-02 10:14</div></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "Work starts in March."));
    assert_non_null(strstr(out.data, "eight months to finish."));
    assert_null(strstr(out.data, "six weeks"));
    px_buf_free(&out);
}

/* A lead paragraph set in the article's <header> with its title and
 * byline is the article's first paragraph; a tagline in the page's own
 * header is not. */
static void test_lead_in_header_kept(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><header><p>Local news for the river towns, every morning since the year "
        "1901, written by people who live here.</p><nav><a href=/>Home</a></nav></header>"
        "<main><article><header><h1>Bridge opens</h1><p>The new footbridge over the river "
        "opened on Saturday morning, three years after the old one was closed, and hundreds "
        "of people crossed it in the first hour.</p><div>By Ann Reed</div></header><div>"
        "<p>Engineers will watch the bridge through its first winter, the council said, and "
        "the old piers will be removed in the spring.</p><p>The bridge cost four million "
        "pounds, most of it paid by a national fund for walking and cycling routes.</p>"
        "<p>Shops on both banks said trade had already picked up on the first morning.</p>"
        "</div></article></main></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "in the first hour.\n\nEngineers will watch"));
    assert_null(strstr(out.data, "river towns"));
    assert_null(strstr(out.data, "Ann Reed"));
    px_buf_free(&out);
}

/* A post written without <p>, its paragraphs set apart by two line
 * breaks: each piece is a paragraph of the post whatever its shape, as a
 * <p> would be; a line in a box of its own after the post is not. */
static void test_line_break_paragraphs(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div><a href=/>Home</a> <a href=/b>Blog</a></div><div>We took the old "
        "coast road north on Sunday, stopping at every harbour between the two towns to look "
        "at the boats.<br><br>The weather held until the afternoon, when a cold wind came in "
        "off the sea and sent us back to the car.<br><br>Tested by: Sam Reed, price 40 euros"
        "<br><br></div><div>Posted in Travel by Sam Reed</div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "back to the car.\n\nTested by: Sam Reed, price 40 euros"));
    assert_null(strstr(out.data, "Posted in"));
    px_buf_free(&out);
}

/* Excerpts of other stories after the body (teasers) are not the article,
 * even inside the article's box. */
static void test_teaser_excerpts_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=post><p>The town's only cinema reopened on Friday after a "
        "two-year restoration that kept its 1930s plasterwork and replaced every seat.</p>"
        "<p>Tickets for the first week sold out within hours, the owners said, and a second "
        "screen will open in the old ballroom upstairs by the summer.</p>"
        "<p>The restoration was paid for by a local trust, which raised most of the money from "
        "small donations, and by a grant from the regional arts council.</p>"
        "<p>Films will run every evening except Monday, with matinees at weekends and a "
        "children's club on Saturday mornings.</p>"
        "<div class=more-stories><h4>Bakery wins regional prize</h4><div class=excerpt>The "
        "family bakery on Bridge Street was named the best in the region by a panel of judges on "
        "Wednesday evening.</div><h4>Market moves to Saturdays</h4><div class=excerpt>The weekly "
        "market will move from Thursdays to Saturdays from next month, the council has decided, "
        "after a vote.</div></div></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "replaced every seat.\n\nTickets"));
    assert_null(strstr(out.data, "bakery"));
    assert_null(strstr(out.data, "weekly market"));
    px_buf_free(&out);
}

/* An article broken up by lines of links is not lost to its longest
 * paragraph: the container moves up to the box that holds all its prose. */
static void test_container_climbs_over_link_lines(void **s)
{
    (void)s;
    char page[4096];
    int n = snprintf(page, sizeof page, "%s",
        "<html><body><div><p>Every autumn the hardware shop on Mill Road clears its storeroom, and "
        "this year the sale runs for a whole week instead of a weekend. The owner, who took over "
        "from her father in 2009, says the longer sale is meant to spread out the crowds that "
        "queued down the street last year, when the doors opened at seven and the best tools were "
        "gone by eight. Regulars say the bargains are still worth the early start.</p>");
    for (int i = 0; i < 6; i++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div>Item %d <a href=/p%d>see the price and buy it at the shop</a></div>", i, i);
    snprintf(page + n, sizeof page - (size_t)n, "%s",
        "<p>The sale starts on Monday at nine, and the shop will stay open until seven in the "
        "evening every day that week, including Saturday.</p>"
        "<p>Card payments are accepted, but the owner asks buyers to bring their own bags.</p>"
        "</div></body></html>");
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, strlen(page), &out, NULL), PX_OK);
    assert_true(strncmp(out.data, "Every autumn", 12) == 0);
    assert_non_null(strstr(out.data, "The sale starts on Monday"));
    assert_non_null(strstr(out.data, "bring their own bags."));
    assert_null(strstr(out.data, "see the price"));
    px_buf_free(&out);
}

/* A lone linked item between paragraphs (a call to action) is part of the
 * text; a list of several links between the same paragraphs is not. */
static void test_lone_linked_item_kept(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=post><p>The best price we found this week for the compact "
        "espresso machine is at the high-street chain, twenty pounds under its usual price.</p>"
        "<ul><li><a href=/buy>Get it at Shopmart for 79 pounds</a></li></ul>"
        "<p>The machine heats up in under a minute and its steam wand is strong enough for "
        "proper milk foam, which is rare at this price.</p>"
        "<ul><li><a href=/a>Best grinders of the year</a></li><li><a href=/b>How to descale a "
        "kettle</a></li><li><a href=/c>Coffee subscriptions compared</a></li></ul>"
        "<p>Stock is limited, and the offer ends on Sunday night or when the shop runs out of "
        "machines, whichever comes first.</p></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "usual price.\n\nGet it at Shopmart for 79 pounds\n\nThe machine"));
    assert_null(strstr(out.data, "grinders"));
    assert_null(strstr(out.data, "descale"));
    assert_null(strstr(out.data, "subscriptions"));
    px_buf_free(&out);
}

/* A paragraph that is only a byline and a date is not the article; a
 * short paragraph without a date is. */
static void test_dateline_paragraph_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=entry><p>By Staff - 2024-03-02</p>"
        "<p>The ferry timetable changes on Monday, with two extra crossings in the early "
        "morning for people who work on the island's farms.</p><p>Tickets cost the same.</p>"
        "<p>The operator said the extra crossings would run until the end of the harvest, "
        "and longer if enough passengers use them.</p></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_true(strncmp(out.data, "The ferry timetable", 19) == 0);
    assert_non_null(strstr(out.data, "farms.\n\nTickets cost the same.\n\nThe operator"));
    px_buf_free(&out);
}

/* Calls to follow, subscribe or share at either end of the article are
 * not the article; the same words inside it are. */
static void test_promo_edges_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=story><p>Follow us on every network for the latest news.</p>"
        "<p>The river festival returns to the old docks next month, with boat races, a night "
        "market and a parade of lanterns along the quay.</p>"
        "<p>Organisers said more than two thousand volunteers would sign up to help, twice as "
        "many as last year, and that the races would start at noon.</p>"
        "<p>The parade leaves the harbour master's office at nine in the evening and ends at the "
        "lock gates, where the lanterns are set on the water.</p>"
        "<p>Have a tip? Reach the news desk at desk@example.org.</p>"
        "<p>Get the morning headlines in your inbox. Subscribe to our newsletters.</p>"
        "</div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_true(strncmp(out.data, "The river festival", 18) == 0);
    assert_non_null(strstr(out.data, "volunteers would sign up to help"));
    assert_non_null(strstr(out.data, "set on the water."));
    assert_null(strstr(out.data, "Follow us"));
    assert_null(strstr(out.data, "Have a tip"));
    assert_null(strstr(out.data, "Subscribe"));
    px_buf_free(&out);
}

/* A "key points" list above the story that says again what its paragraphs
 * say is dropped; a question asked twice further down is kept twice. */
static void test_leading_summary_dropped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=article-body><ul><li>The city council approved a new tram line "
        "to the airport on Tuesday night.</li><li>Construction of the line will begin next spring "
        "and take three years.</li></ul>"
        "<p>The city council approved a new tram line to the airport on Tuesday night, after a "
        "debate that lasted more than five hours.</p>"
        "<p>Construction of the line will begin next spring and take three years, the transport "
        "office said, and trams will run every six minutes at peak times.</p>"
        "<p>Will the fares change for people who live near the airport?</p>"
        "<p>The mayor said they would not, and that a single ticket would still cover the whole "
        "network for ninety minutes.</p>"
        "<p>Will the fares change for people who live near the airport?</p>"
        "<p>Residents asked again at the end of the meeting, and the answer was the same.</p>"
        "</div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_true(strncmp(out.data, "The city council approved", 25) == 0);
    assert_null(strstr(out.data, "Tuesday night."));
    assert_null(strstr(out.data, "three years."));
    assert_non_null(strstr(out.data, "more than five hours."));
    const char *q = "Will the fares change", *first = strstr(out.data, q);
    assert_non_null(first);
    assert_non_null(strstr(first + 1, q));
    px_buf_free(&out);
}

/* Short pieces chain: a sub-heading over a one-line lead-in over prose
 * stays whole, and a lone "buy it" link stays before the next sub-heading. */
static void test_short_pieces_chain(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=post><p>Our pick of the week's offers on kitchen gear, checked "
        "against the prices of the past three months so that every one is a real saving.</p>"
        "<h2>Stand mixer for 199</h2><div>Clip the coupon on the product page</div>"
        "<p>This mixer has a heavy bowl and a slow first speed, so flour stays in the bowl, and "
        "at this price it costs less than most hand mixers with a stand.</p>"
        "<ul><li><a href=/m>Get it at Shopmart for 199</a></li></ul>"
        "<h2>Cast iron pan for 25</h2>"
        "<p>A pre-seasoned pan that will outlive its owner, at half its usual price, with a "
        "helper handle that makes it easier to lift when full.</p></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_non_null(strstr(out.data, "real saving.\n\nStand mixer for 199\n\nClip the coupon on "
                                     "the product page\n\nThis mixer"));
    assert_non_null(strstr(out.data, "with a stand.\n\nGet it at Shopmart for 199\n\nCast iron pan"));
    px_buf_free(&out);
}

/* A thread of comments with no class names to give it away (each comment
 * a linked author name over its text) is not the article, even when its
 * prose outweighs the article's. */
static void test_record_list_dropped(void **s)
{
    (void)s;
    char page[8192];
    int n = snprintf(page, sizeof page, "%s",
        "<html><body><div><div><h1>Library extends its opening hours</h1><div>"
        "<p>The central library will open until nine in the evening from next month, two hours "
        "later than now, after a year in which visits rose by a third.</p>"
        "<p>The longer hours are paid for by closing the old branch on the ring road, which the "
        "council says had the fewest visitors of any library in the city.</p>"
        "<p>Staff will not work longer days: the late shifts go to new part-time posts.</p></div>"
        "<div>");
    for (int i = 0; i < 4; i++)
        n += snprintf(page + n, sizeof page - (size_t)n,
            "<div><div><a href=/u%d>reader_%d</a></div><div>I have used this library for years, and "
            "the late hours will make it far easier for people who work in the day to borrow "
            "books after work. Comment number %d.</div></div>", i, i, i);
    snprintf(page + n, sizeof page - (size_t)n, "%s",
        "</div></div><div><a href=/a>About us</a> <a href=/c>Contact the library service</a> "
        "<a href=/p>Privacy and cookies</a> <a href=/j>Jobs at the council</a> <a href=/m>Maps "
        "and opening times of every branch</a> <a href=/e>Events for children and families</a> "
        "<a href=/d>Donate books</a> <a href=/v>Volunteer with us</a> <a href=/h>Help and "
        "accessibility</a> <a href=/s>Site map</a></div></div></body></html>");
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, strlen(page), &out, NULL), PX_OK);
    assert_true(strncmp(out.data, "The central library", 19) == 0);
    assert_non_null(strstr(out.data, "new part-time posts."));
    assert_null(strstr(out.data, "reader_"));
    assert_null(strstr(out.data, "Comment number"));
    px_buf_free(&out);
}

/* A hover card on a name inside a paragraph (picture, full name, links to
 * stories) is not part of the sentence, and does not cost the paragraph. */
static void test_inline_card_skipped(void **s)
{
    (void)s;
    const char page[] =
        "<html><body><div class=story><p>Harbour master <span><a href=/p/ann>Ann Low</a><span>"
        "<span><img src=/ann.jpg><a href=/p/ann>Ann Margaret Low</a> <a href=/s/1>Port fees rise "
        "again</a> <a href=/s/2>New pilot boat named</a> <a href=/s/3>Dredging starts in "
        "spring</a></span></span></span> said on Monday that the outer channel will close for "
        "two weeks in March.</p>"
        "<p>Ships due in that fortnight will anchor in the bay and come in on the high tide, one "
        "at a time, with a pilot on board.</p>"
        "<p>The closure lets divers check the foundations of the old breakwater, which have not "
        "been inspected for twenty years.</p></div></body></html>";
    px_buf out = {0};
    assert_int_equal(px_html_extract(page, sizeof page - 1, &out, NULL), PX_OK);
    assert_true(strncmp(out.data, "Harbour master Ann Low said on Monday that the outer channel",
                        60) == 0);
    assert_null(strstr(out.data, "Port fees"));
    assert_null(strstr(out.data, "Margaret"));
    px_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_charset_meta_latin1),
        cmocka_unit_test(test_charset_declared_wrongly),
        cmocka_unit_test(test_charset_http_header_bom_and_binary),
        cmocka_unit_test(test_example_page_chrome_removed),
        cmocka_unit_test(test_table_layout_latin1_page),
        cmocka_unit_test(test_short_paragraphs_and_lists),
        cmocka_unit_test(test_linked_list_between_prose),
        cmocka_unit_test(test_short_lines_between_prose),
        cmocka_unit_test(test_forum_thread_is_content),
        cmocka_unit_test(test_index_pages_not_articles),
        cmocka_unit_test(test_data_table_kept),
        cmocka_unit_test(test_embedded_post_kept),
        cmocka_unit_test(test_paragraph_runs_in_article),
        cmocka_unit_test(test_unlinked_list_in_article),
        cmocka_unit_test(test_one_word_labels),
        cmocka_unit_test(test_figure_credit_dropped),
        cmocka_unit_test(test_image_box_caption_dropped),
        cmocka_unit_test(test_credit_line_captions_dropped),
        cmocka_unit_test(test_tail_after_gap_cut),
        cmocka_unit_test(test_teaser_summary_dropped),
        cmocka_unit_test(test_lead_in_header_kept),
        cmocka_unit_test(test_line_break_paragraphs),
        cmocka_unit_test(test_teaser_excerpts_dropped),
        cmocka_unit_test(test_container_climbs_over_link_lines),
        cmocka_unit_test(test_lone_linked_item_kept),
        cmocka_unit_test(test_dateline_paragraph_dropped),
        cmocka_unit_test(test_promo_edges_dropped),
        cmocka_unit_test(test_leading_summary_dropped),
        cmocka_unit_test(test_short_pieces_chain),
        cmocka_unit_test(test_record_list_dropped),
        cmocka_unit_test(test_inline_card_skipped),
        cmocka_unit_test(test_metadata_sources),
        cmocka_unit_test(test_deeply_nested_page),
        cmocka_unit_test(test_huge_page_capped),
        cmocka_unit_test(test_http_head_and_bodies),
        cmocka_unit_test(test_jsonl_html_field),
        cmocka_unit_test(test_visible_dateline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
