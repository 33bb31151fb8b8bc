/*
 * test_aggregate.c - the arithmetic of method.md section 4 in
 * src/core/aggregate.h (grade values, the compensated sum, impact levels,
 * likelihood positions) and the threshold ladders of src/core/model.h.
 *
 * The method is built by hand: base 3, X = 0, high offset 0.5, hazard
 * thresholds [0.0005, 0.005, 0.05, 0.5], so every expected value below
 * follows from those numbers alone.
 */
#include "unit_support.h"

#include "core/aggregate.h"

#define SQRT3 1.7320508075688772 /* sqrt(3) to 17 digits */

static void make_method(natrisk_method *m, double base, double x_value,
                        double high_offset)
{
	memset(m, 0, sizeof *m);
	m->base = base;
	m->x_value = x_value;
	m->high_offset = high_offset;
	m->x_position = -1;
	m->likelihood_plain = 0.5;
	m->likelihood_high = 0.75;
	m->hazard_thresholds[0] = 0.0005;
	m->hazard_thresholds[1] = 0.005;
	m->hazard_thresholds[2] = 0.05;
	m->hazard_thresholds[3] = 0.5;
	method_derive(m); /* no profiles: only the class values */
}

static natrisk_grade grade(int cls, bool high)
{
	natrisk_grade g = { .cls = (signed char)cls, .high = high };
	return g;
}

static natrisk_grade quantity_grade(int cls, bool high, double q)
{
	natrisk_grade g = { .cls = (signed char)cls, .high = high,
		            .has_quantity = true, .quantity = q };
	return g;
}

/* ---- grade_value ------------------------------------------------------ */

static void test_grade_value_plain(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_grade g;
	g = grade(NATRISK_CLASS_X, false);
	assert_exact(grade_value(&m, &g), 0.0);   /* X = x_value = 0 */
	g = grade(0, false);
	assert_exact(grade_value(&m, &g), 1.0);   /* A = 3^0 */
	g = grade(1, false);
	assert_exact(grade_value(&m, &g), 3.0);   /* B = 3^1 */
	g = grade(2, false);
	assert_exact(grade_value(&m, &g), 9.0);   /* C = 3^2 */
	g = grade(3, false);
	assert_exact(grade_value(&m, &g), 27.0);  /* D = 3^3 */
	g = grade(4, false);
	assert_exact(grade_value(&m, &g), 81.0);  /* E = 3^4 */
}

static void test_grade_value_high(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_grade g;
	/* "+" is half a class up: value * 3^0.5 = value * sqrt(3). */
	g = grade(0, true);
	assert_near(grade_value(&m, &g), 1 * SQRT3, 1e-15);  /* 1.7320508 */
	g = grade(1, true);
	assert_near(grade_value(&m, &g), 3 * SQRT3, 1e-14);  /* 5.1961524 */
	g = grade(2, true);
	/* C+ = 9 * sqrt(3) = 15.588457268119894 */
	assert_near(grade_value(&m, &g), 15.588457268119894, 1e-14);
	g = grade(3, true);
	assert_near(grade_value(&m, &g), 27 * SQRT3, 1e-13); /* 46.765372 */
	g = grade(4, true);
	assert_near(grade_value(&m, &g), 81 * SQRT3, 1e-13); /* 140.29612 */
	/* Strictly between its class and the next: 9 < 15.59 < 27. */
	g = grade(2, true);
	assert_true(grade_value(&m, &g) > 9.0);
	assert_true(grade_value(&m, &g) < 27.0);
}

static void test_grade_value_quantity_ignores_high(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	/* A grade from a quantity is worth its class value; a stray "high"
	 * flag must not move it: D from 13e9 euros is 27, not 27*sqrt(3). */
	natrisk_grade g = quantity_grade(3, true, 13e9);
	assert_exact(grade_value(&m, &g), 27.0);
	g = quantity_grade(2, false, 300);
	assert_exact(grade_value(&m, &g), 9.0);
}

