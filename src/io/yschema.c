/*
 * yschema.c - see yschema.h.
 */
#include "yschema.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/messages.h"
#include "utf8.h"

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	size_t row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t above = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diagonal + cost;
			if (above + 1 < best)
				best = above + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = above;
		}
	}
	return row[lb];
}

static const char *key_name(const char *key)
{
	return key[0] == '*' ? key + 1 : key;
}

static const char *closest_key(const char *text, const char *const *keys)
{
	const char *best = NULL;
	size_t best_distance = 3;
	size_t len = strlen(text);
	for (size_t i = 0; keys[i]; i++) {
		/* lengths that far apart are that many edits apart: a file of
		 * many long unknown keys must not cost a distance each */
		size_t other = strlen(key_name(keys[i]));
		if ((len > other ? len - other : other - len) >= best_distance)
			continue;
		size_t d = edit_distance(text, key_name(keys[i]));
		if (d < best_distance)
			best = key_name(keys[i]), best_distance = d;
	}
	return best;
}

static bool key_known(const char *text, const char *const *keys)
{
	for (size_t i = 0; keys[i]; i++)
		if (strcmp(text, key_name(keys[i])) == 0)
			return true;
	return false;
}

/* Whether an unknown key of NODE was taken for KEY (a "did you mean"
 * already names it, so "lacks the required key" would repeat it). */
static bool misspelt(const ynode *node, const char *const *keys,
                     const char *key)
{
	for (size_t i = 0; i < node->count; i++) {
		const ynode *k = node->items[2 * i];
		if (k->kind != YNODE_SCALAR || key_known(k->text, keys))
			continue;
		const char *hint = closest_key(k->text, keys);
		if (hint && strcmp(hint, key) == 0)
			return true;
	}
	return false;
}

bool ycheck_map(ydoc *doc, const ynode *node, const char *const *keys,
                const char *what)
{
	if (!yexpect(doc, node, YNODE_MAP, what))
		return false;
	bool ok = true;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *key = node->items[2 * i];
		if (key->kind != YNODE_SCALAR || key_known(key->text, keys))
			continue;
		const char *hint = closest_key(key->text, keys);
		if (hint)
			yerror(doc, key, "unknown key '%s' in %s; did you mean "
			       "'%s'?", key->text, msg_tr(what), hint);
		else
			yerror(doc, key, "unknown key '%s' in %s", key->text,
			       msg_tr(what));
		ok = false;
	}
	for (size_t i = 0; keys[i]; i++) {
		if (keys[i][0] != '*' || ymap_get(node, keys[i] + 1) ||
		    misspelt(node, keys, keys[i] + 1))
			continue;
		yerror(doc, node, "%s lacks the required key '%s'",
		       msg_tr(what), keys[i] + 1);
		ok = false;
	}
	return ok;
}

bool yexpect(ydoc *doc, const ynode *node, ynode_kind kind, const char *what)
{
	if (node->kind == kind)
		return true;
	yerror(doc, node, "%s must be a %s, not a %s", msg_tr(what),
	       msg_tr(kind == YNODE_MAP ? "mapping" : "list"),
	       msg_tr(ykind_name(node)));
	return false;
}

const char *ytext(ydoc *doc, const ynode *node, const char *what)
{
	if (node->kind != YNODE_SCALAR || yis_null(node)) {
		yerror(doc, node, "%s must be text, not a %s", msg_tr(what),
		       msg_tr(ykind_name(node)));
		return NULL;
	}
	return node->text;
}

const char *yid(ydoc *doc, const ynode *node, const char *what)
{
	const char *text = ytext(doc, node, what);
	if (!text)
		return NULL;
	bool ok = node->len > 0 && node->len <= 64;
	for (size_t i = 0; ok && i < node->len; i++) {
		char c = text[i];
		ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		     (c == '-' && i > 0);
	}
	if (!ok) {
		yerror(doc, node, "%s '%s' is not a valid id: use 1 to 64 of "
		       "a-z, 0-9 and '-', not starting with '-'", msg_tr(what),
		       text);
		return NULL;
	}
	return text;
}

/* YAML 1.2 core schema: [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? )
 * ( [eE] [-+]? [0-9]+ )? -- no hex, octal, infinities or NaN. */
