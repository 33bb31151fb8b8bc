/*
 * portfolio_output.c - writing the portfolio of a plan
 * (portfolio_output.h): the contract's JSON with "explain" added, a
 * table for people and CSV for spreadsheets.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/portfolio_output.h>

#include "../core/error.h"
#include "csv_write.h"
#include "json_text.h"

/* A whole number as an integer (a budget of 10000000, not 1e7). */
static json_t *number_json(double value)
{
	if (value == floor(value) && fabs(value) < 9e15)
		return json_integer((json_int_t)value);
	return json_real(value);
}

static const char *measure_id(const natrisk_portfolio_report *r, size_t m)
{
	return natrisk_plan_measure(r->plan, m)->id;
}

static size_t measure_count(const natrisk_portfolio_report *r)
{
	return natrisk_plan_measure_count(r->plan);
}

static json_t *selected_json(const natrisk_portfolio_report *r,
                             const natrisk_portfolio_choice *c)
{
	json_t *ids = json_array();
	for (size_t m = 0; m < measure_count(r); m++)
		if (c->selected[m])
			json_array_append_new(ids, json_string(measure_id(r, m)));
	return ids;
}

static json_t *measures_json(const natrisk_portfolio_report *r)
{
	json_t *list = json_array();
	for (size_t m = 0; m < measure_count(r); m++) {
		double cost, alone;
		natrisk_portfolio_measure_alone(r->portfolio, m, &cost, &alone);
		json_t *entry = json_pack("{s:s, s:o, s:b, s:o}", "id",
		                          measure_id(r, m), "cost",
		                          number_json(cost), "selected",
		                          (int)r->choice->selected[m],
		                          "reduction_alone", number_json(alone));
		if (entry && r->accepted)
			json_object_set_new(entry, "acceptability",
			                    json_real((double)r->accepted[m] /
			                              (double)r->draws));
		json_array_append_new(list, entry);
	}
	return list;
}

static json_t *frontier_json(const natrisk_portfolio_report *r)
{
	json_t *list = json_array();
	for (size_t k = 0; k < r->frontier_count; k++) {
		const natrisk_portfolio_choice *c = &r->frontier[k];
		json_array_append_new(list, json_pack(
			"{s:o, s:o, s:o, s:o}", "budget",
			number_json(r->frontier_budgets[k]), "cost",
			number_json(c->cost), "reduction",
			number_json(c->reduction), "selected",
			selected_json(r, c)));
	}
	return list;
}

/* "likelihood" or the criterion's id. */
static const char *criterion_name(const natrisk_portfolio_report *r,
                                  long criterion)
{
	if (criterion == NATRISK_EFFECT_LIKELIHOOD)
		return "likelihood";
	const natrisk_method *m =
		natrisk_assessment_method(natrisk_plan_assessment(r->plan));
	return natrisk_method_criterion(m, (size_t)criterion)->id;
}

static const char *scenario_id(const natrisk_portfolio_report *r, size_t s)
{
	return natrisk_assessment_scenario(natrisk_plan_assessment(r->plan),
	                                   s)->id;
}

static json_t *change_json(const natrisk_portfolio_report *r,
                           const natrisk_portfolio_change *c)
{
	json_t *criteria = json_array();
	for (size_t k = 0; k < c->criterion_count; k++)
		json_array_append_new(criteria, json_string(
			criterion_name(r, c->criteria[k])));
	return json_pack("{s:s, s:o, s:o, s:o}", "scenario",
	                 scenario_id(r, c->scenario), "criteria", criteria,
	                 "risk_before", number_json(c->risk_before),
	                 "risk_after", number_json(c->risk_after));
}

