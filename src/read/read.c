/* read.c - walks the inputs (files, folders, standard input), picks a
 * reader per format and finishes each article (source, language, id)
 * before handing it on. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <cjson/cJSON.h>

#include "parallax/read.h"
#include "parallax/text.h"
#include "read/read_internal.h"
#include "text/text_internal.h"
#include "core/map.h"
#include "parallax/html.h"
#include "parallax/http.h"
#include "parallax/warc.h"

/* State of one px_read_paths call. */
typedef struct reader {
    const px_read_opts *o;
    px_article_fn fn;
    void *ud;
    int failures;
    int stopped;
    long long done_before; /* raw bytes of the inputs already finished */
    long long total;
    px_map seen; /* (device, inode) of every folder and file taken */
    px_map unstemmed; /* languages already reported as having no stemmer */
} reader;

typedef int (*format_reader)(reader *r, px_input *in);
/* Does this input, by its first bytes, look like the format? */
typedef int (*format_sniffer)(const char *head, size_t n);

typedef struct format {
    const char *name;
    const char *const *exts; /* without the dot, after .gz/.zst are stripped */
    format_sniffer sniff;    /* NULL: the fallback format */
    format_reader read;
} format;

static void report(reader *r, px_severity sev, const char *path, long line, long long offset,
                   const char *msg)
{
    if (sev == PX_ERROR)
        r->failures++;
    if (r->o->diag) {
        px_diag d = {sev, path, line, offset, msg};
        r->o->diag(&d, r->o->diag_ud);
    }
}

static void progress(reader *r, px_input *in)
{
    if (r->o->progress)
        r->o->progress(r->done_before + px_input_raw_offset(in), r->total, r->o->progress_ud);
}

/* Declared languages shorter than this much text are not second-guessed:
 * detection on a few words is a guess (BENCHMARKS.md, "Language
 * identification"). */
#define OVERRULE_BYTES 200

static int same_language(const char *tag, const char *code)
{
    size_t n = strcspn(tag, "-_");
    return n == strlen(code) && strncasecmp(tag, code, n) == 0;
}

/* The article's language, which every later stage uses: what the page or
 * record declares (else --lang), checked against the language its text
 * reads as; the text wins when they disagree on enough text, and decides
 * alone when nothing is declared. "en" when neither can tell. */
static int settle_language(reader *r, px_article *a, const char *path, long line, long long offset)
{
    const char *text = a->body && *a->body ? a->body : a->title;
    size_t len = text ? strlen(text) : 0;
    const char *found = px_detect_language(text, len);
    if (!a->language && r->o->language)
        if (px_set_str(&a->language, r->o->language))
            return PX_ENOMEM;
    if (a->language) {
        if (!found || same_language(a->language, found) || len < OVERRULE_BYTES)
            return PX_OK;
        char msg[200];
        snprintf(msg, sizeof msg, "declared language '%.20s' but the text reads as '%s': using '%s'",
                 a->language, found, found);
        report(r, PX_WARNING, path, line, offset, msg);
    }
    return px_set_str(&a->language, found ? found : "en");
}

/* Text in a language Snowball has no stemmer for is matched word for word
 * (the lexicon's terms are its lower-case forms): said once per language
 * and reading run. */
static int note_unstemmed(reader *r, const px_article *a, const char *path, long line, long long offset)
{
    if (!a->language || px_has_stemmer(a->language))
        return PX_OK;
    int added = 0;
    if (px_map_intern(&r->unstemmed, a->language, strlen(a->language), &added) == PX_MAP_NONE)
        return PX_ENOMEM;
    if (added) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "no stemmer for language '%.20s': its words are compared unstemmed (said once)", a->language);
        report(r, PX_WARNING, path, line, offset, msg);
    }
    return PX_OK;
}

