/*
 * cmd_robustness.c - "natrisk robustness FILE": how robust the ranking of
 * the scenarios by impact is to the choice of weights and of aggregation
 * method (method.md section 4, the 2008 round's ordinal methods). The
 * rankings, Kendall's tau-b between every two and the scenarios whose
 * position depends on the method come from natrisk_robustness_new()
 * (ordinal.h), the table, JSON and CSV from natrisk_robustness_write()
 * (robustness_output.h); this file parses the command line and commits
 * the output.
 */
#include <natrisk/robustness_output.h>

#include "cli.h"

static int write_robustness(const void *r, natrisk_format format,
                            natrisk_lang lang, FILE *out)
{
	return natrisk_robustness_write(r, format, lang, out);
}

/* Computes and writes; returns the exit status. */
static int robustness(const cli_command *cmd, const cli_args *args,
                      const cli_run *run, natrisk_format format)
{
	natrisk_robustness *r;
	if (natrisk_robustness_new(&r, run->assessment) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		return EXIT_INVALID;
	}
	int status = cli_write_output(cmd, write_robustness, r, format,
	                              args->lang, args->output);
	natrisk_robustness_free(r);
	return status;
}

static int run_robustness(const cli_command *cmd, int argc, char **argv)
{
	cli_args args;
	int status = cli_parse_args(cmd, argc, argv, "flo", &args);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	natrisk_format format = NATRISK_FORMAT_TABLE;
	if (args.format &&
	    (status = cli_table_format(cmd, args.format, &format)) != 0)
		return status;
	cli_run run;
	if ((status = cli_run_open(cmd, &args, &run)) != 0)
		return status;
	status = robustness(cmd, &args, &run, format);
	cli_run_close(&run);
	return status;
}

const cli_command cmd_robustness = {
	"robustness", "compare the impact ranking across weights and methods",
	"usage: natrisk robustness FILE [--format table|json|csv] "
	"[--lang en|nl] [-o OUT]\n\n"
	"Ranks the scenarios by impact under every weight profile of the\n"
	"method (weighted sum of class values), and with the weighted sum,\n"
	"the medal method (counts of E scores, then D, C, B, A) and Evamix\n"
	"(Voogd 1983; ordinal and cardinal criteria mixed), the last two with\n"
	"the weights of the method's default profile where weights are\n"
	"needed. Prints every ranking, Kendall's tau-b between every two, and\n"
	"the scenarios whose position depends on the method (ranks spanning\n"
	"two places or more). Rank 1 is the most severe; ties share a rank.\n\n"
	"  -f, --format FORMAT   table (default); json: methods, rankings\n"
	"                        {method: {scenario: rank}}, kendall_tau (rows\n"
	"                        and columns in the order of methods),\n"
	"                        method_dependent; csv: one row per scenario\n"
	"                        with its rank under every method\n"
	"  -l, --lang LANG       language of the table: en or nl\n"
	"  -o, --output OUT      write to OUT instead of standard output\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_robustness,
};
