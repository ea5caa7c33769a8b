/* ner.c - the trained named-entity tagger and its trainer (ner.h).
 *
 * Labels are BILOU over four types (17 labels). Each token is described by
 * its lower-case form, shape, affixes, neighbours, capitalisation in
 * context (position in the line and sentence, a headline in capitals, the
 * same word written in lower case elsewhere in the text), title words
 * before it, common given names (claims_common.c), names of the gazetteer it is part of, the two labels before
 * it and the type this text last gave the same word. Tokens are labelled
 * greedily from left to right, only label sequences that form names being
 * allowed. */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text/claims_common.h"
#include "text/ner.h"
#include "core/grow.h"
#include "core/common_internal.h"

/* The model of data/ner-en.model, embedded at build time by
 * scripts/embed-data. */
extern const char px_ner_en_model[];
extern const size_t px_ner_en_model_len;

#define NL 17            /* O, then B I L U of each type */
#define WORD_MAX 40      /* bytes of a word form kept for features */
#define SHAPE_MAX 12
#define GAZ_MAX 6        /* longest gazetteer name, in tokens */
#define FEAT_MAX 48      /* features per token */
#define FEAT_LEN 96      /* bytes of one feature name */
#define HASH_SEED 0x6e6572u

static const char *const type_names[PX_NER_TYPES] = {"PER", "ORG", "LOC", "MISC"};
static const char *const label_names[NL] = {
    "O",     "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG",  "I-ORG",  "L-ORG", "U-ORG",
    "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC"};

enum { POS_B, POS_I, POS_L, POS_U };

static int label_of(int type, int pos) { return 1 + type * 4 + pos; }
static int label_type(int l) { return l ? (l - 1) / 4 : -1; }
static int label_pos(int l) { return (l - 1) % 4; }

const char *px_ner_type_name(px_ner_type t)
{
    return (unsigned)t < PX_NER_TYPES ? type_names[t] : "?";
}

int px_ner_type_parse(const char *s, size_t len)
{
    for (int t = 0; t < PX_NER_TYPES; t++)
        if (strlen(type_names[t]) == len && memcmp(type_names[t], s, len) == 0)
            return t;
    return -1;
}

void px_ner_spans_free(px_ner_spans *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* ---- hash tables ------------------------------------------------------------ */

static uint64_t key_of(const void *s, size_t len)
{
    uint64_t h = px_hash64(s, len, HASH_SEED);
    return h ? h : 1;
}

/* Open addressing from 64-bit keys to 32-bit values. */
typedef struct htab {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n;
} htab;

static void htab_free(htab *h)
{
    free(h->keys);
    free(h->vals);
    memset(h, 0, sizeof *h);
}

static long htab_get(const htab *h, uint64_t key)
{
    if (!h->cap)
        return -1;
    size_t k = key & (h->cap - 1);
    while (h->keys[k]) {
        if (h->keys[k] == key)
            return h->vals[k];
        k = (k + 1) & (h->cap - 1);
    }
    return -1;
}

static int htab_grow(htab *h)
{
    size_t cap = h->cap ? h->cap * 2 : 1024;
    htab g = {calloc(cap, sizeof *g.keys), malloc(cap * sizeof *g.vals), cap, 0};
    if (!g.keys || !g.vals) {
        htab_free(&g);
        return PX_ENOMEM;
    }
    for (size_t i = 0; i < h->cap; i++)
        if (h->keys[i]) {
            size_t k = h->keys[i] & (cap - 1);
            while (g.keys[k])
                k = (k + 1) & (cap - 1);
            g.keys[k] = h->keys[i];
            g.vals[k] = h->vals[i];
            g.n++;
        }
    htab_free(h);
    *h = g;
    return PX_OK;
}

/* Slot of key, inserted with value val when missing. */
static uint32_t *htab_put(htab *h, uint64_t key, uint32_t val)
{
    if ((h->n + 1) * 2 > h->cap && htab_grow(h))
        return NULL;
    size_t k = key & (h->cap - 1);
    while (h->keys[k] && h->keys[k] != key)
        k = (k + 1) & (h->cap - 1);
    if (!h->keys[k]) {
        h->keys[k] = key;
        h->vals[k] = val;
        h->n++;
    }
    return &h->vals[k];
}

/* ---- the model ------------------------------------------------------------------ */

struct px_ner_model {
    htab feats;   /* feature key -> row of w */
    float *w;     /* NL weights per row */
    size_t rows, wcap;
    htab gaz;     /* key of a lower-case token sequence -> type bits */
    htab heads;   /* key of the last word of a gazetteer name of several words ->
                   * how many names of each type end in it, a byte per type */
};

void px_ner_model_free(px_ner_model *m)
{
    if (!m)
        return;
    htab_free(&m->feats);
    htab_free(&m->gaz);
    htab_free(&m->heads);
    free(m->w);
    free(m);
}

static int gaz_add(htab *g, const char *name, size_t len, int type)
{
    uint32_t *v = htab_put(g, key_of(name, len), 0);
    if (!v)
        return PX_ENOMEM;
    *v |= 1u << type;
    return PX_OK;
}

/* Counts a gazetteer name of several words under its last word: what
 * px_ner_head_type reads ("corp" ends 31 organisations). */
static int head_add(htab *h, const char *name, size_t len, int type)
{
    const char *sp = NULL;
    for (size_t i = 0; i < len; i++)
        if (name[i] == ' ')
            sp = name + i;
    if (!sp || sp + 1 >= name + len)
        return PX_OK;
    uint32_t *v = htab_put(h, key_of(sp + 1, (size_t)(name + len - sp - 1)), 0);
    if (!v)
        return PX_ENOMEM;
    if ((*v >> (8 * type) & 0xffu) < 0xffu)
        *v += 1u << (8 * type);
    return PX_OK;
}

/* Names a head word must end, and the share of them one type must have,
 * before that word types a name it ends. */
#define HEAD_MIN_NAMES 3
#define HEAD_MIN_SHARE 0.8

int px_ner_head_type(const px_ner_model *m, const char *word, size_t len)
{
    char buf[WORD_MAX];
    if (!m || !len || len > sizeof buf)
        return -1;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)tolower((unsigned char)word[i]);
    long v = htab_get(&m->heads, key_of(buf, len));
    /* a word that is a place or a person itself ends names as their
     * place or namesake ("Dinamo Bucharest"), not as their kind */
    if (v <= 0 || px_ner_gazetteer_types(m, buf, len) & (1u << PX_NER_LOC | 1u << PX_NER_PER))
        return -1;
    unsigned total = 0, best = 0;
    int type = -1;
    for (int t = 0; t < PX_NER_TYPES; t++) {
        unsigned n = (unsigned)v >> (8 * t) & 0xffu;
        total += n;
        if (n > best) {
            best = n;
            type = t;
        }
    }
    /* surnames end people's names: they say nothing of a kind */
    return best >= HEAD_MIN_NAMES && best >= HEAD_MIN_SHARE * total && type != PX_NER_PER ? type
                                                                                         : -1;
}

