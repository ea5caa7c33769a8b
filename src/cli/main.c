/* main.c - the parallax program: git-style subcommands over the library. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define PX_COMMAND(name, summary) int cmd_##name(int argc, char **argv);
#include "commands.h"
#undef PX_COMMAND

typedef struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
#define PX_COMMAND(name, summary) {#name, summary, cmd_##name},
#include "commands.h"
#undef PX_COMMAND
};

static void usage(FILE *out)
{
    fprintf(out, "usage: parallax [--version] [--help] COMMAND [ARGS]\n\n"
                 "parallax shows one news story from every side.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'parallax COMMAND --help' for the options of a command.\n"
                 "Exit codes: 0 ok, 1 some inputs failed, 2 usage error.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("parallax %s\n", PX_VERSION);
        return EXIT_OK;
    }
    cli_hide_db_passwords(argc, argv);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "parallax: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
