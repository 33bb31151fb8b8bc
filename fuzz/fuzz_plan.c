/*
 * fuzz_plan.c - libFuzzer target: any bytes given to the plan loader must
 * give a plan or diagnostics, never a crash, a leak or undefined
 * behaviour. The input is named as if it lay in fuzz/seeds/fuzz_plan/, so
 * that an assessment path in it resolves to the small test assessment
 * (../../../tests/data/plan/small.yaml) or the example
 * (../../../examples/nrb-2012.yaml) when run from the source tree, as
 * make fuzz and the replay in make check do. A loaded plan's capability
 * figures are also computed and written as JSON, so that they see what
 * the loader lets through.
 */
#include <stdint.h>
#include <stdlib.h>

#include <natrisk/capabilities_output.h>
#include <natrisk/plan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_plan *p = NULL;
	if (natrisk_plan_load_buffer(&p, "fuzz/seeds/fuzz_plan/fuzz.yaml",
	                             (const char *)data, size, diag) == 0) {
		natrisk_capabilities *c = NULL;
		if (natrisk_capabilities_new(&c, p) == 0)
			free(natrisk_capabilities_json(c));
		natrisk_capabilities_free(c);
	}
	natrisk_plan_free(p);
	natrisk_diag_free(diag);
	return 0;
}
