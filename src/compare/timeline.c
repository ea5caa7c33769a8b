/* timeline.c - the story's ordered timeline, from the temporal
 * expressions of each article (timex.c). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/grow.h"
#include "parallax/text.h"
#include "parallax/timeline.h"
#include "core/common_internal.h"
#include "compare/story_internal.h"
#include "text/timex_internal.h"

/* ---- timeline ------------------------------------------------------------- */

/* Mentions of the same date in sentences this similar are one event. */
#define SAME_EVENT_SIM 0.2

typedef struct tl_entry {
    char date[11];
    px_date_grain grain;
    int future;
    size_t sentence;
    size_t start, end; /* of the expression, in the article body */
} tl_entry;

static int entry_cmp(const void *a, const void *b)
{
    const tl_entry *x = a, *y = b;
    int c = strcmp(x->date, y->date);
    if (c)
        return c;
    if (x->grain != y->grain)
        return x->grain < y->grain ? -1 : 1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* Is expression x a dated event for the timeline? */
static int is_event(const px_timex *x)
{
    if (!x->date[0] || x->since)
        return 0;
    return x->grain == PX_GRAIN_DAY || x->grain == PX_GRAIN_WEEK || x->grain == PX_GRAIN_MONTH ||
           x->grain == PX_GRAIN_YEAR || x->grain == PX_GRAIN_TIME;
}

/* A clock time is placed on its day. */
static px_date_grain timeline_grain(const px_timex *x)
{
    return x->grain == PX_GRAIN_TIME ? PX_GRAIN_DAY : x->grain;
}

static void fill_entry(tl_entry *e, const px_timex *x, size_t sentence)
{
    memcpy(e->date, x->date, sizeof e->date);
    e->grain = timeline_grain(x);
    e->future = x->future;
    e->sentence = sentence;
    e->start = x->start;
    e->end = x->end;
}

/* One entry per sentence: a sentence that names several dates ("from
 * 1994 to 2003", "born on September 30, 1997 … his debut in 2015") is
 * placed once, at its most precise date, the first of equals. Entries
 * arrive in text order, so the sentence's entry, if any, is the last. */
static int add_or_refine(tl_entry **out, size_t *n, size_t *cap, const px_timex *x, size_t sentence)
{
    if (*n && (*out)[*n - 1].sentence == sentence) {
        if (timeline_grain(x) < (*out)[*n - 1].grain)
            fill_entry(&(*out)[*n - 1], x, sentence);
        return PX_OK;
    }
    if (px_grow(out, cap, *n + 1, sizeof **out, 64, 0) != PX_OK)
        return PX_ENOMEM;
    fill_entry(&(*out)[(*n)++], x, sentence);
    return PX_OK;
}

/* An article dated only by the story's estimate may have been written
 * after it: a relative expression that lands after the estimate is not
 * placed, rather than shown as a future date. */
static int ahead_of_an_estimate(const px_article *art, const px_timex *x)
{
    return art->date_estimated && x->relative && x->future;
}

/* The expressions of each article body, given to the story sentence that
 * holds them. */
/* A sentence all inside a quote that goes on after it ("“I called my wife
 * this morning.") or a quote's later sentence is the speaker's time, read
 * without the speaker: no entry of the story's timeline. A sentence that
 * names its speaker and opens a quote ("Trudeau tweeted: “Canadians are
 * shocked by tonight's ...") stays. */
static int speaker_time(const px_story_text *s, const unsigned char *quoted, size_t sentence)
{
    const px_story_sentence *ps = &s->sentences[sentence];
    const char *b = s->articles[ps->article]->body + ps->start;
    size_t n = ps->end - ps->start;
    int opens_on_quote = n && (b[0] == '"' || b[0] == '\'' ||
                               (n >= 3 && (!strncmp(b, "\xe2\x80\x9c", 3) || !strncmp(b, "\xe2\x80\x98", 3))));
    return quoted[sentence] || (opens_on_quote && px_story_sentence_is_quote_piece(s, sentence));
}

static int collect_entries(const px_story_text *s, tl_entry **out, size_t *n, size_t *unresolved)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    px_timexes tx = {0};
    unsigned char *quoted = px_story_quote_continuations(s);
    int rc = quoted ? PX_OK : PX_ENOMEM;
    for (size_t a = 0; rc == PX_OK && a < s->n_articles; a++) {
        const px_article *art = s->articles[a];
        size_t first = s->first_sentence[a], last = s->first_sentence[a + 1];
        if (first == last || !art->body)
            continue;
        tx.n = 0;
        rc = px_timex_find_doc(&s->docs[a], art->date, &tx);
        size_t sent = first;
        for (size_t k = 0; rc == PX_OK && k < tx.n; k++) {
            const px_timex *x = &tx.v[k];
            while (sent < last && s->sentences[sent].end <= x->start)
                sent++;
            if (sent == last)
                break;
            if (x->start < s->sentences[sent].start)
                continue; /* in text the story left out */
            if (speaker_time(s, quoted, sent))
                continue;
            if ((!x->value[0] && x->relative) || ahead_of_an_estimate(art, x))
                (*unresolved)++;
            else if (is_event(x))
                rc = add_or_refine(out, n, &cap, x, sent);
        }
    }
    px_timexes_free(&tx);
    free(quoted);
    return rc;
}

