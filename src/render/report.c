/*
 * report.c - the findings report as one self-contained HTML5 file: the
 * document and its CSS, the title block, the risk diagram (inline SVG from
 * the diagram scene) and the ranked summary table. The scenario sections,
 * the comparisons and the robustness section live in report_sections.c,
 * report_compare.c and report_robustness.c, the capability analysis in
 * report_plan*.c.
 *
 * Nothing in the file refers outside it (no scripts, fonts, images or
 * style sheets). Its only date is the banner's day (report_banner.c), so
 * that the same input gives the same bytes on one day, and always with
 * SOURCE_DATE_EPOCH.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/diagram.h>
#include <natrisk/membuf.h>

#include "../core/error.h"
#include "fmt.h"
#include "report_parts.h"

/* Screen first, then print on A4: colours kept, a page per scenario,
 * the wide tables (a column per weight profile or method) in a smaller
 * type, so that no column is cut off. */
static const char css[] =
	":root{--ink:#1b1b1b;--muted:#555;--rule:#c9ced6;--head:#e3e9f0;"
	"--band:#f3f5f8;--accent:#0b4f8a;--mark:#fde4bf}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;color:var(--ink);background:#fff;"
	"font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"\"DejaVu Sans\",Arial,sans-serif}\n"
	"main{max-width:64rem;margin:0 auto;padding:1.5rem}\n"
	"h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}\n"
	"h2{font-size:1.45rem;margin:2.5rem 0 .75rem;padding-bottom:.2rem;"
	"border-bottom:2px solid var(--accent)}\n"
	"h3{font-size:1.2rem;margin:2rem 0 .5rem}\n"
	"h4{font-size:1rem;margin:1.25rem 0 .4rem}\n"
	"a{color:var(--accent)}\n"
	"dl.meta{display:grid;grid-template-columns:max-content 1fr;"
	"gap:.15rem 1rem;margin:.5rem 0}\n"
	"dl.meta dt{font-weight:600}dl.meta dd{margin:0}\n"
	"p.note,.muted{color:var(--muted);font-size:.9rem}\n"
	"nav ul{margin:.25rem 0;padding-left:1.25rem}\n"
	"table{border-collapse:collapse;width:100%;margin:.75rem 0 1.25rem;"
	"font-size:.9rem}\n"
	"caption{text-align:left;font-weight:600;padding:.25rem 0}\n"
	"th,td{border:1px solid var(--rule);padding:.3rem .5rem;"
	"text-align:left;vertical-align:top}\n"
	"thead th,th[scope=col]{background:var(--head)}\n"
	"tbody th[scope=rowgroup]{background:var(--band)}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums;"
	"white-space:nowrap}\n"
	/* long column titles wrap, so that wide tables fit the page */
	"thead th.num{white-space:normal;hyphens:auto}\n"
	"th code{overflow-wrap:anywhere}\n"
	".grade{white-space:nowrap}\n"
	".badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;"
	"background:var(--accent);color:#fff;font-size:.8rem;"
	"font-weight:600}\n"
	"td.d{background:var(--mark);font-weight:700}\n"
	"td small{color:var(--muted);font-size:.9em}\n"
	/* numbers right-aligned by column: a thousand rows need no class
	 * on every cell */
	"table.summary td:nth-child(1),table.summary td:nth-child(n+6),"
	"table.profiles td,table.robustness td,table.kendall td{"
	"text-align:right;font-variant-numeric:tabular-nums;"
	"white-space:nowrap}\n"
	"table.summary td:nth-child(5),table.summary td:nth-child(9),"
	"table.summary td:nth-child(11){text-align:left;white-space:nowrap}\n"
	"th.chosen{border-bottom:3px solid var(--accent)}\n"
	".up{color:#a1000b}.down{color:#0b6b2e}\n"
	"figure{margin:1rem 0}\n"
	"figcaption{color:var(--muted);font-size:.9rem}\n"
	"svg{max-width:100%;height:auto}\n"
	"svg.chart{width:680px}\n"
	"svg.chart text{font-size:13px;fill:#1b1b1b;text-anchor:end;"
	"dominant-baseline:central}\n"
	"svg.chart tspan{text-anchor:start}\n"
	"svg.chart path.b{stroke:#4f81b8;stroke-width:16}\n"
	"svg.chart path{stroke:#1b1b1b;stroke-width:1.5;fill:none}\n"
	"svg.chart path.a{stroke:#555;stroke-width:1}\n"
	"svg.chart path.w{marker:url(#" CHART_CAP ")}\n"
	"table.criteria td:nth-child(-n+4){white-space:nowrap}\n"
	".banner{margin:0;padding:.35rem 1rem;text-align:center;"
	"font-weight:700;letter-spacing:.02em;background:#f6e3b4;"
	"border:solid #8a6d1d;border-width:0 0 1px}\n"
	".banner.bottom{border-width:1px 0 0}\n"
	"@page{size:A4;margin:14mm 12mm}\n"
	"@media print{\n"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"table.profiles,table.robustness,table.kendall,table.smaa{"
	"font-size:7.5pt}\n"
	"th,td{padding:.2rem .3rem}\n"
	"body{font-size:10pt}main{max-width:none;padding:0}\n"
	"nav{display:none}a{color:inherit;text-decoration:none}\n"
	"#scenarios,#profiles,#robustness,#movements,section.scenario{"
	"break-before:page;page-break-before:always}\n"
	"#scenarios>section.scenario:first-of-type{"
	"break-before:auto;page-break-before:auto}\n"
	"h2,h3,h4{break-after:avoid;page-break-after:avoid}\n"
	"figure,tr{break-inside:avoid;page-break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	"}\n";

