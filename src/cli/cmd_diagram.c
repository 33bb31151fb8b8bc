/*
 * cmd_diagram.c - "natrisk diagram FILE -o OUT.svg|png|pdf": the risk
 * diagram, from one scene written as SVG (our writer) or PNG/PDF (cairo).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/diagram.h>

#include "cli.h"

typedef enum { OUT_SVG, OUT_PNG, OUT_PDF } out_format;

typedef struct diagram_args {
	const char *output, *compare, *weights;
	natrisk_lang lang;
	out_format format;
	bool format_given;
	double scale;
} diagram_args;

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

/* The format from the output's extension, unless --format said. */
static int settle_format(const cli_command *cmd, diagram_args *o)
{
	if (o->format_given || !o->output || strcmp(o->output, "-") == 0)
		return 0;
	const char *dot = strrchr(o->output, '.');
	if (dot && parse_format(dot + 1, &o->format))
		return 0;
	return cli_usage_error(cmd, "cannot tell the format of '%s': name it "
	                       ".svg, .png or .pdf, or give --format",
	                       o->output);
}

static int parse_args(const cli_command *cmd, int argc, char **argv,
                      diagram_args *o)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "compare", required_argument, NULL, 'c' },
		{ "weights", required_argument, NULL, 'w' },
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "scale", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	char *end;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:c:w:l:f:s:h", options,
	                          NULL)) != -1) {
		switch (opt) {
		case 'o': o->output = optarg; break;
		case 'c': o->compare = optarg; break;
		case 'w': o->weights = optarg; break;
		case 'l':
			if (!cli_parse_lang(optarg, &o->lang))
				return cli_usage_error(cmd, "unknown language "
				                       "'%s' (en, nl)", optarg);
			break;
		case 'f':
			if (!parse_format(optarg, &o->format))
				return cli_usage_error(cmd, "unknown format '%s' "
				                       "(svg, png, pdf)", optarg);
			o->format_given = true;
			break;
		case 's':
			o->scale = strtod(optarg, &end);
			if (*end || !(o->scale >= 0.25 && o->scale <= 8))
				return cli_usage_error(cmd, "--scale takes a "
				                       "number from 0.25 to 8");
			break;
		case 'h': return -1;
		default: return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected one assessment file");
	return settle_format(cmd, o);
}

static int write_scene(const natrisk_scene *scene, const diagram_args *o,
                       FILE *out)
{
	switch (o->format) {
	case OUT_PNG: return natrisk_scene_write_png(scene, o->scale, out);
	case OUT_PDF: return natrisk_scene_write_pdf(scene, out);
	default: return natrisk_scene_write_svg(scene, false, out);
	}
}

static int draw(const diagram_args *o, const natrisk_results *r,
                const natrisk_results *previous)
{
	natrisk_diagram_options options = { o->lang, previous };
	natrisk_scene *scene;
	cli_output out;
	int status = cli_output_open(&out);
	if (status)
		return status;
	if (natrisk_diagram_scene(&scene, r, &options) != 0) {
		cli_output_discard(&out);
		fprintf(stderr, "natrisk diagram: out of memory\n");
		return EXIT_INVALID;
	}
	status = write_scene(scene, o, out.stream);
	natrisk_scene_free(scene);
	if (status != 0) {
		cli_output_discard(&out);
		fprintf(stderr, "natrisk diagram: cannot render the diagram\n");
		return EXIT_INVALID;
	}
	return cli_output_commit(&out, o->output);
}

static int run_diagram(const cli_command *cmd, int argc, char **argv)
{
	diagram_args o = { .scale = 2 };
	int status = parse_args(cmd, argc, argv, &o);
	if (status < 0)
		return cli_help(cmd);
	if (status)
		return status;
	natrisk_assessment *a = NULL, *then = NULL;
	natrisk_results *r = NULL, *previous = NULL;
	size_t profile;
	if ((status = cli_load(argv[optind], &a)) == 0 &&
	    (status = cli_profile(cmd, a, o.weights, &profile)) == 0) {
		if (natrisk_results_new(&r, a, profile) != 0)
			status = EXIT_INVALID;
		else if (o.compare)
			status = cli_load_previous(o.compare, r, &then, &previous);
		if (status == 0)
			status = draw(&o, r, previous);
	}
	natrisk_results_free(previous);
	natrisk_assessment_free(then);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
	return status;
}

const cli_command cmd_diagram = {
	"diagram", "draw the risk diagram as SVG, PNG or PDF",
	"usage: natrisk diagram FILE -o OUT.svg|OUT.png|OUT.pdf\n"
	"                        [--compare PREVIOUS.yaml] [--weights PROFILE]\n"
	"                        [--lang en|nl] [--format svg|png|pdf] [--scale S]\n\n"
	"Draws every scenario in the risk diagram: likelihood (a factor ten per\n"
	"class) against impact (a factor three per class), with LL-UL whiskers,\n"
	"a colour per theme and a ring around scenarios new in this edition.\n"
	"Labels never overlap each other or the points.\n\n"
	"  -o, --output OUT        the file to write; its extension gives the\n"
	"                          format. Without -o, SVG goes to stdout.\n"
	"  -c, --compare PREVIOUS  draw an arrow from each scenario's position\n"
	"                          in the previous edition\n"
	"  -w, --weights PROFILE   a weight profile of the method\n"
	"  -l, --lang LANG         class names in en (default) or nl\n"
	"  -f, --format FORMAT     svg, png or pdf, whatever the extension\n"
	"  -s, --scale S           PNG pixels per unit (default 2)\n"
	"  -h, --help              this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_diagram,
};
