/*
 * server.c - natrisk serve: libmicrohttpd in front of the router, a thread
 * per connection. A connection's request must arrive whole by its
 * deadline (deadline.c), one client address may hold only so many
 * connections, and a request's body is gathered up to the limit decided
 * when its headers are complete (body.c) before the router sees it.
 * Every answer carries the security headers, and no answer is cached by
 * the browser: a result may be above the next user's clearance. A 5xx is
 * logged with a request id that the answer carries too. Each answer's
 * messages are in the request's language (language.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sodium.h>

#include "../core/error.h"
#include "../io/file.h"
#include "alerts.h"
#include "body.h"
#include "deadline.h"
#include "language.h"
#include "server_api.h"
#include "server.h"
#include "sessions.h"
#include "views.h"

enum { CONNECTION_TIMEOUT = 30, THREAD_STACK = 1024 * 1024 };

/* What a page may load. The web UI loads only its own files; the report
 * is a document of its own with inline styles and pictures; everything
 * else loads nothing. */
static const char *policy_for(const char *url)
{
	if (strncmp(url, "/api/", 5) != 0)
		return "default-src 'self'; img-src 'self' data:; "
		       "frame-ancestors 'none'; base-uri 'none'; "
		       "form-action 'self'";
	size_t len = strlen(url);
	if ((len > 12 && strcmp(url + len - 12, "/report.html") == 0) ||
	    (len > 12 && strcmp(url + len - 12, "/letter.html") == 0))
		return "default-src 'none'; style-src 'unsafe-inline'; "
		       "img-src data:; frame-ancestors 'none'";
	return "default-src 'none'; frame-ancestors 'none'";
}

static enum MHD_Result send_reply(struct MHD_Connection *connection,
                                  reply *r, const char *url)
{
	struct MHD_Response *response;
	if (r->shared) {
		/* the reply's reference goes to libmicrohttpd */
		response = MHD_create_response_from_buffer_with_free_callback_cls(
			r->shared->len, r->shared->data, shared_bytes_release,
			r->shared);
		if (response)
			r->shared = NULL;
	} else {
		response = MHD_create_response_from_buffer(
			r->len, r->body ? r->body : (void *)"",
			r->body ? MHD_RESPMEM_MUST_FREE
			        : MHD_RESPMEM_PERSISTENT);
		if (response)
			r->body = NULL;
	}
	if (!response)
		return MHD_NO;
	MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        r->content_type ? r->content_type
	                                        : "application/json");
	MHD_add_response_header(response, "Content-Security-Policy",
	                        policy_for(url));
	MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(response, "X-Frame-Options", "DENY");
	MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL,
	                        "no-store");
	if (r->cookie)
		MHD_add_response_header(response, MHD_HTTP_HEADER_SET_COOKIE,
		                        r->cookie);
	if (r->request_id[0])
		MHD_add_response_header(response, "X-Request-Id",
		                        r->request_id);
	if (r->cache)
		MHD_add_response_header(response, "X-Cache", r->cache);
	enum MHD_Result ok = MHD_queue_response(connection, r->status,
	                                        response);
	MHD_destroy_response(response);
	return ok;
}

static void client_address(struct MHD_Connection *connection, char *out,
                           size_t size)
{
	const union MHD_ConnectionInfo *info = MHD_get_connection_info(
		connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, size, "unknown");
	if (!info || !info->client_addr)
		return;
	const struct sockaddr *sa = info->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
		          out, (socklen_t)size);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
		          &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
		          (socklen_t)size);
}

/* A request that has arrived whole, through the router, when a worker
 * is free. */
static void handle(server *srv, struct MHD_Connection *connection,
                   const char *method, const char *url, const upload *u,
                   reply *r)
{
	request q = { .srv = srv, .connection = connection, .method = method,
		      .url = url, .body = u->data ? u->data : "",
		      .body_len = u->len };
	client_address(connection, q.client, sizeof q.client);
	sem_wait(&srv->workers);
	route_request(&q, r);
	sem_post(&srv->workers);
	request_clear(&q);
}

/* At the end of the headers (*CONTEXT is NULL) and when the request has
 * arrived: the answer, if there is one yet. */
