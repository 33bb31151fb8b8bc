/*
 * plan_rows.c - see plan_rows.h. The need-to-know rule lives here: a
 * capability that names a scenario above the clearance is hidden; so is
 * a measure with an effect on such a scenario, one that strengthens a
 * hidden capability, or one that requires or excludes a hidden measure
 * (its reference would tell of it); and an advice with a hidden measure.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"
#include "plan_rows.h"
#include "register_rows.h"

static const char *const kind_names[NATRISK_PLAN_KINDS] = {
	"organisations", "capabilities", "measures", "advice"
};

const char *natrisk_plan_kind_name(natrisk_plan_kind kind)
{
	return kind_names[kind];
}

int natrisk_plan_kind_parse(const char *text, natrisk_plan_kind *out)
{
	for (int k = 0; k < NATRISK_PLAN_KINDS; k++)
		if (strcmp(text, kind_names[k]) == 0) {
			*out = (natrisk_plan_kind)k;
			return 0;
		}
	return -1;
}

void plan_object_name(char *out, size_t size, int64_t edition,
                      natrisk_plan_kind kind, const char *key)
{
	snprintf(out, size, "edition:%lld/plan/%s%s%s", (long long)edition,
	         kind_names[kind], key ? "/" : "", key ? key : "");
}

void plan_rows_free(plan_rows *rows)
{
	for (size_t k = 0; k < rows->count; k++) {
		free(rows->items[k].key);
		json_decref(rows->items[k].body);
	}
	free(rows->items);
	json_decref(rows->head);
	memset(rows, 0, sizeof *rows);
}

plan_item_row *plan_rows_find(const plan_rows *rows, natrisk_plan_kind kind,
                              const char *key)
{
	for (size_t k = 0; k < rows->count; k++)
		if (rows->items[k].kind == kind &&
		    strcmp(rows->items[k].key, key) == 0)
			return &rows->items[k];
	return NULL;
}

/* The plan's head: the stored one, or the edition's title. */
static int read_head(sqlite3 *db, plan_rows *rows)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT plan, title FROM "
	                                    "assessments WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, rows->edition);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return error_set(NATRISK_ENOTFOUND, "no edition %lld",
		                 (long long)rows->edition);
	}
	const char *stored = (const char *)sqlite3_column_text(stmt, 0);
	char reference[64];
	snprintf(reference, sizeof reference, "edition-%lld.yaml",
	         (long long)rows->edition);
	rows->head = stored ? json_loads(stored, JSON_DECODE_ANY, NULL)
	                    : json_pack("{s:s,s:s}", "plan",
	                                (const char *)sqlite3_column_text(
	                                        stmt, 1),
	                                "assessment", reference);
	sqlite3_finalize(stmt);
	return rows->head ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

static int read_items(sqlite3 *db, plan_rows *rows)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT id, kind, key, position, body FROM plan_items WHERE "
		"assessment_id = ? ORDER BY kind, position");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, rows->edition);
	size_t size = 0;
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		if (rows->count == size) {
			size = size ? size * 2 : 16;
			plan_item_row *more = realloc(rows->items,
			                              size * sizeof *more);
			if (!more) {
				rc = error_set(NATRISK_ENOMEM, "out of memory");
				break;
			}
			rows->items = more;
		}
		plan_item_row *item = &rows->items[rows->count];
		item->id = sqlite3_column_int64(stmt, 0);
		item->kind = (natrisk_plan_kind)sqlite3_column_int(stmt, 1);
		item->key = db_column_strdup(stmt, 2);
		item->position = sqlite3_column_int64(stmt, 3);
		item->body = json_loads((const char *)sqlite3_column_text(stmt, 4),
		                        0, NULL);
		item->hidden = false;
		rows->count++;
		if (!item->key || !item->body)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* The scenario keys above CLEARANCE, as the keys of an object. */
