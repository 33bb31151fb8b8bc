/*
 * diagram_labels.c - the text beside each point of the risk diagram:
 * titles in full, wrapped onto lines no wider than LABEL_LINE_WIDTH (two
 * for all but the longest titles), one label per point, or per cluster of
 * four or more scenarios on the same place ("title +N"), placed by
 * labels.c clear of everything drawn for the scenarios (points, rings,
 * whiskers, arrows and the leader lines of the labels before it). A label
 * that finds no room falls back to the rank number, and failing that is
 * counted in the legend.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_layout.h"
#include "labels.h"

enum {
	MAX_TITLES = 200,
	MAX_MISSES = 32, /* labels in a row that found no room: a full plot */
	/* clusters up to this size label each point; larger ones share a
	 * label ("title +N") */
	SHARED_LABEL_FROM = 4,
};

/* What a label names and where it stands. */
typedef struct target {
	size_t scenario;     /* whose title (the best ranked) */
	size_t members;      /* 1, or how many the label stands for */
	double x, y, radius; /* the point or cluster it must keep clear of */
	const char *ids;     /* for data-scenario */
} target;

/* The widest a label's line may be: about 34 characters. */
#define LABEL_LINE_WIDTH 190.0
#define LABEL_LINE_HEIGHT 13.0

/* Space-separated ids of the scenarios on one spot, for the SVG. */
static const char *group_ids(diagram *d, const spot *spots, size_t n,
                             size_t leader)
{
	if (spots[leader].members == 1)
		return natrisk_assessment_scenario(d->assessment, spots[leader].scenario)->id;
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == leader)
			len += strlen(natrisk_assessment_scenario(d->assessment, spots[i].scenario)->id) + 1;
	char *ids = arena_alloc(&d->scene->arena, len + 1), *end = ids;
	if (!ids)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (spots[i].group == leader) {
			const char *id = natrisk_assessment_scenario(d->assessment, spots[i].scenario)->id;
			if (end > ids)
				*end++ = ' ';
			size_t length = strlen(id);
			memcpy(end, id, length);
			end += length;
		}
	*end = '\0';
	return ids;
}

/* The label of a target: its title (or rank when BRIEF), and how many
 * more share the place. Returns a string to free, or NULL. */
static char *label_text(diagram *d, const target *leader, bool brief)
{
	const natrisk_scenario *s = natrisk_assessment_scenario(d->assessment, leader->scenario);
	char rank[24];
	snprintf(rank, sizeof rank, "%d",
	         natrisk_results_get(d->results, leader->scenario)->rank);
	const char *name = brief ? rank : s->title;
	size_t size = strlen(name) + 32;
	char *text = malloc(size);
	if (!text)
		return NULL;
	if (leader->members > 1)
		snprintf(text, size, "%s +%zu", name, leader->members - 1);
	else
		snprintf(text, size, "%s", name);
	return text;
}

static void draw_leader(diagram *d, const label_place *place)
{
	const double *l = place->line;
	shape *line = scene_line(d->scene, l[0], l[1], l[2], l[3],
	                         rgb(0x888888), 0.8);
	if (line)
		line->role = "leader";
}

/* The text's lines, aligned towards the point. */
static void draw_text(diagram *d, const char *text, size_t lines,
                      const label_place *place, const char *ids)
{
	text_anchor anchor = ANCHOR_START;
	double x = place->x;
	if (lines > 1 && place->side < 0)
		anchor = ANCHOR_END, x = place->bounds.x1;
	else if (lines > 1 && place->side == 0)
		anchor = ANCHOR_MIDDLE,
		x = (place->bounds.x0 + place->bounds.x1) / 2;
	shape *s = scene_textf(d->scene, x, place->y, LABEL_SIZE, anchor,
	                       rgb(0x111111), text);
	if (s) {
		s->role = "label";
		s->scenario = ids;
		s->line_height = LABEL_LINE_HEIGHT;
	}
}

/* A label's text in lines, and the box it needs. */
typedef struct shaped {
	char *text;
	size_t lines;
	label_request request;
} shaped;

/* TEXT wrapped at LABEL_LINE_WIDTH, or (LINES > 0) into that many
 * lines; false when out of memory. */
static bool shape_text(diagram *d, const target *t, const char *text,
                       size_t lines, shaped *out)
{
	out->text = malloc(strlen(text) + 1);
	if (!out->text)
		return false;
	double ascent, descent;
	text_extent(d->metrics, LABEL_SIZE, &ascent, &descent);
	out->request = (label_request){ t->x, t->y, t->radius, 0, 0, ascent };
	out->lines = lines ? text_wrap_lines(d->metrics, text, LABEL_SIZE,
	                                     false, lines, out->text,
	                                     &out->request.width)
	                   : text_wrap(d->metrics, text, LABEL_SIZE, false,
	                               LABEL_LINE_WIDTH, out->text,
	                               &out->request.width);
	out->request.height = ascent + descent +
	                      (double)(out->lines - 1) * LABEL_LINE_HEIGHT;
	return true;
}

/* TEXT as it wraps or (NARROWER, nearer to the point) in one line more:
 * 1 when placed, 0 when there is no room, or NATRISK_ENOMEM. */
