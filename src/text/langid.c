/* langid.c - which language a text is in (docs/text.md, "Languages").
 *
 * Han, kana and Hangul decide Chinese, Japanese and Korean by script; every
 * other text is compared with the n-gram fingerprints libexttextcat ships
 * (Cavnar & Trenkle's TextCat), restricted to the languages parallax
 * knows, which is what makes it beat the full set of 160 fingerprints
 * (BENCHMARKS.md, "Language identification"). Only the first 4 KiB of a
 * text are read, so the cost per article is bounded. */
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fingerprint.h>

#include "parallax/text.h"
#include "text/textchar.h"
#include "text/word_lists.h"
#include "core/grow.h"
#include "core/map.h"

#ifndef PX_TEXTCAT_DIR
#define PX_TEXTCAT_DIR "/usr/share/libexttextcat"
#endif

#define SAMPLE_BYTES 4096
#define MIN_LETTERS 12
#define FINGERPRINT_NGRAMS 400

/* The languages detection may answer, and their fingerprint files. */
static const struct {
    const char *code, *file;
} languages[] = {
    {"ar", "ar"}, {"bg", "bg"}, {"ca", "ca"}, {"cs", "cs"}, {"da", "da"}, {"de", "de"},
    {"el", "el"}, {"en", "en"}, {"es", "es"}, {"eu", "eu"}, {"fa", "fa"}, {"fi", "fi"},
    {"fr", "fr"}, {"ga", "ga"}, {"he", "he"}, {"hi", "hi"}, {"hr", "hr"}, {"hu", "hu"},
    {"hy", "hy"}, {"id", "id"}, {"it", "it"}, {"lt", "lt"}, {"ne", "ne"}, {"nl", "nl"},
    {"no", "nb"}, {"pl", "pl"}, {"pt", "pt"}, {"ro", "ro"}, {"ru", "ru"}, {"sk", "sk"},
    {"sl", "sl"}, {"sr", "sr-Cyrl"}, {"sr", "sr-Latn"}, {"sv", "sv"}, {"ta", "ta"},
    {"th", "th"}, {"tr", "tr"}, {"uk", "uk"}, {"vi", "vi"}, {"yi", "yi"},
};
#define N_LANGUAGES (sizeof languages / sizeof languages[0])

/* Codes parallax accepts as a language, beyond those detection answers. */
static const char *const script_languages[] = {"ja", "ko", "zh"};

static void *fingerprints[N_LANGUAGES];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;

/* libexttextcat's distance of a text from a language (fp_Compare) is the
 * sum, over the text's n-grams, of how far the n-gram's rank in the text
 * is from its rank in the language, or OUT_OF_PLACE when the language
 * lacks it. Comparing against each language one by one walked all their
 * n-grams (a string comparison each: 7 % of `cluster` on Reuters); one
 * table from each n-gram to its ranks in every language gives all the
 * distances in one pass over the text's n-grams. The ranks are the ones
 * the library itself holds, read back in rank order (fp_Print). */
#define OUT_OF_PLACE 400

typedef struct ngram_rank {
    uint16_t lang, rank;
} ngram_rank;

static struct {
    px_map ngrams;     /* n-gram -> id */
    size_t *first;     /* id -> its first entry in ranks (n + 1 of them) */
    ngram_rank *ranks; /* by n-gram id, the languages holding it */
    int ready;         /* 0: compare with fp_Compare */
} rank_table;

/* Calls fn(line, length, line number, ud) for each line fp_Print writes
 * of the fingerprint fp, in rank order; fn's first non-zero return stops. */
static int each_ranked_ngram(void *fp, int (*fn)(const char *, size_t, size_t, void *), void *ud)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return -1;
    fp_Print(fp, f);
    if (fclose(f) != 0) {
        free(text);
        return -1;
    }
    int rc = 0;
    size_t rank = 0;
    for (size_t i = 0; i < len && rc == 0; rank++) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        rc = fn(text + i, n, rank, ud);
        i += n + 1;
    }
    free(text);
    return rc;
}

typedef struct ngram_entry {
    uint32_t id;       /* the n-gram's id in rank_table.ngrams */
    ngram_rank at;
} ngram_entry;

typedef struct table_build {
    uint16_t lang;
    ngram_entry *v;      /* in the order read */
    size_t n, cap;
    unsigned char *seen; /* n-gram ids met in the current language */
    size_t seen_cap;
} table_build;

