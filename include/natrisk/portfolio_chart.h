/*
 * portfolio_chart.h - the frontier of a plan's portfolio (`natrisk
 * portfolio --sweep K`) as a scene (see diagram.h) that writes to SVG,
 * PNG or PDF like the risk diagram: cost against risk reduction, one
 * point per budget, each labelled with the measures that enter there.
 */
#ifndef NATRISK_PORTFOLIO_CHART_H
#define NATRISK_PORTFOLIO_CHART_H

#include "diagram.h"
#include "plan.h"
#include "portfolio.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The COUNT optima of FRONTIER (in increasing budget, at BUDGETS) of
 * PLAN's measures: a point at (cost, reduction) for each, joined in
 * order, labelled "+a, b" with the measures in it that the point before
 * lacked (and "-c" for those that left); its axes named in LANG.
 * Returns NATRISK_OK with *OUT,
 * freed with natrisk_scene_free(); or NATRISK_ENOMEM with *OUT NULL.
 * The scene copies its texts.
 */
NATRISK_EXTERN
int natrisk_portfolio_chart_scene(natrisk_scene **out,
                                  const natrisk_plan *plan,
                                  const double *budgets,
                                  const natrisk_portfolio_choice *frontier,
                                  size_t count, natrisk_lang lang);

#ifdef __cplusplus
}
#endif
#endif
