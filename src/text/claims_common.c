/* claims_common.c - word lists and token helpers shared by the claim
 * extractors. The lists are small, hand-written and documented in
 * docs/claims.md. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/claims_common.h"
#include "text/wordset.h"
#include "parallax/common.h"
#include "parallax/text.h"

int cl_eq(const char *s, size_t len, const char *w)
{
    size_t i = 0;
    for (; i < len && w[i]; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)w[i]))
            return 0;
    return i == len && w[i] == '\0';
}

int cl_in(const char *s, size_t len, const char *const *list)
{
    return px_word_index(list, s, len) >= 0;
}

int cl_tok_eq(const char *text, const px_token *t, const char *w)
{
    return cl_eq(text + t->start, t->end - t->start, w);
}

int cl_tok_in(const char *text, const px_token *t, const char *const *list)
{
    return cl_in(text + t->start, t->end - t->start, list);
}

size_t cl_strip_possessive(const char *s, size_t len)
{
    if (len >= 3 && (s[len - 1] == 's' || s[len - 1] == 'S') && s[len - 2] == '\'')
        return len - 2;
    if (len >= 5 && (s[len - 1] == 's' || s[len - 1] == 'S') &&
        memcmp(s + len - 4, "\xE2\x80\x99", 3) == 0)
        return len - 4;
    if (len >= 2 && s[len - 1] == '\'')
        return len - 1;
    if (len >= 4 && memcmp(s + len - 3, "\xE2\x80\x99", 3) == 0)
        return len - 3;
    return len;
}

size_t cl_sentence_at(const px_spans *ss, size_t off)
{
    size_t lo = 0, hi = ss->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ss->v[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

size_t cl_token_at(const px_tokens *tk, size_t off)
{
    size_t lo = 0, hi = tk->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tk->v[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

char *cl_lower(const char *s, size_t len)
{
    char *r = px_strndup(s, len);
    if (r)
        for (char *p = r; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return r;
}

char *cl_squeeze(const char *s, size_t len)
{
    char *r = malloc(len + 1);
    if (!r)
        return NULL;
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        if (isspace((unsigned char)s[i])) {
            space = n > 0;
            continue;
        }
        if (space)
            r[n++] = ' ';
        space = 0;
        r[n++] = s[i];
    }
    r[n] = '\0';
    return r;
}

static const char *const say_verbs[] = {
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states",
    "wrote", "writes", "argued", "argues", "warned", "warns", "noted", "notes", "explained",
    "explains", "insisted", "insists", "asked", "asks", "declared", "declares", "announced",
    "announces", "claimed", "claims", "continued", "continues", "recalled", "recalls",
    "replied", "replies", "responded", "responds", "acknowledged", "acknowledges",
    "admitted", "admits", "tweeted", "tweets", "posted", "urged", "urges", "cautioned",
    "cautions", "conceded", "concedes", "countered", "counters", "emphasized",
    "emphasizes", "stressed", "stresses", "suggested", "suggests", "predicted",
    "predicts", "joked", "jokes", "quipped", "quips", "concluded", "concludes",
    "reported", "reports", "testified", "remarked", "remarks", "observed", "observes",
    "complained", "complains", "vowed", "vows", "promised", "promises", "agreed",
    "agrees", "begins", "began", "reads", "read", "shouted", "yelled", "whispered",
    "mused", "boasted", "boasts", "charged", "charges", "contended", "contends",
    "maintained", "maintains", "repeated", "repeats", "thundered", "pleaded",
    "lamented", "laments", "chimed", "scoffed", "sighed", "offered", "demanded",
    "demands", "confirmed", "confirms", "denied", "denies", "estimated", "estimates",
    "showed", "shows", "found", "finds", "counted", "put", "tallied", "reckoned",
    "exclaimed", "interjected", "retorted", "snapped", "texted", "emailed", "messaged",
    "speculated", "recounted", "conceded", "proclaimed", "asserted", "asserts",
    "clarified", "elaborated", "went", "goes", "described", "describes",
    /* further reporting verbs seen after quotations in news text */
    "write", "argue", "explain", "insist", "warn", "note", "recall", "predict", "ask",
    "answer", "answered", "answers", "wondered", "wonders", "remembered", "remembers",
    "surmised", "barked", "confessed", "confesses", "groused", "pondered", "beamed",
    "alleged", "alleges", "boomed", "riffed", "marveled", "marvelled", "fumed", "gushed",
    "crowed", "bragged", "brags", "opined", "reasoned", "ventured", "pledged", "pledges",
    "chanted", "chant", "sang", "advised", "advises", "summed", "interrupted", "objected",
    "protested", "reflected", "reiterated", "reiterates", "mocked", "teased", "griped",
    "screamed", "hollered", "cried", "raged", "lectured", "replied", "queried", "quoted", NULL};