static int note_ngram(const char *s, size_t len, size_t rank, void *ud)
{
    table_build *b = ud;
    int added = 0;
    uint32_t id = px_map_intern(&rank_table.ngrams, s, len, &added);
    if (id == PX_MAP_NONE || rank > UINT16_MAX ||
        px_grow(&b->seen, &b->seen_cap, (size_t)id + 1, 1, 1024, 1) ||
        px_grow(&b->v, &b->cap, b->n + 1, sizeof *b->v, 4096, 0))
        return -1;
    /* an n-gram twice in one language would not be counted twice by the
     * library's merge walk: such a table is not used */
    if (b->seen[id])
        return -1;
    b->seen[id] = 1;
    b->v[b->n++] = (ngram_entry){id, {b->lang, (uint16_t)rank}};
    return 0;
}

/* Groups the entries read by n-gram id (a counting sort). */
static int index_ranks(const table_build *b)
{
    size_t ids = rank_table.ngrams.n;
    rank_table.first = calloc(ids + 1, sizeof *rank_table.first);
    rank_table.ranks = malloc((b->n ? b->n : 1) * sizeof *rank_table.ranks);
    size_t *fill = malloc((ids ? ids : 1) * sizeof *fill);
    int rc = rank_table.first && rank_table.ranks && fill ? 0 : -1;
    if (rc == 0) {
        for (size_t k = 0; k < b->n; k++)
            rank_table.first[b->v[k].id + 1]++;
        for (size_t id = 0; id < ids; id++)
            rank_table.first[id + 1] += rank_table.first[id];
        memcpy(fill, rank_table.first, ids * sizeof *fill);
        for (size_t k = 0; k < b->n; k++)
            rank_table.ranks[fill[b->v[k].id]++] = b->v[k].at;
    }
    free(fill);
    return rc;
}

static void build_rank_table(void)
{
    table_build b = {0};
    int rc = 0;
    for (size_t i = 0; i < N_LANGUAGES && rc == 0; i++) {
        if (!fingerprints[i])
            continue;
        b.lang = (uint16_t)i;
        if (b.seen)
            memset(b.seen, 0, b.seen_cap);
        rc = each_ranked_ngram(fingerprints[i], note_ngram, &b);
    }
    rank_table.ready = rc == 0 && index_ranks(&b) == 0;
    free(b.v);
    free(b.seen);
}

static void load_fingerprints(void)
{
    char path[512];
    for (size_t i = 0; i < N_LANGUAGES; i++) {
        void *fp = fp_Init(languages[i].code);
        if (fp)
            fp_SetProperty(fp, TCPROP_UTF8AWARE, TC_TRUE);
        snprintf(path, sizeof path, "%s/%s.lm", PX_TEXTCAT_DIR, languages[i].file);
        if (fp && fp_Read(fp, path, FINGERPRINT_NGRAMS) == 0) {
            fp_Done(fp);
            fp = NULL;
        }
        fingerprints[i] = fp;
        loaded += fp != NULL;
    }
    build_rank_table();
}

typedef struct distances {
    long sum[N_LANGUAGES];
} distances;

static int add_ngram(const char *s, size_t len, size_t rank, void *ud)
{
    distances *d = ud;
    uint32_t id = px_map_find(&rank_table.ngrams, s, len);
    for (size_t i = 0; i < N_LANGUAGES; i++)
        d->sum[i] += OUT_OF_PLACE;
    if (id == PX_MAP_NONE)
        return 0;
    for (size_t k = rank_table.first[id]; k < rank_table.first[id + 1]; k++) {
        const ngram_rank *r = &rank_table.ranks[k];
        long gap = (long)r->rank - (long)rank;
        d->sum[r->lang] -= OUT_OF_PLACE - (gap < 0 ? -gap : gap);
    }
    return 0;
}

/* ---- the text's n-grams, ranked as libexttextcat ranks them ----------- */

/* libexttextcat's fingerprint of a text (fp_Create) is its 400 most
 * frequent n-grams of 1 to 5 characters, ranked; the library hands them
 * out only as printed text (fp_Print), and making and printing them was
 * most of what identification still cost. They are made here the way the
 * library makes them: the same text preparation, the same counting table
 * (its hash, its 8192 chains, newest first) and the same heap, so that
 * n-grams of equal counts fall in the same ranks. Checked against
 * fp_Create and fp_Print on 54,286 texts (the UD dev texts of 11 languages
 * whole, by sentence and in 300-byte pieces, the Reuters, giveme5w1h,
 * ecbplus and BBC bodies and titles): the same n-grams in the same ranks
 * (BENCHMARKS.md). */
