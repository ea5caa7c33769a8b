/* html.c - compared stories as one self-contained HTML page: inline
 * CSS and SVG, no scripts from elsewhere, no network access. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax/report.h"
#include "report/writers.h"

#define MAX_SPEAKERS 14
#define MAX_TIMELINE 40
#define MAX_ENTITIES 16

static const char *const palette[] = {"#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed",
                                      "#0891b2", "#db2777", "#65a30d", "#4b5563", "#b45309"};

static const char *color_of(size_t source)
{
    return palette[source % (sizeof palette / sizeof palette[0])];
}

static void esc_n(px_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; s && i < n && s[i]; i++) {
        switch (s[i]) {
        case '<': px_buf_puts(b, "&lt;"); break;
        case '>': px_buf_puts(b, "&gt;"); break;
        case '&': px_buf_puts(b, "&amp;"); break;
        case '"': px_buf_puts(b, "&quot;"); break;
        case '\'': px_buf_puts(b, "&#39;"); break;
        default: px_buf_append(b, s + i, 1);
        }
    }
}

static void esc(px_buf *b, const char *s)
{
    esc_n(b, s, s ? strlen(s) : 0);
}

static void chip(px_buf *b, const px_story_text *s, size_t source)
{
    px_buf_printf(b, "<span class=chip style=\"--c:%s\">", color_of(source));
    esc(b, s->sources[source]);
    px_buf_puts(b, "</span>");
}

/* Escaped text followed by the chips of the outlets reporting it. */
static void cited(px_buf *b, const px_story_text *s, const char *text, const size_t *sources, size_t n)
{
    esc(b, text);
    px_buf_puts(b, " ");
    for (size_t k = 0; k < n; k++)
        chip(b, s, sources[k]);
}

/* The day of an article; an estimated one marked so (compare.h). */
static void article_date(px_buf *b, const px_article *a)
{
    if (!a->date) {
        px_buf_puts(b, "undated");
        return;
    }
    if (a->date_estimated)
        px_buf_puts(b, "<span title=\"estimated from the story and the article's own text\">≈");
    esc_n(b, a->date, strlen(a->date) < 10 ? strlen(a->date) : 10);
    if (a->date_estimated)
        px_buf_puts(b, " (est.)</span>");
}

static void leaning_badge(px_buf *b, const char *leaning)
{
    if (!leaning)
        return;
    px_buf_puts(b, "<span class=\"badge b-");
    esc(b, leaning);
    px_buf_puts(b, "\">");
    esc(b, leaning);
    px_buf_puts(b, "</span>");
}

static const char *leaning_of(const px_story_text *s, size_t source)
{
    for (size_t a = 0; a < s->n_articles; a++)
        if (s->article_source[a] == source && s->articles[a]->leaning)
            return s->articles[a]->leaning;
    return NULL;
}

