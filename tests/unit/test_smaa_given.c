/*
 * test_smaa_given.c - SMAA on given samples, end to end: random sample
 * files are written as CSV, read back with natrisk_smaa_samples_load()
 * and analysed with natrisk_smaa_given(); every rank acceptability,
 * central weight, confidence factor and pairwise index must equal what a
 * plain reference loop in this file computes from the samples as
 * generated. Values are small integers, so ties are frequent and the
 * competition rule (ties share the better rank) is exercised. Also: one
 * alternative, all values equal, no iterations, and a few reader cases
 * (quotes, CRLF, a byte order mark, W's criteria in another order).
 */
#include "unit_support.h"

#include <natrisk/smaa.h>
#include <natrisk/smaa_csv.h>

typedef struct samples {
	size_t k, m, n;      /* iterations, alternatives, criteria */
	double *x;           /* [(it * m + i) * n + c] */
	double *w;           /* [it * n + c] */
} samples;

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static unsigned rng_below(unsigned bound)
{
	rng_state ^= rng_state << 13; /* xorshift64 */
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % bound);
}

static samples make_samples(size_t k, size_t m, size_t n, unsigned values)
{
	samples s = { k, m, n, calloc(k * m * n, sizeof(double)),
	              calloc(k * n, sizeof(double)) };
	assert_non_null(s.x);
	assert_non_null(s.w);
	for (size_t q = 0; q < k * m * n; q++)
		s.x[q] = rng_below(values);
	for (size_t it = 0; it < k; it++) {
		unsigned raw[6], sum = 0;
		for (size_t c = 0; c < n; c++)
			sum += raw[c] = rng_below(5);
		if (sum == 0)
			sum = raw[rng_below((unsigned)n)] = 1;
		for (size_t c = 0; c < n; c++)
			s.w[it * n + c] = (double)raw[c] / sum;
	}
	return s;
}

static void free_samples(samples *s)
{
	free(s->x);
	free(s->w);
}

/* ------------------------------------------------------ files */

static char *text_of(FILE *f)
{
	long len = ftell(f);
	char *text = malloc((size_t)len + 1);
	assert_non_null(text);
	rewind(f);
	assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
	text[len] = '\0';
	fclose(f);
	return text;
}

static void write_samples(const samples *s, const char *dir, char *m_path,
                          char *w_path, size_t size)
{
	FILE *m = tmpfile(), *w = tmpfile();
	assert_non_null(m);
	assert_non_null(w);
	fprintf(m, "iteration,alternative");
	fprintf(w, "iteration");
	for (size_t c = 0; c < s->n; c++) {
		fprintf(m, ",crit %zu", c + 1);
		fprintf(w, ",crit %zu", c + 1);
	}
	fprintf(m, "\n");
	fprintf(w, "\n");
	for (size_t it = 0; it < s->k; it++) {
		for (size_t i = 0; i < s->m; i++) {
			fprintf(m, "%zu,alt-%zu", it + 1, i + 1);
			for (size_t c = 0; c < s->n; c++)
				fprintf(m, ",%.17g", s->x[(it * s->m + i) * s->n + c]);
			fprintf(m, "\n");
		}
		fprintf(w, "%zu", it + 1);
		for (size_t c = 0; c < s->n; c++)
			fprintf(w, ",%.17g", s->w[it * s->n + c]);
		fprintf(w, "\n");
	}
	char *m_text = text_of(m), *w_text = text_of(w);
	unit_write_file(dir, "m.csv", m_text, m_path, size);
	unit_write_file(dir, "w.csv", w_text, w_path, size);
	free(m_text);
	free(w_text);
}

/* ------------------------------------------------- the reference */

static double value(const samples *s, size_t it, size_t i, const double *w)
{
	double v = 0;
	for (size_t c = 0; c < s->n; c++)
		v += w[c] * s->x[(it * s->m + i) * s->n + c];
	return v;
}

/* 1 + the number of alternatives with a strictly greater value. */
static size_t rank(const samples *s, size_t it, size_t i, const double *w)
{
	size_t r = 1;
	for (size_t j = 0; j < s->m; j++)
		if (value(s, it, j, w) > value(s, it, i, w))
			r++;
	return r;
}

