/*
 * http_client.c - see http_client.h. Redirects are not followed (a feed
 * or a receiver names its own address), only http and https are
 * allowed, and no signal is used for the time limit (libcurl's threaded
 * resolver), since the server is many threads.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_client.h"

typedef struct sink {
	char *data;
	size_t len, capacity, max;
	int too_large;
} sink;

static size_t take(char *ptr, size_t size, size_t n, void *ctx)
{
	sink *s = ctx;
	size_t bytes = size * n;
	if (bytes > s->max - s->len) {
		s->too_large = 1;
		return 0; /* libcurl stops the transfer */
	}
	if (s->len + bytes + 1 > s->capacity) {
		/* doubling: a feed of many small chunks is copied a few
		 * times, not once per chunk */
		size_t capacity = s->capacity ? s->capacity : 65536;
		while (capacity < s->len + bytes + 1)
			capacity *= 2;
		char *grown = realloc(s->data, capacity);
		if (!grown)
			return 0;
		s->data = grown;
		s->capacity = capacity;
	}
	memcpy(s->data + s->len, ptr, bytes);
	s->len += bytes;
	s->data[s->len] = '\0';
	return bytes;
}

/* Ignores a body nobody reads (a webhook receiver's answer). */
static size_t drop(char *ptr, size_t size, size_t n, void *ctx)
{
	return size * n;
}

static CURL *easy(const char *url, double timeout)
{
	CURL *c = curl_easy_init();
	if (!c)
		return NULL;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)(timeout * 1000));
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
	                 (long)(timeout * 1000));
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "natrisk");
	return c;
}

/* The outcome of a transfer: 0 for a 2xx, else -1 with ERROR. */
static int outcome(CURL *c, CURLcode rc, const char *limit_note,
                   char error[HTTP_ERROR_SIZE])
{
	long status = 0;
	if (rc != CURLE_OK) {
		snprintf(error, HTTP_ERROR_SIZE, "%s",
		         limit_note ? limit_note : curl_easy_strerror(rc));
		return -1;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (status < 200 || status > 299) {
		snprintf(error, HTTP_ERROR_SIZE, "HTTP status %ld", status);
		return -1;
	}
	return 0;
}

int http_get(const char *url, double timeout, size_t max, char **body,
             size_t *len, char error[HTTP_ERROR_SIZE])
{
	*body = NULL;
	*len = 0;
	sink s = { .max = max };
	CURL *c = easy(url, timeout);
	if (!c) {
		snprintf(error, HTTP_ERROR_SIZE, "out of memory");
		return -1;
	}
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, take);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	char note[64];
	snprintf(note, sizeof note, "larger than %zu bytes", max);
	CURLcode rc = curl_easy_perform(c);
	int result = outcome(c, rc, s.too_large ? note : NULL, error);
	curl_easy_cleanup(c);
	if (result == 0 && !s.data)
		s.data = calloc(1, 1);
	if (result != 0 || !s.data) {
		free(s.data);
		if (result == 0)
			snprintf(error, HTTP_ERROR_SIZE, "out of memory");
		return -1;
	}
	*body = s.data;
	*len = s.len;
	return 0;
}

int http_post(const char *url, const char *const *headers,
              const char *body, size_t len, double timeout,
              char error[HTTP_ERROR_SIZE])
{
	CURL *c = easy(url, timeout);
	struct curl_slist *list = NULL;
	for (size_t k = 0; headers[k]; k++) {
		struct curl_slist *grown = curl_slist_append(list, headers[k]);
		if (!grown)
			break;
		list = grown;
	}
	if (!c) {
		curl_slist_free_all(list);
		snprintf(error, HTTP_ERROR_SIZE, "out of memory");
		return -1;
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, drop);
	CURLcode rc = curl_easy_perform(c);
	int result = outcome(c, rc, NULL, error);
	curl_easy_cleanup(c);
	curl_slist_free_all(list);
	return result;
}
