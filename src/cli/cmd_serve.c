/* cmd_serve.c - `parallax serve`: the JSON API and web UI over HTTP. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
    "usage: parallax serve [OPTIONS]\n\n"
    "Serves the store's JSON API (docs/api.md) and the web UI until\n"
    "interrupted (Ctrl-C or SIGTERM). Writes are refused from other sites'\n"
    "pages (Origin, Sec-Fetch-Site, JSON content types only) and requests\n"
    "for unknown host names are refused (DNS rebinding). A database in a\n"
    "read-only folder is served read-only (POST answers 503).\n\n"
    "options:\n" CLI_DB_HELP
    "  -p, --port N         TCP port (default 8080; 0 picks a free one)\n"
    "  -b, --bind ADDR      address to listen on (default 127.0.0.1)\n"
    "      --threads N      request threads (default 4)\n"
    "      --max-body MIB   largest POST body in MiB (default 16)\n"
    "  -S, --sources FILE   outlet table for POSTed articles (CSV/TSV)\n"
    "      --token T        POST /api/articles needs 'Authorization: Bearer T'\n"
    "                       (default $PARALLAX_TOKEN; required when --bind is\n"
    "                       not a loopback address)\n"
    "      --allow-host NAME  also answer requests for this host name (the Host\n"
    "                       header); addresses and localhost always are (repeatable)\n"
    "  -h, --help           this help\n";

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static int serve_until_signal(px_api *api, const px_server_opts *so)
{
    px_server *srv;
    px_error err;
    px_error_clear(&err);
    if (px_server_start(&srv, api, so, &err) != PX_OK) {
        cli_error("%s", err.msg);
        return EXIT_INPUT;
    }
    const char *bind = so->bind ? so->bind : "127.0.0.1";
    printf("parallax: serving http://%s%s%s:%u/ (Ctrl-C to stop)\n", strchr(bind, ':') ? "[" : "", bind,
           strchr(bind, ':') ? "]" : "", px_server_port(srv));
    fflush(stdout);
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    while (!stop_requested)
        pause();
    px_server_stop(srv);
    return EXIT_OK;
}

static long number_arg(const char *opt, const char *arg, long min, long max)
{
    char *end;
    long n = strtol(arg, &end, 10);
    if (*arg == '\0' || *end || n < min || n > max) {
        cli_usage_error("serve", "%s takes a number from %ld to %ld, not '%s'", opt, min, max, arg);
        return -1;
    }
    return n;
}

static int is_loopback(const char *bind)
{
    return strncmp(bind, "127.", 4) == 0 || strcmp(bind, "::1") == 0 || strcmp(bind, "localhost") == 0;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_DB_LONGOPT,
                                             {"port", required_argument, NULL, 'p'},
                                             {"bind", required_argument, NULL, 'b'},
                                             {"threads", required_argument, NULL, 0x301},
                                             {"max-body", required_argument, NULL, 0x302},
                                             {"sources", required_argument, NULL, 'S'},
                                             {"token", required_argument, NULL, 0x303},
                                             {"allow-host", required_argument, NULL, 0x304},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL, *sources_path = NULL, *token = getenv("PARALLAX_TOKEN");
    const char *hosts[33];
    size_t n_hosts = 0;
    px_server_opts so = {.port = 8080};
    long max_body = 16, n;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "p:b:S:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 0x300: db = optarg; break;
        case 'p':
            if ((n = number_arg("--port", optarg, 0, 65535)) < 0)
                return EXIT_USAGE;
            so.port = (unsigned)n;
            break;
        case 'b': so.bind = optarg; break;
        case 0x301:
            if ((n = number_arg("--threads", optarg, 1, 256)) < 0)
                return EXIT_USAGE;
            so.threads = (unsigned)n;
            break;
        case 0x302:
            if ((max_body = number_arg("--max-body", optarg, 1, 1024)) < 0)
                return EXIT_USAGE;
            break;
        case 'S': sources_path = optarg; break;
        case 0x303: token = optarg; break;
        case 0x304:
            if (n_hosts == 32)
                return cli_usage_error("serve", "at most 32 --allow-host names");
            hosts[n_hosts++] = optarg;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage_error("serve", "unknown option");
        }
    }
    if (optind != argc)
        return cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
    hosts[n_hosts] = NULL;
    if (token && !*token)
        token = NULL;
    if (!token && so.bind && !is_loopback(so.bind))
        return cli_usage_error("serve", "--bind %s opens the server to the network: give a --token (or "
                                        "PARALLAX_TOKEN) that writes must carry", so.bind);
    px_error err;
    px_error_clear(&err);
    px_sources *sources = NULL;
    if (sources_path && px_sources_load(&sources, sources_path, &err) != PX_OK) {
        cli_error("%s", err.msg);
        return EXIT_USAGE;
    }
    px_api_opts ao = {.db = cli_db_path(db), .connections = so.threads ? so.threads : 4,
                      .max_body = (size_t)max_body << 20, .sources = sources, .token = token,
                      .allow_hosts = hosts};
    px_api *api;
    if (px_api_new(&api, &ao, &err) != PX_OK) {
        cli_error("%s", err.msg);
        px_sources_free(sources);
        return EXIT_INPUT;
    }
    if (px_api_readonly(api))
        fprintf(stderr, "parallax: %s: read-only; serving it without POST /api/articles\n", ao.db);
    int rc = serve_until_signal(api, &so);
    px_api_free(api);
    px_sources_free(sources);
    return rc;
}
