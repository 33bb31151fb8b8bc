/*
 * scenarios.c - adding and editing an edition's scenarios (scoring.h).
 * Both go through the assessment loader (validate_text), so that a
 * scenario the store accepts is one a file could hold.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "db.h"
#include "edition_rows.h"

typedef struct scenario_job {
	int64_t edition;
	const char *key;          /* the scenario edited, or NULL */
	const char *json;
	size_t len;
	const char *actor;
	natrisk_classification clearance;
	natrisk_diag *diag;
	char *made_id;            /* a new scenario's id (malloc'd) */
} scenario_job;


static int next_position(sqlite3 *db, int64_t edition, int64_t *position)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT COALESCE(MAX(position) "
	                                    "+ 1, 0) FROM scenarios WHERE "
	                                    "assessment_id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	int step = sqlite3_step(stmt);
	*position = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return step == SQLITE_ROW ? 0 : db_error(db, "position");
}

static char *dump(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
}

/* The letter without its accent of a Latin-1 letter written as the two
 * UTF-8 bytes at P (U+00C0..U+00FF), or 0: "Epidemieën" stays readable
 * as an id. */
static char plain_letter(const unsigned char *p)
{
	static const char letters[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
	                              "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
	if ((p[0] != 0xC3) || (p[1] & 0xC0) != 0x80)
		return 0;
	char c = letters[(p[1] & 0x3F)];
	return c == '-' ? 0 : c;
}

void id_stem(const char *title, const char *fallback, char *out,
             size_t size)
{
	size_t len = 0;
	for (const char *p = title ? title : ""; *p && len + 1 < size; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		char plain = plain_letter((const unsigned char *)p);
		if (plain) {
			c = plain;
			p++;
		}
		bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (keep)
			out[len++] = c;
		else if (len && out[len - 1] != '-')
			out[len++] = '-';
		if (len >= STEM_MAX)
			break;
	}
	out[len] = '\0';
	char *cut = len >= STEM_MAX ? strrchr(out, '-') : NULL;
	if (cut && cut > out)
		*cut = '\0';
	size_t end = strlen(out);
	while (end && out[end - 1] == '-')
		out[--end] = '\0';
	if (!out[0])
		snprintf(out, size, "%s", fallback);
}

void make_id(const char *stem, char *out, size_t size)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	char tail[RANDOM_CHARS + 1];
	for (int k = 0; k < RANDOM_CHARS; k++)
		tail[k] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	tail[RANDOM_CHARS] = '\0';
	snprintf(out, size, "%s-%s", stem, tail);
}

/* An id no scenario of EDITION holds, seen or hidden. */
static int free_id(sqlite3 *db, int64_t edition, const char *title,
                   char *out, size_t size)
{
	char stem[STEM_MAX + 1];
	id_stem(title, "scenario", stem, sizeof stem);
	for (int tries = 0; tries < ID_TRIES; tries++) {
		make_id(stem, out, size);
		scenario_row existing;
		int rc = scenario_find(db, edition, out, &existing);
		free(existing.likelihood);
		if (rc == NATRISK_ENOTFOUND)
			return 0;
		if (rc != 0)
			return rc;
	}
	return error_set(NATRISK_EIO, "no free scenario id after %d tries",
	                 ID_TRIES);
}

/* The request body with "id": ID as its first member, and where that
 * went in: the column after the body's opening brace and the length, so
 * that the loader's columns can be given back in the client's terms.
 * NULL after reporting a body that is no JSON object or names an id. */
static char *with_id(const scenario_job *job, const char *id,
                     body_insert *inserted)
{
	json_t *body = json_loadb(job->json, job->len, 0, NULL);
	bool object = json_is_object(body);
	bool names_id = object && json_object_get(body, "id");
	bool empty = object && json_object_size(body) == 0;
	json_decref(body);
	if (names_id)
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request",
		                 1, 1, "leave 'id' out: the server gives a new "
		                 "scenario its id (its title and six random "
		                 "characters), and answers with it");
	else if (!object)
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request",
		                 1, 1, "the body must be a JSON object");
	if (!object || names_id)
		return NULL;
	char member[96];
	snprintf(member, sizeof member, "\"id\":\"%s\"", id);
	return body_with_member(job->json, job->len, member, empty, inserted);
}

