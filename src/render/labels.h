/*
 * labels.h - placing scenario labels in the risk diagram so that no label
 * overlaps another label or any point, and each stays inside the plot.
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
	double px, py, radius;   /* the point and its drawn radius */
	double width, ascent, descent;
} label_request;

typedef struct label_place {
	bool placed;
	double x, y;             /* baseline start of the text */
	box bounds;              /* the text's box */
	bool leader;             /* far from the point: draw a leader line */
} label_place;

typedef struct label_placer label_placer;

/* A placer for labels that must stay inside AREA. */
label_placer *label_placer_new(box area);
void label_placer_free(label_placer *placer);
/* Something no label may cover (a point). Returns 0 or -1 (memory). */
int label_placer_block(label_placer *placer, box obstacle);
/* Finds a free place for one label and blocks it; false when none. */
bool label_placer_place(label_placer *placer, const label_request *request,
                        label_place *out);

bool box_overlap(const box *a, const box *b);

#endif