static bool number_syntax(const char *s)
{
	size_t i = 0, digits = 0;
	if (s[i] == '-' || s[i] == '+')
		i++;
	while (s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (s[i] == '.') {
		i++;
		while (s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	if (digits == 0)
		return false;
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		if (s[i] == '-' || s[i] == '+')
			i++;
		if (!(s[i] >= '0' && s[i] <= '9'))
			return false;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return s[i] == '\0';
}

bool yis_number(const ynode *node, double *out)
{
	if (node->kind != YNODE_SCALAR || !node->plain ||
	    !number_syntax(node->text))
		return false;
	double value = strtod(node->text, NULL);
	if (!isfinite(value))
		return false;
	*out = value;
	return true;
}

bool ynumber(ydoc *doc, const ynode *node, const char *what, double *out)
{
	if (yis_number(node, out))
		return true;
	if (node->kind == YNODE_SCALAR && !node->plain &&
	    number_syntax(node->text))
		yerror(doc, node, "%s must be a number; remove the quotes from "
		       "'%s'", msg_tr(what), node->text);
	else if (node->kind == YNODE_SCALAR)
		yerror(doc, node, "%s must be a finite number, not '%s'",
		       msg_tr(what), node->text);
	else
		yerror(doc, node, "%s must be a number, not a %s", msg_tr(what),
		       msg_tr(ykind_name(node)));
	return false;
}

bool ybool(ydoc *doc, const ynode *node, const char *what, bool *out)
{
	if (node->kind == YNODE_SCALAR && node->plain) {
		if (strcmp(node->text, "true") == 0) {
			*out = true;
			return true;
		}
		if (strcmp(node->text, "false") == 0) {
			*out = false;
			return true;
		}
	}
	if (node->kind == YNODE_SCALAR)
		yerror(doc, node, "%s must be true or false, not '%s'",
		       msg_tr(what), node->text);
	else
		yerror(doc, node, "%s must be true or false, not a %s",
		       msg_tr(what), msg_tr(ykind_name(node)));
	return false;
}

bool yversion(ydoc *doc, const ynode *node, const char *key,
              const char *what)
{
	double version;
	if (!ynumber(doc, node, key, &version))
		return false;
	if (version == 1)
		return true;
	yerror(doc, node, "unsupported %s %s; this natrisk reads %s 1",
	       msg_tr(what), node->text, msg_tr(what));
	return false;
}

size_t ytext_max(ytext_kind kind)
{
	switch (kind) {
	case YTEXT_TITLE:
	case YTEXT_LABEL: return 200;
	case YTEXT_WHY: return 10000;
	case YTEXT_DESCRIPTION: return 20000;
	case YTEXT_SOURCE: return 5000;
	}
	return 0;
}

bool ytext_fits(ydoc *doc, const ynode *node, const char *what,
                ytext_kind kind)
{
	size_t max = ytext_max(kind);
	/* no more bytes than the limit: no more characters either */
	size_t length = node->len <= max ? node->len
	                                 : utf8_length(node->text, node->len);
	if (length > max) {
		yerror(doc, node, "%s is too long: %zu characters, at most %zu",
		       msg_tr(what), length, max);
		return false;
	}
	if (kind == YTEXT_TITLE && utf8_blank(node->text, node->len)) {
		yerror(doc, node, "%s is %s: write 1 to %zu characters",
		       msg_tr(what), msg_tr(node->len ? "blank" : "empty"), max);
		return false;
	}
	return true;
}

const char *ykeep_text(ydoc *doc, arena *into, const ynode *node,
                       const char *what, ytext_kind kind, bool *ok)
{
	if (!node)
		return NULL;
	const char *text = ytext(doc, node, what);
	if (!text || !ytext_fits(doc, node, what, kind)) {
		*ok = false;
		return NULL;
	}
	return arena_strdup(into, text);
}

bool ysources(ydoc *doc, const ynode *node)
{
	if (!yexpect(doc, node, YNODE_SEQ, "sources"))
		return false;
	if (node->count <= YSOURCES_MAX)
		return true;
	yerror(doc, node, "%u sources are too many: at most %d",
	       (unsigned)node->count, YSOURCES_MAX);
	return false;
}
