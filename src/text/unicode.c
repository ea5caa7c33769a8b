/* unicode.c - the two normal forms every stage uses: NFC for storage and a
 * folded matching form for comparisons, plus byte to code point offsets. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text_internal.h"
#include "parallax/text.h"

int px_is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* A copy of s with invalid UTF-8 replaced by U+FFFD, in *fixed (caller
 * frees); *fixed is NULL when s was already valid. */
static int repaired(const char *s, size_t len, px_buf *fixed)
{
    memset(fixed, 0, sizeof *fixed);
    if (px_utf8_valid(s, len))
        return PX_OK;
    if (px_buf_append(fixed, s, len))
        return PX_ENOMEM;
    long long first_bad;
    px_utf8_repair(fixed, &first_bad);
    return fixed->data ? PX_OK : PX_ENOMEM;
}

static char *map(const char *s, size_t len, utf8proc_option_t opts)
{
    px_buf fixed;
    if (repaired(s, len, &fixed))
        return NULL;
    if (fixed.data) {
        s = fixed.data;
        len = fixed.len;
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                                      opts);
    px_buf_free(&fixed);
    if (n < 0) {
        free(out);
        return NULL;
    }
    return (char *)out;
}

char *px_nfc(const char *s, size_t len)
{
    if (px_is_ascii(s, len))
        return px_strndup(s, len);
    return map(s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

/* The ASCII stand-in of a quote or dash code point, or 0. */
static char fold_punct(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0x0060: case 0x00B4:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    default:
        return 0;
    }
}

/* Appends one code point (k bytes at src) to out at *w; cp is -1 for an
 * invalid byte. Never writes more than it reads. */
typedef void (*rewrite_fn)(char *out, size_t *w, const char *src, size_t k, utf8proc_int32_t cp);

/* s mapped by utf8proc with the options, then rewritten in place one code
 * point at a time by put. */
static char *map_rewritten(const char *s, size_t len, utf8proc_option_t options, rewrite_fn put)
{
    char *m = map(s, len, options);
    if (!m)
        return NULL;
    size_t r = 0, w = 0, n = strlen(m);
    while (r < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)m + r, (utf8proc_ssize_t)(n - r), &cp);
        if (k <= 0)
            k = 1, cp = -1;
        put(m, &w, m + r, (size_t)k, cp);
        r += (size_t)k;
    }
    m[w] = '\0';
    return m;
}

/* A quote or dash as its ASCII form, anything else as it is. */
static void append_folded(char *out, size_t *w, const char *src, size_t k, utf8proc_int32_t cp)
{
    char c = cp >= 0 ? fold_punct(cp) : 0;
    if (c) {
        out[(*w)++] = c;
    } else {
        memmove(out + *w, src, k);
        *w += k;
    }
}

/* Appends s[0..len), ASCII, folded: lower case, a backtick as an
 * apostrophe (what utf8proc and append_folded make of them). */
static int append_ascii_folded(px_buf *out, const char *s, size_t len)
{
    size_t at = out->len;
    if (px_buf_append(out, s, len))
        return PX_ENOMEM;
    for (size_t i = at; i < out->len; i++)
        if (out->data[i] >= 'A' && out->data[i] <= 'Z')
            out->data[i] = (char)(out->data[i] - 'A' + 'a');
        else if (out->data[i] == '`')
            out->data[i] = '\'';
    return PX_OK;
}

static int is_ascii_byte(char c) { return (unsigned char)c < 0x80; }

/* Folds a text that is not all ASCII: only the stretches around its
 * non-ASCII bytes go through utf8proc, the rest is folded as ASCII. A
 * stretch starts at the ASCII character before a non-ASCII byte (a base a
 * combining mark may join) and ends where two ASCII bytes meet: no
 * normalisation, case folding or repair of invalid bytes reaches across
 * two ASCII characters, so the pieces fold as the whole text would. On a
 * long text with a few accents or curly quotes this spares utf8proc the
 * rest of it. */
static char *fold_pieces(const char *s, size_t len)
{
    px_buf out = {0};
    int rc = PX_OK;
    for (size_t i = 0; rc == PX_OK && i < len;) {
        size_t j = i;
        while (j < len && is_ascii_byte(s[j]))
            j++;
        if (j == len) {
            rc = append_ascii_folded(&out, s + i, len - i);
            break;
        }
        size_t a = j > i ? j - 1 : i, b = j + 1;
        while (b < len && !(is_ascii_byte(s[b - 1]) && is_ascii_byte(s[b])))
            b++;
        char *m = map_rewritten(s + a, b - a, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD,
                                append_folded);
        rc = !m || append_ascii_folded(&out, s + i, a - i) || px_buf_append(&out, m, strlen(m)) ? PX_ENOMEM
                                                                                                : PX_OK;
        free(m);
        i = b;
    }
    if (rc == PX_OK && !out.data)
        rc = px_buf_append(&out, "", 0);
    if (rc != PX_OK) {
        px_buf_free(&out);
        return NULL;
    }
    return px_buf_steal(&out);
}

char *px_fold(const char *s, size_t len)
{
    len = strnlen(s, len); /* the text ends at a NUL, as it always did */
    if (px_is_ascii(s, len)) {
        char *d = px_strndup(s, len);
        for (size_t i = 0; d && i < len; i++)
            if (d[i] >= 'A' && d[i] <= 'Z')
                d[i] = (char)(d[i] - 'A' + 'a');
            else if (d[i] == '`')
                d[i] = '\'';
        return d;
    }
    /* Folding quotes and dashes only ever shortens the text. */
    return fold_pieces(s, len);
}

/* Latin letters that carry no combining mark to strip, spelt as their
 * plain forms (a cheap part of transliteration); NULL for the rest. */
static const char *plain_letter(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x00F8: return "o";  /* ø */
    case 0x00E6: return "ae"; /* æ */
    case 0x0153: return "oe"; /* œ */
    case 0x0142: return "l";  /* ł */
    case 0x0111: return "d";  /* đ */
    case 0x00F0: return "d";  /* ð */
    case 0x00FE: return "th"; /* þ */
    case 0x0131: return "i";  /* dotless ı */
    default: return NULL;
    }
}

/* Appends the plain form of one code point of a decomposed, case-folded
 * text: letters and digits kept, marks dropped, anything else one space
 * (never two, never leading). */
static void append_plain(char *out, size_t *w, const char *src, size_t k, utf8proc_int32_t cp)
{
    utf8proc_category_t cat = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
    if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME)
        return;
    const char *plain = plain_letter(cp);
    int word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
               cat == UTF8PROC_CATEGORY_ND;
    if (!word) {
        if (*w && out[*w - 1] != ' ')
            out[(*w)++] = ' ';
        return;
    }
    if (plain) {
        size_t n = strlen(plain);
        memcpy(out + *w, plain, n); /* never longer than the two-byte letter it replaces */
        *w += n;
        return;
    }
    memmove(out + *w, src, k);
    *w += k;
}

char *px_fold_name(const char *s, size_t len)
{
    char *m = map_rewritten(s, len, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD,
                            append_plain);
    size_t w = m ? strlen(m) : 0;
    while (w && m[w - 1] == ' ') /* append_plain never leads with a space, but may end with one */
        w--;
    if (m)
        m[w] = '\0';
    return m;
}

size_t px_utf8_offset_to_cp(const char *s, size_t off)
{
    size_t cp = 0;
    for (size_t i = 0; i < off && s[i]; i++)
        cp += ((unsigned char)s[i] & 0xC0) != 0x80;
    return cp;
}
