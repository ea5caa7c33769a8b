/* sort.h - sorting arrays of unsigned integers in linear time (radix
 * sort; insertion sort for short arrays): dedup's shingle hashes, the
 * clusterer's name terms, the cleaner's sentence terms; and finding a
 * value in a sorted array. Not installed. */
#ifndef PARALLAX_SORT_H
#define PARALLAX_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Sorts v[0..n) ascending (the order qsort with an ascending comparison
 * gives). PX_OK, or PX_ENOMEM with v unchanged. */
int px_sort_u32(uint32_t *v, size_t n);
int px_sort_u64(uint64_t *v, size_t n);

/* The first index of the ascending v[0..n) whose value is not below x; n
 * when there is none. */
size_t px_lower_bound_u64(const uint64_t *v, size_t n, uint64_t x);

#endif