#define NGRAM_CHARS 5
#define NGRAM_BYTES (NGRAM_CHARS * 4)
#define NGRAM_BUCKETS 8192

typedef struct ngram_count {
    char str[NGRAM_BYTES + 1];
    uint32_t cnt;
    int32_t next;      /* the next n-gram of its chain, -1 at its end */
} ngram_count;

typedef struct ngram_counts {
    int32_t *bucket;   /* NGRAM_BUCKETS chain heads, -1 empty */
    ngram_count *v;
    size_t n, cap;
    int32_t heap[FINGERPRINT_NGRAMS]; /* least count on top */
    size_t heap_n;
} ngram_counts;

static int is_gap(char ch) { return isspace((unsigned char)ch) || isdigit((unsigned char)ch); }

/* The text as the library prepares it: each run of spaces and digits one
 * '_', an '_' before the first word and after the last, at most len + 1
 * bytes before the last '_'. The library reads on past len while it
 * skips a run; here the text ends at len (a caller's buffer need not
 * end with a NUL). */
static char *ngram_text(const char *p, size_t len)
{
    const char *end = p + len;
    char *dest = malloc(len + 3), *w = dest, *limit = dest + len + 1;
    if (!dest)
        return NULL;
    for (int word = 0;;) {
        char ch = p < end ? *p : '\0';
        if (!word) {
            if (ch && is_gap(ch)) {
                p++;
                continue;
            }
            *w++ = '_';
            if (!ch || w == limit)
                break;
            word = 1;
        }
        *w++ = *p++;
        if (w == limit) {
            *w++ = '_';
            break;
        }
        if (p == end || !*p)
            break;
        word = !is_gap(*p);
    }
    *w = '\0';
    return dest;
}

/* The bytes of the character at q: a lead byte's high bits say how many
 * follow, as far as the string goes and at most four (the bytes F8-FF
 * lead no character; NGRAM_BYTES holds NGRAM_CHARS of four bytes). */
static size_t char_bytes(const char *q)
{
    size_t n = 1;
    for (unsigned lead = (unsigned char)*q << 1; n < 4 && (lead & 0x80) && q[n] && (*q & 0x80); lead <<= 1)
        n++;
    return n;
}

static uint32_t ngram_hash(const char *s, size_t chars)
{
    uint32_t h = (uint32_t)chars * 13;
    for (; *s; s++)
        h = h * 31 + (uint32_t)(int)*s;
    return h;
}

static int count_ngram(ngram_counts *t, const char *s, size_t chars)
{
    uint32_t b = ngram_hash(s, chars) & (NGRAM_BUCKETS - 1);
    for (int32_t k = t->bucket[b]; k >= 0; k = t->v[k].next)
        if (strcmp(t->v[k].str, s) == 0) {
            t->v[k].cnt++;
            return 0;
        }
    if (t->n >= INT32_MAX || px_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v, 1024, 0))
        return -1;
    ngram_count *e = &t->v[t->n];
    strcpy(e->str, s);
    e->cnt = 1;
    e->next = t->bucket[b];
    t->bucket[b] = (int32_t)t->n++;
    return 0;
}

/* Counts every n-gram of 1 to NGRAM_CHARS characters of the prepared
 * text; an '_' ends an n-gram. */
static int count_ngrams(ngram_counts *t, const char *text)
{
    char g[NGRAM_BYTES + 1];
    for (const char *p = text;; p += char_bytes(p)) {
        const char *q = p;
        size_t len = 0;
        for (size_t chars = 1; chars <= NGRAM_CHARS; chars++) {
            size_t cb = char_bytes(q);
            memcpy(g + len, q, cb);
            len += cb;
            g[len] = '\0';
            if (count_ngram(t, g, chars))
                return -1;
            if (chars > 1 && *q == '_')
                break;
            q += cb;
            if (!*q)
                return 0;
        }
    }
}

static int heap_above(const ngram_counts *t, int32_t a, int32_t b) { return t->v[a].cnt > t->v[b].cnt; }

static void heap_swap(ngram_counts *t, size_t i, size_t j)
{
    int32_t x = t->heap[i];
    t->heap[i] = t->heap[j];
    t->heap[j] = x;
}

