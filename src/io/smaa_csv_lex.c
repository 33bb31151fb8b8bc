/*
 * smaa_csv_lex.c - RFC 4180 records with the place of every field (see
 * smaa_csv_lex.h).
 *
 * Fields are unescaped into one growing text buffer; pointers into it are
 * set only when the record is complete, since the buffer may move while
 * the record is read. Syntax errors (a quote in an unquoted field, text
 * after a closing quote, an unterminated quote, a bare carriage return)
 * end the reading of the file: after them we could only guess where the
 * fields are, and a guess would bury the real error under false ones.
 */
#include "smaa_csv_lex.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/messages.h"

void csv_lexer_init(csv_lexer *lx, const char *name, const char *buf,
                    size_t len, natrisk_diag *diag)
{
	memset(lx, 0, sizeof *lx);
	lx->name = name;
	lx->buf = buf;
	lx->len = len;
	lx->diag = diag;
	lx->line = lx->column = 1;
	/* invisible in an editor: columns start after it */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		lx->pos = 3;
}

void csv_lexer_release(csv_lexer *lx)
{
	free(lx->fields);
	free(lx->offsets);
	free(lx->text);
	memset(lx, 0, sizeof *lx);
}

static int out_of_memory(csv_lexer *lx)
{
	lx->out_of_memory = true;
	natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name, lx->line,
	                 lx->column, "out of memory");
	lx->pos = lx->len;
	return -1;
}

static int syntax_error(csv_lexer *lx, int line, int column,
                        const char *message)
{
	natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name, line,
	                 column, "%s", msg_tr(message));
	lx->pos = lx->len; /* read no further */
	return -1;
}

/* Moves past one byte, keeping the line and column (in characters: a
 * UTF-8 continuation byte does not start a new column). */
static void advance(csv_lexer *lx)
{
	unsigned char c = (unsigned char)lx->buf[lx->pos++];
	if (c == '\n' || (c == '\r' && (lx->pos >= lx->len ||
	                                lx->buf[lx->pos] != '\n'))) {
		lx->line++;
		lx->column = 1;
	} else if (c != '\r' && (c & 0xC0) != 0x80) {
		lx->column++;
	}
}

static bool text_push(csv_lexer *lx, char c)
{
	if (lx->text_len == lx->text_capacity) {
		size_t capacity = lx->text_capacity ? lx->text_capacity * 2 : 256;
		char *grown = realloc(lx->text, capacity);
		if (!grown)
			return false;
		lx->text = grown;
		lx->text_capacity = capacity;
	}
	lx->text[lx->text_len++] = c;
	return true;
}

static bool field_begin(csv_lexer *lx, bool quoted)
{
	if (lx->count == lx->capacity) {
		size_t capacity = lx->capacity ? lx->capacity * 2 : 16;
		csv_field *fields = realloc(lx->fields, capacity * sizeof *fields);
		if (!fields)
			return false;
		lx->fields = fields;
		size_t *offsets = realloc(lx->offsets, capacity * sizeof *offsets);
		if (!offsets)
			return false;
		lx->offsets = offsets;
		lx->capacity = capacity;
	}
	lx->fields[lx->count] = (csv_field){ .line = lx->line,
	                                     .column = lx->column,
	                                     .quoted = quoted };
	lx->offsets[lx->count] = lx->text_len;
	return true;
}

/* A field begun: 0, or -1 after an error (too many fields, no memory). */
static int next_field(csv_lexer *lx, bool quoted)
{
	if (lx->max_fields && lx->count == lx->max_fields)
		return syntax_error(lx, lx->line, lx->column, lx->too_wide);
	return field_begin(lx, quoted) ? 0 : out_of_memory(lx);
}

static bool field_end(csv_lexer *lx)
{
	csv_field *f = &lx->fields[lx->count++];
	f->len = lx->text_len - lx->offsets[lx->count - 1];
	return text_push(lx, '\0');
}

static int quoted_field(csv_lexer *lx)
{
	int line = lx->line, column = lx->column;
	advance(lx); /* the opening quote */
	for (;;) {
		if (lx->pos >= lx->len)
			return syntax_error(lx, line, column, "unterminated "
			                    "quoted field: the closing '\"' is "
			                    "missing");
		char c = lx->buf[lx->pos];
		if (c == '"') {
			advance(lx);
			if (lx->pos >= lx->len || lx->buf[lx->pos] != '"')
				break;
		}
		if (!text_push(lx, c))
			return out_of_memory(lx);
		advance(lx);
	}
	char next = lx->pos < lx->len ? lx->buf[lx->pos] : ',';
	if (next != ',' && next != '\n' && next != '\r')
		return syntax_error(lx, lx->line, lx->column, "expected ',' or "
		                    "the end of the line after the closing "
		                    "'\"' of a quoted field");
	return 0;
}

