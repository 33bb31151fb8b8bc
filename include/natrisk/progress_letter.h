/*
 * progress_letter.h - the yearly progress letter to parliament
 * (voortgangsbrief, method.md section 6b) from a register of progress
 * (progress.h): the current risk picture (the diagram of the plan's
 * assessment), per adopted advice a section with its owners, its
 * measures and their actions' status, what changed since the last
 * letter and what is overdue; in HTML or as an OpenDocument Text
 * package (.odt: an uncompressed mimetype first, content.xml,
 * styles.xml, meta.xml, the diagram as Pictures/diagram.png and
 * META-INF/manifest.xml listing every part).
 */
#ifndef NATRISK_PROGRESS_LETTER_H
#define NATRISK_PROGRESS_LETTER_H

#include <stdio.h>

#include "common.h"
#include "progress.h"
#include "results.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	NATRISK_LETTER_HTML = 0,
	NATRISK_LETTER_ODT = 1,
} natrisk_letter_format;

/*
 * Writes the letter of PR in LANG to OUT (the caller's, left open); R are
 * the results of the plan's assessment, drawn as the risk picture.
 * Returns NATRISK_OK, NATRISK_ENOMEM, NATRISK_EIO or NATRISK_ERROR (the
 * diagram or the package could not be made), with natrisk_error_last().
 */
NATRISK_EXTERN
int natrisk_progress_letter_write(const natrisk_progress *pr,
                                  const natrisk_results *r,
                                  natrisk_letter_format format,
                                  natrisk_lang lang, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
