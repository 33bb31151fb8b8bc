/*
 * deadline.h - a total deadline for each request to arrive. libmicrohttpd
 * closes a connection only after it has been idle for --timeout seconds,
 * so a client sending one header byte every few seconds would hold its
 * connection (and thread) for ever. Each connection is tracked from its
 * STARTED to its CLOSED notification; a request's clock starts when the
 * connection is accepted or the previous answer has been sent, and stops
 * when the request has arrived whole (the handler's time, and the wait
 * for a worker, do not count). A watchdog thread shuts down the socket of
 * a connection whose request is still arriving at its deadline.
 */
#ifndef NATRISK_DEADLINE_H
#define NATRISK_DEADLINE_H

#include <microhttpd.h>

typedef struct deadlines deadlines;

/* Starts the watchdog for requests that must arrive within SECONDS.
 * NULL when out of memory or threads. */
deadlines *deadlines_start(unsigned seconds);
/* Stops the watchdog and frees D. Call it after MHD_stop_daemon, when no
 * connection is left. */
void deadlines_stop(deadlines *d);

/* The MHD_OPTION_NOTIFY_CONNECTION callback (CLS: the deadlines). */
void deadlines_notify(void *cls, struct MHD_Connection *connection,
                      void **socket_context,
                      enum MHD_ConnectionNotificationCode code);

/* The request on CONNECTION has arrived whole, or is answered before
 * its body is read: its clock stops. */
void deadlines_arrived(struct MHD_Connection *connection);
/* The answer on CONNECTION has been sent: the next request's clock
 * starts. */
void deadlines_restart(struct MHD_Connection *connection);

#endif