int cl_is_say_verb(const char *s, size_t len) { return cl_in(s, len, say_verbs); }

static const char *const role_words[] = {
    "President", "Minister", "Secretary", "Sen.", "Senator", "Rep.", "Representative",
    "Gov.", "Governor", "Mayor", "Chief", "Dr.", "Mr.", "Ms.", "Mrs.", "Miss", "Judge",
    "Justice", "Gen.", "General", "Chairwoman", "Chairman", "Chair", "Councilman",
    "Councilwoman", "Councilor", "Executive", "King", "Queen", "Prince", "Princess", "Pope",
    "Speaker", "Sheriff", "Capt.", "Captain", "Lt.", "Lieutenant", "Sgt.", "Sergeant",
    "Col.", "Colonel", "Adm.", "Admiral", "Prof.", "Professor", "Ambassador", "Director",
    "Commissioner", "Spokesman", "Spokeswoman", "Spokesperson", "Leader", "Premier",
    "Chancellor", "Sir", "Dame", "Lord", "Rabbi", "Rev.", "Reverend", "Father", "Sister",
    "Officer", "Detective", "Inspector", "Superintendent", "Treasurer", "Attorney",
    "Ayatollah", "Sheikh", "Emir", "Chancellor", "Supt.", "Cmdr.", "Commander", "Coach",
    "Senators", "Deputy", "Mx.", "Msgr.", "Gens.", "Sens.", "Reps.", "Sec.", "Lady",
    "Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Capt", "Prof", "Gen", NULL};

int cl_is_role_word(const char *s, size_t len) { return cl_in(s, len, role_words); }

static const char *const role_modifiers[] = {
    "Vice", "Prime", "Deputy", "Foreign", "Defense", "Defence", "Home", "Interior",
    "State", "Press", "Fire", "Police", "City", "Chief", "Attorney", "Executive", "Senior",
    "Former", "Acting", "Interim", "Associate", "Assistant", "Health", "Finance",
    "Treasury", "Commerce", "Labor", "Labour", "Education", "Energy", "Transportation",
    "Agriculture", "Justice", "Supreme", "Majority", "Minority", "House", "Senate",
    "Opposition", "Grand", "Lead", "Managing", "Operating", "Financial", "Technology",
    "Communications", "Information", "Homeland", "Security", "Trade", "Economy", "Army",
    "Navy", "Air", "Force", "Staff", "Police", "U.S.", "US", "County", "Council", "Union",
    "General", "Medical", "Examiner", "Secretary", NULL};

int cl_is_role_modifier(const char *s, size_t len) { return cl_in(s, len, role_modifiers); }

static const char *const role_nouns[] = {
    "president", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson",
    "mayor", "governor", "senator", "chief", "director", "chairman", "chairwoman", "chair",
    "leader", "official", "ambassador", "commissioner", "executive", "ceo", "founder",
    "judge", "lawyer", "attorney", "councilman", "councilwoman", "sheriff", "captain",
    "premier", "chancellor", "king", "queen", "speaker", "representative", "congressman",
    "congresswoman", "lawmaker", "general", "commander", "professor", "analyst",
    "economist", "researcher", "scientist", "astronomer", "engineer", "president-elect",
    "nominee", "candidate", "prosecutor", "adviser", "advisor", "aide", "envoy",
    "negotiator", "mediator", "manager", "owner", "worker", "driver", "witness", "resident",
    "officer", "detective", "inspector", "doctor", "nurse", "teacher", "student", "woman",
    "man", "mother", "father", "wife", "husband", "daughter", "son", "strategist",
    "pollster", "organizer", "activist", "donor", "operative", "staffer", "correspondent",
    NULL};