void report_likelihood_cell(const report *rp, const natrisk_score *s)
{
	char ev[4], ll[4], ul[4];
	natrisk_grade_letters(&s->point[NATRISK_EV], ev);
	natrisk_grade_letters(&s->point[NATRISK_LL], ll);
	natrisk_grade_letters(&s->point[NATRISK_UL], ul);
	/* the classes' names are in the legend of the scenarios */
	fputs(ev, rp->out);
	if (strcmp(ll, ul) != 0)
		fmt_print(rp->out, " <small>(%s" NDASH "%s)</small>", ll, ul);
}

void report_scenario_link(const report *rp, const natrisk_scenario *s)
{
	fputs("<a href=\"", rp->out);
	report_scenario_href(rp, s);
	fputs("\">", rp->out);
	html_text(rp->out, s->title);
	fputs("</a>", rp->out);
}

void report_scenario_href(const report *rp, const natrisk_scenario *s)
{
	fputs("#scenario-", rp->out);
	html_text(rp->out, s->id);
}

const char *report_kind_name(const report *rp, natrisk_kind kind)
{
	return kind == NATRISK_THREAT ? TR(rp, "threat", "dreiging")
	                              : TR(rp, "hazard", "gevaar");
}

double report_interest_value(const report *rp, const natrisk_scenario *s,
                             size_t k, int point)
{
	double sum = 0.0;
	for (size_t c = 0; c < natrisk_method_criterion_count(rp->m); c++) {
		if (natrisk_method_criterion(rp->m, c)->interest != k)
			continue;
		const natrisk_grade *g = &s->impact[c].point[point];
		/* A quantity's class counts at its plain class value. */
		sum += rp->profile->raw[c] *
		       natrisk_method_class_value(rp->m, g->cls,
		                                  g->high && !g->has_quantity);
	}
	return sum / rp->profile->raw_sum;
}

/* Bars of all scenarios share one scale, so charts compare. */
static double chart_max(const report *rp)
{
	double max = 0.0;
	for (size_t i = 0; i < natrisk_assessment_scenario_count(rp->a); i++)
		for (size_t k = 0; k < natrisk_method_interest_count(rp->m); k++) {
			const natrisk_scenario *s = natrisk_assessment_scenario(rp->a, i);
			double v = report_interest_value(rp, s, k, NATRISK_UL);
			if (v > max)
				max = v;
		}
	return max;
}

