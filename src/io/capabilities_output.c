/*
 * capabilities_output.c - writing the figures of a capability analysis
 * (capabilities_output.h): per capability the experts, current, target,
 * gap and flag, per phase the totals, and the gaps in the safety chain,
 * as an 80-column table, JSON or CSV.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/capabilities_output.h>

#include "../core/error.h"
#include "csv_write.h"
#include "json_writer.h"

/* A level, a median or a gap: a whole number where it is one; null
 * where there are no levels. */
static void level_json(json_writer *w, bool has_levels, double value)
{
	if (!has_levels)
		jw_null(w);
	else if (value == floor(value) && fabs(value) < 1e15)
		jw_integer(w, (long long)value);
	else
		jw_real(w, value);
}

static void capability_json(json_writer *w, const natrisk_capabilities *c,
                            size_t i)
{
	const natrisk_plan *p = natrisk_capabilities_plan(c);
	const natrisk_assessment *a = natrisk_plan_assessment(p);
	const natrisk_capability *cap = natrisk_plan_capability(p, i);
	const natrisk_capability_figures *f = natrisk_capabilities_figures(c, i);
	jw_object(w);
	jw_key(w, "id");
	jw_string(w, cap->id);
	jw_key(w, "phase");
	jw_string(w, natrisk_phase_name(cap->phase));
	jw_key(w, "scenarios");
	jw_array(w);
	for (size_t k = 0; k < cap->scenario_count; k++)
		jw_string(w, natrisk_assessment_scenario(a, cap->scenarios[k])->id);
	jw_end(w);
	jw_key(w, "experts");
	jw_integer(w, (long long)f->experts);
	jw_key(w, "current");
	level_json(w, f->has_levels, f->current);
	jw_key(w, "target");
	level_json(w, f->has_levels, f->target);
	jw_key(w, "gap");
	level_json(w, f->has_levels, f->gap);
	jw_key(w, "flagged");
	jw_bool(w, f->flagged);
	jw_key(w, "measures");
	jw_array(w);
	for (size_t k = 0; k < f->measure_count; k++)
		jw_string(w, natrisk_plan_measure(p, f->measures[k])->id);
	jw_end(w);
	jw_end(w);
}

static void phases_json(json_writer *w, const natrisk_capabilities *c)
{
	jw_object(w);
	for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++) {
		const natrisk_phase_figures *f =
			natrisk_capabilities_phase(c, (natrisk_phase)ph);
		jw_key(w, natrisk_phase_name((natrisk_phase)ph));
		jw_object(w);
		jw_key(w, "capabilities");
		jw_integer(w, (long long)f->capabilities);
		jw_key(w, "gap");
		level_json(w, true, f->gap);
		jw_end(w);
	}
	jw_end(w);
}

static void chain_gaps_json(json_writer *w, const natrisk_capabilities *c)
{
	const natrisk_assessment *a =
		natrisk_plan_assessment(natrisk_capabilities_plan(c));
	jw_array(w);
	for (size_t i = 0; i < natrisk_capabilities_chain_gap_count(c); i++) {
		const natrisk_chain_gap *g = natrisk_capabilities_chain_gap(c, i);
		jw_object(w);
		jw_key(w, "scenario");
		jw_string(w, natrisk_assessment_scenario(a, g->scenario)->id);
		jw_key(w, "phases");
		jw_array(w);
		for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++)
			if (g->missing[ph])
				jw_string(w, natrisk_phase_name((natrisk_phase)ph));
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
}

/* Written as it goes (json_writer.h), as the assess JSON: the tree of
 * 300 capabilities cost more than their figures. */
char *natrisk_capabilities_json(const natrisk_capabilities *c)
{
	const natrisk_plan *p = natrisk_capabilities_plan(c);
	json_writer w;
	jw_init(&w);
	jw_object(&w);
	jw_key(&w, "plan");
	jw_string(&w, natrisk_plan_title(p));
	jw_key(&w, "capabilities");
	jw_array(&w);
	for (size_t i = 0; i < natrisk_plan_capability_count(p); i++)
		capability_json(&w, c, i);
	jw_end(&w);
	jw_key(&w, "phases");
	phases_json(&w, c);
	jw_key(&w, "chain_gaps");
	chain_gaps_json(&w, c);
	jw_end(&w);
	return jw_finish(&w);
}

/* The id of entry K of LIST: a scenario of P's assessment, or a measure
 * of P. */
static const char *listed_id(const natrisk_plan *p, bool scenarios,
                             const size_t *list, size_t k)
{
	if (scenarios)
		return natrisk_assessment_scenario(natrisk_plan_assessment(p),
		                                   list[k])->id;
	return natrisk_plan_measure(p, list[k])->id;
}

/* The ids of LIST (scenarios or measures) separated by spaces, as one
 * CSV field after a comma; false when out of memory. */
static bool csv_ids(FILE *out, const natrisk_plan *p, bool scenarios,
                    const size_t *list, size_t n)
{
	size_t size = 1;
	for (size_t k = 0; k < n; k++)
		size += strlen(listed_id(p, scenarios, list, k)) + 1;
	char *text = calloc(size, 1);
	if (!text)
		return false;
	for (size_t k = 0; k < n; k++) {
		if (k)
			strcat(text, " ");
		strcat(text, listed_id(p, scenarios, list, k));
	}
	fputc(',', out);
	csv_field(out, "", text);
	free(text);
	return true;
}

