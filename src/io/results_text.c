/*
 * results_text.c - results as an 80-column table for the terminal and as
 * CSV (RFC 4180) for spreadsheets, plus the dispatch on the output format.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/output.h>

#include "../core/model.h"
#include "csv_write.h"

int natrisk_format_parse(const char *name, natrisk_format *out)
{
	static const char *const names[] = { "table", "json", "csv" };
	for (int i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (natrisk_format)i;
			return 0;
		}
	return -1;
}

/* "D", or "C..D+" when LL and UL differ from each other. */
static void likelihood_span(const natrisk_score *s, char *out, size_t size)
{
	char ll[4], ul[4];
	natrisk_grade_letters(&s->point[NATRISK_LL], ll);
	natrisk_grade_letters(&s->point[NATRISK_UL], ul);
	if (strcmp(ll, ul) == 0)
		snprintf(out, size, "%s", ll);
	else
		snprintf(out, size, "%s..%s", ll, ul);
}

static void write_table_row(FILE *out, const natrisk_assessment *a, size_t i,
                            const natrisk_scenario_result *r)
{
	const natrisk_scenario *s = &a->scenarios[i];
	char ev[4], span[12], range[4];
	natrisk_grade_letters(&s->likelihood.point[NATRISK_EV], ev);
	likelihood_span(&s->likelihood, span, sizeof span);
	natrisk_impact_range(&r->impact[NATRISK_EV], range);
	int id_width = (int)strlen(s->id) > 22 ? 21 : 22;
	fprintf(out, "%4d  %-*.*s%s %-3s %-8s %7.2f %7.2f %7.2f  %-5s",
	        r->rank, id_width, id_width, s->id,
	        id_width == 23 ? "~" : "", ev, span,
	        r->impact[NATRISK_LL].total, r->impact[NATRISK_EV].total,
	        r->impact[NATRISK_UL].total, range);
	if (isfinite(r->risk))
		fprintf(out, " %5.2f\n", r->risk);
	else
		fprintf(out, "     -\n");
}

static void write_table(const natrisk_results *r, natrisk_lang lang,
                        FILE *out)
{
	const natrisk_assessment *a = natrisk_results_assessment(r);
	const natrisk_method *m = a->method;
	const natrisk_profile *profile = &m->profiles[natrisk_results_profile(r)];
	fprintf(out, "%s\n", a->title);
	fprintf(out, "method %s, weights %s (%s)\n\n", m->id, profile->id,
	        natrisk_text_get(&profile->title, lang));
	fprintf(out, "%4s  %-22s %-12s %-23s  %-5s %5s\n", "Rank",
	        "Scenario", "Likelihood", "Impact total", "Impact", "Risk");
	fprintf(out, "%4s  %-22s %-3s %-8s %7s %7s %7s  %-5s\n", "", "", "EV",
	        "LL..UL", "LL", "EV", "UL", "range");
	const size_t *order = natrisk_results_order(r);
	for (size_t k = 0; k < natrisk_results_count(r); k++)
		write_table_row(out, a, order[k], natrisk_results_get(r, order[k]));
}

static void write_csv_header(FILE *out, const natrisk_method *m)
{
	fputs("rank,id,title,theme,kind,new,likelihood_ll,likelihood_ev,"
	      "likelihood_ul,likelihood_position,impact_ll_total,"
	      "impact_ev_total,impact_ul_total,impact_ev_position,"
	      "impact_class,impact_range,risk", out);
	for (size_t k = 0; k < m->interest_count; k++) {
		fputc(',', out);
		csv_field(out, "interest_", m->interests[k].id);
	}
	fputs("\r\n", out);
}

static void write_csv_row(FILE *out, const natrisk_assessment *a, size_t i,
                          const natrisk_scenario_result *r)
{
	const natrisk_scenario *s = &a->scenarios[i];
	fprintf(out, "%d,", r->rank);
	csv_field(out, "", s->id);
	fputc(',', out);
	csv_field(out, "", s->title);
	fputc(',', out);
	if (s->theme >= 0)
		csv_field(out, "", a->themes[s->theme].id);
	fprintf(out, ",%s,%s", natrisk_kind_name(s->kind),
	        s->is_new ? "true" : "false");
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		char grade[4];
		natrisk_grade_letters(&s->likelihood.point[p], grade);
		fprintf(out, ",%s", grade);
	}
	csv_number(out, r->likelihood_position[NATRISK_EV]);
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		csv_number(out, r->impact[p].total);
	csv_number(out, r->impact[NATRISK_EV].position);
	char range[4];
	natrisk_impact_range(&r->impact[NATRISK_EV], range);
	fprintf(out, ",%s,%s", natrisk_class_letter(r->impact[NATRISK_EV].cls),
	        range);
	csv_number(out, r->risk);
	for (size_t k = 0; k < a->method->interest_count; k++)
		csv_number(out, r->interests[k]);
	fputs("\r\n", out);
}

static void write_csv(const natrisk_results *r, FILE *out)
{
	const natrisk_assessment *a = natrisk_results_assessment(r);
	write_csv_header(out, a->method);
	const size_t *order = natrisk_results_order(r);
	for (size_t k = 0; k < natrisk_results_count(r); k++)
		write_csv_row(out, a, order[k], natrisk_results_get(r, order[k]));
}

int natrisk_results_write(const natrisk_results *r, natrisk_format format,
                          natrisk_lang lang, FILE *out)
{
	switch (format) {
	case NATRISK_FORMAT_JSON: {
		char *text = natrisk_results_json(r);
		if (!text)
			return NATRISK_ENOMEM;
		fprintf(out, "%s\n", text);
		free(text);
		break;
	}
	case NATRISK_FORMAT_CSV:
		write_csv(r, out);
		break;
	default:
		write_table(r, lang, out);
	}
	return ferror(out) ? NATRISK_EIO : NATRISK_OK;
}
