/*
 * letter.h - the progress letter (progress_letter.h) written once,
 * through a sink that each format implements: letter_compose() says what
 * the letter holds (headings, paragraphs, tables, lists, the diagram),
 * letter_html.c and letter_odt.c say how HTML and OpenDocument write it.
 * Texts given to a sink are plain UTF-8; the sink escapes them.
 */
#ifndef NATRISK_LETTER_H
#define NATRISK_LETTER_H

#include <stdbool.h>
#include <stddef.h>

#include <natrisk/progress.h>

typedef struct letter_sink {
	void *ctx;
	/* LEVEL 1 is the letter's title, 2 a section, 3 a part of one */
	void (*heading)(void *ctx, int level, const char *text);
	void (*paragraph)(void *ctx, const char *text);
	/* a table of N columns: its header row, then rows */
	void (*table_begin)(void *ctx, const char *const *header, size_t n);
	void (*table_row)(void *ctx, const char *const *cells, size_t n);
	void (*table_end)(void *ctx);
	void (*list_begin)(void *ctx);
	void (*list_item)(void *ctx, const char *text);
	void (*list_end)(void *ctx);
	/* the risk picture, with its caption */
	void (*diagram)(void *ctx, const char *caption);
} letter_sink;

/* Writes the letter of PR in LANG to SINK; false when out of memory. */
bool letter_compose(const natrisk_progress *pr, natrisk_lang lang,
                    const letter_sink *sink);

#endif
