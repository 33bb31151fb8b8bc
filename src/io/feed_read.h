/*
 * feed_read.h - what the readers of feeds share (feed_read.c: JSON,
 * feed_csv.c: CSV): the observations read so far and located errors.
 */
#ifndef NATRISK_FEED_READ_H
#define NATRISK_FEED_READ_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include <natrisk/monitor.h>

typedef struct feed_reader {
	const char *name;
	const char *buf;
	size_t len;
	natrisk_diag *diag;
	natrisk_observation *obs; /* malloc'd */
	size_t count, capacity;
	bool failed;
	bool out_of_memory;
} feed_reader;

/* The line and column (1-based, in characters) of byte OFFSET of BUF. */
void feed_locate(const char *buf, size_t offset, int *line, int *column);

/* A located error at byte OFFSET; the reader has failed. */
void feed_error(feed_reader *r, size_t offset, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends an observation; false when out of memory. */
bool feed_keep(feed_reader *r, int64_t time, double value);

#endif
