/*
 * diagram.c - the frame of the risk diagram (method.md section 5): title,
 * background bands from green to red, class grid, axes with the class
 * names, and the legend. The scenarios themselves are drawn by
 * diagram_points.c, their clouds of draws by diagram_cloud.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/smaa.h>

#include "../core/error.h"
#include "diagram_layout.h"

static const rgba ink = { 0x22, 0x22, 0x22, 255 };
static const rgba muted = { 0x55, 0x55, 0x55, 255 };

double diagram_x(double position)
{
	double p = isfinite(position) ? fmin(fmax(position, 0), 5) : 0;
	return PLOT_LEFT + p / 5 * PLOT_WIDTH;
}

double diagram_y(double position)
{
	double p = isfinite(position) ? fmin(fmax(position, 0), 5) : 0;
	return PLOT_TOP + PLOT_HEIGHT - p / 5 * PLOT_HEIGHT;
}

rgba theme_colour(const natrisk_assessment *a, long theme)
{
	if (theme < 0 || (size_t)theme >= natrisk_assessment_theme_count(a))
		return rgb(0x777777);
	return rgb(natrisk_theme_colour(natrisk_assessment_theme(a, (size_t)(theme))));
}

const char *diagram_word(const diagram *d, const char *en, const char *nl)
{
	return d->options->lang == NATRISK_LANG_NL ? nl : en;
}

static rgba mix(rgba a, rgba b, double t)
{
	return (rgba){ (uint8_t)lround(a.r + (b.r - a.r) * t),
		       (uint8_t)lround(a.g + (b.g - a.g) * t),
		       (uint8_t)lround(a.b + (b.b - a.b) * t), 255 };
}

/* Risk grows with likelihood + impact class: green, yellow, red. */
static rgba band_colour(int likelihood, int impact)
{
	double t = (likelihood + impact) / 8.0;
	rgba green = rgb(0xD7EDD3), yellow = rgb(0xFBF0C0), red = rgb(0xF4BDB3);
	return t < 0.5 ? mix(green, yellow, t * 2) : mix(yellow, red, t * 2 - 1);
}

/* The bands, then the clouds of draws over them, then the frame. */
static int draw_background(diagram *d)
{
	double cell_w = PLOT_WIDTH / 5.0, cell_h = PLOT_HEIGHT / 5.0;
	for (int l = 0; l < 5; l++)
		for (int i = 0; i < 5; i++) {
			shape *s = scene_rect(d->scene, PLOT_LEFT + l * cell_w,
			                      PLOT_TOP + (4 - i) * cell_h, cell_w,
			                      cell_h, band_colour(l, i),
			                      rgb(0xFFFFFF), 1);
			if (s)
				s->role = "band";
		}
	int rc = diagram_draw_clouds(d);
	shape *frame = scene_rect(d->scene, PLOT_LEFT, PLOT_TOP, PLOT_WIDTH,
	                          PLOT_HEIGHT, RGBA_NONE, rgb(0x888888), 1);
	if (frame)
		frame->role = "frame";
	return rc;
}

static void axis_text(diagram *d, double x, double y, double size,
                      text_anchor anchor, bool bold, const char *text)
{
	shape *s = scene_textf(d->scene, x, y, size, anchor, ink, text);
	if (s) {
		s->bold = bold;
		s->role = "axis";
	}
}

static void draw_axes(diagram *d)
{
	const natrisk_method *m = natrisk_assessment_method(d->assessment);
	natrisk_lang lang = d->options->lang;
	char text[160];
	for (int k = 0; k < 5; k++) {
		double x = diagram_x(k + 0.5), y = diagram_y(k + 0.5);
		axis_text(d, x, PLOT_TOP + PLOT_HEIGHT + 18, 13, ANCHOR_MIDDLE,
		          true, natrisk_class_letter(k));
		axis_text(d, x, PLOT_TOP + PLOT_HEIGHT + 32, 10, ANCHOR_MIDDLE,
		          false,
		          natrisk_text_get(natrisk_method_likelihood_label(m, k), lang));
		snprintf(text, sizeof text, "%s", natrisk_class_letter(k));
		axis_text(d, PLOT_LEFT - 8, y - 2, 13, ANCHOR_END, true, text);
		axis_text(d, PLOT_LEFT - 8, y + 12, 10, ANCHOR_END, false,
		          natrisk_text_get(natrisk_method_impact_label(m, k), lang));
	}
	snprintf(text, sizeof text, "%s (%s %g %s)",
	         diagram_word(d, "Likelihood", "Waarschijnlijkheid"),
	         diagram_word(d, "a factor", "factor"), natrisk_method_likelihood_factor(m),
	         diagram_word(d, "per class", "per klasse"));
	axis_text(d, PLOT_LEFT + PLOT_WIDTH / 2.0, PLOT_TOP + PLOT_HEIGHT + 54,
	          12, ANCHOR_MIDDLE, true, text);
	snprintf(text, sizeof text, "%s (%s %g %s)", "Impact",
	         diagram_word(d, "a factor", "factor"), natrisk_method_base(m),
	         diagram_word(d, "per class", "per klasse"));
	shape *s = scene_textf(d->scene, 24, PLOT_TOP + PLOT_HEIGHT / 2.0, 12,
	                       ANCHOR_MIDDLE, ink, text);
	if (s) {
		s->bold = true;
		s->vertical = true;
		s->role = "axis";
	}
}

