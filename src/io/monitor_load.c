/*
 * monitor_load.c - reads a monitor file (docs/formats.md, "Monitor
 * file") into a natrisk_monitor: the top level, the assessment whose
 * scenarios the indicators name, the indicators and their feeds. The
 * levels are read by monitor_levels.c. Every problem is reported with
 * its place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/cap.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "file.h"
#include "monitor_loader.h"

void *monitor_array(mloader *l, size_t count, size_t size)
{
	void *array = arena_array(&l->m->arena, count + 1, size);
	if (!array) {
		l->doc->out_of_memory = true;
		l->ok = false;
	}
	return array;
}

const char *monitor_keep_text(mloader *l, const ynode *node,
                              const char *what, ytext_kind kind)
{
	return ykeep_text(l->doc, &l->m->arena, node, what, kind, &l->ok);
}

/* DIR joined with REF, unless REF is absolute, in the monitor's arena. */
static const char *beside(mloader *l, const char *ref)
{
	if (ref[0] == '/')
		return arena_strdup(&l->m->arena, ref);
	char *dir = path_dirname(l->doc->name);
	size_t n = (dir ? strlen(dir) : 0) + strlen(ref) + 2;
	char *joined = dir ? arena_alloc(&l->m->arena, n) : NULL;
	if (joined)
		snprintf(joined, n, "%s/%s", dir, ref);
	else
		l->doc->out_of_memory = true;
	free(dir);
	return joined;
}

static void load_assessment(mloader *l, const ynode *node)
{
	const char *ref = ytext(l->doc, node, "assessment");
	const char *path = ref ? beside(l, ref) : NULL;
	if (!path) {
		l->ok = false;
		return;
	}
	int rc = natrisk_assessment_load(&l->assessment, path, l->doc->diag);
	if (rc == NATRISK_ENOMEM)
		l->doc->out_of_memory = true;
	else if (rc == NATRISK_EIO)
		yerror(l->doc, node, "%s", natrisk_error_last());
	if (rc != 0)
		l->ok = false;
}

static void load_scenarios(mloader *l, const ynode *node,
                           natrisk_indicator *ind)
{
	if (!yexpect(l->doc, node, YNODE_SEQ, "scenarios")) {
		l->ok = false;
		return;
	}
	const char **ids = monitor_array(l, node->count, sizeof *ids);
	if (!ids)
		return;
	for (size_t i = 0; i < node->count; i++) {
		const char *id = yid(l->doc, node->items[i], "scenario id");
		if (!id) {
			l->ok = false;
			continue;
		}
		if (l->assessment &&
		    natrisk_assessment_find_scenario(l->assessment, id) < 0) {
			yerror(l->doc, node->items[i], "unknown scenario '%s'",
			       id);
			l->ok = false;
		}
		ids[ind->scenario_count++] = arena_strdup(&l->m->arena, id);
	}
	if (!ycheck_unique(l->doc, (const ynode *const *)node->items,
	                   node->count, "scenario id"))
		l->ok = false;
	ind->scenarios = ids;
}

static void load_feed(mloader *l, const ynode *node, natrisk_indicator *ind)
{
	static const char *const keys[] = { "*format", "path", "url", NULL };
	if (!ycheck_map(l->doc, node, keys, "a feed")) {
		l->ok = false;
		if (node->kind != YNODE_MAP)
			return;
	}
	const ynode *format = ymap_get(node, "format");
	const char *name = format ? ytext(l->doc, format, "feed format")
	                          : NULL;
	bool known = false;
	for (int f = 0; name && f < NATRISK_FEED_FORMAT_COUNT; f++)
		if (strcmp(name, natrisk_feed_format_name(f)) == 0) {
			ind->format = (natrisk_feed_format)f;
			known = true;
		}
	if (name && !known)
		yerror(l->doc, format, "feed format must be swpc-kp, "
		       "swpc-xray, swpc-protons or csv, not '%s'", name);
	if (!known)
		l->ok = false;
	const ynode *path = ymap_get(node, "path"), *url = ymap_get(node, "url");
	if (!path == !url) {
		yerror(l->doc, node, "a feed has either a path or a url");
		l->ok = false;
		return;
	}
	const char *text = ytext(l->doc, path ? path : url,
	                         path ? "feed path" : "feed url");
	if (!text)
		l->ok = false;
	else if (path)
		ind->feed_path = beside(l, text);
	else
		ind->feed_url = arena_strdup(&l->m->arena, text);
}

