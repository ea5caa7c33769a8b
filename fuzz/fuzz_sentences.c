/* fuzz_sentences.c - the tokenizer, the sentence splitter and the Unicode
 * forms on arbitrary bytes; checks that every span and token lies inside
 * the text and that spans are ordered. The first byte also picks a
 * language and a method for the language-aware splitter and tokenizer,
 * and language identification runs on the text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static void check_spans(const px_spans *sp, size_t size)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->v[i].start >= sp->v[i].end || sp->v[i].end > size ||
            (i && sp->v[i].start < sp->v[i - 1].end))
            abort();
}

static void check_tokens(const px_tokens *t, size_t size)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].start >= t->v[i].end || t->v[i].end > size || (i && t->v[i].start < t->v[i - 1].end))
            abort();
}

/* Another language's rules, ICU and words of unspaced scripts. */
static void split_in_language(const char *s, size_t size)
{
    static const char *const langs[] = {"de", "fr", "ru", "zh", "ja", "hi", "ar", "nl", "pl", "th", "ko"};
    enum { N_LANGS = sizeof langs / sizeof langs[0] };
    unsigned pick = size ? (unsigned char)s[0] : 0;
    const char *lang = langs[pick % N_LANGS];
    px_split_method how = (pick / N_LANGS) % 2 ? PX_SPLIT_ICU : PX_SPLIT_RULES;
    px_spans sp = {0};
    if (px_split_sentences_with(s, size, lang, how, &sp) == PX_OK)
        check_spans(&sp, size);
    px_spans_free(&sp);
    px_tokens t = {0};
    if (px_tokenize_lang(s, size, lang, &t) == PX_OK)
        check_tokens(&t, size);
    px_tokens_free(&t);
    const char *found = px_detect_language(s, size);
    if (found && !px_language_known(found))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    px_tokens t = {0};
    if (px_tokenize(s, size, &t) == PX_OK)
        for (size_t i = 0; i < t.n; i++)
            if (t.v[i].start >= t.v[i].end || t.v[i].end > size ||
                (i && t.v[i].start < t.v[i - 1].end))
                abort();
    px_tokens_free(&t);
    px_spans sp = {0};
    if (px_split_sentences(s, size, &sp) == PX_OK)
        for (size_t i = 0; i < sp.n; i++)
            if (sp.v[i].start >= sp.v[i].end || sp.v[i].end > size ||
                (i && sp.v[i].start < sp.v[i - 1].end))
                abort();
    px_spans_free(&sp);
    split_in_language(s, size);
    free(px_fold(s, size));
    free(px_nfc(s, size));
    char *z = malloc(size + 1);
    if (z) {
        memcpy(z, data, size);
        z[size] = '\0';
        px_utf8_offset_to_cp(z, strlen(z));
        free(z);
    }
    return 0;
}
