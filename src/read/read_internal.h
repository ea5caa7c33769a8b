/* read_internal.h - helpers the readers share; not installed. */
#ifndef PARALLAX_READ_INTERNAL_H
#define PARALLAX_READ_INTERNAL_H

#include <stddef.h>
#include "parallax/read.h"

/* The outlet key in a file name "KEY--slug.ext", else its stem. */
int px_source_key_from_path(const char *path, char *out, size_t cap);
/* The host of an article URL without "www." (the outlet key of a web page). */
int px_source_key_from_url(const char *url, char *out, size_t cap);

/* The page's own publisher name (JSON-LD, og:site_name) when it names the
 * site it came from: some segment of it ("A | tagline") spells a label of
 * the host by the starts of its words, in order ("Wall Street Journal" for
 * wsj.com, "NBC 5 Dallas-Fort Worth" for nbcdfw.com). A platform
 * ("Blogger"), a section ("U.S.") or a syndicator's name ("MSN" on cnn.com)
 * does not, nor does a lower-case slug equal to the label ("nj"): the host
 * then names the outlet. Writes the fitting segment to out; 0 when none fits. */
int px_source_name_fits_host(const char *name, const char *host, char *out, size_t cap);

/* Reads up to n decompressed bytes; returns bytes read, 0 at end, <0 on error
 * (err filled). */
long px_input_read(px_input *in, void *buf, size_t n, px_error *err);

/* Peeks at the first up to n decompressed bytes without consuming them. */
long px_input_peek(px_input *in, const void **data, size_t n, px_error *err);

/* Reads one line (without its "\n" or "\r\n") into line. Returns 1 when a
 * line was read, 0 at end of input, PX_ELIMIT when the line is longer than
 * max bytes (the rest of that line is skipped, so the caller may go on) and
 * other negative codes on error. */
int px_input_getline(px_input *in, px_buf *line, size_t max, px_error *err);

/* Caps what a compressed input may decompress to (see px_read_opts:
 * max_decompressed, max_expansion; 0 = no cap): past it, reads fail with
 * PX_EFORMAT naming the compressed offset, as corrupt data does. */
void px_input_limit(px_input *in, long long max_out, double max_expansion);
const char *px_input_name(const px_input *in);
long long px_input_offset(const px_input *in);   /* decompressed bytes consumed */
long long px_input_raw_offset(const px_input *in); /* compressed bytes consumed */
long long px_input_raw_size(const px_input *in);   /* file size, -1 if unknown */
/* For gzip input: the compressed offset of the member that produced the
 * decompressed byte at offset (px_input_offset() counts those), so that a
 * record in a .warc.gz can be found again by seeking to its member. -1 for
 * other inputs and for members too far back (the last 4096 are kept).
 * Peek at a byte first to be sure its member has been started. */
long long px_input_member_at(const px_input *in, long long offset);
/* In a multi-member gzip file a corrupt member is skipped up to the next
 * member header. Returns 1 and describes the last skip in msg once after
 * it happened, else 0. */
int px_input_take_recovery(px_input *in, char *msg, size_t cap);

#endif
