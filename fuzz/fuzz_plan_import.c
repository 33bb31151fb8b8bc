/*
 * fuzz_plan_import.c - libFuzzer target: any bytes given as the CSV of
 * "natrisk plan import-actions" must give a new plan text or located
 * diagnostics, never a crash, a leak or undefined behaviour. The plan
 * and its assessment are fixed here (the assessment given as text, so
 * that no file is read): actions with and without a log, in block
 * style, and one written in flow style that no entry can be added to.
 */
#include <stdint.h>
#include <stdlib.h>

#include <natrisk/plan_import.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char assessment[] =
	"natrisk: 1\ntitle: T\nmethod: nrb-2008\nscenarios:\n"
	"  - { id: s1, title: One, kind: hazard, likelihood: C,"
	" impact: { \"2.1\": C } }\n";

static const char plan[] =
	"natrisk: 1\nplan: P\nassessment: a.yaml\n"
	"organisations: [{ id: o1, title: O1 }]\n"
	"capabilities: [{ id: c1, title: C1, phase: response,"
	" scenarios: [s1] }]\n"
	"measures:\n"
	"  - id: m1\n    title: M1\n    capabilities: [c1]\n    owners: [o1]\n"
	"    actions:\n"
	"      - id: a\n        what: A\n        due: 2012\n        log:\n"
	"          - { date: 2012-06-05, status: planned }\n"
	"          # a comment inside the log\n"
	"          - date: 2012-11-30\n            status: on-track\n"
	"      - id: b\n        what: B\n        due: 2013-Q1\n"
	"      - { id: f, what: F, due: 2013-06 }\n"
	"advice:\n"
	"  - { id: ad, title: Ad, owners: [o1], measures: [m1],"
	" decision: { status: adopted } }\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	natrisk_diag *diag = natrisk_diag_new();
	char *out = NULL;
	size_t len, changed;
	natrisk_plan_import_actions("fuzz/p.yaml", plan, sizeof plan - 1,
	                            assessment, sizeof assessment - 1,
	                            "fuzz.csv", (const char *)data, size, &out,
	                            &len, &changed, diag);
	free(out);
	natrisk_diag_free(diag);
	return 0;
}
