/*
 * yschema.h - checking a ytree against what a loader expects: the allowed
 * keys of a mapping, and typed scalars (text, numbers, booleans, ids).
 * Each check reports a located error and returns false or NULL, so that a
 * loader can go on and find the next problem.
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
/* The text of NODE copied into INTO (NULL for a NULL node); a node that
 * is not text is reported and clears *OK. */
const char *ykeep_text(ydoc *doc, arena *into, const ynode *node,
                       const char *what, bool *ok);
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
