/*
 * smaa_output.c - the result of a stochastic analysis as JSON (formats.md,
 * "natrisk smaa"), as a table for the terminal and as CSV (see
 * smaa_output.h).
 *
 * JSON numbers keep 17 significant digits, so that other implementations
 * can be checked against them exactly; shares are ratios of integer
 * counts, so they are the same bytes whatever the number of threads. The
 * thread count is never written, for the same reason.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/smaa_output.h>

#include "../core/error.h"
#include "csv_write.h"
#include "json_text.h"

static const char *const class_keys[] = { "X", "A", "B", "C", "D", "E" };

/* An m x m table of F(s, i, j). */
static json_t *square(const natrisk_smaa *s,
                      double (*f)(const natrisk_smaa *, size_t, size_t))
{
	size_t m = natrisk_smaa_alternatives(s);
	json_t *rows = json_array();
	for (size_t i = 0; i < m; i++) {
		json_t *row = json_array();
		for (size_t j = 0; j < m; j++)
			json_array_append_new(row, json_real(f(s, i, j)));
		json_array_append_new(rows, row);
	}
	return rows;
}

static json_t *names(const natrisk_smaa *s, size_t count,
                     const char *(*name)(const natrisk_smaa *, size_t))
{
	json_t *list = json_array();
	for (size_t k = 0; k < count; k++)
		json_array_append_new(list, json_string(name(s, k)));
	return list;
}

static json_t *central_weights(const natrisk_smaa *s)
{
	size_t m = natrisk_smaa_alternatives(s), n = natrisk_smaa_criteria(s);
	json_t *list = json_array();
	for (size_t i = 0; i < m; i++) {
		double w;
		if (!natrisk_smaa_central_weight(s, i, 0, &w)) {
			json_array_append_new(list, json_null());
			continue;
		}
		json_t *row = json_array();
		for (size_t c = 0; c < n; c++) {
			natrisk_smaa_central_weight(s, i, c, &w);
			json_array_append_new(row, json_real(w));
		}
		json_array_append_new(list, row);
	}
	return list;
}

static json_t *confidence_factors(const natrisk_smaa *s)
{
	json_t *list = json_array();
	for (size_t i = 0; i < natrisk_smaa_alternatives(s); i++) {
		double cf;
		json_array_append_new(list, natrisk_smaa_confidence(s, i, &cf)
		                                    ? json_real(cf)
		                                    : json_null());
	}
	return list;
}

static json_t *entropies(const natrisk_smaa *s)
{
	json_t *list = json_array();
	for (size_t i = 0; i < natrisk_smaa_alternatives(s); i++)
		json_array_append_new(list,
		                      json_real(natrisk_smaa_rank_entropy(s, i)));
	return list;
}

static json_t *class_probabilities(const natrisk_smaa *s)
{
	json_t *list = json_array();
	for (size_t i = 0; i < natrisk_smaa_alternatives(s); i++) {
		json_t *classes = json_object();
		for (int k = -1; k <= 4; k++)
			json_object_set_new(classes, class_keys[k + 1],
			                    json_real(natrisk_smaa_class_probability(
				                    s, i, k)));
		json_array_append_new(list, classes);
	}
	return list;
}

/* Per alternative 5 x 5: rows likelihood A..E, columns impact A..E. */
static json_t *cell_probabilities(const natrisk_smaa *s)
{
	json_t *list = json_array();
	for (size_t i = 0; i < natrisk_smaa_alternatives(s); i++) {
		json_t *rows = json_array();
		for (int l = 0; l < 5; l++) {
			json_t *row = json_array();
			for (int k = 0; k < 5; k++)
				json_array_append_new(row, json_real(
					natrisk_smaa_cell_probability(s, i, l, k)));
			json_array_append_new(rows, row);
		}
		json_array_append_new(list, rows);
	}
	return list;
}

