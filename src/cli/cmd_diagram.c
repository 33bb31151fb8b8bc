/*
 * cmd_diagram.c - "natrisk diagram FILE -o OUT.svg|png|pdf": the risk
 * diagram, from one scene written as SVG (our writer) or PNG/PDF (cairo).
 * With --plan and --measures, the residual places (residual.h) with
 * arrows from the current ones. With --uncertainty, a stochastic
 * analysis (smaa.h) first gives each scenario's cloud of draws, shaded
 * beneath its point.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/diagram.h>
#include <natrisk/method.h>
#include <natrisk/smaa.h>

#include "cli.h"

typedef enum { OUT_SVG, OUT_PNG, OUT_PDF } out_format;

static bool parse_format(const char *text, out_format *out)
{
	static const char *const names[] = { "svg", "png", "pdf" };
	for (int i = 0; i < 3; i++)
		if (strcmp(text, names[i]) == 0) {
			*out = (out_format)i;
			return true;
		}
	return false;
}

/* --format, else the extension of -o, else SVG (to stdout). */
static int choose_format(const cli_command *cmd, const cli_args *args,
                         out_format *format)
{
	*format = OUT_SVG;
	if (args->format) {
		if (parse_format(args->format, format))
			return 0;
		return cli_usage_error(cmd, "unknown format '%s' (svg, png, "
		                       "pdf)", args->format);
	}
	if (!args->output || strcmp(args->output, "-") == 0)
		return 0;
	const char *dot = strrchr(args->output, '.');
	if (dot && parse_format(dot + 1, format))
		return 0;
	return cli_usage_error(cmd, "cannot tell the format of '%s': name it "
	                       ".svg, .png or .pdf, or give --format",
	                       args->output);
}

static int choose_scale(const cli_command *cmd, const cli_args *args,
                        double *scale)
{
	*scale = 2;
	if (!args->scale)
		return 0;
	char *end;
	*scale = strtod(args->scale, &end);
	if (*end || end == args->scale || !(*scale >= 0.25 && *scale <= 8))
		return cli_usage_error(cmd, "--scale takes a number from 0.25 "
		                       "to 8");
	return 0;
}

/* --iterations and --seed, which only --uncertainty uses. */
static int choose_draws(const cli_command *cmd, const cli_args *args,
                        uint64_t *iterations, uint64_t *seed)
{
	*iterations = 10000;
	*seed = 1;
	if (!args->uncertainty && (args->iterations || args->seed))
		return cli_usage_error(cmd, "--iterations and --seed go with "
		                       "--uncertainty");
	int status = 0;
	if (args->iterations)
		status = cli_parse_iterations(cmd, args->iterations, false,
		                              iterations);
	if (status == 0 && args->seed)
		status = cli_parse_seed(cmd, args->seed, seed);
	return status;
}

static bool all_equal(const double *w, size_t n)
{
	for (size_t c = 1; c < n; c++)
		if (w[c] != w[0])
			return false;
	return true;
}

/*
 * The draws behind --uncertainty. The weights vary around the profile the
 * points are drawn with, so that each cloud surrounds its point: uniform
 * on the simplex around equal weights, else Dirichlet with concentration
 * n around the profile (which is the uniform one when the weights are
 * equal).
 */
static int run_uncertainty(const cli_run *run, uint64_t iterations,
                           uint64_t seed, natrisk_smaa **out)
{
	const natrisk_method *m = natrisk_assessment_method(run->assessment);
	const natrisk_profile *profile =
		natrisk_method_profile(m, natrisk_results_profile(run->results));
	size_t n = natrisk_method_criterion_count(m);
	natrisk_smaa_options options = {
		.iterations = iterations,
		.seed = seed,
		.threads = 0,
		.outputs = NATRISK_SMAA_CLOUD,
	};
	if (!all_equal(profile->weights, n)) {
		options.weights.mean = profile->weights;
		options.weights.concentration = (double)n;
	}
	if (natrisk_smaa_assessment(out, run->assessment, &options) != 0) {
		fprintf(stderr, "natrisk diagram: %s\n", natrisk_error_last());
		return EXIT_INVALID;
	}
	return 0;
}

static int write_scene(const natrisk_scene *scene, out_format format,
                       double scale, FILE *out)
{
	switch (format) {
	case OUT_PNG: return natrisk_scene_write_png(scene, scale, out);
	case OUT_PDF: return natrisk_scene_write_pdf(scene, out);
	default: return natrisk_scene_write_svg(scene, false, out);
	}
}

