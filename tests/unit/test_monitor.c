/*
 * test_monitor.c - the monitor's arithmetic against values worked by
 * hand: the level of a value, the level changes of a series of
 * observations (out of order, repeated, continued from a kept state), the
 * ISO 8601 times of feeds and CAP, the cell-broadcast length of an info
 * in the GSM 7-bit alphabet and in UCS-2, polygons and circles, and the
 * feeds read from text.
 */
#include "unit_support.h"

#include <stdlib.h>

#include <natrisk/cap.h>
#include <natrisk/monitor.h>

/* The G1, G3 and G5 levels of the K-index (method.md section 9). */
static const natrisk_alert_level kp_levels[] = {
	{ .at = 5 }, { .at = 7 }, { .at = 9 },
};

static const natrisk_indicator kp = {
	.id = "kp", .levels = kp_levels, .level_count = 3,
};

static void test_level_of(void **state)
{
	(void)state;
	assert_int_equal(natrisk_level_of(kp_levels, 3, 4.99), -1);
	assert_int_equal(natrisk_level_of(kp_levels, 3, 5), 0);
	assert_int_equal(natrisk_level_of(kp_levels, 3, 6.67), 0);
	assert_int_equal(natrisk_level_of(kp_levels, 3, 7), 1);
	assert_int_equal(natrisk_level_of(kp_levels, 3, 8.99), 1);
	assert_int_equal(natrisk_level_of(kp_levels, 3, 9), 2);
	assert_int_equal(natrisk_level_of(kp_levels, 3, 1e9), 2);
	assert_int_equal(natrisk_level_of(kp_levels, 0, 9), -1);
}

static void test_changes_in_order(void **state)
{
	(void)state;
	/* 3, 5 (none -> G1), 6, 8 (G1 -> G3), 9 (G3 -> G5), 4 (G5 -> none) */
	natrisk_observation obs[] = {
		{ 0, 3 }, { 60, 5 }, { 120, 6 }, { 180, 8 }, { 240, 9 },
		{ 300, 4 },
	};
	natrisk_level_change c[6];
	natrisk_indicator_state st = NATRISK_INDICATOR_STATE_INIT;
	size_t n = natrisk_indicator_evaluate(&kp, obs, 6, &st, c);
	assert_int_equal(n, 4);
	assert_true(c[0].time == 60 && c[0].from == -1 && c[0].to == 0);
	assert_true(c[1].time == 180 && c[1].from == 0 && c[1].to == 1);
	assert_true(c[2].time == 240 && c[2].from == 1 && c[2].to == 2);
	assert_true(c[3].time == 300 && c[3].from == 2 && c[3].to == -1);
	assert_true(st.seen);
	assert_true(st.last_time == 300);
	assert_int_equal(st.level, -1);
}

static void test_changes_out_of_order_and_repeated(void **state)
{
	(void)state;
	/* in time order: 0 s 2, 60 s 7.5 (the first of the two at 60 s),
	 * 120 s 5, 180 s 1: none -> G3 at 60, G3 -> G1 at 120, G1 -> none
	 * at 180. Had the second record at 60 s (value 1) won, 60 s would
	 * change nothing and 120 s would raise G1 instead. */
	natrisk_observation obs[] = {
		{ 120, 5 }, { 60, 7.5 }, { 0, 2 }, { 180, 1 }, { 60, 1 },
	};
	natrisk_level_change c[5];
	natrisk_indicator_state st = NATRISK_INDICATOR_STATE_INIT;
	size_t n = natrisk_indicator_evaluate(&kp, obs, 5, &st, c);
	assert_int_equal(n, 3);
	assert_true(c[0].time == 60 && c[0].to == 1 && c[0].value == 7.5);
	assert_true(c[1].time == 120 && c[1].from == 1 && c[1].to == 0);
	assert_true(c[2].time == 180 && c[2].to == -1);
}

static void test_changes_continue_from_state(void **state)
{
	(void)state;
	/* a previous run ended at 300 s in G1: 240 s (8) is old news, 300 s
	 * is done, 360 s (5.5) keeps G1, 420 s (7) is G1 -> G3 */
	natrisk_indicator_state st = { true, 300, 0, true, 60 };
	natrisk_observation obs[] = {
		{ 240, 8 }, { 300, 9 }, { 360, 5.5 }, { 420, 7 },
	};
	natrisk_level_change c[4];
	size_t n = natrisk_indicator_evaluate(&kp, obs, 4, &st, c);
	assert_int_equal(n, 1);
	assert_true(c[0].time == 420 && c[0].from == 0 && c[0].to == 1);
	assert_true(st.last_time == 420);
	/* the same data again: nothing */
	n = natrisk_indicator_evaluate(&kp, obs, 4, &st, c);
	assert_int_equal(n, 0);
}