static json_t *smaa_json(const natrisk_smaa *s,
                         const natrisk_smaa_write_options *o)
{
	unsigned outputs = natrisk_smaa_outputs(s);
	json_t *root = json_object();
	json_object_set_new(root, "iterations",
	                    json_integer((json_int_t)natrisk_smaa_iterations(s)));
	json_object_set_new(root, "alternatives",
	                    names(s, natrisk_smaa_alternatives(s),
	                          natrisk_smaa_alternative_name));
	json_object_set_new(root, "criteria",
	                    names(s, natrisk_smaa_criteria(s),
	                          natrisk_smaa_criterion_name));
	json_object_set_new(root, "rank_acceptability",
	                    square(s, natrisk_smaa_rank_acceptability));
	json_object_set_new(root, "central_weights", central_weights(s));
	json_object_set_new(root, "confidence_factors", confidence_factors(s));
	if (o && o->has_seed)
		json_object_set_new(root, "seed",
		                    json_integer((json_int_t)o->seed));
	json_object_set_new(root, "rank_entropy", entropies(s));
	if (outputs & NATRISK_SMAA_CLASSES)
		json_object_set_new(root, "impact_class_probability",
		                    class_probabilities(s));
	if (outputs & NATRISK_SMAA_CELLS)
		json_object_set_new(root, "cell_probability",
		                    cell_probabilities(s));
	if (outputs & NATRISK_SMAA_PAIRWISE)
		json_object_set_new(root, "pairwise",
		                    square(s, natrisk_smaa_pairwise));
	if (outputs & NATRISK_SMAA_RISK)
		json_object_set_new(root, "risk_rank_acceptability",
		                    square(s, natrisk_smaa_risk_acceptability));
	return root;
}

char *natrisk_smaa_json(const natrisk_smaa *s,
                        const natrisk_smaa_write_options *options)
{
	json_t *root = smaa_json(s, options);
	return json_text_take(root);
}

/* ------------------------------------------------------------- table */

/* The alternatives by expected rank, best first; free it. */
static size_t *table_order(const natrisk_smaa *s)
{
	size_t *order = malloc((natrisk_smaa_alternatives(s) + 1) *
	                       sizeof *order);
	if (order && natrisk_smaa_order(s, order) != 0) {
		free(order);
		return NULL;
	}
	return order;
}

static void table_line(FILE *out, const natrisk_smaa *s, size_t place,
                       size_t i)
{
	size_t r = natrisk_smaa_most_likely_rank(s, i);
	char confidence[16] = "-";
	double cf;
	if (natrisk_smaa_confidence(s, i, &cf))
		snprintf(confidence, sizeof confidence, "%.3f", cf);
	fprintf(out, "%3zu  %-22.22s %5zu %7.3f %8.3f %6.2f %10s %8.2f\n",
	        place, natrisk_smaa_alternative_name(s, i), r + 1,
	        natrisk_smaa_rank_acceptability(s, i, r),
	        natrisk_smaa_rank_acceptability(s, i, 0),
	        natrisk_smaa_expected_rank(s, i),
	        confidence, natrisk_smaa_rank_entropy(s, i));
}

enum { PAIRWISE_SHOWN = 8 };

/* The top left of the pairwise matrix, in table order. */
static void pairwise_lines(FILE *out, const natrisk_smaa *s,
                           const size_t *rows)
{
	size_t m = natrisk_smaa_alternatives(s);
	size_t shown = m < PAIRWISE_SHOWN ? m : PAIRWISE_SHOWN;
	fprintf(out, "\nP(row valued above column)%s\n",
	        shown < m ? ", the first 8 of the table" : "");
	fprintf(out, "%3s  %-16s", "#", "Alternative");
	for (size_t j = 0; j < shown; j++)
		fprintf(out, " %6zu", j + 1);
	fputc('\n', out);
	for (size_t a = 0; a < shown; a++) {
		fprintf(out, "%3zu  %-16.16s", a + 1,
		        natrisk_smaa_alternative_name(s, rows[a]));
		for (size_t b = 0; b < shown; b++) {
			if (a == b)
				fprintf(out, " %6s", "-");
			else
				fprintf(out, " %6.3f", natrisk_smaa_pairwise(
					s, rows[a], rows[b]));
		}
		fputc('\n', out);
	}
}