static int add_work(sqlite3 *db, void *ctx)
{
	scenario_job *job = ctx;
	int rc = edition_require(db, job->edition, UNTIL_PUBLISHED,
	                         "scenarios change", NULL);
	char key[STEM_MAX + RANDOM_CHARS + 2];
	json_t *parsed = json_loadb(job->json, job->len, 0, NULL);
	if (rc == 0)
		rc = free_id(db, job->edition, json_string_value(json_object_get(
			                 parsed, "title")), key, sizeof key);
	json_decref(parsed);
	body_insert inserted = { 0, 0 };
	char *text = rc == 0 ? with_id(job, key, &inserted) : NULL;
	if (rc == 0 && !text)
		rc = error_set(NATRISK_EINVALID, "the request holds errors");
	natrisk_assessment *a = NULL;
	if (rc == 0)
		rc = validate_text_inserted(db, job->edition, job->clearance, "",
		                            text, strlen(text), "", &inserted,
		                            job->diag, &a);
	int64_t position = 0;
	if (rc == 0)
		rc = next_position(db, job->edition, &position);
	if (rc == 0)
		rc = insert_scenario(db, job->edition, a, 0, position,
		                     job->actor);
	char object[160];
	object_name(object, sizeof object, job->edition, key, NULL);
	if (rc == 0)
		rc = audit_append(db, job->actor, "scenario.add", object, NULL,
		                  text);
	free(text);
	natrisk_classification level =
		a ? natrisk_assessment_scenario(a, 0)->classification : NATRISK_PUBLIC;
	natrisk_assessment_free(a);
	if (rc == 0 && !(job->made_id = strdup(key)))
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	return rc == 0 ? edition_bump(db, job->edition, level) : rc;
}

int scenario_add_tx(sqlite3 *db, int64_t edition, const char *json,
                    size_t len, const char *actor,
                    natrisk_classification clearance, natrisk_diag *diag,
                    char **id)
{
	scenario_job job = { edition, NULL, json, len, actor, clearance, diag,
		             NULL };
	int rc = add_work(db, &job);
	*id = rc == 0 ? job.made_id : NULL;
	if (rc != 0)
		free(job.made_id);
	return rc;
}

int natrisk_store_scenario_add(natrisk_store *s, int64_t edition,
                               const char *json, size_t len,
                               const char *actor,
                               natrisk_classification clearance,
                               natrisk_diag *diag, char **id)
{
	scenario_job job = { edition, NULL, json, len, actor, clearance, diag,
		             NULL };
	int rc = db_write(s, add_work, &job);
	if (rc == 0 && id)
		*id = job.made_id;
	else
		free(job.made_id);
	return rc;
}

json_t *scenario_fields(sqlite3_stmt *row, int first)
{
	json_t *o = json_object();
	const char *names[] = { "id", "title", "theme", "kind", "description",
		                "classification" };
	for (int k = 0; k < 6; k++) {
		const char *text =
			(const char *)sqlite3_column_text(row, first + k);
		if (text)
			json_object_set_new(o, names[k], json_string(text));
	}
	json_object_set_new(o, "new", json_boolean(sqlite3_column_int(
		                                row, first + 6)));
	json_object_set_new(o, "sources", json_loads(
		(const char *)sqlite3_column_text(row, first + 7), 0, NULL));
	return o;
}

static json_t *current_fields(sqlite3 *db, int64_t edition, const char *key)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT " FIELD_COLUMNS " FROM "
	                                    "scenarios WHERE assessment_id = ? "
	                                    "AND key = ?");
	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, edition);
	sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
	json_t *fields = sqlite3_step(stmt) == SQLITE_ROW
	                         ? scenario_fields(stmt, 0)
	                         : NULL;
	sqlite3_finalize(stmt);
	return fields;
}

/* The fields after the edit, or NULL after reporting an unknown key. */
static json_t *edited_fields(const scenario_job *job, const json_t *before,
                             const json_t *changes)
{
	static const char *const editable[] = { "title", "theme", "kind",
		"description", "classification", "new", "sources", NULL };
	json_t *after = json_deep_copy(before);
	const char *name;
	json_t *value;
	json_object_foreach((json_t *)changes, name, value) {
		bool known = false;
		for (int k = 0; editable[k] && !known; k++)
			known = strcmp(name, editable[k]) == 0;
		if (!known) {
			natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR,
			                 "request", 1, 1, "'%s' cannot be edited "
			                 "here (editable: title, theme, kind, "
			                 "description, classification, new, "
			                 "sources; scores have their own routes)",
			                 name);
			json_decref(after);
			return NULL;
		}
		if (json_is_null(value))
			json_object_del(after, name);
		else
			json_object_set(after, name, value);
	}
	return after;
}

