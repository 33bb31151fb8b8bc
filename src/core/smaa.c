/*
 * smaa.c - SMAA on an assessment: builds the problem (a triangular
 * distribution per scenario and criterion, and per likelihood), runs the
 * main pass and the confidence pass over chunks of iterations on a pool of
 * threads, and gathers the counts.
 *
 * Determinism: every random number is addressed by (seed, iteration,
 * stream, index) through Philox, chunks cover fixed ranges of iterations,
 * counts are integers, and central-weight sums are added across chunks in
 * 128-bit fixed point, so the result does not depend on which thread ran
 * which chunk, or on how many threads there were.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "error.h"
#include "smaa_kernel.h"

void smaa_set_base(smaa_problem *p, double base)
{
	p->log2_base = log2(base);
	/* see cell_value_v16 (smaa_draw.h) */
	p->single_error = (float)((32 * p->log2_base + 16) * 0x1p-24);
}

double smaa_position_value(const smaa_problem *p, double position)
{
	if (position < 0)
		return p->x_value + p->x_slope * (position - p->x_position);
	return exp2(position * p->log2_base);
}

void smaa_triangle_set(smaa_triangle *t, const smaa_problem *p, double lo,
                       double mode, double hi, int for_impact)
{
	/* The loader keeps LL <= EV <= UL on these positions; ordering them
	 * here keeps a triangle valid whatever built the scores. */
	double a = fmin(lo, fmin(mode, hi)), c = fmax(lo, fmax(mode, hi));
	double b = fmin(fmax(mode, a), c);
	t->lo = a;
	t->mode = b;
	t->hi = c;
	t->degenerate = a == c;
	t->rise_area = (c - a) * (b - a);
	t->fall_area = (c - a) * (c - b);
	/* w draws the rising part when (w + 1/2) 2^-32 < (b - a) / (c - a):
	 * decided on the word, so both precisions choose alike */
	double split = t->degenerate ? 0 : (b - a) / (c - a);
	double below = ceil(split * 0x1p32 - 0.5);
	t->left_words = below < 0 ? 0 : below > 0xffffffffu ? 0xffffffffu
	                                                    : (uint32_t)below;
	t->constant = for_impact ? smaa_position_value(p, a) : a;
	double scale = 16 * p->log2_base;
	t->single.lo = (float)(a * scale);
	t->single.hi = (float)(c * scale);
	/* the uniform's 2^-32 and 1/2 are exact scalings (smaa_draw.h) */
	t->single.rise_area = (float)(t->rise_area * scale * scale * 0x1p-32);
	t->single.rise_half = t->single.rise_area / 2;
	t->single.fall_area = (float)(t->fall_area * scale * scale * 0x1p-32);
	t->single.fall_half = t->single.fall_area / 2;
}

double smaa_triangle_draw(const smaa_triangle *t, uint32_t word)
{
	/* the arithmetic of triangle_wide (smaa_draw.h), one lane */
	if (word < t->left_words)
		return t->lo + sqrt(((double)word + 0.5) * 0x1p-32 * t->rise_area);
	return t->hi - sqrt(((double)~word + 0.5) * 0x1p-32 * t->fall_area);
}

/* Positions as the loader set them: a quantity at its class, so it is
 * worth what the weighted sum counts (method.md section 3). */
void smaa_impact_triangle(const natrisk_method *m, const smaa_problem *p,
                          const natrisk_score *score, smaa_triangle *t)
{
	const natrisk_grade *g = score->point;
	smaa_triangle_set(t, p, g[NATRISK_LL].position, g[NATRISK_EV].position,
	                  g[NATRISK_UL].position, 1);
	/* An exact score is worth exactly its class value: never uncertain,
	 * and bit for bit what the deterministic engine adds. */
	if (t->degenerate)
		t->constant = grade_value(m, &g[NATRISK_EV]);
}

typedef struct smaa_run {
	smaa_problem problem;
	smaa_confidence_plan plan;    /* the confidence pass's */
	smaa_triangle *cells, *likelihood;
	const natrisk_smaa_options *options;
	natrisk_smaa *result;
	int pass;                     /* 1 main, 2 confidence */
	uint64_t chunks;
	atomic_uint_fast64_t next_chunk;
	atomic_uint_fast64_t done;
	atomic_int failed;
	uint64_t total_work;
} smaa_run;

typedef struct smaa_thread {
	smaa_run *run;
	smaa_worker worker;
	arena arena;
	int calls_progress;
} smaa_thread;

