/*
 * fmt.h - fixed-point number formatting for the writers (SVG, HTML), which
 * print tens of thousands of numbers per diagram and report. The same
 * digits as printf's "%.*f", an order of magnitude faster.
 */
#ifndef NATRISK_FMT_H
#define NATRISK_FMT_H

#include <stddef.h>
#include <stdio.h>

/* Writes VALUE with DECIMALS (0..6) decimals into BUF (at least 32 bytes)
 * and returns the length. */
size_t fmt_fixed(char *buf, double value, int decimals);
/* The same into BUF, returned, for use as a "%s" argument:
 *   fprintf(out, "x=\"%s\"", fmt_str((char[32]){ 0 }, x, 2)); */
const char *fmt_str(char *buf, double value, int decimals);
/* Up to three decimals, trailing zeros dropped ("1.5", "11", "0.8"), for
 * sizes and opacities. */
const char *fmt_short(char *buf, double value);
/* At most DECIMALS decimals, trailing zeros dropped ("13", "21.5"). */
const char *fmt_trim(char *buf, double value, int decimals);
#define FMT(value, decimals) fmt_str((char[40]){ 0 }, (value), (decimals))
#define FMT_TRIM(value, decimals)                                            \
	fmt_trim((char[40]){ 0 }, (value), (decimals))

/* The same, to a stream. */
void fmt_put_fixed(FILE *out, double value, int decimals);
void fmt_put_trim(FILE *out, double value, int decimals);

/*
 * fprintf() for the writers' own formats, which use %s, %d, %zu, %c and
 * %% only: the text is put together here and written at once, several
 * times faster than stdio's general formatter. Any other conversion
 * (flags, widths, floating point) goes to vfprintf() as it is.
 */
void fmt_print(FILE *out, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

#endif
