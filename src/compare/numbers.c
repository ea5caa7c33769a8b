/* numbers.c - numeric claims with qualifier, unit, counted noun and
 * attribution, and their grouping across articles (parallax/numbers.h). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/numbers_lang.h"
#include "text/claims_common.h"
#include "text/ner.h"
#include "compare/number_scope.h"
#include "compare/quantity_model.h"
#include "parallax/numbers.h"
#include "core/common_internal.h"
#include "compare/numbers_internal.h"

/* ---- word lists ------------------------------------------------------------ */

typedef struct named_value {
    const char *word;
    double value;
} named_value;

static const named_value small_numbers[] = {
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
    {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20}, {"thirty", 30},
    {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80},
    {"ninety", 90}, {"hundred", 100}, {"thousand", 1000}, {"dozen", 12}, {NULL, 0}};

/* Vague amounts: a representative value, flagged vague. */
static const named_value vague_numbers[] = {
    {"dozens", 24}, {"scores", 40}, {"hundreds", 200}, {"thousands", 2000},
    {"millions", 2e6}, {"billions", 2e9}, {"tens", 20}, {NULL, 0}};

static const named_value scales[] = {
    {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"mln", 1e6}, {"bln", 1e9}, {"bn", 1e9}, {"m", 1e6}, {"b", 1e9},
    {"k", 1e3}, {"tn", 1e12}, {"dozen", 12}, {NULL, 0}};

typedef struct qualifier {
    const char *words;
    px_bound bound;
    size_t n_words;
} qualifier;

/* Longest first, so "just over" wins over "over". */
static const qualifier qualifiers[] = {
    {"more than", PX_BOUND_LOWER, 2}, {"at least", PX_BOUND_LOWER, 2},
    {"upwards of", PX_BOUND_LOWER, 2}, {"no fewer than", PX_BOUND_LOWER, 3},
    {"no less than", PX_BOUND_LOWER, 3}, {"just over", PX_BOUND_LOWER, 2},
    {"well over", PX_BOUND_LOWER, 2}, {"fewer than", PX_BOUND_UPPER, 2},
    {"less than", PX_BOUND_UPPER, 2}, {"up to", PX_BOUND_UPPER, 2}, {"at most", PX_BOUND_UPPER, 2},
    {"just under", PX_BOUND_UPPER, 2}, {"as many as", PX_BOUND_UPPER, 3},
    {"an estimated", PX_BOUND_ABOUT, 2}, {"close to", PX_BOUND_ABOUT, 2},
    {"nearly", PX_BOUND_ABOUT, 1}, {"almost", PX_BOUND_ABOUT, 1}, {"about", PX_BOUND_ABOUT, 1},
    {"around", PX_BOUND_ABOUT, 1}, {"roughly", PX_BOUND_ABOUT, 1},
    {"approximately", PX_BOUND_ABOUT, 1}, {"estimated", PX_BOUND_ABOUT, 1},
    {"some", PX_BOUND_ABOUT, 1}, {"over", PX_BOUND_LOWER, 1}, {"under", PX_BOUND_UPPER, 1},
    {"exceeding", PX_BOUND_LOWER, 1}, {NULL, 0, 0}};

typedef struct unit {
    const char *word;
    const char *unit;
    px_number_kind kind;
} unit;

static const unit units[] = {
    {"percent", "%", PX_NUM_PERCENT}, {"per cent", "%", PX_NUM_PERCENT},
    {"percentage points", "percentage points", PX_NUM_PERCENT},
    {"percentage point", "percentage points", PX_NUM_PERCENT},
    {"dollars", "USD", PX_NUM_MONEY}, {"euros", "EUR", PX_NUM_MONEY},
    {"pounds sterling", "GBP", PX_NUM_MONEY}, {"yen", "JPY", PX_NUM_MONEY},
    {"years old", "year", PX_NUM_AGE}, {"year-old", "year", PX_NUM_AGE},
    {"seconds", "second", PX_NUM_DURATION}, {"second", "second", PX_NUM_DURATION},
    {"minutes", "minute", PX_NUM_DURATION}, {"minute", "minute", PX_NUM_DURATION},
    {"hours", "hour", PX_NUM_DURATION}, {"hour", "hour", PX_NUM_DURATION},
    {"days", "day", PX_NUM_DURATION}, {"day", "day", PX_NUM_DURATION},
    {"weeks", "week", PX_NUM_DURATION}, {"week", "week", PX_NUM_DURATION},
    {"months", "month", PX_NUM_DURATION}, {"month", "month", PX_NUM_DURATION},
    {"years", "year", PX_NUM_DURATION}, {"year", "year", PX_NUM_DURATION},
    {"decades", "decade", PX_NUM_DURATION}, {"decade", "decade", PX_NUM_DURATION},
    {"kilometers", "km", PX_NUM_MEASURE}, {"kilometres", "km", PX_NUM_MEASURE},
    {"kilometer", "km", PX_NUM_MEASURE}, {"km", "km", PX_NUM_MEASURE},
    {"miles", "mile", PX_NUM_MEASURE}, {"mile", "mile", PX_NUM_MEASURE},
    {"meters", "m", PX_NUM_MEASURE}, {"metres", "m", PX_NUM_MEASURE},
    {"meter", "m", PX_NUM_MEASURE}, {"feet", "ft", PX_NUM_MEASURE},
    {"foot", "ft", PX_NUM_MEASURE}, {"inches", "in", PX_NUM_MEASURE},
    {"kilograms", "kg", PX_NUM_MEASURE}, {"kg", "kg", PX_NUM_MEASURE},
    {"pounds", "lb", PX_NUM_MEASURE}, {"tons", "t", PX_NUM_MEASURE},
    {"tonnes", "t", PX_NUM_MEASURE}, {"acres", "acre", PX_NUM_MEASURE},
    {"hectares", "ha", PX_NUM_MEASURE}, {"astronomical units", "au", PX_NUM_MEASURE},
    {"light-years", "ly", PX_NUM_MEASURE}, {"degrees", "deg", PX_NUM_MEASURE},
    {"gallons", "gal", PX_NUM_MEASURE}, {"liters", "l", PX_NUM_MEASURE},
    {"barrels", "bbl", PX_NUM_MEASURE}, {"megawatts", "MW", PX_NUM_MEASURE},
    {"square miles", "sq mi", PX_NUM_MEASURE}, {"square feet", "sq ft", PX_NUM_MEASURE},
    {"miles per hour", "mph", PX_NUM_MEASURE}, {"mph", "mph", PX_NUM_MEASURE},
    {"kilometres per hour", "km/h", PX_NUM_MEASURE}, {"kilometers per hour", "km/h", PX_NUM_MEASURE},
    {"km/h", "km/h", PX_NUM_MEASURE}, {"kph", "km/h", PX_NUM_MEASURE},
    {"ton", "t", PX_NUM_MEASURE}, {"tonne", "t", PX_NUM_MEASURE},
    {"metre", "m", PX_NUM_MEASURE}, {"kilometre", "km", PX_NUM_MEASURE},
    {"pound", "lb", PX_NUM_MEASURE}, {"lbs", "lb", PX_NUM_MEASURE}, {"lb", "lb", PX_NUM_MEASURE},
    {"inch", "in", PX_NUM_MEASURE}, {"centimetres", "cm", PX_NUM_MEASURE},
    {"centimeters", "cm", PX_NUM_MEASURE}, {"cm", "cm", PX_NUM_MEASURE},
    {"terabytes", "TB", PX_NUM_MEASURE}, {"TB", "TB", PX_NUM_MEASURE},
    {"gigabytes", "GB", PX_NUM_MEASURE}, {"GB", "GB", PX_NUM_MEASURE},
    {"ft", "ft", PX_NUM_MEASURE}, {"mi", "mile", PX_NUM_MEASURE}, {"m", "m", PX_NUM_MEASURE},
    {NULL, NULL, 0}};

/* Words after which a small number is an identifier: Route 9, Section 4. */
static const char *const identifier_words[] = {
    "Section", "Route", "Gate", "Local", "No.", "Chapter", "Article", "Room", "Flight",
    "Highway", "Interstate", "Pier", "Platform", "Terminal", "Building", "Floor", "Level",
    "Precinct", "District", "Ward", "Unit", "Station", "Lane", "Exit", "Track", "Page",
    "page", "Bus", "Line", "Amendment", "Resolution", "Covid", "COVID", "Category", "Phase",
    "Stage", "Game", "Week", "Day", "Title", "Number", "number", "Act", "Part", "Figure",
    "Table", "Apollo", "Air", "Force", "Model", "Version", NULL};

/* Participles that say what happened to the counted: "people killed". */
static const char *const outcomes[] = {
    "killed", "dead", "died", "wounded", "injured", "hurt", "displaced", "arrested",
    "detained", "missing", "evacuated", "infected", "hospitalized", "rescued", "freed",
    "released", "abducted", "kidnapped", "taken", "held", "captured", "treated",
    "fired", "laid", "striking", "affected", "deaths", "fatalities", "casualties", NULL};

static const char *const outcome_verbs[][2] = {
    {"killing", "killed"}, {"kill", "killed"}, {"kills", "killed"}, {"killed", "killed"},
    {"wounding", "wounded"}, {"wounded", "wounded"}, {"injuring", "injured"},
    {"injured", "injured"}, {"capturing", "captured"}, {"captured", "captured"},
    {"displaced", "displaced"}, {"displacing", "displaced"}, {"arrested", "arrested"},
    {"detained", "detained"}, {"evacuated", "evacuated"}, {"rescued", "rescued"},
    {"treated", "treated"}, {"treating", "treated"}, {"released", "released"}, {"freed", "freed"},
    {"died", "killed"}, {"dead", "killed"}, {"deaths", "killed"}, {"fatalities", "killed"},
    {"death", "killed"}, {NULL, NULL}};

/* ---- parsing one number ------------------------------------------------------ */

/* Which tokens of a span give a figure its authority, worked out once for
 * all the figures of a sentence (a sentence of figures asks for each). */
typedef struct say_cache {
    size_t lo, hi;
    unsigned char *flag; /* flag[k - lo] */
    size_t cap;
} say_cache;

typedef struct nscan {
    cl_doc d;
    px_number_list *out;
    ns_date date;
    ns_lead lead;
    size_t out_start;          /* this article's first claim in out */
    size_t ner_lo, ner_hi;     /* the tokens last tagged, and */
    px_ner_spans names;        /* its names */
    say_cache *says;           /* [2]: the figure's sentence, the one before */
    size_t line_lo, line_hi;   /* the line last looked at, and */
    int line_furniture;        /* whether it frames the story */
    size_t scope_sent;         /* the sentence last looked at + 1, and */
    int sent_background;       /* whether it speaks of another time */
} nscan;

/* How far around a figure its context is read (tokens): keeps a sentence
 * of a hundred thousand figures linear. */
#define CONTEXT_TOKENS 48

static double parse_digits(const char *s, size_t len, size_t *used, int *decimals)
{
    double v = 0, frac = 0.1;
    int dot = 0;
    size_t i = 0;
    *decimals = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (isdigit((unsigned char)c)) {
            if (dot) {
                v += (c - '0') * frac;
                frac /= 10;
                (*decimals)++;
            } else {
                v = v * 10 + (c - '0');
            }
        } else if (c == ',' && i + 1 < len && isdigit((unsigned char)s[i + 1]) && !dot) {
            continue;
        } else if (c == '.' && !dot && i + 1 < len && isdigit((unsigned char)s[i + 1])) {
            dot = 1;
        } else {
            break;
        }
    }
    *used = i;
    return v;
}

static const char *tok_text(const nscan *n, size_t i, size_t *len)
{
    *len = n->d.tk.v[i].end - n->d.tk.v[i].start;
    return n->d.text + n->d.tk.v[i].start;
}

static int tok_word_is(const nscan *n, size_t i, const char *w)
{
    return i < n->d.tk.n && cl_tok_eq(n->d.text, &n->d.tk.v[i], w);
}

/* "the plant's", "workers'" */
static int tok_is_possessive(const nscan *n, size_t i)
{
    size_t len;
    const char *w = tok_text(n, i, &len);
    return n->d.tk.v[i].kind == PX_TOK_WORD && cl_strip_possessive(w, len) != len;
}

/* The determiners of a whole named after "of": "of the", "of its", "of their". */
static int tok_is_whole_determiner(const nscan *n, size_t i)
{
    return tok_word_is(n, i, "the") || tok_word_is(n, i, "its") || tok_word_is(n, i, "their");
}

static double lookup(const named_value *list, const char *s, size_t len)
{
    for (size_t i = 0; list[i].word; i++)
        if (cl_eq(s, len, list[i].word))
            return list[i].value;
    return 0;
}

/* Spelled numbers: "five", "twenty-five", "a dozen". */
static double spelled_value(const char *s, size_t len)
{
    double v = lookup(small_numbers, s, len);
    if (v)
        return v;
    const char *h = memchr(s, '-', len);
    if (h) {
        double a = lookup(small_numbers, s, (size_t)(h - s));
        double b = lookup(small_numbers, h + 1, len - (size_t)(h - s) - 1);
        if (a >= 20 && b > 0 && b < 10)
            return a + b;
    }
    return 0;
}

typedef struct parsed {
    size_t first, last; /* token range of the number, qualifier excluded */
    double value, high;
    int vague, decimals;
    int currency;       /* 0, or '$', 'E' (euro), 'L' (pound) */
    int percent;
    int range;          /* 20-25, 5-6,000: value is the lower end */
    int age;            /* 31-year-old */
    const unit *glued;  /* unit glued to the digits: 2km, 40mph, 25-ton */
    int ordinal;        /* 28th */
    int placed;         /* "the third pitch": a place that is nobody's, never compared */
    int score_n;        /* a score or record "8-7", "50-32-1": its figures */
    double score_v[3];
    size_t score_at[3], score_len[3]; /* byte offsets in the token */
    int person_only;    /* "no passengers", "the only woman": a claim only
                           of people or of what befell them */
    size_t compound;    /* "two-carriage": bytes of the spelled prefix + 1 */
    int plus;           /* "2,000-plus": at least the figure */
} parsed;

static int is_calendar_tok(const nscan *n, size_t i)
{
    size_t len;
    const char *s = tok_text(n, i, &len);
    return cl_is_calendar_word(s, len);
}

/* A unit glued to the digits: "2km", "40mph", "5ft". */
static int match_glued_unit(const char *s, size_t len, const unit **out)
{
    static const char *const glued[] = {"km", "mph", "kph", "kg", "ft", "mi", "cm", "mm", "lb",
                                        "lbs", "TB", "GB", "MW", NULL};
    if (!cl_in(s, len, glued))
        return 0;
    for (size_t k = 0; units[k].word; k++)
        if (cl_eq(s, len, units[k].word)) {
            *out = &units[k];
            return 1;
        }
    return 0;
}

/* Words around a score: "won 34-6", "a 3-2 victory". */
static int near_score_word(const nscan *n, size_t i)
{
    static const char *const words[] = {"won", "win", "wins", "lost", "lose", "beat", "beating",
                                        "victory", "defeat", "score", "scored", "lead", "led",
                                        "trailing", "record", "draw", "tied", NULL};
    for (size_t k = i > 3 ? i - 3 : 0; k < i + 3 && k < n->d.tk.n; k++)
        if (n->d.tk.v[k].kind == PX_TOK_WORD && cl_tok_in(n->d.text, &n->d.tk.v[k], words))
            return 1;
    return 0;
}

/* "8-7", "a 6-3 lead", "50-32-1": a score, record or vote, each figure
 * of one to three digits; a pair is a score when a score word is near or
 * the second figure is not above the first (a range rises: "20-25"). */
static int read_score(const nscan *n, size_t i, const char *s, size_t len, parsed *p)
{
    size_t at = 0;
    p->score_n = 0;
    while (at < len && p->score_n < 3) {
        size_t used;
        int decimals;
        double v = parse_digits(s + at, len - at, &used, &decimals);
        if (!used || used > 3 || decimals || memchr(s + at, ',', used))
            return 0;
        p->score_v[p->score_n] = v;
        p->score_at[p->score_n] = at;
        p->score_len[p->score_n++] = used;
        at += used;
        if (at == len)
            break;
        if (s[at] != '-' || at + 1 >= len || !isdigit((unsigned char)s[at + 1]))
            return 0;
        at++;
    }
    if (at != len || p->score_n < 2)
        return 0;
    if (p->score_n == 2 && p->score_v[1] > p->score_v[0] && !near_score_word(n, i))
        return 0;
    p->value = p->score_v[0];
    return 1;
}

static int parse_score(const nscan *n, size_t i, const char *s, size_t len, parsed *p)
{
    parsed q = *p;
    if (!read_score(n, i, s, len, &q))
        return 0;
    *p = q;
    return 1;
}

