/*
 * report_compare.c - the two comparisons of the report: the ranking under
 * every weight profile of the method side by side (is the ranking robust
 * to the choice of weights?), and the movements since the previous
 * edition, matching scenarios by id.
 */
#include <stdlib.h>

#include "../core/error.h"
#include "fmt.h"
#include "report_parts.h"

/* RANKS[p * n + i]: rank of scenario i under profile p. */
static int rank_per_profile(const report *rp, int *ranks)
{
	size_t n = natrisk_assessment_scenario_count(rp->a);
	for (size_t p = 0; p < natrisk_method_profile_count(rp->m); p++) {
		int rc = natrisk_results_ranks(rp->a, p, ranks + p * n);
		if (rc != 0)
			return rc;
	}
	return NATRISK_OK;
}

static void scenario_header_cell(const report *rp, const natrisk_scenario *s)
{
	fputs("<th scope=row>", rp->out);
	report_scenario_link(rp, s);
	fputs("</th>", rp->out);
}

static void write_profiles_head(const report *rp, size_t chosen)
{
	FILE *out = rp->out;
	fmt_print(out, "<section id=\"profiles\" aria-labelledby=\"profiles-h\">\n"
	        "<h2 id=\"profiles-h\">%s</h2>\n<p>%s</p>\n"
	        "<table class=\"profiles\">\n<caption>%s ",
	        TR(rp, "Ranking under each weight profile",
	           "Rangorde per gewichtenset"),
	        TR(rp, "The same scores aggregated with each weight profile "
	           "of the method show how robust the ranking is to the "
	           "choice of weights.",
	           "Dezelfde scores, geaggregeerd met elke gewichtenset van de "
	           "methode, laten zien hoe robuust de rangorde is voor de "
	           "keuze van gewichten."),
	        TR(rp, "Rank of each scenario per weight profile; a rank that "
	           "differs from the one under",
	           "Rang van elk scenario per gewichtenset; een rang die "
	           "afwijkt van die onder"));
	html_ltext(out, &rp->profile->title, rp->lang);
	fmt_print(out, " %s</caption>\n<thead><tr><th scope=col>Scenario"
	        "</th>", TR(rp, "is highlighted in bold.",
	                    "is vet gemarkeerd."));
	for (size_t p = 0; p < natrisk_method_profile_count(rp->m); p++) {
		const natrisk_profile *pf = natrisk_method_profile(rp->m, p);
		fputs("<th scope=col class=\"num", out);
		fputs(p == chosen ? " chosen" : "", out);
		fputs("\" data-profile=\"", out);
		html_text(out, pf->id);
		fputs("\">", out);
		html_ltext(out, &pf->title, rp->lang);
		fputs("<br><code>", out);
		html_text(out, pf->id);
		fputs("</code></th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
}

static void write_profiles_table(const report *rp, const int *ranks)
{
	FILE *out = rp->out;
	size_t n = natrisk_assessment_scenario_count(rp->a);
	size_t chosen = natrisk_results_profile(rp->r);
	write_profiles_head(rp, chosen);
	const size_t *order = natrisk_results_order(rp->r);
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		fputs("<tr>", out);
		scenario_header_cell(rp, natrisk_assessment_scenario(rp->a, i));
		int base = ranks[chosen * n + i];
		for (size_t p = 0; p < natrisk_method_profile_count(rp->m); p++) {
			int rank = ranks[p * n + i];
			if (rank == base)
				fmt_print(out, "<td>%d</td>", rank);
			else
				fmt_print(out, "<td class=d>%d (%s%d)</td>",
				        rank, rank < base ? "+" : MINUS,
				        abs(base - rank));
		}
		fputs("</tr>\n", out);
	}
	fmt_print(out, "</tbody>\n</table>\n<p class=\"note\">%s</p>\n"
	        "</section>\n",
	        TR(rp, "In brackets: places gained (+) or lost (" MINUS
	           ") against the ranking of this report.",
	           "Tussen haakjes: plaatsen gestegen (+) of gedaald ("
	           MINUS ") ten opzichte van de rangorde van dit "
	           "rapport."));
}

int report_profiles(const report *rp)
{
	size_t n = natrisk_assessment_scenario_count(rp->a), np = natrisk_method_profile_count(rp->m);
	int *ranks = calloc(n * np + 1, sizeof *ranks);
	if (!ranks)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = rank_per_profile(rp, ranks);
	if (rc == 0)
		write_profiles_table(rp, ranks);
	free(ranks);
	return rc;
}

static void write_movements_head(const report *rp)
{
	const natrisk_assessment *pa = natrisk_results_assessment(rp->previous);
	FILE *out = rp->out;
	fmt_print(out, "<section id=\"movements\" aria-labelledby=\"movements-h\">"
	        "\n<h2 id=\"movements-h\">%s</h2>\n<p>%s ",
	        TR(rp, "Movements since the previous edition",
	           "Verschuivingen sinds de vorige editie"),
	        TR(rp, "Compared with", "Vergeleken met"));
	html_text(out, natrisk_assessment_title(pa));
	if (natrisk_assessment_edition(pa)) {
		fputs(" (", out);
		html_text(out, natrisk_assessment_edition(pa));
		fputc(')', out);
	}
	const char *prev = TR(rp, "previous", "vorige");
	const char *now = TR(rp, "current", "huidige");
	fmt_print(out, ".</p>\n<table class=\"movements\">\n<caption>%s</caption>\n"
	        "<colgroup><col></colgroup><colgroup span=\"2\"></colgroup>"
	        "<colgroup span=\"2\"></colgroup><colgroup span=\"2\"></colgroup>"
	        "<colgroup span=\"2\"></colgroup><colgroup><col></colgroup>\n"
	        "<thead>\n<tr><th scope=col rowspan=\"2\">Scenario</th>"
	        "<th scope=\"colgroup\" colspan=\"2\">%s</th>"
	        "<th scope=\"colgroup\" colspan=\"2\">%s</th>"
	        "<th scope=\"colgroup\" colspan=\"2\">%s</th>"
	        "<th scope=\"colgroup\" colspan=\"2\">%s</th>"
	        "<th scope=col rowspan=\"2\">%s</th></tr>\n<tr>",
	        TR(rp, "Scenarios assessed in both editions, in the current "
	           "rank order", "Scenario's die in beide edities zijn "
	           "beoordeeld, in de huidige rangorde"),
	        TR(rp, "Likelihood (EV)", "Waarschijnlijkheid (VW)"),
	        TR(rp, "Impact total (EV)", "Totale impact (VW)"),
	        TR(rp, "Impact class", "Impactklasse"), TR(rp, "Rank", "Rang"),
	        TR(rp, "Risk", "Risico"));
	for (int k = 0; k < 4; k++)
		fmt_print(out, "<th scope=col>%s</th><th scope=col>%s</th>",
		        prev, now);
	fputs("</tr>\n</thead>\n<tbody>\n", out);
}

/* Higher risk, lower risk or the same (DIRECTION 1, -1, 0), decided
 * exactly by natrisk_results_compare_risk. */
static void write_direction(const report *rp, int direction)
{
	const char *cls = "same", *mark = "=", *word = TR(rp, "same", "gelijk");
	if (direction != 0) {
		bool up = direction > 0;
		cls = up ? "up" : "down";
		mark = up ? "\xE2\x96\xB2" : "\xE2\x96\xBC";
		word = up ? TR(rp, "up", "hoger") : TR(rp, "down", "lager");
	}
	fmt_print(rp->out, "<td class=\"%s\"><span aria-hidden=\"true\">%s</span> "
	        "%s</td>", cls, mark, word);
}

static void write_impact_cells(const report *rp,
                               const natrisk_scenario_result *then,
                               const natrisk_scenario_result *now)
{
	FILE *out = rp->out;
	char range[4];
	fputs("<td class=\"num\">", out);
	html_decimal(out, then->impact[NATRISK_EV].total, 2, rp->lang);
	fputs("</td><td class=\"num\">", out);
	html_decimal(out, now->impact[NATRISK_EV].total, 2, rp->lang);
	natrisk_impact_range(&then->impact[NATRISK_EV], range);
	fmt_print(out, "</td><td class=\"grade\">%s</td>", range);
	natrisk_impact_range(&now->impact[NATRISK_EV], range);
	fmt_print(out, "<td class=\"grade\">%s</td>", range);
	fmt_print(out, "<td class=\"num\">%d</td><td class=\"num\">%d</td>",
	        then->rank, now->rank);
}

static void write_movement_row(const report *rp, size_t i, size_t j)
{
	FILE *out = rp->out;
	const natrisk_assessment *pa = natrisk_results_assessment(rp->previous);
	const natrisk_scenario_result *now = natrisk_results_get(rp->r, i);
	const natrisk_scenario_result *then =
		natrisk_results_get(rp->previous, j);
	report before = *rp;
	before.m = natrisk_assessment_method(pa); /* its class labels */
	fputs("<tr data-scenario=\"", out);
	html_text(out, natrisk_assessment_scenario(rp->a, i)->id);
	fputs("\">", out);
	scenario_header_cell(rp, natrisk_assessment_scenario(rp->a, i));
	fputs("<td>", out);
	report_likelihood_cell(&before,
	                       &natrisk_assessment_scenario(pa, j)->likelihood);
	fputs("</td><td>", out);
	report_likelihood_cell(
		rp, &natrisk_assessment_scenario(rp->a, i)->likelihood);
	fputs("</td>", out);
	write_impact_cells(rp, then, now);
	write_direction(rp, natrisk_results_compare_risk(rp->r, i,
	                                                 rp->previous, j));
	fputs("</tr>\n", out);
}

static void write_new_list(const report *rp)
{
	const natrisk_assessment *pa = natrisk_results_assessment(rp->previous);
	FILE *out = rp->out;
	fmt_print(out, "<h3>%s</h3>\n<ul class=\"added\">\n",
	        TR(rp, "New in this edition", "Nieuw in deze editie"));
	const size_t *order = natrisk_results_order(rp->r);
	size_t count = 0;
	for (size_t k = 0; k < natrisk_assessment_scenario_count(rp->a); k++) {
		const natrisk_scenario *s = natrisk_assessment_scenario(rp->a, order[k]);
		if (natrisk_assessment_find_scenario(pa, s->id) >= 0)
			continue;
		fputs("<li>", out);
		report_scenario_link(rp, s);
		fmt_print(out, " (%s %d)</li>\n", TR(rp, "rank", "rang"),
		        natrisk_results_get(rp->r, order[k])->rank);
		count++;
	}
	if (count == 0)
		fmt_print(out, "<li>%s</li>\n", TR(rp, "none", "geen"));
	fputs("</ul>\n", out);
}

static void write_dropped_list(const report *rp)
{
	const natrisk_assessment *pa = natrisk_results_assessment(rp->previous);
	FILE *out = rp->out;
	fmt_print(out, "<h3>%s</h3>\n<ul class=\"dropped\">\n",
	        TR(rp, "No longer assessed", "Niet meer beoordeeld"));
	const size_t *order = natrisk_results_order(rp->previous);
	size_t count = 0;
	for (size_t k = 0; k < natrisk_assessment_scenario_count(pa); k++) {
		const natrisk_scenario *s = natrisk_assessment_scenario(pa, order[k]);
		if (natrisk_assessment_find_scenario(rp->a, s->id) >= 0)
			continue;
		fputs("<li>", out);
		html_text(out, s->title);
		fputs(" (<code>", out);
		html_text(out, s->id);
		fmt_print(out, "</code>; %s %d)</li>\n",
		        TR(rp, "previous rank", "vorige rang"),
		        natrisk_results_get(rp->previous, order[k])->rank);
		count++;
	}
	if (count == 0)
		fmt_print(out, "<li>%s</li>\n", TR(rp, "none", "geen"));
	fputs("</ul>\n", out);
}

void report_movements(const report *rp)
{
	const natrisk_assessment *pa = natrisk_results_assessment(rp->previous);
	write_movements_head(rp);
	const size_t *order = natrisk_results_order(rp->r);
	for (size_t k = 0; k < natrisk_assessment_scenario_count(rp->a); k++) {
		long j = natrisk_assessment_find_scenario(
			pa, natrisk_assessment_scenario(rp->a, order[k])->id);
		if (j >= 0)
			write_movement_row(rp, order[k], (size_t)j);
	}
	fputs("</tbody>\n</table>\n", rp->out);
	write_new_list(rp);
	write_dropped_list(rp);
	fputs("</section>\n", rp->out);
}
