/*
 * cmd_user.c - "natrisk user add|list|disable": the users of a store.
 * Passwords come from standard input only (--password-stdin), never from
 * the command line, where other users could read them.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/store.h>

#include "cli.h"

/* One line from standard input, without its line break. */
static int read_password(char *out, size_t size)
{
	if (!fgets(out, (int)size, stdin))
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static int add(const cli_command *cmd, natrisk_store *s, const char *name,
               const cli_store_args *a)
{
	natrisk_role role;
	natrisk_classification clearance = NATRISK_PUBLIC;
	if (!a->role || natrisk_role_parse(a->role, &role) != 0)
		return cli_usage_error(cmd, "--role admin|chair|analyst|viewer "
		                       "is required");
	if (a->clearance &&
	    natrisk_classification_parse(a->clearance, &clearance) != 0)
		return cli_usage_error(cmd, "--clearance takes public, "
		                       "restricted or confidential");
	if (!a->password_stdin)
		return cli_usage_error(cmd, "give the password on standard "
		                       "input with --password-stdin");
	char password[1024];
	if (read_password(password, sizeof password) != 0) {
		fprintf(stderr, "natrisk user: no password on standard input\n");
		return EXIT_INVALID;
	}
	int rc = natrisk_store_user_add(s, name, role, clearance, password,
	                                "cli");
	memset(password, 0, sizeof password);
	if (rc != 0) {
		fprintf(stderr, "natrisk user: %s\n", natrisk_error_last());
		return EXIT_INVALID;
	}
	return 0;
}

static int list(natrisk_store *s)
{
	natrisk_user *users;
	size_t count;
	if (natrisk_store_user_list(s, &users, &count) != 0) {
		fprintf(stderr, "natrisk user: %s\n", natrisk_error_last());
		return EXIT_INVALID;
	}
	printf("%-24s %-8s %-13s %s\n", "NAME", "ROLE", "CLEARANCE", "STATE");
	for (size_t k = 0; k < count; k++)
		printf("%-24s %-8s %-13s %s\n", users[k].name,
		       natrisk_role_name(users[k].role),
		       natrisk_classification_name(users[k].clearance),
		       users[k].disabled ? "disabled" : "active");
	free(users);
	return 0;
}

static int run_user(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "crp", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	const char *verb = optind < argc ? argv[optind] : NULL;
	const char *name = optind + 1 < argc ? argv[optind + 1] : NULL;
	bool wants_name = verb && strcmp(verb, "list") != 0;
	if (!verb || (strcmp(verb, "add") && strcmp(verb, "list") &&
	              strcmp(verb, "disable")))
		return cli_usage_error(cmd, "expected add, list or disable");
	if ((wants_name && !name) || optind + 1 + wants_name != argc)
		return cli_usage_error(cmd, "wrong arguments for '%s'", verb);
	natrisk_store *s;
	if ((status = cli_store_open(cmd, a.db, &s)) != 0)
		return status;
	if (strcmp(verb, "add") == 0)
		status = add(cmd, s, name, &a);
	else if (strcmp(verb, "list") == 0)
		status = list(s);
	else if (natrisk_store_user_disable(s, name, "cli") != 0) {
		fprintf(stderr, "natrisk user: %s\n", natrisk_error_last());
		status = EXIT_INVALID;
	}
	natrisk_store_close(s);
	return status;
}

const cli_command cmd_user = {
	"user", "add, list or disable the users of a store",
	"usage: natrisk user add NAME --role admin|chair|analyst|viewer\n"
	"                        [--clearance public|restricted|confidential]\n"
	"                        --password-stdin --db FILE\n"
	"       natrisk user list --db FILE\n"
	"       natrisk user disable NAME --db FILE\n\n"
	"Manages who may use the server. Roles: admin (users), chair\n"
	"(editions, assignments, consolidation, publication), analyst (their\n"
	"own scores on the scenarios assigned to them), viewer (reads). A\n"
	"scenario classified above a user's clearance (default public) does\n"
	"not exist for that user. The password is read from standard input.\n"
	"Disabling a user ends their sessions; history keeps their name.\n\n"
	"Exit status: 0 success, 1 failure, 2 usage error.\n",
	run_user,
};
