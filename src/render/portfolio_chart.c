/*
 * portfolio_chart.c - the frontier chart of a plan's portfolio
 * (portfolio_chart.h): cost (horizontal, million euro) against risk
 * reduction (vertical), both from 0, one point per budget of the sweep
 * joined in budget order, each labelled with what enters there. Labels
 * are measured (text_metrics) and moved down past the ones already
 * placed, so that none overlaps another.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/portfolio_chart.h>

#include "../core/error.h"
#include "scene.h"
#include "text_metrics.h"

enum { WIDTH = 760, HEIGHT = 520, LEFT = 84, RIGHT = 220, TOP = 56,
       BOTTOM = 56, TICKS = 5 };

#define LABEL_SIZE 10.0
#define LABEL_GAP 2.0

static const rgba ink = { 0x22, 0x22, 0x22, 255 };
static const rgba muted = { 0x66, 0x66, 0x66, 255 };
static const rgba line_colour = { 0x31, 0x68, 0x8e, 255 };
static const rgba grid = { 0xdd, 0xdd, 0xdd, 255 };

typedef struct box {
	double x0, y0, x1, y1;
} box;

typedef struct chart {
	natrisk_scene *scene;
	text_metrics *metrics;
	const natrisk_plan *plan;
	double max_cost, max_reduction;
	box *placed;
	size_t placed_count;
	natrisk_lang lang;
} chart;

static const char *word(const chart *c, const char *en, const char *nl)
{
	return c->lang == NATRISK_LANG_NL ? nl : en;
}

static double to_x(const chart *c, double cost)
{
	return LEFT + (WIDTH - LEFT - RIGHT) * cost / c->max_cost;
}

static double to_y(const chart *c, double reduction)
{
	return HEIGHT - BOTTOM -
	       (HEIGHT - TOP - BOTTOM) * reduction / c->max_reduction;
}

static shape *text(chart *c, double x, double y, double size,
                   text_anchor anchor, rgba colour, const char *role,
                   const char *content)
{
	return scene_text_role(c->scene, x, y, size, anchor, colour, role,
	                       content);
}

static void draw_axes(chart *c)
{
	char label[64];
	double x0 = to_x(c, 0), y0 = to_y(c, 0);
	for (int k = 0; k <= TICKS; k++) {
		double cost = c->max_cost * k / TICKS;
		double reduction = c->max_reduction * k / TICKS;
		double x = to_x(c, cost), y = to_y(c, reduction);
		scene_line(c->scene, x, y0, x, TOP, grid, 1);
		scene_line(c->scene, x0, y, WIDTH - RIGHT, y, grid, 1);
		snprintf(label, sizeof label, "%.3g", cost / 1e6);
		text(c, x, y0 + 16, 10, ANCHOR_MIDDLE, muted, "axis", label);
		snprintf(label, sizeof label, "%.3g", reduction);
		text(c, x0 - 6, y + 3, 10, ANCHOR_END, muted, "axis", label);
	}
	scene_line(c->scene, x0, y0, WIDTH - RIGHT, y0, ink, 1);
	scene_line(c->scene, x0, y0, x0, TOP, ink, 1);
	text(c, (x0 + WIDTH - RIGHT) / 2, HEIGHT - 16, 11, ANCHOR_MIDDLE, ink,
	     "axis", word(c, "Cost (million euro)", "Kosten (miljoen euro)"));
	shape *s = text(c, 18, (TOP + y0) / 2, 11, ANCHOR_MIDDLE, ink, "axis",
	                word(c, "Risk reduction", "Risicoverlaging"));
	if (s)
		s->vertical = true;
}

/* "+a, b -c": what point K holds that the one before did not, and what
 * left; into OUT (empty when nothing changed). */
static void entering(const chart *c, const natrisk_portfolio_choice *f,
                     size_t k, char *out, size_t size)
{
	size_t n = natrisk_plan_measure_count(c->plan), used = 0;
	out[0] = '\0';
	for (int sign = 1; sign >= 0; sign--) {
		const char *separator = sign ? "+" : " -";
		for (size_t m = 0; m < n && used < size; m++) {
			bool now = f[k].selected[m];
			bool before = k > 0 && f[k - 1].selected[m];
			if (sign ? !(now && !before) : !(before && !now))
				continue;
			used += (size_t)snprintf(out + used, size - used, "%s%s",
			                         separator,
			                         natrisk_plan_measure(c->plan, m)->id);
			separator = ", ";
		}
	}
}