static void run_chunk(smaa_thread *t, uint64_t chunk)
{
	smaa_run *run = t->run;
	uint64_t first = chunk * SMAA_CHUNK;
	uint64_t end = first + SMAA_CHUNK;
	if (end > run->options->iterations)
		end = run->options->iterations;
	smaa_chunk_begin(&t->worker, chunk);
	for (uint64_t k = first; k < end; k += SMAA_BATCH) {
		size_t valid = end - k < SMAA_BATCH ? (size_t)(end - k)
		                                    : SMAA_BATCH;
		if (run->pass == 2) {
			smaa_confidence_batch(&t->worker, valid, &run->plan);
		} else if (smaa_batch(&t->worker, k, valid) != 0) {
			atomic_store(&run->failed, 1);
			return;
		}
	}
	if (run->pass == 1)
		smaa_chunk_done(&t->worker);
	uint64_t done = atomic_fetch_add(&run->done, end - first) + end - first;
	if (t->calls_progress && run->options->progress)
		run->options->progress(run->options->progress_user, done,
		                       run->total_work);
}

static void *thread_main(void *arg)
{
	smaa_thread *t = arg;
	smaa_run *run = t->run;
	for (;;) {
		uint64_t chunk = atomic_fetch_add(&run->next_chunk, 1);
		if (chunk >= run->chunks || atomic_load(&run->failed))
			break;
		run_chunk(t, chunk);
	}
	return NULL;
}

static int thread_count(const natrisk_smaa_options *o, uint64_t chunks)
{
	long n = o->threads > 0 ? o->threads : sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > 256)
		n = 256;
	if ((uint64_t)n > chunks)
		n = chunks ? (long)chunks : 1;
	return (int)n;
}

/* Runs one pass on the threads; the calling thread is one of them. */
static int run_pass(smaa_run *run, smaa_thread *threads, int count)
{
	atomic_store(&run->next_chunk, 0);
	pthread_t ids[256];
	int started = 0;
	for (int k = 1; k < count; k++) {
		if (pthread_create(&ids[k], NULL, thread_main, &threads[k]) != 0)
			break;
		started = k;
	}
	thread_main(&threads[0]);
	for (int k = 1; k <= started; k++)
		pthread_join(ids[k], NULL);
	/* The calling thread may have run none of the last chunks. */
	if (run->options->progress)
		run->options->progress(run->options->progress_user,
		                       atomic_load(&run->done), run->total_work);
	return atomic_load(&run->failed) ? -1 : 0;
}

static void add_counts(uint64_t *into, const uint64_t *from, size_t n)
{
	for (size_t k = 0; from && k < n; k++)
		into[k] += from[k];
}

/* Sums the workers' counts into the result; central weights as means. */
static void gather_main(smaa_run *run, smaa_thread *threads, int count)
{
	natrisk_smaa *s = run->result;
	size_t m = s->m, n = s->n;
	for (int t = 0; t < count; t++) {
		const smaa_worker *w = &threads[t].worker;
		add_counts(s->rank_counts, w->rank_counts, m * m);
		add_counts(s->first_counts, w->first_counts, m);
		add_counts(s->class_counts, w->class_counts, m * 6);
		add_counts(s->cell_counts, w->cell_counts, m * 25);
		if (s->outputs & NATRISK_SMAA_PAIRWISE)
			add_counts(s->pair_counts, w->pair_counts, m * m);
		if (s->outputs & NATRISK_SMAA_RISK)
			add_counts(s->risk_counts, w->risk_counts, m * m);
		if (s->cloud_counts)
			add_counts(s->cloud_counts, w->cloud_counts,
			           m * NATRISK_SMAA_CLOUD_BINS *
			                   NATRISK_SMAA_CLOUD_BINS);
	}
	for (size_t i = 0; i < m; i++) {
		s->has_central[i] = s->first_counts[i] > 0;
		for (size_t c = 0; c < n && s->has_central[i]; c++) {
			__int128 total = 0;
			for (int t = 0; t < count; t++)
				total += threads[t].worker.central_fixed[i * n + c];
			s->central[i * n + c] = (double)total * 0x1p-64 /
			                        (double)s->first_counts[i];
		}
	}
}

static void gather_confidence(smaa_run *run, smaa_thread *threads, int count)
{
	for (int t = 0; t < count; t++)
		add_counts(run->result->confidence_counts,
		           threads[t].worker.confidence_counts, run->result->m);
}

