/* entities.c - people, organisations and places named in an article, and
 * their merge across the articles of a story (parallax/entities.h).
 *
 * Names and their kinds come from the trained tagger (ner.h); this file
 * splits titles off, resolves short forms within an article and merges
 * variants across articles. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/claims_common.h"
#include "text/claims_lang.h"
#include "text/ner.h"
#include "text/text_internal.h"
#include "core/grow.h"
#include "core/map.h"
#include "parallax/entities.h"
#include "parallax/text.h"
#include "core/common_internal.h"
#include "compare/entities_internal.h"

/* ---- word lists ---------------------------------------------------------- */

/* Other names of a country, written to one canonical name so that they
 * merge: "U.S.", "US", "America" -> "United States". */
static const char *country_alias(const char *name)
{
    static const char *const us[] = {"US", "U.S.", "U.S", "USA", "U.S.A.", "America",
                                     "United States of America", "the United States", NULL};
    static const char *const uk[] = {"UK", "U.K.", "Britain", "Great Britain", NULL};
    static const char *const uae[] = {"UAE", "U.A.E.", NULL};
    size_t len = strlen(name);
    if (cl_in(name, len, us))
        return "United States";
    if (cl_in(name, len, uk))
        return "United Kingdom";
    if (cl_in(name, len, uae))
        return "United Arab Emirates";
    return NULL;
}

/* Countries and continents: a place whatever the words around say
 * ("South Korea said", "Antarctica's ice"); the 1996 training text knows
 * too few of them, and the tagger calls a country that acts a person or
 * an organisation. Names that are also given names or common words a
 * person may carry ("Jordan", "Chad", "Georgia") are left out. */
static int is_country(const char *s, size_t len)
{
    static const char *const names[] = {
        "Africa", "Antarctica", "Asia", "Europe", "Oceania", "Australia", "North America",
        "South America", "Latin America", "Afghanistan", "Albania", "Algeria", "Andorra", "Angola",
        "Argentina", "Armenia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh",
        "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia",
        "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia",
        "Cameroon", "Canada", "Chile", "China", "Colombia", "Congo", "Costa Rica", "Croatia",
        "Cuba", "Cyprus", "Czech Republic", "Denmark", "Djibouti", "Dominican Republic", "Ecuador",
        "Egypt", "El Salvador", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland",
        "France", "Gabon", "Gambia", "Germany", "Ghana", "Greece", "Guatemala", "Guinea",
        "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
        "Ireland", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Kazakhstan", "Kenya",
        "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia",
        "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
        "Maldives", "Mali", "Malta", "Mauritania", "Mauritius", "Mexico", "Moldova", "Monaco",
        "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nepal",
        "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea",
        "North Macedonia", "Norway", "Oman", "Pakistan", "Palestine", "Panama",
        "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
        "Romania", "Russia", "Rwanda", "Saudi Arabia", "Senegal", "Serbia", "Sierra Leone",
        "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa", "South Korea",
        "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland",
        "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Togo", "Tunisia", "Turkey",
        "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
        "United States", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Zambia",
        "Zimbabwe", NULL};
    return cl_in(s, len, names);
}

/* A word naming a people, a faith or a party member ("Israeli", "Muslim",
 * "Republicans"): no entity of the story, whatever the tagger says. */
static int is_people_word(const char *s, size_t len)
{
    static const char *const words[] = {
        "Democrat", "Democrats", "Democratic", "Republican", "Republicans", "Muslim",
        "Muslims", "Jewish", "Jew", "Jews", "Christian", "Christians", "Arab", "Arabs",
        "Israeli", "Israelis", "Iraqi", "Iraqis", "Saudi", "Saudis", "Pakistani", "Kuwaiti",
        "Qatari", "Yemeni", "Thai", "Swiss", "British", "French", "Irish", "Dutch", "Danish",
        "Polish", "Turkish", "Spanish", "Scottish", "Welsh", "English", "Finnish", "Swedish",
        "Greek", "Western", "Eastern", "Northern", "Southern", "Progressives", "Liberal",
        "Liberals", "Conservatives", "Latino", "Latinos", "Hispanic", "Hispanics", "Asian",
        "Asians", "Catholic", "Catholics", "Protestant", "Sunni", "Shia", "Shiite", "Kurdish",
        "Kurds", "Bangladeshi", "Afghan", "Afghans", "Nepali", "Emirati", "Omani", "Somali",
        "Israeli-Palestinian", NULL};
    return cl_in(s, len, words);
}

/* A people adjective by its ending too ("Kenyan", "Japanese"): for names
 * the tagger calls other names. */
static int is_demonym(const char *s, size_t len)
{
    if (is_people_word(s, len))
        return 1;
    static const char *const sufs[] = {"ian", "ians", "ean", "eans", "ese", "ans", "ish", "ic",
                                       NULL};
    for (size_t i = 0; sufs[i]; i++) {
        size_t n = strlen(sufs[i]);
        if (len > n + 2 && cl_eq(s + len - n, n, sufs[i]))
            return 1;
    }
    return 0;
}

int px_entity_name_is_demonym(const char *s, size_t len)
{
    /* the tagger keeps "German" and "American" as names of their own
     * (CoNLL calls them MISC): only here are they adjectives */
    int adjective = is_demonym(s, len) || cl_eq(s, len, "German") || (len > 5 && cl_eq(s + len - 3, 3, "can"));
    return len && s[len - 1] != 's' && adjective;
}

/* ---- scanning ------------------------------------------------------------ */

/* A word of a name: a token, possessive excluded. */
typedef struct word {
    size_t start, end;
    int possessive;
} word;

typedef struct cand {
    size_t role_start, start, end; /* byte offsets */
    size_t first_word, n_words;    /* into the scanner's words */
    int possessive;
    px_entity_kind kind;
    int kind_sure;                 /* a multi-word name, whose kind the tagger gave */
    px_gender gender;
    char *name;                    /* squeezed name text */
    char *role;                    /* role text or NULL */
    long entity;
} cand;

typedef struct scanner {
    const char *text;
    size_t len;
    const char *lang; /* the article's language; NULL: English */
    px_tokens tk;
    px_spans ss;
    int own_text;    /* tk and ss were made here, not borrowed from a doc */
    px_ner_spans names;
    uint64_t *lower; /* keys of the words written in lower case, sorted */
    size_t n_lower;
    unsigned char *title_line; /* per token: its line is written in Title Case */
    uint64_t *capital; /* keys of the words capitalised inside a sentence of the body, sorted */
    size_t n_capital;
    uint64_t *prose; /* the same, words of runs in capitals aside */
    size_t n_prose;
    struct word_use *uses; /* the capitalised words' uses, sorted (word_uses_build) */
    size_t n_uses;
    px_stemmer *stemmer; /* English, for background counts (NULL: none counts) */
    word *w;
    size_t nw, capw;
    cand *c;
    size_t nc, capc;
} scanner;

static int push_word(scanner *sc, size_t start, size_t end)
{
    if (CL_GROW(sc->w, sc->capw, sc->nw))
        return PX_ENOMEM;
    size_t stripped = cl_strip_possessive(sc->text + start, end - start);
    if (stripped == 0)
        stripped = end - start;
    sc->w[sc->nw].start = start;
    sc->w[sc->nw].end = start + stripped;
    sc->w[sc->nw].possessive = stripped != end - start;
    sc->nw++;
    return PX_OK;
}

static px_gender gender_of_first_name(const char *s, size_t len)
{
    return (px_gender)cl_given_name_gender(s, len);
}

static px_gender gender_of_title(const char *s, size_t len)
{
    static const char *const f[] = {"Ms.", "Mrs.", "Miss", "Ms", "Mrs", "Queen", "Princess",
                                    "Dame", "Lady", "Chairwoman", "Councilwoman",
                                    "Spokeswoman", "Congresswoman", "Sister", NULL};
    static const char *const m[] = {"Mr.", "Mr", "King", "Prince", "Sir", "Lord",
                                    "Chairman", "Councilman", "Spokesman", "Congressman",
                                    "Father", NULL};
    if (cl_in(s, len, f))
        return PX_GENDER_FEMALE;
    if (cl_in(s, len, m))
        return PX_GENDER_MALE;
    return PX_GENDER_UNKNOWN;
}

static int is_title_token(const scanner *sc, const px_token *t)
{
    const char *s = sc->text + t->start;
    size_t len = t->end - t->start;
    if (t->kind != PX_TOK_WORD || !isupper((unsigned char)s[0]))
        return 0;
    return cl_is_role_word(s, len) || cl_is_role_modifier(s, len);
}

/* Is token k - 1 (k > 0) on the line of token k? */
static int same_line(const scanner *sc, size_t k)
{
    return !memchr(sc->text + sc->tk.v[k - 1].end, '\n', sc->tk.v[k].start - sc->tk.v[k - 1].end);
}

/* The first token of the title written right before token i, on its line
 * ("Vice President", "Mr.", "Defense Secretary"); i when there is none.
 * The title ends on a role word. */
static size_t title_start(const scanner *sc, size_t i)
{
    size_t k = i;
    if (k >= 2 && same_line(sc, k) && sc->tk.v[k - 1].kind == PX_TOK_PUNCT &&
        sc->text[sc->tk.v[k - 1].start] == '.' && sc->tk.v[k - 2].end == sc->tk.v[k - 1].start)
        k--; /* "Mr" "." */
    if (k == 0 || !same_line(sc, k) || !is_title_token(sc, &sc->tk.v[k - 1]) ||
        !cl_is_role_word(sc->text + sc->tk.v[k - 1].start, sc->tk.v[k - 1].end - sc->tk.v[k - 1].start))
        return i;
    while (k > 0 && same_line(sc, k) && is_title_token(sc, &sc->tk.v[k - 1]))
        k--;
    return k;
}

/* Writes each curly apostrophe (U+2019) of name as a straight one, in
 * place: outlets differ only in that. */
static void straighten_apostrophes(char *name)
{
    char *w = name;
    for (const char *r = name; *r;) {
        if (strncmp(r, "\xE2\x80\x99", 3) == 0) {
            *w++ = '\'';
            r += 3;
        } else
            *w++ = *r++;
    }
    *w = 0;
}

/* An editor's brackets inside a quoted name are no part of it: "[Donald]
 * Trump" is Donald Trump. */
static void drop_brackets(char *name)
{
    char *w = name;
    for (const char *r = name; *r; r++)
        if (*r != '[' && *r != ']')
            *w++ = *r;
    *w = 0;
}

static int add_cand(scanner *sc, size_t role_start_tok, size_t name_w, size_t end_w,
                    px_entity_kind kind)
{
    if (name_w >= end_w)
        return PX_OK;
    /* a lone letter names nobody: "C" of the comet "C/2025 H4" */
    if (end_w - name_w == 1 && sc->w[name_w].end - sc->w[name_w].start == 1)
        return PX_OK;
    if (CL_GROW(sc->c, sc->capc, sc->nc))
        return PX_ENOMEM;
    cand *c = &sc->c[sc->nc];
    memset(c, 0, sizeof *c);
    c->start = sc->w[name_w].start;
    c->role_start = sc->tk.v[role_start_tok].start < c->start ? sc->tk.v[role_start_tok].start
                                                               : c->start;
    c->end = sc->w[end_w - 1].end;
    c->first_word = name_w;
    c->n_words = end_w - name_w;
    c->possessive = sc->w[end_w - 1].possessive;
    c->entity = -1;
    c->kind = kind;
    c->kind_sure = c->n_words > 1;
    c->name = cl_squeeze(sc->text + c->start, c->end - c->start);
    if (!c->name)
        return PX_ENOMEM;
    straighten_apostrophes(c->name); /* "New Year’s Eve" and "New Year's Eve" are one */
    drop_brackets(c->name);
    const char *canon = country_alias(c->name);
    if (canon) {
        char *n = px_strdup(canon);
        if (!n) {
            free(c->name);
            return PX_ENOMEM;
        }
        free(c->name);
        c->name = n;
        c->kind = PX_ENTITY_PLACE;
        c->kind_sure = 1;
    }
    if (c->role_start < c->start) {
        size_t role_end = c->start;
        while (role_end > c->role_start && isspace((unsigned char)sc->text[role_end - 1]))
            role_end--;
        c->role = cl_squeeze(sc->text + c->role_start, role_end - c->role_start);
        if (!c->role) {
            free(c->name);
            return PX_ENOMEM;
        }
        for (size_t t = role_start_tok; sc->tk.v[t].start < c->start; t++) {
            px_gender g = gender_of_title(sc->text + sc->tk.v[t].start,
                                          sc->tk.v[t].end - sc->tk.v[t].start);
            if (g)
                c->gender = g;
        }
    }
    if (c->kind == PX_ENTITY_PERSON && c->n_words > 1 && !c->gender) {
        const word *w = &sc->w[name_w];
        c->gender = gender_of_first_name(sc->text + w->start, w->end - w->start);
    }
    sc->nc++;
    return PX_OK;
}

static px_entity_kind kind_of(px_ner_type t)
{
    switch (t) {
    case PX_NER_PER: return PX_ENTITY_PERSON;
    case PX_NER_ORG: return PX_ENTITY_ORG;
    case PX_NER_LOC: return PX_ENTITY_PLACE;
    default: return PX_ENTITY_OTHER;
    }
}

static uint64_t lower_key(const char *s, size_t len)
{
    char buf[64];
    if (len > sizeof buf)
        len = sizeof buf;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    return px_hash64(buf, len, 7);
}

