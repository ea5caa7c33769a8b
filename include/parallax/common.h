/*
 * parallax/common.h - status codes, error reports and small owned containers
 * shared by every part of the library.
 *
 * Conventions used throughout the API:
 *  - functions that can fail return a px_status (0 on success, negative on
 *    failure) and, when given a non-NULL px_error, fill it with a message;
 *  - every px_X_new() has a px_X_free(); free functions accept NULL;
 *  - strings are UTF-8 and NUL-terminated; a char * member of a struct is
 *    owned by that struct unless its comment says otherwise;
 *  - the library never calls exit() and never writes to stdout or stderr:
 *    problems with individual inputs are reported through callbacks.
 */
#ifndef PARALLAX_COMMON_H
#define PARALLAX_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PX_VERSION "0.1.0"

typedef enum px_status {
    PX_OK = 0,
    PX_EIO = -1,      /* the operating system refused a read or write */
    PX_EFORMAT = -2,  /* the input is not in the format it claims */
    PX_ENOMEM = -3,   /* an allocation failed */
    PX_ELIMIT = -4,   /* the input exceeds a configured limit */
    PX_EUSAGE = -5,   /* the caller passed an invalid argument */
    PX_ESTOP = -6,    /* a callback asked to stop */
    PX_EEMPTY = -7    /* the input holds no article text (an index page, say) */
} px_status;

/* A failure description: what went wrong and where. */
typedef struct px_error {
    int code;            /* a px_status */
    char where[256];     /* file name, or "-" for standard input; may be "" */
    long line;           /* 1-based line number, 0 when not meaningful */
    long long offset;    /* byte offset in the (decompressed) input, -1 if unknown */
    char msg[512];
} px_error;

void px_error_clear(px_error *err);
const char *px_status_name(int code);

/* Called now and then with the work done so far and the total: bytes read
 * when reading, stories done when comparing. */
typedef void (*px_progress_fn)(long long done, long long total, void *ud);

/* A growable list of owned strings. */
typedef struct px_strlist {
    char **items;
    size_t n, cap;
} px_strlist;

int px_strlist_push(px_strlist *l, const char *s);          /* copies s */
void px_strlist_clear(px_strlist *l);

/* A growable byte buffer, always NUL-terminated when data != NULL. */
typedef struct px_buf {
    char *data;
    size_t len, cap;
} px_buf;

int px_buf_reserve(px_buf *b, size_t extra);
int px_buf_append(px_buf *b, const char *s, size_t len);
int px_buf_puts(px_buf *b, const char *s);
int px_buf_printf(px_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *px_buf_steal(px_buf *b); /* returns data (or "" copy) and resets b */
void px_buf_free(px_buf *b);

/* Duplicates at most len bytes; NULL on allocation failure. */
char *px_strndup(const char *s, size_t len);
char *px_strdup(const char *s);

#ifdef __cplusplus
}
#endif
#endif
