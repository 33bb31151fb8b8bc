/*
 * progress_output.c - the register of progress on adopted measures
 * (progress_output.h) as an 80-column table, the JSON document of
 * formats.md and the CSV action register.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/progress_output.h>

#include "../core/error.h"
#include "csv_write.h"

static json_t *date_json(const natrisk_date *d)
{
	char buf[16];
	return json_string(natrisk_date_format(d, buf));
}

static json_t *owners_json(const natrisk_plan *p, const size_t *owners,
                           size_t n)
{
	json_t *list = json_array();
	for (size_t k = 0; k < n; k++)
		json_array_append_new(list, json_string(
			natrisk_plan_organisation(p, owners[k])->id));
	return list;
}

static json_t *action_json(const natrisk_action *a, const natrisk_date *on)
{
	natrisk_action_state s;
	natrisk_action_state_on(a, on, &s);
	char due[16];
	return json_pack("{s:s, s:s, s:o, s:s, s:o, s:b}", "id", a->id, "due",
	                 natrisk_due_format(&a->due, due), "deadline",
	                 date_json(&s.deadline), "status",
	                 natrisk_action_status_name(s.status), "since",
	                 s.entry ? date_json(&s.entry->date) : json_null(),
	                 "overdue", s.overdue);
}

static json_t *measure_json(const natrisk_measure *m, const natrisk_date *on)
{
	json_t *actions = json_array();
	for (size_t j = 0; j < m->action_count; j++)
		json_array_append_new(actions, action_json(&m->actions[j], on));
	return json_pack("{s:s, s:o}", "id", m->id, "actions", actions);
}

static json_t *advice_json(const natrisk_plan *p, const natrisk_advice *adv,
                           const natrisk_date *on)
{
	json_t *measures = json_array();
	for (size_t k = 0; k < adv->measure_count; k++)
		json_array_append_new(measures, measure_json(
			natrisk_plan_measure(p, adv->measures[k]), on));
	return json_pack("{s:s, s:s, s:o, s:o}", "id", adv->id, "decision",
	                 natrisk_decision_name(adv->decision), "owners",
	                 owners_json(p, adv->owners, adv->owner_count),
	                 "measures", measures);
}

static json_t *owner_counts_json(const natrisk_progress *pr)
{
	json_t *owners = json_object();
	for (size_t i = 0; i < natrisk_progress_owner_count(pr); i++) {
		const natrisk_progress_owner *o = natrisk_progress_owner_at(pr, i);
		json_object_set_new(
			owners,
			natrisk_plan_organisation(natrisk_progress_plan(pr),
			                          o->organisation)->id,
			json_pack("{s:I, s:I, s:I}", "actions",
			          (json_int_t)o->actions, "done",
			          (json_int_t)o->done, "overdue",
			          (json_int_t)o->overdue));
	}
	return owners;
}

/* The log entries after the register's since, row by row. */
static json_t *changes_json(const natrisk_progress *pr)
{
	const natrisk_plan *p = natrisk_progress_plan(pr);
	json_t *list = json_array();
	for (size_t i = 0; i < natrisk_progress_row_count(pr); i++) {
		const natrisk_progress_row *r = natrisk_progress_row_at(pr, i);
		const natrisk_measure *m = natrisk_plan_measure(p, r->measure);
		const natrisk_action *a = &m->actions[r->action];
		natrisk_action_status from = r->before;
		for (size_t k = 0; k < r->changed_count; k++) {
			const natrisk_log_entry *e = &a->log[r->changed_first + k];
			json_array_append_new(list, json_pack(
				"{s:s, s:s, s:s, s:o, s:s, s:s, s:o}", "advice",
				natrisk_plan_advice(p, r->advice)->id, "measure",
				m->id, "action", a->id, "date",
				date_json(&e->date), "from",
				natrisk_action_status_name(from), "status",
				natrisk_action_status_name(e->status), "note",
				e->note ? json_string(e->note) : json_null()));
			from = e->status;
		}
	}
	return list;
}

