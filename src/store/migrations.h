/*
 * migrations.h - the versioned schema: migrations[v] takes a database from
 * version v to v + 1 (PRAGMA user_version). Run on open, in one
 * transaction; a database newer than this natrisk is refused.
 */
#ifndef NATRISK_STORE_MIGRATIONS_H
#define NATRISK_STORE_MIGRATIONS_H

extern const char *const migrations[];
extern const int migration_count;

#endif
