/* cmd_analyze.c - `parallax analyze`: read, clean, group into stories,
 * compare each story across outlets and report (terminal, JSON, HTML). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "core/article_internal.h"

static const char help[] =
    "usage: parallax analyze [OPTIONS] [PATH...]\n\n"
    "Reads articles, groups them into stories (as parallax cluster does) and\n"
    "compares each story across its outlets: numbers that disagree, quotes and speakers, people and\n"
    "organisations, framing words, facts most outlets report and what each\n"
    "leaves out, a timeline and a summary citing its sources. Prints a report\n"
    "for the terminal; --json prints the full result (docs/report-schema.md).\n\n"
    "options:\n" CLI_INPUT_HELP
    "      --json           print the result as JSON instead of the report\n"
    "      --html FILE      write the report as one HTML page instead of printing it\n"
    "                       (with --json, the JSON is printed as well)\n"
    "      --one-story      treat all articles as one story (no clustering)\n"
    "      --full           list every item in the terminal report\n"
    "      --summary N      summary sentences per story (default 6)\n"
    "      --background F   background word table for framing (parallax vocab)\n"
    "      --color WHEN     auto (default), always or never; NO_COLOR is respected\n"
    "  -h, --help           this help\n";

typedef struct analyze_opts {
    int json, full, one_story;
    const char *html;
    const char *background;
    const char *color;
    size_t summary;
} analyze_opts;

typedef struct article_list {
    px_article **v;
    size_t n, cap;
    int oom;
} article_list;

static int keep_article(px_article *a, void *ud)
{
    article_list *l = ud;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        px_article **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            px_article_free(a);
            l->oom = 1;
            return 1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = a;
    return 0;
}

static int parse_options(int argc, char **argv, cli_input *ci, analyze_opts *ao)
{
    static const struct option longopts[] = {CLI_INPUT_LONGOPTS,
                                             {"json", no_argument, NULL, 0x200},
                                             {"html", required_argument, NULL, 0x201},
                                             {"full", no_argument, NULL, 0x202},
                                             {"summary", required_argument, NULL, 0x203},
                                             {"background", required_argument, NULL, 0x204},
                                             {"color", required_argument, NULL, 0x205},
                                             {"one-story", no_argument, NULL, 0x206},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_INPUT_SHORTOPTS "h", longopts, NULL)) != -1) {
        int r = cli_input_option(ci, opt, optarg);
        if (r < 0)
            return EXIT_USAGE;
        if (r)
            continue;
        char *end;
        switch (opt) {
        case 'h': fputs(help, stdout); return -1;
        case 0x200: ao->json = 1; break;
        case 0x201: ao->html = optarg; break;
        case 0x202: ao->full = 1; break;
        case 0x203:
            ao->summary = (size_t)strtoul(optarg, &end, 10);
            if (*end || ao->summary < 1 || ao->summary > 100)
                return cli_usage_error("analyze", "--summary takes 1 to 100, not '%s'", optarg);
            break;
        case 0x204: ao->background = optarg; break;
        case 0x206: ao->one_story = 1; break;
        case 0x205:
            if (cli_color("analyze", optarg) < 0)
                return EXIT_USAGE;
            ao->color = optarg;
            break;
        default: return cli_usage_error("analyze", "unknown option");
        }
    }
    return cli_input_finish(ci, argc, argv, help);
}

/* Where the report goes: standard output in one format, and, with --html,
 * a file as one page (then standard output only with --json). Each story
 * is written as soon as it is compared and its buffer flushed, so memory
 * holds one story's comparison at a time. */
typedef struct sink {
    int to_stdout;
    px_report_format format;
    px_report_opts ro;
    FILE *html;
    const char *html_path;
    px_buf out, page;
    int failed;
} sink;

