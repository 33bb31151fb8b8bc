/*
 * fuzz_store_request.c - libFuzzer target: what a request brings to the
 * store (a new scenario, an edit of one, a score) is any bytes. The store
 * checks it with the assessment loader inside its own text; whatever the
 * bytes, the answer is a write or diagnostics, never a crash, a leak, or
 * a change beyond the one scenario or score the request names.
 *
 * The first byte picks the operation and the criterion; the rest is the
 * body. One store (a temporary file) serves the whole run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <natrisk/scoring.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fixture[] =
	"natrisk: 1\ntitle: Fuzz\nmethod: nrb-2008\n"
	"themes: [{id: t, title: T}]\n"
	"scenarios:\n"
	"  - {id: flood, title: Flood, theme: t, kind: hazard, likelihood: C,"
	" impact: {2.1: D}}\n"
	"  - {id: spy, title: Spy, kind: threat, likelihood: B, impact: {}}\n";

static natrisk_store *store;
static int64_t edition;
static char path[] = "/tmp/natrisk-fuzz-XXXXXX";

/* A replay (fuzz/replay.c) ends by returning from main: leave nothing
 * behind. */
static void close_store(void)
{
	natrisk_store_close(store);
	unlink(path);
}

static void open_store(void)
{
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	unlink(path);
	atexit(close_store);
	natrisk_assessment *a;
	natrisk_diag *diag = natrisk_diag_new();
	if (natrisk_store_open(&store, path) != 0 ||
	    natrisk_assessment_load_buffer(&a, "f.yaml", fixture,
	                                   sizeof fixture - 1, diag) != 0 ||
	    natrisk_store_import(store, a, "fuzz", NULL, 0, &edition) != 0)
		abort();
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const criteria[] = { "likelihood", "2.1", "3.1",
		                                "5.3", "9.9" };
	if (!store)
		open_store();
	if (size < 1)
		return 0;
	const char *body = (const char *)data + 1;
	size_t len = size - 1;
	natrisk_diag *diag = natrisk_diag_new();
	const char *scenario = data[0] & 8 ? "spy" : "flood";
	switch (data[0] % 4) {
	case 0:
		natrisk_store_scenario_add(store, edition, body, len, "fuzz",
		                           NATRISK_CONFIDENTIAL, diag, NULL);
		break;
	case 1:
		natrisk_store_scenario_edit(store, edition, scenario, body, len,
		                            "fuzz", NATRISK_CONFIDENTIAL, diag);
		break;
	case 2:
		natrisk_store_score(store, edition, scenario,
		                    criteria[(data[0] >> 4) % 5], true, body, len,
		                    "fuzz", diag);
		break;
	default: /* a batch: {criterion: score, ...}, all or none */
		natrisk_store_score_batch(store, edition, scenario, true, body,
		                          len, "fuzz", diag);
		break;
	}
	natrisk_diag_free(diag);
	/* the edition still exports as a valid assessment */
	char *yaml;
	size_t yaml_len, shown;
	if (natrisk_store_export(store, edition, NATRISK_CONFIDENTIAL, &yaml,
	                         &yaml_len, &shown) != 0)
		abort();
	natrisk_assessment *a = NULL;
	diag = natrisk_diag_new();
	if (natrisk_assessment_load_buffer(&a, "export.yaml", yaml, yaml_len,
	                                   diag) != 0)
		abort();
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	free(yaml);
	return 0;
}
