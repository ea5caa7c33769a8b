/* train_ner.c - trains the entity tagger (src/ner.h) from CoNLL-style JSON
 * Lines and scores it; built and run by scripts/train-ner.
 *
 * usage: train_ner [--epochs N] [--seed S] [--folds F --skip K] [--prune P]
 *                  [--out MODEL] [--eval FILE [--speed]] TRAIN.jsonl
 *        train_ner --builtin --eval FILE [--speed]
 * --builtin scores the model embedded in the library instead of training;
 * --speed adds tokens tagged per second of CPU time over the --eval texts.
 * Each line: {"text": ..., "entities": [{"start", "end", "type"}]}, offsets
 * in code points. With --folds/--skip the documents i with i % F == K are
 * left out of training and scored (mention precision, recall, F1). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/ner.h"

typedef struct doc {
    char *text;
    px_ner_gold *gold;
    size_t n_gold;
} doc;

typedef struct corpus {
    doc *v;
    size_t n, cap;
} corpus;

/* Byte offset of code point cp in s. */
static size_t cp_byte(const char *s, size_t cp)
{
    size_t b = 0, c = 0;
    while (s[b] && c < cp) {
        b++;
        while (s[b] && ((unsigned char)s[b] & 0xC0) == 0x80)
            b++;
        c++;
    }
    return b;
}

static int read_corpus(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    long no = 0;
    while (getline(&line, &cap, f) > 0) {
        no++;
        cJSON *o = cJSON_Parse(line);
        cJSON *text = cJSON_GetObjectItem(o, "text"), *ents = cJSON_GetObjectItem(o, "entities");
        if (!cJSON_IsString(text) || !cJSON_IsArray(ents)) {
            fprintf(stderr, "%s:%ld: error: expected an object with text and entities\n", path, no);
            cJSON_Delete(o);
            free(line);
            fclose(f);
            return -1;
        }
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 256;
            c->v = realloc(c->v, c->cap * sizeof *c->v);
        }
        doc *d = &c->v[c->n++];
        d->text = strdup(text->valuestring);
        d->n_gold = 0;
        d->gold = calloc((size_t)cJSON_GetArraySize(ents) + 1, sizeof *d->gold);
        cJSON *e;
        cJSON_ArrayForEach(e, ents)
        {
            cJSON *s = cJSON_GetObjectItem(e, "start"), *en = cJSON_GetObjectItem(e, "end"),
                  *ty = cJSON_GetObjectItem(e, "type");
            if (!cJSON_IsNumber(s) || !cJSON_IsNumber(en) || !cJSON_IsString(ty))
                continue;
            int t = px_ner_type_parse(ty->valuestring, strlen(ty->valuestring));
            if (t < 0)
                continue;
            d->gold[d->n_gold++] = (px_ner_gold){cp_byte(d->text, (size_t)s->valuedouble),
                                                 cp_byte(d->text, (size_t)en->valuedouble),
                                                 (px_ner_type)t};
        }
        cJSON_Delete(o);
    }
    free(line);
    fclose(f);
    return 0;
}

typedef struct counts {
    size_t tp[PX_NER_TYPES], fp[PX_NER_TYPES], fn[PX_NER_TYPES];
} counts;

static void score_doc(const px_ner_model *m, const doc *d, counts *c)
{
    px_tokens tk = {0};
    px_spans ss = {0};
    px_ner_spans out = {0};
    size_t len = strlen(d->text);
    px_tokenize(d->text, len, &tk);
    px_split_sentences(d->text, len, &ss);
    px_ner_tag(m, d->text, &tk, &ss, &out);
    char *hit = calloc(d->n_gold + 1, 1);
    for (size_t i = 0; i < out.n; i++) {
        size_t s = tk.v[out.v[i].first].start, e = tk.v[out.v[i].last - 1].end;
        int found = 0;
        for (size_t g = 0; g < d->n_gold && !found; g++)
            if (!hit[g] && d->gold[g].start == s && d->gold[g].end == e &&
                d->gold[g].type == out.v[i].type)
                found = hit[g] = 1;
        if (found)
            c->tp[out.v[i].type]++;
        else
            c->fp[out.v[i].type]++;
    }
    for (size_t g = 0; g < d->n_gold; g++)
        if (!hit[g])
            c->fn[d->gold[g].type]++;
    free(hit);
    px_ner_spans_free(&out);
    px_tokens_free(&tk);
    px_spans_free(&ss);
}

