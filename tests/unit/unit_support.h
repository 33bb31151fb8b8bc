/*
 * unit_support.h - small helpers shared by the cmocka unit tests in this
 * directory: floating-point assertions, diagnostics look-up, the method
 * search path and temporary files. Only static inline functions, so that a
 * test that uses a part of them compiles without warnings.
 */
#ifndef NATRISK_UNIT_SUPPORT_H
#define NATRISK_UNIT_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <natrisk/assessment.h>
#include <natrisk/diag.h>
#include <natrisk/method.h>
#include <natrisk/results.h>

/* |ACTUAL - EXPECTED| <= TOL, printed with all 17 digits on failure. */
#define assert_near(actual, expected, tol)                                   \
	unit_assert_near((actual), (expected), (tol), #actual, __FILE__,     \
	                 __LINE__)
/* ACTUAL == EXPECTED as doubles, bit for bit (no NaN). */
#define assert_exact(actual, expected)                                       \
	unit_assert_exact((actual), (expected), #actual, __FILE__, __LINE__)

static inline void unit_assert_near(double actual, double expected,
                                    double tol, const char *what,
                                    const char *file, int line)
{
	if (fabs(actual - expected) <= tol)
		return;
	print_error("%s = %.17g, expected %.17g (tolerance %g)\n", what,
	            actual, expected, tol);
	_fail(file, line);
}

static inline void unit_assert_exact(double actual, double expected,
                                     const char *what, const char *file,
                                     int line)
{
	if (actual == expected)
		return;
	print_error("%s = %.17g, expected exactly %.17g\n", what, actual,
	            expected);
	_fail(file, line);
}

static inline void unit_diag_dump(const natrisk_diag *diag)
{
	for (size_t i = 0; i < natrisk_diag_count(diag); i++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, i);
		print_error("  diag %zu: %s:%d:%d: %s: %s\n", i, d->file,
		            d->line, d->column,
		            d->severity == NATRISK_SEVERITY_ERROR ? "error"
		                                                  : "warning",
		            d->message);
	}
}

/* The Nth diagnostic of SEVERITY in the order the loader added them. */
static inline const natrisk_diagnostic *
unit_diag_nth(const natrisk_diag *diag, natrisk_severity severity, size_t n)
{
	for (size_t i = 0; i < natrisk_diag_count(diag); i++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, i);
		if (d->severity == severity && n-- == 0)
			return d;
	}
	return NULL;
}

/* Checks that the Nth error (0 = the first) is at LINE:COLUMN and that its
 * message contains PHRASE. */
#define assert_error_at(diag, n, line, column, phrase)                       \
	unit_assert_diag((diag), NATRISK_SEVERITY_ERROR, (n), (line),        \
	                 (column), (phrase), __FILE__, __LINE__)
#define assert_warning_at(diag, n, line, column, phrase)                     \
	unit_assert_diag((diag), NATRISK_SEVERITY_WARNING, (n), (line),      \
	                 (column), (phrase), __FILE__, __LINE__)

static inline void unit_assert_diag(const natrisk_diag *diag,
                                    natrisk_severity severity, size_t n,
                                    int line, int column, const char *phrase,
                                    const char *file, int src_line)
{
	const natrisk_diagnostic *d = unit_diag_nth(diag, severity, n);
	if (d && d->line == line && d->column == column &&
	    strstr(d->message, phrase))
		return;
	print_error("expected %s #%zu at %d:%d containing \"%s\"; got:\n",
	            severity == NATRISK_SEVERITY_ERROR ? "error" : "warning", n,
	            line, column, phrase);
	unit_diag_dump(diag);
	_fail(file, src_line);
}

/* Some diagnostic of SEVERITY at LINE:COLUMN contains PHRASE. */
#define assert_has_diag(diag, severity, line, column, phrase)                \
	unit_assert_has_diag((diag), (severity), (line), (column), (phrase), \
	                     __FILE__, __LINE__)

static inline void unit_assert_has_diag(const natrisk_diag *diag,
                                        natrisk_severity severity, int line,
                                        int column, const char *phrase,
                                        const char *file, int src_line)
{
	for (size_t i = 0; i < natrisk_diag_count(diag); i++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, i);
		if (d->severity == severity && d->line == line &&
		    d->column == column && strstr(d->message, phrase))
			return;
	}
	print_error("expected a diagnostic at %d:%d containing \"%s\"; "
	            "got:\n", line, column, phrase);
	unit_diag_dump(diag);
	_fail(file, src_line);
}

#define assert_error_count(diag, n)                                          \
	unit_assert_error_count((diag), (n), __FILE__, __LINE__)

static inline void unit_assert_error_count(const natrisk_diag *diag,
                                           size_t n, const char *file,
                                           int line)
{
	if (natrisk_diag_error_count(diag) == n)
		return;
	print_error("expected %zu errors, got %zu:\n", n,
	            natrisk_diag_error_count(diag));
	unit_diag_dump(diag);
	_fail(file, line);
}

/*
 * The repository root, for the method files in methods/: $NATRISK_ROOT
 * (tests/run-all exports it), else NATRISK_ROOT given at compile time,
 * else the directory this header's path names (__FILE__ is
 * "tests/unit/unit_support.h" or an absolute path), else the working
 * directory.
 */
static inline const char *unit_methods_dir(void)
{
	static char dir[4096];
	const char *root = getenv("NATRISK_ROOT");
#ifdef NATRISK_ROOT
	if (!root || !*root)
		root = NATRISK_ROOT;
#endif
	if (root && *root) {
		snprintf(dir, sizeof dir, "%s/methods", root);
		return dir;
	}
	static const char suffix[] = "tests/unit/unit_support.h";
	const char *self = __FILE__;
	size_t n = strlen(self), m = strlen(suffix);
	if (n >= m && strcmp(self + n - m, suffix) == 0 && n > m) {
		snprintf(dir, sizeof dir, "%.*smethods", (int)(n - m), self);
		return dir;
	}
	return "methods";
}

/* Points the method search at this tree's methods/ (the bundled ids). */
static inline void unit_use_tree_methods(void)
{
	setenv("NATRISK_METHOD_PATH", unit_methods_dir(), 1);
}

/* A fresh directory under $TMPDIR or /tmp; DIR holds at least 4096. */
static inline void unit_tmpdir(char *dir, size_t size)
{
	const char *base = getenv("TMPDIR");
	snprintf(dir, size, "%s/natrisk-unit-XXXXXX",
	         base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(dir));
}

/* Writes TEXT to DIR/NAME; the path goes to PATH. */
static inline void unit_write_file(const char *dir, const char *name,
                                   const char *text, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

/* Loads the assessment TEXT named NAME; returns the load's code. */
static inline int unit_load(natrisk_assessment **out, natrisk_diag *diag,
                            const char *name, const char *text)
{
	return natrisk_assessment_load_buffer(out, name, text, strlen(text),
	                                      diag);
}

#endif
