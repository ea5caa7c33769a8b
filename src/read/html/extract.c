/* extract.c - the main text of a page, found by a scoring model over the
 * blocks of the document (docs/extraction.md).
 *
 * 1. Flatten: the tree becomes a list of text blocks (a paragraph, a list
 *    item, a heading, a table cell...), each with the element that owns it,
 *    its length, words, link text and the context it sits in.
 * 2. Score each block: does it read like article prose? (BLOCK_WEIGHTS)
 * 3. Pick the container: the element whose subtree holds the most prose
 *    minus a share of the boilerplate, where boxes marked as boilerplate by
 *    their tag, class or id count as boilerplate whole.
 * 4. Emit the blocks of that container that are prose, paragraphs (<p>)
 *    whatever their shape, data-table cells, and short pieces standing
 *    between prose (sub-headings, one-line items).
 * 5. Trim the text as a whole: calls to subscribe or follow at either end,
 *    and a summary at the start that the paragraphs below repeat.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/html/dom.h"
#include "core/common_internal.h"

/* ---- the model: every feature and weight ------------------------------- */

/* Block score: positive means "reads like article prose". Units are rough
 * log-odds; each weight says why it is there. */
static const struct {
    double bias;          /* a block is boilerplate until shown otherwise */
    double per_80_chars;  /* prose comes in long runs of text ... */
    double max_length;    /* ... but length alone must not drown link density */
    double per_sentence_end; /* sentences end in . ! ? ; menus and labels do not */
    double max_sentence;
    double per_comma;     /* commas mark running prose in most scripts */
    double max_comma;
    double link_density;  /* times the share of text inside links: navigation, teasers */
    double in_paragraph;  /* authors put article text in <p> */
    double in_quote;      /* block quotes quote someone in the article */
    double quote_links;   /* link density counts this much inside quotes: an embedded
                             post (tweet) links its author, date and media */
    double few_words;     /* fewer than 4 words: labels, buttons, "Advertisement" */
    double in_caption;    /* figure captions and photo credits are not the story */
    double in_list;       /* list items are more often menus than prose */
    double box_evidence;  /* times the nearest class/id/tag evidence (clamped +-3) */
    double dateline;      /* a few words around a year: a timestamp, not a sentence */
    double data_cell;     /* a cell of a data table is worth this whatever its shape:
                             standings, prices, results belong to the article */
} BLOCK_WEIGHTS = {
    .bias = -1.5,
    .per_80_chars = 1.0,
    .max_length = 5.0,
    .per_sentence_end = 0.7,
    .max_sentence = 2.1,
    .per_comma = 0.25,
    .max_comma = 1.0,
    .link_density = -6.0,
    .in_paragraph = 1.2,
    .in_quote = 1.0,
    .quote_links = 0.3,
    .few_words = -1.5,
    .in_caption = -4.0,
    .in_list = -0.5,
    .box_evidence = 0.4,
    .dateline = -2.5,
    .data_cell = 0.5,
};

/* What makes a table a grid of data rather than page layout. */
static const struct {
    int min_rows, min_cols;
    double even_share;    /* rows as wide as the widest row, at least */
    double max_link_density; /* a grid of links is a menu */
    double max_cell_chars; /* mean text per cell; layout cells hold whole columns */
} DATA_TABLE = {
    .min_rows = 3,
    .min_cols = 2,
    .even_share = 0.7,
    .max_link_density = 0.4,
    .max_cell_chars = 80,
};

/* A caption outside <figure>: the text of a small box that also holds an
 * image in another branch (an image with its title and photo credit under
 * it) describes the picture, not the story. A paragraph that merely sits
 * beside an image in a longer box is not caught: the box must be small. */
static const struct {
    int max_chars;        /* the box holding image and text: at most this much text */
    int max_blocks;       /* ... in at most this many blocks (title, credit): a short
                             post set between its pictures has more */
    int max_levels;       /* ... found at most this many levels above the block */
} IMAGE_BOX = {
    .max_chars = 400,
    .max_blocks = 3,
    .max_levels = 3,
};

/* Container choice and emission. */
static const struct {
    double bad_share;     /* boilerplate inside a container costs this much per char */
    double box_is_boilerplate; /* class/id/tag evidence at or below this marks a box */
    double box_max_share; /* ... unless its class/id also names content ("entry-content
                             has-sidebar") and it holds more than this share of all
                             prose: a page's main content is never a sidebar */
    double wrapper_share; /* a box holding more than this share of all the page's text,
                             or whose prose lies mostly in one descendant marked as
                             content (evidence >= 2), is a wrapper whatever its class
                             says ("theiaStickySidebar" around the <article>) */
    double keep_link_density; /* blocks linked more than this are never emitted */
    double evidence_bonus; /* container gain multiplier per point of positive evidence */
    double climb_good;    /* a container moves up to its parent (at most three levels)
                             when the parent holds this many times its prose: a page
                             whose article is broken up by link lines or boxes must
                             not lose it to its longest single paragraph */
    int list_link_chars;  /* list items in the container with at most this much link
                             text are the article (ingredients, key facts); linked
                             items are more often related stories */
    int short_passes;     /* a short piece kept between prose counts as prose for its
                             neighbours; this many passes settle a sub-heading over a
                             one-line lead-in, or a "buy it" link before a sub-heading */
} CONTAINER = {
    .bad_share = 1.0,
    .box_is_boilerplate = -2.0,
    .box_max_share = 0.5,
    .wrapper_share = 0.6,
    .keep_link_density = 0.5,
    .evidence_bonus = 0.05,
    .climb_good = 1.5,
    .list_link_chars = 0,
    .short_passes = 3,
};

/* Lists of records (is_record_list). */
static const struct {
    int min_records;      /* children opening with a link line, at least */
    double prose_share;   /* ... holding at least this share of the box's prose */
    double title_links;   /* a link line: this share of its text in links ... */
    int title_words;      /* ... and at most this many words */
    double outside_prose; /* a list is boilerplate only when the page holds at least this
                             share of the list's prose outside it: an article above its
                             comments; a forum thread, whose posts are the page's only
                             prose, is the content */
} RECORDS = {
    .min_records = 3,
    .prose_share = 0.5,
    .title_links = 0.8,
    .title_words = 15,
    .outside_prose = 0.25,
};

/* Pages that index other pages: a section front, search results, an
 * archive (px_page_kind). Either a list of teasers (a linked headline over
 * a short summary) whose summaries hold as much prose as the text found
 * for the article, or a page mostly of links whose linked headlines hold
 * many times that text. Articles carry lists of related stories too, but
 * smaller than their own text: on the extraction DEV pages, teaser prose
 * reaches at most 0.6 times the article text and linked headlines 5.3
 * times. */
static const struct {
    int min_words;        /* a linked headline: at least this many words, mostly links */
    int min_teasers;      /* a teaser list: at least this many children ... */
    int teaser_max_prose; /* ... each with at most this much prose under its headline */
    double teaser_share;  /* ... holding at least this share of the article text */
    double link_share;    /* or: at least this share of the page's text in links ... */
    double headline_ratio; /* ... and this many times the article text in linked headlines */
} INDEX_PAGE = {
    .min_words = 4,
    .min_teasers = 5,
    .teaser_max_prose = 400,
    .teaser_share = 1.0,
    .link_share = 0.5,
    .headline_ratio = 8.0,
};

/* Class and id words: what sites call the boxes around their article and
 * around everything else. Matched against the words of class and id
 * values (split at - _ space and lower-to-upper case changes), whole words,
 * or as prefixes for the longer ones ("sharebar", "relatedposts"). */
