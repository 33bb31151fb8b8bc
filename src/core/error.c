/*
 * error.c - the per-thread last-error message behind natrisk_error_last(),
 * in the thread's message language (messages.h); what each error code
 * means; the library's version.
 */
#include "error.h"
#include "messages.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_error[512];
/* The same in English when it was written in another language: the
 * server's log is English whoever asked. Empty otherwise. */
static _Thread_local char last_english[512];

const char *natrisk_version(void) { return NATRISK_VERSION; }

const char *natrisk_error_last(void) { return last_error; }

const char *natrisk_error_string(int code)
{
	switch (code) {
	case NATRISK_OK: return "no error";
	case NATRISK_ERROR: return "failure";
	case NATRISK_EINVALID: return "invalid input";
	case NATRISK_ENOMEM: return "out of memory";
	case NATRISK_EIO: return "input or output failed";
	case NATRISK_ENOTFOUND: return "not found";
	case NATRISK_EDENIED: return "denied";
	case NATRISK_ECONFLICT: return "conflict";
	case NATRISK_EIMMUTABLE: return "published: it cannot change";
	}
	return "unknown error";
}

const char *error_last_english(void)
{
	return last_english[0] ? last_english : last_error;
}

void natrisk_error_clear(void) { last_error[0] = last_english[0] = '\0'; }

int error_set(int code, const char *fmt, ...)
{
	const char *format = msg_tr(fmt);
	va_list ap;
	va_start(ap, fmt);
	last_english[0] = '\0';
	if (format != fmt) {
		va_list again;
		va_copy(again, ap);
		vsnprintf(last_english, sizeof last_english, fmt, again);
		va_end(again);
	}
	vsnprintf(last_error, sizeof last_error, format, ap);
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
