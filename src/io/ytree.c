/*
 * ytree.c - builds the located YAML tree of ytree.h from libfyaml events.
 */
#include "ytree.h"

#include <libfyaml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/messages.h"
#include "parser_messages.h"
#include "stringify.h"
#include "yfeed.h"

/* An open collection; its items so far are the builder's items from
 * FIRST on (one stack for all, so that a collection costs no allocation
 * of its own while it is built). */
struct frame {
	ynode *node;
	size_t first, count;
	bool flow; /* opened by '[' or '{' */
};

struct builder {
	ydoc *doc;
	yfeed *feed;
	struct frame *stack;
	size_t depth, capacity;
	ynode **items; /* of the open collections, innermost last */
	size_t item_count, item_capacity;
	size_t nodes;
	int documents;
	bool second_unmarked; /* a second document began without '---' */
	bool failed;
};

static void yreport(ydoc *doc, natrisk_severity severity, const ynode *node,
                    const char *fmt, va_list ap)
{
	char message[1024];
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	natrisk_diag_add(doc->diag, severity, doc->name, node ? node->line : 1,
	                 node ? node->column : 1, "%s", message);
}

void yerror(ydoc *doc, const ynode *node, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	yreport(doc, NATRISK_SEVERITY_ERROR, node, fmt, ap);
	va_end(ap);
}

void ywarning(ydoc *doc, const ynode *node, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	yreport(doc, NATRISK_SEVERITY_WARNING, node, fmt, ap);
	va_end(ap);
}

/*
 * An empty value ("title:" with nothing after it) has no mark in libfyaml.
 * Place it at its key, or else at the list that holds it, so that "must be
 * text, not a null" points at the line the analyst has to fix.
 */
static void place_unmarked(struct builder *b, ynode *node)
{
	node->line = node->column = 1;
	if (b->depth == 0)
		return;
	const struct frame *frame = &b->stack[b->depth - 1];
	const ynode *at = frame->node;
	if (at->kind == YNODE_MAP && frame->count % 2 == 1)
		at = b->items[frame->first + frame->count - 1];
	node->line = at->line;
	node->column = at->column;
}

static ynode *new_node(struct builder *b, ynode_kind kind,
                       struct fy_event *event)
{
	ynode *node = arena_alloc(&b->doc->arena, sizeof *node);
	if (!node)
		return NULL;
	const struct fy_mark *mark = fy_event_start_mark(event);
	node->kind = kind;
	if (mark) {
		node->line = mark->line + 1;
		node->column = mark->column + 1;
	} else {
		place_unmarked(b, node);
	}
	return node;
}

static bool frame_push_item(struct builder *b, struct frame *frame,
                            ynode *node)
{
	if (b->item_count == b->item_capacity) {
		size_t capacity = b->item_capacity ? b->item_capacity * 2 : 64;
		ynode **items = realloc(b->items, capacity * sizeof *items);
		if (!items)
			return false;
		b->items = items;
		b->item_capacity = capacity;
	}
	b->items[b->item_count++] = node;
	frame->count++;
	return true;
}

static bool attach(struct builder *b, ynode *node)
{
	if (b->depth == 0) {
		b->doc->root = node;
		return true;
	}
	if (frame_push_item(b, &b->stack[b->depth - 1], node))
		return true;
	b->doc->out_of_memory = true;
	return false;
}

static bool open_collection(struct builder *b, ynode *node, bool flow)
{
	if (b->depth == b->capacity) {
		size_t capacity = b->capacity ? b->capacity * 2 : 16;
		struct frame *stack = realloc(b->stack, capacity * sizeof *stack);
		if (!stack) {
			b->doc->out_of_memory = true;
			return false;
		}
		b->stack = stack;
		b->capacity = capacity;
	}
	b->stack[b->depth++] = (struct frame){ .node = node,
		                               .first = b->item_count,
		                               .flow = flow };
	return true;
}

static bool close_collection(struct builder *b)
{
	struct frame frame = b->stack[--b->depth];
	ynode *node = frame.node;
	bool ok = true;
	if (node->kind == YNODE_MAP && frame.count % 2 != 0)
		ok = false; /* cannot happen with a well-formed event stream */
	node->count = node->kind == YNODE_MAP ? frame.count / 2 : frame.count;
	node->items = arena_array(&b->doc->arena, frame.count + 1,
	                          sizeof *node->items);
	if (!node->items)
		ok = false;
	else if (frame.count)
		memcpy(node->items, b->items + frame.first,
		       frame.count * sizeof *node->items);
	b->item_count = frame.first;
	if (ok && node->kind == YNODE_MAP)
		ycheck_map_keys(b->doc, node);
	return ok && attach(b, node);
}

