/*
 * report_plan_chain.c - the chain chart of the report's capability
 * analysis: the five phases of the safety chain (columns) against the
 * scenarios the analysis covers, highest risk first (rows), each cell
 * coloured by its capability gap; and the same figures as a table, for
 * every covered scenario, as the chart's text alternative.
 *
 * A cell (scenario, phase) holds the capabilities of that phase that name
 * the scenario. Its gap is the largest gap among those the experts judged:
 * levels run 0..4, so a colour means the same whatever the number of
 * capabilities (the table gives that number). A cell without capabilities
 * is a gap in the chain itself; one whose capabilities have no levels yet
 * is not judged.
 *
 * The chart is a scene (scene.h) written by our SVG writer, CHART_W units
 * wide so that a phone shows it at its own size: each scenario's name
 * above its row of cells, wrapped, never cut. Each cell's class names its
 * phase ("cell preparation") and its data-scenario the scenario.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/capabilities.h>
#include <natrisk/membuf.h>
#include <natrisk/plan.h>

#include "../core/error.h"
#include "fmt.h"
#include "report_parts.h"
#include "scene.h"
#include "text_metrics.h"

/* Geometry in scene units (CSS pixels). */
enum { MARGIN = 10, CELL_W = 68, CELL_H = 26, CHART_W = 2 * MARGIN + 5 * CELL_W };
#define NAME_SIZE 11.0
#define NAME_LINE 14.0
#define SMALL_SIZE 10.0
#define HEAD_SIZE 9.5
/* The chart shows the highest-risk covered scenarios; the table all. */
#define MAX_ROWS 12

typedef struct cell {
	size_t count; /* capabilities */
	bool judged;  /* some of them have levels */
	double gap;   /* the largest gap of those, when judged */
} cell;

typedef enum {
	KIND_NO_CAPABILITY, KIND_NOT_JUDGED, KIND_NO_GAP, KIND_SMALL,
	KIND_MODERATE, KIND_LARGE, KIND_COUNT
} cell_kind;

/* Light to dark as the gap grows; a gap in the chain is a white cell
 * with a dashed red border, so that it reads apart from the colours. */
static const uint32_t kind_fill[KIND_COUNT] = {
	0xFFFFFF, 0xE0E0E0, 0xD9F0D3, 0xFEE08B, 0xFC8D59, 0xD73027
};
static const char *const kind_class[KIND_COUNT] = {
	"no-capability", "not-judged", "gap-0", "gap-1", "gap-2", "gap-3"
};
static const char *const cell_role[NATRISK_PHASE_COUNT] = {
	"cell pro-action", "cell prevention", "cell preparation",
	"cell response", "cell aftercare"
};

static cell_kind kind_of(const cell *c)
{
	if (c->count == 0)
		return KIND_NO_CAPABILITY;
	if (!c->judged)
		return KIND_NOT_JUDGED;
	return c->gap <= 0 ? KIND_NO_GAP : c->gap <= 1 ? KIND_SMALL
	       : c->gap <= 2 ? KIND_MODERATE : KIND_LARGE;
}

static const char *kind_name(const report *rp, cell_kind k)
{
	switch (k) {
	case KIND_NO_CAPABILITY: return TR(rp, "no capability", "geen capaciteit");
	case KIND_NOT_JUDGED: return TR(rp, "not judged", "niet beoordeeld");
	case KIND_NO_GAP: return TR(rp, "no gap", "geen tekort");
	case KIND_SMALL: return TR(rp, "gap 0.5" NDASH "1", "tekort 0,5" NDASH "1");
	case KIND_MODERATE: return TR(rp, "gap 1.5" NDASH "2", "tekort 1,5" NDASH "2");
	default: return TR(rp, "gap over 2", "tekort boven 2");
	}
}

const char *report_phase_name(const report *rp, int phase)
{
	static const char *const nl[NATRISK_PHASE_COUNT] = {
		"pro-actie", "preventie", "preparatie", "repressie", "nazorg"
	};
	return rp->lang == NATRISK_LANG_NL ? nl[phase] : natrisk_phase_name(phase);
}

