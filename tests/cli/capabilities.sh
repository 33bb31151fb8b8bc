#!/bin/sh
# capabilities.sh - "natrisk capabilities PLAN": the figures of
# tests/data/plan/small-plan.yaml come out as worked by hand in its
# comments (medians, gaps, the flag, phases, chain gaps), in JSON, CSV and
# the table; -o, errors and usage as for the other commands.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

# --- natrisk capabilities on tests/data/plan/small-plan.yaml ---

plan=tests/data/plan/small-plan.yaml

t "capabilities --format json: the figures worked by hand"
run "$NATRISK" capabilities "$plan" --format json
expect_status 0
python3 - "$OUT" <<'EOF' || t_fail "JSON figures differ"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["plan"] == "Small plan", d["plan"]
caps = {c["id"]: c for c in d["capabilities"]}
assert [c["id"] for c in d["capabilities"]] == ["c1", "c2", "c3", "c4"]
def fig(i):
    c = caps[i]
    return (c["experts"], c["current"], c["target"], c["gap"], c["flagged"])
assert fig("c1") == (3, 2, 3, 1, True), fig("c1")
assert fig("c2") == (2, 1.5, 3, 1.5, False), fig("c2")
assert fig("c3") == (2, 3.5, 2.5, -1, False), fig("c3")
assert fig("c4") == (0, None, None, None, False), fig("c4")
assert caps["c1"]["phase"] == "prevention"
assert set(caps["c1"]) == {"id", "phase", "scenarios", "experts", "current",
                           "target", "gap", "flagged", "measures"}, caps["c1"]
assert set(d) == {"plan", "capabilities", "phases", "chain_gaps"}, set(d)
assert caps["c2"]["scenarios"] == ["s1", "s2"]
assert caps["c1"]["measures"] == ["m1"]
assert caps["c2"]["measures"] == ["m1", "m2"]
assert caps["c3"]["measures"] == []
ph = d["phases"]
assert list(ph) == ["pro-action", "prevention", "preparation", "response",
                    "aftercare"], list(ph)
assert ph["prevention"] == {"capabilities": 2, "gap": 2.5}, ph["prevention"]
assert ph["response"] == {"capabilities": 1, "gap": 0}, ph["response"]
assert ph["aftercare"] == {"capabilities": 1, "gap": 0}
assert ph["pro-action"] == {"capabilities": 0, "gap": 0}
assert d["chain_gaps"] == [
    {"scenario": "s1", "phases": ["pro-action", "preparation", "response"]},
    {"scenario": "s2", "phases": ["pro-action", "preparation", "aftercare"]},
], d["chain_gaps"]
EOF

t "capabilities --format csv: one row per capability"
run "$NATRISK" capabilities "$plan" --format csv
expect_status 0
cat >"$T_TMP/expected.csv" <<'EOF'
id,title,phase,scenarios,experts,current,target,gap,flagged,measures
c1,Capability one,prevention,s1,3,2,3,1,true,m1
c2,Capability two,prevention,s1 s2,2,1.5,3,1.5,false,m1 m2
c3,Capability three,response,s2,2,3.5,2.5,-1,false,
c4,Capability four,aftercare,s1,0,,,,false,
EOF
tr -d '\r' <"$OUT" >"$T_TMP/got.csv"
cmp -s "$T_TMP/got.csv" "$T_TMP/expected.csv" ||
	t_fail "CSV differs: $(diff "$T_TMP/expected.csv" "$T_TMP/got.csv" | head -n 5)"

t "capabilities: the table shows the figures, the flag and the chain gaps"
run "$NATRISK" capabilities "$plan"
expect_status 0
expect_stdout_matches '^! c1 +prevention +3 +2\.0 +3\.0 +\+1\.0$'
expect_stdout_matches '^  c2 +prevention +2 +1\.5 +3\.0 +\+1\.5$'
expect_stdout_matches '^  c3 +response +2 +3\.5 +2\.5 +-1\.0$'
expect_stdout_matches '^  c4 +aftercare +0 +- +- +-$'
expect_stdout_matches '^prevention +2 +2\.5$'
expect_stdout_matches '^  s1: pro-action preparation response$'
expect_stdout_width 80

t "capabilities -o FILE writes the file, nothing on stdout"
run "$NATRISK" capabilities "$plan" -f json -o "$T_TMP/caps.json"
expect_status 0
expect_stdout_empty
expect_file "$T_TMP/caps.json"

t "capabilities: a bad plan is a located error, exit 1, no output"
sed 's/phase: prevention/phase: recovery/' "$plan" >"$T_TMP/bad.yaml"
cp tests/data/plan/small.yaml "$T_TMP/small.yaml"
run "$NATRISK" capabilities "$T_TMP/bad.yaml" -f json
expect_status 1
expect_stdout_empty
expect_stderr_matches 'bad.yaml:14:12: error: phase must be'

t "capabilities: usage errors exit 2"
run "$NATRISK" capabilities "$plan" --format xml
expect_status 2
run "$NATRISK" capabilities
expect_status 2

t "capabilities --help"
run "$NATRISK" capabilities --help
expect_status 0
expect_stdout_contains "usage: natrisk capabilities PLAN"

finish
