/* sentences_speed.c - times px_split_sentences on texts held in memory, the
 * way bench/sbd_split.js times sbd: files are read first, then split
 * REPEAT times, each pass timed on its own. Prints "SENTENCES SECONDS..."
 * (sentences in one pass, then the wall-clock seconds of every pass) and
 * on a second line the CPU seconds of every pass. Built by
 * bench/sentences.sh.
 * Usage: sentences_speed REPEAT LISTFILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    px_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        px_buf_append(&b, chunk, n);
    fclose(f);
    long long bad;
    px_utf8_repair(&b, &bad);
    *len = b.len;
    /* Each text in an allocation of its own size, as a string is held in
     * any runtime (sbd's are JavaScript strings). The read buffer doubles
     * its capacity, so kept as it is every text would start at the same
     * offset of a 4 kB block, half of it unused, all in the same few cache
     * sets: that alone cost 10-20 % of the splitting time. */
    char *t = malloc(b.len + 1);
    if (t)
        memcpy(t, b.data, b.len + 1);
    px_buf_free(&b);
    return t;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: sentences_speed REPEAT LISTFILE\n");
        return 2;
    }
    int repeat = atoi(argv[1]);
    FILE *list = fopen(argv[2], "r");
    if (!list)
        return 1;
    char **texts = NULL;
    size_t *lens = NULL, n = 0;
    char line[4096];
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = '\0';
        if (!*line)
            continue;
        texts = realloc(texts, (n + 1) * sizeof *texts);
        lens = realloc(lens, (n + 1) * sizeof *lens);
        if (!(texts[n] = slurp(line, &lens[n]))) {
            fprintf(stderr, "cannot read %s\n", line);
            return 1;
        }
        n++;
    }
    fclose(list);
    px_spans sp = {0};
    size_t sentences = 0;
    double *cpu = calloc((size_t)(repeat > 0 ? repeat : 1), sizeof *cpu);
    for (int r = 0; r < repeat; r++) {
        struct timespec t0, t1, c0, c1;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        sentences = 0;
        for (size_t i = 0; i < n; i++) {
            sp.n = 0;
            px_split_sentences(texts[i], lens[i], &sp);
            sentences += sp.n;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
        cpu[r] = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
        if (r == 0)
            printf("%zu", sentences);
        printf(" %.6f", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    }
    printf("\n");
    for (int r = 0; r < repeat; r++)
        printf("%s%.6f", r ? " " : "", cpu[r]);
    printf("\n");
    free(cpu);
    px_spans_free(&sp);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    return 0;
}
