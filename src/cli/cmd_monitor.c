/*
 * cmd_monitor.c - "natrisk monitor MONITOR": one run of the monitor
 * (monitor_run.h): the level changes of the indicators since the last
 * run become CAP 1.2 messages in OUTDIR, exactly once across runs that
 * share --state; stale feeds are warned about. This file parses the
 * command line, keeps the state file and commits the summary.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <natrisk/monitor_run.h>

#include "cli.h"

typedef struct monitor_args {
	const char *state;  /* --state: a directory, or a state file */
	const char *output; /* -o: the directory of the messages */
	const char *now;
	const char *format;
} monitor_args;

static int take(const cli_command *cmd, int letter, void *ctx)
{
	monitor_args *a = ctx;
	if (letter == 's')
		a->state = optarg;
	else if (letter == 'o')
		a->output = optarg;
	else if (letter == 'n')
		a->now = optarg;
	else if (letter == 'f')
		a->format = optarg;
	return 0;
}

/* The state file of --state PATH: PATH itself when it is a file, else
 * PATH/state.json in the directory PATH (made when missing); malloc'd,
 * or NULL after saying why. */
static char *state_file(const cli_command *cmd, const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return strdup(path);
	bool made;
	if (cli_ensure_dir(cmd, path, &made) != 0)
		return NULL;
	size_t n = strlen(path) + sizeof "/state.json";
	char *file = malloc(n);
	if (file)
		snprintf(file, n, "%s/state.json", path);
	return file;
}

/* Runs M with the state in STATE_PATH (or none); prints the summary. */
static int write_report(const void *report, natrisk_format format,
                        natrisk_lang lang, FILE *out)
{
	(void)lang; /* the summary is in the file's own words */
	return natrisk_monitor_report_write(report, format, out);
}

static int run(const cli_command *cmd, const natrisk_monitor *m,
               const monitor_args *a, const char *state_path, int64_t now,
               natrisk_format format)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_monitor_state *s = NULL;
	if (!diag)
		return EXIT_INVALID;
	int rc = state_path ? natrisk_monitor_state_load(&s, state_path, diag)
	                    : natrisk_monitor_state_load(&s, "", diag);
	natrisk_monitor_report report = { NULL, 0 };
	if (rc == 0)
		rc = natrisk_monitor_run(m, s, now, a->output ? a->output : ".",
		                         &report, diag);
	if (rc == 0 && state_path)
		rc = natrisk_monitor_state_save(s, state_path);
	natrisk_monitor_state_free(s);
	int status = cli_load_done(natrisk_monitor_path(m), rc, diag);
	/* a summary that cannot be written is an error, not an empty 0 */
	if (status == 0)
		status = cli_write_output(cmd, write_report, &report, format,
		                          NATRISK_LANG_EN, NULL);
	natrisk_monitor_report_free(&report);
	return status;
}

static int run_monitor(const cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "state", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "now", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
	};
	monitor_args a = { NULL, NULL, NULL, NULL };
	int status = cli_getopt(cmd, argc, argv, options,
	                        sizeof options / sizeof *options, "sonf",
	                        take, &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (optind != argc - 1)
		return cli_usage_error(cmd, optind >= argc ? "no monitor file "
		                       "given" : "one monitor file only");
	natrisk_format format = NATRISK_FORMAT_TABLE;
	if (a.format && strcmp(a.format, "text") != 0 &&
	    (natrisk_format_parse(a.format, &format) != 0 ||
	     format == NATRISK_FORMAT_CSV))
		return cli_usage_error(cmd, "unknown format '%s' (text, json)",
		                       a.format);
	int64_t now = (int64_t)time(NULL);
	if (a.now && natrisk_time_parse(a.now, &now) != 0)
		return cli_usage_error(cmd, "--now must be an ISO 8601 time "
		                       "such as 2012-10-01T06:00:00Z, not '%s'",
		                       a.now);
	bool made;
	if (a.output && cli_ensure_dir(cmd, a.output, &made) != 0)
		return EXIT_INVALID;
	char *state_path = a.state ? state_file(cmd, a.state) : NULL;
	if (a.state && !state_path)
		return EXIT_INVALID;
	natrisk_monitor *m;
	status = cli_load_monitor(argv[optind], &m);
	if (status == 0)
		status = run(cmd, m, &a, state_path, now, format);
	natrisk_monitor_free(m);
	free(state_path);
	return status;
}

const cli_command cmd_monitor = {
	"monitor", "raise and end alerts as CAP 1.2 messages",
	"usage: natrisk monitor MONITOR [--state DIR] [-o OUTDIR] "
	"[--now TIME] [--format text|json]\n\n"
	"Reads the feed of every indicator of the monitor file MONITOR, in\n"
	"time order (a repeated time counts once: the first record), and\n"
	"writes a CAP 1.2 message to OUTDIR/IDENTIFIER.xml whenever an\n"
	"indicator's level changes: Alert when it rises from none, Update on\n"
	"a change between levels, Cancel when it falls to none. An Update or\n"
	"Cancel references the message before it. An indicator whose newest\n"
	"observation is older than its stale duration at TIME gets a warning.\n\n"
	"  -s, --state DIR       keep the progress in DIR/state.json (or in\n"
	"                        DIR when it is a file): a later run continues\n"
	"                        there and repeats no message\n"
	"  -o, --output OUTDIR   the directory of the messages (default .)\n"
	"  -n, --now TIME        the time of the stale check, ISO 8601\n"
	"                        (default: now)\n"
	"  -f, --format FORMAT   text (default): one line per message; json:\n"
	"                        the summary of docs/formats.md\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success (warnings allowed), 1 invalid input, 2 usage\n"
	"error.\n",
	run_monitor,
};
