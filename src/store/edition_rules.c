/*
 * edition_rules.c - see edition_rows.h: the checks every write to an
 * edition makes, and the validation of what a request brings in by the
 * assessment loader itself, so that the store accepts exactly what a file
 * may hold.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/membuf.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "../io/parser_messages.h"
#include "db.h"
#include "edition_rows.h"

static const char *allowed_text(unsigned allowed)
{
	switch (allowed) {
	case WHILE_SCORING: return MSG("while it is in scoring");
	case WHILE_DRAFT | WHILE_CONSOLIDATION:
		return MSG("while it is in draft or consolidation");
	default: return MSG("until it is published");
	}
}

int edition_require(sqlite3 *db, int64_t id, unsigned allowed,
                    const char *what, char method[128])
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT status, method FROM "
	                                    "assessments WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	natrisk_status status = NATRISK_STATUS_DRAFT;
	bool found = sqlite3_step(stmt) == SQLITE_ROW;
	if (found) {
		natrisk_status_parse((const char *)sqlite3_column_text(stmt, 0),
		                     &status);
		if (method)
			snprintf(method, 128, "%s",
			         (const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	if (!found)
		return error_set(NATRISK_ENOTFOUND, "no edition %lld",
		                 (long long)id);
	if (allowed & (1u << status))
		return 0;
	if (status == NATRISK_STATUS_PUBLISHED)
		return error_set(NATRISK_EIMMUTABLE, "edition %lld is published "
		                 "and cannot change", (long long)id);
	return error_set(NATRISK_ECONFLICT, "edition %lld is in %s: %s only "
	                 "%s", (long long)id, msg_tr(natrisk_status_name(status)),
	                 msg_tr(what), msg_tr(allowed_text(allowed)));
}

int edition_bump(sqlite3 *db, int64_t id, natrisk_classification level)
{
	static const char *const sql[] = {
		"UPDATE assessments SET version = version + 1, changes_public = "
		"changes_public + 1 WHERE id = ?",
		"UPDATE assessments SET version = version + 1, changes_restricted"
		" = changes_restricted + 1 WHERE id = ?",
		"UPDATE assessments SET version = version + 1, "
		"changes_confidential = changes_confidential + 1 WHERE id = ?",
	};
	sqlite3_stmt *stmt = db_prepare(db, sql[level]);
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "version");
}

int scenario_find(sqlite3 *db, int64_t edition, const char *key,
                  scenario_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT id, kind, classification, likelihood FROM scenarios "
		"WHERE assessment_id = ? AND key = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
	bool found = sqlite3_step(stmt) == SQLITE_ROW;
	if (found) {
		out->id = sqlite3_column_int64(stmt, 0);
		snprintf(out->kind, sizeof out->kind, "%s",
		         (const char *)sqlite3_column_text(stmt, 1));
		natrisk_classification_parse(
			(const char *)sqlite3_column_text(stmt, 2),
			&out->classification);
		out->likelihood =
			strdup((const char *)sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	if (!found)
		return error_set(NATRISK_ENOTFOUND, "no such scenario");
	return out->likelihood ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

/* The assessment's head: everything but the scenarios, as JSON text. */
static char *head_text(sqlite3 *db, int64_t id,
                       natrisk_classification clearance)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT method FROM assessments "
	                                    "WHERE id = ?");
	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, id);
	char *text = NULL;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		json_t *head = json_pack(
			"{s:i,s:s,s:s,s:o}", "natrisk", 1, "title", "edition",
			"method", (const char *)sqlite3_column_text(stmt, 0),
			"themes", visible_themes(db, id, clearance));
		text = head ? json_dumps(head, JSON_COMPACT) : NULL;
		json_decref(head);
	}
	sqlite3_finalize(stmt);
	return text;
}

/* DIAG's diagnostics into OUT, LINES earlier, errors only: the warnings
 * of a one-scenario file (unused themes) say nothing about the request. */
static void move_diagnostics(const natrisk_diag *diag, natrisk_diag *out,
                             int lines, const body_insert *inserted)
{
	for (size_t k = 0; out && k < natrisk_diag_count(diag); k++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, k);
		if (d->severity != NATRISK_SEVERITY_ERROR)
			continue;
		int line = d->line > lines ? d->line - lines : 1;
		int column = d->line > lines ? d->column : 1;
		/* back to the client's columns: what the store put in is
		 * not theirs, and counts as the place where it went */
		size_t at = inserted ? inserted->column : 0;
		if (line == 1 && at && (size_t)column > at)
			column = (size_t)column > at + inserted->len
			                 ? column - (int)inserted->len
			                 : (int)at;
		natrisk_diag_add(out, d->severity, "request", line, column,
		                 "%s", d->message);
	}
}

/* Whether BODY is one JSON value: then it cannot close the text around
 * it and add to it (a second scenario, say). */
