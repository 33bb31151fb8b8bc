#!/bin/sh
# svg.sh - the risk diagram as SVG, checked with tests/tools/svg_check
# (libxml2 + cairo measurements): a point and a label per scenario, every
# label a whole title (wrapped, never cut) clear of other labels, points,
# whiskers, arrows and leader lines, every point showing (also where
# scenarios share a place), a legend that tells whiskers from arrows, axis
# labels present; the same points in the PNG and the PDF
# (tests/tools/raster_check); and that the checkers catch each defect.
# Then the clouds of --uncertainty and the rank acceptability chart.
set -u
cd "$NATRISK_ROOT" || exit 1
check="$NATRISK_BUILD/tests/svg_check"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "svg.sh: FAIL: $*"; failed=$((failed + 1)); }

raster="$NATRISK_BUILD/tests/raster_check"

ids_of() { # the scenario ids of an assessment, from its JSON
	"$NATRISK" assess "$1" --format json |
		python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["scenarios"]))'
}
titles_of() { # FILE OUT: "id<TAB>title" lines of an assessment, for svg_check
	"$NATRISK" assess "$1" --format json |
		python3 -c 'import json,sys; [print(s["id"] + "\t" + s["title"]) for s in json.load(sys.stdin)["scenarios"]]' >"$2"
}
# checked FILE.svg [--allow-unlabelled] ASSESSMENT: svg_check with the
# assessment's ids and titles; prints the failures
checked() {
	svg=$1
	shift
	allow=
	[ "$1" = --allow-unlabelled ] && allow=$1 && shift
	titles_of "$1" "$tmp/titles.tsv"
	# shellcheck disable=SC2046,SC2086
	"$check" "$svg" $allow --titles "$tmp/titles.tsv" $(ids_of "$1") >"$tmp/check.out" || {
		cat "$tmp/check.out"; return 1; }
}
# drawn ASSESSMENT NAME [OPTIONS]: the diagram as SVG, PNG and PDF (NAME.*);
# the PNG (at its scale 2) and the PDF (through pdftoppm at 144 dpi) must
# show every point of the SVG
drawn() {
	file=$1 name=$2
	shift 2
	for ext in svg png pdf; do
		"$NATRISK" diagram "$file" "$@" -o "$tmp/$name.$ext" || fail "diagram $name.$ext"
	done
	"$raster" "$tmp/$name.png" 2 "$tmp/$name.svg" >/dev/null || {
		"$raster" "$tmp/$name.png" 2 "$tmp/$name.svg"; fail "$name.png hides points"; }
	pdftoppm -png -r 144 -singlefile "$tmp/$name.pdf" "$tmp/$name-pdf" ||
		fail "pdftoppm $name.pdf"
	"$raster" "$tmp/$name-pdf.png" 2 "$tmp/$name.svg" >/dev/null || {
		"$raster" "$tmp/$name-pdf.png" 2 "$tmp/$name.svg"; fail "$name.pdf hides points"; }
}

for file in examples/nrb-2012.yaml examples/nrb-2011.yaml; do
	for lang in en nl; do
		out="$tmp/diagram-$lang.svg"
		"$NATRISK" diagram "$file" --lang "$lang" -o "$out" || fail "diagram $file"
		checked "$out" "$file" || fail "svg_check $file $lang"
	done
done

out="$tmp/compare.svg"
"$NATRISK" diagram examples/nrb-2012.yaml --compare examples/nrb-2011.yaml -o "$out" ||
	fail "diagram --compare"
checked "$out" examples/nrb-2012.yaml || fail "svg_check --compare"
drawn examples/nrb-2012.yaml compare-nl --compare examples/nrb-2011.yaml --lang nl
checked "$tmp/compare-nl.svg" examples/nrb-2012.yaml || fail "svg_check --compare --lang nl"
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
checked "$tmp/crowded.svg" --allow-unlabelled "$tmp/crowded.yaml" ||
	fail "crowded diagram has overlaps"
# ... and with arrows from everywhere: the same scenarios a year before,
# each a class or two elsewhere
python3 - "$tmp/crowded.yaml" "$tmp/crowded-before.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
shift = {"B": "D", "C": "A", "D": "B"}
text = re.sub(r"likelihood: ([BCD])", lambda m: "likelihood: " + shift[m.group(1)], text)
open(sys.argv[2], "w").write(text.replace("title: Crowded", "title: Crowded before"))
PY
drawn "$tmp/crowded.yaml" crowded-compare --compare "$tmp/crowded-before.yaml"
checked "$tmp/crowded-compare.svg" --allow-unlabelled "$tmp/crowded.yaml" ||
	fail "crowded diagram --compare: labels on arrows or hidden points"
