/*
 * score.h - one score: a class with LL, EV and UL.
 *
 * Impact and likelihood scores share this shape. A grade is one of the
 * three points: a class A..E (or X), optionally "+" (the upper range of the
 * class), or a quantity that the method's thresholds turned into a class.
 */
#ifndef NATRISK_SCORE_H
#define NATRISK_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_grade {
	signed char cls;    /* NATRISK_CLASS_X or A..E (0..4) */
	bool high;          /* written with "+" */
	bool has_quantity;  /* given as a quantity or a probability */
	double quantity;    /* the number given, when has_quantity */
	double position;    /* place on the class-position scale, A = 0:
	                       k, k + high offset, k for a quantity (it
	                       scores its class), the method's x_position for
	                       X; for a likelihood its place on the axis (k +
	                       class_position or high_position, or the
	                       probability's place; formats.md). LL <= EV <=
	                       UL holds on these, and on the numbers when both
	                       grades are quantities. */
} natrisk_grade;

typedef struct natrisk_score {
	natrisk_grade point[NATRISK_POINT_COUNT]; /* LL, EV, UL */
	bool given;         /* false: the criterion was not listed (X) */
	const char *why;    /* the analyst's rationale, or NULL */
	int line, column;   /* where the score is written */
} natrisk_score;

/* The letter of class CLS as a static string: "A".."E", or "X" for any
 * other CLS. */
NATRISK_EXTERN
const char *natrisk_class_letter(int cls);
/* The class of grade G as written, into the caller's OUT: "C", "C+" or
 * "X" (a quantity shows its class). */
NATRISK_EXTERN
void natrisk_grade_letters(const natrisk_grade *g, char out[3]);

/* Parses the LEN bytes at TEXT, "X" or "A".."E" with an optional "+",
 * into *CLS and *HIGH; returns 0, or -1 (NATRISK_ERROR) for anything
 * else. */
NATRISK_EXTERN
int natrisk_class_parse(const char *text, size_t len, int *cls, bool *high);

#ifdef __cplusplus
}
#endif
#endif
