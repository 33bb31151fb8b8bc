/*
 * language.h - the language a request's messages are written in
 * (docs/server.md, "Languages"): the query's lang, or else the
 * Accept-Language header, English by default.
 */
#ifndef NATRISK_LANGUAGE_H
#define NATRISK_LANGUAGE_H

#include <microhttpd.h>

#include <natrisk/common.h>

/* From the request's lang argument when it has one (nl is Dutch, anything
 * else English, as for the views), else Dutch when its Accept-Language
 * prefers Dutch to English. */
natrisk_lang request_language(struct MHD_Connection *connection);

#endif
