/*
 * portfolio_bnb.c - the exact optimum of a prepared portfolio by a
 * branch and bound of our own, tried before the MILP (portfolio_solve.c)
 * when every scenario's risks are submodular: a measure's reduction
 * never grows when other measures are in place (portfolio.c checks
 * every table; 10^L x the sum of the impacts, each the most favourable
 * score, is). Then what measures U add to a set S is at most the sum of
 * what each adds to S alone, and the fractional knapsack of those
 * reductions over the money left bounds every set that grows S.
 *
 * Each node is a set S closed under requires (setting a measure in sets
 * what it requires in and what it excludes out; setting one out sets
 * out what requires it), so that S itself is a candidate. The stages of
 * portfolio_solve.c are searches here: the greatest reduction V*; then
 * whether any other set comes within 1e-9 of V* (most often none: the
 * answer); else the least cost C* among those, the fewest measures K*
 * among those within 1e-9 of C* too, whether another is left, and in
 * id order each measure fixed in when some such set has it. Candidates
 * are judged in our exact arithmetic (portfolio_risk_after,
 * portfolio_cost); the running sums only decide what to prune, with a
 * slack far above their rounding. The first search is loose (it prunes
 * what cannot beat the best by more than that slack: plateaus of equal
 * sets would defeat it otherwise); when that may have moved the tie
 * floor under a set the later searches keep, all is searched again
 * strictly. A solve that passes NODE_LIMIT nodes gives up and the MILP
 * solves instead: same answer, deterministically.
 */
#define _GNU_SOURCE /* qsort_r */
#include "core/portfolio_bnb.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/common.h>

#include "core/error.h"

#define TIE 1e-9
/* Nodes over all the searches of one solve before the MILP takes over
 * (a few tenths of a second; the 60 x 100 benchmark needs 2,000-16,000). */
#define NODE_LIMIT 200000

/* ---- the relations, both ways ----------------------------------------- */

static int lists_alloc(lists *l, size_t measures, size_t items)
{
	l->start = calloc(measures + 2, sizeof *l->start);
	l->item = malloc((items ? items : 1) * sizeof *l->item);
	return l->start && l->item ? NATRISK_OK :
	       error_set(NATRISK_ENOMEM, "out of memory");
}

static void lists_release(lists *l)
{
	free(l->start);
	free(l->item);
}

/* Counts in START[m + 2] become offsets in START[m + 1]; filling then
 * advances START[m + 1] to the end of m's list, which is where m + 1's
 * begins: afterwards m's list is START[m]..START[m + 1]. */
static void lists_offsets(lists *l, size_t measures)
{
	for (size_t m = 0; m < measures; m++)
		l->start[m + 2] += l->start[m + 1];
}

static void add(lists *l, size_t m, size_t item)
{
	l->item[l->start[m + 1]++] = item;
}

static int relations(bnb *b)
{
	const natrisk_portfolio_problem *pr = b->p->problem;
	size_t n = b->p->measures, links = 0, touches = 0;
	for (size_t m = 0; m < n; m++)
		links += pr->measures[m].require_count +
		         pr->measures[m].exclude_count;
	for (size_t s = 0; s < b->p->scenarios; s++)
		touches += pr->scenarios[s].touching_count;
	int rc = lists_alloc(&b->requires, n, links);
	if (rc == NATRISK_OK)
		rc = lists_alloc(&b->required_by, n, links);
	if (rc == NATRISK_OK)
		rc = lists_alloc(&b->excludes, n, 2 * links);
	if (rc == NATRISK_OK)
		rc = lists_alloc(&b->touches, n, touches);
	b->touch_gain = malloc((touches ? touches : 1) * sizeof *b->touch_gain);
	if (rc == NATRISK_OK && !b->touch_gain)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc != NATRISK_OK)
		return rc;
	for (size_t m = 0; m < n; m++) {
		const natrisk_portfolio_measure *me = &pr->measures[m];
		b->requires.start[m + 2] += me->require_count;
		for (size_t k = 0; k < me->require_count; k++)
			b->required_by.start[me->requires[k] + 2]++;
		b->excludes.start[m + 2] += me->exclude_count;
		for (size_t k = 0; k < me->exclude_count; k++)
			b->excludes.start[me->excludes[k] + 2]++;
	}
	for (size_t s = 0; s < b->p->scenarios; s++)
		for (size_t k = 0; k < pr->scenarios[s].touching_count; k++)
			b->touches.start[pr->scenarios[s].touching[k] + 2]++;
	lists_offsets(&b->requires, n);
	lists_offsets(&b->required_by, n);
	lists_offsets(&b->excludes, n);
	lists_offsets(&b->touches, n);
	for (size_t m = 0; m < n; m++) {
		const natrisk_portfolio_measure *me = &pr->measures[m];
		for (size_t k = 0; k < me->require_count; k++) {
			add(&b->requires, m, me->requires[k]);
			add(&b->required_by, me->requires[k], m);
		}
		for (size_t k = 0; k < me->exclude_count; k++) {
			add(&b->excludes, m, me->excludes[k]);
			add(&b->excludes, me->excludes[k], m);
		}
	}
	for (size_t s = 0; s < b->p->scenarios; s++)
		for (size_t k = 0; k < pr->scenarios[s].touching_count; k++)
			add(&b->touches, pr->scenarios[s].touching[k], s << 5 | k);
	return NATRISK_OK;
}

