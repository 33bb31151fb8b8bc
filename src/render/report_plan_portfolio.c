/*
 * report_plan_portfolio.c - the portfolio part of the report's capability
 * analysis (`natrisk report --budget`): the best set of the plan's
 * measures within the budget (method.md section 6) with its cost and
 * risk reduction, a table of every measure (cost, reduction on its own,
 * chosen, and with robustness draws the share of draws whose optimum
 * holds it), and with a sweep the frontier as the chart of `natrisk
 * portfolio --sweep -o OUT.svg` with its table, the chart's text
 * alternative. What is shown is computed by portfolio_run.h, as `natrisk
 * portfolio` computes it.
 */
#include <natrisk/plan.h>
#include <natrisk/portfolio_chart.h>
#include <natrisk/portfolio_output.h>

#include "fmt.h"
#include "report_parts.h"

void report_plan_portfolio_css(const report *rp)
{
	if (!rp->portfolio)
		return;
	fputs("@media screen and (max-width:40rem){table.portfolio,"
	      "table.frontier{display:block;overflow-x:auto}}\n"
	      "figure.frontier svg{max-width:100%;height:auto}\n", rp->out);
}

static void euro(const report *rp, double amount)
{
	html_quantity(rp->out, amount, rp->lang);
	fputs(" euro", rp->out);
}

/* The optimum in words: budget, years, cost, risk before and after. */
static void write_optimum(const report *rp)
{
	const natrisk_portfolio_report *p = rp->portfolio;
	FILE *out = rp->out;
	fprintf(out, "<p class=\"optimum\" data-budget=\"%.17g\" "
	        "data-years=\"%u\" data-cost=\"%.17g\" "
	        "data-reduction=\"%.17g\" data-risk-before=\"%.17g\" "
	        "data-risk-after=\"%.17g\">", p->budget, p->years,
	        p->choice->cost, p->choice->reduction,
	        p->choice->risk_before, p->choice->risk_after);
	fmt_print(out, "%s ", TR(rp, "Within a budget of",
	                         "Binnen een budget van"));
	euro(rp, p->budget);
	fmt_print(out, " (%s %u %s) %s %zu %s ",
	          TR(rp, "yearly costs over", "jaarlijkse kosten over"),
	          p->years, p->years == 1 ? TR(rp, "year", "jaar")
	                                  : TR(rp, "years", "jaar"),
	          TR(rp, "the best set holds", "bevat de beste set"),
	          p->choice->selected_count,
	          TR(rp, "measures, costs", "maatregelen, kost"));
	euro(rp, p->choice->cost);
	fmt_print(out, " %s ", TR(rp, "and reduces the total risk value from",
	                          "en verlaagt de totale risicowaarde van"));
	html_quantity(out, p->choice->risk_before, rp->lang);
	fmt_print(out, " %s ", TR(rp, "to", "naar"));
	html_quantity(out, p->choice->risk_after, rp->lang);
	fmt_print(out, " (%s ", TR(rp, "a reduction of", "een verlaging met"));
	html_quantity(out, p->choice->reduction, rp->lang);
	fmt_print(out, ").</p>\n");
}

static void measure_row(const report *rp, size_t m)
{
	const natrisk_portfolio_report *p = rp->portfolio;
	const natrisk_measure *measure = natrisk_plan_measure(rp->plan, m);
	FILE *out = rp->out;
	double cost, alone;
	natrisk_portfolio_measure_alone(p->portfolio, m, &cost, &alone);
	bool in = p->choice->selected[m];
	fputs("<tr data-measure=\"", out);
	html_text(out, measure->id);
	fprintf(out, "\" data-selected=\"%s\" data-cost=\"%.17g\" "
	        "data-reduction-alone=\"%.17g\"><th scope=row>",
	        in ? "true" : "false", cost, alone);
	html_text(out, measure->title);
	fputs("<br><code>", out);
	html_text(out, measure->id);
	fputs("</code></th><td class=\"num\">", out);
	html_quantity(out, cost, rp->lang);
	fputs("</td><td class=\"num\">", out);
	html_quantity(out, alone, rp->lang);
	fmt_print(out, "</td><td>%s</td>", in ? TR(rp, "yes", "ja")
	                                      : TR(rp, "no", "nee"));
	if (p->accepted) {
		double share = (double)p->accepted[m] / (double)p->draws;
		fprintf(out, "<td class=\"num\" data-acceptability=\"%.17g\">",
		        share);
		html_decimal(out, 100 * share, 1, rp->lang);
		fputs("%</td>", out);
	}
	fputs("</tr>\n", out);
}

