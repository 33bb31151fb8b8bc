/*
 * error.h - setting the last-error message from inside the library.
 */
#ifndef NATRISK_ERROR_H
#define NATRISK_ERROR_H

#include <natrisk/common.h>

/* Records the message and returns CODE, for "return error_set(...)". */
int error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
