/* cmd_numbers.c - `parallax numbers`: one JSON object per numeric claim. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "compare/numbers_internal.h"
#include "compare/quantity_model.h"

static const char help[] =
    "usage: parallax numbers [OPTIONS] [PATH...]\n\n"
    "Finds the numeric claims of each article and prints one JSON object per\n"
    "claim: article, source, date, kind (count, money, percent, age, duration,\n"
    "measure), text, start/end in Unicode code points into the article body\n"
    "(as printed by `parallax read` with the same options; --raw for the input\n"
    "text), value (high: the upper end of a range), vague, unit, qualifier,\n"
    "bound, counted, attribution, owner, scope (event, background, furniture), update\n"
    "and sentence (docs/claims.md).\n\n"
    "options:\n" CLI_INPUT_HELP
    "      --pairs FILE     also group the claims of all the articles as one\n"
    "                       story and write every pair of claims weighed as\n"
    "                       reports of one quantity (TSV: group, key, article,\n"
    "                       text, value and sentence of each claim, conflict, the\n"
    "                       model's probability, its signals; for\n"
    "                       scripts/train-quantity-model)\n"
    "      --links FILE     also write every pair of claims of different outlets\n"
    "                       the grouping may link, all the articles as one story\n"
    "                       (TSV: article, text, value and sentence of each\n"
    "                       claim, conflict, the grouping's signals; for\n"
    "                       bench/conflicts_links.py)\n"
    "  -h, --help           this help\n";

typedef struct numbers_state {
    FILE *pairs, *links;
    px_article **articles;
    px_number_list **lists;
    size_t n, cap;
    int failed;
} numbers_state;

/* Keeps the article and its claims for the pairs; 0 when it cannot. */
static int keep(numbers_state *st, px_article *a, px_number_list *nums)
{
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        px_article **av = realloc(st->articles, cap * sizeof *av);
        if (av)
            st->articles = av;
        px_number_list **lv = realloc(st->lists, cap * sizeof *lv);
        if (lv)
            st->lists = lv;
        if (!av || !lv)
            return 0;
        st->cap = cap;
    }
    px_number_list *l = malloc(sizeof *l);
    if (!l)
        return 0;
    *l = *nums;
    st->articles[st->n] = a;
    st->lists[st->n++] = l;
    return 1;
}

static int print_numbers(px_article *a, void *ud)
{
    numbers_state *st = ud;
    px_number_list nums;
    px_number_list_init(&nums);
    if (px_numbers_extract(a, &nums) != PX_OK) {
        cli_error("%s: out of memory finding numbers", a->input_path ? a->input_path : "-");
        st->failed = 1;
    }
    cli_cp_cursor cur;
    cli_cp_init(&cur, a->body ? a->body : "");
    for (size_t i = 0; i < nums.n; i++) {
        const px_number *x = &nums.v[i];
        cJSON *o = cli_claim_object(a, px_number_kind_name(x->kind));
        cJSON_AddStringToObject(o, "text", x->text);
        cli_json_span(o, &cur, "start", "end", x->start, x->end);
        px_json_number_figure(o, x);
        px_json_number_reading(o, x);
        cli_json_slice(o, "sentence", a->body, x->sentence_start, x->sentence_end);
        cli_json_print(o);
    }
    if ((st->pairs || st->links) && keep(st, a, &nums))
        return 0;
    if (st->pairs || st->links) {
        cli_error("out of memory keeping the numbers");
        st->failed = 1;
    }
    px_number_list_clear(&nums);
    px_article_free(a);
    return 0;
}

/* A field of the pairs file: tabs and line breaks become spaces. */
static void put_field(FILE *f, const char *s, size_t len)
{
    for (size_t i = 0; i < len && s[i]; i++)
        fputc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], f);
    fputc('\t', f);
}

static void put_claim(FILE *f, const px_article *a, const px_number *x)
{
    const char *id = a->id ? a->id : "";
    put_field(f, id, strlen(id));
    put_field(f, x->text, strlen(x->text));
    fprintf(f, "%.17g\t", x->value);
    put_field(f, a->body + x->sentence_start, x->sentence_end - x->sentence_start);
}

