/*
 * signal_body.c - checking what a reporter submits and what an analyst
 * decides (signal_rows.h): every key known, every text within its
 * bounds, a date that is one, and every scenario and theme named one
 * that the writer may see in an edition the writer may read. A name the
 * writer may not see gets the message of a name that does not exist.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "../io/utf8.h"
#include "db.h"
#include "edition_rows.h"
#include "signal_rows.h"

/* Refuses a key of BODY not in KEYS (NULL-terminated); WHAT names the
 * body ("a signal"). */
static int known_keys(json_t *body, const char *const *keys,
                      const char *what)
{
	const char *key;
	json_t *value;
	json_object_foreach(body, key, value) {
		size_t k = 0;
		while (keys[k] && strcmp(keys[k], key) != 0)
			k++;
		if (!keys[k])
			return error_set(NATRISK_EINVALID, "unknown key '%s' in "
			                 "%s", key, msg_tr(what));
	}
	return 0;
}

/* BODY's KEY as text of 1 to MAX characters, not blank (0 to MAX when
 * OPTIONAL; then absent or null is NULL). */
static int text_of(json_t *body, const char *key, size_t max, bool optional,
                   const char **out)
{
	json_t *value = json_object_get(body, key);
	*out = NULL;
	if (optional && (!value || json_is_null(value)))
		return 0;
	const char *text = json_string_value(value);
	size_t len = json_string_length(value);
	bool fits = text && utf8_length(text, len) <= max;
	if (optional && !fits)
		return error_set(NATRISK_EINVALID, "'%s' must be text of at "
		                 "most %zu characters", key, max);
	if (!fits || (!optional && utf8_blank(text, len)))
		return error_set(NATRISK_EINVALID, "'%s' must be text of 1 to "
		                 "%zu characters, not blank", key, max);
	*out = text;
	return 0;
}

static bool leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Whether TEXT is a date YYYY-MM-DD of the calendar, not after today. */
static bool past_date(const char *text)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
		                    31, 31, 30, 31, 30, 31 };
	int year, month, day, end = 0;
	if (strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%n", &year, &month,
	                                 &day, &end) != 3 || end != 10 ||
	    text[4] != '-' || text[7] != '-' || month < 1 || month > 12 ||
	    day < 1 || day > days[month - 1] + (month == 2 && leap(year)))
		return false;
	char now[21];
	db_now(now);
	return strncmp(text, now, 10) <= 0 && year >= 1900;
}

static int edition_of(sqlite3 *db, const natrisk_signal_reader *who,
                      json_t *value, int64_t *out)
{
	*out = 0;
	if (!value || json_is_null(value))
		return 0;
	sqlite3_stmt *stmt = json_is_integer(value)
	                             ? db_prepare(db, "SELECT status FROM "
	                                              "assessments WHERE id = ?")
	                             : NULL;
	if (!json_is_integer(value))
		return error_set(NATRISK_EINVALID, "'edition' must be an "
		                 "edition's id or null");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, json_integer_value(value));
	bool readable = sqlite3_step(stmt) == SQLITE_ROW &&
	                (!who->published_only ||
	                 strcmp((const char *)sqlite3_column_text(stmt, 0),
	                        "published") == 0);
	sqlite3_finalize(stmt);
	if (!readable)
		return error_set(NATRISK_EINVALID, "no such edition %lld",
		                 (long long)json_integer_value(value));
	*out = json_integer_value(value);
	return 0;
}

/* The row id of scenario KEY of EDITION, when WHO may see it. */
static int scenario_of(sqlite3 *db, const natrisk_signal_reader *who,
                       int64_t edition, const char *key, int64_t *out)
{
	scenario_row row;
	int rc = key ? scenario_find(db, edition, key, &row)
	             : NATRISK_ENOTFOUND;
	if (rc == 0)
		free(row.likelihood);
	if (rc == 0 && row.classification <= who->clearance) {
		*out = row.id;
		return 0;
	}
	if (rc != 0 && rc != NATRISK_ENOTFOUND)
		return rc;
	return error_set(NATRISK_EINVALID, "unknown scenario '%s' in edition "
	                 "%lld", key ? key : "", (long long)edition);
}

