#!/bin/sh
# svg.sh - the risk diagram as SVG, checked with tests/tools/svg_check
# (libxml2 + cairo measurements): a point and a label per scenario, no
# label overlapping a label or a point, axis labels present. Also PNG and
# PDF signatures, and that the checker itself catches overlaps.
set -u
cd "$NATRISK_ROOT" || exit 1
check="$NATRISK_BUILD/tests/svg_check"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "svg.sh: FAIL: $*"; failed=$((failed + 1)); }

ids_of() { # the scenario ids of an assessment, from its JSON
	"$NATRISK" assess "$1" --format json |
		python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["scenarios"]))'
}

for file in examples/nrb-2012.yaml examples/nrb-2011.yaml; do
	for lang in en nl; do
		out="$tmp/diagram-$lang.svg"
		"$NATRISK" diagram "$file" --lang "$lang" -o "$out" || fail "diagram $file"
		# shellcheck disable=SC2046
		"$check" "$out" $(ids_of "$file") >/dev/null || {
			"$check" "$out" $(ids_of "$file"); fail "svg_check $file $lang"; }
	done
done

out="$tmp/compare.svg"
"$NATRISK" diagram examples/nrb-2012.yaml --compare examples/nrb-2011.yaml -o "$out" ||
	fail "diagram --compare"
# shellcheck disable=SC2046
"$check" "$out" $(ids_of examples/nrb-2012.yaml) >/dev/null || fail "svg_check --compare"
# flu-severe and flu-mild were in 2011: one arrow each; the new ones none
for id in flu-severe flu-mild; do
	grep -q "class=\"arrow\" data-scenario=\"$id\"" "$out" || fail "no arrow for $id"
done
grep -q 'class="arrow" data-scenario="cyber-espionage"' "$out" && fail "arrow for a new scenario"
# new scenarios carry a ring, the others not
grep -q 'class="new" data-scenario="solar-storm"' "$out" || fail "no ring on new solar-storm"
grep -q 'class="new" data-scenario="flu-severe"' "$out" && fail "ring on flu-severe, not new"
grep -q '>Likelihood' "$out" || fail "no likelihood axis title"
"$NATRISK" diagram examples/nrb-2012.yaml --lang nl -o "$tmp/nl.svg"
grep -q '>zeer waarschijnlijk<' "$tmp/nl.svg" || fail "Dutch class names missing"

# A crowded diagram: 60 scenarios in few cells. Labels may not all fit,
# but those drawn must never overlap.
python3 - "$tmp/crowded.yaml" <<'PY'
import random, sys
random.seed(7)
classes = "ABCDE"
lines = ["natrisk: 1", "title: Crowded", "method: nrb-2008", "scenarios:"]
for i in range(60):
    ev = random.choice("CD")
    lines += [f"  - id: s{i:02d}", f"    title: Scenario number {i} with a long title",
              "    kind: hazard", f"    likelihood: {random.choice('BCD')}",
              "    impact:", f"      \"2.1\": {ev}", f"      \"3.1\": {random.choice(classes)}",
              f"      \"5.1\": {random.choice(classes)}"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
"$NATRISK" diagram "$tmp/crowded.yaml" -o "$tmp/crowded.svg" || fail "crowded diagram"
# shellcheck disable=SC2046
"$check" "$tmp/crowded.svg" --allow-unlabelled $(ids_of "$tmp/crowded.yaml") >/dev/null ||
	fail "crowded diagram has overlaps"

# The checker must catch what it claims to catch.
if "$check" tests/fixtures/overlapping-labels.svg a b >"$tmp/self" 2>&1; then
	fail "svg_check accepted overlapping labels"
fi
grep -q "overlap" "$tmp/self" || fail "svg_check did not name the overlap"
grep -q "covers a point" "$tmp/self" || fail "svg_check did not see a label on a point"

# PNG and PDF from the same scene
"$NATRISK" diagram examples/nrb-2012.yaml -o "$tmp/d.png" || fail "png"
head -c 8 "$tmp/d.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || fail "not a PNG"
"$NATRISK" diagram examples/nrb-2012.yaml -o "$tmp/d.pdf" || fail "pdf"
head -c 5 "$tmp/d.pdf" | grep -q "%PDF-" || fail "not a PDF"
# unknown extension is a usage error, and nothing is written
"$NATRISK" diagram examples/nrb-2012.yaml -o "$tmp/d.gif" 2>/dev/null
[ $? -eq 2 ] || fail "unknown extension not a usage error"
[ -e "$tmp/d.gif" ] && fail "wrote a file on a usage error"
# invalid input: exit 1, nothing written
printf 'natrisk: 1\n' >"$tmp/bad.yaml"
"$NATRISK" diagram "$tmp/bad.yaml" -o "$tmp/bad.svg" 2>/dev/null
[ $? -eq 1 ] || fail "invalid input not exit 1"
[ -e "$tmp/bad.svg" ] && fail "wrote a diagram for invalid input"

[ "$failed" -eq 0 ] && echo "svg.sh: all passed"
[ "$failed" -eq 0 ]