int cl_is_role_noun(const char *s, size_t len) { return cl_in(s, len, role_nouns); }

static const char *const document_nouns[] = {
    "memo", "memorandum", "report", "letter", "statement", "document", "study", "survey",
    "poll", "filing", "complaint", "lawsuit", "indictment", "ruling", "order", "decision",
    "release", "announcement", "post", "tweet", "email", "e-mail", "message", "note",
    "cable", "analysis", "review", "audit", "assessment", "draft", "text", "transcript",
    "resolution", "bill", "proposal", "plan", "petition", "website", "ad", "advertisement",
    "video", "book", "article", "editorial", "op-ed", "column", "speech", "records",
    "record", "data", "figures", "documents", "reports", "statements", "letters",
    "guidance", "policy", "warning", "notice", NULL};

int cl_is_document_noun(const char *s, size_t len) { return cl_in(s, len, document_nouns); }

static const char *const group_nouns[] = {
    "officials", "sources", "aides", "people", "diplomats", "experts", "analysts",
    "critics", "supporters", "residents", "witnesses", "police", "authorities", "insiders",
    "advisers", "advisors", "staffers", "lawmakers", "leaders", "members", "activists",
    "protesters", "workers", "employees", "investigators", "prosecutors", "economists",
    "scientists", "researchers", "doctors", "organizers", "organisers", "democrats",
    "republicans", "voters", "observers", "others", "some", "many", "several", "both",
    "families", "relatives", "neighbors", "residents", "historians", "engineers",
    "spokespeople", "representatives", "authors", "signatories", "staff", "negotiators", "mediators", "senators", "campaign",
    NULL};

int cl_is_group_noun(const char *s, size_t len) { return cl_in(s, len, group_nouns); }

static const char *const calendar_words[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
    "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Aug", "Sept", "Oct",
    "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thurs.", "Fri.", "Sat.", "Sun.",
    "Christmas", "Easter", "Thanksgiving", NULL};

int cl_is_calendar_word(const char *s, size_t len) { return cl_in(s, len, calendar_words); }

/* Words that open spoken sentences before a comma ("Well, my partner
 * ...", "Yes, we did"): a closed class, like the stopwords. */
static const char *const discourse_markers[] = {
    "well", "yes", "yeah", "yep", "no", "nope", "oh", "ah", "okay", "ok", "sure", "look",
    "listen", "hey", "wow", "alas", "hello", "hi", "thanks", "please", "right", "indeed",
    "anyway", "honestly", "frankly", "obviously", "so", "now", "then", "boy", "gosh", "man",
    "sorry", "absolutely", "exactly", "fine", "alright", "actually", "basically", "again",
    "still", "besides", "instead", "meanwhile", "otherwise", "sadly", "luckily", "plus", "also",
    "however", "moreover", "finally", "overall", NULL};

int cl_is_discourse_marker(const char *s, size_t len) { return cl_in(s, len, discourse_markers); }

int cl_doc_init(cl_doc *d, const char *text, const px_doc *doc)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = strlen(text);
    if (doc) {
        d->tk = doc->tokens;
        d->ss = doc->sentences;
        return PX_OK;
    }
    d->owned = 1;
    if (px_tokenize(d->text, d->len, &d->tk) || px_split_sentences(d->text, d->len, &d->ss)) {
        cl_doc_free(d);
        return PX_ENOMEM;
    }
    return PX_OK;
}

void cl_doc_free(cl_doc *d)
{
    if (d->owned) {
        px_tokens_free(&d->tk);
        px_spans_free(&d->ss);
    }
    memset(d, 0, sizeof *d);
}