static void test_grade_value_other_method(void **state)
{
	(void)state;
	natrisk_method m;
	/* Base 2, X = 0.25, offset 0: A..E = 1, 2, 4, 8, 16; C+ = C. */
	make_method(&m, 2, 0.25, 0.0);
	natrisk_grade g = grade(NATRISK_CLASS_X, false);
	assert_exact(grade_value(&m, &g), 0.25);
	g = grade(4, false);
	assert_exact(grade_value(&m, &g), 16.0); /* 2^4 */
	g = grade(2, true);
	assert_exact(grade_value(&m, &g), 4.0);  /* 2^2 * 2^0 */
	/* Base 10, offset 0.5: D+ = 1000 * sqrt(10) = 3162.2776601683795 */
	make_method(&m, 10, 0, 0.5);
	g = grade(3, true);
	assert_near(grade_value(&m, &g), 3162.2776601683795, 1e-11);
	g = grade(3, false);
	assert_exact(grade_value(&m, &g), 1000.0);
}

/* ---- stable_sum ------------------------------------------------------- */

/* Heap's algorithm: calls stable_sum on every permutation of T[0..N). */
static void all_permutations(double *t, size_t n, double first,
                             size_t *count)
{
	size_t c[8] = { 0 };
	double work[8];
	memcpy(work, t, n * sizeof *t);
	assert_exact(stable_sum(work, n), first);
	(*count)++;
	size_t i = 0;
	while (i < n) {
		if (c[i] < i) {
			size_t j = i % 2 == 0 ? 0 : c[i];
			double tmp = t[j];
			t[j] = t[i];
			t[i] = tmp;
			memcpy(work, t, n * sizeof *t);
			assert_exact(stable_sum(work, n), first);
			(*count)++;
			c[i]++;
			i = 0;
		} else {
			c[i] = 0;
			i++;
		}
	}
}

static void test_stable_sum_permutation_invariant(void **state)
{
	(void)state;
	/* Irrational terms of mixed size; every one of the 7! = 5040 orders
	 * must give the same bits. */
	double t[7] = { sqrt(2.0), sqrt(3.0), sqrt(5.0), M_PI, M_E,
		        1e-3 * sqrt(7.0), 1e4 * sqrt(11.0) };
	double copy[7];
	memcpy(copy, t, sizeof t);
	double first = stable_sum(copy, 7);
	size_t count = 0;
	all_permutations(t, 7, first, &count);
	assert_int_equal(count, 5040);
	/* And the value is right: sqrt2 + sqrt3 + sqrt5 + pi + e
	 * = 1.41421356237309505 + 1.73205080756887729 + 2.23606797749978970
	 * + 3.14159265358979324 + 2.71828182845904524 = 11.24220682949060052;
	 * 1e-3 sqrt7 = 0.00264575131106459 -> 11.24485258080166511;
	 * 1e4 sqrt11 = 33166.24790355399849 -> total 33177.49275613480016. */
	assert_near(first, 33177.49275613480016, 1e-10);
}

static void test_stable_sum_sorts_in_place(void **state)
{
	(void)state;
	double t[5] = { 27, 1, 81, 3, 9 };
	assert_exact(stable_sum(t, 5), 121.0); /* 1+3+9+27+81 */
	/* "The terms are reordered in place": ascending. */
	assert_exact(t[0], 1.0);
	assert_exact(t[1], 3.0);
	assert_exact(t[2], 9.0);
	assert_exact(t[3], 27.0);
	assert_exact(t[4], 81.0);
}