static bool theme_visible(json_t *themes, const char *id)
{
	size_t k;
	json_t *theme;
	json_array_foreach(themes, k, theme) {
		const char *own = json_string_value(json_object_get(theme,
		                                                    "id"));
		if (own && strcmp(own, id) == 0)
			return true;
	}
	return false;
}

/* BODY's KEY as a list of at most NATRISK_SIGNAL_LINKS_MAX strings,
 * without repeats; *LIST NULL when absent. */
static int names_of(json_t *body, const char *key, json_t **list)
{
	json_t *value = json_object_get(body, key);
	*list = value;
	if (!value || json_is_null(value)) {
		*list = NULL;
		return 0;
	}
	bool fits = json_is_array(value) &&
	            json_array_size(value) <= NATRISK_SIGNAL_LINKS_MAX;
	for (size_t k = 0; fits && k < json_array_size(value); k++) {
		const char *name = json_string_value(json_array_get(value, k));
		fits = name != NULL;
		for (size_t j = 0; fits && j < k; j++)
			fits = strcmp(name, json_string_value(
				json_array_get(value, j))) != 0;
	}
	return fits ? 0 : error_set(NATRISK_EINVALID, "'%s' must be a list "
	                            "of at most %d different ids", key,
	                            NATRISK_SIGNAL_LINKS_MAX);
}

static int links_of(sqlite3 *db, const natrisk_signal_reader *who,
                    json_t *body, signal_fields *out)
{
	json_t *scenarios, *themes;
	int rc = names_of(body, "scenarios", &scenarios);
	if (rc == 0)
		rc = names_of(body, "themes", &themes);
	if (rc != 0)
		return rc;
	if (!out->edition && (json_array_size(scenarios) ||
	                      json_array_size(themes)))
		return error_set(NATRISK_EINVALID, "a signal that names "
		                 "scenarios or themes names their 'edition'");
	out->scenario_count = json_array_size(scenarios);
	for (size_t k = 0; rc == 0 && k < out->scenario_count; k++)
		rc = scenario_of(db, who, out->edition, json_string_value(
		                         json_array_get(scenarios, k)),
		                 &out->scenarios[k]);
	json_t *seen = rc == 0 && themes
	                       ? visible_themes(db, out->edition, who->clearance)
	                       : NULL;
	out->theme_count = json_array_size(themes);
	for (size_t k = 0; rc == 0 && k < out->theme_count; k++) {
		out->themes[k] = json_string_value(json_array_get(themes, k));
		if (!theme_visible(seen, out->themes[k]))
			rc = error_set(NATRISK_EINVALID, "unknown theme '%s' in "
			               "edition %lld", out->themes[k],
			               (long long)out->edition);
	}
	json_decref(seen);
	return rc;
}

static int choice_of(json_t *body, const char *key,
                     const char *const *choices, const char *message,
                     const char **out)
{
	const char *text = json_string_value(json_object_get(body, key));
	for (size_t k = 0; text && choices[k]; k++) {
		if (strcmp(text, choices[k]) == 0) {
			*out = choices[k];
			return 0;
		}
	}
	return error_set(NATRISK_EINVALID, "%s", msg_tr(message));
}

/* BODY's classification, public when it has none, at most WHO's
 * clearance; WHAT names what is classified ("a signal"). */
static int classification_of(const natrisk_signal_reader *who, json_t *body,
                             const char *what, natrisk_classification *out)
{
	json_t *value = json_object_get(body, "classification");
	*out = NATRISK_PUBLIC;
	if (!value)
		return 0;
	if (!json_is_string(value) ||
	    natrisk_classification_parse(json_string_value(value), out) != 0)
		return error_set(NATRISK_EINVALID, "'classification' must be "
		                 "public, restricted or confidential");
	if (*out > who->clearance)
		return error_set(NATRISK_EINVALID, "you may not classify %s "
		                 "above your own clearance (%s)", msg_tr(what),
		                 msg_tr(natrisk_classification_name(
		                         who->clearance)));
	return 0;
}

