/* dedup.c - exact and near-duplicate detection: normalised-body hashes,
 * MinHash over word shingles, LSH banding, verified Jaccard/containment.
 * See parallax/dedup.h and docs/dedup.md. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "parallax/dedup.h"
#include "parallax/text.h"
#include "core/grow.h"
#include "core/map.h"
#include "core/sort.h"
#include "core/common_internal.h"
#include "group/dedup_internal.h"
#include "text/text_internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SIGNATURE_AVX2 1 /* signature(): AVX2 when the processor has it */
#endif

#define MAX_PERMS 512
#define BUCKET_WALK 64      /* newest entries looked at per LSH bucket */
#define MAX_VERIFY 256      /* candidates verified per article */
#define EXACT_BAND 0xffffu  /* band number of the exact-hash key */

/* One article kept in the window. */
typedef struct kept {
    uint64_t pos;           /* input position */
    uint64_t group;
    uint64_t exact;         /* hash of the normalised body, 0 when empty */
    uint32_t *shingles;     /* sorted, distinct */
    uint32_t n_shingles;
    int lsh;                /* 1 when its bands are in the table */
} kept;

/* A chained hash table from 64-bit keys to input positions. */
typedef struct entry {
    uint64_t key;
    uint64_t pos;
    int64_t next;
} entry;

struct px_deduper {
    px_dedup_opts o;
    uint64_t perm_a[MAX_PERMS], perm_b[MAX_PERMS];
    kept *ring;             /* window, indexed by pos % window */
    uint64_t count;         /* articles added */
    uint64_t *heads;        /* open table of chain heads (head_of), a
                               slot's key is its head entry's */
    size_t n_heads;         /* power of two */
    size_t used_heads;
    entry *entries;
    size_t n_entries, cap_entries;
    size_t live_entries;
    /* scratch */
    uint64_t *tok_hash;
    size_t cap_tok;
    uint32_t *sig;
    px_dedup_memo *memo;    /* readings kept across dedupers, NULL for none */
    int released;           /* px_deduper_release: no more additions */
    px_dedup_stats last;    /* the statistics when released */
};

const char *px_dup_relation_name(px_dup_relation r)
{
    switch (r) {
    case PX_DUP_EXACT: return "exact";
    case PX_DUP_NEAR: return "near";
    case PX_DUP_CONTAINS: return "contains";
    default: return "none";
    }
}

void px_dedup_opts_default(px_dedup_opts *o)
{
    memset(o, 0, sizeof *o);
    o->shingle = 5;
    o->bands = 64;
    o->rows = 2;
    o->near_threshold = 0.5;
    o->contain_threshold = 0.8;
    o->min_tokens = 20;
    o->window = 25000;
    o->language = "en";
}

static uint64_t splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int check_opts(const px_dedup_opts *o, px_error *err)
{
    if (o->shingle < 1 || o->shingle > 16)
        return px_error_set(err, PX_EUSAGE, "shingle size must be 1 to 16 tokens");
    if (o->bands < 1 || o->rows < 1 || (size_t)o->bands * o->rows > MAX_PERMS)
        return px_error_set(err, PX_EUSAGE, "bands x rows must be 1 to %d", MAX_PERMS);
    if (!(o->near_threshold > 0 && o->near_threshold <= 1) ||
        !(o->contain_threshold > 0 && o->contain_threshold <= 1))
        return px_error_set(err, PX_EUSAGE, "thresholds must be in (0, 1]");
    if (o->window < 1)
        return px_error_set(err, PX_EUSAGE, "window must hold at least one article");
    return PX_OK;
}

