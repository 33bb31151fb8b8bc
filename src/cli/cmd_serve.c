/*
 * cmd_serve.c - "natrisk serve": the collaborative server (src/server) on
 * a store, until SIGINT or SIGTERM. The signals are blocked before the
 * server's threads start, so that they all inherit the mask and only
 * this thread, in sigwait(), receives them.
 */
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server/server_api.h"

static int parse(const cli_command *cmd, int argc, char **argv,
                 server_options *o)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "listen", required_argument, NULL, 'l' },
		{ "tls-cert", required_argument, NULL, 'c' },
		{ "tls-key", required_argument, NULL, 'k' },
		{ "threads", required_argument, NULL, 't' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	char *end;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":d:l:c:k:t:T:h", options,
	                          NULL)) != -1) {
		switch (opt) {
		case 'd': o->db = optarg; break;
		case 'l': o->listen = optarg; break;
		case 'c': o->tls_cert = optarg; break;
		case 'k': o->tls_key = optarg; break;
		case 't':
			o->threads = (unsigned)strtoul(optarg, &end, 10);
			if (*end || o->threads < 1 || o->threads > 256)
				return cli_usage_error(cmd, "--threads takes 1 "
				                       "to 256");
			break;
		case 'T':
			o->timeout = (unsigned)strtoul(optarg, &end, 10);
			if (*end || o->timeout < 1 || o->timeout > 3600)
				return cli_usage_error(cmd, "--timeout takes 1 "
				                       "to 3600 seconds");
			break;
		case 'h': return -1;
		default:
			return cli_option_error(cmd, opt, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
		                       argv[optind]);
	if (!o->db)
		return cli_usage_error(cmd, "--db FILE is required");
	return 0;
}

static int run_serve(const cli_command *cmd, int argc, char **argv)
{
	server_options o = { .listen = "127.0.0.1:8080" };
	int rc = parse(cmd, argc, argv, &o);
	if (rc != 0)
		return rc < 0 ? cli_help(cmd) : rc;
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	server *srv;
	if (server_start(&srv, &o) != 0) {
		fprintf(stderr, "natrisk serve: %s\n", natrisk_error_last());
		return EXIT_INVALID;
	}
	printf("natrisk serve: listening on %s://%.*s:%u (store %s)\n",
	       o.tls_cert ? "https" : "http",
	       (int)(strrchr(o.listen, ':') - o.listen), o.listen,
	       server_port(srv), o.db);
	fflush(stdout);
	int sig = 0;
	sigwait(&stop, &sig);
	printf("natrisk serve: stopping (%s)\n", strsignal(sig));
	server_stop(srv);
	return 0;
}

const cli_command cmd_serve = {
	"serve", "run the collaborative server (JSON API and web UI)",
	"usage: natrisk serve --db FILE [--listen HOST:PORT] [--tls-cert PEM "
	"--tls-key PEM]\n"
	"                     [--threads N] [--timeout SECONDS]\n"
	"\n"
	"Serves the store FILE (created and migrated as needed) to the\n"
	"analysts' network: the JSON API under /api (described at\n"
	"/api/openapi.json) and the web UI at /. Stops on SIGINT or SIGTERM.\n"
	"\n"
	"  -d, --db FILE          the SQLite store\n"
	"  -l, --listen HOST:PORT where to listen (default 127.0.0.1:8080;\n"
	"                         port 0 picks a free port, printed at start)\n"
	"  -c, --tls-cert PEM     serve HTTPS with this certificate (chain)\n"
	"  -k, --tls-key PEM      and this private key\n"
	"  -t, --threads N        requests handled at once; more wait their\n"
	"                         turn (default: two per processor, at least\n"
	"                         four)\n"
	"  -T, --timeout SECONDS  close a connection idle this long, such as\n"
	"                         a client that sends too slowly (default 30)\n"
	"  -h, --help             this text\n"
	"\n"
	"Users come from 'natrisk user add'; editions from 'natrisk import' or\n"
	"POST /api/assessments.\n",
	run_serve,
};
