/*
 * plan_portfolio_robust.c - the robustness of a plan's portfolio
 * (plan_portfolio.h): the optimum in each of N SMAA draws.
 *
 * A draw is as in `natrisk smaa`, with its code: the weights come from
 * smaa_draw_weights_one (uniform on the simplex), every score is the
 * triangle smaa_impact_triangle / smaa_triangle_set makes of its LL, EV
 * and UL positions, drawn by smaa_triangle_draw from Philox words
 * addressed by (seed, draw, stream, cell), so that a draw's numbers do
 * not depend on the thread that makes them. Which score counts with a
 * subset of measures in place is chosen on EV, as the residual risk
 * chooses it (natrisk_residual_choose), once for all draws; then drawn.
 *
 * The cells of a scenario are its own likelihood and impact scores, then
 * the scores of the effects on it: each drawn once per draw, so that two
 * subsets that choose the same score see the same value.
 *
 * A drawn score of an effect may come out above the drawn current score
 * it replaced on EV, so that in one draw a measure can raise a
 * scenario's risk; the exact portfolio (portfolio.h) needs risks that
 * never rise. A measure whose drawn effect would raise a scenario's risk
 * is taken as not acting on that scenario in that draw: the risk of a
 * subset is the least drawn risk over its own subsets (docs/design.md,
 * "Portfolio").
 */
#include "core/plan_portfolio_model.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/error.h"
#include "core/model.h"
#include "core/philox.h"
#include "core/smaa_model.h"

/* The draws' random stream beside those of natrisk smaa (smaa_model.h). */
enum { STREAM_PORTFOLIO = 3 };

typedef struct robust {
	const natrisk_plan_portfolio *pp;
	smaa_problem draw;          /* the method's scale and the weights */
	arena arena;
	size_t slots;               /* likelihood + criteria */
	size_t *cell_start;         /* per scenario: its first cell */
	smaa_triangle *cells;
	size_t *table_start;        /* per scenario: its first subset */
	uint32_t *chosen;           /* per subset and slot: the cell */
	size_t cell_count, subset_count;
	double budget;
	uint64_t draws;
	atomic_uint_fast64_t next;
	atomic_int failed;
} robust;

static size_t scenario_count(const robust *r)
{
	return r->pp->problem.scenario_count;
}

/* Scenario S's cells: its own scores, then its effects'. */
static void scenario_cells(robust *r, size_t s)
{
	const natrisk_plan_portfolio *pp = r->pp;
	const natrisk_method *m = pp->assessment->method;
	const natrisk_scenario *sc = &pp->assessment->scenarios[s];
	smaa_triangle *t = &r->cells[r->cell_start[s]];
	const natrisk_grade *g = sc->likelihood.point;
	smaa_triangle_set(&t[0], &r->draw, g[NATRISK_LL].position,
	                  g[NATRISK_EV].position, g[NATRISK_UL].position, 0);
	for (size_t c = 0; c + 1 < r->slots; c++)
		smaa_impact_triangle(m, &r->draw, &sc->impact[c], &t[1 + c]);
	for (size_t j = pp->effect_start[s]; j < pp->effect_start[s + 1]; j++) {
		const natrisk_effect *e = &pp->effects[j].effect;
		smaa_triangle *cell = &t[r->slots + j - pp->effect_start[s]];
		g = e->score.point;
		if (e->criterion == NATRISK_EFFECT_LIKELIHOOD)
			smaa_triangle_set(cell, &r->draw, g[NATRISK_LL].position,
			                  g[NATRISK_EV].position,
			                  g[NATRISK_UL].position, 0);
		else
			smaa_impact_triangle(m, &r->draw, &e->score, cell);
	}
}

/* For every subset of scenario S's touching measures, the cell that
 * counts in each slot. */
static int scenario_choices(robust *r, size_t s, natrisk_effect *effects,
                            size_t *from, const natrisk_score **chosen)
{
	const natrisk_plan_portfolio *pp = r->pp;
	const natrisk_scenario *sc = &pp->assessment->scenarios[s];
	size_t touching = pp->scenarios[s].touching_count;
	for (unsigned long mask = 0; mask < 1UL << touching; mask++) {
		size_t count = plan_portfolio_gather(pp, s, mask, effects, from);
		int rc = natrisk_residual_choose(pp->assessment, effects, count,
		                                 s, chosen);
		if (rc != NATRISK_OK)
			return rc;
		uint32_t *cell = &r->chosen[(r->table_start[s] + mask) * r->slots];
		for (size_t slot = 0; slot < r->slots; slot++) {
			const natrisk_score *own = slot ? &sc->impact[slot - 1]
			                                : &sc->likelihood;
			size_t k = 0;
			while (k < count && chosen[slot] != &effects[k].score)
				k++;
			cell[slot] = (uint32_t)(chosen[slot] == own || k == count
			                        ? slot : r->slots + from[k]);
		}
	}
	return NATRISK_OK;
}

