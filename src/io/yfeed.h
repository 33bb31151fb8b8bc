/*
 * yfeed.h - hands a YAML text to libfyaml a piece at a time and stops it
 * reading too far ahead of the events it has emitted.
 *
 * libfyaml holds every token it reads until it knows whether the collection
 * it is in is a mapping key: a '[' inside '[' or '{', a flow collection on
 * one line, an explicit '?' key. Eight megabytes of "[[[[" thus become
 * eight million held tokens (about 3 GB) before the first event, so a limit
 * checked on events alone comes too late. The feed counts the tokens it
 * has handed over since the line of the last event and refuses to hand
 * over more past YFEED_MAX_AHEAD; ydoc_parse() then reports the place
 * with yfeed_report().
 */
#ifndef NATRISK_YFEED_H
#define NATRISK_YFEED_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <natrisk/diag.h>

/* Tokens (roughly: words and brackets) the parser may hold before it has
 * emitted them: about 300 bytes each, 40 MB at most. A block-style file
 * never comes near it; a flow collection ([...], {...}, JSON) on one line
 * may hold about this many words, commas and brackets. */
#define YFEED_MAX_AHEAD 131072

typedef struct yfeed {
	const char *buf;
	size_t len;
	size_t given;        /* bytes handed to the parser */
	size_t given_tokens; /* token starts among them */
	size_t line_start;   /* offset of the line of the last event */
	size_t line_tokens;  /* token starts before it */
	size_t scanned;      /* how far the line scan has gone */
	size_t scanned_tokens;
	int line;            /* its number, from 0 as libfyaml counts */
	int column;          /* the last event's end on it, in characters */
	bool breaks_1_1;     /* NEL, LS and PS end lines too (%YAML 1.1) */
	bool overrun;        /* the parser wanted more than YFEED_MAX_AHEAD */
} yfeed;

void yfeed_init(yfeed *feed, const char *buf, size_t len);

/* The callback of fy_parser_set_input_callback(): no more text once the
 * parser holds too much. */
ssize_t yfeed_read(void *feed, void *out, size_t count);

/* The parser has emitted an event that ends at LINE, COLUMN (from 0). */
void yfeed_reached(yfeed *feed, int line, int column);

/* The column (from 0) of the header ('|', '>', with indicators) of a
 * block scalar on LINE (from 0), when the last event ended on that line;
 * else -1. */
int yfeed_header_column(const yfeed *feed, int line);

/*
 * After an overrun: reports to DIAG, for file NAME, where the parser was
 * held up. DEPTH is the nesting of the collections whose events came
 * already; when the brackets read ahead nest deeper than MAX_DEPTH, the
 * error is the nesting limit's (NESTING, in English: it is translated
 * here; at the first bracket too deep), otherwise it is "too much to read"
 * at the outermost bracket still open.
 */
void yfeed_report(const yfeed *feed, const char *name, size_t depth,
                  size_t max_depth, const char *nesting, natrisk_diag *diag);

#endif
