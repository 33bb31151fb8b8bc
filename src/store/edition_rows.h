/*
 * edition_rows.h - writing an edition's rows, shared by the import
 * (editions.c) and the work on an edition (scenarios.c, scores.c), and the
 * rules every such write follows: the edition's status allows it, and the
 * edition's version goes up so that cached results are not served again.
 */
#ifndef NATRISK_STORE_EDITION_ROWS_H
#define NATRISK_STORE_EDITION_ROWS_H

#include <jansson.h>
#include <sqlite3.h>

#include <natrisk/scoring.h>

/* Binds JSON text made from J (stolen; NULL binds NULL) to parameter K. */
void bind_json(sqlite3_stmt *stmt, int k, json_t *j);
/* Binds the descriptive fields of scenario S of A to parameters FIRST and
 * on, in this order: title, theme, kind, description, classification,
 * is_new, sources (JSON). */
void bind_scenario_fields(sqlite3_stmt *stmt, int first,
                          const natrisk_assessment *a,
                          const natrisk_scenario *s);

/* Inserts scenario I of A into EDITION at POSITION, with its scores as
 * the consolidated ones. */
int insert_scenario(sqlite3 *db, int64_t edition,
                    const natrisk_assessment *a, size_t i, int64_t position,
                    const char *actor);
/* Inserts a score (NULL: dropped) into the history. */
int insert_score(sqlite3 *db, int64_t scenario_id, const char *criterion,
                 bool consolidated, const char *author,
                 const natrisk_score *score);

/* The statuses a change is allowed in. */
enum {
	WHILE_DRAFT = 1 << NATRISK_STATUS_DRAFT,
	WHILE_SCORING = 1 << NATRISK_STATUS_SCORING,
	WHILE_CONSOLIDATION = 1 << NATRISK_STATUS_CONSOLIDATION,
	UNTIL_PUBLISHED = WHILE_DRAFT | WHILE_SCORING | WHILE_CONSOLIDATION,
};
/* 0 when edition ID exists and its status is in ALLOWED; else
 * NATRISK_ENOTFOUND, NATRISK_EIMMUTABLE or NATRISK_ECONFLICT naming WHAT
 * ("analysts score", in English: it is translated) and when it is allowed. Its method id goes to
 * METHOD (may be NULL). */
int edition_require(sqlite3 *db, int64_t id, unsigned allowed,
                    const char *what, char method[128]);
/* Raises the edition's version, counting the change at LEVEL: the
 * classification of what it touched. Every write ends with this. */
int edition_bump(sqlite3 *db, int64_t id, natrisk_classification level);

/* A scenario row as writes need it. */
typedef struct scenario_row {
	int64_t id;
	char kind[8];
	natrisk_classification classification;
	char *likelihood; /* the stored JSON; free it */
} scenario_row;
int scenario_find(sqlite3 *db, int64_t edition, const char *key,
                  scenario_row *out);

/* Where the store put text into a request's body before loading it:
 * LEN bytes after COLUMN of the body's first line (0: nothing there). */
typedef struct body_insert {
	size_t column, len;
} body_insert;

/* The JSON object at JSON (LEN bytes) with MEMBER ("\"id\":\"x\"") as
 * its first member, EMPTY when the object has none; where it went into
 * *INSERTED (the column after the brace when that is on the first line,
 * and the length), so that the loader's columns can be given back in the
 * client's terms. NULL when out of memory or JSON holds no brace. */
char *body_with_member(const char *json, size_t len, const char *member,
                       bool empty, body_insert *inserted);

/* The stem of a new id: TITLE in [a-z0-9-], at most STEM_MAX
 * characters, cut at a hyphen where it can be; FALLBACK when nothing of
 * it is left. */
enum { STEM_MAX = 40, RANDOM_CHARS = 6, ID_TRIES = 8 };
void id_stem(const char *title, const char *fallback, char *out,
             size_t size);
/* A new id: the stem, a hyphen and random characters. The server makes
 * every new scenario's and plan item's id, so that no answer to a create
 * can tell an id a hidden one holds from a free one (docs/server.md). */
void make_id(const char *stem, char *out, size_t size);

/* Loads HEAD BODY TAIL (JSON text; HEAD holds no line break) as an
 * assessment of edition ID's method and the themes CLEARANCE may see,
 * with the diagnostics' lines counted from BODY's first. */
int validate_text(sqlite3 *db, int64_t id, natrisk_classification clearance,
                  const char *head,
                  const char *body, size_t len, const char *tail,
                  natrisk_diag *diag, natrisk_assessment **out);
/* The same for a BODY into which INSERTED went: the diagnostics' columns
 * are those of the body as the client sent it. */
int validate_text_inserted(sqlite3 *db, int64_t id,
                           natrisk_classification clearance, const char *head,
                           const char *body, size_t len, const char *tail,
                           const body_insert *inserted, natrisk_diag *diag,
                           natrisk_assessment **out);

/* The descriptive fields of a scenario row, from column FIRST on:
 * key, title, theme, kind, description, classification, is_new, sources
 * (FIELD_COLUMNS), as a JSON object in the file's names. */
#define FIELD_COLUMNS "key, title, theme, kind, description, " \
                      "classification, is_new, sources"
json_t *scenario_fields(sqlite3_stmt *row, int first);

/* The edition's themes ({id, title, classification[, colour]}) that
 * CLEARANCE may see: those classified at or below it. A theme's
 * classification is its own (assessment.h), so that what a reader sees of
 * the themes never changes with an edit to a scenario above them. */
json_t *visible_themes(sqlite3 *db, int64_t edition,
                       natrisk_classification clearance);

/* The level of a stored classification name (unknown: the highest). */
int classification_level(const char *name);

/* Makes NAMES (enabled chairs, each checked) the chairs of EDITION. */
int chairs_replace(sqlite3 *db, int64_t edition, const char *const *names,
                   size_t count);

/* natrisk_store_scenario_add in the caller's transaction (scenarios.c):
 * *ID the new scenario's id (malloc'd) on success, else NULL. */
int scenario_add_tx(sqlite3 *db, int64_t edition, const char *json,
                    size_t len, const char *actor,
                    natrisk_classification clearance, natrisk_diag *diag,
                    char **id);

/* Appends to the audit log that ACTOR did ACTION on OBJECT, with BEFORE
 * and AFTER (JSON values, borrowed) as compact JSON text. */
int audit_json_change(sqlite3 *db, const char *actor, const char *action,
                      const char *object, const json_t *before,
                      const json_t *after);

/* Appends that ACTOR made OBJECT (nothing before it), AFTER (borrowed)
 * as compact JSON (alerts.c). */
int audit_created(sqlite3 *db, const char *actor, const char *action,
                  const char *object, const json_t *after);

/* "edition:N/scenario:KEY[/CRITERION]" for the audit log. */
void object_name(char *out, size_t size, int64_t edition,
                 const char *scenario, const char *criterion);

#endif