char *natrisk_progress_json(const natrisk_progress *pr, bool changes)
{
	const natrisk_plan *p = natrisk_progress_plan(pr);
	natrisk_date on = natrisk_progress_on(pr);
	json_t *advice = json_array();
	for (size_t i = 0; i < natrisk_plan_advice_count(p); i++) {
		const natrisk_advice *adv = natrisk_plan_advice(p, i);
		if (adv->decision == NATRISK_DECISION_ADOPTED)
			json_array_append_new(advice, advice_json(p, adv, &on));
	}
	json_t *root = json_pack("{s:o, s:o, s:o}", "on", date_json(&on),
	                         "advice", advice, "owners",
	                         owner_counts_json(pr));
	if (root && changes) {
		natrisk_date since = natrisk_progress_since(pr);
		json_object_set_new(root, "since", date_json(&since));
		json_object_set_new(root, "changed", changes_json(pr));
	}
	char *text = root ? json_dumps(root, JSON_INDENT(2) |
	                                             JSON_PRESERVE_ORDER)
	                  : NULL;
	json_decref(root);
	return text;
}

const char *natrisk_progress_csv_header(void)
{
	return "advice,measure,action,what,owners,due,deadline,status,since,"
	       "overdue,note";
}

static void write_csv_row(FILE *out, const natrisk_plan *p,
                          const natrisk_progress_row *r)
{
	const natrisk_measure *m = natrisk_plan_measure(p, r->measure);
	const natrisk_action *a = &m->actions[r->action];
	char due[16], deadline[16], since[16] = "";
	fprintf(out, "%s,%s,%s,", natrisk_plan_advice(p, r->advice)->id, m->id,
	        a->id);
	csv_field(out, "", a->what);
	/* ids are [a-z0-9-]+: the list never needs quotes */
	fputc(',', out);
	for (size_t k = 0; k < m->owner_count; k++)
		fprintf(out, "%s%s", k ? " " : "",
		        natrisk_plan_organisation(p, m->owners[k])->id);
	if (r->state.entry)
		natrisk_date_format(&r->state.entry->date, since);
	fprintf(out, ",%s,%s,%s,%s,%s,", natrisk_due_format(&a->due, due),
	        natrisk_date_format(&r->state.deadline, deadline),
	        natrisk_action_status_name(r->state.status), since,
	        r->state.overdue ? "true" : "false");
	csv_field(out, "", r->state.entry ? r->state.entry->note : NULL);
	fputs("\r\n", out);
}

static void write_csv(FILE *out, const natrisk_progress *pr)
{
	fprintf(out, "%s\r\n", natrisk_progress_csv_header());
	for (size_t i = 0; i < natrisk_progress_row_count(pr); i++)
		write_csv_row(out, natrisk_progress_plan(pr),
		              natrisk_progress_row_at(pr, i));
}

static const char *tr(natrisk_lang lang, const char *en, const char *nl)
{
	return lang == NATRISK_LANG_NL ? nl : en;
}

static void write_table_rows(FILE *out, const natrisk_progress *pr,
                             natrisk_lang lang)
{
	const natrisk_plan *p = natrisk_progress_plan(pr);
	fprintf(out, "%-32s %-10s %-10s %-10s %s\n",
	        tr(lang, "Advice / measure / action", "Advies / maatregel / actie"),
	        tr(lang, "Due", "Termijn"), tr(lang, "Status", "Status"),
	        tr(lang, "Since", "Sinds"), tr(lang, "Overdue", "Te laat"));
	size_t advice = (size_t)-1, measure = (size_t)-1;
	for (size_t i = 0; i < natrisk_progress_row_count(pr); i++) {
		const natrisk_progress_row *r = natrisk_progress_row_at(pr, i);
		const natrisk_measure *m = natrisk_plan_measure(p, r->measure);
		const natrisk_action *a = &m->actions[r->action];
		if (r->advice != advice)
			fprintf(out, "%s\n", natrisk_plan_advice(p, r->advice)->id);
		if (r->advice != advice || r->measure != measure)
			fprintf(out, "  %s\n", m->id);
		advice = r->advice;
		measure = r->measure;
		char due[16], since[16] = "-";
		if (r->state.entry)
			natrisk_date_format(&r->state.entry->date, since);
		fprintf(out, "    %-28.28s %-10s %-10s %-10s %s\n", a->id,
		        natrisk_due_format(&a->due, due),
		        natrisk_action_status_name(r->state.status), since,
		        r->state.overdue ? tr(lang, "OVERDUE", "TE LAAT") : "");
	}
}