static void write_head(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	        "<meta charset=\"utf-8\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, "
	        "initial-scale=1\">\n"
	        "<meta name=\"generator\" content=\"natrisk %s\">\n<title>",
	        TR(rp, "en", "nl"), NATRISK_VERSION);
	html_text(out, natrisk_assessment_title(rp->a));
	/* "Assessment 2012 — 2012" says the edition twice. */
	if (natrisk_assessment_edition(rp->a) && !strstr(natrisk_assessment_title(rp->a), natrisk_assessment_edition(rp->a))) {
		fputs(" " MDASH " ", out);
		html_text(out, natrisk_assessment_edition(rp->a));
	}
	fmt_print(out, "</title>\n<style>\n%s", css);
	report_banner_css(rp);
	report_plan_css(rp);
	fputs("</style>\n</head>\n<body>\n", out);
	report_banner(rp, "top");
	fputs("<main>\n", out);
}

static void write_meta_row(const report *rp, const char *term,
                           const char *id, const natrisk_text *title)
{
	fmt_print(rp->out, "<dt>%s</dt><dd>", term);
	if (id) {
		fputs("<code>", rp->out);
		html_text(rp->out, id);
		fputs("</code>", rp->out);
	}
	if (title && *natrisk_text_get(title, rp->lang)) {
		fputs(id ? " " MDASH " " : "", rp->out);
		html_ltext(rp->out, title, rp->lang);
	}
	fputs("</dd>\n", rp->out);
}

static void write_title(const report *rp)
{
	FILE *out = rp->out;
	fputs("<header>\n<h1>", out);
	html_text(out, natrisk_assessment_title(rp->a));
	fputs("</h1>\n<dl class=\"meta\">\n", out);
	if (natrisk_assessment_edition(rp->a)) {
		natrisk_text edition = { natrisk_assessment_edition(rp->a), NULL };
		write_meta_row(rp, TR(rp, "Edition", "Editie"), NULL, &edition);
	}
	write_meta_row(rp, TR(rp, "Method", "Methode"), natrisk_method_id(rp->m),
	               natrisk_method_title(rp->m));
	write_meta_row(rp, TR(rp, "Weight profile", "Gewichtenset"),
	               rp->profile->id, &rp->profile->title);
	fmt_print(out, "<dt>%s</dt><dd>%zu</dd>\n</dl>\n",
	        TR(rp, "Scenarios", "Scenario's"), natrisk_assessment_scenario_count(rp->a));
	fmt_print(out, "<p class=\"note\">%s natrisk %s.</p>\n</header>\n",
	        TR(rp, "Generated by", "Gemaakt met"), NATRISK_VERSION);
}

static void write_nav(const report *rp)
{
	FILE *out = rp->out;
	fmt_print(out, "<nav aria-label=\"%s\">\n<ul>\n",
	        TR(rp, "Contents", "Inhoud"));
	fmt_print(out, "<li><a href=\"#diagram\">%s</a></li>\n"
	        "<li><a href=\"#summary\">%s</a></li>\n"
	        "<li><a href=\"#scenarios\">%s</a></li>\n"
	        "<li><a href=\"#profiles\">%s</a></li>\n"
	        "<li><a href=\"#robustness\">%s</a></li>\n",
	        TR(rp, "Risk diagram", "Risicodiagram"),
	        TR(rp, "Ranked summary", "Overzicht naar risico"),
	        TR(rp, "Scenarios", "Scenario's"),
	        TR(rp, "Ranking under each weight profile",
	           "Rangorde per gewichtenset"),
	        TR(rp, "Robustness of the risk picture",
	           "Robuustheid van het risicobeeld"));
	if (rp->previous)
		fmt_print(out, "<li><a href=\"#movements\">%s</a></li>\n",
		        TR(rp, "Movements since the previous edition",
		           "Verschuivingen sinds de vorige editie"));
	report_plan_nav(rp);
	fputs("</ul>\n</nav>\n", out);
}

