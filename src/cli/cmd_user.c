/*
 * cmd_user.c - "natrisk user add|list|disable|enable|passwd": the users
 * of a store.
 * Passwords come from standard input only (--password-stdin), never from
 * the command line, where other users could read them.
 */
#include <getopt.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/register_store.h>
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

/* The password from standard input (--password-stdin), in OUT. */
static int password_from_stdin(const cli_command *cmd, const cli_store_args *a,
                               char *out, size_t size)
{
	if (!a->password_stdin)
		return cli_usage_error(cmd, "give the password on standard "
		                       "input with --password-stdin");
	if (read_password(out, size) != 0) {
		fprintf(stderr, "natrisk user: no password on standard input\n");
		return EXIT_INVALID;
	}
	return 0;
}

static int told(int rc)
{
	if (rc == 0)
		return 0;
	fprintf(stderr, "natrisk user: %s\n", natrisk_error_last());
	return EXIT_INVALID;
}

static int add(const cli_command *cmd, natrisk_store *s, const char *name,
               const cli_store_args *a)
{
	natrisk_role role;
	natrisk_classification clearance = NATRISK_PUBLIC;
	if (!a->role)
		return cli_usage_error(cmd, "--role is required: admin, chair, "
		                       "analyst, viewer, owner or reporter");
	if (natrisk_role_parse(a->role, &role) != 0)
		return cli_usage_error(cmd, "unknown role '%s': the roles are "
		                       "admin, chair, analyst, viewer, owner "
		                       "and reporter",
		                       a->role);
	if (a->clearance &&
	    natrisk_classification_parse(a->clearance, &clearance) != 0)
		return cli_usage_error(cmd, "--clearance takes public, "
		                       "restricted or confidential");
	/* a bad organisation adds no user */
	if (natrisk_organisations_check(a->organisations,
	                                a->organisation_count) != 0)
		return told(NATRISK_EINVALID);
	char password[1024];
	int status = password_from_stdin(cmd, a, password, sizeof password);
	if (status)
		return status;
	int rc = natrisk_store_user_add(s, name, role, clearance, password,
	                                "cli");
	sodium_memzero(password, sizeof password);
	if (rc == 0 && a->organisation_count > 0)
		rc = natrisk_store_user_set_organisations(
			s, name, a->organisations, a->organisation_count, "cli");
	return told(rc);
}

static int passwd(const cli_command *cmd, natrisk_store *s, const char *name,
                  const cli_store_args *a)
{
	char password[1024];
	int status = password_from_stdin(cmd, a, password, sizeof password);
	if (status)
		return status;
	int rc = natrisk_store_user_password(s, name, password, NULL, "cli");
	sodium_memzero(password, sizeof password);
	return told(rc);
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
	natrisk_user_list_free(users, count);
	return 0;
}

static const char *const verbs[] = { "add", "list", "disable", "enable",
	                              "passwd", "organisations" };

static int run_user(const cli_command *cmd, int argc, char **argv)
{
	cli_store_args a;
	int status = cli_parse_store_args(cmd, argc, argv, "crpO", &a);
	if (status)
		return status < 0 ? cli_help(cmd) : status;
	const char *verb = optind < argc ? argv[optind] : "";
	const char *name = optind + 1 < argc ? argv[optind + 1] : NULL;
	int v = 0;
	while (v < 6 && strcmp(verb, verbs[v]) != 0)
		v++;
	if (v == 6)
		return cli_usage_error(cmd, "expected add, list, disable, "
		                       "enable, passwd or organisations");
	bool wants_name = v != 1;
	if ((wants_name && !name) || optind + 1 + wants_name != argc)
		return cli_usage_error(cmd, "wrong arguments for '%s'", verb);
	natrisk_store *s;
	if ((status = cli_store_open(cmd, &a, false, &s)) != 0)
		return status;
	switch (v) {
	case 0: status = add(cmd, s, name, &a); break;
	case 1: status = list(s); break;
	case 2: status = told(natrisk_store_user_disable(s, name, "cli")); break;
	case 3: status = told(natrisk_store_user_enable(s, name, "cli")); break;
	case 4: status = passwd(cmd, s, name, &a); break;
	default:
		status = told(natrisk_store_user_set_organisations(
			s, name, a.organisations, a.organisation_count, "cli"));
		break;
	}
	natrisk_store_close(s);
	return status;
}

const cli_command cmd_user = {
	"user", "add, list, disable or enable the users of a store; set a "
	"password",
	"usage: natrisk user add NAME\n"
	"           --role admin|chair|analyst|viewer|owner|reporter\n"
	"                        [--clearance public|restricted|confidential]\n"
	"                        [--organisation ID]... --password-stdin "
	"--db FILE\n"
	"       natrisk user organisations NAME [--organisation ID]... "
	"--db FILE\n"
	"       natrisk user list --db FILE\n"
	"       natrisk user disable NAME --db FILE\n"
	"       natrisk user enable NAME --db FILE\n"
	"       natrisk user passwd NAME --password-stdin --db FILE\n\n"
	"Manages who may use the server. Roles: admin (users), chair\n"
	"(editions, assignments, consolidation, publication), analyst (their\n"
	"own scores on the scenarios assigned to them), viewer (reads). A\n"
	"scenario classified above a user's clearance (default public) does\n"
	"not exist for that user. The password (at least 8 characters) is\n"
	"read from standard input. Disabling a user ends their sessions at\n"
	"once, also in a running server; history keeps their name. enable\n"
	"lets a disabled user sign in again. passwd sets a new password and\n"
	"ends every session of the user. An owner belongs to the\n"
	"organisations that --organisation names (repeatable; the ids of\n"
	"the plans' organisations) and reports on their actions;\n"
	"organisations NAME sets them anew (none: no organisation).\n\n"
	"Exit status: 0 success, 1 failure, 2 usage error.\n",
	run_user,
};
