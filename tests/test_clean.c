/* test_clean.c - cleaning on the example corpus (every planted noise line
 * of examples/README.md removed, every "must keep" sentence kept), on the
 * five seeds, and on hand-written cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean_internal.h"
#include "text/doc_internal.h"
#include "testutil.h"

static px_article *by_suffix(tu_result *r, const char *suffix)
{
    for (size_t i = 0; i < r->n; i++) {
        const px_article *a = r->articles[i];
        size_t n = strlen(a->input_path), k = strlen(suffix);
        if (n >= k && strcmp(a->input_path + n - k, suffix) == 0)
            return r->articles[i];
    }
    fail_msg("no article read from *%s", suffix);
    return NULL;
}

static px_article *by_id(tu_result *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->articles[i]->id, id) == 0)
            return r->articles[i];
    fail_msg("no article %s", id);
    return NULL;
}

static const char *removal_reason(const px_article *a, const char *text)
{
    for (size_t i = 0; i < a->n_removed; i++)
        if (strcmp(a->removed[i].text, text) == 0)
            return a->removed[i].reason;
    return NULL;
}

static size_t paragraphs(const char *body)
{
    if (!*body)
        return 0;
    size_t n = 1;
    for (const char *p = body; (p = strstr(p, "\n\n")); p += 2)
        n++;
    return n;
}

static size_t sentences(const char *body)
{
    px_spans sp = {0};
    assert_int_equal(px_split_sentences(body, strlen(body), &sp), PX_OK);
    size_t n = sp.n;
    px_spans_free(&sp);
    return n;
}

typedef struct noise {
    const char *file; /* suffix of the input path, or "#ID" for JSON Lines */
    const char *text;
    const char *reason;
} noise;

/* examples/README.md, "Planted noise". */
static const noise planted[] = {
    {"harbor-herald--bridge-collapse.txt", "By Dana Whitfield, Senior Correspondent", "byline"},
    {"harbor-herald--bridge-collapse.txt", "Rescue workers search the debris near the south pier on Tuesday (Photo: J. Marsh/Harbor Herald)", "caption"},
    {"harbor-herald--bridge-collapse.txt", "Advertisement", "advertisement"},
    {"harbor-herald--bridge-collapse.txt", "Already a subscriber? Log in.", "paywall"},
    {"harbor-herald--bridge-collapse.txt", "Share this article", "share-prompt"},
    {"liberty-ledger--bridge-cover-up.txt", "Please enable JavaScript in your browser settings.", "script-notice"},
    {"liberty-ledger--bridge-cover-up.txt", "A crane lifts a section of the collapsed span", "caption"},
    {"liberty-ledger--bridge-cover-up.txt", "Follow us on X", "share-prompt"},
    {"liberty-ledger--bridge-cover-up.txt", "Read more:", "related-links"},
    {"liberty-ledger--bridge-cover-up.txt", "City Hall Stonewalls on Bridge Emails", "related-links"},
    {"liberty-ledger--bridge-cover-up.txt", "Who Is Brennan-Holt? The Contractor Behind the Crumbling Span", "related-links"},
    {"liberty-ledger--bridge-cover-up.txt", "Back to top", "navigation"},
    {"civic-dispatch--bridge-victims.txt", "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.", "cookie-notice"},
    {"civic-dispatch--bridge-victims.txt", "Mourners light candles at a vigil on Harbor Street on Wednesday evening (Photo: T. Brandt/Civic Dispatch)", "caption"},
    {"civic-dispatch--bridge-victims.txt", "Related: Port Alder Transit Workers Say Repairs Were Rushed", "related-links"},
    {"civic-dispatch--bridge-victims.txt", "Sign up for our newsletter to get the latest news from Port Alder and beyond.", "newsletter"},
    {"civic-dispatch--bridge-victims.txt", "Many of the victims lived in the Eastgate neighborhood, where a third of households do not own a car.", "repeat"},
    {"meridian-times--port-alder-inspection.txt", "A diver prepares to enter the Sable River beside the wreckage", "caption"},
    {"meridian-times--port-alder-inspection.txt", "Advertisement", "advertisement"},
    {"meridian-times--port-alder-inspection.txt", "It looks like you're using an ad blocker. Please disable it to support our journalism.", "advertisement"},
    {"meridian-times--port-alder-inspection.txt", "Engineers cautioned in 2023 that the bearings under the Tillman Bridge's central span were corroding, according to an inspection report the transit authority released Wednesday.", "near-repeat"},
    {"national-tribune--bridge-repair-cost.txt", "Transit authority engineers survey the north approach on Wednesday (Tribune photo/K. Abara)", "caption"},
    {"national-tribune--bridge-repair-cost.txt", "Related: Freight Firms Reroute Through Kessling as Port Traffic Slows", "related-links"},
    {"national-tribune--bridge-repair-cost.txt", "Subscribe to continue reading.", "paywall"},
    {"civic-dispatch--battery-strike.txt", "Strikers picket outside Gate 3 of the Corran plant on Sunday (Photo: L. Ferrante/Civic Dispatch)", "caption"},
    {"civic-dispatch--battery-strike.txt", "Share this article", "share-prompt"},
    {"civic-dispatch--battery-strike.txt", "Related: Battery Plant Workers Cite Heat, Injuries in Safety Complaints", "related-links"},
    {"civic-dispatch--battery-strike.txt", "Sign up for our newsletter to get the latest labor news delivered to your inbox.", "newsletter"},
    {"national-tribune--corran-strike.txt", "By Marcus Oyelaran, Business Editor", "byline"},
    {"national-tribune--corran-strike.txt", "The Corran Energy battery plant in Millbrook", "caption"},
    {"national-tribune--corran-strike.txt", "Advertisement", "advertisement"},
    {"national-tribune--corran-strike.txt", "Read more:", "related-links"},
    {"national-tribune--corran-strike.txt", "Battery Makers Race to Lock In Lithium Supplies", "related-links"},
    {"national-tribune--corran-strike.txt", "Why Factory Wages Are Trailing Inflation", "related-links"},
    {"civic-dispatch--battery-strike.txt", "MILLBROOK — ", "dateline"},
    {"civic-dispatch--bridge-victims.txt", "PORT ALDER — ", "dateline"},
    {"cordillera-radio--comet-discovery.txt", "SANTIAGO — ", "dateline"},
    {"harbor-herald--bridge-collapse.txt", "PORT ALDER — ", "dateline"},
    {"liberty-ledger--bridge-cover-up.txt", "PORT ALDER — ", "dateline"},
    {"liberty-ledger--comet-amateur.txt", "RED MESA, Ariz. — ", "dateline"},
    {"meridian-times--battery-plant-strike.txt", "KESTREL FALLS, Ont. — ", "dateline"},
    {"meridian-times--port-alder-inspection.txt", "PORT ALDER, U.S. — ", "dateline"},
    {"national-tribune--corran-strike.txt", "MILLBROOK — ", "dateline"},
    {"#atlas-20250304-0117", "PORT ALDER (Atlas Wire) — ", "dateline"},
    {"#atlas-20250304-0342", "MILLBROOK (Atlas Wire) — ", "dateline"},
    {"meridian-times--battery-plant-strike.txt", "Please enable JavaScript in your browser settings.", "script-notice"},
    {"meridian-times--battery-plant-strike.txt", "Advertisement", "advertisement"},
    {"meridian-times--battery-plant-strike.txt", "Back to top", "navigation"},
    {"cordillera-radio--comet-discovery.txt", "The Cerro Velado Observatory under the night sky (Photo: Cordillera State Radio)", "caption"},
    {"cordillera-radio--comet-discovery.txt", "Follow us on X", "share-prompt"},
    {"cordillera-radio--comet-discovery.txt", "Related: Cerro Velado to Open New Visitor Center in Winter", "related-links"},
    {"meridian-times--new-comet.txt", "An image of the comet taken at Cerro Velado on Feb. 28 shows a faint green coma (Photo: Cerro Velado Observatory)", "caption"},
    {"meridian-times--new-comet.txt", "Already a subscriber? Log in.", "paywall"},
    {"meridian-times--new-comet.txt", "Subscribe to continue reading.", "paywall"},
    {"meridian-times--new-comet.txt", "The comet is currently about 4.1 astronomical units from the sun, beyond the orbit of the asteroid belt.", "repeat"},
    {"liberty-ledger--comet-amateur.txt", "We use cookies to improve your experience on our site. To find out more, read our cookie policy.", "cookie-notice"},
    {"liberty-ledger--comet-amateur.txt", "Gil Halloran with his telescope in Red Mesa, Ariz., on Monday (Photo: Liberty Ledger)", "caption"},
    {"liberty-ledger--comet-amateur.txt", "Advertisement", "advertisement"},
    {"#atlas-20250304-0342", "Advertisement", "advertisement"},
};

