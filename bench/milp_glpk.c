/*
 * milp_glpk.c - milp_solve() through GLPK (libglpk-dev), the
 * alternative that bench/bench_portfolio.c measures against CBC.
 */
#include "core/milp.h"

#include <math.h>
#include <stdlib.h>

#include <glpk.h>

#include <natrisk/common.h>

#include "core/error.h"

static int bound_type(double lower, double upper)
{
	bool has_lower = lower > -HUGE_VAL, has_upper = upper < HUGE_VAL;
	if (has_lower && has_upper)
		return lower == upper ? GLP_FX : GLP_DB;
	if (has_lower)
		return GLP_LO;
	return has_upper ? GLP_UP : GLP_FR;
}

static void load(glp_prob *lp, const milp *model, int *ia, int *ja,
                 double *ar)
{
	glp_set_obj_dir(lp, model->maximise ? GLP_MAX : GLP_MIN);
	if (model->row_count)
		glp_add_rows(lp, (int)model->row_count);
	if (model->columns)
		glp_add_cols(lp, (int)model->columns);
	int k = 0;
	for (size_t r = 0; r < model->row_count; r++) {
		const milp_row *row = &model->rows[r];
		glp_set_row_bnds(lp, (int)r + 1, bound_type(row->lower, row->upper),
		                 isfinite(row->lower) ? row->lower : 0.0,
		                 isfinite(row->upper) ? row->upper : 0.0);
		for (size_t i = 0; i < row->count; i++) {
			k++;
			ia[k] = (int)r + 1;
			ja[k] = (int)row->column[i] + 1;
			ar[k] = row->value[i];
		}
	}
	for (size_t j = 0; j < model->columns; j++) {
		double lo = model->lower[j], hi = model->upper[j];
		glp_set_col_bnds(lp, (int)j + 1, bound_type(lo, hi),
		                 isfinite(lo) ? lo : 0.0, isfinite(hi) ? hi : 0.0);
		glp_set_obj_coef(lp, (int)j + 1, model->objective[j]);
		if (model->integer[j])
			glp_set_col_kind(lp, (int)j + 1, GLP_IV);
	}
	glp_load_matrix(lp, k, ia, ja, ar);
}

static milp_status run(glp_prob *lp, const milp *model, double *x)
{
	glp_iocp parm;
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	parm.mip_gap = 0.0;
	int rc = glp_intopt(lp, &parm);
	if (rc == GLP_ENOPFS || rc == GLP_ENODFS)
		return MILP_INFEASIBLE;
	if (rc != 0)
		return MILP_FAILED;
	int status = glp_mip_status(lp);
	if (status == GLP_NOFEAS)
		return MILP_INFEASIBLE;
	if (status != GLP_OPT)
		return MILP_FAILED;
	for (size_t j = 0; j < model->columns; j++)
		x[j] = glp_mip_col_val(lp, (int)j + 1);
	return MILP_OPTIMAL;
}

int milp_glpk_solve(const milp *model, double *x);
int milp_glpk_solve(const milp *model, double *x)
{
	size_t nz = 0;
	for (size_t r = 0; r < model->row_count; r++)
		nz += model->rows[r].count;
	int *ia = malloc((nz + 1) * sizeof *ia);
	int *ja = malloc((nz + 1) * sizeof *ja);
	double *ar = malloc((nz + 1) * sizeof *ar);
	if (!ia || !ja || !ar) {
		free(ia);
		free(ja);
		free(ar);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	glp_term_out(GLP_OFF);
	glp_prob *lp = glp_create_prob();
	load(lp, model, ia, ja, ar);
	milp_status status = run(lp, model, x);
	glp_delete_prob(lp);
	free(ia);
	free(ja);
	free(ar);
	return (int)status;
}