static const struct { const char *word; signed char weight; } BOX_WORDS[] = {
    /* where the article is */
    {"article", 2}, {"story", 2}, {"body", 1}, {"content", 1}, {"entry", 1}, {"main", 1},
    {"post", 1}, {"text", 1}, {"prose", 2}, {"richtext", 2}, {"blog", 1}, {"paywall", 1},
    /* what surrounds it */
    {"comment", -3}, {"comments", -3}, {"disqus", -3}, {"reply", -2}, {"replies", -2},
    {"footer", -3}, {"foot", -2}, {"sidebar", -3}, {"side", -1}, {"rail", -2},
    {"nav", -3}, {"navbar", -3}, {"navigation", -3}, {"menu", -3}, {"breadcrumb", -3},
    {"breadcrumbs", -3}, {"share", -3}, {"sharing", -3}, {"social", -3}, {"sns", -2},
    {"related", -3}, {"recommended", -3}, {"recommendations", -3}, {"recirc", -3},
    {"promo", -3}, {"ad", -3}, {"ads", -3}, {"advert", -3}, {"advertisement", -3},
    {"sponsor", -3}, {"sponsored", -3}, {"dfp", -3}, {"gpt", -2}, {"outbrain", -3},
    {"taboola", -3}, {"newsletter", -3}, {"subscribe", -3}, {"subscription", -2},
    {"signup", -3}, {"cookie", -3}, {"cookies", -3}, {"consent", -3}, {"gdpr", -3},
    {"banner", -2}, {"popup", -3}, {"modal", -3}, {"overlay", -2}, {"widget", -2},
    {"tags", -2}, {"tag", -1}, {"caption", -3}, {"credit", -3}, {"credits", -3},
    {"byline", -2}, {"author", -1}, {"bio", -2}, {"meta", -1}, {"masthead", -3},
    {"header", -2}, {"trending", -3}, {"popular", -2}, {"more", -1}, {"hidden", -3},
    {"skip", -2}, {"toolbar", -3}, {"pagination", -2}, {"pager", -2}, {"login", -2},
    {"search", -2}, {"rating", -1}, {"print", -1}, {"video", -1}, {"gallery", -1},
    {"teaser", -2}, {"cta", -2}, {"donate", -2}, {"paid", -1}, {"alert", -1},
    {"copyright", -3}, {"disclaimer", -1}, {"dateline", -1}, {"timestamp", -2},
    {"icon", -1}, {"badge", -1}, {"follow", -2}, {"slideshow", -1}, {"carousel", -2},
    {"sr", -3}, {"visually", -2}, {"offscreen", -2}, {"screenreader", -3},
    /* a story's excerpt or standfirst repeats or sells it: teasers, decks */
    {"excerpt", -2}, {"description", -2}, {"dek", -2}, {"standfirst", -2}, {"subheadline", -2},
};

/* Phrases that address the reader rather than tell the story: calls to
 * subscribe, follow, share or click, which sites put before and after the
 * article body ("Have a tip?", newsletter offers). Matched case-blind in
 * short blocks at either end of the emitted text only: inside the article
 * such words are the story ("signed up for the trial"). */
static const char *const PROMO_PHRASES[] = {
    "subscribe", "newsletter", "sign up", "click here", "follow us", "follow her",
    "follow him", "follow me", "follow the", "share it", "share this", "have a tip",
    "got a tip", "send us", "like this story", "read more", "in your inbox",
    "to your inbox", "requires javascript", "enable javascript", "download our app",
    "download the app", "you may also like", "you might also like", "also read",
    "related stories", "more stories", "recommended for you",
};

static const struct {
    int promo_max_chars;  /* longer blocks are article text whatever words they use */
    double repeat_share;  /* a block at the start whose word 4-grams appear, at least
                             this share of them, in the blocks after it repeats
                             them: a "key points" or summary box */
    int repeat_min_shingles; /* ... when it has at least this many 4-grams */
} EDGES = {
    .promo_max_chars = 300,
    .repeat_share = 0.5,
    .repeat_min_shingles = 6,
};

/* The end of the article (cut_after_gap). */
static const struct {
    int min_blocks;       /* blocks left out in a row, at least */
    double max_tail;      /* ... and the kept text after them at most this share of the
                             kept text before them */
} TAIL_GAP = {
    .min_blocks = 8,
    .max_tail = 0.4,
};

/* Class names of posts embedded from social networks: the article quotes
 * them, so their text belongs to it (even inside a "social-embed" box). */
static const char *const EMBEDDED_POSTS[] = {
    "twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "reddit-card",
    "fb-post", "bluesky-embed", "mastodon-embed", "threads-post",
};
#define EMBEDDED_POST_EVIDENCE 2

static int is_embedded_post(const GumboNode *e)
{
    const char *cls = px_dom_attr(e, "class");
    if (!cls || e->v.element.tag != GUMBO_TAG_BLOCKQUOTE)
        return 0;
    for (size_t i = 0; i < sizeof EMBEDDED_POSTS / sizeof EMBEDDED_POSTS[0]; i++) {
        size_t k = strlen(EMBEDDED_POSTS[i]);
        for (const char *p = strstr(cls, EMBEDDED_POSTS[i]); p; p = strstr(p + 1, EMBEDDED_POSTS[i]))
            if ((p == cls || isspace((unsigned char)p[-1])) && (!p[k] || isspace((unsigned char)p[k])))
                return 1;
    }
    return 0;
}

/* Evidence carried by the element itself. */
static int tag_evidence(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ARTICLE: return 2;
    case GUMBO_TAG_MAIN: return 1;
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MENU: return -3;
    case GUMBO_TAG_ASIDE: return -3;
    case GUMBO_TAG_HEADER: return -2;
    case GUMBO_TAG_FORM: return -1;
    default: return 0;
    }
}

/* ---- class/id evidence -------------------------------------------------- */

static int word_weight(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof BOX_WORDS / sizeof BOX_WORDS[0]; i++) {
        size_t k = strlen(BOX_WORDS[i].word);
        if (k == n ? memcmp(w, BOX_WORDS[i].word, n) == 0
                   : k >= 5 && k < n && memcmp(w, BOX_WORDS[i].word, k) == 0)
            return BOX_WORDS[i].weight;
    }
    return 0;
}

/* Sums the weights of the words of an attribute value; every word counts
 * once per sign so "comment-list comment-item" is not twice as negative. */
static void attr_evidence(const char *v, int *pos, int *neg)
{
    char w[48];
    size_t n = 0;
    for (const char *p = v;; p++) {
        int boundary = !*p || !isalnum((unsigned char)*p) ||
                       (n > 0 && isupper((unsigned char)*p) && islower((unsigned char)p[-1]));
        if (boundary && n > 0) {
            w[n] = '\0';
            int k = word_weight(w, n);
            if (k > *pos)
                *pos = k;
            if (k < *neg)
                *neg = k;
            n = 0;
        }
        if (!*p)
            break;
        if (isalnum((unsigned char)*p) && n + 1 < sizeof w)
            w[n++] = (char)tolower((unsigned char)*p);
    }
}

static int own_evidence(const GumboNode *e, int *mixed)
{
    *mixed = 0;
    if (is_embedded_post(e))
        return EMBEDDED_POST_EVIDENCE;
    int pos = 0, neg = 0;
    const char *cls = px_dom_attr(e, "class"), *id = px_dom_attr(e, "id");
    const char *role = px_dom_attr(e, "role");
    if (cls)
        attr_evidence(cls, &pos, &neg);
    if (id)
        attr_evidence(id, &pos, &neg);
    if (role) {
        if (!strcasecmp(role, "navigation") || !strcasecmp(role, "banner") ||
            !strcasecmp(role, "contentinfo") || !strcasecmp(role, "complementary") ||
            !strcasecmp(role, "menu") || !strcasecmp(role, "dialog") || !strcasecmp(role, "alert"))
            neg = -3;
        else if (!strcasecmp(role, "main") || !strcasecmp(role, "article"))
            pos = pos > 2 ? pos : 2;
    }
    /* a negative word wins: "comment-content" is a comment, not the content */
    *mixed = pos > 0 && neg < 0;
    int ev = neg < 0 ? neg + (pos > 0 && neg > -3 ? 1 : 0) : pos;
    ev += tag_evidence(e->v.element.tag);
    return ev < -5 ? -5 : ev > 4 ? 4 : ev;
}

