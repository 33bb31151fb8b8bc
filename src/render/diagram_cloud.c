/*
 * diagram_cloud.c - the uncertainty behind each point of the risk diagram:
 * where the draws of a stochastic analysis (smaa.h, NATRISK_SMAA_CLOUD)
 * put a scenario, binned 40 x 40 over the plot. The smallest set of bins
 * holding 50 % of the scenario's probability and the one holding 90 % are
 * shaded in its theme's colour, two contour levels, beneath whiskers and
 * points. Like the bands, the cloud is background: labels may cover it.
 *
 * Runs of bins of one level in a row become one rect, and equal runs in
 * the rows above join it, which keeps the SVG small and leaves no seams
 * between bins.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/smaa.h>

#include "diagram_layout.h"

enum { BINS = NATRISK_SMAA_CLOUD_BINS, LEVEL_90 = 1, LEVEL_50 = 2 };

/* Opacity of each level: the inner half darker. */
static const uint8_t level_alpha[3] = { 0, 38, 89 }; /* 0.15, 0.35 */

typedef struct bin {
	double p;
	int index; /* l * BINS + k */
} bin;

static int by_probability(const void *pa, const void *pb)
{
	const bin *a = pa, *b = pb;
	if (a->p != b->p)
		return a->p > b->p ? -1 : 1;
	/* equal bins in a fixed order, so that a seed gives one picture */
	return a->index - b->index;
}

/*
 * LEVEL[l * BINS + k]: LEVEL_50 for the bins of the smallest set holding
 * half the probability, LEVEL_90 for the further bins of the smallest set
 * holding 90 %, 0 elsewhere. Greedy by probability, which is exact for
 * "smallest set" up to ties.
 */
static void contour_levels(const natrisk_smaa *s, size_t i, bin *bins,
                           unsigned char *level)
{
	double total = 0;
	for (int l = 0; l < BINS; l++)
		for (int k = 0; k < BINS; k++) {
			double p = natrisk_smaa_cloud(s, i, (size_t)l, (size_t)k);
			bins[l * BINS + k] = (bin){ p, l * BINS + k };
			total += p;
		}
	memset(level, 0, BINS * BINS);
	if (!(total > 0))
		return;
	qsort(bins, BINS * BINS, sizeof *bins, by_probability);
	/* shares are sums of count / iterations: allow for rounding */
	const double slack = 1e-9 * total;
	double held = 0;
	for (int n = 0; n < BINS * BINS && bins[n].p > 0; n++) {
		if (held >= 0.9 * total - slack)
			break;
		level[bins[n].index] = held < 0.5 * total - slack ? LEVEL_50
		                                                   : LEVEL_90;
		held += bins[n].p;
	}
}

static unsigned char at(const unsigned char *level, int l, int k)
{
	return level[l * BINS + k];
}

/* The end of the run of equal level that starts at column A of row K. */
static int run_end(const unsigned char *level, int a, int k)
{
	int b = a + 1;
	while (b < BINS && at(level, b, k) == at(level, a, k))
		b++;
	return b;
}

/* Whether row K has a run of level V over exactly the columns [A, B). */
static bool same_run(const unsigned char *level, int a, int b, int k,
                     unsigned char v)
{
	return at(level, a, k) == v && (a == 0 || at(level, a - 1, k) != v) &&
	       run_end(level, a, k) == b;
}

static void cloud_rect(diagram *d, const char *id, rgba colour, int a,
                       int b, int k0, int k1)
{
	const double width = 5.0 / BINS;
	double x0 = diagram_x(a * width), x1 = diagram_x(b * width);
	double y0 = diagram_y((k1 + 1) * width), y1 = diagram_y(k0 * width);
	shape *s = scene_rect(d->scene, x0, y0, x1 - x0, y1 - y0, colour,
	                      RGBA_NONE, 0);
	if (s) {
		s->role = "cloud";
		s->scenario = id;
	}
}

