/*
 * audit_files.c - the two files of the audit log that live outside the
 * database: the key (made once, 0600, never replaced) and the anchor
 * (replaced as a whole through a temporary file, fsync and rename, so
 * that a crash leaves the old anchor or the new one, never half of one;
 * its writers take turns through flock on a lock file beside it).
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/error.h"
#include "audit.h"
#include "db.h"

enum { SMALL_FILE = 512 };

static const char anchor_magic[] = "natrisk audit anchor";

/* Up to SIZE - 1 bytes of PATH, NUL-terminated; -errno on failure. */
static int read_small(const char *path, char *out, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t got = read(fd, out, size - 1);
	int saved = errno;
	close(fd);
	if (got < 0)
		return -saved;
	out[got] = '\0';
	return 0;
}

/* All of LEN bytes to FD, then fsync. */
static bool write_synced(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t wrote = write(fd, data, len);
		if (wrote < 0 && errno == EINTR)
			continue;
		if (wrote <= 0)
			return false;
		data += wrote;
		len -= (size_t)wrote;
	}
	return fsync(fd) == 0;
}

/* The directory of PATH synced, so that a new name in it survives a
 * crash. */
static void sync_directory(const char *path)
{
	char dir[4096];
	db_directory_of(path, dir, sizeof dir);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static bool parse_hex(const char *text, unsigned char *out, size_t len)
{
	size_t used = 0;
	return strlen(text) == 2 * len &&
	       sodium_hex2bin(out, len, text, 2 * len, NULL, &used, NULL) ==
	               0 &&
	       used == len;
}

int audit_key_read(const char *path, unsigned char key[AUDIT_KEY_BYTES])
{
	char text[SMALL_FILE];
	int rc = read_small(path, text, sizeof text);
	if (rc == -ENOENT)
		return error_set(NATRISK_ENOTFOUND, "the audit key %s is "
		                 "missing", path);
	if (rc != 0)
		return error_set(NATRISK_EIO, "cannot read the audit key %s: %s",
		                 path, strerror(-rc));
	text[strcspn(text, "\r\n")] = '\0';
	bool ok = parse_hex(text, key, AUDIT_KEY_BYTES);
	sodium_memzero(text, sizeof text);
	if (!ok)
		return error_set(NATRISK_EINVALID, "%s is not an audit key (64 "
		                 "hexadecimal digits)", path);
	return 0;
}

int audit_key_create(const char *path, unsigned char key[AUDIT_KEY_BYTES])
{
	char text[AUDIT_TEXT + 1];
	randombytes_buf(key, AUDIT_KEY_BYTES);
	sodium_bin2hex(text, AUDIT_TEXT, key, AUDIT_KEY_BYTES);
	strcat(text, "\n");
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return error_set(NATRISK_EIO, "cannot make the audit key %s: %s",
		                 path, strerror(errno));
	bool ok = write_synced(fd, text, strlen(text));
	int saved = errno;
	sodium_memzero(text, sizeof text);
	if (close(fd) != 0 || !ok) {
		unlink(path);
		return error_set(NATRISK_EIO, "cannot write the audit key %s: %s",
		                 path, strerror(saved));
	}
	sync_directory(path);
	return 0;
}

static void anchor_mac(const unsigned char *key, const audit_anchor *a,
                       char out[AUDIT_TEXT])
{
	/* the anchor's own domain: no entry's MAC can pass for it */
	char entries[24];
	snprintf(entries, sizeof entries, "%lld", (long long)a->entries);
	const char *fields[] = { anchor_magic, entries, a->head };
	audit_digest(key, fields, 3, out);
}

static int parse_anchor(const char *path, const char *text,
                        const unsigned char *key, audit_anchor *out)
{
	long long entries = -1;
	char head[AUDIT_TEXT], mac[AUDIT_TEXT], expected[AUDIT_TEXT];
	int end = 0;
	if (sscanf(text, "natrisk audit anchor\nentries %lld\nhead %64[0-9a-f]"
	                 "\nmac %64[0-9a-f]\n%n", &entries, head, mac,
	           &end) != 3 || end == 0 || text[end] || entries < 0 ||
	    strlen(head) != AUDIT_TEXT - 1 || strlen(mac) != AUDIT_TEXT - 1)
		return error_set(NATRISK_EINVALID, "%s is not an audit anchor",
		                 path);
	out->entries = entries;
	memcpy(out->head, head, AUDIT_TEXT);
	anchor_mac(key, out, expected);
	if (sodium_memcmp(expected, mac, AUDIT_TEXT - 1) != 0)
		return error_set(NATRISK_EINVALID, "the audit anchor %s does not "
		                 "fit the audit key: a wrong key, or an anchor "
		                 "that natrisk did not write", path);
	return 0;
}

int audit_anchor_read(const char *path, const unsigned char *key,
                      audit_anchor *out)
{
	char text[SMALL_FILE];
	int rc = read_small(path, text, sizeof text);
	if (rc == -ENOENT)
		return error_set(NATRISK_ENOTFOUND, "the audit anchor %s is "
		                 "missing", path);
	if (rc != 0)
		return error_set(NATRISK_EIO, "cannot read the audit anchor %s: "
		                 "%s", path, strerror(-rc));
	return parse_anchor(path, text, key, out);
}

int audit_anchor_write(const char *path, const unsigned char *key,
                       const audit_anchor *a)
{
	char mac[AUDIT_TEXT], text[SMALL_FILE];
	anchor_mac(key, a, mac);
	int len = snprintf(text, sizeof text, "%s\nentries %lld\nhead %s\n"
	                   "mac %s\n", anchor_magic, (long long)a->entries,
	                   a->head, mac);
	char *tmp = malloc(strlen(path) + 16);
	if (!tmp)
		return error_set(NATRISK_ENOMEM, "out of memory");
	sprintf(tmp, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	bool ok = fd >= 0 && fchmod(fd, 0644) == 0 &&
	          write_synced(fd, text, (size_t)len);
	int saved = errno;
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0) {
		saved = errno;
		ok = false;
	}
	if (!ok && fd >= 0)
		unlink(tmp);
	free(tmp);
	if (!ok)
		return error_set(NATRISK_EIO, "cannot write the audit anchor %s: "
		                 "%s", path, strerror(saved));
	sync_directory(path);
	return 0;
}

int audit_anchor_lock(const char *path)
{
	char lock[4096];
	snprintf(lock, sizeof lock, "%s.lock", path);
	int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		error_set(NATRISK_EIO, "cannot open the lock %s: %s", lock,
		          strerror(errno));
		return -1;
	}
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			error_set(NATRISK_EIO, "cannot lock %s: %s", lock,
			          strerror(errno));
			close(fd);
			return -1;
		}
	}
	return fd;
}

void audit_anchor_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* and with it the lock */
}

int audit_anchor_advance(const char *path, const unsigned char *key,
                         const audit_anchor *a)
{
	int fd = audit_anchor_lock(path);
	if (fd < 0)
		return NATRISK_EIO;
	audit_anchor now;
	int rc = audit_anchor_read(path, key, &now);
	if (rc == 0 && now.entries < a->entries)
		rc = audit_anchor_write(path, key, a);
	audit_anchor_unlock(fd);
	return rc;
}
