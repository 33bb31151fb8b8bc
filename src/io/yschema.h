/*
 * yschema.h - checking a ytree against what a loader expects: the allowed
 * keys of a mapping, and typed scalars (text, numbers, booleans, ids).
 * Each check reports a located error and returns false or NULL, so that a
 * loader can go on and find the next problem. WHAT, in every check, is a
 * part of the message in English, which the check translates (messages.h;
 * tests/tools/messages.py knows these functions).
 */
#ifndef NATRISK_YSCHEMA_H
#define NATRISK_YSCHEMA_H

#include "ytree.h"

/*
 * KEYS lists the keys a mapping may have, NULL-terminated; a key written
 * with a leading '*' is required. Reports every unknown key (with a
 * suggestion when one is close) and every missing required key. WHAT names
 * the mapping in messages ("scenario", "method"). Returns false if NODE is
 * not a mapping or any key is wrong.
 */
bool ycheck_map(ydoc *doc, const ynode *node, const char *const *keys,
                const char *what);

/* The text of a non-null scalar, or NULL after an error naming WHAT. */
const char *ytext(ydoc *doc, const ynode *node, const char *what);

/*
 * Kinds of free text and their limits, in characters (Unicode code
 * points); docs/design.md says why. Titles, names and labels need 1 to 200
 * characters that are not all white space; the others may be empty.
 */
typedef enum {
	YTEXT_TITLE,       /* 1 to 200, never blank */
	YTEXT_LABEL,       /* up to 200 (an edition's name) */
	YTEXT_WHY,         /* up to 10,000: a score's rationale */
	YTEXT_DESCRIPTION, /* up to 20,000 */
	YTEXT_SOURCE       /* up to 5,000: one source or source note */
} ytext_kind;

/* Sources of one scenario or method, at most. */
#define YSOURCES_MAX 100

/* The most characters text of KIND may have. */
size_t ytext_max(ytext_kind kind);

/* Whether the text of scalar NODE keeps the limits of KIND; else a
 * located error naming WHAT. */
bool ytext_fits(ydoc *doc, const ynode *node, const char *what,
                ytext_kind kind);

/* The text of NODE, checked as text of KIND, copied into INTO (NULL for a
 * NULL node); a node that is not such text is reported and clears *OK. */
const char *ykeep_text(ydoc *doc, arena *into, const ynode *node,
                       const char *what, ytext_kind kind, bool *ok);

/* A list of at most YSOURCES_MAX sources, else a located error. */
bool ysources(ydoc *doc, const ynode *node);
/* An id: [a-z0-9-]+, starting with a letter or digit. */
const char *yid(ydoc *doc, const ynode *node, const char *what);
/* A finite number written as a plain YAML 1.2 int or float. */
bool ynumber(ydoc *doc, const ynode *node, const char *what, double *out);
bool ybool(ydoc *doc, const ynode *node, const char *what, bool *out);
/* Whether a plain scalar reads as a YAML number (no error). */
bool yis_number(const ynode *node, double *out);

/* The format version under KEY, which must be 1 ("unsupported WHAT 2;
 * this natrisk reads WHAT 1" otherwise). */
bool yversion(ydoc *doc, const ynode *node, const char *key,
              const char *what);

/* A mapping or list of the expected kind, else an error. */
bool yexpect(ydoc *doc, const ynode *node, ynode_kind kind, const char *what);

#endif
