/*
 * parser_messages.c - see parser_messages.h. Only texts known here are
 * looked up: a parser's message is not ours, and one that merely
 * resembles an entry of the catalogue must not be translated.
 */
#include "parser_messages.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../core/messages.h"

/* libfyaml's messages for the mistakes met in practice (the parser fills
 * some in from "flow %s" and the like; these are the results). */
static const char *const yaml_known[] = {
	MSG("block sequence entries not allowed in this context"),
	MSG("could not find expected ':'"),
	MSG("did not find expected '-' indicator"),
	MSG("did not find expected key"),
	MSG("did not find expected node content"),
	MSG("double-quoted scalar without closing quote"),
	MSG("duplicate key"),
	MSG("flow mapping with invalid extra closing brace"),
	MSG("flow mapping without a closing brace"),
	MSG("flow sequence with invalid extra closing bracket"),
	MSG("flow sequence with invalid extra comma"),
	MSG("flow sequence without a closing bracket"),
	MSG("invalid indentation in mapping"),
	MSG("invalid mapping key (not allowed in this context)"),
	MSG("invalid multiline plain key"),
	MSG("invalid nested block mapping on the same line"),
	MSG("invalid scalar at the end of block sequence"),
	MSG("invalid tab as indendation in a mapping"),
	MSG("invalid tab character as indent instead of space"),
	MSG("invalid tab used as indentation"),
	MSG("invalid trailing content after double-quoted scalar"),
	MSG("invalid trailing content after single-quoted scalar"),
	MSG("invalid value after mapping"),
	MSG("missing comma in flow mapping"),
	MSG("missing comma in flow sequence"),
	MSG("single-quoted scalar without closing quote"),
	MSG("tab character may not be used as indentation"),
	MSG("undefined tag prefix"),
	MSG("wrong indendation in sequence while in mapping"),
	MSG("wrongly indented flow mapping"),
	MSG("wrongly indented flow sequence"),
	MSG("wrongly indented sequence item"),
};

static bool known(const char *text, const char *const *list, size_t count)
{
	for (size_t k = 0; k < count; k++)
		if (strcmp(text, list[k]) == 0)
			return true;
	return false;
}

const char *yaml_problem(const char *text)
{
	if (!text)
		return msg_tr("syntax error");
	size_t count = sizeof yaml_known / sizeof *yaml_known;
	return known(text, yaml_known, count) ? msg_tr(text) : text;
}

/* jansson's messages without their place; a few begin with a word and go
 * on with what they found ("control character 0x9"). */
static const char *const json_known[] = {
	MSG("'[' or '{' expected"),
	MSG("':' expected"),
	MSG("']' expected"),
	MSG("'}' expected"),
	MSG("duplicate object key"),
	MSG("end of file expected"),
	MSG("invalid escape"),
	MSG("invalid token"),
	MSG("maximum parsing depth reached"),
	MSG("premature end of input"),
	MSG("real number overflow"),
	MSG("string or '}' expected"),
	MSG("too big integer"),
	MSG("too big negative integer"),
	MSG("unexpected newline"),
	MSG("unexpected token"),
	MSG("NUL byte in object key not supported"),
	MSG("\\u0000 is not allowed without JSON_ALLOW_NUL"),
};
static const char *const json_openings[] = {
	MSG("control character"),
	MSG("invalid Unicode escape"),
	MSG("invalid Unicode"),
	MSG("unable to decode byte"),
};

/* HEAD (LEN bytes) of a jansson message, translated, into OUT at *AT. */
static void json_head(const char *head, size_t len, char *out, size_t size,
                      size_t *at)
{
	char text[160];
	snprintf(text, sizeof text, "%.*s", (int)len, head);
	size_t count = sizeof json_known / sizeof *json_known;
	const char *said = known(text, json_known, count) ? msg_tr(text) : NULL;
	for (size_t k = 0; !said && k < sizeof json_openings /
	                                       sizeof *json_openings; k++) {
		size_t n = strlen(json_openings[k]);
		if (strncmp(text, json_openings[k], n) == 0 && text[n] == ' ') {
			*at += (size_t)snprintf(out + *at, size - *at, "%s",
			                        msg_tr(json_openings[k]));
			said = text + n;
		}
	}
	*at += (size_t)snprintf(out + *at, size - *at, "%s", said ? said : text);
	if (*at >= size)
		*at = size - 1;
}

const char *json_problem(const json_error_t *error, char *out, size_t size)
{
	/* jansson writes MESSAGE, MESSAGE near 'TOKEN' or MESSAGE near end
	 * of file */
	const char *near = strstr(error->text, " near ");
	size_t at = 0;
	json_head(error->text, near ? (size_t)(near - error->text)
	                            : strlen(error->text),
	          out, size, &at);
	if (!near)
		return out;
	if (strcmp(near, " near end of file") == 0)
		snprintf(out + at, size - at, " %s", msg_tr("near end of file"));
	else
		snprintf(out + at, size - at, " %s%s", msg_tr("near"),
		         near + strlen(" near"));
	return out;
}
