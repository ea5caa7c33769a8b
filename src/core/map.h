/* map.h - the library's one hash map: byte-string keys (copied into the map)
 * to dense ids 0, 1, 2, ... in insertion order, open addressing over xxHash.
 * A map is what a vocabulary, a lexicon or a set of seen keys needs: intern
 * a key, get its id; the caller keeps per-id data in its own arrays.
 * Not installed. */
#ifndef PARALLAX_MAP_H
#define PARALLAX_MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_map_block px_map_block;

typedef struct px_map {
    uint64_t *slots;  /* high 32 bits: the key's hash tag; low 32: id + 1, 0 = empty */
    size_t n_slots;   /* a power of two, at least twice n */
    char **keys;      /* id -> key (NUL-terminated copy, never moves) */
    uint32_t *lens;   /* id -> key length */
    size_t n, cap;
    px_map_block *blocks; /* the key copies, bump-allocated */
} px_map;

#define PX_MAP_NONE UINT32_MAX

/* The id of key, or PX_MAP_NONE when it was never interned. */
uint32_t px_map_find(const px_map *m, const char *key, size_t len);
/* The id of key, added with the next id when new; PX_MAP_NONE when out of
 * memory. *added (may be NULL) tells whether it was new. */
uint32_t px_map_intern(px_map *m, const char *key, size_t len, int *added);
/* The key of an id (NUL-terminated) and its length. */
static inline const char *px_map_key(const px_map *m, uint32_t id) { return m->keys[id]; }
static inline size_t px_map_len(const px_map *m, uint32_t id) { return m->lens[id]; }
void px_map_free(px_map *m);

#endif