static int place_text(diagram *d, label_placer *placer, const target *t,
                      const char *text, bool narrower)
{
	shaped shapes[2] = { 0 };
	int count = 0, rc = NATRISK_ENOMEM;
	if (!shape_text(d, t, text, 0, &shapes[count++]))
		goto done;
	if (narrower &&
	    !shape_text(d, t, text, shapes[0].lines + 1, &shapes[count++]))
		goto done;
	if (count == 2 && shapes[1].lines == shapes[0].lines)
		count--; /* a word a line already */
	label_request requests[2] = { shapes[0].request, shapes[1].request };
	label_place place;
	int chosen = label_placer_place(placer, requests, count, &place);
	rc = chosen == NATRISK_ENOMEM ? chosen : chosen >= 0;
	if (chosen >= 0) {
		if (place.leader)
			draw_leader(d, &place);
		draw_text(d, shapes[chosen].text, shapes[chosen].lines, &place,
		          t->ids);
	}
done:
	free(shapes[0].text);
	free(shapes[1].text);
	return rc;
}

/* The title (when TITLED), then the rank number: 1 when the title is
 * placed, 2 when the rank is, 0 when neither finds room, or
 * NATRISK_ENOMEM. */
static int place_one(diagram *d, label_placer *placer, const target *t,
                     bool titled)
{
	int rc = 0;
	if (titled) {
		char *text = label_text(d, t, false);
		if (!text)
			return NATRISK_ENOMEM;
		rc = place_text(d, placer, t, text, true);
		free(text);
		if (rc != 0)
			return rc;
	}
	char *rank = label_text(d, t, true);
	if (!rank)
		return NATRISK_ENOMEM;
	rc = place_text(d, placer, t, rank, false);
	free(rank);
	return rc < 0 ? rc : rc ? 2 : 0;
}

/* Everything drawn for the scenarios is in a label's way. */
static int block_drawn(label_placer *placer, const natrisk_scene *scene,
                       size_t first)
{
	int rc = 0;
	for (size_t i = first; i < scene->count && rc == 0; i++) {
		const shape *s = &scene->shapes[i];
		double half = s->stroke.a ? s->stroke_width / 2 : 0;
		switch (s->kind) {
		case SHAPE_LINE:
			rc = label_placer_block_line(placer, s->x, s->y, s->x2,
			                             s->y2, half);
			break;
		case SHAPE_SEGMENTS:
			for (int k = 0; k + 1 < s->point_count && rc == 0; k += 2)
				rc = label_placer_block_line(placer,
					s->points[2 * k], s->points[2 * k + 1],
					s->points[2 * k + 2], s->points[2 * k + 3],
					half);
			break;
		case SHAPE_CIRCLE:
			rc = s->role && strcmp(s->role, "point") == 0
			             ? label_placer_block_point(placer, s->x, s->y,
			                                        s->r + half)
			             : label_placer_block_disc(placer, s->x, s->y,
			                                       s->r + half);
			break;
		case SHAPE_POLYGON: {
			box b = { HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL };
			for (int k = 0; k < s->point_count; k++) {
				b.x0 = fmin(b.x0, s->points[2 * k]);
				b.x1 = fmax(b.x1, s->points[2 * k]);
				b.y0 = fmin(b.y0, s->points[2 * k + 1]);
				b.y1 = fmax(b.y1, s->points[2 * k + 1]);
			}
			rc = label_placer_block(placer, b);
			break;
		}
		default:
			break;
		}
	}
	return rc ? NATRISK_ENOMEM : NATRISK_OK;
}

/* Spot I's label: its own, or (leading a large cluster) the cluster's;
 * false when another spot's label stands for it. */
static bool target_of(diagram *d, const spot *spots, size_t n, size_t i,
                      target *t)
{
	const spot *leader = &spots[spots[i].group];
	if (leader->members < SHARED_LABEL_FROM) {
		*t = (target){ spots[i].scenario, 1, spots[i].x, spots[i].y,
			       spots[i].radius,
			       natrisk_assessment_scenario(d->assessment, spots[i].scenario)->id };
		return true;
	}
	if (spots[i].group != i)
		return false;
	*t = (target){ leader->scenario, leader->members, leader->cx,
		       leader->cy, leader->extent,
		       group_ids(d, spots, n, i) };
	return true;
}

static int label_all(diagram *d, label_placer *placer, spot *spots,
                     size_t n)
{
	size_t titled = 0, missed_titles = 0, missed = 0;
	for (size_t i = 0; i < n; i++) {
		target t;
		if (!target_of(d, spots, n, i, &t))
			continue;
		/* A plot holds at most a few hundred titles, and when many in a
		 * row found no room it has none left: the lower risks then go
		 * straight to their rank number, or (when ranks too stopped
		 * fitting) to the count in the legend, instead of searching a
		 * full plot for room that is not there. */
		int rc = missed >= MAX_MISSES ? 0 :
		         place_one(d, placer, &t, titled < MAX_TITLES &&
		                                  missed_titles < MAX_MISSES);
		if (rc < 0)
			return rc;
		titled += rc == 1;
		missed_titles = rc == 1 ? 0 : missed_titles + 1;
		missed = rc == 0 ? missed + 1 : 0;
		if (rc == 0)
			d->unlabelled += t.members;
	}
	return NATRISK_OK;
}

int diagram_label_spots(diagram *d, spot *spots, size_t n, size_t first)
{
	box area = { PLOT_LEFT + 2, PLOT_TOP + 2, PLOT_LEFT + PLOT_WIDTH - 2,
		     PLOT_TOP + PLOT_HEIGHT - 2 };
	label_placer *placer = label_placer_new(area);
	if (!placer)
		return NATRISK_ENOMEM;
	int rc = block_drawn(placer, d->scene, first);
	if (rc == NATRISK_OK)
		rc = label_all(d, placer, spots, n);
	label_placer_free(placer);
	return rc;
}
