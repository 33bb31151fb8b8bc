/*
 * html.c - see html.h.
 */
#include "html.h"

#include "fmt.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* Whether C needs escaping or replacing in HTML text. */
static bool special(unsigned char c)
{
	return c < 0x20 || c == 0x7f || c == '&' || c == '<' || c == '>' ||
	       c == '"' || c == '\'';
}

static void escape_span(FILE *out, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t start = i;
		while (i < len && !special((unsigned char)text[i]))
			i++;
		fwrite(text + start, 1, i - start, out);
		if (i == len)
			break;
		unsigned char c = (unsigned char)text[i];
		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default:
			/* Control characters are parse errors in HTML. */
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
			    c == 0x7f)
				fputs("\xEF\xBF\xBD", out);
			else
				fputc(c, out);
		}
	}
}

void html_text(FILE *out, const char *text)
{
	if (text)
		escape_span(out, text, strlen(text));
}

void html_ltext(FILE *out, const natrisk_text *text, natrisk_lang lang)
{
	html_text(out, natrisk_text_get(text, lang));
}

static bool blank_line(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

void html_paragraphs(FILE *out, const char *text)
{
	if (!text)
		return;
	bool open = false;
	for (const char *p = text; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (blank_line(p, len)) {
			if (open)
				fputs("</p>\n", out);
			open = false;
		} else {
			fputs(open ? "\n" : "<p>", out);
			open = true;
			escape_span(out, p, len);
		}
		p += len + (end ? 1 : 0);
	}
	if (open)
		fputs("</p>\n", out);
}

void html_decimal(FILE *out, double value, int decimals, natrisk_lang lang)
{
	if (!isfinite(value)) {
		fputs("\xE2\x80\x93", out);
		return;
	}
	char buf[64];
	fmt_fixed(buf, value, decimals);
	if (lang == NATRISK_LANG_NL) {
		char *dot = strchr(buf, '.');
		if (dot)
			*dot = ',';
	}
	fputs(buf, out);
}

static void grouped(FILE *out, double value, char sep)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%.0f", fabs(value));
	size_t n = strlen(digits);
	if (value < 0)
		fputc('-', out);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			fputc(sep, out);
		fputc(digits[i], out);
	}
}

void html_quantity(FILE *out, double value, natrisk_lang lang)
{
	bool nl = lang == NATRISK_LANG_NL;
	if (isfinite(value) && value == floor(value) && fabs(value) < 1e15) {
		grouped(out, value, nl ? '.' : ',');
		return;
	}
	char buf[64];
	snprintf(buf, sizeof buf, "%.4g", value);
	if (nl) {
		char *dot = strchr(buf, '.');
		if (dot)
			*dot = ',';
	}
	fputs(buf, out);
}
