/* input.c - the input options and diagnostics every reading command shares. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("parallax: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "parallax %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'parallax %s --help'.\n", cmd);
    return EXIT_USAGE;
}

static void print_diag(const px_diag *d, void *ud)
{
    cli_input *ci = ud;
    if (d->severity == PX_ERROR && !ci->errors++) {
        if (d->line > 0)
            snprintf(ci->first_error, sizeof ci->first_error, "%s:%ld: %s", d->path, d->line, d->msg);
        else if (d->offset >= 0)
            snprintf(ci->first_error, sizeof ci->first_error, "%s@%lld: %s", d->path, d->offset, d->msg);
        else
            snprintf(ci->first_error, sizeof ci->first_error, "%s: %s", d->path, d->msg);
    } else if (d->severity != PX_ERROR)
        ci->warnings++;
    if (ci->quiet && d->severity != PX_ERROR)
        return;
    const char *what = d->severity == PX_ERROR ? "error" : "warning";
    if (d->line > 0)
        fprintf(stderr, "parallax: %s:%ld: %s: %s\n", d->path, d->line, what, d->msg);
    else if (d->offset >= 0)
        fprintf(stderr, "parallax: %s@%lld: %s: %s\n", d->path, d->offset, what, d->msg);
    else
        fprintf(stderr, "parallax: %s: %s: %s\n", d->path, what, d->msg);
}

void cli_input_init(cli_input *ci)
{
    memset(ci, 0, sizeof *ci);
    ci->opts.diag = print_diag;
    ci->opts.diag_ud = ci;
}

int cli_input_option(cli_input *ci, int opt, const char *arg)
{
    px_error err;
    switch (opt) {
    case 'S':
        px_error_clear(&err);
        px_sources_free(ci->sources);
        ci->sources = NULL;
        if (px_sources_load(&ci->sources, arg, &err) != PX_OK) {
            cli_error("%s", err.msg);
            return -1;
        }
        ci->opts.sources = ci->sources;
        return 1;
    case 's':
        ci->opts.source = arg;
        return 1;
    case 'r':
        ci->raw = 1;
        ci->opts.verbatim = 1;
        return 1;
    case 'l':
        if (!px_language_known(arg)) {
            cli_error("--lang takes a language code parallax knows (docs/text.md, \"Languages\"), not '%s'", arg);
            return -1;
        }
        ci->opts.language = arg;
        return 1;
    case 'q':
        ci->quiet = 1;
        return 1;
    case 0x100: {
        char *end;
        long mib = strtol(arg, &end, 10);
        if (*end || mib < 1 || mib > 4096) {
            cli_error("--max-record takes a size in MiB from 1 to 4096, not '%s'", arg);
            return -1;
        }
        ci->opts.max_record = (size_t)mib << 20;
        return 1;
    }
    case 0x101: {
        char *end;
        double times = strtod(arg, &end);
        if (end == arg || *end || !(times == 0 || (times >= 2 && times <= 1e6))) {
            cli_error("--max-expansion takes a ratio from 2 to 1000000 (0 = no cap), not '%s'", arg);
            return -1;
        }
        ci->opts.max_expansion = times == 0 ? -1 : times;
        return 1;
    }
    default:
        return 0;
    }
}

enum { CLI_MAX_OPTIONS = 32 };

/* The input options, then the command's own, then --help. */
static int merge_longopts(struct option *all, const struct option *own)
{
    static const struct option input[] = {CLI_INPUT_LONGOPTS};
    size_t n = 0;
    for (size_t i = 0; i < sizeof input / sizeof *input; i++)
        all[n++] = input[i];
    for (; own && own->name; own++) {
        if (n + 2 >= CLI_MAX_OPTIONS)
            return -1;
        all[n++] = *own;
    }
    all[n++] = (struct option){"help", no_argument, NULL, 'h'};
    all[n] = (struct option){NULL, 0, NULL, 0};
    return 0;
}

