/*
 * editions_export.c - an edition as an assessment file (formats.md): the
 * scenarios a clearance may see, in their order, with the consolidated
 * scores. Written as YAML blocks whose scalars and small values are JSON,
 * quoted by jansson: JSON is YAML 1.2, so every string reads back exactly.
 * Themes above the clearance are left out too: a theme title may itself
 * say what a confidential scenario is about. A comment at the top and at
 * the bottom says how the file must be handled: the highest
 * classification of what it holds, the edition's status and the day.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/edition.h>
#include <natrisk/membuf.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"
#include "plan_rows.h"
#include "score_json.h"

static void put_json(FILE *out, json_t *value)
{
	char *text = json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                       JSON_REAL_PRECISION(17) |
	                                       JSON_ENCODE_ANY);
	fputs(text ? text : "null", out);
	free(text);
}

static void put_text(FILE *out, const char *text)
{
	json_t *value = json_string(text);
	put_json(out, value);
	json_decref(value);
}

/* A stored JSON column, shortened to the file's short form for scores. */
static void put_stored(FILE *out, const unsigned char *text, bool score)
{
	json_t *value = json_loads((const char *)text, JSON_DECODE_ANY, NULL);
	json_t *shown = value && score ? score_shortest(value)
	                               : json_incref(value);
	put_json(out, shown);
	json_decref(shown);
	json_decref(value);
}

static const char *column(sqlite3_stmt *stmt, int k)
{
	return (const char *)sqlite3_column_text(stmt, k);
}

typedef struct export_job {
	int64_t id;
	natrisk_classification clearance;
	FILE *out;
	size_t shown;
} export_job;

/* The highest classification of what the export holds: the scenarios
 * and themes at or below its clearance. */
static int highest_shown(sqlite3 *db, const export_job *job,
                         natrisk_classification *top)
{
	*top = NATRISK_PUBLIC;
	sqlite3_stmt *stmt = db_prepare(db, "SELECT classification FROM "
	                                    "scenarios WHERE assessment_id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->id);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		int level = classification_level(column(stmt, 0));
		if (level <= (int)job->clearance && level > (int)*top)
			*top = (natrisk_classification)level;
	}
	sqlite3_finalize(stmt);
	json_t *themes = visible_themes(db, job->id, job->clearance);
	size_t k;
	json_t *theme;
	json_array_foreach(themes, k, theme) {
		int level = classification_level(json_string_value(
			json_object_get(theme, "classification")));
		if (level > (int)*top)
			*top = (natrisk_classification)level;
	}
	json_decref(themes);
	return 0;
}

/* "# CONFIDENTIAL - status: draft - 2026-12-05 - natrisk export of
 * edition 3" into OUT. */
static int banner(sqlite3 *db, export_job *job, char *out, size_t size)
{
	natrisk_classification top;
	int rc = highest_shown(db, job, &top);
	sqlite3_stmt *stmt = rc == 0 ? db_prepare(db, "SELECT status FROM "
	                                              "assessments WHERE "
	                                              "id = ?")
	                             : NULL;
	if (!stmt)
		return rc ? rc : NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->id);
	bool found = sqlite3_step(stmt) == SQLITE_ROW;
	char status[16] = "", upper[16], at[21];
	if (found)
		snprintf(status, sizeof status, "%s", column(stmt, 0));
	sqlite3_finalize(stmt);
	if (!found)
		return error_set(NATRISK_ENOTFOUND, "no edition %lld",
		                 (long long)job->id);
	const char *level = natrisk_classification_name(top);
	size_t k = 0;
	for (; level[k] && k + 1 < sizeof upper; k++)
		upper[k] = (char)(level[k] - 'a' + 'A');
	upper[k] = '\0';
	db_now(at);
	snprintf(out, size, "# %s - status: %s - %.10s - natrisk export of "
	         "edition %lld\n", upper, status, at, (long long)job->id);
	return 0;
}

static int write_header(sqlite3 *db, export_job *job)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT title, edition, method "
	                                    "FROM assessments WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->id);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return error_set(NATRISK_ENOTFOUND, "no edition %lld",
		                 (long long)job->id);
	}
	fputs("natrisk: 1\ntitle: ", job->out);
	put_text(job->out, column(stmt, 0));
	if (column(stmt, 1)) {
		fputs("\nedition: ", job->out);
		put_text(job->out, column(stmt, 1));
	}
	fputs("\nmethod: ", job->out);
	put_text(job->out, column(stmt, 2));
	fputc('\n', job->out);
	sqlite3_finalize(stmt);
	return 0;
}