/* libfyaml marks an anchor or alias after its '&' or '*'; the analyst
 * looks for the sigil. */
static ynode sigil_place(struct fy_token *token, const ynode *node)
{
	ynode at = *node;
	const struct fy_mark *mark = fy_token_start_mark(token);
	if (mark) {
		at.line = mark->line + 1;
		at.column = mark->column > 0 ? mark->column : 1;
	}
	return at;
}

static void refuse_anchor(struct builder *b, struct fy_token *anchor,
                          const ynode *node)
{
	if (!anchor)
		return;
	ynode at = sigil_place(anchor, node);
	yerror(b->doc, &at, "YAML anchors (&) are not supported; "
	       "write the value out");
	b->failed = true;
}

static bool is_flow_start(struct fy_event *event)
{
	enum fy_token_type type = fy_token_get_type(
		event->type == FYET_MAPPING_START
			? event->mapping_start.mapping_start
			: event->sequence_start.sequence_start);
	return type == FYTT_FLOW_MAPPING_START ||
	       type == FYTT_FLOW_SEQUENCE_START;
}

static ynode *scalar_node(struct builder *b, struct fy_event *event)
{
	ynode *node = new_node(b, YNODE_SCALAR, event);
	if (!node)
		return NULL;
	size_t len = 0;
	const char *text = fy_token_get_text(event->scalar.value, &len);
	node->text = arena_strndup(&b->doc->arena, text ? text : "", len);
	node->len = len;
	enum fy_scalar_style style = fy_token_scalar_style(event->scalar.value);
	node->plain = style == FYSS_PLAIN;
	/* libfyaml marks a quoted scalar after its opening quote, and a
	 * block scalar at the line below its '|' or '>'. */
	if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) &&
	    node->column > 1)
		node->column--;
	int header = style == FYSS_LITERAL || style == FYSS_FOLDED
	                     ? yfeed_header_column(b->feed, node->line - 2)
	                     : -1;
	if (header >= 0) {
		node->line--;
		node->column = header + 1;
	}
	if (!node->text)
		return NULL;
	if (memchr(node->text, '\0', len))
		yerror(b->doc, node, "text may not contain a NUL character");
	refuse_anchor(b, event->scalar.anchor, node);
	return node;
}

static ynode *alias_node(struct builder *b, struct fy_event *event)
{
	ynode *node = new_node(b, YNODE_SCALAR, event);
	if (!node)
		return NULL;
	ynode at = sigil_place(event->alias.anchor, node);
	yerror(b->doc, &at, "YAML aliases (*) are not supported; "
	       "write the value out");
	b->failed = true;
	node->text = "";
	return node;
}

/*
 * A second document is refused where it starts: at its '---', or, after
 * a '...' without one, at its first node (the document start then has no
 * mark). Returns false to stop.
 */
static bool refuse_document(struct builder *b, struct fy_event *event)
{
	if (!fy_event_start_mark(event)) {
		b->second_unmarked = true;
		return true;
	}
	ynode *node = new_node(b, YNODE_SCALAR, event);
	if (node)
		yerror(b->doc, node, "a file holds one YAML document; found a "
		       "second");
	b->failed = true;
	return false;
}

static const char too_deep[] =
	MSG("YAML nested more than " LIMIT(YTREE_MAX_DEPTH) " levels deep: "
	    "natrisk reads at most " LIMIT(YTREE_MAX_DEPTH) " levels");
static const char too_many[] =
	MSG("more than " LIMIT(YTREE_MAX_NODES) " YAML nodes (keys, values "
	    "and lists): natrisk reads at most " LIMIT(YTREE_MAX_NODES)
	    " in a file");

/* Refuses, before it is built, a node past YTREE_MAX_NODES or a
 * collection past YTREE_MAX_DEPTH. Returns false to stop. */
