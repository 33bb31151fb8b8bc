/*
 * report_sections.c - one section of the report per scenario, in rank
 * order: what the scenario is, its likelihood, every criterion's LL, EV
 * and UL with the analyst's rationale, and a bar chart per vital interest.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "fmt.h"
#include "report_parts.h"

/* Between the facts of a scenario: " · ". */
#define SEP " \xC2\xB7 "

/* Geometry of the bar charts, in CSS pixels. */
enum { CHART_W = 680, LABEL_W = 230, BAR_X = 240, BAR_W = 300, ROW_H = 26,
       TOP = 8, BOTTOM = 8 };

/* "id-suffix" as an attribute value: scenario ids are [a-z0-9-]+ but
 * the report escapes them all the same. */
static void scoped_id(const report *rp, const char *prefix,
                      const natrisk_scenario *s, const char *suffix)
{
	fputs(prefix, rp->out);
	html_text(rp->out, s->id);
	fputs(suffix, rp->out);
}



/* The scenario's facts in one line, each named: "Identifier s01 ·
 * Rank 3 · Theme — · Kind hazard · Classification public". */
static void write_facts(const report *rp, const natrisk_scenario *s,
                        const natrisk_scenario_result *res)
{
	FILE *out = rp->out;
	fmt_print(out, "<p>%s <code>", TR(rp, "Identifier", "Kenmerk"));
	html_text(out, s->id);
	fmt_print(out, "</code>" SEP "%s %d" SEP "%s ", TR(rp, "Rank", "Rang"),
	        res->rank, TR(rp, "Theme", "Thema"));
	if (s->theme >= 0)
		html_text(out, natrisk_assessment_theme(rp->a, (size_t)s->theme)->title);
	else
		fputs(MDASH, out);
	/* A new scenario says so in its heading (write_scenario). */
	fmt_print(out, SEP "%s %s" SEP "%s %s</p>\n", TR(rp, "Kind", "Soort"),
	        report_kind_name(rp, s->kind),
	        TR(rp, "Classification", "Rubricering"),
	        report_classification_name(rp, s->classification));
}

