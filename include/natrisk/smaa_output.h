/*
 * smaa_output.h - writing the result of a stochastic analysis: the JSON
 * document of formats.md ("natrisk smaa --format json"), an 80-column
 * table for the terminal and CSV.
 *
 * JSON starts with the keys of the contract (iterations, alternatives,
 * criteria, rank_acceptability, central_weights, confidence_factors) and
 * adds what was computed: seed, rank_entropy, impact_class_probability,
 * cell_probability, pairwise, risk_rank_acceptability. Nothing in it
 * depends on the number of threads, so the same seed gives the same
 * bytes.
 */
#ifndef NATRISK_SMAA_OUTPUT_H
#define NATRISK_SMAA_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "output.h"
#include "smaa.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_smaa_write_options {
	const char *title;  /* heading of the table, or NULL */
	bool has_seed;      /* an analysis that drew its samples */
	uint64_t seed;
} natrisk_smaa_write_options;

/* The JSON document as a NUL-terminated string (free it), or NULL.
 * OPTIONS may be NULL. */
NATRISK_EXTERN
char *natrisk_smaa_json(const natrisk_smaa *s,
                        const natrisk_smaa_write_options *options);

/* Writes S as a table, JSON or CSV. Returns 0, NATRISK_ENOMEM or
 * NATRISK_EIO. OPTIONS may be NULL. */
NATRISK_EXTERN
int natrisk_smaa_write(const natrisk_smaa *s, natrisk_format format,
                       const natrisk_smaa_write_options *options, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
