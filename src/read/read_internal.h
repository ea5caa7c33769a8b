/* read_internal.h - helpers the readers share; not installed. */
#ifndef PARALLAX_READ_INTERNAL_H
#define PARALLAX_READ_INTERNAL_H

#include <stddef.h>

/* The outlet key in a file name "KEY--slug.ext", else its stem. */
int px_source_key_from_path(const char *path, char *out, size_t cap);
/* The host of an article URL without "www." (the outlet key of a web page). */
int px_source_key_from_url(const char *url, char *out, size_t cap);

#endif
