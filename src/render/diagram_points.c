/*
 * diagram_points.c - the scenarios in the risk diagram: LL-UL whiskers on
 * both axes (with end caps), arrows from the previous edition or from
 * the place before a set of measures (with a head), a point per scenario in its theme's colour (ringed when new),
 * spread by diagram_spread.c where scenarios share a place, and the
 * labels (diagram_labels.c), clear of all of it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_layout.h"

static const rgba ink = { 0x22, 0x22, 0x22, 255 };

void diagram_whisker(diagram *d, const char *id, rgba colour, double x0,
                     double y0, double x1, double y1)
{
	bool across = y0 == y1; /* horizontal: the caps stand upright */
	double cx = across ? 0 : 3, cy = across ? 3 : 0;
	shape s = { .kind = SHAPE_SEGMENTS, .stroke = colour,
		    .stroke_width = 1.3, .point_count = 6, .role = "whisker",
		    .scenario = id };
	double points[12] = { x0, y0, x1, y1, x0 - cx, y0 - cy, x0 + cx,
		              y0 + cy, x1 - cx, y1 - cy, x1 + cx, y1 + cy };
	memcpy(s.points, points, sizeof points);
	scene_add(d->scene, &s);
}

/* LL to UL on both axes, through the scenario's place (X, Y): they tell
 * where it is where its point had to move aside. */
static void draw_whiskers(diagram *d, const natrisk_scenario *s,
                          const natrisk_scenario_result *r, double x,
                          double y)
{
	double l0 = diagram_x(r->likelihood_position[NATRISK_LL]);
	double l1 = diagram_x(r->likelihood_position[NATRISK_UL]);
	double i0 = diagram_y(r->impact[NATRISK_LL].position);
	double i1 = diagram_y(r->impact[NATRISK_UL].position);
	rgba colour = theme_colour(d->assessment, s->theme);
	colour.a = 200;
	if (l1 > l0)
		diagram_whisker(d, s->id, colour, l0, y, l1, y);
	if (i0 > i1)
		diagram_whisker(d, s->id, colour, x, i0, x, i1);
}

void diagram_arrow(diagram *d, double x0, double y0, double tip_x,
                   double tip_y, const char *id)
{
	double dx = tip_x - x0, dy = tip_y - y0, length = hypot(dx, dy);
	rgba grey = rgb(0x666666);
	shape *from = scene_circle(d->scene, x0, y0, 3.5, RGBA_NONE, grey, 1.2);
	if (from) {
		from->role = "previous";
		from->scenario = id;
	}
	if (length < 6)
		return;
	double ux = dx / length, uy = dy / length;
	if (length > 3.5 + 6) {
		shape *line = scene_line(d->scene, x0 + ux * 3.5, y0 + uy * 3.5,
		                         tip_x - ux * 6, tip_y - uy * 6, grey,
		                         1.2);
		if (line) {
			line->role = "arrow";
			line->scenario = id;
		}
	}
	shape head = { .kind = SHAPE_POLYGON, .fill = grey, .point_count = 3,
		       .role = "arrow", .scenario = id };
	double bx = tip_x - ux * 8, by = tip_y - uy * 8;
	double points[6] = { tip_x, tip_y, bx - uy * 4, by + ux * 4,
		             bx + uy * 4, by - ux * 4 };
	memcpy(head.points, points, sizeof points);
	scene_add(d->scene, &head);
}

/* From where the scenario stood to just short of its point. */
static void draw_arrow(diagram *d, double x0, double y0, double x1,
                       double y1, const char *id)
{
	double dx = x1 - x0, dy = y1 - y0, length = hypot(dx, dy);
	if (length < POINT_RADIUS + 8) {
		diagram_arrow(d, x0, y0, x0, y0, id); /* the mark only */
		return;
	}
	diagram_arrow(d, x0, y0, x1 - dx / length * (POINT_RADIUS + 2),
	              y1 - dy / length * (POINT_RADIUS + 2), id);
}

