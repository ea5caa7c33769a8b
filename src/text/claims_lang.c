/* claims_lang.c - per-language claim word tables from data/claims/LANG.txt
 * (text/claims_lang.h). */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/claims_lang.h"
#include "core/grow.h"
#include "parallax/common.h"
#include "text/word_lists.h"

#define MAX_KEY 96
#define MAX_TABLES 16

static cl_lang *tables[MAX_TABLES];
static size_t n_tables;
static pthread_mutex_t tables_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t lower_key(const char *s, size_t len, char *out)
{
    if (len >= MAX_KEY)
        return 0;
    for (size_t i = 0; i < len; i++)
        out[i] = s[i] == '_' ? ' ' : (char)tolower((unsigned char)s[i]);
    out[len] = 0;
    return len;
}

static cl_word *entry(cl_lang *L, const char *word, size_t len)
{
    char key[MAX_KEY];
    if (!lower_key(word, len, key))
        return NULL;
    int added = 0;
    uint32_t id = px_map_intern(&L->words, key, len, &added);
    if (id == PX_MAP_NONE)
        return NULL;
    if (added) {
        if (px_grow(&L->w, &L->cap_w, id + 1, sizeof *L->w, 64, 0) != PX_OK)
            return NULL;
        memset(&L->w[id], 0, sizeof *L->w);
        L->n_w = id + 1;
    }
    return &L->w[id];
}

static int add_quote_pair(cl_lang *L, const char *open, const char *close)
{
    if (L->n_quotes == CL_MAX_QUOTE_PAIRS)
        return -1;
    L->open[L->n_quotes] = open;
    L->close[L->n_quotes++] = close;
    return 0;
}

static int set_word(cl_word *w, const char *kind, const char *value, const char *rest)
{
    static const struct { const char *name; unsigned bit; } plain[] = {
        {"say", CLW_SAY},         {"percent", CLW_PERCENT},   {"percentpoint", CLW_POINTS},
        {"yearprep", CLW_YEARPREP}, {"daylink", CLW_DAYLINK}, {"about", CLW_ABOUT},
        {"lower", CLW_LOWER},       {"upper", CLW_UPPER},       {"pronoun", CLW_PRONOUN},
        {"article", CLW_ARTICLE},   {"placeprep", CLW_PLACEPREP}};
    for (size_t k = 0; k < sizeof plain / sizeof *plain; k++)
        if (strcmp(kind, plain[k].name) == 0) {
            w->kinds |= plain[k].bit;
            return 0;
        }
    if (!value)
        return -1;
    char *end;
    double v = strtod(value, &end);
    int numeric = end != value && *end == 0;
    if (strcmp(kind, "currency") == 0) {
        w->kinds |= CLW_CURRENCY;
        snprintf(w->unit, sizeof w->unit, "%s", value);
    } else if (!numeric) {
        return -1;
    } else if (strcmp(kind, "month") == 0 && v >= 1 && v <= 12) {
        w->kinds |= CLW_MONTH;
        w->month = (int)v;
    } else if (strcmp(kind, "weekday") == 0 && v >= 0 && v <= 6) {
        w->kinds |= CLW_WEEKDAY;
        w->weekday = (int)v;
    } else if (strcmp(kind, "relative") == 0) {
        w->kinds |= CLW_RELATIVE;
        w->rel_days = (int)v;
        snprintf(w->not_after, sizeof w->not_after, " %s ", rest ? rest : "");
    } else if (strcmp(kind, "number") == 0 || strcmp(kind, "vague") == 0) {
        w->kinds |= CLW_NUMBER | (kind[0] == 'v' ? CLW_VAGUE : 0);
        w->number = v;
    } else if (strcmp(kind, "scale") == 0) {
        w->kinds |= CLW_SCALE;
        w->scale = v;
    } else {
        return -1;
    }
    return 0;
}

/* One line "KIND WORD [VALUE] [!w ...]"; -1 when it is not understood. */
static int parse_line(cl_lang *L, const char *line)
{
    char buf[256], *save = NULL;
    if (line[0] == '#' || line[0] == 0)
        return 0;
    snprintf(buf, sizeof buf, "%s", line);
    char *kind = strtok_r(buf, " ", &save), *word = strtok_r(NULL, " ", &save);
    char *value = strtok_r(NULL, " ", &save), *rest = strtok_r(NULL, "", &save);
    if (!kind || !word)
        return -1;
    if (strcmp(kind, "quote") == 0) {
        if (!value)
            return -1;
        char *o = strdup(word), *c = strdup(value);
        if (!o || !c || add_quote_pair(L, o, c)) {
            free(o);
            free(c);
            return -1;
        }
        return 0;
    }
    if (strcmp(kind, "decimal") == 0 || strcmp(kind, "group") == 0) {
        char *sep = strcmp(kind, "decimal") == 0 ? &L->decimal : &L->group;
        if (strlen(word) != 1)
            return -1;
        if (!*sep)
            *sep = word[0];
        return 0;
    }
    if (strcmp(kind, "dates") == 0) {
        L->dmy = strcmp(word, "dmy") == 0;
        return 0;
    }
    if (strcmp(kind, "spacegroup") == 0) {
        L->space_group = strcmp(word, "yes") == 0;
        return 0;
    }
    if (strcmp(kind, "daysuffix") == 0) {
        snprintf(L->day_suffix, sizeof L->day_suffix, "%s", word);
        return 0;
    }
    if (rest) /* "!la !esta" -> "la esta" */
        for (char *p = rest; *p; p++)
            if (*p == '!')
                *p = ' ';
    cl_word *w = entry(L, word, strlen(word));
    return w ? set_word(w, kind, value, rest) : -1;
}

