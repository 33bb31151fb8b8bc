/*
 * milp.c - the solver-independent half of milp.h: building and changing
 * the model in our own arrays.
 */
#include "core/milp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/common.h>

#include "core/error.h"

int milp_init(milp *model, size_t columns)
{
	memset(model, 0, sizeof *model);
	model->columns = columns;
	size_t n = columns ? columns : 1;
	model->lower = calloc(n, sizeof *model->lower);
	model->upper = malloc(n * sizeof *model->upper);
	model->integer = calloc(n, sizeof *model->integer);
	model->objective = calloc(n, sizeof *model->objective);
	if (!model->lower || !model->upper || !model->integer ||
	    !model->objective) {
		milp_release(model);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	for (size_t j = 0; j < columns; j++)
		model->upper[j] = 1.0;
	return NATRISK_OK;
}

void milp_release(milp *model)
{
	for (size_t r = 0; r < model->row_count; r++) {
		free(model->rows[r].column);
		free(model->rows[r].value);
	}
	free(model->rows);
	free(model->lower);
	free(model->upper);
	free(model->integer);
	free(model->objective);
	memset(model, 0, sizeof *model);
}

static int grow_rows(milp *model)
{
	if (model->row_count < model->row_capacity)
		return NATRISK_OK;
	size_t capacity = model->row_capacity ? 2 * model->row_capacity : 64;
	milp_row *rows = realloc(model->rows, capacity * sizeof *rows);
	if (!rows)
		return error_set(NATRISK_ENOMEM, "out of memory");
	model->rows = rows;
	model->row_capacity = capacity;
	return NATRISK_OK;
}

int milp_add_row(milp *model, size_t count, const size_t *column,
                 const double *value, double lower, double upper,
                 size_t *row)
{
	int rc = grow_rows(model);
	if (rc != NATRISK_OK)
		return rc;
	size_t n = count ? count : 1;
	milp_row added = { .count = count, .lower = lower, .upper = upper,
	                   .column = malloc(n * sizeof *added.column),
	                   .value = malloc(n * sizeof *added.value) };
	if (!added.column || !added.value) {
		free(added.column);
		free(added.value);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	if (count) {
		memcpy(added.column, column, count * sizeof *column);
		memcpy(added.value, value, count * sizeof *value);
	}
	if (row)
		*row = model->row_count;
	model->rows[model->row_count++] = added;
	return NATRISK_OK;
}

int milp_copy(milp *copy, const milp *model)
{
	int rc = milp_init(copy, model->columns);
	if (rc != NATRISK_OK)
		return rc;
	size_t n = model->columns;
	memcpy(copy->lower, model->lower, n * sizeof *copy->lower);
	memcpy(copy->upper, model->upper, n * sizeof *copy->upper);
	memcpy(copy->integer, model->integer, n * sizeof *copy->integer);
	memcpy(copy->objective, model->objective, n * sizeof *copy->objective);
	copy->maximise = model->maximise;
	for (size_t r = 0; r < model->row_count && rc == NATRISK_OK; r++) {
		const milp_row *row = &model->rows[r];
		rc = milp_add_row(copy, row->count, row->column, row->value,
		                  row->lower, row->upper, NULL);
	}
	if (rc != NATRISK_OK)
		milp_release(copy);
	return rc;
}
