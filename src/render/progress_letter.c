/*
 * progress_letter.c - natrisk_progress_letter_write() (progress_letter.h):
 * the risk diagram of the plan's assessment, then the letter in the
 * format asked for.
 */
#include <natrisk/progress_letter.h>

#include "../core/error.h"
#include "letter_formats.h"

int natrisk_progress_letter_write(const natrisk_progress *pr,
                                  const natrisk_results *r,
                                  natrisk_letter_format format,
                                  natrisk_lang lang, FILE *out)
{
	natrisk_scene *scene = NULL;
	natrisk_diagram_options options = { .lang = lang };
	int rc = natrisk_diagram_scene(&scene, r, &options);
	if (rc != 0)
		return rc;
	if (format == NATRISK_LETTER_ODT)
		rc = letter_write_odt(pr, scene, lang, out);
	else if (letter_write_html(pr, scene, lang, out) != 0)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_scene_free(scene);
	if (rc == 0 && ferror(out))
		rc = error_set(NATRISK_EIO, "cannot write the output");
	return rc;
}
