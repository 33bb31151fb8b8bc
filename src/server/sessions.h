/*
 * sessions.h - sign-in, sign-out and the session of each request. The
 * session token travels in an HttpOnly, SameSite=Strict cookie (Secure
 * under TLS); state-changing requests also carry the session's CSRF token
 * in X-CSRF-Token. Sessions are looked up in the store on every request,
 * so that a disabled user, a changed password or a sign-out elsewhere
 * (also by another process, such as the CLI) takes effect at once.
 */
#ifndef NATRISK_SESSIONS_H
#define NATRISK_SESSIONS_H

#include "server.h"

login_throttle *login_throttle_new(void);
void login_throttle_free(login_throttle *throttle);

/* Finds Q's session from its cookie; sets q->signed_in and the user. */
void sessions_attach(request *q);

/* Checks PASSWORD as the signed-in user's, under the sign-in throttle
 * (its failures count there): 0 when right; otherwise -1 with R holding
 * 403 (wrong), 429 (throttled) or the store's failure. */
int sessions_check_password(request *q, reply *r, const char *password);

#endif
