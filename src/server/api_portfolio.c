/*
 * api_portfolio.c - POST /api/assessments/{id}/plan/portfolio: the best
 * set of the plan's measures for a budget, for the edition's chairs and
 * the admin (docs/server.md). The body holds what `natrisk portfolio`'s
 * options hold ({budget, years, must, never, sweep, robust, seed,
 * weights}); the
 * answer is that command's JSON (formats.md, portfolio_output.h), or with
 * ?format=svg its frontier chart (portfolio_chart.h), computed
 * by the same run (portfolio_run.h) on the plan and the assessment as the
 * caller would export them: need-to-know holds, what lies above the
 * caller's clearance is in neither the computation nor the answer.
 *
 * The work is bounded: the body arrives within the request deadline
 * (deadline.c) like any other; the computation by the caps below, which
 * keep the largest answer to seconds, and by one thread for the draws so
 * that other requests keep their workers' processors.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/membuf.h>
#include <natrisk/plan_store.h>
#include <natrisk/portfolio_chart.h>
#include <natrisk/portfolio_run.h>

#include "authz.h"
#include "handlers.h"
#include "language.h"

/* The caps of a request's work: budgets of a sweep, robustness draws,
 * years. */
#define PORTFOLIO_MAX_SWEEP 50
#define PORTFOLIO_MAX_DRAWS 1000
#define PORTFOLIO_MAX_YEARS 1000
/* most ids in must or never */
#define PORTFOLIO_MAX_IDS 10000

static const char *const members[] = { "budget", "years", "must", "never",
	                                "sweep", "robust", "seed", "weights",
	                                NULL };

/* Member KEY of BODY as a whole number from 0 to MOST (DEFAULT when it
 * is absent) into *OUT; false when it is something else. */
static bool whole(const json_t *body, const char *key, json_int_t most,
                  uint64_t fallback, uint64_t *out)
{
	json_t *value = json_object_get(body, key);
	*out = fallback;
	if (!value)
		return true;
	if (!json_is_integer(value) || json_integer_value(value) < 0 ||
	    json_integer_value(value) > most)
		return false;
	*out = (uint64_t)json_integer_value(value);
	return true;
}

/* Member KEY of BODY, a list of ids (absent: none), into *IDS (freed by
 * the caller) and *COUNT; false when it is something else. */
static bool ids(const json_t *body, const char *key, const char ***out,
                size_t *count)
{
	json_t *list = json_object_get(body, key);
	*out = NULL;
	*count = 0;
	if (!list)
		return true;
	if (!json_is_array(list) || json_array_size(list) > PORTFOLIO_MAX_IDS)
		return false;
	*count = json_array_size(list);
	*out = calloc(*count + 1, sizeof **out);
	for (size_t k = 0; *out && k < *count; k++)
		if (!((*out)[k] = json_string_value(json_array_get(list, k))))
			return false;
	return *out != NULL;
}

/* The request of BODY into Q (its id lists to free) and the weight
 * profile it names into *WEIGHTS (NULL: the method's default); 0, or -1
 * with a 400 answer in R. */
static int parse(const json_t *body, natrisk_portfolio_request *q,
                 const char **weights, reply *r)
{
	const char *key;
	json_t *value;
	json_object_foreach((json_t *)body, key, value) {
		size_t k = 0;
		while (members[k] && strcmp(members[k], key) != 0)
			k++;
		if (!members[k]) {
			reply_error(r, 400, "unknown member '%s' (budget, years, "
			            "must, never, sweep, robust, seed, weights)",
			            key);
			return -1;
		}
	}
	json_t *budget = json_object_get(body, "budget");
	if (!json_is_number(budget) || json_number_value(budget) < 0) {
		reply_error(r, 400, "budget: an amount in euro >= 0 is required");
		return -1;
	}
	q->budget = json_number_value(budget);
	q->has_budget = true;
	uint64_t years;
	if (!whole(body, "years", PORTFOLIO_MAX_YEARS, 1, &years)) {
		reply_error(r, 400, "years: a whole number from 0 to %d",
		            PORTFOLIO_MAX_YEARS);
		return -1;
	}
	q->years = (unsigned)years;
	if (!whole(body, "sweep", PORTFOLIO_MAX_SWEEP, 0, &q->sweep)) {
		reply_error(r, 400, "sweep: a whole number of budgets from 0 "
		            "to %d", PORTFOLIO_MAX_SWEEP);
		return -1;
	}
	if (!whole(body, "robust", PORTFOLIO_MAX_DRAWS, 0, &q->draws)) {
		reply_error(r, 400, "robust: a whole number of draws from 0 "
		            "to %d", PORTFOLIO_MAX_DRAWS);
		return -1;
	}
	if (!whole(body, "seed", INT64_MAX, 0, &q->seed) ||
	    !ids(body, "must", (const char ***)&q->must, &q->must_count) ||
	    !ids(body, "never", (const char ***)&q->never, &q->never_count)) {
		reply_error(r, 400, "seed: a whole number >= 0; must and never: "
		            "lists of measure ids");
		return -1;
	}
	json_t *profile = json_object_get(body, "weights");
	*weights = json_string_value(profile);
	if (profile && !*weights) {
		reply_error(r, 400, "weights: the id of a weight profile of the "
		            "method");
		return -1;
	}
	q->threads = 1;
	return 0;
}

