/* cmd_numbers.c - `parallax numbers`: one JSON object per numeric claim. */
#include <stdlib.h>

#include "claims.h"

static const char help[] =
    "usage: parallax numbers [OPTIONS] [PATH...]\n\n"
    "Finds the numeric claims of each article and prints one JSON object per\n"
    "claim: article, source, date, kind (count, money, percent, age, duration,\n"
    "measure), text, start/end in Unicode code points into the article body\n"
    "(as printed by `parallax read` with the same options; --raw for the input\n"
    "text), value (high: the upper end of a range), vague, unit, qualifier,\n"
    "bound, counted, attribution, owner, scope (event, background, furniture), update\n"
    "and sentence (docs/claims.md).\n\n"
    "options:\n" CLI_INPUT_HELP
    "  -h, --help           this help\n";

static int print_numbers(px_article *a, void *ud)
{
    int *failed = ud;
    px_number_list nums;
    px_number_list_init(&nums);
    if (px_numbers_extract(a, &nums) != PX_OK) {
        cli_error("%s: out of memory finding numbers", a->input_path ? a->input_path : "-");
        *failed = 1;
    }
    cli_cp_cursor cur;
    cli_cp_init(&cur, a->body ? a->body : "");
    for (size_t i = 0; i < nums.n; i++) {
        const px_number *x = &nums.v[i];
        cJSON *o = cli_claim_object(a, px_number_kind_name(x->kind));
        cJSON_AddStringToObject(o, "text", x->text);
        cli_json_span(o, &cur, "start", "end", x->start, x->end);
        px_json_number_figure(o, x);
        px_json_number_reading(o, x);
        cli_json_slice(o, "sentence", a->body, x->sentence_start, x->sentence_end);
        cli_json_print(o);
    }
    px_number_list_clear(&nums);
    px_article_free(a);
    return 0;
}

int cmd_numbers(int argc, char **argv)
{
    int failed = 0;
    int code = cli_article_command(argc, argv, "numbers", help, print_numbers, &failed);
    return failed && code == EXIT_OK ? EXIT_INPUT : code;
}