static int is_hidden(const GumboNode *e)
{
    if (px_dom_attr(e, "hidden"))
        return 1;
    const char *aria = px_dom_attr(e, "aria-hidden");
    if (aria && !strcasecmp(aria, "true") && e->v.element.tag != GUMBO_TAG_SPAN &&
        e->v.element.tag != GUMBO_TAG_A)
        return 1;
    const char *style = px_dom_attr(e, "style");
    if (style) {
        char norm[256];
        size_t n = 0;
        for (const char *p = style; *p && n + 1 < sizeof norm; p++)
            if (!isspace((unsigned char)*p))
                norm[n++] = (char)tolower((unsigned char)*p);
        norm[n] = '\0';
        if (strstr(norm, "display:none") || strstr(norm, "visibility:hidden"))
            return 1;
    }
    return 0;
}

/* ---- flattening --------------------------------------------------------- */

enum block_kind { K_OTHER, K_PARA, K_HEADING, K_LIST, K_QUOTE, K_PRE, K_CELL, K_CAPTION, K_DATA };

typedef struct elem {
    int parent;
    GumboTag tag;
    int evidence;        /* own class/id/tag evidence */
    int mixed;           /* class/id names both content and boilerplate */
    double good, bad;    /* prose and boilerplate chars in the subtree */
    double marked_good;  /* most prose held by one descendant marked as content */
    int records;         /* children that open with a line of link text and hold prose
                            (a linked headline or author over a text): see RECORDS */
    double record_good;  /* the prose in those children */
    int teasers;         /* children that open with a linked headline over a short text */
    double teaser_good;  /* the prose in those children */
    int first_block;     /* the first block in the subtree, or -1 */
    int articles;        /* <article> children (also inside <li>): three or more
                            make a list of teasers, a boilerplate box */
    int cells;           /* <tr>: its cells; <table>: its widest row */
    int rows, even_rows; /* <table>: rows, and rows as wide as the widest */
    int nested;          /* <table>: holds or sits in another table's cell */
    int data;            /* <table>: a grid of data (see mark_data_tables) */
    int images;          /* <img> elements in the subtree (mark_image_captions) */
    int chars;           /* text characters in the subtree (mark_image_captions) */
    int blocks;          /* text blocks in the subtree (mark_image_captions) */
} elem;

typedef struct block {
    size_t off, len;     /* text in the flattening buffer */
    int owner;           /* innermost block-level element */
    int chars, link_chars, words, sentence_ends, commas;
    int heading;         /* 1..6 inside <hN>, else 0 */
    enum block_kind kind;
    int has_year;        /* a number 1900..2099 standing alone */
    double score;
} block;

typedef struct flat {
    elem *el;
    size_t n_el, cap_el;
    block *bl;
    size_t n_bl, cap_bl;
    px_buf text;         /* all block texts, back to back */
    px_buf cur;          /* the block being collected */
    int cur_links;       /* link chars in cur */
    int br_run;
    int br_break;        /* the block being flushed ends at two line breaks */
    int break_owner;     /* ... or starts after them in this element (+1; 0: none) */
} flat;

typedef struct ctx {
    int heading, para, list, quote, pre, cell, caption, link, figure;
} ctx;

static int is_block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_IMG:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_OPTION:
        return 1;
    default:
        return 0;
    }
}

static int is_skipped_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MAP: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_TITLE:
        return 1;
    default:
        return 0;
    }
}

static int utf8_chars(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static int append_text(flat *f, const char *s, int in_link)
{
    size_t before = f->cur.len;
    if (px_buf_puts(&f->cur, s))
        return PX_ENOMEM;
    if (in_link) {
        /* count only visible characters as link text */
        for (size_t i = before; i < f->cur.len; i++) {
            unsigned char c = (unsigned char)f->cur.data[i];
            f->cur_links += (c & 0xC0) != 0x80 && !isspace(c);
        }
    }
    return PX_OK;
}

/* Length of the closing quote or bracket at s[i] (ASCII, or the UTF-8
 * quotes of English, German and French: ” ’ “ » «), or 0. */
static size_t closer_len(const char *s, size_t i, size_t n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i >= n)
        return 0;
    if (*u == '"' || *u == '\'' || *u == ')' || *u == ']')
        return 1;
    if (i + 1 < n && u[0] == 0xC2 && (u[1] == 0xBB || u[1] == 0xAB))
        return 2;
    if (i + 2 < n && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9D || u[2] == 0x99 || u[2] == 0x9C))
        return 3;
    return 0;
}

/* Does the text after a full stop at i - 1 end a sentence: the end of the
 * block or a space, after any closing quotes ("... gelohnt.“ Der ...")? */
static int ends_sentence(const char *s, size_t i, size_t n)
{
    for (size_t k; (k = closer_len(s, i, n)) > 0;)
        i += k;
    return i >= n || s[i] == ' ';
}

static void count_shape(block *b, const char *s, size_t n)
{
    int in_word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int space = c == ' ';
        if (!space && !in_word) {
            b->words++;
            if (i + 4 <= n && (s[i] == '1' || s[i] == '2') && isdigit((unsigned char)s[i + 1]) &&
                isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
                (i + 4 == n || !isdigit((unsigned char)s[i + 4])) &&
                ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')))
                b->has_year = 1;
        }
        in_word = !space;
        if ((c == '.' || c == '!' || c == '?' || c == ';') && ends_sentence(s, i + 1, n))
            b->sentence_ends++;
        else if (c == ',')
            b->commas++;
        else if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x82 || (unsigned char)s[i + 2] == 0x81))
            b->sentence_ends += (unsigned char)s[i + 2] == 0x82, b->commas += (unsigned char)s[i + 2] == 0x81;
    }
    /* scripts without spaces between words: count every 4 characters as a word */
    if (b->words * 12 < b->chars)
        b->words = b->chars / 4;
}

static int flush(flat *f, int owner, const ctx *c)
{
    f->br_run = 0;
    px_collapse_space(&f->cur);
    if (f->cur.len == 0) {
        f->cur_links = 0;
        if (f->br_break)
            f->break_owner = owner + 1;
        f->br_break = 0;
        return PX_OK;
    }
    if (f->n_bl == f->cap_bl) {
        size_t cap = f->cap_bl ? f->cap_bl * 2 : 256;
        block *b = realloc(f->bl, cap * sizeof *b);
        if (!b)
            return PX_ENOMEM;
        f->bl = b;
        f->cap_bl = cap;
    }
    block *b = &f->bl[f->n_bl];
    memset(b, 0, sizeof *b);
    b->off = f->text.len;
    b->len = f->cur.len;
    b->owner = owner;
    b->chars = utf8_chars(f->cur.data, f->cur.len);
    b->link_chars = f->cur_links;
    b->heading = c->heading;
    b->kind = c->heading ? K_HEADING : c->caption ? K_CAPTION : c->pre ? K_PRE
              : c->quote ? K_QUOTE : c->list ? K_LIST : c->cell ? K_CELL : c->para ? K_PARA : K_OTHER;
    /* text set apart by two line breaks is a paragraph its author wrote
       without <p> (blogs, forums, older pages) */
    if (b->kind == K_OTHER && (f->br_break || f->break_owner == owner + 1))
        b->kind = K_PARA;
    f->break_owner = f->br_break ? owner + 1 : 0;
    f->br_break = 0;
    /* loose text in a <figure> (outside a quote, list or table) is its
       caption or photo credit */
    if (c->figure && (b->kind == K_OTHER || b->kind == K_PARA))
        b->kind = K_CAPTION;
    count_shape(b, f->cur.data, f->cur.len);
    if (px_buf_append(&f->text, f->cur.data, f->cur.len))
        return PX_ENOMEM;
    f->n_bl++;
    f->cur.len = 0;
    f->cur.data[0] = '\0';
    f->cur_links = 0;
    return PX_OK;
}

