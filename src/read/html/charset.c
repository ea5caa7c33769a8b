/* charset.c - decoding web pages to UTF-8: byte order mark, HTTP header,
 * <meta> declaration, then the bytes themselves decide; iconv converts. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parallax/html.h"
#include "parallax/read.h"
#include "core/common_internal.h"

#define META_SCAN 8192

static const char replacement[] = "\xEF\xBF\xBD";

/* Copies the charset token starting at p (after "charset="). */
static int take_token(const char *p, const char *end, char *out, size_t cap)
{
    while (p < end && (*p == ' ' || *p == '"' || *p == '\'' || *p == '='))
        p++;
    size_t n = 0;
    while (p < end && n + 1 < cap && (isalnum((unsigned char)*p) || strchr("-_.:()", *p)))
        out[n++] = *p++;
    out[n] = '\0';
    return n > 0;
}

static const char *find_ci(const char *hay, const char *end, const char *needle)
{
    size_t k = strlen(needle);
    for (const char *p = hay; p + k <= end; p++)
        if (strncasecmp(p, needle, k) == 0)
            return p;
    return NULL;
}

int px_content_type_charset(const char *ct, char *out, size_t cap)
{
    if (!ct)
        return 0;
    const char *end = ct + strlen(ct);
    const char *p = find_ci(ct, end, "charset");
    if (!p)
        return 0;
    p += 7;
    while (p < end && *p == ' ')
        p++;
    if (p == end || *p != '=')
        return 0;
    return take_token(p + 1, end, out, cap);
}

/* The charset of the first <meta> that declares one in the page's head. */
static int meta_charset(const char *data, size_t len, char *out, size_t cap)
{
    const char *end = data + (len < META_SCAN ? len : META_SCAN);
    for (const char *p = data; (p = find_ci(p, end, "<meta")) != NULL; p += 5) {
        const char *close = memchr(p, '>', (size_t)(end - p));
        if (!close)
            return 0;
        const char *cs = find_ci(p, close, "charset");
        if (cs && take_token(cs + 7, close, out, cap))
            return 1;
    }
    return 0;
}

