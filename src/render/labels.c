/*
 * labels.c - see labels.h.
 */
#include "labels.h"

#include <math.h>
#include <stdlib.h>

enum { CELL = 32 };

typedef struct cell {
	size_t *items;
	size_t count, capacity;
} cell;

struct label_placer {
	box area;
	int columns, rows;
	cell *cells;
	box *boxes;
	size_t count, capacity;
};

/* Gap kept between a label and anything else. */
static const double margin = 1.5;

bool box_overlap(const box *a, const box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
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
	free(p->boxes);
	free(p);
}

static int clamp_index(double v, int limit)
{
	int i = (int)floor(v / CELL);
	return i < 0 ? 0 : i >= limit ? limit - 1 : i;
}

/* The cells a box touches: [c0, c1] x [r0, r1]. */
static void cell_span(const label_placer *p, const box *b, int span[4])
{
	span[0] = clamp_index(b->x0 - p->area.x0, p->columns);
	span[1] = clamp_index(b->x1 - p->area.x0, p->columns);
	span[2] = clamp_index(b->y0 - p->area.y0, p->rows);
	span[3] = clamp_index(b->y1 - p->area.y0, p->rows);
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

int label_placer_block(label_placer *p, box b)
{
	if (p->count == p->capacity) {
		size_t capacity = p->capacity ? p->capacity * 2 : 64;
		box *boxes = realloc(p->boxes, capacity * sizeof *boxes);
		if (!boxes)
			return -1;
		p->boxes = boxes;
		p->capacity = capacity;
	}
	p->boxes[p->count] = b;
	int span[4];
	cell_span(p, &b, span);
	for (int row = span[2]; row <= span[3]; row++)
		for (int col = span[0]; col <= span[1]; col++)
			if (cell_add(&p->cells[row * p->columns + col], p->count))
				return -1;
	p->count++;
	return 0;
}

static bool is_free(const label_placer *p, const box *candidate)
{
	if (candidate->x0 < p->area.x0 || candidate->y0 < p->area.y0 ||
	    candidate->x1 > p->area.x1 || candidate->y1 > p->area.y1)
		return false;
	box grown = { candidate->x0 - margin, candidate->y0 - margin,
		      candidate->x1 + margin, candidate->y1 + margin };
	int span[4];
	cell_span(p, &grown, span);
	for (int row = span[2]; row <= span[3]; row++)
		for (int col = span[0]; col <= span[1]; col++) {
			const cell *c = &p->cells[row * p->columns + col];
			for (size_t i = 0; i < c->count; i++)
				if (box_overlap(&grown, &p->boxes[c->items[i]]))
					return false;
		}
	return true;
}

/* Directions in order of preference: right first, as readers expect. */
static const double directions[8][2] = {
	{ 1, 0 }, { 1, -1 }, { 1, 1 }, { 0, -1 },
	{ -1, 0 }, { 0, 1 }, { -1, -1 }, { -1, 1 },
};
static const double distances[] = { 2, 6, 12, 20, 30, 44, 60, 80, 104, 132 };

/* The label box whose nearest side or corner touches ANCHOR from the side
 * of direction (dx, dy). */
static box box_at(const label_request *r, double ax, double ay, double dx,
                  double dy)
{
	double height = r->ascent + r->descent;
	double x0 = dx > 0 ? ax : dx < 0 ? ax - r->width : ax - r->width / 2;
	double y0 = dy > 0 ? ay : dy < 0 ? ay - height : ay - height / 2;
	return (box){ x0, y0, x0 + r->width, y0 + height };
}

bool label_placer_place(label_placer *p, const label_request *r,
                        label_place *out)
{
	out->placed = false;
	for (size_t d = 0; d < sizeof distances / sizeof *distances; d++) {
		for (int k = 0; k < 8; k++) {
			double dx = directions[k][0], dy = directions[k][1];
			double norm = sqrt(dx * dx + dy * dy);
			double reach = r->radius + distances[d];
			double ax = r->px + dx / norm * reach;
			double ay = r->py + dy / norm * reach;
			box b = box_at(r, ax, ay, dx, dy);
			if (!is_free(p, &b))
				continue;
			if (label_placer_block(p, b))
				return false;
			out->placed = true;
			out->bounds = b;
			out->x = b.x0;
			out->y = b.y0 + r->ascent;
			out->leader = distances[d] > 10;
			return true;
		}
	}
	return false;
}
