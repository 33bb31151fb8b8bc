/*
 * reply.c - building answers: JSON bodies, error bodies, raw bytes, and
 * the mapping from natrisk error codes to HTTP statuses.
 */
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "../io/parser_messages.h"
#include "../io/utf8.h"
#include "server.h"

shared_bytes *shared_bytes_new(char *data, size_t len)
{
	shared_bytes *bytes = malloc(sizeof *bytes);
	if (!bytes) {
		free(data);
		return NULL;
	}
	atomic_init(&bytes->holders, 1);
	bytes->len = len;
	bytes->data = data;
	return bytes;
}

shared_bytes *shared_bytes_hold(shared_bytes *bytes)
{
	atomic_fetch_add_explicit(&bytes->holders, 1, memory_order_relaxed);
	return bytes;
}

void shared_bytes_release(void *opaque)
{
	shared_bytes *bytes = opaque;
	if (!bytes || atomic_fetch_sub_explicit(&bytes->holders, 1,
	                                        memory_order_acq_rel) != 1)
		return;
	free(bytes->data);
	free(bytes);
}

void reply_clear(reply *r)
{
	free(r->body);
	r->body = NULL;
	shared_bytes_release(r->shared);
	r->shared = NULL;
	free(r->cookie);
	r->cookie = NULL;
	free(r->detail);
	r->detail = NULL;
}

int reply_shared(reply *r, unsigned status, const char *content_type,
                 shared_bytes *bytes)
{
	free(r->body);
	r->body = NULL;
	shared_bytes_release(r->shared);
	r->shared = bytes;
	r->status = status;
	r->content_type = content_type;
	r->len = bytes->len;
	return 0;
}

int reply_take(reply *r, unsigned status, const char *content_type,
               char *body, size_t len)
{
	free(r->body);
	shared_bytes_release(r->shared);
	r->shared = NULL;
	r->status = status;
	r->content_type = content_type;
	r->body = body;
	r->len = len;
	return 0;
}

int reply_bytes(reply *r, unsigned status, const char *content_type,
                const char *body, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return reply_take(r, 500, "application/json",
		                  strdup("{\"error\": \"out of memory\"}"), 26);
	memcpy(copy, body, len);
	copy[len] = '\0';
	return reply_take(r, status, content_type, copy, len);
}

int reply_json(reply *r, unsigned status, json_t *body)
{
	char *text = body ? json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                             JSON_REAL_PRECISION(17) |
	                                             JSON_ENCODE_ANY)
	                  : NULL;
	json_decref(body);
	if (!text)
		return reply_bytes(r, 500, "application/json",
		                   "{\"error\": \"out of memory\"}", 26);
	return reply_take(r, status, "application/json", text, strlen(text));
}

int reply_error(reply *r, unsigned status, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	va_end(ap);
	/* a message may quote the request, cut anywhere: keep it JSON */
	utf8_sanitize(message);
	return reply_json(r, status, json_pack("{s:s}", "error", message));
}

unsigned status_for(int code)
{
	switch (code) {
	case NATRISK_ENOTFOUND: return 404;
	case NATRISK_EINVALID: return 422;
	case NATRISK_EDENIED: return 403;
	case NATRISK_ECONFLICT: return 409;
	case NATRISK_EIMMUTABLE: return 409;
	default: return 500;
	}
}

int reply_failure(reply *r, int code)
{
	unsigned status = status_for(code);
	if (status == 500) { /* the details are for the log, not the client */
		free(r->detail);
		r->detail = strdup(error_last_english());
		return reply_error(r, 500, "the server could not do that");
	}
	return reply_error(r, status, "%s", natrisk_error_last());
}

/* TEXT for a log line: bytes outside printable ASCII as \xNN, so that a
 * path cannot forge a line of its own. */
static void log_text(char *out, size_t size, const char *text)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)text;
	     *p && n + 5 < size; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '\\')
			out[n++] = (char)*p;
		else
			n += (size_t)snprintf(out + n, size - n, "\\x%02x", *p);
	}
	out[n] = '\0';
}

/* The error message of R's JSON body, with the request id added. */
static json_t *body_with_id(const reply *r)
{
	json_t *body = r->body && r->content_type &&
	                               strcmp(r->content_type,
	                                      "application/json") == 0
	                       ? json_loadb(r->body, r->len, 0, NULL)
	                       : NULL;
	if (!json_is_object(body) ||
	    !json_is_string(json_object_get(body, "error"))) {
		json_decref(body);
		body = json_pack("{s:s}", "error",
		                 msg_tr("the server could not do that"));
	}
	if (body)
		json_object_set_new(body, "request_id",
		                    json_string(r->request_id));
	return body;
}

