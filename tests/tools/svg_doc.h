/*
 * svg_doc.h - for the test tools svg_check and raster_check: a risk
 * diagram SVG read with libxml2 into what the checks look at, measured
 * independently of the code that drew it: the texts (each line's box,
 * measured with cairo in the font the SVG names, anchor and weight taken
 * into account; a text's lines are its tspans), the labels among them,
 * the marks a label must keep clear of (circles, lines, paths,
 * polygons; but the background: class="band" and "cloud") in drawing
 * order, the plot frame and the legend's marks.
 *
 * Header-only (static functions): each tool is a single file.
 */
#ifndef SVG_DOC_H
#define SVG_DOC_H

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LINES = 16, MAX_TEXTS = 8192, MAX_MARKS = 16384 };

typedef struct rect {
	double x0, y0, x1, y1;
} rect;

typedef struct label {
	rect lines[MAX_LINES]; /* each line's box */
	int line_count;
	rect box;              /* all of them */
	double y;              /* the first baseline */
	char *text;            /* the lines joined by spaces */
	char *ids;             /* data-scenario, or class for other texts */
	char *role;            /* class */
} label;

typedef enum { MARK_DISC, MARK_LINE, MARK_LEADER, MARK_POLYGON } mark_kind;

/* Something drawn: a circle (p[0], p[1], r), a segment p[0..3] (a path
 * gives one per segment) or a polygon's bounding box p[0..3]. */
typedef struct mark {
	mark_kind kind;
	double p[4], r;   /* r: a circle's radius or a line's half width,
	                   * strokes included */
	bool filled;      /* a class="point" circle */
	unsigned fill;    /* its colour, 0xRRGGBB */
	bool legend;      /* right of the plot frame */
	const char *what; /* "point", "whisker", "arrow", "leader" ... */
	char *id;         /* data-scenario, or "" */
} mark;

static label texts[MAX_TEXTS], labels[MAX_TEXTS];
static size_t text_count, label_count;
static mark marks[MAX_MARKS];
static size_t mark_count;
static rect frame;
static double page_width, page_height;
static int axis_letters;
static int failures;
static cairo_t *measure;
static const char *tool_name = "svg_check"; /* before each message */

static void fail(const char *fmt, const char *a, const char *b)
{
	printf("%s: ", tool_name);
	printf(fmt, a, b);
	printf("\n");
	failures++;
}

static double number(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	double d = v ? strtod((const char *)v, NULL) : 0;
	xmlFree(v);
	return d;
}

static double number_or(xmlNode *node, const char *name, double otherwise)
{
	return xmlHasProp(node, (const xmlChar *)name) ? number(node, name)
	                                               : otherwise;
}

static char *text_prop(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	char *copy = strdup(v ? (const char *)v : "");
	xmlFree(v);
	return copy;
}

static bool has_class(xmlNode *node, const char *cls)
{
	char *v = text_prop(node, "class");
	bool yes = strcmp(v, cls) == 0;
	free(v);
	return yes;
}

