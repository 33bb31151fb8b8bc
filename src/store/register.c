/*
 * register.c - the register of progress, the progress letter and the
 * reminders of an edition (register_store.h), each computed by the
 * engine (progress.h, progress_output.h, progress_letter.h) from the very
 * plan the reader would export, logs included, loaded by the plan
 * loader; the store only chooses what of the engine's answer a reader
 * receives (an owner's actions, the chair's filters).
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/membuf.h>
#include <natrisk/progress_output.h>
#include <natrisk/results.h>

#include "../core/error.h"
#include "db.h"
#include "plan_check.h"
#include "register_rows.h"

typedef struct register_job {
	int64_t edition;
	natrisk_classification clearance;
	const natrisk_register_reader *reader;
	const natrisk_register_query *query;
	const natrisk_date *on, *since;
	int days;
	natrisk_lang lang;
	natrisk_letter_format format;
	natrisk_plan *plan;
	natrisk_progress *progress;
	json_t *result;
	char *text;
	size_t len;
} register_job;

/* The plan of the job's reader, loaded, and its register on ON since
 * SINCE; both freed by job_free(). */
static int load_register(sqlite3 *db, register_job *job,
                         const natrisk_date *on, const natrisk_date *since)
{
	plan_rows rows;
	int rc = plan_rows_read(db, job->edition, job->clearance, &rows);
	if (rc != 0)
		return rc;
	natrisk_plan_reader reader = { job->clearance, NULL };
	json_t *doc = plan_rows_document(db, &rows, &reader, NULL, 0, 0, false);
	plan_rows_free(&rows);
	char *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                           JSON_REAL_PRECISION(17))
	                 : NULL;
	json_decref(doc);
	if (!text)
		return error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_diag *diag = natrisk_diag_new();
	rc = plan_load_text(db, job->edition, job->clearance, text,
	                    strlen(text), diag, &job->plan);
	if (rc == NATRISK_EINVALID && natrisk_diag_error_count(diag) > 0)
		rc = error_set(NATRISK_ERROR, "the stored plan does not load: "
		               "%s", natrisk_diag_get(diag, 0)->message);
	natrisk_diag_free(diag);
	free(text);
	if (rc == 0)
		rc = natrisk_progress_new(&job->progress, job->plan, on, since);
	return rc;
}

static void job_free(register_job *job)
{
	natrisk_progress_free(job->progress);
	natrisk_plan_free(job->plan);
	json_decref(job->result);
}

/* The owners of a row of the register: its measure's and its advice's,
 * each once, as organisation ids (a new array). */
static json_t *row_owners(const natrisk_plan *p, const natrisk_progress_row *row)
{
	json_t *out = json_array();
	const natrisk_measure *m = natrisk_plan_measure(p, row->measure);
	const natrisk_advice *a = natrisk_plan_advice(p, row->advice);
	const size_t *lists[2] = { m->owners, a->owners };
	size_t counts[2] = { m->owner_count, a->owner_count };
	for (int l = 0; l < 2; l++)
		for (size_t k = 0; k < counts[l]; k++) {
			json_t *id = json_string(
				natrisk_plan_organisation(p, lists[l][k])->id);
			size_t i;
			json_t *seen;
			bool twice = false;
			json_array_foreach(out, i, seen)
				twice |= json_equal(seen, id);
			if (twice)
				json_decref(id);
			else
				json_array_append_new(out, id);
		}
	return out;
}

static bool has(const json_t *list, const char *id)
{
	size_t k;
	json_t *item;
	json_array_foreach(list, k, item)
		if (strcmp(json_string_value(item), id) == 0)
			return true;
	return false;
}

/* Whether READER's organisations (all when it names none) include ID. */
static bool reader_has(const natrisk_register_reader *reader, const char *id)
{
	if (!reader->organisations)
		return true;
	for (size_t k = 0; k < reader->organisation_count; k++)
		if (strcmp(reader->organisations[k], id) == 0)
			return true;
	return false;
}

/* Whether READER and Q keep a row whose owners are OWNERS. */
static bool owners_kept(const json_t *owners,
                        const natrisk_register_reader *reader,
                        const char *owner)
{
	bool mine = !reader->organisations;
	size_t k;
	json_t *id;
	json_array_foreach(owners, k, id)
		mine |= reader_has(reader, json_string_value(id));
	return mine && (!owner || has(owners, owner));
}

static bool status_kept(const natrisk_action_state *state, const char *status)
{
	if (!status)
		return true;
	if (strcmp(status, "overdue") == 0)
		return state->overdue;
	return strcmp(status, natrisk_action_status_name(state->status)) == 0;
}