int signal_fields_check(sqlite3 *db, const natrisk_signal_reader *who,
                        json_t *body, signal_fields *out)
{
	static const char *const keys[] = { "text", "source", "observed",
		"confidence", "classification", "edition", "scenarios",
		"themes", NULL };
	static const char *const confidences[] = { "low", "medium", "high",
		                                   NULL };
	memset(out, 0, sizeof *out);
	int rc = known_keys(body, keys, MSG("a signal"));
	if (rc == 0)
		rc = text_of(body, "text", NATRISK_SIGNAL_TEXT_MAX, false,
		             &out->text);
	if (rc == 0)
		rc = text_of(body, "source", NATRISK_SIGNAL_SOURCE_MAX, false,
		             &out->source);
	out->observed = json_string_value(json_object_get(body, "observed"));
	if (rc == 0 && (!out->observed || !past_date(out->observed)))
		rc = error_set(NATRISK_EINVALID, "'observed' must be a date "
		               "YYYY-MM-DD, not after today");
	if (rc == 0)
		rc = choice_of(body, "confidence", confidences,
		               MSG("'confidence' must be low, medium or high"),
		               &out->confidence);
	if (rc == 0)
		rc = classification_of(who, body, MSG("a signal"),
		                       &out->classification);
	if (rc == 0)
		rc = edition_of(db, who, json_object_get(body, "edition"),
		                &out->edition);
	return rc == 0 ? links_of(db, who, body, out) : rc;
}

/* A proposal: {title, description, edition, scenario}; a change names
 * a scenario (of EDITION unless it names its own). */
static int proposal_of(sqlite3 *db, const natrisk_signal_reader *who,
                       json_t *proposal, int64_t edition, triage_fields *out)
{
	static const char *const keys[] = { "title", "description",
		                            "edition", "scenario", NULL };
	if (!json_is_object(proposal))
		return error_set(NATRISK_EINVALID, "the decision propose needs "
		                 "a 'proposal' {title, description, scenario}");
	int rc = known_keys(proposal, keys, MSG("a proposal"));
	if (rc == 0)
		rc = text_of(proposal, "title", NATRISK_PROPOSAL_TITLE_MAX,
		             false, &out->title);
	if (rc == 0)
		rc = text_of(proposal, "description",
		             NATRISK_PROPOSAL_TEXT_MAX, true,
		             &out->description);
	json_t *own = json_object_get(proposal, "edition");
	out->edition = edition;
	if (rc == 0 && own)
		rc = edition_of(db, who, own, &out->edition);
	json_t *scenario = json_object_get(proposal, "scenario");
	if (rc != 0 || !scenario || json_is_null(scenario))
		return rc;
	if (!out->edition)
		return error_set(NATRISK_EINVALID, "a proposal that changes a "
		                 "scenario names its 'edition'");
	return scenario_of(db, who, out->edition, json_string_value(scenario),
	                   &out->scenario);
}

int triage_fields_check(sqlite3 *db, const natrisk_signal_reader *who,
                        json_t *body, int64_t edition, triage_fields *out)
{
	static const char *const keys[] = { "decision", "note", "proposal",
		                            "classification", NULL };
	static const char *const decisions[] = { "dismiss", "watch",
		                                 "propose", NULL };
	memset(out, 0, sizeof *out);
	int rc = known_keys(body, keys, MSG("a triage decision"));
	if (rc == 0)
		rc = choice_of(body, "decision", decisions,
		               MSG("'decision' must be dismiss, watch or "
		                   "propose"), &out->decision);
	if (rc == 0)
		rc = text_of(body, "note", NATRISK_TRIAGE_NOTE_MAX, true,
		             &out->note);
	if (rc == 0)
		rc = classification_of(who, body, MSG("a triage decision"),
		                       &out->classification);
	json_t *proposal = json_object_get(body, "proposal");
	bool proposes = rc == 0 && strcmp(out->decision, "propose") == 0;
	if (rc == 0 && !proposes && proposal && !json_is_null(proposal))
		rc = error_set(NATRISK_EINVALID, "only the decision propose "
		               "has a 'proposal'");
	if (rc == 0 && proposes)
		rc = proposal_of(db, who, proposal, edition, out);
	return rc;
}