unsigned px_ner_gazetteer_types(const px_ner_model *m, const char *name, size_t len)
{
    char buf[GAZ_MAX * (WORD_MAX + 1)];
    if (!m || len > sizeof buf)
        return 0;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)tolower((unsigned char)name[i]);
    long v = htab_get(&m->gaz, key_of(buf, len));
    return v > 0 ? (unsigned)v : 0;
}

/* ---- documents ------------------------------------------------------------------- */

enum {
    F_WORD = 1 << 0,
    F_CAP = 1 << 1,
    F_ALLCAPS = 1 << 2,
    F_LOWER = 1 << 3,
    F_LINE_START = 1 << 4,
    F_SENT_START = 1 << 5,
    F_SEEN_LOWER = 1 << 6,
    F_SEEN_MIDCAP = 1 << 7,
    F_POSS = 1 << 8,
    F_ROLE = 1 << 9,
    F_CAPS_LINE = 1 << 10,
    F_DIGIT = 1 << 11,
    F_GIVEN = 1 << 12 /* a common given name (claims_common.c) */
};

typedef struct ntok {
    uint32_t seg;      /* segments: sentences cut at line breaks */
    uint16_t flags;
    uint16_t gaz;      /* bit type * 4 + position of each gazetteer match */
    uint64_t key;      /* key of low */
    uint8_t low_len, shape_len;
    char low[WORD_MAX];
    char shape[SHAPE_MAX];
} ntok;

static char shape_class(unsigned char c)
{
    if (c >= 0x80)
        return 'u';
    if (isupper(c))
        return 'X';
    if (islower(c))
        return 'x';
    if (isdigit(c))
        return 'd';
    return (char)c;
}

static void make_shape(ntok *t, const char *s, size_t len)
{
    size_t n = 0, run = 0;
    char last = 0;
    for (size_t i = 0; i < len && n < SHAPE_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 && c < 0xC0)
            continue; /* UTF-8 continuation byte */
        char k = shape_class(c);
        run = k == last ? run + 1 : 1;
        last = k;
        if (run <= 2)
            t->shape[n++] = k;
    }
    t->shape_len = (uint8_t)n;
}

static int is_lower_start(const char *s)
{
    return islower((unsigned char)s[0]) != 0;
}

static void describe_token(ntok *t, const char *text, const px_token *tok)
{
    const char *s = text + tok->start;
    size_t len = tok->end - tok->start;
    memset(t, 0, sizeof *t);
    if (tok->flags & PX_TOKF_CONTRACTION) {
        size_t stripped = cl_strip_possessive(s, len);
        if (stripped != len && stripped > 0) {
            t->flags |= F_POSS;
            len = stripped;
        }
    }
    size_t n = len < WORD_MAX ? len : WORD_MAX;
    for (size_t i = 0; i < n; i++)
        t->low[i] = (char)tolower((unsigned char)s[i]);
    t->low_len = (uint8_t)n;
    t->key = key_of(t->low, n);
    make_shape(t, s, len);
    if (tok->kind == PX_TOK_WORD) {
        t->flags |= F_WORD;
        if (tok->flags & PX_TOKF_CAPITALIZED)
            t->flags |= F_CAP;
        if (tok->flags & PX_TOKF_ALLCAPS)
            t->flags |= F_ALLCAPS;
        if (is_lower_start(s))
            t->flags |= F_LOWER;
        if (cl_is_role_word(s, len))
            t->flags |= F_ROLE;
        if ((t->flags & F_CAP) && cl_given_name_gender(s, len))
            t->flags |= F_GIVEN;
    } else if (tok->kind == PX_TOK_NUMBER) {
        t->flags |= F_DIGIT;
    }
}

/* Segments and positions: a new segment at each sentence and line. */
static void mark_positions(ntok *t, const char *text, const px_tokens *tk, const px_spans *ss)
{
    size_t s = 0;
    uint32_t seg = 0;
    for (size_t i = 0; i < tk->n; i++) {
        const px_token *k = &tk->v[i];
        int line = i == 0 || memchr(text + tk->v[i - 1].end, '\n', k->start - tk->v[i - 1].end);
        int sent = 0;
        while (s < ss->n && ss->v[s].end <= k->start)
            s++;
        if (s < ss->n && ss->v[s].start <= k->start &&
            (i == 0 || tk->v[i - 1].start < ss->v[s].start))
            sent = 1;
        if (i > 0 && (line || sent))
            seg++;
        t[i].seg = seg;
        if (line)
            t[i].flags |= F_LINE_START;
        if (sent || line)
            t[i].flags |= F_SENT_START;
    }
}

