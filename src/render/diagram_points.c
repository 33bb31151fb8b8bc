/*
 * diagram_points.c - the scenarios in the risk diagram: LL-UL whiskers on
 * both axes, arrows from the previous edition, a point per scenario in its
 * theme's colour (ringed when new), and the labels, placed by labels.c so
 * that none overlaps another or a point. Scenarios that sit on the same
 * spot share one label.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_layout.h"
#include "labels.h"

static const rgba ink = { 0x22, 0x22, 0x22, 255 };

static void draw_whiskers(diagram *d, const natrisk_scenario_result *r,
                          double x, double y, rgba colour)
{
	double l0 = diagram_x(r->likelihood_position[NATRISK_LL]);
	double l1 = diagram_x(r->likelihood_position[NATRISK_UL]);
	double i0 = diagram_y(r->impact[NATRISK_LL].position);
	double i1 = diagram_y(r->impact[NATRISK_UL].position);
	colour.a = 200;
	if (l1 > l0) {
		scene_line(d->scene, l0, y, l1, y, colour, 1.3);
		scene_line(d->scene, l0, y - 3, l0, y + 3, colour, 1.3);
		scene_line(d->scene, l1, y - 3, l1, y + 3, colour, 1.3);
	}
	if (i0 > i1) {
		scene_line(d->scene, x, i0, x, i1, colour, 1.3);
		scene_line(d->scene, x - 3, i0, x + 3, i0, colour, 1.3);
		scene_line(d->scene, x - 3, i1, x + 3, i1, colour, 1.3);
	}
}

static void draw_arrow(diagram *d, double x0, double y0, double x1,
                       double y1, const char *id)
{
	double dx = x1 - x0, dy = y1 - y0, length = hypot(dx, dy);
	rgba grey = rgb(0x666666);
	shape *from = scene_circle(d->scene, x0, y0, 3.5, RGBA_NONE, grey, 1.2);
	if (from) {
		from->role = "previous";
		from->scenario = id;
	}
	if (length < POINT_RADIUS + 8)
		return;
	double ux = dx / length, uy = dy / length;
	double tip_x = x1 - ux * (POINT_RADIUS + 2);
	double tip_y = y1 - uy * (POINT_RADIUS + 2);
	shape *line = scene_line(d->scene, x0 + ux * 3.5, y0 + uy * 3.5,
	                         tip_x - ux * 6, tip_y - uy * 6, grey, 1.2);
	if (line) {
		line->role = "arrow";
		line->scenario = id;
	}
	shape head = { .kind = SHAPE_POLYGON, .fill = grey, .point_count = 3,
		       .role = "arrow", .scenario = id };
	double bx = tip_x - ux * 8, by = tip_y - uy * 8;
	double points[6] = { tip_x, tip_y, bx - uy * 4, by + ux * 4,
		             bx + uy * 4, by - ux * 4 };
	memcpy(head.points, points, sizeof points);
	scene_add(d->scene, &head);
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

static int by_place(const void *pa, const void *pb)
{
	const spot *a = pa, *b = pb;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	return a->scenario < b->scenario ? -1 : a->scenario > b->scenario;
}

/* Spots within half a unit of each other are one place on paper. */
static void group_spots(spot *spots, size_t n)
{
	spot *sorted = malloc((n + 1) * sizeof *sorted);
	if (!sorted) {
		for (size_t i = 0; i < n; i++)
			spots[i].group = i, spots[i].members = 1;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		sorted[i] = spots[i];
		sorted[i].group = i; /* remember the index in SPOTS */
		sorted[i].x = round(spots[i].x * 2);
		sorted[i].y = round(spots[i].y * 2);
	}
	qsort(sorted, n, sizeof *sorted, by_place);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		size_t leader = sorted[i].group;
		while (j < n && sorted[j].x == sorted[i].x &&
		       sorted[j].y == sorted[i].y) {
			/* the leader is the best ranked: first in SPOTS order */
			if (sorted[j].group < leader)
				leader = sorted[j].group;
			j++;
		}
		for (size_t k = i; k < j; k++) {
			spots[sorted[k].group].group = leader;
			spots[sorted[k].group].members = 0;
		}
		spots[leader].members = j - i;
		i = j;
	}
	free(sorted);
}

int diagram_draw_scenarios(diagram *d)
{
	const natrisk_assessment *a = d->assessment;
	size_t n = a->scenario_count;
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
		spots[k].radius = a->scenarios[order[k]].is_new ? NEW_RING_RADIUS
		                                                : POINT_RADIUS;
	}
	for (size_t k = 0; k < n; k++)
		draw_whiskers(d, natrisk_results_get(d->results, spots[k].scenario),
		              spots[k].x, spots[k].y,
		              theme_colour(a, a->scenarios[spots[k].scenario].theme));
	for (size_t k = 0; k < n; k++)
		draw_previous(d, &a->scenarios[spots[k].scenario], spots[k].x,
		              spots[k].y);
	/* Lowest rank first, so that the most important points end on top. */
	for (size_t k = n; k-- > 0;)
		draw_point(d, &a->scenarios[spots[k].scenario],
		           natrisk_results_get(d->results, spots[k].scenario),
		           spots[k].x, spots[k].y);
	group_spots(spots, n);
	int rc = diagram_label_spots(d, spots, n);
	free(spots);
	return rc;
}
