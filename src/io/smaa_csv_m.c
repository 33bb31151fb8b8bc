/*
 * smaa_csv_m.c - M.csv, the measurements of given SMAA samples:
 * "iteration,alternative,<criterion>,..." and one row per iteration and
 * alternative.
 *
 * Rows are grouped into iterations by their iteration number: a group
 * ends where the number changes. The first group names the alternatives
 * and their order; every later group must list the same ones in the same
 * order, so that row j of iteration k is alternative j and the values can
 * be stored in file order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/common.h>

#include "../core/messages.h"
#include "smaa_csv_internal.h"

#define M_HEADER "iteration,alternative,<criterion>,..."

typedef struct m_reader {
	csv_lexer lx;
	samples_build *b;
	uint64_t number;        /* the current group's iteration number */
	size_t row;             /* rows read in the current group */
	bool group_reported;    /* an alternative out of place was reported */
} m_reader;

/* Reports F as past a limit and stops the reading of the file. */
static void stop_at(m_reader *r, const csv_field *f, const char *message)
{
	samples_field_error(&r->lx, f, "%s", msg_tr(message));
	r->b->stopped = true;
}

static int add_alternative(m_reader *r, const csv_field *f)
{
	samples_build *b = r->b;
	if (b->m == NATRISK_SMAA_MAX_ALTERNATIVES) {
		stop_at(r, f, "more than " LIMIT(NATRISK_SMAA_MAX_ALTERNATIVES)
		        " alternatives: natrisk smaa reads at most "
		        LIMIT(NATRISK_SMAA_MAX_ALTERNATIVES));
		return 0;
	}
	if (b->m == b->alternatives_capacity) {
		size_t capacity = b->m ? 2 * b->m : 64;
		const char **grown = realloc(b->alternatives,
		                             capacity * sizeof *grown);
		if (!grown)
			return NATRISK_ENOMEM;
		b->alternatives = grown;
		b->alternatives_capacity = capacity;
	}
	const char *name = arena_strndup(b->arena, f->text, f->len);
	if (!name)
		return NATRISK_ENOMEM;
	size_t seen = csv_names_add(&b->alternative_index, name, b->m);
	if (seen == SIZE_MAX - 1)
		return NATRISK_ENOMEM;
	if (seen != SIZE_MAX) {
		char shown[80];
		samples_field_error(&r->lx, f, "alternative '%s' appears twice "
		                    "in iteration 1", csv_shown(name, shown,
		                                                sizeof shown));
	}
	b->alternatives[b->m++] = name;
	return 0;
}

/* Row R->row of a later iteration must be alternative R->row. */
static void check_alternative(m_reader *r, const csv_field *f)
{
	samples_build *b = r->b;
	if (r->group_reported)
		return;
	if (r->row < b->m && strcmp(f->text, b->alternatives[r->row]) == 0)
		return;
	size_t known = csv_names_find(&b->alternative_index, f->text);
	char shown[80], expected[80];
	const char *name = csv_shown(f->text, shown, sizeof shown);
	size_t k = b->iterations;
	if (known != SIZE_MAX && known < r->row)
		samples_field_error(&r->lx, f, "alternative '%s' appears twice "
		                    "in iteration %zu", name, k);
	else if (r->row >= b->m)
		samples_field_error(&r->lx, f, "unknown alternative '%s': "
		                    "iteration %zu has more rows than the %zu "
		                    "alternatives of iteration 1", name, k, b->m);
	else if (known != SIZE_MAX)
		samples_field_error(&r->lx, f, "alternative '%s' is missing "
		                    "from iteration %zu (found '%s'; every "
		                    "iteration lists the alternatives in the "
		                    "order of iteration 1)",
		                    csv_shown(b->alternatives[r->row], expected,
		                              sizeof expected), k, name);
	else
		samples_field_error(&r->lx, f, "unknown alternative '%s' in "
		                    "iteration %zu: iteration 1 has '%s' in this "
		                    "place", name, k,
		                    csv_shown(b->alternatives[r->row], expected,
		                              sizeof expected));
	r->group_reported = true;
}

/* The end of a later group, at LINE:COLUMN: all alternatives there? */
static void close_group(m_reader *r, int line, int column)
{
	samples_build *b = r->b;
	if (b->iterations <= 1 || r->group_reported || r->row >= b->m)
		return;
	char shown[80];
	samples_error(&r->lx, line, column, "alternative '%s' is missing from "
	              "iteration %zu (iteration 1 has %zu alternatives, "
	              "iteration %zu has %zu)",
	              csv_shown(b->alternatives[r->row], shown, sizeof shown),
	              b->iterations, b->m, b->iterations, r->row);
}

