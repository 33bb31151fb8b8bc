#!/bin/sh
# portfolio.sh - "natrisk portfolio PLAN --budget B" (formats.md): the
# optimum of tests/data/portfolio/plan.yaml, whose overlapping effects
# are worked by hand in its comments, checked against an independent
# enumeration of every set (tests/cli/portfolio_enum.py) at many budgets,
# years, must and never sets; the tie rules; the frontier and its chart;
# the explanation; the robustness draws (the same whatever the thread
# count, and as the MILP alone drew them); bad input (infeasible --must, bad numbers, unknown ids, a cycle
# of requires, --must with --never); and a smoke test on the 2012 example.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

plan=tests/data/portfolio/plan.yaml
enum=tests/cli/portfolio_enum.py

# optimum BUDGET YEARS MUST NEVER [MODE]: natrisk's JSON against the
# enumeration ("-" for no budget, must or never).
optimum() {
	set -- "$@" ""
	args="--years $2"
	[ "$1" = - ] || args="$args --budget $1"
	[ "$3" = - ] || args="$args --must $3"
	[ "$4" = - ] || args="$args --never $4"
	[ "$5" = frontier ] && args="$args --sweep 9"
	# shellcheck disable=SC2086
	run "$NATRISK" portfolio "$plan" $args --format json
	expect_status 0
	python3 "$enum" "$OUT" "$1" "$2" "$3" "$4" "$5" >"$T_TMP/enum" 2>&1 ||
		t_fail "$(cat "$T_TMP/enum")"
}

t "budget 5: {d, f}, 3617.588 (by hand in plan.yaml), as the enumeration"
run "$NATRISK" portfolio "$plan" --budget 5 --format json
expect_status 0
expect_stderr_empty
python3 - "$OUT" <<'EOF' || t_fail "not the hand-worked optimum"
import json, math, sys
d = json.load(open(sys.argv[1]))
assert d["selected"] == ["d", "f"], d["selected"]
want = 10 ** 3.5 * 0.9 - 10 ** 1.5 * 0.9 + 800
assert abs(d["reduction"] - want) <= 1e-9 * want, (d["reduction"], want)
assert d["cost"] == 5 and d["budget"] == 5 and d["years"] == 1, d
assert set(d) == {"budget", "years", "selected", "cost", "risk_before",
                  "risk_after", "reduction", "measures", "explain"}, set(d)
EOF
optimum 5 1 - -

t "every budget from 0 to 20, years 0, 1 and 3: the enumeration's optimum"
for years in 0 1 3; do
	for budget in 0 1 2 3 4 5 6 7 8 9 10 12 14 17 20; do
		optimum "$budget" "$years" - -
	done
done

t "overlapping effects do not add up: a and b on one score give a's"
# budget 4 without d, e, f: a + b (4) is worth a alone, 758.947; b + c
# (3) 822.190 and a + c (5) is over; so b + c, plus nothing for 1 more
optimum 4 1 - d,e,f
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["selected"] == ["b", "c"]' "$OUT" ||
	t_fail "expected b and c"

t "ties: the cheaper wins (b, not h), then the first ids (b, not b2)"
optimum 3 1 - f,d
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["selected"] == ["b", "e"]' "$OUT" ||
	t_fail "expected b and e"
optimum 4 1 - f,d,b
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["selected"] == ["b2", "e"]' "$OUT" ||
	t_fail "expected b2 and e"

t "--must and --never, with requires and excludes"
optimum 6 1 g -
optimum 6 1 e,c -
optimum 8 1 - d
optimum 10 2 f g,a
optimum 3 1 i -

t "--sweep 9: the frontier from 0 to the cost of all, each the optimum"
optimum 10 1 - - frontier
optimum - 1 - - frontier
optimum - 2 c b frontier

t "explain: what each selected measure changes, and the best without it"
for budget in 3 5 8 11; do
	optimum "$budget" 1 - - explain
done
optimum 6 1 d - explain

t "the table names the selection and the explanation"
run "$NATRISK" portfolio "$plan" --budget 5
expect_status 0
expect_stdout_contains "Selected: d, f"
expect_stdout_contains "next best use of its money: b, c, e"

t "csv: one row per measure; with --sweep one per budget"
run "$NATRISK" portfolio "$plan" --budget 5 --format csv
expect_status 0
expect_stdout_contains "id,cost,selected,reduction_alone"
expect_stdout_contains "d,4,true,2817.58"
run "$NATRISK" portfolio "$plan" --sweep 3 --format csv
expect_status 0
expect_stdout_lines 4

