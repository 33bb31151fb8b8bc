/*
 * test_ordinal_random.c - the fast algorithms of the robustness methods
 * against their definitions, computed pair by pair, on random inputs full
 * of ties: Evamix's scores (row sums from sorted criteria, the ordinal
 * pairs by distinct profile eight at a time), the medal ranks (by
 * sorting), Kendall's tau-b (counting sort, or qsort for values spread
 * wide).
 */
#include "unit_support.h"

#include <natrisk/ordinal.h>

static unsigned next(unsigned *seed, unsigned n)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) % n;
}

static double sgn(double x)
{
	return (double)((x > 0) - (x < 0));
}

/* ---- Evamix ---- */

/* s_i by ordinal.h's definition: every ordered pair's alpha and a, the
 * sums of their absolute values, m_ij, and s_i = sum_j m_ij. */
static void evamix_by_pairs(const natrisk_evamix_problem *p, double *s)
{
	size_t n = p->alternatives, nc = p->criteria;
	double range[16], w_o = 0, w_c = 0, sum_alpha = 0, sum_card = 0;
	static double alpha[64][64], card[64][64];
	for (size_t c = 0; c < nc; c++) {
		double lo = p->values[c], hi = p->values[c];
		for (size_t i = 0; i < n; i++) {
			double v = p->values[i * nc + c];
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
		range[c] = hi - lo;
		*(p->cardinal[c] ? &w_c : &w_o) += p->weights[c];
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			alpha[i][j] = card[i][j] = 0;
			for (size_t c = 0; c < nc; c++) {
				double d = p->values[i * nc + c] -
				           p->values[j * nc + c];
				if (!p->cardinal[c])
					alpha[i][j] += p->weights[c] * sgn(d);
				else if (range[c] > 0)
					card[i][j] += p->weights[c] * d / range[c];
			}
			sum_alpha += fabs(alpha[i][j]);
			sum_card += fabs(card[i][j]);
		}
	for (size_t i = 0; i < n; i++) {
		s[i] = 0;
		for (size_t j = 0; j < n; j++)
			s[i] += (sum_alpha > 0 ? w_o * alpha[i][j] / sum_alpha : 0) +
			        (sum_card > 0 ? w_c * card[i][j] / sum_card : 0);
	}
}

/* Up to 60 alternatives (below, at and past the 8 lanes) on up to 10
 * criteria, values from few levels (many ties, repeated profiles), some
 * rounds all ordinal or all cardinal. */
static void test_evamix_random(void **state)
{
	(void)state;
	unsigned seed = 2024;
	for (int round = 0; round < 300; round++) {
		size_t n = 1 + next(&seed, 60), nc = 1 + next(&seed, 10);
		unsigned levels = 1 + next(&seed, round % 3 ? 4 : 12);
		double values[60 * 10], weights[10], total = 0;
		bool cardinal[10];
		for (size_t c = 0; c < nc; c++) {
			cardinal[c] = round % 5 == 0   ? false
			              : round % 5 == 1 ? true
			                               : next(&seed, 3) == 0;
			weights[c] = 1 + next(&seed, 9);
			total += weights[c];
		}
		for (size_t c = 0; c < nc; c++)
			weights[c] /= total;
		for (size_t k = 0; k < n * nc; k++)
			values[k] = cardinal[k % nc]
			                    ? (double)next(&seed, levels) * 3.5
			                    : (double)next(&seed, levels);
		natrisk_evamix_problem p = { n, nc, values, cardinal, weights };
		double want[60], got[60], m[60 * 60];
		evamix_by_pairs(&p, want);
		assert_int_equal(natrisk_evamix(&p, got, m), 0);
		for (size_t i = 0; i < n; i++) {
			assert_true(fabs(got[i] - want[i]) < 1e-12);
			double row = 0; /* the matrix sums to the scores */
			for (size_t j = 0; j < n; j++)
				row += m[i * n + j];
			assert_true(fabs(row - want[i]) < 1e-12);
		}
	}
}

/* ---- the medal method ---- */

static void test_medal_random(void **state)
{
	(void)state;
	unsigned seed = 77;
	for (int round = 0; round < 200; round++) {
		size_t n = 1 + next(&seed, 80);
		unsigned most = 1 + (unsigned)round % 4;
		size_t counts[80 * NATRISK_CLASS_COUNT];
		for (size_t k = 0; k < n * NATRISK_CLASS_COUNT; k++)
			counts[k] = next(&seed, most);
		int ranks[80];
		natrisk_medal_rank_counts(counts, n, ranks);
		for (size_t i = 0; i < n; i++) {
			/* 1 + the scenarios with more E, or as many E and more
			 * D, ... */
			int better = 0;
			for (size_t j = 0; j < n; j++)
				for (int c = NATRISK_CLASS_E; c >= NATRISK_CLASS_A;
				     c--) {
					size_t mine = counts[i * NATRISK_CLASS_COUNT + (size_t)c];
					size_t theirs = counts[j * NATRISK_CLASS_COUNT + (size_t)c];
					if (mine != theirs) {
						better += theirs > mine;
						break;
					}
				}
			assert_int_equal(ranks[i], 1 + better);
		}
	}
}

/* ---- Kendall's tau-b ---- */

/* Tau-b by its definition, pair by pair. */
static double tau_b_by_pairs(const int *x, const int *y, size_t n)
{
	double concordant = 0, discordant = 0, tied_x = 0, tied_y = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			int dx = (x[i] > x[j]) - (x[i] < x[j]);
			int dy = (y[i] > y[j]) - (y[i] < y[j]);
			tied_x += dx == 0;
			tied_y += dy == 0;
			concordant += dx * dy > 0;
			discordant += dx * dy < 0;
		}
	double pairs = (double)n * ((double)n - 1) / 2;
	return (concordant - discordant) /
	       sqrt((pairs - tied_x) * (pairs - tied_y));
}

/* Values from few levels (the counting sort), and every fourth round
 * spread over millions, negative too (qsort). */
static void test_kendall_random(void **state)
{
	(void)state;
	unsigned seed = 12345;
	for (int round = 0; round < 400; round++) {
		size_t n = 2 + (size_t)(round % 60);
		bool wide = round % 4 == 3;
		int x[64], y[64];
		for (size_t k = 0; k < n; k++) {
			x[k] = (int)next(&seed, 1 + (unsigned)round % 7);
			y[k] = (int)next(&seed, 1 + (unsigned)round % 5);
			if (wide) {
				x[k] = x[k] * 1000003 - 3000000;
				y[k] = -y[k] * 700001;
			}
		}
		double expected = tau_b_by_pairs(x, y, n);
		double got = natrisk_kendall_tau_b(x, y, n);
		if (isnan(expected))
			assert_true(isnan(got));
		else
			assert_true(fabs(got - expected) < 1e-12);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_evamix_random),
		cmocka_unit_test(test_medal_random),
		cmocka_unit_test(test_kendall_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
