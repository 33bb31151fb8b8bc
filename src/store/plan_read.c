/*
 * plan_read.c - reading an edition's plan (plan_store.h), always as one
 * reader may see it: the plan file, the plan and its items as JSON, the
 * levels' history, and the capability figures and spread, which the
 * engine (capabilities.h) computes from the very plan the reader would
 * export, loaded by the plan loader: the server computes nothing itself.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/capabilities.h>
#include <natrisk/capabilities_output.h>
#include <natrisk/membuf.h>

#include "../core/error.h"
#include "db.h"
#include "plan_check.h"

static char *dump(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                             JSON_REAL_PRECISION(17));
}

/* Hands the JSON J (stolen) out as text in *OUT. */
static int give(json_t *j, char **out)
{
	*out = j ? dump(j) : NULL;
	json_decref(j);
	return *out ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

typedef struct read_job {
	int64_t edition;
	const natrisk_plan_reader *reader;
	natrisk_plan_kind kind;
	const char *key;
	const char *analyst;
	json_t *result;
	char *text;
	size_t len;
	bool *expert;
} read_job;

static int document_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	plan_rows rows;
	int rc = plan_rows_read(db, job->edition, job->reader->clearance,
	                        &rows);
	if (rc != 0)
		return rc;
	job->result = plan_rows_document(db, &rows, job->reader, NULL, 0, 0,
	                                 false);
	plan_rows_free(&rows);
	return job->result ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

int natrisk_store_plan(natrisk_store *s, int64_t edition,
                       const natrisk_plan_reader *reader, char **json)
{
	read_job job = { .edition = edition, .reader = reader };
	*json = NULL;
	int rc = db_read(s, document_work, &job);
	return rc == 0 ? give(job.result, json) : rc;
}

/* The highest classification of the scenarios the document names. */
static natrisk_classification highest_named(sqlite3 *db, int64_t edition,
                                            const json_t *doc)
{
	json_t *named = json_object();
	size_t k;
	json_t *item;
	json_array_foreach(json_object_get(doc, "capabilities"), k, item) {
		size_t i;
		json_t *id;
		json_array_foreach(json_object_get(item, "scenarios"), i, id)
			json_object_set(named, json_string_value(id) ?: "",
			                json_true());
	}
	json_array_foreach(json_object_get(doc, "measures"), k, item) {
		const char *scenario;
		json_t *effect;
		json_object_foreach(json_object_get(item, "effect"), scenario,
		                    effect)
			json_object_set(named, scenario, json_true());
	}
	natrisk_classification top = NATRISK_PUBLIC;
	sqlite3_stmt *stmt = db_prepare(db, "SELECT key, classification FROM "
	                                    "scenarios WHERE assessment_id = ?");
	if (stmt)
		sqlite3_bind_int64(stmt, 1, edition);
	while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
		int level = classification_level(
			(const char *)sqlite3_column_text(stmt, 1));
		if (json_object_get(named, (const char *)sqlite3_column_text(
		                                   stmt, 0)) &&
		    level > (int)top)
			top = (natrisk_classification)level;
	}
	sqlite3_finalize(stmt);
	json_decref(named);
	return top;
}

/* "# RESTRICTED - status: draft - 2026-12-05 - natrisk plan of edition
 * 3": how the file must be handled, as an edition's export says it. */
