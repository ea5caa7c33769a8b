/* quotes.c - direct quotations and their speakers (parallax/quotes.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/claims_common.h"
#include "text/textchar.h"
#include "parallax/quotes.h"
#include "parallax/text.h"
#include "core/common_internal.h"
#include "core/map.h"
#include "compare/entities_internal.h"
#include "compare/quotes_internal.h"
#include "compare/quotes_lang.h"


/* ---- quotation marks ------------------------------------------------------ */


static int is_space_at(const char *s, size_t len, size_t i)
{
    return i >= len || isspace((unsigned char)s[i]);
}

/* A straight quote opens when it follows space or an opening bracket/dash
 * and is followed by a non-space. */
static int straight_opens(const char *s, size_t len, size_t i)
{
    int before = i == 0 || isspace((unsigned char)s[i - 1]) || strchr("([{-/", s[i - 1]) ||
                 (unsigned char)s[i - 1] >= 0x80;
    return before && !is_space_at(s, len, i + 1);
}

static int straight_closes(const char *s, size_t len, size_t i)
{
    (void)len;
    return i > 0 && !isspace((unsigned char)s[i - 1]);
}

/* ---- pieces --------------------------------------------------------------- */

static size_t skip_space(const char *s, size_t i, size_t len)
{
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    return i;
}

typedef struct piece {
    size_t open, close;  /* offsets of the marks */
    size_t close_len;
    size_t start, end;   /* content, trimmed */
    int continues;       /* open at paragraph end, continued by the next */
    size_t para_end;
} piece;

typedef struct qscan {
    cl_doc d;
    piece *p;
    size_t np, capp;
    const px_entity_list *people;
    const px_quote_list *out;
    long last_thing; /* index of the last quote said by a document or org */
    unsigned char *spoke; /* per entity of people: named as a quote's speaker */
    unsigned char *located; /* per entity of people: see located() */
    char **roles;           /* per entity of people: see lower_roles() */
    unsigned char *personish; /* per entity of people: see mark_personish() */
    long *surname_of;         /* per entity of people: see mark_personish() */
    px_map surnames;          /* the last words of the people's names ... */
    long *surname_owner;      /* ... per id: its one person, -1 when shared */
} qscan;

static int add_piece(qscan *q, size_t open, size_t olen, size_t close, size_t clen,
                     int continues, size_t para_end)
{
    size_t a = open + olen, b = close;
    while (a < b && isspace((unsigned char)q->d.text[a]))
        a++;
    while (b > a && isspace((unsigned char)q->d.text[b - 1]))
        b--;
    if (a >= b)
        return PX_OK;
    if (CL_GROW(q->p, q->capp, q->np))
        return PX_ENOMEM;
    q->p[q->np++] = (piece){open, close, clen, a, b, continues, para_end};
    return PX_OK;
}

/* A curly pair inside a quote a straight mark opened at `open` is words
 * quoted within that quote (`"It is not about “Equal Justice” any more."`),
 * not a quote of its own, unless it opens right after the straight mark
 * (`"“`: one mark typed twice). Returns the offset past its closing mark,
 * or 0 when the curly mark at i is no such pair. */
static size_t nested_curly_end(const char *s, size_t b, size_t open, size_t i)
{
    if (skip_space(s, open + 1, b) == i)
        return 0;
    for (size_t j = i + 3; j < b; j++) {
        int type;
        size_t ml = cl_quote_mark(s, b, j, &type);
        if (ml)
            return type == CL_MARK_CLOSE && ml == 3 ? j + ml : 0;
    }
    return 0;
}

/* Pairs the marks of one paragraph [a, b). Returns the offset of a mark
 * left open at the end (or (size_t)-1). */
static int pair_paragraph(qscan *q, size_t a, size_t b, size_t *left_open, size_t *left_len)
{
    const char *s = q->d.text;
    size_t open = (size_t)-1, olen = 0;
    int dirty = 0;
    for (size_t i = a; i < b;) {
        int type;
        size_t ml = cl_quote_mark(s, b, i, &type);
        if (!ml) {
            i++;
            continue;
        }
        size_t nested_end;
        if (type == CL_MARK_OPEN && ml == 3 && open != (size_t)-1 && olen == 1 &&
            (nested_end = nested_curly_end(s, b, open, i))) {
            i = nested_end;
            continue;
        }
        if (type == CL_MARK_STRAIGHT)
            type = open == (size_t)-1 ? (straight_opens(s, b, i) ? CL_MARK_OPEN : -1)
                   : straight_closes(s, b, i) ? CL_MARK_CLOSE
                   : straight_opens(s, b, i)  ? CL_MARK_OPEN
                                              : CL_MARK_CLOSE;
        else if (type == CL_MARK_OPEN && ml == 3 && open != (size_t)-1 && i > a &&
                 !isspace((unsigned char)s[i - 1]) && is_space_at(s, b, i + ml) &&
                 strchr(",.?!", s[i - 1]))
            type = CL_MARK_CLOSE; /* a curly mark typed the wrong way round:
                                   * `“It is over,“ she said` */
        if (type == CL_MARK_OPEN) {
            dirty |= open != (size_t)-1; /* an earlier unclosed mark is dropped */
            open = i;
            olen = ml;
        } else if (type == CL_MARK_CLOSE && open != (size_t)-1) {
            int rc = add_piece(q, open, olen, i, ml, 0, b);
            if (rc)
                return rc;
            open = (size_t)-1;
        }
        i += ml;
    }
    /* only a clean paragraph may continue its quote into the next one */
    *left_open = dirty ? (size_t)-1 : open;
    *left_len = olen;
    return PX_OK;
}

static int find_pieces(qscan *q)
{
    size_t a = 0;
    while (a < q->d.len) {
        size_t b = a;
        while (b < q->d.len && q->d.text[b] != '\n')
            b++;
        size_t open, olen;
        int rc = pair_paragraph(q, a, b, &open, &olen);
        if (rc)
            return rc;
        if (open != (size_t)-1) {
            /* continued when the next paragraph opens with a mark */
            size_t n = skip_space(q->d.text, b, q->d.len);
            int type;
            if (n < q->d.len && cl_quote_mark(q->d.text, q->d.len, n, &type) &&
                type != CL_MARK_CLOSE && (rc = add_piece(q, open, olen, b, 0, 1, b)))
                return rc;
        }
        a = b + 1;
    }
    return PX_OK;
}

/* ---- speakers ------------------------------------------------------------- */

static int is_pronoun(const char *s, size_t len, px_gender *g);
static int word_at(const qscan *q, size_t i);
static size_t count_words(const char *s, size_t len);

typedef struct speaker {
    size_t start, end; /* mention in the text */
    char *cue;
    int found;
    int relative;              /* the mention is a relative pronoun ... */
    size_t rel_start, rel_end; /* ... here, standing for [start, end) */
    size_t relay_start, relay_end; /* an outlet that passed the words on */
} speaker;

/* Is the word of saying at token i a noun here: a form that is also a
 * noun ("remarks", "answer", "reports") after a determiner or a possessive
 * ("his remarks", "Trump's remarks"), or after a describing word that
 * follows one ("the racial remarks", "a convoluted answer")? */
static int say_word_is_noun(const qscan *q, size_t i)
{
    static const char *const nouns[] = {
        "remarks", "answer", "answers", "reports", "estimates", "promises", "claims",
        "charges", "demands", "notes", "states", "pledges", "vows", "tweets", "quips",
        "jokes", "counters", "laments", "brags", "shows", "finds", NULL};
    static const char *const dets[] = {"the", "a", "an", "his", "her", "their", "its", "our",
                                       "my", "your", "these", "those", "such", "whose", NULL};
    static const char *const ends[] = {"al", "ing", "ed", "ful", "ous", "ive", "ic", "ish",
                                       NULL};
    if (i == 0 || !cl_tok_in(q->d.text, &q->d.tk.v[i], nouns))
        return 0;
    const px_token *b = &q->d.tk.v[i - 1];
    const char *bs = q->d.text + b->start;
    size_t bl = b->end - b->start;
    if (cl_tok_in(q->d.text, b, dets))
        return 1;
    /* a possessive: "Trump's remarks", "Trump’s remarks" */
    if (i >= 2 && b->kind == PX_TOK_WORD && cl_eq(bs, bl, "s") &&
        q->d.tk.v[i - 2].kind == PX_TOK_PUNCT)
        return 1;
    if (bl > 2 && (cl_eq(bs + bl - 2, 2, "'s") || (bl > 4 && cl_eq(bs + bl - 4, 4, "\xE2\x80\x99s"))))
        return 1;
    if (i < 2 || b->kind != PX_TOK_WORD || !islower((unsigned char)bs[0]) ||
        !cl_tok_in(q->d.text, &q->d.tk.v[i - 2], dets) || cl_is_role_noun(bs, bl) ||
        cl_is_group_noun(bs, bl))
        return 0; /* "the official notes": a role, then the verb */
    for (const char *const *e = ends; *e; e++) {
        size_t el = strlen(*e);
        if (bl > el + 2 && cl_eq(bs + bl - el, el, *e))
            return 1;
    }
    return 0;
}

/* A verb of saying at token i, with the reporting idioms the shared list
 * (also used for figures) leaves out: "points out", "puts it", "assured". */
static int say_at(const qscan *q, size_t i)
{
    static const char *const out[] = {"points", "pointed", "point", NULL};
    static const char *const it[] = {"puts", "putting", NULL};
    static const char *const more[] = {"assured", "assures", "assure", "questioned", "exhorted",
                                       "commented", "pressed", NULL};
    /* "put" reports only as "put it" ("as she put it"), not in "has put
     * together" */
    if (cl_tok_is(&q->d, i, "put") && !cl_tok_is(&q->d, i + 1, "it"))
        return 0;
    /* "went", "began" report only with the words at once ("he went, “...”",
     * "she began: “...”", "he went on"), not in "Reagan went with a willingness to" or
     * "as the meeting began vowing" */
    static const char *const at_once[] = {"went", "goes", "began", "begins", NULL};
    if (i < q->d.tk.n && cl_tok_in(q->d.text, &q->d.tk.v[i], at_once) &&
        !(i + 1 < q->d.tk.n && (cl_tok_quote(&q->d, i + 1) || cl_tok_is(&q->d, i + 1, "on") ||
                                (q->d.tk.v[i + 1].kind == PX_TOK_PUNCT &&
                                 strchr(",:.", q->d.text[q->d.tk.v[i + 1].start])))))
        return 0;
    if (cl_tok_say(&q->d, i))
        return !say_word_is_noun(q, i);
    if (i >= q->d.tk.n)
        return 0;
    const px_token *k = &q->d.tk.v[i];
    return cl_tok_in(q->d.text, k, more) ||
           (cl_tok_in(q->d.text, k, out) && cl_tok_is(&q->d, i + 1, "out")) ||
           (cl_tok_in(q->d.text, k, it) && cl_tok_is(&q->d, i + 1, "it"));
}

static int ends_in_ing(const qscan *q, size_t i)
{
    if (i >= q->d.tk.n || q->d.tk.v[i].kind != PX_TOK_WORD)
        return 0;
    const px_token *k = &q->d.tk.v[i];
    return k->end - k->start > 4 && cl_eq(q->d.text + k->end - 3, 3, "ing");
}

/* Is the verb of saying at token v passive (`have been described as`,
 * `was told`, `a phenomenon predicted by Einstein's theory`)? Its subject
 * is then no speaker; `was quoted as saying` keeps its subject. */
static int passive_say_at(const qscan *q, size_t v)
{
    static const char *const be[] = {"been", "being", "was", "were", "is", "are", "be", NULL};
    if (v == 0 || cl_tok_is(&q->d, v, "quoted"))
        return 0;
    if (cl_tok_is(&q->d, v + 1, "by") && !ends_in_ing(q, v + 2)) /* not `responded by saying` */
        return 1;
    size_t b = v - 1;
    const px_token *k = &q->d.tk.v[b];
    if (b > 0 && k->kind == PX_TOK_WORD && k->end - k->start > 4 &&
        cl_eq(q->d.text + k->end - 2, 2, "ly"))
        k = &q->d.tk.v[--b]; /* "was widely described" */
    return cl_tok_in(q->d.text, k, be);
}

/* Kin and companions, named by their tie to someone: `said father, Jos`. */
static int is_kin_noun(const char *w, size_t len)
{
    static const char *const kin[] = {"father", "mother", "son", "daughter", "wife", "husband",
                                      "brother", "sister", "uncle", "aunt", "grandfather",
                                      "grandmother", "cousin", "friend", "neighbour", "neighbor",
                                      "partner", "girlfriend", "boyfriend", NULL};
    return cl_in(w, len, kin);
}

/* After a verb-first cue whose phrase is a lone lower-case role (`said
 * father, Jos, who ...`), the name in the appositive that follows:
 * tokens [s, e) are moved onto it. 1 when moved. */
static int appositive_name(const qscan *q, size_t *s, size_t *e, size_t hi)
{
    size_t t = cl_token_at(&q->d.tk, *s), te = cl_token_at(&q->d.tk, *e);
    if (te != t + 1 || !islower((unsigned char)q->d.text[*s]) ||
        (!cl_is_role_noun(q->d.text + *s, *e - *s) && !is_kin_noun(q->d.text + *s, *e - *s)))
        return 0;
    if (te + 1 >= hi || q->d.text[q->d.tk.v[te].start] != ',' || !word_at(q, te + 1) ||
        !isupper((unsigned char)q->d.text[q->d.tk.v[te + 1].start]))
        return 0;
    size_t n = te + 1;
    while (n < hi && n < te + 5 && word_at(q, n) && isupper((unsigned char)q->d.text[q->d.tk.v[n].start]))
        n++;
    *s = q->d.tk.v[te + 1].start;
    *e = q->d.tk.v[n - 1].end;
    return 1;
}

/* Is the phrase [s, e) the object of a preposition (`after the finish in
 * Sao Paulo said`) rather than a subject? After a word that also opens a
 * clause (`after`, `before`, `since`, `until`) a name or a role is the
 * clause's subject (`a month before its vice president boasted`, `after
 * Trump told`). */
static int after_preposition(const qscan *q, size_t s, size_t e, size_t lo)
{
    static const char *const preps[] = {"at", "in", "on", "during", "from", "with", "by", "for",
                                        "of", "to", "about", "into", "over", "under", NULL};
    static const char *const either[] = {"after", "before", "since", "until", NULL};
    size_t t = cl_token_at(&q->d.tk, s), te = cl_token_at(&q->d.tk, e);
    if (t <= lo)
        return 0;
    if (cl_tok_in(q->d.text, &q->d.tk.v[t - 1], preps))
        return 1;
    if (!cl_tok_in(q->d.text, &q->d.tk.v[t - 1], either))
        return 0;
    size_t head = t;
    for (size_t i = t; i < te; i++) {
        if (i > t && cl_tok_in(q->d.text, &q->d.tk.v[i], preps))
            break;
        if (word_at(q, i))
            head = i;
    }
    const char *hs = q->d.text + q->d.tk.v[head].start;
    size_t hl = q->d.tk.v[head].end - q->d.tk.v[head].start;
    px_gender g;
    return !(isupper((unsigned char)hs[0]) || is_pronoun(hs, hl, &g) || cl_is_role_noun(hs, hl) ||
             cl_is_group_noun(hs, hl) || cl_is_document_noun(hs, hl));
}

/* Does the "and" at token i join two names: "experts Ana Ruiz and Tom
 * Brandt wrote"? */
static int names_joined(const qscan *q, size_t i)
{
    return i > 0 && word_at(q, i - 1) && word_at(q, i + 1) &&
           isupper((unsigned char)q->d.text[q->d.tk.v[i - 1].start]) &&
           isupper((unsigned char)q->d.text[q->d.tk.v[i + 1].start]);
}

/* Can bytes [s, e) be the subject of a say verb? A noun phrase is a
 * pronoun, or starts with a capital, a determiner or a lower-case noun
 * leading to a name ("election law expert Rick Hasen") and ends with a
 * noun; "won five of those" (before "states"), "breakfast with reporters
 * and" (before "acknowledged") or "citing an instance" are clause
 * fragments, not speakers. */
static int plausible_np(const qscan *q, size_t s, size_t e)
{
    static const char *const starts[] = {
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "one", "two",
        "three", "four", "some", "many", "several", "both", "other", "another", "this",
        "these", "those", "each", "every", "no", "most", "all", "of", NULL};
    static const char *const singles[] = {"who", "which", "it", "you", "one", NULL};
    static const char *const breakers[] = {
        "and", "but", "or", "when", "while", "because", "which", "if", "than", "as", "is",
        "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would",
        "can", "could", "might", "may", "should", "must", "do", "does", "did", "not",
        "there", "then", "so", "since", "where", NULL};
    size_t t = cl_token_at(&q->d.tk, s), te = cl_token_at(&q->d.tk, e);
    if (t >= te)
        return 0;
    const px_token *f = &q->d.tk.v[t], *l = &q->d.tk.v[te - 1];
    const char *fs = q->d.text + f->start;
    size_t fl = f->end - f->start;
    px_gender g;
    if (te - t == 1 && (is_pronoun(fs, fl, &g) || cl_in(fs, fl, singles)))
        return 1;
    static const char *const someone[] = {"someone", "somebody", "anyone", "everyone", NULL};
    if (cl_in(fs, fl, someone))
        return 1; /* "someone close to the vice president's office" */
    if (!isupper((unsigned char)fs[0]) && !isdigit((unsigned char)fs[0]) && !cl_in(fs, fl, starts)) {
        /* a lower-case start: a group ("officials") or a title before a
         * name ("political scientist Christopher Wlezien") */
        int named = 0;
        for (size_t i = t + 1; i < te; i++)
            named |= q->d.tk.v[i].kind == PX_TOK_WORD && isupper((unsigned char)q->d.text[q->d.tk.v[i].start]);
        /* ... or a describing word before one: "federal prosecutors" */
        const char *hs = q->d.text + l->start;
        size_t hl = l->end - l->start;
        int head_noun = te - t == 2 && l->kind == PX_TOK_WORD &&
                        (cl_is_group_noun(hs, hl) || cl_is_role_noun(hs, hl));
        if (px_is_stopword("en", fs, fl) || (fl > 3 && cl_eq(fs + fl - 3, 3, "ing")) ||
            (!named && !head_noun && !cl_is_group_noun(fs, fl) && !cl_is_role_noun(fs, fl)))
            return 0;
    }
    const char *ls = q->d.text + l->start;
    size_t ll = l->end - l->start;
    if (l->kind == PX_TOK_WORD && islower((unsigned char)ls[0]) &&
        px_is_stopword("en", ls, ll) && !is_pronoun(ls, ll, &g))
        return 0;
    for (size_t i = t + 1; i < te; i++) {
        if (cl_tok_is(&q->d, i, "and") && i + 1 < te && names_joined(q, i))
            continue;
        if (cl_tok_in(q->d.text, &q->d.tk.v[i], breakers) || say_at(q, i))
            return 0;
    }
    return 1;
}

/* Drops the adverbs and conjunctions a phrase before a verb may start
 * with: "then Wallnau" (continues), "so she" (said). */
static void trim_front(const qscan *q, size_t *s, size_t e)
{
    /* a pronoun right before the verb is the subject: "even now at 86
     * she (still) says" */
    size_t last = cl_token_at(&q->d.tk, e);
    px_gender g;
    if (last > 0 && last - 1 < q->d.tk.n && q->d.tk.v[last - 1].start >= *s &&
        is_pronoun(q->d.text + q->d.tk.v[last - 1].start,
                   q->d.tk.v[last - 1].end - q->d.tk.v[last - 1].start, &g)) {
        *s = q->d.tk.v[last - 1].start;
        return;
    }
    static const char *const drop[] = {"then", "and", "but", "so", "also", "now", "yet",
                                       "still", "as", "when", "while", "because", "if",
                                       "since", "though", "although", NULL};
    size_t t = cl_token_at(&q->d.tk, *s), te = cl_token_at(&q->d.tk, e);
    while (t + 1 < te && cl_tok_in(q->d.text, &q->d.tk.v[t], drop))
        t++;
    *s = q->d.tk.v[t].start;
}

static int set_cue(speaker *sp, const qscan *q, size_t t)
{
    free(sp->cue);
    sp->cue = cl_lower(q->d.text + q->d.tk.v[t].start, q->d.tk.v[t].end - q->d.tk.v[t].start);
    sp->found = 1;
    return sp->cue ? PX_OK : PX_ENOMEM;
}

/* A stop word in any case: "In", "The", "Over" open sentences. */
static int stopword_ci(const char *s, size_t len)
{
    char w[32];
    if (len >= sizeof w)
        return 0;
    for (size_t i = 0; i < len; i++)
        w[i] = (char)tolower((unsigned char)s[i]);
    return px_is_stopword("en", w, len);
}

/* Does token i open an introduction rather than a name: a stop word ("At
 * the same time", "Of course", "That said") or a sentence adverb? */
/* An adverb by its ending, written in lower case: "quickly", "repeatedly". */
static int ly_adverb(const char *s, size_t len)
{
    return islower((unsigned char)s[0]) && len > 4 && cl_eq(s + len - 2, 2, "ly");
}

static int is_intro_word(const qscan *q, size_t i)
{
    static const char *const adverbs[] = {"perhaps", "still", "however", "indeed", "instead",
                                          "meanwhile", "later", "earlier", "moreover", "yet",
                                          "again", "also", "now", "then", "besides", "otherwise",
                                          "likewise", "similarly", "separately", "finally",
                                          "overall", NULL};
    const px_token *k = &q->d.tk.v[i];
    const char *s = q->d.text + k->start;
    size_t len = k->end - k->start;
    return stopword_ci(s, len) || cl_in(s, len, adverbs) || ly_adverb(s, len);
}

static int all_caps(const char *s, size_t len)
{
    if (len < 3)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (islower((unsigned char)s[i]))
            return 0;
    return 1;
}

static int word_at(const qscan *q, size_t i)
{
    return i < q->d.tk.n && q->d.tk.v[i].kind == PX_TOK_WORD;
}

/* Token i is a dash: -, en, em or horizontal bar. */
static int is_dash(const qscan *q, size_t i)
{
    const unsigned char *c = (const unsigned char *)q->d.text + q->d.tk.v[i].start;
    return c[0] == '-' || (c[0] == 0xE2 && c[1] == 0x80 && c[2] >= 0x93 && c[2] <= 0x95);
}

/* Do the tokens from t to the first comma before v name someone: at most
 * six, every word capitalised ("Dr. Li Wen,"; not "Even after the great
 * influx of women MPs,")? */
