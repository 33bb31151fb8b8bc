/*
 * error.c - the per-thread last-error message behind natrisk_error_last(),
 * in the thread's message language (messages.h).
 */
#include "error.h"
#include "messages.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_error[512];

const char *natrisk_error_last(void) { return last_error; }

void natrisk_error_clear(void) { last_error[0] = '\0'; }

int error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof last_error, msg_tr(fmt), ap);
	va_end(ap);
	return code;
}

const char *natrisk_text_get(const natrisk_text *text, natrisk_lang lang)
{
	if (!text)
		return "";
	if (lang == NATRISK_LANG_NL && text->nl)
		return text->nl;
	return text->en ? text->en : "";
}