static void banner(sqlite3 *db, int64_t edition, const json_t *doc,
                   char *out, size_t size)
{
	char status[16] = "", upper[16], at[21];
	sqlite3_stmt *stmt = db_prepare(db, "SELECT status FROM assessments "
	                                    "WHERE id = ?");
	if (stmt) {
		sqlite3_bind_int64(stmt, 1, edition);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			snprintf(status, sizeof status, "%s",
			         (const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	const char *level = natrisk_classification_name(
		highest_named(db, edition, doc));
	size_t k = 0;
	for (; level[k] && k + 1 < sizeof upper; k++)
		upper[k] = (char)(level[k] - 'a' + 'A');
	upper[k] = '\0';
	db_now(at);
	snprintf(out, size, "# %s - status: %s - %.10s - natrisk plan of "
	         "edition %lld\n", upper, status, at, (long long)edition);
}

/* The document as a plan file: the head's keys, then each list with one
 * item a line, as JSON (which YAML 1.2 reads as it is). */
static void write_file(FILE *out, const json_t *doc)
{
	static const char *const heads[] = { "natrisk", "plan", "assessment" };
	for (size_t k = 0; k < 3; k++) {
		char *value = json_dumps(json_object_get(doc, heads[k]),
		                         JSON_ENCODE_ANY);
		fprintf(out, "%s: %s\n", heads[k], value ? value : "null");
		free(value);
	}
	for (int kind = 0; kind < NATRISK_PLAN_KINDS; kind++) {
		const char *name = natrisk_plan_kind_name(kind);
		json_t *list = json_object_get(doc, name);
		size_t k;
		json_t *item;
		json_array_foreach(list, k, item) {
			char *text = dump(item);
			fprintf(out, "%s%s  - %s\n", k ? "" : name,
			        k ? "" : ":\n", text ? text : "{}");
			free(text);
		}
	}
}

static int export_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	int rc = document_work(db, ctx);
	if (rc != 0)
		return rc;
	natrisk_membuf buffer = { 0 };
	FILE *out = natrisk_membuf_open(&buffer);
	if (!out)
		return error_set(NATRISK_ENOMEM, "out of memory");
	char line[160];
	banner(db, job->edition, job->result, line, sizeof line);
	fputs(line, out);
	write_file(out, job->result);
	fputs(line, out);
	if (natrisk_membuf_close(&buffer, out) != 0) {
		free(buffer.data);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	job->text = buffer.data;
	job->len = buffer.len;
	return 0;
}

int natrisk_store_plan_export(natrisk_store *s, int64_t edition,
                              const natrisk_plan_reader *reader, char **yaml,
                              size_t *len)
{
	read_job job = { .edition = edition, .reader = reader };
	int rc = db_read(s, export_work, &job);
	json_decref(job.result);
	*yaml = rc == 0 ? job.text : NULL;
	*len = rc == 0 ? job.len : 0;
	if (rc != 0)
		free(job.text);
	return rc;
}

/* The experts assigned to item row ITEM_ID, by name. */
static json_t *assigned(sqlite3 *db, int64_t item_id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT analyst FROM plan_experts "
	                                    "WHERE item_id = ? ORDER BY analyst");
	json_t *names = json_array();
	if (stmt)
		sqlite3_bind_int64(stmt, 1, item_id);
	while (stmt && sqlite3_step(stmt) == SQLITE_ROW)
		json_array_append_new(names, json_string((const char *)
			sqlite3_column_text(stmt, 0)));
	sqlite3_finalize(stmt);
	return names;
}

/* The visible item of the job, or NATRISK_ENOTFOUND. */
static int find_visible(sqlite3 *db, read_job *job, plan_rows *rows,
                        plan_item_row **item)
{
	int rc = plan_rows_read(db, job->edition, job->reader->clearance, rows);
	*item = rc == 0 ? plan_rows_find(rows, job->kind, job->key) : NULL;
	if (rc == 0 && (!*item || (*item)->hidden))
		rc = error_set(NATRISK_ENOTFOUND, "no such plan item");
	return rc;
}

static int item_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	plan_rows rows;
	plan_item_row *item;
	int rc = find_visible(db, job, &rows, &item);
	if (rc == 0) {
		job->result = json_deep_copy(item->body);
		if (job->kind == NATRISK_PLAN_CAPABILITIES) {
			json_object_set_new(job->result, "levels",
			                    plan_current_levels(
			                            db, item->id,
			                            job->reader->levels_of));
			json_object_set_new(job->result, "experts",
			                    assigned(db, item->id));
			json_object_set_new(job->result, "agreed",
			                    plan_agreed_levels(db, item->id));
		}
	}
	if (rc == 0 && job->expert) {
		json_t *names = assigned(db, item->id);
		size_t k;
		json_t *name;
		*job->expert = false;
		json_array_foreach(names, k, name)
			if (job->analyst && strcmp(json_string_value(name),
			                           job->analyst) == 0)
				*job->expert = true;
		json_decref(names);
	}
	plan_rows_free(&rows);
	return rc;
}

int natrisk_store_plan_item(natrisk_store *s, int64_t edition,
                            natrisk_plan_kind kind, const char *key,
                            const natrisk_plan_reader *reader, char **json)
{
	read_job job = { .edition = edition, .reader = reader, .kind = kind,
		         .key = key };
	*json = NULL;
	int rc = db_read(s, item_work, &job);
	return rc == 0 ? give(job.result, json) : rc;
}

int natrisk_store_plan_access(natrisk_store *s, int64_t edition,
                              natrisk_plan_kind kind, const char *key,
                              const char *analyst,
                              natrisk_classification clearance,
                              bool *expert)
{
	natrisk_plan_reader reader = { clearance, analyst };
	read_job job = { .edition = edition, .reader = &reader, .kind = kind,
		         .key = key, .analyst = analyst, .expert = expert };
	int rc = db_read(s, item_work, &job);
	json_decref(job.result);
	return rc;
}

/* Every row of ITEM_ID's levels of one kind, newest first, by author. */
static json_t *history(sqlite3 *db, int64_t item_id, bool agreed,
                       const char *analyst)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT author, current, target, why, created_at FROM "
		"plan_levels WHERE item_id = ?1 AND agreed = ?2 AND (?3 IS NULL "
		"OR author = ?3) ORDER BY author, id DESC");
	json_t *out = agreed ? json_array() : json_object();
	if (!stmt)
		return out;
	sqlite3_bind_int64(stmt, 1, item_id);
	sqlite3_bind_int(stmt, 2, agreed);
	sqlite3_bind_text(stmt, 3, agreed ? NULL : analyst, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *author = (const char *)sqlite3_column_text(stmt, 0);
		const char *why = (const char *)sqlite3_column_text(stmt, 3);
		json_t *row = json_pack(
			"{s:i,s:i,s:o,s:s}", "current",
			sqlite3_column_int(stmt, 1), "target",
			sqlite3_column_int(stmt, 2), "why",
			why ? json_string(why) : json_null(), "at",
			(const char *)sqlite3_column_text(stmt, 4));
		json_t *list = agreed ? out : json_object_get(out, author);
		if (!list)
			json_object_set_new(out, author, list = json_array());
		if (agreed)
			json_object_set_new(row, "by", json_string(author));
		json_array_append_new(list, row);
	}
	sqlite3_finalize(stmt);
	return out;
}

