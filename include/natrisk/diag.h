/*
 * diag.h - diagnostics: the errors and warnings found in input files.
 *
 * Loaders never stop at the first problem: they add every error and warning
 * they find to a natrisk_diag, each with the file, line and column it refers
 * to, and the caller prints them as "FILE:LINE:COL: error: MESSAGE".
 */
#ifndef NATRISK_DIAG_H
#define NATRISK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	NATRISK_SEVERITY_WARNING = 0,
	NATRISK_SEVERITY_ERROR = 1,
} natrisk_severity;

typedef struct natrisk_diagnostic {
	natrisk_severity severity;
	const char *file;
	int line;   /* 1-based */
	int column; /* 1-based */
	const char *message;
} natrisk_diagnostic;

typedef struct natrisk_diag natrisk_diag;

NATRISK_EXTERN
natrisk_diag *natrisk_diag_new(void);
NATRISK_EXTERN
void natrisk_diag_free(natrisk_diag *diag);

NATRISK_EXTERN
void natrisk_diag_add(natrisk_diag *diag, natrisk_severity severity,
                      const char *file, int line, int column,
                      const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

NATRISK_EXTERN
size_t natrisk_diag_count(const natrisk_diag *diag);
NATRISK_EXTERN
size_t natrisk_diag_error_count(const natrisk_diag *diag);
NATRISK_EXTERN
const natrisk_diagnostic *natrisk_diag_get(const natrisk_diag *diag, size_t i);

/* True when more diagnostics were found than the list keeps (1000). */
NATRISK_EXTERN
bool natrisk_diag_truncated(const natrisk_diag *diag);

/* Orders the diagnostics by file, then line and column (stable). */
NATRISK_EXTERN
void natrisk_diag_sort(natrisk_diag *diag);

/* Writes every diagnostic as one "FILE:LINE:COL: error: MESSAGE" line. */
NATRISK_EXTERN
void natrisk_diag_print(const natrisk_diag *diag, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
