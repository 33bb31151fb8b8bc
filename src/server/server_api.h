/*
 * server_api.h - what the CLI needs of the server: start it, wait for a
 * stop signal, stop it.
 */
#ifndef NATRISK_SERVER_API_H
#define NATRISK_SERVER_API_H

#include <stdbool.h>

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
} server_options;

typedef struct server server;

/* Opens the store and starts listening; prints the address. Returns 0,
 * or an error code with natrisk_error_last() set. */
int server_start(server **out, const server_options *options);
/* The port listened on. */
unsigned server_port(const server *srv);
void server_stop(server *srv);

#endif
