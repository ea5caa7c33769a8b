/* entities.c - people, organisations and places named in an article, and
 * their merge across the articles of a story (parallax/entities.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/claims_common.h"
#include "parallax/entities.h"
#include "parallax/text.h"

/* ---- word lists ---------------------------------------------------------- */

static const char *const org_cues[] = {
    "Department", "Ministry", "Agency", "Party", "Council", "University", "Institute",
    "Inc.", "Inc", "Corp.", "Corp", "Co.", "Company", "Corporation", "Association", "Union",
    "Committee", "Commission", "Bureau", "Office", "Authority", "Court", "Congress",
    "Senate", "House", "Administration", "Times", "Post", "News", "Journal", "Herald",
    "Tribune", "Press", "Radio", "Television", "TV", "Group", "Bank", "Fund", "Foundation",
    "Center", "Centre", "Hospital", "Police", "Army", "Forces", "Navy", "Caucus",
    "Securities", "Systems", "Energy", "Construction", "Service", "Services",
    "Organization", "Organisation", "Network", "Federation", "League", "Club", "Church",
    "School", "College", "Observatory", "Registry", "Examiner", "Chamber", "Trucks",
    "Motors", "Airlines", "Reuters", "Ltd.", "Ltd", "LLC", "Group", "Holdings",
    "Partners", "Capital", "Industries", "Laboratories", "Labs", "Media", "Magazine",
    "Gazette", "Telegraph", "Guardian", "Review", "Assembly", "Parliament", "Cabinet",
    "Board", "Alliance", "Coalition", "Movement", "Front", "Brigades", "Guard", "Command",
    "Republic", "Kingdom", "Nations", "Coalition", "Institution", "Trust", "Society",
    "Program", "Programme", "Project", "Campaign", "Brigade", "Corps", "Regiment",
    "Federal", "Federation", "Secretariat", "Embassy", "Consulate", "Mission", "Agencies",
    "Academy", "Laboratory", "Medical", "Clinic", "Insurance", "Airways", "Railways",
    "Exchange", "Reserve", "Treasury", "Pentagon", "Kremlin", "Vatican", "Politico",
    NULL};

static const char *const place_cues[] = {
    "River", "Strip", "Street", "Avenue", "County", "Province", "Island", "Islands",
    "Mountains", "Lake", "Valley", "Bay", "Sea", "Ocean", "Harbor", "Harbour", "Gulf",
    "Heights", "Bank", "Peninsula", "Desert", "Coast", "Canyon", "Park", "Square",
    "Road", "Boulevard", "Plaza", "Hills", "Falls", "Beach", "Springs", "City", "Town",
    "Village", "District", "Region", "State", NULL};