/* Weighted by W, the least I can be worth and the most J can. */
static void value_bounds(const smaa_problem *p, const double *w, size_t i,
                         size_t j, double *least, double *most)
{
	*least = *most = 0;
	for (size_t c = 0; c < p->n; c++) {
		const smaa_triangle *low = &p->cells[i * p->n + c];
		const smaa_triangle *high = &p->cells[j * p->n + c];
		*least += w[c] * (low->degenerate ? low->constant
		                                  : smaa_position_value(p, low->lo));
		*most += w[c] * (high->degenerate ? high->constant
		                                  : smaa_position_value(p, high->hi));
	}
}

/* A rival and the most it can be worth, for sorting. */
typedef struct rival_rank {
	float ceiling;
	size_t alternative;
} rival_rank;

/* Highest ceiling first; equal ceilings in the alternatives' order, so
 * that the plan does not depend on the sort. */
static int by_ceiling(const void *x, const void *y)
{
	const rival_rank *a = x, *b = y;
	if (a->ceiling != b->ceiling)
		return a->ceiling < b->ceiling ? 1 : -1;
	return (a->alternative > b->alternative) -
	       (a->alternative < b->alternative);
}

/*
 * Owner I's rivals into SCRATCH (m entries): every J that could ever be
 * worth more than I under I's central weights W, with its ceiling (the
 * most it can be worth, rounded up with room for the draws' rounding).
 * COPY_OF (see smaa_exact_copies): a rival that is an exact copy of
 * another is worth what that one is, so only the first copy is valued,
 * and a copy of the owner ties with it in every draw and never beats it.
 */
static size_t find_rivals(const smaa_problem *p, const double *w, size_t i,
                          const size_t *copy_of, rival_rank *scratch)
{
	size_t count = 0;
	for (size_t j = 0; j < p->m; j++) {
		if (copy_of[j] != j || copy_of[j] == copy_of[i])
			continue;
		double least, most;
		value_bounds(p, w, i, j, &least, &most);
		if (most <= least * (1 - 1e-12)) /* a margin for rounding */
			continue;
		scratch[count].ceiling = (float)(most * (1 + 0x1p-16));
		scratch[count++].alternative = j;
	}
	qsort(scratch, count, sizeof *scratch, by_ceiling);
	return count;
}

static int plan_owner(smaa_run *run, smaa_owner *o, size_t i,
                      const size_t *copy_of, rival_rank *scratch, arena *a)
{
	const smaa_problem *p = &run->problem;
	const double *w = run->result->central + i * p->n;
	size_t count = find_rivals(p, w, i, copy_of, scratch);
	o->alternative = i;
	o->coef = arena_array(a, p->n, sizeof *o->coef);
	o->coef_single = arena_array(a, p->n, sizeof *o->coef_single);
	o->rivals = arena_array(a, count + 1, sizeof *o->rivals);
	o->ceiling = arena_array(a, count + 1, sizeof *o->ceiling);
	if (!o->coef || !o->coef_single || !o->rivals || !o->ceiling)
		return NATRISK_ENOMEM;
	for (size_t c = 0; c < p->n; c++) {
		o->coef[c] = w[c];
		o->coef_single[c] = (float)w[c];
	}
	uint8_t *valued = run->plan.valued;
	valued[i] = SMAA_DRAWN;
	for (size_t r = 0; r < count; r++) {
		size_t j = scratch[r].alternative;
		o->rivals[r] = j;
		o->ceiling[r] = scratch[r].ceiling;
		if (r < SMAA_FIRST_RIVALS)
			valued[j] = SMAA_DRAWN;
		else if (valued[j] != SMAA_DRAWN)
			valued[j] = SMAA_ON_DEMAND;
	}
	o->rival_count = count;
	run->result->confidence_pairs += count;
	return 0;
}

/* Each alternative with central weights, and its rivals. */
static int plan_confidence(smaa_run *run, arena *a)
{
	const natrisk_smaa *s = run->result;
	smaa_confidence_plan *plan = &run->plan;
	plan->owners = arena_array(a, s->m, sizeof *plan->owners);
	plan->valued = arena_array(a, s->m, sizeof *plan->valued);
	const size_t *copy_of = smaa_exact_copies(&run->problem, a);
	rival_rank *scratch = malloc(s->m * sizeof *scratch);
	int rc = plan->owners && plan->valued && copy_of && scratch
	                 ? 0
	                 : NATRISK_ENOMEM;
	plan->owner_count = 0;
	for (size_t i = 0; rc == 0 && i < s->m; i++)
		if (s->has_central[i])
			rc = plan_owner(run, &plan->owners[plan->owner_count++],
			                i, copy_of, scratch, a);
	free(scratch);
	return rc;
}