static int name_then_comma(const qscan *q, size_t t, size_t v)
{
    for (size_t k = t; k < v && k < t + 7; k++) {
        const px_token *tok = &q->d.tk.v[k];
        if (tok->kind == PX_TOK_PUNCT && q->d.text[tok->start] == ',')
            return k > t;
        if (tok->kind == PX_TOK_WORD && !isupper((unsigned char)q->d.text[tok->start]))
            return 0;
    }
    return 0;
}

/* Cue after the quote: `,” she said`, `,” said Lloyd Austin`, `.” Dorsey
 * said.`, `,” according to the White House statement`. Tokens [t, hi). */
static int cue_after(const qscan *q, size_t t, size_t hi, int strict, speaker *sp)
{
    /* a byline under the quote: `” ― Ana Ruiz` (a dash, then the name
     * alone up to the end of the sentence or the next quote) */
    if (t + 1 < hi && q->d.tk.v[t].kind == PX_TOK_PUNCT && is_dash(q, t) && word_at(q, t + 1) &&
        isupper((unsigned char)q->d.text[q->d.tk.v[t + 1].start])) {
        size_t e = t + 1;
        while (e < hi && (word_at(q, e) || (q->d.tk.v[e].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[e].start] == '.' && e + 1 < hi && word_at(q, e + 1))))
            e++;
        if (e - t - 1 <= 5 && (e >= hi || cl_tok_quote(&q->d, e) || q->d.tk.v[e].kind == PX_TOK_PUNCT)) {
            sp->start = q->d.tk.v[t + 1].start;
            sp->end = q->d.tk.v[e - 1].end;
            sp->found = 1;
            return 1;
        }
    }
    size_t t0 = t;
    while (t < hi && q->d.tk.v[t].kind == PX_TOK_PUNCT && !cl_tok_quote(&q->d, t))
        t++;
    /* a relative clause right after the mark is about the quoted words:
     * `a “chief trade prosecutor” who reports to the president` */
    if (t == t0 && (cl_tok_is(&q->d, t, "who") || cl_tok_is(&q->d, t, "which")))
        return 0;
    if (cl_tok_is(&q->d, t, "according") && cl_tok_is(&q->d, t + 1, "to")) {
        if (cl_phrase_after(&q->d, t + 2, hi, &sp->start, &sp->end))
            return set_cue(sp, q, t) ? PX_ENOMEM : 1;
        return 0;
    }
    /* verb first: said Lloyd Austin */
    if (say_at(q, t)) {
        size_t w = t + 1;
        /* not a manner or a clause: `said matter-of-factly as confetti
         * fluttered down` */
        if (cl_phrase_after(&q->d, w, hi, &sp->start, &sp->end) &&
            (!strict || plausible_np(q, sp->start, sp->end))) {
            appositive_name(q, &sp->start, &sp->end, hi);
            return set_cue(sp, q, t) ? PX_ENOMEM : 1;
        }
        return 0;
    }
    /* subject first: she said / Mayor Elena Voss said / the memo said */
    int appositive = 0; /* past the comma after a capitalised subject */
    for (size_t v = t; v < hi && v < t + 32; v++) {
        if (q->d.tk.v[v].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[v].start] == '(') {
            /* a party label: "Rep. John Mica (R-Fla.) said" */
            size_t c = v;
            while (c < hi && c < v + 8 && q->d.text[q->d.tk.v[c].start] != ')')
                c++;
            if (c < hi && q->d.text[q->d.tk.v[c].start] == ')') {
                v = c;
                continue;
            }
        }
        /* `&` joins the words of a name: `one P&G employee told` */
        if (q->d.tk.v[v].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[v].start] != '\'' &&
            q->d.text[q->d.tk.v[v].start] != ',' && q->d.text[q->d.tk.v[v].start] != '-' &&
            q->d.text[q->d.tk.v[v].start] != '&' && (unsigned char)q->d.text[q->d.tk.v[v].start] != 0xE2)
            break;
        if (cl_tok_is(&q->d, v, "and") && names_joined(q, v))
            continue;
        appositive |= v > t && q->d.text[q->d.tk.v[v].start] == ',' && word_at(q, t) &&
                      isupper((unsigned char)q->d.text[q->d.tk.v[t].start]);
        /* a list inside the appositive: `,” Mara Quint, director for
         * parks, roads, and bridges, said`; after a name, any `and`:
         * `Dr. Li Wen, a professor of physics and astronomy and the leader
         * of the study, said` */
        if (appositive && (cl_tok_is(&q->d, v, "and") || cl_tok_is(&q->d, v, "or")) &&
            ((v > 0 && q->d.text[q->d.tk.v[v - 1].start] == ',') || name_then_comma(q, t, v)))
            continue;
        if (appositive && cl_tok_quote(&q->d, v)) {
            /* a short term in marks inside the appositive: `Bill Eastland,
             * wearing “Ted Cruz” pins, said` */
            size_t k = v + 1;
            while (k < hi && k < v + 5 && !cl_tok_quote(&q->d, k))
                k++;
            if (k < hi && k < v + 5) {
                v = k;
                continue;
            }
        }
        if (cl_tok_quote(&q->d, v) || cl_tok_is(&q->d, v, "but") || cl_tok_is(&q->d, v, "and") ||
            cl_tok_is(&q->d, v, "while") || cl_tok_is(&q->d, v, "because"))
            break;
        if (say_at(q, v) && v > t && !passive_say_at(q, v)) {
            size_t s = 0, e = 0;
            /* a long appositive is no phrase, but the name before it
             * speaks (below) */
            if (!cl_phrase_before(&q->d, t, v, &s, &e) && !(appositive && name_then_comma(q, t, v)))
                return 0;
            trim_front(q, &s, e);
            /* "Ana Ruiz and Tom Brandt wrote": both names, the first
             * named speaks */
            size_t st = cl_token_at(&q->d.tk, s);
            if (st > t + 1 && cl_tok_is(&q->d, st - 1, "and") && names_joined(q, st - 1)) {
                size_t k = st - 1;
                while (k > t && word_at(q, k - 1) && isupper((unsigned char)q->d.text[q->d.tk.v[k - 1].start]) &&
                       st - k < 6)
                    k--;
                s = q->d.tk.v[k].start;
            }
            /* "Dolores Arkwright, the local's president, said": the name
             * before the appositive (eight words at most), unless that is
             * an introduction ("At the same time, the person added") */
            size_t k = t;
            while (k < v && !(q->d.tk.v[k].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[k].start] == ','))
                k++;
            if (k < v && k > t && k <= t + 8 && !is_intro_word(q, t) &&
                plausible_np(q, q->d.tk.v[t].start, q->d.tk.v[k - 1].end)) {
                s = q->d.tk.v[t].start;
                e = q->d.tk.v[k - 1].end;
            }
            if (e <= s || !plausible_np(q, s, e))
                return 0;
            /* after a partial quote the cue must follow it at once: not
             * `“kind of riding the fence” until Haley said` */
            if (strict && s != q->d.tk.v[t].start)
                return 0;
            sp->start = s;
            sp->end = e;
            return set_cue(sp, q, v) ? PX_ENOMEM : 1;
        }
    }
    return 0;
}

/* Token i is a stop word or a sentence adverb in any case: "The",
 * "Specifically", "Earlier". */
static int is_intro_word_any_case(const qscan *q, size_t i)
{
    const px_token *k = &q->d.tk.v[i];
    const char *s = q->d.text + k->start;
    size_t len = k->end - k->start;
    return is_intro_word(q, i) || (len > 4 && cl_eq(s + len - 2, 2, "ly") && islower((unsigned char)s[1]));
}

/* Is token i inside a person's name? */
static int in_person(const qscan *q, size_t i)
{
    if (!q->people)
        return 0;
    long e = px_entities_at(q->people, q->d.tk.v[i].start, q->d.tk.v[i].end);
    return e >= 0 && q->people->v[e].kind == PX_ENTITY_PERSON;
}

/* Skips an introduction that opens with a capital but names nobody, up
 * to its comma: "Hours later, Trump ...", "Early in his campaign, Trump
 * ...", "Eight years ago, he ...", "Specifically, ...". A name before a
 * comma ("Voss, the mayor, said") is kept: the words must hold a lower-case
 * word, or be one sentence adverb, stop word or calendar word; a clause
 * with a verb ("Vivendi has rejected the charge,") is no introduction. */
static size_t skip_capital_intro(const qscan *q, size_t t, size_t hi)
{
    static const char *const verbs[] = {
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
        "could", "may", "might", "must", "should", "shall", "does", "did", "do", NULL};
    px_gender g;
    if (!word_at(q, t) || !isupper((unsigned char)q->d.text[q->d.tk.v[t].start]) ||
        is_pronoun(q->d.text + q->d.tk.v[t].start, q->d.tk.v[t].end - q->d.tk.v[t].start, &g) ||
        cl_tok_is(&q->d, t, "it"))
        return t; /* "We, on the other hand, will ..." */
    size_t c = t, lower = 0;
    for (; c < hi && c < t + 8; c++) {
        const px_token *k = &q->d.tk.v[c];
        const char *ks = q->d.text + k->start;
        size_t kl = k->end - k->start;
        if (k->kind == PX_TOK_PUNCT && ks[0] == ',')
            break;
        if (k->kind != PX_TOK_WORD && k->kind != PX_TOK_NUMBER)
            return t;
        if (in_person(q, c) || say_at(q, c) || cl_is_role_noun(ks, kl) ||
            cl_is_group_noun(ks, kl) || cl_is_document_noun(ks, kl) || cl_is_role_word(ks, kl))
            return t;
        /* a verb makes it a clause, not an introduction: "Vivendi has
         * rejected the charge, saying" */
        if (c > t && islower((unsigned char)ks[0]) &&
            (cl_in(ks, kl, verbs) || (kl > 4 && cl_eq(ks + kl - 2, 2, "ed"))))
            return t;
        lower += c > t && k->kind == PX_TOK_WORD && islower((unsigned char)ks[0]);
    }
    if (c >= hi || c >= t + 8 || c + 1 >= hi || !word_at(q, c + 1))
        return t;
    const char *fs = q->d.text + q->d.tk.v[t].start;
    size_t fl = q->d.tk.v[t].end - q->d.tk.v[t].start;
    /* the word after the opener must be one an introduction continues
     * with: a preposition or a word of time ("Hours later", "Early in",
     * "Eight years ago", "Tuesday at"), not a verb ("I apologise to") */
    static const char *const second[] = {
        "in", "at", "on", "after", "before", "during", "since", "from", "of", "for", "with",
        "by", "to", "into", "over", "under", "about", "around", "across", "later", "earlier",
        "ago", "that", "this", "last", "next", "years", "year", "months", "month", "weeks",
        "week", "days", "day", "hours", "hour", "minutes", "nights", "night", "times", NULL};
    if (lower && c > t + 1 && word_at(q, t + 1) &&
        (cl_tok_in(q->d.text, &q->d.tk.v[t + 1], second) ||
         (q->d.tk.v[t + 1].end - q->d.tk.v[t + 1].start > 4 &&
          cl_eq(q->d.text + q->d.tk.v[t + 1].end - 2, 2, "ly"))))
        return c + 1;
    if (c == t + 1 && (is_intro_word_any_case(q, t) || cl_is_calendar_word(fs, fl)))
        return c + 1;
    return t;
}

static size_t first_mention_from(const px_entity_list *l, size_t off);
static size_t first_mention_at(const px_entity_list *l, size_t off, int by_end);

/* The kind of the name the tagger found starting at token t, or -1. */
static int name_kind_at(const qscan *q, size_t t, size_t *end)
{
    size_t m = first_mention_from(q->people, q->d.tk.v[t].start);
    if (m >= q->people->n_mentions || q->people->mentions[m].start != q->d.tk.v[t].start)
        return -1;
    *end = q->people->mentions[m].end;
    return (int)q->people->v[q->people->mentions[m].entity].kind;
}

/* An introduction ending in a town at token t - 2 and its comma goes on
 * over the name of its state or country and the comma after it:
 * "Speaking in Salem, New Hampshire, the governor ...". Returns the token
 * after that comma, or t. */
static size_t after_place_and_comma(const qscan *q, size_t t, size_t hi)
{
    if (!q->people || t < 2 || t >= hi)
        return t;
    size_t town = first_mention_at(q->people, q->d.tk.v[t - 2].end, 1), end;
    if (town >= q->people->n_mentions || q->people->mentions[town].end != q->d.tk.v[t - 2].end ||
        q->people->v[q->people->mentions[town].entity].kind != PX_ENTITY_PLACE)
        return t;
    int kind = name_kind_at(q, t, &end);
    if (kind < 0 || kind == PX_ENTITY_PERSON) /* the tagger may call the state an org */
        return t;
    size_t c = cl_token_at(&q->d.tk, end);
    return c + 1 < hi && q->d.text[q->d.tk.v[c].start] == ',' ? c + 1 : t;
}

/* The subject of the clause starting at token lo, before token hi: the
 * noun phrase a sentence opens with, after an introduction ending in a
 * comma ("In an interview Thursday, the Wisconsin Republican criticized
 * ... and said"). The phrase runs through modifiers up to its head, the
 * first name, pronoun or role/group noun, and ends at the first lower-case
 * word after the head ("The Florida senator sought ..."). 1 when found. */
static int clause_subject(const qscan *q, size_t lo, size_t hi, size_t *s, size_t *e)
{
    static const char *const openers[] = {
        "but", "and", "so", "yet", "still", "however", "meanwhile", "instead", "now", "later",
        "then", "likewise", "similarly", "also", "additionally", "furthermore", "moreover",
        "indeed", "nevertheless", "nonetheless", "separately", "finally",
        "even", /* "Even before Sanders took the stage, his campaign ..." */ NULL};
    size_t t = lo;
    /* a dateline: "WASHINGTON, Dec. 8 (UPI) — ..." */
    if (word_at(q, t) && t + 1 < hi && q->d.text[q->d.tk.v[t + 1].start] == ',' &&
        all_caps(q->d.text + q->d.tk.v[t].start, q->d.tk.v[t].end - q->d.tk.v[t].start)) {
        size_t c = t + 2;
        while (c < hi && c < t + 14 && !(q->d.tk.v[c].kind == PX_TOK_PUNCT && is_dash(q, c)))
            c++;
        if (c < hi && c < t + 14)
            t = c + 1;
    }
    while (t < hi && (cl_tok_in(q->d.text, &q->d.tk.v[t], openers) ||
                      (q->d.tk.v[t].kind == PX_TOK_PUNCT && !cl_tok_quote(&q->d, t))))
        t++;
    /* introductions: prepositions, participles or subordinate clauses up
     * to their commas ("Once in my 20s, when my mother ..., I laughed") */
    for (int round = 0; round < 3 && word_at(q, t) && t < hi; round++) {
        size_t before = t;
        const px_token *f = &q->d.tk.v[t];
        const char *fs = q->d.text + f->start;
        size_t fl = f->end - f->start;
        px_gender g;
        /* static: the word-set registry keys a list by its address */
        static const char *const determiners[] = {"the", "a", "an", "his", "her", "their", NULL};
        static const char *const subordinators[] = {
            "though", "although", "while", "when", "if", "because", "since", "as", "after",
            "before", "unless", "until", "whereas", "once", "despite", "following", "amid",
            "during", "like", "unlike", "with", "without", "asked", "speaking", NULL};
        if (cl_in(fs, fl, subordinators) || (stopword_ci(fs, fl) && !is_pronoun(fs, fl, &g) &&
             !cl_eq(fs, fl, "it") &&
             !cl_in(fs, fl, determiners)) ||
            (fl > 3 && (cl_eq(fs + fl - 3, 3, "ing") || cl_eq(fs + fl - 2, 2, "ed")) &&
             !in_person(q, t))) { /* "Jared Potts said" opens with no participle */
            size_t c = t;
            while (c < hi && c < t + 20 && !(q->d.tk.v[c].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[c].start] == ','))
                c++;
            if (c >= hi || c >= t + 20)
                return 0;
            t = c + 1;
            /* the state after a town: "At a conference in Aspen, Colo., the
             * graduate ..." */
            if (t + 1 < hi && word_at(q, t) && q->d.text[q->d.tk.v[t].end - 1] == '.' &&
                isupper((unsigned char)q->d.text[q->d.tk.v[t].start]) &&
                q->d.text[q->d.tk.v[t + 1].start] == ',')
                t += 2;
            else
                t = after_place_and_comma(q, t, hi);
        }
        if (t == before)
            break;
    }
    t = skip_capital_intro(q, t, hi);
    /* an age before the name: "76-year-old Morton Blackwell" */
    int age = t < hi && q->d.tk.v[t].kind == PX_TOK_NUMBER &&
              (q->d.tk.v[t].flags & PX_TOKF_HYPHENATED) && word_at(q, t + 1);
    if (t >= hi || (!word_at(q, t) && !age))
        return 0;
    size_t i = t, head = (size_t)-1, fallback = (size_t)-1;
    px_gender g;
    const px_token *f = &q->d.tk.v[t];
    if (is_pronoun(q->d.text + f->start, f->end - f->start, &g) || cl_tok_is(&q->d, t, "it")) {
        *s = f->start;
        *e = f->end;
        return 1;
    }
    for (; i < hi && i < t + 12; i++) {
        const px_token *k = &q->d.tk.v[i];
        const char *ks = q->d.text + k->start;
        size_t kl = k->end - k->start;
        if (k->kind == PX_TOK_PUNCT && (ks[0] == '\'' || (unsigned char)ks[0] == 0xE2) && !cl_tok_quote(&q->d, i))
            continue; /* possessive */
        if (k->kind == PX_TOK_PUNCT && ks[0] == '(') { /* "(R-Tex.)" */
            size_t c = i;
            while (c < hi && c < i + 8 && q->d.text[q->d.tk.v[c].start] != ')')
                c++;
            if (c >= hi || q->d.text[q->d.tk.v[c].start] != ')')
                break;
            i = c;
            continue;
        }
        if (k->kind != PX_TOK_WORD && k->kind != PX_TOK_NUMBER &&
            !(k->kind == PX_TOK_PUNCT && ks[0] == '-'))
            break;
        int upper = isupper((unsigned char)ks[0]);
        int noun = cl_is_role_noun(ks, kl) || cl_is_group_noun(ks, kl) || cl_is_document_noun(ks, kl);
        if (!upper && head != (size_t)-1 && !noun)
            break; /* the verb after the head */
        if (!upper && head == (size_t)-1 && i > t + 1 && kl > 3 && cl_eq(ks + kl - 2, 2, "ed") &&
            word_at(q, i - 1)) {
            head = i - 1; /* "the council decided": a past-tense verb ends it */
            break;
        }
        static const char *const np_words[] = {"the", "a", "an", "his", "her", "their", "its", "of", NULL};
        if (!upper && (say_at(q, i) || (px_is_stopword("en", ks, kl) && !cl_in(ks, kl, np_words))))
            break;
        /* a capital opening the clause marks a name only when it is one
         * ("Good information spreads", "Eight years ago") */
        int opener_only = upper && i == t && !noun && !cl_is_role_word(ks, kl) &&
                          (!q->people || px_entities_at(q->people, k->start, k->end) < 0);
        if (opener_only)
            fallback = i; /* the head if no other turns up: "Respondents are" */
        else if ((upper && !stopword_ci(ks, kl)) || noun)
            head = i;
    }
    if (head == (size_t)-1) {
        /* an opener that is no name alone is no subject: a determiner
         * ("The rationale ... is"), a sentence adverb ("Typically") */
        static const char *const dets[] = {"the", "a", "an", "this", "that", "these", "those",
                                           "his", "her", "its", "their", NULL};
        if (fallback != (size_t)-1 && cl_tok_in(q->d.text, &q->d.tk.v[fallback], dets)) {
            /* a determiner takes the word after it: "A footnote in the
             * report says" -> "A footnote" */
            size_t n = fallback + 1;
            if (n >= hi || !word_at(q, n) || !islower((unsigned char)q->d.text[q->d.tk.v[n].start]) ||
                stopword_ci(q->d.text + q->d.tk.v[n].start, q->d.tk.v[n].end - q->d.tk.v[n].start))
                return 0;
            fallback = n;
        } else if (fallback != (size_t)-1 && is_intro_word_any_case(q, fallback)) {
            return 0;
        }
        head = fallback;
    }
    if (head == (size_t)-1)
        return 0;
    *s = q->d.tk.v[t].start;
    *e = q->d.tk.v[head].end;
    return plausible_np(q, *s, *e);
}

/* Cue before the quote in the same sentence: `Mayor Elena Voss said: “`,
 * `According to X, “`, `X told reporters that “`. Tokens [lo, t). */
/* An inverted cue set off by commas inside the sentence: `The hard part,
 * says Ana Ruiz, a historian, is that “...”`. The name after the verb
 * speaks, not the phrase before it. Bytes [*s, *e) when found. */
static int inverted_aside(const qscan *q, size_t v, size_t t, size_t *s, size_t *e)
{
    /* verbs whose object is the one spoken to: `X, who ..., told Reuters,
     * “...”` */
    static const char *const to_someone[] = {"told", "tell", "tells", "asked", "ask", "asks",
                                             "warned", "warns", "urged", "urges", NULL};
    if (v == 0 || q->d.tk.v[v - 1].kind != PX_TOK_PUNCT || q->d.text[q->d.tk.v[v - 1].start] != ',' ||
        cl_tok_in(q->d.text, &q->d.tk.v[v], to_someone) ||
        !word_at(q, v + 1) || !isupper((unsigned char)q->d.text[q->d.tk.v[v + 1].start]) ||
        !cl_phrase_after(&q->d, v + 1, t, s, e))
        return 0;
    size_t after = cl_token_at(&q->d.tk, *e);
    return after < t && q->d.tk.v[after].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[after].start] == ',';
}

static int cue_before(const qscan *q, size_t lo, size_t t, speaker *sp);
static int is_speech_noun(const qscan *q, size_t i);
static int can_speak(const qscan *q, size_t s, size_t e);

/* Is the clause whose subject starts at token k the content of a verb of
 * saying before it ("said he rarely asks ...", "saying he has ...",
 * "noting that she ...")? Then the quote in that clause is reported by
 * the verb's subject, whoever the pronoun stands for ("Blackwell endorsed
 * Cruz, saying he “has shown ...”" is Blackwell's). Sets *sp to that
 * subject; 1 when found, <0 on error. Tokens [lo, k). */
/* Is token i a participle of saying that reports the clause after it
 * ("saying he has ...", "noting that she ...")? */
static int saying_participle_at(const qscan *q, size_t i)
{
    static const char *const saying[] = {"saying", "noting", "adding", "arguing", "insisting",
                                         "explaining", "declaring", "claiming", "stating",
                                         "writing", "warning", "predicting", NULL};
    return i < q->d.tk.n && cl_tok_in(q->d.text, &q->d.tk.v[i], saying);
}