static int levels_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	plan_rows rows;
	plan_item_row *item;
	int rc = find_visible(db, job, &rows, &item);
	if (rc == 0)
		job->result = json_pack(
			"{s:o,s:o}", "experts",
			history(db, item->id, false, job->analyst), "agreed",
			history(db, item->id, true, NULL));
	plan_rows_free(&rows);
	return rc;
}

int natrisk_store_plan_levels(natrisk_store *s, int64_t edition,
                              const char *key, const char *analyst,
                              char **json)
{
	natrisk_plan_reader reader = { NATRISK_CONFIDENTIAL, NULL };
	read_job job = { .edition = edition, .reader = &reader,
		         .kind = NATRISK_PLAN_CAPABILITIES, .key = key,
		         .analyst = analyst };
	*json = NULL;
	int rc = db_read(s, levels_work, &job);
	return rc == 0 ? give(job.result, json) : rc;
}

/* Adds the chair's view to one capability's figures: the experts
 * assigned, those of them without levels, every expert's levels. */
static void add_spread(sqlite3 *db, json_t *figures, int64_t item_id)
{
	json_t *levels = plan_current_levels(db, item_id, NULL);
	json_t *names = assigned(db, item_id);
	json_t *missing = json_array();
	size_t k, i;
	json_t *name, *level;
	json_array_foreach(names, k, name) {
		bool given = false;
		json_array_foreach(levels, i, level)
			given |= json_equal(json_object_get(level, "analyst"),
			                    name);
		if (!given)
			json_array_append(missing, name);
	}
	json_object_set_new(figures, "levels", levels);
	json_object_set_new(figures, "assigned", names);
	json_object_set_new(figures, "missing", missing);
}