int cli_parse(cli_input *ci, const char *cmd, const char *help, int argc, char **argv,
              const char *shortopts, const struct option *longopts, cli_option_fn fn,
              void *ud)
{
    struct option all[CLI_MAX_OPTIONS];
    char letters[64];
    if (merge_longopts(all, longopts) != 0 ||
        snprintf(letters, sizeof letters, "%s%sh", CLI_INPUT_SHORTOPTS,
                 shortopts ? shortopts : "") >= (int)sizeof letters) {
        cli_error("%s: too many options", cmd);
        return EXIT_USAGE;
    }
    int opt, rc = CLI_RUN;
    optind = 1;
    while (rc == CLI_RUN && (opt = getopt_long(argc, argv, letters, all, NULL)) != -1) {
        int r = cli_input_option(ci, opt, optarg);
        if (r < 0)
            rc = EXIT_USAGE;
        else if (r > 0)
            continue;
        else if (opt == 'h') {
            fputs(help, stdout);
            rc = EXIT_OK;
        } else if (opt == '?' || !fn)
            rc = cli_usage_error(cmd, "unknown option");
        else if (fn(opt, optarg, ud) != 0)
            rc = EXIT_USAGE;
    }
    if (rc == CLI_RUN) {
        int r = cli_input_finish(ci, argc, argv, help);
        rc = r ? r : CLI_RUN;
    }
    if (rc != CLI_RUN)
        cli_input_free(ci);
    return rc;
}

int cli_input_finish(cli_input *ci, int argc, char **argv, const char *help)
{
    static const char *stdin_only[] = {"-"};
    if (optind < argc) {
        ci->paths = (const char **)(argv + optind);
        ci->n_paths = (size_t)(argc - optind);
        return 0;
    }
    /* Nothing named and nothing piped in: a reader at a terminal gets the
     * usage, not a silent wait on the keyboard. */
    if (isatty(STDIN_FILENO)) {
        const char *end = strchr(help, '\n');
        fprintf(stderr, "%.*s\n\nno input: name files or folders, or pipe articles in (- reads standard "
                        "input); --help lists the options\n",
                (int)(end ? end - help : (ptrdiff_t)strlen(help)), help);
        return EXIT_USAGE;
    }
    ci->paths = stdin_only;
    ci->n_paths = 1;
    return 0;
}

int cli_input_read(cli_input *ci, px_article_fn fn, void *ud)
{
    cli_progress *bar = cli_progress_new("reading", !ci->quiet && isatty(2));
    if (bar) {
        ci->opts.progress = cli_progress_update;
        ci->opts.progress_ud = bar;
    }
    int rc = ci->raw ? px_read_paths(ci->paths, ci->n_paths, &ci->opts, fn, ud)
                     : px_read_clean_paths(ci->paths, ci->n_paths, &ci->opts, &ci->clean, fn, ud);
    cli_progress_free(bar);
    ci->opts.progress = NULL;
    return rc;
}

void cli_input_free(cli_input *ci)
{
    px_sources_free(ci->sources);
    ci->sources = NULL;
}

int cli_input_exit_code(const cli_input *ci)
{
    return ci->errors ? EXIT_INPUT : EXIT_OK;
}

int cli_color(const char *cmd, const char *when)
{
    if (strcmp(when, "always") == 0)
        return 1;
    if (strcmp(when, "never") == 0)
        return 0;
    if (strcmp(when, "auto") != 0) {
        cli_usage_error(cmd, "--color takes auto, always or never");
        return -1;
    }
    const char *no = getenv("NO_COLOR");
    return (!no || !no[0]) && isatty(1);
}

int cli_number(const char *opt, const char *arg, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(arg, &end);
    if (end == arg || *end || !(v >= lo && v <= hi)) {
        cli_error("%s takes a number from %g to %g, not '%s'", opt, lo, hi, arg);
        return -1;
    }
    *out = v;
    return 0;
}
