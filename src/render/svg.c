/*
 * svg.c - our SVG writer: one element per scene shape (but a scenario's
 * segments drawn alike, its two whiskers, are one path), text as <text>
 * so that the diagram is searchable and accessible, with class and data
 * attributes saying what each element means (tests and stylesheets rely on
 * them: class="label" data-scenario="ID ...", class="point" ...). A run of
 * shapes of one kind and meaning shares a <g> that carries their paint;
 * where their colours differ (the themes' points and whiskers), each
 * names its own colour and the <g> their common opacity.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "scene.h"
#include "text_metrics.h"

/* The first LENGTH bytes of TEXT (up to its end). */
static void xml_escape_n(FILE *out, const char *text, size_t length)
{
	const char *p = text ? text : "", *end = p + strnlen(p, length);
	for (;;) {
		size_t plain = strcspn(p, "&<>\"'");
		if (plain > (size_t)(end - p))
			plain = (size_t)(end - p);
		fwrite(p, 1, plain, out);
		p += plain;
		if (p == end)
			return;
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		}
		p++;
	}
}

static void xml_escape(FILE *out, const char *text)
{
	xml_escape_n(out, text, (size_t)-1);
}

/* name="value" to two decimals, trailing zeros dropped: most of an SVG
 * is such numbers. */
static void number(FILE *out, const char *name, double value)
{
	fputc(' ', out);
	fputs(name, out);
	fputs("=\"", out);
	fmt_put_trim(out, value, 2);
	fputc('"', out);
}

static void paint(FILE *out, const char *attribute, rgba c)
{
	if (c.a == 0) {
		fmt_print(out, " %s=\"none\"", attribute);
		return;
	}
	static const char hex[] = "0123456789abcdef";
	char colour[8] = { '#', hex[c.r >> 4], hex[c.r & 15], hex[c.g >> 4],
		           hex[c.g & 15], hex[c.b >> 4], hex[c.b & 15], '"' };
	fputc(' ', out);
	fputs(attribute, out);
	fputs("=\"", out);
	fwrite(colour, 1, sizeof colour, out);
	if (c.a != 255)
		fmt_print(out, " %s-opacity=\"%s\"", attribute,
		        fmt_short((char[40]){ 0 }, c.a / 255.0));
}

static void meaning(FILE *out, const shape *s)
{
	if (s->role)
		fmt_print(out, " class=\"%s\"", s->role);
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
		fmt_print(out, " stroke-width=\"%s\"",
		        fmt_short((char[40]){ 0 }, s->stroke_width));
}

/* One line as it is; more as a tspan each, every one placed, so that
 * any SVG reader shows them where cairo draws them. */
static void write_lines(FILE *out, const shape *s)
{
	const char *text = s->text ? s->text : "";
	if (!strchr(text, '\n')) {
		xml_escape(out, text);
		return;
	}
	double y = s->y;
	for (const char *line = text;; y += s->line_height) {
		size_t n = strcspn(line, "\n");
		fputs("<tspan", out);
		number(out, "x", s->x);
		number(out, "y", y);
		fputc('>', out);
		xml_escape_n(out, line, n);
		fputs("</tspan>", out);
		if (!line[n])
			break;
		line += n + 1;
	}
}

static void write_text(FILE *out, const shape *s)
{
	static const char *const anchors[] = { "start", "middle", "end" };
	fputs("<text", out);
	number(out, "x", s->x);
	number(out, "y", s->y);
	fmt_print(out, " font-size=\"%s\"",
	        fmt_short((char[40]){ 0 }, s->font_size));
	if (s->anchor != ANCHOR_START)
		fmt_print(out, " text-anchor=\"%s\"", anchors[s->anchor]);
	if (s->bold)
		fputs(" font-weight=\"bold\"", out);
	if (s->vertical)
		fmt_print(out, " transform=\"rotate(-90 %s %s)\"",
		        FMT_TRIM(s->x, 2), FMT_TRIM(s->y, 2));
	paint(out, "fill", s->fill);
	meaning(out, s);
	fputc('>', out);
	write_lines(out, s);
	fputs("</text>\n", out);
}

/* Where a path's pen is, in hundredths of a pixel (the precision of its
 * numbers): moves are written relative to it when that is shorter. */
typedef struct pen {
	bool placed;
	long long x, y;
} pen;

static long long hundredths(double value)
{
	return llround(value * 100);
}

/* V hundredths as a number: "-3", "503.36", "0.5". */
static size_t hundredths_text(char *buf, long long v)
{
	char digits[32];
	size_t n = 0, len = 0;
	unsigned long long a = v < 0 ? 0ull - (unsigned long long)v
	                              : (unsigned long long)v;
	if (v < 0)
		buf[len++] = '-';
	do {
		digits[n++] = (char)('0' + a % 10);
		a /= 10;
	} while (a > 0 || n < 3);
	while (n > 2)
		buf[len++] = digits[--n];
	if (digits[1] != '0' || digits[0] != '0') {
		buf[len++] = '.';
		buf[len++] = digits[1];
		if (digits[0] != '0')
			buf[len++] = digits[0];
	}
	buf[len] = '\0';
	return len;
}

