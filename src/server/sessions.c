/*
 * sessions.c - see sessions.h. Failed sign-ins are throttled per client
 * address and per user name: from the fifth failure within a quarter of
 * an hour each further attempt waits twice as long as the one before (up
 * to fifteen minutes), answered 429 without checking the password. An
 * attempt counts as a failure from before its password is checked until
 * it succeeds, so that attempts at once get no more tries than attempts
 * one after another. A signed-in user's current password, asked before it
 * is changed, is checked under the same throttle.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "handlers.h"
#include "authz.h"
#include "sessions.h"

enum { THROTTLE_SLOTS = 16384, PROBES = 32, FREE_FAILURES = 4,
       WINDOW = 900, MAX_WAIT = 900, FULL_WAIT = 60 };

typedef struct attempt {
	char key[96];
	int failures;
	time_t first, blocked_until;
} attempt;

struct login_throttle {
	pthread_mutex_t lock;
	attempt slots[THROTTLE_SLOTS];
};

login_throttle *login_throttle_new(void)
{
	login_throttle *t = calloc(1, sizeof *t);
	if (t)
		pthread_mutex_init(&t->lock, NULL);
	return t;
}

void login_throttle_free(login_throttle *t)
{
	if (!t)
		return;
	pthread_mutex_destroy(&t->lock);
	free(t);
}

static size_t slot_of(const char *text, size_t slots)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (const char *p = text; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	return (size_t)(h % slots);
}

/* The session is looked up in the store on every request, not kept: a
 * user disabled or a password changed by another process (the CLI) ends
 * the session on the very next request. The lookup is one indexed read. */
void sessions_attach(request *q)
{
	const char *token = MHD_lookup_connection_value(
		q->connection, MHD_COOKIE_KIND, SESSION_COOKIE);
	q->signed_in = false;
	if (!token || strlen(token) != NATRISK_TOKEN_TEXT - 1)
		return;
	memcpy(q->token, token, NATRISK_TOKEN_TEXT);
	q->signed_in = natrisk_store_session_find(q->srv->store, token,
	                                          &q->user, q->csrf) == 0;
}

/*
 * KEY's entry: found among the PROBES slots from its hash, or (CREATE) a
 * new one in a slot that is free or whose entry has lapsed. An entry that
 * still counts is never given up for another key: otherwise failures
 * under a colliding key would wipe it. NULL when all are taken.
 */
static attempt *throttle_find(login_throttle *t, const char *key, time_t now,
                              bool create)
{
	size_t start = slot_of(key, THROTTLE_SLOTS);
	attempt *reusable = NULL;
	for (size_t k = 0; k < PROBES; k++) {
		attempt *a = &t->slots[(start + k) % THROTTLE_SLOTS];
		if (strcmp(a->key, key) == 0)
			return a;
		bool lapsed = !a->key[0] || (now - a->first > WINDOW &&
		                             a->blocked_until <= now);
		if (lapsed && !reusable)
			reusable = a;
	}
	if (!create || !reusable)
		return NULL;
	memset(reusable, 0, sizeof *reusable);
	snprintf(reusable->key, sizeof reusable->key, "%s", key);
	reusable->first = now;
	return reusable;
}

/* One more failure for A, and the wait it earns from the fifth on. */
static void count_failure(attempt *a, time_t now)
{
	if (now - a->first > WINDOW) {
		a->failures = 0;
		a->first = now;
	}
	if (++a->failures > FREE_FAILURES) {
		int shift = a->failures - FREE_FAILURES;
		long wait = shift > 10 ? MAX_WAIT : 1L << shift;
		a->blocked_until = now + (wait > MAX_WAIT ? MAX_WAIT : wait);
	}
}

/*
 * Seconds the KEYS (a user name and an address) must still wait, or 0
 * after counting this attempt as a failure of each, before the password
 * is checked: a sign-in that succeeds forgets them (throttle_forget).
 * Counted only once checked, sixty attempts at once would all pass the
 * check before the first failure was counted. When the table has no
 * room to count a key's failures (a flood of names), everyone new waits.
 */
static long throttle_reserve(login_throttle *t, const char *const keys[2])
{
	time_t now = time(NULL);
	attempt *found[2];
	long wait = 0;
	pthread_mutex_lock(&t->lock);
	for (size_t k = 0; k < 2; k++) {
		found[k] = throttle_find(t, keys[k], now, true);
		long left = !found[k] ? FULL_WAIT
		            : found[k]->blocked_until > now
		                    ? (long)(found[k]->blocked_until - now)
		                    : 0;
		if (left > wait)
			wait = left;
	}
	for (size_t k = 0; k < 2; k++) {
		if (found[k] && !wait)
			count_failure(found[k], now);
		else if (found[k] && !found[k]->failures)
			found[k]->key[0] = '\0'; /* only a check: keep no entry */
	}
	pthread_mutex_unlock(&t->lock);
	return wait;
}