static int complement_speaker(const qscan *q, size_t lo, size_t k, speaker *sp)
{
    size_t v = k;
    if (v > lo && cl_tok_is(&q->d, v - 1, "that"))
        v--;
    if (v <= lo || !word_at(q, v - 1))
        return 0;
    v--;
    if (saying_participle_at(q, v)) {
        size_t s, e;
        if (!clause_subject(q, lo, v, &s, &e))
            return 0;
        sp->start = s;
        sp->end = e;
        sp->found = 1;
        return 1;
    }
    if (!say_at(q, v) || passive_say_at(q, v))
        return 0;
    speaker outer = {0};
    int r = cue_before(q, lo, v + 1, &outer);
    /* an aside the cue took for the subject ("X, 30, from Leuven, said he")
     * leaves the pronoun to its own resolution */
    if (r == 1 && outer.end <= q->d.tk.v[v].start && !isdigit((unsigned char)q->d.text[outer.start]) &&
        can_speak(q, outer.start, outer.end)) {
        free(sp->cue);
        *sp = outer;
        return 1;
    }
    free(outer.cue);
    return r < 0 ? r : 0;
}

/* "with Gorka noting the absurdity of “...”", "with one of her ads
 * asking, “...”": the phrase between "with" and a participle of saying
 * at token v speaks. 1 when found. Tokens [lo, v). */
static int with_participle(const qscan *q, size_t lo, size_t v, speaker *sp)
{
    static const char *const saying[] = {"saying", "noting", "asking", "adding", "arguing",
                                         "writing", "declaring", "warning", "insisting",
                                         "calling", "telling", "claiming", "yelling",
                                         "shouting", "tweeting", "replying", "responding",
                                         "joking", NULL};
    if (!cl_tok_in(q->d.text, &q->d.tk.v[v], saying))
        return 0;
    /* "with Trump reportedly yelling": the adverb is no part of the name */
    size_t ve = v;
    if (ve > lo + 1 && word_at(q, ve - 1) && islower((unsigned char)q->d.text[q->d.tk.v[ve - 1].start]) &&
        q->d.tk.v[ve - 1].end - q->d.tk.v[ve - 1].start > 4 &&
        cl_eq(q->d.text + q->d.tk.v[ve - 1].end - 2, 2, "ly"))
        ve--;
    for (size_t w = v; w-- > lo && w + 12 > v;) {
        if (!word_at(q, w))
            return 0;
        if (!cl_tok_is(&q->d, w, "with"))
            continue;
        if (w + 1 >= ve || !plausible_np(q, q->d.tk.v[w + 1].start, q->d.tk.v[ve - 1].end))
            return 0;
        sp->start = q->d.tk.v[w + 1].start;
        sp->end = q->d.tk.v[ve - 1].end;
        return set_cue(sp, q, v) ? PX_ENOMEM : 1;
    }
    return 0;
}

/* Words heard from someone the sentence's subject sees or hears: `he was
 * startled to see the players shouting and screaming: “...”` gives the
 * players, not the one who saw them. A participle of saying (or two
 * joined by `and`) right before the quote's colon or comma, a noun phrase
 * of at most five words before it, and a verb of perceiving before that.
 * t is the token of the quote's opening mark. */
static int perceived_speech(const qscan *q, size_t lo, size_t t, speaker *sp)
{
    static const char *const crying[] = {"saying", "shouting", "screaming", "yelling", "chanting",
                                         "crying", "asking", "singing", "calling", NULL};
    static const char *const perceive[] = {"see", "saw", "seen", "seeing", "hear", "heard",
                                           "hearing", "watch", "watched", "noticed", NULL};
    size_t v = t;
    while (v > lo && q->d.tk.v[v - 1].kind == PX_TOK_PUNCT && strchr(":,", q->d.text[q->d.tk.v[v - 1].start]))
        v--;
    if (v == t || v <= lo + 2 || !cl_tok_in(q->d.text, &q->d.tk.v[v - 1], crying))
        return 0;
    size_t pe = v - 1; /* the (last) participle */
    if (pe >= lo + 3 && cl_tok_is(&q->d, pe - 1, "and") && cl_tok_in(q->d.text, &q->d.tk.v[pe - 2], crying))
        pe -= 2;
    for (size_t w = pe; w-- > lo && w + 7 > pe;) {
        if (!word_at(q, w))
            return 0;
        if (!cl_tok_in(q->d.text, &q->d.tk.v[w], perceive))
            continue;
        if (w + 1 >= pe || !plausible_np(q, q->d.tk.v[w + 1].start, q->d.tk.v[pe - 1].end))
            return 0;
        sp->start = q->d.tk.v[w + 1].start;
        sp->end = q->d.tk.v[pe - 1].end;
        return set_cue(sp, q, pe) ? PX_ENOMEM : 1;
    }
    return 0;
}

static int cue_before(const qscan *q, size_t lo, size_t t, speaker *sp)
{
    for (size_t v = t; v-- > lo;) {
        int w = with_participle(q, lo, v, sp);
        if (w)
            return w;
        /* the one asking in a passive: "Rubio was asked by moderator
         * Gerard Baker whether ... “...”" */
        if ((cl_tok_is(&q->d, v, "asked") || cl_tok_is(&q->d, v, "questioned")) &&
            cl_tok_is(&q->d, v + 1, "by")) {
            /* the agent, up to the first lower-case word after its name:
             * "by moderator Tom Brandt whether ..." */
            size_t s, e;
            if (cl_phrase_after(&q->d, v + 2, t, &s, &e)) {
                size_t a = v + 2, te = cl_token_at(&q->d.tk, e), named = 0;
                for (; a < te; a++) {
                    int up = word_at(q, a) && isupper((unsigned char)q->d.text[q->d.tk.v[a].start]);
                    if (named && word_at(q, a) && !up)
                        break;
                    named |= up;
                }
                if (a > v + 2 && plausible_np(q, s, q->d.tk.v[a - 1].end)) {
                    sp->start = s;
                    sp->end = q->d.tk.v[a - 1].end;
                    return set_cue(sp, q, v) ? PX_ENOMEM : 1;
                }
            }
        }
        if (cl_tok_is(&q->d, v, "according") && cl_tok_is(&q->d, v + 1, "to")) {
            size_t s, e;
            if (cl_phrase_after(&q->d, v + 2, t, &s, &e)) {
                sp->start = s;
                sp->end = e;
                return set_cue(sp, q, v) ? PX_ENOMEM : 1;
            }
        }
        if (say_at(q, v) && cl_tok_is(&q->d, v + 1, "by")) {
            /* the agent of a passive, between `by` and `as`: `described by
             * one union as “...”`, `was described by Ana Ruiz as “...”` */
            size_t a = v + 2;
            while (a < t && a < v + 10 && word_at(q, a) && !cl_tok_is(&q->d, a, "as"))
                a++;
            if (a > v + 2 && a < t && cl_tok_is(&q->d, a, "as") &&
                plausible_np(q, q->d.tk.v[v + 2].start, q->d.tk.v[a - 1].end)) {
                sp->start = q->d.tk.v[v + 2].start;
                sp->end = q->d.tk.v[a - 1].end;
                return set_cue(sp, q, v) ? PX_ENOMEM : 1;
            }
        }
        if (say_at(q, v) && !passive_say_at(q, v)) {
            size_t s, e;
            if (inverted_aside(q, v, t, &s, &e)) {
                sp->start = s;
                sp->end = e;
                return set_cue(sp, q, v) ? PX_ENOMEM : 1;
            }
            if (cl_phrase_before(&q->d, lo, v, &s, &e) && (trim_front(q, &s, e), plausible_np(q, s, e)) &&
                !after_preposition(q, s, e, lo)) {
                /* "The senator said he rarely asks donors for help, “...”":
                 * a pronoun reported by a verb before it */
                px_gender g;
                size_t st = cl_token_at(&q->d.tk, s);
                if (is_pronoun(q->d.text + s, e - s, &g) && g) {
                    int r = complement_speaker(q, lo, st, sp);
                    if (r)
                        return r < 0 ? r : 1;
                }
                sp->start = s;
                sp->end = e;
                return set_cue(sp, q, v) ? PX_ENOMEM : 1;
            }
            /* "said Mayor Voss: “...”": the name runs up to the quote */
            if (cl_phrase_after(&q->d, v + 1, t, &s, &e) && plausible_np(q, s, e) &&
                cl_token_at(&q->d.tk, e) + 1 >= t && !is_speech_noun(q, cl_token_at(&q->d.tk, e) - 1)) {
                /* (not the object: "tweeted a warning. “...”") */
                sp->start = s;
                sp->end = e;
                return set_cue(sp, q, v) ? PX_ENOMEM : 1;
            }
            /* "X toured the town and said": the subject of the clause */
            if (clause_subject(q, lo, v, &s, &e)) {
                sp->start = s;
                sp->end = e;
                return set_cue(sp, q, v) ? PX_ENOMEM : 1;
            }
        }
    }
    return 0;
}

/* ---- resolving the speaker mention ----------------------------------------- */

static int is_pronoun(const char *s, size_t len, px_gender *g)
{
    if (cl_eq(s, len, "she") || cl_eq(s, len, "her")) {
        *g = PX_GENDER_FEMALE;
        return 1;
    }
    if (cl_eq(s, len, "he") || cl_eq(s, len, "him")) {
        *g = PX_GENDER_MALE;
        return 1;
    }
    if (cl_eq(s, len, "they") || cl_eq(s, len, "i") || cl_eq(s, len, "we")) {
        *g = PX_GENDER_UNKNOWN;
        return 1;
    }
    return 0;
}

/* Is there more than the tagger's word that the entity is a person: a
 * common given name, a role or title, or a second way of writing it (`Bamford` for `Martin Bamford`)? A caption or
 * an event the tagger took for a name (`Hide Caption`, `Bastille Day`)
 * has none, and a pronoun does not go to it. A name an earlier quote's
 * cue gave as its speaker (`said Daphne Burandé, 15`) is a person too. */
static int person_like(const qscan *q, size_t entity)
{
    const px_entity *e = &q->people->v[entity];
    const char *space = strchr(e->name, ' ');
    const char *last = strrchr(e->name, ' ');
    if (last && cl_is_group_noun(last + 1, strlen(last + 1)))
        return 0; /* `Transport Police`: a body, whatever the tagger says */
    int letters = 0;
    size_t nl = strlen(e->name);
    for (size_t i = 0, n = 1; i < nl && !letters; i += n)
        letters = tc_is_letter(tc_decode(e->name, nl, i, &n));
    if (!letters)
        return 0; /* punctuation the tagger took for a name (`.”`) */
    return !space || cl_given_name_gender(e->name, (size_t)(space - e->name)) || e->role ||
           e->variants.n > 1 || (q->spoke && q->spoke[entity]) ||
           (q->personish && q->personish[entity]);
}

static int role_word_at(const qscan *q, size_t i);

/* Is token t the comma opening asides that end right before a verb of
 * saying (`Martin Bamford, 30, from Croydon, said`)? At most three asides
 * of at most eight tokens each, or sixteen for one that opens with a
 * determiner or a role (`Euan Moss, director of the security program at
 * the Lowy Institute, told`): appositives run long. */
static int say_after_asides(const qscan *q, size_t t)
{
    for (int aside = 0; aside < 3; aside++) {
        if (t >= q->d.tk.n || q->d.tk.v[t].kind != PX_TOK_PUNCT || q->d.text[q->d.tk.v[t].start] != ',')
            return 0;
        static const char *const dets[] = {"a", "an", "the", NULL};
        size_t c = t + 1;
        size_t most = cl_tok_in(q->d.text, &q->d.tk.v[c < q->d.tk.n ? c : t], dets) || role_word_at(q, c)
                          ? 17
                          : 9;
        while (c < q->d.tk.n && c < t + most && !(q->d.tk.v[c].kind == PX_TOK_PUNCT && strchr(",.;:", q->d.text[q->d.tk.v[c].start])) &&
               !cl_tok_quote(&q->d, c))
            c++;
        if (c >= q->d.tk.n || q->d.text[q->d.tk.v[c].start] != ',')
            return 0;
        if (say_at(q, c + 1))
            return 1;
        t = c;
    }
    return 0;
}

static int saying_mention(const qscan *q, const px_mention *mn);

/* Marks the people named right before or after a verb of saying
 * (`Kudirat Okesola said her husband ...`, `said Daphne Burandé`): they
 * speak in the article, so a pronoun may stand for them. */
static void mark_saying_subjects(qscan *q)
{
    if (!q->spoke)
        return;
    for (size_t m = 0; m < q->people->n_mentions; m++) {
        if (saying_mention(q, &q->people->mentions[m]))
            q->spoke[q->people->mentions[m].entity] = 1;
    }
}

/* Is the word at token i a role noun, also as the last part of a
 * hyphenated word (`co-founder`)? */
static int role_word_at(const qscan *q, size_t i)
{
    if (i >= q->d.tk.n || q->d.tk.v[i].kind != PX_TOK_WORD)
        return 0;
    const char *w = q->d.text + q->d.tk.v[i].start;
    size_t len = q->d.tk.v[i].end - q->d.tk.v[i].start;
    const char *dash = memrchr(w, '-', len);
    if (dash && dash + 1 < w + len)
        len -= (size_t)(dash + 1 - w), w = dash + 1;
    return islower((unsigned char)w[0]) && cl_is_role_noun(w, len);
}

/* Is the lower-case word at token w a title between a team or body and
 * a full name (`Rovers midfielder Addo Kwarteng`, `Lowy analyst Tim
 * Moss`): a capitalised word before it, a noun of at least four letters
 * ending like a person's (-er, -or, -ist, -ian, -man; no function word,
 * verb of saying or -ing/-ed form), a name of two words or more after it? */
static int title_between_names(const qscan *q, size_t w, const px_mention *mn)
{
    const px_token *k = &q->d.tk.v[w], *b = &q->d.tk.v[w - 1];
    const char *ks = q->d.text + k->start;
    size_t kl = k->end - k->start;
    if (k->kind != PX_TOK_WORD || b->kind != PX_TOK_WORD || kl < 4 || !islower((unsigned char)ks[0]) ||
        memchr(ks, '-', kl) || cl_tok_is(&q->d, w - 1, "s") || /* `Pen's far-right National Front` */
        !isupper((unsigned char)q->d.text[b->start]) || !memchr(q->d.text + mn->start, ' ', mn->end - mn->start) ||
        stopword_ci(ks, kl) || say_at(q, w) || cl_eq(ks + kl - 2, 2, "ed") || cl_eq(ks + kl - 3, 3, "ing") ||
        cl_eq(ks + kl - 2, 2, "ly"))
        return 0;
    /* a noun for a person by its ending (`midfielder`, `defender`,
     * `novelist`, `guardian`), not `club`, `band` or `capital` */
    static const char *const agent[] = {"er", "or", "ist", "ian", "man", "woman", NULL};
    for (const char *const *a = agent; *a; a++) {
        size_t al = strlen(*a);
        if (kl > al + 2 && cl_eq(ks + kl - al, al, *a))
            return 1;
    }
    return 0;
}

/* Is the mention written the way a person is, whatever kind the tagger
 * gave its name: a role noun right before it (`party analyst Tim Moss`),
 * a title between a team and a full name (`Rovers midfielder Addo
 * Kwarteng`), or right after its comma a relative `who` or an appositive whose first
 * words hold a role (`Tim Moss, who`, `Tim Moss, co-founder of`, `Tim
 * Moss, a former aide to`)? */
static int written_as_person(const qscan *q, const px_mention *mn)
{
    static const char *const dets[] = {"the", "a", "an", NULL};
    static const char *const plural[] = {"are", "were", "have", NULL};
    size_t before = cl_token_at(&q->d.tk, mn->role_start);
    if (before > 0 && cl_tok_in(q->d.text, &q->d.tk.v[before - 1], dets))
        return 0; /* `the Ohio Republican, who`: a description, no name */
    if (before > 0 && role_word_at(q, before - 1))
        return 1;
    if (before > 1 && title_between_names(q, before - 1, mn))
        return 1;
    size_t c = cl_token_at(&q->d.tk, mn->end);
    if (mn->possessive || c + 2 >= q->d.tk.n || q->d.tk.v[c].kind != PX_TOK_PUNCT ||
        q->d.text[q->d.tk.v[c].start] != ',')
        return 0;
    if (cl_tok_is(&q->d, c + 1, "who"))
        return !cl_tok_in(q->d.text, &q->d.tk.v[c + 2], plural); /* `Lapps, who are` */
    for (size_t t = c + 1; t < c + 4 && t < q->d.tk.n && q->d.tk.v[t].kind == PX_TOK_WORD; t++) {
        if (role_word_at(q, t))
            return 1;
        if (!islower((unsigned char)q->d.text[q->d.tk.v[t].start]) &&
            !ispunct((unsigned char)q->d.text[q->d.tk.v[t].start]))
            return 0;
    }
    return 0;
}

/* Indexes the people by the last word of their names (`Kelly` for `Brian
 * Kelly`), once per article, so a surname is looked up in constant time.
 * PX_ENOMEM when out of memory. */
static int index_surnames(qscan *q)
{
    const px_entity_list *l = q->people;
    if (!l->n)
        return PX_OK;
    if (!(q->surname_owner = malloc(l->n * sizeof *q->surname_owner)))
        return PX_ENOMEM;
    for (size_t j = 0; j < l->n; j++) {
        const char *o = l->v[j].name, *sp = strrchr(o, ' ');
        if (l->v[j].kind != PX_ENTITY_PERSON || !sp || !sp[1])
            continue;
        int added;
        uint32_t id = px_map_intern(&q->surnames, sp + 1, strlen(sp + 1), &added);
        if (id == PX_MAP_NONE)
            return PX_ENOMEM;
        q->surname_owner[id] = added ? (long)j : -1; /* two people share it: no telling */
    }
    return PX_OK;
}

/* The person entity whose name ends in the one word name[0..len), when
 * only one does; else -1. */
static long surname_owner(const qscan *q, const char *name, size_t len)
{
    uint32_t id = q->surname_owner ? px_map_find(&q->surnames, name, len) : PX_MAP_NONE;
    return id == PX_MAP_NONE ? -1 : q->surname_owner[id];
}

/* Marks the names the article writes as a person's (written_as_person),
 * whatever kind the tagger gave them (a person of the tagger so marked is
 * one more than in its word: person_like), and maps a one-word name of another kind
 * to the person of the article it is the surname of (`Kelly said` after
 * `Brian Kelly`): a pronoun may stand for them, and they speak as people.
 * Places stay places. */
static void mark_personish(qscan *q)
{
    if (!q->personish || !q->surname_of)
        return;
    const px_entity_list *l = q->people;
    for (size_t i = 0; i < l->n; i++)
        q->surname_of[i] = l->v[i].kind != PX_ENTITY_PERSON && l->v[i].kind != PX_ENTITY_PLACE &&
                                   !strchr(l->v[i].name, ' ')
                               ? surname_owner(q, l->v[i].name, strlen(l->v[i].name))
                               : -1;
    for (size_t m = 0; m < l->n_mentions; m++) {
        const px_mention *mn = &l->mentions[m];
        px_entity_kind k = l->v[mn->entity].kind;
        if (k != PX_ENTITY_PLACE && written_as_person(q, mn))
            q->personish[mn->entity] = 1;
    }
}

/* The person of the article whose surname is the one word s[0..len), or
 * -1 (see surname_owner). */
static long person_by_surname(const qscan *q, const char *s, size_t len)
{
    return q->people && !memchr(s, ' ', len) ? surname_owner(q, s, len) : -1;
}

/* Does the entity speak as a person: the tagger's person, or a name the
 * article writes as one (mark_personish)? */
static int is_person(const qscan *q, size_t entity)
{
    return q->people->v[entity].kind == PX_ENTITY_PERSON || (q->personish && q->personish[entity]);
}

/* Is the mention right before or after a verb of saying, also across
 * asides (`Nam Lee, an expert at X, said`, `said Nam Lee`): the one who
 * speaks in its sentence? */
static int saying_mention(const qscan *q, const px_mention *mn)
{
    size_t after = cl_token_at(&q->d.tk, mn->end), before = cl_token_at(&q->d.tk, mn->role_start);
    return (after < q->d.tk.n && say_at(q, after)) || (before > 0 && say_at(q, before - 1)) ||
           say_after_asides(q, after);
}

/* The one who speaks in an earlier sentence, for a pronoun after it: a
 * name right before its verb of saying, also across asides or an adverb
 * (`Moss also said`), or right after an inverted one (`, said Tim Moss`),
 * but not the subject of a reported clause (`said that Moss shows`) nor
 * the object of a verb with its own subject (`he said Moss`). */
static int sentence_speaker(const qscan *q, const px_mention *mn)
{
    size_t before = cl_token_at(&q->d.tk, mn->role_start);
    if (mn->possessive || (before > 0 && cl_tok_is(&q->d, before - 1, "that")))
        return 0;
    if (before > 1 && say_at(q, before - 1))
        return q->d.tk.v[before - 2].kind == PX_TOK_PUNCT;
    size_t after = cl_token_at(&q->d.tk, mn->end);
    if (after + 1 < q->d.tk.n && q->d.tk.v[after].kind == PX_TOK_WORD) {
        const char *w = q->d.text + q->d.tk.v[after].start;
        size_t wl = q->d.tk.v[after].end - q->d.tk.v[after].start;
        if ((cl_eq(w, wl, "also") || ly_adverb(w, wl)) &&
            say_at(q, after + 1))
            return 1;
    }
    return (after < q->d.tk.n && say_at(q, after)) || say_after_asides(q, after);
}

/* Is byte off inside a quoted piece? A name in quoted words belongs to
 * the speaker's words, not the narration a later pronoun goes on with. */