/* Whether every analyst assigned may still see the scenario. */
static int check_assigned(sqlite3 *db, int64_t scenario_id,
                          natrisk_classification classification)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT u.name, u.clearance FROM assignments a JOIN users u ON "
		"u.name = a.analyst WHERE a.scenario_id = ? ORDER BY u.name");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, scenario_id);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		natrisk_classification clearance = NATRISK_PUBLIC;
		natrisk_classification_parse(
			(const char *)sqlite3_column_text(stmt, 1), &clearance);
		if (clearance < classification)
			rc = error_set(NATRISK_ECONFLICT, "analyst %s, assigned "
			               "to this scenario, is not cleared for %s: "
			               "change the assignments first",
			               sqlite3_column_text(stmt, 0),
			               msg_tr(natrisk_classification_name(
				               classification)));
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int update_fields(sqlite3 *db, int64_t id, const natrisk_assessment *a)
{
	const natrisk_scenario *s = natrisk_assessment_scenario(a, 0);
	sqlite3_stmt *stmt = db_prepare(db,
		"UPDATE scenarios SET title = ?, theme = ?, kind = ?, "
		"description = ?, classification = ?, is_new = ?, sources = ? "
		"WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	bind_scenario_fields(stmt, 1, a, s);
	sqlite3_bind_int64(stmt, 8, id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "edit scenario");
}

/* Validates AFTER (with the scenario's likelihood) and writes it. */
static int apply_edit(sqlite3 *db, scenario_job *job, const scenario_row *row,
                      json_t *after, natrisk_classification *level)
{
	json_object_set_new(after, "likelihood",
	                    json_loads(row->likelihood, 0, NULL));
	json_object_set_new(after, "impact", json_object());
	char *text = dump(after);
	json_object_del(after, "likelihood");
	json_object_del(after, "impact");
	if (!text)
		return error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_assessment *a;
	int rc = validate_text(db, job->edition, job->clearance, "", text,
	                       strlen(text), "", job->diag, &a);
	free(text);
	if (rc != 0)
		return rc;
	/* a change is seen by whoever saw the scenario before or after */
	natrisk_classification now =
		natrisk_assessment_scenario(a, 0)->classification;
	*level = now < row->classification ? now : row->classification;
	rc = check_assigned(db, row->id, now);
	if (rc == 0)
		rc = update_fields(db, row->id, a);
	natrisk_assessment_free(a);
	return rc;
}

static int edit_work(sqlite3 *db, void *ctx)
{
	scenario_job *job = ctx;
	int rc = edition_require(db, job->edition, UNTIL_PUBLISHED,
	                         "scenarios change", NULL);
	scenario_row row = { 0 };
	if (rc == 0)
		rc = scenario_find(db, job->edition, job->key, &row);
	json_t *changes = rc == 0 ? json_loadb(job->json, job->len, 0, NULL)
	                          : NULL;
	json_t *before = changes ? current_fields(db, job->edition, job->key)
	                         : NULL;
	json_t *after = before && json_is_object(changes)
	                        ? edited_fields(job, before, changes)
	                        : NULL;
	if (rc == 0 && !json_is_object(changes))
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request",
		                 1, 1, "the body must be a JSON object");
	if (rc == 0 && !after)
		rc = error_set(NATRISK_EINVALID, "the request holds errors");
	natrisk_classification level = NATRISK_PUBLIC;
	if (rc == 0)
		rc = apply_edit(db, job, &row, after, &level);
	char object[160];
	object_name(object, sizeof object, job->edition, job->key, NULL);
	if (rc == 0)
		rc = audit_json_change(db, job->actor, "scenario.edit", object,
		                       before, after);
	free(row.likelihood);
	json_decref(changes);
	json_decref(before);
	json_decref(after);
	return rc == 0 ? edition_bump(db, job->edition, level) : rc;
}

int natrisk_store_scenario_edit(natrisk_store *s, int64_t edition,
                                const char *scenario, const char *json,
                                size_t len, const char *actor,
                                natrisk_classification clearance,
                                natrisk_diag *diag)
{
	scenario_job job = { edition, scenario, json, len, actor, clearance,
		             diag, NULL };
	return db_write(s, edit_work, &job);
}
