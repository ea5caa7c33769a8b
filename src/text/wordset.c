/* wordset.c - membership in hand-written word lists, one hashed lookup
 * each (text/wordset.h). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/grow.h"
#include "core/map.h"
#include "text/textchar.h"
#include "text/wordset.h"

/* Each NULL-terminated list is turned, on first use, into a set of its
 * entries lower-cased (ASCII, as cl_eq compares), so a membership test is
 * one hashed lookup instead of a case-folding pass over every entry. The
 * registry finds a list's set by its address and its entries' addresses
 * (string literals never change; a list written as a compound literal
 * inside a function may reuse an address with other entries); sets never
 * change once built, so only finding them takes the lock. */

#define MAX_LIST_WORD 128
/* Keys of up to eight bytes also leave two bits each in a filter of 512
 * bits: a short word without both bits is no entry, told without hashing
 * it (the sentence splitter asks at every sentence end of a language with
 * an abbreviation list, and nearly every answer is no). */
#define SHORT_KEY 8
#define FILTER_WORDS 8

struct px_word_set {
    const char *const *list;
    int first_field;      /* keys are the entries up to their first space */
    const char **entries; /* a copy of the list's entry pointers, NULL-terminated */
    size_t n;
    px_map set;
    int *first;           /* set id -> index of its first entry in the list */
    uint64_t short_keys[FILTER_WORDS]; /* the filter of the keys of up to SHORT_KEY bytes */
};
typedef struct px_word_set list_set;

/* Each set is allocated on its own, so that it never moves and callers
 * may keep it (px_word_set_of). */
static list_set **registry;
static size_t registry_n, registry_cap;
/* List address -> the registry index of the latest set built for it, so
 * finding a set costs one hashed lookup, not a scan of the registry. */
