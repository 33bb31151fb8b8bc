/*
 * router.c - from method and path to handler: the route table (the API's
 * contract, also described in web/openapi.json, which a test holds to this
 * table), path parameters, the session cookie, the CSRF check for every
 * state-changing request, and the authorization check.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/plan_store.h>

#include "authz.h"
#include "handlers.h"
#include "sessions.h"

typedef struct route {
	const char *method;
	const char *pattern;
	access_need needed;
	handler run;
} route;

static const route routes[] = {
	{ "POST", "/api/session", ACCESS_ANYONE, h_login },
	{ "DELETE", "/api/session", ACCESS_SIGNED_IN, h_logout },
	{ "GET", "/api/session", ACCESS_SIGNED_IN, h_whoami },
	{ "GET", "/api/openapi.json", ACCESS_ANYONE, h_openapi },
	{ "GET", "/api/assessments", ACCESS_SIGNED_IN, h_editions_list },
	{ "POST", "/api/assessments", ACCESS_CREATE_EDITION, h_edition_create },
	{ "GET", "/api/assessments/{id}", ACCESS_READ_EDITION, h_edition_get },
	{ "PUT", "/api/assessments/{id}/status", ACCESS_MANAGE_EDITION,
	  h_edition_status },
	{ "PUT", "/api/assessments/{id}/chairs", ACCESS_MANAGE_EDITION,
	  h_edition_chairs },
	{ "PUT", "/api/assessments/{id}/previous", ACCESS_MANAGE_EDITION,
	  h_edition_previous },
	{ "GET", "/api/assessments/{id}/export", ACCESS_READ_EDITION,
	  h_edition_export },
	{ "GET", "/api/assessments/{id}/results", ACCESS_READ_EDITION,
	  h_results },
	{ "GET", "/api/assessments/{id}/diagram.svg", ACCESS_READ_EDITION,
	  h_diagram },
	{ "GET", "/api/assessments/{id}/report.html", ACCESS_READ_EDITION,
	  h_report },
	{ "GET", "/api/assessments/{id}/spread", ACCESS_SEE_SPREAD, h_spread },
	{ "GET", "/api/assessments/{id}/scenarios", ACCESS_READ_EDITION,
	  h_scenarios_list },
	{ "POST", "/api/assessments/{id}/scenarios", ACCESS_MANAGE_EDITION,
	  h_scenario_add },
	{ "GET", "/api/assessments/{id}/scenarios/{scenario}",
	  ACCESS_READ_SCENARIO, h_scenario_get },
	{ "PATCH", "/api/assessments/{id}/scenarios/{scenario}",
	  ACCESS_MANAGE_SCENARIO, h_scenario_edit },
	{ "PUT", "/api/assessments/{id}/scenarios/{scenario}/assigned",
	  ACCESS_MANAGE_SCENARIO, h_scenario_assign },
	{ "GET", "/api/assessments/{id}/scenarios/{scenario}/scores",
	  ACCESS_READ_SCORES, h_scores_get },
	{ "PUT", "/api/assessments/{id}/scenarios/{scenario}/scores/{criterion}",
	  ACCESS_SCORE, h_score_put },
	{ "PUT",
	  "/api/assessments/{id}/scenarios/{scenario}/consolidated/{criterion}",
	  ACCESS_MANAGE_SCENARIO, h_consolidated_put },
	{ "PUT", "/api/assessments/{id}/scenarios/{scenario}/scores",
	  ACCESS_SCORE, h_scores_put },
	{ "PUT", "/api/assessments/{id}/scenarios/{scenario}/consolidated",
	  ACCESS_MANAGE_SCENARIO, h_consolidated_put_all },
	{ "GET", "/api/assessments/{id}/scoring", ACCESS_SEE_SPREAD, h_scoring },
	{ "GET", "/api/assessments/{id}/plan", ACCESS_READ_EDITION, h_plan_get },
	{ "POST", "/api/assessments/{id}/plan", ACCESS_MANAGE_EDITION,
	  h_plan_import },
	{ "GET", "/api/assessments/{id}/plan.yaml", ACCESS_READ_EDITION,
	  h_plan_export },
	{ "GET", "/api/assessments/{id}/plan/figures", ACCESS_READ_EDITION,
	  h_plan_figures },
	{ "GET", "/api/assessments/{id}/plan/spread", ACCESS_SEE_SPREAD,
	  h_plan_spread },
	{ "POST", "/api/assessments/{id}/plan/portfolio", ACCESS_SEE_SPREAD,
	  h_plan_portfolio },
	{ "GET", "/api/assessments/{id}/plan/{kind}", ACCESS_READ_EDITION,
	  h_plan_list },
	{ "POST", "/api/assessments/{id}/plan/{kind}", ACCESS_MANAGE_EDITION,
	  h_plan_item_add },
	{ "GET", "/api/assessments/{id}/plan/{kind}/{item}",
	  ACCESS_READ_PLAN_ITEM, h_plan_item_get },
	{ "PUT", "/api/assessments/{id}/plan/{kind}/{item}",
	  ACCESS_MANAGE_PLAN_ITEM, h_plan_item_put },
	{ "DELETE", "/api/assessments/{id}/plan/{kind}/{item}",
	  ACCESS_MANAGE_PLAN_ITEM, h_plan_item_delete },
	{ "PUT", "/api/assessments/{id}/plan/capabilities/{item}/experts",
	  ACCESS_MANAGE_PLAN_ITEM, h_plan_experts },
	{ "GET", "/api/assessments/{id}/plan/capabilities/{item}/levels",
	  ACCESS_READ_PLAN_LEVELS, h_plan_levels_get },
	{ "PUT", "/api/assessments/{id}/plan/capabilities/{item}/levels",
	  ACCESS_PLAN_EXPERT, h_plan_levels_put },
	{ "PUT", "/api/assessments/{id}/plan/capabilities/{item}/agreed",
	  ACCESS_MANAGE_PLAN_ITEM, h_plan_agreed_put },
	{ "PUT", "/api/assessments/{id}/plan/advice/{item}/decision",
	  ACCESS_MANAGE_PLAN_ITEM, h_plan_decision },
	{ "GET", "/api/alerts", ACCESS_SIGNED_IN, h_alerts_list },
	{ "POST", "/api/assessments/{id}/alerts", ACCESS_MANAGE_EDITION,
	  h_alert_issue },
	{ "GET", "/alerts.atom", ACCESS_ANYONE, h_alerts_atom },
	{ "GET", "/api/webhooks", ACCESS_MANAGE_USERS, h_webhooks_list },
	{ "POST", "/api/webhooks", ACCESS_MANAGE_USERS, h_webhook_add },
	{ "DELETE", "/api/webhooks/{item}", ACCESS_MANAGE_USERS,
	  h_webhook_remove },
	{ "GET", "/api/assessments/{id}/register", ACCESS_READ_REGISTER,
	  h_register },
	{ "GET", "/api/assessments/{id}/register/letter.html",
	  ACCESS_SEE_SPREAD, h_register_letter },
	{ "GET", "/api/assessments/{id}/register/letter.odt",
	  ACCESS_SEE_SPREAD, h_register_letter },
	{ "GET", "/api/assessments/{id}/register/{item}/{action}",
	  ACCESS_READ_ACTION, h_action_log },
	{ "POST", "/api/assessments/{id}/register/{item}/{action}",
	  ACCESS_REPORT_ACTION, h_action_status },
	{ "GET", "/api/reminders", ACCESS_REMINDERS, h_reminders },
	{ "GET", "/api/reminders.atom", ACCESS_ANYONE, h_reminders_feed },
	{ "POST", "/api/users/me/feed-token", ACCESS_SIGNED_IN, h_feed_token },
	{ "PUT", "/api/users/{name}/organisations", ACCESS_MANAGE_USERS,
	  h_user_organisations },
	{ "GET", "/api/methods/{name}", ACCESS_SIGNED_IN, h_method },
	{ "GET", "/api/analysts", ACCESS_CREATE_EDITION, h_analysts_list },
	{ "GET", "/api/chairs", ACCESS_CREATE_EDITION, h_chairs_list },
	{ "GET", "/api/users", ACCESS_MANAGE_USERS, h_users_list },
	{ "POST", "/api/users", ACCESS_MANAGE_USERS, h_user_create },
	{ "PUT", "/api/users/{name}/disabled", ACCESS_MANAGE_USERS,
	  h_user_set_disabled },
	{ "PUT", "/api/users/{name}/password", ACCESS_MANAGE_USERS,
	  h_user_password },
	{ "POST", "/api/users/me/password", ACCESS_SIGNED_IN, h_own_password },
	{ "GET", "/api/signals", ACCESS_SIGNALS, h_signals_list },
	{ "POST", "/api/signals", ACCESS_SUBMIT_SIGNAL, h_signal_submit },
	{ "GET", "/api/signals/{signal}", ACCESS_READ_SIGNAL, h_signal_get },
	{ "PUT", "/api/signals/{signal}", ACCESS_EDIT_SIGNAL, h_signal_edit },
	{ "POST", "/api/signals/{signal}/triage", ACCESS_TRIAGE_SIGNAL,
	  h_signal_triage },
	{ "POST", "/api/signals/{signal}/adopt", ACCESS_TRIAGE_SIGNAL,
	  h_signal_adopt },
};

enum { ROUTE_COUNT = sizeof routes / sizeof *routes };

const char *const *route_list(void)
{
	static char texts[ROUTE_COUNT][96];
	static const char *list[ROUTE_COUNT + 1];
	for (size_t k = 0; k < ROUTE_COUNT; k++) {
		snprintf(texts[k], sizeof texts[k], "%s %s", routes[k].method,
		         routes[k].pattern);
		list[k] = texts[k];
	}
	list[ROUTE_COUNT] = NULL;
	return list;
}

/* The next segment of PATH after *AT: its start and length. */
static bool next_segment(const char **at, const char **start, size_t *len)
{
	const char *p = *at;
	if (*p != '/')
		return false;
	p++;
	*start = p;
	while (*p && *p != '/' && *p != '?')
		p++;
	*len = (size_t)(p - *start);
	*at = p;
	return true;
}

