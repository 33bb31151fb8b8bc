/*
 * sessions.c - see sessions.h. Failed sign-ins are throttled per client
 * address and per user name: from the fifth failure within a quarter of
 * an hour each further attempt waits twice as long as the one before (up
 * to fifteen minutes), answered 429 without checking the password.
 * A signed-in user's current password, asked before it is changed, is
 * checked under the same throttle.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "handlers.h"
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

/* Seconds to wait before KEY may try again, or 0. When the table has no
 * room to count KEY's failures (a flood of names), everyone new waits. */
static long throttle_wait(login_throttle *t, const char *key)
{
	time_t now = time(NULL);
	pthread_mutex_lock(&t->lock);
	attempt *a = throttle_find(t, key, now, true);
	long wait = !a ? FULL_WAIT
	            : a->blocked_until > now ? (long)(a->blocked_until - now)
	                                     : 0;
	if (a && !a->failures)
		a->key[0] = '\0'; /* only a check: keep no entry */
	pthread_mutex_unlock(&t->lock);
	return wait;
}

static void throttle_record(login_throttle *t, const char *key, bool failed)
{
	time_t now = time(NULL);
	pthread_mutex_lock(&t->lock);
	attempt *a = throttle_find(t, key, now, failed);
	if (a && !failed) {
		memset(a, 0, sizeof *a); /* signed in: forget the failures */
	} else if (a) {
		if (now - a->first > WINDOW) {
			a->failures = 0;
			a->first = now;
		}
		if (++a->failures > FREE_FAILURES) {
			int shift = a->failures - FREE_FAILURES;
			long wait = shift > 10 ? MAX_WAIT : 1L << shift;
			a->blocked_until = now + (wait > MAX_WAIT ? MAX_WAIT
			                                          : wait);
		}
	}
	pthread_mutex_unlock(&t->lock);
}

static int sign_in(request *q, reply *r, const char *name,
                   const char *password)
{
	char by_name[96], by_client[96];
	snprintf(by_name, sizeof by_name, "user:%s", name);
	snprintf(by_client, sizeof by_client, "addr:%s", q->client);
	login_throttle *t = q->srv->throttle;
	long wait = throttle_wait(t, by_name);
	long client_wait = throttle_wait(t, by_client);
	if (client_wait > wait)
		wait = client_wait;
	if (wait > 0)
		return reply_error(r, 429, "too many failed sign-ins; try "
		                   "again in %ld s", wait);
	natrisk_user user;
	int rc = natrisk_store_login(q->srv->store, name, password, &user);
	throttle_record(t, by_name, rc != 0);
	throttle_record(t, by_client, rc != 0);
	if (rc == NATRISK_EDENIED)
		return reply_error(r, 401, "wrong user name or password");
	if (rc != 0)
		return reply_failure(r, rc);
	char token[NATRISK_TOKEN_TEXT], csrf[NATRISK_TOKEN_TEXT];
	if ((rc = natrisk_store_session_new(q->srv->store, user.id,
	                                    SESSION_LIFETIME, token, csrf)))
		return reply_failure(r, rc);
	char cookie[256];
	snprintf(cookie, sizeof cookie, SESSION_COOKIE "=%s; Path=/; "
	         "HttpOnly; SameSite=Strict; Max-Age=%d%s", token,
	         SESSION_LIFETIME, q->srv->tls ? "; Secure" : "");
	r->cookie = strdup(cookie);
	return reply_json(r, 200, json_pack("{s:s,s:s,s:s,s:s}", "csrf", csrf,
	                                    "user", user.name, "role",
	                                    natrisk_role_name(user.role),
	                                    "clearance",
	                                    natrisk_classification_name(
		                                    user.clearance)));
}

int h_login(request *q, reply *r)
{
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
	return reply_json(r, 200, json_pack("{s:s,s:s,s:s,s:s}", "user",
	                                    q->user.name, "role",
	                                    natrisk_role_name(q->user.role),
	                                    "clearance",
	                                    natrisk_classification_name(
		                                    q->user.clearance),
	                                    "csrf", q->csrf));
}

int sessions_check_password(request *q, reply *r, const char *password)
{
	/* the sign-in's throttle, by the same keys: guesses made here and
	 * at sign-in draw on one allowance */
	char by_name[96], by_client[96];
	snprintf(by_name, sizeof by_name, "user:%s", q->user.name);
	snprintf(by_client, sizeof by_client, "addr:%s", q->client);
	login_throttle *t = q->srv->throttle;
	long wait = throttle_wait(t, by_name);
	long client_wait = throttle_wait(t, by_client);
	if (client_wait > wait)
		wait = client_wait;
	if (wait > 0) {
		reply_error(r, 429, "too many failed sign-ins; try again in "
		            "%ld s", wait);
		return -1;
	}
	natrisk_user user;
	int rc = natrisk_store_login(q->srv->store, q->user.name, password,
	                             &user);
	throttle_record(t, by_name, rc != 0);
	throttle_record(t, by_client, rc != 0);
	if (rc == NATRISK_EDENIED)
		reply_error(r, 403, "the current password is wrong");
	else if (rc != 0)
		reply_failure(r, rc);
	return rc == 0 ? 0 : -1;
}
