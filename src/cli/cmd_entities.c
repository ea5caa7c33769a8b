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
    "options:\n" CLI_INPUT_HELP "  -h, --help           this help\n";

typedef struct entities_state {
    px_article **articles;
    px_entity_list **lists;
    size_t n, cap;
    int failed;
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
    if (px_entities_extract(a, l) != PX_OK) {
        cli_error("%s: out of memory finding entities", a->input_path ? a->input_path : "-");
        st->failed = 1;
    }
    st->articles[st->n] = a;
    st->lists[st->n++] = l;
    return 0;
}

static void print_entity(const px_entity *e)
{
    static const char *const genders[] = {NULL, "female", "male"};
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->name);
    cJSON_AddStringToObject(o, "kind", px_entity_kind_name(e->kind));
    cli_json_str(o, "role", e->role);
    cli_json_str(o, "gender", genders[e->gender]);
    cJSON_AddNumberToObject(o, "mentions", (double)e->mentions);
    cJSON *v = cJSON_AddArrayToObject(o, "variants");
    for (size_t i = 0; i < e->variants.n; i++)
        cJSON_AddItemToArray(v, cJSON_CreateString(e->variants.items[i]));
    cJSON *s = cJSON_AddArrayToObject(o, "sources");
    for (size_t i = 0; i < e->n_sources; i++) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "source", e->sources[i].source);
        cJSON_AddNumberToObject(x, "articles", (double)e->sources[i].articles);
        cJSON_AddNumberToObject(x, "mentions", (double)e->sources[i].mentions);
        cJSON_AddItemToArray(s, x);
    }
    cli_json_print(o);
}

int cmd_entities(int argc, char **argv)
{
    entities_state st = {0};
    int code = cli_article_command(argc, argv, "entities", help, collect, &st);
    if (code != EXIT_USAGE && !st.failed) {
        px_entity_list merged;
        px_entity_list_init(&merged);
        px_error err;
        if (px_entities_merge((const px_article *const *)st.articles, st.lists, st.n, &merged,
                              &err) == PX_OK)
            for (size_t i = 0; i < merged.n; i++)
                print_entity(&merged.v[i]);
        else
            cli_error("%s", err.msg);
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