/* One line of text at (x, y) as NODE (or its text) sets it. */
static rect line_box(xmlNode *node, double x, double y, const char *content)
{
	char *weight = text_prop(node, "font-weight");
	char *anchor = text_prop(node, "text-anchor");
	cairo_select_font_face(measure, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	                       strcmp(weight, "bold") == 0
	                               ? CAIRO_FONT_WEIGHT_BOLD
	                               : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(measure, number(node, "font-size"));
	cairo_text_extents_t te;
	cairo_font_extents_t fe;
	cairo_text_extents(measure, content, &te);
	cairo_font_extents(measure, &fe);
	double w = te.x_advance;
	if (strcmp(anchor, "middle") == 0)
		x -= w / 2;
	else if (strcmp(anchor, "end") == 0)
		x -= w;
	free(weight);
	free(anchor);
	return (rect){ x, y - fe.ascent, x + w, y + fe.descent };
}

static void add_line(label *t, xmlNode *text, double x, double y,
                     const char *content)
{
	if (t->line_count == MAX_LINES)
		return;
	rect b = line_box(text, x, y, content);
	t->lines[t->line_count++] = b;
	t->box = t->line_count == 1 ? b
	                            : (rect){ fmin(t->box.x0, b.x0),
	                                      fmin(t->box.y0, b.y0),
	                                      fmax(t->box.x1, b.x1),
	                                      fmax(t->box.y1, b.y1) };
	size_t old = strlen(t->text), more = strlen(content);
	char *joined = realloc(t->text, old + more + 2);
	if (!joined)
		return;
	if (old)
		joined[old++] = ' ';
	memcpy(joined + old, content, more + 1);
	t->text = joined;
}

/* A text and its lines: its tspans, each placed, or its content. */
static void read_text(xmlNode *node, label *t)
{
	*t = (label){ .text = strdup(""), .ids = text_prop(node, "data-scenario"),
		      .role = text_prop(node, "class"),
		      .y = number(node, "y") };
	bool spans = false;
	for (xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "tspan") == 0) {
			xmlChar *content = xmlNodeGetContent(c);
			add_line(t, node, number_or(c, "x", number(node, "x")),
			         number_or(c, "y", number(node, "y")),
			         (const char *)content);
			xmlFree(content);
			spans = true;
		}
	if (!spans) {
		xmlChar *content = xmlNodeGetContent(node);
		add_line(t, node, number(node, "x"), number(node, "y"),
		         (const char *)content);
		xmlFree(content);
	}
}

static void free_label(label *t)
{
	free(t->text);
	free(t->ids);
	free(t->role);
}

static mark *new_mark(xmlNode *node, mark_kind kind)
{
	if (mark_count == MAX_MARKS)
		return NULL;
	mark *m = &marks[mark_count++];
	char *cls = text_prop(node, "class");
	static const char *const known[] = { "point", "new", "previous",
		"whisker", "arrow", "leader" };
	*m = (mark){ .kind = kind, .what = "mark",
		     .id = text_prop(node, "data-scenario") };
	for (size_t k = 0; k < sizeof known / sizeof *known; k++)
		if (strcmp(cls, known[k]) == 0)
			m->what = known[k];
	if (kind == MARK_LINE && strcmp(cls, "leader") == 0)
		m->kind = MARK_LEADER;
	if (kind == MARK_LINE && !*cls)
		m->what = "line"; /* older diagrams drew whiskers so */
	free(cls);
	return m;
}

/* NODE or the nearest group around it that sets paint attribute NAME
 * (a run of marks painted alike shares a <g>), or NODE. */
