/* textchar.h - character classes shared by the tokenizer, the sentence
 * splitter and the cleaner; ASCII is decided without a table lookup. Not
 * installed. */
#ifndef PARALLAX_TEXTCHAR_H
#define PARALLAX_TEXTCHAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* The code point at s[i] and its length in *n (1 for an invalid byte,
 * which decodes as U+FFFD). */
static inline int32_t tc_decode(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)k;
    return cp;
}

/* The k bytes at p (1 <= k <= 8) as an integer, p[0] in the lowest byte and
 * zeros above. Fixed-size loads that overlap rather than a byte loop or a
 * variable memcpy: both stall on short words (a mispredicted loop exit, a
 * store-to-load forwarding failure). */
static inline uint64_t tc_load_bytes(const char *p, size_t k)
{
    uint64_t x;
    if (k >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, p, 4);
        memcpy(&hi, p + k - 4, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        lo = __builtin_bswap32(lo), hi = __builtin_bswap32(hi);
#endif
        x = (uint64_t)lo | (uint64_t)hi << (8 * (k - 4));
    } else if (k >= 2) {
        uint16_t lo, hi;
        memcpy(&lo, p, 2);
        memcpy(&hi, p + k - 2, 2);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        lo = __builtin_bswap16(lo), hi = __builtin_bswap16(hi);
#endif
        x = (uint64_t)lo | (uint64_t)hi << (8 * (k - 2));
    } else {
        x = (unsigned char)p[0];
    }
    return x;
}

/* x with every ASCII capital among its eight bytes lowered, the other
 * bytes as they are: all eight at once (a byte is a capital when its low
 * seven bits are 0x41-0x5A and its high bit is clear). */
static inline uint64_t tc_lower_ascii8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t low7 = x & ~highs;
    uint64_t upper = (low7 + 0x3F * ones) & ~(low7 + 0x25 * ones) & ~x & highs;
    return x | upper >> 2;
}

/* Start of the code point that ends just before byte i (i > 0). */
static inline size_t tc_prev(const char *s, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    return j;
}

/* tc_prev, never before lo: stray continuation bytes right after lo are
 * one character with it, so that a span trimmed from its end cannot end
 * before it starts. */
static inline size_t tc_prev_from(const char *s, size_t lo, size_t i)
{
    size_t j = tc_prev(s, i);
    return j < lo ? lo : j;
}

static inline int tc_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0x200B ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static inline int tc_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline int tc_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static inline int tc_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Han, kana or Hangul: scripts whose words a search cannot find at
 * spaces (Korean puts particles on its words), indexed as overlapping
 * pairs of characters instead. */
static inline int tc_is_cjk(int32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

static inline int tc_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Letters, digits and combining marks: what words are made of. */
static inline int tc_is_alnum(int32_t cp)
{
    if (cp < 0x80)
        return tc_is_letter(cp) || tc_is_digit(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

/* Marks that close a quotation or a bracket. */
static inline int tc_is_closer(int32_t cp)
{
    switch (cp) {
    case ')': case ']': case '}': case '"': case '\'':
    case 0x2019: case 0x201D: case 0x00BB: case 0x203A:
        return 1;
    default:
        return 0;
    }
}

/* Marks that open a quotation or a bracket. */
static inline int tc_is_opener(int32_t cp)
{
    switch (cp) {
    case '(': case '[': case '{': case '"': case '\'':
    case 0x2018: case 0x201C: case 0x00AB: case 0x2039: case 0x201E:
        return 1;
    default:
        return 0;
    }
}

static inline int tc_is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

static inline int tc_is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Bullets that start list items inside running text. */
static inline int tc_is_bullet(int32_t cp)
{
    return cp == 0x2022 || cp == 0x2043 || cp == 0x25E6 || cp == 0x25AA || cp == 0x25CF ||
           cp == 0x2023;
}

#endif
