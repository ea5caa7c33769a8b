/* cmd_cluster.c - `parallax cluster`: articles in, one JSON object per story
 * out (docs/formats.md, "Story JSON"). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
    "usage: parallax cluster [OPTIONS] [PATH...]\n\n"
    "Groups articles into stories and prints each story as one line of JSON\n"
    "(docs/formats.md). Copies found by `parallax dedup` join the story of the\n"
    "article they copy without weighing in its centroid.\n\n"
    "By default the whole input is read, the IDF is taken from all of it, the\n"
    "articles are clustered online in date order (undated ones keep their input\n"
    "place) and a batch pass merges similar stories. With --stream the articles\n"
    "are clustered in input order as they are read (give them in time order, as\n"
    "a stream brings them), active stories that come close are merged, and each\n"
    "story is printed when it leaves the active window: memory stays bounded on\n"
    "any stream.\n\n"
    "options:\n" CLI_INPUT_HELP
    "  -t, --threshold X    least similarity to join a story (default 0.12)\n"
    "  -m, --merge X        least similarity to merge two stories in the batch\n"
    "                       pass (default 0.03)\n"
    "      --link DAYS      in the batch pass two dated stories none of whose\n"
    "                       days is within DAYS of the other's need the join\n"
    "                       threshold to merge (default 90; 0: no limit)\n"
    "      --active-merge X least similarity to merge two active stories online\n"
    "                       (default 0.12; 0: never; the batch pass does not\n"
    "                       use it)\n"
    "  -w, --window DAYS    a story takes articles up to DAYS after its last one\n"
    "                       (default 30)\n"
    "  -d, --decay DAYS     accepted for compatibility; the learned similarity\n"
    "                       weighs the days between articles\n"
    "  -p, --prior DOCS     weight of the built-in background corpus in the IDF,\n"
    "                       in documents (default 20000; 0: none)\n"
    "      --title X        least title similarity that lets an article join a\n"
    "                       story on its title alone (default 0: never; the\n"
    "                       learned similarity weighs titles)\n"
    "      --idf-power X    a term weighs (1 + ln tf) * IDF^X (default 2; 1 is\n"
    "                       plain TF-IDF)\n"
    "      --stream         online only, input order, print stories as they close\n"
    "      --no-batch       skip the batch merge pass\n"
    "      --no-dedup       do not look for copies first\n"
    "      --stats          print what the clusterer and the deduper hold at the\n"
    "                       end of the input (with --stream: before the last\n"
    "                       stories are flushed) to standard error\n"
    "      --explain ID     print to standard error the signals of the article\n"
    "                       ID against the stories it was scored with when it\n"
    "                       was placed online: the best and the runner-up\n"
    "      --pairs FILE     write every article-story pair scored online (TSV:\n"
    "                       article id, member ids, signals, score), the\n"
    "                       training data of scripts/train-story-model\n"
    "  -h, --help           this help\n";

typedef struct run {
    cli_input ci;
    px_cluster_opts co;
    px_clusterer *cl;
    px_deduper *dd;
    int stream, batch;
    /* batch mode: every article */
    px_article **items;
    size_t n, cap;
    /* stream mode: the story of each input position still in the dedup
     * window (a copy only ever matches one of those), as a ring */
    uint64_t *story_of;
    size_t window, n_seen;
    int stats;
    int failed;
    /* --pairs, --explain */
    FILE *pairs;
    const char *explain;
    double best[2][PX_STORY_FEATURES + 1]; /* signals, then score */
    char best_title[2][96];
    int n_best;
} run;

static void write_pair(FILE *f, const px_article *a, const px_story *s, const double *x,
                       double score)
{
    fprintf(f, "%s\t", a->id ? a->id : "");
    for (size_t i = 0; i < s->n_articles; i++)
        fprintf(f, "%s%s", i ? " " : "", s->article_ids[i]);
    for (int k = 0; k < PX_STORY_FEATURES; k++)
        fprintf(f, "\t%.6g", x[k]);
    fprintf(f, "\t%.6g\n", score);
}