static void flush_to(sink *k, px_buf *b, FILE *f, const char *name)
{
    if (b->len && fwrite(b->data, 1, b->len, f) != b->len && !k->failed) {
        cli_error("%s: write failed: %s", name, strerror(errno));
        k->failed = 1;
    }
    b->len = 0;
}

static void flush(sink *k)
{
    flush_to(k, &k->out, stdout, "standard output");
    if (k->html)
        flush_to(k, &k->page, k->html, k->html_path);
}

static int sink_open(sink *k, const analyze_opts *ao)
{
    memset(k, 0, sizeof *k);
    k->to_stdout = !ao->html || ao->json;
    k->format = ao->json ? PX_REPORT_JSON : PX_REPORT_TEXT;
    k->ro = (px_report_opts){.color = cli_color("analyze", ao->color ? ao->color : "auto") == 1,
                             .full = ao->full};
    k->html_path = ao->html;
    if (ao->html && !(k->html = fopen(ao->html, "wb"))) {
        cli_error("%s: cannot write: %s", ao->html, strerror(errno));
        return -1;
    }
    return 0;
}

static int sink_write(sink *k, int rc)
{
    if (rc != PX_OK && !k->failed) {
        cli_error("out of memory rendering the report");
        k->failed = 1;
    }
    flush(k);
    return k->failed ? -1 : 0;
}

static int sink_begin(sink *k, size_t n_stories, size_t n_articles)
{
    int rc = k->to_stdout ? px_report_begin(k->format, n_stories, n_articles, &k->out) : PX_OK;
    if (rc == PX_OK && k->html)
        rc = px_report_begin(PX_REPORT_HTML, n_stories, n_articles, &k->page);
    return sink_write(k, rc);
}

static int sink_story(sink *k, const px_story_report *r, size_t i, size_t n)
{
    int rc = k->to_stdout ? px_report_story(k->format, r, i, n, &k->ro, &k->out) : PX_OK;
    if (rc == PX_OK && k->html)
        rc = px_report_story(PX_REPORT_HTML, r, i, n, NULL, &k->page);
    return sink_write(k, rc);
}

static int sink_close(sink *k)
{
    int rc = k->to_stdout ? px_report_end(k->format, &k->out) : PX_OK;
    if (rc == PX_OK && k->html)
        rc = px_report_end(PX_REPORT_HTML, &k->page);
    sink_write(k, rc);
    if (k->html && fclose(k->html) != 0 && !k->failed) {
        cli_error("%s: write failed: %s", k->html_path, strerror(errno));
        k->failed = 1;
    }
    px_buf_free(&k->out);
    px_buf_free(&k->page);
    return k->failed ? -1 : 0;
}

/* Compares story i of g; NULL (reported) on failure. */
static px_story_report *compare_one(const article_list *l, const px_story_group *sg, size_t i,
                                    const px_compare_opts *co)
{
    px_story_report *r = NULL;
    px_error err;
    px_error_clear(&err);
    if (px_compare_story_group(l->v, sg, co, &r, &err) != PX_OK)
        cli_error("story %zu: %s", i + 1, err.msg);
    return r;
}

/* A story written, its articles' documents are read no more: each article
 * is in one story only (compared or set aside as a copy). */
static void drop_documents(const article_list *l, const px_story_group *sg)
{
    for (size_t k = 0; k < sg->n; k++)
        px_article_drop_doc(l->v[sg->articles[k]]);
    for (size_t k = 0; k < sg->n_copies; k++)
        px_article_drop_doc(l->v[sg->copies[k]]);
}

/* Do the stories of g come in more than one language? Only then can one
 * have a related story in another (parallax/links.h). */
static int several_languages(const article_list *l, const px_story_groups *g)
{
    char first[8] = "", lang[8];
    for (size_t i = 0; i < g->n; i++) {
        if (!g->v[i].n)
            continue;
        px_language_primary(l->v[g->v[i].articles[0]]->language, lang);
        if (!first[0])
            memcpy(first, lang, sizeof first);
        else if (strcmp(first, lang) != 0)
            return 1;
    }
    return 0;
}

