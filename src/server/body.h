/*
 * body.h - a request's body while it arrives, and what may arrive. The
 * limit is decided when the headers are complete, before any byte of the
 * body is read: a signed-in upload of an assessment file may send 8 MiB,
 * any other signed-in request 1 MiB, a request without a session (a
 * sign-in) 16 KiB. A declared length past the limit is refused at once
 * (413), and so are framing headers that two parsers could read two ways
 * (400: two Content-Length headers, or Content-Length with
 * Transfer-Encoding); a chunked body is no longer kept once it passes the
 * limit, and answered 413 when it ends (libmicrohttpd 0.9 cannot answer
 * while a body arrives; the request's deadline bounds the wait).
 */
#ifndef NATRISK_BODY_H
#define NATRISK_BODY_H

#include "server.h"

#define BODY_LIMIT_ANONYMOUS (16u * 1024u)
#define BODY_LIMIT_SIGNED_IN (1024u * 1024u)
#define BODY_LIMIT_UPLOAD SERVER_MAX_BODY

typedef struct upload {
	char *data;
	size_t len, capacity;
	size_t limit;
	bool too_large;
} upload;

/* At the end of the headers: true when the body may come, false after
 * filling R with the answer that refuses it. */
bool upload_begin(upload *u, server *srv, struct MHD_Connection *connection,
                  const char *method, const char *url, reply *r);
/* Keeps the next piece of the body (nothing once past the limit). */
void upload_take(upload *u, const char *data, size_t size);
/* The 413 for a body past U's limit. */
int upload_refuse(const upload *u, reply *r);
void upload_free(upload *u);

#endif