/* "x y", or "x-y" (the minus separates), into BUF. */
static size_t pair_text(char *buf, long long x, long long y)
{
	size_t len = hundredths_text(buf, x);
	if (y >= 0)
		buf[len++] = ' ';
	return len + hundredths_text(buf + len, y);
}

/* A move to (X, Y): "Mx y", or "mdx dy" from the pen when shorter. */
static void move_to(FILE *out, pen *at, long long x, long long y)
{
	char absolute[80], relative[80];
	size_t a = pair_text(absolute, x, y), r = SIZE_MAX;
	if (at->placed)
		r = pair_text(relative, x - at->x, y - at->y);
	fputc(r < a ? 'm' : 'M', out);
	fwrite(r < a ? relative : absolute, 1, r < a ? r : a, out);
}

/* Each segment as a move and its end as "hdx" across, "vdy" upright or
 * "Lx y": the whiskers and their caps, most of the diagram's paths (a
 * cap is then "v6", and the move to it mostly a short "m"). */
static void write_segment_data(FILE *out, const shape *s, pen *at)
{
	char buf[80];
	for (int i = 0; i + 1 < s->point_count; i += 2) {
		const double *a = &s->points[2 * i], *b = a + 2;
		long long ax = hundredths(a[0]), ay = hundredths(a[1]);
		long long bx = hundredths(b[0]), by = hundredths(b[1]);
		move_to(out, at, ax, ay);
		if (ay == by && ax != bx) {
			fputc('h', out);
			fwrite(buf, 1, hundredths_text(buf, bx - ax), out);
		} else if (ax == bx) {
			fputc('v', out);
			fwrite(buf, 1, hundredths_text(buf, by - ay), out);
		} else {
			fputc('L', out);
			fwrite(buf, 1, pair_text(buf, bx, by), out);
		}
		*at = (pen){ true, bx, by };
	}
}

/* Whether B continues A's path: the same scenario's segments drawn
 * alike, one after the other (its two whiskers), written as one. */
static bool same_path(const shape *a, const shape *b)
{
	return a->kind == SHAPE_SEGMENTS && b->kind == SHAPE_SEGMENTS &&
	       !a->tooltip && !b->tooltip && a->scenario && b->scenario &&
	       strcmp(a->scenario, b->scenario) == 0 && a->role && b->role &&
	       strcmp(a->role, b->role) == 0 &&
	       memcmp(&a->stroke, &b->stroke, sizeof a->stroke) == 0 &&
	       a->stroke_width == b->stroke_width && a->dashed == b->dashed;
}

/* How S is painted: its fill (none for segments; lines have none) and
 * stroke, on the shape or on the <g> of a run painted alike. */
static void shape_paint(FILE *out, const shape *s)
{
	if (s->kind == SHAPE_SEGMENTS)
		fputs(" fill=\"none\"", out);
	else if (s->kind != SHAPE_LINE)
		paint(out, "fill", s->fill);
	stroke(out, s);
	if (s->dashed)
		fputs(" stroke-dasharray=\"4 3\"", out);
}

