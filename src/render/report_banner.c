/*
 * report_banner.c - the banner a report carries at its top and bottom,
 * and in the margin of every printed page: the highest classification of
 * what it holds, the edition's status (when it comes from the store) and
 * the date it was made. A printed page that strays from its report still
 * says how it must be handled and how final it is.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fmt.h"
#include "report_parts.h"

const char *report_classification_name(const report *rp,
                                       natrisk_classification c)
{
	switch (c) {
	case NATRISK_RESTRICTED:
		return TR(rp, "restricted", "departementaal vertrouwelijk");
	case NATRISK_CONFIDENTIAL:
		return TR(rp, "confidential", "staatsgeheim confidentieel");
	default:
		return TR(rp, "public", "openbaar");
	}
}

/* The highest classification of the scenarios and themes in the report. */
static natrisk_classification highest(const natrisk_assessment *a)
{
	natrisk_classification top = NATRISK_PUBLIC;
	for (size_t i = 0; i < natrisk_assessment_scenario_count(a); i++)
		if (natrisk_assessment_scenario(a, i)->classification > top)
			top = natrisk_assessment_scenario(a, i)->classification;
	for (size_t t = 0; t < natrisk_assessment_theme_count(a); t++)
		if (natrisk_assessment_theme(a, (size_t)(t))->classification > top)
			top = natrisk_assessment_theme(a, (size_t)(t))->classification;
	return top;
}

static const char *status_name(const report *rp, const char *status)
{
	static const char *const names[][3] = {
		{ "draft", "draft", "concept" },
		{ "scoring", "scoring", "scoren" },
		{ "consolidation", "consolidation", "consolidatie" },
		{ "published", "published", "gepubliceerd" },
	};
	for (size_t k = 0; k < sizeof names / sizeof *names; k++)
		if (strcmp(status, names[k][0]) == 0)
			return TR(rp, names[k][1], names[k][2]);
	return status;
}

/* Today (UTC) as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH when it is
 * set, so that a build can make the same report twice. */
static void today(char out[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10)
	                             : time(NULL);
	struct tm utc;
	gmtime_r(&now, &utc);
	strftime(out, 11, "%Y-%m-%d", &utc);
}

void report_banner_text(const report *rp, char *out, size_t size)
{
	char date[11];
	if (rp->date && strlen(rp->date) == 10)
		memcpy(date, rp->date, 11);
	else
		today(date);
	const char *level = report_classification_name(rp, highest(rp->a));
	char upper[64];
	size_t k = 0;
	for (; level[k] && k + 1 < sizeof upper; k++)
		upper[k] = (char)(level[k] >= 'a' && level[k] <= 'z'
		                          ? level[k] - 'a' + 'A'
		                          : level[k]);
	upper[k] = '\0';
	if (rp->status)
		snprintf(out, size, "%s " MDASH " %s: %s " MDASH " %s", upper,
		         TR(rp, "status", "status"),
		         status_name(rp, rp->status), date);
	else
		snprintf(out, size, "%s " MDASH " %s", upper, date);
}

void report_banner(const report *rp, const char *where)
{
	char text[160];
	report_banner_text(rp, text, sizeof text);
	fmt_print(rp->out, "<div class=\"banner %s\" role=\"note\" "
	        "aria-label=\"%s\">", where,
	        TR(rp, "Classification and status",
	           "Rubricering en status"));
	html_text(rp->out, text);
	fputs("</div>\n", rp->out);
}

void report_banner_css(const report *rp)
{
	char text[160];
	report_banner_text(rp, text, sizeof text);
	/* the text holds letters, digits, spaces, dashes and a colon only:
	 * nothing a CSS string must escape */
	fmt_print(rp->out, "@page{@top-center{content:\"%s\";font:9pt "
	        "sans-serif;font-weight:700}@bottom-center{content:\"%s\";"
	        "font:9pt sans-serif;font-weight:700}}\n", text, text);
}