static void test_stable_sum_integers_exact(void **state)
{
	(void)state;
	/* Weighted class values: 3*9 + 3*27 + 27 + 27 + 0*6 = 162. */
	double t[10] = { 27, 81, 0, 0, 0, 27, 0, 27, 0, 0 };
	assert_exact(stable_sum(t, 10), 162.0);
	/* 1 + 3 + 9 + 27 + 81 repeated 4 times = 4 * 121 = 484. */
	double u[20];
	for (int i = 0; i < 20; i++)
		u[i] = pow(3.0, i % 5);
	assert_exact(stable_sum(u, 20), 484.0);
	/* Empty and single sums. */
	assert_exact(stable_sum(u, 0), 0.0);
	double one[1] = { 42.5 };
	assert_exact(stable_sum(one, 1), 42.5);
}

static void test_stable_sum_compensated(void **state)
{
	(void)state;
	/* 1e16 + 1 + 1: the spacing of doubles near 1e16 is 2, so adding
	 * the ones one by one to 1e16 loses both (1e16 + 1 is a tie and
	 * rounds to even, 1e16). Exact: 10000000000000002, representable. */
	double a[3] = { 1e16, 1, 1 };
	assert_exact(stable_sum(a, 3), 10000000000000002.0);

	/* 1 + 2^53 + (2^53 + 2) = 18014398509481987 exactly. Doubles in
	 * [2^54, 2^55) are 4 apart, so the nearest is 18014398509481988.
	 * Plain ascending summation gives 1 + 2^53 -> 2^53 (tie, to even),
	 * then 2^53 + 2^53 + 2 = 2^54 + 2 -> 2^54 (tie, to even)
	 * = 18014398509481984: off by 3. The compensation must catch it. */
	double b[3] = { 9007199254740994.0, 1.0, 9007199254740992.0 };
	assert_exact(stable_sum(b, 3), 18014398509481988.0);

	/* Ten times 0.1: the double 0.1 is 0.1000000000000000055511, ten of
	 * them 1.000000000000000055511, whose nearest double is 1.0 (the
	 * next double above 1 is 1 + 2.2e-16). Naive summation gives
	 * 0.9999999999999999. */
	double c[10];
	for (int i = 0; i < 10; i++)
		c[i] = 0.1;
	assert_exact(stable_sum(c, 10), 1.0);

	/* Many small terms beside a big one: 1e16 + 1000 x 1 = 1e16 + 1000,
	 * representable (1e16 + 1000 is even). */
	double d[1001];
	d[0] = 1e16;
	for (int i = 1; i <= 1000; i++)
		d[i] = 1.0;
	assert_exact(stable_sum(d, 1001), 10000000000001000.0);
}

/* ---- impact_level ----------------------------------------------------- */

static void test_impact_level_on_class_values(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_impact_level l;

	/* 90 / 10 = 9 = C exactly: position 2, not 1.9999999999999998. */
	impact_level(&m, 90, 10, &l);
	assert_exact(l.total, 9.0);
	assert_exact(l.position, 2.0);
	assert_int_equal(l.cls, 2);
	assert_true(l.on_class_value);

	/* 270 / 10 = 27 = D: position exactly 3, although
	 * log(27)/log(3) can come out as 3.0000000000000004. */
	impact_level(&m, 270, 10, &l);
	assert_exact(l.total, 27.0);
	assert_exact(l.position, 3.0);
	assert_int_equal(l.cls, 3);
	assert_true(l.on_class_value);

	/* 10 / 10 = 1 = A: position 0. */
	impact_level(&m, 10, 10, &l);
	assert_exact(l.position, 0.0);
	assert_int_equal(l.cls, 0);
	assert_true(l.on_class_value);

	/* 30 / 10 = 3 = B: position 1. */
	impact_level(&m, 30, 10, &l);
	assert_exact(l.position, 1.0);
	assert_int_equal(l.cls, 1);
	assert_true(l.on_class_value);

	/* 810 / 10 = 81 = E: position 4. */
	impact_level(&m, 810, 10, &l);
	assert_exact(l.position, 4.0);
	assert_int_equal(l.cls, 4);
	assert_true(l.on_class_value);

	/* Weight sum 16 (profile "physical": 3+3+3 + 7*1): 144 / 16 = 9. */
	impact_level(&m, 144, 16, &l);
	assert_exact(l.total, 9.0);
	assert_exact(l.position, 2.0);
	assert_true(l.on_class_value);
}

