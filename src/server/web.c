/*
 * web.c - the web UI's files and the OpenAPI document, compiled into the
 * binary from web/ (tools/embed), so that the server is one file to
 * deploy. The UI routes by the URL's fragment (#/editions/3), so every
 * page is "/" on the server.
 */
#include <string.h>

#include "../io/embedded.h"
#include "handlers.h"

static const struct embedded_file *find(const char *name)
{
	for (const struct embedded_file *f = embedded_web; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

static const char *content_type(const char *name)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".svg", "image/svg+xml" },
	};
	const char *dot = strrchr(name, '.');
	for (size_t k = 0; dot && k < sizeof types / sizeof *types; k++)
		if (strcmp(dot, types[k].ext) == 0)
			return types[k].type;
	return "application/octet-stream";
}

int h_openapi(request *q, reply *r)
{
	const struct embedded_file *f = find("openapi.json");
	if (!f)
		return reply_error(r, 404, "no such resource");
	return reply_bytes(r, 200, "application/json", (const char *)f->data,
	                   f->len);
}

bool web_file(const request *q, reply *r)
{
	const char *name = strcmp(q->url, "/") == 0 ? "index.html" : q->url + 1;
	if (strchr(name, '/') || strcmp(name, "openapi.json") == 0)
		return false;
	const struct embedded_file *f = find(name);
	if (!f)
		return false;
	reply_bytes(r, 200, content_type(name), (const char *)f->data, f->len);
	return true;
}
