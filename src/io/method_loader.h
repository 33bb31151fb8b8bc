/*
 * method_loader.h - the pieces shared by the two halves of the method
 * loader: method_load.c (the file as a whole, classes, lookup by id) and
 * method_parts.c (interests, criteria and weight profiles).
 */
#ifndef NATRISK_METHOD_LOADER_H
#define NATRISK_METHOD_LOADER_H

#include "../core/model.h"
#include "yschema.h"

typedef struct loader {
	ydoc *doc;
	natrisk_method *m;
	bool ok;
} loader;

/* A copy of TEXT in the method's arena. */
const char *keep(loader *l, const char *text);
/* The text of NODE (NULL node: NULL), kept; an error clears l->ok. */
const char *keep_text_of(loader *l, const ynode *node, const char *what,
                         ytext_kind kind);
/* {en: ..., nl: ...}, each a title (YTEXT_TITLE) */
void load_text(loader *l, const ynode *node, const char *what,
               natrisk_text *out);
/* {A: text, ... E: text}, each {en, nl} of KIND; ALL: every class
 * required. */
void load_class_texts(loader *l, const ynode *node, const char *what,
                      ytext_kind kind, bool all,
                      natrisk_text out[NATRISK_CLASS_COUNT]);
/* Four strictly ascending positive lower limits of classes B..E. */
void load_ladder(loader *l, const ynode *node, const char *what,
                 double out[4]);
bool positive_number(loader *l, const ynode *node, const char *what,
                     double *out);

void load_interests(loader *l, const ynode *node);
void load_criteria(loader *l, const ynode *node);
void load_weights(loader *l, const ynode *node);

#endif