void report_number_text(const report *rp, double value, char *buf)
{
	fmt_trim(buf, value, 1);
	char *dot = strchr(buf, '.');
	if (dot && rp->lang == NATRISK_LANG_NL)
		*dot = ',';
	if (buf[0] == '-') { /* a true minus sign */
		memmove(buf + 3, buf + 1, strlen(buf));
		memcpy(buf, MINUS, 3);
	}
}

/* The text in a cell: its gap, or what it lacks. BUF 48 bytes. */
static const char *cell_text(const report *rp, const cell *c, char *buf)
{
	switch (kind_of(c)) {
	case KIND_NO_CAPABILITY: return TR(rp, "none", "geen");
	case KIND_NOT_JUDGED: return "?";
	default: report_number_text(rp, c->gap, buf); return buf;
	}
}

/* The chain's data: a cell per scenario of RP's assessment and phase,
 * and the covered scenarios in the order of risk. */
typedef struct chain {
	cell *cells;   /* [scenario * NATRISK_PHASE_COUNT + phase] */
	size_t *rows;  /* covered scenarios, highest risk first */
	size_t row_count;
} chain;

static int chain_build(const report *rp, const natrisk_capabilities *caps,
                       const size_t *map, chain *ch)
{
	const natrisk_plan *p = natrisk_capabilities_plan(caps);
	size_t n = natrisk_assessment_scenario_count(rp->a);
	ch->cells = calloc(n * NATRISK_PHASE_COUNT + 1, sizeof *ch->cells);
	ch->rows = calloc(n + 1, sizeof *ch->rows);
	if (!ch->cells || !ch->rows)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t k = 0; k < natrisk_plan_capability_count(p); k++) {
		const natrisk_capability *c = natrisk_plan_capability(p, k);
		const natrisk_capability_figures *f =
			natrisk_capabilities_figures(caps, k);
		for (size_t s = 0; s < c->scenario_count; s++) {
			cell *at = &ch->cells[map[c->scenarios[s]] *
			                      NATRISK_PHASE_COUNT + c->phase];
			at->count++;
			if (f->has_levels && (!at->judged || f->gap > at->gap))
				at->gap = f->gap;
			at->judged |= f->has_levels;
		}
	}
	const size_t *order = natrisk_results_order(rp->r);
	for (size_t k = 0; k < n; k++)
		for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++)
			if (ch->cells[order[k] * NATRISK_PHASE_COUNT + ph].count) {
				ch->rows[ch->row_count++] = order[k];
				break;
			}
	return NATRISK_OK;
}

static const cell *cell_at(const chain *ch, size_t scenario, int phase)
{
	return &ch->cells[scenario * NATRISK_PHASE_COUNT + phase];
}

/* ---- the chart --------------------------------------------------------- */

static const rgba ink = { 0x1b, 0x1b, 0x1b, 255 };
static const rgba muted = { 0x55, 0x55, 0x55, 255 };

/* TEXT wrapped to the chart's width at (MARGIN, Y); returns the y below. */
static double wrapped(natrisk_scene *scene, text_metrics *tm, double y,
                      double size, bool bold, rgba colour, const char *role,
                      const char *scenario, const char *text)
{
	size_t len = strlen(text);
	char *lines = malloc(len + 1);
	if (!lines) {
		scene->out_of_memory = true;
		return y;
	}
	double width;
	size_t count = text_wrap(tm, text, size, bold,
	                         CHART_W - 2 * MARGIN, lines, &width);
	shape *s = scene_textf(scene, MARGIN, y + size, size, ANCHOR_START,
	                       colour, lines);
	free(lines);
	double line = size * 1.3;
	if (s) {
		s->bold = bold;
		s->line_height = line;
		s->role = role;
		s->scenario = scenario;
	}
	return y + size + line * (double)(count - 1) + 4;
}

