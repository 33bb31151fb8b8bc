/*
 * cmd_capabilities.c - "natrisk capabilities PLAN": the capability
 * analysis of a plan (method.md section 6). The figures come from
 * natrisk_capabilities_new() (capabilities.h), the table, JSON and CSV
 * from natrisk_capabilities_write() (capabilities_output.h); this file
 * parses the command line and commits the output.
 */
#include <natrisk/capabilities_output.h>

#include "cli.h"

static int write_capabilities(const void *c, natrisk_format format,
                              natrisk_lang lang, FILE *out)
{
	return natrisk_capabilities_write(c, format, lang, out);
}

/* Computes and writes; returns the exit status. */
static int capabilities(const cli_command *cmd, const cli_args *args,
                        const natrisk_plan *p, natrisk_format format)
{
	natrisk_capabilities *c;
	if (natrisk_capabilities_new(&c, p) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		return EXIT_INVALID;
	}
	int status = cli_write_output(cmd, write_capabilities, c, format,
	                              args->lang, args->output);
	natrisk_capabilities_free(c);
	return status;
}

static int run_capabilities(const cli_command *cmd, int argc, char **argv)
{
	cli_args args;
	int status = cli_parse_args(cmd, argc, argv, "flo", &args);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	natrisk_format format = NATRISK_FORMAT_TABLE;
	if (args.format &&
	    (status = cli_table_format(cmd, args.format, &format)) != 0)
		return status;
	natrisk_plan *p;
	if (cli_load_plan(args.file, &p) != 0)
		return EXIT_INVALID;
	status = capabilities(cmd, &args, p, format);
	natrisk_plan_free(p);
	return status;
}

const cli_command cmd_capabilities = {
	"capabilities", "the capability analysis of a plan",
	"usage: natrisk capabilities PLAN [--format table|json|csv] "
	"[--lang en|nl] [-o OUT]\n\n"
	"Loads the plan file PLAN and the assessment it names, and prints per\n"
	"capability the number of experts, the current and target levels\n"
	"(medians over the experts, 0 absent to 4 robust), the gap (target -\n"
	"current; negative: a redundancy) and whether the experts' current\n"
	"levels lie two or more apart (flagged); per phase of the safety chain\n"
	"the number of capabilities and the sum of the positive gaps; and for\n"
	"each scenario a capability names, the phases in which none names it.\n\n"
	"  -f, --format FORMAT   table (default); json: capabilities, phases,\n"
	"                        chain_gaps (docs/formats.md); csv: one row\n"
	"                        per capability\n"
	"  -l, --lang LANG       language of the table: en or nl\n"
	"  -o, --output OUT      write to OUT instead of standard output\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_capabilities,
};