static bool within_limits(struct builder *b, struct fy_event *event)
{
	bool opens = event->type == FYET_MAPPING_START ||
	             event->type == FYET_SEQUENCE_START;
	if (!opens && event->type != FYET_SCALAR && event->type != FYET_ALIAS)
		return true;
	const char *problem = NULL;
	if (opens && b->depth >= YTREE_MAX_DEPTH)
		problem = too_deep;
	else if (b->nodes++ >= YTREE_MAX_NODES)
		problem = too_many;
	if (!problem)
		return true;
	ynode *at = new_node(b, YNODE_SCALAR, event);
	if (at)
		yerror(b->doc, at, "%s", msg_tr(problem));
	b->failed = true;
	return false;
}

/* Tells the feed how far the events have come; a %YAML 1.1 document
 * counts more line breaks. */
static void follow_events(struct builder *b, struct fy_event *event)
{
	const struct fy_mark *end = fy_event_end_mark(event);
	if (end)
		yfeed_reached(b->feed, end->line, end->column);
	if (event->type != FYET_DOCUMENT_START)
		return;
	const struct fy_version *version = fy_document_state_version(
		event->document_start.document_state);
	if (version && version->major == 1 && version->minor == 1)
		b->feed->breaks_1_1 = true;
}

/* Returns false to stop: out of memory or a structural refusal. */
static bool build(struct builder *b, struct fy_event *event)
{
	ynode *node;
	if (b->second_unmarked && fy_event_start_mark(event))
		return refuse_document(b, event);
	if (!within_limits(b, event))
		return false;
	switch (event->type) {
	case FYET_DOCUMENT_START:
		if (++b->documents > 1)
			return refuse_document(b, event);
		return true;
	case FYET_MAPPING_START:
	case FYET_SEQUENCE_START:
		node = new_node(b, event->type == FYET_MAPPING_START ? YNODE_MAP
		                                                     : YNODE_SEQ,
		                event);
		if (!node)
			return false;
		refuse_anchor(b, event->type == FYET_MAPPING_START
		                         ? event->mapping_start.anchor
		                         : event->sequence_start.anchor,
		              node);
		return open_collection(b, node, is_flow_start(event));
	case FYET_MAPPING_END:
	case FYET_SEQUENCE_END:
		return b->depth > 0 && close_collection(b);
	case FYET_SCALAR:
		node = scalar_node(b, event);
		return node && attach(b, node);
	case FYET_ALIAS:
		node = alias_node(b, event);
		return node && attach(b, node);
	default:
		return true;
	}
}

/* The feed learns where the event ends after it is built: a block
 * scalar's header is found on the line where the event before it ended. */
static bool handle_event(struct builder *b, struct fy_event *event)
{
	bool go_on = build(b, event);
	follow_events(b, event);
	return go_on;
}

/*
 * libfyaml reports "invalid tab used as indentation" one column past the
 * tab. Returns the column of the first tab in the indentation of LINE, or
 * 0 when there is none.
 */
static int indentation_tab(const char *buf, size_t len, int line)
{
	size_t i = 0;
	for (int l = 1; l < line && i < len; i++)
		if (buf[i] == '\n')
			l++;
	for (int column = 1; i < len && (buf[i] == ' ' || buf[i] == '\t');
	     i++, column++)
		if (buf[i] == '\t')
			return column;
	return 0;
}

/*
 * A parser error inside a flow collection opened on an earlier line is
 * almost always a missing ']' or '}'; libfyaml notices it only where the
 * next key or the end of the file appears, so the error is reported at the
 * opening bracket, with the place the parser stopped.
 */
static bool report_in_flow(struct builder *b, const struct fy_diag_error *err)
{
	const struct frame *open = NULL;
	for (size_t i = b->depth; i > 0 && !open; i--)
		if (b->stack[i - 1].flow)
			open = &b->stack[i - 1];
	if (!open || open->node->line >= err->line)
		return false;
	natrisk_diag_add(b->doc->diag, NATRISK_SEVERITY_ERROR, b->doc->name,
	                 open->node->line, open->node->column,
	                 "invalid YAML: this '%c' is not closed before "
	                 "line %d, column %d (%s)",
	                 open->node->kind == YNODE_MAP ? '{' : '[', err->line,
	                 err->column, yaml_problem(err->msg));
	return true;
}