static json_t *explain_json(const natrisk_portfolio_report *r,
                            const natrisk_portfolio_explain *e)
{
	json_t *changes = json_array();
	for (size_t k = 0; k < e->change_count; k++)
		json_array_append_new(changes, change_json(r, &e->changes[k]));
	json_t *alternative = json_null();
	if (e->has_alternative)
		alternative = json_pack(
			"{s:o, s:o, s:o, s:o}", "selected",
			selected_json(r, &e->alternative), "cost",
			number_json(e->alternative.cost), "reduction",
			number_json(e->alternative.reduction), "forgone",
			number_json(r->choice->reduction -
			            e->alternative.reduction));
	return json_pack("{s:s, s:o, s:o, s:o}", "id",
	                 measure_id(r, e->measure), "changes", changes,
	                 "marginal", number_json(e->marginal), "next_best",
	                 alternative);
}

static char *portfolio_json(const natrisk_portfolio_report *r)
{
	const natrisk_portfolio_choice *c = r->choice;
	json_t *root = json_pack(
		"{s:o, s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "budget",
		number_json(r->budget), "years", (json_int_t)r->years,
		"selected", selected_json(r, c), "cost", number_json(c->cost),
		"risk_before", number_json(c->risk_before), "risk_after",
		number_json(c->risk_after), "reduction",
		number_json(c->reduction), "measures", measures_json(r));
	if (root && r->frontier)
		json_object_set_new(root, "frontier", frontier_json(r));
	if (root && r->explain) {
		json_t *list = json_array();
		for (size_t k = 0; k < r->explain_count; k++)
			json_array_append_new(list,
			                      explain_json(r, &r->explain[k]));
		json_object_set_new(root, "explain", list);
	}
	return json_text_take(root);
}

/* ---- CSV -------------------------------------------------------------- */

/* The ids of C's selection separated by spaces, as a field after a
 * comma. */
static void csv_selected(FILE *out, const natrisk_portfolio_report *r,
                         const natrisk_portfolio_choice *c)
{
	fputc(',', out);
	bool quoted = false;
	for (size_t m = 0; m < measure_count(r); m++)
		if (c->selected[m] && strpbrk(measure_id(r, m), ",\"\r\n"))
			quoted = true;
	if (quoted)
		fputc('"', out);
	const char *separator = "";
	for (size_t m = 0; m < measure_count(r); m++) {
		if (!c->selected[m])
			continue;
		fputs(separator, out);
		for (const char *p = measure_id(r, m); *p; p++)
			fprintf(out, *p == '"' ? "\"\"" : "%c", *p);
		separator = " ";
	}
	if (quoted)
		fputc('"', out);
}

static void write_csv(FILE *out, const natrisk_portfolio_report *r)
{
	if (r->frontier) {
		fputs("budget,cost,reduction,selected\r\n", out);
		for (size_t k = 0; k < r->frontier_count; k++) {
			fprintf(out, "%.17g", r->frontier_budgets[k]);
			csv_number(out, r->frontier[k].cost);
			csv_number(out, r->frontier[k].reduction);
			csv_selected(out, r, &r->frontier[k]);
			fputs("\r\n", out);
		}
		return;
	}
	fprintf(out, "id,cost,selected,reduction_alone%s\r\n",
	        r->accepted ? ",acceptability" : "");
	for (size_t m = 0; m < measure_count(r); m++) {
		double cost, alone;
		natrisk_portfolio_measure_alone(r->portfolio, m, &cost, &alone);
		csv_field(out, "", measure_id(r, m));
		csv_number(out, cost);
		fprintf(out, ",%s", r->choice->selected[m] ? "true" : "false");
		csv_number(out, alone);
		if (r->accepted)
			csv_number(out, (double)r->accepted[m] / (double)r->draws);
		fputs("\r\n", out);
	}
}

/* ---- the table -------------------------------------------------------- */

static void write_measure_rows(FILE *out, const natrisk_portfolio_report *r)
{
	fprintf(out, "  %-28s %14s %14s%s\n", "Measure", "Cost",
	        "Alone", r->accepted ? "  Accepted" : "");
	for (size_t m = 0; m < measure_count(r); m++) {
		double cost, alone;
		natrisk_portfolio_measure_alone(r->portfolio, m, &cost, &alone);
		fprintf(out, "%c %-28s %14.0f %14.6g", r->choice->selected[m] ?
		        '*' : ' ', measure_id(r, m), cost, alone);
		if (r->accepted)
			fprintf(out, "  %7.1f %%", 100.0 * (double)r->accepted[m] /
			        (double)r->draws);
		fputc('\n', out);
	}
}

