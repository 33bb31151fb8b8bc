/*
 * portfolio_bnb.h - the state of the portfolio's own branch and bound,
 * shared by its search (portfolio_bnb.c) and its bound
 * (portfolio_bound.c). docs/design.md, "Portfolio", says how it works.
 */
#ifndef NATRISK_PORTFOLIO_BNB_H
#define NATRISK_PORTFOLIO_BNB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/portfolio_model.h"

enum { UNDECIDED, IN, OUT };
enum pass { MOST_VALUE, LEAST_COST, FEWEST, ANOTHER };

/* Lists per measure, in one array each: LIST[START[m]..START[m+1]). */
typedef struct lists {
	size_t *start, *item;
} lists;

typedef struct bnb {
	const natrisk_portfolio *p;
	lists requires, required_by, excludes, touches; /* touches: s<<5|k */
	size_t *order;          /* branching order */
	unsigned char *state;
	unsigned char *fixed;   /* per measure: fixed IN or OUT at the root */
	size_t *trail, trail_len;
	unsigned long *mask;    /* per scenario: the measures in place */
	double value, cost;     /* running sums: for pruning only */
	size_t count;
	bool *set;              /* S, for the exact arithmetic */
	double *gain, *weight;  /* the knapsack's items */
	double *fraction;       /* how much of each the knapsack takes */
	size_t *item, *measure_of;
	double *touch_gain;     /* per touch (as in TOUCHES) */
	unsigned long *spare;   /* per scenario: its undecided measures */
	double *filled;         /* per scenario: the knapsack's gain there */
	double *cap;            /* per scenario: what all undecided give */
	bool *capped;           /* per scenario: mu = 1 */
	/* the search */
	enum pass pass;
	double cost_limit;      /* min(budget, the cost cap) */
	double value_slack, cost_slack;
	bool loose;             /* the first search prunes what cannot beat
	                           the best by more than value_slack */
	bool doubtful;          /* and that may have mattered */
	double first_best;      /* the first search's greatest reduction */
	double floor;           /* admissible: reduction >= this */
	size_t count_cap;
	bool *best;
	double best_value, best_cost;
	size_t best_count;
	bool found, done;
	size_t nodes, node_limit;
} bnb;

static inline double bnb_risk(const bnb *b, size_t s, unsigned long mask)
{
	return b->p->table[b->p->table_start[s] + mask];
}

/* The most any set growing the node's set can reduce, in the running
 * arithmetic (within value_slack of a true bound). */
double bnb_bound(bnb *b);

#endif
