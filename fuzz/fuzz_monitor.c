/*
 * fuzz_monitor.c - libFuzzer target: any bytes given to the monitor
 * file's loader must give a monitor or diagnostics, never a crash, a leak
 * or undefined behaviour. The input is named as if it lay in
 * fuzz/seeds/fuzz_monitor/, so that an assessment path in it resolves to
 * the example (../../../examples/nrb-2012.yaml) when run from the source
 * tree. A loaded monitor's first level of each indicator is written as a
 * CAP message and validated, so that the writer and the validator see
 * what the loader lets through.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/cap.h>
#include <natrisk/monitor.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_and_validate(const natrisk_monitor *m,
                               const natrisk_indicator *ind)
{
	natrisk_cap_message msg = {
		.sender = natrisk_monitor_sender(m), .identifier = "fuzz",
		.sent = 0, .status = "Test", .msg_type = "Alert",
		.indicator = ind, .level = &ind->levels[0], .value = 1,
	};
	char *xml;
	size_t len;
	if (natrisk_cap_write(&msg, &xml, &len) != 0)
		return;
	natrisk_diag *diag = natrisk_diag_new();
	/* what the loader accepts, the validator must accept */
	if (natrisk_cap_validate("fuzz.xml", xml, len, diag) ==
	    NATRISK_EINVALID)
		abort();
	natrisk_diag_free(diag);
	free(xml);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_monitor *m = NULL;
	if (natrisk_monitor_load_buffer(&m, "fuzz/seeds/fuzz_monitor/fuzz.yaml",
	                                (const char *)data, size, diag) == 0)
		for (size_t i = 0; i < natrisk_monitor_indicator_count(m); i++)
			write_and_validate(m, natrisk_monitor_indicator(m, i));
	natrisk_monitor_free(m);
	natrisk_diag_free(diag);
	return 0;
}
