/* names_lang.c - names in languages the trained tagger does not read:
 * runs of capitalised words, kept when the language's own word lists and
 * the article's other capitals say they are names (docs/claims.md,
 * "Names in other languages").
 *
 * The tagger (ner.c) learned English from CoNLL-2003; read on German it
 * takes every noun for a name, and on French or Spanish every word that
 * opens a sentence ("Selon", "Unos", "Estamos"). No training data for the
 * other languages is at hand, so the language's lists judge what it
 * finds: the language's stopwords and claim words (articles, pronouns,
 * month and weekday names, number words, verbs of saying) are never
 * names, and a word that only ever opens a sentence is no name. German
 * (every noun capitalised) is read from its runs of capitals instead: a
 * name starts at a given name or is what the tagger's training names
 * know, or an acronym; its kind comes from the training names, a given
 * name or a verb of saying next to it (a person), a place word before it
 * (a place), or is left "other". */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/common_internal.h"
#include "core/grow.h"
#include "core/sort.h"
#include "parallax/text.h"
#include "text/claims_common.h"
#include "text/claims_lang.h"
#include "text/ner.h"

/* Particles inside a name: "Virginia de la Guardia", "Ursula von der
 * Leyen"; in a language that capitalises nouns only the nobility's (its
 * articles join nouns: "Pegel der Elbe"). */
static const char *const particles[] = {"de", "da", "das", "do", "dos", "del", "della", "di", "du",
                                        "la", "le", "van", "von", "der", "den", "y", "e", NULL};
static const char *const noble_particles[] = {"von", "van", "zu", "vom", "zum", NULL};

#define NAME_MAX_WORDS 6

typedef struct {
    const char *lang, *text;
    const px_tokens *tk;
    const cl_lang *L;
    const px_ner_model *m;
    int nouns_capitalised;   /* German: every noun has a capital */
    unsigned char *opens;    /* per token: first word of its sentence */
    uint64_t *inner;         /* hashes of words capitalised inside a sentence, sorted */
    size_t n_inner;
} names_ctx;

static int is_word(const names_ctx *c, size_t i)
{
    return i < c->tk->n && c->tk->v[i].kind == PX_TOK_WORD;
}

static int capitalised(const names_ctx *c, size_t i)
{
    return is_word(c, i) && (c->tk->v[i].flags & PX_TOKF_CAPITALIZED);
}

/* The word at token t in lower case (ASCII letters) into buf; its length,
 * or 0 when it does not fit. */
static size_t lower_word(const char *text, const px_token *t, char *buf, size_t cap)
{
    size_t len = t->end - t->start;
    if (len >= cap)
        return 0;
    for (size_t k = 0; k < len; k++)
        buf[k] = (char)tolower((unsigned char)text[t->start + k]);
    return len;
}

static uint64_t word_key(const char *text, const px_token *t)
{
    char buf[64];
    size_t len = lower_word(text, t, buf, sizeof buf);
    return len ? px_hash64(buf, len, 7) : px_hash64(text + t->start, t->end - t->start, 7);
}

static int is_stopword_of(const char *lang, const char *text, const px_token *t)
{
    char buf[48];
    size_t len = lower_word(text, t, buf, sizeof buf);
    return len && px_is_stopword(lang, buf, len);
}

/* A function word of the language, or a word its claim tables read
 * (articles, pronouns, months, weekdays, numbers, verbs of saying). */
static int listed_word(const names_ctx *c, size_t i)
{
    size_t used;
    return is_stopword_of(c->lang, c->text, &c->tk->v[i]) ||
           (c->L && cl_lang_word(c->L, c->text, c->tk->v, c->tk->n, i, &used) != NULL);
}

static int particle_at(const names_ctx *c, size_t i)
{
    if (!is_word(c, i) || capitalised(c, i))
        return 0;
    if (!c->nouns_capitalised)
        return cl_tok_in(c->text, &c->tk->v[i], particles);
    return cl_tok_in(c->text, &c->tk->v[i], noble_particles) ||
           (i > 0 && cl_tok_eq(c->text, &c->tk->v[i], "der") && cl_tok_eq(c->text, &c->tk->v[i - 1], "von"));
}

/* A verb of saying of the language within a few words before the name or
 * right after it: "dijo el alcalde Juan Pérez", "Laura Gómez aseguró". */
