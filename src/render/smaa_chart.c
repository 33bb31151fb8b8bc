/*
 * smaa_chart.c - the stacked bar chart of rank acceptabilities
 * (smaa_chart.h, method.md section 7): one bar per alternative, ordered
 * by expected rank (sum of (r + 1) * b(i, r), most severe first), split
 * into a segment per rank in a sequential ramp from dark (rank 1) to
 * light, shares of 8 % and more written inside their segment, the
 * confidence factor at the end of each bar when it was computed, a legend
 * of the ranks and an axis from 0 to 100 %.
 *
 * Built as a scene like the risk diagram (scene.h), so that it writes to
 * SVG, PNG and PDF alike; every text is measured with text_metrics, so
 * that nothing overlaps however many alternatives there are. The chart
 * grows downwards with their number.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/smaa_chart.h>

#include "../core/error.h"
#include "scene.h"
#include "text_metrics.h"

enum { MARGIN = 24, BAR_WIDTH = 520, NAME_GAP = 8, CONFIDENCE_GAP = 10 };

#define NAME_SIZE 11.0
#define SHARE_SIZE 10.0
#define LEGEND_SIZE 11.0
#define MAX_NAME_WIDTH 240.0
#define MIN_LABELLED_SHARE 0.08
/* A chart of a thousand bars of a thousand segments helps nobody: show
 * the most severe alternatives, and ranks in at most ten groups. */
#define MAX_BARS 40
#define MAX_SEGMENTS 12

static const rgba ink = { 0x22, 0x22, 0x22, 255 };
static const rgba muted = { 0x55, 0x55, 0x55, 255 };

typedef struct ranked {
	double expected; /* expected rank, 1..m */
	size_t index;
} ranked;

typedef struct chart {
	natrisk_scene *scene;
	text_metrics *metrics;
	const natrisk_smaa *smaa;
	natrisk_lang lang;
	size_t m;
	size_t shown;           /* bars drawn: the most severe */
	size_t group;           /* ranks per segment */
	ranked *order;          /* most severe first */
	bool confidence;        /* confidence factors were computed */
	double name_width;      /* the column of names */
	double bar_left;
	double confidence_right;
	double top;             /* of the first row */
	double row, bar_height;
} chart;

static const char *word(const chart *c, const char *en, const char *nl)
{
	return c->lang == NATRISK_LANG_NL ? nl : en;
}

/* Viridis (dark purple, blue, green, yellow): sequential from dark to
 * light, and its hue keeps neighbouring ranks apart, also for readers
 * with a colour-vision deficiency. */
static rgba ramp(double t)
{
	static const uint32_t stops[] = { 0x440154, 0x482878, 0x3e4989,
		                          0x31688e, 0x26828e, 0x1f9e89,
		                          0x35b779, 0x6ece58, 0xfde725 };
	const int last = (int)(sizeof stops / sizeof *stops) - 1;
	double at = fmin(fmax(t, 0), 1) * last;
	int k = (int)floor(at);
	if (k >= last)
		return rgb(stops[last]);
	double f = at - k;
	rgba a = rgb(stops[k]), b = rgb(stops[k + 1]);
	return (rgba){ (uint8_t)lround(a.r + (b.r - a.r) * f),
		       (uint8_t)lround(a.g + (b.g - a.g) * f),
		       (uint8_t)lround(a.b + (b.b - a.b) * f), 255 };
}

static rgba rank_colour(const chart *c, size_t r)
{
	return ramp(c->m > 1 ? (double)r / (double)(c->m - 1) : 0);
}

/* White text on the dark end of the ramp, ink on the light end. */
static rgba text_on(rgba background)
{
	double luma = 0.299 * background.r + 0.587 * background.g +
	              0.114 * background.b;
	return luma < 128 ? rgb(0xFFFFFF) : ink;
}

static shape *text(chart *c, double x, double y, double size,
                   text_anchor anchor, rgba colour, const char *role,
                   const char *content)
{
	return scene_text_role(c->scene, x, y, size, anchor, colour, role,
	                       content);
}

/* The baseline that centres text of SIZE vertically on Y. */
static double centred(chart *c, double y, double size)
{
	double ascent, descent;
	text_extent(c->metrics, size, &ascent, &descent);
	return y + (ascent - descent) / 2;
}

/* TEXT cut to at most MAX wide, with an ellipsis when cut. */
static void fit(chart *c, const char *in, double size, double max, char *out,
                size_t out_size)
{
	snprintf(out, out_size, "%s", in);
	size_t len = strlen(out);
	if (text_width(c->metrics, out, size, false) <= max)
		return;
	while (len > 1) {
		len--;
		/* do not split a UTF-8 sequence */
		while (len > 1 && ((unsigned char)in[len] & 0xC0) == 0x80)
			len--;
		snprintf(out, out_size, "%.*s\xE2\x80\xA6", (int)len, in);
		if (text_width(c->metrics, out, size, false) <= max)
			return;
	}
}

