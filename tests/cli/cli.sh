#!/bin/sh
# cli.sh - end-to-end tests of the natrisk command line: exit statuses,
# what goes to standard output and error, the output formats, and method
# lookup. Run by tests/run-all with NATRISK and NATRISK_ROOT set.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

ex=examples/nrb-2012.yaml
nx=$(sed -n '/^scenarios:/,$p' "$ex" | grep -c '^  - id:')   # its scenarios

# ------------------------------------------------------------ top level
t "--version prints 'natrisk X.Y.Z' and exits 0"
run "$NATRISK" --version
expect_status 0
expect_stdout_lines 1
expect_stdout_matches '^natrisk [0-9]+\.[0-9]+\.[0-9]+$'

t "no arguments is a usage error"
run "$NATRISK"
expect_status 2
expect_stdout_empty

t "an unknown command is a usage error"
run "$NATRISK" frobnicate
expect_status 2
expect_stdout_empty
expect_stderr_contains frobnicate

t "--help exits 0 with usage"
run "$NATRISK" --help
expect_status 0
expect_stdout_contains "usage:"

# every command that --help lists, and the ones this suite relies on
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p' "$OUT")
for cmd in check assess methods method $commands; do
	case " $seen " in *" $cmd "*) continue ;; esac
	seen="$seen $cmd"
	t "$cmd --help exits 0 with usage"
	run "$NATRISK" "$cmd" --help
	expect_status 0
	expect_stdout_contains "usage:"
done

# --------------------------------------------------------------- assess
for opt in "--format xml" "--weights no-such-profile" "--lang xx"; do
	t "assess $opt is a usage error with nothing on stdout"
	# shellcheck disable=SC2086
	run "$NATRISK" assess "$ex" $opt
	expect_status 2
	expect_stdout_empty
done

t "assess without a file is a usage error"
run "$NATRISK" assess
expect_status 2
expect_stdout_empty

t "assess on a missing file exits 1 and names the file"
run "$NATRISK" assess "$T_TMP/no-such-file.yaml"
expect_status 1
expect_stdout_empty
expect_stderr_contains "$T_TMP/no-such-file.yaml"
expect_stderr_contains "error"

t "assess --format json writes one JSON object"
run "$NATRISK" assess "$ex" --format json
expect_status 0
python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))
assert len(d["scenarios"]) == int(sys.argv[2])' "$OUT" "$nx" 2>/dev/null ||
	t_fail "not JSON with $nx scenarios"

# a scenario title with a comma and a double quote
cat >"$T_TMP/quote.yaml" <<'EOF'
natrisk: 1
title: CSV quoting
method: nrb-2008
scenarios:
  - id: quoted
    title: 'Floods, storms and "other" events'
    kind: hazard
    likelihood: C
    impact: {"2.1": D}
  - id: plain
    title: Plain
    kind: threat
    likelihood: B
    impact: {"5.3": C+}
EOF
t "assess --format csv: header, one row per scenario, quoted fields"
run "$NATRISK" assess "$T_TMP/quote.yaml" --format csv
expect_status 0
expect_stdout_lines 3
expect_stdout_contains '"Floods, storms and ""other"" events"'
python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
head, body = rows[0], rows[1:]
assert "id" in head and "title" in head, head
assert all(len(r) == len(head) for r in body), "ragged rows"
ids = {r[head.index("id")]: r[head.index("title")] for r in body}
assert ids == {"quoted": "Floods, storms and \"other\" events",
               "plain": "Plain"}, ids' "$OUT" 2>/dev/null ||
	t_fail "CSV does not parse back"

t "assess --format csv on the example: one row per scenario"
run "$NATRISK" assess "$ex" --format csv
expect_status 0
expect_stdout_lines $((nx + 1))

t "assess -o FILE writes the file and nothing on stdout"
run "$NATRISK" assess "$ex" --format json
cp "$OUT" "$T_TMP/expected.json"
run "$NATRISK" assess "$ex" --format json -o "$T_TMP/written.json"
expect_status 0
expect_stdout_empty
cmp -s "$T_TMP/written.json" "$T_TMP/expected.json" ||
	t_fail "-o output differs from standard output"

