/*
 * ordinal.c - the robustness of the impact ranking (ordinal.h): the medal
 * method, Kendall's tau-b, the method-dependent scenarios, and the bundle
 * of all of them (with Evamix, evamix.c) on one assessment that "natrisk
 * robustness" and the report's robustness section share.
 *
 * Pure computation, no I/O. The weighted-sum rankings come from the
 * deterministic engine (results.c), so that a profile's ranking here is
 * the ranking of its impact totals there.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/ordinal.h>

#include "aggregate.h"
#include "error.h"

static int by_score_descending(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a < b) - (a > b);
}

/* In SORTED (descending), how many exceed LIMIT. */
static size_t count_above(const double *sorted, size_t n, double limit)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sorted[mid] > limit)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The same by counting: what the ranks are, and the fallback without
 * memory for a sorted copy. */
static void rank_by_counting(const double *scores, size_t n,
                             double tolerance, int *ranks)
{
	for (size_t i = 0; i < n; i++) {
		int greater = 0;
		for (size_t j = 0; j < n; j++)
			greater += scores[j] > scores[i] + tolerance;
		ranks[i] = 1 + greater;
	}
}

void natrisk_rank_scores(const double *scores, size_t n, double tolerance,
                         int *ranks)
{
	/* 1 + the number of scores above s_i + tolerance, found by binary
	 * search in a sorted copy: a thousand scenarios under nine methods
	 * would otherwise cost millions of comparisons. */
	double *sorted = malloc((n + 1) * sizeof *sorted);
	if (!sorted) {
		rank_by_counting(scores, n, tolerance, ranks);
		return;
	}
	memcpy(sorted, scores, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, by_score_descending);
	for (size_t i = 0; i < n; i++)
		ranks[i] = 1 + (int)count_above(sorted, n, scores[i] + tolerance);
	free(sorted);
}

/* -1, 0 or 1 as scenario i has fewer, as many or more medals than j,
 * looking at E first. */
static int compare_medals(const size_t *counts, size_t i, size_t j)
{
	for (int k = NATRISK_CLASS_E; k >= NATRISK_CLASS_A; k--) {
		size_t ci = counts[i * NATRISK_CLASS_COUNT + (size_t)k];
		size_t cj = counts[j * NATRISK_CLASS_COUNT + (size_t)k];
		if (ci != cj)
			return ci > cj ? 1 : -1;
	}
	return 0;
}

/* The same by counting: the fallback without memory for a sorted copy. */
static void medal_rank_by_counting(const size_t *counts, size_t n, int *ranks)
{
	for (size_t i = 0; i < n; i++) {
		int better = 0;
		for (size_t j = 0; j < n; j++)
			if (compare_medals(counts, j, i) > 0)
				better++;
		ranks[i] = 1 + better;
	}
}

static _Thread_local const size_t *medal_counts;

static int by_medals_descending(const void *pa, const void *pb)
{
	return compare_medals(medal_counts, *(const size_t *)pb,
	                      *(const size_t *)pa);
}

