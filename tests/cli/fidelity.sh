#!/bin/sh
# fidelity.sh - the method as method.md section 3-4 states it, seen through
# the command line (issue 9, points 1-8): exact ties in every ranking the
# commands print, a quantity that scores its class in SMAA, LL <= EV <= UL
# on likelihood positions with a located error, the provisional numbers in
# the method file, and the documentation that names the Evamix variant.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

t "LL C above EV p = 0.006 on the axis: a located error, exit 1"
cat >"$T_TMP/order.yaml" <<'EOF_YAML'
natrisk: 1
title: Order on positions
method: nrb-2008
scenarios:
  - id: s
    title: S
    kind: hazard
    likelihood: {ll: C, ev: {probability: 0.006}}
    impact: {"2.1": C}
EOF_YAML
run "$NATRISK" check "$T_TMP/order.yaml"
expect_status 1
expect_stdout_empty
# "    likelihood: {ll: " is 21 characters: the LL at 8:22; C sits at 2.5,
# p = 0.006 at 2 + log10(1.2) = 2.08
expect_stderr_contains "$T_TMP/order.yaml:8:22: error: likelihood: LL (C at 2.50) is above EV (0.006 at 2.08); LL <= EV <= UL must hold"

t "the three-way tie of the issue ranks 1, 1, 1 in assess"
cat >"$T_TMP/three.yaml" <<'EOF_YAML'
natrisk: 1
title: Three
method: nrb-2008
scenarios:
  - {id: five-at-c, title: "5 at C", kind: threat, likelihood: C,
     impact: {"1.1": D, "1.2": C, "2.1": C, "2.2": B, "2.3": A, "3.1": A}}
  - {id: fifteen-at-b, title: "15 at B", kind: threat, likelihood: B,
     impact: {"1.1": E, "1.2": D, "2.1": D, "2.2": C, "2.3": B, "3.1": B}}
  - {id: forty-five-at-a, title: "45 at A", kind: threat, likelihood: A,
     impact: {"1.1": E, "1.2": E, "2.1": E, "2.2": E, "2.3": E, "3.1": D,
              "4.1": C, "5.1": C}}
EOF_YAML
run "$NATRISK" assess "$T_TMP/three.yaml" --format csv
expect_status 0
cp "$OUT" "$T_TMP/three.csv"
run python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(" ".join(r["rank"] for r in rows))' "$T_TMP/three.csv"
expect_stdout_contains "1 1 1"

t "SMAA ranks the twins' risks alike and 9,000 deaths below D+"
cat >"$T_TMP/smaa.yaml" <<'EOF_YAML'
natrisk: 1
title: SMAA
method: nrb-2008
scenarios:
  - {id: five-at-c, title: "5 at C", kind: threat, likelihood: C,
     impact: {"1.1": D, "1.2": C, "2.1": C, "2.2": B, "2.3": A, "3.1": A}}
  - {id: fifteen-at-b, title: "15 at B", kind: threat, likelihood: B,
     impact: {"1.1": E, "1.2": D, "2.1": D, "2.2": C, "2.3": B, "3.1": B}}
  - {id: nine-thousand, title: "9,000 deaths", kind: hazard, likelihood: C,
     impact: {"2.1": {value: 9000}}}
  - {id: d-plus, title: "D+", kind: hazard, likelihood: C,
     impact: {"2.1": D+}}
EOF_YAML
run "$NATRISK" smaa "$T_TMP/smaa.yaml" --iterations 4000 --seed 7 --format json
expect_status 0
cp "$OUT" "$T_TMP/smaa.json"
run python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
risk, ranks = d["risk_rank_acceptability"], d["rank_acceptability"]
pair = d["pairwise"]
ok = risk[0] == risk[1] and pair[2][3] == 0 and pair[3][2] == 1
print("ok" if ok else "no: %r %r %r" % (risk[:2], pair[2][3], pair[3][2]))' "$T_TMP/smaa.json"
expect_stdout_contains "ok"

t "a method without X's place is refused where it lacks it"
sed '/^  x_position:/d' methods/nrb-2008.yaml >"$T_TMP/no-x.yaml"
line=$(grep -n '^impact_classes:' "$T_TMP/no-x.yaml" | cut -d: -f1)
run "$NATRISK" method show "$T_TMP/no-x.yaml"
expect_status 1
expect_stderr_contains "$T_TMP/no-x.yaml:$((line + 1)):3: error: impact_classes lacks the required key 'x_position'"

t "the docs name the Evamix variant and cite it, and so does the code"
run grep -l "subtractive summation" docs/design.md src/core/evamix.c
expect_status 0
expect_stdout_contains "docs/design.md"
expect_stdout_contains "src/core/evamix.c"
run grep -c "Voogd, H. (1983), Multicriteria Evaluation for Urban and" docs/design.md
expect_status 0

t "the method format documents every provisional number of the scales"
for key in x_value x_position high_offset class_position high_position; do
	run grep -c "^  $key:" docs/method-format.md
	expect_status 0
done

finish
