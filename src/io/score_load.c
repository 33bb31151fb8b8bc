/*
 * score_load.c - one score of an assessment file, in any of its forms
 * (formats.md): "C", "C+", "X", {ev, ll, ul, why}, {value: N} on a criterion
 * with thresholds, {probability: P} for a hazard's likelihood.
 */
#include <stdio.h>
#include <string.h>

#include "../core/aggregate.h"
#include "../core/messages.h"
#include "assessment_loader.h"

/* What is being read: an impact criterion or a likelihood. */
typedef struct score_target {
	long criterion;     /* -1 for a likelihood */
	natrisk_kind kind;  /* likelihood only */
	const char *label;  /* "2.1", "likelihood" for messages */
} score_target;

/* The target as messages name it: a criterion by its id, a likelihood in
 * the thread's message language. */
static const char *target_name(const score_target *t)
{
	return t->criterion < 0 ? msg_tr(t->label) : t->label;
}

static void set_class(aloader *l, natrisk_grade *g, int cls, bool high)
{
	g->cls = (signed char)cls;
	g->high = high;
	g->has_quantity = false;
	if (cls == NATRISK_CLASS_X)
		g->position = -1;
	else if (l->m)
		g->position = cls + (high ? l->m->high_offset : 0);
	else
		g->position = cls + (high ? 0.5 : 0);
}

static bool read_class(aloader *l, const ynode *node, const score_target *t,
                       natrisk_grade *g)
{
	int cls;
	bool high;
	double number;
	if (node->kind == YNODE_SCALAR &&
	    natrisk_class_parse(node->text, node->len, &cls, &high) == 0) {
		if (cls == NATRISK_CLASS_X && t->criterion < 0) {
			yerror(l->doc, node, "a likelihood cannot be X "
			       "(not applicable); use A to E");
			return false;
		}
		set_class(l, g, cls, high);
		return true;
	}
	if (yis_number(node, &number))
		yerror(l->doc, node, "%s: a bare number is not a score; write "
		       "{ %s: %s }", target_name(t),
		       t->criterion < 0 ? "probability" : "value", node->text);
	else if (node->kind == YNODE_SCALAR && t->criterion < 0)
		yerror(l->doc, node, "%s: '%s' is not a class: expected A to "
		       "E, optionally followed by '+'", target_name(t),
		       node->text);
	else if (node->kind == YNODE_SCALAR)
		yerror(l->doc, node, "%s: '%s' is not a class: expected X or A "
		       "to E, optionally followed by '+'", target_name(t),
		       node->text);
	else
		yerror(l->doc, node, "%s: expected a class (A to E) or a "
		       "mapping, not a %s", target_name(t),
		       msg_tr(ykind_name(node)));
	return false;
}

static bool read_quantity(aloader *l, const ynode *map, const score_target *t,
                          natrisk_grade *g)
{
	const ynode *value = ymap_get(map, "value");
	double q;
	if (!ynumber(l->doc, value, "a quantity", &q))
		return false;
	if (q < 0) {
		yerror(l->doc, value, "%s: a quantity may not be negative",
		       target_name(t));
		return false;
	}
	if (!l->m)
		return true;
	const natrisk_criterion *c = &l->m->criteria[t->criterion];
	if (!c->quantitative) {
		yerror(l->doc, map, "criterion %s has no thresholds in method "
		       "%s; give a class (A to E) instead of a value", c->id,
		       l->m->id);
		return false;
	}
	g->cls = (signed char)ladder_class(c->thresholds, q);
	g->high = false;
	g->has_quantity = true;
	g->quantity = q;
	g->position = ladder_position(c->thresholds, q);
	return true;
}

static bool read_probability(aloader *l, const ynode *map,
                             const score_target *t, natrisk_grade *g)
{
	const ynode *value = ymap_get(map, "probability");
	double p;
	if (!ynumber(l->doc, value, "a probability", &p))
		return false;
	if (!(p > 0 && p <= 1)) {
		yerror(l->doc, value, "a probability must lie in (0, 1], not "
		       "%s", value->text);
		return false;
	}
	if (t->kind == NATRISK_THREAT) {
		yerror(l->doc, map, "a probability is for hazards; the "
		       "likelihood of a threat is a class (A to E)");
		return false;
	}
	g->cls = (signed char)(l->m ? ladder_class(l->m->hazard_thresholds, p)
	                            : 0);
	g->high = false;
	g->has_quantity = true;
	g->quantity = p;
	return true;
}

/* One grade: a class, or a mapping with just 'value' or 'probability'. */
static bool read_grade(aloader *l, const ynode *node, const score_target *t,
                       natrisk_grade *g)
{
	if (node->kind != YNODE_MAP)
		return read_class(l, node, t, g);
	const char *key = t->criterion < 0 ? "probability" : "value";
	const char *const keys[] = { key[0] == 'p' ? "*probability" : "*value",
		                     NULL };
	if (!ycheck_map(l->doc, node, keys, "a quantity"))
		return false;
	return t->criterion < 0 ? read_probability(l, node, t, g)
	                        : read_quantity(l, node, t, g);
}

/* Order of grades: the class, "+" above plain, and the numbers when both
 * grades are quantities. */