/* The plan the reader sees, loaded by the plan loader on the
 * assessment the reader would export, into *OUT; JOB's result is that
 * plan's document. */
static int load_work(sqlite3 *db, read_job *job, natrisk_plan **out)
{
	*out = NULL;
	int rc = document_work(db, job);
	char *text = rc == 0 ? dump(job->result) : NULL;
	if (rc == 0 && !text)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_diag *diag = natrisk_diag_new();
	if (rc == 0)
		rc = plan_load_text(db, job->edition, job->reader->clearance, text,
		                    strlen(text), diag, out);
	free(text);
	natrisk_diag_free(diag);
	return rc;
}

/* The engine's figures of the plan the reader sees, each capability
 * with the agreed levels (and, for the spread, the chair's view). */
static int figures_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	natrisk_plan *p = NULL;
	int rc = load_work(db, job, &p);
	natrisk_capabilities *c = NULL;
	if (rc == 0)
		rc = natrisk_capabilities_new(&c, p);
	char *figures = rc == 0 ? natrisk_capabilities_json(c) : NULL;
	natrisk_capabilities_free(c);
	natrisk_plan_free(p);
	json_decref(job->result);
	job->result = figures ? json_loads(figures, 0, NULL) : NULL;
	free(figures);
	if (rc == 0 && !job->result)
		return error_set(NATRISK_ENOMEM, "out of memory");
	plan_rows rows = { 0 };
	if (rc == 0)
		rc = plan_rows_read(db, job->edition, job->reader->clearance,
		                    &rows);
	size_t k;
	json_t *figure;
	json_array_foreach(json_object_get(job->result, "capabilities"), k,
	                   figure) {
		const plan_item_row *item =
			rc == 0 ? plan_rows_find(&rows, NATRISK_PLAN_CAPABILITIES,
			                         json_string_value(json_object_get(
			                                 figure, "id")))
			        : NULL;
		if (!item)
			continue;
		json_object_set_new(figure, "agreed",
		                    plan_agreed_levels(db, item->id));
		if (job->expert)
			add_spread(db, figure, item->id);
	}
	plan_rows_free(&rows);
	return rc;
}

int natrisk_store_plan_figures(natrisk_store *s, int64_t edition,
                               const natrisk_plan_reader *reader,
                               char **json)
{
	read_job job = { .edition = edition, .reader = reader };
	*json = NULL;
	int rc = db_read(s, figures_work, &job);
	if (rc != 0)
		json_decref(job.result);
	return rc == 0 ? give(job.result, json) : rc;
}

int natrisk_store_plan_spread(natrisk_store *s, int64_t edition,
                              natrisk_classification clearance, char **json)
{
	natrisk_plan_reader reader = { clearance, NULL };
	bool spread = true;
	read_job job = { .edition = edition, .reader = &reader,
		         .expert = &spread };
	*json = NULL;
	int rc = db_read(s, figures_work, &job);
	if (rc != 0)
		json_decref(job.result);
	return rc == 0 ? give(job.result, json) : rc;
}

typedef struct load_job {
	read_job read;
	natrisk_plan *plan;
} load_job;

static int plan_load_work(sqlite3 *db, void *ctx)
{
	load_job *job = ctx;
	return load_work(db, &job->read, &job->plan);
}

int natrisk_store_plan_load(natrisk_store *s, int64_t edition,
                            const natrisk_plan_reader *reader,
                            natrisk_plan **out)
{
	load_job job = { .read = { .edition = edition, .reader = reader } };
	int rc = db_read(s, plan_load_work, &job);
	json_decref(job.read.result);
	if (rc != 0) {
		natrisk_plan_free(job.plan);
		job.plan = NULL;
	}
	*out = job.plan;
	return rc;
}
