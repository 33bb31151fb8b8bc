/*
 * abort_target.c - a fuzz target that fails on purpose: an input that
 * starts with "abort" aborts, anything else passes. Linked with
 * fuzz/replay.c, it lets tests/cli/fuzz_replay.sh check that the replay
 * driver reports a crashing input with a failing exit status (a replay
 * that cannot fail would prove nothing).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 5 && memcmp(data, "abort", 5) == 0)
		abort();
	return 0;
}