static void test_impact_level_zero_and_small(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_impact_level l;

	/* Total 0: class X, position NaN. */
	impact_level(&m, 0, 10, &l);
	assert_exact(l.total, 0.0);
	assert_int_equal(l.cls, NATRISK_CLASS_X);
	assert_true(isnan(l.position));
	assert_false(l.on_class_value);

	/* Total 0.5: below A but above nothing: class A, position
	 * log3(0.5) = -ln 2 / ln 3 = -0.6309297535714574. */
	impact_level(&m, 5, 10, &l);
	assert_exact(l.total, 0.5);
	assert_int_equal(l.cls, 0);
	assert_near(l.position, -0.6309297535714574, 1e-15);
	assert_false(l.on_class_value);

	/* Total 0.1 (one criterion of ten at A): log3(0.1) = -ln 10 / ln 3
	 * = -2.302585092994046 / 1.0986122886681098 = -2.095903274289385. */
	impact_level(&m, 1, 10, &l);
	assert_int_equal(l.cls, 0);
	assert_near(l.position, -2.095903274289385, 1e-14);
}

static void test_impact_level_between_classes(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_impact_level l;

	/* 178 / 10 = 17.8: log3(17.8) = ln 17.8 / ln 3
	 * = 2.8791984572980396 / 1.0986122886681098 = 2.620759377076151,
	 * class C (9 <= 17.8 < 27). */
	impact_level(&m, 178, 10, &l);
	assert_near(l.total, 17.8, 1e-15);
	assert_near(l.position, 2.620759377076151, 1e-14);
	assert_int_equal(l.cls, 2);
	assert_false(l.on_class_value);

	/* C+ alone over 10 criteria: 9 sqrt3 / 10 = 1.5588457268119894,
	 * position log3(0.9 sqrt 3) = 0.5 + log3(0.9)
	 * = 0.5 - 0.09590327428938458 = 0.4040967257106154, class A. */
	impact_level(&m, 9 * SQRT3, 10, &l);
	assert_near(l.position, 0.4040967257106154, 1e-14);
	assert_int_equal(l.cls, 0);

	/* E+ alone with weight 1: 81 sqrt 3 -> position 4.5, class E. */
	impact_level(&m, 81 * SQRT3, 1, &l);
	assert_near(l.position, 4.5, 1e-14);
	assert_int_equal(l.cls, 4);
	assert_false(l.on_class_value);

	/* Above E: 243 = 3^5 stays class E, position 5. */
	impact_level(&m, 243, 1, &l);
	assert_int_equal(l.cls, 4);
	assert_near(l.position, 5.0, 1e-14);
}

static void test_impact_level_near_boundaries(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_impact_level l;

	/* The double just below 9 is class B; its position must stay
	 * inside B's band [1, 2) even if the log rounds up to 2. */
	double below9 = nextafter(9.0, 0.0); /* 8.999999999999998 */
	impact_level(&m, below9, 1, &l);
	assert_int_equal(l.cls, 1);
	assert_false(l.on_class_value);
	assert_true(l.position < 2.0);
	assert_true(l.position > 1.999999);

	/* Just below 27: class C, position < 3 (log(27)/log(3) rounds
	 * above 3, so an unclamped log would land in D's band). */
	double below27 = nextafter(27.0, 0.0); /* 26.999999999999996 */
	impact_level(&m, below27, 1, &l);
	assert_int_equal(l.cls, 2);
	assert_true(l.position < 3.0);
	assert_true(l.position > 2.999999);

	/* Just above 9: class C, position in [2, 3). */
	double above9 = nextafter(9.0, 100.0);
	impact_level(&m, above9, 1, &l);
	assert_int_equal(l.cls, 2);
	assert_false(l.on_class_value);
	assert_true(l.position >= 2.0);
	assert_true(l.position < 2.000001);

	/* Just above 27: class D, position >= 3. */
	impact_level(&m, nextafter(27.0, 100.0), 1, &l);
	assert_int_equal(l.cls, 3);
	assert_true(l.position >= 3.0);

	/* A total that is C by a hair through division: 89.99999 / 10. */
	impact_level(&m, 89.99999, 10, &l);
	assert_int_equal(l.cls, 1);
	assert_true(l.position < 2.0);
}

