/*
 * cap_validate.c - checks any CAP 1.2 message (method.md section 8):
 * well-formed XML, then valid against the project's schema
 * (schemas/cap-1.2.xsd, cap_schema.c finds it), then the rules of the
 * standard that a schema cannot say (cap_rules_check.c). Every problem is
 * an error at its line and column.
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <natrisk/cap.h>

#include "../core/error.h"
#include "cap_check.h"

int cap_column(const cap_source *src, int line, const char *name)
{
	const char *p = src->buf, *end = src->buf + src->len;
	for (int l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	eol = eol ? eol : end;
	size_t n = name ? strlen(name) : 0;
	for (const char *q = p; n && q < eol; q++) {
		if (*q != '<')
			continue;
		const char *tag = q + 1;
		const char *colon = memchr(tag, ':', (size_t)(eol - tag));
		const char *gt = memchr(tag, '>', (size_t)(eol - tag));
		if (colon && (!gt || colon < gt) &&
		    !memchr(tag, ' ', (size_t)(colon - tag)))
			tag = colon + 1;
		if ((size_t)(eol - tag) > n && memcmp(tag, name, n) == 0 &&
		    strchr(" \t\r/>", tag[n])) {
			int column = 1;
			for (const char *c = p; c < q; c++)
				column += ((unsigned char)*c & 0xC0) != 0x80;
			return column;
		}
	}
	return 1;
}

void cap_report(cap_source *src, const xmlNode *node, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	va_end(ap);
	int line = node ? (int)xmlGetLineNo(node) : 1;
	int column = cap_column(src, line, node ? (const char *)node->name
	                                        : NULL);
	natrisk_diag_add(src->diag, NATRISK_SEVERITY_ERROR, src->name, line,
	                 column, "%s", message);
	src->errors++;
}

/* libxml2's errors (the parser's and the schema's), at their place. */
static void on_error(void *ctx, const xmlError *error)
{
	cap_source *src = ctx;
	if (error->level < XML_ERR_ERROR)
		return;
	char message[512];
	snprintf(message, sizeof message, "%s", error->message ?
	         error->message : "invalid XML");
	size_t n = strlen(message);
	while (n && (message[n - 1] == '\n' || message[n - 1] == ' '))
		message[--n] = '\0';
	const xmlNode *node = error->node;
	int line = error->line > 0 ? error->line
	                           : node ? (int)xmlGetLineNo(node) : 1;
	int column = error->domain == XML_FROM_SCHEMASV && node
	                     ? cap_column(src, line, (const char *)node->name)
	                     : error->int2 > 0 ? error->int2 : 1;
	natrisk_diag_add(src->diag, NATRISK_SEVERITY_ERROR, src->name, line,
	                 column, "%s", message);
	src->errors++;
}

static void structured(void *ctx, xmlErrorPtr error)
{
	on_error(ctx, error);
}

static xmlDocPtr parse(cap_source *src)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return NULL;
	xmlSetStructuredErrorFunc(src, structured);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, src->buf, (int)src->len,
	                                  src->name, NULL,
	                                  XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	if (!doc && src->errors == 0)
		cap_report(src, NULL, "not an XML document");
	return doc;
}

static void validate_schema(cap_source *src, xmlDocPtr doc)
{
	xmlSchemaPtr schema = cap_schema_load();
	if (!schema) {
		cap_report(src, NULL, "the CAP 1.2 schema cannot be read");
		return;
	}
	xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
	if (valid) {
		xmlSchemaSetValidStructuredErrors(valid, structured, src);
		if (xmlSchemaValidateDoc(valid, doc) != 0 && src->errors == 0)
			cap_report(src, xmlDocGetRootElement(doc),
			           "not a valid CAP 1.2 message");
		xmlSchemaFreeValidCtxt(valid);
	} else {
		src->out_of_memory = true;
	}
	xmlSchemaFree(schema);
}

int natrisk_cap_validate(const char *name, const char *buf, size_t len,
                         natrisk_diag *diag)
{
	if (len > (size_t)1 << 30)
		return error_set(NATRISK_EINVALID, "%s: too large", name);
	cap_source src = { .name = name, .buf = buf, .len = len,
		           .diag = diag };
	xmlDocPtr doc = parse(&src);
	if (doc && src.errors == 0)
		validate_schema(&src, doc);
	if (doc && src.errors == 0)
		cap_check_rules(&src, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	if (src.out_of_memory)
		return error_set(NATRISK_ENOMEM, "out of memory");
	return src.errors ? error_set(NATRISK_EINVALID, "%s: invalid CAP "
	                              "message", name)
	                  : NATRISK_OK;
}
