/*
 * alert_worker.c - the threads of the server's alerts (alerts.h): the
 * monitor's schedule and the outbox's delivery. Each sleeps on one
 * condition variable, so that the server stops them at once (after the
 * round they are in, whose network calls have time limits) and a new
 * message wakes the delivery.
 */
#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <natrisk/edition.h>
#include <natrisk/monitor.h>

#include "../core/error.h"
#include "alerts.h"

enum { DELIVERY_TICK_MS = 250 };

double alert_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double alert_backoff(const alert_worker *w, int attempts)
{
	double delay = w->backoff * pow(2.0, attempts > 30 ? 30 : attempts);
	return delay > 3600 ? 3600 : delay;
}

/* Waits SECONDS, or until stopping or *WOKEN (when given); false when
 * stopping. */
static bool wait_for(alert_worker *w, double seconds, bool *woken)
{
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	double whole = floor(seconds);
	until.tv_sec += (time_t)whole;
	until.tv_nsec += (long)((seconds - whole) * 1e9);
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&w->lock);
	while (!w->stopping && !(woken && *woken) &&
	       pthread_cond_timedwait(&w->wake, &w->lock, &until) != ETIMEDOUT)
		;
	if (woken)
		*woken = false;
	bool go_on = !w->stopping;
	pthread_mutex_unlock(&w->lock);
	return go_on;
}

static void *monitor_main(void *ctx)
{
	alert_worker *w = ctx;
	do
		alert_monitor_round(w);
	while (wait_for(w, w->interval, NULL));
	return NULL;
}

static void *delivery_main(void *ctx)
{
	alert_worker *w = ctx;
	do
		alert_delivery_round(w);
	while (wait_for(w, DELIVERY_TICK_MS / 1000.0, &w->woken));
	return NULL;
}

static int load_monitor(alert_worker *w, const server_options *o)
{
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = natrisk_monitor_load(&w->monitor, o->monitor, diag);
	if (rc == NATRISK_EINVALID)
		natrisk_diag_print(diag, stderr);
	natrisk_diag_free(diag);
	return rc;
}

static int setup(alert_worker *w, server *srv, const server_options *o)
{
	w->store = srv->store;
	w->edition = o->monitor_edition;
	w->interval = o->monitor_interval > 0 ? o->monitor_interval : 60;
	w->feed_timeout = o->feed_timeout > 0 ? o->feed_timeout : 10;
	w->backoff = o->webhook_backoff > 0 ? o->webhook_backoff : 10;
	w->attempts = o->webhook_attempts ? o->webhook_attempts : 12;
	int rc = o->monitor ? load_monitor(w, o) : 0;
	natrisk_edition_info edition = { 0 };
	if (rc == 0 && o->monitor &&
	    natrisk_store_edition(w->store, w->edition, &edition) != 0)
		rc = error_set(NATRISK_EINVALID, "--monitor-edition %lld: no "
		               "such edition", (long long)w->edition);
	natrisk_edition_info_clear(&edition);
	const char *sender = w->monitor ? natrisk_monitor_sender(w->monitor)
	                                : NULL;
	w->sender = strdup(sender ? sender : "natrisk");
	if (rc == 0 && !w->sender)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	return rc;
}

int alerts_start(server *srv, const server_options *o)
{
	alert_worker *w = calloc(1, sizeof *w);
	if (!w)
		return error_set(NATRISK_ENOMEM, "out of memory");
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, &attr);
	pthread_condattr_destroy(&attr);
	srv->alerts = w;
	/* libxml2 (the CAP writer and validator, the Atom feed) is used
	 * from several threads: its globals are set up once, here */
	xmlInitParser();
	w->curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
	int rc = w->curl_ready ? setup(w, srv, o)
	                       : error_set(NATRISK_EIO, "cannot start libcurl");
	if (rc == 0 && w->monitor)
		w->monitor_started = pthread_create(&w->monitor_thread, NULL,
		                                    monitor_main, w) == 0;
	if (rc == 0)
		w->delivery_started = pthread_create(&w->delivery_thread, NULL,
		                                     delivery_main, w) == 0;
	if (rc == 0 && (!w->delivery_started ||
	                (w->monitor && !w->monitor_started)))
		rc = error_set(NATRISK_EIO, "cannot start the alerts' threads");
	return rc;
}

void alerts_wake(server *srv)
{
	alert_worker_wake(srv->alerts);
}

void alert_worker_wake(alert_worker *w)
{
	pthread_mutex_lock(&w->lock);
	w->woken = true;
	pthread_cond_broadcast(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

bool alert_worker_stopping(alert_worker *w)
{
	pthread_mutex_lock(&w->lock);
	bool stopping = w->stopping;
	pthread_mutex_unlock(&w->lock);
	return stopping;
}

void alerts_stop(server *srv)
{
	alert_worker *w = srv->alerts;
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stopping = true;
	pthread_cond_broadcast(&w->wake);
	pthread_mutex_unlock(&w->lock);
	if (w->monitor_started)
		pthread_join(w->monitor_thread, NULL);
	if (w->delivery_started)
		pthread_join(w->delivery_thread, NULL);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	natrisk_monitor_free(w->monitor);
	free(w->sender);
	if (w->curl_ready)
		curl_global_cleanup();
	free(w);
	srv->alerts = NULL;
}