static int said_by(const names_ctx *c, size_t first, size_t last)
{
    size_t used, words = 0;
    for (size_t i = first; i > 0 && words < 5 && !c->opens[i]; i--) { /* within its sentence */
        if (!is_word(c, i - 1))
            continue;
        words++;
        const cl_word *w = cl_lang_word(c->L, c->text, c->tk->v, c->tk->n, i - 1, &used);
        if (w && (w->kinds & CLW_SAY))
            return 1;
    }
    for (size_t i = last; i < c->tk->n && i < last + 2 && !c->opens[i]; i++) {
        const cl_word *w = is_word(c, i) ? cl_lang_word(c->L, c->text, c->tk->v, c->tk->n, i, &used) : NULL;
        if (w && (w->kinds & CLW_SAY))
            return 1;
    }
    return 0;
}

/* Is the word at token i capitalised somewhere other than at the start of
 * a sentence? */
static int capitalised_inside(const names_ctx *c, size_t i)
{
    uint64_t h = word_key(c->text, &c->tk->v[i]);
    size_t lo = px_lower_bound_u64(c->inner, c->n_inner, h);
    return lo < c->n_inner && c->inner[lo] == h;
}

static int ctx_build(names_ctx *c, const px_spans *ss)
{
    c->opens = calloc(c->tk->n + 1, 1);
    c->inner = malloc((c->tk->n + 1) * sizeof *c->inner);
    if (!c->opens || !c->inner)
        return PX_ENOMEM;
    size_t s = 0;
    int first = 1;
    for (size_t i = 0; i < c->tk->n; i++) {
        const px_token *t = &c->tk->v[i];
        while (s < ss->n && ss->v[s].end <= t->start)
            s++, first = 1;
        if (t->kind != PX_TOK_WORD)
            continue;
        c->opens[i] = (unsigned char)first;
        if (!first && (t->flags & PX_TOKF_CAPITALIZED))
            c->inner[c->n_inner++] = word_key(c->text, t);
        first = 0;
    }
    return px_sort_u64(c->inner, c->n_inner);
}

/* Is the word before token i one the language puts before a place ("en",
 * "à", "em", "nach")? */
static int after_place_word(const names_ctx *c, size_t i)
{
    return i > 0 && cl_lang_word_is(c->L, c->text, c->tk->v, c->tk->n, i - 1, CLW_PLACEPREP);
}

static unsigned known_types(const names_ctx *c, size_t first, size_t last)
{
    if (!c->m)
        return 0;
    char buf[160];
    size_t n = 0;
    for (size_t i = first; i < last; i++) {
        const px_token *t = &c->tk->v[i];
        size_t len = t->end - t->start;
        if (n + len + 1 >= sizeof buf)
            return 0;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, c->text + t->start, len);
        n += len;
    }
    return px_ner_gazetteer_types(c->m, buf, n);
}

static int given_name_at(const names_ctx *c, size_t i)
{
    const px_token *t = &c->tk->v[i];
    return cl_given_name_gender(c->text + t->start, t->end - t->start) != 0;
}

static int acronym_at(const names_ctx *c, size_t i)
{
    const px_token *t = &c->tk->v[i];
    size_t upper = 0;
    for (size_t k = t->start; k < t->end; k++) {
        if (islower((unsigned char)c->text[k]))
            return 0;
        upper += isupper((unsigned char)c->text[k]) != 0;
    }
    return upper >= 2;
}

/* The type of the name [first, last): the training names' type, a person
 * when it opens on a given name, else another name. */
static px_ner_type type_of(const names_ctx *c, size_t first, size_t last, unsigned known)
{
    static const px_ner_type order[] = {PX_NER_LOC, PX_NER_PER, PX_NER_ORG, PX_NER_MISC};
    for (size_t k = 0; known && k < sizeof order / sizeof *order; k++)
        if (known & (1u << order[k]))
            return order[k];
    for (size_t i = first; last - first >= 2 && i + 1 < last; i++)
        if (given_name_at(c, i))
            return PX_NER_PER; /* "Bürgermeisterin Anna Keller" */
    if (last - first >= 2 && c->L && said_by(c, first, last))
        return PX_NER_PER;
    if (c->L && after_place_word(c, first))
        return PX_NER_LOC; /* "en España", "em Lisboa" */
    return last - first == 1 && acronym_at(c, first) ? PX_NER_ORG : PX_NER_MISC;
}

/* In a language that capitalises its nouns a run mixes nouns and names
 * ("Bundeskanzler Helmut Kohl", "Atomkraftwerk Mülheim", "Vielen Dank"):
 * the name is what starts at a given name, or the longest end of the run
 * the training names know, or an acronym; else there is none (first ==
 * last on return). */
