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

static const struct option serve_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "listen", required_argument, NULL, 'l' },
	{ "tls-cert", required_argument, NULL, 'c' },
	{ "tls-key", required_argument, NULL, 'k' },
	{ "threads", required_argument, NULL, 't' },
	{ "timeout", required_argument, NULL, 'T' },
	{ "audit-key", required_argument, NULL, 'A' },
	{ "deadline", required_argument, NULL, 'D' },
	{ "max-per-address", required_argument, NULL, 'M' },
	{ "monitor", required_argument, NULL, 'm' },
	{ "monitor-edition", required_argument, NULL, 'e' },
	{ "interval", required_argument, NULL, 'i' },
	{ "feed-timeout", required_argument, NULL, 'f' },
	{ "webhook-backoff", required_argument, NULL, 'b' },
	{ "webhook-attempts", required_argument, NULL, 'a' },
	{ "help", no_argument, NULL, 'h' },
};

/* A whole number from LOW to HIGH, or 0. */
static unsigned bounded(const char *text, unsigned low, unsigned high)
{
	char *end;
	unsigned long value = strtoul(text, &end, 10);
	return *end || *text == '-' || value < low || value > high
	               ? 0
	               : (unsigned)value;
}

/* Seconds from LOW to HIGH, fractions allowed, or 0. */
static double seconds(const char *text, double low, double high)
{
	char *end;
	double value = strtod(text, &end);
	return *end || end == text || !(value >= low && value <= high) ? 0
	                                                               : value;
}

/* The options of the alerts (docs/server.md, "Alerts"). */
static int take_alerts(const cli_command *cmd, int letter,
                       server_options *o)
{
	switch (letter) {
	case 'm': o->monitor = optarg; break;
	case 'e':
		if (!(o->monitor_edition = bounded(optarg, 1, 1000000000)))
			return cli_usage_error(cmd, "--monitor-edition takes an "
			                       "edition's id");
		break;
	case 'i':
		if (!(o->monitor_interval = seconds(optarg, 0.1, 86400)))
			return cli_usage_error(cmd, "--interval takes 0.1 to "
			                       "86400 seconds");
		break;
	case 'f':
		if (!(o->feed_timeout = seconds(optarg, 0.1, 600)))
			return cli_usage_error(cmd, "--feed-timeout takes 0.1 to "
			                       "600 seconds");
		break;
	case 'b':
		if (!(o->webhook_backoff = seconds(optarg, 0.01, 3600)))
			return cli_usage_error(cmd, "--webhook-backoff takes "
			                       "0.01 to 3600 seconds");
		break;
	case 'a':
		if (!(o->webhook_attempts = bounded(optarg, 1, 1000)))
			return cli_usage_error(cmd, "--webhook-attempts takes 1 "
			                       "to 1000");
		break;
	}
	return 0;
}

static int take(const cli_command *cmd, int letter, void *ctx)
{
	server_options *o = ctx;
	if (strchr("meifba", letter))
		return take_alerts(cmd, letter, o);
	switch (letter) {
	case 'd': o->db = optarg; break;
	case 'l': o->listen = optarg; break;
	case 'c': o->tls_cert = optarg; break;
	case 'k': o->tls_key = optarg; break;
	case 'A': o->audit_key = optarg; break;
	case 't':
		if (!(o->threads = bounded(optarg, 1, 256)))
			return cli_usage_error(cmd, "--threads takes 1 to 256");
		break;
	case 'T':
		if (!(o->timeout = bounded(optarg, 1, 3600)))
			return cli_usage_error(cmd, "--timeout takes 1 to 3600 "
			                       "seconds");
		break;
	case 'D':
		if (!(o->deadline = bounded(optarg, 1, 3600)))
			return cli_usage_error(cmd, "--deadline takes 1 to 3600 "
			                       "seconds");
		break;
	case 'M':
		if (!(o->per_address = bounded(optarg, 1,
		                               SERVER_MAX_PER_ADDRESS)))
			return cli_usage_error(cmd, "--max-per-address takes 1 "
			                       "to %d", SERVER_MAX_PER_ADDRESS);
		break;
	}
	return 0;
}

static int parse(const cli_command *cmd, int argc, char **argv,
                 server_options *o)
{
	int status = cli_getopt(cmd, argc, argv, serve_options,
	                        sizeof serve_options / sizeof *serve_options,
	                        "dlcktTADMmeifba", take, o);
	if (status)
		return status;
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
		                       argv[optind]);
	if (!o->db)
		return cli_usage_error(cmd, "--db FILE is required");
	if (!o->monitor != !o->monitor_edition)
		return cli_usage_error(cmd, "--monitor FILE and "
		                       "--monitor-edition ID go together");
	o->audit_key = cli_audit_key(o->audit_key);
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
	"                     [--threads N] [--timeout SECONDS] [--audit-key KEY]\n"
	"                     [--deadline SECONDS] [--max-per-address N]\n"
	"                     [--monitor FILE --monitor-edition ID]\n"
	"                     [--interval SECONDS] [--feed-timeout SECONDS]\n"
	"                     [--webhook-backoff SECONDS] [--webhook-attempts N]\n"
	"\n"
	"Serves the store FILE (created and migrated as needed) to the\n"
	"analysts' network: the JSON API under /api (described at\n"
	"/api/openapi.json) and the web UI at /. Stops on SIGINT or SIGTERM.\n"
	"Refuses to start on a store it cannot write, or on a port in use.\n"
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
	"  -A, --audit-key KEY    the audit log's key (default FILE.audit-key,\n"
	"                         or $NATRISK_AUDIT_KEY; made on first open)\n"
	"  -D, --deadline SECONDS close a connection whose request (headers\n"
	"                         and body) has not arrived whole this long\n"
	"                         after it began (default 30)\n"
	"  -M, --max-per-address N\n"
	"                         connections one client address may hold\n"
	"                         (default 64, at most 512 of the 1024)\n"
	"  -m, --monitor FILE     run the monitor file FILE on a schedule:\n"
	"                         its level changes become alerts (CAP 1.2)\n"
	"                         in the store, /api/alerts, /alerts.atom and\n"
	"                         the webhooks\n"
	"  -e, --monitor-edition ID\n"
	"                         the edition whose scenarios the monitor's\n"
	"                         indicators name (their classification is\n"
	"                         the alerts')\n"
	"  -i, --interval SECONDS the monitor's rounds (default 60)\n"
	"  -f, --feed-timeout SECONDS\n"
	"                         the time limit of a feed's poll (default 10)\n"
	"  -b, --webhook-backoff SECONDS\n"
	"                         the wait before a failed delivery's first\n"
	"                         retry, doubled each time up to an hour\n"
	"                         (default 10)\n"
	"  -a, --webhook-attempts N\n"
	"                         attempts before a delivery is given up\n"
	"                         (default 12)\n"
	"  -h, --help             this text\n"
	"\n"
	"Users come from 'natrisk user add'; editions from 'natrisk import' or\n"
	"POST /api/assessments.\n",
	run_serve,
};