static bool same_rgb(rgba a, rgba b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* Whether B may join A's <g>: the same kind and meaning, painted alike
 * but for the colours, whose opacity is the same. */
static bool same_family(const shape *a, const shape *b)
{
	return a->kind != SHAPE_TEXT && a->kind == b->kind &&
	       (a->role == b->role ||
	        (a->role && b->role && strcmp(a->role, b->role) == 0)) &&
	       a->fill.a == b->fill.a && a->stroke.a == b->stroke.a &&
	       a->stroke_width == b->stroke_width && a->dashed == b->dashed;
}

/* What the <g> of a run does not carry: the colours that differ within
 * it (none, when every shape is painted the same). */
typedef struct own_paint {
	bool fill, stroke;
} own_paint;

/* The colour of C without its opacity (the <g> carries that). */
static void colour_only(FILE *out, const char *attribute, rgba c)
{
	paint(out, attribute, (rgba){ c.r, c.g, c.b, c.a ? 255 : 0 });
}

/* The opacity of C alone ("none" when it has none). */
static void opacity_only(FILE *out, const char *attribute, rgba c)
{
	if (c.a == 0)
		fmt_print(out, " %s=\"none\"", attribute);
	else if (c.a != 255)
		fmt_print(out, " %s-opacity=\"%s\"", attribute,
		          fmt_short((char[40]){ 0 }, c.a / 255.0));
}

/* The <g> paint of a run led by S: all of it, but the colours that
 * differ within the run (OWN) only by their opacity. */
static void group_paint(FILE *out, const shape *s, own_paint own)
{
	if (s->kind == SHAPE_SEGMENTS)
		fputs(" fill=\"none\"", out);
	else if (s->kind != SHAPE_LINE && own.fill)
		opacity_only(out, "fill", s->fill);
	else if (s->kind != SHAPE_LINE)
		paint(out, "fill", s->fill);
	if (own.stroke)
		opacity_only(out, "stroke", s->stroke);
	else
		paint(out, "stroke", s->stroke);
	if (s->stroke.a && s->stroke_width != 1)
		fmt_print(out, " stroke-width=\"%s\"",
		          fmt_short((char[40]){ 0 }, s->stroke_width));
	if (s->dashed)
		fputs(" stroke-dasharray=\"4 3\"", out);
}

/* S and the RUN - 1 shapes after it that continue its path; GROUPED:
 * painted by the <g> around it, but for the colours in OWN. */
static void write_shape(FILE *out, const shape *s, size_t run, bool grouped,
                        own_paint own)
{
	switch (s->kind) {
	case SHAPE_RECT:
		fputs("<rect", out);
		number(out, "x", s->x);
		number(out, "y", s->y);
		number(out, "width", s->w);
		number(out, "height", s->h);
		break;
	case SHAPE_LINE:
		fputs("<line", out);
		number(out, "x1", s->x);
		number(out, "y1", s->y);
		number(out, "x2", s->x2);
		number(out, "y2", s->y2);
		break;
	case SHAPE_CIRCLE:
		fputs("<circle", out);
		number(out, "cx", s->x);
		number(out, "cy", s->y);
		number(out, "r", s->r);
		break;
	case SHAPE_POLYGON:
		fputs("<polygon points=\"", out);
		for (int i = 0; i < s->point_count; i++) {
			if (i)
				fputc(' ', out);
			fmt_put_trim(out, s->points[2 * i], 2);
			fputc(',', out);
			fmt_put_trim(out, s->points[2 * i + 1], 2);
		}
		fputc('"', out);
		break;
	case SHAPE_SEGMENTS:
		fputs("<path d=\"", out);
		pen at = { false, 0, 0 };
		for (size_t k = 0; k < run; k++)
			write_segment_data(out, &s[k], &at);
		fputc('"', out);
		break;
	case SHAPE_TEXT:
		write_text(out, s);
		return;
	}
	if (!grouped)
		shape_paint(out, s);
	if (grouped && own.fill && s->fill.a && s->kind != SHAPE_LINE &&
	    s->kind != SHAPE_SEGMENTS)
		colour_only(out, "fill", s->fill);
	if (grouped && own.stroke && s->stroke.a)
		colour_only(out, "stroke", s->stroke);
	meaning(out, s);
	if (s->tooltip) {
		fputs("><title>", out);
		xml_escape(out, s->tooltip);
		fmt_print(out, "</title></%s>\n",
		        s->kind == SHAPE_CIRCLE ? "circle" :
		        s->kind == SHAPE_RECT ? "rect" :
		        s->kind == SHAPE_LINE ? "line" :
		        s->kind == SHAPE_SEGMENTS ? "path" : "polygon");
	} else {
		fputs("/>\n", out);
	}
}

/* How many shapes from I on make one path. */
static size_t path_length(const natrisk_scene *scene, size_t i)
{
	size_t n = 1;
	while (i + n < scene->count &&
	       same_path(&scene->shapes[i], &scene->shapes[i + n]))
		n++;
	return n;
}

/* The shapes from I on of one kind and meaning, painted alike but for
 * their colours, in a <g> that carries what they share when they are
 * more than one (a diagram's whiskers, its points: each then names its
 * theme's colour only); the index after them. */
static size_t write_run(FILE *out, const natrisk_scene *scene, size_t i)
{
	const shape *first = &scene->shapes[i];
	size_t end = i + path_length(scene, i), elements = 1;
	own_paint own = { false, false };
	for (; end < scene->count && same_family(first, &scene->shapes[end]);
	     elements++) {
		const shape *next = &scene->shapes[end];
		own.fill |= !same_rgb(first->fill, next->fill);
		own.stroke |= !same_rgb(first->stroke, next->stroke);
		end += path_length(scene, end);
	}
	bool grouped = elements > 1;
	if (grouped) {
		fputs("<g", out);
		group_paint(out, first, own);
		fputs(">\n", out);
	}
	for (size_t k = i, n; k < end; k += n) {
		n = path_length(scene, k);
		write_shape(out, &scene->shapes[k], n, grouped, own);
	}
	if (grouped)
		fputs("</g>\n", out);
	return end;
}

int natrisk_scene_write_svg(const natrisk_scene *scene, bool inline_svg,
                            FILE *out)
{
	if (!inline_svg)
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	const char *id = scene->id ? scene->id : "natrisk";
	fmt_print(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	        "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
	        "role=\"img\" aria-labelledby=\"%s-title %s-desc\" "
	        "font-family=\"%s\">\n",
	        scene->width, scene->height, scene->width, scene->height, id,
	        id, DIAGRAM_FONT_CSS);
	fmt_print(out, "<title id=\"%s-title\">", id);
	xml_escape(out, scene->title);
	fmt_print(out, "</title>\n<desc id=\"%s-desc\">", id);
	xml_escape(out, scene->description);
	fputs("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
	      out);
	/* held once: each write then takes the lock it already has */
	flockfile(out);
	for (size_t i = 0; i < scene->count;)
		i = write_run(out, scene, i);
	funlockfile(out);
	fputs("</svg>\n", out);
	return ferror(out) ? NATRISK_EIO : NATRISK_OK;
}
