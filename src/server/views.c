/*
 * views.c - see views.h.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/diagram.h>
#include <natrisk/membuf.h>
#include <natrisk/output.h>
#include <natrisk/report.h>

#include "../core/error.h"
#include "authz.h"
#include "views.h"

enum { CACHE_SLOTS = 256 };

typedef struct cached_view {
	int64_t id, version;
	/* the edition compared with (diagrams and reports), as the reader
	 * sees it: its id and version, or 0 */
	int64_t previous, previous_version;
	natrisk_classification clearance;
	view_kind kind;
	char profile[65];
	shared_bytes *body;
	bool used;
} cached_view;

struct results_cache {
	pthread_mutex_t lock;
	cached_view slots[CACHE_SLOTS];
};

results_cache *results_cache_new(void)
{
	results_cache *c = calloc(1, sizeof *c);
	if (c)
		pthread_mutex_init(&c->lock, NULL);
	return c;
}

void results_cache_free(results_cache *c)
{
	if (!c)
		return;
	for (size_t k = 0; k < CACHE_SLOTS; k++)
		shared_bytes_release(c->slots[k].body);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static size_t slot_of(const cached_view *key)
{
	uint64_t h = (uint64_t)key->id * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)key->clearance * 31 + (uint64_t)key->kind * 7;
	for (const char *p = key->profile; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	return (size_t)(h % CACHE_SLOTS);
}

static bool same_key(const cached_view *a, const cached_view *b)
{
	return a->used && a->id == b->id && a->version == b->version &&
	       a->previous == b->previous &&
	       a->previous_version == b->previous_version &&
	       a->clearance == b->clearance && a->kind == b->kind &&
	       strcmp(a->profile, b->profile) == 0;
}

/* The cached body, held for the caller, or NULL. */
static shared_bytes *cache_get(results_cache *c, const cached_view *key)
{
	shared_bytes *found = NULL;
	pthread_mutex_lock(&c->lock);
	const cached_view *e = &c->slots[slot_of(key)];
	if (same_key(e, key))
		found = shared_bytes_hold(e->body);
	pthread_mutex_unlock(&c->lock);
	return found;
}

/* Keeps BODY under KEY (a reference of its own); what the slot held
 * before is let go outside the lock. */
static void cache_put(results_cache *c, const cached_view *key,
                      shared_bytes *body)
{
	pthread_mutex_lock(&c->lock);
	cached_view *e = &c->slots[slot_of(key)];
	shared_bytes *old = e->body;
	*e = *key;
	e->body = shared_bytes_hold(body);
	e->used = true;
	pthread_mutex_unlock(&c->lock);
	shared_bytes_release(old);
}

int view_assessment(server *srv, int64_t id,
                    natrisk_classification clearance,
                    natrisk_assessment **out)
{
	*out = NULL;
	char *yaml;
	size_t len, shown;
	int rc = natrisk_store_export(srv->store, id, clearance, &yaml, &len,
	                              &shown);
	if (rc != 0)
		return rc;
	/* Nothing the clearance may see: the empty view, no assessment. */
	if (shown > 0) {
		natrisk_diag *diag = natrisk_diag_new();
		static const natrisk_load_options options = { true };
		rc = natrisk_assessment_load_options(out, "edition.yaml", yaml,
		                                     len, &options, diag);
		natrisk_diag_free(diag);
	}
	free(yaml);
	return rc;
}

/* The edition KEY compares with: its id and the version its reader
 * sees, in KEY, when there is one the reader may read and the view draws
 * movements (diagrams, reports). */
static void previous_key(request *q, const natrisk_edition_info *info,
                         cached_view *key)
{
	natrisk_edition_info before;
	if (key->kind == VIEW_RESULTS || !info->previous ||
	    natrisk_store_edition(q->srv->store, info->previous, &before) != 0 ||
	    !authz_may_read_edition(&q->user, &before))
		return;
	key->previous = before.id;
	key->previous_version = natrisk_edition_version_for(&before,
	                                                    q->user.clearance);
}

/* The results of the previous edition of KEY under CURRENT's profile, or
 * NULL (with nothing of it the reader may see, or none). */
static int previous_results(server *srv, const cached_view *key,
                            const natrisk_results *current,
                            natrisk_assessment **a, natrisk_results **out)
{
	*a = NULL;
	*out = NULL;
	if (!key->previous)
		return 0;
	int rc = view_assessment(srv, key->previous, key->clearance, a);
	if (rc == 0 && *a)
		rc = natrisk_results_new_like(out, *a, current);
	return rc;
}

/* R as KIND, with the movements since BEFORE (may be NULL). */
static int write_view(view_kind kind, const natrisk_results *r,
                      const natrisk_results *before, natrisk_lang lang,
                      FILE *out)
{
	if (kind == VIEW_RESULTS)
		return natrisk_results_write(r, NATRISK_FORMAT_JSON, lang, out);
	if (kind == VIEW_REPORT) {
		natrisk_report_options options = { .lang = lang,
			                           .previous = before };
		return natrisk_report_write(r, &options, out);
	}
	natrisk_diagram_options options = { .lang = lang, .previous = before };
	natrisk_scene *scene;
	int rc = natrisk_diagram_scene(&scene, r, &options);
	if (rc == 0)
		rc = natrisk_scene_write_svg(scene, false, out);
	natrisk_scene_free(scene);
	return rc;
}

/* The edition's view rendered as KIND under PROFILE (NULL: the default). */
static int render(server *srv, const cached_view *key, natrisk_assessment *a,
                  const char *profile, natrisk_lang lang, FILE *out)
{
	view_kind kind = key->kind;
	const natrisk_method *m = natrisk_assessment_method(a);
	long index = profile ? natrisk_method_find_profile(m, profile)
	                     : (long)natrisk_method_default_profile(m);
	if (index < 0)
		return error_set(NATRISK_ENOTFOUND, "no weight profile '%s'",
		                 profile);
	natrisk_results *r, *before = NULL;
	natrisk_assessment *then = NULL;
	int rc = natrisk_results_new(&r, a, (size_t)index);
	if (rc != 0)
		return rc;
	if (kind != VIEW_RESULTS)
		rc = previous_results(srv, key, r, &then, &before);
	if (rc == 0)
		rc = write_view(kind, r, before, lang, out);
	natrisk_results_free(before);
	natrisk_assessment_free(then);
	natrisk_results_free(r);
	return rc;
}

static const char *const content_types[VIEW_KINDS] = {
	"application/json", "image/svg+xml", "text/html; charset=utf-8",
};

/* The results of an edition whose every scenario is hidden from the
 * reader: the assess document with no scenarios, under the profile asked
 * for (which must exist, as for any results). */
static int reply_empty(request *q, reply *r, view_kind kind,
                       const natrisk_edition_info *info, const char *profile)
{
	if (kind != VIEW_RESULTS)
		return reply_error(r, 404, "the edition has no scenario you "
		                   "may see");
	natrisk_method *m;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_method_load(&m, info->method, NULL, diag);
	natrisk_diag_free(diag);
	if (rc != 0)
		return reply_failure(r, rc);
	long index = profile ? natrisk_method_find_profile(m, profile)
	                     : (long)natrisk_method_default_profile(m);
	json_t *doc = index < 0 ? NULL : json_pack("{s:s}", "title", info->title);
	if (doc && info->edition[0])
		json_object_set_new(doc, "edition", json_string(info->edition));
	if (doc) {
		json_object_set_new(doc, "method", json_string(info->method));
		json_object_set_new(doc, "weights", json_string(
			natrisk_method_profile(m, (size_t)index)->id));
		json_object_set_new(doc, "scenarios", json_array());
	}
	natrisk_method_free(m);
	if (index < 0)
		return reply_error(r, 404, "no weight profile '%s'", profile);
	char *text = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER)
	                 : NULL;
	json_decref(doc);
	size_t len = text ? strlen(text) : 0;
	char *line = text ? realloc(text, len + 2) : NULL; /* as the CLI: \n */
	if (!line) {
		free(text);
		return reply_failure(r, NATRISK_ENOMEM);
	}
	memcpy(line + len, "\n", 2);
	return reply_take(r, 200, "application/json", line, len + 1);
}

