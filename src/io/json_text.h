/*
 * json_text.h - a document of the JSON outputs as the text they write:
 * indented by two, members in the order they were set, reals to 17
 * significant digits (so that they read back the same). json_writer.h
 * writes the same text as it goes, for outputs too large for a tree.
 */
#ifndef NATRISK_JSON_TEXT_H
#define NATRISK_JSON_TEXT_H

#include <jansson.h>

/* ROOT's text, a string the caller frees with free(); takes ROOT (NULL
 * allowed: then NULL, as when out of memory). */
static inline char *json_text_take(json_t *root)
{
	char *text = root ? json_dumps(root, JSON_INDENT(2) |
	                                             JSON_PRESERVE_ORDER |
	                                             JSON_REAL_PRECISION(17))
	                  : NULL;
	json_decref(root);
	return text;
}

#endif