static bool overlaps(const box *a, const box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* A label at the right of (X, Y), moved down past those placed. */
static void place_label(chart *c, double x, double y, const char *label)
{
	double width = text_width(c->metrics, label, LABEL_SIZE, false);
	box b = { x + 6, y - 4 - LABEL_SIZE, x + 6 + width, y - 4 + LABEL_GAP };
	for (size_t k = 0; k < c->placed_count; k++)
		if (overlaps(&b, &c->placed[k])) {
			double shift = c->placed[k].y1 - b.y0 + LABEL_GAP;
			b.y0 += shift;
			b.y1 += shift;
			k = (size_t)-1; /* look again from the first */
		}
	c->placed[c->placed_count++] = b;
	if (b.y0 > y - 3)
		scene_line(c->scene, x, y, b.x0, b.y1 - LABEL_GAP - 3, muted, 0.5);
	text(c, b.x0, b.y1 - LABEL_GAP, LABEL_SIZE, ANCHOR_START, ink, "label",
	     label);
}

static void draw_points(chart *c, const double *budgets,
                        const natrisk_portfolio_choice *f, size_t count)
{
	for (size_t k = 1; k < count; k++)
		scene_line(c->scene, to_x(c, f[k - 1].cost),
		           to_y(c, f[k - 1].reduction), to_x(c, f[k].cost),
		           to_y(c, f[k].reduction), line_colour, 1.5);
	char label[1024], tooltip[160];
	for (size_t k = 0; k < count; k++) {
		double x = to_x(c, f[k].cost), y = to_y(c, f[k].reduction);
		shape *s = scene_circle(c->scene, x, y, 3.5, line_colour, ink, 0.5);
		snprintf(tooltip, sizeof tooltip, "budget %.0f: cost %.0f, "
		         "reduction %.6g", budgets[k], f[k].cost, f[k].reduction);
		if (s) {
			s->role = "point";
			s->tooltip = scene_text(c->scene, tooltip);
		}
		entering(c, f, k, label, sizeof label);
		if (*label)
			place_label(c, x, y, label);
	}
}

int natrisk_portfolio_chart_scene(natrisk_scene **out,
                                  const natrisk_plan *plan,
                                  const double *budgets,
                                  const natrisk_portfolio_choice *frontier,
                                  size_t count, natrisk_lang lang)
{
	*out = NULL;
	chart c = { .metrics = text_metrics_new(), .plan = plan, .lang = lang,
	            .scene = scene_new(WIDTH, HEIGHT),
	            .placed = calloc(count + 1, sizeof *c.placed) };
	for (size_t k = 0; k < count; k++) {
		c.max_cost = fmax(c.max_cost, fmax(budgets[k], frontier[k].cost));
		c.max_reduction = fmax(c.max_reduction, frontier[k].reduction);
	}
	c.max_cost = c.max_cost > 0 ? c.max_cost : 1;
	c.max_reduction = c.max_reduction > 0 ? c.max_reduction : 1;
	if (c.metrics && c.scene && c.placed) {
		c.scene->title = scene_text(c.scene,
			word(&c, "Portfolio frontier", "Grens van de portefeuille"));
		c.scene->description = scene_text(c.scene, word(&c,
			"The best risk reduction at each budget: cost against "
			"reduction, each point labelled with the measures that "
			"enter there",
			"De grootste risicoverlaging bij elk budget: kosten "
			"tegen verlaging, bij elk punt de maatregelen die er "
			"bij komen"));
		text(&c, 18, 28, 16, ANCHOR_START, ink, "title",
		     natrisk_plan_title(plan));
		draw_axes(&c);
		draw_points(&c, budgets, frontier, count);
		for (size_t k = 0; k < c.placed_count; k++) {
			c.scene->width = fmax(c.scene->width, c.placed[k].x1 + 12);
			c.scene->height = fmax(c.scene->height,
			                       c.placed[k].y1 + 12);
		}
	}
	text_metrics_free(c.metrics);
	free(c.placed);
	if (!c.scene || scene_out_of_memory(c.scene) || !c.metrics) {
		natrisk_scene_free(c.scene);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	*out = c.scene;
	return NATRISK_OK;
}
