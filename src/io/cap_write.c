/*
 * cap_write.c - the CAP 1.2 message of a level change (method.md
 * section 8, docs/formats.md "natrisk monitor"), written with libxml2's
 * xmlTextWriter: the alert block, then one info per language of the
 * level's texts (nl-NL, en-US), each with the level's codes and area.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>
#include <natrisk/cap.h>

#include "../core/error.h"
#include "xml_text.h"

char *natrisk_cap_identifier(const char *id, int64_t time, char *buf,
                             size_t size)
{
	char t[32];
	natrisk_time_format(time, t, sizeof t);
	/* 2012-10-01T06:00:00-00:00 -> 20121001T060000Z */
	snprintf(buf, size, "natrisk-%s-%.4s%.2s%.2sT%.2s%.2s%.2sZ", id, t,
	         t + 5, t + 8, t + 11, t + 14, t + 17);
	return buf;
}

/* Writes <NAME>TEXT</NAME> when TEXT is given; the writer's status. */
static int element(xmlTextWriterPtr w, const char *name, const char *text)
{
	if (!text)
		return 0;
	return xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text) < 0
	               ? -1 : 0;
}

static int write_area(xmlTextWriterPtr w, const natrisk_alert_level *v)
{
	if (!v->area_desc)
		return 0;
	int rc = xmlTextWriterStartElement(w, BAD_CAST "area") < 0 ? -1 : 0;
	rc |= element(w, "areaDesc", v->area_desc);
	rc |= element(w, "polygon", v->polygon);
	rc |= element(w, "circle", v->circle);
	return rc | (xmlTextWriterEndElement(w) < 0 ? -1 : 0);
}

static int write_parameter(xmlTextWriterPtr w, const natrisk_cap_message *m)
{
	if (!m->indicator) /* an operator's message measures nothing */
		return 0;
	char value[64];
	snprintf(value, sizeof value, "%.6g", m->value);
	int rc = xmlTextWriterStartElement(w, BAD_CAST "parameter") < 0;
	rc |= element(w, "valueName", m->indicator->id);
	rc |= element(w, "value", value);
	return rc | (xmlTextWriterEndElement(w) < 0) ? -1 : 0;
}

static int write_info(xmlTextWriterPtr w, const natrisk_cap_message *m,
                      const char *language, const char *headline,
                      const char *description, const char *instruction)
{
	const natrisk_alert_level *v = m->level;
	int rc = xmlTextWriterStartElement(w, BAD_CAST "info") < 0 ? -1 : 0;
	rc |= element(w, "language", language);
	rc |= element(w, "category", v->category);
	rc |= element(w, "event", v->event);
	rc |= element(w, "urgency", v->urgency);
	rc |= element(w, "severity", v->severity);
	rc |= element(w, "certainty", v->certainty);
	rc |= element(w, "senderName", m->sender);
	rc |= element(w, "headline", headline);
	rc |= element(w, "description", description);
	rc |= element(w, "instruction", instruction);
	rc |= write_parameter(w, m);
	rc |= write_area(w, v);
	return rc | (xmlTextWriterEndElement(w) < 0 ? -1 : 0);
}

static int write_alert(xmlTextWriterPtr w, const natrisk_cap_message *m)
{
	char sent[32];
	natrisk_time_format(m->sent, sent, sizeof sent);
	int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElementNS(w, NULL, BAD_CAST "alert",
	                                  BAD_CAST NATRISK_CAP_NAMESPACE) < 0;
	rc |= element(w, "identifier", m->identifier);
	rc |= element(w, "sender", m->sender);
	rc |= element(w, "sent", sent);
	rc |= element(w, "status", m->status);
	rc |= element(w, "msgType", m->msg_type);
	rc |= element(w, "scope", "Public");
	rc |= element(w, "references", m->references);
	const natrisk_alert_level *v = m->level;
	if (v->headline.nl)
		rc |= write_info(w, m, "nl-NL", v->headline.nl,
		                 v->description.nl, v->instruction.nl);
	if (v->headline.en)
		rc |= write_info(w, m, "en-US", v->headline.en,
		                 v->description.en, v->instruction.en);
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc | (xmlTextWriterEndDocument(w) < 0) ? -1 : 0;
}

/* write_alert() for xml_text_write(). */
static int write_message(xmlTextWriterPtr w, const void *msg)
{
	return write_alert(w, msg);
}

int natrisk_cap_write(const natrisk_cap_message *msg, char **out,
                      size_t *len)
{
	return xml_text_write(write_message, msg, true, out, len);
}
