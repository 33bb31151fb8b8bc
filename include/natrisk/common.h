/*
 * common.h - error codes, the last-error message and the version.
 *
 * Every natrisk function that can fail returns an int error code (0 on
 * success, a negative NATRISK_E* value otherwise) and leaves a message for
 * natrisk_error_last(), in the manner of libgit2. Problems with the user's
 * input files are not "errors" in this sense: they are collected as
 * diagnostics (diag.h) with file, line and column.
 */
#ifndef NATRISK_COMMON_H
#define NATRISK_COMMON_H

#define NATRISK_VERSION "0.1.0"

#ifdef __cplusplus
extern "C" {
#endif

enum natrisk_error_code {
	NATRISK_OK = 0,
	NATRISK_ERROR = -1,     /* generic failure */
	NATRISK_EINVALID = -2,  /* input rejected; see the diagnostics */
	NATRISK_ENOMEM = -3,
	NATRISK_EIO = -4,       /* a file could not be read or written */
	NATRISK_ENOTFOUND = -5, /* no such method, profile, scenario ... */
};

/* The message of the most recent failure in this thread ("" if none). */
const char *natrisk_error_last(void);
void natrisk_error_clear(void);

/* Impact and likelihood classes: A..E are 0..4; X (not applicable) is -1. */
enum { NATRISK_CLASS_X = -1, NATRISK_CLASS_A = 0, NATRISK_CLASS_E = 4,
       NATRISK_CLASS_COUNT = 5 };

/* The three points of every score and every result. */
enum natrisk_point { NATRISK_LL = 0, NATRISK_EV = 1, NATRISK_UL = 2,
                     NATRISK_POINT_COUNT = 3 };

/* Texts an analyst reads exist in English and Dutch. */
typedef enum { NATRISK_LANG_EN = 0, NATRISK_LANG_NL = 1 } natrisk_lang;

typedef struct natrisk_text {
	const char *en;
	const char *nl;
} natrisk_text;

/* The text in the chosen language, falling back to English. */
const char *natrisk_text_get(const natrisk_text *text, natrisk_lang lang);

/*
 * The language of the messages this thread formats: natrisk_error_last()
 * and the diagnostics. English unless set; a server sets it for each
 * request it answers. Messages without a translation stay English.
 * Returns the language it replaces, so that a caller can put it back.
 */
natrisk_lang natrisk_messages_set_lang(natrisk_lang lang);
natrisk_lang natrisk_messages_lang(void);

#ifdef __cplusplus
}
#endif
#endif