/* examples/README.md, "Must keep". */
static const noise keep[] = {
    {"harbor-herald--bridge-collapse.txt", "Residents who subscribe to the city's alert service received a text at 6:40 a.m. telling them to avoid the waterfront.", NULL},
    {"liberty-ledger--bridge-cover-up.txt", "The Ledger has asked to see the emails; the city has yet to share them.", NULL},
    {"civic-dispatch--bridge-victims.txt", "A bakery on Quay Street handed out coffee and cookies to rescue crews through the night.", NULL},
    {"civic-dispatch--bridge-victims.txt", "Many of the victims lived in the Eastgate neighborhood, where a third of households do not own a car.", NULL},
    {"meridian-times--port-alder-inspection.txt", "Maintenance accounted for a 1.8% share of the authority's $412 million budget last year, according to its annual report.", NULL},
    {"meridian-times--port-alder-inspection.txt", "Engineers warned two years ago that the bearings beneath the central span of the Tillman Bridge were corroding, according to an inspection report released by the Port Alder Transit Authority on Wednesday.", NULL},
    {"national-tribune--bridge-repair-cost.txt", "Contractors who want to bid on the replacement can sign up for a briefing at the authority\xE2\x80\x99s offices next week.", NULL},
    {"civic-dispatch--battery-strike.txt", "Shares of Corran Energy fell 4.1% on Monday.", NULL},
    {"civic-dispatch--battery-strike.txt", "Supporters who subscribe to the local\xE2\x80\x99s text alerts were asked on Sunday night to bring water and firewood to the picket line, and dozens did.", NULL},
    {"national-tribune--corran-strike.txt", "The company has also paused a television advertisement for its spring hiring drive.", NULL},
    {"meridian-times--battery-plant-strike.txt", "Union leaders also want workers to get a larger share of the plant's profits through a bonus tied to output.", NULL},
    {"cordillera-radio--comet-discovery.txt", "Ferrada said she would share the observing data with amateur groups around the world so that they could help track the comet\xE2\x80\x99s tail as it develops.", NULL},
    {"meridian-times--new-comet.txt", "\"It is a good advertisement for backyard astronomy,\" he said.", NULL},
    {"meridian-times--new-comet.txt", "The comet is currently about 4.1 astronomical units from the sun, beyond the orbit of the asteroid belt.", NULL},
    {"liberty-ledger--comet-amateur.txt", "His wife, Judy, baked cookies for the neighbors who lined up on Sunday night to look through the eyepiece.", NULL},
    {"liberty-ledger--comet-amateur.txt", "sharing the credit with a state-funded observatory in Chile.", NULL},
    {"#atlas-20250304-0342", "Shares of Corran Energy fell 4.1% on Monday.", NULL},
};

static px_article *article_of(tu_result *r, const char *file)
{
    return file[0] == '#' ? by_id(r, file + 1) : by_suffix(r, file);
}

static void test_examples_noise_removed(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, "examples/corpus", NULL);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.n, 13);
    size_t total = 0;
    for (size_t i = 0; i < sizeof planted / sizeof planted[0]; i++) {
        px_article *a = article_of(&r, planted[i].file);
        const char *reason = removal_reason(a, planted[i].text);
        if (!reason || strcmp(reason, planted[i].reason) != 0)
            fail_msg("%s: \"%s\" removed as %s, want %s", planted[i].file, planted[i].text,
                     reason ? reason : "(kept)", planted[i].reason);
        /* and gone from the text, unless a first copy stays */
        if (strcmp(planted[i].reason, "repeat") != 0 && strcmp(planted[i].reason, "advertisement") != 0)
            assert_null(strstr(a->body, planted[i].text));
    }
    for (size_t i = 0; i < r.n; i++) {
        total += r.articles[i]->n_removed;
        assert_null(strstr(r.articles[i]->body, "\n\nAdvertisement\n\n"));
    }
    /* nothing else was removed */
    assert_int_equal(total, sizeof planted / sizeof planted[0]);
    tu_result_free(&r);
}

static void test_examples_real_sentences_kept(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, "examples/corpus", NULL);
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        px_article *a = article_of(&r, keep[i].file);
        if (!strstr(a->body, keep[i].text))
            fail_msg("%s lost \"%s\"", keep[i].file, keep[i].text);
    }
    /* the repeated sentences are kept exactly once */
    px_article *a = by_suffix(&r, "meridian-times--new-comet.txt");
    const char *first = strstr(a->body, "The comet is currently about 4.1");
    assert_non_null(first);
    assert_null(strstr(first + 1, "The comet is currently about 4.1"));
    tu_result_free(&r);
}

static void test_examples_paragraph_counts(void **s)
{
    (void)s;
    static const struct {
        const char *file;
        size_t paragraphs;
    } want[] = {
        {"harbor-herald--bridge-collapse.txt", 10},        {"liberty-ledger--bridge-cover-up.txt", 11},
        {"civic-dispatch--bridge-victims.txt", 9},         {"meridian-times--port-alder-inspection.txt", 12},
        {"national-tribune--bridge-repair-cost.txt", 10},  {"civic-dispatch--battery-strike.txt", 9},
        {"national-tribune--corran-strike.txt", 8},        {"meridian-times--battery-plant-strike.txt", 9},
        {"cordillera-radio--comet-discovery.txt", 9},      {"meridian-times--new-comet.txt", 7},
        {"liberty-ledger--comet-amateur.txt", 8},
    };
    tu_result r;
    tu_read_one(&r, "examples/corpus", NULL);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        px_article *a = by_suffix(&r, want[i].file);
        if (paragraphs(a->body) != want[i].paragraphs)
            fail_msg("%s: %zu paragraphs, want %zu", want[i].file, paragraphs(a->body),
                     want[i].paragraphs);
    }
    /* highlights are metadata and stay */
    assert_int_equal(by_suffix(&r, "harbor-herald--bridge-collapse.txt")->highlights.n, 3);
    tu_result_free(&r);
}

