/*
 * cmd_robustness.c - "natrisk robustness FILE": how robust the ranking of
 * the scenarios by impact is to the choice of weights and of aggregation
 * method (method.md section 4, the 2008 round's ordinal methods). The
 * rankings, Kendall's tau-b between every two and the scenarios whose
 * position depends on the method come from natrisk_robustness_new()
 * (ordinal.h); this file only writes them: an 80-column table, JSON or
 * CSV.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include <natrisk/ordinal.h>
#include <natrisk/output.h>

#include "../io/csv_write.h"
#include "cli.h"

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

static int write_json(FILE *out, const natrisk_robustness *r)
{
	json_t *root = robustness_json(r);
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                                       JSON_REAL_PRECISION(17));
	json_decref(root);
	fputc('\n', out);
	return rc == 0 ? 0 : -1;
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

static int write_output(const natrisk_robustness *r, natrisk_format format,
                        natrisk_lang lang, FILE *out)
{
	switch (format) {
	case NATRISK_FORMAT_JSON:
		return write_json(out, r);
	case NATRISK_FORMAT_CSV:
		write_csv(out, r);
		return 0;
	case NATRISK_FORMAT_TABLE:
		write_table(out, r, lang);
		return 0;
	}
	return -1;
}

/* Computes and writes; returns the exit status. */
static int robustness(const cli_command *cmd, const cli_args *args,
                      const cli_run *run, natrisk_format format)
{
	natrisk_robustness *r;
	if (natrisk_robustness_new(&r, run->assessment) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		return EXIT_INVALID;
	}
	cli_output out;
	int status = cli_output_open(&out);
	if (status == 0) {
		if (write_output(r, format, args->lang, out.stream) != 0) {
			fprintf(stderr, "natrisk %s: cannot write the output\n",
			        cmd->name);
			cli_output_discard(&out);
			status = EXIT_INVALID;
		} else {
			status = cli_output_commit(&out, args->output);
		}
	}
	natrisk_robustness_free(r);
	return status;
}

static int run_robustness(const cli_command *cmd, int argc, char **argv)
{
	cli_args args;
	int status = cli_parse_args(cmd, argc, argv, "flo", &args);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	natrisk_format format = NATRISK_FORMAT_TABLE;
	if (args.format &&
	    (status = cli_table_format(cmd, args.format, &format)) != 0)
		return status;
	cli_run run;
	if ((status = cli_run_open(cmd, &args, &run)) != 0)
		return status;
	status = robustness(cmd, &args, &run, format);
	cli_run_close(&run);
	return status;
}

const cli_command cmd_robustness = {
	"robustness", "compare the impact ranking across weights and methods",
	"usage: natrisk robustness FILE [--format table|json|csv] "
	"[--lang en|nl] [-o OUT]\n\n"
	"Ranks the scenarios by impact under every weight profile of the\n"
	"method (weighted sum of class values), and with the weighted sum,\n"
	"the medal method (counts of E scores, then D, C, B, A) and Evamix\n"
	"(Voogd 1983; ordinal and cardinal criteria mixed), the last two with\n"
	"the weights of the method's default profile where weights are\n"
	"needed. Prints every ranking, Kendall's tau-b between every two, and\n"
	"the scenarios whose position depends on the method (ranks spanning\n"
	"two places or more). Rank 1 is the most severe; ties share a rank.\n\n"
	"  -f, --format FORMAT   table (default); json: methods, rankings\n"
	"                        {method: {scenario: rank}}, kendall_tau (rows\n"
	"                        and columns in the order of methods),\n"
	"                        method_dependent; csv: one row per scenario\n"
	"                        with its rank under every method\n"
	"  -l, --lang LANG       language of the table: en or nl\n"
	"  -o, --output OUT      write to OUT instead of standard output\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_robustness,
};