/* Fills what the reader could not know, then hands the article on. */
static int finish_article(reader *r, px_article *a, const char *path, long line, long long offset)
{
    char key[256];
    int rc = PX_OK;
    if (!a->input_path)
        rc |= px_set_str(&a->input_path, path);
    a->input_line = line;
    a->input_offset = offset;
    if (r->o->source)
        rc |= px_set_str(&a->source, r->o->source);
    if (r->o->sources)
        rc |= px_sources_apply(r->o->sources, a) < 0;
    /* A page names its outlet by its domain; a file by its name. */
    if (!a->source && (px_source_key_from_url(a->url, key, sizeof key) ||
                       px_source_key_from_path(path, key, sizeof key)))
        rc |= px_set_str(&a->source, key);
    rc |= settle_language(r, a, path, line, offset);
    if (!rc)
        rc |= note_unstemmed(r, a, path, line, offset);
    /* The id is computed from the text as read, so cleaning rules may change
     * without changing ids. */
    rc |= px_article_compute_id(a);
    if (rc) {
        px_article_free(a);
        report(r, PX_ERROR, path, line, offset, "out of memory");
        return PX_ENOMEM;
    }
    if (r->fn(a, r->ud)) {
        r->stopped = 1;
        return PX_ESTOP;
    }
    return PX_OK;
}

/* Invalid UTF-8 is repaired and reported as a warning; NUL bytes mean the
 * input is binary and it is refused. */
static int check_text(reader *r, px_buf *b, const char *path, long line, long long base)
{
    char msg[160];
    const char *nul = memchr(b->data, '\0', b->len);
    if (nul) {
        snprintf(msg, sizeof msg, "binary data (NUL byte at offset %lld), not text",
                 base + (long long)(nul - b->data));
        report(r, PX_ERROR, path, line, base, msg);
        return PX_EFORMAT;
    }
    long long first_bad;
    size_t bad = px_utf8_repair(b, &first_bad);
    if (bad) {
        snprintf(msg, sizeof msg, "invalid UTF-8 (%zu byte%s, first at offset %lld) replaced by U+FFFD",
                 bad, bad == 1 ? "" : "s", base + first_bad);
        report(r, PX_WARNING, path, line, base, msg);
    }
    return PX_OK;
}

static size_t max_record(const reader *r)
{
    return r->o->max_record ? r->o->max_record : PX_DEFAULT_MAX_RECORD;
}

static int read_txt(reader *r, px_input *in)
{
    const char *path = px_input_name(in);
    px_buf text = {0};
    px_error err;
    px_error_clear(&err);
    int rc = px_input_read_all(in, &text, max_record(r), &err);
    if (rc == PX_OK && text.len == 0) {
        report(r, PX_ERROR, path, 0, -1, "empty file, no article");
    } else if (rc != PX_OK) {
        report(r, PX_ERROR, path, 0, -1, err.msg);
    } else if (check_text(r, &text, path, 0, 0) == PX_OK) {
        px_article *a = px_article_new();
        if (!a || px_set_str(&a->input_path, path)) {
            px_article_free(a);
            report(r, PX_ERROR, path, 0, -1, "out of memory");
        } else if ((rc = px_parse_txt(text.data, text.len, a, &err)) != PX_OK) {
            px_article_free(a);
            report(r, PX_ERROR, path, 0, -1, err.msg);
        } else if (r->o->verbatim && px_set_strn(&a->body, text.data, text.len)) {
            px_article_free(a);
            report(r, PX_ERROR, path, 0, -1, "out of memory");
        } else {
            finish_article(r, a, path, 0, -1);
        }
    }
    px_buf_free(&text);
    return PX_OK;
}