static int add_elem(flat *f, int parent, const GumboNode *n)
{
    if (f->n_el == f->cap_el) {
        size_t cap = f->cap_el ? f->cap_el * 2 : 512;
        elem *e = realloc(f->el, cap * sizeof *e);
        if (!e)
            return -1;
        f->el = e;
        f->cap_el = cap;
    }
    elem *e = &f->el[f->n_el];
    e->parent = parent;
    e->tag = n->v.element.tag;
    e->evidence = own_evidence(n, &e->mixed);
    e->good = e->bad = e->marked_good = 0;
    e->articles = 0;
    e->records = 0;
    e->record_good = 0;
    e->teasers = 0;
    e->teaser_good = 0;
    e->first_block = -1;
    e->cells = e->rows = e->even_rows = e->nested = e->data = 0;
    e->images = e->tag == GUMBO_TAG_IMG;
    e->chars = e->blocks = 0;
    if (e->tag == GUMBO_TAG_ARTICLE && parent >= 0) {
        int p = f->el[parent].tag == GUMBO_TAG_LI && f->el[parent].parent >= 0 ? f->el[parent].parent
                                                                               : parent;
        f->el[p].articles++;
    }
    return (int)f->n_el++;
}

static void ctx_enter(ctx *c, GumboTag t, int delta)
{
    switch (t) {
    case GUMBO_TAG_H1: c->heading = delta > 0 ? 1 : 0; break;
    case GUMBO_TAG_H2: c->heading = delta > 0 ? 2 : 0; break;
    case GUMBO_TAG_H3: c->heading = delta > 0 ? 3 : 0; break;
    case GUMBO_TAG_H4: c->heading = delta > 0 ? 4 : 0; break;
    case GUMBO_TAG_H5: c->heading = delta > 0 ? 5 : 0; break;
    case GUMBO_TAG_H6: c->heading = delta > 0 ? 6 : 0; break;
    case GUMBO_TAG_P: c->para += delta; break;
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: c->list += delta; break;
    case GUMBO_TAG_BLOCKQUOTE: c->quote += delta; break;
    case GUMBO_TAG_PRE: c->pre += delta; break;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: c->cell += delta; break;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: c->caption += delta; break;
    case GUMBO_TAG_FIGURE: c->figure += delta; break;
    case GUMBO_TAG_A: c->link += delta; break;
    default: break;
    }
}

/* A card inside a paragraph (a hover card on a person's name: picture,
 * name, links to stories): an inline element with neither text nor a link
 * of its own, only nested elements, that holds an image. Its text is not
 * part of the sentence it sits in, and splitting the paragraph at its
 * image would lose the paragraph. Looks at most CARD_MAX_NODES nodes. */
#define CARD_MAX_NODES 64

static int is_inline_card(const GumboNode *e)
{
    GumboTag t = e->v.element.tag;
    if (t != GUMBO_TAG_SPAN)
        return 0;
    const GumboVector *k = &e->v.element.children;
    for (size_t i = 0; i < k->length; i++) {
        const GumboNode *c = k->data[i];
        if (c->type == GUMBO_NODE_TEXT || px_dom_is(c, GUMBO_TAG_A))
            return 0;
    }
    /* breadth-first over a bounded number of descendants, looking for an image */
    const GumboNode *queue[CARD_MAX_NODES];
    size_t head = 0, tail = 0;
    queue[tail++] = e;
    while (head < tail) {
        const GumboNode *n = queue[head++];
        if (px_dom_is(n, GUMBO_TAG_IMG))
            return 1;
        const GumboVector *v = &n->v.element.children;
        for (size_t i = 0; i < v->length && tail < CARD_MAX_NODES; i++) {
            const GumboNode *c = v->data[i];
            if (c->type == GUMBO_NODE_ELEMENT)
                queue[tail++] = c;
        }
    }
    return 0;
}

typedef struct frame {
    const GumboNode *node;
    unsigned next_child;
    int elem;        /* index in f->el */
    int owner;       /* innermost block-level element at this frame */
} frame;

static int flatten(flat *f, const GumboNode *root)
{
    frame *st = NULL;
    size_t n = 0, cap = 0;
    ctx c = {0};
    int rc = PX_OK;
#define PUSH(nd, el, ow)                                                        \
    do {                                                                        \
        if (n == cap) {                                                         \
            size_t nc = cap ? cap * 2 : 128;                                     \
            frame *ns = realloc(st, nc * sizeof *ns);                           \
            if (!ns) { rc = PX_ENOMEM; goto done; }                             \
            st = ns, cap = nc;                                                  \
        }                                                                       \
        st[n++] = (frame){(nd), 0, (el), (ow)};                                 \
    } while (0)
    int root_el = add_elem(f, -1, root);
    if (root_el < 0)
        return PX_ENOMEM;
    PUSH(root, root_el, root_el);
    while (n > 0) {
        frame *top = &st[n - 1];
        const GumboVector *kids = &top->node->v.element.children;
        if (top->next_child >= kids->length) {
            GumboTag t = top->node->v.element.tag;
            if (is_block_tag(t) && (rc = flush(f, top->owner, &c)) != PX_OK)
                goto done;
            ctx_enter(&c, t, -1);
            n--;
            continue;
        }
        const GumboNode *k = kids->data[top->next_child++];
        int owner = top->owner, parent = top->elem;
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
            f->br_run = 0;
            if ((rc = append_text(f, k->v.text.text, c.link > 0)) != PX_OK)
                goto done;
            continue;
        }
        if (k->type == GUMBO_NODE_WHITESPACE) {
            if (px_buf_append(&f->cur, " ", 1)) { rc = PX_ENOMEM; goto done; }
            continue;
        }
        if (k->type != GUMBO_NODE_ELEMENT && k->type != GUMBO_NODE_TEMPLATE)
            continue;
        GumboTag t = k->v.element.tag;
        if (t == GUMBO_TAG_BR) {
            /* two line breaks in a row separate paragraphs */
            if (++f->br_run >= 2) {
                f->br_break = 1;
                if ((rc = flush(f, owner, &c)) != PX_OK)
                    goto done;
            } else if (px_buf_append(&f->cur, " ", 1)) {
                rc = PX_ENOMEM;
                goto done;
            }
            f->br_run = 1;
            continue;
        }
        if (is_skipped_tag(t) || is_hidden(k) || (c.para && is_inline_card(k)))
            continue;
        int el = add_elem(f, parent, k);
        if (el < 0) { rc = PX_ENOMEM; goto done; }
        if (is_block_tag(t)) {
            if ((rc = flush(f, owner, &c)) != PX_OK)
                goto done;
            owner = el;
        }
        ctx_enter(&c, t, +1);
        PUSH(k, el, owner);
    }
done:
    free(st);
#undef PUSH
    return rc;
}

/* ---- data tables -------------------------------------------------------- */

static int is_cell(GumboTag t)
{
    return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH;
}

/* The table a cell element belongs to, or -1. */
static int cell_table(const flat *f, int cell)
{
    int tr = f->el[cell].parent;
    if (tr < 0 || f->el[tr].tag != GUMBO_TAG_TR)
        return -1;
    int t = f->el[tr].parent;
    if (t >= 0 && f->el[t].tag != GUMBO_TAG_TABLE)
        t = f->el[t].parent;
    return t >= 0 && f->el[t].tag == GUMBO_TAG_TABLE ? t : -1;
}

/* The data-table cell holding element e (a few levels up at most), or -1. */
static int data_cell_of(const flat *f, int e)
{
    for (int up = 0; e >= 0 && up < 3; up++, e = f->el[e].parent)
        if (is_cell(f->el[e].tag))
            return e;
    return -1;
}

/* A table is data when it is a regular grid (rows of equal width, at least
 * min_rows x min_cols), not nested in or around another table, with short
 * cells that are mostly not links. Layout tables fail on nesting or on
 * their long, uneven cells. */
