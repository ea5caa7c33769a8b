/* cmd_enqueue.c - `parallax enqueue`: register files for ingest workers. */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "store/queue.h"

static const char help[] =
    "usage: parallax enqueue --db postgresql://... PATH...\n\n"
    "Registers each file (a folder: every file in it, in name order) as one\n"
    "work item for `parallax worker`, by its absolute path: the workers read\n"
    "it there, so on several machines it must be on a shared file system.\n"
    "Items are stored in the order they are registered. A file registered\n"
    "already is not added again.\n\n"
    "options:\n" CLI_DB_HELP
    "  -q, --quiet          no summary on stderr\n"
    "  -h, --help           this help\n";

typedef struct enqueue_state {
    px_store *store;
    long long added, known, failed;
} enqueue_state;

static void enqueue_file(enqueue_state *st, const char *path)
{
    char full[PATH_MAX];
    px_error err;
    int added;
    px_error_clear(&err);
    if (!realpath(path, full)) {
        cli_error("%s: cannot resolve the path", path);
        st->failed++;
    } else if (px_store_enqueue(st->store, full, &added, &err) != PX_OK) {
        cli_error("%s", err.msg);
        st->failed++;
    } else if (added) {
        st->added++;
    } else {
        st->known++;
    }
}

static int visible(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

static void enqueue_path(enqueue_state *st, const char *path, int depth)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        cli_error("%s: no such file or folder", path);
        st->failed++;
        return;
    }
    if (!S_ISDIR(sb.st_mode)) {
        enqueue_file(st, path);
        return;
    }
    struct dirent **names;
    int n = depth < 32 ? scandir(path, &names, visible, alphasort) : -1;
    if (n < 0) {
        cli_error("%s: cannot list the folder", path);
        st->failed++;
        return;
    }
    for (int i = 0; i < n; i++) {
        char child[PATH_MAX];
        if ((size_t)snprintf(child, sizeof child, "%s/%s", path, names[i]->d_name) < sizeof child)
            enqueue_path(st, child, depth + 1);
        free(names[i]);
    }
    free(names);
}

int cmd_enqueue(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int quiet = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("enqueue", "unknown option");
        }
    }
    if (optind >= argc)
        return cli_usage_error("enqueue", "no file or folder given");
    enqueue_state st = {cli_open_store(db, 0), 0, 0, 0};
    if (!st.store)
        return EXIT_INPUT;
    for (int i = optind; i < argc; i++)
        enqueue_path(&st, argv[i], 0);
    if (!quiet)
        fprintf(stderr, "parallax: %s: %lld item%s registered, %lld registered already\n", px_store_path(st.store),
                st.added, st.added == 1 ? "" : "s", st.known);
    px_store_close(st.store);
    return st.failed ? EXIT_INPUT : EXIT_OK;
}