static bool same_number(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

/* Whether A and B stand at the same EV place (no impact: at none). */
static bool same_place(const natrisk_scenario_result *a,
                       const natrisk_scenario_result *b)
{
	return same_number(a->likelihood_position[NATRISK_EV],
	                   b->likelihood_position[NATRISK_EV]) &&
	       same_number(a->impact[NATRISK_EV].position,
	                   b->impact[NATRISK_EV].position);
}

static void draw_previous(diagram *d, const natrisk_scenario *s, double x,
                          double y)
{
	const natrisk_results *previous = d->options->previous;
	if (!previous)
		return;
	const natrisk_assessment *then = natrisk_results_assessment(previous);
	long i = natrisk_assessment_find_scenario(then, s->id);
	if (i < 0)
		return;
	const natrisk_scenario_result *r = natrisk_results_get(previous, (size_t)i);
	if (d->options->previous_before_measures &&
	    same_place(r, natrisk_results_get(d->results, (size_t)i)))
		return;
	draw_arrow(d, diagram_x(r->likelihood_position[NATRISK_EV]),
	           diagram_y(r->impact[NATRISK_EV].position), x, y, s->id);
}

static void draw_point(diagram *d, const natrisk_scenario *s,
                       const natrisk_scenario_result *r, double x, double y)
{
	char range[4], tip[512];
	natrisk_impact_range(&r->impact[NATRISK_EV], range);
	snprintf(tip, sizeof tip, "%s: %s %s%s, impact %s (%.2f), rank %d",
	         s->title, diagram_word(d, "likelihood", "waarschijnlijkheid"),
	         natrisk_class_letter(s->likelihood.point[NATRISK_EV].cls),
	         s->likelihood.point[NATRISK_EV].high ? "+" : "", range,
	         r->impact[NATRISK_EV].total, r->rank);
	shape *p = scene_circle(d->scene, x, y, POINT_RADIUS,
	                        theme_colour(d->assessment, s->theme), ink, 1);
	if (p) {
		p->role = "point";
		p->scenario = s->id;
		p->tooltip = scene_text(d->scene, tip);
	}
	if (s->is_new) {
		shape *ring = scene_circle(d->scene, x, y, NEW_RING_RADIUS,
		                           RGBA_NONE, ink, 1.5);
		if (ring) {
			ring->role = "new";
			ring->scenario = s->id;
		}
	}
}

int diagram_draw_scenarios(diagram *d)
{
	const natrisk_assessment *a = d->assessment;
	size_t n = natrisk_assessment_scenario_count(a);
	spot *spots = calloc(n + 1, sizeof *spots);
	if (!spots)
		return NATRISK_ENOMEM;
	const size_t *order = natrisk_results_order(d->results);
	for (size_t k = 0; k < n; k++) {
		const natrisk_scenario_result *r =
			natrisk_results_get(d->results, order[k]);
		spots[k].scenario = order[k];
		spots[k].x = diagram_x(r->likelihood_position[NATRISK_EV]);
		spots[k].y = diagram_y(r->impact[NATRISK_EV].position);
		spots[k].radius = natrisk_assessment_scenario(a, order[k])->is_new ? NEW_RING_RADIUS
		                                                : POINT_RADIUS;
	}
	if (diagram_spread_spots(spots, n) != 0) {
		free(spots);
		return NATRISK_ENOMEM;
	}
	size_t first = d->scene->count;
	for (size_t k = 0; k < n; k++)
		draw_whiskers(d, natrisk_assessment_scenario(a, spots[k].scenario),
		              natrisk_results_get(d->results, spots[k].scenario),
		              spots[k].place_x, spots[k].place_y);
	for (size_t k = 0; k < n; k++)
		draw_previous(d, natrisk_assessment_scenario(a, spots[k].scenario), spots[k].x,
		              spots[k].y);
	/* Lowest rank first, so that the most important points end on top. */
	for (size_t k = n; k-- > 0;)
		draw_point(d, natrisk_assessment_scenario(a, spots[k].scenario),
		           natrisk_results_get(d->results, spots[k].scenario),
		           spots[k].x, spots[k].y);
	int rc = diagram_label_spots(d, spots, n, first);
	free(spots);
	return rc;
}
