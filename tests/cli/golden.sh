#!/bin/sh
# golden.sh - `natrisk assess --format json` against the golden files of
# tests/golden/, which the independent Python reference computed from the
# method text (tests/reference/assess_ref.py; regenerate with
# tests/reference/regen, never from natrisk's output).
#
# A golden NAME.json is the output for tests/golden/NAME.yaml, or for
# examples/NAME.yaml when there is none; NAME.PROFILE.json is the same with
# --weights PROFILE. Structure and strings must match exactly, numbers to a
# relative 1e-9 (tests/reference/json_compare.py); null against a number is
# a difference. Run by tests/run-all with NATRISK and NATRISK_ROOT set.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

compare="python3 tests/reference/json_compare.py"

# The comparator must see differences, or every comparison below is void.
t "comparator reports a changed number, a null and a missing key"
printf '{"a": [1, {"b": 2.0, "c": null}]}\n' >"$T_TMP/x.json"
printf '{"a": [1, {"b": 2.0000001, "c": null}]}\n' >"$T_TMP/y.json"
run $compare "$T_TMP/x.json" "$T_TMP/y.json"
expect_status 1
expect_stderr_contains '$.a[1].b'
printf '{"a": [1, {"b": 2.0, "c": 0.0}]}\n' >"$T_TMP/y.json"
run $compare "$T_TMP/x.json" "$T_TMP/y.json"
expect_status 1
expect_stderr_contains '$.a[1].c'
printf '{"a": [1, {"b": 2.0}]}\n' >"$T_TMP/y.json"
run $compare "$T_TMP/x.json" "$T_TMP/y.json"
expect_status 1
printf '{"a": [1, {"c": null, "b": 2.0000000000001}]}\n' >"$T_TMP/y.json"
run $compare "$T_TMP/x.json" "$T_TMP/y.json"
expect_status 0

count=0
for golden in tests/golden/*.json; do
	[ -f "$golden" ] || continue
	count=$((count + 1))
	name=$(basename "$golden" .json)
	base=${name%%.*}
	profile=""
	[ "$base" = "$name" ] || profile=${name#*.}
	input=tests/golden/$base.yaml
	[ -f "$input" ] || input=examples/$base.yaml
	t "golden $name"
	if [ ! -f "$input" ]; then
		t_fail "no input tests/golden/$base.yaml or examples/$base.yaml"
		continue
	fi
	if [ -n "$profile" ]; then
		run "$NATRISK" assess "$input" --format json --weights "$profile"
	else
		run "$NATRISK" assess "$input" --format json
	fi
	expect_status 0
	cp "$OUT" "$T_TMP/actual.json"
	run $compare "$golden" "$T_TMP/actual.json"
	if [ "$STATUS" -ne 0 ]; then
		where=$(head -n 1 "$ERR")
		: >"$ERR"
		t_fail "$input${profile:+ --weights $profile} differs from $golden at $where"
	fi
done
t "golden files found"
[ "$count" -ge 8 ] || t_fail "only $count golden files in tests/golden"

# The goldens must be what the reference computes (no hand edits); skipped
# where python3-yaml is missing (scripts/install-deps installs it).
if python3 -c 'import yaml' 2>/dev/null; then
	t "goldens are up to date with the reference"
	mkdir "$T_TMP/regen"
	for golden in tests/golden/*.json; do
		name=$(basename "$golden" .json)
		base=${name%%.*}
		input=tests/golden/$base.yaml
		[ -f "$input" ] || input=examples/$base.yaml
		if [ "$base" = "$name" ]; then
			run env NATRISK_METHOD_PATH="$NATRISK_ROOT/methods" python3 \
				tests/reference/assess_ref.py "$input"
		else
			run env NATRISK_METHOD_PATH="$NATRISK_ROOT/methods" python3 \
				tests/reference/assess_ref.py "$input" --weights "${name#*.}"
		fi
		cp "$OUT" "$T_TMP/regen/$name.json"
		run $compare "$golden" "$T_TMP/regen/$name.json" --rel 1e-15
		if [ "$STATUS" -ne 0 ]; then
			where=$(head -n 1 "$ERR")
			: >"$ERR"
			t_fail "$golden is not the reference's output: $where"
		fi
	done
fi

finish
