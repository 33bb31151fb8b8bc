/*
 * cmd_assess.c - "natrisk assess FILE": the risk table, as a table, JSON
 * (the contract of formats.md) or CSV.
 */
#include <getopt.h>
#include <stdlib.h>

#include <natrisk/output.h>

#include "cli.h"

typedef struct assess_options {
	natrisk_format format;
	natrisk_lang lang;
	const char *weights;
	const char *output;
} assess_options;

static int parse_options(const cli_command *cmd, int argc, char **argv,
                         assess_options *o)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "weights", required_argument, NULL, 'w' },
		{ "lang", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "f:w:l:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (natrisk_format_parse(optarg, &o->format) != 0)
				return cli_usage_error(cmd, "unknown format '%s' "
				                       "(table, json, csv)", optarg);
			break;
		case 'w': o->weights = optarg; break;
		case 'l':
			if (!cli_parse_lang(optarg, &o->lang))
				return cli_usage_error(cmd, "unknown language "
				                       "'%s' (en, nl)", optarg);
			break;
		case 'o': o->output = optarg; break;
		case 'h': return -1;
		default: return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected one assessment file");
	return 0;
}

static int run_assess(const cli_command *cmd, int argc, char **argv)
{
	assess_options o = { .format = NATRISK_FORMAT_TABLE };
	int status = parse_options(cmd, argc, argv, &o);
	if (status < 0)
		return cli_help(cmd);
	if (status)
		return status;
	natrisk_assessment *a;
	if ((status = cli_load(argv[optind], &a)) != 0)
		return status;
	size_t profile;
	natrisk_results *r = NULL;
	cli_output out = { 0 };
	if ((status = cli_profile(cmd, a, o.weights, &profile)) == 0 &&
	    (status = cli_output_open(&out)) == 0) {
		if (natrisk_results_new(&r, a, profile) != 0 ||
		    natrisk_results_write(r, o.format, o.lang, out.stream) != 0) {
			fprintf(stderr, "natrisk assess: %s\n",
			        natrisk_error_last());
			cli_output_discard(&out);
			status = EXIT_INVALID;
		} else {
			status = cli_output_commit(&out, o.output);
		}
	}
	natrisk_results_free(r);
	natrisk_assessment_free(a);
	return status;
}

const cli_command cmd_assess = {
	"assess", "assess an assessment file: totals, positions, ranking",
	"usage: natrisk assess FILE [--format table|json|csv] [--weights PROFILE]\n"
	"                          [--lang en|nl] [-o OUT]\n\n"
	"Aggregates every scenario's impact scores with the method's weighted\n"
	"sum (LL, EV and UL), places it in the risk diagram and ranks the\n"
	"scenarios by risk (likelihood and impact positions added).\n\n"
	"  -f, --format FORMAT   table (default), json (see formats.md) or csv\n"
	"  -w, --weights PROFILE a weight profile of the method (default: the\n"
	"                        method's default, usually 'equal')\n"
	"  -l, --lang LANG       language of labels in the table: en or nl\n"
	"  -o, --output OUT      write to OUT instead of standard output\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_assess,
};