static int draw(const cli_run *run, const cli_args *args, out_format format,
                double scale, const natrisk_smaa *uncertainty)
{
	/* with --plan: the residual places, arrows from the current ones */
	const natrisk_results *shown = run->residual ? run->residual
	                                             : run->results;
	natrisk_diagram_options options = {
		.lang = args->lang,
		.previous = run->residual ? run->results : run->previous,
		.previous_before_measures = run->residual != NULL,
		.uncertainty = uncertainty,
	};
	natrisk_scene *scene;
	cli_output out;
	int status = cli_output_open(&out);
	if (status)
		return status;
	if (natrisk_diagram_scene(&scene, shown, &options) != 0) {
		cli_output_discard(&out);
		fprintf(stderr, "natrisk diagram: out of memory\n");
		return EXIT_INVALID;
	}
	status = write_scene(scene, format, scale, out.stream);
	natrisk_scene_free(scene);
	if (status != 0) {
		cli_output_discard(&out);
		fprintf(stderr, "natrisk diagram: cannot render the diagram\n");
		return EXIT_INVALID;
	}
	return cli_output_commit(&out, args->output);
}

static int run_diagram(const cli_command *cmd, int argc, char **argv)
{
	cli_args args;
	int status = cli_parse_args(cmd, argc, argv, "ocwlfsunSPM", &args);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	out_format format;
	double scale;
	uint64_t iterations, seed;
	if ((status = choose_format(cmd, &args, &format)) != 0 ||
	    (status = choose_scale(cmd, &args, &scale)) != 0 ||
	    (status = choose_draws(cmd, &args, &iterations, &seed)) != 0)
		return status;
	cli_run run;
	if ((status = cli_run_open(cmd, &args, &run)) != 0)
		return status;
	natrisk_smaa *uncertainty = NULL;
	if (args.uncertainty)
		status = run_uncertainty(&run, iterations, seed, &uncertainty);
	if (status == 0)
		status = draw(&run, &args, format, scale, uncertainty);
	natrisk_smaa_free(uncertainty);
	cli_run_close(&run);
	return status;
}

const cli_command cmd_diagram = {
	"diagram", "draw the risk diagram as SVG, PNG or PDF",
	"usage: natrisk diagram FILE -o OUT.svg|OUT.png|OUT.pdf\n"
	"                        [--compare PREVIOUS.yaml | --plan PLAN --measures SET]\n"
	"                        [--weights PROFILE]\n"
	"                        [--lang en|nl] [--format svg|png|pdf] [--scale S]\n"
	"                        [--uncertainty [--iterations N] [--seed S]]\n\n"
	"Draws every scenario in the risk diagram: likelihood (a factor ten per\n"
	"class) against impact (a factor three per class), with LL-UL whiskers,\n"
	"a colour per theme and a ring around scenarios new in this edition.\n"
	"Labels never overlap each other or the points.\n\n"
	"  -o, --output OUT        the file to write; its extension gives the\n"
	"                          format. Without -o, SVG goes to stdout.\n"
	"  -c, --compare PREVIOUS  draw an arrow from each scenario's position\n"
	"                          in the previous edition\n"
	"  -P, --plan PLAN         with --measures: draw the scenarios with a set\n"
	"                          of the plan's measures in place, and an arrow\n"
	"                          from where each one they move stands now\n"
	"  -M, --measures SET      adopted (the measures of adopted advice), all,\n"
	"                          or a comma list of measure ids\n"
	"  -w, --weights PROFILE   a weight profile of the method\n"
	"  -l, --lang LANG         class names in en (default) or nl\n"
	"  -f, --format FORMAT     svg, png or pdf, whatever the extension\n"
	"  -s, --scale S           PNG pixels per unit (default 2)\n"
	"  -u, --uncertainty       shade beneath each point where the draws of a\n"
	"                          stochastic analysis (SMAA: scores between LL\n"
	"                          and UL, weights around the profile) put the\n"
	"                          scenario: the smallest areas holding 50 % and\n"
	"                          90 % of its draws\n"
	"  -n, --iterations N      draws for --uncertainty (default 10000)\n"
	"  -S, --seed S            seed for --uncertainty (default 1); the same\n"
	"                          seed gives the same picture\n"
	"  -h, --help              this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_diagram,
};