int px_deduper_new(px_deduper **out, const px_dedup_opts *opts, px_error *err)
{
    *out = NULL;
    px_dedup_opts o;
    if (opts)
        o = *opts;
    else
        px_dedup_opts_default(&o);
    int rc = check_opts(&o, err);
    if (rc)
        return rc;
    px_deduper *d = calloc(1, sizeof *d);
    if (!d)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    d->o = o;
    uint64_t seed = 0x5eed0fd0ull;
    for (int i = 0; i < MAX_PERMS; i++) {
        d->perm_a[i] = splitmix(&seed) | 1;
        d->perm_b[i] = splitmix(&seed);
    }
    d->ring = calloc(o.window, sizeof *d->ring);
    d->sig = malloc((size_t)o.bands * o.rows * sizeof *d->sig);
    d->n_heads = 1024;
    d->heads = malloc(d->n_heads * sizeof *d->heads);
    if (!d->ring || !d->sig || !d->heads) {
        px_deduper_free(d);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    memset(d->heads, 0xff, d->n_heads * sizeof *d->heads);
    *out = d;
    return PX_OK;
}

void px_deduper_free(px_deduper *d)
{
    if (!d)
        return;
    if (d->ring)
        for (size_t i = 0; i < d->o.window; i++)
            free(d->ring[i].shingles);
    free(d->ring);
    free(d->heads);
    free(d->entries);
    free(d->tok_hash);
    free(d->sig);
    free(d);
}

size_t px_deduper_count(const px_deduper *d)
{
    return (size_t)d->count;
}

void px_deduper_release(px_deduper *d)
{
    if (!d || d->released)
        return;
    px_deduper_stats(d, &d->last);
    for (size_t i = 0; i < d->o.window; i++) {
        free(d->ring[i].shingles);
        d->ring[i] = (kept){0};
    }
    free(d->heads);
    free(d->entries);
    free(d->tok_hash);
    d->heads = NULL;
    d->entries = NULL;
    d->tok_hash = NULL;
    d->n_heads = d->used_heads = d->n_entries = d->cap_entries = d->live_entries = d->cap_tok = 0;
    d->released = 1;
}

void px_deduper_stats(const px_deduper *d, px_dedup_stats *out)
{
    if (d->released) {
        *out = d->last;
        return;
    }
    memset(out, 0, sizeof *out);
    out->articles = d->count;
    out->window_articles = d->count < d->o.window ? (size_t)d->count : d->o.window;
    size_t held = d->count < d->o.window ? (size_t)d->count : d->o.window;
    for (size_t i = 0; i < held; i++)
        out->window_shingles += d->ring[i].n_shingles;
    out->table_entries = d->n_entries;
    out->live_entries = d->live_entries;
    out->table_slots = d->n_heads;
}

/* ---- the key table ------------------------------------------------------ */

/* A slot of the key table holds its chain's newest entry and the top bits
 * of its key, so that a probe reads an entry only when those agree (most
 * probes are for keys not in the table and would read one entry for each
 * slot they pass). */
#define HEAD_INDEX_BITS 40
#define HEAD_INDEX_MASK ((1ull << HEAD_INDEX_BITS) - 1)
#define HEAD_EMPTY UINT64_MAX

static uint64_t head_tag(uint64_t key) { return key & ~HEAD_INDEX_MASK; }
static uint64_t head_of(uint64_t key, size_t entry) { return head_tag(key) | entry; }
static int64_t head_entry(uint64_t head) { return head == HEAD_EMPTY ? -1 : (int64_t)(head & HEAD_INDEX_MASK); }

static size_t head_slot(const px_deduper *d, uint64_t key)
{
    size_t mask = d->n_heads - 1;
    size_t i = (size_t)(key * 0x9e3779b97f4a7c15ull >> 20) & mask;
    uint64_t tag = head_tag(key);
    for (uint64_t h; (h = d->heads[i]) != HEAD_EMPTY; i = (i + 1) & mask)
        if ((h & ~HEAD_INDEX_MASK) == tag && d->entries[h & HEAD_INDEX_MASK].key == key)
            break;
    return i;
}

static int grow_heads(px_deduper *d)
{
    size_t old_n = d->n_heads;
    uint64_t *old_heads = d->heads;
    d->n_heads = old_n * 2;
    d->heads = malloc(d->n_heads * sizeof *d->heads);
    if (!d->heads) {
        d->heads = old_heads;
        d->n_heads = old_n;
        return PX_ENOMEM;
    }
    memset(d->heads, 0xff, d->n_heads * sizeof *d->heads);
    for (size_t i = 0; i < old_n; i++)
        if (old_heads[i] != HEAD_EMPTY)
            d->heads[head_slot(d, d->entries[old_heads[i] & HEAD_INDEX_MASK].key)] = old_heads[i];
    free(old_heads);
    return PX_OK;
}

static int table_put(px_deduper *d, uint64_t key, uint64_t pos)
{
    if ((d->used_heads + 1) * 4 > d->n_heads * 3 && grow_heads(d))
        return PX_ENOMEM;
    if (d->n_entries + 1 >= HEAD_INDEX_MASK)
        return PX_ENOMEM;
    if (px_grow(&d->entries, &d->cap_entries, d->n_entries + 1, sizeof *d->entries, 4096, 0))
        return PX_ENOMEM;
    size_t s = head_slot(d, key);
    d->used_heads += d->heads[s] == HEAD_EMPTY;
    d->entries[d->n_entries] = (entry){key, pos, head_entry(d->heads[s])};
    d->heads[s] = head_of(key, d->n_entries++);
    d->live_entries++;
    return PX_OK;
}

static int64_t table_first(const px_deduper *d, uint64_t key)
{
    return head_entry(d->heads[head_slot(d, key)]);
}

static int is_live(const px_deduper *d, uint64_t pos)
{
    return pos < d->count && d->count - pos <= d->o.window;
}

/* ---- shingles and signatures -------------------------------------------- */

static uint64_t band_key(unsigned band, const uint32_t *vals, unsigned rows)
{
    return XXH64(vals, rows * sizeof *vals, band) ^ ((uint64_t)band << 48);
}

static uint64_t exact_key(uint64_t exact)
{
    return XXH64(&exact, sizeof exact, EXACT_BAND) ^ ((uint64_t)EXACT_BAND << 48);
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* The folded text with every white-space run made one space, trimmed. */
static char *normalise(const char *text, size_t len, size_t *out_len)
{
    char *f = px_fold(text, len);
    if (!f)
        return NULL;
    size_t w = 0;
    int space = 1;
    for (size_t r = 0; f[r]; r++) {
        unsigned char ch = (unsigned char)f[r];
        if (is_space((char)ch)) {
            if (!space)
                f[w++] = ' ';
            space = 1;
        } else {
            f[w++] = (char)ch;
            space = 0;
        }
    }
    if (w && f[w - 1] == ' ')
        w--;
    f[w] = '\0';
    *out_len = w;
    return f;
}

/* The hash of each word and number token of text (tokens t) into
 * tok_hash, each token lower-cased first when lower is set; *n gets their
 * number. */
static int token_hashes(const char *text, const px_tokens *t, int lower, uint64_t **tok_hash,
                        size_t *cap_tok, size_t *n)
{
    char buf[256];
    *n = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->v[i].kind != PX_TOK_WORD && t->v[i].kind != PX_TOK_NUMBER)
            continue;
        if (px_grow(tok_hash, cap_tok, *n + 1, sizeof **tok_hash, 1024, 0))
            return PX_ENOMEM;
        const char *w = text + t->v[i].start;
        size_t wl = t->v[i].end - t->v[i].start;
        if (lower) {
            char *low = wl <= sizeof buf ? buf : malloc(wl);
            if (!low)
                return PX_ENOMEM;
            for (size_t j = 0; j < wl; j++)
                low[j] = w[j] >= 'A' && w[j] <= 'Z' ? (char)(w[j] + 32) : w[j];
            (*tok_hash)[(*n)++] = XXH64(low, wl, 0);
            if (low != buf)
                free(low);
        } else {
            (*tok_hash)[(*n)++] = XXH64(w, wl, 0);
        }
    }
    return PX_OK;
}

