/*
 * fmt.c - see fmt.h. Scale, round to an integer, print the digits. Where
 * the scaled value lies within 1e-9 of a rounding tie, the product's own
 * rounding could decide the last digit, so such values go to snprintf,
 * which rounds the exact binary value as "%.*f" always does.
 */
#include "fmt.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

size_t fmt_fixed(char *buf, double value, int decimals)
{
	static const double scales[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	if (decimals < 0 || decimals > 6 || !isfinite(value) ||
	    fabs(value) >= 1e12)
		return (size_t)snprintf(buf, 32, "%.*f", decimals, value);
	double scaled = fabs(value) * scales[decimals];
	double fraction = scaled - floor(scaled);
	if (fabs(fraction - 0.5) < 1e-9)
		return (size_t)snprintf(buf, 32, "%.*f", decimals, value);
	uint64_t n = (uint64_t)llround(scaled);
	char digits[32];
	size_t count = 0;
	do {
		digits[count++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0 || count <= (size_t)decimals);
	size_t len = 0;
	/* printf keeps the sign of a negative value that rounds to zero */
	if (signbit(value))
		buf[len++] = '-';
	while (count > (size_t)decimals)
		buf[len++] = digits[--count];
	if (decimals > 0) {
		buf[len++] = '.';
		while (count > 0)
			buf[len++] = digits[--count];
	}
	buf[len] = '\0';
	return len;
}

void fmt_put_fixed(FILE *out, double value, int decimals)
{
	char buf[40];
	fwrite(buf, 1, fmt_fixed(buf, value, decimals), out);
}

const char *fmt_str(char *buf, double value, int decimals)
{
	fmt_fixed(buf, value, decimals);
	return buf;
}

const char *fmt_short(char *buf, double value)
{
	return fmt_trim(buf, value, 3);
}

const char *fmt_trim(char *buf, double value, int decimals)
{
	size_t len = fmt_fixed(buf, value, decimals);
	if (memchr(buf, '.', len)) {
		while (len > 0 && buf[len - 1] == '0')
			buf[--len] = '\0';
		if (len > 0 && buf[len - 1] == '.')
			buf[--len] = '\0';
	}
	return buf;
}

void fmt_put_trim(FILE *out, double value, int decimals)
{
	char buf[40];
	fmt_trim(buf, value, decimals);
	fputs(buf, out);
}

/* Whether FORMAT holds no conversion but %s, %d, %zu, %c and %%. */
static bool simple_format(const char *format)
{
	for (const char *p = strchr(format, '%'); p; p = strchr(p, '%')) {
		p++;
		if (*p == 'z' && p[1] == 'u')
			p++;
		else if (!strchr("sdc%", *p) || !*p)
			return false;
		p++;
	}
	return true;
}

/* Buffered pieces of one fmt_print(). */
typedef struct piece_buffer {
	FILE *out;
	size_t len;
	char text[512];
} piece_buffer;

static void put_piece(piece_buffer *b, const char *text, size_t len)
{
	if (b->len + len > sizeof b->text) {
		fwrite(b->text, 1, b->len, b->out);
		b->len = 0;
		if (len > sizeof b->text) {
			fwrite(text, 1, len, b->out);
			return;
		}
	}
	memcpy(b->text + b->len, text, len);
	b->len += len;
}

/* The digits of an unsigned value, with a minus sign when NEGATIVE. */
static void put_integer(piece_buffer *b, unsigned long long value,
                        bool negative)
{
	char digits[24];
	size_t at = sizeof digits;
	do {
		digits[--at] = (char)('0' + value % 10);
		value /= 10;
	} while (value > 0);
	if (negative)
		digits[--at] = '-';
	put_piece(b, digits + at, sizeof digits - at);
}

void fmt_print(FILE *out, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	if (!simple_format(format)) {
		vfprintf(out, format, ap);
		va_end(ap);
		return;
	}
	piece_buffer b = { .out = out };
	for (const char *p = format; *p;) {
		const char *next = strchr(p, '%');
		size_t plain = next ? (size_t)(next - p) : strlen(p);
		put_piece(&b, p, plain);
		if (!next)
			break;
		p = next + 1;
		if (*p == 's') {
			const char *text = va_arg(ap, const char *);
			if (!text) /* as glibc prints it */
				text = "(null)";
			put_piece(&b, text, strlen(text));
		} else if (*p == 'd') {
			int v = va_arg(ap, int);
			put_integer(&b, v < 0 ? 0ull - (unsigned long long)v
			                      : (unsigned long long)v, v < 0);
		} else if (*p == 'z') {
			put_integer(&b, va_arg(ap, size_t), false);
			p++;
		} else {
			char c = *p == 'c' ? (char)va_arg(ap, int) : '%';
			put_piece(&b, &c, 1);
		}
		p++;
	}
	va_end(ap);
	fwrite(b.text, 1, b.len, out);
}