/* Length of the double quotation mark at s[i] (0 if none), and its type. */
size_t cl_quote_mark(const char *s, size_t len, size_t i, int *type)
{
    if (s[i] == '"') {
        *type = CL_MARK_STRAIGHT;
        return 1;
    }
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
        unsigned char c = (unsigned char)s[i + 2];
        if (c == 0x9C || c == 0x9E) { /* “ „ */
            *type = CL_MARK_OPEN;
            return 3;
        }
        if (c == 0x9D) { /* ” */
            *type = CL_MARK_CLOSE;
            return 3;
        }
    }
    if (i + 1 < len && (unsigned char)s[i] == 0xC2) {
        if ((unsigned char)s[i + 1] == 0xAB) { /* « */
            *type = CL_MARK_OPEN;
            return 2;
        }
        if ((unsigned char)s[i + 1] == 0xBB) { /* » */
            *type = CL_MARK_CLOSE;
            return 2;
        }
    }
    return 0;
}


int cl_tok_is(const cl_doc *q, size_t i, const char *w)
{
    return i < q->tk.n && cl_tok_eq(q->text, &q->tk.v[i], w);
}

int cl_tok_say(const cl_doc *q, size_t i)
{
    return i < q->tk.n && q->tk.v[i].kind == PX_TOK_WORD &&
           islower((unsigned char)q->text[q->tk.v[i].start]) &&
           cl_is_say_verb(q->text + q->tk.v[i].start, q->tk.v[i].end - q->tk.v[i].start);
}

int cl_tok_quote(const cl_doc *q, size_t i)
{
    int type;
    return i < q->tk.n && cl_quote_mark(q->text, q->len, q->tk.v[i].start, &type);
}

/* The token where a parenthesis of at most 8 tokens ending just before
 * token i opens ("Sanders (I-Vt.)"), or i when none does. */
static size_t before_parenthesis(const cl_doc *q, size_t lo, size_t i)
{
    if (!(i > lo && q->tk.v[i - 1].kind == PX_TOK_PUNCT && q->text[q->tk.v[i - 1].start] == ')'))
        return i;
    size_t k = i - 1;
    while (k > lo && k + 8 > i && q->text[q->tk.v[k].start] != '(')
        k--;
    return q->text[q->tk.v[k].start] == '(' ? k : i;
}

/* The noun phrase ending just before token v (exclusive), going back at
 * most 8 words and stopping at punctuation: "the memo", "Mayor Elena
 * Voss", "she". */