/* Is norm (normalise()'s form of text) text with its ASCII capitals
 * lowered and its white space collapsed, folding having changed nothing
 * else (an ASCII text, or one whose other characters fold to themselves:
 * "£", "é")? */
static int folds_to_ascii_lower(const char *norm, size_t len, const char *text, size_t text_len)
{
    size_t w = 0;
    int space = 0;
    for (size_t r = 0; r < text_len; r++) {
        char ch = text[r];
        if (is_space(ch)) {
            space = 1;
            continue;
        }
        if (space && w && (w >= len || norm[w++] != ' '))
            return 0;
        space = 0;
        if (w >= len || norm[w++] != (ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch))
            return 0;
    }
    return w == len;
}

/* The hashes of the folded words of a normalised text: read from the
 * tokens of the text as written (text, written) when folding changed only
 * ASCII case and lower-casing splits it alike (px_tokens_fold_alike), else
 * from the normalised text's own. */
static int folded_token_hashes(const char *norm, size_t len, const char *text, size_t text_len,
                               const px_tokens *written, uint64_t **tok_hash, size_t *cap_tok, size_t *n)
{
    if (written && folds_to_ascii_lower(norm, len, text, text_len) &&
        px_tokens_fold_alike(text, text_len, written))
        return token_hashes(text, written, 1, tok_hash, cap_tok, n);
    px_tokens toks = {0};
    int rc = px_tokenize(norm, len, &toks) == PX_OK ? token_hashes(norm, &toks, 0, tok_hash, cap_tok, n)
                                                     : PX_ENOMEM;
    px_tokens_free(&toks);
    return rc;
}