static int by_key(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static int all_lower(const char *s, size_t len)
{
    if (!islower((unsigned char)s[0]))
        return 0;
    for (size_t i = 1; i < len; i++)
        if (isupper((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The words the text writes in lower case, sorted for lookup. */
static int lower_words_build(scanner *sc)
{
    sc->lower = malloc((sc->tk.n ? sc->tk.n : 1) * sizeof *sc->lower);
    if (!sc->lower)
        return PX_ENOMEM;
    for (size_t i = 0; i < sc->tk.n; i++) {
        const px_token *t = &sc->tk.v[i];
        if (t->kind == PX_TOK_WORD && all_lower(sc->text + t->start, t->end - t->start))
            sc->lower[sc->n_lower++] = lower_key(sc->text + t->start, t->end - t->start);
    }
    qsort(sc->lower, sc->n_lower, sizeof *sc->lower, by_key);
    return PX_OK;
}

/* Is the word s[0..len), case aside, among the sorted keys? */
static int has_word(const uint64_t *keys, size_t n, const char *s, size_t len)
{
    uint64_t k = lower_key(s, len);
    return bsearch(&k, keys, n, sizeof k, by_key) != NULL;
}

static int written_lower(const scanner *sc, const px_token *t)
{
    return has_word(sc->lower, sc->n_lower, sc->text + t->start, t->end - t->start);
}

/* Is token t, of a Title Case line, written in lower case in the body
 * and never capitalised inside a sentence there? Then the headline's
 * capitals made it look like a name ("Tranquilizing", "Shooting"), not
 * the body ("New" of "New York"). */
static int headline_capital(const scanner *sc, const px_token *t)
{
    return isupper((unsigned char)sc->text[t->start]) && written_lower(sc, t) &&
           !has_word(sc->capital, sc->n_capital, sc->text + t->start, t->end - t->start);
}


static int opens_sentence(const scanner *sc, size_t i);

/* Is token t a word written in capitals only ("ISSUES", "NAACP")? */
static int shouted(const scanner *sc, const px_token *t)
{
    if (t->kind != PX_TOK_WORD || t->end - t->start < 2)
        return 0;
    for (size_t b = t->start; b < t->end; b++)
        if (islower((unsigned char)sc->text[b]))
            return 0;
    return isupper((unsigned char)sc->text[t->start]);
}

/* Is token i one of a run of words in capitals (a headline in capitals),
 * not an acronym among other words? */
static int in_shouted_run(const scanner *sc, size_t i)
{
    return shouted(sc, &sc->tk.v[i]) && ((i > 0 && same_line(sc, i) && shouted(sc, &sc->tk.v[i - 1])) ||
                                         (i + 1 < sc->tk.n && same_line(sc, i + 1) && shouted(sc, &sc->tk.v[i + 1])));
}

/* The words the body capitalises inside a sentence (Title Case lines
 * aside), sorted for lookup; and those of them written among words not
 * in capitals. */
static int capitals_build(scanner *sc)
{
    sc->capital = malloc((sc->tk.n ? sc->tk.n : 1) * sizeof *sc->capital);
    sc->prose = malloc((sc->tk.n ? sc->tk.n : 1) * sizeof *sc->prose);
    if (!sc->capital || !sc->prose)
        return PX_ENOMEM;
    for (size_t i = 0; i < sc->tk.n; i++) {
        const px_token *t = &sc->tk.v[i];
        if (t->kind != PX_TOK_WORD || !isupper((unsigned char)sc->text[t->start]) || sc->title_line[i] ||
            opens_sentence(sc, i))
            continue;
        uint64_t key = lower_key(sc->text + t->start, t->end - t->start);
        sc->capital[sc->n_capital++] = key;
        if (!in_shouted_run(sc, i))
            sc->prose[sc->n_prose++] = key;
    }
    qsort(sc->capital, sc->n_capital, sizeof *sc->capital, by_key);
    qsort(sc->prose, sc->n_prose, sizeof *sc->prose, by_key);
    return PX_OK;
}

/* Does token i open its sentence (or its line)? */
static int opens_sentence(const scanner *sc, size_t i)
{
    return i == 0 || !same_line(sc, i) ||
           cl_sentence_at(&sc->ss, sc->tk.v[i].start) != cl_sentence_at(&sc->ss, sc->tk.v[i - 1].start);
}

/* Marks the tokens of sentences (within a line) written in Title Case
 * (headlines, captions, menus): at least three words of four letters or
 * more, every one of them capitalised, not all in capitals, and at most a
 * third of all its words in lower case ("on the", "of"). Capitals there say nothing about names. */
static int reads_english(const char *lang);

static int title_lines_build(scanner *sc)
{
    sc->title_line = calloc(sc->tk.n ? sc->tk.n : 1, 1);
    if (!sc->title_line)
        return PX_ENOMEM;
    if (!reads_english(sc->lang))
        return PX_OK; /* Title Case is English typography; German capitalises every noun */
    size_t line_start = 0, words = 0, long_words = 0, lower = 0, caps_only = 0, short_lower = 0;
    for (size_t i = 0; i <= sc->tk.n; i++) {
        if (i == sc->tk.n || (i > 0 && opens_sentence(sc, i))) {
            if (long_words >= 3 && !lower && caps_only < long_words && 3 * short_lower <= words)
                memset(sc->title_line + line_start, 1, i - line_start);
            line_start = i;
            long_words = lower = caps_only = words = short_lower = 0;
        }
        if (i == sc->tk.n)
            break;
        const px_token *t = &sc->tk.v[i];
        if (t->kind != PX_TOK_WORD || !isalpha((unsigned char)sc->text[t->start]))
            continue;
        words++;
        if (t->end - t->start < 4) {
            short_lower += islower((unsigned char)sc->text[t->start]) != 0;
            continue;
        }
        long_words++;
        lower += islower((unsigned char)sc->text[t->start]) != 0;
        caps_only += !islower((unsigned char)sc->text[t->end - 1]);
    }
    return capitals_build(sc);
}

/* Is token i capitalised by its place rather than as a name: written in
 * lower case elsewhere in the text, it opens its sentence or stands in a
 * Title Case line; or it is an adverb opening its sentence ("Ultimately"). */
static int capitalised_by_place(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    size_t len = t->end - t->start;
    int initial = opens_sentence(sc, i);
    return ((initial || sc->title_line[i]) && written_lower(sc, t)) ||
           (initial && len > 4 && cl_eq(sc->text + t->start + len - 2, 2, "ly"));
}

/* An adverb opening its sentence ("Eventually", "Separately"). */
static int opening_adverb(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    size_t len = t->end - t->start;
    return opens_sentence(sc, i) && len >= 7 && cl_eq(sc->text + t->start + len - 2, 2, "ly");
}

static int tok_is_stopword(const scanner *sc, const px_token *t)
{
    char buf[32];
    size_t len = t->end - t->start;
    if (len >= sizeof buf)
        return 0;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)tolower((unsigned char)sc->text[t->start + i]);
    return px_is_stopword("en", buf, len);
}

static int tok_role_word(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    return is_title_token(sc, t) && cl_is_role_word(sc->text + t->start, t->end - t->start);
}

/* Does token i open its sentence, or a quotation opening it? */
static int opens_spoken_sentence(const scanner *sc, size_t i)
{
    if (opens_sentence(sc, i))
        return 1;
    static const char *const marks[] = {"\"", "\u201c", "'", "\u2018", NULL};
    return i > 0 && cl_tok_in(sc->text, &sc->tk.v[i - 1], marks) && opens_sentence(sc, i - 1);
}

/* A one-word name no reader would list: a people or party adjective
 * ("Israeli", "Democratic"), a compound modifier ("Hamas-controlled",
 * "Israel-Hamas"), a common word capitalised by its position in the
 * sentence ("Ultimately", "Medium"), a weekday or month, a word opening
 * a spoken sentence ("Well,"). */
static int unlisted_word(const scanner *sc, size_t i, px_ner_type type)
{
    const px_token *t = &sc->tk.v[i];
    const char *s = sc->text + t->start;
    size_t len = cl_strip_possessive(s, t->end - t->start);
    if (cl_is_calendar_word(s, len) || tok_is_stopword(sc, t) || is_people_word(s, len))
        return 1;
    if (len >= 3 && strchr("DRI", s[0]) && s[1] == '-')
        return 1; /* party and state: "D-Mo.", "R-Texas" */
    if (opens_spoken_sentence(sc, i) && i + 1 < sc->tk.n &&
        cl_tok_eq(sc->text, &sc->tk.v[i + 1], ",") && cl_is_discourse_marker(s, len))
        return 1; /* "Well, my partner took my hand" */
    if (type == PX_NER_MISC && (is_demonym(s, len) || memchr(s, '-', len)))
        return 1;
    if (memchr(s, '-', len) && islower((unsigned char)((const char *)memchr(s, '-', len))[1]))
        return 1;
    return capitalised_by_place(sc, i);
}

static int tok_given_name(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    return t->kind == PX_TOK_WORD && cl_given_name_gender(sc->text + t->start, t->end - t->start);
}

static int tok_initial(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    return t->end - t->start <= 2 || sc->text[t->end - 1] == '.';
}

/* Head nouns the 1996 wire text of the training data has too few names
 * with for px_ner_head_type to learn them: places by their geography or
 * built form, organisations, and things (products, events, documents). */
static int head_list_type(const char *s, size_t len)
{
    static const char *const places[] = {
        "River", "Lake", "Ocean", "Bay", "Island", "Islands", "Mountain", "Mountains", "Valley",
        "Canyon", "Desert", "Park", "Square", "Plaza", "Street", "Avenue", "Road", "Boulevard",
        "Bridge", "Gate", "Hall", "Province", "County", "District", "Region", "Village", "Station",
        "Stadium", "Beach", "Coast", "Peninsula", "Strait", "Harbor", "Harbour", "Falls", "Way",
        "Sound", "Sea", "Gulf", "Glacier", "Reef", "Archipelago", "Fjord", NULL};
    static const char *const orgs[] = {"Police", "Airways", "Studios", "Labs", "Foundation",
                                       "Academy", "Network", "Navy", "Agency", NULL};
    static const char *const things[] = {"Papers", "Awards", "Festival", "Olympics", "App", "Pro",
                                         "Album", NULL};
    if (cl_in(s, len, places))
        return PX_NER_LOC;
    if (cl_in(s, len, orgs))
        return PX_NER_ORG;
    return cl_in(s, len, things) ? PX_NER_MISC : -1;
}

/* A place noun written in lower case right after a name: "the Rhine
 * river", "the A42 motorway", "Hebei province". */
static int place_noun_after(const scanner *sc, size_t last)
{
    static const char *const nouns[] = {"river", "lake", "sea", "island", "province", "county",
                                        "district", "region", "village", "town", "city", "galaxy",
                                        "motorway", "highway", "valley", "mountains", NULL};
    return last < sc->tk.n && same_line(sc, last) && islower((unsigned char)sc->text[sc->tk.v[last].start]) &&
           cl_tok_in(sc->text, &sc->tk.v[last], nouns);
}

/* Trades a person is named by, besides the role nouns of claims_common. */
static const char *const trades[] = {
    "singer", "actor", "actress", "model", "rapper", "coach", "quarterback", "player",
    "striker", "midfielder", "defender", "goalkeeper", "pitcher", "boxer", "star",
    "girlfriend", "boyfriend", "brother", "sister", "comedian", "musician", "presenter",
    "journalist", "reporter", "author", "writer", "director", "producer", "designer",
    NULL};

/* A person's role or trade written as a common noun ("spokesman",
 * "model"), in any case. */
static int trade_noun(const scanner *sc, const px_token *t)
{
    const char *w = sc->text + t->start;
    size_t len = t->end - t->start;
    return t->kind == PX_TOK_WORD && (cl_is_role_noun(w, len) || cl_in(w, len, trades));
}

/* The type the common noun right before a name gives it, in lower case
 * and on its line, as the head of an appositive: a person's role or
 * trade ("quarterback", "singer", "spokesman": trade_noun), a kind of
 * organisation ("firm", "maker", "newspaper"); -1 otherwise. */
static int appositive_type(const scanner *sc, size_t first)
{
    static const char *const orgs[] = {
        "firm", "company", "maker", "carmaker", "automaker", "startup", "start-up", "retailer",
        "airline", "carrier", "broadcaster", "newspaper", "magazine", "website", "network",
        "charity", "insurer", "lender", "bank", "club", "publisher", "label", "studio", NULL};
    if (first == 0 || !same_line(sc, first))
        return -1;
    const px_token *t = &sc->tk.v[first - 1];
    const char *w = sc->text + t->start;
    size_t len = t->end - t->start;
    if (t->kind != PX_TOK_WORD || !islower((unsigned char)w[0]))
        return -1;
    if (trade_noun(sc, t))
        return PX_NER_PER;
    return cl_in(w, len, orgs) ? PX_NER_ORG : -1;
}

/* Does a token of [first, last) hold a digit ("PS4 Pro", "P-3 Orion",
 * "Boeing 737")? */
static int name_has_digit(const scanner *sc, size_t first, size_t last)
{
    for (size_t i = first; i < last; i++) {
        const px_token *t = &sc->tk.v[i];
        if (t->kind == PX_TOK_NUMBER)
            return 1;
        for (size_t b = t->start; b < t->end; b++)
            if (isdigit((unsigned char)sc->text[b]))
                return 1;
    }
    return 0;
}

/* A word of six letters or more in "-ing" ("Impeaching", "Tranquilizing"). */
static int gerund(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    size_t len = t->end - t->start;
    return t->kind == PX_TOK_WORD && len >= 6 && cl_eq(sc->text + t->end - 3, 3, "ing");
}

/* Is token i an acronym written among words in lower case ("NASA said"):
 * three letters or more, all capitals, in a sentence that is not in
 * capitals (a headline's words are all capitals)? */
static int acronym_in_prose(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    size_t len = cl_strip_possessive(sc->text + t->start, t->end - t->start);
    if (t->kind != PX_TOK_WORD || len < 3)
        return 0;
    for (size_t b = t->start; b < t->start + len; b++)
        if (!isupper((unsigned char)sc->text[b]))
            return 0;
    if (len > 5)
        return 0; /* "KHASAVYURT" of a dateline */
    size_t s = cl_sentence_at(&sc->ss, t->start);
    for (size_t k = i > 3 ? i - 3 : 0; k < sc->tk.n && k <= i + 3; k++)
        if (k != i && sc->tk.v[k].kind == PX_TOK_WORD && islower((unsigned char)sc->text[sc->tk.v[k].end - 1]) &&
            cl_sentence_at(&sc->ss, sc->tk.v[k].start) == s &&
            !memchr(sc->text + (k < i ? sc->tk.v[k].end : t->end), '\n',
                    k < i ? t->start - sc->tk.v[k].end : sc->tk.v[k].start - t->end))
            return 1;
    return 0;
}

/* Does the training data know the name [first, last) ("West Bank",
 * "Notts County")? Then its own type stands over its head word's. */
static int known_name(const scanner *sc, size_t first, size_t last)
{
    char buf[256];
    size_t n = 0;
    for (size_t i = first; i < last; i++) {
        const px_token *t = &sc->tk.v[i];
        size_t len = cl_strip_possessive(sc->text + t->start, t->end - t->start);
        if (n + len + 1 > sizeof buf)
            return 0;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, sc->text + t->start, len);
        n += len;
    }
    return px_ner_gazetteer_types(px_ner_default(NULL), buf, n) != 0;
}

/* Is [first, last) the whole of a quotation ("“Mirrors,”", "“Rock Your
 * Body.”")? Titles of songs, books and shows are quoted so; speech
 * quoted whole is rarely a bare name. */
static int quoted_title(const scanner *sc, size_t first, size_t last)
{
    static const char *const marks[] = {"\"", "\u201c", "\u201d", NULL};
    if (first == 0 || last >= sc->tk.n || !cl_tok_in(sc->text, &sc->tk.v[first - 1], marks))
        return 0;
    size_t k = last;
    if (k + 1 < sc->tk.n && (cl_tok_eq(sc->text, &sc->tk.v[k], ",") || cl_tok_eq(sc->text, &sc->tk.v[k], ".")))
        k++;
    return cl_tok_in(sc->text, &sc->tk.v[k], marks) && sc->tk.v[k].start == sc->tk.v[k - 1].end;
}

/* Does a capitalised function word stand inside or at the end of
 * [first, last) ("Rock Your Body", "Morning After")? Names of people,
 * places and organisations write them in lower case ("Bank of
 * America"); titles of works capitalise them. */
static int inner_function_word(const scanner *sc, size_t first, size_t last)
{
    for (size_t i = first + 1; i < last; i++) {
        const px_token *t = &sc->tk.v[i];
        /* "Your", "After"; not "Am" of "Pan Am" nor "AT" of a line in capitals */
        if (t->end - t->start >= 3 && isupper((unsigned char)sc->text[t->start]) &&
            islower((unsigned char)sc->text[t->end - 1]) && tok_is_stopword(sc, t))
            return 1;
    }
    return 0;
}

/* The type the head (last word) of the name [first, last) of several
 * words gives it, learned from the training names (px_ner_head_type:
 * "Airlines", "Ministry", "Cup") or listed (head_list_type: "River",
 * "Papers"); -1 for a name the training data knows whole ("West Bank")
 * and for a head that types nothing. */
static int head_type(const scanner *sc, size_t first, size_t last)
{
    if (last - first < 2 || known_name(sc, first, last))
        return -1;
    const px_token *h = &sc->tk.v[last - 1];
    size_t hl = cl_strip_possessive(sc->text + h->start, h->end - h->start);
    int t = head_list_type(sc->text + h->start, hl);
    if (t < 0 && isupper((unsigned char)sc->text[h->start]))
        t = px_ner_head_type(px_ner_default(NULL), sc->text + h->start, hl);
    return t;
}

/* Is the one-word name at token i an acronym in prose that the training
 * data knows as no place and no person? Then it is an organisation's
 * (NASA, RAIB), whatever the tagger said. */
static int acronym_of_organisation(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    size_t len = cl_strip_possessive(sc->text + t->start, t->end - t->start);
    return acronym_in_prose(sc, i) &&
           !(px_ner_gazetteer_types(px_ner_default(NULL), sc->text + t->start, len) &
             (1u << PX_NER_LOC | 1u << PX_NER_PER));
}

/* The type a name's own words and the words around it give, over the
 * tagger's, in this order: a quoted title or a capitalised function word
 * inside makes a work (other); "the" before one word is no person; a
 * people word opening a "person" makes an organisation; the head word;
 * the appositive noun before the name; a place noun after it; an
 * acronym in prose; a digit in a name of several words makes a product,
 * a vehicle or an event ("PS4 Pro"). A person named with a given name or
 * a title (role before first) keeps the tagger's type ("Michael Park"). */
static px_ner_type kind_from_words(const scanner *sc, size_t first, size_t last, size_t role,
                                   px_ner_type type)
{
    if (type == PX_NER_PER && (role < first || tok_given_name(sc, first)))
        return type;
    if (quoted_title(sc, first, last) ||
        (type != PX_NER_PER && last - first >= 2 && inner_function_word(sc, first, last)))
        return PX_NER_MISC; /* “Rock Your Body”, “Mirrors,”, "The Morning After" */
    if (type == PX_NER_PER && last == first + 1 && first > 0 && role == first &&
        cl_tok_eq(sc->text, &sc->tk.v[first - 1], "the"))
        return PX_NER_ORG; /* "The Verge": nobody is "the Smith" */
    if (type == PX_NER_PER && last - first >= 2 &&
        is_people_word(sc->text + sc->tk.v[first].start, sc->tk.v[first].end - sc->tk.v[first].start))
        return PX_NER_ORG; /* "British Transport" (Police): nobody's name opens so */
    int head = head_type(sc, first, last);
    if (head >= 0)
        return (px_ner_type)head;
    int appositive = appositive_type(sc, first);
    if (appositive >= 0 && role == first && !(last < sc->tk.n && same_line(sc, last) &&
                                             isupper((unsigned char)sc->text[sc->tk.v[last].start])))
        return (px_ner_type)appositive; /* "headset maker Magic Leap", "model Chrissy Teigen";
                                         * not "chairman Labour | MP Jean Corston" */
    if (place_noun_after(sc, last))
        return PX_NER_LOC;
    if (last == first + 1 && (type == PX_NER_PER || type == PX_NER_LOC) && acronym_of_organisation(sc, first))
        return PX_NER_ORG;
    if (last - first >= 2 && name_has_digit(sc, first, last))
        return PX_NER_MISC;
    return type;
}

/* Is the name at token first preceded by a personal honorific ("Ms
 * Teigen", "Mr. Biden", "Dr Cech")? Only people are called so, whatever
 * the tagger made of an unusual name. */
static int honorific_before(const scanner *sc, size_t first)
{
    static const char *const honorifics[] = {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Mx", "Mx.",
                                             "Dr", "Dr.", "Sir", "Dame", "Lady", "Lord", NULL};
    size_t k = title_start(sc, first);
    return k < first && cl_tok_in(sc->text, &sc->tk.v[k], honorifics);
}

static int add_name(scanner *sc, size_t first, size_t last, size_t role, px_ner_type type)
{
    if (role == first && first + 1 < last && tok_is_stopword(sc, &sc->tk.v[first]) &&
        isupper((unsigned char)sc->text[sc->tk.v[first].start]))
        role = ++first; /* "On Thursday", "The" */
    if (type == PX_NER_PER && role == first && first + 3 <= last && opens_sentence(sc, first) &&
        trade_noun(sc, &sc->tk.v[first]) &&
        !cl_is_role_word(sc->text + sc->tk.v[first].start, sc->tk.v[first].end - sc->tk.v[first].start))
        first++; /* "Model Chrissy Teigen said": the trade is her role, not her name */
    while (last > first + 1 && sc->tk.v[last - 1].start > sc->tk.v[last - 2].end &&
           all_lower(sc->text + sc->tk.v[last - 1].start, sc->tk.v[last - 1].end - sc->tk.v[last - 1].start)) {
        last--; /* "Fluid Dynamics eddy": a name ends on a capital */
        while (last > first + 1 && sc->tk.v[last - 1].kind == PX_TOK_PUNCT)
            last--; /* "Commission -- which" */
    }
    while (last > first && cl_is_calendar_word(sc->text + sc->tk.v[last - 1].start,
                                               sc->tk.v[last - 1].end - sc->tk.v[last - 1].start) &&
           !(type == PX_NER_PER && last == first + 2 && tok_given_name(sc, first)))
        last--; /* "CBS Sunday"; "Theresa May" is her name */
    while (role == first && last > first + 1 && !tok_given_name(sc, first) &&
           ((sc->title_line[first] && headline_capital(sc, &sc->tk.v[first])) || opening_adverb(sc, first)))
        role = ++first; /* "Eventually Duisburg", "Tranquilizing Harambe" in a headline */
    if (type == PX_NER_PER && role == first && last > first + 1 && gerund(sc, first) &&
        opens_spoken_sentence(sc, first) && !tok_given_name(sc, first))
        role = ++first; /* "Impeaching Trump would ...": a clause opens with a participle */
    if (type == PX_NER_PER && last > first + 1 && written_lower(sc, &sc->tk.v[last - 1]) &&
        !tok_given_name(sc, first))
        type = PX_NER_MISC; /* a common noun ends it: "Bastille Day", "Super Bowl" */
    while (last > first + 1 && sc->title_line[last - 1] && headline_capital(sc, &sc->tk.v[last - 1]))
        last--; /* "Harambe Shooting" in a headline */
    if (last > first && tok_role_word(sc, last - 1))
        while (last > first && is_title_token(sc, &sc->tk.v[last - 1]))
            last--; /* "Defense Secretary" */
    if (first >= last || (last == first + 1 && unlisted_word(sc, first, type)))
        return PX_OK;
    if (type != PX_NER_PER && role == first && honorific_before(sc, first))
        type = PX_NER_PER;
    type = kind_from_words(sc, first, last, type == PX_NER_PER && role == first ? title_start(sc, first) : role,
                           type);
    size_t first_w = sc->nw;
    int rc = PX_OK;
    for (size_t t = first; t < last && !rc; t++)
        rc = push_word(sc, sc->tk.v[t].start, sc->tk.v[t].end);
    if (type == PX_NER_PER && role == first)
        role = title_start(sc, first);
    return rc ? rc : add_cand(sc, role, first_w, sc->nw, kind_of(type));
}

/* Where a full name (a given name and more words) starts inside the name
 * [first, last) after words that are neither given names nor initials, in
 * a name the tagger did not call a person ("Associated Press | Jessica
 * Alba") or after a word in capitals ("CHEAT | Amir Khan"); last when none
 * does. */
static size_t full_name_inside(const scanner *sc, size_t first, size_t last, px_ner_type type)
{
    int shouted = 0;
    for (size_t k = first + 1; k + 1 < last; k++) {
        const px_token *p = &sc->tk.v[k - 1];
        shouted |= p->end - p->start >= 3 && !islower((unsigned char)sc->text[p->end - 1]) &&
                   isalpha((unsigned char)sc->text[p->end - 1]);
        if ((type != PX_NER_PER || shouted) && tok_given_name(sc, k) && !tok_given_name(sc, k - 1) &&
            !tok_initial(sc, k - 1) && sc->tk.v[k + 1].kind == PX_TOK_WORD)
            return k;
    }
    return last;
}

/* The number of tokens of a news agency's or picture agency's name
 * opening [first, last) ("Associated Press", "Reuters", "Getty
 * Images"): photo credits run into the caption's names. 0 when none. */
static size_t agency_prefix(const scanner *sc, size_t first, size_t last)
{
    static const char *const one[] = {"AP", "Reuters", "AFP", "EPA", "dpa", "Xinhua", "Getty",
                                      "Shutterstock", "Bloomberg", NULL};
    static const char *const two[] = {"Associated", "Press", "Getty", "Images", "Press",
                                      "Association", "Agence", "France-Presse", NULL};
    for (size_t i = 0; two[i]; i += 2)
        if (first + 2 <= last && cl_tok_eq(sc->text, &sc->tk.v[first], two[i]) &&
            cl_tok_eq(sc->text, &sc->tk.v[first + 1], two[i + 1]))
            return 2;
    return first < last && cl_tok_in(sc->text, &sc->tk.v[first], one) ? 1 : 0;
}

/* Could [first, last) (two words or three) name a person: a given name
 * first, or words the training data knows as no place or organisation
 * and no head word at the end ("Ysolde Marrack", not "Ottawa Bureau")? */
static int looks_like_person(const scanner *sc, size_t first, size_t last)
{
    if (tok_given_name(sc, first))
        return 1;
    const px_ner_model *m = px_ner_default(NULL);
    for (size_t i = first; i < last; i++) {
        const px_token *t = &sc->tk.v[i];
        if (t->kind != PX_TOK_WORD || !isupper((unsigned char)sc->text[t->start]) ||
            px_ner_gazetteer_types(m, sc->text + t->start, t->end - t->start) &
                (1u << PX_NER_LOC | 1u << PX_NER_ORG))
            return 0;
    }
    const px_token *h = &sc->tk.v[last - 1];
    return head_list_type(sc->text + h->start, h->end - h->start) < 0 &&
           px_ner_head_type(m, sc->text + h->start, h->end - h->start) < 0;
}

/* Are the n tokens from a the same words as the n tokens from b
 * (possessives aside)? */
static int same_words(const scanner *sc, size_t a, size_t b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const px_token *x = &sc->tk.v[a + i], *y = &sc->tk.v[b + i];
        size_t xl = cl_strip_possessive(sc->text + x->start, x->end - x->start);
        size_t yl = cl_strip_possessive(sc->text + y->start, y->end - y->start);
        if (xl != yl || memcmp(sc->text + x->start, sc->text + y->start, xl) != 0)
            return 0;
    }
    return 1;
}

/* The number of tokens of a link word in lower case from token i that
 * joins two parts of one name ("and", "&", "of", "of the", "and the"); 0
 * for none. */
static size_t link_at(const scanner *sc, size_t i)
{
    if (i >= sc->tk.n)
        return 0;
    const px_token *t = &sc->tk.v[i];
    if (cl_tok_eq(sc->text, t, "&"))
        return 1;
    if (!islower((unsigned char)sc->text[t->start]) ||
        !(cl_tok_eq(sc->text, t, "and") || cl_tok_eq(sc->text, t, "of")))
        return 0;
    return i + 1 < sc->tk.n && cl_tok_eq(sc->text, &sc->tk.v[i + 1], "the") &&
                   islower((unsigned char)sc->text[sc->tk.v[i + 1].start])
               ? 2
               : 1;
}

/* Do names a and b (a first) sit on one line with only a link word
 * between them ("Foster and Partners", "Man of the Woods")? */
static int linked(const scanner *sc, const px_ner_span *a, const px_ner_span *b)
{
    size_t n = link_at(sc, a->last);
    return n && a->last + n == b->first && same_line(sc, a->last) && same_line(sc, b->first);
}

/* One capitalised word of the article: its key and the keys of the
 * capitalised neighbours a link word joins it to, before and after it
 * (0: none). */
typedef struct word_use {
    uint64_t key, before, after;
    int same; /* every use of the key is linked the same way (set by word_uses_build) */
} word_use;

static int by_use_key(const void *x, const void *y)
{
    const word_use *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key;
}

static int capitalised_word(const scanner *sc, size_t i)
{
    return sc->tk.v[i].kind == PX_TOK_WORD && isupper((unsigned char)sc->text[sc->tk.v[i].start]);
}

static uint64_t tok_key(const scanner *sc, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    return lower_key(sc->text + t->start, cl_strip_possessive(sc->text + t->start, t->end - t->start));
}

/* The capitalised word a link word joins token i to on its line, before
 * it (dir -1) or after it (dir 1); sc->tk.n when none. */
static size_t link_neighbour(const scanner *sc, size_t i, int dir)
{
    if (dir > 0) {
        size_t l = link_at(sc, i + 1);
        return l && i + 1 + l < sc->tk.n && capitalised_word(sc, i + 1 + l) && same_line(sc, i + 1) &&
                       same_line(sc, i + 1 + l)
                   ? i + 1 + l
                   : sc->tk.n;
    }
    for (size_t b = 1; b <= 2 && i > b; b++)
        if (link_at(sc, i - b) == b && capitalised_word(sc, i - b - 1) && same_line(sc, i - b) &&
            same_line(sc, i))
            return i - b - 1;
    return sc->tk.n;
}

/* The uses of the article's capitalised words, sorted by key. */
static int word_uses_build(const scanner *sc, word_use **out, size_t *n)
{
    word_use *u = malloc((sc->tk.n ? sc->tk.n : 1) * sizeof *u);
    if (!u)
        return PX_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < sc->tk.n; i++) {
        if (!capitalised_word(sc, i))
            continue;
        size_t b = link_neighbour(sc, i, -1), a = link_neighbour(sc, i, 1);
        u[m++] = (word_use){tok_key(sc, i), b < sc->tk.n ? tok_key(sc, b) | 1 : 0,
                            a < sc->tk.n ? tok_key(sc, a) | 1 : 0, 0};
    }
    qsort(u, m, sizeof *u, by_use_key);
    /* one pass per key, so that each later question is a lookup (a word
     * repeated 100,000 times is not scanned once per name) */
    for (size_t g = 0, e; g < m; g = e) {
        int same = 1;
        for (e = g; e < m && u[e].key == u[g].key; e++)
            same &= (u[e].before | u[e].after) && u[e].before == u[g].before && u[e].after == u[g].after;
        for (size_t k = g; k < e; k++)
            u[k].same = same;
    }
    *out = u;
    *n = m;
    return PX_OK;
}

/* Is token i's word, in every capitalised use the article makes of it,
 * joined the same way to the same neighbours ("Partners" only ever in
 * "Foster and Partners")? */
static int always_linked(const scanner *sc, size_t i)
{
    word_use k = {tok_key(sc, i), 0, 0, 0};
    const word_use *u = bsearch(&k, sc->uses, sc->n_uses, sizeof k, by_use_key);
    return u && u->same;
}

/* Is [first, last) a single word the training data never saw as a name
 * on its own, no given name, country or people word, a common word of
 * general news (its stem in FRAGMENT_COMMON_COUNT documents of the
 * background table: "partners", "woods", "sciences", not "Bristol" nor
 * "Strasbourg"), never used alone by the article, and is its neighbour
 * across the link never used alone either? Then both are one name the
 * tagger cut at the lower-case link word. */
#define FRAGMENT_COMMON_COUNT 100
static int fragment_at(const scanner *sc, size_t first, size_t last, size_t neighbour)
{
    if (last != first + 1)
        return 0;
    const px_token *t = &sc->tk.v[first];
    const char *w = sc->text + t->start;
    size_t len = cl_strip_possessive(w, t->end - t->start);
    char low[64];
    if (t->kind != PX_TOK_WORD || len >= sizeof low || cl_given_name_gender(w, len) || is_country(w, len) ||
        is_people_word(w, len) || is_demonym(w, len) ||
        px_ner_gazetteer_types(px_ner_default(NULL), w, len) != 0)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    return px_background_word_count(sc->stemmer, low, len) >= FRAGMENT_COMMON_COUNT && always_linked(sc, first) &&
           always_linked(sc, neighbour);
}

/* Are the names a and b, linked, one name cut in two? */
static int cut_name(const scanner *sc, const px_ner_span *a, const px_ner_span *b)
{
    if (tok_given_name(sc, a->first) || tok_given_name(sc, b->first))
        return 0; /* "Hannah and Ari" are two people */
    return fragment_at(sc, b->first, b->last, a->last - 1) || fragment_at(sc, a->first, a->last, b->first);
}

/* Adds the tagged name [first, last): split after a possessive inside it
 * ("Biden's Defense Secretary"), at a title inside it ("Progressive Caucus
 * Chairwoman Pramila Jayapal": an organisation, then a person with her
 * title) and after a title ending in "of" ("Secretary of | State Antony
 * Blinken"). */
/* Is token i an article or a subject pronoun in title case ("The",
 * "They"), or a function word before a number ("Since 1908")? No name
 * ends on one: the text lost the full stop before it ("Associated Press
 * The ..."). Other function words do end names ("PlayStation Now",
 * "Serie A", "Q&A", "Hey There", "Best Of You"). */
static int ends_on_function_word(const scanner *sc, size_t i)
{
    static const char *const openers[] = {"the", "an", "he", "she", "they", "we", "these", "those", NULL};
    const px_token *t = &sc->tk.v[i];
    if (!isupper((unsigned char)sc->text[t->start]) ||
        (t->end - t->start >= 2 && !islower((unsigned char)sc->text[t->start + 1])))
        return 0;
    for (size_t k = 0; openers[k]; k++)
        if (cl_tok_eq(sc->text, t, openers[k]))
            return 1;
    /* a longer function word before a number opens a phrase of its own:
     * "the Cubs Since 1908" (the stopword list lacks "since" and "till") */
    const px_token *next = i + 1 < sc->tk.n ? &sc->tk.v[i + 1] : NULL;
    return t->end - t->start >= 3 && next && next->kind == PX_TOK_NUMBER && next->start == t->end + 1 &&
           (tok_is_stopword(sc, t) || cl_tok_eq(sc->text, t, "since") || cl_tok_eq(sc->text, t, "till"));
}

static int capitalised_in_prose(const scanner *sc, const px_token *t)
{
    return has_word(sc->prose, sc->n_prose, sc->text + t->start, t->end - t->start);
}

static int all_shouted(const scanner *sc, size_t first, size_t last)
{
    for (size_t i = first; i < last; i++)
        if (sc->tk.v[i].kind == PX_TOK_WORD && !shouted(sc, &sc->tk.v[i]))
            return 0;
    return 1;
}

/* Is token i of the name [first, last) written in capitals a common word
 * the headline shouts: a word the text writes in lower case and never
 * capitalises inside a sentence ("ISSUES"), or a function word not
 * between two words it does capitalise ("FOR", not the "OF" of "WORLD OF
 * WARCRAFT")? */
static int shouted_common_word(const scanner *sc, size_t first, size_t last, size_t i)
{
    const px_token *t = &sc->tk.v[i];
    if (t->kind != PX_TOK_WORD || capitalised_in_prose(sc, t))
        return 0;
    if (written_lower(sc, t))
        return 1;
    return tok_is_stopword(sc, t) &&
           !(i > first && i + 1 < last && capitalised_in_prose(sc, &sc->tk.v[i - 1]) &&
             capitalised_in_prose(sc, &sc->tk.v[i + 1]));
}

static int add_tagged(scanner *sc, size_t first, size_t last, px_ner_type type);

/* A name of several words all in capitals ("NAACP ISSUES NATIONAL TRAVEL
 * ADVISORY FOR AMERICAN AIRLINES", a headline in capitals) is split at
 * the common words the headline shouts ("NAACP", "AMERICAN AIRLINES"); a
 * word left alone stays a name only when the text capitalises it inside a
 * sentence too. Names of up to three words in capitals stand ("ENGLISH
 * COUNTY CHAMPIONSHIP", "WORLD OF WARCRAFT"). Returns 0 when the name
 * stands. */
static int split_shouted_name(scanner *sc, size_t first, size_t last, px_ner_type type, int *rc)
{
    size_t i = first;
    while (i < last && !shouted_common_word(sc, first, last, i))
        i++;
    if (i == last)
        return 0;
    *rc = PX_OK;
    for (size_t run = first; run < last && !*rc; run = i + 1) {
        for (i = run; i < last && !shouted_common_word(sc, first, last, i);)
            i++;
        if (i - run > 1 || (i > run && capitalised_in_prose(sc, &sc->tk.v[run])))
            *rc = add_tagged(sc, run, i, type); /* not "NATIONAL" alone */
    }
    return 1;
}

/* Is token i a conjunction that opens a subordinate clause ("Although",
 * "Unless")? Capitalised at the start of a sentence, the tagger can take
 * it for the first word of the name after it ("Although Red Bull"). */
static int clause_opener(const scanner *sc, size_t i)
{
    static const char *const openers[] = {"although", "though", "unless", "whereas", "whether", "because",
                                          "since", "while", "whilst", "once", "if", "when", "after",
                                          "before", "as", "despite", NULL};
    return cl_tok_in(sc->text, &sc->tk.v[i], openers);
}

static int add_tagged(scanner *sc, size_t first, size_t last, px_ner_type type)
{
    while (last > first + 1 && cl_tok_eq(sc->text, &sc->tk.v[last - 1], ","))
        last--; /* "Zachary, William, and Matthew": no name ends on a comma */
    if (last - first >= 2 && opens_sentence(sc, first) && clause_opener(sc, first))
        return add_tagged(sc, first + 1, last, type);
    int rc;
    if (last - first >= 4 && all_shouted(sc, first, last) && split_shouted_name(sc, first, last, type, &rc))
        return rc;
    for (size_t i = first + 1; type == PX_NER_PER && i + 1 < last; i++)
        if (cl_tok_eq(sc->text, &sc->tk.v[i], "and") || cl_tok_eq(sc->text, &sc->tk.v[i], "&")) {
            if (!tok_given_name(sc, first) && !tok_given_name(sc, i + 1) &&
                (fragment_at(sc, i + 1, last, i - 1) || fragment_at(sc, first, i, i + 1)))
                return add_tagged(sc, first, last, PX_NER_ORG); /* "Foster and Partners": a firm */
            int rc = add_tagged(sc, first, i, type); /* "Hannah and Ari" are two */
            return rc ? rc : add_tagged(sc, i + 1, last, type);
        }
    for (size_t i = first; i + 1 < last; i++)
        if (sc->tk.v[i].flags & PX_TOKF_CONTRACTION &&
            cl_strip_possessive(sc->text + sc->tk.v[i].start, sc->tk.v[i].end - sc->tk.v[i].start) <
                sc->tk.v[i].end - sc->tk.v[i].start &&
            !(type == PX_NER_MISC && i + 2 == last)) { /* "New Year's Eve" is one */
            int rc = add_tagged(sc, first, i + 1, type);
            return rc ? rc : add_tagged(sc, i + 1, last, type);
        }
    size_t agency = agency_prefix(sc, first, last);
    if (agency && last - first >= agency + 2 && last - first <= agency + 3 &&
        (type == PX_NER_PER || looks_like_person(sc, first + agency, last))) {
        /* "Associated Press | Felipe Massa"; "Reuters Ottawa Bureau" stays */
        int rc = add_tagged(sc, first, first + agency, PX_NER_ORG);
        return rc ? rc : add_tagged(sc, first + agency, last, PX_NER_PER);
    }
    size_t full = full_name_inside(sc, first, last, type);
    if (full < last) { /* "Associated Press | Jessica Alba", "Justin Timberlake | Justin Timberlake" */
        int rc = add_tagged(sc, first, full,
                            type == PX_NER_PER && !tok_given_name(sc, first) ? PX_NER_ORG : type);
        return rc ? rc : add_tagged(sc, full, last, PX_NER_PER);
    }
    if ((last - first) % 2 == 0 && last - first >= 2 && same_words(sc, first, first + (last - first) / 2, (last - first) / 2)) {
        int rc = add_tagged(sc, first, first + (last - first) / 2, type); /* "Ruhrort Ruhrort" */
        return rc ? rc : add_tagged(sc, first + (last - first) / 2, last, type);
    }
    if (last - first >= 2 && ends_on_function_word(sc, last - 1))
        return add_tagged(sc, first, last - 1, type);
    for (size_t i = first + 1; i + 1 < last; i++)
        if (sc->title_line[i] && tok_is_stopword(sc, &sc->tk.v[i]) &&
            isupper((unsigned char)sc->text[sc->tk.v[i].start])) {
            int rc = add_tagged(sc, first, i, type); /* "Grammys | Have Against Women" */
            return rc ? rc : add_tagged(sc, i + 1, last, type);
        }
    if (first >= 2 && last > first + 1 && cl_tok_eq(sc->text, &sc->tk.v[first - 1], "of") &&
        tok_role_word(sc, first - 2))
        return add_name(sc, first + 1, last, title_start(sc, first - 1), PX_NER_PER);
    for (size_t k = last - 1; k > first; k--) {
        if (!tok_role_word(sc, k - 1) || (type != PX_NER_PER && last - k < 2))
            continue;
        size_t r = k - 1;
        while (r > first && is_title_token(sc, &sc->tk.v[r - 1]))
            r--;
        int rc = r > first ? add_name(sc, first, r, r, type == PX_NER_PER ? PX_NER_ORG : type)
                           : PX_OK;
        return rc ? rc : add_name(sc, k, last, r, PX_NER_PER);
    }
    return add_name(sc, first, last, first, type);
}

/* The number of tokens of a name particle in lower case from token i
 * ("des", "de la", "von"), 0 for none. */
static size_t particle_at(const scanner *sc, size_t i)
{
    static const char *const particles[] = {"de", "des", "du", "del", "della", "di", "da", "dos",
                                            "von", "van", "der", "den", "la", "le", NULL};
    size_t n = 0;
    while (i + n < sc->tk.n && n < 2 && islower((unsigned char)sc->text[sc->tk.v[i + n].start]) &&
           cl_tok_in(sc->text, &sc->tk.v[i + n], particles))
        n++;
    return n;
}

/* Joins two tagged names that a particle in lower case links on one line
 * ("Promenade des Anglais", "Place de la Concorde"): the tagger, trained
 * on English wire text, splits them into two names and a fragment. The
 * joined name is a place when it opens on a French, Spanish or Italian
 * noun of a place ("Promenade", "Rue", "Piazza"); else it takes the first
 * name's type. */
static void join_particle_names(scanner *sc)
{
    static const char *const place_heads[] = {"Promenade", "Place", "Rue", "Avenue", "Boulevard",
                                              "Gare", "Pont", "Quai", "Porte", "Lac", "Mont",
                                              "Plaza", "Calle", "Via", "Piazza", "Ponte", "Palazzo", NULL};
    px_ner_spans *ns = &sc->names;
    size_t w = 0;
    for (size_t i = 0; i < ns->n; i++) {
        if (w > 0) {
            px_ner_span *a = &ns->v[w - 1];
            const px_ner_span *b = &ns->v[i];
            size_t p = particle_at(sc, a->last);
            if (p && a->last + p == b->first && same_line(sc, b->first) && same_line(sc, a->last)) {
                if (cl_tok_in(sc->text, &sc->tk.v[a->first], place_heads))
                    a->type = PX_NER_LOC;
                a->last = b->last;
                continue;
            }
        }
        ns->v[w++] = ns->v[i];
    }
    ns->n = w;
}

/* Widens the one-word name s, a fragment, over the capitalised word
 * outside any name that a link word joins it to (the tagger left "Man"
 * of a quoted "Man of the Woods" out); from and to bound it by the
 * neighbouring names. */
static void widen_fragment(const scanner *sc, px_ner_span *s, size_t from, size_t to)
{
    if (s->last != s->first + 1)
        return;
    size_t b = link_neighbour(sc, s->first, -1), a = link_neighbour(sc, s->first, 1);
    if (b < sc->tk.n && b >= from && !opens_sentence(sc, b) && fragment_at(sc, s->first, s->last, b) && !tok_given_name(sc, b))
        s->first = b;
    else if (a < to && fragment_at(sc, s->first, s->last, a) && !tok_given_name(sc, a))
        s->last = a + 1;
    else
        return;
    if (s->type == PX_NER_PER)
        s->type = PX_NER_ORG;
}

/* Joins two tagged names that a link word joins on one line when one of
 * them is a single word the training data does not know as a name and
 * that the article never uses alone ("Foster and Partners", "Man of the
 * Woods", "Recording Arts and Sciences"): the tagger cut one name in two
 * at the lower-case word. "Israel and Gaza" stay two (both known names),
 * as do two names of which each also stands alone somewhere. The joined
 * name is never a person (a person's name has no "and" or "of the"): it
 * takes the type of its part that is not one, else stays a person (and
 * add_tagged splits "Hannah and Ari" again). */
static void join_linked_fragments(scanner *sc)
{
    px_ner_spans *ns = &sc->names;
    size_t w = 0;
    for (size_t i = 0; i < ns->n; i++) {
        if (w > 0) {
            px_ner_span *a = &ns->v[w - 1];
            const px_ner_span *b = &ns->v[i];
            if (linked(sc, a, b) && cut_name(sc, a, b) && !(w > 1 && linked(sc, &ns->v[w - 2], a)) &&
                !(i + 1 < ns->n && linked(sc, b, &ns->v[i + 1]))) {
                if (a->type == PX_NER_PER)
                    a->type = b->type == PX_NER_PER ? PX_NER_ORG : b->type;
                a->last = b->last;
                continue;
            }
        }
        ns->v[w] = ns->v[i];
        widen_fragment(sc, &ns->v[w], w > 0 ? ns->v[w - 1].last : 0,
                       i + 1 < ns->n ? ns->v[i + 1].first : sc->tk.n);
        w++;
    }
    ns->n = w;
}

/* The tagger reads English; a language with its own word lists
 * (data/claims) gets names judged by them (px_names_by_capitals). Any
 * other language, and a text identified wrongly as one (a table of
 * sports results read as Slovene), is read as English, as before. */
static int reads_english(const char *lang)
{
    return !lang || !*lang || strncasecmp(lang, "en", 2) == 0 || !cl_lang_get(lang);
}

static int scan_names(scanner *sc)
{
    const px_ner_model *m = px_ner_default(NULL);
    if (!m)
        return PX_EFORMAT;
    if (!sc->stemmer && !(sc->stemmer = px_stemmer_new("en")))
        return PX_ENOMEM;
    int rc = reads_english(sc->lang) ? px_ner_tag(m, sc->text, &sc->tk, &sc->ss, &sc->names)
                                     : px_names_by_capitals(sc->lang, sc->text, &sc->tk, &sc->ss, &sc->names);
    if (!rc)
        rc = lower_words_build(sc);
    if (!rc)
        rc = title_lines_build(sc);
    if (!rc)
        join_particle_names(sc);
    if (!rc)
        rc = word_uses_build(sc, &sc->uses, &sc->n_uses);
    if (!rc)
        join_linked_fragments(sc);
    for (size_t i = 0; i < sc->names.n && !rc; i++)
        rc = add_tagged(sc, sc->names.v[i].first, sc->names.v[i].last, sc->names.v[i].type);
    return rc;
}

/* ---- resolving mentions to entities --------------------------------------- */

static size_t name_words(const char *name, const char **last, size_t *last_len)
{
    size_t n = 0;
    const char *p = name;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        n++;
        *last = s;
        *last_len = (size_t)(p - s);
    }
    return n;
}