static void sift_up(ngram_counts *t, size_t child)
{
    while (child > 0) {
        size_t parent = (child - 1) / 2;
        if (!heap_above(t, t->heap[parent], t->heap[child]))
            return;
        heap_swap(t, parent, child);
        child = parent;
    }
}

static void sift_down(ngram_counts *t, size_t n, size_t parent)
{
    for (size_t child = 1; child < n; child = parent * 2 + 1) {
        if (child + 1 < n && heap_above(t, t->heap[child], t->heap[child + 1]))
            child++;
        if (!heap_above(t, t->heap[parent], t->heap[child]))
            return;
        heap_swap(t, parent, child);
        parent = child;
    }
}

/* The most frequent n-grams into the heap, in the order of the table. */
static void keep_most_frequent(ngram_counts *t)
{
    for (size_t b = 0; b < NGRAM_BUCKETS; b++)
        for (int32_t k = t->bucket[b]; k >= 0; k = t->v[k].next) {
            if (t->heap_n < FINGERPRINT_NGRAMS) {
                t->heap[t->heap_n] = k;
                sift_up(t, t->heap_n++);
            } else if (t->v[k].cnt >= t->v[t->heap[0]].cnt) {
                t->heap[0] = k;
                sift_down(t, t->heap_n, 0);
            }
        }
}

/* Calls fn(n-gram, its length, its rank, ud) for each n-gram of the
 * text's fingerprint, least frequent first; -1 when out of memory. */
static int rank_text_ngrams(const char *s, size_t len, int (*fn)(const char *, size_t, size_t, void *),
                            void *ud)
{
    ngram_counts t = {0};
    char *text = ngram_text(s, len);
    t.bucket = malloc(NGRAM_BUCKETS * sizeof *t.bucket);
    int rc = text && t.bucket ? 0 : -1;
    if (rc == 0) {
        memset(t.bucket, 0xff, NGRAM_BUCKETS * sizeof *t.bucket);
        rc = count_ngrams(&t, text);
    }
    if (rc == 0)
        keep_most_frequent(&t);
    for (size_t rank = t.heap_n; rc == 0 && rank-- > 0;) {
        int32_t k = t.heap[0];
        t.heap[0] = t.heap[t.heap_n - 1];
        sift_down(&t, t.heap_n, 0);
        t.heap_n--;
        rc = fn(t.v[k].str, strlen(t.v[k].str), rank, ud);
    }
    free(text);
    free(t.bucket);
    free(t.v);
    return rc;
}

/* ---- scoring a text against every language ---------------------------- */

/* The distances of a text from the languages: from the table when it is
 * there, else by the library (unknown, its fingerprint). */
typedef struct text_scores {
    distances d;
    void *unknown;
} text_scores;

/* 0 when the text has no fingerprint (fp_Create would refuse it). */
static int score_text(const char *s, size_t len, text_scores *t)
{
    memset(t, 0, sizeof *t);
    if (len == 0)
        return 0;
    if (rank_table.ready && rank_text_ngrams(s, len, add_ngram, &t->d) == 0)
        return 1;
    memset(&t->d, 0, sizeof t->d);
    if (!(t->unknown = fp_Init(NULL)))
        return 0;
    fp_SetProperty(t->unknown, TCPROP_UTF8AWARE, TC_TRUE);
    if (fp_Create(t->unknown, s, (uint4)len, FINGERPRINT_NGRAMS))
        return 1;
    fp_Done(t->unknown);
    t->unknown = NULL;
    return 0;
}

/* fp_Compare(fingerprints[i], the text, cutoff): past the cutoff INT_MAX. */
static int text_score(const text_scores *t, size_t i, int cutoff)
{
    if (t->unknown)
        return fp_Compare(fingerprints[i], t->unknown, cutoff);
    return t->d.sum[i] > cutoff ? INT_MAX : (int)t->d.sum[i];
}


int px_language_known(const char *lang)
{
    if (!lang || !((lang[0] | 0x20) >= 'a' && (lang[0] | 0x20) <= 'z') ||
        !((lang[1] | 0x20) >= 'a' && (lang[1] | 0x20) <= 'z') ||
        (lang[2] && lang[2] != '-' && lang[2] != '_'))
        return 0;
    char code[3] = {(char)(lang[0] | 0x20), (char)(lang[1] | 0x20), 0};
    for (size_t i = 0; i < N_LANGUAGES; i++)
        if (strcmp(code, languages[i].code) == 0)
            return 1;
    for (size_t i = 0; i < sizeof script_languages / sizeof script_languages[0]; i++)
        if (strcmp(code, script_languages[i]) == 0)
            return 1;
    return 0;
}