int view_reply(request *q, reply *r, view_kind kind)
{
	const char *profile = MHD_lookup_connection_value(
		q->connection, MHD_GET_ARGUMENT_KIND, "weights");
	const char *lang_text = MHD_lookup_connection_value(
		q->connection, MHD_GET_ARGUMENT_KIND, "lang");
	natrisk_lang lang = lang_text && strcmp(lang_text, "nl") == 0
	                            ? NATRISK_LANG_NL
	                            : NATRISK_LANG_EN;
	natrisk_edition_info info;
	int rc = request_edition(q, &info);
	if (rc != 0)
		return reply_failure(r, rc);
	cached_view key = { .id = q->edition_id,
		            .version = natrisk_edition_version_for(
				    &info, q->user.clearance),
		            .clearance = q->user.clearance, .kind = kind };
	snprintf(key.profile, sizeof key.profile, "%s/%s",
	         profile ? profile : "", lang == NATRISK_LANG_NL ? "nl" : "en");
	previous_key(q, &info, &key);
	shared_bytes *cached = cache_get(q->srv->results, &key);
	if (cached)
		return reply_shared(r, 200, content_types[kind], cached);
	natrisk_assessment *a;
	if ((rc = view_assessment(q->srv, q->edition_id, q->user.clearance,
	                          &a)) != 0)
		return reply_failure(r, rc);
	if (!a)
		return reply_empty(q, r, kind, &info, profile);
	natrisk_membuf buffer = { 0 };
	FILE *out = natrisk_membuf_open(&buffer);
	rc = out ? render(q->srv, &key, a, profile, lang, out) : NATRISK_ENOMEM;
	natrisk_assessment_free(a);
	if (out && natrisk_membuf_close(&buffer, out) != 0 && rc == 0)
		rc = NATRISK_ENOMEM;
	if (rc != 0) {
		free(buffer.data);
		return reply_failure(r, rc);
	}
	shared_bytes *body = shared_bytes_new(buffer.data, buffer.len);
	if (!body)
		return reply_failure(r, error_set(NATRISK_ENOMEM,
		                                  "out of memory"));
	cache_put(q->srv->results, &key, body);
	return reply_shared(r, 200, content_types[kind], body);
}
