/*
 * alert_delivery.c - one round of webhook delivery (alerts.h): each
 * outbox row that is due is POSTed to its webhook as the CAP message,
 * with the message's identifier as the idempotency key and an HMAC of
 * the body under the webhook's secret. A 2xx marks it delivered; any
 * other answer, or none within WEBHOOK_TIMEOUT, puts it off by the
 * backoff, until the retry cap gives it up. The mark comes after the
 * answer, so that a crash in between sends it again: at least once.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include <natrisk/alert_store.h>

#include "../core/error.h"
#include "alerts.h"
#include "http_client.h"

enum { DELIVERIES_PER_ROUND = 32 };

/* "X-Natrisk-Signature: sha256=HEX", HMAC-SHA-256 of BODY with the
 * secret's 32 bytes (the webhook's 64 hexadecimal digits) as key. */
static void sign(const char *secret, const char *body, size_t len,
                 char *out, size_t size)
{
	unsigned char key[crypto_auth_hmacsha256_KEYBYTES] = { 0 };
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char hex[2 * sizeof mac + 1];
	sodium_hex2bin(key, sizeof key, secret, strlen(secret), NULL, NULL,
	               NULL);
	crypto_auth_hmacsha256_state state;
	crypto_auth_hmacsha256_init(&state, key, sizeof key);
	crypto_auth_hmacsha256_update(&state, (const unsigned char *)body,
	                              len);
	crypto_auth_hmacsha256_final(&state, mac);
	sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
	snprintf(out, size, "X-Natrisk-Signature: sha256=%s", hex);
	sodium_memzero(key, sizeof key);
}

static void deliver(alert_worker *w, const natrisk_delivery *d)
{
	char key[192], signature[128], error[HTTP_ERROR_SIZE];
	size_t len = strlen(d->cap);
	snprintf(key, sizeof key, "Idempotency-Key: %s", d->key);
	sign(d->secret, d->cap, len, signature, sizeof signature);
	const char *headers[] = {
		"Content-Type: application/cap+xml; charset=utf-8", key,
		signature, "Expect:", NULL,
	};
	int rc;
	if (http_post(d->url, headers, d->cap, len, WEBHOOK_TIMEOUT,
	              error) == 0) {
		rc = natrisk_store_delivery_done(w->store, d->id);
	} else {
		bool give_up = d->attempts + 1 >= (int)w->attempts;
		rc = natrisk_store_delivery_failed(
			w->store, d->id,
			alert_now() + alert_backoff(w, d->attempts), give_up,
			error);
	}
	if (rc != 0)
		fprintf(stderr, "natrisk serve: webhook delivery %lld: %s\n",
		        (long long)d->id, natrisk_error_last());
}

void alert_delivery_round(alert_worker *w)
{
	natrisk_delivery *list;
	size_t count;
	if (natrisk_store_deliveries_due(w->store, alert_now(),
	                                 DELIVERIES_PER_ROUND, &list,
	                                 &count) != 0) {
		fprintf(stderr, "natrisk serve: webhook outbox: %s\n",
		        natrisk_error_last());
		return;
	}
	for (size_t k = 0; k < count && !alert_worker_stopping(w); k++)
		deliver(w, &list[k]);
	natrisk_deliveries_free(list, count);
}
