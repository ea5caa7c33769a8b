/* sort.h - sorting arrays of unsigned integers in linear time: the hash
 * and term id arrays of dedup's shingles and the clusterer's vectors.
 * Not installed. */
#ifndef PARALLAX_SORT_H
#define PARALLAX_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Sorts v[0..n) ascending (the order qsort with an ascending comparison
 * gives). PX_OK, or PX_ENOMEM with v unchanged. */
int px_sort_u32(uint32_t *v, size_t n);

#endif
