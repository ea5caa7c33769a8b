/* json.c - compared stories as one JSON document
 * (docs/report-schema.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "parallax/report.h"
#include "report/report_json.h"
#include "report/writers.h"
#include "parallax/text.h"
#include "compare/numbers_internal.h"

static const char *article_id(const px_story_text *s, size_t a)
{
    return s->articles[a]->id ? s->articles[a]->id : "";
}

static const char *source_of(const px_story_text *s, size_t a)
{
    return s->sources[s->article_source[a]];
}

/* Code point offset of byte offset off in article a's body. */
static double cp(const px_story_text *s, size_t a, size_t off)
{
    return (double)px_doc_cp_offset(&s->docs[a], off);
}

static char *sentence_text(const px_story_text *s, size_t i)
{
    const px_story_sentence *ps = &s->sentences[i];
    return px_strndup(s->articles[ps->article]->body + ps->start, ps->end - ps->start);
}

static cJSON *source_names(const px_story_text *s, const size_t *src, size_t n)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(s->sources[src[i]]));
    return arr;
}

static void add_sentence_ref(cJSON *o, const px_story_text *s, size_t sentence)
{
    size_t a = s->sentences[sentence].article;
    px_json_str(o, "article", article_id(s, a));
    px_json_str(o, "source", source_of(s, a));
}