static int read_jsonl(reader *r, px_input *in)
{
    const char *path = px_input_name(in);
    px_buf line = {0};
    px_error err;
    long lineno = 0;
    int rc;
    for (;;) {
        long long offset = px_input_offset(in);
        px_error_clear(&err);
        rc = px_input_getline(in, &line, max_record(r), &err);
        if (rc == 0)
            break;
        lineno++;
        if (rc == PX_ELIMIT) {
            report(r, PX_ERROR, path, lineno, offset, err.msg);
            continue;
        }
        if (rc < 0) {
            report(r, PX_ERROR, path, lineno, offset, err.msg);
            break;
        }
        if ((lineno & 63) == 0)
            progress(r, in);
        size_t k = 0;
        while (k < line.len && strchr(" \t\r", line.data[k]))
            k++;
        if (k == line.len)
            continue;
        if (check_text(r, &line, path, lineno, offset) != PX_OK)
            continue;
        px_article *a = px_article_new();
        if (!a) {
            report(r, PX_ERROR, path, lineno, offset, "out of memory");
            break;
        }
        px_error_clear(&err);
        if (px_parse_json_article(line.data, line.len, a, &err) != PX_OK) {
            report(r, PX_ERROR, path, lineno, offset, err.msg);
            px_article_free(a);
            continue;
        }
        if (err.msg[0])
            report(r, PX_WARNING, path, lineno, offset, err.msg);
        if (finish_article(r, a, path, lineno, offset) == PX_ESTOP)
            break;
    }
    px_buf_free(&line);
    return PX_OK;
}

/* One web page per file. */
static int read_html(reader *r, px_input *in)
{
    const char *path = px_input_name(in);
    px_buf page = {0};
    px_error err;
    px_error_clear(&err);
    int rc = px_input_read_all(in, &page, max_record(r), &err);
    if (rc != PX_OK) {
        report(r, PX_ERROR, path, 0, -1, err.msg);
    } else {
        px_article *a = px_article_new();
        px_error_clear(&err);
        if (!a) {
            report(r, PX_ERROR, path, 0, -1, "out of memory");
        } else if (px_html_to_article(page.data, page.len, NULL, NULL, a, &err) != PX_OK) {
            report(r, PX_ERROR, path, 0, -1, err.msg);
            px_article_free(a);
        } else {
            if (err.msg[0])
                report(r, PX_WARNING, path, 0, -1, err.msg);
            finish_article(r, a, path, 0, -1);
        }
    }
    px_buf_free(&page);
    return PX_OK;
}

/* ---- WARC ------------------------------------------------------------- */

static int is_html_type(const char *ct)
{
    if (!ct)
        return 0;
    while (*ct == ' ')
        ct++;
    return strncasecmp(ct, "text/html", 9) == 0 || strncasecmp(ct, "application/xhtml", 17) == 0;
}

/* The provenance kept in extra.warc (docs/formats.md). */
static int add_warc_extra(px_article *a, const px_warc_record *rec, int status)
{
    cJSON *o = cJSON_CreateObject(), *w = cJSON_AddObjectToObject(o, "warc");
    if (!w) {
        cJSON_Delete(o);
        return PX_ENOMEM;
    }
    cJSON_AddNumberToObject(w, "offset", (double)rec->offset);
    cJSON_AddStringToObject(w, "type", rec->type);
    cJSON_AddNumberToObject(w, "status", status);
    if (rec->record_id)
        cJSON_AddStringToObject(w, "record_id", rec->record_id);
    if (rec->date)
        cJSON_AddStringToObject(w, "date", rec->date);
    char *json = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!json)
        return PX_ENOMEM;
    free(a->extra_json);
    a->extra_json = json;
    return PX_OK;
}

/* One response or resource record: HTTP decoding (responses), HTML check,
 * extraction. Records that are not HTML pages are skipped silently. */