/* Starts a new group for iteration NUMBER, found in field F. */
static void open_group(m_reader *r, const csv_field *f, uint64_t number)
{
	samples_build *b = r->b;
	if (b->iterations == NATRISK_SMAA_MAX_ITERATIONS) {
		stop_at(r, f, "more than " LIMIT(NATRISK_SMAA_MAX_ITERATIONS)
		        " iterations: natrisk smaa reads at most "
		        LIMIT(NATRISK_SMAA_MAX_ITERATIONS));
		return;
	}
	if (b->iterations == 0 && number != 1)
		samples_field_error(&r->lx, f, "iterations are numbered from 1; "
		                    "the first is %llu",
		                    (unsigned long long)number);
	else if (b->iterations > 0 && number > r->number + 1)
		samples_field_error(&r->lx, f, "iteration %llu is missing "
		                    "(found %llu after %llu)",
		                    (unsigned long long)(r->number + 1),
		                    (unsigned long long)number,
		                    (unsigned long long)r->number);
	else if (b->iterations > 0 && number < r->number)
		samples_field_error(&r->lx, f, "iteration %llu after iteration "
		                    "%llu: iterations must be in increasing "
		                    "order", (unsigned long long)number,
		                    (unsigned long long)r->number);
	b->iterations++;
	r->number = number;
	r->row = 0;
	r->group_reported = false;
}

static int read_values(m_reader *r)
{
	samples_build *b = r->b;
	if (b->values.len + b->n > NATRISK_SMAA_MAX_VALUES) {
		stop_at(r, &r->lx.fields[0], "more than "
		        LIMIT(NATRISK_SMAA_MAX_VALUES) " measurements "
		        "(iterations * alternatives * criteria): natrisk smaa "
		        "reads at most " LIMIT(NATRISK_SMAA_MAX_VALUES));
		return 0;
	}
	for (size_t c = 0; c < b->n; c++) {
		double value = 0;
		if (2 + c < r->lx.count) {
			const csv_field *f = &r->lx.fields[2 + c];
			csv_number_status status = csv_parse_number(f, &value);
			csv_number_error(&r->lx, f, status);
		}
		if (csv_values_push(&b->values, value) != 0)
			return NATRISK_ENOMEM;
	}
	return 0;
}

static int read_row(m_reader *r)
{
	samples_build *b = r->b;
	csv_lexer *lx = &r->lx;
	bool whole = samples_row_width(lx, 2 + b->n);
	if (!whole && lx->count < 2)
		return 0; /* not even an iteration and an alternative */
	const csv_field *it = &lx->fields[0], *alt = &lx->fields[1];
	uint64_t number;
	if (!csv_parse_iteration(it, &number)) {
		char shown[80];
		samples_field_error(lx, it, "expected an iteration number "
		                    "(1, 2, ...), found '%s'",
		                    csv_shown(it->text, shown, sizeof shown));
		return 0;
	}
	if (b->iterations == 0 || number != r->number) {
		close_group(r, it->line, it->column);
		open_group(r, it, number);
		if (b->stopped)
			return 0;
	}
	int rc = 0;
	bool named = samples_name_ok(lx, alt, "alternative");
	if (b->iterations == 1)
		rc = add_alternative(r, alt); /* even unnamed: keeps the count */
	else if (named)
		check_alternative(r, alt);
	else
		r->group_reported = true;
	r->row++;
	return rc || b->stopped ? rc : read_values(r);
}

static bool read_header(m_reader *r)
{
	static const char *const words[] = { "iteration", "alternative" };
	samples_build *b = r->b;
	if (!samples_header_starts(&r->lx, words, 2, M_HEADER))
		return false;
	return samples_criteria(&r->lx, 2, b->arena, &b->criteria, &b->n,
	                        &b->criterion_index);
}

static int read_rows(m_reader *r)
{
	int got;
	while (!r->b->stopped && (got = csv_next_record(&r->lx)) == 1) {
		int rc = read_row(r);
		if (rc)
			return rc;
	}
	if (r->b->stopped || got < 0)
		return 0; /* reported; nothing more to check */
	close_group(r, r->lx.line, r->lx.column);
	if (r->b->iterations == 0)
		samples_error(&r->lx, r->lx.line, r->lx.column, "no iterations: "
		              "the header is not followed by any row");
	r->b->m_complete = true;
	return 0;
}

int samples_read_measurements(samples_build *b, const char *name,
                              const char *buf, size_t len)
{
	m_reader r = { .b = b };
	csv_lexer_init(&r.lx, name, buf, len, b->diag);
	r.lx.max_fields = 2 + NATRISK_SMAA_MAX_CRITERIA;
	r.lx.too_wide = MSG("more than " LIMIT(NATRISK_SMAA_MAX_CRITERIA)
	                    " criteria: natrisk smaa reads an iteration, an "
	                    "alternative and at most "
	                    LIMIT(NATRISK_SMAA_MAX_CRITERIA)
	                    " criteria a row");
	int rc = 0;
	if (samples_first_record(&r.lx, M_HEADER) == 1) {
		b->m_header_ok = read_header(&r);
		/* without the criteria the rows cannot be read */
		if (b->m_header_ok || b->n > 0)
			rc = read_rows(&r);
	}
	if (r.lx.out_of_memory)
		rc = NATRISK_ENOMEM;
	csv_lexer_release(&r.lx);
	return rc;
}
