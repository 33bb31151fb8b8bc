/*
 * diagram.h - the risk diagram: likelihood (a factor ten per class) against
 * impact (logarithmic, a factor three per class), with background bands from
 * green to red, each scenario a labelled point with LL-UL whiskers, a
 * colour per theme, a mark on new scenarios and, when a previous edition
 * is given, arrows from where each scenario stood (or, for a residual
 * assessment, from where each scenario that the measures move stands
 * now). With a stochastic
 * analysis (smaa.h, NATRISK_SMAA_CLOUD) each scenario's cloud of draws is
 * shaded beneath its point: the bins holding 50 % and 90 % of its draws.
 *
 * The diagram is built once as a scene (a list of shapes) and then written
 * as SVG by our own writer, or as PNG or PDF by cairo, from the same scene.
 */
#ifndef NATRISK_DIAGRAM_H
#define NATRISK_DIAGRAM_H

#include <stdbool.h>
#include <stdio.h>

#include "results.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_scene natrisk_scene;

typedef struct natrisk_diagram_options {
	natrisk_lang lang;
	/* Results of the previous edition (same profile), or NULL. */
	const natrisk_results *previous;
	/* PREVIOUS is this assessment before a set of measures, the
	 * results drawn its residual (residual.h): arrows only for the
	 * scenarios whose place moved, and the legend says so. */
	bool previous_before_measures;
	/* SMAA of the same assessment with NATRISK_SMAA_CLOUD: each
	 * scenario's cloud of draws. */
	const struct natrisk_smaa *uncertainty; /* smaa.h; or NULL */
} natrisk_diagram_options;

/*
 * The risk diagram of R as a scene, in OPTIONS->lang (OPTIONS may be
 * NULL: English, no movements, no clouds). Returns NATRISK_OK with *OUT
 * a new scene, or NATRISK_ENOMEM with *OUT NULL. The scene copies its
 * texts but borrows the scenario ids of R's assessment: free it with
 * natrisk_scene_free() before that assessment. R and OPTIONS' results
 * and analysis may be freed once the scene is made.
 */
NATRISK_EXTERN
int natrisk_diagram_scene(natrisk_scene **out, const natrisk_results *r,
                          const natrisk_diagram_options *options);
/* Frees SCENE and everything in it. NULL is allowed. */
NATRISK_EXTERN
void natrisk_scene_free(natrisk_scene *scene);

/* The prefix of the ids the SVG gives its title and description
 * ("natrisk" unless set): pictures inlined in one HTML page need their
 * own. PREFIX is copied; [a-z0-9-]+. Returns NATRISK_OK,
 * NATRISK_EINVALID for another character (nothing changed) or
 * NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_scene_set_id(natrisk_scene *scene, const char *prefix);

/* Writes SCENE to OUT as SVG; INLINE_SVG leaves out the XML declaration,
 * for embedding in HTML. Returns NATRISK_OK, or NATRISK_EIO when OUT
 * reports an error. OUT stays open: the caller's. */
NATRISK_EXTERN
int natrisk_scene_write_svg(const natrisk_scene *scene, bool inline_svg,
                            FILE *out);
/* Writes SCENE to OUT through cairo, as PNG at SCALE pixels per scene
 * unit or as PDF. Returns NATRISK_OK, or NATRISK_EIO when cairo or OUT
 * fails. OUT stays open: the caller's. */
NATRISK_EXTERN
int natrisk_scene_write_png(const natrisk_scene *scene, double scale,
                            FILE *out);
NATRISK_EXTERN
int natrisk_scene_write_pdf(const natrisk_scene *scene, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
