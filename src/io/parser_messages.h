/*
 * parser_messages.h - what libfyaml and jansson say about a YAML or JSON
 * error, in the thread's message language (messages.h). Their texts are
 * English; the ones an analyst or a client meets are in the catalogue,
 * and the rest stay as the library wrote them.
 */
#ifndef NATRISK_PARSER_MESSAGES_H
#define NATRISK_PARSER_MESSAGES_H

#include <stddef.h>

#include <jansson.h>

/* libfyaml's TEXT (NULL: it gave none, "syntax error"). */
const char *yaml_problem(const char *text);

/* jansson's text of ERROR ("'[' or '{' expected near 'x'") into OUT. */
const char *json_problem(const json_error_t *error, char *out, size_t size);

#endif
