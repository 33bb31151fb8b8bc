/*
 * ordinal.c - the robustness of the impact ranking (ordinal.h): the medal
 * method, Evamix, Kendall's tau-b, the method-dependent scenarios, and the
 * bundle of all of them on one assessment that "natrisk robustness" and
 * the report's robustness section share.
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

void natrisk_medal_rank_counts(const size_t *counts, size_t n, int *ranks)
{
	for (size_t i = 0; i < n; i++) {
		int better = 0;
		for (size_t j = 0; j < n; j++)
			if (compare_medals(counts, j, i) > 0)
				better++;
		ranks[i] = 1 + better;
	}
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

static double sign(double x)
{
	return (double)((x > 0) - (x < 0));
}

/* max_c - min_c over the alternatives, the divisor of the cardinal
 * differences. */
static double criterion_range(const natrisk_evamix_problem *p, size_t c)
{
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < p->alternatives; i++) {
		double v = p->values[i * p->criteria + c];
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	return hi - lo;
}

/* alpha_ij and a_ij of one ordered pair (i, j). */
static void pair_dominance(const natrisk_evamix_problem *p,
                           const double *range, size_t i, size_t j,
                           double *alpha, double *card)
{
	const double *ei = p->values + i * p->criteria;
	const double *ej = p->values + j * p->criteria;
	*alpha = *card = 0.0;
	for (size_t c = 0; c < p->criteria; c++) {
		if (!p->cardinal[c])
			*alpha += p->weights[c] * sign(ei[c] - ej[c]);
		else if (range[c] > 0) /* else it tells no one apart */
			*card += p->weights[c] * (ei[c] - ej[c]) / range[c];
	}
}

/* The weight of the ordinal and of the cardinal criteria. */
static void weight_split(const natrisk_evamix_problem *p, double *ordinal,
                         double *cardinal)
{
	*ordinal = *cardinal = 0.0;
	for (size_t c = 0; c < p->criteria; c++) {
		if (p->cardinal[c])
			*cardinal += p->weights[c];
		else
			*ordinal += p->weights[c];
	}
}

/* The problem laid out for the pair loop: the ordinal values criterion
 * by criterion (so that one alternative is compared with all the others
 * in a vector loop), their weights, and each alternative's cardinal score
 * P_i = sum of w_c e_ic / range_c, so that a_ij = P_i - P_j. */
typedef struct evamix_layout {
	size_t ordinal_count;
	double *ordinal;        /* ordinal_count * n */
	double *ordinal_weight; /* ordinal_count */
	double *cardinal_score; /* n */
	double *alpha;          /* n: one row of alpha, scratch */
} evamix_layout;

static void layout_free(evamix_layout *l)
{
	free(l->ordinal), free(l->ordinal_weight), free(l->cardinal_score);
	free(l->alpha);
}

static int layout(const natrisk_evamix_problem *p, const double *range,
                  evamix_layout *l)
{
	size_t n = p->alternatives, k = 0;
	for (size_t c = 0; c < p->criteria; c++)
		l->ordinal_count += !p->cardinal[c];
	l->ordinal = calloc(n * l->ordinal_count + 1, sizeof *l->ordinal);
	l->ordinal_weight = calloc(l->ordinal_count + 1,
	                           sizeof *l->ordinal_weight);
	l->cardinal_score = calloc(n + 1, sizeof *l->cardinal_score);
	l->alpha = calloc(n + 1, sizeof *l->alpha);
	if (!l->ordinal || !l->ordinal_weight || !l->cardinal_score ||
	    !l->alpha)
		return -1;
	for (size_t c = 0; c < p->criteria; c++) {
		if (!p->cardinal[c]) {
			l->ordinal_weight[k] = p->weights[c];
			for (size_t i = 0; i < n; i++)
				l->ordinal[k * n + i] =
					p->values[i * p->criteria + c];
			k++;
		} else if (range[c] > 0) { /* else it tells no one apart */
			for (size_t i = 0; i < n; i++)
				l->cardinal_score[i] += p->weights[c] *
				                        p->values[i * p->criteria + c] /
				                        range[c];
		}
	}
	return 0;
}

