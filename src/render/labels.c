/*
 * labels.c - see labels.h. Obstacles are boxes (labels, arrowheads),
 * discs (points, rings, marks) and lines of some width (whiskers, arrows,
 * leader lines), kept in a uniform grid: each in the cells it meets.
 */
#include "labels.h"

#include <natrisk/common.h>

#include <math.h>
#include <stdlib.h>

enum { CELL = 32 };

typedef struct cell {
	size_t *items;
	size_t count, capacity;
} cell;

typedef enum { OBSTACLE_BOX, OBSTACLE_DISC, OBSTACLE_LINE } obstacle_kind;

typedef struct obstacle {
	obstacle_kind kind;
	bool point;                 /* a scenario's point: labels beside it
	                             * are read as its own */
	box bounds;                 /* all of it, its width included */
	double x0, y0, x1, y1;      /* a line's ends; a disc's centre */
	double reach;               /* a line's half width; a disc's radius */
} obstacle;

struct label_placer {
	box area;
	int columns, rows;
	cell *cells;
	obstacle *items;
	size_t count, capacity;
};

/* Points are no larger than this (a ring included), with their outline. */
#define POINT_REACH 12.0

/* Gap kept between a label and anything else. */
static const double margin = 1.5;

bool box_overlap(const box *a, const box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Liang-Barsky: clip the segment to the box; it meets the box when
 * something is left. */
bool segment_meets_box(double x0, double y0, double x1, double y1,
                       const box *b)
{
	double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
	const double p[4] = { -dx, dx, -dy, dy };
	const double q[4] = { x0 - b->x0, b->x1 - x0, y0 - b->y0, b->y1 - y0 };
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		double t = q[i] / p[i];
		if (p[i] < 0 && t > t0)
			t0 = t;
		else if (p[i] > 0 && t < t1)
			t1 = t;
		if (t0 > t1)
			return false;
	}
	return true;
}

static box grow(box b, double by)
{
	return (box){ b.x0 - by, b.y0 - by, b.x1 + by, b.y1 + by };
}

static double square(double x)
{
	return x * x;
}

static bool disc_meets_box(double cx, double cy, double r, const box *b)
{
	double nx = fmax(b->x0, fmin(cx, b->x1));
	double ny = fmax(b->y0, fmin(cy, b->y1));
	return (cx - nx) * (cx - nx) + (cy - ny) * (cy - ny) < r * r;
}

/* Distance from (px, py) to the segment (x0, y0)-(x1, y1). */
static double segment_distance(double x0, double y0, double x1, double y1,
                               double px, double py)
{
	double dx = x1 - x0, dy = y1 - y0, length2 = dx * dx + dy * dy;
	double t = length2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / length2 : 0;
	t = fmin(fmax(t, 0), 1);
	return hypot(x0 + t * dx - px, y0 + t * dy - py);
}

static bool obstacle_meets(const obstacle *o, const box *b)
{
	if (!box_overlap(b, &o->bounds))
		return false;
	switch (o->kind) {
	case OBSTACLE_DISC:
		return disc_meets_box(o->x0, o->y0, o->reach, b);
	case OBSTACLE_LINE: {
		/* most are whiskers and caps: upright or across, their box
		 * is all of them */
		if (o->x0 == o->x1 || o->y0 == o->y1)
			return true;
		box near = grow(*b, o->reach);
		return segment_meets_box(o->x0, o->y0, o->x1, o->y1, &near);
	}
	default:
		return true;
	}
}

label_placer *label_placer_new(box area)
{
	label_placer *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->area = area;
	p->columns = (int)ceil((area.x1 - area.x0) / CELL) + 1;
	p->rows = (int)ceil((area.y1 - area.y0) / CELL) + 1;
	p->cells = calloc((size_t)p->columns * (size_t)p->rows, sizeof *p->cells);
	if (!p->cells) {
		free(p);
		return NULL;
	}
	return p;
}

