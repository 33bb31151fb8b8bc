/*
 * smaa_chart_check.c - test tool: draws the rank acceptability chart
 * (smaa_chart.h) of an assessment through the library, so that tests/cli/
 * svg.sh can check the picture (bars, segment widths, order, no
 * overlapping text) and a person can look at it:
 *
 *   smaa_chart_check ASSESSMENT.yaml OUT.svg|OUT.png|OUT.pdf
 *                    [--lang en|nl] [--iterations N] [--seed S]
 *                    [--no-confidence] [--title TEXT]
 *
 * SMAA with uniform weights, 2000 iterations and seed 1 unless told;
 * confidence factors computed unless --no-confidence. Exit 0 when written,
 * 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/assessment.h>
#include <natrisk/diag.h>
#include <natrisk/smaa_chart.h>

typedef struct request {
	const char *input, *output, *title;
	natrisk_lang lang;
	unsigned long long iterations, seed;
	bool confidence;
} request;

static int usage(void)
{
	fprintf(stderr, "usage: smaa_chart_check ASSESSMENT OUT.svg|png|pdf "
	        "[--lang en|nl] [--iterations N] [--seed S] "
	        "[--no-confidence] [--title TEXT]\n");
	return 1;
}

static bool parse(int argc, char **argv, request *r)
{
	*r = (request){ .lang = NATRISK_LANG_EN, .iterations = 2000,
		        .seed = 1, .confidence = true };
	if (argc < 3)
		return false;
	r->input = argv[1];
	r->output = argv[2];
	for (int i = 3; i < argc; i++) {
		bool more = i + 1 < argc;
		if (strcmp(argv[i], "--no-confidence") == 0)
			r->confidence = false;
		else if (strcmp(argv[i], "--lang") == 0 && more)
			r->lang = strcmp(argv[++i], "nl") == 0 ? NATRISK_LANG_NL
			                                       : NATRISK_LANG_EN;
		else if (strcmp(argv[i], "--iterations") == 0 && more)
			r->iterations = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--seed") == 0 && more)
			r->seed = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--title") == 0 && more)
			r->title = argv[++i];
		else
			return false;
	}
	return r->iterations > 0;
}

static int write(const natrisk_scene *scene, const char *path)
{
	FILE *out = fopen(path, "wb");
	if (!out) {
		perror(path);
		return 1;
	}
	const char *dot = strrchr(path, '.');
	int rc = dot && strcmp(dot, ".png") == 0
	                 ? natrisk_scene_write_png(scene, 2, out)
	         : dot && strcmp(dot, ".pdf") == 0
	                 ? natrisk_scene_write_pdf(scene, out)
	                 : natrisk_scene_write_svg(scene, false, out);
	if (fclose(out) != 0)
		rc = 1;
	return rc != 0;
}

static int chart(const natrisk_assessment *a, const request *r)
{
	natrisk_smaa_options options = {
		.iterations = r->iterations,
		.seed = r->seed,
		.threads = 0,
		.outputs = r->confidence ? NATRISK_SMAA_CENTRAL |
		                                   NATRISK_SMAA_CONFIDENCE
		                         : 0,
	};
	natrisk_smaa *smaa;
	if (natrisk_smaa_assessment(&smaa, a, &options) != 0) {
		fprintf(stderr, "smaa_chart_check: %s\n", natrisk_error_last());
		return 1;
	}
	natrisk_scene *scene;
	int rc = natrisk_smaa_chart_scene(&scene, smaa, r->lang, r->title);
	natrisk_smaa_free(smaa);
	if (rc != 0) {
		fprintf(stderr, "smaa_chart_check: no chart (%d)\n", rc);
		return 1;
	}
	rc = write(scene, r->output);
	natrisk_scene_free(scene);
	return rc;
}

int main(int argc, char **argv)
{
	request r;
	if (!parse(argc, argv, &r))
		return usage();
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	if (!diag || natrisk_assessment_load(&a, r.input, diag) != 0) {
		if (diag)
			natrisk_diag_print(diag, stderr);
		natrisk_diag_free(diag);
		return 1;
	}
	natrisk_diag_free(diag);
	int rc = chart(a, &r);
	natrisk_assessment_free(a);
	return rc;
}