static int mark_data_tables(flat *f)
{
    /* outer[i]: the nearest <table> above element i, or -1 (elements are in
       pre-order, so a parent's entry is ready before its children's) */
    int *outer = malloc((f->n_el ? f->n_el : 1) * sizeof *outer);
    if (!outer)
        return PX_ENOMEM;
    for (size_t i = 0; i < f->n_el; i++) {
        elem *e = &f->el[i];
        int p = e->parent;
        outer[i] = p < 0 ? -1 : f->el[p].tag == GUMBO_TAG_TABLE ? p : outer[p];
        if (is_cell(e->tag) && p >= 0 && f->el[p].tag == GUMBO_TAG_TR)
            f->el[p].cells++;
        if (e->tag == GUMBO_TAG_TABLE && outer[i] >= 0)
            e->nested = f->el[outer[i]].nested = 1;
    }
    free(outer);
    for (size_t i = 0; i < f->n_el; i++)
        if (f->el[i].tag == GUMBO_TAG_TR && f->el[i].cells > 0) {
            int t = f->el[i].parent;
            if (t >= 0 && f->el[t].tag != GUMBO_TAG_TABLE)
                t = f->el[t].parent;
            if (t < 0 || f->el[t].tag != GUMBO_TAG_TABLE)
                continue;
            elem *tb = &f->el[t];
            tb->rows++;
            if (f->el[i].cells > tb->cells)
                tb->cells = f->el[i].cells, tb->even_rows = 0;
            if (f->el[i].cells == tb->cells)
                tb->even_rows++;
        }
    /* text and links per table, from the blocks in its cells */
    double *chars = calloc(f->n_el, sizeof *chars), *links = calloc(f->n_el, sizeof *links);
    int *ncell = calloc(f->n_el, sizeof *ncell);
    int rc = chars && links && ncell ? PX_OK : PX_ENOMEM;
    if (rc == PX_OK) {
        for (size_t i = 0; i < f->n_el; i++)
            if (is_cell(f->el[i].tag)) {
                int t = cell_table(f, (int)i);
                if (t >= 0)
                    ncell[t]++;
            }
        for (size_t i = 0; i < f->n_bl; i++) {
            int c = data_cell_of(f, f->bl[i].owner), t = c >= 0 ? cell_table(f, c) : -1;
            if (t >= 0)
                chars[t] += f->bl[i].chars, links[t] += f->bl[i].link_chars;
        }
        for (size_t i = 0; i < f->n_el; i++) {
            elem *tb = &f->el[i];
            if (tb->tag != GUMBO_TAG_TABLE || tb->nested || tb->rows < DATA_TABLE.min_rows ||
                tb->cells < DATA_TABLE.min_cols || !ncell[i] ||
                tb->even_rows < DATA_TABLE.even_share * tb->rows)
                continue;
            tb->data = chars[i] > 0 && links[i] <= DATA_TABLE.max_link_density * chars[i] &&
                       chars[i] / ncell[i] <= DATA_TABLE.max_cell_chars;
        }
    }
    free(chars);
    free(links);
    free(ncell);
    for (size_t i = 0; rc == PX_OK && i < f->n_bl; i++) {
        int c = data_cell_of(f, f->bl[i].owner), t = c >= 0 ? cell_table(f, c) : -1;
        if (t >= 0 && f->el[t].data && f->bl[i].kind == K_CELL)
            f->bl[i].kind = K_DATA;
    }
    return rc;
}

/* ---- captions outside <figure> ----------------------------------------- */

/* The smallest box around block b, within IMAGE_BOX.max_levels, that holds
 * an image not inside b's own element: is it small enough to be an image
 * with its caption (IMAGE_BOX)? */
static int in_image_box(const flat *f, const block *b)
{
    int own_images = f->el[b->owner].images;
    int e = f->el[b->owner].parent;
    for (int up = 0; e >= 0 && up < IMAGE_BOX.max_levels; up++, e = f->el[e].parent) {
        if (f->el[e].chars > IMAGE_BOX.max_chars || f->el[e].blocks > IMAGE_BOX.max_blocks)
            return 0;
        if (f->el[e].images > own_images)
            return 1;
    }
    return 0;
}

/* Marks as captions the loose text and paragraphs that sit in a small box
 * with an image (IMAGE_BOX). */
static void mark_image_captions(flat *f)
{
    for (size_t i = 0; i < f->n_bl; i++) {
        f->el[f->bl[i].owner].chars += f->bl[i].chars;
        f->el[f->bl[i].owner].blocks++;
    }
    for (size_t i = f->n_el; i-- > 1;) {
        elem *e = &f->el[i], *p = &f->el[e->parent];
        p->chars += e->chars;
        p->blocks += e->blocks;
        p->images += e->images;
    }
    for (size_t i = 0; i < f->n_bl; i++) {
        block *b = &f->bl[i];
        if ((b->kind == K_OTHER || b->kind == K_PARA) && in_image_box(f, b))
            b->kind = K_CAPTION;
    }
}

/* ---- photo credits ------------------------------------------------------ */

/* Is word w (n bytes) in the NULL-terminated list, in the case written? */
static int word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return 1;
    return 0;
}

/* A photo credit: a short line with no sentence in it that opens on a
 * credit label ("Photo: Damian Dovarganes, AP", "Foto: dpa") or names a
 * picture agency beside a separator ("Natalie Naccache | Bloomberg |
 * Getty Images", "Damian Dovarganes/AP"). Agencies sell pictures to sites
 * in every language, so their names are the same everywhere. */
static int is_photo_credit(const flat *f, const block *b)
{
    static const char *const labels[] = {"Photo", "Photos", "Photograph", "Foto", "Fotos", "Image", "Picture",
                                         "Credit", "Bild", "Illustration", NULL};
    static const char *const agencies[] = {"AP", "AFP", "Reuters", "REUTERS", "Getty", "EPA", "Bloomberg", "dpa",
                                           "Shutterstock", "Alamy", "Xinhua", "Anadolu", "Imago", "ANSA", NULL};
    if (b->words > 10 || b->sentence_ends > 0 || b->chars < 4)
        return 0;
    const char *t = f->text.data + b->off, *end = t + b->len;
    int agency = 0, separator = 0, first = 1;
    for (const char *p = t; p < end; first = 0) {
        while (p < end && !isalnum((unsigned char)*p))
            separator |= *p == '|' || *p == '/' || *p == ',', p++;
        const char *w = p;
        while (p < end && isalnum((unsigned char)*p))
            p++;
        if (first && p < end && *p == ':' && word_in(w, (size_t)(p - w), labels))
            return 1;
        agency |= p > w && word_in(w, (size_t)(p - w), agencies);
    }
    return agency && separator;
}

static int may_be_caption(const block *b)
{
    return b->kind == K_OTHER || b->kind == K_PARA || b->kind == K_LIST;
}

/* The short text beside credit b in the same box is its caption. */
static void mark_caption_beside(flat *f, const block *b, block *c)
{
    if (may_be_caption(c) && c->chars <= IMAGE_BOX.max_chars && f->el[c->owner].parent == f->el[b->owner].parent)
        c->kind = K_CAPTION;
}

/* Photo credits and the short text right before or after each in the
 * same box: its caption ("Karma Automotive's designers unveil the concept
 * car at ..."), in an article or a gallery's list. Pages without class
 * names say what a caption is no other way. */
static void mark_credit_captions(flat *f)
{
    for (size_t i = 0; i < f->n_bl; i++) {
        block *b = &f->bl[i];
        if (!may_be_caption(b) || !is_photo_credit(f, b))
            continue;
        b->kind = K_CAPTION;
        if (i > 0)
            mark_caption_beside(f, b, &f->bl[i - 1]);
        if (i + 1 < f->n_bl)
            mark_caption_beside(f, b, &f->bl[i + 1]);
    }
}