static void write_measures(const report *rp)
{
	const natrisk_portfolio_report *p = rp->portfolio;
	FILE *out = rp->out;
	fmt_print(out, "<table class=\"portfolio\">\n<caption>%s",
	          TR(rp, "Every measure with its cost in euro (once + yearly "
	             "over the years), its risk reduction on its own and "
	             "whether the best set holds it",
	             "Elke maatregel met de kosten in euro (eenmalig + "
	             "jaarlijks over de jaren), de risicoverlaging op "
	             "zichzelf en of de beste set hem bevat"));
	if (p->accepted)
		fmt_print(out, "%s %llu %s", TR(rp, "; acceptability: the share of",
		                             "; aanvaardbaarheid: het aandeel van"),
		          (unsigned long long)p->draws,
		          TR(rp, "draws of weights and scores (SMAA) whose best "
		             "set holds it: near 100% a safe choice, far below "
		             "the debate",
		             "trekkingen van gewichten en scores (SMAA) waarvan "
		             "de beste set hem bevat: bij 100% een veilige keuze, "
		             "ver daaronder het debat"));
	fmt_print(out, ".</caption>\n<thead><tr><th scope=col>%s</th>"
	          "<th scope=col>%s</th><th scope=col>%s</th>"
	          "<th scope=col>%s</th>",
	          TR(rp, "Measure", "Maatregel"), TR(rp, "Cost", "Kosten"),
	          TR(rp, "Reduction alone", "Verlaging alleen"),
	          TR(rp, "In the best set", "In de beste set"));
	if (p->accepted)
		fmt_print(out, "<th scope=col>%s</th>",
		          TR(rp, "Acceptability", "Aanvaardbaarheid"));
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t m = 0; m < natrisk_plan_measure_count(rp->plan); m++)
		measure_row(rp, m);
	fputs("</tbody>\n</table>\n", out);
}

static void frontier_row(const report *rp, size_t k)
{
	const natrisk_portfolio_report *p = rp->portfolio;
	const natrisk_portfolio_choice *c = &p->frontier[k];
	FILE *out = rp->out;
	fprintf(out, "<tr data-budget=\"%.17g\" data-cost=\"%.17g\" "
	        "data-reduction=\"%.17g\"><td class=\"num\">",
	        p->frontier_budgets[k], c->cost, c->reduction);
	html_quantity(out, p->frontier_budgets[k], rp->lang);
	fputs("</td><td class=\"num\">", out);
	html_quantity(out, c->cost, rp->lang);
	fputs("</td><td class=\"num\">", out);
	html_quantity(out, c->reduction, rp->lang);
	fputs("</td><td>", out);
	size_t shown = 0;
	for (size_t m = 0; m < natrisk_plan_measure_count(rp->plan); m++)
		if (c->selected[m]) {
			fputs(shown++ ? ", " : "", out);
			fputs("<code data-measure=\"", out);
			html_text(out, natrisk_plan_measure(rp->plan, m)->id);
			fputs("\">", out);
			html_text(out, natrisk_plan_measure(rp->plan, m)->id);
			fputs("</code>", out);
		}
	fputs("</td></tr>\n", out);
}

static int write_frontier(const report *rp)
{
	const natrisk_portfolio_report *p = rp->portfolio;
	FILE *out = rp->out;
	natrisk_scene *scene = NULL;
	int rc = natrisk_portfolio_chart_scene(&scene, rp->plan,
	                                       p->frontier_budgets, p->frontier,
	                                       p->frontier_count, rp->lang);
	if (rc == 0)
		rc = natrisk_scene_set_id(scene, "frontier-chart");
	if (rc == 0) {
		fmt_print(out, "<figure id=\"frontier\" class=\"frontier\">\n"
		          "<div role=\"img\" aria-label=\"%s\">\n",
		          TR(rp, "The frontier: the cost against the risk "
		             "reduction of the best set at each budget; the "
		             "table below lists the points.",
		             "De grens: de kosten tegen de risicoverlaging van "
		             "de beste set bij elk budget; de tabel hieronder "
		             "noemt de punten."));
		rc = natrisk_scene_write_svg(scene, true, out);
		fmt_print(out, "\n</div>\n<figcaption>%s</figcaption>\n"
		          "</figure>\n",
		          TR(rp, "The best risk reduction for each budget, each "
		             "point labelled with the measures that enter there.",
		             "De beste risicoverlaging bij elk budget, elk punt "
		             "met de maatregelen die daar instappen."));
	}
	natrisk_scene_free(scene);
	if (rc != 0)
		return rc;
	fmt_print(out, "<table class=\"frontier\">\n<caption>%s</caption>\n"
	          "<thead><tr><th scope=col>%s</th><th scope=col>%s</th>"
	          "<th scope=col>%s</th><th scope=col>%s</th></tr></thead>\n"
	          "<tbody>\n",
	          TR(rp, "The frontier: the best set at each budget.",
	             "De grens: de beste set bij elk budget."),
	          TR(rp, "Budget", "Budget"), TR(rp, "Cost", "Kosten"),
	          TR(rp, "Risk reduction", "Risicoverlaging"),
	          TR(rp, "Measures", "Maatregelen"));
	for (size_t k = 0; k < p->frontier_count; k++)
		frontier_row(rp, k);
	fputs("</tbody>\n</table>\n", out);
	return NATRISK_OK;
}

int report_plan_portfolio(const report *rp)
{
	if (!rp->portfolio)
		return NATRISK_OK;
	fmt_print(rp->out, "<section id=\"portfolio\" aria-labelledby="
	          "\"portfolio-h\">\n<h3 id=\"portfolio-h\">%s</h3>\n",
	          TR(rp, "The best set of measures for the budget",
	             "De beste set maatregelen voor het budget"));
	write_optimum(rp);
	write_measures(rp);
	int rc = rp->portfolio->frontier_count ? write_frontier(rp) : NATRISK_OK;
	fputs("</section>\n", rp->out);
	return rc;
}
