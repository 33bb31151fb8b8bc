/*
 * body.c - see body.h. Why the limits are what they are:
 * - 16 KiB without a session: the only body anyone may send unsigned is a
 *   sign-in (a name and a password); 100 strangers each declaring 8 MiB
 *   must cost the server nothing.
 * - 1 MiB signed in: the largest JSON body a form sends is a scenario, at
 *   most a 20,000-character description and 18 rationales of 10,000
 *   characters, 200,000 characters, which is 800 KB even if every one
 *   takes four bytes of UTF-8.
 * - 8 MiB for the upload of an assessment file (POST /api/assessments).
 */
#include "body.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/messages.h"
#include "sessions.h"

/* The headers that say where a body ends. */
typedef struct framing {
	unsigned lengths, encodings;
	bool chunked;
} framing;

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind,
                                     const char *key, const char *value)
{
	framing *f = cls;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
		f->lengths++;
	} else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
		f->encodings++;
		f->chunked = value && strcasecmp(value, "chunked") == 0;
	}
	return MHD_YES;
}

/* 400 for framing that a proxy in front could read otherwise than we do
 * (request smuggling): the body is not read, and the connection closes. */
static bool framing_clear(struct MHD_Connection *connection, framing *f,
                          reply *r)
{
	MHD_get_connection_values(connection, MHD_HEADER_KIND, count_framing, f);
	if (f->lengths > 1)
		reply_error(r, 400, "more than one Content-Length header");
	else if (f->encodings && f->lengths)
		reply_error(r, 400, "Content-Length and Transfer-Encoding "
		            "together");
	else if (f->encodings > 1 || (f->encodings && !f->chunked))
		reply_error(r, 400, "the only Transfer-Encoding taken is a "
		            "single \"chunked\"");
	else
		return true;
	return false;
}

static size_t limit_for(server *srv, struct MHD_Connection *connection,
                        const char *method, const char *url)
{
	request q = { .srv = srv, .connection = connection };
	sessions_attach(&q);
	bool signed_in = q.signed_in;
	request_clear(&q);
	if (!signed_in)
		return BODY_LIMIT_ANONYMOUS;
	return route_takes_upload(method, url) ? BODY_LIMIT_UPLOAD
	                                       : BODY_LIMIT_SIGNED_IN;
}

bool upload_begin(upload *u, server *srv, struct MHD_Connection *connection,
                  const char *method, const char *url, reply *r)
{
	framing f = { 0 };
	if (!framing_clear(connection, &f, r))
		return false;
	unsigned long long declared = 0;
	if (f.lengths) {
		const char *length = MHD_lookup_connection_value(
			connection, MHD_HEADER_KIND,
			MHD_HTTP_HEADER_CONTENT_LENGTH);
		declared = length ? strtoull(length, NULL, 10) : 0;
	}
	/* small enough for anyone: no need to look for a session */
	if (!f.encodings && declared <= BODY_LIMIT_ANONYMOUS) {
		u->limit = BODY_LIMIT_ANONYMOUS;
		return true;
	}
	u->limit = limit_for(srv, connection, method, url);
	if (declared > u->limit) {
		u->too_large = true;
		upload_refuse(u, r);
		return false;
	}
	return true;
}

/* Past the limit: nothing more is kept, and what was is let go. */
static void give_up(upload *u)
{
	u->too_large = true;
	free(u->data);
	u->data = NULL;
	u->len = u->capacity = 0;
}

void upload_take(upload *u, const char *data, size_t size)
{
	if (u->too_large || size > u->limit - u->len) {
		give_up(u);
		return;
	}
	if (u->len + size + 1 > u->capacity) {
		size_t capacity = u->capacity ? u->capacity : 4096;
		while (capacity < u->len + size + 1)
			capacity *= 2;
		char *bigger = realloc(u->data, capacity);
		if (!bigger) {
			give_up(u);
			return;
		}
		u->data = bigger;
		u->capacity = capacity;
	}
	memcpy(u->data + u->len, data, size);
	u->len += size;
	u->data[u->len] = '\0';
}

int upload_refuse(const upload *u, reply *r)
{
	const char *whose = msg_tr(u->limit >= BODY_LIMIT_UPLOAD
	                            ? "the limit for an assessment file"
	                    : u->limit >= BODY_LIMIT_SIGNED_IN
	                            ? "the limit for this request"
	                            : "the limit without a session");
	if (u->limit >= 1024 * 1024)
		return reply_error(r, 413, "the request body is larger than "
		                   "%zu MiB, %s", u->limit / (1024 * 1024),
		                   whose);
	return reply_error(r, 413, "the request body is larger than %zu KiB, "
	                   "%s", u->limit / 1024, whose);
}

void upload_free(upload *u)
{
	if (u)
		free(u->data);
	free(u);
}