/* A whole number with thousands separators: 10,000 or 10.000. */
static void thousands(const chart *c, unsigned long long n, char *out,
                      size_t size)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%llu", n);
	size_t k = 0;
	for (int i = 0; i < len && k + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[k++] = c->lang == NATRISK_LANG_NL ? '.' : ',';
		out[k++] = digits[i];
	}
	out[k] = '\0';
}

static int order_alternatives(chart *c)
{
	size_t *order = calloc(c->m + 1, sizeof *order);
	c->order = calloc(c->m + 1, sizeof *c->order);
	if (!order || !c->order || natrisk_smaa_order(c->smaa, order) != 0) {
		free(order);
		return NATRISK_ENOMEM;
	}
	for (size_t k = 0; k < c->m; k++)
		c->order[k] = (ranked){
			natrisk_smaa_expected_rank(c->smaa, order[k]), order[k]
		};
	free(order);
	return NATRISK_OK;
}

/* The columns: names as wide as the widest (up to a limit), the bars,
 * the confidence factors. Rows get lower as alternatives get many. */
static void plan(chart *c)
{
	c->name_width = 0;
	for (size_t k = 0; k < c->shown; k++) {
		const char *name = natrisk_smaa_alternative_name(
			c->smaa, c->order[k].index);
		c->name_width = fmax(c->name_width,
		                     text_width(c->metrics, name, NAME_SIZE,
		                                false));
	}
	c->name_width = fmin(ceil(c->name_width), MAX_NAME_WIDTH);
	c->bar_left = MARGIN + c->name_width + NAME_GAP;
	c->confidence_right = c->bar_left + BAR_WIDTH;
	if (c->confidence)
		c->confidence_right += CONFIDENCE_GAP +
		                       ceil(text_width(c->metrics, "0.00",
		                                       NAME_SIZE, false));
	c->row = c->shown <= 12 ? 30 : c->shown <= 25 ? 24 : 20;
	c->bar_height = c->shown <= 12 ? 22 : c->row - 6;
	c->top = c->confidence ? 104 : 88;
}

/* Returns the right end of the longer line. */
static double draw_title(chart *c, const char *title)
{
	shape *s = text(c, MARGIN, 28, 16, ANCHOR_START, ink, "title", title);
	if (s)
		s->bold = true;
	char count[40], line[200];
	thousands(c, (unsigned long long)natrisk_smaa_iterations(c->smaa),
	          count, sizeof count);
	snprintf(line, sizeof line, word(c,
	         "Share of %s draws in which each alternative takes each "
	         "rank; most severe first",
	         "Aandeel van %s trekkingen waarin elk alternatief elke rang "
	         "heeft; ernstigste eerst"), count);
	if (c->shown < c->m) {
		char all[40];
		thousands(c, (unsigned long long)c->m, all, sizeof all);
		size_t used = strlen(line);
		snprintf(line + used, sizeof line - used, word(c,
		         " (the %zu most severe of %s)",
		         " (de %zu ernstigste van %s)"), c->shown, all);
	}
	text(c, MARGIN, 46, 11, ANCHOR_START, muted, "title", line);
	return MARGIN + fmax(text_width(c->metrics, title, 16, true),
	                     text_width(c->metrics, line, 11, false));
}

/* Up to ten ranks: a swatch per rank. */
static double legend_swatches(chart *c, double x, double y)
{
	char number[24];
	for (size_t r = 0; r < c->m; r++) {
		shape *s = scene_rect(c->scene, x, y - 6, 12, 12,
		                      rank_colour(c, r), RGBA_NONE, 0);
		if (s)
			s->role = "legend";
		snprintf(number, sizeof number, "%zu", r + 1);
		text(c, x + 16, centred(c, y, LEGEND_SIZE), LEGEND_SIZE,
		     ANCHOR_START, ink, "legend", number);
		x += 16 + text_width(c->metrics, number, LEGEND_SIZE, false) +
		     12;
	}
	return x;
}