/* ---- scoring ------------------------------------------------------------ */

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The evidence of the nearest ancestor (or the block's own element) that
 * has any, looking at most a few levels up. */
static int nearest_evidence(const flat *f, int e)
{
    for (int up = 0; e >= 0 && up < 4; up++, e = f->el[e].parent)
        if (f->el[e].evidence)
            return f->el[e].evidence;
    return 0;
}

/* A few words around a year: a timestamp or byline, not a sentence. */
static int is_dateline(const block *b)
{
    return b->has_year && b->words <= 8;
}

static double score_block(const flat *f, const block *b)
{
    if (b->kind == K_DATA)
        return BLOCK_WEIGHTS.data_cell;
    double s = BLOCK_WEIGHTS.bias;
    s += clampd(b->chars / 80.0 * BLOCK_WEIGHTS.per_80_chars, 0, BLOCK_WEIGHTS.max_length);
    s += clampd(b->sentence_ends * BLOCK_WEIGHTS.per_sentence_end, 0, BLOCK_WEIGHTS.max_sentence);
    s += clampd(b->commas * BLOCK_WEIGHTS.per_comma, 0, BLOCK_WEIGHTS.max_comma);
    s += BLOCK_WEIGHTS.link_density * (b->chars ? (double)b->link_chars / b->chars : 0) *
         (b->kind == K_QUOTE ? BLOCK_WEIGHTS.quote_links : 1);
    if (b->kind == K_PARA)
        s += BLOCK_WEIGHTS.in_paragraph;
    if (b->kind == K_QUOTE)
        s += BLOCK_WEIGHTS.in_quote;
    if (b->kind == K_CAPTION)
        s += BLOCK_WEIGHTS.in_caption;
    if (b->kind == K_LIST)
        s += BLOCK_WEIGHTS.in_list;
    if (b->words < 4)
        s += BLOCK_WEIGHTS.few_words;
    if (is_dateline(b))
        s += BLOCK_WEIGHTS.dateline;
    s += BLOCK_WEIGHTS.box_evidence * clampd(nearest_evidence(f, b->owner), -3, 3);
    return s;
}

/* ---- container choice --------------------------------------------------- */

/* A list of records: several children that each open with a line of link
 * text (a linked headline or author name) over some prose, and hold most
 * of the box's prose. Teaser lists and comment threads look like this
 * whatever their class names; an article's paragraphs do not. */
static int is_record_list(const elem *x, const elem *root)
{
    return x->records >= RECORDS.min_records && x->record_good >= RECORDS.prose_share * x->good &&
           root->good - x->good >= RECORDS.outside_prose * x->good;
}

static int is_boilerplate_box(const flat *f, int e)
{
    const elem *x = &f->el[e], *root = &f->el[0];
    return (x->evidence <= CONTAINER.box_is_boilerplate || x->articles >= 3 || is_record_list(x, root)) &&
           x->good + x->bad <= CONTAINER.wrapper_share * (root->good + root->bad) &&
           !(x->marked_good > 0.5 * x->good) &&
           (!x->mixed || x->good <= CONTAINER.box_max_share * root->good);
}

/* A line of a few words, almost all of them a link: a linked headline. */
static int is_headline_link(const block *b)
{
    return b->chars > 0 && b->link_chars >= RECORDS.title_links * b->chars &&
           b->words >= INDEX_PAGE.min_words && b->words <= RECORDS.title_words;
}

/* Counts, for every element, its children that open with a line of link
 * text and hold prose (is_record_list). */
static void mark_records(flat *f)
{
    /* the first block of each subtree: a block's owner and its ancestors,
       stopping at the first that has one already (ancestors of it do too) */
    for (size_t i = 0; i < f->n_bl; i++)
        for (int e = f->bl[i].owner; e >= 0 && f->el[e].first_block < 0; e = f->el[e].parent)
            f->el[e].first_block = (int)i;
    for (size_t i = 1; i < f->n_el; i++) {
        elem *e = &f->el[i];
        if (e->first_block < 0 || e->good <= 0)
            continue;
        const block *b = &f->bl[e->first_block];
        if (b->chars > 0 && b->link_chars >= RECORDS.title_links * b->chars &&
            b->words <= RECORDS.title_words && b->score <= 0) {
            f->el[e->parent].records++;
            f->el[e->parent].record_good += e->good;
            if (is_headline_link(b) && e->good <= INDEX_PAGE.teaser_max_prose) {
                f->el[e->parent].teasers++;
                f->el[e->parent].teaser_good += e->good;
            }
        }
    }
}

static int choose_container(flat *f)
{
    for (size_t i = 0; i < f->n_bl; i++) {
        block *b = &f->bl[i];
        if (b->score > 0)
            f->el[b->owner].good += b->chars;
        else
            f->el[b->owner].bad += b->chars;
    }
    /* Elements are in pre-order: children come after their parents. */
    for (size_t i = f->n_el; i-- > 1;) {
        elem *e = &f->el[i], *p = &f->el[e->parent];
        p->good += e->good;
        p->bad += e->bad;
        double marked = e->evidence >= 2 && e->good > e->marked_good ? e->good : e->marked_good;
        if (marked > p->marked_good)
            p->marked_good = marked;
    }
    mark_records(f);
    /* Again, with boilerplate boxes counted as boilerplate whole; nothing
       inside a boilerplate box can be the container. */
    double *good = calloc(f->n_el, sizeof *good), *bad = calloc(f->n_el, sizeof *bad);
    char *boxed = calloc(f->n_el, 1);
    if (!good || !bad || !boxed) {
        free(good);
        free(bad);
        free(boxed);
        return -1;
    }
    for (size_t i = 1; i < f->n_el; i++) {
        int p = f->el[i].parent;
        boxed[i] = boxed[p] || is_boilerplate_box(f, p);
    }
    for (size_t i = 0; i < f->n_bl; i++) {
        block *b = &f->bl[i];
        (b->score > 0 ? good : bad)[b->owner] += b->chars;
    }
    int best = 0;
    double best_gain = -1;
    for (size_t i = f->n_el; i-- > 0;) {
        elem *e = &f->el[i];
        double gain = good[i] - CONTAINER.bad_share * bad[i];
        if (e->evidence > 0)
            gain *= 1 + CONTAINER.evidence_bonus * e->evidence;
        if (gain > best_gain && good[i] > 0 && !boxed[i] && !is_boilerplate_box(f, (int)i)) {
            best_gain = gain;
            best = (int)i;
        }
        if (i > 0) {
            if (is_boilerplate_box(f, (int)i)) {
                bad[e->parent] += good[i] + bad[i];
            } else {
                good[e->parent] += good[i];
                bad[e->parent] += bad[i];
            }
        }
    }
    for (int up = 0; up < 3 && best > 0; up++) {
        int p = f->el[best].parent;
        if (boxed[p] || is_boilerplate_box(f, p) || good[p] < CONTAINER.climb_good * good[best] ||
            good[p] - CONTAINER.bad_share * bad[p] < 0)
            break;
        best = p;
    }
    free(good);
    free(bad);
    free(boxed);
    return best;
}

/* ---- emission ----------------------------------------------------------- */

/* Is block b below container c without a boilerplate box in between? */
static int inside_clean(const flat *f, const block *b, int c)
{
    for (int e = b->owner; e >= 0; e = f->el[e].parent) {
        if (e == c)
            return 1;
        if (is_boilerplate_box(f, e))
            return 0;
    }
    return 0;
}

/* Is block b a paragraph of prose in the <header> that opens the article
 * (a sibling before container c, or before one of its two nearest
 * ancestors, below <body>)? A lead paragraph set there with the title and byline is
 * the article's first paragraph, though the header as a box is not
 * content. */
static int lead_in_header(const flat *f, const block *b, int c)
{
    if (b->kind != K_PARA || b->score <= 0 || c <= 0)
        return 0;
    int h = b->owner;
    while (h >= 0 && f->el[h].tag != GUMBO_TAG_HEADER) {
        if (is_boilerplate_box(f, h))
            return 0;
        h = f->el[h].parent;
    }
    /* the page's own header (a child of <body>) holds a site's tagline */
    if (h < 0 || h > c || f->el[h].parent <= 0)
        return 0;
    int a = f->el[c].parent;
    for (int up = 0; a >= 0 && up < 2; up++, a = f->el[a].parent)
        if (f->el[h].parent == a)
            return 1;
    return 0;
}

/* ---- edges and repeats of the emitted text ---------------------------- */

static int is_promo(const flat *f, const block *b)
{
    if (b->chars > EDGES.promo_max_chars || b->heading)
        return 0;
    const char *s = f->text.data + b->off;
    for (size_t i = 0; i < sizeof PROMO_PHRASES / sizeof PROMO_PHRASES[0]; i++) {
        size_t k = strlen(PROMO_PHRASES[i]);
        for (size_t j = 0; j + k <= b->len; j++)
            if (!strncasecmp(s + j, PROMO_PHRASES[i], k) &&
                (j == 0 || !isalnum((unsigned char)s[j - 1])) &&
                (j + k == b->len || !isalnum((unsigned char)s[j + k])))
                return 1;
    }
    return 0;
}

/* Drops runs of promotional blocks at both ends of the kept blocks. */
static void trim_promo_edges(const flat *f, char *keep)
{
    size_t n = f->n_bl;
    for (size_t i = 0; i < n; i++)
        if (keep[i]) {
            if (!is_promo(f, &f->bl[i]))
                break;
            keep[i] = 0;
        }
    for (size_t i = n; i-- > 0;)
        if (keep[i]) {
            if (!is_promo(f, &f->bl[i]))
                break;
            keep[i] = 0;
        }
}

/* A block with no letters at all (a rank, a count, a rule of dashes). */
static int has_no_letters(const flat *f, const block *b)
{
    const unsigned char *s = (const unsigned char *)f->text.data + b->off;
    for (size_t i = 0; i < b->len; i++)
        if (isalpha(s[i]) || s[i] >= 0x80)
            return 0;
    return 1;
}

/* Cuts the kept text after a wide gap of left-out blocks when what follows
 * the gap is small beside what precedes it: past the end of the article
 * come share buttons, tags, the next and previous posts, and then an
 * author's bio and the comments, which read like prose. Inside an article,
 * a box left out (a related-stories list) is narrower or is followed by
 * much of the article. */
static void cut_after_gap(const flat *f, char *keep)
{
    size_t n = f->n_bl, last = SIZE_MAX, gap = 0;
    double before = 0, total = 0;
    for (size_t i = 0; i < n; i++)
        if (keep[i])
            total += f->bl[i].chars;
    for (size_t i = 0; i < n; i++) {
        if (!keep[i]) {
            gap += last != SIZE_MAX;
            continue;
        }
        if (gap >= (size_t)TAIL_GAP.min_blocks && total - before <= TAIL_GAP.max_tail * before) {
            for (size_t j = i; j < n; j++)
                keep[j] = 0;
            return;
        }
        before += f->bl[i].chars;
        last = i;
        gap = 0;
    }
}

/* Drops teaser summaries: a short kept block between a linked headline
 * that was left out and another block left out (a dateline, the next
 * link) sells another page. A paragraph after an inline "read more" link
 * is followed by more of the article and stays. */
static void drop_teaser_summaries(const flat *f, char *keep)
{
    size_t n = f->n_bl;
    for (size_t i = 0; i < n; i++) {
        if (!keep[i] || f->bl[i].chars > INDEX_PAGE.teaser_max_prose || f->bl[i].heading)
            continue;
        if (i > 0 && !keep[i - 1] && is_headline_link(&f->bl[i - 1]) && i + 1 < n && !keep[i + 1])
            keep[i] = 0;
    }
}

/* Drops what ends the kept text without being text: a heading with nothing
 * under it heads a box that was left out ("Most popular" over its linked
 * headlines), and numbers alone are that box's ranks. */
static void trim_trailing_labels(const flat *f, char *keep)
{
    for (size_t i = f->n_bl; i-- > 0;)
        if (keep[i]) {
            const block *b = &f->bl[i];
            if (b->kind == K_DATA || !(b->heading || has_no_letters(f, b)))
                break;
            keep[i] = 0;
        }
}

/* Hashes of the word 4-grams of a block (words: runs of letters and digits,
 * lower-cased ASCII; other bytes of UTF-8 letters count as word bytes). */
static size_t block_shingles(const flat *f, const block *b, uint64_t *h, size_t max)
{
    uint64_t w[4] = {0};
    size_t nw = 0, nh = 0;
    const unsigned char *s = (const unsigned char *)f->text.data + b->off;
    for (size_t i = 0; i < b->len && nh < max;) {
        if (!(isalnum(s[i]) || s[i] >= 0x80)) {
            i++;
            continue;
        }
        uint64_t x = 1469598103934665603ULL;
        for (; i < b->len && (isalnum(s[i]) || s[i] >= 0x80); i++)
            x = (x ^ (uint64_t)tolower(s[i])) * 1099511628211ULL;
        w[0] = w[1], w[1] = w[2], w[2] = w[3], w[3] = x;
        if (++nw >= 4)
            h[nh++] = w[0] * 31 * 31 * 31 + w[1] * 31 * 31 + w[2] * 31 + w[3];
    }
    return nh;
}

typedef struct shingle {
    uint64_t hash;
    size_t block;
} shingle;

static int cmp_shingle(const void *a, const void *b)
{
    const shingle *x = a, *y = b;
    return x->hash < y->hash ? -1 : x->hash > y->hash ? 1 : (x->block > y->block) - (x->block < y->block);
}

/* Does the 4-gram h occur in a kept block after block i? (all sorted by
   hash, then block) */
static int seen_after(const shingle *all, size_t n, uint64_t h, size_t i)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (all[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && all[lo].hash == h; lo++)
        if (all[lo].block > i)
            return 1;
    return 0;
}

/* Drops the kept blocks at the start of the text that repeat what follows
 * them: a "key points" or summary box set above the story says again what
 * its paragraphs say. Only the leading run: further down, a repeated
 * question or a quote shown again in an embedded post is the article. The
 * share is of the block's own 4-grams, so a lead paragraph merely echoed by
 * a later one stays. */
static int drop_leading_repeats(const flat *f, char *keep)
{
    size_t total = 0;
    for (size_t i = 0; i < f->n_bl; i++)
        if (keep[i])
            total += f->bl[i].len / 2 + 1;
    shingle *all = malloc((total ? total : 1) * sizeof *all);
    uint64_t *h = malloc((total ? total : 1) * sizeof *h);
    if (!all || !h) {
        free(all);
        free(h);
        return PX_ENOMEM;
    }
    size_t n_all = 0;
    for (size_t i = 0; i < f->n_bl; i++)
        if (keep[i]) {
            size_t m = block_shingles(f, &f->bl[i], h, total - n_all);
            for (size_t j = 0; j < m; j++)
                all[n_all++] = (shingle){h[j], i};
        }
    qsort(all, n_all, sizeof *all, cmp_shingle);
    for (size_t i = 0; i < f->n_bl; i++) {
        if (!keep[i])
            continue;
        size_t m = block_shingles(f, &f->bl[i], h, total), hit = 0;
        for (size_t j = 0; j < m; j++)
            hit += (size_t)seen_after(all, n_all, h[j], i);
        if (m < (size_t)EDGES.repeat_min_shingles || hit < EDGES.repeat_share * m)
            break;
        keep[i] = 0;
    }
    free(all);
    free(h);
    return PX_OK;
}

/* Can block b be part of a run of short pieces between prose? List items
 * (a list of products, places or sources, each item linking its name:
 * "Hammer: solid and cheap") and short sentences (lines of dialogue in a
 * blog post set apart by line breaks), not datelines or link lines. */
static int is_run_piece(const block *b)
{
    return b->link_chars * 2 < b->chars && !b->heading && !is_dateline(b) &&
           (b->kind == K_LIST || b->sentence_ends > 0);
}

/* A run of short pieces standing between kept prose is part of the
 * article however many pieces it holds. The per-block rule in emit keeps a
 * short piece only when prose stands on both sides of it, so two or more
 * in a row were lost: the pieces are each other's neighbours. Lists of
 * links (related stories) have more than half of their text in links and
 * stay out. */
static void keep_runs_between_prose(const flat *f, const char *in, char *keep)
{
    size_t n = f->n_bl, prev = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (!in[i])
            continue;
        if (keep[i] || !is_run_piece(&f->bl[i])) {
            prev = i;
            continue;
        }
        size_t end = i;
        for (size_t j = i + 1; j < n; j++)
            if (in[j]) {
                if (keep[j] || !is_run_piece(&f->bl[j]))
                    break;
                end = j;
            }
        size_t next = end + 1;
        while (next < n && !in[next])
            next++;
        if (prev != SIZE_MAX && keep[prev] && next < n && keep[next])
            for (size_t j = i; j <= end; j++)
                keep[j] = (char)(keep[j] || in[j]);
        prev = end;
        i = end;
    }
}

