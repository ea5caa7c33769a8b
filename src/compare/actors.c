/* actors.c - the words each outlet attaches to the story's main actors
 * (actors.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax/actors.h"
#include "parallax/text.h"
#include "text/claims_common.h"
#include "core/grow.h"
#include "compare/actors_internal.h"
#include "compare/descriptors.h"
#include "compare/entities_internal.h"
#include "core/common_internal.h"

/* One attached word at one mention. */
typedef struct use {
    size_t slot, source, sentence;
    char *word;
    size_t sources; /* distinct outlets attaching it to the actor */
} use;

typedef struct uses {
    use *v;
    size_t n, cap;
} uses;

/* The actors: the most mentioned entities most outlets name; slot[e] is
 * the row of merged entity e, or -1. */
static long *choose_actors(const px_story_text *s, const px_entity_list *people, size_t *n_rows, size_t *entity)
{
    long *slot = malloc((people->n + 1) * sizeof *slot);
    if (!slot)
        return NULL;
    size_t n = 0, need = s->n_sources > 1 ? 2 : 1;
    for (size_t e = 0; e < people->n; e++) {
        slot[e] = -1;
        const char *nm = people->v[e].name;
        if (n < PX_MAX_ACTORS && people->v[e].n_sources >= need && !px_entity_name_is_demonym(nm, strlen(nm))) {
            entity[n] = e;
            slot[e] = (long)n++;
        }
    }
    *n_rows = n;
    return slot;
}

/* A lower-case word of four letters or more: a content word, not a name. */
static int is_lower_word(const char *body, const px_token *t)
{
    return t->kind == PX_TOK_WORD && !(t->flags & PX_TOKF_CAPITALIZED) && !(t->flags & PX_TOKF_ALLCAPS) &&
           islower((unsigned char)body[t->start]) && t->end - t->start >= 4;
}

/* Stopwords, prepositions (a closed class the stopword list leaves to the
 * framing statistics) and -ly adverbs: words that say nothing of the actor. */
static int is_stop(const char *body, const px_token *t)
{
    static const char *const prepositions[] = {
        "amid",   "amidst",  "among",  "including", "since",  "toward",    "towards",    "within",
        "without", "despite", "across", "upon",     "onto",   "beyond",    "behind",     "near",
        "versus", "via",     "around", "outside",  "inside", "like",      "unlike",     "against",
        "along",  "alongside", "throughout", "beside", "besides", "whether", "away",     "except",
        "beneath", "underneath", "past", NULL};
    char w[32];
    size_t n = t->end - t->start;
    if (n >= sizeof w)
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)body[t->start + i]);
    w[n] = '\0';
    if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y')
        return 1;
    for (size_t i = 0; prepositions[i]; i++)
        if (strcmp(w, prepositions[i]) == 0)
            return 1;
    return px_is_stopword("en", w, n);
}

static int is_auxiliary(const char *body, const px_token *t)
{
    static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", NULL};
    size_t n = t->end - t->start;
    for (size_t i = 0; aux[i]; i++)
        if (strlen(aux[i]) == n && strncasecmp(body + t->start, aux[i], n) == 0)
            return 1;
    return 0;
}

/* Nothing but spaces (or one hyphen) between two tokens: the same phrase. */
static int joined(const char *body, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (body[i] != ' ' && body[i] != '-')
            return 0;
    return 1;
}

