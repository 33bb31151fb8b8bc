/*
 * test_diagram_layout.c - the parts of the risk diagram's layout in
 * src/render: text wrapping (whole, balanced lines), the label placer
 * (clear of lines, leader lines clear of points, nearer shapes first) and
 * the spreading of scenarios that share a place (every point apart, their
 * order kept). Expected values are worked out here, from the geometry.
 */
#include "unit_support.h"

#include "render/diagram_layout.h"
#include "render/labels.h"
#include "render/text_metrics.h"

/* ------------------------------------------------------------ wrapping */

static size_t count_lines(const char *text)
{
	size_t n = 1;
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	return n;
}

/* TEXT's lines joined by spaces: the text, nothing lost. */
static void assert_whole(const char *wrapped, const char *text)
{
	char *joined = strdup(wrapped);
	for (char *p = joined; *p; p++)
		if (*p == '\n')
			*p = ' ';
	assert_string_equal(joined, text);
	free(joined);
}

/* The widest line of WRAPPED, measured line by line. */
static double widest_line(text_metrics *tm, const char *wrapped)
{
	double widest = 0;
	char *copy = strdup(wrapped), *rest = copy;
	for (char *line = strsep(&rest, "\n"); line; line = strsep(&rest, "\n"))
		widest = fmax(widest, text_width(tm, line, 11, false));
	free(copy);
	return widest;
}

static void wrap_two_balanced_lines(void **state)
{
	(void)state;
	text_metrics *tm = text_metrics_new();
	const char *title = "Cyber espionage against government and industry";
	char out[128];
	double width;
	assert_true(text_width(tm, title, 11, false) > 190);
	size_t lines = text_wrap(tm, title, 11, false, 190, out, &width);
	assert_int_equal(lines, 2);
	assert_int_equal(count_lines(out), 2);
	assert_whole(out, title);
	assert_near(width, widest_line(tm, out), 1e-6);
	/* of all the ways to break it once, none has a narrower widest line */
	double best = HUGE_VAL;
	for (const char *p = strchr(title, ' '); p; p = strchr(p + 1, ' ')) {
		char first[128];
		snprintf(first, sizeof first, "%.*s", (int)(p - title), title);
		best = fmin(best, fmax(text_width(tm, first, 11, false),
		                       text_width(tm, p + 1, 11, false)));
	}
	assert_near(width, best, 1e-6);
	text_metrics_free(tm);
}

static void wrap_keeps_everything(void **state)
{
	(void)state;
	text_metrics *tm = text_metrics_new();
	/* 196 characters: more than two lines, and nothing cut */
	const char *title =
		"Prolonged failure of the regional drinking water supply after "
		"contamination of the main intake, with hospitals, schools and "
		"food producers without clean water for more than two weeks in "
		"a hot summer";
	char out[256];
	double width;
	size_t lines = text_wrap(tm, title, 11, false, 190, out, &width);
	assert_true(lines > 2);
	assert_int_equal(count_lines(out), lines);
	assert_whole(out, title);
	assert_true(widest_line(tm, out) <= 190);
	/* a word wider than the measure has a line of its own */
	const char *word = "a Rijkswaterstaatnatuurbeschermingsorganisatieplan b";
	lines = text_wrap(tm, word, 11, false, 60, out, &width);
	assert_string_equal(out, "a\nRijkswaterstaatnatuurbeschermingsorganisatieplan\nb");
	assert_int_equal(lines, 3);
	/* short text: one line, as it is; runs of spaces as one */
	assert_int_equal(text_wrap(tm, "Floods", 11, false, 190, out, &width), 1);
	assert_string_equal(out, "Floods");
	text_wrap(tm, "  Two   words ", 11, false, 190, out, &width);
	assert_string_equal(out, "Two words");
	assert_int_equal(text_wrap(tm, "", 11, false, 190, out, &width), 1);
	assert_string_equal(out, "");
	text_metrics_free(tm);
}

static void wrap_into_more_lines(void **state)
{
	(void)state;
	text_metrics *tm = text_metrics_new();
	const char *title = "Interstate conflict outside the EU";
	char out[64];
	double width, one;
	assert_int_equal(text_wrap(tm, title, 11, false, 190, out, &one), 1);
	assert_int_equal(text_wrap_lines(tm, title, 11, false, 2, out, &width), 2);
	assert_whole(out, title);
	assert_true(width < one * 0.75);
	/* as many lines as it takes to be as narrow as the widest word, at
	 * most five: "the EU" shares a line */
	size_t lines = text_wrap_lines(tm, title, 11, false, 5, out, &width);
	assert_true(lines == 4);
	assert_whole(out, title);
	assert_near(width, text_width(tm, "Interstate", 11, false), 1e-9);
	assert_non_null(strstr(out, "\nthe EU"));
	/* no more lines than words */
	assert_int_equal(text_wrap_lines(tm, "Two words", 11, false, 4, out, &width), 2);
	text_metrics_free(tm);
}

