#!/bin/sh
# robustness.sh - "natrisk robustness": the rankings under every weight
# profile, the weighted sum, the medal method and Evamix; Kendall's tau
# between every two; the method-dependent scenarios. JSON keys and values
# are checked with python3, the table for its 80 columns, CSV for its
# shape; usage errors exit 2 and invalid input 1 with nothing written; and
# "natrisk report" holds the robustness section.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

# expect_py SCRIPT [ARGS]: python3 SCRIPT $OUT ARGS exits 0.
expect_py() {
	script=$1
	shift
	python3 -c "$script" "$OUT" "$@" >"$T_TMP/py.out" 2>&1 ||
		t_fail "check: $(head -n 8 "$T_TMP/py.out")"
}

t "json: exit 0, the keys, every profile and the three methods"
run "$NATRISK" robustness examples/nrb-2012.yaml --format json
expect_status 0
expect_stderr_empty
expect_py '
import json, sys
d = json.load(open(sys.argv[1]))
for key in ("methods", "rankings", "kendall_tau", "method_dependent"):
    assert key in d, "no key " + key
want = ["equal", "physical", "economic", "social-political", "territorial",
        "ecological", "weighted-sum", "medal", "evamix"]
assert d["methods"] == want, d["methods"]
assert list(d["rankings"]) == want, list(d["rankings"])
ids = ["cyber-espionage", "solar-storm", "jihadist-reaction",
       "crisis-outside-eu", "salafism-unrest", "flu-severe", "flu-mild"]
n = len(ids)
for m, ranks in d["rankings"].items():
    assert sorted(ranks) == sorted(ids), (m, ranks)
    for r in ranks.values():
        assert isinstance(r, int) and 1 <= r <= n, (m, r)
    # competition rule: rank = 1 + the number ranked strictly better
    for s, r in ranks.items():
        assert r == 1 + sum(1 for x in ranks.values() if x < r), (m, s)
assert d["rankings"]["weighted-sum"] == d["rankings"]["equal"]
'

t "json: the weighted sum is the order of the assess totals"
run "$NATRISK" assess examples/nrb-2012.yaml --format json
cp "$OUT" "$T_TMP/assess.json"
run "$NATRISK" robustness examples/nrb-2012.yaml --format json
expect_status 0
expect_py '
import json, sys
d = json.load(open(sys.argv[1]))
totals = {s["id"]: s["impact"]["ev"]["total"]
          for s in json.load(open(sys.argv[2]))["scenarios"]}
ws = d["rankings"]["weighted-sum"]
for s, t in totals.items():
    assert ws[s] == 1 + sum(1 for u in totals.values() if u > t), s
' "$T_TMP/assess.json"

t "json: tau matrix square, symmetric, 1 on the diagonal, in [-1, 1]"
expect_py '
import json, sys
d = json.load(open(sys.argv[1]))
tau, k = d["kendall_tau"], len(d["methods"])
assert len(tau) == k and all(len(row) == k for row in tau)
for i in range(k):
    assert abs(tau[i][i] - 1) < 1e-12, (i, tau[i][i])
    for j in range(k):
        assert tau[i][j] == tau[j][i], (i, j)
        assert -1 - 1e-12 <= tau[i][j] <= 1 + 1e-12, (i, j, tau[i][j])
e, w = d["methods"].index("equal"), d["methods"].index("weighted-sum")
assert abs(tau[e][w] - 1) < 1e-12
'

t "json: method-dependent scenarios span two places or more"
expect_py '
import json, sys
d = json.load(open(sys.argv[1]))
ids = set(d["rankings"]["equal"])
listed = set()
for entry in d["method_dependent"]:
    s = entry["id"]
    ranks = [d["rankings"][m][s] for m in d["methods"]]
    assert entry["ranks"] == {m: d["rankings"][m][s] for m in d["methods"]}
    assert entry["best"] == min(ranks) and entry["worst"] == max(ranks)
    assert max(ranks) - min(ranks) >= 2, s
    listed.add(s)
for s in ids - listed:
    ranks = [d["rankings"][m][s] for m in d["methods"]]
    assert max(ranks) - min(ranks) < 2, s
assert listed, "no method-dependent scenario in the example"
'

