/*
 * authz.c - see authz.h. The order of the checks is itself policy: a
 * missing session comes first (401), then the object's existence as the
 * user may know it (404), then the role (403). A user without the role
 * learns nothing of objects they could not see anyway.
 */
#include "authz.h"

#include <string.h>

bool authz_may_see(natrisk_classification clearance,
                   natrisk_classification classification)
{
	return classification <= clearance;
}

static int forbid(reply *r)
{
	reply_error(r, 403, "your role does not allow this");
	return -1;
}

bool authz_has_reminders(natrisk_role role)
{
	return role == NATRISK_ROLE_OWNER || role == NATRISK_ROLE_CHAIR ||
	       role == NATRISK_ROLE_ADMIN;
}

static bool is_chair(const request *q)
{
	return q->user.role == NATRISK_ROLE_CHAIR ||
	       q->user.role == NATRISK_ROLE_ADMIN;
}

/* An admin, or one of the edition's own chairs: 0, or -1 after the
 * refusal. Any other chair may read the edition, not manage it. */
static int edition_chair(request *q, reply *r)
{
	if (q->user.role == NATRISK_ROLE_ADMIN)
		return 0;
	bool chairs = false;
	int rc = q->user.role == NATRISK_ROLE_CHAIR
	                 ? natrisk_store_is_chair(q->srv->store, q->edition_id,
	                                          q->user.name, &chairs)
	                 : 0;
	if (rc != 0) {
		reply_failure(r, rc);
		return -1;
	}
	if (chairs)
		return 0;
	if (q->user.role != NATRISK_ROLE_CHAIR)
		return forbid(r);
	reply_error(r, 403, "only the edition's own chairs (or an admin) may "
	            "do this");
	return -1;
}

int request_edition(request *q, const natrisk_edition_info **out)
{
	*out = &q->edition;
	if (q->edition_known)
		return 0;
	natrisk_edition_info_clear(&q->edition);
	return natrisk_store_edition(q->srv->store, q->edition_id, &q->edition);
}

void request_clear(request *q)
{
	natrisk_organisations_free(q->organisations, q->organisation_count);
	q->organisations = NULL;
	q->organisation_count = 0;
	q->organisations_known = false;
	natrisk_user_clear(&q->user);
	natrisk_edition_info_clear(&q->edition);
}

bool authz_does_the_work(natrisk_role role)
{
	return role == NATRISK_ROLE_ANALYST || role == NATRISK_ROLE_CHAIR ||
	       role == NATRISK_ROLE_ADMIN;
}

bool authz_may_read_edition(const natrisk_user *user,
                            const natrisk_edition_info *edition)
{
	return authz_does_the_work(user->role) ||
	       edition->status == NATRISK_STATUS_PUBLISHED;
}

/* Keeps what it read in Q for a reading request, so that its handler
 * need not read it again; a writing handler changes the edition and reads
 * it afresh. A viewer, owner or reporter reads published editions only:
 * work in progress is for those who do the work. */
static int edition_exists(request *q, reply *r)
{
	natrisk_edition_info_clear(&q->edition);
	if (q->edition_id > 0 &&
	    natrisk_store_edition(q->srv->store, q->edition_id,
	                          &q->edition) == 0 &&
	    authz_may_read_edition(&q->user, &q->edition)) {
		q->edition_known = strcmp(q->method, "GET") == 0 ||
		                   strcmp(q->method, "HEAD") == 0;
		return 0;
	}
	reply_error(r, 404, "no such edition");
	return -1;
}

/* The scenario as the user may know it: 404 when it does not exist or is
 * above their clearance, with the same message either way. */
static int scenario_visible(request *q, reply *r, bool *assigned)
{
	natrisk_classification classification;
	int rc = natrisk_store_scenario_access(q->srv->store, q->edition_id,
	                                       q->scenario, q->user.name,
	                                       &classification, assigned);
	if (rc == 0 && authz_may_see(q->user.clearance, classification))
		return 0;
	if (rc != 0 && rc != NATRISK_ENOTFOUND) {
		reply_failure(r, rc);
		return -1;
	}
	reply_error(r, 404, "no such scenario");
	return -1;
}

