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

/*
 * A list of diagnostics. It is not locked: one list serves one thread at
 * a time (a loader, then its caller).
 */
typedef struct natrisk_diag natrisk_diag;

/* A new, empty list, or NULL when out of memory; free it with
 * natrisk_diag_free(). */
NATRISK_EXTERN
natrisk_diag *natrisk_diag_new(void);
/* Frees DIAG and every diagnostic in it (their file and message strings
 * included). NULL is allowed. */
NATRISK_EXTERN
void natrisk_diag_free(natrisk_diag *diag);

/*
 * Adds a diagnostic of SEVERITY at FILE:LINE:COLUMN (1-based; below 1
 * reads 1; FILE NULL reads "<input>") with the printf-style message FMT,
 * translated into the thread's message language when natrisk knows it.
 * FILE and the message are copied into DIAG; a NULL DIAG ignores it. Past 1000 diagnostics, or when out of memory, the
 * diagnostic is dropped and natrisk_diag_truncated() says so; errors
 * still count in natrisk_diag_error_count().
 */
NATRISK_EXTERN
void natrisk_diag_add(natrisk_diag *diag, natrisk_severity severity,
                      const char *file, int line, int column,
                      const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* The number of diagnostics kept; the number of errors found, those
 * dropped past the limit included. */
NATRISK_EXTERN
size_t natrisk_diag_count(const natrisk_diag *diag);
NATRISK_EXTERN
size_t natrisk_diag_error_count(const natrisk_diag *diag);
/* Diagnostic I (below natrisk_diag_count), owned by DIAG: valid until
 * DIAG is freed or sorted, or a diagnostic is added. */
NATRISK_EXTERN
const natrisk_diagnostic *natrisk_diag_get(const natrisk_diag *diag, size_t i);

/* True when more diagnostics were found than the list keeps (1000). */
NATRISK_EXTERN
bool natrisk_diag_truncated(const natrisk_diag *diag);

/* Orders the diagnostics by file, then line and column (stable). */
NATRISK_EXTERN
void natrisk_diag_sort(natrisk_diag *diag);

/* Writes every diagnostic to OUT as one "FILE:LINE:COL: error: MESSAGE"
 * line ("warning" for warnings), in the thread's message language. */
NATRISK_EXTERN
void natrisk_diag_print(const natrisk_diag *diag, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