static void report_parser_errors(struct builder *b, struct fy_diag *fydiag,
                                 const char *buf, size_t len)
{
	void *iter = NULL;
	struct fy_diag_error *err;
	bool any = false;
	while ((err = fy_diag_errors_iterate(fydiag, &iter)) != NULL) {
		any = true;
		if (report_in_flow(b, err))
			continue;
		int column = err->column;
		int tab = err->msg && strstr(err->msg, "tab")
		                  ? indentation_tab(buf, len, err->line)
		                  : 0;
		if (tab > 0 && tab < column)
			column = tab;
		natrisk_diag_add(b->doc->diag, NATRISK_SEVERITY_ERROR,
		                 b->doc->name, err->line, column,
		                 "invalid YAML: %s", yaml_problem(err->msg));
	}
	if (!any)
		natrisk_diag_add(b->doc->diag, NATRISK_SEVERITY_ERROR,
		                 b->doc->name, 1, 1, "invalid YAML");
}

static void quiet_output(struct fy_diag *diag, void *user, const char *buf,
                         size_t len)
{
	(void)diag, (void)user, (void)buf, (void)len;
}

static int run_parser(struct builder *b, const char *buf, size_t len)
{
	struct fy_diag_cfg diag_cfg;
	fy_diag_cfg_default(&diag_cfg);
	diag_cfg.fp = NULL;
	diag_cfg.output_fn = quiet_output;
	struct fy_diag *fydiag = fy_diag_create(&diag_cfg);
	if (!fydiag) {
		b->doc->out_of_memory = true;
		return -1;
	}
	fy_diag_set_collect_errors(fydiag, true);
	struct fy_parse_cfg cfg = {
		.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2,
		.diag = fydiag,
	};
	struct fy_parser *parser = fy_parser_create(&cfg);
	int result = -1;
	yfeed feed;
	yfeed_init(&feed, buf, len);
	b->feed = &feed;
	if (!parser)
		b->doc->out_of_memory = true;
	if (parser &&
	    fy_parser_set_input_callback(parser, &feed, yfeed_read) == 0) {
		struct fy_event *event;
		bool go_on = true;
		while (go_on && (event = fy_parser_parse(parser)) != NULL) {
			/* after an overrun, an event is libfyaml's guess */
			go_on = !feed.overrun && handle_event(b, event);
			fy_parser_event_free(parser, event);
		}
		if (feed.overrun)
			yfeed_report(&feed, b->doc->name, b->depth,
			             YTREE_MAX_DEPTH, too_deep, b->doc->diag);
		else if (fy_parser_get_stream_error(parser))
			report_parser_errors(b, fydiag, buf, len);
		else if (go_on && b->depth == 0)
			result = 0;
	}
	fy_parser_destroy(parser);
	fy_diag_destroy(fydiag);
	return result;
}

int ydoc_parse(ydoc *doc, const char *name, const char *buf, size_t len,
               natrisk_diag *diag)
{
	arena_init(&doc->arena);
	doc->name = name;
	doc->root = NULL;
	doc->diag = diag;
	doc->out_of_memory = false;
	if (utf8_check(name, buf, len, diag) != 0)
		return -1;
	struct builder b = { .doc = doc };
	int result = run_parser(&b, buf, len);
	free(b.items);
	free(b.stack);
	if (ydoc_out_of_memory(doc))
		return NATRISK_ENOMEM;
	if (result != 0 || b.failed)
		return -1;
	if (!doc->root || yis_null(doc->root)) {
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, name, 1, 1,
		                 "the file is empty");
		return -1;
	}
	return 0;
}

bool ydoc_out_of_memory(const ydoc *doc)
{
	return doc->out_of_memory || doc->arena.out_of_memory;
}

void ydoc_release(ydoc *doc)
{
	arena_release(&doc->arena);
	doc->root = NULL;
}

ynode *ymap_get(const ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->count; i++) {
		const ynode *k = map->items[2 * i];
		if (k->kind == YNODE_SCALAR && strcmp(k->text, key) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

bool yis_null(const ynode *node)
{
	if (!node || node->kind != YNODE_SCALAR || !node->plain)
		return false;
	return node->len == 0 || strcmp(node->text, "null") == 0 ||
	       strcmp(node->text, "Null") == 0 ||
	       strcmp(node->text, "NULL") == 0 || strcmp(node->text, "~") == 0;
}

const char *ykind_name(const ynode *node)
{
	switch (node->kind) {
	case YNODE_MAP: return MSG("mapping");
	case YNODE_SEQ: return MSG("list");
	default: return yis_null(node) ? MSG("null") : MSG("scalar");
	}
}