static int write_diagram(const report *rp)
{
	FILE *out = rp->out;
	natrisk_scene *scene = NULL;
	natrisk_diagram_options options = { .lang = rp->lang,
	                                    .previous = rp->previous };
	int rc = natrisk_diagram_scene(&scene, rp->r, &options);
	if (rc != 0)
		return rc;
	fmt_print(out, "<section id=\"diagram\" aria-labelledby=\"diagram-h\">\n"
	        "<h2 id=\"diagram-h\">%s</h2>\n"
	        "<figure id=\"risk-diagram\" class=\"risk-diagram\">\n"
	        "<div role=\"img\" aria-label=\"%s\">\n",
	        TR(rp, "Risk diagram", "Risicodiagram"),
	        TR(rp, "Risk diagram: every scenario placed by likelihood "
	           "and total impact; the ranked summary below gives the "
	           "same data as a table.",
	           "Risicodiagram: elk scenario geplaatst naar "
	           "waarschijnlijkheid en totale impact; het overzicht "
	           "hieronder geeft dezelfde gegevens als tabel."));
	rc = natrisk_scene_write_svg(scene, true, out);
	natrisk_scene_free(scene);
	if (rc != 0)
		return rc;
	fmt_print(out, "\n</div>\n<figcaption>%s</figcaption>\n</figure>\n"
	        "</section>\n",
	        rp->previous
	        ? TR(rp, "Likelihood (horizontal, a factor ten per class) "
	             "against total impact (vertical, logarithmic, a factor "
	             "three per class), with LL" NDASH "UL ranges. Arrows "
	             "start where a scenario stood in the previous edition.",
	             "Waarschijnlijkheid (horizontaal, een factor tien per "
	             "klasse) tegen totale impact (verticaal, logaritmisch, "
	             "een factor drie per klasse), met bandbreedtes. Pijlen "
	             "beginnen waar een scenario in de vorige editie stond.")
	        : TR(rp, "Likelihood (horizontal, a factor ten per class) "
	             "against total impact (vertical, logarithmic, a factor "
	             "three per class), with LL" NDASH "UL ranges.",
	             "Waarschijnlijkheid (horizontaal, een factor tien per "
	             "klasse) tegen totale impact (verticaal, logaritmisch, "
	             "een factor drie per klasse), met bandbreedtes."));
	return NATRISK_OK;
}

static void write_summary_head(const report *rp)
{
	fmt_print(rp->out,
	        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
	        "<h2 id=\"summary-h\">%s</h2>\n<table class=\"summary\">\n<caption>%s</caption>\n"
	        "<thead>\n<tr><th scope=col>%s</th><th scope=col>%s</th>"
	        "<th scope=col>%s</th><th scope=col>%s</th>"
	        "<th scope=col>%s</th><th scope=col>%s</th>"
	        "<th scope=col>%s</th><th scope=col>%s</th>"
	        "<th scope=col>%s</th><th scope=col>%s</th>"
	        "<th scope=col>%s</th></tr>\n</thead>\n<tbody>\n",
	        TR(rp, "Ranked summary", "Overzicht naar risico"),
	        TR(rp, "Scenarios ranked by risk (likelihood and impact "
	           "positions added)", "Scenario's gerangschikt naar risico "
	           "(posities van waarschijnlijkheid en impact opgeteld)"),
	        TR(rp, "Rank", "Rang"), "Scenario", TR(rp, "Theme", "Thema"),
	        TR(rp, "Kind", "Soort"),
	        TR(rp, "Likelihood (LL" NDASH "UL)",
	           "Waarschijnlijkheid (OG" NDASH "BG)"),
	        TR(rp, "Impact total EV", "Totale impact VW"),
	        TR(rp, "LL", "OG"), TR(rp, "UL", "BG"),
	        TR(rp, "Impact class", "Impactklasse"),
	        TR(rp, "Risk", "Risico"),
	        TR(rp, "New", "Nieuw"));
}

