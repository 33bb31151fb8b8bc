/*
 * plan_prefetch.h - loading the assessment a plan names on another
 * thread while the plan itself is parsed (plan_prefetch.c): the two are
 * about the same size, so a plan loads in about half the time on two
 * cores. The plan loader takes the result where it would have loaded the
 * assessment itself, with the same diagnostics in the same place.
 */
#ifndef NATRISK_PLAN_PREFETCH_H
#define NATRISK_PLAN_PREFETCH_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include <natrisk/assessment.h>
#include <natrisk/diag.h>

typedef struct plan_prefetch {
	bool started;
	pthread_t thread;
	char *ref;           /* the plan's `assessment` text */
	char *path;          /* the file it names */
	const char *text;    /* its text when the caller gives it, or NULL */
	size_t len;
	natrisk_lang lang;   /* the caller's message language */
	natrisk_diag *diag;  /* the thread's diagnostics */
	natrisk_assessment *a;
	int rc;
	char message[512];   /* the thread's last error when RC != 0 */
} plan_prefetch;

/* Starts loading the assessment that the plan text BUF (LEN bytes, the
 * file NAME) names, from TEXT (TEXT_LEN bytes) when not NULL; does
 * nothing when the name is not found early or no thread starts. */
void plan_prefetch_start(plan_prefetch *f, const char *name, const char *buf,
                         size_t len, const char *text, size_t text_len);

/* When F loaded the assessment REF (the text of the plan's key): waits
 * for it, adds its diagnostics to DIAG, makes its error the caller's
 * last error, and returns true with *OUT (the caller's now; NULL on
 * failure) and *RC as the loader returned them. Otherwise false. */
bool plan_prefetch_take(plan_prefetch *f, const char *ref, natrisk_diag *diag,
                        natrisk_assessment **out, int *rc);

/* Waits for F and frees what was not taken. */
void plan_prefetch_end(plan_prefetch *f);

/* PATH's directory joined with REF, unless REF is absolute; free it. */
char *plan_relative_path(const char *path, const char *ref);

#endif
