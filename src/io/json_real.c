/*
 * json_real.c - a double as the JSON outputs print it (jw_format_real,
 * json_writer.h): jansson's text for JSON_REAL_PRECISION(17), that is
 * "%.17g", then ".0" added to a whole number and the exponent's '+' and
 * leading zeros dropped. glibc's "%.17g" takes ~2,500 instructions a
 * number, most of the assess JSON's time; here the 17 digits of a normal
 * double between 1e-6 and 2^127 come from exact 128-bit integer
 * arithmetic, correctly rounded (to even on a tie, as glibc does), and
 * anything else goes through snprintf. tests/unit/test_json_writer.c
 * holds both against jansson.
 */
#include "json_writer.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef unsigned __int128 u128;

enum { DIGITS = 17 };

static u128 power_of_ten(int n)
{
	u128 p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

/* M * 2^E2 * 10^K cut to a whole number into *Q, and in *UP whether
 * rounding it (to even on a tie) adds one; false when the exact product
 * does not fit 128 bits (the caller falls back). */
static bool scaled(uint64_t m, int e2, int k, u128 *q_out, bool *up)
{
	u128 num, q, rem, half;
	if (k >= 0) {
		if (k > 22 || e2 > 60)
			return false;
		num = (u128)m * power_of_ten(k);
		if (e2 >= 0) {
			*q_out = num << e2;
			*up = false;
			return true;
		}
		if (-e2 >= 127)
			return false;
		q = num >> -e2;
		rem = num & (((u128)1 << -e2) - 1);
		half = (u128)1 << (-e2 - 1);
	} else {
		if (-k > 22 || e2 < 0 || e2 > 74)
			return false;
		u128 divisor = power_of_ten(-k);
		num = (u128)m << e2;
		q = num / divisor;
		rem = num % divisor;
		half = divisor / 2; /* 10^j is even: no remainder is half of it */
	}
	*q_out = q;
	*up = rem > half || (rem == half && (q & 1));
	return true;
}

/* The 17 significant digits of the positive normal double V and its
 * decimal exponent, rounded; false outside the range done exactly. */
static bool digits17(double v, char out[DIGITS], int *exponent)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	int biased = (int)(bits >> 52 & 0x7FF);
	if (biased == 0 || !(v >= 1e-6 && v < 0x1p127))
		return false;
	uint64_t m = (bits & 0xFFFFFFFFFFFFFull) | 1ull << 52;
	int e2 = biased - 1075, x = (int)floor(log10(v));
	static const uint64_t low = 10000000000000000ull; /* 10^16 */
	/* x is the exponent of V itself, before rounding: log10's guess
	 * corrected until the cut scaled value has 17 digits */
	u128 q = 0;
	bool up = false, found = false;
	for (int tries = 0; tries < 3 && !found; tries++) {
		if (!scaled(m, e2, DIGITS - 1 - x, &q, &up))
			return false;
		if (q >= (u128)low * 10)
			x++;
		else if (q < low)
			x--;
		else
			found = true;
	}
	if (!found)
		return false;
	uint64_t d = (uint64_t)q + up;
	if (d == low * 10) { /* 9.99...95 rounds up to the next power */
		d = low;
		x++;
	}
	for (int i = DIGITS - 1; i >= 0; i--, d /= 10)
		out[i] = (char)('0' + d % 10);
	*exponent = x;
	return true;
}

/* "%.17g" of the digits and exponent (no '#': trailing zeros of the
 * fraction go, and the point with them when nothing follows it). */
static size_t g_format(char *buf, bool negative, const char digits[DIGITS],
                       int x)
{
	int last = DIGITS - 1;
	while (last > 0 && digits[last] == '0')
		last--;
	size_t n = 0;
	if (negative)
		buf[n++] = '-';
	if (x < -4 || x >= DIGITS) {
		buf[n++] = digits[0];
		if (last > 0) {
			buf[n++] = '.';
			memcpy(buf + n, digits + 1, (size_t)last);
			n += (size_t)last;
		}
		n += (size_t)sprintf(buf + n, "e%c%02d", x < 0 ? '-' : '+',
		                     x < 0 ? -x : x);
		return n;
	}
	if (x < 0) {
		memcpy(buf + n, "0.", 2);
		n += 2;
		memset(buf + n, '0', (size_t)(-x - 1));
		n += (size_t)(-x - 1);
		memcpy(buf + n, digits, (size_t)last + 1);
		return n + (size_t)last + 1;
	}
	memcpy(buf + n, digits, (size_t)x + 1);
	n += (size_t)x + 1;
	if (last > x) {
		buf[n++] = '.';
		memcpy(buf + n, digits + x + 1, (size_t)(last - x));
		n += (size_t)(last - x);
	}
	return n;
}

/* The locale's decimal point, where it is not '.', back to '.' (jansson's
 * from_locale): "%g" follows LC_NUMERIC. */
static size_t from_locale(char *buf, size_t len)
{
	const char *point = localeconv()->decimal_point;
	size_t point_len = strlen(point);
	char *at = point_len ? strstr(buf, point) : NULL;
	if (!at || strcmp(point, ".") == 0)
		return len;
	*at = '.';
	memmove(at + 1, at + point_len, len + 1 - (size_t)(at - buf) -
	                                        point_len);
	return len - (point_len - 1);
}

/* "%.17g" of VALUE into BUF, NUL-terminated; its length. */
static size_t percent_17g(char *buf, double value)
{
	char digits[DIGITS];
	int x;
	if (digits17(fabs(value), digits, &x)) {
		size_t len = g_format(buf, signbit(value), digits, x);
		buf[len] = '\0';
		return len;
	}
	size_t len = (size_t)snprintf(buf, 32, "%.17g", value);
	if (strspn(buf, "0123456789+-.e") != len)
		len = from_locale(buf, len);
	return len;
}

size_t jw_format_real(char *buf, double value)
{
	size_t len = percent_17g(buf, value);
	/* a whole number keeps a '.', or it would read back as an integer */
	if (!strchr(buf, '.') && !strchr(buf, 'e')) {
		memcpy(buf + len, ".0", 3);
		return len + 2;
	}
	char *exponent = strchr(buf, 'e');
	if (!exponent)
		return len;
	char *digits = exponent + 1, *from = digits + 1;
	if (*digits == '-')
		digits++;
	while (*from == '0')
		from++;
	if (from != digits) {
		memmove(digits, from, len + 1 - (size_t)(from - buf));
		len -= (size_t)(from - digits);
	}
	return len;
}
