/*
 * robustness_output.c - writing the robustness of the impact ranking
 * (ordinal.h, "natrisk robustness"): every ranking, Kendall's tau-b
 * between every two and the scenarios whose position depends on the
 * method, as an 80-column table, JSON or CSV.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/robustness_output.h>

#include "../core/error.h"
#include "csv_write.h"

enum { WIDTH = 80, RANK_LABEL = 24, RANK_CELL = 4, TAU_LABEL = 20,
       TAU_CELL = 6 };

/* A fixed text of the table in the chosen language. */
static const char *tr(natrisk_lang lang, const char *en, const char *nl)
{
	return lang == NATRISK_LANG_NL ? nl : en;
}

/* TEXT in at most WIDTH characters (UTF-8 code points), cut with "~". */
static void put_fit(FILE *out, const char *text, size_t width)
{
	size_t chars = 0, cut = 0;
	for (const char *p = text; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80) {
			if (++chars == width)
				cut = (size_t)(p - text); /* start of the last */
		}
	if (chars <= width) {
		fputs(text, out);
		return;
	}
	fwrite(text, 1, cut, out);
	fputc('~', out);
}

static bool is_dependent(const natrisk_robustness *r, size_t i)
{
	const size_t *dep = natrisk_robustness_dependent(r);
	for (size_t d = 0; d < natrisk_robustness_dependent_count(r); d++)
		if (dep[d] == i)
			return true;
	return false;
}

/* Columns FIRST..FIRST+COUNT-1 of the ranking table, one row per
 * scenario in weighted-sum order; LAST adds the span column. */
static void write_rank_block(FILE *out, const natrisk_robustness *r,
                             size_t first, size_t count, bool last,
                             natrisk_lang lang)
{
	const natrisk_assessment *a = natrisk_robustness_assessment(r);
	fprintf(out, "%-*s", RANK_LABEL, "Scenario");
	for (size_t k = first; k < first + count; k++)
		fprintf(out, "%*zu", RANK_CELL, k + 1);
	fprintf(out, "%s\n", last ? tr(lang, "  span", "  bereik") : "");
	const size_t *order = natrisk_robustness_order(r);
	for (size_t o = 0; o < natrisk_assessment_scenario_count(a); o++) {
		size_t i = order[o];
		const char *id = natrisk_assessment_scenario(a, i)->id;
		bool cut = strlen(id) > RANK_LABEL - 2;
		fprintf(out, "%c %-*.*s%s", is_dependent(r, i) ? '*' : ' ',
		        RANK_LABEL - 2 - cut, RANK_LABEL - 2 - cut, id,
		        cut ? "~" : "");
		for (size_t k = first; k < first + count; k++)
			fprintf(out, "%*d", RANK_CELL,
			        natrisk_robustness_ranking(r, k)->ranks[i]);
		if (last) {
			int best, worst;
			natrisk_robustness_span(r, i, &best, &worst);
			fprintf(out, "  %d-%d", best, worst);
		}
		fputc('\n', out);
	}
}

static void write_legend(FILE *out, const natrisk_robustness *r,
                         natrisk_lang lang)
{
	const natrisk_method *m =
		natrisk_assessment_method(natrisk_robustness_assessment(r));
	char line[512];
	for (size_t k = 0; k < natrisk_robustness_count(r); k++) {
		const natrisk_ranking *g = natrisk_robustness_ranking(r, k);
		const char *weights = NULL;
		/* The method rankings say whose weights they use. */
		if (g->profile >= 0 &&
		    strcmp(g->id, natrisk_method_profile(
			    m, (size_t)g->profile)->id) != 0)
			weights = natrisk_method_profile(m, (size_t)g->profile)->id;
		snprintf(line, sizeof line, "%4zu  %-19s %s%s%s%s%s", k + 1,
		         g->id, natrisk_text_get(&g->title, lang),
		         weights ? " (" : "",
		         weights ? tr(lang, "weights ", "gewichten ") : "",
		         weights ? weights : "", weights ? ")" : "");
		put_fit(out, line, WIDTH);
		fputc('\n', out);
	}
}

static void write_rank_table(FILE *out, const natrisk_robustness *r,
                             natrisk_lang lang)
{
	size_t k = natrisk_robustness_count(r);
	size_t per_block = (WIDTH - RANK_LABEL - 10) / RANK_CELL;
	for (size_t first = 0; first < k; first += per_block) {
		size_t count = k - first < per_block ? k - first : per_block;
		if (first > 0)
			fputc('\n', out);
		write_rank_block(out, r, first, count, first + count == k, lang);
	}
	fprintf(out, "\n%s %d %s\n\n", tr(lang, "* position depends on the "
	        "method: its ranks span", "* positie hangt af van de "
	        "methode: de rangen liggen"), NATRISK_DEPENDENT_RANGE,
	        tr(lang, "places or more", "plaatsen of meer uiteen"));
	write_legend(out, r, lang);
}

