/*
 * api_users.c - the admin's users: list, add, disable and enable, a new
 * password; the enabled analysts and chairs a chair chooses from; and a
 * user's own password. Sessions are read from the store
 * on every request, so that a disabled user, or one whose password was
 * set anew, is out at once.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/register_store.h>

#include "handlers.h"
#include "sessions.h"

static json_t *user_json(const natrisk_user *u)
{
	return json_pack("{s:s,s:s,s:s,s:b}", "name", u->name, "role",
	                 natrisk_role_name(u->role), "clearance",
	                 natrisk_classification_name(u->clearance), "disabled",
	                 u->disabled);
}

/* U's name and clearance when U is an enabled user of ROLE, else NULL. */
static json_t *member_json(const natrisk_user *u, natrisk_role role)
{
	if (u->role != role || u->disabled)
		return NULL;
	return json_pack("{s:s,s:s}", "name", u->name, "clearance",
	                 natrisk_classification_name(u->clearance));
}

static json_t *analyst_json(request *q, const natrisk_user *u)
{
	return member_json(u, NATRISK_ROLE_ANALYST);
}

static json_t *chair_json(request *q, const natrisk_user *u)
{
	return member_json(u, NATRISK_ROLE_CHAIR);
}

/* U as the admin sees it: with the organisations they belong to. */
static json_t *user_full_json(request *q, const natrisk_user *u)
{
	json_t *out = user_json(u);
	char **names = NULL;
	size_t count = 0;
	json_t *list = json_array();
	if (natrisk_store_user_organisations(q->srv->store, u->id, &names,
	                                     &count) == 0)
		for (size_t k = 0; k < count; k++)
			json_array_append_new(list, json_string(names[k]));
	natrisk_organisations_free(names, count);
	json_object_set_new(out, "organisations", list);
	return out;
}

/* The users as a JSON array, each as ROW makes it (NULL leaves it out). */
static int users_reply(request *q, reply *r,
                       json_t *(*row)(request *q, const natrisk_user *u))
{
	natrisk_user *users;
	size_t count;
	int rc = natrisk_store_user_list(q->srv->store, &users, &count);
	if (rc != 0)
		return reply_failure(r, rc);
	json_t *out = json_array();
	for (size_t k = 0; k < count; k++) {
		json_t *item = row(q, &users[k]);
		if (item)
			json_array_append_new(out, item);
	}
	natrisk_user_list_free(users, count);
	return reply_json(r, 200, out);
}

int h_users_list(request *q, reply *r)
{
	return users_reply(q, r, user_full_json);
}

int h_analysts_list(request *q, reply *r)
{
	return users_reply(q, r, analyst_json);
}

int h_chairs_list(request *q, reply *r)
{
	return users_reply(q, r, chair_json);
}

/* User NAME as JSON with STATUS, after a change that returned RC. */
static int user_reply(request *q, reply *r, int rc, const char *name,
                      int status)
{
	natrisk_user user = { 0 };
	if (rc == 0)
		rc = natrisk_store_user_get(q->srv->store, name, &user);
	if (rc != 0)
		return reply_failure(r, rc);
	json_t *json = user_full_json(q, &user);
	natrisk_user_clear(&user);
	return reply_json(r, status, json);
}

