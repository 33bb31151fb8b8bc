/*
 * cmd_report.c - "natrisk report FILE -o DIR": the findings report, one
 * self-contained HTML file (DIR/report.html) with the risk diagram, the
 * ranked summary, a section per scenario and the comparisons; with
 * --plan the capability analysis too.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <natrisk/report.h>

#include "cli.h"

/* Writes the collected report to DIR/report.html. */
static int commit(cli_output *out, const char *dir)
{
	bool made;
	if (cli_ensure_dir(&cmd_report, dir, &made) != 0) {
		cli_output_discard(out);
		return EXIT_INVALID;
	}
	size_t len = strlen(dir) + sizeof "/report.html";
	char *path = malloc(len);
	if (!path) {
		fprintf(stderr, "natrisk: out of memory\n");
		cli_output_discard(out);
		return EXIT_INVALID;
	}
	snprintf(path, len, "%s/report.html", dir);
	int status = cli_output_commit(out, path);
	if (status != 0 && made)
		rmdir(dir);
	free(path);
	return status;
}

static int write_report(const cli_run *run, const cli_args *args,
                        const natrisk_report_options *options)
{
	cli_output out;
	if (cli_output_open(&out) != 0)
		return EXIT_INVALID;
	if (natrisk_report_write(run->results, options, out.stream) != 0) {
		fprintf(stderr, "natrisk report: %s\n", natrisk_error_last());
		cli_output_discard(&out);
		return EXIT_INVALID;
	}
	return commit(&out, args->output);
}

/* The portfolio options into Q (without --budget: none, 0); 2 after a
 * usage message. The draws' seed is --seed's, else 0 as in `natrisk
 * portfolio`. */
static int portfolio_options(const cli_command *cmd, const cli_args *args,
                             natrisk_portfolio_request *q)
{
	*q = (natrisk_portfolio_request){ .years = 1 };
	const char *needs = args->years ? "--years" : args->must ? "--must"
	                    : args->never ? "--never" : args->sweep ? "--sweep"
	                    : args->robust ? "--robust" : NULL;
	if (!args->budget)
		return needs ? cli_usage_error(cmd, "%s needs --budget", needs)
		             : 0;
	if (!args->plan)
		return cli_usage_error(cmd, "--budget needs --plan");
	uint64_t years = 1;
	q->has_budget = true;
	int status = cli_parse_budget(cmd, args->budget, &q->budget);
	if (status == 0 && args->years)
		status = cli_parse_range(cmd, "--years", args->years, 0,
		                         CLI_MAX_YEARS, &years);
	q->years = (unsigned)years;
	if (status == 0 && args->sweep)
		status = cli_parse_range(cmd, "--sweep", args->sweep, 1,
		                         CLI_MAX_SWEEP, &q->sweep);
	if (status == 0 && args->robust)
		status = cli_parse_range(cmd, "--robust", args->robust, 1,
		                         CLI_MAX_DRAWS, &q->draws);
	if (status == 0 && args->robust && args->seed)
		status = cli_parse_seed(cmd, args->seed, &q->seed);
	return status;
}

/* With --budget: the portfolio of RUN's plan under its results' profile. */
static int portfolio(const cli_command *cmd, const cli_args *args,
                     const cli_run *run, natrisk_portfolio_request *q,
                     cli_portfolio *out)
{
	if (!q->has_budget)
		return 0;
	q->profile = natrisk_results_profile(run->results);
	return cli_portfolio_run(cmd, run->plan, args->must, args->never, q,
	                         out);
}