static void write_owner_rows(FILE *out, const natrisk_progress *pr,
                             natrisk_lang lang)
{
	fprintf(out, "\n%-32s %7s %7s %7s\n", tr(lang, "Owner", "Eerstverantwoordelijke"),
	        tr(lang, "Actions", "Acties"), tr(lang, "Done", "Gereed"),
	        tr(lang, "Overdue", "Te laat"));
	for (size_t i = 0; i < natrisk_progress_owner_count(pr); i++) {
		const natrisk_progress_owner *o = natrisk_progress_owner_at(pr, i);
		fprintf(out, "%-32s %7zu %7zu %7zu\n",
		        natrisk_plan_organisation(natrisk_progress_plan(pr),
		                                  o->organisation)->id,
		        o->actions, o->done, o->overdue);
	}
}

static void write_changes(FILE *out, const natrisk_progress *pr,
                          natrisk_lang lang)
{
	const natrisk_plan *p = natrisk_progress_plan(pr);
	char since[16];
	natrisk_date d = natrisk_progress_since(pr);
	fprintf(out, "\n%s %s:\n", tr(lang, "Changed after", "Gewijzigd na"),
	        natrisk_date_format(&d, since));
	for (size_t i = 0; i < natrisk_progress_row_count(pr); i++) {
		const natrisk_progress_row *r = natrisk_progress_row_at(pr, i);
		const natrisk_measure *m = natrisk_plan_measure(p, r->measure);
		const natrisk_action *a = &m->actions[r->action];
		for (size_t k = 0; k < r->changed_count; k++) {
			const natrisk_log_entry *e = &a->log[r->changed_first + k];
			char date[16];
			fprintf(out, "  %s %s/%s: %s%s%s\n",
			        natrisk_date_format(&e->date, date), m->id, a->id,
			        natrisk_action_status_name(e->status),
			        e->note ? " - " : "", e->note ? e->note : "");
		}
	}
}

static void write_table(FILE *out, const natrisk_progress *pr,
                        natrisk_lang lang, bool changes)
{
	char on[16];
	natrisk_date d = natrisk_progress_on(pr);
	fprintf(out, "%s\n%s %s\n\n", natrisk_plan_title(natrisk_progress_plan(pr)),
	        tr(lang, "Progress on", "Voortgang op"),
	        natrisk_date_format(&d, on));
	write_table_rows(out, pr, lang);
	write_owner_rows(out, pr, lang);
	if (changes)
		write_changes(out, pr, lang);
}

int natrisk_progress_write(const natrisk_progress *pr, natrisk_format format,
                           natrisk_lang lang, bool changes, FILE *out)
{
	switch (format) {
	case NATRISK_FORMAT_JSON: {
		char *text = natrisk_progress_json(pr, changes);
		if (!text)
			return error_set(NATRISK_ENOMEM, "out of memory");
		fprintf(out, "%s\n", text);
		free(text);
		break;
	}
	case NATRISK_FORMAT_CSV:
		write_csv(out, pr);
		break;
	default:
		write_table(out, pr, lang, changes);
	}
	return ferror(out) ? error_set(NATRISK_EIO, "cannot write the output")
	                   : NATRISK_OK;
}
