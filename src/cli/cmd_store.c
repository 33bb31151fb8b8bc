/*
 * cmd_store.c - the CLI around the store: "natrisk import FILE --db",
 * "natrisk export ID --db" (the assessment file, round-trip exact but
 * for its banner) and "natrisk export --plan ID --db" (its plan file),
 * "natrisk backup --db FILE OUT" (SQLite online backup, with the copy's
 * audit anchor) and "natrisk audit verify|anchor --db" (the audit log's
 * links, MACs and anchor; read-only).
 */
#include <getopt.h> /* optind */
#include <stdlib.h>
#include <string.h>

#include <natrisk/edition.h>
#include <natrisk/plan_store.h>

#include "../io/file.h"
#include "cli.h"

static bool parse_id(const char *text, int64_t *id);

/* DIAG's errors, located in the plan file at PATH (its warnings are
 * the stored edition's, not the file's). */
static void print_located(const natrisk_diag *diag, const char *path)
{
	for (size_t k = 0; k < natrisk_diag_count(diag); k++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, k);
		if (d->severity == NATRISK_SEVERITY_ERROR)
			fprintf(stderr, "%s:%d:%d: error: %s\n", path, d->line,
			        d->column, d->message);
	}
}

/* "natrisk import PLAN --plan ID": the plan file as edition ID's plan,
 * as POST /api/assessments/ID/plan takes it. */
static int import_plan(const cli_command *cmd, const cli_store_args *a,
                       const char *path)
{
	int64_t id;
	if (!parse_id(a->plan, &id))
		return cli_usage_error(cmd, "--plan takes the id of an edition");
	char *text;
	size_t len;
	if (file_read(path, &text, &len) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		return EXIT_INVALID;
	}
	natrisk_store *s = NULL;
	int status = cli_store_open(cmd, a, false, &s);
	natrisk_diag *diag = natrisk_diag_new();
	int rc = status == 0 && diag
	                 ? natrisk_store_plan_import(s, id, text, len, "cli",
	                                             NATRISK_CONFIDENTIAL, diag)
	                 : 0;
	free(text);
	if (rc != 0 && natrisk_diag_error_count(diag) == 0) {
		natrisk_diag_free(diag);
		return cli_store_fail(cmd, s);
	}
	if (rc != 0) {
		natrisk_diag_sort(diag);
		print_located(diag, path);
		status = EXIT_INVALID;
	}
	natrisk_store_close(s);
	natrisk_diag_free(diag);
	return status;
}

