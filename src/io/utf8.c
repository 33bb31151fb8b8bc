/*
 * utf8.c - the byte-level check that runs before any YAML parsing, so that
 * bad input is reported at its exact line and column rather than as a
 * parser failure somewhere later.
 */
#include <stdbool.h>
#include <stdint.h>

#include <string.h>

#include "utf8.h"
#include "ytree.h"

size_t utf8_sequence(const unsigned char *p, size_t left)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	size_t len;
	uint32_t cp, min;
	if ((c & 0xE0) == 0xC0)
		len = 2, cp = c & 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		len = 3, cp = c & 0x0F, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		len = 4, cp = c & 0x07, min = 0x10000;
	else
		return 0;
	if (len > left)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* How many of the bytes from P on (up to LEFT, sixteen at a time) are
 * printable ASCII: most of a file, skipped without a look at each byte. */
static size_t printable_run(const unsigned char *p, size_t left)
{
	const __m128i below = _mm_set1_epi8(0x1F), above = _mm_set1_epi8(0x7F);
	size_t run = 0;
	for (; run + 16 <= left; run += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + run));
		__m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, below),
		                           _mm_cmplt_epi8(v, above));
		if (_mm_movemask_epi8(ok) != 0xFFFF)
			break;
	}
	return run;
}
#else
static size_t printable_run(const unsigned char *p, size_t left)
{
	(void)p, (void)left;
	return 0;
}
#endif

int utf8_check(const char *name, const char *buf, size_t len,
               natrisk_diag *diag)
{
	const unsigned char *p = (const unsigned char *)buf;
	int line = 1, column = 1;
	size_t i = 0;
	/* A byte order mark is invisible in an editor, and the YAML parser
	 * does not count it either: columns start after it. */
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	while (i < len) {
		size_t run = printable_run(p + i, len - i);
		column += (int)run;
		i += run;
		if (i == len)
			break;
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x7F) { /* the common case: printable ASCII */
			column++;
			i++;
			continue;
		}
		size_t n = utf8_sequence(p + i, len - i);
		if (n == 0) {
			natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, name, line,
			                 column, "invalid UTF-8 (byte 0x%02X)", c);
			return -1;
		}
		if (n == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, name, line,
			                 column, "control character 0x%02X is not "
			                 "allowed", c);
			return -1;
		}
		if (c == 0x7F) {
			natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, name, line,
			                 column, "control character 0x7F is not "
			                 "allowed");
			return -1;
		}
		bool crlf = c == '\r' && i + 1 < len && p[i + 1] == '\n';
		if (c == '\n' || (c == '\r' && !crlf))
			line++, column = 1;
		else if (!crlf)
			column++;
		i += n;
	}
	return 0;
}

void utf8_sanitize(char *text)
{
	unsigned char *p = (unsigned char *)text;
	size_t left = strlen(text);
	while (left > 0) {
		size_t n = utf8_sequence(p, left);
		if (n == 0 || (n == 1 && (*p < 0x20 || *p == 0x7F))) {
			*p = '?';
			n = 1;
		}
		p += n;
		left -= n;
	}
}

size_t utf8_length(const char *text, size_t len)
{
	size_t count = 0;
	for (size_t i = 0; i < len; i++)
		count += ((unsigned char)text[i] & 0xC0) != 0x80;
	return count;
}

static bool is_white_space(uint32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 ||
	       cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool utf8_blank(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_sequence(p + i, len - i);
		if (n == 0)
			return false;
		uint32_t cp = n == 1 ? p[i] : p[i] & (0x7F >> n);
		for (size_t k = 1; k < n; k++)
			cp = (cp << 6) | (p[i + k] & 0x3F);
		if (!is_white_space(cp))
			return false;
		i += n;
	}
	return true;
}
