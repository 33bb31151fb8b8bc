/*
 * server.h - the collaborative server (natrisk serve): libmicrohttpd on a
 * thread pool in front of the store. This header is the server's inside:
 * the request and its answer as the handlers see them, and the shared
 * state (store, caches, login throttle).
 *
 * A request goes: read the body (bounded: 413 past the limit) -> find the
 * route (404/405) -> find the session (cookie) -> authz_check(), the one
 * place where who may do what is decided (401/403/404) -> the handler.
 * Every answer that is not a success is a JSON {"error": ...}.
 */
#ifndef NATRISK_SERVER_H
#define NATRISK_SERVER_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdbool.h>

#include <natrisk/edition.h>
#include <natrisk/store.h>

#define SERVER_MAX_BODY (8u * 1024u * 1024u)
#define SESSION_COOKIE "natrisk_session"
#define SESSION_LIFETIME (12 * 3600)

typedef struct results_cache results_cache;
typedef struct login_throttle login_throttle;

typedef struct server {
	natrisk_store *store;
	struct MHD_Daemon *daemon;
	bool tls;
	results_cache *results;
	login_throttle *throttle;
	struct deadlines *deadlines; /* of requests to arrive */
	sem_t workers;            /* requests handled at once */
	bool workers_ready;
	struct alert_worker *alerts; /* the monitor and the webhooks */
} server;

typedef struct request {
	server *srv;
	struct MHD_Connection *connection;
	const char *method;
	const char *url;
	const char *body;
	size_t body_len;
	char client[64];          /* the peer's address, for throttling */
	/* the session, when there is one */
	bool signed_in;
	natrisk_user user;
	char token[NATRISK_TOKEN_TEXT];
	char csrf[NATRISK_TOKEN_TEXT];
	/* path parameters: {id}, {scenario}, {criterion}, {name}, {item};
	 * a plan list's name ({kind} or as written) as its kind */
	int64_t edition_id;
	char scenario[65];
	char criterion[33];
	char name[65];
	char item[65];
	char signal[33];          /* {signal} */
	char action[65];          /* {action}: an action of measure {item} */
	int plan_kind;
	/* an owner's organisations, once read (request_organisations) */
	bool organisations_known;
	char **organisations;
	size_t organisation_count;
	/* the edition of {id}, as authorization read it (edition_known) */
	bool edition_known;
	natrisk_edition_info edition;
} request;

/* Bytes that the results cache and the answers sending them share: a
 * cached view goes out without a copy, and the last holder frees it. */
typedef struct shared_bytes {
	atomic_size_t holders;
	size_t len;
	char *data;               /* malloc'd, NUL-terminated */
} shared_bytes;

/* Takes DATA (malloc'd, LEN bytes and a NUL); NULL when out of memory
 * (DATA is freed then). The caller holds the one reference. */
shared_bytes *shared_bytes_new(char *data, size_t len);
shared_bytes *shared_bytes_hold(shared_bytes *bytes);
/* Lets go of one reference (a void * for libmicrohttpd's callback). */
void shared_bytes_release(void *bytes);

typedef struct reply {
	unsigned status;
	char *body;               /* malloc'd, or NULL */
	size_t len;
	shared_bytes *shared;     /* instead of body: a reference held */
	const char *content_type;
	char *cookie;             /* a Set-Cookie value, or NULL */
	const char *cache;        /* X-Cache: "hit" or "miss", or NULL */
	char *detail;             /* for the log: what a 5xx's message
	                             leaves out, or NULL */
	char request_id[17];      /* a 5xx's, in the log line and the answer */
} reply;

/* Replies. Each fills R and returns 0 so that handlers can "return". */
int reply_json(reply *r, unsigned status, json_t *body); /* steals body */
int reply_error(reply *r, unsigned status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* BODY is copied. */
int reply_bytes(reply *r, unsigned status, const char *content_type,
                const char *body, size_t len);
/* BYTES (the caller's reference passes to R). */
int reply_shared(reply *r, unsigned status, const char *content_type,
                 shared_bytes *bytes);
/* Frees what R holds. */
void reply_clear(reply *r);
/* BODY (malloc'd) is taken over. */
int reply_take(reply *r, unsigned status, const char *content_type,
               char *body, size_t len);
/* The HTTP status for a store or engine error code. */
unsigned status_for(int code);
/* Replies with the status for CODE and natrisk_error_last() (which, for
 * a 500, goes to the log only). */
int reply_failure(reply *r, int code);
/* For a 5xx: gives R a request id, writes the line an operator looks for
 * on standard error (the id, METHOD, URL and what went wrong), and adds
 * the id to the JSON body as "request_id". */
void reply_log_failure(reply *r, const char *method, const char *url);

/* 422 {"error", "errors": [{line, column, message}]} for the errors in
 * DIAG when CODE is NATRISK_EINVALID; otherwise reply_failure(). */
int reply_invalid(reply *r, int code, const natrisk_diag *diag);
/* The same, each error also giving its diagnostic's file under FILE_KEY
 * (a batch of scores names each score's criterion so). */
int reply_invalid_named(reply *r, int code, const natrisk_diag *diag,
                        const char *file_key);

/* The request body as a JSON object, or NULL after a 400 reply. */
json_t *request_json(const request *q, reply *r);
/* The request body as any JSON value, or NULL after a 400 reply. */
json_t *request_json_any(const request *q, reply *r);

/* The strings of BODY's only member KEY, an array of at most MAX (in a
 * malloc'd array that borrows them from BODY; free it), or NULL when the
 * body has another shape. */
const char **body_names(json_t *body, const char *key, size_t max,
                        size_t *count);

/* Whether the request's Content-Type (without parameters) is one of
 * TYPES (NULL-terminated), in any case. */
bool request_type_is(const request *q, const char *const types[]);

/* The edition of {id}: as authorization read it, or from the store;
 * *OUT is Q's own, valid until request_clear. */
int request_edition(request *q, const natrisk_edition_info **out);
/* Frees what Q holds: its user and its edition. */
void request_clear(request *q);

typedef int (*handler)(request *q, reply *r);

/* The dispatch: routes, sessions, authorization. */
int route_request(request *q, reply *r);
/* Whether METHOD URL is the upload of an assessment file, whose body may
 * be larger than any other. */
bool route_takes_upload(const char *method, const char *url);
/* Every route as "METHOD path", for the OpenAPI check; NULL-terminated. */
const char *const *route_list(void);

#endif
