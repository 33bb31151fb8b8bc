/*
 * cmd_methods.c - "natrisk methods" lists the bundled methods; "natrisk
 * method show ID|PATH" prints one, readably or (--raw) as its file.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/method.h>

#include "cli.h"

static int run_methods(const cli_command *cmd, int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	                 strcmp(argv[1], "-h") == 0))
		return cli_help(cmd);
	if (argc > 1)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[1]);
	printf("%-10s %-9s %-8s %s\n", "ID", "CRITERIA", "PROFILES", "TITLE");
	for (const char *const *id = natrisk_method_bundled_ids(); *id; id++) {
		natrisk_method *m;
		natrisk_diag *diag = natrisk_diag_new();
		int rc = natrisk_method_load(&m, *id, NULL, diag);
		natrisk_diag_print(diag, stderr);
		natrisk_diag_free(diag);
		if (rc != 0) {
			fprintf(stderr, "natrisk methods: %s\n",
			        natrisk_error_last());
			return EXIT_INVALID;
		}
		printf("%-10s %-9zu %-8zu %s\n", *id,
		       natrisk_method_criterion_count(m),
		       natrisk_method_profile_count(m),
		       natrisk_text_get(natrisk_method_title(m), NATRISK_LANG_EN));
		natrisk_method_free(m);
	}
	return 0;
}

const cli_command cmd_methods = {
	"methods", "list the bundled methods",
	"usage: natrisk methods\n\n"
	"Lists the methods bundled with natrisk. Each resolves, in order, from\n"
	"$NATRISK_METHOD_PATH, the installed data directory, then the copy\n"
	"built into natrisk. 'natrisk method show ID' prints one.\n",
	run_methods,
};

static void show_criterion(const natrisk_method *m, size_t c,
                           natrisk_lang lang)
{
	const natrisk_criterion *cr = natrisk_method_criterion(m, c);
	printf("  %-5s %s\n", cr->id, natrisk_text_get(&cr->name, lang));
	if (cr->quantitative) {
		printf("        classes by %s: A < %g <= B < %g <= C < %g <= D "
		       "< %g <= E\n", natrisk_text_get(&cr->unit, lang),
		       cr->thresholds[0], cr->thresholds[1], cr->thresholds[2],
		       cr->thresholds[3]);
	}
	for (int k = 0; k < NATRISK_CLASS_COUNT; k++)
		if (cr->levels[k].en)
			printf("        %s  %s\n", natrisk_class_letter(k),
			       natrisk_text_get(&cr->levels[k], lang));
}

static void show_profile(const natrisk_method *m, size_t p, natrisk_lang lang)
{
	const natrisk_profile *pr = natrisk_method_profile(m, p);
	printf("  %-18s %s%s\n", pr->id, natrisk_text_get(&pr->title, lang),
	       p == natrisk_method_default_profile(m) ? " (default)" : "");
	printf("        ");
	for (size_t c = 0; c < natrisk_method_criterion_count(m); c++)
		printf("%s %.3f%s", natrisk_method_criterion(m, c)->id,
		       pr->weights[c],
		       c + 1 < natrisk_method_criterion_count(m) ? ", " : "\n");
}

static void show_method(const natrisk_method *m, natrisk_lang lang)
{
	printf("%s: %s\nfrom %s\n\nImpact classes (value base %g):\n",
	       natrisk_method_id(m),
	       natrisk_text_get(natrisk_method_title(m), lang),
	       natrisk_method_origin(m), natrisk_method_base(m));
	for (int k = 0; k < NATRISK_CLASS_COUNT; k++)
		printf("  %s  %-22s value %g\n", natrisk_class_letter(k),
		       natrisk_text_get(natrisk_method_impact_label(m, k), lang),
		       natrisk_method_class_value(m, k, false));
	printf("\nLikelihood classes:\n");
	for (int k = 0; k < NATRISK_CLASS_COUNT; k++)
		printf("  %s  %s\n", natrisk_class_letter(k),
		       natrisk_text_get(natrisk_method_likelihood_label(m, k),
		                        lang));
	size_t current = (size_t)-1;
	for (size_t c = 0; c < natrisk_method_criterion_count(m); c++) {
		size_t interest = natrisk_method_criterion(m, c)->interest;
		if (interest != current) {
			current = interest;
			const natrisk_interest *in = natrisk_method_interest(m, interest);
			printf("\nInterest %s: %s\n", in->id,
			       natrisk_text_get(&in->name, lang));
		}
		show_criterion(m, c, lang);
	}
	printf("\nWeight profiles:\n");
	for (size_t p = 0; p < natrisk_method_profile_count(m); p++)
		show_profile(m, p, lang);
}

static int show(const cli_command *cmd, const char *ref, bool raw,
                natrisk_lang lang)
{
	if (raw) {
		char *data, *origin;
		size_t len;
		if (natrisk_method_read_source(ref, NULL, &data, &len, &origin)) {
			fprintf(stderr, "natrisk method: %s\n", natrisk_error_last());
			return EXIT_INVALID;
		}
		fwrite(data, 1, len, stdout);
		free(data);
		free(origin);
		return 0;
	}
	natrisk_method *m;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_method_load(&m, ref, NULL, diag);
	natrisk_diag_sort(diag);
	natrisk_diag_print(diag, stderr);
	natrisk_diag_free(diag);
	if (rc != 0) {
		if (rc != NATRISK_EINVALID)
			fprintf(stderr, "natrisk %s: %s\n", cmd->name,
			        natrisk_error_last());
		return EXIT_INVALID;
	}
	show_method(m, lang);
	natrisk_method_free(m);
	return 0;
}

static int run_method(const cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "raw", no_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool raw = false;
	natrisk_lang lang = NATRISK_LANG_EN;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "rl:h", options, NULL)) != -1) {
		if (opt == 'h')
			return cli_help(cmd);
		if (opt == 'r')
			raw = true;
		else if (opt == 'l' && cli_parse_lang(optarg, &lang))
			continue;
		else
			return cli_usage_error(cmd, "bad option");
	}
	if (argc - optind != 2 || strcmp(argv[optind], "show") != 0)
		return cli_usage_error(cmd, "expected 'show ID|PATH'");
	return show(cmd, argv[optind + 1], raw, lang);
}

const cli_command cmd_method = {
	"method", "show one method: criteria, classes, thresholds, profiles",
	"usage: natrisk method show ID|PATH [--lang en|nl] [--raw]\n\n"
	"Prints a method: its impact and likelihood classes, vital interests,\n"
	"criteria with thresholds and level descriptions, and weight profiles.\n"
	"ID is a bundled method (see 'natrisk methods'); PATH a method file.\n\n"
	"  -l, --lang LANG  en (default) or nl\n"
	"  -r, --raw        print the method file itself, e.g. to copy and\n"
	"                   correct its provisional numbers\n"
	"  -h, --help       this text\n",
	run_method,
};
