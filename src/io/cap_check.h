/*
 * cap_check.h - what the validator of CAP messages shares: the message
 * being checked (cap_validate.c), the schema (cap_schema.c) and the rules
 * beyond the schema (cap_rules_check.c).
 */
#ifndef NATRISK_CAP_CHECK_H
#define NATRISK_CAP_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <natrisk/diag.h>

#include "../core/messages.h"

typedef struct cap_source {
	const char *name;
	const char *buf;
	size_t len;
	natrisk_diag *diag;
	size_t errors;
	bool out_of_memory;
} cap_source;

/* The column (1-based, in characters) of the start tag NAME on LINE of
 * the message, or 1 when it is not there. */
int cap_column(const cap_source *src, int line, const char *name);

/* An error at NODE (NULL: the start of the file). */
void cap_report(cap_source *src, const xmlNode *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The CAP 1.2 schema, compiled (xmlSchemaFree() it), or NULL. */
xmlSchemaPtr cap_schema_load(void);

/* The rules of method.md section 8 beyond the schema, on the valid
 * message whose root is ALERT. */
void cap_check_rules(cap_source *src, const xmlNode *alert);

#endif
