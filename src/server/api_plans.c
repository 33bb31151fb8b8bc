/*
 * api_plans.c - an edition's plan (method.md section 6): the plan file in
 * and out, its lists and items, the experts of a capability, their own
 * levels and the chair's agreed ones, the spread between experts, the
 * capability figures and the cabinet's decisions. The store checks every
 * item with the plan loader and keeps to the need-to-know rule; a
 * rejected item comes back as 422 with the loader's messages.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/plan_store.h>

#include "authz.h"
#include "handlers.h"

static int reply_stored(reply *r, int rc, char *json)
{
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_take(r, 200, "application/json", json, strlen(json));
}

/* The plan as Q's user reads it, into READER; a failure replied. */
static bool reader_of(request *q, reply *r, natrisk_plan_reader *reader)
{
	int rc = authz_plan_reader(q, reader);
	if (rc != 0)
		reply_failure(r, rc);
	return rc == 0;
}

int h_plan_get(request *q, reply *r)
{
	natrisk_plan_reader reader;
	char *json = NULL;
	if (!reader_of(q, r, &reader))
		return 0;
	int rc = natrisk_store_plan(q->srv->store, q->edition_id, &reader,
	                            &json);
	return reply_stored(r, rc, json);
}

int h_plan_import(request *q, reply *r)
{
	static const char *const yaml[] = { "application/yaml",
		                            "application/x-yaml", "text/yaml",
		                            NULL };
	if (!request_type_is(q, yaml))
		return reply_error(r, 415, "send the plan file with "
		                   "Content-Type: application/yaml");
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_store_plan_import(q->srv->store, q->edition_id,
	                                   q->body, q->body_len, q->user.name,
	                                   q->user.clearance, diag);
	if (rc != 0) {
		natrisk_diag_sort(diag);
		reply_invalid(r, rc, diag);
	}
	natrisk_diag_free(diag);
	return rc != 0 ? 0 : h_plan_get(q, r);
}

int h_plan_export(request *q, reply *r)
{
	natrisk_plan_reader reader;
	char *yaml = NULL;
	size_t len = 0;
	if (!reader_of(q, r, &reader))
		return 0;
	int rc = natrisk_store_plan_export(q->srv->store, q->edition_id,
	                                   &reader, &yaml, &len);
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_take(r, 200, "application/yaml; charset=utf-8", yaml, len);
}

int h_plan_figures(request *q, reply *r)
{
	natrisk_plan_reader reader;
	char *json = NULL;
	if (!reader_of(q, r, &reader))
		return 0;
	int rc = natrisk_store_plan_figures(q->srv->store, q->edition_id,
	                                    &reader, &json);
	return reply_stored(r, rc, json);
}

int h_plan_spread(request *q, reply *r)
{
	char *json = NULL;
	int rc = natrisk_store_plan_spread(q->srv->store, q->edition_id,
	                                   q->user.clearance, &json);
	return reply_stored(r, rc, json);
}

int h_plan_list(request *q, reply *r)
{
	natrisk_plan_reader reader;
	char *text = NULL;
	if (!reader_of(q, r, &reader))
		return 0;
	int rc = natrisk_store_plan(q->srv->store, q->edition_id, &reader,
	                            &text);
	if (rc != 0)
		return reply_failure(r, rc);
	json_t *plan = json_loads(text, 0, NULL);
	free(text);
	json_t *list = json_object_get(
		plan, natrisk_plan_kind_name((natrisk_plan_kind)q->plan_kind));
	json_t *out = list ? json_incref(list) : json_array();
	json_decref(plan);
	return reply_json(r, 200, out);
}

int h_plan_item_get(request *q, reply *r)
{
	natrisk_plan_reader reader;
	char *json = NULL;
	if (!reader_of(q, r, &reader))
		return 0;
	int rc = natrisk_store_plan_item(q->srv->store, q->edition_id,
	                                 (natrisk_plan_kind)q->plan_kind,
	                                 q->item, &reader, &json);
	return reply_stored(r, rc, json);
}

/* Checks that the body is a JSON object (400 otherwise). */
static bool body_is_object(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	json_decref(body);
	return body != NULL;
}

/* The answer to a write: 422 with the loader's messages, or the item
 * with STATUS. */
static int after_write(request *q, reply *r, int rc, natrisk_diag *diag,
                       unsigned status)
{
	if (rc != 0)
		reply_invalid(r, rc, diag);
	natrisk_diag_free(diag);
	if (rc != 0)
		return 0;
	h_plan_item_get(q, r);
	if (r->status == 200)
		r->status = status;
	return 0;
}

static int put_item(request *q, reply *r, bool create)
{
	if (!body_is_object(q, r))
		return 0;
	natrisk_diag *diag = natrisk_diag_new();
	char *made = NULL;
	int rc = natrisk_store_plan_item_put(
		q->srv->store, q->edition_id, (natrisk_plan_kind)q->plan_kind,
		create ? NULL : q->item, q->body, q->body_len, q->user.name,
		q->user.clearance, diag, &made);
	if (made)
		snprintf(q->item, sizeof q->item, "%s", made);
	free(made);
	return after_write(q, r, rc, diag, create ? 201 : 200);
}

int h_plan_item_add(request *q, reply *r)
{
	return put_item(q, r, true);
}

int h_plan_item_put(request *q, reply *r)
{
	return put_item(q, r, false);
}

int h_plan_item_delete(request *q, reply *r)
{
	int rc = natrisk_store_plan_item_delete(q->srv->store, q->edition_id,
	                                        (natrisk_plan_kind)q->plan_kind,
	                                        q->item, q->user.name);
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_json(r, 200, json_pack("{s:b}", "deleted", 1));
}

int h_plan_experts(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	size_t count;
	const char **names = body ? body_names(body, "analysts", 1000, &count)
	                          : NULL;
	if (body && !names)
		reply_error(r, 400, "expected {\"analysts\": [names]}");
	if (names) {
		int rc = natrisk_store_plan_experts(q->srv->store, q->edition_id,
		                                    q->item, names, count,
		                                    q->user.name);
		if (rc != 0)
			reply_failure(r, rc);
		else
			h_plan_item_get(q, r);
	}
	free(names);
	json_decref(body);
	return 0;
}

int h_plan_levels_get(request *q, reply *r)
{
	bool own = q->user.role == NATRISK_ROLE_ANALYST;
	char *json = NULL;
	int rc = natrisk_store_plan_levels(q->srv->store, q->edition_id,
	                                   q->item, own ? q->user.name : NULL,
	                                   &json);
	return reply_stored(r, rc, json);
}

static int put_levels(request *q, reply *r, bool agreed)
{
	if (!body_is_object(q, r))
		return 0;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_store_plan_levels_put(q->srv->store, q->edition_id,
	                                       q->item, agreed, q->body,
	                                       q->body_len, q->user.name,
	                                       q->user.clearance, diag);
	if (rc != 0 || agreed)
		return after_write(q, r, rc, diag, 200);
	natrisk_diag_free(diag);
	return h_plan_levels_get(q, r);
}

int h_plan_levels_put(request *q, reply *r)
{
	return put_levels(q, r, false);
}

int h_plan_agreed_put(request *q, reply *r)
{
	return put_levels(q, r, true);
}

int h_plan_decision(request *q, reply *r)
{
	if (!body_is_object(q, r))
		return 0;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_store_plan_decision(q->srv->store, q->edition_id,
	                                     q->item, q->body, q->body_len,
	                                     q->user.name, q->user.clearance,
	                                     diag);
	return after_write(q, r, rc, diag, 200);
}