static void print_counts(const char *label, const counts *c)
{
    size_t tp = 0, fp = 0, fn = 0;
    printf("%s", label);
    for (int t = 0; t < PX_NER_TYPES; t++) {
        double p = c->tp[t] ? (double)c->tp[t] / (double)(c->tp[t] + c->fp[t]) : 0;
        double r = c->tp[t] ? (double)c->tp[t] / (double)(c->tp[t] + c->fn[t]) : 0;
        printf(" %s %.3f", px_ner_type_name((px_ner_type)t), p + r > 0 ? 2 * p * r / (p + r) : 0);
        tp += c->tp[t];
        fp += c->fp[t];
        fn += c->fn[t];
    }
    double p = tp ? (double)tp / (double)(tp + fp) : 0, r = tp ? (double)tp / (double)(tp + fn) : 0;
    printf(" | P %.3f R %.3f F1 %.4f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
}

/* Tokens tagged per second of CPU time (tokens and sentences given). */
static void print_speed(const px_ner_model *m, const corpus *c)
{
    px_tokens *tk = calloc(c->n, sizeof *tk);
    px_spans *ss = calloc(c->n, sizeof *ss);
    size_t tokens = 0;
    for (size_t i = 0; i < c->n; i++) {
        px_tokenize(c->v[i].text, strlen(c->v[i].text), &tk[i]);
        px_split_sentences(c->v[i].text, strlen(c->v[i].text), &ss[i]);
        tokens += tk[i].n;
    }
    clock_t t0 = clock();
    int rounds = 0;
    do { /* at least two seconds */
        for (size_t i = 0; i < c->n; i++) {
            px_ner_spans out = {0};
            px_ner_tag(m, c->v[i].text, &tk[i], &ss[i], &out);
            px_ner_spans_free(&out);
        }
        rounds++;
    } while (clock() - t0 < 2 * CLOCKS_PER_SEC);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("tagging speed: %.0f tokens/s of CPU time (%zu tokens x %d rounds, %.2f s)\n",
           (double)tokens * rounds / secs, tokens, rounds, secs);
    for (size_t i = 0; i < c->n; i++) {
        px_tokens_free(&tk[i]);
        px_spans_free(&ss[i]);
    }
    free(tk);
    free(ss);
}

static int score_builtin(const char *eval, int speed)
{
    px_error err;
    const px_ner_model *m = px_ner_default(&err);
    if (!m || !eval) {
        fprintf(stderr, "train_ner: %s\n", m ? "--builtin needs --eval FILE" : err.msg);
        return 1;
    }
    corpus e = {0};
    if (read_corpus(eval, &e))
        return 1;
    counts k = {0};
    for (size_t i = 0; i < e.n; i++)
        score_doc(m, &e.v[i], &k);
    print_counts("tagger mention F1:", &k);
    if (speed)
        print_speed(m, &e);
    return 0;
}

int main(int argc, char **argv)
{
    int speed = 0, builtin = 0;
    int epochs = 10, folds = 1, skip = -1;
    unsigned seed = 1;
    double prune = 0.0;
    const char *out = NULL, *eval = NULL, *train = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--folds") && i + 1 < argc)
            folds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--skip") && i + 1 < argc)
            skip = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--prune") && i + 1 < argc)
            prune = atof(argv[++i]);
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--builtin"))
            builtin = 1;
        else if (!strcmp(argv[i], "--speed"))
            speed = 1;
        else if (!strcmp(argv[i], "--eval") && i + 1 < argc)
            eval = argv[++i];
        else if (argv[i][0] != '-' && !train)
            train = argv[i];
        else {
            fprintf(stderr, "usage: train_ner [--epochs N] [--seed S] [--folds F --skip K] "
                            "[--prune P] [--out MODEL] [--eval FILE] TRAIN.jsonl\n");
            return 2;
        }
    }
    if (builtin)
        return score_builtin(eval, speed);
    if (!train) {
        fprintf(stderr, "train_ner: no training file\n");
        return 2;
    }
    corpus c = {0};
    if (read_corpus(train, &c))
        return 1;
    px_ner_trainer *t;
    px_ner_trainer_new(&t);
    for (size_t i = 0; i < c.n; i++)
        if (px_ner_trainer_add(t, c.v[i].text, c.v[i].gold, c.v[i].n_gold)) {
            fprintf(stderr, "train_ner: out of memory\n");
            return 1;
        }
    if (px_ner_train(t, epochs, seed, folds, skip)) {
        fprintf(stderr, "train_ner: out of memory\n");
        return 1;
    }
    px_ner_model *m = px_ner_trainer_model(t, prune);
    if (!m) {
        fprintf(stderr, "train_ner: out of memory\n");
        return 1;
    }
    if (skip >= 0) {
        counts k = {0};
        for (size_t i = 0; i < c.n; i++)
            if ((int)(i % (size_t)folds) == skip)
                score_doc(m, &c.v[i], &k);
        print_counts("held-out fold:", &k);
    }
    if (eval) {
        corpus e = {0};
        if (read_corpus(eval, &e))
            return 1;
        counts k = {0};
        for (size_t i = 0; i < e.n; i++)
            score_doc(m, &e.v[i], &k);
        print_counts("eval:", &k);
        if (speed)
            print_speed(m, &e);
    }
    if (out) {
        FILE *f = fopen(out, "w");
        if (!f || px_ner_trainer_write(t, prune, f) || fclose(f)) {
            perror(out);
            return 1;
        }
    }
    px_ner_model_free(m);
    px_ner_trainer_free(t);
    return 0;
}
