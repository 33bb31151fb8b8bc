#!/bin/sh
# smaa.sh - "natrisk smaa": the malformed sample files of
# tests/bad-input/smaa/ (each NAME.m.csv and NAME.w.csv rejected with the
# first error line of NAME.expected), usage errors, the JSON contract of
# formats.md, determinism across thread counts, a case computed by hand,
# and the output files. Run by tests/run-all with NATRISK and NATRISK_ROOT.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

ex=examples/nrb-2012.yaml
bad=tests/bad-input/smaa
PATTERN='^[^:]+:[0-9]+:[0-9]+: (error|warning): '

# ------------------------------------------------------------ bad input
cases=0
for expected in "$bad"/*.expected; do
	[ -f "$expected" ] || continue
	base=${expected%.expected}
	cases=$((cases + 1))
	t "bad samples $(basename "$base")"
	run "$NATRISK" smaa --measurements "$base.m.csv" --weights "$base.w.csv"
	expect_status 1
	expect_stdout_empty
	odd=$(grep -cEv "$PATTERN" "$ERR")
	[ "$odd" -eq 0 ] || t_fail "$odd stderr lines are not FILE:LINE:COL: error: ..."
	first=$(head -n 1 "$ERR")
	[ "$first" = "$(cat "$expected")" ] ||
		t_fail "first error is '$first', expected '$(cat "$expected")'"
	# the same files through --format json: still nothing on stdout
	run "$NATRISK" smaa --measurements "$base.m.csv" --weights "$base.w.csv" --format json
	expect_status 1
	expect_stdout_empty
done

t "at least 15 malformed sample pairs, each with its measurements file"
[ "$cases" -ge 15 ] || t_fail "only $cases cases"
for m in "$bad"/*.m.csv; do
	[ -f "${m%.m.csv}.expected" ] || t_fail "$m has no .expected"
done

# ---------------------------------------------------------------- usage
t "smaa --help exits 0 with usage"
run "$NATRISK" smaa --help
expect_status 0
expect_stdout_contains "usage: natrisk smaa"
expect_stdout_contains "--measurements"

t "natrisk --help lists smaa"
run "$NATRISK" --help
expect_stdout_matches '^  smaa '

printf 'iteration,alternative,c1,c2,c3\n1,a,1,0,0\n1,b,0,1,0\n2,a,0,0,1\n2,b,0,1,0.5\n' >"$T_TMP/m.csv"
printf 'iteration,c1,c2,c3\r\n1,0.5,0.25,0.25\r\n2,0.2,0.6,0.2\r\n' >"$T_TMP/w.csv"
mfile="$T_TMP/m.csv"
wfile="$T_TMP/w.csv"

usage_case() { # DESCRIPTION ARGS...
	what=$1
	shift
	t "usage error: $what"
	run "$NATRISK" smaa "$@"
	expect_status 2
	expect_stdout_empty
	expect_stderr_contains "natrisk smaa"
}
usage_case "no file" 
usage_case "two files" "$ex" "$ex"
usage_case "file and samples" "$ex" --measurements "$mfile" --weights "$wfile"
usage_case "measurements alone" --measurements "$mfile"
usage_case "weights alone" --weights "$wfile"
usage_case "iterations 0" "$ex" --iterations 0
usage_case "iterations not a number" "$ex" --iterations many
usage_case "iterations negative" "$ex" --iterations -5
usage_case "iterations past 1e12" "$ex" --iterations 1e13
usage_case "iterations with a bad exponent" "$ex" --iterations 2e
usage_case "seed not a number" "$ex" --seed x
usage_case "threads not a number" "$ex" --threads two
usage_case "unknown option" "$ex" --frobnicate
usage_case "missing value" "$ex" --iterations
usage_case "unknown format" "$ex" --format xml
usage_case "concentration without around" "$ex" --concentration 5
usage_case "concentration 0" "$ex" --around equal --concentration 0
usage_case "concentration negative" "$ex" --around equal --concentration -2
usage_case "unknown profile" "$ex" --around no-such-profile
usage_case "order with one id" "$ex" --order 2.1
usage_case "order with an empty id" "$ex" --order '2.1>>3.1'
usage_case "order naming a criterion twice" "$ex" --order '2.1>3.1>2.1'
usage_case "order with an unknown criterion" "$ex" --order '2.1>9.9'
usage_case "interval without limits" "$ex" --interval 2.1
usage_case "interval with one limit" "$ex" --interval 2.1=0.5
usage_case "interval not numbers" "$ex" --interval 2.1=a:b
usage_case "interval reversed" "$ex" --interval 2.1=0.5:0.2
usage_case "interval above 1" "$ex" --interval 2.1=0.5:1.5
usage_case "interval with an unknown criterion" "$ex" --interval 9.9=0:0.5
usage_case "interval given twice" "$ex" --interval 2.1=0:0.5 --interval 2.1=0.1:0.4
usage_case "unknown output" "$ex" --outputs ranks,colours
usage_case "seed with given samples" --measurements "$mfile" --weights "$wfile" --seed 3
usage_case "classes with given samples" --measurements "$mfile" --weights "$wfile" --outputs classes
usage_case "format with a chart" "$ex" -o "$T_TMP/chart.svg" --format json

t "weight intervals nothing meets: exit 1 with the engine's message"
run "$NATRISK" smaa "$ex" --interval 2.1=0.6:1 --interval 3.1=0.6:1
expect_status 1
expect_stdout_empty
expect_stderr_contains "natrisk smaa: no weights within the intervals"

t "an order nothing meets (a cycle) exits 1"
run "$NATRISK" smaa "$ex" --order '2.1>3.1' --order '3.1>2.1' --iterations 100
expect_status 1
expect_stdout_empty
expect_stderr_contains "natrisk smaa:"

t "an invalid assessment exits 1 with located errors"
run "$NATRISK" smaa tests/bad-input/21-missing-title.yaml
expect_status 1
expect_stdout_empty
expect_stderr_matches "$PATTERN"

# ----------------------------------------------------------- assessment
t "assessment --format json: the keys of formats.md, then the extras"
run "$NATRISK" smaa "$ex" --iterations 2000 --seed 7 --format json
expect_status 0
python3 - "$OUT" <<'EOF' || t_fail "JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
keys = list(d)
assert keys[:6] == ["iterations", "alternatives", "criteria",
                    "rank_acceptability", "central_weights",
                    "confidence_factors"], keys
for k in ["seed", "rank_entropy", "impact_class_probability",
          "cell_probability", "pairwise", "risk_rank_acceptability"]:
    assert k in d, k
assert "threads" not in d and "cloud" not in json.dumps(list(d))
m, n = len(d["alternatives"]), len(d["criteria"])
assert d["iterations"] == 2000 and d["seed"] == 7 and n == 10
for row in d["rank_acceptability"]:
    assert len(row) == m and abs(sum(row) - 1) < 1e-9
for r in range(m):
    assert abs(sum(row[r] for row in d["rank_acceptability"]) - 1) < 1e-9
for cw, cf in zip(d["central_weights"], d["confidence_factors"]):
    assert (cw is None) == (cf is None)
    if cw is not None:
        assert len(cw) == n and abs(sum(cw) - 1) < 1e-9 and 0 <= cf <= 1
for classes in d["impact_class_probability"]:
    assert list(classes) == ["X", "A", "B", "C", "D", "E"]
    assert abs(sum(classes.values()) - 1) < 1e-9
for cells in d["cell_probability"]:
    assert len(cells) == 5 and all(len(r) == 5 for r in cells)
    assert abs(sum(map(sum, cells)) - 1) < 1e-9
p = d["pairwise"]
assert len(p) == m and all(p[i][i] == 0 for i in range(m))
assert len(d["risk_rank_acceptability"]) == m
EOF

t "same seed, 1 or 2 threads: byte-identical JSON"
run "$NATRISK" smaa "$ex" --iterations 20000 --seed 11 --threads 1 --format json
cp "$OUT" "$T_TMP/one.json"
run "$NATRISK" smaa "$ex" --iterations 20000 --seed 11 --threads 2 --format json
expect_status 0
expect_stdout_equals_file "$T_TMP/one.json"

t "another seed gives another result"
run "$NATRISK" smaa "$ex" --iterations 20000 --seed 12 --threads 2 --format json
expect_status 0
cmp -s "$OUT" "$T_TMP/one.json" && t_fail "seeds 11 and 12 gave the same JSON"

t "weights around a profile, orders and intervals run"
run "$NATRISK" smaa "$ex" --iterations 3000 --around physical --concentration 50 --order '2.1>3.1>5.3' --interval 1.1=0:0.2 --format json
expect_status 0
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$OUT" ||
	t_fail "not JSON"

t "--outputs ranks: rank acceptabilities only, nulls where nothing was computed"
run "$NATRISK" smaa "$ex" --iterations 1000 --outputs ranks --format json
expect_status 0
python3 - "$OUT" <<'EOF' || t_fail "JSON with --outputs ranks"
import json, sys
d = json.load(open(sys.argv[1]))
assert all(x is None for x in d["central_weights"])
assert all(x is None for x in d["confidence_factors"])
for k in ["pairwise", "impact_class_probability", "cell_probability",
          "risk_rank_acceptability"]:
    assert k not in d, k
EOF

t "the table fits in 80 columns"
run "$NATRISK" smaa "$ex" --iterations 1000
expect_status 0
expect_stdout_contains "flu-severe"
expect_stdout_width 80

t "--iterations takes 1e3"
run "$NATRISK" smaa "$ex" --iterations 1e3 --outputs ranks --format json
expect_status 0
expect_stdout_contains '"iterations": 1000,'

t "CSV: a header and one row per scenario"
run "$NATRISK" smaa "$ex" --iterations 1000 --format csv
expect_status 0
expect_stdout_lines 8
expect_stdout_matches '^alternative,rank_1,'

# -------------------------------------------------------- given samples
t "given samples: the 2 x 2 x 3 case computed by hand"
run "$NATRISK" smaa --measurements "$mfile" --weights "$wfile" --format json
expect_status 0
# iteration 1: a = 0.5 > b = 0.25; iteration 2: b = 0.7 > a = 0.2.
# central weights: a's = w1, b's = w2. Under a's weights, iteration 2 has
# b = 0.375 > a = 0.25, so a's confidence factor is 0.5; b's is 1.
python3 - "$OUT" <<'EOF' || t_fail "hand-computed values"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["iterations"] == 2
assert d["alternatives"] == ["a", "b"] and d["criteria"] == ["c1", "c2", "c3"]
assert d["rank_acceptability"] == [[0.5, 0.5], [0.5, 0.5]]
assert d["central_weights"] == [[0.5, 0.25, 0.25], [0.2, 0.6, 0.2]]
assert d["confidence_factors"] == [0.5, 1.0]
assert "seed" not in d
EOF

# ties share the better rank: 1, 1, 3
printf 'iteration,alternative,x\n1,p,2\n1,q,2\n1,r,1\n' >"$T_TMP/tie.m.csv"
printf 'iteration,x\n1,1\n' >"$T_TMP/tie.w.csv"
t "given samples: ties share the better rank (1, 1, 3)"
run "$NATRISK" smaa --measurements "$T_TMP/tie.m.csv" --weights "$T_TMP/tie.w.csv" --format json
expect_status 0
python3 - "$OUT" <<'EOF' || t_fail "competition ranks"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["rank_acceptability"] == [[1, 0, 0], [1, 0, 0], [0, 0, 1]]
assert d["central_weights"] == [[1], [1], None]
assert d["confidence_factors"] == [1, 1, None]
EOF

t "given samples: criteria of W.csv in another order are matched by name"
printf 'iteration,c3,c1,c2\n1,0.25,0.5,0.25\n2,0.2,0.2,0.6\n' >"$T_TMP/w2.csv"
run "$NATRISK" smaa --measurements "$mfile" --weights "$T_TMP/w2.csv" --format json
expect_status 0
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["central_weights"] == [[0.5, 0.25, 0.25], [0.2, 0.6, 0.2]]' "$OUT" ||
	t_fail "weights not matched by criterion name"

t "given samples: quoted fields, a byte order mark and CRLF"
printf '\357\273\277iteration,alternative,"c,1",c2\r\n1,"a ""x""",1,0\r\n1,b,0,1\r\n' >"$T_TMP/q.m.csv"
printf 'iteration,c2,"c,1"\n1,0.25,0.75\n' >"$T_TMP/q.w.csv"
run "$NATRISK" smaa --measurements "$T_TMP/q.m.csv" --weights "$T_TMP/q.w.csv" --format json
expect_status 0
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["alternatives"] == ["a \"x\"", "b"] and d["criteria"] == ["c,1", "c2"]
assert d["rank_acceptability"] == [[1, 0], [0, 1]]' "$OUT" ||
	t_fail "quoted fields"

t "given samples: CSV output quotes names"
run "$NATRISK" smaa --measurements "$T_TMP/q.m.csv" --weights "$T_TMP/q.w.csv" --format csv
expect_status 0
expect_stdout_contains '"central_c,1"'
expect_stdout_contains '"a ""x"""'

t "a missing sample file exits 1 and names it"
run "$NATRISK" smaa --measurements "$T_TMP/none.csv" --weights "$wfile"
expect_status 1
expect_stdout_empty
expect_stderr_contains "$T_TMP/none.csv:1:1: error:"

# -------------------------------------------------------------- outputs
t "-o x.json writes only the file"
run "$NATRISK" smaa "$ex" --iterations 1000 -o "$T_TMP/x.json"
expect_status 0
expect_stdout_empty
expect_stderr_empty
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T_TMP/x.json" ||
	t_fail "x.json is not JSON"

t "-o x.csv writes CSV, -o x.txt the table"
run "$NATRISK" smaa "$ex" --iterations 1000 -o "$T_TMP/x.csv"
expect_status 0
expect_stdout_empty
head -n 1 "$T_TMP/x.csv" | grep -q '^alternative,rank_1' || t_fail "x.csv"
run "$NATRISK" smaa "$ex" --iterations 1000 -o "$T_TMP/x.txt"
expect_status 0
grep -q '^SMAA: ' "$T_TMP/x.txt" || t_fail "x.txt is not the table"

t "-o x.svg draws the chart of rank acceptabilities"
run "$NATRISK" smaa "$ex" --iterations 1000 -o "$T_TMP/x.svg"
expect_status 0
expect_stdout_empty
expect_file "$T_TMP/x.svg"
grep -q '<svg' "$T_TMP/x.svg" || t_fail "x.svg is not SVG"
grep -q 'flu-severe' "$T_TMP/x.svg" || t_fail "x.svg names no scenario"

t "-o x.png draws the chart as PNG"
run "$NATRISK" smaa --measurements "$mfile" --weights "$wfile" -o "$T_TMP/x.png"
expect_status 0
expect_stdout_empty
[ "$(head -c 4 "$T_TMP/x.png" | od -An -c | tr -d ' ')" = '211PNG' ] ||
	t_fail "x.png is not PNG"

t "a failed run writes no file"
run "$NATRISK" smaa --measurements "$bad/10-not-a-number.m.csv" --weights "$bad/10-not-a-number.w.csv" -o "$T_TMP/never.json"
expect_status 1
[ ! -e "$T_TMP/never.json" ] || t_fail "never.json was written"

# --------------------------------------------------------------- limits
# Files made here, at and past each limit of given samples: 1,000
# alternatives, 100 criteria, 1,000,000 iterations, 10,000,000
# measurements. Past one, the error is at the first field past it and
# comes before the memory is taken; at one, the samples are read.
peak=tests/tools/peak_rss.py
if [ -n "${NATRISK_SAN:-}" ]; then max_kb=819200; else max_kb=204800; fi

# gen_samples M W ALTERNATIVES CRITERIA ITERATIONS [W_ROWS]: every
# measurement 0, equal weights; W has W_ROWS rows (default: one an
# iteration).
gen_samples() {
	python3 -c '
import sys
m_path, w_path = sys.argv[1:3]
m, n, k = map(int, sys.argv[3:6])
kw = int(sys.argv[6]) if len(sys.argv) > 6 else k
names = ",".join("c%d" % c for c in range(n))
row = ",0" * n + "\n"
with open(m_path, "w") as f:
    f.write("iteration,alternative," + names + "\n")
    for it in range(1, k + 1):
        f.write("".join("%d,a%d%s" % (it, i, row) for i in range(m)))
weights = ("," + repr(1.0 / n)) * n + "\n"
with open(w_path, "w") as f:
    f.write("iteration," + names + "\n")
    f.write("".join("%d%s" % (it, weights) for it in range(1, kw + 1)))
' "$@"
}

# limit_case WHAT FIRST ARGS...: the samples of gen_samples ARGS are
# refused, FIRST (after "M.csv:") the first error, within max_kb.
limit_case() {
	what=$1 first=$2
	shift 2
	t "refused past a limit: $what"
	gen_samples "$T_TMP/l.m.csv" "$T_TMP/l.w.csv" "$@"
	set -- $(python3 "$peak" "$OUT" "$ERR" 120 "$NATRISK" smaa \
		--measurements "$T_TMP/l.m.csv" --weights "$T_TMP/l.w.csv")
	STATUS=$1
	expect_status 1
	expect_stdout_empty
	[ "$(head -n 1 "$ERR")" = "$T_TMP/l.m.csv:$first" ] ||
		t_fail "first error '$(head -n 1 "$ERR")', expected '$T_TMP/l.m.csv:$first'"
	[ "$2" -le "$max_kb" ] || t_fail "peak memory $2 KiB, more than $max_kb"
}

# The issue's file: 5,000 alternatives took 4 GB. The 1,001st is on line
# 1 + 1,001, after "1,".
limit_case "5,000 alternatives" \
	"1002:3: error: more than 1000 alternatives: natrisk smaa reads at most 1000" \
	5000 3 2
# "iteration,alternative," is 22 characters, "cK," 3 for K < 10 and 4 up
# to 99: the 101st criterion, c100, starts at 23 + 10 * 3 + 90 * 4 = 413.
limit_case "101 criteria" \
	"1:413: error: more than 100 criteria: natrisk smaa reads an iteration, an alternative and at most 100 criteria a row" \
	2 101 1
# iteration 1,000,001 starts on line 1,000,002
limit_case "1,000,001 iterations" \
	"1000002:1: error: more than 1000000 iterations: natrisk smaa reads at most 1000000" \
	1 1 1000001 1
# 100 measurements a row: row 100,001 would pass 10,000,000
limit_case "10,000,100 measurements" \
	"100002:1: error: more than 10000000 measurements (iterations * alternatives * criteria): natrisk smaa reads at most 10000000" \
	1 100 100001 1

t "at the limits: 1,000 alternatives on 100 criteria are ranked"
gen_samples "$T_TMP/l.m.csv" "$T_TMP/l.w.csv" 1000 100 2
set -- $(python3 "$peak" "$OUT" "$ERR" 300 "$NATRISK" smaa \
	--measurements "$T_TMP/l.m.csv" --weights "$T_TMP/l.w.csv" --format json)
STATUS=$1
expect_status 0
expect_stderr_empty
[ "$2" -le "$max_kb" ] || t_fail "peak memory $2 KiB, more than $max_kb"
# every measurement 0: all tie at rank 1 (1 + the number strictly greater)
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["alternatives"]) == 1000 and len(d["criteria"]) == 100
for row in d["rank_acceptability"]:
    assert len(row) == 1000 and row[0] == 1.0 and sum(row) == 1.0, row[:3]
' "$OUT" || t_fail "1,000 alternatives are not all at rank 1"

finish
