/*
 * plan_append.c - new log entries inserted into a plan's text
 * (plan_import.h) so that everything else of the file stays as it was:
 * its comments, order and layout. Each entry is one line in flow style,
 * `- { date: 2013-05-20, status: done, note: "..." }`, indented as the
 * entries before it; an action without a log gets a `log:` key at the
 * end of its mapping. The positions come from the located tree of
 * ytree.h, which knows lines and columns only: the file's lines are
 * found from them.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/membuf.h>
#include <natrisk/progress.h>

#include "../core/error.h"
#include "plan_import.h"
#include "ytree.h"

/* The plan's text cut into lines. */
typedef struct lines {
	const char *buf;
	size_t len;
	size_t *start; /* offset of line i + 1 (1-based lines); start[n] = len */
	size_t count;
} lines;

static bool lines_init(lines *t, const char *buf, size_t len)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += buf[i] == '\n';
	*t = (lines){ buf, len, calloc(n + 2, sizeof *t->start), n };
	if (!t->start)
		return false;
	size_t k = 1;
	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\n')
			t->start[k++] = i + 1;
	t->start[n] = len;
	return true;
}

/* The end of line LINE (1-based): the offset of the next line. */
static size_t line_end(const lines *t, int line)
{
	return (size_t)line < t->count ? t->start[line] : t->len;
}

/* The indentation of line LINE, or -1 when it is blank or a comment. */
static int indent_of(const lines *t, int line)
{
	size_t i = t->start[line - 1], end = line_end(t, line);
	int n = 0;
	while (i < end && t->buf[i] == ' ') {
		i++;
		n++;
	}
	if (i >= end || t->buf[i] == '\n' || t->buf[i] == '\r' ||
	    t->buf[i] == '#')
		return -1;
	return n;
}

/* The character at LINE:COLUMN (columns of the ASCII indentation). */
static char char_at(const lines *t, int line, int column)
{
	size_t i = t->start[line - 1] + (size_t)column - 1;
	return i < t->len ? t->buf[i] : '\0';
}

/* The offset just past the last line from LINE on that is indented
 * deeper than INDENT (blank lines and comments after it excluded). */
static size_t block_end(const lines *t, int line, int indent)
{
	int last = line;
	for (int l = line + 1; l <= (int)t->count; l++) {
		int in = indent_of(t, l);
		if (in < 0)
			continue;
		if (in <= indent)
			break;
		last = l;
	}
	return line_end(t, last);
}

/* One insertion: TEXT (owned) at OFFSET. */
typedef struct insertion {
	size_t offset;
	char *text;
	size_t len;
} insertion;

/* A log entry as one line of YAML, with a double-quoted note. */
static void write_entry(FILE *out, int indent, const action_update *u)
{
	char date[16];
	fprintf(out, "%*s- { date: %s, status: %s", indent, "",
	        natrisk_date_format(&u->date, date),
	        natrisk_action_status_name(u->status));
	if (u->note) {
		fputs(", note: \"", out);
		for (const unsigned char *c = (const unsigned char *)u->note; *c;
		     c++) {
			if (*c == '"' || *c == '\\')
				fprintf(out, "\\%c", *c);
			else if (*c == '\n')
				fputs("\\n", out);
			else if (*c == '\r')
				fputs("\\r", out);
			else if (*c == '\t')
				fputs("\\t", out);
			else if (*c < 0x20)
				fprintf(out, "\\x%02x", *c);
			else
				fputc(*c, out);
		}
		fputc('"', out);
	}
	fputs(" }\n", out);
}

/* The item of the sequence SEQ whose `id` is ID, or NULL. */
static const ynode *find_item(const ynode *seq, const char *id)
{
	for (size_t i = 0; seq && seq->kind == YNODE_SEQ && i < seq->count;
	     i++) {
		const ynode *item_id = ymap_get(seq->items[i], "id");
		if (item_id && strcmp(item_id->text, id) == 0)
			return seq->items[i];
	}
	return NULL;
}

/* Where and with what indentation the entries of ACTION go; NULL
 * KEY_INDENT when they go into its existing log. False after an error:
 * flow style, into which no line can be added. */
