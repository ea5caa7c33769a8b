/* cmd_dedup.c - `parallax dedup`: articles in, one JSON object per group of
 * copies out (docs/formats.md, "Duplicate group JSON"). */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "cli.h"

static const char help[] =
    "usage: parallax dedup [OPTIONS] [PATH...]\n\n"
    "Finds exact copies, near-duplicates and articles that contain another one\n"
    "and prints one line of JSON per group of copies (docs/formats.md): the\n"
    "representative is the group's first article in input order, the members\n"
    "are its copies. Articles without copies are not printed unless --all.\n\n"
    "options:\n" CLI_INPUT_HELP
    "      --near X         least Jaccard similarity for a near-duplicate (default 0.5)\n"
    "      --contain X      least containment for \"contains\" (default 0.8)\n"
    "      --shingle N      words per shingle (default 5)\n"
    "      --window N       articles kept for comparison (default 25000)\n"
    "      --all            also print the articles that have no copy\n"
    "  -h, --help           this help\n";

typedef struct seen {
    char *id;
    px_dup_match m;
} seen;

typedef struct dedup_run {
    px_deduper *d;
    seen *v;
    size_t n, cap;
    int failed;
} dedup_run;

static int take_article(px_article *a, void *ud)
{
    dedup_run *r = ud;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        seen *v = realloc(r->v, cap * sizeof *v);
        if (!v) {
            r->failed = 1;
            px_article_free(a);
            return 1;
        }
        r->v = v;
        r->cap = cap;
    }
    seen *s = &r->v[r->n];
    s->id = px_strdup(a->id ? a->id : "");
    if (!s->id || px_dedup_add(r->d, a, &s->m) != PX_OK) {
        free(s->id);
        r->failed = 1;
    } else {
        r->n++;
    }
    px_article_free(a);
    return r->failed;
}

/* Index of the first member of each group, chained through next[]. */
static void print_groups(const dedup_run *r, int all)
{
    size_t *first = malloc((r->n ? r->n : 1) * sizeof *first);
    size_t *last = malloc((r->n ? r->n : 1) * sizeof *last);
    size_t *next = malloc((r->n ? r->n : 1) * sizeof *next);
    if (!first || !last || !next) {
        cli_error("dedup: out of memory");
        free(first);
        free(last);
        free(next);
        return;
    }
    for (size_t i = 0; i < r->n; i++)
        first[i] = last[i] = next[i] = SIZE_MAX;
    for (size_t i = 0; i < r->n; i++) {
        size_t g = (size_t)r->v[i].m.group;
        if (r->v[i].m.relation == PX_DUP_NONE || g >= r->n)
            continue;
        if (first[g] == SIZE_MAX)
            first[g] = i;
        else
            next[last[g]] = i;
        last[g] = i;
    }
    size_t number = 0;
    for (size_t g = 0; g < r->n; g++) {
        if (r->v[g].m.relation != PX_DUP_NONE || (first[g] == SIZE_MAX && !all))
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "group", (double)++number);
        cJSON_AddStringToObject(o, "representative", r->v[g].id);
        cJSON *members = cJSON_AddArrayToObject(o, "members");
        for (size_t i = first[g]; i != SIZE_MAX; i = next[i]) {
            const px_dup_match *m = &r->v[i].m;
            cJSON *e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "id", r->v[i].id);
            cJSON_AddNumberToObject(e, "similarity", (double)(int)(m->similarity * 1000 + 0.5) / 1000);
            cJSON_AddStringToObject(e, "relation", px_dup_relation_name(m->relation));
            cJSON_AddStringToObject(e, "of", r->v[m->matched].id);
            cJSON_AddItemToArray(members, e);
        }
        char *json = cJSON_PrintUnformatted(o);
        if (json)
            puts(json);
        free(json);
        cJSON_Delete(o);
    }
    free(first);
    free(last);
    free(next);
}

int cmd_dedup(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_INPUT_LONGOPTS,
                                             {"near", required_argument, NULL, 0x200},
                                             {"contain", required_argument, NULL, 0x201},
                                             {"shingle", required_argument, NULL, 0x202},
                                             {"window", required_argument, NULL, 0x203},
                                             {"all", no_argument, NULL, 0x204},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    cli_input ci;
    cli_input_init(&ci);
    px_dedup_opts o;
    px_dedup_opts_default(&o);
    int all = 0, opt, bad = 0;
    double v = 0;
    optind = 1;
    while (!bad && (opt = getopt_long(argc, argv, CLI_INPUT_SHORTOPTS "h", longopts, NULL)) != -1) {
        int k = cli_input_option(&ci, opt, optarg);
        if (k < 0) {
            bad = 1;
            break;
        }
        if (k)
            continue;
        switch (opt) {
        case 'h':
            fputs(help, stdout);
            cli_input_free(&ci);
            return EXIT_OK;
        case 0x200: bad = cli_number("--near", optarg, 0.01, 1, &o.near_threshold); break;
        case 0x201: bad = cli_number("--contain", optarg, 0.01, 1, &o.contain_threshold); break;
        case 0x202:
            bad = cli_number("--shingle", optarg, 1, 16, &v);
            o.shingle = (unsigned)v;
            break;
        case 0x203:
            bad = cli_number("--window", optarg, 1, 1e8, &v);
            o.window = (size_t)v;
            break;
        case 0x204: all = 1; break;
        default:
            cli_input_free(&ci);
            return cli_usage_error("dedup", "unknown option");
        }
    }
    if (bad) {
        cli_input_free(&ci);
        return EXIT_USAGE;
    }
    int no_input = cli_input_finish(&ci, argc, argv, help);
    if (no_input) {
        cli_input_free(&ci);
        return no_input;
    }
    dedup_run r = {0};
    px_error err;
    px_error_clear(&err);
    if (px_deduper_new(&r.d, &o, &err) != PX_OK) {
        cli_error("%s", err.msg);
        cli_input_free(&ci);
        return EXIT_USAGE;
    }
    cli_input_read(&ci, take_article, &r);
    if (r.failed)
        cli_error("dedup: out of memory");
    else
        print_groups(&r, all);
    for (size_t i = 0; i < r.n; i++)
        free(r.v[i].id);
    free(r.v);
    px_deduper_free(r.d);
    cli_input_free(&ci);
    return r.failed ? EXIT_INPUT : cli_input_exit_code(&ci);
}