static void warc_record(reader *r, const char *path, const px_warc_record *rec)
{
    if (!rec->type || (strcmp(rec->type, "response") && strcmp(rec->type, "resource")))
        return;
    px_http_response http = {0};
    px_error err;
    px_error_clear(&err);
    const char *payload = rec->block.data;
    size_t payload_len = rec->block.len;
    const char *ct = rec->content_type;
    int status = 200;
    px_buf body = {0};
    if (!strcmp(rec->type, "response")) {
        if (!rec->content_type || strncasecmp(rec->content_type, "application/http", 16) != 0 ||
            payload_len < 5 || memcmp(payload, "HTTP/", 5) != 0)
            return; /* DNS, FTP or other non-HTTP responses */
        if (px_http_parse_head(payload, payload_len, &http, &err) != PX_OK) {
            report(r, PX_ERROR, path, 0, rec->offset, err.msg);
            goto done;
        }
        status = http.status;
        ct = px_http_header(&http, "Content-Type");
        if (status < 200 || status >= 300 || !is_html_type(ct))
            goto done;
        int rc = px_http_decode_body(&http, payload + http.body_offset, payload_len - http.body_offset,
                                     max_record(r), &body, &err);
        if (rc != PX_OK && !(rc == PX_EFORMAT && body.len > 0)) {
            report(r, PX_ERROR, path, 0, rec->offset, err.msg);
            goto done;
        }
        if (rc != PX_OK)
            report(r, PX_WARNING, path, 0, rec->offset, err.msg);
        payload = body.data;
        payload_len = body.len;
    } else if (!is_html_type(ct)) {
        goto done;
    }
    px_article *a = px_article_new();
    if (!a || px_set_str(&a->input_path, path)) {
        px_article_free(a);
        report(r, PX_ERROR, path, 0, rec->offset, "out of memory");
        goto done;
    }
    px_error_clear(&err);
    int rc = px_html_to_article(payload ? payload : "", payload_len, rec->target_uri, ct, a, &err);
    if (rc != PX_OK) {
        /* A crawl holds index and listing pages: skipping one is no failure. */
        report(r, rc == PX_EEMPTY ? PX_WARNING : PX_ERROR, path, 0, rec->offset, err.msg);
        px_article_free(a);
        goto done;
    }
    if (err.msg[0])
        report(r, PX_WARNING, path, 0, rec->offset, err.msg);
    char iso[32];
    if (!a->date && rec->date && px_date_parse(rec->date, iso) == PX_OK)
        px_set_str(&a->date, iso); /* the capture date stands in for the publication date */
    if (add_warc_extra(a, rec, status) != PX_OK) {
        px_article_free(a);
        report(r, PX_ERROR, path, 0, rec->offset, "out of memory");
        goto done;
    }
    finish_article(r, a, path, 0, rec->offset);
done:
    px_buf_free(&body);
    px_http_response_clear(&http);
}

static int read_warc(reader *r, px_input *in)
{
    const char *path = px_input_name(in);
    px_warc *w;
    px_error err;
    px_error_clear(&err);
    if (px_warc_open(&w, in, max_record(r), &err) != PX_OK) {
        report(r, PX_ERROR, path, 0, -1, err.msg);
        return PX_OK;
    }
    px_warc_record rec = {0};
    char msg[256];
    for (long n = 1; !r->stopped; n++) {
        px_error_clear(&err);
        int rc = px_warc_next(w, &rec, &err);
        if (px_input_take_recovery(in, msg, sizeof msg))
            report(r, PX_ERROR, path, 0, -1, msg);
        if (rc == 0)
            break;
        if (rc == PX_EFORMAT || rc == PX_ELIMIT) {
            report(r, PX_ERROR, path, 0, rec.offset, err.msg);
            continue;
        }
        if (rc < 0) {
            report(r, PX_ERROR, path, 0, rec.offset, err.msg);
            break;
        }
        warc_record(r, path, &rec);
        if ((n & 15) == 0)
            progress(r, in);
    }
    px_warc_record_clear(&rec);
    px_warc_free(w);
    return PX_OK;
}

static const char *const txt_exts[] = {"txt", "text", NULL};
static const char *const jsonl_exts[] = {"jsonl", "ndjson", "json", NULL};
static const char *const html_exts[] = {"html", "htm", "xhtml", "shtml", NULL};
static const char *const warc_exts[] = {"warc", "arc.warc", NULL};

