#!/bin/sh
# residual.sh - "natrisk assess FILE --plan PLAN --measures SET" and
# "natrisk diagram ... --plan PLAN --measures SET" (formats.md): the
# residual risk values and ranks of tests/data/residual/base.yaml with
# the measures of tests/data/residual/plan.yaml in place, as worked by
# hand in the two files' comments; the sets adopted, all and a list;
# unknown ids, a plan whose assessment has errors and usage errors; and
# the diagram's arrows, only for the scenarios the set moves.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

base=tests/data/residual/base.yaml
plan=tests/data/residual/plan.yaml

# check_json FILE WANT: WANT is "id:rank:risk_value ..." in file order;
# the risk values to 1e-9 relative, each impact and likelihood in the
# assess contract.
check_json() {
	python3 - "$1" "$2" <<'EOF' || t_fail "JSON differs from the figures by hand"
import json, sys
d = json.load(open(sys.argv[1]))
want = [w.split(":") for w in sys.argv[2].split()]
got = d["scenarios"]
assert [s["id"] for s in got] == [w[0] for w in want], [s["id"] for s in got]
for s, (sid, rank, r) in zip(got, want):
    assert s["rank"] == int(rank), (sid, s["rank"], rank)
    assert abs(s["risk_value"] - float(r)) <= 1e-9 * float(r), (sid, s["risk_value"], r)
    for key in ("likelihood", "impact", "risk"):
        assert key in s, (sid, key)
EOF
}

t "--measures adopted: m1 and m2 in place, s2 drops below s3"
# s1 379.47331922020555 (2.666), s2 28.460498941515414 (1.404), s3 1200
# (2.506): ranks 1, 3, 2
run "$NATRISK" assess "$base" --plan "$plan" --measures adopted --format json
expect_status 0
expect_stderr_empty
check_json "$OUT" "s1:1:379.47331922020555 s2:3:28.460498941515414 s3:2:1200"

t "--measures all: of two effects on s1 2.1 the better counts, not both"
# m1 (B) and m3 (C) on s1 2.1: B; m4 moves s3 to p = 0.02: r 120 (1.506),
# its effect on 1.1, which s3 scores X, changes nothing (T stays 0.3)
run "$NATRISK" assess "$base" --plan "$plan" --measures all -f json
expect_status 0
check_json "$OUT" "s1:1:379.47331922020555 s2:3:28.460498941515414 s3:2:120"
python3 - "$OUT" <<'EOF' || t_fail "s3's impact or likelihood is off"
import json, sys
s3 = json.load(open(sys.argv[1]))["scenarios"][2]
assert abs(s3["impact"]["ev"]["total"] - 0.3) < 1e-12, s3["impact"]["ev"]
assert s3["likelihood"]["ev"]["probability"] == 0.02, s3["likelihood"]["ev"]
assert abs(s3["likelihood"]["ev"]["position"] - 2.6020599913279625) < 1e-12
EOF

t "--measures m3: a list of one; s1 falls below s2"
# s1 2.1 C: T 1.8, r 569.2099788303084, risk 3.035 < s2's 3.404
run "$NATRISK" assess "$base" --plan "$plan" --measures m3 -f json
expect_status 0
check_json "$OUT" "s1:2:569.2099788303084 s2:1:2846.0498941515416 s3:3:1200"

t "the total risk reduction of the adopted set, from the risk values"
# before 1138.4199576606168 + 2846.0498941515416 + 1200 = 5184.469851812158
# after  379.47331922020555 + 28.460498941515414 + 1200 = 1607.933818161721
run "$NATRISK" assess "$base" --plan "$plan" --measures m1,m2 -f json
expect_status 0
python3 - "$OUT" <<'EOF' || t_fail "the reduction is off"
import json, sys
after = sum(s["risk_value"] for s in json.load(open(sys.argv[1]))["scenarios"])
assert abs((5184.469851812158 - after) - 3576.536033650437) < 1e-9, after
EOF

t "without --plan the JSON has no risk_value"
run "$NATRISK" assess "$base" -f json
expect_status 0
expect_stdout_lacks "risk_value"

t "--plan in the table: the residual ranks"
run "$NATRISK" assess "$base" --plan "$plan" --measures adopted
expect_status 0
expect_stdout_matches '^ +1 +s1 '
expect_stdout_matches '^ +2 +s3 '
expect_stdout_matches '^ +3 +s2 '