/* The plan item of the path as the user may know it: 404 when it does
 * not exist or touches a scenario above their clearance, the same
 * either way. */
static int plan_item_visible(request *q, reply *r, bool *expert)
{
	int rc = natrisk_store_plan_access(q->srv->store, q->edition_id,
	                                   (natrisk_plan_kind)q->plan_kind,
	                                   q->item, q->user.name,
	                                   q->user.clearance, expert);
	if (rc == 0)
		return 0;
	if (rc != NATRISK_ENOTFOUND) {
		reply_failure(r, rc);
		return -1;
	}
	reply_error(r, 404, "no such plan item");
	return -1;
}

int authz_plan_reader(request *q, natrisk_plan_reader *out)
{
	const natrisk_edition_info *edition;
	int rc = request_edition(q, &edition);
	bool chairs = q->user.role == NATRISK_ROLE_ADMIN;
	if (rc == 0 && q->user.role == NATRISK_ROLE_CHAIR)
		rc = natrisk_store_is_chair(q->srv->store, q->edition_id,
		                            q->user.name, &chairs);
	bool settled = rc == 0 &&
	               (edition->status == NATRISK_STATUS_CONSOLIDATION ||
	                edition->status == NATRISK_STATUS_PUBLISHED);
	out->clearance = q->user.clearance;
	out->levels_of = chairs || settled ? NULL : q->user.name;
	return rc;
}

/* The plan's checks: the item is visible, then the role. */
static int plan_check(request *q, access_need needed, reply *r)
{
	bool expert = false;
	if (edition_exists(q, r) || plan_item_visible(q, r, &expert))
		return -1;
	if (needed == ACCESS_READ_PLAN_ITEM)
		return 0;
	if (needed == ACCESS_MANAGE_PLAN_ITEM)
		return edition_chair(q, r);
	if (needed == ACCESS_READ_PLAN_LEVELS)
		return is_chair(q) || q->user.role == NATRISK_ROLE_ANALYST
		               ? 0
		               : forbid(r);
	if (q->user.role != NATRISK_ROLE_ANALYST)
		return forbid(r);
	if (!expert) {
		reply_error(r, 403, "you are not one of this capability's "
		            "experts");
		return -1;
	}
	return 0;
}

void authz_signal_reader(const request *q, natrisk_signal_reader *out)
{
	bool reporter = q->user.role == NATRISK_ROLE_REPORTER;
	out->name = q->user.name;
	out->clearance = q->user.clearance;
	out->own_only = reporter;
	out->published_only = reporter;
}

/* The signals' checks: the role may reach signals at all (viewers and
 * owners never do, whatever the signal: a 403 that tells nothing),
 * then the signal exists for the user, then the role for the act. */
static int signal_check(request *q, access_need needed, reply *r)
{
	bool reporter = q->user.role == NATRISK_ROLE_REPORTER;
	if (!reporter && !authz_does_the_work(q->user.role))
		return forbid(r);
	if (needed == ACCESS_SIGNALS)
		return 0;
	if (needed == ACCESS_SUBMIT_SIGNAL)
		return reporter ? 0 : forbid(r);
	natrisk_signal_reader who;
	authz_signal_reader(q, &who);
	int rc = natrisk_store_signal(q->srv->store, &who, q->signal, NULL);
	if (rc != 0) {
		if (rc != NATRISK_ENOTFOUND)
			return reply_failure(r, rc), -1;
		reply_error(r, 404, "no such signal");
		return -1;
	}
	if (needed == ACCESS_EDIT_SIGNAL)
		return reporter ? 0 : forbid(r);
	if (needed == ACCESS_TRIAGE_SIGNAL)
		return reporter ? forbid(r) : 0;
	return 0;
}

int request_register_reader(request *q, natrisk_register_reader *out)
{
	/* an owner without organisations owns nothing: an empty list, not
	 * NULL, which would be everything */
	static const char *const none[] = { NULL };
	out->clearance = q->user.clearance;
	out->organisations = NULL;
	out->organisation_count = 0;
	if (q->user.role != NATRISK_ROLE_OWNER)
		return 0;
	int rc = 0;
	if (!q->organisations_known)
		rc = natrisk_store_user_organisations(
			q->srv->store, q->user.id, &q->organisations,
			&q->organisation_count);
	q->organisations_known = rc == 0;
	out->organisations = q->organisations
	                             ? (const char *const *)q->organisations
	                             : none;
	out->organisation_count = q->organisation_count;
	return rc;
}