static const char css[] =
    "*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',"
    "Roboto,sans-serif;color:#1f2937;background:#f3f4f6}"
    "header{background:#111827;color:#f9fafb;padding:22px 32px}header h1{margin:0;font-size:22px}"
    "header p{margin:4px 0 0;color:#9ca3af}main{max-width:1180px;margin:0 auto;padding:20px 24px}"
    "section{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);"
    "padding:18px 22px;margin:0 0 18px}h2{font-size:17px;margin:0 0 12px;color:#111827}"
    "h2 small{font-weight:400;color:#6b7280;font-size:13px;margin-left:6px}"
    ".story-title{font-size:20px;margin:26px 0 12px;color:#111827}"
    ".chip{display:inline-block;padding:1px 8px;margin:1px 3px 1px 0;border-radius:999px;"
    "font-size:12px;color:#fff;background:var(--c);white-space:nowrap}"
    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}"
    ".card{border:1px solid #e5e7eb;border-left:5px solid var(--c);border-radius:8px;padding:10px 12px}"
    ".card b{display:block}.card .t{font-size:13px;color:#374151;margin-top:4px}"
    ".meta{font-size:12px;color:#6b7280}"
    ".badge{display:inline-block;font-size:11px;padding:0 7px;border-radius:4px;margin-left:4px;"
    "background:#e5e7eb;color:#374151;text-transform:uppercase;letter-spacing:.03em}"
    ".b-left{background:#dbeafe;color:#1e40af}.b-center-left{background:#e0e7ff;color:#3730a3}"
    ".b-center{background:#f3f4f6;color:#374151}.b-center-right{background:#fef3c7;color:#92400e}"
    ".b-right{background:#fee2e2;color:#991b1b}.b-state-media{background:#ede9fe;color:#5b21b6}"
    ".b-wire{background:#d1fae5;color:#065f46}"
    "ol.summary{margin:0;padding-left:22px}ol.summary li{margin:0 0 10px}"
    "p.gist{font-size:1.08em;font-weight:600;margin:0 0 10px}ul.outlet-lines{padding-left:18px}"
    "ul.outlet-lines li{margin:0 0 8px}"
    "table{border-collapse:collapse;width:100%;font-size:14px}"
    "th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}"
    "th{font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:.03em}"
    "tr.group td{background:#fef2f2;font-weight:600;color:#991b1b}"
    "td.num{font-weight:600;white-space:nowrap}.nw{white-space:nowrap}"
    ".grid td{font-size:13px}.grid td.q{background:#f9fafb;border-left:3px solid var(--c)}"
    ".grid td.none{color:#d1d5db;text-align:center}"
    ".frames{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:16px}"
    ".frame h3{font-size:14px;margin:0 0 6px}.bar{display:flex;align-items:center;font-size:13px;"
    "margin:2px 0}.bar span.w{width:130px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}"
    ".bar .track{flex:1;background:#f3f4f6;border-radius:3px;height:12px;margin:0 6px}"
    ".bar .fill{height:12px;border-radius:3px;background:var(--c)}.bar .z{width:36px;"
    "text-align:right;color:#6b7280;font-size:12px}"
    ".labels{font-size:12px;color:#4b5563;margin-top:6px}"
    ".scroll{overflow-x:auto}.grid td:first-child{min-width:130px}.tl{position:relative;margin-left:130px;border-left:2px solid #d1d5db;padding-left:16px}"
    ".tl .ev{position:relative;margin:0 0 12px}.tl .ev:before{content:'';position:absolute;"
    "left:-23px;top:6px;width:12px;height:12px;border-radius:50%;background:#2563eb}"
    ".tl .ev.future:before{background:#fff;border:2px solid #d97706}"
    ".tl .when{position:absolute;left:-150px;width:118px;white-space:nowrap;text-align:right;font-weight:600;"
    "font-size:13px;color:#374151}.tl .ev p{margin:0;font-size:14px}"
    ".fact{margin:0 0 10px;padding:8px 10px;border-radius:6px;background:#f0fdf4}"
    ".omit{background:#fffbeb}.only{background:#eff6ff}"
    "details{margin:6px 0;font-size:13px}summary{cursor:pointer;font-weight:600}"
    "details li{color:#6b7280}.reason{font-size:11px;color:#fff;background:#9ca3af;"
    "border-radius:3px;padding:0 5px;margin-right:6px}"
    ".empty{color:#9ca3af;font-style:italic}.ents td{font-size:13px}";

static void section_sources(px_buf *b, const px_story_text *s)
{
    px_buf_printf(b, "<section><h2>Sources<small>%zu articles from %zu outlets</small></h2><div class=cards>",
                  s->n_articles, s->n_sources);
    for (size_t i = 0; i < s->n_articles; i++) {
        const px_article *a = s->articles[i];
        size_t src = s->article_source[i];
        px_buf_printf(b, "<div class=card style=\"--c:%s\"><b>", color_of(src));
        esc(b, s->sources[src]);
        leaning_badge(b, a->leaning);
        px_buf_puts(b, "</b><span class=meta>");
        article_date(b, a);
        if (a->country) {
            px_buf_puts(b, " · ");
            esc(b, a->country);
        }
        px_buf_puts(b, "</span><div class=t>");
        char label[160];
        px_article_label(a, label, sizeof label);
        /* an untitled article by its opening words, ending on a whole word */
        char *cut = !(a->title && *a->title) && strlen(label) == sizeof label - 1 ? strrchr(label, ' ') : NULL;
        if (cut)
            *cut = '\0';
        esc(b, label);
        if (cut)
            px_buf_puts(b, " …");
        px_buf_puts(b, "</div></div>");
    }
    px_buf_puts(b, "</div></section>");
}

static void story_sentence(px_buf *b, const px_story_text *s, long sentence)
{
    const px_story_sentence *ps = &s->sentences[sentence];
    esc_n(b, s->articles[ps->article]->body + ps->start, ps->end - ps->start);
}

/* The gist, then per outlet what it leads with and what only it reports;
 * the other central sentences follow. */
/* ---- coverage over time ---------------------------------------------- */

static const char *const chart_leanings[] = {"left", "center-left", "center", "center-right", "right",
                                             "state-media", "wire", "unknown"};
static const char *const chart_colors[] = {"#2f6fd0", "#6d9de0", "#8a8f99", "#e08a6d",
                                           "#c8452f", "#7b4fb0", "#2a9d8f", "#c4c4c4"};