static int add_unique(size_t **v, size_t *n, size_t x)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i] == x)
            return PX_OK;
    size_t *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return PX_ENOMEM;
    nv[(*n)++] = x;
    *v = nv;
    return PX_OK;
}

static int new_event(const px_story_text *s, const tl_entry *e, px_timeline_event *ev)
{
    memset(ev, 0, sizeof *ev);
    const px_story_sentence *ps = &s->sentences[e->sentence];
    const char *body = s->articles[ps->article]->body;
    memcpy(ev->date, e->date, sizeof ev->date);
    ev->grain = e->grain;
    ev->future = e->future;
    ev->sentence = e->sentence;
    ev->expression = px_strndup(body + e->start, e->end - e->start);
    ev->text = px_strndup(body + ps->start, ps->end - ps->start);
    if (!ev->expression || !ev->text)
        return PX_ENOMEM;
    if (add_unique(&ev->sentences, &ev->n_sentences, e->sentence) != PX_OK)
        return PX_ENOMEM;
    return add_unique(&ev->sources, &ev->n_sources, ps->source);
}

static void event_free(px_timeline_event *ev)
{
    free(ev->expression);
    free(ev->text);
    free(ev->sources);
    free(ev->sentences);
}

/* Events of the same date compared with a new mention, latest first: bounds
 * the cost when thousands of sentences name the same day. */
#define MERGE_WINDOW 64

/* Adds entry e to an event of the same date already in t[first..] when its
 * sentence is alike; returns 1 if merged. */
static int merge_into(const px_story_text *s, px_timeline *t, size_t first, const tl_entry *e,
                      px_story_sim_scratch *w, int *rc)
{
    if (t->n - first > MERGE_WINDOW)
        first = t->n - MERGE_WINDOW;
    for (size_t k = first; k < t->n; k++) {
        px_timeline_event *ev = &t->events[k];
        if (ev->grain != e->grain || strcmp(ev->date, e->date) != 0)
            continue;
        if (ev->sentence != e->sentence &&
            px_story_similarity_with(s, ev->sentence, e->sentence, w) < SAME_EVENT_SIM)
            continue;
        *rc = add_unique(&ev->sentences, &ev->n_sentences, e->sentence);
        if (*rc == PX_OK)
            *rc = add_unique(&ev->sources, &ev->n_sources, s->sentences[e->sentence].source);
        return 1;
    }
    return 0;
}

int px_timeline_build(const px_story_text *s, px_timeline *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    tl_entry *e = NULL;
    size_t n = 0;
    int rc = collect_entries(s, &e, &n, &out->unresolved);
    if (rc == PX_OK && n) {
        qsort(e, n, sizeof *e, entry_cmp);
        out->events = calloc(n, sizeof *out->events);
        if (!out->events)
            rc = PX_ENOMEM;
    }
    size_t group_first = 0;
    px_story_sim_scratch w = {0};
    if (rc == PX_OK && n)
        rc = px_story_sim_scratch_init(&w, s);
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        if (i > 0 && (strcmp(e[i].date, e[i - 1].date) != 0 || e[i].grain != e[i - 1].grain))
            group_first = out->n;
        if (merge_into(s, out, group_first, &e[i], &w, &rc))
            continue;
        rc = new_event(s, &e[i], &out->events[out->n]);
        out->n++;
    }
    free(e);
    px_story_sim_scratch_free(&w);
    if (rc != PX_OK) {
        px_timeline_free(out);
        return px_error_set(err, rc, "out of memory building the timeline");
    }
    return PX_OK;
}

void px_timeline_free(px_timeline *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        event_free(&t->events[i]);
    free(t->events);
    memset(t, 0, sizeof *t);
}