static void write_tau_block(FILE *out, const natrisk_robustness *r,
                            size_t first, size_t count)
{
	fprintf(out, "%-*s", TAU_LABEL, "");
	for (size_t l = first; l < first + count; l++)
		fprintf(out, "%*zu", TAU_CELL, l + 1);
	fputc('\n', out);
	for (size_t k = 0; k < natrisk_robustness_count(r); k++) {
		fprintf(out, "%3zu %-*.*s", k + 1, TAU_LABEL - 4, TAU_LABEL - 4,
		        natrisk_robustness_ranking(r, k)->id);
		for (size_t l = first; l < first + count; l++) {
			double tau = natrisk_robustness_tau(r, k, l);
			if (isfinite(tau))
				fprintf(out, "%*.2f", TAU_CELL, tau);
			else
				fprintf(out, "%*s", TAU_CELL, "-");
		}
		fputc('\n', out);
	}
}

static void write_tau_table(FILE *out, const natrisk_robustness *r,
                            natrisk_lang lang)
{
	fprintf(out, "\n%s\n\n", tr(lang, "Kendall's tau-b between the "
	        "rankings (1 = the same order, -1 = reversed)",
	        "Kendalls tau-b tussen de rangordes (1 = dezelfde volgorde, "
	        "-1 = omgekeerd)"));
	size_t k = natrisk_robustness_count(r);
	size_t per_block = (WIDTH - TAU_LABEL) / TAU_CELL;
	for (size_t first = 0; first < k; first += per_block) {
		if (first > 0)
			fputc('\n', out);
		write_tau_block(out, r, first,
		                k - first < per_block ? k - first : per_block);
	}
}

static void write_dependent_list(FILE *out, const natrisk_robustness *r,
                                 natrisk_lang lang)
{
	const natrisk_assessment *a = natrisk_robustness_assessment(r);
	size_t count = natrisk_robustness_dependent_count(r);
	fprintf(out, "\n%s:%s%s\n", tr(lang, "Position depends on the method",
	                                "Positie hangt af van de methode"),
	        count ? "" : " ", count ? "" : tr(lang, "none", "geen"));
	for (size_t d = 0; d < count; d++) {
		size_t i = natrisk_robustness_dependent(r)[d];
		int best, worst;
		natrisk_robustness_span(r, i, &best, &worst);
		fputs("  ", out);
		put_fit(out, natrisk_assessment_scenario(a, i)->id, 60);
		fprintf(out, "  %s %d-%d\n", tr(lang, "ranks", "rangen"), best,
		        worst);
	}
}

static void write_table(FILE *out, const natrisk_robustness *r,
                        natrisk_lang lang)
{
	const natrisk_assessment *a = natrisk_robustness_assessment(r);
	put_fit(out, natrisk_assessment_title(a), WIDTH);
	fprintf(out, "\n%s %s; %s\n\n", tr(lang, "method", "methode"),
	        natrisk_method_id(natrisk_assessment_method(a)),
	        tr(lang, "ranks by EV total impact, 1 = most severe",
	           "rangen naar totale impact (VW), 1 = het ernstigst"));
	write_rank_table(out, r, lang);
	write_tau_table(out, r, lang);
	write_dependent_list(out, r, lang);
}

/* {scenario id: rank} of ranking K, in file order. */
static json_t *ranks_json(const natrisk_robustness *r, size_t k)
{
	const natrisk_assessment *a = natrisk_robustness_assessment(r);
	json_t *ranks = json_object();
	for (size_t i = 0; i < natrisk_assessment_scenario_count(a); i++)
		json_object_set_new(ranks, natrisk_assessment_scenario(a, i)->id,
		                    json_integer(natrisk_robustness_ranking(
					    r, k)->ranks[i]));
	return ranks;
}

static json_t *tau_json(const natrisk_robustness *r)
{
	json_t *matrix = json_array();
	for (size_t k = 0; k < natrisk_robustness_count(r); k++) {
		json_t *row = json_array();
		for (size_t l = 0; l < natrisk_robustness_count(r); l++) {
			double tau = natrisk_robustness_tau(r, k, l);
			json_array_append_new(row, isfinite(tau) ? json_real(tau)
			                                         : json_null());
		}
		json_array_append_new(matrix, row);
	}
	return matrix;
}

