/*
 * diagram_spread.c - scenarios that stand at the same place in the risk
 * diagram: every one must show, and be clickable, in SVG, PNG and PDF.
 *
 * Spots whose points would mostly hide one another (centres less than a
 * point's radius apart) form a group, spread in a small cluster about the
 * mean of their places, the points touching but not overlapping: two side
 * by side along the line between their places (so that their order on
 * both axes stays), up to six on a circle (the best ranked towards the
 * upper right, where risk grows, the others clockwise), more in rings
 * about the best ranked, the whole centred on the place. Groups whose points still come too near are then
 * pushed apart, each as a whole (a cluster keeps its shape; the larger
 * moves the less), along the line between the nearest points, which keeps
 * two lone points in their order on both axes.
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "diagram_layout.h"

/* Nearer than this, two points share a place: spread as a cluster. */
#define SAME_PLACE POINT_RADIUS
/* Lone points nearer than this are pushed apart: each then shows more
 * than three quarters of its disc. A cluster keeps others as far as its
 * own points are apart. */
#define MIN_APART (POINT_RADIUS + 2)
/* Rounds of pushing: enough for the chains that real data makes. */
enum { PUSH_ROUNDS = 8 };

typedef struct place {
	double x, y;
	size_t spot;
} place;

/* The groups: spot indices group by group, each group's first at
 * start[leader]; and each group's spacing. */
typedef struct groups {
	spot *spots;
	size_t n;
	size_t *members; /* n */
	size_t *start;   /* n, at leaders */
	double *spacing; /* n, at leaders: 0 for a lone point */
} groups;

static int by_place(const void *pa, const void *pb)
{
	const place *a = pa, *b = pb;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	return a->spot < b->spot ? -1 : a->spot > b->spot;
}

/* SPOTS by x, or NULL. */
static place *sorted_by_x(const spot *spots, size_t n)
{
	place *sorted = malloc((n + 1) * sizeof *sorted);
	if (!sorted)
		return NULL;
	for (size_t i = 0; i < n; i++)
		sorted[i] = (place){ spots[i].x, spots[i].y, i };
	qsort(sorted, n, sizeof *sorted, by_place);
	return sorted;
}

