/* progress.c - a one-line progress bar on stderr. It appears only on a
 * terminal and only once the work has taken more than a second, redraws at
 * most ten times a second, and erases itself when done. */
#include <stdlib.h>
#include <time.h>

#include "cli.h"

struct cli_progress {
    const char *label;
    double start, last_draw;
    int drawn;
    int items; /* show "done/total" rather than megabytes */
};

void cli_progress_count_items(cli_progress *p)
{
    if (p)
        p->items = 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

cli_progress *cli_progress_new(const char *label, int enabled)
{
    if (!enabled)
        return NULL;
    cli_progress *p = calloc(1, sizeof *p);
    if (p) {
        p->label = label;
        p->start = now();
    }
    return p;
}

void cli_progress_update(long long done, long long total, void *progress)
{
    cli_progress *p = progress;
    if (!p)
        return;
    double t = now();
    if (t - p->start < 1.0 || t - p->last_draw < 0.1)
        return;
    p->last_draw = t;
    p->drawn = 1;
    const int width = 30;
    if (total > 0) {
        double f = (double)done / (double)total;
        if (f > 1)
            f = 1;
        int fill = (int)(f * width);
        fprintf(stderr, "\r%s [", p->label);
        for (int i = 0; i < width; i++)
            fputc(i < fill ? '#' : '.', stderr);
        if (p->items)
            fprintf(stderr, "] %3d%%  %lld/%lld  %.0fs ", (int)(f * 100), done, total, t - p->start);
        else
            fprintf(stderr, "] %3d%%  %.1f MB  %.0fs ", (int)(f * 100), (double)done / 1e6, t - p->start);
    } else {
        fprintf(stderr, "\r%s %lld  %.0fs ", p->label, done, t - p->start);
    }
    fflush(stderr);
}

void cli_progress_free(cli_progress *p)
{
    if (!p)
        return;
    if (p->drawn)
        fputs("\r\033[K", stderr);
    free(p);
}
