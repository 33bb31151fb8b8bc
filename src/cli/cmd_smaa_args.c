/*
 * cmd_smaa_args.c - the options of "natrisk smaa": parsed and checked
 * before any file is read, so that a mistyped option is a usage error
 * (exit 2) whatever the state of the input; criterion ids and the
 * profile are resolved once the assessment's method is known.
 */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <natrisk/method.h>

#include "cmd_smaa.h"

/* Days of work on a large machine: a typo, not a wish. */

enum {
	OPT_AROUND = 256, OPT_CONCENTRATION, OPT_ORDER, OPT_INTERVAL,
	OPT_OUTPUTS, OPT_MEASUREMENTS, OPT_WEIGHTS,
};

static const struct option long_options[] = {
	{ "iterations", required_argument, NULL, 'n' },
	{ "seed", required_argument, NULL, 's' },
	{ "threads", required_argument, NULL, 't' },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "lang", required_argument, NULL, 'l' },
	{ "around", required_argument, NULL, OPT_AROUND },
	{ "concentration", required_argument, NULL, OPT_CONCENTRATION },
	{ "order", required_argument, NULL, OPT_ORDER },
	{ "interval", required_argument, NULL, OPT_INTERVAL },
	{ "outputs", required_argument, NULL, OPT_OUTPUTS },
	{ "measurements", required_argument, NULL, OPT_MEASUREMENTS },
	{ "weights", required_argument, NULL, OPT_WEIGHTS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* What was given, for the checks that relate options to each other. */
typedef struct seen {
	const char *sampling;  /* an option that only an assessment takes */
	const char *format;
	bool concentration;
	bool outputs;
} seen;


static bool parse_real(const char *text, double *out)
{
	char *end;
	*out = strtod(text, &end);
	return end != text && *end == '\0' && isfinite(*out);
}

static char *trimmed_copy(const char *start, const char *end)
{
	while (start < end && (*start == ' ' || *start == '\t'))
		start++;
	while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return strndup(start, (size_t)(end - start));
}

/* "2.1>3.1>5.3": two or more ids, each once. */
static int parse_order(const cli_command *cmd, const char *text,
                       smaa_order *order)
{
	*order = (smaa_order){ .text = text };
	size_t parts = 1;
	for (const char *p = text; *p; p++)
		parts += *p == '>';
	order->ids = calloc(parts, sizeof *order->ids);
	if (!order->ids)
		return cli_usage_error(cmd, "out of memory");
	const char *start = text;
	for (size_t k = 0; k < parts; k++) {
		const char *end = strchr(start, '>');
		end = end ? end : start + strlen(start);
		char *id = trimmed_copy(start, end);
		if (!id)
			return cli_usage_error(cmd, "out of memory");
		order->ids[order->count++] = id;
		if (!*id || parts < 2)
			return cli_usage_error(cmd, "malformed --order '%s': "
			                       "expected criterion ids separated "
			                       "by '>', as in 2.1>3.1>5.3", text);
		for (size_t j = 0; j + 1 < order->count; j++)
			if (strcmp(order->ids[j], id) == 0)
				return cli_usage_error(cmd, "--order '%s' names "
				                       "criterion %s twice", text,
				                       id);
		start = end + 1;
	}
	return 0;
}

/* "2.1=0.05:0.30" */
static int parse_interval(const cli_command *cmd, const char *text,
                          smaa_interval *interval)
{
	*interval = (smaa_interval){ 0 };
	const char *equals = strchr(text, '=');
	const char *colon = equals ? strchr(equals, ':') : NULL;
	char *lower = colon ? strndup(equals + 1,
	                              (size_t)(colon - equals - 1)) : NULL;
	bool ok = lower && parse_real(lower, &interval->lower) &&
	          parse_real(colon + 1, &interval->upper);
	free(lower);
	if (ok)
		interval->id = trimmed_copy(text, equals);
	if (!ok || !interval->id || !*interval->id)
		return cli_usage_error(cmd, "malformed --interval '%s': "
		                       "expected ID=LOWER:UPPER, as in "
		                       "2.1=0.05:0.30", text);
	if (!(interval->lower >= 0 && interval->upper <= 1 &&
	      interval->lower <= interval->upper))
		return cli_usage_error(cmd, "--interval '%s': the limits must "
		                       "lie within [0, 1], the lower first",
		                       text);
	return 0;
}

static int parse_outputs(const cli_command *cmd, const char *text,
                         unsigned *out)
{
	static const struct { const char *name; unsigned bits; } names[] = {
		{ "ranks", 0 },
		{ "central", NATRISK_SMAA_CENTRAL },
		/* the confidence pass values with the central weights */
		{ "confidence", NATRISK_SMAA_CONFIDENCE | NATRISK_SMAA_CENTRAL },
		{ "classes", NATRISK_SMAA_CLASSES },
		{ "cells", NATRISK_SMAA_CELLS },
		{ "pairwise", NATRISK_SMAA_PAIRWISE },
		{ "risk", NATRISK_SMAA_RISK },
	};
	*out = 0;
	const char *p = text;
	for (;;) {
		size_t len = strcspn(p, ","), k = 0;
		while (k < sizeof names / sizeof *names &&
		       (strlen(names[k].name) != len ||
		        strncmp(names[k].name, p, len) != 0))
			k++;
		if (k == sizeof names / sizeof *names)
			return cli_usage_error(cmd, "--outputs '%s': '%.*s' is "
			                       "not one of ranks, central, "
			                       "confidence, classes, cells, "
			                       "pairwise, risk", text, (int)len, p);
		*out |= names[k].bits;
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

static int grow_and_parse(const cli_command *cmd, int letter,
                          smaa_args *args)
{
	if (letter == OPT_ORDER) {
		smaa_order *more = realloc(args->orders, (args->order_count + 1) *
		                                                 sizeof *more);
		if (!more)
			return cli_usage_error(cmd, "out of memory");
		args->orders = more;
		return parse_order(cmd, optarg, &more[args->order_count++]);
	}
	smaa_interval *more = realloc(args->intervals,
	                              (args->interval_count + 1) * sizeof *more);
	if (!more)
		return cli_usage_error(cmd, "out of memory");
	args->intervals = more;
	return parse_interval(cmd, optarg, &more[args->interval_count++]);
}

static int take_sampling_option(const cli_command *cmd, int letter,
                                smaa_args *args)
{
	uint64_t value;
	switch (letter) {
	case 'n':
		return cli_parse_iterations(cmd, optarg, false,
		                            &args->iterations);
	case 's':
		return cli_parse_seed(cmd, optarg, &args->seed);
	case 't':
		if (!cli_parse_whole(optarg, 256, &value))
			return cli_usage_error(cmd, "--threads takes a whole "
			                       "number from 0 (one per processor) "
			                       "to 256, not '%s'", optarg);
		args->threads = (int)value;
		return 0;
	case OPT_AROUND:
		args->around = optarg;
		return 0;
	case OPT_CONCENTRATION:
		if (!parse_real(optarg, &args->concentration) ||
		    !(args->concentration > 0))
			return cli_usage_error(cmd, "--concentration takes a "
			                       "number above 0, not '%s'", optarg);
		return 0;
	default:
		return grow_and_parse(cmd, letter, args);
	}
}

static int take_option(const cli_command *cmd, int letter, smaa_args *args,
                       seen *given)
{
	switch (letter) {
	case 'f':
		given->format = optarg;
		return cli_table_format(cmd, optarg, &args->format);
	case 'o': args->output = optarg; return 0;
	case 'l':
		if (!cli_parse_lang(optarg, &args->lang))
			return cli_usage_error(cmd, "unknown language '%s' (en, "
			                       "nl)", optarg);
		return 0;
	case OPT_OUTPUTS:
		given->outputs = true;
		return parse_outputs(cmd, optarg, &args->outputs);
	case OPT_MEASUREMENTS: args->measurements = optarg; return 0;
	case OPT_WEIGHTS: args->weights = optarg; return 0;
	}
	given->concentration |= letter == OPT_CONCENTRATION;
	if (!given->sampling)
		for (const struct option *o = long_options; o->name; o++)
			if (o->val == letter)
				given->sampling = o->name;
	return take_sampling_option(cmd, letter, args);
}

/* The file, or the two sample files; the options that go with each. */
static int check_mode(const cli_command *cmd, const smaa_args *args,
                      const seen *given)
{
	bool samples = args->measurements || args->weights;
	if (args->file && samples)
		return cli_usage_error(cmd, "give an assessment file or "
		                       "--measurements and --weights, not both");
	if (!args->file && !samples)
		return cli_usage_error(cmd, "expected an assessment file, or "
		                       "--measurements M.csv --weights W.csv");
	if (samples && !(args->measurements && args->weights))
		return cli_usage_error(cmd, "--measurements and --weights go "
		                       "together");
	if (samples && given->sampling)
		return cli_usage_error(cmd, "--%s applies to an assessment, "
		                       "not to given samples", given->sampling);
	unsigned drawn = NATRISK_SMAA_CLASSES | NATRISK_SMAA_CELLS |
	                 NATRISK_SMAA_RISK;
	if (samples && given->outputs && (args->outputs & drawn))
		return cli_usage_error(cmd, "--outputs classes, cells and risk "
		                       "need an assessment");
	if (given->concentration && !args->around)
		return cli_usage_error(cmd, "--concentration needs --around "
		                       "PROFILE");
	return 0;
}

/* -o: a chart by its extension, else the format (--format or the
 * extension, else a table). */
static int check_output(const cli_command *cmd, smaa_args *args,
                        const seen *given)
{
	const char *dot = args->output ? strrchr(args->output, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return 0;
	args->chart_png = strcasecmp(dot, ".png") == 0;
	args->chart = args->chart_png || strcasecmp(dot, ".svg") == 0;
	if (args->chart && given->format)
		return cli_usage_error(cmd, "--format does not apply to a chart "
		                       "(-o %s)", args->output);
	if (given->format)
		return 0;
	if (strcasecmp(dot, ".json") == 0)
		args->format = NATRISK_FORMAT_JSON;
	else if (strcasecmp(dot, ".csv") == 0)
		args->format = NATRISK_FORMAT_CSV;
	return 0;
}

int smaa_parse_args(const cli_command *cmd, int argc, char **argv,
                    smaa_args *args)
{
	memset(args, 0, sizeof *args);
	args->iterations = 10000;
	args->seed = 1;
	args->concentration = 100;
	args->format = NATRISK_FORMAT_TABLE;
	args->lang = NATRISK_LANG_EN;
	args->outputs = NATRISK_SMAA_ALL & ~NATRISK_SMAA_CLOUD;
	seen given = { 0 };
	opterr = 0; /* our own messages, naming the command */
	optind = 1;
	int letter;
	while ((letter = getopt_long(argc, argv, ":n:s:t:f:o:l:h",
	                             long_options, NULL)) != -1) {
		if (letter == 'h')
			return -1;
		if (letter == ':' || letter == '?')
			return cli_option_error(cmd, letter, argv);
		int status = take_option(cmd, letter, args, &given);
		if (status)
			return status;
	}
	if (optind < argc - 1)
		return cli_usage_error(cmd, "expected one assessment file");
	args->file = optind < argc ? argv[optind] : NULL;
	int status = check_mode(cmd, args, &given);
	return status ? status : check_output(cmd, args, &given);
}

void smaa_args_free(smaa_args *args)
{
	for (size_t k = 0; k < args->order_count; k++) {
		for (size_t j = 0; j < args->orders[k].count; j++)
			free(args->orders[k].ids[j]);
		free(args->orders[k].ids);
	}
	for (size_t k = 0; k < args->interval_count; k++)
		free(args->intervals[k].id);
	free(args->orders);
	free(args->intervals);
	memset(args, 0, sizeof *args);
}

/* ------------------------------------------------ on the method */

static int find_criterion(const cli_command *cmd, const natrisk_method *m,
                          const char *id, const char *option, size_t *out)
{
	long c = natrisk_method_find_criterion(m, id, strlen(id));
	if (c >= 0) {
		*out = (size_t)c;
		return 0;
	}
	return cli_usage_error(cmd, "%s: method %s has no criterion '%s'",
	                       option, natrisk_method_id(m), id);
}

static int resolve_orders(const cli_command *cmd, const smaa_args *args,
                          const natrisk_method *m, natrisk_smaa_weights *w,
                          smaa_weights_holder *h)
{
	size_t pairs = 0;
	for (size_t k = 0; k < args->order_count; k++)
		pairs += args->orders[k].count - 1;
	h->greater = calloc(pairs + 1, sizeof *h->greater);
	h->lesser = calloc(pairs + 1, sizeof *h->lesser);
	if (!h->greater || !h->lesser)
		return cli_usage_error(cmd, "out of memory");
	size_t at = 0;
	for (size_t k = 0; k < args->order_count; k++) {
		const smaa_order *o = &args->orders[k];
		size_t previous = 0;
		for (size_t j = 0; j < o->count; j++) {
			size_t c = 0;
			if (find_criterion(cmd, m, o->ids[j], "--order", &c))
				return EXIT_USAGE;
			if (j > 0) {
				h->greater[at] = previous;
				h->lesser[at++] = c;
			}
			previous = c;
		}
	}
	w->greater = h->greater;
	w->lesser = h->lesser;
	w->order_count = at;
	return 0;
}

static int resolve_intervals(const cli_command *cmd, const smaa_args *args,
                             const natrisk_method *m,
                             natrisk_smaa_weights *w, smaa_weights_holder *h)
{
	size_t n = natrisk_method_criterion_count(m);
	h->lower = calloc(n + 1, sizeof *h->lower);
	h->upper = calloc(n + 1, sizeof *h->upper);
	bool *limited = calloc(n + 1, sizeof *limited);
	int status = h->lower && h->upper && limited
	                     ? 0 : cli_usage_error(cmd, "out of memory");
	for (size_t c = 0; status == 0 && c < n; c++)
		h->upper[c] = 1;
	for (size_t k = 0; status == 0 && k < args->interval_count; k++) {
		const smaa_interval *in = &args->intervals[k];
		size_t c = 0;
		status = find_criterion(cmd, m, in->id, "--interval", &c);
		if (status == 0 && limited[c])
			status = cli_usage_error(cmd, "--interval: criterion %s "
			                         "has two intervals", in->id);
		if (status == 0) {
			limited[c] = true;
			h->lower[c] = in->lower;
			h->upper[c] = in->upper;
		}
	}
	free(limited);
	w->lower = h->lower;
	w->upper = h->upper;
	return status;
}

int smaa_resolve_weights(const cli_command *cmd, const smaa_args *args,
                         const natrisk_assessment *a,
                         natrisk_smaa_weights *out,
                         smaa_weights_holder *holder)
{
	memset(out, 0, sizeof *out);
	memset(holder, 0, sizeof *holder);
	const natrisk_method *m = natrisk_assessment_method(a);
	if (args->around) {
		size_t profile;
		if (cli_profile(cmd, a, args->around, &profile) != 0)
			return EXIT_USAGE;
		out->mean = natrisk_method_profile(m, profile)->weights;
		out->concentration = args->concentration;
	}
	if (args->order_count &&
	    resolve_orders(cmd, args, m, out, holder) != 0)
		return EXIT_USAGE;
	if (args->interval_count &&
	    resolve_intervals(cmd, args, m, out, holder) != 0)
		return EXIT_USAGE;
	return 0;
}

void smaa_weights_free(smaa_weights_holder *holder)
{
	free(holder->greater);
	free(holder->lesser);
	free(holder->lower);
	free(holder->upper);
	memset(holder, 0, sizeof *holder);
}