static json_t *hidden_scenarios(sqlite3 *db, int64_t edition,
                                natrisk_classification clearance)
{
	json_t *hidden = json_object();
	sqlite3_stmt *stmt = db_prepare(db, "SELECT key, classification FROM "
	                                    "scenarios WHERE assessment_id = ?");
	if (!stmt || !hidden) {
		sqlite3_finalize(stmt);
		json_decref(hidden);
		return NULL;
	}
	sqlite3_bind_int64(stmt, 1, edition);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		if (classification_level((const char *)sqlite3_column_text(
		            stmt, 1)) > (int)clearance)
			json_object_set_new(hidden,
			                    (const char *)sqlite3_column_text(stmt,
			                                                      0),
			                    json_true());
	sqlite3_finalize(stmt);
	return hidden;
}

/* Whether a string of the list LIST is a key of SET. */
static bool names_any_in(const json_t *list, const json_t *set)
{
	size_t k;
	json_t *id;
	json_array_foreach(list, k, id)
		if (json_is_string(id) &&
		    json_object_get(set, json_string_value(id)))
			return true;
	return false;
}

/* Whether a string of LIST names a hidden item of KIND. */
static bool names_hidden(const plan_rows *rows, const json_t *list,
                         natrisk_plan_kind kind)
{
	size_t k;
	json_t *id;
	json_array_foreach(list, k, id) {
		const plan_item_row *item =
			json_is_string(id)
				? plan_rows_find(rows, kind, json_string_value(id))
				: NULL;
		if (item && item->hidden)
			return true;
	}
	return false;
}

static bool measure_hidden(const plan_rows *rows, const plan_item_row *m,
                           const json_t *scenarios)
{
	json_t *body = m->body;
	const char *scenario;
	json_t *effect;
	json_object_foreach(json_object_get(body, "effect"), scenario, effect)
		if (json_object_get(scenarios, scenario))
			return true;
	return names_hidden(rows, json_object_get(body, "capabilities"),
	                    NATRISK_PLAN_CAPABILITIES) ||
	       names_hidden(rows, json_object_get(body, "requires"),
	                    NATRISK_PLAN_MEASURES) ||
	       names_hidden(rows, json_object_get(body, "excludes"),
	                    NATRISK_PLAN_MEASURES);
}

/* Marks what CLEARANCE may not see: capabilities first, then measures
 * until none changes (a hidden measure hides those that refer to it),
 * then advice. */
static int mark_hidden(sqlite3 *db, plan_rows *rows,
                       natrisk_classification clearance)
{
	json_t *scenarios = hidden_scenarios(db, rows->edition, clearance);
	if (!scenarios)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t k = 0; k < rows->count; k++)
		if (rows->items[k].kind == NATRISK_PLAN_CAPABILITIES)
			rows->items[k].hidden = names_any_in(
				json_object_get(rows->items[k].body, "scenarios"),
				scenarios);
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t k = 0; k < rows->count; k++) {
			plan_item_row *m = &rows->items[k];
			if (m->kind != NATRISK_PLAN_MEASURES || m->hidden ||
			    !measure_hidden(rows, m, scenarios))
				continue;
			m->hidden = changed = true;
		}
	}
	for (size_t k = 0; k < rows->count; k++)
		if (rows->items[k].kind == NATRISK_PLAN_ADVICE)
			rows->items[k].hidden = names_hidden(
				rows, json_object_get(rows->items[k].body,
			                              "measures"),
				NATRISK_PLAN_MEASURES);
	json_decref(scenarios);
	return 0;
}

int plan_rows_read(sqlite3 *db, int64_t edition,
                   natrisk_classification clearance, plan_rows *out)
{
	memset(out, 0, sizeof *out);
	out->edition = edition;
	int rc = read_head(db, out);
	if (rc == 0)
		rc = read_items(db, out);
	if (rc == 0)
		rc = action_log_attach(db, out);
	if (rc == 0)
		rc = mark_hidden(db, out, clearance);
	if (rc != 0)
		plan_rows_free(out);
	return rc;
}

