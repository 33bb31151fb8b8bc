/*
 * robustness_output.h - writing the robustness of the impact ranking
 * (ordinal.h): the 80-column table, the JSON document and the CSV of
 * "natrisk robustness".
 *
 * JSON: {title, method, default_profile, methods: [ranking ids],
 * rankings: {ranking id: {scenario id: rank}}, kendall_tau: rows and
 * columns in the order of methods (null where undefined),
 * dependent_range, method_dependent: [{id, best, worst, ranks}]}.
 * CSV: one row per scenario in weighted-sum order: id, title, its rank
 * under every ranking, best, worst, method_dependent.
 */
#ifndef NATRISK_ROBUSTNESS_OUTPUT_H
#define NATRISK_ROBUSTNESS_OUTPUT_H

#include <stdio.h>

#include "common.h"
#include "ordinal.h"
#include "output.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The JSON document as a NUL-terminated string, or NULL when out of
 * memory. R is borrowed. The caller frees the string with free(). */
NATRISK_EXTERN
char *natrisk_robustness_json(const natrisk_robustness *r);

/* Writes R to OUT as a table (in LANG), JSON or CSV. Returns 0,
 * NATRISK_ENOMEM or NATRISK_EIO (with natrisk_error_last()). */
NATRISK_EXTERN
int natrisk_robustness_write(const natrisk_robustness *r,
                             natrisk_format format, natrisk_lang lang,
                             FILE *out);

#ifdef __cplusplus
}
#endif
#endif
