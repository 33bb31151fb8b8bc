/*
 * report_plan.c - the report's capability analysis (method.md section 6),
 * with a plan: the chain chart (report_plan_chain.c), the advice to the
 * cabinet with the ministries first responsible and its decision, the
 * measures with their owners, cost and expected effect, and the residual
 * risk diagram of the chosen set of measures.
 *
 * The plan's scenarios are found in the report's assessment by id (it
 * may be another file than the plan's own, with the same method): a
 * scenario the plan names that the assessment lacks is an error, not a
 * silent gap. A measure's expected effect is that of the measure alone:
 * the scores it would change (residual.h's rule) and the risk value of
 * each scenario it touches before and with it; the residual diagram is
 * that of the whole chosen set.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/capabilities.h>
#include <natrisk/diagram.h>
#include <natrisk/plan.h>
#include <natrisk/residual.h>

#include "../core/error.h"
#include "fmt.h"
#include "report_parts.h"

#define TIMES "\xC3\x97"

void report_plan_nav(const report *rp)
{
	if (rp->plan)
		fmt_print(rp->out, "<li><a href=\"#capabilities\">%s</a></li>\n",
		          TR(rp, "Capability analysis", "Capaciteitenanalyse"));
}

void report_plan_css(const report *rp)
{
	if (!rp->plan)
		return;
	report_plan_chain_css(rp->out);
	/* on a phone the wide tables scroll sideways, the page does not */
	fputs("@media screen and (max-width:40rem){table.chain,table.advice,"
	      "table.measures,table.residual{display:block;overflow-x:auto}}\n"
	      "ul.owners,ul.plain{margin:0;padding-left:1rem}\n"
	      "td p.effect{margin:0 0 .3rem}\n"
	      "@media print{#capabilities{break-before:page;"
	      "page-break-before:always}}\n", rp->out);
	report_plan_portfolio_css(rp);
}

/* MAP[k]: the index in RP's assessment of the plan's scenario K. */
static int map_scenarios(const report *rp, size_t **map)
{
	const natrisk_assessment *own = natrisk_plan_assessment(rp->plan);
	size_t n = natrisk_assessment_scenario_count(own);
	*map = calloc(n + 1, sizeof **map);
	if (!*map)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t k = 0; k < n; k++) {
		const char *id = natrisk_assessment_scenario(own, k)->id;
		long i = natrisk_assessment_find_scenario(rp->a, id);
		if (i < 0)
			return error_set(NATRISK_EINVALID, "the plan %s names "
			                 "scenario '%s', which %s lacks",
			                 natrisk_plan_path(rp->plan), id,
			                 natrisk_assessment_path(rp->a));
		(*map)[k] = (size_t)i;
	}
	return NATRISK_OK;
}

static void organisation_list(const report *rp, const size_t *owners,
                              size_t count)
{
	FILE *out = rp->out;
	fputs("<ul class=\"owners\">", out);
	for (size_t k = 0; k < count; k++) {
		const natrisk_organisation *o =
			natrisk_plan_organisation(rp->plan, owners[k]);
		fputs("<li data-organisation=\"", out);
		html_text(out, o->id);
		fputs("\">", out);
		html_text(out, o->title);
		fputs("</li>", out);
	}
	fputs("</ul>", out);
}

static void title_and_id(const report *rp, const char *title, const char *id)
{
	html_text(rp->out, title);
	fputs("<br><code>", rp->out);
	html_text(rp->out, id);
	fputs("</code>", rp->out);
}

/* ---- advice ------------------------------------------------------------ */

static const char *decision_name(const report *rp, natrisk_decision d)
{
	return d == NATRISK_DECISION_ADOPTED ? TR(rp, "adopted", "aangenomen")
	       : d == NATRISK_DECISION_REJECTED ? TR(rp, "rejected", "verworpen")
	       : TR(rp, "pending", "nog niet besloten");
}

static void advice_row(const report *rp, const natrisk_advice *a)
{
	FILE *out = rp->out;
	fputs("<tr data-advice=\"", out);
	html_text(out, a->id);
	fputs("\"><th scope=row>", out);
	title_and_id(rp, a->title, a->id);
	fputs("</th><td>", out);
	organisation_list(rp, a->owners, a->owner_count);
	fputs("</td><td><ul class=\"plain\">", out);
	for (size_t k = 0; k < a->measure_count; k++) {
		const natrisk_measure *m =
			natrisk_plan_measure(rp->plan, a->measures[k]);
		fputs("<li><a href=\"#measure-", out);
		html_text(out, m->id);
		fputs("\">", out);
		html_text(out, m->title);
		fputs("</a></li>", out);
	}
	fmt_print(out, "</ul></td><td data-decision=\"%s\">%s",
	          natrisk_decision_name(a->decision),
	          decision_name(rp, a->decision));
	if (a->decision_dated)
		fmt_print(out, " (%04d-%02d-%02d)", a->decision_date.year,
		          a->decision_date.month, a->decision_date.day);
	fputs("</td></tr>\n", out);
}

