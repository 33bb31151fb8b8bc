/*
 * cmd_smaa.c - "natrisk smaa": stochastic multicriteria acceptability
 * analysis on an assessment (samples drawn from the scores' LL, EV and UL
 * and from a weight description) or on given samples (M.csv and W.csv),
 * written as a table, JSON, CSV, or the stacked bar chart of rank
 * acceptabilities (-o OUT.svg|png).
 *
 * A long run draws a progress bar on standard error when that is a
 * terminal; the output proper is collected in memory and written only
 * when everything succeeded.
 */
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <natrisk/diagram.h>
#include <natrisk/smaa_chart.h>
#include <natrisk/smaa_csv.h>
#include <natrisk/smaa_output.h>

#include "cmd_smaa.h"

/* ------------------------------------------------------- progress */

enum { BAR_WIDTH = 40 };

typedef struct progress {
	bool terminal;
	struct timespec start;
	bool drawn;
	int percent;            /* last drawn */
} progress;

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	       (double)(now.tv_nsec - start->tv_nsec) * 1e-9;
}

/* Called by the engine from this thread after each chunk of work. */
static void progress_draw(void *user, uint64_t done, uint64_t total)
{
	progress *p = user;
	/* a short run should not flash a bar */
	if (!p->terminal || total == 0 || seconds_since(&p->start) < 1.0)
		return;
	int percent = (int)((double)done * 100.0 / (double)total);
	percent = percent > 100 ? 100 : percent;
	if (p->drawn && percent == p->percent)
		return;
	char bar[BAR_WIDTH + 1];
	int filled = percent * BAR_WIDTH / 100;
	for (int k = 0; k < BAR_WIDTH; k++)
		bar[k] = k < filled ? '#' : ' ';
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r[%s] %3d%%", bar, percent);
	fflush(stderr);
	p->drawn = true;
	p->percent = percent;
}

static void progress_clear(progress *p)
{
	if (p->drawn)
		fprintf(stderr, "\r%*s\r", BAR_WIDTH + 7, "");
	p->drawn = false;
}

/* ---------------------------------------------------------- output */

static int write_chart(const smaa_args *args, const natrisk_smaa *s,
                       const char *title, FILE *out)
{
	char heading[512];
	if (title)
		snprintf(heading, sizeof heading, "%s: %s",
		         args->lang == NATRISK_LANG_NL ? "Aanvaardbaarheid per rang"
		                                       : "Rank acceptability",
		         title);
	natrisk_scene *scene;
	if (natrisk_smaa_chart_scene(&scene, s, args->lang,
	                             title ? heading : NULL) != 0)
		return NATRISK_ENOMEM;
	int rc = args->chart_png ? natrisk_scene_write_png(scene, 2, out)
	                         : natrisk_scene_write_svg(scene, false, out);
	natrisk_scene_free(scene);
	return rc;
}

static int write_result(const cli_command *cmd, const smaa_args *args,
                        const natrisk_smaa *s,
                        const natrisk_smaa_write_options *options)
{
	cli_output out;
	int status = cli_output_open(&out);
	if (status)
		return status;
	int rc = args->chart ? write_chart(args, s, options->title, out.stream)
	                     : natrisk_smaa_write(s, args->format, options,
	                                          out.stream);
	if (rc != 0) {
		cli_output_discard(&out);
		fprintf(stderr, "natrisk %s: cannot write the %s\n", cmd->name,
		        args->chart ? "chart" : "result");
		return EXIT_INVALID;
	}
	return cli_output_commit(&out, args->output);
}

/* ------------------------------------------------------------ runs */

static int analyse_assessment(const cli_command *cmd, const smaa_args *args,
                              const natrisk_assessment *a)
{
	natrisk_smaa_options options = {
		.iterations = args->iterations,
		.seed = args->seed,
		.threads = args->threads,
		.outputs = args->outputs,
		.progress = progress_draw,
	};
	smaa_weights_holder holder;
	int status = smaa_resolve_weights(cmd, args, a, &options.weights,
	                                  &holder);
	if (status) {
		smaa_weights_free(&holder);
		return status;
	}
	progress bar = { .terminal = isatty(STDERR_FILENO) };
	clock_gettime(CLOCK_MONOTONIC, &bar.start);
	options.progress_user = &bar;
	natrisk_smaa *s;
	int rc = natrisk_smaa_assessment(&s, a, &options);
	progress_clear(&bar);
	smaa_weights_free(&holder);
	if (rc != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		return EXIT_INVALID;
	}
	natrisk_smaa_write_options write = {
		.title = natrisk_assessment_title(a),
		.has_seed = true,
		.seed = args->seed,
	};
	status = write_result(cmd, args, s, &write);
	natrisk_smaa_free(s);
	return status;
}