#define N_LEANINGS 8

static size_t leaning_index(const char *leaning)
{
    for (size_t i = 0; leaning && i < N_LEANINGS - 1; i++)
        if (strcasecmp(leaning, chart_leanings[i]) == 0)
            return i;
    return N_LEANINGS - 1;
}

/* Articles per day (per week over more than 90 days), stacked by the
 * outlets' leaning, estimated dates paler: an inline SVG, no script. */
static void section_timechart(px_buf *b, const px_story_text *s)
{
    long lo = 0, hi = 0;
    size_t dated = 0;
    for (size_t a = 0; a < s->n_articles; a++) {
        long d;
        if (!s->articles[a]->date || px_date_days(s->articles[a]->date, &d) != PX_OK)
            continue;
        lo = dated && lo < d ? lo : d;
        hi = dated && hi > d ? hi : d;
        dated++;
    }
    if (!dated)
        return;
    long step = hi - lo > 90 ? 7 : 1;
    size_t nbins = (size_t)((hi - lo) / step) + 1;
    /* per bin, per leaning, own dates then estimated ones */
    unsigned *count = calloc(nbins * N_LEANINGS * 2 + 1, sizeof *count);
    if (!count)
        return;
    unsigned max = 1;
    for (size_t a = 0; a < s->n_articles; a++) {
        const px_article *art = s->articles[a];
        long d;
        if (!art->date || px_date_days(art->date, &d) != PX_OK)
            continue;
        size_t bin = (size_t)((d - lo) / step);
        count[(bin * N_LEANINGS + leaning_index(art->leaning)) * 2 + (art->date_estimated != 0)]++;
    }
    for (size_t i = 0; i < nbins; i++) {
        unsigned t = 0;
        for (size_t k = 0; k < N_LEANINGS * 2; k++)
            t += count[i * N_LEANINGS * 2 + k];
        max = t > max ? t : max;
    }
    const double W = 720, H = 120, pad = 18, bw = fmin(40, fmax(2, (W - 2 * pad) / (double)nbins - 1));
    const char *unit = step == 7 ? "week" : "day";
    px_buf_printf(b, "<section><h2>Coverage over time<small>articles per %s, coloured by outlet leaning; paler: "
                     "estimated dates</small></h2><svg viewBox=\"0 0 720 120\" width=\"100%%\" role=img "
                     "aria-label=\"articles per %s by outlet leaning\">"
                     "<line x1=18 y1=102 x2=702 y2=102 stroke=\"#999\"/>"
                     "<text x=18 y=10 font-size=10 fill=\"#666\">%u article%s per %s at most</text>",
                  unit, unit, max, max == 1 ? "" : "s", unit);
    for (size_t i = 0; i < nbins; i++) {
        double y = H - pad;
        char day[11];
        px_date_from_days(lo + (long)i * step, day);
        for (size_t k = 0; k < N_LEANINGS * 2; k++) {
            unsigned c = count[i * N_LEANINGS * 2 + k];
            if (!c)
                continue;
            double h = (H - 2 * pad) * c / max;
            y -= h;
            px_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s>"
                             "<title>%s%s: %u %s%s</title></rect>",
                          pad + (double)i * (bw + 1), y, bw, h, chart_colors[k / 2],
                          k % 2 ? " fill-opacity=\".4\"" : "", step == 7 ? "week of " : "", day, c,
                          chart_leanings[k / 2], k % 2 ? " (estimated dates)" : "");
        }
    }
    char first[11], last[11];
    px_date_from_days(lo, first);
    px_date_from_days(hi, last);
    px_buf_printf(b, "<text x=18 y=116 font-size=10 fill=\"#666\">%s</text>"
                     "<text x=702 y=116 font-size=10 fill=\"#666\" text-anchor=end>%s</text></svg>",
                  first, last);
    if (dated < s->n_articles)
        px_buf_printf(b, "<p class=meta>%zu undated article%s not shown.</p>", s->n_articles - dated,
                      s->n_articles - dated == 1 ? "" : "s");
    px_buf_puts(b, "</section>");
    free(count);
}

