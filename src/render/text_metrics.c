/*
 * text_metrics.c - see text_metrics.h. A 1x1 image surface is enough for
 * cairo to answer questions about text.
 */
#include "text_metrics.h"

#include <cairo.h>
#include <stdlib.h>

struct text_metrics {
	cairo_surface_t *surface;
	cairo_t *cr;
	double size;
	bool bold;
};

text_metrics *text_metrics_new(void)
{
	text_metrics *tm = calloc(1, sizeof *tm);
	if (!tm)
		return NULL;
	tm->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	tm->cr = cairo_create(tm->surface);
	if (cairo_status(tm->cr) != CAIRO_STATUS_SUCCESS) {
		text_metrics_free(tm);
		return NULL;
	}
	tm->size = -1;
	return tm;
}

void text_metrics_free(text_metrics *tm)
{
	if (!tm)
		return;
	if (tm->cr)
		cairo_destroy(tm->cr);
	if (tm->surface)
		cairo_surface_destroy(tm->surface);
	free(tm);
}

static void use_font(text_metrics *tm, double size, bool bold)
{
	if (tm->size == size && tm->bold == bold)
		return;
	cairo_select_font_face(tm->cr, DIAGRAM_FONT, CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD
	                            : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(tm->cr, size);
	tm->size = size;
	tm->bold = bold;
}

double text_width(text_metrics *tm, const char *text, double size, bool bold)
{
	use_font(tm, size, bold);
	cairo_text_extents_t extents;
	cairo_text_extents(tm->cr, text, &extents);
	return extents.x_advance;
}

void text_extent(text_metrics *tm, double size, double *ascent,
                 double *descent)
{
	use_font(tm, size, false);
	cairo_font_extents_t extents;
	cairo_font_extents(tm->cr, &extents);
	*ascent = extents.ascent;
	*descent = extents.descent;
}
