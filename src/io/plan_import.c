/*
 * plan_import.c - "natrisk plan import-actions" (plan_import.h): the CSV
 * action register read with the RFC 4180 reader of smaa_csv_lex.h, each
 * row checked against the loaded plan (the action exists, the status is
 * one of the five, a changed status has a real date no earlier than the
 * action's last entry), then the new entries inserted into the plan's
 * text (plan_append.c), which must load again.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/plan_import.h>
#include <natrisk/progress_output.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "file.h"
#include "plan_import.h"
#include "smaa_csv_lex.h"
#include "ytree.h"

/* The columns import-actions reads; others are ignored. */
enum { COL_MEASURE, COL_ACTION, COL_STATUS, COL_SINCE, COL_NOTE, COLS };
static const char *const column_names[COLS] = { "measure", "action",
	                                        "status", "since", "note" };

/* An action's status before the import (BEFORE), and its status and
 * last date as the rows so far leave them. A row changes nothing when
 * it gives either status: the export writes an action once under each
 * adopted advice of its measure, and an edit of one copy must not be
 * undone by the other. */
typedef struct action_now {
	natrisk_action_status before, status;
	bool dated;
	natrisk_date date;
} action_now;

typedef struct importer {
	csv_lexer lx;
	const natrisk_plan *p;
	long column[COLS];   /* field index of each column, or -1 */
	size_t width;        /* fields in the header */
	action_now **now;    /* per measure, per action */
	action_update *updates;
	size_t count, capacity;
	bool ok;
} importer;

/* An error at LINE:COLUMN of the CSV, in the thread's language. */
static void csv_error(importer *im, int line, int column, const char *fmt,
                      ...) __attribute__((format(printf, 4, 5)));
static void csv_error(importer *im, int line, int column, const char *fmt,
                      ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	va_end(ap);
	natrisk_diag_add(im->lx.diag, NATRISK_SEVERITY_ERROR, im->lx.name,
	                 line, column, "%s", message);
	im->ok = false;
}

static bool read_header(importer *im)
{
	int rc = csv_next_record(&im->lx);
	if (rc <= 0) {
		if (rc == 0)
			csv_error(im, 1, 1, "empty file: expected the header %s",
			          natrisk_progress_csv_header());
		return false;
	}
	im->width = im->lx.count;
	for (int c = 0; c < COLS; c++) {
		im->column[c] = -1;
		for (size_t i = 0; i < im->lx.count; i++)
			if (strcmp(im->lx.fields[i].text, column_names[c]) == 0)
				im->column[c] = (long)i;
		if (im->column[c] < 0 && c != COL_NOTE)
			csv_error(im, 1, 1, "the header lacks the column '%s'",
			          column_names[c]);
	}
	return im->ok;
}

/* The state of every action before the rows: its last entry. */
static bool init_now(importer *im)
{
	size_t n = natrisk_plan_measure_count(im->p);
	im->now = calloc(n + 1, sizeof *im->now);
	for (size_t i = 0; im->now && i < n; i++) {
		const natrisk_measure *m = natrisk_plan_measure(im->p, i);
		im->now[i] = calloc(m->action_count + 1, sizeof **im->now);
		if (!im->now[i])
			return false;
		for (size_t j = 0; j < m->action_count; j++) {
			const natrisk_action *a = &m->actions[j];
			if (a->log_count == 0)
				continue;
			const natrisk_log_entry *e = &a->log[a->log_count - 1];
			im->now[i][j] = (action_now){ e->status, e->status, true,
			                              e->date };
		}
	}
	return im->now != NULL;
}

static const csv_field *field(const importer *im, int column)
{
	return &im->lx.fields[im->column[column]];
}

/* The action a row names; false after an error at the field. */
static bool find_action(importer *im, size_t *measure, size_t *action)
{
	const csv_field *mf = field(im, COL_MEASURE), *af = field(im, COL_ACTION);
	long m = natrisk_plan_find_measure(im->p, mf->text);
	if (m < 0) {
		csv_error(im, mf->line, mf->column, "unknown measure '%s'",
		          mf->text);
		return false;
	}
	const natrisk_measure *ms = natrisk_plan_measure(im->p, (size_t)m);
	for (size_t j = 0; j < ms->action_count; j++)
		if (strcmp(ms->actions[j].id, af->text) == 0) {
			*measure = (size_t)m;
			*action = j;
			return true;
		}
	csv_error(im, af->line, af->column, "measure '%s' has no action '%s'",
	          mf->text, af->text);
	return false;
}

static bool parse_status(importer *im, natrisk_action_status *out)
{
	const csv_field *f = field(im, COL_STATUS);
	for (int i = 0; i <= NATRISK_ACTION_DROPPED; i++)
		if (strcmp(f->text, natrisk_action_status_name(
			                    (natrisk_action_status)i)) == 0) {
			*out = (natrisk_action_status)i;
			return true;
		}
	csv_error(im, f->line, f->column, "an action's status must be planned, "
	          "on-track, late, done or dropped, not '%s'", f->text);
	return false;
}

/* The date of a changed status: required, real, not before NOW's. */
static bool parse_since(importer *im, const action_now *now,
                        natrisk_date *out)
{
	const csv_field *f = field(im, COL_SINCE);
	if (f->len == 0) {
		csv_error(im, f->line, f->column, "the status changes: 'since' "
		          "must give the date of the change (YYYY-MM-DD)");
		return false;
	}
	if (natrisk_date_parse(f->text, out) != 0) {
		csv_error(im, f->line, f->column, "since '%s' is not a real date "
		          "YYYY-MM-DD", f->text);
		return false;
	}
	if (now->dated && natrisk_date_compare(out, &now->date) < 0) {
		char last[16];
		csv_error(im, f->line, f->column, "since %s is before the "
		          "action's last entry (%s); entries are appended in "
		          "date order", f->text,
		          natrisk_date_format(&now->date, last));
		return false;
	}
	return true;
}