static void lang_free(cl_lang *L)
{
    for (size_t q = 0; q < L->n_quotes; q++) {
        free((char *)L->open[q]);
        free((char *)L->close[q]);
    }
    px_map_free(&L->words);
    free(L->w);
    free(L);
}

static cl_lang *lang_load(const char *code, const char *const *lines)
{
    cl_lang *L = calloc(1, sizeof *L);
    if (!L)
        return NULL;
    snprintf(L->code, sizeof L->code, "%s", code);
    for (const char *const *l = lines; *l; l++)
        if (parse_line(L, *l)) {
            lang_free(L);
            return NULL;
        }
    return L;
}

const cl_lang *cl_lang_get(const char *lang)
{
    const char *const *lines = px_word_list(px_claims_sources, lang);
    if (!lines)
        return NULL;
    size_t n = strcspn(lang, "-_");
    cl_lang *found = NULL;
    pthread_mutex_lock(&tables_lock);
    for (size_t i = 0; i < n_tables && !found; i++)
        if (strlen(tables[i]->code) == n && strncmp(tables[i]->code, lang, n) == 0)
            found = tables[i];
    if (!found && n_tables < MAX_TABLES) {
        const px_rule_source *s = px_claims_sources;
        while (s->lines != lines)
            s++;
        if ((found = lang_load(s->lang, lines)))
            tables[n_tables++] = found;
    }
    pthread_mutex_unlock(&tables_lock);
    return found;
}

static const cl_word *lookup(const cl_lang *L, const char *s, size_t len)
{
    char key[MAX_KEY];
    if (!len || !lower_key(s, len, key))
        return NULL;
    uint32_t id = px_map_find(&L->words, key, len);
    return id == PX_MAP_NONE ? NULL : &L->w[id];
}

static int wordlike(const px_token *t)
{
    return t->kind == PX_TOK_WORD || t->kind == PX_TOK_SYMBOL || t->kind == PX_TOK_PUNCT;
}

const cl_word *cl_lang_word(const cl_lang *L, const char *text, const px_token *t, size_t n, size_t i,
                            size_t *used)
{
    if (!L || i >= n || !wordlike(&t[i]))
        return NULL;
    const char *w = text + t[i].start;
    size_t len = t[i].end - t[i].start;
    if (i + 1 < n && wordlike(&t[i + 1]) && t[i + 1].start - t[i].end == 1) {
        char pair[MAX_KEY];
        size_t len2 = t[i + 1].end - t[i + 1].start;
        if (len + 1 + len2 < MAX_KEY) {
            memcpy(pair, w, len);
            pair[len] = ' ';
            memcpy(pair + len + 1, text + t[i + 1].start, len2);
            const cl_word *e = lookup(L, pair, len + 1 + len2);
            if (e) {
                *used = 2;
                return e;
            }
        }
    }
    *used = 1;
    const cl_word *e = lookup(L, w, len);
    if (!e && len > 1 && w[len - 1] == '.')
        e = lookup(L, w, len - 1);
    if (!e && i + 1 < n && t[i + 1].start == t[i].end && text[t[i + 1].start] == '.' && len + 1 < MAX_KEY) {
        char dotted[MAX_KEY]; /* "Mio." and "Okt." are tokenised "Mio" "." */
        memcpy(dotted, w, len);
        dotted[len] = '.';
        if ((e = lookup(L, dotted, len + 1)))
            *used = 2;
    }
    return e;
}

int cl_lang_word_is(const cl_lang *L, const char *text, const px_token *t, size_t n, size_t i, unsigned kinds)
{
    size_t used;
    const cl_word *w = cl_lang_word(L, text, t, n, i, &used);
    return w && (w->kinds & kinds) && used == 1;
}

int cl_lang_doc_init(cl_doc *d, const char *text, const px_doc *doc, const char *lang)
{
    if (doc)
        return cl_doc_init(d, text, doc);
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = strlen(text);
    d->owned = 1;
    if (px_tokenize(d->text, d->len, &d->tk) || px_split_sentences_lang(d->text, d->len, lang, &d->ss)) {
        cl_doc_free(d);
        return PX_ENOMEM;
    }
    return PX_OK;
}
