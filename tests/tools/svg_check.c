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
 *
 * With --chart, for any other picture (the rank acceptability chart):
 *   - no text's box (anchor and weight taken into account) overlaps
 *     another text's box, and every text lies inside the picture;
 *   - every class="share" text lies inside a class="segment" rect of the
 *     same data-scenario.
 *
 *   svg_check --chart FILE.svg
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
static label texts[8192];   /* --chart: every text */
static label segments[8192]; /* --chart: segment rects, by scenario */
static size_t text_count, segment_count;
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

/* The box of any text: its anchor moves it, bold widens it. */
static rect any_text_box(xmlNode *node, const char *content)
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
	double x = number(node, "x"), y = number(node, "y");
	double w = te.x_advance;
	if (strcmp(anchor, "middle") == 0)
		x -= w / 2;
	else if (strcmp(anchor, "end") == 0)
		x -= w;
	free(weight);
	free(anchor);
	return (rect){ x, y - fe.ascent, x + w, y + fe.descent };
}

static void visit_chart(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)node->name;
		if (strcmp(name, "text") == 0 && text_count < 8192) {
			xmlChar *content = xmlNodeGetContent(node);
			label *t = &texts[text_count++];
			t->text = strdup((const char *)content);
			t->ids = text_prop(node, "class");
			t->box = any_text_box(node, t->text);
			xmlFree(content);
			if (xmlHasProp(node, (const xmlChar *)"transform"))
				text_count--, free(t->text), free(t->ids);
		} else if (strcmp(name, "rect") == 0 &&
		           has_class(node, "segment") && segment_count < 8192) {
			label *g = &segments[segment_count++];
			double x = number(node, "x"), y = number(node, "y");
			g->box = (rect){ x, y, x + number(node, "width"),
				         y + number(node, "height") };
			g->ids = text_prop(node, "data-scenario");
			g->text = NULL;
		}
		visit_chart(node->children);
	}
}

static bool inside(const rect *in, const rect *out, double slack)
{
	return in->x0 >= out->x0 - slack && in->x1 <= out->x1 + slack &&
	       in->y0 >= out->y0 - slack && in->y1 <= out->y1 + slack;
}

/* A share label must sit in a segment of its own bar. */
static void check_share(xmlNode *node, const rect *box)
{
	char *id = text_prop(node, "data-scenario");
	bool found = false;
	for (size_t j = 0; j < segment_count && !found; j++)
		found = strcmp(segments[j].ids, id) == 0 &&
		        inside(box, &segments[j].box, 0.5);
	if (!found)
		fail("a share of '%s' is not inside a segment of its bar%s",
		     id, "");
	free(id);
}

static void visit_shares(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)node->name, "text") == 0 &&
		    has_class(node, "share")) {
			xmlChar *content = xmlNodeGetContent(node);
			rect box = any_text_box(node, (const char *)content);
			check_share(node, &box);
			xmlFree(content);
		}
		visit_shares(node->children);
	}
}

static int check_chart(xmlDoc *doc, const char *path)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	rect page = { 0, 0, number(root, "width"), number(root, "height") };
	visit_chart(root);
	visit_shares(root);
	for (size_t i = 0; i < text_count; i++) {
		if (!inside(&texts[i].box, &page, 0))
			fail("text '%s' leaves the picture%s", texts[i].text,
			     "");
		for (size_t j = i + 1; j < text_count; j++)
			if (overlap(&texts[i].box, &texts[j].box))
				fail("texts '%s' and '%s' overlap",
				     texts[i].text, texts[j].text);
	}
	if (failures == 0)
		printf("svg_check: %s: %zu texts, %zu segments, no overlaps\n",
		       path, text_count, segment_count);
	for (size_t i = 0; i < text_count; i++)
		free(texts[i].text), free(texts[i].ids);
	for (size_t i = 0; i < segment_count; i++)
		free(segments[i].ids);
	return failures ? 1 : 0;
}

static xmlDoc *open_svg(const char *path)
{
	xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	if (!doc)
		printf("svg_check: %s is not well-formed XML\n", path);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	measure = cairo_create(surface);
	cairo_surface_destroy(surface); /* the context keeps it */
	/* Unhinted, as a browser lays out the SVG. */
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(measure, options);
	cairo_font_options_destroy(options);
	return doc;
}

static int chart_mode(const char *path)
{
	xmlDoc *doc = open_svg(path);
	int rc = doc ? check_chart(doc, path) : 1;
	xmlFreeDoc(doc);
	cairo_destroy(measure);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--chart") == 0)
		return chart_mode(argv[2]);
	if (argc < 2) {
		fprintf(stderr, "usage: svg_check FILE.svg [--allow-unlabelled] "
		        "ID...\n       svg_check --chart FILE.svg\n");
		return 2;
	}
	xmlDoc *doc = open_svg(argv[1]);
	if (!doc) {
		cairo_destroy(measure);
		return 1;
	}
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