typedef struct pairs_out {
    numbers_state *st;
    const px_number_groups *groups;
} pairs_out;

static int write_pair(void *ud, size_t group, px_ref ra, px_ref rb, int conflict,
                      const double *x, double p)
{
    pairs_out *o = ud;
    FILE *f = o->st->pairs;
    fprintf(f, "%zu\t", group);
    put_field(f, o->groups->v[group].key, strlen(o->groups->v[group].key));
    put_claim(f, o->st->articles[ra.article], &o->st->lists[ra.article]->v[ra.item]);
    put_claim(f, o->st->articles[rb.article], &o->st->lists[rb.article]->v[rb.item]);
    fprintf(f, "%d\t%.6g", conflict, p);
    for (int i = 0; i < PX_QTY_FEATURES; i++)
        fprintf(f, "\t%.6g", x[i]);
    fputc('\n', f);
    return 0;
}

static void write_pairs(numbers_state *st)
{
    px_number_groups groups = {0};
    px_error err;
    const px_article *const *arts = (const px_article *const *)st->articles;
    const px_number_list *const *lists = (const px_number_list *const *)st->lists;
    if (px_numbers_group(arts, lists, st->n, &groups, &err) != PX_OK) {
        cli_error("%s", err.msg);
        st->failed = 1;
    } else {
        pairs_out o = {st, &groups};
        px_numbers_each_pair(arts, lists, &groups, write_pair, &o);
    }
    px_number_groups_clear(&groups);
}

static int write_link(void *ud, px_ref ra, px_ref rb, int conflict, const double *x)
{
    numbers_state *st = ud;
    FILE *f = st->links;
    put_claim(f, st->articles[ra.article], &st->lists[ra.article]->v[ra.item]);
    put_claim(f, st->articles[rb.article], &st->lists[rb.article]->v[rb.item]);
    fprintf(f, "%d", conflict);
    for (int i = 0; i < PX_LINK_FEATURES; i++)
        fprintf(f, "\t%.6g", x[i]);
    fputc('\n', f);
    return 0;
}

static int numbers_option(int opt, const char *arg, void *ud)
{
    numbers_state *st = ud;
    if (opt != 0x200 && opt != 0x201)
        return 0;
    FILE **f = opt == 0x200 ? &st->pairs : &st->links;
    if (*f)
        fclose(*f);
    if (!(*f = fopen(arg, "w"))) {
        cli_error("numbers: cannot write %s", arg);
        return -1;
    }
    return 0;
}

int cmd_numbers(int argc, char **argv)
{
    static const struct option own[] = {{"pairs", required_argument, NULL, 0x200},
                                        {"links", required_argument, NULL, 0x201},
                                        {NULL, 0, NULL, 0}};
    numbers_state st = {0};
    cli_input ci;
    cli_input_init(&ci);
    int code = cli_parse(&ci, "numbers", help, argc, argv, "", own, numbers_option, &st);
    if (code != CLI_RUN) {
        if (st.pairs)
            fclose(st.pairs);
        if (st.links)
            fclose(st.links);
        return code;
    }
    cli_input_read(&ci, print_numbers, &st);
    cli_input_free(&ci);
    code = cli_input_exit_code(&ci);
    if (st.pairs) {
        write_pairs(&st);
        if (fclose(st.pairs) != 0) {
            cli_error("numbers: cannot write the pairs file");
            st.failed = 1;
        }
    }
    if (st.links) {
        const px_article *const *arts = (const px_article *const *)st.articles;
        const px_number_list *const *lists = (const px_number_list *const *)st.lists;
        px_numbers_each_link(arts, lists, st.n, write_link, &st);
        if (fclose(st.links) != 0) {
            cli_error("numbers: cannot write the links file");
            st.failed = 1;
        }
    }
    for (size_t i = 0; i < st.n; i++) {
        px_number_list_clear(st.lists[i]);
        free(st.lists[i]);
        px_article_free(st.articles[i]);
    }
    free(st.lists);
    free(st.articles);
    return st.failed && code == EXIT_OK ? EXIT_INPUT : code;
}