static void write_text_parts(const report *rp, const natrisk_scenario *s)
{
	FILE *out = rp->out;
	if (s->description)
		html_paragraphs(out, s->description);
	if (s->source_count == 0)
		return;
	fmt_print(out, "<h4>%s</h4>\n<ul class=\"sources\">\n",
	        TR(rp, "Sources", "Bronnen"));
	for (size_t i = 0; i < s->source_count; i++) {
		fputs("<li>", out);
		html_text(out, s->sources[i]);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

static bool has_probability(const natrisk_score *s)
{
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		if (s->point[p].has_quantity)
			return true;
	return false;
}

static void write_probability_cells(const report *rp, const natrisk_score *s)
{
	FILE *out = rp->out;
	fmt_print(out, "<tr><th scope=row>%s ", TR(rp, "Probability within",
	        "Kans binnen"));
	html_quantity(out, natrisk_method_horizon_years(rp->m), rp->lang);
	fmt_print(out, " %s</th>", TR(rp, "years", "jaar"));
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		const natrisk_grade *g = &s->point[p];
		fputs("<td>", out);
		if (g->has_quantity) {
			html_quantity(out, g->quantity, rp->lang);
			fputs(" (", out);
			html_quantity(out, g->quantity * 100.0, rp->lang);
			fputs(" %)", out);
		} else {
			fputs(MDASH, out);
		}
		fputs("</td>", out);
	}
}

static void write_grade_cell(const report *rp, const natrisk_criterion *c,
                             const natrisk_grade *g)
{
	FILE *out = rp->out;
	fputs("<td>", out);
	if (g->cls == NATRISK_CLASS_X) {
		fmt_print(out, "X " MDASH " %s",
		        TR(rp, "not applicable", "niet van toepassing"));
	} else if (g->has_quantity) {
		html_quantity(out, g->quantity, rp->lang);
		const char *unit = c ? natrisk_text_get(&c->unit, rp->lang) : "";
		if (*unit) {
			fputc(' ', out);
			html_text(out, unit);
		}
		fmt_print(out, " \xE2\x86\x92 %s", natrisk_class_letter(g->cls));
	} else {
		char letter[4];
		natrisk_grade_letters(g, letter);
		fputs(letter, out);
	}
	fputs("</td>", out);
}

/* Whether criterion C of S is left unscored: X throughout and no
 * rationale. Such criteria are named in one line under the table. */
static bool unscored(const natrisk_scenario *s, size_t c)
{
	const natrisk_score *score = &s->impact[c];
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		if (score->point[p].cls != NATRISK_CLASS_X)
			return false;
	return !score->why;
}

/* A row of the scores table: the likelihood (C = NO_CRITERION), its
 * probability (PROBABILITY) or a criterion. */
enum { NO_CRITERION = -1, PROBABILITY = -2 };

static const char *row_why(const natrisk_scenario *s, int c)
{
	return c < 0 ? s->likelihood.why : s->impact[c].why;
}

static bool same_why(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The rows in table order: likelihood, its probability when it has one,
 * then every scored criterion in the method's order (grouped by vital
 * interest, as the criteria legend lists them). Returns the count. */
static size_t table_rows(const report *rp, const natrisk_scenario *s,
                         int *rows)
{
	size_t n = 0;
	rows[n++] = NO_CRITERION;
	if (has_probability(&s->likelihood))
		rows[n++] = PROBABILITY;
	for (size_t k = 0; k < natrisk_method_interest_count(rp->m); k++)
		for (size_t c = 0; c < natrisk_method_criterion_count(rp->m); c++)
			if (natrisk_method_criterion(rp->m, c)->interest == k && !unscored(s, c))
				rows[n++] = (int)c;
	return n;
}

/* The rationale cell of row R, spanning the rows after it that have the
 * same rationale (a probability row always shares its likelihood's);
 * nothing for a row inside such a span. */
static void write_why_cell(const report *rp, const natrisk_scenario *s,
                           const int *rows, size_t n, size_t r)
{
	FILE *out = rp->out;
	const char *why = row_why(s, rows[r]);
	if (r > 0 && (rows[r] == PROBABILITY ||
	              same_why(row_why(s, rows[r - 1]), why)))
		return;
	size_t span = 1;
	while (r + span < n && (rows[r + span] == PROBABILITY ||
	                        same_why(row_why(s, rows[r + span]), why)))
		span++;
	if (span > 1)
		fmt_print(out, "<td rowspan=\"%zu\">", span);
	else
		fputs("<td>", out);
	html_text(out, why);
	fputs("</td>", out);
}

static void write_score_row(const report *rp, const natrisk_scenario *s,
                            const int *rows, size_t n, size_t r)
{
	FILE *out = rp->out;
	int c = rows[r];
	if (c == PROBABILITY) {
		write_probability_cells(rp, &s->likelihood);
	} else {
		const natrisk_criterion *crit = c >= 0 ? natrisk_method_criterion(rp->m, (size_t)c)
		                                       : NULL;
		const natrisk_score *score = c >= 0 ? &s->impact[c]
		                                    : &s->likelihood;
		fputs("<tr><th scope=row>", out);
		if (crit)
			html_text(out, crit->id);
		else
			fputs(TR(rp, "Likelihood", "Waarschijnlijkheid"), out);
		fputs("</th>", out);
		for (int p = 0; p < NATRISK_POINT_COUNT; p++)
			write_grade_cell(rp, crit, &score->point[p]);
	}
	write_why_cell(rp, s, rows, n, r);
	fputs("</tr>\n", out);
}

static void write_totals(const report *rp, const natrisk_scenario_result *res)
{
	FILE *out = rp->out;
	static const int points[] = { NATRISK_LL, NATRISK_EV, NATRISK_UL };
	static const char *const en[] = { "LL", "EV", "UL" };
	static const char *const nl[] = { "OG", "VW", "BG" };
	fmt_print(out, "<p>%s:", TR(rp, "Total impact", "Totale impact"));
	for (int p = 0; p < 3; p++) {
		fmt_print(out, "%s %s ", p ? "," : "", TR(rp, en[p], nl[p]));
		html_decimal(out, res->impact[points[p]].total, 2, rp->lang);
	}
	const natrisk_impact_level *ev = &res->impact[NATRISK_EV];
	char range[4];
	natrisk_impact_range(ev, range);
	/* the classes' names are in the legend (write_class_legend) */
	fmt_print(out, "; %s <strong>%s</strong>.</p>\n",
	        TR(rp, "class range", "klassebereik"), range);
}

/* "Not scored (X, not applicable): 1.2, 5.3." */
static void write_unscored(const report *rp, const natrisk_scenario *s)
{
	FILE *out = rp->out;
	bool first = true;
	for (size_t c = 0; c < natrisk_method_criterion_count(rp->m); c++) {
		if (!unscored(s, c))
			continue;
		fmt_print(out, "%s", first ? "" : ", ");
		if (first)
			fmt_print(out, "<p>%s: ",
			        TR(rp, "Not scored (X " MDASH " not applicable)",
			           "Niet gescoord (X " MDASH " niet van "
			           "toepassing)"));
		html_text(out, natrisk_method_criterion(rp->m, c)->id);
		first = false;
	}
	if (!first)
		fputs(".</p>\n", out);
}

/* One table for the likelihood and every scored criterion: the names of
 * the criteria and classes are in the legend at the head of the
 * scenarios (write_legend), a rationale shared by adjacent rows is one
 * cell spanning them. */
static int write_scores(const report *rp, const natrisk_scenario *s,
                        const natrisk_scenario_result *res)
{
	FILE *out = rp->out;
	int *rows = malloc((natrisk_method_criterion_count(rp->m) + 2) * sizeof *rows);
	if (!rows)
		return error_set(NATRISK_ENOMEM, "out of memory");
	size_t n = table_rows(rp, s, rows);
	write_totals(rp, res);
	/* the caption need not repeat the title of the section it is in */
	fmt_print(out, "<table class=\"criteria\">\n<caption>%s",
	        TR(rp, "Scores", "Scores"));
	/* no thead and tbody: the head cells' scope says what they head,
	 * and a table this short needs no repeated head in print */
	fmt_print(out, "</caption>\n<tr><th scope=col>%s</th>"
	        "<th scope=col>%s</th><th scope=col>%s</th>"
	        "<th scope=col>%s</th><th scope=col>%s</th></tr>\n", TR(rp, "Criterion", "Criterium"),
	        TR(rp, "LL", "OG"), TR(rp, "EV", "VW"), TR(rp, "UL", "BG"),
	        TR(rp, "Rationale", "Onderbouwing"));
	for (size_t r = 0; r < n; r++)
		write_score_row(rp, s, rows, n, r);
	fputs("</table>\n", out);
	free(rows);
	write_unscored(rp, s);
	return NATRISK_OK;
}

static double bar_length(const report *rp, double value)
{
	if (!(rp->chart_max > 0.0) || !(value > 0.0))
		return 0.0;
	return value / rp->chart_max * BAR_W;
}

/* "5.40 (1.20–27.00)": EV, then LL–UL when they differ from it. */
static void write_bar_values(const report *rp, const double v[3])
{
	html_decimal(rp->out, v[NATRISK_EV], 2, rp->lang);
	if (v[NATRISK_LL] == v[NATRISK_EV] && v[NATRISK_UL] == v[NATRISK_EV])
		return;
	fputs(" (", rp->out);
	html_decimal(rp->out, v[NATRISK_LL], 2, rp->lang);
	fputs(NDASH, rp->out);
	html_decimal(rp->out, v[NATRISK_UL], 2, rp->lang);
	fputc(')', rp->out);
}

/* Coordinates to a tenth of a pixel: what a screen can show. */
#define PX(value) FMT_TRIM((value), 1)

static double row_middle(size_t k)
{
	return TOP + (double)k * ROW_H + ROW_H / 2.0;
}

/* The chart draws each series as one element: the EV bars (one path),
 * each a line as thick as the bar, the LL-UL lines (one path, their end
 * caps markers, CHART_CAP); then a text per interest, its name (right
 * aligned before the bars) and its values (after them) read together.
 * Colours, strokes, anchors and the baseline (the middle of the row)
 * come from the style sheet (svg.chart in report.c). */
static void write_chart_bars(const report *rp, const double (*v)[3],
                             size_t n)
{
	FILE *out = rp->out;
	fputs("<path class=\"b\" d=\"", out);
	for (size_t k = 0; k < n; k++) {
		double ev = bar_length(rp, v[k][NATRISK_EV]);
		if (ev > 0)
			fmt_print(out, "M%d %sh%s", BAR_X, PX(row_middle(k)),
			        PX(ev));
	}
	fputs("\"/><path class=\"w\" d=\"", out);
	for (size_t k = 0; k < n; k++) {
		double ll = BAR_X + bar_length(rp, v[k][NATRISK_LL]);
		double ul = BAR_X + bar_length(rp, v[k][NATRISK_UL]);
		double mid = row_middle(k);
		if (ul > ll)
			fmt_print(out, "M%s %sH%s", PX(ll), PX(mid), PX(ul));
	}
	fputs("\"/>\n", out);
}

static void write_chart_texts(const report *rp, const double (*v)[3],
                              size_t n)
{
	FILE *out = rp->out;
	for (size_t k = 0; k < n; k++) {
		double ev = BAR_X + bar_length(rp, v[k][NATRISK_EV]);
		double ul = BAR_X + bar_length(rp, v[k][NATRISK_UL]);
		fmt_print(out, "<text x=\"%d\" y=\"%s\">", LABEL_W,
		        PX(row_middle(k)));
		html_ltext(out, &natrisk_method_interest(rp->m, k)->name, rp->lang);
		fmt_print(out, "<tspan x=\"%s\">", PX((ev > ul ? ev : ul) + 6));
		write_bar_values(rp, v[k]);
		fputs("</tspan></text>", out);
	}
	fputc('\n', out);
}

/* The end cap of the charts' LL-UL lines, defined once, in the first
 * chart, for them all (the style sheet puts it on every end). */
static void write_chart_cap(const report *rp)
{
	fputs("<defs><marker id=\"" CHART_CAP "\" markerUnits=\"userSpaceOnUse\" "
	      "overflow=\"visible\"><path d=\"M0-5v10\"/></marker></defs>\n",
	      rp->out);
}

/* The chart is no image to assistive technology: its texts (every
 * interest with its values) are read as they stand. */
static void write_chart_svg(const report *rp, const double (*v)[3],
                            bool first)
{
	FILE *out = rp->out;
	size_t n = natrisk_method_interest_count(rp->m);
	int height = TOP + (int)n * ROW_H + BOTTOM;
	fmt_print(out, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
	        "aria-label=\"%s\">\n", CHART_W, height,
	        TR(rp, "Impact per vital interest", "Impact per vitaal belang"));
	if (first)
		write_chart_cap(rp);
	write_chart_bars(rp, v, n);
	write_chart_texts(rp, v, n);
	/* the scale, the same for all charts, is in the introduction */
	fmt_print(out, "<path class=\"a\" d=\"M%d %dV%d\"/>\n</svg>\n", BAR_X,
	        TOP, TOP + (int)n * ROW_H);
}

/* What the bars and lines mean is said once, in the section's
 * introduction (write_intro). */
static int write_chart(const report *rp, const natrisk_scenario *s,
                       bool first)
{
	size_t n = natrisk_method_interest_count(rp->m);
	double (*v)[3] = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return error_set(NATRISK_ENOMEM, "out of memory");
	const natrisk_scenario_result *res =
		natrisk_results_get(rp->r, (size_t)(s - natrisk_assessment_scenario(rp->a, 0)));
	for (size_t k = 0; k < n; k++) {
		v[k][NATRISK_LL] = report_interest_value(rp, s, k, NATRISK_LL);
		v[k][NATRISK_EV] = res->interests[k];
		v[k][NATRISK_UL] = report_interest_value(rp, s, k, NATRISK_UL);
	}
	write_chart_svg(rp, (const double (*)[3])v, first);
	free(v);
	return NATRISK_OK;
}

/* FIRST: the first section, whose chart defines what all charts share. */
static int write_scenario(const report *rp, size_t i, bool first)
{
	FILE *out = rp->out;
	const natrisk_scenario *s = natrisk_assessment_scenario(rp->a, i);
	const natrisk_scenario_result *res = natrisk_results_get(rp->r, i);
	fputs("<section class=\"scenario\" id=\"", out);
	scoped_id(rp, "scenario-", s, "\">\n<h3>");
	html_text(out, s->title);
	if (s->is_new)
		fmt_print(out, " <span class=\"badge\">%s</span>",
		        TR(rp, "new", "nieuw"));
	fputs("</h3>\n", out);
	write_facts(rp, s, res);
	write_text_parts(rp, s);
	int rc = write_scores(rp, s, res);
	if (rc == 0)
		rc = write_chart(rp, s, first);
	fputs("</section>\n", out);
	return rc;
}

/* The classes' names, said once: the tables show their letters. */
static void write_class_legend(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<p>%s:", TR(rp, "Likelihood classes",
	                          "Klassen van waarschijnlijkheid"));
	for (int c = NATRISK_CLASS_A; c <= NATRISK_CLASS_E; c++) {
		fmt_print(out, "%s %s " MDASH " ", c > NATRISK_CLASS_A ? "," : "",
		        natrisk_class_letter(c));
		html_ltext(out, natrisk_method_likelihood_label(rp->m, c),
		           rp->lang);
	}
	fmt_print(out, ". %s:", TR(rp, "Impact classes", "Impactklassen"));
	for (int c = NATRISK_CLASS_A; c <= NATRISK_CLASS_E; c++) {
		fmt_print(out, "%s %s " MDASH " ", c > NATRISK_CLASS_A ? "," : "",
		        natrisk_class_letter(c));
		html_ltext(out, natrisk_method_impact_label(rp->m, c), rp->lang);
	}
	fputs(".</p>\n", out);
}

