/*
 * common.h - what every part of the library shares: the version, the
 * export mark, the error codes with the last-error message, classes,
 * points and languages.
 *
 * Every natrisk function that can fail returns an int: NATRISK_OK (0) on
 * success or a negative natrisk_error, and leaves a message for
 * natrisk_error_last() in the calling thread, in the manner of libgit2.
 * Problems with the user's input files are not "errors" in this sense:
 * they are collected as diagnostics (diag.h) with file, line and column,
 * and the call returns NATRISK_EINVALID.
 */
#ifndef NATRISK_COMMON_H
#define NATRISK_COMMON_H

/* The version of these headers; natrisk_version() is the library's. */
#define NATRISK_VERSION "0.1.0"

/*
 * Marks a function of the public interface. The library is built with
 * -fvisibility=hidden: its shared object exports these and no other
 * names, and its archive keeps every other name local.
 */
#if defined(__GNUC__)
#define NATRISK_EXTERN __attribute__((visibility("default")))
#else
#define NATRISK_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The one set of error codes of the whole library (the store's included).
 * Functions return them as int; NATRISK_OK and every code keep their
 * values from one release to the next.
 */
typedef enum natrisk_error {
	NATRISK_OK = 0,
	NATRISK_ERROR = -1,      /* any other failure (a library that cannot
	                            start, a call out of order) */
	NATRISK_EINVALID = -2,   /* input rejected; see the diagnostics */
	NATRISK_ENOMEM = -3,     /* out of memory */
	NATRISK_EIO = -4,        /* a file could not be read or written */
	NATRISK_ENOTFOUND = -5,  /* no such method, profile, scenario ... */
	NATRISK_EDENIED = -10,   /* store: wrong password, disabled user,
	                            not cleared for it */
	NATRISK_ECONFLICT = -11, /* store: exists already; the edition is not
	                            in the status that allows it */
	NATRISK_EIMMUTABLE = -12,/* store: the edition is published */
} natrisk_error;

/*
 * The version of the library in use, "MAJOR.MINOR.PATCH" (a static
 * string): what NATRISK_VERSION was when the library was built, which a
 * program may compare with the NATRISK_VERSION it was compiled against.
 */
NATRISK_EXTERN
const char *natrisk_version(void);

/*
 * The message of the most recent failure in the calling thread, "" if
 * none: in the thread's message language (natrisk_messages_set_lang).
 * The string belongs to the library and stays valid until the thread's
 * next failing call or natrisk_error_clear(); copy it to keep it.
 */
NATRISK_EXTERN
const char *natrisk_error_last(void);
/* Empties the calling thread's last-error message. */
NATRISK_EXTERN
void natrisk_error_clear(void);
/*
 * What CODE (a natrisk_error) means in general, in English ("out of
 * memory"), for a caller that has a code but no message; "unknown
 * error" for a value that is none of them. A static string.
 */
NATRISK_EXTERN
const char *natrisk_error_string(int code);

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
NATRISK_EXTERN
const char *natrisk_text_get(const natrisk_text *text, natrisk_lang lang);

/*
 * The language of the messages this thread formats: natrisk_error_last()
 * and the diagnostics. English unless set; a server sets it for each
 * request it answers. Messages without a translation stay English.
 * Returns the language it replaces, so that a caller can put it back.
 */
NATRISK_EXTERN
natrisk_lang natrisk_messages_set_lang(natrisk_lang lang);
NATRISK_EXTERN
natrisk_lang natrisk_messages_lang(void);

#ifdef __cplusplus
}
#endif
#endif
