/*
 * server_api.h - what the CLI needs of the server: start it, wait for a
 * stop signal, stop it.
 */
#ifndef NATRISK_SERVER_API_H
#define NATRISK_SERVER_API_H

#include <stdbool.h>
#include <stdint.h>

typedef struct server_options {
	const char *db;
	const char *audit_key;  /* the audit key's file; NULL: DB.audit-key */
	const char *listen;     /* HOST:PORT; port 0 picks a free one */
	const char *tls_cert;   /* PEM files, or NULL for plain HTTP */
	const char *tls_key;
	unsigned threads;       /* requests handled at once; 0: two per
	                           processor, at least four */
	unsigned timeout;       /* idle seconds before a connection is
	                           closed; 0: 30 */
	unsigned deadline;      /* seconds for a request's headers and body
	                           to arrive; 0: SERVER_DEADLINE */
	unsigned per_address;   /* connections from one client address;
	                           0: SERVER_PER_ADDRESS */
	/* alerts (docs/server.md, "Alerts") */
	const char *monitor;    /* a monitor file run on a schedule, or NULL */
	int64_t monitor_edition; /* the edition of its scenarios */
	double monitor_interval; /* seconds between rounds; 0: 60 */
	double feed_timeout;    /* seconds for a feed's poll; 0: 10 */
	double webhook_backoff; /* seconds before the first retry; 0: 10 */
	unsigned webhook_attempts; /* attempts before giving up; 0: 12 */
} server_options;

enum {
	SERVER_DEADLINE = 30,
	SERVER_PER_ADDRESS = 64,
	/* one address may never hold more than half of the connections */
	SERVER_CONNECTIONS = 1024,
	SERVER_MAX_PER_ADDRESS = SERVER_CONNECTIONS / 2,
};

typedef struct server server;

/* Opens the store and starts listening; prints the address. Returns 0,
 * or an error code with natrisk_error_last() set. */
int server_start(server **out, const server_options *options);
/* The port listened on. */
unsigned server_port(const server *srv);
void server_stop(server *srv);

#endif