static void section_summary(px_buf *b, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_summary *sm = &r->summary;
    px_buf_puts(b, "<section><h2>Summary<small>the gist, then what each outlet leads with and what only it "
                   "reports</small></h2>");
    if (!sm->n) {
        px_buf_puts(b, "<p class=empty>Nothing to summarise.</p></section>");
        return;
    }
    px_buf_puts(b, "<p class=gist>");
    cited(b, s, sm->v[0].text, sm->v[0].cites, sm->v[0].n_cites);
    px_buf_puts(b, "</p><ul class=outlet-lines>");
    for (size_t i = 0; i < sm->n_outlets; i++) {
        const px_outlet_gist *g = &sm->outlets[i];
        if (g->lead < 0 && g->only < 0)
            continue;
        px_buf_puts(b, "<li>");
        chip(b, s, g->source);
        if (g->lead >= 0) {
            px_buf_puts(b, " <b>leads with</b> ");
            story_sentence(b, s, g->lead);
        }
        if (g->only >= 0) {
            px_buf_puts(b, " <b>only here:</b> ");
            story_sentence(b, s, g->only);
        }
        px_buf_puts(b, "</li>");
    }
    px_buf_puts(b, "</ul>");
    if (sm->n > 1)
        px_buf_puts(b, "<h3>Other central sentences</h3><ol class=summary>");
    for (size_t i = 1; i < sm->n; i++) {
        px_buf_puts(b, "<li>");
        cited(b, s, sm->v[i].text, sm->v[i].cites, sm->v[i].n_cites);
        px_buf_puts(b, "</li>");
    }
    px_buf_puts(b, sm->n > 1 ? "</ol></section>" : "</section>");
}

static void group_rows(px_buf *b, const px_story_report *r, const px_number_group *ng)
{
    const px_story_text *s = r->story;
    px_buf_puts(b, "<tr class=group><td colspan=5>");
    char label[64];
    esc(b, px_number_group_label(ng, label, sizeof label));
    px_buf_puts(b, " <span class=meta>");
    if (ng->status == PX_QTY_AGREE) {
        px_buf_printf(b, "(%zu outlets agree)", ng->n_articles);
    } else {
        px_buf_printf(b, "(%s, confidence %.2f: ",
                      ng->status == PX_QTY_EVOLVING ? "evolving: later reports, later figures" : "conflict",
                      ng->confidence);
        esc(b, ng->evidence ? ng->evidence : "");
        px_buf_puts(b, ")");
    }
    px_buf_puts(b, "</span></td></tr>");
    for (size_t m = 0; m < ng->n_members; m++) {
        px_ref ref = ng->members[m];
        if (ref.article >= s->n_articles || ref.item >= r->numbers[ref.article].n)
            continue;
        const px_number *n = &r->numbers[ref.article].v[ref.item];
        const px_article *a = s->articles[ref.article];
        px_buf_puts(b, "<tr><td>");
        chip(b, s, s->article_source[ref.article]);
        px_buf_puts(b, "</td><td class=\"meta nw\">");
        article_date(b, a);
        px_buf_puts(b, "</td><td class=num>");
        esc(b, n->text);
        px_buf_puts(b, "</td><td>");
        esc(b, n->attribution ? n->attribution : "—");
        px_buf_puts(b, "</td><td class=meta>");
        esc_n(b, a->body + n->sentence_start, n->sentence_end - n->sentence_start);
        px_buf_puts(b, "</td></tr>");
    }
}

/* The shown groups of one side (disagreements or agreements) as a table. */
static void number_section(px_buf *b, const px_story_report *r, int agree, const char *title,
                           const char *empty)
{
    px_buf_printf(b, "<section><h2>%s</h2>", title);
    int any = 0;
    size_t hidden = 0;
    for (size_t g = 0; g < r->number_groups.n; g++) {
        const px_number_group *ng = &r->number_groups.v[g];
        if ((ng->status == PX_QTY_AGREE) != agree)
            continue;
        if (!px_number_group_shown(ng)) {
            hidden += !agree;
            continue;
        }
        if (!any)
            px_buf_puts(b, "<table><tr><th>outlet</th><th>date</th><th>figure</th><th>attribution</th>"
                           "<th>sentence</th></tr>");
        any = 1;
        group_rows(b, r, ng);
    }
    if (any)
        px_buf_puts(b, "</table>");
    else
        px_buf_printf(b, "<p class=empty>%s</p>", empty);
    if (hidden)
        px_buf_printf(b, "<p class=meta>%zu less certain disagreements (confidence below %.2f) are in the "
                         "JSON report.</p>", hidden, px_numbers_shown_from(PX_QTY_CONFLICT));
    px_buf_puts(b, "</section>");
}

static void section_conflicts(px_buf *b, const px_story_report *r)
{
    number_section(b, r, 0, "Numbers that disagree", "No disagreement found between the outlets' figures.");
    number_section(b, r, 1, "Numbers outlets agree on", "No figure given alike by two outlets.");
}

typedef struct speaker_row {
    const char *name;
    size_t count;
} speaker_row;

