/*
 * reply.c - building answers: JSON bodies, error bodies, raw bytes, and
 * the mapping from natrisk error codes to HTTP statuses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
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
	vsnprintf(message, sizeof message, fmt, ap);
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
	if (status == 500) /* the details are for the log, not the client */
		return reply_error(r, 500, "the server could not do that");
	return reply_error(r, status, "%s", natrisk_error_last());
}

json_t *request_json(const request *q, reply *r)
{
	json_error_t error;
	json_t *body = q->body_len
	                       ? json_loadb(q->body, q->body_len,
	                                    JSON_REJECT_DUPLICATES, &error)
	                       : NULL;
	if (!body) {
		reply_error(r, 400, "the body must be JSON%s%s",
		            q->body_len ? ": " : "",
		            q->body_len ? error.text : "");
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
	                                    first ? first : "invalid",
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
		reply_error(r, 400, "the body must be JSON%s%s",
		            q->body_len ? ": " : "",
		            q->body_len ? error.text : "");
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