/* A small list of countries, regions and large cities (docs/claims.md). */
static const char *const places[] = {
    "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bolivia", "Bosnia",
    "Brazil", "Bulgaria", "Cambodia", "Cameroon", "Canada", "Chile", "China", "Colombia",
    "Congo", "Croatia", "Cuba", "Cyprus", "Czechia", "Denmark", "Ecuador", "Egypt",
    "Eritrea", "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana",
    "Greece", "Guatemala", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia",
    "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Kenya",
    "Kosovo", "Kuwait", "Latvia", "Lebanon", "Libya", "Lithuania", "Malaysia", "Mali",
    "Mexico", "Moldova", "Mongolia", "Morocco", "Mozambique", "Myanmar", "Nepal",
    "Netherlands", "Nicaragua", "Niger", "Nigeria", "Norway", "Oman", "Pakistan",
    "Palestine", "Panama", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
    "Romania", "Russia", "Rwanda", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia",
    "Spain", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tanzania", "Thailand",
    "Tunisia", "Turkey", "Uganda", "Ukraine", "Uruguay", "Uzbekistan", "Venezuela",
    "Vietnam", "Yemen", "Zambia", "Zimbabwe", "America", "Britain", "England", "Scotland",
    "Wales", "Europe", "Asia", "Africa", "Gaza", "West Bank", "Middle East", "West Asia",
    "United States", "United Kingdom", "U.S.", "US", "USA", "U.K.", "UK", "Saudi Arabia",
    "South Africa", "North Korea", "South Korea", "New Zealand", "Sri Lanka", "Hong Kong",
    "Washington", "New York", "Los Angeles", "Chicago", "Houston", "Boston", "Miami",
    "Atlanta", "Seattle", "Dallas", "Denver", "Detroit", "Philadelphia", "San Francisco",
    "London", "Paris", "Berlin", "Rome", "Madrid", "Moscow", "Kyiv", "Kiev", "Beijing",
    "Tokyo", "Delhi", "New Delhi", "Mumbai", "Cairo", "Dubai", "Doha", "Riyadh", "Tehran",
    "Baghdad", "Damascus", "Beirut", "Amman", "Jerusalem", "Tel Aviv", "Istanbul", "Ankara",
    "Brussels", "Geneva", "Vienna", "Warsaw", "Toronto", "Ottawa", "Montreal", "Vancouver",
    "Sydney", "Melbourne", "Santiago", "Lima", "Bogota", "Caracas", "Havana", "Nairobi",
    "Lagos", "Johannesburg", "Rafah", "Khan Younis", "Ramallah", "Sinai", "Golan",
    "California", "Texas", "Florida", "Arizona", "Ohio", "Michigan", "Pennsylvania",
    "Virginia", "Connecticut", "Massachusetts", "Illinois", "Iowa", "Nevada", "Oregon",
    "Alabama", "Alaska", "Arkansas", "Colorado", "Delaware", "Hawaii", "Idaho", "Indiana",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "New Hampshire", "New Jersey", "New Mexico",
    "North Carolina", "North Dakota", "Oklahoma", "Rhode Island", "South Carolina",
    "South Dakota", "Tennessee", "Utah", "Vermont", "West Virginia", "Wisconsin",
    "Wyoming", "Ariz.", "Calif.", "Fla.", "Ont.", "Mich.", "Mo.", "Wash.", "Mass.", NULL};

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
    "Denise", "Janice", "Judith", "Marilyn", "Martha", "Evelyn", "Jean", "Joyce", NULL};

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
    "Gideon", "Reuven", "Avi", "Avigdor", "Nir", "Ron", "Josh", "Cory", "Bernard", NULL};

static const char *const name_particles[] = {"de", "del", "della", "da", "van", "von",
                                             "bin", "al", "la", "le", "du", "di", "dos",
                                             "der", "ibn", "el", NULL};
static const char *const org_joiners[] = {"of", "for", "and", "on", "the", "&", NULL};

/* Capitalised words that name a people or a party member, not an entity. */
static int is_demonym(const char *s, size_t len)
{
    static const char *const words[] = {
        "Democrat", "Democrats", "Democratic", "Republican", "Republicans", "Muslim",
        "Muslims", "Jewish", "Jew", "Jews", "Christian", "Christians", "Arab", "Arabs",
        "Israeli", "Israelis", "Iraqi", "Iraqis", "Saudi", "Saudis", "Pakistani", "Kuwaiti",
        "Qatari", "Yemeni", "Thai", "Swiss", "British", "French", "Irish", "Dutch", "Danish",
        "Polish", "Turkish", "Spanish", "Scottish", "Welsh", "English", "Finnish", "Swedish",
        "Greek", "Western", "Eastern", "Northern", "Southern", "Progressives",
        "Liberal", "Liberals", "Conservatives", "Latino",
        "Latinos", "Hispanic", "Hispanics", "Asian", "Asians", "Catholic", "Catholics",
        "Protestant", "Sunni", "Shia", "Shiite", "Kurdish", "Kurds", "Senior", "Former", NULL};
    if (cl_in(s, len, words))
        return 1;
    static const char *const sufs[] = {"ian", "ians", "ean", "eans", "ese", "ans", NULL};
    for (size_t i = 0; sufs[i]; i++) {
        size_t n = strlen(sufs[i]);
        if (len > n + 2 && cl_eq(s + len - n, n, sufs[i]))
            return 1;
    }
    return 0;
}

/* ---- scanning ------------------------------------------------------------ */

/* A word of a capitalised run: a token, with a following "." folded in
 * when it belongs to an abbreviated title (Mr, Sen, Gov). */
typedef struct word {
    size_t start, end;
    int possessive;
} word;

typedef struct cand {
    size_t role_start, start, end; /* byte offsets */
    size_t first_word, n_words;    /* into the scanner's words */
    int possessive;
    px_entity_kind kind;
    int kind_sure;                 /* kind from a cue, not a default */
    px_gender gender;
    char *name;                    /* squeezed name text */
    char *role;                    /* role text or NULL */
    long entity;
} cand;

