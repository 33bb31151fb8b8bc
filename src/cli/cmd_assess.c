/*
 * cmd_assess.c - "natrisk assess FILE": the risk table, as a table, JSON
 * (the contract of formats.md) or CSV; with --plan and --measures, of
 * the assessment with those measures in place.
 */
#include <stdlib.h>

#include <natrisk/output.h>

#include "cli.h"

/* The results, or with --plan the residual ones, whose JSON adds each
 * scenario's risk value (formats.md). */
static int write_results(const void *thing, natrisk_format format,
                         natrisk_lang lang, FILE *out)
{
	const cli_run *run = thing;
	if (!run->residual)
		return natrisk_results_write(run->results, format, lang, out);
	if (format != NATRISK_FORMAT_JSON)
		return natrisk_results_write(run->residual, format, lang, out);
	natrisk_json_options options = { .risk_value = true };
	char *text = natrisk_results_json_with(run->residual, &options);
	if (!text)
		return NATRISK_ENOMEM;
	fprintf(out, "%s\n", text);
	free(text);
	return ferror(out) ? NATRISK_EIO : NATRISK_OK;
}

static int run_assess(const cli_command *cmd, int argc, char **argv)
{
	cli_args args;
	int status = cli_parse_args(cmd, argc, argv, "fwloPM", &args);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	natrisk_format format = NATRISK_FORMAT_TABLE;
	if (args.format &&
	    (status = cli_table_format(cmd, args.format, &format)) != 0)
		return status;
	cli_run run;
	if ((status = cli_run_open(cmd, &args, &run)) != 0)
		return status;
	status = cli_write_output(cmd, write_results, &run, format, args.lang,
	                          args.output);
	cli_run_close(&run);
	return status;
}

const cli_command cmd_assess = {
	"assess", "assess an assessment file: totals, positions, ranking",
	"usage: natrisk assess FILE [--format table|json|csv] [--weights PROFILE]\n"
	"                          [--plan PLAN --measures SET] [--lang en|nl]\n"
	"                          [-o OUT]\n\n"
	"Aggregates every scenario's impact scores with the method's weighted\n"
	"sum (LL, EV and UL), places it in the risk diagram and ranks the\n"
	"scenarios by risk (likelihood and impact positions added).\n\n"
	"  -f, --format FORMAT   table (default), json (see formats.md) or csv\n"
	"  -w, --weights PROFILE a weight profile of the method (default: the\n"
	"                        method's default, usually 'equal')\n"
	"  -P, --plan PLAN       with --measures: the assessment with a set of\n"
	"                        the plan's measures in place (residual risk);\n"
	"                        its JSON adds each scenario's risk_value\n"
	"  -M, --measures SET    adopted (the measures of adopted advice), all,\n"
	"                        or a comma list of measure ids\n"
	"  -l, --lang LANG       language of labels in the table: en or nl\n"
	"  -o, --output OUT      write to OUT instead of standard output\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_assess,
};