t "the frontier chart: SVG with a point per budget and what enters, PNG"
run "$NATRISK" portfolio "$plan" --sweep 5 -o "$T_TMP/f.svg"
expect_status 0
python3 - "$T_TMP/f.svg" <<'EOF' || t_fail "the chart lacks its points or labels"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
points = [c for c in root.iter("{http://www.w3.org/2000/svg}circle")]
assert len(points) >= 5 or "point" in open(sys.argv[1]).read(), len(points)
for label in ("+d", "Cost (million euro)", "Risk reduction"):
    assert label in text, (label, text)
EOF
run "$NATRISK" portfolio "$plan" --sweep 5 --lang nl -o "$T_TMP/nl.svg"
expect_status 0
for label in "Kosten (miljoen euro)" Risicoverlaging "Grens van de portefeuille"; do
	grep -q "$label" "$T_TMP/nl.svg" || t_fail "--lang nl: no '$label'"
done
grep -q "Risk reduction" "$T_TMP/nl.svg" && t_fail "--lang nl: English left"
run "$NATRISK" portfolio "$plan" --sweep 5 --lang de -o "$T_TMP/de.svg"
expect_status 2
expect_stderr_contains "unknown language 'de'"
run "$NATRISK" portfolio "$plan" --sweep 5 -o "$T_TMP/f.png"
expect_status 0
head -c 8 "$T_TMP/f.png" | od -An -c | grep -q 'P   N   G' || t_fail "not a PNG"

t "--robust: shares of the draws, the same whatever the thread count"
run "$NATRISK" portfolio "$plan" --budget 5 --robust 40 --seed 7 --threads 1 -f json
expect_status 0
cp "$OUT" "$T_TMP/one.json"
run "$NATRISK" portfolio "$plan" --budget 5 --robust 40 --seed 7 --threads 2 -f json
expect_status 0
cmp -s "$OUT" "$T_TMP/one.json" || t_fail "1 and 2 threads differ"
python3 - "$OUT" <<'EOF' || t_fail "acceptabilities are off"
import json, sys
d = json.load(open(sys.argv[1]))
for m in d["measures"]:
    a = m["acceptability"]
    assert 0 <= a <= 1 and abs(a * 40 - round(a * 40)) < 1e-9, m
# i changes nothing and costs 1: never in an optimum (the smaller wins)
assert d["measures"][-1]["id"] == "i" and d["measures"][-1]["acceptability"] == 0
# every draw spends its budget on something
assert sum(m["acceptability"] for m in d["measures"]) >= 1
EOF
run "$NATRISK" portfolio "$plan" --budget 5 --robust 40 --seed 8 -f json
cmp -s "$OUT" "$T_TMP/one.json" && t_fail "another seed gave the same draws"

t "--robust: the draws' optima as the MILP alone found them (f9a6967)"
# Recorded by the build of f9a6967, which solved every draw through CBC
# alone (plan-2012's file again when the triangles came to be drawn from
# one word each, by a build with the branch and bound switched off); the
# branch and bound (portfolio_bnb.c) must choose the same sets, tie rules
# included, with one thread or two.
for threads in 1 2; do
	run "$NATRISK" portfolio "$plan" --budget 9 --robust 300 --seed 7 --threads "$threads" -f json
	expect_status 0
	cmp -s "$OUT" tests/data/portfolio/robust-9-seed7.json ||
		t_fail "$threads threads: not the MILP's draws on plan.yaml"
	run "$NATRISK" portfolio examples/plan-2012.yaml --budget 8000000 --robust 300 --seed 2012 --threads "$threads" -f csv
	expect_status 0
	cmp -s "$OUT" tests/data/portfolio/plan-2012-robust-8M-seed2012.csv ||
		t_fail "$threads threads: not the MILP's draws on plan-2012.yaml"
done

t "--robust, worked by hand: a beats b in every draw (exact scores)"
# only a (3) and b (1) allowed at budget 3, both on s1 2.1 (D 27): a to B
# gains 10^2.5 w(2.1) (27 - 3), b to C 10^2.5 w(2.1) (27 - 9): a is
# better whatever the weights, so a 1, b 0; the deterministic optimum too
run "$NATRISK" portfolio "$plan" --budget 3 --never b2,h,c,d,g,e,f,i --robust 30 --seed 5 -f csv
expect_status 0
tr -d '\r' <"$OUT" | grep -q '^a,3,true,.*,1$' || t_fail "a not in every draw"
tr -d '\r' <"$OUT" | grep -q '^b,1,false,.*,0$' || t_fail "b in some draw"

