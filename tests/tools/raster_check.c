/*
 * raster_check.c - test tool: a risk diagram as pixels (a PNG written by
 * natrisk, or a PDF turned into a PNG by pdftoppm) against the SVG of the
 * same drawing: every point of the SVG must show in the picture, at least
 * a quarter of the inside of its disc in its own colour (give scenarios
 * that share a place colours of their own, or a point hidden under one of
 * the same colour would pass). The pixels are read with cairo; nothing of
 * natrisk's drawing code is used.
 *
 *   raster_check FILE.png SCALE FILE.svg
 *
 * SCALE: pixels per SVG unit. Exit 0 when every point shows; otherwise
 * prints each point that does not and exits 1.
 */
#include "svg_doc.h"

/* Whether the pixel at (x, y) has colour RGB (antialiasing aside). */
static bool pixel_is(const unsigned char *data, int stride, int x, int y,
                     unsigned rgb)
{
	uint32_t pixel;
	memcpy(&pixel, data + (size_t)y * (size_t)stride + (size_t)x * 4, 4);
	for (int shift = 0; shift <= 16; shift += 8) {
		int have = (int)((pixel >> shift) & 255);
		int want = (int)((rgb >> shift) & 255);
		if (abs(have - want) > 12)
			return false;
	}
	return true;
}

/* The share of the inside of point M (a pixel and a half from its edge,
 * clear of the outline) in its own colour. */
static double colour_share(cairo_surface_t *image, double scale,
                           const mark *m)
{
	const unsigned char *data = cairo_image_surface_get_data(image);
	int stride = cairo_image_surface_get_stride(image);
	int width = cairo_image_surface_get_width(image);
	int height = cairo_image_surface_get_height(image);
	double r = (m->r - 1.5) * scale, cx = m->p[0] * scale,
	       cy = m->p[1] * scale;
	size_t all = 0, own = 0;
	for (int y = (int)floor(cy - r); y <= (int)ceil(cy + r); y++)
		for (int x = (int)floor(cx - r); x <= (int)ceil(cx + r); x++) {
			if (hypot(x + 0.5 - cx, y + 0.5 - cy) > r)
				continue;
			all++;
			if (x >= 0 && y >= 0 && x < width && y < height)
				own += pixel_is(data, stride, x, y, m->fill);
		}
	return all ? (double)own / (double)all : 0;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: raster_check FILE.png SCALE FILE.svg\n");
		return 2;
	}
	tool_name = "raster_check";
	double scale = strtod(argv[2], NULL);
	cairo_surface_t *png = cairo_image_surface_create_from_png(argv[1]);
	if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
		printf("%s: %s is not a PNG\n", tool_name, argv[1]);
		cairo_surface_destroy(png);
		return 1;
	}
	/* whatever the PNG's format, read it as 32-bit RGB */
	cairo_surface_t *image = cairo_image_surface_create(
		CAIRO_FORMAT_RGB24, cairo_image_surface_get_width(png),
		cairo_image_surface_get_height(png));
	cairo_t *cr = cairo_create(image);
	cairo_set_source_surface(cr, png, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_flush(image);
	cairo_surface_destroy(png);
	if (!read_diagram(argv[3])) {
		cairo_surface_destroy(image);
		return 1;
	}
	size_t points = 0;
	for (size_t i = 0; i < mark_count; i++) {
		if (!marks[i].filled)
			continue;
		points++;
		double share = colour_share(image, scale, &marks[i]);
		if (share < 0.25) {
			char text[64];
			snprintf(text, sizeof text, "%.0f %%", share * 100);
			fail("the point of '%s' shows %s of its colour", marks[i].id,
			     text);
		}
	}
	if (points == 0)
		fail("no points in %s%s", argv[3], "");
	if (failures == 0)
		printf("raster_check: %s: all %zu points show\n", argv[1], points);
	free_diagram();
	cairo_surface_destroy(image);
	return failures ? 1 : 0;
}
