/*
 * labels.h - placing scenario labels in the risk diagram so that no label
 * overlaps another label or anything drawn for the scenarios (points,
 * rings, whiskers, arrows, leader lines), and each stays inside the plot.
 *
 * Greedy, in the order given (most important first): candidate boxes on
 * rings of growing distance around the point, eight directions per ring,
 * the first free one wins; a label placed away from its point gets a leader
 * line. Overlap tests go through a uniform grid, so a thousand labels cost
 * milliseconds.
 */
#ifndef NATRISK_LABELS_H
#define NATRISK_LABELS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct box {
	double x0, y0, x1, y1;
} box;

typedef struct label_request {
	double px, py, radius;   /* the point (or cluster) and its drawn radius */
	double width, height;    /* of the text's box, all its lines */
	double ascent;           /* from the box's top to the first baseline */
} label_request;

typedef struct label_place {
	bool placed;
	double x, y;             /* baseline start of the text's first line */
	box bounds;              /* the text's box */
	bool leader;             /* far from the point: draw a leader line */
	double line[4];          /* the leader line: x0, y0, x1, y1 */
	int side;                /* -1: left of the point, 0: above or below,
	                          * 1: right of it */
} label_place;

typedef struct label_placer label_placer;

/* A placer for labels that must stay inside AREA. */
label_placer *label_placer_new(box area);
void label_placer_free(label_placer *placer);
/* Something no label may cover (a point). Returns 0 or -1 (memory). */
int label_placer_block(label_placer *placer, box obstacle);
/* A disc no label may cover (a point, a ring). Returns 0 or -1. */
int label_placer_block_disc(label_placer *placer, double cx, double cy,
                            double r);
/* A scenario's point: a disc no label may cover, and beside which a
 * label is read as its own. Returns 0 or -1. */
int label_placer_block_point(label_placer *placer, double cx, double cy,
                             double r);
/* A line no label may cover: from (x0, y0) to (x1, y1), HALF_WIDTH to
 * either side. Returns 0 or -1 (memory). */
int label_placer_block_line(label_placer *placer, double x0, double y0,
                            double x1, double y1, double half_width);
/* Finds a free place for one label and blocks it (and its leader line,
 * which crosses no point and no label). COUNT requests are the label's
 * shapes (the same text in more or fewer lines), the first preferred at
 * a given distance: a place beside the point for a later shape wins over
 * a farther one for the first; away from the point (with a leader) only
 * the first is tried. Returns the index of the request placed, -1 when
 * none finds room, or NATRISK_ENOMEM. */
int label_placer_place(label_placer *placer, const label_request *requests,
                       int count, label_place *out);

bool box_overlap(const box *a, const box *b);
/* Whether the segment (x0, y0)-(x1, y1) meets B (edges included). */
bool segment_meets_box(double x0, double y0, double x1, double y1,
                       const box *b);

#endif