[ "$(grep -c 'class="arrow"' "$tmp/crowded-compare.svg")" -ge 60 ] ||
	fail "crowded diagram --compare: arrows missing"

# Scenarios that share a place (tests/fixtures/diagram-shared-places.yaml:
# twelve on one, three and two on others, a pair a point apart, a title
# of 196 characters, a long theme title and assessment title), with the
# arrows of an edition before them running across, in both languages:
# every point shows and has its label, every label whole.
shared=tests/fixtures/diagram-shared-places.yaml
for lang in en nl; do
	drawn "$shared" "shared-$lang" --compare tests/fixtures/diagram-shared-places-2029.yaml \
		--lang "$lang"
	checked "$tmp/shared-$lang.svg" "$shared" || fail "svg_check shared places $lang"
done
python3 - "$tmp/shared-en.svg" <<'PY' || fail "shared places: clusters, wrapped titles"
import math, sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
def lines(e):
    spans = e.findall(ns + "tspan")
    return [t.text for t in spans] if spans else [e.text]
points = {c.get("data-scenario"): (float(c.get("cx")), float(c.get("cy")))
          for c in root.iter(ns + "circle") if c.get("class") == "point"}
heat = [points["heat-%02d" % k] for k in range(1, 13)]
# twelve points, none on another (a point's radius is 6)
for i, a in enumerate(heat):
    for b in heat[i + 1:]:
        assert math.dist(a, b) >= 12, ("heat points overlap", a, b)
# around their place, not far from it: the whiskers still cross there
whiskers = [w for w in root.iter(ns + "path") if w.get("class") == "whisker"
            and w.get("data-scenario", "").startswith("heat-")]
def across(d):  # the y of each horizontal segment ("Mx y" then "hdx" or "Hx")
    import re
    return [y for y in re.findall(r"M[-0-9.]+ ([-0-9.]+)[hH]", d)]
ys = {float(y) for w in whiskers for y in across(w.get("d"))[:1]}
assert len(ys) == 1, ("the heat whiskers do not cross at one place", ys)
place_y = float(ys.pop())
assert all(abs(y - place_y) < 60 for x, y in heat), "cluster far from its place"
# one label for the twelve, naming all
labels = [t for t in root.iter(ns + "text") if t.get("class") == "label"]
shared = [t for t in labels if len(t.get("data-scenario").split()) == 12]
assert len(shared) == 1, "no label for the twelve"
assert " ".join(lines(shared[0])).endswith(" +11"), lines(shared[0])
# titles wrap: the labels of more than one line are those too long for one
wrapped = [t for t in labels if len(lines(t)) > 1]
assert len(wrapped) >= 5, [lines(t) for t in labels]
# the assessment's title on two lines, whole, inside the picture
title = next(t for t in root.iter(ns + "text") if t.get("class") == "title")
assert len(lines(title)) == 2, lines(title)
assert " ".join(lines(title)) == root.find(ns + "title").text, lines(title)
# the long theme title in the legend, whole
legend = [" ".join(lines(t)) for t in root.iter(ns + "text") if t.get("class") == "legend"]
assert "Critical infrastructure and the supply of drinking water, energy and telecommunications" in legend, legend
PY
# Long titles, up to the limit of 200 characters, each alone in its part
# of the plot: every one labelled in full, on two lines or more.
python3 - "$tmp/long.yaml" <<'PY'
import sys
titles = ["Cyber espionage against government and industry",
          "Satellite failure through a large solar storm that disrupts navigation, "
          "timing and communication for several days",
          "Prolonged failure of the regional drinking water supply after contamination "
          "of the main intake, with hospitals, schools and food producers without "
          "clean water for more than two weeks in a hot summer"]
places = [("B", {"2.1": "D", "5.1": "D"}), ("D", {"2.1": "E", "3.1": "E", "5.1": "E"}),
          ("C", {"2.1": "C", "3.1": "C", "5.1": "C"})]
lines = ["natrisk: 1", "title: Long titles", "method: nrb-2008", "scenarios:"]
for i, (t, (likelihood, impact)) in enumerate(zip(titles, places)):
    assert len(t) <= 200
    lines += [f"  - id: long-{i}", f"    title: \"{t}\"", "    kind: hazard",
              f"    likelihood: {likelihood}", "    impact:"]
    lines += [f"      \"{k}\": {v}" for k, v in impact.items()]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
