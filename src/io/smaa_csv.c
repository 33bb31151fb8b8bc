/*
 * smaa_csv.c - given SMAA samples from M.csv and W.csv (smaa_csv.h,
 * formats.md): the headers, the grouping of M's rows into iterations, the
 * alternatives of every iteration against iteration 1, and the weight
 * rows against M's iterations and criteria.
 *
 * Every problem is reported, not only the first, so the reader recovers
 * where it can: a ragged row is still grouped by its iteration and
 * alternative, a missing iteration number is taken as found, and only the
 * first alternative out of place in an iteration is reported (after one,
 * the rest of that iteration would all be out of place too).
 */
#include <natrisk/smaa_csv.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/error.h"
#include "../core/messages.h"
#include "file.h"
#include "smaa_csv_internal.h"
#include "ytree.h"

struct natrisk_smaa_samples_file {
	arena arena;                 /* first: owns the file and its names */
	natrisk_smaa_samples view;
	double *measurements, *weights;
};

int csv_values_push(csv_values *v, double value)
{
	if (v->len == v->capacity) {
		/* the readers stop at the limit: no more room is ever needed */
		size_t capacity = v->capacity ? v->capacity * 2 : 1024;
		if (capacity > NATRISK_SMAA_MAX_VALUES)
			capacity = NATRISK_SMAA_MAX_VALUES;
		if (capacity <= v->len)
			return -1;
		double *grown = realloc(v->data, capacity * sizeof *grown);
		if (!grown)
			return -1;
		v->data = grown;
		v->capacity = capacity;
	}
	v->data[v->len++] = value;
	return 0;
}

void samples_error(csv_lexer *lx, int line, int column, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	va_end(ap);
	natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name, line,
	                 column, "%s", message);
}

void samples_field_error(csv_lexer *lx, const csv_field *f, const char *fmt,
                         ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	va_end(ap);
	natrisk_diag_add(lx->diag, NATRISK_SEVERITY_ERROR, lx->name, f->line,
	                 f->column, "%s", message);
}

bool samples_name_ok(csv_lexer *lx, const csv_field *f, const char *what)
{
	if (f->len == 0) {
		samples_field_error(lx, f, "empty %s name", msg_tr(what));
		return false;
	}
	if (strpbrk(f->text, "\r\n")) {
		samples_field_error(lx, f, "%s name with a line break",
		                    msg_tr(what));
		return false;
	}
	return true;
}

/* The criteria of a header from field FIRST on: named, each once. */
bool samples_criteria(csv_lexer *lx, size_t first, arena *a,
                      const char ***out, size_t *count, csv_names *index)
{
	size_t n = lx->count - first;
	const char **names = arena_array(a, n + 1, sizeof *names);
	bool ok = names != NULL;
	for (size_t c = 0; names && c < n; c++) {
		const csv_field *f = &lx->fields[first + c];
		char shown[80];
		names[c] = arena_strndup(a, f->text, f->len);
		size_t seen = names[c] ? csv_names_add(index, names[c], c)
		                       : SIZE_MAX - 1;
		if (seen == SIZE_MAX - 1) {
			names = NULL;
			break;
		}
		if (!samples_name_ok(lx, f, "criterion")) {
			ok = false;
		} else if (seen != SIZE_MAX) {
			samples_field_error(lx, f, "duplicate criterion '%s' "
			                    "(also field %zu of the header)",
			                    csv_shown(names[c], shown,
			                              sizeof shown),
			                    first + seen + 1);
			ok = false;
		}
	}
	if (!names) {
		lx->out_of_memory = true;
		samples_error(lx, 1, 1, "out of memory");
		return false;
	}
	*out = names;
	*count = n;
	return ok;
}

/* The first fields of a header must be these words. */
bool samples_header_starts(csv_lexer *lx, const char *const *words,
                           size_t count, const char *expected)
{
	for (size_t k = 0; k < count; k++) {
		const csv_field *f = k < lx->count ? &lx->fields[k] : NULL;
		if (f && strcmp(f->text, words[k]) == 0)
			continue;
		char shown[80];
		if (f)
			samples_field_error(lx, f, "expected '%s' in the header "
			                    "(%s), found '%s'", words[k],
			                    expected,
			                    csv_shown(f->text, shown,
			                              sizeof shown));
		else
			samples_error(lx, lx->end_line, lx->end_column,
			              "expected '%s' in the header (%s)",
			              words[k], expected);
		return false;
	}
	if (lx->count > count)
		return true;
	samples_error(lx, lx->end_line, lx->end_column, "the header names "
	              "no criteria (%s)", expected);
	return false;
}

/* Reads the header; reports an empty file. Returns 1, 0 or -1 (error). */
int samples_first_record(csv_lexer *lx, const char *expected)
{
	int rc = csv_next_record(lx);
	if (rc == 0)
		samples_error(lx, 1, 1, "empty file: expected the header %s",
		              expected);
	return rc;
}

/* Whether the record has HEADER fields; reports it when not. A blank line
 * is reported as such. */
