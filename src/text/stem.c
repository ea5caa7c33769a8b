/* stem.c - Snowball stemmers (libstemmer) and the stopword list
 * (docs/stopwords.md). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>

#include "parallax/text.h"
#include "core/grow.h"
#include "core/map.h"
#include "text/word_lists.h"

struct px_stemmer {
    struct sb_stemmer *sb;
};

/* ISO 639-1 codes and the Snowball algorithm names they stand for. */
static const char *const snowball_names[][2] = {
    {"ar", "arabic"},   {"da", "danish"},    {"de", "german"},     {"el", "greek"},
    {"en", "english"},  {"es", "spanish"},   {"fi", "finnish"},    {"fr", "french"},
    {"hu", "hungarian"},{"id", "indonesian"},{"it", "italian"},    {"nl", "dutch"},
    {"no", "norwegian"},{"pt", "portuguese"},{"ro", "romanian"},   {"ru", "russian"},
    {"sv", "swedish"},  {"tr", "turkish"},   {"ca", "catalan"},    {"eu", "basque"},
    {"ga", "irish"},    {"hi", "hindi"},     {"hy", "armenian"},   {"lt", "lithuanian"},
    {"ne", "nepali"},   {"sr", "serbian"},   {"ta", "tamil"},      {"yi", "yiddish"},
    {"nb", "norwegian"},
};

static const char *snowball_name(const char *lang)
{
    char code[3] = {0};
    if (!lang || strlen(lang) < 2)
        return NULL;
    code[0] = (char)(lang[0] | 0x20);
    code[1] = (char)(lang[1] | 0x20);
    if (lang[2] && lang[2] != '-' && lang[2] != '_')
        return NULL;
    for (size_t i = 0; i < sizeof snowball_names / sizeof snowball_names[0]; i++)
        if (strcmp(code, snowball_names[i][0]) == 0)
            return snowball_names[i][1];
    return NULL;
}

int px_has_stemmer(const char *lang)
{
    return snowball_name(lang) != NULL;
}

px_stemmer *px_stemmer_new(const char *lang)
{
    const char *name = snowball_name(lang);
    if (!name)
        return NULL;
    px_stemmer *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (!(s->sb = sb_stemmer_new(name, "UTF_8"))) {
        free(s);
        return NULL;
    }
    return s;
}

void px_stemmer_free(px_stemmer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->sb);
    free(s);
}

const char *px_stem(px_stemmer *s, const char *word, size_t len, size_t *out_len)
{
    const sb_symbol *r = len <= 1024 ? sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len) : NULL;
    if (!r) { /* out of memory or absurdly long: the word is its own stem */
        *out_len = len;
        return word;
    }
    *out_len = (size_t)sb_stemmer_length(s->sb);
    return (const char *)r;
}

/* English stopwords, sorted (strcmp order) for binary search. */
static const char *const stopwords_en[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do",
    "does", "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from",
    "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd",
    "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how",
    "how's", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's",
    "its", "itself", "just", "let's", "me", "more", "most", "mustn't", "my", "myself", "no",
    "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "ought", "our",
    "ours", "ourselves", "out", "over", "own", "same", "shan't", "she", "she'd", "she'll",
    "she's", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the",
    "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they",
    "they'd", "they'll", "they're", "they've", "this", "those", "through", "to", "too", "under",
    "until", "up", "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were",
    "weren't", "what", "what's", "when", "when's", "where", "where's", "which", "while", "who",
    "who's", "whom", "why", "why's", "will", "with", "won't", "would", "wouldn't", "you",
    "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves",
};

static int cmp_word(const char *w, size_t len, const char *entry)
{
    int c = strncmp(w, entry, len);
    if (c)
        return c;
    return entry[len] ? -1 : 0;
}

/* The word list of lang ("de-AT" finds "de") in an embedded set of
 * lists, or NULL. */
const char *const *px_word_list(const px_rule_source *lists, const char *lang)
{
    for (const px_rule_source *s = lists; lang && s->lang; s++) {
        size_t n = strlen(s->lang);
        if (strncmp(s->lang, lang, n) == 0 && (lang[n] == '\0' || lang[n] == '-'))
            return s->lines;
    }
    return NULL;
}

size_t px_word_list_len(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

/* Is w[0..len) in the sorted (C order) NULL-terminated list? */
int px_word_list_has(const char *const *list, const char *w, size_t len)
{
    return px_word_list_has_n(list, px_word_list_len(list), w, len);
}

int px_word_list_has_n(const char *const *list, size_t n, const char *w, size_t len)
{
    size_t hi = n;
    size_t lo = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(w, len, list[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Every word of the first 32 stopword lists, with the bit of each list
 * that holds it; built once. */
static px_map stop_words;
static uint32_t *stop_word_lists;
static size_t stop_word_cap;
static int stop_words_ready;
static pthread_once_t stop_words_once = PTHREAD_ONCE_INIT;

static void stop_words_build(void)
{
    for (size_t r = 0; r < 32 && px_stopword_sources[r].lang; r++)
        for (const char *const *w = px_stopword_sources[r].lines; *w; w++) {
            uint32_t id = px_map_intern(&stop_words, *w, strlen(*w), NULL);
            if (id == PX_MAP_NONE ||
                px_grow(&stop_word_lists, &stop_word_cap, (size_t)id + 1, sizeof *stop_word_lists, 1024, 1))
                return;
            stop_word_lists[id] |= 1u << r;
        }
    stop_words_ready = 1;
}

uint32_t px_stopword_lists_of(const char *w, size_t len)
{
    pthread_once(&stop_words_once, stop_words_build);
    uint32_t bits = 0;
    if (!stop_words_ready) {
        for (size_t r = 0; r < 32 && px_stopword_sources[r].lang; r++)
            if (px_word_list_has(px_stopword_sources[r].lines, w, len))
                bits |= 1u << r;
        return bits;
    }
    uint32_t id = px_map_find(&stop_words, w, len);
    return id == PX_MAP_NONE ? 0 : stop_word_lists[id];
}

int px_is_stopword(const char *lang, const char *word, size_t len)
{
    if (lang && ((lang[0] | 0x20) != 'e' || (lang[1] | 0x20) != 'n')) {
        const char *const *list = px_word_list(px_stopword_sources, lang);
        return list && px_word_list_has(list, word, len);
    }
    /* Curly apostrophes count as straight ones: "don’t" is "don't". */
    char buf[24];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (n + 1 >= sizeof buf)
            return 0;
        if (i + 3 <= len && memcmp(word + i, "\xE2\x80\x99", 3) == 0) {
            buf[n++] = '\'';
            i += 2;
        } else {
            buf[n++] = word[i];
        }
    }
    return px_word_list_has_n(stopwords_en, sizeof stopwords_en / sizeof stopwords_en[0], buf, n);
}