typedef struct scanner {
    const char *text;
    size_t len;
    px_tokens tk;
    px_spans ss;
    word *w;
    size_t nw, capw;
    cand *c;
    size_t nc, capc;
    uint64_t *lower; /* hash set of words seen in lower case */
    size_t lower_cap;
} scanner;

static uint64_t word_hash(const char *s, size_t len)
{
    char buf[64];
    if (len > sizeof buf)
        len = sizeof buf;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    return px_hash64(buf, len, 7) | 1;
}

static int sentence_initial(const scanner *sc, size_t i);

static void set_add(scanner *sc, uint64_t h)
{
    size_t k = h & (sc->lower_cap - 1);
    while (sc->lower[k] && sc->lower[k] != h)
        k = (k + 1) & (sc->lower_cap - 1);
    sc->lower[k] = h;
}

/* Builds the set of words seen in lower case and of words seen
 * capitalised away from the start of a sentence. */
static int lower_set_build(scanner *sc)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->tk.n; i++)
        n += sc->tk.v[i].kind == PX_TOK_WORD;
    sc->lower_cap = 64;
    while (sc->lower_cap < n * 4)
        sc->lower_cap *= 2;
    sc->lower = calloc(sc->lower_cap, sizeof *sc->lower);
    if (!sc->lower)
        return PX_ENOMEM;
    for (size_t i = 0; i < sc->tk.n; i++) {
        const px_token *t = &sc->tk.v[i];
        if (t->kind != PX_TOK_WORD)
            continue;
        uint64_t h = word_hash(sc->text + t->start, t->end - t->start);
        if (islower((unsigned char)sc->text[t->start]))
            set_add(sc, h);
        else if (isupper((unsigned char)sc->text[t->start]) && !sentence_initial(sc, i))
            set_add(sc, h ^ 0x5a5a5a5a5a5a5a50ULL);
    }
    return PX_OK;
}

static int seen_in_set(const scanner *sc, uint64_t h)
{
    size_t k = h & (sc->lower_cap - 1);
    while (sc->lower[k]) {
        if (sc->lower[k] == h)
            return 1;
        k = (k + 1) & (sc->lower_cap - 1);
    }
    return 0;
}

static int seen_lower(const scanner *sc, const char *s, size_t len)
{
    return seen_in_set(sc, word_hash(s, len));
}

static int seen_midcap(const scanner *sc, const char *s, size_t len)
{
    return seen_in_set(sc, word_hash(s, len) ^ 0x5a5a5a5a5a5a5a50ULL);
}

static int is_open_mark(const char *s, size_t len)
{
    return (len == 1 && (s[0] == '"' || s[0] == '(' || s[0] == '\'' || s[0] == '[')) ||
           (len == 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x98", 3) == 0 ||
                         memcmp(s, "\xE2\x80\x94", 3) == 0));
}

/* Does token i start a sentence (allowing opening quotes/brackets)? */
static int sentence_initial(const scanner *sc, size_t i)
{
    size_t off = sc->tk.v[i].start;
    size_t s = cl_sentence_at(&sc->ss, off);
    if (sc->ss.n == 0)
        return i == 0;
    size_t first = cl_token_at(&sc->tk, sc->ss.v[s].start);
    while (first < i && sc->tk.v[first].kind == PX_TOK_PUNCT &&
           is_open_mark(sc->text + sc->tk.v[first].start,
                        sc->tk.v[first].end - sc->tk.v[first].start))
        first++;
    if (first == i)
        return 1;
    /* right after a colon or an opening quote mid-sentence */
    const px_token *p = &sc->tk.v[i - 1];
    return i > 0 && p->kind == PX_TOK_PUNCT &&
           (sc->text[p->start] == ':' || is_open_mark(sc->text + p->start, p->end - p->start));
}

/* A capitalised sentence-initial word that is no name: a stopword, a word
 * the article also writes in lower case, or one never capitalised
 * elsewhere ("According", "Despite") unless a list knows it. */
static int common_initial_word(const scanner *sc, const char *s, size_t len)
{
    if (px_is_stopword("en", s, len))
        return 1;
    int titled = cl_is_role_word(s, len) || cl_is_role_modifier(s, len);
    if (titled)
        return 0;
    if (seen_lower(sc, s, len))
        return 1;
    if (cl_in(s, len, places) || cl_in(s, len, female_names) || cl_in(s, len, male_names))
        return 0;
    return !seen_midcap(sc, s, len);
}

static int is_cap_word(const scanner *sc, const px_token *t);

/* Sentence adverbs and openers that a list of given names would not know
 * either: "Meanwhile Congress said" is no person. */