void label_placer_free(label_placer *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->columns * p->rows; i++)
		free(p->cells[i].items);
	free(p->cells);
	free(p->items);
	free(p);
}

static int clamp_index(double v, int limit)
{
	/* a cast truncates towards zero: negative offsets clamp first */
	if (!(v > 0))
		return 0;
	double i = v * (1.0 / CELL);
	return i >= limit - 1 ? limit - 1 : (int)i;
}

/* The cells a box touches: [c0, c1] x [r0, r1]. */
static void cell_span(const label_placer *p, const box *b, int span[4])
{
	span[0] = clamp_index(b->x0 - p->area.x0, p->columns);
	span[1] = clamp_index(b->x1 - p->area.x0, p->columns);
	span[2] = clamp_index(b->y0 - p->area.y0, p->rows);
	span[3] = clamp_index(b->y1 - p->area.y0, p->rows);
}

/* A cell's box; the outer cells reach beyond the area, as cell_span
 * clamps into them whatever lies beyond. */
static box cell_box(const label_placer *p, int col, int row)
{
	box b = { p->area.x0 + col * CELL, p->area.y0 + row * CELL,
		  p->area.x0 + (col + 1) * CELL, p->area.y0 + (row + 1) * CELL };
	if (col == 0)
		b.x0 = -HUGE_VAL;
	if (row == 0)
		b.y0 = -HUGE_VAL;
	if (col == p->columns - 1)
		b.x1 = HUGE_VAL;
	if (row == p->rows - 1)
		b.y1 = HUGE_VAL;
	return b;
}

static int cell_add(cell *c, size_t item)
{
	if (c->count == c->capacity) {
		size_t capacity = c->capacity ? c->capacity * 2 : 4;
		size_t *items = realloc(c->items, capacity * sizeof *items);
		if (!items)
			return -1;
		c->items = items;
		c->capacity = capacity;
	}
	c->items[c->count++] = item;
	return 0;
}

static int add_obstacle(label_placer *p, const obstacle *o)
{
	if (p->count == p->capacity) {
		size_t capacity = p->capacity ? p->capacity * 2 : 64;
		obstacle *items = realloc(p->items, capacity * sizeof *items);
		if (!items)
			return -1;
		p->items = items;
		p->capacity = capacity;
	}
	p->items[p->count] = *o;
	int span[4];
	cell_span(p, &o->bounds, span);
	for (int row = span[2]; row <= span[3]; row++)
		for (int col = span[0]; col <= span[1]; col++) {
			box c = cell_box(p, col, row);
			/* a long slanted line only in the cells it crosses */
			if (o->kind == OBSTACLE_LINE && !obstacle_meets(o, &c))
				continue;
			if (cell_add(&p->cells[row * p->columns + col], p->count))
				return -1;
		}
	p->count++;
	return 0;
}

int label_placer_block(label_placer *p, box b)
{
	return add_obstacle(p, &(obstacle){ .kind = OBSTACLE_BOX, .bounds = b });
}

int label_placer_block_disc(label_placer *p, double cx, double cy, double r)
{
	return add_obstacle(p, &(obstacle){ .kind = OBSTACLE_DISC,
	                                    .bounds = { cx - r, cy - r, cx + r,
	                                                cy + r },
	                                    .x0 = cx, .y0 = cy, .reach = r });
}

int label_placer_block_point(label_placer *p, double cx, double cy,
                             double r)
{
	return add_obstacle(p, &(obstacle){ .kind = OBSTACLE_DISC,
	                                    .point = true,
	                                    .bounds = { cx - r, cy - r, cx + r,
	                                                cy + r },
	                                    .x0 = cx, .y0 = cy, .reach = r });
}

