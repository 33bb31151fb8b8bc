/*
 * smaa_csv_w.c - W.csv, the weights of given SMAA samples:
 * "iteration,<criterion>,..." and one row per iteration, numbered 1, 2,
 * ... as in M.csv.
 *
 * The criteria are matched to M.csv's by name, so their order may differ;
 * weights are stored in M's order. A weight vector must be one: no weight
 * below 0, and a sum within 1e-6 of 1. We do not normalise a vector that
 * is off: the point of given samples is an exact comparison with another
 * implementation, and a silent correction would hide a mistake in the
 * file that the other implementation may have read differently.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <natrisk/common.h>

#include "../core/messages.h"
#include "smaa_csv_internal.h"

#define W_HEADER "iteration,<criterion>,..."
#define SUM_TOLERANCE 1e-6

typedef struct w_reader {
	csv_lexer lx;
	samples_build *b;
	const char **criteria;  /* as W names them */
	size_t n;
	size_t *to_m;           /* W's criterion c is M's to_m[c] */
	bool matched;           /* every criterion of M, once: store weights */
	size_t rows;
	uint64_t expected;      /* the next iteration number */
	bool beyond_reported;
} w_reader;

/* Maps W's criteria onto M's, reporting the ones either file lacks. */
static int match_criteria(w_reader *r)
{
	samples_build *b = r->b;
	r->to_m = calloc(r->n + 1, sizeof *r->to_m);
	bool *covered = calloc(b->n + 1, sizeof *covered);
	if (!r->to_m || !covered) {
		free(covered);
		return NATRISK_ENOMEM;
	}
	char shown[80];
	bool ok = true;
	for (size_t c = 0; c < r->n; c++) {
		r->to_m[c] = csv_names_find(&b->criterion_index, r->criteria[c]);
		if (r->to_m[c] != SIZE_MAX) {
			covered[r->to_m[c]] = true;
			continue;
		}
		samples_field_error(&r->lx, &r->lx.fields[1 + c], "criterion "
		                    "'%s' is not among the criteria of %s",
		                    csv_shown(r->criteria[c], shown,
		                              sizeof shown), b->m_name);
		ok = false;
	}
	for (size_t c = 0; c < b->n; c++) {
		if (covered[c])
			continue;
		samples_error(&r->lx, r->lx.end_line, r->lx.end_column,
		              "criterion '%s' of %s is missing from the header",
		              csv_shown(b->criteria[c], shown, sizeof shown),
		              b->m_name);
		ok = false;
	}
	free(covered);
	r->matched = ok;
	return 0;
}

static int read_header(w_reader *r)
{
	static const char *const words[] = { "iteration" };
	if (!samples_header_starts(&r->lx, words, 1, W_HEADER))
		return 0;
	csv_names index = { 0 };
	bool named = samples_criteria(&r->lx, 1, r->b->arena, &r->criteria,
	                              &r->n, &index);
	csv_names_release(&index);
	if (!named || !r->b->m_header_ok)
		return 0;
	return match_criteria(r);
}

/* Iterations numbered 1, 2, ... and no more than M.csv has. */
static void check_number(w_reader *r, const csv_field *f, uint64_t number)
{
	samples_build *b = r->b;
	if (number > r->expected)
		samples_field_error(&r->lx, f, "iteration %llu is missing "
		                    "(found %llu)",
		                    (unsigned long long)r->expected,
		                    (unsigned long long)number);
	else if (number < r->expected)
		samples_field_error(&r->lx, f, "iteration %llu after iteration "
		                    "%llu: iterations must be in increasing "
		                    "order", (unsigned long long)number,
		                    (unsigned long long)(r->expected - 1));
	else if (b->m_complete && number > b->iterations &&
	         !r->beyond_reported) {
		samples_field_error(&r->lx, f, "iteration %llu is beyond the "
		                    "%zu iterations of %s",
		                    (unsigned long long)number, b->iterations,
		                    b->m_name);
		r->beyond_reported = true;
	}
	r->expected = number + 1;
}

