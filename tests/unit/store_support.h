/*
 * store_support.h - what the store's unit tests share beside
 * unit_support.h: SQL run on a store's file behind its back, as a
 * tamperer or an older natrisk would.
 */
#ifndef NATRISK_STORE_SUPPORT_H
#define NATRISK_STORE_SUPPORT_H

#include <sqlite3.h>

/* Runs SQL on the database at PATH with a connection of its own;
 * SQLite's result code. */
static inline int raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc = sqlite3_open(path, &db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

#endif
