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
 * about the best ranked. Then points still nearer than MIN_APART (of
 * neighbouring groups) are pushed apart along the line between them,
 * which keeps their order too, until each shows most of its disc.
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "diagram_layout.h"

/* Nearer than this, two points share a place: spread as a cluster. */
#define SAME_PLACE POINT_RADIUS
/* Nearer than this, two points are pushed apart: a point then shows
 * more than three quarters of its disc. */
#define MIN_APART (POINT_RADIUS + 2)
/* Rounds of pushing: enough for the chains that real data makes. */
enum { PUSH_ROUNDS = 8 };

typedef struct place {
	double x, y;
	size_t spot;
} place;

static int by_place(const void *pa, const void *pb)
{
	const place *a = pa, *b = pb;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	return a->spot < b->spot ? -1 : a->spot > b->spot;
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
 * the spots whose points would mostly hide under its own or be hidden by
 * it (centres nearer than SAME_PLACE). Returns 0 or -1 (memory: then
 * every spot stands alone). */
static int group_spots(spot *spots, size_t n)
{
	for (size_t i = 0; i < n; i++)
		spots[i].group = i, spots[i].members = 1;
	place *sorted = malloc((n + 1) * sizeof *sorted);
	if (!sorted)
		return -1;
	for (size_t i = 0; i < n; i++)
		sorted[i] = (place){ spots[i].x, spots[i].y, i };
	qsort(sorted, n, sizeof *sorted, by_place);
	bool *taken = calloc(n + 1, sizeof *taken);
	if (!taken) {
		free(sorted);
		return -1;
	}
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
	free(taken);
	free(sorted);
	return 0;
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

/* Moves the points of a group (or one point) into the plot when it
 * spills over an edge, all by the same amount. */
static void keep_in_plot(spot *spots, size_t n, size_t leader)
{
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
	for (size_t i = leader; i < n; i++)
		if (spots[i].group == leader) {
			x0 = fmin(x0, spots[i].x), x1 = fmax(x1, spots[i].x);
			y0 = fmin(y0, spots[i].y), y1 = fmax(y1, spots[i].y);
		}
	double dx = x0 < PLOT_LEFT ? PLOT_LEFT - x0 :
	            x1 > PLOT_LEFT + PLOT_WIDTH ? PLOT_LEFT + PLOT_WIDTH - x1 : 0;
	double dy = y0 < PLOT_TOP ? PLOT_TOP - y0 :
	            y1 > PLOT_TOP + PLOT_HEIGHT ? PLOT_TOP + PLOT_HEIGHT - y1 : 0;
	for (size_t i = leader; i < n; i++)
		if (spots[i].group == leader)
			spots[i].x += dx, spots[i].y += dy;
}

/* Two points side by side along the line between their places (which
 * keeps their order on both axes), or upper right and lower left. */
static void spread_pair(spot *a, spot *b, double spacing)
{
	double dx = a->x - b->x, dy = a->y - b->y, d = hypot(dx, dy);
	if (d < 0.25)
		dx = cos(-M_PI / 4), dy = sin(-M_PI / 4), d = 1;
	double mx = (a->x + b->x) / 2, my = (a->y + b->y) / 2;
	double ox = dx / d * spacing / 2, oy = dy / d * spacing / 2;
	a->x = mx + ox, a->y = my + oy;
	b->x = mx - ox, b->y = my - oy;
}

/* The group's place: the mean of its members' places. */
static void spread_group(spot *spots, size_t n, size_t leader)
{
	double spacing = 0, x = 0, y = 0;
	size_t members = spots[leader].members, last = leader;
	for (size_t i = leader; i < n; i++)
		if (spots[i].group == leader) {
			spacing = fmax(spacing, spots[i].radius);
			x += spots[i].x, y += spots[i].y;
			last = i;
		}
	spacing = 2 * spacing + 1.5;
	spots[leader].cx = x / (double)members;
	spots[leader].cy = y / (double)members;
	if (members == 2) {
		spread_pair(&spots[leader], &spots[last], spacing);
	} else {
		size_t member = 0;
		for (size_t i = leader; i <= last; i++) {
			if (spots[i].group != leader)
				continue;
			double dx, dy;
			cluster_offset(member++, members, spacing, &dx, &dy);
			spots[i].x = spots[leader].cx + dx;
			spots[i].y = spots[leader].cy + dy;
		}
	}
	keep_in_plot(spots, n, leader);
}

typedef struct pair {
	size_t a, b;
} pair;

/* Pairs of spots near enough to collide while being pushed. */
static pair *near_pairs(const spot *spots, size_t n, size_t *count)
{
	*count = 0;
	place *sorted = malloc((n + 1) * sizeof *sorted);
	size_t capacity = 4 * n + 16;
	pair *pairs = malloc(capacity * sizeof *pairs);
	if (!sorted || !pairs) {
		free(sorted);
		free(pairs);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		sorted[i] = (place){ spots[i].x, spots[i].y, i };
	qsort(sorted, n, sizeof *sorted, by_place);
	const double reach = 2 * MIN_APART;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && sorted[j].x - sorted[i].x < reach;
		     j++) {
			if (fabs(sorted[j].y - sorted[i].y) >= reach)
				continue;
			if (*count == capacity) {
				/* a plot this dense cannot be untangled */
				free(sorted);
				return pairs;
			}
			pairs[(*count)++] = (pair){ sorted[i].spot, sorted[j].spot };
		}
	free(sorted);
	return pairs;
}

/* Moves A and B apart, each half of what they lack of MIN_APART. */
static void push_pair(spot *a, spot *b, size_t salt)
{
	double dx = b->x - a->x, dy = b->y - a->y, d = hypot(dx, dy);
	if (d >= MIN_APART)
		return;
	if (d < 1e-9) {
		/* the same point (two clusters overlapping): a fixed angle */
		double angle = 2.399963 * (double)salt; /* golden angle */
		dx = cos(angle), dy = sin(angle), d = 0;
	} else {
		dx /= d, dy /= d;
	}
	double step = (MIN_APART - d) / 2;
	a->x -= dx * step, a->y -= dy * step;
	b->x += dx * step, b->y += dy * step;
}

static void push_apart(spot *spots, size_t n)
{
	size_t count;
	pair *pairs = near_pairs(spots, n, &count);
	if (!pairs)
		return;
	for (int round = 0; round < PUSH_ROUNDS; round++)
		for (size_t k = 0; k < count; k++)
			push_pair(&spots[pairs[k].a], &spots[pairs[k].b], k);
	free(pairs);
	for (size_t i = 0; i < n; i++) {
		spots[i].x = fmin(fmax(spots[i].x, PLOT_LEFT), PLOT_LEFT + PLOT_WIDTH);
		spots[i].y = fmin(fmax(spots[i].y, PLOT_TOP), PLOT_TOP + PLOT_HEIGHT);
	}
}

/* A group's place is its leader's place before spreading; its extent
 * covers every member's point (and ring). */
static void group_extent(spot *spots, size_t n)
{
	for (size_t i = 0; i < n; i++)
		spots[i].extent = 0;
	for (size_t i = 0; i < n; i++) {
		spot *leader = &spots[spots[i].group];
		double reach = hypot(spots[i].x - leader->cx,
		                     spots[i].y - leader->cy) + spots[i].radius;
		if (reach > leader->extent)
			leader->extent = reach;
	}
}

void diagram_spread_spots(spot *spots, size_t n)
{
	group_spots(spots, n);
	for (size_t i = 0; i < n; i++) {
		spots[i].cx = spots[i].x;
		spots[i].cy = spots[i].y;
	}
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == i && spots[i].members > 1)
			spread_group(spots, n, i);
	push_apart(spots, n);
	/* a lone point's label follows its point */
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == i && spots[i].members == 1)
			spots[i].cx = spots[i].x, spots[i].cy = spots[i].y;
	group_extent(spots, n);
}