static bool take_id(const char *text, size_t len, int64_t *out)
{
	if (len == 0 || len > 15)
		return false;
	int64_t value = 0;
	for (size_t k = 0; k < len; k++) {
		if (text[k] < '0' || text[k] > '9')
			return false;
		value = value * 10 + (text[k] - '0');
	}
	*out = value;
	return value > 0;
}

static bool take_text(const char *text, size_t len, char *out, size_t size)
{
	if (len == 0 || len >= size)
		return false;
	for (size_t k = 0; k < len; k++) {
		char c = text[k];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '.' || c == '_'))
			return false;
	}
	memcpy(out, text, len);
	out[len] = '\0';
	return true;
}

/* A plan list's name ("measures") as its kind. */
static bool take_plan_kind(const char *text, size_t len, int *out)
{
	char name[16];
	natrisk_plan_kind kind;
	if (len >= sizeof name)
		return false;
	memcpy(name, text, len);
	name[len] = '\0';
	if (natrisk_plan_kind_parse(name, &kind) != 0)
		return false;
	*out = (int)kind;
	return true;
}

/* Whether URL fits PATTERN; parameters go into Q. */
static bool matches(const char *pattern, const char *url, request *q)
{
	const char *p = pattern, *u = url;
	const char *ps, *us;
	size_t pl, ul;
	while (next_segment(&p, &ps, &pl)) {
		if (!next_segment(&u, &us, &ul))
			return false;
		if (pl == 4 && memcmp(ps, "{id}", 4) == 0) {
			if (!take_id(us, ul, &q->edition_id))
				return false;
		} else if (pl == 10 && memcmp(ps, "{scenario}", 10) == 0) {
			if (!take_text(us, ul, q->scenario, sizeof q->scenario))
				return false;
		} else if (pl == 11 && memcmp(ps, "{criterion}", 11) == 0) {
			if (!take_text(us, ul, q->criterion,
			               sizeof q->criterion))
				return false;
		} else if (pl == 6 && memcmp(ps, "{name}", 6) == 0) {
			if (!take_text(us, ul, q->name, sizeof q->name))
				return false;
		} else if (pl == 6 && memcmp(ps, "{item}", 6) == 0) {
			if (!take_text(us, ul, q->item, sizeof q->item))
				return false;
		} else if (pl == 8 && memcmp(ps, "{signal}", 8) == 0) {
			if (!take_text(us, ul, q->signal, sizeof q->signal))
				return false;
		} else if (pl == 8 && memcmp(ps, "{action}", 8) == 0) {
			if (!take_text(us, ul, q->action, sizeof q->action))
				return false;
		} else if (pl == 6 && memcmp(ps, "{kind}", 6) == 0) {
			if (!take_plan_kind(us, ul, &q->plan_kind))
				return false;
		} else if (pl != ul || memcmp(ps, us, pl) != 0) {
			return false;
		} else {
			take_plan_kind(us, ul, &q->plan_kind);
		}
	}
	return *u == '\0' || *u == '?';
}