static int is_ordinal_suffix(const char *s, size_t len)
{
    return cl_eq(s, len, "st") || cl_eq(s, len, "nd") || cl_eq(s, len, "rd") || cl_eq(s, len, "th");
}

/* "and-a-half" opening a hyphened tail ("11-and-a-half", "two-and-a-half-hour"):
 * the bytes it spans with the hyphen after it, or 0. */
static size_t and_a_half(const char *s, size_t len)
{
    static const char half[] = "and-a-half";
    size_t hl = sizeof half - 1;
    if (len < hl || strncasecmp(s, half, hl) != 0 || (len > hl && s[hl] != '-'))
        return 0;
    return len > hl ? hl + 1 : hl;
}

/* What follows "N-" in one token: a range ("20-25", "5-6,000"), a unit
 * ("25-ton", "18-month", "31-year-old"); a score or record ("34-6",
 * "50-32-1") is no claim. Returns 0 when it is none of these. */
static int parse_hyphen_tail(const nscan *n, size_t i, const char *s, size_t len, parsed *p)
{
    size_t half = and_a_half(s, len);
    if (half) {
        p->value += 0.5;
        if (half == len)
            return 1;
        s += half; /* "11-and-a-half-hour": the unit after it */
        len -= half;
    }
    if (cl_eq(s, len, "plus")) {
        p->plus = 1;
        return 1;
    }
    if (len && isdigit((unsigned char)s[0])) {
        size_t used;
        int decimals;
        double high = parse_digits(s, len, &used, &decimals);
        if (used != len || !(high > p->value) || near_score_word(n, i))
            return 0;
        const px_token *t = &n->d.tk.v[i];
        if (i + 2 < n->d.tk.n && n->d.text[t->end] == ',' && n->d.tk.v[i + 1].end == t->end + 1 &&
            n->d.tk.v[i + 2].start == t->end + 1 && n->d.tk.v[i + 2].end == t->end + 4 &&
            n->d.tk.v[i + 2].kind == PX_TOK_NUMBER) {
            size_t u;
            int dd;
            high = high * 1000 + parse_digits(n->d.text + t->end + 1, 3, &u, &dd);
            p->last = i + 2; /* 5-6,000 */
            if (p->value > 0 && p->value * 100 < high)
                p->value *= 1000; /* "5-6,000": five thousand */
        }
        p->range = 1;
        p->high = high;
        return 1;
    }
    size_t word = 0;
    while (word < len && s[word] != '-')
        word++;
    if (cl_eq(s, len, "year-old") || cl_eq(s, len, "years-old")) {
        p->age = 1;
        return 1;
    }
    for (size_t k = 0; units[k].word; k++)
        if (!strchr(units[k].word, ' ') && cl_eq(s, word, units[k].word) && units[k].kind != PX_NUM_PERCENT) {
            p->glued = &units[k];
            return 1;
        }
    return 0;
}

/* Spelled compounds and words that stand for a figure: "five-year-old",
 * "two-carriage"; "no passengers" (0), "the only woman", "a single
 * passenger" (1), "a pair of" (2), "a score of" (20). Returns 1 when
 * token i is such a figure (p filled), -1 when it is no figure at all, 0
 * when the plain readings apply. */
static const qualifier *find_qualifier(const nscan *n, size_t first, size_t *q_first);
static size_t match_unit(const nscan *n, size_t j, const unit **out);

/* "more than a mile", "about an hour": one of a unit, after a qualifier. */
static int one_unit(const nscan *n, size_t i, parsed *p)
{
    /* the singular units, looked up before the qualifier: "a" is frequent */
    static const char *const singular[] = {"mile", "kilometre", "kilometer", "metre", "meter", "foot",
                                           "inch", "ton", "tonne", "pound", "second", "minute", "hour",
                                           "day", "week", "month", "year", "decade", NULL};
    size_t q_first;
    const unit *u;
    if (i + 1 >= n->d.tk.n || !strchr("mkfitpsdwhy", n->d.text[n->d.tk.v[i + 1].start] | 0x20) ||
        !cl_tok_in(n->d.text, &n->d.tk.v[i + 1], singular) ||
        !find_qualifier(n, i, &q_first) || !match_unit(n, i + 1, &u))
        return 0;
    p->value = 1;
    return 1;
}

/* Spelled ordinals owned by the, his, its: "the third pitch", "his second
 * award" ("first" marks no place in a count: "the first time"). */