/* --explain: keeps the two best-scored stories of the article asked for. */
static void keep_best(run *r, const px_story *s, const double *x, double score)
{
    int at = r->n_best;
    while (at > 0 && r->best[at - 1][PX_STORY_FEATURES] < score)
        at--;
    if (at >= 2)
        return;
    if (at == 0) {
        memcpy(r->best[1], r->best[0], sizeof r->best[0]);
        memcpy(r->best_title[1], r->best_title[0], sizeof r->best_title[0]);
    }
    memcpy(r->best[at], x, PX_STORY_FEATURES * sizeof *x);
    r->best[at][PX_STORY_FEATURES] = score;
    snprintf(r->best_title[at], sizeof r->best_title[at], "%s", s->title ? s->title : "(untitled)");
    if (r->n_best < 2)
        r->n_best++;
}

static void on_pair(const px_article *a, const px_story *s, const double *x, double score,
                    void *ud)
{
    run *r = ud;
    if (r->pairs)
        write_pair(r->pairs, a, s, x, score);
    if (r->explain && a->id && strcmp(a->id, r->explain) == 0)
        keep_best(r, s, x, score);
}

static void print_explain(const run *r)
{
    fprintf(stderr, "explain %s: join threshold %.3g\n", r->explain, r->co.threshold);
    if (!r->n_best)
        fprintf(stderr, "  no story was scored: it started its own (or it is not in the input)\n");
    for (int i = 0; i < r->n_best; i++) {
        fprintf(stderr, "  %s score %.3f: %s\n   ", i ? "runner-up" : "best", r->best[i][PX_STORY_FEATURES],
                r->best_title[i]);
        for (int k = 0; k < PX_STORY_FEATURES; k++)
            fprintf(stderr, " %s %.3f", px_story_feature_name(k), r->best[i][k]);
        fputc('\n', stderr);
    }
}

static void print_story(const px_story *s, void *ud)
{
    (void)ud;
    char *json = px_story_to_json(s);
    if (json) {
        fputs(json, stdout);
        fputc('\n', stdout);
        free(json);
    }
}

/* An online merge renamed a story: the input positions that remember it
 * follow, so that their copies still find it. */
static void follow_merge(uint64_t from, uint64_t into, void *ud)
{
    run *r = ud;
    size_t n = r->n_seen < r->window ? r->n_seen : r->window;
    for (size_t i = 0; i < n; i++)
        if (r->story_of[i] == from)
            r->story_of[i] = into;
}

static void remember_story(run *r, uint64_t story)
{
    r->story_of[r->n_seen++ % r->window] = story;
}

/* The story of the article at input position pos, when still known. */
static int story_at(const run *r, size_t pos, uint64_t *story)
{
    if (pos >= r->n_seen || r->n_seen - pos > r->window)
        return 0;
    *story = r->story_of[pos % r->window];
    return 1;
}

static void print_stats(const run *r)
{
    px_cluster_stats cs;
    px_clusterer_stats(r->cl, &cs);
    fprintf(stderr,
            "clusterer: %llu articles, %llu stories started, %llu merged online, %llu closed, %zu held, "
            "%zu active, %zu articles held (peak %zu), %zu member vectors, %zu terms (%llu forgotten), "
            "%zu postings\n",
            (unsigned long long)cs.articles, (unsigned long long)cs.stories_started,
            (unsigned long long)cs.stories_merged, (unsigned long long)cs.stories_closed, cs.held, cs.active, cs.held_articles,
            cs.peak_held_articles, cs.member_vectors, cs.terms, (unsigned long long)cs.terms_forgotten,
            cs.postings);
    if (r->dd) {
        px_dedup_stats ds;
        px_deduper_stats(r->dd, &ds);
        fprintf(stderr,
                "deduper: %llu articles, %zu in the window, %zu shingles, %zu table "
                "entries (%zu live), %zu table slots\n",
                (unsigned long long)ds.articles, ds.window_articles, ds.window_shingles,
                ds.table_entries, ds.live_entries, ds.table_slots);
    }
}