static void check_against_reference(const samples *s, const natrisk_smaa *r)
{
	size_t m = s->m, n = s->n;
	assert_int_equal(natrisk_smaa_iterations(r), s->k);
	assert_int_equal(natrisk_smaa_alternatives(r), m);
	assert_int_equal(natrisk_smaa_criteria(r), n);
	for (size_t i = 0; i < m; i++) {
		double *central = calloc(n, sizeof *central);
		size_t *ranks = calloc(m + 1, sizeof *ranks), firsts = 0;
		assert_non_null(central);
		assert_non_null(ranks);
		for (size_t it = 0; it < s->k; it++) {
			size_t at = rank(s, it, i, s->w + it * n);
			ranks[at]++;
			if (at != 1)
				continue;
			firsts++;
			for (size_t c = 0; c < n; c++)
				central[c] += s->w[it * n + c];
		}
		for (size_t at = 1; at <= m; at++)
			assert_near(natrisk_smaa_rank_acceptability(r, i, at - 1),
			            (double)ranks[at] / (double)s->k, 1e-12);
		double got;
		assert_true(natrisk_smaa_central_weight(r, i, 0, &got) ==
		            (firsts > 0));
		assert_true(natrisk_smaa_confidence(r, i, &got) == (firsts > 0));
		if (firsts > 0) {
			for (size_t c = 0; c < n; c++) {
				central[c] /= (double)firsts;
				assert_true(natrisk_smaa_central_weight(r, i, c,
				                                        &got));
				assert_near(got, central[c], 1e-12);
			}
			size_t confident = 0;
			for (size_t it = 0; it < s->k; it++)
				confident += rank(s, it, i, central) == 1;
			assert_true(natrisk_smaa_confidence(r, i, &got));
			assert_near(got, (double)confident / (double)s->k, 1e-12);
		}
		for (size_t j = 0; j < m; j++) {
			size_t above = 0;
			for (size_t it = 0; it < s->k; it++)
				above += value(s, it, i, s->w + it * n) >
				         value(s, it, j, s->w + it * n);
			assert_near(natrisk_smaa_pairwise(r, i, j),
			            (double)above / (double)s->k, 1e-12);
		}
		free(central);
		free(ranks);
	}
}

static const unsigned all_outputs = NATRISK_SMAA_CENTRAL |
                                    NATRISK_SMAA_CONFIDENCE |
                                    NATRISK_SMAA_PAIRWISE;

/* Writes, loads and analyses S; checks every number. */
static void round_trip(const samples *s)
{
	char dir[4096], m_path[4200], w_path[4200];
	unit_tmpdir(dir, sizeof dir);
	write_samples(s, dir, m_path, w_path, sizeof m_path);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_smaa_samples_file *f = NULL;
	int rc = natrisk_smaa_samples_load(&f, m_path, w_path, diag);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	assert_int_equal(natrisk_diag_count(diag), 0);
	const natrisk_smaa_samples *view = natrisk_smaa_samples_view(f);
	assert_int_equal(view->iterations, s->k);
	assert_int_equal(view->alternatives, s->m);
	assert_int_equal(view->criteria, s->n);
	char last[32];
	snprintf(last, sizeof last, "alt-%zu", s->m);
	assert_string_equal(view->alternative_names[s->m - 1], last);
	assert_string_equal(view->criterion_names[0], "crit 1");
	natrisk_smaa *r = NULL;
	assert_int_equal(natrisk_smaa_given(&r, view, all_outputs), 0);
	check_against_reference(s, r);
	natrisk_smaa_free(r);
	natrisk_smaa_samples_free(f);
	natrisk_diag_free(diag);
	unlink(m_path);
	unlink(w_path);
	rmdir(dir);
}

static void test_random_samples(void **state)
{
	(void)state;
	static const size_t iterations[] = { 1, 2, 7, 64, 500 };
	for (size_t m = 2; m <= 8; m++)
		for (size_t n = 1; n <= 6; n++) {
			size_t k = iterations[(m * 7 + n) % 5];
			samples s = make_samples(k, m, n, 1 + (m + n) % 4);
			round_trip(&s);
			free_samples(&s);
		}
}

static void test_large_random_samples(void **state)
{
	(void)state;
	for (int round = 0; round < 4; round++) {
		samples s = make_samples(500, 2 + (size_t)rng_below(7),
		                         1 + (size_t)rng_below(6), 3);
		round_trip(&s);
		free_samples(&s);
	}
}

static void test_one_alternative(void **state)
{
	(void)state;
	samples s = make_samples(37, 1, 3, 4);
	round_trip(&s);
	natrisk_smaa_samples given = { s.k, s.m, s.n,
	                               (const char *const[]){ "only" },
	                               (const char *const[]){ "a", "b", "c" },
	                               s.x, s.w };
	natrisk_smaa *r = NULL;
	assert_int_equal(natrisk_smaa_given(&r, &given, all_outputs), 0);
	assert_exact(natrisk_smaa_rank_acceptability(r, 0, 0), 1);
	double cf;
	assert_true(natrisk_smaa_confidence(r, 0, &cf));
	assert_exact(cf, 1);
	natrisk_smaa_free(r);
	free_samples(&s);
}