/* ------------------------------------------------------------ placing */

static bool meets_line(const box *b, double x0, double y0, double x1,
                       double y1, double half)
{
	/* sample the line every tenth of a unit */
	double length = hypot(x1 - x0, y1 - y0);
	for (double t = 0; t <= length; t += 0.1) {
		double x = x0 + (x1 - x0) * t / length, y = y0 + (y1 - y0) * t / length;
		if (x > b->x0 - half && x < b->x1 + half && y > b->y0 - half &&
		    y < b->y1 + half)
			return true;
	}
	return false;
}

static label_request request(double x, double y, double width, double height)
{
	return (label_request){ x, y, 6, width, height, height * 0.75 };
}

static void labels_keep_off_lines(void **state)
{
	(void)state;
	label_placer *p = label_placer_new((box){ 0, 0, 300, 300 });
	/* the point's own whiskers, through it both ways, and a slanted arrow
	 * through where the label would go first */
	assert_int_equal(label_placer_block_point(p, 150, 150, 6.5), 0);
	assert_int_equal(label_placer_block_line(p, 20, 150, 280, 150, 0.65), 0);
	assert_int_equal(label_placer_block_line(p, 150, 20, 150, 280, 0.65), 0);
	assert_int_equal(label_placer_block_line(p, 150, 100, 260, 160, 0.6), 0);
	label_request r = request(150, 150, 60, 13);
	label_place place;
	assert_int_equal(label_placer_place(p, &r, 1, &place), 0);
	assert_true(place.placed);
	assert_false(meets_line(&place.bounds, 20, 150, 280, 150, 0.65));
	assert_false(meets_line(&place.bounds, 150, 20, 150, 280, 0.65));
	assert_false(meets_line(&place.bounds, 150, 100, 260, 160, 0.6));
	/* in a quarter between the whiskers, beside its point */
	assert_false(place.leader);
	assert_true(place.bounds.x1 < 150 || place.bounds.x0 > 150);
	assert_true(place.bounds.y1 < 150 || place.bounds.y0 > 150);
	assert_true(hypot(fmax(place.bounds.x0 - 150, 150 - place.bounds.x1),
	                  fmax(place.bounds.y0 - 150, 150 - place.bounds.y1)) < 20);
	/* a second label stays off the first */
	label_place second;
	assert_int_equal(label_placer_place(p, &r, 1, &second), 0);
	assert_false(box_overlap(&place.bounds, &second.bounds));
	label_placer_free(p);
}

static void no_label_beyond_another_point(void **state)
{
	(void)state;
	label_placer *p = label_placer_new((box){ 0, 0, 200, 200 });
	/* everything near the point (100, 100) is taken but for a channel
	 * to the right, and another point sits in the channel */
	assert_int_equal(label_placer_block_point(p, 100, 100, 6.5), 0);
	assert_int_equal(label_placer_block(p, (box){ 0, 0, 200, 90 }), 0);
	assert_int_equal(label_placer_block(p, (box){ 0, 110, 200, 200 }), 0);
	assert_int_equal(label_placer_block(p, (box){ 0, 0, 90, 200 }), 0);
	assert_int_equal(label_placer_block_point(p, 130, 100, 6.5), 0);
	label_request r = request(100, 100, 20, 12);
	label_place place;
	int chosen = label_placer_place(p, &r, 1, &place);
	/* the only free boxes lie beyond the other point: a leader would
	 * cross it, or the label would read as the other point's */
	assert_int_equal(chosen, -1);
	label_placer_free(p);
}

static void nearer_shapes_first(void **state)
{
	(void)state;
	label_placer *p = label_placer_new((box){ 0, 0, 400, 400 });
	/* a wall 40 units right of the point, above and below it */
	assert_int_equal(label_placer_block_point(p, 100, 200, 6.5), 0);
	assert_int_equal(label_placer_block(p, (box){ 150, 0, 160, 400 }), 0);
	assert_int_equal(label_placer_block(p, (box){ 0, 0, 90, 400 }), 0);
	label_request shapes[2] = { request(100, 200, 120, 13),
		                    request(100, 200, 40, 26) };
	label_place place;
	/* the one-line shape does not fit between the walls; the two-line
	 * one does, beside the point: it wins over a far place */
	assert_int_equal(label_placer_place(p, shapes, 2, &place), 1);
	assert_false(place.leader);
	assert_true(place.bounds.x0 >= 90 && place.bounds.x1 <= 150);
	label_placer_free(p);
}