static int setup_threads(smaa_run *run, smaa_thread *threads, int count)
{
	for (int t = 0; t < count; t++) {
		threads[t].run = run;
		threads[t].calls_progress = t == 0;
		arena_init(&threads[t].arena);
		if (smaa_worker_init(&threads[t].worker, &run->problem,
		                     run->options->outputs, &threads[t].arena))
			return NATRISK_ENOMEM;
	}
	return 0;
}

static int analyse(smaa_run *run)
{
	const natrisk_smaa_options *o = run->options;
	run->chunks = (o->iterations + SMAA_CHUNK - 1) / SMAA_CHUNK;
	int count = thread_count(o, run->chunks);
	smaa_thread *threads = calloc((size_t)count, sizeof *threads);
	if (!threads)
		return NATRISK_ENOMEM;
	bool confidence = o->outputs & NATRISK_SMAA_CONFIDENCE;
	run->total_work = o->iterations * (confidence ? 2 : 1);
	int rc = setup_threads(run, threads, count);
	if (rc == 0) {
		run->pass = 1;
		if (run_pass(run, threads, count) != 0)
			rc = error_set(NATRISK_EINVALID, "the weight constraints "
			               "left no room in some iteration");
	}
	if (rc == 0) {
		gather_main(run, threads, count);
		if (confidence)
			rc = plan_confidence(run, &threads[0].arena);
		if (rc == 0 && confidence) {
			run->pass = 2;
			run_pass(run, threads, count);
			gather_confidence(run, threads, count);
		}
	}
	for (int t = 0; t < count; t++)
		arena_release(&threads[t].arena);
	free(threads);
	return rc;
}

/* LL = EV = UL on the scale the engine uses. */
static bool exact_score(const natrisk_score *s)
{
	const natrisk_grade *g = s->point;
	return g[NATRISK_LL].position == g[NATRISK_EV].position &&
	       g[NATRISK_UL].position == g[NATRISK_EV].position;
}

/* The power of the base that impact grade G is worth at likelihood
 * position L (times base^L): its class, "+" offset and L. */
static double shifted_exponent(const natrisk_method *m, const natrisk_grade *g,
                               double l)
{
	bool high = g->high && !g->has_quantity;
	return g->cls + (high ? m->high_offset : 0) + l;
}

/* Whether grade A at likelihood position LA is worth what B is at LB:
 * the same power of the base, or X against X where X is worth 0 or the
 * likelihoods are the same. */
static bool same_shifted(const natrisk_method *m, const natrisk_grade *a,
                         double la, const natrisk_grade *b, double lb)
{
	bool xa = a->cls == NATRISK_CLASS_X, xb = b->cls == NATRISK_CLASS_X;
	if (xa || xb)
		return xa && xb && (la == lb || m->x_value == 0);
	return shifted_exponent(m, a, la) == shifted_exponent(m, b, lb);
}

/* The likelihood position L of S when every score of it is exact, else
 * NaN: only such scenarios have the same risk as another in every draw. */
static double exact_likelihood(const natrisk_method *m,
                               const natrisk_scenario *s)
{
	if (!exact_score(&s->likelihood))
		return NAN;
	for (size_t c = 0; c < m->criterion_count; c++)
		if (!exact_score(&s->impact[c]))
			return NAN;
	return s->likelihood.point[NATRISK_EV].position;
}

/*
 * Whether A and B, exact at likelihoods LA and LB, have the same risk in
 * every draw, whatever the weights: every impact value of A times
 * base^LA equal to B's times base^LB, criterion by criterion (T 5 at C
 * and T 15 at B; D+ at E and D at p = 1). The kernel then gives B's risk
 * to A, since two products equal in exact arithmetic can round apart.
 */
static bool risk_twins(const natrisk_method *m, const natrisk_scenario *a,
                       double la, const natrisk_scenario *b, double lb)
{
	for (size_t c = 0; c < m->criterion_count; c++)
		if (!same_shifted(m, &a->impact[c].point[NATRISK_EV], la,
		                  &b->impact[c].point[NATRISK_EV], lb))
			return false;
	return true;
}

