/*
 * handlers.h - the route handlers, by resource. Each runs after routing
 * and authorization (router.c, authz.c) with the path parameters parsed
 * into the request; each fills the reply and returns 0.
 */
#ifndef NATRISK_HANDLERS_H
#define NATRISK_HANDLERS_H

#include "server.h"

/* sessions.c */
int h_login(request *q, reply *r);
int h_logout(request *q, reply *r);
int h_whoami(request *q, reply *r);

/* api_editions.c */
int h_editions_list(request *q, reply *r);
int h_edition_create(request *q, reply *r);
int h_edition_get(request *q, reply *r);
int h_edition_status(request *q, reply *r);
int h_edition_chairs(request *q, reply *r);
int h_edition_previous(request *q, reply *r);
int h_edition_export(request *q, reply *r);

int h_results(request *q, reply *r);
int h_diagram(request *q, reply *r);
int h_report(request *q, reply *r);

/* api_scenarios.c */
int h_scenarios_list(request *q, reply *r);
int h_scenario_get(request *q, reply *r);
int h_scenario_add(request *q, reply *r);
int h_scenario_edit(request *q, reply *r);
int h_scenario_assign(request *q, reply *r);
int h_score_put(request *q, reply *r);
int h_consolidated_put(request *q, reply *r);
int h_scores_get(request *q, reply *r);
/* Several criteria of a scenario at once, all or none. */
int h_scores_put(request *q, reply *r);
int h_consolidated_put_all(request *q, reply *r);
int h_spread(request *q, reply *r);
/* Who has scored what, for the chair. */
int h_scoring(request *q, reply *r);

/* api_plans.c: an edition's plan */
int h_plan_get(request *q, reply *r);
int h_plan_import(request *q, reply *r);
int h_plan_export(request *q, reply *r);
int h_plan_figures(request *q, reply *r);
int h_plan_spread(request *q, reply *r);
int h_plan_list(request *q, reply *r);
int h_plan_item_add(request *q, reply *r);
int h_plan_item_get(request *q, reply *r);
int h_plan_item_put(request *q, reply *r);
int h_plan_item_delete(request *q, reply *r);
int h_plan_experts(request *q, reply *r);
int h_plan_levels_get(request *q, reply *r);
int h_plan_levels_put(request *q, reply *r);
int h_plan_agreed_put(request *q, reply *r);
int h_plan_decision(request *q, reply *r);
/* api_portfolio.c: the best set of measures for a budget, for chairs */
int h_plan_portfolio(request *q, reply *r);

/* api_signals.c: horizon scanning */
int h_signals_list(request *q, reply *r);
int h_signal_submit(request *q, reply *r);
int h_signal_get(request *q, reply *r);
int h_signal_edit(request *q, reply *r);
int h_signal_triage(request *q, reply *r);
int h_signal_adopt(request *q, reply *r);
/* api_alerts.c, alert_manual.c: alerts (docs/server.md, "Alerts") */
int h_alerts_list(request *q, reply *r);
int h_alerts_atom(request *q, reply *r);
int h_alert_issue(request *q, reply *r);
int h_webhooks_list(request *q, reply *r);
int h_webhook_add(request *q, reply *r);
int h_webhook_remove(request *q, reply *r);
/* api_register.c: the register of progress, its letter, an action's
 * log and status, the reminders and their feed */
int h_register(request *q, reply *r);
int h_register_letter(request *q, reply *r);
int h_action_log(request *q, reply *r);
int h_action_status(request *q, reply *r);
int h_reminders(request *q, reply *r);
int h_reminders_feed(request *q, reply *r);
int h_feed_token(request *q, reply *r);
int h_user_organisations(request *q, reply *r);

/* api_methods.c */
int h_method(request *q, reply *r);

/* api_users.c */
int h_users_list(request *q, reply *r);
/* The enabled analysts and their clearances, for a chair's assignments. */
int h_analysts_list(request *q, reply *r);
/* The enabled chairs and their clearances, for an edition's chairs. */
int h_chairs_list(request *q, reply *r);
int h_user_create(request *q, reply *r);
/* {"disabled": true|false}: disables (ending the sessions) or enables. */
int h_user_set_disabled(request *q, reply *r);
/* An admin sets {name}'s password; every session of {name} ends. */
int h_user_password(request *q, reply *r);
/* The signed-in user's own password, with the current one; the user's
 * other sessions end. */
int h_own_password(request *q, reply *r);

/* web.c */
int h_openapi(request *q, reply *r);
/* A file of the web UI, or 0 with nothing done when there is none. */
bool web_file(const request *q, reply *r);

#endif