/* ---- setting measures in and out -------------------------------------- */
/* What measure M adds to the set in place (running arithmetic). */
static double gain_of(const bnb *b, size_t m)
{
	double gain = 0.0;
	for (size_t t = b->touches.start[m]; t < b->touches.start[m + 1]; t++) {
		size_t s = b->touches.item[t] >> 5;
		unsigned long bit = 1UL << (b->touches.item[t] & 31);
		gain += bnb_risk(b, s, b->mask[s]) - bnb_risk(b, s, b->mask[s] | bit);
	}
	return gain;
}

static void put_in(bnb *b, size_t m, bool in)
{
	for (size_t t = b->touches.start[m]; t < b->touches.start[m + 1]; t++) {
		size_t s = b->touches.item[t] >> 5;
		unsigned long bit = 1UL << (b->touches.item[t] & 31);
		if (in)
			b->mask[s] |= bit;
		else
			b->mask[s] &= ~bit;
	}
	b->set[m] = in;
}

static bool assign(bnb *b, size_t m, unsigned char state)
{
	if (b->state[m] != UNDECIDED)
		return b->state[m] == state;
	b->state[m] = state;
	b->trail[b->trail_len++] = m;
	if (state == IN) {
		b->value += gain_of(b, m);
		put_in(b, m, true);
		b->cost += b->p->cost[m];
		b->count++;
	}
	return true;
}

/* Follows the assignments from trail position FROM on to what they
 * imply; false if they contradict or pass the money. */
static bool propagate(bnb *b, size_t from)
{
	for (size_t t = from; t < b->trail_len; t++) {
		size_t m = b->trail[t];
		const lists *follow = b->state[m] == IN ? &b->requires :
		                      &b->required_by;
		unsigned char state = b->state[m] == IN ? IN : OUT;
		for (size_t k = follow->start[m]; k < follow->start[m + 1]; k++)
			if (!assign(b, follow->item[k], state))
				return false;
		for (size_t k = b->excludes.start[m];
		     state == IN && k < b->excludes.start[m + 1]; k++)
			if (!assign(b, b->excludes.item[k], OUT))
				return false;
	}
	return b->cost <= b->cost_limit + b->cost_slack;
}

static void undo(bnb *b, size_t to)
{
	while (b->trail_len > to) {
		size_t m = b->trail[--b->trail_len];
		if (b->state[m] == IN)
			put_in(b, m, false);
		b->state[m] = UNDECIDED;
	}
}

/* ---- the searches ------------------------------------------------------ */

static void keep(bnb *b, double value, double cost)
{
	/* After a loose first search the true optimum may lie up to
	 * value_slack above the one found, and so the true tie floor: a
	 * set kept near the floor, or above the optimum, needs the strict
	 * search. */
	if (b->pass != MOST_VALUE && (value < b->floor + b->value_slack ||
	                              value > b->first_best))
		b->doubtful = true;
	memcpy(b->best, b->set, b->p->measures * sizeof *b->best);
	b->best_value = value;
	b->best_cost = cost;
	b->best_count = b->count;
	b->found = true;
}

