#!/bin/sh
# diagram_click.sh - every point of the risk diagram can be clicked in a
# browser, also where scenarios share a place: the diagram (the SVG the
# server sends, which is `natrisk diagram`'s) is put into a page the way
# web/page-edition.js puts it (DOMParser, importNode, a click handler on
# each circle.point), and headless Chromium hit-tests the inside of every
# point (document.elementFromPoint, what a click goes to) and clicks there.
# Each point must take at least a quarter of the clicks aimed at it, and
# its click must open its own scenario. A page with a point hidden under
# another must fail (the test's own check).
#
# Environment: NATRISK, NATRISK_ROOT (as tests/run-all sets them), CHROMIUM
# (default /usr/bin/chromium, which scripts/install-deps installs for the
# end-to-end tests).
set -u
cd "$NATRISK_ROOT" || exit 1
chromium=${CHROMIUM:-/usr/bin/chromium}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "diagram_click.sh: FAIL: $*"; failed=$((failed + 1)); }

[ -x "$chromium" ] || { echo "diagram_click.sh: no Chromium at $chromium (scripts/install-deps)"; exit 1; }

# page SVG HTML: the page that loads SVG and reports, per point,
# "id clicks-on-it/clicks-aimed opened-id".
page() {
	python3 - "$1" "$2" <<'PY'
import json, sys
svg = open(sys.argv[1]).read()
open(sys.argv[2], "w").write("""<!doctype html>
<html><head><meta charset="utf-8"></head><body style="margin:0">
<div id="diagram"></div><pre id="result"></pre>
<script>
const text = %s;
// as web/page-edition.js does it
const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
const svg = document.importNode(doc.documentElement, true);
svg.setAttribute('class', 'risk-diagram');
let opened = null;
for (const point of svg.querySelectorAll('circle.point')) {
	const sid = point.getAttribute('data-scenario');
	point.addEventListener('click', () => { opened = sid; });
}
document.getElementById('diagram').append(svg);
const box = svg.getBoundingClientRect();
const lines = [];
for (const c of svg.querySelectorAll('circle.point')) {
	const cx = box.left + Number(c.getAttribute('cx'));
	const cy = box.top + Number(c.getAttribute('cy'));
	const r = Number(c.getAttribute('r')) - 0.5;
	let hits = 0, aimed = 0, at = null;
	for (let dy = -r; dy <= r; dy += 0.5)
		for (let dx = -r; dx <= r; dx += 0.5) {
			if (dx * dx + dy * dy > r * r)
				continue;
			aimed++;
			if (document.elementFromPoint(cx + dx, cy + dy) === c) {
				hits++;
				at = at || [cx + dx, cy + dy];
			}
		}
	opened = null;
	if (at)
		document.elementFromPoint(at[0], at[1]).dispatchEvent(new MouseEvent('click',
			{ bubbles: true, clientX: at[0], clientY: at[1] }));
	lines.push(c.getAttribute('data-scenario') + ' ' + hits + '/' + aimed + ' ' + opened);
}
document.getElementById('result').textContent = lines.join('\\n');
</script></body></html>
""" % json.dumps(svg))
PY
}

# clicks SVG: the report lines of the page on SVG
clicks() {
	page "$1" "$tmp/page.html"
	"$chromium" --headless --no-sandbox --disable-gpu --window-size=1000,760 \
		--dump-dom "file://$tmp/page.html" 2>/dev/null |
		sed -n '/<pre id="result">/,/<\/pre>/p' | sed 's/<[^>]*>//g' | grep .
}

# checked SVG IDS...: every id has a point taking a quarter of the clicks
# and opening its own scenario
checked() {
	svg=$1
	shift
	clicks "$svg" >"$tmp/clicks" || { fail "no answer from Chromium for $svg"; return; }
	for id in "$@"; do
		line=$(grep "^$id " "$tmp/clicks")
		[ -n "$line" ] || { fail "$svg: no point for $id"; continue; }
		echo "$line" | awk -v id="$id" '{ split($2, f, "/"); exit !(f[1] >= f[2] / 4 && $3 == id) }' ||
			fail "$svg: $line (clicks on the point / aimed at it, scenario opened)"
	done
}

ids_of() {
	"$NATRISK" assess "$1" --format json |
		python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["scenarios"]))'
}

shared=tests/fixtures/diagram-shared-places.yaml
"$NATRISK" diagram "$shared" --compare tests/fixtures/diagram-shared-places-2029.yaml \
	-o "$tmp/shared.svg" || fail "diagram $shared"
# shellcheck disable=SC2046
checked "$tmp/shared.svg" $(ids_of "$shared")
"$NATRISK" diagram examples/nrb-2012.yaml --compare examples/nrb-2011.yaml --lang nl \
	-o "$tmp/2012.svg" || fail "diagram 2012"
# shellcheck disable=SC2046
checked "$tmp/2012.svg" $(ids_of examples/nrb-2012.yaml)

# The check itself: b drawn on top of a hides it.
cat >"$tmp/hidden.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
<circle cx="50" cy="50" r="6" fill="#0072b2" class="point" data-scenario="a"/>
<circle cx="51" cy="50" r="6" fill="#d55e00" class="point" data-scenario="b"/>
<circle cx="150" cy="50" r="6" fill="#009e73" class="point" data-scenario="c"/>
</svg>
SVG
clicks "$tmp/hidden.svg" >"$tmp/self" || fail "no answer from Chromium for the self-test"
grep -q '^c [0-9]*/[0-9]* c$' "$tmp/self" || fail "self-test: a lone point c is not clickable: $(cat "$tmp/self")"
awk '$1 == "a" { split($2, f, "/"); exit !(f[1] < f[2] / 4) }' "$tmp/self" ||
	fail "self-test: a point under another passed: $(cat "$tmp/self")"

[ "$failed" -eq 0 ] && echo "diagram_click.sh: all passed"
[ "$failed" -eq 0 ]
