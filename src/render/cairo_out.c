/*
 * cairo_out.c - PNG and PDF from the same scene as the SVG, drawn with
 * cairo. Output goes to a stream, so that the CLI can write the file only
 * when everything succeeded.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene.h"
#include "text_metrics.h"

static void set_colour(cairo_t *cr, rgba c)
{
	cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0,
	                      c.a / 255.0);
}

static void fill_and_stroke(cairo_t *cr, const shape *s)
{
	if (s->fill.a) {
		set_colour(cr, s->fill);
		if (s->stroke.a)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (s->stroke.a) {
		set_colour(cr, s->stroke);
		cairo_set_line_width(cr, s->stroke_width);
		cairo_stroke(cr);
	}
	cairo_new_path(cr);
}

/* One line of a text, its anchor applied. */
static void draw_line(cairo_t *cr, const shape *s, const char *line)
{
	cairo_text_extents_t extents;
	cairo_text_extents(cr, line, &extents);
	double shift = s->anchor == ANCHOR_MIDDLE ? extents.x_advance / 2 :
	               s->anchor == ANCHOR_END    ? extents.x_advance : 0;
	cairo_move_to(cr, -shift, 0);
	cairo_show_text(cr, line);
}

static void draw_text(cairo_t *cr, const shape *s)
{
	cairo_select_font_face(cr, DIAGRAM_FONT, CAIRO_FONT_SLANT_NORMAL,
	                       s->bold ? CAIRO_FONT_WEIGHT_BOLD
	                               : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, s->font_size);
	cairo_save(cr);
	cairo_translate(cr, s->x, s->y);
	if (s->vertical)
		cairo_rotate(cr, -M_PI / 2);
	set_colour(cr, s->fill);
	const char *text = s->text ? s->text : "";
	for (;;) {
		size_t n = strcspn(text, "\n");
		char buffer[512], *line = n < sizeof buffer ? buffer : malloc(n + 1);
		if (!line)
			break;
		memcpy(line, text, n);
		line[n] = '\0';
		draw_line(cr, s, line);
		if (line != buffer)
			free(line);
		if (!text[n])
			break;
		text += n + 1;
		cairo_translate(cr, 0, s->line_height);
	}
	cairo_restore(cr);
}

static void draw_shape(cairo_t *cr, const shape *s)
{
	cairo_new_path(cr); /* text leaves a current point behind */
	switch (s->kind) {
	case SHAPE_RECT:
		cairo_rectangle(cr, s->x, s->y, s->w, s->h);
		break;
	case SHAPE_LINE:
		cairo_move_to(cr, s->x, s->y);
		cairo_line_to(cr, s->x2, s->y2);
		break;
	case SHAPE_CIRCLE:
		cairo_arc(cr, s->x, s->y, s->r, 0, 2 * M_PI);
		break;
	case SHAPE_POLYGON:
		for (int i = 0; i < s->point_count; i++)
			cairo_line_to(cr, s->points[2 * i], s->points[2 * i + 1]);
		cairo_close_path(cr);
		break;
	case SHAPE_SEGMENTS:
		for (int i = 0; i + 1 < s->point_count; i += 2) {
			cairo_move_to(cr, s->points[2 * i], s->points[2 * i + 1]);
			cairo_line_to(cr, s->points[2 * i + 2],
			              s->points[2 * i + 3]);
		}
		break;
	case SHAPE_TEXT:
		draw_text(cr, s);
		return;
	}
	if (s->dashed)
		cairo_set_dash(cr, (const double[]){ 4, 3 }, 2, 0);
	fill_and_stroke(cr, s);
	cairo_set_dash(cr, NULL, 0, 0);
}

static void draw_scene(cairo_t *cr, const natrisk_scene *scene)
{
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	for (size_t i = 0; i < scene->count; i++)
		draw_shape(cr, &scene->shapes[i]);
}

static cairo_status_t to_stream(void *closure, const unsigned char *data,
                                unsigned int length)
{
	return fwrite(data, 1, length, closure) == length
	               ? CAIRO_STATUS_SUCCESS
	               : CAIRO_STATUS_WRITE_ERROR;
}

int natrisk_scene_write_png(const natrisk_scene *scene, double scale,
                            FILE *out)
{
	int width = (int)ceil(scene->width * scale);
	int height = (int)ceil(scene->height * scale);
	cairo_surface_t *surface =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
	cairo_t *cr = cairo_create(surface);
	cairo_scale(cr, scale, scale);
	draw_scene(cr, scene);
	cairo_status_t status = cairo_status(cr);
	cairo_destroy(cr);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_write_to_png_stream(surface, to_stream, out);
	cairo_surface_destroy(surface);
	return status == CAIRO_STATUS_SUCCESS ? NATRISK_OK : NATRISK_EIO;
}

int natrisk_scene_write_pdf(const natrisk_scene *scene, FILE *out)
{
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
		to_stream, out, scene->width, scene->height);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	                               scene->title ? scene->title : "");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
	                               "natrisk " NATRISK_VERSION);
	cairo_t *cr = cairo_create(surface);
	draw_scene(cr, scene);
	cairo_show_page(cr);
	cairo_status_t status = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	return status == CAIRO_STATUS_SUCCESS ? NATRISK_OK : NATRISK_EIO;
}