/* One row's weights, into W (M's order; NULL: only checked). */
static bool read_weights(w_reader *r, double *w)
{
	double sum = 0, compensation = 0;
	bool ok = true;
	char shown[80];
	for (size_t c = 0; c < r->n && 1 + c < r->lx.count; c++) {
		const csv_field *f = &r->lx.fields[1 + c];
		double value;
		csv_number_status status = csv_parse_number(f, &value);
		if (status != CSV_NUMBER_OK) {
			csv_number_error(&r->lx, f, status);
			ok = false;
			continue;
		}
		if (value < 0) {
			samples_field_error(&r->lx, f, "weight %g of criterion "
			                    "'%s' is negative", value,
			                    csv_shown(r->criteria[c], shown,
			                              sizeof shown));
			ok = false;
		}
		double t = sum + value; /* Neumaier: the check is not fooled
		                           by rounding in long rows */
		compensation += fabs(sum) >= fabs(value) ? (sum - t) + value
		                                         : (value - t) + sum;
		sum = t;
		if (w)
			w[r->to_m[c]] = value;
	}
	if (ok && !(fabs(sum + compensation - 1) <= SUM_TOLERANCE))
		samples_field_error(&r->lx, &r->lx.fields[0], "the weights of "
		                    "this iteration sum to %.17g, not 1 (within "
		                    "1e-6)", sum + compensation);
	return ok;
}

static int read_row(w_reader *r)
{
	samples_build *b = r->b;
	csv_lexer *lx = &r->lx;
	bool whole = samples_row_width(lx, 1 + r->n);
	r->rows++;
	uint64_t number;
	if (!csv_parse_iteration(&lx->fields[0], &number)) {
		char shown[80];
		samples_field_error(lx, &lx->fields[0], "expected an iteration "
		                    "number (1, 2, ...), found '%s'",
		                    csv_shown(lx->fields[0].text, shown,
		                              sizeof shown));
		r->expected++;
	} else {
		check_number(r, &lx->fields[0], number);
	}
	double *w = NULL;
	/* kept for M's iterations only: more could not be used */
	if (r->matched && b->m_complete && r->rows <= b->iterations) {
		for (size_t c = 0; c < b->n; c++)
			if (csv_values_push(&b->weights, 0) != 0)
				return NATRISK_ENOMEM;
		w = b->weights.data + b->weights.len - b->n;
	}
	if (whole)
		read_weights(r, w);
	return 0;
}

static int read_rows(w_reader *r)
{
	samples_build *b = r->b;
	int got;
	r->expected = 1;
	while ((got = csv_next_record(&r->lx)) == 1) {
		int rc = read_row(r);
		if (rc)
			return rc;
	}
	if (got < 0)
		return 0; /* a syntax error: reported, nothing more to check */
	if (r->rows == 0)
		samples_error(&r->lx, r->lx.line, r->lx.column, "no iterations: "
		              "the header is not followed by any row");
	else if (b->m_complete && r->rows < b->iterations)
		samples_error(&r->lx, r->lx.line, r->lx.column, "iteration %zu "
		              "is missing: %s has %zu iterations, this file %zu",
		              r->rows + 1, b->m_name, b->iterations, r->rows);
	return 0;
}

int samples_read_weights(samples_build *b, const char *name, const char *buf,
                         size_t len)
{
	w_reader r = { .b = b };
	csv_lexer_init(&r.lx, name, buf, len, b->diag);
	r.lx.max_fields = 1 + NATRISK_SMAA_MAX_CRITERIA;
	r.lx.too_wide = MSG("more than " LIMIT(NATRISK_SMAA_MAX_CRITERIA)
	                    " criteria: natrisk smaa reads an iteration and "
	                    "at most " LIMIT(NATRISK_SMAA_MAX_CRITERIA)
	                    " criteria a row");
	int rc = 0;
	if (samples_first_record(&r.lx, W_HEADER) == 1) {
		rc = read_header(&r);
		if (rc == 0 && r.n > 0)
			rc = read_rows(&r);
	}
	free(r.to_m);
	if (r.lx.out_of_memory)
		rc = NATRISK_ENOMEM;
	csv_lexer_release(&r.lx);
	return rc;
}
