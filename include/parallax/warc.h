/*
 * parallax/warc.h - a streaming reader of WARC 1.0 and 1.1 files (ISO 28500),
 * plain or gzip-compressed (one or many members; the usual .warc.gz has one
 * member per record). One record is in memory at a time and its block is
 * capped, so files of any size can be read.
 */
#ifndef PARALLAX_WARC_H
#define PARALLAX_WARC_H

#include "read.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_warc_record {
    char version[16];     /* "WARC/1.0" */
    char *type;           /* WARC-Type: response, resource, request, ... */
    char *target_uri;     /* WARC-Target-URI, or NULL */
    char *date;           /* WARC-Date as written, or NULL */
    char *record_id;      /* WARC-Record-ID, or NULL */
    char *content_type;   /* Content-Type of the block, or NULL */
    long long content_length;
    long long offset;     /* where the record starts: in a gzip file the
                             compressed offset of its member (seek there and
                             decompress), else the byte offset; -1 if unknown */
    long long data_offset;/* decompressed offset of the "WARC/" line */
    px_buf block;         /* the record block (for a response: HTTP head + body) */
} px_warc_record;

typedef struct px_warc px_warc;

/* Reads records from in (not owned; close it after px_warc_free). Blocks
 * larger than max_record bytes (0 = PX_DEFAULT_MAX_RECORD) are skipped. */
int px_warc_open(px_warc **out, px_input *in, size_t max_record, px_error *err);
void px_warc_free(px_warc *w);

/* Reads the next record into rec (its previous contents are replaced).
 * Returns 1 for a record, 0 at the end, and on a bad record PX_EFORMAT or
 * PX_ELIMIT with err naming its offset and the problem (a header that is
 * not WARC, a missing Content-Length, a Content-Length that does not match
 * the record, a block over the cap): call again to go on with the next
 * record, which the reader finds by looking for the next "WARC/1." line.
 * PX_EIO (err says why: a truncated or corrupt compressed stream, a read
 * error) means the input failed and nothing more can be read. */
int px_warc_next(px_warc *w, px_warc_record *rec, px_error *err);
void px_warc_record_clear(px_warc_record *rec);

#ifdef __cplusplus
}
#endif
#endif
