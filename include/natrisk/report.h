/*
 * report.h - the findings report: one self-contained HTML file with print
 * CSS, holding the risk diagram (inline SVG), the ranked summary, a section
 * per scenario with every score, its LL/UL and rationale and a bar chart
 * per vital interest, the ranking under every weight profile side by side,
 * and, with a previous edition, the movements since.
 */
#ifndef NATRISK_REPORT_H
#define NATRISK_REPORT_H

#include <stdio.h>

#include "results.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_report_options {
	natrisk_lang lang;
	/* Results of the previous edition (same profile), or NULL. */
	const natrisk_results *previous;
} natrisk_report_options;

int natrisk_report_write(const natrisk_results *r,
                         const natrisk_report_options *options, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
