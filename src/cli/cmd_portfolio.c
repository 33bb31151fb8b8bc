/*
 * cmd_portfolio.c - "natrisk portfolio PLAN --budget B": the set of
 * measures with the greatest risk reduction within a budget (method.md
 * section 6, formats.md), with --sweep the frontier over K budgets (also
 * as a chart: -o OUT.svg|png), with --robust the share of SMAA draws
 * whose optimum holds each measure, and the explanation of each
 * selected measure. The figures come from plan_portfolio.h, the text
 * from portfolio_output.h, the chart from portfolio_chart.h; this file
 * parses the command line and commits the output.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/portfolio_chart.h>
#include <natrisk/portfolio_output.h>

#include "cli.h"

typedef struct portfolio_args {
	const char *file, *output, *format, *weights, *must, *never;
	double budget;
	bool has_budget;
	natrisk_lang lang;
	uint64_t years, sweep, draws, seed, threads;
} portfolio_args;

static const struct option options[] = {
	{ "budget", required_argument, NULL, 'b' },
	{ "years", required_argument, NULL, 'y' },
	{ "must", required_argument, NULL, 'm' },
	{ "never", required_argument, NULL, 'N' },
	{ "sweep", required_argument, NULL, 'k' },
	{ "robust", required_argument, NULL, 'r' },
	{ "seed", required_argument, NULL, 's' },
	{ "threads", required_argument, NULL, 't' },
	{ "weights", required_argument, NULL, 'w' },
	{ "format", required_argument, NULL, 'f' },
	{ "lang", required_argument, NULL, 'l' },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
};

static int whole(const cli_command *cmd, const char *option,
                 uint64_t low, uint64_t high, uint64_t *out)
{
	return cli_parse_range(cmd, option, optarg, low, high, out);
}

static int take(const cli_command *cmd, int letter, void *ctx)
{
	portfolio_args *a = ctx;
	switch (letter) {
	case 'b':
		a->has_budget = true;
		return cli_parse_budget(cmd, optarg, &a->budget);
	case 'y': return whole(cmd, "--years", 0, CLI_MAX_YEARS, &a->years);
	case 'k': return whole(cmd, "--sweep", 1, CLI_MAX_SWEEP, &a->sweep);
	case 'r': return whole(cmd, "--robust", 1, CLI_MAX_DRAWS, &a->draws);
	case 't': return whole(cmd, "--threads", 0, CLI_MAX_THREADS, &a->threads);
	case 's': return cli_parse_seed(cmd, optarg, &a->seed);
	case 'm': a->must = optarg; return 0;
	case 'N': a->never = optarg; return 0;
	case 'w': a->weights = optarg; return 0;
	case 'f': a->format = optarg; return 0;
	case 'l':
		if (!cli_parse_lang(optarg, &a->lang))
			return cli_usage_error(cmd, "unknown language '%s' "
			                       "(en or nl)", optarg);
		return 0;
	case 'o': a->output = optarg; return 0;
	}
	return 0;
}

/* Whether PATH ends in EXTENSION. */
static bool ends_with(const char *path, const char *extension)
{
	size_t n = strlen(path), e = strlen(extension);
	return n >= e && strcmp(path + n - e, extension) == 0;
}

static bool chart_output(const portfolio_args *a)
{
	return a->output && (ends_with(a->output, ".svg") ||
	                     ends_with(a->output, ".png"));
}

static int parse_args(const cli_command *cmd, int argc, char **argv,
                      portfolio_args *a)
{
	memset(a, 0, sizeof *a);
	a->years = 1;
	a->lang = NATRISK_LANG_EN;
	int status = cli_getopt(cmd, argc, argv, options,
	                        sizeof options / sizeof *options,
	                        "bymNkrstwflo", take, a);
	if (status)
		return status;
	if (optind + 1 != argc)
		return cli_usage_error(cmd, optind >= argc ? "no plan file given"
		                       : "one plan file, please");
	a->file = argv[optind];
	if (!a->has_budget && !a->sweep)
		return cli_usage_error(cmd, "--budget is needed (or --sweep)");
	if (a->draws && !a->has_budget)
		return cli_usage_error(cmd, "--robust needs --budget");
	if (chart_output(a) && !a->sweep)
		return cli_usage_error(cmd, "a chart (-o %s) draws the frontier: "
		                       "give --sweep", a->output);
	natrisk_format format;
	if (a->format && (status = cli_table_format(cmd, a->format, &format)))
		return status;
	return 0;
}

/* What one run computes, and frees. */
typedef struct run {
	natrisk_plan *plan;
	cli_portfolio computed;
} run;