/* ------------------------------------------------------------ spreading */

static void spots_at(spot *spots, size_t n, double x, double y)
{
	for (size_t i = 0; i < n; i++)
		spots[i] = (spot){ .scenario = i, .x = x, .y = y,
			           .radius = POINT_RADIUS };
}

static void shared_place_spreads(void **state)
{
	(void)state;
	for (size_t n = 2; n <= 40; n++) {
		spot spots[40];
		spots_at(spots, n, 400, 300);
		diagram_spread_spots(spots, n);
		double mx = 0, my = 0;
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(spots[i].group, 0);
			/* the whiskers stay at the place */
			assert_exact(spots[i].place_x, 400);
			assert_exact(spots[i].place_y, 300);
			for (size_t j = i + 1; j < n; j++)
				assert_true(hypot(spots[i].x - spots[j].x,
				                  spots[i].y - spots[j].y) >=
				            2 * POINT_RADIUS + 1.5 - 1e-9);
			mx += spots[i].x, my += spots[i].y;
		}
		assert_int_equal(spots[0].members, n);
		/* about the place, and not far */
		assert_near(mx / (double)n, 400, 1e-6);
		assert_near(my / (double)n, 300, 1e-6);
		for (size_t i = 0; i < n; i++)
			assert_true(hypot(spots[i].x - 400, spots[i].y - 300) +
			            POINT_RADIUS <= spots[0].extent + 1e-9);
		assert_true(spots[0].extent < 14 * sqrt((double)n) + 10);
	}
}

static void best_ranked_upper_right(void **state)
{
	(void)state;
	spot spots[3];
	spots_at(spots, 3, 400, 300);
	diagram_spread_spots(spots, 3);
	/* the first (best ranked) towards higher risk: right and up */
	assert_true(spots[0].x > 400 && spots[0].y < 300);
}

static void nearly_the_same_keeps_order(void **state)
{
	(void)state;
	/* two places 2 units apart (one cluster) and two 7 apart (pushed):
	 * both pairs keep their order on both axes */
	spot spots[4] = {
		{ .scenario = 0, .x = 302, .y = 299, .radius = POINT_RADIUS },
		{ .scenario = 1, .x = 300, .y = 300, .radius = POINT_RADIUS },
		{ .scenario = 2, .x = 500, .y = 200, .radius = POINT_RADIUS },
		{ .scenario = 3, .x = 507, .y = 200, .radius = POINT_RADIUS },
	};
	diagram_spread_spots(spots, 4);
	assert_int_equal(spots[1].group, 0);
	assert_true(spots[0].x > spots[1].x && spots[0].y < spots[1].y);
	assert_true(hypot(spots[0].x - spots[1].x, spots[0].y - spots[1].y) >=
	            2 * POINT_RADIUS + 1.5 - 1e-9);
	assert_int_equal(spots[3].group, 3);
	assert_true(spots[3].x - spots[2].x >= POINT_RADIUS + 2 - 1e-9);
	assert_near(spots[2].y, 200, 1e-9);
	assert_near(spots[3].y, 200, 1e-9);
	/* moved symmetrically about where they were */
	assert_near(spots[2].x + spots[3].x, 1007, 1e-9);
}

static void lone_points_stay(void **state)
{
	(void)state;
	spot spots[2] = {
		{ .scenario = 0, .x = 200, .y = 200, .radius = POINT_RADIUS },
		{ .scenario = 1, .x = 300, .y = 200, .radius = NEW_RING_RADIUS },
	};
	diagram_spread_spots(spots, 2);
	assert_exact(spots[0].x, 200);
	assert_exact(spots[1].x, 300);
	assert_int_equal(spots[0].members, 1);
	assert_exact(spots[1].extent, NEW_RING_RADIUS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrap_two_balanced_lines),
		cmocka_unit_test(wrap_keeps_everything),
		cmocka_unit_test(wrap_into_more_lines),
		cmocka_unit_test(labels_keep_off_lines),
		cmocka_unit_test(no_label_beyond_another_point),
		cmocka_unit_test(nearer_shapes_first),
		cmocka_unit_test(shared_place_spreads),
		cmocka_unit_test(best_ranked_upper_right),
		cmocka_unit_test(nearly_the_same_keeps_order),
		cmocka_unit_test(lone_points_stay),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
