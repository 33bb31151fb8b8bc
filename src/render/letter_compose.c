/*
 * letter_compose.c - what the progress letter says (letter.h), in
 * English or Dutch: the risk picture, the counts per owner, everything
 * overdue, then per adopted advice its owners, its measures with their
 * actions' status, what changed since the last letter, what is overdue
 * and what is next.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "letter.h"

typedef struct composer {
	const natrisk_progress *pr;
	const natrisk_plan *p;
	natrisk_lang lang;
	const letter_sink *s;
	char since[16], on[16];
	bool failed;
} composer;

static const char *tr(const composer *c, const char *en, const char *nl)
{
	return c->lang == NATRISK_LANG_NL ? nl : en;
}

static const char *status_text(const composer *c, natrisk_action_status st)
{
	static const char *const en[] = { "planned", "on track", "late",
		                          "done", "dropped" };
	static const char *const nl[] = { "gepland", "op schema",
		                          "vertraagd", "gereed", "vervallen" };
	return (unsigned)st < 5 ? tr(c, en[st], nl[st]) : "?";
}

/* The texts up to a NULL joined (malloc'd) for a sink; NULL when out of
 * memory, which the composer remembers. */
static char *cat(composer *c, ...)
{
	va_list ap;
	size_t size = 1;
	va_start(ap, c);
	for (const char *part; (part = va_arg(ap, const char *));)
		size += strlen(part);
	va_end(ap);
	char *out = malloc(size);
	if (!out) {
		c->failed = true;
		return NULL;
	}
	out[0] = '\0';
	va_start(ap, c);
	for (const char *part; (part = va_arg(ap, const char *));)
		strcat(out, part);
	va_end(ap);
	return out;
}

static void paragraph(composer *c, char *owned)
{
	if (owned)
		c->s->paragraph(c->s->ctx, owned);
	free(owned);
}

static void list_item(composer *c, char *owned)
{
	if (owned)
		c->s->list_item(c->s->ctx, owned);
	free(owned);
}

/* The titles of the organisations in LIST, joined with commas. */
static char *owner_titles(composer *c, const size_t *list, size_t n)
{
	size_t size = 1;
	for (size_t k = 0; k < n; k++)
		size += strlen(natrisk_plan_organisation(c->p, list[k])->title) + 2;
	char *out = calloc(size, 1);
	if (!out) {
		c->failed = true;
		return NULL;
	}
	for (size_t k = 0; k < n; k++) {
		if (k)
			strcat(out, ", ");
		strcat(out, natrisk_plan_organisation(c->p, list[k])->title);
	}
	return out;
}

static const natrisk_action *row_action(const composer *c,
                                        const natrisk_progress_row *r)
{
	return &natrisk_plan_measure(c->p, r->measure)->actions[r->action];
}

/* "What (measure): deadline D, status S" for lists. */
static char *action_line(composer *c, const natrisk_progress_row *r)
{
	const natrisk_measure *m = natrisk_plan_measure(c->p, r->measure);
	char deadline[16];
	return cat(c, row_action(c, r)->what, " (", m->title, ") ",
	           tr(c, "- deadline", "- termijn"), " ",
	           natrisk_date_format(&r->state.deadline, deadline), ", ",
	           status_text(c, r->state.status), NULL);
}

static void risk_picture(composer *c)
{
	const natrisk_assessment *a = natrisk_plan_assessment(c->p);
	c->s->heading(c->s->ctx, 2, tr(c, "The current risk picture",
	                               "Het huidige risicobeeld"));
	char *caption = cat(c, tr(c, "Risk diagram of ", "Risicodiagram van "),
	                    natrisk_assessment_title(a),
	                    tr(c, ": every scenario by likelihood and impact.",
	                       ": elk scenario naar waarschijnlijkheid en "
	                       "impact."), NULL);
	if (caption)
		c->s->diagram(c->s->ctx, caption);
	free(caption);
}