static int write_table(const natrisk_smaa *s,
                       const natrisk_smaa_write_options *o, FILE *out)
{
	size_t *rows = table_order(s);
	if (!rows)
		return error_set(NATRISK_ENOMEM, "out of memory");
	size_t m = natrisk_smaa_alternatives(s);
	if (o && o->title)
		fprintf(out, "SMAA: %s\n", o->title);
	else
		fprintf(out, "SMAA%s\n", o && o->has_seed ? ""
		                                          : " on given samples");
	fprintf(out, "%llu iterations",
	        (unsigned long long)natrisk_smaa_iterations(s));
	if (o && o->has_seed)
		fprintf(out, ", seed %llu", (unsigned long long)o->seed);
	fprintf(out, "; %zu alternatives, %zu criteria\n\n", m,
	        natrisk_smaa_criteria(s));
	fprintf(out, "%3s  %-22s %-13s %8s %6s %10s %8s\n", "", "",
	        "Most likely", "Rank 1", "Mean", "Confidence", "Entropy");
	fprintf(out, "%3s  %-22s %5s %7s %8s %6s %10s %8s\n", "#",
	        "Alternative", "rank", "share", "share", "rank", "factor",
	        "(bits)");
	for (size_t k = 0; k < m; k++)
		table_line(out, s, k + 1, rows[k]);
	if (natrisk_smaa_outputs(s) & NATRISK_SMAA_PAIRWISE)
		pairwise_lines(out, s, rows);
	free(rows);
	return 0;
}

/* --------------------------------------------------------------- CSV */

static void csv_header(FILE *out, const natrisk_smaa *s)
{
	fputs("alternative", out);
	for (size_t r = 0; r < natrisk_smaa_alternatives(s); r++)
		fprintf(out, ",rank_%zu", r + 1);
	for (size_t c = 0; c < natrisk_smaa_criteria(s); c++) {
		fputc(',', out);
		csv_field(out, "central_", natrisk_smaa_criterion_name(s, c));
	}
	fputs(",confidence,entropy\r\n", out);
}

static void csv_row(FILE *out, const natrisk_smaa *s, size_t i)
{
	csv_field(out, "", natrisk_smaa_alternative_name(s, i));
	for (size_t r = 0; r < natrisk_smaa_alternatives(s); r++)
		fprintf(out, ",%.17g", natrisk_smaa_rank_acceptability(s, i, r));
	for (size_t c = 0; c < natrisk_smaa_criteria(s); c++) {
		double w;
		if (natrisk_smaa_central_weight(s, i, c, &w))
			fprintf(out, ",%.17g", w);
		else
			fputc(',', out);
	}
	double cf;
	if (natrisk_smaa_confidence(s, i, &cf))
		fprintf(out, ",%.17g", cf);
	else
		fputc(',', out);
	fprintf(out, ",%.17g\r\n", natrisk_smaa_rank_entropy(s, i));
}

int natrisk_smaa_write(const natrisk_smaa *s, natrisk_format format,
                       const natrisk_smaa_write_options *options, FILE *out)
{
	switch (format) {
	case NATRISK_FORMAT_JSON: {
		char *text = natrisk_smaa_json(s, options);
		if (!text)
			return NATRISK_ENOMEM;
		fprintf(out, "%s\n", text);
		free(text);
		break;
	}
	case NATRISK_FORMAT_CSV:
		csv_header(out, s);
		for (size_t i = 0; i < natrisk_smaa_alternatives(s); i++)
			csv_row(out, s, i);
		break;
	default:
		if (write_table(s, options, out) != 0)
			return NATRISK_ENOMEM;
	}
	return ferror(out) ? NATRISK_EIO : NATRISK_OK;
}