/* Whether S's own subtree can hold nothing better than what is kept. */
static bool hopeless(const bnb *b)
{
	switch (b->pass) {
	case LEAST_COST:
		return b->found && b->cost - b->cost_slack >= b->best_cost;
	case FEWEST:
		return b->found && b->count >= b->best_count;
	case ANOTHER:
		return b->count > b->count_cap;
	case MOST_VALUE:
		break;
	}
	return false;
}

/* Judges S in exact arithmetic; true when no set growing it is better
 * (the cost and the count only grow). */
static bool consider(bnb *b)
{
	double target = b->pass == MOST_VALUE ? b->best_value : b->floor;
	if (b->value < target - b->value_slack || b->count > b->count_cap)
		return false;
	double cost = portfolio_cost(b->p, b->set);
	if (cost > b->cost_limit)
		return false;
	double value = b->p->risk_before - portfolio_risk_after(b->p, b->set);
	if (b->pass == MOST_VALUE) {
		if (value > b->best_value || !b->found)
			keep(b, value, cost);
		return false;
	}
	if (!(value >= b->floor))
		return false;
	if (b->pass == ANOTHER) {
		if (memcmp(b->set, b->best, b->p->measures * sizeof *b->set)) {
			keep(b, value, cost);
			b->done = true;
		}
		return false;
	}
	if (b->pass == LEAST_COST ? cost < b->best_cost :
	    b->count < b->best_count)
		keep(b, value, cost);
	return true;
}

static void search(bnb *b, size_t depth)
{
	if (b->done || ++b->nodes > b->node_limit || hopeless(b))
		return;
	size_t n = b->p->measures;
	while (depth < n && b->state[b->order[depth]] != UNDECIDED)
		depth++;
	if (consider(b) || depth == n)
		return;
	double target = b->pass == MOST_VALUE ? b->best_value : b->floor;
	double reach = bnb_bound(b);
	if (b->pass == MOST_VALUE && b->found) {
		if (b->loose ? reach <= target : reach + b->value_slack <= target)
			return;
	} else if (reach + b->value_slack < target) {
		return;
	}
	size_t m = b->order[depth];
	double value = b->value, cost = b->cost;
	size_t count = b->count, mark = b->trail_len;
	for (int branch = 0; branch < 2 && !b->done; branch++) {
		if (assign(b, m, branch == 0 ? IN : OUT) && propagate(b, mark))
			search(b, depth + 1);
		undo(b, mark);
		b->value = value;
		b->cost = cost;
		b->count = count;
	}
}

/* Runs one search from the root (must in, never out). */
static bool run(bnb *b, enum pass pass)
{
	b->pass = pass;
	b->done = false;
	b->value = 0.0;
	b->cost = 0.0;
	b->count = 0;
	const natrisk_portfolio_problem *pr = b->p->problem;
	bool ok = true;
	for (size_t m = 0; m < b->p->measures && ok; m++) {
		if (pr->must && pr->must[m])
			ok = assign(b, m, IN);
		if (pr->never && pr->never[m] && ok)
			ok = assign(b, m, OUT);
		if (b->fixed[m] != UNDECIDED && ok)
			ok = assign(b, m, b->fixed[m]);
	}
	if (ok && propagate(b, 0))
		search(b, 0);
	undo(b, 0);
	return b->nodes <= b->node_limit;
}

/* Branching on the measures that reduce most per euro first finds good
 * sets early; measures that cost nothing come first. */
static int by_yield(const void *a, const void *c, void *portfolio)
{
	const natrisk_portfolio *p = portfolio;
	size_t i = *(const size_t *)a, j = *(const size_t *)c;
	double left = p->alone[i] * p->cost[j], right = p->alone[j] * p->cost[i];
	if (left != right)
		return left > right ? -1 : 1;
	return (i > j) - (i < j);
}

