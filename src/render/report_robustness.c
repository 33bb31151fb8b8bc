/*
 * report_robustness.c - the report's robustness section: is the picture
 * of which scenarios are the most severe a property of the scores, or of
 * the way they were aggregated?
 *
 * Two parts. The deterministic part ranks the scenarios by impact under
 * every weight profile, the weighted sum, the medal method and Evamix
 * (natrisk_robustness_new, ordinal.h, the same numbers "natrisk
 * robustness" prints), with Kendall's tau-b between every two rankings and
 * the scenarios whose position depends on the method. The stochastic part
 * runs SMAA-2 (smaa.h) with a fixed number of iterations and seed, so the
 * report stays reproducible byte for byte, and shows each scenario's
 * rank-1 acceptability, most likely rank and confidence factor beside the
 * stacked bar chart of its rank acceptabilities (smaa_chart.h).
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/membuf.h>
#include <natrisk/ordinal.h>
#include <natrisk/smaa.h>
#include <natrisk/smaa_chart.h>

#include "../core/error.h"
#include "fmt.h"
#include "report_parts.h"

/* Fixed, and named in the report, so that anyone can reproduce it. */

static void scenario_cell(const report *rp, const natrisk_scenario *s)
{
	fputs("<th scope=row>", rp->out);
	report_scenario_link(rp, s);
	fputs("</th>", rp->out);
}


/* A ranking's column head: its title and id, and whose weights. */
static void ranking_head(const report *rp, const natrisk_ranking *g)
{
	FILE *out = rp->out;
	fputs("<th scope=col class=\"num\" data-method=\"", out);
	html_text(out, g->id);
	fputs("\">", out);
	html_ltext(out, &g->title, rp->lang);
	fputs("<br><code>", out);
	html_text(out, g->id);
	fputs("</code></th>", out);
}

static void write_intro(const report *rp)
{
	const natrisk_profile *def =
		natrisk_method_profile(rp->m, natrisk_method_default_profile(rp->m));
	fmt_print(rp->out,
	        "<section id=\"robustness\" aria-labelledby=\"robustness-h\">\n"
	        "<h2 id=\"robustness-h\">%s</h2>\n<p>%s ",
	        TR(rp, "Robustness of the risk picture",
	           "Robuustheid van het risicobeeld"),
	        TR(rp, "The scenarios ranked by total impact (not by risk), "
	           "1 being the most severe: with the weighted sum of class "
	           "values under every weight profile, and with three "
	           "aggregation methods side by side: the weighted sum, the "
	           "medal method (counts of E scores, then D, C, B and A; no "
	           "weights) and Evamix (Voogd 1983: ordinal and cardinal "
	           "criteria mixed). The weighted sum and Evamix use the "
	           "weights of the method's default profile,",
	           "De scenario's gerangschikt naar totale impact (niet naar "
	           "risico), 1 het ernstigst: met de gewogen som van "
	           "klassewaarden onder elke gewichtenset, en met drie "
	           "aggregatiemethoden naast elkaar: de gewogen som, de "
	           "medaillemethode (aantallen E-scores, dan D, C, B en A; "
	           "zonder gewichten) en Evamix (Voogd 1983: ordinale en "
	           "kardinale criteria gemengd). De gewogen som en Evamix "
	           "gebruiken de gewichten van de standaardset van de "
	           "methode,"));
	fputs("<code>", rp->out);
	html_text(rp->out, def->id);
	fmt_print(rp->out, "</code>. %s</p>\n",
	        TR(rp, "Tied scenarios share the better rank.",
	           "Scenario's met een gelijke uitkomst delen de betere rang."));
}

/* Marks a method-dependent scenario's row, said once in the caption. */
#define DEPENDENT_MARK "\xE2\x80\xA1" /* U+2021 double dagger */

/* One scenario's row: a cell that differs from the weighted sum (the
 * reference) is highlighted, and a method-dependent scenario (DEPENDENT)
 * marked. The scenario is named without a link: its row in the ranked
 * summary links to it, and a thousand more links made the report a
 * tenth larger. */
