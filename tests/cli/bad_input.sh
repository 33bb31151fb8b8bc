#!/bin/sh
# bad_input.sh - every malformed file in tests/bad-input/ must be rejected
# as formats.md says: exit status 1, nothing on stdout, and diagnostics of
# the form FILE:LINE:COL: error: MESSAGE, the first of which is the line in
# the file's .expected companion.
#
# Run by tests/run-all with NATRISK (the binary) and NATRISK_ROOT (the
# repository root) set. The method files in tests/bad-input/methods/ are
# checked through "natrisk method show" and through the assessments that
# name them.
set -u

: "${NATRISK:?set NATRISK to the natrisk binary}"
: "${NATRISK_ROOT:?set NATRISK_ROOT to the repository root}"
cd "$NATRISK_ROOT" || exit 1
[ -x "$NATRISK" ] || { echo "bad_input: $NATRISK is not executable"; exit 1; }

MIN_CASES=40
PATTERN='^[^:]+:[0-9]+:[0-9]+: (error|warning): '
NOTE='natrisk: more problems were found than shown'

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

cases=0
failures=0

# One line per failing command: the first thing found wrong with it.
fail() {
	echo "FAIL $1: $2"
	failures=$((failures + 1))
	return 1
}

# A status of 99 is a sanitizer report (ASAN_OPTIONS=exitcode=99), >= 128
# a signal: the loader crashed on this input.
check_status() { # FILE WHAT
	if [ "$status" -ge 128 ] || [ "$status" -eq 99 ]; then
		fail "$1" "$2 CRASHED (status $status): $(grep -m 1 -E 'ERROR|runtime error|Segmentation' "$tmp/err")"
	elif [ "$status" -ne 1 ]; then
		fail "$1" "$2 exited with status $status, expected 1"
	fi
}

check_stdout_empty() { # FILE WHAT
	[ -s "$tmp/out" ] || return 0
	fail "$1" "$2 wrote to stdout: $(head -n 1 "$tmp/out" | cut -c 1-100)"
}

# Every stderr line is a located diagnostic; only the very last may be
# the note that the list was cut short.
check_lines() { # FILE WHAT
	odd=$(grep -Env "$PATTERN" "$tmp/err")
	[ -z "$odd" ] && return 0
	last=$(wc -l <"$tmp/err" | tr -d ' ')
	[ "$odd" = "$last:$NOTE" ] && return 0
	fail "$1" "$2: stderr line not FILE:LINE:COL: error|warning: ...: $(echo "$odd" | head -n 1)"
}

check_first_line() { # FILE EXPECTED-FILE WHAT
	[ -f "$2" ] || { fail "$1" "no $2"; return; }
	[ "$(wc -l <"$2" | tr -d ' ')" -eq 1 ] ||
		{ fail "$1" "$2 must hold exactly one line"; return; }
	got=$(head -n 1 "$tmp/err")
	[ "$got" = "$(cat "$2")" ] && return 0
	fail "$1" "$3: first stderr line is '$got', expected '$(cat "$2")'"
}

run() { # ARGS... (stdout to $tmp/out, stderr to $tmp/err, status in $status)
	"$NATRISK" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
}

for file in tests/bad-input/*.yaml; do
	[ -f "$file" ] || continue
	cases=$((cases + 1))
	run check "$file"
	check_status "$file" check &&
		check_stdout_empty "$file" check &&
		check_lines "$file" check &&
		check_first_line "$file" "${file%.yaml}.expected" check
	# An assessment that names a bad method must show the method's own
	# errors too, not only that the method is invalid.
	method=$(sed -n 's/^method: *\(methods\/[^ ]*\.yaml\) *$/\1/p' "$file")
	method_expected="tests/bad-input/${method%.yaml}.expected"
	if [ -n "$method" ] && [ -f "$method_expected" ] &&
	   ! grep -qxF "$(cat "$method_expected")" "$tmp/err"; then
		fail "$file" "check does not report $(cat "$method_expected")"
	fi

	run assess "$file" --format json
	check_status "$file" "assess --format json" &&
		check_stdout_empty "$file" "assess --format json" &&
		check_lines "$file" "assess --format json"
done

for file in tests/bad-input/methods/*.yaml; do
	[ -f "$file" ] || continue
	expected=${file%.yaml}.expected
	[ -f "$expected" ] || continue # a helper, not a case of its own
	cases=$((cases + 1))
	run method show "$file"
	check_status "$file" "method show" &&
		check_stdout_empty "$file" "method show" &&
		check_lines "$file" "method show" &&
		check_first_line "$file" "$expected" "method show"
done

# An .expected without its input would silently test nothing.
for expected in tests/bad-input/*.expected tests/bad-input/methods/*.expected; do
	[ -f "$expected" ] || continue
	[ -f "${expected%.expected}.yaml" ] ||
		fail "$expected" "has no ${expected%.expected}.yaml"
done

if [ "$cases" -lt "$MIN_CASES" ]; then
	fail tests/bad-input "only $cases cases, expected at least $MIN_CASES"
fi

echo "bad input: $cases cases, $failures failures"
[ "$failures" -eq 0 ]