/* More ranks: the ramp itself, from 1 to m. */
static double legend_ramp(chart *c, double x, double y)
{
	const double width = 200;
	text(c, x, centred(c, y, LEGEND_SIZE), LEGEND_SIZE, ANCHOR_START, ink,
	     "legend", "1");
	x += text_width(c->metrics, "1", LEGEND_SIZE, false) + 6;
	for (size_t r = 0; r < c->m; r++) {
		double x0 = x + width * (double)r / (double)c->m;
		double x1 = x + width * (double)(r + 1) / (double)c->m;
		shape *s = scene_rect(c->scene, x0, y - 6, x1 - x0, 12,
		                      rank_colour(c, r), RGBA_NONE, 0);
		if (s)
			s->role = "legend";
	}
	char number[24];
	snprintf(number, sizeof number, "%zu", c->m);
	text(c, x + width + 6, centred(c, y, LEGEND_SIZE), LEGEND_SIZE,
	     ANCHOR_START, ink, "legend", number);
	return x + width + 6 + text_width(c->metrics, number, LEGEND_SIZE,
	                                  false);
}

static double draw_legend(chart *c)
{
	const double y = 68;
	const char *label = word(c, "Rank", "Rang");
	shape *s = text(c, c->bar_left, centred(c, y, LEGEND_SIZE), LEGEND_SIZE,
	                ANCHOR_START, ink, "legend", label);
	if (s)
		s->bold = true;
	double x = c->bar_left + text_width(c->metrics, label, LEGEND_SIZE,
	                                    true) + 10;
	return c->m <= 10 ? legend_swatches(c, x, y) : legend_ramp(c, x, y);
}

static void draw_share(chart *c, const char *name, double x0, double x1,
                       double y, double share, rgba fill)
{
	if (share < MIN_LABELLED_SHARE)
		return;
	char label[16];
	snprintf(label, sizeof label, "%.0f %%", share * 100);
	if (text_width(c->metrics, label, SHARE_SIZE, false) + 4 > x1 - x0)
		return;
	shape *s = text(c, (x0 + x1) / 2, centred(c, y, SHARE_SIZE),
	                SHARE_SIZE, ANCHOR_MIDDLE, text_on(fill), "share",
	                label);
	if (s)
		s->scenario = name;
}

/* A white hairline between two segments wide enough to tell apart:
 * neighbouring ranks have neighbouring colours. Not with many ranks,
 * where the bars would turn to stripes and the ramp reads better. */
static void draw_separator(chart *c, double x, double y)
{
	shape *s = scene_line(c->scene, x, y - c->bar_height / 2, x,
	                      y + c->bar_height / 2, rgb(0xFFFFFF), 1);
	if (s)
		s->role = "separator";
}

/* The segments of one bar, each the share of one rank, or of a group of
 * ranks when there are many. Edges come from the running total, so that
 * the segments fill the bar exactly. */
static void draw_segments(chart *c, size_t i, const char *name, double y)
{
	double before = 0, previous_width = 0;
	char tip[200];
	for (size_t r = 0; r < c->m; r += c->group) {
		size_t last = r + c->group < c->m ? r + c->group : c->m;
		double share = 0;
		for (size_t k = r; k < last; k++)
			share += natrisk_smaa_rank_acceptability(c->smaa, i, k);
		if (!(share > 0))
			continue;
		double x0 = c->bar_left + BAR_WIDTH * before;
		before += share;
		double x1 = c->bar_left + BAR_WIDTH * fmin(before, 1);
		rgba fill = rank_colour(c, (r + last - 1) / 2);
		shape *s = scene_rect(c->scene, x0, y - c->bar_height / 2,
		                      x1 - x0, c->bar_height, fill, RGBA_NONE, 0);
		if (!s)
			continue;
		s->role = "segment";
		s->scenario = name;
		if (c->group == 1)
			snprintf(tip, sizeof tip, "%s: %s %zu, %.1f %%", name,
			         word(c, "rank", "rang"), r + 1, share * 100);
		else
			snprintf(tip, sizeof tip, "%s: %s %zu-%zu, %.1f %%", name,
			         word(c, "ranks", "rangen"), r + 1, last,
			         share * 100);
		s->tooltip = scene_text(c->scene, tip);
		if (c->m <= 12 && previous_width >= 3 && x1 - x0 >= 3)
			draw_separator(c, x0, y);
		previous_width = x1 - x0;
		draw_share(c, name, x0, x1, y, share, fill);
	}
}

static void draw_confidence(chart *c, size_t i, const char *name, double y)
{
	double factor;
	char value[16] = "\xE2\x80\x93"; /* en dash: never ranked first */
	bool known = natrisk_smaa_confidence(c->smaa, i, &factor);
	if (known) {
		snprintf(value, sizeof value, "%.2f", factor);
		char *dot = strchr(value, '.');
		if (dot && c->lang == NATRISK_LANG_NL)
			*dot = ',';
	}
	shape *s = text(c, c->confidence_right, centred(c, y, NAME_SIZE),
	                NAME_SIZE, ANCHOR_END, known ? ink : muted,
	                "confidence", value);
	if (s)
		s->scenario = name;
}