static void write_advice(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<section id=\"advice\" aria-labelledby=\"advice-h\">\n"
	          "<h3 id=\"advice-h\">%s</h3>\n<table class=\"advice\">\n"
	          "<caption>%s</caption>\n<thead><tr><th scope=col>%s</th>"
	          "<th scope=col>%s</th><th scope=col>%s</th>"
	          "<th scope=col>%s</th></tr></thead>\n<tbody>\n",
	          TR(rp, "Advice to the cabinet", "Adviezen aan het kabinet"),
	          TR(rp, "Each advice with the ministries first responsible, "
	             "its measures and the cabinet's decision.",
	             "Elk advies met de eerstverantwoordelijke ministeries, "
	             "de maatregelen en het besluit van het kabinet."),
	          TR(rp, "Advice", "Advies"),
	          TR(rp, "First responsible", "Eerstverantwoordelijk"),
	          TR(rp, "Measures", "Maatregelen"),
	          TR(rp, "Cabinet's decision", "Besluit van het kabinet"));
	for (size_t k = 0; k < natrisk_plan_advice_count(rp->plan); k++)
		advice_row(rp, natrisk_plan_advice(rp->plan, k));
	fputs("</tbody>\n</table>\n</section>\n", out);
}

/* ---- measures ---------------------------------------------------------- */

/* What the measures' table needs: the plan's effects on RP's
 * assessment, and a residual handle to put each measure in place. */
typedef struct effects_view {
	const size_t *map;
	natrisk_residual *residual;
	natrisk_effect *effects; /* one measure's, remapped */
} effects_view;

static void cost_cell(const report *rp, const natrisk_measure *m)
{
	FILE *out = rp->out;
	fputs("<td class=\"num\">", out);
	html_quantity(out, m->cost_once, rp->lang);
	fmt_print(out, " %s<br>", TR(rp, "once", "eenmalig"));
	html_quantity(out, m->cost_yearly, rp->lang);
	fmt_print(out, " %s</td>", TR(rp, "a year", "per jaar"));
}

/* "2.1 Title: D → B" or "likelihood: D (C–E) → B", for effect E
 * (remapped): EV classes, with LL–UL where they differ. */
static void score_change(const report *rp, const natrisk_effect *e)
{
	FILE *out = rp->out;
	const natrisk_scenario *s = natrisk_assessment_scenario(rp->a, e->scenario);
	const natrisk_score *now = &s->likelihood;
	if (e->criterion == NATRISK_EFFECT_LIKELIHOOD) {
		fputs(TR(rp, "likelihood", "waarschijnlijkheid"), out);
	} else {
		const natrisk_criterion *c =
			natrisk_method_criterion(rp->m, (size_t)e->criterion);
		now = &s->impact[e->criterion];
		html_text(out, c->id);
		fputc(' ', out);
		html_ltext(out, &c->name, rp->lang);
	}
	/* with LL-UL: a score may change in its range alone */
	fputs(": ", out);
	report_likelihood_cell(rp, now);
	fputs(ARROW, out);
	report_likelihood_cell(rp, &e->score);
}

/* One scenario the measure touches: the scores it changes and the risk
 * value before and with it. EFFECTS[0..COUNT) are the measure's. */
static void scenario_effect(const report *rp, const effects_view *v,
                            size_t count, size_t i)
{
	FILE *out = rp->out;
	const natrisk_scenario *s = natrisk_assessment_scenario(rp->a, i);
	double before = natrisk_results_risk_value(rp->r, i);
	double after = natrisk_residual_risk_value(v->residual, i);
	fputs("<p class=\"effect\" data-scenario=\"", out);
	html_text(out, s->id);
	fprintf(out, "\" data-risk-before=\"%.10g\" data-risk-after=\"%.10g\">",
	        before, after);
	report_scenario_link(rp, s);
	fputs(": ", out);
	size_t changed = 0;
	for (size_t k = 0; k < count; k++) {
		const natrisk_effect *e = &v->effects[k];
		if (e->scenario != i || !natrisk_effect_changes(rp->a, e))
			continue;
		fputs(changed++ ? "; " : "", out);
		score_change(rp, e);
	}
	if (!changed)
		fputs(TR(rp, "no score changes", "geen score verandert"), out);
	fmt_print(out, ". %s ", TR(rp, "Risk value", "Risicowaarde"));
	html_quantity(out, before, rp->lang);
	fputs(ARROW, out);
	html_quantity(out, after, rp->lang);
	fputs(".</p>", out);
}

/* The effect cell of measure M: each scenario it touches, once. */
static int effect_cell(const report *rp, effects_view *v,
                       const natrisk_measure *m)
{
	FILE *out = rp->out;
	fputs("<td>", out);
	for (size_t k = 0; k < m->effect_count; k++) {
		v->effects[k] = m->effects[k];
		v->effects[k].scenario = v->map[m->effects[k].scenario];
	}
	int rc = natrisk_residual_apply(v->residual, v->effects,
	                                m->effect_count);
	if (rc != 0)
		return rc;
	for (size_t k = 0; k < m->effect_count; k++) {
		size_t i = v->effects[k].scenario, j = 0;
		while (j < k && v->effects[j].scenario != i)
			j++;
		if (j == k) /* its first effect on I */
			scenario_effect(rp, v, m->effect_count, i);
	}
	if (m->effect_count == 0)
		fputs(TR(rp, "no effect stated", "geen effect opgegeven"), out);
	fputs("</td>", out);
	return NATRISK_OK;
}