static void throttle_forget(login_throttle *t, const char *const keys[2])
{
	time_t now = time(NULL);
	pthread_mutex_lock(&t->lock);
	for (size_t k = 0; k < 2; k++) {
		attempt *a = throttle_find(t, keys[k], now, false);
		if (a)
			memset(a, 0, sizeof *a);
	}
	pthread_mutex_unlock(&t->lock);
}

/* NAME's PASSWORD checked under the sign-in throttle, keyed by the name
 * and the client's address: 0 with *USER, a store error code
 * (NATRISK_EDENIED: wrong), or 1 when the keys must first wait *WAIT
 * seconds (nothing checked). Sign-ins and the check before a password
 * change draw on one allowance. */
static int throttled_login(request *q, const char *name, const char *password,
                           natrisk_user *user, long *wait)
{
	char by_name[96], by_client[96];
	snprintf(by_name, sizeof by_name, "user:%s", name);
	snprintf(by_client, sizeof by_client, "addr:%s", q->client);
	const char *const keys[2] = { by_name, by_client };
	*wait = throttle_reserve(q->srv->throttle, keys);
	if (*wait > 0)
		return 1;
	int rc = natrisk_store_login(q->srv->store, name, password, user);
	if (rc == 0)
		throttle_forget(q->srv->throttle, keys);
	return rc;
}

static int sign_in(request *q, reply *r, const char *name,
                   const char *password)
{
	natrisk_user user = { 0 };
	long wait;
	int rc = throttled_login(q, name, password, &user, &wait);
	if (rc == 1)
		return reply_error(r, 429, "too many failed sign-ins; try "
		                   "again in %ld s", wait);
	if (rc == NATRISK_EDENIED)
		return reply_error(r, 401, "wrong user name or password");
	char token[NATRISK_TOKEN_TEXT], csrf[NATRISK_TOKEN_TEXT];
	if (rc == 0)
		rc = natrisk_store_session_new(q->srv->store, user.id,
		                               SESSION_LIFETIME, token, csrf);
	if (rc != 0) {
		natrisk_user_clear(&user);
		return reply_failure(r, rc);
	}
	char cookie[256];
	snprintf(cookie, sizeof cookie, SESSION_COOKIE "=%s; Path=/; "
	         "HttpOnly; SameSite=Strict; Max-Age=%d%s", token,
	         SESSION_LIFETIME, q->srv->tls ? "; Secure" : "");
	r->cookie = strdup(cookie);
	json_t *answer = json_pack("{s:s,s:s,s:s,s:s}", "csrf", csrf, "user",
	                           user.name, "role",
	                           natrisk_role_name(user.role), "clearance",
	                           natrisk_classification_name(user.clearance));
	natrisk_user_clear(&user);
	return reply_json(r, 200, answer);
}

int h_login(request *q, reply *r)
{
	/* a cross-site form can post text/plain, never application/json */
	static const char *const json_only[] = { "application/json", NULL };
	if (!request_type_is(q, json_only))
		return reply_error(r, 415, "sign in with Content-Type: "
		                   "application/json");
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	const char *name = json_string_value(json_object_get(body, "username"));
	const char *password =
		json_string_value(json_object_get(body, "password"));
	int rc = name && password && json_object_size(body) == 2
	                 ? sign_in(q, r, name, password)
	                 : reply_error(r, 400, "expected {\"username\": ..., "
	                               "\"password\": ...}");
	json_decref(body);
	return rc;
}

int h_logout(request *q, reply *r)
{
	int rc = natrisk_store_session_delete(q->srv->store, q->token);
	if (rc != 0)
		return reply_failure(r, rc);
	char cookie[160];
	snprintf(cookie, sizeof cookie, SESSION_COOKIE "=; Path=/; HttpOnly; "
	         "SameSite=Strict; Max-Age=0%s", q->srv->tls ? "; Secure" : "");
	r->cookie = strdup(cookie);
	return reply_json(r, 200, json_pack("{s:b}", "signed_out", 1));
}

int h_whoami(request *q, reply *r)
{
	natrisk_register_reader reader;
	int rc = request_register_reader(q, &reader);
	if (rc != 0)
		return reply_failure(r, rc);
	json_t *organisations = json_array();
	for (size_t k = 0; k < reader.organisation_count; k++)
		json_array_append_new(organisations,
		                      json_string(reader.organisations[k]));
	return reply_json(r, 200, json_pack("{s:s,s:s,s:s,s:s,s:o}", "user",
	                                    q->user.name, "role",
	                                    natrisk_role_name(q->user.role),
	                                    "clearance",
	                                    natrisk_classification_name(
		                                    q->user.clearance),
	                                    "csrf", q->csrf, "organisations",
	                                    organisations));
}

int sessions_check_password(request *q, reply *r, const char *password)
{
	natrisk_user user = { 0 };
	long wait;
	int rc = throttled_login(q, q->user.name, password, &user, &wait);
	natrisk_user_clear(&user);
	if (rc == 1)
		reply_error(r, 429, "too many failed sign-ins; try again in "
		            "%ld s", wait);
	else if (rc == NATRISK_EDENIED)
		reply_error(r, 403, "the current password is wrong");
	else if (rc != 0)
		reply_failure(r, rc);
	return rc == 0 ? 0 : -1;
}
