/*
 * monitor_state.c - the state a monitor keeps between runs (--state):
 * per indicator the newest observation evaluated, its level and the last
 * message of the open chain, in a small JSON file written atomically, so
 * that a run that stops anywhere repeats no message and loses none.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <natrisk/monitor_run.h>

#include "../core/error.h"
#include "file.h"

typedef struct state_entry {
	char *id;
	natrisk_indicator_state state;
} state_entry;

struct natrisk_monitor_state {
	state_entry *entries;
	size_t count;
};

void natrisk_monitor_state_free(natrisk_monitor_state *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->count; i++)
		free(s->entries[i].id);
	free(s->entries);
	free(s);
}

natrisk_indicator_state *natrisk_monitor_state_of(natrisk_monitor_state *s,
                                                  const char *id)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->entries[i].id, id) == 0)
			return &s->entries[i].state;
	state_entry *grown = realloc(s->entries,
	                             (s->count + 1) * sizeof *grown);
	char *copy = grown ? strdup(id) : NULL;
	if (grown)
		s->entries = grown;
	if (!copy)
		return NULL;
	state_entry *e = &s->entries[s->count++];
	e->id = copy;
	e->state = (natrisk_indicator_state)NATRISK_INDICATOR_STATE_INIT;
	return &e->state;
}

/* A time of the file, or none (null); false when malformed. */
static bool read_time(const json_t *v, bool *present, int64_t *out)
{
	*present = v && !json_is_null(v);
	if (!*present)
		return true;
	return json_is_string(v) &&
	       natrisk_time_parse(json_string_value(v), out) == 0;
}

static bool read_entry(natrisk_indicator_state *st, const json_t *v)
{
	const json_t *level = json_object_get(v, "level");
	if (!json_is_object(v) || !json_is_integer(level) ||
	    json_integer_value(level) < -1 || json_integer_value(level) > 1000)
		return false;
	st->level = (int)json_integer_value(level);
	return read_time(json_object_get(v, "last_time"), &st->seen,
	                 &st->last_time) &&
	       read_time(json_object_get(v, "chain_sent"), &st->chain_open,
	                 &st->chain_sent);
}

static int state_from_json(natrisk_monitor_state *s, const json_t *root)
{
	const json_t *indicators = json_object_get(root, "indicators");
	if (!json_is_object(indicators))
		return -1;
	const char *id;
	const json_t *v;
	json_object_foreach((json_t *)indicators, id, v) {
		natrisk_indicator_state *st = natrisk_monitor_state_of(s, id);
		if (!st)
			return NATRISK_ENOMEM;
		if (!read_entry(st, v))
			return -1;
	}
	return 0;
}

int natrisk_monitor_state_load(natrisk_monitor_state **out, const char *path,
                               natrisk_diag *diag)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return error_set(NATRISK_ENOMEM, "out of memory");
	char *data;
	size_t len;
	if (access(path, F_OK) != 0)
		return NATRISK_OK;
	int rc = file_read(path, &data, &len);
	if (rc != 0) {
		natrisk_monitor_state_free(*out);
		*out = NULL;
		return rc;
	}
	json_error_t error;
	json_t *root = json_loadb(data, len, 0, &error);
	free(data);
	int line = root ? 1 : error.line, column = root ? 1 : error.column;
	rc = root ? state_from_json(*out, root) : -1;
	json_decref(root);
	if (rc == 0)
		return NATRISK_OK;
	natrisk_monitor_state_free(*out);
	*out = NULL;
	if (rc == NATRISK_ENOMEM)
		return error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, path, line, column,
	                 "not a monitor state file");
	return error_set(NATRISK_EINVALID, "%s: invalid state", path);
}

static json_t *time_json(bool present, int64_t time)
{
	char text[32];
	return present ? json_string(natrisk_time_format(time, text,
	                                                 sizeof text))
	               : json_null();
}

int natrisk_monitor_state_save(const natrisk_monitor_state *s,
                               const char *path)
{
	json_t *indicators = json_object();
	json_t *root = json_pack("{s:i, s:o}", "natrisk_monitor_state", 1,
	                         "indicators", indicators);
	for (size_t i = 0; root && i < s->count; i++) {
		const natrisk_indicator_state *st = &s->entries[i].state;
		json_t *v = json_pack("{s:o, s:i, s:o}", "last_time",
		                      time_json(st->seen, st->last_time),
		                      "level", st->level, "chain_sent",
		                      time_json(st->chain_open, st->chain_sent));
		if (!v || json_object_set_new(indicators, s->entries[i].id, v))
			break;
	}
	char *text = root ? json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS)
	                  : NULL;
	json_decref(root);
	if (!text)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = file_write_atomic(path, text, strlen(text));
	free(text);
	return rc;
}
