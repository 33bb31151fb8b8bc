/*
 * fuzz_smaa_csv.c - libFuzzer target: any pair of files given to the
 * SMAA sample reader (M.csv and W.csv) must give samples or located
 * diagnostics, never a crash, a leak or undefined behaviour. The input is
 * split into the two files at its first 0xFF byte (a byte that valid
 * UTF-8 never holds), or half-way when there is none. Samples that load
 * are analysed and written as JSON, table and CSV, so that the engine and
 * the writers see whatever the reader lets through.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/smaa.h>
#include <natrisk/smaa_csv.h>
#include <natrisk/smaa_output.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Keeps the m x m tables and the passes small. */
enum { MAX_WORK = 1 << 20 };

static void analyse(const natrisk_smaa_samples *s)
{
	size_t m = s->alternatives;
	if (m > 256 || s->iterations * m * m * s->criteria > MAX_WORK)
		return;
	natrisk_smaa *r = NULL;
	unsigned outputs = NATRISK_SMAA_CENTRAL | NATRISK_SMAA_CONFIDENCE |
	                   NATRISK_SMAA_PAIRWISE;
	if (natrisk_smaa_given(&r, s, outputs) != 0)
		return;
	free(natrisk_smaa_json(r, NULL));
	FILE *sink = fopen("/dev/null", "w");
	if (sink) {
		natrisk_smaa_write(r, NATRISK_FORMAT_TABLE, NULL, sink);
		natrisk_smaa_write(r, NATRISK_FORMAT_CSV, NULL, sink);
		fclose(sink);
	}
	natrisk_smaa_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *split = memchr(data, 0xFF, size);
	size_t m_len = split ? (size_t)(split - data) : size / 2;
	size_t w_start = split ? m_len + 1 : m_len;
	/* copies, so that reading past either part is caught */
	char *m = malloc(m_len + 1), *w = malloc(size - w_start + 1);
	if (!m || !w) {
		free(m);
		free(w);
		return 0;
	}
	memcpy(m, data, m_len);
	memcpy(w, data + w_start, size - w_start);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_smaa_samples_file *f = NULL;
	if (natrisk_smaa_samples_load_buffers(&f, "m.csv", m, m_len, "w.csv",
	                                      w, size - w_start, diag) == 0)
		analyse(natrisk_smaa_samples_view(f));
	natrisk_smaa_samples_free(f);
	natrisk_diag_free(diag);
	free(m);
	free(w);
	return 0;
}
