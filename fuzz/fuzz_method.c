/*
 * fuzz_method.c - libFuzzer target: any bytes given to the method loader
 * must give a method or diagnostics, never a crash, a leak or undefined
 * behaviour.
 */
#include <stdint.h>

#include <natrisk/method.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_method *m = NULL;
	natrisk_method_load_buffer(&m, "fuzz-method.yaml", (const char *)data,
	                           size, diag);
	natrisk_method_free(m);
	natrisk_diag_free(diag);
	return 0;
}