static int in_quoted(const qscan *q, size_t off)
{
    size_t lo = 0, hi = q->np;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (q->p[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < q->np && q->p[lo].start <= off;
}

/* Is the mention the object of a preposition, over at most five words
 * that describe it (`a booster of 2012 nominee Tim Moss`, `with Moss`)?
 * Such a name is no subject a later pronoun goes on about. Not the agent
 * of a passive (`backed by Moss`), nor a topic opening the sentence (`As
 * for Moss, he`, `For Moss, a retiree, ...`). */
static int object_of_preposition(const qscan *q, const px_mention *mn)
{
    static const char *const preps[] = {"of", "for", "with", "to", "about", "against", "on",
                                        "at", "from", "toward", "towards", NULL};
    static const char *const coordinators[] = {"and", "or", "nor", NULL};
    static const char *const aux[] = {"has", "had", "have", "is", "was", "will", "would", "could", NULL};
    size_t t = cl_token_at(&q->d.tk, mn->role_start);
    size_t lo = q->d.ss.n ? cl_token_at(&q->d.tk, q->d.ss.v[cl_sentence_at(&q->d.ss, mn->start)].start) : 0;
    /* a verb right after the name (`a win at Carrow Road and Keegan
     * sympathised`) */
    int verb_after = 0;
    size_t v = cl_token_at(&q->d.tk, mn->end);
    if (!mn->possessive && v < q->d.tk.n && q->d.tk.v[v].kind == PX_TOK_WORD &&
        islower((unsigned char)q->d.text[q->d.tk.v[v].start])) {
        const char *w = q->d.text + q->d.tk.v[v].start;
        size_t wl = q->d.tk.v[v].end - q->d.tk.v[v].start;
        verb_after = (wl > 3 && cl_eq(w + wl - 2, 2, "ed")) || say_at(q, v) ||
                     cl_tok_in(q->d.text, &q->d.tk.v[v], aux);
    }
    static const char *const clause_words[] = {"and", "but", "or", "nor", "while", "as", "when", "because",
                                               "that", "who", "which", "where", NULL};
    for (size_t n = 0; t > lo && n < 6; n++) {
        const px_token *k = &q->d.tk.v[--t];
        /* `and` between names joins them (`the likes of Ann Wood and Tim
         * Moss`), unless a verb follows (`a win at Carrow Road and Moss
         * sympathised`); after another word it opens a clause (`... from
         * two goals down and Moss sympathised`) */
        if (cl_tok_in(q->d.text, k, coordinators) && t > lo && q->d.tk.v[t - 1].kind == PX_TOK_WORD &&
            isupper((unsigned char)q->d.text[q->d.tk.v[t - 1].start]) && !verb_after)
            continue;
        if (k->kind == PX_TOK_PUNCT || cl_tok_in(q->d.text, k, clause_words))
            return 0;
        if (cl_tok_in(q->d.text, k, preps))
            return t > lo + 1;
    }
    return 0;
}

/* The first mention whose start (or, with by_end, whose end) is at or
 * after byte off: mentions are in text order and do not overlap, so their
 * ends are in order too, and a sentence's mentions are found without
 * scanning the article's. */
static size_t first_mention_at(const px_entity_list *l, size_t off, int by_end)
{
    size_t lo = 0, hi = l->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((by_end ? l->mentions[mid].end : l->mentions[mid].start) < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t first_mention_from(const px_entity_list *l, size_t off)
{
    return first_mention_at(l, off, 0);
}

static size_t first_mention_ending_from(const px_entity_list *l, size_t off)
{
    return first_mention_at(l, off, 1);
}

static int clause_subject(const qscan *q, size_t lo, size_t hi, size_t *s, size_t *e);

/* The entity's gender: the one the entity extractor found, else the one
 * its given name has (`Joe Scarborough`), else none. */
static px_gender entity_gender(const qscan *q, size_t entity)
{
    const px_entity *e = &q->people->v[entity];
    if (e->gender)
        return e->gender;
    const char *space = strchr(e->name, ' ');
    return space ? (px_gender)cl_given_name_gender(e->name, (size_t)(space - e->name)) : 0;
}

/* Is the mention inside a relative clause of its sentence (`Citing the
 * deal, which Mr. Stone opposed, he said`): after a comma and `which`,
 * `who`, `whom` or `whose`, with no comma between? Such a name is no
 * subject a later pronoun stands for. */
static int in_relative_clause(const qscan *q, const px_mention *mn, size_t sentence_start)
{
    static const char *const rel[] = {"which", "who", "whom", "whose", NULL};
    size_t lo = cl_token_at(&q->d.tk, sentence_start);
    for (size_t t = cl_token_at(&q->d.tk, mn->role_start); t-- > lo;) {
        const px_token *k = &q->d.tk.v[t];
        if (k->kind == PX_TOK_PUNCT && q->d.text[k->start] == ',')
            return 0;
        if (cl_tok_in(q->d.text, k, rel))
            return t > lo && q->d.tk.v[t - 1].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[t - 1].start] == ',';
    }
    return 0;
}

/* The subject of sentence si when it is a he/she (of gender g when g is
 * set): its other names are objects, and the pronoun goes on about someone
 * named earlier (`She feels for the keepers of Bo. / “...,” she said`). */
static int pronoun_subject(const qscan *q, size_t si, px_gender g)
{
    size_t lo = cl_token_at(&q->d.tk, q->d.ss.v[si].start);
    size_t hi = cl_token_at(&q->d.tk, q->d.ss.v[si].end);
    size_t s, e;
    px_gender pg;
    return lo < hi && !cl_tok_quote(&q->d, lo) && clause_subject(q, lo, hi, &s, &e) &&
           is_pronoun(q->d.text + s, e - s, &pg) && pg && (!g || pg == g);
}

/* Does the role phrase opening at token t point back at someone named
 * before (`the candidate`, `his spokesman`)? `a spokesman`, `Taliban
 * spokesman` bring someone in. */
static int points_back(const qscan *q, size_t t)
{
    static const char *const back_dets[] = {"the", "this", "that", "his", "her", "their", "its", NULL};
    return cl_tok_in(q->d.text, &q->d.tk.v[t], back_dets);
}

/* The subject of sentence si when it is an unnamed role reporting
 * something (`A ministry spokesman in Berlin said the attack was over.`):
 * a lower-case role noun heads the phrase, a verb of saying follows it
 * (across at most five words), no definite determiner or possessive opens it, and its gender, when the
 * noun gives one, fits g. Sets [*rs, *re). */
static int role_subject(const qscan *q, size_t si, px_gender g, size_t *rs, size_t *re)
{
    size_t lo = cl_token_at(&q->d.tk, q->d.ss.v[si].start);
    size_t hi = cl_token_at(&q->d.tk, q->d.ss.v[si].end);
    size_t s, e;
    if (lo >= hi || cl_tok_quote(&q->d, lo) || !clause_subject(q, lo, hi, &s, &e))
        return 0;
    size_t h = cl_token_at(&q->d.tk, e), v = h;
    /* the verb may follow a phrase of place or party: `A spokesman in
     * Berlin said` */
    while (v < hi && v < h + 6 && q->d.tk.v[v].kind == PX_TOK_WORD && !say_at(q, v))
        v++;
    if (h == 0 || !role_word_at(q, h - 1) || q->d.tk.v[h - 1].end != e || v >= hi || !say_at(q, v))
        return 0;
    if (points_back(q, cl_token_at(&q->d.tk, s)))
        return 0;
    const char *w = q->d.text + q->d.tk.v[h - 1].start;
    size_t wl = e - q->d.tk.v[h - 1].start;
    if (g && wl > 5 && ((g == PX_GENDER_MALE && cl_eq(w + wl - 5, 5, "woman")) ||
                        (g == PX_GENDER_FEMALE && wl > 3 && cl_eq(w + wl - 3, 3, "man") &&
                         !cl_eq(w + wl - 5, 5, "woman"))))
        return 0;
    *rs = s;
    *re = e;
    return 1;
}

/* The nearest person mentioned before off whose gender fits: earlier in
 * the same sentence (not inside a relative clause), then in each earlier
 * sentence the one who speaks there (a name next to its verb of saying:
 * `Kim may slow down, said Nam Lee.`), else its first person that is no
 * possessive nor the object of a preposition, else its first, at most
 * twenty sentences back. An earlier sentence whose subject is the
 * same pronoun is skipped (its names are objects); one whose subject is
 * an unnamed role that reports (role_subject) stops the search: -2, the
 * role at [*rs, *re). */
static long nearest_person(const qscan *q, size_t off, px_gender g, size_t quote_start,
                           size_t quote_end, size_t *rs, size_t *re)
{
    const px_entity_list *l = q->people;
    if (!l || !l->n_mentions)
        return -1;
    size_t s = cl_sentence_at(&q->d.ss, off);
    for (size_t back = 0; back <= 20 && back <= s; back++) {
        size_t si = s - back;
        size_t a = q->d.ss.n ? q->d.ss.v[si].start : 0, b = q->d.ss.n ? q->d.ss.v[si].end : q->d.len;
        /* a sentence whose subject is the pronoun: only its speaker, if
         * any (`While Kim ..., he is unlikely to ..., said Tim Moss.`) */
        int only_speaker = back > 0 && q->d.ss.n && pronoun_subject(q, si, g);
        if (back == 0)
            b = off;
        long best = -1;
        int best_poss = 1, best_says = 0;
        for (size_t m = first_mention_from(l, a); m < l->n_mentions && l->mentions[m].start < b; m++) {
            const px_mention *mn = &l->mentions[m];
            if ((mn->start >= quote_start && mn->end <= quote_end) || (g && in_quoted(q, mn->start)))
                continue; /* named inside the quote itself, or (for a he or she) another */
            if (!is_person(q, mn->entity) || !person_like(q, mn->entity))
                continue;
            px_gender eg = entity_gender(q, mn->entity);
            if (g && eg && eg != g)
                continue;
            /* same sentence: the nearest outside a relative clause;
             * earlier ones: the one who speaks, else the first
             * non-possessive (the subject) */
            if (back == 0) {
                if (!in_relative_clause(q, mn, a))
                    best = (long)mn->entity;
                continue;
            }
            int says = sentence_speaker(q, mn);
            if (only_speaker && !says)
                continue;
            int poss = mn->possessive || object_of_preposition(q, mn);
            if (best < 0 || (says && !best_says) || (!best_says && best_poss && !poss)) {
                best = (long)mn->entity;
                best_poss = poss;
                best_says = says;
            }
        }
        if (best >= 0)
            return best;
        if (back > 0 && q->d.ss.n && role_subject(q, si, g, rs, re))
            return -2;
    }
    return -1;
}

/* Does a sentence starting in [a, b), outside any quote, have a subject
 * other than a pronoun or a mention of entity p (`The Australian has
 * suffered ...`, `However, the England coach added`)? Then a later
 * pronoun may stand for that subject. */
static int other_subject_between(const qscan *q, size_t a, size_t b, size_t p)
{
    for (size_t si = cl_sentence_at(&q->d.ss, a) + 1; si < q->d.ss.n && q->d.ss.v[si].start < b; si++) {
        size_t lo = cl_token_at(&q->d.tk, q->d.ss.v[si].start);
        size_t hi = cl_token_at(&q->d.tk, q->d.ss.v[si].end);
        size_t s, e;
        px_gender g;
        if (lo >= hi || cl_tok_quote(&q->d, lo) || !clause_subject(q, lo, hi, &s, &e) ||
            is_pronoun(q->d.text + s, e - s, &g))
            continue;
        long ent = px_entities_at(q->people, s, e);
        if (ent < 0 || (size_t)ent != p)
            return 1;
    }
    return 0;
}

/* The person who spoke the quote before byte off, when a pronoun there
 * stands for them: `“...,” Tenney said. “...” She added`. Only when no
 * other person whose gender fits is named in between (other than as the
 * object of a preposition, inside quoted words, or in a sentence whose
 * subject is the same pronoun: `She met Bo there.`) and
 * the quote is at most 60 words back; else -1. */
static long previous_speaker(const qscan *q, size_t off, px_gender g, const px_quote *cur)
{
    if (!q->people || !q->out)
        return -1;
    const px_quote *prev = NULL;
    for (size_t i = q->out->n; i-- > 0 && !prev;) {
        const px_quote *x = &q->out->v[i];
        /* a quote nobody was found for stands for no one: look further */
        if (x != cur && x->end <= off && (x->kind != PX_QUOTE_TERM || x->cue) && x->speaker)
            prev = x;
    }
    if (!prev || prev->speaker_kind != PX_SPEAKER_PERSON || prev->speaker_entity < 0 ||
        count_words(q->d.text + prev->end, off - prev->end) > 60)
        return -1;
    size_t p = (size_t)prev->speaker_entity;
    if (g && entity_gender(q, p) && entity_gender(q, p) != g)
        return -1;
    if (other_subject_between(q, prev->end, off < cur->start ? off : cur->start, p))
        return -1;
    for (size_t m = first_mention_from(q->people, prev->end); m < q->people->n_mentions; m++) {
        const px_mention *mn = &q->people->mentions[m];
        if (mn->start >= cur->start && mn->end <= cur->end)
            continue;
        if (mn->start >= off)
            break;
        px_gender eg = entity_gender(q, mn->entity);
        if (mn->entity != p && is_person(q, mn->entity) && person_like(q, mn->entity) &&
            !(g && in_quoted(q, mn->start)) && !object_of_preposition(q, mn) &&
            !(g && eg && eg != g) &&
            !(q->d.ss.n && cl_sentence_at(&q->d.ss, mn->start) < cl_sentence_at(&q->d.ss, off) &&
              pronoun_subject(q, cl_sentence_at(&q->d.ss, mn->start), g) && !sentence_speaker(q, mn)))
            return -1; /* someone else the pronoun may stand for */
    }
    return (long)p;
}

/* An unnamed role that spoke the quote just before, with no person
 * named since (`“...,” said a club official, who declined to be named.
 * “...,” he added.`): the pronoun goes on about it (not after `the
 * coach`, which points back at someone named before). Sets [*rs, *re) to
 * the role's mention; 1 when found. */
static int previous_role(const qscan *q, size_t off, const px_quote *cur, size_t *rs, size_t *re)
{
    if (!q->people || !q->out)
        return 0;
    const px_quote *prev = NULL;
    for (size_t i = q->out->n; i-- > 0 && !prev;) {
        const px_quote *x = &q->out->v[i];
        if (x != cur && x->end <= off && (x->kind != PX_QUOTE_TERM || x->cue) && x->speaker)
            prev = x;
    }
    if (!prev || prev->speaker_kind != PX_SPEAKER_PERSON || prev->speaker_entity >= 0 ||
        prev->mention_end <= prev->mention_start || prev->mention_start < prev->end ||
        count_words(q->d.text + prev->end, off - prev->end) > 30 ||
        is_pronoun(q->d.text + prev->mention_start, prev->mention_end - prev->mention_start, &(px_gender){0}) ||
        points_back(q, cl_token_at(&q->d.tk, prev->mention_start)))
        return 0;
    for (size_t m = first_mention_from(q->people, prev->end); m < q->people->n_mentions; m++) {
        const px_mention *mn = &q->people->mentions[m];
        if (mn->start >= off)
            break;
        if (is_person(q, mn->entity) && !in_quoted(q, mn->start))
            return 0; /* someone named since */
    }
    *rs = prev->mention_start;
    *re = prev->mention_end;
    return 1;
}

/* A person whose role contains the role noun ("press secretary" ->
 * "Press Secretary"), or -1. */
static long person_with_role(const qscan *q, const char *noun, size_t len)
{
    if (!q->roles)
        return -1;
    char *n = cl_lower(noun, len);
    long found = -1;
    for (size_t i = 0; n && found < 0 && i < q->people->n; i++)
        if (q->roles[i] && strstr(q->roles[i], n) != NULL)
            found = (long)i;
    free(n);
    return found;
}

/* The roles of the people, in lower case (NULL for an entity that is no
 * person or has none), made once: person_with_role is asked for every
 * quote whose speaker is a role, on a long text thousands of times. */
static int lower_roles(qscan *q)
{
    if (!q->people->n)
        return PX_OK;
    if (!(q->roles = calloc(q->people->n, sizeof *q->roles)))
        return PX_ENOMEM;
    for (size_t i = 0; i < q->people->n; i++) {
        const px_entity *e = &q->people->v[i];
        if (e->kind == PX_ENTITY_PERSON && e->role && !(q->roles[i] = cl_lower(e->role, strlen(e->role))))
            return PX_ENOMEM;
    }
    return PX_OK;
}

/* Where the name ending the phrase s[0..len) starts, when its last word
 * is capitalised and every word before the capitalised run is in lower
 * case: those words ("twisted Al-Adnani", "the embattled Smith") describe
 * the speaker and are not its name; else 0. Lower-case particles inside
 * a name ("Secretary of State", "Ursula von der Leyen") stay. */
static size_t name_run_start(const char *s, size_t len)
{
    static const char *const particles[] = {"of", "de", "del", "der", "da", "di", "du", "la", "le",
                                            "van", "von", "al", "bin", "ibn", "and", "&", NULL};
    size_t start = len, run = len;
    while (start > 0) {
        size_t we = start;
        while (we > 0 && isspace((unsigned char)s[we - 1]))
            we--;
        size_t ws = we;
        while (ws > 0 && !isspace((unsigned char)s[ws - 1]))
            ws--;
        if (ws == we)
            break;
        if (isupper((unsigned char)s[ws]) || (unsigned char)s[ws] >= 0x80)
            run = ws;
        else if (!cl_in(s + ws, we - ws, particles))
            break;
        start = ws;
    }
    if (run == len)
        return 0;
    for (size_t i = 0; i < run; i++)
        if ((i == 0 || isspace((unsigned char)s[i - 1])) && !islower((unsigned char)s[i]))
            return 0; /* a name before the run: "Priebus later Thursday" */
    return run;
}

/* The mention (an index into the mentions) of the organisation the
 * sentence before byte off credits (`according to X`), else of the one
 * opening its subject, or -1. */
static long organisation_before(const qscan *q, size_t off)
{
    size_t si = q->d.ss.n ? cl_sentence_at(&q->d.ss, off) : 0;
    if (!q->people || !q->d.ss.n || si == 0)
        return -1;
    size_t lo = cl_token_at(&q->d.tk, q->d.ss.v[si - 1].start);
    size_t hi = cl_token_at(&q->d.tk, q->d.ss.v[si - 1].end);
    size_t s, e;
    /* the one the sentence credits comes first: `..., according to the
     * SITE group. It said` */
    for (size_t t = lo; t + 2 < hi; t++) {
        if (!cl_tok_is(&q->d, t, "according") || !cl_tok_is(&q->d, t + 1, "to"))
            continue;
        size_t m = first_mention_from(q->people, q->d.tk.v[t + 2].start);
        if (m < q->people->n_mentions && q->people->mentions[m].start < q->d.tk.v[t + 2].end + 8 &&
            q->people->v[q->people->mentions[m].entity].kind == PX_ENTITY_ORG)
            return (long)m;
    }
    if (lo >= hi || cl_tok_quote(&q->d, lo) || !clause_subject(q, lo, hi, &s, &e))
        return -1;
    size_t m = first_mention_from(q->people, s);
    if (m >= q->people->n_mentions || q->people->mentions[m].start >= e ||
        q->people->v[q->people->mentions[m].entity].kind != PX_ENTITY_ORG)
        return -1;
    return (long)m;
}

/* The person named in an appositive right after byte off (`The rebels'
 * spokesman, Ali Noor, said`): a comma, then a person's name, then a
 * comma or a verb of saying; else -1. */
static long appositive_person(const qscan *q, size_t off)
{
    size_t c = cl_token_at(&q->d.tk, off);
    if (!q->people || c + 1 >= q->d.tk.n || q->d.tk.v[c].kind != PX_TOK_PUNCT || q->d.text[q->d.tk.v[c].start] != ',')
        return -1;
    size_t m = first_mention_from(q->people, q->d.tk.v[c + 1].start);
    if (m >= q->people->n_mentions || q->people->mentions[m].role_start != q->d.tk.v[c + 1].start ||
        !is_person(q, q->people->mentions[m].entity))
        return -1;
    size_t after = cl_token_at(&q->d.tk, q->people->mentions[m].end);
    if (after >= q->d.tk.n || !((q->d.tk.v[after].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[after].start] == ',') ||
                                say_at(q, after)))
        return -1;
    return (long)q->people->mentions[m].entity;
}

static int resolve_speaker(qscan *q, const speaker *sp, px_quote *out)
{
    const char *s = q->d.text + sp->start;
    size_t len = sp->end - sp->start;
    out->mention_start = sp->start;
    out->mention_end = sp->end;
    px_gender g;
    long org = cl_eq(s, len, "it") ? organisation_before(q, sp->start) : -1;
    if (org >= 0 && (q->last_thing < 0 || q->out->v[q->last_thing].end < q->people->mentions[org].start)) {
        /* an organisation that is the subject of the sentence before,
         * nearer than the last one that spoke: `The Wildlife League
         * said zoos must change. It said on Twitter that “...”` */
        const px_entity *e = &q->people->v[q->people->mentions[org].entity];
        out->speaker_kind = PX_SPEAKER_ORG;
        out->speaker_entity = (long)q->people->mentions[org].entity;
        out->speaker = px_strdup(e->name);
        return out->speaker ? PX_OK : PX_ENOMEM;
    }
    if (cl_eq(s, len, "it") && q->last_thing >= 0) {
        const px_quote *prev = &q->out->v[q->last_thing];
        out->speaker_kind = prev->speaker_kind;
        out->speaker_entity = prev->speaker_entity;
        out->speaker = px_strdup(prev->speaker);
        return out->speaker ? PX_OK : PX_ENOMEM;
    }
    /* "his" only comes from a possessive speaker ("his warning that") */
    if (is_pronoun(s, len, &g) || (cl_eq(s, len, "his") && (g = PX_GENDER_MALE))) {
        long e = previous_speaker(q, sp->start, g, out);
        size_t rs = 0, re = 0;
        if (e < 0)
            e = previous_role(q, sp->start, out, &rs, &re)
                    ? -2
                    : nearest_person(q, sp->start, g, out->start, out->end, &rs, &re);
        if (e == -2) {
            /* an unnamed role reported just before: the pronoun is it,
             * and stays the mention */
            speaker role = {.start = rs, .end = re, .found = 1};
            int rc = resolve_speaker(q, &role, out);
            out->mention_start = sp->start;
            out->mention_end = sp->end;
            return rc;
        }
        if (e >= 0) {
            out->speaker_entity = e;
            out->speaker_kind = PX_SPEAKER_PERSON;
            out->speaker = px_strdup(q->people->v[e].name);
            return out->speaker ? PX_OK : PX_ENOMEM;
        }
        out->speaker_kind = cl_eq(s, len, "they") || cl_eq(s, len, "we") ? PX_SPEAKER_GROUP
                                                                           : PX_SPEAKER_PERSON;
        out->speaker = cl_squeeze(s, len);
        return out->speaker ? PX_OK : PX_ENOMEM;
    }
    /* the head of "the draft letter from Harris' campaign" ends before
     * its first preposition */
    static const char *const preps[] = {"from", "of", "by", "with", "to", "for", "at", "in", NULL};
    size_t full_len = len;
    for (size_t i = 1; i < len; i++)
        if (isspace((unsigned char)s[i - 1]) && !isspace((unsigned char)s[i])) {
            size_t w = strcspn(s + i, " \t\n");
            if (i + w <= len && cl_in(s + i, w, preps)) {
                len = i - 1;
                break;
            }
        }
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    size_t name_at = name_run_start(s, len);
    s += name_at;
    len -= name_at;
    full_len -= name_at;
    size_t base = sp->start + name_at;
    out->mention_start = base;
    long ent = q->people ? px_entities_at(q->people, base, base + len) : -1;
    /* a person named inside the phrase is its head, not a place or an
     * organisation before the title: "New Jersey Gov. Chris Christie" */
    if (ent >= 0 && q->people->v[ent].kind != PX_ENTITY_PERSON) {
        long person = -1;
        for (size_t m = first_mention_from(q->people, base); m < q->people->n_mentions; m++) {
            const px_mention *mn = &q->people->mentions[m];
            if (mn->start >= base + len)
                break;
            if (mn->start >= base && !mn->possessive &&
                q->people->v[mn->entity].kind == PX_ENTITY_PERSON)
                person = (long)mn->entity;
        }
        if (person >= 0)
            ent = person;
    }
    /* head noun: the last word of the phrase */
    int named_modifier = 0;
    size_t h = len;
    while (h > 0 && !isspace((unsigned char)s[h - 1]))
        h--;
    const char *head = s + h;
    size_t head_len = len - h;
    /* a name modifying a lower-case head is not the speaker: "the German
     * foreign ministry", "the Chicago police" */
    if (ent >= 0 && q->people->v[ent].kind != PX_ENTITY_PERSON && islower((unsigned char)head[0]) &&
        px_entities_at(q->people, base + h, base + len) < 0) {
        ent = -1;
        named_modifier = 1;
    }
    if (cl_is_document_noun(head, head_len)) {
        out->speaker_kind = PX_SPEAKER_DOCUMENT;
        out->speaker = cl_squeeze(s, len);
        return out->speaker ? PX_OK : PX_ENOMEM;
    }
    if (islower((unsigned char)head[0]) && cl_is_role_noun(head, head_len)) {
        /* "the press secretary" -> the person named right after it, or
         * holding the role */
        size_t mod = h;
        while (mod > 0 && isspace((unsigned char)s[mod - 1]))
            mod--;
        size_t ms = mod;
        while (ms > 0 && !isspace((unsigned char)s[ms - 1]))
            ms--;
        long e = appositive_person(q, sp->end);
        if (e < 0 && ms < mod && islower((unsigned char)s[ms]))
            e = person_with_role(q, s + ms, (size_t)(head + head_len - (s + ms)));
        if (e < 0)
            e = person_with_role(q, head, head_len);
        if (e >= 0) {
            out->speaker_entity = e;
            out->speaker_kind = PX_SPEAKER_PERSON;
            out->speaker = px_strdup(q->people->v[e].name);
            return out->speaker ? PX_OK : PX_ENOMEM;
        }
        out->speaker_kind = PX_SPEAKER_PERSON;
        out->speaker = cl_squeeze(s, len);
        return out->speaker ? PX_OK : PX_ENOMEM;
    }
    if (ent >= 0) {
        /* a one-word name of another kind that is the surname of a person
         * of the article is that person: `Kelly said` after `Brian Kelly` */
        if (q->surname_of && q->surname_of[ent] >= 0)
            ent = q->surname_of[ent];
        const px_entity *e = &q->people->v[ent];
        out->speaker_entity = ent;
        out->speaker_kind = is_person(q, (size_t)ent) ? PX_SPEAKER_PERSON : PX_SPEAKER_ORG;
        out->speaker = px_strdup(e->name);
        return out->speaker ? PX_OK : PX_ENOMEM;
    }
    /* a lone capitalised word the tagger left out that is the surname of
     * a person of the article: `Kelly said that` after `Brian Kelly` */
    long owner = h == 0 && isupper((unsigned char)s[0]) ? person_by_surname(q, s, len) : -1;
    if (owner >= 0) {
        out->speaker_entity = owner;
        out->speaker_kind = PX_SPEAKER_PERSON;
        out->speaker = px_strdup(q->people->v[owner].name);
        return out->speaker ? PX_OK : PX_ENOMEM;
    }
    out->speaker_kind = cl_is_group_noun(head, head_len) ? PX_SPEAKER_GROUP
                        : isupper((unsigned char)head[0]) || named_modifier ? PX_SPEAKER_ORG
                                                                            : PX_SPEAKER_PERSON;
    /* an unnamed speaker keeps what describes it: "someone close to the
     * vice president's office", "a spokesman for the campaign" */
    out->speaker = cl_squeeze(s, full_len);
    return out->speaker ? PX_OK : PX_ENOMEM;
}

/* ---- utterances -------------------------------------------------------------- */

static size_t count_words(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int w = !isspace((unsigned char)s[i]);
        n += w && !in;
        in = w;
    }
    return n;
}

/* Does the piece close a clause, so that a cue may follow it? `“…,” she
 * said` and `“…” — said X` do; `“…” on how many` (a partial quote
 * running on into its sentence) does not. */
static int closes_clause(const qscan *q, const piece *p)
{
    const char *s = q->d.text;
    size_t end = p->end;
    /* a quote nested at the end: `‘Thank you for voting,’”` */
    while (end > p->start + 1 && (s[end - 1] == '\'' ||
                                  (end >= p->start + 3 && (unsigned char)s[end - 3] == 0xE2 &&
                                   (unsigned char)s[end - 2] == 0x80 && (unsigned char)s[end - 1] == 0x99)))
        end -= s[end - 1] == '\'' ? 1 : 3;
    char c = s[end - 1];
    if (strchr(",.!?;:-", c) || (unsigned char)c == 0x94 /* em dash, tail byte */)
        return 1;
    size_t a = skip_space(s, p->close + p->close_len, q->d.len);
    return a < q->d.len && (strchr(",-", s[a]) || (unsigned char)s[a] == 0xE2);
}

static int cue_following(const qscan *q, const piece *last, speaker *sp);
static int coordinated_partials(const qscan *q, size_t i);

/* Does a comma hand over from the piece closing at gs to its cue: inside
 * the marks (`...,”`) or right after them (`...”,`)? */
static int long_cue_comma(const qscan *q, size_t gs)
{
    size_t a = skip_space(q->d.text, gs, q->d.len);
    if (a < q->d.len && q->d.text[a] == ',')
        return 1;
    size_t c = gs;
    while (c > 0 && ((unsigned char)q->d.text[c - 1] >= 0x80 || q->d.text[c - 1] == '"'))
        c--; /* back over the closing mark */
    return c > 0 && q->d.text[c - 1] == ',';
}

/* Does the piece closing at gs end in a question or exclamation mark
 * inside its marks (`...?”`)? */
static int asks_or_exclaims(const qscan *q, size_t gs)
{
    size_t c = gs;
    while (c > 0 && ((unsigned char)q->d.text[c - 1] >= 0x80 || q->d.text[c - 1] == '"'))
        c--; /* back over the closing mark */
    return c > 0 && (q->d.text[c - 1] == '?' || q->d.text[c - 1] == '!');
}

/* A cue clause longer than nine words between two pieces (`,” said Ana
 * Ruiz, director of the league, a group that sues landlords. “...”`)
 * still joins them when it opens as a cue, the gap ends with the
 * sentence, and the next piece has no cue of its own: the speaker goes on
 * speaking. */
static int long_cue_joins(const qscan *q, const piece *b, size_t gs, size_t ge)
{
    size_t end = ge;
    while (end > gs && isspace((unsigned char)q->d.text[end - 1]))
        end--;
    /* the first piece hands over to the cue with a comma (`,” said X, ...`):
     * after a finished sentence a long clause is a statement of its own
     * (`.” Ana Ruiz, who designed it, says the goal is ...`) */
    /* a question or exclamation hands over too when the cue follows at
     * once: `?” asked Sen. Ana Ruiz of Maine, who wants a review. “...”` */
    int asked = !long_cue_comma(q, gs) && gs > 0 && asks_or_exclaims(q, gs);
    if (end == gs || !strchr(".:", q->d.text[end - 1]) || (!long_cue_comma(q, gs) && !asked))
        return 0;
    speaker sp = {0};
    int r = cue_after(q, cl_token_at(&q->d.tk, gs), cl_token_at(&q->d.tk, ge), asked, &sp);
    free(sp.cue);
    if (r != 1)
        return 0;
    speaker own = {0};
    r = cue_following(q, b, &own);
    free(own.cue);
    return r == 0;
}

/* Does piece b run on from words of the gap after piece a (`.” The
 * north, he said, was “...`, `.” He admitted to a “...`)? Then b sits
 * inside a sentence of its own, not after a cue clause, which ends in
 * punctuation before the mark: the two are not one quote. */
static int runs_on(const qscan *q, const piece *a, const piece *b)
{
    size_t gs = a->close + a->close_len, ge = b->open;
    if (a->continues || ge <= gs || a->para_end != b->para_end)
        return 0;
    size_t t = cl_token_at(&q->d.tk, gs), te = cl_token_at(&q->d.tk, ge);
    /* an abbreviation ending the gap ends its sentence: `told reporters
     * in Fort Mill, S.C. “...”` */
    return te > t && word_at(q, te - 1) && !say_at(q, te - 1) &&
           q->d.text[q->d.tk.v[te - 1].end - 1] != '.';
}

/* Does piece b have a cue of its own right after it (`“...,” he told
 * them. “...,” he said`)? Each cue reports one statement: b is not joined
 * to the piece before it across the first cue. */
static int own_cue(const qscan *q, const piece *b)
{
    speaker sp = {0};
    int r = cue_following(q, b, &sp);
    free(sp.cue);
    return r == 1;
}

/* Is there a verb of saying outside quotation marks in the paragraph of
 * piece a, before it? */
static int cued_in_paragraph(const qscan *q, const piece *a)
{
    size_t ps = a->open;
    while (ps > 0 && q->d.text[ps - 1] != '\n')
        ps--;
    for (size_t i = cl_token_at(&q->d.tk, ps); i < q->d.tk.n && q->d.tk.v[i].start < a->open; i++)
        if (say_at(q, i) && !in_quoted(q, q->d.tk.v[i].start))
            return 1;
    return 0;
}

/* Is there a verb of saying outside quotation marks in the sentence
 * holding byte at, before it (`Blumenthal was asked, “...”`)? */
static int said_before(const qscan *q, size_t at)
{
    size_t ss = q->d.ss.n ? q->d.ss.v[cl_sentence_at(&q->d.ss, at)].start : 0;
    for (size_t i = cl_token_at(&q->d.tk, ss); i < q->d.tk.n && q->d.tk.v[i].start < at; i++)
        if ((say_at(q, i) || saying_participle_at(q, i)) && !in_quoted(q, q->d.tk.v[i].start))
            return 1;
    return 0;
}

/* A quote closing its paragraph with its cue (`“...,” Ana Ruiz said.`)
 * and a paragraph that is nothing but a quote with no cue of its own
 * right after it (`“...”`): the speaker goes on, one statement over two
 * paragraphs. */
static int next_paragraph_goes_on(const qscan *q, const piece *a, const piece *b)
{
    const char *s = q->d.text;
    size_t gs = a->close + a->close_len;
    if (a->continues || skip_space(s, a->para_end, q->d.len) != b->open ||
        count_words(s + a->start, a->end - a->start) < 3 || /* a term's cue reports it alone */
        skip_space(s, b->close + b->close_len, q->d.len) < b->para_end ||
        count_words(s + gs, a->para_end - gs) > 40)
        return 0;
    /* the text after a is one cue clause: no other quote in it */
    for (size_t i = gs; i < a->para_end; i++) {
        int type;
        if (cl_quote_mark(s, a->para_end, i, &type))
            return 0;
    }
    speaker sp = {0};
    int r = cue_following(q, a, &sp);
    free(sp.cue);
    if (r != 1 || sp.end <= sp.start)
        return 0;
    /* ... and no sentence of its own after the cue's */
    size_t pe = a->para_end;
    while (pe > gs && isspace((unsigned char)s[pe - 1]))
        pe--;
    if (pe > gs && q->d.ss.n && cl_sentence_at(&q->d.ss, pe - 1) != cl_sentence_at(&q->d.ss, sp.end - 1))
        return 0;
    return !own_cue(q, b);
}

/* A partial quote running on into its sentence, which a reporting
 * clause closes (`Ruiz “kept the clinic open” in 2008, said historian Tom
 * Brandt. “That was her doing.”`): the next piece, opening right after
 * the sentence with no cue of its own, goes on with the same words. */
static int reported_run_on(const qscan *q, const piece *a, const piece *b)
{
    size_t gs = a->close + a->close_len, ge = b->open;
    size_t end = ge;
    while (end > gs && isspace((unsigned char)q->d.text[end - 1]))
        end--;
    if (end == gs || q->d.text[end - 1] != '.' || count_words(q->d.text + gs, ge - gs) > 20 ||
        cl_sentence_at(&q->d.ss, a->end - 1) != cl_sentence_at(&q->d.ss, end - 1))
        return 0;
    speaker sp = {0};
    int r = cue_following(q, a, &sp);
    free(sp.cue);
    return r == 1 && !own_cue(q, b);
}

/* After a finished piece a that had its cue before it, is the gap to
 * piece b a new sentence whose cue ends in a comma: the cue of b, not of
 * a (`Mara Quint was asked, “...?” She answered, “...”`)? */
static int cue_of_next_piece(const qscan *q, const piece *a, const piece *b)
{
    size_t gs = a->close + a->close_len, ge = b->open;
    if (a->continues || ge <= gs || a->para_end != b->para_end)
        return 0;
    size_t end = ge, first = skip_space(q->d.text, gs, ge);
    while (end > gs && isspace((unsigned char)q->d.text[end - 1]))
        end--;
    return end > gs && q->d.text[end - 1] == ',' && strchr(".!?", q->d.text[a->end - 1]) &&
           first < ge && isupper((unsigned char)q->d.text[first]) && said_before(q, a->start);
}

/* Is the gap between two pieces only a cue clause ("she said", "said
 * Lloyd Austin.", "he added")? */
static int gap_is_cue(const qscan *q, const piece *a, const piece *b)
{
    /* a quote running on over a paragraph break, unless the next part
     * has a cue of its own and the first already had one (`“...,” he
     * said. “... ¶ “...,” he said with a grin.`) */
    if (a->continues)
        return !own_cue(q, b) || !cued_in_paragraph(q, a);
    if (b->open < a->close)
        return 0;
    if (a->para_end != b->para_end)
        return next_paragraph_goes_on(q, a, b);
    if (!closes_clause(q, a))
        return reported_run_on(q, a, b);
    size_t gs = a->close + a->close_len, ge = b->open;
    size_t words = count_words(q->d.text + gs, ge - gs);
    if (words > 40 || (words > 9 && !long_cue_joins(q, b, gs, ge)))
        return 0;
    /* a finished sentence, then a new speaker introducing the next piece:
     * `“... Nice.” Brazilian President Michel Temer tweeted: “...”` */
    size_t colon = ge;
    while (colon > gs && isspace((unsigned char)q->d.text[colon - 1]))
        colon--;
    if (colon > gs && q->d.text[colon - 1] == ':' && strchr(".!?", q->d.text[a->end - 1]))
        return 0;
    if (cue_of_next_piece(q, a, b))
        return 0;
    size_t t = cl_token_at(&q->d.tk, gs), te = cl_token_at(&q->d.tk, ge);
    /* nor across a sentence of its own that reports a statement in its
     * own words: `“... see.” Shearer said he was unsure what caused it. “I
     * don't know”` (not `?” he said at a news conference. “...”`) */
    if (colon > gs && q->d.text[colon - 1] == '.' && strchr(".!?", q->d.text[a->end - 1]))
        for (size_t i = t; i + 1 < te; i++)
            if (say_at(q, i) && (cl_tok_is(&q->d, i + 1, "that") ||
                                 is_pronoun(q->d.text + q->d.tk.v[i + 1].start,
                                            q->d.tk.v[i + 1].end - q->d.tk.v[i + 1].start, &(px_gender){0})))
                return 0;
    if (runs_on(q, a, b))
        return 0;
    int cues = 0, ended = 0;
    for (size_t i = t; i < te; i++) {
        /* "adding" reports a statement of its own: `“...,” she said,
         * adding, “...”`, `,” adding that ... “...` */
        if (cl_tok_is(&q->d, i, "adding"))
            return 0;
        if (say_at(q, i) || (cl_tok_is(&q->d, i, "according") && cl_tok_is(&q->d, i + 1, "to"))) {
            /* a second cue after a finished sentence introduces the next
             * piece by itself: `,” Olsen said. Then he asked, “...”` */
            if (cues && ended)
                return 0;
            cues++;
        }
        ended |= cues && q->d.tk.v[i].kind == PX_TOK_PUNCT && strchr(".!?", q->d.text[q->d.tk.v[i].start]);
    }
    return cues > 0 && !own_cue(q, b);
}

static int all_title_case(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        if ((i == 0 || isspace((unsigned char)s[i - 1])) && !isspace((unsigned char)s[i])) {
            words++;
            if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) &&
                !px_is_stopword("en", s + i, strcspn(s + i, " ")))
                return 0;
        }
    return words > 0;
}