int h_user_create(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	const char *name = json_string_value(json_object_get(body, "name"));
	const char *role_text = json_string_value(json_object_get(body, "role"));
	const char *clearance_text =
		json_string_value(json_object_get(body, "clearance"));
	const char *password =
		json_string_value(json_object_get(body, "password"));
	natrisk_role role;
	natrisk_classification clearance = NATRISK_PUBLIC;
	json_t *organisations = json_object_get(body, "organisations");
	size_t expected = 3 + (json_object_get(body, "clearance") != NULL) +
	                  (organisations != NULL);
	size_t org_count = 0;
	json_t *only_orgs = organisations ? json_pack("{s:O}", "organisations",
	                                              organisations)
	                                  : NULL;
	const char **orgs = only_orgs ? body_names(only_orgs, "organisations",
	                                           NATRISK_ORGANISATIONS_MAX,
	                                           &org_count)
	                              : NULL;
	if (!name || !role_text || !password ||
	    json_object_size(body) != expected || (organisations && !orgs) ||
	    natrisk_role_parse(role_text, &role) != 0 ||
	    (json_object_get(body, "clearance") &&
	     (!clearance_text ||
	      natrisk_classification_parse(clearance_text, &clearance) != 0))) {
		free(orgs);
		json_decref(only_orgs);
		json_decref(body);
		return reply_error(r, 400, "expected {\"name\", \"role\": admin|"
		                   "chair|analyst|viewer|owner|reporter, "
		                   "\"clearance\": public|restricted|"
		                   "confidential, \"password\", "
		                   "\"organisations\": [ids]}");
	}
	/* a bad organisation adds no user */
	int rc = orgs ? natrisk_organisations_check(orgs, org_count) : 0;
	if (rc == 0)
		rc = natrisk_store_user_add(q->srv->store, name, role,
		                            clearance, password, q->user.name);
	if (rc == 0 && orgs)
		rc = natrisk_store_user_set_organisations(
			q->srv->store, name, orgs, org_count, q->user.name);
	rc = user_reply(q, r, rc, name, 201);
	free(orgs);
	json_decref(only_orgs);
	json_decref(body);
	return rc;
}

int h_user_set_disabled(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	json_t *disabled = json_object_get(body, "disabled");
	bool valid = json_object_size(body) == 1 && json_is_boolean(disabled);
	bool disable = json_is_true(disabled);
	json_decref(body);
	if (!valid)
		return reply_error(r, 400, "expected {\"disabled\": true} or "
		                   "{\"disabled\": false}");
	int rc = disable ? natrisk_store_user_disable(q->srv->store, q->name,
	                                              q->user.name)
	                 : natrisk_store_user_enable(q->srv->store, q->name,
	                                             q->user.name);
	return user_reply(q, r, rc, q->name, 200);
}

/* The strings of BODY's KEYS, which are all it holds; false otherwise. */
static bool only_strings(json_t *body, const char *const *keys,
                         const char **values, size_t count)
{
	if (json_object_size(body) != count)
		return false;
	for (size_t k = 0; k < count; k++)
		if (!(values[k] = json_string_value(json_object_get(body,
		                                                    keys[k]))))
			return false;
	return true;
}

int h_user_password(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	static const char *const keys[] = { "password" };
	const char *password;
	int rc = 0;
	if (!only_strings(body, keys, &password, 1))
		reply_error(r, 400, "expected {\"password\": ...}");
	else
		rc = user_reply(q, r, natrisk_store_user_password(
			q->srv->store, q->name, password, NULL, q->user.name),
			q->name, 200);
	json_decref(body);
	return rc;
}

int h_own_password(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	static const char *const keys[] = { "current", "password" };
	const char *values[2];
	int rc;
	if (!only_strings(body, keys, values, 2)) {
		reply_error(r, 400, "expected {\"current\": ..., \"password\": "
		            "...}");
	} else if (sessions_check_password(q, r, values[0]) == 0) {
		/* the other sessions end; this one goes on */
		rc = natrisk_store_user_password(q->srv->store, q->user.name,
		                                 values[1], q->token,
		                                 q->user.name);
		if (rc != 0)
			reply_failure(r, rc);
		else
			reply_json(r, 200, json_pack("{s:b}", "changed", 1));
	}
	json_decref(body);
	return 0;
}

int h_user_organisations(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	size_t count;
	const char **names = body ? body_names(body, "organisations",
	                                       NATRISK_ORGANISATIONS_MAX, &count)
	                          : NULL;
	if (body && !names)
		reply_error(r, 400, "expected {\"organisations\": [ids]}");
	if (names)
		user_reply(q, r, natrisk_store_user_set_organisations(
			q->srv->store, q->name, names, count, q->user.name),
			q->name, 200);
	free(names);
	json_decref(body);
	return 0;
}
