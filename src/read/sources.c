/* sources.c - the sources file: outlet keys (domains or short names) mapped
 * to display name, leaning and country. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallax/read.h"
#include "read/read_internal.h"
#include "core/common_internal.h"

typedef struct source_row {
    char *key, *name, *leaning, *country;
} source_row;

struct px_sources {
    source_row *rows;
    size_t n, cap;
};

static void trim(char **s, size_t *len)
{
    while (*len && isspace((unsigned char)**s))
        (*s)++, (*len)--;
    while (*len && isspace((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

/* Splits one CSV/TSV line into at most 4 fields; handles "quoted, fields". */
static int split_fields(const char *line, char sep, char *fields[4])
{
    int n = 0;
    const char *p = line;
    while (n < 4) {
        px_buf f = {0};
        if (*p == '"') {
            for (p++; *p; p++) {
                if (*p == '"' && p[1] == '"')
                    px_buf_append(&f, p++, 1);
                else if (*p == '"')
                    break;
                else
                    px_buf_append(&f, p, 1);
            }
            if (*p == '"')
                p++;
            while (*p && *p != sep)
                p++;
        } else {
            const char *end = strchr(p, sep);
            size_t len = end ? (size_t)(end - p) : strlen(p);
            px_buf_append(&f, p, len);
            p += len;
        }
        char *s = f.data ? f.data : "";
        size_t len = f.len;
        trim(&s, &len);
        fields[n++] = px_strndup(s, len);
        px_buf_free(&f);
        if (*p != sep)
            break;
        p++;
    }
    return n;
}

static int add_row(px_sources *s, char *fields[4], int n)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        source_row *rows = realloc(s->rows, cap * sizeof *rows);
        if (!rows)
            return PX_ENOMEM;
        s->rows = rows;
        s->cap = cap;
    }
    source_row *r = &s->rows[s->n++];
    r->key = fields[0];
    r->name = n > 1 && *fields[1] ? fields[1] : px_strdup(fields[0]);
    if (n > 1 && !*fields[1])
        free(fields[1]);
    r->leaning = n > 2 && *fields[2] ? fields[2] : NULL;
    if (n > 2 && !r->leaning)
        free(fields[2]);
    r->country = n > 3 && *fields[3] ? fields[3] : NULL;
    if (n > 3 && !r->country)
        free(fields[3]);
    return PX_OK;
}

