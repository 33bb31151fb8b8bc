/*
 * ytree.h - a YAML document as a small tree in which every node knows its
 * line and column.
 *
 * libfyaml's document API does not expose the position of mappings and
 * sequences, and every diagnostic natrisk prints needs one, so the loaders
 * build this tree from libfyaml's event stream instead. The tree is plain
 * data owned by an arena. Anchors and aliases are refused: they would let a
 * small file expand into a huge model.
 */
#ifndef NATRISK_YTREE_H
#define NATRISK_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <natrisk/diag.h>

#include "../core/arena.h"

/*
 * Limits that keep the memory and time of a parse bounded whatever the
 * input (docs/design.md): natrisk's files nest 6 levels deep and hold some
 * thousands of nodes. Both are checked as the events come, before the
 * parser goes on; yfeed.h bounds what the parser holds ahead of them.
 */
#define YTREE_MAX_DEPTH 64
#define YTREE_MAX_NODES 500000

typedef enum { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ } ynode_kind;

/* Kept small: a large file has a hundred thousand of these. */
typedef struct ynode {
	const char *text;      /* scalar content, NUL-terminated */
	struct ynode **items;  /* seq: items; map: key 2i, value 2i+1 */
	uint32_t len;          /* of text (inputs are at most 64 MB) */
	uint32_t count;        /* map: pairs; seq: items */
	int line, column;      /* 1-based */
	unsigned char kind;    /* ynode_kind */
	bool plain;            /* an unquoted scalar (typed by YAML 1.2 core) */
} ynode;

typedef struct ydoc {
	arena arena;
	const char *name;
	ynode *root;
	natrisk_diag *diag;
	bool out_of_memory; /* set by whatever failed to allocate */
} ydoc;

/* Whether building or checking DOC ran out of memory (its arena
 * included): the loader then answers NATRISK_ENOMEM, not "invalid". */
bool ydoc_out_of_memory(const ydoc *doc);

/*
 * Parses BUF (checked first for bad bytes and bad UTF-8) into DOC. Returns
 * 0, -1 after adding located errors to DIAG, or NATRISK_ENOMEM. DOC must be released with
 * ydoc_release() in both cases. An empty document is an error.
 */
int ydoc_parse(ydoc *doc, const char *name, const char *buf, size_t len,
               natrisk_diag *diag);
void ydoc_release(ydoc *doc);

/*
 * Calls VISIT(KEY, KEY_LEN, VALUE, VALUE_LEN, CTX) for each entry of the
 * top-level mapping of the YAML text BUF (LEN bytes), in order, once its
 * value has been read, from the parser's events without building the tree
 * (ytop.c), until VISIT returns false. KEY is NUL-terminated; VALUE is a
 * scalar's text (not terminated), NULL for a collection or an alias. An
 * entry whose key is no scalar or longer than 64 bytes is not visited.
 * Returns 0 when it came that far or to the end, -1 when the text is no
 * mapping or fails to parse (or nests too deep) before then.
 */
typedef bool (*ytop_visit)(const char *key, size_t key_len,
                           const char *value, size_t value_len, void *ctx);
int ytop_keys(const char *buf, size_t len, ytop_visit visit, void *ctx);
/* ytop_keys() on the file at PATH; -1 also when it cannot be read. What
 * natrisk_plan_detect() and natrisk_monitor_detect() read. */
int ytop_file_keys(const char *path, ytop_visit visit, void *ctx);

/*
 * Checks that BUF is UTF-8 without NUL or control characters other than
 * tab, line feed and carriage return. On failure reports where and returns
 * -1.
 */
int utf8_check(const char *name, const char *buf, size_t len,
               natrisk_diag *diag);

/* Reports an error or a warning at NODE, in the thread's message language
 * (messages.h). */
void yerror(ydoc *doc, const ynode *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ywarning(ydoc *doc, const ynode *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reports every repeated text among the scalar NODES (NULLs skipped) as
 * "duplicate WHAT"; returns whether all were unique. */
bool ycheck_unique(ydoc *doc, const ynode *const *nodes, size_t n,
                   const char *what);

/* Reports a key of MAP that is not text, and every repeated key
 * (ykeys.c; ytree.c calls it as it closes a mapping). */
void ycheck_map_keys(ydoc *doc, const ynode *map);

/* The value for KEY in a map, or NULL. */
ynode *ymap_get(const ynode *map, const char *key);
bool yis_null(const ynode *node);
/* "mapping", "list", "null" or "scalar", in English (msg_tr translates). */
const char *ykind_name(const ynode *node);

#endif
