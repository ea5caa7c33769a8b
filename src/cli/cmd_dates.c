/* cmd_dates.c - `parallax dates`: one JSON object per temporal expression. */
#include <stdlib.h>
#include <string.h>

#include "claims.h"

static const char help[] =
    "usage: parallax dates [OPTIONS] [PATH...]\n\n"
    "Finds the temporal expressions of each article (dates, times, durations,\n"
    "sets) and prints one JSON object per expression: article, source, text,\n"
    "start/end in Unicode code points into the article body (as printed by\n"
    "`parallax read` with the same options; --raw for the input text), type\n"
    "(date, time, duration, set), value in TIMEX3 form (2013-03-22, 2013-W11,\n"
    "2013-Q1, PRESENT_REF, P3D, XXXX-WXX-1; null when the expression needs the\n"
    "article date and the article has none), grain, relative, future, since\n"
    "(the start of a span, not an event) and resolved_against (the article\n"
    "date used, or null). See docs/dates.md.\n\n"
    "options:\n" CLI_INPUT_HELP
    "  -h, --help           this help\n";

/* The day the expressions were resolved against: the article date's
 * YYYY-MM-DD when it has a valid one. */
static void add_reference(cJSON *o, const px_article *a)
{
    long days;
    char iso[11];
    if (a->date && px_date_days(a->date, &days) == PX_OK) {
        px_date_from_days(days, iso);
        cJSON_AddStringToObject(o, "resolved_against", iso);
    } else {
        cJSON_AddNullToObject(o, "resolved_against");
    }
}

static int print_dates(px_article *a, void *ud)
{
    int *failed = ud;
    const char *body = a->body ? a->body : "";
    px_timexes tx = {0};
    if (px_timex_find_lang(body, strlen(body), a->date, a->language, &tx) != PX_OK) {
        cli_error("%s: out of memory finding dates", a->input_path ? a->input_path : "-");
        *failed = 1;
    }
    cli_cp_cursor cur;
    cli_cp_init(&cur, body);
    for (size_t i = 0; i < tx.n; i++) {
        const px_timex *x = &tx.v[i];
        cJSON *o = cJSON_CreateObject();
        px_json_str(o, "article", a->id);
        px_json_str(o, "source", a->source);
        cli_json_slice(o, "text", body, x->start, x->end);
        cli_json_span(o, &cur, "start", "end", x->start, x->end);
        cJSON_AddStringToObject(o, "type", px_timex_type_name(x->type));
        px_json_str(o, "value", x->value[0] ? x->value : NULL);
        cJSON_AddStringToObject(o, "grain", px_date_grain_name(x->grain));
        cJSON_AddBoolToObject(o, "relative", x->relative);
        cJSON_AddBoolToObject(o, "future", x->future);
        cJSON_AddBoolToObject(o, "since", x->since);
        add_reference(o, a);
        cli_json_print(o);
    }
    px_timexes_free(&tx);
    px_article_free(a);
    return 0;
}

int cmd_dates(int argc, char **argv)
{
    int failed = 0;
    int code = cli_article_command(argc, argv, "dates", help, print_dates, &failed);
    return failed && code == EXIT_OK ? EXIT_INPUT : code;
}
