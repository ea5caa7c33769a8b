/* cmd_quotes.c - `parallax quotes`: one JSON object per direct quote. */
#include <stdlib.h>

#include "claims.h"

static const char help[] =
    "usage: parallax quotes [OPTIONS] [PATH...]\n\n"
    "Finds the direct quotes of each article and prints one JSON object per\n"
    "quote: article, source, kind (speech, partial, term), text, start/end and\n"
    "pieces in Unicode code points into the article body (the body as printed\n"
    "by `parallax read` with the same options; use --raw to score against the\n"
    "input text), speaker, speaker_kind, cue, relay and sentence (docs/claims.md).\n\n"
    "options:\n" CLI_INPUT_HELP
    "  -h, --help           this help\n";

static int print_quotes(px_article *a, void *ud)
{
    int *failed = ud;
    px_entity_list people;
    px_quote_list quotes;
    px_entity_list_init(&people);
    px_quote_list_init(&quotes);
    if (px_entities_extract(a, &people) != PX_OK || px_quotes_extract(a, &people, &quotes) != PX_OK) {
        cli_error("%s: out of memory finding quotes", a->input_path ? a->input_path : "-");
        *failed = 1;
    }
    cli_cp_cursor cur;
    cli_cp_init(&cur, a->body ? a->body : "");
    for (size_t i = 0; i < quotes.n; i++) {
        const px_quote *x = &quotes.v[i];
        cJSON *o = cli_claim_object(a, px_quote_kind_name(x->kind));
        cJSON_AddStringToObject(o, "text", x->text);
        cli_json_span(o, &cur, "start", "end", x->start, x->end);
        cJSON *pieces = cJSON_AddArrayToObject(o, "pieces");
        for (size_t p = 0; p < x->n_pieces; p++) {
            cJSON *po = cJSON_CreateObject();
            cli_json_span(po, &cur, "start", "end", x->piece_start[p], x->piece_end[p]);
            cJSON_AddItemToArray(pieces, po);
        }
        px_json_quote_speaker(o, x);
        if (x->mention_end > x->mention_start) {
            cli_json_slice(o, "speaker_mention", a->body, x->mention_start, x->mention_end);
            cli_json_span(o, &cur, "speaker_start", "speaker_end", x->mention_start, x->mention_end);
        } else {
            cJSON_AddNullToObject(o, "speaker_mention");
        }
        px_json_quote_cue(o, x);
        cli_json_slice(o, "sentence", a->body, x->sentence_start, x->sentence_end);
        cli_json_print(o);
    }
    px_quote_list_clear(&quotes);
    px_entity_list_clear(&people);
    px_article_free(a);
    return 0;
}

int cmd_quotes(int argc, char **argv)
{
    int failed = 0;
    int code = cli_article_command(argc, argv, "quotes", help, print_quotes, &failed);
    return failed && code == EXIT_OK ? EXIT_INPUT : code;
}
