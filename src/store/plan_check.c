/*
 * plan_check.c - every plan item the store takes is checked by the plan
 * loader, as a plan file is: the item goes into the plan its writer may
 * see, at its place, against the edition's scenarios at the writer's
 * clearance, and the loader's errors come back located within the
 * request's body (the body starts the text's second line, as a score's
 * does in validate_text()).
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/membuf.h>

#include "../core/error.h"
#include "db.h"
#include "plan_check.h"

int plan_load_text(sqlite3 *db, int64_t edition,
                   natrisk_classification clearance, const char *text,
                   size_t len, natrisk_diag *diag, natrisk_plan **out)
{
	*out = NULL;
	char *assessment;
	size_t assessment_len;
	int rc = edition_export_text(db, edition, clearance, &assessment,
	                             &assessment_len);
	if (rc != 0)
		return rc;
	rc = natrisk_plan_load_on(out, "request", text, len, assessment,
	                          assessment_len, diag);
	free(assessment);
	return rc;
}

/* DIAG's errors into OUT, in the body's lines: line 2 of the text is the
 * body's first; what lies outside the body is put at its start. */
static void move_errors(const natrisk_diag *diag, natrisk_diag *out,
                        int body_lines, const body_insert *inserted)
{
	for (size_t k = 0; k < natrisk_diag_count(diag); k++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, k);
		if (d->severity != NATRISK_SEVERITY_ERROR)
			continue;
		bool inside = d->line >= 2 && d->line <= body_lines + 1;
		int line = inside ? d->line - 1 : 1;
		int column = inside ? d->column : 1;
		size_t at = inserted ? inserted->column : 0;
		if (inside && line == 1 && at && (size_t)column > at)
			column = (size_t)column > at + inserted->len
			                 ? column - (int)inserted->len
			                 : (int)at;
		natrisk_diag_add(out, d->severity, "request", line, column,
		                 "%s", d->message);
	}
}

static int count_lines(const char *text, size_t len)
{
	int lines = 1;
	for (size_t k = 0; k < len; k++)
		lines += text[k] == '\n';
	return lines;
}

/* The plan's text with the item in it: the document's head up to the
 * placeholder, PREFIX, a line break, BODY, a line break, SUFFIX and the
 * document's tail. */
static char *compose(const json_t *doc, const plan_piece *piece, size_t *len)
{
	char *dump = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                     JSON_REAL_PRECISION(17));
	char *place = dump ? strstr(dump, PLAN_PLACEHOLDER) : NULL;
	if (!place) {
		free(dump);
		return NULL;
	}
	*place = '\0';
	const char *tail = place + strlen(PLAN_PLACEHOLDER);
	natrisk_membuf buffer = { 0 };
	FILE *out = natrisk_membuf_open(&buffer);
	if (out) {
		fprintf(out, "%s%s\n", dump, piece->prefix);
		fwrite(piece->body, 1, piece->len, out);
		fprintf(out, "\n%s%s", piece->suffix, tail);
	}
	free(dump);
	if (!out || natrisk_membuf_close(&buffer, out) != 0) {
		free(buffer.data);
		return NULL;
	}
	*len = buffer.len;
	return buffer.data;
}

int plan_check_item(sqlite3 *db, const plan_rows *rows,
                    natrisk_classification clearance,
                    const plan_item_row *replaced, natrisk_plan_kind kind,
                    const plan_piece *piece, natrisk_diag *diag)
{
	size_t position = 0;
	for (size_t k = 0; k < rows->count; k++) {
		const plan_item_row *item = &rows->items[k];
		if (item == replaced)
			break;
		position += item->kind == kind && !item->hidden;
	}
	natrisk_plan_reader reader = { clearance, NULL };
	json_t *doc = plan_rows_document(db, rows, &reader, replaced, kind,
	                                 position, true);
	size_t len = 0;
	char *text = doc ? compose(doc, piece, &len) : NULL;
	json_decref(doc);
	if (!text)
		return error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_diag *found = natrisk_diag_new();
	natrisk_plan *p = NULL;
	int rc = found ? plan_load_text(db, rows->edition, clearance, text, len,
	                                found, &p)
	               : error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == NATRISK_EINVALID) {
		move_errors(found, diag, count_lines(piece->body, piece->len),
		            piece->inserted);
		error_set(rc, "the request holds errors");
	}
	natrisk_plan_free(p);
	natrisk_diag_free(found);
	free(text);
	return rc;
}
