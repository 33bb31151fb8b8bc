/*
 * deadline.c - see deadline.h.
 *
 * A connection's entry lives from libmicrohttpd's STARTED notification to
 * its CLOSED one and is unlinked under the lock in CLOSED. libmicrohttpd
 * closes the socket only after the CLOSED notification (in the daemon's
 * cleanup of a finished connection), so a socket the watchdog shuts down
 * under the lock is still the connection's own: its descriptor cannot have
 * been reused by another connection yet.
 *
 * A request's clock is one atomic per connection, written by the
 * connection's own thread (no lock on the path of every request) and read
 * by the watchdog, which holds the lock while it walks the entries.
 */
#include "deadline.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

/* How often the watchdog looks: deadlines are kept to within this. */
enum { TICK_MS = 200 };

typedef struct tracked {
	struct tracked *prev, *next;
	int fd;
	/* when the current request's clock started (ms); 0: stopped */
	atomic_int_least64_t began;
	bool cut;
} tracked;

struct deadlines {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t watchdog;
	bool stopping;
	int64_t limit_ms;
	tracked *head;
};

static int64_t now_ms(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	/* never 0, which means "stopped" */
	return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000 + 1;
}

static void cut_late(deadlines *d)
{
	int64_t now = now_ms();
	for (tracked *t = d->head; t; t = t->next) {
		int64_t began = atomic_load_explicit(&t->began,
		                                     memory_order_relaxed);
		if (began && !t->cut && now - began >= d->limit_ms) {
			/* the connection's thread sees the end of its input
			 * and closes the connection itself */
			shutdown(t->fd, SHUT_RDWR);
			t->cut = true;
		}
	}
}

static void *watch(void *arg)
{
	deadlines *d = arg;
	pthread_mutex_lock(&d->lock);
	while (!d->stopping) {
		cut_late(d);
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += TICK_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&d->wake, &d->lock, &until);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

deadlines *deadlines_start(unsigned seconds)
{
	deadlines *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->limit_ms = (int64_t)seconds * 1000;
	pthread_condattr_t attributes;
	pthread_condattr_init(&attributes);
	pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
	pthread_cond_init(&d->wake, &attributes);
	pthread_condattr_destroy(&attributes);
	pthread_mutex_init(&d->lock, NULL);
	if (pthread_create(&d->watchdog, NULL, watch, d) != 0) {
		pthread_cond_destroy(&d->wake);
		pthread_mutex_destroy(&d->lock);
		free(d);
		return NULL;
	}
	return d;
}

void deadlines_stop(deadlines *d)
{
	if (!d)
		return;
	pthread_mutex_lock(&d->lock);
	d->stopping = true;
	pthread_cond_signal(&d->wake);
	pthread_mutex_unlock(&d->lock);
	pthread_join(d->watchdog, NULL);
	while (d->head) { /* none once the daemon has stopped */
		tracked *t = d->head;
		d->head = t->next;
		free(t);
	}
	pthread_cond_destroy(&d->wake);
	pthread_mutex_destroy(&d->lock);
	free(d);
}

static void track(deadlines *d, struct MHD_Connection *connection,
                  void **socket_context)
{
	const union MHD_ConnectionInfo *info = MHD_get_connection_info(
		connection, MHD_CONNECTION_INFO_CONNECTION_FD);
	tracked *t = info ? calloc(1, sizeof *t) : NULL;
	*socket_context = t;
	if (!t) {
		/* untracked, it would have no deadline: refuse it instead */
		if (info)
			shutdown(info->connect_fd, SHUT_RDWR);
		return;
	}
	t->fd = info->connect_fd;
	atomic_init(&t->began, now_ms());
	pthread_mutex_lock(&d->lock);
	t->next = d->head;
	if (d->head)
		d->head->prev = t;
	d->head = t;
	pthread_mutex_unlock(&d->lock);
}

static void untrack(deadlines *d, void **socket_context)
{
	tracked *t = *socket_context;
	*socket_context = NULL;
	if (!t)
		return;
	pthread_mutex_lock(&d->lock);
	if (t->prev)
		t->prev->next = t->next;
	else
		d->head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	pthread_mutex_unlock(&d->lock);
	free(t);
}

void deadlines_notify(void *cls, struct MHD_Connection *connection,
                      void **socket_context,
                      enum MHD_ConnectionNotificationCode code)
{
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		track(cls, connection, socket_context);
	else if (code == MHD_CONNECTION_NOTIFY_CLOSED)
		untrack(cls, socket_context);
}

static void set_clock(struct MHD_Connection *connection, int64_t began)
{
	const union MHD_ConnectionInfo *info = MHD_get_connection_info(
		connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	tracked *t = info ? info->socket_context : NULL;
	if (t)
		atomic_store_explicit(&t->began, began, memory_order_relaxed);
}

void deadlines_arrived(struct MHD_Connection *connection)
{
	set_clock(connection, 0);
}

void deadlines_restart(struct MHD_Connection *connection)
{
	set_clock(connection, now_ms());
}