int cl_phrase_before(const cl_doc *q, size_t lo, size_t v, size_t *s, size_t *e)
{
    size_t i = v;
    size_t words = 0;
    /* skip adverbs: "bluntly said", "also said" */
    static const char *const adverbs[] = {"also", "then", "later", "again", "still", "once",
                                          "previously", "had", "has", "have", "was", "is",
                                          "would", "will", "has", "recently", "often", "even",
                                          "further", "just", "never", "first", "once", NULL};
    while (i > lo && q->tk.v[i - 1].kind == PX_TOK_WORD && words < 2 &&
           ((q->tk.v[i - 1].end - q->tk.v[i - 1].start > 2 &&
             islower((unsigned char)q->text[q->tk.v[i - 1].start]) && /* not "Kelly" */
             cl_eq(q->text + q->tk.v[i - 1].end - 2, 2, "ly")) ||
            (islower((unsigned char)q->text[q->tk.v[i - 1].start]) && /* not "Will" */
             cl_tok_in(q->text, &q->tk.v[i - 1], adverbs))))
        i--, words++;
    /* a parenthesis before the verb: "Sen. Bernie Sanders (I-Vt.) said" */
    i = before_parenthesis(q, lo, i);
    /* "The authors of the memo, two diplomats who ..., said": skip the
     * appositive back to the phrase before its opening comma */
    if (i > lo && q->tk.v[i - 1].kind == PX_TOK_PUNCT && q->text[q->tk.v[i - 1].start] == ',') {
        size_t k = i - 1;
        while (k > lo && k + 16 > i && !(q->tk.v[k - 1].kind == PX_TOK_PUNCT &&
                                         q->text[q->tk.v[k - 1].start] == ',') &&
               !cl_tok_quote(q, k - 1))
            k--;
        if (k > lo && k + 16 > i && q->tk.v[k - 1].kind == PX_TOK_PUNCT &&
            q->text[q->tk.v[k - 1].start] == ',')
            i = k - 1;
        /* "Rep. Jim Jordan (R-Ohio), an oversight panel member, said" */
        i = before_parenthesis(q, lo, i);
    }
    size_t end = i;
    words = 0;
    while (i > lo && words < 12) {
        const px_token *t = &q->tk.v[i - 1];
        /* a hyphen or ampersand inside a word: "the 43-year-old", "AT&T" */
        if (t->kind == PX_TOK_PUNCT && (q->text[t->start] == '-' || q->text[t->start] == '&') &&
            i - 1 > lo && i < end &&
            q->tk.v[i - 2].end == t->start && q->tk.v[i].start == t->end) {
            i--;
            continue;
        }
        if (t->kind == PX_TOK_WORD || t->kind == PX_TOK_NUMBER) {
            /* a subordinate or relative clause starts the subject: "the
             * crowd booed when he told them" -> "he" */
            static const char *const clause_words[] = {
                "that", "and", "but", "when", "as", "if", "because", "since", "while", "where",
                "after", "before", "so", "or", "though", "although", "until", NULL};
            if (i < end && (cl_tok_in(q->text, t, clause_words) || cl_tok_say(q, i - 1)))
                break;
            i--, words++;
            continue;
        }
        if (t->kind == PX_TOK_PUNCT && (q->text[t->start] == '\'' ||
                                        (t->end - t->start == 3 &&
                                         memcmp(q->text + t->start, "\xE2\x80\x99", 3) == 0)) &&
            !cl_tok_quote(q, i - 1) && i - 1 > lo) {
            i--; /* possessive apostrophe */
            continue;
        }
        break;
    }
    if (i == end)
        return 0;
    *s = q->tk.v[i].start;
    *e = q->tk.v[end - 1].end;
    return 1;
}

/* The noun phrase starting at token v: "Lloyd Austin", "the memo", up to
 * punctuation or 8 words. */
int cl_phrase_after(const cl_doc *q, size_t v, size_t hi, size_t *s, size_t *e)
{
    /* "said Sunday", "said in a statement": no speaker after the verb */
    if (v < hi && q->tk.v[v].kind == PX_TOK_WORD &&
        (cl_is_calendar_word(q->text + q->tk.v[v].start, q->tk.v[v].end - q->tk.v[v].start) ||
         (islower((unsigned char)q->text[q->tk.v[v].start]) &&
          px_is_stopword("en", q->text + q->tk.v[v].start, q->tk.v[v].end - q->tk.v[v].start) &&
          !cl_tok_is(q, v, "the") && !cl_tok_is(q, v, "a") && !cl_tok_is(q, v, "an"))))
        return 0;
    size_t i = v, words = 0;
    while (i < hi && words < 8) {
        const px_token *t = &q->tk.v[i];
        if (t->kind != PX_TOK_WORD && t->kind != PX_TOK_NUMBER && /* "9/11 widow X" */
            !(t->kind == PX_TOK_PUNCT && q->text[t->start] == '-'))
            break;
        if (words && (cl_tok_eq(q->text, t, "in") || cl_tok_eq(q->text, t, "on") ||
                      cl_tok_eq(q->text, t, "at") || cl_tok_eq(q->text, t, "to") ||
                      cl_tok_eq(q->text, t, "during") || cl_tok_eq(q->text, t, "after") ||
                      cl_tok_eq(q->text, t, "who") || cl_tok_eq(q->text, t, "that")))
            break;
        i++, words++;
    }
    if (i == v)
        return 0;
    *s = q->tk.v[v].start;
    *e = q->tk.v[i - 1].end;
    return 1;
}


