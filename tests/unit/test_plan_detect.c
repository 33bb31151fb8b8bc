/*
 * test_plan_detect.c - natrisk_plan_detect() (plan.h): a file is a plan
 * when its top-level mapping has a `plan` key, or plan lists
 * (capabilities, measures, advice) and no `scenarios`. The keys are read
 * from the parser's events (ytop.c), only as far as needed: a `plan` key
 * decides at once, so that a plan whose text fails further on still goes
 * to the plan loader, which says where. Keys below the top level, and
 * texts that are no mapping, decide nothing. natrisk_monitor_detect()
 * (monitor.h), which check asks first, stops at a `plan` key too.
 */
#include "unit_support.h"

#include <unistd.h>

#include <natrisk/monitor.h>
#include <natrisk/plan.h>

/* DETECTOR's answer for a file holding TEXT. */
static int detect_with(int (*detector)(const char *), const char *text)
{
	char dir[4096], path[4200];
	unit_tmpdir(dir, sizeof dir);
	unit_write_file(dir, "f.yaml", text, path, sizeof path);
	int answer = detector(path);
	unlink(path);
	rmdir(dir);
	return answer;
}

static int detect(const char *text)
{
	return detect_with(natrisk_plan_detect, text);
}

static void test_plan_key(void **state)
{
	(void)state;
	assert_int_equal(detect("natrisk: 1\nplan: P\nassessment: a.yaml\n"), 1);
	/* after scenarios, and in a flow mapping */
	assert_int_equal(detect("scenarios: []\nplan: P\n"), 1);
	assert_int_equal(detect("{natrisk: 1, plan: P, scenarios: []}"), 1);
	/* decided before the text fails */
	assert_int_equal(detect("natrisk: 1\nplan: P\nmeasures: [\n  - oops\n"), 1);
}

static void test_lists_without_scenarios(void **state)
{
	(void)state;
	assert_int_equal(detect("natrisk: 1\nmeasures: []\n"), 1);
	assert_int_equal(detect("advice:\n  - id: a\n"), 1);
	assert_int_equal(detect("capabilities: []\nscenarios: []\n"), 0);
	assert_int_equal(detect("scenarios:\n  - id: s\ncapabilities: []\n"), 0);
}

static void test_not_a_plan(void **state)
{
	(void)state;
	/* an assessment; plan keys below the top level count for nothing */
	assert_int_equal(detect("natrisk: 1\ntitle: T\nscenarios:\n"
	                        "  - { id: s, plan: P, measures: [] }\n"
	                        "themes:\n  plan: x\n"), 0);
	/* a mapping as a value whose keys are plan keys */
	assert_int_equal(detect("title: { plan: P }\n"), 0);
	/* no mapping, or no text that parses before a plan key */
	assert_int_equal(detect("- plan: P\n"), 0);
	assert_int_equal(detect("plan\n"), 0);
	assert_int_equal(detect("title: [\nplan: P\n"), 0);
	assert_int_equal(detect(""), 0);
	assert_int_equal(detect("measures: [\n"), 0);
}

/* The monitor's detection reads no further than a `plan` key: a plan is
 * a plan whatever follows, so a later `monitor` key is not seen (it was,
 * after a read of the whole plan), as neither is a later `scenarios`. */
static void test_monitor_stops_at_plan(void **state)
{
	(void)state;
	assert_int_equal(detect_with(natrisk_monitor_detect,
	                             "natrisk: 1\nmonitor: M\nassessment: a\n"),
	                 1);
	assert_int_equal(detect_with(natrisk_monitor_detect,
	                             "natrisk: 1\nplan: P\nmonitor: M\n"), 0);
	assert_int_equal(detect_with(natrisk_monitor_detect,
	                             "monitor: M\nscenarios: []\n"), 0);
	assert_int_equal(detect("natrisk: 1\nplan: P\nmonitor: M\n"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_key),
		cmocka_unit_test(test_lists_without_scenarios),
		cmocka_unit_test(test_not_a_plan),
		cmocka_unit_test(test_monitor_stops_at_plan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