void reply_log_failure(reply *r, const char *method, const char *url)
{
	if (r->status < 500)
		return;
	unsigned char random[8];
	randombytes_buf(random, sizeof random);
	sodium_bin2hex(r->request_id, sizeof r->request_id, random,
	               sizeof random);
	json_t *body = body_with_id(r);
	char how[64], where[1024], what[1024];
	log_text(how, sizeof how, method);
	log_text(where, sizeof where, url);
	const char *message = json_string_value(json_object_get(body,
	                                                        "error"));
	log_text(what, sizeof what, r->detail && r->detail[0] ? r->detail
	                            : message ? message : "?");
	char line[sizeof how + sizeof where + sizeof what + 64];
	int len = snprintf(line, sizeof line, "natrisk serve: request %s: "
	                   "%u %s %s: %s\n", r->request_id, r->status, how,
	                   where, what);
	/* one write, so that lines of threads do not interleave */
	fwrite(line, 1, (size_t)len, stderr);
	unsigned status = r->status;
	reply_json(r, status, body);
}

/* 400 for a body that is not JSON, or none. */
static void reply_not_json(const request *q, reply *r,
                           const json_error_t *error)
{
	char problem[JSON_ERROR_TEXT_LENGTH * 2];
	if (!q->body_len)
		reply_error(r, 400, "the body must be JSON");
	else
		reply_error(r, 400, "the body must be JSON: %s",
		            json_problem(error, problem, sizeof problem));
}

json_t *request_json(const request *q, reply *r)
{
	json_error_t error;
	json_t *body = q->body_len
	                       ? json_loadb(q->body, q->body_len,
	                                    JSON_REJECT_DUPLICATES, &error)
	                       : NULL;
	if (!body) {
		reply_not_json(q, r, &error);
		return NULL;
	}
	if (!json_is_object(body)) {
		json_decref(body);
		reply_error(r, 400, "the body must be a JSON object");
		return NULL;
	}
	return body;
}

int reply_invalid(reply *r, int code, const natrisk_diag *diag)
{
	return reply_invalid_named(r, code, diag, NULL);
}

int reply_invalid_named(reply *r, int code, const natrisk_diag *diag,
                        const char *file_key)
{
	if (code != NATRISK_EINVALID || natrisk_diag_error_count(diag) == 0)
		return reply_failure(r, code);
	json_t *errors = json_array();
	for (size_t k = 0; k < natrisk_diag_count(diag); k++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, k);
		if (d->severity != NATRISK_SEVERITY_ERROR)
			continue;
		char *message = strdup(d->message);
		if (message)
			utf8_sanitize(message);
		json_t *error = json_pack("{s:i,s:i,s:s}", "line", d->line,
		                          "column", d->column, "message",
		                          message ? message : "?");
		if (file_key)
			json_object_set_new(error, file_key,
			                    json_string(d->file));
		json_array_append_new(errors, error);
		free(message);
	}
	const char *first = json_string_value(json_object_get(
		json_array_get(errors, 0), "message"));
	return reply_json(r, 422, json_pack("{s:s,s:o}", "error",
	                                    first ? first : msg_tr("invalid"),
	                                    "errors", errors));
}

json_t *request_json_any(const request *q, reply *r)
{
	json_error_t error;
	json_t *body = q->body_len ? json_loadb(q->body, q->body_len,
	                                        JSON_REJECT_DUPLICATES |
	                                                JSON_DECODE_ANY,
	                                        &error)
	                           : NULL;
	if (!body)
		reply_not_json(q, r, &error);
	return body;
}

const char **body_names(json_t *body, const char *key, size_t max,
                        size_t *count)
{
	json_t *list = json_object_get(body, key);
	*count = json_array_size(list);
	if (!json_is_array(list) || json_object_size(body) != 1 ||
	    *count > max)
		return NULL;
	const char **names = calloc(*count + 1, sizeof *names);
	for (size_t k = 0; names && k < *count; k++)
		if (!(names[k] = json_string_value(json_array_get(list, k)))) {
			free(names);
			return NULL;
		}
	return names;
}

bool request_type_is(const request *q, const char *const types[])
{
	const char *type = MHD_lookup_connection_value(
		q->connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!type)
		return false;
	size_t len = strcspn(type, "; "); /* without ;charset=... */
	for (const char *const *t = types; *t; t++)
		if (strlen(*t) == len && strncasecmp(type, *t, len) == 0)
			return true;
	return false;
}