/* Lines without a lower-case word: headlines and datelines in capitals. */
static void mark_caps_lines(ntok *t, size_t n)
{
    size_t a = 0;
    while (a < n) {
        size_t b = a + 1;
        while (b < n && !(t[b].flags & F_LINE_START))
            b++;
        int lower = 0, words = 0;
        for (size_t i = a; i < b; i++) {
            if (t[i].flags & F_WORD) {
                words++;
                if (!(t[i].flags & F_ALLCAPS) && t[i].low_len > 1)
                    lower = 1;
            }
        }
        if (!lower && words >= 2)
            for (size_t i = a; i < b; i++)
                t[i].flags |= F_CAPS_LINE;
        a = b;
    }
}

/* Words the text also writes in lower case, and words it capitalises away
 * from the start of a sentence. */
static int mark_seen(ntok *t, size_t n)
{
    htab seen = {0};
    int rc = PX_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        uint32_t bit = (t[i].flags & F_LOWER) ? 1
                       : ((t[i].flags & F_CAP) && !(t[i].flags & (F_SENT_START | F_CAPS_LINE))) ? 2
                                                                                                 : 0;
        if (bit) {
            uint32_t *v = htab_put(&seen, t[i].key, 0);
            if (!v)
                rc = PX_ENOMEM;
            else
                *v |= bit;
        }
    }
    for (size_t i = 0; i < n && !rc; i++) {
        long v = htab_get(&seen, t[i].key);
        if (v > 0 && (v & 1))
            t[i].flags |= F_SEEN_LOWER;
        if (v > 0 && (v & 2))
            t[i].flags |= F_SEEN_MIDCAP;
    }
    htab_free(&seen);
    return rc;
}

static void mark_gazetteer(ntok *t, size_t n, const htab *gaz)
{
    char buf[GAZ_MAX * (WORD_MAX + 1)];
    for (size_t i = 0; i < n; i++) {
        if (!(t[i].flags & (F_CAP | F_DIGIT)))
            continue;
        size_t len = 0;
        for (size_t k = 0; k < GAZ_MAX && i + k < n && t[i + k].seg == t[i].seg; k++) {
            if (k)
                buf[len++] = ' ';
            memcpy(buf + len, t[i + k].low, t[i + k].low_len);
            len += t[i + k].low_len;
            long m = htab_get(gaz, key_of(buf, len));
            if (m <= 0)
                continue;
            for (int ty = 0; ty < PX_NER_TYPES; ty++) {
                if (!(m & (1 << ty)))
                    continue;
                if (k == 0) {
                    t[i].gaz |= (uint16_t)(1u << (ty * 4 + POS_U));
                    continue;
                }
                t[i].gaz |= (uint16_t)(1u << (ty * 4 + POS_B));
                for (size_t j = 1; j < k; j++)
                    t[i + j].gaz |= (uint16_t)(1u << (ty * 4 + POS_I));
                t[i + k].gaz |= (uint16_t)(1u << (ty * 4 + POS_L));
            }
        }
    }
}

static int doc_build(const char *text, const px_tokens *tk, const px_spans *ss, const htab *gaz,
                     ntok **out)
{
    ntok *t = malloc((tk->n ? tk->n : 1) * sizeof *t);
    if (!t)
        return PX_ENOMEM;
    for (size_t i = 0; i < tk->n; i++)
        describe_token(&t[i], text, &tk->v[i]);
    mark_positions(t, text, tk, ss);
    mark_caps_lines(t, tk->n);
    if (mark_seen(t, tk->n)) {
        free(t);
        return PX_ENOMEM;
    }
    mark_gazetteer(t, tk->n, gaz);
    *out = t;
    return PX_OK;
}

/* ---- features -------------------------------------------------------------------- */

typedef struct fsink {
    uint64_t key[FEAT_MAX];
    char name[FEAT_MAX][FEAT_LEN];
    size_t n;
} fsink;

static void emit(fsink *f, const char *pre, const char *a, size_t alen, const char *b, size_t blen)
{
    if (f->n == FEAT_MAX)
        return;
    char *s = f->name[f->n];
    size_t pl = strlen(pre), len = pl;
    memcpy(s, pre, pl);
    if (alen > WORD_MAX)
        alen = WORD_MAX;
    memcpy(s + len, a, alen);
    len += alen;
    if (b) {
        s[len++] = '|';
        if (blen > WORD_MAX)
            blen = WORD_MAX;
        memcpy(s + len, b, blen);
        len += blen;
    }
    s[len] = 0;
    f->key[f->n++] = key_of(s, len);
}

static void emit_s(fsink *f, const char *pre, const char *a)
{
    emit(f, pre, a, strlen(a), NULL, 0);
}

static const char *cap_class(const ntok *t)
{
    if (!(t->flags & F_WORD))
        return (t->flags & F_DIGIT) ? "num" : "sym";
    if (t->flags & F_ALLCAPS)
        return "caps";
    if (t->flags & F_CAP)
        return "cap";
    return (t->flags & F_LOWER) ? "low" : "other";
}

static void emit_word(fsink *f, const char *pre, const ntok *t, size_t n, long j, long seg)
{
    if (j < 0 || (size_t)j >= n || t[j].seg != (uint32_t)seg)
        emit_s(f, pre, j < 0 || ((size_t)j < n && t[j].seg < (uint32_t)seg) ? "<s>" : "</s>");
    else
        emit(f, pre, t[j].low, t[j].low_len, NULL, 0);
}

