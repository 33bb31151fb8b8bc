# lib.sh - helpers for the shell test suites in tests/cli/ (POSIX sh).
#
# Source it from a suite; it cds to $NATRISK_ROOT and needs $NATRISK (the
# binary under test), both set by tests/run-all:
#
#   . "${NATRISK_ROOT:?}/tests/cli/lib.sh"
#   t "version prints the version"       # start a test
#   run "$NATRISK" --version             # run a command; keeps status/output
#   expect_status 0
#   expect_stdout_matches '^natrisk [0-9]+\.[0-9]+\.[0-9]+$'
#   finish                               # summary; exit status 1 on failure
#
# A test fails when any of its expectations fails; each failure prints the
# test name, what was expected and the start of the command's output.
# $T_TMP is a scratch directory removed at exit; $OUT and $ERR hold the last
# command's standard output and error, $STATUS its exit status.

: "${NATRISK:?set NATRISK to the natrisk binary}"
: "${NATRISK_ROOT:?set NATRISK_ROOT to the source tree}"
cd "$NATRISK_ROOT" || exit 1

T_SUITE=$(basename "$0" .sh)
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/natrisk-$T_SUITE.XXXXXX") || exit 1
trap 'rm -rf "$T_TMP"' EXIT
trap 'exit 1' HUP INT TERM
OUT="$T_TMP/stdout"
ERR="$T_TMP/stderr"
STATUS=0
T_NAME=""
T_FAILED=0
T_PASSES=0
T_FAILS=0
: >"$OUT"
: >"$ERR"

# t NAME: start a test (and close the one before).
t() {
	t_close
	T_NAME=$1
	T_FAILED=0
}

t_close() {
	[ -n "$T_NAME" ] || return 0
	if [ "$T_FAILED" -eq 0 ]; then
		T_PASSES=$((T_PASSES + 1))
	else
		T_FAILS=$((T_FAILS + 1))
	fi
	T_NAME=""
}

# t_fail MESSAGE: record a failed expectation of the current test.
t_fail() {
	T_FAILED=1
	echo "FAIL $T_SUITE: ${T_NAME:-?}: $1"
	if [ -s "$OUT" ]; then
		echo "  stdout:"
		head -n 5 "$OUT" | sed 's/^/    /'
	fi
	if [ -s "$ERR" ]; then
		echo "  stderr:"
		head -n 5 "$ERR" | sed 's/^/    /'
	fi
}

# need_pyyaml: the suite reads YAML in Python; without python3-yaml it
# fails at once, saying what to install.
need_pyyaml() {
	python3 -c 'import yaml' 2>/dev/null && return 0
	echo "$T_SUITE.sh: python3-yaml missing (run scripts/install-deps)"
	exit 1
}

# run CMD [ARG...]: run a command, keep its output in $OUT/$ERR and its
# exit status in $STATUS. Standard input is empty.
run() {
	"$@" >"$OUT" 2>"$ERR" </dev/null
	STATUS=$?
}

# expect_status N
expect_status() {
	[ "$STATUS" -eq "$1" ] || t_fail "exit status $STATUS, expected $1"
}

# expect_stdout_empty / expect_stderr_empty
expect_stdout_empty() {
	[ ! -s "$OUT" ] || t_fail "expected no standard output"
}
expect_stderr_empty() {
	[ ! -s "$ERR" ] || t_fail "expected no standard error"
}
expect_stdout_nonempty() {
	[ -s "$OUT" ] || t_fail "expected standard output"
}

# expect_stdout_contains STRING (fixed string, anywhere in the output)
expect_stdout_contains() {
	grep -qF -e "$1" "$OUT" || t_fail "standard output lacks '$1'"
}
expect_stdout_lacks() {
	! grep -qF -e "$1" "$OUT" || t_fail "standard output contains '$1'"
}
expect_stderr_contains() {
	grep -qF -e "$1" "$ERR" || t_fail "standard error lacks '$1'"
}

# expect_stdout_matches ERE / expect_stderr_matches ERE (some line matches)
expect_stdout_matches() {
	grep -qE -e "$1" "$OUT" || t_fail "no line of standard output matches /$1/"
}
expect_stderr_matches() {
	grep -qE -e "$1" "$ERR" || t_fail "no line of standard error matches /$1/"
}

# expect_stdout_lines N: exactly N lines
expect_stdout_lines() {
	n=$(wc -l <"$OUT" | tr -d ' ')
	[ "$n" -eq "$1" ] || t_fail "standard output has $n lines, expected $1"
}

# expect_stdout_equals_file FILE: byte for byte
expect_stdout_equals_file() {
	cmp -s "$OUT" "$1" || t_fail "standard output differs from $1"
}

# expect_stdout_width N: no line longer than N characters (UTF-8 aware)
expect_stdout_width() {
	w=$(python3 -c 'import sys
print(max([len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$OUT")
	[ "$w" -le "$1" ] || t_fail "a line of standard output is $w characters wide, more than $1"
}

# expect_file FILE: exists and is not empty
expect_file() {
	[ -s "$1" ] || t_fail "expected a non-empty file $1"
}

# finish: close the last test, print the summary, exit 1 on any failure.
finish() {
	t_close
	echo "$T_SUITE: $T_PASSES passed, $T_FAILS failed"
	[ "$T_FAILS" -eq 0 ] && exit 0
	exit 1
}
