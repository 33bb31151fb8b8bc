/*
 * sessions.h - sign-in, sign-out and the session of each request. The
 * session token travels in an HttpOnly, SameSite=Strict cookie (Secure
 * under TLS); state-changing requests also carry the session's CSRF token
 * in X-CSRF-Token. Sessions are looked up in the store, through a small
 * cache whose entries live a few seconds, so that a disabled user or a
 * sign-out elsewhere takes effect at once or almost.
 */
#ifndef NATRISK_SESSIONS_H
#define NATRISK_SESSIONS_H

#include "server.h"

session_cache *session_cache_new(void);
void session_cache_free(session_cache *cache);
/* Forgets every cached session (after users change). */
void session_cache_clear(session_cache *cache);

login_throttle *login_throttle_new(void);
void login_throttle_free(login_throttle *throttle);

/* Finds Q's session from its cookie; sets q->signed_in and the user. */
void sessions_attach(request *q);

#endif