static void write_summary_row(const report *rp, size_t i)
{
	FILE *out = rp->out;
	const natrisk_scenario *s = natrisk_assessment_scenario(rp->a, i);
	const natrisk_scenario_result *res = natrisk_results_get(rp->r, i);
	fmt_print(out, "<tr><td>%d</td><th scope=row>", res->rank);
	report_scenario_link(rp, s);
	fputs("</th><td>", out);
	if (s->theme >= 0)
		html_text(out, natrisk_assessment_theme(rp->a, (size_t)(s->theme))->title);
	else
		fputs(MDASH, out);
	fmt_print(out, "</td><td>%s</td><td>", report_kind_name(rp, s->kind));
	report_likelihood_cell(rp, &s->likelihood);
	static const int points[] = { NATRISK_EV, NATRISK_LL, NATRISK_UL };
	for (int p = 0; p < 3; p++) {
		fputs("</td><td>", out);
		html_decimal(out, res->impact[points[p]].total, 2, rp->lang);
	}
	char range[4];
	natrisk_impact_range(&res->impact[NATRISK_EV], range);
	fmt_print(out, "</td><td>%s</td><td>",
	        range);
	html_decimal(out, res->risk, 2, rp->lang);
	fmt_print(out, "</td><td>%s</td></tr>\n", s->is_new
	        ? TR(rp, "<span class=\"badge\">new</span>",
	             "<span class=\"badge\">nieuw</span>") : "");
}

static void write_summary(const report *rp)
{
	write_summary_head(rp);
	const size_t *order = natrisk_results_order(rp->r);
	for (size_t k = 0; k < natrisk_results_count(rp->r); k++)
		write_summary_row(rp, order[k]);
	fmt_print(rp->out, "</tbody>\n</table>\n<p class=\"note\">%s</p>\n"
	        "</section>\n",
	        TR(rp, "Impact totals are weighted sums of class values "
	           "(A = 1, each class three times the one below); the class "
	           "range names the classes between which the EV total lies.",
	           "Totale impact is een gewogen som van klassewaarden "
	           "(A = 1, elke klasse drie keer de vorige); het "
	           "klassebereik noemt de klassen waartussen de verwachte "
	           "waarde ligt."));
}

/*
 * Work done on another core while the main thread writes: the robustness
 * section's computation (much computing, little writing), and the
 * scenario sections (most of the file), written to a buffer of their own
 * that takes its place in the report after the summary. The last-error
 * message is the thread's own: the worker hands its message back, in
 * the caller's language.
 */
typedef struct report_job {
	report rp; /* a copy: the sections job writes to its own stream */
	int (*work)(struct report_job *job);
	pthread_t thread;
	bool started;
	int rc;
	natrisk_lang lang;
	char message[512];
	report_robustness_data data; /* the robustness job's */
	natrisk_membuf buffer;       /* the sections job's */
} report_job;

static void *run_job(void *arg)
{
	report_job *job = arg;
	natrisk_messages_set_lang(job->lang);
	job->rc = job->work(job);
	if (job->rc != 0)
		snprintf(job->message, sizeof job->message, "%s",
		         natrisk_error_last());
	return NULL;
}

/* Starts JOB on another thread, or does it now when none can start. */
static void job_start(report_job *job, const report *rp,
                      int (*work)(report_job *))
{
	job->rp = *rp;
	job->work = work;
	job->lang = natrisk_messages_lang();
	job->started = pthread_create(&job->thread, NULL, run_job, job) == 0;
	if (!job->started)
		run_job(job);
}

