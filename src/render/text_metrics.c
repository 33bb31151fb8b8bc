/*
 * text_metrics.c - see text_metrics.h. A 1x1 image surface is enough for
 * cairo to answer questions about text. Metrics are unhinted, as in a
 * browser drawing the SVG. The toy text API neither kerns nor shapes, so a
 * printable-ASCII string is as wide as the sum of its characters' advances:
 * each is measured once per font and size, when first needed (the few
 * fonts a diagram uses are kept side by side), and only other text goes
 * through cairo each time.
 */
#include "text_metrics.h"

#include <cairo.h>
#include <stdlib.h>

/* The advances of one font's printable ASCII, measured once. */
typedef struct font_cache {
	double size;
	bool bold;
	double advances[128]; /* from ' ' to '~'; -1 until measured */
	double ascent, descent;
} font_cache;

enum { FONTS = 4 }; /* a diagram uses three: title, labels, legend */

struct text_metrics {
	cairo_surface_t *surface;
	cairo_t *cr;
	double size; /* of the font selected in CR */
	bool bold;
	font_cache fonts[FONTS];
	size_t font_count, next; /* NEXT: the slot to reuse when all are full */
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

static void select_font(text_metrics *tm, double size, bool bold)
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

/* The measures of a font, from the cache or measured now. */
static font_cache *use_font(text_metrics *tm, double size, bool bold)
{
	for (size_t i = 0; i < tm->font_count; i++)
		if (tm->fonts[i].size == size && tm->fonts[i].bold == bold)
			return &tm->fonts[i];
	size_t slot = tm->font_count < FONTS ? tm->font_count++
	                                     : tm->next++ % FONTS;
	font_cache *f = &tm->fonts[slot];
	f->size = size;
	f->bold = bold;
	for (int c = 0; c < 128; c++)
		f->advances[c] = -1; /* measured when first asked for */
	select_font(tm, size, bold);
	cairo_font_extents_t extents;
	cairo_font_extents(tm->cr, &extents);
	f->ascent = extents.ascent;
	f->descent = extents.descent;
	return f;
}

static double advance(text_metrics *tm, font_cache *f, unsigned char c)
{
	if (f->advances[c] < 0) {
		select_font(tm, f->size, f->bold);
		char glyph[2] = { (char)c, 0 };
		cairo_text_extents_t extents;
		cairo_text_extents(tm->cr, glyph, &extents);
		f->advances[c] = extents.x_advance;
	}
	return f->advances[c];
}

double text_width(text_metrics *tm, const char *text, double size, bool bold)
{
	font_cache *f = use_font(tm, size, bold);
	double width = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p < ' ' || *p > '~') {
			select_font(tm, size, bold);
			cairo_text_extents_t extents;
			cairo_text_extents(tm->cr, text, &extents);
			return extents.x_advance;
		}
		width += advance(tm, f, *p);
	}
	return width;
}

void text_extent(text_metrics *tm, double size, double *ascent,
                 double *descent)
{
	const font_cache *f = use_font(tm, size, false);
	*ascent = f->ascent;
	*descent = f->descent;
}
