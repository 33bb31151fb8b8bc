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

/* Geometry of the bar charts, in CSS pixels. */
enum { CHART_W = 680, LABEL_W = 230, BAR_X = 240, BAR_W = 300, ROW_H = 26,
       TOP = 8, BOTTOM = 26 };

/* "id-suffix" as an attribute value: scenario ids are [a-z0-9-]+ but
 * the report escapes them all the same. */
static void scoped_id(const report *rp, const char *prefix,
                      const natrisk_scenario *s, const char *suffix)
{
	fputs(prefix, rp->out);
	html_text(rp->out, s->id);
	fputs(suffix, rp->out);
}



static void write_facts(const report *rp, const natrisk_scenario *s,
                        const natrisk_scenario_result *res)
{
	FILE *out = rp->out;
	fprintf(out, "<dl class=\"meta\">\n<dt>%s</dt><dd><code>",
	        TR(rp, "Identifier", "Kenmerk"));
	html_text(out, s->id);
	fprintf(out, "</code></dd>\n<dt>%s</dt><dd>%d</dd>\n<dt>%s</dt><dd>",
	        TR(rp, "Rank", "Rang"), res->rank, TR(rp, "Theme", "Thema"));
	if (s->theme >= 0)
		html_text(out, rp->a->themes[s->theme].title);
	else
		fputs(MDASH, out);
	fprintf(out, "</dd>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
	        "<dt>%s</dt><dd>%s</dd>\n</dl>\n",
	        TR(rp, "Kind", "Soort"), report_kind_name(rp, s->kind),
	        TR(rp, "Classification", "Rubricering"),
	        report_classification_name(rp, s->classification),
	        TR(rp, "New in this edition", "Nieuw in deze editie"),
	        s->is_new ? TR(rp, "yes", "ja") : TR(rp, "no", "nee"));
}