/* WHATWG labels to names iconv knows. */
static void canonical_name(const char *label, char *out, size_t cap)
{
    static const struct { const char *label, *name; } aliases[] = {
        {"utf8", "UTF-8"},           {"unicode-1-1-utf-8", "UTF-8"},
        {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
        {"latin1", "WINDOWS-1252"},  {"l1", "WINDOWS-1252"},
        {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
        {"cp1252", "WINDOWS-1252"},  {"x-cp1252", "WINDOWS-1252"},
        {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
        {"gb2312", "GB18030"},       {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
        {"x-sjis", "SHIFT_JIS"},     {"sjis", "SHIFT_JIS"}, {"ms_kanji", "SHIFT_JIS"},
        {"windows-31j", "CP932"},    {"ks_c_5601-1987", "CP949"}, {"euc-kr", "CP949"},
        {"tis-620", "WINDOWS-874"},  {"iso-8859-11", "WINDOWS-874"},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(label, aliases[i].label) == 0) {
            snprintf(out, cap, "%s", aliases[i].name);
            return;
        }
    size_t n = 0;
    for (; label[n] && n + 1 < cap; n++)
        out[n] = (char)toupper((unsigned char)label[n]);
    out[n] = '\0';
    /* a page cannot declare itself UTF-16 in ASCII: the HTML spec reads it as UTF-8 */
    if (strncmp(out, "UTF-16", 6) == 0 || strncmp(out, "UTF-32", 6) == 0)
        snprintf(out, cap, "UTF-8");
}

static int is_utf8_name(const char *name)
{
    return strcasecmp(name, "UTF-8") == 0;
}

/* Counts the valid multi-byte UTF-8 sequences and the invalid bytes. */
static void utf8_census(const unsigned char *s, size_t n, size_t *multi, size_t *bad)
{
    *multi = *bad = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        int ok = k && i + k <= n;
        for (size_t j = 1; ok && j < k; j++)
            ok = (s[i + j] & 0xC0) == 0x80;
        if (ok && k == 3) {
            unsigned c1 = s[i + 1];
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
        } else if (ok && k == 4) {
            unsigned c1 = s[i + 1];
            ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (ok) {
            (*multi)++;
            i += k;
        } else {
            (*bad)++;
            i++;
        }
    }
}

static const char *binary_signature(const unsigned char *s, size_t n)
{
    static const struct { const char *magic; size_t len; const char *what; } sigs[] = {
        {"\x89PNG", 4, "a PNG image"},      {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},         {"%PDF", 4, "a PDF document"},
        {"PK\x03\x04", 4, "a ZIP archive"}, {"\x1F\x8B", 2, "gzip data"},
        {"RIFF", 4, "a RIFF (WebP/WAV/AVI) file"}, {"\x00\x00\x01\x00", 4, "an icon"},
        {"wOF", 3, "a web font"},           {"\x7F" "ELF", 4, "an executable"},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (n >= sigs[i].len && memcmp(s, sigs[i].magic, sigs[i].len) == 0)
            return sigs[i].what;
    /* control bytes are almost absent from text in any ASCII-compatible charset */
    size_t scan = n < 8192 ? n : 8192, ctl = 0;
    for (size_t i = 0; i < scan; i++)
        if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != 0x1B)
            ctl++;
    if (scan && (ctl * 100 > scan * 2 || (ctl >= 1 && memchr(s, 0, scan) && ctl * 1000 > scan)))
        return "binary data (control bytes)";
    return NULL;
}

/* Converts with iconv, replacing undecodable bytes with U+FFFD. */
static int convert(const char *from, const char *data, size_t len, px_buf *out, size_t *invalid,
                   px_error *err)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return px_error_set(err, PX_EFORMAT, "unknown charset %s", from);
    int rc = PX_OK;
    char *in = (char *)(uintptr_t)data;
    size_t in_left = len;
    while (in_left > 0) {
        if (px_buf_reserve(out, in_left * 2 + 16)) {
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
            break;
        }
        char *o = out->data + out->len;
        size_t o_left = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ or EINVAL (truncated sequence at the end): skip one byte */
        (*invalid)++;
        in++;
        in_left--;
        if (px_buf_append(out, replacement, 3)) {
            rc = px_error_set(err, PX_ENOMEM, "out of memory");
            break;
        }
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    if (!out->data && rc == PX_OK && px_buf_append(out, "", 0))
        rc = PX_ENOMEM;
    return rc;
}

static int bom(const unsigned char *s, size_t n, const char **name, size_t *skip)
{
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        *name = "UTF-8", *skip = 3;
    else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
        *name = "UTF-16LE", *skip = 2;
    else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
        *name = "UTF-16BE", *skip = 2;
    else
        return 0;
    return 1;
}

/* Chooses the charset for pages without a byte order mark. */
static void choose(const char *data, size_t len, const char *http_ct, px_charset_info *info)
{
    char label[40] = "", declared[40] = "";
    if (px_content_type_charset(http_ct, label, sizeof label))
        info->how = "http";
    else if (meta_charset(data, len, label, sizeof label))
        info->how = "meta";
    if (*label) {
        canonical_name(label, declared, sizeof declared);
        snprintf(info->declared, sizeof info->declared, "%s", label);
    }
    size_t multi, bad;
    utf8_census((const unsigned char *)data, len, &multi, &bad);
    /* A stray bad byte in a long UTF-8 page is damage, not another charset. */
    int utf8_like = bad == 0 || multi >= bad * 8;
    const char *pick;
    if (*declared && is_utf8_name(declared))
        pick = utf8_like ? "UTF-8" : "WINDOWS-1252";
    else if (*declared && multi > 0 && bad == 0)
        pick = "UTF-8"; /* legacy charsets almost never yield valid multi-byte UTF-8 */
    else if (*declared)
        pick = declared;
    else
        pick = utf8_like ? "UTF-8" : "WINDOWS-1252";
    if (*declared && strcasecmp(pick, declared) != 0) {
        info->declared_ignored = 1;
        info->how = "detected";
    } else if (!*declared) {
        info->how = bad == 0 && multi == 0 ? "default" : "detected";
    }
    snprintf(info->name, sizeof info->name, "%s", pick);
}

int px_html_decode(const char *data, size_t len, const char *http_content_type, px_buf *out,
                   px_charset_info *info, px_error *err)
{
    px_charset_info local;
    if (!info)
        info = &local;
    memset(info, 0, sizeof *info);
    out->len = 0;
    const char *bom_name;
    size_t skip = 0;
    if (bom((const unsigned char *)data, len, &bom_name, &skip)) {
        snprintf(info->name, sizeof info->name, "%s", bom_name);
        info->how = "bom";
    } else {
        const char *what = binary_signature((const unsigned char *)data, len);
        if (what)
            return px_error_set(err, PX_EFORMAT, "binary payload (%s), not HTML", what);
        choose(data, len, http_content_type, info);
    }
    data += skip;
    len -= skip;
    if (is_utf8_name(info->name)) {
        if (px_buf_append(out, data, len))
            return px_error_set(err, PX_ENOMEM, "out of memory");
        long long first;
        info->invalid = px_utf8_repair(out, &first);
        return PX_OK;
    }
    int rc = convert(info->name, data, len, out, &info->invalid, err);
    if (rc == PX_EFORMAT) { /* iconv does not know it: fall back to the detected choice */
        info->declared_ignored = 1;
        snprintf(info->name, sizeof info->name, "WINDOWS-1252");
        info->how = "detected";
        out->len = 0;
        rc = convert(info->name, data, len, out, &info->invalid, err);
    }
    return rc;
}