static int plain_field(csv_lexer *lx)
{
	while (lx->pos < lx->len) {
		char c = lx->buf[lx->pos];
		if (c == ',' || c == '\n' || c == '\r')
			break;
		if (c == '"')
			return syntax_error(lx, lx->line, lx->column, "'\"' in "
			                    "an unquoted field; quote the whole "
			                    "field and write a quote as \"\"");
		if (!text_push(lx, c))
			return out_of_memory(lx);
		advance(lx);
	}
	return 0;
}

/* Past the separator after a field: 1 when another field follows, 0 at
 * the end of the record. */
static int separator(csv_lexer *lx)
{
	lx->end_line = lx->line;
	lx->end_column = lx->column;
	if (lx->pos >= lx->len)
		return 0;
	char c = lx->buf[lx->pos];
	if (c == '\r' && (lx->pos + 1 >= lx->len ||
	                  lx->buf[lx->pos + 1] != '\n'))
		return syntax_error(lx, lx->line, lx->column, "a carriage "
		                    "return must be followed by a line feed");
	advance(lx);
	if (c == '\r')
		advance(lx); /* the line feed of CRLF */
	return c == ',' ? 1 : 0;
}

int csv_next_record(csv_lexer *lx)
{
	lx->count = 0;
	lx->text_len = 0;
	if (lx->pos >= lx->len)
		return 0;
	for (;;) {
		bool quoted = lx->buf[lx->pos] == '"';
		if (next_field(lx, quoted) != 0)
			return -1;
		int rc = quoted ? quoted_field(lx) : plain_field(lx);
		if (rc != 0)
			return -1;
		if (!field_end(lx))
			return out_of_memory(lx);
		rc = separator(lx);
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		if (lx->pos >= lx->len) { /* "a,b," at the very end */
			if (next_field(lx, false) != 0)
				return -1;
			if (!field_end(lx))
				return out_of_memory(lx);
			lx->end_line = lx->line;
			lx->end_column = lx->column;
			break;
		}
	}
	for (size_t i = 0; i < lx->count; i++)
		lx->fields[i].text = lx->text + lx->offsets[i];
	return 1;
}

/* ------------------------------------------------------------ fields */

static void trim(const csv_field *f, const char **start, size_t *len)
{
	const char *p = f->text, *end = f->text + f->len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	*start = p;
	*len = (size_t)(end - p);
}

