/*
 * fuzz_feed.c - libFuzzer target: any bytes given to the readers of
 * feeds (the space-weather JSON formats and CSV) must give observations
 * or a located error, never a crash, a leak or undefined behaviour. The
 * first byte chooses the format; the observations read are evaluated
 * against the K-index levels, so that out-of-order and repeated times
 * from any input reach the evaluation too.
 */
#include <stdint.h>
#include <stdlib.h>

#include <natrisk/monitor.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const natrisk_alert_level levels[] = {
		{ .at = 5 }, { .at = 6 }, { .at = 7 }, { .at = 8 }, { .at = 9 },
	};
	static const natrisk_indicator ind = { .id = "kp", .levels = levels,
		                               .level_count = 5 };
	if (size == 0)
		return 0;
	natrisk_feed_format format =
		(natrisk_feed_format)(data[0] % NATRISK_FEED_FORMAT_COUNT);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_observation *obs = NULL;
	size_t count = 0;
	if (natrisk_feed_read(format, "feed", (const char *)data + 1, size - 1,
	                      &obs, &count, diag) == 0 && count) {
		natrisk_level_change *changes = malloc(count * sizeof *changes);
		natrisk_indicator_state st = NATRISK_INDICATOR_STATE_INIT;
		if (changes &&
		    natrisk_indicator_evaluate(&ind, obs, count, &st, changes) >
		            count)
			abort();
		free(changes);
	}
	free(obs);
	natrisk_diag_free(diag);
	return 0;
}
