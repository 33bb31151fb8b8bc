/*
 * error.h - setting the last-error message from inside the library.
 */
#ifndef NATRISK_ERROR_H
#define NATRISK_ERROR_H

#include <natrisk/common.h>

/* Records the message, in the thread's message language (messages.h),
 * and returns CODE, for "return error_set(...)". */
int error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The last message in English, for logs (parts of it that the caller
 * translated itself, such as a status, stay translated). */
const char *error_last_english(void);

#endif