static void test_times(void **state)
{
	(void)state;
	int64_t t;
	/* 2012-03-08T15:00:00Z: 15,407 days after 1970-01-01 (42 years of
	 * which 10 leap, 1972 to 2008: 42 * 365 + 10 = 15,340; January 31 +
	 * February 29 (2012 is leap) + 7 = 67), 15,407 * 86,400 + 54,000 */
	assert_int_equal(natrisk_time_parse("2012-03-08T15:00:00", &t), 0);
	assert_true(t == 1331218800);
	assert_int_equal(natrisk_time_parse("2012-03-08T15:00:00Z", &t), 0);
	assert_true(t == 1331218800);
	assert_int_equal(natrisk_time_parse("2012-03-08T17:00:00+02:00", &t),
	                 0);
	assert_true(t == 1331218800);
	assert_int_equal(natrisk_time_parse("2012-03-08T14:30:00-00:30", &t),
	                 0);
	assert_true(t == 1331218800);
	assert_int_equal(natrisk_time_parse("2012-03-08T15:00:00.750Z", &t),
	                 0);
	assert_true(t == 1331218800);
	assert_int_equal(natrisk_time_parse("2013-02-29T00:00:00", &t),
	                 NATRISK_EINVALID);
	assert_int_equal(natrisk_time_parse("2012-03-08T24:00:00", &t),
	                 NATRISK_EINVALID);
	assert_int_equal(natrisk_time_parse("2012-03-08", &t),
	                 NATRISK_EINVALID);
	assert_int_equal(natrisk_time_parse("2012-03-08T15:00:00+2", &t),
	                 NATRISK_EINVALID);
	char buf[32];
	assert_string_equal(natrisk_time_format(1331218800, buf, sizeof buf),
	                    "2012-03-08T15:00:00-00:00");
	assert_string_equal(natrisk_time_format(-1, buf, sizeof buf),
	                    "1969-12-31T23:59:59-00:00");
	char id[128];
	assert_string_equal(natrisk_cap_identifier("kp", 1331218800, id,
	                                           sizeof id),
	                    "natrisk-kp-20120308T150000Z");
}

static void test_gsm7_length(void **state)
{
	(void)state;
	natrisk_cb_alphabet a;
	/* "Storm!" 6 septets */
	assert_int_equal(natrisk_cb_length("Storm!", NULL, NULL, &a), 6);
	assert_int_equal(a, NATRISK_CB_GSM7);
	/* "Kp 9" + line feed + "Blijf binnen." = 4 + 1 + 13 */
	assert_int_equal(natrisk_cb_length("Kp 9", NULL, "Blijf binnen.", &a),
	                 18);
	assert_int_equal(a, NATRISK_CB_GSM7);
	/* three parts, two line feeds: 1 + 1 + 1 + 1 + 1 */
	assert_int_equal(natrisk_cb_length("a", "b", "c", &a), 5);
	/* the extension table counts two: "{€}" = 6, "[x]^" = 2+1+2+2 */
	assert_int_equal(natrisk_cb_length("{\xE2\x82\xAC}", NULL, NULL, &a),
	                 6);
	assert_int_equal(a, NATRISK_CB_GSM7);
	assert_int_equal(natrisk_cb_length("[x]^", NULL, NULL, &a), 7);
	/* GSM's own Latin and Greek letters count one: "é ü Ñ Δ Ω ß" */
	assert_int_equal(natrisk_cb_length("\xC3\xA9 \xC3\xBC \xC3\x91 "
	                                   "\xCE\x94 \xCE\xA9 \xC3\x9F",
	                                   NULL, NULL, &a),
	                 11);
	assert_int_equal(a, NATRISK_CB_GSM7);
	assert_int_equal(natrisk_cb_max(a), 1395);
}

static void test_ucs2_length(void **state)
{
	(void)state;
	natrisk_cb_alphabet a;
	/* the grave accent is not GSM: UCS-2, one unit a character */
	assert_int_equal(natrisk_cb_length("`a`", NULL, NULL, &a), 3);
	assert_int_equal(a, NATRISK_CB_UCS2);
	/* "Łódź" (ó is not GSM either): 4 units; the extension character
	 * '{' is one unit in UCS-2: "{Łódź}" 6 */
	assert_int_equal(natrisk_cb_length("{\xC5\x81\xC3\xB3" "d\xC5\xBA}",
	                                   NULL, NULL, &a),
	                 6);
	assert_int_equal(a, NATRISK_CB_UCS2);
	/* one part in UCS-2 makes the whole info UCS-2: "ab" + LF + "ł" */
	assert_int_equal(natrisk_cb_length("ab", NULL, "\xC5\x82", &a), 4);
	assert_int_equal(a, NATRISK_CB_UCS2);
	/* a character outside the BMP is two UTF-16 units: "⚠️" is U+26A0
	 * U+FE0F (1 + 1), the storm emoji U+1F329 two */
	assert_int_equal(natrisk_cb_length("\xF0\x9F\x8C\xA9", NULL, NULL, &a),
	                 2);
	assert_int_equal(natrisk_cb_length("\xE2\x9A\xA0\xEF\xB8\x8F", NULL,
	                                   NULL, &a),
	                 2);
	assert_int_equal(natrisk_cb_max(a), 615);
}