/* Does the one-word name w equal a word of the longer name? */
static int word_of(const char *longer, const char *w, size_t wlen, int last_only)
{
    const char *p = longer;
    const char *last = NULL;
    size_t last_len = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if (p == s)
            break;
        if (!last_only && cl_eq(s, (size_t)(p - s), "") == 0 && (size_t)(p - s) == wlen &&
            strncasecmp(s, w, wlen) == 0)
            return 1;
        last = s;
        last_len = (size_t)(p - s);
    }
    return last && last_len == wlen && strncasecmp(last, w, wlen) == 0;
}

size_t px_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max)
{
    if (alen > blen + max || blen > alen + max)
        return max + 1;
    if (blen > 63 || alen > 63)
        return (alen == blen && strncasecmp(a, b, alen) == 0) ? 0 : max + 1;
    size_t row[64];
    for (size_t j = 0; j <= blen; j++)
        row[j] = j;
    for (size_t i = 1; i <= alen; i++) {
        size_t diag = row[0], best = i;
        row[0] = i;
        for (size_t j = 1; j <= blen; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t v = diag + cost;
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1;
    }
    return row[blen] > max ? max + 1 : row[blen];
}

static size_t misspelling_budget(size_t len)
{
    return len >= 7 ? 2 : len >= 4 ? 1 : 0;
}

static int entity_add_variant(px_entity *e, const char *v)
{
    for (size_t i = 0; i < e->variants.n; i++)
        if (strcmp(e->variants.items[i], v) == 0)
            return PX_OK;
    return px_strlist_push(&e->variants, v);
}

static long new_entity(px_entity_list *out, const cand *c)
{
    if (CL_GROW(out->v, out->cap, out->n))
        return -1;
    px_entity *e = &out->v[out->n];
    memset(e, 0, sizeof *e);
    e->name = px_strdup(c->name);
    e->kind = c->kind;
    e->gender = c->gender;
    e->merged = -1;
    if (!e->name)
        return -1;
    return (long)out->n++;
}

/* A short form is looked for among this many mentions before it (and,
 * after the full names are placed, as many after it): the entity it names
 * is mentioned nearby. Shorter articles are searched whole; the bound
 * keeps resolving linear in the mentions however long the article. */
#define RESOLVE_WINDOW 400

/* Names, case-folded (ASCII, as strcasecmp compares), to the first entity
 * of that name; and surnames to the first person of several words. */
typedef struct name_index {
    px_map map;
    long *entity; /* map id -> entity */
    size_t cap;
} name_index;

static char *folded_name(const char *s, size_t n)
{
    char *f = px_strndup(s, n);
    for (char *p = f; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return f;
}

static int index_name(name_index *x, const char *s, size_t n, long entity)
{
    char *f = folded_name(s, n);
    int added = 0;
    uint32_t id = f ? px_map_intern(&x->map, f, n, &added) : PX_MAP_NONE;
    free(f);
    if (id == PX_MAP_NONE || px_grow(&x->entity, &x->cap, (size_t)id + 1, sizeof *x->entity, 64, 0))
        return PX_ENOMEM;
    if (added)
        x->entity[id] = entity;
    return PX_OK;
}

static long find_name(const name_index *x, const char *s, size_t n)
{
    char *f = folded_name(s, n);
    uint32_t id = f ? px_map_find(&x->map, f, n) : PX_MAP_NONE;
    free(f);
    return id == PX_MAP_NONE ? -1 : x->entity[id];
}

static void name_index_free(name_index *x)
{
    px_map_free(&x->map);
    free(x->entity);
}

/* The entity a short mention refers to: the most recently mentioned
 * entity whose name contains it as a word (persons: as the surname), else
 * one whose surname is within a small edit distance. surnames (may be
 * NULL) gives the first person of several words by surname, for the look
 * ahead. */
/* Which entities a pass of resolve_short has tested: a window of 400
 * mentions names far fewer entities, and the tests of a pass depend on
 * the entity and the short form alone, so each is tested once. */
typedef struct tested {
    uint32_t *pass; /* by entity: the pass that tested it last */
    size_t cap;
    uint32_t now;
} tested;

/* Starts a pass over entities 0 .. n - 1; without memory, every entity
 * is tested again (as before). */
static void tested_begin(tested *t, size_t n)
{
    t->now++;
    if (px_grow(&t->pass, &t->cap, n ? n : 1, sizeof *t->pass, 64, 1) != PX_OK) {
        free(t->pass);
        t->pass = NULL;
        t->cap = 0;
    }
}

/* Was entity e tested in this pass? Marks it tested. */
static int tested_before(tested *t, long e)
{
    if (!t->pass)
        return 0;
    if (t->pass[e] == t->now)
        return 1;
    t->pass[e] = t->now;
    return 0;
}

/* Is w the first word of a name of several words ("Jessica" of "Jessica
 * Alba")? */
static int given_name_of(const char *longer, const char *w, size_t wlen)
{
    return strncasecmp(longer, w, wlen) == 0 && longer[wlen] == ' ';
}

/* Is w the family name that opens the name `full`, in the order of
 * Chinese and Korean names: a common family name of the list, or any word
 * before a given name of two syllables joined in the Korean romanisation
 * ("Moon Jae-in", "Park Geun-hye": a hyphen, then lower case)? */
static int family_name_first(const char *full, const char *w, size_t wlen)
{
    if (!given_name_of(full, w, wlen))
        return 0;
    if (cl_is_family_name_first(w, wlen))
        return 1;
    const char *given = full + wlen + 1;
    const char *hyphen = strchr(given, '-');
    return hyphen && !strchr(given, ' ') && hyphen > given && islower((unsigned char)hyphen[1]);
}

static long resolve_short(const px_entity_list *out, const cand *cands, size_t from, size_t upto,
                          const cand *c, const name_index *surnames, tested *seen)
{
    size_t len = strlen(c->name);
    long best = -1, org = -1;
    /* a person's given name alone is that person when no other person
     * of the window has it ("Jessica Alba ... Jessica revealed"): tabloid
     * and sports writing call people by it; two people with it, or a
     * surname that matches, and it is not resolved this way. The person
     * must have a gender from a known given name or a title, so that a
     * word glued before a name ("Facebook Sean Moore") is no given name;
     * a Chinese or Korean family name, written first, is the name a story
     * uses again ("Zhao Zicong ... Zhao said") */
    long given = -1;
    int given_shared = 0;
    for (size_t pass = 0; pass < 2 && best < 0; pass++) {
        tested_begin(seen, out->n);
        for (size_t k = upto; k-- > from;) {
            const cand *o = &cands[k];
            if (o->entity < 0 || o->n_words <= c->n_words || tested_before(seen, o->entity))
                continue;
            const px_entity *e = &out->v[o->entity];
            if (pass == 0) {
                int person = e->kind == PX_ENTITY_PERSON;
                /* a surname alone is that person whatever its tag ("met
                 * Biden" read as a place); a word of an organisation's
                 * name is it unless tagged a place */
                if (c->n_words == 1 && word_of(e->name, c->name, len, person) &&
                    (person || (e->kind == PX_ENTITY_ORG && c->kind != PX_ENTITY_PLACE))) {
                    if (person)
                        return o->entity;
                    if (org < 0) /* a person of that surname comes first: "Laurie Marshall
                                  * of Marshall Law Group ... Marshall said", "Donald Trump
                                  * ... Trump University ... Trump told" */
                        org = o->entity;
                }
                if (c->n_words > 1 && person && strstr(e->name, c->name))
                    return o->entity;
                if (c->n_words == 1 && person && c->kind == PX_ENTITY_PERSON &&
                    ((e->gender && given_name_of(e->name, c->name, len)) ||
                     family_name_first(e->name, c->name, len))) {
                    given_shared |= given >= 0 && given != o->entity;
                    given = o->entity;
                }
            } else if (c->n_words == 1 && e->kind == PX_ENTITY_PERSON && !c->kind_sure &&
                       !cl_given_name_gender(c->name, len)) {
                const char *last;
                size_t last_len;
                name_words(e->name, &last, &last_len);
                size_t budget = misspelling_budget(len < last_len ? len : last_len);
                if (budget && px_edit_distance(c->name, len, last, last_len, budget) <= budget &&
                    c->name[0] == last[0])
                    best = o->entity;
                if (best >= 0)
                    break;
            }
        }
        /* also look ahead: "Netanyahu" before "Benjamin Netanyahu" */
        if (pass == 0 && c->n_words == 1 && surnames) {
            long k = find_name(surnames, c->name, len);
            if (k >= 0)
                return k;
        }
        if (pass == 0 && org >= 0)
            return org;
        if (pass == 0 && given >= 0 && !given_shared)
            return given;
    }
    return best;
}

/* The gender a one-word mention's own sentence gives it: a title
 * (`Mrs. Obama`) or a subject pronoun within five words after it
 * (`Obama said he is ...`). */
static px_gender mention_gender(const scanner *sc, const cand *c)
{
    if (c->gender)
        return c->gender;
    size_t s = cl_sentence_at(&sc->ss, c->start);
    size_t end = sc->ss.n ? sc->ss.v[s].end : sc->len;
    size_t words = 0;
    for (size_t t = cl_token_at(&sc->tk, c->end); t < sc->tk.n && sc->tk.v[t].start < end; t++) {
        const px_token *k = &sc->tk.v[t];
        if (k->kind != PX_TOK_WORD)
            continue;
        if (++words > 5)
            break;
        if (cl_tok_eq(sc->text, k, "he"))
            return PX_GENDER_MALE;
        if (cl_tok_eq(sc->text, k, "she"))
            return PX_GENDER_FEMALE;
    }
    return PX_GENDER_UNKNOWN;
}

static px_gender entity_gender(const px_entity *e)
{
    if (e->gender)
        return e->gender;
    const char *sp = strchr(e->name, ' ');
    return sp ? gender_of_first_name(e->name, (size_t)(sp - e->name)) : PX_GENDER_UNKNOWN;
}

/* The people of several words sharing a surname (the first
 * MAX_NAMESAKES in entity order), and the titles each entity's mentions
 * carried so far: what pick_namesake asks, one hashed lookup each. */
#define MAX_NAMESAKES 8

typedef struct namesakes {
    long v[MAX_NAMESAKES];
    size_t n;
} namesakes;

typedef struct resolver {
    name_index names, surnames;
    namesakes *by_surname; /* surnames map id -> the people with it */
    size_t cap_by_surname;
    px_map roles;          /* entity id and folded title of each mention so far */
    tested tested;         /* resolve_short's entities tested */
} resolver;

static size_t role_key(long e, const char *role, char *key, size_t cap)
{
    size_t n = strlen(role);
    if (n + sizeof e > cap)
        return 0;
    memcpy(key, &e, sizeof e);
    for (size_t i = 0; i < n; i++)
        key[sizeof e + i] = (char)tolower((unsigned char)role[i]);
    return sizeof e + n;
}

static int note_role(resolver *r, const cand *c)
{
    char key[256];
    size_t n = c->role ? role_key(c->entity, c->role, key, sizeof key) : 0;
    return n && px_map_intern(&r->roles, key, n, NULL) == PX_MAP_NONE ? PX_ENOMEM : PX_OK;
}

/* Did a full-name mention of entity e carry the title the short mention
 * carries (`President Obama` / `President Barack Obama`)? */
static int entity_has_role(const resolver *r, long e, const char *role)
{
    char key[256];
    size_t n = role_key(e, role, key, sizeof key);
    return n && px_map_find(&r->roles, key, n) != PX_MAP_NONE;
}

/* A surname alone when two people of the article share it (`Obama` with
 * Barack and Michelle Obama): the one whose gender the mention's title or
 * pronoun gives, then whose title it carries, then the nearest named
 * before it (else the first named after), among the mentions from..upto.
 * -1 when fewer than two people share the surname. */
static long pick_namesake(const scanner *sc, const resolver *r, const px_entity_list *out, size_t self,
                          size_t from, size_t upto)
{
    const cand *c = &sc->c[self];
    char *folded = folded_name(c->name, strlen(c->name));
    uint32_t id = folded ? px_map_find(&r->surnames.map, folded, strlen(folded)) : PX_MAP_NONE;
    free(folded);
    if (id == PX_MAP_NONE || r->by_surname[id].n < 2)
        return -1;
    const long *people = r->by_surname[id].v;
    size_t n = r->by_surname[id].n;
    px_gender g = mention_gender(sc, c);
    int fits[8], any_fit = 0;
    for (size_t i = 0; i < n; i++) {
        px_gender eg = entity_gender(&out->v[people[i]]);
        fits[i] = !g || !eg || eg == g;
        if (fits[i] && c->role && entity_has_role(r, people[i], c->role))
            fits[i] = 2;
        any_fit = any_fit > fits[i] ? any_fit : fits[i];
    }
    if (!any_fit)
        return -1;
    long before = -1, after = -1;
    for (size_t k = from; k < upto; k++) {
        long e = sc->c[k].entity;
        size_t i = 0;
        while (i < n && people[i] != e)
            i++;
        if (i == n || fits[i] < any_fit)
            continue;
        if (sc->c[k].start < c->start)
            before = e;
        else if (after < 0)
            after = e;
    }
    return before >= 0 ? before : after;
}

/* Gender from "He ..."/"She ..." opening the sentence after one whose first
 * person mention is the entity. */
static void infer_gender_from_pronouns(scanner *sc, px_entity_list *out)
{
    size_t ci = 0;
    for (size_t s = 0; s + 1 < sc->ss.n; s++) {
        while (ci < sc->nc && sc->c[ci].start < sc->ss.v[s].start)
            ci++;
        long first = -1;
        for (size_t k = ci; k < sc->nc && sc->c[k].start < sc->ss.v[s].end; k++)
            if (sc->c[k].entity >= 0 && out->v[sc->c[k].entity].kind == PX_ENTITY_PERSON &&
                !sc->c[k].possessive) {
                first = sc->c[k].entity;
                break;
            }
        if (first < 0 || out->v[first].gender)
            continue;
        const char *p = sc->text + sc->ss.v[s + 1].start;
        size_t n = sc->ss.v[s + 1].end - sc->ss.v[s + 1].start;
        if (n > 3 && strncmp(p, "He ", 3) == 0)
            out->v[first].gender = PX_GENDER_MALE;
        else if (n > 4 && strncmp(p, "She ", 4) == 0)
            out->v[first].gender = PX_GENDER_FEMALE;
    }
}

/* Written in capitals only ("PARIS" of a dateline). */
static int all_caps(const char *s)
{
    for (; *s; s++)
        if (islower((unsigned char)*s))
            return 0;
    return 1;
}

/* An entity first named in capitals takes the name as the text writes it
 * in its sentences ("AMERICAN AIRLINES" of a headline, then "American
 * Airlines"). */
static int prefer_written_case(px_entity *e, const char *name)
{
    if (!all_caps(e->name) || all_caps(name) || strlen(name) != strlen(e->name))
        return PX_OK;
    return px_set_str(&e->name, name);
}

/* A mention's entity by its exact name, else a new entity. */
static int name_or_new(resolver *r, px_entity_list *out, cand *c, int look_up)
{
    size_t len = strlen(c->name);
    if (look_up && c->entity < 0)
        c->entity = find_name(&r->names, c->name, len);
    if (c->entity < 0) {
        if ((c->entity = new_entity(out, c)) < 0)
            return PX_ENOMEM;
        if (index_name(&r->names, c->name, len, c->entity))
            return PX_ENOMEM;
    }
    return note_role(r, c);
}

/* Surname -> the first person entities of several words with it. */
static int index_surnames(const px_entity_list *out, resolver *r)
{
    for (size_t k = 0; k < out->n; k++) {
        const char *last;
        size_t last_len;
        if (out->v[k].kind != PX_ENTITY_PERSON || !strchr(out->v[k].name, ' '))
            continue;
        name_words(out->v[k].name, &last, &last_len);
        if (!last_len)
            continue;
        if (index_name(&r->surnames, last, last_len, (long)k))
            return PX_ENOMEM;
        if (px_grow(&r->by_surname, &r->cap_by_surname, r->surnames.map.n, sizeof *r->by_surname, 64, 1))
            return PX_ENOMEM;
        char *folded = folded_name(last, last_len);
        uint32_t id = folded ? px_map_find(&r->surnames.map, folded, last_len) : PX_MAP_NONE;
        free(folded);
        if (id == PX_MAP_NONE)
            return PX_ENOMEM;
        if (r->by_surname[id].n < MAX_NAMESAKES)
            r->by_surname[id].v[r->by_surname[id].n++] = (long)k;
    }
    return PX_OK;
}

static void resolver_free(resolver *r)
{
    name_index_free(&r->names);
    name_index_free(&r->surnames);
    free(r->by_surname);
    px_map_free(&r->roles);
    free(r->tested.pass);
}

static int resolve_names(scanner *sc, px_entity_list *out)
{
    resolver r = {0};
    int rc = PX_OK;
    /* full names first, in text order, so short forms find them */
    for (size_t k = 0; k < sc->nc && !rc; k++) {
        cand *c = &sc->c[k];
        if (c->n_words < 2)
            continue;
        c->entity = find_name(&r.names, c->name, strlen(c->name));
        if (c->entity < 0 && c->kind == PX_ENTITY_PERSON)
            c->entity = resolve_short(out, sc->c, k > RESOLVE_WINDOW ? k - RESOLVE_WINDOW : 0, k, c, NULL, &r.tested);
        rc = name_or_new(&r, out, c, 0);
    }
    if (!rc)
        rc = index_surnames(out, &r);
    for (size_t k = 0; k < sc->nc && !rc; k++) {
        cand *c = &sc->c[k];
        if (c->entity >= 0)
            continue;
        /* the mentions around it, later ones first */
        size_t upto = sc->nc - k > RESOLVE_WINDOW ? k + RESOLVE_WINDOW : sc->nc;
        size_t from = upto > 2 * RESOLVE_WINDOW ? upto - 2 * RESOLVE_WINDOW : 0;
        if (c->n_words == 1)
            c->entity = pick_namesake(sc, &r, out, k, from, upto);
        if (c->entity < 0)
            c->entity = resolve_short(out, sc->c, from, upto, c, &r.surnames, &r.tested);
        rc = name_or_new(&r, out, c, 1);
    }
    resolver_free(&r);
    return rc;
}

/* Is the word s[0..len) written in lower case somewhere in the text? */
static int word_written_lower(const scanner *sc, const char *s, size_t len)
{
    return has_word(sc->lower, sc->n_lower, s, len);
}

/* Each entity's mentions in text order, as lists through the candidates:
 * (*first)[e] is entity e's first mention, (*next)[k] the one after
 * mention k (sc->nc: none). Visiting every entity's mentions then costs
 * the mentions once, not entities times mentions (a long text has
 * thousands of both). */
static int mentions_by_entity(const scanner *sc, size_t n_entities, size_t **first, size_t **next)
{
    *first = malloc((n_entities + 1) * sizeof **first);
    *next = malloc((sc->nc + 1) * sizeof **next);
    if (!*first || !*next) {
        free(*first);
        free(*next);
        *first = *next = NULL;
        return PX_ENOMEM;
    }
    for (size_t e = 0; e < n_entities; e++)
        (*first)[e] = sc->nc;
    for (size_t k = sc->nc; k-- > 0;) {
        long e = sc->c[k].entity;
        (*next)[k] = sc->nc;
        if (e >= 0 && (size_t)e < n_entities) {
            (*next)[k] = (*first)[e];
            (*first)[e] = k;
        }
    }
    return PX_OK;
}

/* Renames an entity after the name the article really uses: a name of
 * several words written so once ("the Cubs Since 1908", a full stop lost)
 * whose other mentions, two or more, all use its leading words ("Cubs"),
 * the first word dropped being a function word the text writes in lower
 * case ("since"), is named by those leading words. A full name used once and
 * a surname after ("Joe Biden" ... "Biden") keeps the full name. */
static int name_from_use(const scanner *sc, px_entity_list *out)
{
    /* words that open a sentence or a clause, besides the stopwords */
    static const char *const openers[] = {"since", "after", "before", "when", "while", "although",
                                          "though", "until", "once", "meanwhile", "however", "still",
                                          "yet", "now", "then", "today", "yesterday", "also", NULL};
    size_t *first = NULL, *next = NULL;
    if (mentions_by_entity(sc, out->n, &first, &next) != PX_OK)
        return PX_ENOMEM;
    for (size_t e = 0; e < out->n; e++) {
        const char *name = out->v[e].name;
        size_t exact = 0, lead = 0, other = 0, lead_len = 0;
        for (size_t k = first[e]; k < sc->nc; k = next[k]) {
            const cand *c = &sc->c[k];
            size_t n = strlen(c->name);
            if (strcmp(c->name, name) == 0)
                exact++;
            else if (strncmp(name, c->name, n) == 0 && name[n] == ' ' && (!lead_len || n == lead_len)) {
                lead++;
                lead_len = n;
            } else
                other++;
        }
        if (exact != 1 || lead < 2 || other)
            continue;
        const char *dropped = name + lead_len + 1, *sp = strchr(dropped, ' ');
        size_t dl = sp ? (size_t)(sp - dropped) : strlen(dropped);
        char low[32];
        if (dl >= sizeof low)
            continue;
        for (size_t i = 0; i < dl; i++)
            low[i] = (char)tolower((unsigned char)dropped[i]);
        if (!word_written_lower(sc, dropped, dl) || !(px_is_stopword("en", low, dl) || cl_in(low, dl, openers)))
            continue; /* "since", not the "Zoo" of "Cincinnati Zoo" */
        char *nm = px_strndup(name, lead_len);
        if (!nm) {
            free(first);
            free(next);
            return PX_ENOMEM;
        }
        free(out->v[e].name);
        out->v[e].name = nm;
    }
    free(first);
    free(next);
    return PX_OK;
}

/* The one type of a set of type bits; -1 when none or several. */
static int single_type(unsigned bits)
{
    for (int t = 0; t < PX_NER_TYPES; t++)
        if (bits == 1u << t)
            return t;
    return -1;
}

/* Is c a person's surname alone ("Palmer said", "Massa, 36,") that
 * names entity e, a name of two or three words the tagger did not call a
 * person ("Carson Palmer" as an organisation) and that neither the
 * training data nor a head word types otherwise? Then e is that person. */
static int surname_of_unknown_name(const scanner *sc, const cand *c, const px_entity *e)
{
    if (c->n_words != 1 || c->kind != PX_ENTITY_PERSON || e->kind == PX_ENTITY_PERSON ||
        strcmp(c->name, e->name) == 0)
        return 0;
    const char *last = NULL;
    size_t last_len = 0;
    size_t n = name_words(e->name, &last, &last_len);
    if (n < 2 || n > 3 || last_len < 3 || last_len != strlen(c->name) ||
        strncmp(last, c->name, last_len) != 0 || !islower((unsigned char)last[last_len - 1]))
        return 0; /* not "XI" of "Minor Counties XI" */
    const px_ner_model *m = px_ner_default(NULL);
    (void)sc;
    return !px_ner_gazetteer_types(m, e->name, strlen(e->name)) && head_list_type(last, last_len) < 0 &&
           px_ner_head_type(m, last, last_len) < 0;
}

enum { CUE_PLACE = 1, CUE_PERSON = 2, CUE_SOURCE = 4, CUE_ORG = 8, CUE_THING = 16, CUE_TITLE = 32 };

/* A verb of saying right before token first ("told Politico") or right
 * after token last - 1 ("Politico said", "Politico notes"). */
static int says_around(const scanner *sc, size_t first, size_t last)
{
    const px_token *b = first > 0 ? &sc->tk.v[first - 1] : NULL, *a = last < sc->tk.n ? &sc->tk.v[last] : NULL;
    return (b && b->kind == PX_TOK_WORD && cl_is_say_verb(sc->text + b->start, b->end - b->start)) ||
           (a && a->kind == PX_TOK_WORD && cl_is_say_verb(sc->text + a->start, a->end - a->start));
}

/* Is mention c a possessive followed by a noun only a business or a
 * body has ("Amazon's headquarters", "Acme's shares", "Vexo's chief
 * executive")? A place has no shares and a person no headquarters. */
static int owns_org_noun(const scanner *sc, const cand *c)
{
    static const char *const nouns[] = {
        "headquarters", "shares", "stock", "CEO", "employees", "executives", "shareholders",
        "investors", "subscribers", "customers", "users", "app", "platform", "chief", "brand",
        "products", "stores", "servers", "algorithm", NULL};
    if (!c->possessive)
        return 0;
    size_t t = cl_token_at(&sc->tk, c->end);
    while (t < sc->tk.n && sc->tk.v[t].kind != PX_TOK_WORD && sc->tk.v[t].start - c->end <= 3)
        t++; /* the 's of a tokenizer that splits it off */
    if (t < sc->tk.n && sc->tk.v[t].kind == PX_TOK_WORD &&
        (cl_tok_eq(sc->text, &sc->tk.v[t], "s") || cl_tok_eq(sc->text, &sc->tk.v[t], "'s")))
        t++;
    if (t >= sc->tk.n || !same_line(sc, t) || !cl_tok_in(sc->text, &sc->tk.v[t], nouns))
        return 0;
    const px_token *n = &sc->tk.v[t];
    if (cl_tok_eq(sc->text, n, "chief")) /* "Israel's chief of staff": only "chief executive" */
        return t + 1 < sc->tk.n && cl_tok_eq(sc->text, &sc->tk.v[t + 1], "executive");
    return islower((unsigned char)sc->text[n->start]) || cl_tok_eq(sc->text, n, "CEO");
}

/* Does "<place noun> of" stand right before token t ("the city of
 * Duisburg", "the Port of Duisburg", "the mayor of Denver")? */
static int place_noun_of(const scanner *sc, size_t t)
{
    static const char *const nouns[] = {"city", "town", "village", "port", "capital", "province",
                                        "state", "suburb", "suburbs", "centre", "center", "outskirts",
                                        "streets", "mayor", "residents", "people", "region", NULL};
    return t >= 2 && cl_tok_eq(sc->text, &sc->tk.v[t - 1], "of") && same_line(sc, t - 1) &&
           cl_tok_in(sc->text, &sc->tk.v[t - 2], nouns);
}

/* Is the word after the one-word mention c, or the one after that
 * when a word in lower case stands between ("tram stop", "smart
 * glasses"), a noun of list written in lower case? */
static int noun_after(const scanner *sc, const cand *c, const char *const *list)
{
    if (c->possessive)
        return 0;
    size_t t = cl_token_at(&sc->tk, c->end);
    for (size_t k = t; k < t + 2 && k < sc->tk.n; k++) {
        const px_token *w = &sc->tk.v[k];
        if (w->kind != PX_TOK_WORD || !same_line(sc, k) || !islower((unsigned char)sc->text[w->start]))
            return 0;
        if (cl_tok_in(sc->text, w, list))
            return 1;
    }
    return 0;
}

/* The bytes of an opening quotation mark ending at end, or 0. */
static size_t opening_quote_before(const char *text, size_t end)
{
    if (end >= 1 && (text[end - 1] == '"' || text[end - 1] == '\''))
        return 1;
    if (end >= 3 && (strncmp(text + end - 3, "\xe2\x80\x9c", 3) == 0 || strncmp(text + end - 3, "\xe2\x80\x98", 3) == 0))
        return 3;
    return 0;
}

static size_t closing_quote_at(const char *text, size_t len, size_t at)
{
    if (at < len && (text[at] == '"' || text[at] == '\''))
        return 1;
    if (at + 3 <= len && (strncmp(text + at, "\xe2\x80\x9d", 3) == 0 || strncmp(text + at, "\xe2\x80\x99", 3) == 0))
        return 3;
    return 0;
}

/* A name written whole between quotation marks is a title: “Mirrors,”,
 * 'Man of the Woods', "Purple Rain." (a comma or a full stop may stand
 * inside the closing mark). */
static int quoted_whole(const scanner *sc, const cand *c)
{
    if (!opening_quote_before(sc->text, c->start))
        return 0;
    size_t at = c->end;
    if (at < sc->len && (sc->text[at] == ',' || sc->text[at] == '.' || sc->text[at] == '?' || sc->text[at] == '!'))
        at++;
    return closing_quote_at(sc->text, sc->len, at) != 0;
}

/* What the words around mention c say of its kind: CUE_PLACE after a
 * preposition of place ("in Pyongyang", "near Duisburg"), CUE_SOURCE next
 * to a verb of saying or after "by" ("Politico said", "obtained by
 * Politico": places do not report), CUE_ORG before a noun of business
 * ("Amazon's headquarters"), CUE_PERSON with a title or a he/she of its
 * own sentence, CUE_TITLE when written whole between quotation marks. A
 * one-word "person" with only place cues is the place standing for its
 * government. */
static unsigned mention_cues(const scanner *sc, const cand *c)
{
    static const char *const in[] = {"in", "into", "near", "across", "inside", "outside",
                                     "throughout", NULL};
    unsigned cue = 0;
    if (c->role || mention_gender(sc, c))
        cue |= CUE_PERSON;
    size_t t = cl_token_at(&sc->tk, c->start);
    if (c->n_words == 1 && !c->possessive && t > 0 && t < sc->tk.n && same_line(sc, t) &&
        ((cl_tok_in(sc->text, &sc->tk.v[t - 1], in) && islower((unsigned char)sc->text[sc->tk.v[t - 1].start])) ||
         place_noun_of(sc, t)))
        cue |= CUE_PLACE;
    if (c->n_words == 1 && t < sc->tk.n && (says_around(sc, t, t + 1) || (t > 0 && cl_tok_eq(sc->text, &sc->tk.v[t - 1], "by"))))
        cue |= CUE_SOURCE;
    static const char *const stops[] = {"station", "stop", "airport", "area", "neighborhood",
                                        "neighbourhood", "suburb", "district", NULL};
    static const char *const platform[] = {"account", "accounts", "post", "posts", "followers",
                                           "feed", "profile", "page", "app", "users", "video",
                                           "videos", "photo", "photos", NULL};
    static const char *const products[] = {"glasses", "specs", "headset", "headsets", "phone",
                                           "phones", "smartphone", "console", "device", "devices",
                                           "tablet", "laptop", "camera", "drone", "chip", "chips", NULL};
    if (c->n_words == 1 && noun_after(sc, c, stops))
        cue |= CUE_PLACE; /* "near the Sandilands tram stop" */
    if (c->n_words == 1 && (owns_org_noun(sc, c) || noun_after(sc, c, platform)))
        cue |= CUE_ORG; /* "an Instagram post" */
    if (c->n_words == 1 && noun_after(sc, c, products))
        cue |= CUE_THING; /* "the Vaunt smart glasses" */
    if (!c->possessive && quoted_whole(sc, c))
        cue |= CUE_TITLE; /* a song, a book, a film */
    return cue;
}

/* Mentions of one entity with each telling context. */
typedef struct cue_count {
    unsigned bits; /* CUE_ bits seen */
    size_t place, org, thing, other; /* other: person or reporting cues */
    size_t title, mentions;
} cue_count;

/* The kind the most telling contexts of a one-word entity give over the
 * tagger's votes, -1 for none: nouns of business ("Amazon's
 * headquarters", "an Instagram post") outnumbering the place and product
 * cues make an organisation whatever the tagger and the training names
 * said (a "person" only without a title or a he/she); nouns of products
 * seen twice and outnumbering the rest make a thing ("the Vaunt
 * glasses"); place cues seen twice and
 * more than twice as often as reporting ones make a place of an
 * "organisation" or an "other" name ("in Duisburg" ... "the city of Duisburg": the
 * training data knows the town as its football club); only place cues,
 * seen twice, make a place of a
 * "person" the training data may know as one ("in Denver"), once of a
 * person it does not; only reporting cues make an organisation of a
 * "place" the training data does not know as one ("Politico said"). */
static int kind_from_cues(const px_entity *e, const cue_count *cc, unsigned known)
{
    if (strchr(e->name, ' '))
        return -1;
    if (cc->org && cc->org > cc->place + cc->thing && e->kind != PX_ENTITY_ORG &&
        !(e->kind == PX_ENTITY_PERSON && (cc->bits & CUE_PERSON)))
        return PX_ENTITY_ORG;
    if (cc->thing >= 2 && cc->thing > cc->org + cc->place + cc->other)
        return PX_ENTITY_OTHER;
    if (cc->bits == CUE_PLACE && e->kind == PX_ENTITY_PERSON &&
        (cc->place >= 2 || !(known & 1u << PX_NER_PER)))
        return PX_ENTITY_PLACE; /* "urging Pyongyang to" ... "in Pyongyang" */
    if ((e->kind == PX_ENTITY_ORG || e->kind == PX_ENTITY_OTHER) && !cc->org && !cc->thing && cc->place >= 2 &&
        cc->place > 2 * cc->other)
        return PX_ENTITY_PLACE;
    if (cc->bits == CUE_SOURCE && e->kind == PX_ENTITY_PLACE && !(known & 1u << PX_NER_LOC))
        return PX_ENTITY_ORG; /* "Politico said", "obtained by Politico" */
    return -1;
}

/* A name most often written whole between quotation marks is the title
 * of a work, whatever its words say of a person or a place ("Purple
 * Rain", "Bodak Yellow"); a person's name quoted once among plain
 * mentions stays a person. */
static int is_title(const cue_count *cc)
{
    return cc->title && cc->title * 2 >= cc->mentions;
}

/* "North Korean", "South African": a people's adjective after a point of
 * the compass names no place ("North Korea", "South Atlantic", "West
 * Lothian" do: the endings of people's adjectives in -ic and -ian are
 * those of places too, so only the listed words, -ean, -ese and -can). */
static int compass_demonym(const char *name)
{
    static const char *const compass[] = {"North", "South", "East", "West", "Central", NULL};
    const char *sp = strchr(name, ' ');
    if (!sp || strchr(sp + 1, ' ') || !cl_in(name, (size_t)(sp - name), compass))
        return 0;
    const char *w = sp + 1;
    size_t len = strlen(w);
    return is_people_word(w, len) ||
           (len > 5 && (cl_eq(w + len - 3, 3, "ean") || cl_eq(w + len - 3, 3, "ese") || cl_eq(w + len - 3, 3, "can")));
}

/* An entity's kind: the tagger's most frequent kind over the mentions
 * written as its name (ties to the first), the one type the training data
 * gives the name (if one) counting as half as many votes again: "urging
 * Pyongyang to" makes a person of the tagger, the prior keeps the
 * place. Short forms do not vote ("Houston" of "Houston Texans"). A person
 * named in full stays one; then the telling contexts (kind_from_cues),
 * and a country or a continent is a place whatever they say. */
static int vote_kinds(const scanner *sc, px_entity_list *out)
{
    size_t *votes = calloc(out->n ? out->n * 4 : 1, sizeof *votes);
    unsigned char *sure_person = calloc(out->n ? out->n : 1, 1);
    cue_count *cues = calloc(out->n ? out->n : 1, sizeof *cues);
    if (!votes || !sure_person || !cues) {
        free(votes);
        free(sure_person);
        free(cues);
        return PX_ENOMEM;
    }
    for (size_t k = 0; k < sc->nc; k++) {
        const cand *c = &sc->c[k];
        size_t e = (size_t)c->entity;
        if (strcmp(c->name, out->v[e].name) == 0)
            votes[e * 4 + (size_t)c->kind]++;
        if (c->kind_sure && c->kind == PX_ENTITY_PERSON)
            sure_person[e] = 1;
        if (surname_of_unknown_name(sc, c, &out->v[e]))
            sure_person[e] = 1;
        unsigned cue = mention_cues(sc, c);
        cues[e].bits |= cue;
        cues[e].place += (cue & CUE_PLACE) != 0;
        cues[e].org += (cue & CUE_ORG) != 0;
        cues[e].thing += (cue & CUE_THING) != 0;
        cues[e].other += (cue & (CUE_PERSON | CUE_SOURCE)) != 0;
        cues[e].title += (cue & CUE_TITLE) != 0;
        cues[e].mentions++;
    }
    const px_ner_model *m = px_ner_default(NULL);
    for (size_t e = 0; e < out->n; e++) {
        px_entity *en = &out->v[e];
        unsigned known_bits = px_ner_gazetteer_types(m, en->name, strlen(en->name));
        int known = single_type(known_bits);
        size_t total = votes[e * 4] + votes[e * 4 + 1] + votes[e * 4 + 2] + votes[e * 4 + 3];
        if (known >= 0)
            votes[e * 4 + (size_t)kind_of((px_ner_type)known)] += (total + 1) / 2;
        for (int k = 0; k < 4; k++)
            if (votes[e * 4 + (size_t)k] > votes[e * 4 + (size_t)en->kind])
                en->kind = (px_entity_kind)k;
        int cued = kind_from_cues(en, &cues[e], known_bits);
        if (is_country(en->name, strlen(en->name))) {
            en->kind = PX_ENTITY_PLACE;
            en->kind_by_context = 1;
        } else if (compass_demonym(en->name)) {
            en->kind = PX_ENTITY_OTHER;
            en->kind_by_context = 1;
        } else if (is_title(&cues[e])) {
            en->kind = PX_ENTITY_OTHER;
            en->kind_by_context = 1;
        } else if (sure_person[e])
            en->kind = PX_ENTITY_PERSON;
        else if (cued >= 0) {
            en->kind = (px_entity_kind)cued;
            en->kind_by_context = 1;
        }
    }
    free(votes);
    free(sure_person);
    free(cues);
    return PX_OK;
}

static int resolve(scanner *sc, const px_article *a, px_entity_list *out)
{
    if (resolve_names(sc, out) || name_from_use(sc, out) || vote_kinds(sc, out))
        return PX_ENOMEM;
    for (size_t k = 0; k < sc->nc; k++) {
        cand *c = &sc->c[k];
        px_entity *e = &out->v[c->entity];
        e->mentions++;
        if (c->role && !e->role && !(c->role[0] == 'M' && strlen(c->role) <= 4)) {
            e->role = px_strdup(c->role);
            if (!e->role)
                return PX_ENOMEM;
        }
        if (!e->gender && c->gender)
            e->gender = c->gender;
        if (e->kind == PX_ENTITY_PERSON && !e->gender) {
            const char *sp = strchr(e->name, ' ');
            if (sp)
                e->gender = gender_of_first_name(e->name, (size_t)(sp - e->name));
        }
        char *variant = cl_squeeze(sc->text + c->role_start, c->end - c->role_start);
        if (!variant || entity_add_variant(e, variant)) {
            free(variant);
            return PX_ENOMEM;
        }
        free(variant);
        if (strcasecmp(e->name, c->name) == 0 && prefer_written_case(e, c->name))
            return PX_ENOMEM;
        if (CL_GROW(out->mentions, out->cap_mentions, out->n_mentions))
            return PX_ENOMEM;
        out->mentions[out->n_mentions++] =
            (px_mention){c->start, c->end, c->role_start, (size_t)c->entity, c->possessive};
    }
    infer_gender_from_pronouns(sc, out);
    for (size_t e = 0; e < out->n; e++) {
        out->v[e].sources = calloc(1, sizeof *out->v[e].sources);
        if (!out->v[e].sources)
            return PX_ENOMEM;
        out->v[e].n_sources = 1;
        out->v[e].sources[0].source = px_strdup(a->source ? a->source : "");
        if (!out->v[e].sources[0].source)
            return PX_ENOMEM;
        out->v[e].sources[0].articles = 1;
        out->v[e].sources[0].mentions = out->v[e].mentions;
    }
    return PX_OK;
}

static void scanner_free(scanner *sc)
{
    for (size_t i = 0; i < sc->nc; i++) {
        free(sc->c[i].name);
        free(sc->c[i].role);
    }
    free(sc->c);
    free(sc->w);
    free(sc->lower);
    free(sc->title_line);
    free(sc->capital);
    free(sc->prose);
    free(sc->uses);
    px_ner_spans_free(&sc->names);
    px_stemmer_free(sc->stemmer);
    if (sc->own_text) {
        px_tokens_free(&sc->tk);
        px_spans_free(&sc->ss);
    }
}

/* ---- public API -------------------------------------------------------------- */

const char *px_entity_kind_name(px_entity_kind k)
{
    switch (k) {
    case PX_ENTITY_PERSON: return "person";
    case PX_ENTITY_ORG: return "org";
    case PX_ENTITY_PLACE: return "place";
    default: return "other";
    }
}

void px_entity_list_init(px_entity_list *l) { memset(l, 0, sizeof *l); }

static void entity_free(px_entity *e)
{
    free(e->name);
    free(e->role);
    px_strlist_clear(&e->variants);
    for (size_t i = 0; i < e->n_sources; i++)
        free(e->sources[i].source);
    free(e->sources);
}

void px_entity_list_clear(px_entity_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        entity_free(&l->v[i]);
    free(l->v);
    free(l->mentions);
    memset(l, 0, sizeof *l);
}

int px_entities_extract(const px_article *a, px_entity_list *out)
{
    return px_entities_extract_doc(a, NULL, out);
}

int px_entities_extract_doc(const px_article *a, const px_doc *doc, px_entity_list *out)
{
    if (!a || !out)
        return PX_EUSAGE;
    if (!a->body)
        return PX_OK;
    scanner sc = {.text = a->body, .len = strlen(a->body), .lang = a->language, .own_text = !doc};
    int rc = PX_OK;
    if (doc) {
        sc.tk = doc->tokens;
        sc.ss = doc->sentences;
    } else {
        rc = px_tokenize(sc.text, sc.len, &sc.tk);
        if (!rc)
            rc = px_split_sentences(sc.text, sc.len, &sc.ss);
    }
    if (!rc)
        rc = scan_names(&sc);
    if (!rc)
        rc = resolve(&sc, a, out);
    scanner_free(&sc);
    return rc == PX_EFORMAT ? rc : rc ? PX_ENOMEM : PX_OK;
}

long px_entities_at(const px_entity_list *l, size_t start, size_t end)
{
    size_t lo = 0, hi = l->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->mentions[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < l->n_mentions && l->mentions[lo].start < end)
        return (long)l->mentions[lo].entity;
    return -1;
}

/* ---- merging across articles ------------------------------------------------- */

typedef struct flat {
    size_t list, item;
    size_t parent;
    const char *given; /* of a root: the given name of a person in its group */
    size_t given_len;
} flat;

static size_t uf_find(flat *f, size_t i)
{
    while (f[i].parent != i) {
        f[i].parent = f[f[i].parent].parent;
        i = f[i].parent;
    }
    return i;
}

/* Two given names of one person (a and b are the full names, the given
 * name their first al and bl bytes): the same, or one spelt two ways
 * before the same surname ("Mohammed Morsi" and "Mohamed Morsi": five
 * letters at least, one edit, not two names of the list of given names:
 * "Andrew" and "Andrea" are two people; "Franck Muller" is not "Frank
 * Miller"). */
static int given_names_agree(const char *a, size_t al, const char *b, size_t bl)
{
    if (al == bl && strncasecmp(a, b, al) == 0)
        return 1;
    return (al < bl ? al : bl) >= 5 && strcasecmp(a + al, b + bl) == 0 &&
           !(cl_given_name_gender(a, al) && cl_given_name_gender(b, bl)) &&
           px_edit_distance(a, al, b, bl, 1) <= 1;
}

/* Joins the groups of a and b unless they hold people with different
 * given names ("Joe Biden" and "Jill Biden" both match "Biden"). */
static void uf_union(flat *f, size_t a, size_t b)
{
    a = uf_find(f, a);
    b = uf_find(f, b);
    if (a == b)
        return;
    if (f[a].given && f[b].given && !given_names_agree(f[a].given, f[a].given_len, f[b].given, f[b].given_len))
        return;
    f[b].parent = a;
    if (!f[a].given) {
        f[a].given = f[b].given;
        f[a].given_len = f[b].given_len;
    }
}

/* The given name of a person named with two or more words, else NULL. */
static const char *given_name(const px_entity *e, size_t *len)
{
    const char *sp = strchr(e->name, ' ');
    if (e->kind != PX_ENTITY_PERSON || !sp)
        return NULL;
    *len = (size_t)(sp - e->name);
    return e->name;
}

static const char *last_word(const char *name, size_t *len)
{
    const char *last = name;
    name_words(name, &last, len);
    return last;
}

static int kinds_compatible(px_entity_kind a, px_entity_kind b)
{
    return a == b || a == PX_ENTITY_OTHER || b == PX_ENTITY_OTHER ||
           (a != PX_ENTITY_PLACE && b != PX_ENTITY_PLACE && a != b && 0);
}

/* Is the one-word person one the family name that opens the full name
 * full, in the order of Chinese and Korean names? */
static int family_name_of(const px_entity *full, const px_entity *one)
{
    return family_name_first(full->name, one->name, strlen(one->name));
}

/* Is the text at hyphen a hyphen and a last syllable of one to three
 * letters in lower case ("-un" of "Kim Jong-un"; not "-style")? */
static int ends_in_hyphen_syllable(const char *hyphen)
{
    if (hyphen[0] != '-')
        return 0;
    size_t k = 1;
    while (islower((unsigned char)hyphen[k]))
        k++;
    return k > 1 && k <= 4 && !hyphen[k];
}

/* Is longer the name shorter continued after a hyphen by a syllable of
 * one to three letters in lower case ("Kim Jong-un" of "Kim Jong"; not
 * "Janet Jackson-style")? */
static int extends_at_hyphen(const char *longer, const char *shorter)
{
    size_t n = strlen(shorter);
    return strncasecmp(longer, shorter, n) == 0 && ends_in_hyphen_syllable(longer + n);
}

static int same_entity(const px_entity *a, const px_entity *b)
{
    /* One name is one entity whatever the tagger called each mention
     * ("Gaza" the place and "Gaza" tagged as an organisation; the merged
     * kind is the majority), except a place and a person ("Washington"). */
    if (strcasecmp(a->name, b->name) == 0)
        return a->kind == b->kind || a->kind == PX_ENTITY_OTHER || b->kind == PX_ENTITY_OTHER ||
               (a->kind != PX_ENTITY_PERSON && b->kind != PX_ENTITY_PERSON) ||
               (a->kind != PX_ENTITY_PLACE && b->kind != PX_ENTITY_PLACE);
    if (!kinds_compatible(a->kind, b->kind))
        return 0;
    if (a->kind != PX_ENTITY_PERSON)
        return 0;
    int a_one = !strchr(a->name, ' '), b_one = !strchr(b->name, ' ');
    size_t al, bl;
    const char *as = last_word(a->name, &al), *bs = last_word(b->name, &bl);
    if (a_one != b_one) /* "Biden" and "Joe Biden"; "Zhao" and "Zhao Zicong" */
        return (al == bl && strncasecmp(as, bs, al) == 0) || family_name_of(a_one ? b : a, a_one ? a : b);
    if (!a_one && !b_one) {
        /* same surname, same or missing first name: "Joe Biden" / "Joseph Biden" no */
        size_t la = strlen(a->name), lb = strlen(b->name);
        size_t budget = misspelling_budget(la < lb ? la : lb);
        return budget && px_edit_distance(a->name, la, b->name, lb, budget) <= budget;
    }
    return 0;
}

/* Misspelled surname: "Netayanhu" ~ "Netanyahu", "Vos" ~ "Voss". */
static int misspelled(const px_entity *a, const px_entity *b)
{
    if (a->kind != PX_ENTITY_PERSON || b->kind != PX_ENTITY_PERSON)
        return 0;
    size_t al, bl;
    const char *as = last_word(a->name, &al), *bs = last_word(b->name, &bl);
    if (al == bl && strncasecmp(as, bs, al) == 0)
        return 0;
    if (tolower((unsigned char)as[0]) != tolower((unsigned char)bs[0]))
        return 0;
    size_t shorter = al < bl ? al : bl;
    size_t budget = misspelling_budget(shorter);
    if (!budget && shorter == 3 && (al == 4 || bl == 4))
        budget = 1; /* Vos / Voss: one letter dropped */
    if (!budget || px_edit_distance(as, al, bs, bl, budget) > budget)
        return 0;
    int a_one = !strchr(a->name, ' '), b_one = !strchr(b->name, ' ');
    if ((a_one && cl_given_name_gender(as, al)) || (b_one && cl_given_name_gender(bs, bl)))
        return 0; /* "Kim" alone is a given name, not "Keim" misspelt */
    /* both have first names: they must agree */
    if (!a_one && !b_one) {
        const char *sa = strchr(a->name, ' '), *sb = strchr(b->name, ' ');
        return sa - a->name == sb - b->name && strncasecmp(a->name, b->name, (size_t)(sa - a->name)) == 0;
    }
    /* a role in common, or the other is much more frequent */
    return (a->role && b->role && strcasecmp(a->role, b->role) == 0) || a_one || b_one;
}

static int merged_add_source(px_entity *m, const px_source_count *sc)
{
    for (size_t i = 0; i < m->n_sources; i++)
        if (strcmp(m->sources[i].source, sc->source) == 0) {
            m->sources[i].articles += sc->articles;
            m->sources[i].mentions += sc->mentions;
            return PX_OK;
        }
    px_source_count *v = realloc(m->sources, (m->n_sources + 1) * sizeof *v);
    if (!v)
        return PX_ENOMEM;
    m->sources = v;
    v[m->n_sources].source = px_strdup(sc->source);
    if (!v[m->n_sources].source)
        return PX_ENOMEM;
    v[m->n_sources].articles = sc->articles;
    v[m->n_sources].mentions = sc->mentions;
    m->n_sources++;
    return PX_OK;
}

/* qsort has no context argument; merging is not reentrant-sensitive
 * beyond this one call, so the lists are passed through statics. */
static _Thread_local px_entity_list *const *sort_lists;
static _Thread_local const flat *sort_flat;

static int by_last_word(const void *x, const void *y)
{
    const px_entity *a = &sort_lists[sort_flat[*(const size_t *)x].list]->v[sort_flat[*(const size_t *)x].item];
    const px_entity *b = &sort_lists[sort_flat[*(const size_t *)y].list]->v[sort_flat[*(const size_t *)y].item];
    size_t al, bl;
    const char *as = last_word(a->name, &al), *bs = last_word(b->name, &bl);
    int ca = tolower((unsigned char)as[0]), cb = tolower((unsigned char)bs[0]);
    if (ca != cb)
        return ca - cb;
    if (al != bl)
        return al < bl ? -1 : 1;
    return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

static int by_mentions(const void *x, const void *y)
{
    const px_entity *a = x, *b = y;
    if (a->mentions != b->mentions)
        return a->mentions < b->mentions ? 1 : -1;
    return strcmp(a->name, b->name);
}

/* One step of a majority vote (Boyer-Moore) for the role of m: roles
 * compare without case; an entity without a role does not vote. */
static int vote_role(px_entity *m, int *votes, const char *role)
{
    if (!role)
        return PX_OK;
    if (m->role && strcasecmp(m->role, role) == 0) {
        (*votes)++;
        return PX_OK;
    }
    if (m->role && *votes > 0) {
        (*votes)--;
        return PX_OK;
    }
    char *r = px_strdup(role);
    if (!r)
        return PX_ENOMEM;
    free(m->role);
    m->role = r;
    *votes = 1;
    return PX_OK;
}

/* A story names a person again and again by the surname ("Hopkins");
 * a multi-word "person" named often by several outlets and never so, nor
 * starting with a given name, is a thing: "Super Bowl", "Milky Way". */
#define SURNAME_EVIDENCE_MENTIONS 6
static int never_by_surname(const px_entity *e)
{
    size_t last_len;
    const char *last = last_word(e->name, &last_len);
    const char *sp = strchr(e->name, ' ');
    if (e->kind != PX_ENTITY_PERSON || !sp || e->mentions < SURNAME_EVIDENCE_MENTIONS || e->n_sources < 2 ||
        cl_given_name_gender(e->name, (size_t)(sp - e->name)) || (size_t)(sp - e->name) >= 64)
        return 0;
    char first[64];
    memcpy(first, e->name, (size_t)(sp - e->name));
    first[sp - e->name] = 0;
    for (size_t v = 0; v < e->variants.n; v++) {
        const char *var = e->variants.items[v];
        size_t vl;
        const char *vlast = last_word(var, &vl);
        /* "Marx", "Ms. Marx": the surname without the given name */
        if (vl == last_len && strncasecmp(vlast, last, vl) == 0 &&
            (name_words(var, &vlast, &vl) < name_words(e->name, &last, &last_len) ||
             !strcasestr(var, first)))
            return 0;
        /* "President Moon" of "Moon Jae-in": the family name written first */
        if (vl == (size_t)(sp - e->name) && strncasecmp(vlast, first, vl) == 0 &&
            family_name_first(e->name, first, vl))
            return 0;
    }
    return 1;
}

/* The kind most mentions gave, a person aside, when a third of them
 * did; other names otherwise. */
static px_entity_kind best_kind_but_person(const size_t *votes)
{
    px_entity_kind best = PX_ENTITY_OTHER;
    size_t total = 0;
    for (int k = 0; k < 4; k++) {
        total += votes[k];
        if (k != PX_ENTITY_PERSON && votes[k] > votes[best])
            best = (px_entity_kind)k;
    }
    return 3 * votes[best] >= total ? best : PX_ENTITY_OTHER;
}

/* The kind of a merged entity: the kind the telling contexts of some
 * article decided (most mentions among those), over the kind most
 * mentions were given: "Amazon's headquarters" in one article outweighs
 * the tagger's "Amazon" place in three that say nothing of it. */
static px_entity_kind merged_kind(const size_t *votes, const size_t *context, px_entity_kind first,
                                  int *by_context)
{
    px_entity_kind best = first, cbest = first;
    size_t ctotal = 0;
    for (int k = 0; k < 4; k++) {
        ctotal += context[k];
        if (votes[k] > votes[best])
            best = (px_entity_kind)k;
        if (context[k] > context[cbest])
            cbest = (px_entity_kind)k;
    }
    *by_context = ctotal > 0;
    return ctotal ? cbest : best;
}

/* What the merge reads of an entity to skip a pair early. Only a pair
 * whose first entity is a person can merge under different names
 * (same_entity after its first test, misspelled); otherwise the names must
 * be equal but for case, so of one length. A long text has thousands of
 * entities whose last words start with one letter and have close lengths:
 * testing all those pairs in full was most of the merge. */
typedef struct merge_key {
    int initial;     /* the last word's first byte, lower case */
    size_t last_len; /* the last word's length */
    size_t name_len;
    int person;
} merge_key;

static merge_key merge_key_of(const px_entity *e)
{
    size_t len;
    const char *last = last_word(e->name, &len);
    return (merge_key){tolower((unsigned char)last[0]), len, strlen(e->name), e->kind == PX_ENTITY_PERSON};
}

/* The bytes of a person's name that index it or look it up in
 * union_by_name, 0 for none. */
typedef size_t (*name_key_fn)(const px_entity *e);

/* A full name written family name first ("Kim Jong-un") is indexed by
 * that family name, and a one-word person ("Kim") looks it up. */
static size_t family_name_key(const px_entity *e)
{
    const char *sp = strchr(e->name, ' ');
    size_t n = sp ? (size_t)(sp - e->name) : 0;
    return e->kind == PX_ENTITY_PERSON && n && family_name_first(e->name, e->name, n) ? n : 0;
}

static size_t one_word_person_key(const px_entity *e)
{
    return e->kind == PX_ENTITY_PERSON && !e->kind_by_context && !strchr(e->name, ' ') ? strlen(e->name) : 0;
}

/* A person named in several words is indexed whole, and a name that goes
 * on after a hyphen by a short syllable ("Kim Jong-un") looks up the name
 * before it ("Kim Jong", cut there by the tagger). */
static size_t whole_name_key(const px_entity *e)
{
    return e->kind == PX_ENTITY_PERSON && strchr(e->name, ' ') ? strlen(e->name) : 0;
}

static size_t before_hyphen_syllable_key(const px_entity *e)
{
    const char *sp = strrchr(e->name, ' '), *hy = sp ? strchr(sp, '-') : NULL;
    return e->kind == PX_ENTITY_PERSON && hy && ends_in_hyphen_syllable(hy) ? (size_t)(hy - e->name) : 0;
}

/* Joins each person whose probe key finds a person indexed by its index
 * key, the indexed one the root (the full name), or the probing one when
 * probe_is_full. The runs of px_entities_merge compare last words of close
 * lengths, so these pairs ("Kim" and "Kim Jong-un", "Kim Jong" and "Kim
 * Jong-un") meet only here. */
static int union_by_name(flat *f, size_t total, px_entity_list *const *lists, name_key_fn index_key,
                         name_key_fn probe_key, int probe_is_full)
{
    name_index names = {0};
    int rc = PX_OK;
    for (size_t k = 0; k < total && !rc; k++) {
        const px_entity *e = &lists[f[k].list]->v[f[k].item];
        size_t n = index_key(e);
        if (n)
            rc = index_name(&names, e->name, n, (long)k);
    }
    for (size_t k = 0; k < total && !rc; k++) {
        const px_entity *e = &lists[f[k].list]->v[f[k].item];
        size_t n = probe_key(e);
        long found = n ? find_name(&names, e->name, n) : -1;
        if (found >= 0)
            uf_union(f, probe_is_full ? k : (size_t)found, probe_is_full ? (size_t)found : k);
    }
    name_index_free(&names);
    return rc;
}

int px_entities_merge(const px_article *const *articles, px_entity_list *const *lists,
                      size_t n, px_entity_list *out, px_error *err)
{
    (void)articles; /* each list already carries its article's source */
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += lists[i] ? lists[i]->n : 0;
    flat *f = total ? malloc(total * sizeof *f) : NULL;
    if (total && !f)
        return px_error_set(err, PX_ENOMEM, "out of memory merging entities");
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; lists[i] && j < lists[i]->n; j++, k++) {
            f[k] = (flat){i, j, k, NULL, 0};
            f[k].given = given_name(&lists[i]->v[j], &f[k].given_len);
        }
#define ENT(x) (&lists[f[x].list]->v[f[x].item])
    /* Every merge rule needs the last words to start alike and differ in
     * length by at most two bytes: compare only within such runs of the
     * entities sorted by (initial of last word, its length). */
    size_t *order = malloc((total ? total : 1) * sizeof *order);
    if (!order) {
        free(f);
        return px_error_set(err, PX_ENOMEM, "out of memory merging entities");
    }
    for (size_t x = 0; x < total; x++)
        order[x] = x;
    sort_lists = lists;
    sort_flat = f;
    qsort(order, total, sizeof *order, by_last_word);
    merge_key *key = malloc((total ? total : 1) * sizeof *key);
    if (!key) {
        free(order);
        free(f);
        return px_error_set(err, PX_ENOMEM, "out of memory merging entities");
    }
    for (size_t i = 0; i < total; i++)
        key[i] = merge_key_of(ENT(order[i]));
    for (size_t i = 0; i < total; i++) {
        for (size_t j = i + 1; j < total; j++) {
            if (key[j].initial != key[i].initial || key[j].last_len > key[i].last_len + 2)
                break;
            if (!key[i].person && key[j].name_len != key[i].name_len)
                continue; /* neither rule can hold: see merge_key */
            const px_entity *a = ENT(order[i]), *b = ENT(order[j]);
            if (same_entity(a, b) || misspelled(a, b))
                uf_union(f, order[i], order[j]);
        }
    }
    free(key);
    free(order);
    if (union_by_name(f, total, lists, family_name_key, one_word_person_key, 0) ||
        union_by_name(f, total, lists, whole_name_key, before_hyphen_syllable_key, 1)) {
        free(f);
        return px_error_set(err, PX_ENOMEM, "out of memory merging entities");
    }
    /* a single-word person that became ambiguous (two full names share it)
     * stays with the first; union-find already decided, accept it */
    size_t *root_to_out = malloc((total ? total : 1) * sizeof *root_to_out);
    if (!root_to_out) {
        free(f);
        return px_error_set(err, PX_ENOMEM, "out of memory merging entities");
    }
    /* votes for the role each merged entity shows (majority vote over the
     * articles, so one outlet's slip, "President Netanyahu", loses) */
    int *role_votes = calloc(total ? total : 1, sizeof *role_votes);
    /* mentions of each kind: the merged kind is the most frequent one */
    size_t *kind_votes = calloc((total ? total : 1) * 4, sizeof *kind_votes);
    size_t *context_votes = calloc((total ? total : 1) * 4, sizeof *context_votes);
    if (!role_votes || !kind_votes || !context_votes) {
        free(context_votes);
        free(kind_votes);
        free(role_votes);
        free(root_to_out);
        free(f);
        return px_error_set(err, PX_ENOMEM, "out of memory merging entities");
    }
    for (size_t x = 0; x < total; x++)
        root_to_out[x] = (size_t)-1;
    int rc = PX_OK;
    for (size_t x = 0; x < total && !rc; x++) {
        size_t r = uf_find(f, x);
        const px_entity *e = ENT(x);
        if (root_to_out[r] == (size_t)-1) {
            if (CL_GROW(out->v, out->cap, out->n)) {
                rc = PX_ENOMEM;
                break;
            }
            px_entity *m = &out->v[out->n];
            memset(m, 0, sizeof *m);
            m->kind = e->kind;
            m->merged = -1;
            root_to_out[r] = out->n++;
        }
        px_entity *m = &out->v[root_to_out[r]];
        /* canonical name: the most-words form, ties to the more frequent */
        size_t mw = m->name ? (size_t)(strchr(m->name, ' ') != NULL) : 0;
        size_t ew = strchr(e->name, ' ') != NULL;
        if (!m->name || ew > mw || (ew == mw && e->mentions > m->mentions && ew && !extends_at_hyphen(m->name, e->name)) ||
            (ew == mw && all_caps(m->name) && !all_caps(e->name)) || extends_at_hyphen(e->name, m->name)) {
            char *nm = px_strdup(e->name);
            if (!nm) {
                rc = PX_ENOMEM;
                break;
            }
            free(m->name);
            m->name = nm;
        }
        rc = vote_role(m, &role_votes[root_to_out[r]], e->role);
        if (!m->gender)
            m->gender = e->gender;
        kind_votes[root_to_out[r] * 4 + (size_t)e->kind] += e->mentions;
        if (e->kind_by_context)
            context_votes[root_to_out[r] * 4 + (size_t)e->kind] += e->mentions;
        m->mentions += e->mentions;
        for (size_t v = 0; v < e->variants.n && !rc; v++)
            rc = entity_add_variant(m, e->variants.items[v]);
        for (size_t s = 0; s < e->n_sources && !rc; s++)
            rc = merged_add_source(m, &e->sources[s]);
    }
    for (size_t i = 0; i < out->n && !rc; i++)
        out->v[i].kind = merged_kind(&kind_votes[i * 4], &context_votes[i * 4], out->v[i].kind,
                                     &out->v[i].kind_by_context);
    for (size_t i = 0; i < out->n && !rc; i++)
        if (never_by_surname(&out->v[i]))
            out->v[i].kind = best_kind_but_person(&kind_votes[i * 4]);
    for (size_t i = 0; i < out->n && !rc; i++) {
        const char *sp = strchr(out->v[i].name, ' '); /* a common given name: a person */
        if (kind_votes[i * 4 + PX_ENTITY_PERSON] && sp &&
            cl_given_name_gender(out->v[i].name, (size_t)(sp - out->v[i].name)))
            out->v[i].kind = PX_ENTITY_PERSON;
    }
    free(kind_votes);
    free(context_votes);
    if (!rc) {
        /* sort, then tell each input entity where it went */
        for (size_t i = 0; i < out->n; i++)
            out->v[i].merged = (long)i;
        if (out->n > 1)
            qsort(out->v, out->n, sizeof *out->v, by_mentions);
        size_t *pos = malloc((out->n ? out->n : 1) * sizeof *pos);
        if (!pos)
            rc = PX_ENOMEM;
        else {
            for (size_t i = 0; i < out->n; i++) {
                pos[out->v[i].merged] = i;
                out->v[i].merged = -1;
            }
            for (size_t x = 0; x < total; x++)
                ENT(x)->merged = (long)pos[root_to_out[uf_find(f, x)]];
            free(pos);
        }
    }
#undef ENT
    free(role_votes);
    free(root_to_out);
    free(f);
    if (rc)
        return px_error_set(err, PX_ENOMEM, "out of memory merging entities");
    return PX_OK;
}