static cJSON *articles_json(const px_story_text *s)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < s->n_articles; i++) {
        const px_article *a = s->articles[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "id", a->id);
        px_json_str(o, "source", source_of(s, i));
        px_json_str(o, "leaning", a->leaning);
        px_json_str(o, "country", a->country);
        px_json_str(o, "date", a->date);
        cJSON_AddBoolToObject(o, "date_estimated", a->date_estimated);
        px_json_str(o, "title", a->title);
        px_json_str(o, "url", a->url);
        px_json_num(o, "sentences", (double)(s->first_sentence[i + 1] - s->first_sentence[i]));
        cJSON *rm = cJSON_AddArrayToObject(o, "removed");
        for (size_t k = 0; k < a->n_removed; k++) {
            cJSON *r = cJSON_CreateObject();
            px_json_str(r, "text", a->removed[k].text);
            px_json_str(r, "reason", a->removed[k].reason);
            cJSON_AddItemToArray(rm, r);
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *number_json(const px_story_text *s, size_t a, const px_number *n)
{
    cJSON *o = cJSON_CreateObject();
    px_json_str(o, "article", article_id(s, a));
    px_json_str(o, "source", source_of(s, a));
    px_json_str(o, "date", s->articles[a]->date);
    px_json_str(o, "text", n->text);
    px_json_number_figure(o, n);
    px_json_str(o, "kind", px_number_kind_name(n->kind));
    px_json_number_reading(o, n);
    const char *body = s->articles[a]->body;
    char *sent = px_strndup(body + n->sentence_start, n->sentence_end - n->sentence_start);
    px_json_str(o, "sentence", sent);
    free(sent);
    px_json_num(o, "start", cp(s, a, n->start));
    px_json_num(o, "end", cp(s, a, n->end));
    return o;
}

static void add_numbers(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    cJSON *nums = cJSON_AddArrayToObject(story, "numbers");
    for (size_t a = 0; a < s->n_articles; a++)
        for (size_t k = 0; k < r->numbers[a].n; k++)
            cJSON_AddItemToArray(nums, number_json(s, a, &r->numbers[a].v[k]));
    cJSON *conflicts = cJSON_AddArrayToObject(story, "conflicts");
    cJSON *agreements = cJSON_AddArrayToObject(story, "agreements");
    for (size_t g = 0; g < r->number_groups.n; g++) {
        const px_number_group *ng = &r->number_groups.v[g];
        if (ng->status == PX_QTY_AGREE && !px_number_group_shown(ng))
            continue;
        cJSON *o = cJSON_CreateObject();
        char label[64];
        px_json_str(o, "counted", ng->counted);
        px_json_str(o, "label", px_number_group_label(ng, label, sizeof label));
        px_json_str(o, "kind", px_number_kind_name(ng->kind));
        px_json_str(o, "unit", ng->unit);
        px_json_num(o, "min", ng->min);
        px_json_num(o, "max", ng->max);
        px_json_str(o, "status", px_quantity_status_name(ng->status));
        px_json_num(o, "confidence", ng->confidence);
        px_json_str(o, "evidence", ng->evidence);
        cJSON_AddBoolToObject(o, "shown", px_number_group_shown(ng));
        cJSON *claims = cJSON_AddArrayToObject(o, "claims");
        for (size_t m = 0; m < ng->n_members; m++) {
            px_ref ref = ng->members[m];
            if (ref.article < s->n_articles && ref.item < r->numbers[ref.article].n)
                cJSON_AddItemToArray(claims,
                                     number_json(s, ref.article, &r->numbers[ref.article].v[ref.item]));
        }
        cJSON_AddItemToArray(ng->status == PX_QTY_AGREE ? agreements : conflicts, o);
    }
}

static void add_quotes(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    cJSON *quotes = cJSON_AddArrayToObject(story, "quotes");
    for (size_t a = 0; a < s->n_articles; a++)
        for (size_t k = 0; k < r->quotes[a].n; k++) {
            const px_quote *q = &r->quotes[a].v[k];
            cJSON *o = cJSON_CreateObject();
            px_json_str(o, "article", article_id(s, a));
            px_json_str(o, "source", source_of(s, a));
            px_json_str(o, "text", q->text);
            px_json_str(o, "kind", px_quote_kind_name(q->kind));
            px_json_quote_speaker(o, q);
            px_json_quote_cue(o, q);
            px_json_num(o, "start", cp(s, a, q->start));
            px_json_num(o, "end", cp(s, a, q->end));
            cJSON_AddItemToArray(quotes, o);
        }
    cJSON *shared = cJSON_AddArrayToObject(story, "shared_quotes");
    for (size_t i = 0; i < r->quote_links.n; i++) {
        const px_quote_link *l = &r->quote_links.v[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "text", l->text);
        px_json_str(o, "speaker", l->speaker);
        cJSON *arts = cJSON_AddArrayToObject(o, "articles");
        cJSON *srcs = cJSON_AddArrayToObject(o, "sources");
        for (size_t m = 0; m < l->n_members; m++) {
            size_t a = l->members[m].article;
            if (a >= s->n_articles)
                continue;
            cJSON_AddItemToArray(arts, cJSON_CreateString(article_id(s, a)));
            cJSON_AddItemToArray(srcs, cJSON_CreateString(source_of(s, a)));
        }
        cJSON_AddItemToArray(shared, o);
    }
}

static void add_entities(cJSON *story, const px_story_report *r)
{
    cJSON *arr = cJSON_AddArrayToObject(story, "entities");
    for (size_t i = 0; i < r->people.n; i++)
        cJSON_AddItemToArray(arr, px_json_entity(&r->people.v[i]));
}

static void add_framing(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    cJSON *arr = cJSON_AddArrayToObject(story, "framing");
    for (size_t i = 0; i < r->framing.n; i++) {
        const px_source_framing *sf = &r->framing.v[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "source", s->sources[sf->source]);
        px_json_num(o, "words", (double)sf->n_words);
        cJSON *terms = cJSON_AddArrayToObject(o, "terms");
        for (size_t k = 0; k < sf->n_terms; k++) {
            const px_framing_term *t = &sf->terms[k];
            cJSON *to = cJSON_CreateObject();
            px_json_str(to, "term", t->term);
            cJSON_AddBoolToObject(to, "phrase", t->phrase);
            px_json_num(to, "count", (double)t->count);
            px_json_num(to, "others", (double)t->others);
            px_json_num(to, "z", t->z);
            px_json_num(to, "z_background", t->z_background);
            cJSON_AddItemToArray(terms, to);
        }
        cJSON *labels = cJSON_AddArrayToObject(o, "labels");
        for (size_t k = 0; k < sf->n_labels; k++) {
            cJSON *lo = cJSON_CreateObject();
            px_json_str(lo, "actor", sf->labels[k].actor);
            px_json_str(lo, "label", sf->labels[k].label);
            px_json_num(lo, "count", (double)sf->labels[k].count);
            cJSON_AddItemToArray(labels, lo);
        }
        cJSON_AddItemToArray(arr, o);
    }
}

static void add_consensus(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    const px_consensus *c = &r->consensus;
    cJSON *co = cJSON_AddObjectToObject(story, "consensus");
    px_json_num(co, "majority", (double)c->majority);
    cJSON *facts = cJSON_AddArrayToObject(co, "facts");
    for (size_t i = 0; i < c->n_facts; i++) {
        const px_fact *f = &c->facts[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "text", f->text);
        add_sentence_ref(o, s, f->sentence);
        cJSON_AddBoolToObject(o, "consensus", i < c->n_consensus);
        cJSON_AddItemToObject(o, "sources", source_names(s, f->sources, f->n_sources));
        cJSON_AddItemToArray(facts, o);
    }
    cJSON *om = cJSON_AddArrayToObject(story, "omissions");
    for (size_t i = 0; i < c->n_sources; i++) {
        const px_source_coverage *sc = &c->sources[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "source", s->sources[sc->source]);
        cJSON *missing = cJSON_AddArrayToObject(o, "omitted");
        for (size_t k = 0; k < sc->n_omitted; k++) {
            const px_fact *f = &c->facts[sc->omitted[k]];
            cJSON *fo = cJSON_CreateObject();
            px_json_str(fo, "text", f->text);
            cJSON_AddItemToObject(fo, "sources", source_names(s, f->sources, f->n_sources));
            cJSON_AddItemToArray(missing, fo);
        }
        cJSON *unique = cJSON_AddArrayToObject(o, "only_here");
        for (size_t k = 0; k < sc->n_unique; k++) {
            cJSON *uo = cJSON_CreateObject();
            char *text = sentence_text(s, sc->unique[k]);
            px_json_str(uo, "text", text);
            free(text);
            px_json_str(uo, "article", article_id(s, s->sentences[sc->unique[k]].article));
            cJSON_AddItemToArray(unique, uo);
        }
        cJSON_AddItemToArray(om, o);
    }
}

static void add_timeline(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    cJSON *arr = cJSON_AddArrayToObject(story, "timeline");
    for (size_t i = 0; i < r->timeline.n; i++) {
        const px_timeline_event *ev = &r->timeline.events[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "date", ev->date);
        px_json_str(o, "grain", px_date_grain_name(ev->grain));
        cJSON_AddBoolToObject(o, "future", ev->future);
        px_json_str(o, "expression", ev->expression);
        px_json_str(o, "text", ev->text);
        add_sentence_ref(o, s, ev->sentence);
        cJSON_AddItemToObject(o, "sources", source_names(s, ev->sources, ev->n_sources));
        cJSON_AddItemToArray(arr, o);
    }
    px_json_num(story, "timeline_unresolved", (double)r->timeline.unresolved);
}

static void add_summary(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    cJSON *arr = cJSON_AddArrayToObject(story, "summary");
    for (size_t i = 0; i < r->summary.n; i++) {
        const px_summary_sentence *ss = &r->summary.v[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "text", ss->text);
        add_sentence_ref(o, s, ss->sentence);
        cJSON_AddItemToObject(o, "cites", source_names(s, ss->cites, ss->n_cites));
        cJSON_AddItemToArray(arr, o);
    }
}

/* [{"name","kind","outlets":[{"source","words":[{"word","count","only_here",
 * "article","sentence"}]}]}]: the words each outlet attaches to the actors. */
static void add_actors(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    cJSON *arr = cJSON_AddArrayToObject(story, "actors");
    for (size_t i = 0; i < r->actors.n; i++) {
        const px_actor_row *row = &r->actors.rows[i];
        const px_entity *e = &r->people.v[row->entity];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "name", e->name);
        px_json_str(o, "kind", px_entity_kind_name(e->kind));
        cJSON *outlets = cJSON_AddArrayToObject(o, "outlets");
        for (size_t c = 0; c < row->n_cells; c++) {
            const px_actor_cell *cell = &row->cells[c];
            cJSON *oc = cJSON_CreateObject();
            px_json_str(oc, "source", s->sources[cell->source]);
            cJSON *words = cJSON_AddArrayToObject(oc, "words");
            for (size_t k = 0; k < cell->n_words; k++) {
                const px_actor_word *w = &cell->words[k];
                const px_story_sentence *ps = &s->sentences[w->sentence];
                cJSON *ow = cJSON_CreateObject();
                px_json_str(ow, "word", w->word);
                px_json_num(ow, "count", (double)w->count);
                cJSON_AddBoolToObject(ow, "only_here", w->only_here);
                px_json_str(ow, "article", article_id(s, ps->article));
                char *text = px_strndup(s->articles[ps->article]->body + ps->start, ps->end - ps->start);
                px_json_str(ow, "sentence", text);
                free(text);
                cJSON_AddItemToArray(words, ow);
            }
            cJSON_AddItemToArray(outlets, oc);
        }
        cJSON_AddItemToArray(arr, o);
    }
}

/* {"text","from":"title"|"sentence","article","source","shared_words"} or null. */
static void add_headline(cJSON *story, const px_story_report *r)
{
    const px_headline *h = &r->summary.headline;
    if (!h->text) {
        cJSON_AddNullToObject(story, "headline");
        return;
    }
    cJSON *o = cJSON_AddObjectToObject(story, "headline");
    px_json_str(o, "text", h->text);
    px_json_str(o, "from", h->from_title ? "title" : "sentence");
    px_json_str(o, "article", article_id(r->story, h->article));
    px_json_str(o, "source", source_of(r->story, h->article));
    px_json_num(o, "shared_words", (double)h->shared_words);
    px_json_num(o, "opening_share", round(h->opening_share * 1000) / 1000);
}

static cJSON *sentence_json(const px_story_text *s, long sentence)
{
    if (sentence < 0)
        return cJSON_CreateNull();
    const px_story_sentence *ps = &s->sentences[sentence];
    cJSON *o = cJSON_CreateObject();
    char *text = px_strndup(s->articles[ps->article]->body + ps->start, ps->end - ps->start);
    px_json_str(o, "text", text);
    free(text);
    px_json_str(o, "article", article_id(s, ps->article));
    return o;
}

/* Per outlet: what it leads with and what only it reports. */
static void add_outlet_lines(cJSON *story, const px_story_report *r)
{
    const px_story_text *s = r->story;
    cJSON *arr = cJSON_AddArrayToObject(story, "outlet_lines");
    for (size_t i = 0; i < r->summary.n_outlets; i++) {
        const px_outlet_gist *g = &r->summary.outlets[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "source", s->sources[g->source]);
        cJSON_AddItemToObject(o, "lead", sentence_json(s, g->lead));
        cJSON_AddItemToObject(o, "only", sentence_json(s, g->only));
        cJSON_AddItemToArray(arr, o);
    }
}

static void add_duplicates(cJSON *story, const px_story_report *r)
{
    cJSON *arr = cJSON_AddArrayToObject(story, "duplicates");
    for (size_t i = 0; i < r->n_copies; i++) {
        const px_story_copy *c = &r->copies[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "article", c->article->id);
        px_json_str(o, "source", c->article->source);
        px_json_str(o, "duplicate_of", c->of->id);
        px_json_str(o, "relation", c->relation);
        px_json_str(o, "title", c->article->title);
        px_json_str(o, "date", c->article->date);
        cJSON_AddItemToArray(arr, o);
    }
}

/* Related stories in other languages (links.h); only when there are some,
 * so that the store, which adds its own, never meets the key twice. */
static void add_links(cJSON *o, const px_story_report *r)
{
    if (!r->links.n)
        return;
    cJSON *also = cJSON_AddObjectToObject(o, "also_covered_in");
    cJSON *langs = cJSON_AddArrayToObject(also, "languages");
    cJSON *list = cJSON_AddArrayToObject(also, "stories");
    for (size_t i = 0; i < r->links.n; i++) {
        const px_story_link *k = &r->links.v[i];
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(r->links.v[j].lang, k->lang) == 0;
        if (!seen)
            cJSON_AddItemToArray(langs, cJSON_CreateString(k->lang));
        cJSON *one = cJSON_CreateObject();
        px_json_num(one, "story", (double)k->story);
        px_json_str(one, "language", k->lang);
        px_json_str(one, "title", k->title);
        px_json_num(one, "score", k->score);
        cJSON_AddItemToArray(list, one);
    }
}

cJSON *px_report_story_object(const px_story_report *r, size_t index)
{
    const px_story_text *s = r->story;
    cJSON *o = cJSON_CreateObject();
    px_json_num(o, "story", (double)index + 1);
    add_links(o, r);
    cJSON_AddItemToObject(o, "articles", articles_json(s));
    cJSON *srcs = cJSON_AddArrayToObject(o, "sources");
    for (size_t i = 0; i < s->n_sources; i++)
        cJSON_AddItemToArray(srcs, cJSON_CreateString(s->sources[i]));
    add_numbers(o, r);
    add_quotes(o, r);
    add_entities(o, r);
    add_framing(o, r);
    add_consensus(o, r);
    add_timeline(o, r);
    add_actors(o, r);
    add_headline(o, r);
    add_summary(o, r);
    add_outlet_lines(o, r);
    add_duplicates(o, r);
    return o;
}

/* The document is {"parallax": VERSION, "stories": [STORY, ...]}, printed as
 * cJSON_Print prints it whole, one story at a time: a story object sits two
 * levels deep, so each of its lines after the first is indented two tabs. */
int px_report_json_begin(px_buf *out)
{
    return px_buf_printf(out, "{\n\t\"parallax\":\t\"%s\",\n\t\"stories\":\t[", PX_VERSION);
}

int px_report_json_story(const px_story_report *r, size_t index, px_buf *out)
{
    cJSON *o = px_report_story_object(r, index);
    char *text = o ? cJSON_Print(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return PX_ENOMEM;
    int rc = index ? px_buf_puts(out, ", ") : PX_OK;
    for (const char *p = text; rc == PX_OK && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        rc = px_buf_append(out, p, len);
        if (rc == PX_OK && nl)
            rc = px_buf_puts(out, "\t\t");
        p += len;
    }
    cJSON_free(text);
    return rc;
}

int px_report_json_end(px_buf *out)
{
    return px_buf_puts(out, "]\n}\n");
}

int px_report_json(px_story_report *const *stories, size_t n, px_buf *out)
{
    int rc = px_report_json_begin(out);
    for (size_t i = 0; rc == PX_OK && i < n; i++)
        rc = px_report_json_story(stories[i], i, out);
    return rc == PX_OK ? px_report_json_end(out) : rc;
}