for lang in en nl; do
	drawn "$tmp/long.yaml" "long-$lang" --lang "$lang"
	checked "$tmp/long-$lang.svg" "$tmp/long.yaml" || fail "svg_check long titles $lang"
	[ "$(grep -c 'class="label" data-scenario="long-[0-9]"><tspan' "$tmp/long-$lang.svg")" -eq 3 ] ||
		fail "long titles $lang: not each on two lines or more"
done

# the same input gives the same picture
"$NATRISK" diagram "$shared" --compare tests/fixtures/diagram-shared-places-2029.yaml \
	--lang nl -o "$tmp/shared-again.svg"
cmp -s "$tmp/shared-nl.svg" "$tmp/shared-again.svg" || fail "shared places: another SVG the second time"
"$NATRISK" diagram "$shared" --compare tests/fixtures/diagram-shared-places-2029.yaml \
	--lang nl -o "$tmp/shared-again.png"
cmp -s "$tmp/shared-nl.png" "$tmp/shared-again.png" || fail "shared places: another PNG the second time"
# the legend tells the whisker (with caps) from the arrow (with a head)
grep -q '<path d="M[^"]*" fill="none" stroke="#555555" stroke-width="1.3" class="whisker"/>' \
	"$tmp/shared-en.svg" || fail "no whisker with caps in the legend"
grep -q '<polygon [^>]*class="arrow"/>' "$tmp/shared-en.svg" || fail "no arrowhead in the legend"

# The checkers must catch what they claim to catch.
if "$check" tests/fixtures/overlapping-labels.svg a b >"$tmp/self" 2>&1; then
	fail "svg_check accepted overlapping labels"
fi
grep -q "overlap" "$tmp/self" || fail "svg_check did not name the overlap"
grep -q "covers a point" "$tmp/self" || fail "svg_check did not see a label on a point"
printf 'w\tOn the whisker\nr\tOn the arrow\nh\tOn the head\nl\tCrossed by a leader\nc\tA title cut short by the old diagram\nx\tThe title of x\n' \
	>"$tmp/defects.tsv"
"$check" tests/fixtures/diagram-defects.svg --titles "$tmp/defects.tsv" w >"$tmp/self" 2>&1 &&
	fail "svg_check accepted tests/fixtures/diagram-defects.svg"
for defect in "'On the whisker' covers a whisker" "'On the arrow' covers an arrow" \
	"'On the head' covers an arrow" "a leader line crosses label 'Crossed by a leader'" \
	"the point of 'hidden' shows only" "'A title cut short…' is cut" \
	"'Not the title of x' is not the whole title 'The title of x'" \
	"leaves the picture" "no whisker with end caps" "no arrow with a head"; do
	grep -qF "$defect" "$tmp/self" || fail "svg_check missed: $defect"
done
grep -q "'above' shows" "$tmp/self" && fail "svg_check: the point on top is not hidden"
# raster_check sees a point that is not drawn: the PNG of another diagram
"$raster" "$tmp/compare-nl.png" 2 "$tmp/shared-en.svg" >"$tmp/self" 2>&1 &&
	fail "raster_check accepted points that are not in the picture"
grep -q "the point of 'heat-01' shows" "$tmp/self" || fail "raster_check did not name the point"

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

# --uncertainty: each scenario's cloud of SMAA draws beneath the points.
# Labels still clear of each other and the points; cloud rects
# (class="cloud") for every scenario; a seed gives one picture.
ids=$(ids_of examples/nrb-2012.yaml)
for seed in 1 2; do
	"$NATRISK" diagram examples/nrb-2012.yaml --uncertainty --seed "$seed" \
		-o "$tmp/cloud-$seed.svg" || fail "diagram --uncertainty --seed $seed"
	# shellcheck disable=SC2086
	"$check" "$tmp/cloud-$seed.svg" $ids >/dev/null || {
		"$check" "$tmp/cloud-$seed.svg" $ids; fail "svg_check --uncertainty seed $seed"; }
	for id in $ids; do
		grep -q "<rect [^>]*class=\"cloud\" data-scenario=\"$id\"" "$tmp/cloud-$seed.svg" ||
			fail "no cloud for $id (seed $seed)"
	done