static enum MHD_Result respond(server *srv, struct MHD_Connection *connection,
                               const char *url, const char *method,
                               void **context)
{
	upload *u = *context;
	reply r = { 0 };
	bool refused = false;
	if (!u) {
		if (!(u = calloc(1, sizeof *u)))
			return MHD_NO;
		*context = u;
		if (upload_begin(u, srv, connection, method, url, &r))
			return MHD_YES;
		refused = true; /* at the headers: the body is not read */
	}
	/* the request is all there (or refused): its deadline stops, and
	 * the wait for a worker does not count */
	deadlines_arrived(connection);
	if (!refused && u->too_large)
		upload_refuse(u, &r);
	else if (!refused)
		handle(srv, connection, method, url, u, &r);
	reply_log_failure(&r, method, url);
	enum MHD_Result ok = send_reply(connection, &r, url);
	reply_clear(&r);
	return ok;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_data_size, void **context)
{
	upload *u = *context;
	if (u && *upload_data_size) {
		upload_take(u, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	/* every message of the answer is in the request's language; the
	 * thread's next request starts from English again */
	natrisk_lang before = natrisk_messages_set_lang(
		request_language(connection));
	enum MHD_Result ok = respond(cls, connection, url, method, context);
	natrisk_messages_set_lang(before);
	return ok;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decoding of paths and arguments, except %00: a NUL would cut
 * the text short, so that "/api/users%00/../x" were served as /api/users.
 * Left encoded, it matches no route and no value. */
static size_t unescape(void *cls, struct MHD_Connection *connection, char *text)
{
	char *out = text;
	for (const char *in = text; *in; in++) {
		int high, low;
		if (in[0] == '%' && (high = hex_value(in[1])) >= 0 &&
		    (low = hex_value(in[2])) >= 0 && (high | low) != 0) {
			*out++ = (char)(high * 16 + low);
			in += 2;
		} else {
			*out++ = *in;
		}
	}
	*out = '\0';
	return (size_t)(out - text);
}

static void completed(void *cls, struct MHD_Connection *connection,
                      void **context, enum MHD_RequestTerminationCode code)
{
	upload_free(*context);
	*context = NULL;
	/* the next request on this connection: its clock starts now */
	deadlines_restart(connection);
}

/* HOST:PORT ([V6]:PORT) as a socket address. */
static int resolve(const char *listen, struct sockaddr_storage *out,
                   socklen_t *len)
{
	const char *colon = strrchr(listen, ':');
	if (!colon || colon == listen || !colon[1])
		return error_set(NATRISK_EINVALID, "--listen takes HOST:PORT, "
		                 "not '%s'", listen);
	char host[256];
	size_t host_len = (size_t)(colon - listen);
	if (listen[0] == '[' && colon[-1] == ']') {
		listen++;
		host_len -= 2;
	}
	if (host_len >= sizeof host)
		return error_set(NATRISK_EINVALID, "host name too long");
	memcpy(host, listen, host_len);
	host[host_len] = '\0';
	struct addrinfo hints = { .ai_family = AF_UNSPEC,
		                  .ai_socktype = SOCK_STREAM,
		                  .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *found;
	int rc = getaddrinfo(host, colon + 1, &hints, &found);
	if (rc != 0)
		return error_set(NATRISK_EINVALID, "cannot listen on '%s': %s",
		                 listen, gai_strerror(rc));
	memcpy(out, found->ai_addr, found->ai_addrlen);
	*len = found->ai_addrlen;
	freeaddrinfo(found);
	return 0;
}

/* Whether ADDRESS can be listened on, tried before libmicrohttpd does,
 * whose failure says nothing of why. The same SO_REUSEADDR as
 * libmicrohttpd's, so that only a listener elsewhere counts as in use. */
static int try_bind(const char *listen, const struct sockaddr_storage *address,
                    socklen_t len)
{
	int fd = socket(address->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return error_set(NATRISK_EIO, "cannot listen on %s: %s", listen,
		                 strerror(errno));
	int on = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	int rc = bind(fd, (const struct sockaddr *)address, len);
	int saved = errno;
	close(fd);
	if (rc == 0)
		return 0;
	if (saved == EADDRINUSE)
		return error_set(NATRISK_EIO, "%s is in use by another program",
		                 listen);
	if (saved == EACCES)
		return error_set(NATRISK_EIO, "cannot listen on %s: permission "
		                 "denied (ports below 1024 need privileges)",
		                 listen);
	return error_set(NATRISK_EIO, "cannot listen on %s: %s", listen,
	                 strerror(saved));
}

static unsigned default_threads(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = cpus > 0 ? (unsigned)cpus * 2 : 4;
	return threads < 4 ? 4 : threads > 64 ? 64 : threads;
}

typedef struct tls_files {
	char *cert, *key;
} tls_files;

static int read_tls(const server_options *o, tls_files *tls)
{
	size_t len;
	if (!o->tls_cert && !o->tls_key)
		return 0;
	if (!o->tls_cert || !o->tls_key)
		return error_set(NATRISK_EINVALID, "--tls-cert and --tls-key go "
		                 "together");
	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
		return error_set(NATRISK_EINVALID, "this libmicrohttpd has no "
		                 "TLS");
	int rc = file_read(o->tls_cert, &tls->cert, &len);
	if (rc == 0)
		rc = file_read(o->tls_key, &tls->key, &len);
	return rc;
}

static int start_daemon(server *srv, const server_options *o)
{
	struct sockaddr_storage address;
	socklen_t address_len = 0;
	tls_files tls = { 0 };
	int rc = resolve(o->listen, &address, &address_len);
	if (rc == 0)
		rc = try_bind(o->listen, &address, address_len);
	if (rc == 0)
		rc = read_tls(o, &tls);
	if (rc != 0) {
		free(tls.cert);
		free(tls.key);
		return rc;
	}
	srv->tls = tls.cert != NULL;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD |
	                 MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL |
	                 MHD_USE_ERROR_LOG | (srv->tls ? MHD_USE_TLS : 0);
	sem_init(&srv->workers, 0, o->threads ? o->threads : default_threads());
	srv->workers_ready = true;
	struct MHD_OptionItem tls_options[] = {
		{ srv->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0,
		  tls.cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, tls.key },
		{ MHD_OPTION_END, 0, NULL },
	};
	srv->daemon = MHD_start_daemon(
		flags, 0, NULL, NULL, answer, srv, MHD_OPTION_SOCK_ADDR,
		(struct sockaddr *)&address, MHD_OPTION_THREAD_STACK_SIZE,
		(size_t)THREAD_STACK, MHD_OPTION_CONNECTION_TIMEOUT,
		o->timeout ? o->timeout : (unsigned)CONNECTION_TIMEOUT,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVER_CONNECTIONS,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		o->per_address ? o->per_address : (unsigned)SERVER_PER_ADDRESS,
		MHD_OPTION_NOTIFY_CONNECTION, deadlines_notify, srv->deadlines,
		MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
		MHD_OPTION_ARRAY, tls_options,
		MHD_OPTION_END);
	free(tls.cert);
	free(tls.key);
	if (!srv->daemon)
		return error_set(NATRISK_EIO, "cannot start the server on %s "
		                 "(a bad certificate or key?)", o->listen);
	return 0;
}

unsigned server_port(const server *srv)
{
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	return info ? info->port : 0;
}

int server_start(server **out, const server_options *o)
{
	*out = NULL;
	server *srv = calloc(1, sizeof *srv);
	if (!srv)
		return error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_store_options store = { .audit_key = o->audit_key };
	int rc = natrisk_store_open_with(&srv->store, o->db, &store);
	srv->results = results_cache_new();
	srv->throttle = login_throttle_new();
	srv->deadlines = deadlines_start(o->deadline ? o->deadline
	                                             : (unsigned)SERVER_DEADLINE);
	if (rc == 0 && (!srv->results || !srv->throttle || !srv->deadlines ||
	                sodium_init() < 0))
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0)
		rc = alerts_start(srv, o);
	if (rc == 0)
		rc = start_daemon(srv, o);
	if (rc != 0) {
		server_stop(srv);
		return rc;
	}
	*out = srv;
	return 0;
}

void server_stop(server *srv)
{
	if (!srv)
		return;
	if (srv->daemon)
		MHD_stop_daemon(srv->daemon);
	deadlines_stop(srv->deadlines); /* the daemon has closed every
	                                   connection it tracked */
	alerts_stop(srv);
	if (srv->workers_ready)
		sem_destroy(&srv->workers);
	natrisk_store_close(srv->store);
	results_cache_free(srv->results);
	login_throttle_free(srv->throttle);
	free(srv);
}
