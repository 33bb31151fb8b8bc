/*
 * fuzz_cap.c - libFuzzer target: any bytes given to the CAP 1.2
 * validator (natrisk cap validate) must give a verdict with located
 * errors, never a crash, a leak or undefined behaviour.
 */
#include <stdint.h>
#include <stdlib.h>

#include <natrisk/cap.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_cap_validate("fuzz.xml", (const char *)data, size, diag);
	natrisk_diag_free(diag);
	return 0;
}