/* Reads the rows of a sources file from in; name is what errors call it. */
static int read_sources(px_sources **out, px_input *in, const char *name, px_error *err)
{
    px_sources *s = calloc(1, sizeof *s);
    px_buf line = {0};
    long lineno = 0;
    char sep = 0;
    int rc = PX_OK;
    while (s && (rc = px_input_getline(in, &line, 1 << 16, err)) == 1) {
        lineno++;
        if (!line.len || line.data[0] == '#')
            continue;
        if (!sep)
            sep = strchr(line.data, '\t') ? '\t' : ',';
        char *fields[4] = {0};
        int n = split_fields(line.data, sep, fields);
        int oom = 0;
        for (int i = 0; i < n; i++)
            oom |= !fields[i];
        int header = !oom && lineno == 1 && strcasecmp(fields[0], "key") == 0;
        if (oom || header || !*fields[0]) {
            for (int i = 0; i < n; i++)
                free(fields[i]);
            if (header)
                continue;
            rc = oom ? px_error_set(err, PX_ENOMEM, "out of memory")
                     : px_error_set(err, PX_EFORMAT, "%s:%ld: empty key", name, lineno);
            break;
        }
        if (add_row(s, fields, n)) {
            rc = PX_ENOMEM;
            break;
        }
    }
    if (rc < 0 && err) {
        err->line = lineno;
        snprintf(err->where, sizeof err->where, "%s", name);
    }
    px_buf_free(&line);
    if (!s)
        return px_error_set(err, PX_ENOMEM, "out of memory");
    if (rc < 0) {
        px_sources_free(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

int px_sources_load(px_sources **out, const char *path, px_error *err)
{
    *out = NULL;
    px_input *in;
    int rc = px_input_open(&in, path, err);
    if (rc)
        return err ? px_error_set(err, rc, "%s: %.400s", path, err->msg) : rc;
    rc = read_sources(out, in, path, err);
    px_input_close(in);
    return rc;
}

int px_sources_parse(px_sources **out, const char *text, size_t len, const char *name, px_error *err)
{
    *out = NULL;
    px_input *in;
    int rc = px_input_open_memory(&in, text, len, name, err);
    if (rc)
        return rc;
    rc = read_sources(out, in, name, err);
    px_input_close(in);
    return rc;
}

void px_sources_free(px_sources *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->rows[i].key);
        free(s->rows[i].name);
        free(s->rows[i].leaning);
        free(s->rows[i].country);
    }
    free(s->rows);
    free(s);
}

size_t px_sources_count(const px_sources *s)
{
    return s ? s->n : 0;
}

#define NAME_WORDS 32
#define LABEL_MAX 64
/* Characters a host label may leave unspelt at its end ("theparadigmng":
 * a country code). */
#define LABEL_SLACK 2

typedef struct name_words {
    char w[NAME_WORDS][LABEL_MAX];
    size_t n;
} name_words;

/* ASCII letters and digits of name as lower-case words. */
static void split_name_words(const char *name, size_t len, name_words *nw)
{
    nw->n = 0;
    size_t k = 0;
    for (size_t i = 0; i <= len; i++) {
        int c = i < len ? (unsigned char)name[i] : 0;
        if (c < 0x80 && isalnum(c)) {
            if (k < LABEL_MAX - 1 && nw->n < NAME_WORDS)
                nw->w[nw->n][k++] = (char)tolower(c);
        } else if (k) {
            nw->w[nw->n++][k] = '\0';
            k = 0;
        }
    }
}

/* Can label[at..] be spelt by starts of words from word j on (words may be
 * skipped)? memo: 0 unknown, 1 yes, 2 no. */
static int spells(const char *label, size_t len, size_t at, const name_words *nw, size_t j,
                  unsigned char memo[LABEL_MAX][NAME_WORDS + 1])
{
    if (at == len || (at > 0 && len - at <= LABEL_SLACK && j == nw->n))
        return 1;
    if (j == nw->n)
        return 0;
    if (memo[at][j])
        return memo[at][j] == 1;
    int ok = spells(label, len, at, nw, j + 1, memo);
    for (size_t k = 0; !ok && nw->w[j][k] && at + k < len && nw->w[j][k] == label[at + k]; k++)
        ok = spells(label, len, at + k + 1, nw, j + 1, memo);
    memo[at][j] = ok ? 1 : 2;
    return ok;
}

static int label_spelt(const char *label, size_t len, const name_words *nw)
{
    static const char *const generic[] = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"};
    if (!len || len >= LABEL_MAX)
        return 0;
    char l[LABEL_MAX];
    for (size_t i = 0; i < len; i++)
        l[i] = (char)tolower((unsigned char)label[i]);
    for (size_t g = 0; g < sizeof generic / sizeof *generic; g++)
        if (strlen(generic[g]) == len && !memcmp(generic[g], l, len))
            return 0;
    unsigned char memo[LABEL_MAX][NAME_WORDS + 1];
    memset(memo, 0, sizeof memo);
    return spells(l, len, 0, nw, 0, memo);
}

/* Does the segment name[0..len) spell a label of host (its last, the
 * top-level domain, excepted)? */
static int segment_fits(const char *name, size_t len, const char *host)
{
    int ascii_letters = 0, upper = 0;
    for (size_t i = 0; i < len; i++) {
        ascii_letters |= isalpha((unsigned char)name[i]) && (unsigned char)name[i] < 0x80;
        upper |= isupper((unsigned char)name[i]);
    }
    if (!ascii_letters)
        return 1; /* a name in another script cannot be compared with a host */
    name_words nw;
    split_name_words(name, len, &nw);
    const char *last_dot = strrchr(host, '.');
    for (const char *p = host; last_dot && p < last_dot;) {
        size_t n = strcspn(p, ".");
        int slug = !upper && nw.n == 1 && strlen(nw.w[0]) == n && !strncasecmp(nw.w[0], p, n);
        if (!slug && label_spelt(p, n, &nw))
            return 1;
        p += n + 1;
    }
    return 0;
}

/* Where the first segment of s ends, and the length of the separator there
 * (0 at the end of s). */
static size_t segment_end(const char *s, size_t *sep_len)
{
    static const char *const separators[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " : ", " \xc2\xb7 "};
    size_t end = strlen(s);
    *sep_len = 0;
    for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
        const char *at = strstr(s, separators[i]);
        if (at && (size_t)(at - s) < end) {
            end = (size_t)(at - s);
            *sep_len = strlen(separators[i]);
        }
    }
    return end;
}