int label_placer_block_line(label_placer *p, double x0, double y0, double x1,
                            double y1, double half_width)
{
	box bounds = { fmin(x0, x1), fmin(y0, y1), fmax(x0, x1), fmax(y0, y1) };
	return add_obstacle(p, &(obstacle){ .kind = OBSTACLE_LINE,
	                                    .bounds = grow(bounds, half_width),
	                                    .x0 = x0, .y0 = y0, .x1 = x1,
	                                    .y1 = y1, .reach = half_width });
}

static bool is_free(const label_placer *p, const box *candidate)
{
	if (candidate->x0 < p->area.x0 || candidate->y0 < p->area.y0 ||
	    candidate->x1 > p->area.x1 || candidate->y1 > p->area.y1)
		return false;
	box grown = grow(*candidate, margin);
	int span[4];
	cell_span(p, &grown, span);
	for (int row = span[2]; row <= span[3]; row++)
		for (int col = span[0]; col <= span[1]; col++) {
			const cell *c = &p->cells[row * p->columns + col];
			for (size_t i = 0; i < c->count; i++)
				if (obstacle_meets(&p->items[c->items[i]], &grown))
					return false;
		}
	return true;
}

static double box_distance(const box *b, double x, double y)
{
	double nx = fmax(b->x0, fmin(x, b->x1));
	double ny = fmax(b->y0, fmin(y, b->y1));
	return hypot(x - nx, y - ny);
}

/* A label is read as the point nearest to it: every other point must be
 * clearly farther from its box B (by CLOSE / 2) than the request's own (or
 * its cluster's: those inside its radius are its own), unless a leader
 * line leads to it, and then the other point must not be right beside it
 * (within CLOSE of its edge) nor nearer than the own. */
#define CLOSE 12.0
static bool read_as_own(const label_placer *p, const label_request *r,
                        const box *b, bool leader)
{
	double own = box_distance(b, r->px, r->py);
	box around = grow(*b, leader ? fmin(own, POINT_REACH + CLOSE)
	                             : own + CLOSE / 2);
	int span[4];
	cell_span(p, &around, span);
	for (int row = span[2]; row <= span[3]; row++)
		for (int col = span[0]; col <= span[1]; col++) {
			const cell *c = &p->cells[row * p->columns + col];
			for (size_t i = 0; i < c->count; i++) {
				const obstacle *o = &p->items[c->items[i]];
				if (!o->point ||
				    square(o->x0 - r->px) + square(o->y0 - r->py) <=
				            square(r->radius))
					continue;
				double near = box_distance(b, o->x0, o->y0);
				if (near <= (leader ? fmin(own, o->reach + CLOSE)
				                    : own + CLOSE / 2))
					return false;
			}
		}
	return true;
}

/* Whether the leader (x0, y0)-(x1, y1) runs along the line O, where a
 * reader could not see it: nearly parallel (within 10 degrees) and its
 * middle within 3 units. */
static bool runs_along(const obstacle *o, double x0, double y0, double x1,
                       double y1)
{
	double ax = x1 - x0, ay = y1 - y0, bx = o->x1 - o->x0, by = o->y1 - o->y0;
	double la = hypot(ax, ay), lb = hypot(bx, by);
	if (la == 0 || lb == 0 || fabs(ax * by - ay * bx) > 0.17 * la * lb)
		return false;
	return segment_distance(o->x0, o->y0, o->x1, o->y1, (x0 + x1) / 2,
	                        (y0 + y1) / 2) < 3;
}

/* A leader line may cross whiskers and arrows (not run along them),
 * never a point or a label. */
static bool leader_is_clear(const label_placer *p, double x0, double y0,
                            double x1, double y1)
{
	box bounds = { fmin(x0, x1), fmin(y0, y1), fmax(x0, x1), fmax(y0, y1) };
	int span[4];
	cell_span(p, &bounds, span);
	for (int row = span[2]; row <= span[3]; row++)
		for (int col = span[0]; col <= span[1]; col++) {
			const cell *c = &p->cells[row * p->columns + col];
			for (size_t i = 0; i < c->count; i++) {
				const obstacle *o = &p->items[c->items[i]];
				if (!box_overlap(&bounds, &o->bounds))
					continue;
				if (o->kind == OBSTACLE_LINE) {
					if (runs_along(o, x0, y0, x1, y1))
						return false;
					continue;
				}
				if (o->kind == OBSTACLE_DISC
				            ? segment_distance(x0, y0, x1, y1, o->x0,
				                               o->y0) < o->reach
				            : segment_meets_box(x0, y0, x1, y1,
				                                &o->bounds))
					return false;
			}
		}
	return true;
}