static void draw_cell(const report *rp, natrisk_scene *scene,
                      const natrisk_scenario *s, int phase, const cell *c,
                      double y)
{
	cell_kind k = kind_of(c);
	double x = MARGIN + phase * CELL_W;
	bool chain_gap = k == KIND_NO_CAPABILITY;
	shape *r = scene_rect(scene, x + 1, y, CELL_W - 2, CELL_H,
	                      rgb(kind_fill[k]),
	                      chain_gap ? rgb(0xB2182B) : RGBA_NONE,
	                      chain_gap ? 1.5 : 0);
	char value[48], tip[600];
	const char *shown = cell_text(rp, c, value);
	if (r) {
		r->dashed = chain_gap;
		r->role = cell_role[phase];
		r->scenario = s->id;
		int len = snprintf(tip, sizeof tip, "%s " MDASH " %s: %s%s",
		                   s->title, report_phase_name(rp, phase),
		                   k >= KIND_NO_GAP ? TR(rp, "gap ", "tekort ")
		                                    : "",
		                   k >= KIND_NO_GAP ? shown : kind_name(rp, k));
		if (c->count && len > 0 && (size_t)len < sizeof tip)
			snprintf(tip + len, sizeof tip - (size_t)len, " (%zu %s)",
			         c->count, c->count == 1
			         ? TR(rp, "capability", "capaciteit")
			         : TR(rp, "capabilities", "capaciteiten"));
		r->tooltip = scene_text(scene, tip);
	}
	shape *t = scene_textf(scene, x + CELL_W / 2.0, y + CELL_H / 2.0 + 4,
	                       11, ANCHOR_MIDDLE,
	                       k == KIND_LARGE ? rgb(0xFFFFFF) : ink, shown);
	if (t) {
		t->role = "cell-label";
		t->scenario = s->id;
	}
}

static double draw_heads(const report *rp, natrisk_scene *scene, double y)
{
	for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++) {
		shape *t = scene_textf(scene, MARGIN + (ph + 0.5) * CELL_W,
		                       y + SMALL_SIZE, HEAD_SIZE, ANCHOR_MIDDLE,
		                       ink, report_phase_name(rp, ph));
		if (t) {
			t->bold = true;
			t->role = "phase";
		}
	}
	return y + SMALL_SIZE + 8;
}

/* Two rows of three swatches, each with its name. */
static double draw_legend(const report *rp, natrisk_scene *scene,
                          text_metrics *tm, double y)
{
	y = wrapped(scene, tm, y, SMALL_SIZE, true, ink, "legend", NULL,
	            TR(rp, "Largest gap in the cell (target " MINUS
	               " current level, 0" NDASH "4)",
	               "Grootste tekort in de cel (gewenst " MINUS
	               " huidig niveau, 0" NDASH "4)"));
	static const cell_kind order[KIND_COUNT] = {
		KIND_NO_GAP, KIND_SMALL, KIND_MODERATE, KIND_LARGE,
		KIND_NOT_JUDGED, KIND_NO_CAPABILITY
	};
	const double column = (CHART_W - 2 * MARGIN) / 3.0;
	for (int k = 0; k < KIND_COUNT; k++) {
		double x = MARGIN + column * (k % 3), row = y + 18 * (k / 3);
		bool chain_gap = order[k] == KIND_NO_CAPABILITY;
		shape *s = scene_rect(scene, x, row + 2, 12, 12,
		                      rgb(kind_fill[order[k]]),
		                      chain_gap ? rgb(0xB2182B) : rgb(0x999999),
		                      1);
		if (s) {
			s->dashed = chain_gap;
			s->role = "legend";
		}
		shape *t = scene_textf(scene, x + 16, row + 12, SMALL_SIZE,
		                       ANCHOR_START, ink,
		                       kind_name(rp, order[k]));
		if (t)
			t->role = "legend";
	}
	return y + 2 * 18 + MARGIN;
}