static int emit(const flat *f, int c, px_buf *out)
{
    size_t n = f->n_bl;
    char *in = calloc(n ? n : 1, 1);
    if (!in)
        return PX_ENOMEM;
    for (size_t i = 0; i < n; i++)
        in[i] = (inside_clean(f, &f->bl[i], c) || lead_in_header(f, &f->bl[i], c)) &&
                (f->bl[i].chars == 0 || f->bl[i].kind == K_QUOTE ||
                 (double)f->bl[i].link_chars / f->bl[i].chars <= CONTAINER.keep_link_density ||
                 f->bl[i].kind == K_LIST) &&
                f->bl[i].kind != K_CAPTION && f->bl[i].heading != 1;
    /* sure: article text on its own. Inside the article's box, what its
       author set as a paragraph, or as a list without links, is the article
       however short its pieces (numbered product lines, ingredients,
       one-line answers), unless it is a dateline; links and boilerplate
       boxes were filtered above. */
    char *sure = calloc(n ? n : 1, 1), *keep = calloc(n ? n : 1, 1);
    char *anchor = calloc(n ? n : 1, 1);
    if (!sure || !keep || !anchor) {
        free(in);
        free(sure);
        free(keep);
        free(anchor);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        const block *b = &f->bl[i];
        sure[i] = in[i] && (b->score > 0 || (b->kind == K_PARA && !is_dateline(b)) ||
                            (b->kind == K_LIST && b->link_chars <= CONTAINER.list_link_chars));
    }
    for (size_t i = 0; i < n; i++)
        anchor[i] = in[i] && f->bl[i].score > 0;
    for (int pass = 0; pass < CONTAINER.short_passes; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!in[i])
                continue;
            const block *b = &f->bl[i];
            int k = sure[i];
            if (!k) {
                /* a short piece is kept when prose follows it (sub-heading, lead-in)
                   and, unless it is a heading, when prose or a sub-heading precedes
                   it; a linked list item only between prose, so a lone call to action
                   ("Get it at ... for $40") stays and a list of links does not. A
                   piece kept this way counts as prose for its neighbours in the next
                   pass: a sub-heading over a one-line lead-in over prose stays whole. */
                int prev_good = 0, next_good = 0, prev_heading = 0;
                for (size_t j = i; j-- > 0;)
                    if (in[j]) {
                        prev_good = anchor[j];
                        prev_heading = f->bl[j].heading > 1;
                        break;
                    }
                for (size_t j = i + 1; j < n; j++)
                    if (in[j]) {
                        next_good = anchor[j];
                        break;
                    }
                k = next_good && (prev_good || b->heading || prev_heading) &&
                    (b->link_chars * 2 < b->chars || b->kind == K_QUOTE ||
                     (b->kind == K_LIST && prev_good));
            }
            /* one word standing alone, not a heading, sentence, list item or
               table cell, is a label: "Advertisement", "Comments", "Share" */
            if (!memchr(f->text.data + b->off, ' ', b->len) && !b->heading && !b->sentence_ends &&
                b->kind != K_DATA && b->kind != K_LIST)
                k = 0;
            keep[i] = (char)k;
        }
        for (size_t i = 0; i < n; i++)
            if (keep[i])
                anchor[i] = 1;
    }
    keep_runs_between_prose(f, in, keep);
    trim_promo_edges(f, keep);
    drop_teaser_summaries(f, keep);
    cut_after_gap(f, keep);
    trim_trailing_labels(f, keep);
    int rc = drop_leading_repeats(f, keep);
    for (size_t i = 0; i < n && rc == PX_OK; i++) {
        if (!keep[i])
            continue;
        const block *b = &f->bl[i];
        if (out->len)
            rc |= px_buf_append(out, "\n\n", 2);
        rc |= px_buf_append(out, f->text.data + b->off, b->len);
    }
    free(in);
    free(sure);
    free(keep);
    free(anchor);
    return rc ? PX_ENOMEM : PX_OK;
}

