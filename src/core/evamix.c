/*
 * evamix.c - Evamix (ordinal.h): the appraisal scores of an Evamix
 * problem, and the problem an assessment poses under a weight profile.
 *
 * The scores need, besides each alternative's sums over the others, the
 * sums over all ordered pairs of |alpha_ij| and |a_ij|. Only the first
 * needs the pairs themselves: a_ij = P_i - P_j with P_i the alternative's
 * cardinal score, so its row sums and the sum of its absolute values come
 * from the scores sorted, and the row sums of alpha from each ordinal
 * criterion sorted (how many are below and above). The sum of |alpha_ij|
 * is a sum over pairs of distinct ordinal profiles, alternatives with the
 * same profile counted together, in a loop that compares one profile with
 * four others at a time. At a thousand scenarios that is some fifty times
 * faster than visiting every pair criterion by criterion.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/ordinal.h>

#include "aggregate.h"
#include "error.h"
#include "simd.h" /* HOT */

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

/* The sums the scores are made of. */
typedef struct evamix_sums {
	double *row_alpha, *row_card; /* sum over j of alpha_ij, a_ij */
	double sum_alpha, sum_card;   /* sum over i != j of |alpha|, |a| */
} evamix_sums;

static int by_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* An alternative's value on one criterion, and the alternative. */
typedef struct keyed {
	double value;
	size_t index;
} keyed;

static int by_value(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	return (a->value > b->value) - (a->value < b->value);
}

/*
 * The cardinal part: P_i = sum_c w_c e_ic / range_c over the cardinal
 * criteria that tell alternatives apart; a_ij = P_i - P_j sums over j to
 * n P_i - sum P, and sum_{i<j} |P_i - P_j| is, over the scores sorted,
 * sum_g (P_(g) - P_(g-1)) g (n - g): each gap is crossed by the pairs on
 * either side of it, a sum of terms that are never negative.
 */
static int cardinal_sums(const natrisk_evamix_problem *p,
                         const double *range, evamix_sums *s)
{
	size_t n = p->alternatives;
	double *score = calloc(n + 1, sizeof *score);
	if (!score)
		return -1;
	for (size_t c = 0; c < p->criteria; c++)
		if (p->cardinal[c] && range[c] > 0)
			for (size_t i = 0; i < n; i++)
				score[i] += p->weights[c] *
				            p->values[i * p->criteria + c] /
				            range[c];
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += score[i];
	for (size_t i = 0; i < n; i++)
		s->row_card[i] = (double)n * score[i] - total;
	qsort(score, n, sizeof *score, by_double);
	double pairs = 0;
	for (size_t g = 1; g < n; g++)
		pairs += (score[g] - score[g - 1]) * (double)g * (double)(n - g);
	s->sum_card = 2 * pairs;
	free(score);
	return 0;
}

/* The ordinal criteria: which they are, and each alternative's dense
 * rank on each (0 for the lowest value, +1 for each next distinct one),
 * criterion by criterion. Ranks keep every sign of e_ic - e_jc and are
 * small integers, whose signs the pair loop can take by arithmetic. */
typedef struct ordinal_ranks {
	size_t count;  /* ordinal criteria */
	size_t *which; /* their indices in the problem */
	double *rank;  /* count * alternatives */
} ordinal_ranks;

/* Dense ranks of ordinal criterion C into RANK, and the row sums of
 * alpha: w_c times the number of alternatives below minus the number
 * above. SORTED is scratch. */
static void rank_criterion(const natrisk_evamix_problem *p, size_t c,
                           keyed *sorted, double *rank, evamix_sums *s)
{
	size_t n = p->alternatives;
	for (size_t i = 0; i < n; i++)
		sorted[i] = (keyed){ p->values[i * p->criteria + c], i };
	qsort(sorted, n, sizeof *sorted, by_value);
	double level = 0;
	for (size_t start = 0, end; start < n; start = end, level++) {
		for (end = start + 1;
		     end < n && sorted[end].value == sorted[start].value; end++)
			;
		double d = p->weights[c] * ((double)start - (double)(n - end));
		for (size_t k = start; k < end; k++) {
			s->row_alpha[sorted[k].index] += d;
			rank[sorted[k].index] = level;
		}
	}
}

static int ordinal_rows(const natrisk_evamix_problem *p, ordinal_ranks *o,
                        evamix_sums *s)
{
	size_t n = p->alternatives;
	*o = (ordinal_ranks){ 0 };
	o->which = malloc((p->criteria + 1) * sizeof *o->which);
	keyed *sorted = malloc((n + 1) * sizeof *sorted);
	for (size_t c = 0; o->which && c < p->criteria; c++)
		if (!p->cardinal[c])
			o->which[o->count++] = c;
	o->rank = malloc((o->count * n + 1) * sizeof *o->rank);
	if (!o->which || !sorted || !o->rank) {
		free(sorted);
		return -1;
	}
	for (size_t k = 0; k < o->count; k++)
		rank_criterion(p, o->which[k], sorted, o->rank + k * n, s);
	free(sorted);
	return 0;
}

/* The distinct ordinal profiles (vectors of ranks), criterion by
 * criterion with four lanes of padding (count 0), and how many
 * alternatives have each. */
typedef struct profiles {
	size_t criteria, count, stride;
	double *value;   /* criteria * stride */
	double *quarter; /* criteria: w_c / 4 */
	double *many;    /* stride */
} profiles;

static _Thread_local const ordinal_ranks *profile_ranks;
static _Thread_local size_t profile_alternatives;

static int by_profile(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const double *rank = profile_ranks->rank;
	for (size_t k = 0; k < profile_ranks->count; k++) {
		double ra = rank[k * profile_alternatives + a];
		double rb = rank[k * profile_alternatives + b];
		if (ra != rb)
			return ra < rb ? -1 : 1;
	}
	return 0;
}

