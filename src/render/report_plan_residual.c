/*
 * report_plan_residual.c - the residual risk part of the report's
 * capability analysis: the total risk value before and with the chosen
 * set of measures in place, the risk diagram of the residual places with
 * an arrow from each moved scenario's current place, and the moved
 * scenarios as a table, the diagram's text alternative.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/diagram.h>
#include <natrisk/plan.h>
#include <natrisk/residual.h>

#include "../core/error.h"
#include "fmt.h"
#include "report_parts.h"


/* Whether scenario I stands elsewhere with the measures in place. */
static bool moved(const report *rp, size_t i)
{
	const natrisk_scenario_result *now = natrisk_results_get(rp->r, i);
	const natrisk_scenario_result *then = natrisk_results_get(rp->residual, i);
	return now->likelihood_position[NATRISK_EV] !=
	               then->likelihood_position[NATRISK_EV] ||
	       now->impact[NATRISK_EV].total != then->impact[NATRISK_EV].total;
}

/* Which measures: the set as the user named it, in words. */
static void write_set(const report *rp)
{
	FILE *out = rp->out;
	const char *set = rp->measures ? rp->measures : "adopted";
	size_t chosen = 0;
	for (size_t k = 0; rp->chosen && k < natrisk_plan_measure_count(rp->plan); k++)
		chosen += rp->chosen[k];
	fmt_print(out, "<p data-measures=\"");
	html_text(out, set);
	fputs("\">", out);
	if (strcmp(set, "adopted") == 0)
		fputs(TR(rp, "With the measures of the advice the cabinet "
		         "adopted in place", "Met de maatregelen van de door "
		         "het kabinet aangenomen adviezen ingevoerd"), out);
	else if (strcmp(set, "all") == 0)
		fputs(TR(rp, "With all the plan's measures in place",
		         "Met alle maatregelen van het plan ingevoerd"), out);
	else
		fputs(TR(rp, "With the chosen measures in place",
		         "Met de gekozen maatregelen ingevoerd"), out);
	fmt_print(out, " (%zu %s)", chosen, TR(rp, "measures", "maatregelen"));
	fmt_print(out, ", %s ", TR(rp, "the total risk value goes from",
	                           "gaat de totale risicowaarde van"));
	html_quantity(out, natrisk_results_risk_total(rp->r), rp->lang);
	fmt_print(out, " %s ", TR(rp, "to", "naar"));
	html_quantity(out, natrisk_results_risk_total(rp->residual), rp->lang);
	fputs(TR(rp, ".", "."), out);
	fputs("</p>\n", out);
}

static int write_diagram(const report *rp)
{
	natrisk_scene *scene = NULL;
	natrisk_diagram_options options = {
		.lang = rp->lang, .previous = rp->r,
		.previous_before_measures = true,
	};
	int rc = natrisk_diagram_scene(&scene, rp->residual, &options);
	if (rc == 0)
		rc = natrisk_scene_set_id(scene, "residual-diagram");
	if (rc == 0) {
		fmt_print(rp->out, "<figure id=\"residual-diagram\" "
		          "class=\"risk-diagram\">\n<div role=\"img\" "
		          "aria-label=\"%s\">\n",
		          TR(rp, "Residual risk diagram: every scenario placed "
		             "with the measures in place, an arrow from the "
		             "current place of each that moves; the table below "
		             "lists them.",
		             "Risicodiagram van het restrisico: elk scenario "
		             "geplaatst met de maatregelen ingevoerd, een pijl "
		             "vanaf de huidige plaats van elk dat verschuift; de "
		             "tabel hieronder noemt ze."));
		rc = natrisk_scene_write_svg(scene, true, rp->out);
		fmt_print(rp->out, "\n</div>\n<figcaption>%s</figcaption>\n"
		          "</figure>\n",
		          TR(rp, "The risk diagram with the measures in place; "
		             "arrows start at the current places.",
		             "Het risicodiagram met de maatregelen ingevoerd; "
		             "pijlen beginnen bij de huidige plaatsen."));
	}
	natrisk_scene_free(scene);
	return rc;
}