json_t *plan_current_levels(sqlite3 *db, int64_t item_id,
                            const char *levels_of)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT author, current, target, why FROM plan_levels l WHERE "
		"item_id = ?1 AND agreed = 0 AND (?2 IS NULL OR author = ?2) "
		"AND id = (SELECT MAX(id) FROM plan_levels WHERE item_id = ?1 "
		"AND agreed = 0 AND author = l.author) ORDER BY (SELECT MIN(id) "
		"FROM plan_levels WHERE item_id = ?1 AND agreed = 0 AND "
		"author = l.author)");
	json_t *levels = json_array();
	if (!stmt || !levels) {
		sqlite3_finalize(stmt);
		json_decref(levels);
		return NULL;
	}
	sqlite3_bind_int64(stmt, 1, item_id);
	sqlite3_bind_text(stmt, 2, levels_of, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		json_t *level = json_pack(
			"{s:s,s:i,s:i}", "analyst",
			(const char *)sqlite3_column_text(stmt, 0), "current",
			sqlite3_column_int(stmt, 1), "target",
			sqlite3_column_int(stmt, 2));
		if (sqlite3_column_text(stmt, 3))
			json_object_set_new(level, "why",
			                    json_string((const char *)
			                                sqlite3_column_text(stmt,
			                                                    3)));
		json_array_append_new(levels, level);
	}
	sqlite3_finalize(stmt);
	return levels;
}

json_t *plan_agreed_levels(sqlite3 *db, int64_t item_id)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT current, target, why, author, created_at FROM "
		"plan_levels WHERE item_id = ? AND agreed = 1 ORDER BY id DESC "
		"LIMIT 1");
	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, item_id);
	json_t *agreed = json_null();
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *why = (const char *)sqlite3_column_text(stmt, 2);
		agreed = json_pack("{s:i,s:i,s:o,s:s,s:s}", "current",
		                   sqlite3_column_int(stmt, 0), "target",
		                   sqlite3_column_int(stmt, 1), "why",
		                   why ? json_string(why) : json_null(), "by",
		                   (const char *)sqlite3_column_text(stmt, 3),
		                   "at",
		                   (const char *)sqlite3_column_text(stmt, 4));
	}
	sqlite3_finalize(stmt);
	return agreed;
}

/* ITEM's body with its levels (a capability's, when it has any). */
static json_t *item_with_levels(sqlite3 *db, const plan_item_row *item,
                                const natrisk_plan_reader *reader)
{
	json_t *body = json_deep_copy(item->body);
	if (!body || item->kind != NATRISK_PLAN_CAPABILITIES)
		return body;
	json_t *levels = plan_current_levels(db, item->id, reader->levels_of);
	if (json_array_size(levels) > 0)
		json_object_set(body, "levels", levels);
	json_decref(levels);
	return body;
}

static json_t *placeholder(void)
{
	return json_string(PLAN_PLACEHOLDER_VALUE);
}

json_t *plan_rows_document(sqlite3 *db, const plan_rows *rows,
                           const natrisk_plan_reader *reader,
                           const plan_item_row *skip, natrisk_plan_kind kind,
                           size_t position, bool place)
{
	json_t *doc = json_pack("{s:i,s:O,s:O}", "natrisk", 1, "plan",
	                        json_object_get(rows->head, "plan"),
	                        "assessment",
	                        json_object_get(rows->head, "assessment"));
	json_t *lists[NATRISK_PLAN_KINDS];
	for (int k = 0; k < NATRISK_PLAN_KINDS; k++)
		lists[k] = json_array();
	for (size_t k = 0; k < rows->count; k++) {
		const plan_item_row *item = &rows->items[k];
		if (item->hidden || item == skip)
			continue;
		if (place && item->kind == kind &&
		    json_array_size(lists[kind]) == position)
			json_array_append_new(lists[kind], placeholder());
		json_array_append_new(lists[item->kind],
		                      item_with_levels(db, item, reader));
	}
	if (place && json_array_size(lists[kind]) <= position)
		json_array_append_new(lists[kind], placeholder());
	for (int k = 0; k < NATRISK_PLAN_KINDS; k++) {
		if (json_array_size(lists[k]) > 0)
			json_object_set(doc, kind_names[k], lists[k]);
		json_decref(lists[k]);
	}
	return doc;
}
