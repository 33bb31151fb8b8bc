/*
 * cmd_progress.c - "natrisk progress PLAN --on DATE": progress on the
 * adopted measures of a plan (method.md section 6b): the register as a
 * table, JSON or CSV (progress_output.h), or with -o LETTER.html or
 * LETTER.odt the progress letter (progress_letter.h). This file parses
 * the command line and commits the output.
 */
#include <getopt.h>
#include <string.h>

#include <natrisk/progress_letter.h>
#include <natrisk/progress_output.h>

#include "cli.h"

typedef struct progress_args {
	const char *plan, *on, *since, *format, *output;
	natrisk_lang lang;
} progress_args;

static const struct option progress_options[] = {
	{ "on", required_argument, NULL, 'd' },
	{ "since", required_argument, NULL, 's' },
	{ "format", required_argument, NULL, 'f' },
	{ "lang", required_argument, NULL, 'l' },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
};

static int take_option(const cli_command *cmd, int letter, void *ctx)
{
	progress_args *a = ctx;
	switch (letter) {
	case 'd': a->on = optarg; break;
	case 's': a->since = optarg; break;
	case 'f': a->format = optarg; break;
	case 'o': a->output = optarg; break;
	case 'l':
		if (!cli_parse_lang(optarg, &a->lang))
			return cli_usage_error(cmd, "unknown language '%s' "
			                       "(en, nl)", optarg);
		break;
	}
	return 0;
}

static bool ends_with(const char *text, const char *suffix)
{
	size_t n = strlen(text), k = strlen(suffix);
	return n >= k && strcmp(text + n - k, suffix) == 0;
}

/* The dates of --on and --since (default: a year before --on); 0, or 2
 * after a usage message. */
static int parse_dates(const cli_command *cmd, const progress_args *a,
                       natrisk_date *on, natrisk_date *since)
{
	if (!a->on)
		return cli_usage_error(cmd, "--on DATE is required");
	if (natrisk_date_parse(a->on, on) != 0)
		return cli_usage_error(cmd, "--on '%s' is not a real date "
		                       "YYYY-MM-DD", a->on);
	*since = natrisk_date_add_years(*on, -1);
	if (a->since && natrisk_date_parse(a->since, since) != 0)
		return cli_usage_error(cmd, "--since '%s' is not a real date "
		                       "YYYY-MM-DD", a->since);
	if (natrisk_date_compare(since, on) > 0)
		return cli_usage_error(cmd, "--since %s comes after --on %s",
		                       a->since, a->on);
	return 0;
}

/* The letter of PR: the plan's assessment under its method's default
 * profile is the risk picture. */
static int write_letter(const cli_command *cmd, const progress_args *a,
                        const natrisk_progress *pr, FILE *out)
{
	const natrisk_assessment *as =
		natrisk_plan_assessment(natrisk_progress_plan(pr));
	size_t profile;
	natrisk_results *r = NULL;
	int rc = cli_profile(cmd, as, NULL, &profile);
	if (rc == 0)
		rc = natrisk_results_new(&r, as, profile);
	if (rc == 0)
		rc = natrisk_progress_letter_write(
			pr, r,
			ends_with(a->output, ".odt") ? NATRISK_LETTER_ODT
			                             : NATRISK_LETTER_HTML,
			a->lang, out);
	natrisk_results_free(r);
	return rc;
}

static int write_progress(const cli_command *cmd, const progress_args *a,
                          const natrisk_progress *pr, natrisk_format format)
{
	cli_output out;
	int status = cli_output_open(&out);
	if (status)
		return status;
	bool letter = a->output && (ends_with(a->output, ".html") ||
	                            ends_with(a->output, ".odt"));
	int rc = letter ? write_letter(cmd, a, pr, out.stream)
	                : natrisk_progress_write(pr, format, a->lang,
	                                         a->since != NULL, out.stream);
	if (rc != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		cli_output_discard(&out);
		return EXIT_INVALID;
	}
	return cli_output_commit(&out, a->output);
}

static int run_progress(const cli_command *cmd, int argc, char **argv)
{
	progress_args a = { .lang = NATRISK_LANG_EN };
	int status = cli_getopt(cmd, argc, argv, progress_options,
	                        sizeof progress_options /
	                                sizeof *progress_options,
	                        "dsflo", take_option, &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected one plan file");
	a.plan = argv[optind];
	natrisk_format format = NATRISK_FORMAT_TABLE;
	if (a.format &&
	    (status = cli_table_format(cmd, a.format, &format)) != 0)
		return status;
	if (a.format && a.output && (ends_with(a.output, ".html") ||
	                             ends_with(a.output, ".odt")))
		return cli_usage_error(cmd, "-o %s writes the letter; "
		                       "--format is for the register", a.output);
	natrisk_date on, since;
	if ((status = parse_dates(cmd, &a, &on, &since)) != 0)
		return status;
	natrisk_plan *p;
	if (cli_load_plan(a.plan, &p) != 0)
		return EXIT_INVALID;
	natrisk_progress *pr;
	if (natrisk_progress_new(&pr, p, &on, &since) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		natrisk_plan_free(p);
		return EXIT_INVALID;
	}
	status = write_progress(cmd, &a, pr, format);
	natrisk_progress_free(pr);
	natrisk_plan_free(p);
	return status;
}

const cli_command cmd_progress = {
	"progress", "progress on adopted measures; the progress letter",
	"usage: natrisk progress PLAN --on DATE [--since DATE]\n"
	"                        [--format table|json|csv] [--lang en|nl] "
	"[-o OUT]\n\n"
	"Loads the plan file PLAN and prints, per adopted advice, measure and\n"
	"action, the action's status on DATE (that of the last log entry\n"
	"dated on or before it; none yet: planned), since when, and whether\n"
	"it is overdue (its deadline, the last day of its due period, is\n"
	"before DATE and it is neither done nor dropped); per owner the\n"
	"number of actions, done and overdue.\n\n"
	"  -d, --on DATE         the date of the report, YYYY-MM-DD (required)\n"
	"  -s, --since DATE      list what changed after DATE (the table and\n"
	"                        the JSON add it; default for the letter: a\n"
	"                        year before --on)\n"
	"  -f, --format FORMAT   table (default); json (docs/formats.md); csv:\n"
	"                        the action register, one row per action, that\n"
	"                        'natrisk plan import-actions' reads back\n"
	"  -l, --lang LANG       language of the table and the letter: en or nl\n"
	"  -o, --output OUT      write to OUT instead of standard output;\n"
	"                        OUT.html or OUT.odt (OpenDocument Text)\n"
	"                        writes the progress letter\n"
	"  -h, --help            this text\n\n"
	"Exit status: 0 success, 1 invalid input, 2 usage error.\n",
	run_progress,
};
