/*
 * cmd_plan.c - "natrisk plan import-actions PLAN FILE.csv": status
 * updates from the CSV action register (the CSV of "natrisk progress")
 * appended to the plan's action logs (plan_import.h). The plan file is
 * rewritten in place, atomically, and not at all after any error.
 */
#include <getopt.h>
#include <string.h>

#include <natrisk/plan_import.h>

#include "cli.h"

static const struct option plan_options[] = {
	{ "help", no_argument, NULL, 'h' },
};

static int no_option(const cli_command *cmd, int letter, void *ctx)
{
	return 0;
}

static int import_actions(const char *plan, const char *csv)
{
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag) {
		fprintf(stderr, "natrisk: out of memory\n");
		return EXIT_INVALID;
	}
	size_t changed = 0;
	int rc = natrisk_plan_import_actions_file(plan, csv, &changed, diag);
	natrisk_diag_sort(diag);
	natrisk_diag_print(diag, stderr);
	if (rc != 0 && natrisk_diag_error_count(diag) == 0)
		fprintf(stderr, "natrisk plan: %s\n", natrisk_error_last());
	natrisk_diag_free(diag);
	if (rc != 0)
		return EXIT_INVALID;
	fprintf(stderr, "natrisk plan: %zu log %s appended to %s\n", changed,
	        changed == 1 ? "entry" : "entries", plan);
	return 0;
}

static int run_plan(const cli_command *cmd, int argc, char **argv)
{
	int status = cli_getopt(cmd, argc, argv, plan_options, 1, "",
	                        no_option, NULL);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (optind >= argc)
		return cli_usage_error(cmd, "expected a subcommand: "
		                       "import-actions");
	if (strcmp(argv[optind], "import-actions") != 0)
		return cli_usage_error(cmd, "unknown subcommand '%s' "
		                       "(import-actions)", argv[optind]);
	if (argc - optind != 3)
		return cli_usage_error(cmd, "import-actions expects PLAN and "
		                       "FILE.csv");
	return import_actions(argv[optind + 1], argv[optind + 2]);
}

const cli_command cmd_plan = {
	"plan", "apply status updates to a plan's actions",
	"usage: natrisk plan import-actions PLAN FILE.csv\n\n"
	"Reads FILE.csv, the action register as 'natrisk progress --format csv'\n"
	"writes it (header advice,measure,action,what,owners,due,deadline,\n"
	"status,since,overdue,note; the columns measure, action, status and\n"
	"since are required, note is optional, others are ignored). For each\n"
	"row whose status differs from the action's status (that of its last log\n"
	"entry), appends a log entry to the action in PLAN dated by the row's\n"
	"since, with its note. A row that gives the status an earlier row of\n"
	"the same action set changes nothing (the register repeats an action\n"
	"under each adopted advice of its measure). A row naming an unknown\n"
	"measure or action, a bad status, or a changed status without a real\n"
	"date or dated before the action's last entry is an error at\n"
	"FILE.csv:LINE:COL; then nothing is written. PLAN is rewritten in place\n"
	"with its comments and order kept (entries are inserted, one line\n"
	"each).\n\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_plan,
};
