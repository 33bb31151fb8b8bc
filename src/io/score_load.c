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

/* The place of an impact grade on the class-position scale, from the
 * method: X at x_position, a class k at k, a "+" high_offset up; a
 * quantity scores its class (method.md section 3). */
static double impact_position(const natrisk_method *m, const natrisk_grade *g)
{
	if (g->cls == NATRISK_CLASS_X)
		return m->x_position;
	return g->cls + (g->high && !g->has_quantity ? m->high_offset : 0);
}

static void set_class(natrisk_grade *g, int cls, bool high)
{
	g->cls = (signed char)cls;
	g->high = high;
	g->has_quantity = false;
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
		set_class(g, cls, high);
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

/* The positions of the three grades (score.h), once they are read. */
static void set_positions(aloader *l, const score_target *t,
                          natrisk_score *s)
{
	for (int p = 0; l->m && p < NATRISK_POINT_COUNT; p++)
		s->point[p].position =
			t->criterion < 0 ? likelihood_position(l->m, &s->point[p])
			                 : impact_position(l->m, &s->point[p]);
}

/*
 * Order of grades on what the engine compares (method.md section 3): the
 * positions, so a quantity by its class (900 deaths is C, below C+) and a
 * likelihood by its place on the axis (p = 0.006 at 2.08 is below C at
 * 2.5); and the numbers when both grades are quantities, since a lower
 * limit above the expected value is wrong even within one class. Without
 * a method (it failed to load) only the classes can be compared.
 */
static int grade_compare(const natrisk_method *m, const natrisk_grade *a,
                         const natrisk_grade *b)
{
	if (a->has_quantity && b->has_quantity)
		return (a->quantity > b->quantity) - (a->quantity < b->quantity);
	if (m)
		return (a->position > b->position) - (a->position < b->position);
	int ka = a->cls * 2 + (a->high && !a->has_quantity);
	int kb = b->cls * 2 + (b->high && !b->has_quantity);
	return (ka > kb) - (ka < kb);
}

/* "C+" or "4e+09"; where a class meets a quantity (MIXED), what they were
 * compared on: the class a quantity scores ("900 = C"), or a likelihood's
 * position on the axis ("0.006 at 2.08", "C at 2.50"). */
static void grade_text(const natrisk_method *m, const natrisk_grade *g,
                       bool likelihood, bool mixed, char *out, size_t size)
{
	char letters[3];
	natrisk_grade_letters(g, letters);
	int n = g->has_quantity ? snprintf(out, size, "%g", g->quantity)
	                        : snprintf(out, size, "%s", letters);
	if (!mixed || !m || n < 0 || (size_t)n >= size)
		return;
	char where[32];
	snprintf(where, sizeof where, msg_tr(MSG("at %.2f")), g->position);
	if (likelihood)
		snprintf(out + n, size - (size_t)n, " %s", where);
	else if (g->has_quantity)
		snprintf(out + n, size - (size_t)n, " = %s", letters);
}

/* NODE is the score mapping; the error points at the bound that is out
 * of order (LL above EV, or UL below EV), since EV is the anchor. */
static bool check_order(aloader *l, const ynode *node, const score_target *t,
                        const natrisk_score *s)
{
	static const char *const names[] = { MSG("LL"), MSG("EV"), MSG("UL") };
	bool likelihood = t->criterion < 0;
	for (int p = 0; p < 2; p++) {
		if (grade_compare(l->m, &s->point[p], &s->point[p + 1]) <= 0)
			continue;
		const natrisk_grade *lo = &s->point[p], *hi = &s->point[p + 1];
		bool mixed = lo->has_quantity != hi->has_quantity;
		char low[48], high[48];
		grade_text(l->m, lo, likelihood, mixed, low, sizeof low);
		grade_text(l->m, hi, likelihood, mixed, high, sizeof high);
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
	if (ok)
		set_positions(l, t, s);
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
	if (ok)
		set_positions(l, t, s);
	else
		l->ok = false;
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

void score_not_applicable(const natrisk_method *m, natrisk_score *out)
{
	memset(out, 0, sizeof *out);
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		out->point[p].cls = NATRISK_CLASS_X;
		out->point[p].position = m->x_position;
	}
}
