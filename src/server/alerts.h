/*
 * alerts.h - the server's alerts (docs/server.md, "Alerts"): the monitor
 * run on a schedule (alert_monitor.c) and the delivery of the outbox to
 * the webhooks (alert_delivery.c), each on a thread of its own that
 * alert_worker.c starts and stops with the server.
 */
#ifndef NATRISK_SERVER_ALERTS_H
#define NATRISK_SERVER_ALERTS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <natrisk/monitor.h>

#include "server.h"
#include "server_api.h"

enum { WEBHOOK_TIMEOUT = 10, FEED_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct alert_worker {
	natrisk_store *store;
	natrisk_monitor *monitor;     /* or NULL: no schedule */
	int64_t edition;              /* the monitor's scenarios' edition */
	double interval, feed_timeout, backoff;
	unsigned attempts;
	char *sender;                 /* of every message the server makes */
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stopping, woken;
	pthread_t monitor_thread, delivery_thread;
	bool monitor_started, delivery_started, curl_ready;
} alert_worker;

/* Loads the monitor of O (if any) and starts the threads. 0, or an
 * error code with the message set. */
int alerts_start(server *srv, const server_options *o);
/* Stops the threads (after the round they are in) and frees. */
void alerts_stop(server *srv);
/* New messages are in the outbox: deliver now, not at the next tick. */
void alerts_wake(server *srv);
void alert_worker_wake(alert_worker *w);
/* Whether the server is stopping: a round ends early. */
bool alert_worker_stopping(alert_worker *w);

/* One round of the monitor: every indicator's feed polled, its level
 * changes stored as messages with their outbox rows. */
void alert_monitor_round(alert_worker *w);
/* One round of delivery: every outbox row due is tried once. */
void alert_delivery_round(alert_worker *w);
/* The delay before attempt ATTEMPTS + 1 after ATTEMPTS failed ones:
 * BACKOFF doubled each time, at most an hour. */
double alert_backoff(const alert_worker *w, int attempts);
/* Seconds since the epoch, with the fraction. */
double alert_now(void);

#endif