static int speaker_cmp(const void *a, const void *b)
{
    const speaker_row *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->name, y->name);
}

static size_t top_speakers(const px_story_report *r, speaker_row *rows, size_t cap)
{
    const px_story_text *s = r->story;
    size_t n = 0;
    speaker_row *all = NULL;
    size_t n_all = 0;
    for (size_t a = 0; a < s->n_articles; a++)
        for (size_t k = 0; k < r->quotes[a].n; k++) {
            const px_quote *q = &r->quotes[a].v[k];
            if (q->kind == PX_QUOTE_TERM || !q->speaker)
                continue;
            size_t i = 0;
            while (i < n_all && strcmp(all[i].name, q->speaker) != 0)
                i++;
            if (i == n_all) {
                speaker_row *v = realloc(all, (n_all + 1) * sizeof *v);
                if (!v)
                    continue;
                all = v;
                all[n_all++] = (speaker_row){q->speaker, 0};
            }
            all[i].count++;
        }
    if (n_all)
        qsort(all, n_all, sizeof *all, speaker_cmp);
    for (; n < n_all && n < cap; n++)
        rows[n] = all[n];
    free(all);
    return n;
}

static void section_quotes(px_buf *b, const px_story_report *r)
{
    const px_story_text *s = r->story;
    speaker_row rows[MAX_SPEAKERS];
    size_t n = top_speakers(r, rows, MAX_SPEAKERS);
    px_buf_puts(b, "<section><h2>Who is quoted, by whom<small>speaker × outlet</small></h2>");
    if (!n) {
        px_buf_puts(b, "<p class=empty>No attributed quotes found.</p></section>");
        return;
    }
    px_buf_puts(b, "<div class=scroll><table class=grid><tr><th>speaker</th>");
    for (size_t src = 0; src < s->n_sources; src++) {
        px_buf_puts(b, "<th>");
        chip(b, s, src);
        px_buf_puts(b, "</th>");
    }
    px_buf_puts(b, "</tr>");
    for (size_t i = 0; i < n; i++) {
        px_buf_puts(b, "<tr><td><b>");
        esc(b, rows[i].name);
        px_buf_printf(b, "</b><div class=meta>%zu quote%s</div></td>", rows[i].count, rows[i].count == 1 ? "" : "s");
        for (size_t src = 0; src < s->n_sources; src++) {
            const px_quote *first = NULL;
            const char *first_body = NULL;
            size_t count = 0;
            for (size_t a = 0; a < s->n_articles; a++) {
                if (s->article_source[a] != src)
                    continue;
                for (size_t k = 0; k < r->quotes[a].n; k++) {
                    const px_quote *q = &r->quotes[a].v[k];
                    if (q->kind != PX_QUOTE_TERM && q->speaker && strcmp(q->speaker, rows[i].name) == 0) {
                        if (!first) {
                            first = q;
                            first_body = s->articles[a]->body;
                        }
                        count++;
                    }
                }
            }
            if (!first) {
                px_buf_puts(b, "<td class=none>·</td>");
                continue;
            }
            px_buf_printf(b, "<td class=q style=\"--c:%s\">“", color_of(src));
            px_buf shown = {0};
            px_quote_display(first, first_body, &shown);
            const char *t = shown.data ? shown.data : "";
            size_t len = shown.len, cut = len > 110 ? 110 : len;
            while (cut < len && cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
                cut--;
            esc_n(b, t, cut);
            px_buf_free(&shown);
            px_buf_printf(b, "%s”", cut < len ? "…" : "");
            if (count > 1)
                px_buf_printf(b, " <span class=meta>+%zu</span>", count - 1);
            px_buf_puts(b, "</td>");
        }
        px_buf_puts(b, "</tr>");
    }
    px_buf_puts(b, "</table></div></section>");
}

/* Actors down, outlets across: the words each outlet attaches to them,
 * each with its sentence as the tooltip. */
static void section_actors(px_buf *b, const px_story_report *r)
{
    const px_story_text *s = r->story;
    if (!r->actors.n)
        return;
    unsigned char *used = calloc(s->n_sources + 1, 1);
    if (!used)
        return;
    for (size_t i = 0; i < r->actors.n; i++)
        for (size_t c = 0; c < r->actors.rows[i].n_cells; c++)
            used[r->actors.rows[i].cells[c].source] = 1;
    px_buf_puts(b, "<section><h2>How each outlet names the actors<small>the words it calls them by, and what "
                   "is done to people; bold: only this outlet</small></h2><div class=scroll><table class=grid><tr><th>actor</th>");
    for (size_t o = 0; o < s->n_sources; o++)
        if (used[o]) {
            px_buf_puts(b, "<th>");
            chip(b, s, o);
            px_buf_puts(b, "</th>");
        }
    px_buf_puts(b, "</tr>");
    for (size_t i = 0; i < r->actors.n; i++) {
        const px_actor_row *row = &r->actors.rows[i];
        px_buf_puts(b, "<tr><th>");
        esc(b, r->people.v[row->entity].name);
        px_buf_puts(b, "</th>");
        for (size_t o = 0; o < s->n_sources; o++) {
            if (!used[o])
                continue;
            px_buf_puts(b, "<td>");
            for (size_t c = 0; c < row->n_cells; c++) {
                if (row->cells[c].source != o)
                    continue;
                for (size_t k = 0; k < row->cells[c].n_words; k++) {
                    const px_actor_word *w = &row->cells[c].words[k];
                    px_buf_printf(b, "%s<span title=\"", k ? ", " : "");
                    story_sentence(b, s, (long)w->sentence);
                    px_buf_printf(b, "\">%s", w->only_here ? "<b>" : "");
                    esc(b, w->word);
                    px_buf_printf(b, "%s</span>", w->only_here ? "</b>" : "");
                    if (w->count > 1)
                        px_buf_printf(b, " <span class=meta>×%zu</span>", w->count);
                }
            }
            px_buf_puts(b, "</td>");
        }
        px_buf_puts(b, "</tr>");
    }
    px_buf_puts(b, "</table></div></section>");
    free(used);
}

static void section_framing(px_buf *b, const px_story_report *r)
{
    const px_story_text *s = r->story;
    double max_z = 1;
    for (size_t i = 0; i < r->framing.n; i++)
        for (size_t k = 0; k < r->framing.v[i].n_terms; k++)
            max_z = fmax(max_z, r->framing.v[i].terms[k].z);
    px_buf_printf(b, "<section><h2>Framing<small>words each outlet leans on</small></h2>"
                     "<p class=meta>A bar is a z-score: how many standard deviations more often the outlet "
                     "uses the word than %s do (weighted log-odds); about 2 or more is a clear lean, below 1 "
                     "may be chance.</p><div class=frames>",
                  s->n_sources > 1 ? "the other outlets" : "general news articles");
    for (size_t i = 0; i < r->framing.n; i++) {
        const px_source_framing *sf = &r->framing.v[i];
        px_buf_printf(b, "<div class=frame style=\"--c:%s\"><h3>", color_of(sf->source));
        chip(b, s, sf->source);
        leaning_badge(b, leaning_of(s, sf->source));
        px_buf_puts(b, "</h3>");
        if (!sf->n_terms)
            px_buf_puts(b, "<p class=empty>Nothing stands out.</p>");
        for (size_t k = 0; k < sf->n_terms; k++) {
            const px_framing_term *t = &sf->terms[k];
            px_buf_printf(b, "<div class=bar title=\"used %zu times here, %zu times elsewhere\"><span class=w>",
                          t->count, t->others);
            esc(b, t->term);
            px_buf_printf(b, "</span><span class=track><div class=fill style=\"width:%.0f%%\"></div></span>"
                             "<span class=z>%.1f</span></div>",
                          fmin(100, 100 * t->z / max_z), t->z);
        }
        if (sf->n_labels) {
            px_buf_puts(b, "<div class=labels>labels: ");
            for (size_t k = 0; k < sf->n_labels && k < 6; k++) {
                px_buf_puts(b, k ? "; " : "");
                px_buf_puts(b, "<b>");
                esc(b, sf->labels[k].actor);
                px_buf_puts(b, "</b> ~ ");
                esc(b, sf->labels[k].label);
            }
            px_buf_puts(b, "</div>");
        }
        px_buf_puts(b, "</div>");
    }
    px_buf_puts(b, "</div></section>");
}

static void section_timeline(px_buf *b, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_timeline *t = &r->timeline;
    px_buf_printf(b, "<section><h2>Timeline<small>%zu dated events</small></h2>", t->n);
    if (!t->n)
        px_buf_puts(b, "<p class=empty>No dates found.</p>");
    size_t floor_sources = 1;
    while (floor_sources < s->n_sources) {
        size_t k = 0;
        for (size_t i = 0; i < t->n; i++)
            k += t->events[i].n_sources > floor_sources;
        if (k < MAX_TIMELINE)
            break;
        floor_sources++;
    }
    px_buf_puts(b, "<div class=tl>");
    for (size_t i = 0; i < t->n; i++) {
        const px_timeline_event *ev = &t->events[i];
        if (ev->n_sources < floor_sources)
            continue;
        int len = ev->grain == PX_GRAIN_YEAR ? 4 : ev->grain == PX_GRAIN_MONTH ? 7 : 10;
        px_buf_printf(b, "<div class=\"ev%s\"><span class=when>%s%.*s</span><p>", ev->future ? " future" : "",
                      ev->grain == PX_GRAIN_WEEK ? "wk " : "", len, ev->date);
        if (ev->future)
            px_buf_puts(b, "<span class=badge>expected</span> ");
        cited(b, s, ev->text, ev->sources, ev->n_sources);
        px_buf_puts(b, "</p></div>");
    }
    px_buf_puts(b, "</div></section>");
}

static void section_consensus(px_buf *b, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_consensus *c = &r->consensus;
    px_buf_printf(b, "<section><h2>What most outlets report<small>%zu or more of %zu outlets</small></h2>",
                  c->majority, s->n_sources);
    if (!c->n_consensus)
        px_buf_puts(b, "<p class=empty>No fact is reported by most outlets.</p>");
    for (size_t i = 0; i < c->n_consensus && i < 12; i++) {
        px_buf_puts(b, "<div class=fact>");
        esc(b, c->facts[i].text);
        px_buf_puts(b, "<br>");
        for (size_t k = 0; k < c->facts[i].n_sources; k++)
            chip(b, s, c->facts[i].sources[k]);
        px_buf_puts(b, "</div>");
    }
    px_buf_puts(b, "<h2>Left out, and only here</h2>");
    int any = 0;
    for (size_t i = 0; i < c->n_sources; i++) {
        const px_source_coverage *sc = &c->sources[i];
        for (size_t k = 0; k < sc->n_omitted && k < 4; k++) {
            const px_fact *f = &c->facts[sc->omitted[k]];
            px_buf_puts(b, "<div class=\"fact omit\">");
            chip(b, s, sc->source);
            px_buf_printf(b, "<b>leaves out</b> what %zu others report: ", f->n_sources);
            esc(b, f->text);
            px_buf_puts(b, "</div>");
            any = 1;
        }
        for (size_t k = 0; k < sc->n_unique && k < 2; k++) {
            const px_story_sentence *ps = &s->sentences[sc->unique[k]];
            px_buf_puts(b, "<div class=\"fact only\">");
            chip(b, s, sc->source);
            px_buf_puts(b, "<b>only here:</b> ");
            esc_n(b, s->articles[ps->article]->body + ps->start, ps->end - ps->start);
            px_buf_puts(b, "</div>");
            any = 1;
        }
    }
    if (!any)
        px_buf_puts(b, "<p class=empty>Nothing left out and nothing exclusive.</p>");
    px_buf_puts(b, "</section>");
}

static void section_entities(px_buf *b, const px_story_report *r)
{
    px_buf_printf(b, "<section><h2>People and organisations<small>%zu named</small></h2>", r->people.n);
    if (!r->people.n) {
        px_buf_puts(b, "<p class=empty>None found.</p></section>");
        return;
    }
    px_buf_puts(b, "<table class=ents><tr><th>name</th><th>kind</th><th>role</th><th>mentions</th>"
                   "<th>outlets</th><th>written as</th></tr>");
    for (size_t i = 0; i < r->people.n && i < MAX_ENTITIES; i++) {
        const px_entity *e = &r->people.v[i];
        px_buf_puts(b, "<tr><td><b>");
        esc(b, e->name);
        px_buf_printf(b, "</b></td><td>%s</td><td>", px_entity_kind_name(e->kind));
        esc(b, e->role ? e->role : "");
        px_buf_printf(b, "</td><td>%zu</td><td>%zu</td><td class=meta>", e->mentions, e->n_sources);
        for (size_t k = 0; k < e->variants.n && k < 6; k++) {
            px_buf_puts(b, k ? ", " : "");
            esc(b, e->variants.items[k]);
        }
        px_buf_puts(b, "</td></tr>");
    }
    px_buf_puts(b, "</table></section>");
}

static void section_cleaning(px_buf *b, const px_story_text *s)
{
    px_buf_puts(b, "<section><h2>What cleaning removed<small>per article</small></h2>");
    for (size_t i = 0; i < s->n_articles; i++) {
        const px_article *a = s->articles[i];
        px_buf_printf(b, "<details><summary>");
        esc(b, s->sources[s->article_source[i]]);
        px_buf_puts(b, ": ");
        char label[160];
        esc(b, px_article_label(a, label, sizeof label));
        px_buf_printf(b, " <span class=meta>(%zu removed)</span></summary><ul>", a->n_removed);
        for (size_t k = 0; k < a->n_removed; k++) {
            px_buf_puts(b, "<li><span class=reason>");
            esc(b, a->removed[k].reason);
            px_buf_puts(b, "</span>");
            esc(b, a->removed[k].text);
            px_buf_puts(b, "</li>");
        }
        px_buf_puts(b, "</ul></details>");
    }
    px_buf_puts(b, "</section>");
}

static void section_copies(px_buf *b, const px_story_report *r)
{
    if (!r->n_copies)
        return;
    px_buf_printf(b, "<section><h2>Copies set aside<small>%zu, not compared: a copy is no second "
                     "confirmation</small></h2><ul>", r->n_copies);
    for (size_t i = 0; i < r->n_copies; i++) {
        const px_story_copy *c = &r->copies[i];
        char label[160];
        px_buf_puts(b, "<li><b>");
        esc(b, c->article->source ? c->article->source : c->article->id);
        px_buf_puts(b, "</b> ");
        esc(b, px_article_label(c->article, label, sizeof label));
        px_buf_puts(b, " <span class=meta>");
        esc(b, c->relation);
        px_buf_puts(b, " copy of ");
        esc(b, c->of->source ? c->of->source : c->of->id);
        px_buf_puts(b, "</span></li>");
    }
    px_buf_puts(b, "</ul></section>");
}

/* Related stories in other languages (links.h), under the title. */
static void section_links(px_buf *b, const px_story_report *r)
{
    if (!r->links.n)
        return;
    char langs[64];
    px_story_links_languages(&r->links, langs, sizeof langs);
    px_buf_puts(b, "<p class=also-covered>Also covered in: <b>");
    esc(b, langs);
    px_buf_puts(b, "</b></p><ul class=also-covered>");
    for (size_t i = 0; i < r->links.n; i++) {
        const px_story_link *k = &r->links.v[i];
        px_buf_puts(b, "<li><span class=meta>");
        esc(b, k->lang);
        px_buf_printf(b, " · story %lld</span> ", (long long)k->story);
        esc(b, k->title ? k->title : "(untitled)");
        px_buf_puts(b, "</li>");
    }
    px_buf_puts(b, "</ul>");
}

static void story_html(px_buf *b, const px_story_report *r, size_t index, size_t n)
{
    const px_story_text *s = r->story;
    px_buf_printf(b, "<h2 class=story-title>Story %zu of %zu", index + 1, n);
    /* Named by its headline (summary.h), or any title. */
    const char *title = r->summary.headline.text;
    for (size_t i = 0; !title && i < s->n_articles; i++)
        title = s->articles[i]->title;
    if (title) {
        px_buf_puts(b, ": <span style=\"font-weight:400\">");
        esc(b, title);
        px_buf_puts(b, "</span>");
    }
    px_buf_puts(b, "</h2>");
    section_links(b, r);
    section_sources(b, s);
    section_timechart(b, s);
    section_copies(b, r);
    section_summary(b, r);
    section_conflicts(b, r);
    section_quotes(b, r);
    section_actors(b, r);
    section_framing(b, r);
    section_timeline(b, r);
    section_consensus(b, r);
    section_entities(b, r);
    section_cleaning(b, s);
}

int px_report_html_begin(size_t n, size_t articles, px_buf *b)
{
    px_buf_printf(b, "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
                     "<meta name=viewport content=\"width=device-width,initial-scale=1\">"
                     "<title>parallax report</title><style>%s</style></head><body>"
                     "<header><h1>parallax: one story from every side</h1>"
                     "<p>%zu stor%s · %zu articles · parallax %s</p></header><main>",
                  css, n, n == 1 ? "y" : "ies", articles, PX_VERSION);
    if (!n)
        px_buf_puts(b, "<section><p class=empty>No articles, so no story to compare.</p></section>");
    return b->data ? PX_OK : PX_ENOMEM;
}

int px_report_html_story(const px_story_report *r, size_t index, size_t n, px_buf *b)
{
    story_html(b, r, index, n);
    return b->data ? PX_OK : PX_ENOMEM;
}

int px_report_html_end(px_buf *b)
{
    px_buf_puts(b, "</main></body></html>\n");
    return b->data ? PX_OK : PX_ENOMEM;
}

int px_report_html(px_story_report *const *stories, size_t n, px_buf *b)
{
    size_t articles = 0;
    for (size_t i = 0; i < n; i++)
        articles += stories[i]->story->n_articles;
    int rc = px_report_html_begin(n, articles, b);
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        rc = px_report_html_story(stories[i], i, n, b);
    return rc == PX_OK ? px_report_html_end(b) : rc;
}
