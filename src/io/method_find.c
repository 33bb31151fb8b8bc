/*
 * method_find.c - resolving a method reference (an id or a path) to a
 * loaded method, in the order of docs/method-format.md: a path; then
 * $NATRISK_METHOD_PATH; then the installed data directory; then the copy
 * embedded in the binary.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/error.h"
#include "../core/model.h"
#include "embedded.h"
#include "file.h"

#ifndef NATRISK_DATADIR
#define NATRISK_DATADIR "/usr/local/share/natrisk"
#endif

static bool ends_with(const char *text, const char *suffix)
{
	size_t n = strlen(text), m = strlen(suffix);
	return n >= m && strcmp(text + n - m, suffix) == 0;
}

bool natrisk_method_ref_is_path(const char *ref)
{
	return strchr(ref, '/') || ends_with(ref, ".yaml") ||
	       ends_with(ref, ".yml");
}

static bool is_id(const char *ref)
{
	if (!*ref || strlen(ref) > 64)
		return false;
	for (const char *p = ref; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      (*p == '-' && p != ref)))
			return false;
	return true;
}

/* Where a reference leads: a file on disk, or a bundled copy. */
typedef struct method_source {
	char *path;                          /* malloc'd, or NULL */
	const struct embedded_file *embedded; /* or NULL */
} method_source;

static char *join_path(const char *dir, size_t dir_len, const char *name,
                       const char *suffix)
{
	size_t n = dir_len + strlen(name) + strlen(suffix) + 2;
	char *path = malloc(n);
	if (path)
		snprintf(path, n, "%.*s/%s%s", (int)dir_len, dir, name, suffix);
	return path;
}

/* ID.yaml in DIR, if that file exists: 1 found, 0 not, or
 * NATRISK_ENOMEM. */
static int try_dir(method_source *src, const char *dir, size_t dir_len,
                   const char *id)
{
	char *path = join_path(dir, dir_len, id, ".yaml");
	if (!path)
		return error_set(NATRISK_ENOMEM, "out of memory");
	if (access(path, F_OK) == 0) {
		src->path = path;
		return 1;
	}
	free(path);
	return 0;
}

static int find_by_id(method_source *src, const char *id)
{
	const char *search = getenv("NATRISK_METHOD_PATH");
	int found = 0;
	while (search && *search && !found) {
		size_t len = strcspn(search, ":");
		if (len)
			found = try_dir(src, search, len, id);
		search += len + (search[len] == ':');
	}
	const char *data = NATRISK_DATADIR "/methods";
	if (!found)
		found = try_dir(src, data, strlen(data), id);
	if (found)
		return found > 0 ? NATRISK_OK : found;
	size_t id_len = strlen(id);
	for (const struct embedded_file *f = embedded_methods; f->name; f++)
		if (strncmp(f->name, id, id_len) == 0 &&
		    strcmp(f->name + id_len, ".yaml") == 0) {
			src->embedded = f;
			return NATRISK_OK;
		}
	char known[256] = "";
	for (const char *const *b = natrisk_method_bundled_ids(); *b; b++) {
		strncat(known, b == natrisk_method_bundled_ids() ? "" : ", ",
		        sizeof known - strlen(known) - 1);
		strncat(known, *b, sizeof known - strlen(known) - 1);
	}
	return error_set(NATRISK_ENOTFOUND, "unknown method '%s' (bundled: "
	                 "%s; or give a path to a method file)", id, known);
}

static int find_method(method_source *src, const char *ref,
                       const char *base_dir)
{
	src->path = NULL;
	src->embedded = NULL;
	if (natrisk_method_ref_is_path(ref)) {
		if (ref[0] == '/' || !base_dir || !*base_dir)
			src->path = strdup(ref);
		else
			src->path = join_path(base_dir, strlen(base_dir), ref, "");
		return src->path ? NATRISK_OK
		                 : error_set(NATRISK_ENOMEM, "out of memory");
	}
	if (!is_id(ref))
		return error_set(NATRISK_ENOTFOUND, "'%s' is neither a method "
		                 "id nor a path to a method file", ref);
	return find_by_id(src, ref);
}

int natrisk_method_read_source(const char *ref, const char *base_dir,
                               char **data, size_t *len, char **origin)
{
	method_source src;
	int rc = find_method(&src, ref, base_dir);
	*data = NULL;
	*origin = NULL;
	if (rc != 0)
		return rc;
	if (src.path) {
		rc = file_read(src.path, data, len);
		if (rc == 0)
			*origin = src.path;
		else
			free(src.path);
		return rc;
	}
	*data = strndup((const char *)src.embedded->data, src.embedded->len);
	*len = src.embedded->len;
	*origin = malloc(strlen(src.embedded->name) + 11);
	if (!*data || !*origin) {
		free(*data), free(*origin);
		*data = *origin = NULL;
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	sprintf(*origin, "(bundled)/%s", src.embedded->name);
	return NATRISK_OK;
}

int natrisk_method_load(natrisk_method **out, const char *ref,
                        const char *base_dir, natrisk_diag *diag)
{
	*out = NULL;
	char *data, *origin;
	size_t len;
	int rc = natrisk_method_read_source(ref, base_dir, &data, &len, &origin);
	if (rc != 0)
		return rc;
	rc = natrisk_method_load_buffer(out, origin, data, len, diag);
	free(data);
	free(origin);
	return rc;
}

const char *const *natrisk_method_bundled_ids(void)
{
	static const char *const ids[] = { "nrb-2008", "gra-2019", "rbra-2022",
		                           NULL };
	return ids;
}