/* Is the page an index of other pages (INDEX_PAGE)? Says why in kind. */
static void judge_page(const flat *f, const px_buf *out, px_page_kind *kind)
{
    double text = utf8_chars(out->data ? out->data : "", out->len);
    for (size_t i = 0; i < f->n_el; i++) {
        const elem *e = &f->el[i];
        if (e->teasers >= INDEX_PAGE.min_teasers && e->teaser_good >= INDEX_PAGE.teaser_share * text) {
            kind->is_index = 1;
            snprintf(kind->why, sizeof kind->why,
                     "a list of %d teasers holds more prose than the article text", e->teasers);
            return;
        }
    }
    double chars = 0, links = 0, headlines = 0;
    for (size_t i = 0; i < f->n_bl; i++) {
        chars += f->bl[i].chars;
        links += f->bl[i].link_chars;
        if (is_headline_link(&f->bl[i]))
            headlines += f->bl[i].chars;
    }
    if (chars > 0 && links >= INDEX_PAGE.link_share * chars &&
        headlines >= INDEX_PAGE.headline_ratio * text) {
        kind->is_index = 1;
        snprintf(kind->why, sizeof kind->why,
                 "%.0f%% of its text is links, linked headlines hold %.0f times the article text",
                 100 * links / chars, text > 0 ? headlines / text : headlines);
    }
}

#ifdef PX_EXTRACT_DEBUG
/* development aid: every block with its score and whether it was emitted */
static void debug_dump(const flat *f, int c)
{
    fprintf(stderr, "container el %d tag %s ev %d\n", c, gumbo_normalized_tagname(f->el[c].tag),
            f->el[c].evidence);
    for (size_t i = 0; i < f->n_bl; i++) {
        const block *b = &f->bl[i];
        const elem *o = &f->el[b->owner];
        fprintf(stderr, "%4zu %c %6.2f k%d own%d %s ev%d nev%d ld%.2f | %.*s\n", i,
                inside_clean(f, b, c) ? '*' : ' ', b->score, b->kind, b->owner,
                gumbo_normalized_tagname(o->tag), o->evidence, nearest_evidence(f, b->owner),
                b->chars ? (double)b->link_chars / b->chars : 0, b->len > 100 ? 100 : (int)b->len,
                f->text.data + b->off);
    }
}
#endif

static const GumboNode *find_body(const GumboNode *root)
{
    const GumboVector *k = &root->v.element.children;
    for (size_t i = 0; i < k->length; i++)
        if (px_dom_is(k->data[i], GUMBO_TAG_BODY))
            return k->data[i];
    return root;
}

int px_dom_extract(const px_dom *d, px_buf *out, px_page_kind *kind)
{
    if (kind)
        memset(kind, 0, sizeof *kind);
    out->len = 0;
    if (out->data)
        out->data[0] = '\0';
    flat f;
    memset(&f, 0, sizeof f);
    int rc = flatten(&f, find_body(d->out->root));
    if (rc == PX_OK && f.n_bl) {
        rc = mark_data_tables(&f);
        if (rc == PX_OK) {
            mark_image_captions(&f);
            mark_credit_captions(&f);
            for (size_t i = 0; i < f.n_bl; i++)
                f.bl[i].score = score_block(&f, &f.bl[i]);
            int c = choose_container(&f);
#ifdef PX_EXTRACT_DEBUG
            if (c >= 0)
                debug_dump(&f, c);
#endif
            rc = c < 0 ? PX_ENOMEM : emit(&f, c, out);
            if (rc == PX_OK && kind)
                judge_page(&f, out, kind);
        }
    }
    if (rc == PX_OK && !out->data)
        rc = px_buf_append(out, "", 0);
    free(f.el);
    free(f.bl);
    px_buf_free(&f.text);
    px_buf_free(&f.cur);
    return rc;
}

int px_html_extract(const char *html, size_t len, px_buf *out, px_error *err)
{
    px_dom d;
    int rc = px_dom_parse(&d, html, len, err);
    if (rc)
        return rc;
    rc = px_dom_extract(&d, out, NULL);
    if (rc == PX_OK && d.warning[0])
        px_error_set(err, PX_OK, "%s", d.warning);
    px_dom_free(&d);
    return rc ? px_error_set(err, rc, "out of memory") : PX_OK;
}