int px_source_name_fits_host(const char *name, const char *host, char *out, size_t cap)
{
    for (const char *seg = name; *seg;) {
        while (*seg == ' ' || *seg == '@')
            seg++;
        size_t sep_len, end = segment_end(seg, &sep_len), len = end;
        while (len && seg[len - 1] == ' ')
            len--;
        if (len && len < cap && segment_fits(seg, len, host)) {
            memcpy(out, seg, len);
            out[len] = '\0';
            return 1;
        }
        seg += end + sep_len;
    }
    return 0;
}

/* Host of a URL without "www.", into out. */
int px_source_key_from_url(const char *url, char *out, size_t cap)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return 0;
    p += 3;
    if (strncasecmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = strcspn(p, "/:?#");
    if (!n || n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)p[i]);
    out[n] = '\0';
    return 1;
}

/* Does host equal key or end with "." key? */
static int host_matches(const char *host, const char *key)
{
    size_t h = strlen(host), k = strlen(key);
    if (h == k)
        return strcasecmp(host, key) == 0;
    return h > k && host[h - k - 1] == '.' && strcasecmp(host + h - k, key) == 0;
}

/* The outlet key a file name carries: the part of "KEY--slug.txt" before
 * "--", else the whole stem. */

int px_source_key_from_path(const char *path, char *out, size_t cap)
{
    if (!path || strcmp(path, "-") == 0)
        return 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dash = strstr(base, "--");
    size_t n = dash ? (size_t)(dash - base) : strcspn(base, ".");
    if (!n || n >= cap)
        return 0;
    memcpy(out, base, n);
    out[n] = '\0';
    return 1;
}

static int apply_row(const source_row *r, px_article *a)
{
    if (px_set_str(&a->source, r->name) || px_set_str(&a->source_key, r->key) ||
        px_set_str(&a->leaning, r->leaning) || px_set_str(&a->country, r->country))
        return PX_ENOMEM;
    return 1;
}

int px_sources_apply(const px_sources *s, px_article *a)
{
    if (!s)
        return 0;
    char host[256], key[256];
    if (px_source_key_from_url(a->url, host, sizeof host))
        for (size_t i = 0; i < s->n; i++)
            if (host_matches(host, s->rows[i].key))
                return apply_row(&s->rows[i], a);
    if (a->source)
        for (size_t i = 0; i < s->n; i++)
            if (strcasecmp(a->source, s->rows[i].key) == 0 ||
                strcasecmp(a->source, s->rows[i].name) == 0)
                return apply_row(&s->rows[i], a);
    if (!a->source && px_source_key_from_path(a->input_path, key, sizeof key))
        for (size_t i = 0; i < s->n; i++)
            if (strcasecmp(key, s->rows[i].key) == 0)
                return apply_row(&s->rows[i], a);
    return 0;
}
