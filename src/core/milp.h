/*
 * milp.h - the one door to a mixed-integer linear programming solver.
 *
 * The model lives in our own arrays (columns with bounds and
 * integrality, rows as sparse lists with two-sided bounds), so that a
 * caller can change a bound or add a row between solves and every solve
 * hands the whole model to the solver afresh: no solver state survives
 * a call, and the backend (milp_cbc.c; docs/design.md says why CBC) can
 * be swapped by writing milp_solve() for another library.
 */
#ifndef NATRISK_MILP_H
#define NATRISK_MILP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct milp_row {
	size_t count;        /* nonzeros */
	size_t *column;
	double *value;
	double lower, upper; /* -HUGE_VAL / HUGE_VAL: no bound */
} milp_row;

typedef struct milp {
	size_t columns;
	double *lower, *upper; /* per column */
	bool *integer;         /* per column */
	double *objective;     /* per column; minimised or maximised */
	bool maximise;
	milp_row *rows;
	size_t row_count, row_capacity;
} milp;

typedef enum milp_status {
	MILP_OPTIMAL = 0,
	MILP_INFEASIBLE = 1,
	MILP_FAILED = 2, /* stopped without proof, or numerical trouble */
} milp_status;

/* A model of COLUMNS continuous columns in [0, 1] with objective 0;
 * NATRISK_OK or NATRISK_ENOMEM. */
int milp_init(milp *model, size_t columns);
void milp_release(milp *model);
/* A deep copy of MODEL into *COPY; NATRISK_OK or NATRISK_ENOMEM. */
int milp_copy(milp *copy, const milp *model);
/* Appends a row LOWER <= sum VALUE[k] * x[COLUMN[k]] <= UPPER (the
 * arrays are copied); its index in *ROW if ROW is not NULL. */
int milp_add_row(milp *model, size_t count, const size_t *column,
                 const double *value, double lower, double upper,
                 size_t *row);
/* Solves; on MILP_OPTIMAL the columns' values are in X (one per
 * column). Negative: a natrisk_error (out of memory). */
int milp_solve(const milp *model, double *x);
/* Which library solves, "CBC 2.10.8", for the benchmark's header. */
const char *milp_solver_name(void);

#endif
