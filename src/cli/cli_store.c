/*
 * cli_store.c - what the commands on a store share (import, export,
 * backup, audit, user): their options, parsed in one place so that --db
 * and the others mean the same everywhere, and opening the store with
 * the error told the way every command tells it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/store.h>

#include "cli.h"

static const struct option store_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "output", required_argument, NULL, 'o' },
	{ "clearance", required_argument, NULL, 'c' },
	{ "role", required_argument, NULL, 'r' },
	{ "password-stdin", no_argument, NULL, 'p' },
	{ "chair", required_argument, NULL, 'C' },
	{ "organisation", required_argument, NULL, 'O' },
	{ "audit-key", required_argument, NULL, 'A' },
	{ "plan", required_argument, NULL, 'P' },
	{ "help", no_argument, NULL, 'h' },
};

static int take(const cli_command *cmd, int letter, void *ctx)
{
	cli_store_args *a = ctx;
	switch (letter) {
	case 'd': a->db = optarg; break;
	case 'o': a->output = optarg; break;
	case 'c': a->clearance = optarg; break;
	case 'r': a->role = optarg; break;
	case 'p': a->password_stdin = true; break;
	case 'C':
		if (a->chair_count == CLI_MAX_CHAIRS)
			return cli_usage_error(cmd, "at most %d --chair",
			                       CLI_MAX_CHAIRS);
		a->chairs[a->chair_count++] = optarg;
		break;
	case 'O':
		if (a->organisation_count == CLI_MAX_ORGANISATIONS)
			return cli_usage_error(cmd, "at most %d --organisation",
			                       CLI_MAX_ORGANISATIONS);
		a->organisations[a->organisation_count++] = optarg;
		break;
	case 'A': a->audit_key = optarg; break;
	case 'P': a->plan = optarg; break;
	}
	return 0;
}

int cli_parse_store_args(const cli_command *cmd, int argc, char **argv,
                         const char *accept, cli_store_args *a)
{
	char letters[16];
	/* --db and --audit-key always */
	snprintf(letters, sizeof letters, "dA%s", accept);
	memset(a, 0, sizeof *a);
	int status = cli_getopt(cmd, argc, argv, store_options,
	                        sizeof store_options / sizeof *store_options,
	                        letters, take, a);
	if (status)
		return status;
	if (!a->db)
		return cli_usage_error(cmd, "--db FILE is required");
	return 0;
}

const char *cli_audit_key(const char *given)
{
	const char *env = getenv("NATRISK_AUDIT_KEY");
	return given ? given : env && *env ? env : NULL;
}

int cli_store_open(const cli_command *cmd, const cli_store_args *a,
                   bool read_only, natrisk_store **out)
{
	natrisk_store_options o = { cli_audit_key(a->audit_key), read_only };
	if (natrisk_store_open_with(out, a->db, &o) == 0)
		return 0;
	fprintf(stderr, "natrisk %s: %s\n", cmd->name, natrisk_error_last());
	return EXIT_INVALID;
}

int cli_store_fail(const cli_command *cmd, natrisk_store *s)
{
	fprintf(stderr, "natrisk %s: %s\n", cmd->name, natrisk_error_last());
	natrisk_store_close(s);
	return EXIT_INVALID;
}