/* The story sentence of article a that holds byte pos. */
static size_t sentence_at(const px_story_text *s, size_t a, size_t pos)
{
    size_t lo = s->first_sentence[a], hi = s->first_sentence[a + 1];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->sentences[mid].start <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* "Israel's", "Biden’s": a verb before the name takes what it owns as its
 * object ("calling Israel's campaign"), not the actor. */
static int possessive_at(const char *body, size_t end)
{
    return body[end] == '\'' || strncmp(body + end, "\xe2\x80\x99", 3) == 0;
}

static int add_use(uses *u, size_t slot, size_t source, size_t sentence, const char *body, size_t from, size_t to)
{
    if (to - from > 4 && possessive_at(body, to - 2) && body[to - 1] == 's')
        to -= 2; /* "administration's" is the word "administration" */
    else if (to - from > 5 && possessive_at(body, to - 4) && body[to - 1] == 's')
        to -= 4;
    char *w = px_strndup(body + from, to - from);
    if (!w || px_grow(&u->v, &u->cap, u->n + 1, sizeof *u->v, 256, 0)) {
        free(w);
        return PX_ENOMEM;
    }
    for (char *p = w; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    u->v[u->n++] = (use){slot, source, sentence, w, 0};
    return PX_OK;
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k + 1 && strncasecmp(w + n - k, suffix, k) == 0;
}

/* "has allowed" is what the actor did; "was killed", "have been
 * murdered" what was done to it. */
static int is_form_of_be(const char *body, const px_token *t)
{
    static const char *const forms[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
    return cl_tok_in(body, t, forms);
}

/* After "is", "was", "have been": a past participle ("killed", "taken",
 * "shown") says what is done to the actor; "-ing" and the rest say what
 * it does ("are investigating"). */
static int passive_form(const char *body, const px_token *t)
{
    const char *w = body + t->start;
    size_t n = t->end - t->start;
    /* "keen", "green" are no participles (ends_with wants a stem before
     * the ending, which "k" of "keen" is too short to be) */
    int een = n >= 3 && strncasecmp(w + n - 3, "een", 3) == 0;
    return ends_with(w, n, "ed") || (ends_with(w, n, "en") && !een) || ends_with(w, n, "wn");
}

/* Participles of verbs that carry little meaning of their own ("was given
 * a guard of honour", "is called in", "were involved in"): they say
 * nothing of what is done to the person. */
static int light_participle(const char *body, const px_token *t)
{
    static const char *const words[] = {"given", "called", "involved", "used", "taken", "made", "seen",
                                        "put", "got", "gotten", "left", "found", "held", "kept", "brought",
                                        "set", "known", "expected", "done", "based", "supposed", "asked",
                                        "allowed", "joined", "followed", "named", "listed", NULL};
    return cl_tok_in(body, t, words);
}

/* Words that open a noun phrase: what follows them up to the name
 * describes it ("the embattled", "his former aide"). Not "that", more
 * often a clause's ("a report that featured Cameron", "does that mean
 * Intel"). */
static int is_determiner(const char *body, const px_token *t)
{
    static const char *const determiners[] = {"the", "a", "an", "this", "these", "those", "his", "her",
                                              "its", "their", "our", "my", "your", "another", NULL};
    return cl_tok_in(body, t, determiners);
}

/* "I think England can win", "We want Michael Howard to answer": a
 * capitalised pronoun is the subject of a verb, not a name before a
 * descriptor. */
static int is_subject_pronoun(const char *body, const px_token *t)
{
    static const char *const pronouns[] = {"we", "you", "they", "he", "she", "it", NULL};
    if (t->end - t->start == 1)
        return body[t->start] == 'I';
    return !(t->flags & PX_TOKF_ALLCAPS) && cl_tok_in(body, t, pronouns); /* "IT firm Dimension Data" */
}

static int is_preposition(const char *body, const px_token *t)
{
    static const char *const prepositions[] = {"in", "on", "at", "of", "for", "from", "by", "with", "against",
                                               "about", "between", "among", "under", "over", "into", NULL};
    return cl_tok_in(body, t, prepositions);
}

/* "it's", "there's": the 's of a pronoun is "is" or "has". */
static int pronoun_contraction(const char *body, size_t apostrophe)
{
    size_t b = apostrophe;
    while (b > 0 && isalpha((unsigned char)body[b - 1]))
        b--;
    static const char *const pronouns[] = {"it", "that", "he", "she", "there", "what", "who", "here",
                                           "where", "let", "this", NULL};
    return cl_in(body + b, apostrophe - b, pronouns);
}

/* The byte of the apostrophe of the 's at or around t, if any. */
static int apostrophe_of(const char *body, const px_token *t, size_t *at)
{
    size_t n = t->end - t->start;
    const char *w = body + t->start;
    if (n == 1 && w[0] == 's' && t->start >= 1 && body[t->start - 1] == '\'')
        return *at = t->start - 1, 1;
    if (n == 1 && w[0] == 's' && t->start >= 3 && possessive_at(body, t->start - 3))
        return *at = t->start - 3, 1;
    if (possessive_at(body, t->end))
        return *at = t->end, 1;
    if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'')
        return *at = t->end - 2, 1;
    if (n > 4 && w[n - 1] == 's' && possessive_at(body, t->end - 4))
        return *at = t->end - 4, 1;
    return 0;
}

/* "Israel's", "the zoo's": written with its possessive, or followed by it. */
static int is_possessive(const char *body, const px_token *t)
{
    size_t at;
    if (apostrophe_of(body, t, &at))
        return !pronoun_contraction(body, at);
    return possessive_at(body, t->start);
}

/* The past of a verb that does not end in -ed: "flight left Tokyo",
 * "single drew Cleveland". */
static int is_irregular_past(const char *body, const px_token *t)
{
    static const char *const past[] = {
        "came", "went", "began", "took", "made", "met", "got", "left", "won", "lost", "fell", "rose",
        "saw", "gave", "held", "spoke", "wrote", "sent", "struck", "ran", "led", "hit", "put", "shot",
        "found", "became", "broke", "paid", "sold", "bought", "kept", "brought", "thought", "felt",
        "heard", "knew", "stood", "fought", "drove", "flew", "sought", "caught", "taught", "built",
        "spent", "fled", "grew", "drew", "threw", "chose", "beat", "let", "set", "cut", "told", NULL};
    return cl_tok_in(body, t, past);
}

/* Words that never name what an actor is, whatever stands before them:
 * times ("at the time Germany"), ordinals and quantifiers ("the first
 * World Series", "several German cities"). */
static int never_a_descriptor(const char *body, const px_token *t)
{
    static const char *const words[] = {
        "time", "times", "year", "years", "week", "weeks", "day", "days", "month", "months", "night",
        "morning", "evening", "afternoon", "weekend", "season", "decade", "moment", "first", "second",
        "third", "fourth", "fifth", "last", "next", "final", "several", "another", "many", "various",
        "numerous", "other", "single", "same", "such", "much", "often", "still", "whatever", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "sixth", "seventh", "eighth",
        "ninth", "tenth", "dozen", "hundred", "hundreds", "thousands", "record", NULL};
    return cl_tok_in(body, t, words);
}

/* The word right before the name, or the descriptor before "named": a
 * verb form there is what is done to the actor ("documents suggest
 * Putin", "campaign uses Nasa"), except a participle right after a
 * determiner ("the embattled", "the occupied West Bank"). */
static int verb_like(const char *body, const px_token *t, int after_determiner)
{
    const char *w = body + t->start;
    size_t n = t->end - t->start;
    int third_person = ends_with(w, n, "s") && !ends_with(w, n, "ss") && !ends_with(w, n, "us") &&
                       !ends_with(w, n, "is"); /* "reckless", "bus", "crisis" are no verbs */
    if (is_irregular_past(body, t) || ends_with(w, n, "ing") || third_person)
        return 1;
    return !after_determiner && (ends_with(w, n, "ed") || ends_with(w, n, "en"));
}

/* What may stand before a descriptor that is still part of the name's
 * noun phrase: a determiner or a possessive licenses any word ("the
 * occupied West Bank", "an endangered gorilla named Harambe"); a
 * preposition or a name only words that are no verb forms ("in southern
 * France", "Cubs reliever Aroldis Chapman"; not "for killing Harambe",
 * "Biden warned Netanyahu"; "I think England" is no name). Anything else (a verb, a noun, a clause
 * word) makes the words before the name what is done to it ("bodies
 * littered Nice", "which includes Nice"), not how it is called. */
static int licensed(const char *body, const px_tokens *t, size_t before, size_t first, size_t last)
{
    if (before == (size_t)-1)
        return 0;
    const px_token *b = &t->v[before];
    int det = is_determiner(body, b) || is_possessive(body, b);
    if (verb_like(body, &t->v[last], det && first == last))
        return 0;
    for (size_t k = first; k <= last; k++)
        if (never_a_descriptor(body, &t->v[k]) || (k < last && verb_like(body, &t->v[k], det && k == first)))
            return 0;
    return det || is_preposition(body, b) || ((b->flags & PX_TOKF_CAPITALIZED) && !is_subject_pronoun(body, b));
}

/* "southern Gaza", "the northern West Bank": a word of position names a
 * part of the place, not what the outlet calls it. */
static int names_a_part(const char *body, const px_token *t)
{
    static const char *const words[] = {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
        "southwestern", "upper", "lower", "inner", "outer", "greater", "mid", "far", NULL};
    return cl_tok_in(body, t, words);
}

static int part_of_place(const char *body, const px_tokens *t, size_t from)
{
    size_t k = cl_token_at(t, from);
    return k < t->n && names_a_part(body, &t->v[k]);
}

/* "the president France" (a transcript's broken phrase), "the resident
 * Paris": a noun naming a person's role or trade ends the words, and a
 * place is never called by it. */
static int names_a_person(const char *body, const px_tokens *t, size_t to)
{
    size_t k = cl_token_at(t, to); /* the first token after the words */
    return k > 0 && cl_is_role_noun(body + t->v[k - 1].start, t->v[k - 1].end - t->v[k - 1].start);
}

/* "a gorilla named Harambe", "a group called X": the word before the name
 * that links it to its descriptor. */
static int is_naming_link(const char *body, const px_token *t)
{
    static const char *const links[] = {"named", "called", "dubbed", NULL};
    return cl_tok_in(body, t, links);
}

/* The descriptor right before a mention: one or two lower-case content
 * words joined to it, licensed by what stands before them. */
static int words_before(const char *body, const px_tokens *t, size_t i0, size_t role_start, size_t *from,
                        size_t *to)
{
    size_t k = i0, next = role_start;
    if (k > 0 && is_naming_link(body, &t->v[k - 1]) && joined(body, t->v[k - 1].end, next)) {
        k--;
        next = t->v[k].start;
    }
    size_t last = k;
    while (k > 0 && last - k < 2 && is_lower_word(body, &t->v[k - 1]) && !is_stop(body, &t->v[k - 1]) &&
           !cl_is_say_verb(body + t->v[k - 1].start, t->v[k - 1].end - t->v[k - 1].start) &&
           joined(body, t->v[k - 1].end, next)) {
        k--;
        next = t->v[k].start;
    }
    if (k == last || !licensed(body, t, k > 0 ? k - 1 : (size_t)-1, k, last - 1))
        return 0;
    *from = t->v[k].start;
    *to = t->v[last - 1].end;
    return 1;
}

/* A plural whose ending makes it a noun, not a verb of the third person
 * ("celebrations", "authorities", "musicians"). */
static int plural_noun(const char *w, size_t n)
{
    return ends_with(w, n, "ions") || ends_with(w, n, "ities") || ends_with(w, n, "ians") ||
           ends_with(w, n, "ships") || ends_with(w, n, "ists");
}

/* "Steelers fans waving", "the Harding masterpieces:": a word in -s that
 * a verb form, a verb of being or having, or punctuation follows is a
 * plural noun, not a verb of the third person ("Harding writes that"). */
static int plural_by_what_follows(const char *body, const px_tokens *t, size_t j)
{
    const char *w = body + t->v[j].start;
    size_t n = t->v[j].end - t->v[j].start;
    if (!ends_with(w, n, "s") || j + 1 >= t->n)
        return 0;
    const px_token *next = &t->v[j + 1];
    if (next->kind == PX_TOK_PUNCT)
        return strchr(",.:;", body[next->start]) != NULL;
    const char *nw = body + next->start;
    size_t nn = next->end - next->start;
    return is_lower_word(body, next) && (is_auxiliary(body, next) || ends_with(nw, nn, "ing"));
}

/* "the brutal Hamas attack", "the Biden administration": a name that
 * modifies the noun after it; what stands before describes that noun,
 * not the actor (a descriptor noun after it is the actor's: "the brutal
 * Hamas terrorists"). */
static int modifies_next(const char *body, const px_tokens *t, size_t j, size_t end)
{
    if (j >= t->n || !is_lower_word(body, &t->v[j]) || is_stop(body, &t->v[j]) || !joined(body, end, t->v[j].start))
        return 0;
    const char *w = body + t->v[j].start;
    size_t n = t->v[j].end - t->v[j].start;
    return !px_is_actor_descriptor(body, &t->v[j]) && !cl_is_say_verb(w, n) &&
           (plural_noun(w, n) || !verb_like(body, &t->v[j], 0) || plural_by_what_follows(body, t, j)) &&
           !never_a_descriptor(body, &t->v[j]);
}

/* The words attached to one mention: the descriptor right before it
 * (words_before), and after it a descriptor noun ("Hamas terrorists") or,
 * for people, past forms of "be" and "have" and what is done to them
 * ("have been murdered", "was killed"). A place or a person is never
 * called by the noun after it ("the Paris attacks", "Nice residents", "the
 * Biden administration", "Trump aides"). */
static int mention_words(const px_story_text *s, size_t a, const px_tokens *t, const px_mention *m, size_t slot,
                         const px_entity *actor, uses *u)
{
    px_entity_kind kind = actor->kind;
    size_t len = strlen(actor->name);
    int a_people = len > 1 && actor->name[len - 1] == 's' && px_entity_name_is_demonym(actor->name, len - 1);
    const char *body = s->articles[a]->body;
    size_t source = s->article_source[a], sentence = sentence_at(s, a, m->start);
    size_t i0 = cl_token_at(t, m->role_start), i1 = cl_token_at(t, m->end);
    size_t from = 0, to = 0;
    /* a place before a descriptor owns it ("the experience Berlin
     * authorities have": the authorities' experience, not Berlin's) */
    int owns_next = kind == PX_ENTITY_PLACE && i1 < t->n && joined(body, m->end, t->v[i1].start) &&
                    px_is_actor_descriptor(body, &t->v[i1]);
    int rc = !possessive_at(body, m->end) && !modifies_next(body, t, i1, m->end) && !owns_next &&
                     words_before(body, t, i0, m->role_start, &from, &to) &&
                     !(kind == PX_ENTITY_PLACE && (part_of_place(body, t, from) || names_a_person(body, t, to)))
                 ? add_use(u, slot, source, sentence, body, from, to)
                 : PX_OK;
    size_t j = i1, prev_end = m->end;
    int be = 0;
    while (j < t->n && j - i1 < 3 && is_auxiliary(body, &t->v[j]) && joined(body, prev_end, t->v[j].start)) {
        be |= is_form_of_be(body, &t->v[j]);
        prev_end = t->v[j++].end;
    }
    if (rc == PX_OK && j < t->n && is_lower_word(body, &t->v[j]) && !is_stop(body, &t->v[j]) &&
        joined(body, prev_end, t->v[j].start) &&
        (j > i1 ? be && (kind == PX_ENTITY_PERSON || a_people) && passive_form(body, &t->v[j]) &&
                      !light_participle(body, &t->v[j])
                : kind != PX_ENTITY_PLACE && kind != PX_ENTITY_PERSON && px_is_actor_descriptor(body, &t->v[j])))
        rc = add_use(u, slot, source, sentence, body, t->v[j].start, t->v[j].end);
    return rc;
}

static int collect(const px_story_text *s, const px_entity_list *per_article, const px_entity_list *people,
                   const long *slot, uses *u)
{
    int rc = PX_OK;
    for (size_t a = 0; rc == PX_OK && a < s->n_articles; a++) {
        const px_entity_list *el = &per_article[a];
        const char *body = s->articles[a]->body;
        if (!body || !el->n_mentions || s->first_sentence[a] == s->first_sentence[a + 1])
            continue;
        const px_tokens *t = &s->docs[a].tokens;
        for (size_t k = 0; rc == PX_OK && k < el->n_mentions; k++) {
            const px_mention *m = &el->mentions[k];
            long e = m->entity < el->n ? el->v[m->entity].merged : -1;
            if (e >= 0 && slot[e] >= 0)
                rc = mention_words(s, a, t, m, (size_t)slot[e], &people->v[e], u);
        }
    }
    return rc;
}

static int by_word(const void *x, const void *y)
{
    const use *a = x, *b = y;
    if (a->slot != b->slot)
        return a->slot < b->slot ? -1 : 1;
    int c = strcmp(a->word, b->word);
    if (c)
        return c;
    return a->source < b->source ? -1 : a->source > b->source;
}

static int by_cell(const void *x, const void *y)
{
    const use *a = x, *b = y;
    if (a->slot != b->slot)
        return a->slot < b->slot ? -1 : 1;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    int c = strcmp(a->word, b->word);
    if (c)
        return c;
    return a->sentence < b->sentence ? -1 : a->sentence > b->sentence;
}

/* How many outlets attach each word to each actor. */
static void count_sources(uses *u)
{
    qsort(u->v, u->n, sizeof *u->v, by_word);
    for (size_t i = 0, j; i < u->n; i = j) {
        size_t distinct = 1;
        for (j = i + 1; j < u->n && u->v[j].slot == u->v[i].slot && !strcmp(u->v[j].word, u->v[i].word); j++)
            distinct += u->v[j].source != u->v[j - 1].source;
        for (size_t k = i; k < j; k++)
            u->v[k].sources = distinct;
    }
}

static int word_rank(const void *x, const void *y)
{
    const px_actor_word *a = x, *b = y;
    if (a->only_here != b->only_here)
        return b->only_here - a->only_here;
    if (a->count != b->count)
        return a->count < b->count ? 1 : -1;
    return strcmp(a->word, b->word);
}

/* One cell from the uses [i, j) of one actor and outlet. */
static int make_cell(const use *v, size_t i, size_t j, px_actor_cell *cell)
{
    cell->source = v[i].source;
    cell->words = calloc(j - i + 1, sizeof *cell->words);
    if (!cell->words)
        return PX_ENOMEM;
    for (size_t k = i, l; k < j; k = l) {
        for (l = k + 1; l < j && !strcmp(v[l].word, v[k].word); l++)
            ;
        px_actor_word *w = &cell->words[cell->n_words++];
        *w = (px_actor_word){px_strdup(v[k].word), l - k, v[k].sources == 1, v[k].sentence};
        if (!w->word)
            return PX_ENOMEM;
    }
    qsort(cell->words, cell->n_words, sizeof *cell->words, word_rank);
    while (cell->n_words > PX_MAX_ACTOR_WORDS)
        free(cell->words[--cell->n_words].word);
    return PX_OK;
}

static int make_rows(uses *u, const size_t *entity, size_t n_rows, px_actor_table *out)
{
    qsort(u->v, u->n, sizeof *u->v, by_cell);
    out->rows = calloc(n_rows + 1, sizeof *out->rows);
    if (!out->rows)
        return PX_ENOMEM;
    int rc = PX_OK;
    for (size_t i = 0, j; rc == PX_OK && i < u->n; i = j) {
        size_t slot = u->v[i].slot;
        px_actor_row *row = &out->rows[out->n];
        row->entity = entity[slot];
        size_t cells = 0;
        for (j = i; j < u->n && u->v[j].slot == slot; j++)
            cells += j == i || u->v[j].source != u->v[j - 1].source;
        row->cells = calloc(cells + 1, sizeof *row->cells);
        if (!row->cells)
            return PX_ENOMEM;
        out->n++;
        for (size_t k = i, l; rc == PX_OK && k < j; k = l) {
            for (l = k + 1; l < j && u->v[l].source == u->v[k].source; l++)
                ;
            rc = make_cell(u->v, k, l, &row->cells[row->n_cells++]);
        }
    }
    return rc;
}

int px_actors_build(const px_story_text *s, const px_entity_list *per_article, const px_entity_list *people,
                    px_actor_table *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    size_t entity[PX_MAX_ACTORS], n_rows = 0;
    long *slot = choose_actors(s, people, &n_rows, entity);
    uses u = {0};
    int rc = slot ? collect(s, per_article, people, slot, &u) : PX_ENOMEM;
    if (rc == PX_OK && u.n) {
        count_sources(&u);
        rc = make_rows(&u, entity, n_rows, out);
    }
    for (size_t i = 0; i < u.n; i++)
        free(u.v[i].word);
    free(u.v);
    free(slot);
    if (rc != PX_OK) {
        px_actors_free(out);
        return px_error_set(err, rc, "out of memory reading how outlets name the actors");
    }
    return PX_OK;
}

void px_actors_free(px_actor_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        for (size_t c = 0; c < t->rows[i].n_cells; c++) {
            for (size_t k = 0; k < t->rows[i].cells[c].n_words; k++)
                free(t->rows[i].cells[c].words[k].word);
            free(t->rows[i].cells[c].words);
        }
        free(t->rows[i].cells);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}
