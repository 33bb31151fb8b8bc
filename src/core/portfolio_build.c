/*
 * portfolio_build.c - the mixed-integer program of a prepared portfolio
 * (portfolio_model.h says which): columns, the rows that tie each
 * scenario's subset columns to the measures, requires, excludes, must
 * and never, and the budget, value and count rows that the solving
 * stages bound.
 */
#include "core/portfolio_model.h"

#include <math.h>
#include <stdlib.h>

#include <natrisk/common.h>

#include "core/error.h"

/* Scratch for one scenario's rows: at most all its columns plus x. */
typedef struct scratch {
	size_t *column;
	double *value;
} scratch;

/* The columns of scenario S from *NEXT on, their value coefficients
 * and the rows that tie them to the measures. */
static int scenario_rows(natrisk_portfolio *p, size_t s, size_t *next,
                         size_t *value_columns, double *value_coefs,
                         size_t *value_count, scratch *tmp)
{
	const natrisk_portfolio_scenario *sc = &p->problem->scenarios[s];
	const double *r = p->table + p->table_start[s];
	size_t first = *next, count = 0;
	for (unsigned long mask = 1; mask < 1UL << sc->touching_count; mask++) {
		if (!portfolio_efficient(r, mask, sc->touching_count))
			continue;
		size_t column = first + count++;
		value_columns[*value_count] = column;
		value_coefs[(*value_count)++] = (r[0] - r[mask]) / p->value_scale;
	}
	*next = first + count;
	if (count == 0)
		return NATRISK_OK;
	for (size_t j = 0; j < count; j++) {
		tmp->column[j] = first + j;
		tmp->value[j] = 1.0;
	}
	int rc = milp_add_row(&p->model, count, tmp->column, tmp->value,
	                      -HUGE_VAL, 1.0, NULL);
	for (size_t k = 0; k < sc->touching_count && rc == NATRISK_OK; k++) {
		size_t used = 0, j = 0;
		for (unsigned long mask = 1; mask < 1UL << sc->touching_count;
		     mask++) {
			if (!portfolio_efficient(r, mask, sc->touching_count))
				continue;
			if (mask & (1UL << k)) {
				tmp->column[used] = first + j;
				tmp->value[used++] = 1.0;
			}
			j++;
		}
		if (used == 0)
			continue;
		tmp->column[used] = sc->touching[k];
		tmp->value[used++] = -1.0;
		rc = milp_add_row(&p->model, used, tmp->column, tmp->value,
		                  -HUGE_VAL, 0.0, NULL);
	}
	return rc;
}

static int pair_row(milp *model, size_t a, size_t b, double sign,
                    double upper)
{
	size_t column[2] = { a, b };
	double value[2] = { 1.0, sign };
	return milp_add_row(model, 2, column, value, -HUGE_VAL, upper, NULL);
}

/* requires (x_a <= x_b) and excludes (x_a + x_b <= 1), must, never. */
static int measure_rows(natrisk_portfolio *p)
{
	const natrisk_portfolio_problem *pr = p->problem;
	int rc = NATRISK_OK;
	for (size_t m = 0; m < p->measures && rc == NATRISK_OK; m++) {
		const natrisk_portfolio_measure *me = &pr->measures[m];
		p->model.integer[m] = true;
		if (pr->must && pr->must[m])
			p->model.lower[m] = 1.0;
		if (pr->never && pr->never[m])
			p->model.upper[m] = 0.0;
		for (size_t k = 0; k < me->require_count && rc == NATRISK_OK; k++)
			rc = pair_row(&p->model, m, me->requires[k], -1.0, 0.0);
		for (size_t k = 0; k < me->exclude_count && rc == NATRISK_OK; k++)
			rc = pair_row(&p->model, m, me->excludes[k], 1.0, 1.0);
	}
	return rc;
}

/* The budget row (costs over cost_scale) and the count row. */
static int measure_sums(natrisk_portfolio *p, scratch *tmp)
{
	p->cost_scale = p->total_cost > 1.0 ? p->total_cost : 1.0;
	for (size_t m = 0; m < p->measures; m++) {
		tmp->column[m] = m;
		tmp->value[m] = p->cost[m] / p->cost_scale;
	}
	int rc = milp_add_row(&p->model, p->measures, tmp->column, tmp->value,
	                      -HUGE_VAL, HUGE_VAL, &p->budget_row);
	for (size_t m = 0; m < p->measures; m++)
		tmp->value[m] = 1.0;
	if (rc == NATRISK_OK)
		rc = milp_add_row(&p->model, p->measures, tmp->column, tmp->value,
		                  -HUGE_VAL, HUGE_VAL, &p->count_row);
	return rc;
}

int portfolio_build(natrisk_portfolio *p, size_t columns)
{
	size_t width = p->measures + columns + 1;
	scratch tmp = { malloc(width * sizeof *tmp.column),
	                malloc(width * sizeof *tmp.value) };
	size_t *value_columns = malloc((columns + 1) * sizeof *value_columns);
	double *value_coefs = malloc((columns + 1) * sizeof *value_coefs);
	int rc = NATRISK_OK;
	if (!tmp.column || !tmp.value || !value_columns || !value_coefs)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == NATRISK_OK)
		rc = milp_init(&p->model, p->measures + columns);
	size_t next = p->measures, value_count = 0;
	for (size_t s = 0; s < p->scenarios && rc == NATRISK_OK; s++)
		rc = scenario_rows(p, s, &next, value_columns, value_coefs,
		                   &value_count, &tmp);
	if (rc == NATRISK_OK)
		rc = milp_add_row(&p->model, value_count, value_columns,
		                  value_coefs, -HUGE_VAL, HUGE_VAL,
		                  &p->value_row);
	if (rc == NATRISK_OK)
		rc = measure_rows(p);
	if (rc == NATRISK_OK)
		rc = measure_sums(p, &tmp);
	free(tmp.column);
	free(tmp.value);
	free(value_columns);
	free(value_coefs);
	return rc;
}
