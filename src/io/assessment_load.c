/*
 * assessment_load.c - reads an assessment file (formats.md) into a
 * natrisk_assessment: the top level, the themes and the scenarios, each
 * checked, every problem reported with its place. The scores themselves are
 * read by score_load.c.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/aggregate.h"
#include "../core/error.h"
#include "../core/messages.h"
#include "assessment_loader.h"
#include "file.h"

static const char *keep(aloader *l, const char *text)
{
	return text ? arena_strdup(&l->a->arena, text) : NULL;
}

static const char *keep_text(aloader *l, const ynode *node, const char *what,
                             ytext_kind kind)
{
	return ykeep_text(l->doc, &l->a->arena, node, what, kind, &l->ok);
}

/* A classification (public, restricted, confidential) into *OUT. */
static bool load_classification(aloader *l, const ynode *node,
                                natrisk_classification *out)
{
	static const char *const names[] = { "public", "restricted",
		                             "confidential" };
	const char *text = ytext(l->doc, node, "classification");
	for (int i = 0; text && i < 3; i++)
		if (strcmp(text, names[i]) == 0) {
			*out = (natrisk_classification)i;
			return true;
		}
	if (text)
		yerror(l->doc, node, "classification must be public, "
		       "restricted or confidential, not '%s'", text);
	l->ok = false;
	return false;
}

/* "#rrggbb", kept in lower case. */
static const char *load_colour(aloader *l, const ynode *node)
{
	const char *text = ytext(l->doc, node, "colour");
	bool valid = text && strlen(text) == 7 && text[0] == '#' &&
	             strspn(text + 1, "0123456789abcdefABCDEF") == 6;
	if (!valid) {
		if (text)
			yerror(l->doc, node, "colour must be \"#rrggbb\" (six "
			       "hexadecimal digits), not '%s'", text);
		l->ok = false;
		return NULL;
	}
	char lower[8];
	for (int k = 0; k < 8; k++)
		lower[k] = (char)(text[k] >= 'A' && text[k] <= 'F'
		                          ? text[k] + ('a' - 'A')
		                          : text[k]);
	return keep(l, lower);
}

static void load_theme(aloader *l, const ynode *item, natrisk_theme *theme)
{
	theme->id = keep(l, yid(l->doc, ymap_get(item, "id"), "theme id"));
	theme->title = keep_text(l, ymap_get(item, "title"), "title",
	                         YTEXT_TITLE);
	const ynode *classification = ymap_get(item, "classification");
	if (classification)
		theme->classification_given = load_classification(
			l, classification, &theme->classification);
	const ynode *colour = ymap_get(item, "colour");
	if (colour)
		theme->colour = load_colour(l, colour);
}

static void load_themes(aloader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*title", "classification",
		                            "colour", NULL };
	if (!yexpect(l->doc, node, YNODE_SEQ, "themes")) {
		l->ok = false;
		return;
	}
	natrisk_assessment *a = l->a;
	a->themes = arena_array(&a->arena, node->count + 1, sizeof *a->themes);
	const ynode **ids = calloc(node->count + 1, sizeof *ids);
	if (!a->themes || !ids) {
		free(ids);
		l->doc->out_of_memory = true;
		l->ok = false;
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "a theme")) {
			l->ok = false;
			continue;
		}
		natrisk_theme *theme = &a->themes[a->theme_count];
		ids[i] = ymap_get(item, "id");
		load_theme(l, item, theme);
		/* a theme with a bad title is still declared: its
		 * scenarios' "unknown theme" would be a wrong second error */
		if (theme->id)
			a->theme_count++;
		if (!theme->id || !theme->title)
			l->ok = false;
	}
	if (!ycheck_unique(l->doc, ids, node->count, "theme id"))
		l->ok = false;
	free(ids);
}

static long find_theme(const natrisk_assessment *a, const char *id)
{
	for (size_t i = 0; i < a->theme_count; i++)
		if (strcmp(a->themes[i].id, id) == 0)
			return (long)i;
	return -1;
}

static void load_scenario_theme(aloader *l, const ynode *node,
                                natrisk_scenario *s)
{
	s->theme = -1;
	if (!node)
		return;
	const char *id = yid(l->doc, node, "theme");
	if (!id) {
		l->ok = false;
		return;
	}
	s->theme = find_theme(l->a, id);
	if (s->theme < 0) {
		if (l->a->theme_count)
			yerror(l->doc, node, "unknown theme '%s'; the themes "
			       "list does not name it", id);
		else
			yerror(l->doc, node, "unknown theme '%s'; declare it "
			       "under 'themes'", id);
		l->ok = false;
		return;
	}
	const natrisk_theme *theme = &l->a->themes[s->theme];
	if (theme->classification_given &&
	    theme->classification > s->classification) {
		yerror(l->doc, node, "theme '%s' is %s, above the scenario "
		       "(%s): whoever may see the scenario must be able to "
		       "see its theme", id,
		       msg_tr(natrisk_classification_name(theme->classification)),
		       msg_tr(natrisk_classification_name(s->classification)));
		l->ok = false;
	}
}