/* With PARALLAX_LINKS set, every pair of stories in different languages
 * with what they share, accepted or not: a measuring aid for
 * bench/xlang.sh. */
static void report_link_pairs(const px_story_evidence *ev, size_t n)
{
    px_link_df df;
    if (!getenv("PARALLAX_LINKS") || px_link_df_build(ev, n, &df) != PX_OK)
        return;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (strcmp(ev[i].lang, ev[j].lang) == 0)
                continue;
            px_link_detail d;
            px_story_link_score(&ev[i], &ev[j], &df, &d);
            fprintf(stderr, "link-pair\t%zu\t%zu\t%s\t%s\t%zu\t%zu\t%zu\t%.2f\t%d\t%.3f\n", i + 1, j + 1,
                    ev[i].lang, ev[j].lang, d.names, d.numbers, d.dates, d.score, px_story_link_accept(&d),
                    d.share);
        }
    px_link_df_free(&df);
}

/* Comparing a story dates its undated articles (px_compare_story); the
 * second comparison must start from the articles as they were read. */
static void forget_estimated_dates(const article_list *l, const px_story_group *sg)
{
    for (size_t k = 0; k < sg->n; k++) {
        px_article *a = l->v[sg->articles[k]];
        if (a->date_estimated) {
            free(a->date);
            a->date = NULL;
            a->date_estimated = 0;
        }
    }
}

/* Stories in several languages: each names its related stories in the
 * other languages, which are known only once every story is compared.
 * So every story is compared twice: first for the evidence of the links
 * only (names, figures, dates and its headline, a few hundred bytes a
 * story: px_compare_opts.links_only), then in full to be written with its
 * links. Memory holds one comparison at a time, as with one language. */
static int compare_link_and_write(const article_list *l, const px_story_groups *g, const px_compare_opts *co,
                                  sink *k)
{
    size_t n = g->n;
    px_story_evidence *ev = calloc(n ? n : 1, sizeof *ev);
    char **titles = calloc(n ? n : 1, sizeof *titles);
    px_story_links *links = calloc(n ? n : 1, sizeof *links);
    int failed = !ev || !titles || !links;
    px_compare_opts evidence_co = *co;
    evidence_co.links_only = 1;
    for (size_t i = 0; !failed && i < n; i++) {
        px_story_report *r = compare_one(l, &g->v[i], i, &evidence_co);
        ev[i].first_day = ev[i].last_day = PX_NO_DAY;
        if (r) {
            const char *t = r->summary.headline.text;
            failed = px_story_evidence_build(r, &ev[i]) != PX_OK || !(titles[i] = px_strdup(t ? t : ""));
        } else {
            failed = 1; /* compare_one said why */
        }
        px_story_report_free(r);
        forget_estimated_dates(l, &g->v[i]);
    }
    if (!failed) {
        report_link_pairs(ev, n);
        failed = px_link_stories(ev, (const char *const *)titles, n, links) != PX_OK;
    }
    if (failed)
        cli_error("out of memory linking stories across languages");
    for (size_t i = 0; i < n; i++) {
        px_story_report *r = failed ? NULL : compare_one(l, &g->v[i], i, co);
        if (r) {
            r->links = links[i];
            memset(&links[i], 0, sizeof links[i]);
            failed |= sink_story(k, r, i, n) < 0;
        } else {
            failed = 1;
        }
        px_story_report_free(r);
        drop_documents(l, &g->v[i]);
        if (links)
            px_story_links_free(&links[i]);
        if (ev)
            px_story_evidence_free(&ev[i]);
        if (titles)
            free(titles[i]);
    }
    free(ev);
    free(titles);
    free(links);
    return failed ? -1 : 0;
}