static void draw_bar(chart *c, size_t k)
{
	size_t i = c->order[k].index;
	const char *name = scene_text(c->scene,
	                              natrisk_smaa_alternative_name(c->smaa, i));
	double y = c->top + c->row * ((double)k + 0.5);
	char shown[400];
	fit(c, name, NAME_SIZE, c->name_width, shown, sizeof shown);
	shape *s = text(c, c->bar_left - NAME_GAP, centred(c, y, NAME_SIZE),
	                NAME_SIZE, ANCHOR_END, ink, "label", shown);
	if (s)
		s->scenario = name;
	draw_segments(c, i, name, y);
	char tip[300];
	snprintf(tip, sizeof tip, "%s: %s %.2f", name,
	         word(c, "expected rank", "verwachte rang"),
	         c->order[k].expected);
	s = scene_rect(c->scene, c->bar_left, y - c->bar_height / 2, BAR_WIDTH,
	               c->bar_height, RGBA_NONE, rgb(0x666666), 0.6);
	if (s) {
		s->role = "bar";
		s->scenario = name;
		s->tooltip = scene_text(c->scene, tip);
	}
	if (c->confidence)
		draw_confidence(c, i, name, y);
}

static void draw_axis(chart *c, double y)
{
	scene_line(c->scene, c->bar_left, y, c->bar_left + BAR_WIDTH, y, muted,
	           1);
	char label[16];
	for (int p = 0; p <= 100; p += 25) {
		double x = c->bar_left + BAR_WIDTH * p / 100.0;
		scene_line(c->scene, x, y, x, y + 4, muted, 1);
		snprintf(label, sizeof label, "%d %%", p);
		text(c, x, y + 16, 10, ANCHOR_MIDDLE, ink, "axis", label);
	}
	shape *s = text(c, c->bar_left + BAR_WIDTH / 2.0, y + 34, 11,
	                ANCHOR_MIDDLE, ink, "axis",
	                word(c, "share of the draws",
	                     "aandeel van de trekkingen"));
	if (s)
		s->bold = true;
}

static void draw_confidence_header(chart *c)
{
	shape *s = text(c, c->confidence_right, c->top - 8, 10, ANCHOR_END,
	                muted, "legend",
	                word(c, "confidence factor", "betrouwbaarheidsfactor"));
	if (s)
		s->bold = true;
}

/* Wide enough for every text, whatever the names and the title. */
static double chart_width(const chart *c, double title_right,
                          double legend_right)
{
	return ceil(fmax(c->confidence_right, fmax(title_right, legend_right)) +
	            MARGIN);
}

static void chart_free(chart *c)
{
	text_metrics_free(c->metrics);
	free(c->order);
}

int natrisk_smaa_chart_scene(natrisk_scene **out, const natrisk_smaa *s,
                             natrisk_lang lang, const char *title)
{
	*out = NULL;
	chart c = {
		.metrics = text_metrics_new(),
		.smaa = s,
		.lang = lang,
		.m = natrisk_smaa_alternatives(s),
		.confidence = natrisk_smaa_outputs(s) & NATRISK_SMAA_CONFIDENCE,
	};
	if (!c.metrics || order_alternatives(&c) != 0) {
		chart_free(&c);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	c.shown = c.m < MAX_BARS ? c.m : MAX_BARS;
	c.group = c.m <= MAX_SEGMENTS ? 1 : (c.m + 9) / 10;
	plan(&c);
	double axis_y = c.top + c.row * (double)c.shown + 4;
	c.scene = scene_new(0, axis_y + 34 + MARGIN - 4);
	if (!c.scene) {
		chart_free(&c);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	if (!title)
		title = word(&c, "Rank acceptability", "Aanvaardbaarheid per rang");
	c.scene->title = scene_text(c.scene, title);
	c.scene->description = scene_text(c.scene, word(&c,
		"Stacked bars: for each alternative, the share of the draws "
		"in which it takes rank 1, 2, ...",
		"Gestapelde balken: per alternatief het aandeel van de "
		"trekkingen waarin het rang 1, 2, ... heeft"));
	double title_right = draw_title(&c, title);
	double legend_right = draw_legend(&c);
	if (c.confidence)
		draw_confidence_header(&c);
	for (size_t k = 0; k < c.shown; k++)
		draw_bar(&c, k);
	draw_axis(&c, axis_y);
	c.scene->width = chart_width(&c, title_right, legend_right);
	chart_free(&c);
	if (scene_out_of_memory(c.scene)) {
		natrisk_scene_free(c.scene);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	*out = c.scene;
	return NATRISK_OK;
}
