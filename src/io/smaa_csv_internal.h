/*
 * smaa_csv_internal.h - what the parts of the SMAA sample reader share:
 * the samples as they are read (smaa_csv.c gathers them, smaa_csv_m.c
 * reads M.csv, smaa_csv_w.c reads W.csv) and the checks and messages
 * that both files need.
 */
#ifndef NATRISK_SMAA_CSV_INTERNAL_H
#define NATRISK_SMAA_CSV_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include <natrisk/smaa_csv.h>

#include "../core/arena.h"
#include "smaa_csv_lex.h"
#include "stringify.h"

typedef struct csv_values {
	double *data;
	size_t len, capacity;
} csv_values;

typedef struct samples_build {
	arena *arena;               /* the samples file's: names live here */
	natrisk_diag *diag;
	const char *m_name;
	/* from M.csv */
	bool m_header_ok;           /* its criteria are known */
	bool m_complete;            /* read to the end: iterations known */
	const char **criteria;
	size_t n;
	csv_names criterion_index;
	const char **alternatives;  /* in the order of iteration 1 */
	size_t m, alternatives_capacity;
	csv_names alternative_index;
	size_t iterations;
	csv_values values;          /* [(k * m + i) * n + c] */
	bool stopped;               /* past a limit: M.csv read no further */
	/* from W.csv */
	csv_values weights;         /* [k * n + c], c in M's order */
} samples_build;

/* 0, or NATRISK_ENOMEM; problems with the input go to the diagnostics. */
int samples_read_measurements(samples_build *b, const char *name,
                              const char *buf, size_t len);
int samples_read_weights(samples_build *b, const char *name,
                         const char *buf, size_t len);

int csv_values_push(csv_values *v, double value);

void samples_error(csv_lexer *lx, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void samples_field_error(csv_lexer *lx, const csv_field *f, const char *fmt,
                         ...) __attribute__((format(printf, 3, 4)));

/* A name is not empty and holds no line break (it would split a
 * diagnostic over two lines). WHAT: "alternative" or "criterion". */
bool samples_name_ok(csv_lexer *lx, const csv_field *f, const char *what);
/* The header's criteria from field FIRST on, each named once. */
bool samples_criteria(csv_lexer *lx, size_t first, arena *a,
                      const char ***out, size_t *count, csv_names *index);
/* The header starts with WORDS and names at least one criterion. */
bool samples_header_starts(csv_lexer *lx, const char *const *words,
                           size_t count, const char *expected);
/* Reads the header record; reports an empty file. 1, 0 or -1. */
int samples_first_record(csv_lexer *lx, const char *expected);
/* The record has HEADER fields; reports why not. */
bool samples_row_width(csv_lexer *lx, size_t header);

#endif
