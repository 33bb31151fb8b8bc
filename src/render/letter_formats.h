/*
 * letter_formats.h - the two writers of the progress letter behind
 * natrisk_progress_letter_write() (progress_letter.c): HTML
 * (letter_html.c) and the OpenDocument Text package (letter_odt.c,
 * odt_package.c).
 */
#ifndef NATRISK_LETTER_FORMATS_H
#define NATRISK_LETTER_FORMATS_H

#include <stdio.h>

#include <natrisk/diagram.h>
#include <natrisk/progress.h>

/* The letter as HTML with SCENE inline as SVG; 0, or -1 on failure. */
int letter_write_html(const natrisk_progress *pr, const natrisk_scene *scene,
                      natrisk_lang lang, FILE *out);

/* The letter as .odt with SCENE as a PNG picture; returns NATRISK_OK or
 * an error code with natrisk_error_last(). */
int letter_write_odt(const natrisk_progress *pr, const natrisk_scene *scene,
                     natrisk_lang lang, FILE *out);

/* One part of an OpenDocument package: its path, media type and bytes. */
typedef struct odt_part {
	const char *path;
	const char *media_type;
	const void *data;
	size_t len;
} odt_part;

/* The package of the N PARTS (mimetype first and PNG pictures stored;
 * the XML parts deflated; META-INF/manifest.xml listing them) written to
 * OUT. Returns NATRISK_OK or an error code with natrisk_error_last(). */
int odt_package_write(const odt_part *parts, size_t n, FILE *out);

#endif
