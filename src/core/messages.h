/*
 * messages.h - the catalogue of translated messages (messages.c): Dutch
 * for every message the library and the server format for a user, keyed
 * by the English printf format itself, as gettext does.
 *
 * error_set(), natrisk_diag_add(), yerror() and reply_error() translate
 * their format through msg_tr(). A part of a message that is chosen at
 * run time (a status, "a scenario", "mapping") is marked where it is
 * written with MSG(), so that the catalogue's test finds it, and is
 * translated with msg_tr() where the message is made: only failures pay
 * for a look-up.
 */
#ifndef NATRISK_MESSAGES_H
#define NATRISK_MESSAGES_H

#include <stddef.h>

#include <natrisk/common.h>

/* Marks ENGLISH as a text of the catalogue; changes nothing. */
#define MSG(english) english

/* ENGLISH in this thread's message language: its translation, or ENGLISH
 * itself (in English, for NULL, and when the catalogue has none). */
const char *msg_tr(const char *english);

/* ENGLISH in LANG, the same way. */
const char *msg_in(natrisk_lang lang, const char *english);

/* One entry: the English text and its translation. */
typedef struct message_pair {
	const char *en;
	const char *nl;
} message_pair;

/* A table of entries sorted by en (strcmp), for bsearch. */
typedef struct message_table {
	const message_pair *pairs;
	size_t count;
} message_table;

/* The Dutch catalogue, one table per layer that writes the English:
 * messages_nl_core.c (src/core, src/render), _io.c (src/io), _store.c
 * (src/store), _server.c (src/server). A text used by several layers is
 * kept in the lowest one's. */
extern const message_table messages_nl_core, messages_nl_io,
	messages_nl_store, messages_nl_server;

#endif
