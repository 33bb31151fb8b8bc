/*
 * svg_check.c - test tool: reads a risk diagram SVG with libxml2 and checks
 * what the diagram promises, independently of the code that drew it (text
 * measured here with cairo, in the font the SVG names; a text's lines are
 * its tspans):
 *   - every scenario id given on the command line has a point and a label
 *     (class="label", data-scenario listing it), unless the legend says
 *     points went unlabelled and --allow-unlabelled is given;
 *   - no line of a label overlaps another label, a circle (point, ring,
 *     previous place), a line or path (whiskers and their caps, arrows,
 *     leader lines; their stroke width counted) or a polygon (arrowhead);
 *     no leader line crosses a label or a point (but where it starts);
 *   - every label lies inside the plot frame, every text inside the
 *     picture;
 *   - every point shows at least a quarter of its disc: points drawn later
 *     do not hide it, so each can be seen and clicked;
 *   - no label is cut ("..."); with --titles FILE (lines "id<TAB>title"),
 *     each label is its first scenario's whole title (its lines joined by
 *     spaces), "+N" when it stands for N more, or a rank number;
 *   - the legend tells a whisker (a row whose mark has end caps) from an
 *     arrow (a row whose mark has a head), whenever the plot has them;
 *   - the axis labels A..E appear on both axes.
 *
 *   svg_check FILE.svg [--allow-unlabelled] [--titles FILE] ID...
 *
 * With --chart, for any other picture (the rank acceptability chart): no
 * text's box overlaps another's, every text lies inside the picture, and
 * every class="share" text lies inside a class="segment" rect of the same
 * data-scenario (svg_chart.h).
 *
 *   svg_check --chart FILE.svg
 * Exit 0 when all hold; otherwise prints each failure and exits 1.
 */
#include "svg_doc.h"