static int robust_layout(robust *r)
{
	const natrisk_plan_portfolio *pp = r->pp;
	size_t n = scenario_count(r);
	r->cell_start = arena_array(&r->arena, n + 1, sizeof *r->cell_start);
	r->table_start = arena_array(&r->arena, n + 1, sizeof *r->table_start);
	if (!r->cell_start || !r->table_start)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t s = 0; s < n; s++) {
		r->cell_start[s] = r->cell_count;
		r->table_start[s] = r->subset_count;
		r->cell_count += r->slots + pp->effect_start[s + 1] -
		                 pp->effect_start[s];
		r->subset_count += 1UL << pp->scenarios[s].touching_count;
	}
	r->cell_start[n] = r->cell_count;
	r->table_start[n] = r->subset_count;
	r->cells = arena_array(&r->arena, r->cell_count + 1, sizeof *r->cells);
	r->chosen = arena_array(&r->arena, r->subset_count * r->slots + 1,
	                        sizeof *r->chosen);
	if (!r->cells || !r->chosen)
		return error_set(NATRISK_ENOMEM, "out of memory");
	return NATRISK_OK;
}

static int robust_prepare(robust *r, uint64_t seed)
{
	const natrisk_method *m = r->pp->assessment->method;
	smaa_problem *p = &r->draw;
	p->n = m->criterion_count;
	smaa_set_base(p, m->base);
	p->likelihood_log2_base = log2(m->likelihood_factor);
	p->x_value = m->x_value;
	p->x_position = m->x_position;
	p->x_slope = (1 - m->x_value) / -m->x_position;
	p->key[0] = (uint32_t)seed;
	p->key[1] = (uint32_t)(seed >> 32);
	r->slots = p->n + 1;
	int rc = smaa_weights_prepare(p, &r->arena);
	if (rc == NATRISK_OK)
		rc = robust_layout(r);
	size_t most = r->pp->effect_start[scenario_count(r)] + 1;
	natrisk_effect *effects = arena_array(&r->arena, most, sizeof *effects);
	size_t *from = arena_array(&r->arena, most, sizeof *from);
	const natrisk_score **chosen = arena_array(&r->arena, r->slots,
	                                           sizeof *chosen);
	if (rc == NATRISK_OK && (!effects || !from || !chosen))
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t s = 0; s < scenario_count(r) && rc == NATRISK_OK; s++) {
		scenario_cells(r, s);
		rc = scenario_choices(r, s, effects, from, chosen);
	}
	return rc;
}

/* ---- one draw --------------------------------------------------------- */

typedef struct worker {
	robust *r;
	double *weights, *scratch, *value, *risk;
	natrisk_portfolio_scenario *scenarios;
	uint64_t *counts;
	int rc;
	char message[256];
} worker;

/* Every cell's drawn value (impact) or position (likelihood). */
static void draw_cells(worker *w, uint64_t draw)
{
	const robust *r = w->r;
	uint32_t counter[4] = { (uint32_t)draw, (uint32_t)(draw >> 32),
		                STREAM_PORTFOLIO, 0 };
	for (size_t s = 0; s < scenario_count(r); s++)
		for (size_t j = r->cell_start[s]; j < r->cell_start[s + 1]; j++) {
			const smaa_triangle *t = &r->cells[j];
			uint32_t words[4];
			counter[3] = (uint32_t)j;
			philox4x32(counter, r->draw.key, words);
			double position = t->degenerate ? t->lo :
				smaa_triangle_draw(t, words[0]);
			w->value[j] = position;
		}
}

/* The value of cell J of scenario S in slot SLOT: a likelihood cell is
 * its position, an impact cell its value. */
static double cell_value(const worker *w, size_t j, size_t slot)
{
	const smaa_triangle *t = &w->r->cells[j];
	if (slot == 0)
		return w->value[j];
	if (t->degenerate)
		return t->constant;
	return smaa_position_value(&w->r->draw, w->value[j]);
}

/* Scenario S's drawn risk for every subset, never rising when a measure
 * is added (the least over the subset's own subsets). */
static void scenario_risks(worker *w, size_t s)
{
	const robust *r = w->r;
	size_t touching = r->pp->scenarios[s].touching_count;
	double *risk = w->risk + r->table_start[s];
	const double factor_log2 = r->draw.likelihood_log2_base;
	for (unsigned long mask = 0; mask < 1UL << touching; mask++) {
		const uint32_t *cell = &r->chosen[(r->table_start[s] + mask) *
		                                  r->slots];
		double total = 0;
		for (size_t slot = 1; slot < r->slots; slot++)
			total += w->weights[slot - 1] *
			         cell_value(w, r->cell_start[s] + cell[slot], slot);
		double l = cell_value(w, r->cell_start[s] + cell[0], 0);
		double value = total > 0 ? exp2(l * factor_log2) * total : 0;
		for (size_t k = 0; k < touching; k++)
			if (mask >> k & 1 && risk[mask ^ (1UL << k)] < value)
				value = risk[mask ^ (1UL << k)];
		risk[mask] = value;
	}
}