typedef struct script_counts {
    size_t letters, han, kana, hangul;
} script_counts;

static script_counts count_scripts(const char *s, size_t len)
{
    script_counts c = {0};
    size_t i = 0, n;
    while (i < len) {
        int32_t cp = tc_decode(s, len, i, &n);
        i += n;
        if (cp >= 0x3040 && cp <= 0x30FF)
            c.kana++, c.letters++;
        else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
            c.han++, c.letters++;
        else if (cp >= 0xAC00 && cp <= 0xD7A3)
            c.hangul++, c.letters++;
        else if (tc_is_letter(cp))
            c.letters++;
    }
    return c;
}

/* The sample ends at a character boundary. */
static size_t sample_length(const char *s, size_t len)
{
    if (len <= SAMPLE_BYTES)
        return len;
    size_t n = SAMPLE_BYTES;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* On short texts the closest fingerprint must be clearly closer than the
 * next one, or the text cannot be told (a short English sentence is
 * otherwise often read as German or Dutch). */
#define SHORT_LETTERS 200
#define SHORT_MARGIN 1.01
/* English, the language of most of the news parallax reads and the
 * default, wins when its fingerprint is about as close as the closest. */
#define ENGLISH_MARGIN 1.03

/* The closest fingerprint so far and the closest one of another language. */
typedef struct ranking {
    const char *best;
    int best_score, second;
} ranking;

static void rank_language(ranking *r, const char *code, int score)
{
    if (score < r->best_score) {
        if (!r->best || strcmp(r->best, code) != 0)
            r->second = r->best_score;
        r->best_score = score, r->best = code;
    } else if (score < r->second && strcmp(r->best, code) != 0) {
        r->second = score;
    }
}

static size_t english_slot(void)
{
    size_t i = 0;
    while (strcmp(languages[i].code, "en") != 0)
        i++;
    return i;
}

/* English is scored first and in full; every other fingerprint only as
 * far as it stays below both English and the runner-up: one further off
 * than English can neither beat it by ENGLISH_MARGIN nor come within
 * SHORT_MARGIN of a winner that did, so the answer is the one a full
 * comparison of every fingerprint gives. */
static const char *closest_fingerprint(const char *s, size_t len, size_t letters)
{
    pthread_once(&load_once, load_fingerprints);
    text_scores t;
    if (!loaded || !score_text(s, len, &t))
        return NULL;
    ranking r = {NULL, INT_MAX, INT_MAX};
    size_t en = english_slot();
    int english = fingerprints[en] ? text_score(&t, en, INT_MAX) : INT_MAX;
    if (fingerprints[en])
        rank_language(&r, "en", english);
    for (size_t i = 0; i < N_LANGUAGES; i++) {
        if (!fingerprints[i] || i == en)
            continue;
        int cutoff = r.second < english ? r.second : english;
        rank_language(&r, languages[i].code, text_score(&t, i, cutoff));
    }
    const char *best = r.best;
    if ((double)english <= (double)r.best_score * ENGLISH_MARGIN)
        best = "en";
    else if (letters < SHORT_LETTERS && (double)r.second < (double)r.best_score * SHORT_MARGIN)
        best = NULL;
    if (t.unknown)
        fp_Done(t.unknown);
    return best;
}

/* English news, the bulk of what parallax reads, is told without the
 * fingerprints (which cost about a millisecond an article): nearly all the
 * letters Latin, and more than EN_FUNCTION_SHARE of the words among English
 * function words that are no words of the other Latin-script languages,
 * over at least EN_MIN_WORDS words. On the dev texts English articles
 * score 0.15 (5th percentile) to 0.20 (median), 4 KiB chunks of the other
 * UD languages at most 0.04 (BENCHMARKS.md). A short text (EN_SHORT_WORDS
 * words or more) passes with EN_SHORT_HITS function words too: on the
 * Reuters items the fingerprints read every such text as English. */
#define EN_MIN_WORDS 40
#define EN_SHORT_WORDS 10
#define EN_SHORT_HITS 3
#define EN_FUNCTION_SHARE 0.12

static const char *const english_function_words[] = {
    "the", "and", "of", "that", "with", "was", "for", "have", "has", "this", "are",
    "were", "said", "which", "from", "they", "their", "been", "would", "will", "his", "her", NULL};

/* The function words as a set of their own, built once: the test runs on
 * every word of every article and takes no lock. */
static px_map function_word_set;
static pthread_once_t function_words_once = PTHREAD_ONCE_INIT;

/* The shortest and the longest function word: a word of another length
 * is no function word without a lookup. */
static size_t function_word_min = SIZE_MAX, function_word_max;

static void build_function_words(void)
{
    for (const char *const *w = english_function_words; *w; w++) {
        size_t n = strlen(*w);
        px_map_intern(&function_word_set, *w, n, NULL);
        function_word_min = n < function_word_min ? n : function_word_min;
        function_word_max = n > function_word_max ? n : function_word_max;
    }
}

#define MAX_FUNCTION_WORD 8

static int is_function_word(const char *s, size_t len)
{
    char lower[MAX_FUNCTION_WORD];
    if (len > MAX_FUNCTION_WORD || len < function_word_min || len > function_word_max)
        return 0;
    for (size_t i = 0; i < len; i++)
        lower[i] = (char)(s[i] | 0x20);
    return px_map_find(&function_word_set, lower, len) != PX_MAP_NONE;
}

static int clearly_english(const char *s, size_t len, size_t letters)
{
    pthread_once(&function_words_once, build_function_words);
    size_t words = 0, hits = 0, latin = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && (unsigned char)((s[j] | 0x20) - 'a') < 26)
            j++;
        if (j > i) {
            words++;
            latin += j - i;
            hits += is_function_word(s + i, j - i);
            i = j;
        } else {
            i++;
        }
    }
    return (words >= EN_MIN_WORDS || (words >= EN_SHORT_WORDS && hits >= EN_SHORT_HITS)) &&
           latin * 50 >= letters * 49 && (double)hits > EN_FUNCTION_SHARE * (double)words;
}