/* WEIGHTS (NULL: the default) of PLAN's method into Q->profile; 0, or -1
 * with a 400 answer in R naming the profiles there are. */
static int choose_profile(const natrisk_plan *plan, const char *weights,
                          natrisk_portfolio_request *q, reply *r)
{
	if (natrisk_method_choose_profile(natrisk_assessment_method(
		                                  natrisk_plan_assessment(plan)),
	                                  weights, &q->profile) == 0)
		return 0;
	reply_error(r, 400, "weights: %s", natrisk_error_last());
	return -1;
}

/* The frontier of P as the chart of `natrisk portfolio --sweep -o
 * OUT.svg`, to OUT. */
static int write_chart(const natrisk_portfolio_report *p, natrisk_lang lang,
                       FILE *out)
{
	natrisk_scene *scene;
	int rc = natrisk_portfolio_chart_scene(&scene, p->plan,
	                                       p->frontier_budgets, p->frontier,
	                                       p->frontier_count, lang);
	if (rc == 0)
		rc = natrisk_scene_write_svg(scene, false, out);
	natrisk_scene_free(scene);
	return rc;
}

/* RUN's report into R: its JSON, or with SVG its frontier chart in the
 * request's language. */
static int answer(const natrisk_portfolio_run *run, bool svg, request *q,
                  reply *r)
{
	const natrisk_portfolio_report *p = natrisk_portfolio_run_report(run);
	natrisk_membuf buffer = { 0 };
	FILE *out = natrisk_membuf_open(&buffer);
	int rc = !out ? NATRISK_ENOMEM
	         : svg ? write_chart(p, request_language(q->connection), out)
	               : natrisk_portfolio_write(p, NATRISK_FORMAT_JSON, out);
	if (out && natrisk_membuf_close(&buffer, out) != 0 && rc == 0)
		rc = NATRISK_ENOMEM;
	if (rc != 0) {
		free(buffer.data);
		return reply_failure(r, rc);
	}
	return reply_take(r, 200, svg ? "image/svg+xml" : "application/json",
	                  buffer.data, buffer.len);
}

static int compute(request *q, reply *r, natrisk_portfolio_request *pq,
                   const char *weights, bool svg)
{
	natrisk_plan_reader reader;
	int rc = authz_plan_reader(q, &reader);
	natrisk_plan *plan = NULL;
	if (rc == 0)
		rc = natrisk_store_plan_load(q->srv->store, q->edition_id,
		                             &reader, &plan);
	natrisk_portfolio_run *run = NULL;
	bool known = rc == 0 && choose_profile(plan, weights, pq, r) == 0;
	if (known)
		rc = natrisk_portfolio_run_new(&run, plan, pq);
	if (rc != 0)
		reply_failure(r, rc);
	else if (known)
		answer(run, svg, q, r);
	natrisk_portfolio_run_free(run);
	natrisk_plan_free(plan);
	return 0;
}

/* ?format=svg: the frontier chart instead of the JSON; *SVG, or false
 * with a 400 answer in R. */
static bool chart_wanted(request *q, reply *r, bool *svg)
{
	const char *format = MHD_lookup_connection_value(
		q->connection, MHD_GET_ARGUMENT_KIND, "format");
	*svg = format && strcmp(format, "svg") == 0;
	if (format && !*svg)
		reply_error(r, 400, "format: svg (the frontier chart) or none "
		            "(the JSON)");
	return !format || *svg;
}

int h_plan_portfolio(request *q, reply *r)
{
	bool svg;
	if (!chart_wanted(q, r, &svg))
		return 0;
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	natrisk_portfolio_request pq = { 0 };
	const char *weights = NULL;
	int rc = parse(body, &pq, &weights, r);
	if (rc == 0 && svg && !pq.sweep) {
		reply_error(r, 400, "format=svg draws the frontier: give sweep");
		rc = -1;
	}
	if (rc == 0)
		compute(q, r, &pq, weights, svg);
	free((void *)pq.must);
	free((void *)pq.never);
	json_decref(body);
	return 0;
}
