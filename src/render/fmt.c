/*
 * fmt.c - see fmt.h. Scale, round to an integer, print the digits. Where
 * the scaled value lies within 1e-9 of a rounding tie, the product's own
 * rounding could decide the last digit, so such values go to snprintf,
 * which rounds the exact binary value as "%.*f" always does.
 */
#include "fmt.h"

#include <math.h>
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