/* Sorted distinct shingle hashes of a normalised text (of text, with the
 * tokens written when known); *n_tokens gets the number of word and number
 * tokens. */
static int shingle_set(const char *norm, size_t len, const char *text, size_t text_len,
                       const px_tokens *written, unsigned k, uint64_t **tok_hash, size_t *cap_tok,
                       uint32_t **out, uint32_t *n_out, size_t *n_tokens)
{
    *out = NULL;
    *n_out = 0;
    size_t n = 0;
    if (folded_token_hashes(norm, len, text, text_len, written, tok_hash, cap_tok, &n))
        return PX_ENOMEM;
    *n_tokens = n;
    if (n == 0)
        return PX_OK;
    size_t width = n < k ? n : k;
    size_t m = n - width + 1;
    uint32_t *s = malloc(m * sizeof *s);
    if (!s)
        return PX_ENOMEM;
    for (size_t i = 0; i < m; i++)
        s[i] = (uint32_t)XXH64(*tok_hash + i, width * sizeof **tok_hash, 0x5417);
    if (px_sort_u32(s, m)) {
        free(s);
        return PX_ENOMEM;
    }
    size_t w = 1;
    for (size_t i = 1; i < m; i++)
        if (s[i] != s[w - 1])
            s[w++] = s[i];
    /* kept for the window: without the repeats' room */
    uint32_t *fit = w < m ? realloc(s, w * sizeof *s) : NULL;
    if (fit)
        s = fit;
    *out = s;
    *n_out = (uint32_t)w;
    return PX_OK;
}

/* The least hash of one permutation over the shingles. */
static uint32_t least_hash(uint64_t a, uint64_t b, const uint32_t *sh, uint32_t n)
{
    uint32_t least = UINT32_MAX;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t h = (uint32_t)((a * sh[i] + b) >> 32);
        least = h < least ? h : least;
    }
    return least;
}

/* Four permutations at a time over all the shingles: their factors and
 * running minima stay in registers, four independent chains. */
#define SIG_LANES 4

#ifdef SIGNATURE_AVX2
/* The same signature eight shingles at a time, where the processor has
 * AVX2 (the signature was a third of dedup's time, a 64-bit product per
 * shingle and permutation). With a = ah 2^32 + al, the upper half of
 * (a x + b) mod 2^64 is the upper half of al x + b plus the lower half of
 * ah x, modulo 2^32: 32-bit lanes give the very same hashes. */
__attribute__((target("avx2"))) static void signature_avx2(const px_deduper *d, const uint32_t *sh,
                                                           uint32_t n, uint32_t *sig)
{
    unsigned perms = d->o.bands * d->o.rows;
    uint32_t whole = n & ~7u;
    for (unsigned p = 0; p < perms; p++) {
        uint64_t a = d->perm_a[p], b = d->perm_b[p];
        __m256i al = _mm256_set1_epi64x((long long)(a & 0xffffffffu));
        __m256i ah = _mm256_set1_epi32((int)(uint32_t)(a >> 32));
        __m256i vb = _mm256_set1_epi64x((long long)b);
        __m256i least = _mm256_set1_epi32(-1);
        for (uint32_t i = 0; i < whole; i += 8) {
            __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(sh + i));
            __m256i even = _mm256_add_epi64(_mm256_mul_epu32(x, al), vb);
            __m256i odd = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), al), vb);
            __m256i high = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
            least = _mm256_min_epu32(least, _mm256_add_epi32(high, _mm256_mullo_epi32(x, ah)));
        }
        uint32_t lanes[8];
        _mm256_storeu_si256((__m256i *)(void *)lanes, least);
        uint32_t m = least_hash(a, b, sh + whole, n - whole);
        for (int k = 0; k < 8; k++)
            m = lanes[k] < m ? lanes[k] : m;
        sig[p] = m;
    }
}
#endif

static void signature(const px_deduper *d, const uint32_t *sh, uint32_t n, uint32_t *sig)
{
#ifdef SIGNATURE_AVX2
    if (__builtin_cpu_supports("avx2")) {
        signature_avx2(d, sh, n, sig);
        return;
    }
#endif
    unsigned perms = d->o.bands * d->o.rows, p = 0;
    for (; p + SIG_LANES <= perms; p += SIG_LANES) {
        uint32_t least[SIG_LANES];
        for (int k = 0; k < SIG_LANES; k++)
            least[k] = UINT32_MAX;
        for (uint32_t i = 0; i < n; i++) {
            uint64_t x = sh[i];
            for (int k = 0; k < SIG_LANES; k++) {
                uint32_t h = (uint32_t)((d->perm_a[p + k] * x + d->perm_b[p + k]) >> 32);
                least[k] = h < least[k] ? h : least[k];
            }
        }
        memcpy(sig + p, least, sizeof least);
    }
    for (; p < perms; p++)
        sig[p] = least_hash(d->perm_a[p], d->perm_b[p], sh, n);
}