static void load_kind(aloader *l, const ynode *node, natrisk_scenario *s)
{
	const char *text = ytext(l->doc, node, "kind");
	if (text && strcmp(text, "hazard") == 0)
		s->kind = NATRISK_HAZARD;
	else if (text && strcmp(text, "threat") == 0)
		s->kind = NATRISK_THREAT;
	else {
		if (text)
			yerror(l->doc, node, "kind must be 'hazard' "
			       "(non-malicious) or 'threat' (malicious), not "
			       "'%s'", text);
		l->ok = false;
	}
}

static void load_sources(aloader *l, const ynode *node, natrisk_scenario *s)
{
	if (!node)
		return;
	if (!ysources(l->doc, node)) {
		l->ok = false;
		return;
	}
	s->sources = arena_array(&l->a->arena, node->count + 1,
	                         sizeof *s->sources);
	for (size_t i = 0; s->sources && i < node->count; i++) {
		const char *text = keep_text(l, node->items[i], "a source",
		                             YTEXT_SOURCE);
		if (text)
			s->sources[s->source_count++] = text;
	}
}

static void load_impact(aloader *l, const ynode *node, natrisk_scenario *s)
{
	const natrisk_method *m = l->m;
	if (!yexpect(l->doc, node, YNODE_MAP, "impact")) {
		l->ok = false;
		return;
	}
	if (!m)
		return; /* without the method the criteria cannot be checked */
	s->impact = arena_array(&l->a->arena, m->criterion_count,
	                        sizeof *s->impact);
	if (!s->impact) {
		l->ok = false;
		return;
	}
	for (size_t c = 0; c < m->criterion_count; c++)
		score_not_applicable(m, &s->impact[c]);
	for (size_t i = 0; i < node->count; i++) {
		const ynode *key = node->items[2 * i];
		const ynode *value = node->items[2 * i + 1];
		/* "a key must be text" was reported by the parser; there is
		 * no text to look up. */
		if (key->kind != YNODE_SCALAR) {
			l->ok = false;
			continue;
		}
		long c = natrisk_method_find_criterion(m, key->text, key->len);
		if (c < 0) {
			yerror(l->doc, key, "unknown criterion '%s' in method "
			       "%s", key->text, m->id);
			l->ok = false;
			continue;
		}
		load_impact_score(l, value, (size_t)c, &s->impact[c]);
	}
}

/* The scenario's impact total under the default weights is 0: every term
 * weight * value of its upper limits (the largest) is 0. */
static bool impact_is_nil(const natrisk_method *m, const natrisk_scenario *s)
{
	const natrisk_profile *p = &m->profiles[m->default_profile];
	for (size_t c = 0; c < m->criterion_count; c++)
		if (p->raw[c] * grade_value(m, &s->impact[c].point[NATRISK_UL]) > 0)
			return false;
	return true;
}

static void warn_suspicious(aloader *l, const ynode *node,
                            const natrisk_scenario *s)
{
	if (!s->impact || !l->m || !impact_is_nil(l->m, s))
		return;
	bool all_x = true;
	for (size_t c = 0; c < l->m->criterion_count; c++)
		if (s->impact[c].point[NATRISK_UL].cls != NATRISK_CLASS_X)
			all_x = false;
	const char *id = s->id ? s->id : "";
	if (all_x)
		ywarning(l->doc, node, "scenario '%s' scores X on every "
		         "criterion: its impact is nil", id);
	else
		ywarning(l->doc, node, "scenario '%s' scores only criteria "
		         "that weigh 0 in weight profile '%s': its impact is "
		         "nil", id, l->m->profiles[l->m->default_profile].id);
}