static double draw_rows(const report *rp, natrisk_scene *scene,
                        text_metrics *tm, const chain *ch, size_t shown,
                        double y)
{
	for (size_t k = 0; k < shown; k++) {
		const natrisk_scenario *s =
			natrisk_assessment_scenario(rp->a, ch->rows[k]);
		y = wrapped(scene, tm, y, NAME_SIZE, false, ink, "label", s->id,
		            s->title);
		for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++)
			draw_cell(rp, scene, s, ph, cell_at(ch, ch->rows[k], ph),
			          y);
		y += CELL_H + 10;
	}
	return y;
}

static int chart_scene(const report *rp, const chain *ch,
                       natrisk_scene **out)
{
	text_metrics *tm = text_metrics_new();
	natrisk_scene *scene = scene_new(CHART_W, 0);
	if (!tm || !scene) {
		text_metrics_free(tm);
		natrisk_scene_free(scene);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	size_t shown = ch->row_count < MAX_ROWS ? ch->row_count : MAX_ROWS;
	const char *title = TR(rp, "Capability gaps along the safety chain",
	                       "Tekorten in capaciteiten over de "
	                       "veiligheidsketen");
	scene->title = scene_text(scene, title);
	char line[200];
	if (shown < ch->row_count)
		snprintf(line, sizeof line, TR(rp,
		         "The %zu highest-risk scenarios of the %zu the "
		         "analysis covers",
		         "De %zu scenario's met het hoogste risico van de %zu "
		         "die de analyse behandelt"), shown, ch->row_count);
	else
		snprintf(line, sizeof line, "%s", TR(rp,
		         "The scenarios the analysis covers, highest risk first",
		         "De scenario's die de analyse behandelt, hoogste "
		         "risico eerst"));
	scene->description = scene_text(scene, TR(rp,
		"Phases of the safety chain (columns) against the scenarios "
		"(rows), each cell coloured by the largest capability gap; "
		"the table below gives the same figures.",
		"Fasen van de veiligheidsketen (kolommen) tegen de scenario's "
		"(rijen), elke cel gekleurd naar het grootste tekort; de "
		"tabel hieronder geeft dezelfde cijfers."));
	double y = wrapped(scene, tm, 6, 14, true, ink, "title", NULL, title);
	y = wrapped(scene, tm, y, SMALL_SIZE, false, muted, "title", NULL, line);
	y = draw_heads(rp, scene, y + 6);
	y = draw_rows(rp, scene, tm, ch, shown, y);
	scene->height = ceil(draw_legend(rp, scene, tm, y + 4));
	text_metrics_free(tm);
	if (scene_out_of_memory(scene)) {
		natrisk_scene_free(scene);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	*out = scene;
	return NATRISK_OK;
}

static int write_chart(const report *rp, const chain *ch)
{
	natrisk_scene *scene = NULL;
	int rc = chart_scene(rp, ch, &scene);
	if (rc == 0)
		rc = natrisk_scene_set_id(scene, "chain-chart");
	if (rc != 0) {
		natrisk_scene_free(scene);
		return rc;
	}
	fputs("<figure id=\"chain-chart\" class=\"chain-chart\">\n", rp->out);
	rc = natrisk_scene_write_svg(scene, true, rp->out);
	natrisk_scene_free(scene);
	fmt_print(rp->out, "<figcaption>%s</figcaption>\n</figure>\n",
	          TR(rp, "Each cell: the largest gap between the target and "
	             "the current level among the phase's capabilities for "
	             "the scenario (medians over the experts). The table "
	             "below holds the same figures for every scenario.",
	             "Elke cel: het grootste tekort tussen het gewenste en "
	             "het huidige niveau van de capaciteiten van die fase "
	             "voor het scenario (medianen over de deskundigen). De "
	             "tabel hieronder geeft dezelfde cijfers voor elk "
	             "scenario."));
	return rc;
}

/* ---- the table --------------------------------------------------------- */

static void table_cell(const report *rp, const cell *c, int phase)
{
	char value[48];
	cell_kind k = kind_of(c);
	fmt_print(rp->out, "<td class=\"%s\" data-phase=\"%s\">%s",
	          kind_class[k], natrisk_phase_name(phase),
	          k == KIND_NOT_JUDGED ? kind_name(rp, k)
	                               : cell_text(rp, c, value));
	if (c->count > 1)
		fmt_print(rp->out, " <small>(%zu)</small>", c->count);
	fputs("</td>", rp->out);
}

static void table_totals(const report *rp, const natrisk_capabilities *caps)
{
	FILE *out = rp->out;
	fmt_print(out, "<tfoot><tr><th scope=row>%s</th>",
	          TR(rp, "Capabilities (sum of the gaps)",
	             "Capaciteiten (som van de tekorten)"));
	char value[48];
	for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++) {
		const natrisk_phase_figures *f =
			natrisk_capabilities_phase(caps, ph);
		report_number_text(rp, f->gap, value);
		fmt_print(out, "<td data-phase=\"%s\">%zu (%s)</td>",
		          natrisk_phase_name(ph), f->capabilities, value);
	}
	fputs("</tr></tfoot>\n", out);
}

static void write_table(const report *rp, const natrisk_capabilities *caps,
                        const chain *ch)
{
	FILE *out = rp->out;
	fmt_print(out, "<table class=\"chain\">\n<caption>%s</caption>\n"
	          "<thead><tr><th scope=col>Scenario</th>",
	          TR(rp, "Largest capability gap per scenario and phase, "
	             "highest risk first; (n): the number of capabilities "
	             "when more than one; none: no capability, a gap in the "
	             "chain itself.",
	             "Grootste tekort per scenario en fase, hoogste risico "
	             "eerst; (n): het aantal capaciteiten als dat meer dan "
	             "een is; geen: geen capaciteit, een gat in de keten "
	             "zelf."));
	for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++)
		fmt_print(out, "<th scope=col>%s</th>", report_phase_name(rp, ph));
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < ch->row_count; k++) {
		const natrisk_scenario *s =
			natrisk_assessment_scenario(rp->a, ch->rows[k]);
		fputs("<tr data-scenario=\"", out);
		html_text(out, s->id);
		fputs("\"><th scope=row>", out);
		html_text(out, s->title);
		fputs("</th>", out);
		for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++)
			table_cell(rp, cell_at(ch, ch->rows[k], ph), ph);
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n", out);
	table_totals(rp, caps);
	fputs("</table>\n", out);
}

