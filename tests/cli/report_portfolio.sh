#!/bin/sh
# report_portfolio.sh - "natrisk report FILE --plan PLAN --budget B
# [--years N] [--must IDS] [--never IDS] [--sweep K] [--robust N]": the
# portfolio section of the capability analysis. On
# tests/data/portfolio/plan.yaml, whose figures tests/cli/portfolio_enum.py
# works out independently (every set enumerated): the optimum, every
# measure's cost and reduction alone, the frontier points; the
# acceptabilities on a case worked by hand; the frontier chart; Dutch.
# Without --budget the report is what it was: the report with a budget,
# its portfolio section and style taken out, is the report without, byte
# for byte. And usage errors.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

base=tests/data/residual/base.yaml
plan=tests/data/portfolio/plan.yaml
check=tests/cli/report_portfolio.py
export SOURCE_DATE_EPOCH=1700000000

report() { # DIR ARGS...: a report on BASE with PLAN into $T_TMP/DIR
	dir="$T_TMP/$1"
	shift
	run "$NATRISK" report "$base" --plan "$plan" -n 0 -o "$dir" "$@"
}

t "--budget 5: the optimum {d, f} and every measure as the enumeration has them"
report b5 --budget 5
expect_status 0
expect_stderr_empty
run python3 "$check" "$T_TMP/b5/report.html" 5 1 - -
expect_status 0
# by hand (plan.yaml's comments): d costs 3 + 1, f 1; 2817.588 + 800
run grep -c 'data-measure="[df]" data-selected="true"' "$T_TMP/b5/report.html"
expect_stdout_matches '^2$'
run grep -o 'data-reduction="3617\.58[0-9]*"' "$T_TMP/b5/report.html"
expect_status 0

t "--years 3 --must g --never f --sweep 5: the optimum and the frontier"
report y3 --budget 9 --years 3 --must g --never f --sweep 5
expect_status 0
run python3 "$check" "$T_TMP/y3/report.html" 9 3 g f 5
expect_status 0
run grep -c '<figure id="frontier"' "$T_TMP/y3/report.html"
expect_stdout_matches '^1$'
run grep -c '<svg[^>]*aria-labelledby="frontier-chart-title' "$T_TMP/y3/report.html"
expect_stdout_matches '^1$'

t "the checker finds a wrong optimum (never f left out)"
run python3 "$check" "$T_TMP/y3/report.html" 9 3 g - 5
expect_status 1

t "--sweep without a must set: every budget from 0 to the total (18)"
report sweep --budget 18 --sweep 7
expect_status 0
run python3 "$check" "$T_TMP/sweep/report.html" 18 1 - - 7
expect_status 0
run grep -c '<tr data-budget=' "$T_TMP/sweep/report.html"
expect_stdout_matches '^7$'

t "natrisk portfolio --sweep 5 --must d -o OUT.svg: the chart has the 4 points kept"
# d costs 3 + 1: the budget 0 of the sweep (0, 4.5, 9, 13.5, 18) cannot
# hold it and is left out; the chart drew 5 points from 4 (and crashed)
run "$NATRISK" portfolio "$plan" --sweep 5 --must d -o "$T_TMP/must.svg"
expect_status 0
run grep -c '<circle' "$T_TMP/must.svg"
expect_stdout_matches '^4$'

t "--robust: a (3) against b (1) at budget 3, both on s1 2.1 (D 27): a in every draw"
# a takes 2.1 to B, b to C: a's reduction is the greater whatever the
# weights and scores drawn (2.1 is D at its LL, EV and UL), and both do
# not fit; so a is chosen in every draw, b in none, as in portfolio.sh
report robust --budget 3 --never b2,h,c,d,g,e,f,i --robust 40 --seed 7
expect_status 0
run grep -o 'data-measure="a"[^<]*<th[^>]*>[^<]*<br><code>a</code></th><td[^>]*>[^<]*</td><td[^>]*>[^<]*</td><td>yes</td><td class="num" data-acceptability="1">' "$T_TMP/robust/report.html"
expect_status 0
run grep -o 'data-measure="b" .*data-acceptability="0">0.0%' "$T_TMP/robust/report.html"
expect_status 0
run grep -c 'share of 40 draws' "$T_TMP/robust/report.html"
expect_stdout_matches '^1$'

