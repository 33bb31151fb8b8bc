/*
 * svg_check.c - test tool: reads a risk diagram SVG with libxml2 and checks
 * what the diagram promises, independently of the code that drew it:
 *   - every scenario id given on the command line has a point and a label
 *     (class="label", data-scenario listing it), unless the legend says
 *     points went unlabelled and --allow-unlabelled is given;
 *   - no label's box overlaps another label's box or any point or ring
 *     (boxes measured here with cairo, in the font the SVG names);
 *   - every label lies inside the plot frame;
 *   - the axis labels A..E appear on both axes.
 *
 *   svg_check FILE.svg [--allow-unlabelled] ID...
 * Exit 0 when all hold; otherwise prints each failure and exits 1.
 */
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rect {
	double x0, y0, x1, y1;
} rect;

typedef struct label {
	rect box;
	char *text, *ids;
} label;

typedef struct circle {
	double x, y, r;
	char *id;
} circle;

static label labels[4096];
static circle circles[8192];
static size_t label_count, circle_count;
static rect frame;
static int axis_letters;
static int failures;
static cairo_t *measure;

static double number(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	double d = v ? strtod((const char *)v, NULL) : 0;
	xmlFree(v);
	return d;
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

static rect text_box(xmlNode *node, const char *content)
{
	double size = number(node, "font-size");
	cairo_select_font_face(measure, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	                       CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(measure, size);
	cairo_text_extents_t te;
	cairo_font_extents_t fe;
	cairo_text_extents(measure, content, &te);
	cairo_font_extents(measure, &fe);
	double x = number(node, "x"), y = number(node, "y");
	return (rect){ x, y - fe.ascent, x + te.x_advance, y + fe.descent };
}

static void visit(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)node->name;
		if (strcmp(name, "text") == 0) {
			xmlChar *content = xmlNodeGetContent(node);
			if (has_class(node, "label") && label_count < 4096) {
				label *l = &labels[label_count++];
				l->text = strdup((const char *)content);
				l->ids = text_prop(node, "data-scenario");
				l->box = text_box(node, l->text);
			} else if (has_class(node, "axis") &&
			           strlen((const char *)content) == 1 &&
			           content[0] >= 'A' && content[0] <= 'E') {
				axis_letters++;
			}
			xmlFree(content);
		} else if (strcmp(name, "circle") == 0 &&
		           (has_class(node, "point") || has_class(node, "new")) &&
		           circle_count < 8192) {
			circle *c = &circles[circle_count++];
			c->x = number(node, "cx");
			c->y = number(node, "cy");
			c->r = number(node, "r");
			c->id = has_class(node, "point")
			                ? text_prop(node, "data-scenario")
			                : NULL;
		} else if (strcmp(name, "rect") == 0 && has_class(node, "frame")) {
			double x = number(node, "x"), y = number(node, "y");
			frame = (rect){ x, y, x + number(node, "width"),
				        y + number(node, "height") };
		}
		visit(node->children);
	}
}

static bool overlap(const rect *a, const rect *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static bool circle_hits(const circle *c, const rect *r)
{
	double nx = fmax(r->x0, fmin(c->x, r->x1));
	double ny = fmax(r->y0, fmin(c->y, r->y1));
	return hypot(c->x - nx, c->y - ny) < c->r;
}

static void fail(const char *fmt, const char *a, const char *b)
{
	printf("svg_check: ");
	printf(fmt, a, b);
	printf("\n");
	failures++;
}

static bool listed(const char *ids, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = ids; (p = strstr(p, id)) != NULL; p += n)
		if ((p == ids || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static void check_layout(void)
{
	for (size_t i = 0; i < label_count; i++) {
		const rect *b = &labels[i].box;
		if (b->x0 < frame.x0 || b->x1 > frame.x1 || b->y0 < frame.y0 ||
		    b->y1 > frame.y1)
			fail("label '%s' leaves the plot%s", labels[i].text, "");
		for (size_t j = i + 1; j < label_count; j++)
			if (overlap(b, &labels[j].box))
				fail("labels '%s' and '%s' overlap",
				     labels[i].text, labels[j].text);
		for (size_t j = 0; j < circle_count; j++)
			if (circle_hits(&circles[j], b))
				fail("label '%s' covers a point%s",
				     labels[i].text, "");
	}
}

static void check_ids(char **ids, int n, bool allow_unlabelled)
{
	for (int k = 0; k < n; k++) {
		bool point = false, text = false;
		for (size_t j = 0; j < circle_count; j++)
			point |= circles[j].id && strcmp(circles[j].id, ids[k]) == 0;
		for (size_t i = 0; i < label_count; i++)
			text |= listed(labels[i].ids, ids[k]);
		if (!point)
			fail("scenario '%s' has no point%s", ids[k], "");
		if (!text && !allow_unlabelled)
			fail("scenario '%s' has no label%s", ids[k], "");
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: svg_check FILE.svg [--allow-unlabelled] "
		        "ID...\n");
		return 2;
	}
	xmlDoc *doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
	if (!doc) {
		printf("svg_check: %s is not well-formed XML\n", argv[1]);
		return 1;
	}
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	measure = cairo_create(surface);
	/* Unhinted, as a browser lays out the SVG. */
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(measure, options);
	cairo_font_options_destroy(options);
	visit(xmlDocGetRootElement(doc));
	bool allow = argc > 2 && strcmp(argv[2], "--allow-unlabelled") == 0;
	int first_id = allow ? 3 : 2;
	if (frame.x1 <= frame.x0)
		fail("no plot frame%s%s", "", "");
	if (axis_letters != 10)
		fail("expected the letters A-E on both axes%s%s", "", "");
	check_layout();
	check_ids(argv + first_id, argc - first_id, allow);
	cairo_destroy(measure);
	cairo_surface_destroy(surface);
	xmlFreeDoc(doc);
	for (size_t i = 0; i < label_count; i++)
		free(labels[i].text), free(labels[i].ids);
	for (size_t i = 0; i < circle_count; i++)
		free(circles[i].id);
	if (failures == 0)
		printf("svg_check: %s: %zu labels, %zu marks, no overlaps\n",
		       argv[1], label_count, circle_count);
	return failures ? 1 : 0;
}
