/* text.c - compared stories as a report to read in a terminal:
 * one block per story, aligned columns, wrapped text, optional colour. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/report.h"
#include "report/writers.h"
#include "compare/compare_internal.h"

/* Items listed per section unless px_report_opts.full. */
#define SHORT_LIST 8

typedef struct out {
    px_buf *b;
    int color;
    int width;
    int full;
} out;

static const char *sgr(const out *o, const char *code)
{
    return o->color ? code : "";
}
#define BOLD(o) sgr(o, "\033[1m")
#define DIM(o) sgr(o, "\033[2m")
#define RED(o) sgr(o, "\033[31m")
#define CYAN(o) sgr(o, "\033[36m")
#define YELLOW(o) sgr(o, "\033[33m")
#define GREEN(o) sgr(o, "\033[32m")
#define RESET(o) sgr(o, "\033[0m")

/* Columns a UTF-8 string takes (one per code point). */
static size_t columns(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Appends s cut or padded to exactly width columns. */
static void cell(out *o, const char *s, size_t width)
{
    s = s ? s : "";
    size_t cols = 0;
    const char *p = s;
    while (*p && cols < width) {
        const char *q = p + 1;
        while (((unsigned char)*q & 0xC0) == 0x80)
            q++;
        if (cols + 1 == width && *q) {
            px_buf_puts(o->b, "…");
            cols++;
            p = q;
            break;
        }
        px_buf_append(o->b, p, (size_t)(q - p));
        cols++;
        p = q;
    }
    for (; cols < width; cols++)
        px_buf_puts(o->b, " ");
}

/* Appends text wrapped at the width, every line indented by indent spaces
 * (the first line's indent is assumed already written when first_done). */
static void wrap(out *o, const char *text, size_t indent, int first_done)
{
    size_t width = (size_t)o->width > indent + 20 ? (size_t)o->width - indent : 20;
    size_t col = 0;
    if (!first_done)
        for (size_t i = 0; i < indent; i++)
            px_buf_puts(o->b, " ");
    const char *p = text ? text : "";
    while (*p) {
        while (*p == ' ' || *p == '\n')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '\n')
            e++;
        if (e == p)
            break;
        size_t wcols = 0;
        for (const char *q = p; q < e; q++)
            wcols += ((unsigned char)*q & 0xC0) != 0x80;
        if (col && col + 1 + wcols > width) {
            px_buf_puts(o->b, "\n");
            for (size_t i = 0; i < indent; i++)
                px_buf_puts(o->b, " ");
            col = 0;
        } else if (col) {
            px_buf_puts(o->b, " ");
            col++;
        }
        px_buf_append(o->b, p, (size_t)(e - p));
        col += wcols;
        p = e;
    }
    px_buf_puts(o->b, "\n");
}

static void heading(out *o, const char *title, size_t count)
{
    px_buf_printf(o->b, "\n%s%s%s", BOLD(o), title, RESET(o));
    if (count != (size_t)-1)
        px_buf_printf(o->b, " %s(%zu)%s", DIM(o), count, RESET(o));
    px_buf_puts(o->b, "\n");
}

static size_t limit(const out *o, size_t n)
{
    return o->full || n < SHORT_LIST ? n : SHORT_LIST;
}

static void more(out *o, size_t shown, size_t n)
{
    if (shown < n)
        px_buf_printf(o->b, "  %s… %zu more (--full, --json)%s\n", DIM(o), n - shown, RESET(o));
}

static void source_list(out *o, const px_story_text *s, const size_t *src, size_t n, char *buf, size_t cap)
{
    px_buf b = {0};
    for (size_t i = 0; i < n; i++)
        px_buf_printf(&b, "%s%s", i ? ", " : "", s->sources[src[i]]);
    snprintf(buf, cap, "%s", b.data ? b.data : "");
    px_buf_free(&b);
    (void)o;
}

static size_t widest_source(const px_story_text *s)
{
    size_t w = 6;
    for (size_t i = 0; i < s->n_sources; i++)
        if (columns(s->sources[i]) > w)
            w = columns(s->sources[i]);
    return w > 28 ? 28 : w;
}

