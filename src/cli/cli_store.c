/*
 * cli_store.c - what the commands on a store share (import, export,
 * backup, audit, user): their options, parsed in one place so that --db
 * and the others mean the same everywhere, and opening the store with
 * the error told the way every command tells it.
 */
#include <getopt.h>
#include <string.h>

#include <natrisk/store.h>

#include "cli.h"

static const struct option store_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "output", required_argument, NULL, 'o' },
	{ "clearance", required_argument, NULL, 'c' },
	{ "role", required_argument, NULL, 'r' },
	{ "password-stdin", no_argument, NULL, 'p' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void take(int letter, cli_store_args *a)
{
	switch (letter) {
	case 'd': a->db = optarg; break;
	case 'o': a->output = optarg; break;
	case 'c': a->clearance = optarg; break;
	case 'r': a->role = optarg; break;
	case 'p': a->password_stdin = true; break;
	}
}

/* The getopt tables for --db, --help and the options in ACCEPT, so that
 * any other is unknown to the command. */
static void option_tables(const char *accept, struct option *longs,
                          char *shorts)
{
	size_t n = 0, k = 0;
	shorts[k++] = ':'; /* report a missing argument as ':' */
	for (const struct option *o = store_options; o->name; o++) {
		if (o->val != 'd' && o->val != 'h' && !strchr(accept, o->val))
			continue;
		longs[n++] = *o;
		shorts[k++] = (char)o->val;
		if (o->has_arg == required_argument)
			shorts[k++] = ':';
	}
	longs[n] = (struct option){ NULL, 0, NULL, 0 };
	shorts[k] = '\0';
}

int cli_parse_store_args(const cli_command *cmd, int argc, char **argv,
                         const char *accept, cli_store_args *a)
{
	enum { COUNT = sizeof store_options / sizeof *store_options };
	struct option longs[COUNT];
	char shorts[2 * COUNT + 2];
	option_tables(accept, longs, shorts);
	memset(a, 0, sizeof *a);
	opterr = 0; /* our own messages, naming the command */
	optind = 1;
	int letter;
	while ((letter = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (letter == 'h')
			return -1;
		if (letter == ':' || letter == '?')
			return cli_option_error(cmd, letter, argv);
		take(letter, a);
	}
	if (!a->db)
		return cli_usage_error(cmd, "--db FILE is required");
	return 0;
}

int cli_store_open(const cli_command *cmd, const char *db,
                   natrisk_store **out)
{
	if (natrisk_store_open(out, db) == 0)
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