/* Given names with a clear gender, for he/she resolution (docs/claims.md). */
static const char *const female_names[] = {
    "Kamala", "Hillary", "Nancy", "Elizabeth", "Kirsten", "Pramila", "Cori", "Alexandria",
    "Ilhan", "Rashida", "Ayanna", "Amy", "Kamala", "Michelle", "Jill", "Melania", "Ivanka",
    "Sarah", "Sara", "Mary", "Anne", "Ann", "Susan", "Karen", "Linda", "Patricia",
    "Jennifer", "Jessica", "Emily", "Emma", "Olivia", "Sophia", "Maria", "Marie", "Laura",
    "Lisa", "Julia", "Julie", "Rachel", "Rebecca", "Katherine", "Catherine", "Kate",
    "Katie", "Margaret", "Helen", "Diane", "Dianne", "Barbara", "Betsy", "Nikki", "Kristi",
    "Liz", "Elise", "Marjorie", "Lauren", "Janet", "Samantha", "Victoria", "Ursula",
    "Angela", "Theresa", "Giorgia", "Jacinda", "Golda", "Benazir", "Christine", "Claudia",
    "Kristen", "Kelly", "Megan", "Nicole", "Stephanie", "Heather", "Amanda", "Melissa",
    "Michele", "Donna", "Debbie", "Deborah", "Dolores", "Elena", "Grace", "Carla", "Aisha",
    "Keisha", "Patricia", "Catalina", "Judy", "Lorna", "Miriam", "Nadia", "Dana", "Jane",
    "Joan", "Joanna", "Alice", "Ruth", "Rosa", "Ana", "Eva", "Irene", "Natalie", "Monica",
    "Tulsi", "Kirstjen", "Gina", "Jen", "Jeanne", "Hope", "Kellyanne", "Huma", "Chelsea",
    "Sheryl", "Oprah", "Taylor", "Beyonce", "Madeleine", "Condoleezza", "Samira", "Fatima",
    "Leila", "Layla", "Yasmin", "Noor", "Hannah", "Abigail", "Ella", "Grace", "Chloe",
    "Zoe", "Lily", "Mia", "Amelia", "Isabella", "Ava", "Charlotte", "Harriet", "Louise",
    "Caroline", "Kathleen", "Kathy", "Cheryl", "Shirley", "Sharon", "Carol", "Sandra",
    "Ruth", "Gloria", "Wendy", "Tammy", "Tina", "Debra", "Valerie", "Veronica", "Sonia",
    "Sonya", "Susana", "Lucia", "Silvia", "Paula", "Pamela", "Rita", "Sheila", "Brenda",
    "Denise", "Janice", "Judith", "Marilyn", "Martha", "Evelyn", "Jean", "Joyce",
    /* names common in the other languages parallax reads */
    "Anna", "Sabine", "Petra", "Monika", "Andrea", "Giulia", "Sophie", "Claire", "Isabel", "Carmen",
    "Lucía", "Francesca", "Chiara", "Beatriz", "Inês", "Katarina", "Agnieszka", "Olga", "Natalia",
    NULL};