t "table: 80 columns, every ranking in the legend, tau and the list"
run "$NATRISK" robustness examples/nrb-2012.yaml
expect_status 0
expect_stdout_width 80
for m in equal physical economic social-political territorial ecological \
	weighted-sum medal evamix; do
	expect_stdout_matches "^ +[0-9]+  $m "
done
expect_stdout_contains "Kendall's tau-b"
expect_stdout_contains "Position depends on the method:"
expect_stdout_matches '^\* flu-severe'

t "table in Dutch"
run "$NATRISK" robustness examples/nrb-2012.yaml --lang nl
expect_status 0
expect_stdout_width 80
expect_stdout_contains "Positie hangt af van de methode"
expect_stdout_contains "Medaillemethode"

t "csv: a header and a row per scenario"
run "$NATRISK" robustness examples/nrb-2012.yaml -f csv
expect_status 0
expect_py '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
head = rows[0]
assert head[:2] == ["id", "title"], head
assert head[-3:] == ["best", "worst", "method_dependent"], head
assert "medal" in head and "evamix" in head and "weighted-sum" in head
assert len(rows) == 8, len(rows)
for r in rows[1:]:
    assert len(r) == len(head), r
    assert r[-1] in ("true", "false")
'

t "-o writes the file, nothing to stdout"
run "$NATRISK" robustness examples/nrb-2012.yaml -f json -o "$T_TMP/r.json"
expect_status 0
expect_stdout_empty
expect_file "$T_TMP/r.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T_TMP/r.json" ||
	t_fail "-o output is not JSON"

t "the same input gives the same bytes"
run "$NATRISK" robustness examples/nrb-2012.yaml -f json -o "$T_TMP/r2.json"
cmp -s "$T_TMP/r.json" "$T_TMP/r2.json" || t_fail "two runs differ"

t "every example, and a gra-2019 assessment with seven profiles"
cat >"$T_TMP/gra.yaml" <<'EOF'
natrisk: 1
title: A gra-2019 assessment with a rather long scenario identifier
method: gra-2019
scenarios:
  - id: a-scenario-with-a-very-long-identifier-indeed
    title: Long
    kind: hazard
    likelihood: C
    impact: { "2.1": D, "6.1": C, "1.3": B }
  - id: b
    title: B
    kind: threat
    likelihood: D
    impact: { "3.2": E, "6.4": A }
  - id: c
    title: C
    kind: hazard
    likelihood: B
    impact: { "2.1": { value: 400 }, "5.3": C+ }
EOF
for f in examples/nrb-2011.yaml examples/nrb-2012.yaml "$T_TMP/gra.yaml"; do
	run "$NATRISK" robustness "$f" -f json
	expect_status 0
	expect_py '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["methods"][-3:] == ["weighted-sum", "medal", "evamix"]
assert len(d["kendall_tau"]) == len(d["methods"])
assert set(d["rankings"]) == set(d["methods"])
'
	run "$NATRISK" robustness "$f"
	expect_status 0
	expect_stdout_width 80
done
expect_stdout_contains "international-order"
expect_stdout_contains "a-scenario-with-a-ver~"

t "--help: usage on stdout, exit 0"
run "$NATRISK" robustness --help
expect_status 0
expect_stdout_contains "usage: natrisk robustness FILE"
expect_stdout_contains "Exit status"
expect_stderr_empty
run "$NATRISK" help robustness
expect_status 0
expect_stdout_contains "usage: natrisk robustness FILE"

t "the command is listed"
run "$NATRISK" --help
expect_stdout_matches '^  robustness '

t "usage errors exit 2 and write nothing"
run "$NATRISK" robustness
expect_status 2
expect_stdout_empty
expect_stderr_contains "expected one assessment file"
run "$NATRISK" robustness examples/nrb-2012.yaml --format xml
expect_status 2
expect_stdout_empty
expect_stderr_contains "unknown format 'xml'"
run "$NATRISK" robustness examples/nrb-2012.yaml --lang fr
expect_status 2
run "$NATRISK" robustness examples/nrb-2012.yaml --weights physical
expect_status 2
expect_stderr_contains "unknown option"
run "$NATRISK" robustness examples/nrb-2012.yaml examples/nrb-2011.yaml
expect_status 2
run "$NATRISK" robustness examples/nrb-2012.yaml -o "$T_TMP/u.json" -f nope
expect_status 2
[ ! -e "$T_TMP/u.json" ] || t_fail "file written on a usage error"

