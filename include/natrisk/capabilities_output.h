/*
 * capabilities_output.h - writing a capability analysis (capabilities.h)
 * as "natrisk capabilities" does: the table, the JSON document of
 * formats.md and CSV.
 *
 * JSON (exactly the contract of formats.md): {plan, capabilities: [{id,
 * phase, scenarios, experts, current, target, gap, flagged, measures}],
 * phases: {all five: {capabilities, gap}}, chain_gaps: [{scenario,
 * phases}]}; current, target and gap are null for a capability without
 * levels.
 * CSV: one row per capability, in the plan's order: id, title, phase,
 * scenarios and measures (ids separated by spaces), experts, current,
 * target, gap (empty without levels), flagged.
 */
#ifndef NATRISK_CAPABILITIES_OUTPUT_H
#define NATRISK_CAPABILITIES_OUTPUT_H

#include <stdio.h>

#include "capabilities.h"
#include "common.h"
#include "output.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The JSON document as a NUL-terminated string, or NULL when out of
 * memory. C is borrowed. The caller frees the string with free(). */
NATRISK_EXTERN
char *natrisk_capabilities_json(const natrisk_capabilities *c);

/* Writes C to OUT (the caller's, left open) as a table (in LANG), JSON or
 * CSV. Returns NATRISK_OK, NATRISK_ENOMEM or NATRISK_EIO (with
 * natrisk_error_last()). */
NATRISK_EXTERN
int natrisk_capabilities_write(const natrisk_capabilities *c,
                               natrisk_format format, natrisk_lang lang,
                               FILE *out);

#ifdef __cplusplus
}
#endif
#endif
