/*
 * writable.c - whether a store can be written, asked before it is opened
 * for writing: SQLite would open a read-only file read-only without a
 * word and fail at the first write ("attempt to write a readonly
 * database", naming neither the file nor the reason), so that a server
 * would start and then refuse every change.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/error.h"
#include "db.h"

void db_directory_of(const char *path, char *out, size_t size)
{
	snprintf(out, size, "%s", path);
	char *slash = strrchr(out, '/');
	if (!slash)
		snprintf(out, size, ".");
	else
		slash[slash == out] = '\0'; /* "/db" lives in "/" */
}

int db_check_writable(const char *path)
{
	char dir[4096];
	struct stat st;
	db_directory_of(path, dir, sizeof dir);
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return error_set(NATRISK_EINVALID, "%s is a directory, "
			                 "not a store: --db names the store's file",
			                 path);
		if (!S_ISREG(st.st_mode))
			return error_set(NATRISK_EINVALID, "%s is not a regular "
			                 "file, so it cannot be a store", path);
		if (faccessat(AT_FDCWD, path, R_OK | W_OK, AT_EACCESS) != 0)
			return error_set(NATRISK_EIO, "cannot write the store %s: "
			                 "%s (the file is read-only for this "
			                 "user)", path, strerror(errno));
	} else if (errno != ENOENT) {
		return error_set(NATRISK_EIO, "cannot open the store %s: %s",
		                 path, strerror(errno));
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return error_set(NATRISK_EIO, "cannot open the store %s: its "
		                 "directory %s does not exist", path, dir);
	if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0)
		return error_set(NATRISK_EIO, "cannot write the store %s: its "
		                 "directory %s is read-only for this user (%s), "
		                 "and SQLite keeps the store's -wal and -shm files "
		                 "there, natrisk the audit anchor", path, dir,
		                 strerror(errno));
	return 0;
}
