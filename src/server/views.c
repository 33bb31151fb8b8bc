/*
 * views.c - see views.h. Two limits keep a view's cost bounded: a diagram
 * or report is drawn for at most VIEW_MAX_SCENARIOS scenarios (drawing
 * grows faster than the number of scenarios: 8,000 take 1.2 GB and 17 s,
 * 20,000 6.7 GB and 90 s), and no view is kept past VIEW_MAX_BYTES while
 * it is written (long rationales make a report large whatever the count).
 * Past either, the answer is a 413 saying so, never a half or empty view.
 */
#define _GNU_SOURCE /* fopencookie */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <natrisk/diagram.h>
#include <natrisk/membuf.h>
#include <natrisk/output.h>
#include <natrisk/report.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "authz.h"
#include "views.h"

enum { CACHE_SLOTS = 256, METHOD_SLOTS = 16, VIEW_MAX_SCENARIOS = 2000 };
#define VIEW_MAX_BYTES ((size_t)64 << 20)
/* what the cache may hold in all: a view beyond is answered, not kept */
#define CACHE_MAX_BYTES ((size_t)512 << 20)

/* A view's key: what makes two views the same bytes. The weight profile
 * is the resolved id (no weights: the method's default, by name) and the
 * language the one used, so that every way of asking for the same view
 * finds the same entry. */
typedef struct cached_view {
	int64_t id, version;
	/* the edition compared with (diagrams and reports), as the reader
	 * sees it: its id and version, or 0 */
	int64_t previous, previous_version;
	natrisk_classification clearance;
	view_kind kind;
	natrisk_lang lang;
	char profile[128];
	/* the report's banner: the edition's status (static text) and the
	 * day it was made, so that a report is made afresh each day */
	const char *status;
	char date[11];
	shared_bytes *body;
	bool used;
} cached_view;

struct results_cache {
	pthread_mutex_t lock;
	cached_view slots[CACHE_SLOTS];
	size_t held;              /* bytes of the bodies in the slots */
	/* the methods of the editions, loaded once and never let go (a
	 * handful at most): a slot's name is written before its method is
	 * published, so that readers need no lock */
	pthread_mutex_t methods_lock;
	char method_names[METHOD_SLOTS][128];
	_Atomic(natrisk_method *) methods[METHOD_SLOTS];
};

results_cache *results_cache_new(void)
{
	results_cache *c = calloc(1, sizeof *c);
	if (c) {
		pthread_mutex_init(&c->lock, NULL);
		pthread_mutex_init(&c->methods_lock, NULL);
	}
	return c;
}