/*
 * alpha and a are antisymmetric (alpha_ji = -alpha_ij), so each unordered
 * pair is visited once: its terms go to both rows, and twice its absolute
 * value to the sums over all ordered pairs. No n x n matrix is needed for
 * the scores, which matters at a thousand scenarios.
 */
static void row_sums(const evamix_layout *l, size_t n, double *row_alpha,
                     double *row_card, double *sum_alpha, double *sum_card)
{
	size_t k = l->ordinal_count;
	double *alpha = l->alpha;
	*sum_alpha = *sum_card = 0.0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++)
			alpha[j] = 0;
		for (size_t c = 0; c < k; c++) {
			const double *e = l->ordinal + c * n;
			double w = l->ordinal_weight[c], mine = e[i];
			for (size_t j = i + 1; j < n; j++)
				alpha[j] += w * ((mine > e[j]) - (mine < e[j]));
		}
		double total = 0, absolute = 0;
		for (size_t j = i + 1; j < n; j++) {
			double card = l->cardinal_score[i] - l->cardinal_score[j];
			total += alpha[j];
			absolute += fabs(alpha[j]);
			row_alpha[j] -= alpha[j];
			row_card[i] += card;
			row_card[j] -= card;
			*sum_card += 2 * fabs(card);
		}
		row_alpha[i] += total;
		*sum_alpha += 2 * absolute;
	}
}

/* m_ij: alpha and a standardised by the sums of their absolute values over
 * all ordered pairs, and weighted: Voogd's subtractive summation
 * technique (Voogd 1983; ordinal.h). */
static double standardised(double w_ordinal, double alpha, double sum_alpha,
                           double w_cardinal, double card, double sum_card)
{
	double v = 0.0;
	if (sum_alpha > 0)
		v += w_ordinal * alpha / sum_alpha;
	if (sum_card > 0)
		v += w_cardinal * card / sum_card;
	return v;
}