static void emit_shape(fsink *f, const char *pre, const ntok *t, size_t n, long j, long seg)
{
    if (j < 0 || (size_t)j >= n || t[j].seg != (uint32_t)seg)
        emit_s(f, pre, "-");
    else
        emit(f, pre, t[j].shape, t[j].shape_len, NULL, 0);
}

/* The features of token i after labels p1 (just before) and p2, with hist
 * the type this text last gave the same word (-1: none). */
static void token_features(const ntok *t, size_t n, size_t i, int p1, int p2, int hist, fsink *f)
{
    const ntok *k = &t[i];
    long seg = k->seg, li = (long)i;
    f->n = 0;
    emit_s(f, "b", "");
    emit(f, "w=", k->low, k->low_len, NULL, 0);
    if (k->flags & F_CAP)
        emit(f, "W=", k->low, k->low_len, cap_class(k), strlen(cap_class(k)));
    emit(f, "sh=", k->shape, k->shape_len, NULL, 0);
    const char *cc = cap_class(k);
    for (size_t a = 2; a <= 4; a++)
        if (k->low_len > a) {
            emit(f, "pre=", k->low, a, NULL, 0);
            emit(f, "suf=", k->low + k->low_len - a, a, NULL, 0);
        }
    emit_word(f, "w-1=", t, n, li - 1, seg);
    emit_word(f, "w+1=", t, n, li + 1, seg);
    emit_word(f, "w-2=", t, n, li - 2, seg);
    emit_word(f, "w+2=", t, n, li + 2, seg);
    emit_shape(f, "sh-1=", t, n, li - 1, seg);
    emit_shape(f, "sh+1=", t, n, li + 1, seg);
    if (i > 0 && t[i - 1].seg == k->seg)
        emit(f, "ww-1=", t[i - 1].low, t[i - 1].low_len, k->low, k->low_len);
    if (i + 1 < n && t[i + 1].seg == k->seg)
        emit(f, "ww+1=", k->low, k->low_len, t[i + 1].low, t[i + 1].low_len);
    const char *pos = (k->flags & F_LINE_START) ? "line" : (k->flags & F_SENT_START) ? "sent" : "mid";
    emit(f, "cp=", cc, strlen(cc), pos, strlen(pos));
    if (k->flags & F_CAPS_LINE)
        emit(f, "hl=", k->shape, k->shape_len, NULL, 0);
    if ((k->flags & (F_CAP | F_ALLCAPS)) && (k->flags & F_SEEN_LOWER))
        emit(f, "seenlow=", pos, strlen(pos), NULL, 0);
    if ((k->flags & F_CAP) && (k->flags & F_SEEN_MIDCAP))
        emit(f, "seencap=", pos, strlen(pos), NULL, 0);
    if (k->flags & F_POSS)
        emit_s(f, "poss", "");
    if (i > 0 && (t[i - 1].flags & F_ROLE))
        emit_s(f, "role-1", "");
    if (i > 1 && (t[i - 2].flags & F_ROLE))
        emit_s(f, "role-2", "");
    if (k->flags & F_ROLE)
        emit_s(f, "role", "");
    if (k->flags & F_GIVEN)
        emit_s(f, "given", "");
    if (i > 0 && (t[i - 1].flags & F_GIVEN) && t[i - 1].seg == k->seg)
        emit_s(f, "given-1", "");
    for (int g = 0; g < 16; g++)
        if (k->gaz & (1u << g)) {
            char v[16];
            snprintf(v, sizeof v, "%s-%c", type_names[g / 4], "BILU"[g % 4]);
            emit_s(f, "gz=", v);
        }
    const char *l1 = label_names[p1], *l2 = label_names[p2];
    emit_s(f, "l1=", l1);
    emit(f, "l12=", l1, strlen(l1), l2, strlen(l2));
    emit(f, "l1w=", l1, strlen(l1), k->low, k->low_len);
    emit(f, "l1c=", l1, strlen(l1), cc, strlen(cc));
    if (hist >= 0)
        emit(f, "hist=", type_names[hist], strlen(type_names[hist]), cc, strlen(cc));
}

/* ---- decoding ----------------------------------------------------------------------- */

/* May label l follow prev? close: the token ends its segment. */
static int allowed(int prev, int l, int close)
{
    int open = prev && (label_pos(prev) == POS_B || label_pos(prev) == POS_I);
    if (open) {
        if (label_type(l) != label_type(prev))
            return 0;
        return close ? label_pos(l) == POS_L : label_pos(l) == POS_I || label_pos(l) == POS_L;
    }
    if (!l)
        return 1;
    return close ? label_pos(l) == POS_U : label_pos(l) == POS_B || label_pos(l) == POS_U;
}

static int ends_segment(const ntok *t, size_t n, size_t i)
{
    return i + 1 == n || t[i + 1].seg != t[i].seg;
}

static int best_allowed(const float *score, int prev, int close)
{
    int best = -1;
    for (int l = 0; l < NL; l++)
        if (allowed(prev, l, close) && (best < 0 || score[l] > score[best]))
            best = l;
    return best;
}

/* The type each word was last tagged with in this text. */
typedef struct history {
    htab h;
} history;

static int history_get(const history *h, const ntok *t)
{
    if (!(t->flags & (F_CAP | F_ALLCAPS)))
        return -1;
    long v = htab_get(&h->h, t->key);
    return v > 0 ? (int)v - 1 : -1;
}

static int history_set(history *h, const ntok *t, int label)
{
    if (!label || !(t->flags & (F_CAP | F_ALLCAPS)))
        return PX_OK;
    uint32_t *v = htab_put(&h->h, t->key, 0);
    if (!v)
        return PX_ENOMEM;
    *v = (uint32_t)label_type(label) + 1;
    return PX_OK;
}