static void test_impact_level_every_band(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	/* Sweep totals from 1 to 100: the class is the band that holds the
	 * position, positions never decrease, class k <=> 3^k <= T < 3^k+1. */
	double last = -1;
	for (int i = 0; i <= 9900; i++) {
		double total = 1.0 + i * 0.01;
		natrisk_impact_level l;
		impact_level(&m, total, 1, &l);
		int expect = total >= 81 ? 4 : total >= 27 ? 3 :
		             total >= 9 ? 2 : total >= 3 ? 1 : 0;
		assert_int_equal(l.cls, expect);
		assert_true(l.position >= l.cls);
		if (l.cls < 4)
			assert_true(l.position < l.cls + 1);
		assert_true(l.position >= last);
		last = l.position;
	}
}

static void test_impact_range(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_impact_level l;
	char range[4];

	impact_level(&m, 90, 10, &l); /* 9: on C */
	natrisk_impact_range(&l, range);
	assert_string_equal(range, "C");

	impact_level(&m, 178, 10, &l); /* 17.8: C-D */
	natrisk_impact_range(&l, range);
	assert_string_equal(range, "C-D");

	impact_level(&m, 20, 10, &l); /* 2: between A (1) and B (3) */
	natrisk_impact_range(&l, range);
	assert_string_equal(range, "A-B");

	impact_level(&m, 500, 10, &l); /* 50: between D (27) and E (81) */
	natrisk_impact_range(&l, range);
	assert_string_equal(range, "D-E");

	impact_level(&m, 1000, 10, &l); /* 100 > 81: E, nothing above */
	natrisk_impact_range(&l, range);
	assert_string_equal(range, "E");

	impact_level(&m, 0, 10, &l); /* nothing: X */
	natrisk_impact_range(&l, range);
	assert_string_equal(range, "X");
}

/* ---- likelihood_position ---------------------------------------------- */

static void test_likelihood_position_classes(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	/* Class k: k + 0.5; with "+": k + 0.75 (formats.md). */
	for (int k = 0; k <= 4; k++) {
		natrisk_grade g = grade(k, false);
		assert_exact(likelihood_position(&m, &g), k + 0.5);
		g = grade(k, true);
		assert_exact(likelihood_position(&m, &g), k + 0.75);
	}
}