/* The "measure/action" keys of the rows READER and Q keep. */
static json_t *kept_rows(const register_job *job)
{
	json_t *kept = json_object();
	const natrisk_progress *pr = job->progress;
	const natrisk_plan *p = job->plan;
	for (size_t k = 0; k < natrisk_progress_row_count(pr); k++) {
		const natrisk_progress_row *row = natrisk_progress_row_at(pr, k);
		json_t *owners = row_owners(p, row);
		char key[160];
		snprintf(key, sizeof key, "%s/%s/%s",
		         natrisk_plan_advice(p, row->advice)->id,
		         natrisk_plan_measure(p, row->measure)->id,
		         natrisk_plan_measure(p, row->measure)
		                 ->actions[row->action].id);
		if (owners_kept(owners, job->reader, job->query->owner) &&
		    status_kept(&row->state, job->query->status))
			json_object_set_new(kept, key, json_true());
		json_decref(owners);
	}
	return kept;
}

/* Leaves in the register's ADVICE list the actions KEPT names, and the
 * measures and advice that still have one. */
static void filter_advice(json_t *advice, const json_t *kept)
{
	for (size_t a = json_array_size(advice); a-- > 0;) {
		json_t *item = json_array_get(advice, a);
		json_t *measures = json_object_get(item, "measures");
		for (size_t m = json_array_size(measures); m-- > 0;) {
			json_t *measure = json_array_get(measures, m);
			json_t *actions = json_object_get(measure, "actions");
			for (size_t k = json_array_size(actions); k-- > 0;) {
				char key[160];
				snprintf(key, sizeof key, "%s/%s/%s",
				         json_string_value(json_object_get(item, "id")),
				         json_string_value(json_object_get(measure, "id")),
				         json_string_value(json_object_get(
				                 json_array_get(actions, k), "id")));
				if (!json_object_get(kept, key))
					json_array_remove(actions, k);
			}
			if (json_array_size(actions) == 0)
				json_array_remove(measures, m);
		}
		if (json_array_size(measures) == 0)
			json_array_remove(advice, a);
	}
}

/* The changes of the actions KEPT names. */
static void filter_changes(json_t *changed, const json_t *kept)
{
	for (size_t k = json_array_size(changed); k-- > 0;) {
		json_t *c = json_array_get(changed, k);
		char key[160];
		snprintf(key, sizeof key, "%s/%s/%s",
		         json_string_value(json_object_get(c, "advice")),
		         json_string_value(json_object_get(c, "measure")),
		         json_string_value(json_object_get(c, "action")));
		if (!json_object_get(kept, key))
			json_array_remove(changed, k);
	}
}

static void filter_register(const register_job *job, json_t *doc)
{
	const natrisk_register_query *q = job->query;
	if (!job->reader->organisations && !q->owner && !q->status)
		return; /* the engine's register as it is */
	json_t *kept = kept_rows(job);
	filter_advice(json_object_get(doc, "advice"), kept);
	filter_changes(json_object_get(doc, "changed"), kept);
	json_decref(kept);
	json_t *owners = json_object_get(doc, "owners");
	const char *id;
	json_t *counts;
	void *tmp;
	json_object_foreach_safe(owners, tmp, id, counts)
		if (!reader_has(job->reader, id) ||
		    (q->owner && strcmp(q->owner, id) != 0))
			json_object_del(owners, id);
}

static int register_work(sqlite3 *db, void *ctx)
{
	register_job *job = ctx;
	const natrisk_register_query *q = job->query;
	natrisk_date since = q->since ? *q->since
	                              : natrisk_date_add_years(q->on, -1);
	int rc = load_register(db, job, &q->on, &since);
	char *text = rc == 0 ? natrisk_progress_json(job->progress,
	                                             q->since != NULL)
	                     : NULL;
	if (rc == 0 && text)
		job->result = json_loads(text, 0, NULL);
	free(text);
	if (rc == 0 && !job->result)
		return error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0)
		filter_register(job, job->result);
	return rc;
}

/* The JSON text of JOB's result into *JSON, after RC. */
static int give_result(register_job *job, int rc, char **json)
{
	*json = rc == 0 ? json_dumps(job->result, JSON_COMPACT |
	                                                  JSON_PRESERVE_ORDER)
	                : NULL;
	job_free(job);
	if (rc == 0 && !*json)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	return rc;
}

int natrisk_store_register(natrisk_store *s, int64_t edition,
                           const natrisk_register_reader *reader,
                           const natrisk_register_query *q, char **json)
{
	static const char *const statuses[] = { "planned", "on-track", "late",
		                                "done", "dropped", "overdue" };
	bool known = !q->status;
	for (size_t k = 0; !known && k < 6; k++)
		known = strcmp(q->status, statuses[k]) == 0;
	if (!known)
		return error_set(NATRISK_EINVALID, "unknown status '%s' (planned, "
		                 "on-track, late, done, dropped, overdue)",
		                 q->status);
	if (q->since && natrisk_date_compare(q->since, &q->on) > 0)
		return error_set(NATRISK_EINVALID, "since comes after on");
	register_job job = { .edition = edition,
		             .clearance = reader->clearance, .reader = reader,
		             .query = q };
	return give_result(&job, db_read(s, register_work, &job), json);
}