/* TEXT wrapped at WIDTH into a new string, its number of lines in
 * *LINES; NULL when out of memory. */
static char *wrapped(diagram *d, const char *text, double size, bool bold,
                     double width, size_t *lines)
{
	char *out = malloc(strlen(text) + 1);
	double widest;
	if (out)
		*lines = text_wrap(d->metrics, text, size, bold, width, out,
		                   &widest);
	else
		d->scene->out_of_memory = true;
	return out;
}

/* The assessment's title on one line, or on two in a smaller size if it
 * must: 200 characters fit. Returns the baseline of the subtitle. */
static double draw_heading(diagram *d)
{
	static const double sizes[] = { 16, 14, 12 };
	const double width = DIAGRAM_WIDTH - PLOT_LEFT - 16;
	char *text = NULL;
	size_t lines = 1;
	double size = sizes[0];
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		free(text);
		size = sizes[k];
		text = wrapped(d, natrisk_assessment_title(d->assessment), size, true, width, &lines);
		if (!text || lines <= 2)
			break;
	}
	double y = lines == 1 ? 28 : 22, line_height = size + 3;
	shape *s = scene_textf(d->scene, PLOT_LEFT, y, size, ANCHOR_START, ink,
	                       text ? text : natrisk_assessment_title(d->assessment));
	if (s) {
		s->bold = true;
		s->role = "title";
		s->line_height = line_height;
	}
	free(text);
	return y + (double)(lines - 1) * line_height + (lines == 1 ? 18 : 16);
}

static void draw_title(diagram *d)
{
	const natrisk_method *m = natrisk_assessment_method(d->assessment);
	const natrisk_profile *profile =
		natrisk_method_profile(m, natrisk_results_profile(d->results));
	double y = draw_heading(d);
	/* titles, not ids: a reader knows the method by its name */
	const char *method = natrisk_text_get(natrisk_method_title(m), d->options->lang);
	const char *word = diagram_word(d, "weight profile", "gewichtenset");
	const char *name = natrisk_text_get(&profile->title, d->options->lang);
	size_t size = strlen(method) + strlen(word) + strlen(name) + 8;
	char *text = malloc(size);
	if (!text) {
		d->scene->out_of_memory = true;
		return;
	}
	snprintf(text, size, "%s \xC2\xB7 %s: %s", method, word, name);
	shape *s = scene_textf(d->scene, PLOT_LEFT, y, 11, ANCHOR_START, muted,
	                       text);
	if (s)
		s->role = "title";
	free(text);
}

/* An entry's text, wrapped to the picture's edge; the next entry's y. */
static double legend_entry(diagram *d, double y, const char *text)
{
	size_t lines = 1;
	char *lined = wrapped(d, text, 11, false,
	                      DIAGRAM_WIDTH - LEGEND_LEFT - 26 - 8, &lines);
	shape *s = scene_textf(d->scene, LEGEND_LEFT + 26, y + 4, 11,
	                       ANCHOR_START, ink, lined ? lined : text);
	if (s) {
		s->role = "legend";
		s->line_height = 13;
	}
	free(lined);
	return y + 20 + (double)(lines - 1) * 13;
}

static double legend_themes(diagram *d, double y)
{
	const natrisk_assessment *a = d->assessment;
	bool unthemed = false;
	for (size_t i = 0; i < natrisk_assessment_scenario_count(a); i++)
		unthemed |= natrisk_assessment_scenario(a, i)->theme < 0;
	for (long t = unthemed ? -1 : 0; t < (long)natrisk_assessment_theme_count(a); t++) {
		scene_circle(d->scene, LEGEND_LEFT + 8, y, POINT_RADIUS,
		             theme_colour(a, t), ink, 1);
		y = legend_entry(d, y, t < 0 ? diagram_word(d, "no theme",
		                                            "geen thema")
		                             : natrisk_assessment_theme(a, (size_t)(t))->title);
	}
	return y + 8;
}