static void date_range(const px_story_text *s, char *lo, char *hi)
{
    lo[0] = hi[0] = '\0';
    for (size_t i = 0; i < s->n_articles; i++) {
        const char *d = s->articles[i]->date;
        if (!d)
            continue;
        if (!lo[0] || strncmp(d, lo, 10) < 0)
            snprintf(lo, 11, "%.10s", d);
        if (!hi[0] || strncmp(d, hi, 10) > 0)
            snprintf(hi, 11, "%.10s", d);
    }
}

/* The day of an article ("2016-07-14T00:00:00" -> "2016-07-14"), "≈"
 * before an estimated one. */
static const char *day_of(const px_article *a, char out[16])
{
    if (!a->date || !*a->date)
        return "undated";
    snprintf(out, 16, "%s%.10s", a->date_estimated ? "≈" : "", a->date);
    return out;
}

static int any_leaning(const px_story_text *s)
{
    for (size_t i = 0; i < s->n_articles; i++)
        if (s->articles[i]->leaning && *s->articles[i]->leaning)
            return 1;
    return 0;
}

/* One line per article: outlet, leaning (when any is known), day and the
 * whole title, wrapped; an untitled article by its opening words. */
static void section_articles(out *o, const px_story_text *s)
{
    heading(o, "Articles", s->n_articles);
    size_t sw = widest_source(s), indent = 2 + sw + 2 + 11 + 2;
    int leanings = any_leaning(s);
    if (leanings)
        indent += 12 + 2;
    size_t n = limit(o, s->n_articles);
    for (size_t i = 0; i < n; i++) {
        const px_article *a = s->articles[i];
        char d[16];
        px_buf_printf(o->b, "  %s", CYAN(o));
        cell(o, s->sources[s->article_source[i]], sw);
        px_buf_printf(o->b, "%s  ", RESET(o));
        if (leanings) {
            cell(o, a->leaning ? a->leaning : "–", 12);
            px_buf_puts(o->b, "  ");
        }
        cell(o, day_of(a, d), 11);
        px_buf_puts(o->b, "  ");
        if (a->title && *a->title) {
            wrap(o, a->title, indent, 1);
            continue;
        }
        char label[100], shown[128];
        px_article_label(a, label, sizeof label);
        char *cut = strlen(label) == sizeof label - 1 ? strrchr(label, ' ') : NULL;
        if (cut)
            *cut = '\0'; /* end on a whole word */
        snprintf(shown, sizeof shown, "(untitled) %s%s", label, cut ? " …" : "");
        wrap(o, shown, indent, 1);
    }
    more(o, n, s->n_articles);
}

/* The copies set aside: each with the outlet of the article it copies. */
static void section_copies(out *o, const px_story_report *r)
{
    if (!r->n_copies)
        return;
    const px_story_text *s = r->story;
    heading(o, "Copies set aside, not compared", r->n_copies);
    size_t sw = widest_source(s);
    size_t n = limit(o, r->n_copies);
    for (size_t i = 0; i < n; i++) {
        const px_story_copy *c = &r->copies[i];
        char label[160];
        px_buf_printf(o->b, "  %s", CYAN(o));
        cell(o, c->article->source ? c->article->source : c->article->id, sw);
        px_buf_printf(o->b, "%s  %-8s  ", RESET(o), c->relation);
        char d[16];
        cell(o, day_of(c->article, d), 11);
        px_buf_puts(o->b, "  ");
        px_buf_printf(o->b, "copy of %s: ", c->of->source ? c->of->source : c->of->id);
        cell(o, px_article_label(c->article, label, sizeof label), 40);
        px_buf_puts(o->b, "\n");
    }
    more(o, n, r->n_copies);
}

static void put_sentence(px_buf *b, const px_story_text *s, long sentence)
{
    const px_story_sentence *ps = &s->sentences[sentence];
    px_buf_append(b, s->articles[ps->article]->body + ps->start, ps->end - ps->start);
}