for f in examples/nrb-*.yaml tests/golden/*.yaml; do
	for lang in en nl; do
		t "assess table of $f ($lang) fits in 80 columns"
		run "$NATRISK" assess "$f" --lang "$lang"
		expect_status 0
		expect_stdout_nonempty
		expect_stdout_width 80
	done
done

# ---------------------------------------------------------------- check
t "check on a valid file exits 0 and prints nothing"
run "$NATRISK" check examples/nrb-2012.yaml examples/nrb-2011.yaml
expect_status 0
expect_stdout_empty
expect_stderr_empty

cat >"$T_TMP/allx.yaml" <<'EOF'
natrisk: 1
title: All X
method: nrb-2008
scenarios:
  - id: nothing
    title: Nothing applies
    kind: threat
    likelihood: B
    impact: {"1.1": X}
EOF
t "check warns about an all-X scenario and exits 0"
run "$NATRISK" check "$T_TMP/allx.yaml"
expect_status 0
expect_stdout_empty
expect_stderr_matches "^$T_TMP/allx\.yaml:[0-9]+:[0-9]+: warning: "

cat >"$T_TMP/order.yaml" <<'EOF'
natrisk: 1
title: LL above EV
method: nrb-2008
scenarios:
  - id: bad
    title: Bad
    kind: threat
    likelihood: B
    impact:
      "2.1": {ev: B, ll: C}
EOF
t "check rejects LL > EV with FILE:LINE:COL: error and exit 1"
run "$NATRISK" check "$T_TMP/order.yaml"
expect_status 1
expect_stdout_empty
expect_stderr_matches "^$T_TMP/order\.yaml:[0-9]+:[0-9]+: error: "

t "assess writes nothing for a rejected file"
run "$NATRISK" assess "$T_TMP/order.yaml" --format json
expect_status 1
expect_stdout_empty

# -------------------------------------------------------------- methods
t "methods lists the bundled methods"
run "$NATRISK" methods
expect_status 0
for id in nrb-2008 gra-2019 rbra-2022; do
	expect_stdout_contains "$id"
done

t "method show nrb-2008 names all ten criteria"
run "$NATRISK" method show nrb-2008
expect_status 0
for id in 1.1 1.2 2.1 2.2 2.3 3.1 4.1 5.1 5.2 5.3; do
	expect_stdout_matches "^[[:space:]]*$(echo "$id" | sed 's/\./\\./')[[:space:]]"
done

t "method show nrb-2008 --raw is the method file byte for byte"
run "$NATRISK" method show nrb-2008 --raw
expect_status 0
expect_stdout_equals_file methods/nrb-2008.yaml

t "method show ./PATH shows a user's method file"
run "$NATRISK" method show ./tests/golden/methods/edge-base2.yaml
expect_status 0
expect_stdout_contains edge-base2
for id in p1 p2 m1 s1 s2; do
	expect_stdout_matches "^[[:space:]]*${id}[[:space:]]"
done
run "$NATRISK" method show ./tests/golden/methods/edge-base2.yaml --raw
expect_status 0
expect_stdout_equals_file tests/golden/methods/edge-base2.yaml

t "method show of an unknown method exits 1"
run "$NATRISK" method show nope
expect_status 1
expect_stdout_empty

# A user's corrected copy of nrb-2008 (fatalities weigh 3 in the default
# profile) in $NATRISK_METHOD_PATH wins over the bundled one.
mkdir "$T_TMP/empty" "$T_TMP/mine"
awk '!done && $0 == "      weights: {}" {
	print "      weights: {\"2.1\": 3}"; done = 1; next } { print }' \
	methods/nrb-2008.yaml >"$T_TMP/mine/nrb-2008.yaml"
t "NATRISK_METHOD_PATH: the corrected copy is the one shown"
cmp -s methods/nrb-2008.yaml "$T_TMP/mine/nrb-2008.yaml" &&
	t_fail "the test's copy is not changed"
run env NATRISK_METHOD_PATH="$T_TMP/empty:$T_TMP/mine" \
	"$NATRISK" method show nrb-2008 --raw
expect_status 0
expect_stdout_equals_file "$T_TMP/mine/nrb-2008.yaml"

t "NATRISK_METHOD_PATH: assess uses the corrected weights"
run env NATRISK_METHOD_PATH="$T_TMP/empty:$T_TMP/mine" \
	"$NATRISK" assess "$ex" --format json
expect_status 0
cp "$OUT" "$T_TMP/mine.json"
run env NATRISK_METHOD_PATH="$T_TMP/mine" \
	python3 tests/reference/assess_ref.py "$ex"
cp "$OUT" "$T_TMP/mine.ref.json"
run python3 tests/reference/json_compare.py "$T_TMP/mine.ref.json" "$T_TMP/mine.json"
[ "$STATUS" -eq 0 ] || t_fail "assess with the corrected copy differs from the reference"
run python3 tests/reference/json_compare.py tests/golden/nrb-2012.json "$T_TMP/mine.json"
[ "$STATUS" -ne 0 ] || t_fail "assess gave the bundled method's results"

finish