static void owner_table(composer *c)
{
	const char *header[] = { tr(c, "First responsible",
		                    "Eerstverantwoordelijke"),
		                 tr(c, "Actions", "Acties"),
		                 tr(c, "Done", "Gereed"),
		                 tr(c, "Overdue", "Over de termijn") };
	c->s->heading(c->s->ctx, 2, tr(c, "Progress per ministry",
	                               "Voortgang per eerstverantwoordelijke"));
	c->s->table_begin(c->s->ctx, header, 4);
	for (size_t i = 0; i < natrisk_progress_owner_count(c->pr); i++) {
		const natrisk_progress_owner *o =
			natrisk_progress_owner_at(c->pr, i);
		char n[3][24];
		snprintf(n[0], sizeof n[0], "%zu", o->actions);
		snprintf(n[1], sizeof n[1], "%zu", o->done);
		snprintf(n[2], sizeof n[2], "%zu", o->overdue);
		const char *cells[] = {
			natrisk_plan_organisation(c->p, o->organisation)->title,
			n[0], n[1], n[2]
		};
		c->s->table_row(c->s->ctx, cells, 4);
	}
	c->s->table_end(c->s->ctx);
}

/* Whether row I is of the same action as an earlier row (a measure
 * of two adopted advices). */
static bool repeated(const composer *c, size_t i)
{
	const natrisk_progress_row *r = natrisk_progress_row_at(c->pr, i);
	for (size_t k = 0; k < i; k++) {
		const natrisk_progress_row *e = natrisk_progress_row_at(c->pr, k);
		if (e->measure == r->measure && e->action == r->action)
			return true;
	}
	return false;
}

/* The rows of advice ADVICE (SIZE_MAX: all) that PICK selects, as a
 * list, or the paragraph NONE when there are none. */
static void row_list(composer *c, size_t advice,
                     bool (*pick)(const natrisk_progress_row *r),
                     const char *none)
{
	bool any = false;
	for (size_t i = 0; i < natrisk_progress_row_count(c->pr); i++) {
		const natrisk_progress_row *r = natrisk_progress_row_at(c->pr, i);
		if (advice == (size_t)-1 ? repeated(c, i) : r->advice != advice)
			continue;
		if (!pick(r))
			continue;
		if (!any)
			c->s->list_begin(c->s->ctx);
		any = true;
		list_item(c, action_line(c, r));
	}
	if (any)
		c->s->list_end(c->s->ctx);
	else
		c->s->paragraph(c->s->ctx, none);
}

static bool is_overdue(const natrisk_progress_row *r)
{
	return r->state.overdue;
}

static bool is_next(const natrisk_progress_row *r)
{
	return !r->state.overdue && r->state.status != NATRISK_ACTION_DONE &&
	       r->state.status != NATRISK_ACTION_DROPPED;
}

static void action_table(composer *c, const natrisk_measure *m)
{
	const char *header[] = { tr(c, "Action", "Actie"),
		                 tr(c, "Due", "Termijn"),
		                 tr(c, "Status", "Status"),
		                 tr(c, "Since", "Sinds"),
		                 tr(c, "Overdue", "Over de termijn") };
	natrisk_date on = natrisk_progress_on(c->pr);
	c->s->table_begin(c->s->ctx, header, 5);
	for (size_t j = 0; j < m->action_count; j++) {
		natrisk_action_state st;
		natrisk_action_state_on(&m->actions[j], &on, &st);
		char due[16], since[16] = "-";
		if (st.entry)
			natrisk_date_format(&st.entry->date, since);
		const char *cells[] = {
			m->actions[j].what, natrisk_due_format(&m->actions[j].due, due),
			status_text(c, st.status), since,
			st.overdue ? tr(c, "yes", "ja") : tr(c, "no", "nee")
		};
		c->s->table_row(c->s->ctx, cells, 5);
	}
	c->s->table_end(c->s->ctx);
}