bool samples_row_width(csv_lexer *lx, size_t header)
{
	if (lx->count == header)
		return true;
	const csv_field *f = &lx->fields[0];
	if (lx->count == 1 && f->len == 0 && !f->quoted)
		samples_error(lx, f->line, f->column, "empty line");
	else if (lx->count > header)
		samples_field_error(lx, &lx->fields[header], "too many fields: "
		                    "%zu, the header has %zu", lx->count, header);
	else
		samples_error(lx, lx->end_line, lx->end_column, "too few "
		              "fields: %zu, the header has %zu", lx->count,
		              header);
	return false;
}

/* Reads a file and checks its bytes; 0, or -1 after a located error. */
static int read_checked(const char *path, char **data, size_t *len,
                        natrisk_diag *diag)
{
	if (file_read(path, data, len) != 0) {
		const char *why = natrisk_error_last();
		size_t n = strlen(path);
		if (strncmp(why, path, n) == 0 && strncmp(why + n, ": ", 2) == 0)
			why += n + 2; /* the place already names the file */
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, path, 1, 1, "%s",
		                 why);
		return -1;
	}
	return 0;
}

static void build_release(samples_build *b)
{
	csv_names_release(&b->criterion_index);
	csv_names_release(&b->alternative_index);
	free(b->alternatives);
	free(b->values.data);
	free(b->weights.data);
}

/* Moves what was read into a new samples file. */
static int build_finish(samples_build *b, natrisk_smaa_samples_file *f)
{
	/* what the checks above guarantee; the engine relies on it */
	if (b->iterations == 0 || b->m == 0 || b->n == 0 ||
	    b->values.len != b->iterations * b->m * b->n ||
	    b->weights.len != b->iterations * b->n)
		return error_set(NATRISK_EINVALID, "the samples are "
		                 "inconsistent (%zu values, %zu weights)",
		                 b->values.len, b->weights.len);
	f->view.iterations = b->iterations;
	f->view.alternatives = b->m;
	f->view.criteria = b->n;
	f->view.criterion_names = b->criteria;
	const char **names = arena_array(&f->arena, b->m + 1, sizeof *names);
	if (!names)
		return NATRISK_ENOMEM;
	memcpy(names, b->alternatives, b->m * sizeof *names);
	f->view.alternative_names = names;
	f->measurements = b->values.data;
	f->weights = b->weights.data;
	b->values.data = b->weights.data = NULL;
	f->view.measurements = f->measurements;
	f->view.weights = f->weights;
	return 0;
}

int natrisk_smaa_samples_load_buffers(natrisk_smaa_samples_file **out,
                                      const char *m_name, const char *m_buf,
                                      size_t m_len, const char *w_name,
                                      const char *w_buf, size_t w_len,
                                      natrisk_diag *diag)
{
	*out = NULL;
	natrisk_smaa_samples_file *f = arena_owned_new(sizeof *f);
	if (!f)
		return error_set(NATRISK_ENOMEM, "out of memory");
	size_t errors = natrisk_diag_error_count(diag);
	samples_build b = { .arena = &f->arena, .diag = diag,
	                    .m_name = m_name };
	/* a file that could not be read is NULL: the other is still checked */
	bool m_bytes = m_buf && utf8_check(m_name, m_buf, m_len, diag) == 0;
	bool w_bytes = w_buf && utf8_check(w_name, w_buf, w_len, diag) == 0;
	int rc = 0;
	if (m_bytes)
		rc = samples_read_measurements(&b, m_name, m_buf, m_len);
	if (rc == 0 && w_bytes)
		rc = samples_read_weights(&b, w_name, w_buf, w_len);
	if (rc == 0 && m_bytes && w_bytes &&
	    natrisk_diag_error_count(diag) == errors)
		rc = build_finish(&b, f);
	else if (rc == 0)
		rc = error_set(NATRISK_EINVALID, "invalid samples");
	build_release(&b);
	if (f->arena.out_of_memory)
		rc = NATRISK_ENOMEM;
	if (rc != 0) {
		natrisk_smaa_samples_free(f);
		return rc == NATRISK_ENOMEM ? error_set(rc, "out of memory")
		                            : rc;
	}
	*out = f;
	return NATRISK_OK;
}

int natrisk_smaa_samples_load(natrisk_smaa_samples_file **out,
                              const char *measurements_path,
                              const char *weights_path, natrisk_diag *diag)
{
	*out = NULL;
	char *m_buf = NULL, *w_buf = NULL;
	size_t m_len = 0, w_len = 0;
	int m_read = read_checked(measurements_path, &m_buf, &m_len, diag);
	int w_read = read_checked(weights_path, &w_buf, &w_len, diag);
	int rc = natrisk_smaa_samples_load_buffers(
		out, measurements_path, m_read == 0 ? m_buf : NULL, m_len,
		weights_path, w_read == 0 ? w_buf : NULL, w_len, diag);
	free(m_buf);
	free(w_buf);
	return rc;
}

const natrisk_smaa_samples *
natrisk_smaa_samples_view(const natrisk_smaa_samples_file *f)
{
	return &f->view;
}

void natrisk_smaa_samples_free(natrisk_smaa_samples_file *f)
{
	if (!f)
		return;
	free(f->measurements);
	free(f->weights);
	arena_owned_free(f);
}
