/*
 * milp_cbc.c - milp_solve() through COIN-OR CBC's C interface
 * (coinor-libcbc-dev). docs/design.md says why CBC and not GLPK.
 *
 * Every solve loads the whole model into a fresh Cbc_Model. Even so,
 * CBC 2.10's C interface is not safe in two threads at once (its
 * parameters pass through shared tables: two solves in two threads
 * garble each other's settings), so solves take turns under one lock;
 * a server's threads may call it freely. CBC is told to prove
 * optimality exactly and to print nothing.
 */
#include "core/milp.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include <Cbc_C_Interface.h>

#include <natrisk/common.h>

#include "core/error.h"

/* CBC's infinity is COIN_DBL_MAX, which is DBL_MAX. */
static double bound(double value)
{
	if (value >= HUGE_VAL)
		return DBL_MAX;
	if (value <= -HUGE_VAL)
		return -DBL_MAX;
	return value;
}

typedef struct csc {
	CoinBigIndex *start;
	int *index;
	double *value;
	double *row_lower, *row_upper, *col_lower, *col_upper;
} csc;

static void csc_release(csc *m)
{
	free(m->start);
	free(m->index);
	free(m->value);
	free(m->row_lower);
	free(m->row_upper);
	free(m->col_lower);
	free(m->col_upper);
}

static size_t nonzeros(const milp *model)
{
	size_t total = 0;
	for (size_t r = 0; r < model->row_count; r++)
		total += model->rows[r].count;
	return total;
}

/* The rows turned into compressed sparse columns, as CBC loads them. */
static int csc_build(const milp *model, csc *m)
{
	size_t nz = nonzeros(model), cols = model->columns;
	size_t rows = model->row_count;
	m->start = calloc(cols + 1, sizeof *m->start);
	m->index = malloc((nz ? nz : 1) * sizeof *m->index);
	m->value = malloc((nz ? nz : 1) * sizeof *m->value);
	m->row_lower = malloc((rows ? rows : 1) * sizeof *m->row_lower);
	m->row_upper = malloc((rows ? rows : 1) * sizeof *m->row_upper);
	m->col_lower = malloc((cols ? cols : 1) * sizeof *m->col_lower);
	m->col_upper = malloc((cols ? cols : 1) * sizeof *m->col_upper);
	if (!m->start || !m->index || !m->value || !m->row_lower ||
	    !m->row_upper || !m->col_lower || !m->col_upper)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t r = 0; r < rows; r++)
		for (size_t k = 0; k < model->rows[r].count; k++)
			m->start[model->rows[r].column[k] + 1]++;
	for (size_t j = 0; j < cols; j++)
		m->start[j + 1] += m->start[j];
	CoinBigIndex *next = m->start; /* filled below, then restored */
	for (size_t r = 0; r < rows; r++) {
		const milp_row *row = &model->rows[r];
		for (size_t k = 0; k < row->count; k++) {
			CoinBigIndex at = next[row->column[k]]++;
			m->index[at] = (int)r;
			m->value[at] = row->value[k];
		}
		m->row_lower[r] = bound(row->lower);
		m->row_upper[r] = bound(row->upper);
	}
	for (size_t j = cols; j > 0; j--)
		m->start[j] = m->start[j - 1];
	m->start[0] = 0;
	for (size_t j = 0; j < cols; j++) {
		m->col_lower[j] = bound(model->lower[j]);
		m->col_upper[j] = bound(model->upper[j]);
	}
	return NATRISK_OK;
}

static milp_status run(Cbc_Model *cbc, const milp *model, double *x)
{
	for (size_t j = 0; j < model->columns; j++)
		if (model->integer[j])
			Cbc_setInteger(cbc, (int)j);
	Cbc_setObjSense(cbc, model->maximise ? -1.0 : 1.0);
	Cbc_setLogLevel(cbc, 0);
	Cbc_setAllowableGap(cbc, 0.0);
	Cbc_setAllowableFractionGap(cbc, 0.0);
	/* Exact: CBC's default cutoff increment (1e-5) would prune a
	 * node that is better by less, and our objectives are scaled to at
	 * most 1. Gomory and the other default cuts cost more time than
	 * they save on these programs (docs/design.md). */
	static const char *const parameters[][2] = {
		{ "allowableGap", "1e-12" }, { "ratioGap", "0" },
		{ "increment", "1e-12" }, { "cuts", "off" },
		{ "knapsackCuts", "on" }, { "probingCuts", "on" },
	};
	for (size_t k = 0; k < sizeof parameters / sizeof *parameters; k++)
		Cbc_setParameter(cbc, parameters[k][0], parameters[k][1]);
	Cbc_solve(cbc);
	if (Cbc_isProvenInfeasible(cbc))
		return MILP_INFEASIBLE;
	if (!Cbc_isProvenOptimal(cbc))
		return MILP_FAILED;
	const double *solution = Cbc_getColSolution(cbc);
	for (size_t j = 0; j < model->columns; j++)
		x[j] = solution[j];
	return MILP_OPTIMAL;
}

int milp_solve(const milp *model, double *x)
{
	csc m = { 0 };
	int rc = csc_build(model, &m);
	if (rc != NATRISK_OK) {
		csc_release(&m);
		return rc;
	}
	static pthread_mutex_t one_at_a_time = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&one_at_a_time);
	Cbc_Model *cbc = Cbc_newModel();
	if (!cbc) {
		pthread_mutex_unlock(&one_at_a_time);
		csc_release(&m);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	Cbc_loadProblem(cbc, (int)model->columns, (int)model->row_count,
	                m.start, m.index, m.value, m.col_lower, m.col_upper,
	                model->objective, m.row_lower, m.row_upper);
	milp_status status = run(cbc, model, x);
	Cbc_deleteModel(cbc);
	pthread_mutex_unlock(&one_at_a_time);
	csc_release(&m);
	return (int)status;
}

const char *milp_solver_name(void)
{
	return "CBC";
}
