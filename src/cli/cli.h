/*
 * cli.h - what every subcommand of the natrisk CLI shares: the command
 * table entry, exit statuses, usage errors, loading an assessment with its
 * diagnostics printed, and output that is written only when a command
 * succeeds.
 */
#ifndef NATRISK_CLI_H
#define NATRISK_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <natrisk/assessment.h>
#include <natrisk/membuf.h>
#include <natrisk/output.h>
#include <natrisk/portfolio_run.h>
#include <natrisk/results.h>
#include <natrisk/store.h>

enum { EXIT_INVALID = 1, EXIT_USAGE = 2 };

typedef struct cli_command {
	const char *name;
	const char *summary;
	const char *usage; /* full --help text */
	int (*run)(const struct cli_command *cmd, int argc, char **argv);
} cli_command;

extern const cli_command cmd_check, cmd_assess, cmd_diagram, cmd_report,
	cmd_methods, cmd_method;
extern const cli_command cmd_robustness;
extern const cli_command cmd_capabilities;
extern const cli_command cmd_portfolio;
extern const cli_command cmd_progress, cmd_plan;
extern const cli_command cmd_smaa;
extern const cli_command cmd_monitor, cmd_cap;
extern const cli_command cmd_user, cmd_import, cmd_export, cmd_backup,
	cmd_audit, cmd_serve;

/* Prints "natrisk CMD: MESSAGE" and a pointer to --help; returns 2. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The usage error for what getopt_long returned: ':' (an option without
 * its value) or anything else (an unknown option); returns 2. */
int cli_option_error(const cli_command *cmd, int letter, char **argv);
/* Prints the command's --help text to stdout; returns 0. */
int cli_help(const cli_command *cmd);

/* Loads PATH, printing every diagnostic to stderr. Returns 0 when loaded,
 * else the exit status (1). */
int cli_load(const char *path, natrisk_assessment **out);

struct natrisk_plan;
/* Loads the plan file PATH (and its assessment) as cli_load() does an
 * assessment. Returns 0 when loaded, else 1. */
int cli_load_plan(const char *path, struct natrisk_plan **out);

struct natrisk_monitor;
/* Loads the monitor file PATH as cli_load() does an assessment. Returns
 * 0 when loaded, else 1. */
int cli_load_monitor(const char *path, struct natrisk_monitor **out);
/* Prints DIAG (sorted) to stderr after a load of PATH that returned RC,
 * and the last error when DIAG has none; frees DIAG. Returns 0 when RC
 * is 0, else 1. */
int cli_load_done(const char *path, int rc, natrisk_diag *diag);

/* Makes DIR if it is missing (one level); *MADE tells whether it was
 * made. Returns 0, or 1 after saying why not. */
int cli_ensure_dir(const cli_command *cmd, const char *dir, bool *made);

/* Parses --lang; returns false on an unknown language. */
bool cli_parse_lang(const char *text, natrisk_lang *out);
/* Resolves --weights (NULL: the method's default). Returns 0 or 2. */
int cli_profile(const cli_command *cmd, const natrisk_assessment *a,
                const char *name, size_t *out);

/*
 * --compare: loads the previous edition and assesses it under the profile
 * of the same id as CURRENT (else its method's default). Returns 0 or 1;
 * free both outputs.
 */
int cli_load_previous(const char *path, const natrisk_results *current,
                      natrisk_assessment **a, natrisk_results **r);

/* The options of the commands on a store, as given. */
enum { CLI_MAX_CHAIRS = 64, CLI_MAX_ORGANISATIONS = 32 };

typedef struct cli_store_args {
	const char *db;         /* -d, --db (required) */
	const char *output;     /* -o, --output */
	const char *clearance;  /* -c, --clearance */
	const char *role;       /* -r, --role */
	bool password_stdin;    /* -p, --password-stdin */
	const char *chairs[CLI_MAX_CHAIRS]; /* -C, --chair (repeatable) */
	size_t chair_count;
	/* -O, --organisation (repeatable): an owner's organisations */
	const char *organisations[CLI_MAX_ORGANISATIONS];
	size_t organisation_count;
	const char *audit_key;  /* -A, --audit-key (every command) */
	const char *plan;       /* -P, --plan (import: an edition's id) */
} cli_store_args;