static bool one_json_value(const char *body, size_t len, natrisk_diag *diag)
{
	json_error_t error;
	char problem[JSON_ERROR_TEXT_LENGTH * 2];
	json_t *value = json_loadb(body, len, JSON_DECODE_ANY, &error);
	json_decref(value);
	if (!value)
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, "request",
		                 error.line > 0 ? error.line : 1,
		                 error.column > 0 ? error.column : 1,
		                 "not JSON: %s",
		                 json_problem(&error, problem, sizeof problem));
	return value != NULL;
}

int validate_text(sqlite3 *db, int64_t id, natrisk_classification clearance,
                  const char *head,
                  const char *body, size_t len, const char *tail,
                  natrisk_diag *diag, natrisk_assessment **out)
{
	return validate_text_inserted(db, id, clearance, head, body, len, tail,
	                              NULL, diag, out);
}

int validate_text_inserted(sqlite3 *db, int64_t id,
                           natrisk_classification clearance, const char *head,
                           const char *body, size_t len, const char *tail,
                           const body_insert *inserted, natrisk_diag *diag,
                           natrisk_assessment **out)
{
	*out = NULL;
	if (!one_json_value(body, len, diag))
		return error_set(NATRISK_EINVALID, "the request holds errors");
	char *edition_head = head_text(db, id, clearance);
	if (!edition_head)
		return error_set(NATRISK_ENOMEM, "out of memory");
	/* the edition's head without its closing brace, then the rest */
	edition_head[strlen(edition_head) - 1] = '\0';
	natrisk_membuf buffer = { 0 };
	FILE *text = natrisk_membuf_open(&buffer);
	if (!text) {
		free(edition_head);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	fprintf(text, "%s,\"scenarios\":[%s\n", edition_head, head);
	fwrite(body, 1, len, text);
	fprintf(text, "\n%s]}", tail);
	free(edition_head);
	if (natrisk_membuf_close(&buffer, text) != 0)
		return error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_diag *found = natrisk_diag_new();
	static const natrisk_load_options options = { true };
	int rc = natrisk_assessment_load_options(out, "request", buffer.data,
	                                         buffer.len, &options, found);
	move_diagnostics(found, diag, 1, inserted);
	natrisk_diag_free(found);
	free(buffer.data);
	if (rc == NATRISK_EINVALID)
		error_set(rc, "the request holds errors");
	return rc;
}

void object_name(char *out, size_t size, int64_t edition,
                 const char *scenario, const char *criterion)
{
	snprintf(out, size, "edition:%lld/scenario:%s%s%s",
	         (long long)edition, scenario, criterion ? "/" : "",
	         criterion ? criterion : "");
}

int classification_level(const char *name)
{
	natrisk_classification c = NATRISK_CONFIDENTIAL;
	natrisk_classification_parse(name, &c);
	return (int)c;
}

json_t *visible_themes(sqlite3 *db, int64_t edition,
                       natrisk_classification clearance)
{
	json_t *shown = json_array();
	sqlite3_stmt *stmt = db_prepare(db, "SELECT themes FROM assessments "
	                                    "WHERE id = ?");
	if (!stmt)
		return shown;
	sqlite3_bind_int64(stmt, 1, edition);
	json_t *all = sqlite3_step(stmt) == SQLITE_ROW
	                      ? json_loads((const char *)sqlite3_column_text(
		                                   stmt, 0), 0, NULL)
	                      : NULL;
	sqlite3_finalize(stmt);
	size_t k;
	json_t *theme;
	json_array_foreach(all, k, theme) {
		const char *level = json_string_value(
			json_object_get(theme, "classification"));
		if (classification_level(level) <= (int)clearance)
			json_array_append(shown, theme);
	}
	json_decref(all);
	return shown;
}

int audit_json_change(sqlite3 *db, const char *actor, const char *action,
                      const char *object, const json_t *before,
                      const json_t *after)
{
	size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY;
	char *old_text = json_dumps(before, flags);
	char *new_text = json_dumps(after, flags);
	int rc = old_text && new_text
	                 ? audit_append(db, actor, action, object, old_text,
	                                new_text)
	                 : error_set(NATRISK_ENOMEM, "out of memory");
	free(old_text);
	free(new_text);
	return rc;
}

char *body_with_member(const char *json, size_t len, const char *member,
                       bool empty, body_insert *inserted)
{
	const char *brace = memchr(json, '{', len);
	if (!brace)
		return NULL;
	size_t before = (size_t)(brace - json) + 1;
	size_t member_len = strlen(member) + (empty ? 0 : 1);
	char *text = malloc(len + member_len + 1);
	if (!text)
		return NULL;
	memcpy(text, json, before);
	memcpy(text + before, member, strlen(member));
	if (!empty)
		text[before + member_len - 1] = ',';
	memcpy(text + before + member_len, brace + 1, len - before);
	text[len + member_len] = '\0';
	/* the column after the brace, if it is on the body's first line */
	inserted->column = memchr(json, '\n', before) ? 0 : before;
	inserted->len = member_len;
	return text;
}