static size_t intersection(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            k++;
            i++;
            j++;
        }
    }
    return k;
}

static void similarities(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb,
                         double *jac, double *a_in_b, double *b_in_a)
{
    size_t inter = intersection(a, na, b, nb);
    size_t uni = (size_t)na + nb - inter;
    *jac = uni ? (double)inter / (double)uni : 0;
    *a_in_b = na ? (double)inter / na : 0;
    *b_in_a = nb ? (double)inter / nb : 0;
}

int px_dedup_compare(const char *a, size_t alen, const char *b, size_t blen,
                     const px_dedup_opts *opts, double *jaccard, double *a_in_b,
                     double *b_in_a)
{
    px_dedup_opts o;
    if (opts)
        o = *opts;
    else
        px_dedup_opts_default(&o);
    size_t la, lb, ta, tb;
    char *na = normalise(a, alen, &la), *nb = normalise(b, blen, &lb);
    uint64_t *th = NULL;
    size_t cap = 0;
    uint32_t *sa = NULL, *sb = NULL, ma = 0, mb = 0;
    int rc = PX_ENOMEM;
    if (na && nb && shingle_set(na, la, a, alen, NULL, o.shingle ? o.shingle : 5, &th, &cap, &sa, &ma, &ta) == PX_OK &&
        shingle_set(nb, lb, b, blen, NULL, o.shingle ? o.shingle : 5, &th, &cap, &sb, &mb, &tb) == PX_OK) {
        similarities(sa, ma, sb, mb, jaccard, a_in_b, b_in_a);
        rc = PX_OK;
    }
    free(na);
    free(nb);
    free(th);
    free(sa);
    free(sb);
    return rc;
}

/* ---- the window ---------------------------------------------------------- */

/* Drops the dead entries from the table once they outnumber the live ones. */
static int compact(px_deduper *d)
{
    size_t dead = d->n_entries - d->live_entries;
    if (dead < 4096 || dead < d->live_entries)
        return PX_OK;
    size_t w = 0;
    for (size_t i = 0; i < d->n_entries; i++)
        if (is_live(d, d->entries[i].pos))
            d->entries[w++] = d->entries[i];
    d->n_entries = w;
    d->live_entries = w;
    memset(d->heads, 0xff, d->n_heads * sizeof *d->heads);
    d->used_heads = 0;
    /* Re-chain in input order so every chain stays newest first. */
    for (size_t i = 0; i < w; i++) {
        size_t s = head_slot(d, d->entries[i].key);
        d->used_heads += d->heads[s] == HEAD_EMPTY;
        d->entries[i].next = head_entry(d->heads[s]);
        d->heads[s] = head_of(d->entries[i].key, i);
    }
    return PX_OK;
}

static void forget_oldest(px_deduper *d)
{
    if (d->count < d->o.window)
        return;
    kept *k = &d->ring[d->count % d->o.window];
    size_t keys = (k->exact ? 1 : 0) + (k->lsh ? d->o.bands : 0);
    d->live_entries -= keys <= d->live_entries ? keys : d->live_entries;
    free(k->shingles);
    memset(k, 0, sizeof *k);
}

static const kept *find_exact(const px_deduper *d, uint64_t exact)
{
    uint64_t key = exact_key(exact);
    for (int64_t e = table_first(d, key); e != -1; e = d->entries[e].next) {
        const entry *en = &d->entries[e];
        if (en->key != key || !is_live(d, en->pos))
            continue;
        const kept *k = &d->ring[en->pos % d->o.window];
        if (k->exact == exact)
            return k;
    }
    return NULL;
}

typedef struct cand {
    uint64_t pos;
    unsigned hits;
} cand;

static int cmp_cand_pos(const void *a, const void *b)
{
    uint64_t x = ((const cand *)a)->pos, y = ((const cand *)b)->pos;
    return (x > y) - (x < y);
}

static int cmp_cand_rank(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->hits != y->hits)
        return x->hits > y->hits ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Candidates from the LSH buckets, most shared bands first. */