/* Returns false when out of memory. */
static bool write_csv(FILE *out, const natrisk_capabilities *c)
{
	const natrisk_plan *p = natrisk_capabilities_plan(c);
	fputs("id,title,phase,scenarios,experts,current,target,gap,flagged,"
	      "measures\r\n", out);
	for (size_t i = 0; i < natrisk_plan_capability_count(p); i++) {
		const natrisk_capability *cap = natrisk_plan_capability(p, i);
		const natrisk_capability_figures *f =
			natrisk_capabilities_figures(c, i);
		csv_field(out, "", cap->id);
		fputc(',', out);
		csv_field(out, "", cap->title);
		fprintf(out, ",%s", natrisk_phase_name(cap->phase));
		if (!csv_ids(out, p, true, cap->scenarios, cap->scenario_count))
			return false;
		fprintf(out, ",%zu", f->experts);
		if (f->has_levels) {
			csv_number(out, f->current);
			csv_number(out, f->target);
			csv_number(out, f->gap);
		} else {
			fputs(",,,", out);
		}
		fprintf(out, ",%s", f->flagged ? "true" : "false");
		if (!csv_ids(out, p, false, f->measures, f->measure_count))
			return false;
		fputs("\r\n", out);
	}
	return true;
}

/* A fixed text of the table in the chosen language. */
static const char *tr(natrisk_lang lang, const char *en, const char *nl)
{
	return lang == NATRISK_LANG_NL ? nl : en;
}

static void write_capability_rows(FILE *out, const natrisk_capabilities *c,
                                  natrisk_lang lang)
{
	const natrisk_plan *p = natrisk_capabilities_plan(c);
	fprintf(out, "%-30s %-12s %7s %7s %6s %5s\n",
	        tr(lang, "Capability", "Vermogen"), tr(lang, "Phase", "Fase"),
	        tr(lang, "Experts", "Experts"), tr(lang, "Current", "Huidig"),
	        tr(lang, "Target", "Doel"), tr(lang, "Gap", "Gat"));
	for (size_t i = 0; i < natrisk_plan_capability_count(p); i++) {
		const natrisk_capability *cap = natrisk_plan_capability(p, i);
		const natrisk_capability_figures *f =
			natrisk_capabilities_figures(c, i);
		bool cut = strlen(cap->id) > 28;
		fprintf(out, "%c %-*.*s%s %-12s %7zu", f->flagged ? '!' : ' ',
		        28 - cut, 28 - cut, cap->id, cut ? "~" : "",
		        natrisk_phase_name(cap->phase), f->experts);
		if (f->has_levels)
			fprintf(out, " %7.1f %6.1f %+5.1f\n", f->current,
			        f->target, f->gap);
		else
			fprintf(out, " %7s %6s %5s\n", "-", "-", "-");
	}
	fprintf(out, "\n%s\n\n", tr(lang, "! experts' current levels lie two "
	        "or more apart", "! huidige niveaus van de experts liggen "
	        "twee of meer uiteen"));
}

static void write_table(FILE *out, const natrisk_capabilities *c,
                        natrisk_lang lang)
{
	const natrisk_plan *p = natrisk_capabilities_plan(c);
	const natrisk_assessment *a = natrisk_plan_assessment(p);
	fprintf(out, "%s\n\n", natrisk_plan_title(p));
	write_capability_rows(out, c, lang);
	fprintf(out, "%-14s %12s %6s\n", tr(lang, "Phase", "Fase"),
	        tr(lang, "Capabilities", "Vermogens"),
	        tr(lang, "Gap", "Gat"));
	for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++) {
		const natrisk_phase_figures *f =
			natrisk_capabilities_phase(c, (natrisk_phase)ph);
		fprintf(out, "%-14s %12zu %6.1f\n",
		        natrisk_phase_name((natrisk_phase)ph), f->capabilities,
		        f->gap);
	}
	fprintf(out, "\n%s\n", tr(lang, "Gaps in the chain (phases without "
	        "a capability for the scenario):", "Gaten in de keten (fasen "
	        "zonder vermogen voor het scenario):"));
	for (size_t i = 0; i < natrisk_capabilities_chain_gap_count(c); i++) {
		const natrisk_chain_gap *g = natrisk_capabilities_chain_gap(c, i);
		fprintf(out, "  %s:", natrisk_assessment_scenario(a, g->scenario)->id);
		for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++)
			if (g->missing[ph])
				fprintf(out, " %s",
				        natrisk_phase_name((natrisk_phase)ph));
		fputs(g->missing_count ? "\n" : tr(lang, " none\n", " geen\n"),
		      out);
	}
}

int natrisk_capabilities_write(const natrisk_capabilities *c,
                               natrisk_format format, natrisk_lang lang,
                               FILE *out)
{
	switch (format) {
	case NATRISK_FORMAT_JSON: {
		char *text = natrisk_capabilities_json(c);
		if (!text)
			return error_set(NATRISK_ENOMEM, "out of memory");
		fprintf(out, "%s\n", text);
		free(text);
		break;
	}
	case NATRISK_FORMAT_CSV:
		if (!write_csv(out, c))
			return error_set(NATRISK_ENOMEM, "out of memory");
		break;
	default:
		write_table(out, c, lang);
	}
	return ferror(out) ? error_set(NATRISK_EIO, "cannot write the output")
	                   : NATRISK_OK;
}