/* A token's features are looked up in a table far larger than the
 * caches: their slots are fetched all at once first, then their rows of
 * weights, so that the misses overlap instead of coming one by one. The
 * scores are summed in the features' order, as before. */
static void model_score(const px_ner_model *m, const fsink *f, float *score)
{
    const htab *h = &m->feats;
    long rows[FEAT_MAX];
    for (size_t i = 0; h->cap && i < f->n; i++) {
        size_t k = f->key[i] & (h->cap - 1);
        __builtin_prefetch(&h->keys[k]);
        __builtin_prefetch(&h->vals[k]);
    }
    for (size_t i = 0; i < f->n; i++) {
        rows[i] = htab_get(h, f->key[i]);
        if (rows[i] >= 0)
            __builtin_prefetch(m->w + (size_t)rows[i] * NL);
    }
    memset(score, 0, NL * sizeof *score);
    for (size_t i = 0; i < f->n; i++) {
        if (rows[i] < 0)
            continue;
        const float *w = m->w + (size_t)rows[i] * NL;
        for (int l = 0; l < NL; l++)
            score[l] += w[l];
    }
}

/* Greedy decoding would hold a name open once it began: after "Warren"
 * tagged B-PER every word must continue it, and "Warren welcomed their new
 * arrival on" became a person. A name goes on through words in lower case
 * only when a capitalised word follows within two ("Bank of England",
 * "Tour of the Netherlands", "Ludwig van Beethoven"); a word with a
 * capital inside ("al-Akhdar") or joined to the word before ("'s",
 * "-led") is no such word. Else
 * the name ends on the word before (B becomes U, I becomes L) and the word
 * is tagged again. (The model's score of O is no guide here: trained
 * under the same constraint, it never learned O after an open name.) */
static int plain_lower_word(const ntok *t, const char *text, const px_token *tok)
{
    if (!(t->flags & F_LOWER) || (tok->start > 0 && !isspace((unsigned char)text[tok->start - 1])))
        return 0; /* "U.S.-led", "Lord's": a part of the word before */
    for (size_t k = tok->start; k < tok->end; k++)
        if (isupper((unsigned char)text[k]) || text[k] == '\'')
            return 0;
    return 1;
}

static int ends_open_name(const ntok *t, const char *text, const px_tokens *tk, size_t i, int prev)
{
    enum { LOWER_GAP = 2 };
    if (!prev || (label_pos(prev) != POS_B && label_pos(prev) != POS_I) ||
        !plain_lower_word(&t[i], text, &tk->v[i]))
        return 0;
    for (size_t j = i + 1; j < tk->n && j <= i + LOWER_GAP && t[j].seg == t[i].seg; j++) {
        if (t[j].flags & (F_CAP | F_ALLCAPS))
            return 0;
        if (!plain_lower_word(&t[j], text, &tk->v[j]))
            break;
    }
    return 1;
}

/* Where a name closed before word i ends: on a word, not on a dash or a
 * comma ("Avocado Commission --"), and on a possessive inside it
 * ("Toshiba's European storage division": the name is Toshiba's). */
static size_t words_end(const ntok *t, size_t open, size_t end)
{
    while (end > open + 1 && !(t[end - 1].flags & F_WORD))
        end--;
    return end;
}

static size_t name_end(const ntok *t, const char *text, const px_tokens *tk, size_t open, size_t i)
{
    size_t end = words_end(t, open, i);
    for (size_t k = open; k + 1 < end; k++) {
        size_t len = tk->v[k].end - tk->v[k].start;
        size_t stem = cl_strip_possessive(text + tk->v[k].start, len);
        if (stem && stem < len)
            return k + 1;
    }
    return end;
}

static int closed_label(int prev)
{
    return label_of(label_type(prev), label_pos(prev) == POS_B ? POS_U : POS_L);
}

static int push_span(px_ner_spans *out, size_t first, size_t last, int type)
{
    if (px_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16, 0))
        return PX_ENOMEM;
    out->v[out->n++] = (px_ner_span){first, last, (px_ner_type)type};
    return PX_OK;
}

int px_ner_tag(const px_ner_model *m, const char *text, const px_tokens *tk, const px_spans *ss,
               px_ner_spans *out)
{
    if (!m || !tk->n)
        return PX_OK;
    ntok *t;
    if (doc_build(text, tk, ss, &m->gaz, &t))
        return PX_ENOMEM;
    history hist = {0};
    fsink *f = malloc(sizeof *f);
    int rc = f ? PX_OK : PX_ENOMEM;
    int p1 = 0, p2 = 0;
    size_t open = 0;
    for (size_t i = 0; i < tk->n && !rc; i++) {
        if (i > 0 && t[i].seg != t[i - 1].seg)
            p1 = p2 = 0;
        if (ends_open_name(t, text, tk, i, p1)) {
            size_t end = name_end(t, text, tk, open, i);
            p1 = closed_label(p1);
            if ((rc = push_span(out, open, end, label_type(p1))) != PX_OK)
                break;
        }
        float score[NL];
        token_features(t, tk->n, i, p1, p2, history_get(&hist, &t[i]), f);
        model_score(m, f, score);
        int l = best_allowed(score, p1, ends_segment(t, tk->n, i));
        rc = history_set(&hist, &t[i], l);
        if (l && (label_pos(l) == POS_B || label_pos(l) == POS_U))
            open = i;
        if (!rc && l && (label_pos(l) == POS_L || label_pos(l) == POS_U))
            rc = push_span(out, open, i + 1, label_type(l));
        p2 = p1;
        p1 = l;
    }
    free(f);
    htab_free(&hist.h);
    free(t);
    return rc;
}

/* ---- the model file ------------------------------------------------------------------ */