static void test_raw_keeps_everything(void **s)
{
    (void)s;
    tu_result r;
    px_read_opts o = {0};
    tu_read_raw_one(&r, "examples/corpus", &o);
    for (size_t i = 0; i < r.n; i++)
        assert_int_equal(r.articles[i]->n_removed, 0);
    assert_non_null(strstr(by_suffix(&r, "harbor-herald--bridge-collapse.txt")->body, "Share this article"));
    tu_result_free(&r);
}

/* Seeds: what a careful reader strips, and the real sentences that stay. */
static void test_seed_000_captions_teaser_repeats(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds/000_9174a8464403a93b.txt"), NULL);
    assert_int_equal(r.n, 1);
    px_article *a = r.articles[0];
    size_t captions = 0, near = 0, nav = 0;
    for (size_t i = 0; i < a->n_removed; i++) {
        captions += strcmp(a->removed[i].reason, "caption") == 0;
        near += strcmp(a->removed[i].reason, "near-repeat") == 0;
        nav += strcmp(a->removed[i].reason, "navigation") == 0;
        /* the captions describe pictures and end without a full stop */
        if (strcmp(a->removed[i].reason, "caption") == 0)
            assert_int_not_equal(a->removed[i].text[strlen(a->removed[i].text) - 1], '.');
    }
    assert_int_equal(captions, 2);
    assert_int_equal(near, 2);
    assert_int_equal(nav, 1); /* the section label glued to a teaser */
    assert_int_equal(a->n_removed, 5);
    assert_null(strstr(a->body, "found Politics."));
    /* the teaser loses its label, not its words */
    assert_non_null(strstr(a->body, "divided even at the top, a report has found."));
    /* the lede opens the article; its later rewording goes */
    assert_true(strncmp(a->body, "Vice President Kamala Harris has reportedly urged his colleagues to show", 72) == 0);
    assert_null(strstr(a->body, "to be more publicly sympathetic"));
    assert_null(strstr(a->body, "artillery unit fires"));
    /* each repeated fact is still told once */
    const char *p = strstr(a->body, "18,000 people");
    assert_non_null(p);
    assert_null(strstr(p + 1, "18,000 people"));
    p = strstr(a->body, "Vice President Kamala Harris has reportedly urged");
    assert_non_null(p);
    assert_null(strstr(p + 1, "Vice President Kamala Harris has reportedly urged"));
    /* 29 sentences as read, 4 removed; quotes and the last line stay */
    assert_int_equal(sentences(a->body), 25);
    assert_non_null(strstr(a->body, "she told Politico."));
    assert_int_equal(a->highlights.n, 3);
    tu_result_free(&r);
}

static void test_seed_002_paywall_block(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds/002_29bd39887e23459a.txt"), NULL);
    px_article *a = r.articles[0];
    assert_int_equal(a->n_removed, 7);
    size_t paywall = 0;
    for (size_t i = 0; i < a->n_removed; i++)
        paywall += strcmp(a->removed[i].reason, "paywall") == 0;
    assert_int_equal(paywall, 5);
    assert_string_equal(removal_reason(a, "Please enable JavaScript in your browser settings."), "script-notice");
    assert_string_equal(removal_reason(a, "Back to top button"), "navigation");
    /* the article now ends with its last real sentence */
    const char *end = "were \xE2\x80\x9Cover the top.\xE2\x80\x9D";
    assert_string_equal(a->body + strlen(a->body) - strlen(end), end);
    assert_int_equal(sentences(a->body), 10);
    assert_string_equal(a->title, "Biden Cautions Netanyahu on Ground Offensive in Southern Gaza");
    tu_result_free(&r);
}

static void test_seeds_without_noise_untouched(void **s)
{
    (void)s;
    static const char *const clean[] = {"seeds/001_df5b7f4de51ec65d.txt", "seeds/003_5bd56814a8206494.txt",
                                        "seeds/004_b95e2509ac2ecda9.txt"};
    static const size_t n_sentences[] = {20, 13, 22};
    for (size_t i = 0; i < 3; i++) {
        tu_result r, raw;
        px_read_opts o = {0};
        tu_read_one(&r, tu_shared(clean[i]), NULL);
        tu_read_raw_one(&raw, tu_shared(clean[i]), &o);
        assert_int_equal(r.articles[0]->n_removed, 0);
        assert_string_equal(r.articles[0]->body, raw.articles[0]->body);
        assert_int_equal(sentences(r.articles[0]->body), n_sentences[i]);
        tu_result_free(&r);
        tu_result_free(&raw);
    }
}

/* Runs the built-in English cleaner on a body given as paragraphs. */
static px_article *clean_body(const char *body)
{
    px_cleaner *c;
    px_error err;
    assert_int_equal(px_cleaner_new(&c, "en", &err), PX_OK);
    px_article *a = px_article_new();
    assert_int_equal(px_set_str(&a->body, body), PX_OK);
    assert_int_equal(px_clean_article(c, a), PX_OK);
    px_cleaner_free(c);
    return a;
}

/* One long paragraph: the exact-repeat check looks copies up by hash, so
 * its work grows with the sentences, not with their pairs (the pairwise
 * check compared 200 million pairs here), and the copies still go. */
static void test_repeat_check_is_linear(void **s)
{
    (void)s;
    static const char *const words[] = {"harbor", "council", "budget", "river", "bridge", "strike",
                                        "union", "plant", "battery", "comet", "court", "storm"};
    enum { N = 20000 };
    px_buf b = {0};
    for (int i = 0; i < N; i++) /* distinct sentences of six words: exact repeats only */
        px_buf_printf(&b, "The %s and %s met %d times. ", words[i % 12], words[(i / 12) % 12], i);
    px_buf_puts(&b, "The plant and harbor met 7 times. The plant and harbor met 7 times.");
    unsigned long long before = px_clean_pairs_compared();
    px_article *a = clean_body(b.data);
    unsigned long long pairs = px_clean_pairs_compared() - before;
    assert_true(pairs < 4 * N);
    assert_int_equal(a->n_removed, 2); /* both copies of sentence 7, which stays */
    assert_non_null(strstr(a->body, "The plant and harbor met 7 times."));
    px_article_free(a);
    px_buf_free(&b);
}

/* The repeat check's fingerprints and names read one tokenisation of each
 * paragraph as written, also where folding leaves characters as they are
 * ("£", "é"); a sentence whose capitals change its tokens ("J. R. Ellis")
 * has its folded text tokenised as well, for its terms. */
static void test_one_tokenisation_per_sentence(void **s)
{
    (void)s;
    const char plain[] = "At Harwick, the Lantern Choir will open the festival on the Friday and the "
                         "Glass Orchard will close the event on Sunday.\n\n"
                         "At Dunmore, the Lantern Choir will open the festival on the Friday and the "
                         "Copper Wolves will close the event on Sunday.";
    unsigned long long tok0 = px_text_bytes_tokenized();
    px_article *a = clean_body(plain);
    unsigned long long once = px_text_bytes_tokenized() - tok0;
    assert_true(once >= strlen(plain) - 2);
    assert_true(once <= strlen(plain));
    assert_int_equal(a->n_removed, 0);
    px_article_free(a);
    /* "£" and "é" fold to themselves: the written tokens serve */
    const char pounds[] = "At Harwick, the Caf\u00e9 Choir will open the \u00a35 festival on the Friday "
                          "and the Glass Orchard will close the event on Sunday.\n\n"
                          "At Dunmore, the Caf\u00e9 Choir will open the \u00a35 festival on the Friday "
                          "and the Copper Wolves will close the event on Sunday.";
    tok0 = px_text_bytes_tokenized();
    a = clean_body(pounds);
    assert_true(px_text_bytes_tokenized() - tok0 <= strlen(pounds));
    assert_int_equal(a->n_removed, 0);
    px_article_free(a);
    const char initials[] = "At Harwick, J. R. Ellis will open the festival on the Friday and the "
                            "Glass Orchard will close the event on Sunday.\n\n"
                            "At Dunmore, J. R. Ellis will open the festival on the Friday and the "
                            "Copper Wolves will close the event on Sunday.";
    tok0 = px_text_bytes_tokenized();
    a = clean_body(initials);
    assert_true(px_text_bytes_tokenized() - tok0 > strlen(initials));
    assert_int_equal(a->n_removed, 0);
    assert_string_equal(a->body, initials);
    px_article_free(a);
}