/* Is the capitalised quote opening at open the name of a show, a book or
 * a group, as the word before it says: an owner (`CNN’s “State of the
 * Union,”`), `on` (`appeared on “Meet the Press.”`), `of` (`host of
 * “The Nightly Show.”`) or the noun of a work (`the podcast “So, That
 * Happened.”`, `the cult classic “Thelma and Louise,”`), even with the
 * comma or full stop of the sentence inside its marks? */
static int owned_title(const qscan *q, size_t open)
{
    static const char *const works[] = {
        "podcast", "show", "program", "programme", "series", "sitcom", "film", "movie",
        "documentary", "book", "novel", "memoir", "song", "album", "musical", "play", "opera",
        "episode", "column", "newsletter", "classic", NULL};
    size_t t = cl_token_at(&q->d.tk, open);
    if (t == 0)
        return 0;
    const px_token *p = &q->d.tk.v[t - 1];
    const char *ps = q->d.text + p->start;
    size_t pl = p->end - p->start;
    if (cl_tok_is(&q->d, t - 1, "on") || cl_tok_is(&q->d, t - 1, "of") ||
        cl_tok_in(q->d.text, p, works))
        return 1;
    if (p->kind == PX_TOK_WORD && pl > 2 &&
        (cl_eq(ps + pl - 2, 2, "'s") || (pl > 4 && cl_eq(ps + pl - 4, 4, "\xE2\x80\x99s"))))
        return 1;
    /* the tokeniser may split the possessive off: `CNN` `’s` */
    return p->kind != PX_TOK_PUNCT && t >= 2 && cl_eq(ps, pl, "s") &&
           q->d.tk.v[t - 2].kind == PX_TOK_PUNCT && q->d.tk.v[t - 2].end == p->start;
}

static px_quote_kind classify(const qscan *q, const piece *first, size_t n_pieces, size_t words)
{
    const char *s = q->d.text + first->start;
    size_t len = first->end - first->start;
    if (n_pieces == 1 && words <= 2)
        return PX_QUOTE_TERM;
    if (n_pieces == 1 && words <= 5 && all_title_case(s, len) && !strchr(".!?,", s[len - 1]))
        return PX_QUOTE_TERM; /* a title: "Meet The Press" */
    if (n_pieces == 1 && words <= 7 && all_title_case(s, len) && owned_title(q, first->open))
        return PX_QUOTE_TERM; /* "on CNN’s “State of the Union,”" */
    /* a title and its subtitle: "Crippled America: How to Make It Work," */
    if (n_pieces == 1 && words <= 14 && all_title_case(s, len) && memchr(s, ':', len) &&
        s[len - 1] != ':')
        return PX_QUOTE_TERM;
    /* embedded after a word that is no cue: "rejected as “ludicrous” a" */
    size_t t = cl_token_at(&q->d.tk, first->open);
    if (t > 0) {
        const px_token *p = &q->d.tk.v[t - 1];
        size_t sent = cl_sentence_at(&q->d.ss, first->open);
        int same_sentence = q->d.ss.n && p->start >= q->d.ss.v[sent].start;
        if (same_sentence && (p->kind == PX_TOK_WORD || p->kind == PX_TOK_NUMBER) && !say_at(q, t - 1))
            return PX_QUOTE_PARTIAL;
    }
    return PX_QUOTE_SPEECH;
}

static int build_text(const qscan *q, const px_quote *x, char **out)
{
    px_buf b = {0};
    for (size_t i = 0; i < x->n_pieces; i++) {
        if (i && px_buf_append(&b, " ", 1))
            goto oom;
        if (px_buf_append(&b, q->d.text + x->piece_start[i], x->piece_end[i] - x->piece_start[i]))
            goto oom;
    }
    *out = px_buf_steal(&b);
    return *out ? PX_OK : PX_ENOMEM;
oom:
    px_buf_free(&b);
    return PX_ENOMEM;
}

/* Does the relative clause opened by token w still run at token t? It
 * ends at a comma, dash or bracket ("Swanson, who is a pastor, slammed"),
 * unless the pronoun opens an aside ("who, on a call Friday, criticized")
 * or a verb of saying hands over ("who said, “...”"),
 * at a subject pronoun of its own ("who forced me ... when she called
 * him"), at an auxiliary after its verb ("hackers who struck X could
 * “...”") and at a passive ("people who are bullied “...”"). */
static int relative_reaches(const qscan *q, size_t w, size_t t)
{
    static const char *const aux[] = {"could", "would", "will", "can", "must", "should",
                                      "may", "might", NULL};
    static const char *const be[] = {"is", "are", "was", "were", "been", "be", NULL};
    size_t commas = 0;
    for (size_t i = w + 1; i < t; i++) {
        const px_token *k = &q->d.tk.v[i];
        const char *ks = q->d.text + k->start;
        size_t kl = k->end - k->start;
        px_gender g;
        if (k->kind == PX_TOK_PUNCT) {
            if (ks[0] == ',' && i + 1 == t && say_at(q, i - 1))
                continue; /* "who said, “...”" */
            if (ks[0] == ',' && (i == w + 1 || commas == 1))
                commas++;
            else if (ks[0] == ',' || ks[0] == '(' || ks[0] == ')' || ks[0] == '.' || ks[0] == '!' ||
                     ks[0] == '?' || is_dash(q, i))
                return 0; /* also a full stop the splitter missed */
            continue;
        }
        if (is_pronoun(ks, kl, &g) && !cl_eq(ks, kl, "him") && !cl_eq(ks, kl, "her"))
            return 0;
        if (i > w + 1 && cl_in(ks, kl, aux))
            return 0;
        if (cl_in(ks, kl, be) && i + 1 < t && word_at(q, i + 1)) {
            const px_token *p = &q->d.tk.v[i + 1];
            if (p->end - p->start > 3 && cl_eq(q->d.text + p->end - 2, 2, "ed"))
                return 0;
        }
    }
    return commas != 1;
}