static bool same_word(const char *p, size_t len, const char *word)
{
	size_t n = strlen(word);
	if (len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((p[i] | 0x20) != word[i])
			return false;
	return true;
}

static size_t digits(const char *p, size_t len, size_t at)
{
	size_t start = at;
	while (at < len && p[at] >= '0' && p[at] <= '9')
		at++;
	return at - start;
}

/* [+-] (D+ [. D*] | . D+) [(e|E) [+-] D+], and nothing else: strtod
 * alone would also take hexadecimal floats, "nan(...)" and spaces. */
static bool decimal_syntax(const char *p, size_t len)
{
	size_t at = p[0] == '+' || p[0] == '-';
	size_t whole = digits(p, len, at), fraction = 0;
	at += whole;
	if (at < len && p[at] == '.') {
		fraction = digits(p, len, at + 1);
		at += 1 + fraction;
	}
	if (whole + fraction == 0)
		return false;
	if (at < len && (p[at] == 'e' || p[at] == 'E')) {
		at++;
		at += at < len && (p[at] == '+' || p[at] == '-');
		size_t exponent = digits(p, len, at);
		if (exponent == 0)
			return false;
		at += exponent;
	}
	return at == len;
}

csv_number_status csv_parse_number(const csv_field *f, double *out)
{
	const char *p;
	size_t len;
	trim(f, &p, &len);
	*out = 0;
	if (len == 0)
		return CSV_NUMBER_EMPTY;
	const char *word = p + (*p == '+' || *p == '-');
	size_t word_len = len - (size_t)(word - p);
	if (same_word(word, word_len, "nan"))
		return CSV_NUMBER_NAN;
	if (same_word(word, word_len, "inf") ||
	    same_word(word, word_len, "infinity"))
		return CSV_NUMBER_INFINITE;
	if (!decimal_syntax(p, len))
		return CSV_NUMBER_SYNTAX;
	char buf[128], *copy = len < sizeof buf ? buf : malloc(len + 1);
	if (!copy)
		return CSV_NUMBER_RANGE;
	memcpy(copy, p, len);
	copy[len] = '\0';
	*out = strtod(copy, NULL);
	if (copy != buf)
		free(copy);
	return isfinite(*out) ? CSV_NUMBER_OK : CSV_NUMBER_RANGE;
}

void csv_number_error(csv_lexer *lx, const csv_field *f,
                      csv_number_status status)
{
	char shown[80];
	switch (status) {
	case CSV_NUMBER_OK:
		return;
	case CSV_NUMBER_EMPTY:
		natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name,
		                 f->line, f->column, "empty field: expected a "
		                 "number");
		return;
	case CSV_NUMBER_NAN:
		natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name,
		                 f->line, f->column, "NaN is not allowed: "
		                 "expected a number");
		return;
	case CSV_NUMBER_INFINITE:
		natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name,
		                 f->line, f->column, "an infinity is not "
		                 "allowed: expected a finite number");
		return;
	case CSV_NUMBER_RANGE:
		natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name,
		                 f->line, f->column, "'%s' is out of range",
		                 csv_shown(f->text, shown, sizeof shown));
		return;
	default:
		natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name,
		                 f->line, f->column, "'%s' is not a number",
		                 csv_shown(f->text, shown, sizeof shown));
	}
}

bool csv_parse_iteration(const csv_field *f, uint64_t *out)
{
	const char *p;
	size_t len;
	trim(f, &p, &len);
	if (len == 0 || digits(p, len, 0) != len)
		return false;
	uint64_t value = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned digit = (unsigned)(p[i] - '0');
		if (value > (UINT64_MAX - digit) / 10)
			return false;
		value = value * 10 + digit;
	}
	*out = value;
	return value >= 1;
}

const char *csv_shown(const char *text, char *buf, size_t size)
{
	size_t len = strlen(text);
	if (len < size)
		return text;
	size_t keep = size - 4; /* room for "..." and the NUL */
	while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80)
		keep--; /* not inside a UTF-8 sequence */
	memcpy(buf, text, keep);
	memcpy(buf + keep, "...", 4);
	return buf;
}

/* ------------------------------------------------------------- names */

static size_t name_hash(const char *name)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 0x100000001b3u;
	return (size_t)h;
}

static size_t slot_of(const csv_names *set, const char *name)
{
	size_t mask = set->capacity - 1, slot = name_hash(name) & mask;
	while (set->names[slot] && strcmp(set->names[slot], name) != 0)
		slot = (slot + 1) & mask;
	return slot;
}

static bool names_grow(csv_names *set)
{
	size_t capacity = set->capacity ? set->capacity * 2 : 64;
	csv_names bigger = { calloc(capacity, sizeof(char *)),
	                     calloc(capacity, sizeof(size_t)), capacity,
	                     set->count };
	if (!bigger.names || !bigger.indices) {
		free(bigger.names);
		free(bigger.indices);
		return false;
	}
	for (size_t i = 0; i < set->capacity; i++) {
		if (!set->names[i])
			continue;
		size_t slot = slot_of(&bigger, set->names[i]);
		bigger.names[slot] = set->names[i];
		bigger.indices[slot] = set->indices[i];
	}
	csv_names_release(set);
	*set = bigger;
	return true;
}

size_t csv_names_add(csv_names *set, const char *name, size_t index)
{
	if (2 * (set->count + 1) > set->capacity && !names_grow(set))
		return SIZE_MAX - 1;
	size_t slot = slot_of(set, name);
	if (set->names[slot])
		return set->indices[slot];
	set->names[slot] = name;
	set->indices[slot] = index;
	set->count++;
	return SIZE_MAX;
}

size_t csv_names_find(const csv_names *set, const char *name)
{
	if (set->capacity == 0)
		return SIZE_MAX;
	size_t slot = slot_of(set, name);
	return set->names[slot] ? set->indices[slot] : SIZE_MAX;
}

void csv_names_release(csv_names *set)
{
	free(set->names);
	free(set->indices);
	memset(set, 0, sizeof *set);
}