/* Compares and writes every story in turn, and lets go of its documents. */
static int compare_and_write(const article_list *l, const px_story_groups *g, const px_compare_opts *co,
                             sink *k)
{
    size_t articles = 0;
    for (size_t i = 0; i < g->n; i++)
        articles += g->v[i].n;
    if (sink_begin(k, g->n, articles) < 0)
        return -1;
    if (several_languages(l, g))
        return compare_link_and_write(l, g, co, k);
    for (size_t i = 0; i < g->n; i++) {
        px_story_report *r = compare_one(l, &g->v[i], i, co);
        int rc = r ? sink_story(k, r, i, g->n) : -1;
        px_story_report_free(r);
        drop_documents(l, &g->v[i]);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int analyze(cli_input *ci, const analyze_opts *ao, const article_list *l)
{
    px_compare_opts co = {.summary_sentences = ao->summary};
    px_background *bg = NULL;
    px_error err;
    px_error_clear(&err);
    if (ao->background) {
        if (px_background_load(&bg, ao->background, &err) != PX_OK) {
            cli_error("%s: %s", ao->background, err.msg);
            return EXIT_USAGE;
        }
        co.background = bg;
    }
    px_story_groups g;
    int grouped = ao->one_story ? px_group_as_one_story(l->n, &g, &err)
                                : px_group_stories(l->v, l->n, &g, &err);
    if (grouped != PX_OK) {
        cli_error("%s", err.msg);
        px_background_free(bg);
        return EXIT_INPUT;
    }
    sink k;
    int failed = sink_open(&k, ao) < 0;
    if (!failed) {
        cli_progress *bar = cli_progress_new("comparing", !ci->quiet && isatty(2));
        cli_progress_count_items(bar);
        co.progress = cli_progress_update;
        co.progress_ud = bar;
        failed = compare_and_write(l, &g, &co, &k) < 0;
        cli_progress_free(bar);
        failed |= sink_close(&k) < 0;
    }
    px_story_groups_free(&g);
    px_background_free(bg);
    return failed ? EXIT_INPUT : cli_input_exit_code(ci);
}

/* With PARALLAX_PASSES set, how many bytes the tokeniser and the sentence
 * splitter saw per byte of the articles' (cleaned) bodies: a measuring aid
 * for bench/passes.sh. */
static void report_passes(const article_list *l)
{
    if (!getenv("PARALLAX_PASSES"))
        return;
    unsigned long long body = 0;
    for (size_t i = 0; i < l->n; i++)
        body += l->v[i]->body ? strlen(l->v[i]->body) : 0;
    fprintf(stderr, "passes: %llu body bytes, tokenised %.2f, split %.2f times\n", body,
            body ? (double)px_text_bytes_tokenized() / (double)body : 0,
            body ? (double)px_text_bytes_split() / (double)body : 0);
}

int cmd_analyze(int argc, char **argv)
{
    cli_input ci;
    analyze_opts ao = {0};
    cli_input_init(&ci);
    int rc = parse_options(argc, argv, &ci, &ao);
    if (rc != EXIT_OK) {
        cli_input_free(&ci);
        return rc < 0 ? EXIT_OK : rc;
    }
    article_list l = {0};
    px_lexicons *lexicons = px_lexicons_new();
    ci.clean.lexicons = lexicons; /* cleaning hands each article's document on */
    cli_input_read(&ci, keep_article, &l);
    if (!l.oom && !ci.raw && px_templates_clean_all(l.v, l.n, 0))
        l.oom = 1;
    if (!l.oom && (!lexicons || px_clean_attach_docs(l.v, l.n, lexicons)))
        l.oom = 1;
    if (l.oom) {
        cli_error("out of memory after %zu articles", l.n);
        rc = EXIT_INPUT;
    } else {
        rc = analyze(&ci, &ao, &l);
    }
    report_passes(&l);
    for (size_t i = 0; i < l.n; i++)
        px_article_free(l.v[i]);
    free(l.v);
    px_lexicons_free(lexicons);
    cli_input_free(&ci);
    return rc;
}