/* A duration: one or more NUMBER UNIT parts, units d, h, m, s ("1h30m"). */
static bool parse_duration(const char *text, int64_t *out)
{
	static const char units[] = "dhms";
	static const int64_t seconds[] = { 86400, 3600, 60, 1 };
	int64_t total = 0;
	const char *p = text;
	do {
		int64_t n = 0;
		const char *start = p;
		while (*p >= '0' && *p <= '9' && n < 1000000)
			n = n * 10 + (*p++ - '0');
		const char *unit = *p ? strchr(units, *p) : NULL;
		if (p == start || !unit)
			return false;
		total += n * seconds[unit - units];
		p++;
	} while (*p);
	*out = total;
	return total > 0;
}

static void load_stale(mloader *l, const ynode *node, natrisk_indicator *ind)
{
	const char *text = ytext(l->doc, node, "stale");
	if (text && parse_duration(text, &ind->stale_seconds))
		return;
	if (text)
		yerror(l->doc, node, "stale must be a duration such as 3h, "
		       "90m or 1d, not '%s'", text);
	l->ok = false;
}

static void load_indicator(mloader *l, const ynode *item,
                           natrisk_indicator *ind)
{
	ind->line = item->line;
	ind->column = item->column;
	ind->stale_seconds = 3600;
	ind->title = monitor_keep_text(l, ymap_get(item, "title"), "title",
	                               YTEXT_TITLE);
	const ynode *node;
	if ((node = ymap_get(item, "scenarios")))
		load_scenarios(l, node, ind);
	if ((node = ymap_get(item, "feed")))
		load_feed(l, node, ind);
	if ((node = ymap_get(item, "stale")))
		load_stale(l, node, ind);
	if ((node = ymap_get(item, "levels")))
		monitor_load_levels(l, node, ind);
}

static void load_indicators(mloader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*title", "scenarios",
		                            "*feed", "stale", "*levels",
		                            NULL };
	natrisk_monitor *m = l->m;
	if (!yexpect(l->doc, node, YNODE_SEQ, "indicators")) {
		l->ok = false;
		return;
	}
	m->indicators = monitor_array(l, node->count, sizeof *m->indicators);
	const ynode **ids = monitor_array(l, node->count, sizeof *ids);
	if (!m->indicators || !ids)
		return;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "an indicator")) {
			l->ok = false;
			if (item->kind != YNODE_MAP)
				continue;
		}
		natrisk_indicator *ind = &m->indicators[m->indicator_count];
		ids[i] = ymap_get(item, "id");
		const char *id = ids[i] ? yid(l->doc, ids[i], "indicator id")
		                        : NULL;
		if (!id) {
			l->ok = false;
			continue;
		}
		ind->id = arena_strdup(&m->arena, id);
		load_indicator(l, item, ind);
		m->indicator_count++;
	}
	if (!ycheck_unique(l->doc, ids, node->count, "indicator id"))
		l->ok = false;
}

static void load_sender(mloader *l, const ynode *node)
{
	const char *text = ytext(l->doc, node, "sender");
	if (text && natrisk_cap_id_valid(text)) {
		l->m->sender = arena_strdup(&l->m->arena, text);
		return;
	}
	if (text)
		yerror(l->doc, node, "a CAP sender has no spaces, commas, "
		       "'<' or '&': '%s'", text);
	l->ok = false;
}

