#!/bin/sh
# yaml_limits.sh - "natrisk check" on 8 MiB files of every hostile shape
# that tests/tools/yaml_shapes.py makes (deep nesting, many items, long
# scalars, anchors, documents...): each must be answered within seconds
# of processor time and 200 MB of memory, refused (exit 1, nothing on stdout) with a located
# first error that names the limit, at the place worked out by hand in
# yaml_shapes.py's EXPECTED. The files are made here, one at a time, not
# committed. Run by tests/run-all with NATRISK and NATRISK_ROOT.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

shapes=tests/tools/yaml_shapes.py
peak=tests/tools/peak_rss.py
PATTERN='^[^:]+:[0-9]+:[0-9]+: (error|warning): '
# The sanitizers' shadow memory and slower code need more; the memory limit
# stays far below what the unbounded parser took (2.9 GB on nesting). The
# time is ASan's: libfyaml grows its input buffer 4 KiB at a time, which
# glibc's realloc does in place (mremap) and ASan's by copying, so one
# parse of an 8 MiB scalar costs ~35 s of processor time under ASan against
# 0.3 s without, and check reads a file up to three times (the plan and
# monitor detection). The 10 s limit of the normal build is the real bound.
if [ -n "${NATRISK_SAN:-}" ]; then
	max_kb=819200
	max_seconds=180
else
	max_kb=204800
	max_seconds=10
fi

count=0
for name in $(python3 "$shapes" --list); do
	count=$((count + 1))
	t "8 MiB of $name: bounded, refused with a located error"
	file="$T_TMP/$name.yaml"
	python3 "$shapes" "$T_TMP" 8384512 "$name" || t_fail "cannot make $file"
	set -- $(python3 "$peak" "$OUT" "$ERR" 120 "$NATRISK" check "$file")
	STATUS=$1
	[ "$2" -le "$max_kb" ] ||
		t_fail "peak memory $2 KiB, more than $max_kb"
	awk -v s="$3" -v m="$max_seconds" 'BEGIN { exit !(s <= m) }' ||
		t_fail "took $3 s of processor time, more than $max_seconds"
	expected=$(python3 "$shapes" --expect "$name")
	if [ "$expected" = loads ]; then
		expect_status 0
		expect_stderr_empty
	else
		expect_status 1
		expect_stdout_empty
		where=${expected%%|*}
		phrase=${expected#*|}
		prefix="$file:"
		[ -z "$where" ] || prefix="$file:$where: error: "
		first=$(head -n 1 "$ERR")
		echo "$first" | grep -qE "$PATTERN" ||
			t_fail "first error not FILE:LINE:COL: error: ...: $first"
		case "$first" in
		"$prefix"*"$phrase"*) ;;
		*) t_fail "first error '$first', expected $prefix... $phrase" ;;
		esac
	fi
	rm -f "$file"
done

t "every shape was tried"
[ "$count" -ge 30 ] || t_fail "only $count shapes"

# A valid assessment just under the node limit (some 30,000 scenarios)
# is read in full.
t "3 MB of valid scenarios load within the limits"
python3 -c '
import sys
sys.path.insert(0, "tests/tools")
import yaml_shapes
open(sys.argv[1], "w").write(yaml_shapes.many_scenarios(3000000))
' "$T_TMP/many.yaml"
set -- $(python3 "$peak" "$OUT" "$ERR" 120 "$NATRISK" check "$T_TMP/many.yaml")
STATUS=$1
expect_status 0
expect_stderr_empty
[ "$2" -le "$max_kb" ] || t_fail "peak memory $2 KiB, more than $max_kb"

finish