/* --db and the options of ACCEPT (their short letters, e.g. "oc").
 * Returns 0, -1 for --help, or 2 after a usage message. */
int cli_parse_store_args(const cli_command *cmd, int argc, char **argv,
                         const char *accept, cli_store_args *a);
/* The audit key's file: GIVEN (--audit-key), else $NATRISK_AUDIT_KEY,
 * else NULL (the store's default, DB.audit-key). */
const char *cli_audit_key(const char *given);
/* Opens the store A->db (READ_ONLY: nothing written, no migrations);
 * otherwise prints why and returns 1. */
int cli_store_open(const cli_command *cmd, const cli_store_args *a,
                   bool read_only, natrisk_store **out);
/* Prints the last error, closes S and returns 1. */
int cli_store_fail(const cli_command *cmd, natrisk_store *s);

struct option;
/* getopt_long over ARGV with those of the COUNT OPTIONS whose letter is
 * in ACCEPT, and --help; TAKE(cmd, letter, ctx) keeps each one given (0,
 * or an exit status that ends the parse). Returns 0 with optind at the
 * first operand, -1 for --help, or an exit status (2 after a usage
 * message for an unknown option or a missing value). */
int cli_getopt(const cli_command *cmd, int argc, char **argv,
               const struct option *options, size_t count,
               const char *accept,
               int (*take)(const cli_command *cmd, int letter, void *ctx),
               void *ctx);

/* The table formats of --format (table, json, csv); 2 after a usage
 * message when TEXT is none of them. */
int cli_table_format(const cli_command *cmd, const char *text,
                     natrisk_format *out);

/* The options of the commands on one assessment file, as given. */
typedef struct cli_args {
	const char *file;     /* the one positional argument */
	const char *output;   /* -o, --output */
	const char *compare;  /* -c, --compare */
	const char *weights;  /* -w, --weights */
	const char *format;   /* -f, --format */
	const char *scale;    /* -s, --scale */
	natrisk_lang lang;    /* -l, --lang (checked) */
	bool uncertainty;     /* -u, --uncertainty */
	const char *iterations; /* -n, --iterations */
	const char *seed;     /* -S, --seed */
	const char *plan;     /* -P, --plan */
	const char *measures; /* -M, --measures */
	/* report: the portfolio (-b --budget, -y --years, -m --must,
	 * -N --never, -k --sweep, -r --robust) */
	const char *budget, *years, *must, *never, *sweep, *robust;
	/* --plan goes with --compare (report: the two draw two diagrams) */
	bool plan_with_compare;
} cli_args;

/*
 * Parses ARGV for the options whose short letters are in ACCEPT (--help is
 * always accepted) and exactly one file. Returns 0, -1 for --help, or 2
 * after a usage message.
 */
int cli_parse_args(const cli_command *cmd, int argc, char **argv,
                   const char *accept, cli_args *args);

/* An assessment, its results under the chosen profile, and the previous
 * edition's when --compare was given. */
typedef struct cli_run {
	natrisk_assessment *assessment;
	natrisk_results *results;
	natrisk_assessment *previous_assessment;
	natrisk_results *previous;  /* NULL without --compare */
	/* with --plan and --measures: the plan, the assessment with the set
	 * of measures in place and its results (residual.h); else NULL */
	struct natrisk_plan *plan;
	natrisk_assessment *residual_assessment;
	natrisk_results *residual;
	bool *chosen; /* per measure of the plan: in the set */
} cli_run;

/* Loads and assesses ARGS->file (and --compare, or --plan with
 * --measures: cli_residual_open). Returns 0, 1 or 2; on failure
 * everything is freed already. */
int cli_run_open(const cli_command *cmd, const cli_args *args, cli_run *run);
void cli_run_close(cli_run *run);
/* --plan PLAN --measures SET on RUN, whose assessment and results are
 * loaded: the plan (its assessment must be ARGS->file), the effects of
 * SET (adopted, all, or a comma list of measure ids) and the residual
 * assessment and results under RUN's profile. Returns 0, 1 (an unknown
 * id, a plan that does not load) or 2 (--measures without --plan, or the
 * other way round); RUN's residual fields stay NULL without --plan. */