static void load_top(mloader *l, const ynode *root)
{
	static const char *const keys[] = { "*natrisk", "*monitor",
		                            "assessment", "*sender",
		                            "*indicators", NULL };
	if (!ycheck_map(l->doc, root, keys, "the monitor")) {
		l->ok = false;
		if (root->kind != YNODE_MAP)
			return;
	}
	const ynode *node = ymap_get(root, "natrisk");
	if (node && !yversion(l->doc, node, "natrisk", "format version"))
		l->ok = false;
	l->m->title = monitor_keep_text(l, ymap_get(root, "monitor"),
	                                "monitor", YTEXT_TITLE);
	if ((node = ymap_get(root, "sender")))
		load_sender(l, node);
	if ((node = ymap_get(root, "assessment")))
		load_assessment(l, node);
	if ((node = ymap_get(root, "indicators")))
		load_indicators(l, node);
}

int natrisk_monitor_load_buffer(natrisk_monitor **out, const char *name,
                                const char *buf, size_t len,
                                natrisk_diag *diag)
{
	*out = NULL;
	ydoc doc;
	size_t errors_before = natrisk_diag_error_count(diag);
	int rc = ydoc_parse(&doc, name, buf, len, diag);
	natrisk_monitor *m = rc == 0 ? arena_owned_new(sizeof *m) : NULL;
	if (!m) {
		ydoc_release(&doc);
		return rc == -1 ? error_set(NATRISK_EINVALID,
		                            "%s: invalid monitor", name)
		                : error_set(NATRISK_ENOMEM, "out of memory");
	}
	mloader l = { .doc = &doc, .m = m, .ok = true };
	m->path = arena_strdup(&m->arena, name);
	load_top(&l, doc.root);
	natrisk_assessment_free(l.assessment);
	bool out_of_memory = ydoc_out_of_memory(&doc) || m->arena.out_of_memory;
	ydoc_release(&doc);
	if (out_of_memory) {
		natrisk_monitor_free(m);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	if (!l.ok || natrisk_diag_error_count(diag) > errors_before) {
		natrisk_monitor_free(m);
		return error_set(NATRISK_EINVALID, "%s: invalid monitor", name);
	}
	*out = m;
	return NATRISK_OK;
}

int natrisk_monitor_load(natrisk_monitor **out, const char *path,
                         natrisk_diag *diag)
{
	*out = NULL;
	char *data;
	size_t len;
	int rc = file_read(path, &data, &len);
	if (rc != 0)
		return rc;
	rc = natrisk_monitor_load_buffer(out, path, data, len, diag);
	free(data);
	return rc;
}

/* What natrisk_monitor_detect() has seen of the top-level keys. */
typedef struct monitor_keys {
	bool monitor, scenarios;
} monitor_keys;

static bool detect_key(const char *key, size_t len, const char *value,
                       size_t value_len, void *ctx)
{
	(void)value, (void)value_len;
	monitor_keys *seen = ctx;
	seen->monitor |= len == 7 && memcmp(key, "monitor", 7) == 0;
	seen->scenarios |= len == 9 && memcmp(key, "scenarios", 9) == 0;
	/* an assessment, whatever follows; a plan too (natrisk_plan_detect
	 * stops there as well): a plan's thousands of lines have no
	 * `scenarios` to stop at, and reading them all cost check a third
	 * of its time */
	return !seen->scenarios && !(len == 4 && memcmp(key, "plan", 4) == 0);
}

/* From the parser's events, without building the tree (ytop_keys): check
 * runs this on every file, and a second whole parse doubled its time. A
 * text that fails after its `monitor` key is the monitor loader's to
 * explain. The keys are read up to `scenarios` or `plan`. */
int natrisk_monitor_detect(const char *path)
{
	monitor_keys seen = { false, false };
	ytop_file_keys(path, detect_key, &seen);
	return seen.monitor && !seen.scenarios;
}