static void profiles_free(profiles *g)
{
	free(g->value), free(g->quarter), free(g->many);
}

/* Fills G from the alternatives sorted by ordinal profile (ORDER). */
static void profiles_fill(profiles *g, const natrisk_evamix_problem *p,
                          const ordinal_ranks *o, const size_t *order)
{
	size_t n = p->alternatives;
	for (size_t k = 0; k < g->criteria; k++)
		g->quarter[k] = p->weights[o->which[k]] / 4;
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && by_profile(&order[i - 1], &order[i]) == 0;
		if (!same) {
			for (size_t k = 0; k < g->criteria; k++)
				g->value[k * g->stride + g->count] =
					o->rank[k * n + order[i]];
			g->count++;
		}
		g->many[g->count - 1] += 1;
	}
}

static int profiles_new(profiles *g, const natrisk_evamix_problem *p,
                        const ordinal_ranks *o)
{
	size_t n = p->alternatives;
	*g = (profiles){ .criteria = o->count, .stride = n + 4 };
	size_t *order = malloc((n + 1) * sizeof *order);
	g->value = calloc(g->criteria * g->stride + 1, sizeof *g->value);
	g->quarter = calloc(g->criteria + 1, sizeof *g->quarter);
	g->many = calloc(g->stride, sizeof *g->many);
	if (!order || !g->value || !g->quarter || !g->many) {
		free(order);
		profiles_free(g);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	/* qsort has no context argument in C17, hence thread-locals. */
	profile_ranks = o;
	profile_alternatives = n;
	qsort(order, n, sizeof *order, by_profile);
	if (n > 0)
		profiles_fill(g, p, o, order);
	free(order);
	return 0;
}

/* Four lanes: one AVX2 register (gcc spills eight-lane vectors there). */
typedef double v4d __attribute__((vector_size(32)));
typedef long long v4l __attribute__((vector_size(32)));

static inline v4d load4(const double *p)
{
	v4d v;
	memcpy(&v, p, sizeof v);
	return v;
}

static inline v4d splat4(double x)
{
	return (v4d){ x, x, x, x };
}

static inline v4d abs4(v4d x)
{
	return (v4d)((v4l)x & ((v4l){ 0 } + INT64_MAX));
}

/*
 * sum over profiles j > i of many_j |alpha_ij|, four j at a time (the
 * padding counts 0). For a whole d = r_i - r_j, u = d + 1 - |d - 1| is
 * 2 min(d, 1), and u - 2 + |u + 2| is 4 max(min(d, 1), -1) = 4 sgn(d):
 * exact, and without the comparisons gcc would take lane by lane.
 */
HOT static double row_absolute(const profiles *g, size_t i)
{
	v4d sum = { 0 }, one = splat4(1.0), two = splat4(2.0);
	for (size_t j = i + 1; j < g->count; j += 4) {
		v4d alpha = { 0 };
		for (size_t k = 0; k < g->criteria; k++) {
			const double *r = g->value + k * g->stride;
			v4d d = splat4(r[i]) - load4(r + j);
			v4d u = d + one - abs4(d - one);
			alpha += splat4(g->quarter[k]) * (u - two + abs4(u + two));
		}
		sum += abs4(alpha) * load4(g->many + j);
	}
	return (sum[0] + sum[1]) + (sum[2] + sum[3]);
}

static int ordinal_pairs(const natrisk_evamix_problem *p,
                         const ordinal_ranks *o, evamix_sums *s)
{
	profiles g;
	if (profiles_new(&g, p, o) != 0)
		return -1;
	double pairs = 0;
	for (size_t i = 0; i + 1 < g.count; i++)
		pairs += g.many[i] * row_absolute(&g, i);
	s->sum_alpha = 2 * pairs;
	profiles_free(&g);
	return 0;
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

static void write_dominance(const natrisk_evamix_problem *p,
                            const double *range, const evamix_sums *s,
                            double w_ordinal, double w_cardinal,
                            double *dominance)
{
	size_t n = p->alternatives;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double alpha = 0, card = 0;
			if (i != j)
				pair_dominance(p, range, i, j, &alpha, &card);
			dominance[i * n + j] = standardised(w_ordinal, alpha,
			                                    s->sum_alpha, w_cardinal,
			                                    card, s->sum_card);
		}
}

int natrisk_evamix(const natrisk_evamix_problem *p, double *scores,
                   double *dominance)
{
	size_t n = p->alternatives;
	double *range = calloc(p->criteria + 1, sizeof *range);
	evamix_sums s = { calloc(n + 1, sizeof(double)),
		          calloc(n + 1, sizeof(double)), 0, 0 };
	ordinal_ranks o = { 0 };
	int rc = NATRISK_OK;
	if (range)
		for (size_t c = 0; c < p->criteria; c++)
			range[c] = criterion_range(p, c);
	if (!range || !s.row_alpha || !s.row_card ||
	    cardinal_sums(p, range, &s) != 0 || ordinal_rows(p, &o, &s) != 0 ||
	    ordinal_pairs(p, &o, &s) != 0) {
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	} else {
		double w_ordinal, w_cardinal;
		weight_split(p, &w_ordinal, &w_cardinal);
		/* s_i = sum_j m_ij, and m is linear in alpha and a */
		for (size_t i = 0; i < n; i++)
			scores[i] = standardised(w_ordinal, s.row_alpha[i],
			                         s.sum_alpha, w_cardinal,
			                         s.row_card[i], s.sum_card);
		if (dominance)
			write_dominance(p, range, &s, w_ordinal, w_cardinal,
			                dominance);
	}
	free(range), free(s.row_alpha), free(s.row_card);
	free(o.which), free(o.rank);
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
