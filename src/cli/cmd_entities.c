/* cmd_entities.c - `parallax entities`: the people, organisations and
 * places of a set of articles, merged across them. */
#include <stdlib.h>

#include "claims.h"

static const char help[] =
    "usage: parallax entities [OPTIONS] [PATH...]\n\n"
    "Finds the people, organisations and places named in the articles, merges\n"
    "their variants across articles (Joe Biden / President Biden / Biden's;\n"
    "misspellings) and prints one JSON object per entity, most mentioned first:\n"
    "name, kind, role, gender, mentions, variants, sources (docs/claims.md).\n\n"
    "options:\n" CLI_INPUT_HELP
    "      --mentions       one JSON object per mention instead: article, text,\n"
    "                       start/end (Unicode code points into the body as\n"
    "                       `parallax read` prints it with the same options;\n"
    "                       --raw: into the input text), kind, entity (the\n"
    "                       merged entity's name)\n"
    "  -h, --help           this help\n";

typedef struct entities_state {
    px_article **articles;
    px_entity_list **lists;
    size_t n, cap;
    int failed;
    int mentions;
} entities_state;

static int collect(px_article *a, void *ud)
{
    entities_state *st = ud;
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        px_article **av = realloc(st->articles, cap * sizeof *av);
        if (av)
            st->articles = av;
        px_entity_list **lv = realloc(st->lists, cap * sizeof *lv);
        if (lv)
            st->lists = lv;
        if (!av || !lv) {
            px_article_free(a);
            st->failed = 1;
            return 1;
        }
        st->cap = cap;
    }
    px_entity_list *l = malloc(sizeof *l);
    if (!l) {
        px_article_free(a);
        st->failed = 1;
        return 1;
    }
    px_entity_list_init(l);
    int rc = px_entities_extract(a, l);
    if (rc != PX_OK) {
        cli_error(rc == PX_EFORMAT ? "%s: the built-in entity tagger model cannot be read"
                                   : "%s: out of memory finding entities",
                  a->input_path ? a->input_path : "-");
        st->failed = 1;
    }
    st->articles[st->n] = a;
    st->lists[st->n++] = l;
    return 0;
}

/* The mentions of article i, in text order, with their merged entity. */
static void print_mentions(const px_article *a, const px_entity_list *l, const px_entity_list *merged)
{
    const char *body = a->body ? a->body : "";
    cli_cp_cursor cur;
    cli_cp_init(&cur, body);
    for (size_t i = 0; i < l->n_mentions; i++) {
        const px_mention *m = &l->mentions[i];
        const px_entity *e = &l->v[m->entity];
        const px_entity *into = e->merged >= 0 ? &merged->v[e->merged] : e;
        cJSON *o = cli_claim_object(a, px_entity_kind_name(into->kind));
        cli_json_slice(o, "text", body, m->start, m->end);
        cli_json_span(o, &cur, "start", "end", m->start, m->end);
        cJSON_AddStringToObject(o, "entity", into->name);
        cli_json_print(o);
    }
}

static int entities_option(int opt, const char *arg, void *ud)
{
    (void)arg;
    ((entities_state *)ud)->mentions = opt == 0x200;
    return 0;
}

int cmd_entities(int argc, char **argv)
{
    static const struct option own[] = {{"mentions", no_argument, NULL, 0x200},
                                        {NULL, 0, NULL, 0}};
    entities_state st = {0};
    cli_input ci;
    cli_input_init(&ci);
    int code = cli_parse(&ci, "entities", help, argc, argv, "", own, entities_option, &st);
    if (code != CLI_RUN)
        return code;
    cli_input_read(&ci, collect, &st);
    cli_input_free(&ci);
    code = cli_input_exit_code(&ci);
    if (!st.failed) {
        px_entity_list merged;
        px_entity_list_init(&merged);
        px_error err;
        if (px_entities_merge((const px_article *const *)st.articles, st.lists, st.n, &merged,
                              &err) != PX_OK)
            cli_error("%s", err.msg);
        else if (st.mentions)
            for (size_t i = 0; i < st.n; i++)
                print_mentions(st.articles[i], st.lists[i], &merged);
        else
            for (size_t i = 0; i < merged.n; i++)
                cli_json_print(px_json_entity(&merged.v[i]));
        px_entity_list_clear(&merged);
    }
    for (size_t i = 0; i < st.n; i++) {
        px_entity_list_clear(st.lists[i]);
        free(st.lists[i]);
        px_article_free(st.articles[i]);
    }
    free(st.lists);
    free(st.articles);
    return st.failed && code == EXIT_OK ? EXIT_INPUT : code;
}
