/*
 * diag_print.c - diagnostics to a stream, one per line, in the form every
 * compiler user knows: FILE:LINE:COL: error: MESSAGE.
 */
#include <natrisk/diag.h>

void natrisk_diag_print(const natrisk_diag *diag, FILE *out)
{
	size_t n = natrisk_diag_count(diag);
	for (size_t i = 0; i < n; i++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, i);
		fprintf(out, "%s:%d:%d: %s: %s\n", d->file, d->line, d->column,
		        d->severity == NATRISK_SEVERITY_ERROR ? "error"
		                                              : "warning",
		        d->message);
	}
	if (natrisk_diag_truncated(diag))
		fprintf(out, "natrisk: more problems were found than shown\n");
}
