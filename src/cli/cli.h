/* cli.h - what the subcommands of the parallax program share: common input
 * options, diagnostics on stderr and the progress bar. The CLI is a thin
 * layer: every real job is done by the library. */
#ifndef PARALLAX_CLI_H
#define PARALLAX_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <cjson/cJSON.h>

#include "parallax.h"

/* Exit codes (docs/cli.md). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* The options every reading command accepts. */
typedef struct cli_input {
    px_read_opts opts;
    px_sources *sources;
    const char **paths;
    size_t n_paths;
    int warnings, errors;
    char first_error[256]; /* the first error read, with its place */
    int quiet;
    int raw;             /* --raw: read without the clean stage */
    px_clean_opts clean; /* the clean stage's options */
} cli_input;

/* getopt_long entries and their short letters for the input options. */
#define CLI_INPUT_SHORTOPTS "s:S:rl:q"
#define CLI_INPUT_LONGOPTS                                  \
    {"sources", required_argument, NULL, 'S'},              \
    {"source", required_argument, NULL, 's'},               \
    {"raw", no_argument, NULL, 'r'},                        \
    {"lang", required_argument, NULL, 'l'},                 \
    {"quiet", no_argument, NULL, 'q'},                      \
    {"max-record", required_argument, NULL, 0x100},         \
    {"max-expansion", required_argument, NULL, 0x101}

#define CLI_INPUT_HELP                                                              \
    "  -S, --sources FILE   map outlets to names, leanings, countries (CSV/TSV)\n"   \
    "  -s, --source NAME    outlet name for every article read\n"                   \
    "  -r, --raw            do not clean the articles\n"                            \
    "  -l, --lang TAG       language of articles that do not say (else detected)\n"   \
    "      --max-record N   largest file, line or record in MiB (default 32)\n"      \
    "      --max-expansion N  a compressed file may grow N times (default 100,\n"  \
    "                       0 = no cap; checked past its first 64 MiB)\n"          \
    "  -q, --quiet          no warnings and no progress bar\n"

void cli_input_init(cli_input *ci);

/* A command's own option: returns 0 when taken, EXIT_USAGE after printing
 * why its value is bad. */
typedef int (*cli_option_fn)(int opt, const char *arg, void *ud);

/* What cli_parse returns when the command should go on. */
#define CLI_RUN (-1)

/* Parses the arguments of a reading command: the input options, -h/--help
 * (prints help) and the command's own options (longopts, ended by a NULL
 * name, and their letters in shortopts, may be NULL/"") passed to fn.
 * Returns CLI_RUN with ci->paths set, or the exit code to return (ci is
 * then freed). */
int cli_parse(cli_input *ci, const char *cmd, const char *help, int argc, char **argv,
              const char *shortopts, const struct option *longopts, cli_option_fn fn,
              void *ud);
/* Handles one option letter of CLI_INPUT_*; returns 1 if it was one, 0 if
 * not, -1 on a bad value (message printed). */
int cli_input_option(cli_input *ci, int opt, const char *arg);
/* Takes the remaining arguments as paths ("-" when there are none and
 * standard input is not a terminal); with none at a terminal, prints the
 * usage line of help and returns EXIT_USAGE. */
int cli_input_finish(cli_input *ci, int argc, char **argv, const char *help);
/* Reads every input; returns the library's px_read_paths result. */
int cli_input_read(cli_input *ci, px_article_fn fn, void *ud);
void cli_input_free(cli_input *ci);
/* EXIT_OK, or EXIT_INPUT when some input failed. */
int cli_input_exit_code(const cli_input *ci);

/* Parses the value of a numeric option into *out when it lies in [lo, hi];
 * else prints an error naming opt and returns -1. */
int cli_number(const char *opt, const char *arg, double lo, double hi, double *out);

/* --color WHEN: "always", "never" or "auto" (stdout is a terminal and
 * NO_COLOR is unset or empty). Returns 1 to colour, 0 not to, or -1 after
 * a usage error naming cmd when WHEN is none of these. */
int cli_color(const char *cmd, const char *when);

void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A progress bar on stderr, drawn only when stderr is a terminal and the
 * work has lasted more than a second. */
typedef struct cli_progress cli_progress;
cli_progress *cli_progress_new(const char *label, int enabled);
void cli_progress_update(long long done, long long total, void *progress);
void cli_progress_free(cli_progress *p);
/* Counts items (done/total) instead of bytes. */
void cli_progress_count_items(cli_progress *p);

/* The database option every store command accepts: --db FILE or URL (an
 * SQLite file or a postgresql:// URL), else $PARALLAX_DB, else parallax.db. */
#define CLI_DB_LONGOPT {"db", required_argument, NULL, 0x300}
#define CLI_DB_HELP                                                                           \
    "      --db DB          SQLite file or postgresql://USER@HOST/NAME URL (default\n"           \
    "                       $PARALLAX_DB or parallax.db; docs/scale.md)\n"
const char *cli_db_path(const char *given);
/* Moves the password of any PostgreSQL URL among the arguments into
 * $PGPASSWORD, where libpq reads it, and cuts it out of argv, which `ps`
 * shows to every user of the machine. */
void cli_hide_db_passwords(int argc, char **argv);
/* Opens the store, printing the error; returns NULL on failure. */
px_store *cli_open_store(const char *given, int flags);
/* After a call on s failed with *why: when the database server went
 * away, connects again with pauses growing from a quarter of a second to
 * eight seconds, for at most retry_s seconds, saying so on stderr. 1 when
 * connected again (why cleared), 0 otherwise. */
int cli_store_reconnect(px_store *s, int retry_s, px_error *why);
#define CLI_RETRY_DEFAULT 120
/* Finishes a command that ran one store query: a PX_EUSAGE failure is a
 * usage error (exit 2), any other an error (exit 1); on success prints res
 * as one line of JSON or with print, frees it and returns EXIT_OK. */
int cli_query_done(const char *cmd, int rc, const px_error *err, cJSON *res, int json,
                   void (*print)(const cJSON *res));
/* Parses a positive story or article id; prints an error and returns 0
 * when arg is not one. */
long long cli_parse_id(const char *cmd, const char *what, const char *arg);

#endif