/* The first entry of SORTED (by x) at X or beyond. */
static size_t first_from(const place *sorted, size_t n, double x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (sorted[mid].x < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* In rank order, each spot not yet in a group leads one, and takes in
 * the spots nearer than SAME_PLACE. */
static void group_spots(spot *spots, size_t n, const place *sorted,
                        bool *taken)
{
	for (size_t i = 0; i < n; i++) {
		if (taken[i])
			continue;
		taken[i] = true;
		for (size_t k = first_from(sorted, n, spots[i].x - SAME_PLACE);
		     k < n && sorted[k].x < spots[i].x + SAME_PLACE; k++) {
			size_t j = sorted[k].spot;
			if (taken[j] || hypot(spots[j].x - spots[i].x,
			                      spots[j].y - spots[i].y) >= SAME_PLACE)
				continue;
			taken[j] = true;
			spots[j].group = i;
			spots[j].members = 0;
			spots[i].members++;
		}
	}
}

/* The members of each group, listed together (in rank order). */
static void list_members(groups *g)
{
	size_t next = 0;
	for (size_t i = 0; i < g->n; i++)
		if (g->spots[i].group == i) {
			g->start[i] = next;
			next += g->spots[i].members;
			g->spots[i].members = 0; /* counted again below */
		}
	for (size_t i = 0; i < g->n; i++) {
		spot *leader = &g->spots[g->spots[i].group];
		g->members[g->start[g->spots[i].group] + leader->members++] = i;
	}
}

/* The offset of member I (0 = best ranked) of a cluster of K points
 * SPACING apart. */
static void cluster_offset(size_t i, size_t k, double spacing, double *dx,
                           double *dy)
{
	const double start = -M_PI / 4; /* upper right */
	double radius, angle;
	if (k <= 6) {
		radius = spacing / (2 * sin(M_PI / (double)k));
		angle = start + 2 * M_PI * (double)i / (double)k;
	} else if (i == 0) {
		*dx = *dy = 0;
		return;
	} else {
		/* ring r holds 6r points at r spacings: a chord of at least
		 * one spacing; the last ring spreads what is left over it */
		size_t ring = 1, first = 1;
		while (i >= first + 6 * ring)
			first += 6 * ring, ring++;
		size_t on_ring = k - first < 6 * ring ? k - first : 6 * ring;
		radius = spacing * (double)ring;
		angle = start + 2 * M_PI * (double)(i - first) / (double)on_ring;
	}
	*dx = radius * cos(angle);
	*dy = radius * sin(angle);
}

static void translate(groups *g, size_t leader, double dx, double dy)
{
	const size_t *m = g->members + g->start[leader];
	for (size_t k = 0; k < g->spots[leader].members; k++)
		g->spots[m[k]].x += dx, g->spots[m[k]].y += dy;
}

/* Spread a group about the mean of its places. */
static void spread_group(groups *g, size_t leader)
{
	spot *spots = g->spots;
	const size_t *m = g->members + g->start[leader];
	size_t count = spots[leader].members;
	double spacing = 0, x = 0, y = 0;
	for (size_t k = 0; k < count; k++) {
		spacing = fmax(spacing, spots[m[k]].radius);
		x += spots[m[k]].x, y += spots[m[k]].y;
	}
	spacing = 2 * spacing + 1.5;
	g->spacing[leader] = spacing;
	x /= (double)count, y /= (double)count;
	if (count == 2) {
		/* side by side along the line between their places */
		spot *a = &spots[m[0]], *b = &spots[m[1]];
		double dx = a->x - b->x, dy = a->y - b->y, d = hypot(dx, dy);
		if (d < 0.25)
			dx = cos(-M_PI / 4), dy = sin(-M_PI / 4), d = 1;
		a->x = x + dx / d * spacing / 2, a->y = y + dy / d * spacing / 2;
		b->x = x - dx / d * spacing / 2, b->y = y - dy / d * spacing / 2;
		return;
	}
	double mx = 0, my = 0, dx, dy;
	for (size_t k = 0; k < count; k++) {
		cluster_offset(k, count, spacing, &dx, &dy);
		mx += dx, my += dy;
	}
	/* centred on the place even when the last ring is not full */
	mx /= (double)count, my /= (double)count;
	for (size_t k = 0; k < count; k++) {
		cluster_offset(k, count, spacing, &dx, &dy);
		spots[m[k]].x = x + dx - mx;
		spots[m[k]].y = y + dy - my;
	}
}

typedef struct pair {
	size_t a, b;
} pair;

/* Pairs of spots of different groups near enough to collide while being
 * pushed, or NULL. */
static pair *near_pairs(const groups *g, double reach, size_t *count)
{
	*count = 0;
	size_t capacity = 4 * g->n + 16;
	place *sorted = sorted_by_x(g->spots, g->n);
	pair *pairs = malloc(capacity * sizeof *pairs);
	if (!sorted || !pairs) {
		free(sorted);
		free(pairs);
		return NULL;
	}
	for (size_t i = 0; i < g->n && *count < capacity; i++)
		for (size_t j = i + 1; j < g->n && *count < capacity &&
		                       sorted[j].x - sorted[i].x < reach; j++) {
			size_t a = sorted[i].spot, b = sorted[j].spot;
			/* past CAPACITY a plot is too dense to untangle */
			if (fabs(sorted[j].y - sorted[i].y) < reach &&
			    g->spots[a].group != g->spots[b].group)
				pairs[(*count)++] = (pair){ a, b };
		}
	free(sorted);
	return pairs;
}

/* Moves the groups of A and B apart, until A and B are as far apart as
 * the groups want. */
static void push_pair(groups *g, size_t a, size_t b, size_t salt)
{
	spot *p = &g->spots[a], *q = &g->spots[b];
	size_t ga = p->group, gb = q->group;
	double apart = fmax(MIN_APART, fmax(g->spacing[ga], g->spacing[gb]));
	double dx = q->x - p->x, dy = q->y - p->y, d = hypot(dx, dy);
	if (d >= apart)
		return;
	if (d < 1e-9) {
		double angle = 2.399963 * (double)salt; /* golden angle */
		dx = cos(angle), dy = sin(angle);
	} else {
		dx /= d, dy /= d;
	}
	double wa = (double)g->spots[ga].members, wb = (double)g->spots[gb].members;
	double step = apart - d;
	translate(g, ga, -dx * step * wb / (wa + wb), -dy * step * wb / (wa + wb));
	translate(g, gb, dx * step * wa / (wa + wb), dy * step * wa / (wa + wb));
}

/* Moves a group that spills over an edge of the plot into it. */
static void keep_in_plot(groups *g, size_t leader)
{
	const size_t *m = g->members + g->start[leader];
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
	for (size_t k = 0; k < g->spots[leader].members; k++) {
		const spot *s = &g->spots[m[k]];
		x0 = fmin(x0, s->x), x1 = fmax(x1, s->x);
		y0 = fmin(y0, s->y), y1 = fmax(y1, s->y);
	}
	double dx = x0 < PLOT_LEFT ? PLOT_LEFT - x0 :
	            x1 > PLOT_LEFT + PLOT_WIDTH ? PLOT_LEFT + PLOT_WIDTH - x1 : 0;
	double dy = y0 < PLOT_TOP ? PLOT_TOP - y0 :
	            y1 > PLOT_TOP + PLOT_HEIGHT ? PLOT_TOP + PLOT_HEIGHT - y1 : 0;
	translate(g, leader, dx, dy);
}

static bool push_apart(groups *g)
{
	double widest = MIN_APART;
	for (size_t i = 0; i < g->n; i++)
		if (g->spots[i].group == i)
			widest = fmax(widest, g->spacing[i]);
	size_t count;
	pair *pairs = near_pairs(g, 2 * widest, &count);
	if (!pairs)
		return false;
	for (int round = 0; round < PUSH_ROUNDS; round++)
		for (size_t k = 0; k < count; k++)
			push_pair(g, pairs[k].a, pairs[k].b, k);
	free(pairs);
	return true;
}

/* Each group's centre (its points' mean) and the radius about it that
 * its points cover. */
static void group_extent(groups *g)
{
	for (size_t i = 0; i < g->n; i++) {
		spot *leader = &g->spots[i];
		if (leader->group != i)
			continue;
		const size_t *m = g->members + g->start[i];
		double x = 0, y = 0;
		for (size_t k = 0; k < leader->members; k++)
			x += g->spots[m[k]].x, y += g->spots[m[k]].y;
		leader->cx = x / (double)leader->members;
		leader->cy = y / (double)leader->members;
		leader->extent = 0;
		for (size_t k = 0; k < leader->members; k++) {
			const spot *s = &g->spots[m[k]];
			leader->extent = fmax(leader->extent,
			                      hypot(s->x - leader->cx,
			                            s->y - leader->cy) + s->radius);
		}
	}
}

/* False when out of memory. */
static bool lay_out(spot *spots, size_t n, place *sorted, bool *taken,
                    size_t *members, size_t *start, double *spacing)
{
	groups g = { spots, n, members, start, spacing };
	group_spots(spots, n, sorted, taken);
	list_members(&g);
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == i && spots[i].members > 1)
			spread_group(&g, i);
	if (!push_apart(&g))
		return false;
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == i)
			keep_in_plot(&g, i);
	group_extent(&g);
	return true;
}

int diagram_spread_spots(spot *spots, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		spots[i].place_x = spots[i].cx = spots[i].x;
		spots[i].place_y = spots[i].cy = spots[i].y;
		spots[i].extent = spots[i].radius;
		spots[i].group = i, spots[i].members = 1;
	}
	place *sorted = sorted_by_x(spots, n);
	bool *taken = calloc(n + 1, sizeof *taken);
	size_t *members = malloc((n + 1) * sizeof *members);
	size_t *start = malloc((n + 1) * sizeof *start);
	double *spacing = calloc(n + 1, sizeof *spacing);
	bool done = sorted && taken && members && start && spacing &&
	            lay_out(spots, n, sorted, taken, members, start, spacing);
	free(sorted);
	free(taken);
	free(members);
	free(start);
	free(spacing);
	return done ? NATRISK_OK : NATRISK_ENOMEM;
}