static bool overlap(const rect *a, const rect *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static bool inside(const rect *in, const rect *out, double slack)
{
	return in->x0 >= out->x0 - slack && in->x1 <= out->x1 + slack &&
	       in->y0 >= out->y0 - slack && in->y1 <= out->y1 + slack;
}

static rect shrink(const rect *r, double by)
{
	return (rect){ r->x0 + by, r->y0 + by, r->x1 - by, r->y1 - by };
}

/* Whether the segment p[0..3] meets R (Liang-Barsky clipping). */
static bool segment_meets(const double *p, const rect *r)
{
	double t0 = 0, t1 = 1, dx = p[2] - p[0], dy = p[3] - p[1];
	const double d[4] = { -dx, dx, -dy, dy };
	const double q[4] = { p[0] - r->x0, r->x1 - p[0], p[1] - r->y0,
		              r->y1 - p[1] };
	for (int i = 0; i < 4; i++) {
		if (d[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		double t = q[i] / d[i];
		if (d[i] < 0)
			t0 = fmax(t0, t);
		else
			t1 = fmin(t1, t);
		if (t0 > t1)
			return false;
	}
	return true;
}

static double segment_distance(const double *p, double x, double y)
{
	double dx = p[2] - p[0], dy = p[3] - p[1], l2 = dx * dx + dy * dy;
	double t = l2 > 0 ? ((x - p[0]) * dx + (y - p[1]) * dy) / l2 : 0;
	t = fmin(fmax(t, 0), 1);
	return hypot(p[0] + t * dx - x, p[1] + t * dy - y);
}

static bool disc_meets(double cx, double cy, double r, const rect *b)
{
	double nx = fmax(b->x0, fmin(cx, b->x1));
	double ny = fmax(b->y0, fmin(cy, b->y1));
	return hypot(cx - nx, cy - ny) < r;
}

/* Whether anything of M is drawn inside R. */
static bool mark_meets(const mark *m, const rect *r)
{
	switch (m->kind) {
	case MARK_DISC:
		return disc_meets(m->p[0], m->p[1], m->r, r);
	case MARK_POLYGON: {
		rect b = { m->p[0], m->p[1], m->p[2], m->p[3] };
		return overlap(&b, r);
	}
	default: {
		rect near = { r->x0 - m->r, r->y0 - m->r, r->x1 + m->r,
			      r->y1 + m->r };
		return segment_meets(m->p, &near);
	}
	}
}

static bool listed(const char *ids, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = ids; (p = strstr(p, id)) != NULL; p += n)
		if ((p == ids || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static void check_frame(void)
{
	for (size_t i = 0; i < label_count; i++) {
		const label *l = &labels[i];
		if (l->box.x0 < frame.x0 || l->box.x1 > frame.x1 ||
		    l->box.y0 < frame.y0 || l->box.y1 > frame.y1)
			fail("label '%s' leaves the plot%s", l->text, "");
	}
	rect page = { 0, 0, page_width, page_height };
	for (size_t i = 0; i < text_count; i++)
		for (int k = 0; k < texts[i].line_count; k++)
			if (!inside(&texts[i].lines[k], &page, 0))
				fail("text '%s' leaves the picture%s",
				     texts[i].text, "");
}

static bool labels_overlap(const label *a, const label *b)
{
	for (int i = 0; i < a->line_count; i++)
		for (int j = 0; j < b->line_count; j++)
			if (overlap(&a->lines[i], &b->lines[j]))
				return true;
	return false;
}

/* What a label's line covers, but the label's own leader line. */
static const char *covered_mark(const rect *line)
{
	for (size_t j = 0; j < mark_count; j++)
		if (marks[j].kind != MARK_LEADER && mark_meets(&marks[j], line))
			return marks[j].what;
	return NULL;
}

/* "a whisker", "an arrow" ... */
static const char *a_mark(const char *what)
{
	static const char *const phrases[][2] = {
		{ "point", "a point" }, { "new", "the ring of a new point" },
		{ "previous", "the mark of a previous place" },
		{ "whisker", "a whisker" }, { "arrow", "an arrow" },
		{ "line", "a line" },
	};
	for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++)
		if (strcmp(what, phrases[k][0]) == 0)
			return phrases[k][1];
	return "a mark";
}

static void check_labels(void)
{
	for (size_t i = 0; i < label_count; i++) {
		const label *l = &labels[i];
		for (size_t j = i + 1; j < label_count; j++)
			if (labels_overlap(l, &labels[j]))
				fail("labels '%s' and '%s' overlap", l->text,
				     labels[j].text);
		for (int k = 0; k < l->line_count; k++) {
			const char *what = covered_mark(&l->lines[k]);
			if (what) {
				fail("label '%s' covers %s", l->text, a_mark(what));
				break;
			}
		}
	}
}

/* A leader line ends on its label's edge and starts on its point's:
 * inside anything (by more than a pixel) it crosses it. */
static void check_leaders(void)
{
	for (size_t j = 0; j < mark_count; j++) {
		const mark *m = &marks[j];
		if (m->kind != MARK_LEADER)
			continue;
		for (size_t i = 0; i < label_count; i++)
			for (int k = 0; k < labels[i].line_count; k++) {
				rect inner = shrink(&labels[i].lines[k], 1);
				if (segment_meets(m->p, &inner))
					fail("a leader line crosses label '%s'%s",
					     labels[i].text, "");
			}
		for (size_t i = 0; i < mark_count; i++)
			if (marks[i].kind == MARK_DISC && marks[i].filled &&
			    segment_distance(m->p, marks[i].p[0], marks[i].p[1]) <
			            marks[i].r - 1)
				fail("a leader line crosses the point of '%s'%s",
				     marks[i].id, "");
	}
}

/* The share of point I's disc that no point drawn after it covers. */
static double shown(size_t i)
{
	const mark *p = &marks[i];
	size_t seen = 0, all = 0;
	for (double y = -p->r; y <= p->r; y += 0.5)
		for (double x = -p->r; x <= p->r; x += 0.5) {
			if (x * x + y * y > p->r * p->r)
				continue;
			all++;
			bool hidden = false;
			for (size_t j = i + 1; j < mark_count && !hidden; j++)
				hidden = marks[j].kind == MARK_DISC &&
				         marks[j].filled &&
				         hypot(p->p[0] + x - marks[j].p[0],
				               p->p[1] + y - marks[j].p[1]) <
				                 marks[j].r;
			seen += !hidden;
		}
	return all ? (double)seen / (double)all : 0;
}

static void check_points_shown(void)
{
	for (size_t i = 0; i < mark_count; i++) {
		if (marks[i].kind != MARK_DISC || !marks[i].filled)
			continue;
		double share = shown(i);
		if (share < 0.25) {
			char text[64];
			snprintf(text, sizeof text, "%.0f %%", share * 100);
			fail("the point of '%s' shows only %s of its disc",
			     marks[i].id, text);
		}
	}
}

static void check_ids(char **ids, int n, bool allow_unlabelled)
{
	for (int k = 0; k < n; k++) {
		bool point = false, text = false;
		for (size_t j = 0; j < mark_count; j++)
			point |= marks[j].filled && strcmp(marks[j].id, ids[k]) == 0;
		for (size_t i = 0; i < label_count; i++)
			text |= listed(labels[i].ids, ids[k]);
		if (!point)
			fail("scenario '%s' has no point%s", ids[k], "");
		if (!text && !allow_unlabelled)
			fail("scenario '%s' has no label%s", ids[k], "");
	}
}

/* Runs of spaces as one, none at either end. */
static void squeeze(char *text)
{
	char *out = text;
	for (const char *p = text; *p; p++)
		if (*p != ' ' || (out > text && out[-1] != ' '))
			*out++ = *p;
	if (out > text && out[-1] == ' ')
		out--;
	*out = '\0';
}

/* "12" or "12 +3" (with MORE = 3): a rank instead of a title. */
static bool is_rank(const char *text, size_t more)
{
	char expected[64];
	long rank = strtol(text, NULL, 10);
	if (more)
		snprintf(expected, sizeof expected, "%ld +%zu", rank, more);
	else
		snprintf(expected, sizeof expected, "%ld", rank);
	return rank > 0 && strcmp(text, expected) == 0;
}

/* The title of ID in the "id<TAB>title" lines of TITLES, or NULL. */
static char *title_of(char *titles, const char *id)
{
	size_t n = strlen(id);
	for (char *line = titles; line && *line;) {
		char *end = strchr(line, '\n');
		if (strncmp(line, id, n) == 0 && line[n] == '\t') {
			size_t length = end ? (size_t)(end - line) - n - 1
			                    : strlen(line + n + 1);
			char *title = strndup(line + n + 1, length);
			if (title)
				squeeze(title);
			return title;
		}
		line = end ? end + 1 : NULL;
	}
	return NULL;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	char buffer[4096];
	size_t n;
	while ((n = fread(buffer, 1, sizeof buffer, f)) > 0)
		fwrite(buffer, 1, n, out);
	fclose(f);
	fclose(out);
	return text;
}

/* A label is a whole title: never cut, and with TITLES_PATH the title of
 * the first scenario it names ("+N" for the N more), or a rank. */
static void check_titles(const char *titles_path)
{
	char *titles = titles_path ? read_all(titles_path) : NULL;
	if (titles_path && !titles)
		fail("cannot read %s%s", titles_path, "");
	for (size_t i = 0; i < label_count; i++) {
		label *l = &labels[i];
		if (strstr(l->text, "\xE2\x80\xA6"))
			fail("label '%s' is cut%s", l->text, "");
		if (!titles)
			continue;
		char first[256];
		snprintf(first, sizeof first, "%.*s", (int)strcspn(l->ids, " "),
		         l->ids);
		size_t more = 0;
		for (const char *p = l->ids; (p = strchr(p, ' ')); p++)
			more++;
		char *title = title_of(titles, first), text[2048];
		snprintf(text, sizeof text, "%s", l->text);
		squeeze(text);
		char expected[2048];
		if (more)
			snprintf(expected, sizeof expected, "%s +%zu",
			         title ? title : "", more);
		else
			snprintf(expected, sizeof expected, "%s",
			         title ? title : "");
		if (!title)
			fail("label '%s' names '%s', whose title is not given",
			     l->text, first);
		else if (strcmp(text, expected) != 0 && !is_rank(text, more))
			fail("label '%s' is not the whole title '%s'", l->text,
			     expected);
		free(title);
	}
	free(titles);
}

/* The legend's mark for the text at baseline Y: a whisker (a horizontal
 * line between two upright caps) or an arrow (with a head). */
static void legend_row(double y, bool *capped, bool *headed)
{
	int across = 0, upright = 0;
	*headed = false;
	for (size_t j = 0; j < mark_count; j++) {
		const mark *m = &marks[j];
		double my = m->kind == MARK_DISC ? m->p[1]
		                                 : (m->p[1] + m->p[3]) / 2;
		if (!m->legend || fabs(my - (y - 4)) > 7)
			continue;
		if (m->kind == MARK_POLYGON)
			*headed = true;
		if (m->kind != MARK_LINE)
			continue;
		double dx = fabs(m->p[2] - m->p[0]), dy = fabs(m->p[3] - m->p[1]);
		across += dy < 0.5 && dx >= 8;
		upright += dx < 0.5 && dy >= 3;
	}
	*capped = across >= 1 && upright >= 2 && !*headed;
}

/* Whiskers and arrows look alike but for caps and heads: so must their
 * entries in the legend. */
static void check_legend(void)
{
	bool whiskers = false, arrows = false, capped_row = false,
	     headed_row = false;
	for (size_t j = 0; j < mark_count; j++)
		if (!marks[j].legend) {
			whiskers |= strcmp(marks[j].what, "whisker") == 0 ||
			            strcmp(marks[j].what, "line") == 0;
			arrows |= strcmp(marks[j].what, "arrow") == 0;
		}
	for (size_t i = 0; i < text_count; i++) {
		if (strcmp(texts[i].role, "legend") != 0)
			continue;
		bool capped, headed;
		legend_row(texts[i].y, &capped, &headed);
		capped_row |= capped;
		headed_row |= headed;
	}
	if (whiskers && !capped_row)
		fail("the legend shows no whisker with end caps%s%s", "", "");
	if (arrows && !headed_row)
		fail("the legend shows no arrow with a head%s%s", "", "");
}

/* --chart: the texts and the segments (rects of class="segment"). */
static label segments[MAX_TEXTS];
static size_t segment_count;

static void visit_chart(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)node->name;
		if (strcmp(name, "text") == 0) {
			read_text_node(node);
			continue;
		}
		if (strcmp(name, "rect") == 0 && has_class(node, "segment") &&
		    segment_count < MAX_TEXTS) {
			label *g = &segments[segment_count++];
			double x = number(node, "x"), y = number(node, "y");
			*g = (label){ .box = { x, y, x + number(node, "width"),
			                       y + number(node, "height") },
			              .ids = text_prop(node, "data-scenario") };
		}
		visit_chart(node->children);
	}
}

/* A share label must sit in a segment of its own bar. */
static void check_share(const label *t)
{
	bool found = false;
	for (size_t j = 0; j < segment_count && !found; j++)
		found = strcmp(segments[j].ids, t->ids) == 0 &&
		        inside(&t->box, &segments[j].box, 0.5);
	if (!found)
		fail("a share of '%s' is not inside a segment of its bar%s",
		     t->ids, "");
}

static int chart_mode(const char *path)
{
	xmlDoc *doc = open_svg(path);
	if (!doc) {
		cairo_destroy(measure);
		return 1;
	}
	xmlNode *root = xmlDocGetRootElement(doc);
	rect page = { 0, 0, number(root, "width"), number(root, "height") };
	visit_chart(root);
	xmlFreeDoc(doc);
	for (size_t i = 0; i < text_count; i++) {
		if (strcmp(texts[i].role, "share") == 0)
			check_share(&texts[i]);
		if (!inside(&texts[i].box, &page, 0))
			fail("text '%s' leaves the picture%s", texts[i].text,
			     "");
		for (size_t j = i + 1; j < text_count; j++)
			if (labels_overlap(&texts[i], &texts[j]))
				fail("texts '%s' and '%s' overlap",
				     texts[i].text, texts[j].text);
	}
	if (failures == 0)
		printf("svg_check: %s: %zu texts, %zu segments, no overlaps\n",
		       path, text_count, segment_count);
	for (size_t i = 0; i < segment_count; i++)
		free(segments[i].ids);
	free_diagram();
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--chart") == 0)
		return chart_mode(argv[2]);
	if (argc < 2) {
		fprintf(stderr, "usage: svg_check FILE.svg [--allow-unlabelled] "
		        "[--titles FILE] ID...\n       svg_check --chart FILE.svg\n");
		return 2;
	}
	int first_id = 2;
	bool allow = false;
	const char *titles = NULL;
	for (; first_id < argc; first_id++)
		if (strcmp(argv[first_id], "--allow-unlabelled") == 0)
			allow = true;
		else if (strcmp(argv[first_id], "--titles") == 0 &&
		         first_id + 1 < argc)
			titles = argv[++first_id];
		else
			break;
	if (!read_diagram(argv[1]))
		return 1;
	if (frame.x1 <= frame.x0)
		fail("no plot frame%s%s", "", "");
	if (axis_letters != 10)
		fail("expected the letters A-E on both axes%s%s", "", "");
	check_frame();
	check_labels();
	check_leaders();
	check_points_shown();
	check_titles(titles);
	check_legend();
	check_ids(argv + first_id, argc - first_id, allow);
	if (failures == 0)
		printf("svg_check: %s: %zu labels, %zu marks, no overlaps\n",
		       argv[1], label_count, mark_count);
	free_diagram();
	return failures ? 1 : 0;
}
