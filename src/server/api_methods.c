/*
 * api_methods.c - a method as JSON (natrisk_method_json), for the scoring
 * form's class pickers and help. Only methods named by id: a path in a
 * request never reaches the file system.
 */
#include <stdlib.h>
#include <string.h>

#include "handlers.h"

int h_method(request *q, reply *r)
{
	if (natrisk_method_ref_is_path(q->name))
		return reply_error(r, 404, "no such method");
	natrisk_method *m;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_method_load(&m, q->name, NULL, diag);
	natrisk_diag_free(diag);
	if (rc != 0)
		return reply_error(r, 404, "no such method");
	char *json = natrisk_method_json(m);
	natrisk_method_free(m);
	if (!json)
		return reply_failure(r, NATRISK_ENOMEM);
	return reply_take(r, 200, "application/json", json, strlen(json));
}
