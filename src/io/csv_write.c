/*
 * csv_write.c - see csv_write.h.
 */
#include "csv_write.h"

#include <math.h>
#include <string.h>

static void quoted_part(FILE *out, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
}

void csv_field(FILE *out, const char *prefix, const char *text)
{
	if (!text)
		text = "";
	if (!strpbrk(prefix, ",\"\r\n") && !strpbrk(text, ",\"\r\n")) {
		fputs(prefix, out);
		fputs(text, out);
		return;
	}
	fputc('"', out);
	quoted_part(out, prefix);
	quoted_part(out, text);
	fputc('"', out);
}

void csv_number(FILE *out, double value)
{
	if (isfinite(value))
		fprintf(out, ",%.17g", value);
	else
		fputc(',', out);
}