/* A quote inside a relative clause about its speaker: "Obama, who called
 * the nominee “unfit to serve”", "her new ad, which promises to “...”".
 * The relative pronoun is the mention (it is what the sentence says) and
 * the phrase before it the speaker. Not when a name or pronoun follows the
 * pronoun ("Trump, who he called a “bully”": its own subject), when a
 * reporting clause after a comma takes over ("X, who ..., said “...”"),
 * when a verb of saying before the pronoun makes the clause reported
 * speech ("X said the rules, which allow “...”") and for a copula
 * ("which was the “...”"), where nobody speaks.
 * Tokens [lo, t); 1 when found. */
static int relative_clause(const qscan *q, size_t lo, size_t t, speaker *sp)
{
    size_t w = t;
    while (w > lo && t - w < 24) {
        w--;
        const px_token *k = &q->d.tk.v[w];
        char c = q->d.text[k->start];
        if (cl_tok_quote(&q->d, w) || (k->kind == PX_TOK_PUNCT && (c == ';' || c == ':')))
            return 0;
        if (say_at(q, w) && w > lo && q->d.text[q->d.tk.v[w - 1].start] == ',')
            return 0; /* ", said X": a reporting clause of its own */
        if (cl_tok_is(&q->d, w, "who") || cl_tok_is(&q->d, w, "which"))
            break;
    }
    if (!(cl_tok_is(&q->d, w, "who") || cl_tok_is(&q->d, w, "which")) || w <= lo || w + 1 >= t)
        return 0;
    for (size_t i = lo; i < w; i++)
        if (say_at(q, i) && !(i > lo && (cl_tok_quote(&q->d, i - 1) ||
                                         (q->d.text[q->d.tk.v[i - 1].start] == ',' && i - 1 > lo &&
                                          cl_tok_quote(&q->d, i - 2)))))
            return 0; /* "X said the rules, which allow “...”": X's words (not
                       * the cue of a quote before, `,” said X, who ...`) */
    static const char *const be[] = {"is", "was", "are", "were", NULL};
    if (cl_tok_in(q->d.text, &q->d.tk.v[w + 1], be) && w + 2 <= t &&
        (cl_tok_quote(&q->d, w + 2) || cl_tok_is(&q->d, w + 2, "the") || cl_tok_is(&q->d, w + 2, "a") ||
         cl_tok_is(&q->d, w + 2, "an")))
        return 0; /* a copula: "CES, which was the “...”" */
    const px_token *n = &q->d.tk.v[w + 1];
    const char *ns = q->d.text + n->start;
    px_gender g;
    if (n->kind == PX_TOK_WORD && (isupper((unsigned char)ns[0]) || is_pronoun(ns, n->end - n->start, &g) ||
                                   cl_eq(ns, n->end - n->start, "the")))
        return 0;
    if (!relative_reaches(q, w, t))
        return 0;
    size_t v = w; /* the antecedent ends before the pronoun and its comma */
    if (q->d.tk.v[v - 1].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[v - 1].start] == ',')
        v--;
    if (v <= lo || !word_at(q, v - 1))
        return 0;
    size_t s, e;
    if (q->people) {
        long m = -1;
        for (size_t i = 0; i < q->people->n_mentions; i++)
            if (q->people->mentions[i].end == q->d.tk.v[v - 1].end)
                m = (long)i;
        if (m >= 0 && !q->people->mentions[m].possessive &&
            q->people->v[q->people->mentions[m].entity].kind == PX_ENTITY_PERSON) {
            sp->start = q->people->mentions[m].start;
            sp->end = q->people->mentions[m].end;
            goto found;
        }
    }
    if (!cl_phrase_before(&q->d, lo, v, &s, &e))
        return 0;
    trim_front(q, &s, e);
    /* the noun phrase right before the pronoun starts at its last
     * determiner, or after a preposition or participle: "they unveiled a
     * poster which ..." -> "a poster", "lists of the members who ..." ->
     * "the members", "welcomed by Beijing, which" -> "Beijing" */
    static const char *const dets[] = {"the", "a", "an", "this", "these", "those", "his",
                                       "her", "its", "their", "our", NULL};
    static const char *const stops[] = {"of", "by", "to", "for", "from", "with", "at", "in",
                                        "on", "as", "than", "and", "or", NULL};
    for (size_t i = v; i-- > cl_token_at(&q->d.tk, s);) {
        const px_token *k = &q->d.tk.v[i];
        const char *ks = q->d.text + k->start;
        size_t kl = k->end - k->start;
        if (cl_tok_in(q->d.text, k, dets)) {
            s = k->start;
            break;
        }
        if (i + 1 < v && (cl_tok_in(q->d.text, k, stops) || k->kind != PX_TOK_WORD ||
                          (islower((unsigned char)ks[0]) && kl > 4 &&
                           (cl_eq(ks + kl - 3, 3, "ing") || cl_eq(ks + kl - 2, 2, "ed"))))) {
            s = q->d.tk.v[i + 1].start; /* "at the time by Beijing, which" */
            break;
        }
    }
    if (!plausible_np(q, s, e) || is_pronoun(q->d.text + s, e - s, &g))
        return 0;
    sp->start = s;
    sp->end = e;
found:
    sp->found = 1;
    sp->relative = 1;
    sp->rel_start = q->d.tk.v[w].start;
    sp->rel_end = q->d.tk.v[w].end;
    return 1;
}

/* A naming verb shortly before the quote, its subject a person named or a
 * pronoun right before it: "Judge Ana Ruiz called the ruling “...”", "what
 * Ruiz called a “...”", "she calls it “...”". Naming verbs are no verbs of
 * saying elsewhere ("called for", "a group called X", "calling him"), so
 * the subject must be right there. Tokens [lo, t); 1 when found. */
static int naming_cue(const qscan *q, size_t lo, size_t t, speaker *sp)
{
    static const char *const naming[] = {"call", "calls", "called", "dubbed", "labeled",
                                         "labelled", "branded", "termed", NULL};
    static const char *const particles[] = {"for", "on", "upon", "off", "in", "up", "out",
                                            "back", "to", "into", "at", NULL};
    for (size_t v = t; v-- > lo && t - v <= 7;) {
        const px_token *k = &q->d.tk.v[v];
        if (k->kind == PX_TOK_PUNCT && !(q->d.text[k->start] == '\'' ||
                                         (unsigned char)q->d.text[k->start] == 0xE2))
            return 0; /* the verb's object runs up to the quote */
        if (!cl_tok_in(q->d.text, k, naming) || v == lo)
            continue;
        if (v + 1 < t && cl_tok_in(q->d.text, &q->d.tk.v[v + 1], particles))
            return 0;
        const px_token *b = &q->d.tk.v[v - 1];
        px_gender g;
        if (is_pronoun(q->d.text + b->start, b->end - b->start, &g) && !cl_tok_is(&q->d, v - 1, "him") &&
            !cl_tok_is(&q->d, v - 1, "her")) {
            sp->start = b->start;
            sp->end = b->end;
            return set_cue(sp, q, v) ? PX_ENOMEM : 1;
        }
        if (!q->people)
            return 0;
        for (size_t m = first_mention_ending_from(q->people, b->end);
             m < q->people->n_mentions && q->people->mentions[m].end == b->end; m++) {
            const px_mention *mn = &q->people->mentions[m];
            if (mn->possessive ||
                q->people->v[mn->entity].kind != PX_ENTITY_PERSON)
                continue;
            sp->start = mn->start;
            sp->end = mn->end;
            return set_cue(sp, q, v) ? PX_ENOMEM : 1;
        }
        return 0;
    }
    return 0;
}

/* Is sentence si a bare reporting clause (`Moreno said.`): at most six
 * words, not ending in a colon (`She went on to say:` introduces the
 * quote after it)? */
static int bare_reporting_clause(const qscan *q, size_t si)
{
    size_t a = q->d.ss.v[si].start, b = q->d.ss.v[si].end;
    while (b > a && isspace((unsigned char)q->d.text[b - 1]))
        b--;
    return b > a && q->d.text[b - 1] != ':' && count_words(q->d.text + a, b - a) <= 6;
}

/* A quote closing its paragraph, signed in the next one by a dash and a
 * name: `“...”` / `- Ana Ruiz, Springfield.` / `— Sen. Tom Brandt,
 * tweeting after the vote.` The signature is short (at most 12 words) and
 * its name, up to a comma or its end, is all capitalised words. */
static int byline_below(const qscan *q, size_t first_open, const piece *last, speaker *sp)
{
    size_t a = last->close + last->close_len;
    if (last->continues || skip_space(q->d.text, a, q->d.len) < last->para_end)
        return 0;
    /* the quote is the whole paragraph: its opening mark opens it */
    size_t ps = last->open;
    while (ps > 0 && q->d.text[ps - 1] != '\n')
        ps--;
    if (skip_space(q->d.text, ps, q->d.len) != first_open)
        return 0;
    size_t b = skip_space(q->d.text, last->para_end, q->d.len), pe = b;
    while (pe < q->d.len && q->d.text[pe] != '\n')
        pe++;
    size_t t = cl_token_at(&q->d.tk, b), th = cl_token_at(&q->d.tk, pe);
    if (t + 1 >= th || q->d.tk.v[t].kind != PX_TOK_PUNCT || !is_dash(q, t) ||
        count_words(q->d.text + b, pe - b) > 12)
        return 0;
    size_t e = t + 1;
    while (e < th && (word_at(q, e) || (q->d.tk.v[e].kind == PX_TOK_PUNCT &&
                                        q->d.text[q->d.tk.v[e].start] == '.' && e + 1 < th &&
                                        word_at(q, e + 1)))) {
        if (word_at(q, e) && !isupper((unsigned char)q->d.text[q->d.tk.v[e].start]))
            return 0;
        e++;
    }
    if (e == t + 1 || e - t - 1 > 6 ||
        (e < th && !(q->d.tk.v[e].kind == PX_TOK_PUNCT && strchr(",.", q->d.text[q->d.tk.v[e].start]))))
        return 0;
    sp->start = q->d.tk.v[t + 1].start;
    sp->end = q->d.tk.v[e - 1].end;
    sp->found = 1;
    return 1;
}

/* 2. A cue right after the piece, in its sentence, or 2b. the reporting
 * clause closing the sentence. 1 when found, 0 when not, <0 on error. */
static int cue_following(const qscan *q, const piece *last, speaker *sp)
{
    size_t after = last->close + last->close_len;
    size_t s = cl_sentence_at(&q->d.ss, last->end ? last->end - 1 : 0);
    size_t hi_off = q->d.ss.n ? q->d.ss.v[s].end : q->d.len;
    char last_char = q->d.text[last->end - 1];
    /* a question or exclamation may be followed by its cue: `?” Clinton
     * asks` */
    size_t ta = cl_token_at(&q->d.tk, after);
    int byline = ta < q->d.tk.n && q->d.tk.v[ta].kind == PX_TOK_PUNCT && is_dash(q, ta);
    /* ... and so may a full stop when the next sentence is a bare
     * reporting clause: `.” Moreno said.` */
    if (s + 1 < q->d.ss.n && q->d.ss.v[s + 1].start < after + 3 && q->d.ss.v[s + 1].start >= after &&
        (last_char != '.' || byline || bare_reporting_clause(q, s + 1)))
        hi_off = q->d.ss.v[s + 1].end; /* the splitter ended the sentence at the mark */
    if (hi_off > last->para_end)
        hi_off = last->para_end;
    if (after >= hi_off)
        return 0;
    size_t th = cl_token_at(&q->d.tk, hi_off);
    /* a full stop right after the mark ends the sentence: a named subject
     * after it opens a new statement (`“...”. Analysts said that ...`),
     * only a pronoun goes on about the same speaker (`“...”. He said the
     * tax was about right`) */
    if (q->d.text[after] == '.' && !byline) {
        speaker next = {0};
        int r = cue_after(q, ta, th, 1, &next);
        px_gender g;
        if (r == 1 && is_pronoun(q->d.text + next.start, next.end - next.start, &g)) {
            free(sp->cue);
            *sp = next;
            return 1;
        }
        free(next.cue);
        return r < 0 ? r : 0;
    }
    int r = cue_after(q, ta, th, !closes_clause(q, last), sp);
    if (r)
        return r;
    /* 2b. the reporting clause closing the sentence: `“…” as donors
     * waited to see how it played out, he said.` */
    for (size_t c = ta; c < th; c++) {
        if (cl_tok_quote(&q->d, c)) {
            /* a short term in marks on the way is no quote with a cue of
             * its own: `“...” as donors waited to see how a “turbulent
             * cycle” played out, he said` */
            size_t k = c + 1;
            while (k < th && k < c + 5 && !cl_tok_quote(&q->d, k))
                k++;
            if (k >= th || k >= c + 5)
                break; /* another quote: its own cue */
            c = k;
            continue;
        }
        if (q->d.tk.v[c].kind != PX_TOK_PUNCT || q->d.text[q->d.tk.v[c].start] != ',')
            continue;
        r = cue_after(q, c + 1, th, 1, sp);
        if (r)
            return r;
    }
    return 0;
}

/* The piece after p[i] when only a conjunction joins the two (`are “the
 * worst crisis” and “a disgrace,” X said`): coordinated quotes share the
 * cue that follows the last of them. NULL when there is none. */
static const piece *coordinated_next(const qscan *q, size_t i)
{
    if (i + 1 >= q->np)
        return NULL;
    const piece *a = &q->p[i], *b = &q->p[i + 1];
    size_t gs = a->close + a->close_len, ge = b->open;
    if (a->continues || ge <= gs || a->para_end != b->para_end)
        return NULL;
    size_t t = cl_token_at(&q->d.tk, gs), te = cl_token_at(&q->d.tk, ge);
    int conj = 0;
    for (size_t k = t; k < te; k++) {
        if (cl_tok_is(&q->d, k, "and") || cl_tok_is(&q->d, k, "or"))
            conj++;
        else if (!(q->d.tk.v[k].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[k].start] == ','))
            return NULL;
    }
    return conj == 1 ? b : NULL;
}

/* Two fragments of running speech coordinated by a conjunction (`were
 * “flawed from the start” and “a waste of money”`) are pieces of one
 * quote; capitalised ones are titles or slogans (`“Law and Order” and
 * “Peace Through Strength”`) and stay apart, and so do short terms, which
 * joined would pass for a partial quote. */
/* Two fragments of one sentence a few words apart with no verb of
 * saying between them (`“not only to make America great again” but to
 * “make America whole again”`, `is “the worst” while Cruz is “far
 * worse”`) are pieces of one quote: the sentence reports one statement. */
static int sentence_fragments(const qscan *q, size_t i)
{
    if (i + 1 >= q->np)
        return 0;
    const piece *a = &q->p[i], *b = &q->p[i + 1];
    size_t gs = a->close + a->close_len, ge = b->open;
    if (a->continues || ge <= gs || a->para_end != b->para_end ||
        !islower((unsigned char)q->d.text[b->start]) || strchr(".!?;:", q->d.text[a->end - 1]) ||
        count_words(q->d.text + gs, ge - gs) > 6 ||
        count_words(q->d.text + a->start, a->end - a->start) < 3 ||
        count_words(q->d.text + b->start, b->end - b->start) < 3)
        return 0;
    size_t t = cl_token_at(&q->d.tk, gs), te = cl_token_at(&q->d.tk, ge);
    for (size_t k = t; k < te; k++)
        if (say_at(q, k) || (q->d.tk.v[k].kind == PX_TOK_PUNCT && strchr(".!?;:", q->d.text[q->d.tk.v[k].start])))
            return 0;
    return 1;
}

/* A show's name or a short term in marks inside the cue between two
 * pieces of one statement (`,” Perez said on NBC's “Meet the Press.”
 * “...”`, `,” said Ana Ruiz before a “no-frills” dinner. “...”`) is part
 * of the cue: it is taken out of the pieces, so that the two are joined
 * around it.
 * 1 when p[i + 1] was taken out and p[i] and the new p[i + 1] are one
 * statement. */
static int drop_title_in_cue(qscan *q, size_t i)
{
    if (i + 2 >= q->np)
        return 0;
    const piece *a = &q->p[i], *t = &q->p[i + 1], *b = &q->p[i + 2];
    size_t words = count_words(q->d.text + t->start, t->end - t->start);
    if (a->continues || t->continues || t->para_end != a->para_end || b->para_end != a->para_end ||
        words > 7 ||
        (words > 2 && (!all_title_case(q->d.text + t->start, t->end - t->start) || !owned_title(q, t->open))) ||
        !gap_is_cue(q, a, b))
        return 0;
    memmove(&q->p[i + 1], &q->p[i + 2], (q->np - i - 2) * sizeof *q->p);
    q->np--;
    return 1;
}

static int coordinated_partials(const qscan *q, size_t i)
{
    const piece *a = &q->p[i], *b = coordinated_next(q, i);
    return b && islower((unsigned char)q->d.text[a->start]) &&
           islower((unsigned char)q->d.text[b->start]) &&
           count_words(q->d.text + a->start, a->end - a->start) >= 3 &&
           count_words(q->d.text + b->start, b->end - b->start) >= 3;
}

/* A noun naming something said or written: "her remark that “...”",
 * "Obama's “...” promise", "From Bush's Facebook post: “...”". */
static int is_speech_noun(const qscan *q, size_t i)
{
    static const char *const nouns[] = {
        "remark", "remarks", "comment", "comments", "claim", "assertion", "warning", "promise",
        "pledge", "vow", "demand", "dictum", "words", "statement", "response", "reply",
        "answer", "suggestion", "insistence", "argument", "contention", "prediction", "quip",
        "admission", "declaration", "accusation", "message", "post", "tweet", "slogan",
        "motto", "mantra", "refrain", "catchphrase", "complaint", "boast", "plea", "retort",
        "assessment", "testimony", "description", "explanation", "characterization",
        "criticism", "denial", "threat", "question", "claims", "assertions", "warnings",
        "promises", "pledges", "vows", "demands", "statements", "responses", "replies",
        "answers", "suggestions", "arguments", "predictions", "accusations", "messages",
        "posts", "tweets", "slogans", "complaints", "threats", "questions", NULL};
    return word_at(q, i) && islower((unsigned char)q->d.text[q->d.tk.v[i].start]) &&
           cl_tok_in(q->d.text, &q->d.tk.v[i], nouns);
}

/* The possessor of the noun at token n ("his", "her", "Barrett’s",
 * "Bush's Facebook", up to two words between): its bytes in [*s, *e).
 * "their" and "its" stand for groups and things the pronoun rules do not
 * resolve, so they name nobody here. */
static int possessor_of(const qscan *q, size_t n, size_t lo, size_t *s, size_t *e)
{
    for (size_t k = n, words = 0; k > lo && words < 3; k--, words++) {
        const px_token *b = &q->d.tk.v[k - 1];
        if (b->kind != PX_TOK_WORD)
            return 0;
        if (cl_tok_is(&q->d, k - 1, "his") || cl_tok_is(&q->d, k - 1, "her")) {
            *s = b->start;
            *e = b->end;
            return 1;
        }
        if (q->people)
            for (size_t m = 0; m < q->people->n_mentions; m++) {
                const px_mention *mn = &q->people->mentions[m];
                if (mn->start > b->start)
                    break;
                if (mn->possessive && mn->start <= b->start && b->end <= mn->end + 3 &&
                    q->people->v[mn->entity].kind != PX_ENTITY_PLACE) {
                    *s = mn->start;
                    *e = mn->end;
                    return 1;
                }
            }
        static const char *const dets[] = {"the", "a", "an", "this", "that", NULL};
        if (words > 0 && islower((unsigned char)q->d.text[b->start]) && cl_tok_in(q->d.text, b, dets))
            return 0;
    }
    return 0;
}

/* A quote that is the content of someone's words named by a noun, with
 * no verb of saying of its own: "her remark that “...”", "his warning
 * that Britain would go to the “back of the queue”", "Barrett's dictum to
 * his interns was, “...”", "Obama's “if you like your plan” promise". The
 * possessor speaks. Tokens [lo, t): the sentence before the quote's
 * opening mark t; close: the token after the quote's closing mark. 1 when
 * found. */
static int possessive_speech(const qscan *q, size_t lo, size_t t, size_t close, speaker *sp)
{
    size_t s, e;
    /* the noun after the quote: `Obama's “...” promise` */
    if (t > lo && close < q->d.tk.n && is_speech_noun(q, close) &&
        possessor_of(q, t, lo, &s, &e) && cl_token_at(&q->d.tk, e) + 2 >= t) {
        sp->start = s;
        sp->end = e;
        sp->found = 1;
        return 1;
    }
    for (size_t n = t; n-- > lo && n + 24 > t;) {
        if (say_at(q, n) || cl_tok_quote(&q->d, n) ||
            (q->d.tk.v[n].kind == PX_TOK_PUNCT && strchr(";.?!", q->d.text[q->d.tk.v[n].start])))
            return 0; /* a verb of saying nearer the quote speaks for it */
        if (!is_speech_noun(q, n))
            continue;
        if (!possessor_of(q, n, lo, &s, &e))
            return 0;
        /* a verb of saying before it reports the whole clause: "X said
         * that Rubio's claim that ... is “simply not true”", "saying in
         * his statement that he was “...”" */
        static const char *const saying[] = {"saying", "telling", "writing", "adding", "noting",
                                             "arguing", "insisting", "explaining", "declaring",
                                             "claiming", "stating", NULL};
        for (size_t v = lo; v < cl_token_at(&q->d.tk, s); v++)
            if (say_at(q, v) || cl_tok_in(q->d.text, &q->d.tk.v[v], saying))
                return 0;
        /* the noun must lead to the quote: its "that" clause, or within a
         * few words without a verb, a colon, "of (a)", or "was," (a quote
         * right after the noun is rather its clause's predicate: "his
         * comment “has no place”") */
        static const char *const prepositions_in_ing[] = {"during", "including", "regarding",
                                                          "concerning", "following", NULL};
        int led = 0, verb = 0;
        for (size_t k = n + 1; k < t && !led; k++) {
            const px_token *w = &q->d.tk.v[k];
            verb |= w->kind == PX_TOK_WORD && w->end - w->start > 4 &&
                    cl_eq(q->d.text + w->end - 3, 3, "ing") &&
                    !cl_tok_in(q->d.text, w, prepositions_in_ing);
            led = cl_tok_is(&q->d, k, "that") && k < n + 16 && !verb;
        }
        size_t last = t - 1;
        const char *lc = q->d.text + q->d.tk.v[last].start;
        led |= t - n <= 8 && !verb && last > n &&
               (*lc == ':' || cl_tok_is(&q->d, last, "of") || cl_tok_is(&q->d, last, "a") ||
                (*lc == ',' && (cl_tok_is(&q->d, last - 1, "was") || cl_tok_is(&q->d, last - 1, "is"))));
        if (!led)
            return 0;
        sp->start = s;
        sp->end = e;
        sp->found = 1;
        return 1;
    }
    return 0;
}