static int run_on_assessment(const cli_command *cmd, const smaa_args *args)
{
	natrisk_assessment *a;
	int status = cli_load(args->file, &a);
	if (status)
		return status;
	status = analyse_assessment(cmd, args, a);
	natrisk_assessment_free(a);
	return status;
}

static int load_samples(const smaa_args *args,
                        natrisk_smaa_samples_file **out)
{
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag) {
		fprintf(stderr, "natrisk: out of memory\n");
		return EXIT_INVALID;
	}
	int rc = natrisk_smaa_samples_load(out, args->measurements,
	                                   args->weights, diag);
	natrisk_diag_sort(diag);
	natrisk_diag_print(diag, stderr);
	if (rc != 0 && natrisk_diag_error_count(diag) == 0)
		fprintf(stderr, "%s:1:1: error: %s\n", args->measurements,
		        natrisk_error_last());
	natrisk_diag_free(diag);
	return rc == 0 ? 0 : EXIT_INVALID;
}

static int run_on_samples(const cli_command *cmd, const smaa_args *args)
{
	natrisk_smaa_samples_file *samples;
	int status = load_samples(args, &samples);
	if (status)
		return status;
	natrisk_smaa *s;
	int rc = natrisk_smaa_given(&s, natrisk_smaa_samples_view(samples),
	                            args->outputs);
	natrisk_smaa_samples_free(samples);
	if (rc != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		return EXIT_INVALID;
	}
	natrisk_smaa_write_options write = { 0 };
	status = write_result(cmd, args, s, &write);
	natrisk_smaa_free(s);
	return status;
}

static int run_smaa(const cli_command *cmd, int argc, char **argv)
{
	smaa_args args;
	int status = smaa_parse_args(cmd, argc, argv, &args);
	if (status == 0)
		status = args.file ? run_on_assessment(cmd, &args)
		                   : run_on_samples(cmd, &args);
	else if (status < 0)
		status = cli_help(cmd);
	smaa_args_free(&args);
	return status;
}

const cli_command cmd_smaa = {
	"smaa", "stochastic multicriteria acceptability analysis (SMAA-2)",
	"usage: natrisk smaa FILE [--iterations N] [--seed S] [--threads T]\n"
	"                    [--around PROFILE [--concentration K]]\n"
	"                    [--order ID>ID>...]... [--interval ID=LO:HI]...\n"
	"                    [--outputs LIST] [--format table|json|csv]\n"
	"                    [-o OUT]\n"
	"       natrisk smaa --measurements M.csv --weights W.csv\n"
	"                    [--outputs LIST] [--format table|json|csv] [-o OUT]\n"
	"\n"
	"Ranks the scenarios of an assessment by total impact over many draws\n"
	"of the measurements (triangular between each score's LL, EV and UL)\n"
	"and of the weights, and reports how often each scenario takes each\n"
	"rank (rank 1: the most severe), its central weights and confidence\n"
	"factor. With --measurements and --weights, the samples are read from\n"
	"CSV files instead (see formats.md) and greater values rank higher.\n"
	"The same seed gives the same result whatever the number of threads.\n"
	"\n"
	"  -n, --iterations N      draws (default 10000; 1e6 is accepted)\n"
	"  -s, --seed S            seed of the random streams (default 1)\n"
	"  -t, --threads T         threads; 0 (default) is one per processor\n"
	"      --around PROFILE    weights from a Dirichlet distribution around\n"
	"                          a weight profile of the method (default:\n"
	"                          uniform on the simplex)\n"
	"      --concentration K   of that distribution, K > 0 (default 100):\n"
	"                          the larger, the closer to the profile\n"
	"      --order A>B>...     weights in this order (criterion ids of the\n"
	"                          method); may be repeated\n"
	"      --interval ID=LO:HI bounds on one criterion's weight (others\n"
	"                          [0, 1]); may be repeated\n"
	"      --outputs LIST      what to compute beyond rank acceptabilities,\n"
	"                          a comma list of ranks, central, confidence,\n"
	"                          classes, cells, pairwise, risk (default: all;\n"
	"                          classes, cells and risk need an assessment)\n"
	"      --measurements M.csv\n"
	"                          given measurements: one row per iteration\n"
	"                          and alternative\n"
	"      --weights W.csv     given weights: one row per iteration\n"
	"  -f, --format FORMAT     table (default), json (see formats.md), csv\n"
	"  -o, --output OUT        write to OUT; OUT.json, .csv and .txt choose\n"
	"                          the format, OUT.svg and .png draw the chart\n"
	"                          of rank acceptabilities\n"
	"  -l, --lang LANG         labels of the chart: en (default) or nl\n"
	"  -h, --help              this text\n"
	"\n"
	"Exit status: 0 success, 1 invalid input or constraints nothing meets,\n"
	"2 usage error.\n",
	run_smaa,
};
