/*
 * cli_plan.c - loading a plan file for a command, its diagnostics (and
 * those of its assessment) printed as cli_load() prints an assessment's.
 */
#include <natrisk/plan.h>

#include "cli.h"

int cli_load_plan(const char *path, natrisk_plan **out)
{
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag) {
		fprintf(stderr, "natrisk: out of memory\n");
		return EXIT_INVALID;
	}
	int rc = natrisk_plan_load(out, path, diag);
	natrisk_diag_sort(diag);
	natrisk_diag_print(diag, stderr);
	if (rc != 0 && natrisk_diag_error_count(diag) == 0)
		fprintf(stderr, "%s:1:1: error: %s\n", path,
		        natrisk_error_last());
	natrisk_diag_free(diag);
	return rc == 0 ? 0 : EXIT_INVALID;
}