static void write_text_parts(const report *rp, const natrisk_scenario *s)
{
	FILE *out = rp->out;
	if (s->description) {
		fprintf(out, "<h4>%s</h4>\n",
		        TR(rp, "Description", "Beschrijving"));
		html_paragraphs(out, s->description);
	}
	if (s->source_count == 0)
		return;
	fprintf(out, "<h4>%s</h4>\n<ul class=\"sources\">\n",
	        TR(rp, "Sources", "Bronnen"));
	for (size_t i = 0; i < s->source_count; i++) {
		fputs("<li>", out);
		html_text(out, s->sources[i]);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

/* The abbreviations are spelled out once, in the section's introduction
 * (write_intro): a thousand tables need not repeat them. */
static void write_point_headers(const report *rp)
{
	fprintf(rp->out, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	        "<th scope=\"col\">%s</th>", TR(rp, "LL", "OG"),
	        TR(rp, "EV", "VW"), TR(rp, "UL", "BG"));
}

static void write_rationale(const report *rp, const char *why)
{
	if (!why)
		return;
	fprintf(rp->out, "<p class=\"why\"><strong>%s:</strong> ",
	        TR(rp, "Rationale", "Onderbouwing"));
	html_text(rp->out, why);
	fputs("</p>\n", rp->out);
}

static bool has_probability(const natrisk_score *s)
{
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		if (s->point[p].has_quantity)
			return true;
	return false;
}

static void write_probability_row(const report *rp, const natrisk_score *s)
{
	FILE *out = rp->out;
	fprintf(out, "<tr><th scope=\"row\">%s ", TR(rp, "Probability within",
	        "Kans binnen"));
	html_quantity(out, rp->m->horizon_years, rp->lang);
	fprintf(out, " %s</th>", TR(rp, "years", "jaar"));
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
	fputs("</tr>\n", out);
}

static void write_likelihood(const report *rp, const natrisk_scenario *s)
{
	FILE *out = rp->out;
	const natrisk_score *score = &s->likelihood;
	fprintf(out, "<h4>%s</h4>\n<table class=\"likelihood\">\n<caption>%s ",
	        TR(rp, "Likelihood", "Waarschijnlijkheid"),
	        TR(rp, "Likelihood of", "Waarschijnlijkheid van"));
	html_text(out, s->title);
	fputs("</caption>\n<thead><tr><td></td>", out);
	write_point_headers(rp);
	fprintf(out, "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">%s</th>",
	        TR(rp, "Class", "Klasse"));
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		char letter[4];
		natrisk_grade_letters(&score->point[p], letter);
		fprintf(out, "<td>%s " MDASH " ", letter);
		html_ltext(out, natrisk_method_likelihood_label(
			rp->m, score->point[p].cls), rp->lang);
		fputs("</td>", out);
	}
	fputs("</tr>\n", out);
	if (has_probability(score))
		write_probability_row(rp, score);
	fputs("</tbody>\n</table>\n", out);
	write_rationale(rp, score->why);
}

static void write_grade_cell(const report *rp, const natrisk_criterion *c,
                             const natrisk_grade *g)
{
	FILE *out = rp->out;
	fputs("<td>", out);
	if (g->cls == NATRISK_CLASS_X) {
		fprintf(out, "X " MDASH " %s",
		        TR(rp, "not applicable", "niet van toepassing"));
	} else if (g->has_quantity) {
		html_quantity(out, g->quantity, rp->lang);
		const char *unit = natrisk_text_get(&c->unit, rp->lang);
		if (*unit) {
			fputc(' ', out);
			html_text(out, unit);
		}
		fprintf(out, " \xE2\x86\x92 %s", natrisk_class_letter(g->cls));
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

static void write_criterion_row(const report *rp, const natrisk_scenario *s,
                                size_t c)
{
	FILE *out = rp->out;
	const natrisk_criterion *crit = &rp->m->criteria[c];
	fputs("<tr><th scope=\"row\">", out);
	html_text(out, crit->id);
	fputs("</th><td>", out);
	html_ltext(out, &crit->name, rp->lang);
	fputs("</td>", out);
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		write_grade_cell(rp, crit, &s->impact[c].point[p]);
	fputs("<td>", out);
	html_text(out, s->impact[c].why);
	fputs("</td></tr>\n", out);
}

static void write_totals(const report *rp, const natrisk_scenario_result *res)
{
	FILE *out = rp->out;
	static const int points[] = { NATRISK_LL, NATRISK_EV, NATRISK_UL };
	static const char *const en[] = { "LL", "EV", "UL" };
	static const char *const nl[] = { "OG", "VW", "BG" };
	fprintf(out, "<p>%s (", TR(rp, "Total impact", "Totale impact"));
	html_ltext(out, &rp->profile->title, rp->lang);
	fputs("):", out);
	for (int p = 0; p < 3; p++) {
		fprintf(out, "%s %s ", p ? "," : "", TR(rp, en[p], nl[p]));
		html_decimal(out, res->impact[points[p]].total, 2, rp->lang);
	}
	const natrisk_impact_level *ev = &res->impact[NATRISK_EV];
	char range[4];
	natrisk_impact_range(ev, range);
	fprintf(out, "; %s <strong>%s</strong>",
	        TR(rp, "class range", "klassebereik"), range);
	if (ev->cls != NATRISK_CLASS_X) {
		fputs(" (", out);
		html_ltext(out, natrisk_method_impact_label(rp->m, ev->cls),
		           rp->lang);
		if (range[1] == '-') {
			fputs(" " NDASH " ", out);
			html_ltext(out, natrisk_method_impact_label(
				rp->m, ev->cls + 1), rp->lang);
		}
		fputc(')', out);
	}
	fputs(".</p>\n", out);
}

/* The rows of interest K's scored criteria, under its name; nothing
 * when it has none. */
static void write_interest_rows(const report *rp, const natrisk_scenario *s,
                                size_t k)
{
	FILE *out = rp->out;
	const natrisk_interest *in = &rp->m->interests[k];
	bool any = false;
	for (size_t c = 0; c < rp->m->criterion_count; c++)
		any |= rp->m->criteria[c].interest == k && !unscored(s, c);
	if (!any)
		return;
	fputs("<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"6\">", out);
	html_text(out, in->id);
	fputc(' ', out);
	html_ltext(out, &in->name, rp->lang);
	fputs("</th></tr>\n", out);
	for (size_t c = 0; c < rp->m->criterion_count; c++)
		if (rp->m->criteria[c].interest == k && !unscored(s, c))
			write_criterion_row(rp, s, c);
	fputs("</tbody>\n", out);
}

/* "Not scored (X, not applicable): 1.2, 5.3." */
static void write_unscored(const report *rp, const natrisk_scenario *s)
{
	FILE *out = rp->out;
	bool first = true;
	for (size_t c = 0; c < rp->m->criterion_count; c++) {
		if (!unscored(s, c))
			continue;
		fprintf(out, "%s", first ? "" : ", ");
		if (first)
			fprintf(out, "<p class=\"unscored\">%s: ",
			        TR(rp, "Not scored (X " MDASH " not applicable)",
			           "Niet gescoord (X " MDASH " niet van "
			           "toepassing)"));
		html_text(out, rp->m->criteria[c].id);
		first = false;
	}
	if (!first)
		fputs(".</p>\n", out);
}

static void write_impact(const report *rp, const natrisk_scenario *s,
                         const natrisk_scenario_result *res)
{
	FILE *out = rp->out;
	fprintf(out, "<h4>%s</h4>\n", TR(rp, "Impact", "Impact"));
	write_totals(rp, res);
	fprintf(out, "<table class=\"criteria\">\n<caption>%s ",
	        TR(rp, "Impact scores per criterion of",
	           "Impactscores per criterium van"));
	html_text(out, s->title);
	fprintf(out, "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
	        "<th scope=\"col\">%s</th>", TR(rp, "Criterion", "Criterium"),
	        TR(rp, "Name", "Naam"));
	write_point_headers(rp);
	fprintf(out, "<th scope=\"col\">%s</th></tr></thead>\n",
	        TR(rp, "Rationale", "Onderbouwing"));
	for (size_t k = 0; k < rp->m->interest_count; k++)
		write_interest_rows(rp, s, k);
	fputs("</table>\n", out);
	write_unscored(rp, s);
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

/* One interest's row: its name, the EV bar, the LL-UL line, the values.
 * Colours and strokes come from the style sheet (svg.chart in report.c). */
static void write_bar(const report *rp, size_t k, const double v[3])
{
	FILE *out = rp->out;
	double y = TOP + (double)k * ROW_H, mid = y + ROW_H / 2.0;
	double ev = bar_length(rp, v[NATRISK_EV]);
	double ll = BAR_X + bar_length(rp, v[NATRISK_LL]);
	double ul = BAR_X + bar_length(rp, v[NATRISK_UL]);
	fprintf(out, "<text x=\"%d\" y=\"%s\" class=\"l\">", LABEL_W,
	        PX(mid + 4.5));
	html_ltext(out, &rp->m->interests[k].name, rp->lang);
	fprintf(out, "</text><rect x=\"%d\" y=\"%s\" width=\"%s\" "
	        "height=\"16\"/>", BAR_X, PX(mid - 8), PX(ev));
	if (ul > ll)
		fprintf(out, "<path d=\"M%s %sH%sM%s %sv10M%s %sv10\"/>",
		        PX(ll), PX(mid), PX(ul), PX(ll), PX(mid - 5), PX(ul),
		        PX(mid - 5));
	fprintf(out, "<text x=\"%s\" y=\"%s\">",
	        PX((ev + BAR_X > ul ? ev + BAR_X : ul) + 6), PX(mid + 4.5));
	write_bar_values(rp, v);
	fputs("</text>\n", out);
}

/* The chart is no image to assistive technology: its texts (every
 * interest with its values) are read as they stand. */
static void write_chart_svg(const report *rp, const natrisk_scenario *s,
                            const double (*v)[3])
{
	FILE *out = rp->out;
	size_t n = rp->m->interest_count;
	int height = TOP + (int)n * ROW_H + BOTTOM;
	fprintf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
	        "aria-labelledby=\"", CHART_W, height);
	scoped_id(rp, "chart-", s, "\">\n<title id=\"");
	scoped_id(rp, "chart-", s, "\">");
	fprintf(out, "%s: ", TR(rp, "Impact per vital interest",
	                        "Impact per vitaal belang"));
	html_text(out, s->title);
	fputs("</title>\n", out);
	for (size_t k = 0; k < n; k++)
		write_bar(rp, k, v[k]);
	int axis_y = TOP + (int)n * ROW_H;
	fprintf(out, "<path class=\"a\" d=\"M%d %dV%d\"/>"
	        "<text x=\"%d\" y=\"%d\" class=\"m\">0</text>"
	        "<text x=\"%d\" y=\"%d\" class=\"m\">", BAR_X, TOP,
	        axis_y, BAR_X, axis_y + 17, BAR_X + BAR_W, axis_y + 17);
	html_decimal(out, rp->chart_max, 2, rp->lang);
	fprintf(out, "</text><path class=\"a g\" d=\"M%d %dH%d\"/>\n"
	        "</svg>\n", BAR_X, axis_y + 3, BAR_X + BAR_W);
}

/* What the bars and lines mean is said once, in the section's
 * introduction (write_intro). */
static int write_chart(const report *rp, const natrisk_scenario *s)
{
	FILE *out = rp->out;
	size_t n = rp->m->interest_count;
	double (*v)[3] = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return error_set(NATRISK_ENOMEM, "out of memory");
	const natrisk_scenario_result *res =
		natrisk_results_get(rp->r, (size_t)(s - rp->a->scenarios));
	for (size_t k = 0; k < n; k++) {
		v[k][NATRISK_LL] = report_interest_value(rp, s, k, NATRISK_LL);
		v[k][NATRISK_EV] = res->interests[k];
		v[k][NATRISK_UL] = report_interest_value(rp, s, k, NATRISK_UL);
	}
	fprintf(out, "<h4>%s</h4>\n", TR(rp, "Impact per vital interest",
	                                 "Impact per vitaal belang"));
	write_chart_svg(rp, s, (const double (*)[3])v);
	free(v);
	return NATRISK_OK;
}

static int write_scenario(const report *rp, size_t i)
{
	FILE *out = rp->out;
	const natrisk_scenario *s = &rp->a->scenarios[i];
	const natrisk_scenario_result *res = natrisk_results_get(rp->r, i);
	fputs("<section class=\"scenario\" id=\"", out);
	scoped_id(rp, "scenario-", s, "\" aria-labelledby=\"");
	scoped_id(rp, "scenario-", s, "-h\">\n<h3 id=\"");
	scoped_id(rp, "scenario-", s, "-h\">");
	html_text(out, s->title);
	if (s->is_new)
		fprintf(out, " <span class=\"badge\">%s</span>",
		        TR(rp, "new", "nieuw"));
	fputs("</h3>\n", out);
	write_facts(rp, s, res);
	write_text_parts(rp, s);
	write_likelihood(rp, s);
	write_impact(rp, s, res);
	int rc = write_chart(rp, s);
	fputs("</section>\n", out);
	return rc;
}

/* What every scenario's tables and chart show, said once. */
static void write_intro(const report *rp)
{
	fprintf(rp->out, "<p>%s <abbr title=\"%s\">%s</abbr>, "
	        "<abbr title=\"%s\">%s</abbr> %s <abbr title=\"%s\">%s"
	        "</abbr>. %s</p>\n",
	        TR(rp, "Every score is given as its", "Elke score staat er als"),
	        TR(rp, "lower limit", "ondergrens"), TR(rp, "LL", "OG"),
	        TR(rp, "expected value", "verwachte waarde"),
	        TR(rp, "EV", "VW"), TR(rp, "and", "en"),
	        TR(rp, "upper limit", "bovengrens"), TR(rp, "UL", "BG"),
	        TR(rp, "In the chart per vital interest, bars are each "
	           "interest's contribution to the EV total impact and lines "
	           "its LL" NDASH "UL range; every chart of this report has "
	           "the same scale.",
	           "In de grafiek per vitaal belang zijn de balken de "
	           "bijdrage van elk belang aan de totale impact (verwachte "
	           "waarde) en de lijnen de bandbreedte van ondergrens tot "
	           "bovengrens; alle grafieken in dit rapport hebben "
	           "dezelfde schaal."));
}

int report_scenarios(const report *rp)
{
	fprintf(rp->out, "<section id=\"scenarios\" "
	        "aria-labelledby=\"scenarios-h\">\n"
	        "<h2 id=\"scenarios-h\">%s</h2>\n",
	        TR(rp, "Scenarios", "Scenario's"));
	write_intro(rp);
	const size_t *order = natrisk_results_order(rp->r);
	for (size_t k = 0; k < natrisk_results_count(rp->r); k++) {
		int rc = write_scenario(rp, order[k]);
		if (rc != 0)
			return rc;
	}
	fputs("</section>\n", rp->out);
	return NATRISK_OK;
}