/* The document a derived for its body is the one built from that body. */
static void expect_built_doc(const px_article *a)
{
    assert_non_null(a->doc);
    assert_ptr_equal(a->doc->text, a->body);
    px_doc got, want;
    assert_int_equal(px_doc_unpack(a->doc, &got), PX_OK);
    assert_int_equal(px_doc_build(&want, a->body, strlen(a->body), a->doc->lexicon), PX_OK);
    assert_int_equal(got.tokens.n, want.tokens.n);
    for (size_t i = 0; i < got.tokens.n; i++) {
        assert_memory_equal(&got.tokens.v[i], &want.tokens.v[i], sizeof got.tokens.v[i]);
        assert_memory_equal(&got.tok[i], &want.tok[i], sizeof got.tok[i]);
    }
    assert_int_equal(got.sentences.n, want.sentences.n);
    for (size_t i = 0; i < got.sentences.n; i++)
        assert_memory_equal(&got.sentences.v[i], &want.sentences.v[i], sizeof got.sentences.v[i]);
    px_doc_free(&got);
    px_doc_free(&want);
}

static px_article *outlet_article(const char *title, const char *body)
{
    px_article *a = px_article_new();
    assert_int_equal(px_set_str(&a->source, "example.com"), PX_OK);
    assert_int_equal(px_set_str(&a->title, title), PX_OK);
    assert_int_equal(px_set_str(&a->body, body), PX_OK);
    return a;
}

/* Cleaning derives the cleaned body's document from the paragraphs it
 * read (a paragraph removed by a rule, a sentence removed as a repeat, so
 * that its paragraph is rebuilt; capitals and curly quotes that change
 * the folded tokens), and the template learner derives it again when it
 * removes a template paragraph or sentence: each time the document built
 * from the final body, and the kept paragraphs are not split again. */
static void test_cleaned_document_is_derived(void **s)
{
    (void)s;
    static const char *const names[] = {"Harwick", "Dunmore", "Ashby", "Kelso"};
    static const char *const days[] = {"Monday", "Tuesday", "Saturday", "Sunday"};
    static const char *const people[][2] = {{"J. R. Ellis", "Mary O\u2019Neil"}, {"A. B. Quinn", "Tom Varga"},
                                             {"C. D. Lowe", "Rita Ozawa"}, {"E. F. Hart", "Sam Pryce"}};
    px_lexicons *set = px_lexicons_new();
    px_cleaner *c;
    assert_int_equal(px_cleaner_new(&c, "en", NULL), PX_OK);
    px_article *v[4];
    for (size_t i = 0; i < 4; i++) {
        char body[1024], title[64];
        snprintf(title, sizeof title, "%s celebrates", names[i]);
        snprintf(body, sizeof body,
                 "The festival in %s opened on %s with %s on the main stage. "
                 "\u201cIt\u2019s the best year yet,\u201d said the organiser, %s.\n\n"
                 "Subscribe now.\n\n"
                 "Tickets for %s sold out within an hour of going on sale last week. "
                 "Follow our live coverage of every festival this summer on the website. "
                 "Tickets for %s sold out within an hour of going on sale last week.\n\n"
                 "Sign up for the morning briefing and get the news in your inbox every day.",
                 names[i], days[i], people[i][0], people[i][1], names[i], names[i]);
        v[i] = outlet_article(title, body);
        unsigned long long split0 = px_text_bytes_split();
        assert_int_equal(px_clean_article_doc(c, v[i], px_lexicons_get(set, NULL)), PX_OK);
        assert_true(px_text_bytes_split() - split0 <= strlen(body) + strlen(v[i]->body));
        assert_null(strstr(v[i]->body, "Subscribe"));
        expect_built_doc(v[i]);
    }
    assert_int_equal(px_templates_clean_all(v, 4, 0), PX_OK);
    for (size_t i = 0; i < 4; i++) {
        assert_null(strstr(v[i]->body, "Follow our live coverage"));
        assert_null(strstr(v[i]->body, "Sign up for"));
        assert_non_null(strstr(v[i]->body, "sold out"));
        expect_built_doc(v[i]);
        px_article_free(v[i]);
    }
    px_cleaner_free(c);
    px_lexicons_free(set);
}

static void test_real_sentences_with_noise_words_survive(void **s)
{
    (void)s;
    const char body[] =
        "Readers can subscribe to the council's weekly bulletin at no cost.\n\n"
        "Advertisement spending fell 4% last year, the association said.\n\n"
        "We use cookies, the bakery owner joked, to win over the rescue crews.\n\n"
        "Share prices in Millbrook fell sharply on Monday.\n\n"
        "Back to top form, the team won its third game in a row.\n\n"
        "By Tuesday, the toll had risen to 17.\n\n"
        "Related talks between the two sides broke down in March.\n\n"
        "Dana Whitfield is a reporter who was detained in Kessling on Monday.\n\n"
        "The pictures shown in the hearing were taken in March.";
    px_article *a = clean_body(body);
    assert_int_equal(a->n_removed, 0);
    assert_string_equal(a->body, body);
    px_article_free(a);
}

static void test_hand_written_noise(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "The mayor spoke on Tuesday.\n\nSIGN IN\n\nAdvertisement\n\nStory continues below advertisement\n\n"
        "Read more:\n\nCity Hall Stonewalls on Bridge Emails\n\nWho Is Behind the Span?\n\n"
        "The council met again on Wednesday and voted to fund repairs.\n\n"
        "Photo: J. Marsh/Harbor Herald\n\nFacebook Twitter WhatsApp Email");
    assert_string_equal(a->body, "The mayor spoke on Tuesday.\n\n"
                                 "The council met again on Wednesday and voted to fund repairs.");
    assert_int_equal(a->n_removed, 8);
    assert_string_equal(removal_reason(a, "SIGN IN"), "paywall");
    assert_string_equal(removal_reason(a, "Who Is Behind the Span?"), "related-links");
    assert_string_equal(removal_reason(a, "Photo: J. Marsh/Harbor Herald"), "photo-credit");
    assert_string_equal(removal_reason(a, "Facebook Twitter WhatsApp Email"), "share-prompt");
    px_article_free(a);
}

/* A writer's note, a wire caption and related headlines run together
 * without a colon. */
static void test_bios_wire_captions_and_related_runs(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "The mayor spoke on Tuesday.\n\n"
        "Dana Whitfield is the Herald's senior correspondent and editor covering transport. Follow her on "
        "the Herald's site.\n\n"
        "Tomas Brenner, the mayor of Port Alder, is pictured in this undated handout photo provided by the city. "
        "He took office in 2021.\n\n"
        "Related stories Ferry Fares Rise Again Council Approves Night Buses\n\n"
        "The council met again on Wednesday.");
    assert_string_equal(a->body, "The mayor spoke on Tuesday.\n\nHe took office in 2021.\n\n"
                                 "The council met again on Wednesday.");
    assert_string_equal(removal_reason(a, "Dana Whitfield is the Herald's senior correspondent and editor covering "
                                                 "transport. Follow her on the Herald's site."), "byline");
    assert_string_equal(removal_reason(a, "Tomas Brenner, the mayor of Port Alder, is pictured in this "
                                                 "undated handout photo provided by the city."), "caption");
    assert_string_equal(removal_reason(a, "Related stories Ferry Fares Rise Again Council Approves Night Buses"), "related-links");
    px_article_free(a);
}