static bool add_update(importer *im, const action_update *u)
{
	if (im->count == im->capacity) {
		size_t capacity = im->capacity ? 2 * im->capacity : 16;
		action_update *grown =
			realloc(im->updates, capacity * sizeof *grown);
		if (!grown)
			return false;
		im->updates = grown;
		im->capacity = capacity;
	}
	im->updates[im->count++] = *u;
	return true;
}

/* Checks the current row and keeps its update; false when out of
 * memory. */
static bool take_row(importer *im)
{
	if (im->lx.count != im->width) {
		csv_error(im, im->lx.fields[0].line, 1, "this row has %zu fields, "
		          "the header %zu", im->lx.count, im->width);
		return true;
	}
	action_update u = { 0 };
	natrisk_action_status status;
	bool found = find_action(im, &u.measure, &u.action);
	if (!parse_status(im, &status) || !found)
		return true;
	action_now *now = &im->now[u.measure][u.action];
	if (status == now->before || status == now->status ||
	    !parse_since(im, now, &u.date))
		return true;
	u.status = status;
	if (im->column[COL_NOTE] >= 0 && field(im, COL_NOTE)->len > 0 &&
	    !(u.note = strdup(field(im, COL_NOTE)->text)))
		return false;
	now->status = status;
	now->dated = true;
	now->date = u.date;
	if (!add_update(im, &u)) {
		free(u.note);
		return false;
	}
	return true;
}

/* Reads every row; returns 0, NATRISK_EINVALID or NATRISK_ENOMEM. */
static int read_rows(importer *im)
{
	if (!init_now(im))
		return NATRISK_ENOMEM;
	if (!read_header(im))
		return im->lx.out_of_memory ? NATRISK_ENOMEM : NATRISK_EINVALID;
	int rc;
	while ((rc = csv_next_record(&im->lx)) > 0)
		if (!take_row(im))
			return NATRISK_ENOMEM;
	if (rc < 0 || im->lx.out_of_memory)
		return im->lx.out_of_memory ? NATRISK_ENOMEM : NATRISK_EINVALID;
	return im->ok ? NATRISK_OK : NATRISK_EINVALID;
}

static void importer_release(importer *im)
{
	for (size_t i = 0; im->now && i < natrisk_plan_measure_count(im->p); i++)
		free(im->now[i]);
	free(im->now);
	for (size_t i = 0; i < im->count; i++)
		free(im->updates[i].note);
	free(im->updates);
	csv_lexer_release(&im->lx);
}

/* The new text must load as a plan: a last check that the insertion
 * kept the file's meaning. */
static int check_result(const char *name, const char *text, size_t len,
                        const char *assessment, size_t assessment_len,
                        natrisk_diag *diag)
{
	natrisk_plan *p = NULL;
	int rc = natrisk_plan_load_on(&p, name, text, len, assessment,
	                              assessment_len, diag);
	natrisk_plan_free(p);
	return rc;
}

int natrisk_plan_import_actions(const char *plan_name, const char *plan,
                                size_t plan_len, const char *assessment,
                                size_t assessment_len, const char *csv_name,
                                const char *csv, size_t csv_len, char **out,
                                size_t *out_len, size_t *changed,
                                natrisk_diag *diag)
{
	*out = NULL;
	*out_len = *changed = 0;
	natrisk_plan *loaded = NULL;
	int rc = natrisk_plan_load_on(&loaded, plan_name, plan, plan_len,
	                              assessment, assessment_len, diag);
	if (rc != 0)
		return rc;
	if (utf8_check(csv_name, csv, csv_len, diag) != 0) {
		natrisk_plan_free(loaded);
		return NATRISK_EINVALID;
	}
	importer im = { .p = loaded, .ok = true };
	csv_lexer_init(&im.lx, csv_name, csv, csv_len, diag);
	rc = read_rows(&im);
	if (rc == 0)
		rc = plan_append_logs(plan_name, plan, plan_len, im.p,
		                      im.updates, im.count, out, out_len, diag);
	if (rc == 0 && (rc = check_result(plan_name, *out, *out_len, assessment,
	                                assessment_len, diag))) {
		free(*out);
		*out = NULL;
	}
	if (rc == 0)
		*changed = im.count;
	importer_release(&im);
	natrisk_plan_free(loaded);
	return rc;
}

int natrisk_plan_import_actions_file(const char *plan_path,
                                     const char *csv_path, size_t *changed,
                                     natrisk_diag *diag)
{
	char *plan = NULL, *csv = NULL, *text = NULL;
	size_t plan_len, csv_len, len;
	*changed = 0;
	int rc = file_read(plan_path, &plan, &plan_len);
	if (rc == 0)
		rc = file_read(csv_path, &csv, &csv_len);
	if (rc == 0)
		rc = natrisk_plan_import_actions(plan_path, plan, plan_len,
		                                 NULL, 0, csv_path, csv, csv_len, &text,
		                                 &len, changed, diag);
	if (rc == 0 && *changed > 0)
		rc = file_write_atomic(plan_path, text, len);
	if (rc != 0)
		*changed = 0;
	free(text);
	free(csv);
	free(plan);
	return rc;
}
