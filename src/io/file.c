/*
 * file.c - see file.h.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <natrisk/common.h>

#include "../core/error.h"

int file_read(const char *path, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_set(NATRISK_EIO, "%s: cannot open: %s", path,
		                 strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return error_set(NATRISK_EIO, "%s: is a directory", path);
	}
	size_t capacity = 65536, used = 0;
	char *buf = malloc(capacity);
	while (buf) {
		if (used + 1 >= capacity) {
			if (capacity > NATRISK_MAX_INPUT) {
				free(buf);
				fclose(f);
				return error_set(NATRISK_EIO, "%s: larger than "
				                 "%u MB", path,
				                 NATRISK_MAX_INPUT >> 20);
			}
			char *bigger = realloc(buf, capacity * 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			capacity *= 2;
		}
		size_t got = fread(buf + used, 1, capacity - used - 1, f);
		used += got;
		if (got == 0)
			break;
	}
	int failed = ferror(f);
	fclose(f);
	if (!buf)
		return error_set(NATRISK_ENOMEM, "%s: out of memory", path);
	if (failed) {
		free(buf);
		return error_set(NATRISK_EIO, "%s: read error", path);
	}
	buf[used] = '\0';
	*data = buf;
	*len = used;
	return NATRISK_OK;
}

int file_write_atomic(const char *path, const void *data, size_t len)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp)
		return error_set(NATRISK_ENOMEM, "out of memory");
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp-XXXXXX", 12);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int code = error_set(NATRISK_EIO, "%s: cannot write: %s", path,
		                     strerror(errno));
		free(tmp);
		return code;
	}
	const char *p = data;
	size_t left = len;
	while (left > 0) {
		ssize_t wrote = write(fd, p, left);
		if (wrote < 0 && errno == EINTR)
			continue;
		if (wrote <= 0)
			break;
		p += wrote;
		left -= (size_t)wrote;
	}
	int saved = errno;
	/* mkstemp makes the file 0600; outputs are ordinary files. */
	mode_t mask = umask(0);
	umask(mask);
	int ok = left == 0 && fchmod(fd, 0666 & ~mask) == 0;
	if (close(fd) != 0)
		ok = 0;
	if (ok && rename(tmp, path) != 0) {
		saved = errno;
		ok = 0;
	}
	if (!ok) {
		unlink(tmp);
		free(tmp);
		return error_set(NATRISK_EIO, "%s: cannot write: %s", path,
		                 strerror(saved));
	}
	free(tmp);
	return NATRISK_OK;
}

char *path_dirname(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}