t "the acceptabilities are those of natrisk portfolio with the same seed"
run "$NATRISK" portfolio "$plan" --budget 5 --robust 60 --seed 3 --format csv
expect_status 0
tr -d '\r' <"$OUT" | awk -F, 'NR > 1 { print $1 " " $NF }' >"$T_TMP/cli.txt"
report same --budget 5 --robust 60 --seed 3
python3 - "$T_TMP/same/report.html" >"$T_TMP/report.txt" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
for m, a in re.findall(r'<tr data-measure="([^"]+)".*?data-acceptability="([^"]+)"', s):
    print(m, "%g" % (float(a) * 60))
PY
awk '{ print $1 " " $2 * 60 }' "$T_TMP/cli.txt" >"$T_TMP/cli60.txt"
run cmp "$T_TMP/cli60.txt" "$T_TMP/report.txt"
expect_status 0

t "without --budget the report is what it was, byte for byte"
report plain
expect_status 0
run grep -c 'id="portfolio"' "$T_TMP/plain/report.html"
expect_stdout_matches '^0$'
report with --budget 5 --sweep 3 --robust 10
expect_status 0
python3 - "$T_TMP/with/report.html" >"$T_TMP/stripped.html" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8", newline="").read()
s, n = re.subn(r'<section id="portfolio".*?</table>\n</section>\n', "", s, flags=re.S)
assert n == 1, n
css = ("@media screen and (max-width:40rem){table.portfolio,table.frontier"
       "{display:block;overflow-x:auto}}\nfigure.frontier svg"
       "{max-width:100%;height:auto}\n")
assert css in s
sys.stdout.write(s.replace(css, "", 1))
PY
run cmp "$T_TMP/stripped.html" "$T_TMP/plain/report.html"
expect_status 0

t "in Dutch"
report nl --budget 5 --sweep 3 --lang nl
expect_status 0
run grep -c 'De beste set maatregelen voor het budget' "$T_TMP/nl/report.html"
expect_stdout_matches '^1$'
run grep -c 'Binnen een budget van 5 euro' "$T_TMP/nl/report.html"
expect_stdout_matches '^1$'
run grep -c '<th scope=col>Aanvaardbaarheid' "$T_TMP/nl/report.html"
expect_stdout_matches '^0$'

for case in "--sweep 3:--sweep needs --budget" "--robust 3:--robust needs --budget" \
	"--years 2:--years needs --budget" "--must a:--must needs --budget" \
	"--never a:--never needs --budget"; do
	t "usage: ${case%%:*} without --budget"
	report u ${case%%:*}
	expect_status 2
	expect_stderr_contains "${case#*:}"
	[ ! -e "$T_TMP/u" ] || t_fail "a report was written"
done

t "usage: --budget without --plan"
run "$NATRISK" report "$base" --budget 5 -o "$T_TMP/np"
expect_status 2
expect_stderr_contains "--budget needs --plan"

for bad in -1 abc " 5" inf; do
	t "usage: --budget '$bad'"
	report bad --budget "$bad"
	expect_status 2
	expect_stderr_contains "--budget takes an amount in euro >= 0"
done

t "usage: --sweep 0"
report bad --budget 5 --sweep 0
expect_status 2
expect_stderr_contains "--sweep takes a whole number from 1"

t "an unknown --must id: exit 1, nothing written"
report unknown --budget 5 --must zz
expect_status 1
expect_stderr_contains "no measure 'zz' (--must)"
[ ! -e "$T_TMP/unknown/report.html" ] || t_fail "a report was written"

t "a must set above the budget: exit 1 with the reason"
report over --budget 2 --must d
expect_status 1
expect_stderr_contains "cost more than the budget"

finish