static const char *const openers[] = {
    "meanwhile", "however", "still", "instead", "later", "earlier", "moreover", "again",
    "besides", "otherwise", "likewise", "similarly", "separately", "finally", "indeed",
    "perhaps", "thus", "hence", "today", "tonight", "yesterday", "tomorrow", "overall",
    "afterward", "afterwards", "elsewhere", "nonetheless", "nevertheless", "additionally",
    "furthermore", "asked", "speaking", "last", "next", "first", "unlike", "despite",
    "according", "following", "amid", "inside", "outside", "across", "behind", NULL};

/* A sentence-initial word the article never writes elsewhere, kept as a
 * given name when it opens a pair whose second word recurs alone as a
 * name later in the article ("Nora Quist said ... Quist added") and the
 * pair is followed by a comma or a verb of saying ("Nora Quist, 34,",
 * "Nora Quist warned"). Token i is the first word. */
static int unknown_given_name(const scanner *sc, size_t i)
{
    const px_token *f = &sc->tk.v[i];
    const char *fs = sc->text + f->start;
    size_t fl = f->end - f->start;
    char low[32];
    if (fl < sizeof low) {
        for (size_t k = 0; k < fl; k++)
            low[k] = (char)tolower((unsigned char)fs[k]);
        if (px_is_stopword("en", low, fl))
            return 0; /* "But Tindall said" */
    }
    if (fl < 2 || cl_in(fs, fl, openers) || (fl > 4 && cl_eq(fs + fl - 2, 2, "ly")) ||
        (fl > 3 && (cl_eq(fs + fl - 3, 3, "ing") || cl_eq(fs + fl - 2, 2, "ed"))) ||
        cl_in(fs, fl, places) || cl_in(fs, fl, org_cues))
        return 0;
    if (i + 2 >= sc->tk.n || !is_cap_word(sc, &sc->tk.v[i + 1]))
        return 0;
    const px_token *n = &sc->tk.v[i + 1];
    const char *ns = sc->text + n->start;
    size_t nl = n->end - n->start;
    if (n->start != f->end + 1 || nl < 2 || cl_is_role_word(ns, nl) || cl_is_role_modifier(ns, nl) ||
        cl_in(ns, nl, org_cues) || cl_in(ns, nl, place_cues) || cl_in(ns, nl, places) ||
        cl_is_calendar_word(ns, nl) || !seen_midcap(sc, ns, nl))
        return 0;
    int recurs = 0; /* the surname alone, elsewhere */
    for (size_t j = 0; j < sc->tk.n && !recurs; j++) {
        const px_token *k = &sc->tk.v[j];
        recurs = j != i + 1 && k->end - k->start == nl && memcmp(sc->text + k->start, ns, nl) == 0 &&
                 (j == 0 || !is_cap_word(sc, &sc->tk.v[j - 1]));
    }
    if (!recurs)
        return 0;
    const px_token *a = &sc->tk.v[i + 2];
    if (a->kind == PX_TOK_PUNCT && sc->text[a->start] == ',')
        return 1;
    return a->kind == PX_TOK_WORD && cl_is_say_verb(sc->text + a->start, a->end - a->start);
}

static int is_cap_word(const scanner *sc, const px_token *t)
{
    if (t->kind != PX_TOK_WORD)
        return 0;
    unsigned char c = (unsigned char)sc->text[t->start];
    if (c < 0x80)
        return isupper(c) != 0;
    return (t->flags & PX_TOKF_CAPITALIZED) != 0;
}

/* A hyphenated word whose later part is lower case ("Hamas-controlled") is
 * an adjective, not a name. */
static int lower_after_hyphen(const char *s, size_t len)
{
    const char *h = memchr(s, '-', len);
    return h && h + 1 < s + len && islower((unsigned char)h[1]);
}

static int push_word(scanner *sc, size_t start, size_t end)
{
    if (CL_GROW(sc->w, sc->capw, sc->nw))
        return PX_ENOMEM;
    size_t stripped = cl_strip_possessive(sc->text + start, end - start);
    sc->w[sc->nw].start = start;
    sc->w[sc->nw].end = start + stripped;
    sc->w[sc->nw].possessive = stripped != end - start;
    sc->nw++;
    return PX_OK;
}

static int is_cue_word(const word *w, const char *text, const char *const *list)
{
    return cl_in(text + w->start, w->end - w->start, list);
}