static void test_all_equal(void **state)
{
	(void)state;
	samples s = make_samples(50, 5, 4, 1); /* every value 0 */
	for (size_t q = 0; q < s.k * s.m * s.n; q++)
		s.x[q] = 2.5;
	round_trip(&s);
	natrisk_smaa_samples given = {
		s.k, s.m, s.n,
		(const char *const[]){ "a", "b", "c", "d", "e" },
		(const char *const[]){ "1", "2", "3", "4" }, s.x, s.w };
	natrisk_smaa *r = NULL;
	assert_int_equal(natrisk_smaa_given(&r, &given, all_outputs), 0);
	for (size_t i = 0; i < s.m; i++) {
		assert_exact(natrisk_smaa_rank_acceptability(r, i, 0), 1);
		double cf;
		assert_true(natrisk_smaa_confidence(r, i, &cf));
		assert_exact(cf, 1);
	}
	natrisk_smaa_free(r);
	free_samples(&s);
}

/* --------------------------------------------------- reader cases */

static int load_texts(natrisk_smaa_samples_file **f, natrisk_diag *diag,
                      const char *m, const char *w)
{
	return natrisk_smaa_samples_load_buffers(f, "m.csv", m, strlen(m),
	                                         "w.csv", w, strlen(w), diag);
}

static void test_zero_iterations(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_smaa_samples_file *f = NULL;
	assert_int_equal(load_texts(&f, diag, "iteration,alternative,c\n",
	                            "iteration,c\n"),
	                 NATRISK_EINVALID);
	assert_null(f);
	assert_error_at(diag, 0, 2, 1, "no iterations");
	natrisk_diag_free(diag);

	natrisk_smaa_samples none = { 0, 2, 1, NULL, NULL, NULL, NULL };
	natrisk_smaa *r = NULL;
	assert_int_not_equal(natrisk_smaa_given(&r, &none, 0), 0);
	assert_null(r);
}

static void test_quotes_crlf_bom_and_order(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_smaa_samples_file *f = NULL;
	const char *m = "\xEF\xBB\xBFiteration,alternative,\"x,1\",y\r\n"
	                "1,\"say \"\"hi\"\"\",1, 2 \r\n"
	                "1,b,3,-4.5e-1\r\n";
	const char *w = "iteration,y,\"x,1\"\n1,0.75,0.25\n";
	assert_int_equal(load_texts(&f, diag, m, w), 0);
	const natrisk_smaa_samples *s = natrisk_smaa_samples_view(f);
	assert_string_equal(s->alternative_names[0], "say \"hi\"");
	assert_string_equal(s->criterion_names[0], "x,1");
	assert_exact(s->measurements[1], 2);
	assert_exact(s->measurements[3], -0.45);
	assert_exact(s->weights[0], 0.25); /* in M's order */
	assert_exact(s->weights[1], 0.75);
	natrisk_smaa_samples_free(f);
	natrisk_diag_free(diag);
}

static void test_errors_are_all_reported(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_smaa_samples_file *f = NULL;
	const char *m = "iteration,alternative,c1,c2\n"
	                "1,a,1,x\n"
	                "1,b,nan,2\n"
	                "2,a,1\n"
	                "2,c,1,1\n";
	const char *w = "iteration,c2,c3\n1,0.5,0.6\n";
	assert_int_equal(load_texts(&f, diag, m, w), NATRISK_EINVALID);
	natrisk_diag_sort(diag);
	assert_error_at(diag, 0, 2, 7, "'x' is not a number");
	assert_error_at(diag, 1, 3, 5, "NaN");
	assert_error_at(diag, 2, 4, 6, "too few fields");
	assert_error_at(diag, 3, 5, 3, "unknown alternative 'c'");
	assert_error_at(diag, 4, 1, 14, "'c3' is not among the criteria");
	assert_error_at(diag, 5, 1, 16, "'c1' of m.csv is missing");
	assert_error_at(diag, 6, 2, 1, "sum to 1.1");
	assert_error_at(diag, 7, 3, 1, "iteration 2 is missing");
	assert_error_count(diag, 8);
	natrisk_diag_free(diag);
}

static void test_unreadable_file(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_smaa_samples_file *f = NULL;
	assert_int_not_equal(natrisk_smaa_samples_load(
		&f, "/nonexistent/m.csv", "/nonexistent/w.csv", diag), 0);
	assert_null(f);
	assert_error_count(diag, 2);
	assert_error_at(diag, 0, 1, 1, "cannot open");
	natrisk_diag_free(diag);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_samples),
		cmocka_unit_test(test_large_random_samples),
		cmocka_unit_test(test_one_alternative),
		cmocka_unit_test(test_all_equal),
		cmocka_unit_test(test_zero_iterations),
		cmocka_unit_test(test_quotes_crlf_bom_and_order),
		cmocka_unit_test(test_errors_are_all_reported),
		cmocka_unit_test(test_unreadable_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