/* The register's checks: the edition, then for one action that it is
 * visible, then the role: the edition's chairs and admins, or an owner
 * whose organisation owns the action (for the whole register: any
 * owner, who reads their own organisations' part). */
static int register_check(request *q, access_need needed, reply *r)
{
	if (edition_exists(q, r))
		return -1;
	natrisk_register_reader reader;
	bool owns = false;
	int rc = request_register_reader(q, &reader);
	if (rc == 0 && needed != ACCESS_READ_REGISTER)
		rc = natrisk_store_action_access(q->srv->store, q->edition_id,
		                                 q->item, q->action, &reader,
		                                 &owns);
	if (rc == NATRISK_ENOTFOUND) {
		reply_error(r, 404, "no such action");
		return -1;
	}
	if (rc != 0) {
		reply_failure(r, rc);
		return -1;
	}
	if (q->user.role != NATRISK_ROLE_OWNER)
		return edition_chair(q, r);
	if (needed == ACCESS_READ_REGISTER || owns)
		return 0;
	reply_error(r, 403, "your organisation does not own this action");
	return -1;
}

int authz_check(request *q, access_need needed, reply *r)
{
	bool assigned = false;
	if (needed == ACCESS_ANYONE)
		return 0;
	if (!q->signed_in) {
		reply_error(r, 401, "sign in first");
		return -1;
	}
	switch (needed) {
	case ACCESS_SIGNED_IN:
		return 0;
	case ACCESS_READ_EDITION:
		return edition_exists(q, r);
	case ACCESS_READ_SCENARIO:
		return edition_exists(q, r) ? -1
		                            : scenario_visible(q, r, &assigned);
	case ACCESS_CREATE_EDITION:
		return is_chair(q) ? 0 : forbid(r);
	case ACCESS_MANAGE_EDITION:
	case ACCESS_SEE_SPREAD:
		if (edition_exists(q, r))
			return -1;
		return edition_chair(q, r);
	case ACCESS_MANAGE_SCENARIO:
		if (edition_exists(q, r) || scenario_visible(q, r, &assigned))
			return -1;
		return edition_chair(q, r);
	case ACCESS_READ_SCORES:
		if (edition_exists(q, r) || scenario_visible(q, r, &assigned))
			return -1;
		return is_chair(q) || q->user.role == NATRISK_ROLE_ANALYST
		               ? 0
		               : forbid(r);
	case ACCESS_SCORE:
		if (edition_exists(q, r) || scenario_visible(q, r, &assigned))
			return -1;
		if (q->user.role != NATRISK_ROLE_ANALYST)
			return forbid(r);
		if (!assigned) {
			reply_error(r, 403, "you are not assigned to this "
			            "scenario");
			return -1;
		}
		return 0;
	case ACCESS_MANAGE_USERS:
		return q->user.role == NATRISK_ROLE_ADMIN ? 0 : forbid(r);
	case ACCESS_READ_REGISTER:
	case ACCESS_READ_ACTION:
	case ACCESS_REPORT_ACTION:
		return register_check(q, needed, r);
	case ACCESS_REMINDERS:
		return authz_has_reminders(q->user.role) ? 0 : forbid(r);
	case ACCESS_READ_PLAN_ITEM:
	case ACCESS_MANAGE_PLAN_ITEM:
	case ACCESS_READ_PLAN_LEVELS:
	case ACCESS_PLAN_EXPERT:
		return plan_check(q, needed, r);
	case ACCESS_SIGNALS:
	case ACCESS_SUBMIT_SIGNAL:
	case ACCESS_READ_SIGNAL:
	case ACCESS_EDIT_SIGNAL:
	case ACCESS_TRIAGE_SIGNAL:
		return signal_check(q, needed, r);
	default:
		return forbid(r);
	}
}