static json_t *dependent_json(const natrisk_robustness *r)
{
	const natrisk_assessment *a = natrisk_robustness_assessment(r);
	json_t *list = json_array();
	for (size_t d = 0; d < natrisk_robustness_dependent_count(r); d++) {
		size_t i = natrisk_robustness_dependent(r)[d];
		int best, worst;
		natrisk_robustness_span(r, i, &best, &worst);
		json_t *ranks = json_object();
		for (size_t k = 0; k < natrisk_robustness_count(r); k++)
			json_object_set_new(ranks,
			                    natrisk_robustness_ranking(r, k)->id,
			                    json_integer(natrisk_robustness_ranking(
						    r, k)->ranks[i]));
		json_t *entry = json_object();
		json_object_set_new(entry, "id", json_string(
			natrisk_assessment_scenario(a, i)->id));
		json_object_set_new(entry, "best", json_integer(best));
		json_object_set_new(entry, "worst", json_integer(worst));
		json_object_set_new(entry, "ranks", ranks);
		json_array_append_new(list, entry);
	}
	return list;
}

static json_t *robustness_json(const natrisk_robustness *r)
{
	const natrisk_assessment *a = natrisk_robustness_assessment(r);
	const natrisk_method *m = natrisk_assessment_method(a);
	json_t *root = json_object(), *methods = json_array();
	json_t *rankings = json_object();
	json_object_set_new(root, "title",
	                    json_string(natrisk_assessment_title(a)));
	json_object_set_new(root, "method", json_string(natrisk_method_id(m)));
	json_object_set_new(root, "default_profile", json_string(
		natrisk_method_profile(m, natrisk_method_default_profile(m))->id));
	for (size_t k = 0; k < natrisk_robustness_count(r); k++) {
		const char *id = natrisk_robustness_ranking(r, k)->id;
		json_array_append_new(methods, json_string(id));
		json_object_set_new(rankings, id, ranks_json(r, k));
	}
	json_object_set_new(root, "methods", methods);
	json_object_set_new(root, "rankings", rankings);
	json_object_set_new(root, "kendall_tau", tau_json(r));
	json_object_set_new(root, "dependent_range",
	                    json_integer(NATRISK_DEPENDENT_RANGE));
	json_object_set_new(root, "method_dependent", dependent_json(r));
	return root;
}

/* One row per scenario, in weighted-sum order: its rank under every
 * ranking, its best and worst rank, and whether it depends on the
 * method. */
static void write_csv(FILE *out, const natrisk_robustness *r)
{
	const natrisk_assessment *a = natrisk_robustness_assessment(r);
	size_t k = natrisk_robustness_count(r);
	fputs("id,title", out);
	for (size_t l = 0; l < k; l++) {
		fputc(',', out);
		csv_field(out, "", natrisk_robustness_ranking(r, l)->id);
	}
	fputs(",best,worst,method_dependent\r\n", out);
	const size_t *order = natrisk_robustness_order(r);
	for (size_t o = 0; o < natrisk_assessment_scenario_count(a); o++) {
		const natrisk_scenario *s = natrisk_assessment_scenario(a, order[o]);
		csv_field(out, "", s->id);
		fputc(',', out);
		csv_field(out, "", s->title);
		for (size_t l = 0; l < k; l++)
			fprintf(out, ",%d",
			        natrisk_robustness_ranking(r, l)->ranks[order[o]]);
		int best, worst;
		natrisk_robustness_span(r, order[o], &best, &worst);
		fprintf(out, ",%d,%d,%s\r\n", best, worst,
		        is_dependent(r, order[o]) ? "true" : "false");
	}
}

char *natrisk_robustness_json(const natrisk_robustness *r)
{
	json_t *root = robustness_json(r);
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                                      JSON_REAL_PRECISION(17));
	json_decref(root);
	return text;
}

int natrisk_robustness_write(const natrisk_robustness *r,
                             natrisk_format format, natrisk_lang lang,
                             FILE *out)
{
	switch (format) {
	case NATRISK_FORMAT_JSON: {
		char *text = natrisk_robustness_json(r);
		if (!text)
			return error_set(NATRISK_ENOMEM, "out of memory");
		fprintf(out, "%s\n", text);
		free(text);
		break;
	}
	case NATRISK_FORMAT_CSV:
		write_csv(out, r);
		break;
	default:
		write_table(out, r, lang);
	}
	return ferror(out) ? error_set(NATRISK_EIO, "cannot write the output")
	                   : NATRISK_OK;
}