t "--robust --must: every draw's optimum holds the must set"
run "$NATRISK" portfolio "$plan" --budget 6 --must g --robust 20 --seed 1 -f csv
expect_status 0
expect_stdout_contains "g,1,true,1897.3"
tr -d '\r' <"$OUT" | grep -q '^d,4,true,.*,1$' || t_fail "d (required by g) not in every draw"

t "infeasible --must: too dear, excluded pair, needing a never: exit 1"
run "$NATRISK" portfolio "$plan" --budget 3 --must d
expect_status 1
expect_stderr_contains "cost more than the budget"
run "$NATRISK" portfolio "$plan" --budget 9 --must e,f
expect_status 1
expect_stderr_contains "exclude each other"
run "$NATRISK" portfolio "$plan" --budget 9 --must g --never d
expect_status 1
expect_stderr_contains "may never be chosen"
expect_stdout_empty

t "--must and --never naming one measure: exit 1"
run "$NATRISK" portfolio "$plan" --budget 9 --must b,c --never c
expect_status 1
expect_stderr_contains "measure 'c' is in both --must and --never"

t "unknown ids: exit 1, naming the id and the option"
run "$NATRISK" portfolio "$plan" --budget 9 --must b,zz
expect_status 1
expect_stderr_contains "no measure 'zz' (--must)"
run "$NATRISK" portfolio "$plan" --budget 9 --never ""
expect_status 1
expect_stderr_contains "no measure '' (--never)"

t "a cycle of requires: the plan is rejected at the cycle, exit 1"
run "$NATRISK" portfolio tests/data/portfolio/cycle.yaml --budget 9
expect_status 1
expect_stderr_matches 'cycle\.yaml:[0-9]+:[0-9]+: error: .*a -> b -> a'
expect_stdout_empty

t "negative, non-numeric and malformed numbers: usage errors, exit 2"
for bad in -1 abc 1e400 "" " 5" 5x nan inf -0.5; do
	run "$NATRISK" portfolio "$plan" --budget "$bad"
	expect_status 2
	expect_stderr_contains "--budget takes an amount in euro >= 0"
done
for bad in -1 1.5 x ""; do
	run "$NATRISK" portfolio "$plan" --budget 5 --years "$bad"
	expect_status 2
	expect_stderr_contains "--years takes a whole number"
done
run "$NATRISK" portfolio "$plan" --sweep 0
expect_status 2
run "$NATRISK" portfolio "$plan" --budget 5 --robust -3
expect_status 2
run "$NATRISK" portfolio "$plan" --budget 5 --robust 5 --seed x
expect_status 2

t "usage: no budget, --robust without one, a chart without --sweep"
run "$NATRISK" portfolio "$plan"
expect_status 2
expect_stderr_contains "--budget is needed"
run "$NATRISK" portfolio "$plan" --sweep 3 --robust 5
expect_status 2
run "$NATRISK" portfolio "$plan" --budget 5 -o "$T_TMP/x.svg"
expect_status 2
run "$NATRISK" portfolio --budget 5
expect_status 2
run "$NATRISK" portfolio "$plan" --budget 5 --format xml
expect_status 2

t "--help and the command list"
run "$NATRISK" portfolio --help
expect_status 0
expect_stdout_contains "usage: natrisk portfolio PLAN --budget B"
run "$NATRISK" --help
expect_stdout_contains "portfolio"

t "smoke: the 2012 plan at 10 M euro over 4 years, with the frontier"
run "$NATRISK" portfolio examples/plan-2012.yaml --budget 10e6 --years 4 --sweep 5 -f json
expect_status 0
python3 - "$OUT" <<'EOF' || t_fail "the 2012 answer is inconsistent"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["cost"] <= 10e6 and d["years"] == 4, d["cost"]
assert abs(d["risk_before"] - d["risk_after"] - d["reduction"]) <= 1e-9 * d["risk_before"]
chosen = {m["id"]: m for m in d["measures"]}
assert abs(sum(chosen[i]["cost"] for i in d["selected"]) - d["cost"]) < 1e-6
assert [e["id"] for e in d["explain"]] == d["selected"]
f = d["frontier"]
assert len(f) == 5 and f[0]["budget"] == 0 and f[0]["selected"] == []
assert all(a["reduction"] <= b["reduction"] + 1e-9 for a, b in zip(f, f[1:]))
EOF

finish
