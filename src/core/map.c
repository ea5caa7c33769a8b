/* map.c - byte-string keys to dense ids (core/map.h). */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "core/grow.h"
#include "core/map.h"
#include "core/common_internal.h"

/* Keys are copied into blocks that are never moved or freed before the
 * map, so a key's address stays valid for the map's life. */
#define BLOCK_BYTES 65536

struct px_map_block {
    px_map_block *next;
    size_t used, size;
    char data[];
};

static char *copy_key(px_map *m, const char *key, size_t len)
{
    px_map_block *b = m->blocks;
    if (!b || b->size - b->used < len + 1) {
        size_t size = len + 1 > BLOCK_BYTES ? len + 1 : BLOCK_BYTES;
        px_map_block *nb = malloc(sizeof *nb + size);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->size = size;
        /* a block made for one long key goes behind the current one */
        if (b && size > BLOCK_BYTES) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            m->blocks = nb;
        }
        b = nb;
    }
    char *p = b->data + b->used;
    memcpy(p, key, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

/* A slot holds the id and the upper half of the key's hash, so a probe
 * compares keys only when the hashes agree: most probes never touch the
 * key arrays. */
static uint64_t hash_of(const char *key, size_t len)
{
    return XXH3_64bits(key, len);
}

static uint64_t tag_of(uint64_t hash) { return hash & 0xffffffff00000000ull; }

static size_t probe(const px_map *m, const char *key, size_t len, uint64_t hash, uint32_t *id)
{
    size_t mask = m->n_slots - 1;
    uint64_t tag = tag_of(hash);
    for (size_t h = (size_t)hash & mask;; h = (h + 1) & mask) {
        uint64_t s = m->slots[h];
        if (!s) {
            *id = PX_MAP_NONE;
            return h;
        }
        uint32_t cand = (uint32_t)s - 1;
        if (tag_of(s) == tag && m->lens[cand] == len && memcmp(m->keys[cand], key, len) == 0) {
            *id = cand;
            return h;
        }
    }
}

uint32_t px_map_find(const px_map *m, const char *key, size_t len)
{
    uint32_t id = PX_MAP_NONE;
    if (m->n_slots)
        probe(m, key, len, hash_of(key, len), &id);
    return id;
}

static int rehash(px_map *m)
{
    size_t n_slots = m->n_slots ? m->n_slots * 2 : 64;
    uint64_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots)
        return PX_ENOMEM;
    free(m->slots);
    m->slots = slots;
    m->n_slots = n_slots;
    for (size_t id = 0; id < m->n; id++) {
        uint64_t hash = hash_of(m->keys[id], m->lens[id]);
        size_t h = (size_t)hash & (n_slots - 1);
        while (slots[h])
            h = (h + 1) & (n_slots - 1);
        slots[h] = tag_of(hash) | (id + 1);
    }
    return PX_OK;
}

uint32_t px_map_intern(px_map *m, const char *key, size_t len, int *added)
{
    if (added)
        *added = 0;
    uint64_t hash = hash_of(key, len);
    uint32_t id = PX_MAP_NONE;
    if (m->n_slots)
        probe(m, key, len, hash, &id);
    if (id != PX_MAP_NONE)
        return id;
    if (m->n + 1 >= PX_MAP_NONE || len > UINT32_MAX)
        return PX_MAP_NONE;
    if ((m->n + 1) * 2 > m->n_slots && rehash(m) != PX_OK)
        return PX_MAP_NONE;
    size_t cap = m->cap;
    if (px_grow(&m->keys, &cap, m->n + 1, sizeof *m->keys, 64, 0) != PX_OK ||
        px_grow(&m->lens, &m->cap, m->n + 1, sizeof *m->lens, 64, 0) != PX_OK)
        return PX_MAP_NONE;
    char *copy = copy_key(m, key, len);
    if (!copy)
        return PX_MAP_NONE;
    id = (uint32_t)m->n++;
    m->keys[id] = copy;
    m->lens[id] = (uint32_t)len;
    size_t h = probe(m, key, len, hash, &(uint32_t){0});
    m->slots[h] = tag_of(hash) | ((uint64_t)id + 1);
    if (added)
        *added = 1;
    return id;
}

void px_map_free(px_map *m)
{
    for (px_map_block *b = m->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(m->keys);
    free(m->lens);
    free(m->slots);
    memset(m, 0, sizeof *m);
}
