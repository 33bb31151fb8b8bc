/*
 * xml_text.c - see xml_text.h.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/common.h>

#include "../core/error.h"
#include "xml_text.h"

int xml_text_write(int (*write)(xmlTextWriterPtr w, const void *ctx),
                   const void *ctx, bool indent, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	xmlBufferPtr buffer = xmlBufferCreate();
	xmlTextWriterPtr w = buffer ? xmlNewTextWriterMemory(buffer, 0)
	                            : NULL;
	int rc = w ? 0 : -1;
	if (w) {
		if (indent) {
			xmlTextWriterSetIndent(w, 1);
			xmlTextWriterSetIndentString(w, BAD_CAST "  ");
		}
		rc = write(w, ctx);
		xmlFreeTextWriter(w); /* flushes into BUFFER */
	}
	if (rc == 0) {
		*len = (size_t)xmlBufferLength(buffer);
		*out = malloc(*len + 1);
		if (*out) {
			memcpy(*out, xmlBufferContent(buffer), *len);
			(*out)[*len] = '\0';
		}
	}
	if (buffer)
		xmlBufferFree(buffer);
	if (!*out) {
		*len = 0;
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	return NATRISK_OK;
}
