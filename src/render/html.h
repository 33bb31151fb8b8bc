/*
 * html.h - writing HTML safely: escaping text that comes from input files
 * (titles, rationales, method names are all user data), paragraphs, and
 * numbers in the conventions of the report's language.
 */
#ifndef NATRISK_HTML_H
#define NATRISK_HTML_H

#include <stdio.h>

#include <natrisk/common.h>

/*
 * TEXT with & < > " ' escaped, so the result is safe both as element
 * content and inside a double-quoted attribute value. NULL writes nothing.
 */
void html_text(FILE *out, const char *text);
/* The same for natrisk_text in LANG. */
void html_ltext(FILE *out, const natrisk_text *text, natrisk_lang lang);
/* One <p> per block of TEXT separated by blank lines. */
void html_paragraphs(FILE *out, const char *text);

/* Dashes, as macros so that a following letter cannot join the escape. */
#define NDASH "\xE2\x80\x93"
#define MDASH "\xE2\x80\x94"
#define MINUS "\xE2\x88\x92"

/* A fixed text in the chosen language. */
static inline const char *html_tr(natrisk_lang lang, const char *en,
                                  const char *nl)
{
	return lang == NATRISK_LANG_NL ? nl : en;
}

/* VALUE with DECIMALS decimals, a decimal comma in Dutch; "–" when not
 * finite. */
void html_decimal(FILE *out, double value, int decimals, natrisk_lang lang);
/* A quantity as given: whole numbers with thousands separators, others
 * with four significant digits. */
void html_quantity(FILE *out, double value, natrisk_lang lang);

#endif
