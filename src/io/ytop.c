/*
 * ytop.c - the keys of a YAML text's top-level mapping, read from the
 * parser's events without building the tree, and only as far as the
 * caller needs: telling a plan file from an assessment
 * (natrisk_plan_detect) takes its first few lines, not a second parse of
 * the whole file before the loader's.
 */
#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

#include "yfeed.h"
#include "ytree.h"
#include "file.h"

static void quiet(struct fy_diag *diag, void *user, const char *buf,
                  size_t len)
{
	(void)diag, (void)user, (void)buf, (void)len;
}

/* Where the walk is: the nesting (1 inside the top-level mapping),
 * whether the next node at depth 1 is a key, and the last key (cut to
 * KEY_MAX bytes: a longer one is no key anyone asks for). */
enum { KEY_MAX = 64 };

typedef struct walk {
	int depth;
	bool key_next;
	char key[KEY_MAX + 1];
	size_t key_len;
	ytop_visit visit;
	void *ctx;
} walk;

/* A node at depth 1 ends, with TEXT when it is a scalar: a key is kept,
 * a value handed to the visitor with its key. Returns false to stop. */
static bool node_done(walk *w, const char *text, size_t len)
{
	bool was_key = w->key_next;
	w->key_next = !was_key;
	if (was_key) {
		w->key_len = text && len <= KEY_MAX ? len : KEY_MAX + 1;
		if (w->key_len <= KEY_MAX)
			memcpy(w->key, text, len);
		return true;
	}
	if (w->key_len > KEY_MAX)
		return true;
	w->key[w->key_len] = '\0';
	return w->visit(w->key, w->key_len, text, len, w->ctx);
}

/* Returns 1 to go on, 0 when the visitor is done, -1 when the text is
 * not a mapping or nests too deep. */
static int step(walk *w, struct fy_event *event)
{
	switch (event->type) {
	case FYET_MAPPING_START:
	case FYET_SEQUENCE_START:
		if (w->depth == 0 && event->type != FYET_MAPPING_START)
			return -1;
		if (++w->depth > YTREE_MAX_DEPTH)
			return -1;
		return 1;
	case FYET_MAPPING_END:
	case FYET_SEQUENCE_END:
		if (--w->depth == 1)
			return node_done(w, NULL, 0) ? 1 : 0;
		return w->depth == 0 ? 0 : 1;
	case FYET_SCALAR:
	case FYET_ALIAS: {
		if (w->depth == 0)
			return -1;
		if (w->depth > 1)
			return 1;
		size_t len = 0;
		const char *text = event->type == FYET_SCALAR
			? fy_token_get_text(event->scalar.value, &len) : NULL;
		return node_done(w, text, text ? len : 0) ? 1 : 0;
	}
	default:
		return 1;
	}
}

int ytop_keys(const char *buf, size_t len, ytop_visit visit, void *ctx)
{
	struct fy_diag_cfg diag_cfg;
	fy_diag_cfg_default(&diag_cfg);
	diag_cfg.fp = NULL;
	diag_cfg.output_fn = quiet;
	struct fy_diag *fydiag = fy_diag_create(&diag_cfg);
	struct fy_parse_cfg cfg = {
		.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2,
		.diag = fydiag,
	};
	struct fy_parser *parser = fydiag ? fy_parser_create(&cfg) : NULL;
	yfeed feed;
	yfeed_init(&feed, buf, len);
	walk w = { .key_next = true, .visit = visit, .ctx = ctx };
	int result = -1;
	if (parser &&
	    fy_parser_set_input_callback(parser, &feed, yfeed_read) == 0) {
		struct fy_event *event;
		int go = 1;
		while (go > 0 && (event = fy_parser_parse(parser)) != NULL) {
			go = feed.overrun ? -1 : step(&w, event);
			const struct fy_mark *end = fy_event_end_mark(event);
			if (end)
				yfeed_reached(&feed, end->line, end->column);
			fy_parser_event_free(parser, event);
		}
		if (go == 0 || (go > 0 && !fy_parser_get_stream_error(parser) &&
		                !feed.overrun))
			result = 0;
	}
	fy_parser_destroy(parser);
	fy_diag_destroy(fydiag);
	return result;
}

int ytop_file_keys(const char *path, ytop_visit visit, void *ctx)
{
	char *data;
	size_t len;
	if (file_read(path, &data, &len) != 0)
		return -1;
	int rc = ytop_keys(data, len, visit, ctx);
	free(data);
	return rc;
}