/* Format, one record a line, fields separated by tabs:
 *   parallax-ner 1
 *   g TYPE NAME        a gazetteer name: lower-case tokens joined by spaces
 *   f FEATURE L:W ...   weights of a feature by label index */

static int parse_error(px_error *err, const char *name, long line, const char *what)
{
    return px_error_set(err, PX_EFORMAT, "%s:%ld: %s", name, line, what);
}

static int add_row(px_ner_model *m, const char *feat, size_t len, uint32_t *row)
{
    uint32_t *v = htab_put(&m->feats, key_of(feat, len), (uint32_t)m->rows);
    if (!v)
        return PX_ENOMEM;
    if (*v == m->rows) {
        if (px_grow(&m->w, &m->wcap, (m->rows + 1) * NL, sizeof *m->w, 1024 * NL, 1))
            return PX_ENOMEM;
        m->rows++;
    }
    *row = *v;
    return PX_OK;
}

static int parse_weights(px_ner_model *m, uint32_t row, const char *p, const char *end)
{
    while (p < end) {
        char *e;
        long l = strtol(p, &e, 10);
        if (e == p || *e != ':' || l < 0 || l >= NL)
            return -1;
        p = e + 1;
        double w = strtod(p, &e);
        if (e == p || !isfinite(w))
            return -1;
        m->w[(size_t)row * NL + (size_t)l] += (float)w;
        p = e;
        while (p < end && *p == ' ')
            p++;
    }
    return 0;
}

static int parse_line(px_ner_model *m, const char *s, size_t len)
{
    const char *end = s + len;
    const char *t1 = memchr(s, '\t', len);
    if (!t1 || t1 - s != 1)
        return -1;
    const char *t2 = memchr(t1 + 1, '\t', (size_t)(end - t1 - 1));
    if (!t2)
        return -1;
    if (s[0] == 'g') {
        int ty = px_ner_type_parse(t1 + 1, (size_t)(t2 - t1 - 1));
        if (ty < 0 || t2 + 1 >= end)
            return -1;
        return gaz_add(&m->gaz, t2 + 1, (size_t)(end - t2 - 1), ty) ||
                       head_add(&m->heads, t2 + 1, (size_t)(end - t2 - 1), ty)
                   ? -2
                   : 0;
    }
    if (s[0] != 'f' || t2 == t1 + 1)
        return -1;
    uint32_t row;
    if (add_row(m, t1 + 1, (size_t)(t2 - t1 - 1), &row))
        return -2;
    return parse_weights(m, row, t2 + 1, end);
}

int px_ner_model_parse(px_ner_model **out, const char *text, size_t len, const char *name,
                       px_error *err)
{
    static const char magic[] = "parallax-ner 1\n";
    *out = NULL;
    if (len < sizeof magic - 1 || memcmp(text, magic, sizeof magic - 1) != 0)
        return parse_error(err, name, 1, "not a parallax entity tagger model (expected \"parallax-ner 1\")");
    px_ner_model *m = calloc(1, sizeof *m);
    if (!m)
        return px_error_set(err, PX_ENOMEM, "out of memory loading %s", name);
    const char *p = text + sizeof magic - 1, *end = text + len;
    long line = 1;
    char *copy = NULL; /* the line, NUL-terminated for strtol/strtod */
    size_t copy_cap = 0;
    int r = 0;
    while (p < end && !r) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        if (n && px_grow(&copy, &copy_cap, n + 1, 1, 256, 0))
            r = -2;
        else if (n) {
            memcpy(copy, p, n);
            copy[n] = 0;
            r = memchr(copy, 0, n) ? -1 : parse_line(m, copy, n);
        }
        p = nl ? nl + 1 : end;
    }
    free(copy);
    if (r) {
        px_ner_model_free(m);
        return r == -2 ? px_error_set(err, PX_ENOMEM, "out of memory loading %s", name)
                       : parse_error(err, name, line, "malformed model line");
    }
    *out = m;
    return PX_OK;
}

/* ---- training ------------------------------------------------------------------------ */

typedef struct tdoc {
    char *text;
    px_tokens tk;
    px_spans ss;
    uint8_t *gold; /* label per token */
    int half;      /* jackknife half of the gazetteer */
} tdoc;

struct px_ner_trainer {
    tdoc *docs;
    size_t n, cap;
    htab feats;     /* feature key -> row */
    float *w;       /* current weights, NL per row */
    double *acc;    /* sums for the average */
    uint32_t *ts;   /* when each weight last changed */
    char **names;   /* feature name of each row */
    size_t rows, wcap, ncap;
    uint32_t clock;
    htab gaz[3];    /* the names of half 0, half 1, all */
    char **gaz_names; /* "TYPE\tname" of each distinct gazetteer entry */
    size_t n_gaz, gaz_cap;
    htab gaz_seen;
};

int px_ner_trainer_new(px_ner_trainer **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? PX_OK : PX_ENOMEM;
}

void px_ner_trainer_free(px_ner_trainer *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->docs[i].text);
        px_tokens_free(&t->docs[i].tk);
        px_spans_free(&t->docs[i].ss);
        free(t->docs[i].gold);
    }
    free(t->docs);
    htab_free(&t->feats);
    free(t->w);
    free(t->acc);
    free(t->ts);
    for (size_t i = 0; i < t->rows; i++)
        free(t->names[i]);
    free(t->names);
    for (int g = 0; g < 3; g++)
        htab_free(&t->gaz[g]);
    for (size_t i = 0; i < t->n_gaz; i++)
        free(t->gaz_names[i]);
    free(t->gaz_names);
    htab_free(&t->gaz_seen);
    free(t);
}

