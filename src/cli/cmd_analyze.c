/* cmd_analyze.c - `parallax analyze`: read, clean, group into stories,
 * compare each story across outlets and report (terminal, JSON, HTML). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"

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

static int write_file(const char *path, const px_buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return -1;
    }
    size_t len = b->data ? b->len : 0;
    int ok = fwrite(b->data ? b->data : "", 1, len, f) == len;
    ok &= fclose(f) == 0;
    if (!ok)
        cli_error("%s: write failed: %s", path, strerror(errno));
    return ok ? 0 : -1;
}

/* Compares every story; reports[i] set for each group. */
static int compare_all(const article_list *l, const px_story_groups *g, const px_compare_opts *co,
                       px_story_report **reports, px_article ***members)
{
    for (size_t i = 0; i < g->n; i++) {
        members[i] = malloc((g->v[i].n + 1) * sizeof **members);
        if (!members[i]) {
            cli_error("out of memory");
            return -1;
        }
        for (size_t k = 0; k < g->v[i].n; k++)
            members[i][k] = l->v[g->v[i].articles[k]];
        px_error err;
        px_error_clear(&err);
        if (px_compare_story(members[i], g->v[i].n, co, &reports[i], &err) != PX_OK) {
            cli_error("story %zu: %s", i + 1, err.msg);
            return -1;
        }
        for (size_t k = 0; k < g->v[i].n_copies; k++)
            if (px_story_report_add_copy(reports[i], l->v[g->v[i].copies[k]], l->v[g->v[i].copy_of[k]],
                                         px_dup_relation_name(g->v[i].relation[k])) != PX_OK) {
                cli_error("out of memory");
                return -1;
            }
    }
    return 0;
}

static int render(const analyze_opts *ao, px_story_report *const *reports, size_t n)
{
    px_buf b = {0};
    int rc = 0;
    if (ao->html) {
        if (px_report_html(reports, n, &b) != PX_OK || write_file(ao->html, &b) < 0)
            rc = -1;
        px_buf_free(&b);
        if (!ao->json)
            return rc;
    }
    px_report_opts ro = {.color = cli_color("analyze", ao->color ? ao->color : "auto") == 1, .full = ao->full};
    int r = ao->json ? px_report_json(reports, n, &b) : px_report_text(reports, n, &ro, &b);
    if (r != PX_OK) {
        cli_error("out of memory rendering the report");
        rc = -1;
    } else if (b.data) {
        fwrite(b.data, 1, b.len, stdout);
    }
    px_buf_free(&b);
    return rc;
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
    px_story_report **reports = calloc(g.n + 1, sizeof *reports);
    px_article ***members = calloc(g.n + 1, sizeof *members);
    cli_progress *bar = cli_progress_new("comparing", !ci->quiet && isatty(2));
    cli_progress_count_items(bar);
    co.progress = cli_progress_update;
    co.progress_ud = bar;
    int failed = !reports || !members || compare_all(l, &g, &co, reports, members) < 0;
    cli_progress_free(bar);
    if (!failed)
        failed = render(ao, reports, g.n) < 0;
    for (size_t i = 0; i < g.n; i++) {
        if (reports)
            px_story_report_free(reports[i]);
        if (members)
            free(members[i]);
    }
    free(reports);
    free(members);
    px_story_groups_free(&g);
    px_background_free(bg);
    return failed ? EXIT_INPUT : cli_input_exit_code(ci);
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
    cli_input_read(&ci, keep_article, &l);
    if (l.oom) {
        cli_error("out of memory after %zu articles", l.n);
        rc = EXIT_INPUT;
    } else {
        rc = analyze(&ci, &ao, &l);
    }
    for (size_t i = 0; i < l.n; i++)
        px_article_free(l.v[i]);
    free(l.v);
    cli_input_free(&ci);
    return rc;
}
