/*
 * cmd_smaa.h - what the two halves of "natrisk smaa" share: the options
 * as parsed and checked (cmd_smaa_args.c) and their use (cmd_smaa.c).
 */
#ifndef NATRISK_CMD_SMAA_H
#define NATRISK_CMD_SMAA_H

#include <stdbool.h>
#include <stdint.h>

#include <natrisk/output.h>
#include <natrisk/smaa.h>

#include "cli.h"

/* One --order: criterion ids, each greater than or equal to the next. */
typedef struct smaa_order {
	char **ids;
	size_t count;
	const char *text;      /* as given, for messages */
} smaa_order;

/* One --interval ID=LOWER:UPPER. */
typedef struct smaa_interval {
	char *id;
	double lower, upper;
} smaa_interval;

typedef struct smaa_args {
	const char *file;          /* an assessment, or NULL */
	const char *measurements;  /* given samples, or NULL */
	const char *weights;
	const char *output;        /* -o */
	natrisk_format format;
	bool chart, chart_png;     /* -o names an .svg or .png */
	natrisk_lang lang;
	uint64_t iterations, seed;
	int threads;
	const char *around;        /* a weight profile of the method */
	double concentration;
	smaa_order *orders;
	size_t order_count;
	smaa_interval *intervals;
	size_t interval_count;
	unsigned outputs;          /* NATRISK_SMAA_* */
} smaa_args;

/* Parses and checks ARGV. Returns 0, -1 for --help, or 2 after a usage
 * message. Free ARGS with smaa_args_free() in every case. */
int smaa_parse_args(const cli_command *cmd, int argc, char **argv,
                    smaa_args *args);
void smaa_args_free(smaa_args *args);

/* The weight description of ARGS on the method of A: criterion ids and
 * the profile resolved. Returns 0, or 2 after a usage message. The
 * arrays it points to are owned by HOLDER; free with
 * smaa_weights_free(). */
typedef struct smaa_weights_holder {
	size_t *greater, *lesser;
	double *lower, *upper;
} smaa_weights_holder;

int smaa_resolve_weights(const cli_command *cmd, const smaa_args *args,
                         const natrisk_assessment *a,
                         natrisk_smaa_weights *out,
                         smaa_weights_holder *holder);
void smaa_weights_free(smaa_weights_holder *holder);

#endif