static px_gender gender_of_first_name(const char *s, size_t len)
{
    if (cl_in(s, len, female_names))
        return PX_GENDER_FEMALE;
    if (cl_in(s, len, male_names))
        return PX_GENDER_MALE;
    return PX_GENDER_UNKNOWN;
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

/* Length of the role chain starting at word k of [k, end): role words and
 * their modifiers ("Vice President", "Secretary of State"), ending on a
 * role word; 0 when there is none. */
static size_t role_chain(const scanner *sc, size_t k, size_t end)
{
    size_t n = 0, last_role = 0;
    int after_of = 0;
    for (size_t i = k; i < end; i++) {
        const word *w = &sc->w[i];
        const char *s = sc->text + w->start;
        size_t len = w->end - w->start;
        if (cl_is_role_word(s, len)) {
            n = i - k + 1;
            last_role = n;
        } else if (cl_eq(s, len, "of") && i + 1 < end && i > k && last_role == n) {
            after_of = 1; /* "Secretary of State" */
            continue;
        } else if (after_of) {
            n = last_role = i - k + 1;
            after_of = 0;
        } else if (cl_is_role_modifier(s, len) && last_role == n) {
            n = i - k + 1;
        } else {
            break;
        }
        if (w->possessive)
            break;
    }
    return last_role;
}

static int add_cand(scanner *sc, size_t role_start_w, size_t name_w, size_t end_w)
{
    if (name_w >= end_w)
        return PX_OK;
    /* a lone letter names nobody: "C" of the comet "C/2025 H4", "A" of a
     * list item */
    if (end_w - name_w == 1 && sc->w[name_w].end - sc->w[name_w].start == 1)
        return PX_OK;
    if (CL_GROW(sc->c, sc->capc, sc->nc))
        return PX_ENOMEM;
    cand *c = &sc->c[sc->nc];
    memset(c, 0, sizeof *c);
    c->role_start = sc->w[role_start_w].start;
    c->start = sc->w[name_w].start;
    c->end = sc->w[end_w - 1].end;
    c->first_word = name_w;
    c->n_words = end_w - name_w;
    c->possessive = sc->w[end_w - 1].possessive;
    c->entity = -1;
    c->name = cl_squeeze(sc->text + c->start, c->end - c->start);
    if (!c->name)
        return PX_ENOMEM;
    if (role_start_w < name_w) {
        c->role = cl_squeeze(sc->text + c->role_start, sc->w[name_w - 1].end - c->role_start);
        if (!c->role) {
            free(c->name);
            return PX_ENOMEM;
        }
    }
    sc->nc++;
    return PX_OK;
}

static void classify(scanner *sc, cand *c, size_t role_first_w)
{
    const word *w = &sc->w[c->first_word];
    const char *t = sc->text;
    size_t n = c->n_words;
    c->kind = n == 1 ? PX_ENTITY_ORG : PX_ENTITY_PERSON;
    int all_caps = 1;
    for (size_t i = 0; i < n; i++) {
        for (size_t b = w[i].start; b < w[i].end; b++)
            if (islower((unsigned char)t[b]))
                all_caps = 0;
    }
    for (size_t i = 0; i < n; i++)
        if (is_cue_word(&w[i], t, org_cues) || cl_eq(t + w[i].start, w[i].end - w[i].start, "of") ||
            cl_eq(t + w[i].start, w[i].end - w[i].start, "for")) {
            c->kind = PX_ENTITY_ORG;
            c->kind_sure = 1;
        }
    if (cl_in(c->name, strlen(c->name), places) || (!c->kind_sure && n > 1 &&
                                                   is_cue_word(&w[n - 1], t, place_cues))) {
        c->kind = PX_ENTITY_PLACE;
        c->kind_sure = 1;
    }
    if (c->role) {
        for (size_t i = role_first_w; i < c->first_word; i++) {
            px_gender g = gender_of_title(t + sc->w[i].start, sc->w[i].end - sc->w[i].start);
            if (g)
                c->gender = g;
        }
        c->kind = PX_ENTITY_PERSON;
        c->kind_sure = 1;
    }
    px_gender g = gender_of_first_name(t + w[0].start, w[0].end - w[0].start);
    if (g && n > 1 && !c->kind_sure) {
        c->kind = PX_ENTITY_PERSON;
        c->kind_sure = 1;
    }
    if (g && n > 1 && c->kind == PX_ENTITY_PERSON && !c->gender)
        c->gender = g;
    if (all_caps && !c->role && c->kind != PX_ENTITY_PLACE)
        c->kind = PX_ENTITY_ORG;
    if (n == 1 && !c->kind_sure && c->first_word > 0) {
        /* "in Dubai", "from Milwaukee" */
        size_t ti = cl_token_at(&sc->tk, c->role_start);
        if (ti > 0 && (cl_tok_eq(t, &sc->tk.v[ti - 1], "in") ||
                       cl_tok_eq(t, &sc->tk.v[ti - 1], "near") ||
                       cl_tok_eq(t, &sc->tk.v[ti - 1], "across")))
            c->kind = PX_ENTITY_PLACE;
    }
}

/* Adds the candidate of add_cand() and gives it a kind. */
static int add_classified(scanner *sc, size_t role_start_w, size_t name_w, size_t end_w)
{
    size_t before = sc->nc;
    int rc = add_cand(sc, role_start_w, name_w, end_w);
    if (!rc && sc->nc > before)
        classify(sc, &sc->c[sc->nc - 1], role_start_w);
    return rc;
}

/* Splits the capitalised run of words [a, b) into candidates: an optional
 * leading organisation/other part, a role chain and the name. */
static int split_run(scanner *sc, size_t a, size_t b)
{
    if (b > a + 1 && cl_eq(sc->text + sc->w[a].start, sc->w[a].end - sc->w[a].start, "The"))
        a++;
    /* drop leading demonyms and trailing joiners */
    while (a < b && is_demonym(sc->text + sc->w[a].start, sc->w[a].end - sc->w[a].start) &&
           !sc->w[a].possessive &&
           (a + 1 == b || cl_is_role_word(sc->text + sc->w[a + 1].start,
                                          sc->w[a + 1].end - sc->w[a + 1].start) ||
            cl_is_role_modifier(sc->text + sc->w[a + 1].start,
                                sc->w[a + 1].end - sc->w[a + 1].start) ||
            is_demonym(sc->text + sc->w[a + 1].start, sc->w[a + 1].end - sc->w[a + 1].start)))
        a++;
    /* party-state labels: D-Mo., R-Texas */
    if (b == a + 1 && sc->w[a].end - sc->w[a].start >= 3 &&
        strchr("DRI", sc->text[sc->w[a].start]) && sc->text[sc->w[a].start + 1] == '-')
        return PX_OK;
    while (b > a && cl_in(sc->text + sc->w[b - 1].start, sc->w[b - 1].end - sc->w[b - 1].start,
                          org_joiners))
        b--;
    if (a >= b)
        return PX_OK;
    for (size_t k = a; k < b; k++) {
        size_t r = role_chain(sc, k, b);
        if (!r)
            continue;
        /* words before the role form their own candidate */
        int rc = k > a ? add_classified(sc, a, a, k) : PX_OK;
        /* a role without a name ("Defense Secretary") is no entity */
        if (!rc && k + r < b && !sc->w[k + r - 1].possessive)
            rc = add_classified(sc, k, k + r, b);
        return rc;
    }
    return add_classified(sc, a, a, b);
}

/* Is word index i (just pushed) a joiner we keep inside a run? */
static int joiner_ok(const scanner *sc, size_t run_start, const px_token *t, const px_token *next)
{
    if (!next || !is_cap_word(sc, next) || sc->nw == run_start)
        return 0;
    const char *s = sc->text + t->start;
    size_t len = t->end - t->start;
    const word *prev = &sc->w[sc->nw - 1];
    if (prev->possessive)
        return 0;
    if (cl_in(s, len, name_particles))
        return 1;
    if (!cl_in(s, len, org_joiners))
        return 0;
    /* "of"/"for"/"and" only continue organisations and offices:
     * "Department of State", "Secretary of State", "Chamber of Commerce" */
    return is_cue_word(prev, sc->text, org_cues) || cl_is_role_word(sc->text + prev->start,
                                                                     prev->end - prev->start);
}

static int scan_runs(scanner *sc)
{
    const char *t = sc->text;
    size_t i = 0;
    while (i < sc->tk.n) {
        const px_token *tok = &sc->tk.v[i];
        if (!is_cap_word(sc, tok) || cl_is_calendar_word(t + tok->start, tok->end - tok->start)) {
            i++;
            continue;
        }
        size_t run_start = sc->nw;
        while (i < sc->tk.n) {
            tok = &sc->tk.v[i];
            const px_token *next = i + 1 < sc->tk.n ? &sc->tk.v[i + 1] : NULL;
            size_t len = tok->end - tok->start;
            if (sc->nw > run_start &&
                memchr(t + sc->w[sc->nw - 1].end, '\n', tok->start - sc->w[sc->nw - 1].end))
                break; /* names do not run across paragraphs */
            if (is_cap_word(sc, tok)) {
                if (cl_is_calendar_word(t + tok->start, len) ||
                    lower_after_hyphen(t + tok->start, len))
                    break;
                if (sc->nw == run_start && sentence_initial(sc, i) &&
                    common_initial_word(sc, t + tok->start, len) &&
                    (px_is_stopword("en", t + tok->start, len) || seen_lower(sc, t + tok->start, len) ||
                     !unknown_given_name(sc, i))) {
                    i++;
                    continue; /* a common word capitalised by its position */
                }
                if (len == 1 && (t[tok->start] == 'I' || t[tok->start] == 'A'))
                    break;
                size_t end = tok->end;
                /* "Mr" "." -> "Mr." */
                if (next && next->kind == PX_TOK_PUNCT && next->start == end && t[next->start] == '.' &&
                    cl_is_role_word(t + tok->start, len)) {
                    end = next->end;
                    i++;
                }
                if (push_word(sc, tok->start, end))
                    return PX_ENOMEM;
                /* possessive written as its own token: Harris ' */
                if (i + 1 < sc->tk.n && sc->tk.v[i + 1].kind == PX_TOK_PUNCT &&
                    sc->tk.v[i + 1].start == end &&
                    cl_strip_possessive(t + tok->start, sc->tk.v[i + 1].end - tok->start) ==
                        end - tok->start &&
                    (t[end] == '\'' || (unsigned char)t[end] == 0xE2) &&
                    (i + 2 >= sc->tk.n || sc->tk.v[i + 2].start > sc->tk.v[i + 1].end) &&
                    t[end - 1] == 's') {
                    sc->w[sc->nw - 1].possessive = 1;
                    i++;
                }
                i++;
                if (sc->w[sc->nw - 1].possessive)
                    break;
                continue;
            }
            if (tok->kind == PX_TOK_WORD && joiner_ok(sc, run_start, tok, next)) {
                if (push_word(sc, tok->start, tok->end))
                    return PX_ENOMEM;
                i++;
                continue;
            }
            break;
        }
        if (sc->nw > run_start) {
            int rc = split_run(sc, run_start, sc->nw);
            if (rc)
                return rc;
        }
        if (i < sc->tk.n && !is_cap_word(sc, &sc->tk.v[i]))
            i++;
        else if (sc->nw == run_start)
            i++;
    }
    return PX_OK;
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

/* The entity a short mention refers to: the most recently mentioned
 * entity whose name contains it as a word (persons: as the surname), else
 * one whose surname is within a small edit distance. */
static long resolve_short(const px_entity_list *out, const cand *cands, size_t upto, const cand *c)
{
    size_t len = strlen(c->name);
    long best = -1;
    for (size_t pass = 0; pass < 2 && best < 0; pass++) {
        for (size_t k = upto; k-- > 0;) {
            const cand *o = &cands[k];
            if (o->entity < 0 || o->n_words <= c->n_words)
                continue;
            const px_entity *e = &out->v[o->entity];
            if (pass == 0) {
                int person = e->kind == PX_ENTITY_PERSON;
                if (c->n_words == 1 && word_of(e->name, c->name, len, person) &&
                    (person || e->kind == PX_ENTITY_ORG) && c->kind != PX_ENTITY_PLACE)
                    return o->entity;
                if (c->n_words > 1 && person && strstr(e->name, c->name))
                    return o->entity;
            } else if (c->n_words == 1 && e->kind == PX_ENTITY_PERSON && !c->kind_sure) {
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
        if (pass == 0 && c->n_words == 1)
            for (size_t k = 0; k < out->n; k++)
                if (out->v[k].kind == PX_ENTITY_PERSON && strchr(out->v[k].name, ' ') &&
                    word_of(out->v[k].name, c->name, len, 1) && c->kind != PX_ENTITY_PLACE)
                    return (long)k;
    }
    return best;
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

static int resolve(scanner *sc, const px_article *a, px_entity_list *out)
{
    /* full names first, in text order, so short forms find them */
    for (size_t k = 0; k < sc->nc; k++) {
        cand *c = &sc->c[k];
        if (c->n_words < 2)
            continue;
        for (size_t e = 0; e < out->n; e++)
            if (strcasecmp(out->v[e].name, c->name) == 0) {
                c->entity = (long)e;
                break;
            }
        if (c->entity < 0 && c->kind == PX_ENTITY_PERSON)
            c->entity = resolve_short(out, sc->c, k, c);
        if (c->entity < 0 && (c->entity = new_entity(out, c)) < 0)
            return PX_ENOMEM;
    }
    for (size_t k = 0; k < sc->nc; k++) {
        cand *c = &sc->c[k];
        if (c->entity >= 0)
            continue;
        c->entity = resolve_short(out, sc->c, sc->nc, c);
        if (c->entity < 0)
            for (size_t e = 0; e < out->n; e++)
                if (strcasecmp(out->v[e].name, c->name) == 0) {
                    c->entity = (long)e;
                    break;
                }
        if (c->entity < 0 && (c->entity = new_entity(out, c)) < 0)
            return PX_ENOMEM;
    }
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
        if (c->kind_sure && c->kind == PX_ENTITY_PERSON)
            e->kind = PX_ENTITY_PERSON;
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
    px_tokens_free(&sc->tk);
    px_spans_free(&sc->ss);
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
    if (!a || !out)
        return PX_EUSAGE;
    if (!a->body)
        return PX_OK;
    scanner sc = {.text = a->body, .len = strlen(a->body)};
    int rc = px_tokenize(sc.text, sc.len, &sc.tk);
    if (!rc)
        rc = px_split_sentences(sc.text, sc.len, &sc.ss);
    if (!rc)
        rc = lower_set_build(&sc);
    if (!rc)
        rc = scan_runs(&sc);
    if (!rc)
        rc = resolve(&sc, a, out);
    scanner_free(&sc);
    return rc ? PX_ENOMEM : PX_OK;
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
} flat;

static size_t uf_find(flat *f, size_t i)
{
    while (f[i].parent != i) {
        f[i].parent = f[f[i].parent].parent;
        i = f[i].parent;
    }
    return i;
}

static void uf_union(flat *f, size_t a, size_t b)
{
    a = uf_find(f, a);
    b = uf_find(f, b);
    if (a != b)
        f[b].parent = a;
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

static int same_entity(const px_entity *a, const px_entity *b)
{
    if (strcasecmp(a->name, b->name) == 0)
        return a->kind == b->kind || a->kind == PX_ENTITY_OTHER || b->kind == PX_ENTITY_OTHER ||
               (a->kind != PX_ENTITY_PLACE && b->kind != PX_ENTITY_PLACE);
    if (!kinds_compatible(a->kind, b->kind))
        return 0;
    if (a->kind != PX_ENTITY_PERSON)
        return 0;
    int a_one = !strchr(a->name, ' '), b_one = !strchr(b->name, ' ');
    size_t al, bl;
    const char *as = last_word(a->name, &al), *bs = last_word(b->name, &bl);
    if (a_one != b_one) /* "Biden" and "Joe Biden" */
        return al == bl && strncasecmp(as, bs, al) == 0;
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
    /* both have first names: they must agree */
    int a_one = !strchr(a->name, ' '), b_one = !strchr(b->name, ' ');
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
        for (size_t j = 0; lists[i] && j < lists[i]->n; j++, k++)
            f[k] = (flat){i, j, k};
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
    for (size_t i = 0; i < total; i++) {
        size_t al;
        const char *as = last_word(ENT(order[i])->name, &al);
        for (size_t j = i + 1; j < total; j++) {
            size_t bl;
            const char *bs = last_word(ENT(order[j])->name, &bl);
            if (tolower((unsigned char)as[0]) != tolower((unsigned char)bs[0]) || bl > al + 2)
                break;
            const px_entity *a = ENT(order[i]), *b = ENT(order[j]);
            if (same_entity(a, b) || misspelled(a, b))
                uf_union(f, order[i], order[j]);
        }
    }
    free(order);
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
    if (!role_votes) {
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
        if (!m->name || ew > mw || (ew == mw && e->mentions > m->mentions && ew)) {
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
        if (e->kind == PX_ENTITY_PERSON)
            m->kind = PX_ENTITY_PERSON;
        m->mentions += e->mentions;
        for (size_t v = 0; v < e->variants.n && !rc; v++)
            rc = entity_add_variant(m, e->variants.items[v]);
        for (size_t s = 0; s < e->n_sources && !rc; s++)
            rc = merged_add_source(m, &e->sources[s]);
    }
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