/* A wire picture's caption opening on the picture and the wire's credit
 * line go; a sentence about a photo in the story stays. */
static void test_picture_captions_and_credit_lines(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "This photo released by the Port Alder fire service shows smoke rising from the ferry terminal, "
        "Sunday, March 2, 2025.\n\n"
        "Fire crews reached the terminal within minutes.\n\n"
        "A photo taken by a passenger shows the ferry listing before it sank, the inquiry heard.\n\n"
        "Atlas Wire writers Dana Whitfield in Port Alder and Tomas Brenner in Millbrook contributed to this report.");
    assert_string_equal(a->body, "Fire crews reached the terminal within minutes.\n\n"
                                 "A photo taken by a passenger shows the ferry listing before it sank, the inquiry heard.");
    assert_string_equal(removal_reason(a, "This photo released by the Port Alder fire service shows smoke rising from "
                                          "the ferry terminal, Sunday, March 2, 2025."),
                        "caption");
    assert_string_equal(removal_reason(a, "Atlas Wire writers Dana Whitfield in Port Alder and Tomas Brenner in "
                                          "Millbrook contributed to this report."),
                        "byline");
    px_article_free(a);
    /* a dated dateline with a long agency name, a menu between bars, the
     * print edition's note and a credit in brackets */
    a = clean_body("MILLBROOK, Mar 2 (Atlas Wire Foundation) - Workers walked out of the battery plant on Sunday.\n\n"
                   "The union said the strike would last a week. (Reporting by Dana Whitfield; Editing by Tomas "
                   "Brenner)\n\n"
                   "Order Reprints | Today's Paper | Subscribe\n\n"
                   "A version of this article appears in print on March 3, 2025, on Page A12 of the Millbrook "
                   "edition.\n\n"
                   "Talks resume on Monday; the union | the company both said so.");
    assert_string_equal(a->body, "Workers walked out of the battery plant on Sunday.\n\n"
                                 "The union said the strike would last a week.\n\n"
                                 "Talks resume on Monday; the union | the company both said so.");
    assert_string_equal(removal_reason(a, "MILLBROOK, Mar 2 (Atlas Wire Foundation) - "), "dateline");
    assert_string_equal(removal_reason(a, "Order Reprints | Today's Paper | Subscribe"), "navigation");
    px_article_free(a);
    /* the credit's opening bracket in the paragraph before */
    a = clean_body("Workers walked out of the battery plant on Sunday.\n\n"
                   "(Additional reporting by Dana Whitfield in MILLBROOK, and Ian Marsh in Vellmar.\n\n"
                   "Editing by Tomas Brenner and Kell Varlow)\n\n"
                   "Editing by hand took the union a week (it said).");
    assert_string_equal(a->body, "Workers walked out of the battery plant on Sunday.\n\n"
                                 "Editing by hand took the union a week (it said).");
    assert_string_equal(removal_reason(a, "Editing by Tomas Brenner and Kell Varlow)"), "byline");
    px_article_free(a);
    /* a dateline with a double hyphen; a video's description under its
     * close button */
    a = clean_body("VELLMAR -- A court on Saturday convicted the former mayor of fraud.\n\n"
                   "CLOSE Ana Ruiz says the mayor reached out to her after the vote and says she wants "
                   "\"people to know the truth.\" (Feb. 4) AP\n\n"
                   "CLOSE to the river, the old mill stood empty for a decade.");
    assert_string_equal(a->body, "A court on Saturday convicted the former mayor of fraud.\n\n"
                                 "CLOSE to the river, the old mill stood empty for a decade.");
    assert_string_equal(removal_reason(a, "VELLMAR -- "), "dateline");
    px_article_free(a);
}

/* A dateline opening the article goes ("Video" before it too); a caption
 * with a © credit and an agency's file-photo sentence are captions; an
 * upper-case word before a hyphen inside the text is no dateline. */
static void test_datelines_and_credited_captions(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "Video\n\n"
        "PORT ALDER, Maine — The harbour works resumed on Monday after a week of protests.\n\n"
        "Dock workers cheer at the quay in Port Alder on March 2, 2025 \xc2\xa9" "Dana Whitfield (AFP)\n\n"
        "FILE - In this March 1, 2025 file photo, workers stand on the quay. The mayor said the works will end "
        "in May.\n\n"
        "The US-Canadian firm building the quay declined to comment.");
    assert_string_equal(a->body, "The harbour works resumed on Monday after a week of protests.\n\n"
                                 "The mayor said the works will end in May.\n\n"
                                 "The US-Canadian firm building the quay declined to comment.");
    assert_string_equal(removal_reason(a, "PORT ALDER, Maine — "), "dateline");
    assert_string_equal(removal_reason(a, "Video"), "navigation");
    assert_string_equal(removal_reason(a, "FILE - In this March 1, 2025 file photo, workers stand on the quay."),
                        "caption");
    px_article_free(a);
    a = clean_body("(Reuters) - The harbour works resumed on Monday.\n\nThe mayor spoke.");
    assert_string_equal(a->body, "The harbour works resumed on Monday.\n\nThe mayor spoke.");
    px_article_free(a);
}

/* A pointer to the picture beside the text is cut from its sentence (in
 * brackets or between commas), two in one paragraph and after a dateline
 * too; a gallery's "Photos:" label opening a sentence, captions in the
 * present ("Pictured, ...", "... is pictured", "A picture taken on ...
 * shows"), a related headline with "Read more" glued to it, a promotion of
 * one line and a sign-up form with its messages go; "right now" in
 * brackets and "was pictured leaving" (news) stay. */
static void test_picture_pointers_and_promotions(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "PORT ALDER, Maine — Mayor Ilse Varga (pictured) opened the bridge on Monday.\n\n"
        "Tomas Brenner (left) and Dana Hollis (second right) cut the ribbon, and Varga (pictured here with "
        "her aides) thanked the crews.\n\n"
        "Keep up with this story and more by subscribing now\n\n"
        "Sign up for The Harbour Letter Get the week's port news from our reporters. Please verify you're not "
        "a robot by clicking the box. Invalid email address. Please re-enter. You must select a newsletter "
        "to subscribe to. Thanks for subscribing. An error has occurred. Please try again later.\n\n"
        "The works (right now) cost more than planned, the council said. Engineer Tomas Brenner, pictured, "
        "checked the cables.\n\n"
        "The crews worked through the night. Photos: The bridge at Port Alder opens after two years of works "
        "A crane lifts the last span into place.\n\n"
        "Pictured, the new span seen from the quay at dawn\n\n"
        "The old ferry is pictured\n\n"
        "A picture taken on March 2, 2025 shows the crowd on the quay\n\n"
        "Port Alder ferry crews strike over pay Read more\n\n"
        "Divers inspected the pillars near the old dock, pictured\n\n"
        "Dana Hollis was pictured leaving the council meeting on Tuesday night.");
    assert_string_equal(a->body, "Mayor Ilse Varga opened the bridge on Monday.\n\n"
                                 "Tomas Brenner and Dana Hollis cut the ribbon, and Varga thanked the crews.\n\n"
                                 "The works (right now) cost more than planned, the council said. Engineer Tomas "
                                 "Brenner checked the cables.\n\n"
                                 "The crews worked through the night.\n\n"
                                 "Dana Hollis was pictured leaving the council meeting on Tuesday night.");
    assert_string_equal(removal_reason(a, " (pictured)"), "caption");
    assert_string_equal(removal_reason(a, " (second right)"), "caption");
    assert_string_equal(removal_reason(a, "Keep up with this story and more by subscribing now"), "newsletter");
    assert_string_equal(removal_reason(a, "Port Alder ferry crews strike over pay Read more"), "related-links");
    assert_string_equal(removal_reason(a, "The old ferry is pictured"), "caption");
    assert_string_equal(removal_reason(a, ", pictured"), "caption"); /* then the caption it leaves */
    px_article_free(a);
}

