/*
 * cap.h - OASIS Common Alerting Protocol 1.2 messages (method.md section
 * 8): the codes and the rules of the standard that natrisk checks, the
 * length of a cell-broadcast text, writing the message of a level change
 * of an indicator (monitor.h) and validating any CAP 1.2 message against
 * the project's schema (schemas/cap-1.2.xsd) and those rules.
 */
#ifndef NATRISK_CAP_H
#define NATRISK_CAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "diag.h"
#include "monitor.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NATRISK_CAP_NAMESPACE "urn:oasis:names:tc:emergency:cap:1.2"

/* The coded fields of an info and of an alert. */
typedef enum {
	NATRISK_CAP_CATEGORY = 0,
	NATRISK_CAP_URGENCY = 1,
	NATRISK_CAP_SEVERITY = 2,
	NATRISK_CAP_CERTAINTY = 3,
	NATRISK_CAP_STATUS = 4,
	NATRISK_CAP_MSGTYPE = 5,
	NATRISK_CAP_SCOPE = 6,
} natrisk_cap_field;

#define NATRISK_CAP_FIELD_COUNT 7

/* Whether TEXT is a code of FIELD in CAP 1.2 (case matters). */
NATRISK_EXTERN
bool natrisk_cap_code_valid(natrisk_cap_field field, const char *text);
/* The codes of FIELD, comma-separated, for messages; static. */
NATRISK_EXTERN
const char *natrisk_cap_codes(natrisk_cap_field field);

/* What is wrong with a polygon ("lat,lon lat,lon ...": at least four
 * pairs, the first equal to the last, latitudes -90..90, longitudes
 * -180..180) or a circle ("lat,lon radius_km"), in English (static), or
 * NULL when it is right. */
NATRISK_EXTERN
const char *natrisk_cap_polygon_problem(const char *text);
NATRISK_EXTERN
const char *natrisk_cap_circle_problem(const char *text);

/* Whether TEXT may be an identifier or a sender: not empty, no spaces,
 * commas, '<' or '&'. */
NATRISK_EXTERN
bool natrisk_cap_id_valid(const char *text);

/* The alphabets of cell broadcast and the most characters a message
 * (15 pages) carries in each (method.md section 8). */
typedef enum {
	NATRISK_CB_GSM7 = 0, /* the GSM 03.38 default alphabet */
	NATRISK_CB_UCS2 = 1,
} natrisk_cb_alphabet;

#define NATRISK_CB_MAX_GSM7 1395
#define NATRISK_CB_MAX_UCS2 615

/*
 * The cell-broadcast length of an info whose headline, description and
 * instruction (each UTF-8, or NULL) are sent one after another, joined
 * by line feeds: in septets in the GSM 7-bit alphabet (a character of
 * its extension table counts two) when every character is in it, else
 * in UCS-2 units (a character outside the BMP counts two). Returns the
 * length and sets *ALPHABET.
 */
NATRISK_EXTERN
size_t natrisk_cb_length(const char *headline, const char *description,
                         const char *instruction,
                         natrisk_cb_alphabet *alphabet);

/* The most characters of ALPHABET. */
NATRISK_EXTERN
size_t natrisk_cb_max(natrisk_cb_alphabet alphabet);

/* A message for a level change of an indicator. */
typedef struct natrisk_cap_message {
	const char *sender;
	const char *identifier;
	int64_t sent;            /* seconds since the epoch, UTC */
	const char *status;      /* Actual, Exercise, ... */
	const char *msg_type;    /* Alert, Update, Cancel */
	const char *references;  /* or NULL */
	const natrisk_indicator *indicator; /* NULL: an operator's message,
	                                       without a parameter */
	const natrisk_alert_level *level; /* its codes and texts */
	double value;            /* the observation */
} natrisk_cap_message;

/*
 * Writes MSG as a CAP 1.2 XML document (UTF-8), one info per language of
 * its level's headline (nl-NL, then en-US). Returns NATRISK_OK with *OUT
 * (malloc'd, LEN bytes and a NUL; free() it), or NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_cap_write(const natrisk_cap_message *msg, char **out,
                      size_t *len);

/* The identifier natrisk gives the message of indicator ID at TIME:
 * "natrisk-ID-YYYYMMDDThhmmssZ", into BUF of SIZE bytes (at least 96);
 * returns BUF, which stays the caller's (nothing to free). */
NATRISK_EXTERN
char *natrisk_cap_identifier(const char *id, int64_t time, char *buf,
                             size_t size);

/*
 * Validates the CAP 1.2 message in BUF (LEN bytes, the file NAME)
 * against the schema of CAP 1.2 (schemas/cap-1.2.xsd: the copy in
 * $NATRISK_DATADIR/schemas, else the installed one, else the one built
 * in) and the rules of method.md section 8 the schema cannot say.
 * Returns NATRISK_OK, NATRISK_EINVALID after adding located errors to
 * DIAG, or NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_cap_validate(const char *name, const char *buf, size_t len,
                         natrisk_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