/* A colon introducing the quote after a main clause that follows a
 * subordinate one: `When Trump suggested that Cuba would sue, Rubio fired
 * back forcefully: “...”`. The main clause's subject speaks, not the one
 * of the verb of saying inside the subordinate clause. Tokens [lo, t), t
 * the opening mark. 1 when found. */
static int colon_main_clause(const qscan *q, size_t lo, size_t t, speaker *sp)
{
    size_t c = t;
    if (c <= lo + 1 || q->d.text[q->d.tk.v[c - 1].start] != ':')
        return 0;
    c--;
    size_t k = c;
    while (k > lo && !(q->d.tk.v[k - 1].kind == PX_TOK_PUNCT &&
                       (q->d.text[q->d.tk.v[k - 1].start] == ',' || is_dash(q, k - 1))))
        k--;
    if (k <= lo)
        return 0; /* one clause: the cue before the colon decides */
    while (k < c && cl_tok_quote(&q->d, k))
        k++; /* `are “non-entities,” but he gave the Texan a compliment:` */
    int said = 0;
    for (size_t v = lo; v < k && !said; v++)
        said = say_at(q, v);
    /* the last clause needs a subject of its own: in `Carl Emmerson, from
     * the institute, told BBC News:` the one told is no speaker */
    size_t s, e;
    if (!said || !clause_subject(q, k, c, &s, &e))
        return 0;
    px_gender g;
    long ent = q->people ? px_entities_at(q->people, s, e) : -1;
    if (!is_pronoun(q->d.text + s, e - s, &g) && (ent < 0 || q->people->v[ent].kind == PX_ENTITY_PLACE))
        return 0; /* a named speaker or a pronoun, not "the report finds" */
    sp->start = s;
    sp->end = e;
    sp->found = 1;
    return 1;
}

/* Does [s, e) name a person (a mention of one), or is it a he or she? */
static int names_person(const qscan *q, size_t s, size_t e)
{
    px_gender g;
    if (is_pronoun(q->d.text + s, e - s, &g) && g)
        return 1;
    for (size_t m = q->people ? first_mention_from(q->people, s) : 0;
         q->people && m < q->people->n_mentions && q->people->mentions[m].start < e; m++)
        if (is_person(q, q->people->mentions[m].entity))
            return 1;
    return 0;
}

/* A cue after the quote that only says who passed it on (`..., Reuters
 * reported.`, `..., according to AP reports.`) while the sentence before
 * the quote has a person speaking (`Taliban spokesman Ali Noor said the
 * fighters were sent “...”, Reuters reported.`): that person speaks, the
 * outlet is the relay. Rewrites sp; 1, or <0 on error. */
static int relayed_statement(const qscan *q, const piece *first, speaker *sp)
{
    static const char *const relaying[] = {"according", "reported", "reports", "reporting", NULL};
    if (!sp->cue || !cl_in(sp->cue, strlen(sp->cue), relaying))
        return 1;
    size_t fs = cl_sentence_at(&q->d.ss, first->open);
    size_t lo = cl_token_at(&q->d.tk, q->d.ss.n ? q->d.ss.v[fs].start : 0);
    speaker own = {0};
    int r = cue_before(q, lo, cl_token_at(&q->d.tk, first->open), &own);
    if (r == 1 && own.cue && !cl_in(own.cue, strlen(own.cue), relaying) &&
        can_speak(q, own.start, own.end) && !(own.start < sp->end && own.end > sp->start) &&
        names_person(q, own.start, own.end)) {
        own.relay_start = sp->start;
        own.relay_end = sp->end;
        free(sp->cue);
        *sp = own;
        return 1;
    }
    free(own.cue);
    return r < 0 ? r : 1;
}

static int find_speaker(qscan *q, const piece *p, size_t i0, size_t i1, speaker *sp)
{
    /* 1. a cue between the pieces */
    for (size_t i = i0; i + 1 <= i1; i++) {
        size_t gs = p[i].close + p[i].close_len, ge = p[i + 1].open;
        if (p[i].continues || ge <= gs)
            continue;
        int r = cue_after(q, cl_token_at(&q->d.tk, gs), cl_token_at(&q->d.tk, ge), 0, sp);
        /* the reporting clause closing a partial quote's sentence */
        if (r == 0 && !closes_clause(q, &p[i]) && reported_run_on(q, &p[i], &p[i + 1]))
            r = cue_following(q, &p[i], sp);
        if (r)
            return r < 0 ? r : PX_OK;
    }
    /* 2. a cue right after the last piece, in its sentence; for a
     * partial quote coordinated with the next ones, after the last of
     * them */
    const piece *last = &p[i1];
    int next_cued = i1 + 1 < q->np && cue_of_next_piece(q, last, &q->p[i1 + 1]);
    for (size_t k = i1, n = 0; n < 4 && !next_cued; n++) {
        int r = cue_following(q, last, sp);
        if (r == 1)
            r = relayed_statement(q, &p[i0], sp);
        if (r)
            return r < 0 ? r : PX_OK;
        const piece *next = coordinated_next(q, k);
        if (!next)
            break;
        last = next;
        k++;
    }
    last = &p[i1];
    /* 2b'. a short cue clause with a pronoun subject opening the sentence
     * the next piece runs on from: `.” He admitted to a “...` goes on
     * about the same speaker and speaks for this quote too (a name there,
     * `.” Tad Devine said the “...`, introduces someone new) */
    if (i1 + 1 < q->np && runs_on(q, last, &q->p[i1 + 1]) && closes_clause(q, last)) {
        size_t gs = last->close + last->close_len, ge = q->p[i1 + 1].open;
        speaker gap = {0};
        int r = count_words(q->d.text + gs, ge - gs) <= 9
                    ? cue_after(q, cl_token_at(&q->d.tk, gs), cl_token_at(&q->d.tk, ge), 1, &gap)
                    : 0;
        px_gender g;
        if (r == 1 && is_pronoun(q->d.text + gap.start, gap.end - gap.start, &g)) {
            free(sp->cue);
            *sp = gap;
            return PX_OK;
        }
        free(gap.cue);
        if (r < 0)
            return r;
    }
    /* 2c. a byline opening the next paragraph: `...”¶- Ana Ruiz, Springfield.` */
    int rb = byline_below(q, p[i0].open, last, sp);
    if (rb)
        return rb < 0 ? rb : PX_OK;
    /* 3. a cue before the first piece, in its sentence, unless the quote
     * sits in a relative clause: "X, who called him “unfit”" */
    const piece *first = &p[i0];
    size_t fs = cl_sentence_at(&q->d.ss, first->open);
    size_t lo_off = q->d.ss.n ? q->d.ss.v[fs].start : 0;
    if (relative_clause(q, cl_token_at(&q->d.tk, lo_off), cl_token_at(&q->d.tk, first->open), sp))
        return PX_OK;
    if (possessive_speech(q, cl_token_at(&q->d.tk, lo_off), cl_token_at(&q->d.tk, first->open),
                          cl_token_at(&q->d.tk, last->close + last->close_len), sp))
        return PX_OK;
    int r = perceived_speech(q, cl_token_at(&q->d.tk, lo_off), cl_token_at(&q->d.tk, first->open), sp);
    if (r == 0)
        r = colon_main_clause(q, cl_token_at(&q->d.tk, lo_off), cl_token_at(&q->d.tk, first->open), sp);
    if (r == 0)
        r = cue_before(q, cl_token_at(&q->d.tk, lo_off), cl_token_at(&q->d.tk, first->open), sp);
    if (r == 0)
        r = naming_cue(q, cl_token_at(&q->d.tk, lo_off), cl_token_at(&q->d.tk, first->open), sp);
    return r < 0 ? r : PX_OK;
}

/* The last he/she in the quote's sentence before the quote, else the
 * first person named there, for quotes without a cue of their own.
 * Returns 1 when set. */
static int can_speak(const qscan *q, size_t s, size_t e);

static int sentence_subject(qscan *q, px_quote *x)
{
    size_t lo = x->sentence_start, hi = x->piece_start[0];
    size_t t = cl_token_at(&q->d.tk, lo);
    /* the last "he" or "she" before the quote is the subject of the
     * clause holding it: "Perez is winning applause as he keeps talking
     * about the “...”" (a name may be an object: "attacked Romney,
     * calling him “...”", so only subject pronouns count) */
    for (size_t i = t; i < q->d.tk.n && q->d.tk.v[i].start < hi; i++)
        if (cl_tok_is(&q->d, i, "he") || cl_tok_is(&q->d, i, "she"))
            t = i;
    if (t < q->d.tk.n && q->d.tk.v[t].start < hi) {
        px_gender g;
        const px_token *k = &q->d.tk.v[t];
        if (is_pronoun(q->d.text + k->start, k->end - k->start, &g) && g) {
            speaker sp = {0};
            int r = complement_speaker(q, cl_token_at(&q->d.tk, lo), t, &sp);
            if (r == 1 && can_speak(q, sp.start, sp.end))
                r = resolve_speaker(q, &sp, x) ? -1 : 1;
            free(sp.cue);
            if (r == 1)
                return 1;
            size_t rs, re;
            long e = nearest_person(q, k->start, g, x->start, x->end, &rs, &re);
            if (e >= 0) {
                x->speaker = px_strdup(q->people->v[e].name);
                x->speaker_kind = PX_SPEAKER_PERSON;
                x->speaker_entity = e;
                x->mention_start = k->start;
                x->mention_end = k->end;
                return 1;
            }
        }
    }
    if (!q->people)
        return 0;
    for (size_t m = first_mention_from(q->people, lo); m < q->people->n_mentions; m++) {
        const px_mention *mn = &q->people->mentions[m];
        if (mn->possessive)
            continue;
        if (mn->start >= hi)
            break;
        const px_entity *e = &q->people->v[mn->entity];
        if (e->kind != PX_ENTITY_PERSON)
            continue;
        /* the object of a preposition is no subject: "a tougher stance on
         * Netanyahu and “...”" */
        static const char *const preps[] = {"on", "at", "to", "with", "for", "against", "about",
                                            "from", "by", "of", "toward", "towards", NULL};
        size_t before = cl_token_at(&q->d.tk, mn->role_start);
        if (before > 0 && cl_tok_in(q->d.text, &q->d.tk.v[before - 1], preps))
            continue;
        x->speaker = px_strdup(e->name);
        x->speaker_kind = PX_SPEAKER_PERSON;
        x->speaker_entity = (long)mn->entity;
        x->mention_start = mn->start;
        x->mention_end = mn->end;
        return 1;
    }
    return 0;
}

/* A name right before the colon that opens the quote (`- Jeffrey Marsh:
 * “...”`, `... does not surprise pollster Dana Shaw: “...”`) introduces
 * it, as a transcript or a digest names its speaker; it takes precedence
 * over the subject of the sentence. open: the quote's opening mark. */
static int named_before_colon(const qscan *q, size_t open, speaker *sp)
{
    size_t c = open;
    while (c > 0 && isspace((unsigned char)q->d.text[c - 1]))
        c--;
    if (!q->people || c == 0 || q->d.text[c - 1] != ':')
        return 0;
    c--;
    for (size_t m = first_mention_ending_from(q->people, c); m < q->people->n_mentions; m++) {
        const px_mention *mn = &q->people->mentions[m];
        if (mn->start >= c)
            break;
        px_entity_kind k = q->people->v[mn->entity].kind;
        size_t t = cl_token_at(&q->d.tk, mn->role_start);
        /* the one addressed is no speaker: `delivered a message to Ana
         * Ruiz:`, `told BBC News:` (but `More from Ana Ruiz:` names the
         * source) */
        static const char *const addressed[] = {"to", "at", "toward", "towards", "against",
                                                "about", "on", "for", "told", "tell", "tells",
                                                "asked", "ask", "asks", NULL};
        if (t > 0 && cl_tok_in(q->d.text, &q->d.tk.v[t - 1], addressed))
            continue;
        if (mn->end == c && !mn->possessive && (k == PX_ENTITY_PERSON || k == PX_ENTITY_ORG)) {
            sp->start = mn->start;
            sp->end = mn->end;
            sp->found = 1;
            return 1;
        }
    }
    return 0;
}

/* The subject of the quote's own sentence, when the quote is not at its
 * start: "The memo calls for “...”", "Article 33 affirms: “...”". */
static int own_subject(const qscan *q, const px_quote *x, speaker *sp)
{
    size_t lo = cl_token_at(&q->d.tk, x->sentence_start);
    size_t hi = cl_token_at(&q->d.tk, x->piece_start[0]);
    if (hi > lo)
        hi--; /* the opening mark */
    size_t s, e;
    if (hi <= lo || !clause_subject(q, lo, hi, &s, &e))
        return 0;
    for (size_t v = lo; v < hi; v++)
        if (say_at(q, v) && passive_say_at(q, v))
            return 0; /* "Scenes have been described as “...”": not by the scenes */
    sp->start = s;
    sp->end = e;
    sp->found = 1;
    return 1;
}

/* The subject of the last clause of tokens [lo, hi), after its last
 * comma or dash: `And, when the hosts turned to gossip — as they do —
 * Ruiz called them on it:` when the sentence as a whole yields none. */
static int last_clause_subject(const qscan *q, size_t lo, size_t hi, size_t *s, size_t *e)
{
    size_t c = hi;
    while (c > lo && !(q->d.tk.v[c - 1].kind == PX_TOK_PUNCT &&
                       (q->d.text[q->d.tk.v[c - 1].start] == ',' || is_dash(q, c - 1))))
        c--;
    return c > lo && c < hi && clause_subject(q, c, hi, s, e);
}

/* A quote opening its sentence with no cue of its own, introduced by the
 * sentence before: `He said:` / `The Times reports:` (a colon: the cue of
 * that sentence, else its subject), or a sentence about
 * a person ("Valastro praised Christie's leadership.") whose subject then
 * speaks. Returns 1 with the mention in *sp. */
static int introduced_by(qscan *q, const px_quote *x, speaker *sp)
{
    if (!q->d.ss.n)
        return 0;
    size_t si = cl_sentence_at(&q->d.ss, x->start);
    size_t open = x->piece_start[0];
    while (open > q->d.ss.v[si].start && !isspace((unsigned char)q->d.text[open - 1]))
        open--; /* back over the mark */
    if (skip_space(q->d.text, q->d.ss.v[si].start, q->d.len) < open || si == 0)
        return 0;
    size_t pa = q->d.ss.v[si - 1].start, pb = q->d.ss.v[si - 1].end;
    while (pb > pa && isspace((unsigned char)q->d.text[pb - 1]))
        pb--;

    size_t lo = cl_token_at(&q->d.tk, pa), hi = cl_token_at(&q->d.tk, pb);
    for (size_t t = lo; t < hi; t++) {
        if (!cl_tok_quote(&q->d, t))
            continue;
        /* words in marks ("wave around words like “maybe”, he told
         * reporters.") are terms, not a quote of its own */
        size_t k = t + 1;
        while (k < hi && k < t + 5 && !cl_tok_quote(&q->d, k))
            k++;
        if (k >= hi || k >= t + 5)
            return 0; /* the sentence before quotes someone itself */
        t = k;
    }
    size_t s, e;
    int r = cue_before(q, lo, hi, sp); /* "…, Schiff said." */
    if (r)
        return r;
    if (pb > pa && q->d.text[pb - 1] == ':') {
        if (clause_subject(q, lo, hi, &s, &e) || last_clause_subject(q, lo, hi, &s, &e)) {
            sp->start = s;
            sp->end = e;
            sp->found = 1;
            return 1;
        }
        return 0;
    }
    if (!clause_subject(q, lo, hi, &s, &e))
        return 0;
    px_gender g;
    long ent = q->people ? px_entities_at(q->people, s, e) : -1;
    size_t h = e;
    while (h > s && !isspace((unsigned char)q->d.text[h - 1]))
        h--;
    if (!is_pronoun(q->d.text + s, e - s, &g) &&
        (ent < 0 || q->people->v[ent].kind != PX_ENTITY_PERSON) &&
        !cl_is_role_noun(q->d.text + h, e - h)) /* "His former business partner" */
        return 0;
    sp->start = s;
    sp->end = e;
    sp->found = 1;
    return 1;
}

/* Does the article write the place where only a place goes (`in
 * Chicago`, `near St. Petersburg`)? The tagger alone also calls unknown
 * surnames places (`Sharpton said`). */
static int located(const qscan *q, size_t entity)
{
    return q->located && q->located[entity];
}

/* Marks once, per person, whether a mention of them has a preposition of
 * place before it (located), instead of scanning every mention for each
 * quote a long text asks about. */
static void mark_located(qscan *q)
{
    static const char *const at[] = {"in", "near", "across", "outside", "inside", "throughout",
                                     NULL};
    if (!q->located)
        return;
    for (size_t m = 0; m < q->people->n_mentions; m++) {
        const px_mention *mn = &q->people->mentions[m];
        size_t t = cl_token_at(&q->d.tk, mn->role_start);
        if (t > 0 && cl_tok_in(q->d.text, &q->d.tk.v[t - 1], at))
            q->located[mn->entity] = 1;
    }
}

/* A weekday, a month or a function word (`Tuesday charged`, `When
 * told`, `Rather`): capitalised by its place, never a speaker's name. */
static int function_or_calendar_word(const char *s, size_t len)
{
    char buf[32];
    if (cl_is_calendar_word(s, len))
        return 1;
    if (len >= sizeof buf)
        return 0;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    return px_is_stopword("en", buf, len);
}

/* Is token i a title (`Dr.`, `Sen.`, `Mayor`) followed, before token
 * te, by a capitalised word that is no title itself: `Dr. Okafor`? */
static int titled_name_at(const qscan *q, size_t i, size_t te)
{
    const px_token *k = &q->d.tk.v[i];
    if (!cl_is_role_word(q->d.text + k->start, k->end - k->start))
        return 0;
    size_t n = i + 1;
    if (n < te && q->d.tk.v[n].kind == PX_TOK_PUNCT && q->d.text[q->d.tk.v[n].start] == '.')
        n++; /* "Dr" "." when the abbreviation splits */
    if (n >= te || !word_at(q, n))
        return 0;
    const px_token *w = &q->d.tk.v[n];
    return isupper((unsigned char)q->d.text[w->start]) &&
           !cl_is_role_word(q->d.text + w->start, w->end - w->start) &&
           !function_or_calendar_word(q->d.text + w->start, w->end - w->start);
}

/* Is the word at byte s capitalised by its place: at the start of its
 * sentence, or after an opening mark, a colon, a dash or a bracket?
 * Elsewhere a capitalised function word is a name (`,” Will wrote`,
 * `which Will claims`, `From said`). */
static int capitalised_by_place(const qscan *q, size_t s)
{
    size_t t = cl_token_at(&q->d.tk, s);
    if (t == 0 || (q->d.ss.n && q->d.ss.v[cl_sentence_at(&q->d.ss, s)].start >= q->d.tk.v[t - 1].end))
        return 1;
    const px_token *p = &q->d.tk.v[t - 1];
    if (p->kind != PX_TOK_PUNCT)
        return 0;
    char c = q->d.text[p->start];
    if (c == ',' || c == ';')
        return 0;
    /* a closing mark right after a comma or full stop closes a quote */
    return !(cl_tok_quote(&q->d, t - 1) && t >= 2 && q->d.tk.v[t - 2].kind == PX_TOK_PUNCT &&
             q->d.tk.v[t - 2].end == p->start && strchr(",?!", q->d.text[q->d.tk.v[t - 2].start]));
}

/* Can the mention [s, e) speak? People and organisations can, and so can
 * pronouns, documents, groups and roles; a name the tagger calls a place
 * or an event, work or nationality (`St. Petersburg`, `Bastille Day`,
 * `the Super Bowl`) cannot, nor a capitalised phrase it does not call a
 * name at all (`Hide Caption`, `View`, `German`) nor a lone weekday or
 * function word. */
/* A phrase of tokens [t, te) that is one pronoun (or "it", "who",
 * "which"). */
static int lone_pronoun(const qscan *q, size_t t, size_t te)
{
    const px_token *f = &q->d.tk.v[t];
    px_gender g;
    return te - t == 1 && (is_pronoun(q->d.text + f->start, f->end - f->start, &g) ||
                           cl_tok_is(&q->d, t, "it") || cl_tok_is(&q->d, t, "who") ||
                           cl_tok_is(&q->d, t, "which"));
}

/* The head of the phrase [t, te): the last word before its first
 * preposition. */
static size_t phrase_head(const qscan *q, size_t t, size_t te)
{
    static const char *const preps[] = {"from", "of", "by", "with", "to", "for", "at", "in", NULL};
    size_t head = t;
    for (size_t i = t; i < te; i++) {
        if (i > t && cl_tok_in(q->d.text, &q->d.tk.v[i], preps))
            break;
        if (q->d.tk.v[i].kind == PX_TOK_WORD)
            head = i;
    }
    return head;
}

/* A head noun that names a voice: a document, a group, a role. */
static int voice_noun(const qscan *q, size_t head)
{
    const px_token *h = &q->d.tk.v[head];
    const char *hs = q->d.text + h->start;
    size_t hl = h->end - h->start;
    return cl_is_document_noun(hs, hl) || cl_is_group_noun(hs, hl) || cl_is_role_noun(hs, hl) ||
           cl_is_role_word(hs, hl);
}

/* An adverb closing a subject is no part of it: "The actor repeatedly
 * refused" (the actor), "The recently opened store" (nothing left but
 * "The"). */
static void drop_trailing_adverbs(const qscan *q, speaker *sp)
{
    size_t t = cl_token_at(&q->d.tk, sp->start), te = cl_token_at(&q->d.tk, sp->end);
    while (te > t + 1) {
        const px_token *k = &q->d.tk.v[te - 1];
        if (k->kind != PX_TOK_WORD || !ly_adverb(q->d.text + k->start, k->end - k->start))
            break;
        te--;
    }
    sp->end = q->d.tk.v[te - 1].end;
}

/* The subject of a quote's own sentence is no speaker when its head is
 * no noun of someone: a time ("A day after ...", "Hours after ...") or a
 * determiner alone ("Another item on sale was an “...”", "Every runner
 * will see"; but "Another revealed: “...”" is another witness). */
static int subject_is_no_one(const qscan *q, size_t s, size_t e)
{
    static const char *const times[] = {"day", "days", "hour", "hours", "week", "weeks", "month",
                                        "months", "year", "years", "minutes", "today", "yesterday",
                                        "tonight", "time", "times", NULL};
    static const char *const alone[] = {"another", "every", "each", "some", "the", "a", "an", NULL};
    size_t t = cl_token_at(&q->d.tk, s), te = cl_token_at(&q->d.tk, e);
    if (t >= te)
        return 0;
    const px_token *h = &q->d.tk.v[phrase_head(q, t, te)];
    return cl_tok_in(q->d.text, h, times) ||
           (te == t + 1 && cl_tok_in(q->d.text, h, alone) && !say_at(q, te)); /* "Another said:" */
}

