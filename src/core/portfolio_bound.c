/*
 * portfolio_bound.c - the bound of the portfolio's branch and bound
 * (portfolio_bnb.c): whether it holds for a problem (submodular risks),
 * and its value at a node.
 */
#include "core/portfolio_bnb.h"

#include <math.h>

/* A scenario's risks are submodular when no measure's reduction grows
 * by more than this share of r(empty) with another measure in place. */
#define SUBMODULAR_SLACK 1e-14
/* Rounds of capping the scenarios a knapsack overfills, per bound. */
#define CAP_ROUNDS 4

/* ---- whether the bound holds ------------------------------------------ */

bool portfolio_submodular(const natrisk_portfolio *p)
{
	for (size_t s = 0; s < p->scenarios; s++) {
		size_t touching = p->problem->scenarios[s].touching_count;
		const double *r = p->table + p->table_start[s];
		double slack = SUBMODULAR_SLACK * r[0];
		for (unsigned long a = 0; a < 1UL << touching; a++)
			for (size_t i = 0; i < touching; i++) {
				unsigned long bi = 1UL << i;
				if (a & bi)
					continue;
				for (size_t j = i + 1; j < touching; j++) {
					unsigned long bj = 1UL << j;
					if (!(a & bj) &&
					    r[a | bj] - r[a | bi | bj] >
					    r[a] - r[a | bi] + slack)
						return false;
				}
			}
	}
	return true;
}

/* ---- the bound --------------------------------------------------------- */

/*
 * What measures U add to S is, per scenario s, at most the sum of what
 * each adds alone (submodular) and at most cap_s, what all undecided
 * measures together add there; and for any mu_s in [0, 1],
 * min(cap_s, G_s) <= mu_s cap_s + (1 - mu_s) G_s. So for any mu the
 * caps of the scenarios with mu_s = 1 plus a fractional knapsack over
 * the measures' gains on the others bound every set growing S. The
 * bound is the least of two: mu = 0 (the plain knapsack), and mu = 1
 * where that knapsack's choice overfills a scenario's cap (measures on
 * one score, which do not add up).
 */

/* By gain per euro, the most first; every gain is above 0, so that the
 * cross products order them consistently (a free item first). */
static void sort_items(bnb *b, size_t count)
{
	/* insertion sort: a few dozen items, and no shared state */
	for (size_t i = 1; i < count; i++) {
		size_t item = b->item[i], j = i;
		while (j > 0 && b->gain[item] * b->weight[b->item[j - 1]] >
		                b->gain[b->item[j - 1]] * b->weight[item]) {
			b->item[j] = b->item[j - 1];
			j--;
		}
		b->item[j] = item;
	}
}

/* The money left for measures added to S: in the search for the least
 * cost, only sets cheaper than the best found matter. Generous: a
 * rounding must not shut a measure out. */
static double money_left(const bnb *b)
{
	double limit = b->cost_limit;
	if (b->pass == LEAST_COST && b->best_cost < limit)
		limit = b->best_cost;
	return limit - b->cost + b->cost_slack;
}

/* How many measures may still be added to S: in the search for the
 * fewest, only sets smaller than the best found matter. */
static size_t measures_left(const bnb *b)
{
	size_t cap = b->count_cap;
	if (b->pass == FEWEST && b->best_count - 1 < cap)
		cap = b->best_count - 1; /* best_count >= 1: else hopeless */
	return cap > b->count ? cap - b->count : 0;
}

/* The K greatest gains of the ITEMS together (at most K measures
 * added), with ITEMS in place of the knapsack's order. */
static double greatest(bnb *b, size_t items, size_t k)
{
	double total = 0.0;
	for (size_t j = 0; j < k && j < items; j++) {
		size_t top = j;
		for (size_t i = j + 1; i < items; i++)
			if (b->gain[b->item[i]] > b->gain[b->item[top]])
				top = i;
		size_t swap = b->item[j];
		b->item[j] = b->item[top];
		b->item[top] = swap;
		total += b->gain[b->item[j]];
	}
	return total;
}

/* The fractional knapsack over the items; each one's share in FRACTION. */
static double knapsack(bnb *b, size_t items)
{
	double total = 0.0, room = money_left(b);
	for (size_t i = 0; i < items; i++) {
		b->item[i] = i;
		b->fraction[i] = 0.0;
	}
	sort_items(b, items);
	for (size_t k = 0; k < items; k++) {
		size_t i = b->item[k];
		if (b->weight[i] <= room) {
			b->fraction[i] = 1.0;
			room -= b->weight[i];
		} else {
			b->fraction[i] = room > 0.0 ? room / b->weight[i] : 0.0;
			total += b->gain[i] * b->fraction[i];
			break;
		}
		total += b->gain[i];
	}
	return total;
}

