/* langid_textcat.c - the peer: libexttextcat's own classifier with all the
 * fingerprints it ships (fpdb.conf), on texts separated by NUL bytes on
 * stdin; prints its first candidate a line. Built by bench/langid.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

int main(int argc, char **argv)
{
    void *h = argc > 2 ? special_textcat_Init(argv[1], argv[2]) : NULL;
    size_t cap = 1 << 20, n = 0, got;
    char *all = malloc(cap);
    while (all && (got = fread(all + n, 1, cap - n, stdin)) > 0)
        if ((n += got) == cap)
            all = realloc(all, cap *= 2);
    if (!h || !all)
        return 1;
    for (size_t p = 0; p < n;) {
        char *nul = memchr(all + p, 0, n - p);
        size_t q = nul ? (size_t)(nul - all) : n;
        const char *r = textcat_Classify(h, all + p, q - p);
        printf("%.*s\n", (int)strcspn(r + (r[0] == '['), "-]"), r + (r[0] == '['));
        p = q + 1;
    }
    textcat_Done(h);
    free(all);
    return 0;
}
