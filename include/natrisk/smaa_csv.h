/*
 * smaa_csv.h - given SMAA samples read from two CSV files (formats.md,
 * "natrisk smaa --measurements M.csv --weights W.csv"):
 *
 *   M.csv  iteration,alternative,<criterion>,...   one row per iteration
 *          and alternative; iterations numbered from 1, every alternative
 *          in every iteration, in the order of iteration 1
 *   W.csv  iteration,<criterion>,...               one row per iteration;
 *          the criteria of M.csv, in any order; weights >= 0 that sum to
 *          1 within 1e-6
 *
 * RFC 4180: quoted fields, CRLF or LF line ends, UTF-8 (a byte order mark
 * is skipped). Numbers are decimal (1, -0.5, 2.5e-3; spaces around them
 * are allowed); NaN and infinities are refused. Every problem goes to the
 * diagnostics as FILE:LINE:COL, all of them, not only the first.
 */
#ifndef NATRISK_SMAA_CSV_H
#define NATRISK_SMAA_CSV_H

#include <stddef.h>

#include "diag.h"
#include "smaa.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Limits, far above real analyses (docs/design.md, "Limits"): the samples
 * are held in full and the results take alternatives squared, so without
 * them a small file could ask for gigabytes. A file past one is refused
 * with an error at the first field past it, before memory is taken for it.
 */
#define NATRISK_SMAA_MAX_ALTERNATIVES 1000
#define NATRISK_SMAA_MAX_CRITERIA 100
#define NATRISK_SMAA_MAX_ITERATIONS 1000000
/* measurements: iterations * alternatives * criteria (80 MB of them) */
#define NATRISK_SMAA_MAX_VALUES 10000000

/* Loaded samples: owns the arrays and names that its view points to. */
typedef struct natrisk_smaa_samples_file natrisk_smaa_samples_file;

/*
 * Reads both files. Returns NATRISK_OK with *OUT, which the caller frees
 * with natrisk_smaa_samples_free(); or NATRISK_EINVALID after adding
 * located errors to DIAG (a file that cannot be read included), or
 * NATRISK_ENOMEM, with *OUT NULL.
 */
NATRISK_EXTERN
int natrisk_smaa_samples_load(natrisk_smaa_samples_file **out,
                              const char *measurements_path,
                              const char *weights_path, natrisk_diag *diag);

/* The same from memory (the buffers are copied); the names are used in
 * diagnostics only. A NULL buffer stands for a file that could not be
 * read (and reported): the other is still checked, and the load fails.
 * Returns as natrisk_smaa_samples_load; free *OUT with
 * natrisk_smaa_samples_free(). */
NATRISK_EXTERN
int natrisk_smaa_samples_load_buffers(natrisk_smaa_samples_file **out,
                                      const char *measurements_name,
                                      const char *measurements,
                                      size_t measurements_len,
                                      const char *weights_name,
                                      const char *weights, size_t weights_len,
                                      natrisk_diag *diag);

/* The samples, ready for natrisk_smaa_given(); valid while F lives. */
NATRISK_EXTERN
const natrisk_smaa_samples *
natrisk_smaa_samples_view(const natrisk_smaa_samples_file *f);

/* Frees F with its view. NULL is allowed. */
NATRISK_EXTERN
void natrisk_smaa_samples_free(natrisk_smaa_samples_file *f);

#ifdef __cplusplus
}
#endif
#endif
