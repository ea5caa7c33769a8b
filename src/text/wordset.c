/* wordset.c - membership in hand-written word lists, one hashed lookup
 * each (text/wordset.h). */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/grow.h"
#include "core/map.h"
#include "text/wordset.h"

/* Each NULL-terminated list is turned, on first use, into a set of its
 * entries lower-cased (ASCII, as cl_eq compares), so a membership test is
 * one hashed lookup instead of a case-folding pass over every entry. The
 * registry finds a list's set by its address and its entries' addresses
 * (string literals never change; a list written as a compound literal
 * inside a function may reuse an address with other entries); sets never
 * change once built, so only finding them takes the lock. */

#define MAX_LIST_WORD 128

typedef struct list_set {
    const char *const *list;
    const char **entries; /* a copy of the list's entry pointers, NULL-terminated */
    size_t n;
    px_map set;
    int *first;           /* set id -> index of its first entry in the list */
} list_set;

static list_set *registry;
static size_t registry_n, registry_cap;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t lower_ascii(const char *s, size_t len, char *out)
{
    for (size_t i = 0; i < len; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    return len;
}

static int same_list(const list_set *ls, const char *const *list)
{
    return ls->list == list && memcmp(ls->entries, list, (ls->n + 1) * sizeof *list) == 0;
}

static const list_set *build_set(const char *const *list)
{
    for (size_t i = 0; i < registry_n; i++)
        if (same_list(&registry[i], list))
            return &registry[i];
    if (px_grow(&registry, &registry_cap, registry_n + 1, sizeof *registry, 64, 0) != PX_OK)
        return NULL;
    list_set *ls = &registry[registry_n];
    memset(ls, 0, sizeof *ls);
    ls->list = list;
    while (list[ls->n])
        ls->n++;
    if (!(ls->entries = malloc((ls->n + 1) * sizeof *ls->entries)))
        return NULL;
    memcpy(ls->entries, list, (ls->n + 1) * sizeof *list);
    if (!(ls->first = malloc((ls->n + 1) * sizeof *ls->first))) {
        free(ls->entries);
        return NULL;
    }
    char buf[MAX_LIST_WORD];
    for (const char *const *w = list; *w; w++) {
        size_t n = strlen(*w);
        int added = 0;
        uint32_t id = n > MAX_LIST_WORD ? PX_MAP_NONE
                                        : px_map_intern(&ls->set, buf, lower_ascii(*w, n, buf), &added);
        if (id == PX_MAP_NONE) {
            px_map_free(&ls->set);
            free(ls->entries);
            free(ls->first);
            return NULL;
        }
        if (added)
            ls->first[id] = (int)(w - list);
    }
    registry_n++;
    return ls;
}

/* The sets this thread found last, by the list's address: a hit still
 * checks the entries (same_list), but takes no lock and scans no
 * registry. */
#define SET_CACHE 64
static _Thread_local list_set set_cache[SET_CACHE];

static size_t cache_slot(const char *const *list)
{
    return ((uintptr_t)list >> 3) * 0x9e3779b97f4a7c15u >> 58;
}

/* The set of a list, built on first use; empty when out of memory. The
 * registry grows only by appending, but px_grow may move it: sets are
 * looked up under the lock and read after it, from a copy (what it points
 * to never moves). */
static list_set set_of(const char *const *list)
{
    list_set *cached = &set_cache[cache_slot(list)];
    if (cached->list && same_list(cached, list))
        return *cached;
    pthread_mutex_lock(&registry_lock);
    const list_set *ls = build_set(list);
    list_set copy = ls ? *ls : (list_set){0};
    pthread_mutex_unlock(&registry_lock);
    if (ls)
        *cached = copy;
    return copy;
}

static int slow_index(const char *const *list, const char *s, size_t len)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == len && strncasecmp(list[k], s, len) == 0)
            return k;
    return -1;
}

int px_word_index(const char *const *list, const char *s, size_t len)
{
    char buf[MAX_LIST_WORD];
    if (len > MAX_LIST_WORD)
        return -1;
    list_set ls = set_of(list);
    if (!ls.set.n_slots)
        return slow_index(list, s, len);
    uint32_t id = px_map_find(&ls.set, buf, lower_ascii(s, len, buf));
    return id == PX_MAP_NONE ? -1 : ls.first[id];
}
