/*
 * cap_schema.c - finds and compiles the CAP 1.2 schema: the copy in
 * $NATRISK_DATADIR/schemas, else the installed data directory's, else
 * the one built into the library (tools/embed), so that a natrisk that
 * is not installed validates too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cap_check.h"
#include "embedded.h"

#ifndef NATRISK_DATADIR
#define NATRISK_DATADIR "/usr/local/share/natrisk"
#endif

#define SCHEMA_NAME "cap-1.2.xsd"

static void quiet(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

static xmlSchemaPtr compile(xmlSchemaParserCtxtPtr parser)
{
	if (!parser)
		return NULL;
	xmlSchemaSetParserStructuredErrors(parser, quiet, NULL);
	xmlSchemaPtr schema = xmlSchemaParse(parser);
	xmlSchemaFreeParserCtxt(parser);
	return schema;
}

/* DIR/schemas/cap-1.2.xsd, compiled, when that file exists. */
static xmlSchemaPtr from_dir(const char *dir)
{
	char path[4096];
	if (!dir || !*dir ||
	    snprintf(path, sizeof path, "%s/schemas/" SCHEMA_NAME, dir) >=
	            (int)sizeof path ||
	    access(path, R_OK) != 0)
		return NULL;
	return compile(xmlSchemaNewParserCtxt(path));
}

xmlSchemaPtr cap_schema_load(void)
{
	xmlSchemaPtr schema = from_dir(getenv("NATRISK_DATADIR"));
	if (!schema)
		schema = from_dir(NATRISK_DATADIR);
	for (const struct embedded_file *f = embedded_schemas;
	     !schema && f->name; f++)
		if (strcmp(f->name, SCHEMA_NAME) == 0)
			schema = compile(xmlSchemaNewMemParserCtxt(
				(const char *)f->data, (int)f->len));
	return schema;
}