static int run_report(const cli_command *cmd, int argc, char **argv)
{
	cli_args args;
	int status = cli_parse_args(cmd, argc, argv, "ocwlnSPMbymNkr", &args);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (!args.output || !*args.output)
		return cli_usage_error(cmd, "-o DIR is required");
	/* the capability analysis shows the adopted measures unless told */
	if (args.plan && !args.measures)
		args.measures = "adopted";
	args.plan_with_compare = true;
	natrisk_report_options options = { .lang = args.lang };
	if (args.iterations &&
	    (status = cli_parse_iterations(cmd, args.iterations, true,
	                                   &options.smaa_iterations)) != 0)
		return status;
	options.without_smaa = args.iterations && options.smaa_iterations == 0;
	if (args.seed &&
	    (status = cli_parse_seed(cmd, args.seed, &options.smaa_seed)) != 0)
		return status;
	natrisk_portfolio_request q;
	if ((status = portfolio_options(cmd, &args, &q)) != 0)
		return status;
	cli_run run;
	if ((status = cli_run_open(cmd, &args, &run)) != 0)
		return status;
	options.previous = run.previous;
	options.plan = run.plan;
	options.residual = run.residual;
	options.chosen = run.chosen;
	options.measures = args.measures;
	cli_portfolio best = { 0 };
	status = portfolio(cmd, &args, &run, &q, &best);
	if (best.run)
		options.portfolio = natrisk_portfolio_run_report(best.run);
	if (status == 0)
		status = write_report(&run, &args, &options);
	cli_portfolio_free(&best);
	cli_run_close(&run);
	return status;
}

const cli_command cmd_report = {
	"report", "write the findings report as one self-contained HTML file",
	"usage: natrisk report FILE -o DIR [--compare PREVIOUS] "
	"[--weights PROFILE]\n"
	"                          [--lang en|nl] [--iterations N] [--seed S]\n"
	"                          [--plan PLAN [--measures SET]\n"
	"                          [--budget B [--years N] [--must IDS]\n"
	"                          [--never IDS] [--sweep K] [--robust N]]]\n\n"
	"Writes DIR/report.html: one HTML file with no external resources,\n"
	"printable, holding the risk diagram, the ranked summary, a section per\n"
	"scenario (every score with its LL, EV, UL and rationale, and a bar\n"
	"chart per vital interest), the ranking under every weight profile of\n"
	"the method, the robustness of the ranking (other methods and a\n"
	"stochastic acceptability analysis) and, with --compare, the movements\n"
	"since that edition; with --plan, the capability analysis: the chain\n"
	"chart (phases by scenario, coloured by capability gap), the advice\n"
	"with its owners and decision, the measures with their owners, cost\n"
	"and expected effect, and the residual risk diagram; with --budget, the\n"
	"best set of the plan's measures for that budget as `natrisk portfolio`\n"
	"chooses it (every measure's cost, reduction and choice, with --sweep\n"
	"the frontier chart, with --robust the acceptabilities). DIR is created\n"
	"when missing. Nothing is written when anything fails.\n\n"
	"  -o, --output DIR      directory to write report.html in (required)\n"
	"  -c, --compare FILE    the previous edition, for the movements and\n"
	"                        the arrows in the risk diagram\n"
	"  -w, --weights PROFILE a weight profile of the method (default: the\n"
	"                        method's default, usually 'equal')\n"
	"  -l, --lang LANG       language of the report: en or nl\n"
	"  -n, --iterations N    iterations of the stochastic analysis\n"
	"                        (default: 10,000, fewer for very large\n"
	"                        assessments; 0 leaves it out)\n"
	"  -S, --seed S          its seed (default 1)\n"
	"  -P, --plan PLAN       the plan of FILE's capability analysis\n"
	"  -M, --measures SET    the measures in place for the residual risk:\n"
	"                        adopted (default), all or a comma list of ids\n"
	"  -b, --budget B        the portfolio: the best set within B euro\n"
	"  -y, --years N         its years of yearly costs (default 1)\n"
	"  -m, --must IDS        measures it must hold (comma list)\n"
	"  -N, --never IDS       measures it may never hold\n"
	"  -k, --sweep K         the frontier: the best set at K budgets\n"
	"  -r, --robust N        acceptabilities over N SMAA draws (seeded by\n"
	"                        --seed, default 0 as in `natrisk portfolio`)\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_report,
};
