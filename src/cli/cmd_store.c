/*
 * cmd_store.c - the CLI around the store: "natrisk import FILE --db",
 * "natrisk export ID --db" (the assessment file, round-trip exact),
 * "natrisk backup --db FILE OUT" (SQLite online backup) and "natrisk
 * audit verify --db" (the hash chain of the audit log).
 */
#include <getopt.h> /* optind */
#include <stdlib.h>
#include <string.h>

#include <natrisk/edition.h>

#include "cli.h"

static int run_import(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "ocC", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected one assessment file");
	natrisk_assessment *assessment;
	if ((status = cli_load(argv[optind], &assessment)) != 0)
		return status;
	natrisk_store *s;
	int64_t id;
	if ((status = cli_store_open(cmd, a.db, &s)) == 0) {
		if (natrisk_store_import(s, assessment, "cli", a.chairs,
		                         a.chair_count, &id) != 0)
			status = cli_store_fail(cmd, s);
		else {
			printf("%lld\n", (long long)id);
			natrisk_store_close(s);
		}
	}
	natrisk_assessment_free(assessment);
	return status;
}

static bool parse_id(const char *text, int64_t *id)
{
	uint64_t value;
	if (!cli_parse_whole(text, INT64_MAX, &value) || value == 0)
		return false;
	*id = (int64_t)value;
	return true;
}

static int run_export(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "oc", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	int64_t id;
	if (optind != argc - 1 || !parse_id(argv[optind], &id))
		return cli_usage_error(cmd, "expected the id of an edition");
	natrisk_classification clearance = NATRISK_CONFIDENTIAL;
	if (a.clearance &&
	    natrisk_classification_parse(a.clearance, &clearance) != 0)
		return cli_usage_error(cmd, "--clearance takes public, "
		                       "restricted or confidential");
	natrisk_store *s;
	if ((status = cli_store_open(cmd, a.db, &s)) != 0)
		return status;
	char *yaml;
	size_t len;
	if (natrisk_store_export(s, id, clearance, &yaml, &len, NULL) != 0)
		return cli_store_fail(cmd, s);
	natrisk_store_close(s);
	cli_output out;
	if ((status = cli_output_open(&out)) == 0) {
		fwrite(yaml, 1, len, out.stream);
		status = cli_output_commit(&out, a.output);
	}
	free(yaml);
	return status;
}

static int run_backup(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "oc", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected the backup file to write");
	natrisk_store *s;
	if ((status = cli_store_open(cmd, a.db, &s)) != 0)
		return status;
	if (natrisk_store_backup(s, argv[optind]) != 0)
		return cli_store_fail(cmd, s);
	natrisk_store_close(s);
	return 0;
}

static int run_audit(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "oc", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (optind != argc - 1 || strcmp(argv[optind], "verify") != 0)
		return cli_usage_error(cmd, "expected 'verify'");
	natrisk_store *s;
	if ((status = cli_store_open(cmd, a.db, &s)) != 0)
		return status;
	int64_t checked, bad;
	if (natrisk_store_audit_verify(s, &checked, &bad) != 0)
		return cli_store_fail(cmd, s);
	natrisk_store_close(s);
	printf("audit log intact: %lld entries\n", (long long)checked);
	return 0;
}

const cli_command cmd_import = {
	"import", "import an assessment file into a store as a new edition",
	"usage: natrisk import FILE --db DB [--chair NAME]...\n\n"
	"Checks FILE like 'natrisk check' and stores it as a new draft\n"
	"edition; its scores become the consolidated scores. Prints the new\n"
	"edition's id. The method must be named by its id.\n\n"
	"  --chair NAME  a chair of the edition (repeatable): its own chairs\n"
	"                and admins manage it; without one, admins alone.\n\n"
	"Exit status: 0 success, 1 invalid input or store error, 2 usage.\n",
	run_import,
};

const cli_command cmd_export = {
	"export", "write an edition of a store as an assessment file",
	"usage: natrisk export ID --db DB [--clearance LEVEL] [-o FILE]\n\n"
	"Writes edition ID in the assessment format with its consolidated\n"
	"scores. Importing the result and exporting again gives the same\n"
	"bytes. --clearance (default confidential) leaves out the scenarios\n"
	"above that level.\n\n"
	"Exit status: 0 success, 1 failure, 2 usage error.\n",
	run_export,
};

const cli_command cmd_backup = {
	"backup", "copy a live store with SQLite's online backup",
	"usage: natrisk backup --db DB OUT\n\n"
	"Copies the database to OUT while the server may keep running.\n\n"
	"Exit status: 0 success, 1 failure, 2 usage error.\n",
	run_backup,
};

const cli_command cmd_audit = {
	"audit", "verify the hash chain of a store's audit log",
	"usage: natrisk audit verify --db DB\n\n"
	"Recomputes every entry's hash and link. Any edit of the log since it\n"
	"was written (a changed, removed or inserted entry) is reported with\n"
	"the first bad entry, and the exit status is 1.\n\n"
	"Exit status: 0 intact, 1 tampered or unreadable, 2 usage error.\n",
	run_audit,
};
