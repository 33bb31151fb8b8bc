/*
 * editions.c - importing an assessment as an edition, listing editions,
 * changing their status, and exporting one as an assessment file
 * (edition.h). The export is written as YAML blocks whose values are JSON
 * (jansson does the quoting; JSON is YAML 1.2), so that every string comes
 * back exactly as it went in.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/edition.h>
#include <natrisk/membuf.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"
#include "score_json.h"

void bind_json(sqlite3_stmt *stmt, int k, json_t *j)
{
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                       JSON_REAL_PRECISION(17) |
	                                       JSON_ENCODE_ANY)
	               : NULL;
	json_decref(j);
	if (text)
		sqlite3_bind_text(stmt, k, text, -1, free);
	else
		sqlite3_bind_null(stmt, k);
}

static json_t *themes_json(const natrisk_assessment *a)
{
	json_t *themes = json_array();
	for (size_t t = 0; themes && t < natrisk_assessment_theme_count(a);
	     t++) {
		const natrisk_theme *theme = natrisk_assessment_theme(a, t);
		json_t *item = json_pack("{s:s,s:s,s:s}", "id", theme->id,
		                         "title", theme->title, "classification",
		                         natrisk_classification_name(
			                         theme->classification));
		if (item && theme->colour)
			json_object_set_new(item, "colour",
			                    json_string(theme->colour));
		json_array_append_new(themes, item);
	}
	return themes;
}

static json_t *sources_json(const natrisk_scenario *s)
{
	json_t *sources = json_array();
	for (size_t k = 0; sources && k < s->source_count; k++)
		json_array_append_new(sources, json_string(s->sources[k]));
	return sources;
}

void bind_scenario_fields(sqlite3_stmt *stmt, int first,
                          const natrisk_assessment *a,
                          const natrisk_scenario *s)
{
	sqlite3_bind_text(stmt, first, s->title, -1, SQLITE_STATIC);
	if (s->theme >= 0)
		sqlite3_bind_text(stmt, first + 1, natrisk_assessment_theme(a, (size_t)s->theme)->id, -1,
		                  SQLITE_STATIC);
	sqlite3_bind_text(stmt, first + 2, natrisk_kind_name(s->kind), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(stmt, first + 3, s->description, -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(stmt, first + 4,
	                  natrisk_classification_name(s->classification), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_int(stmt, first + 5, s->is_new);
	bind_json(stmt, first + 6, sources_json(s));
}

typedef struct import_job {
	const natrisk_assessment *a;
	const char *actor;
	const char *const *chairs;
	size_t chair_count;
	int64_t id;
} import_job;

static int insert_edition(sqlite3 *db, import_job *job)
{
	const natrisk_assessment *a = job->a;
	char at[21];
	db_now(at);
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO assessments (title, edition, method, themes, "
		"created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, natrisk_assessment_title(a), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, natrisk_assessment_edition(a), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, natrisk_assessment_method_ref(a), -1, SQLITE_STATIC);
	bind_json(stmt, 4, themes_json(a));
	sqlite3_bind_text(stmt, 5, job->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, at, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "import");
	job->id = sqlite3_last_insert_rowid(db);
	return 0;
}

static int insert_scores(sqlite3 *db, const natrisk_assessment *a,
                         const natrisk_scenario *s, int64_t scenario_id,
                         const char *actor)
{
	const natrisk_method *m = natrisk_assessment_method(a);
	int rc = 0;
	for (size_t c = 0; rc == 0 && c < natrisk_method_criterion_count(m); c++)
		if (s->impact[c].given)
			rc = insert_score(db, scenario_id,
			                  natrisk_method_criterion(m, c)->id, true,
			                  actor, &s->impact[c]);
	return rc;
}

int insert_score(sqlite3 *db, int64_t scenario_id, const char *criterion,
                 bool consolidated, const char *author,
                 const natrisk_score *score)
{
	char at[21];
	db_now(at);
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO scores (scenario_id, criterion, consolidated, "
		"author, score, ev_class, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, scenario_id);
	sqlite3_bind_text(stmt, 2, criterion, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, consolidated);
	sqlite3_bind_text(stmt, 4, author, -1, SQLITE_STATIC);
	if (score) {
		bind_json(stmt, 5, score_to_json(score, strcmp(criterion,
		                                   "likelihood") == 0));
		sqlite3_bind_int(stmt, 6, score->point[NATRISK_EV].cls);
	}
	sqlite3_bind_text(stmt, 7, at, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "score");
}

int insert_scenario(sqlite3 *db, int64_t edition,
                    const natrisk_assessment *a, size_t i, int64_t position,
                    const char *actor)
{
	const natrisk_scenario *s = natrisk_assessment_scenario(a, i);
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO scenarios (assessment_id, position, key, title, "
		"theme, kind, description, classification, is_new, sources, "
		"likelihood) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	sqlite3_bind_int64(stmt, 2, position);
	sqlite3_bind_text(stmt, 3, s->id, -1, SQLITE_STATIC);
	bind_scenario_fields(stmt, 4, a, s);
	bind_json(stmt, 11, score_to_json(&s->likelihood, 1));
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "import scenario");
	return insert_scores(db, a, s, sqlite3_last_insert_rowid(db), actor);
}

static int import_work(sqlite3 *db, void *ctx)
{
	import_job *job = ctx;
	int rc = insert_edition(db, job);
	for (size_t i = 0;
	     rc == 0 && i < natrisk_assessment_scenario_count(job->a); i++)
		rc = insert_scenario(db, job->id, job->a, i, (int64_t)i,
		                     job->actor);
	if (rc == 0)
		rc = chairs_replace(db, job->id, job->chairs, job->chair_count);
	if (rc != 0)
		return rc;
	char object[48], after[400];
	snprintf(object, sizeof object, "edition:%lld", (long long)job->id);
	json_t *summary = json_pack("{s:s,s:I}", "title",
	                            natrisk_assessment_title(job->a),
	                            "scenarios",
	                            (json_int_t)natrisk_assessment_scenario_count(
					    job->a));
	char *text = summary ? json_dumps(summary, JSON_COMPACT) : NULL;
	snprintf(after, sizeof after, "%s", text ? text : "{}");
	free(text);
	json_decref(summary);
	return audit_append(db, job->actor, "edition.import", object, NULL,
	                    after);
}

int natrisk_store_import(natrisk_store *s, const natrisk_assessment *a,
                         const char *actor, const char *const *chairs,
                         size_t chair_count, int64_t *id)
{
	if (natrisk_method_ref_is_path(natrisk_assessment_method_ref(a)))
		return error_set(NATRISK_EINVALID, "the store keeps editions "
		                 "whose method is named by its id (such as "
		                 "nrb-2008), not by a path");
	import_job job = { a, actor, chairs, chair_count, 0 };
	int rc = db_write(s, import_work, &job);
	*id = rc == 0 ? job.id : 0;
	return rc;
}

