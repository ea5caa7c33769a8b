/* sentences_ud.c - sentence span F1 on UD text (CoNLL 2018 style, see
 * ../shared/data/sentences/ud/README.md): white space is removed, and a
 * predicted sentence counts when a gold sentence has the same start and
 * end. Counts are summed over the items of a file. Prints one line per
 * method: "METHOD GOLD PREDICTED CORRECT CORRECT_ENDS", for the items of
 * HALF (0: even positions, 1: odd, 2: all), then "speed BYTES SECONDS":
 * the chosen method's CPU time for PASSES passes over those items' texts
 * (the environment's PASSES, default 20).
 * Built by bench/sentences-ud.sh.
 * Usage: sentences_ud FILE.jsonl LANG HALF */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cjson/cJSON.h>

#include "parallax.h"

static int is_space(const char *s, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    *n = 1;
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    while ((((unsigned char)s[i + *n]) & 0xC0) == 0x80)
        (*n)++;
    /* U+00A0, U+2000-U+200B, U+3000, U+FEFF */
    return (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) ||
           (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] <= 0x8B) ||
           (c == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) ||
           (c == 0xEF && (unsigned char)s[i + 1] == 0xBB && (unsigned char)s[i + 2] == 0xBF);
}

static void push(px_spans *s, size_t a, size_t b)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 32;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = (px_span){a, b};
}

typedef struct counts {
    long gold, pred, correct, ends;
} counts;

/* pos[i]: non-space bytes before byte i. */
static size_t *squeeze(const char *s, size_t len)
{
    size_t *pos = malloc((len + 1) * sizeof *pos), k = 0, n;
    for (size_t i = 0; i < len; i += n) {
        int sp = is_space(s, i, &n);
        for (size_t j = 0; j < n && i + j < len; j++)
            pos[i + j] = k;
        if (!sp)
            k += n;
    }
    pos[len] = k;
    return pos;
}

/* With SHOW=1 in the environment, the ends only one side has are printed
 * with some context ("+" predicted only, "-" gold only). */
static void show(const char *text, size_t len, const px_spans *a, const px_spans *b, const size_t *pos,
                 char sign)
{
    for (size_t i = 0; i < a->n; i++) {
        size_t e = a->v[i].end, j = 0;
        while (j < b->n && pos[b->v[j].end] != pos[e])
            j++;
        if (j < b->n || e == len)
            continue;
        size_t lo = e > 40 ? e - 40 : 0, hi = e + 30 < len ? e + 30 : len;
        while (lo > 0 && (text[lo] & 0xC0) == 0x80)
            lo--;
        while (hi < len && (text[hi] & 0xC0) == 0x80)
            hi++;
        printf("%c %.*s|%.*s\n", sign, (int)(e - lo), text + lo, (int)(hi - e), text + e);
    }
}

static void score(const px_spans *gold, const px_spans *pred, const size_t *pos, counts *c)
{
    c->gold += (long)gold->n;
    c->pred += (long)pred->n;
    for (size_t i = 0; i < pred->n; i++)
        for (size_t j = 0; j < gold->n; j++) {
            if (pos[gold->v[j].end] != pos[pred->v[i].end])
                continue;
            c->ends++;
            c->correct += pos[gold->v[j].start] == pos[pred->v[i].start];
            break;
        }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: sentences_ud FILE.jsonl LANG HALF\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f)
        return 1;
    const char *lang = argv[2];
    int half = atoi(argv[3]);
    const px_split_method methods[] = {PX_SPLIT_RULES, PX_SPLIT_ICU, PX_SPLIT_BEST};
    const char *names[] = {"rules", "icu", "chosen"};
    counts c[3] = {{0}};
    char *line = NULL;
    size_t cap = 0;
    long item = 0;
    px_buf texts = {0}; /* the texts, NUL-separated, for the speed pass */
    size_t bytes = 0;
    while (getline(&line, &cap, f) > 0) {
        if (half != 2 && item++ % 2 != half)
            continue;
        cJSON *j = cJSON_Parse(line);
        const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(j, "text"));
        cJSON *sents = cJSON_GetObjectItem(j, "sentences"), *s;
        size_t len = strlen(text), at = 0;
        px_buf_append(&texts, text, len + 1);
        bytes += len;
        px_spans gold = {0};
        cJSON_ArrayForEach(s, sents) {
            const char *g = strstr(text + at, s->valuestring);
            size_t a = (size_t)(g - text), b = a + strlen(s->valuestring);
            push(&gold, a, b);
            at = b;
        }
        size_t *pos = squeeze(text, len);
        for (int m = 0; m < 3; m++) {
            px_spans pred = {0};
            px_split_sentences_with(text, len, lang, methods[m], &pred);
            score(&gold, &pred, pos, &c[m]);
            if (m == 0 && getenv("SHOW")) {
                show(text, len, &pred, &gold, pos, '+');
                show(text, len, &gold, &pred, pos, '-');
            }
            px_spans_free(&pred);
        }
        free(pos);
        px_spans_free(&gold);
        cJSON_Delete(j);
    }
    for (int m = 0; m < 3; m++)
        printf("%s %ld %ld %ld %ld\n", names[m], c[m].gold, c[m].pred, c[m].correct, c[m].ends);
    const char *passes_env = getenv("PASSES");
    int passes = passes_env && atoi(passes_env) > 0 ? atoi(passes_env) : 20;
    struct timespec t0, t1;
    px_spans pred = {0};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (int pass = 0; pass < passes; pass++)
        for (size_t at = 0; at < texts.len;) {
            size_t n = strlen(texts.data + at);
            pred.n = 0;
            px_split_sentences_lang(texts.data + at, n, lang, &pred);
            at += n + 1;
        }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    printf("speed %zu %.6f\n", (size_t)passes * bytes,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    px_spans_free(&pred);
    px_buf_free(&texts);
    free(line);
    fclose(f);
    return 0;
}