static void write_ranking_row(const report *rp, const natrisk_robustness *r,
                              size_t i, bool dependent)
{
	FILE *out = rp->out;
	size_t k = natrisk_robustness_count(r);
	int reference = natrisk_robustness_ranking(r, k - 3)->ranks[i];
	fputs("<tr data-scenario=\"", out);
	html_text(out, natrisk_assessment_scenario(rp->a, i)->id);
	fputs("\"><th scope=row>", out);
	html_text(out, natrisk_assessment_scenario(rp->a, i)->title);
	if (dependent)
		fputs(" " DEPENDENT_MARK, out);
	fputs("</th>", out);
	for (size_t l = 0; l < k; l++) {
		int rank = natrisk_robustness_ranking(r, l)->ranks[i];
		fputs(rank != reference ? "<td class=d>" : "<td>", out);
		fmt_print(out, "%d</td>", rank);
	}
	fputs("</tr>\n", out);
}

static int write_rankings(const report *rp, const natrisk_robustness *r)
{
	size_t n = natrisk_assessment_scenario_count(rp->a);
	bool *dependent = calloc(n + 1, sizeof *dependent);
	if (!dependent)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t d = 0; d < natrisk_robustness_dependent_count(r); d++)
		dependent[natrisk_robustness_dependent(r)[d]] = true;
	FILE *out = rp->out;
	size_t k = natrisk_robustness_count(r);
	fmt_print(out, "<h3 id=\"robustness-rankings\">%s</h3>\n"
	        "<table class=\"robustness\">\n<caption>%s</caption>\n"
	        "<thead><tr><th scope=col>Scenario</th>",
	        TR(rp, "Ranking per weight profile and method",
	           "Rangorde per gewichtenset en methode"),
	        TR(rp, "Rank by total impact, in the order of the weighted "
	           "sum; a rank that differs from the weighted sum is "
	           "highlighted; " DEPENDENT_MARK ": the scenario's position "
	           "depends on the method.",
	           "Rang naar totale impact, in de volgorde van de gewogen "
	           "som; een rang die afwijkt van de gewogen som is "
	           "gemarkeerd; " DEPENDENT_MARK ": de positie van het "
	           "scenario hangt af van de methode."));
	for (size_t l = 0; l < k; l++)
		ranking_head(rp, natrisk_robustness_ranking(r, l));
	fputs("</tr></thead>\n<tbody>\n", out);
	const size_t *order = natrisk_robustness_order(r);
	for (size_t o = 0; o < n; o++)
		write_ranking_row(rp, r, order[o], dependent[order[o]]);
	fputs("</tbody>\n</table>\n", out);
	free(dependent);
	return NATRISK_OK;
}