static void test_areas(void **state)
{
	(void)state;
	assert_null(natrisk_cap_polygon_problem(
		"53.6,3.3 53.6,7.3 50.7,7.3 50.7,3.3 53.6,3.3"));
	assert_null(natrisk_cap_polygon_problem("1,1 1,2 2,2 1,1"));
	assert_non_null(natrisk_cap_polygon_problem("1,1 1,2 1,1"));
	assert_non_null(natrisk_cap_polygon_problem("1,1 1,2 2,2 2,1"));
	assert_non_null(natrisk_cap_polygon_problem("1,1 1,2 2,2 1;1"));
	assert_non_null(natrisk_cap_polygon_problem("1,1 1,200 2,2 1,1"));
	assert_non_null(natrisk_cap_polygon_problem(""));
	assert_null(natrisk_cap_circle_problem("52.1,5.1 25"));
	assert_null(natrisk_cap_circle_problem("52.1,5.1 0"));
	assert_non_null(natrisk_cap_circle_problem("52.1,5.1"));
	assert_non_null(natrisk_cap_circle_problem("52.1,5.1 -3"));
	assert_non_null(natrisk_cap_circle_problem("52.1 5.1 3"));
	assert_non_null(natrisk_cap_circle_problem("95,5.1 3"));
	assert_true(natrisk_cap_id_valid("alerts@risk.example"));
	assert_false(natrisk_cap_id_valid("a b"));
	assert_false(natrisk_cap_id_valid("a,b"));
	assert_false(natrisk_cap_id_valid("a&b"));
	assert_false(natrisk_cap_id_valid(""));
	assert_true(natrisk_cap_code_valid(NATRISK_CAP_CATEGORY, "CBRNE"));
	assert_false(natrisk_cap_code_valid(NATRISK_CAP_CATEGORY, "geo"));
}

/* Reads TEXT as a feed of FORMAT; the number of observations or -1. */
static long read_feed(natrisk_feed_format format, const char *text,
                      natrisk_observation **obs)
{
	size_t count;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_feed_read(format, "feed", text, strlen(text), obs,
	                           &count, diag);
	natrisk_diag_free(diag);
	return rc == 0 ? (long)count : -1;
}

static void test_feeds(void **state)
{
	(void)state;
	natrisk_observation *obs;
	/* estimated_kp wins over kp_index; a null estimate falls back */
	assert_int_equal(read_feed(NATRISK_FEED_SWPC_KP,
	                           "[{\"time_tag\": \"2012-03-08T15:00:00\","
	                           " \"kp_index\": 8, \"estimated_kp\": 7.67},"
	                           " {\"time_tag\": \"2012-03-08T15:01:00\","
	                           " \"kp_index\": 7, \"estimated_kp\": null,"
	                           " \"other\": [1, 2]}]",
	                           &obs),
	                 2);
	assert_true(obs[0].time == 1331218800 && obs[0].value == 7.67);
	assert_true(obs[1].time == 1331218860 && obs[1].value == 7);
	free(obs);
	assert_int_equal(read_feed(NATRISK_FEED_SWPC_KP, " [ ] ", &obs), 0);
	assert_int_equal(read_feed(NATRISK_FEED_SWPC_KP, "[{}]", &obs), -1);
	assert_int_equal(read_feed(NATRISK_FEED_SWPC_KP, "[1]", &obs), -1);
	assert_int_equal(read_feed(NATRISK_FEED_SWPC_KP,
	                           "[{\"time_tag\": \"2012-03-08T15:00:00\","
	                           " \"kp_index\": 8}] x", &obs),
	                 -1);
	assert_int_equal(read_feed(NATRISK_FEED_CSV,
	                           "time,value\r\n2012-03-08T15:00:00Z,-1.5e-3"
	                           "\r\n\r\n2012-03-08T15:01:00,2\n",
	                           &obs),
	                 2);
	assert_true(obs[0].value == -1.5e-3 && obs[1].value == 2);
	free(obs);
	assert_int_equal(read_feed(NATRISK_FEED_CSV,
	                           "time,value\n2012-03-08T15:00:00,.5\n",
	                           &obs),
	                 -1);
	assert_int_equal(read_feed(NATRISK_FEED_CSV,
	                           "time,value\n2012-03-08T15:00:00,nan\n",
	                           &obs),
	                 -1);
	/* an empty value at the very end of the text (found by fuzz_feed) */
	assert_int_equal(read_feed(NATRISK_FEED_CSV,
	                           "time,value\r\n2026-10-10T02:00:00,",
	                           &obs),
	                 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_of),
		cmocka_unit_test(test_changes_in_order),
		cmocka_unit_test(test_changes_out_of_order_and_repeated),
		cmocka_unit_test(test_changes_continue_from_state),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_gsm7_length),
		cmocka_unit_test(test_ucs2_length),
		cmocka_unit_test(test_areas),
		cmocka_unit_test(test_feeds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