void report_plan_chain_css(FILE *out)
{
	for (int k = 0; k < KIND_COUNT; k++)
		fprintf(out, "table.chain td.%s{background:#%06X%s}\n",
		        kind_class[k], (unsigned)kind_fill[k],
		        k == KIND_LARGE ? ";color:#fff" : "");
	fputs("table.chain td.no-capability{outline:1.5px dashed #b2182b;"
	      "outline-offset:-3px}\n"
	      "figure.chain-chart svg{width:34rem}\n"
	      "@media print{figure.chain-chart svg{width:105mm}}\n", out);
}

int report_plan_chain(const report *rp, const natrisk_capabilities *caps,
                      const size_t *map)
{
	chain ch = { 0 };
	int rc = chain_build(rp, caps, map, &ch);
	if (rc == 0) {
		fmt_print(rp->out, "<section id=\"chain\" aria-labelledby="
		          "\"chain-h\">\n<h3 id=\"chain-h\">%s</h3>\n<p>%s</p>\n",
		          TR(rp, "The safety chain", "De veiligheidsketen"),
		          TR(rp, "For the scenarios the analysis covers, the "
		             "experts judged the capabilities each phase of the "
		             "safety chain needs (the target) and has (the "
		             "current level), from 0 absent to 4 robust.",
		             "Voor de scenario's die de analyse behandelt "
		             "beoordeelden de deskundigen welke capaciteiten "
		             "elke fase van de veiligheidsketen nodig heeft (het "
		             "gewenste niveau) en heeft (het huidige niveau), "
		             "van 0 afwezig tot 4 robuust."));
		if (ch.row_count)
			rc = write_chart(rp, &ch);
		write_table(rp, caps, &ch);
		fputs("</section>\n", rp->out);
	}
	free(ch.cells);
	free(ch.rows);
	return rc;
}