/* One line per outlet: what it leads with and what only it reports. */
static void outlet_lines(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_summary *sm = &r->summary;
    size_t n = limit(o, sm->n_outlets), shown = 0;
    for (size_t i = 0; i < sm->n_outlets && shown < n; i++) {
        const px_outlet_gist *g = &sm->outlets[i];
        if (g->lead < 0 && g->only < 0)
            continue;
        shown++;
        px_buf b = {0};
        px_buf_printf(&b, "%s leads with: ", s->sources[g->source]);
        if (g->lead >= 0)
            put_sentence(&b, s, g->lead);
        if (g->only >= 0) {
            px_buf_puts(&b, " Only it reports: ");
            put_sentence(&b, s, g->only);
        }
        px_buf_puts(o->b, "  - ");
        wrap(o, b.data, 4, 1);
        px_buf_free(&b);
    }
    more(o, shown, sm->n_outlets);
}

/* The gist with its cites, then each outlet's line; --full adds the
 * other central sentences. */
static void section_summary(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_summary *sm = &r->summary;
    heading(o, "Summary", (size_t)-1);
    if (!sm->n) {
        px_buf_printf(o->b, "  %s(nothing to summarise)%s\n", DIM(o), RESET(o));
        return;
    }
    for (size_t i = 0; i < (o->full ? sm->n : 1); i++) {
        const px_summary_sentence *ss = &sm->v[i];
        char cites[1024];
        source_list(o, s, ss->cites, ss->n_cites, cites, sizeof cites);
        px_buf b = {0};
        px_buf_printf(&b, "%s [%s]", ss->text, cites);
        px_buf_puts(o->b, "  ");
        wrap(o, b.data, 2, 1);
        px_buf_free(&b);
        if (i == 0)
            outlet_lines(o, r);
    }
}

static int disagreement(const out *o, const px_number_group *ng)
{
    return ng->status != PX_QTY_AGREE && (o->full || px_number_group_shown(ng));
}

/* The reports of a quantity as a reader follows them: in time order, one
 * row per article and figure (an article repeating "84" says it once),
 * with the authority any of its repeats names. */
typedef struct report_row {
    const px_number *num;
    const char *attribution;
    const char *date;
    size_t article;
} report_row;

static int by_date(const void *x, const void *y)
{
    const report_row *a = x, *b = y;
    int c = strcmp(a->date, b->date);
    if (c)
        return c;
    return a->num->value < b->num->value ? -1 : a->num->value > b->num->value;
}

static size_t report_rows(const px_story_report *r, const px_number_group *ng, report_row *rows)
{
    const px_story_text *s = r->story;
    size_t n = 0;
    for (size_t m = 0; m < ng->n_members; m++) {
        px_ref ref = ng->members[m];
        if (ref.article >= s->n_articles || ref.item >= r->numbers[ref.article].n)
            continue;
        const px_number *num = &r->numbers[ref.article].v[ref.item];
        size_t k = 0;
        while (k < n && !(rows[k].article == ref.article && rows[k].num->value == num->value &&
                          rows[k].num->bound == num->bound))
            k++;
        if (k == n) {
            const char *d = s->articles[ref.article]->date;
            rows[n++] = (report_row){num, num->attribution, d ? d : "undated", ref.article};
        } else if (!rows[k].attribution) {
            rows[k].attribution = num->attribution;
        }
    }
    qsort(rows, n, sizeof *rows, by_date);
    return n;
}

static void conflict_block(out *o, const px_story_report *r, const px_number_group *ng, size_t sw)
{
    const px_story_text *s = r->story;
    char label[64];
    px_buf_printf(o->b, "  %s%s%s  %s%s, confidence %.2f: %s%s\n", RED(o),
                  px_number_group_label(ng, label, sizeof label), RESET(o), DIM(o),
                  ng->status == PX_QTY_EVOLVING ? "evolving (later reports, later figures)" : "conflict",
                  ng->confidence, ng->evidence ? ng->evidence : "", RESET(o));
    report_row *rows = malloc((ng->n_members ? ng->n_members : 1) * sizeof *rows);
    if (!rows)
        return;
    size_t n = report_rows(r, ng, rows);
    for (size_t k = 0; k < n; k++) {
        px_buf_puts(o->b, "    ");
        cell(o, s->sources[s->article_source[rows[k].article]], sw);
        px_buf_puts(o->b, "  ");
        char when[17];
        snprintf(when, sizeof when, "%s", rows[k].date); /* day and time of an ISO time */
        if (strlen(when) == 16 && when[10] == 'T')
            when[10] = ' ';
        if (s->articles[rows[k].article]->date_estimated)
            day_of(s->articles[rows[k].article], when); /* "≈" and the day alone */
        cell(o, when, 16);
        px_buf_puts(o->b, "  ");
        cell(o, rows[k].num->text, 20);
        px_buf_printf(o->b, "  %s%s%s\n", DIM(o), rows[k].attribution ? rows[k].attribution : "(no attribution)",
                      RESET(o));
    }
    free(rows);
}