static void write_tau(const report *rp, const natrisk_robustness *r)
{
	FILE *out = rp->out;
	size_t k = natrisk_robustness_count(r);
	fmt_print(out, "<h3 id=\"robustness-tau\">%s</h3>\n"
	        "<table class=\"kendall\">\n<caption>%s</caption>\n"
	        "<thead><tr><th scope=col>%s</th>",
	        TR(rp, "Agreement between the rankings",
	           "Overeenstemming tussen de rangordes"),
	        TR(rp, "Kendall's tau-b between every two rankings: 1 is the "
	           "same order, 0 no relation, " MINUS "1 the reverse order.",
	           "Kendalls tau-b tussen elke twee rangordes: 1 is dezelfde "
	           "volgorde, 0 geen verband, " MINUS "1 de omgekeerde "
	           "volgorde."),
	        TR(rp, "Ranking", "Rangorde"));
	for (size_t l = 0; l < k; l++)
		ranking_head(rp, natrisk_robustness_ranking(r, l));
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t a = 0; a < k; a++) {
		fputs("<tr><th scope=row>", out);
		html_ltext(out, &natrisk_robustness_ranking(r, a)->title,
		           rp->lang);
		fputs("</th>", out);
		for (size_t b = 0; b < k; b++) {
			fputs("<td>", out);
			html_decimal(out, natrisk_robustness_tau(r, a, b), 2,
			             rp->lang);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void write_dependent(const report *rp, const natrisk_robustness *r)
{
	FILE *out = rp->out;
	size_t count = natrisk_robustness_dependent_count(r);
	fmt_print(out, "<h3 id=\"robustness-dependent\">%s</h3>\n<p>%s</p>\n"
	        "<ul class=\"method-dependent\">\n",
	        TR(rp, "Scenarios whose position depends on the method",
	           "Scenario's waarvan de positie afhangt van de methode"),
	        TR(rp, "A scenario is listed, by its identifier with its best "
	           "and worst rank, when its ranks over all the rankings "
	           "above span two places or more; a swap of two neighbours "
	           "is not listed.",
	           "Een scenario staat hier, met zijn code en zijn beste en "
	           "slechtste rang, als zijn rangen over alle rangordes "
	           "hierboven twee plaatsen of meer uiteenliggen; het "
	           "wisselen van twee buren telt niet."));
	for (size_t d = 0; d < count; d++) {
		size_t i = natrisk_robustness_dependent(r)[d];
		int best, worst;
		natrisk_robustness_span(r, i, &best, &worst);
		/* the id alone: the table's row (marked) links the section */
		fputs("<li data-scenario=\"", out);
		html_text(out, natrisk_assessment_scenario(rp->a, i)->id);
		fputs("\">", out);
		html_text(out, natrisk_assessment_scenario(rp->a, i)->id);
		fmt_print(out, ": %s %d" NDASH "%d</li>\n",
		        TR(rp, "ranks", "rangen"), best, worst);
	}
	if (count == 0)
		fmt_print(out, "<li>%s</li>\n", TR(rp, "none", "geen"));
	fputs("</ul>\n", out);
}

static void percent(const report *rp, double share)
{
	html_decimal(rp->out, 100.0 * share, 1, rp->lang);
	fputs("&nbsp;%", rp->out);
}

static void write_smaa_row(const report *rp, const natrisk_smaa *s, size_t i)
{
	FILE *out = rp->out;
	fputs("<tr>", out);
	scenario_cell(rp, natrisk_assessment_scenario(rp->a, i));
	fputs("<td class=\"num\">", out);
	percent(rp, natrisk_smaa_rank_acceptability(s, i, 0));
	size_t r = natrisk_smaa_most_likely_rank(s, i);
	fmt_print(out, "</td><td class=\"num\">%zu <span class=\"muted\">(", r + 1);
	percent(rp, natrisk_smaa_rank_acceptability(s, i, r));
	fputs(")</span></td><td class=\"num\">", out);
	double confidence;
	if (natrisk_smaa_confidence(s, i, &confidence))
		percent(rp, confidence);
	else
		fputs(MDASH, out);
	fputs("</td></tr>\n", out);
}

static void write_smaa_intro(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<h3 id=\"robustness-smaa\">%s</h3>\n<p>%s</p>\n"
	        "<p class=\"note\">",
	        TR(rp, "Stochastic acceptability", "Stochastische "
	           "aanvaardbaarheid"),
	        TR(rp, "Stochastic multicriteria acceptability analysis "
	           "(SMAA-2): in every iteration the weights are drawn "
	           "uniformly over all possible weightings and every score "
	           "between its lower limit, expected value and upper limit; "
	           "the scenarios are then ranked by total impact. The rank-1 "
	           "acceptability is the share of iterations in which a "
	           "scenario is the most severe; the confidence factor the "
	           "share in which it is the most severe with the weights "
	           "that favour it most (its central weights).",
	           "Stochastische multicriteria-aanvaardbaarheidsanalyse "
	           "(SMAA-2): in elke iteratie worden de gewichten uniform "
	           "getrokken uit alle mogelijke wegingen en elke score "
	           "tussen ondergrens, verwachte waarde en bovengrens; "
	           "daarna worden de scenario's gerangschikt naar totale "
	           "impact. De rang-1-aanvaardbaarheid is het aandeel "
	           "iteraties waarin een scenario het ernstigst is; de "
	           "betrouwbaarheidsfactor het aandeel waarin het het "
	           "ernstigst is met de gewichten die het het meest "
	           "begunstigen (zijn centrale gewichten)."));
	html_quantity(out, (double)rp->smaa_iterations, rp->lang);
	fmt_print(out, " %s %llu; %s <code>natrisk smaa FILE --iterations %llu "
	        "--seed %llu</code>.</p>\n",
	        TR(rp, "iterations, seed", "iteraties, startwaarde (seed)"),
	        (unsigned long long)rp->smaa_seed,
	        TR(rp, "the same numbers come from", "dezelfde getallen geeft"),
	        (unsigned long long)rp->smaa_iterations,
	        (unsigned long long)rp->smaa_seed);
}

static void write_smaa_table(const report *rp, const natrisk_smaa *s,
                             const natrisk_robustness *r)
{
	FILE *out = rp->out;
	fmt_print(out, "<table class=\"smaa\">\n<caption>%s</caption>\n"
	        "<thead><tr><th scope=col>Scenario</th>"
	        "<th scope=col>%s</th><th scope=col>%s</th>"
	        "<th scope=col>%s</th></tr></thead>\n<tbody>\n",
	        TR(rp, "Acceptability per scenario, in the order of the "
	           "weighted sum", "Aanvaardbaarheid per scenario, in de "
	           "volgorde van de gewogen som"),
	        TR(rp, "Rank-1 acceptability", "Rang-1-aanvaardbaarheid"),
	        TR(rp, "Most likely rank (its share)",
	           "Meest waarschijnlijke rang (aandeel)"),
	        TR(rp, "Confidence factor", "Betrouwbaarheidsfactor"));
	const size_t *order = natrisk_robustness_order(r);
	for (size_t o = 0; o < natrisk_assessment_scenario_count(rp->a); o++)
		write_smaa_row(rp, s, order[o]);
	fmt_print(out, "</tbody>\n</table>\n<p class=\"note\">%s</p>\n",
	        TR(rp, "A confidence factor is missing (" MDASH ") for a "
	           "scenario that was never the most severe: it has no "
	           "central weights.",
	           "Een betrouwbaarheidsfactor ontbreekt (" MDASH ") bij een "
	           "scenario dat nooit het ernstigst was: het heeft geen "
	           "centrale gewichten."));
}

static int write_smaa_chart(const report *rp, const natrisk_smaa *s)
{
	natrisk_scene *scene = NULL;
	int rc = natrisk_smaa_chart_scene(&scene, s, rp->lang,
	                                  TR(rp, "Rank acceptability",
	                                     "Aanvaardbaarheid per rang"));
	if (rc == 0)
		rc = natrisk_scene_set_id(scene, "smaa-chart");
	if (rc != 0) {
		natrisk_scene_free(scene);
		return rc;
	}
	natrisk_membuf svg = { 0 };
	FILE *stream = natrisk_membuf_open(&svg);
	if (stream)
		rc = natrisk_scene_write_svg(scene, true, stream);
	natrisk_scene_free(scene);
	if (!stream || natrisk_membuf_close(&svg, stream) != 0 || rc != 0) {
		free(svg.data);
		return error_set(NATRISK_ENOMEM, "cannot draw the SMAA chart");
	}
	fputs("<figure id=\"smaa-chart\" class=\"smaa-chart\">\n", rp->out);
	fputs(svg.data, rp->out);
	free(svg.data);
	fmt_print(rp->out, "<figcaption>%s</figcaption>\n</figure>\n",
	        TR(rp, "Share of iterations in which each scenario takes "
	           "rank 1, 2, 3 and so on (stacked; the table above gives "
	           "the main numbers).",
	           "Aandeel iteraties waarin elk scenario rang 1, 2, 3 "
	           "enzovoort inneemt (gestapeld; de tabel hierboven geeft "
	           "de belangrijkste getallen)."));
	return NATRISK_OK;
}

static int write_smaa(const report *rp, const natrisk_robustness *r,
                      const natrisk_smaa *s)
{
	write_smaa_intro(rp);
	write_smaa_table(rp, s, r);
	return write_smaa_chart(rp, s);
}

int report_robustness_compute(const report *rp, report_robustness_data *d)
{
	d->rankings = NULL;
	d->smaa = NULL;
	int rc = natrisk_robustness_new(&d->rankings, rp->a);
	if (rc != 0 || !rp->smaa_iterations)
		return rc;
	natrisk_smaa_options options = {
		.iterations = rp->smaa_iterations,
		.seed = rp->smaa_seed,
		.threads = 0,
		.outputs = NATRISK_SMAA_CENTRAL | NATRISK_SMAA_CONFIDENCE,
	};
	return natrisk_smaa_assessment(&d->smaa, rp->a, &options);
}

void report_robustness_release(report_robustness_data *d)
{
	natrisk_robustness_free(d->rankings);
	natrisk_smaa_free(d->smaa);
	d->rankings = NULL;
	d->smaa = NULL;
}

int report_robustness(const report *rp, const report_robustness_data *d)
{
	write_intro(rp);
	int rc = write_rankings(rp, d->rankings);
	if (rc != NATRISK_OK)
		return rc;
	write_tau(rp, d->rankings);
	write_dependent(rp, d->rankings);
	if (d->smaa)
		rc = write_smaa(rp, d->rankings, d->smaa);
	fputs("</section>\n", rp->out);
	return rc;
}