static int first_non_space_is(const char *head, size_t n, char c)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n", head[i]))
            return head[i] == c;
    return 0;
}

static int sniff_jsonl(const char *head, size_t n)
{
    return first_non_space_is(head, n, '{');
}

static int sniff_warc(const char *head, size_t n)
{
    return n >= 7 && memcmp(head, "WARC/1.", 7) == 0;
}

/* "<!doctype html", "<html", or a page that opens with a comment or <head>. */
static int sniff_html(const char *head, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && strchr(" \t\r\n", head[i]))
        i++;
    static const char *const opens[] = {"<!doctype html", "<html", "<head", "<!--", "<meta", NULL};
    for (const char *const *o = opens; *o; o++) {
        size_t k = strlen(*o);
        if (n - i >= k && strncasecmp(head + i, *o, k) == 0)
            return strcmp(*o, "<!--") != 0 || memmem(head, n, "<html", 5) || memmem(head, n, "<HTML", 5);
    }
    return 0;
}

/* Checked in order by content; the last one, plain text, takes the rest. */
static const format formats[] = {
    {"warc", warc_exts, sniff_warc, read_warc},
    {"jsonl", jsonl_exts, sniff_jsonl, read_jsonl},
    {"html", html_exts, sniff_html, read_html},
    {"txt", txt_exts, NULL, read_txt},
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

/* The extension after stripping a compression suffix, e.g. "warc" for
 * "x.warc.gz"; "" when there is none. */
static void format_ext(const char *path, char *out, size_t cap)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", base);
    char *dot = strrchr(tmp, '.');
    if (dot && (strcasecmp(dot, ".gz") == 0 || strcasecmp(dot, ".zst") == 0 ||
                strcasecmp(dot, ".zstd") == 0)) {
        *dot = '\0';
        dot = strrchr(tmp, '.');
    }
    snprintf(out, cap, "%s", dot ? dot + 1 : "");
}

static const format *format_by_ext(const char *path)
{
    char ext[64];
    format_ext(path, ext, sizeof ext);
    for (size_t i = 0; i < N_FORMATS; i++)
        for (const char *const *e = formats[i].exts; *e; e++)
            if (strcasecmp(ext, *e) == 0)
                return &formats[i];
    return NULL;
}

/* For names no reader claims: the first format whose sniffer accepts the
 * first bytes, else the fallback (plain text). */
static const format *format_by_content(px_input *in)
{
    const void *data = NULL;
    px_error err;
    long n = px_input_peek(in, &data, 4096, &err);
    for (size_t i = 0; i < N_FORMATS; i++)
        if (!formats[i].sniff || (n > 0 && formats[i].sniff(data, (size_t)n)))
            return &formats[i];
    return &formats[N_FORMATS - 1];
}

static void limit_input(px_input *in, const px_read_opts *o)
{
    double expansion = o->max_expansion ? o->max_expansion : PX_DEFAULT_MAX_EXPANSION;
    px_input_limit(in, o->max_decompressed, expansion);
}

/* The options of a caller that gave none. */
static const px_read_opts default_opts;

int px_read_input(px_input *in, const px_read_opts *o, px_article_fn fn, void *ud)
{
    if (!o)
        o = &default_opts;
    limit_input(in, o);
    reader r = {.o = o, .fn = fn, .ud = ud, .total = px_input_raw_size(in)};
    const format *f = format_by_ext(px_input_name(in));
    if (!f)
        f = format_by_content(in);
    f->read(&r, in);
    px_map_free(&r.seen);
    px_map_free(&r.unstemmed);
    return r.stopped ? PX_ESTOP : r.failures;
}

/* ---- walking paths ------------------------------------------------------ */

typedef struct pathlist {
    char **items;
    size_t n, cap;
} pathlist;