static void place_cells(const report *rp, size_t i)
{
	FILE *out = rp->out;
	const natrisk_scenario *now = natrisk_assessment_scenario(rp->a, i);
	const natrisk_scenario *then = natrisk_assessment_scenario(
		natrisk_results_assessment(rp->residual), i);
	fputs("<td>", out);
	report_likelihood_cell(rp, &now->likelihood);
	fputs(ARROW, out);
	report_likelihood_cell(rp, &then->likelihood);
	fputs("</td><td class=\"num\">", out);
	html_decimal(out, natrisk_results_get(rp->r, i)->impact[NATRISK_EV].total,
	             2, rp->lang);
	fputs(ARROW, out);
	html_decimal(out,
	             natrisk_results_get(rp->residual, i)->impact[NATRISK_EV].total,
	             2, rp->lang);
	fputs("</td>", out);
}

static void moved_row(const report *rp, size_t i)
{
	FILE *out = rp->out;
	const natrisk_scenario *s = natrisk_assessment_scenario(rp->a, i);
	double before = natrisk_results_risk_value(rp->r, i);
	double after = natrisk_results_risk_value(rp->residual, i);
	fputs("<tr data-scenario=\"", out);
	html_text(out, s->id);
	fprintf(out, "\" data-risk-before=\"%.10g\" data-risk-after=\"%.10g\">"
	        "<th scope=row>", before, after);
	report_scenario_link(rp, s);
	fputs("</th>", out);
	place_cells(rp, i);
	fputs("<td class=\"num\">", out);
	html_quantity(out, before, rp->lang);
	fputs(ARROW, out);
	html_quantity(out, after, rp->lang);
	fmt_print(out, "</td><td class=\"num\">%d" ARROW "%d</td></tr>\n",
	          natrisk_results_get(rp->r, i)->rank,
	          natrisk_results_get(rp->residual, i)->rank);
}

static void write_moved(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<table class=\"residual\">\n<caption>%s</caption>\n"
	          "<thead><tr><th scope=col>Scenario</th><th scope=col>%s</th>"
	          "<th scope=col>%s</th><th scope=col>%s</th>"
	          "<th scope=col>%s</th></tr></thead>\n<tbody>\n",
	          TR(rp, "The scenarios the measures move, highest current "
	             "risk first: now" ARROW "with the measures.",
	             "De scenario's die de maatregelen verschuiven, hoogste "
	             "huidige risico eerst: nu" ARROW "met de maatregelen."),
	          TR(rp, "Likelihood", "Waarschijnlijkheid"),
	          TR(rp, "Impact total EV", "Totale impact VW"),
	          TR(rp, "Risk value", "Risicowaarde"),
	          TR(rp, "Rank", "Rang"));
	const size_t *order = natrisk_results_order(rp->r);
	size_t rows = 0;
	for (size_t k = 0; k < natrisk_results_count(rp->r); k++)
		if (moved(rp, order[k])) {
			moved_row(rp, order[k]);
			rows++;
		}
	if (!rows)
		fmt_print(out, "<tr><td colspan=\"5\">%s</td></tr>\n",
		          TR(rp, "none", "geen"));
	fputs("</tbody>\n</table>\n", out);
}

int report_plan_residual(const report *rp)
{
	if (!rp->residual)
		return NATRISK_OK;
	fmt_print(rp->out, "<section id=\"residual\" aria-labelledby="
	          "\"residual-h\">\n<h3 id=\"residual-h\">%s</h3>\n",
	          TR(rp, "Residual risk", "Restrisico"));
	write_set(rp);
	int rc = write_diagram(rp);
	if (rc == 0)
		write_moved(rp);
	fputs("</section>\n", rp->out);
	return rc;
}