static int lsh_candidates(const px_deduper *d, const uint32_t *sig, cand **out, size_t *n_out)
{
    size_t n = 0, cap = 256;
    cand *c = malloc(cap * sizeof *c);
    if (!c)
        return PX_ENOMEM;
    for (unsigned b = 0; b < d->o.bands; b++) {
        uint64_t key = band_key(b, sig + (size_t)b * d->o.rows, d->o.rows);
        int walked = 0;
        for (int64_t e = table_first(d, key); e != -1 && walked < BUCKET_WALK;
             e = d->entries[e].next) {
            const entry *en = &d->entries[e];
            if (en->key != key || !is_live(d, en->pos))
                continue;
            walked++;
            if (px_grow(&c, &cap, n + 1, sizeof *c, 256, 0)) {
                free(c);
                return PX_ENOMEM;
            }
            c[n++] = (cand){en->pos, 1};
        }
    }
    if (n) {
        qsort(c, n, sizeof *c, cmp_cand_pos);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            if (w && c[w - 1].pos == c[i].pos)
                c[w - 1].hits++;
            else
                c[w++] = c[i];
        }
        n = w;
        qsort(c, n, sizeof *c, cmp_cand_rank);
    }
    *out = c;
    *n_out = n;
    return PX_OK;
}

/* Verifies the candidates on the exact shingle sets; fills m with the best. */
static void verify(const px_deduper *d, const cand *c, size_t n, const uint32_t *sh,
                   uint32_t n_sh, px_dup_match *m)
{
    if (n > MAX_VERIFY)
        n = MAX_VERIFY;
    double best_jac = -1;
    for (size_t i = 0; i < n; i++) {
        const kept *k = &d->ring[c[i].pos % d->o.window];
        double jac, new_in_old, old_in_new;
        similarities(sh, n_sh, k->shingles, k->n_shingles, &jac, &new_in_old, &old_in_new);
        double contain = new_in_old > old_in_new ? new_in_old : old_in_new;
        px_dup_relation rel = PX_DUP_NONE;
        double sim = 0;
        if (jac >= d->o.near_threshold) {
            rel = PX_DUP_NEAR;
            sim = jac;
        } else if (contain >= d->o.contain_threshold) {
            rel = PX_DUP_CONTAINS;
            sim = contain;
        }
        /* the closest copy wins: ranked by Jaccard whatever the relation,
         * so a trimmed copy prefers its original to a page embedding it */
        if (rel != PX_DUP_NONE &&
            (jac > best_jac || (jac == best_jac && k->pos < m->matched))) {
            best_jac = jac;
            m->relation = rel;
            m->similarity = sim;
            m->matched = k->pos;
            m->group = k->group;
        }
    }
}

static int remember(px_deduper *d, uint64_t exact, uint32_t *sh, uint32_t n_sh, int lsh,
                    uint64_t group)
{
    forget_oldest(d);
    uint64_t pos = d->count;
    kept *k = &d->ring[pos % d->o.window];
    *k = (kept){pos, group, exact, sh, n_sh, 0};
    d->count++;
    if (exact && table_put(d, exact_key(exact), pos))
        return PX_ENOMEM;
    if (lsh) {
        for (unsigned b = 0; b < d->o.bands; b++)
            if (table_put(d, band_key(b, d->sig + (size_t)b * d->o.rows, d->o.rows), pos))
                return PX_ENOMEM;
        k->lsh = 1;
    }
    return compact(d);
}

/* ---- the reading memo ---- */

/* One body's reading: its exact hash, tokens, shingles (pool[at, at +
 * n_sh)) and, when has_sig, its signature after them. */
typedef struct memo_body {
    uint64_t exact;
    size_t n_tokens, at;
    uint32_t n_sh;
    int has_sig;
} memo_body;

struct px_dedup_memo {
    size_t max_values;
    size_t readings;           /* the last this many bodies kept are always held */
    int bound;                 /* the options below are known */
    unsigned shingle, n_sig;   /* whose reading it keeps */
    px_map bodies;             /* body fingerprint (8 bytes) -> index into body */
    memo_body *body;
    size_t cap_body;
    uint32_t *pool;
    size_t n_pool, cap_pool;
};

px_dedup_memo *px_dedup_memo_new(size_t max_values, size_t readings)
{
    px_dedup_memo *m = calloc(1, sizeof *m);
    if (m) {
        m->max_values = max_values ? max_values : (size_t)16 << 20;
        m->readings = readings ? readings : 100000;
    }
    return m;
}

