/*
 * plan_portfolio_model.h - the portfolio of a plan (plan_portfolio.h)
 * inside: the abstract problem made from the plan, and the effects of
 * each scenario's touching measures. Shared by its making and
 * explaining (plan_portfolio.c) and its robustness draws
 * (plan_portfolio_robust.c).
 */
#ifndef NATRISK_PLAN_PORTFOLIO_MODEL_H
#define NATRISK_PLAN_PORTFOLIO_MODEL_H

#include <natrisk/plan_portfolio.h>
#include <natrisk/residual.h>

/* An effect of a scenario's touching measure K (its bit in a subset). */
typedef struct touch_effect {
	size_t k;
	natrisk_effect effect;
} touch_effect;

struct natrisk_plan_portfolio {
	const natrisk_plan *plan;
	const natrisk_assessment *assessment;
	natrisk_plan_portfolio_options options; /* must, never: our copies */
	bool *must, *never;
	natrisk_portfolio_measure *measures;
	natrisk_portfolio_scenario *scenarios;
	size_t *touching;           /* all scenarios' lists, end to end */
	touch_effect *effects;      /* per scenario, end to end */
	size_t *effect_start;       /* scenario s: [start[s], start[s + 1]) */
	natrisk_effect *scratch;    /* one scenario's chosen effects */
	natrisk_residual *residual;
	natrisk_portfolio_problem problem;
	natrisk_portfolio *portfolio;
};

/* The effects of scenario S's touching measures whose bits are in MASK,
 * into OUT (room for all of S's effects), and from which of S's effects
 * each came (FROM, or NULL). Returns their count. */
size_t plan_portfolio_gather(const natrisk_plan_portfolio *pp, size_t s,
                             unsigned long mask, natrisk_effect *out,
                             size_t *from);

#endif