static void test_likelihood_position_probability(void **state)
{
	(void)state;
	natrisk_method m;
	make_method(&m, 3, 0, 0.5);
	natrisk_grade g;

	/* 0.03 lies in C = [0.005, 0.05): 2 + log10(0.03 / 0.005)
	 * = 2 + log10(6) = 2 + 0.7781512503836436 = 2.778151250383644. */
	g = quantity_grade(2, false, 0.03);
	assert_near(likelihood_position(&m, &g), 2.778151250383644, 1e-14);

	/* E's band is [0.5, 1]: it ends at certainty (formats.md), so 1 is
	 * its top, 5 exactly, above a plain E (4.5); 0.9 sits at 4 +
	 * log(0.9 / 0.5) / log(1 / 0.5) = 4 + log2(1.8) = 4 +
	 * 0.8479969065549500 = 4.84799690655495. */
	g = quantity_grade(4, false, 1.0);
	assert_exact(likelihood_position(&m, &g), 5.0);
	g = quantity_grade(4, false, 0.9);
	assert_near(likelihood_position(&m, &g), 4.84799690655495, 1e-14);
	natrisk_grade certain = quantity_grade(4, false, 1.0);
	g = grade(4, false);
	assert_true(likelihood_position(&m, &certain) >
	            likelihood_position(&m, &g));

	/* A lower limit is the start of its class: exactly 1.0, 2.0, 4.0. */
	g = quantity_grade(1, false, 0.0005);
	assert_exact(likelihood_position(&m, &g), 1.0);
	g = quantity_grade(2, false, 0.005);
	assert_exact(likelihood_position(&m, &g), 2.0);
	g = quantity_grade(4, false, 0.5);
	assert_exact(likelihood_position(&m, &g), 4.0);

	/* 1e-6 is below A's band [0.00005, 0.0005): clamped to 0. */
	g = quantity_grade(0, false, 1e-6);
	assert_exact(likelihood_position(&m, &g), 0.0);

	/* 0.0001 in A's band: log10(0.0001 / 0.00005) = log10 2
	 * = 0.3010299956639812. */
	g = quantity_grade(0, false, 0.0001);
	assert_near(likelihood_position(&m, &g), 0.3010299956639812, 1e-12);

	/* A stray "high" flag does not move a probability. */
	g = quantity_grade(2, true, 0.03);
	assert_near(likelihood_position(&m, &g), 2.778151250383644, 1e-14);
}

/* ---- ladders ---------------------------------------------------------- */

static const double fatalities[4] = { 10, 100, 1000, 10000 };
static const double costs[4] = { 5e7, 5e8, 5e9, 5e10 };

static void test_ladder_class(void **state)
{
	(void)state;
	/* A lower limit belongs to its class (method-format.md). */
	assert_int_equal(ladder_class(fatalities, 0), 0);
	assert_int_equal(ladder_class(fatalities, 9.99), 0);
	assert_int_equal(ladder_class(fatalities, 10), 1);
	assert_int_equal(ladder_class(fatalities, 99.999), 1);
	assert_int_equal(ladder_class(fatalities, 100), 2);
	assert_int_equal(ladder_class(fatalities, 300), 2);  /* "several
	                                                        hundred": C */
	assert_int_equal(ladder_class(fatalities, 1000), 3);
	assert_int_equal(ladder_class(fatalities, 9999), 3);
	assert_int_equal(ladder_class(fatalities, 10000), 4);
	assert_int_equal(ladder_class(fatalities, 1e12), 4);
	/* Costs: 13 bn and 5 bn score D, 4.99 bn scores C. */
	assert_int_equal(ladder_class(costs, 13e9), 3);
	assert_int_equal(ladder_class(costs, 5e9), 3);
	assert_int_equal(ladder_class(costs, 4.99e9), 2);
	assert_int_equal(ladder_class(costs, 6e10), 4);
}

static void test_ladder_position(void **state)
{
	(void)state;
	/* 300 in C = [100, 1000): 2 + log10(3) = 2.4771212547196626 */
	assert_near(ladder_position(fatalities, 300), 2.4771212547196626,
	            1e-14);
	/* Lower limits: exactly k. */
	assert_exact(ladder_position(fatalities, 10), 1.0);
	assert_exact(ladder_position(fatalities, 1000), 3.0);
	/* A's band continues the ratio downwards: [1, 10).
	 * 5 -> log10(5) = 0.6989700043360189 */
	assert_near(ladder_position(fatalities, 5), 0.6989700043360189, 1e-14);
	/* Below the band, and 0: clamped to 0. */
	assert_exact(ladder_position(fatalities, 0.5), 0.0);
	assert_exact(ladder_position(fatalities, 0), 0.0);
	/* E's band continues upwards: [10000, 100000).
	 * 20000 -> 4 + log10 2 = 4.301029995663981 */
	assert_near(ladder_position(fatalities, 20000), 4.301029995663981,
	            1e-14);
	/* Far above: clamped below 5 (1e6 would be 4 + 2 = 6). */
	double top = ladder_position(fatalities, 1e6);
	assert_true(top < 5.0);
	assert_true(top > 4.999999);
	/* 13 bn euros: 3 + log10(13e9 / 5e9) = 3 + log10(2.6)
	 * = 3 + 0.4149733479708178 = 3.414973347970818 */
	assert_near(ladder_position(costs, 13e9), 3.414973347970818, 1e-14);
	/* 4.99 bn: just below D, in [2, 3). */
	double p = ladder_position(costs, 4.99e9);
	assert_true(p < 3.0 && p > 2.99);
}