/* Waits for JOB; its result, its message made the caller's. */
static int job_finish(report_job *job)
{
	if (job->started)
		pthread_join(job->thread, NULL);
	job->started = false;
	return job->rc != 0 ? error_set(job->rc, "%s", job->message) : 0;
}

static int compute_robustness(report_job *job)
{
	return report_robustness_compute(&job->rp, &job->data);
}

static int write_sections(report_job *job)
{
	job->rp.out = natrisk_membuf_open(&job->buffer);
	if (!job->rp.out)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = report_scenarios(&job->rp);
	if (natrisk_membuf_close(&job->buffer, job->rp.out) != 0 && rc == 0)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	return rc;
}

/* The sections job's buffer into OUT, where they belong. */
static int put_sections(report_job *job, FILE *out)
{
	int rc = job_finish(job);
	if (rc == 0)
		fwrite(job->buffer.data, 1, job->buffer.len, out);
	free(job->buffer.data);
	job->buffer.data = NULL;
	return rc;
}

uint64_t natrisk_report_smaa_iterations(const natrisk_assessment *a)
{
	double cells = (double)natrisk_assessment_scenario_count(a) * natrisk_method_criterion_count(natrisk_assessment_method(a));
	double fit = NATRISK_REPORT_SMAA_DRAWS / (cells > 0 ? cells : 1);
	return fit > 10000 ? 10000 : fit < 1000 ? 1000 : (uint64_t)fit;
}

int natrisk_report_write(const natrisk_results *r,
                         const natrisk_report_options *options, FILE *out)
{
	if (!r || !out)
		return error_set(NATRISK_ERROR, "report: no results or output");
	const natrisk_assessment *a = natrisk_results_assessment(r);
	report rp = {
		.out = out,
		.lang = options ? options->lang : NATRISK_LANG_EN,
		.r = r,
		.a = a,
		.m = natrisk_assessment_method(a),
		.profile = &(*natrisk_method_profile(natrisk_assessment_method(a), natrisk_results_profile(r))),
		.previous = options ? options->previous : NULL,
		.status = options ? options->status : NULL,
		.date = options ? options->date : NULL,
		.plan = options ? options->plan : NULL,
		.residual = options ? options->residual : NULL,
		.chosen = options ? options->chosen : NULL,
		.measures = options ? options->measures : NULL,
		.portfolio = options ? options->portfolio : NULL,
		.smaa_seed = options && options->smaa_seed ? options->smaa_seed
		                                           : 1,
	};
	if (!options || !options->without_smaa)
		rp.smaa_iterations = options && options->smaa_iterations
		                             ? options->smaa_iterations
		                             : natrisk_report_smaa_iterations(a);
	rp.chart_max = chart_max(&rp);
	report_job robustness = { .rc = 0 }, sections = { .rc = 0 };
	job_start(&robustness, &rp, compute_robustness);
	job_start(&sections, &rp, write_sections);
	/* held once: each of the report's many writes then takes the lock
	 * it already has, without an atomic operation */
	flockfile(out);
	write_head(&rp);
	write_title(&rp);
	write_nav(&rp);
	int rc = write_diagram(&rp);
	if (rc == 0)
		write_summary(&rp);
	int sections_rc = put_sections(&sections, out);
	if (rc == 0)
		rc = sections_rc;
	if (rc == 0)
		rc = report_profiles(&rp);
	funlockfile(out);
	int robustness_rc = job_finish(&robustness);
	if (rc == 0)
		rc = robustness_rc;
	if (rc == 0)
		rc = report_robustness(&rp, &robustness.data);
	report_robustness_release(&robustness.data);
	if (rc != 0)
		return rc;
	if (rp.previous)
		report_movements(&rp);
	if ((rc = report_plan(&rp)) != 0)
		return rc;
	fputs("</main>\n", out);
	report_banner(&rp, "bottom");
	fputs("</body>\n</html>\n", out);
	if (ferror(out))
		return error_set(NATRISK_EIO, "cannot write the report");
	return NATRISK_OK;
}
