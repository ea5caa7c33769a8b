/* sentences_icu.c - sentences by ICU's sentence break iterator, for the
 * languages where it beats the own rules (docs/text.md, "Sentences in
 * other languages"). The text is read in place as UTF-8 (UText), so the
 * boundaries are byte offsets already; the locale's abbreviation
 * suppressions are on ("@ss=standard"). Paragraphs (blank lines) are split
 * on their own, as the own rules do. */
#include <stdio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "parallax/text.h"
#include "text/text_internal.h"
#include "text/textchar.h"

static int is_space_byte(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* [a, b) without white space at either end; appended when not empty. */
static int push_trimmed(const char *s, size_t a, size_t b, px_spans *out)
{
    size_t n;
    while (a < b && tc_is_space(tc_decode(s, b, a, &n)))
        a += n;
    while (b > a) {
        size_t p = tc_prev_from(s, a, b);
        if (!tc_is_space(tc_decode(s, b, p, &n)))
            break;
        b = p;
    }
    if (b <= a)
        return PX_OK;
    return px_spans_push(out, a, b);
}

/* End of the paragraph that starts at i: the next blank line, or len. */
static size_t paragraph_end(const char *s, size_t i, size_t len)
{
    for (;;) {
        const char *nl = memchr(s + i, '\n', len - i);
        if (!nl)
            return len;
        size_t j = (size_t)(nl - s) + 1;
        while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
            j++;
        if (j < len && s[j] == '\n')
            return (size_t)(nl - s);
        i = (size_t)(nl - s) + 1;
    }
}

static int split_paragraph(UBreakIterator *bi, const char *s, size_t a, size_t b, px_spans *out)
{
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s + a, (int64_t)(b - a), &st);
    if (U_FAILURE(st))
        return PX_ENOMEM;
    ubrk_setUText(bi, ut, &st);
    int rc = U_FAILURE(st) ? PX_ENOMEM : PX_OK;
    int32_t prev = 0;
    for (int32_t e = ubrk_next(bi); rc == PX_OK && e != UBRK_DONE; e = ubrk_next(bi)) {
        rc = push_trimmed(s, a + (size_t)prev, a + (size_t)e, out);
        prev = e;
    }
    utext_close(ut);
    return rc;
}

int px_split_sentences_icu(const char *text, size_t len, const char *lang, px_spans *out)
{
    char locale[40];
    snprintf(locale, sizeof locale, "%.*s@ss=standard", (int)strcspn(lang ? lang : "en", "-_"),
             lang ? lang : "en");
    UErrorCode st = U_ZERO_ERROR;
    /* ICU counts in int32_t. */
    if (len > (size_t)INT32_MAX / 2)
        return PX_ELIMIT;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
    if (U_FAILURE(st))
        return PX_ENOMEM;
    int rc = PX_OK;
    for (size_t i = 0; i < len && rc == PX_OK;) {
        while (i < len && is_space_byte((unsigned char)text[i]))
            i++;
        if (i >= len)
            break;
        size_t pe = paragraph_end(text, i, len);
        rc = split_paragraph(bi, text, i, pe, out);
        i = pe;
    }
    ubrk_close(bi);
    return rc;
}