static int measure_row(const report *rp, effects_view *v, size_t k)
{
	FILE *out = rp->out;
	const natrisk_measure *m = natrisk_plan_measure(rp->plan, k);
	fputs("<tr id=\"measure-", out);
	html_text(out, m->id);
	fputs("\" data-measure=\"", out);
	html_text(out, m->id);
	fputs("\"><th scope=row>", out);
	title_and_id(rp, m->title, m->id);
	if (rp->chosen && rp->chosen[k])
		fmt_print(out, " <span class=\"badge\">%s</span>",
		          TR(rp, "in place", "ingevoerd"));
	if (m->capability_count) {
		fmt_print(out, "<br><small>%s ",
		          TR(rp, "Strengthens:", "Versterkt:"));
		for (size_t c = 0; c < m->capability_count; c++) {
			fputs(c ? "; " : "", out);
			html_text(out, natrisk_plan_capability(
				rp->plan, m->capabilities[c])->title);
		}
		fputs("</small>", out);
	}
	fputs("</th><td>", out);
	organisation_list(rp, m->owners, m->owner_count);
	fputs("</td>", out);
	cost_cell(rp, m);
	int rc = effect_cell(rp, v, m);
	fputs("</tr>\n", out);
	return rc;
}

static int write_measures(const report *rp, const size_t *map)
{
	FILE *out = rp->out;
	size_t most = 1;
	for (size_t k = 0; k < natrisk_plan_measure_count(rp->plan); k++) {
		size_t n = natrisk_plan_measure(rp->plan, k)->effect_count;
		most = n > most ? n : most;
	}
	effects_view v = { .map = map,
	                   .effects = calloc(most, sizeof *v.effects) };
	int rc = v.effects ? natrisk_residual_new(&v.residual, rp->a,
	                                          natrisk_results_profile(rp->r))
	                   : error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0) {
		fmt_print(out, "<section id=\"measures\" aria-labelledby="
		          "\"measures-h\">\n<h3 id=\"measures-h\">%s</h3>\n"
		          "<table class=\"measures\">\n<caption>%s</caption>\n"
		          "<thead><tr><th scope=col>%s</th><th scope=col>%s</th>"
		          "<th scope=col>%s</th><th scope=col>%s</th></tr>"
		          "</thead>\n<tbody>\n",
		          TR(rp, "Measures", "Maatregelen"),
		          TR(rp, "Each measure with the organisations first "
		             "responsible, its cost in euro and its expected "
		             "effect on its own: the scores it changes (expected "
		             "value classes) and the risk value (10^likelihood "
		             TIMES " impact total) before and with it.",
		             "Elke maatregel met de eerstverantwoordelijke "
		             "organisaties, de kosten in euro en het verwachte "
		             "effect op zichzelf: de scores die hij verandert "
		             "(klassen van de verwachte waarde) en de "
		             "risicowaarde (10^waarschijnlijkheid " TIMES
		             " totale impact) zonder en met de maatregel."),
		          TR(rp, "Measure", "Maatregel"),
		          TR(rp, "First responsible", "Eerstverantwoordelijk"),
		          TR(rp, "Cost", "Kosten"),
		          TR(rp, "Expected effect", "Verwacht effect"));
		for (size_t k = 0;
		     rc == 0 && k < natrisk_plan_measure_count(rp->plan); k++)
			rc = measure_row(rp, &v, k);
		fputs("</tbody>\n</table>\n</section>\n", out);
	}
	natrisk_residual_free(v.residual);
	free(v.effects);
	return rc;
}

/* The plan's part of the report; the residual risk is report_plan_residual.c's. */
int report_plan(const report *rp)
{
	if (!rp->plan)
		return NATRISK_OK;
	size_t *map = NULL;
	natrisk_capabilities *caps = NULL;
	int rc = map_scenarios(rp, &map);
	if (rc == 0 && natrisk_capabilities_new(&caps, rp->plan) != 0)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0) {
		fmt_print(rp->out, "<section id=\"capabilities\" "
		          "aria-labelledby=\"capabilities-h\">\n"
		          "<h2 id=\"capabilities-h\">%s</h2>\n<p>%s ",
		          TR(rp, "Capability analysis", "Capaciteitenanalyse"),
		          TR(rp, "From the plan", "Uit het plan"));
		html_text(rp->out, natrisk_plan_title(rp->plan));
		fputs(".</p>\n", rp->out);
		rc = report_plan_chain(rp, caps, map);
	}
	if (rc == 0) {
		write_advice(rp);
		rc = write_measures(rp, map);
	}
	if (rc == 0)
		rc = report_plan_residual(rp);
	if (rc == 0)
		rc = report_plan_portfolio(rp);
	if (rc == 0)
		fputs("</section>\n", rp->out);
	natrisk_capabilities_free(caps);
	free(map);
	return rc;
}
