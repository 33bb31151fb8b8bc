/*
 * cmd_cap.c - "natrisk cap validate FILE...": checks CAP 1.2 messages,
 * natrisk's and others', against the project's CAP 1.2 schema and the
 * rules of method.md section 8 (cap.h). Every error is printed located.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/cap.h>

#include "../io/file.h"
#include "cli.h"

static int validate_one(const char *path)
{
	char *data;
	size_t len;
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag)
		return EXIT_INVALID;
	int rc = file_read(path, &data, &len);
	if (rc == 0) {
		rc = natrisk_cap_validate(path, data, len, diag);
		free(data);
	}
	return cli_load_done(path, rc, diag);
}

static int run_cap(const cli_command *cmd, int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	                  strcmp(argv[1], "-h") == 0))
		return cli_help(cmd);
	if (argc < 2)
		return cli_usage_error(cmd, "no subcommand given (validate)");
	if (strcmp(argv[1], "validate") != 0)
		return cli_usage_error(cmd, "unknown subcommand '%s' "
		                       "(validate)", argv[1]);
	int first = 2;
	if (argc > 2 && (strcmp(argv[2], "--help") == 0 ||
	                 strcmp(argv[2], "-h") == 0))
		return cli_help(cmd);
	if (argc > 2 && strcmp(argv[2], "--") == 0)
		first = 3;
	else if (argc > 2 && argv[2][0] == '-' && argv[2][1])
		return cli_usage_error(cmd, "unknown option '%s'", argv[2]);
	if (first >= argc)
		return cli_usage_error(cmd, "no file given");
	int status = 0;
	for (int i = first; i < argc; i++)
		if (validate_one(argv[i]) != 0)
			status = EXIT_INVALID;
	return status;
}

const cli_command cmd_cap = {
	"cap", "validate CAP 1.2 messages",
	"usage: natrisk cap validate FILE...\n\n"
	"Checks each FILE, a CAP 1.2 alert message (natrisk's or another\n"
	"publisher's), against natrisk's CAP 1.2 schema (schemas/cap-1.2.xsd,\n"
	"in $NATRISK_DATADIR/schemas, the installed data directory, or built\n"
	"in) and the rules of the standard the schema cannot say: restriction\n"
	"and addresses by scope, references of an Update or Cancel\n"
	"(sender,identifier,sent triplets), one info per language, polygons\n"
	"(four or more pairs, closed) and circles, and the cell-broadcast\n"
	"length of each info: its headline, description and instruction\n"
	"joined by line feeds, at most 1395 characters in the GSM 7-bit\n"
	"alphabet or 615 in UCS-2. Every error is printed to stderr as\n"
	"FILE:LINE:COL: error: MESSAGE.\n\n"
	"Exit status: 0 valid, 1 invalid, 2 usage error.\n",
	run_cap,
};
