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

void natrisk_rank_scores(const double *scores, size_t n, double tolerance,
                         int *ranks)
{
	/* Quadratic, but n is a few dozen scenarios, and counting keeps the
	 * competition rule obvious. */
	for (size_t i = 0; i < n; i++) {
		int greater = 0;
		for (size_t j = 0; j < n; j++)
			if (scores[j] > scores[i] + tolerance)
				greater++;
		ranks[i] = 1 + greater;
	}
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

static double abs_sum(const double *v, size_t count)
{
	double sum = 0.0;
	for (size_t k = 0; k < count; k++)
		sum += fabs(v[k]);
	return sum;
}

/* m_ij from alpha and a, standardised and weighted; s_i from m. */
static void appraise(const natrisk_evamix_problem *p, const double *alpha,
                     const double *card, double *m, double *scores)
{
	size_t n = p->alternatives;
	double w_ordinal = 0.0, w_cardinal = 0.0;
	for (size_t c = 0; c < p->criteria; c++) {
		if (p->cardinal[c])
			w_cardinal += p->weights[c];
		else
			w_ordinal += p->weights[c];
	}
	double sum_alpha = abs_sum(alpha, n * n), sum_card = abs_sum(card, n * n);
	for (size_t i = 0; i < n; i++) {
		scores[i] = 0.0;
		for (size_t j = 0; j < n; j++) {
			double v = 0.0;
			if (sum_alpha > 0)
				v += w_ordinal * alpha[i * n + j] / sum_alpha;
			if (sum_card > 0)
				v += w_cardinal * card[i * n + j] / sum_card;
			m[i * n + j] = v;
			scores[i] += v; /* m_ii is 0 */
		}
	}
}

int natrisk_evamix(const natrisk_evamix_problem *p, double *scores,
                   double *dominance)
{
	size_t n = p->alternatives;
	double *range = calloc(p->criteria + 1, sizeof *range);
	double *alpha = calloc(n * n + 1, sizeof *alpha);
	double *card = calloc(n * n + 1, sizeof *card);
	double *m = dominance ? dominance : calloc(n * n + 1, sizeof *m);
	int rc = NATRISK_OK;
	if (!range || !alpha || !card || !m) {
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	} else {
		for (size_t c = 0; c < p->criteria; c++)
			range[c] = criterion_range(p, c);
		/* The diagonal stays 0 (calloc): no scenario dominates itself. */
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++)
				if (i != j)
					pair_dominance(p, range, i, j,
					               &alpha[i * n + j],
					               &card[i * n + j]);
		appraise(p, alpha, card, m, scores);
	}
	free(range), free(alpha), free(card);
	if (m != dominance)
		free(m);
	return rc;
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
	if (g->has_quantity) /* its exact place, not just its class */
		return pow(m->base, g->position);
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

static int compare_ints(int a, int b)
{
	return (a > b) - (a < b);
}

double natrisk_kendall_tau_b(const int *x, const int *y, size_t n)
{
	double concordant = 0, discordant = 0, tied_x = 0, tied_y = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			int dx = compare_ints(x[i], x[j]);
			int dy = compare_ints(y[i], y[j]);
			tied_x += dx == 0;
			tied_y += dy == 0;
			if (dx * dy > 0)
				concordant++;
			else if (dx * dy < 0)
				discordant++;
		}
	double pairs = (double)n * ((double)n - 1) / 2;
	double denominator = sqrt((pairs - tied_x) * (pairs - tied_y));
	if (!(denominator > 0))
		return NAN;
	return (concordant - discordant) / denominator;
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
	for (size_t a = 0; a < k; a++)
		for (size_t b = 0; b < k; b++)
			r->tau[a * k + b] = natrisk_kendall_tau_b(
				r->rankings[a].ranks, r->rankings[b].ranks, n);
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