static bool place(ydoc *doc, const lines *t, const ynode *action,
                  size_t *offset, int *indent, bool *new_log)
{
	const ynode *log = ymap_get(action, "log");
	if (char_at(t, action->line, action->column) == '{' ||
	    (log && (log->kind != YNODE_SEQ || log->count == 0 ||
	             char_at(t, log->line, log->column) == '['))) {
		yerror(doc, log ? log : action, "this action (or its log) is "
		       "written in flow style: write it as a block mapping "
		       "with its log as a block list (one '- { date: ... }' a "
		       "line) to import statuses into it");
		return false;
	}
	*new_log = log == NULL;
	if (log) {
		const ynode *last = log->items[log->count - 1];
		*indent = indent_of(t, last->line);
		if (*indent < 0 || char_at(t, last->line, *indent + 1) != '-') {
			yerror(doc, last, "a log entry should start its line "
			       "with '- ' to import statuses after it");
			return false;
		}
		*offset = block_end(t, last->line, *indent);
	} else {
		*indent = action->column - 1;
		*offset = block_end(t, action->line, *indent - 1);
	}
	return true;
}

/* The insertion for the updates of one action (those of U[0..N) with
 * U[0]'s measure and action, in order). Returns 0, -1 or ENOMEM. */
static int action_insertion(ydoc *doc, const lines *t, const natrisk_plan *p,
                            const action_update *u, size_t n,
                            insertion *out)
{
	const natrisk_measure *m = natrisk_plan_measure(p, u[0].measure);
	const ynode *measure = find_item(ymap_get(doc->root, "measures"), m->id);
	const ynode *action = measure ? find_item(ymap_get(measure, "actions"),
	                                          m->actions[u[0].action].id)
	                              : NULL;
	int indent;
	bool new_log;
	if (!action || !place(doc, t, action, &out->offset, &indent, &new_log))
		return -1;
	natrisk_membuf mb = { 0 };
	FILE *f = natrisk_membuf_open(&mb);
	if (!f)
		return NATRISK_ENOMEM;
	if (new_log) {
		fprintf(f, "%*slog:\n", indent, "");
		indent += 2;
	}
	for (size_t i = 0; i < n; i++)
		if (u[i].measure == u[0].measure && u[i].action == u[0].action)
			write_entry(f, indent, &u[i]);
	if (natrisk_membuf_close(&mb, f) != 0) {
		free(mb.data);
		return NATRISK_ENOMEM;
	}
	out->text = mb.data;
	out->len = mb.len;
	return 0;
}

static int by_offset(const void *a, const void *b)
{
	const insertion *x = a, *y = b;
	return (x->offset > y->offset) - (x->offset < y->offset);
}

/* BUF with the insertions (sorted by offset) into *OUT. */
static int splice(const lines *t, insertion *ins, size_t n, char **out,
                  size_t *out_len)
{
	size_t len = t->len;
	for (size_t i = 0; i < n; i++)
		len += ins[i].len + 1;
	char *text = malloc(len + 1), *w = text;
	if (!text)
		return NATRISK_ENOMEM;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		memcpy(w, t->buf + at, ins[i].offset - at);
		w += ins[i].offset - at;
		at = ins[i].offset;
		/* a last line without its line end gets one first */
		if (at > 0 && t->buf[at - 1] != '\n')
			*w++ = '\n';
		memcpy(w, ins[i].text, ins[i].len);
		w += ins[i].len;
	}
	memcpy(w, t->buf + at, t->len - at);
	w += t->len - at;
	*w = '\0';
	*out = text;
	*out_len = (size_t)(w - text);
	return 0;
}

/* Whether an earlier update than I is of the same action. */
static bool seen_before(const action_update *u, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (u[k].measure == u[i].measure && u[k].action == u[i].action)
			return true;
	return false;
}

int plan_append_logs(const char *name, const char *buf, size_t len,
                     const natrisk_plan *p, const action_update *updates,
                     size_t n, char **out, size_t *out_len,
                     natrisk_diag *diag)
{
	ydoc doc;
	bool parsed = false;
	lines t = { 0 };
	insertion *ins = calloc(n + 1, sizeof *ins);
	size_t count = 0;
	int rc = ins && lines_init(&t, buf, len) ? 0 : NATRISK_ENOMEM;
	if (rc == 0) {
		rc = ydoc_parse(&doc, name, buf, len, diag);
		parsed = true;
	}
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (!seen_before(updates, i))
			rc = action_insertion(&doc, &t, p, updates + i, n - i,
			                      &ins[count++]);
	if (rc == 0) {
		qsort(ins, count, sizeof *ins, by_offset);
		rc = splice(&t, ins, count, out, out_len);
	}
	if (rc == -1)
		rc = NATRISK_EINVALID;
	for (size_t i = 0; ins && i < count; i++)
		free(ins[i].text);
	free(ins);
	free(t.start);
	if (parsed)
		ydoc_release(&doc);
	return rc;
}
