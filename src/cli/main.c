/*
 * main.c - the natrisk command: dispatch on the table of subcommands, in
 * the manner of git. Each subcommand lives in its own cmd_*.c file.
 */
#include <stdio.h>
#include <string.h>

#include <natrisk/common.h>

#include "cli.h"

static const cli_command *const commands[] = {
	&cmd_check, &cmd_assess, &cmd_report, &cmd_diagram, &cmd_methods,
	&cmd_method, &cmd_robustness, &cmd_capabilities, &cmd_portfolio, &cmd_progress, &cmd_plan, &cmd_smaa,
	&cmd_monitor, &cmd_cap, &cmd_import, &cmd_export,
	&cmd_user, &cmd_backup, &cmd_audit, &cmd_serve, NULL,
};

static void print_overview(FILE *out)
{
	fprintf(out, "usage: natrisk COMMAND [ARGS] [--help]\n"
	             "       natrisk --version\n\n"
	             "Scenario-based national risk assessment.\n\n"
	             "Commands:\n");
	for (size_t i = 0; commands[i]; i++)
		fprintf(out, "  %-12s %s\n", commands[i]->name,
		        commands[i]->summary);
	fprintf(out, "\nSee 'natrisk COMMAND --help' for one command.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_overview(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
		printf("natrisk %s\n", natrisk_version());
		return 0;
	}
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
	    strcmp(name, "help") == 0) {
		if (argc > 2 && strcmp(name, "help") == 0)
			for (size_t i = 0; commands[i]; i++)
				if (strcmp(commands[i]->name, argv[2]) == 0)
					return cli_help(commands[i]);
		print_overview(stdout);
		return 0;
	}
	for (size_t i = 0; commands[i]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i]->run(commands[i], argc - 1, argv + 1);
	fprintf(stderr, "natrisk: '%s' is not a command. See 'natrisk "
	        "--help'.\n", name);
	return EXIT_USAGE;
}