/* RISK_TWIN[i]: the first scenario whose risk is i's in every draw. */
static size_t *find_risk_twins(const natrisk_assessment *a, arena *into)
{
	size_t n = a->scenario_count;
	size_t *twin = arena_array(into, n + 1, sizeof *twin);
	double *l = arena_array(into, n + 1, sizeof *l);
	if (!twin || !l)
		return NULL;
	for (size_t i = 0; i < n; i++)
		l[i] = exact_likelihood(a->method, &a->scenarios[i]);
	for (size_t i = 0; i < n; i++) {
		twin[i] = i;
		for (size_t j = 0; j < i && twin[i] == i && !isnan(l[i]); j++)
			if (twin[j] == j && !isnan(l[j]) &&
			    risk_twins(a->method, &a->scenarios[i], l[i],
			               &a->scenarios[j], l[j]))
				twin[i] = j;
	}
	return twin;
}

/* The scenarios' distributions, and the constants of the method. */
static int build_problem(smaa_run *run, const natrisk_assessment *a,
                         arena *into)
{
	const natrisk_method *m = a->method;
	smaa_problem *p = &run->problem;
	p->m = a->scenario_count;
	p->n = m->criterion_count;
	smaa_set_base(p, m->base);
	p->likelihood_log2_base = log2(m->base);
	p->x_value = m->x_value;
	p->x_position = m->x_position;
	p->x_slope = (1 - m->x_value) / -m->x_position;
	memcpy(p->class_values, m->class_values, sizeof p->class_values);
	p->weights = run->options->weights;
	uint64_t seed = run->options->seed;
	p->key[0] = (uint32_t)seed;
	p->key[1] = (uint32_t)(seed >> 32);
	run->cells = arena_array(into, p->m * p->n + 1, sizeof *run->cells);
	run->likelihood = arena_array(into, p->m + 1, sizeof *run->likelihood);
	if (!run->cells || !run->likelihood)
		return NATRISK_ENOMEM;
	for (size_t i = 0; i < p->m; i++) {
		const natrisk_scenario *s = &a->scenarios[i];
		for (size_t c = 0; c < p->n; c++)
			smaa_impact_triangle(m, p, &s->impact[c],
			                &run->cells[i * p->n + c]);
		const natrisk_grade *g = s->likelihood.point;
		smaa_triangle_set(&run->likelihood[i], p, g[NATRISK_LL].position,
		                  g[NATRISK_EV].position, g[NATRISK_UL].position,
		                  0);
	}
	p->cells = run->cells;
	p->likelihood = run->likelihood;
	if (run->options->outputs & NATRISK_SMAA_RISK) {
		p->risk_twin = find_risk_twins(a, into);
		if (!p->risk_twin)
			return NATRISK_ENOMEM;
	}
	return smaa_weights_prepare(p, into);
}

static int name_result(natrisk_smaa *s, const natrisk_assessment *a)
{
	for (size_t i = 0; i < s->m; i++)
		s->alternative_names[i] = arena_strdup(&s->arena,
		                                       a->scenarios[i].id);
	for (size_t c = 0; c < s->n; c++)
		s->criterion_names[c] = arena_strdup(&s->arena,
		                                     a->method->criteria[c].id);
	for (size_t i = 0; i < s->m; i++)
		if (!s->alternative_names[i])
			return NATRISK_ENOMEM;
	for (size_t c = 0; c < s->n; c++)
		if (!s->criterion_names[c])
			return NATRISK_ENOMEM;
	return 0;
}

int natrisk_smaa_assessment(natrisk_smaa **out, const natrisk_assessment *a,
                            const natrisk_smaa_options *options)
{
	*out = NULL;
	if (options->iterations == 0)
		return error_set(NATRISK_EINVALID, "at least one iteration");
	smaa_run run;
	memset(&run, 0, sizeof run);
	run.options = options;
	arena scratch;
	arena_init(&scratch);
	int rc = build_problem(&run, a, &scratch);
	if (rc == 0) {
		run.result = smaa_result_new(a->scenario_count,
		                             a->method->criterion_count,
		                             options->outputs);
		rc = run.result ? name_result(run.result, a) : NATRISK_ENOMEM;
	}
	if (rc == 0) {
		run.result->iterations = options->iterations;
		run.result->from_assessment = 1;
		rc = analyse(&run);
	}
	arena_release(&scratch);
	if (rc != 0) {
		natrisk_smaa_free(run.result);
		return rc == NATRISK_ENOMEM ? error_set(rc, "out of memory") : rc;
	}
	*out = run.result;
	return NATRISK_OK;
}