static int run_import(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "ocCP", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected one assessment file");
	if (a.plan)
		return import_plan(cmd, &a, argv[optind]);
	natrisk_assessment *assessment;
	if ((status = cli_load(argv[optind], &assessment)) != 0)
		return status;
	natrisk_store *s;
	int64_t id;
	if ((status = cli_store_open(cmd, &a, false, &s)) == 0) {
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

/* The edition's plan file as a reader of CLEARANCE sees it, with every
 * expert's levels (GET .../plan.yaml as a chair of the edition). */
static int export_plan(natrisk_store *s, int64_t id,
                       natrisk_classification clearance, char **yaml,
                       size_t *len)
{
	natrisk_plan_reader reader = { clearance, NULL };
	return natrisk_store_plan_export(s, id, &reader, yaml, len);
}

static int run_export(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "ocP", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	int64_t id;
	if (a.plan ? optind != argc || !parse_id(a.plan, &id)
	           : optind != argc - 1 || !parse_id(argv[optind], &id))
		return cli_usage_error(cmd, a.plan ? "--plan takes the id of an "
		                                     "edition, and no other id"
		                                   : "expected the id of an edition");
	natrisk_classification clearance = NATRISK_CONFIDENTIAL;
	if (a.clearance &&
	    natrisk_classification_parse(a.clearance, &clearance) != 0)
		return cli_usage_error(cmd, "--clearance takes public, "
		                       "restricted or confidential");
	natrisk_store *s;
	if ((status = cli_store_open(cmd, &a, false, &s)) != 0)
		return status;
	char *yaml;
	size_t len;
	if ((a.plan ? export_plan(s, id, clearance, &yaml, &len)
	            : natrisk_store_export(s, id, clearance, &yaml, &len,
	                                   NULL)) != 0)
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
	if ((status = cli_store_open(cmd, &a, false, &s)) != 0)
		return status;
	if (natrisk_store_backup(s, argv[optind]) != 0)
		return cli_store_fail(cmd, s);
	natrisk_store_close(s);
	const char *key = cli_audit_key(a.audit_key);
	printf("natrisk backup: wrote %s and %s.audit-anchor. The audit key "
	       "(%s%s) is not in the backup: keep a copy of it apart from "
	       "the backups; the backup verifies with natrisk audit verify "
	       "--db %s --audit-key KEY\n", argv[optind], argv[optind],
	       key ? key : a.db, key ? "" : ".audit-key", argv[optind]);
	return 0;
}

/* What verify found, in one line. */
static void print_report(const natrisk_audit_report *r)
{
	printf("audit log intact: %lld %s", (long long)r->entries,
	       r->entries == 1 ? "entry" : "entries");
	if (r->anchored < 0) {
		printf(", not yet under an audit key: entries removed from its "
		       "end cannot be told until natrisk next opens the store "
		       "for writing and seals it\n");
		return;
	}
	if (r->unsealed > 0)
		printf(" (the first %lld from before the log had a key, "
		       "sealed under it by entry %lld)",
		       (long long)r->unsealed, (long long)r->unsealed + 1);
	printf("; the anchor is at entry %lld", (long long)r->anchored);
	if (r->anchored < r->entries)
		printf(", %lld behind (entries written after the anchor last "
		       "moved: a writer at work, or a crash)",
		       (long long)(r->entries - r->anchored));
	printf("\n");
}

static int run_audit(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	const char *verb = optind == argc - 1 ? argv[optind] : "";
	bool verify = strcmp(verb, "verify") == 0;
	if (!verify && strcmp(verb, "anchor") != 0)
		return cli_usage_error(cmd, "expected 'verify' or 'anchor'");
	natrisk_store *s;
	if ((status = cli_store_open(cmd, &a, true, &s)) != 0)
		return status;
	natrisk_audit_report r;
	if ((verify ? natrisk_store_audit_verify(s, &r)
	            : natrisk_store_audit_anchor(s, &r)) != 0)
		return cli_store_fail(cmd, s);
	natrisk_store_close(s);
	if (verify)
		print_report(&r);
	else
		printf("audit log anchored at entry %lld: every link and MAC "
		       "checked\n", (long long)r.anchored);
	return 0;
}

const cli_command cmd_import = {
	"import", "import an assessment file into a store as a new edition",
	"usage: natrisk import FILE --db DB [--chair NAME]... [--audit-key KEY]\n"
	"       natrisk import PLAN --plan ID --db DB [--audit-key KEY]\n\n"
	"Checks FILE like 'natrisk check' and stores it as a new draft\n"
	"edition; its scores become the consolidated scores. Prints the new\n"
	"edition's id. The method must be named by its id.\n\n"
	"  --chair NAME  a chair of the edition (repeatable): its own chairs\n"
	"                and admins manage it; without one, admins alone.\n"
	"  --plan ID     PLAN is a plan file: it becomes the plan of edition\n"
	"                ID (replacing its plan), checked against the\n"
	"                edition's scenarios; its levels are the experts'.\n\n"
	"Exit status: 0 success, 1 invalid input or store error, 2 usage.\n",
	run_import,
};

const cli_command cmd_export = {
	"export", "write an edition of a store as an assessment file",
	"usage: natrisk export ID --db DB [--clearance LEVEL] [-o FILE]\n"
	"       natrisk export --plan ID --db DB [--clearance LEVEL] [-o FILE]\n\n"
	"Writes edition ID in the assessment format with its consolidated\n"
	"scores, between two banner comments that name the highest\n"
	"classification it holds, the edition's status and the day.\n"
	"Importing the result and exporting again gives the same bytes but\n"
	"for the banner. --clearance (default confidential) leaves out the\n"
	"scenarios and themes above that level.\n\n"
	"  --plan ID     write edition ID's plan file instead, with every\n"
	"                expert's levels, between the same banners; what\n"
	"                touches a scenario above --clearance is left out.\n"
	"                'natrisk import FILE --plan ID' takes it back.\n\n"
	"Exit status: 0 success, 1 failure, 2 usage error.\n",
	run_export,
};

const cli_command cmd_backup = {
	"backup", "copy a live store with SQLite's online backup",
	"usage: natrisk backup --db DB [--audit-key KEY] OUT\n\n"
	"Copies the database to OUT while the server may keep running, and\n"
	"writes OUT.audit-anchor, the audit anchor of the copy. The audit key\n"
	"(DB.audit-key, or --audit-key / $NATRISK_AUDIT_KEY) is not copied:\n"
	"keep it apart from the backups, since whoever has a copy and its key\n"
	"could rewrite the copy's audit log undetected. To check a backup:\n"
	"natrisk audit verify --db OUT --audit-key KEY. To restore one: copy\n"
	"OUT to DB and OUT.audit-anchor to DB.audit-anchor, with the server\n"
	"stopped.\n\n"
	"Exit status: 0 success, 1 failure, 2 usage error.\n",
	run_backup,
};

const cli_command cmd_audit = {
	"audit", "verify the store's audit log; anchor it anew",
	"usage: natrisk audit verify --db DB [--audit-key KEY]\n"
	"       natrisk audit anchor --db DB [--audit-key KEY]\n\n"
	"verify recomputes every entry's hash, link and MAC under the audit\n"
	"key (DB.audit-key, or --audit-key / $NATRISK_AUDIT_KEY), and checks\n"
	"the log's end against the anchor (DB.audit-anchor). Any edit of the\n"
	"log since it was written (a changed, removed or inserted entry, one\n"
	"re-chained, entries cut from the end) is reported with the first bad\n"
	"entry, and the exit status is 1. It only reads: it works on a\n"
	"read-only copy of the store, and while the server runs.\n\n"
	"anchor writes a new anchor at the log's end, after checking every\n"
	"link and MAC: for an anchor that was lost. Entries cut from the end\n"
	"before it cannot be told afterwards.\n\n"
	"Exit status: 0 intact, 1 tampered or unreadable, 2 usage error.\n",
	run_audit,
};
