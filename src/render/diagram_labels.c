/*
 * diagram_labels.c - the text beside each point of the risk diagram:
 * titles shortened to fit, one label per spot (scenarios on the same spot
 * share it), placed by labels.c; a label that finds no room falls back to
 * the rank number, and failing that is counted in the legend.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_layout.h"
#include "labels.h"

enum { MAX_TITLES = 200 };

/* A label fits a diagram: cut long titles at a word boundary. */
static void short_title(const char *title, char *out, size_t size)
{
	const size_t limit = 34;
	size_t len = strlen(title);
	if (len <= limit) {
		snprintf(out, size, "%s", title);
		return;
	}
	size_t cut = limit;
	while (cut > 10 && title[cut] != ' ')
		cut--;
	if (title[cut] != ' ')
		cut = limit;
	/* do not split a UTF-8 sequence */
	while (cut > 0 && ((unsigned char)title[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(out, size, "%.*s\xE2\x80\xA6", (int)cut, title);
}


/* Space-separated ids of the scenarios on one spot, for the SVG. */
static const char *group_ids(diagram *d, const spot *spots, size_t n,
                             size_t leader)
{
	if (spots[leader].members == 1)
		return d->assessment->scenarios[spots[leader].scenario].id;
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == leader)
			len += strlen(d->assessment->scenarios[spots[i].scenario].id) + 1;
	char *ids = arena_alloc(&d->scene->arena, len + 1);
	if (!ids)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == leader) {
			if (*ids)
				strcat(ids, " ");
			strcat(ids, d->assessment->scenarios[spots[i].scenario].id);
		}
	return ids;
}

static void label_text(diagram *d, const spot *leader, bool brief, char *out,
                       size_t size)
{
	const natrisk_scenario *s = &d->assessment->scenarios[leader->scenario];
	char title[160];
	if (brief)
		snprintf(title, sizeof title, "%d",
		         natrisk_results_get(d->results, leader->scenario)->rank);
	else
		short_title(s->title, title, sizeof title);
	if (leader->members > 1)
		snprintf(out, size, "%s +%zu", title, leader->members - 1);
	else
		snprintf(out, size, "%s", title);
}

static void draw_leader(diagram *d, const spot *sp, const label_place *place)
{
	double cx = (place->bounds.x0 + place->bounds.x1) / 2;
	double cy = (place->bounds.y0 + place->bounds.y1) / 2;
	/* From the point's edge to the nearest point of the label's box. */
	double tx = cx < sp->x ? place->bounds.x1 : cx > sp->x ? place->bounds.x0 : cx;
	double ty = cy < sp->y ? place->bounds.y1 : cy > sp->y ? place->bounds.y0 : cy;
	if (tx > place->bounds.x0 && tx < place->bounds.x1)
		tx = fmin(fmax(sp->x, place->bounds.x0), place->bounds.x1);
	if (ty > place->bounds.y0 && ty < place->bounds.y1)
		ty = fmin(fmax(sp->y, place->bounds.y0), place->bounds.y1);
	double dx = tx - sp->x, dy = ty - sp->y, length = hypot(dx, dy);
	if (length <= sp->radius + 1)
		return;
	shape *line = scene_line(d->scene, sp->x + dx / length * sp->radius,
	                         sp->y + dy / length * sp->radius, tx, ty,
	                         rgb(0x888888), 0.8);
	if (line)
		line->role = "leader";
}

static bool place_one(diagram *d, label_placer *placer, spot *spots,
                      size_t n, size_t leader, bool brief)
{
	char text[200];
	label_text(d, &spots[leader], brief, text, sizeof text);
	label_request request = { spots[leader].x, spots[leader].y,
		                  spots[leader].radius, 0, 0, 0 };
	request.width = text_width(d->metrics, text, LABEL_SIZE, false);
	text_extent(d->metrics, LABEL_SIZE, &request.ascent, &request.descent);
	label_place place;
	if (!label_placer_place(placer, &request, &place))
		return false;
	if (place.leader)
		draw_leader(d, &spots[leader], &place);
	shape *s = scene_textf(d->scene, place.x, place.y, LABEL_SIZE,
	                       ANCHOR_START, rgb(0x111111), text);
	if (s) {
		s->role = "label";
		s->scenario = group_ids(d, spots, n, leader);
	}
	return true;
}

int diagram_label_spots(diagram *d, spot *spots, size_t n)
{
	box area = { PLOT_LEFT + 2, PLOT_TOP + 2, PLOT_LEFT + PLOT_WIDTH - 2,
		     PLOT_TOP + PLOT_HEIGHT - 2 };
	label_placer *placer = label_placer_new(area);
	if (!placer)
		return NATRISK_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		double r = spots[i].radius + 1;
		box b = { spots[i].x - r, spots[i].y - r, spots[i].x + r,
			  spots[i].y + r };
		if (label_placer_block(placer, b)) {
			label_placer_free(placer);
			return NATRISK_ENOMEM;
		}
	}
	size_t titled = 0;
	for (size_t i = 0; i < n; i++) {
		if (spots[i].group != i)
			continue;
		/* A plot holds at most a few hundred titles: past that, the
		 * lower risks go straight to their rank number instead of
		 * searching a full plot for room that is not there. */
		bool brief = titled >= MAX_TITLES;
		if (!brief && place_one(d, placer, spots, n, i, false)) {
			titled++;
			continue;
		}
		if (!place_one(d, placer, spots, n, i, true))
			d->unlabelled += spots[i].members;
	}
	label_placer_free(placer);
	return NATRISK_OK;
}