t "an unknown measure id is an error: exit 1, nothing written"
run "$NATRISK" assess "$base" --plan "$plan" --measures m1,zz -f json
expect_status 1
expect_stdout_empty
expect_stderr_contains "no measure 'zz'"
run "$NATRISK" assess "$base" --plan "$plan" --measures m1,,m2
expect_status 1
expect_stdout_empty

t "a plan whose assessment has errors: the assessment's located errors"
mkdir "$T_TMP/bad"
sed 's/likelihood: D/likelihood: Q/' "$base" >"$T_TMP/bad/base.yaml"
cp "$plan" "$T_TMP/bad/plan.yaml"
cp "$base" "$T_TMP/bad/good.yaml"
run "$NATRISK" assess "$T_TMP/bad/good.yaml" --plan "$T_TMP/bad/plan.yaml" \
	--measures all -f json
expect_status 1
expect_stdout_empty
# line 19 of base.yaml is s2's "likelihood: D", its value at column 17
expect_stderr_matches 'bad/base\.yaml:19:17: error: '

t "an assessment file that lacks a scenario the set touches: exit 1"
grep -v '^  - id: s3' "$base" | sed '/Scenario three/,$d' >"$T_TMP/two.yaml"
run "$NATRISK" check "$T_TMP/two.yaml"
expect_status 0
run "$NATRISK" assess "$T_TMP/two.yaml" --plan "$plan" --measures m4
expect_status 1
expect_stdout_empty
expect_stderr_contains "scenario 's3'"
run "$NATRISK" assess "$T_TMP/two.yaml" --plan "$plan" --measures m1 -f json
expect_status 0

t "usage: --plan and --measures need each other; not with --compare"
run "$NATRISK" assess "$base" --measures all
expect_status 2
run "$NATRISK" assess "$base" --plan "$plan"
expect_status 2
run "$NATRISK" diagram "$base" --plan "$plan" --measures all \
	--compare "$base" -o "$T_TMP/d.svg"
expect_status 2
run "$NATRISK" diagram "$base" --plan "$plan" --measures all \
	--uncertainty -o "$T_TMP/d.svg"
expect_status 2

t "diagram --plan: arrows only from the places of the scenarios moved"
# m3 moves s1 only
run "$NATRISK" diagram "$base" --plan "$plan" --measures m3 -o "$T_TMP/m3.svg"
expect_status 0
n=$(grep -o 'class="previous" data-scenario="[a-z0-9-]*"' "$T_TMP/m3.svg" |
	sort | tr '\n' ' ')
[ "$n" = 'class="previous" data-scenario="s1" ' ] ||
	t_fail "previous marks: $n"
grep -q 'from before the measures' "$T_TMP/m3.svg" ||
	t_fail "the legend lacks 'from before the measures'"
# adopted moves s1 and s2, not s3
run "$NATRISK" diagram "$base" --plan "$plan" --measures adopted \
	-o "$T_TMP/adopted.svg"
expect_status 0
n=$(grep -o 'class="previous" data-scenario="[a-z0-9-]*"' "$T_TMP/adopted.svg" |
	sort | tr '\n' ' ')
[ "$n" = 'class="previous" data-scenario="s1" class="previous" data-scenario="s2" ' ] ||
	t_fail "previous marks: $n"
grep -q 'class="arrow" data-scenario="s3"' "$T_TMP/adopted.svg" &&
	t_fail "an arrow for s3, which no measure moves"

t "the example: the adopted advice of 2012 lowers the total risk"
run "$NATRISK" assess examples/nrb-2012.yaml --plan examples/plan-2012.yaml \
	--measures adopted -f json
expect_status 0
cp "$OUT" "$T_TMP/after.json"
run "$NATRISK" assess examples/nrb-2012.yaml -f json
python3 - "$OUT" "$T_TMP/after.json" <<'EOF' || t_fail "no reduction"
import json, sys
from math import inf
before = json.load(open(sys.argv[1]))["scenarios"]
after = json.load(open(sys.argv[2]))["scenarios"]
# r = 10^L * T recomputed from the current positions and totals
r0 = sum(10 ** s["likelihood"]["ev"]["position"] * s["impact"]["ev"]["total"]
         for s in before)
r1 = sum(s["risk_value"] for s in after)
assert r1 < r0, (r0, r1)
EOF

finish
