/*
 * cmd_check.c - "natrisk check FILE...": validate only. Prints every error
 * and warning; nothing on stdout. A plan file (natrisk_plan_detect) is
 * validated with its assessment; anything else as an assessment.
 */
#include <getopt.h>

#include <natrisk/monitor.h>
#include <natrisk/plan.h>

#include "cli.h"

static int run_check(const cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if (opt == 'h')
			return cli_help(cmd);
		return cli_usage_error(cmd, "unknown option");
	}
	if (optind >= argc)
		return cli_usage_error(cmd, "no file given");
	int status = 0;
	for (int i = optind; i < argc; i++) {
		if (natrisk_monitor_detect(argv[i])) {
			natrisk_monitor *m;
			if (cli_load_monitor(argv[i], &m) != 0)
				status = EXIT_INVALID;
			natrisk_monitor_free(m);
			continue;
		}
		if (natrisk_plan_detect(argv[i])) {
			natrisk_plan *p;
			if (cli_load_plan(argv[i], &p) != 0)
				status = EXIT_INVALID;
			natrisk_plan_free(p);
			continue;
		}
		natrisk_assessment *a;
		if (cli_load(argv[i], &a) != 0)
			status = EXIT_INVALID;
		else
			natrisk_assessment_free(a);
	}
	return status;
}

const cli_command cmd_check = {
	"check", "validate assessment, plan and monitor files",
	"usage: natrisk check FILE...\n\n"
	"Validates assessment files without assessing them, and plan files\n"
	"(a top-level 'plan' key) and monitor files (a top-level 'monitor'\n"
	"key) together with the assessment each names.\n"
	"Every error and warning is printed to stderr as\n"
	"FILE:LINE:COL: error: MESSAGE.\n\n"
	"Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error.\n",
	run_check,
};