static xmlNode *painter(xmlNode *node, const char *name)
{
	for (xmlNode *n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (xmlHasProp(n, (const xmlChar *)name))
			return n;
	return node;
}

static double half_stroke(xmlNode *node)
{
	char *stroke = text_prop(painter(node, "stroke"), "stroke");
	double half = *stroke && strcmp(stroke, "none") != 0
	                      ? number_or(painter(node, "stroke-width"),
	                                  "stroke-width", 1) / 2 : 0;
	free(stroke);
	return half;
}

static void add_segment(xmlNode *node, double x0, double y0, double x1,
                        double y1)
{
	mark *m = new_mark(node, MARK_LINE);
	if (!m)
		return;
	m->p[0] = x0, m->p[1] = y0, m->p[2] = x1, m->p[3] = y1;
	m->r = half_stroke(node);
	m->legend = fmin(x0, x1) > frame.x1 && frame.x1 > frame.x0;
}

/* "M x y L x y M x y H x V y h dx v dy m dx dy ...": the segments our
 * writer draws (each from a move, absolute or relative, across, upright
 * or any way). */
static void read_path(xmlNode *node)
{
	char *d = text_prop(node, "d");
	double x = 0, y = 0;
	for (char *p = d; *p;) {
		char command = *p;
		if (!strchr("MLHVhvm", command)) {
			p++;
			continue;
		}
		char *end;
		double nx = x, ny = y, a = strtod(p + 1, &end);
		switch (command) {
		case 'M': case 'L': nx = a, ny = strtod(end, &end); break;
		case 'm': nx = x + a, ny = y + strtod(end, &end); break;
		case 'H': nx = a; break;
		case 'V': ny = a; break;
		case 'h': nx = x + a; break;
		case 'v': ny = y + a; break;
		}
		if (command != 'M' && command != 'm')
			add_segment(node, x, y, nx, ny);
		x = nx, y = ny;
		p = end;
	}
	free(d);
}

static void read_circle(xmlNode *node)
{
	mark *m = new_mark(node, MARK_DISC);
	if (!m)
		return;
	m->p[0] = number(node, "cx");
	m->p[1] = number(node, "cy");
	m->r = number(node, "r") + half_stroke(node);
	m->filled = has_class(node, "point");
	char *fill = text_prop(painter(node, "fill"), "fill");
	m->fill = fill[0] == '#' ? (unsigned)strtoul(fill + 1, NULL, 16) : 0;
	m->legend = m->p[0] > frame.x1 && frame.x1 > frame.x0;
	free(fill);
}

static void read_polygon(xmlNode *node)
{
	mark *m = new_mark(node, MARK_POLYGON);
	if (!m)
		return;
	char *points = text_prop(node, "points"), *p = points, *end;
	m->p[0] = m->p[1] = HUGE_VAL;
	m->p[2] = m->p[3] = -HUGE_VAL;
	for (;;) {
		double x = strtod(p, &end);
		if (end == p)
			break;
		p = end + strspn(end, ", ");
		double y = strtod(p, &end);
		p = end + strspn(end, ", ");
		m->p[0] = fmin(m->p[0], x), m->p[2] = fmax(m->p[2], x);
		m->p[1] = fmin(m->p[1], y), m->p[3] = fmax(m->p[3], y);
	}
	m->legend = m->p[0] > frame.x1 && frame.x1 > frame.x0;
	free(points);
}

static void read_text_node(xmlNode *node)
{
	if (text_count == MAX_TEXTS ||
	    xmlHasProp(node, (const xmlChar *)"transform"))
		return;
	label *t = &texts[text_count++];
	read_text(node, t);
	if (strcmp(t->role, "label") == 0 && label_count < MAX_TEXTS) {
		read_text(node, &labels[label_count++]);
	} else if (strcmp(t->role, "axis") == 0 && strlen(t->text) == 1 &&
	           t->text[0] >= 'A' && t->text[0] <= 'E') {
		axis_letters++;
	}
}

static void visit(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)node->name;
		if (strcmp(name, "text") == 0) {
			read_text_node(node);
			continue; /* its tspans are read with it */
		}
		if (has_class(node, "cloud"))
			continue; /* background, like the bands */
		if (strcmp(name, "circle") == 0)
			read_circle(node);
		else if (strcmp(name, "line") == 0)
			add_segment(node, number(node, "x1"), number(node, "y1"),
			            number(node, "x2"), number(node, "y2"));
		else if (strcmp(name, "path") == 0)
			read_path(node);
		else if (strcmp(name, "polygon") == 0)
			read_polygon(node);
		else if (strcmp(name, "rect") == 0 && has_class(node, "frame"))
			frame = (rect){ number(node, "x"), number(node, "y"),
				        number(node, "x") + number(node, "width"),
				        number(node, "y") + number(node, "height") };
		visit(node->children);
	}
}

static void open_measure(void)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	measure = cairo_create(surface);
	cairo_surface_destroy(surface); /* the context keeps it */
	/* Unhinted, as a browser lays out the SVG. */
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(measure, options);
	cairo_font_options_destroy(options);
}

static xmlDoc *open_svg(const char *path)
{
	xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	if (!doc)
		printf("%s: %s is not well-formed XML\n", tool_name, path);
	open_measure();
	return doc;
}

/* Reads a diagram; false (and a message) when it is not XML. The frame
 * comes first in the file, so that the marks know the legend. */
static bool read_diagram(const char *path)
{
	xmlDoc *doc = open_svg(path);
	if (!doc) {
		cairo_destroy(measure);
		return false;
	}
	xmlNode *root = xmlDocGetRootElement(doc);
	page_width = number(root, "width");
	page_height = number(root, "height");
	visit(root);
	xmlFreeDoc(doc);
	return true;
}

static void free_diagram(void)
{
	cairo_destroy(measure);
	for (size_t i = 0; i < text_count; i++)
		free_label(&texts[i]);
	for (size_t i = 0; i < label_count; i++)
		free_label(&labels[i]);
	for (size_t i = 0; i < mark_count; i++)
		free(marks[i].id);
}

#endif