static px_map by_address;
static size_t *address_latest;
static size_t address_cap;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t lower_ascii(const char *s, size_t len, char *out)
{
    for (size_t i = 0; i < len; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
    return len;
}

/* The two filter bits of a short key: its bytes lower-cased (as
 * lower_ascii does), with its length. */
static inline uint64_t filter_hash(const char *s, size_t len)
{
    return (tc_lower_ascii8(tc_load_bytes(s, len)) + len) * 0x9E3779B97F4A7C15u;
}

static void filter_add(list_set *ls, const char *s, size_t len)
{
    uint64_t h = filter_hash(s, len);
    size_t a = (size_t)(h >> 55), b = (size_t)(h >> 46) & 511;
    ls->short_keys[a / 64] |= 1ull << (a % 64);
    ls->short_keys[b / 64] |= 1ull << (b % 64);
}

static int filter_may_hold(const list_set *ls, const char *s, size_t len)
{
    uint64_t h = filter_hash(s, len);
    size_t a = (size_t)(h >> 55), b = (size_t)(h >> 46) & 511;
    return (ls->short_keys[a / 64] >> (a % 64)) & (ls->short_keys[b / 64] >> (b % 64)) & 1;
}

static int same_list(const list_set *ls, const char *const *list, int first_field)
{
    return ls->list == list && ls->first_field == first_field && memcmp(ls->entries, list, (ls->n + 1) * sizeof *list) == 0;
}

/* The registry's key of a list: its address and the kind of keys. */
typedef struct address_key {
    const char *const *list;
    uintptr_t first_field;
} address_key;

static uint32_t address_id(const char *const *list, int first_field)
{
    address_key k = {list, (uintptr_t)first_field};
    return px_map_find(&by_address, (const char *)&k, sizeof k);
}

static int remember_address(const char *const *list, int first_field, size_t index)
{
    address_key k = {list, (uintptr_t)first_field};
    uint32_t id = px_map_intern(&by_address, (const char *)&k, sizeof k, NULL);
    if (id == PX_MAP_NONE ||
        px_grow(&address_latest, &address_cap, (size_t)id + 1, sizeof *address_latest, 64, 0) != PX_OK)
        return -1;
    address_latest[id] = index;
    return 0;
}

static const list_set *find_set(const char *const *list, int first_field)
{
    uint32_t id = address_id(list, first_field);
    if (id == PX_MAP_NONE)
        return NULL;
    if (same_list(registry[address_latest[id]], list, first_field))
        return registry[address_latest[id]];
    for (size_t i = 0; i < registry_n; i++) /* an address reused by another list */
        if (same_list(registry[i], list, first_field)) {
            address_latest[id] = i;
            return registry[i];
        }
    return NULL;
}

static void free_set(list_set *ls)
{
    px_map_free(&ls->set);
    free(ls->entries);
    free(ls->first);
    free(ls);
}

/* The length of an entry's key. */
static size_t key_len(const char *w, int first_field)
{
    return first_field ? strcspn(w, " ") : strlen(w);
}

static const list_set *build_set(const char *const *list, int first_field)
{
    const list_set *found = find_set(list, first_field);
    if (found)
        return found;
    if (px_grow(&registry, &registry_cap, registry_n + 1, sizeof *registry, 64, 0) != PX_OK)
        return NULL;
    list_set *ls = calloc(1, sizeof *ls);
    if (!ls)
        return NULL;
    ls->list = list;
    ls->first_field = first_field;
    while (list[ls->n])
        ls->n++;
    ls->entries = malloc((ls->n + 1) * sizeof *ls->entries);
    ls->first = malloc((ls->n + 1) * sizeof *ls->first);
    if (!ls->entries || !ls->first) {
        free_set(ls);
        return NULL;
    }
    memcpy(ls->entries, list, (ls->n + 1) * sizeof *list);
    char buf[MAX_LIST_WORD];
    for (const char *const *w = list; *w; w++) {
        size_t n = key_len(*w, first_field);
        int added = 0;
        uint32_t id = n > MAX_LIST_WORD ? PX_MAP_NONE
                                        : px_map_intern(&ls->set, buf, lower_ascii(*w, n, buf), &added);
        if (id == PX_MAP_NONE) {
            free_set(ls);
            return NULL;
        }
        if (added)
            ls->first[id] = (int)(w - list);
        if (n > 0 && n <= SHORT_KEY)
            filter_add(ls, *w, n);
    }
    if (remember_address(list, first_field, registry_n) != 0) {
        free_set(ls);
        return NULL;
    }
    registry[registry_n++] = ls;
    return ls;
}

/* The set of a list, built on first use; empty when out of memory. The
 * registry grows only by appending, but px_grow may move it: sets are
 * looked up under the lock and read after it, from a copy (what it points
 * to never moves). Each thread keeps its recent copies by list address,
 * so most look-ups take neither the lock nor a hash. A copy is known by
 * the list's address and its first entry: lists are static (wordset.h),
 * and comparing every entry, as the registry does when it builds a set,
 * cost more than the look-up. */
#define RECENT_SETS 64

static _Thread_local list_set recent[RECENT_SETS];

static const list_set *set_of(const char *const *list)
{
    list_set *cached = &recent[((uintptr_t)list >> 4) % RECENT_SETS];
    if (cached->set.n_slots && cached->list == list && cached->first_field == 0 && cached->entries[0] == list[0])
        return cached;
    pthread_mutex_lock(&registry_lock);
    const list_set *ls = build_set(list, 0);
    *cached = ls ? *ls : (list_set){0};
    pthread_mutex_unlock(&registry_lock);
    return cached;
}

static int slow_index(const char *const *list, const char *s, size_t len)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == len && strncasecmp(list[k], s, len) == 0)
            return k;
    return -1;
}

/* The index in ls of s[0..len) ignoring ASCII case, or -1. */
static int index_in(const list_set *ls, const char *s, size_t len)
{
    char buf[MAX_LIST_WORD];
    if (len > 0 && len <= SHORT_KEY && !filter_may_hold(ls, s, len))
        return -1;
    uint32_t id = px_map_find(&ls->set, buf, lower_ascii(s, len, buf));
    return id == PX_MAP_NONE ? -1 : ls->first[id];
}

int px_word_index(const char *const *list, const char *s, size_t len)
{
    if (len > MAX_LIST_WORD)
        return -1;
    const list_set *ls = set_of(list);
    if (!ls->set.n_slots)
        return slow_index(list, s, len);
    return index_in(ls, s, len);
}

const px_word_set *px_word_set_of(const char *const *list, int first_field)
{
    pthread_mutex_lock(&registry_lock);
    const list_set *ls = build_set(list, first_field != 0);
    pthread_mutex_unlock(&registry_lock);
    return ls;
}

int px_word_set_index(const px_word_set *set, const char *s, size_t len)
{
    return len > MAX_LIST_WORD ? -1 : index_in(set, s, len);
}