static void load_scenario(aloader *l, const ynode *item, natrisk_scenario *s)
{
	bool ok_before = l->ok;
	l->ok = true;
	const ynode *id = ymap_get(item, "id"); /* if missing, reported */
	s->id = id ? keep(l, yid(l->doc, id, "scenario id")) : NULL;
	s->title = keep_text(l, ymap_get(item, "title"), "title", YTEXT_TITLE);
	if (!s->id || !s->title)
		l->ok = false;
	/* the classification first: the theme is checked against it */
	const ynode *classification = ymap_get(item, "classification");
	s->classification = NATRISK_PUBLIC;
	if (classification)
		load_classification(l, classification, &s->classification);
	load_scenario_theme(l, ymap_get(item, "theme"), s);
	load_kind(l, ymap_get(item, "kind"), s);
	s->description = keep_text(l, ymap_get(item, "description"),
	                           "description", YTEXT_DESCRIPTION);
	const ynode *is_new = ymap_get(item, "new");
	if (is_new && !ybool(l->doc, is_new, "new", &s->is_new))
		l->ok = false;
	load_sources(l, ymap_get(item, "sources"), s);
	load_likelihood_score(l, ymap_get(item, "likelihood"), s->kind,
	                      &s->likelihood);
	load_impact(l, ymap_get(item, "impact"), s);
	/* A score that was rejected counts as X, so the warning would blame
	 * the scenario for the error already reported. */
	if (l->ok)
		warn_suspicious(l, item, s);
	l->ok = l->ok && ok_before;
}

static void load_scenarios(aloader *l, const ynode *node)
{
	static const char *const keys[] = {
		"*id", "*title", "theme", "*kind", "description",
		"classification", "new", "sources", "*likelihood", "*impact",
		NULL
	};
	natrisk_assessment *a = l->a;
	if (!yexpect(l->doc, node, YNODE_SEQ, "scenarios") || !node->count) {
		if (node->kind == YNODE_SEQ)
			yerror(l->doc, node, "the assessment has no scenarios");
		l->ok = false;
		return;
	}
	a->scenarios = arena_array(&a->arena, node->count,
	                           sizeof *a->scenarios);
	const ynode **ids = calloc(node->count, sizeof *ids);
	if (!a->scenarios || !ids) {
		free(ids);
		l->doc->out_of_memory = true;
		l->ok = false;
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "a scenario")) {
			l->ok = false;
			if (item->kind != YNODE_MAP)
				continue;
		}
		if (!ymap_get(item, "likelihood") || !ymap_get(item, "impact") ||
		    !ymap_get(item, "kind"))
			continue; /* already reported as missing */
		natrisk_scenario *s = &a->scenarios[a->scenario_count++];
		s->line = item->line;
		s->column = item->column;
		ids[i] = ymap_get(item, "id");
		load_scenario(l, item, s);
	}
	if (!ycheck_unique(l->doc, ids, node->count, "scenario id"))
		l->ok = false;
	free(ids);
}

/* A theme without a classification of its own takes the lowest of the
 * scenarios that use it (public when none does): a theme only classified
 * scenarios use is classified with them. */
static void derive_theme_classifications(natrisk_assessment *a)
{
	for (size_t t = 0; t < a->theme_count; t++) {
		natrisk_theme *theme = &a->themes[t];
		if (theme->classification_given)
			continue;
		bool used = false;
		natrisk_classification lowest = NATRISK_CONFIDENTIAL;
		for (size_t k = 0; k < a->scenario_count; k++) {
			const natrisk_scenario *s = &a->scenarios[k];
			if (s->theme != (long)t)
				continue;
			used = true;
			if (s->classification < lowest)
				lowest = s->classification;
		}
		theme->classification = used ? lowest : NATRISK_PUBLIC;
	}
}

/* Two themes in one colour cannot be told apart in the diagram. */
static void warn_shared_colours(aloader *l, const ynode *themes)
{
	const natrisk_assessment *a = l->a;
	for (size_t t = 0; t < a->theme_count; t++)
		for (size_t u = 0; u < t; u++)
			if (natrisk_theme_colour(&a->themes[t]) ==
			    natrisk_theme_colour(&a->themes[u])) {
				ywarning(l->doc, themes->items[t], "themes '%s' "
				         "and '%s' "
				         "have the same colour in the diagram; "
				         "give one a colour of its own "
				         "(colour: \"#rrggbb\")",
				         a->themes[u].id, a->themes[t].id);
				break;
			}
}

static void warn_unused_themes(aloader *l, const ynode *themes)
{
	const natrisk_assessment *a = l->a;
	for (size_t t = 0; t < a->theme_count; t++) {
		bool used = false;
		for (size_t s = 0; s < a->scenario_count && !used; s++)
			used = a->scenarios[s].theme == (long)t;
		if (!used)
			ywarning(l->doc, themes, "theme '%s' is not used by any "
			         "scenario", a->themes[t].id);
	}
}

