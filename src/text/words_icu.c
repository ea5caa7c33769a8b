/* words_icu.c - words of scripts written without spaces (Chinese,
 * Japanese, Thai, Lao, Khmer, Burmese): the tokenizer's letter runs are
 * cut by ICU's word break iterator, whose dictionaries know these
 * languages' words (docs/text.md, "Words in other languages"). */
#include <string.h>
#include <strings.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "parallax/text.h"
#include "text/text_internal.h"
#include "text/textchar.h"

static const char *const unspaced[] = {"zh", "ja", "th", "lo", "km", "my", NULL};

int px_writes_without_spaces(const char *lang)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;
    for (const char *const *l = unspaced; *l; l++)
        if (n == 2 && strncasecmp(lang, *l, 2) == 0)
            return 1;
    return 0;
}

/* Han, kana, Thai, Lao, Khmer or Myanmar letters in [a, b)? */
static int has_unspaced_script(const char *s, size_t a, size_t b)
{
    size_t n;
    for (size_t i = a; i < b; i += n) {
        int32_t cp = tc_decode(s, b, i, &n);
        if ((cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
            (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
            (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF))
            return 1;
    }
    return 0;
}

/* Appends the words ICU finds in the word token t to out. */
static int cut_token(UBreakIterator *bi, const char *s, const px_token *t, px_tokens *out)
{
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s + t->start, (int64_t)(t->end - t->start), &st);
    if (U_FAILURE(st))
        return PX_ENOMEM;
    ubrk_setUText(bi, ut, &st);
    int rc = U_FAILURE(st) ? PX_ENOMEM : PX_OK;
    int32_t prev = 0;
    for (int32_t e = ubrk_next(bi); rc == PX_OK && e != UBRK_DONE; prev = e, e = ubrk_next(bi)) {
        if (ubrk_getRuleStatus(bi) < UBRK_WORD_LETTER)
            continue; /* no letters: spaces or marks between words */
        px_token w = {t->start + (size_t)prev, t->start + (size_t)e, PX_TOK_WORD, 0};
        rc = px_tokens_push(out, &w);
    }
    utext_close(ut);
    return rc;
}

int px_tokenize_lang(const char *text, size_t len, const char *lang, px_tokens *out)
{
    if (!px_writes_without_spaces(lang))
        return px_tokenize(text, len, out);
    px_tokens all = {0};
    int rc = px_tokenize(text, len, &all);
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = NULL;
    for (size_t i = 0; rc == PX_OK && i < all.n; i++) {
        const px_token *t = &all.v[i];
        if (t->kind != PX_TOK_WORD || !has_unspaced_script(text, t->start, t->end)) {
            rc = px_tokens_push(out, t);
            continue;
        }
        if (!bi && (bi = ubrk_open(UBRK_WORD, lang, NULL, 0, &st), U_FAILURE(st)))
            rc = PX_ENOMEM;
        if (rc == PX_OK)
            rc = cut_token(bi, text, t, out);
    }
    if (bi)
        ubrk_close(bi);
    px_tokens_free(&all);
    return rc;
}