size_t px_dedup_memo_readings(const px_dedup_memo *m)
{
    return m ? m->bodies.n : 0;
}

static void dedup_memo_empty(px_dedup_memo *m)
{
    px_map_free(&m->bodies);
    m->n_pool = 0;
}

void px_dedup_memo_free(px_dedup_memo *m)
{
    if (!m)
        return;
    dedup_memo_empty(m);
    free(m->body);
    free(m->pool);
    free(m);
}

void px_deduper_use_memo(px_deduper *d, px_dedup_memo *m)
{
    d->memo = m;
}

/* The memo when it holds readings made with d's shingle and signature
 * sizes (the first deduper to use it decides), else NULL. */
static px_dedup_memo *memo_of(px_deduper *d)
{
    px_dedup_memo *m = d->memo;
    unsigned n_sig = d->o.bands * d->o.rows;
    if (m && !m->bound) {
        m->bound = 1;
        m->shingle = d->o.shingle;
        m->n_sig = n_sig;
    }
    return m && m->shingle == d->o.shingle && m->n_sig == n_sig ? m : NULL;
}

static const memo_body *memo_find(const px_dedup_memo *m, uint64_t fp)
{
    uint32_t id = px_map_find(&m->bodies, (const char *)&fp, sizeof fp);
    return id == PX_MAP_NONE ? NULL : &m->body[id];
}

/* Values a body's reading holds in the pool. */
static size_t memo_values(const px_dedup_memo *m, const memo_body *b)
{
    return b->n_sh + (b->has_sig ? m->n_sig : 0);
}

/* Drops the readings kept before the first-th (the oldest), the others
 * moved to the front in order: what the memo holds follows the bodies read
 * last, not the length of the stream. Out of memory it empties. */
static void memo_drop_oldest(px_dedup_memo *m, uint32_t first)
{
    px_map bodies = {0};
    size_t at = 0, n = 0;
    for (uint32_t k = first; k < m->bodies.n; k++, n++) {
        memo_body b = m->body[k];
        size_t len = memo_values(m, &b);
        if (px_map_intern(&bodies, px_map_key(&m->bodies, k), px_map_len(&m->bodies, k), NULL) != n) {
            px_map_free(&bodies);
            dedup_memo_empty(m);
            return;
        }
        memmove(m->pool + at, m->pool + b.at, len * sizeof *m->pool);
        b.at = at;
        m->body[n] = b;
        at += len;
    }
    px_map_free(&m->bodies);
    m->bodies = bodies;
    m->n_pool = at;
}

/* Makes room for a reading of n values: past m->readings and a quarter
 * bodies the oldest go down to m->readings, and past max_values values down
 * to half of it, so that dropping costs a constant per body kept. */
static void memo_make_room(px_dedup_memo *m, size_t n)
{
    size_t first = 0, count = m->bodies.n;
    if (count + 1 > m->readings + m->readings / 4)
        first = count + 1 - m->readings;
    if (m->n_pool + n > m->max_values) {
        size_t kept = 0, k = count;
        while (k > first && kept + memo_values(m, &m->body[k - 1]) + n <= m->max_values / 2)
            kept += memo_values(m, &m->body[--k]);
        first = k;
    }
    if (first)
        memo_drop_oldest(m, (uint32_t)first);
}

/* Keeps a body's reading, the oldest dropped when the memo would grow past
 * its bounds; failing to keep it changes nothing but speed. */
static void memo_keep(px_dedup_memo *m, uint64_t fp, uint64_t exact, const uint32_t *sh, uint32_t n_sh,
                      size_t n_tokens, const uint32_t *sig)
{
    size_t n = n_sh + (sig ? m->n_sig : 0);
    if (n > m->max_values)
        return;
    memo_make_room(m, n);
    if (px_grow(&m->pool, &m->cap_pool, m->n_pool + n + 1, sizeof *m->pool, 4096, 0) ||
        px_grow(&m->body, &m->cap_body, m->bodies.n + 1, sizeof *m->body, 256, 0))
        return;
    int added = 0;
    uint32_t id = px_map_intern(&m->bodies, (const char *)&fp, sizeof fp, &added);
    if (id == PX_MAP_NONE || !added)
        return;
    if (n_sh)
        memcpy(m->pool + m->n_pool, sh, n_sh * sizeof *sh);
    if (sig)
        memcpy(m->pool + m->n_pool + n_sh, sig, m->n_sig * sizeof *sig);
    m->body[id] = (memo_body){exact, n_tokens, m->n_pool, n_sh, sig != NULL};
    m->n_pool += n;
}