done
"$NATRISK" diagram examples/nrb-2012.yaml --uncertainty -o "$tmp/cloud-again.svg" ||
	fail "diagram --uncertainty (default seed)"
cmp -s "$tmp/cloud-1.svg" "$tmp/cloud-again.svg" || fail "the same seed gave another picture"
cmp -s "$tmp/cloud-1.svg" "$tmp/cloud-2.svg" && fail "two seeds gave the same picture"
grep -q '>50 % / 90 % of the draws<' "$tmp/cloud-1.svg" || fail "no legend for the clouds"
grep -q 'class="cloud"' "$out" && fail "clouds without --uncertainty"
python3 - "$tmp/cloud-1.svg" <<'PY' || fail "clouds not beneath the points, or outside the plot"
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
order = [e for e in ET.parse(sys.argv[1]).getroot()]
kinds = [(e.tag, e.get("class")) for e in order]
last_cloud = max(i for i, k in enumerate(kinds) if k[1] == "cloud")
first_point = min(i for i, k in enumerate(kinds) if k[1] in ("point", "label"))
assert last_cloud < first_point, "cloud drawn over a point"
frame = next(e for e in order if e.get("class") == "frame")
fx, fy = float(frame.get("x")), float(frame.get("y"))
fw, fh = float(frame.get("width")), float(frame.get("height"))
for e in order:
    if e.tag == ns + "rect" and e.get("class") == "cloud":
        x, y, w, h = (float(e.get(a)) for a in ("x", "y", "width", "height"))
        assert w > 0 and h > 0 and x >= fx - 0.01 and y >= fy - 0.01
        assert x + w <= fx + fw + 0.01 and y + h <= fy + fh + 0.01, "cloud leaves the plot"
        assert 0 < float(e.get("fill-opacity")) < 0.5, "cloud not translucent"
PY
"$NATRISK" diagram examples/nrb-2012.yaml --uncertainty --iterations 500 --lang nl \
	-o "$tmp/cloud-nl.svg" || fail "diagram --uncertainty --iterations --lang nl"
grep -q '>50 % / 90 % van de trekkingen<' "$tmp/cloud-nl.svg" || fail "no Dutch legend for the clouds"
"$NATRISK" diagram examples/nrb-2012.yaml --uncertainty -o "$tmp/cloud.png" || fail "png --uncertainty"
head -c 8 "$tmp/cloud.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || fail "--uncertainty: not a PNG"
# shellcheck disable=SC2046
"$NATRISK" diagram "$tmp/crowded.yaml" --uncertainty --iterations 2000 -o "$tmp/crowded-cloud.svg" &&
	"$check" "$tmp/crowded-cloud.svg" --allow-unlabelled $(ids_of "$tmp/crowded.yaml") >/dev/null ||
	fail "crowded diagram --uncertainty"
for bad in "--iterations 100" "--uncertainty --iterations 0" "--uncertainty --iterations x" \
	"--uncertainty --seed -1" "--uncertainty --seed 99999999999999999999"; do
	# shellcheck disable=SC2086
	"$NATRISK" diagram examples/nrb-2012.yaml $bad -o "$tmp/bad-draws.svg" 2>/dev/null
	[ $? -eq 2 ] || fail "diagram $bad not a usage error"
	[ -e "$tmp/bad-draws.svg" ] && fail "diagram $bad wrote a file"
done

