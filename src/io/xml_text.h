/*
 * xml_text.h - an XML document written with libxml2's xmlTextWriter into
 * memory and handed over as text: the CAP messages (cap_write.c) and the
 * server's Atom feed of reminders share it.
 */
#ifndef NATRISK_IO_XML_TEXT_H
#define NATRISK_IO_XML_TEXT_H

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stddef.h>

/* Runs WRITE(w, CTX) (0, or -1 when a write failed) on a writer into
 * memory, indented by two spaces when INDENT, and hands the document
 * over in *OUT (malloc'd and NUL-terminated; the caller frees it) and
 * *LEN. Returns NATRISK_OK, or NATRISK_ENOMEM with *OUT NULL (also when
 * WRITE failed: the writer fails only for want of memory). */
int xml_text_write(int (*write)(xmlTextWriterPtr w, const void *ctx),
                   const void *ctx, bool indent, char **out, size_t *len);

#endif
