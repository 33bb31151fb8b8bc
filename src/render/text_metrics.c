/*
 * text_metrics.c - see text_metrics.h. A 1x1 image surface is enough for
 * cairo to answer questions about text. Metrics are unhinted, as in a
 * browser drawing the SVG. The toy text API neither kerns nor shapes, so a
 * printable-ASCII string is as wide as the sum of its characters' advances:
 * those are measured once per font and size, and only other text goes
 * through cairo each time.
 */
#include "text_metrics.h"

#include <cairo.h>
#include <stdlib.h>

struct text_metrics {
	cairo_surface_t *surface;
	cairo_t *cr;
	double size;
	bool bold;
	double advances[128]; /* of the current font; valid from ' ' to '~' */
};

text_metrics *text_metrics_new(void)
{
	text_metrics *tm = calloc(1, sizeof *tm);
	if (!tm)
		return NULL;
	tm->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	tm->cr = cairo_create(tm->surface);
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(tm->cr, options);
	cairo_font_options_destroy(options);
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
	char glyph[2] = { 0, 0 };
	for (int c = ' '; c <= '~'; c++) {
		glyph[0] = (char)c;
		cairo_text_extents_t extents;
		cairo_text_extents(tm->cr, glyph, &extents);
		tm->advances[c] = extents.x_advance;
	}
}

double text_width(text_metrics *tm, const char *text, double size, bool bold)
{
	use_font(tm, size, bold);
	double width = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p < ' ' || *p > '~') {
			cairo_text_extents_t extents;
			cairo_text_extents(tm->cr, text, &extents);
			return extents.x_advance;
		}
		width += tm->advances[*p];
	}
	return width;
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