void results_cache_free(results_cache *c)
{
	if (!c)
		return;
	for (size_t k = 0; k < CACHE_SLOTS; k++)
		shared_bytes_release(c->slots[k].body);
	for (size_t k = 0; k < METHOD_SLOTS; k++)
		natrisk_method_free(atomic_load(&c->methods[k]));
	pthread_mutex_destroy(&c->methods_lock);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static size_t slot_of(const cached_view *key)
{
	uint64_t h = (uint64_t)key->id * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)key->clearance * 31 + (uint64_t)key->kind * 7 +
	     (uint64_t)key->lang * 131;
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
	       a->lang == b->lang && strcmp(a->profile, b->profile) == 0 &&
	       strcmp(a->date, b->date) == 0;
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

/* Keeps BODY under KEY (a reference of its own), unless the cache would
 * hold more than CACHE_MAX_BYTES; what the slot held before is let go
 * outside the lock. */
static void cache_put(results_cache *c, const cached_view *key,
                      shared_bytes *body)
{
	pthread_mutex_lock(&c->lock);
	cached_view *e = &c->slots[slot_of(key)];
	size_t before = e->used ? e->body->len : 0;
	shared_bytes *old = NULL;
	if (c->held - before + body->len <= CACHE_MAX_BYTES) {
		old = e->body;
		*e = *key;
		e->body = shared_bytes_hold(body);
		e->used = true;
		c->held = c->held - before + body->len;
	}
	pthread_mutex_unlock(&c->lock);
	shared_bytes_release(old);
}

/* The kept method METHOD, or NULL; *FREE the first slot not taken. */
static natrisk_method *find_method(results_cache *c, const char *method,
                                   size_t *free_slot)
{
	size_t k = 0;
	for (; k < METHOD_SLOTS; k++) {
		natrisk_method *m = atomic_load_explicit(&c->methods[k],
		                                         memory_order_acquire);
		if (!m)
			break;
		if (strcmp(c->method_names[k], method) == 0)
			return m;
	}
	*free_slot = k;
	return NULL;
}

/* The method METHOD, loaded once and kept; or, when every slot is taken,
 * loaded into *OWN for the caller to free. */
static int method_of(results_cache *c, const char *method,
                     const natrisk_method **out, natrisk_method **own)
{
	size_t k;
	*own = NULL;
	if ((*out = find_method(c, method, &k)))
		return 0;
	pthread_mutex_lock(&c->methods_lock);
	int rc = 0;
	if (!(*out = find_method(c, method, &k))) {
		natrisk_method *m;
		natrisk_diag *diag = natrisk_diag_new();
		rc = natrisk_method_load(&m, method, NULL, diag);
		natrisk_diag_free(diag);
		if (rc == 0 && k < METHOD_SLOTS &&
		    strlen(method) < sizeof *c->method_names) {
			strcpy(c->method_names[k], method);
			atomic_store_explicit(&c->methods[k], m,
			                      memory_order_release);
		} else {
			*own = m;
		}
		*out = m;
	}
	pthread_mutex_unlock(&c->methods_lock);
	return rc;
}

/* The id of PROFILE (NULL: the default) among METHOD's weight profiles,
 * into OUT: 404 when there is none of that name. */
static int resolve_profile(results_cache *c, const char *method,
                           const char *profile, char *out, size_t size)
{
	const natrisk_method *m;
	natrisk_method *own;
	int rc = method_of(c, method, &m, &own);
	if (rc == 0) {
		long index = profile ? natrisk_method_find_profile(m, profile)
		                     : (long)natrisk_method_default_profile(m);
		if (index < 0)
			rc = error_set(NATRISK_ENOTFOUND, "no weight profile "
			               "'%s'", profile);
		else
			snprintf(out, size, "%s",
			         natrisk_method_profile(m, (size_t)index)->id);
	}
	natrisk_method_free(own);
	return rc;
}

/* A stored edition that the checks of this version refuse (a score
 * valid when stored, refused since the method was made stricter): a 409
 * that names the first problem, so that a chair knows what to correct,
 * rather than a bare "invalid". */
static int stored_invalid(const natrisk_diag *diag)
{
	for (size_t k = 0; k < natrisk_diag_count(diag); k++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, k);
		if (d->severity == NATRISK_SEVERITY_ERROR)
			return error_set(NATRISK_ECONFLICT, "the stored edition "
			                 "no longer passes the checks: %s; a chair "
			                 "corrects the score", d->message);
	}
	return error_set(NATRISK_ECONFLICT, "the stored edition no longer "
	                 "passes the checks; a chair corrects its scores");
}

/* The edition's export for CLEARANCE, loaded (NULL when it shows no
 * scenario); *SHOWN scenarios. */
static int load_export(server *srv, int64_t id,
                       natrisk_classification clearance, size_t max_shown,
                       natrisk_assessment **out, size_t *shown)
{
	*out = NULL;
	char *yaml;
	size_t len;
	int rc = natrisk_store_export(srv->store, id, clearance, &yaml, &len,
	                              shown);
	if (rc != 0)
		return rc;
	/* Nothing the clearance may see: the empty view, no assessment. */
	if (*shown > 0 && *shown <= max_shown) {
		natrisk_diag *diag = natrisk_diag_new();
		static const natrisk_load_options options = { true };
		rc = natrisk_assessment_load_options(out, "edition.yaml", yaml,
		                                     len, &options, diag);
		if (rc == NATRISK_EINVALID)
			rc = stored_invalid(diag);
		natrisk_diag_free(diag);
	}
	free(yaml);
	return rc;
}

int view_assessment(server *srv, int64_t id,
                    natrisk_classification clearance,
                    natrisk_assessment **out)
{
	size_t shown;
	return load_export(srv, id, clearance, SIZE_MAX, out, &shown);
}

/* The edition KEY compares with: its id and the version its reader
 * sees, in KEY, when there is one the reader may read and the view draws
 * movements (diagrams, reports). */