/* Gold BILOU labels of the tokens from the gold names. */
static void gold_labels(tdoc *d, const px_ner_gold *gold, size_t n_gold)
{
    size_t i = 0;
    for (size_t g = 0; g < n_gold; g++) {
        while (i < d->tk.n && d->tk.v[i].start < gold[g].start)
            i++;
        size_t j = i;
        while (j < d->tk.n && d->tk.v[j].end <= gold[g].end)
            j++;
        if (j == i)
            continue;
        int ty = (int)gold[g].type;
        if (j == i + 1)
            d->gold[i] = (uint8_t)label_of(ty, POS_U);
        else {
            d->gold[i] = (uint8_t)label_of(ty, POS_B);
            for (size_t k = i + 1; k + 1 < j; k++)
                d->gold[k] = (uint8_t)label_of(ty, POS_I);
            d->gold[j - 1] = (uint8_t)label_of(ty, POS_L);
        }
        i = j;
    }
}

int px_ner_trainer_add(px_ner_trainer *t, const char *text, const px_ner_gold *gold, size_t n_gold)
{
    if (px_grow(&t->docs, &t->cap, t->n + 1, sizeof *t->docs, 64, 0))
        return PX_ENOMEM;
    tdoc *d = &t->docs[t->n];
    memset(d, 0, sizeof *d);
    size_t len = strlen(text);
    d->text = px_strdup(text);
    if (!d->text || px_tokenize(d->text, len, &d->tk) || px_split_sentences(d->text, len, &d->ss) ||
        !(d->gold = calloc(d->tk.n ? d->tk.n : 1, 1))) {
        free(d->text);
        px_tokens_free(&d->tk);
        px_spans_free(&d->ss);
        return PX_ENOMEM;
    }
    gold_labels(d, gold, n_gold);
    t->n++;
    return PX_OK;
}

/* The lower-case token sequence of the gold name ending at token j. */
static size_t gold_name(const tdoc *d, const ntok *nt, size_t j, char *buf, size_t cap)
{
    size_t i = j;
    while (i > 0 && label_pos(d->gold[i]) != POS_B && label_pos(d->gold[i]) != POS_U)
        i--;
    if (j - i + 1 > GAZ_MAX)
        return 0;
    size_t len = 0;
    for (size_t k = i; k <= j; k++) {
        if (len + nt[k].low_len + 1 >= cap)
            return 0;
        if (k > i)
            buf[len++] = ' ';
        memcpy(buf + len, nt[k].low, nt[k].low_len);
        len += nt[k].low_len;
    }
    return len;
}

static int gaz_remember(px_ner_trainer *t, int ty, const char *name, size_t len)
{
    char line[GAZ_MAX * (WORD_MAX + 1) + 8];
    int n = snprintf(line, sizeof line, "%s\t%.*s", type_names[ty], (int)len, name);
    uint64_t key = key_of(line, (size_t)n);
    if (htab_get(&t->gaz_seen, key) >= 0)
        return PX_OK;
    if (!htab_put(&t->gaz_seen, key, 1) ||
        px_grow(&t->gaz_names, &t->gaz_cap, t->n_gaz + 1, sizeof *t->gaz_names, 256, 0) ||
        !(t->gaz_names[t->n_gaz] = px_strdup(line)))
        return PX_ENOMEM;
    t->n_gaz++;
    return PX_OK;
}

static int build_gazetteers(px_ner_trainer *t, int folds, int skip)
{
    static const htab empty;
    size_t used = 0;
    for (size_t di = 0; di < t->n; di++) {
        tdoc *d = &t->docs[di];
        if (skip >= 0 && (int)(di % (size_t)folds) == skip)
            continue;
        d->half = (int)(used++ % 2);
        ntok *nt;
        if (doc_build(d->text, &d->tk, &d->ss, &empty, &nt))
            return PX_ENOMEM;
        char buf[GAZ_MAX * (WORD_MAX + 1)];
        for (size_t j = 0; j < d->tk.n; j++) {
            int l = d->gold[j];
            if (!l || (label_pos(l) != POS_L && label_pos(l) != POS_U))
                continue;
            size_t len = gold_name(d, nt, j, buf, sizeof buf);
            if (len && (gaz_add(&t->gaz[d->half], buf, len, label_type(l)) ||
                        gaz_add(&t->gaz[2], buf, len, label_type(l)) ||
                        gaz_remember(t, label_type(l), buf, len))) {
                free(nt);
                return PX_ENOMEM;
            }
        }
        free(nt);
    }
    return PX_OK;
}

static long trainer_row(px_ner_trainer *t, const fsink *f, size_t i)
{
    uint32_t *v = htab_put(&t->feats, f->key[i], (uint32_t)t->rows);
    if (!v)
        return -1;
    if (*v == t->rows) {
        size_t old = t->wcap;
        if (px_grow(&t->w, &t->wcap, (t->rows + 1) * NL, sizeof *t->w, 4096 * NL, 1))
            return -1;
        if (t->wcap != old) {
            double *acc = realloc(t->acc, t->wcap * sizeof *acc);
            uint32_t *ts = acc ? realloc(t->ts, t->wcap * sizeof *ts) : NULL;
            if (acc)
                t->acc = acc;
            if (!ts)
                return -1;
            t->ts = ts;
            memset(t->acc + old, 0, (t->wcap - old) * sizeof *acc);
            memset(t->ts + old, 0, (t->wcap - old) * sizeof *ts);
        }
        if (px_grow(&t->names, &t->ncap, t->rows + 1, sizeof *t->names, 4096, 0) ||
            !(t->names[t->rows] = px_strdup(f->name[i])))
            return -1;
        t->rows++;
    }
    return *v;
}

static void trainer_score(const px_ner_trainer *t, const fsink *f, float *score)
{
    memset(score, 0, NL * sizeof *score);
    for (size_t i = 0; i < f->n; i++) {
        long r = htab_get(&t->feats, f->key[i]);
        if (r < 0)
            continue;
        for (int l = 0; l < NL; l++)
            score[l] += t->w[(size_t)r * NL + (size_t)l];
    }
}

