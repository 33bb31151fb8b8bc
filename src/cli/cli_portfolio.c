/*
 * cli_portfolio.c - what `natrisk portfolio` and `natrisk report
 * --budget` share: their options' numbers (a budget, whole numbers in a
 * range) and one portfolio run on a loaded plan, the comma lists of
 * --must and --never split into ids (portfolio_run.h computes).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_parse_budget(const cli_command *cmd, const char *text, double *out)
{
	char *end;
	*out = strtod(text, &end);
	if (end != text && *end == '\0' && isfinite(*out) && *out >= 0 &&
	    strspn(text, " \t") == 0)
		return 0;
	return cli_usage_error(cmd, "--budget takes an amount in euro >= 0, "
	                       "not '%s'", text);
}

int cli_parse_range(const cli_command *cmd, const char *option,
                    const char *text, uint64_t low, uint64_t high,
                    uint64_t *out)
{
	if (cli_parse_whole(text, high, out) && *out >= low)
		return 0;
	return cli_usage_error(cmd, "%s takes a whole number from %llu to "
	                       "%llu, not '%s'", option,
	                       (unsigned long long)low,
	                       (unsigned long long)high, text);
}

/* The ids of the comma list LIST (NULL: none) into *IDS, *COUNT; the
 * strings point into *COPY. Returns 0, or 1 when out of memory. */
static int split_ids(const cli_command *cmd, const char *list, char **copy,
                     const char ***ids, size_t *count)
{
	*count = 0;
	if (!list)
		return 0;
	size_t most = 1;
	for (const char *c = list; *c; c++)
		most += *c == ',';
	*copy = strdup(list);
	*ids = calloc(most, sizeof **ids);
	if (!*copy || !*ids) {
		fprintf(stderr, "natrisk %s: out of memory\n", cmd->name);
		return EXIT_INVALID;
	}
	char *rest = *copy;
	for (char *id = strsep(&rest, ","); id; id = strsep(&rest, ","))
		(*ids)[(*count)++] = id;
	return 0;
}

int cli_portfolio_run(const cli_command *cmd, const struct natrisk_plan *plan,
                      const char *must, const char *never,
                      natrisk_portfolio_request *q, cli_portfolio *out)
{
	memset(out, 0, sizeof *out);
	int status = split_ids(cmd, must, &out->must_text, &out->must,
	                       &q->must_count);
	if (status == 0)
		status = split_ids(cmd, never, &out->never_text, &out->never,
		                   &q->never_count);
	q->must = out->must;
	q->never = out->never;
	if (status == 0 && natrisk_portfolio_run_new(&out->run, plan, q) != 0) {
		fprintf(stderr, "natrisk %s: %s\n", cmd->name,
		        natrisk_error_last());
		status = EXIT_INVALID;
	}
	if (status != 0)
		cli_portfolio_free(out);
	return status;
}

void cli_portfolio_free(cli_portfolio *p)
{
	natrisk_portfolio_run_free(p->run);
	free(p->must_text);
	free(p->never_text);
	free(p->must);
	free(p->never);
	memset(p, 0, sizeof *p);
}