/* Adds one article online; a copy joins its representative's story while
 * that is still known. */
static int place(run *r, const px_article *a, const px_dup_match *dup, uint64_t *story)
{
    px_cluster_assignment as = {0};
    uint64_t original;
    int known = dup->relation != PX_DUP_NONE && story_at(r, dup->matched, &original);
    int rc = px_clusterer_place(r->cl, a, known ? &original : NULL, &as);
    *story = as.story;
    return rc;
}

/* Stream mode looks for copies here; batch mode while the clusterer
 * reads the whole input (px_cluster_corpus_dedup). */
static int take_article(px_article *a, void *ud)
{
    run *r = ud;
    if (r->stream) {
        px_dup_match dup = {0};
        if (r->dd && px_dedup_add(r->dd, a, &dup) != PX_OK)
            r->failed = 1;
        uint64_t story = 0;
        if (place(r, a, &dup, &story) != PX_OK)
            r->failed = 1;
        remember_story(r, story);
        px_article_free(a);
        return r->failed ? 1 : 0;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        px_article **v = realloc(r->items, cap * sizeof *v);
        if (!v) {
            px_article_free(a);
            r->failed = 1;
            return 1;
        }
        r->items = v;
        r->cap = cap;
    }
    r->items[r->n++] = a;
    return r->failed ? 1 : 0;
}

/* Batch mode: the shared corpus routine (representatives online in date
 * order, copies attached, then the merge pass). */
static int cluster_all(run *r)
{
    px_dup_match *dups = malloc((r->n + 1) * sizeof *dups);
    int rc = dups ? px_cluster_corpus_dedup(r->cl, r->dd, r->items, r->n, dups, r->batch) : PX_ENOMEM;
    free(dups);
    return rc;
}

/* Handles the options of this command; returns 1 when done (help shown or
 * usage error: *exit_code set), 0 to go on. */
static int parse_args(run *r, int argc, char **argv, int *dedup, int *exit_code)
{
    static const struct option longopts[] = {CLI_INPUT_LONGOPTS,
                                             {"threshold", required_argument, NULL, 't'},
                                             {"merge", required_argument, NULL, 'm'},
                                             {"window", required_argument, NULL, 'w'},
                                             {"decay", required_argument, NULL, 'd'},
                                             {"prior", required_argument, NULL, 'p'},
                                             {"stream", no_argument, NULL, 0x200},
                                             {"no-batch", no_argument, NULL, 0x201},
                                             {"no-dedup", no_argument, NULL, 0x202},
                                             {"stats", no_argument, NULL, 0x203},
                                             {"active-merge", required_argument, NULL, 0x204},
                                             {"idf-power", required_argument, NULL, 0x205},
                                             {"title", required_argument, NULL, 0x206},
                                             {"explain", required_argument, NULL, 0x207},
                                             {"pairs", required_argument, NULL, 0x208},
                                             {"link", required_argument, NULL, 0x209},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_INPUT_SHORTOPTS "t:m:w:d:p:h", longopts, NULL)) != -1) {
        int k = cli_input_option(&r->ci, opt, optarg);
        if (k < 0 || (k == 0 && opt == '?')) {
            *exit_code = k < 0 ? EXIT_USAGE : cli_usage_error("cluster", "unknown option");
            return 1;
        }
        if (k)
            continue;
        int bad = 0;
        switch (opt) {
        case 'h':
            fputs(help, stdout);
            *exit_code = EXIT_OK;
            return 1;
        case 't': bad = cli_number("--threshold", optarg, 0.001, 0.999, &r->co.threshold); break;
        case 'm': bad = cli_number("--merge", optarg, 0.001, 0.999, &r->co.merge_threshold); break;
        case 'w': bad = cli_number("--window", optarg, 0.01, 36500, &r->co.window_days); break;
        case 'd': bad = cli_number("--decay", optarg, 0.01, 36500, &r->co.decay_days); break;
        case 'p': bad = cli_number("--prior", optarg, 0, 1e9, &r->co.prior_docs); break;
        case 0x200: r->stream = 1; break;
        case 0x201: r->batch = 0; break;
        case 0x202: *dedup = 0; break;
        case 0x203: r->stats = 1; break;
        case 0x204:
            bad = cli_number("--active-merge", optarg, 0, 0.999, &r->co.active_merge_threshold);
            break;
        case 0x205: bad = cli_number("--idf-power", optarg, 0.1, 4, &r->co.idf_power); break;
        case 0x206: bad = cli_number("--title", optarg, 0, 0.999, &r->co.title_threshold); break;
        case 0x207: r->explain = optarg; break;
        case 0x209: bad = cli_number("--link", optarg, 0, 36500, &r->co.link_days); break;
        case 0x208:
            if (r->pairs)
                fclose(r->pairs);
            if (!(r->pairs = fopen(optarg, "w"))) {
                cli_error("cluster: cannot write %s", optarg);
                bad = 1;
            }
            break;
        default:
            *exit_code = cli_usage_error("cluster", "unknown option");
            return 1;
        }
        if (bad) {
            *exit_code = EXIT_USAGE;
            return 1;
        }
    }
    if ((*exit_code = cli_input_finish(&r->ci, argc, argv, help)) != 0)
        return 1;
    return 0;
}