# The rank acceptability chart (smaa_chart.h), drawn by a small program on
# the library: one bar per scenario whose segments fill it, bars in order
# of expected rank, no text over another (svg_check --chart).
chart="$NATRISK_BUILD/tests/smaa_chart_check"
check_chart() { # FILE.svg IDS...: the structure of a chart
	python3 - "$@" <<'PY'
import re, sys, xml.etree.ElementTree as ET
path, ids = sys.argv[1], sys.argv[2:]
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(path).getroot()
num = lambda e, a: float(e.get(a))
bars = [e for e in root.iter(ns + "rect") if e.get("class") == "bar"]
names = [b.get("data-scenario") for b in bars]
problems = []
# at most 40 bars: the most severe alternatives
if len(names) != min(40, len(ids)) or len(set(names)) != len(names) \
        or not set(names) <= set(ids):
    problems.append(f"bars {sorted(names)} for scenarios {sorted(ids)}")
# beyond 12 alternatives, a segment holds a group of ranks
group = 1 if len(ids) <= 12 else (len(ids) + 9) // 10
expected = []
for bar in sorted(bars, key=lambda b: num(b, "y")):
    sid = bar.get("data-scenario")
    segs = [e for e in root.iter(ns + "rect")
            if e.get("class") == "segment" and e.get("data-scenario") == sid]
    segs.sort(key=lambda e: num(e, "x"))
    total = sum(num(e, "width") for e in segs)
    if abs(total - num(bar, "width")) > 0.5:
        problems.append(f"{sid}: segments {total:.2f} wide, bar {num(bar, 'width'):.2f}")
    if segs and abs(num(segs[0], "x") - num(bar, "x")) > 0.01:
        problems.append(f"{sid}: first segment not at the start of the bar")
    e = 0
    for seg in segs:
        tip = seg.find(ns + "title").text
        ranks = re.search(r"ranks? (\d+)(?:-(\d+))?", tip)
        first = int(ranks.group(1))
        last = int(ranks.group(2) or first)
        if last - first + 1 > group:
            problems.append(f"{sid}: segment of ranks {first}-{last}")
        e += (first + last) / 2 * num(seg, "width") / num(bar, "width")
    expected.append((sid, e))
    labels = [t for t in root.iter(ns + "text")
              if t.get("class") == "label" and t.get("data-scenario") == sid]
    if len(labels) != 1:
        problems.append(f"{sid}: {len(labels)} name labels")
for (a, ea), (b, eb) in zip(expected, expected[1:]):
    if ea > eb + 0.01 + (group - 1) / 2:
        problems.append(f"{a} (expected rank {ea:.3f}) above {b} ({eb:.3f})")
for p in problems:
    print("chart:", path + ":", p)
sys.exit(1 if problems else 0)
PY
}
"$chart" examples/nrb-2012.yaml "$tmp/chart.svg" || fail "smaa_chart_check"
"$check" --chart "$tmp/chart.svg" >/dev/null || { "$check" --chart "$tmp/chart.svg"; fail "chart texts overlap"; }
# shellcheck disable=SC2086
check_chart "$tmp/chart.svg" $ids || fail "chart structure"
[ "$(grep -c 'class="confidence"' "$tmp/chart.svg")" -eq 7 ] || fail "chart: a confidence factor per bar"
grep -q 'class="share"' "$tmp/chart.svg" || fail "chart: no share labels"
"$chart" examples/nrb-2012.yaml "$tmp/chart-nl.svg" --lang nl --no-confidence || fail "smaa_chart_check nl"
"$check" --chart "$tmp/chart-nl.svg" >/dev/null || fail "Dutch chart texts overlap"
grep -q '>aandeel van de trekkingen<' "$tmp/chart-nl.svg" || fail "chart: Dutch axis title missing"
grep -q 'class="confidence"' "$tmp/chart-nl.svg" && fail "chart: confidence factors not computed, yet shown"
# 60 scenarios (the crowded assessment): the 40 most severe, ranks in
# groups of 6, nothing overlapping
"$chart" "$tmp/crowded.yaml" "$tmp/chart-crowded.svg" || fail "smaa_chart_check crowded"
"$check" --chart "$tmp/chart-crowded.svg" >/dev/null || fail "crowded chart texts overlap"
# shellcheck disable=SC2046
check_chart "$tmp/chart-crowded.svg" $(ids_of "$tmp/crowded.yaml") || fail "crowded chart structure"
"$chart" examples/nrb-2012.yaml "$tmp/chart.png" || fail "chart png"
head -c 8 "$tmp/chart.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || fail "chart: not a PNG"
# and the chart checker sees overlapping texts and stray shares
cat >"$tmp/bad-chart.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">
<rect x="10" y="10" width="50" height="20" class="segment" data-scenario="a"/>
<text x="20" y="50" font-size="11" class="label">First text here</text>
<text x="40" y="52" font-size="11" class="label">Second</text>
<text x="100" y="24" font-size="10" class="share" data-scenario="a">12 %</text>
</svg>
SVG
if "$check" --chart "$tmp/bad-chart.svg" >"$tmp/self-chart" 2>&1; then
	fail "svg_check --chart accepted overlapping texts"
fi
grep -q "overlap" "$tmp/self-chart" || fail "svg_check --chart did not name the overlap"
grep -q "not inside a segment" "$tmp/self-chart" || fail "svg_check --chart missed a stray share"

[ "$failed" -eq 0 ] && echo "svg.sh: all passed"
[ "$failed" -eq 0 ]