/* The two contour levels of the clouds, in a neutral grey. */
static double legend_cloud(diagram *d, double y)
{
	rgba inner = rgb(0x555555), outer = inner;
	inner.a = 89;
	outer.a = 38;
	rgba edge = inner;
	edge.a = 150;
	scene_rect(d->scene, LEGEND_LEFT, y - 6, 8, 12, inner, edge, 1);
	scene_rect(d->scene, LEGEND_LEFT + 8, y - 6, 8, 12, outer, RGBA_NONE,
	           0);
	return legend_entry(d, y, diagram_word(d, "50 % / 90 % of the draws",
	                                       "50 % / 90 % van de "
	                                       "trekkingen"));
}

static void draw_legend(diagram *d)
{
	double y = PLOT_TOP + 8;
	shape *s = scene_textf(d->scene, LEGEND_LEFT, y, 12, ANCHOR_START, ink,
	                       diagram_word(d, "Themes", "Thema's"));
	if (s) {
		s->bold = true;
		s->role = "legend";
	}
	y = legend_themes(d, y + 20);
	scene_circle(d->scene, LEGEND_LEFT + 8, y, NEW_RING_RADIUS, RGBA_NONE,
	             ink, 1.5);
	y = legend_entry(d, y, diagram_word(d, "new in this edition",
	                                    "nieuw in deze editie"));
	/* the marks as the plot draws them: caps on the whisker, a head
	 * and the hollow mark of the previous place on the arrow */
	diagram_whisker(d, NULL, muted, LEGEND_LEFT + 2, y, LEGEND_LEFT + 20, y);
	y = legend_entry(d, y, diagram_word(d, "lower to upper limit",
	                                    "onder- tot bovengrens"));
	if (d->options->uncertainty &&
	    (natrisk_smaa_outputs(d->options->uncertainty) & NATRISK_SMAA_CLOUD))
		y = legend_cloud(d, y);
	if (d->options->previous) {
		diagram_arrow(d, LEGEND_LEFT + 3.5, y, LEGEND_LEFT + 22, y, NULL);
		y = legend_entry(d, y, d->options->previous_before_measures
		                       ? diagram_word(d, "from before the measures",
		                                      "vanaf vóór de maatregelen")
		                       : diagram_word(d, "from previous edition",
		                                      "vanaf vorige editie"));
	}
	if (d->unlabelled) {
		char text[120];
		snprintf(text, sizeof text, "%zu %s", d->unlabelled,
		         diagram_word(d, "points without a label (crowded)",
		                      "punten zonder label (te vol)"));
		legend_entry(d, y + 8, text);
	}
}

int natrisk_diagram_scene(natrisk_scene **out, const natrisk_results *r,
                          const natrisk_diagram_options *options)
{
	static const natrisk_diagram_options defaults = {
		.lang = NATRISK_LANG_EN,
	};
	*out = NULL;
	diagram d = {
		.scene = scene_new(DIAGRAM_WIDTH, DIAGRAM_HEIGHT),
		.metrics = text_metrics_new(),
		.results = r,
		.assessment = natrisk_results_assessment(r),
		.options = options ? options : &defaults,
	};
	if (!d.scene || !d.metrics) {
		natrisk_scene_free(d.scene);
		text_metrics_free(d.metrics);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	d.scene->title = scene_text(d.scene, natrisk_assessment_title(d.assessment));
	d.scene->description = scene_text(d.scene, diagram_word(&d,
		"Risk diagram: likelihood against impact of every scenario",
		"Risicodiagram: waarschijnlijkheid tegen impact per scenario"));
	draw_title(&d);
	int rc = draw_background(&d);
	draw_axes(&d);
	if (rc == 0)
		rc = diagram_draw_scenarios(&d);
	draw_legend(&d);
	text_metrics_free(d.metrics);
	if (rc == 0 && scene_out_of_memory(d.scene))
		rc = NATRISK_ENOMEM;
	if (rc == NATRISK_ENOMEM)
		error_set(rc, "out of memory");
	if (rc != 0) {
		natrisk_scene_free(d.scene);
		return rc;
	}
	*out = d.scene;
	return NATRISK_OK;
}