/* The criteria by vital interest, once for all the scores tables. */
static void write_criteria_legend(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<table class=\"legend\">\n<caption>%s</caption>\n"
	        "<thead><tr><th scope=col>%s</th><th scope=col>%s"
	        "</th></tr></thead>\n", TR(rp, "The criteria of the method",
	                                   "De criteria van de methode"),
	        TR(rp, "Criterion", "Criterium"), TR(rp, "Name", "Naam"));
	for (size_t k = 0; k < natrisk_method_interest_count(rp->m); k++) {
		const natrisk_interest *in = natrisk_method_interest(rp->m, k);
		fputs("<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"2\">", out);
		html_text(out, in->id);
		fputc(' ', out);
		html_ltext(out, &in->name, rp->lang);
		fputs("</th></tr>\n", out);
		for (size_t c = 0; c < natrisk_method_criterion_count(rp->m); c++) {
			const natrisk_criterion *crit = natrisk_method_criterion(rp->m, c);
			if (crit->interest != k)
				continue;
			fputs("<tr><th scope=row>", out);
			html_text(out, crit->id);
			fputs("</th><td>", out);
			html_ltext(out, &crit->name, rp->lang);
			fputs("</td></tr>\n", out);
		}
		fputs("</tbody>\n", out);
	}
	fputs("</table>\n", out);
}