static void section_conflicts(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    size_t n = 0, hidden = 0;
    for (size_t g = 0; g < r->number_groups.n; g++) {
        n += disagreement(o, &r->number_groups.v[g]);
        hidden += r->number_groups.v[g].status != PX_QTY_AGREE && !disagreement(o, &r->number_groups.v[g]);
    }
    heading(o, "Numbers that disagree", n);
    if (!n)
        px_buf_printf(o->b, "  %s(none found)%s\n", DIM(o), RESET(o));
    size_t sw = widest_source(s), shown = 0;
    for (size_t g = 0; g < r->number_groups.n && shown < limit(o, n); g++)
        if (disagreement(o, &r->number_groups.v[g])) {
            conflict_block(o, r, &r->number_groups.v[g], sw);
            shown++;
        }
    more(o, shown, n);
    if (hidden)
        px_buf_printf(o->b, "  %s%zu less certain (confidence below %.2f): --full, --json%s\n", DIM(o),
                      hidden, px_numbers_shown_from(PX_QTY_CONFLICT), RESET(o));
}

/* How many of the group's articles give the authority a? */
static size_t articles_citing(const px_story_report *r, const px_number_group *ng, const char *a)
{
    size_t n = 0, last = (size_t)-1;
    for (size_t m = 0; m < ng->n_members; m++) {
        px_ref ref = ng->members[m];
        if (ref.article >= r->story->n_articles || ref.item >= r->numbers[ref.article].n)
            continue;
        const px_number *num = &r->numbers[ref.article].v[ref.item];
        if (ref.article != last && num->attribution && strcmp(num->attribution, a) == 0) {
            n++;
            last = ref.article;
        }
    }
    return n;
}

/* "1,200 people killed: 3 outlets (A, B, C), citing Israeli officials".
 * An authority is cited when at least a third of the articles give it:
 * the one report of six that names a source speaks for no agreement. */
static void agreement_line(out *o, const px_story_report *r, const px_number_group *ng)
{
    const px_story_text *s = r->story;
    px_buf line = {0}, outlets = {0}, cites = {0};
    const px_number *shown = NULL;
    size_t last_source = (size_t)-1;
    for (size_t m = 0; m < ng->n_members; m++) {
        px_ref ref = ng->members[m];
        if (ref.article >= s->n_articles || ref.item >= r->numbers[ref.article].n)
            continue;
        const px_number *num = &r->numbers[ref.article].v[ref.item];
        if (!shown || (shown->vague && !num->vague))
            shown = num;
        size_t src = s->article_source[ref.article];
        if (src != last_source && !(outlets.data && strstr(outlets.data, s->sources[src])))
            px_buf_printf(&outlets, "%s%s", outlets.len ? ", " : "", s->sources[src]);
        last_source = src;
        if (num->attribution && !(cites.data && strstr(cites.data, num->attribution)) &&
            articles_citing(r, ng, num->attribution) * 3 >= ng->n_articles)
            px_buf_printf(&cites, "%s%s", cites.len ? "; " : "", num->attribution);
    }
    if (shown) {
        px_buf_printf(&line, "%s%s%s: %zu articles (%s)", shown->text, ng->counted ? " " : "",
                      ng->counted ? ng->counted : "", ng->n_articles, outlets.data ? outlets.data : "");
        if (cites.len)
            px_buf_printf(&line, ", citing %s", cites.data);
        px_buf_puts(o->b, "  ");
        wrap(o, line.data, 2, 1);
    }
    px_buf_free(&line);
    px_buf_free(&outlets);
    px_buf_free(&cites);
}

