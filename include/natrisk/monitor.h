/*
 * monitor.h - the strategic monitor (method.md sections 8 and 9): a
 * monitor file names indicators linked to scenarios, each with a feed of
 * observations and ascending alert levels that carry the CAP 1.2 fields
 * of the warning they raise (cap.h writes and checks those messages).
 *
 * natrisk_monitor_load() reads the YAML monitor file of docs/formats.md
 * with located errors; natrisk_feed_read() reads a feed's observations
 * (the space-weather JSON formats and a CSV time series);
 * natrisk_indicator_evaluate() turns observations into level changes,
 * continuing from a natrisk_indicator_state kept between runs.
 */
#ifndef NATRISK_MONITOR_H
#define NATRISK_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_monitor natrisk_monitor;

/* The formats of a feed (docs/formats.md, "Feeds"). */
typedef enum {
	NATRISK_FEED_SWPC_KP = 0,      /* planetary K-index */
	NATRISK_FEED_SWPC_XRAY = 1,    /* GOES 0.1-0.8 nm X-ray flux */
	NATRISK_FEED_SWPC_PROTONS = 2, /* GOES >=10 MeV proton flux */
	NATRISK_FEED_CSV = 3,          /* time,value */
} natrisk_feed_format;

#define NATRISK_FEED_FORMAT_COUNT 4

/* A text in the two languages of a warning; NULL where not given. A
 * level's infos are the languages its headline has. */
typedef struct natrisk_cap_text {
	const char *en; /* en-US */
	const char *nl; /* nl-NL */
} natrisk_cap_text;

/* One alert level of an indicator: it holds while the value is >= at. */
typedef struct natrisk_alert_level {
	double at;
	const char *event;
	const char *category;  /* CAP codes, checked by the loader */
	const char *urgency;
	const char *severity;
	const char *certainty;
	natrisk_cap_text headline;
	natrisk_cap_text description; /* optional */
	natrisk_cap_text instruction;  /* optional */
	const char *area_desc;         /* NULL: no area */
	const char *polygon;           /* or NULL */
	const char *circle;            /* or NULL */
} natrisk_alert_level;

typedef struct natrisk_indicator {
	const char *id;
	const char *title;
	const char *const *scenarios; /* scenario ids */
	size_t scenario_count;
	natrisk_feed_format format;
	const char *feed_path; /* relative to the working directory, or NULL */
	const char *feed_url;  /* or NULL (the server polls it) */
	int64_t stale_seconds; /* default 3600 */
	const natrisk_alert_level *levels; /* ascending by at */
	size_t level_count;
	int line, column;      /* of the indicator in the monitor file */
} natrisk_indicator;

/* An observation: seconds since 1970-01-01T00:00:00 UTC, and a value. */
typedef struct natrisk_observation {
	int64_t time;
	double value;
} natrisk_observation;

/*
 * Loads the monitor file PATH (or the text BUF of LEN bytes named NAME),
 * and the assessment it names, if any, to check its scenario ids.
 * Returns NATRISK_OK with *OUT set (free it with natrisk_monitor_free()),
 * NATRISK_EINVALID after adding located errors to DIAG, NATRISK_EIO or
 * NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_monitor_load(natrisk_monitor **out, const char *path,
                         natrisk_diag *diag);
NATRISK_EXTERN
int natrisk_monitor_load_buffer(natrisk_monitor **out, const char *name,
                                const char *buf, size_t len,
                                natrisk_diag *diag);
/* Frees M and everything it owns; NULL is allowed. */
NATRISK_EXTERN
void natrisk_monitor_free(natrisk_monitor *m);

/* Whether the file PATH reads as a monitor file (a top-level 'monitor'
 * key): 1 or 0; returns 0 as well for a file that cannot be read. */
NATRISK_EXTERN
int natrisk_monitor_detect(const char *path);

/* The monitor's title, file name and CAP sender, owned by M: valid
 * until M is freed. */
NATRISK_EXTERN
const char *natrisk_monitor_title(const natrisk_monitor *m);
NATRISK_EXTERN
const char *natrisk_monitor_path(const natrisk_monitor *m);
NATRISK_EXTERN
const char *natrisk_monitor_sender(const natrisk_monitor *m);
/* The indicators in the file's order; indicator I (below the count) is
 * owned by M and valid until M is freed. */
NATRISK_EXTERN
size_t natrisk_monitor_indicator_count(const natrisk_monitor *m);
NATRISK_EXTERN
const natrisk_indicator *natrisk_monitor_indicator(const natrisk_monitor *m,
                                                   size_t i);

/* The name of FORMAT in a monitor file ("swpc-kp", ...), static. */
NATRISK_EXTERN
const char *natrisk_feed_format_name(natrisk_feed_format format);

/*
 * Reads the observations of a feed of FORMAT from BUF (LEN bytes, the
 * file NAME), in the order of the file. Returns NATRISK_OK with *OUT (a
 * malloc'd array of *COUNT observations; free() it, NULL when none), or
 * NATRISK_EINVALID after a located error at the first record that cannot
 * be read, or NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_feed_read(natrisk_feed_format format, const char *name,
                      const char *buf, size_t len,
                      natrisk_observation **out, size_t *count,
                      natrisk_diag *diag);

/*
 * Parses an ISO 8601 date-time "YYYY-MM-DDThh:mm:ss" with optional
 * fractional seconds (dropped) and an optional "Z" or "+hh:mm"/"-hh:mm"
 * (none: UTC) into seconds since the epoch. Returns NATRISK_OK, or
 * NATRISK_EINVALID when TEXT is not such a time.
 */
NATRISK_EXTERN
int natrisk_time_parse(const char *text, int64_t *out);
/* Writes TIME as "YYYY-MM-DDThh:mm:ss-00:00" (CAP 1.2's UTC) into BUF
 * of at least 26 bytes (SIZE); returns BUF, which stays the caller's
 * (nothing to free). */
NATRISK_EXTERN
char *natrisk_time_format(int64_t time, char *buf, size_t size);

/* An indicator's progress, kept between runs: the newest observation
 * evaluated, its level, and the previous message of the open chain. */
typedef struct natrisk_indicator_state {
	bool seen;          /* any observation evaluated */
	int64_t last_time;  /* the newest evaluated */
	int level;          /* index into the levels, -1: none */
	bool chain_open;    /* an Alert not yet cancelled */
	int64_t chain_sent; /* the time of the chain's last message */
} natrisk_indicator_state;

#define NATRISK_INDICATOR_STATE_INIT { false, 0, -1, false, 0 }

/* A level change at the observation TIME, VALUE: from level FROM to TO
 * (indices, -1: none). */
typedef struct natrisk_level_change {
	int64_t time;
	double value;
	int from, to;
} natrisk_level_change;

/* Returns the index of the highest of the COUNT ascending LEVELS whose
 * at is <= VALUE, or -1 below the lowest. */
NATRISK_EXTERN
int natrisk_level_of(const natrisk_alert_level *levels, size_t count,
                     double value);

/*
 * Evaluates IND over the COUNT observations OBS (any order; sorted in
 * place by time, stably: of a repeated time the first record counts).
 * Observations at or before STATE's newest are skipped; STATE is then
 * advanced. Writes each level change to CHANGES (room for COUNT entries
 * is always enough) and returns how many.
 */
NATRISK_EXTERN
size_t natrisk_indicator_evaluate(const natrisk_indicator *ind,
                                  natrisk_observation *obs, size_t count,
                                  natrisk_indicator_state *state,
                                  natrisk_level_change *changes);

#ifdef __cplusplus
}
#endif
#endif