/* What every scenario's tables and chart show, said once. */
static void write_intro(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<p>%s <abbr title=\"%s\">%s</abbr>, "
	        "<abbr title=\"%s\">%s</abbr> %s <abbr title=\"%s\">%s"
	        "</abbr>. %s ",
	        TR(rp, "Every score is given as its", "Elke score staat er als"),
	        TR(rp, "lower limit", "ondergrens"), TR(rp, "LL", "OG"),
	        TR(rp, "expected value", "verwachte waarde"),
	        TR(rp, "EV", "VW"), TR(rp, "and", "en"),
	        TR(rp, "upper limit", "bovengrens"), TR(rp, "UL", "BG"),
	        TR(rp, "Total impacts are weighed with the weight profile",
	           "Totale impact is gewogen met de gewichtenset"));
	html_ltext(out, &rp->profile->title, rp->lang);
	fmt_print(out, ". %s ",
	        TR(rp, "In the chart per vital interest, bars are each "
	           "interest's contribution to the EV total impact and lines "
	           "its LL" NDASH "UL range; every chart of this report has "
	           "the same scale, from 0 to",
	           "In de grafiek per vitaal belang zijn de balken de "
	           "bijdrage van elk belang aan de totale impact (verwachte "
	           "waarde) en de lijnen de bandbreedte van ondergrens tot "
	           "bovengrens; alle grafieken in dit rapport hebben "
	           "dezelfde schaal, van 0 tot"));
	html_decimal(out, rp->chart_max, 2, rp->lang);
	fmt_print(out, " %s</p>\n", TR(rp, "over the full width.",
	                             "over de volle breedte."));
	write_class_legend(rp);
	write_criteria_legend(rp);
}

int report_scenarios(const report *rp)
{
	fmt_print(rp->out, "<section id=\"scenarios\" "
	        "aria-labelledby=\"scenarios-h\">\n"
	        "<h2 id=\"scenarios-h\">%s</h2>\n",
	        TR(rp, "Scenarios", "Scenario's"));
	write_intro(rp);
	const size_t *order = natrisk_results_order(rp->r);
	for (size_t k = 0; k < natrisk_results_count(rp->r); k++) {
		int rc = write_scenario(rp, order[k], k == 0);
		if (rc != 0)
			return rc;
	}
	fputs("</section>\n", rp->out);
	return NATRISK_OK;
}
