/*
 * smaa_chart.h - pictures of a stochastic analysis, as scenes (see
 * diagram.h) that write to SVG, PNG or PDF like the risk diagram:
 * the stacked bar chart of rank acceptabilities.
 */
#ifndef NATRISK_SMAA_CHART_H
#define NATRISK_SMAA_CHART_H

#include "diagram.h"
#include "smaa.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * One horizontal bar per alternative, ordered by expected rank (most
 * severe first), split into segments for rank 1, 2, ... with a colour
 * ramp, shares labelled where they fit, a legend of the ranks, and the
 * confidence factor beside each bar when it was computed. TITLE may be
 * NULL. Labels in LANG. Returns NATRISK_OK with *OUT, which the caller
 * frees with natrisk_scene_free(); or NATRISK_ENOMEM with *OUT NULL.
 * The scene copies what it shows: S may be freed before it.
 */
NATRISK_EXTERN
int natrisk_smaa_chart_scene(natrisk_scene **out, const natrisk_smaa *s,
                             natrisk_lang lang, const char *title);

#ifdef __cplusplus
}
#endif
#endif