static void draw_levels(diagram *d, const natrisk_scenario *sc,
                        const unsigned char *level)
{
	unsigned char joined[BINS * BINS]; /* runs already part of a rect */
	memset(joined, 0, sizeof joined);
	for (int k = 0; k < BINS; k++)
		for (int a = 0; a < BINS;) {
			unsigned char v = at(level, a, k);
			int b = run_end(level, a, k);
			if (v && !joined[a * BINS + k]) {
				int top = k;
				while (top + 1 < BINS &&
				       same_run(level, a, b, top + 1, v))
					joined[a * BINS + ++top] = 1;
				rgba colour = theme_colour(d->assessment, sc->theme);
				colour.a = level_alpha[v];
				cloud_rect(d, sc->id, colour, a, b, k, top);
			}
			a = b;
		}
}

static bool inner(const unsigned char *level, int l, int k)
{
	return l >= 0 && l < BINS && k >= 0 && k < BINS &&
	       at(level, l, k) == LEVEL_50;
}

static void contour_line(diagram *d, const char *id, rgba colour, double x0,
                         double y0, double x1, double y1)
{
	shape *s = scene_line(d->scene, x0, y0, x1, y1, colour, 1);
	if (s) {
		s->role = "cloud";
		s->scenario = id;
	}
}

/* Whether the side of a bin on grid line G, at T along it, is on the edge
 * of the 50 % region. SIDE 0: the line below row G; 1: the line left of
 * column G. */
static bool on_edge(const unsigned char *level, int side, int g, int t)
{
	if (side)
		return inner(level, g, t) != inner(level, g - 1, t);
	return inner(level, t, g) != inner(level, t, g - 1);
}

/*
 * The edge of the 50 % region as lines, so that each scenario's core
 * stays visible where clouds overlap: bin sides with the region on one
 * side only, joined along each grid line.
 */
static void draw_edges(diagram *d, const char *id, rgba colour,
                       const unsigned char *level, int side)
{
	const double width = 5.0 / BINS;
	for (int g = 0; g <= BINS; g++)
		for (int t = 0; t < BINS;) {
			if (!on_edge(level, side, g, t)) {
				t++;
				continue;
			}
			int u = t + 1;
			while (u < BINS && on_edge(level, side, g, u))
				u++;
			if (side)
				contour_line(d, id, colour, diagram_x(g * width),
				             diagram_y(t * width),
				             diagram_x(g * width),
				             diagram_y(u * width));
			else
				contour_line(d, id, colour, diagram_x(t * width),
				             diagram_y(g * width),
				             diagram_x(u * width),
				             diagram_y(g * width));
			t = u;
		}
}

/* The alternative of S that is scenario I, matched by id. */
static bool find_alternative(const natrisk_smaa *s, const char *id,
                             size_t i, size_t *out)
{
	size_t m = natrisk_smaa_alternatives(s);
	if (i < m && strcmp(natrisk_smaa_alternative_name(s, i), id) == 0) {
		*out = i;
		return true;
	}
	for (size_t j = 0; j < m; j++)
		if (strcmp(natrisk_smaa_alternative_name(s, j), id) == 0) {
			*out = j;
			return true;
		}
	return false;
}

int diagram_draw_clouds(diagram *d)
{
	const natrisk_smaa *s = d->options->uncertainty;
	if (!s || !(natrisk_smaa_outputs(s) & NATRISK_SMAA_CLOUD))
		return NATRISK_OK;
	const natrisk_assessment *a = d->assessment;
	const size_t *order = natrisk_results_order(d->results);
	bin *bins = malloc(BINS * BINS * sizeof *bins);
	if (!bins)
		return NATRISK_ENOMEM;
	unsigned char level[BINS * BINS];
	/* Lowest rank first, so that the most important cloud ends on top. */
	for (size_t k = natrisk_assessment_scenario_count(a); k-- > 0;) {
		const natrisk_scenario *sc = natrisk_assessment_scenario(a, order[k]);
		size_t i;
		if (!find_alternative(s, sc->id, order[k], &i))
			continue;
		contour_levels(s, i, bins, level);
		draw_levels(d, sc, level);
		rgba edge = theme_colour(d->assessment, sc->theme);
		edge.a = 150;
		draw_edges(d, sc->id, edge, level, 0);
		draw_edges(d, sc->id, edge, level, 1);
	}
	free(bins);
	return NATRISK_OK;
}
