/*
 * scene.c - building a scene: see scene.h.
 */
#include "scene.h"

#include <stdlib.h>
#include <string.h>

natrisk_scene *scene_new(double width, double height)
{
	natrisk_scene *scene = calloc(1, sizeof *scene);
	if (!scene)
		return NULL;
	arena_init(&scene->arena);
	scene->width = width;
	scene->height = height;
	return scene;
}

bool scene_out_of_memory(const natrisk_scene *scene)
{
	return scene->out_of_memory || scene->arena.out_of_memory;
}

void natrisk_scene_free(natrisk_scene *scene)
{
	if (!scene)
		return;
	arena_release(&scene->arena);
	free(scene->shapes);
	free(scene);
}

shape *scene_add(natrisk_scene *scene, const shape *s)
{
	if (scene->count == scene->capacity) {
		size_t capacity = scene->capacity ? scene->capacity * 2 : 256;
		shape *shapes = realloc(scene->shapes, capacity * sizeof *shapes);
		if (!shapes) {
			scene->out_of_memory = true;
			return NULL;
		}
		scene->shapes = shapes;
		scene->capacity = capacity;
	}
	scene->shapes[scene->count] = *s;
	return &scene->shapes[scene->count++];
}

const char *scene_text(natrisk_scene *scene, const char *text)
{
	return arena_strdup(&scene->arena, text ? text : "");
}

shape *scene_rect(natrisk_scene *s, double x, double y, double w, double h,
                  rgba fill, rgba stroke, double stroke_width)
{
	return scene_add(s, &(shape){ .kind = SHAPE_RECT, .x = x, .y = y,
	                              .w = w, .h = h, .fill = fill,
	                              .stroke = stroke,
	                              .stroke_width = stroke_width });
}

shape *scene_line(natrisk_scene *s, double x, double y, double x2, double y2,
                  rgba stroke, double width)
{
	return scene_add(s, &(shape){ .kind = SHAPE_LINE, .x = x, .y = y,
	                              .x2 = x2, .y2 = y2, .stroke = stroke,
	                              .stroke_width = width });
}

shape *scene_circle(natrisk_scene *s, double x, double y, double r, rgba fill,
                    rgba stroke, double stroke_width)
{
	return scene_add(s, &(shape){ .kind = SHAPE_CIRCLE, .x = x, .y = y,
	                              .r = r, .fill = fill, .stroke = stroke,
	                              .stroke_width = stroke_width });
}

shape *scene_textf(natrisk_scene *s, double x, double y, double size,
                   text_anchor anchor, rgba fill, const char *text)
{
	return scene_add(s, &(shape){ .kind = SHAPE_TEXT, .x = x, .y = y,
	                              .font_size = size, .anchor = anchor,
	                              .fill = fill,
	                              .text = scene_text(s, text) });
}

shape *scene_text_role(natrisk_scene *s, double x, double y, double size,
                       text_anchor anchor, rgba fill, const char *role,
                       const char *text)
{
	shape *added = scene_textf(s, x, y, size, anchor, fill, text);
	if (added)
		added->role = role;
	return added;
}

int natrisk_scene_set_id(natrisk_scene *scene, const char *prefix)
{
	for (const char *p = prefix; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-'))
			return NATRISK_EINVALID;
	scene->id = scene_text(scene, prefix);
	return scene->id ? NATRISK_OK : NATRISK_ENOMEM;
}