static bool changes_state(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

static int check_csrf(const request *q, reply *r)
{
	const char *sent = MHD_lookup_connection_value(
		q->connection, MHD_HEADER_KIND, "X-CSRF-Token");
	if (sent && strlen(sent) == strlen(q->csrf) &&
	    sodium_memcmp(sent, q->csrf, strlen(q->csrf)) == 0)
		return 0;
	reply_error(r, 403, "missing or wrong X-CSRF-Token header");
	return -1;
}

/* The route of METHOD and Q's URL, or NULL; sets *PATH_KNOWN when some
 * route has that path. */
static const route *route_find(request *q, const char *method,
                               bool *path_known)
{
	/* HEAD is GET without the body, which libmicrohttpd leaves out */
	if (strcmp(method, "HEAD") == 0)
		method = "GET";
	for (size_t k = 0; k < ROUTE_COUNT; k++) {
		if (!matches(routes[k].pattern, q->url, q))
			continue;
		*path_known = true;
		if (strcmp(routes[k].method, method) == 0)
			return &routes[k];
	}
	return NULL;
}

bool route_takes_upload(const char *method, const char *url)
{
	request q = { .url = url };
	bool path_known = false;
	const route *found = route_find(&q, method, &path_known);
	return found && (found->run == h_edition_create ||
	                 found->run == h_plan_import);
}

int route_request(request *q, reply *r)
{
	bool path_known = false;
	const route *found = route_find(q, q->method, &path_known);
	if (!found) {
		if (path_known)
			return reply_error(r, 405, "method %s not allowed here",
			                   q->method);
		if ((strcmp(q->method, "GET") == 0 ||
		     strcmp(q->method, "HEAD") == 0) && web_file(q, r))
			return 0;
		return reply_error(r, 404, "no such resource");
	}
	sessions_attach(q);
	if (found->needed != ACCESS_ANYONE && q->signed_in &&
	    changes_state(q->method) && check_csrf(q, r) != 0)
		return 0;
	if (authz_check(q, found->needed, r) != 0)
		return 0;
	return found->run(q, r);
}
