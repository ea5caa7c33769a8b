/* cmd_vocab.c - `parallax vocab`: stem counts of a corpus, in the format of
 * the framing background table (data/background-en.tsv). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: parallax vocab [OPTIONS] [PATH...]\n\n"
    "Counts the content-word stems of the articles (as analyze counts them:\n"
    "folded, stopwords dropped, Snowball stems) and prints 'stem<TAB>count'\n"
    "lines, most frequent first, after a '#total<TAB>N' line. The output is\n"
    "a background table for 'parallax analyze --background'.\n\n"
    "options:\n" CLI_INPUT_HELP
    "      --min N          leave out stems seen fewer than N times (default 2)\n"
    "  -h, --help           this help\n";

typedef struct vocab_state {
    px_background *table;
    px_lexicon *lexicon;
    int oom;
} vocab_state;

static int count_article(px_article *a, void *ud)
{
    vocab_state *st = ud;
    const char *body = a->body ? a->body : "";
    px_doc d;
    int rc = px_doc_build(&d, body, strlen(body), st->lexicon);
    for (size_t i = 0; rc == PX_OK && i < d.tokens.n; i++) {
        uint32_t t = d.tok[i].term;
        if (t == PX_NO_TERM || (d.tok[i].wclass & PX_WC_NUMBER))
            continue;
        const char *term = px_lexicon_term(st->lexicon, t);
        rc = px_background_add(st->table, term, strlen(term), 1);
    }
    px_doc_free(&d);
    px_article_free(a);
    st->oom = rc != PX_OK;
    return st->oom;
}

static int vocab_option(int opt, const char *arg, void *ud)
{
    (void)opt;
    char *end;
    double *min_count = ud;
    *min_count = strtod(arg, &end);
    if (*end || *min_count < 1)
        return cli_usage_error("vocab", "--min takes a count of 1 or more, not '%s'", arg);
    return 0;
}

int cmd_vocab(int argc, char **argv)
{
    static const struct option own[] = {{"min", required_argument, NULL, 0x200},
                                        {NULL, 0, NULL, 0}};
    cli_input ci;
    cli_input_init(&ci);
    double min_count = 2;
    int rc0 = cli_parse(&ci, "vocab", help, argc, argv, "", own, vocab_option, &min_count);
    if (rc0 != CLI_RUN)
        return rc0;
    vocab_state st = {px_background_new(), px_lexicon_new("en"), 0};
    int rc = EXIT_OK;
    if (!st.table || !st.lexicon) {
        cli_error("out of memory");
        rc = EXIT_INPUT;
    } else {
        cli_input_read(&ci, count_article, &st);
        px_buf out = {0};
        if (st.oom || px_background_write(st.table, min_count, &out) != PX_OK) {
            cli_error("out of memory counting stems");
            rc = EXIT_INPUT;
        } else {
            fwrite(out.data, 1, out.len, stdout);
            rc = cli_input_exit_code(&ci);
        }
        px_buf_free(&out);
    }
    px_background_free(st.table);
    px_lexicon_free(st.lexicon);
    cli_input_free(&ci);
    return rc;
}
