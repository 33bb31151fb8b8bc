/*
 * output.h - writing results: the 80-column table, the JSON document of
 * formats.md ("natrisk assess --format json") and CSV; and printing
 * diagnostics.
 */
#ifndef NATRISK_OUTPUT_H
#define NATRISK_OUTPUT_H

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

/* Parses "table", "json" or "csv"; returns 0 or -1. */
NATRISK_EXTERN
int natrisk_format_parse(const char *name, natrisk_format *out);

NATRISK_EXTERN
int natrisk_results_write(const natrisk_results *r, natrisk_format format,
                          natrisk_lang lang, FILE *out);

/* The JSON document as a NUL-terminated string (free it), or NULL. */
NATRISK_EXTERN
char *natrisk_results_json(const natrisk_results *r);

#ifdef __cplusplus
}
#endif
#endif