static void section_agreements(out *o, const px_story_report *r)
{
    size_t n = 0, shown = 0;
    for (size_t g = 0; g < r->number_groups.n; g++)
        n += r->number_groups.v[g].status == PX_QTY_AGREE && px_number_group_shown(&r->number_groups.v[g]);
    heading(o, "Numbers outlets agree on", n);
    if (!n)
        px_buf_printf(o->b, "  %s(none found)%s\n", DIM(o), RESET(o));
    for (size_t g = 0; g < r->number_groups.n && shown < limit(o, n); g++) {
        const px_number_group *ng = &r->number_groups.v[g];
        if (ng->status != PX_QTY_AGREE || !px_number_group_shown(ng))
            continue;
        agreement_line(o, r, ng);
        shown++;
    }
    more(o, shown, n);
}

/* The member of a link whose text the link carries (the longest), shown
 * as a reader should see it. */
static void link_display(const px_story_report *r, const px_quote_link *l, px_buf *b)
{
    const px_story_text *s = r->story;
    for (size_t m = 0; m < l->n_members; m++) {
        px_ref ref = l->members[m];
        if (ref.article >= s->n_articles || ref.item >= r->quotes[ref.article].n)
            continue;
        const px_quote *q = &r->quotes[ref.article].v[ref.item];
        if (q->text && l->text && strcmp(q->text, l->text) == 0) {
            px_quote_display(q, s->articles[ref.article]->body, b);
            return;
        }
    }
    px_buf_puts(b, l->text ? l->text : "");
}

/* Quoted fragments inside reported speech ("doubled down on our unwavering
 * military assistance"): listed with --full, counted otherwise. */
static void partial_quotes(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    size_t n = 0;
    for (size_t a = 0; a < s->n_articles; a++)
        for (size_t k = 0; k < r->quotes[a].n; k++)
            n += r->quotes[a].v[k].kind == PX_QUOTE_PARTIAL;
    if (!n)
        return;
    if (!o->full) {
        px_buf_printf(o->b, "  %s… %zu partial quote%s (--full, --json)%s\n", DIM(o), n, n == 1 ? "" : "s",
                      RESET(o));
        return;
    }
    px_buf_printf(o->b, "  %sPartial quotes (%zu)%s\n", BOLD(o), n, RESET(o));
    for (size_t a = 0; a < s->n_articles; a++)
        for (size_t k = 0; k < r->quotes[a].n; k++) {
            const px_quote *q = &r->quotes[a].v[k];
            if (q->kind != PX_QUOTE_PARTIAL)
                continue;
            px_buf b = {0};
            px_buf_printf(&b, "%s: \"%s\" (%s)", q->speaker ? q->speaker : "unattributed", q->text ? q->text : "",
                          px_report_article_source(r, a));
            px_buf_puts(o->b, "  ");
            wrap(o, b.data, 4, 1);
            px_buf_free(&b);
        }
}

/* Two articles of one outlet carry a quote once for that outlet. */
static int source_named_before(const px_story_report *r, const px_quote_link *l, size_t m)
{
    const px_story_text *s = r->story;
    for (size_t k = 0; k < m; k++)
        if (l->members[k].article < s->n_articles &&
            s->article_source[l->members[k].article] == s->article_source[l->members[m].article])
            return 1;
    return 0;
}