int natrisk_evamix(const natrisk_evamix_problem *p, double *scores,
                   double *dominance)
{
	size_t n = p->alternatives;
	double *range = calloc(p->criteria + 1, sizeof *range);
	double *row_alpha = calloc(n + 1, sizeof *row_alpha);
	double *row_card = calloc(n + 1, sizeof *row_card);
	evamix_layout l = { 0 };
	if (range)
		for (size_t c = 0; c < p->criteria; c++)
			range[c] = criterion_range(p, c);
	if (!range || !row_alpha || !row_card || layout(p, range, &l) != 0) {
		free(range), free(row_alpha), free(row_card);
		layout_free(&l);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	double w_ordinal, w_cardinal, sum_alpha, sum_card;
	weight_split(p, &w_ordinal, &w_cardinal);
	row_sums(&l, n, row_alpha, row_card, &sum_alpha, &sum_card);
	layout_free(&l);
	/* s_i = sum_j m_ij, and m is linear in alpha and a */
	for (size_t i = 0; i < n; i++)
		scores[i] = standardised(w_ordinal, row_alpha[i], sum_alpha,
		                         w_cardinal, row_card[i], sum_card);
	for (size_t i = 0; dominance && i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double alpha = 0, card = 0;
			if (i != j)
				pair_dominance(p, range, i, j, &alpha, &card);
			dominance[i * n + j] = standardised(w_ordinal, alpha,
			                                    sum_alpha, w_cardinal,
			                                    card, sum_card);
		}
	free(range), free(row_alpha), free(row_card);
	return NATRISK_OK;
}

bool natrisk_evamix_cardinal(const natrisk_assessment *a, size_t c)
{
	return a->method->criteria[c].quantitative;
}

double natrisk_evamix_value(const natrisk_assessment *a, size_t i, size_t c)
{
	const natrisk_method *m = a->method;
	const natrisk_grade *g = &a->scenarios[i].impact[c].point[NATRISK_EV];
	if (!natrisk_evamix_cardinal(a, c))
		/* Ordinal: X < A < A+ < B < ... < E+; only the order counts. */
		return 2.0 * g->cls + (g->high && !g->has_quantity);
	/* A quantity scores its class here too (method.md section 3). */
	return grade_value(m, g);
}

int natrisk_evamix_assessment(const natrisk_assessment *a, size_t profile,
                              double *scores, int *ranks)
{
	const natrisk_method *m = a->method;
	if (profile >= m->profile_count)
		return error_set(NATRISK_ENOTFOUND, "no weight profile %zu",
		                 profile);
	size_t n = a->scenario_count, nc = m->criterion_count;
	double *values = calloc(n * nc + 1, sizeof *values);
	bool *cardinal = calloc(nc + 1, sizeof *cardinal);
	double *s = calloc(n + 1, sizeof *s);
	int rc = NATRISK_ENOMEM;
	if (values && cardinal && s) {
		for (size_t c = 0; c < nc; c++)
			cardinal[c] = natrisk_evamix_cardinal(a, c);
		for (size_t i = 0; i < n; i++)
			for (size_t c = 0; c < nc; c++)
				values[i * nc + c] = natrisk_evamix_value(a, i, c);
		natrisk_evamix_problem p = { n, nc, values, cardinal,
		                             m->profiles[profile].weights };
		rc = natrisk_evamix(&p, s, NULL);
	} else {
		error_set(rc, "out of memory");
	}
	if (rc == NATRISK_OK) {
		natrisk_rank_scores(s, n, NATRISK_EVAMIX_TIE, ranks);
		if (scores)
			memcpy(scores, s, n * sizeof *s);
	}
	free(values), free(cardinal), free(s);
	return rc;
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

/*
 * Knight's O(n log n) algorithm (Knight 1966, "A computer method for
 * calculating Kendall's tau with ungrouped data", JASA 61:436-439): sort
 * by x then y; pairs tied in x, and in both, come from the runs; the
 * discordant pairs are the inversions left in y; pairs tied in y from y
 * sorted. A thousand scenarios under nine rankings would otherwise cost
 * tens of millions of comparisons.
 */
/* The working memory of one tau: n + 1 pairs and 2 (n + 1) ints. */
typedef struct tau_work {
	rank_pair *pairs;
	int *ys, *scratch;
} tau_work;

static bool tau_work_new(tau_work *w, size_t n)
{
	w->pairs = malloc((n + 1) * sizeof *w->pairs);
	w->ys = malloc((n + 1) * sizeof *w->ys);
	w->scratch = malloc((n + 1) * sizeof *w->scratch);
	return w->pairs && w->ys && w->scratch;
}

static void tau_work_free(tau_work *w)
{
	free(w->pairs), free(w->ys), free(w->scratch);
}

static double kendall_tau_b(const int *x, const int *y, size_t n,
                            const tau_work *w)
{
	rank_pair *pairs = w->pairs;
	int *ys = w->ys, *scratch = w->scratch;
	double tau = NAN;
	for (size_t k = 0; k < n; k++)
		pairs[k] = (rank_pair){ x[k], y[k] };
	qsort(pairs, n, sizeof *pairs, by_x_then_y);
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
	natrisk_results *r;
	int rc = natrisk_results_new(&r, a, profile);
	if (rc == 0) {
		for (size_t i = 0; i < n; i++)
			totals[i] = natrisk_results_get(r, i)->impact[NATRISK_EV].total;
		natrisk_results_free(r);
		/* Exact: the engine's totals tie only when truly equal. */
		natrisk_rank_scores(totals, n, 0.0, ranks);
	}
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
	for (size_t a = 0; a < k; a++)
		for (size_t b = 0; b < k; b++)
			r->tau[a * k + b] = kendall_tau_b(r->rankings[a].ranks,
			                                  r->rankings[b].ranks,
			                                  n, &w);
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