static void measures(composer *c, const natrisk_advice *adv)
{
	for (size_t k = 0; k < adv->measure_count; k++) {
		const natrisk_measure *m =
			natrisk_plan_measure(c->p, adv->measures[k]);
		c->s->heading(c->s->ctx, 3, m->title);
		char *owners = owner_titles(c, m->owners, m->owner_count);
		if (owners)
			paragraph(c, cat(c, tr(c, "First responsible: ",
			                          "Eerstverantwoordelijk: "),
			                 owners, NULL));
		free(owners);
		if (m->action_count)
			action_table(c, m);
		else
			c->s->paragraph(c->s->ctx, tr(c, "No actions registered.",
			                              "Geen acties vastgelegd."));
	}
}

/* The log entries of advice ADVICE after since, as a list. */
static void changes(composer *c, size_t advice)
{
	bool any = false;
	for (size_t i = 0; i < natrisk_progress_row_count(c->pr); i++) {
		const natrisk_progress_row *r = natrisk_progress_row_at(c->pr, i);
		if (r->advice != advice)
			continue;
		const natrisk_action *a = row_action(c, r);
		for (size_t k = 0; k < r->changed_count; k++) {
			const natrisk_log_entry *e = &a->log[r->changed_first + k];
			char date[16];
			if (!any)
				c->s->list_begin(c->s->ctx);
			any = true;
			list_item(c, cat(c, natrisk_date_format(&e->date, date),
			                 ": ", a->what, " ",
			                 status_text(c, e->status),
			                 e->note ? " - " : "",
			                 e->note ? e->note : "", NULL));
		}
	}
	if (any)
		c->s->list_end(c->s->ctx);
	else
		c->s->paragraph(c->s->ctx, tr(c, "No changes.",
		                              "Geen wijzigingen."));
}

static void advice_section(composer *c, size_t i)
{
	const natrisk_advice *adv = natrisk_plan_advice(c->p, i);
	c->s->heading(c->s->ctx, 2, adv->title);
	char *owners = owner_titles(c, adv->owners, adv->owner_count);
	if (owners)
		paragraph(c, cat(c, tr(c, "First responsible: ",
		                          "Eerstverantwoordelijk: "),
		                 owners, NULL));
	free(owners);
	measures(c, adv);
	char *h = cat(c, tr(c, "Changed since ", "Gewijzigd sinds "), c->since,
	              NULL);
	if (h)
		c->s->heading(c->s->ctx, 3, h);
	free(h);
	changes(c, i);
	c->s->heading(c->s->ctx, 3, tr(c, "Overdue", "Over de termijn"));
	row_list(c, i, is_overdue, tr(c, "Nothing is overdue.",
	                              "Niets is over de termijn."));
	c->s->heading(c->s->ctx, 3, tr(c, "Next", "Wat volgt"));
	row_list(c, i, is_next, tr(c, "No open actions.",
	                           "Geen openstaande acties."));
}

bool letter_compose(const natrisk_progress *pr, natrisk_lang lang,
                    const letter_sink *sink)
{
	composer c = { pr, natrisk_progress_plan(pr), lang, sink, "", "",
		       false };
	natrisk_date on = natrisk_progress_on(pr), since = natrisk_progress_since(pr);
	natrisk_date_format(&on, c.on);
	natrisk_date_format(&since, c.since);
	sink->heading(sink->ctx, 1, tr(&c, "Progress on the adopted advice",
	                               "Voortgang van de overgenomen adviezen"));
	paragraph(&c, cat(&c, natrisk_plan_title(c.p),
	                  tr(&c, ". The situation on ", ". De stand op "), c.on,
	                  tr(&c, "; changes after ", "; wijzigingen na "),
	                  c.since, ".", NULL));
	risk_picture(&c);
	owner_table(&c);
	sink->heading(sink->ctx, 2, tr(&c, "Overdue actions",
	                               "Acties over de termijn"));
	row_list(&c, (size_t)-1, is_overdue, tr(&c, "Nothing is overdue.",
	                                        "Niets is over de termijn."));
	for (size_t i = 0; i < natrisk_plan_advice_count(c.p); i++)
		if (natrisk_plan_advice(c.p, i)->decision ==
		    NATRISK_DECISION_ADOPTED)
			advice_section(&c, i);
	return !c.failed;
}