/* Captions under their labels, share buttons or a credit in capitals, a
 * gallery's numbered pictures glued into one line, a notice that a video
 * cannot play, a sign-up form, a highlights line and the highlights under
 * it; a sentence about image
 * copyright or about an agency, or with two fractions, stays. */
static void test_caption_labels(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "A suicide bomber rammed a truck into a compound on Monday.\n\n"
        "Image copyright EPA Image caption The massive blast destroyed nearby buildings and cars\n\n"
        "Media playback is unsupported on your device Media caption The tram derailed near the stop\n\n"
        "Media playback is not supported on this device Is the curse finally over?\n\n"
        "Image copyright lawyers say the photographs were used without permission.\n\n"
        "Facebook Twitter Pinterest Relief pitcher Andrew Miller reacts after giving up a run\n\n"
        "GETTY Max Verstappen could have crashed into Kimi Raikkonen but swerved to avoid him\n\n"
        "Getty - Contributor Beta testers will get access to features before other owners\n\n"
        "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! Could not "
        "subscribe, try again later Invalid Email\n\n"
        "Story highlights Heavy winds earlier forced the plane to change course\n\n"
        "Crew turned back \"as a precaution,\" airline says\n\n"
        "Getty Images said the highlights of the season were sold to three agencies.\n\n"
        "Ferry fire 5 show all Ferry fire 1/5 Smoke rises over the quay K. Orr/Wire 2/5 Crews spray the hull "
        "3/5 Passengers wait on the pier\n\n"
        "The club won 3/4 of its games at home and 2/4 away this season.");
    assert_string_equal(a->body, "A suicide bomber rammed a truck into a compound on Monday.\n\n"
                                 "Image copyright lawyers say the photographs were used without permission.\n\n"
                                 "Getty Images said the highlights of the season were sold to three agencies.\n\n"
                                 "The club won 3/4 of its games at home and 2/4 away this season.");
    assert_string_equal(removal_reason(a, "Story highlights Heavy winds earlier forced the plane to "
                                          "change course"), "teaser");
    assert_string_equal(removal_reason(a, "Image copyright EPA Image caption The massive blast destroyed "
                                          "nearby buildings and cars"), "caption");
    assert_string_equal(removal_reason(a, "Media playback is not supported on this device Is the curse "
                                          "finally over?"), "script-notice");
    px_article_free(a);
}

/* A box of promoted headlines, each opened by a kicker in capitals, goes
 * whole with its label; capitals for emphasis in a sentence, a table of
 * figures in capitals and a paragraph whose kickers come after its own
 * sentences stay. */
static void test_kicker_lists(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "The ferry sank off Vell on Saturday with TWO crew still aboard.\n\n"
        "More from the coast SEA CHANGE Harbour board votes to close the old pier "
        "STORM WARNING Forecasters expect gales on the west coast BIG CATCH "
        "Trawler lands a record haul of cod\n\n"
        "Divers said the wreck was ROCK SOLID and the FULL CREW had trained for it.\n\n"
        "PORT ALDER 12 UND MAY UNC 4 UND MAY DN 2 SOUTH VELL 9 UND MAY UP\n\n"
        "Crews searched the bay until dark and the mayor thanked them for their work on "
        "the longest night the town has seen in years, she said at the quay. SEA CHANGE "
        "Harbour board votes to close the pier STORM WARNING Forecasters expect gales "
        "BIG CATCH Trawler lands a record haul");
    assert_string_equal(removal_reason(a, "More from the coast SEA CHANGE Harbour board votes to close "
                                          "the old pier STORM WARNING Forecasters expect gales on the "
                                          "west coast BIG CATCH Trawler lands a record haul of cod"),
                     "related-links");
    assert_non_null(strstr(a->body, "with TWO crew still aboard."));
    assert_non_null(strstr(a->body, "the FULL CREW had trained"));
    assert_non_null(strstr(a->body, "PORT ALDER 12 UND MAY UNC"));
    assert_non_null(strstr(a->body, "Crews searched the bay until dark"));
    assert_null(strstr(a->body, "More from the coast"));
    px_article_free(a);
}

/* A copyright notice alone goes; a sentence about copyright stays. */
static void test_copyright_notices(void **s)
{
    (void)s;
    px_article *a = clean_body("The ferry sank off Vell on Saturday.\n\n"
                               "Copyright 2024 The Harbour Wire. All rights reserved.\n\n"
                               "Copyright 1998 legislation extended the terms by twenty years.\n\n"
                               "Divers searched the bay. \u00a9 2024.");
    assert_string_equal(a->body, "The ferry sank off Vell on Saturday.\n\n"
                                 "Copyright 1998 legislation extended the terms by twenty years.\n\n"
                                 "Divers searched the bay.");
    assert_string_equal(removal_reason(a, "All rights reserved."), "copyright");
    px_article_free(a);
}

/* A caption with its agency after its last word or before its first (a
 * gallery's run of them, no full stop at the end), the print edition's
 * page reference, the headline again with its time stamp and an embedded
 * post glued into a paragraph (with what the page ran on after it) go; a
 * sentence about an agency stays. */
static void test_credited_captions_and_print_references(void **s)
{
    (void)s;
    px_article *a = clean_body(
        "Harbour Wire headline on the ferry Updated: 2024-05-02 09:14 By Agencies(Harbour Wire)\n\n"
        "The ferry sank off Vell on Saturday, the coastguard said.\n\n"
        "Divers search the hull of the ferry near the quay at Vell on Sunday. Reuters\n\n"
        "The ferry had been refitted in May. Photograph: Ana Vell/Harbour Wire\n\n"
        "Ferry Sinks Off Vell Image Divers at the quay on Sunday. Credit Ana Vell/Harbour Wire\n\n"
        "Getty Images Divers search the hull Getty Images Crews pump water from the engine room\n\n"
        "Reuters Holdings said it would open a bureau in Vell.\n\n"
        "AFP The coastguard said the search would go on.\n\n"
        "(Harbour Wire 05/02/2024 page3)\n\n"
        "Passengers were kept on board for an hour. The ferry is a wreck \u2014 Ana Vell (@anavell) May 2, 2024 "
        "Divers will return on Monday.");
    assert_string_equal(a->body, "The ferry sank off Vell on Saturday, the coastguard said.\n\n"
                                 "Reuters Holdings said it would open a bureau in Vell.\n\n"
                                 "AFP The coastguard said the search would go on.\n\n"
                                 "Passengers were kept on board for an hour.");
    assert_string_equal(removal_reason(a, "Divers search the hull of the ferry near the quay at Vell on "
                                          "Sunday. Reuters"), "caption");
    assert_string_equal(removal_reason(a, "(Harbour Wire 05/02/2024 page3)"), "navigation");
    px_article_free(a);
}

