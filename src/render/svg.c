/*
 * svg.c - our SVG writer: one element per scene shape, text as <text> so
 * that the diagram is searchable and accessible, with class and data
 * attributes saying what each element means (tests and stylesheets rely on
 * them: class="label" data-scenario="ID ...", class="point" ...).
 */
#include <stdio.h>
#include <string.h>

#include "scene.h"
#include "text_metrics.h"

static void xml_escape(FILE *out, const char *text)
{
	for (const char *p = text ? text : ""; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*p, out);
		}
	}
}

static void paint(FILE *out, const char *attribute, rgba c)
{
	if (c.a == 0) {
		fprintf(out, " %s=\"none\"", attribute);
		return;
	}
	fprintf(out, " %s=\"#%02x%02x%02x\"", attribute, c.r, c.g, c.b);
	if (c.a != 255)
		fprintf(out, " %s-opacity=\"%.3g\"", attribute, c.a / 255.0);
}

static void meaning(FILE *out, const shape *s)
{
	if (s->role)
		fprintf(out, " class=\"%s\"", s->role);
	if (s->scenario) {
		fputs(" data-scenario=\"", out);
		xml_escape(out, s->scenario);
		fputc('"', out);
	}
}

static void stroke(FILE *out, const shape *s)
{
	paint(out, "stroke", s->stroke);
	if (s->stroke.a && s->stroke_width != 1)
		fprintf(out, " stroke-width=\"%.3g\"", s->stroke_width);
}

static void write_text(FILE *out, const shape *s)
{
	static const char *const anchors[] = { "start", "middle", "end" };
	fprintf(out, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.3g\"", s->x,
	        s->y, s->font_size);
	if (s->anchor != ANCHOR_START)
		fprintf(out, " text-anchor=\"%s\"", anchors[s->anchor]);
	if (s->bold)
		fputs(" font-weight=\"bold\"", out);
	if (s->vertical)
		fprintf(out, " transform=\"rotate(-90 %.2f %.2f)\"", s->x, s->y);
	paint(out, "fill", s->fill);
	meaning(out, s);
	fputc('>', out);
	xml_escape(out, s->text);
	fputs("</text>\n", out);
}

static void write_shape(FILE *out, const shape *s)
{
	switch (s->kind) {
	case SHAPE_RECT:
		fprintf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
		        "height=\"%.2f\"", s->x, s->y, s->w, s->h);
		paint(out, "fill", s->fill);
		stroke(out, s);
		break;
	case SHAPE_LINE:
		fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" "
		        "y2=\"%.2f\"", s->x, s->y, s->x2, s->y2);
		stroke(out, s);
		break;
	case SHAPE_CIRCLE:
		fprintf(out, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\"", s->x,
		        s->y, s->r);
		paint(out, "fill", s->fill);
		stroke(out, s);
		break;
	case SHAPE_POLYGON:
		fputs("<polygon points=\"", out);
		for (int i = 0; i < s->point_count; i++)
			fprintf(out, "%s%.2f,%.2f", i ? " " : "", s->points[2 * i],
			        s->points[2 * i + 1]);
		fputc('"', out);
		paint(out, "fill", s->fill);
		stroke(out, s);
		break;
	case SHAPE_TEXT:
		write_text(out, s);
		return;
	}
	if (s->dashed)
		fputs(" stroke-dasharray=\"4 3\"", out);
	meaning(out, s);
	if (s->tooltip) {
		fputs("><title>", out);
		xml_escape(out, s->tooltip);
		fprintf(out, "</title></%s>\n",
		        s->kind == SHAPE_CIRCLE ? "circle" :
		        s->kind == SHAPE_RECT ? "rect" :
		        s->kind == SHAPE_LINE ? "line" : "polygon");
	} else {
		fputs("/>\n", out);
	}
}

int natrisk_scene_write_svg(const natrisk_scene *scene, bool inline_svg,
                            FILE *out)
{
	if (!inline_svg)
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	        "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
	        "role=\"img\" aria-labelledby=\"natrisk-title "
	        "natrisk-desc\" font-family=\"%s\">\n",
	        scene->width, scene->height, scene->width, scene->height,
	        DIAGRAM_FONT_CSS);
	fputs("<title id=\"natrisk-title\">", out);
	xml_escape(out, scene->title);
	fputs("</title>\n<desc id=\"natrisk-desc\">", out);
	xml_escape(out, scene->description);
	fputs("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
	      out);
	for (size_t i = 0; i < scene->count; i++)
		write_shape(out, &scene->shapes[i]);
	fputs("</svg>\n", out);
	return ferror(out) ? NATRISK_EIO : NATRISK_OK;
}
