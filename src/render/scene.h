/*
 * scene.h - a drawing as a flat list of shapes in scene units (1 unit = 1
 * CSS pixel). The diagram code builds a scene once; svg.c and cairo_out.c
 * each walk the same list, so the SVG, PNG and PDF cannot drift apart.
 */
#ifndef NATRISK_SCENE_H
#define NATRISK_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <natrisk/diagram.h>

#include "../core/arena.h"

typedef struct rgba {
	uint8_t r, g, b, a; /* a = 0: none */
} rgba;

typedef enum {
	SHAPE_RECT,    /* x, y, w, h */
	SHAPE_LINE,    /* x, y -> x2, y2 */
	SHAPE_CIRCLE,  /* centre x, y; radius r */
	SHAPE_TEXT,    /* baseline at x, y */
	SHAPE_POLYGON, /* points[0..n) */
	SHAPE_SEGMENTS, /* separate segments points[2k] -> points[2k + 1] */
} shape_kind;

typedef enum { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END } text_anchor;

typedef struct shape {
	shape_kind kind;
	double x, y, w, h, x2, y2, r;
	rgba fill, stroke;
	double stroke_width;
	bool dashed;
	/* text: lines separated by '\n', LINE_HEIGHT apart */
	const char *text;
	double font_size;
	double line_height;
	text_anchor anchor;
	bool bold;
	bool vertical;        /* rotated -90 degrees about (x, y) */
	/* polygon, segments */
	double points[12];
	int point_count;
	/* meaning, for SVG class and data attributes and for tests */
	const char *role;     /* "label", "point", "axis", "legend" ... */
	const char *scenario; /* scenario id, or NULL */
	const char *tooltip;  /* SVG <title>, or NULL */
} shape;

struct natrisk_scene {
	arena arena;
	double width, height;
	const char *title;
	const char *description;
	const char *id;        /* prefix of the SVG's ids, or NULL */
	shape *shapes;
	size_t count, capacity;
	/* Something was left out for want of memory: the scene is not
	 * the picture, and its maker answers NATRISK_ENOMEM. */
	bool out_of_memory;
};

natrisk_scene *scene_new(double width, double height);
/* Whether anything was left out of SCENE for want of memory, its texts
 * included. */
bool scene_out_of_memory(const natrisk_scene *scene);
/* Appends a shape (copied) and returns it, or NULL when out of memory. */
shape *scene_add(natrisk_scene *scene, const shape *s);
/* A copy of TEXT owned by the scene. */
const char *scene_text(natrisk_scene *scene, const char *text);

shape *scene_rect(natrisk_scene *s, double x, double y, double w, double h,
                  rgba fill, rgba stroke, double stroke_width);
shape *scene_line(natrisk_scene *s, double x, double y, double x2, double y2,
                  rgba stroke, double width);
shape *scene_circle(natrisk_scene *s, double x, double y, double r, rgba fill,
                    rgba stroke, double stroke_width);
shape *scene_textf(natrisk_scene *s, double x, double y, double size,
                   text_anchor anchor, rgba fill, const char *text);
/* scene_textf with its meaning ROLE ("title", "label", "axis" ...). */
shape *scene_text_role(natrisk_scene *s, double x, double y, double size,
                       text_anchor anchor, rgba fill, const char *role,
                       const char *text);

static inline rgba rgb(uint32_t hex)
{
	return (rgba){ (uint8_t)(hex >> 16), (uint8_t)(hex >> 8), (uint8_t)hex,
		       255 };
}

#define RGBA_NONE ((rgba){ 0, 0, 0, 0 })

#endif
