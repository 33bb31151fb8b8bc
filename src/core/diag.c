/*
 * diag.c - the list of diagnostics that loaders fill (see diag.h).
 *
 * Messages are formatted once, in the thread's message language
 * (messages.h), and kept; the list is capped so that a pathological input
 * cannot make us print millions of lines.
 */
#include <natrisk/diag.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"

enum { DIAG_LIMIT = 1000 };

struct natrisk_diag {
	natrisk_diagnostic *items;
	size_t count, capacity;
	size_t errors;
	bool truncated;
};

natrisk_diag *natrisk_diag_new(void)
{
	return calloc(1, sizeof(natrisk_diag));
}

void natrisk_diag_free(natrisk_diag *diag)
{
	if (!diag)
		return;
	for (size_t i = 0; i < diag->count; i++) {
		free((char *)diag->items[i].file);
		free((char *)diag->items[i].message);
	}
	free(diag->items);
	free(diag);
}

static char *format_message(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		return NULL;
	char *text = malloc((size_t)len + 1);
	if (text)
		vsnprintf(text, (size_t)len + 1, fmt, ap);
	return text;
}

static bool diag_reserve(natrisk_diag *diag)
{
	if (diag->count < diag->capacity)
		return true;
	size_t capacity = diag->capacity ? diag->capacity * 2 : 16;
	natrisk_diagnostic *items =
		realloc(diag->items, capacity * sizeof *items);
	if (!items)
		return false;
	diag->items = items;
	diag->capacity = capacity;
	return true;
}

void natrisk_diag_add(natrisk_diag *diag, natrisk_severity severity,
                      const char *file, int line, int column,
                      const char *fmt, ...)
{
	if (!diag)
		return;
	if (severity == NATRISK_SEVERITY_ERROR)
		diag->errors++;
	if (diag->count >= DIAG_LIMIT || !diag_reserve(diag)) {
		diag->truncated = true;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *message = format_message(msg_tr(fmt), ap);
	va_end(ap);
	char *file_copy = strdup(file ? file : "<input>");
	if (!message || !file_copy) {
		free(message);
		free(file_copy);
		diag->truncated = true;
		return;
	}
	diag->items[diag->count++] = (natrisk_diagnostic){
		.severity = severity, .file = file_copy,
		.line = line < 1 ? 1 : line, .column = column < 1 ? 1 : column,
		.message = message,
	};
}

size_t natrisk_diag_count(const natrisk_diag *diag)
{
	return diag ? diag->count : 0;
}

size_t natrisk_diag_error_count(const natrisk_diag *diag)
{
	return diag ? diag->errors : 0;
}

const natrisk_diagnostic *natrisk_diag_get(const natrisk_diag *diag, size_t i)
{
	return diag && i < diag->count ? &diag->items[i] : NULL;
}

bool natrisk_diag_truncated(const natrisk_diag *diag)
{
	return diag && diag->truncated;
}

static bool diag_before(const natrisk_diagnostic *a,
                        const natrisk_diagnostic *b)
{
	int by_file = strcmp(a->file, b->file);
	if (by_file)
		return by_file < 0;
	if (a->line != b->line)
		return a->line < b->line;
	return a->column < b->column;
}

void natrisk_diag_sort(natrisk_diag *diag)
{
	/* Insertion sort: stable, and the lists are short and nearly sorted. */
	for (size_t i = 1; i < diag->count; i++) {
		natrisk_diagnostic item = diag->items[i];
		size_t j = i;
		while (j > 0 && diag_before(&item, &diag->items[j - 1])) {
			diag->items[j] = diag->items[j - 1];
			j--;
		}
		diag->items[j] = item;
	}
}
