/*
 * smaa_csv_lex.h - the RFC 4180 record reader behind the SMAA sample files
 * (smaa_csv.c): quoted fields, "" inside quotes, CRLF or LF line ends,
 * and for every field the line and column where it starts, so that each
 * diagnostic points at the exact place.
 */
#ifndef NATRISK_SMAA_CSV_LEX_H
#define NATRISK_SMAA_CSV_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <natrisk/diag.h>

typedef struct csv_field {
	const char *text;   /* unescaped, NUL-terminated; valid until the
	                       next record */
	size_t len;
	int line, column;   /* 1-based; columns count characters */
	bool quoted;
} csv_field;

typedef struct csv_lexer {
	const char *name;
	const char *buf;
	size_t len, pos;
	int line, column;       /* of buf[pos] */
	natrisk_diag *diag;
	csv_field *fields;      /* the current record */
	size_t count, capacity;
	size_t *offsets;        /* each field's text within TEXT */
	char *text;             /* the fields' unescaped texts, NUL after each */
	size_t text_len, text_capacity;
	int end_line, end_column; /* just after the record's last field */
	size_t max_fields;      /* 0, or a record may hold no more: */
	const char *too_wide;   /* the error at the first field past them
	                           (MSG: translated when it is reported) */
	bool out_of_memory;     /* the reader then answers NATRISK_ENOMEM */
} csv_lexer;

/* BUF must have been checked with utf8_check(); a byte order mark is
 * skipped. */
void csv_lexer_init(csv_lexer *lx, const char *name, const char *buf,
                    size_t len, natrisk_diag *diag);
void csv_lexer_release(csv_lexer *lx);

/* Reads the next record into LX->fields. Returns 1, 0 at the end of the
 * input, or -1 after reporting a syntax error (a record past max_fields
 * included) or running out of memory; the rest of the input is not read
 * after an error. */
int csv_next_record(csv_lexer *lx);

/* What a field that should hold a number holds instead. */
typedef enum {
	CSV_NUMBER_OK = 0,
	CSV_NUMBER_EMPTY,
	CSV_NUMBER_SYNTAX,
	CSV_NUMBER_NAN,
	CSV_NUMBER_INFINITE,
	CSV_NUMBER_RANGE,
} csv_number_status;

/* A decimal number (spaces around it allowed): 1, -0.5, .5, 2.5e-3. */
csv_number_status csv_parse_number(const csv_field *f, double *out);
/* Reports why F is not a number, at F. */
void csv_number_error(csv_lexer *lx, const csv_field *f,
                      csv_number_status status);
/* A whole number >= 1 in decimal digits (spaces around it allowed). */
bool csv_parse_iteration(const csv_field *f, uint64_t *out);

/* TEXT for a message: cut (at a character boundary) when it is long. */
const char *csv_shown(const char *text, char *buf, size_t size);

/* Names to indices, for duplicate checks and look-ups in large files. */
typedef struct csv_names {
	const char **names;   /* slot -> name, NULL when free */
	size_t *indices;      /* slot -> index */
	size_t capacity, count;
} csv_names;

/* Adds NAME with INDEX unless it is there. Returns the index it already
 * had, SIZE_MAX when it was added, or SIZE_MAX - 1 when out of memory. */
size_t csv_names_add(csv_names *set, const char *name, size_t index);
/* The index of NAME, or SIZE_MAX. */
size_t csv_names_find(const csv_names *set, const char *name);
void csv_names_release(csv_names *set);

#endif