static int letter_work(sqlite3 *db, void *ctx)
{
	register_job *job = ctx;
	int rc = load_register(db, job, job->on, job->since);
	const natrisk_assessment *as =
		rc == 0 ? natrisk_plan_assessment(job->plan) : NULL;
	natrisk_results *r = NULL;
	if (rc == 0)
		rc = natrisk_results_new(
			&r, as,
			natrisk_method_default_profile(natrisk_assessment_method(as)));
	natrisk_membuf buffer = { 0 };
	FILE *out = rc == 0 ? natrisk_membuf_open(&buffer) : NULL;
	if (rc == 0 && !out)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0)
		rc = natrisk_progress_letter_write(job->progress, r, job->format,
		                                   job->lang, out);
	if (out && natrisk_membuf_close(&buffer, out) != 0 && rc == 0)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_results_free(r);
	if (rc != 0)
		free(buffer.data);
	job->text = rc == 0 ? buffer.data : NULL;
	job->len = rc == 0 ? buffer.len : 0;
	return rc;
}

int natrisk_store_register_letter(natrisk_store *s, int64_t edition,
                                  natrisk_classification clearance,
                                  const natrisk_date *on,
                                  const natrisk_date *since,
                                  natrisk_lang lang,
                                  natrisk_letter_format format, char **out,
                                  size_t *len)
{
	if (natrisk_date_compare(since, on) > 0)
		return error_set(NATRISK_EINVALID, "since comes after on");
	register_job job = { .edition = edition, .clearance = clearance,
		             .on = on, .since = since, .lang = lang,
		             .format = format };
	int rc = db_read(s, letter_work, &job);
	job_free(&job);
	*out = job.text;
	*len = job.len;
	return rc;
}

/* The reminder of ROW: what an owner reads in a mail. */
static json_t *reminder(const natrisk_plan *p, const natrisk_progress_row *row)
{
	const natrisk_measure *m = natrisk_plan_measure(p, row->measure);
	const natrisk_action *a = &m->actions[row->action];
	char due[11], deadline[11], since[11];
	const natrisk_log_entry *e = row->state.entry;
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:o}", "advice",
	                 natrisk_plan_advice(p, row->advice)->id, "measure",
	                 m->id, "action", a->id, "what", a->what, "due",
	                 natrisk_due_format(&a->due, due), "deadline",
	                 natrisk_date_format(&row->state.deadline, deadline),
	                 "status", natrisk_action_status_name(row->state.status),
	                 "since", e ? json_string(natrisk_date_format(&e->date,
	                                                              since))
	                            : json_null());
}

/* Puts ROW under each of its owners the reader may follow, in LIST
 * ("overdue" or "due"), once per (measure, action). */
static void remind(const register_job *job, json_t *owners,
                   const natrisk_progress_row *row, const char *list)
{
	const natrisk_plan *p = job->plan;
	const natrisk_measure *m = natrisk_plan_measure(p, row->measure);
	char key[140];
	snprintf(key, sizeof key, "%s/%s", m->id, m->actions[row->action].id);
	json_t *ids = row_owners(p, row);
	size_t k;
	json_t *id;
	json_array_foreach(ids, k, id) {
		const char *org = json_string_value(id);
		if (!reader_has(job->reader, org))
			continue;
		json_t *lists = json_object_get(owners, org);
		if (!lists)
			json_object_set_new(owners, org, lists = json_pack(
				"{s:[],s:[],s:{}}", "overdue", "due", "seen"));
		json_t *seen = json_object_get(lists, "seen");
		if (json_object_get(seen, key))
			continue;
		json_object_set_new(seen, key, json_true());
		json_array_append_new(json_object_get(lists, list),
		                      reminder(p, row));
	}
	json_decref(ids);
}

static int reminders_work(sqlite3 *db, void *ctx)
{
	register_job *job = ctx;
	int rc = load_register(db, job, job->on, job->on);
	if (rc != 0)
		return rc;
	natrisk_date until = natrisk_date_add_days(*job->on, job->days);
	json_t *owners = json_object();
	const natrisk_progress *pr = job->progress;
	for (size_t k = 0; k < natrisk_progress_row_count(pr); k++) {
		const natrisk_progress_row *row = natrisk_progress_row_at(pr, k);
		const natrisk_action_state *st = &row->state;
		bool open = st->status != NATRISK_ACTION_DONE &&
		            st->status != NATRISK_ACTION_DROPPED;
		if (st->overdue)
			remind(job, owners, row, "overdue");
		else if (open &&
		         natrisk_date_compare(&st->deadline, job->on) >= 0 &&
		         natrisk_date_compare(&st->deadline, &until) <= 0)
			remind(job, owners, row, "due");
	}
	const char *org;
	json_t *lists;
	json_object_foreach(owners, org, lists)
		json_object_del(lists, "seen");
	job->result = json_pack("{s:o}", "owners", owners);
	return job->result ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

int natrisk_store_reminders(natrisk_store *s, int64_t edition,
                            const natrisk_register_reader *reader,
                            const natrisk_date *today, int days, char **json)
{
	register_job job = { .edition = edition,
		             .clearance = reader->clearance, .reader = reader,
		             .on = today, .days = days };
	return give_result(&job, db_read(s, reminders_work, &job), json);
}