static int can_speak(const qscan *q, size_t s, size_t e)
{
    size_t t = cl_token_at(&q->d.tk, s), te = cl_token_at(&q->d.tk, e);
    if (t >= te || !q->people)
        return 1;
    if (lone_pronoun(q, t, te))
        return 1;
    size_t head = phrase_head(q, t, te);
    const px_token *h = &q->d.tk.v[head];
    const char *hs = q->d.text + h->start;
    size_t hl = h->end - h->start;
    if (voice_noun(q, head))
        return 1;
    int head_named = 0, named = 0;
    for (size_t m = first_mention_ending_from(q->people, s + 1); m < q->people->n_mentions; m++) {
        const px_mention *mn = &q->people->mentions[m];
        if (mn->start >= e)
            break;
        px_entity_kind k = q->people->v[mn->entity].kind;
        if (k == PX_ENTITY_PERSON || k == PX_ENTITY_ORG)
            return 1;
        named = 1;
        head_named |= k == PX_ENTITY_PLACE && mn->start <= h->start && mn->end >= h->end &&
                      located(q, mn->entity);
    }
    if (head_named)
        return 0;
    if (named || !isupper((unsigned char)hs[0]))
        return 1;
    /* no name at all: a run of two or more capitalised words the tagger
     * left out is page furniture or a fragment (`Hide Caption`, `View
     * Photos`), not a speaker, unless a title introduces it: `Dr. Okafor`
     * is a person whatever the tagger knows of the surname */
    size_t words = 0;
    for (size_t i = t; i < te; i++) {
        const px_token *k = &q->d.tk.v[i];
        if (k->kind != PX_TOK_WORD)
            continue;
        if (!isupper((unsigned char)q->d.text[k->start]))
            return 1;
        if (titled_name_at(q, i, te))
            return 1;
        words++;
    }
    return words < 2 && !(te - t == 1 && (cl_is_calendar_word(hs, hl) ||
                                          (function_or_calendar_word(hs, hl) && capitalised_by_place(q, s))));
}

/* Is byte off inside one of the quote's pieces? */
static int in_pieces(const px_quote *x, size_t off)
{
    for (size_t i = 0; i < x->n_pieces; i++)
        if (off >= x->piece_start[i] && off < x->piece_end[i])
            return 1;
    return 0;
}

/* A second source that passed the quote on: `“...,” Welch said, according
 * to Vermont Edition.`, `According to CNN, X said “...”`. The words after
 * an "according to" of the quote's sentence (outside the quote) that is
 * not the speaker's own cue. */
static int find_relay(const qscan *q, px_quote *x)
{
    if (!x->speaker || x->relay || x->mention_end <= x->mention_start)
        return PX_OK;
    size_t t = cl_token_at(&q->d.tk, x->sentence_start);
    size_t hi = cl_token_at(&q->d.tk, x->sentence_end);
    for (; t + 2 < hi; t++) {
        if (!cl_tok_is(&q->d, t, "according") || !cl_tok_is(&q->d, t + 1, "to") ||
            in_pieces(x, q->d.tk.v[t].start))
            continue;
        size_t s, e;
        if (!cl_phrase_after(&q->d, t + 2, hi, &s, &e) || s == x->mention_start ||
            (s < x->mention_end && e > x->mention_start))
            continue; /* the speaker's own "according to X" */
        x->relay = cl_squeeze(q->d.text + s, e - s);
        return x->relay ? PX_OK : PX_ENOMEM;
    }
    return PX_OK;
}

/* Does the phrase at token t count respondents: "25 percent of likely
 * voters", "24% of Republicans", "Six in 10 Republicans"? */
static int respondent_share(const qscan *q, size_t t)
{
    static const char *const small[] = {"two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", NULL};
    if (t >= q->d.tk.n)
        return 0;
    const px_token *k = &q->d.tk.v[t];
    if (k->kind == PX_TOK_NUMBER)
        return (k->flags & PX_TOKF_PERCENT) || cl_tok_is(&q->d, t + 1, "percent") ||
               (cl_tok_is(&q->d, t + 1, "in") && cl_tok_is(&q->d, t + 2, "10"));
    return cl_tok_in(q->d.text, k, small) && cl_tok_is(&q->d, t + 1, "in") &&
           (cl_tok_is(&q->d, t + 2, "10") || cl_tok_is(&q->d, t + 2, "ten"));
}

/* A share of respondents says what a poll found: "The poll has bad news
 * for Bush — 25 percent of likely voters say they would “definitely not
 * support” him". The poll named in the quote's sentence or the one before
 * speaks, as the source of the figure. Replaces the speaker of x; 1 when
 * it did, <0 on error. */
static int poll_source(qscan *q, px_quote *x)
{
    size_t m = cl_token_at(&q->d.tk, x->mention_start);
    if (x->mention_end <= x->mention_start || !respondent_share(q, m) || !q->d.ss.n)
        return 0;
    size_t si = cl_sentence_at(&q->d.ss, x->mention_start);
    size_t lo = cl_token_at(&q->d.tk, q->d.ss.v[si ? si - 1 : 0].start);
    static const char *const polls[] = {"poll", "polls", "survey", "surveys", NULL};
    static const char *const dets[] = {"the", "a", "an", "this", "that", "its", "their", NULL};
    for (size_t p = m; p-- > lo;) {
        if (!cl_tok_in(q->d.text, &q->d.tk.v[p], polls))
            continue;
        size_t b = p;
        while (b > lo && b + 6 > p && word_at(q, b - 1) && !cl_tok_in(q->d.text, &q->d.tk.v[b], dets) &&
               (isupper((unsigned char)q->d.text[q->d.tk.v[b - 1].start]) ||
                cl_tok_in(q->d.text, &q->d.tk.v[b - 1], dets) || b - 1 + 3 > p))
            b--;
        speaker sp = {.start = q->d.tk.v[b].start, .end = q->d.tk.v[p].end, .found = 1};
        free(x->speaker);
        x->speaker = NULL;
        x->speaker_entity = -1;
        return resolve_speaker(q, &sp, x) ? PX_ENOMEM : 1;
    }
    return 0;
}

static int emit(qscan *q, const piece *p, size_t i0, size_t i1, px_quote_list *out,
                long *last_speech)
{
    if (CL_GROW(out->v, out->cap, out->n))
        return PX_ENOMEM;
    px_quote *x = &out->v[out->n];
    memset(x, 0, sizeof *x);
    x->speaker_entity = -1;
    x->n_pieces = i1 - i0 + 1;
    x->piece_start = malloc(x->n_pieces * sizeof *x->piece_start);
    x->piece_end = malloc(x->n_pieces * sizeof *x->piece_end);
    if (!x->piece_start || !x->piece_end) {
        free(x->piece_start);
        free(x->piece_end);
        return PX_ENOMEM;
    }
    size_t words = 0;
    for (size_t i = i0; i <= i1; i++) {
        x->piece_start[i - i0] = p[i].start;
        x->piece_end[i - i0] = p[i].end;
        words += count_words(q->d.text + p[i].start, p[i].end - p[i].start);
    }
    x->start = p[i0].start;
    x->end = p[i1].end;
    out->n++; /* from here on, px_quote_list_clear frees x */
    size_t s = cl_sentence_at(&q->d.ss, x->start);
    x->sentence_start = q->d.ss.n ? q->d.ss.v[s].start : 0;
    x->sentence_end = q->d.ss.n ? q->d.ss.v[s].end : q->d.len;
    if (build_text(q, x, &x->text))
        return PX_ENOMEM;
    x->kind = classify(q, &p[i0], x->n_pieces, words);
    speaker sp = {0};
    if (x->kind == PX_QUOTE_TERM) {
        /* a short utterance with its own cue (`“It’s finished,” she
         * said`) stays a term but speaks for the quotes after it */
        const piece *last = &p[i1];
        size_t a = last->close + last->close_len;
        size_t si = cl_sentence_at(&q->d.ss, a);
        size_t b = q->d.ss.n ? q->d.ss.v[si].end : q->d.len;
        if (b > last->para_end)
            b = last->para_end;
        int rc = PX_OK;
        if (a < b && closes_clause(q, last) && q->d.text[last->end - 1] == ',' &&
            cue_after(q, cl_token_at(&q->d.tk, a), cl_token_at(&q->d.tk, b), 1, &sp) == 1) {
            x->cue = sp.cue;
            sp.cue = NULL;
            rc = resolve_speaker(q, &sp, x);
            if (!rc && x->speaker)
                *last_speech = (long)(out->n - 1);
        }
        free(sp.cue);
        return rc;
    }
    int rc = find_speaker(q, p, i0, i1, &sp);
    if (!rc && sp.found && !can_speak(q, sp.start, sp.end)) {
        sp.found = 0;
        free(sp.cue);
        sp.cue = NULL;
    }
    if (!rc && sp.found) {
        x->cue = sp.cue;
        sp.cue = NULL;
        rc = resolve_speaker(q, &sp, x);
        if (sp.relative) {
            x->mention_start = sp.rel_start;
            x->mention_end = sp.rel_end;
        }
        if (!rc && sp.relay_end > sp.relay_start &&
            !(x->relay = cl_squeeze(q->d.text + sp.relay_start, sp.relay_end - sp.relay_start)))
            rc = PX_ENOMEM;
    } else if (!rc && named_before_colon(q, p[i0].open, &sp)) {
        rc = resolve_speaker(q, &sp, x);
    } else if (!rc && own_subject(q, x, &sp) && (drop_trailing_adverbs(q, &sp), 1) &&
               can_speak(q, sp.start, sp.end) && !subject_is_no_one(q, sp.start, sp.end)) {
        /* "The ad targets a “corrupt system”": whatever the sentence is about */
        rc = resolve_speaker(q, &sp, x);
    } else if (!rc && sentence_subject(q, x)) {
        /* "Ali called on fellow Muslims to “...”": the sentence's subject */
    } else if (!rc && x->kind == PX_QUOTE_SPEECH && introduced_by(q, x, &sp) &&
               can_speak(q, sp.start, sp.end)) {
        x->cue = sp.cue;
        sp.cue = NULL;
        rc = resolve_speaker(q, &sp, x);
    } else if (!rc && (x->kind == PX_QUOTE_SPEECH || x->kind == PX_QUOTE_PARTIAL) &&
               *last_speech >= 0) {
        /* no cue: the speaker of the quote just before, when it is in the
         * same or the previous paragraph; a partial quote only in the
         * same paragraph, right after a statement ("“...,” X said. That
         * makes her “...”") */
        const px_quote *prev = &out->v[*last_speech];
        const char *between = q->d.text + prev->end;
        size_t gap = x->start - prev->end, paras = 0;
        for (size_t i = 0; i < gap; i++)
            paras += between[i] == '\n' && (i == 0 || between[i - 1] != '\n');
        size_t words = count_words(between, gap);
        int near = x->kind == PX_QUOTE_SPEECH ? paras <= 2 && words <= 40
                                              : paras == 0 && words <= 20 && prev->kind == PX_QUOTE_SPEECH;
        if (prev->speaker && near) {
            x->speaker = px_strdup(prev->speaker);
            x->speaker_kind = prev->speaker_kind;
            x->speaker_entity = prev->speaker_entity;
            /* the mention that named the speaker, as for the quote before */
            x->mention_start = prev->mention_start;
            x->mention_end = prev->mention_end;
            if (!x->speaker)
                rc = PX_ENOMEM;
        }
    }
    free(sp.cue);
    if (!rc && x->speaker && poll_source(q, x) < 0)
        rc = PX_ENOMEM;
    if (q->spoke && x->speaker_entity >= 0 && x->mention_end > x->mention_start &&
        !is_pronoun(q->d.text + x->mention_start, x->mention_end - x->mention_start, &(px_gender){0}))
        q->spoke[x->speaker_entity] = 1;
    if (!rc && x->cue)
        rc = find_relay(q, x);
    if (x->speaker_kind == PX_SPEAKER_DOCUMENT || x->speaker_kind == PX_SPEAKER_ORG)
        q->last_thing = (long)(out->n - 1);
    /* a partial quote with a cue of its own, or reported by a verb of
     * saying in its sentence, also sets the speaker for the quotes that
     * follow: `are “not meeting the demand,” says X. “We often compare
     * ...”`, `X shot back, saying he had “made money.” ¶ “Frankly, ...”` */
    if (x->kind == PX_QUOTE_SPEECH || (x->speaker && (x->cue || said_before(q, x->start))))
        *last_speech = (long)(out->n - 1);
    return rc;
}

/* ---- public API ------------------------------------------------------------------ */

const char *px_quote_kind_name(px_quote_kind k)
{
    return k == PX_QUOTE_SPEECH ? "speech" : k == PX_QUOTE_PARTIAL ? "partial" : "term";
}

int px_quote_display(const px_quote *q, const char *body, px_buf *out)
{
    if (!body || !q->n_pieces)
        return px_buf_puts(out, q->text ? q->text : "");
    int rc = PX_OK;
    for (size_t i = 0; i < q->n_pieces && rc == PX_OK; i++) {
        size_t a = q->piece_start[i], b = q->piece_end[i];
        while (b > a && (body[b - 1] == ',' || body[b - 1] == ' '))
            b--;
        if (i)
            rc = px_buf_puts(out, " … ");
        if (rc == PX_OK)
            rc = px_buf_append(out, body + a, b - a);
    }
    return rc;
}

const char *px_speaker_kind_name(px_speaker_kind k)
{
    static const char *const names[] = {"none", "person", "org", "document", "group"};
    return (unsigned)k < 5 ? names[k] : "none";
}

void px_quote_list_init(px_quote_list *l) { memset(l, 0, sizeof *l); }

void px_quote_list_clear(px_quote_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].piece_start);
        free(l->v[i].piece_end);
        free(l->v[i].text);
        free(l->v[i].speaker);
        free(l->v[i].cue);
        free(l->v[i].relay);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

int px_quotes_extract(const px_article *a, const px_entity_list *people, px_quote_list *out)
{
    return px_quotes_extract_doc(a, NULL, people, out);
}

/* Articles in a language with a data/claims table: its marks and verbs
 * (quotes_lang.c); English stays below. */
static int quotes_in_language(const cl_lang *lang, const px_article *a, const px_doc *doc, px_quote_list *out)
{
    cl_doc d;
    int rc = cl_lang_doc_init(&d, a->body, doc, lang->code);
    if (!rc)
        rc = px_quotes_extract_lang(lang, &d, out);
    cl_doc_free(&d);
    return rc;
}

int px_quotes_extract_doc(const px_article *a, const px_doc *doc, const px_entity_list *people,
                          px_quote_list *out)
{
    if (!a || !out)
        return PX_EUSAGE;
    if (!a->body)
        return PX_OK;
    const cl_lang *lang = cl_lang_get(a->language);
    if (lang)
        return quotes_in_language(lang, a, doc, out);
    px_entity_list own;
    px_entity_list_init(&own);
    qscan q = {.people = people, .out = out, .last_thing = -1};
    int rc = PX_OK;
    if (!people) {
        rc = px_entities_extract_doc(a, doc, &own);
        q.people = &own;
    }
    if (!rc && q.people->n &&
        (!(q.spoke = calloc(q.people->n, 1)) || !(q.located = calloc(q.people->n, 1)) ||
         !(q.personish = calloc(q.people->n, 1)) ||
         !(q.surname_of = malloc(q.people->n * sizeof *q.surname_of))))
        rc = PX_ENOMEM;
    if (!rc)
        rc = cl_doc_init(&q.d, a->body, doc);
    if (!rc) {
        mark_saying_subjects(&q);
        rc = index_surnames(&q);
    }
    if (!rc) {
        mark_personish(&q);
        mark_located(&q);
        rc = lower_roles(&q);
    }
    if (!rc)
        rc = find_pieces(&q);
    long last_speech = -1;
    for (size_t i = 0; !rc && i < q.np;) {
        size_t j = i;
        while (j + 1 < q.np && (drop_title_in_cue(&q, j) || gap_is_cue(&q, &q.p[j], &q.p[j + 1]) ||
                                coordinated_partials(&q, j) || sentence_fragments(&q, j)))
            j++;
        rc = emit(&q, q.p, i, j, out, &last_speech);
        i = j + 1;
    }
    free(q.p);
    free(q.spoke);
    free(q.located);
    free(q.personish);
    free(q.surname_of);
    free(q.surname_owner);
    px_map_free(&q.surnames);
    for (size_t i = 0; q.roles && i < q.people->n; i++)
        free(q.roles[i]);
    free(q.roles);
    cl_doc_free(&q.d);
    px_entity_list_clear(&own);
    return rc ? PX_ENOMEM : PX_OK;
}

/* ---- linking the same quote across articles ------------------------------------------ */

typedef struct folded_quote {
    px_ref ref;
    char *text;     /* folded, letters and digits only, single spaces */
    size_t words;
    uint64_t *tri;  /* sorted word-trigram hashes */
    size_t n_tri;
    size_t group;
} folded_quote;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int fold_quote(const px_quote *x, px_ref ref, folded_quote *f)
{
    memset(f, 0, sizeof *f);
    f->ref = ref;
    char *folded = px_fold(x->text, strlen(x->text));
    if (!folded)
        return PX_ENOMEM;
    size_t n = 0;
    int space = 0;
    for (char *p = folded; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c >= 0x80) {
            if (space && n)
                folded[n++] = ' ';
            space = 0;
            folded[n++] = (char)c;
        } else if (c != '\'') {
            space = 1;
        }
    }
    folded[n] = '\0';
    f->text = folded;
    size_t starts[4096];
    size_t nw = 0;
    for (size_t i = 0; i < n && nw < 4096; i++)
        if (i == 0 || folded[i - 1] == ' ')
            starts[nw++] = i;
    f->words = nw;
    if (nw >= 3) {
        f->tri = malloc((nw - 2) * sizeof *f->tri);
        if (!f->tri)
            return PX_ENOMEM;
        for (size_t i = 0; i + 2 < nw; i++) {
            size_t end = i + 3 < nw ? starts[i + 3] - 1 : n;
            f->tri[f->n_tri++] = px_hash64(folded + starts[i], end - starts[i], 11);
        }
        qsort(f->tri, f->n_tri, sizeof *f->tri, cmp_u64);
    }
    return PX_OK;
}

static size_t shared_trigrams(const folded_quote *a, const folded_quote *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n_tri && j < b->n_tri) {
        if (a->tri[i] == b->tri[j])
            n++, i++, j++;
        else if (a->tri[i] < b->tri[j])
            i++;
        else
            j++;
    }
    return n;
}

static int same_words(const folded_quote *a, const folded_quote *b)
{
    if (strcmp(a->text, b->text) == 0)
        return 1;
    const folded_quote *s = a->words <= b->words ? a : b, *l = s == a ? b : a;
    if (s->words >= 6 && strstr(l->text, s->text))
        return 1;
    size_t smaller = a->n_tri < b->n_tri ? a->n_tri : b->n_tri;
    return smaller >= 2 && shared_trigrams(a, b) * 2 >= smaller;
}

void px_quote_links_clear(px_quote_links *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].members);
        free(l->v[i].text);
        free(l->v[i].speaker);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

static size_t root_of(folded_quote *f, size_t i)
{
    while (f[i].group != i)
        i = f[i].group = f[f[i].group].group;
    return i;
}

static int add_link(px_quote_links *out, const px_quote_list *const *lists, folded_quote *f,
                    size_t n, size_t root)
{
    px_quote_link link = {0};
    size_t articles = 0;
    long last_article = -1;
    for (size_t i = 0; i < n; i++) {
        if (root_of(f, i) != root)
            continue;
        px_ref *m = realloc(link.members, (link.n_members + 1) * sizeof *m);
        if (!m) {
            free(link.members);
            return PX_ENOMEM;
        }
        link.members = m;
        m[link.n_members++] = f[i].ref;
        if ((long)f[i].ref.article != last_article)
            articles++, last_article = (long)f[i].ref.article;
    }
    if (articles < 2) {
        free(link.members);
        return PX_OK;
    }
    const px_quote *longest = NULL;
    const char *speaker = NULL;
    size_t speaker_votes = 0;
    for (size_t i = 0; i < link.n_members; i++) {
        const px_quote *x = &lists[link.members[i].article]->v[link.members[i].item];
        if (!longest || strlen(x->text) > strlen(longest->text))
            longest = x;
        if (!x->speaker || x->speaker_kind == PX_SPEAKER_NONE)
            continue;
        size_t votes = 0;
        for (size_t j = 0; j < link.n_members; j++) {
            const px_quote *y = &lists[link.members[j].article]->v[link.members[j].item];
            votes += y->speaker && strcmp(y->speaker, x->speaker) == 0;
        }
        if (votes > speaker_votes)
            speaker = x->speaker, speaker_votes = votes;
    }
    link.text = px_strdup(longest->text);
    link.speaker = speaker ? px_strdup(speaker) : NULL;
    if (!link.text || (speaker && !link.speaker) || CL_GROW(out->v, out->cap, out->n)) {
        free(link.members);
        free(link.text);
        free(link.speaker);
        return PX_ENOMEM;
    }
    out->v[out->n++] = link;
    return PX_OK;
}

int px_quotes_link(const px_quote_list *const *lists, size_t n, px_quote_links *out, px_error *err)
{
    size_t total = 0;
    for (size_t a = 0; a < n; a++)
        for (size_t i = 0; lists[a] && i < lists[a]->n; i++)
            total += lists[a]->v[i].kind != PX_QUOTE_TERM;
    folded_quote *f = calloc(total ? total : 1, sizeof *f);
    if (!f)
        return px_error_set(err, PX_ENOMEM, "out of memory linking quotes");
    size_t k = 0;
    int rc = PX_OK;
    for (size_t a = 0; a < n && !rc; a++)
        for (size_t i = 0; lists[a] && i < lists[a]->n && !rc; i++)
            if (lists[a]->v[i].kind != PX_QUOTE_TERM) {
                rc = fold_quote(&lists[a]->v[i], (px_ref){a, i}, &f[k]);
                f[k].group = k;
                k++;
            }
    /* pairs of different articles sharing a trigram: quadratic in the
     * quotes of a story, which stays small */
    for (size_t i = 0; i < k && !rc; i++)
        for (size_t j = i + 1; j < k; j++)
            if (f[i].ref.article != f[j].ref.article && root_of(f, i) != root_of(f, j) &&
                same_words(&f[i], &f[j]))
                f[root_of(f, j)].group = root_of(f, i);
    for (size_t i = 0; i < k && !rc; i++)
        if (root_of(f, i) == i)
            rc = add_link(out, lists, f, k, i);
    for (size_t i = 0; i < k; i++) {
        free(f[i].text);
        free(f[i].tri);
    }
    free(f);
    if (rc)
        return px_error_set(err, rc, "out of memory linking quotes");
    return PX_OK;
}