/* The items: undecided measures, with their gains per touch in
 * TOUCH_GAIN (none below 0) and the undecided measures per scenario in
 * SPARE. Returns their number. */
static size_t gather(bnb *b)
{
	size_t items = 0;
	for (size_t s = 0; s < b->p->scenarios; s++)
		b->spare[s] = 0;
	for (size_t m = 0; m < b->p->measures; m++) {
		if (b->state[m] != UNDECIDED)
			continue;
		double gain = 0.0;
		for (size_t t = b->touches.start[m]; t < b->touches.start[m + 1];
		     t++) {
			size_t s = b->touches.item[t] >> 5;
			unsigned long bit = 1UL << (b->touches.item[t] & 31);
			double g = bnb_risk(b, s, b->mask[s]) -
			           bnb_risk(b, s, b->mask[s] | bit);
			b->touch_gain[t] = g > 0.0 ? g : 0.0;
			gain += b->touch_gain[t];
			b->spare[s] |= bit;
		}
		if (!(gain > 0.0))
			continue;
		b->gain[items] = gain;
		b->weight[items] = b->p->cost[m];
		b->measure_of[items++] = m;
	}
	return items;
}

/* The knapsack's gain in each scenario not yet capped, from the items'
 * shares. */
static void fill(bnb *b, size_t items)
{
	for (size_t s = 0; s < b->p->scenarios; s++)
		b->filled[s] = 0.0;
	for (size_t i = 0; i < items; i++) {
		size_t m = b->measure_of[i];
		for (size_t t = b->touches.start[m]; t < b->touches.start[m + 1];
		     t++)
			b->filled[b->touches.item[t] >> 5] +=
				b->fraction[i] * b->touch_gain[t];
	}
}

/* Caps the scenarios the knapsack overfills; their caps' sum added to
 * *CAPS. False if none was. */
static bool cap_overfilled(bnb *b, double *caps)
{
	bool any = false;
	for (size_t s = 0; s < b->p->scenarios; s++)
		if (!b->capped[s] && b->filled[s] > b->cap[s]) {
			b->capped[s] = true;
			*caps += b->cap[s];
			any = true;
		}
	return any;
}

/* The items' gains on the scenarios not capped; items left with none
 * go (0/0 would unsettle the sort). Returns how many are left. */
static size_t uncapped_gains(bnb *b, size_t items)
{
	size_t kept = 0;
	for (size_t i = 0; i < items; i++) {
		size_t m = b->measure_of[i];
		double gain = 0.0;
		for (size_t t = b->touches.start[m]; t < b->touches.start[m + 1];
		     t++)
			if (!b->capped[b->touches.item[t] >> 5])
				gain += b->touch_gain[t];
		if (!(gain > 0.0))
			continue;
		b->gain[kept] = gain;
		b->weight[kept] = b->weight[i];
		b->measure_of[kept++] = m;
	}
	return kept;
}

/* The knapsack bound of the items, and of their K greatest gains. */
static double items_bound(bnb *b, size_t items, size_t k)
{
	double total = knapsack(b, items);
	if (k < items) {
		/* greatest() reorders b->item only; the shares stay */
		total = fmin(total, greatest(b, items, k));
	}
	return total;
}

/* The most any set growing S can reduce (running arithmetic): mu = 0,
 * then mu = 1 on the scenarios each knapsack overfills, a few times. */
double bnb_bound(bnb *b)
{
	size_t items = gather(b), allowed = measures_left(b);
	double least = items_bound(b, items, allowed), caps = 0.0;
	for (size_t s = 0; s < b->p->scenarios; s++) {
		b->capped[s] = false;
		b->cap[s] = bnb_risk(b, s, b->mask[s]) -
		            bnb_risk(b, s, b->mask[s] | b->spare[s]);
	}
	for (int round = 0; round < CAP_ROUNDS; round++) {
		fill(b, items);
		if (!cap_overfilled(b, &caps))
			break;
		items = uncapped_gains(b, items);
		least = fmin(least, caps + items_bound(b, items, allowed));
	}
	return b->value + least;
}