static void section_quotes(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    size_t total = 0;
    for (size_t a = 0; a < s->n_articles; a++)
        for (size_t k = 0; k < r->quotes[a].n; k++)
            total += r->quotes[a].v[k].kind == PX_QUOTE_SPEECH;
    heading(o, "Quotes", total);
    size_t n = limit(o, r->quote_links.n);
    for (size_t i = 0; i < n; i++) {
        const px_quote_link *l = &r->quote_links.v[i];
        px_buf b = {0};
        px_buf_puts(&b, "\"");
        link_display(r, l, &b);
        px_buf_printf(&b, "\" — %s · carried by", l->speaker ? l->speaker : "unattributed");
        for (size_t m = 0, named = 0; m < l->n_members; m++)
            if (l->members[m].article < s->n_articles && !source_named_before(r, l, m))
                px_buf_printf(&b, "%s %s", named++ ? "," : "", px_report_article_source(r, l->members[m].article));
        px_buf_puts(o->b, "  ");
        wrap(o, b.data, 4, 1);
        px_buf_free(&b);
    }
    more(o, n, r->quote_links.n);
    size_t shown = 0;
    for (size_t a = 0; a < s->n_articles; a++)
        for (size_t k = 0; k < r->quotes[a].n && shown < limit(o, total); k++) {
            const px_quote *q = &r->quotes[a].v[k];
            if (q->kind != PX_QUOTE_SPEECH)
                continue;
            shown++;
            px_buf b = {0};
            px_buf_printf(&b, "%s: \"", q->speaker ? q->speaker : "unattributed");
            px_quote_display(q, s->articles[a]->body, &b);
            px_buf_printf(&b, "\" (%s%s%s)", px_report_article_source(r, a), q->relay ? ", via " : "",
                          q->relay ? q->relay : "");
            px_buf_puts(o->b, "  ");
            wrap(o, b.data, 4, 1);
            px_buf_free(&b);
        }
    more(o, shown, total);
    partial_quotes(o, r);
}

static void section_entities(out *o, const px_story_report *r)
{
    heading(o, "People and organisations", r->people.n);
    size_t n = limit(o, r->people.n);
    for (size_t i = 0; i < n; i++) {
        const px_entity *e = &r->people.v[i];
        px_buf_puts(o->b, "  ");
        cell(o, e->name, 30);
        px_buf_printf(o->b, "  %-6s %4zu mention%s, %zu outlet%s\n", px_entity_kind_name(e->kind), e->mentions,
                      e->mentions == 1 ? "" : "s", e->n_sources, e->n_sources == 1 ? "" : "s");
    }
    more(o, n, r->people.n);
}

/* Per actor, the words each outlet attaches to it; "*" marks a word only
 * that outlet uses for it. */
static void section_actors(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    if (!r->actors.n)
        return;
    heading(o, "How each outlet names the actors", (size_t)-1);
    px_buf_printf(o->b, "  %s", DIM(o));
    wrap(o, "The words each outlet calls the actor by (\"the jihadist group\", \"Hamas terrorists\"), and what it "
            "says is done to people; * marks a word no other outlet uses for it.", 2,
         1);
    px_buf_puts(o->b, RESET(o));
    size_t n = limit(o, r->actors.n);
    for (size_t i = 0; i < n; i++) {
        const px_actor_row *row = &r->actors.rows[i];
        px_buf b = {0};
        px_buf_printf(&b, "%s:", r->people.v[row->entity].name);
        for (size_t c = 0; c < row->n_cells; c++) {
            const px_actor_cell *cell = &row->cells[c];
            px_buf_printf(&b, "%s %s:", c ? ";" : "", s->sources[cell->source]);
            for (size_t k = 0; k < cell->n_words; k++)
                px_buf_printf(&b, "%s %s%s", k ? "," : "", cell->words[k].only_here ? "*" : "", cell->words[k].word);
        }
        px_buf_puts(o->b, "  ");
        wrap(o, b.data, 4, 1);
        px_buf_free(&b);
    }
    more(o, n, r->actors.n);
}