static int grade_compare(const natrisk_grade *a, const natrisk_grade *b)
{
	if (a->has_quantity && b->has_quantity)
		return (a->quantity > b->quantity) - (a->quantity < b->quantity);
	int ka = a->cls * 2 + (a->high && !a->has_quantity);
	int kb = b->cls * 2 + (b->high && !b->has_quantity);
	return (ka > kb) - (ka < kb);
}

static void grade_text(const natrisk_grade *g, char *out, size_t size)
{
	if (g->has_quantity)
		snprintf(out, size, "%g", g->quantity);
	else
		snprintf(out, size, "%s%s", natrisk_class_letter(g->cls),
		         g->high ? "+" : "");
}

/* NODE is the score mapping; the error points at the bound that is out
 * of order (LL above EV, or UL below EV), since EV is the anchor. */
static bool check_order(aloader *l, const ynode *node, const score_target *t,
                        const natrisk_score *s)
{
	static const char *const names[] = { MSG("LL"), MSG("EV"), MSG("UL") };
	for (int p = 0; p < 2; p++) {
		if (grade_compare(&s->point[p], &s->point[p + 1]) <= 0)
			continue;
		char low[32], high[32];
		grade_text(&s->point[p], low, sizeof low);
		grade_text(&s->point[p + 1], high, sizeof high);
		const ynode *at = ymap_get(node, p == 0 ? "ll" : "ul");
		yerror(l->doc, at ? at : node, "%s: %s (%s) is above %s (%s); "
		       "LL <= EV <= UL must hold", target_name(t),
		       msg_tr(names[p]), low, msg_tr(names[p + 1]), high);
		return false;
	}
	return true;
}

static bool read_why(aloader *l, const ynode *map, natrisk_score *s)
{
	const ynode *why = ymap_get(map, "why");
	if (!why)
		return true;
	bool ok = true;
	s->why = ykeep_text(l->doc, &l->a->arena, why, "why", YTEXT_WHY, &ok);
	return ok;
}

static bool read_score_map(aloader *l, const ynode *node,
                           const score_target *t, natrisk_score *s)
{
	static const char *const keys[] = { "*ev", "ll", "ul", "why", NULL };
	if (!ycheck_map(l->doc, node, keys, "a score"))
		return false;
	bool ok = read_grade(l, ymap_get(node, "ev"), t, &s->point[NATRISK_EV]);
	const ynode *ll = ymap_get(node, "ll"), *ul = ymap_get(node, "ul");
	s->point[NATRISK_LL] = s->point[NATRISK_EV];
	s->point[NATRISK_UL] = s->point[NATRISK_EV];
	if (ll && !read_grade(l, ll, t, &s->point[NATRISK_LL]))
		ok = false;
	if (ul && !read_grade(l, ul, t, &s->point[NATRISK_UL]))
		ok = false;
	ok = read_why(l, node, s) && ok;
	return ok && check_order(l, node, t, s);
}

/* { value: N, why: ... } or { probability: P, why: ... } */
static bool read_quantity_score(aloader *l, const ynode *node,
                                const score_target *t, natrisk_score *s)
{
	const char *const keys[] = { t->criterion < 0 ? "*probability"
	                                              : "*value",
		                     "why", NULL };
	if (!ycheck_map(l->doc, node, keys, "a score"))
		return false;
	natrisk_grade *ev = &s->point[NATRISK_EV];
	bool ok = t->criterion < 0 ? read_probability(l, node, t, ev)
	                           : read_quantity(l, node, t, ev);
	s->point[NATRISK_LL] = s->point[NATRISK_UL] = *ev;
	return read_why(l, node, s) && ok;
}

static void load_score(aloader *l, const ynode *node, const score_target *t,
                       natrisk_score *s)
{
	memset(s, 0, sizeof *s);
	s->given = true;
	s->line = node->line;
	s->column = node->column;
	bool ok;
	if (node->kind == YNODE_MAP && !ymap_get(node, "ev") &&
	    (ymap_get(node, "value") || ymap_get(node, "probability"))) {
		ok = read_quantity_score(l, node, t, s);
	} else if (node->kind == YNODE_MAP) {
		ok = read_score_map(l, node, t, s);
	} else {
		ok = read_class(l, node, t, &s->point[NATRISK_EV]);
		s->point[NATRISK_LL] = s->point[NATRISK_UL] =
			s->point[NATRISK_EV];
	}
	if (!ok)
		l->ok = false;
	if (ok && t->criterion < 0 && l->m)
		for (int p = 0; p < NATRISK_POINT_COUNT; p++)
			s->point[p].position =
				likelihood_position(l->m, &s->point[p]);
}

void load_impact_score(aloader *l, const ynode *node, size_t c,
                       natrisk_score *out)
{
	score_target t = { (long)c, NATRISK_HAZARD, l->m->criteria[c].id };
	load_score(l, node, &t, out);
}

void load_likelihood_score(aloader *l, const ynode *node, natrisk_kind kind,
                           natrisk_score *out)
{
	score_target t = { -1, kind, MSG("likelihood") };
	load_score(l, node, &t, out);
}

void score_not_applicable(natrisk_score *out)
{
	memset(out, 0, sizeof *out);
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		out->point[p].cls = NATRISK_CLASS_X;
		out->point[p].position = -1;
	}
}