static void load_method(aloader *l, const ynode *node)
{
	const char *ref = ytext(l->doc, node, "method");
	if (!ref) {
		l->ok = false;
		return;
	}
	l->a->method_ref = keep(l, ref);
	if (l->options->method_ids_only && natrisk_method_ref_is_path(ref)) {
		yerror(l->doc, node, "name the method by its id (such as "
		       "nrb-2008) here, not by a path");
		l->ok = false;
		return;
	}
	char *dir = path_dirname(l->doc->name);
	int rc = dir ? natrisk_method_load(&l->a->method, ref, dir,
	                                   l->doc->diag)
	             : NATRISK_ENOMEM;
	free(dir);
	if (rc == NATRISK_ENOMEM) {
		l->doc->out_of_memory = true;
		l->ok = false;
	} else if (rc != 0) {
		if (rc != NATRISK_EINVALID)
			yerror(l->doc, node, "%s", natrisk_error_last());
		else
			yerror(l->doc, node, "method '%s' is invalid (see the "
			       "errors in the method file)", ref);
		l->ok = false;
	}
	l->m = l->a->method;
}

static void load_top(aloader *l, const ynode *root)
{
	static const char *const keys[] = { "*natrisk", "*title", "edition",
		                            "*method", "themes", "*scenarios",
		                            NULL };
	if (!ycheck_map(l->doc, root, keys, "the assessment")) {
		l->ok = false;
		if (root->kind != YNODE_MAP)
			return;
	}
	const ynode *format = ymap_get(root, "natrisk");
	if (format && !yversion(l->doc, format, "natrisk", "format version"))
		l->ok = false;
	l->a->title = keep_text(l, ymap_get(root, "title"), "title",
	                        YTEXT_TITLE);
	l->a->edition = keep_text(l, ymap_get(root, "edition"), "edition",
	                          YTEXT_LABEL);
	if (ymap_get(root, "method"))
		load_method(l, ymap_get(root, "method"));
	const ynode *themes = ymap_get(root, "themes");
	if (themes)
		load_themes(l, themes);
	if (ymap_get(root, "scenarios"))
		load_scenarios(l, ymap_get(root, "scenarios"));
	derive_theme_classifications(l->a);
	if (themes && l->ok) {
		warn_unused_themes(l, themes);
		warn_shared_colours(l, themes);
	}
}

int natrisk_assessment_load_buffer(natrisk_assessment **out, const char *name,
                                   const char *buf, size_t len,
                                   natrisk_diag *diag)
{
	static const natrisk_load_options defaults = { false };
	return natrisk_assessment_load_options(out, name, buf, len, &defaults,
	                                       diag);
}

int natrisk_assessment_load_options(natrisk_assessment **out,
                                    const char *name, const char *buf,
                                    size_t len,
                                    const natrisk_load_options *options,
                                    natrisk_diag *diag)
{
	*out = NULL;
	ydoc doc;
	/* Counted before parsing: a duplicate key is reported while the tree
	 * is built, yet the tree is still loaded to find more problems. */
	size_t errors_before = natrisk_diag_error_count(diag);
	int rc = ydoc_parse(&doc, name, buf, len, diag);
	natrisk_assessment *a = rc == 0 ? arena_owned_new(sizeof *a) : NULL;
	if (!a) {
		ydoc_release(&doc);
		return rc == -1 ? error_set(NATRISK_EINVALID,
		                            "%s: invalid assessment", name)
		                : error_set(NATRISK_ENOMEM, "out of memory");
	}
	aloader l = { .doc = &doc, .a = a, .options = options, .ok = true };
	a->path = keep(&l, name);
	load_top(&l, doc.root);
	bool out_of_memory = ydoc_out_of_memory(&doc) || a->arena.out_of_memory;
	ydoc_release(&doc);
	if (out_of_memory) {
		natrisk_assessment_free(a);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	if (!l.ok || natrisk_diag_error_count(diag) > errors_before) {
		natrisk_assessment_free(a);
		return error_set(NATRISK_EINVALID, "%s: invalid assessment",
		                 name);
	}
	if (!assessment_index_ids(a)) { /* its ids are unique now */
		natrisk_assessment_free(a);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	*out = a;
	return NATRISK_OK;
}

int natrisk_assessment_load(natrisk_assessment **out, const char *path,
                            natrisk_diag *diag)
{
	*out = NULL;
	char *data;
	size_t len;
	int rc = file_read(path, &data, &len);
	if (rc != 0)
		return rc;
	rc = natrisk_assessment_load_buffer(out, path, data, len, diag);
	free(data);
	return rc;
}
