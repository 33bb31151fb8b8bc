/*
 * plan_prefetch.c - the assessment a plan names, loaded on a thread of
 * its own while the plan is parsed (plan_prefetch.h). The plan's
 * `assessment` key is found from the parser's first events (ytop.c); the
 * thread loads it with diagnostics and messages of its own, in the
 * caller's language, which the loader takes over where it needs the
 * assessment, so that nothing differs from loading it there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "file.h"
#include "plan_prefetch.h"
#include "ytree.h"

char *plan_relative_path(const char *path, const char *ref)
{
	if (ref[0] == '/')
		return strdup(ref);
	char *dir = path_dirname(path);
	char *joined = dir ? malloc(strlen(dir) + strlen(ref) + 2) : NULL;
	if (joined)
		sprintf(joined, "%s/%s", dir, ref);
	free(dir);
	return joined;
}

static bool find_assessment(const char *key, size_t key_len,
                            const char *value, size_t value_len, void *ctx)
{
	char **ref = ctx;
	if (key_len != strlen("assessment") || strcmp(key, "assessment") != 0)
		return true;
	if (value && value_len && !memchr(value, '\0', value_len))
		*ref = strndup(value, value_len);
	return false;
}

static void *load(void *arg)
{
	plan_prefetch *f = arg;
	natrisk_messages_set_lang(f->lang);
	f->rc = f->text ? natrisk_assessment_load_buffer(&f->a, f->path, f->text,
	                                                 f->len, f->diag)
	                : natrisk_assessment_load(&f->a, f->path, f->diag);
	if (f->rc != 0)
		snprintf(f->message, sizeof f->message, "%s",
		         natrisk_error_last());
	return NULL;
}

void plan_prefetch_start(plan_prefetch *f, const char *name, const char *buf,
                         size_t len, const char *text, size_t text_len)
{
	memset(f, 0, sizeof *f);
	if (ytop_keys(buf, len, find_assessment, &f->ref) != 0 || !f->ref)
		return;
	f->path = plan_relative_path(name, f->ref);
	f->diag = natrisk_diag_new();
	f->text = text;
	f->len = text_len;
	f->lang = natrisk_messages_lang();
	if (f->path && f->diag)
		f->started = pthread_create(&f->thread, NULL, load, f) == 0;
}

static void wait_for(plan_prefetch *f)
{
	if (f->started)
		pthread_join(f->thread, NULL);
	f->started = false;
}

bool plan_prefetch_take(plan_prefetch *f, const char *ref, natrisk_diag *diag,
                        natrisk_assessment **out, int *rc)
{
	if (!f->started || strcmp(f->ref, ref) != 0)
		return false;
	wait_for(f);
	for (size_t i = 0; i < natrisk_diag_count(f->diag); i++) {
		const natrisk_diagnostic *d = natrisk_diag_get(f->diag, i);
		natrisk_diag_add(diag, d->severity, d->file, d->line, d->column,
		                 "%s", d->message);
	}
	*out = f->a;
	*rc = f->rc;
	f->a = NULL;
	if (*rc != 0)
		error_set(*rc, "%s", f->message);
	return true;
}

void plan_prefetch_end(plan_prefetch *f)
{
	wait_for(f);
	natrisk_assessment_free(f->a);
	natrisk_diag_free(f->diag);
	free(f->path);
	free(f->ref);
	memset(f, 0, sizeof *f);
}
