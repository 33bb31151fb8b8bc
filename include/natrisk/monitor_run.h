/*
 * monitor_run.h - one run of the monitor (docs/formats.md, "natrisk
 * monitor"): each indicator's feed read, its observations evaluated from
 * where the kept state stopped, one CAP 1.2 message written per level
 * change (Alert, Update, Cancel with references), stale feeds warned
 * about, and the state kept for the next run.
 */
#ifndef NATRISK_MONITOR_RUN_H
#define NATRISK_MONITOR_RUN_H

#include <stdint.h>
#include <stdio.h>

#include "common.h"
#include "diag.h"
#include "monitor.h"
#include "output.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The progress of every indicator of a monitor, between runs. */
typedef struct natrisk_monitor_state natrisk_monitor_state;

/*
 * Reads the state file PATH (JSON, written by natrisk_monitor_state_save);
 * a file that does not exist is an empty state. Returns NATRISK_OK with
 * *OUT (free it with natrisk_monitor_state_free()), NATRISK_EINVALID
 * after a located error in DIAG, NATRISK_EIO or NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_monitor_state_load(natrisk_monitor_state **out, const char *path,
                               natrisk_diag *diag);
/* Writes S to PATH atomically (a temporary file and a rename). Returns
 * NATRISK_OK, NATRISK_EIO or NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_monitor_state_save(const natrisk_monitor_state *s,
                               const char *path);
/* Frees S; NULL is allowed. */
NATRISK_EXTERN
void natrisk_monitor_state_free(natrisk_monitor_state *s);
/* The state of indicator ID in S, added (empty) when S has none: owned
 * by S and valid until S is freed or another is added; NULL when out of
 * memory. */
NATRISK_EXTERN
natrisk_indicator_state *natrisk_monitor_state_of(natrisk_monitor_state *s,
                                                  const char *id);

/* One message a run wrote. */
typedef struct natrisk_alert_record {
	const char *indicator;
	int64_t time;       /* of the observation that changed the level */
	const natrisk_alert_level *level; /* NULL for a Cancel */
	const char *msg_type;
	char identifier[128];
	char *file;         /* OUTDIR/IDENTIFIER.xml */
} natrisk_alert_record;

/* What a run wrote, in time order per indicator. */
typedef struct natrisk_monitor_report {
	natrisk_alert_record *records;
	size_t count;
} natrisk_monitor_report;

/*
 * The CAP 1.2 message of the level change C of indicator IND of M, which
 * continues the chain that ST records (an Update or Cancel references
 * its last message): fills REC (all but its file) and returns NATRISK_OK
 * with *XML (malloc'd, LEN bytes; free() it) and ST advanced past the
 * message, or NATRISK_ENOMEM. The message follows from IND and C alone,
 * so that making it twice makes the same bytes. The server stores the
 * messages it makes so; natrisk_monitor_run() writes them to files.
 */
NATRISK_EXTERN
int natrisk_monitor_message(const natrisk_monitor *m,
                            const natrisk_indicator *ind,
                            natrisk_indicator_state *st,
                            const natrisk_level_change *c,
                            natrisk_alert_record *rec, char **xml,
                            size_t *len);

/*
 * Runs monitor M once at NOW (seconds since the epoch): reads every
 * indicator's feed (feed_path; one with only a url is skipped with a
 * warning), and when all read, evaluates each from its state in S,
 * writes a message per level change into the directory OUTDIR, and
 * warns about stale feeds. On NATRISK_OK S is advanced and *REPORT
 * filled (free it with natrisk_monitor_report_free()); on
 * NATRISK_EINVALID (located errors in DIAG: a feed that cannot be read)
 * nothing is written; NATRISK_EIO or NATRISK_ENOMEM otherwise.
 */
NATRISK_EXTERN
int natrisk_monitor_run(const natrisk_monitor *m, natrisk_monitor_state *s,
                        int64_t now, const char *outdir,
                        natrisk_monitor_report *report, natrisk_diag *diag);
/* Frees what REPORT holds (not REPORT itself). */
NATRISK_EXTERN
void natrisk_monitor_report_free(natrisk_monitor_report *report);

/* Writes REPORT to OUT (the caller's, left open): NATRISK_FORMAT_JSON is
 * the summary of docs/formats.md, any other format one line per
 * message. Returns NATRISK_OK, NATRISK_ENOMEM or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_monitor_report_write(const natrisk_monitor_report *report,
                                 natrisk_format format, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