static void write_ids(FILE *out, const natrisk_portfolio_report *r,
                      const natrisk_portfolio_choice *c)
{
	const char *separator = "";
	for (size_t m = 0; m < measure_count(r); m++)
		if (c->selected[m]) {
			fprintf(out, "%s%s", separator, measure_id(r, m));
			separator = ", ";
		}
	if (!*separator)
		fputs("(none)", out);
}

static void write_explain(FILE *out, const natrisk_portfolio_report *r,
                          const natrisk_portfolio_explain *e)
{
	fprintf(out, "\n%s: %.6g of the reduction is its own\n",
	        measure_id(r, e->measure), e->marginal);
	for (size_t k = 0; k < e->change_count; k++) {
		const natrisk_portfolio_change *c = &e->changes[k];
		fprintf(out, "  %s (", scenario_id(r, c->scenario));
		for (size_t j = 0; j < c->criterion_count; j++)
			fprintf(out, "%s%s", j ? ", " : "",
			        criterion_name(r, c->criteria[j]));
		fprintf(out, "): risk %.6g -> %.6g alone\n", c->risk_before,
		        c->risk_after);
	}
	if (!e->has_alternative) {
		fputs("  next best use of its money: none (it must be chosen, "
		      "or a measure that must needs it)\n", out);
		return;
	}
	fputs("  next best use of its money: ", out);
	write_ids(out, r, &e->alternative);
	fprintf(out, " (reduction %.6g, %.6g less)\n",
	        e->alternative.reduction,
	        r->choice->reduction - e->alternative.reduction);
}

static void write_table(FILE *out, const natrisk_portfolio_report *r)
{
	const natrisk_portfolio_choice *c = r->choice;
	fprintf(out, "%s\nBudget %.0f over %u year%s; solver %s\n\n",
	        natrisk_plan_title(r->plan), r->budget, r->years,
	        r->years == 1 ? "" : "s", natrisk_portfolio_solver());
	fputs("Selected: ", out);
	write_ids(out, r, c);
	fprintf(out, "\nCost %.0f; risk %.6g -> %.6g, reduction %.6g\n\n",
	        c->cost, c->risk_before, c->risk_after, c->reduction);
	write_measure_rows(out, r);
	if (r->accepted)
		fprintf(out, "Accepted: the share of %llu draws whose optimum "
		        "holds the measure\n", (unsigned long long)r->draws);
	for (size_t k = 0; k < r->explain_count; k++)
		write_explain(out, r, &r->explain[k]);
	if (!r->frontier)
		return;
	fprintf(out, "\n%14s %14s %14s  %s\n", "Budget", "Cost", "Reduction",
	        "Selected");
	for (size_t k = 0; k < r->frontier_count; k++) {
		fprintf(out, "%14.0f %14.0f %14.6g  ", r->frontier_budgets[k],
		        r->frontier[k].cost, r->frontier[k].reduction);
		write_ids(out, r, &r->frontier[k]);
		fputc('\n', out);
	}
}

int natrisk_portfolio_write(const natrisk_portfolio_report *r,
                            natrisk_format format, FILE *out)
{
	if (format == NATRISK_FORMAT_JSON) {
		char *text = portfolio_json(r);
		if (!text)
			return error_set(NATRISK_ENOMEM, "out of memory");
		fputs(text, out);
		fputc('\n', out);
		free(text);
	} else if (format == NATRISK_FORMAT_CSV) {
		write_csv(out, r);
	} else {
		write_table(out, r);
	}
	return ferror(out) ? error_set(NATRISK_EIO, "cannot write the output")
	                   : NATRISK_OK;
}
