/*
 * csv_write.h - writing CSV fields (RFC 4180), shared by every command
 * that offers --format csv.
 */
#ifndef NATRISK_CSV_WRITE_H
#define NATRISK_CSV_WRITE_H

#include <stdio.h>

/* PREFIX and TEXT as one field, quoted (quotes doubled) when it holds a
 * comma, a quote or a line break. A NULL TEXT is an empty field. */
void csv_field(FILE *out, const char *prefix, const char *text);
/* ",NUMBER" with full precision, or a bare "," when not finite. */
void csv_number(FILE *out, double value);

#endif