static void section_framing(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    heading(o, s->n_sources > 1 ? "Framing: words each outlet leans on" : "Framing: distinctive words", (size_t)-1);
    px_buf_printf(o->b, "  %s", DIM(o));
    wrap(o,
         s->n_sources > 1
             ? "The number after a word is a z-score: how many standard deviations more often the outlet uses "
               "it than the other outlets do (weighted log-odds); about 2 or more is a clear lean, below 1 may "
               "be chance."
             : "The number after a word is a z-score: how many standard deviations more often the article uses "
               "it than general news does (weighted log-odds); about 2 or more is a clear lean.",
         2, 1);
    px_buf_puts(o->b, RESET(o));
    size_t sw = widest_source(s);
    size_t n = limit(o, r->framing.n);
    for (size_t i = 0; i < n; i++) {
        const px_source_framing *sf = &r->framing.v[i];
        px_buf b = {0};
        size_t terms = sf->n_terms < 8 || o->full ? sf->n_terms : 8;
        for (size_t k = 0; k < terms; k++)
            px_buf_printf(&b, "%s%s %.1f", k ? ", " : "", sf->terms[k].term, sf->terms[k].z);
        px_buf_printf(o->b, "  %s", CYAN(o));
        cell(o, s->sources[sf->source], sw);
        px_buf_printf(o->b, "%s  ", RESET(o));
        wrap(o, b.data ? b.data : "(nothing stands out)", sw + 4, 1);
        px_buf_free(&b);
        if (sf->n_labels) {
            px_buf lb = {0};
            size_t nl = sf->n_labels < 4 || o->full ? sf->n_labels : 4;
            px_buf_puts(&lb, "calls");
            for (size_t k = 0; k < nl; k++)
                px_buf_printf(&lb, "%s %s \"%s\"", k ? ";" : "", sf->labels[k].actor, sf->labels[k].label);
            for (size_t k = 0; k < sw + 4; k++)
                px_buf_puts(o->b, " ");
            px_buf_puts(o->b, DIM(o));
            wrap(o, lb.data, sw + 4, 1);
            px_buf_puts(o->b, RESET(o));
            px_buf_free(&lb);
        }
    }
    more(o, n, r->framing.n);
}

static void section_consensus(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_consensus *c = &r->consensus;
    if (s->n_sources < 2)
        return; /* one outlet: nothing to agree on or leave out */
    char title[96];
    snprintf(title, sizeof title, "Reported by most outlets (%zu or more of the %zu)", c->majority, s->n_sources);
    heading(o, title, (size_t)-1);
    if (!c->n_consensus)
        px_buf_printf(o->b, "  %s(no fact is reported by %zu or more of the %zu outlets)%s\n", DIM(o), c->majority,
                      s->n_sources, RESET(o));
    size_t n = limit(o, c->n_consensus);
    for (size_t i = 0; i < n; i++) {
        px_buf_printf(o->b, "  %s[%zu/%zu]%s ", GREEN(o), c->facts[i].n_sources, s->n_sources, RESET(o));
        wrap(o, c->facts[i].text, 10, 1);
    }
    more(o, n, c->n_consensus);
    heading(o, "Omissions and exclusives", (size_t)-1);
    int any = 0;
    for (size_t i = 0; i < c->n_sources; i++) {
        const px_source_coverage *sc = &c->sources[i];
        size_t no = limit(o, sc->n_omitted) < 3 || o->full ? limit(o, sc->n_omitted) : 3;
        for (size_t k = 0; k < no; k++) {
            const px_fact *f = &c->facts[sc->omitted[k]];
            px_buf b = {0};
            px_buf_printf(&b, "%s leaves out (%zu others report it): %s", s->sources[sc->source], f->n_sources,
                          f->text);
            px_buf_printf(o->b, "  %s-%s ", YELLOW(o), RESET(o));
            wrap(o, b.data, 4, 1);
            px_buf_free(&b);
            any = 1;
        }
        size_t nu = sc->n_unique < 2 || o->full ? sc->n_unique : 2;
        for (size_t k = 0; k < nu; k++) {
            const px_story_sentence *ps = &s->sentences[sc->unique[k]];
            px_buf b = {0};
            px_buf_printf(&b, "only %s: %.*s", s->sources[sc->source], (int)(ps->end - ps->start),
                          s->articles[ps->article]->body + ps->start);
            px_buf_printf(o->b, "  %s+%s ", CYAN(o), RESET(o));
            wrap(o, b.data, 4, 1);
            px_buf_free(&b);
            any = 1;
        }
    }
    if (!any)
        px_buf_printf(o->b, "  %s(none: one outlet, or every outlet tells it alike)%s\n", DIM(o), RESET(o));
}