int cmd_cluster(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof r);
    cli_input_init(&r.ci);
    px_cluster_opts_default(&r.co);
    r.batch = 1;
    int dedup = 1, exit_code = EXIT_OK;
    if (parse_args(&r, argc, argv, &dedup, &exit_code)) {
        cli_input_free(&r.ci);
        return exit_code;
    }
    if (r.ci.opts.language)
        r.co.language = r.ci.opts.language;
    if (r.pairs || r.explain) {
        r.co.on_pair = on_pair;
        r.co.on_pair_ud = &r;
    }
    r.co.retain = !r.stream;
    if (r.stream) {
        r.co.on_close = print_story;
        r.co.on_merge = follow_merge;
        r.co.on_merge_ud = &r;
    }
    px_error err;
    px_error_clear(&err);
    px_dedup_opts dop;
    px_dedup_opts_default(&dop);
    r.window = dop.window;
    if (r.stream && !(r.story_of = malloc(r.window * sizeof *r.story_of))) {
        cli_error("out of memory");
        cli_input_free(&r.ci);
        return EXIT_INPUT;
    }
    if (px_clusterer_new(&r.cl, &r.co, &err) != PX_OK ||
        (dedup && px_deduper_new(&r.dd, &dop, &err) != PX_OK)) {
        free(r.story_of);
        cli_error("%s", err.msg);
        px_clusterer_free(r.cl);
        cli_input_free(&r.ci);
        return EXIT_USAGE;
    }
    cli_input_read(&r.ci, take_article, &r);
    int rc = PX_OK;
    if (!r.failed) {
        if (r.stream) {
            /* what the stream left active, before it is flushed */
            if (r.stats)
                print_stats(&r);
            rc = px_clusterer_close_all(r.cl);
        } else {
            rc = cluster_all(&r);
            px_clusterer_foreach(r.cl, print_story, NULL);
        }
    }
    if (r.stats && !r.stream)
        print_stats(&r);
    if (r.explain)
        print_explain(&r);
    if (r.pairs && fclose(r.pairs) != 0) {
        cli_error("cluster: cannot write the pairs file");
        exit_code = EXIT_INPUT;
    }
    if (r.failed || rc != PX_OK) {
        cli_error("cluster: %s", px_status_name(rc ? rc : PX_ENOMEM));
        exit_code = EXIT_INPUT;
    }
    for (size_t i = 0; i < r.n; i++)
        px_article_free(r.items[i]);
    free(r.items);
    free(r.story_of);
    px_clusterer_free(r.cl);
    px_deduper_free(r.dd);
    cli_input_free(&r.ci);
    return exit_code != EXIT_OK ? exit_code : cli_input_exit_code(&r.ci);
}