static int spelled_ordinal(const nscan *n, size_t i, const char *s, size_t len, parsed *p)
{
    static const named_value ordinals[] = {
        {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6}, {"seventh", 7},
        {"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {NULL, 0}};
    static const char *const owners[] = {"the", "his", "her", "its", "their", "our", "my", NULL};
    if (len < 5 || (s[len - 1] != 'd' && s[len - 1] != 'h'))
        return 0; /* second, third, fourth ... tenth */
    double v = lookup(ordinals, s, len);
    if (!v || i == 0 || !cl_tok_in(n->d.text, &n->d.tk.v[i - 1], owners) || i + 1 >= n->d.tk.n ||
        n->d.tk.v[i + 1].kind != PX_TOK_WORD || tok_word_is(n, i + 1, "of"))
        return 0;
    p->value = v;
    p->ordinal = 1;
    p->placed = tok_word_is(n, i - 1, "the");
    return 1;
}

static int parse_word_figure(const nscan *n, size_t i, const char *s, size_t len, parsed *p)
{
    static const named_value collectives[] = {{"pair", 2}, {"couple", 2}, {"score", 20}, {NULL, 0}};
    /* fractions, and compounds English uses as one word: "a two-state
     * solution", "one-party rule", "a two-tier system", "a two-horse race" */
    static const char *const not_counts[] = {"half", "halves", "thirds", "quarters", "fifths",
                                             "tenths", "fold", "way", "off", "sided",
                                             "on", "all", "another", "third", "fourth", "state",
                                             "party", "tier", "horse", "dimensional", "track", NULL};
    if (spelled_ordinal(n, i, s, len, p))
        return 1;
    const char *h = memchr(s, '-', len);
    if (h && !spelled_value(s, len)) {
        const char *h2 = memchr(h + 1, '-', len - (size_t)(h + 1 - s));
        double v = h2 ? spelled_value(s, (size_t)(h2 - s)) : 0;
        if (v)
            h = h2; /* twenty-five-year-old */
        else
            v = spelled_value(s, (size_t)(h - s));
        const char *tail = h + 1;
        size_t tail_len = len - (size_t)(tail - s);
        if (!v || !tail_len)
            return 0;
        p->value = v;
        if (parse_hyphen_tail(n, i, tail, tail_len, p))
            return 1;
        size_t word = strcspn(tail, "-");
        if (word > tail_len)
            word = tail_len;
        if (v < 2 || cl_in(tail, word, not_counts) || !isalpha((unsigned char)tail[0]))
            return -1;
        p->compound = (size_t)(tail - s);
        return 1;
    }
    double c = lookup(collectives, s, len);
    if (c && i > 0 && tok_word_is(n, i - 1, "a") && tok_word_is(n, i + 1, "of")) {
        p->value = c;
        return 1;
    }
    int no = cl_eq(s, len, "no") && i + 1 < n->d.tk.n && n->d.tk.v[i + 1].kind == PX_TOK_WORD;
    int only = (cl_eq(s, len, "only") || cl_eq(s, len, "sole")) && i > 0 && tok_word_is(n, i - 1, "the");
    int single = cl_eq(s, len, "single") && i > 0 && tok_word_is(n, i - 1, "a");
    if (no || only || single) {
        p->value = no ? 0 : 1;
        p->person_only = 1;
        return 1;
    }
    return 0;
}

/* Every word that can stand for a figure, or open one ("twenty-five",
 * "five-year-old"), in byte order: a word token is looked up once here
 * before any other reading, as most words are none of these. */
static const char *const figure_words[] = {
    "a", "an", "billions", "couple", "dozen", "dozens", "eight", "eighteen", "eighth", "eighty",
    "eleven", "fifteen", "fifth", "fifty", "five", "forty", "four", "fourteen", "fourth",
    "hundred", "hundreds", "millions", "nine", "nineteen", "ninety", "ninth", "no", "one", "only",
    "pair", "score", "scores", "second", "seven", "seventeen", "seventh", "seventy", "single",
    "six", "sixteen", "sixth", "sixty", "sole", "ten", "tens", "tenth", "third", "thirteen",
    "thirty", "thousand", "thousands", "three", "twelve", "twenty", "two", NULL};

static int by_word(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

static int may_be_figure_word(const char *s, size_t len)
{
    char low[16];
    size_t n = 0;
    while (n < len && s[n] != '-' && n + 1 < sizeof low)
        low[n] = (char)tolower((unsigned char)s[n]), n++;
    if (n == sizeof low - 1 || (n < len && s[n] != '-'))
        return 0;
    low[n] = '\0';
    return bsearch(low, figure_words, sizeof figure_words / sizeof *figure_words - 1, sizeof *figure_words,
                   by_word) != NULL;
}

/* Parses the number at token i into p; returns 0 when token i is no claim. */
static int parse_number(const nscan *n, size_t i, parsed *p)
{
    size_t len;
    const char *s = tok_text(n, i, &len);
    const px_token *t = &n->d.tk.v[i];
    memset(p, 0, sizeof *p);
    p->first = p->last = i;
    p->high = NAN;
    if (t->kind == PX_TOK_NUMBER) {
        size_t k = 0;
        if (s[0] == '$') {
            p->currency = '$';
            k = 1;
        } else if (len >= 3 && memcmp(s, "\xE2\x82\xAC", 3) == 0) {
            p->currency = 'E';
            k = 3;
        } else if (len >= 2 && memcmp(s, "\xC2\xA3", 2) == 0) {
            p->currency = 'L';
            k = 2;
        } else if (i > 0 && n->d.tk.v[i - 1].end == t->start &&
                   n->d.text[n->d.tk.v[i - 1].start] == '$') {
            p->currency = '$';
        }
        while (k < len && !isdigit((unsigned char)s[k]))
            k++; /* US$ and the like */
        size_t used;
        p->value = parse_digits(s + k, len - k, &used, &p->decimals);
        if (!used || !isfinite(p->value))
            return 0;
        const char *rest = s + k + used;
        size_t rest_len = len - k - used;
        if (rest_len && rest[0] == ':')
            return 0; /* clock time */
        if (!k && rest_len > 1 && rest[0] == '-' && isdigit((unsigned char)rest[1]) &&
            parse_score(n, i, s, len, p))
            return 1;
        if (rest_len && (rest[0] == '%')) {
            p->percent = 1;
        } else if (rest_len) {
            double sc = lookup(scales, rest, rest_len);
            if (sc)
                p->value *= sc;
            else if (!p->decimals && is_ordinal_suffix(rest, rest_len))
                p->ordinal = 1;
            else if (rest[0] == '-' ? !parse_hyphen_tail(n, i, rest + 1, rest_len - 1, p)
                                    : !match_glued_unit(rest, rest_len, &p->glued))
                return 0; /* 1990s, 3rd, 9/11, D1, 34-6 */
        }
        if (i + 1 < n->d.tk.n && n->d.tk.v[i + 1].start == t->end &&
            n->d.text[t->end] == '%') {
            p->percent = 1;
            p->last = i + 1;
        }
        /* 9/11, 2025/26 */
        if (i + 1 < n->d.tk.n && n->d.tk.v[i + 1].start == t->end && n->d.text[t->end] == '/')
            return 0;
        if (i > 0 && n->d.tk.v[i - 1].end == t->start && n->d.text[t->start - 1] == '/')
            return 0;
    } else if (t->kind == PX_TOK_WORD) {
        if (!may_be_figure_word(s, len))
            return 0;
        if (cl_eq(s, len, "a") || cl_eq(s, len, "an"))
            return one_unit(n, i, p);
        double v = spelled_value(s, len);
        int special = parse_word_figure(n, i, s, len, p);
        if (special)
            return special > 0;
        if (!v) {
            v = lookup(vague_numbers, s, len);
            if (!v)
                return 0;
            p->vague = 1;
            if (cl_eq(s, len, "tens") && !(tok_word_is(n, i + 1, "of")))
                return 0;
        }
        int one_of_the = tok_word_is(n, i + 1, "of") &&
                         (tok_is_whole_determiner(n, i + 2) || tok_word_is(n, i + 2, "those"));
        if (!p->vague && cl_eq(s, len, "one") && !isupper((unsigned char)s[0]) && !one_of_the &&
            (i + 1 >= n->d.tk.n || n->d.tk.v[i + 1].kind != PX_TOK_WORD ||
             tok_word_is(n, i + 1, "of") || px_is_stopword("en", n->d.text + n->d.tk.v[i + 1].start,
                                                           n->d.tk.v[i + 1].end - n->d.tk.v[i + 1].start)))
            return 0; /* "one of", "no one" */
        if (cl_eq(s, len, "dozen") && !(i > 0 && (tok_word_is(n, i - 1, "a") ||
                                                  n->d.tk.v[i - 1].kind == PX_TOK_NUMBER)))
            return 0;
        static const char *const fractions[] = {"halves", "thirds", "quarters", "fifths", "sixths",
                                                "eighths", "tenths", NULL};
        if (i + 1 < n->d.tk.n && cl_tok_in(n->d.text, &n->d.tk.v[i + 1], fractions))
            return 0; /* "three quarters of the voters": a share, not a count */
        if (i > 0 && tok_word_is(n, i - 1, "a") && !p->vague) {
            p->first = i - 1; /* "about a dozen", "a hundred": the qualifier is before "a" */
            if (i > 1 && tok_word_is(n, i - 2, "half")) {
                p->first = i - 2;
                v /= 2;
            }
        }
        p->value = v;
    } else {
        return 0;
    }
    /* "1.4 million", "tens of thousands", "$1.2 billion" */
    size_t j = p->last + 1;
    if (j < n->d.tk.n && n->d.tk.v[j].kind == PX_TOK_WORD) {
        size_t wl;
        const char *w = tok_text(n, j, &wl);
        double sc = wl > 2 ? lookup(scales, w, wl) : 0;
        if (sc && !p->vague) {
            p->value *= sc;
            p->high *= sc;
            p->last = j;
        } else if (p->vague && cl_eq(w, wl, "of") && j + 1 < n->d.tk.n) {
            size_t xl;
            const char *x = tok_text(n, j + 1, &xl);
            double v2 = lookup(vague_numbers, x, xl);
            if (v2) {
                p->value = p->value / 2 * v2; /* tens of thousands */
                p->last = j + 1;
            }
        }
    }
    /* "two hundred and fifty", "one thousand twenty" */
    j = p->last + 1;
    if (!p->vague && p->last > p->first && (tok_word_is(n, p->last, "hundred") || tok_word_is(n, p->last, "thousand"))) {
        size_t k = tok_word_is(n, j, "and") ? j + 1 : j;
        size_t wl;
        const char *w = k < n->d.tk.n && n->d.tk.v[k].kind == PX_TOK_WORD ? tok_text(n, k, &wl) : NULL;
        double rest = w ? spelled_value(w, wl) : 0;
        if (rest > 0 && rest < 100) {
            p->value += rest;
            p->last = k;
        }
    }
    /* "two and a half years" */
    j = p->last + 1;
    if (!p->vague && !p->percent && !p->range && tok_word_is(n, j, "and") && tok_word_is(n, j + 1, "a") &&
        tok_word_is(n, j + 2, "half")) {
        p->value += 0.5;
        p->last = j + 2;
    }
    return 1;
}

/* Is the lower-case word s[0..len) a one-word unit ("minutes", "miles")? */
static int match_unit_word(const char *s, size_t len, const unit **out)
{
    for (size_t k = 0; units[k].word; k++)
        if (strlen(units[k].word) == len && strncmp(units[k].word, s, len) == 0) {
            *out = &units[k];
            return 1;
        }
    return 0;
}

/* "lap 20", "Game 7", "round 3": a place in a series, an ordinal. */
static int series_word(const nscan *n, size_t first)
{
    static const char *const series[] = {"lap", "round", "game", "stage", "hole", "inning", "leg",
                                         "heat", "week", "day", "episode", "season", "set", NULL};
    if (first == 0 || n->d.tk.v[first - 1].kind != PX_TOK_WORD || n->d.tk.v[first].kind != PX_TOK_NUMBER)
        return 0;
    size_t len;
    const char *s = tok_text(n, first, &len);
    for (size_t k = 0; k < len; k++)
        if (!isdigit((unsigned char)s[k]))
            return 0;
    char low[8];
    const char *w = tok_text(n, first - 1, &len);
    if (len >= sizeof low)
        return 0;
    for (size_t k = 0; k < len; k++)
        low[k] = (char)tolower((unsigned char)w[k]);
    return cl_in(low, len, series);
}

/* A clock time written apart: "2 : 43 pm" (either figure), "6 pm". */
static int spaced_clock(const nscan *n, const parsed *p)
{
    size_t a = p->first, b = p->last;
    int colon_after = b + 2 < n->d.tk.n && n->d.text[n->d.tk.v[b + 1].start] == ':' &&
                      n->d.tk.v[b + 1].end == n->d.tk.v[b + 1].start + 1 && n->d.tk.v[b + 2].kind == PX_TOK_NUMBER;
    int colon_before = a >= 2 && n->d.text[n->d.tk.v[a - 1].start] == ':' &&
                       n->d.tk.v[a - 1].end == n->d.tk.v[a - 1].start + 1 && n->d.tk.v[a - 2].kind == PX_TOK_NUMBER;
    int meridian = tok_word_is(n, b + 1, "pm") || tok_word_is(n, b + 1, "am");
    return colon_after || colon_before || (meridian && p->value <= 12 && !p->decimals);
}

/* Is the number a year, a date, a time or an identifier rather than a claim? */
static int not_a_claim(const nscan *n, const parsed *p)
{
    const px_token *t = &n->d.tk.v[p->first];
    size_t len;
    const char *s = tok_text(n, p->first, &len);
    if (t->kind != PX_TOK_NUMBER || p->currency || p->percent)
        return 0;
    int integer = !p->decimals && !memchr(s, ',', len);
    if (series_word(n, p->first))
        return 0;
    if (integer && len == 4 && p->value >= 1800 && p->value <= 2100)
        return 1; /* a year */
    if (p->first > 0 && is_calendar_tok(n, p->first - 1))
        return 1; /* Oct. 7 */
    if (p->first > 1 && n->d.text[n->d.tk.v[p->first - 1].start] == '.' &&
        is_calendar_tok(n, p->first - 2))
        return 1;
    if (p->last + 1 < n->d.tk.n && is_calendar_tok(n, p->last + 1))
        return 1; /* 7 October */
    static const char *const clock_words[] = {"a.m.", "p.m.", "a.m", "p.m", "GMT", "UTC", "BST",
                                              "CET", "CEST", "EST", "EDT", "PST", "PDT", "ET", "PT",
                                              "hrs", "hours", NULL};
    if (p->last + 1 < n->d.tk.n && cl_tok_in(n->d.text, &n->d.tk.v[p->last + 1], clock_words) &&
        (len == 4 || !tok_word_is(n, p->last + 1, "hours")))
        return 1; /* 6 p.m., 2206 GMT, 1400 hours */
    if (spaced_clock(n, p))
        return 1;
    /* a title, not a count: "60 Minutes", "“24 Hours in Gaza”" - the
     * number opens a run of capitalised words after a quotation mark, or a
     * unit word is capitalised as in a name */
    if (p->last + 1 < n->d.tk.n && n->d.tk.v[p->last + 1].kind == PX_TOK_WORD &&
        isupper((unsigned char)n->d.text[n->d.tk.v[p->last + 1].start])) {
        size_t nl;
        const char *next = tok_text(n, p->last + 1, &nl);
        char low[16];
        int unit_word = 0;
        if (nl < sizeof low) {
            for (size_t k = 0; k < nl; k++)
                low[k] = (char)tolower((unsigned char)next[k]);
            const unit *u;
            unit_word = match_unit_word(low, nl, &u);
        }
        int after_mark = p->first > 0 && cl_tok_quote(&n->d, p->first - 1);
        if (unit_word || after_mark)
            return 1;
    }
    if (p->first > 0) {
        size_t pl;
        const char *prev = tok_text(n, p->first - 1, &pl);
        const px_token *pt = &n->d.tk.v[p->first - 1];
        if (cl_in(prev, pl, identifier_words) && integer)
            return 1;
        /* "Magnitude 6" style: a capitalised word right before a small integer */
        static const char *const openers[] = {"A", "An", "The", "Between", "Some", "All", "Only",
                                              "Another", "Those", "These", "Its", "Their", NULL};
        if (pt->kind == PX_TOK_WORD && isupper((unsigned char)prev[0]) && integer &&
            p->value < 1000 && !cl_in(prev, pl, openers) && !cl_eq(prev, pl, "About") && !cl_eq(prev, pl, "Nearly") &&
            !cl_eq(prev, pl, "Some") && !cl_eq(prev, pl, "Over") && !cl_eq(prev, pl, "Almost") &&
            !cl_eq(prev, pl, "Only") && !cl_eq(prev, pl, "Just") && !cl_eq(prev, pl, "Roughly") &&
            !cl_eq(prev, pl, "Around") && !cl_eq(prev, pl, "Than") && !cl_eq(prev, pl, "Least") &&
            !cl_eq(prev, pl, "Estimated")) {
            /* but an age after "Name," is handled before this test */
            return 1;
        }
    }
    return 0;
}

/* ---- context: qualifier, unit, counted, attribution ---------------------------- */

static const qualifier *find_qualifier(const nscan *n, size_t first, size_t *q_first)
{
    if (first == 0 || n->d.tk.v[first - 1].kind != PX_TOK_WORD)
        return NULL; /* every qualifier ends with a word */
    for (size_t k = 0; qualifiers[k].words; k++) {
        const char *w = qualifiers[k].words;
        size_t words = qualifiers[k].n_words;
        if (first < words)
            continue;
        size_t t = first - words;
        const char *c = w;
        int ok = 1;
        for (size_t m = 0; m < words && ok; m++) {
            size_t wl = strcspn(c, " ");
            size_t tl;
            const char *ts = tok_text(n, t + m, &tl);
            ok = n->d.tk.v[t + m].kind == PX_TOK_WORD && tl == wl && strncasecmp(ts, c, wl) == 0;
            c += wl + (c[wl] == ' ');
        }
        if (ok) {
            *q_first = t;
            return &qualifiers[k];
        }
    }
    return NULL;
}

/* Matches a unit phrase at token j ("percentage points", "years old");
 * returns the number of tokens it spans. */
static size_t match_unit(const nscan *n, size_t j, const unit **out)
{
    for (size_t k = 0; units[k].word; k++) {
        const char *c = units[k].word;
        size_t t = j;
        int ok = 1;
        while (*c && ok) {
            size_t wl = strcspn(c, " ");
            size_t tl;
            if (t >= n->d.tk.n) {
                ok = 0;
                break;
            }
            const char *ts = tok_text(n, t, &tl);
            ok = tl == wl && strncasecmp(ts, c, wl) == 0 && !isupper((unsigned char)ts[0]);
            c += wl + (c[wl] == ' ');
            t++;
        }
        if (ok) {
            *out = &units[k];
            return t - j;
        }
    }
    return 0;
}

static const char *outcome_of(const char *s, size_t len)
{
    for (size_t k = 0; outcome_verbs[k][0]; k++)
        if (cl_eq(s, len, outcome_verbs[k][0]))
            return outcome_verbs[k][1];
    return NULL;
}

/* A word that opens a new clause: "while 20 others were hurt". */
static int clause_break(const nscan *n, size_t k)
{
    static const char *const breaks[] = {"and", "while", "but", "whereas", "after", "before",
                                         "when", "as", "because", "since", "although", "though",
                                         ";", ":", NULL};
    return cl_tok_in(n->d.text, &n->d.tk.v[k], breaks) ||
           (n->d.tk.v[k].kind == PX_TOK_PUNCT && strchr(";:", n->d.text[n->d.tk.v[k].start]));
}

/* What is said of the counted, canonical: "killed" for died, dead, deaths,
 * a death toll; "injured" for hurt, wounded; "aboard" for on board. */
static const char *relation_of_word(const char *w, size_t wl)
{
    static const char *const words[][2] = {
        {"hurt", "injured"}, {"injuries", "injured"}, {"toll", "killed"}, {"aboard", "aboard"},
        {"board", "aboard"}, {"missing", "missing"}, {"affected", "affected"},
        {"hospitalized", "hospitalized"}, {"hospitalised", "hospitalized"},
        {"evacuated", "evacuated"}, {"infected", "infected"}, {"abducted", "abducted"},
        {"kidnapped", "abducted"}, {"raised", "raised"}, {"valued", "valued"},
        {"critical", "critical"}, {"trapped", "trapped"}, {NULL, NULL}};
    for (size_t k = 0; words[k][0]; k++)
        if (cl_eq(w, wl, words[k][0]))
            return words[k][1];
    return outcome_of(w, wl);
}

/* "passengers", "officials", not "glass" or "status". */
static int is_plural_word(const char *s, size_t len)
{
    return len > 3 && s[len - 1] == 's' && !strchr("su", s[len - 2]) && islower((unsigned char)s[0]);
}

/* The noun phrase the number counts: up to three words after it that are
 * no stopwords, verbs of saying or other numbers; plus the outcome
 * ("killed") found near it in the sentence. */
#define COUNTED_WORDS 3
#define COUNTED_SCAN 6
static char *counted_phrase(const nscan *n, size_t after, size_t before, size_t sent_lo,
                            size_t sent_hi)
{
    px_buf b = {0};
    size_t j = after, words = 0;
    if (tok_word_is(n, j, "of") && j + 1 < sent_hi && tok_is_whole_determiner(n, j + 1)) {
        j += 2;
        /* a part of a whole: "850 of the plant's 1,450 hourly workers" counts
         * the workers, not the plant */
        if (j < sent_hi && tok_is_possessive(n, j))
            j++;
        if (j < sent_hi && n->d.tk.v[j].kind == PX_TOK_NUMBER)
            j++;
    } else if (tok_word_is(n, j, "of")) {
        j++; /* "dozens of" */
    }
    /* "19 other defendants", "three further months" */
    while (j < sent_hi && (tok_word_is(n, j, "other") || tok_word_is(n, j, "further") ||
                           tok_word_is(n, j, "more") || tok_word_is(n, j, "additional")) &&
           j + 1 < sent_hi && n->d.tk.v[j + 1].kind == PX_TOK_WORD &&
           !px_is_stopword("en", n->d.text + n->d.tk.v[j + 1].start,
                           n->d.tk.v[j + 1].end - n->d.tk.v[j + 1].start))
        j++;
    int has_outcome = 0;
    /* a noun phrase keeps its last COUNTED_WORDS words, where English puts
     * its head: "two New York City subway work trains" counts trains */
    size_t word_tok[COUNTED_SCAN], word_len[COUNTED_SCAN];
    while (j < sent_hi && words < COUNTED_SCAN) {
        const px_token *t = &n->d.tk.v[j];
        size_t len = t->end - t->start;
        const char *s = n->d.text + t->start;
        if (t->kind != PX_TOK_WORD || px_is_stopword("en", s, len) || cl_is_say_verb(s, len) ||
            spelled_value(s, len) || cl_eq(s, len, "percent"))
            break;
        /* a noun phrase ends at its plural head ("first-class passengers
         * gave") or before a verb ("tram tipped"), but for what befell it */
        int befalls = relation_of_word(s, len) != NULL;
        if (words && !befalls && is_plural_word(n->d.text + n->d.tk.v[j - 1].start,
                                                 n->d.tk.v[j - 1].end - n->d.tk.v[j - 1].start))
            break;
        if (words && !befalls && len > 4 && islower((unsigned char)s[0]) && cl_eq(s + len - 2, 2, "ed"))
            break;
        size_t stripped = cl_strip_possessive(s, len);
        word_tok[words] = j;
        word_len[words] = stripped;
        words++;
        j++;
        if (stripped != len)
            break;
    }
    if (!words)
        return NULL;
    for (size_t w = words > COUNTED_WORDS ? words - COUNTED_WORDS : 0, k = 0; w < words; w++, k++) {
        const px_token *t = &n->d.tk.v[word_tok[w]];
        if (px_buf_printf(&b, "%s%.*s", k ? " " : "", (int)word_len[w], n->d.text + t->start))
            goto oom;
        if (cl_in(n->d.text + t->start, t->end - t->start, outcomes))
            has_outcome = 1;
    }
    if (!has_outcome) {
        /* "killed more than 18,000 people", "18,000 people have been killed" */
        const char *o = NULL;
        for (size_t k = before; k-- > sent_lo && k + 4 > before && !o;)
            if (n->d.tk.v[k].kind == PX_TOK_WORD)
                o = outcome_of(n->d.text + n->d.tk.v[k].start,
                               n->d.tk.v[k].end - n->d.tk.v[k].start);
        /* "84 people, including 10 children, were killed", "are reported
         * to have been hurt": the verb of the clause, before a new one */
        size_t reach = j + 8;
        for (size_t k = j; k < sent_hi && k < reach && !o; k++) {
            if (clause_break(n, k))
                break;
            size_t wl = n->d.tk.v[k].end - n->d.tk.v[k].start;
            const char *w = n->d.text + n->d.tk.v[k].start;
            /* ", including children,": an aside, the verb comes after it */
            if (tok_word_is(n, k, "including") && k > j && n->d.text[n->d.tk.v[k - 1].start] == ',') {
                size_t c = k + 1;
                while (c < sent_hi && c < k + 8 && n->d.text[n->d.tk.v[c].start] != ',')
                    c++;
                if (c < sent_hi && c < k + 8) {
                    reach += c - k;
                    k = c;
                    continue;
                }
            }
            /* "ran over 10 people, killing one": what the counted did
             * befell another */
            if (n->d.tk.v[k].kind == PX_TOK_WORD && wl > 5 && cl_eq(w + wl - 3, 3, "ing"))
                break;
            /* "treating 20 people, four of whom were injured": a figure
             * on the way has its own verb */
            if (n->d.tk.v[k].kind == PX_TOK_NUMBER || spelled_value(w, wl))
                break;
            if (n->d.tk.v[k].kind == PX_TOK_WORD)
                o = relation_of_word(w, wl);
        }
        if (o && px_buf_printf(&b, " %s", o))
            goto oom;
    }
    for (char *c = b.data; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return px_buf_steal(&b);
oom:
    px_buf_free(&b);
    return NULL;
}

/* Is the number at token first the whole of a part counted just before
 * it: "850 of the 1,450 workers", "850 of the plant's 1,450 workers"? */
static int is_partitive_whole(const nscan *n, size_t first, size_t sent_lo)
{
    size_t k = first;
    if (k > sent_lo && tok_is_possessive(n, k - 1))
        k--; /* the plant's */
    if (!(k >= sent_lo + 3 && tok_is_whole_determiner(n, k - 1) && tok_word_is(n, k - 2, "of")))
        return 0;
    size_t pl;
    const char *part = tok_text(n, k - 3, &pl);
    return n->d.tk.v[k - 3].kind == PX_TOK_NUMBER || spelled_value(part, pl) > 0;
}

/* The quantity named before the number, for a figure with nothing after
 * it: "her approval rating fell to 38 percent", "turnout was 60 percent".
 * Back over a linking or change verb and its preposition, then up to two
 * lower-case nouns; NULL when nothing of the kind precedes ("while
 * 38%"). */
static char *counted_before(const nscan *n, size_t first, size_t sent_lo, int toll_only)
{
    static const char *const tolls[] = {"toll", "tally", "total", "figure", "count", "deaths",
                                        "casualties", "dead", "injured", "wounded", NULL};
    static const char *const links[] = {
        "to", "at", "of", "by", "from", "was", "is", "were", "are", "be", "been", "stood",
        "stands", "rose", "rises", "fell", "falls", "reached", "hit", "dropped", "climbed",
        "increased", "decreased", "grew", "jumped", "declined", "slipped", "surged", "soared",
        "rising", "falling", "remained", "remains", "totaled", "totalled", "topped", "just",
        "only", NULL};
    size_t k = first, skipped = 0;
    while (k > sent_lo && skipped < 4 && n->d.tk.v[k - 1].kind == PX_TOK_WORD &&
           cl_in(n->d.text + n->d.tk.v[k - 1].start,
                 n->d.tk.v[k - 1].end - n->d.tk.v[k - 1].start, links))
        k--, skipped++;
    if (!skipped)
        return NULL;
    size_t end = k;
    while (k > sent_lo && end - k < 2) {
        const px_token *t = &n->d.tk.v[k - 1];
        const char *s = n->d.text + t->start;
        size_t len = t->end - t->start;
        int first_word = k - 1 == sent_lo; /* "Prices rose 4 percent" */
        if (t->kind != PX_TOK_WORD || (!islower((unsigned char)s[0]) && !first_word) ||
            px_is_stopword("en", s, len) || cl_is_say_verb(s, len))
            break;
        k--;
    }
    if (k == end || (toll_only && !cl_tok_in(n->d.text, &n->d.tk.v[end - 1], tolls)))
        return NULL;
    size_t a = n->d.tk.v[k].start, b = n->d.tk.v[end - 1].end;
    return cl_lower(n->d.text + a, b - a);
}

/* The authority of the sentence: "according to X", "X said", "said X",
 * "a Gallup poll". */
/* "were asked", "are being told": the subject of a passive verb of saying
 * is told, not the authority. */
static int passive_say(const nscan *n, size_t k, size_t lo)
{
    static const char *const aux[] = {"was", "were", "is", "are", "be", "been", "being", NULL};
    if (k <= lo || n->d.tk.v[k - 1].kind != PX_TOK_WORD)
        return 0;
    size_t len;
    const char *w = tok_text(n, k - 1, &len);
    return cl_in(w, len, aux);
}

/* Verbs that introduce a quote ("she began") but give no figure its
 * authority ("since a strike began on Sunday"). */
static int narrative_verb(const nscan *n, size_t k)
{
    static const char *const verbs[] = {"began", "begins", "went", "goes", "put", NULL};
    size_t len;
    const char *w = tok_text(n, k, &len);
    return cl_in(w, len, verbs);
}

/* An authority names someone: "and", "the end of the month and" do not. */
static int names_someone(const char *s, size_t len)
{
    size_t last = len;
    while (last > 0 && s[last - 1] != ' ')
        last--;
    return !px_is_stopword("en", s + last, len - last);
}

/* Does a clause boundary lie between tokens a and b: "after President
 * Trump said", "and aid organizations warn"? A reporting clause closing
 * the sentence after a comma (", police said") belongs to it. */
static int other_clause(const nscan *n, size_t a, size_t b, int verb_after)
{
    static const char *const subordinators[] = {"after", "before", "when", "because", "although",
                                                "though", "if", "until", "since", NULL};
    static const char *const contrasts[] = {"while", "whereas", "and", "but", NULL};
    for (size_t k = a; k < b; k++) {
        if (cl_tok_in(n->d.text, &n->d.tk.v[k], subordinators))
            return 1;
        /* "X said 49% ..., while 38% ...": a contrast within what X said */
        if (verb_after && cl_tok_in(n->d.text, &n->d.tk.v[k], contrasts))
            return 1;
        if (n->d.tk.v[k].kind == PX_TOK_PUNCT && strchr(";", n->d.text[n->d.tk.v[k].start]))
            return 1;
    }
    return 0;
}

/* "It revealed that 49%", "They said": a pronoun that hands the figure to
 * the authority of the sentence before. */
static int pronoun_subject(const nscan *n, size_t s, size_t e)
{
    static const char *const pronouns[] = {"it", "they", "this", "the poll", "the survey",
                                           "the report", "the study", NULL};
    return cl_in(n->d.text + s, e - s, pronouns);
}

static char *attribution_in(const nscan *n, size_t lo, size_t hi, size_t num_tok, int depth);

/* ", police said", ", said the ministry": a reporting clause after a
 * comma, which speaks for the whole sentence. */
static int closing_report(const nscan *n, size_t verb, size_t subject_start)
{
    size_t t = cl_token_at(&n->d.tk, subject_start);
    if (n->d.tk.v[verb - 1].kind == PX_TOK_PUNCT)
        return 1;
    return t > 0 && t <= verb && n->d.tk.v[t - 1].kind == PX_TOK_PUNCT &&
           strchr(",", n->d.text[n->d.tk.v[t - 1].start]);
}

/* A verb that gives a figure its authority: the verbs of saying, and
 * those of findings ("the poll revealed", "data indicate"). */
static int reports_figure(const nscan *n, size_t k)
{
    static const char *const findings[] = {"revealed", "reveals", "indicated", "indicates",
                                           "indicate", "showed", "show", NULL};
    return cl_tok_say(&n->d, k) ||
           (n->d.tk.v[k].kind == PX_TOK_WORD && islower((unsigned char)n->d.text[n->d.tk.v[k].start]) &&
            cl_tok_in(n->d.text, &n->d.tk.v[k], findings));
}

/* The authority of the sentence before the one starting at token lo. */
static char *attribution_before(const nscan *n, size_t lo, int depth)
{
    if (depth > 0 || lo == 0)
        return NULL;
    size_t sent = cl_sentence_at(&n->d.ss, n->d.tk.v[lo - 1].start);
    size_t plo = cl_token_at(&n->d.tk, n->d.ss.v[sent].start);
    if (plo + CONTEXT_TOKENS < lo)
        plo = lo - CONTEXT_TOKENS;
    return attribution_in(n, plo, lo, lo - 1, depth + 1);
}

/* An authority is a short noun phrase: not a bare pronoun left
 * unresolved ("She"), not a lone participle ("Updated"), not a run of
 * caption words glued to a sentence ("down dozens of people watching a
 * fireworks display last night Devastated Hayley"). */
#define AUTHORITY_MAX_WORDS 8
static int plausible_authority(const char *s, size_t len)
{
    static const char *const pronouns[] = {"he", "she", "they", "we", "i", "you", NULL};
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += (i == 0 || s[i - 1] == ' ') && s[i] != ' ';
    if (words > AUTHORITY_MAX_WORDS || cl_in(s, len, pronouns))
        return 0;
    return !(words == 1 && len > 4 && cl_eq(s + len - 2, 2, "ed"));
}

/* Does something befall what ends at byte e before the verb at token k:
 * "..., were also killed, said"? */
static int befell(const nscan *n, size_t e, size_t k)
{
    for (size_t t = cl_token_at(&n->d.tk, e); t < k; t++)
        if (n->d.tk.v[t].kind == PX_TOK_WORD &&
            outcome_of(n->d.text + n->d.tk.v[t].start, n->d.tk.v[t].end - n->d.tk.v[t].start))
            return 1;
    return 0;
}

/* ", said the ministry": the verb after a comma, its subject after it. */
static int inverted_report(const nscan *n, size_t lo, size_t k, size_t hi, size_t *s, size_t *e)
{
    if (!(k > lo && n->d.tk.v[k - 1].kind == PX_TOK_PUNCT && n->d.text[n->d.tk.v[k - 1].start] == ',') ||
        !cl_phrase_after(&n->d, k + 1, hi, s, e))
        return 0;
    for (size_t c = *s; c < *e; c++)
        if (isdigit((unsigned char)n->d.text[c]))
            return 0;
    return names_someone(n->d.text + *s, *e - *s);
}

static char *attribution_of(const nscan *n, size_t lo, size_t hi, size_t num_tok)
{
    return attribution_in(n, lo, hi, num_tok, 0);
}

/* The flags of reports_figure over tokens [lo, hi), or NULL when out of
 * memory (the caller then asks token by token). */
static const unsigned char *says_in(const nscan *n, size_t lo, size_t hi, int depth)
{
    say_cache *c = &n->says[depth];
    if (c->flag && c->lo == lo && c->hi == hi)
        return c->flag;
    if (hi - lo > c->cap) {
        unsigned char *f = realloc(c->flag, hi - lo);
        if (!f)
            return NULL;
        c->flag = f;
        c->cap = hi - lo;
    }
    if (!c->flag)
        return NULL;
    for (size_t k = lo; k < hi; k++)
        c->flag[k - lo] = (unsigned char)reports_figure(n, k);
    c->lo = lo;
    c->hi = hi;
    return c->flag;
}

/* A poll, survey or census named in tokens [from, hi), the last one: "a
 * Gallup poll". Its words reach back at most four words, and never
 * before token from. */
static int poll_named(const nscan *n, size_t from, size_t hi, size_t *s, size_t *e)
{
    static const char *const determiners[] = {"a", "an", "the", "this", "that", "its", "their", NULL};
    for (size_t k = hi; k-- > from;) {
        size_t len;
        const char *w = tok_text(n, k, &len);
        if (!cl_eq(w, len, "poll") && !cl_eq(w, len, "survey") && !cl_eq(w, len, "census"))
            continue;
        size_t a = k;
        while (a > from && a + 4 > k && n->d.tk.v[a - 1].kind == PX_TOK_WORD && !cl_tok_is(&n->d, a - 1, "to") &&
               !cl_tok_is(&n->d, a - 1, "in"))
            a--;
        /* from its determiner ("However the YouGov poll" is the poll),
         * else from its first capitalised word ("said ISM survey") */
        size_t det = k;
        while (det > a && !cl_tok_in(n->d.text, &n->d.tk.v[det - 1], determiners))
            det--;
        if (det > a)
            a = det - 1;
        while (a < k && islower((unsigned char)n->d.text[n->d.tk.v[a].start]) &&
               !cl_tok_in(n->d.text, &n->d.tk.v[a], determiners))
            a++;
        *s = n->d.tk.v[a].start;
        *e = n->d.tk.v[k].end;
        return 1;
    }
    return 0;
}

/* Does the sentence [lo, hi) count a poll's respondents ("78% of
 * Republicans surveyed", "of those polled") without naming who asked them
 * ("surveyed by ISM" does)? */
#define RESPONDENTS_LOOKBACK 120 /* tokens: about three sentences */
static int counts_respondents(const nscan *n, size_t lo, size_t hi)
{
    static const char *const words[] = {"surveyed", "polled", "respondents", NULL};
    int counted = 0;
    for (size_t k = lo; k < hi; k++)
        if (cl_tok_in(n->d.text, &n->d.tk.v[k], words)) {
            if (k + 1 < hi && cl_tok_is(&n->d, k + 1, "by"))
                return 0;
            counted = 1;
        }
    return counted;
}

static char *attribution_in(const nscan *n, size_t lo, size_t hi, size_t num_tok, int depth)
{
    static const char *const lone_determiners[] = {"a", "an", "the", NULL};
    size_t s = 0, e = 0;
    const unsigned char *says = hi > lo ? says_in(n, lo, hi, depth) : NULL;
    int found = 0;
    for (size_t k = lo; k + 1 < hi && !found; k++)
        if (cl_tok_is(&n->d, k, "according") && cl_tok_is(&n->d, k + 1, "to"))
            found = cl_phrase_after(&n->d, k + 2, hi, &s, &e);
    for (size_t k = lo; k < hi && !found; k++) {
        if (!(says ? says[k - lo] : reports_figure(n, k)) || (k > num_tok && k < num_tok + 2) || passive_say(n, k, lo) ||
            narrative_verb(n, k))
            continue;
        if (k > lo && (cl_tok_is(&n->d, k - 1, "an") || cl_tok_is(&n->d, k - 1, "a") ||
                       cl_tok_is(&n->d, k - 1, "the")))
            continue; /* "an estimated 1,200" */
        if (k < num_tok && other_clause(n, k + 1, num_tok, 0))
            continue; /* "Trump said ... after North Korea fired four" */
        /* ", said the ministry": the speaker after the verb */
        found = inverted_report(n, lo, k, hi, &s, &e);
        if (!found) {
            found = cl_phrase_before(&n->d, lo, k, &s, &e);
            /* "two men, Bilal and mechanic Abdelkader, were killed, said":
             * what befell the phrase makes it a victim, not the authority */
            if (found && befell(n, e, k))
                found = 0;
        }
        if (k > num_tok && !closing_report(n, k, found ? s : n->d.tk.v[k].start) &&
            other_clause(n, num_tok + 1, k, 1)) {
            found = 0;
            continue; /* "... and aid organizations warn" */
        }
        if (found && pronoun_subject(n, s, e) && k < num_tok) {
            char *before = attribution_before(n, lo, depth);
            if (before)
                return before;
        }
        size_t num_off = n->d.tk.v[num_tok].start;
        if (found) {
            size_t pl = e - s;
            /* "49% of Democrats said": the counted, not the authority */
            if (cl_eq(n->d.text + s, pl, "it") || cl_eq(n->d.text + s, pl, "that") ||
                (num_off >= s && num_off < e))
                found = 0;
        }
        if (found) {
            for (size_t c = s; c < e; c++)
                if (isdigit((unsigned char)n->d.text[c]))
                    found = 0;
            found = found && names_someone(n->d.text + s, e - s);
        }
        /* ", said the ministry" */
        if (!found && k + 1 < hi && k > lo && n->d.tk.v[k - 1].kind == PX_TOK_PUNCT)
            found = cl_phrase_after(&n->d, k + 1, hi, &s, &e);
    }
    if (!found)
        found = poll_named(n, lo, hi, &s, &e);
    /* "Meanwhile, 78% of Republicans surveyed said": the poll of the
     * sentences before */
    if (!found && depth == 0 && counts_respondents(n, lo, hi))
        found = poll_named(n, lo > RESPONDENTS_LOOKBACK ? lo - RESPONDENTS_LOOKBACK : 0, lo, &s, &e);
    if (!found)
        return NULL;
    /* "a Gallup poll taken": the poll, without the participle after it */
    for (size_t k = cl_token_at(&n->d.tk, s); k < hi && n->d.tk.v[k].end <= e; k++) {
        size_t wl;
        const char *w = tok_text(n, k, &wl);
        if (k > 0 && n->d.tk.v[k].start > s && wl > 4 && islower((unsigned char)w[0]) &&
            (cl_eq(w + wl - 2, 2, "ed") || cl_eq(w + wl - 2, 2, "en"))) {
            e = n->d.tk.v[k - 1].end;
            break;
        }
    }
    /* ", which an assistant coach said": the relative pronoun is no part
     * of the authority */
    static const char *const relatives[] = {"which", "who", "whom", "that", "what", NULL};
    size_t st = cl_token_at(&n->d.tk, s);
    if (st + 1 < hi && n->d.tk.v[st].start == s && cl_tok_in(n->d.text, &n->d.tk.v[st], relatives) &&
        n->d.tk.v[st + 1].end <= e)
        s = n->d.tk.v[st + 1].start;
    /* "However the YouGov poll": a sentence adverb is no part of it */
    st = cl_token_at(&n->d.tk, s);
    if (st + 1 < hi && n->d.tk.v[st].start == s && n->d.tk.v[st + 1].end <= e &&
        cl_is_discourse_marker(n->d.text + s, n->d.tk.v[st].end - s))
        s = n->d.tk.v[st + 1].start;
    if (!plausible_authority(n->d.text + s, e - s) || cl_in(n->d.text + s, e - s, lone_determiners))
        return NULL; /* "an expected Spring poll" is an election, left "an" */
    /* drop a leading article: "the police" -> "police" is kept as written */
    return cl_squeeze(n->d.text + s, e - s);
}

/* "Tomasz Lindell, 34, said": a bare number between commas after a name. */
static int looks_like_age(const nscan *n, const parsed *p)
{
    if (p->first < 2 || p->currency || p->percent || p->decimals || p->value < 1 || p->value > 120)
        return 0;
    const px_token *before = &n->d.tk.v[p->first - 1], *name = &n->d.tk.v[p->first - 2];
    const px_token *after = p->last + 1 < n->d.tk.n ? &n->d.tk.v[p->last + 1] : NULL;
    return before->kind == PX_TOK_PUNCT && n->d.text[before->start] == ',' &&
           name->kind == PX_TOK_WORD && isupper((unsigned char)n->d.text[name->start]) &&
           (!after || (after->kind == PX_TOK_PUNCT && strchr(",.;", n->d.text[after->start])));
}

static void number_free(px_number *x)
{
    free(x->text);
    free(x->unit);
    free(x->qualifier);
    free(x->counted);
    free(x->attribution);
    free(x->owner);
}

/* "between 50 and 60", "$30,000 to $50,000", "eight to ten": the upper
 * end; returns the last token. "from 68 to 69" is a change, not a range. */
static size_t range_end(const nscan *n, const parsed *p, size_t last, px_number *num)
{
    parsed hi;
    int between = p->first > 0 && tok_word_is(n, p->first - 1, "between") && tok_word_is(n, last + 1, "and");
    int to = tok_word_is(n, last + 1, "to") && !(p->first > 0 && tok_word_is(n, p->first - 1, "from"));
    int dash = last + 1 < n->d.tk.n && n->d.tk.v[last + 1].end - n->d.tk.v[last + 1].start == 3 &&
               memcmp(n->d.text + n->d.tk.v[last + 1].start, "\xE2\x80\x93", 3) == 0; /* 5,000–6,000 */
    if (!(between || to || dash) || !parse_number(n, last + 2, &hi) || !(hi.value > p->value) ||
        hi.currency != p->currency || hi.percent != p->percent || hi.score_n || hi.ordinal)
        return last;
    num->high = hi.value;
    return hi.last;
}

/* "the toll rose to 85", "climbed to", "has been updated": the sentence
 * reports a later state of the figure. */
static int reports_change(const nscan *n, size_t first, size_t lo, size_t hi)
{
    static const char *const change[] = {"rose", "risen", "rises", "climbed", "climbs", "jumped",
                                         "increased", "grew", "grown", "mounted", "reached",
                                         "surged", "soared", "swelled", NULL};
    static const char *const revised[] = {"updated", "revised", "raised", "latest", NULL};
    if (first > lo + 1 && tok_word_is(n, first - 1, "to"))
        for (size_t k = first - 1; k-- > lo && k + 4 > first;)
            if (cl_tok_in(n->d.text, &n->d.tk.v[k], change))
                return 1;
    for (size_t k = first > lo + 6 ? first - 6 : lo; k < hi && k < first + 6; k++)
        if (cl_tok_in(n->d.text, &n->d.tk.v[k], revised) &&
            (tok_word_is(n, k + 1, "toll") || tok_word_is(n, k + 1, "figure") ||
             tok_word_is(n, k + 1, "death") || tok_word_is(n, k - 1, "toll") ||
             tok_word_is(n, k - 1, "was") || tok_word_is(n, k - 1, "been")))
            return 1;
    return 0;
}

/* "three Algerians were among the 84 killed": "among" in the figure's
 * clause, before a new one opens. */
static int is_among(const nscan *n, size_t j, size_t hi)
{
    for (size_t k = j; k < hi && k < j + 6; k++) {
        if (clause_break(n, k))
            return 0;
        if (tok_word_is(n, k, "among"))
            return 1;
    }
    return 0;
}

/* "a year", "per day", "annually" within the few words after a figure: a
 * rate, which describes the setting rather than the event. */
static int is_rate(const nscan *n, size_t j, size_t hi)
{
    static const char *const periods[] = {"year", "day", "week", "month", NULL};
    for (size_t k = j; k < hi && k < j + 5; k++) {
        if (clause_break(n, k))
            break;
        if (tok_word_is(n, k, "annually") || tok_word_is(n, k, "yearly") ||
            ((tok_word_is(n, k, "a") || tok_word_is(n, k, "per") || tok_word_is(n, k, "each") ||
              tok_word_is(n, k, "every")) &&
             k + 1 < hi && cl_tok_in(n->d.text, &n->d.tk.v[k + 1], periods)))
            return 1;
    }
    return 0;
}

/* A distance placing something: "72 km southeast of Padang", "10 miles
 * from the coast", "200 metres away". Reports measure from different
 * places, so such figures are the setting, not a quantity of the event. */
static int is_location_offset(const nscan *n, const char *unit, size_t j)
{
    static const char *const lengths[] = {"km", "mile", "m", "ft", NULL};
    static const char *const placing[] = {"north", "south", "east", "west", "northeast", "northwest",
                                          "southeast", "southwest", "north-east", "north-west",
                                          "south-east", "south-west", "away", "from", "off", "outside",
                                          "inland", "offshore", NULL};
    if (!unit || !cl_in(unit, strlen(unit), lengths))
        return 0;
    /* past a conversion: "55 kilometers (34 miles) west of" */
    if (j < n->d.tk.n && n->d.text[n->d.tk.v[j].start] == '(')
        for (size_t k = j + 1; k < n->d.tk.n && k < j + 8; k++)
            if (n->d.text[n->d.tk.v[k].start] == ')') {
                j = k + 1;
                break;
            }
    return j < n->d.tk.n && cl_tok_in(n->d.text, &n->d.tk.v[j], placing);
}

/* A game's tally: runs, innings, outs, laps, points ("Cubs' four runs"). */
static int is_sport_tally(const char *counted)
{
    static const char *const tallies[] = {
        "innings", "inning", "outs", "runs", "run", "points", "yards", "laps", "lap", "goals",
        "touchdowns", "touchdown", "strikeouts", "homers", "rbis", "pitches", "rebounds",
        "assists", "wickets", "overs", "sacks", "interceptions", "completions", "passes",
        "hits", "sets", "games", "seasons", "wins", "victories", "losses", "titles", "series",
        "playoff", "championships", "starts", "saves", "shots", "tackles", "carries",
        "receptions", "attempts", "holes", "birdies", "frames", "rounds", "straight", NULL};
    const char *c = strncmp(counted, "total ", 6) == 0 ? counted + 6 : counted;
    for (const char *w = c; *w;) {
        size_t wl = strcspn(w, " ");
        if (cl_in(w, wl, tallies))
            return 1;
        w += wl;
        while (*w == ' ')
            w++;
    }
    return 0;
}

/* "all but three": the figure is the rest of a total. */
static int all_but(const nscan *n, size_t first, size_t lo)
{
    return first >= lo + 2 && tok_word_is(n, first - 1, "but") && tok_word_is(n, first - 2, "all");
}

/* The total named after a figure: "of the 45 passengers", "of its 12
 * members"; NAN when none. */
static double total_after(const nscan *n, size_t j, size_t hi)
{
    if (!tok_word_is(n, j, "of") || !(j + 1 < hi && tok_is_whole_determiner(n, j + 1)))
        return NAN;
    j += 2;
    if (j < hi && tok_is_possessive(n, j))
        j++;
    parsed t;
    if (j >= hi || !parse_number(n, j, &t) || t.score_n || t.ordinal)
        return NAN;
    return t.value;
}

/* "rose 3 points" in a sentence of percentages: percentage points. */
static int is_points_of_percent(const nscan *n, size_t j, size_t lo, size_t hi)
{
    if (!(tok_word_is(n, j, "points") || tok_word_is(n, j, "point")))
        return 0;
    for (size_t k = lo; k < hi; k++) {
        const px_token *t = &n->d.tk.v[k];
        if ((t->kind == PX_TOK_NUMBER && memchr(n->d.text + t->start, '%', t->end - t->start)) ||
            (t->kind == PX_TOK_PUNCT && n->d.text[t->start] == '%') || tok_word_is(n, k, "percent") ||
            tok_word_is(n, k, "poll") || tok_word_is(n, k, "polls"))
            return 1;
    }
    return 0;
}

static int is_people_noun(const char *w, size_t wl);
static const char *relation_in(const char *c);

/* Does the counted phrase name people, or what befell someone
 * ("passengers", "woman", "casualties", "injured")? */
static int counts_people(const char *counted)
{
    if (!counted)
        return 0;
    if (relation_in(counted))
        return 1;
    for (const char *w = counted; *w;) {
        size_t wl = strcspn(w, " ");
        size_t sing = wl > 3 && w[wl - 1] == 's' ? wl - 1 : wl;
        if (is_people_noun(w, wl) || cl_is_role_noun(w, wl) || cl_is_role_noun(w, sing) ||
            cl_is_group_noun(w, wl) || cl_eq(w, sing, "passenger") || cl_eq(w, sing, "survivor") ||
            cl_eq(w, sing, "female") || cl_eq(w, sing, "male") || cl_eq(w, sing, "child") ||
            cl_eq(w, wl, "children") || cl_eq(w, sing, "casualtie") || cl_eq(w, wl, "casualties"))
            return 1;
        w += wl;
        while (*w == ' ')
            w++;
    }
    return 0;
}

/* Does a clause boundary lie among tokens [a, b)? */
static int crosses_clause(const nscan *n, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (clause_break(n, k) || cl_tok_is(&n->d, k, "who") || cl_tok_is(&n->d, k, "which"))
            return 1;
    return 0;
}

/* "its 17 miles of track", "all 120,000 employees", "the plant's 1,450
 * workers": a figure owned by a named whole is a standing fact of the
 * setting, unless something befalls it ("their two children were
 * killed"). */
static int is_owned(const nscan *n, const parsed *p, size_t lo, size_t hi)
{
    static const char *const owners[] = {"its", "their", "all", "our", NULL};
    size_t f = p->first;
    if (f <= lo || p->age || p->ordinal || p->currency || p->percent)
        return 0;
    if (!(cl_tok_in(n->d.text, &n->d.tk.v[f - 1], owners) || tok_is_possessive(n, f - 1)))
        return 0;
    for (size_t k = p->last + 1; k < hi && k < p->last + 10; k++) {
        if (clause_break(n, k) && k > p->last + 1)
            break;
        if (n->d.tk.v[k].kind == PX_TOK_WORD &&
            relation_of_word(n->d.text + n->d.tk.v[k].start, n->d.tk.v[k].end - n->d.tk.v[k].start))
            return 0;
    }
    return 1;
}

/* A figure in parentheses right after the last one: the same figure in
 * other units ("17 miles (27km)"). */
static int is_conversion(const nscan *n, size_t first)
{
    if (n->out->n <= n->out_start || first == 0 || n->d.text[n->d.tk.v[first - 1].start] != '(')
        return 0;
    size_t open = n->d.tk.v[first - 1].start, prev_end = n->out->v[n->out->n - 1].end;
    return prev_end <= open && open - prev_end <= 1;
}

/* The person nearest the figure in its clause, by the entity tagger: whom
 * an age, a lap or a place belongs to ("Ericsson crashed on lap 13",
 * "Isaiah, 3,"). The sentence is tagged once, only when it holds such a
 * figure. */
#define OWNER_TOKENS 10
static char *owner_of(nscan *n, size_t sent, size_t first, size_t last, size_t lo, size_t hi)
{
    if (n->ner_lo != lo || n->ner_hi != hi) {
        n->ner_lo = lo;
        n->ner_hi = hi;
        n->names.n = 0;
        const px_ner_model *m = px_ner_default(NULL);
        px_tokens view = {.v = n->d.tk.v + lo, .n = hi - lo};
        px_spans one = {.v = n->d.ss.v + sent, .n = 1};
        if (m && hi > lo && px_ner_tag(m, n->d.text, &view, &one, &n->names))
            n->names.n = 0;
    }
    const px_ner_span *best = NULL;
    size_t best_d = OWNER_TOKENS + 1;
    for (size_t k = 0; k < n->names.n; k++) {
        const px_ner_span *sp = &n->names.v[k];
        if (sp->type != PX_NER_PER)
            continue;
        size_t a = lo + sp->first, b = lo + sp->last; /* tokens [a, b) */
        size_t d = b <= first ? first - b : a > last ? a - last : 0;
        if (d >= best_d || (b <= first && crosses_clause(n, b, first)) || (a > last && crosses_clause(n, last + 1, a)))
            continue;
        best = sp;
        best_d = d;
    }
    if (!best)
        return NULL;
    const px_token *t = &n->d.tk.v[lo + best->last - 1]; /* the surname */
    size_t len = cl_strip_possessive(n->d.text + t->start, t->end - t->start);
    return cl_lower(n->d.text + t->start, len);
}

/* The line holding byte off (cached: figures come in text order). */
static int line_is_furniture(nscan *n, size_t off)
{
    if (off >= n->line_lo && off < n->line_hi)
        return n->line_furniture;
    size_t lo = off, hi = off;
    while (lo > 0 && n->d.text[lo - 1] != '\n')
        lo--;
    while (hi < n->d.len && n->d.text[hi] != '\n')
        hi++;
    n->line_lo = lo;
    n->line_hi = hi + 1;
    n->line_furniture = ns_line_is_furniture(n->d.text + lo, hi - lo);
    return n->line_furniture;
}

static px_scope scope_of(nscan *n, size_t sent, size_t lo, size_t hi, size_t off)
{
    if (line_is_furniture(n, off))
        return PX_SCOPE_FURNITURE;
    if (n->scope_sent != sent + 1) {
        n->scope_sent = sent + 1;
        n->sent_background = ns_sentence_is_background(&n->d, lo, hi, &n->date) ||
                             ns_sentence_names_other_event(&n->d, lo, hi, &n->lead);
    }
    return n->sent_background ? PX_SCOPE_BACKGROUND : PX_SCOPE_EVENT;
}

static int emit_number(nscan *n, size_t i, const parsed *p, size_t *next)
{
    size_t sent = cl_sentence_at(&n->d.ss, n->d.tk.v[i].start);
    size_t sent_lo_off = n->d.ss.n ? n->d.ss.v[sent].start : 0;
    size_t sent_hi_off = n->d.ss.n ? n->d.ss.v[sent].end : n->d.len;
    size_t lo = cl_token_at(&n->d.tk, sent_lo_off), hi = cl_token_at(&n->d.tk, sent_hi_off);
    px_number num;
    memset(&num, 0, sizeof num);
    num.scope = scope_of(n, sent, lo, hi, n->d.tk.v[i].start);
    if (num.scope == PX_SCOPE_EVENT && (is_rate(n, p->last + 1, hi) || is_owned(n, p, lo, hi)))
        num.scope = PX_SCOPE_BACKGROUND; /* "27 million passengers a year": the setting */
    if (is_conversion(n, p->first))
        num.scope = n->out->v[n->out->n - 1].scope; /* "17 miles (27km)": as the figure converted */
    if (lo + CONTEXT_TOKENS < p->first)
        lo = p->first - CONTEXT_TOKENS;
    if (hi > p->last + CONTEXT_TOKENS)
        hi = p->last + CONTEXT_TOKENS;
    num.value = p->value;
    num.high = p->range ? p->high : p->value;
    num.vague = p->vague;
    num.kind = PX_NUM_COUNT;
    num.sentence_start = sent_lo_off;
    num.sentence_end = sent_hi_off;
    size_t first = p->first, last = p->last;
    if (first > 0 && n->d.tk.v[first - 1].end == n->d.tk.v[first].start &&
        n->d.text[n->d.tk.v[first - 1].start] == '$')
        first--;
    const char *unit_name = NULL;
    if (p->currency)
        unit_name = p->currency == '$' ? "USD" : p->currency == 'E' ? "EUR" : "GBP", num.kind = PX_NUM_MONEY;
    if (p->percent)
        unit_name = "%", num.kind = PX_NUM_PERCENT;
    if (!unit_name && p->age)
        unit_name = "year", num.kind = PX_NUM_AGE;
    if (!unit_name && p->glued)
        unit_name = p->glued->unit, num.kind = p->glued->kind;
    int series = !p->ordinal && series_word(n, p->first);
    if (p->ordinal || series)
        num.kind = PX_NUM_ORDINAL;
    if (!unit_name && !p->ordinal && is_points_of_percent(n, last + 1, lo, hi)) {
        unit_name = "percentage points", num.kind = PX_NUM_PERCENT;
        last++;
    }
    if (!unit_name || p->currency || p->percent)
        last = range_end(n, p, last, &num);
    const unit *u = NULL;
    size_t ul = 0;
    int hyphened = p->glued != NULL; /* "a 17-minute delay": the unit describes a noun */
    if (!unit_name) {
        size_t j = last + 1;
        /* "1,900-foot", "61-year-old": glued by a hyphen */
        if (j < n->d.tk.n && n->d.text[n->d.tk.v[j].start] == '-' &&
            n->d.tk.v[j].start == n->d.tk.v[last].end)
            j++, hyphened = 1;
        ul = match_unit(n, j, &u);
        if (ul) {
            unit_name = u->unit;
            num.kind = u->kind;
            last = j + ul - 1;
            if (u->kind == PX_NUM_DURATION && tok_word_is(n, last + 1, "old")) {
                num.kind = PX_NUM_AGE;
                last++;
            }
            if (u->kind == PX_NUM_DURATION && last + 2 < n->d.tk.n &&
                n->d.text[n->d.tk.v[last + 1].start] == '-' && tok_word_is(n, last + 2, "old")) {
                num.kind = PX_NUM_AGE;
                last += 2;
            }
        } else if (looks_like_age(n, p)) {
            num.kind = PX_NUM_AGE;
            unit_name = "year";
        }
    }
    size_t q_first = first;
    const qualifier *q = find_qualifier(n, first, &q_first);
    if (q) {
        num.bound = q->bound;
        num.qualifier = px_strdup(q->words);
        if (!num.qualifier)
            return PX_ENOMEM;
        first = q_first;
    } else if (p->plus) {
        num.bound = PX_BOUND_LOWER;
    }
    if (num.high > num.value) {
        num.bound = PX_BOUND_RANGE;
        if (tok_word_is(n, first - 1, "between") && first > 0)
            first--;
    }
    if (num.scope == PX_SCOPE_EVENT && num.kind == PX_NUM_MEASURE && is_location_offset(n, unit_name, last + 1))
        num.scope = PX_SCOPE_BACKGROUND;
    num.update = reports_change(n, first, lo, hi);
    num.part = is_among(n, last + 1, hi);
    num.start = n->d.tk.v[first].start;
    num.end = n->d.tk.v[last].end;
    num.text = px_strndup(n->d.text + num.start, num.end - num.start);
    num.unit = unit_name ? px_strdup(unit_name) : NULL;
    if (all_but(n, first, lo)) {
        double total = total_after(n, last + 1, hi);
        if (!(total > num.value)) {
            number_free(&num);
            *next = p->last + 1;
            return PX_OK; /* "all but three" of no stated total counts nothing */
        }
        num.value = num.high = total - num.value;
        first -= 2;
        num.start = n->d.tk.v[first].start;
        free(num.text);
        num.text = px_strndup(n->d.text + num.start, num.end - num.start);
    }
    if (series) {
        num.counted = cl_lower(n->d.text + n->d.tk.v[p->first - 1].start,
                               n->d.tk.v[p->first - 1].end - n->d.tk.v[p->first - 1].start);
    } else if (p->compound) {
        /* "a two-carriage tram": two carriages, of the tram; the counted is
         * what the compound describes, a game's tally when it counts runs */
        const px_token *t = &n->d.tk.v[p->first];
        size_t rest = t->end - t->start - p->compound;
        size_t tail = strcspn(n->d.text + t->start + p->compound, "-");
        char *what = cl_lower(n->d.text + t->start + p->compound, tail < rest ? tail : rest);
        num.counted = counted_phrase(n, last + 1, first, lo, hi);
        if (what && is_sport_tally(what))
            num.kind = PX_NUM_SPORT;
        if (!num.counted) {
            num.counted = what;
            what = NULL;
        }
        free(what);
    } else if (num.kind == PX_NUM_COUNT || num.kind == PX_NUM_MONEY || num.kind == PX_NUM_PERCENT ||
               num.kind == PX_NUM_MEASURE || num.kind == PX_NUM_ORDINAL || (num.kind == PX_NUM_AGE && p->age) ||
               (num.kind == PX_NUM_DURATION && hyphened))
        num.counted = counted_phrase(n, last + 1, first, lo, hi);
    if (!num.counted && num.kind == PX_NUM_AGE && looks_like_age(n, p))
        num.counted = cl_lower(n->d.text + n->d.tk.v[p->first - 2].start,
                               n->d.tk.v[p->first - 2].end - n->d.tk.v[p->first - 2].start);
    if (!num.counted && num.kind == PX_NUM_COUNT && first > lo && n->d.tk.v[first - 1].kind == PX_TOK_WORD) {
        /* "killing 84", "wounding 158": the people the verb befell */
        const char *o = outcome_of(n->d.text + n->d.tk.v[first - 1].start,
                                   n->d.tk.v[first - 1].end - n->d.tk.v[first - 1].start);
        num.counted = o ? px_strdup(o) : NULL;
    }
    if (num.counted && is_partitive_whole(n, first, lo)) {
        /* the whole is another quantity than the part it was named with */
        px_buf b = {0};
        int bad = px_buf_printf(&b, "total %s", num.counted);
        free(num.counted);
        num.counted = bad ? NULL : px_buf_steal(&b);
        if (bad) {
            px_buf_free(&b);
            number_free(&num);
            return PX_ENOMEM;
        }
    }
    if (!num.counted && (num.kind == PX_NUM_PERCENT || num.kind == PX_NUM_MONEY || num.update ||
                         num.kind == PX_NUM_COUNT))
        num.counted = counted_before(n, first, lo, num.kind == PX_NUM_COUNT);
    if (num.kind == PX_NUM_COUNT && num.counted && is_sport_tally(num.counted))
        num.kind = PX_NUM_SPORT;
    if (p->person_only && !counts_people(num.counted)) {
        /* "no evidence", "the only way": no figure */
        number_free(&num);
        *next = p->last + 1;
        return PX_OK;
    }
    if (num.kind == PX_NUM_AGE || (num.kind == PX_NUM_ORDINAL && !p->placed) || num.kind == PX_NUM_SPORT ||
        (num.kind == PX_NUM_MEASURE && !num.counted) || (num.kind == PX_NUM_DURATION && num.counted))
        num.owner = owner_of(n, sent, first, last, lo, hi);
    /* a bare figure ("rose to 85", "five of whom") is kept as read but
     * names no quantity, so it is never compared: no authority needed */
    if (num.counted || num.kind != PX_NUM_COUNT)
        num.attribution = attribution_of(n, lo, hi, p->first);
    if (!num.text || (unit_name && !num.unit)) {
        number_free(&num);
        return PX_ENOMEM;
    }
    if (CL_GROW(n->out->v, n->out->cap, n->out->n)) {
        number_free(&num);
        return PX_ENOMEM;
    }
    n->out->v[n->out->n++] = num;
    *next = last + 1;
    return PX_OK;
}

/* ---- public API --------------------------------------------------------------------- */

const char *px_number_kind_name(px_number_kind k)
{
    static const char *const names[] = {"count", "money", "percent", "age", "duration", "measure",
                                        "sport", "score", "ordinal"};
    return (unsigned)k < 9 ? names[k] : "count";
}

/* The quantity a unit of measure measures. */
static const char *measured_by(const char *unit)
{
    static const struct { const char *unit, *quantity; } q[] = {
        {"mph", "speed"}, {"km/h", "speed"}, {"km", "distance"}, {"mile", "distance"},
        {"m", "distance"}, {"ft", "distance"}, {"in", "distance"}, {"cm", "distance"},
        {"au", "distance"}, {"ly", "distance"}, {"kg", "weight"}, {"lb", "weight"},
        {"t", "weight"}, {"acre", "area"}, {"ha", "area"}, {"sq mi", "area"}, {"sq ft", "area"},
        {"gal", "volume"}, {"l", "volume"}, {"bbl", "volume"}, {"MW", "power"},
        {"TB", "data"}, {"GB", "data"}, {"deg", "degrees"}, {NULL, NULL}};
    for (size_t i = 0; unit && q[i].unit; i++)
        if (strcmp(q[i].unit, unit) == 0)
            return q[i].quantity;
    return NULL;
}

const char *px_number_group_label(const px_number_group *g, char *buf, size_t n)
{
    if (g->counted)
        return g->counted;
    const char *what = g->kind == PX_NUM_MEASURE ? measured_by(g->unit) : NULL;
    if (!what)
        what = px_number_kind_name(g->kind);
    if (!g->unit)
        return what;
    snprintf(buf, n, "%s in %s", what, g->unit);
    return buf;
}

const char *px_bound_name(px_bound b)
{
    static const char *const names[] = {"exact", "about", "lower", "upper", "range"};
    return (unsigned)b < 5 ? names[b] : "exact";
}

const char *px_scope_name(px_scope s)
{
    static const char *const names[] = {"event", "background", "furniture"};
    return (unsigned)s < 3 ? names[s] : "event";
}

const char *px_quantity_status_name(px_quantity_status s)
{
    static const char *const names[] = {"agree", "conflict", "evolving"};
    return (unsigned)s < 3 ? names[s] : "agree";
}

void px_number_list_init(px_number_list *l) { memset(l, 0, sizeof *l); }

void px_number_list_clear(px_number_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        number_free(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* A score or record: one claim per figure, its own kind, compared with
 * nothing (which side is which is not read). */
static int emit_score(nscan *n, size_t i, const parsed *p)
{
    const px_token *t = &n->d.tk.v[i];
    size_t sent = cl_sentence_at(&n->d.ss, t->start);
    size_t lo_off = n->d.ss.n ? n->d.ss.v[sent].start : 0;
    size_t hi_off = n->d.ss.n ? n->d.ss.v[sent].end : n->d.len;
    px_scope scope = scope_of(n, sent, cl_token_at(&n->d.tk, lo_off), cl_token_at(&n->d.tk, hi_off), t->start);
    for (int k = 0; k < p->score_n; k++) {
        if (CL_GROW(n->out->v, n->out->cap, n->out->n))
            return PX_ENOMEM;
        px_number *x = &n->out->v[n->out->n];
        memset(x, 0, sizeof *x);
        x->kind = PX_NUM_SCORE;
        x->start = t->start + p->score_at[k];
        x->end = x->start + p->score_len[k];
        x->text = px_strndup(n->d.text + x->start, x->end - x->start);
        x->value = x->high = p->score_v[k];
        x->scope = scope;
        x->sentence_start = lo_off;
        x->sentence_end = hi_off;
        if (!x->text)
            return PX_ENOMEM;
        n->out->n++;
    }
    return PX_OK;
}

int px_numbers_extract(const px_article *a, px_number_list *out)
{
    return px_numbers_extract_doc(a, NULL, out);
}

/* Articles in a language with a data/claims table: its separators, words
 * and units (numbers_lang.c); English stays below. */
static int numbers_in_language(const cl_lang *lang, const px_article *a, const px_doc *doc, px_number_list *out)
{
    cl_doc d;
    int rc = cl_lang_doc_init(&d, a->body, doc, lang->code);
    if (!rc)
        rc = px_numbers_extract_lang(lang, &d, out);
    cl_doc_free(&d);
    return rc;
}

int px_numbers_extract_doc(const px_article *a, const px_doc *doc, px_number_list *out)
{
    if (!a || !out)
        return PX_EUSAGE;
    if (!a->body)
        return PX_OK;
    const cl_lang *lang = cl_lang_get(a->language);
    if (lang)
        return numbers_in_language(lang, a, doc, out);
    say_cache says[2] = {{0}};
    nscan n = {.out = out, .out_start = out->n, .says = says};
    ns_date_init(&n.date, a->date);
    if (cl_doc_init(&n.d, a->body, doc))
        return PX_ENOMEM;
    ns_lead_init(&n.lead, a->title, &n.d);
    int rc = PX_OK;
    for (size_t i = 0; i < n.d.tk.n && !rc;) {
        parsed p;
        size_t next = i + 1;
        if (!parse_number(&n, i, &p))
            ;
        else if (p.score_n)
            rc = emit_score(&n, i, &p);
        else if (looks_like_age(&n, &p) || !not_a_claim(&n, &p))
            rc = emit_number(&n, i, &p, &next);
        i = next > i ? next : i + 1;
    }
    cl_doc_free(&n.d);
    px_ner_spans_free(&n.names);
    free(says[0].flag);
    free(says[1].flag);
    return rc;
}

/* ---- grouping across articles ---------------------------------------------------------- */

/* Nouns for people at large: "18,000 people" and "11,000 Palestinians"
 * killed are one toll; a subset ("10 children") is another quantity. */
static int is_people_noun(const char *w, size_t wl)
{
    static const char *const people[] = {"people", "persons", "person", "individuals", "victims",
                                         "civilians", "dead", "residents", "lives", NULL};
    if (cl_in(w, wl, people))
        return 1;
    /* demonyms: palestinians, israelis, americans, britons, chinese */
    static const char *const endings[] = {"ians", "ans", "is", "ese", "ons", NULL};
    for (size_t k = 0; endings[k]; k++) {
        size_t el = strlen(endings[k]);
        if (wl > el + 3 && strncmp(w + wl - el, endings[k], el) == 0 && strncmp(w, "us", 2) != 0)
            return 1;
    }
    return 0;
}

/* The head noun of the counted phrase: its first plural ("government
 * officials" -> official), else its last word before a participle, the
 * words saying what happened left out. */
static void head_of(const char *c, const char **head, size_t *head_len)
{
    const char *last = NULL;
    size_t last_len = 0;
    *head = NULL;
    *head_len = 0;
    for (const char *w = c; *w;) {
        size_t wl = strcspn(w, " ");
        int participle = wl > 4 && (strncmp(w + wl - 2, "ed", 2) == 0 || strncmp(w + wl - 3, "ing", 3) == 0);
        if ((participle || relation_of_word(w, wl)) && last)
            break;
        int plural = wl > 3 && w[wl - 1] == 's' && !strchr("sui", w[wl - 2]);
        if (plural && !relation_of_word(w, wl)) {
            *head = w, *head_len = wl;
            return;
        }
        if (!relation_of_word(w, wl))
            last = w, last_len = wl;
        w += wl;
        while (*w == ' ')
            w++;
    }
    *head = last ? last : "";
    *head_len = last ? last_len : 0;
}

static const char *relation_in(const char *c)
{
    for (const char *w = c; *w;) {
        size_t wl = strcspn(w, " ");
        const char *r = relation_of_word(w, wl);
        if (r)
            return r;
        w += wl;
        while (*w == ' ')
            w++;
    }
    return NULL;
}

/* The quantity a claim measures: kind, unit, head noun and what is said of
 * it ("count||people|killed", "count||child|killed", "total count||worker|"). */
/* The head a key gives a money, percent or duration figure that names
 * nothing ("fell 3% to $191"): such figures are one quantity only where
 * their sentences are aligned (UNNAMED_ALIGNED). */
#define UNNAMED_HEAD "~"
#define UNNAMED_ALIGNED 0.5
/* An article's first so many such figures are compared: more are a table. */
#define UNNAMED_PER_ARTICLE 64

static int compared_unnamed(const px_number *x)
{
    return !x->counted && (x->kind == PX_NUM_MONEY || x->kind == PX_NUM_PERCENT || x->kind == PX_NUM_DURATION);
}

static void group_key(const px_number *x, px_buf *b)
{
    const char *c = x->counted ? x->counted : "";
    int total = strncmp(c, "total ", 6) == 0;
    if (total)
        c += 6;
    const char *relation = relation_in(c);
    const char *head;
    size_t head_len;
    head_of(c, &head, &head_len);
    if (relation && (!head_len || (is_people_noun(head, head_len) && !x->part)))
        head = "people", head_len = 6;
    if (!head_len && compared_unnamed(x))
        head = UNNAMED_HEAD, head_len = strlen(UNNAMED_HEAD);
    if (head_len > 3 && head[head_len - 1] == 's' && strncmp(head, "people", 6) != 0)
        head_len--;
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    px_buf_printf(b, "%s%s|%s|%.*s|%s", total ? "total " : "", px_number_kind_name(x->kind),
                  x->unit ? x->unit : "", (int)head_len, head, relation ? relation : "");
}

/* Written precision: 18,000 -> 1000, 1.4 million -> 100000, 17 -> 1. */
static double rounding_of(const px_number *x)
{
    if (x->vague)
        return x->value;
    double v = fabs(x->value);
    if (v < 1)
        return 0.01;
    double step = 1;
    while (step * 10 <= v && fmod(v, step * 10) == 0)
        step *= 10;
    return step;
}

/* The values a claim allows, from its bound. */
static void claim_interval(const px_number *x, double *lo, double *hi)
{
    *lo = x->value;
    *hi = x->bound == PX_BOUND_RANGE ? x->high : x->value;
    if (x->bound == PX_BOUND_LOWER)
        *hi = INFINITY;
    if (x->bound == PX_BOUND_UPPER)
        *lo = -INFINITY;
}

static int values_conflict(const px_number *a, const px_number *b)
{
    if (a->vague || b->vague)
        return 0;
    double tol = fmax(rounding_of(a), rounding_of(b)) / 2;
    if (a->bound == PX_BOUND_ABOUT || b->bound == PX_BOUND_ABOUT)
        tol = fmax(tol, 0.1 * fmax(fabs(a->value), fabs(b->value)));
    double lo_a, hi_a, lo_b, hi_b;
    claim_interval(a, &lo_a, &hi_a);
    claim_interval(b, &lo_b, &hi_b);
    /* two lower bounds far apart still disagree about the toll */
    if (a->bound == PX_BOUND_LOWER && b->bound == PX_BOUND_LOWER)
        return fabs(a->value - b->value) > tol;
    return lo_a > hi_b + tol || lo_b > hi_a + tol ||
           (a->bound == b->bound && a->bound != PX_BOUND_RANGE && fabs(a->value - b->value) > tol);
}

static void group_free(px_number_group *g)
{
    free(g->key);
    free(g->unit);
    free(g->counted);
    free(g->evidence);
    free(g->members);
}

void px_number_groups_clear(px_number_groups *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++)
        group_free(&g->v[i]);
    free(g->v);
    memset(g, 0, sizeof *g);
}

/* Disagreements first, surest first; then agreements by outlets. */
static int by_conflict(const void *x, const void *y)
{
    const px_number_group *a = x, *b = y;
    int da = a->status != PX_QTY_AGREE, db = b->status != PX_QTY_AGREE;
    if (da != db)
        return db - da;
    if (a->confidence != b->confidence)
        return a->confidence < b->confidence ? 1 : -1;
    if (a->n_articles != b->n_articles)
        return a->n_articles < b->n_articles ? 1 : -1;
    return strcmp(a->key, b->key);
}

static const px_number *member(const px_number_list *const *lists, px_ref r)
{
    return &lists[r.article]->v[r.item];
}

/* Members are in article order, so distinct articles are runs. */
static size_t distinct_articles(const px_number_list *const *lists, const px_number_group *g,
                                int skip_vague)
{
    size_t n = 0, last = (size_t)-1;
    for (size_t i = 0; i < g->n_members; i++) {
        if (skip_vague && member(lists, g->members[i])->vague)
            continue;
        n += g->members[i].article != last;
        last = g->members[i].article;
    }
    return n;
}

/* ---- agree, conflict or evolving, and how sure --------------------------------------- */

/* Seconds since the epoch of an article's date; *timed when it has a
 * time of day. */
static int article_time(const px_article *a, double *t, int *timed)
{
    long days;
    if (!a || !a->date || px_date_days(a->date, &days) != PX_OK)
        return 0;
    *t = days * 86400.0;
    *timed = strlen(a->date) >= 19 && a->date[10] == 'T';
    if (*timed)
        *t += atoi(a->date + 11) * 3600.0 + atoi(a->date + 14) * 60.0 + atoi(a->date + 17);
    return 1;
}

/* Is "b is a later state than a" borne out: b's article is later (by a
 * day, or by its time of day when both have one), or b's sentence says
 * the figure rose? 1 yes, 0 no, -1 undecided: the same day, one of them
 * without a time of day. */
static int later_state(const px_article *aa, const px_number *a, const px_article *ab,
                       const px_number *b)
{
    if (b->update && !a->update)
        return 1;
    double ta, tb;
    int timed_a, timed_b;
    if (!article_time(aa, &ta, &timed_a) || !article_time(ab, &tb, &timed_b))
        return 0;
    if (timed_a && timed_b)
        return tb - ta >= 3600;
    if (tb - ta >= 86400)
        return 1;
    return floor(ta / 86400) == floor(tb / 86400) ? -1 : 0;
}

/* Content words of a sentence, lower case, for comparing two reports. */
#define SIM_WORDS 48
typedef struct word_set {
    const char *w[SIM_WORDS];
    size_t len[SIM_WORDS];
    size_t n;
} word_set;

static int word_set_has(const word_set *ws, const char *w, size_t len)
{
    for (size_t k = 0; k < ws->n; k++)
        if (ws->len[k] == len && strncasecmp(ws->w[k], w, len) == 0)
            return 1;
    return 0;
}

/* Distinct words: a word repeated in one sentence is shared once. */
static void sentence_words(const char *s, size_t len, word_set *ws)
{
    ws->n = 0;
    for (size_t i = 0; i < len && ws->n < SIM_WORDS;) {
        if (!isalpha((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && isalpha((unsigned char)s[j]))
            j++;
        if (j - i >= 4 && !px_is_stopword("en", s + i, j - i) && !spelled_value(s + i, j - i) &&
            !cl_is_say_verb(s + i, j - i) && !word_set_has(ws, s + i, j - i)) {
            ws->w[ws->n] = s + i;
            ws->len[ws->n++] = j - i;
        }
        i = j;
    }
}

/* Share of the shorter sentence's content words the other also uses. */
static double set_similarity(const word_set *wa, const word_set *wb)
{
    if (!wa->n || !wb->n)
        return 0;
    size_t shared = 0;
    for (size_t i = 0; i < wa->n; i++)
        shared += word_set_has(wb, wa->w[i], wa->len[i]);
    return (double)shared / (double)(wa->n < wb->n ? wa->n : wb->n);
}

static double sentence_similarity(const char *a, size_t al, const char *b, size_t bl)
{
    word_set wa, wb;
    sentence_words(a, al, &wa);
    sentence_words(b, bl, &wb);
    return set_similarity(&wa, &wb);
}

/* The words of a claim's sentence (none without its article). */
static void claim_words(const px_article *const *articles, px_ref r, const px_number *x, word_set *ws)
{
    const px_article *a = articles ? articles[r.article] : NULL;
    ws->n = 0;
    if (a && a->body)
        sentence_words(a->body + x->sentence_start, x->sentence_end - x->sentence_start, ws);
}

/* How surely two claims of different outlets report one quantity, from 0
 * to 1 (the learned model, compare/quantity_model.h), with the reasons. */
typedef struct pair_evidence {
    double score, similarity;
    int related, attributed, close, lead, sport, generic, toll, named;
    double x[PX_QTY_FEATURES];
} pair_evidence;

/* The opening of an article (its first 600 bytes) states its main figures. */
#define LEAD_BYTES 600

/* What the key says is said of the counted ("killed"), or "" . */
static void key_relation(const char *key, const char **rel, size_t *len)
{
    const char *bar = strrchr(key, '|');
    *rel = bar ? bar + 1 : "";
    *len = strcspn(*rel, "#");
}

/* A toll: people killed or injured, the figure every report of a deadly
 * event gives and the one most often revised; two tolls qualified alike
 * ("more than 18,000", "more than 11,000") are two states of one running
 * count. */
static int is_toll(const char *key)
{
    const char *rel;
    size_t rel_len;
    key_relation(key, &rel, &rel_len);
    if (!(cl_eq(rel, rel_len, "killed") || cl_eq(rel, rel_len, "injured")))
        return 0;
    const char *end = rel - 1, *start = end;
    while (start > key && start[-1] != '|')
        start--;
    return cl_eq(start, (size_t)(end - start), "people");
}

/* A head noun that alone tells nothing of what is counted. */
static int generic_head(const char *key)
{
    static const char *const generic[] = {"people", "person", "thing", "time", "way", "side",
                                          "other", "more", "member", "", NULL};
    const char *end = strrchr(key, '|');
    const char *start = end;
    while (start > key && start[-1] != '|')
        start--;
    return end && cl_in(start, (size_t)(end - start), generic);
}

/* Do the two counted phrases share a content word other than the key's
 * head noun? */
static int named_alike(const px_number *a, const px_number *b, const char *key)
{
    if (!a->counted || !b->counted)
        return 0;
    const char *bar = strrchr(key, '|'), *head = bar;
    while (head && head > key && head[-1] != '|')
        head--;
    size_t head_len = bar ? (size_t)(bar - head) : 0;
    word_set wa, wb;
    sentence_words(a->counted, strlen(a->counted), &wa);
    sentence_words(b->counted, strlen(b->counted), &wb);
    for (size_t i = 0; i < wa.n; i++)
        if (!(head_len && wa.len[i] >= head_len && strncasecmp(wa.w[i], head, head_len) == 0) &&
            word_set_has(&wb, wa.w[i], wa.len[i]))
            return 1;
    return 0;
}

static int same_figure(const px_number *a, const px_number *b);

static void pair_features(const px_number *a, const px_number *b, const pair_evidence *ev,
                          size_t rel_len, double *x)
{
    double lo = fmin(fabs(a->value), fabs(b->value)), hi = fmax(fabs(a->value), fabs(b->value));
    x[PX_QTY_FEAT_SIMILARITY] = ev->similarity;
    x[PX_QTY_FEAT_OUTCOME] = rel_len > 0;
    x[PX_QTY_FEAT_NAMED] = ev->named;
    x[PX_QTY_FEAT_MEASURED] = ev->related && !rel_len && !ev->named;
    x[PX_QTY_FEAT_ATTRIBUTED] = ev->attributed;
    x[PX_QTY_FEAT_SAME_SOURCE] = ev->attributed && strcasecmp(a->attribution, b->attribution) == 0;
    x[PX_QTY_FEAT_CLOSE] = ev->close;
    x[PX_QTY_FEAT_LOG_RATIO] = fmin(5, log((hi + 1) / (lo + 1)));
    x[PX_QTY_FEAT_LEAD] = ev->lead;
    x[PX_QTY_FEAT_TOLL] = ev->toll;
    x[PX_QTY_FEAT_SPORT] = ev->sport;
    x[PX_QTY_FEAT_GENERIC] = ev->generic && !rel_len;
    x[PX_QTY_FEAT_SAME_BOUND] = a->bound == b->bound;
    x[PX_QTY_FEAT_VAGUE] = a->vague || b->vague;
    x[PX_QTY_FEAT_SAME_COUNTED] = a->counted && b->counted && strcmp(a->counted, b->counted) == 0;
    x[PX_QTY_FEAT_UNNAMED] = compared_unnamed(a) || compared_unnamed(b);
    x[PX_QTY_FEAT_SAME_FIGURE] = same_figure(a, b);
}

static void pair_score(const px_article *aa, const px_number *a, const px_article *ab,
                       const px_number *b, const char *key, int conflict, pair_evidence *ev)
{
    memset(ev, 0, sizeof *ev);
    if (aa && ab && aa->body && ab->body)
        ev->similarity = sentence_similarity(aa->body + a->sentence_start, a->sentence_end - a->sentence_start,
                                             ab->body + b->sentence_start, b->sentence_end - b->sentence_start);
    const char *rel;
    size_t rel_len;
    key_relation(key, &rel, &rel_len);
    ev->generic = generic_head(key);
    /* what is said of the counted, the unit naming what is measured
     * (speed in mph, weight in tons), or the counted named alike beyond
     * its head noun ("five fire rescue units", "four rescue units") */
    ev->named = named_alike(a, b, key);
    ev->related = rel_len > 0 || a->kind == PX_NUM_MEASURE ||
                  (a->unit && !ev->generic && a->counted && b->counted) || ev->named;
    if (a->kind == PX_NUM_MEASURE || a->kind == PX_NUM_AGE)
        ev->generic = 0;
    ev->attributed = a->attribution && b->attribution;
    double lo = fmin(fabs(a->value), fabs(b->value)), hi = fmax(fabs(a->value), fabs(b->value));
    ev->close = hi <= 2 * lo;
    ev->lead = a->sentence_start < LEAD_BYTES && b->sentence_start < LEAD_BYTES;
    ev->sport = a->kind == PX_NUM_SPORT;
    ev->toll = is_toll(key) && a->bound == b->bound && a->bound != PX_BOUND_EXACT;
    pair_features(a, b, ev, rel_len, ev->x);
    const px_quantity_model *m = px_quantity_model_default();
    ev->score = m ? px_quantity_model_probability(m, conflict ? PX_QTY_PAIR_DIFFERENT : PX_QTY_PAIR_SAME, ev->x)
                  : 0;
}

static char *evidence_text(const pair_evidence *ev, const char *key, size_t n_articles)
{
    px_buf b = {0};
    const char *rel;
    size_t rel_len;
    key_relation(key, &rel, &rel_len);
    px_buf_printf(&b, "%zu articles", n_articles);
    if (rel_len)
        px_buf_printf(&b, "; same outcome (%.*s)", (int)rel_len, rel);
    else if (ev->named)
        px_buf_puts(&b, "; the thing counted named alike");
    else if (ev->related)
        px_buf_puts(&b, "; same unit and thing measured");
    px_buf_printf(&b, "; sentences alike %.2f", ev->similarity);
    if (ev->attributed)
        px_buf_puts(&b, "; attributed on both sides");
    if (ev->close)
        px_buf_puts(&b, "; figures within a factor of 2");
    if (ev->lead)
        px_buf_puts(&b, "; both in the opening");
    if (ev->toll)
        px_buf_puts(&b, "; a toll qualified alike");
    if (ev->generic && !rel_len)
        px_buf_puts(&b, "; a vague noun");
    if (ev->sport)
        px_buf_puts(&b, "; a game's tally");
    return px_buf_steal(&b);
}

/* At most this many pairs of claims are weighed per quantity: enough for
 * any story, and linear in its claims. */
#define MAX_PAIRS 4096
/* ... and at most this many compared sentence by sentence. */
#define MAX_SCORED_PAIRS 128

static int same_outlet(const px_article *a, const px_article *b)
{
    return a == b || (a && b && a->source && b->source && strcmp(a->source, b->source) == 0);
}

/* Two figures that are one: equal within their written rounding. */
static int same_figure(const px_number *a, const px_number *b)
{
    double tol = fmax(rounding_of(a), rounding_of(b)) / 2;
    if (a->bound == PX_BOUND_ABOUT || b->bound == PX_BOUND_ABOUT)
        tol = fmax(tol, 0.1 * fmax(fabs(a->value), fabs(b->value)));
    return fabs(a->value - b->value) <= tol &&
           (a->bound == PX_BOUND_RANGE) == (b->bound == PX_BOUND_RANGE);
}

/* At most one disagreeing pair of reports in this many may go against
 * the rise of an evolving figure (the higher figure not later). */
#define EVOLVING_AGAINST 4

/* One pair of claims of a quantity weighed against each other: of
 * different articles, and of different outlets unless the later article
 * carries the figure on. */
typedef struct claim_pair {
    px_ref ri, rj;
    const px_number *a, *b;
    const px_article *aa, *ab;
    int conflict, later;
    int undecided; /* which came first is not known: neither for nor against a rise */
} claim_pair;

typedef int (*claim_pair_fn)(const claim_pair *p, void *ud);

static int each_pair(const px_article *const *articles, const px_number_list *const *lists,
                     const px_number_group *g, claim_pair_fn fn, void *ud)
{
    const char *rel;
    size_t rel_len;
    key_relation(g->key, &rel, &rel_len);
    int grows = rel_len > 0;
    size_t pairs = 0;
    for (size_t i = 0; i < g->n_members && pairs < MAX_PAIRS; i++)
        for (size_t j = i + 1; j < g->n_members && pairs < MAX_PAIRS; j++) {
            claim_pair p = {.ri = g->members[i], .rj = g->members[j]};
            if (p.ri.article == p.rj.article)
                continue;
            p.a = member(lists, p.ri);
            p.b = member(lists, p.rj);
            p.aa = articles ? articles[p.ri.article] : NULL;
            p.ab = articles ? articles[p.rj.article] : NULL;
            p.conflict = values_conflict(p.a, p.b);
            const px_number *lo_x = p.a->value < p.b->value ? p.a : p.b, *hi_x = lo_x == p.a ? p.b : p.a;
            const px_article *lo_a = lo_x == p.a ? p.aa : p.ab, *hi_a = lo_x == p.a ? p.ab : p.aa;
            int state = p.conflict && (grows || hi_x->update) ? later_state(lo_a, lo_x, hi_a, hi_x) : 0;
            p.later = state == 1;
            p.undecided = state < 0;
            /* an outlet neither agrees nor conflicts with itself, but its
             * later article may carry the figure on ("about 100 injured",
             * then "around 202") */
            if (articles && same_outlet(p.aa, p.ab) && !p.later)
                continue;
            pairs++;
            int rc = fn(&p, ud);
            if (rc)
                return rc;
        }
    return PX_OK;
}

typedef struct verdict {
    const char *key;
    pair_evidence best, best_agree;
    int any_conflict;
    size_t rises, falls, scored;
} verdict;

static int weigh_pair(const claim_pair *p, void *ud)
{
    verdict *v = ud;
    if (!p->conflict && (p->a->vague || p->b->vague))
        return 0;
    pair_evidence ev;
    if (v->scored++ < MAX_SCORED_PAIRS)
        pair_score(p->aa, p->a, p->ab, p->b, v->key, p->conflict, &ev);
    else
        ev.score = -1;
    if (p->conflict) {
        v->any_conflict = 1;
        /* counts that grow with time (a toll, the injured) evolve; a
         * truck's weight does not, unless a report says it was revised;
         * a fall, or two figures at the same time, goes against */
        v->rises += p->later;
        v->falls += !p->later && !p->undecided;
        if (ev.score > v->best.score)
            v->best = ev;
    } else if (same_figure(p->a, p->b) && ev.score > v->best_agree.score) {
        v->best_agree = ev; /* "at least two" and "four" do not conflict, nor agree */
    }
    return 0;
}

static int judge_group(const px_article *const *articles, const px_number_list *const *lists,
                       px_number_group *g)
{
    verdict v = {.key = g->key, .best = {.score = -1}, .best_agree = {.score = -1}};
    each_pair(articles, lists, g, weigh_pair, &v);
    g->conflict = v.any_conflict;
    if (!v.any_conflict) {
        g->status = PX_QTY_AGREE;
        g->confidence = fmax(0, v.best_agree.score);
        /* a shared age, or a lone "one" with nothing said of it, is no finding */
        if (g->kind == PX_NUM_AGE || (g->max <= 1 && !v.best_agree.related))
            g->confidence = fmin(g->confidence, 0.3);
        g->evidence = evidence_text(&v.best_agree, g->key, g->n_articles);
        return g->evidence ? PX_OK : PX_ENOMEM;
    }
    /* evolving when the later reports carry the higher figures, a stray
     * report aside (one outlet ahead of the others, or behind) */
    g->status = v.rises && v.falls * EVOLVING_AGAINST <= v.rises ? PX_QTY_EVOLVING : PX_QTY_CONFLICT;
    g->confidence = fmax(0, v.best.score);
    g->evidence = evidence_text(&v.best, g->key, g->n_articles);
    return g->evidence ? PX_OK : PX_ENOMEM;
}

typedef struct pair_sink {
    size_t group;
    const char *key;
    px_number_pair_fn fn;
    void *ud;
} pair_sink;

static int report_pair(const claim_pair *p, void *ud)
{
    pair_sink *s = ud;
    pair_evidence ev;
    pair_score(p->aa, p->a, p->ab, p->b, s->key, p->conflict, &ev);
    return s->fn(s->ud, s->group, p->ri, p->rj, p->conflict, ev.x, ev.score);
}

int px_numbers_each_pair(const px_article *const *articles, const px_number_list *const *lists,
                         const px_number_groups *groups, px_number_pair_fn fn, void *ud)
{
    for (size_t g = 0; g < groups->n; g++) {
        pair_sink s = {g, groups->v[g].key, fn, ud};
        int rc = each_pair(articles, lists, &groups->v[g], report_pair, &s);
        if (rc)
            return rc;
    }
    return PX_OK;
}

/* How many bytes of the counted phrase c, whole words, the text at p
 * writes alike but for case ("U.S. citizens" of "u.s. citizens killed"). */
static size_t written_alike(const char *p, const char *c)
{
    size_t i = 0, words = 0;
    for (; c[i] && p[i] && tolower((unsigned char)p[i]) == c[i]; i++)
        if (c[i] == ' ')
            words = i;
    return !c[i] && !isalnum((unsigned char)p[i]) ? i : words;
}

/* The counted phrase in the case a member's text writes it right after
 * its figure ("10 U.S. citizens", "two-time NFL coach"; the claims keep it
 * in lower case to compare it). Left as it is when no member writes it
 * there. */
static void counted_as_written(const px_article *const *articles, const px_number_list *const *lists,
                               px_number_group *g)
{
    for (size_t i = 0; i < g->n_members; i++) {
        const px_number *x = member(lists, g->members[i]);
        const char *body = articles[g->members[i].article]->body;
        if (!x->counted || strcmp(x->counted, g->counted) != 0 || !body || !body[x->end])
            continue; /* x->end lies in body: a figure's offsets are the body's */
        const char *p = body + x->end + (body[x->end] == ' ' || body[x->end] == '-');
        size_t n = written_alike(p, g->counted);
        if (n) {
            memcpy(g->counted, p, n);
            return;
        }
    }
}

static int finish_group(const px_article *const *articles, const px_number_list *const *lists,
                        px_number_group *g)
{
    g->n_articles = distinct_articles(lists, g, 0);
    g->min = INFINITY;
    g->max = -INFINITY;
    for (size_t i = 0; i < g->n_members; i++) {
        const px_number *x = member(lists, g->members[i]);
        g->min = fmin(g->min, x->value);
        g->max = fmax(g->max, x->value);
    }
    /* counted: the most common phrase */
    size_t best = 0, best_n = 0;
    for (size_t i = 0; i < g->n_members && i < 64; i++) {
        const char *c = member(lists, g->members[i])->counted;
        size_t cnt = 0;
        for (size_t j = 0; j < g->n_members && c; j++) {
            const char *d = member(lists, g->members[j])->counted;
            cnt += d && strcmp(c, d) == 0;
        }
        if (cnt > best_n)
            best = i, best_n = cnt;
    }
    const char *c = member(lists, g->members[best])->counted;
    if (c && !(g->counted = px_strdup(c)))
        return PX_ENOMEM;
    int rc = g->n_articles < 2 ? PX_OK : judge_group(articles, lists, g);
    if (!rc && g->counted)
        counted_as_written(articles, lists, g);
    return rc;
}

double px_numbers_shown_from(px_quantity_status s)
{
    const px_quantity_model *m = px_quantity_model_default();
    if (!m)
        return 1;
    return m->shown_from[s == PX_QTY_AGREE ? PX_QTY_PAIR_SAME : PX_QTY_PAIR_DIFFERENT];
}

int px_number_group_shown(const px_number_group *g)
{
    return g->n_articles >= 2 && g->confidence >= px_numbers_shown_from(g->status);
}

/* Claims that share a key may still count different things: "killing 1,200
 * people" on Oct. 7 and "more than 18,000 people have been killed" since.
 * One article does not disagree with itself, so two conflicting values in
 * the same article are two quantities. Each claim joins the quantity whose
 * first value is nearest on a log scale, among those holding no conflicting
 * claim of its own article and lying within a factor of four: reports of
 * one quantity differ by their date and source, not by orders of magnitude
 * ("11 passengers" on the bus and "1.4 million passengers" a year are two
 * quantities, 12 and 20 dead are one). */
#define SAME_QUANTITY_LOG_RATIO 1.3862943611198906 /* log(4) */
typedef struct quantity {
    px_ref *members;
    size_t n, cap;
    double anchor;
    word_set *words; /* of the first member's sentence, when it names nothing */
} quantity;

/* A figure naming nothing is weighed against at most this many
 * quantities' sentences: linear in the claims of a large story. */
#define UNNAMED_TRIES 16

/* Attributes of two different persons are two quantities ("lap 13" of
 * one driver's crash, "lap 20" of another's). */
static int other_owner(const px_number *a, const px_number *b)
{
    return a->owner && b->owner && strcmp(a->owner, b->owner) != 0;
}

static int quantity_allows(const px_number_list *const *lists, const quantity *q, px_ref r,
                           const word_set *words)
{
    const px_number *x = member(lists, r);
    if (compared_unnamed(x) && (!q->words || set_similarity(q->words, words) < UNNAMED_ALIGNED))
        return 0;
    /* members come in article order: those of r's article are the last;
     * a figure without an owner need look no further back */
    for (size_t i = q->n; i-- > 0;) {
        const px_number *y = member(lists, q->members[i]);
        if (!x->owner && q->members[i].article != r.article)
            break;
        if ((q->members[i].article == r.article && values_conflict(x, y)) || other_owner(x, y))
            return 0;
    }
    return 1;
}

static int split_group(const px_article *const *articles, const px_number_list *const *lists, px_number_group *g,
                       px_number_groups *into)
{
    quantity *qs = calloc(g->n_members, sizeof *qs);
    size_t nq = 0;
    int rc = qs ? PX_OK : PX_ENOMEM;
    word_set words;
    for (size_t i = 0; i < g->n_members && !rc; i++) {
        const px_number *x = member(lists, g->members[i]);
        double v = log1p(fabs(x->value));
        size_t best = nq, tries = 0;
        if (compared_unnamed(x))
            claim_words(articles, g->members[i], x, &words);
        double best_d = INFINITY;
        for (size_t k = 0; k < nq; k++) {
            if (!(fabs(qs[k].anchor - v) < best_d && fabs(qs[k].anchor - v) <= SAME_QUANTITY_LOG_RATIO))
                continue;
            if (compared_unnamed(x) && tries++ >= UNNAMED_TRIES)
                break;
            if (quantity_allows(lists, &qs[k], g->members[i], &words)) {
                best = k;
                best_d = fabs(qs[k].anchor - v);
            }
        }
        if (best == nq) {
            qs[nq++].anchor = v;
            if (compared_unnamed(x) && !(qs[best].words = malloc(sizeof words))) {
                rc = PX_ENOMEM;
                break;
            }
            if (compared_unnamed(x))
                *qs[best].words = words;
        }
        if (CL_GROW(qs[best].members, qs[best].cap, qs[best].n)) {
            rc = PX_ENOMEM;
            break;
        }
        qs[best].members[qs[best].n++] = g->members[i];
    }
    for (size_t k = 0; k < nq; k++) {
        free(qs[k].words);
        if (!rc && CL_GROW(into->v, into->cap, into->n))
            rc = PX_ENOMEM;
        if (rc) {
            free(qs[k].members);
            continue;
        }
        px_number_group *ng = &into->v[into->n];
        memset(ng, 0, sizeof *ng);
        ng->kind = g->kind;
        ng->key = nq == 1 ? px_strdup(g->key) : NULL;
        if (nq > 1) {
            px_buf kb = {0};
            px_buf_printf(&kb, "%s#%zu", g->key, k + 1);
            ng->key = px_buf_steal(&kb);
        }
        ng->unit = g->unit ? px_strdup(g->unit) : NULL;
        ng->members = qs[k].members;
        ng->n_members = qs[k].n;
        into->n++;
        if (!ng->key || (g->unit && !ng->unit))
            rc = PX_ENOMEM;
    }
    free(qs);
    return rc;
}

static int split_groups(const px_article *const *articles, const px_number_list *const *lists,
                        px_number_groups *out)
{
    px_number_groups split = {0};
    int rc = PX_OK;
    for (size_t g = 0; g < out->n; g++)
        if (!rc)
            rc = split_group(articles, lists, &out->v[g], &split);
    px_number_groups_clear(out);
    *out = split;
    return rc;
}

/* May the claim be grouped at all (the filter of px_numbers_group)?
 * unnamed counts the article's figures naming nothing so far. */
static int groupable(const px_article *const *articles, const px_number *x, size_t *unnamed)
{
    /* a figure that names no quantity ("while 38%", "$5 million") cannot
     * be compared with another: grouping it by kind and unit alone mixes
     * unrelated quantities */
    int measured = x->unit && (x->kind == PX_NUM_MEASURE || x->kind == PX_NUM_AGE);
    int aligned = articles && compared_unnamed(x) && (*unnamed)++ < UNNAMED_PER_ARTICLE;
    if ((!x->counted && !measured && !aligned) || x->scope != PX_SCOPE_EVENT)
        return 0;
    /* a race has many laps, a series many games: a place in one is one
     * quantity only as somebody's ("Ericsson crashed on lap 13") */
    return !(x->kind == PX_NUM_ORDINAL && !x->owner);
}

int px_numbers_group(const px_article *const *articles, const px_number_list *const *lists,
                     size_t n, px_number_groups *out, px_error *err)
{
    px_buf key = {0};
    int rc = PX_OK;
    for (size_t a = 0; a < n && !rc; a++)
        for (size_t i = 0, unnamed = 0; lists[a] && i < lists[a]->n && !rc; i++) {
            const px_number *x = &lists[a]->v[i];
            if (!groupable(articles, x, &unnamed))
                continue;
            group_key(x, &key);
            if (!key.data) {
                rc = PX_ENOMEM;
                break;
            }
            size_t g;
            for (g = 0; g < out->n && strcmp(out->v[g].key, key.data) != 0; g++)
                ;
            if (g == out->n) {
                if (CL_GROW(out->v, out->cap, out->n)) {
                    rc = PX_ENOMEM;
                    break;
                }
                px_number_group *ng = &out->v[out->n];
                memset(ng, 0, sizeof *ng);
                ng->key = px_strdup(key.data);
                ng->kind = x->kind;
                ng->unit = x->unit ? px_strdup(x->unit) : NULL;
                out->n++;
                if (!ng->key || (x->unit && !ng->unit)) {
                    rc = PX_ENOMEM;
                    break;
                }
            }
            px_number_group *gr = &out->v[g];
            px_ref *m = realloc(gr->members, (gr->n_members + 1) * sizeof *m);
            if (!m) {
                rc = PX_ENOMEM;
                break;
            }
            gr->members = m;
            m[gr->n_members++] = (px_ref){a, i};
        }
    px_buf_free(&key);
    if (!rc)
        rc = split_groups(articles, lists, out);
    /* keep groups seen in two or more articles */
    size_t kept = 0;
    for (size_t g = 0; g < out->n; g++) {
        px_number_group *gr = &out->v[g];
        if (!rc)
            rc = finish_group(articles, lists, gr);
        if (gr->n_articles >= 2 && !rc) {
            out->v[kept++] = *gr;
        } else {
            group_free(gr);
        }
    }
    out->n = kept;
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, by_conflict);
    if (rc)
        return px_error_set(err, rc, "out of memory grouping numbers");
    return PX_OK;
}

/* ---- links: the pairwise signals of a learned grouping ------------------------------ */

/* A claim the grouping compares, with what its pairs are weighed on. */
typedef struct link_claim {
    px_ref ref;
    const px_number *x;
    char *key;             /* group_key: kind, unit, head noun, what is said of it */
    size_t block_len;      /* the key's kind and unit: only claims of one block link */
    const char *head, *rel;
    size_t head_len, rel_len;
    word_set sentence, counted;
} link_claim;

static int link_claim_init(const px_article *const *articles, const px_number_list *const *lists,
                           px_ref r, px_buf *kb, link_claim *c)
{
    memset(c, 0, sizeof *c);
    c->ref = r;
    c->x = member(lists, r);
    group_key(c->x, kb);
    if (!kb->data || !(c->key = px_strdup(kb->data)))
        return PX_ENOMEM;
    const char *bar = strchr(c->key, '|');
    bar = bar ? strchr(bar + 1, '|') : NULL;
    c->block_len = bar ? (size_t)(bar - c->key) + 1 : strlen(c->key);
    c->head = c->key + c->block_len;
    c->head_len = strcspn(c->head, "|");
    key_relation(c->key, &c->rel, &c->rel_len);
    claim_words(articles, r, c->x, &c->sentence);
    sentence_words(c->x->counted ? c->x->counted : "", c->x->counted ? strlen(c->x->counted) : 0, &c->counted);
    return PX_OK;
}

static int same_block(const link_claim *a, const link_claim *b)
{
    return a->block_len == b->block_len && strncmp(a->key, b->key, a->block_len) == 0;
}

/* The signals of a pair of claims of one block (numbers_internal.h,
 * PX_LINK_FEAT_*). */
static void link_features(const link_claim *a, const link_claim *b, double *x)
{
    const px_number *p = a->x, *q = b->x;
    double lo = fmin(fabs(p->value), fabs(q->value)), hi = fmax(fabs(p->value), fabs(q->value));
    int both_rel = a->rel_len && b->rel_len;
    x[PX_LINK_FEAT_SAME_KEY] = strcmp(a->key, b->key) == 0;
    x[PX_LINK_FEAT_SAME_HEAD] = a->head_len && a->head_len == b->head_len && strncmp(a->head, b->head, a->head_len) == 0;
    x[PX_LINK_FEAT_SAME_OUTCOME] = both_rel && a->rel_len == b->rel_len && strncmp(a->rel, b->rel, a->rel_len) == 0;
    x[PX_LINK_FEAT_OTHER_OUTCOME] = both_rel && !x[PX_LINK_FEAT_SAME_OUTCOME];
    x[PX_LINK_FEAT_ONE_OUTCOME] = !a->rel_len != !b->rel_len;
    x[PX_LINK_FEAT_COUNTED_ALIKE] = set_similarity(&a->counted, &b->counted);
    x[PX_LINK_FEAT_SIMILARITY] = set_similarity(&a->sentence, &b->sentence);
    x[PX_LINK_FEAT_LOG_RATIO] = fmin(5, log((hi + 1) / (lo + 1)));
    x[PX_LINK_FEAT_CLOSE] = hi <= 2 * lo;
    x[PX_LINK_FEAT_SAME_FIGURE] = same_figure(p, q);
    x[PX_LINK_FEAT_LEAD] = p->sentence_start < LEAD_BYTES && q->sentence_start < LEAD_BYTES;
    x[PX_LINK_FEAT_SAME_BOUND] = p->bound == q->bound;
    x[PX_LINK_FEAT_VAGUE] = p->vague || q->vague;
    x[PX_LINK_FEAT_SAME_SOURCE] = p->attribution && q->attribution && strcasecmp(p->attribution, q->attribution) == 0;
    x[PX_LINK_FEAT_UNNAMED] = compared_unnamed(p) || compared_unnamed(q);
    x[PX_LINK_FEAT_PEOPLE] = cl_eq(a->head, a->head_len, "people") && cl_eq(b->head, b->head_len, "people");
}

/* May two claims never be one quantity, whatever their signals: of one
 * outlet, two persons' attributes. */
static int link_forbidden(const px_article *const *articles, const link_claim *a, const link_claim *b)
{
    if (a->ref.article == b->ref.article || other_owner(a->x, b->x))
        return 1;
    return articles && same_outlet(articles[a->ref.article], articles[b->ref.article]);
}

static void link_claims_free(link_claim *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].key);
    free(v);
}

/* The claims px_numbers_group compares, in input order. */
static int link_claims(const px_article *const *articles, const px_number_list *const *lists, size_t n,
                       link_claim **out, size_t *n_out)
{
    link_claim *v = NULL;
    size_t nv = 0, cap = 0;
    px_buf kb = {0};
    int rc = PX_OK;
    for (size_t a = 0; a < n && !rc; a++)
        for (size_t i = 0, unnamed = 0; lists[a] && i < lists[a]->n && !rc; i++) {
            if (!groupable(articles, &lists[a]->v[i], &unnamed))
                continue;
            if (CL_GROW(v, cap, nv)) {
                rc = PX_ENOMEM;
                break;
            }
            rc = link_claim_init(articles, lists, (px_ref){a, i}, &kb, &v[nv]);
            if (rc)
                free(v[nv].key);
            else
                nv++;
        }
    px_buf_free(&kb);
    if (rc) {
        link_claims_free(v, nv);
        v = NULL, nv = 0;
    }
    *out = v;
    *n_out = nv;
    return rc;
}

int px_numbers_each_link(const px_article *const *articles, const px_number_list *const *lists, size_t n,
                         px_number_link_fn fn, void *ud)
{
    link_claim *v;
    size_t nv;
    int rc = link_claims(articles, lists, n, &v, &nv);
    double x[PX_LINK_FEATURES];
    for (size_t i = 0; i < nv && !rc; i++)
        for (size_t j = i + 1; j < nv && !rc; j++) {
            if (!same_block(&v[i], &v[j]) || link_forbidden(articles, &v[i], &v[j]))
                continue;
            link_features(&v[i], &v[j], x);
            rc = fn(ud, v[i].ref, v[j].ref, values_conflict(v[i].x, v[j].x), x);
        }
    link_claims_free(v, nv);
    return rc;
}