static const char *const male_names[] = {
    "Joe", "Joseph", "Donald", "Barack", "Benjamin", "Lloyd", "Antony", "Anthony", "Isaac",
    "Jake", "John", "Jon", "James", "Robert", "Michael", "William", "David", "Richard",
    "Thomas", "Charles", "Christopher", "Daniel", "Matthew", "Mark", "Paul", "Steven",
    "Stephen", "Andrew", "Kenneth", "George", "Edward", "Brian", "Ronald", "Kevin",
    "Jason", "Jeff", "Jeffrey", "Ryan", "Gary", "Eric", "Jacob", "Nicholas", "Jonathan",
    "Larry", "Frank", "Scott", "Justin", "Brandon", "Raymond", "Gregory", "Samuel",
    "Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Henry", "Adam", "Douglas",
    "Nathan", "Peter", "Zachary", "Kyle", "Walter", "Harold", "Carl", "Arthur", "Gerald",
    "Roger", "Keith", "Jeremy", "Terry", "Lawrence", "Sean", "Christian", "Albert", "Joe",
    "Austin", "Willie", "Jesse", "Ted", "Marco", "Jeb", "Ben", "Chris", "Mike", "Bernie",
    "Mitch", "Chuck", "Rand", "Lindsey", "Newt", "Rudy", "Hunter", "Beau", "Vladimir",
    "Volodymyr", "Emmanuel", "Xi", "Recep", "Narendra", "Rishi", "Boris", "Keir", "Olaf",
    "Yoav", "Benny", "Naftali", "Yair", "Itamar", "Bezalel", "Yahya", "Ismail", "Mahmoud",
    "Mohammed", "Muhammad", "Ali", "Hassan", "Omar", "Ahmed", "Khalid", "Abdullah",
    "Samir", "Tomasz", "Hendrik", "Ravi", "Luc", "Gil", "Jonas", "Tomás", "Owen", "Marcus",
    "Amir", "Dwight", "Abraham", "Franklin", "Ronald", "Bill", "Al", "Dick", "Mike",
    "Pete", "Kevin", "Tim", "Tom", "Steve", "Dan", "Matt", "Nick", "Sam", "Tony", "Jim",
    "Bob", "Rob", "Ron", "Ken", "Greg", "Doug", "Jared", "Eli", "Elon", "Jeff", "Mark",
    "Sundar", "Satya", "Warren", "Rex", "Mike", "Kanye", "Kim", "Hamid", "Hosni",
    "Anwar", "Bashar", "Saddam", "Muammar", "Ehud", "Ariel", "Shimon", "Yitzhak", "Moshe",
    "Gideon", "Reuven", "Avi", "Avigdor", "Nir", "Ron", "Josh", "Cory", "Bernard",
    /* names common in the other languages parallax reads */
    "Hans", "Klaus", "Jürgen", "Wolfgang", "Friedrich", "Karl", "Heinz", "Franz", "Helmut",
    "Gerhard", "Dieter", "Günter", "Uwe", "Stefan", "Markus", "Pierre", "François",
    "Jacques", "Philippe", "Nicolas", "Juan", "José", "Carlos", "Luis", "Javier", "Miguel", "Pedro",
    "Paolo", "Giuseppe", "Giovanni", "Luca", "Matteo", "Francesco", "João", "Paulo", "Antonio",
    "Manuel", "Jorge", "Sergio", "Alejandro", "Sergei", "Dmitri", "Andrzej", "Piotr", "Lars",
    "Sven", "Henrik",
    NULL};

/* The most common Chinese family names in pinyin and Korean ones in the
 * usual romanisation; those that are also English words or parts of
 * common names ("He", "Long", "Moon", "Park", "Hong" of Hong Kong) are
 * left out ("Moon Jae-in" is told by the shape of its given name,
 * entities.c). "Kim" is also a given name of its own. */
static const char *const family_names_first[] = {
    "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Xu", "Sun", "Zhu", "Guo",
    "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Feng", "Deng", "Cao", "Peng",
    "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Du", "Cheng", "Wei", "Su",
    "Ding", "Ren", "Shen", "Yao", "Zhong", "Cui", "Liao", "Fang", "Qian", "Qin", "Xiong", "Meng",
    "Hou", "Shao", "Yin", "Lei", "Bai", "Kong", "Duan", "Hao", "Qiu", "Gong", "Xing",
    "Shi", "Xue", "Lyu", "Yan", "Jin", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
    "Shin", "Seo", "Kwon", "Hwang", "Ahn", "Yoo", "Jeon", "Ko", "Li",
    "Ma", "Hu", "Wu", "Han", "Tan", "Lee", "Kim", NULL};

int cl_is_family_name_first(const char *s, size_t len) { return cl_in(s, len, family_names_first); }

int cl_given_name_gender(const char *s, size_t len)
{
    if (cl_in(s, len, female_names))
        return 1;
    if (cl_in(s, len, male_names))
        return 2;
    return 0;
}
