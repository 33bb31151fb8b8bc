/*
 * cli_residual.c - --plan PLAN --measures SET for assess and diagram:
 * the measures SET names, their effects carried over to the assessment
 * file by scenario id, and the residual assessment (residual.h) with its
 * results under the run's weight profile.
 *
 * The effects go by scenario id, not by the plan's own copy of its
 * assessment, so that FILE is what is assessed and the effects land on
 * its scenarios; FILE must then use the plan's method (the criteria are
 * indices into it) and hold every scenario the chosen measures touch.
 * When FILE is the plan's own assessment it is loaded once, by the plan.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <natrisk/plan.h>
#include <natrisk/residual.h>

#include "cli.h"

int cli_residual_usage(const cli_command *cmd, const cli_args *args)
{
	if (args->measures && !args->plan)
		return cli_usage_error(cmd, "--measures goes with --plan");
	if (args->plan && !args->measures)
		return cli_usage_error(cmd, "--plan needs --measures adopted, "
		                       "all or a comma list of measure ids");
	if (args->plan && args->compare && !args->plan_with_compare)
		return cli_usage_error(cmd, "--plan and --compare both draw "
		                       "movements: give one of them");
	if (args->plan && args->uncertainty)
		return cli_usage_error(cmd, "--uncertainty goes without --plan");
	return 0;
}

/* Marks in CHOSEN the measures of advice the cabinet adopted. */
static void choose_adopted(const natrisk_plan *p, bool *chosen)
{
	for (size_t a = 0; a < natrisk_plan_advice_count(p); a++) {
		const natrisk_advice *advice = natrisk_plan_advice(p, a);
		if (advice->decision != NATRISK_DECISION_ADOPTED)
			continue;
		for (size_t k = 0; k < advice->measure_count; k++)
			chosen[advice->measures[k]] = true;
	}
}

/* Marks in CHOSEN the measures of the comma list SET; returns 0, or 1
 * after naming an id the plan lacks. */
static int choose_listed(const cli_command *cmd, const natrisk_plan *p,
                         const char *set, bool *chosen)
{
	char *copy = strdup(set);
	if (!copy) {
		fprintf(stderr, "natrisk %s: out of memory\n", cmd->name);
		return EXIT_INVALID;
	}
	int status = 0;
	char *rest = copy;
	for (char *id = strsep(&rest, ","); id && status == 0;
	     id = strsep(&rest, ",")) {
		long m = natrisk_plan_find_measure(p, id);
		if (m < 0) {
			fprintf(stderr, "natrisk %s: %s has no measure '%s' "
			        "(--measures)\n", cmd->name,
			        natrisk_plan_path(p), id);
			status = EXIT_INVALID;
		} else {
			chosen[m] = true;
		}
	}
	free(copy);
	return status;
}

/* Whether FILE's method is the plan's: the same id and criteria. */
static bool same_method(const natrisk_method *a, const natrisk_method *b)
{
	size_t n = natrisk_method_criterion_count(a);
	if (strcmp(natrisk_method_id(a), natrisk_method_id(b)) != 0 ||
	    n != natrisk_method_criterion_count(b))
		return false;
	for (size_t c = 0; c < n; c++)
		if (strcmp(natrisk_method_criterion(a, c)->id,
		           natrisk_method_criterion(b, c)->id) != 0)
			return false;
	return true;
}

/* The effects of the CHOSEN measures, on the scenarios of A (found by
 * id), into a new array (*OUT, *COUNT; the caller frees *OUT). Returns 0,
 * or 1 after saying which scenario A lacks. */
static int gather_effects(const cli_command *cmd, const natrisk_plan *p,
                          const bool *chosen, const natrisk_assessment *a,
                          natrisk_effect **out, size_t *count)
{
	const natrisk_assessment *planned = natrisk_plan_assessment(p);
	size_t total = 0;
	for (size_t m = 0; m < natrisk_plan_measure_count(p); m++)
		if (chosen[m])
			total += natrisk_plan_measure(p, m)->effect_count;
	*count = 0;
	*out = calloc(total + 1, sizeof **out);
	if (!*out) {
		fprintf(stderr, "natrisk %s: out of memory\n", cmd->name);
		return EXIT_INVALID;
	}
	for (size_t m = 0; m < natrisk_plan_measure_count(p); m++) {
		const natrisk_measure *measure = natrisk_plan_measure(p, m);
		for (size_t k = 0; chosen[m] && k < measure->effect_count; k++) {
			natrisk_effect e = measure->effects[k];
			const char *id =
				natrisk_assessment_scenario(planned, e.scenario)->id;
			long i = natrisk_assessment_find_scenario(a, id);
			if (i < 0) {
				fprintf(stderr, "natrisk %s: measure '%s' has an "
				        "effect on scenario '%s', which the "
				        "assessment file lacks\n", cmd->name,
				        measure->id, id);
				return EXIT_INVALID;
			}
			e.scenario = (size_t)i;
			(*out)[(*count)++] = e;
		}
	}
	return 0;
}

/* The effects of SET in the plan of RUN on RUN's assessment. */
static int set_effects(const cli_command *cmd, cli_run *run,
                       const char *set, natrisk_effect **out, size_t *count)
{
	const natrisk_plan *p = run->plan;
	size_t n = natrisk_plan_measure_count(p);
	bool *chosen = calloc(n + 1, sizeof *chosen);
	if (!chosen) {
		fprintf(stderr, "natrisk %s: out of memory\n", cmd->name);
		return EXIT_INVALID;
	}
	int status = 0;
	if (strcmp(set, "all") == 0)
		memset(chosen, 1, n * sizeof *chosen);
	else if (strcmp(set, "adopted") == 0)
		choose_adopted(p, chosen);
	else
		status = choose_listed(cmd, p, set, chosen);
	*out = NULL;
	if (status == 0)
		status = gather_effects(cmd, p, chosen, run->assessment, out,
		                        count);
	if (status == 0)
		run->chosen = chosen; /* the report names the set's measures */
	else
		free(chosen);
	return status;
}

/* Whether the paths A and B name one file. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cli_residual_load(const cli_command *cmd, const cli_args *args,
                      cli_run *run)
{
	if (!args->plan)
		return 0;
	int status = cli_load_plan(args->plan, &run->plan);
	if (status != 0)
		return status;
	const natrisk_assessment *own = natrisk_plan_assessment(run->plan);
	/* not loaded twice: cli_run_close() knows it is the plan's */
	if (same_file(args->file, natrisk_assessment_path(own)))
		run->assessment = (natrisk_assessment *)own;
	return 0;
}

int cli_residual_open(const cli_command *cmd, const cli_args *args,
                      cli_run *run)
{
	if (!args->plan)
		return 0;
	int status;
	if (!same_method(natrisk_assessment_method(run->assessment),
	                 natrisk_assessment_method(
				 natrisk_plan_assessment(run->plan)))) {
		fprintf(stderr, "natrisk %s: %s and the plan's assessment use "
		        "different methods\n", cmd->name, args->file);
		return EXIT_INVALID;
	}
	natrisk_effect *effects = NULL;
	size_t count = 0;
	status = set_effects(cmd, run, args->measures, &effects, &count);
	if (status == 0 &&
	    (natrisk_residual_assessment_new(&run->residual_assessment,
	                                     run->assessment, effects,
	                                     count) != 0 ||
	     natrisk_results_new(&run->residual, run->residual_assessment,
	                         natrisk_results_profile(run->results)) != 0)) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		status = EXIT_INVALID;
	}
	free(effects);
	return status;
}