static int one_draw(worker *w, uint64_t draw)
{
	robust *r = w->r;
	const natrisk_plan_portfolio *pp = r->pp;
	if (smaa_draw_weights_one(&r->draw, draw, w->weights, w->scratch) != 0)
		return error_set(NATRISK_EINVALID, "the weight constraints "
		                 "leave too little room: no weights met them in "
		                 "%d draws", 1 << 16);
	draw_cells(w, draw);
	for (size_t s = 0; s < scenario_count(r); s++) {
		scenario_risks(w, s);
		w->scenarios[s].risk = w->risk + r->table_start[s];
	}
	natrisk_portfolio_problem problem = pp->problem;
	problem.scenarios = w->scenarios;
	problem.risk_fn = NULL;
	problem.risk_user = NULL;
	natrisk_portfolio *p;
	int rc = natrisk_portfolio_new(&problem, &p);
	natrisk_portfolio_choice c = { 0 };
	if (rc == NATRISK_OK)
		rc = natrisk_portfolio_solve(p, r->budget, &c);
	for (size_t m = 0; rc == NATRISK_OK && m < problem.measure_count; m++)
		w->counts[m] += c.selected[m];
	natrisk_portfolio_choice_release(&c);
	natrisk_portfolio_free(p);
	return rc;
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	robust *r = w->r;
	for (;;) {
		uint64_t draw = atomic_fetch_add(&r->next, 1);
		if (draw >= r->draws || atomic_load(&r->failed))
			break;
		w->rc = one_draw(w, draw);
		if (w->rc != NATRISK_OK) {
			snprintf(w->message, sizeof w->message, "%s",
			         natrisk_error_last());
			atomic_store(&r->failed, 1);
			break;
		}
	}
	return NULL;
}

static bool worker_init(worker *w, robust *r)
{
	size_t n = r->draw.n, m = r->pp->problem.measure_count;
	memset(w, 0, sizeof *w);
	w->r = r;
	w->weights = arena_array(&r->arena, n + 1, sizeof *w->weights);
	w->scratch = arena_array(&r->arena, 2 * n + 2, sizeof *w->scratch);
	w->value = arena_array(&r->arena, r->cell_count + 1, sizeof *w->value);
	w->risk = arena_array(&r->arena, r->subset_count + 1, sizeof *w->risk);
	w->scenarios = arena_array(&r->arena, scenario_count(r) + 1,
	                           sizeof *w->scenarios);
	w->counts = arena_array(&r->arena, m + 1, sizeof *w->counts);
	if (!w->weights || !w->scratch || !w->value || !w->risk ||
	    !w->scenarios || !w->counts)
		return false;
	memcpy(w->scenarios, r->pp->scenarios,
	       scenario_count(r) * sizeof *w->scenarios);
	memset(w->counts, 0, (m + 1) * sizeof *w->counts);
	return true;
}

static unsigned thread_count(unsigned threads, uint64_t draws)
{
	if (threads == 0) {
		long online = sysconf(_SC_NPROCESSORS_ONLN);
		threads = online > 0 ? (unsigned)online : 1;
	}
	if (threads > 256)
		threads = 256;
	return draws < threads ? (unsigned)(draws ? draws : 1) : threads;
}

/* Runs the draws on COUNT workers; the first failure's error. */
static int run_workers(robust *r, worker *w, unsigned count)
{
	pthread_t *id = calloc(count, sizeof *id);
	if (!id)
		return error_set(NATRISK_ENOMEM, "out of memory");
	unsigned started = 0;
	for (; started < count; started++)
		if (pthread_create(&id[started], NULL, worker_main,
		                   &w[started]) != 0)
			break;
	if (started == 0)
		worker_main(&w[0]);
	for (unsigned t = 0; t < started; t++)
		pthread_join(id[t], NULL);
	free(id);
	for (unsigned t = 0; t < count; t++)
		if (w[t].rc != NATRISK_OK) {
			/* natrisk_error_last() of the worker thread */
			const char *message = w[t].message;
			return error_set(w[t].rc, "%s", message);
		}
	return NATRISK_OK;
}

int natrisk_plan_portfolio_robust(const natrisk_plan_portfolio *pp,
                                  double budget, uint64_t draws,
                                  uint64_t seed, unsigned threads,
                                  uint64_t *counts)
{
	size_t m = pp->problem.measure_count;
	memset(counts, 0, m * sizeof *counts);
	robust r = { .pp = pp, .budget = budget, .draws = draws };
	arena_init(&r.arena);
	atomic_init(&r.next, 0);
	atomic_init(&r.failed, 0);
	unsigned count = thread_count(threads, draws);
	int rc = robust_prepare(&r, seed);
	worker *w = arena_array(&r.arena, count, sizeof *w);
	if (rc == NATRISK_OK && !w)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	for (unsigned t = 0; rc == NATRISK_OK && t < count; t++)
		if (!worker_init(&w[t], &r))
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == NATRISK_OK)
		rc = run_workers(&r, w, count);
	for (unsigned t = 0; rc == NATRISK_OK && t < count; t++)
		for (size_t k = 0; k < m; k++)
			counts[k] += w[t].counts[k];
	arena_release(&r.arena);
	return rc;
}
