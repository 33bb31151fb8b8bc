/*
 * output.h - writing results: the 80-column table, the JSON document of
 * formats.md ("natrisk assess --format json") and CSV; and printing
 * diagnostics.
 */
#ifndef NATRISK_OUTPUT_H
#define NATRISK_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "results.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	NATRISK_FORMAT_TABLE = 0,
	NATRISK_FORMAT_JSON = 1,
	NATRISK_FORMAT_CSV = 2,
} natrisk_format;

/* Parses NAME ("table", "json" or "csv") into *OUT; returns 0, or -1
 * (NATRISK_ERROR) for any other name, leaving *OUT alone. */
NATRISK_EXTERN
int natrisk_format_parse(const char *name, natrisk_format *out);

/* Writes R to OUT (the caller's, left open) in FORMAT; the table's words
 * in LANG (JSON and CSV are the same in every language). Returns
 * NATRISK_OK, NATRISK_ENOMEM or NATRISK_EIO (OUT reports an error). */
NATRISK_EXTERN
int natrisk_results_write(const natrisk_results *r, natrisk_format format,
                          natrisk_lang lang, FILE *out);

/* R as the JSON document of formats.md, a NUL-terminated string that the
 * caller frees with free(); NULL when out of memory. */
NATRISK_EXTERN
char *natrisk_results_json(const natrisk_results *r);

/* What the JSON document may add to the contract of formats.md. */
typedef struct natrisk_json_options {
	/* per scenario "risk_value": r = F^L * T of residual.h, as the
	 * residual assessment (assess --plan) writes it */
	bool risk_value;
} natrisk_json_options;

/* natrisk_results_json() with OPTIONS (NULL: none of the additions): a
 * NUL-terminated string that the caller frees with free(); NULL when
 * out of memory. */
NATRISK_EXTERN
char *natrisk_results_json_with(const natrisk_results *r,
                                const natrisk_json_options *options);

#ifdef __cplusplus
}
#endif
#endif