static void bump(px_ner_trainer *t, size_t at, float delta)
{
    t->acc[at] += (double)(t->clock - t->ts[at]) * t->w[at];
    t->ts[at] = t->clock;
    t->w[at] += delta;
}

static int update(px_ner_trainer *t, const fsink *f, int gold, int pred)
{
    for (size_t i = 0; i < f->n; i++) {
        long r = trainer_row(t, f, i);
        if (r < 0)
            return PX_ENOMEM;
        bump(t, (size_t)r * NL + (size_t)gold, 1);
        bump(t, (size_t)r * NL + (size_t)pred, -1);
    }
    return PX_OK;
}

/* The allowed label nearest to a gold label that cannot follow prev (a
 * gold name cut by a sentence or line break). */
static int repair(int prev, int gold, int close)
{
    int open = prev && (label_pos(prev) == POS_B || label_pos(prev) == POS_I);
    if (open)
        return label_of(label_type(prev), close || label_type(gold) != label_type(prev) ? POS_L : POS_I);
    if (!gold)
        return 0;
    return label_of(label_type(gold), close || label_pos(gold) == POS_L ? POS_U : POS_B);
}

/* One pass over a document: predicted labels feed the history, gold ones
 * the label features (the label sequence stays well formed). */
static int train_doc(px_ner_trainer *t, tdoc *d, fsink *f)
{
    ntok *nt;
    if (doc_build(d->text, &d->tk, &d->ss, &t->gaz[1 - d->half], &nt))
        return PX_ENOMEM;
    history hist = {0};
    int rc = PX_OK, p1 = 0, p2 = 0;
    for (size_t i = 0; i < d->tk.n && !rc; i++) {
        if (i > 0 && nt[i].seg != nt[i - 1].seg)
            p1 = p2 = 0;
        float score[NL];
        token_features(nt, d->tk.n, i, p1, p2, history_get(&hist, &nt[i]), f);
        trainer_score(t, f, score);
        int gold = d->gold[i];
        if (!allowed(p1, gold, ends_segment(nt, d->tk.n, i)))
            gold = repair(p1, gold, ends_segment(nt, d->tk.n, i));
        int pred = best_allowed(score, p1, ends_segment(nt, d->tk.n, i));
        t->clock++;
        if (pred != gold)
            rc = update(t, f, gold, pred);
        if (!rc)
            rc = history_set(&hist, &nt[i], pred);
        p2 = p1;
        p1 = gold;
    }
    htab_free(&hist.h);
    free(nt);
    return rc;
}

int px_ner_train(px_ner_trainer *t, int epochs, unsigned seed, int folds, int skip)
{
    if (folds < 1)
        folds = 1;
    if (build_gazetteers(t, folds, skip))
        return PX_ENOMEM;
    size_t *order = malloc((t->n ? t->n : 1) * sizeof *order);
    fsink *f = malloc(sizeof *f);
    int rc = order && f ? PX_OK : PX_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < t->n && !rc; i++)
        if (skip < 0 || (int)(i % (size_t)folds) != skip)
            order[m++] = i;
    uint64_t r = seed ? seed : 1;
    for (int e = 0; e < epochs && !rc; e++) {
        for (size_t i = m; i > 1; i--) { /* Fisher-Yates with a xorshift */
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            size_t j = (size_t)(r % i);
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        for (size_t i = 0; i < m && !rc; i++)
            rc = train_doc(t, &t->docs[order[i]], f);
    }
    free(order);
    free(f);
    return rc;
}

static double averaged(const px_ner_trainer *t, size_t at)
{
    if (!t->clock)
        return 0;
    return (t->acc[at] + (double)(t->clock - t->ts[at]) * t->w[at]) / t->clock;
}

static int row_kept(const px_ner_trainer *t, size_t r, double prune)
{
    for (int l = 0; l < NL; l++)
        if (fabs(averaged(t, r * NL + (size_t)l)) >= prune)
            return 1;
    return 0;
}

int px_ner_trainer_write(px_ner_trainer *t, double prune, FILE *f)
{
    fputs("parallax-ner 1\n", f);
    for (size_t i = 0; i < t->n_gaz; i++)
        fprintf(f, "g\t%s\n", t->gaz_names[i]);
    for (size_t r = 0; r < t->rows; r++) {
        if (!row_kept(t, r, prune))
            continue;
        fprintf(f, "f\t%s\t", t->names[r]);
        int first = 1;
        for (int l = 0; l < NL; l++) {
            double w = averaged(t, r * NL + (size_t)l);
            if (fabs(w) < prune)
                continue;
            fprintf(f, "%s%d:%.3g", first ? "" : " ", l, w);
            first = 0;
        }
        fputc('\n', f);
    }
    return ferror(f) ? PX_EIO : PX_OK;
}

px_ner_model *px_ner_trainer_model(px_ner_trainer *t, double prune)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    int rc = px_ner_trainer_write(t, prune, f);
    fclose(f);
    px_ner_model *m = NULL;
    px_error err;
    if (!rc)
        px_ner_model_parse(&m, buf, len, "model", &err);
    free(buf);
    return m;
}

/* ---- the embedded model ------------------------------------------------------------- */

static px_ner_model *default_model;
static px_error default_err;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void load_default(void)
{
    px_error_clear(&default_err);
    px_ner_model_parse(&default_model, px_ner_en_model, px_ner_en_model_len, "data/ner-en.model",
                       &default_err);
}

const px_ner_model *px_ner_default(px_error *err)
{
    pthread_once(&default_once, load_default);
    if (!default_model && err)
        *err = default_err;
    return default_model;
}