static void section_timeline(out *o, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_timeline *t = &r->timeline;
    heading(o, "Timeline", t->n);
    /* With a long timeline, keep the events most outlets mention, in date order. */
    size_t n = limit(o, t->n), floor_sources = 1;
    while (!o->full && floor_sources < s->n_sources) {
        size_t k = 0;
        for (size_t i = 0; i < t->n; i++)
            k += t->events[i].n_sources > floor_sources;
        if (k < n)
            break;
        floor_sources++;
    }
    size_t shown = 0;
    for (size_t i = 0; i < t->n && shown < n; i++) {
        const px_timeline_event *ev = &t->events[i];
        if (ev->n_sources < floor_sources)
            continue;
        shown++;
        char when[24];
        if (ev->grain == PX_GRAIN_YEAR)
            snprintf(when, sizeof when, "%.4s", ev->date);
        else if (ev->grain == PX_GRAIN_MONTH)
            snprintf(when, sizeof when, "%.7s", ev->date);
        else if (ev->grain == PX_GRAIN_WEEK)
            snprintf(when, sizeof when, "wk %.10s", ev->date);
        else
            snprintf(when, sizeof when, "%.10s", ev->date);
        char srcs[512];
        source_list(o, s, ev->sources, ev->n_sources, srcs, sizeof srcs);
        px_buf_printf(o->b, "  %s", ev->future ? YELLOW(o) : BOLD(o));
        cell(o, when, 14);
        px_buf_puts(o->b, RESET(o));
        px_buf b = {0};
        px_buf_printf(&b, "%s%s [%s]", ev->future ? "(expected) " : "", ev->text, srcs);
        wrap(o, b.data, 16, 1);
        px_buf_free(&b);
    }
    more(o, shown, t->n);
    if (t->unresolved)
        px_buf_printf(o->b, "  %s%zu relative dates in undated articles left unresolved%s\n", DIM(o),
                      t->unresolved, RESET(o));
}

/* Related stories in other languages (links.h), under the headline. */
static void section_links(out *o, const px_story_report *r)
{
    if (!r->links.n)
        return;
    char langs[64];
    px_story_links_languages(&r->links, langs, sizeof langs);
    px_buf_printf(o->b, "Also covered in: %s%s%s\n", BOLD(o), langs, RESET(o));
    for (size_t i = 0; i < r->links.n; i++) {
        const px_story_link *k = &r->links.v[i];
        px_buf_printf(o->b, "  %s[%s] story %lld%s ", DIM(o), k->lang, (long long)k->story, RESET(o));
        wrap(o, k->title ? k->title : "(untitled)", 4, 1);
    }
}

static void story_text(out *o, const px_story_report *r, size_t index, size_t n_stories)
{
    const px_story_text *s = r->story;
    char lo[11], hi[11];
    date_range(s, lo, hi);
    px_buf_printf(o->b, "%s%s━━ Story %zu of %zu%s · %zu article%s · %zu outlet%s", index ? "\n" : "", BOLD(o),
                  index + 1, n_stories, RESET(o), s->n_articles, s->n_articles == 1 ? "" : "s", s->n_sources,
                  s->n_sources == 1 ? "" : "s");
    if (lo[0])
        px_buf_printf(o->b, " · %s%s%s", lo, strcmp(lo, hi) ? " to " : "", strcmp(lo, hi) ? hi : "");
    px_buf_puts(o->b, "\n");
    if (r->summary.headline.text) {
        px_buf_puts(o->b, BOLD(o));
        wrap(o, r->summary.headline.text, 0, 1);
        px_buf_puts(o->b, RESET(o));
    }
    section_links(o, r);
    section_articles(o, s);
    section_copies(o, r);
    section_summary(o, r);
    section_conflicts(o, r);
    section_agreements(o, r);
    section_quotes(o, r);
    section_entities(o, r);
    section_actors(o, r);
    section_framing(o, r);
    section_consensus(o, r);
    section_timeline(o, r);
}

int px_report_text_story(const px_story_report *r, size_t index, size_t n, const px_report_opts *opts,
                         px_buf *b)
{
    out o = {b, opts ? opts->color : 0, opts && opts->width > 40 ? opts->width : 100, opts ? opts->full : 0};
    if (!n)
        px_buf_puts(b, "No articles, so no story to compare.\n");
    else
        story_text(&o, r, index, n);
    return b->data ? PX_OK : PX_ENOMEM;
}

int px_report_text(px_story_report *const *stories, size_t n, const px_report_opts *opts, px_buf *b)
{
    int rc = n ? PX_OK : px_report_text_story(NULL, 0, 0, opts, b);
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        rc = px_report_text_story(stories[i], i, n, opts, b);
    return rc;
}