/* Text whose lines are its paragraphs, one line broken inside a
 * hyphenated word: the line after the break goes on with its paragraph,
 * not as a paragraph of its own opening on "century". */
static void test_line_broken_after_a_hyphen(void **s)
{
    (void)s;
    px_article *a = clean_body("The ferry came back to Vell on Monday after a week at sea.\n"
                               "Here in Vell, the 17th-\ncentury harbour office sits by the quay.\n"
                               "Its clock has stopped, the harbour master said on Tuesday.");
    assert_string_equal(a->body, "The ferry came back to Vell on Monday after a week at sea.\n\n"
                                 "Here in Vell, the 17th-\ncentury harbour office sits by the quay.\n\n"
                                 "Its clock has stopped, the harbour master said on Tuesday.");
    px_article_free(a);
}

/* A run of related headlines longer than a short notice (about 800
 * bytes, as a site's "Related stories" box comes out) still goes; so do a
 * sign-up box run into one line, a "most read" box, a slideshow's teaser
 * and a newsletter's promotion. */
static void test_long_related_run(void **s)
{
    (void)s;
    char body[2048] = "The ferry came back to Vell on Monday after a week at sea.\n\nRelated stories";
    for (int i = 0; i < 12; i++)
        strcat(body, " HARBOUR NEWS Ferry timetable changes for the winter season announced");
    strcat(body, "\n\nIts crew were greeted by their families on the quay.\n\n"
                 "Newsletter Sign Up Continue reading the main story Harbour Mornings Get the harbour's news "
                 "delivered to your inbox every day.\n\n"
                 "MOST READ IN NEWS FERRY FARES Fares rise again HARBOUR FEST Tickets on sale\n\n"
                 "Vell's ferries ranked Tue, May 2, 2024 Play slideshow Harbour Wire 1 of 9\n\n"
                 "Follow the season's sailings with our skipper in a new harbour newsletter.");
    px_article *a = clean_body(body);
    assert_string_equal(a->body, "The ferry came back to Vell on Monday after a week at sea.\n\n"
                                 "Its crew were greeted by their families on the quay.");
    px_article_free(a);
}

/* A stray UTF-8 continuation byte alone between blank lines: trimming the
 * paragraph from its end must not step back before its start (it made a
 * span that ended before it began, and the splitter read past the body). */
static void test_stray_continuation_byte_paragraph(void **s)
{
    (void)s;
    static const char body[] = "\n\n\xad\n\n\nT\xb7\xb7\xb7\xb7\xb7\xb7\xb7\xb7\xb7\xb7 The end.";
    px_spans sp = {0};
    assert_int_equal(px_split_paragraphs(body, &sp), PX_OK);
    for (size_t i = 0; i < sp.n; i++)
        assert_true(sp.v[i].start <= sp.v[i].end);
    px_spans_free(&sp);
    px_article *a = clean_body(body);
    assert_non_null(strstr(a->body, "The end."));
    px_article_free(a);
}

static void test_repeat_inside_a_paragraph(void **s)
{
    (void)s;
    px_article *a = clean_body("Divers searched the river for a second day on Wednesday. Nine people "
                               "are still missing.\n\nThe bridge opened in 1961. Divers searched the "
                               "river for a second day on Wednesday. It carried 38,000 vehicles a day.");
    assert_string_equal(a->body, "Divers searched the river for a second day on Wednesday. Nine people "
                                 "are still missing.\n\nThe bridge opened in 1961. It carried 38,000 "
                                 "vehicles a day.");
    assert_int_equal(a->n_removed, 1);
    assert_string_equal(a->removed[0].reason, "repeat");
    px_article_free(a);
}

static void test_different_numbers_are_not_repeats(void **s)
{
    (void)s;
    const char body[] = "The fire department said at least 14 people were killed when the bridge "
                        "collapsed into the river on Tuesday morning.\n\n"
                        "The mayor's office said at least 17 people were killed when the bridge "
                        "collapsed into the river on Tuesday morning.";
    px_article *a = clean_body(body);
    assert_int_equal(a->n_removed, 0);
    px_article_free(a);
}

/* Parallel sentences: the same frame about different things. Each has a
 * name the other does not mention, so both stay. */
static void test_parallel_names_are_not_repeats(void **s)
{
    (void)s;
    const char body[] = "At Harwick, the Lantern Choir will open the festival on the Friday and the "
                        "Glass Orchard will close the event on Sunday.\n\n"
                        "At Dunmore, the Lantern Choir will open the festival on the Friday and the "
                        "Copper Wolves will close the event on Sunday.";
    px_article *a = clean_body(body);
    assert_int_equal(a->n_removed, 0);
    assert_string_equal(a->body, body);
    px_article_free(a);
}

/* Lists of names that share most names (fixtures in another pairing, one
 * pick changed) are different lists; only an exact copy is a repeat. */
static void test_name_lists_are_only_exact_repeats(void **s)
{
    (void)s;
    const char body[] =
        "Round one: Northport Rovers v Eastfield Albion; Kessling Town v Marlow United; "
        "Sable City v Dunmore Athletic.\n\n"
        "Round two: Northport Rovers v Marlow United; Sable City v Eastfield Albion; Kessling "
        "Town v Dunmore Athletic.\n\n"
        "Critics' picks, Harbor Review: Film - The Long Quay; director - Ines Varga; actor - Tomas "
        "Reed; actress - Lena Ostrova.\n\n"
        "Critics' picks, Evening Ledger: Film - The Long Quay; director - Paul Merritt; actor - "
        "Tomas Reed; actress - Lena Ostrova.\n\n"
        "Round one: Northport Rovers v Eastfield Albion; Kessling Town v Marlow United; "
        "Sable City v Dunmore Athletic.";
    px_article *a = clean_body(body);
    assert_int_equal(a->n_removed, 1);
    assert_string_equal(a->removed[0].reason, "repeat");
    assert_non_null(strstr(a->body, "Round two:"));
    assert_non_null(strstr(a->body, "Ines Varga"));
    assert_non_null(strstr(a->body, "Paul Merritt"));
    px_article_free(a);
}

/* A retelling is still a repeat, and of the two the first is kept (the
 * lede), even when the later one names someone it leaves out. */
static void test_repeat_keeps_the_first_telling(void **s)
{
    (void)s;
    const char body[] =
        "Governor Alma Reyes has privately urged her cabinet to show more public concern for the "
        "flooded river towns, people close to her said.\n\n"
        "The dam's operators have not commented.\n\n"
        "Governor Alma Reyes has privately urged her cabinet, including Treasurer Owen Park, to "
        "show more public concern for the flooded river towns.";
    px_article *a = clean_body(body);
    assert_int_equal(a->n_removed, 1);
    assert_string_equal(a->removed[0].reason, "near-repeat");
    assert_non_null(strstr(a->removed[0].text, "Treasurer Owen Park"));
    assert_non_null(strstr(a->body, "people close to her said"));
    assert_non_null(strstr(a->body, "The dam's operators have not commented."));
    px_article_free(a);
}

/* A sentence that only restates part of a fuller one goes, even when it
 * comes first: the fuller telling keeps every fact. */