static int compute(const cli_command *cmd, const portfolio_args *a, run *r)
{
	if (cli_load_plan(a->file, &r->plan) != 0)
		return EXIT_INVALID;
	natrisk_portfolio_request q = {
		.budget = a->budget, .has_budget = a->has_budget,
		.years = (unsigned)a->years, .sweep = a->sweep,
		.draws = a->draws, .seed = a->seed,
		.threads = (unsigned)a->threads };
	int status = cli_profile(cmd, natrisk_plan_assessment(r->plan),
	                         a->weights, &q.profile);
	if (status == 0)
		status = cli_portfolio_run(cmd, r->plan, a->must, a->never, &q,
		                           &r->computed);
	return status;
}

static int write_chart(const portfolio_args *a, const run *r, FILE *out)
{
	const natrisk_portfolio_report *p =
		natrisk_portfolio_run_report(r->computed.run);
	natrisk_scene *scene;
	int rc = natrisk_portfolio_chart_scene(&scene, r->plan,
	                                       p->frontier_budgets,
	                                       p->frontier, p->frontier_count,
	                                       a->lang);
	if (rc != 0)
		return rc;
	rc = ends_with(a->output, ".png") ? natrisk_scene_write_png(scene, 2, out)
	                                  : natrisk_scene_write_svg(scene, false,
	                                                            out);
	natrisk_scene_free(scene);
	return rc;
}

static int write_output(const cli_command *cmd, const portfolio_args *a,
                        const run *r)
{
	natrisk_format format = NATRISK_FORMAT_TABLE;
	if (a->format)
		natrisk_format_parse(a->format, &format);
	cli_output out;
	int status = cli_output_open(&out);
	if (status)
		return status;
	const natrisk_portfolio_report *report =
		natrisk_portfolio_run_report(r->computed.run);
	int rc = chart_output(a) ? write_chart(a, r, out.stream)
	                         : natrisk_portfolio_write(report, format,
	                                                   out.stream);
	if (rc != 0) {
		cli_output_discard(&out);
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		return EXIT_INVALID;
	}
	return cli_output_commit(&out, a->output);
}

static int run_portfolio(const cli_command *cmd, int argc, char **argv)
{
	portfolio_args a;
	int status = parse_args(cmd, argc, argv, &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	run r = { 0 };
	status = compute(cmd, &a, &r);
	if (status == 0)
		status = write_output(cmd, &a, &r);
	cli_portfolio_free(&r.computed);
	natrisk_plan_free(r.plan);
	return status;
}

const cli_command cmd_portfolio = {
	"portfolio", "the best set of measures for a budget",
	"usage: natrisk portfolio PLAN --budget B [--years N] [--must IDS]\n"
	"                         [--never IDS] [--sweep K] [--robust N --seed S\n"
	"                         [--threads T]] [--weights PROFILE]\n"
	"                         [--format table|json|csv] [--lang en|nl]\n"
	"                         [-o OUT]\n\n"
	"Loads the plan file PLAN and the assessment it names, and chooses the\n"
	"set of measures with the greatest risk reduction (method.md section 6)\n"
	"whose cost (once + yearly x N years) stays within the budget, honouring\n"
	"requires and excludes; exactly, as a mixed-integer program. Among equally\n"
	"good sets the cheaper wins, then the smaller, then the first by ids.\n"
	"Each selected measure is explained: the scenarios and criteria it\n"
	"changes (risk before and with it alone), its own share of the\n"
	"reduction, and the next best use of its money (the optimum with it\n"
	"forbidden).\n\n"
	"  -b, --budget B        the budget in euro (>= 0)\n"
	"  -y, --years N         years of yearly costs (default 1)\n"
	"  -m, --must IDS        measures that must be chosen (comma list)\n"
	"  -N, --never IDS       measures that may never be chosen\n"
	"  -k, --sweep K         the frontier: the optimum at K budgets from 0 to\n"
	"                        the cost of all measures (then --budget is\n"
	"                        optional; without it the optimum shown is at\n"
	"                        that total)\n"
	"  -r, --robust N        per measure the share of N SMAA draws (weights\n"
	"                        uniform, scores triangular) whose optimum holds it\n"
	"  -s, --seed S          seed of the draws (default 0)\n"
	"  -t, --threads T       threads for the draws (0, the default: one per\n"
	"                        processor); the result does not depend on it\n"
	"  -w, --weights PROFILE the weight profile of the risk value\n"
	"  -f, --format FORMAT   table (default); json (docs/formats.md, with\n"
	"                        \"explain\"); csv: one row per measure, or per\n"
	"                        budget with --sweep\n"
	"  -l, --lang LANG       the chart's title and axes in en (default) or\n"
	"                        nl; the table, json and csv are the same in both\n"
	"  -o, --output OUT      write to OUT; OUT.svg or OUT.png with --sweep\n"
	"                        draws the frontier chart\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input (an unknown id, a --must set\n"
	"that cannot be chosen, a cycle of requires in the plan), 2 usage error.\n",
	run_portfolio,
};
