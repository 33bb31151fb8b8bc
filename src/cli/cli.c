/*
 * cli.c - the helpers of cli.h.
 */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/method.h>

#include "../io/file.h"

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "natrisk %s: ", cmd->name);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'natrisk %s --help'.\n", cmd->name);
	va_end(ap);
	return EXIT_USAGE;
}

int cli_option_error(const cli_command *cmd, int letter, char **argv)
{
	if (letter == ':')
		return cli_usage_error(cmd, "%s needs a value", argv[optind - 1]);
	return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

enum { MAX_OPTIONS = 32 };

int cli_getopt(const cli_command *cmd, int argc, char **argv,
               const struct option *options, size_t count,
               const char *accept,
               int (*take)(const cli_command *cmd, int letter, void *ctx),
               void *ctx)
{
	struct option longs[MAX_OPTIONS + 1];
	char shorts[2 * MAX_OPTIONS + 2];
	size_t n = 0, k = 0;
	shorts[k++] = ':'; /* report a missing argument as ':' */
	for (size_t i = 0; i < count && n < MAX_OPTIONS; i++) {
		int letter = options[i].val;
		if (letter != 'h' && !strchr(accept, letter))
			continue;
		longs[n++] = options[i];
		shorts[k++] = (char)letter;
		if (options[i].has_arg)
			shorts[k++] = ':';
	}
	longs[n] = (struct option){ NULL, 0, NULL, 0 };
	shorts[k] = '\0';
	opterr = 0; /* our own messages, naming the command */
	optind = 1;
	int letter;
	while ((letter = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (letter == 'h')
			return -1;
		if (letter == ':' || letter == '?')
			return cli_option_error(cmd, letter, argv);
		int status = take(cmd, letter, ctx);
		if (status)
			return status;
	}
	return 0;
}

int cli_table_format(const cli_command *cmd, const char *text,
                     natrisk_format *out)
{
	if (natrisk_format_parse(text, out) == 0)
		return 0;
	return cli_usage_error(cmd, "unknown format '%s' (table, json, csv)",
	                       text);
}

int cli_help(const cli_command *cmd)
{
	fputs(cmd->usage, stdout);
	return 0;
}

int cli_load(const char *path, natrisk_assessment **out)
{
	natrisk_diag *diag = natrisk_diag_new();
	if (!diag) {
		fprintf(stderr, "natrisk: out of memory\n");
		return EXIT_INVALID;
	}
	int rc = natrisk_assessment_load(out, path, diag);
	natrisk_diag_sort(diag);
	natrisk_diag_print(diag, stderr);
	if (rc != 0 && natrisk_diag_error_count(diag) == 0)
		fprintf(stderr, "%s:1:1: error: %s\n", path,
		        natrisk_error_last());
	natrisk_diag_free(diag);
	return rc == 0 ? 0 : EXIT_INVALID;
}

bool cli_parse_lang(const char *text, natrisk_lang *out)
{
	if (strcmp(text, "en") == 0)
		*out = NATRISK_LANG_EN;
	else if (strcmp(text, "nl") == 0)
		*out = NATRISK_LANG_NL;
	else
		return false;
	return true;
}

int cli_profile(const cli_command *cmd, const natrisk_assessment *a,
                const char *name, size_t *out)
{
	if (natrisk_method_choose_profile(natrisk_assessment_method(a), name,
	                                  out) == 0)
		return 0;
	fprintf(stderr, "natrisk %s: %s\n", cmd->name, natrisk_error_last());
	return EXIT_USAGE;
}

int cli_load_previous(const char *path, const natrisk_results *current,
                      natrisk_assessment **a, natrisk_results **r)
{
	*r = NULL;
	if (cli_load(path, a) != 0)
		return EXIT_INVALID;
	if (natrisk_results_new_like(r, *a, current) != 0) {
		fprintf(stderr, "natrisk: %s\n", natrisk_error_last());
		natrisk_assessment_free(*a);
		*a = NULL;
		return EXIT_INVALID;
	}
	return 0;
}

int cli_output_open(cli_output *out)
{
	memset(out, 0, sizeof *out);
	out->stream = natrisk_membuf_open(&out->buffer);
	if (!out->stream) {
		fprintf(stderr, "natrisk: out of memory\n");
		return EXIT_INVALID;
	}
	return 0;
}

void cli_output_discard(cli_output *out)
{
	if (out->stream)
		natrisk_membuf_close(&out->buffer, out->stream);
	free(out->buffer.data);
	memset(out, 0, sizeof *out);
}

int cli_write_output(const cli_command *cmd, cli_writer write,
                     const void *thing, natrisk_format format,
                     natrisk_lang lang, const char *path)
{
	cli_output out;
	int status = cli_output_open(&out);
	if (status)
		return status;
	if (write(thing, format, lang, out.stream) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		cli_output_discard(&out);
		return EXIT_INVALID;
	}
	return cli_output_commit(&out, path);
}

int cli_output_commit(cli_output *out, const char *path)
{
	bool failed = natrisk_membuf_close(&out->buffer, out->stream) != 0;
	out->stream = NULL;
	const char *data = out->buffer.data;
	size_t len = out->buffer.len;
	if (failed) {
		fprintf(stderr, "natrisk: out of memory\n");
	} else if (!path || strcmp(path, "-") == 0) {
		failed = fwrite(data, 1, len, stdout) != len ||
		         fflush(stdout) != 0;
		if (failed)
			fprintf(stderr, "natrisk: cannot write to standard "
			        "output\n");
	} else if (file_write_atomic(path, data, len)) {
		fprintf(stderr, "natrisk: %s\n", natrisk_error_last());
		failed = true;
	}
	free(out->buffer.data);
	memset(out, 0, sizeof *out);
	return failed ? EXIT_INVALID : 0;
}