/* A body's exact hash (0 when it normalises to nothing); *norm: the
 * normalised text when it was made (the caller frees it). */
static int read_exact(const char *text, size_t len, const memo_body *mb, char **norm, size_t *nlen,
                      uint64_t *exact)
{
    *norm = NULL;
    *nlen = 0;
    if (mb) {
        *exact = mb->exact;
        return PX_OK;
    }
    if (!(*norm = normalise(text ? text : "", text ? len : 0, nlen)))
        return PX_ENOMEM;
    *exact = *nlen ? XXH64(*norm, *nlen, 0) | 1 : 0;
    return PX_OK;
}

/* The shingles (the caller owns them) of a body with text in it. */
static int read_shingles(px_deduper *d, const char *norm, size_t nlen, const char *text, size_t len,
                         const px_tokens *written, const memo_body *mb, uint32_t **sh, uint32_t *n_sh,
                         size_t *n_tokens)
{
    if (!mb)
        return shingle_set(norm, nlen, text, len, written, d->o.shingle, &d->tok_hash, &d->cap_tok, sh, n_sh,
                           n_tokens);
    *n_tokens = mb->n_tokens;
    *n_sh = mb->n_sh;
    *sh = NULL;
    if (!mb->n_sh)
        return PX_OK;
    if (!(*sh = malloc(mb->n_sh * sizeof **sh)))
        return PX_ENOMEM;
    memcpy(*sh, d->memo->pool + mb->at, mb->n_sh * sizeof **sh);
    return PX_OK;
}

/* A body read before (the same text, px_dedup_add) is found in the memo:
 * not normalised, shingled nor signed again. */
static int dedup_add(px_deduper *d, const char *text, size_t len, const px_tokens *written, int use_memo,
                     px_dup_match *out)
{
    if (d->released)
        return PX_EUSAGE;
    px_dup_match m = {PX_DUP_NONE, d->count, (size_t)d->count, 0};
    px_dedup_memo *memo = use_memo ? memo_of(d) : NULL;
    uint64_t fp = memo ? XXH64(text ? text : "", text ? len : 0, 0x6475706d) : 0;
    const memo_body *mb = memo ? memo_find(memo, fp) : NULL;
    size_t nlen = 0, n_tokens = 0;
    char *norm;
    uint64_t exact;
    if (read_exact(text, len, mb, &norm, &nlen, &exact))
        return PX_ENOMEM;
    uint32_t *sh = NULL, n_sh = 0;
    int rc = PX_OK, lsh = 0;
    const kept *same = exact ? find_exact(d, exact) : NULL;
    if (same) {
        m = (px_dup_match){PX_DUP_EXACT, same->group, (size_t)same->pos, 1.0};
    } else if (exact) {
        rc = read_shingles(d, norm, nlen, text, len, written, mb, &sh, &n_sh, &n_tokens);
        lsh = rc == PX_OK && n_tokens >= d->o.min_tokens && n_sh > 0;
        if (lsh) {
            if (mb && mb->has_sig)
                memcpy(d->sig, memo->pool + mb->at + mb->n_sh, memo->n_sig * sizeof *d->sig);
            else
                signature(d, sh, n_sh, d->sig);
            cand *c = NULL;
            size_t nc = 0;
            rc = lsh_candidates(d, d->sig, &c, &nc);
            if (rc == PX_OK)
                verify(d, c, nc, sh, n_sh, &m);
            free(c);
        }
        if (rc == PX_OK && memo && !mb)
            memo_keep(memo, fp, exact, sh, n_sh, n_tokens, lsh ? d->sig : NULL);
    }
    free(norm);
    if (rc == PX_OK && !lsh) {
        free(sh);
        sh = NULL;
        n_sh = 0;
    }
    if (rc == PX_OK)
        rc = remember(d, exact, sh, n_sh, lsh, m.group);
    else
        free(sh);
    if (out)
        *out = m;
    return rc;
}

int px_dedup_add_tokens(px_deduper *d, const char *text, size_t len, const px_tokens *written,
                        px_dup_match *out)
{
    return dedup_add(d, text, len, written, 0, out);
}

int px_dedup_add_text(px_deduper *d, const char *text, size_t len, px_dup_match *out)
{
    return dedup_add(d, text, len, NULL, 1, out);
}

int px_dedup_add(px_deduper *d, const px_article *a, px_dup_match *out)
{
    const char *body = a->body ? a->body : "";
    return px_dedup_add_text(d, body, strlen(body), out);
}