void natrisk_medal_rank_counts(const size_t *counts, size_t n, int *ranks)
{
	/* Sorted best first, a scenario's rank is 1 + the place where its
	 * run of equal counts starts: n log n, not n^2 comparisons. */
	size_t *order = malloc((n + 1) * sizeof *order);
	if (!order) {
		medal_rank_by_counting(counts, n, ranks);
		return;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	medal_counts = counts; /* qsort has no context argument in C17 */
	qsort(order, n, sizeof *order, by_medals_descending);
	for (size_t k = 0, start = 0; k < n; k++) {
		if (k > 0 && compare_medals(counts, order[k - 1], order[k]) != 0)
			start = k;
		ranks[order[k]] = 1 + (int)start;
	}
	free(order);
}

void natrisk_medal_counts(const natrisk_assessment *a, size_t i,
                          size_t counts[NATRISK_CLASS_COUNT])
{
	memset(counts, 0, NATRISK_CLASS_COUNT * sizeof *counts);
	const natrisk_scenario *s = &a->scenarios[i];
	for (size_t c = 0; c < a->method->criterion_count; c++) {
		int cls = s->impact[c].point[NATRISK_EV].cls;
		if (cls >= NATRISK_CLASS_A && cls <= NATRISK_CLASS_E)
			counts[cls]++;
	}
}

int natrisk_medal_assessment(const natrisk_assessment *a, int *ranks)
{
	size_t n = a->scenario_count;
	size_t *counts = calloc(n * NATRISK_CLASS_COUNT + 1, sizeof *counts);
	if (!counts)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		natrisk_medal_counts(a, i, counts + i * NATRISK_CLASS_COUNT);
	natrisk_medal_rank_counts(counts, n, ranks);
	free(counts);
	return NATRISK_OK;
}

/* Pairs among groups of equal values in a sorted run: sum of t(t-1)/2. */
static double tied_pairs(const int *sorted, size_t n)
{
	double pairs = 0, run = 1;
	for (size_t k = 1; k <= n; k++) {
		if (k < n && sorted[k] == sorted[k - 1]) {
			run++;
			continue;
		}
		pairs += run * (run - 1) / 2;
		run = 1;
	}
	return pairs;
}

typedef struct rank_pair {
	int x, y;
} rank_pair;

static int by_x_then_y(const void *pa, const void *pb)
{
	const rank_pair *a = pa, *b = pb;
	if (a->x != b->x)
		return (a->x > b->x) - (a->x < b->x);
	return (a->y > b->y) - (a->y < b->y);
}

/* Sorts Y[0..n) by merging, returning the number of strict inversions:
 * the discordant pairs once the pairs are in (x, y) order. */
static double merge_count(int *y, int *scratch, size_t n)
{
	if (n < 2)
		return 0;
	size_t half = n / 2;
	double swaps = merge_count(y, scratch, half) +
	               merge_count(y + half, scratch, n - half);
	size_t i = 0, j = half, k = 0;
	while (i < half && j < n) {
		if (y[j] < y[i]) {
			swaps += (double)(half - i); /* y[j] is below all left */
			scratch[k++] = y[j++];
		} else {
			scratch[k++] = y[i++];
		}
	}
	while (i < half)
		scratch[k++] = y[i++];
	while (j < n)
		scratch[k++] = y[j++];
	memcpy(y, scratch, n * sizeof *y);
	return swaps;
}

/* The working memory of one tau: n + 1 pairs, 2 (n + 1) ints, and the
 * counters of a counting sort over up to TAU_SPAN (n + 1) values. */
enum { TAU_SPAN = 4 };

typedef struct tau_work {
	rank_pair *pairs, *sorted;
	int *ys, *scratch;
	size_t *counters, span;
} tau_work;

static bool tau_work_new(tau_work *w, size_t n)
{
	w->span = TAU_SPAN * (n + 1);
	w->pairs = malloc((n + 1) * sizeof *w->pairs);
	w->sorted = malloc((n + 1) * sizeof *w->sorted);
	w->ys = malloc((n + 1) * sizeof *w->ys);
	w->scratch = malloc((n + 1) * sizeof *w->scratch);
	w->counters = malloc((w->span + 1) * sizeof *w->counters);
	return w->pairs && w->sorted && w->ys && w->scratch && w->counters;
}

static void tau_work_free(tau_work *w)
{
	free(w->pairs), free(w->sorted), free(w->ys), free(w->scratch);
	free(w->counters);
}

/* One stable counting-sort pass of FROM into TO by x (BY_X) or y, whose
 * values lie in [LO, LO + SPAN). */
static void count_pass(const rank_pair *from, rank_pair *to, size_t n,
                       bool by_x, long lo, size_t span, size_t *counters)
{
	memset(counters, 0, (span + 1) * sizeof *counters);
	for (size_t k = 0; k < n; k++)
		counters[(by_x ? from[k].x : from[k].y) - lo + 1]++;
	for (size_t v = 1; v <= span; v++)
		counters[v] += counters[v - 1];
	for (size_t k = 0; k < n; k++)
		to[counters[(by_x ? from[k].x : from[k].y) - lo]++] = from[k];
}

static void value_span(const int *v, size_t n, long *lo, long *hi)
{
	*lo = *hi = n ? v[0] : 0;
	for (size_t k = 1; k < n; k++) {
		*lo = v[k] < *lo ? v[k] : *lo;
		*hi = v[k] > *hi ? v[k] : *hi;
	}
}

/* W's pairs in (x, y) order: rankings of n take values 1..n, which two
 * counting passes (y, then x, stably) sort in linear time; wider values
 * go through qsort. Returns the sorted array. */
static rank_pair *sort_pairs(const int *x, const int *y, size_t n,
                             const tau_work *w)
{
	long xlo, xhi, ylo, yhi;
	value_span(x, n, &xlo, &xhi);
	value_span(y, n, &ylo, &yhi);
	for (size_t k = 0; k < n; k++)
		w->pairs[k] = (rank_pair){ x[k], y[k] };
	if ((unsigned long)(xhi - xlo) >= w->span ||
	    (unsigned long)(yhi - ylo) >= w->span) {
		qsort(w->pairs, n, sizeof *w->pairs, by_x_then_y);
		return w->pairs;
	}
	count_pass(w->pairs, w->sorted, n, false, ylo,
	           (size_t)(yhi - ylo + 1), w->counters);
	count_pass(w->sorted, w->pairs, n, true, xlo, (size_t)(xhi - xlo + 1),
	           w->counters);
	return w->pairs;
}

/*
 * Knight's O(n log n) algorithm (Knight 1966, "A computer method for
 * calculating Kendall's tau with ungrouped data", JASA 61:436-439): sort
 * by x then y; pairs tied in x, and in both, come from the runs; the
 * discordant pairs are the inversions left in y; pairs tied in y from y
 * sorted. A thousand scenarios under nine rankings would otherwise cost
 * tens of millions of comparisons.
 */
static double kendall_tau_b(const int *x, const int *y, size_t n,
                            const tau_work *w)
{
	int *ys = w->ys, *scratch = w->scratch;
	double tau = NAN;
	const rank_pair *pairs = sort_pairs(x, y, n, w);
	double tied_x = 0, tied_both = 0, run_x = 1, run_both = 1;
	for (size_t k = 1; k <= n; k++) {
		bool same_x = k < n && pairs[k].x == pairs[k - 1].x;
		bool same = same_x && pairs[k].y == pairs[k - 1].y;
		if (!same_x) {
			tied_x += run_x * (run_x - 1) / 2;
			run_x = 0;
		}
		if (!same) {
			tied_both += run_both * (run_both - 1) / 2;
			run_both = 0;
		}
		run_x++, run_both++;
	}
	for (size_t k = 0; k < n; k++)
		ys[k] = pairs[k].y;
	double discordant = merge_count(ys, scratch, n);
	double tied_y = tied_pairs(ys, n);
	double all = (double)n * ((double)n - 1) / 2;
	/* concordant - discordant = all - tied_x - tied_y + tied_both
	 * - 2 * discordant */
	double difference = all - tied_x - tied_y + tied_both -
	                     2 * discordant;
	double denominator = sqrt((all - tied_x) * (all - tied_y));
	if (denominator > 0)
		tau = difference / denominator;
	return tau;
}

double natrisk_kendall_tau_b(const int *x, const int *y, size_t n)
{
	tau_work w;
	double tau = tau_work_new(&w, n) ? kendall_tau_b(x, y, n, &w) : NAN;
	tau_work_free(&w);
	return tau;
}

size_t natrisk_rank_dependent(const int *const *rankings, size_t k, size_t n,
                              int min_range, size_t *out)
{
	size_t count = 0;
	for (size_t i = 0; i < n && k > 0; i++) {
		int lo = rankings[0][i], hi = rankings[0][i];
		for (size_t r = 1; r < k; r++) {
			lo = rankings[r][i] < lo ? rankings[r][i] : lo;
			hi = rankings[r][i] > hi ? rankings[r][i] : hi;
		}
		if (hi - lo >= min_range)
			out[count++] = i;
	}
	return count;
}

/* ---- the bundle on one assessment ---- */

struct natrisk_robustness {
	const natrisk_assessment *assessment;
	size_t count;             /* profiles + 3 */
	natrisk_ranking *rankings;
	int *ranks;               /* count * scenarios */
	double *tau;              /* count * count */
	size_t *order;
	size_t *dependent;
	size_t dependent_count;
};

static const natrisk_text weighted_sum_title = { "Weighted sum",
                                                 "Gewogen som" };
static const natrisk_text medal_title = { "Medal method",
                                          "Medaillemethode" };
static const natrisk_text evamix_title = { "Evamix", "Evamix" };

/* Ranks of the EV impact totals under PROFILE: the weighted sum. */
static int weighted_sum_ranks(const natrisk_assessment *a, size_t profile,
                              int *ranks)
{
	size_t n = a->scenario_count;
	double *totals = calloc(n + 1, sizeof *totals);
	if (!totals)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = results_ev_totals(a, profile, totals);
	if (rc == 0)
		/* Exact: the engine's totals tie only when truly equal. */
		natrisk_rank_scores(totals, n, 0.0, ranks);
	free(totals);
	return rc;
}

static int fill_rankings(natrisk_robustness *r)
{
	const natrisk_method *m = r->assessment->method;
	size_t n = r->assessment->scenario_count, np = m->profile_count;
	size_t def = m->default_profile;
	int rc = NATRISK_OK;
	for (size_t p = 0; p < np && rc == 0; p++) {
		r->rankings[p] = (natrisk_ranking){ m->profiles[p].id,
			m->profiles[p].title, (long)p, r->ranks + p * n };
		rc = weighted_sum_ranks(r->assessment, p, r->ranks + p * n);
	}
	if (rc != 0)
		return rc;
	r->rankings[np] = (natrisk_ranking){ "weighted-sum", weighted_sum_title,
	                                     (long)def, r->ranks + np * n };
	memcpy(r->ranks + np * n, r->ranks + def * n, n * sizeof *r->ranks);
	r->rankings[np + 1] = (natrisk_ranking){ "medal", medal_title, -1,
	                                         r->ranks + (np + 1) * n };
	r->rankings[np + 2] = (natrisk_ranking){ "evamix", evamix_title,
	                                         (long)def,
	                                         r->ranks + (np + 2) * n };
	if ((rc = natrisk_medal_assessment(r->assessment,
	                                   r->ranks + (np + 1) * n)) != 0)
		return rc;
	return natrisk_evamix_assessment(r->assessment, def, NULL,
	                                 r->ranks + (np + 2) * n);
}

static _Thread_local const int *order_ranks;

static int by_rank(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	if (order_ranks[a] != order_ranks[b])
		return order_ranks[a] < order_ranks[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* The dependent scenarios, in the order of the weighted-sum ranking. */
static int find_dependent(natrisk_robustness *r)
{
	size_t n = r->assessment->scenario_count, k = r->count;
	const int **all = malloc(k * sizeof *all);
	size_t *found = malloc((n + 1) * sizeof *found);
	if (!all || !found) {
		free(all), free(found);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	for (size_t a = 0; a < k; a++)
		all[a] = r->rankings[a].ranks;
	size_t count = natrisk_rank_dependent(all, k, n,
	                                      NATRISK_DEPENDENT_RANGE, found);
	r->dependent_count = 0;
	for (size_t o = 0; o < n; o++)
		for (size_t d = 0; d < count; d++)
			if (found[d] == r->order[o])
				r->dependent[r->dependent_count++] = found[d];
	free(all), free(found);
	return NATRISK_OK;
}

/* Order, tau matrix and the dependent scenarios, once ranks exist. */
static int compare_rankings(natrisk_robustness *r)
{
	size_t n = r->assessment->scenario_count, k = r->count;
	tau_work w;
	if (!tau_work_new(&w, n)) {
		tau_work_free(&w);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	/* tau-b is symmetric: each pair of rankings once */
	for (size_t a = 0; a < k; a++)
		for (size_t b = a; b < k; b++)
			r->tau[a * k + b] = r->tau[b * k + a] = kendall_tau_b(
				r->rankings[a].ranks, r->rankings[b].ranks, n, &w);
	tau_work_free(&w);
	for (size_t i = 0; i < n; i++)
		r->order[i] = i;
	/* qsort has no context argument in C17, hence a thread-local. */
	order_ranks = r->rankings[k - 3].ranks; /* weighted-sum */
	qsort(r->order, n, sizeof *r->order, by_rank);
	return find_dependent(r);
}

int natrisk_robustness_new(natrisk_robustness **out,
                           const natrisk_assessment *a)
{
	*out = NULL;
	size_t n = a->scenario_count, k = a->method->profile_count + 3;
	natrisk_robustness *r = calloc(1, sizeof *r);
	if (!r)
		return error_set(NATRISK_ENOMEM, "out of memory");
	r->assessment = a;
	r->count = k;
	r->rankings = calloc(k, sizeof *r->rankings);
	r->ranks = calloc(k * n + 1, sizeof *r->ranks);
	r->tau = calloc(k * k, sizeof *r->tau);
	r->order = calloc(n + 1, sizeof *r->order);
	r->dependent = calloc(n + 1, sizeof *r->dependent);
	int rc = NATRISK_ENOMEM;
	if (!r->rankings || !r->ranks || !r->tau || !r->order || !r->dependent)
		error_set(rc, "out of memory");
	else if ((rc = fill_rankings(r)) == 0)
		rc = compare_rankings(r);
	if (rc != 0) {
		natrisk_robustness_free(r);
		return rc;
	}
	*out = r;
	return NATRISK_OK;
}

void natrisk_robustness_free(natrisk_robustness *r)
{
	if (!r)
		return;
	free(r->rankings);
	free(r->ranks);
	free(r->tau);
	free(r->order);
	free(r->dependent);
	free(r);
}

const natrisk_assessment *natrisk_robustness_assessment(
	const natrisk_robustness *r)
{
	return r->assessment;
}

size_t natrisk_robustness_count(const natrisk_robustness *r)
{
	return r->count;
}

const natrisk_ranking *natrisk_robustness_ranking(const natrisk_robustness *r,
                                                  size_t k)
{
	return k < r->count ? &r->rankings[k] : NULL;
}

double natrisk_robustness_tau(const natrisk_robustness *r, size_t k,
                              size_t l)
{
	return r->tau[k * r->count + l];
}

const size_t *natrisk_robustness_order(const natrisk_robustness *r)
{
	return r->order;
}

size_t natrisk_robustness_dependent_count(const natrisk_robustness *r)
{
	return r->dependent_count;
}

const size_t *natrisk_robustness_dependent(const natrisk_robustness *r)
{
	return r->dependent;
}

void natrisk_robustness_span(const natrisk_robustness *r, size_t i,
                             int *best, int *worst)
{
	*best = *worst = r->rankings[0].ranks[i];
	for (size_t k = 1; k < r->count; k++) {
		int rank = r->rankings[k].ranks[i];
		*best = rank < *best ? rank : *best;
		*worst = rank > *worst ? rank : *worst;
	}
}