static int bnb_init(bnb *b, const natrisk_portfolio *p, double budget)
{
	memset(b, 0, sizeof *b);
	b->p = p;
	size_t n = p->measures ? p->measures : 1;
	b->order = malloc(n * sizeof *b->order);
	b->state = calloc(n, sizeof *b->state);
	b->fixed = calloc(n, sizeof *b->fixed);
	b->trail = malloc(n * sizeof *b->trail);
	b->mask = calloc(p->scenarios + 1, sizeof *b->mask);
	b->set = calloc(n, sizeof *b->set);
	b->gain = malloc(n * sizeof *b->gain);
	b->weight = malloc(n * sizeof *b->weight);
	b->item = malloc(n * sizeof *b->item);
	b->fraction = malloc(n * sizeof *b->fraction);
	b->measure_of = malloc(n * sizeof *b->measure_of);
	size_t scenarios = p->scenarios ? p->scenarios : 1;
	b->spare = malloc(scenarios * sizeof *b->spare);
	b->filled = malloc(scenarios * sizeof *b->filled);
	b->cap = malloc(scenarios * sizeof *b->cap);
	b->capped = malloc(scenarios * sizeof *b->capped);
	b->best = calloc(n, sizeof *b->best);
	if (!b->order || !b->state || !b->fixed || !b->trail || !b->mask ||
	    !b->set || !b->gain || !b->weight || !b->item || !b->best || !b->fraction ||
	    !b->measure_of || !b->spare || !b->filled || !b->capped || !b->cap)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t m = 0; m < p->measures; m++)
		b->order[m] = m;
	qsort_r(b->order, p->measures, sizeof *b->order, by_yield, (void *)p);
	b->cost_limit = budget;
	/* far above the running sums' rounding and the submodular slack */
	b->value_slack = 1e-11 * p->risk_before + 1e-300;
	b->cost_slack = 1e-9 * p->total_cost + 1e-300;
	b->count_cap = SIZE_MAX;
	b->node_limit = p->bnb_node_limit ? p->bnb_node_limit : NODE_LIMIT;
	return relations(b);
}

static void bnb_release(bnb *b)
{
	lists_release(&b->requires);
	lists_release(&b->required_by);
	lists_release(&b->excludes);
	lists_release(&b->touches);
	free(b->order);
	free(b->state);
	free(b->fixed);
	free(b->trail);
	free(b->mask);
	free(b->set);
	free(b->gain);
	free(b->weight);
	free(b->item);
	free(b->fraction);
	free(b->measure_of);
	free(b->touch_gain);
	free(b->spare);
	free(b->filled);
	free(b->cap);
	free(b->capped);
	free(b->best);
}

/* Whether an admissible set other than the kept one exists (it is then
 * kept); false in *OK when the search gave up. */
static bool another(bnb *b, bool *ok)
{
	b->done = false;
	*ok = run(b, ANOTHER);
	return b->done;
}

/* In id order, each measure is fixed in when some admissible set has
 * it (the kept one, or one found), out when none has. */
static bool first_ids(bnb *b)
{
	bool ok = true;
	for (size_t k = 0; k < b->p->measures && ok; k++) {
		size_t m = b->p->by_id[k];
		b->fixed[m] = IN;
		if (!b->best[m] && !another(b, &ok))
			b->fixed[m] = OUT;
	}
	return ok;
}

/* The stages; false when a search gave up. */
static bool stages(bnb *b)
{
	bool ok = run(b, MOST_VALUE) && b->found;
	if (!ok)
		return false;
	b->first_best = b->best_value;
	b->floor = b->best_value - TIE * fabs(b->best_value);
	b->doubtful = b->loose && b->best_value < b->floor + b->value_slack;
	if (!another(b, &ok))
		return ok; /* most often: no other set comes near */
	if (!run(b, LEAST_COST))
		return false;
	double cap = b->best_cost + TIE * fmax(b->best_cost, 1.0);
	b->cost_limit = fmin(cap, b->cost_limit);
	if (!run(b, FEWEST))
		return false;
	b->count_cap = b->best_count;
	if (!another(b, &ok))
		return ok; /* the cost or the count settled it */
	return first_ids(b);
}

int portfolio_bnb_solve(const natrisk_portfolio *p, double budget,
                        bool *best, bool *solved)
{
	*solved = false;
	int rc = NATRISK_OK;
	for (int loose = 1; loose >= 0 && rc == NATRISK_OK && !*solved;
	     loose--) {
		bnb b;
		rc = bnb_init(&b, p, budget);
		b.loose = loose;
		if (rc == NATRISK_OK && stages(&b) && !(b.loose && b.doubtful)) {
			memcpy(best, b.best, p->measures * sizeof *best);
			*solved = true;
		}
		bnb_release(&b);
	}
	return rc;
}