static void previous_key(request *q, const natrisk_edition_info *info,
                         cached_view *key)
{
	natrisk_edition_info before = { 0 };
	if (key->kind != VIEW_RESULTS && info->previous &&
	    natrisk_store_edition(q->srv->store, info->previous, &before) == 0 &&
	    authz_may_read_edition(&q->user, &before)) {
		key->previous = before.id;
		key->previous_version = natrisk_edition_version_for(
			&before, q->user.clearance);
	}
	natrisk_edition_info_clear(&before);
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

/* R as KEY's kind, with the movements since BEFORE (may be NULL). */
static int write_view(const cached_view *key, const natrisk_results *r,
                      const natrisk_results *before, FILE *out)
{
	view_kind kind = key->kind;
	natrisk_lang lang = key->lang;
	if (kind == VIEW_RESULTS)
		return natrisk_results_write(r, NATRISK_FORMAT_JSON, lang, out);
	if (kind == VIEW_REPORT) {
		natrisk_report_options options = {
			.lang = lang, .previous = before,
			.status = key->status, .date = key->date,
		};
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

/* The edition's view KEY, rendered from A, the edition as its reader sees
 * it. */
static int render(server *srv, const cached_view *key, natrisk_assessment *a,
                  FILE *out)
{
	const natrisk_method *m = natrisk_assessment_method(a);
	long index = natrisk_method_find_profile(m, key->profile);
	if (index < 0)
		return error_set(NATRISK_ENOTFOUND, "no weight profile '%s'",
		                 key->profile);
	natrisk_results *r, *before = NULL;
	natrisk_assessment *then = NULL;
	int rc = natrisk_results_new(&r, a, (size_t)index);
	if (rc != 0)
		return rc;
	if (key->kind != VIEW_RESULTS)
		rc = previous_results(srv, key, r, &then, &before);
	if (rc == 0)
		rc = write_view(key, r, before, out);
	natrisk_results_free(before);
	natrisk_assessment_free(then);
	natrisk_results_free(r);
	return rc;
}

static const char *const content_types[VIEW_KINDS] = {
	"application/json", "image/svg+xml", "text/html; charset=utf-8",
};
/* Each view in messages, and the command of the CLI that draws it. */
static const char *const kind_names[VIEW_KINDS] = {
	MSG("results"), MSG("diagram"), MSG("report"),
};

/* A stream that passes at most VIEW_MAX_BYTES on to another, and fails
 * past them. */
typedef struct capped {
	FILE *inner;
	size_t written;
	bool over;
} capped;

static ssize_t capped_write(void *cookie, const char *data, size_t size)
{
	capped *c = cookie;
	if (c->over || size > VIEW_MAX_BYTES - c->written) {
		c->over = true;
		return -1;
	}
	c->written += size;
	return fwrite(data, 1, size, c->inner) == size ? (ssize_t)size : -1;
}

/* KEY's view of A into BUFFER: 0, an error code, or 1 after a 413 in R
 * when it would be larger than VIEW_MAX_BYTES. */
static int render_capped(server *srv, const cached_view *key,
                         natrisk_assessment *a, natrisk_membuf *buffer,
                         reply *r)
{
	view_kind kind = key->kind;
	capped cap = { .inner = natrisk_membuf_open(buffer) };
	cookie_io_functions_t functions = { .write = capped_write };
	FILE *out = cap.inner ? fopencookie(&cap, "w", functions) : NULL;
	int rc = out ? render(srv, key, a, out)
	             : error_set(NATRISK_ENOMEM, "out of memory");
	bool failed = out && fclose(out) != 0;
	if (cap.inner && natrisk_membuf_close(buffer, cap.inner) != 0)
		failed = true;
	if (cap.over) {
		reply_error(r, 413, "the %s of this edition is larger than "
		            "%zu MiB, more than the server sends",
		            msg_tr(kind_names[kind]), VIEW_MAX_BYTES >> 20);
		return 1;
	}
	if (rc == 0 && failed)
		rc = error_set(NATRISK_ENOMEM, "out of memory writing the %s",
		               msg_tr(kind_names[kind]));
	return rc;
}

/* The results of an edition whose every scenario is hidden from the
 * reader: the assess document with no scenarios, under the weight
 * profile PROFILE (resolved). */
static int reply_empty(reply *r, view_kind kind,
                       const natrisk_edition_info *info, const char *profile)
{
	if (kind != VIEW_RESULTS)
		return reply_error(r, 404, "the edition has no scenario you "
		                   "may see");
	json_t *doc = json_pack("{s:s}", "title", info->title);
	if (doc && info->edition[0])
		json_object_set_new(doc, "edition", json_string(info->edition));
	if (doc) {
		json_object_set_new(doc, "method", json_string(info->method));
		json_object_set_new(doc, "weights", json_string(profile));
		json_object_set_new(doc, "scenarios", json_array());
	}
	char *text = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER)
	                 : NULL;
	json_decref(doc);
	size_t len = text ? strlen(text) : 0;
	char *line = text ? realloc(text, len + 2) : NULL; /* as the CLI: \n */
	if (!line) {
		free(text);
		return reply_failure(r, error_set(NATRISK_ENOMEM,
		                                  "out of memory"));
	}
	memcpy(line + len, "\n", 2);
	return reply_take(r, 200, "application/json", line, len + 1);
}

/* KEY's view, drawn afresh and kept in the cache. */
static int reply_fresh(request *q, reply *r, const cached_view *key,
                       const natrisk_edition_info *info)
{
	size_t shown, most = key->kind == VIEW_RESULTS ? SIZE_MAX
	                                               : VIEW_MAX_SCENARIOS;
	natrisk_assessment *a;
	int rc = load_export(q->srv, key->id, key->clearance, most, &a, &shown);
	if (rc != 0)
		return reply_failure(r, rc);
	if (shown > most)
		return reply_error(r, 413, "the edition has %zu scenarios you "
		                   "may see; the server draws a %s of %d at "
		                   "most (export the edition and use natrisk "
		                   "%s)", shown, msg_tr(kind_names[key->kind]),
		                   VIEW_MAX_SCENARIOS, kind_names[key->kind]);
	if (!a)
		return reply_empty(r, key->kind, info, key->profile);
	natrisk_membuf buffer = { 0 };
	rc = render_capped(q->srv, key, a, &buffer, r);
	natrisk_assessment_free(a);
	if (rc != 0) {
		free(buffer.data);
		return rc > 0 ? 0 : reply_failure(r, rc);
	}
	shared_bytes *body = shared_bytes_new(buffer.data, buffer.len);
	if (!body)
		return reply_failure(r, error_set(NATRISK_ENOMEM,
		                                  "out of memory"));
	cache_put(q->srv->results, key, body);
	r->cache = "miss";
	return reply_shared(r, 200, content_types[key->kind], body);
}

int view_reply(request *q, reply *r, view_kind kind)
{
	const char *profile = MHD_lookup_connection_value(
		q->connection, MHD_GET_ARGUMENT_KIND, "weights");
	const char *lang = MHD_lookup_connection_value(
		q->connection, MHD_GET_ARGUMENT_KIND, "lang");
	const natrisk_edition_info *info;
	int rc = request_edition(q, &info);
	if (rc != 0)
		return reply_failure(r, rc);
	cached_view key = {
		.id = q->edition_id,
		.version = natrisk_edition_version_for(info, q->user.clearance),
		.clearance = q->user.clearance, .kind = kind,
		/* Dutch when asked for; anything else is English */
		.lang = lang && strcmp(lang, "nl") == 0 ? NATRISK_LANG_NL
		                                        : NATRISK_LANG_EN,
	};
	rc = resolve_profile(q->srv->results, info->method, profile,
	                     key.profile, sizeof key.profile);
	if (rc != 0)
		return reply_failure(r, rc);
	previous_key(q, info, &key);
	if (kind == VIEW_REPORT) {
		key.status = natrisk_status_name(info->status);
		time_t now = time(NULL);
		struct tm utc;
		gmtime_r(&now, &utc);
		strftime(key.date, sizeof key.date, "%Y-%m-%d", &utc);
	}
	shared_bytes *cached = cache_get(q->srv->results, &key);
	if (!cached)
		return reply_fresh(q, r, &key, info);
	r->cache = "hit";
	return reply_shared(r, 200, content_types[kind], cached);
}
