/*
 * diagram_layout.h - the geometry and the fixed texts of the risk diagram,
 * shared by diagram.c (frame: background, axes, legend) and
 * diagram_points.c (scenarios: whiskers, arrows, points, labels) and
 * diagram_cloud.c (the uncertainty beneath them).
 */
#ifndef NATRISK_DIAGRAM_LAYOUT_H
#define NATRISK_DIAGRAM_LAYOUT_H

#include <natrisk/assessment.h>
#include <natrisk/method.h>
#include <natrisk/results.h>
#include "scene.h"
#include "text_metrics.h"

enum {
	DIAGRAM_WIDTH = 980,
	DIAGRAM_HEIGHT = 700,
	PLOT_LEFT = 124,
	PLOT_TOP = 64,
	PLOT_WIDTH = 580,
	PLOT_HEIGHT = 540,
	LEGEND_LEFT = PLOT_LEFT + PLOT_WIDTH + 24,
};

#define LABEL_SIZE 11.0
#define POINT_RADIUS 6.0
#define NEW_RING_RADIUS 9.5

typedef struct diagram {
	natrisk_scene *scene;
	text_metrics *metrics;
	const natrisk_results *results;
	const natrisk_assessment *assessment;
	const natrisk_diagram_options *options;
	size_t unlabelled;          /* labels that found no free place */
} diagram;

/* Where a scenario is drawn. */
typedef struct spot {
	size_t scenario;
	double place_x, place_y; /* its place: where its whiskers cross */
	double x, y;     /* its point */
	double radius;   /* of its point, or of its ring when new */
	size_t group;    /* first spot of its group of coincident spots */
	/* for a group's first spot: how many share its place, the place
	 * (where they all stand) and the radius about it their points cover */
	size_t members;
	double cx, cy, extent;
} spot;

/* Groups the spots (in rank order, each at its scenario's place: x, y)
 * that share a place, spreads each group's points around that place so
 * that every one shows, and pushes apart groups whose points come too
 * near; see diagram_spread.c. Returns 0 or NATRISK_ENOMEM. */
int diagram_spread_spots(spot *spots, size_t n);

/* Labels for the spots (in rank order), placed clear of everything drawn
 * for the scenarios: the scene's shapes from FIRST on. */
int diagram_label_spots(diagram *d, spot *spots, size_t n, size_t first);

/* Scene x of a likelihood position and y of an impact position (A = 0),
 * clamped to the plot. */
double diagram_x(double position);
double diagram_y(double position);

/* The colour of a theme (index, or -1 for none). */
rgba theme_colour(const natrisk_assessment *a, long theme);

/* Fixed texts in the diagram's language. */
const char *diagram_word(const diagram *d, const char *en, const char *nl);

/* Each scenario's cloud of draws (options->uncertainty), beneath the
 * points; diagram_cloud.c. Returns 0 or NATRISK_ENOMEM. */
int diagram_draw_clouds(diagram *d);

/* A whisker from (x0, y0) to (x1, y1) with its end caps, as one shape:
 * the plot's and the legend's. */
void diagram_whisker(diagram *d, const char *id, rgba colour, double x0,
                     double y0, double x1, double y1);
/* A movement: a hollow mark at (x0, y0), a line and a head ending at the
 * tip: the plot's and the legend's. */
void diagram_arrow(diagram *d, double x0, double y0, double tip_x,
                   double tip_y, const char *id);

/* Whiskers, arrows, points and labels of every scenario. */
int diagram_draw_scenarios(diagram *d);

#endif