/* Directions in order of preference: right first, as readers expect. */
static const double directions[8][2] = {
	{ 1, 0 }, { 1, -1 }, { 1, 1 }, { 0, -1 },
	{ -1, 0 }, { 0, 1 }, { -1, -1 }, { -1, 1 },
};
/* Up to this distance a label is read as its point's without a line. */
#define BESIDE 10.0
static const double distances[] = { 2, 6, 10, 16, 24, 34, 48, 64, 84,
	                             108, 136 };

/* The label box whose nearest side or corner touches ANCHOR from the side
 * of direction (dx, dy). */
static box box_at(const label_request *r, double ax, double ay, double dx,
                  double dy)
{
	double height = r->height;
	double x0 = dx > 0 ? ax : dx < 0 ? ax - r->width : ax - r->width / 2;
	double y0 = dy > 0 ? ay : dy < 0 ? ay - height : ay - height / 2;
	return (box){ x0, y0, x0 + r->width, y0 + height };
}

/* The leader from just off the edge of the point (or cluster) to the
 * nearest point of the label's box. */
static void leader_of(const label_request *r, const box *b, double line[4])
{
	double tx = fmin(fmax(r->px, b->x0), b->x1);
	double ty = fmin(fmax(r->py, b->y0), b->y1);
	double dx = tx - r->px, dy = ty - r->py, length = hypot(dx, dy);
	if (length == 0)
		length = 1;
	/* a little off the point's edge (its outline included) */
	line[0] = r->px + dx / length * (r->radius + 1.5);
	line[1] = r->py + dy / length * (r->radius + 1.5);
	line[2] = tx;
	line[3] = ty;
}

static bool try_place(label_placer *p, const label_request *r, double far,
                      int k, label_place *out)
{
	double dx = directions[k][0], dy = directions[k][1];
	double norm = sqrt(dx * dx + dy * dy);
	double reach = r->radius + far;
	box b = box_at(r, r->px + dx / norm * reach, r->py + dy / norm * reach,
	               dx, dy);
	if (!is_free(p, &b))
		return false;
	out->leader = far > BESIDE;
	if (!read_as_own(p, r, &b, out->leader))
		return false;
	if (out->leader) {
		leader_of(r, &b, out->line);
		if (!leader_is_clear(p, out->line[0], out->line[1],
		                     out->line[2], out->line[3]))
			return false;
	}
	out->bounds = b;
	out->x = b.x0;
	out->y = b.y0 + r->ascent;
	out->side = (int)dx;
	return true;
}

int label_placer_place(label_placer *p, const label_request *requests,
                       int count, label_place *out)
{
	out->placed = false;
	for (size_t d = 0; d < sizeof distances / sizeof *distances; d++)
		/* the other shapes are for a place beside the point */
		for (int v = 0; v < (distances[d] <= BESIDE ? count : 1); v++)
			for (int k = 0; k < 8; k++) {
				if (!try_place(p, &requests[v], distances[d], k, out))
					continue;
				if (label_placer_block(p, out->bounds))
					return NATRISK_ENOMEM;
				/* the labels after this one keep clear of its
				 * leader */
				if (out->leader &&
				    label_placer_block_line(p, out->line[0],
				                            out->line[1], out->line[2],
				                            out->line[3], 0.4))
					return NATRISK_ENOMEM;
				out->placed = true;
				return v;
			}
	return -1;
}
