/*
 * cli_args.c - what the commands on one assessment file share: their
 * options (-o, --compare, --weights, --lang, --format, --scale,
 * --uncertainty, --iterations, --seed, --plan, --measures ...), parsed in one place so that
 * they mean the same everywhere, and the sequence load,
 * assess under the chosen profile, load and assess the previous edition.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/plan.h>

#include "cli.h"

static const struct option all_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "compare", required_argument, NULL, 'c' },
	{ "weights", required_argument, NULL, 'w' },
	{ "lang", required_argument, NULL, 'l' },
	{ "format", required_argument, NULL, 'f' },
	{ "scale", required_argument, NULL, 's' },
	{ "uncertainty", no_argument, NULL, 'u' },
	{ "iterations", required_argument, NULL, 'n' },
	{ "seed", required_argument, NULL, 'S' },
	{ "plan", required_argument, NULL, 'P' },
	{ "measures", required_argument, NULL, 'M' },
	{ "budget", required_argument, NULL, 'b' },
	{ "years", required_argument, NULL, 'y' },
	{ "must", required_argument, NULL, 'm' },
	{ "never", required_argument, NULL, 'N' },
	{ "sweep", required_argument, NULL, 'k' },
	{ "robust", required_argument, NULL, 'r' },
	{ "help", no_argument, NULL, 'h' },
};

enum { OPTION_COUNT = sizeof all_options / sizeof *all_options };

static int take_option(const cli_command *cmd, int letter, void *ctx)
{
	cli_args *args = ctx;
	switch (letter) {
	case 'o': args->output = optarg; break;
	case 'c': args->compare = optarg; break;
	case 'w': args->weights = optarg; break;
	case 'f': args->format = optarg; break;
	case 's': args->scale = optarg; break;
	case 'u': args->uncertainty = true; break;
	case 'n': args->iterations = optarg; break;
	case 'S': args->seed = optarg; break;
	case 'P': args->plan = optarg; break;
	case 'M': args->measures = optarg; break;
	case 'b': args->budget = optarg; break;
	case 'y': args->years = optarg; break;
	case 'm': args->must = optarg; break;
	case 'N': args->never = optarg; break;
	case 'k': args->sweep = optarg; break;
	case 'r': args->robust = optarg; break;
	case 'l':
		if (!cli_parse_lang(optarg, &args->lang))
			return cli_usage_error(cmd, "unknown language '%s' "
			                       "(en, nl)", optarg);
		break;
	}
	return 0;
}

int cli_parse_args(const cli_command *cmd, int argc, char **argv,
                   const char *accept, cli_args *args)
{
	memset(args, 0, sizeof *args);
	args->lang = NATRISK_LANG_EN;
	int status = cli_getopt(cmd, argc, argv, all_options, OPTION_COUNT,
	                        accept, take_option, args);
	if (status)
		return status;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected one assessment file");
	args->file = argv[optind];
	return 0;
}

int cli_run_open(const cli_command *cmd, const cli_args *args, cli_run *run)
{
	memset(run, 0, sizeof *run);
	int status = cli_residual_usage(cmd, args);
	if (status == 0)
		status = cli_residual_load(cmd, args, run);
	if (status == 0 && !run->assessment)
		status = cli_load(args->file, &run->assessment);
	size_t profile;
	if (status == 0)
		status = cli_profile(cmd, run->assessment, args->weights,
		                     &profile);
	if (status == 0 &&
	    natrisk_results_new(&run->results, run->assessment, profile) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		status = EXIT_INVALID;
	}
	if (status == 0 && args->compare)
		status = cli_load_previous(args->compare, run->results,
		                           &run->previous_assessment,
		                           &run->previous);
	if (status == 0)
		status = cli_residual_open(cmd, args, run);
	if (status != 0)
		cli_run_close(run);
	return status;
}

void cli_run_close(cli_run *run)
{
	natrisk_results_free(run->residual);
	natrisk_assessment_free(run->residual_assessment);
	natrisk_results_free(run->previous);
	natrisk_assessment_free(run->previous_assessment);
	natrisk_results_free(run->results);
	/* the plan's own when FILE is the plan's assessment */
	if (!run->plan ||
	    run->assessment != natrisk_plan_assessment(run->plan))
		natrisk_assessment_free(run->assessment);
	natrisk_plan_free(run->plan);
	free(run->chosen);
	memset(run, 0, sizeof *run);
}

/* Digits, optionally "e" and digits (1e6): a whole number up to MAX. */
bool cli_parse_whole(const char *text, uint64_t max, uint64_t *out)
{
	uint64_t value = 0;
	const char *p = text;
	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned digit = (unsigned)(*p - '0');
		if (value > (max - digit) / 10)
			return false;
		value = value * 10 + digit;
	}
	if (p == text)
		return false;
	if (*p == 'e' || *p == 'E') {
		const char *start = ++p;
		unsigned exponent = 0;
		for (; *p >= '0' && *p <= '9' && exponent < 100; p++)
			exponent = exponent * 10 + (unsigned)(*p - '0');
		if (p == start)
			return false;
		for (; exponent > 0 && value > 0; exponent--) {
			if (value > max / 10)
				return false;
			value *= 10;
		}
	}
	*out = value;
	return *p == '\0';
}

int cli_parse_iterations(const cli_command *cmd, const char *text,
                         bool zero_allowed, uint64_t *out)
{
	if (cli_parse_whole(text, CLI_MAX_ITERATIONS, out) &&
	    (*out > 0 || zero_allowed))
		return 0;
	return cli_usage_error(cmd, "--iterations takes a whole number from "
	                       "%d to 1e12, not '%s'", zero_allowed ? 0 : 1,
	                       text);
}

int cli_parse_seed(const cli_command *cmd, const char *text, uint64_t *out)
{
	if (cli_parse_whole(text, INT64_MAX, out))
		return 0;
	return cli_usage_error(cmd, "--seed takes a whole number from 0 to "
	                       "2^63 - 1, not '%s'", text);
}
