/* langid_detect.c - reads texts separated by NUL bytes on stdin and prints
 * the language px_detect_language finds for each, one a line ("-" when it
 * cannot tell). Built and run by bench/langid.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/text.h"

int main(void)
{
    size_t cap = 1 << 20, n = 0, got;
    char *all = malloc(cap);
    while (all && (got = fread(all + n, 1, cap - n, stdin)) > 0)
        if ((n += got) == cap)
            all = realloc(all, cap *= 2);
    if (!all)
        return 1;
    for (size_t p = 0; p < n;) {
        char *nul = memchr(all + p, 0, n - p);
        size_t q = nul ? (size_t)(nul - all) : n;
        const char *lang = px_detect_language(all + p, q - p);
        printf("%s\n", lang ? lang : "-");
        p = q + 1;
    }
    free(all);
    return 0;
}
