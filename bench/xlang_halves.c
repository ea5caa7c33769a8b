/* xlang_halves.c - the link score of parallax/links.h on real news of one
 * language: each event of a JSON Lines file with an "event_id" field is
 * split into two halves (its articles at even and at odd positions), each
 * half compared as a story and given a language of its own ("a" or "b"),
 * and every pair of halves of the two languages scored. A pair of halves
 * of one event should link, a pair of two events should not. Names are
 * spelt alike in both halves, so this is an upper bound of what the score
 * finds across languages; its false links are what it finds between
 * events. The shared names and figures are weighed by their rarity among
 * all the halves (px_link_df). Prints one line per pair: "pair\tEVENT_A\t
 * EVENT_B\tSAME\tNAMES\tNUMBERS\tDATES\tSCORE\tLINKED\tSHARE\tRAW\t
 * FIRST", RAW the score with every key weighing 1 and FIRST the days
 * between the two halves' first publication days (rules tried, not kept).
 * Built and run by bench/xlang.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "parallax.h"

typedef struct corpus {
    px_article **v;
    char **event;
    size_t n, cap;
} corpus;

static int keep(px_article *a, void *ud)
{
    corpus *c = ud;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 256;
        c->v = realloc(c->v, c->cap * sizeof *c->v);
        c->event = realloc(c->event, c->cap * sizeof *c->event);
        if (!c->v || !c->event)
            return PX_ENOMEM;
    }
    cJSON *extra = a->extra_json ? cJSON_Parse(a->extra_json) : NULL;
    const cJSON *ev = cJSON_GetObjectItem(extra, "event_id");
    char buf[32] = "?";
    if (cJSON_IsString(ev))
        snprintf(buf, sizeof buf, "%s", ev->valuestring);
    else if (cJSON_IsNumber(ev))
        snprintf(buf, sizeof buf, "%d", ev->valueint);
    cJSON_Delete(extra);
    c->event[c->n] = px_strdup(buf);
    c->v[c->n++] = a;
    return PX_OK;
}

typedef struct half {
    const char *event;
    px_story_evidence ev;
} half;

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: xlang_halves FILE.jsonl\n");
        return 2;
    }
    corpus c = {0};
    const char *paths[1] = {argv[1]};
    px_read_opts ro = {0};
    if (px_read_clean_paths(paths, 1, &ro, NULL, keep, &c) < 0)
        return 1;
    px_lexicons *lex = px_lexicons_new();
    if (!lex || px_clean_attach_docs(c.v, c.n, lex))
        return 1;
    half *h = calloc(2 * c.n + 1, sizeof *h);
    px_article **members = calloc(c.n + 1, sizeof *members);
    size_t nh = 0;
    for (size_t i = 0; i < c.n; i++) {
        int first = 1; /* the first article of its event */
        for (size_t j = 0; j < i && first; j++)
            first = strcmp(c.event[j], c.event[i]) != 0;
        if (!first)
            continue;
        for (int side = 0; side < 2; side++) {
            size_t m = 0, k = 0;
            for (size_t j = i; j < c.n; j++)
                if (strcmp(c.event[j], c.event[i]) == 0 && (k++ % 2) == (size_t)side)
                    members[m++] = c.v[j];
            if (!m)
                continue;
            px_story_report *r = NULL;
            px_error err;
            if (px_compare_story(members, m, NULL, &r, &err) != PX_OK)
                return 1;
            h[nh].event = c.event[i];
            if (px_story_evidence_build(r, &h[nh].ev) != PX_OK)
                return 1;
            snprintf(h[nh].ev.lang, sizeof h[nh].ev.lang, "%s", side ? "b" : "a");
            nh++;
            px_story_report_free(r);
        }
    }
    /* how rare each name and figure is among all the halves, as analyze
     * weighs them among all its stories */
    px_story_evidence *all = calloc(nh + 1, sizeof *all);
    for (size_t i = 0; i < nh; i++)
        all[i] = h[i].ev;
    px_link_df df;
    if (px_link_df_build(all, nh, &df) != PX_OK)
        return 1;
    free(all);
    for (size_t i = 0; i < nh; i++)
        for (size_t j = 0; j < nh; j++) {
            if (strcmp(h[i].ev.lang, "a") != 0 || strcmp(h[j].ev.lang, "b") != 0)
                continue;
            px_link_detail d;
            px_link_detail raw;
            px_story_link_score(&h[i].ev, &h[j].ev, &df, &d);
            px_story_link_score(&h[i].ev, &h[j].ev, NULL, &raw);
            long first = labs(h[i].ev.first_day - h[j].ev.first_day);
            printf("pair\t%s\t%s\t%d\t%zu\t%zu\t%zu\t%.2f\t%d\t%.3f\t%.2f\t%ld\n", h[i].event, h[j].event,
                   strcmp(h[i].event, h[j].event) == 0, d.names, d.numbers, d.dates, d.score,
                   px_story_link_accept(&d), d.share, raw.score, first);
        }
    px_link_df_free(&df);
    for (size_t i = 0; i < nh; i++)
        px_story_evidence_free(&h[i].ev);
    for (size_t i = 0; i < c.n; i++) {
        px_article_free(c.v[i]);
        free(c.event[i]);
    }
    free(h);
    free(members);
    free(c.v);
    free(c.event);
    px_lexicons_free(lex);
    return 0;
}