int cli_residual_open(const cli_command *cmd, const cli_args *args,
                      cli_run *run);
/* With --plan: loads the plan into RUN before ARGS->file; when FILE is
 * the plan's own assessment (the same file), RUN's assessment is the
 * plan's, loaded once (cli_run_close then leaves it to the plan).
 * Returns 0 or 1. */
int cli_residual_load(const cli_command *cmd, const cli_args *args,
                      cli_run *run);
/* The usage rules of --plan and --measures (each needs the other; not
 * with --compare or --uncertainty). Returns 0, or 2 after a usage
 * message. */
int cli_residual_usage(const cli_command *cmd, const cli_args *args);

/* The most iterations a command accepts: an accidental 1e19 would
 * otherwise run for ever. */
#define CLI_MAX_ITERATIONS 1000000000000u

/* Digits, optionally "e" and digits (1e6): a whole number up to MAX. */
bool cli_parse_whole(const char *text, uint64_t max, uint64_t *out);
/* --iterations (1 to 1e12, or 0 when ZERO_ALLOWED) and --seed (0 to
 * 2^63 - 1, so that it fits a JSON integer); 0, or 2 after a usage
 * message naming the option. */
int cli_parse_iterations(const cli_command *cmd, const char *text,
                         bool zero_allowed, uint64_t *out);
int cli_parse_seed(const cli_command *cmd, const char *text, uint64_t *out);

/*
 * Output collected in memory, so that nothing is written when a command
 * fails halfway: cli_output_open() then write to ->stream, then
 * cli_output_commit() to stdout (path NULL or "-") or to a file, atomically.
 */
typedef struct cli_output {
	FILE *stream;
	natrisk_membuf buffer;
} cli_output;

int cli_output_open(cli_output *out);
/* Returns 0, or 1 after printing why the output could not be written. */
int cli_output_commit(cli_output *out, const char *path);
void cli_output_discard(cli_output *out);

/* Writes what a command made: WRITE(THING, FORMAT, LANG, stream) into a
 * cli_output, committed to PATH (cli_output_commit). When WRITE fails,
 * prints "natrisk COMMAND: " and natrisk_error_last(), writes nothing and
 * returns EXIT_INVALID. */
typedef int (*cli_writer)(const void *thing, natrisk_format format,
                          natrisk_lang lang, FILE *out);
int cli_write_output(const cli_command *cmd, cli_writer write,
                     const void *thing, natrisk_format format,
                     natrisk_lang lang, const char *path);

/* ---- the portfolio (cli_portfolio.c): `natrisk portfolio`, `natrisk
 * report --budget` */

/* Most budgets of a sweep, draws of --robust, threads, years: beyond
 * these a number is a typo, not a wish. */
#define CLI_MAX_SWEEP 10000u
#define CLI_MAX_DRAWS 1000000000u
#define CLI_MAX_THREADS 256u
#define CLI_MAX_YEARS 1000u

/* --budget: an amount >= 0; 0, or 2 after a usage message. */
int cli_parse_budget(const cli_command *cmd, const char *text, double *out);
/* A whole number from LOW to HIGH for OPTION; 0, or 2 after a usage
 * message. */
int cli_parse_range(const cli_command *cmd, const char *option,
                    const char *text, uint64_t low, uint64_t high,
                    uint64_t *out);

/* One portfolio run, with the ids it was given. */
typedef struct cli_portfolio {
	char *must_text, *never_text;
	const char **must, **never;
	natrisk_portfolio_run *run;
} cli_portfolio;

/* Q on PLAN, with the comma lists MUST and NEVER (NULL: none) as its
 * ids. Returns 0 with *OUT (cli_portfolio_free), or 1 after saying why. */
int cli_portfolio_run(const cli_command *cmd, const struct natrisk_plan *plan,
                      const char *must, const char *never,
                      natrisk_portfolio_request *q, cli_portfolio *out);
void cli_portfolio_free(cli_portfolio *p);

#endif