/* A language guessed from letter n-grams must show some of its function
 * words: a table of figures ("Shr 11 cts vs 13 cts Net 1,037,690 vs
 * 1,270,460 Sales ...") has n-grams closest to French or German and not
 * one word of either, so it is left undecided (the declared language or
 * English). Checked on texts written mostly in ASCII letters: one function
 * word in GUESS_SHORT_WORDS words or more, two and a twentieth of the words
 * in GUESS_LONG_WORDS or more (a very short sentence may have none: "Droom
 * over?"); languages without a stopword list are taken as guessed. */
#define GUESS_SHORT_WORDS 6
#define GUESS_LONG_WORDS 12
#define GUESS_FUNCTION_SHARE 0.05

static int writes_function_words(const char *lang, const char *s, size_t len)
{
    const char *const *list = px_word_list(px_stopword_sources, lang);
    if (!list)
        return 1;
    size_t words = 0, ascii = 0, hits = 0;
    char lower[24];
    for (size_t i = 0; i < len;) {
        size_t j = i, high = 0;
        while (j < len && (isalpha((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80))
            high += (unsigned char)s[j++] >= 0x80;
        if (j == i) {
            i++;
            continue;
        }
        words++;
        ascii += high == 0;
        if (j - i < sizeof lower) {
            for (size_t k = i; k < j; k++)
                lower[k - i] = (char)tolower((unsigned char)s[k]);
            hits += px_word_list_has(list, lower, j - i) != 0;
        }
        i = j;
    }
    if (words < GUESS_SHORT_WORDS || ascii * 2 < words)
        return 1;
    if (words < GUESS_LONG_WORDS)
        return hits >= 1;
    return hits >= 2 && (double)hits >= GUESS_FUNCTION_SHARE * (double)words;
}

const char *px_detect_language(const char *text, size_t len)
{
    if (!text)
        return NULL;
    len = sample_length(text, len);
    script_counts c = count_scripts(text, len);
    if (c.letters < MIN_LETTERS && c.han + c.kana + c.hangul < MIN_LETTERS / 3)
        return NULL;
    size_t cjk = c.han + c.kana + c.hangul;
    if (cjk * 3 > c.letters) {
        if (c.hangul * 2 > cjk)
            return "ko";
        /* Japanese writes its inflections in kana; Chinese has none. */
        return c.kana * 20 > cjk ? "ja" : "zh";
    }
    if (clearly_english(text, len, c.letters))
        return "en";
    const char *guess = closest_fingerprint(text, len, c.letters);
    return guess && writes_function_words(guess, text, len) ? guess : NULL;
}
