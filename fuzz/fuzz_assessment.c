/*
 * fuzz_assessment.c - libFuzzer target: any bytes given to the assessment
 * loader must give a model or diagnostics, never a crash, a leak or
 * undefined behaviour. A loaded model is also assessed and written as
 * JSON, so that the engine sees what the loader lets through.
 */
#include <stdint.h>
#include <stdlib.h>

#include <natrisk/assessment.h>
#include <natrisk/output.h>
#include <natrisk/results.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	if (natrisk_assessment_load_buffer(&a, "fuzz.yaml", (const char *)data,
	                                   size, diag) == 0) {
		natrisk_results *r = NULL;
		if (natrisk_results_new(&r, a, 0) == 0)
			free(natrisk_results_json(r));
		natrisk_results_free(r);
	}
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	return 0;
}