static void test_ladder_uneven_ratios(void **state)
{
	(void)state;
	/* Factor 3 per class: [2, 6, 18, 54]. */
	static const double t[4] = { 2, 6, 18, 54 };
	/* 4 in B = [2, 6): 1 + ln(4/2) / ln(6/2) = 1 + ln 2 / ln 3
	 * = 1 + 0.6309297535714574 = 1.6309297535714574 */
	assert_near(ladder_position(t, 4), 1.6309297535714574, 1e-14);
	/* 1 in A's band [2/3, 2): ln(1 / (2/3)) / ln 3 = ln 1.5 / ln 3
	 * = 0.4054651081081644 / 1.0986122886681098 = 0.3690702464285425 */
	assert_near(ladder_position(t, 1), 0.3690702464285425, 1e-14);
	/* 108 in E's band [54, 162): 4 + ln 2 / ln 3 = 4.630929753571457 */
	assert_near(ladder_position(t, 108), 4.630929753571457, 1e-14);
	/* Mixed ratios: [1, 10, 20, 1000]: 15 in C = [10, 20):
	 * 2 + ln 1.5 / ln 2 = 2 + 0.5849625007211562 = 2.584962500721156 */
	static const double mixed[4] = { 1, 10, 20, 1000 };
	assert_near(ladder_position(mixed, 15), 2.584962500721156, 1e-14);
	/* 100 in D = [20, 1000): 3 + ln 5 / ln 50
	 * = 3 + 1.6094379124341003 / 3.912023005428146 = 3.411408089932221 */
	assert_near(ladder_position(mixed, 100), 3.411408089932221, 1e-14);
}

static void test_ladder_monotone(void **state)
{
	(void)state;
	/* Position never decreases with the quantity, lies in [0, 5) and
	 * inside the band of its class. */
	double last = 0;
	for (double v = 0.01; v < 1e7; v *= 1.01) {
		double p = ladder_position(fatalities, v);
		int k = ladder_class(fatalities, v);
		assert_true(p >= last);
		assert_true(p >= 0 && p < 5);
		assert_true(p >= k && p < k + 1);
		last = p;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grade_value_plain),
		cmocka_unit_test(test_grade_value_high),
		cmocka_unit_test(test_grade_value_quantity_ignores_high),
		cmocka_unit_test(test_grade_value_other_method),
		cmocka_unit_test(test_stable_sum_permutation_invariant),
		cmocka_unit_test(test_stable_sum_sorts_in_place),
		cmocka_unit_test(test_stable_sum_integers_exact),
		cmocka_unit_test(test_stable_sum_compensated),
		cmocka_unit_test(test_impact_level_on_class_values),
		cmocka_unit_test(test_impact_level_zero_and_small),
		cmocka_unit_test(test_impact_level_between_classes),
		cmocka_unit_test(test_impact_level_near_boundaries),
		cmocka_unit_test(test_impact_level_every_band),
		cmocka_unit_test(test_impact_range),
		cmocka_unit_test(test_likelihood_position_classes),
		cmocka_unit_test(test_likelihood_position_probability),
		cmocka_unit_test(test_ladder_class),
		cmocka_unit_test(test_ladder_position),
		cmocka_unit_test(test_ladder_uneven_ratios),
		cmocka_unit_test(test_ladder_monotone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