static void name_among_nouns(const names_ctx *c, size_t *first, size_t *last)
{
    for (size_t i = *first; i + 1 < *last; i++)
        if (given_name_at(c, i)) {
            *first = i;
            return;
        }
    for (size_t i = *first; i < *last; i++)
        if (known_types(c, i, *last)) {
            *first = i;
            return;
        }
    if (*last - *first == 1 && acronym_at(c, *first))
        return;
    *last = *first;
}

/* The run [first, last) trimmed of listed words at both ends, judged, and
 * appended when it is a name: of type tagged when the tagger gave one
 * (>= 0), else as type_of finds. */
static int judge_run(const names_ctx *c, size_t first, size_t last, px_ner_spans *out, int tagged)
{
    while (first < last && (!capitalised(c, first) || listed_word(c, first)))
        first++;
    while (last > first && (!capitalised(c, last - 1) || listed_word(c, last - 1)))
        last--;
    if (c->nouns_capitalised && first < last)
        name_among_nouns(c, &first, &last);
    if (first == last)
        return PX_OK;
    unsigned known = known_types(c, first, last);
    if (last - first == 1 && !known && c->opens[first] && !capitalised_inside(c, first))
        return PX_OK; /* capitalised only because it opens a sentence */
    if (px_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16, 0) != PX_OK)
        return PX_ENOMEM;
    out->v[out->n++] = (px_ner_span){first, last, tagged >= 0 ? (px_ner_type)tagged : type_of(c, first, last, known)};
    return PX_OK;
}

/* German and languages like it: runs of capitals judged word by word. */
static int names_from_runs(names_ctx *c, px_ner_spans *out)
{
    const px_tokens *tk = c->tk;
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < tk->n;) {
        if (!capitalised(c, i)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < tk->n && j - i < NAME_MAX_WORDS && !c->opens[j] &&
               (capitalised(c, j) || (particle_at(c, j) && capitalised(c, j + 1) && !c->opens[j + 1])) &&
               tk->v[j].start <= tk->v[j - 1].end + 1)
            j++;
        rc = judge_run(c, i, j, out, -1);
        i = j;
    }
    return rc;
}

/* Languages that capitalise names only: the English tagger finds and
 * types their names well (its training news names people and places of
 * every country) but takes the language's own sentence openers and
 * articles for names ("Il", "Una", "El Gobierno"): its spans judged
 * with the language's lists, its types kept. */
static int names_from_tagger(names_ctx *c, const px_spans *ss, px_ner_spans *out)
{
    px_ner_spans tagged = {0};
    int rc = px_ner_tag(c->m, c->text, c->tk, ss, &tagged);
    for (size_t k = 0; rc == PX_OK && k < tagged.n; k++)
        rc = judge_run(c, tagged.v[k].first, tagged.v[k].last, out, (int)tagged.v[k].type);
    px_ner_spans_free(&tagged);
    return rc;
}

/* Are more of the text's function words lang's than English's? A list of
 * results ("Bayern Munich 2 Hamburg 1") can be identified as German with
 * hardly a German word in it; read as German it would lose its names. */
static int prose_of(const char *lang, const char *text, const px_tokens *tk)
{
    size_t own = 0, english = 0;
    for (size_t i = 0; i < tk->n && i < 4000; i++) {
        if (tk->v[i].kind != PX_TOK_WORD)
            continue;
        own += (size_t)is_stopword_of(lang, text, &tk->v[i]);
        english += (size_t)is_stopword_of("en", text, &tk->v[i]);
    }
    return own > english;
}

int px_names_by_capitals(const char *lang, const char *text, const px_tokens *tk, const px_spans *ss,
                         px_ner_spans *out)
{
    names_ctx c = {.lang = lang, .text = text, .tk = tk, .L = cl_lang_get(lang), .m = px_ner_default(NULL)};
    c.nouns_capitalised = lang && (strncasecmp(lang, "de", 2) == 0 || strncasecmp(lang, "lb", 2) == 0) &&
                          prose_of(lang, text, tk);
    int rc = ctx_build(&c, ss);
    if (rc == PX_OK)
        rc = c.nouns_capitalised || !c.m ? names_from_runs(&c, out) : names_from_tagger(&c, ss, out);
    free(c.opens);
    free(c.inner);
    return rc;
}
