/*
 * http_client.h - the server's outgoing HTTP (libcurl): polling a feed
 * and delivering a webhook, each with a time limit, and a feed with a
 * size limit, so that a receiver or a feed that hangs or floods cannot
 * hold the server. Plain functions on one easy handle per call; libcurl
 * is initialised once in server_start().
 */
#ifndef NATRISK_HTTP_CLIENT_H
#define NATRISK_HTTP_CLIENT_H

#include <stddef.h>

enum { HTTP_ERROR_SIZE = 256 };

/* GETs URL within TIMEOUT seconds and at most MAX bytes: 0 with *BODY
 * (malloc'd, NUL-terminated; free it) and *LEN after a 2xx, or -1 with
 * the reason in ERROR. */
int http_get(const char *url, double timeout, size_t max, char **body,
             size_t *len, char error[HTTP_ERROR_SIZE]);

/* POSTs BODY to URL with the extra HEADERS (NULL-terminated "Name:
 * value" lines) within TIMEOUT seconds: 0 when the receiver answered
 * 2xx, else -1 with the reason (the status, or why no answer came) in
 * ERROR. */
int http_post(const char *url, const char *const *headers,
              const char *body, size_t len, double timeout,
              char error[HTTP_ERROR_SIZE]);

#endif