static int pathlist_add(pathlist *l, const char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return PX_ENOMEM;
        l->items = items;
        l->cap = cap;
    }
    if (!(l->items[l->n] = px_strdup(p)))
        return PX_ENOMEM;
    l->n++;
    return PX_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is this the first time the walk meets the file or folder? Links make a
 * folder reachable from inside itself, or a file from two places: each is
 * taken once, by its (device, inode). */
static int first_visit(reader *r, const struct stat *st)
{
    uint64_t key[2] = {(uint64_t)st->st_dev, (uint64_t)st->st_ino};
    int added = 1;
    px_map_intern(&r->seen, (const char *)key, sizeof key, &added);
    return added;
}

/* Collects the readable files below dir, sorted, recursively. Files whose
 * extension no reader knows are skipped: folders hold READMEs and such. */
static void walk_dir(reader *r, const char *dir, pathlist *out, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot open folder: %s", strerror(errno));
        report(r, PX_ERROR, dir, 0, -1, msg);
        return;
    }
    pathlist here = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            size_t len = strlen(dir) + strlen(e->d_name) + 2;
            char *p = malloc(len);
            if (!p)
                break;
            snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
            pathlist_add(&here, p);
            free(p);
        }
    closedir(d);
    if (here.n)
        qsort(here.items, here.n, sizeof *here.items, cmp_str);
    for (size_t i = 0; i < here.n; i++) {
        struct stat st;
        if (stat(here.items[i], &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            if (!first_visit(r, &st))
                report(r, PX_WARNING, here.items[i], 0, -1,
                       "folder loop: a link to a folder read already (or being read); skipped");
            else if (depth < 64)
                walk_dir(r, here.items[i], out, depth + 1);
        } else if (format_by_ext(here.items[i]) && first_visit(r, &st)) {
            pathlist_add(out, here.items[i]);
        }
        free(here.items[i]);
        here.items[i] = NULL;
    }
    for (size_t i = 0; i < here.n; i++)
        free(here.items[i]);
    free(here.items);
}

static void read_one(reader *r, const char *path)
{
    px_input *in;
    px_error err;
    px_error_clear(&err);
    if (px_input_open(&in, path, &err) != PX_OK) {
        report(r, PX_ERROR, path, 0, -1, err.msg);
        return;
    }
    limit_input(in, r->o);
    const format *f = format_by_ext(path);
    if (!f)
        f = format_by_content(in);
    f->read(r, in);
    char msg[256];
    if (px_input_take_recovery(in, msg, sizeof msg))
        report(r, PX_ERROR, path, 0, -1, msg);
    r->done_before += px_input_raw_size(in) > 0 ? px_input_raw_size(in) : 0;
    if (r->o->progress)
        r->o->progress(r->done_before, r->total, r->o->progress_ud);
    px_input_close(in);
}

int px_read_paths(const char *const *paths, size_t n, const px_read_opts *o, px_article_fn fn,
                  void *ud)
{
    if (!o)
        o = &default_opts;
    reader r = {.o = o, .fn = fn, .ud = ud};
    pathlist files = {0};
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int known = strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0;
        if (known && !first_visit(&r, &st))
            continue; /* given twice, or inside a folder given before */
        if (known && S_ISDIR(st.st_mode))
            walk_dir(&r, paths[i], &files, 0);
        else
            pathlist_add(&files, paths[i]);
    }
    for (size_t i = 0; i < files.n; i++) {
        struct stat st;
        if (strcmp(files.items[i], "-") != 0 && stat(files.items[i], &st) == 0)
            r.total += (long long)st.st_size;
    }
    for (size_t i = 0; i < files.n && !r.stopped; i++)
        read_one(&r, files.items[i]);
    for (size_t i = 0; i < files.n; i++)
        free(files.items[i]);
    free(files.items);
    px_map_free(&r.seen);
    px_map_free(&r.unstemmed);
    return r.stopped ? PX_ESTOP : r.failures;
}