t "invalid input exits 1 and writes nothing"
run "$NATRISK" robustness tests/bad-input/54-ll-above-ev.yaml \
	-o "$T_TMP/bad.json"
expect_status 1
expect_stdout_empty
expect_stderr_matches '54-ll-above-ev\.yaml:[0-9]+:[0-9]+: error:'
[ ! -e "$T_TMP/bad.json" ] || t_fail "file written for invalid input"
run "$NATRISK" robustness "$T_TMP/missing.yaml"
expect_status 1
expect_stdout_empty

t "report: the robustness section"
run "$NATRISK" report examples/nrb-2012.yaml -o "$T_TMP/report"
expect_status 0
run "$NATRISK" robustness examples/nrb-2012.yaml -f json
cp "$OUT" "$T_TMP/rob.json"
OUT="$T_TMP/report/report.html"
expect_py '
import json, sys
from html.parser import HTMLParser

class Doc(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements = [], []
    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": [],
              "parents": list(self.stack)}
        self.elements.append(el)
        if tag not in ("br", "meta", "col", "hr", "img", "input", "link"):
            self.stack.append(el)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["tag"] == tag, tag
        self.stack.pop()
    def handle_data(self, data):
        for el in self.stack:
            el["text"].append(data)

doc = Doc()
doc.feed(open(sys.argv[1], encoding="utf-8").read())
doc.close()
rob = json.load(open(sys.argv[2]))
els = doc.elements
sec = [e for e in els if e["tag"] == "section"
       and e["attrs"].get("id") == "robustness"]
assert len(sec) == 1, "no robustness section"
sec = sec[0]
inside = lambda e: any(p is sec for p in e["parents"])
text = " ".join("".join(sec["text"]).split())
h2 = [e for e in els if e["tag"] == "h2" and inside(e)]
assert h2 and "Robustness" in "".join(h2[0]["text"]), h2
# the section comes after the profiles section
order = [e["attrs"].get("id") for e in els if e["tag"] == "section"]
assert order.index("robustness") > order.index("profiles"), order
# rankings table: a column per method, in the order of the command
tables = [e for e in els if e["tag"] == "table" and inside(e)]
assert len(tables) >= 3, len(tables)
heads = [e["attrs"]["data-method"] for e in els if e["tag"] == "th"
         and "data-method" in e["attrs"] and any(p is tables[0]
                                                for p in e["parents"])]
assert heads == rob["methods"], heads
for t in tables:
    assert any(e["tag"] == "caption" and any(p is t for p in e["parents"])
               for e in els), "table without caption"
# ranks in the table are those of the command
for tr in [e for e in els if e["tag"] == "tr" and "data-scenario"
           in e["attrs"] and any(p is tables[0] for p in e["parents"])]:
    s = tr["attrs"]["data-scenario"]
    cells = ["".join(e["text"]).strip() for e in els if e["tag"] == "td"
             and any(p is tr for p in e["parents"])]
    assert cells == [str(rob["rankings"][m][s]) for m in rob["methods"]], s
# the method-dependent list
dep = [e["attrs"]["data-scenario"] for e in els if e["tag"] == "li"
       and "data-scenario" in e["attrs"] and inside(e)]
assert dep == [d["id"] for d in rob["method_dependent"]], dep
# stochastic part: iterations and seed named, the chart inline
assert "10,000 iterations" in text and "--seed 1" in text, text[-600:]
assert "Kendall" in text
svgs = [e for e in els if e["tag"] == "svg" and inside(e)]
assert len(svgs) == 1, len(svgs)
ids = [e["attrs"]["id"] for e in els if "id" in e["attrs"]]
dup = {i for i in ids if ids.count(i) > 1}
assert not dup, dup
for e in els:
    for k, v in e["attrs"].items():
        assert k != "src", "external reference"
        assert k != "href" or (v or "").startswith("#"), v
' "$T_TMP/rob.json"
OUT="$T_TMP/stdout"

t "report in Dutch: the section heading and texts"
run "$NATRISK" report examples/nrb-2012.yaml --lang nl -o "$T_TMP/nl"
expect_status 0
grep -q 'Robuustheid van het risicobeeld' "$T_TMP/nl/report.html" ||
	t_fail "no Dutch robustness heading"
grep -q '10.000 iteraties' "$T_TMP/nl/report.html" ||
	t_fail "no Dutch iteration count"

finish