static void test_fuller_telling_is_kept(void **s)
{
    (void)s;
    const char body[] = "Job losses were the main worry for the port towns last year.\n\n"
                        "Freight volumes fell by a fifth.\n\n"
                        "Job losses were the main worry for the port towns last year, and dominated "
                        "the debate before the regional vote.";
    px_article *a = clean_body(body);
    assert_int_equal(a->n_removed, 1);
    assert_string_equal(a->removed[0].reason, "near-repeat");
    assert_string_equal(a->removed[0].text, "Job losses were the main worry for the port towns last year.");
    assert_non_null(strstr(a->body, "dominated the debate"));
    px_article_free(a);
}

static void test_rule_file_errors(void **s)
{
    (void)s;
    px_cleaner *c;
    px_error err;
    px_error_clear(&err);
    assert_int_equal(px_cleaner_new_from_rules(&c, "en", "# ok\npaywall line subscribe\nbad\n", "t.rules", &err),
                     PX_EFORMAT);
    assert_null(c);
    assert_non_null(strstr(err.msg, "t.rules:3:"));
    assert_int_equal(px_cleaner_new_from_rules(&c, "en", "x sometimes y\n", "t.rules", &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "unknown scope"));
    assert_int_equal(px_cleaner_new_from_rules(&c, "en", "x line (unclosed\n", "t.rules", &err), PX_EFORMAT);
    assert_non_null(strstr(err.msg, "t.rules:1: bad pattern"));
    /* a custom rule file works, and an unknown language falls back to English */
    assert_int_equal(px_cleaner_new_from_rules(&c, "en", "promo line buy now!?\n", "t.rules", &err), PX_OK);
    px_article *a = px_article_new();
    px_set_str(&a->body, "Buy now!\n\nThe strike entered its third day.");
    assert_int_equal(px_clean_article(c, a), PX_OK);
    assert_string_equal(a->body, "The strike entered its third day.");
    assert_string_equal(a->removed[0].reason, "promo");
    px_article_free(a);
    px_cleaner_free(c);
    assert_int_equal(px_cleaner_new(&c, "xx", &err), PX_OK);
    px_cleaner_free(c);
}

static void test_highlights_cleaned(void **s)
{
    (void)s;
    px_cleaner *c;
    assert_int_equal(px_cleaner_new(&c, "en", NULL), PX_OK);
    px_article *a = px_article_new();
    px_strlist_push(&a->highlights, "Share this article");
    px_strlist_push(&a->highlights, "The toll rose to 17");
    assert_int_equal(px_clean_article(c, a), PX_OK);
    assert_int_equal(a->highlights.n, 1);
    assert_string_equal(a->highlights.items[0], "The toll rose to 17");
    assert_int_equal(a->n_removed, 1);
    px_article_free(a);
    px_cleaner_free(c);
}

/* Every seed is an article; each keeps its first line of text (its lede),
 * and nothing that cleaning removed is left in its body. */
static void test_seeds_keep_their_ledes(void **s)
{
    (void)s;
    tu_result r;
    const char *dir = tu_shared("seeds");
    tu_read(&r, &dir, 1, NULL);
    assert_int_equal(r.n, 5);
    assert_int_equal(r.warnings, 0);
    for (size_t i = 0; i < r.n; i++) {
        const px_article *a = r.articles[i];
        tu_result raw;
        tu_read_raw_one(&raw, a->input_path, NULL);
        const char *lede = raw.articles[0]->body;
        size_t n = strcspn(lede, "\n");
        int notice = 0;
        for (size_t k = 0; k < a->n_removed; k++)
            notice |= strncmp(a->removed[k].text, lede, n) == 0 &&
                      strcmp(a->removed[k].reason, "near-repeat") != 0 &&
                      strcmp(a->removed[k].reason, "repeat") != 0;
        if (!notice) /* a lede that is itself a notice goes; any other stays */
            assert_true(strncmp(a->body, lede, n) == 0);
        for (size_t k = 0; k < a->n_removed; k++)
            if (strlen(a->removed[k].text) > 20)
                assert_null(strstr(a->body, a->removed[k].text));
        tu_result_free(&raw);
    }
    tu_result_free(&r);
}

/* Search and error pages, and pages that cleaning all but emptied, are
 * not articles; a headline that ends in "search" is one. */
static void test_not_an_article(void **s)
{
    (void)s;
    px_cleaner *c;
    px_error err;
    assert_int_equal(px_cleaner_new(&c, "en", &err), PX_OK);
    px_article *a = px_article_new();
    assert_int_equal(px_set_str(&a->body, "Searchers found the boy after four days in the well. He was taken to a hospital."), PX_OK);
    assert_int_equal(px_set_str(&a->title, "NPR Search : NPR"), PX_OK);
    assert_string_equal(px_cleaner_not_article(c, a, strlen(a->body)), "search-page");
    assert_int_equal(px_set_str(&a->title, "Page not found"), PX_OK);
    assert_string_equal(px_cleaner_not_article(c, a, strlen(a->body)), "error-page");
    assert_int_equal(px_set_str(&a->title, "Chinese boy found dead in well after huge four-day search"), PX_OK);
    assert_null(px_cleaner_not_article(c, a, strlen(a->body)));
    /* a short brief is an article; a gallery of which only a line is left is not */
    assert_null(px_cleaner_not_article(c, a, strlen(a->body) + 10));
    assert_string_equal(px_cleaner_not_article(c, a, 10 * strlen(a->body)), "little-text");
    px_article_free(a);
    px_cleaner_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples_noise_removed),
        cmocka_unit_test(test_examples_real_sentences_kept),
        cmocka_unit_test(test_examples_paragraph_counts),
        cmocka_unit_test(test_raw_keeps_everything),
        cmocka_unit_test(test_seed_000_captions_teaser_repeats),
        cmocka_unit_test(test_seed_002_paywall_block),
        cmocka_unit_test(test_seeds_without_noise_untouched),
        cmocka_unit_test(test_real_sentences_with_noise_words_survive),
        cmocka_unit_test(test_hand_written_noise),
        cmocka_unit_test(test_bios_wire_captions_and_related_runs),
        cmocka_unit_test(test_picture_captions_and_credit_lines),
        cmocka_unit_test(test_datelines_and_credited_captions),
        cmocka_unit_test(test_caption_labels),
        cmocka_unit_test(test_picture_pointers_and_promotions),
        cmocka_unit_test(test_copyright_notices),
        cmocka_unit_test(test_credited_captions_and_print_references),
        cmocka_unit_test(test_line_broken_after_a_hyphen),
        cmocka_unit_test(test_long_related_run),
        cmocka_unit_test(test_stray_continuation_byte_paragraph),
        cmocka_unit_test(test_repeat_inside_a_paragraph),
        cmocka_unit_test(test_different_numbers_are_not_repeats),
        cmocka_unit_test(test_parallel_names_are_not_repeats),
        cmocka_unit_test(test_name_lists_are_only_exact_repeats),
        cmocka_unit_test(test_repeat_keeps_the_first_telling),
        cmocka_unit_test(test_fuller_telling_is_kept),
        cmocka_unit_test(test_rule_file_errors),
        cmocka_unit_test(test_highlights_cleaned),
        cmocka_unit_test(test_kicker_lists),
        cmocka_unit_test(test_seeds_keep_their_ledes),
        cmocka_unit_test(test_not_an_article),
        cmocka_unit_test(test_repeat_check_is_linear),
        cmocka_unit_test(test_one_tokenisation_per_sentence),
        cmocka_unit_test(test_cleaned_document_is_derived),
    };
    return cmocka_run_group_tests_name("clean", tests, NULL, NULL);
}
