/*
 * cli_plan.c - loading a plan or a monitor file for a command, its
 * diagnostics (and those of the assessment it names) printed as
 * cli_load() prints an assessment's; and the directories commands write
 * into.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <natrisk/monitor.h>
#include <natrisk/plan.h>

#include "cli.h"

int cli_load_done(const char *path, int rc, natrisk_diag *diag)
{
	natrisk_diag_sort(diag);
	natrisk_diag_print(diag, stderr);
	if (rc != 0 && natrisk_diag_error_count(diag) == 0)
		fprintf(stderr, "%s:1:1: error: %s\n", path,
		        natrisk_error_last());
	natrisk_diag_free(diag);
	return rc == 0 ? 0 : EXIT_INVALID;
}

int cli_load_plan(const char *path, natrisk_plan **out)
{
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag) {
		*out = NULL;
		fprintf(stderr, "natrisk: out of memory\n");
		return EXIT_INVALID;
	}
	return cli_load_done(path, natrisk_plan_load(out, path, diag), diag);
}

int cli_load_monitor(const char *path, natrisk_monitor **out)
{
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag) {
		*out = NULL;
		fprintf(stderr, "natrisk: out of memory\n");
		return EXIT_INVALID;
	}
	return cli_load_done(path, natrisk_monitor_load(out, path, diag),
	                     diag);
}

int cli_ensure_dir(const cli_command *cmd, const char *dir, bool *made)
{
	struct stat st;
	*made = false;
	if (mkdir(dir, 0777) == 0) {
		*made = true;
		return 0;
	}
	if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		fprintf(stderr, "natrisk %s: %s exists and is not a "
		        "directory\n", cmd->name, dir);
	else
		fprintf(stderr, "natrisk %s: cannot create directory %s: %s\n",
		        cmd->name, dir, strerror(errno));
	return EXIT_INVALID;
}
