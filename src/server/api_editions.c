/*
 * api_editions.c - editions: the list, a new edition from an uploaded
 * assessment file, one edition with the scenarios its reader may see, its
 * status, and its export as an assessment file.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/scoring.h>

#include "authz.h"
#include "handlers.h"
#include "views.h"

static json_t *info_json(const natrisk_edition_info *e)
{
	return json_pack("{s:I,s:s,s:s,s:s,s:s}", "id", (json_int_t)e->id,
	                 "title", e->title, "edition", e->edition, "method",
	                 e->method, "status", natrisk_status_name(e->status));
}

int h_editions_list(request *q, reply *r)
{
	natrisk_edition_info *list;
	size_t count;
	int rc = natrisk_store_editions(q->srv->store, &list, &count);
	if (rc != 0)
		return reply_failure(r, rc);
	json_t *out = json_array();
	for (size_t k = 0; k < count; k++)
		if (authz_may_read_edition(&q->user, &list[k]))
			json_array_append_new(out, info_json(&list[k]));
	natrisk_edition_list_free(list, count);
	return reply_json(r, 200, out);
}

int h_edition_create(request *q, reply *r)
{
	static const char *const yaml[] = { "application/yaml",
		                            "application/x-yaml", "text/yaml",
		                            NULL };
	if (!request_type_is(q, yaml))
		return reply_error(r, 415, "send the assessment file with "
		                   "Content-Type: application/yaml");
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	static const natrisk_load_options options = { true };
	int rc = natrisk_assessment_load_options(&a, "upload.yaml", q->body,
	                                         q->body_len, &options, diag);
	int64_t id = 0;
	/* the chair who uploads an edition chairs it; an admin needs not */
	const char *const uploader[] = { q->user.name };
	size_t chairs = q->user.role == NATRISK_ROLE_CHAIR ? 1 : 0;
	if (rc == 0)
		rc = natrisk_store_import(q->srv->store, a, q->user.name,
		                          uploader, chairs, &id);
	natrisk_assessment_free(a);
	if (rc != 0) {
		natrisk_diag_sort(diag);
		reply_invalid(r, rc, diag);
	} else {
		reply_json(r, 201, json_pack("{s:I}", "id", (json_int_t)id));
	}
	natrisk_diag_free(diag);
	return 0;
}

/* Stored JSON text (taken) as a JSON value, into KEY of OBJECT. */
static int set_stored(json_t *object, const char *key, char *text)
{
	json_t *value = json_loads(text, 0, NULL);
	free(text);
	return value ? json_object_set_new(object, key, value) : -1;
}

int h_edition_get(request *q, reply *r)
{
	const natrisk_edition_info *info;
	char *scenarios = NULL, *themes = NULL, *chairs = NULL;
	int rc = request_edition(q, &info);
	if (rc == 0)
		rc = natrisk_store_themes(q->srv->store, q->edition_id,
		                          q->user.clearance, &themes);
	if (rc == 0)
		rc = natrisk_store_chairs(q->srv->store, q->edition_id, &chairs);
	if (rc == 0)
		rc = natrisk_store_scenarios(q->srv->store, q->edition_id,
		                             q->user.clearance, &scenarios);
	if (rc != 0) {
		free(themes);
		free(chairs);
		return reply_failure(r, rc);
	}
	json_t *out = info_json(info);
	/* the version moves only with what this reader may see */
	json_object_set_new(out, "version", json_integer(
		natrisk_edition_version_for(info, q->user.clearance)));
	json_object_set_new(out, "previous", info->previous
	                                             ? json_integer(info->previous)
	                                             : json_null());
	/* all, always: each frees its text */
	int failed = set_stored(out, "chairs", chairs);
	failed |= set_stored(out, "themes", themes);
	failed |= set_stored(out, "scenarios", scenarios);
	if (failed) {
		json_decref(out);
		return reply_failure(r, NATRISK_ENOMEM);
	}
	return reply_json(r, 200, out);
}

int h_edition_status(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	const char *text = json_string_value(json_object_get(body, "status"));
	natrisk_status status;
	if (!text || json_object_size(body) != 1 ||
	    natrisk_status_parse(text, &status) != 0) {
		json_decref(body);
		return reply_error(r, 400, "expected {\"status\": \"draft\", "
		                   "\"scoring\", \"consolidation\" or "
		                   "\"published\"}");
	}
	json_decref(body);
	int rc = natrisk_store_set_status(q->srv->store, q->edition_id, status,
	                                  q->user.name, q->user.clearance);
	if (rc != 0)
		return reply_failure(r, rc);
	return h_edition_get(q, r);
}

int h_edition_chairs(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	size_t count;
	const char **names = body_names(body, "chairs", 64, &count);
	if (!names)
		reply_error(r, 400, "expected {\"chairs\": [user names]} (at "
		            "most 64)");
	int rc = names ? natrisk_store_set_chairs(q->srv->store, q->edition_id,
	                                          names, count, q->user.name)
	               : 0;
	free(names);
	json_decref(body);
	if (!names)
		return 0;
	if (rc != 0)
		return reply_failure(r, rc);
	return h_edition_get(q, r);
}

int h_edition_previous(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	json_t *previous = json_object_get(body, "previous");
	bool valid = json_object_size(body) == 1 &&
	             (json_is_null(previous) ||
	              (json_is_integer(previous) &&
	               json_integer_value(previous) > 0));
	int64_t id = valid && previous ? json_integer_value(previous) : 0;
	json_decref(body);
	if (!valid)
		return reply_error(r, 400, "expected {\"previous\": the id of "
		                   "the edition this one follows, or null}");
	int rc = natrisk_store_set_previous(q->srv->store, q->edition_id, id,
	                                   q->user.name);
	if (rc == NATRISK_ENOTFOUND)
		return reply_error(r, 422, "there is no edition %lld",
		                   (long long)id);
	if (rc != 0)
		return reply_failure(r, rc);
	return h_edition_get(q, r);
}

int h_edition_export(request *q, reply *r)
{
	char *yaml;
	size_t len, shown;
	int rc = natrisk_store_export(q->srv->store, q->edition_id,
	                              q->user.clearance, &yaml, &len, &shown);
	if (rc != 0)
		return reply_failure(r, rc);
	if (shown == 0) {
		free(yaml);
		return reply_error(r, 404, "the edition has no scenario you may "
		                   "see");
	}
	return reply_take(r, 200, "application/yaml; charset=utf-8", yaml, len);
}

int h_results(request *q, reply *r)
{
	return view_reply(q, r, VIEW_RESULTS);
}

int h_diagram(request *q, reply *r)
{
	return view_reply(q, r, VIEW_DIAGRAM);
}

int h_report(request *q, reply *r)
{
	return view_reply(q, r, VIEW_REPORT);
}