static void write_themes(sqlite3 *db, export_job *job)
{
	json_t *list = visible_themes(db, job->id, job->clearance);
	size_t k;
	json_t *theme;
	json_array_foreach(list, k, theme) {
		fputs(k ? "" : "themes:\n", job->out);
		fputs("  - id: ", job->out);
		put_json(job->out, json_object_get(theme, "id"));
		fputs("\n    title: ", job->out);
		put_json(job->out, json_object_get(theme, "title"));
		const char *level = json_string_value(
			json_object_get(theme, "classification"));
		if (level && strcmp(level, "public") != 0)
			fprintf(job->out, "\n    classification: %s", level);
		if (json_object_get(theme, "colour")) {
			fputs("\n    colour: ", job->out);
			put_json(job->out, json_object_get(theme, "colour"));
		}
		fputc('\n', job->out);
	}
	json_decref(list);
}

static int write_impact(sqlite3 *db, export_job *job, int64_t scenario)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT criterion, score FROM scores WHERE id IN "
		"(SELECT MAX(id) FROM scores WHERE scenario_id = ? AND "
		"consolidated = 1 GROUP BY criterion) AND score IS NOT NULL "
		"ORDER BY criterion");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, scenario);
	bool any = false;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		fputs("\n      ", job->out);
		any = true;
		put_text(job->out, column(stmt, 0));
		fputs(": ", job->out);
		put_stored(job->out, sqlite3_column_text(stmt, 1), true);
	}
	fputs(any ? "\n" : " {}\n", job->out);
	sqlite3_finalize(stmt);
	return 0;
}

static int write_scenario(sqlite3 *db, export_job *job, sqlite3_stmt *row)
{
	FILE *out = job->out;
	fputs("  - id: ", out);
	put_text(out, column(row, 1));
	fputs("\n    title: ", out);
	put_text(out, column(row, 2));
	if (column(row, 3)) {
		fputs("\n    theme: ", out);
		put_text(out, column(row, 3));
	}
	fprintf(out, "\n    kind: %s", column(row, 4));
	if (column(row, 5)) {
		fputs("\n    description: ", out);
		put_text(out, column(row, 5));
	}
	if (strcmp(column(row, 6), "public") != 0)
		fprintf(out, "\n    classification: %s", column(row, 6));
	if (sqlite3_column_int(row, 7))
		fputs("\n    new: true", out);
	if (strcmp(column(row, 8), "[]") != 0) {
		fputs("\n    sources: ", out);
		put_stored(out, sqlite3_column_text(row, 8), false);
	}
	fputs("\n    likelihood: ", out);
	put_stored(out, sqlite3_column_text(row, 9), true);
	fputs("\n    impact:", out);
	return write_impact(db, job, sqlite3_column_int64(row, 0));
}

static int export_work(sqlite3 *db, void *ctx)
{
	export_job *job = ctx;
	char line[160];
	int rc = banner(db, job, line, sizeof line);
	if (rc == 0) {
		fputs(line, job->out);
		rc = write_header(db, job);
	}
	if (rc != 0)
		return rc;
	write_themes(db, job);
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT id, key, title, theme, kind, description, "
		"classification, is_new, sources, likelihood FROM scenarios "
		"WHERE assessment_id = ? ORDER BY position");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->id);
	fputs("scenarios:\n", job->out);
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW)
		if (classification_level(column(stmt, 6)) <= (int)job->clearance) {
			rc = write_scenario(db, job, stmt);
			job->shown++;
		}
	sqlite3_finalize(stmt);
	fputs(line, job->out);
	return rc;
}

int edition_export_text(sqlite3 *db, int64_t edition,
                        natrisk_classification clearance, char **text,
                        size_t *len)
{
	natrisk_membuf buffer = { 0 };
	export_job job = { edition, clearance, natrisk_membuf_open(&buffer),
		           0 };
	*text = NULL;
	*len = 0;
	if (!job.out)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = export_work(db, &job);
	if (natrisk_membuf_close(&buffer, job.out) != 0 && rc == 0)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc != 0) {
		free(buffer.data);
		return rc;
	}
	*text = buffer.data;
	*len = buffer.len;
	return 0;
}

int natrisk_store_export(natrisk_store *s, int64_t id,
                         natrisk_classification clearance, char **yaml,
                         size_t *len, size_t *shown)
{
	natrisk_membuf buffer = { 0 };
	export_job job = { id, clearance, natrisk_membuf_open(&buffer), 0 };
	*yaml = NULL;
	*len = 0;
	if (!job.out)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = db_read(s, export_work, &job);
	if (natrisk_membuf_close(&buffer, job.out) != 0 && rc == 0)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc != 0) {
		free(buffer.data);
		return rc;
	}
	*yaml = buffer.data;
	*len = buffer.len;
	if (shown)
		*shown = job.shown;
	return 0;
}
